"""``Glossary``: the loaded dictionary with its automaton; ``annotate`` → ``Annotation``.

>>> import glossary
>>> g = glossary.load()
>>> ann = g.annotate("洛江区人民政府：推进城市“五化”工程。")
>>> m = ann.matches[0]
>>> (m.surface, m.sense.id if m.sense else None)
('五化', '五化@洛江区')
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .compiled import TermKeys, term_keys
from .document import (
    listed_elsewhere,
    own_readings,
    paragraph,
    qualified,
    read_here,
    restates,
    weak,
)
from .gazetteer import ROOT
from .matcher import RULES, Matcher, Rule, bundled_table
from .model import Dictionary, Sense, Source, Term
from .numerals import COUNTED_HEAD, LONG_FORM
from .patterns import regex
from .patterns import save as save_patterns
from .readers import WORDS as MARKS
from .readers.base import FORMULA, NUMERAL
from .resolve import Lifetimes, Regions, choose, decide, holding, in_force, infer_year
from .result import Annotation, Match, Rejection
from .variants import spellings

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["Annotation", "Glossary", "Match"]

_CUE_WINDOW = 60
_PROVINCE_DEPTH = 2  # 中国 is 1
_CITY_SAYS = regex("全市|我市|本市|市委|市政府|市级")


def _named(form: str) -> bool:
    """Whether a form is a name of its own, not one every place may use for its own list: no
    numeral at all (粤菜师傅), or four characters or more and no generic count or formula
    (两州一县, 双高普九)."""
    if not NUMERAL.search(form):
        return True
    return (
        len(form) >= LONG_FORM and not COUNTED_HEAD.search(form) and not FORMULA.search(form)
    )  # (1+4, 6363: reused by each place)


# a term, and the sense its uses take, the candidates and whether they are foreign; no
# candidates when a cue near each use decides
_Use = tuple["Term", "Sense | None", "tuple[Sense, ...] | None", bool]
_new = tuple.__new__  # a Match without the keyword handling of its __new__


class _OwnIndex:
    """What a text's own senses need at each block, kept up to date as the blocks of a long
    document add to them (forms are only ever added): the dictionary's term of each form, the
    own sense by the dictionary's term (a later form of one term wins), and the forms counted
    wherever the rules find them (``strong``) or only in quotes, as a list read them."""

    def __init__(
        self, own: dict[str, Sense], others: dict[str, tuple[Sense, ...]] | None = None
    ) -> None:
        self.own = own
        # a form's other meanings in the text's notes, each told by its label's words
        self.others: dict[str, tuple[Sense, ...]] = dict(others or {})
        self.known: dict[str, Term | None] = {}
        self.by_term: dict[str, Sense] = {}
        self.strong: list[str] = []
        self.quoted: list[str] = []
        self.quoted_set: set[str] = set()  # those of them a quotation is looked up in
        self.marked: list[str] = []  # those holding a quotation mark of their own
        self.late = False  # past a long document's head: every form in quotes only

    def update(self, lookup: Callable[[str], Term | None]) -> None:
        for form in itertools.islice(self.own, len(self.known), None):
            term = self.known[form] = lookup(form)
            sense = self.own[form]
            if term is not None:
                self.by_term[term.term] = sense
            if self.late or weak(sense):
                self._quote(form)
            else:
                self.strong.append(form)

    def _quote(self, form: str) -> None:
        self.quoted.append(form)
        if "“" in form or "”" in form:
            self.marked.append(form)
        else:
            self.quoted_set.add(form)

    def quote_only(self) -> None:
        """From here on every form counts in quotes only: past its head, a long text is most
        often many documents joined, where a form one of them defines is the others' in quotes
        at most (and no automaton need be rebuilt as the forms grow)."""
        for form in self.strong:
            self._quote(form)
        self.strong = []
        self.late = True

    def at(self, sense: Sense, text: str, start: int) -> Sense:
        """The text's meaning of a use at ``start``: ``sense``, or another its notes give the
        form where that one's label's words stand right before the use."""
        others = self.others.get(sense.term)
        return qualified(sense, others, text, start) if others else sense


def _own_uses(text: str, forms: _OwnIndex) -> Iterator[tuple[str, int, int]]:
    """The uses of the forms a text defines: a note's or an inline definition's form wherever
    the matcher's rules find it; a form read from a list or the headings in quotes only, as the
    reading found it."""
    strong = forms.strong
    if len(strong) > _FEW_FORMS:
        # a long document's many forms (its blocks add up): one automaton, kept while the
        # forms stay the same from block to block, not a scan of the text per form
        matcher = _forms_matcher(tuple(strong))
        for index, start, end in matcher.find(text):
            yield strong[index], start, end
    else:
        # a note's other spellings (its label without quote marks …) mostly never occur: an
        # automaton is built only for the forms this text holds
        held = [form for form in strong if form in text]
        if held:
            for index, start, end in Matcher.of_forms(held).find(text):
                yield held[index], start, end
    quoted = forms.quoted
    if len(quoted) > _FEW_FORMS:
        # each quotation looked up: one pass, whatever the number of forms
        looked_up = forms.quoted_set
        for m in _QUOTATION.finditer(text):
            if m.group(1) in looked_up:
                yield m.group(1), m.start(1), m.end(1)
        quoted = forms.marked
    for form in quoted:
        mark = f"“{form}”"
        at = text.find(mark)
        while at >= 0:
            yield form, at + 1, at + 1 + len(form)
            at = text.find(mark, at + len(mark))


_FEW_FORMS = 32  # up to this many forms, a scan per form is cheaper than an automaton
_QUOTATION = regex("“([^“”]+)”")


def spelling_index(keys: Sequence[TermKeys]) -> dict[str, int]:
    """Every spelling of every form -> the index of its term (the first term that has it)."""
    table: dict[str, int] = {}
    for i, k in enumerate(keys):
        for form in k.forms:
            for spelling in spellings(form):
                table.setdefault(spelling, i)
    return table


@functools.lru_cache(maxsize=4)
def _forms_matcher(forms: tuple[str, ...]) -> Matcher:
    return Matcher.of_forms(forms)


class Glossary:
    """The dictionary, ready to look up and annotate. Picklable: the automaton is rebuilt."""

    def __init__(self, dictionary: Dictionary) -> None:
        self.dictionary = d = dictionary
        self.regions = Regions(d.regions)
        self._lifetimes = Lifetimes(d.sources)
        self._terms = d.terms
        self._keys = term_keys(d.terms)
        self._by_form = {
            form: i for i in reversed(range(len(self._keys))) for form in self._keys[i].forms
        }
        # (region, year) -> term index -> how its uses are decided there (the first cache)
        self._static: dict[tuple[str | None, int | None], dict[int, _Use]] = {}
        # (term index, scopes of its senses that hold, year if its senses are dated) -> the
        # same: a choice depends on nothing else, so it is made once for every document
        self._by_held: dict[tuple[int, frozenset[str], int | None], _Use] = {}
        self._scopes: dict[int, tuple[frozenset[str], bool, bool]] = {}
        # built on first use (`glossary lookup` needs none of them); plain attributes rather
        # than cached properties, which a compiled class has no instance dict to hold
        self._built_matcher: Matcher | None = None
        self._built_by_spelling: dict[str, int] | None = None
        self._built_marks_only: Any = None

    @property
    def _matcher(self) -> Matcher:
        if self._built_matcher is None:
            table = bundled_table(MARKS) if self._is_bundled() else None
            self._built_matcher = Matcher(
                self._terms, blockers=self.dictionary.not_slogans, marks=MARKS, table=table
            )
        return self._built_matcher

    def _is_bundled(self) -> bool:
        """Whether this is the bundled dictionary as compiled, nothing merged over it."""
        from .compiled import load_compiled

        done = load_compiled()
        return done is not None and self.dictionary is done.dictionary

    @property
    def _by_spelling(self) -> dict[str, int]:
        if self._built_by_spelling is None:
            shipped = bundled_table(MARKS) if self._is_bundled() else None
            # the shipped table holds every spelling with its term (owners ≥ 0): computing
            # the spellings again was most of a worker's first annotation
            self._built_by_spelling = (
                spelling_index(self._keys)
                if shipped is None
                else {
                    p: o
                    for p, o in zip(shipped.patterns[: shipped.bare], shipped.owner, strict=False)
                    if o >= 0
                }
            )
        return self._built_by_spelling

    def __reduce__(self) -> tuple[Any, ...]:
        # the bundled dictionary travels as its name: a worker loads the compiled form; made
        # again through __init__, which a class compiled with mypyc cannot be made without
        return (load, ()) if self._is_bundled() else (Glossary, (self.dictionary,))

    # -- the dictionary
    @property
    def terms(self) -> Sequence[Term]:
        return self._terms

    @property
    def sources(self) -> dict[str, Source]:
        return self.dictionary.sources

    def __len__(self) -> int:
        return len(self._terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms)

    def __repr__(self) -> str:
        senses = sum(len(t.senses) for t in self._terms)
        return f"<Glossary {len(self._terms)} terms, {senses} senses>"

    def lookup(self, form: str) -> Term | None:
        """The term a form, alias or variant spelling names (quote marks ignored).

        >>> import glossary
        >>> glossary.load().lookup("兩個維護").term
        '两个维护'
        """
        form = form.strip()
        if len(form) > 2 and form[0] in '“"「‘' and form[-1] in '”"」’':
            form = form[1:-1]
        index = self._by_form.get(form)
        if index is None:
            index = self._by_spelling.get(form)
        return None if index is None else self._terms[index]

    def near(self, form: str, n: int = 5) -> list[str]:
        """Forms close to ``form``, for “did you mean”: homophones first (五花 → 五化, an
        input-method slip), then by spelling."""
        import difflib

        from pypinyin import lazy_pinyin

        forms = [f for keys in self._keys for f in keys.forms]
        # every close spelling, then the homophones first: a cut before the sort would drop a
        # homophone that ties with many others on spelling
        close = difflib.get_close_matches(form, forms, n=len(forms), cutoff=0.5)
        sound = lazy_pinyin(form)
        close.sort(key=lambda f: lazy_pinyin(f) != sound)  # stable: spelling order kept
        close = close[:n]
        inside = [f for f in forms if form and (form in f or f in form) and f not in close]
        return (close + inside)[:n]

    def region_named(self, name: str) -> str:
        """The region key for a name or alias; ValueError listing the known ones otherwise."""
        key = name if name in self.regions else self.regions.canonical(name)
        if key is None:
            known = ", ".join(self.dictionary.regions)
            raise ValueError(f"unknown region {name!r} (known: {known})")
        return key

    # -- annotation
    def annotate(
        self,
        text: str,
        region: str | None = None,
        *,
        year: int | None = None,
        document: bool = True,
    ) -> Annotation:
        """Find every slogan in ``text`` and choose its sense.

        ``region`` (a region key or alias) overrides the region inferred from the text. What
        the text defines itself (its notes, its inline definitions) holds in it before the
        dictionary, unless ``document`` is False.
        """
        where = self.region_named(region) if region is not None else self.regions.infer(text)
        when = year if year is not None else infer_year(text)
        done = self._annotate(text, where, when, {} if document else None)
        # the patterns a process's first texts compiled, kept for the next process's: a pool
        # worker ends without running exit handlers
        save_patterns()
        return done

    def rejected(self, text: str) -> list[Rejection]:
        """Why a form that occurs in ``text`` was not matched there: every spelling the
        automaton found that a boundary rule turned down, with the rule.

        >>> [(r.surface, r.rule) for r in load().rejected("推进13+2+1，第五化工作")]
        [('3+2+1', 'formula-goes-on'), ('五化', 'after-ordinal')]
        """
        turned: list[tuple[str, int, int, Rule]] = []
        self._matcher.find(text, None, turned)
        return [Rejection(s, e, text[s:e], str(r), RULES[r]) for _, s, e, r in turned]

    def _annotate(
        self,
        text: str,
        where: str | None,
        when: int | None,
        own: dict[str, Sense] | None = None,
        *,
        read_own: bool = True,
        own_index: _OwnIndex | None = None,
    ) -> Annotation:
        """``own``: None to ignore the text's own definitions; else the senses already known
        (a long document's head or earlier blocks), to which this text's are added unless
        ``read_own`` is False; ``own_index``: what they need, kept from block to block of
        one document."""
        decided_for = self._static.setdefault((where, when), {})
        matches: list[Match] = []
        append = matches.append
        marks: list[tuple[int, int]] | None = None if own is None or not read_own else []
        for index, start, end in self._matcher.find(text, marks):
            use = decided_for.get(index)
            if use is None:
                use = decided_for[index] = self._use(index, where, when)
            term, sense, candidates, foreign = use
            if candidates is None:  # a cue may change the choice: decided per use
                window = text[max(0, start - _CUE_WINDOW) : end + _CUE_WINDOW]
                sense, candidates = choose(
                    term.senses,
                    where,
                    self.regions,
                    when,
                    window,
                    self._lifetimes,
                    min(start, _CUE_WINDOW),
                )
            append(_new(Match, (start, end, text[start:end], term, sense, candidates, foreign)))
        if own is not None:
            others: dict[str, tuple[Sense, ...]] = {}
            if marks is not None:
                senses, others = own_readings(text, where or ROOT, marks)
                others = {f: alts for f, alts in others.items() if f not in own}
                for form, sense in senses.items():
                    own.setdefault(form, sense)
            if own:
                if own_index is None or own_index.own is not own:
                    own_index = _OwnIndex(own)
                for form, alts in others.items():
                    own_index.others.setdefault(form, alts)
                own_index.update(self.lookup)
                matches = self._with_own(text, matches, own_index, where, when)
        return Annotation(text, where, when, tuple(matches))

    @property
    def _marks_only(self) -> Any:
        if self._built_marks_only is None:
            import ahocorasick_rs

            self._built_marks_only = ahocorasick_rs.AhoCorasick(
                list(MARKS), matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST
            )
        return self._built_marks_only

    def _own_senses(
        self, text: str, where: str | None
    ) -> tuple[dict[str, Sense], dict[str, tuple[Sense, ...]]]:
        """The senses ``text`` defines (and the others its notes give a form), its marks found
        by a small automaton of their own (for a long document's head, read before its blocks
        are annotated)."""
        marks = [(k, s) for k, s, _ in self._marks_only.find_matches_as_indexes(text)]
        return own_readings(text, where or ROOT, marks[:_MAX_MARKS])

    def _with_own(
        self,
        text: str,
        matches: list[Match],
        index: _OwnIndex,
        where: str | None,
        when: int | None,
    ) -> list[Match]:
        """The matches with the text's own senses first: each use of a form the text defines
        takes its sense (the dictionary's stay candidates), and uses the dictionary does not
        find (a form it does not know, a bare use of a quoted-only one) are added. A weak
        reading (a list, the headings) gives way to a documented dictionary sense that holds
        here; it stays among the candidates."""
        own, known, by_term = index.own, index.known, index.by_term

        def outranks(sense: Sense | None, reading: Sense, foreign: bool = False) -> bool:
            # a documented meaning of this place or its province: a national one is often a
            # field's (双提升 of workers' pay) where the text lists its own pair; but a
            # paragraph's items are as often the goals a clause sets a settled (uncued)
            # national meaning in force that year (“三农”…农商对接、农超对接) as its members
            if sense is None or not sense.documented or foreign or listed_elsewhere(sense):
                # other reports' lists are no better evidence than the text's own
                return False
            if sense.scope not in self.regions.lineage(where):
                return False  # one of the province's own places' meaning (_own_place)
            settled = (
                paragraph(reading)
                and not sense.cued
                and in_force(sense, when, self._lifetimes)
                # the text's own wording stands where it names the same items (德育铸魂…)
                and not restates(reading, sense)
            )
            return sense.scope != ROOT or settled

        out = []
        for m in matches:
            s = by_term.get(m.term.term)
            if s is None or not read_here(s, text, m.start):
                out.append(m)
                continue
            mine = index.at(s, text, m.start)
            texts = (mine,) if mine is s else (mine, s)  # the text's other meaning stays listed
            if weak(mine) and outranks(m.sense, mine, m.foreign):
                out.append(m._replace(candidates=(*m.candidates, *texts)))
            else:
                out.append(Match(m.start, m.end, m.surface, m.term, mine, (*texts, *m.candidates)))
        taken = {(m.start, m.end) for m in out}
        extra = []
        made: dict[str, Term] = {}
        for form, start, end in _own_uses(text, index):
            if (start, end) in taken or not read_here(own[form], text, start):
                continue
            mine = index.at(own[form], text, start)
            sense: Sense | None = mine
            term = known[form] or made.get(form)
            if term is None:  # a form the dictionary does not know: a term of the text's own
                term = made[form] = Term(form, (own[form],))
            head = (mine,) if mine is own[form] else (mine, own[form])
            candidates = head if term.senses[0] is own[form] else (*head, *term.senses)
            if weak(own[form]) and term.senses[0] is not own[form]:
                window = text[max(0, start - _CUE_WINDOW) : end + _CUE_WINDOW]
                chosen, _ = choose(term.senses, where, self.regions, when, window, self._lifetimes)
                if outranks(chosen, own[form]):
                    sense = chosen
            extra.append(Match(start, end, text[start:end], term, sense, candidates))
        if not extra:
            return out
        # leftmost-longest over both: a longer form the text defines wins over a shorter one
        merged: list[Match] = []
        for m in sorted(out + extra, key=lambda m: (m.start, m.start - m.end)):
            if not merged or m.start >= merged[-1].end:
                merged.append(m)
        return merged

    def _use(self, index: int, where: str | None, when: int | None) -> _Use:
        """How the uses of a term are decided in a document of ``where`` and ``when``."""
        known = self._scopes.get(index)
        if known is None:
            term = self._terms[index]
            known = self._scopes[index] = (
                frozenset(s.scope for s in term.senses),
                any(s.since or s.until for s in term.senses),
                _named(term.term),
            )
        scopes, dated, named = known
        held = scopes & self.regions.lineage(where)
        if not held and named and where and self.regions.depth(where) == _PROVINCE_DEPTH:
            held = frozenset((f"@{where}",))  # its own places' meaning may hold (_own_place)
        key = (index, held, when if dated else None)
        use = self._by_held.get(key)
        if use is None:
            use = self._by_held[key] = self._decide_statically(self._terms[index], where, when)
        return use

    def _decide_statically(self, term: Term, where: str | None, when: int | None) -> _Use:
        held = holding(term.senses, where, self.regions)
        if not held and (own := self._own_place(term, where)) is not None:
            return term, own, tuple(term.senses), False
        if any(s.cued for s in held) or (len(held) > 1 and any(s.cues for s in held)):
            return term, None, None, False  # a cue nearby may decide: per use
        sense, candidates = decide(term.senses, held, self.regions, when, "", self._lifetimes)
        return term, sense, candidates, not held

    def _own_place(self, term: Term, where: str | None) -> Sense | None:
        """In a province's report, where none of a name's meanings holds, the one meaning that
        one of its own places gives (广东's report and 珠海's “粤菜师傅”, 甘肃's and 甘南's
        “两州一县”): a province's report speaks of its places' programmes. Not a count with a
        generic head, a short count or a formula (八大工程, 五网, 1+4): those its places reuse
        for their own lists."""
        if where is None or self.regions.depth(where) != _PROVINCE_DEPTH or not _named(term.term):
            return None  # (a province's report, a name)
        inside = [
            s
            for s in term.senses
            if s.documented and not s.cued and where in self.regions.lineage(s.scope)
        ]
        # a note about its own city's part (对接全市重点产业链) is that city's alone
        if len(inside) != 1 or _CITY_SAYS.search(inside[0].definition):
            return None
        return inside[0]

    def annotate_records(
        self, records: Iterable[Mapping[str, Any]], region: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """Map ``{"id", "text"}`` records to JSON-ready results, for Dask, Spark and friends."""
        for record in records:
            ann = self.annotate(record["text"], region)
            out = ann.to_dict(source=record.get("id"))
            out["id"] = record.get("id")
            yield out


def load(*paths: str | Path, bundled: bool = True) -> Glossary:
    """The bundled dictionary, with extra dictionary files merged over it (later files win).

    >>> len(load()) > 0
    True
    """
    from .dictionary import load_dictionaries

    return Glossary(load_dictionaries(list(paths), bundled=bundled))


_WHOLE = 2 << 20  # characters: the head of a document whose own definitions hold throughout
_CONTEXT = 256  # characters of the neighbouring blocks a block is read with
_MAX_MARKS = 20_000  # marks looked at in a head: more are not annotation notes but noise


def annotate_blocks(
    glossary: Glossary,
    blocks: Iterable[str],
    region: str | None = None,
    *,
    document: bool = True,
) -> Iterator[tuple[int, Annotation]]:
    """Annotate a long document block by block, in bounded memory: ``(offset, annotation)``
    pairs, ``offset`` being the block's code-point offset in the whole document and each
    annotation's text the block. The matches are those of the whole text annotated at once:
    each block is read with the end of the one before and the start of the one after, so a
    slogan cut by a border, a quotation opened before it and a cue word across it count as
    they do in one piece. The first block fixes the region and year; the definitions of the
    first ``_WHOLE`` characters (the notes at the end of a report) hold from the first line,
    later ones from their block on; past the head every form the text defines counts in quotes
    only (:meth:`_OwnIndex.quote_only`)."""
    rest = iter(blocks)
    head: list[str] = []
    size = 0
    for text in rest:
        head.append(text)
        size += len(text)
        if size >= _WHOLE:
            break
    if not head:
        return
    where = glossary.region_named(region) if region else glossary.regions.infer(head[0])
    when = infer_year(head[0])
    own: dict[str, Sense] | None = None
    index: _OwnIndex | None = None
    if document:
        own, others = glossary._own_senses("".join(head), where)
        index = _OwnIndex(own, others)
    offset = 0
    before = ""
    pending = itertools.chain(head, rest)
    block: str | None = next(pending, None)
    del head  # the blocks are held by the iterator only from here
    while block is not None:
        following = next(pending, None)
        after = (following or "")[:_CONTEXT]
        if index is not None and offset >= size and not index.late:
            index.quote_only()
        ann = glossary._annotate(
            before + block + after, where, when, own, read_own=offset >= size, own_index=index
        )
        lo, hi = len(before), len(before) + len(block)
        inside = [m for m in ann.matches if lo <= m.start < hi]
        over = inside[-1].end - hi if inside else 0
        if over > 0 and following is not None:
            # a slogan cut by the border: the block ends after it, the next starts after it
            block, following = block + following[:over], following[over:]
        kept = tuple(m._replace(start=m.start - lo, end=m.end - lo) if lo else m for m in inside)
        yield offset, Annotation(block, where, when, kept)
        del ann, inside, kept  # not held while the next block is annotated
        offset += len(block)
        before = block[-_CONTEXT:] if len(block) >= _CONTEXT else (before + block)[-_CONTEXT:]
        block = following
