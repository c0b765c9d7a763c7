"""Sentence spans over cleaned article text.

Rules rather than a model: a sentence ends at . ! ? (plus closing quotes or
brackets) before whitespace and a capital, digit or opening quote, unless the
word before the stop is an abbreviation from data/abbreviations.txt or a single
initial ("N. Korea", "Robert F. Wood"). A line break always ends a sentence:
scraped text keeps one paragraph per line.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .resources import read_lines

_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")
_LAST_TOKEN = re.compile(r"([A-Za-z.]+)\.$")


def _abbreviations() -> frozenset[str]:
    return frozenset(read_lines("abbreviations.txt"))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence, whitespace trimmed, in text order."""
    abbr = _abbreviations()
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        ls, le = line.span()
        start = ls
        for m in _BOUNDARY.finditer(text, ls, le):
            stop = m.start()
            if text[stop] == ".":
                tok = _LAST_TOKEN.search(text, max(ls, stop - 12), stop + 1)
                if tok:
                    word = tok.group(1)
                    if word in abbr or (len(word) == 1 and word.isupper()) or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", word):
                        continue
            spans.append((start, m.end()))
            start = m.end()
        spans.append((start, le))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


class SentenceIndex:
    """Find the sentence around a character offset in O(log n)."""

    def __init__(self, text: str):
        self.text = text
        self.spans = sentence_spans(text)
        self._starts = [s for s, _ in self.spans]

    def index_at(self, pos: int) -> int:
        """Index of the sentence containing pos (or the one before it)."""
        return max(0, bisect_right(self._starts, pos) - 1)

    def span_at(self, pos: int) -> tuple[int, int]:
        if not self.spans:
            return (0, len(self.text))
        return self.spans[self.index_at(pos)]

    def sentence_at(self, pos: int) -> str:
        s, e = self.span_at(pos)
        return self.text[s:e]


class SpanScans:
    """Matches of a pattern over a sentence, found once and handed out by position.

    A figure looks at its own window of a sentence; in a sentence holding thousands of figures
    (a scraped table flattened onto one line) scanning each window again would make extraction
    quadratic. Each (pattern, sentence) is scanned once; `within` bisects the matches that start in
    [lo, hi).
    """

    def __init__(self, text: str):
        self.text = text
        self._found: dict[tuple[int, int, int], tuple[list, list[int]]] = {}

    def within(self, pattern, span: tuple[int, int], lo: int, hi: int) -> list:
        key = (id(pattern), span[0], span[1])
        hit = self._found.get(key)
        if hit is None:
            ms = list(pattern.finditer(self.text, span[0], span[1]))
            hit = self._found[key] = (ms, [m.start() for m in ms])
        ms, starts = hit
        from bisect import bisect_left
        return ms[bisect_left(starts, lo):bisect_left(starts, hi)]
