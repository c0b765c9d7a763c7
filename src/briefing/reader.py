"""Read raw scraped articles (.txt, .md, .html/.htm, .jsonl) into clean, dated records.

One ``Article`` per article: the raw text as decoded, the cleaned body that
later stages give character offsets into, and the metadata (title, outlet,
author, published date with its precision, window, source and evidence: see
``pubdate``). Files that cannot be read are skipped with a reason, never with a
traceback. An article's dates depend on its own file and manifest row only.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from . import boilerplate, metadata, pubdate
from .wrapping import unwrap
from . import manifest as manifest_mod
from .decoding import BinaryFile, decode, normalise, scrub_surrogates
from .errors import UserError
from .resources import read_lines

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
            ".jsonl": "jsonl"}
KINDS = ".txt, .md, .html, .htm or .jsonl"
MANIFEST_NAME = "sources.csv"
_FOLD = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'))


@dataclass
class Article:
    article: str                 # file name (``name.jsonl#3`` for the third line of a JSONL file)
    path: str
    format: str
    encoding: str
    raw_text: str
    text: str                    # cleaned body: paragraphs separated by a blank line
    title: str = ""
    subtitle: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published: str = ""          # ISO day, or "" when the day is not known (see pubdate)
    published_time: str = ""
    published_source: str = "unknown"   # manifest / jsonl / html / url / text / inferred / unknown
    published_evidence: str = ""
    published_precision: str = "unknown"   # day / window / unknown
    published_earliest: str = ""        # the window the article appeared in (== published for a day)
    published_latest: str = ""
    dateline: str = ""
    written: str = ""            # ISO day the text itself was written, when earlier and the article says so (pubdate)
    outlet_evidence: str = ""
    removed: list = field(default_factory=list)
    warnings: list = field(default_factory=list)   # reading problems, each a phrase the warning line gives after the file
    # the article's own date evidence, kept so a manifest row can re-date it (not exported)
    date_lines: list = field(default_factory=list, repr=False)
    text_urls: list = field(default_factory=list, repr=False)
    record_published: str = field(default="", repr=False)
    record_url: str = field(default="", repr=False)
    written_recorded: bool = field(default=False, repr=False)   # ``written`` is a recording's day (pubdate)

    @cached_property
    def n_words(self) -> int:
        return len(self.text.split())

    @cached_property
    def sha256(self) -> str:
        """Hash of the normalised body: the same article saved twice (straight or curly
        quotes, other spacing or case) hashes the same."""
        norm = self.text
        for a, b in _FOLD:
            norm = norm.replace(a, b)
        norm = " ".join(norm.lower().split())
        return hashlib.sha256(norm.encode("utf-8")).hexdigest()


class Skip(Exception):
    """This file holds no readable article; the message says why."""


def from_text(name: str, raw_text: str, *, path: str = "", fmt: str = "text", encoding: str = "utf-8",
              hints: dict | None = None, today: dt.date | None = None) -> Article:
    """Clean one article's text and take its metadata. ``hints`` (title, outlet, url,
    author, published from HTML metadata or a JSONL record) fill what the text lacks."""
    norm = normalise(raw_text)
    raw_text = norm.text
    cleaned = boilerplate.clean_lines(unwrap(raw_text))
    meta, body = metadata.extract(cleaned.lines)
    if not body:
        raise Skip("no article text after removing page furniture" if raw_text.strip() else "empty file")
    art = Article(article=name, path=path or name, format=fmt, encoding=encoding, raw_text=raw_text,
                  text="\n\n".join(body), title=meta.title, subtitle=meta.subtitle, outlet=meta.outlet,
                  author=meta.author, dateline=meta.dateline, outlet_evidence=meta.outlet_evidence,
                  removed=cleaned.removed, date_lines=meta.dates, text_urls=meta.urls)
    if norm.surrogates:
        art.warnings.append(f"{norm.surrogates} unpaired surrogate{'s' * (norm.surrogates != 1)} replaced with "
                            f"U+FFFD (first on line {norm.first_surrogate_line})")
    if meta.urls:
        art.url = meta.urls[0]
    for key, value in (hints or {}).items():
        if not value:
            continue
        value = normalise(str(value)).text.strip()
        if key == "published":
            art.record_published = value

        elif key == "url":
            art.record_url = art.url = value
        elif not getattr(art, key, ""):
            setattr(art, key, value)
    date_article(art, today=today)
    return art


def date_article(art: Article, manifest_row: dict | None = None, today: dt.date | None = None) -> None:
    """Set the article's publication date from its own evidence and its manifest row (pubdate)."""
    row = manifest_row or {}
    urls = []
    if row.get("url"):
        urls.append((row["url"], "sources.csv"))
    if art.record_url:
        urls.append((art.record_url, "page metadata" if art.format == "html" else f"{art.format} field 'url'"))
    urls += [(u, "printed on the page") for u in art.text_urls]
    p = pubdate.decide(manifest_published=row.get("published", ""), record_published=art.record_published,
                       record_kind="html" if art.format == "html" else "jsonl", urls=urls, lines=art.date_lines,
                       body=art.text, today=today)
    art.published, art.published_time, art.published_source = p.published, p.time, p.source
    art.published_precision, art.published_evidence = p.precision, p.evidence
    art.published_earliest, art.published_latest = p.earliest, p.latest
    art.written, art.written_recorded = p.written, p.recorded


