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

import datetime as dt
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
READ_BATCH = 500
EXTRACT_BATCH = 250
# Articles whose extraction results are written to the cache as one set of segments.
FLUSH_ARTICLES = 2500
SEGMENT_ROWS = 500
# Below this many files or articles (or bytes of files to read), worker processes cost more to start
# than they save.
MIN_PARALLEL = 40
MIN_PARALLEL_BYTES = 2_000_000
# A read batch holds at most this many bytes of files when run in this process (a bound on memory).
BATCH_BYTES = 50_000_000
_ARTICLE_FIELDS = [f.name for f in fields(Article)]
_LIST_FIELDS = {f.name for f in fields(Article) if f.default_factory is list}
# The article fields pipeline.article_rows reads besides the text (extraction_key hashes them).
_EXTRACT_FIELDS = ("article", "path", "title", "subtitle", "author", "published", "published_source", "published_precision",
                   "published_earliest", "published_latest", "written", "written_recorded", "outlet",
                   "outlet_evidence")
TEXTS = ("text", "raw_text")


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
    text = a.__dict__.get("_cache", {}).get("text_sha") or _text_sha(a.text)
    # what pipeline.article_rows passes to the extractor, and the manifest row
    inputs = [version, registry_id, a.article, text, *(getattr(a, c) for c in _EXTRACT_FIELDS if c != "path"),
              json.dumps(manifest_row or {}, sort_keys=True, default=str)]
    return hashlib.sha256(json.dumps(inputs).encode()).hexdigest()[:32]


# ------------------------------------------------------------------------------------ batch work
# Module-level functions of plain arguments: they are pickled to worker processes and Dask workers.

def _article_record(a: Article) -> dict:
    rec = {}
    for name in _ARTICLE_FIELDS:
        v = getattr(a, name)
        rec[name] = _encode_list(v) if isinstance(v, list) else v
    rec["n_words"], rec["sha256"] = a.n_words, a.sha256
    return rec


def _encode_list(v: list) -> str:
    """JSON, or for lists of our own objects (the date lines a manifest row re-dates an article
    from) a pickle: the cache is written and read by this package's same version only."""
    try:
        return json.dumps(v, ensure_ascii=False)
    except TypeError:
        import base64
        import pickle
        return "pickle:" + base64.b64encode(pickle.dumps(v)).decode("ascii")


def _decode_list(v) -> list:
    if not isinstance(v, str) or not v:
        return []
    if v.startswith("pickle:"):
        import base64
        import pickle
        return pickle.loads(base64.b64decode(v[7:]))
    return [tuple(x) if isinstance(x, list) else x for x in json.loads(v)]


def read_batch(task: dict) -> dict:
    """Read task["units"] ([(path, key), ...]) and write their articles to segments named after
    task["segment"], at most SEGMENT_ROWS articles each (a .jsonl file holds thousands; an
    extraction task reads whole segments for its texts, and this batch holds one segment at a time).

    A file that holds no article is recorded too (with the reason), so it is not read again.
    Returns the metadata only: the texts stay in the segments, so the coordinating process never
    holds an archive's texts (workers and the table writer read them from the segments)."""
    base = Path(task["segment"])
    pending, meta, n_seg = [], [], 0

    def flush():
        nonlocal pending, n_seg
        if not pending:
            return
        seg = base if n_seg == 0 else base.with_name(f"{base.stem}-{n_seg}{base.suffix}")
        df = pd.DataFrame(pending)
        _write(df, seg)
        meta.append(df.drop(columns=[*TEXTS, "removed"], errors="ignore").assign(_segment=seg.name))
        pending, n_seg = [], n_seg + 1

    today = dt.date.fromisoformat(task["today"]) if task.get("today") else None
    for path, key in task["units"]:
        try:
            arts = read_file(Path(path), today=today)
        except Skip as exc:
            pending.append({"unit_key": key, "unit": path, "pos": -1, "skip": str(exc)})
            continue
        for pos, a in enumerate(arts):
            pending.append({"unit_key": key, "unit": path, "pos": pos, "skip": "", **_article_record(a),
                            "text_sha": _text_sha(a.text), "read_on": task.get("today", "")})
            if len(pending) >= SEGMENT_ROWS:
                flush()
        del arts
    flush()
    return {"rows": pd.concat(meta, ignore_index=True) if meta else pd.DataFrame()}


