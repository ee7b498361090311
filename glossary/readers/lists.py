"""The list reader: a form spelled out by the list right before or right after it, when the
list has as many items as the form's numeral says.

Before: 推进文化、科技、卫生、法律“四下乡”; 编制产业补链强链、产值增量减量、企业诉求办理“三张清单”;
产业补链强链、产值增量减量和企业诉求办理“三张清单”. After:
“十大发展优势”，战略机遇交汇叠加、交通网络四通八达…; “五网”：交通网、能源网…; “四种本领”。一是…二是….

A “一号…” form is spelled out by the name right before it: 数字经济“一号工程”, 把产业强市作为“一号
战略”. A list whose count differs from the numeral is not a definition; nor is a list of other quoted
slogans (“两重”、“两新”), or of verbs that take the form as their object (自觉践行、忠诚捍卫
“两个确立”).

>>> [c.members for c in before("持续实施垃圾、污水、厕所“三大革命”。", None)]
[('垃圾', '污水', '厕所')]
>>> [c.members for c in after("建设“三网”：轨道交通网、公交网和慢行网。", None)]
[('轨道交通网', '公交网', '慢行网')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from ..numerals import leading_count, member_count
from ..patterns import lazy, regex
from .base import JI_AFTER_IN_WORD, JI_BEFORE_IN_WORD, JI_JOINS, MOVES, NUMERAL, Candidate

__all__ = ["after", "before", "count_of", "enumeration", "quoted_lists"]

_LEADS = "一二两三四五六七八九十双"
_PREFIXES = "新无老"
# an opening quote and a numeral: where a counted form may follow a list (a literal first
# character, rarer than 、 or 和: the pattern runs at memory speed over text that shows none)
_COUNTED_QUOTE = lazy(rf"“(?=[{_PREFIXES}]?[{_LEADS}])")
# the last joiner of a list and its last item, right before that quote
_LIST_TAIL = regex(r"、[^、，。；：！？“”\n]{1,24}\Z")
# a quoted form then a list in the same sentence: “X”，A、B…, “X”：A、B…
# a quoted counted form and the mark after it: a list or the clauses that spell it out follow
# or a few words and a parenthesis that lists its items: “四创”文章（创新体制、创新科技、…）
_AFTER = regex(rf"“([{_LEADS}][^“”\n]{{1,12}})”(?:[：:，,]|([^，,。；;、“”（(\n]{{1,6}})（)")
_PARENTHESIS_END = lazy(r"[^（）()\n]{3,160}）")
_PARENTHESIS_LABEL = lazy(r"^[^、：:]{1,8}[：:]")  # （三乱：乱闯红灯、…）
_AFTER_LIST = regex(r"[^，。；：！？“”\n]{1,24}、")
_AFTER_LEAD = regex(r"(?:即|就是|是指|指)?[：:]?")
_COMMA = regex("[，,]")
# a pair joined by 和/与 right before a 双-form, its opening quote: 不良贷款余额与不良贷款率实现“双下降”
_PAIR = regex(
    rf"(?:和|与|{JI_JOINS})([^、，,。；;：:！？“”\n和与及]{{2,10}}?)(?:均|同步|同时)?(?:实现)?的?\Z"
)
_JOINED = regex(f"和|与|{JI_JOINS}")
_PAIR_MAX = 12  # a longer first item is a plan of its own beside the form, not one of its pair
_CLAUSE_END = "，,。；;：:！？!?\n（）()《》*"  # and Markdown's bold: **实施A、B“X”
_CLAUSE_BREAK = regex(f"[{_CLAUSE_END}]")
_PAIR_BREAK = regex(f"[{_CLAUSE_END}、]")
_JOINERS = regex(r"(?<=\S)(?:以及|和|及)(?=\S)")  # not 与: 界面与山河湖海 is “with”
# what may lead the first item: the verbs (and adverbs) whose object the list is — 加快推动,
# 深入实施, 编制, 培育 …
_VERBS = (
    "实施|推进|推动|开展|打好|打赢|打造|编制|培育|加强|加大|加快|建设|建立|健全|完善|深化|强化|"
    "围绕|聚焦|坚持|落实|抓好|做好|实现|发挥|构建|提升|优化|培养|形成|包括|突出|梳理|发布|"
    "支持|鼓励|引导|统筹|扎实|深入|持续|全面|大力|积极|着力|全力|努力|重点|充分|不断|进一步|"
    "更加|切实|狠抓|抓实|做实|做强|做优|做大|建好|用好|管好|推行|探索|创新|提高|增强|促进|"
    "面对|严守|按照|确保|完成|实行|启动|依托|构筑|搭建|营造|试行|开通|树立|锻造|"
    "按|以|在|从|对|把|将|要|并|还"
)
# words that lead a list but may open a later item too (组织振兴, 严格监管): not a clause there
_LEADS_ONLY = (
    "做到|夺取|取得|继续|严格|严控|稳妥|放大|运用|组织|应对|始终|保持|力争|通过|采取|坚守|了|"
    "激发|壮大|织密|织牢|倾力|让|"
    # a note's explanation opens with these: “X”：指A、B、C“Y”…, 一是打好A、B“三大攻坚战”
    "是指|指(?![挥导标数南引令定出])|即(?![时将刻便可使日期])|[一二三四五六七八九十]是"
)
_LEAD_VERB = regex(f"(?:{_VERBS}|{_LEADS_ONLY})好?")
# a later item that opens with a verb starts a new clause: 产业合作、农业开发、推动直接“三通”
# the verbs of two characters or more: a one-character one (以, 在) is as often an item's
MULTI_VERBS = "|".join(v for v in _VERBS.split("|") if len(v) > 1)
ITEM_VERB = regex(f"^(?:{MULTI_VERBS})")
# where, not what: levels and districts the form applies to (村、社区“两委”; 南山区、招商局集团
# “双创”; 国家和省级“双高计划”, 全省和全国“双拥模范城”), unless the form counts them (城区、园区、
# 景区“三区”); a city may be a member (环太湖、南京、徐州“三大科创圈”)
_LEVELS = "省|市|县|区|镇|乡|村|社区|乡镇|部门|单位|国家|全国|全省|全市|中央|国家级|省级|市级"
_SCOPE = regex(f"^(?:{_LEVELS})$|(?:县|区|镇|村|集团|公司)$")
# among three or more, parks and scenic areas are things the form counts (奥运、园区、生态、县域
# “四型经济”), where a pair is as often the places it applies to (南北高教园区和国家级“双创”)
_SCOPE_MANY = regex(f"^(?:{_LEVELS})$|(?:县|(?<![园景])区|镇|村|集团|公司)$")
# a list of verbs with the form as their object: 自觉践行、坚决做到“两个维护”
_VERB_END = regex(
    r"(?:践行|捍卫|拥护|维护|落实|贯彻|做到|坚持|坚定|树牢|纳入|学习|领会|把握|用好|弘扬|争创|"
    r"创建|实现|保持|守住|筑牢|扛起|答好|写好|唱好|下好|走好|用活|受到|严控|制止|杜绝|防止|打击|"
    r"遏制|查处|整治|治理|通过|入选|获评|获批|列入|到|于|为|成|和|及|与|并)$"
)
_NAMED_WORKS = ("维护", "治理", "整治", "落实")
_QUANTITY = regex(
    r"[0-9０-９][0-9.．]*(?:%|％|个|家|亿|万|项|元|条|座|所|户|人)"
)  # 增长6.9%, 火石2家
_QUOTED_COUNT = regex(r"“[^”]*[一二两三四五六七八九十百千万双0-9][^”]*”")
_ITEM_MAX = 24
_DURATION = regex("[年月日天周岁]")  # 三年行动计划: how long, not how many
_LEAD_INTRO = regex(r"^(?:即|指|是指|就是|包括|分别是|主要是)")
_ORDINALS = "一二三四五六七八九十"
_SENTENCE = lazy(r"[。；;\n]")
_CLAUSE = lazy(r"[，,：:]")


# words whose 一 counts nothing: 五统一 announces five items, 五证合一 five certificates;
# nor the rate each of a count's targets reaches: 三个100% announces three items
_ONE_WORDS = regex("(?<=.)(?:统一|合一|一体)|(?<=个)(?:[0-9０-９.．]+[%％]|一批)$")
# nor 零 after the count: 双零 announces two zeros (零病亡、零感染), 三清零 three clearances
_ZERO = regex("(?<=.)零")


# what a list's last item may end in after 等: the kind of all its items (等外贸, 等治淮)
KIND_AFTER = regex("(?<=..)(?<![中平同高初对均相优特上下次一二三])等[\u4e00-\u9fff]{1,4}$")
# names that open with a count word and a prefix: one thing each, no list's count
_NAMES = frozenset(("新三板", "新四军", "老三届"))


@functools.lru_cache(maxsize=8192)  # forms recur across a corpus and within a report
def count_of(form: str) -> int | None:
    """How many items a form announces when its only numeral leads it: 三大革命 → 3; None for
    a compound (三度一色, 1+3+N: which items go with which numeral is guesswork), a numbered
    name (十四五), one thing (一件事) or a length of time (三年行动计划).

    >>> count_of("三大革命"), count_of("双冷"), count_of("三度一色"), count_of("三年行动")
    (3, 2, None, None)
    >>> count_of("五统一"), count_of("三位一体"), count_of("三个100%"), count_of("八个一批")
    (5, 3, 3, 8)
    """
    # (双同步、零时差 is two slogans, not a count)
    if len(form) > 2 and form[0] in _PREFIXES and form[1] in _LEADS:
        # 新三大红利, 无三害: a word before the count (not a name: 新三板)
        return None if form in _NAMES else count_of(form[1:])
    bare = _ONE_WORDS.sub("", form)
    n = member_count(bare if "、" in form else _ZERO.sub("", bare))
    if n is None or n > 12 or _DURATION.match(form, 1 + (form[1:2] == "十")):
        return None
    return n


def _split(span: str) -> list[str]:
    """The items of a 、-list; its last item may hold the last joiner (A、B和C)."""
    items = span.split("、")
    last = _JOINERS.split(items[-1])
    return [*items[:-1], *last] if len(last) == 2 else items


def _valid(items: list[str], form: str, said: bool = False) -> bool:
    """A list of like items: none empty or long, none another counted slogan (“两重”、“两新”,
    坚定拥护“两个确立”、坚决做到), the last not a verb whose object is the form, none after
    the first opening a clause of its own, none a place or level the form applies to, and no
    item four times as long as another (a clause, not an item)."""
    if not items or any(not x or len(x) > _ITEM_MAX for x in items):
        return False
    if any(_QUOTED_COUNT.search(x) or _QUANTITY.search(x) for x in items):
        return False
    if any(x.count("“") != x.count("”") for x in items):
        return False  # a 、 inside a quotation: 科技企业“双倍增、双提升”
    # items that all end in the form's word are its members whatever they open with
    # (民生先动、市场推动、…、创新驱动、环境促动的“六动措施”)
    ends = {x[-1] for x in items}
    alike = len(items) > 2 and len(ends) == 1 and ends <= set(form[1:])
    # nor where the text says they are the form's (“五项改革”，即…、完善…制度、…): ``said``
    opens = not alike and not said and any(ITEM_VERB.match(x) for x in items[1:])
    # a last item ending in such a verb, save a work named by its object (市政设施维护, 环境整治,
    # 污水治理) among nouns (日常保洁、绿化养护、市容监管、市政设施维护“四位一体”)
    named = len(items) > 2 and len(items[-1]) >= 4 and items[-1].endswith(_NAMED_WORKS)
    verbs = sum(1 for x in items if _VERB_END.search(x))
    if (_VERB_END.search(items[-1]) and not (named and verbs == 1)) or opens:
        return False
    scope = _SCOPE_MANY if len(items) > 2 else _SCOPE
    if any((s := scope.search(x)) and s.group(0) not in form for x in items):
        return False
    sizes = [len(x) for x in items]
    return max(sizes) <= 4 * min(sizes)


def _paired(items: list[str], form: str) -> bool:
    """Two items are a pair the form names only when each shares a character with the form's
    words (招商引资、招才引智“双招”; 城市修补、生态修复“双修”): two nouns before a 两-form are
    as often the places or things it is about (城乡差别、城镇内部“二元结构”)."""
    words = set(form.lstrip(_LEADS)) - set("大个项种条")
    return len(items) != 2 or all(words & set(x) for x in items)


def strip_lead(items: list[str], *, short: bool = True) -> tuple[list[str], int]:
    """The list without the verbs that lead its first item (加快推动A、B), and how many
    characters they took; a verb stays when taking it would leave the item shorter than the
    others (推进创新链、产业链: 创新 is a verb, but 链 is no item). ``short`` False: a verb of
    one character (在, 对) stays but for the frames 以, 把, 将 and a note's 即, 指 (即在建投产项目
    清单: 在建 is the item's word)."""
    first, cut = items[0], 0
    floor = max(2, min(len(x) for x in items[1:]) - 1) if len(items) > 1 else 2
    while m := _LEAD_VERB.match(first, cut):
        if len(first) - m.end() < floor:
            break
        if not short and m.end() - m.start() == 1 and first[m.start()] not in "以把将即指":
            break
        cut = m.end()
    return [first[cut:], *items[1:]], cut


