"""Hard-wrapped text: a PDF converted to text or a plain-text e-mail breaks every paragraph into lines of
a fixed width. Everything downstream reads a line as a paragraph (a quotation never crosses one, a
sentence ends at one), so such a file is unwrapped first: the lines of a paragraph are joined.

Editorial choices:
* Only a file that reads as wrapped is touched: most of its lines end near one right margin of at most
  WIDTH_MAX characters, most of those in mid-sentence. A scraped web page (one long line per paragraph)
  or a list of one-sentence lines is left as it is.
* A line joins the next when it reaches near the margin (it was broken there) and the next line is text
  of the same paragraph (not blank, not a list item or a page number). A short line ends its paragraph.
* A page's running header (the same short line on every page) and its page numbers ("- 1 -") are the
  page's furniture, not the text: dropped, so neither becomes the title nor splits a paragraph.
* A word hyphenated across the break ("law-" / "makers") is mended when the next line goes on in lower
  case; a hyphen before a capital or a digit ("KN-" / "23") is kept, without the space.
"""
from __future__ import annotations

import re

WIDTH_MAX = 100      # characters: wider lines are a page's paragraphs, not a wrapped text
MIN_LINES = 8        # a wrapped file has at least this many lines of text
NEAR_MARGIN = 0.6    # a line at least this share of the margin was broken by the wrapping
_ITEM = re.compile(r"\s*(?:[-•*–]\s|\d{1,2}[.)]\s|\(?[a-z]\)\s|[A-Z][A-Za-z .'’-]{0,30}:\s)")
_PAGE_MARK = re.compile(r"\s*(?:-\s*\d+\s*-|\d+|page\s+\d+(?:\s+of\s+\d+)?)\s*$", re.IGNORECASE)


def _margin(lengths: list[int]) -> int:
    """The right margin: the length most lines of text reach (the 90th percentile)."""
    srt = sorted(lengths)
    return srt[int(0.9 * (len(srt) - 1))]


def is_wrapped(text: str) -> bool:
    lengths = [len(ln.rstrip()) for ln in text.split("\n") if ln.strip()]
    if len(lengths) < MIN_LINES:
        return False
    width = _margin(lengths)
    if not 40 <= width <= WIDTH_MAX:
        return False
    near = [ln for ln in (ln.rstrip() for ln in text.split("\n")) if ln.strip() and len(ln) >= 0.8 * width]
    # (a wrapped line breaks mid-sentence; a page of one-sentence paragraphs ends its lines with a stop)
    open_ends = sum(not ln.endswith((".", "!", "?", "\"", "”", ":")) for ln in near)
    return len(near) >= 0.5 * len(lengths) and open_ends >= 0.5 * len(near)


def unwrap(text: str) -> str:
    """The text with each wrapped paragraph on one line (the text itself when it is not wrapped)."""
    if not is_wrapped(text):
        return text
    lines = text.split("\n")
    width = _margin([len(ln.rstrip()) for ln in lines if ln.strip()])
    seen: dict[str, int] = {}
    for ln in lines:
        key = " ".join(ln.split())
        if 10 <= len(key) <= 80 and key[-1] not in ".!?:\"”":
            seen[key] = seen.get(key, 0) + 1
    running = {k for k, n in seen.items() if n >= 2}
    lines = [ln for ln in lines if " ".join(ln.split()) not in running and not _PAGE_MARK.fullmatch(ln)]
    out: list[str] = []
    open_line = False        # the last line of out was broken at the margin: the next may continue it
    for raw in lines:
        ln = raw.rstrip()
        body = ln.strip()
        if not body:
            out.append("")
            open_line = False
            continue
        if open_line and not _ITEM.match(ln) and not _PAGE_MARK.fullmatch(ln):
            prev = out[-1]
            if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha():
                # "law-" / "makers" -> "lawmakers"; "KN-" / "23" -> "KN-23"
                out[-1] = (prev[:-1] if body[0].islower() else prev) + body
            else:
                out[-1] = prev + " " + body
        else:
            out.append(ln)
        # (a word hyphenated at the break goes on, however short its line)
        open_line = (len(ln) >= NEAR_MARGIN * width or ln.endswith("-") and ln[-2:-1].isalpha()) and \
            not _PAGE_MARK.fullmatch(ln)
    return "\n".join(out)
