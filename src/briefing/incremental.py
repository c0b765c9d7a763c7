"""Incremental, parallel extraction: a per-article cache, worker processes, and Dask.

The cache lives in OUT/cache/ beside the extracted tables, as Parquet segments:

    cache/read-<id>.parquet      articles as read from their files (text, metadata, warnings),
                                 keyed by the file's bytes, its path and the extractor version
    cache/quotes-<id>.parquet    quotation and figure rows of the articles extracted in one batch,
    cache/figures-<id>.parquet   keyed by the article's extraction key (below)
    cache/keys-<id>.parquet      the extraction keys of that batch (an article may have no rows)

An article's extraction key is a hash of everything its rows depend on: its text, its name,
its manifest row, the publication date it was given (manifest, text or inference), the
actor registry, and the extractor version (the package's code and data files, and its
version number). So a changed article, a changed data file, a new version, a new manifest
row or a re-dated article is extracted again; everything else is reused; an article that
is gone is simply not in the tables (its cache rows are dropped when its segment is compacted).

Work is done in batches: reading a batch of files, extracting a batch of articles. Batches
run in this process, in worker processes (`workers`, default: the cores), or on a Dask
cluster (`client`: the same functions over partitions of the corpus, each writing its
Parquet segment into the cache folder, which must be on storage the workers share).
The corpus-wide steps (dropping duplicates, the manifest, publication dates) run here, in
order, so the tables are the same whichever way the batches ran.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import __version__
from .reader import Article, Skip, discover, read_file
from .resources import data_dir

CACHE = "cache"
# Files per read batch and articles per extraction batch: big enough that a batch costs far more
# than shipping it to a worker, small enough that two workers stay busy to the end.
READ_BATCH = 200
EXTRACT_BATCH = 100
# Below this many articles to extract, worker processes cost more to start than they save.
MIN_PARALLEL = 40
_ARTICLE_FIELDS = [f.name for f in fields(Article)]


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Hash of what turns a file into rows: the package version, its code and the data files."""
    h = hashlib.sha256(__version__.encode())
    pkg = Path(__file__).resolve().parent
    files = sorted(pkg.rglob("*.py")) + sorted(p for p in data_dir().glob("*") if p.suffix in (".csv", ".tsv", ".txt"))
    for path in files:
        h.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:32]


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def unit_key(path: Path, version: str) -> str:
    """The read-cache key of one file: its bytes, its path (the name is the article's name), the version."""
    try:
        digest = file_digest(path)
    except OSError as exc:  # unreadable: never cached, read_file says why
        digest = f"unreadable:{exc.errno}:{uuid.uuid4()}"
    return hashlib.sha256(f"{version}\0{path}\0{digest}".encode()).hexdigest()[:32]


def extraction_key(a: Article, manifest_row: dict | None, registry_id: str, version: str) -> str:
    text = hashlib.sha256(a.text.encode("utf-8", "surrogatepass")).hexdigest()
    inputs = [version, registry_id, a.article, text, a.published, a.published_source, a.published_precision,
              json.dumps(manifest_row or {}, sort_keys=True, default=str)]
    return hashlib.sha256(json.dumps(inputs).encode()).hexdigest()[:32]


# ------------------------------------------------------------------------------------ batch work
# Module-level functions of plain arguments: they are pickled to worker processes and Dask workers.

def _article_record(a: Article) -> dict:
    rec = {}
    for name in _ARTICLE_FIELDS:
        v = getattr(a, name)
        rec[name] = json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
    rec["n_words"], rec["sha256"] = a.n_words, a.sha256
    return rec


def read_batch(task: dict) -> dict:
    """Read task["units"] ([(path, key), ...]) and write their articles to task["segment"].

    A file that holds no article is recorded too (with the reason), so it is not read again."""
    rows = []
    for path, key in task["units"]:
        try:
            arts = read_file(Path(path))
        except Skip as exc:
            rows.append({"unit_key": key, "unit": path, "pos": -1, "skip": str(exc)})
            continue
        for pos, a in enumerate(arts):
            rows.append({"unit_key": key, "unit": path, "pos": pos, "skip": "", **_article_record(a)})
    df = pd.DataFrame(rows)
    if task.get("segment") and rows:
        _write(df, Path(task["segment"]))
    return {"segment": task.get("segment"), "rows": df}


