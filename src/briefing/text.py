"""Sentence spans over cleaned article text.

Rules rather than a model: a sentence ends at . ! ? (plus closing quotes or
brackets) before whitespace and a capital, digit or opening quote, unless the
word before the stop is an abbreviation from data/abbreviations.txt or a single
initial ("N. Korea", "Robert F. Wood"). A line break always ends a sentence:
scraped text keeps one paragraph per line; except after a line that is only a
number ("10,000", "Up to 100,000", "13,000+"): a fact box ("In numbers", "By the
numbers") writes the figure on its own line and what it counts on the next, so
the two make one sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .numbers import NUMBER_RE, YEAR_RE
from .resources import read_lines, read_table

# (a think tank's footnote mark after the full stop, "rounds.[9] Ukrainian intelligence ...", still ends it)
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?:\[\d{1,3}\])*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")
_LAST_TOKEN = re.compile(r"([A-Za-z.]+)\.$")


# a qualifier written before a number (data/qualifiers.csv), or a sign: "Up to 100,000", "~300"
QUALIFIER_ALT = "|".join(sorted((re.escape(r["phrase"]).replace(r"\ ", r"\s+") for r in read_table("qualifiers.csv")),
                                key=len, reverse=True))
_QUALIFIER = re.compile(r"(?i)(?:(?:" + QUALIFIER_ALT + r")\s+|[~>≈<]\s?)")
FACT_LINE_MAX = 40   # characters: a longer line is no figure standing alone


def fact_line(text: str, ls: int, le: int) -> bool:
    """Whether the line text[ls:le] is a number alone, as a fact box writes it: "10,000", "Nearly 700,000",
    "13,000+", "4-6 million", "68%" (never a year, a date, a sum of money or a page number's "Page 3")."""
    if le - ls > FACT_LINE_MAX:
        return False
    line = text[ls:le].strip()
    q = _QUALIFIER.match(line)
    rest = line[q.end():] if q else line
    rest = rest.rstrip("+")
    return bool(rest) and rest[0].isdigit() and NUMBER_RE.fullmatch(rest) is not None and not YEAR_RE.fullmatch(rest)


def _stands_alone(text: str, span: tuple[int, int], nxt: int) -> bool:
    """Whether sentence `span` is a fact-box figure on its own line and the sentence at nxt opens the line
    after it (at most one blank line between) and is not a figure itself."""
    s, e = span
    if text[s - 1:s] not in ("", "\n") or text[e:e + 1] not in ("", "\n") or text.count("\n", e, nxt) > 2:
        return False
    nl = text.find("\n", nxt)
    return fact_line(text, s, e) and not fact_line(text, nxt, len(text) if nl < 0 else nl)


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
    out: list[tuple[int, int]] = []
    joined = False
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        if out and not joined and _stands_alone(text, out[-1], s):
            out[-1] = (out[-1][0], e)     # the figure standing alone and the first sentence saying what it counts
            joined = True
            continue
        joined = False
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
