"""Scale: `briefing extract` and `briefing build` on generated corpora of 1,000 to 100,000 articles.

For each size (distinct articles, see scale_corpus.py; 100,000 as .jsonl files) it prints, as the
issue's table: extract time (a fresh `briefing extract`, empty cache), build time (a fresh
`briefing build` on a new reports folder: extraction, chart, tables, HTML and PDF), the build's peak
memory (PSS summed over the build process and all it starts: kernel, workers), PDF pages and
HTML size. Then the daily step: 50 new articles added to the 10,000 corpus and the briefing rebuilt
(against the seeds' build time), and extraction with --workers 1 against --workers 2.

    .venv/bin/python benchmarks/bench_scale.py                      # 1,000 and 10,000 (make bench)
    .venv/bin/python benchmarks/bench_scale.py --sizes 1000         # quick
    .venv/bin/python benchmarks/bench_scale.py --with-100k          # adds 100,000 (.jsonl), ~10-20 min

Targets (2 cores): 10,000 built in < 60 s, 100,000 in < 10 min with < 2 GB; PDF <= 25 pages; daily
step < 3x the seeds' build; --workers 2 >= 1.7x faster than --workers 1. Times on a shared machine
are noisy; the script prints them and asserts nothing.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from scale_corpus import Generator, write_jsonl, write_txt  # noqa: E402

BRIEFING = [sys.executable, "-m", "briefing"]


PEAK_RSS: list[float] = []  # the RSS sums of the last run (worker processes share pages: see run())


def run(cmd: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """(seconds, peak MB of the process tree) of one command; raises if it fails.

    Memory is the sum over the command and every process it starts (kernel, workers) of their
    proportional set size (PSS: a page shared by forked workers counts once, split between them),
    where the system gives it; else of their RSS, which counts shared pages once per process.
    The peak RSS sum is kept in PEAK_RSS for the record."""
    import psutil

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak, peak_rss, done = 0, 0, threading.Event()

    def sample():
        nonlocal peak, peak_rss
        try:
            root = psutil.Process(proc.pid)
        except psutil.Error:
            return
        while not done.is_set():
            total, rss = 0, 0
            try:
                for p in [root, *root.children(recursive=True)]:
                    try:
                        try:
                            info = p.memory_full_info()
                            total += getattr(info, "pss", info.rss)
                        except (psutil.AccessDenied, AttributeError):
                            total += p.memory_info().rss
                        rss += p.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                break
            peak, peak_rss = max(peak, total), max(peak_rss, rss)
            done.wait(0.1)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    done.set()
    t.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n{err[-2000:]}")
    PEAK_RSS[:] = [peak_rss / 2 ** 20]
    return time.perf_counter() - t0, peak / 2 ** 20


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader
    return len(PdfReader(path).pages)


def make(folder: Path, n: int) -> Generator:
    gen = Generator(n_total=n)
    (write_jsonl if n >= 100_000 else write_txt)(folder, gen, range(n))
    return gen


def build(corpus: Path, reports: Path, date: str, extra: list[str] = ()) -> tuple[float, float]:
    return run(BRIEFING + ["build", "--corpus", str(corpus), "--out", str(reports), "--date", date, *extra])


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    ap.add_argument("--with-100k", action="store_true", help="also 100,000 articles (.jsonl); takes long")
    ap.add_argument("--no-daily", action="store_true", help="skip the daily step and the workers comparison")
    ap.add_argument("--keep", default="", help="keep the corpora and reports in this folder")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()] + ([100_000] if args.with_100k else [])
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="bench-scale-"))
    tmp.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        seeds_s, seeds_mb = build(ROOT / "seeds", tmp / "seeds-reports", "2025-06-01", ["--force"])
        day = tmp / "seeds-reports" / "2025-06-01"
        rows.append(("5 (seeds)", "-", seeds_s, seeds_mb, pdf_pages(day / "briefing.pdf"),
                     (day / "briefing.html").stat().st_size))
        gens = {}
        for n in sizes:
            corpus = tmp / f"corpus-{n}"
            if not corpus.exists():
                gens[n] = make(corpus, n)
            else:
                gens[n] = Generator(n_total=n)
            ext_s, _ = run(BRIEFING + ["extract", str(corpus), "--out", str(tmp / f"extract-{n}")])
            shutil.rmtree(tmp / f"extract-{n}", ignore_errors=True)
            reports = tmp / f"reports-{n}"
            shutil.rmtree(reports, ignore_errors=True)
            b_s, b_mb = build(corpus, reports, "2025-06-01")
            day = reports / "2025-06-01"
            rows.append((f"{n:,}" + (" (.jsonl)" if n >= 100_000 else ""), ext_s, b_s, b_mb,
                         pdf_pages(day / "briefing.pdf"), (day / "briefing.html").stat().st_size))
            print(f"  {rows[-1][0]}: extract {ext_s:.1f} s, build {b_s:.1f} s, {b_mb:,.0f} MB "
                  f"(RSS sum {PEAK_RSS[0]:,.0f} MB)", flush=True)
        print("\n| articles | extract | `briefing build` | build peak memory | PDF pages | HTML |")
        print("|---|---|---|---|---|---|")
        for name, ext_s, b_s, b_mb, pages, html in rows:
            ext = ext_s if isinstance(ext_s, str) else f"{ext_s:.1f} s"
            print(f"| {name} | {ext} | {b_s:.1f} s | {b_mb / 1024:.2f} GB | {pages} | {html / 1024:,.0f} KB |")
        if args.no_daily:
            return
        base = 10_000 if 10_000 in sizes else max(n for n in sizes if n < 100_000)
        corpus, reports = tmp / f"corpus-{base}", tmp / f"reports-{base}"
        write_txt(corpus, gens[base], range(base, base + 50))  # the next day's 50 articles
        d_s, d_mb = build(corpus, reports, "2025-06-02")
        print(f"\ndaily step: 50 new articles added to {base:,}, rebuilt in {d_s:.1f} s ({d_mb / 1024:.2f} GB); "
              f"seeds build {seeds_s:.1f} s; ratio {d_s / seeds_s:.2f} (target < 3)")
        times = {}
        for w in (1, 2):
            out = tmp / f"workers-{w}"
            shutil.rmtree(out, ignore_errors=True)
            times[w], _ = run(BRIEFING + ["extract", str(corpus), "--out", str(out), "--workers", str(w)])
            shutil.rmtree(out, ignore_errors=True)
        print(f"extract {base + 50:,} articles: --workers 1 {times[1]:.1f} s, --workers 2 {times[2]:.1f} s; "
              f"speed-up {times[1] / times[2]:.2f}x (target >= 1.7)")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
