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
    # Writes articles.parquet (with the texts) to the given path, when `articles` has no texts
    # (run_extract leaves them in the cache, see incremental.write_articles).
    write_articles: object = None


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

    quote_rows, figure_rows, warnings = [], [], []
    for a in articles:
        q, f, w = article_rows(a, registry)
        quote_rows += q
        figure_rows += f
        warnings += w
    arts = articles_frame(articles, with_text=True)
    figs = figures_mod.to_frame(figure_rows)
    return Tables(arts, quotes_mod.to_frame(quote_rows), figs, merge_claims(figs, arts), warnings)


def article_rows(a: Article, registry: Registry) -> tuple[list[dict], list[dict], list[str]]:
    """One article's quote rows, figure rows and warnings: the unit of work that incremental.py
    caches and runs in worker processes or on Dask."""
    from . import figures as figures_mod
    from . import quotes as quotes_mod

    quote_rows, figure_rows, warnings = [], [], []
    # An extractor bug on one odd article must not cost the user the whole run: the
    # article's rows are left out and the warning names it.
    try:
        quote_rows = quotes_mod.quote_rows(a.text, article=a.article, published=a.published, registry=registry)
    except Exception as exc:  # noqa: BLE001
        warnings.append(f"warning: {a.path}: quotes left out, extractor failed ({type(exc).__name__}: {exc})")
    try:
        figure_rows = figures_mod.figure_rows(a.text, article=a.article, published=a.published,
                                              published_source=a.published_source, registry=registry)
    except Exception as exc:  # noqa: BLE001
        warnings.append(f"warning: {a.path}: figures left out, extractor failed ({type(exc).__name__}: {exc})")
    return quote_rows, figure_rows, warnings


def default_manifest(paths: list[str]) -> Path | None:
    """sources.csv inside the (first) corpus folder, else data/sources.csv."""
    for p in map(Path, paths):
        if p.is_dir() and (p / MANIFEST_NAME).exists():
            return p / MANIFEST_NAME
    return data_path(MANIFEST_NAME)


def run_extract(paths: list[str], out: str | Path, manifest: str | Path | None = None,
                actors: str | Path | None = None, quiet: bool = False, workers: int | None = None,
                client=None, with_text: bool = True, cache: str | Path | None = None,
                texts: bool = True) -> Tables:
    """Read, extract and write the four tables into `out`, reusing the per-article cache in
    out/cache/ (see incremental.py): only new or changed articles are read and extracted.

    `workers` processes (default: the number of cores) share the work, or a Dask `client`'s
    cluster does; the tables are the same either way. The articles' texts go from the cache to
    articles.parquet without passing through this process's memory; `with_text` also returns them
    in `tables.articles` (the command line does not need them). `cache` puts the cache elsewhere
    than out/cache (`briefing build` keeps one for all its days); `texts=False` leaves the texts
    out of articles.parquet (they stay in the cache).
    """
    from . import incremental
    from .claims import merge_claims
    from .reader import discover, finish_corpus, reading_notes

    t0 = time.perf_counter()
    paths = [str(p) for p in (paths or ["seeds"])]
    if manifest is not None and not Path(manifest).exists():
        raise UserError(f"{manifest}: manifest not found; check the path or leave --manifest out")
    if workers is not None and workers < 1:
        raise UserError(f"--workers {workers}: give at least 1 (default: the number of cores)")
    workers = workers or incremental.default_workers()
    man = manifest_mod.load(manifest if manifest is not None else default_manifest(paths))
    try:
        Registry.load(actors) if actors else default_registry()
    except (OSError, ValueError) as exc:
        raise UserError(f"{actors or data_path('actors.csv')}: cannot read the actor registry ({exc})")
    echo = None if quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    out = Path(out)
    cache_dir = Path(cache) if cache else out / incremental.CACHE
    files = discover(paths)
    created = not out.exists()  # a run that finds no article leaves no folder behind (only a cache)
    bar = None
    if not quiet and len(files) > 100:
        from tqdm import tqdm
        bar = tqdm(total=len(files), desc="reading", unit="file")
    articles, skipped, n_read = incremental.read_units(files, cache_dir, workers, client,
                                                       (lambda n: bar.update(n * incremental.READ_BATCH)) if bar else None)
    if bar:
        bar.close()
    warnings = []
    notes = {a.article: reading_notes(a.path, a) for a in articles}
    for f, reason in skipped:
        warnings.append(f"warning: {f}: skipped, {reason}")
    for a in articles:
        warnings += notes[a.article]
    for w in warnings:
        if echo:
            echo(w)
    try:
        corpus = finish_corpus(paths, articles, skipped, man, _Echoed(warnings, echo))
    except UserError:
        if created:
            import shutil
            shutil.rmtree(out, ignore_errors=True)
        raise
    quotes, figures, extract_warnings, n_new = incremental.extract_articles(
        corpus.articles, man, cache_dir, str(actors) if actors else None, workers, client)
    arts = articles_frame(corpus.articles)
    tables = Tables(arts, quotes, figures, merge_claims(figures, arts), extract_warnings,
                    write_articles=(lambda path: incremental.write_articles(arts, corpus.articles, path))
                    if texts else None)
    write_tables(tables, out)
    tables.write_articles = None
    if with_text and texts:
        tables.articles = pd.read_parquet(out / "articles.parquet")
    if not quiet:
        for w in tables.warnings:
            print(w, file=sys.stderr)
        n_words = int(tables.articles["n_words"].sum())
        n = len(tables.articles)
        print(f"read {n} article{'s' * (n != 1)} ({n_words:,} words; {len(corpus.skipped)} skipped, "
              f"{len(corpus.duplicates)} duplicates; {n_new:,} extracted, {n - n_new:,} from the cache) -> {out}: "
              f"{len(tables.quotes)} quotes, {len(tables.figures)} figures, {len(tables.claims)} claims "
              f"in {time.perf_counter() - t0:.2f} s", file=sys.stderr)
    return tables


