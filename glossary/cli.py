"""The ``glossary`` command: parse, call the library, print. Errors are one line, no traceback.

Longer than a module should be (nine commands: annotate, lookup, validate, harvest, import,
export, print, stats, serve) because each command's options and help are its documentation; the work of
each is one call into the library, and this file holds nothing else.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from .export import EXPORTS
from .textio import InputError

F = TypeVar("F", bound=Callable[..., Any])
_STARTED = time.perf_counter()  # the progress of a long command counts from here

FORMATS = ("inline", "html", "json", "markdown", "notes")  # mirrors render.RENDERERS (tested)


def _die(message: str, code: int = 1) -> NoReturn:
    click.echo(f"glossary: {message}", err=True)
    sys.exit(code)


def _friendly(func: F) -> F:
    """Turn the library's expected failures into one line on stderr and exit 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .problems import DictionaryError

        try:
            return func(*args, **kwargs)
        except DictionaryError as exc:
            for problem in exc.problems[:20]:
                click.echo(f"glossary: {problem}", err=True)
            sys.exit(1)
        except (InputError, ValueError) as exc:
            _die(str(exc))
        except KeyboardInterrupt:
            _die("interrupted", 130)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(1)
        except OSError as exc:
            _die(f"{getattr(exc, 'filename', '') or ''}: {exc.strerror or exc}".lstrip(": "))

    return wrapper  # type: ignore[return-value]


def _load(dicts: tuple[str, ...], no_bundled: bool) -> Any:
    from .annotate import load

    if no_bundled and not dicts:
        raise click.UsageError("--no-bundled needs at least one --dict file")
    return load(*dicts, bundled=not no_bundled)


def _documents(
    paths: tuple[str, ...],
    globs: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    verbose: bool = False,
) -> list[str]:
    """Files named, and the documents inside directories named, in a stable order."""
    from .textio import DOCUMENT_GLOBS, documents_in

    out: list[str] = []
    for p in paths or ("-",):
        path = Path(p)
        if p != "-" and path.is_dir():
            found = documents_in(path, globs or DOCUMENT_GLOBS, exclude)
            if not found:
                wanted = ", ".join(globs or DOCUMENT_GLOBS)
                _die(f"{p}: no documents ({wanted}) in this directory")
            out += found
        else:
            out.append(p)
    if verbose:
        for doc in out:
            click.echo(f"glossary: reading {doc}", err=True)
    return out


def input_options(func: F) -> F:
    """--glob, --exclude and --verbose: which documents a directory gives."""
    func = click.option(
        "-v", "--verbose", is_flag=True, help="List the documents read on standard error."
    )(func)
    func = click.option(
        "--exclude",
        "exclude",
        multiple=True,
        metavar="PATTERN",
        help="In directories, skip files whose name or path below the directory matches "
        "(repeatable; e.g. 'drafts/*').",
    )(func)
    func = click.option(
        "--glob",
        "globs",
        multiple=True,
        metavar="PATTERN",
        help="In directories, read the files whose name matches (repeatable; default: "
        "*.txt *.md *.text *.html *.htm). Hidden folders, virtual environments and "
        "node_modules are never entered.",
    )(func)
    return func


def output_option(help: str) -> Callable[[F], F]:
    """``-o/--output``, standard output by default."""
    return click.option(
        "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", help=help
    )


dict_option = click.option(
    "--dict",
    "dicts",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="An extra dictionary YAML merged over the bundled one (repeatable; later files win).",
)
no_bundled_option = click.option(
    "--no-bundled", is_flag=True, help="Use only the --dict files, not the bundled dictionary."
)