@lru_cache(maxsize=1)
def _not_articles() -> frozenset[str]:
    return frozenset(n.lower() for n in read_lines("not_articles.txt"))


def read_file(path: Path, today: dt.date | None = None) -> list[Article]:
    """The articles in one file (several for JSONL). Raises Skip with the reason."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise Skip(f"unsupported file type {path.suffix or '(none)'}; use {KINDS}")
    if path.stem.lower() in _not_articles():
        raise Skip(f"'{path.name}' is the folder's documentation, not an article (data/not_articles.txt); "
                   "rename it if it is an article")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise Skip(f"cannot read ({exc.strerror or exc})")
    if not raw.strip():
        raise Skip("empty file")
    try:
        dec = decode(raw)
    except BinaryFile as exc:
        raise Skip(str(exc))
    if fmt == "html":
        arts = [_from_html(path, dec.text, dec.encoding, today)]
    elif fmt == "jsonl":
        arts = _from_jsonl(path, dec.text, dec.encoding, today)
    elif fmt == "markdown":
        from .markdown import to_text
        text, title = to_text(dec.text)
        if not text.strip():
            raise Skip("no article text in the Markdown file")
        arts = [from_text(path.name, text, path=str(path), fmt="markdown", encoding=dec.encoding,
                          hints={"title": title}, today=today)]
    else:
        arts = [from_text(path.name, dec.text, path=str(path), encoding=dec.encoding, today=today)]
    if dec.replaced:
        arts[0].warnings.insert(0, dec.warning())
    return arts


# a table's caption, which trafilatura writes as a first row of one cell over a separator: a line of text
# of its own, so the row after it is the table's header
_CAPTION_ROW = re.compile(r"^\| ([^|\n]+?) \|(?:[ \t]*\|)+[ \t]*\n\|(?:-+\|)+[ \t]*\n", re.M)


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEP = re.compile(r"\s+[|:–—-]\s+|\s+::\s+")
SITE_WORDS = 5      # a segment of the page title longer than this is a headline, not a site's name


def _page_title(html: str) -> str:
    import html as htmllib
    m = _TITLE_TAG.search(html, 0, 200_000)
    return " ".join(htmllib.unescape(m.group(1)).split()) if m else ""


def _site_name(sitename: str, page_title: str) -> str:
    """The outlet from trafilatura's guess, checked against the page's <title>: "Headline : The Outlet" is
    split on its separators, and a guess that is a headline's worth of words gives way to a short segment at
    either end ("N. Korea sends more troops to Russia: NIS : The DONG-A ILBO" is the DONG-A ILBO's page). A
    segment naming an outlet of data/outlets.csv wins."""
    parts = [p.strip() for p in _TITLE_SEP.split(page_title) if p.strip()]
    if len(parts) < 2:
        return sitename
    for p in (parts[-1], parts[0]):
        known = metadata.outlet_name(p) or metadata.outlet_name(re.sub(r"(?i)^the\s+", "", p))
        if known:
            return known
    if not sitename or len(sitename.split()) > SITE_WORDS or sitename.rstrip(" .").endswith(tuple("?!")) or \
            any(sitename and sitename in p and len(p.split()) > SITE_WORDS for p in parts):
        edge = min((parts[-1], parts[0]), key=len)
        if len(edge.split()) <= SITE_WORDS and edge != sitename:
            return edge
    return sitename


_H1 = re.compile(r"<h1\b", re.IGNORECASE)
_STAMP = re.compile(r"<(span|div|p|time|li|em)\b[^>]*\b(?:class|itemprop|id)=[\"'][^\"']*(?:date|time|publish|posted)"
                    r"[^\"']*[\"'][^>]*>(.{4,200}?)</\1>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
STAMP_REACH = 5000      # characters after the headline's <h1> searched for the date the page prints


def _page_stamp(html: str) -> str:
    """The first date element after the page's headline ('<span class="date">Posted February. 28, 2025 07:45
    </span>'), as a line of text ending in a newline, or "". Only near the headline: a list of related
    articles further down dates each link the same way."""
    import html as htmllib
    h = _H1.search(html)
    lo = h.start() if h else 0
    m = _STAMP.search(html, lo, lo + STAMP_REACH)
    if m is None:
        return ""
    line = " ".join(htmllib.unescape(_TAG.sub(" ", m.group(2))).split())
    return line + "\n" if line and any(ch.isdigit() for ch in line) else ""


# the sub-headline printed right under the headline: '<h2 class="sub_title">', '<p class="standfirst">'
# (a class word of its own: "sub_title", "article-dek", not "subscribe")
_SUBHEAD = re.compile(r"</h1>\s*(?:<[^>]+>\s*){0,3}?<(h2|h3|p|div)\b[^>]*\bclass=[\"'](?:[^\"']*[\s_-])?(?:sub[_-]?title|"
                      r"sub[_-]?head(?:line)?|dek|standfirst|summary|lede|strap(?:line)?|intro)(?:[\s_-][^\"']*)?[\"'][^>]*>"
                      r"(.{10,400}?)</\1>", re.IGNORECASE | re.DOTALL)


def _page_subtitle(html: str) -> str:
    """The sub-headline under the page's <h1>, as text, or "" (a figure in it is a figure of its own)."""
    import html as htmllib
    h = _H1.search(html)
    if h is None:
        return ""
    m = _SUBHEAD.search(html, h.start(), h.start() + 3000)
    return " ".join(htmllib.unescape(_TAG.sub(" ", m.group(2))).split()) if m else ""


_EMAIL = re.compile(r"\S+@\S+")


def _byline(author: str) -> str:
    """The author as a name: an e-mail address and what is left of one ("Kim Do-yeon kimdy com", as the page
    metadata gives "Kim Do-yeon kimdy@donga.com") are no part of it; names are capitalised."""
    words = _EMAIL.sub(" ", author).split()
    while words and words[-1].islower():
        words.pop()
    return " ".join(words)


def _from_html(path: Path, html: str, encoding: str, today: dt.date | None = None) -> Article:
    import trafilatura  # heavy (lxml, justext): only when a page is read

    # tables are kept (an estimate's history, a box of key figures): trafilatura writes them as pipe rows
    body = trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True)
    if not body:
        raise Skip("no article text found in the HTML page")
    body = _CAPTION_ROW.sub(r"\1\n", body)
    # extensive=False: the page's metadata only; htmldate's search of the visible text takes
    # dates from photo captions and related links
    meta = trafilatura.extract_metadata(html, extensive=False)
    hints = {}
    if meta is not None:
        hints = {"title": meta.title, "author": _byline(meta.author or ""),
                 "outlet": _site_name(meta.sitename or "", _page_title(html)), "url": meta.url,
                 "published": meta.date}
    why = _untrusted_meta_date(html, str(hints.get("published") or ""))
    if why:
        hints["published"] = ""
    # The headline goes first so the text reader treats it as it does in a .txt scrape; and when the page's
    # metadata gives no date, the date the page prints under its headline, as a scrape would keep it
    stamp = "" if hints.get("published") or why else _page_stamp(html)
    sub = _page_subtitle(html)
    if sub and sub[:60] in body:
        sub = ""     # (the extractor kept it)
    if not hints.get("title"):
        text = body     # (a sub-headline with no headline above it would be taken for the title)
    elif body.startswith(hints["title"]):
        text = body.replace("\n", f"\n{sub}\n", 1) if sub and "\n" in body else body
    else:
        text = "\n".join(filter(None, (hints["title"], sub, stamp + body)))
    art = from_text(path.name, text, path=str(path), fmt="html", encoding=encoding, hints=hints, today=today)
    if why:
        art.date_lines = [*art.date_lines, metadata.DateLine("published", None, f"page metadata (htmldate): {meta.date}",
                                                              problem=why)]
        date_article(art, today=today)
    return art


