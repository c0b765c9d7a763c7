"""Inferring a publication date where neither the text nor the manifest states one.

Editorial choices, in order of trust:
1. a full date in the body ("Oct. 17, 2024"): the article was written on or
   after the latest one it reports; we take that date.
2. a month-day ("Oct. 17") with a weekday ("said Thursday"): the year in which
   that day falls on that weekday, nearest the corpus anchor; otherwise the year
   of the anchor.
3. a weekday alone ("On Tuesday", "Kim said Thursday"): news uses a bare
   weekday for the past seven days, so the latest such weekday on or before
   the anchor.
4. a month ("in late October"), reported as past: the end of that window.
The anchor is the median of the dates the corpus does know (text or manifest):
articles dropped in one folder are about the same days. Without an anchor,
cues 3-4 give nothing and the date stays unknown. Every inference records its
evidence phrase(s) so an analyst can check it.
"""
from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from .dates import Cue, find_cues, month_window, weekday_on_or_before


@dataclass(frozen=True)
class Inferred:
    date: dt.date | None
    precision: str       # day / window / ""
    evidence: str


def corpus_anchor(known: list[dt.date]) -> dt.date | None:
    if not known:
        return None
    ordinals = sorted(d.toordinal() for d in known)
    return dt.date.fromordinal(int(statistics.median_low(ordinals)))


def infer(text: str, anchor: dt.date | None) -> Inferred:
    cues = find_cues(text)
    full = [c for c in cues if c.kind == "full"]
    if full:
        best = max(full, key=lambda c: (c.year, c.month, c.day))
        return Inferred(dt.date(best.year, best.month, best.day), "day", best.phrase)

    weekdays = [c for c in cues if c.kind == "weekday"]
    monthdays = [c for c in cues if c.kind == "monthday"]
    if monthdays:
        md = monthdays[-1]
        for wd in weekdays:
            year = _year_matching(md, wd.weekday, anchor)
            if year:
                return Inferred(dt.date(year, md.month, md.day), "day", f"{md.phrase}; {wd.phrase}")
        if anchor:
            year = _nearest_year(md, anchor)
            return Inferred(dt.date(year, md.month, md.day), "day",
                            f"{md.phrase} (year from the corpus, {anchor.isoformat()})")
    if anchor is None:
        return Inferred(None, "", "")
    if weekdays:
        wd = weekdays[0]
        return Inferred(weekday_on_or_before(anchor, wd.weekday), "day",
                        f"{wd.phrase} (the {wd.phrase.split()[-1]} on or before the corpus date {anchor.isoformat()})")
    months = [c for c in cues if c.kind == "month"]
    if months:
        m = max(months, key=lambda c: (c.year or anchor.year, c.month))
        year = m.year or (anchor.year if m.month <= anchor.month + 1 else anchor.year - 1)
        start, end = month_window(year, m.month, m.part)
        return Inferred(end, "window", f"{m.phrase} ({start.isoformat()} to {end.isoformat()}; on or after)")
    return Inferred(None, "", "")


def _year_matching(md: Cue, weekday: int, anchor: dt.date | None) -> int | None:
    centre = anchor.year if anchor else dt.date.today().year
    for delta in (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6):
        try:
            if dt.date(centre + delta, md.month, md.day).weekday() == weekday:
                return centre + delta
        except ValueError:
            return None
    return None


def _nearest_year(md: Cue, anchor: dt.date) -> int:
    candidates = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(dt.date(y, md.month, md.day))
        except ValueError:
            pass
    return min(candidates, key=lambda d: abs((d - anchor).days)).year
