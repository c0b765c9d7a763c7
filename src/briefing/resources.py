"""Where the editable data files (registries, word lists, patterns) live.

They sit in the repository's ``data/`` folder so an analyst can review and edit
them without touching code; ``BRIEFING_DATA`` points elsewhere (tests, a fork).
"""
from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    return Path(os.environ.get("BRIEFING_DATA", REPO_ROOT / "data"))


def data_path(name: str) -> Path:
    return data_dir() / name


@lru_cache(maxsize=None)
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a word list in data/ (comments start with #)."""
    out = []
    with open(data_path(name), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip() and not line.lstrip().startswith("#"):
                out.append(line.strip())
    return tuple(out)


@lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict, ...]:
    """Rows of a CSV (or, for regex tables, tab-separated .tsv) data file as dicts.

    Lines starting with # are comments.
    """
    delimiter = "\t" if name.endswith(".tsv") else ","
    with open(data_path(name), encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        rows = list(csv.DictReader(lines, delimiter=delimiter, quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL))
    return tuple(rows)
