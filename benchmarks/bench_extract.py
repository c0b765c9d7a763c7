"""Speed of `briefing extract`: reading 1,000 articles, and the whole extraction
(read + quotes + figures + claims) in words per second on one core.

The corpus is generated, not downloaded: paragraphs of the seed articles
recombined into distinct articles with their numbers, names and order varied,
page furniture added, one file in twenty saved as cp1252. Prints the figures;
asserts nothing (targets live in the closing note and the README).
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
import resource
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from briefing.actors import default_registry  # noqa: E402
from briefing.pipeline import extract_tables  # noqa: E402
from briefing.reader import read_corpus  # noqa: E402

NAMES = ["Kim Min-jun", "Lee Seo-yeon", "Park Ji-ho", "Olena Shevchenko", "Andriy Kovalenko",
         "John Miller", "Sarah Connor", "Choi Yoon-ah", "Dmitry Volkov", "Anna Schmidt"]
FURNITURE = ["Settings", "ⓕ font-size", "  • +1", "  • Facebook share button", "  • Link copied",
             "Most Commented", "Top 10 Stories", "X", "CLOSE"]


def make_corpus(folder: Path, n: int, seed: int = 7) -> int:
    rnd = random.Random(seed)
    seeds = read_corpus([ROOT / "seeds"], {}, progress=False).articles
    paras = [p for a in seeds for p in a.text.split("\n\n") if len(p) > 60]
    total_bytes = 0
    for i in range(n):
        body = rnd.sample(paras, k=min(len(paras), rnd.randint(9, 16)))
        body = [re.sub(r"\d[\d,]*", lambda m: f"{rnd.randint(2, 40) * 250:,}", p) for p in body]
        body = [p.replace("Kim Seon-ho", rnd.choice(NAMES)).replace("Cho Tae-yeol", rnd.choice(NAMES)) for p in body]
        head = [f"Report {i}: {rnd.choice(['Seoul', 'Kyiv', 'Moscow', 'Washington'])} weighs response to troop claims",
                f"By {rnd.choice(NAMES)}", f"Published : Oct. {rnd.randint(1, 28)}, 2024 - {rnd.randint(0, 23):02d}:15"]
        lines = rnd.sample(FURNITURE, 3) + head + body + rnd.sample(FURNITURE, 2)
        text = "\n\n".join(lines)
        enc = "cp1252" if i % 20 == 0 else "utf-8"
        data = text.encode(enc, errors="replace")
        (folder / f"article_{i:05d}.txt").write_bytes(data)
        total_bytes += len(data)
    return total_bytes


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=2100, help="articles generated (default 2100, just over 1M words)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        nbytes = make_corpus(folder, args.articles)
        default_registry()
        # Reading alone, on the first 1,000 files.
        first = sorted(folder.iterdir())[:1000]
        t0 = time.perf_counter()
        c1 = read_corpus(first, {}, progress=False)
        t_read = time.perf_counter() - t0
        print(f"read 1,000 articles: {t_read:.2f} s ({len(c1.articles) / t_read:,.0f} articles/s)")

        t0 = time.perf_counter()
        corpus = read_corpus([folder], {}, progress=False)
        t1 = time.perf_counter()
        tables = extract_tables(corpus.articles, default_registry())
        t2 = time.perf_counter()
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        words = sum(a.n_words for a in corpus.articles)
        print(f"corpus: {len(corpus.articles):,} articles, {words:,} words, {nbytes / 1e6:.1f} MB")
        print(f"read:    {t1 - t0:.2f} s  {words / (t1 - t0):,.0f} words/s")
        print(f"quotes+figures+claims: {t2 - t1:.2f} s  {words / (t2 - t1):,.0f} words/s "
              f"({len(tables.quotes):,} quotes, {len(tables.figures):,} figures, {len(tables.claims):,} claims)")
        print(f"extract as a whole: {t2 - t0:.2f} s  {words / (t2 - t0):,.0f} words/s on one core "
              f"(target >= 1,000,000); peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
