"""data/sources.csv: the analyst's hand-edited manifest of articles.

Its values override what the text gives (the analyst has read the page). It
may be missing; a malformed row stops the run with a message naming the row,
since a wrong date would silently shift every claim date in the briefing.
"""
from __future__ import annotations

import csv
from pathlib import Path

from .dates import parse_date, parse_iso
from .errors import UserError

COLUMNS = ["file", "url", "outlet", "published", "author", "title", "notes"]


def load(path: str | Path | None) -> dict[str, dict[str, str]]:
    """file name -> {column: value} for the non-empty values of each row."""
    if path is None:
        return {}
    path = Path(path)
    if not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text; save the manifest as UTF-8 CSV")
    rows = list(csv.reader(line for line in text.splitlines() if not line.startswith("#")))
    if not rows:
        return {}
    header = [h.strip().lower() for h in rows[0]]
    if "file" not in header:
        raise UserError(f"{path}: the first row must be a header with a 'file' column "
                        f"(expected columns: {', '.join(COLUMNS)})")
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise UserError(f"{path}: unknown column(s) {', '.join(unknown)}; allowed: {', '.join(COLUMNS)}")
    out: dict[str, dict[str, str]] = {}
    for n, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise UserError(f"{path}: row {n} has {len(row)} fields but the header has {len(header)}; "
                            f"quote values that contain commas")
        rec = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header) if h}
        if not rec.get("file"):
            raise UserError(f"{path}: row {n} has no file name; fill the 'file' column or delete the row")
        if rec.get("published"):
            d = parse_iso(rec["published"]) or parse_date(rec["published"])[0]
            if d is None:
                raise UserError(f"{path}: row {n} ({rec['file']}): published {rec['published']!r} is not a date; "
                                f"write it as YYYY-MM-DD")
            rec["published"] = d.isoformat()
        if rec["file"] in out:
            raise UserError(f"{path}: row {n}: {rec['file']} is listed twice; keep one row per file")
        out[rec["file"]] = {k: v for k, v in rec.items() if v}
    return out
