"""Dictionary candidates out of a report: its annotation notes and its inline definitions.

Annotation sections (附注, 名词解释, 注释, 注解, 注:) give ``kind="note"`` candidates; definitions in
the body (“四张清单”（需求、资源…）, “X”即…, X是指…) give ``kind="inline"``; a slogan whose items
are the document's own numbered headings (“六大行动” then （一）…（六）) gives ``kind="headings"``.

>>> [c.term for c in harvest("附注\\n8.“五化”:绿化、美化、照明化、净化、智化。\\n")]
['五化']
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import yaml

from .dictionary import leading_count, member_count

__all__ = ["Candidate", "HarvestResult", "candidates_to_yaml", "harvest", "harvest_report"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A slogan and its definition as a report gives them, with where they were found."""

    term: str
    label: str
    definition: str
    members: tuple[str, ...] = ()
    parts: tuple[tuple[str, tuple[str, ...]], ...] = ()
    kind: str = "note"
    where: str = ""
    quote: str = ""
    source: str | None = None
    start: int = 0


@dataclass(frozen=True, slots=True)
class HarvestResult:
    """Every candidate, in the order found, and how many note items could not be parsed."""

    candidates: tuple[Candidate, ...] = ()
    skipped: int = 0


# ---------------------------------------------------------------------------- patterns

_HEADING = re.compile(
    r"^[ \t　]*(?:\*\*|#+[ \t]*)?[ \t　]*(?:《?政府工作报告》?)?[ \t　]*"
    r"(附注|名词解释(?:和说明)?|注释|注解|注)[ \t　]*[:：]?[ \t　]*(?:\*\*)?[ \t　]*$",
    re.M,
)
_INLINE_NOTE_HEAD = re.compile(r"^[ \t　]*(?:\*\*)?注[:：]", re.M)  # “注：1.…” on one line
_NUMBER = re.compile(
    r"^[ \t　]*(?:\*\*)?[ \t　]*(?:\[(\d+)\]|[（(]([0-9０-９]+)[)）]|([0-9０-９]+)[ \t]*[.．、])[ \t　]*"
)
# where an annotation section stops: page furniture of the web copy
_STOP = re.compile(
    r"^[ \t　]*(?:扫一扫|打印本页|关闭窗口|【|相关链接|分享到|来源[:：]|---+\s*$|<!--)", re.M
)
_BOLD = re.compile(r"\*\*")
_QUOTED = re.compile(r"[“\"]([^”\"“]{1,30})[”\"]")
_NUMERAL = re.compile(r"[一二两三四五六七八九十百千万双0-9０-９]")
_PART = re.compile(r"[“\"]([^”\"“]{1,8})[”\"]即")
_SENTENCE_END = "。；;\n"
_LIST_SPLIT = re.compile(r"[、，,；;]|(?<=[^\s])(?:和|及|以及)(?=[^\s])")

# inline forms in the body, conservative: the slogan is quoted and holds a numeral
_INLINE_PAREN = re.compile(r"[“\"]([^”\"“]{2,20})[”\"][（(]([^（）()]{3,120})[)）]")
_INLINE_BEFORE = re.compile(r"([^，。；：“”\n]{4,120}?)等[“\"]([^”\"“]{2,20})[”\"]")
_INLINE_JI = re.compile(
    r"[“\"]([^”\"“]{2,20})[”\"][^，。；\n“”]{0,12}?[，,]?(?:即|是指|指的是)([^。；\n]{4,200})[。；]?"
)
_HEADING_SLOGAN = re.compile(
    r"[“\"]([一二两三四五六七八九十]大[^”\"“]{1,6}|[一二两三四五六七八九十]项[^”\"“]{1,6})[”\"]"
)
_CN_ORDINALS = "一二三四五六七八九十"


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _strip_term(label: str) -> str:
    """The slogan inside a note heading: 园区“3+2+1”生活配套体系 → 3+2+1, “X”行动 → X, but
    专精特新“小巨人” stays whole (its quoted part is not the slogan)."""
    label = label.strip().strip("*").strip()
    quoted: list[str] = _QUOTED.findall(label)
    if len(quoted) == 1 and (label.startswith(("“", '"')) or _NUMERAL.search(quoted[0])):
        return quoted[0].strip()
    return label


