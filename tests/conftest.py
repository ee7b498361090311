from __future__ import annotations

from pathlib import Path

import pytest

import glossary

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SEED_REPORTS = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def bundled() -> glossary.Glossary:
    return glossary.load()


@pytest.fixture(scope="session")
def mini() -> glossary.Glossary:
    """A small fixed dictionary, so matcher tests do not move with the curated data."""
    return glossary.load(DATA / "mini.yaml", bundled=False)
