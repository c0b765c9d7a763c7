from __future__ import annotations

from pathlib import Path

import pytest

from briefing import manifest
from briefing.reader import read_corpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_corpus(seeds_dir):
    return read_corpus([seeds_dir], manifest.load(ROOT / "data" / "sources.csv"), progress=False)
