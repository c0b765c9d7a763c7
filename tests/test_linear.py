"""Extraction time grows linearly with its input (issue 11, items 1 and 2).

Each hostile pattern is timed at n and 4n units; the ratio must stay under 6 (a quadratic pass gives
about 16). Ratios, not absolute times: the machine running the tests may be slow or busy. Each size is
timed three times and the fastest run kept, which takes out most of the noise of a shared machine.
"""
from __future__ import annotations

import time

import pytest

from briefing.extract import article_rows

N = 2000
PATTERNS = {
    "open quote after said": lambda n: 'He said "' * n,
    "short quotes on one line": lambda n: 'Kim said "Yes." ' * n,
    "marks only": lambda n: '"' * (5 * n),
    "unpaired single marks": lambda n: "Kim said 'yes " * n,
    "figure sentences over many lines": lambda n: "Officials said 1,000 troops were sent.\n" * n,
    "figures on one line": lambda n: "1,000 troops " * n,
    "names and pronouns": lambda n: "Lee Min-ho met Park Ji-won. “We will wait,” he said. " * n,
}


def _time(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        article_rows(text, article="x.txt", published="2024-10-22")
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("name", list(PATTERNS))
def test_extraction_time_is_linear(name):
    make = PATTERNS[name]
    article_rows(make(50), article="x.txt", published="2024-10-22")   # warm caches and compiled patterns
    # a pattern that runs in milliseconds is grown until its time is measurable above the clock's noise
    n = N
    small = _time(make(n))
    while small < 0.05 and n < 32 * N:
        n *= 2
        small = _time(make(n))
    large = _time(make(4 * n))
    assert large / small < 6, f"{name}: {small:.3f} s at n={n}, {large:.3f} s at 4n"


def test_stored_sentence_is_a_window_not_the_whole_line():
    text = "1,000 troops " * 3000
    _, figures = article_rows(text, article="x.txt", published="2024-10-22")
    assert len(figures) == 3000
    assert max(len(r["sentence"]) for r in figures) <= 600
    for r in figures[::500]:
        s = r["sentence_start"]
        assert text[s:s + len(r["sentence"])] == r["sentence"] and s <= r["start"] < s + len(r["sentence"])