class _Group(click.Group):
    """Usage errors in one line, like every other error (click prints the usage first)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:  # `glossary` alone: the help
            click.echo(exc.format_message())
            sys.exit(0)
        except click.UsageError as exc:
            where = f"glossary {exc.ctx.info_name}" if exc.ctx and exc.ctx.parent else "glossary"
            _die(f"{exc.format_message()} (see: {where} --help)", exc.exit_code)
        except click.ClickException as exc:
            _die(exc.format_message(), exc.exit_code)
        except click.Abort:
            _die("aborted")


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import version

    from . import build_kind

    click.echo(f"glossary, version {version('glossary')} ({build_kind()})")
    ctx.exit()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help="Show the version, and whether the matcher and readers are compiled, and exit.",
)
def main() -> None:
    """Resolve the numeric slogans and abbreviations of Chinese official writing.

    \b
    Examples:
      glossary annotate report.txt              the report, each slogan expanded in 〔〕
      glossary annotate -f json reports/ -j 2   JSON Lines, one object per document
      glossary lookup 两个维护                   what a slogan stands for
      glossary print -f pdf -o glossary.pdf     the printable glossary (needs glossary[pdf])
    """


# ---------------------------------------------------------------------------- annotate


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="inline",
    show_default=True,
    help="inline: 〔expansion〕 after each slogan; html: a standalone page; json: one "
    "object per document (JSON Lines for several); markdown: footnotes; "
    "notes: the text and a 附注 section.",
)
@click.option(
    "--region", help="The document's region (e.g. 洛江区); default: inferred from the text."
)
@dict_option
@no_bundled_option
@click.option("--first-only", is_flag=True, help="Annotate only the first use of each slogan.")
@click.option(
    "--show-all",
    is_flag=True,
    help="inline, markdown, notes: also mark uses with no documented meaning here "
    "(undocumented, undecided, known only elsewhere); html and json always keep them.",
)
@click.option(
    "--dictionary-only",
    is_flag=True,
    help="Ignore the document's own definitions (its notes, its inline ones), which "
    "otherwise explain its uses before the dictionary.",
)
@click.option(
    "--why",
    is_flag=True,
    help="Instead of annotating, list the spellings found that a boundary rule turned down, "
    "with the rule's name and reason (why was 三公 not matched here?).",
)
@output_option("Write here instead of standard output.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 256),
    default=1,
    show_default=True,
    help="Documents annotated in parallel processes (output keeps input order).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on standard error (default: on when it is a terminal).",
)
@input_options
@_friendly
def annotate(
    paths: tuple[str, ...],
    fmt: str,
    region: str | None,
    dicts: tuple[str, ...],
    no_bundled: bool,
    first_only: bool,
    show_all: bool,
    dictionary_only: bool,
    why: bool,
    output: str,
    jobs: int,
    progress: bool | None,
    globs: tuple[str, ...],
    exclude: tuple[str, ...],
    verbose: bool,
) -> None:
    """Annotate documents (files, directories of .txt/.md, or - for standard input).

    Input may be UTF-8 (with or without BOM) or GB18030/GBK. A document that cannot be read
    is reported on standard error and skipped; the exit code is then 1.
    """
    from .batch import Options, run_annotate

    g = _load(dicts, no_bundled)
    if region is not None:
        g.region_named(region)  # an unknown region is a usage error before any work
    docs = _documents(paths, globs, exclude, verbose)
    if why:
        _why(g, docs, output)
        return
    show = progress if progress is not None else sys.stderr.isatty()
    with click.open_file(output, "w", encoding="utf-8") as out:
        failures = run_annotate(
            g,
            docs,
            out,
            fmt=fmt,
            region=region,
            options=Options(first_only, show_all, not dictionary_only),
            jobs=jobs,
            progress=show,
            report=lambda msg: click.echo(f"glossary: {msg}", err=True),
        )
    if failures:
        sys.exit(1)


def _why(g: Any, docs: list[str], output: str) -> None:
    """``annotate --why``: one line per turned-down spelling, ``doc:line:column``."""
    from .textio import read_text

    with click.open_file(output, "w", encoding="utf-8") as out:
        for doc in docs:
            text = read_text(doc)
            for r in g.rejected(text):
                line = text.count("\n", 0, r.start) + 1
                column = r.start - text.rfind("\n", 0, r.start)
                out.write(f"{doc}:{line}:{column}: {r.surface} — {r.rule}: {r.reason}\n")


# ---------------------------------------------------------------------------- lookup


@main.command()
@click.argument("term")
@click.option("--json", "as_json", is_flag=True, help="Print the entry as JSON.")
@dict_option
@no_bundled_option
@_friendly
def lookup(term: str, as_json: bool, dicts: tuple[str, ...], no_bundled: bool) -> None:
    """What TERM stands for: every sense, with scope and source. Exit 1 when unknown."""
    from .render.entry import entry_dict, entry_text

    g = _load(dicts, no_bundled)
    found = g.lookup(term)
    if found is None:
        near = g.near(term)
        hint = f"; did you mean: {', '.join(near)}" if near else ""
        _die(f"{term}: not in the dictionary{hint}")
    if as_json:
        click.echo(json.dumps(entry_dict(found, g.sources), ensure_ascii=False, indent=2))
    else:
        click.echo(entry_text(found, g.sources))


# ---------------------------------------------------------------------------- validate


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@_friendly
def validate(paths: tuple[str, ...]) -> None:
    """Check dictionary files (default: the bundled one): schema, ids, scopes, sources,
    member counts, and every quote against the source file it cites, where that file is held
    (an installed package holds none: they are counted, in one line). Prints each problem as
    FILE:LINE: message; exit 1 if there is any."""
    from .compiled import bundled_paths
    from .dictionary import check_dictionary

    files = list(paths) or [str(p) for p in bundled_paths()]
    report = check_dictionary(files)
    for problem in report.problems:
        click.echo(str(problem), err=True)
    d = report.dictionary
    if d is not None:
        senses = [s for t in d.terms for s in t.senses]
        held = sum(
            1 for s in senses for c in s.citations if (src := d.sources.get(c.ref)) and src.file
        )
        click.echo(
            f"{len(d.terms)} terms, {len(senses)} senses "
            f"({sum(s.documented for s in senses)} documented); "
            f"{report.quotes_checked} of {held} quotes from held sources verified; "
            f"{len(report.problems)} problem(s)",
            err=bool(report.problems),
        )
        if report.quotes_unheld:
            click.echo(
                f"{report.quotes_unheld} quotes cite texts that are not installed (the "
                "repository's seeds/): run `glossary validate` in a checkout to check them"
            )
    if report.problems:
        sys.exit(1)


# ---------------------------------------------------------------------------- harvest


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@output_option("Write the candidate YAML here.")
@click.option(
    "--new-only",
    is_flag=True,
    help="Drop what the dictionary already holds with the same definition; mark the "
    "rest as new terms, new senses or conflicts.",
)
@dict_option
@input_options
@_friendly
def harvest(
    paths: tuple[str, ...],
    output: str,
    new_only: bool,
    dicts: tuple[str, ...],
    globs: tuple[str, ...],
    exclude: tuple[str, ...],
    verbose: bool,
) -> None:
    """Harvest dictionary candidates from reports' annotation sections and inline definitions.

    The output is YAML to review and paste into data/terms.yaml, in the order found.
    """
    from .harvest import candidates_to_yaml, harvest_report
    from .harvest_compare import compare
    from .textio import read_text

    g = _load(dicts, False) if new_only else None
    chunks: list[str] = []
    failures = 0
    for doc in _documents(paths, globs, exclude, verbose):
        try:
            text = read_text(doc)
        except InputError as exc:
            click.echo(f"glossary: {exc}", err=True)
            failures += 1
            continue
        result = harvest_report(text, source=doc)
        cands = list(result.candidates)
        if g is not None:
            cands, marks = compare(g, cands)
        else:
            marks = None
        click.echo(f"{doc}: {len(cands)} candidate(s), {result.skipped} item(s) skipped", err=True)
        chunks.append(
            f"# {doc}\n" + candidates_to_yaml(cands, marks=marks) if cands else f"# {doc}: none\n"
        )
    with click.open_file(output, "w", encoding="utf-8") as out:
        out.write("\n".join(chunks))
    if failures:
        sys.exit(1)


# ---------------------------------------------------------------------------- import


@main.command(name="import")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False))
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="The folder to write: DIR/data/imported/*.yaml and DIR/seeds/gov/ (new or empty).",
)
@click.option("--force", is_flag=True, help="Write into a folder that is not empty.")
@_friendly
def import_(corpus: str, out_dir: str, force: bool) -> None:
    """Import a corpus of your own reports into a dictionary to use with --dict.

    CORPUS is laid out as 政府工作报告-<level>/<place>/<year>.md (the path names issuer and year).
    Every annotation note becomes a sense scoped to its issuer and dated by its report; a list
    in a report's body counts where the reports of two places read it alike; meanings several
    provinces give alike are national. The bundled hand dictionary decides what is not
    imported. The reports cited are copied to DIR/seeds/gov/, so that
    `glossary validate DIR/data/imported/*.yaml` checks every quote.
    """
    from .compiled import bundled_path
    from .importer import run

    out = Path(out_dir)
    if out.exists() and any(out.iterdir()) and not force:
        _die(f"{out}: not empty (its data/imported and seeds/gov are replaced): give --force")
    done = run(Path(corpus), out, hand_file=bundled_path(), keep_aside=False)
    senses = sum(len(ss) for ss in done.terms.values())
    click.echo(
        f"{len(done.terms)} terms, {senses} senses from {len(done.sources)} reports: "
        f"{out / 'data' / 'imported'}",
        err=True,
    )


# ---------------------------------------------------------------------------- export


@main.command()
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(tuple(EXPORTS)),
    default="csv",
    show_default=True,
    help="csv: one row per sense (README names the columns); jsonl: one entry per line, "
    "as lookup --json; jieba: a user dictionary that keeps every slogan whole.",
)
@output_option("Write here instead of standard output.")
@dict_option
@no_bundled_option
@_friendly
def export(fmt: str, output: str, dicts: tuple[str, ...], no_bundled: bool) -> None:
    """The dictionary as a dataset: every sense with its source, for pandas, spreadsheets,
    jieba. The data's licence and how to cite it: DATA-LICENCE.md."""
    from .export import export as export_as

    text = export_as(_load(dicts, no_bundled), fmt)
    with click.open_file(output, "w", encoding="utf-8") as out:
        out.write(text)


