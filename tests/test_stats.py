"""glossary stats: counts against a hand count, table and CSV."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import glossary
from glossary.cli import main
from glossary.stats import count_documents, to_csv, to_table

from .conftest import SEEDS

BAOGAI = str(SEEDS / "baogai-2024-work-plan.txt")


def test_counts_match_a_hand_count(bundled: glossary.Glossary) -> None:
    text = Path(BAOGAI).read_text(encoding="utf-8")
    table = count_documents(bundled, [BAOGAI])
    counts = {term: c[0] for term, _, c in table.rows}
    # 限上 occurs twice in the Baogai plan (规上限上企业, 限上企业 …); count it by hand
    assert counts["限上"] == text.count("限上") == 2
    assert counts["六大行动"] == text.count("“六大行动”")


def test_unreadable_document_is_reported(bundled: glossary.Glossary, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    said: list[str] = []
    table = count_documents(bundled, [str(bad), BAOGAI], report=said.append)
    assert table.failures == 1 and table.documents == (BAOGAI,) and "binary" in said[0]


def test_table_and_csv(bundled: glossary.Glossary) -> None:
    table = count_documents(bundled, [BAOGAI, str(SEEDS / "zimao-2022-government-work-report.txt")])
    text = to_table(table)
    assert "[1] " + BAOGAI in text and "total" in text.splitlines()[0]
    rows = to_csv(table).splitlines()
    assert rows[0] == "document,term,sense,count" and len(rows) > 5


def test_cli_stats() -> None:
    result = CliRunner().invoke(main, ["stats", "--csv", BAOGAI])
    assert result.exit_code == 0 and "六大行动@宝盖镇" in result.output
