"""`briefing extract`: articles in, four tables out.

    articles.csv  one row per article (metadata, published date and its source)
    quotes.csv    direct quotations with resolved speakers
    figures.csv   numeric claims with qualifier, claimant, status, claim date
    claims.csv    the same claim reported by several outlets, merged

Each CSV has a Parquet twin; articles.parquet also keeps the raw and the cleaned
text, which quote and figure offsets point into.

The eight files switch as one set (`write_tables`): a run writes them into a
new folder under DIR/.tables/, and one rename of the symlink DIR/.tables/current
makes that folder the current set; DIR/articles.csv and the others are symlinks
through `current`. A failed run (a full disk, a kill) leaves the previous set
whole and current, never old figures beside new quotes. Readers that take
several tables resolve `current` once (`tables_dir`), so they read one set
even while a new one is being switched in.
"""
from __future__ import annotations

import datetime as dt
import errno
import fcntl
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import manifest as manifest_mod
from .actors import Registry, default_registry, unregistered
from . import claimdate
from .errors import OutputError, UserError
from .metadata import PUBLICATION_LINE
from .reader import MANIFEST_NAME, Article, read_corpus
from .resources import data_path

ARTICLE_COLUMNS = ["article", "title", "subtitle", "outlet", "author", "published", "published_time",
                   "published_source", "published_precision", "published_earliest", "published_latest",
                   "published_evidence", "written", "dateline", "url", "format", "encoding", "n_words", "sha256", "path"]


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
    # quotes and figures may be Arrow tables rather than DataFrames: run_extract(with_text=False), as
    # the command line runs it, never turns an archive's rows into Python objects.


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
    caches and runs in worker processes or on Dask. Its inputs (incremental.extraction_key
    hashes them): the text, name, title, subtitle, author, publication and writing dates of the article."""
    from .extract import article_rows as rows

    # An extractor bug on one odd article must not cost the user the whole run: the
    # article's rows are left out and the warning names it.
    try:
        window = (a.published_earliest, a.published_latest) if a.published_precision == "window" else None
        q, f = rows(a.text, article=a.article, published=a.published, published_source=a.published_source,
                    published_window=window, registry=registry, title=a.title, subtitle=a.subtitle,
                    author=a.author, publisher=a.outlet if a.outlet_evidence.startswith(PUBLICATION_LINE) else "")
        if a.written:
            claimdate.from_written(f, a.written, a.published_source, speech_only=a.written_recorded)
        claimdate.timeline_dates(f, a.text, a.written or a.published)
        claimdate.carry_speech_times(f, a.text, a.written or a.published, a.published_source)
        claimdate.headline_dates(f)
    except Exception as exc:  # noqa: BLE001
        return [], [], [f"warning: {a.path}: quotes and figures left out, extractor failed "
                        f"({type(exc).__name__}: {exc})"]
    return q, f, []


def default_manifest(paths: list[str]) -> Path | None:
    """sources.csv inside the (first) corpus folder, else data/sources.csv."""
    for p in map(Path, paths):
        if p.is_dir() and (p / MANIFEST_NAME).exists():
            return p / MANIFEST_NAME
    return data_path(MANIFEST_NAME)


def run_extract(paths: list[str], out: str | Path, manifest: str | Path | None = None,
                actors: str | Path | None = None, quiet: bool = False, workers: int | None = None,
                client=None, with_text: bool = True, cache: str | Path | None = None,
                texts: bool = True, today: dt.date | None = None) -> Tables:
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
    # Nobody asked for the package's own sources.csv on some other corpus: its rows naming no
    # article there are expected (see manifest.unmatched).
    man.implicit = manifest is None and man.path == data_path(MANIFEST_NAME)
    check_out(Path(out))
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

        class Bar(tqdm):
            # No monitor thread: with a second thread alive the workers would start from a fork
            # server (incremental.run_batches), half a second and a cold start in every worker.
            monitor_interval = 0

        bar = Bar(total=len(files), desc="reading", unit="file")
    today = today or dt.date.today()  # no publication date after it (see pubdate)
    try:
        articles, skipped, n_read = incremental.read_units(files, cache_dir, workers, client,
                                                           bar.update if bar else None, today=today, manifest=man)
    except OSError as exc:  # the cache's disk (full, read-only): one line, as for the tables
        raise _output_error(cache_dir, exc) from None
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
        corpus = finish_corpus(paths, articles, skipped, man, _Echoed(warnings, echo), today)
    except UserError:
        if created:
            import shutil
            shutil.rmtree(out, ignore_errors=True)
        raise
    try:
        quotes, figures, extract_warnings, n_new = incremental.extract_articles(
            corpus.articles, man, cache_dir, str(actors) if actors else None, workers, client)
    except OSError as exc:
        raise _output_error(cache_dir, exc) from None
    arts = articles_frame(corpus.articles)
    # Claims need a few of the figures' columns; the tables themselves are written from Arrow.
    from .claims import USED
    figure_rows = object_strings(figures.select([c for c in USED if c in figures.column_names]).to_pandas())
    claims = merge_claims(figure_rows, arts)
    if with_text:
        quotes, figures = object_strings(quotes.to_pandas()), object_strings(figures.to_pandas())
    del figure_rows
    tables = Tables(arts, quotes, figures, claims, extract_warnings,
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


TABLES = ("articles", "quotes", "figures", "claims")
SETS = ".tables"          # DIR/.tables/<set>/ holds each set of tables
CURRENT = "current"       # DIR/.tables/current -> <set>: the one switch
FILES = tuple(f"{name}.{kind}" for name in TABLES for kind in ("csv", "parquet"))


def check_out(out: Path) -> None:
    """Refuse an output folder we could not write, before the reading and extraction it would waste.
    Nothing is created here: a run that then finds no articles leaves no empty folder behind."""
    probe = out
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        raise OutputError(f"{out}: {probe} is a file, not a folder; choose another --out")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise OutputError(f"{out}: cannot write in {probe} (permission denied or read-only); choose another --out")


def tables_dir(out: str | Path) -> Path:
    """The folder holding `out`'s current set of tables, resolved once: read every table of a set
    from here and a concurrent `briefing extract` cannot mix two sets under you. A folder written
    before sets existed (plain files) is its own set."""
    out = Path(out)
    current = out / SETS / CURRENT
    return current.resolve() if current.is_dir() else out


def write_tables(tables: Tables, out: Path) -> None:
    """Write the eight files as a new set and switch `out` to it in one rename (see the module note).

    Keeps the set it replaces (a reader may still be reading it) and removes older ones. On any
    failure the new set's folder is removed and `out` still shows the previous set, whole.
    """
    try:
        out.mkdir(parents=True, exist_ok=True)
        sets = out / SETS
        sets.mkdir(exist_ok=True)
        lock = open(sets / ".lock", "a")
    except OSError as exc:
        raise _output_error(out, exc) from None
    with lock:
        # Two runs writing into one folder take turns (the write is seconds; the extraction before
        # it is not under the lock), so neither prunes the set the other is writing.
        fcntl.flock(lock, fcntl.LOCK_EX)
        _write_set(tables, out, sets)


def _write_set(tables: Tables, out: Path, sets: Path) -> None:
    current = sets / CURRENT
    try:
        _adopt_plain_files(out)
        keep = {os.readlink(current)} if current.is_symlink() else set()
        _prune(sets, keep)
        new = Path(tempfile.mkdtemp(prefix=f"set-{time.strftime('%Y%m%dT%H%M%S')}-", dir=sets))
    except OSError as exc:
        raise _output_error(out, exc) from None
    try:
        new.chmod(0o755)  # mkdtemp's 0700 would hide the tables from other readers
        csv_articles = tables.articles.drop(columns=["text", "raw_text"], errors="ignore")
        for name, df, full in (("articles", csv_articles, tables.articles), ("quotes", tables.quotes, None),
                               ("figures", tables.figures, None), ("claims", tables.claims, None)):
            if not isinstance(df, pd.DataFrame):  # an Arrow table (see Tables)
                _write_arrow(df, new / f"{name}.csv", new / f"{name}.parquet")
                continue
            df.to_csv(new / f"{name}.csv", index=False)
            if name == "articles" and tables.write_articles is not None:
                tables.write_articles(new / "articles.parquet")  # the texts, streamed from the cache
                continue
            (full if full is not None else df).to_parquet(new / f"{name}.parquet", index=False)
        for name in FILES:
            _fsync(new / name)
        _switch(current, new.name)
        _link_files(out)
    except OSError as exc:
        if not (current.is_symlink() and os.readlink(current) == new.name):
            shutil.rmtree(new, ignore_errors=True)
        raise _output_error(out, exc) from None
    _prune(sets, {new.name, *keep})


def _write_arrow(table, csv_path: Path, parquet_path: Path) -> None:
    """An Arrow table as Parquet and as CSV, both by Arrow's writers (streamed, no Python row
    objects; an archive's quotes and figures are hundreds of thousands of rows). Arrow's CSV
    quotes every string and writes booleans as true/false; any CSV reader takes both."""
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    pq.write_table(table, parquet_path)
    pcsv.write_csv(table, csv_path, pcsv.WriteOptions(quoting_style="needed"))


def _switch(link: Path, target: str) -> None:
    tmp = link.with_name(f".{link.name}-{os.getpid()}")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _link_files(out: Path) -> None:
    """out/articles.csv etc. as relative symlinks through .tables/current (so they follow each switch,
    and survive the folder being moved, as `briefing build` moves its folder into place)."""
    for name in FILES:
        path, target = out / name, f"{SETS}/{CURRENT}/{name}"
        if path.is_symlink() and os.readlink(path) == target:
            continue
        if path.is_dir() and not path.is_symlink():
            raise IsADirectoryError(errno.EISDIR, "a folder has a table's name", str(path))
        _switch(path, target)


def _adopt_plain_files(out: Path) -> None:
    """A folder written before sets existed holds the tables as plain files. They become the current
    set first (hard links, so no copy), then the names turn into symlinks onto the same bytes: a
    reader sees the old tables throughout, then the new ones."""
    current = out / SETS / CURRENT
    plain = [n for n in FILES if (out / n).is_file() and not (out / n).is_symlink()]
    if not plain or current.is_symlink():
        if plain:
            _link_files(out)
        return
    old = Path(tempfile.mkdtemp(prefix="set-", dir=out / SETS))
    old.chmod(0o755)
    for name in plain:
        try:
            os.link(out / name, old / name)
        except OSError:
            shutil.copy2(out / name, old / name)
    _switch(current, old.name)
    _link_files(out)


def _prune(sets: Path, keep: set[str]) -> None:
    """Remove the sets not in `keep` (older sets, and the leftovers of runs killed before their switch)."""
    for p in sets.iterdir():
        if p.name.startswith("set-") and p.name not in keep and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        elif p.name.startswith(f".{CURRENT}-") and p.is_symlink():
            p.unlink()


def _fsync(path: Path) -> None:
    """Written bytes on disk before the switch, so a crash cannot leave current pointing at empty files."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_DISK_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG}


