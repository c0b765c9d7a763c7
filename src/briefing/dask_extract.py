"""Extraction on a Dask cluster: the optional engine beyond one machine.

`briefing extract --scheduler tcp://host:8786` (or `run_extract(..., client=Client(...))` in
Python) sends the same batch functions that worker processes run (incremental.read_batch and
incremental.extract_batch) to the cluster, one task per partition of the corpus; each task
writes its partition's Parquet segment into OUT/cache/. So the workers need this package
installed, and the corpus and OUT on storage they all see (a shared or network file system).
Dask is an extra: `pip install -e '.[dask]'`; nothing else needs it.
"""
from __future__ import annotations

from .errors import UserError


def connect(address: str):
    """A dask.distributed Client for `address`, or a UserError saying what is missing."""
    try:
        from distributed import Client
    except ImportError:
        raise UserError("--scheduler needs Dask: pip install -e '.[dask]' (the dask extra)") from None
    try:
        return Client(address, timeout=30)
    except (OSError, TimeoutError) as exc:
        raise UserError(f"--scheduler {address}: cannot reach the Dask scheduler ({exc})") from None
