"""data/sources.csv: the analyst's hand-edited manifest of articles.

Its values override what the text gives (the analyst has read the page). It
may be missing; a malformed row stops the run with a message naming the row,
since a wrong date would silently shift every claim date in the briefing.

One row per line, every row with the header's number of fields. A value that
spans lines is refused rather than parsed: in a hand-edited file it is nearly
always a quote left open, which would swallow the rows after it (and their
dates) without a word.
"""
from __future__ import annotations

import csv
from pathlib import Path

from .dates import parse_date, parse_iso
from .errors import UserError

COLUMNS = ["file", "url", "outlet", "published", "author", "title", "notes"]


class Manifest(dict):
    """file name -> {column: value}, plus where each row came from (for warnings).

    ``implicit`` is set by the caller when nobody asked for this manifest (the package's
    data/sources.csv applied to some other corpus): its rows naming no article are then
    expected and not worth a warning each.
    """

    def __init__(self, path: Path | None = None):
        super().__init__()
        self.path = path
        self.rows: dict[str, int] = {}
        self.implicit = False


def load(path: str | Path | None) -> Manifest:
    """file name -> {column: value} for the non-empty values of each row."""
    if path is None:
        return Manifest()
    path = Path(path)
    if not path.exists():
        return Manifest()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text; save the manifest as UTF-8 CSV")
    except OSError as exc:
        raise UserError(f"{path}: cannot read the manifest ({exc.strerror or exc})")
    out = Manifest(path)
    header: list[str] = []
    for n, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        row = _parse_row(path, n, line)
        if not header:
            header = _header(path, row)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            fix = ("quote values that contain commas" if len(row) > len(header)
                   else "keep a comma for every empty value, e.g. a.txt,,,2024-10-01")
            raise UserError(f"{path}: row {n} has {len(row)} field{'s' * (len(row) != 1)} but the header has "
                            f"{len(header)} ({', '.join(header)}); {fix}")
        rec = {h: row[i].strip() for i, h in enumerate(header) if h}
        if not rec.get("file"):
            raise UserError(f"{path}: row {n} has no file name; fill the 'file' column or delete the row")
        if rec.get("published"):
            d = parse_iso(rec["published"]) or parse_date(rec["published"])[0]
            if d is None:
                raise UserError(f"{path}: row {n} ({rec['file']}): published {rec['published']!r} is not a date; "
                                f"write it as YYYY-MM-DD")
            rec["published"] = d.isoformat()
        if rec["file"] in out:
            raise UserError(f"{path}: row {n}: {rec['file']} is listed twice (rows {out.rows[rec['file']]} and {n}); "
                            f"keep one row per file")
        out[rec["file"]] = {k: v for k, v in rec.items() if v}
        out.rows[rec["file"]] = n
    return out


def _parse_row(path: Path, n: int, line: str) -> list[str]:
    try:
        return next(csv.reader([line], strict=True))
    except csv.Error:
        raise UserError(f'{path}: row {n}: a quoted value is not closed on its line (or text follows its closing '
                        f'quote); close the quote, write a quote inside a value as "", and keep each row on '
                        f'one line') from None


def _header(path: Path, row: list[str]) -> list[str]:
    header = [h.strip().lower() for h in row]
    if "file" not in header:
        raise UserError(f"{path}: the first row must be a header with a 'file' column "
                        f"(expected columns: {', '.join(COLUMNS)})")
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise UserError(f"{path}: unknown column(s) {', '.join(unknown)}; allowed: {', '.join(COLUMNS)}")
    return header


def unmatched(manifest: dict, articles: list[str], duplicates: list[tuple[str, str]] = (),
              skipped: list[str] = ()) -> list[str]:
    """Warning lines for the manifest rows that name no article read, each saying why if we can tell.

    `articles` are the names of the articles kept, `duplicates` (dropped, kept) pairs, `skipped` the
    names of the files the reader skipped. A name that differs only in case is the usual slip (file
    names are case-sensitive here), so it is named.
    """
    if not manifest:
        return []
    path = getattr(manifest, "path", None) or "manifest"
    rows = getattr(manifest, "rows", {})
    kept = set(articles)
    dropped = dict(duplicates)
    skipped_names = set(skipped)
    by_fold: dict[str, str] = {}
    for name in [*articles, *dropped, *skipped_names]:
        by_fold.setdefault(name.casefold(), name)
    jsonl_files = {a.rpartition("#")[0] for a in articles if "#" in a}
    implicit = getattr(manifest, "implicit", False) and not any(name in kept for name in manifest)
    out = []
    for name in manifest:
        if name in kept:
            continue
        where = f"warning: {path}: row {rows[name]}: {name}" if name in rows else f"warning: {path}: {name}"
        close = by_fold.get(name.casefold())
        if name in dropped:
            out.append(f"{where} is a duplicate of {dropped[name]}, which was kept; its values are not applied "
                       f"(move the row to {dropped[name]})")
        elif name in skipped_names:
            out.append(f"{where} was skipped (see its warning); its values are not applied")
        elif close is not None and close != name:
            out.append(f"{where} matches no file; did you mean {close}? (file names are case-sensitive)")
        elif implicit:
            continue
        elif name in jsonl_files:
            out.append(f"{where} is a JSONL file; name its articles by line, e.g. {name}#1")
        else:
            out.append(f"{where} matches no file in the corpus; its values are not applied")
    return out