def _text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def segment_texts(segment: Path, wanted: set[tuple[str, int]] | None = None,
                  columns: tuple[str, ...] = ("text",)) -> dict[tuple[str, int], tuple]:
    """{(unit_key, pos): (text, ...)} of the articles of one read segment (those in `wanted`)."""
    import pyarrow.parquet as pq

    t = pq.read_table(segment, columns=["unit_key", "pos", *columns]).to_pydict()
    out = {}
    for i, (k, p) in enumerate(zip(t["unit_key"], t["pos"])):
        if wanted is None or (k, p) in wanted:
            out[(k, p)] = tuple(t[c][i] for c in columns)
    return out


def _arrow(df: pd.DataFrame):
    import pyarrow as pa
    return pa.Table.from_pandas(df, preserve_index=False)


def _write(df, path: Path) -> None:
    """A cache segment (a frame or an Arrow table), written under a temporary name and renamed (a
    killed run leaves no half file)."""
    import pyarrow.parquet as pq

    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        pq.write_table(_arrow(df) if isinstance(df, pd.DataFrame) else df, tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@lru_cache(maxsize=4)
def _registry(actors: str | None):
    from .actors import Registry, default_registry
    return Registry.load(actors) if actors else default_registry()


def extract_batch(task: dict) -> dict:
    """Extract the articles of task["articles"] (dicts: key, article, path, published..., and where the
    text is: segment, unit_key, pos). Returns the number of articles done and, as Arrow tables
    (compact to send back from a worker), their quote, figure and key rows, which the caller adds
    to the cache (`_CacheWriter`); or, when the task names a segment (a Dask task, whose results
    stay on the cluster's storage), writes them there."""
    from . import figures as figures_mod
    from . import quotes as quotes_mod
    from .pipeline import article_rows

    registry = _registry(task.get("actors"))
    texts = {}
    for seg in {rec["segment"] for rec in task["articles"]}:
        texts.update(segment_texts(Path(seg), {(r["unit_key"], r["pos"]) for r in task["articles"]
                                               if r["segment"] == seg}))
    quotes, figures, keys, warnings = [], [], [], []
    for rec in task["articles"]:
        a = Article(format="", encoding="", raw_text="", text=texts[(rec["unit_key"], rec["pos"])][0],
                    **{c: rec[c] for c in _EXTRACT_FIELDS})
        q, f, w = article_rows(a, registry)
        quotes += [{**r, "_key": rec["key"], "_row": i} for i, r in enumerate(q)]
        figures += [{**r, "_key": rec["key"], "_row": i} for i, r in enumerate(f)]
        keys.append({"_key": rec["key"], "warnings": json.dumps(w, ensure_ascii=False)})
        warnings += w
    out = {"quotes": _frame(quotes, quotes_mod), "figures": _frame(figures, figures_mod),
           "keys": pd.DataFrame(keys, columns=["_key", "warnings"])}
    seg = task.get("segment")
    if not seg:
        return {"n": len(keys), "tables": {name: _arrow(df) for name, df in out.items()}}
    for name, df in out.items():  # keys last: a segment set is complete once its keys are written
        _write(df, Path(seg.replace("{table}", name)))
    return {"n": len(keys)}  # the rows are read back from the segments, with the cached ones


def _frame(rows: list[dict], module) -> pd.DataFrame:
    """The extractor module's own frame (its columns and types) plus the cache's key and row number."""
    df = module.to_frame([{k: v for k, v in r.items() if not k.startswith("_")} for r in rows])
    df["_key"] = pd.Series([r["_key"] for r in rows], index=df.index, dtype=object)
    df["_row"] = pd.Series([r["_row"] for r in rows], index=df.index, dtype="int64")
    return df


# ------------------------------------------------------------------------------------ running batches

def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_batches(func, tasks: list[dict], workers: int = 1, client=None, progress=None) -> list[dict]:
    """func over tasks: on a Dask client, in `workers` processes, or here; results in task order.
    `progress(task, result)` is called as each task finishes (in order), while the later ones run."""
    if not tasks:
        return []
    if client is not None:
        futures = client.map(func, tasks, pure=False)
        out = []
        for t, f in zip(tasks, futures):
            out.append(f.result())
            if progress:
                progress(t, out[-1])
        return out
    if workers <= 1 or len(tasks) == 1:
        out = []
        for t in tasks:
            out.append(func(t))
            if progress:
                progress(t, out[-1])
        return out
    import multiprocessing as mp
    import threading

    # fork (the workers start with the extractors already imported) when this process has no other
    # thread that a fork could catch holding a lock; else forkserver (a Jupyter kernel has threads),
    # which forks the workers from a clean server that imports the extractors once.
    frozen = False
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        ctx = mp.get_context("fork")
        # The workers share this process's memory copy-on-write; a garbage collection in a worker
        # would touch (so copy) every inherited object unless they are frozen out of its reach.
        import gc
        gc.freeze()
        frozen = True
    elif sys.platform.startswith("linux"):
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["briefing.pipeline", "briefing.quotes", "briefing.figures"])
    else:
        ctx = mp.get_context("spawn")
    try:
        with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=ctx) as ex:
            out = []
            for t, r in zip(tasks, ex.map(func, tasks)):
                out.append(r)
                if progress:
                    progress(t, r)
            return out
    finally:
        if frozen:
            import gc
            gc.unfreeze()


