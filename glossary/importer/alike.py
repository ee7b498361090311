"""When two notes give a form the same meaning (the rule in README), and notes grouped by it."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..quotes import fold_for_quote
from .notes import COUNTING, Note, fold_definition

__all__ = [
    "FORMULA",
    "alike",
    "authority",
    "bigrams",
    "cluster",
    "fold_definition",
    "pair_weights",
    "similarity",
]


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


# how much of the shorter definition's character pairs the other must share: a slogan that
# states a count means its list, so the bar is higher there (judged pairs: README)
ALIKE_OVERLAP = 0.3  # a term without numerals (海绵城市, 河长制)
ALIKE_COUNTED = 0.6  # a Chinese numeral slogan (三重一大, 清四乱)
ALIKE_FORMULA = 0.7  # a formula or code (1+3+N, 5511, 9+3): a local programme's list
FORMULA = re.compile(r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ+＋·.]+")
NUMERAL = re.compile(f"[{COUNTING}0-9０-９]")


def pair_weights(notes: Iterable[Note]) -> dict[str, float]:
    """Inverse document frequency of each character pair over every definition, to rank cue
    words: a pair most definitions share (建设, 发展) says little; one few share (疫情) much."""
    df: Counter[str] = Counter()
    n = 0
    for note in notes:
        df.update(bigrams(note.key or fold_definition(note.term, note.definition)))
        n += 1
    return {g: math.log((n + 1) / (c + 1)) + 1.0 for g, c in df.items()}


# what a note may put before a member without changing it: 学习中共党史, 是党史, 中国共产党党史
_MEMBER_LEAD = re.compile(r"^(?:是指|是|即|指|学习|加强|推进|坚持|中国共产党|中共|党的)")


def _member_core(member: str) -> str:
    core = _MEMBER_LEAD.sub("", fold_for_quote(member))
    return core if len(core) >= 2 else fold_for_quote(member)


def _members_agree(a: Sequence[str], b: Sequence[str], strict: bool = False) -> bool:
    """Every member of the shorter list is in the other (one wording inside the other's, once
    the words a note may put before a member are set aside: 学习中共党史 and 中国共产党党史 are
    both 党史). ``strict`` (two lists read in bodies): as many members, each inside one at least
    half its length (城市 is no member of 全省城市建设)."""
    fa = [_member_core(x) for x in a]
    fb = [_member_core(x) for x in b]
    small, big = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    if strict:
        return len(fa) == len(fb) and all(
            any(_inside(x, y) or _inside(y, x) for y in big) for x in small
        )
    own_small, own_big = _own_words(small), _own_words(big)
    fits = []
    for i, x in enumerate(small):
        holds = [j for j, y in enumerate(big) if x in y or y in x or own_small[i] & own_big[j]]
        if any(len(big[j]) > len(x) for j in holds):
            continue  # a longer member names it (a note's clause names it with others)
        fits.append(holds)
    return _one_each(fits)


def _one_each(fits: Sequence[Sequence[int]]) -> bool:
    """Whether each member can take a counterpart of its own (``fits[i]``: the other list's
    members that member ``i`` holds or shares a word with): one word every member holds
    (项目 of five 项目…清单) is one counterpart, not five.

    >>> _one_each([[0], [0, 1]]), _one_each([[0], [0]])
    (True, False)
    """
    taken: dict[int, int] = {}  # counterpart -> member

    def place(i: int, seen: set[int]) -> bool:
        for j in fits[i]:
            if j not in seen:
                seen.add(j)
                if j not in taken or place(taken[j], seen):
                    taken[j] = i
                    return True
        return False

    return all(place(i, set()) for i in range(len(fits)))


def _own_words(members: Sequence[str]) -> list[set[str]]:
    """Each member's three-character words that no other member of its list has: what names
    it (水资源 of 统筹推进水资源 and of 水资源保护), never what the list's members share
    (示范区, 现代化)."""
    grams = [{m[i : i + 3] for i in range(len(m) - 2)} for m in members]
    return [
        g - set().union(*(h for j, h in enumerate(grams) if j != i)) for i, g in enumerate(grams)
    ]


def _inside(x: str, y: str) -> bool:
    return x in y and 2 * len(x) >= len(y)


def alike(a: Note, b: Note) -> bool:
    """Do two notes give a form the same meaning? The rule, in README:

    when both enumerate members, every member of the shorter list is in the other (a list
    changed by one item is another meaning); otherwise the character pairs the two folded
    definitions share (the term itself and lead-ins like 是指 removed) make up at least
    ALIKE_OVERLAP of the shorter definition's pairs — ALIKE_COUNTED for a slogan with a
    numeral, ALIKE_FORMULA for a formula or code of digits.
    """
    if a.members and b.members:
        return _members_agree(a.members, b.members, strict=a.reading and b.reading)
    bar = (
        ALIKE_FORMULA
        if FORMULA.fullmatch(a.term)
        else ALIKE_COUNTED
        if NUMERAL.search(a.term)
        else ALIKE_OVERLAP
    )
    return similarity(a, b) >= bar


def similarity(a: Note, b: Note) -> float:
    """The share of the shorter definition's character pairs found in the other."""
    ka = a.key or fold_definition(a.term, a.definition)
    kb = b.key or fold_definition(b.term, b.definition)
    if ka == kb:
        return 1.0
    ga, gb = bigrams(ka), bigrams(kb)
    if not ga or not gb:
        return 0.0
    return len(ga & gb) / min(len(ga), len(gb))


def authority(n: Note) -> tuple[bool, int, int]:
    """Notes before body readings, higher issuers first, then the most recent report."""
    return (n.reading, n.level, -n.year)


def cluster(notes: Sequence[Note]) -> list[list[Note]]:
    """Notes of one form grouped by meaning: each note joins the first group whose leading
    (most authoritative) note it is alike to."""
    groups: list[list[Note]] = []
    for note in sorted(notes, key=authority):
        for group in groups:
            if alike(group[0], note):
                group.append(note)
                break
        else:
            groups.append([note])
    return groups
