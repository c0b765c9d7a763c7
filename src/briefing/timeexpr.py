"""Temporal expressions resolved against an anchor date (the article's publication date).

Patterns live in data/time_expressions.tsv; each has a resolver here. resolve(text, anchor) returns the
FIRST expression in the text as a TimeRef with the window start/end, precision (day / week / month /
range / year) and the phrase as evidence; find_all returns every one, with where it is and which rule
matched. Which of them says when a claim was made is decided in claimdate.py.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .dates import MONTHS, WEEKDAYS
from .resources import read_table

# One table of month and weekday names for the whole package (dates.py reads publication dates).
_MONTHS = MONTHS
_WEEKDAYS = WEEKDAYS
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "twelve": 12, "few": 3, "several": 3}

_RULES = [(r["kind"], r["pattern"]) for r in read_table("time_expressions.tsv")]


def _prefixed(kind: str, pattern: str) -> str:
    # group names are per-kind so one combined regex can hold every pattern
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{kind}__{m.group(1)}>", pattern)


TIME_RE = re.compile("|".join(f"(?P<k_{k}>{_prefixed(k, p)})" for k, p in _RULES), re.IGNORECASE)
# the same pattern, lower-cased, run case-sensitively on lower-cased text (several times faster)
TIME_LC = re.compile(TIME_RE.pattern.lower().replace("(?p<", "(?P<"))


@dataclass
class TimeRef:
    start: dt.date
    end: dt.date
    precision: str
    evidence: str
    offset: int = 0          # where the phrase starts in the text searched
    kind: str = ""           # the rule in data/time_expressions.tsv that matched
    stop: int = 0            # where the phrase ends


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _past_year(anchor: dt.date, m: int, d: int = 1, slack: int = 7) -> int:
    """Year of a month(-day) written without a year: the latest one not (much) after the anchor."""
    try:
        cand = dt.date(anchor.year, m, d)
    except ValueError:
        cand = dt.date(anchor.year, m, 1)
    return anchor.year if cand <= anchor + dt.timedelta(days=slack) else anchor.year - 1


def _resolve(kind: str, g: dict, a: dt.date) -> tuple[dt.date, dt.date, str] | None:
    month = _MONTHS.get((g.get("month") or "").lower().rstrip("."))
    year = int(g["year"]) if g.get("year") else None
    if kind in ("since_month", "since_year"):
        rel = (g.get("rel") or "").lower()
        y = year or (a.year - (rel == "last year") if rel else _past_year(a, month) if month else a.year)
        return dt.date(y, month or 1, 1), a, "range"
    if kind in ("between_days", "between_days_dm"):
        d1, d2 = int(g["day"]), int(g["day2"])
        m2 = _MONTHS.get((g.get("month2") or "").lower().rstrip("."), month)
        if kind == "between_days_dm":      # "between 8 October and 13 November": month2 names the first
            month, m2 = (m2, month) if g.get("month2") else (month, month)
        y = year or _past_year(a, month, d1)
        try:
            lo = dt.date(y, month, d1)
            hi = dt.date(y + (m2 < month), m2, d2)
        except ValueError:
            return None
        return (lo, hi, "range") if lo <= hi else None
    if kind == "past_n":
        n = 1 if not g.get("n") else int(g["n"]) if g["n"].isdigit() else _SMALL[g["n"].lower()]
        u = g["unit"].lower().rstrip("s")
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[u] * n
        return a - dt.timedelta(days=days), a, "range"
    if kind == "iso_day":
        try:
            d = dt.date(year, int(g["mnum"]), int(g["day"]))
        except ValueError:
            return None
        return d, d, "day"
    if kind in ("month_day", "day_month"):
        d = int(g["day"])
        if not 1 <= d <= 31:
            return None
        y = year or _past_year(a, month, d)
        try:
            day = dt.date(y, month, d)
        except ValueError:
            return None
        return day, day, "day"
    if kind == "by_month":
        y = year or (a.year if month >= a.month else a.year + 1)
        return a, _month_end(y, month), "range"
    if kind == "part_month":
        y = year or _past_year(a, month)
        part = g["part"].lower()
        last = calendar.monthrange(y, month)[1]
        lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, last), "the end of": (21, last)}.get(part, (1, 10))
        return dt.date(y, month, lo), dt.date(y, month, hi), "range"
    if kind == "month":
        y = year or _past_year(a, month)
        return dt.date(y, month, 1), _month_end(y, month), "month"
    if kind == "rel_day":
        n = {"today": 0, "yesterday": 1}.get(g["word"].lower(), 2)
        d = a - dt.timedelta(days=n)
        return d, d, "day"
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else _SMALL[g["n"].lower()]
        u = g["unit"].lower().rstrip("s")
        if u == "day":
            d = a - dt.timedelta(days=n)
            return d, d, "day"
        if u == "week":
            d = a - dt.timedelta(weeks=n)
            return d - dt.timedelta(days=d.weekday()), d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=6), "week"
        m0 = (a.year * 12 + a.month - 1) - n
        y, m = divmod(m0, 12)
        return dt.date(y, m + 1, 1), _month_end(y, m + 1), "month"
    if kind == "weekday":
        wd = _WEEKDAYS[g["weekday"].lower()]
        back = (a.weekday() - wd) % 7
        if (g.get("which") or "").lower() == "last" and back == 0:
            back = 7
        d = a - dt.timedelta(days=back)
        return d, d, "day"
    if kind == "week":
        w = g["which"].lower()
        monday = a - dt.timedelta(days=a.weekday())
        if w in ("last week", "the previous week"):
            monday -= dt.timedelta(days=7)
            return monday, monday + dt.timedelta(days=6), "week"
        if w == "past week":
            return a - dt.timedelta(days=7), a, "week"
        return monday, a, "week"
    if kind == "month_rel":
        w = g["which"].lower()
        if w in ("last month", "the previous month"):
            y, m = (a.year, a.month - 1) if a.month > 1 else (a.year - 1, 12)
            return dt.date(y, m, 1), _month_end(y, m), "month"
        if w == "past month":
            return a - dt.timedelta(days=30), a, "month"
        if w == "next month":
            y, m = (a.year, a.month + 1) if a.month < 12 else (a.year + 1, 1)
            return dt.date(y, m, 1), _month_end(y, m), "month"
        return dt.date(a.year, a.month, 1), a, "month"
    if kind == "year_rel":
        y = a.year + {"this year": 0, "last year": -1, "next year": 1}[g["which"].lower()]
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    if kind == "in_year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    return None


def find_all(text: str, anchor: dt.date):
    """Every resolvable time expression in `text`, in order."""
    low = text.lower()
    matches = TIME_LC.finditer(low) if len(low) == len(text) else TIME_RE.finditer(text)
    for m in matches:
        kind = m.lastgroup[2:] if m.lastgroup and m.lastgroup.startswith("k_") else None
        if kind is None:
            kind = next(k for k, _ in _RULES if m.group(f"k_{k}") is not None)
        g = {name.split("__", 1)[1]: v for name, v in m.groupdict().items()
             if name.startswith(kind + "__") and v is not None}
        r = _resolve(kind, g, anchor)
        if r:
            yield TimeRef(r[0], r[1], r[2], text[m.start():m.end()].strip(), m.start(), kind, m.end())


def resolve(text: str, anchor: dt.date | str | None) -> TimeRef | None:
    """The first time expression in `text` resolved against `anchor` (None without an anchor or phrase)."""
    if not anchor:
        return None
    if isinstance(anchor, str):
        try:
            anchor = dt.date.fromisoformat(anchor[:10])
        except ValueError:
            return None
    return next(find_all(text, anchor), None)