_UPDATED = re.compile(r"\b(?:updated|modified|revised|edited|last\s+change[d]?)\b[^<>\n]{0,20}$", re.IGNORECASE)


def _untrusted_meta_date(html: str, value: str) -> str:
    """Why the page's metadata date ``value`` (htmldate's reading) cannot be trusted, or "".

    A day the page prints only after "Last updated" (a footer) is when it was last changed, not
    published: not used.

    htmldate reads a date printed only as "12/10/2024" one way (day first); the page may mean the
    other. When the page writes the day in no form that reads one way only (ISO in a meta tag or a
    datetime attribute, a month name) but does print a slashed date that reads both ways and gives
    that day, the reading is a guess: not used (a wrong date is worse than none)."""
    from .dates import ambiguous, find_dates, month_first, parse_iso
    d = parse_iso(value)
    if d is None:
        return ""
    iso = d.isoformat()
    if iso in html or iso.replace("-", "/") in html or iso.replace("-", "") in html:
        return ""
    same = [f for f in find_dates(html) if f.date == d]
    if same and all(_UPDATED.search(html, max(0, f.start - 40), f.start) for f in same):
        # htmldate took a footer's "Last updated: 23 January 2025" from a page whose own date (a debate
        # record's "Wednesday, 22 January 2025") is the day before: an update is not the publication
        return f"printed only as the page's last update ('{same[0].phrase}')"
    if same:
        return ""
    for amb in dict.fromkeys(ambiguous(html)):
        first = month_first(amb)
        if first is not None and d in (first, dt.date(first.year, first.day, first.month)):
            return f"read from '{amb}', which reads both ways"
    return ""


