"""The public record into the dictionary: every annotation note of a corpus of reports
becomes a sense, scoped to the issuer, dated by the report, citing the note verbatim.

    python tools/build_data.py [--corpus CORPUS]   # writes data/imported/*.yaml, copies
                                                   # the reports cited into seeds/gov/

The corpus is laid out as ``政府工作报告-<level>/<place>/<year>.md`` (the path names issuer
and year), beside ``五年规划/`` and ``政府工作报告-国务院/`` (national documents). A slice of
reports, chosen by a hash of the path (``is_held_out``), is never imported: it is kept to
measure the dictionary on text it was not built from.

One form, many senses, decided by evidence (``alike``): notes that give a form the same
meaning are one sense. A meaning is national (scope 中国) when a national document gives it, or
two provinces and no rival meaning, or three provinces and twice the reports of any rival;
otherwise it belongs to each province that gives it (the nearest region holding its issuers
there). A place whose meaning changed over the years gets one sense per meaning with
``since``/``until``; a national or provincial meaning of a form that clearly means other things
elsewhere holds only near its cue words. A list in a report's body (垃圾、污水、厕所“三大革命”)
or a definition beside the form is weaker evidence: of three members or more, and where no note
gives its meaning, only when the bodies of reports of two places read it alike. Hand-curated entries (data/terms.yaml) win: a sense is
not imported where the hand dictionary documents the form in the same scope.

>>> a = Note.for_test("三区三线", "城镇空间、农业空间、生态空间三种类型空间，以及城镇开发边界、永久基本农田、生态保护红线三条控制线。")
>>> b = Note.for_test("三区三线", "指城镇空间、农业空间、生态空间和城镇开发边界、永久基本农田保护红线、生态保护红线。")
>>> c = Note.for_test("三区三线", "指老城区、新城区、开发区三个片区和三条发展主线。")
>>> alike(a, b), alike(a, c)
(True, False)
"""

from __future__ import annotations

from pathlib import Path

from ..dictionary import load_dictionaries
from ..resolve import Regions
from .alike import alike, cluster, similarity
from .corpus import (
    DEFAULT_CORPUS,
    HELD_OUT_PERCENT,
    OUT_DIR,
    SEEDS_DIR,
    CorpusReport,
    corpus_reports,
    front_matter,
    is_held_out,
    report_date,
)
from .english import apply_english, read_english
from .files import bodies, cites, copy_reports, match_rules, write
from .notes import Note, read_notes
from .senses import Imported, build_senses

__all__ = [
    "DEFAULT_CORPUS",
    "HELD_OUT_PERCENT",
    "OUT_DIR",
    "SEEDS_DIR",
    "CorpusReport",
    "Imported",
    "Note",
    "alike",
    "build_senses",
    "cluster",
    "copy_reports",
    "corpus_reports",
    "front_matter",
    "is_held_out",
    "match_rules",
    "read_notes",
    "report_date",
    "run",
    "similarity",
    "write",
]


def run(
    corpus: Path, project: Path, *, hand_file: Path | None = None, keep_aside: bool = True
) -> Imported:
    """The whole import: read, group, decide match rules, write and copy into ``project``
    (``data/imported/``, ``seeds/gov/``). ``hand_file``: the hand dictionary that decides what
    is imported (default the project's data/terms.yaml: a checkout of the repository);
    ``keep_aside``: leave the held-out slice out, as the project's own import does."""
    hand = load_dictionaries([hand_file or project / "data" / "terms.yaml"], bundled=False)
    regions = Regions(hand.regions)
    reports = [r for r in corpus_reports(corpus) if not (keep_aside and r.held_out)]
    notes, sources, skipped = read_notes(reports, regions)
    imported = build_senses(notes, regions, hand)
    imported.skipped.update(skipped)
    # only sources some sense cites
    cited = {c["ref"] for ss in imported.terms.values() for s in ss for c in cites(s)}
    imported.sources = {k: v for k, v in sources.items() if k in cited}
    rules = match_rules(imported.terms, bodies(reports), hand)
    imported.match = {form: rule for form, (rule, _, _) in rules.items()}
    stale = apply_english(imported, read_english(project / "data" / "en.yaml"))
    if stale:
        imported.skipped["English whose sense changed or went (data/en.yaml)"] += stale
    write(imported, regions, project)
    # the project's hand entries cite reports of its corpus too; another hand file's do not
    copy_reports(imported, hand if hand_file is None else None, corpus, project)
    return imported