def _write(df: pd.DataFrame, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    df.to_parquet(tmp, index=False)
    os.replace(tmp, path)


@lru_cache(maxsize=4)
def _registry(actors: str | None):
    from .actors import Registry, default_registry
    return Registry.load(actors) if actors else default_registry()


def extract_batch(task: dict) -> dict:
    """Extract the articles of task["articles"] (dicts: key, article, path, text, published, ...) and
    write their rows to the task's segment files; returns the frames and warnings."""
    from . import figures as figures_mod
    from . import quotes as quotes_mod
    from .pipeline import article_rows

    registry = _registry(task.get("actors"))
    quotes, figures, keys, warnings = [], [], [], []
    for rec in task["articles"]:
        a = Article(article=rec["article"], path=rec["path"], format="", encoding="", raw_text="",
                    text=rec["text"], published=rec["published"], published_source=rec["published_source"],
                    published_precision=rec.get("published_precision", ""))
        q, f, w = article_rows(a, registry)
        quotes += [{**r, "_key": rec["key"], "_row": i} for i, r in enumerate(q)]
        figures += [{**r, "_key": rec["key"], "_row": i} for i, r in enumerate(f)]
        keys.append({"_key": rec["key"], "warnings": json.dumps(w, ensure_ascii=False)})
        warnings += w
    out = {"quotes": _frame(quotes, quotes_mod), "figures": _frame(figures, figures_mod),
           "keys": pd.DataFrame(keys, columns=["_key", "warnings"])}
    seg = task.get("segment")
    if seg:
        for name, df in out.items():
            _write(df, Path(seg.replace("{table}", name)))
    return out


def _frame(rows: list[dict], module) -> pd.DataFrame:
    """The extractor module's own frame (its columns and types) plus the cache's key and row number."""
    df = module.to_frame([{k: v for k, v in r.items() if not k.startswith("_")} for r in rows])
    df["_key"] = [r["_key"] for r in rows]
    df["_row"] = [r["_row"] for r in rows]
    return df


# ------------------------------------------------------------------------------------ running batches

def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_batches(func, tasks: list[dict], workers: int = 1, client=None, progress=None) -> list[dict]:
    """func over tasks: on a Dask client, in `workers` processes, or here; results in task order."""
    if not tasks:
        return []
    if client is not None:
        futures = client.map(func, tasks, pure=False)
        return client.gather(futures)
    if workers <= 1 or len(tasks) == 1:
        out = []
        for t in tasks:
            out.append(func(t))
            if progress:
                progress(1)
        return out
    import multiprocessing as mp
    import threading

    # fork (the workers start with the extractors already imported) when this process has no other
    # thread that a fork could catch holding a lock; else forkserver (a Jupyter kernel has threads),
    # which forks the workers from a clean server that imports the extractors once.
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        ctx = mp.get_context("fork")
    elif sys.platform.startswith("linux"):
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["briefing.pipeline", "briefing.quotes", "briefing.figures"])
    else:
        ctx = mp.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=ctx) as ex:
        out = []
        for r in ex.map(func, tasks):
            out.append(r)
            if progress:
                progress(1)
        return out


