"""The structure reader: a slogan whose items are the document's own numbered headings that
follow it (重点实施“六大行动” then （一）…（六）).

>>> text = "重点实施“两大行动”。\\n（一）实施产业升级行动\\n（二）实施城市更新行动\\n"
>>> [c.members for c in headings(text, None)]
[('产业升级行动', '城市更新行动')]
"""

from __future__ import annotations

import re

from ..numerals import leading_count
from .base import Candidate

__all__ = ["headings"]

_HEADING_SLOGAN = re.compile(r"“([一二两三四五六七八九十](?:大|项|个|方面|类|条)[^”“\n]{1,6})”")
# announced as the plan of what follows: 重点实施“六大行动”, 重点抓好“七个聚焦”
_ANNOUNCED = re.compile(r"实施|开展|推进|打好|抓好|做好|聚焦|突出|着力|坚持")
_CN_ORDINALS = "一二三四五六七八九十"
_NUMBERED = tuple(
    re.compile(rf"^[ \t　*]*[（(]{k}[)）][ \t　*]*(?:实施)?([^，,。；\n*]{{2,30}})", re.M)
    for k in _CN_ORDINALS
)
# the slogan closes the sentence right before the first heading: 重点抓好“七个聚焦”。\n（一）…
_LEADS_IN = re.compile(r"[^。；\n“”]{0,12}[。：:][ \t　]*\n(?:[ \t　]*\n)*")
_PART = re.compile(r"^[ \t　*#]*[一二三四五六七八九十]+、", re.M)  # the next part of the report


def headings(text: str, source: str | None) -> list[Candidate]:
    """A slogan whose items are the document's numbered headings that follow it, as many as it
    says: the sentence that announces it ends right before the first heading, and no further
    heading follows before the report's next part."""
    out = []
    for m in _HEADING_SLOGAN.finditer(text):
        term = m.group(1)
        n = leading_count(term)
        if not n or n < 2 or n > 9 or not _ANNOUNCED.search(text, max(0, m.start() - 8), m.start()):
            continue
        lead_in = _LEADS_IN.match(text, m.end())
        if not lead_in:
            continue
        items = []
        pos = lead_in.end()
        for k in range(n):
            # the first heading right after the announcing sentence, the others in order
            hm = _NUMBERED[k].match(text, pos) if k == 0 else _NUMBERED[k].search(text, pos)
            if not hm:
                break
            items.append(hm.group(1).strip())
            pos = hm.end()
        if len(items) < n:
            continue
        part = _PART.search(text, pos)
        more = _NUMBERED[n].search(text, pos, part.start() if part else len(text))
        if more:
            continue  # more headings than the slogan counts: not its list
        quote_end = text.find("。", m.start())
        quote = text[max(0, m.start() - 20) : quote_end + 1 if quote_end > 0 else m.end()]
        out.append(
            Candidate(
                term,
                f"“{term}”",
                "、".join(items),
                tuple(items),
                (),
                "headings",
                f"offset {m.start()}",
                quote,
                source,
                text.find(quote),
            )
        )
    return out