# ---------------------------------------------------------------------------- print and stats


@main.command(name="print")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(("markdown", "html", "pdf")),
    default="markdown",
    show_default=True,
    help="pdf: a book typeset by Typst, with contents and page numbers "
    "(needs: pip install 'glossary[pdf]' and a font for Chinese).",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="The file to write (- for standard output; not for pdf).",
)
@click.option("--region", help="Only what applies in this region (national senses included).")
@click.option("--lang", type=click.Choice(("zh", "en", "both")), default="both", show_default=True)
@click.option(
    "--used-in",
    "used_in",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Only the slogans these documents use: the 附注 a drafter needs (repeatable).",
)
@dict_option
@no_bundled_option
@_friendly
def print_(
    fmt: str,
    output: str,
    region: str | None,
    lang: str,
    used_in: tuple[str, ...],
    dicts: tuple[str, ...],
    no_bundled: bool,
) -> None:
    """Produce the printable glossary: entries grouped by leading numeral, in pinyin order."""
    from .render.printable import PdfUnavailable, build_glossary

    if fmt == "pdf" and output == "-":
        raise click.UsageError("-f pdf needs a file: give -o FILE.pdf")
    g = _load(dicts, no_bundled)
    if fmt == "pdf" and sys.stderr.isatty():
        _say("collecting the entries (pinyin, sources)")
    try:
        data = build_glossary(
            g,
            fmt,
            region=region,
            lang=lang,
            used_in=used_in,
            report=lambda msg: click.echo(f"glossary: warning: {msg}", err=True),
            progress=_say if sys.stderr.isatty() else None,
        )
    except PdfUnavailable as exc:
        _die(str(exc))
    if isinstance(data, str):
        with click.open_file(output, "w", encoding="utf-8") as out:
            out.write(data)
    else:
        Path(output).write_bytes(data)
        if sys.stderr.isatty():
            _say(f"{output}: {len(data) / 1e6:.1f} MB written")


