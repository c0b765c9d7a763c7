"""Title, outlet, author, published date and dateline from an article's own text.

Scraped pages put metadata in the first lines (masthead, headline, byline,
"Published : ..." stamp) and sometimes the last (a wire credit "(Yonhap)").
Those lines are moved out of the body; the body keeps the article's sentences.
Patterns live in data/metadata_patterns.tsv and data/outlets.csv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import parse_date
from .resources import read_table

HEADER_LINES = 10      # metadata is looked for in the first lines only
_DOMAIN = re.compile(r"\b[A-Z][A-Za-z0-9-]+\.(?:news|com|net|org|co\.kr|kr|ua|ru|info|io)\b")
_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z.'\- ]{2,}(?:,\s*[A-Z][\w.'\- ]+)?)\s*(?:\((?P<credit>[^)]{1,30})\))?\s*[—–-]{1,2}\s")
_CREDIT_END = re.compile(r"\((?P<credit>[^()]{2,30})\)\s*$")
_SENTENCE_END = re.compile(r"[.!]\s*$")


@dataclass
class Meta:
    title: str = ""
    subtitle: str = ""
    outlet: str = ""
    outlet_evidence: str = ""
    author: str = ""
    published: str = ""          # ISO date
    published_time: str = ""
    published_evidence: str = ""
    dateline: str = ""


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for r in read_table("metadata_patterns.tsv"):
        flags = re.I if "i" in (r.get("flags") or "") else 0
        out.append((r["field"], re.compile(r["pattern"], flags)))
    return out


@lru_cache(maxsize=1)
def _outlets() -> tuple[dict[str, str], set[str]]:
    """alias (lower) -> display name; and the set of wire agencies' display names."""
    names, wires = {}, set()
    for r in read_table("outlets.csv"):
        for alias in [r["name"], *filter(None, r["aliases"].split(";"))]:
            names[alias.strip().lower()] = r["name"]
        if r["wire"].strip() == "yes":
            wires.add(r["name"])
    return names, wires


def outlet_name(s: str) -> str:
    return _outlets()[0].get(s.strip().lower(), "")


def extract(lines: list[str]) -> tuple[Meta, list[str]]:
    """Metadata from the cleaned lines, and the body lines without them."""
    meta = Meta()
    body: list[str] = []
    header = lines[:HEADER_LINES]
    consumed: set[int] = set()
    for i, ln in enumerate(header):
        if not meta.outlet and outlet_name(ln):
            meta.outlet, meta.outlet_evidence = outlet_name(ln), f"masthead: {ln}"
            consumed.add(i)
            continue
        for fld, pat in _patterns():
            m = pat.fullmatch(ln)
            if not m:
                continue
            value = m.group("value").strip()
            if fld == "author" and not meta.author:
                meta.author = value
                consumed.add(i)
                break
            if fld == "published" and not meta.published:
                d, t = parse_date(value)
                if d:
                    meta.published, meta.published_time, meta.published_evidence = d.isoformat(), t, ln
                    consumed.add(i)
                    break
    # Headline (and sub-headline): the first header lines that read as a title: short, no
    # closing full stop, and followed by more text. Everything before the byline qualifies.
    title_idx = []
    for i, ln in enumerate(header):
        if i in consumed:
            continue
        if _is_title(ln) and i + 1 < len(lines):
            title_idx.append(i)
            if len(title_idx) == 2:
                break
            continue
        break
    if title_idx:
        meta.title = lines[title_idx[0]]
        if len(title_idx) == 2 and _before_byline(title_idx[1], consumed):
            meta.subtitle = lines[title_idx[1]]
        else:
            title_idx = title_idx[:1]
    consumed.update(title_idx)
    body = [ln for i, ln in enumerate(lines) if i not in consumed]

    if body:
        m = _DATELINE.match(body[0])
        if m:
            meta.dateline = m.group("place").strip()
            if m.group("credit") and outlet_name(m.group("credit")) and not meta.outlet:
                meta.outlet = outlet_name(m.group("credit"))
                meta.outlet_evidence = f"dateline credit: ({m.group('credit')})"
        m = _CREDIT_END.search(body[-1])
        if m and outlet_name(m.group("credit")):
            name = outlet_name(m.group("credit"))
            if not meta.outlet:
                meta.outlet, meta.outlet_evidence = name, f"credit: ({m.group('credit')})"
            if not meta.author and name in _outlets()[1]:
                meta.author = m.group("credit").strip()
    if not meta.outlet:
        # A site naming itself ("Time.news Interview", "Editor (Time.news)"): a domain-like
        # name used twice or more; once could be a citation of another site.
        counts: dict[str, int] = {}
        for ln in lines:
            for d in _DOMAIN.findall(ln):
                counts[d] = counts.get(d, 0) + 1
        top = max(counts.items(), key=lambda kv: kv[1], default=("", 0))
        if top[1] >= 2:
            meta.outlet, meta.outlet_evidence = outlet_name(top[0]) or top[0], f"self-mention: {top[0]} ×{top[1]}"
    return meta, body


def _is_title(ln: str) -> bool:
    if not (12 <= len(ln) <= 250) or _SENTENCE_END.search(ln) or _DATELINE.match(ln):
        return False
    return not ln.endswith((":", ",")) and sum(ch.isalpha() for ch in ln) > len(ln) * 0.5


def _before_byline(i: int, consumed: set[int]) -> bool:
    return any(j > i for j in consumed)
