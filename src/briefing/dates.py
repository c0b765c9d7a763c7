"""Dates as news pages write them: parse "Oct. 22, 2024 - 15:40", "13.01.2025 12:44",
"16:20, 28 April 2025" or "2024년 10월 22일"; find the full dates (with a year) and the
month-days (without one) in a text; read the date an article's URL carries.

Only the grammar of dates is here; which date an article gets is decided in ``pubdate``.

Editorial choices (a wrong date is worse than none):
- "13.01.2025" and "05.11.2024" (dots) are day-first, as every outlet that writes dots means it
  (European and Russian usage: 5 November); "2025.02.18" (a four-digit year first) is year-month-day;
- slashes are read in the only order that gives a date: "28/10/2024" is 28 October (day-first, as
  European outlets write it), "10/28/2024" is 28 October (month-first, as American ones do). When both
  numbers are 12 or less and differ ("03/04/2025": 3 April or 4 March?) nothing in the date says which,
  so it gives NO date (``ambiguous`` lists it, so the evidence can say why); an outlet's habit is not
  evidence enough, since aggregators and wires republish in both orders;
- a Korean state-media date "Juche114(2025).4.29." is year.month.day in the Juche calendar
  (Juche 1 = 1912); a Gregorian year written beside it must agree;
- a weekday written beside a date must be that date's weekday, else the date is not trusted;
- a date in a URL counts only in its path or query (a host named "2024election.com" is no date),
  from the patterns in data/url_date_patterns.tsv.
dateparser (installed with htmldate) was tried for the publication lines: it reads "05.01.2025" as
May 1 unless told the order, fills a missing year with the current one unless told not to, and
costs ~1.6 ms a call (minutes on a 100,000-article archive); these few patterns are exact and fast.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from .resources import read_table

MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in names}
WEEKDAYS = {d: i for i, names in enumerate(
    [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
     ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")]) for d in names}
EARLIEST_YEAR = 1990     # no page on this story is older; a smaller "year" is an ID or a count

_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
MONTH_WORD = _MON.replace("(?P<mon>", "(?:").replace(")\\.?", ")\\b\\.?")   # a month, whole or short, no group
_CLOCK = r"\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
_TIME = r"(?:[\s,\-–—|]+(?:at\s+)?(?P<time>" + _CLOCK.replace("[:.h]", ":") + r"))?"
_TIME_BEFORE = r"(?:(?P<time0>\d{1,2}:\d{2})(?:\s*[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\s*)?[,|]?\s+)?"
_WD = r"(?P<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"

# month/day/year as written; _to_date swaps the two when the first cannot be a month
_SLASH = re.compile(r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})(?![\d/])" + _TIME)

# (pattern, order) -- order says how the numbers are read: "mdy", "dmy", "ymd", "slash" (m/d/y when
# unambiguous), "dot" (d.m.y), "juche"
_PATTERNS = [
    # "Dec. 20, 2024", and a stamp's run-together "Dec.20,2024"
    (re.compile(_TIME_BEFORE + r"\b" + _MON + r"(?:\s+|(?<=\.))(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<year>\d{4})\b"
                + _TIME, re.I), "mdy"),
    (re.compile(_TIME_BEFORE + r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+(?P<year>\d{4})\b" + _TIME, re.I), "dmy"),
    (re.compile(r"(?<![\d.])(?P<year>\d{4})[-./](?P<month>\d{1,2})[-./](?P<day>\d{1,2})(?![\d])\.?"
                r"(?:[ T,]+(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?"), "ymd"),
    (re.compile(r"(?P<year>\d{4})\s*년\s*(?P<month>\d{1,2})\s*월\s*(?P<day>\d{1,2})\s*일"
                r"(?:\s*(?:[가-힣]+\s*)?(?P<time>\d{1,2}:\d{2}))?"), "ymd"),
    (re.compile(_TIME_BEFORE + r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?![\d])"
                r"(?:,?\s+(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?"), "dot"),
    (_SLASH, "slash"),
    (re.compile(r"\bJuche\s*(?P<juche>\d{1,3})\s*(?:\(\s*(?P<year>\d{4})\s*\))?\.\s*(?P<month>\d{1,2})\.\s*"
                r"(?P<day>\d{1,2})\b\.?", re.I), "juche"),
]
JUCHE_OFFSET = 1911      # Juche 1 is 1912, the year Kim Il Sung was born
WEEKDAY_WORD = re.compile(r"\b" + _WD + r"\b\.?", re.I)


@dataclass(frozen=True)
class Found:
    """A full date found in a text: the date, the clock time after it, and where it was written."""
    date: dt.date
    time: str
    start: int
    end: int
    phrase: str


def _to_date(g: dict, order: str) -> dt.date | None:
    try:
        if order == "juche":
            year = int(g["juche"]) + JUCHE_OFFSET
            if g.get("year") and int(g["year"]) != year:
                return None      # "Juche114(2024)": the two calendars disagree
        else:
            year = int(g["year"])
        if order in ("mdy", "dmy"):
            month, day = MONTHS[g["mon"].lower().rstrip(".")], int(g["day"])
        else:
            month, day = int(g["month"]), int(g["day"])
            if order == "slash":
                if slash_ambiguous(month, day):
                    return None      # 05/01/2025: May 1 or 5 January; a wrong guess is worse than none
                if month > 12:
                    month, day = day, month      # 28/10/2024: day-first
        if year < EARLIEST_YEAR:
            return None
        return dt.date(year, month, day)
    except (ValueError, KeyError):
        return None


def slash_ambiguous(first: int, second: int) -> bool:
    """Whether "first/second/year" reads as a date both ways (03/04/2025), so it cannot be read."""
    return first <= 12 and second <= 12 and first != second


def ambiguous(text: str) -> list[str]:
    """The slashed dates in ``text`` that read as two different days ("03/04/2025")."""
    return [m.group(0)[:m.end("year") - m.start()] for m in _SLASH.finditer(text or "")
            if slash_ambiguous(int(m.group("month")), int(m.group("day")))]


def month_first(slashed: str) -> dt.date | None:
    """A slashed date read month first ("02/04/2025" = February 4), for a page that says it is
    American (metadata: a North American time zone beside it)."""
    m = _SLASH.match(slashed)
    if m is None:
        return None
    try:
        d = dt.date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    except ValueError:
        return None
    return d if d.year >= EARLIEST_YEAR else None


def find_dates(text: str) -> list[Found]:
    """Every full date (day, month and year) written in ``text``, in text order, overlaps dropped."""
    found: list[Found] = []
    for pat, order in _PATTERNS:
        for m in pat.finditer(text or ""):
            d = _to_date(m.groupdict(), order)
            if d is None:
                continue
            g = m.groupdict()
            found.append(Found(d, g.get("time") or g.get("time0") or "", m.start(), m.end(), m.group(0).strip()))
    found.sort(key=lambda f: (f.start, -f.end))
    out: list[Found] = []
    for f in found:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


def parse_date(s: str) -> tuple[dt.date | None, str]:
    """The first full date (with year) in s, and the clock time beside it if any."""
    got = find_dates(s)
    return (got[0].date, got[0].time) if got else (None, "")


def weekday_conflict(s: str, d: dt.date) -> str:
    """'' when every weekday named in s is d's weekday; else the clashing weekday word."""
    for m in WEEKDAY_WORD.finditer(s or ""):
        word = m.group("wd").lower()
        if WEEKDAYS.get(word) is not None and WEEKDAYS[word] != d.weekday():
            return m.group(0)
    return ""