def _say(step: str) -> None:
    """A long command's progress on a terminal: the step it is at, and the time so far."""
    click.echo(f"glossary: {time.perf_counter() - _STARTED:5.1f} s  {step}", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "--csv", "as_csv", is_flag=True, help="CSV (document, term, sense, count) instead of a table."
)
@click.option("--region", help="Treat every document as from this region.")
@dict_option
@no_bundled_option
@input_options
@_friendly
def stats(
    paths: tuple[str, ...],
    as_csv: bool,
    region: str | None,
    dicts: tuple[str, ...],
    no_bundled: bool,
    globs: tuple[str, ...],
    exclude: tuple[str, ...],
    verbose: bool,
) -> None:
    """How often each slogan appears in each document, for comparing reports."""
    from .stats import count_documents, to_csv, to_table

    g = _load(dicts, no_bundled)
    table = count_documents(
        g,
        _documents(paths, globs, exclude, verbose),
        region=region,
        report=lambda msg: click.echo(f"glossary: {msg}", err=True),
    )
    click.echo(to_csv(table) if as_csv else to_table(table), nl=False)
    if table.failures:
        sys.exit(1)


# ---------------------------------------------------------------------------- serve


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes, each with its own dictionary (about 60 MB each).",
)
@dict_option
@no_bundled_option
@_friendly
def serve(host: str, port: int, workers: int, dicts: tuple[str, ...], no_bundled: bool) -> None:
    """Serve the annotator, the dictionary browser and the JSON API (needs: pip install
    'glossary[web]'). Listens on localhost unless --host says otherwise; Ctrl-C stops.

    \b
    GET  /                      the annotator: paste or upload a report
    GET  /terms                 the dictionary: search any spelling or pinyin, filter
    GET  /term/TERM             one term with every sense and source
    GET  /api                   the API's routes (OpenAPI: /api/openapi.json)
    POST /api/annotate          {"text": ..., "region": ...} -> the JSON of `annotate -f json`
    GET  /api/lookup?q=TERM     the entry (404 with near forms when unknown)
    GET  /api/terms             ?q= &region= &numeral= &status= &page= &per_page=
    GET  /api/version           package and dictionary
    """
    try:
        from .web import serve as run
    except ImportError:
        _die("glossary serve needs Starlette and uvicorn: pip install 'glossary[web]'")
    g = _load(dicts, no_bundled)
    run(g, host, port, workers=workers, dicts=dicts, bundled=not no_bundled)


if __name__ == "__main__":  # pragma: no cover
    main()