def _batches(items: list, size: int, workers: int) -> list[list]:
    # at least ~4 batches per worker, so a slow batch does not leave the other workers idle
    if workers > 1:
        size = max(1, min(size, -(-len(items) // (workers * 4))))
    return [items[i:i + size] for i in range(0, len(items), size)]


# ------------------------------------------------------------------------------------ the cache

class Cache:
    """The segments in OUT/cache/: what is cached, and writing new segments."""

    def __init__(self, out: Path):
        self.dir = Path(out) / CACHE

    def segments(self, kind: str) -> list[Path]:
        return sorted(self.dir.glob(f"{kind}-*.parquet")) if self.dir.is_dir() else []

    def new_segment(self, kind: str) -> str:
        self.dir.mkdir(parents=True, exist_ok=True)
        return str(self.dir / f"{kind}-{uuid.uuid4().hex[:12]}.parquet")

    def load(self, kind: str, keys: set[str], key_col: str) -> pd.DataFrame:
        """Rows of `kind` segments whose key is in `keys` (first copy of each key), or an empty frame."""
        parts = []
        for seg in self.segments(kind):
            try:
                df = pd.read_parquet(seg)
            except Exception:  # noqa: BLE001 - a damaged segment is a cache miss, not an error
                continue
            parts.append(df[df[key_col].isin(keys)].assign(_segment=seg.name))
        parts = [p for p in parts if len(p)]
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()

    def compact(self, kind: str, key_col: str, live: set[str]) -> None:
        """Drop segments with no live rows; rewrite those mostly dead (removed or changed articles)."""
        for seg in self.segments(kind):
            try:
                keys = pd.read_parquet(seg, columns=[key_col])[key_col]
            except Exception:  # noqa: BLE001
                seg.unlink(missing_ok=True)
                continue
            alive = keys.isin(live)
            if not alive.any():
                seg.unlink(missing_ok=True)
            elif alive.mean() < 0.5:
                df = pd.read_parquet(seg)
                _write(df[df[key_col].isin(live)], seg)


def _restore(rec: dict) -> Article:
    """An Article from its cache record (cached properties set, so nothing is recomputed)."""
    kw = {}
    for name in _ARTICLE_FIELDS:
        v = rec.get(name)
        if name in ("removed", "warnings"):
            v = [tuple(x) if isinstance(x, list) else x for x in json.loads(v)] if isinstance(v, str) and v else []
        elif v is None or (isinstance(v, float) and v != v):
            v = ""
        kw[name] = v
    a = Article(**kw)
    a.__dict__["n_words"] = int(rec["n_words"])
    a.__dict__["sha256"] = rec["sha256"]
    return a


def read_units(files: list[Path], out: Path, workers: int, client=None, progress=None):
    """(articles in corpus order, skipped [(file, reason)], files read afresh) with the read cache."""
    version = extractor_version()
    cache = Cache(out)
    keys = [unit_key(f, version) for f in files]
    cached = cache.load("read", set(keys), "unit_key")
    have = set(cached["unit_key"]) if len(cached) else set()
    todo = [(str(f), k) for f, k in zip(files, keys) if k not in have]
    tasks = [{"units": b, "segment": cache.new_segment("read")}
             for b in _batches(todo, READ_BATCH, 1 if client is None and len(todo) < MIN_PARALLEL else workers)]
    results = run_batches(read_batch, tasks, workers if len(todo) >= MIN_PARALLEL else 1, client, progress)
    rows = pd.concat([cached] + [r["rows"] for r in results if len(r["rows"])], ignore_index=True) \
        if len(cached) or results else pd.DataFrame()
    order = {k: i for i, k in enumerate(keys)}
    rows = rows.drop_duplicates(["unit_key", "pos"]) if len(rows) else rows
    articles, skipped = [], []
    if len(rows):
        rows = rows.assign(_order=rows["unit_key"].map(order)).sort_values(["_order", "pos"], kind="stable")
        for rec in rows.to_dict("records"):
            if rec["pos"] < 0:
                skipped.append((rec["unit"], rec["skip"]))
            else:
                articles.append(_restore(rec))
    cache.compact("read", "unit_key", set(keys))
    return articles, skipped, len(todo)


def extract_articles(articles: list[Article], manifest: dict, out: Path, actors: str | None, workers: int,
                     client=None, progress=None):
    """(quotes, figures, warnings, number extracted afresh) for the articles, with the extraction cache."""
    version = extractor_version()
    registry_id = file_digest(Path(actors)) if actors else "default"
    cache = Cache(out)
    keys = [extraction_key(a, manifest.get(a.article), registry_id, version) for a in articles]
    done = cache.load("keys", set(keys), "_key")
    have = set(done["_key"]) if len(done) else set()
    todo = [{"key": k, "article": a.article, "path": a.path, "text": a.text, "published": a.published,
             "published_source": a.published_source, "published_precision": a.published_precision}
            for a, k in zip(articles, keys) if k not in have]
    n_workers = workers if len(todo) >= MIN_PARALLEL else 1
    tasks = [{"articles": b, "actors": actors, "segment": cache.new_segment("{table}")}
             for b in _batches(todo, EXTRACT_BATCH, n_workers if client is None else max(workers, 2))]
    results = run_batches(extract_batch, tasks, n_workers, client, progress)
    live = set(keys)
    frames = {}
    for name in ("quotes", "figures", "keys"):
        parts = [cache.load(name, live, "_key")] if have else []
        parts += [r[name] for r in results]
        parts = [p for p in parts if len(p)]
        frames[name] = pd.concat(parts, ignore_index=True).drop(columns="_segment", errors="ignore") \
            if parts else pd.DataFrame(columns=["_key", "_row"])
    order = {k: i for i, k in enumerate(keys)}
    warnings = []
    if len(frames["keys"]):
        kf = frames["keys"].drop_duplicates("_key")
        kf = kf.assign(_order=kf["_key"].map(order)).sort_values("_order")
        for w in kf["warnings"]:
            warnings += json.loads(w) if isinstance(w, str) and w else []
    tables = {}
    for name in ("quotes", "figures"):
        df = frames[name]
        if len(df):
            # one copy per key (a batch may have been written twice by concurrent runs), in corpus order
            df = df.drop_duplicates(["_key", "_row"])
            df = df.assign(_order=df["_key"].map(order)).sort_values(["_order", "_row"], kind="stable")
            df = df.drop(columns=["_key", "_row", "_order"], errors="ignore").reset_index(drop=True)
        else:
            from . import figures as figures_mod
            from . import quotes as quotes_mod
            df = (quotes_mod if name == "quotes" else figures_mod).to_frame([])
        tables[name] = df
    for name in ("keys", "quotes", "figures"):
        cache.compact(name, "_key", live)
    return tables["quotes"], tables["figures"], warnings, len(todo)
