"""Generated corpora for the scale benchmark: distinct articles made from the seeds' paragraphs.

Each article recombines 8-15 paragraphs of the five seed articles, with its numbers,
speakers and order varied, a headline, byline, masthead and a "Published :" line
spread over a year of the story. One article in four is a syndicated copy of an
earlier one (the same paragraphs under another masthead, with a closing line of
its own), as wire copy is republished: the briefing must merge those, not list
them again. Files are .txt (one in twenty in cp1252) or one .jsonl per 10,000
articles. Nothing is downloaded; the same seed gives the same corpus.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

NAMES = ["Kim Min-jun", "Lee Seo-yeon", "Park Ji-ho", "Olena Shevchenko", "Andriy Kovalenko",
         "John Miller", "Sarah Connor", "Choi Yoon-ah", "Dmitry Volkov", "Anna Schmidt"]
OUTLETS = ["The Korea Herald", "The Korea Times", "Yonhap News Agency", "Korea JoongAng Daily", "NK News",
           "Daily NK", "KBS", "Arirang News", "The Hankyoreh", "Time.news"]
FURNITURE = ["Settings", "ⓕ font-size", "  • +1", "  • Facebook share button", "  • Link copied",
             "Most Commented", "Top 10 Stories", "X", "CLOSE"]
CITIES = ["Seoul", "Kyiv", "Moscow", "Washington", "Brussels", "Tokyo"]
TOPICS = ["weighs response to troop claims", "reviews intelligence on deployment", "briefs lawmakers on Kursk",
          "says shipments continue", "discusses support for Kyiv", "studies casualty reports"]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
# Claim sentences written for the benchmark (not from any article): a claimant, a verb and a figure
# that grows over the year, so the chart has a story to show and merging has repeats to find.
CLAIMANTS = ["South Korea's spy agency", "Ukraine's military intelligence", "the Pentagon", "NATO",
             "the U.S. State Department", "Volodymyr Zelenskyy", "South Korea's Joint Chiefs of Staff",
             "Mark Rutte", "Kim Min-jun, a researcher at a Seoul think tank"]
CLAIMS = ["{who} said on {weekday} that about {n:,} North Korean troops had been deployed to Russia.",
          "North Korea has sent more than {n:,} soldiers to the Kursk region, {who} said.",
          "{who} estimated that up to {n:,} North Korean troops could be sent by the end of the year.",
          "According to {who}, some {k:,} North Korean soldiers have been killed or wounded.",
          "{who} said North Korea had shipped over {c:,} containers of munitions to Russia."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
START = dt.date(2024, 6, 1)
SPAN_DAYS = 365


def _seed_paragraphs() -> list[str]:
    from briefing.reader import read_corpus

    seeds = read_corpus([ROOT / "seeds"], {}, progress=False).articles
    return [p for a in seeds for p in a.text.split("\n\n") if len(p) > 60]


class Generator:
    """Article i of a corpus; the same (seed, i) always gives the same article."""

    def __init__(self, seed: int = 7, n_total: int = 1000):
        self.seed = seed
        self.n_total = max(1, n_total)
        self.paras = _seed_paragraphs()

    def date_of(self, i: int) -> dt.date:
        # Articles 0..n_total-1 spread over the year; later ones (the daily step) follow it.
        day = i * SPAN_DAYS // self.n_total if i < self.n_total else SPAN_DAYS + (i - self.n_total) // 50
        return START + dt.timedelta(days=day)

    def body(self, i: int) -> list[str]:
        rnd = random.Random(self.seed * 1_000_003 + i)
        body = rnd.sample(self.paras, k=min(len(self.paras), rnd.randint(8, 15)))
        body = [re.sub(r"\d[\d,]*", lambda m: f"{rnd.randint(2, 40) * 250:,}", p) for p in body]
        body = [p.replace("Kim Seon-ho", rnd.choice(NAMES)).replace("Cho Tae-yeol", rnd.choice(NAMES)) for p in body]
        # Two to four claims whose size follows the story's escalation (a rough S-curve) with noise.
        t = (self.date_of(i) - START).days / SPAN_DAYS
        for _ in range(rnd.randint(2, 4)):
            base = 1500 + 11000 * t ** 0.7
            body.insert(rnd.randint(0, len(body)), rnd.choice(CLAIMS).format(
                who=rnd.choice(CLAIMANTS), weekday=rnd.choice(WEEKDAYS),
                n=int(base * rnd.uniform(0.8, 1.2)) // 500 * 500, k=int(base * 0.3 * rnd.uniform(0.7, 1.3)) // 100 * 100,
                c=int(3000 + 20000 * t * rnd.uniform(0.9, 1.1)) // 1000 * 1000))
        return body

    def text(self, i: int) -> str:
        rnd = random.Random(self.seed * 7_919 + i)
        # One in four is a syndicated copy of an article of the week before (same paragraphs).
        source = i - rnd.randint(1, 40) if i >= 40 and rnd.random() < 0.25 else i
        body = self.body(source)
        if source != i:
            body = body + [f"This article was republished from a partner agency, item {i}."]
        d = self.date_of(i)
        outlet = rnd.choice(OUTLETS)
        head = [outlet, f"{rnd.choice(CITIES)} {rnd.choice(TOPICS)} ({i})", f"By {rnd.choice(NAMES)}",
                f"Published : {MONTHS[d.month - 1]} {d.day}, {d.year} - {rnd.randint(0, 23):02d}:15"]
        return "\n\n".join(rnd.sample(FURNITURE, 2) + head + body + rnd.sample(FURNITURE, 2))


def write_txt(folder: Path, gen: Generator, indices: range) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in indices:
        data = gen.text(i).encode("cp1252" if i % 20 == 0 else "utf-8", errors="replace")
        (folder / f"article_{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def write_jsonl(folder: Path, gen: Generator, indices: range, per_file: int = 10_000) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    total, fh, current = 0, None, None
    for i in indices:
        part = i // per_file
        if part != current:
            if fh:
                fh.close()
            fh, current = open(folder / f"articles_{part:03d}.jsonl", "a", encoding="utf-8"), part
        line = json.dumps({"text": gen.text(i), "url": f"https://news.example/{i}"}, ensure_ascii=False) + "\n"
        fh.write(line)
        total += len(line)
    if fh:
        fh.close()
    return total


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="write a generated corpus")
    ap.add_argument("folder")
    ap.add_argument("n", type=int)
    ap.add_argument("--jsonl", action="store_true")
    a = ap.parse_args()
    g = Generator(n_total=a.n)
    (write_jsonl if a.jsonl else write_txt)(Path(a.folder), g, range(a.n))
