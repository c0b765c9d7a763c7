"""Dates as news text writes them: parse "Oct. 22, 2024 - 15:40", and find the
cues an undated article leaves ("Oct. 17", "Kim said Thursday", "in late October",
"last week") so its publication date can be inferred.

Only the grammar of dates is here; which cue wins is decided in ``pubdate``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in names}
WEEKDAYS = {d: i for i, names in enumerate(
    [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
     ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")]) for d in names}

_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_TIME = r"(?:[\s,\-–—|]+(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?))?"
_PATTERNS = [
    re.compile(_MON + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME, re.I),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+(?P<year>\d{4})" + _TIME, re.I),
    re.compile(r"(?P<year>\d{4})[-./](?P<month>\d{1,2})[-./](?P<day>\d{1,2})(?:[ T]+(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?"),
]


def parse_date(s: str) -> tuple[dt.date | None, str]:
    """First full date (with year) in s, and the clock time after it if any."""
    for pat in _PATTERNS:
        m = pat.search(s or "")
        if not m:
            continue
        g = m.groupdict()
        month = int(g["month"]) if g.get("month") else MONTHS[g["mon"].lower().rstrip(".")]
        try:
            return dt.date(int(g["year"]), month, int(g["day"])), (g.get("time") or "")
        except ValueError:
            continue
    return None, ""


def parse_iso(s: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s).strip()[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Cue:
    """A date cue in an article: kind is full (a date with year), monthday, month,
    weekday or relative; the fields it fixes are set, the others None."""
    kind: str
    phrase: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: str = ""          # early / mid / late for "in late October"


_MONTHDAY = re.compile(r"\b" + _MON + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d{4})(?!\s*(?:km|mm|percent|%))", re.I)
# A month named as time, not as a name ("May" is also a verb and a name): a preposition before it.
_MONTH = re.compile(r"\b(?P<prep>(?i:in|since|by|until|from|of|during|early|late|mid|end of))\s+(?:(?P<part>(?i:early|mid|late))[- ])?"
                    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)\b"
                    r"(?:\s+(?P<year>\d{4}))?")
_WEEKDAY = re.compile(r"\b(?:(?P<rel>last|this|next|on|since|early|late)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_RELATIVE = re.compile(r"\b(?:yesterday|today|tonight|last (?:week|month|year|weekend)|this (?:week|month|year|weekend)|"
                       r"earlier this (?:week|month|year)|(?:a|one|two|three|\d+) (?:days?|weeks?) ago)\b", re.I)


def find_cues(text: str) -> list[Cue]:
    cues: list[Cue] = []
    for pat in _PATTERNS[:2]:
        for m in pat.finditer(text):
            d, _ = parse_date(m.group(0))
            if d:
                cues.append(Cue("full", m.group(0), d.year, d.month, d.day))
    for m in _MONTHDAY.finditer(text):
        day = int(m.group("day"))
        if 1 <= day <= 31:
            cues.append(Cue("monthday", m.group(0), None, MONTHS[m.group("mon").lower().rstrip(".")], day))
    for m in _MONTH.finditer(text):
        year = int(m.group("year")) if m.group("year") else None
        part = (m.group("part") or "").lower() or (m.group("prep").lower() if m.group("prep").lower() in ("early", "late", "mid") else "")
        cues.append(Cue("month", m.group(0), year, MONTHS[m.group("mon").lower()], part=part))
    for m in _WEEKDAY.finditer(text):
        if (m.group("rel") or "").lower() in ("next",):
            continue  # a future day says nothing of when the article was written
        cues.append(Cue("weekday", m.group(0), weekday=WEEKDAYS[m.group("wd").lower()]))
    for m in _RELATIVE.finditer(text):
        cues.append(Cue("relative", m.group(0)))
    return cues


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
