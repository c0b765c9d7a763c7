"""Read raw scraped articles (.txt, .html/.htm, .jsonl) into clean, dated records.

One ``Article`` per article: the raw text as decoded, the cleaned body that
later stages give character offsets into, and the metadata (title, outlet,
author, published date with its source and evidence). Files that cannot be
read are skipped with a reason, never with a traceback.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import boilerplate, metadata, pubdate
from .dates import parse_date, parse_iso
from .decoding import BinaryFile, decode
from .errors import UserError

SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
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
    published: str = ""          # ISO date
    published_time: str = ""
    published_source: str = "unknown"   # text / manifest / inferred / unknown
    published_evidence: str = ""
    published_precision: str = ""       # day / window / ""
    dateline: str = ""
    outlet_evidence: str = ""
    removed: list = field(default_factory=list)

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
              hints: dict | None = None) -> Article:
    """Clean one article's text and take its metadata. ``hints`` (title, outlet, url,
    author, published from HTML metadata or a JSONL record) fill what the text lacks."""
    cleaned = boilerplate.clean_lines(raw_text)
    meta, body = metadata.extract(cleaned.lines)
    if not body:
        raise Skip("no article text after removing page furniture" if raw_text.strip() else "empty file")
    art = Article(article=name, path=path or name, format=fmt, encoding=encoding, raw_text=raw_text,
                  text="\n\n".join(body), title=meta.title, subtitle=meta.subtitle, outlet=meta.outlet,
                  author=meta.author, dateline=meta.dateline, outlet_evidence=meta.outlet_evidence,
                  removed=cleaned.removed)
    if meta.published:
        art.published, art.published_time = meta.published, meta.published_time
        art.published_source, art.published_evidence, art.published_precision = "text", meta.published_evidence, "day"
    for key, value in (hints or {}).items():
        if value and not getattr(art, key, ""):
            if key == "published":
                d = _as_date(value)
                if d is None:
                    continue
                art.published, art.published_source = d.isoformat(), "text"
                art.published_evidence, art.published_precision = f"page metadata: {value}", "day"
            else:
                setattr(art, key, str(value).strip())
    return art


def _as_date(value) -> dt.date | None:
    return parse_iso(str(value)) or parse_date(str(value))[0]


def read_file(path: Path) -> list[Article]:
    """The articles in one file (several for JSONL). Raises Skip with the reason."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise Skip(f"unsupported file type {path.suffix or '(none)'}; use .txt, .html, .htm or .jsonl")
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
        return [_from_html(path, dec.text, dec.encoding)]
    if fmt == "jsonl":
        return _from_jsonl(path, dec.text, dec.encoding)
    return [from_text(path.name, dec.text, path=str(path), encoding=dec.encoding)]


def _from_html(path: Path, html: str, encoding: str) -> Article:
    import trafilatura  # heavy (lxml, justext): only when a page is read

    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not body:
        raise Skip("no article text found in the HTML page")
    meta = trafilatura.extract_metadata(html)
    hints = {}
    if meta is not None:
        hints = {"title": meta.title, "author": meta.author, "outlet": meta.sitename, "url": meta.url,
                 "published": meta.date}
    # The headline goes first so the text reader treats it as it does in a .txt scrape.
    text = body if not hints.get("title") or body.startswith(hints["title"]) else f"{hints['title']}\n{body}"
    return from_text(path.name, text, path=str(path), fmt="html", encoding=encoding, hints=hints)


def _from_jsonl(path: Path, text: str, encoding: str) -> list[Article]:
    out: list[Article] = []
    problems = []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {n}: not JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict) or not str(rec.get("text") or "").strip():
            problems.append(f"line {n}: no 'text' field")
            continue
        hints = {k: rec.get(k) for k in ("title", "url", "outlet", "published", "author") if rec.get(k)}
        name = f"{path.name}#{n}"
        try:
            out.append(from_text(name, str(rec["text"]), path=str(path), fmt="jsonl", encoding=encoding,
                                 hints=hints))
        except Skip as exc:
            problems.append(f"line {n}: {exc}")
    if not out:
        raise Skip("no articles in the JSONL file" + (f" ({'; '.join(problems[:3])})" if problems else ""))
    for p in problems:
        out[0].removed.append(("jsonl", p))
    return out


def discover(paths: list[str | Path]) -> list[Path]:
    """Files under the given folders/files, in name order; hidden files and the manifest left out."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file() and not any(
                part.startswith(".") for part in f.relative_to(p).parts) and f.name != MANIFEST_NAME)
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
                progress: bool = True, echo=None) -> Corpus:
    """Read every article under ``paths``. ``echo`` (e.g. print to stderr) receives each
    warning line as it happens, so they are shown even when the run then stops."""
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
            got = read_file(f)
        except Skip as exc:
            skipped.append((str(f), str(exc)))
            warnings.append(f"warning: {f}: skipped, {exc}")
            continue
        for a in got:
            for line in reading_notes(f, a):
                warnings.append(line)
        articles.extend(got)
    return finish_corpus(paths, articles, skipped, manifest, warnings)


def reading_notes(path, article: Article) -> list[str]:
    """The warning lines an article read from `path` carries (a bad JSONL line, say)."""
    return [f"warning: {path}: {line} skipped" for kind, line in article.removed if kind == "jsonl"]


def finish_corpus(paths: list[str | Path], articles: list[Article], skipped: list[tuple[str, str]],
                  manifest: dict[str, dict] | None, warnings: list[str]) -> Corpus:
    """The corpus-wide steps after reading, for articles in corpus order: the same text kept once,
    the manifest applied, publication dates inferred. Shared by read_corpus and the cached,
    parallel reading of incremental.py, so both give the same articles."""
    if not articles:
        looked = ", ".join(str(p) for p in paths)
        raise UserError(f"no articles found in {looked} (looked for .txt, .html, .htm, .jsonl files"
                        + (f"; {len(skipped)} skipped: see the warnings above" if skipped else "") + ")")

    seen: dict[str, str] = {}
    unique, duplicates = [], []
    for a in articles:
        h = a.sha256
        if h in seen:
            duplicates.append((a.article, seen[h]))
            warnings.append(f"warning: {a.path}: duplicate of {seen[h]} (same text), kept once")
            continue
        seen[h] = a.article
        unique.append(a)

    apply_manifest(unique, manifest or {}, warnings)
    infer_dates(unique)
    return Corpus(unique, list(warnings), duplicates, skipped)


def apply_manifest(articles: list[Article], manifest: dict[str, dict], warnings: list[str]) -> None:
    by_name = {a.article: a for a in articles}
    for name, rec in manifest.items():
        art = by_name.get(name)
        if art is None:
            continue
        for key in ("url", "outlet", "author", "title"):
            if rec.get(key):
                setattr(art, key, rec[key])
        if rec.get("published"):
            art.published, art.published_source = rec["published"], "manifest"
            art.published_precision = "day"
            art.published_evidence = "sources.csv" + (f": {rec['notes']}" if rec.get("notes") else "")


def infer_dates(articles: list[Article]) -> None:
    """Dates for the articles that neither text nor manifest dates, anchored on those that are."""
    known = [dt.date.fromisoformat(a.published) for a in articles if a.published]
    anchor = pubdate.corpus_anchor(known)
    for a in articles:
        if a.published:
            continue
        inf = pubdate.infer(a.text + "\n" + "\n".join(line for kind, line in a.removed if kind.startswith("caption")),
                            anchor)
        if inf.date:
            a.published, a.published_source = inf.date.isoformat(), "inferred"
            a.published_evidence, a.published_precision = inf.evidence, inf.precision