def parse_iso(s: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s).strip()[:10])
    except ValueError:
        return None


# --- month-days without a year ("Oct. 17", "17 October") --------------------------------------

_MONTHDAY = re.compile(r"\b" + _MON + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d{4})(?!\s*(?:km|mm|%|percent))"
                       r"|\b(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>january|february|march|april|may|june|july|"
                       r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?"
                       r"(?!,?\s+\d{4})", re.I)


def find_monthdays(text: str) -> list[tuple[int, int, int, str]]:
    """(month, day, start, phrase) of every month-day written without a year."""
    out = []
    for m in _MONTHDAY.finditer(text or ""):
        mon, day = (m.group("mon"), m.group("day")) if m.group("mon") else (m.group("mon2"), m.group("day2"))
        month, d = MONTHS[mon.lower().rstrip(".")], int(day)
        if not 1 <= d <= 31:
            continue
        if mon[0].islower() and mon.lower().startswith("may"):
            continue      # "may 5 units": a verb
        out.append((month, d, m.start(), m.group(0).strip()))
    return out


def month_window(year: int, month: int, part: str = "") -> tuple[dt.date, dt.date]:
    """The days "in (early|mid|late) <month> <year>" covers."""
    first = dt.date(year, month, 1)
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
    if part == "early":
        return first, dt.date(year, month, 10)
    if part == "mid":
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if part == "late":
        return dt.date(year, month, 21), last
    return first, last


def weekday_on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


# --- dates in URLs ----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _url_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r["pattern"], re.I), r["precision"]) for r in read_table("url_date_patterns.tsv"))


@dataclass(frozen=True)
class UrlDate:
    earliest: dt.date
    latest: dt.date        # == earliest for a day; the month's last day for "/2024/10/"
    phrase: str            # the part of the URL that says it


def url_date(url: str) -> UrlDate | None:
    """The date an article's URL carries in its path or query, or None (none, or two that differ)."""
    url = (url or "").strip()
    if not url:
        return None
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
    except ValueError:
        return None
    where = parts.path + ("?" + parts.query if parts.query else "")
    got: dict[tuple, str] = {}
    for pat, precision in _url_patterns():
        for m in pat.finditer(where):
            try:
                y, mo = int(m.group("year")), int(m.group("month"))
                if y < EARLIEST_YEAR:
                    continue
                if precision == "day":
                    d = dt.date(y, mo, int(m.group("day")))
                    got.setdefault((d, d), m.group(0))
                else:
                    got.setdefault(month_window(y, mo), m.group(0))
            except (ValueError, IndexError):
                continue
    if not got:
        return None
    days = [k for k in got if k[0] == k[1]]
    if days:
        # a day inside a month the URL also names is the same claim; two different days are a conflict
        if len(set(days)) > 1 or any(not (k[0] <= days[0][0] <= k[1]) for k in got):
            return None
        return UrlDate(days[0][0], days[0][1], got[days[0]])
    if len(got) > 1:
        return None
    (lo, hi), phrase = next(iter(got.items()))
    return UrlDate(lo, hi, phrase)