_PIECE = regex(f"([{_LEADS[:-1]}]|双)([^{_LEADS}0-9、·，]+)")  # 双随机、一公开: no compound
_COUNT_WORDS = frozenset("大个项类条批张种")
# 以A、B、C为核心的“X”: the frame around the list is not its last item
_FRAME_END = regex(r"为(?:核心|重点|代表|主要内容|主体|主|抓手|龙头|支撑|引领|载体)$")


def compound(form: str) -> tuple[tuple[str, int], ...]:
    """The pieces of a compound form and what each counts: 三度一色 → ((三度, 3), (一色, 1));
    empty when the form is not one (三个一批 counts 一批 three times; 五大行动 is one piece).

    >>> compound("三度一色"), compound("三个一批")
    ((('三度', 3), ('一色', 1)), ())
    """
    pieces = []
    at = 0
    for m in _PIECE.finditer(form):
        if m.start() != at or set(m.group(2)) <= _COUNT_WORDS:
            return ()
        pieces.append((m.group(0), leading_count(m.group(0)) or 0))
        at = m.end()
    counts = [k for _, k in pieces]
    # 一县一策, 一村一品: one of each, a rule, not two lists
    ok = at == len(form) and len(pieces) >= 2 and all(counts) and max(counts) > 1
    return tuple(pieces) if ok and sum(counts) <= 12 else ()