def _from_jsonl(path: Path, text: str, encoding: str, today: dt.date | None = None) -> list[Article]:
    """One article per line with a string 'text'; a line that is not one is skipped with a warning."""
    out: list[Article] = []
    problems = []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            problems.append(f"line {n}: not JSON ({getattr(exc, 'msg', 'nested too deeply')}); skipped")
            continue
        if not isinstance(rec, dict) or "text" not in rec:
            problems.append(f"line {n}: no 'text' field; skipped")
            continue
        if not isinstance(rec["text"], str):
            # A number or a list is not an article, and str() of it would be taken for one.
            problems.append(f"line {n}: 'text' is {_json_kind(rec['text'])}, not a string; skipped")
            continue
        notes, hints = [], {}
        for key in ("text", "title", "url", "outlet", "published", "author"):
            value = rec.get(key)
            if key != "text" and (value is None or value == ""):
                continue
            if key != "text" and not isinstance(value, str):
                notes.append(f"line {n}: '{key}' is {_json_kind(value)}, not a string; ignored")
                continue
            value, bad = scrub_surrogates(value)
            if bad:
                notes.append(f"line {n}: {bad} unpaired surrogate{'s' * (bad != 1)} in '{key}' replaced with U+FFFD")
            if key == "text":
                body = value
            else:
                hints[key] = value
        if not body.strip():
            problems.append(f"line {n}: empty 'text'; skipped")
            continue
        try:
            art = from_text(f"{path.name}#{n}", body, path=str(path), fmt="jsonl", encoding=encoding, hints=hints,
                            today=today)
        except Skip as exc:
            problems.append(f"line {n}: {exc}; skipped")
            continue
        art.warnings[:0] = notes
        out.append(art)
    if not out:
        raise Skip("no articles in the JSONL file" + (f" ({'; '.join(problems[:3])})" if problems else ""))
    out[0].warnings[:0] = problems
    return out


def _json_kind(value) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object",
            type(None): "null"}.get(type(value), type(value).__name__)


def jsonl_line(article: str) -> str:
    """'line 3' for 'feed.jsonl#3', '' for an article that is a whole file."""
    head, sep, n = article.rpartition("#")
    return f"line {n}" if sep and n.isdigit() and head.lower().endswith(".jsonl") else ""


# A folder holding this file is output of ours (`briefing build` marks its reports folder and each
# briefing in it): a reports folder kept inside the corpus must not be read back as articles, nor
# change the corpus hash on every build.
OUTPUT_MARKER = ".briefing-output"


