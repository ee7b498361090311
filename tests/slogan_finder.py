"""Finds numeral-bearing expressions that may be slogans, for the coverage test.

Broad on purpose: every candidate must be either in the dictionary or in its explicit
``not_slogans`` list, so a new seed report cannot bring a slogan in unnoticed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

NUM = "一二两三四五六七八九十百千万双"
_NUMERAL = re.compile(rf"[{NUM}0-9０-９]")
_QUOTED = re.compile(r"[“\"]([^”\"“\n]{1,24})[”\"]")
_UNQUOTED = [
    re.compile(rf"(?<![第{NUM}])[{NUM}]个[\u4e00-\u9fff]{{2}}"),  # 四个意识, 两个维护
    re.compile(rf"(?<![第{NUM}])[{NUM}]项[\u4e00-\u9fff]{{2}}"),  # 八项规定
    re.compile(
        rf"(?<![第{NUM}])[二两三四五六七八九十]大[\u4e00-\u9fff]{{2,3}}(?:战|行动|工程)"
    ),  # 三大攻坚战
    re.compile(r"十[一二三四五六]五"),  # 十四五
    re.compile(
        rf"(?<![第{NUM}])[{NUM}][\u4e00-\u9fff][{NUM}][\u4e00-\u9fff](?![\u4e00-\u9fff]{{0}}[{NUM}])"
    ),  # 三品一标, 六稳六保
    re.compile(r"(?<![0-9+＋])[0-9]+(?:[+＋][0-9A-Za-z]+)+(?![0-9+＋])"),  # 3+2+1, 1+3+N
    re.compile(
        r"(?<![0-9.])[0-9]{3,5}(?=发展|体系|工程|战略|模式|格局|行动|治理)"
    ),  # 13137发展大局
]
# ordinary counts and dates the unquoted patterns would otherwise bring up
_ORDINARY = re.compile(
    rf"^[{NUM}](?:个|项)(?:月|年|项目|小时|季度|重点|方面|方向|部门|乡镇|社区|村|街道)"
)


def candidates(text: str) -> Iterator[tuple[str, int]]:
    """(expression, offset) for quoted numeral-bearing expressions and unquoted slogan shapes."""
    for m in _QUOTED.finditer(text):
        # “3”即吃、住、行: the label of one part of a compound slogan, not a slogan itself
        if len(m.group(1)) == 1 and text.startswith("即", m.end()):
            continue
        if _NUMERAL.search(m.group(1)):
            yield m.group(1), m.start(1)
    for pattern in _UNQUOTED:
        for m in pattern.finditer(text):
            if not _ORDINARY.match(m.group()):
                yield m.group(), m.start()