def _members(term: str, definition: str) -> tuple[str, ...]:
    """The items a definition enumerates, when their number is the slogan's numeral."""
    n = member_count(_strip_term(term))
    if not n:
        return ()
    first = re.split(r"[。；;]", definition.strip())[0]
    first = first.rsplit("即", 1)[-1] if "即" in first[:-4] else first
    first = re.sub(r"^(?:即|是指|指|包括|主要是)", "", first).strip()
    first = re.sub(
        r"(?:等)?[一二两三四五六七八九十0-9]+(?:个|项|大|种|类)[^、，,]{0,8}$", "", first
    )
    for splitter in (re.compile(r"[、]"), re.compile(r"[，,；;]"), _LIST_SPLIT):
        items = tuple(x.strip(" ，,") for x in splitter.split(first) if x.strip(" ，,"))
        if len(items) == n and all(len(x) <= 40 for x in items):
            return items
    return ()


def _parts(definition: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The part-by-part form: “3”即吃、住、行,“2”即教育、医疗 → ((3, (吃, 住, 行)), …)."""
    found = list(_PART.finditer(definition))
    if len(found) < 2:
        return ()
    out = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(definition)
        body = definition[m.end() : end].strip(" ，,；;。")
        items = tuple(x.strip() for x in re.split(r"[、]", body) if x.strip())
        out.append((m.group(1), items))
    return tuple(out)


# ---------------------------------------------------------------------------- notes


@dataclass
class _Item:
    start: int
    number: str
    lines: list[str] = field(default_factory=list)


def _sections(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, heading) of every annotation section."""
    heads = [(m.end(), m.group(1)) for m in _HEADING.finditer(text)]
    heads += [(m.start(), "注") for m in _INLINE_NOTE_HEAD.finditer(text)]
    heads.sort()
    for i, (start, name) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        stop = _STOP.search(text, start, end)
        yield start, stop.start() if stop else end, name


def _items(text: str, start: int, end: int) -> tuple[list[_Item], bool]:
    """The items of a section, numbered or one per paragraph; continuation lines join."""
    lines: list[tuple[int, str]] = []
    pos = start
    for line in text[start:end].split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    numbered = sum(1 for _, line in lines if _NUMBER.match(line)) >= 2
    items: list[_Item] = []
    for pos, line in lines:
        if not line.strip():
            continue
        m = _NUMBER.match(line) if numbered else None
        if m:
            items.append(_Item(pos + m.end(), next(g for g in m.groups() if g), [line[m.end() :]]))
        elif line.startswith("注") and _INLINE_NOTE_HEAD.match(line):
            continue
        elif numbered and items:
            items[-1].lines.append(line)
        elif not numbered:
            items.append(
                _Item(pos + len(line) - len(line.lstrip()), str(len(items) + 1), [line.strip()])
            )
    return items, numbered


def _split_note(body: str) -> tuple[str, str] | None:
    """(label, definition) at the first colon, or at the bold end, or at a space."""
    bold = re.match(r"^\s*\*\*(.+?)\*\*\s*[:：]?\s*(.*)$", body, re.S)
    if bold:
        label, rest = bold.group(1).strip(), bold.group(2)
        if label.endswith((":", "：")):
            label = label[:-1]
        elif re.search(r"[:：]", label):
            label, _, head = re.split(r"([:：])", label, maxsplit=1)
            rest = head + rest
        return label.strip(), _BOLD.sub("", rest).strip()
    body = _BOLD.sub("", body).strip()
    m = re.search(r"[:：]", body)
    if m and m.start() <= 60:
        return body[: m.start()].strip(), body[m.end() :].strip()
    m = re.search(r"[ \t　]+", body)
    if m and 1 <= m.start() <= 40:
        return body[: m.start()].strip(), body[m.end() :].strip()
    return None


def _notes(text: str, source: str | None) -> tuple[list[Candidate], int]:
    out: list[Candidate] = []
    skipped = 0
    for start, end, name in _sections(text):
        items, numbered = _items(text, start, end)
        for item in items:
            body = "\n".join(item.lines).strip()
            split = _split_note(body)
            if split is None or not split[0] or not split[1]:
                skipped += 1
                continue
            label, definition = split
            definition = re.sub(r"\s*\n\s*", "", definition)
            if len(label) > 60:
                skipped += 1
                continue
            term = _strip_term(label)
            quote_end = text.find("\n", item.start)
            quote = text[item.start : quote_end if quote_end > 0 else len(text)].strip()
            out.append(
                Candidate(
                    term=term,
                    label=label,
                    definition=definition,
                    members=() if _parts(definition) else _members(label, definition),
                    parts=_parts(definition),
                    kind="note",
                    where=f"{name}{item.number}" if numbered else f"{name}（第{item.number}条）",
                    quote=quote,
                    source=source,
                    start=text.find(quote, item.start - 2) if quote else item.start,
                )
            )
    return out, skipped


# ---------------------------------------------------------------------------- body


def _inline(text: str, source: str | None, skip: list[tuple[int, int]]) -> list[Candidate]:
    def outside(pos: int) -> bool:
        return not any(a <= pos < b for a, b in skip)

    found: dict[int, Candidate] = {}
    for m in _INLINE_PAREN.finditer(text):
        term, inner = m.group(1), m.group(2)
        members = _members(term, inner)
        if outside(m.start()) and _NUMERAL.search(term) and members:
            found[m.start()] = Candidate(
                term,
                f"“{term}”",
                inner,
                members,
                (),
                "inline",
                f"offset {m.start()}",
                m.group(0),
                source,
                m.start(),
            )
    for m in _INLINE_BEFORE.finditer(text):
        listed, term = m.group(1), m.group(2)
        listed = re.split(r"[，。；：]|形成|包括|推进|实现|建立", listed)[-1]
        members = _members(term, listed)
        if outside(m.start()) and _NUMERAL.search(term) and members:
            s = m.start() + m.group(0).find(listed)
            found[s] = Candidate(
                term,
                f"“{term}”",
                listed + "等",
                members,
                (),
                "inline",
                f"offset {s}",
                text[s : m.end()],
                source,
                s,
            )
    for m in _INLINE_JI.finditer(text):
        term, definition = m.group(1), m.group(2).strip()
        if not outside(m.start()) or not _NUMERAL.search(term) or len(term) == 1:
            continue
        if re.fullmatch(r"[0-9A-Za-z]", term):  # “3”即…: one part of a compound, not a slogan
            continue
        parts = _parts(m.group(0))
        members = () if parts else _members(term, definition)
        if not (members or parts or leading_count(term)):
            continue
        found.setdefault(
            m.start(),
            Candidate(
                term,
                f"“{term}”",
                definition,
                members,
                parts,
                "inline",
                f"offset {m.start()}",
                m.group(0),
                source,
                m.start(),
            ),
        )
    return [found[k] for k in sorted(found)]


def _headings(text: str, source: str | None) -> list[Candidate]:
    """A slogan whose items are the document's numbered headings that follow it."""
    out = []
    for m in _HEADING_SLOGAN.finditer(text):
        term = m.group(1)
        n = leading_count(term)
        # announced as the plan of the document (重点实施“六大行动”), headings right after it
        if (
            not n
            or n < 2
            or n > 10
            or not re.search(r"实施|开展|推进|打好|抓好", text[max(0, m.start() - 8) : m.start()])
        ):
            continue
        items = []
        pos = m.end()
        for k in range(n):
            h = re.compile(
                rf"^[ \t　]*[（(]{_CN_ORDINALS[k]}[)）][ \t　]*(?:实施)?([^，,。；\n]{{2,30}})",
                re.M,
            )
            hm = h.search(text, pos)
            if not hm or (k == 0 and hm.start() - m.end() > 600):
                break
            items.append(hm.group(1).strip())
            pos = hm.end()
        if len(items) == n:
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


# ---------------------------------------------------------------------------- API


def harvest_report(text: str, source: str | None = None) -> HarvestResult:
    """Every candidate in ``text`` (notes, inline, headings) and the count of unparsed note items."""
    try:
        notes, skipped = _notes(text, source)
        sections = [(a, b) for a, b, _ in _sections(text)]
        body = _inline(text, source, sections)
        heads = _headings(text, source)
    except (re.error, ValueError, IndexError):  # a document too broken to read: nothing, counted
        return HarvestResult((), 1)
    seen = {(c.kind, c.term, c.start) for c in notes}
    cands = [*notes, *(c for c in body + heads if (c.kind, c.term, c.start) not in seen)]
    cands.sort(key=lambda c: c.start)
    return HarvestResult(tuple(cands), skipped)


def harvest(text: str, *, source: str | None = None) -> list[Candidate]:
    """Dictionary candidates from a report's notes and inline definitions, in text order."""
    return list(harvest_report(text, source).candidates)


def candidates_to_yaml(cands: Sequence[Candidate], marks: Sequence[str] | None = None) -> str:
    """Candidates as YAML to review and paste into data/terms.yaml, in the order found."""
    rows = []
    for i, c in enumerate(cands):
        row: dict[str, object] = {"term": c.term}
        if c.label != c.term and c.label.strip("“”") != c.term:
            row["label"] = c.label
        row["definition"] = c.definition
        if c.members:
            row["members"] = list(c.members)
        if c.parts:
            row["parts"] = [{"label": label, "members": list(m)} for label, m in c.parts]
        row["kind"] = c.kind
        row["where"] = c.where
        row["quote"] = c.quote
        if marks is not None:
            row["status"] = marks[i]
        rows.append(row)
    return yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=120)