def _named(pieces: tuple[tuple[str, int], ...], items: list[str]) -> bool:
    """Each item holds a word of its piece (天马山、凤凰山、桃子湖“两山一湖”): a count that
    matches by chance splits places or clauses that name none (晋江、石狮、南安“两江一湾”)."""
    # pieces that say which way the items move (三降一升, 两增一减): the order tells, the items
    # (空气质量综合指数、PM10浓度、PM2.5浓度、优良天数) name none of them
    if len({label[1:] for label, _ in pieces}) > 1 and all(
        label[1:] in MOVES for label, _ in pieces
    ):
        return True
    i = 0
    for label, k in pieces:
        word = set(label[1:]) - _COUNT_WORDS
        if not all(word & set(x) for x in items[i : i + k]):
            return False
        i += k
    return True


def _compound_candidate(
    form: str,
    pieces: tuple[tuple[str, int], ...],
    items: list[str],
    at: int,
    quote: str,
    source: str | None,
) -> Candidate:
    """A compound's list split piece by piece, in order: 气候温度、海洋深度、地理纬度和绿色生态
    “三度一色” → 三度: the first three, 一色: the last."""
    parts = []
    i = 0
    for label, k in pieces:
        parts.append((label, tuple(items[i : i + k])))
        i += k
    definition = "；".join(f"{label}：{'、'.join(xs)}" for label, xs in parts) + "。"
    return Candidate(
        form, f"“{form}”", definition, (), tuple(parts), "list", f"offset {at}", quote, source, at
    )