def discover(paths: list[str | Path]) -> list[Path]:
    """Files under the given folders/files, in name order; hidden files and folders, the manifest and
    our own output folders (see OUTPUT_MARKER) left out."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = []
            for folder, dirs, names in os.walk(p):
                # Pruned in place, so os.walk never descends into them (a .git or a reports tree).
                dirs[:] = [d for d in dirs if not d.startswith(".")
                           and not os.path.lexists(os.path.join(folder, d, OUTPUT_MARKER))]
                found += [Path(folder, n) for n in names if not n.startswith(".") and n != MANIFEST_NAME
                          and os.path.isfile(os.path.join(folder, n))]
            files += sorted(found)
        elif p.is_file():
            files.append(p)
        else:
            raise UserError(f"{p}: no such file or folder; give folders or files of articles")
    return files


@dataclass
class Corpus:
    articles: list[Article]
    warnings: list[str]
    duplicates: list[tuple[str, str]]       # (dropped, kept)
    skipped: list[tuple[str, str]]          # (file, reason)


class _Warnings(list):
    """Warning lines, each also passed to ``echo`` as it happens (a long run shows them live)."""

    def __init__(self, echo=None):
        super().__init__()
        self.echo = echo

    def append(self, line: str) -> None:
        super().append(line)
        if self.echo:
            self.echo(line)


def read_corpus(paths: list[str | Path], manifest: dict[str, dict] | None = None,
                progress: bool = True, echo=None, today: dt.date | None = None) -> Corpus:
    """Read every article under ``paths``. ``echo`` (e.g. print to stderr) receives each
    warning line as it happens, so they are shown even when the run then stops. ``today``
    (default: the day of the run) is the latest publication date an article can get."""
    today = today or dt.date.today()
    files = discover(paths)
    warnings = _Warnings(echo)
    skipped: list[tuple[str, str]] = []
    articles: list[Article] = []
    iterator = files
    if progress and len(files) > 100:
        from tqdm import tqdm
        iterator = tqdm(files, desc="reading", unit="file")
    for f in iterator:
        try:
            got = read_file(f, today=today)
        except Skip as exc:
            skipped.append((str(f), str(exc)))
            warnings.append(f"warning: {f}: skipped, {exc}")
            continue
        for a in got:
            for line in reading_notes(f, a):
                warnings.append(line)
        articles.extend(got)
    return finish_corpus(paths, articles, skipped, manifest, warnings, today)


def reading_notes(path, article: Article) -> list[str]:
    """The warning lines an article read from `path` carries (a bad JSONL line, replaced bytes)."""
    return [f"warning: {path}: {line}" for line in article.warnings]


def finish_corpus(paths: list[str | Path], articles: list[Article], skipped: list[tuple[str, str]],
                  manifest: dict[str, dict] | None, warnings: list[str], today: dt.date | None = None) -> Corpus:
    """The corpus-wide steps after reading, for articles in corpus order: the same text kept once,
    the manifest checked and applied. Shared by read_corpus and the cached, parallel reading of
    incremental.py, so both give the same articles."""
    if not articles:
        looked = ", ".join(str(p) for p in paths)
        raise UserError(f"no articles found in {looked} (looked for .txt, .md, .html, .htm, .jsonl files"
                        + (f"; {len(skipped)} skipped: see the warnings above" if skipped else "") + ")")

    seen: dict[str, str] = {}
    unique, duplicates = [], []
    for a in articles:
        h = a.sha256
        if h in seen:
            duplicates.append((a.article, seen[h]))
            where = jsonl_line(a.article)
            warnings.append(f"warning: {a.path}: {where + ': ' if where else ''}duplicate of {seen[h]} "
                            f"(same text), dropped; kept once")
            continue
        seen[h] = a.article
        unique.append(a)

    for line in manifest_mod.unmatched(manifest or {}, [a.article for a in unique], duplicates,
                                       [Path(f).name for f, _ in skipped]):
        warnings.append(line)
    apply_manifest(unique, manifest or {}, warnings, today=today)
    return Corpus(unique, list(warnings), duplicates, skipped)


def apply_manifest(articles: list[Article], manifest: dict[str, dict], warnings: list[str],
                   today: dt.date | None = None) -> None:
    """The analyst's sources.csv overrides what the text gives; its ``published`` and ``url``
    re-date the article (an article's dates depend on it and its own row only)."""
    by_name = {a.article: a for a in articles}
    for name, rec in manifest.items():
        art = by_name.get(name)
        if art is None:
            continue
        for key in ("url", "outlet", "author", "title"):
            if rec.get(key):
                setattr(art, key, rec[key])
        if rec.get("published") or rec.get("url"):
            date_article(art, rec, today=today)
            if art.published_source == "manifest" and rec.get("notes"):
                art.published_evidence += f" ({rec['notes']})"