def _batches(items: list, size: int, workers: int, weights: list[int] | None = None) -> list[list]:
    """Consecutive batches of at most `size` items, and, with `weights` (file sizes), of at most an
    even share of the total weight: a .jsonl file of 10,000 articles is a batch of its own.

    With several workers, the last `workers` batches' worth of items go in batches a quarter that
    size: the batches are handed out in order, so the workers then finish within a small batch of
    each other instead of one waiting up to a whole batch for the other."""
    if workers > 1:
        # at least ~4 batches per worker, so a slow batch does not leave the other workers idle
        size = max(1, min(size, -(-len(items) // (workers * 4))))
    cap = max(sum(weights) // max(1, workers * 4), BATCH_BYTES if workers <= 1 else 1) if weights else 0
    if workers <= 1 or len(items) <= workers * size:
        return _split(items, size, weights, cap)
    head = (len(items) - workers * size) // size * size
    return (_split(items[:head], size, weights and weights[:head], cap)
            + _split(items[head:], max(1, size // 4), weights and weights[head:], max(1, cap // 4)))


def _split(items: list, size: int, weights: list[int] | None, cap: int) -> list[list]:
    if not weights:
        return [items[i:i + size] for i in range(0, len(items), size)]
    out, cur, w = [], [], 0
    for item, weight in zip(items, weights):
        if cur and (len(cur) >= size or w + weight > cap):
            out.append(cur)
            cur, w = [], 0
        cur.append(item)
        w += weight
    if cur:
        out.append(cur)
    return out


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


# ------------------------------------------------------------------------------------ the cache

class Cache:
    """The segments in a cache folder (OUT/cache/ by default): what is cached, and writing new segments."""

    def __init__(self, folder: Path):
        self.dir = Path(folder)

    def segments(self, kind: str) -> list[Path]:
        return sorted(self.dir.glob(f"{kind}-*.parquet")) if self.dir.is_dir() else []

    def new_segment(self, kind: str) -> str:
        self.dir.mkdir(parents=True, exist_ok=True)
        return str(self.dir / f"{kind}-{uuid.uuid4().hex[:12]}.parquet")

    def load(self, kind: str, keys: set[str], key_col: str, skip: tuple[str, ...] = ()) -> pd.DataFrame:
        """Rows of `kind` segments whose key is in `keys`, without the `skip` columns, or an empty frame."""
        import pyarrow.parquet as pq

        parts = []
        for seg in self.segments(kind):
            try:
                cols = [c for c in pq.read_schema(seg).names if c not in skip] if skip else None
                df = pd.read_parquet(seg, columns=cols)
            except Exception:  # noqa: BLE001 - a damaged segment is a cache miss, not an error
                continue
            parts.append(_objects(df[_member(df[key_col], keys)]).assign(_segment=seg.name))
        parts = [p for p in parts if len(p)]
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()

    def compact(self, kind: str, key_col: str, live: set[str], skip: set[str] = frozenset()) -> None:
        """Drop segments with no live rows; rewrite those mostly dead (removed or changed articles).
        Segments named in `skip` (just written, all live) are left alone."""
        for seg in self.segments(kind):
            if seg.name in skip:
                continue
            try:
                keys = pd.read_parquet(seg, columns=[key_col])[key_col]
            except Exception:  # noqa: BLE001
                seg.unlink(missing_ok=True)
                continue
            alive = _member(keys, live)
            if not alive.any():
                seg.unlink(missing_ok=True)
            elif alive.mean() < 0.5:
                df = pd.read_parquet(seg)
                _write(df[_member(df[key_col], live)], seg)

    def merge_small(self, kinds: tuple[str, ...], rows: int = 20_000) -> None:
        """Merge the segments of each kind into few large ones once there are many (each run adds
        some): reading the cache costs per file. For extraction segments only, which nothing
        points into (articles point into their read segments)."""
        for kind in kinds:
            segs = self.segments(kind)
            if len(segs) <= 32:
                continue
            batch, n = [], 0
            for seg in segs + [None]:
                if seg is not None:
                    df = pd.read_parquet(seg)
                    batch.append((seg, df))
                    n += len(df)
                if batch and (seg is None or n >= rows):
                    _write(pd.concat([d for _, d in batch], ignore_index=True), Path(self.new_segment(kind)))
                    for old, _ in batch:
                        old.unlink(missing_ok=True)
                    batch, n = [], 0


def load_rows(cache: Cache, kind: str, keys: list[str], fresh=(), skip: set[str] = frozenset()):
    """The `kind` rows (quotes or figures) of the articles with these extraction keys, one copy each,
    in the keys' order and each article's row order, as an Arrow table: from the cache's segments
    (but those named in `skip`) and the Arrow tables in `fresh` (this run's rows, already in memory;
    the list is emptied, so that memory holds each row once more at most).

    Arrow, not pandas: an archive's rows as Python objects would take several times the memory,
    and the tables are written from Arrow (pipeline.write_tables)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq
    from . import figures as figures_mod
    from . import quotes as quotes_mod

    wanted = pa.array(keys, pa.string())
    parts = []

    def add(t):
        if t.num_rows == 0:
            return
        pos = pc.index_in(t["_key"].cast(pa.string()), value_set=wanted)
        keep = pc.is_valid(pos)
        if pc.any(keep).as_py():
            parts.append(_plain_strings(t.filter(keep)).append_column("_order", pos.filter(keep)))

    for seg in cache.segments(kind):
        if seg.name in skip:
            continue
        try:
            t = pq.read_table(seg)
        except Exception:  # noqa: BLE001 - a damaged segment is a cache miss, not an error
            continue
        add(t)
    fresh = fresh if isinstance(fresh, list) else list(fresh)
    while fresh:  # this run's rows, all of live articles: no copy, and each let go once assembled
        t = fresh.pop(0)
        if t.num_rows:
            pos = pc.index_in(t["_key"].cast(pa.string()), value_set=wanted)
            if pos.null_count:
                add(t)
            else:
                parts.append(_plain_strings(t).append_column("_order", pos))
        del t
    if not parts:
        empty = (quotes_mod if kind == "quotes" else figures_mod).to_frame([])
        return pa.Table.from_pandas(empty, preserve_index=False)
    t = pa.concat_tables(parts, promote_options="default")
    del parts
    t = t.take(pc.sort_indices(t, [("_order", "ascending"), ("_row", "ascending")]))
    if t.num_rows > 1:  # a batch written twice (two runs at once): keep one copy of each row
        k, r = t["_key"], t["_row"]
        dup = pc.and_(pc.equal(k.slice(1), k.slice(0, t.num_rows - 1)),
                      pc.equal(r.slice(1), r.slice(0, t.num_rows - 1)))
        t = t.filter(pc.invert(pa.concat_arrays([pa.array([False])] + [c for c in dup.chunks])))
    t = t.drop_columns(["_key", "_row", "_order"])
    # The segments and the sort took about twice the table; Arrow's allocator keeps what was freed
    # unless asked, and the next table would pile on top (an archive's quotes are hundreds of MB).
    pa.default_memory_pool().release_unused()
    return t


def _plain_strings(t):
    """Large strings as strings: a segment rewritten from pandas holds `large_string` columns, one
    written by a worker `string`, and Arrow concatenates only equal types."""
    import pyarrow as pa

    fields = [pa.field(f.name, pa.string()) if pa.types.is_large_string(f.type) else f for f in t.schema]
    return t.cast(pa.schema(fields)) if any(pa.types.is_large_string(f.type) for f in t.schema) else t


def _objects(df: pd.DataFrame) -> pd.DataFrame:
    from .pipeline import object_strings
    return object_strings(df)


def _member(values: pd.Series, keys: set) -> "pd.Series":
    """values.isin(keys), by set lookup: pandas' isin on Arrow strings converts the set on every call."""
    import numpy as np
    return pd.Series(np.fromiter((v in keys for v in values.to_numpy(object)), bool, len(values)),
                     index=values.index)


# List fields used only to date an article again (a manifest row, a new day): decoded when needed,
# so an archive's hundred thousand articles do not each carry them. The reading warnings are kept.
_LAZY_FIELDS = ("removed", "date_lines", "text_urls")


def _restore(rec: dict) -> Article:
    """An Article from its cache record (cached properties set, so nothing is recomputed)."""
    kw = {}
    for name in _ARTICLE_FIELDS:
        v = rec.get(name)
        if name in _LAZY_FIELDS:
            v = []
        elif name in _LIST_FIELDS:
            v = _decode_list(v)
        elif v is None or (isinstance(v, float) and v != v):
            v = ""
        kw[name] = v
    kw["text"] = kw["raw_text"] = ""  # kept in the segment until needed
    a = Article(**kw)
    a.__dict__["n_words"] = int(rec["n_words"])
    a.__dict__["sha256"] = rec["sha256"]
    a.__dict__["_cache"] = {"segment": rec["_segment"], "unit_key": rec["unit_key"], "pos": int(rec["pos"]),
                            "text_sha": rec["text_sha"], "read_on": rec.get("read_on") or "",
                            "lazy": {k: rec.get(k) for k in _LAZY_FIELDS if k in _LIST_FIELDS}}
    return a


def _unlazy(a: Article) -> None:
    """Decode the date evidence kept encoded on a restored article (see _LAZY_FIELDS)."""
    for k, v in a.__dict__["_cache"].pop("lazy", {}).items():
        setattr(a, k, _decode_list(v))


def read_units(files: list[Path], cache_dir: Path, workers: int, client=None, progress=None,
               today: dt.date | None = None, manifest: dict | None = None):
    """(articles in corpus order, skipped [(file, reason)], files read afresh) with the read cache.

    The articles carry their metadata; their texts stay in the cache segments (`_cache` says where),
    except where a date is decided again: an article with a manifest row that dates it (the manifest
    step reads the text), and one read on an earlier day whose dates that day's cap ("never after
    the day of the run") may have cut, which is dated again for today."""
    from .reader import date_article

    today = today or dt.date.today()
    version = extractor_version()
    cache = Cache(cache_dir)
    keys = [unit_key(f, version) for f in files]
    cached = cache.load("read", set(keys), "unit_key", skip=TEXTS + ("removed",))  # lines removed: not needed
    have = set(cached["unit_key"]) if len(cached) else set()
    todo = [(str(f), k) for f, k in zip(files, keys) if k not in have]
    sizes = {p: _size(p) for p, _ in todo}
    big = len(todo) >= MIN_PARALLEL or sum(sizes.values()) >= MIN_PARALLEL_BYTES
    n_workers = workers if big or client is not None else 1
    tasks = [{"units": b, "segment": cache.new_segment("read"), "today": today.isoformat()}
             for b in _batches(todo, READ_BATCH, n_workers, [sizes[p] for p, _ in todo])]
    # Each batch's rows become articles as the batch comes in, while the workers read the next ones.
    order = {k: i for i, k in enumerate(keys)}
    entries, seen = [], set()

    def take(rows: pd.DataFrame) -> None:
        for rec in rows.to_dict("records") if len(rows) else ():
            if (rec["unit_key"], rec["pos"]) in seen:  # a file given twice: read once
                continue
            seen.add((rec["unit_key"], rec["pos"]))
            if rec["pos"] < 0:
                entries.append((order[rec["unit_key"]], rec["pos"], (rec["unit"], rec["skip"])))
            else:
                a = _restore(rec)
                a.__dict__["_cache"]["segment"] = str(cache.dir / rec["_segment"])
                entries.append((order[rec["unit_key"]], rec["pos"], a))

    def finished(task, result):
        take(result.pop("rows"))
        if progress:
            progress(len(task["units"]))

    take(cached)
    del cached
    run_batches(read_batch, tasks, n_workers, client, finished)
    entries.sort(key=lambda e: (e[0], e[1]))  # corpus order (stable: of copies, the cached one first)
    articles = [x for _, pos, x in entries if pos >= 0]
    skipped = [x for _, pos, x in entries if pos < 0]
    del entries, seen
    stale = [a for a in articles if _capped_by(a, today)]
    rows_of = manifest or {}
    dated_by_row = [a for a in articles if (rows_of.get(a.article) or {}).get("published")
                    or (rows_of.get(a.article) or {}).get("url")]
    redate = list({id(a): a for a in stale + dated_by_row}.values())
    load_texts(cache, redate)
    for a in redate:
        _unlazy(a)
    for a in stale:
        date_article(a, None, today=today)
    for a in articles:  # the others never need it
        a.__dict__["_cache"].pop("lazy", None)
    cache.compact("read", "unit_key", set(keys))
    return articles, skipped, len(todo)


def _capped_by(a: Article, today: dt.date) -> bool:
    """Whether an article read on an earlier day may be dated differently today: its dates were
    decided under that day's cap, so an unknown date, a window reaching that day, or evidence set
    aside as "after today" may read otherwise now. Others are the same whatever the day."""
    read_on = a.__dict__["_cache"].get("read_on") or ""
    if not read_on or read_on == today.isoformat():
        return False
    near = (dt.date.fromisoformat(read_on) - dt.timedelta(days=1)).isoformat()
    return (not a.published or (a.published_latest or a.published) >= near
            or "after today" in (a.published_evidence or ""))


def load_texts(cache: Cache, articles: list[Article]) -> None:
    """Fill in the cleaned text (and the raw text) of these articles from their segments."""
    by_seg: dict[str, list[Article]] = {}
    for a in articles:
        by_seg.setdefault(a.__dict__["_cache"]["segment"], []).append(a)
    for seg, arts in by_seg.items():
        texts = segment_texts(Path(seg), {(a._cache["unit_key"], a._cache["pos"]) for a in arts}, TEXTS)
        for a in arts:
            a.text, a.raw_text = texts[(a._cache["unit_key"], a._cache["pos"])]


def write_articles(meta: pd.DataFrame, articles: list[Article], path: Path, chunk: int = 2000) -> None:
    """articles.parquet: `meta` (one row per article, same order) with each article's text and raw
    text taken from the cache segments, written in chunks so memory stays bounded by the chunk.
    The texts go from the segments to the file as Arrow columns, never as Python strings."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    open_segs: dict[str, tuple] = {}  # segment -> (its text columns, {(unit_key, pos): row})
    try:
        for start in range(0, max(len(meta), 1), chunk):
            part = meta.iloc[start:start + chunk]
            arts = articles[start:start + chunk]
            table = pa.Table.from_pandas(part.assign(text="", raw_text=""), preserve_index=False)
            types = [table.schema.field(c).type for c in TEXTS]
            sources, offsets, where = [], {}, []
            here = {"text": [], "raw_text": []}  # read in this process (no cache), or already loaded
            for a in arts:
                info = a.__dict__.get("_cache")
                if info is None or a.text:
                    where.append((None, len(here["text"])))
                    here["text"].append(a.text)
                    here["raw_text"].append(a.raw_text)
                    continue
                seg = info["segment"]
                if seg not in open_segs:
                    if len(open_segs) >= 8:
                        open_segs.pop(next(iter(open_segs)))
                    open_segs[seg] = _segment_columns(Path(seg), TEXTS)
                if seg not in offsets:
                    offsets[seg] = sum(t.num_rows for t in sources)
                    sources.append(open_segs[seg][0])
                where.append((seg, open_segs[seg][1][(info["unit_key"], info["pos"])]))
            if here["text"]:
                offsets[None] = sum(t.num_rows for t in sources)
                sources.append(pa.table({c: pa.array(here[c], pa.string()) for c in TEXTS}))
            if where:
                pool = pa.concat_tables([t.select(list(TEXTS)).cast(pa.schema(list(zip(TEXTS, types))))
                                         for t in sources])
                idx = pa.array([offsets[seg] + row for seg, row in where], pa.int64())
                for c, typ in zip(TEXTS, types):
                    table = table.set_column(table.schema.get_field_index(c), table.schema.field(c),
                                             pool[c].take(idx).combine_chunks())
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema)
            writer.write_table(table.cast(writer.schema) if table.schema != writer.schema else table)
    finally:
        if writer is not None:
            writer.close()


def _segment_columns(segment: Path, columns: tuple[str, ...]):
    """(Arrow table of these columns of a read segment, {(unit_key, pos): row number})."""
    import pyarrow.parquet as pq

    t = pq.read_table(segment, columns=["unit_key", "pos", *columns])
    rows = {(k, p): i for i, (k, p) in enumerate(zip(t["unit_key"].to_pylist(), t["pos"].to_pylist()))}
    return t.select(list(columns)), rows


class _CacheWriter:
    """This run's extraction results, kept in memory for the tables and written to the cache as they
    come in, as few large segments (one set per `FLUSH_ARTICLES` articles): the coordinating process
    does it while the workers go on, and never reads its own rows back."""

    def __init__(self, cache: Cache):
        self.cache = cache
        self.tables: dict[str, list] = {"quotes": [], "figures": [], "keys": []}
        self.written: set[str] = set()
        self._pending, self._n = 0, 0

    def add(self, result: dict) -> None:
        for name, t in result["tables"].items():
            self.tables[name].append(t)
        self._pending += 1
        self._n += result["n"]
        if self._n >= FLUSH_ARTICLES:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if not self._pending:
            return
        for name in ("quotes", "figures", "keys"):  # keys last: a segment set is complete once they are written
            t = pa.concat_tables([_plain_strings(t) for t in self.tables[name][-self._pending:]],
                                 promote_options="default")
            seg = Path(self.cache.new_segment(name))
            _write(t, seg)
            self.written.add(seg.name)
        self._pending, self._n = 0, 0


def extract_articles(articles: list[Article], manifest: dict, cache_dir: Path, actors: str | None, workers: int,
                     client=None, progress=None):
    """(quotes, figures, warnings, number extracted afresh) for the articles, with the extraction cache.
    Quotes and figures are Arrow tables (see load_rows)."""
    version = extractor_version()
    registry_id = file_digest(Path(actors)) if actors else "default"
    cache = Cache(cache_dir)
    keys = [extraction_key(a, manifest.get(a.article), registry_id, version) for a in articles]
    done = cache.load("keys", set(keys), "_key")
    have = set(done["_key"]) if len(done) else set()
    todo = [{"key": k, **{c: getattr(a, c) for c in _EXTRACT_FIELDS},
             **{c: a._cache[c] for c in ("segment", "unit_key", "pos")}}
            for a, k in zip(articles, keys) if k not in have]
    # tasks in segment order, so a task reads few segments for its texts
    todo.sort(key=lambda r: (r["segment"], r["unit_key"], r["pos"]))
    n_workers = workers if len(todo) >= MIN_PARALLEL or client is not None else 1
    # On Dask each task writes its own segments (its results stay on the cluster's storage); else
    # the rows come back here and _CacheWriter writes them.
    tasks = [{"articles": b, "actors": actors, **({"segment": cache.new_segment("{table}")} if client else {})}
             for b in _batches(todo, EXTRACT_BATCH, n_workers)]
    writer = _CacheWriter(cache)

    def finished(task, result):
        if "tables" in result:
            writer.add(result)
        if progress:
            progress(len(task["articles"]))

    try:
        run_batches(extract_batch, tasks, n_workers, client, finished)
    finally:
        writer.flush()  # what was done is kept, even if a later batch failed
    live = set(keys)
    order = {k: i for i, k in enumerate(keys)}
    if client is not None:
        kf = cache.load("keys", live, "_key")
    else:
        kf = pd.concat([done[["_key", "warnings"]] if len(done) else pd.DataFrame(columns=["_key", "warnings"]),
                        *(t.to_pandas() for t in writer.tables["keys"])], ignore_index=True)
    warnings = []
    if len(kf):
        kf = kf.drop_duplicates("_key")
        kf = kf.assign(_order=kf["_key"].map(order)).sort_values("_order")
        for w in kf["warnings"]:
            warnings += json.loads(w) if isinstance(w, str) and w else []
    tables = {name: load_rows(cache, name, keys, writer.tables[name], writer.written) for name in ("quotes", "figures")}
    for name in ("keys", "quotes", "figures"):
        cache.compact(name, "_key", live, writer.written)
    cache.merge_small(("keys", "quotes", "figures"))
    return tables["quotes"], tables["figures"], warnings, len(todo)
