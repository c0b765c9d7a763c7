"""The hostile corpus: the shapes of text that made extraction quadratic (issue 11, items 1 and 2).

Each pattern, at 8,000 units by default, is timed through the reader (`from_text`), quote
extraction (`briefing.quotes.quote_rows`) and figure extraction (`briefing.figures.figure_rows`),
each stage in its own subprocess with a time cap, so a quadratic stage prints "over N s" instead
of holding `make bench` for minutes. Then `briefing extract` runs on a folder holding one file per
pattern (its own cap), and the size of the figures.csv it wrote is shown (each row once stored
its whole sentence). With several --units the growth from the smallest to the largest n is shown
(a linear stage grows by the ratio of the n's; 4x n giving ~16x time is quadratic).

    python benchmarks/bench_hostile.py                  # 8,000 units, 20 s cap per stage
    python benchmarks/bench_hostile.py --units 2000,8000 --cap 60

Prints the figures; asserts nothing (the linear-growth tests live in tests/). Timings on a shared
machine are noisy; the caps are wall-clock.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# name -> (piece, units multiplier): the text is piece * (units * multiplier).
PATTERNS = {
    "open-quote-said": ('He said "', 1),
    "short-quotes": ('Kim said "Yes." ', 1),
    "only-quote-marks": ('"', 5),                       # '"' * 40000 at 8,000 units
    "unpaired-apostrophes": ("Kim said 'yes ", 1),
    "figure-lines": ("Officials said 1,000 troops were sent.\n", 1),
    "figures-one-line": ("1,000 troops ", 1),
}

CHILD = r'''
import json, resource, sys, time
sys.path.insert(0, sys.argv[4])
from briefing.actors import default_registry
from briefing.reader import Skip, from_text
piece, n, stage = json.loads(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
registry = default_registry()
text = piece * n
t0 = time.perf_counter()
try:
    art = from_text("hostile.txt", text)
    body, published, source = art.text, art.published, art.published_source
except Skip:
    body, published, source = "", "", ""
t_read = time.perf_counter() - t0
rows = []
t0 = time.perf_counter()
if stage == "quotes":
    from briefing.quotes import quote_rows
    rows = quote_rows(body, article="hostile.txt", published=published, registry=registry)
elif stage == "figures":
    from briefing.figures import figure_rows
    rows = figure_rows(body, article="hostile.txt", published=published, published_source=source, registry=registry)
t = time.perf_counter() - t0 if stage != "read" else t_read
print(json.dumps({"seconds": t, "rows": len(rows), "bytes": len(text.encode()),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
'''


def run_stage(piece: str, n: int, stage: str, cap: float) -> dict | None:
    """The child's figures, or None when it ran over `cap` seconds (it is killed)."""
    try:
        res = subprocess.run([sys.executable, "-c", CHILD, json.dumps(piece), str(n), stage, str(ROOT / "src")],
                             capture_output=True, text=True, timeout=cap)
    except subprocess.TimeoutExpired:
        return None
    if res.returncode != 0:
        return {"error": (res.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(res.stdout.strip().splitlines()[-1])


def cell(r: dict | None, cap: float, stage: str) -> str:
    if r is None:
        return f"over {cap:g} s"
    if "error" in r:
        return "error: " + r["error"][:40]
    rows = f"{r['rows']:,} rows, " if stage != "read" else ""
    return f"{r['seconds']:.2f} s ({rows}peak {r['rss_mb']:.0f} MB)"


def run_extract(folder: Path, out: Path, cap: float) -> tuple[float | None, str]:
    t0 = time.perf_counter()
    try:
        res = subprocess.run([sys.executable, "-m", "briefing", "extract", str(folder), "--out", str(out)],
                             capture_output=True, text=True, timeout=cap, cwd=ROOT,
                             env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "src")})
    except subprocess.TimeoutExpired:
        return None, ""
    took = time.perf_counter() - t0
    last = (res.stderr.strip().splitlines() or [""])[-1]
    return took, last if res.returncode == 0 else f"exit {res.returncode}: {last}"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--units", default="8000", help="comma-separated unit counts (default 8000)")
    ap.add_argument("--cap", type=float, default=20.0, help="seconds allowed per pattern and stage (default 20)")
    ap.add_argument("--extract-cap", type=float, default=120.0, help="seconds allowed for `briefing extract`")
    ap.add_argument("--patterns", default=",".join(PATTERNS), help="comma-separated pattern names")
    args = ap.parse_args(argv)
    units = sorted(int(u) for u in args.units.split(","))
    names = [p for p in args.patterns.split(",") if p]

    print(f"hostile corpus: {', '.join(f'{u:,}' for u in units)} units; cap {args.cap:g} s per stage "
          f"(wall clock; the machine may be shared)")
    header = f"{'pattern':<22} {'units':>6} {'bytes':>9}  {'read':<36} {'quotes':<36} {'figures':<36}"
    print(header)
    print("-" * len(header))
    results: dict[tuple[str, int, str], dict | None] = {}
    for name in names:
        piece, mult = PATTERNS[name]
        for u in units:
            n = u * mult
            row = {stage: run_stage(piece, n, stage, args.cap) for stage in ("read", "quotes", "figures")}
            results.update({(name, u, s): r for s, r in row.items()})
            size = len((piece * n).encode())
            print(f"{name:<22} {u:>6,} {size / 1024:>7,.0f} KB  "
                  + "  ".join(f"{cell(row[s], args.cap, s):<36}" for s in ("read", "quotes", "figures")), flush=True)
    if len(units) > 1:
        lo, hi = units[0], units[-1]
        print(f"\ngrowth from {lo:,} to {hi:,} units (linear: {hi / lo:g}x, quadratic: {(hi / lo) ** 2:g}x)")
        for name in names:
            parts = []
            for stage in ("read", "quotes", "figures"):
                a, b = results[(name, lo, stage)], results[(name, hi, stage)]
                ok = a and b and "seconds" in a and "seconds" in b and a["seconds"] > 0.005
                parts.append(f"{stage} {b['seconds'] / a['seconds']:.1f}x" if ok else f"{stage} -")
            print(f"  {name:<22} " + ", ".join(parts))

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "hostile"
        folder.mkdir()
        n_units = units[-1]
        for name in names:
            piece, mult = PATTERNS[name]
            (folder / f"{name}.txt").write_text(piece * (n_units * mult), encoding="utf-8")
        took, line = run_extract(folder, Path(tmp) / "out", args.extract_cap)
        if took is None:
            print(f"\nbriefing extract on the {len(names)} files ({n_units:,} units): over {args.extract_cap:g} s")
        else:
            fig = Path(tmp) / "out" / "figures.csv"
            size = f"; figures.csv {fig.stat().st_size / 1e6:,.1f} MB" if fig.exists() else ""
            print(f"\nbriefing extract on the {len(names)} files ({n_units:,} units): {took:.1f} s{size}\n  {line}")


if __name__ == "__main__":
    main()
