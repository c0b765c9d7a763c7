"""Extraction work grows linearly with its input (issue 11, items 1 and 2).

Two guards, on each hostile pattern at n and 4n units:

- the lines of our package that Python executes are counted (a trace hook, so the count is exact and the
  same on any machine): a loop over text inside a loop over text gives about 16 times the lines at 4n, a
  linear pass at most 4 times;
- the regular expressions run in C and are invisible to the trace, so a pattern that backtracks is caught by
  CPU time instead, with a margin wide enough for a busy machine (linear about 4, quadratic about 16).
  Speeds themselves are measured in benchmarks/, not here.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

import briefing
from briefing.extract import article_rows

PACKAGE = str(Path(briefing.__file__).parent)
PATTERNS = {
    "open quote after said": lambda n: 'He said "' * n,
    "short quotes on one line": lambda n: 'Kim said "Yes." ' * n,
    "marks only": lambda n: '"' * (5 * n),
    "unpaired single marks": lambda n: "Kim said 'yes " * n,
    "figure sentences over many lines": lambda n: "Officials said 1,000 troops were sent.\n" * n,
    "figures on one line": lambda n: "1,000 troops " * n,
    "names and pronouns": lambda n: "Lee Min-ho met Park Ji-won. “We will wait,” he said. " * n,
}


def _run(text: str) -> None:
    article_rows(text, article="x.txt", published="2024-10-22")


def _lines_executed(text: str) -> int:
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    sys.settrace(calls)
    try:
        _run(text)
    finally:
        sys.settrace(None)
    return count


def _cpu(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        _run(text)
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize("name", list(PATTERNS))
def test_python_work_is_linear(name):
    make = PATTERNS[name]
    _run(make(20))      # compiled patterns and registries loaded before counting
    small, large = _lines_executed(make(300)), _lines_executed(make(1200))
    assert large / small <= 4.2, f"{name}: {small} lines at n=300, {large} at 4n"


@pytest.mark.parametrize("name", list(PATTERNS))
def test_no_pattern_backtracks(name):
    make = PATTERNS[name]
    _run(make(50))
    # a pattern that runs in milliseconds is grown until its time is measurable above the clock's tick
    n = 2000
    small = _cpu(make(n))
    while small < 0.15 and n < 64000:     # (at 0.05 s a scheduler hiccup at 4n once read as a 10x jump)
        n *= 2
        small = _cpu(make(n))
    large = _cpu(make(4 * n))
    assert large / small < 10, f"{name}: {small:.3f} s CPU at n={n}, {large:.3f} s at 4n"


def test_stored_sentence_is_a_window_not_the_whole_line():
    text = "1,000 troops " * 3000
    _, figures = article_rows(text, article="x.txt", published="2024-10-22")
    assert len(figures) == 3000
    assert max(len(r["sentence"]) for r in figures) <= 600
    for r in figures[::500]:
        s = r["sentence_start"]
        assert text[s:s + len(r["sentence"])] == r["sentence"] and s <= r["start"] < s + len(r["sentence"])