def _output_error(out: Path, exc: OSError) -> OutputError:
    """One line naming the disk error: exit 1 when the disk failed (full, I/O), 2 when the folder is the
    problem (read-only, permission, not a folder), which another --out fixes."""
    code = exc.errno
    if code is None:  # pyarrow's errors carry the errno only in their text: "... [errno 28] No space left ..."
        m = re.search(r"\[errno (\d+)\]", str(exc))
        code = int(m.group(1)) if m else None
    reason = os.strerror(code) if code else (exc.strerror or str(exc))
    where = f" ({exc.filename})" if exc.filename and Path(str(exc.filename)).name not in FILES else ""
    if code in _DISK_ERRNOS:
        return OutputError(f"{out}: cannot write the tables: {reason}{where}; the previous tables are unchanged. "
                           f"Free some space and run again", exit_code=1)
    return OutputError(f"{out}: cannot write the tables: {reason}{where}; the previous tables are unchanged. "
                       f"Choose another --out or fix the folder's permissions")


def load_tables(out: str | Path, text: bool = True, skip: dict[str, tuple[str, ...]] | None = None) -> Tables:
    """The tables a previous `briefing extract` wrote (Parquet keeps types and texts), all from one set.

    `text=False` leaves the articles' texts on disk, `skip` other columns by table (Parquet reads
    columns selectively): the briefing needs neither the texts nor report.NOT_READ (the sentences
    among them), and in an archive they are most of the tables' size."""
    import pyarrow.parquet as pq

    out = Path(out)
    folder = tables_dir(out)
    frames = {}
    for name in TABLES:
        path = folder / f"{name}.parquet"
        if not path.exists():
            raise UserError(f"{out / (name + '.parquet')}: not found; run `briefing extract ... --out {out}` first")
        columns = None
        left = (("text", "raw_text") if name == "articles" and not text else ()) + tuple((skip or {}).get(name, ()))
        if left:
            columns = [c for c in pq.read_schema(path).names if c not in left]
        frames[name] = object_strings(pd.read_parquet(path, columns=columns))
    return Tables(**frames)


