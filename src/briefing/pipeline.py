"""`briefing extract`: articles in, four tables out.

    articles.csv  one row per article (metadata, published date and its source)
    quotes.csv    direct quotations with resolved speakers
    figures.csv   numeric claims with qualifier, claimant, status, claim date
    claims.csv    the same claim reported by several outlets, merged

Each CSV has a Parquet twin; articles.parquet also keeps the raw and the cleaned
text, which quote and figure offsets point into. Outputs are written only once
everything is extracted, each through a temporary file renamed into place, so a
failed run never leaves a half-written table beside good ones.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import manifest as manifest_mod
from .actors import Registry, default_registry, unregistered
from .errors import UserError
from .reader import MANIFEST_NAME, Article, read_corpus
from .resources import data_path

ARTICLE_COLUMNS = ["article", "title", "subtitle", "outlet", "author", "published", "published_time",
                   "published_source", "published_precision", "published_evidence", "dateline", "url",
                   "format", "encoding", "n_words", "sha256", "path"]


@dataclass
class Tables:
    articles: pd.DataFrame
    quotes: pd.DataFrame
    figures: pd.DataFrame
    claims: pd.DataFrame
    warnings: list[str] = field(default_factory=list)


def articles_frame(articles: list[Article], with_text: bool = False) -> pd.DataFrame:
    rows = []
    for a in articles:
        row = {c: getattr(a, c) for c in ARTICLE_COLUMNS}
        if with_text:
            row["text"], row["raw_text"] = a.text, a.raw_text
        rows.append(row)
    cols = ARTICLE_COLUMNS + (["text", "raw_text"] if with_text else [])
    return pd.DataFrame(rows, columns=cols)


def extract_tables(articles: list[Article], registry: Registry) -> Tables:
    """Quotes, figures and claims for already-read articles (no I/O).

    Rows are collected as dicts and each table is built once for the corpus: a pandas
    frame per article cost more than extracting the article.
    """
    from . import figures as figures_mod
    from . import quotes as quotes_mod
    from .claims import merge_claims
    from .extract import article_rows

    quote_rows, figure_rows, warnings = [], [], []
    for a in articles:
        # An extractor bug on one odd article must not cost the user the whole run: the
        # article's rows are left out and the warning names it.
        try:
            q, f = article_rows(a.text, article=a.article, published=a.published,
                                published_source=a.published_source, registry=registry,
                                title=a.title, subtitle=a.subtitle)
        except Exception as exc:  # noqa: BLE001
            warnings.append(f"warning: {a.path}: quotes and figures left out, extractor failed "
                            f"({type(exc).__name__}: {exc})")
            continue
        quote_rows += q
        figure_rows += f
    arts = articles_frame(articles, with_text=True)
    figs = figures_mod.to_frame(figure_rows)
    return Tables(arts, quotes_mod.to_frame(quote_rows), figs, merge_claims(figs, arts), warnings)


def default_manifest(paths: list[str]) -> Path | None:
    """sources.csv inside the (first) corpus folder, else data/sources.csv."""
    for p in map(Path, paths):
        if p.is_dir() and (p / MANIFEST_NAME).exists():
            return p / MANIFEST_NAME
    return data_path(MANIFEST_NAME)


def run_extract(paths: list[str], out: str | Path, manifest: str | Path | None = None,
                actors: str | Path | None = None, quiet: bool = False) -> Tables:
    t0 = time.perf_counter()
    paths = [str(p) for p in (paths or ["seeds"])]
    if manifest is not None and not Path(manifest).exists():
        raise UserError(f"{manifest}: manifest not found; check the path or leave --manifest out")
    man = manifest_mod.load(manifest if manifest is not None else default_manifest(paths))
    try:
        registry = Registry.load(actors) if actors else default_registry()
    except (OSError, ValueError) as exc:
        raise UserError(f"{actors or data_path('actors.csv')}: cannot read the actor registry ({exc})")
    echo = None if quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    corpus = read_corpus(paths, man, progress=not quiet, echo=echo)
    tables = extract_tables(corpus.articles, registry)
    write_tables(tables, Path(out))
    if not quiet:
        for w in tables.warnings:
            print(w, file=sys.stderr)
        n_words = int(tables.articles["n_words"].sum())
        n = len(tables.articles)
        print(f"read {n} article{'s' * (n != 1)} ({n_words:,} words; {len(corpus.skipped)} skipped, "
              f"{len(corpus.duplicates)} duplicates) -> {out}: {len(tables.quotes)} quotes, "
              f"{len(tables.figures)} figures, {len(tables.claims)} claims "
              f"in {time.perf_counter() - t0:.2f} s", file=sys.stderr)
    return tables


def _replace(df: pd.DataFrame, path: Path, kind: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    if kind == "csv":
        df.to_csv(tmp, index=False)
    else:
        df.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def write_tables(tables: Tables, out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{out}: cannot create the output folder ({exc.strerror}); choose another --out")
    csv_articles = tables.articles.drop(columns=["text", "raw_text"], errors="ignore")
    for name, df, full in (("articles", csv_articles, tables.articles), ("quotes", tables.quotes, None),
                           ("figures", tables.figures, None), ("claims", tables.claims, None)):
        _replace(df, out / f"{name}.csv", "csv")
        _replace(full if full is not None else df, out / f"{name}.parquet", "parquet")


def load_tables(out: str | Path) -> Tables:
    """The tables a previous `briefing extract` wrote (Parquet keeps types and texts)."""
    out = Path(out)
    frames = {}
    for name in ("articles", "quotes", "figures", "claims"):
        path = out / f"{name}.parquet"
        if not path.exists():
            raise UserError(f"{path}: not found; run `briefing extract ... --out {out}` first")
        frames[name] = pd.read_parquet(path)
    return Tables(**frames)


def list_unregistered(out: str | Path) -> pd.DataFrame:
    t = load_tables(out)
    df = unregistered(t.quotes, t.figures)
    if df.empty:
        print("every named speaker and claimant is in the actor registry")
    else:
        print(df.to_string(index=False))
        print(f"\n{len(df)} names to review; add them to {data_path('actors.csv')}")
    return df
