"""A Markdown article (a scraper's or a reader service's .md output) as the plain text a .txt scrape gives.

Parsed with mistune (a dependency of nbconvert, so already installed; no hand-written Markdown
grammar). Editorial choices, so that the rest of the reader sees what it sees in a .txt scrape:
- every block (heading, paragraph, list item, quotation, table row) is a line of its own, blocks
  apart by a blank line; a hard line break inside a block ("By X  \\nFebruary 24") starts a new
  line, so a byline and a date line stay lines of their own;
- a list item keeps a "- " in front: a bullet is how a .txt scrape shows it, and the date rules
  treat list items as such (a dated list item is not the page's date);
- emphasis, links and code lose their marks and keep their words: "**The number:**" reads "The
  number:", "[POLITICO](https://...)" reads "POLITICO"; an image keeps its alternative text, which
  is a caption; raw HTML blocks (embeds, ads) are dropped;
- a table's rows become lines with cells joined by " | ", the form a .txt scrape of a table has.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _parser():
    import mistune
    return mistune.create_markdown(renderer=None, plugins=["table", "strikethrough"])


def _inline(tokens) -> str:
    out = []
    for t in tokens or []:
        kind = t.get("type")
        if kind in ("text", "codespan"):
            out.append(t.get("raw", ""))
        elif kind in ("softbreak",):
            out.append("\n")
        elif kind == "linebreak":
            out.append("\n")
        elif kind == "inline_html":
            continue
        elif kind == "image":
            out.append(_inline(t.get("children")) or t.get("attrs", {}).get("title", "") or "")
        else:               # strong, emphasis, link, strikethrough: their words
            out.append(_inline(t.get("children")) if "children" in t else t.get("raw", ""))
    return "".join(out)


def _blocks(tokens, prefix: str = "") -> list[str]:
    out: list[str] = []
    for t in tokens or []:
        kind = t.get("type")
        if kind in ("blank_line", "thematic_break", "block_html"):
            continue
        if kind in ("paragraph", "heading", "block_text"):
            text = _inline(t.get("children")).strip()
            if text:
                out.append(prefix + text)
        elif kind == "block_code":
            out += [prefix + ln for ln in t.get("raw", "").strip("\n").split("\n") if ln.strip()]
        elif kind == "list":
            for item in t.get("children") or []:
                sub = _blocks(item.get("children"))
                if sub:
                    out.append(prefix + "- " + sub[0])
                    out += [prefix + s for s in sub[1:]]
        elif kind == "block_quote":
            out += _blocks(t.get("children"), prefix)
        elif kind == "table":
            for part in t.get("children") or []:
                rows = part.get("children") or []
                if part.get("type") == "table_head":
                    rows = [part]
                for row in rows:
                    cells = [_inline(c.get("children")).strip() for c in row.get("children") or []]
                    if any(cells):
                        out.append(prefix + " | ".join(cells))
        elif "children" in t:
            out += _blocks(t.get("children"), prefix)
        elif t.get("raw", "").strip():
            out.append(prefix + t["raw"].strip())
    return out


def to_text(markdown: str) -> tuple[str, str]:
    """(the article's words, one block a paragraph with blank lines between and marks removed;
    its title: the first top-level heading, "" when there is none)."""
    tokens = _parser()(markdown)
    title = next((_inline(t.get("children")).strip() for t in tokens
                  if t.get("type") == "heading" and t.get("attrs", {}).get("level") == 1), "")
    return "\n\n".join(_blocks(tokens)), title
