"""The structure reader: a slogan whose items are the document's own numbered headings that
follow it (重点实施“六大行动” then （一）…（六）).

>>> text = "重点实施“两大行动”。\\n（一）实施产业升级行动\\n（二）实施城市更新行动\\n"
>>> [c.members for c in headings(text, None)]
[('产业升级行动', '城市更新行动')]
"""

from __future__ import annotations

import re

from ..numerals import leading_count
from ..patterns import lazy, regex
from .base import Candidate

__all__ = ["headings"]

_HEADING_SLOGAN = regex(r"“([一二两三四五六七八九十](?:大|项|个|方面|类|条)[^”“\n]{1,6})”")
# announced as the plan of what follows: 重点实施“六大行动”, 重点抓好“七个聚焦”
_ANNOUNCED = regex(r"实施|开展|推进|打好|抓好|做好|聚焦|突出|着力|坚持")
_CN_ORDINALS = "一二三四五六七八九十"
_NUMBERED = tuple(
    regex(rf"^[ \t　*]*[（(]{k}[)）][ \t　*]*(?:实施)?([^，,。；\n*]{{2,30}})", re.M)
    for k in _CN_ORDINALS
)
# the slogan closes the sentence right before the first heading: 重点抓好“七个聚焦”。\n（一）…
_LEADS_IN = regex(r"[^。；\n“”]{0,12}[。：:][ \t　]*\n(?:[ \t　]*\n)*")
_PART = lazy(r"^[ \t　*#]*[一二三四五六七八九十]+、", re.M)  # the next part of the report
_COUNT = lazy("^[一二两三四五六七八九十]+(?:大|项|个|方面|类|条)")
_ELEVENTH = lazy(r"^[ \t　*]*[（(]十一[)）]", re.M)


_LATER_CLAUSE = lazy(
    r"[，,]\s*(?:组织|深入|全面|大力|着力)?(?:实施|开展|推进|打好|建设)?([^，,。；\n*]{2,30})"
)


def _holding(text: str, item: str, word: str) -> str:
    """The heading's item: its first clause, or the later clause of its line that holds the
    form's word when the first does not."""
    if word in item:
        return item
    at = text.find(item)
    line_end = text.find("\n", at)
    line = text[at : line_end if line_end >= 0 else len(text)]
    later = next((m.group(1) for m in _LATER_CLAUSE().finditer(line) if word in m.group(1)), None)
    return later if later is not None and later.endswith(word) else item


def headings(text: str, source: str | None) -> list[Candidate]:
    """A slogan whose items are the document's numbered headings that follow it, as many as it
    says: the sentence that announces it ends right before the first heading, and no further
    heading follows before the report's next part."""
    out = []
    for m in _HEADING_SLOGAN.finditer(text):
        term = m.group(1)
        n = leading_count(term)
        if not n or n < 2 or n > 10:
            continue
        announced = _ANNOUNCED.search(text, max(0, m.start() - 8), m.start())
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
        word = _COUNT().sub("", term)
        if len(word) >= 2:
            # a heading whose first clause is a principle and a later one the item that holds
            # the form's word: （一）坚持项目为王、招商为要，组织实施有效投资攻坚行动
            items = [_holding(text, x, word) for x in items]
        # announced as the plan of what follows, or each heading holds the form's word
        # (就是“十个着力推进”。 then （一）着力推进项目建设扩总量 …)
        if not announced and not (len(word) >= 2 and all(word in x for x in items)):
            continue
        part = _PART().search(text, pos)
        after = _NUMBERED[n] if n < len(_NUMBERED) else _ELEVENTH()
        more = after.search(text, pos, part.start() if part else len(text))
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
