"""The briefing's appendix: its complete tables as CSV, and one Excel workbook, beside the briefing.

The pages summarise (report.prepare); whatever a page leaves out is here, and the
"N more" lines on the pages name the file. The per-figure and per-quote rows with
their sentences and offsets are the extracted tables themselves (data/figures.csv,
data/quotes.csv beside the briefing); they are linked, not copied.

Excel, because that is where an analyst filters and pivots. The workbook is written
row by row in xlsxwriter's constant-memory mode (an archive's sources sheet has a row
per article), with formulas and links off: a scraped cell that starts with "=" stays
text, and a URL stays a string (Excel allows 65,530 links a sheet).
"""
from __future__ import annotations

import html
import math
import os
from pathlib import Path

import pandas as pd

FOLDER = "appendix"
CLAIM_COLUMNS = ["claim_id", "claim_date", "claim_date_flag", "claimant", "actor_id", "side", "about_north_korea",
                 "figure", "value", "low", "high", "qualifier", "unit", "unit_category", "status", "subject",
                 "location", "n_sources", "ref", "article", "sentence", "start", "end", "articles", "outlets",
                 "first_published"]
QUOTE_COLUMNS = ["quote_id", "published", "last_published", "published_flag", "speaker", "actor_id", "role", "country", "side",
                 "verb", "quote", "is_fragment", "n_sources", "ref", "article", "articles", "outlets"]
# file name -> (key in the prepared briefing, columns (None: all), sheet name, what it holds)
TABLES = {
    "key_judgments.csv": ("key_judgments_all", None, "Key judgments", "latest figure per claimant and kind"),
    "what_changed.csv": ("what_changed_all", None, "What changed", "changes since the previous briefing"),
    "claims.csv": ("claims", CLAIM_COLUMNS, "Claims", "every claim, merged across outlets, with its articles"),
    "undated.csv": ("undated_all", None, "Undated", "claims without a claim date"),
    "quotes.csv": ("quotes_merged", QUOTE_COLUMNS, "Quotes", "every quotation, merged across outlets"),
    "denials.csv": ("denials_all", None, "Denials", "denials and counter-claims"),
    "sources.csv": ("all_sources", None, "Sources", "every article, numbered as the source tags"),
}
EXTRACTED = {"figures.csv": "every figure as extracted, with its sentence and offsets",
             "quotes.csv": "every quotation as extracted, with its sentence and offsets",
             "articles.csv": "every article read, with its metadata and date evidence"}


def _frame(briefing: dict, key: str, columns: list[str] | None) -> pd.DataFrame:
    df = briefing[key]
    df = df[[c for c in df.columns if c != "_more"]]
    if columns is not None:
        df = df[[c for c in columns if c in df.columns]]
    return df


def _cell(v):
    if v is None or v is pd.NA:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, (int, float, bool)):
        return v
    return str(v)


def write_excel(frames: dict[str, pd.DataFrame], path: Path) -> Path:
    """One sheet per table, written row by row (constant memory); written to a temporary name first."""
    import xlsxwriter

    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False,
                                        "nan_inf_to_errors": True})
    try:
        bold = wb.add_format({"bold": True})
        for sheet, df in frames.items():
            ws = wb.add_worksheet(sheet[:31])
            ws.write_row(0, 0, list(df.columns), bold)
            ws.freeze_panes(1, 0)
            for i, row in enumerate(df.itertuples(index=False, name=None), start=1):
                ws.write_row(i, 0, [_cell(v) for v in row])
    finally:
        wb.close()
    os.replace(tmp, path)
    return path


def write_appendix(briefing: dict, out_dir: str | Path, excel: bool = True) -> dict[str, Path]:
    """Write the appendix tables into out_dir/appendix/; returns {file name: path}."""
    folder = Path(out_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written, sheets = {}, {}
    for name, (key, columns, sheet, _what) in TABLES.items():
        if key not in briefing:
            continue
        df = _frame(briefing, key, columns)
        df.to_csv(folder / name, index=False)
        written[name] = folder / name
        sheets[sheet] = df
    if excel:
        written["briefing.xlsx"] = write_excel(sheets, folder / "briefing.xlsx")
    return written


def links_html(written: dict[str, Path], extracted: list[str] = ()) -> str:
    """The appendix section's list: each file, linked relative to the briefing, and what it holds."""
    e = html.escape
    items = []
    for name, (_key, _cols, _sheet, what) in TABLES.items():
        if name in written:
            items.append(f'<li><a href="{FOLDER}/{e(name)}">{FOLDER}/{e(name)}</a>: {e(what)}</li>')
    if "briefing.xlsx" in written:
        items.append(f'<li><a href="{FOLDER}/briefing.xlsx">{FOLDER}/briefing.xlsx</a>: the tables above as '
                     f'one Excel workbook, a sheet each</li>')
    for name in extracted:
        if name in EXTRACTED:
            items.append(f'<li><a href="data/{e(name)}">data/{e(name)}</a>: {e(EXTRACTED[name])}</li>')
    return '<ul class="appendix">' + "".join(items) + "</ul>"
