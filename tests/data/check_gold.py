"""Check a hand-annotated set (tests/data/ANNOTATION.md) without running the extractor.

    python tests/data/check_gold.py tests/data/dev            # gold.json (and parts/*.json if any)
    python tests/data/check_gold.py tests/data/dev parts/A.json

Prints one line per problem and exits 1 if there is any. Every quote_start and figure surface must
occur in its article (curly and straight quotes are folded), every enumerated field must hold an
allowed value, dates must be ISO days with earliest <= latest.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

KINDS = {"person", "organization", "government", "anonymous"}
ATTRIBUTION = {"name", "surname", "pronoun", "role", "organisation", "relay", "outlet", "previous_sentence",
               "according_to", "unnamed", "document", "quote", "headline", "later", "none"}
QUALIFIERS = {"exact", "approximately", "over", "under", "up_to", "range", "vague"}
CATEGORIES = {"personnel", "casualties", "shipments", "other"}
ABOUT = {"north_korea", "russia", "ukraine", "other", "unknown"}
STATUS = {"confirmed", "estimate", "projection", "denied", "reported"}
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def _fold(s: str) -> str:
    return " ".join(s.translate(_FOLD).split())


def _day(s) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s))
    except ValueError:
        return None


def check(gold: dict, articles: Path) -> list[str]:
    problems: list[str] = []
    texts: dict[str, str] = {}
    for a in gold.get("articles", []):
        f = a.get("file", "")
        path = articles / f
        if not path.is_file():
            problems.append(f"article {f!r}: no such file in {articles}")
            continue
        raw = path.read_bytes()
        try:
            texts[f] = _fold(raw.decode("utf-8"))
        except UnicodeDecodeError:
            texts[f] = _fold(raw.decode("cp1252", errors="replace"))
        e, l = _day(a.get("published_earliest")), _day(a.get("published_latest"))
        if e is None or l is None or e > l:
            problems.append(f"article {f}: published_earliest/latest must be ISO days, earliest <= latest")
        for k in ("title", "outlet", "author", "date_cues"):
            if not isinstance(a.get(k, None), str):
                problems.append(f"article {f}: {k} must be a string")
    for q in gold.get("quotes", []):
        f = q.get("file")
        where = f"quote {f}: {q.get('quote_start')!r}"
        if f not in texts:
            problems.append(f"{where}: file not listed in articles")
            continue
        if _fold(q.get("quote_start") or "") not in texts[f]:
            problems.append(f"{where}: quote_start not found in the article")
        if len((q.get("quote_start") or "").split()) > 6:
            problems.append(f"{where}: quote_start longer than 6 words")
        if q.get("speaker_kind") not in KINDS:
            problems.append(f"{where}: speaker_kind {q.get('speaker_kind')!r} not in {sorted(KINDS)}")
        if not q.get("speaker"):
            problems.append(f"{where}: no speaker")
        if q.get("attribution") not in ATTRIBUTION:
            problems.append(f"{where}: attribution {q.get('attribution')!r} not in {sorted(ATTRIBUTION)}")
    for g in gold.get("figures", []):
        f = g.get("file")
        where = f"figure {f}: {g.get('surface')!r}"
        if f not in texts:
            problems.append(f"{where}: file not listed in articles")
            continue
        if _fold(g.get("surface") or "") not in texts[f]:
            problems.append(f"{where}: surface not found in the article")
        for key, allowed in (("qualifier", QUALIFIERS), ("unit_category", CATEGORIES), ("about", ABOUT),
                             ("status", STATUS), ("attribution", ATTRIBUTION)):
            if g.get(key) not in allowed:
                problems.append(f"{where}: {key} {g.get(key)!r} not in {sorted(allowed)}")
        v, lo, hi = g.get("value"), g.get("low"), g.get("high")
        if g.get("qualifier") == "range":
            if v is not None or not isinstance(lo, (int, float)) or not isinstance(hi, (int, float)) or lo >= hi:
                problems.append(f"{where}: a range has value null and numeric low < high")
        elif g.get("qualifier") == "vague":
            if v is not None:
                problems.append(f"{where}: a vague amount has value null")
        elif not isinstance(v, (int, float)):
            problems.append(f"{where}: value must be a number")
        for key in ("claimant", "source", "unit"):
            if not isinstance(g.get(key, None), str):
                problems.append(f"{where}: {key} must be a string ('' if none)")
        if g.get("attribution") == "none" and g.get("claimant"):
            problems.append(f"{where}: attribution 'none' but a claimant is given")
        if g.get("attribution") == "relay" and not g.get("source"):
            problems.append(f"{where}: attribution 'relay' needs a source")
        cd = g.get("claim_date", "")
        if cd and _day(cd) is None:
            problems.append(f"{where}: claim_date {cd!r} is not an ISO day")
    return problems


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    files = [folder / p for p in argv[1:]] or [p for p in [folder / "gold.json"] if p.exists()] + \
        sorted((folder / "parts").glob("*.json"))
    total = 0
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        problems = check(gold, folder / "articles")
        for p in problems:
            print(f"{path}: {p}")
        total += len(problems)
        print(f"{path}: {len(gold.get('articles', []))} articles, {len(gold.get('quotes', []))} quotes, "
              f"{len(gold.get('figures', []))} figures, {len(problems)} problems")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