class _Echoed(list):
    """A warnings list that also prints each line added from now on."""

    def __init__(self, lines, echo):
        super().__init__(lines)
        self.echo = echo

    def append(self, line: str) -> None:
        super().append(line)
        if self.echo:
            self.echo(line)


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
        if name == "articles" and tables.write_articles is not None:
            tmp = out / f".articles.parquet.tmp-{os.getpid()}"
            tables.write_articles(tmp)
            os.replace(tmp, out / "articles.parquet")
            continue
        _replace(full if full is not None else df, out / f"{name}.parquet", "parquet")


def load_tables(out: str | Path, text: bool = True, sentences: bool = True) -> Tables:
    """The tables a previous `briefing extract` wrote (Parquet keeps types and texts).

    `text=False` leaves the articles' texts on disk, `sentences=False` the sentence of each quote
    and figure (Parquet reads columns selectively): the briefing needs neither, and in an archive
    they are most of the tables' size."""
    import pyarrow.parquet as pq

    out = Path(out)
    frames = {}
    for name in ("articles", "quotes", "figures", "claims"):
        path = out / f"{name}.parquet"
        if not path.exists():
            raise UserError(f"{path}: not found; run `briefing extract ... --out {out}` first")
        columns = None
        skip = (("text", "raw_text") if name == "articles" and not text else ()) + \
               (("sentence",) if name in ("quotes", "figures") and not sentences else ())
        if skip:
            columns = [c for c in pq.read_schema(path).names if c not in skip]
        frames[name] = object_strings(pd.read_parquet(path, columns=columns))
    return Tables(**frames)


def object_strings(df: pd.DataFrame) -> pd.DataFrame:
    """String columns as Python objects, as the extractors build them: Parquet gives Arrow-backed
    strings, which the row-by-row code (claims, the briefing) iterates several times slower."""
    conv = {c: object for c in df.columns if isinstance(df[c].dtype, pd.StringDtype)}
    return df.astype(conv) if conv else df


def list_unregistered(out: str | Path) -> pd.DataFrame:
    t = load_tables(out)
    df = unregistered(t.quotes, t.figures)
    if df.empty:
        print("every named speaker and claimant is in the actor registry")
    else:
        print(df.to_string(index=False))
        print(f"\n{len(df)} names to review; add them to {data_path('actors.csv')}")
    return df