def _candidate(form: str, items: list[str], quote: str, at: int, source: str | None) -> Candidate:
    return Candidate(
        form,
        f"“{form}”",
        # items that hold 、 themselves (务必不忘初心、牢记使命) are kept apart by a stronger mark
        ("；" if any("、" in x for x in items) else "、").join(items) + "。",
        tuple(items),
        (),
        "list",
        f"offset {at}",
        quote,
        source,
        at,
    )


def _form_at(text: str, q: int) -> tuple[str, int] | None:
    """The quoted form whose opening quote is at ``q``, and the position after its closing one."""
    end = text.find("”", q + 1, q + 14)
    if end < 0 or "“" in text[q + 1 : end]:
        return None
    return text[q + 1 : end], end + 1


# a programme a place ranks first: 数字经济“一号工程”, 把产业强市作为“一号战略”
_FIRST_RANK = lazy("一号(?:[^”]{0,4})?(?:工程|战略|项目|行动|任务|改革|产业|课题)")
_RANKED = lazy(r"(?:把|将)?([^，,。；;：:！？\n、（）()]{2,18}?)(?:作为|列为|为|是)?\Z")
# the verbs before the name: where they stop, it starts (强力推进招商引资, 聚力攻坚数字经济…)
_RANK_VERBS = (
    "实施|推进|推动|打造|抓好|抓牢|抓实|强攻|紧盯|配合|攻坚|聚力|聚焦|迭代|突出|坚持|围绕|加快|落实|"
    "强化|加强|深化|培育|大力|全力"
)
_RANK_VERB = lazy(_RANK_VERBS)
# who ranks it, after the name (湘江保护与治理省政府“一号重点工程”)
_RANKER = lazy("(?:(?:省|市|州|区|县)?(?:委|政府)|省|自治区)?$")
# a clause that ends on a verb names nothing (强势推进“一号工程”; 项目建设 is a name)
_RANK_END = lazy(f"(?:{_RANK_VERBS})$")
_NOT_RANKED = lazy(
    "(?:全|我|本|各|该)(?:市|省|区|县|州|盟|旗)|市县|特别是|尤其是|[的之对以和与及等]|(?:区|县|镇|村)$"
)


def _first_rank(text: str, q: int) -> str | None:
    """What a “一号…” form ranks first, named right before it in its clause (数字经济“一号
    工程”; 把产业强市作为“一号战略”), or None."""
    start = _clause_start(text, max(0, q - 20), q)
    if start == max(0, q - 20) and start and not _CLAUSE_BREAK.match(text, start - 1):
        return None
    # not the list's lead verbs: 推进全面创新改革 would lose 全面创新 (adverb, verb) too
    m = _RANKED().search(text, start, q)
    if m is None or NUMERAL.search(text, max(0, m.start() - 1), m.start() + 1):
        return None  # 第二轮土地延包工作: the name runs back past a numeral
    # 把温暖工程作为今年的民生“一号工程”; 我们把社保试点作为全省的…
    name = re.split("把|将", m.group(1).split("作为")[0])[-1]
    cuts = [v.end() for v in _RANK_VERB().finditer(name) if len(name) - v.end() >= 2]
    name = name[cuts[-1] :] if cuts else name
    name = name[: len(name) - len(_RANKER().search(name).group(0))]  # type: ignore[union-attr]
    # 强势推进“一号工程”, 强化“一号工程”: a verb, no name
    if len(name) < 2 or _RANK_END().search(name) or _LEAD_VERB.fullmatch(name):
        return None
    if _NOT_RANKED().search(name) or NUMERAL.search(name) or _VERB_END.search(name):
        return None
    return name


def _ranked(text: str, spans: list[tuple[int, int]], source: str | None) -> list[Candidate]:
    """The “一号…” forms a text names what they rank first for, one name per form: a text
    that gives one form two names (three “一号工程”) explains none of them."""
    names: dict[str, set[str]] = {}
    first: dict[str, Candidate] = {}
    for m in _COUNTED_QUOTE().finditer(text):
        q = m.start()
        found = _form_at(text, q) if text.startswith("一号", q + 1) else None
        if not found or not _FIRST_RANK().fullmatch(found[0]) or any(a <= q < b for a, b in spans):
            continue
        form, end = found
        name = _first_rank(text, q)
        if name is None:
            continue
        names.setdefault(form, set()).add(name)
        at = text.rfind(name, 0, q)
        first.setdefault(form, _candidate(form, [name], text[at:end], at, source))
    return [c for form, c in first.items() if len(names[form]) == 1]