def object_strings(df: pd.DataFrame) -> pd.DataFrame:
    """String columns as Python objects, as the extractors build them: Parquet gives Arrow-backed
    strings, which the row-by-row code (claims, the briefing) iterates several times slower.

    Equal strings become one object: an archive's columns repeat a few hundred claimants, units,
    outlets and dates over hundreds of thousands of rows, and a string object per cell would
    cost more memory than the rest of the table."""
    import numpy as np

    conv = {}
    for c in df.columns:
        if isinstance(df[c].dtype, pd.StringDtype):
            codes, uniques = pd.factorize(df[c], use_na_sentinel=True)
            values = np.empty(len(uniques) + 1, dtype=object)
            values[:-1] = np.asarray(uniques, dtype=object)
            values[-1] = pd.NA  # code -1: a missing value, as astype(object) gives it
            conv[c] = pd.Series(values[codes], index=df.index, dtype=object)
    return df.assign(**conv) if conv else df


def list_unregistered(out: str | Path) -> pd.DataFrame:
    t = load_tables(out)
    df = unregistered(t.quotes, t.figures)
    if df.empty:
        print("every named speaker and claimant is in the actor registry")
    else:
        print(df.to_string(index=False))
        print(f"\n{len(df)} names to review; add them to {data_path('actors.csv')}")
    return df
