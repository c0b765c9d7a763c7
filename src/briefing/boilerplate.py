"""Remove scraped page furniture from article text.

Whole lines only: a line is dropped when it fully matches a pattern in
data/boilerplate.tsv, or when it is a photo caption (a long line the page
repeats, or a line that is one sentence written twice). Nothing inside an
article's own sentences is touched, so later character offsets point at the
words as the outlet wrote them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .resources import read_table

# Runs of two spaces or any odd blank (no-break, thin, ideographic) become one space; single spaces
# are left alone, which keeps this pass cheap on long texts. A tab stays a tab: it separates the cells
# of a table row, whose header names what each column counts (figures.table_cell).
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LETTERS = re.compile(r"[^\W\d_]")
_SPACES = re.compile(r"(?: {2,}|[\u00a0\u2009\u202f\u3000])[ \u00a0\u2009\u202f\u3000]*")
_TABS = re.compile(r"[ ]*\t[ \t]*")


@lru_cache(maxsize=1)
def _furniture() -> tuple[re.Pattern, list[str]]:
    rows = read_table("boilerplate.tsv")
    kinds = [r["kind"] for r in rows]
    pat = re.compile("|".join(f"(?P<k{i}>{r['pattern']})" for i, r in enumerate(rows)), re.I)
    return pat, kinds


@dataclass
class Cleaned:
    lines: list[str]                                 # kept lines, stripped, in order
    removed: list[tuple[str, str]] = field(default_factory=list)   # (kind, line)


def furniture_kind(line: str) -> str:
    """The kind of page furniture this (stripped) line is, or ''."""
    pat, kinds = _furniture()
    m = pat.fullmatch(line)
    if not m:
        return ""
    return kinds[int(m.lastgroup[1:])]


_WIDE_CELL = re.compile(r"\S+(?: \S+)*")    # a fixed-width table's cell: words one space apart
MIN_TABLE_LINES = 3                           # a header and two rows: two aligned lines may be chance


def _cell_starts(line: str) -> tuple[int, ...]:
    if "  " not in line:
        return ()
    starts = tuple(m.start() for m in _WIDE_CELL.finditer(line))
    return starts if len(starts) >= 3 else ()


def aligned_tables(text: str) -> str:
    """A table laid out with spaces (a report's "Source   Date   Troops in Russia" over rows whose cells start
    in the same columns), rewritten with " | " between cells, as a rendered table keeps them: collapsing the
    spaces would run the cells together and lose which number sits in which column. Lines whose cells do
    not start in the header's columns are prose and stay as they are."""
    lines = text.split("\n")
    k = 0
    while k < len(lines):
        starts = _cell_starts(lines[k])
        if not starts:
            k += 1
            continue
        block, j = [k], k + 1
        while j < len(lines) and (not lines[j].strip() or _cell_starts(lines[j]) == starts):
            if lines[j].strip():
                block.append(j)
            j += 1
        if len(block) >= MIN_TABLE_LINES:
            for i in block:
                lines[i] = " | ".join(m.group(0) for m in _WIDE_CELL.finditer(lines[i]))
            k = j
        else:
            k += 1
    return "\n".join(lines)


def clean_lines(text: str) -> Cleaned:
    if "   " in text:
        text = aligned_tables(text)
    text = _SPACES.sub(" ", text)
    if "\t" in text:
        text = _TABS.sub("\t", text)
    raw = [ln for ln in (ln.strip() for ln in text.split("\n")) if ln]
    # A caption a page prints twice: the same long line twice, the copies at most two lines apart.
    # Only a pair counts: a line repeated throughout is content (or a feed), not a caption.
    positions: dict[str, list[int]] = {}
    for i, ln in enumerate(raw):
        if len(ln) >= 40:
            positions.setdefault(ln, []).append(i)
    captions = {ln for ln, pos in positions.items() if len(pos) == 2 and pos[1] - pos[0] <= 3}
    # A short Hangul line is a stray label only in a page written in another script; in a
    # Korean-language article it is a headline or a short paragraph.
    head = text[:20000]
    hangul = len(_HANGUL.findall(head))
    korean = hangul > 0 and hangul > 0.3 * max(1, len(_LETTERS.findall(head)))
    out = Cleaned([])
    links = False    # under a "Read also:" / "Related:" heading: the short lines that follow are links
    for ln in raw:
        kind = furniture_kind(ln) if len(ln) <= 120 else ""
        if kind == "links heading":
            links = True
        elif links and not kind and len(ln) <= 160 and not ln.rstrip("”\"'’)").endswith((".", "!", "?")):
            kind = "related link"   # "Seoul: 3,000 more troops sent to Russia (27.03.2025)"
        elif not kind:
            links = False
        if kind == "stray" and korean:
            kind = ""
        if not kind and ln in captions:
            kind = "caption (repeated)"
        if not kind and _doubled(ln):
            kind = "caption (doubled)"
        if kind:
            out.removed.append((kind, ln))
        else:
            out.lines.append(ln)
    return out


def _doubled(ln: str) -> bool:
    """'A caption. (Yonhap) A caption. (Yonhap)': the same text twice on one line."""
    n = len(ln)
    if n < 60 or n > 1200:      # a caption is a sentence or two, never a whole article
        return False
    half = (n - 1) // 2
    for cut in (half, half + 1, n // 2):
        a, b = ln[:cut].strip(), ln[cut:].strip()
        if a and a == b:
            return True
    return False