# the opening quotes of counted forms with something before them to read, found in the text
# reversed, where what stands before a quote follows it: the list's last 、 within 25
# characters, no break between (_LIST_TAIL), a 和/与/及 within 20 before a 双/两 form (_JOINED),
# a character repeated two apart (农技农经农机“…”), or a closing quote (“A+B”的“…”). Most
# quoted numerals have none; one pass in C leaves only those for Python to look at.
_BEFORE_REVERSED = regex(
    rf"(?s)“(?:(?<=[{_LEADS}]“)|(?<=[{_LEADS}][{_PREFIXES}]“))"
    r"(?:(?=[^、，。；：！？“”\n]{1,24}、)"
    rf"|(?<=[双两]“)(?=.{{0,19}}?(?:和|与|(?<!{JI_BEFORE_IN_WORD})及(?![{JI_AFTER_IN_WORD}])))"
    r"|(?=.(.).\1)"
    r"|(?=”|的”))"
)


def _before_quotes(text: str) -> list[int]:
    """The positions of the opening quotes ``_BEFORE_REVERSED`` finds, in text order."""
    last = len(text) - 1
    return [last - m.start() for m in _BEFORE_REVERSED.finditer(text[::-1])][::-1]


def before(text: str, source: str | None, skip: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """Forms spelled out by the 、-list (or the 和/与 pair) right before their opening quote."""
    spans = list(skip)
    out = _ranked(text, spans, source) if "“一号" in text else []
    for q in _before_quotes(text):
        back = max(0, q - 26)
        listed = _LIST_TAIL.search(text, back, q)
        paired = text[q + 1] in "双两" and _JOINED.search(text, max(0, q - 20), q)
        joined = q >= 4 and text[q - 2] == text[q - 4]
        plus = text.endswith("”", 0, q) or text.endswith("”的", 0, q)
        found = _form_at(text, q)
        if not found or any(a <= q < b for a, b in spans):
            continue
        form, end = found
        n = count_of(form)
        found_list = _list_before(text, q, n, form) if n and listed else None
        if found_list is None and paired and n == 2:
            pair = _PAIR.search(text, max(0, q - 20), q)
            found_list = _pair_before(text, pair, form) if pair else None
        if found_list is None and plus and n:
            found_list = _plus_before(text, q, n)
        # three or more: two such words are as often a verb's pair (配齐配强“两委”)
        if found_list is None and joined and n and n > 2:
            found_list = _joined_before(text, q, n)
        if found_list is not None:
            items, at = found_list
            out.append(_candidate(form, items, text[at:end], at, source))
            continue
        # a compound (三度一色), or a count whose 一体 is a piece of its own (三园一体: three
        # parks and 田园综合体, not three things in one)
        pieces = compound(form) if listed else ()
        read = _list_before(text, q, sum(k for _, k in pieces), form) if pieces else None
        if read is not None and _named(pieces, read[0]):
            out.append(_compound_candidate(form, pieces, *read, text[read[1] : end], source))
    return out


# a quotation's closing mark and a count right after it: “六安茶谷、淠淮生态经济带、江淮果岭、
# 西山药库”四大平台 (a closing quote before a numeral: rarer than the opening one)
_QUOTED_LIST_END = regex(f"”(?=[{_LEADS}])")
_QUOTED_LIST_REACH = 300  # how far back the quotation of such a list may open
# where the count's words end: the form is a part of them the text quotes elsewhere
_AFTER_QUOTATION = regex(r"[^，,。；;：:、！？“”（）()《》\n*\[［]{3,10}")


def quoted_lists(
    text: str, source: str | None, skip: Iterable[tuple[int, int]] = ()
) -> list[Candidate]:
    """Forms whose items a quotation lists right before their count, the form itself unquoted
    there and quoted only later in the text: “蔬菜、牛羊肉、奶产品”三大基地建设, then “三大基地”
    (the text quoting the form says which of the words after the list it is, not 三大基地建设).

    >>> [(c.term, c.members) for c in quoted_lists("加快“蔬菜、牛羊肉、奶产品”三大基地建设。推进“三大基地”发展。", None)]
    [('三大基地', ('蔬菜', '牛羊肉', '奶产品'))]
    """
    spans = list(skip)
    out: list[Candidate] = []
    read: set[str] = set()
    for m in _QUOTED_LIST_END.finditer(text):
        close = m.start()
        opens = text.rfind("“", max(0, close - _QUOTED_LIST_REACH), close)
        words = _AFTER_QUOTATION.match(text, close + 1)
        if opens < 0 or words is None or any(a <= opens < b for a, b in spans):
            continue
        quotation = text[opens + 1 : close]
        items = quotation.split("、")
        if len(items) < 2 or "”" in quotation or "\n" in quotation:
            continue
        if any(not 1 <= len(x) <= _ITEM_MAX for x in items):
            continue
        n = len(items)
        counted = [
            f
            for k in range(len(words.group(0)), 2, -1)
            if count_of(f := words.group(0)[:k]) == n and f not in read
        ]
        if not counted:
            continue
        elsewhere = re.compile("“(" + "|".join(map(re.escape, counted)) + ")”")
        first: dict[str, int] = {}
        for q in elsewhere.finditer(text):
            first.setdefault(q.group(1), q.start())
        # the list introduces the form, quoted only after it: a quoted use before the list is
        # as often another meaning of a common count (三位一体, 六大工程 of another field)
        form = next((f for f in counted if first.get(f, -1) > close), None)
        if form is None:
            continue
        read.add(form)
        out.append(_candidate(form, items, text[opens : close + 1 + len(form)], opens, source))
    return out


def _plus_before(text: str, q: int, n: int) -> tuple[list[str], int] | None:
    """The parts of a quoted formula of words, or the items of a quoted list, right before the
    form: “线上洽谈+线下对接”的“双线”, “基层供销社+村集体经济组织+农民专业合作社”的“三社”,
    “定机构、定职能、定编制”的“三定”."""
    close = q - 1 if text[q - 1] == "”" else q - 2
    at = text.rfind("“", max(0, close - 80), close)
    if at < 0:
        return None
    inner = text[at + 1 : close]
    # or a quoted 、-list: 对“有前景、有困难”的“两有”企业
    items = inner.split("+") if "+" in inner else inner.split("、")
    if len(items) != n or any(not 2 <= len(x) <= 16 or NUMERAL.search(x) for x in items):
        return None
    return items, at


# the second characters of a verb doubled with its complements: 压紧压实, 用足用好, 走深走实
_COMPLEMENTS = frozenset("好实牢紧细足深赢密强优大快严准活稳透")
_JOINED_OPENS = lazy(f"(?:(?:{_VERBS}|{_LEADS_ONLY})好?|[{_CLAUSE_END}、的和与])$")


def _joined_before(text: str, q: int, n: int) -> tuple[list[str], int] | None:
    """Items of two characters written with no mark between them, each opening with one
    character, right before the form: 农技农经农机“三支队伍”, 医疗医保医药“三医”; not a verb
    doubled with its complements (压紧压实“四方责任”)."""
    at = q - 2 * n
    if at < 0 or (at and not _JOINED_OPENS().search(text[max(0, at - 6) : at])):
        return None  # the items must open their clause or follow its verb
    items = [text[i : i + 2] for i in range(at, q, 2)]
    if len({x[0] for x in items}) != 1 or len(set(items)) != n:
        return None
    if not all("\u4e00" <= ch <= "\u9fff" for x in items for ch in x):
        return None
    if all(x[1] in _COMPLEMENTS for x in items):
        return None
    return items, at


def _clause_start(text: str, start: int, end: int, breaks: re.Pattern[str] | None = None) -> int:
    """Where the clause that ends at ``end`` begins, looking no further back than ``start``."""
    cut = start
    for m in (breaks or _CLAUSE_BREAK).finditer(text, start, end):
        cut = m.end()
    return cut


_REACHED = regex(
    "(?<=[^、]{2})(?:连续[一二三四五六七八九十0-9]+年|比[0-9]{4}年|在[^、]{2,6}率先|"
    "继续|持续|连续|同比|均|全部|都|努力|力争)*(?:实现|保持)?(?:了)?$"
)


def _list_before(text: str, q: int, n: int, form: str) -> tuple[list[str], int] | None:
    opens = _clause_start(text, max(0, q - 160), q)
    clause = text[opens:q]
    if n - 1 < clause.count("、") and (joined := _joined_tail(clause, n)):
        # another list of the clause ends where this one opens with 和 (…海洋装备3个特色产业园和
        # 高新区仿真、车联、健康、电商“四朵云”)
        opens += joined
        clause = clause[joined:]
    if not 0 <= n - 1 - clause.count("、") <= 1:
        return None  # too few or too many items, whatever the last joiner
    # 事故起数、死亡人数、受伤人数实现“三下降”: what the items reach is the clause's verb
    clause = _REACHED.sub("", clause) if n > 2 else clause  # a pair: _PAIR reads it
    items = _split(_FRAME_END.sub("", clause.removesuffix("的")).removesuffix("等"))
    if len(items) != n:
        return None
    # what the list's kind is, after 等: 太阳能电池等外贸“新三样” → 太阳能电池
    # (not a list joined to what follows it, 综合保障扶贫等措施和“四个不摘”, nor 中等, 平等)
    kind = KIND_AFTER.search(items[-1])
    if kind is not None and not _VERB_END.search(items[-1]):
        items[-1] = items[-1][: kind.start()]
    items, lead = strip_lead(items)
    if cut := _inner_lead(items):
        items, more = strip_lead(items)  # 较早实现并持续保持确诊病例 → 保持确诊病例 → 确诊病例
        lead += cut + more
    lead += _alike_tail(items, form)
    if not _valid(items, form) or not _paired(items, form):
        return None
    return items, opens + lead


# what ends the words before a first item the others end like: 有更多获得感 → 获得感
_TAIL_OPENS = frozenset("多更有的让使和与及")


def _alike_tail(items: list[str], form: str) -> int:
    """Cut a first item far longer than the others down to their length, when every item ends
    in one word of the form and what is cut ends in a word that opens no item (让人民群众有更多
    获得感、幸福感、安全感的“三感社区” → 获得感); how many characters went."""
    if len(items) < 3 or not all(items):
        return 0
    first, sizes = items[0], {len(x) for x in items[1:]}
    ends = {x[-1] for x in items}
    if len(sizes) != 1 or len(ends) != 1 or not ends <= set(form[1:]):
        return 0
    size = sizes.pop()
    cut = len(first) - size
    if cut <= 2 or first[cut - 1] not in _TAIL_OPENS:
        return 0
    items[0] = first[cut:]
    return cut


def _joined_tail(clause: str, n: int) -> int:
    """Where the last ``n`` items of a clause of more open, when a 和 joins them to what goes
    before: the place after that 和, else 0."""
    marks = [i for i, ch in enumerate(clause) if ch == "、"]
    first = marks[-(n - 1)] if n > 1 else len(clause)
    back = marks[-n] + 1 if len(marks) >= n else 0
    join = clause.rfind("和", back, first)
    # a word before the 和 (源和1916 is a name) and an item after it, not a clause (和农垦为多极的…)
    if join - back < 2 or first - join - 1 < 2 or _CLAUSE_WORDS().search(clause, join + 1, first):
        return 0
    return join + 1


_CLAUSE_WORDS = lazy("[的为]")


_INNER_VERB = regex(MULTI_VERBS)


def _inner_lead(items: list[str]) -> int:
    """Cut the clause's subject and verb off a first item far longer than the others
    (老旧小区改造推行规划设计、标准制定、招投标 → 规划设计), at its last verb that leaves an
    item as long as the others; how many characters went."""
    if len(items) < 2:
        return 0
    first = items[0]
    sizes = [len(x) for x in items[1:]]
    if len(first) <= max(sizes) + 2:
        return 0
    # the last verb that leaves an item as long as the others (实施创新驱动: not 创新), else
    # one that leaves two characters (构建能源 beside 装备制造)
    floor = max(2, min(sizes) - 1)
    cuts = [m.end() for m in _INNER_VERB.finditer(first) if len(first) - m.end() <= max(sizes) + 2]
    cut = max((c for c in cuts if len(first) - c >= floor), default=0) or max(
        (c for c in cuts if len(first) - c >= 2), default=0
    )
    if cut and first[cut] in "了于向" and len(first) - cut > 2:
        cut += 1  # 实现了森林面积, 着力于生产, 加快向有研发机构: the particle too
    items[0] = first[cut:]
    return cut


# the verbs whose object a pair is: the clause before them is its subject (全省率先实现确诊病例
# 和疑似病例“双清零”), where an adverb or a noun (持续, 创新) is the first item's own word
# (not 构建: 机构建设)
_PAIR_VERB = regex("实现|坚持|推动|推进|抓好|夺取|形成|实施|保持|促进|确保")


def _pair_lead(items: list[str]) -> int:
    """Cut a pair's first item after the last verb that takes the pair as its object; how many
    characters went."""
    cuts = [m.end() for m in _PAIR_VERB.finditer(items[0]) if len(items[0]) - m.end() >= 2]
    cut = cuts[-1] if cuts else 0
    if items[0][cut : cut + 1] == "了" and len(items[0]) - cut >= 3:
        cut += 1  # 夺取了疫情防控: the particle too
    items[0] = items[0][cut:]
    return cut


def _pair_before(text: str, m: re.Match[str], form: str) -> tuple[list[str], int] | None:
    """The two things a 双-form says rise, fall or are controlled together, named right before
    it: 产业链产值和市场占有率“双提升”, 能源消费强度和总量“双控”; or the two a 两-form counts."""
    reach = max(0, m.start() - 24)
    first = _clause_start(text, reach, m.start(), _PAIR_BREAK)
    if first == reach and reach and not _PAIR_BREAK.match(text, reach - 1):
        return None  # the clause starts further back: its first item would be cut
    head = form[1:].lstrip("个大项")[:1]
    # the two hands, wings or wheels of a metaphor that says what they do are what they do,
    # verbs and all (促进就业与鼓励创业“两手抓”, 传统产业和新兴产业“两翼齐飞”; not a bare “两翼”:
    # 与雄安新区一起“两翼”腾飞)
    metaphor = form[0] == "两" and head in _METAPHOR and len(form) > 2
    items, lead = strip_lead([text[first : m.start()], m.group(1)])
    whole = items[0]
    cut = _pair_lead(items)
    if metaphor and len(items[0]) < len(items[1]):
        items[0], cut = whole, 0  # 促进就业与鼓励创业: the verb is the item's own
    lead += cut
    if not metaphor and _PAIR_VERB.match(items[0]):
        return None  # a verb its item is too short to lose: 推动呼和浩特… is no pair
    if len(items[0]) > _PAIR_MAX or not _valid(items, form, said=metaphor):
        return None
    # a 两-form's pair is as often what it is about as its members (政府投资和社会投资“两新”):
    # only two of the thing it counts (集中安置区与脱贫产业区“两区同建”)
    if form[0] == "两" and not metaphor and not (head and all(x.endswith(head) for x in items)):
        return None
    return items, first + lead


_METAPHOR = frozenset("手翼轮")


def _parallel(items: list[str]) -> bool:
    """Three or more items of one length (战略机遇交汇叠加、交通网络四通八达 …)."""
    sizes = {len(x) for x in items}
    return len(items) >= 3 and max(sizes) - min(sizes) <= 1 and min(sizes) >= 3


def _sentence_end(text: str, pos: int) -> int:
    ends = [e for e in (text.find(ch, pos, pos + 400) for ch in "。；;\n") if e >= 0]
    return min(ends) if ends else min(len(text), pos + 400)


def after(text: str, source: str | None, skip: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """Forms spelled out by the 、-list that follows them in the same sentence (“X”，A、B、C。),
    or by the clauses that follow them to the sentence's end, as many as the numeral says and
    each naming the form's word (“四个不摘”：摘帽不摘责任，摘帽不摘政策，摘帽不摘帮扶，摘帽不摘
    监管。; 经济指标实现“双突破”，人均GDP突破2万美元，出口总额突破3000亿美元。)."""
    spans = list(skip)
    out = []
    for m in _AFTER.finditer(text):
        q = m.start()
        form = m.group(1)
        n = count_of(form)
        if not n:
            continue
        if m.group(2) is not None:
            found = _parenthesis_after(text, m.end(), form, n)
        else:
            found = _list_after(text, m, form, n) if _AFTER_LIST.match(text, m.end()) else None
            found = found or _clauses_after(text, m, form, n)
        if found is not None and not any(a <= q < b for a, b in spans):
            out.append(_candidate(form, found[0], text[q : found[1]], q, source))
    return out


def _parenthesis_after(text: str, start: int, form: str, n: int) -> tuple[list[str], int] | None:
    """The items of a parenthesis a few words after the form (“四脉”传承（山脉、水脉、人脉、文脉）;
    “三乱”整治计划（三乱：乱闯红灯、…）), as many as it counts; not the places it applies to
    (“两基”目标的县（市、区））."""
    inside = _PARENTHESIS_END().match(text, start)
    if inside is None:
        return None
    body = inside.group(0)[:-1]
    label = _PARENTHESIS_LABEL().match(body)
    items = body[label.end() if label else 0 :].split("、")
    if len(items) != n or not _valid(items, form, said=True):
        return None
    return items, inside.end()


def _list_after(text: str, m: re.Match[str], form: str, n: int) -> tuple[list[str], int] | None:
    stop = _sentence_end(text, m.end())
    clause = text[m.end() : stop]
    # the list runs to the end of its clause: the next comma closes it
    comma = min((i for i in (clause.find("，"), clause.find(",")) if i >= 0), default=-1)
    body = clause if comma < 0 or clause.count("、") < n - 1 else clause[:comma]
    items = _split(body.removesuffix("等"))
    lead = _LEAD_INTRO.match(items[0]) if items else None
    if lead:
        items[0] = items[0][lead.end() :]
    elif items and _LEAD_VERB.match(items[0]):
        return None  # “X”，完善A、B、C: a new verb and its objects, not the form's items
    if len(items) != n or not _valid(items, form, said=bool(lead)):
        return None
    if m.group(0)[-1] in "，," and not lead and not _parallel(items):
        return None  # “X”，A、B: a comma opens a new clause unless its items are alike or said
    return items, m.end() + len(body)


def form_word(form: str) -> str:
    """What a form counts, its numeral and measure word aside: 四个不摘 → 不摘, 六大提升行动 →
    提升行动."""
    return form.lstrip(_LEADS).lstrip("大个项种条")


def _clauses_after(text: str, m: re.Match[str], form: str, n: int) -> tuple[list[str], int] | None:
    # the form's word (突破, 不摘, 一批): one character (两“馆”, “双违”) is any clause's
    core = form_word(form)
    lead = _AFTER_LEAD.match(text, m.end())
    start = lead.end() if lead else m.end()
    if len(core) < 2 or text.find(core, start, start + 40) < 0:
        return None
    stop = _sentence_end(text, start)
    clauses = [c.strip("*　 ") for c in _COMMA.split(text[start:stop])]
    if len(clauses) != n or any(
        core not in c or not 4 <= len(c) <= 40 or "“" in c for c in clauses
    ):
        return None
    return clauses, stop


def _items_after(text: str, pos: int, n: int, core: str = "") -> list[str] | None:
    """一是A…二是B… right after ``pos``: the first clause of each of exactly ``n`` items, or
    the clause that names ``core``, the form's word."""
    reach = text[pos : pos + 3000]
    items: list[str] = []
    at = 0
    for k in range(n + 1):
        mark = f"{_ORDINALS[k]}是" if k < len(_ORDINALS) else None
        found = reach.find(mark, at) if mark else -1
        if k == n:
            # one item more than the numeral says: not this form's list
            para = reach.find("\n\n", at)
            return items if found < 0 or (0 <= para < found) else None
        if found < 0 or (k == 0 and found > 12):
            return None
        clauses = _CLAUSE().split(_SENTENCE().split(reach[found + 2 : found + 2 + 90])[0])
        # 一是坚定实施扩大内需战略，在…上实现新突破: the clause that names the form's word
        # is the item (“五个新突破”), not the first
        named = [c for c in clauses[1:] if core and core in c]
        items.append((named[0] if named else clauses[0]).strip("*　 "))
        at = found + 2
    return None


def enumeration(
    text: str, marks: Iterable[int], source: str | None, skip: Iterable[tuple[int, int]] = ()
) -> Iterator[Candidate]:
    """“X”：一是…二是…: the items a form announces, numbered 一是 … as many as it says; ``marks``
    are the positions of 一是."""
    spans = list(skip)
    for pos in marks:
        close = text.rfind("”", max(0, pos - 4), pos)
        q = text.rfind("“", max(0, close - 14), close) if close >= 0 else -1
        if q < 0 or any(a <= q < b for a, b in spans):
            continue
        n = count_of(text[q + 1 : close])
        form = text[q + 1 : close]
        core = form_word(form)
        items = _items_after(text, pos, n, core if len(core) >= 2 else "") if n else None
        if items and all(2 <= len(x) <= 40 for x in items):
            quote = text[q : _sentence_end(text, pos)]
            yield _candidate(form, items, quote, q, source)
