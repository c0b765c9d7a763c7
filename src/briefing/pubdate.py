"""An article's publication date, from that article (and its manifest row) alone.

Sources, most trusted first; the first that gives a date wins and ``source`` says which:
1. manifest   the analyst's sources.csv (``published``);
2. jsonl/html the record's ``published`` field, or the page's metadata (htmldate, metadata only:
              its "extensive search" of the visible text takes photo-caption dates);
3. url        a date in the article's address (manifest ``url``, the record's ``url``, an address
              printed on the page's first or last lines): "/2024/10/28/", "2024-10-31", "20241028";
              "/2024/10/" alone gives the month as a window;
4. text       the page's own date line ("Published : ...", "Posted ...", "By X | October 31, 2024",
              "13.01.2025 12:44", "Friday 8 November 2024"), a scraper's date prefix on the first
              line, a dateline with its date ("SEOUL, Nov. 4 (Yonhap) --") when the year is written
              there or the article supplies it; an "Updated ..." line only when nothing else dates
              the page; "November 2024" on its own line gives a window;
5. inferred   the article's own sentences only: "today (Oct. 17, 2024)" or "yesterday, Oct. 16,
              2024" fix the day. A full date in the body is a lower bound (the article appeared on
              or after it), never the publication date.
Otherwise ``unknown``. Editorial choices (a wrong date is worse than none):
- no corpus anchor: a weekday, "yesterday" or a month-day without a year never borrows a year or
  a week from other articles, so the same file gets the same dates in any folder;
- nothing later than the day of the run; two sources of the same rank that disagree give
  ``unknown`` with both in the evidence; a date line whose weekday is not its date's is not used;
- dates in photo captions, credits, "Read also"/related links, headings and list items, and dates
  a cue to come introduces (up to 60 characters before) ("scheduled for Jan. 10, 2025") are not evidence (data/date_evidence.tsv);
  "originally published on X" in a republished piece is a lower bound, not this page's date;
- a dateline's month-day takes its year from the article: the URL or a "November 2024" line, else
  the latest full date in the body, when the dateline falls within half a year after it (not before
  it: a dateline earlier than a date the body already reports means that date was a future one,
  or the year turned; either way we cannot tell).

``precision`` is day (``published`` set, earliest == latest), window (``published`` empty, the
article appeared between ``earliest`` and ``latest``) or unknown (``earliest`` may still hold the
lower bound the body gives; ``latest`` is empty).

``written`` is the day the article's own text was written, when the article says so and it is earlier
than the page ("This article was originally published on X", "Recorded on Jan. 30"): the page keeps
its own publication date, and its claims date from the day they were written (claimdate.from_written).
A stamp counted back from the save ("Updated: 4 hrs ago") dates nothing and is only noted.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import Found, find_dates, month_window, parse_iso, url_date
from .metadata import DateLine
from .timeexpr import find_all
from .resources import read_table

# A dateline's month-day is dated from a body date at most this long before it.
DATELINE_REACH = dt.timedelta(days=183)
_ANCHORED = re.compile(r"\b(?P<rel>today|tonight|this morning|yesterday|the day before yesterday)\s*[,(]\s*"
                       r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$", re.I)
# cues that date nothing without a date the article supplies; listed in an unknown date's evidence
_LOOSE = re.compile(r"\b(?:(?:on|last|this|since|early|late)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                    r"Sunday)\b|\b(?:yesterday|last week|this week|earlier this month|last month)\b|"
                    r"\b(?:in\s+)?(?:early|mid|late)[- ](?:January|February|March|April|May|June|July|August|"
                    r"September|October|November|December)\b")
_YEARISH = re.compile(r"(?:19|20)\d\d")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s*$|[\"”’]\s*$")


@dataclass(frozen=True)
class PubDate:
    published: str = ""       # ISO day, or "" unless precision is day
    precision: str = "unknown"
    earliest: str = ""
    latest: str = ""
    source: str = "unknown"   # manifest / jsonl / html / url / text / inferred / unknown
    evidence: str = ""
    time: str = ""
    written: str = ""         # ISO day the article's own text was written, when it says so and it is earlier
    recorded: bool = False    # ... and it is a recording's day: only what its speakers say dates from it


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern]:
    by_kind: dict[str, list[str]] = {}
    for r in read_table("date_evidence.tsv"):
        by_kind.setdefault(r["kind"], []).append(f"(?:{r['pattern']})")
    return {k: re.compile("|".join(v), re.I) for k, v in by_kind.items()}


# the day a piece's own text was written is read this far after its cue ("This article was first
# published by the Example Forum in Washington on Nov. 2, 2024")
WRITTEN_REACH = 100
_SENTENCE_STOP = re.compile(r"[.!?;]\s+(?=[A-Z\"“])")
# (an interview's day counts like a recording's: only what the interviewee says dates from it)
_RECORDED = re.compile(r"\b(?:recorded|taped|spoke|received|met|interviewed)\b", re.I)
_ON = re.compile(r"^[\s,]*(?:on|at|in)?\s*$", re.I)


def written_date(body: str, published: dt.date | None, today: dt.date) -> tuple[dt.date | None, str]:
    """The day this article's own text was written or recorded, when the article says so and it is
    not its publication day: a republished piece ("This article was originally published on Dec. 3,
    2024"), a recorded episode ("Recorded on Jan. 30", "this week's episode, recorded on Tuesday").
    Its claims were made by that day, and "said Monday" in it counts from that day.

    A full date counts alone; a weekday or a month-day without a year only against the article's
    own publication day. The day must not be after the publication (nor more than a year before it)
    or after today; two cues giving different days give none. Returns (day, evidence) or (None, why).
    """
    pat = _rules().get("written")
    if pat is None:
        return None, ""
    got: dict[dt.date, str] = {}
    for para in body.split("\n"):
        m = pat.search(para)
        if not m:
            continue
        after = _SENTENCE_STOP.split(para[m.end():m.end() + WRITTEN_REACH], maxsplit=1)[0]
        found = find_dates(after)
        if found:
            got.setdefault(found[0].date, para[m.start():m.end() + found[0].end].strip())
            continue
        if published is None:
            continue
        ref = next(iter(find_all(after, published)), None)
        if ref is not None and ref.precision == "day" and _ON.match(after[:ref.offset]):
            got.setdefault(ref.start, para[m.start():m.end() + ref.stop].strip())
    if len(got) != 1:
        return None, ("cues for when the text was written disagree: " + "; ".join(got.values())) if got else ""
    day, phrase = next(iter(got.items()))
    if day > today or (published is not None and day > published):
        return None, f"'{phrase}' is after the article: not used"
    if published is not None and day < published - dt.timedelta(days=366):
        return None, f"'{phrase}' is more than a year before the article: not used"
    if published is not None and day == published:
        return None, ""
    return day, phrase


def not_evidence(paragraph: str) -> str:
    """The kind (caption, credit, related, original) of a paragraph that is no evidence of
    this article's date, or ''."""
    rules = _rules()
    for kind in ("caption", "credit", "related", "original"):
        if rules[kind].search(paragraph):
            return kind
    return ""


def _future(paragraph: str, f: Found) -> bool:
    return bool(_rules()["future"].search(paragraph[max(0, f.start - 60):f.start]))


@dataclass(frozen=True)
class BodyEvidence:
    lower: tuple[dt.date, str] | None        # latest full date the article's own sentences report
    anchored: list[tuple[dt.date, str]]      # days fixed by "today (Oct. 17, 2024)" / "yesterday, ..."
    original: tuple[dt.date, str] | None     # "originally published on X"
    ignored: list[str]                       # dates left out, with why (shown in the evidence)
    loose: list[str]                         # weekdays, "yesterday", "in late October": nothing to resolve them


def body_evidence(body: str, today: dt.date) -> BodyEvidence:
    """Date evidence in an article's cleaned body, one pass over its paragraphs."""
    lower, original = None, None
    anchored: list[tuple[dt.date, str]] = []
    ignored: list[str] = []
    for para in body.split("\n"):
        para = para.strip()
        if not _YEARISH.search(para):
            continue            # every full date has its year; most paragraphs have none
        found = find_dates(para)
        if not found:
            continue
        kind = not_evidence(para)
        if kind == "original":
            f = max(found, key=lambda f: f.date)
            if f.date <= today and (original is None or f.date > original[0]):
                original = (f.date, para[:120])
            continue
        if kind:
            ignored += [f"{f.phrase} ({kind})" for f in found]
            continue
        if len(para) < 150 and not _SENTENCE_END.search(para):
            ignored += [f"{f.phrase} (heading or list item)" for f in found]
            continue
        for f in found:
            if f.date > today:
                ignored.append(f"{f.phrase} (after today)")
                continue
            w = max(0, f.start - 30)
            m = _ANCHORED.search(para[w:f.start])
            if m:
                back = {"yesterday": 1, "the day before yesterday": 2}.get(m.group("rel").lower(), 0)
                anchored.append((f.date + dt.timedelta(days=back), para[w + m.start():f.end]))
                continue
            if _future(para, f):
                ignored.append(f"{f.phrase} (a date to come)")
                continue
            if lower is None or f.date > lower[0]:
                lower = (f.date, f.phrase)
    loose = []
    for m in _LOOSE.finditer(body[:20000]):
        if m.group(0) not in loose:
            loose.append(m.group(0))
            if len(loose) == 4:
                break
    return BodyEvidence(lower, anchored, original, ignored, loose)


def _day(d: dt.date, source: str, evidence: str, time: str = "") -> PubDate:
    return PubDate(d.isoformat(), "day", d.isoformat(), d.isoformat(), source, evidence, time)


def _parse_value(value) -> dt.date | None:
    from .dates import parse_date
    s = str(value or "").strip()
    return parse_iso(s) or parse_date(s)[0] if s else None


def decide(*, manifest_published: str = "", record_published: str = "", record_kind: str = "",
           urls: list[tuple[str, str]] = (), lines: list[DateLine] = (), body: str = "",
           today: dt.date | None = None) -> PubDate:
    """The publication date of one article from its own evidence, and the day its text was written
    when the article says so (``written``: a republished piece, a recorded episode).

    ``record_kind`` is "jsonl" or "html" (where ``record_published`` came from); ``urls`` are
    (address, where it was found); ``lines`` the text's date lines (metadata.extract); ``body``
    the cleaned text.
    """
    today = today or dt.date.today()
    p = _decide(manifest_published=manifest_published, record_published=record_published,
                record_kind=record_kind, urls=urls, lines=lines, body=body, today=today)
    day = dt.date.fromisoformat(p.published) if p.published else None
    written, phrase = written_date(body, day, today)
    if written is not None and p.latest and written > dt.date.fromisoformat(p.latest):
        written, phrase = None, f"'{phrase}' is after the article: not used"
    if written is not None:
        # a recording's day dates what was said in it; the page's own lines were written for the page
        recorded = bool(_RECORDED.search(phrase))
        note = (f"recorded {written.isoformat()} ('{phrase}'): what its speakers claim dates from that day" if recorded
                else f"text written {written.isoformat()} ('{phrase}'): its claims date from that day")
        return PubDate(**{**p.__dict__, "written": written.isoformat(), "recorded": recorded,
                          "evidence": "; ".join(filter(None, [p.evidence, note]))})
    if phrase:
        return PubDate(**{**p.__dict__, "evidence": "; ".join(filter(None, [p.evidence, phrase]))})
    return p


def _decide(*, manifest_published: str, record_published: str, record_kind: str,
            urls: list[tuple[str, str]], lines: list[DateLine], body: str, today: dt.date) -> PubDate:
    notes: list[str] = []

    # 1-2. the analyst's manifest, then the record's or page's own metadata
    for value, source, label in ((manifest_published, "manifest", "sources.csv"),
                                 (record_published, record_kind or "jsonl", f"{record_kind or 'jsonl'} field 'published'"
                                  if record_kind != "html" else "page metadata (htmldate)")):
        if not value:
            continue
        d = _parse_value(value)
        if d is None:
            notes.append(f"{label}: {value!r} is not a date")
        elif d > today:
            notes.append(f"{label}: {d.isoformat()} is after today, not used")
        else:
            return _day(d, source, "; ".join([f"{label}: {value}", *notes]))

    body_ev = body_evidence(body, today)
    lower = body_ev.lower
    if body_ev.original and (lower is None or body_ev.original[0] > lower[0]):
        lower = (body_ev.original[0], f"originally published {body_ev.original[0].isoformat()}")

    def with_lower(p: PubDate) -> PubDate:
        """Note a body date later than the chosen day (a date to come we did not recognise, or a
        wrong day): the analyst sees both."""
        if lower and p.published and lower[0] > dt.date.fromisoformat(p.published) + dt.timedelta(days=1):
            return PubDate(**{**p.__dict__, "evidence": p.evidence + f"; note: the body reports a later date, {lower[1]}"})
        return p

    # 3. the article's address
    window: tuple[dt.date, dt.date, str, str] | None = None      # (earliest, latest, source, evidence)
    got = []
    for url, where in urls:
        ud = url_date(url)
        if ud is not None:
            got.append((ud, url, where))
    if got:
        spans = {(g[0].earliest, g[0].latest) for g in got}
        ev = "; ".join(f"url ({where}): {ud.phrase} in {url}" for ud, url, where in got)
        if len(spans) > 1:
            days = [s for s in spans if s[0] == s[1]]
            months = [s for s in spans if s[0] != s[1]]
            if len(days) == 1 and all(m[0] <= days[0][0] <= m[1] for m in months):
                spans = set(days)
            else:
                notes.append(f"addresses disagree ({ev}), not used")
                got = []
    if got:
        lo, hi = next(iter(spans))
        if lo > today:
            notes.append(f"{ev}: after today, not used")
        elif lo == hi:
            return with_lower(_day(lo, "url", "; ".join([ev, *notes])))
        else:
            window = (lo, min(hi, today), "url", ev)

    # 4. the text's own date lines
    usable = []
    for ln in lines:
        if ln.kind == "relative":
            notes.append(f"'{ln.phrase}': counted from when the page was saved, which the text does not say")
        elif ln.problem:
            notes.append(f"'{ln.phrase}': {ln.problem}, not used")
        elif ln.date is not None and ln.date > today:
            notes.append(f"'{ln.phrase}': after today, not used")
        else:
            usable.append(ln)
    top = [ln for ln in usable if ln.date is not None and ln.kind in ("published", "byline", "prefix", "dateline")]
    if top:
        days = sorted({ln.date for ln in top})
        phrases = "; ".join(f"'{ln.phrase}'" + (f" ({ln.note})" if ln.note else "") for ln in top)
        if len(days) == 1:
            t = next((ln.time for ln in top if ln.time), "")
            return with_lower(_day(days[0], "text", "; ".join([f"text: {phrases}", *notes]), t))
        notes.append(f"the text gives different dates ({phrases})")
        return _unknown(lower, notes, body_ev)
    month_lines = [ln for ln in usable if ln.kind == "monthyear"]
    if month_lines and window is None:
        months = {(int(ln.time), ln.month) for ln in month_lines}
        if len(months) == 1:
            y, m = next(iter(months))
            lo, hi = month_window(y, m)
            if lo <= today:
                window = (lo, min(hi, today), "text", f"text: '{month_lines[0].phrase}'")
    monthdays = [ln for ln in usable if ln.kind in ("monthday", "dateline") and ln.date is None]
    for ln in monthdays[:1]:
        d, how = _year_for(ln.month, ln.day, window, lower, today)
        if d is not None:
            return with_lower(_day(d, "text", "; ".join([f"text: '{ln.phrase}', {how}", *notes])))
        notes.append(f"'{ln.phrase}': {how}")
    updated = sorted({ln.date for ln in usable if ln.kind == "updated" and ln.date is not None})
    if len(updated) == 1 and window is None:
        ln = next(ln for ln in usable if ln.kind == "updated")
        how = f"{ln.note}; the page gives no other date" if ln.note else "the page gives no other date"
        return with_lower(_day(updated[0], "text", "; ".join([f"text: '{ln.phrase}' ({how})", *notes])))

    # 5. inferred from the article's own sentences
    anchored = sorted({d for d, _ in body_ev.anchored if d <= today})
    if len(anchored) == 1 and (window is None or window[0] <= anchored[0] <= window[1]):
        phrase = next(p for d, p in body_ev.anchored if d == anchored[0])
        return with_lower(_day(anchored[0], "inferred", "; ".join([f"inferred: '{phrase}'", *notes])))
    if len(anchored) > 1:
        notes.append("'today'/'yesterday' point at different days: " + ", ".join(p for _, p in body_ev.anchored))
    if window is not None:
        lo, hi, source, ev = window
        if lower and lower[0] > lo:
            if lower[0] <= hi:
                lo = lower[0]
                ev += f"; on or after {lower[1]} (a date the body reports)"
            else:
                notes.append(f"the body reports {lower[1]}, after the window")
        if lo == hi:
            return _day(lo, source, "; ".join([ev, *notes]))
        return PubDate("", "window", lo.isoformat(), hi.isoformat(), source, "; ".join([ev, *notes]))
    return _unknown(lower, notes, body_ev)


def _unknown(lower, notes: list[str], body_ev: BodyEvidence) -> PubDate:
    parts = []
    if lower:
        parts.append(f"on or after {lower[0].isoformat()} ({lower[1]})")
    parts += notes
    if body_ev.loose:
        parts.append("cues with nothing in the article to resolve them: " + ", ".join(f"'{c}'" for c in body_ev.loose))
    if body_ev.ignored:
        parts.append("not evidence: " + ", ".join(body_ev.ignored[:5]) + (" ..." if len(body_ev.ignored) > 5 else ""))
    return PubDate("", "unknown", lower[0].isoformat() if lower else "", "", "unknown", "; ".join(parts))


def _year_for(month: int, day: int, window, lower, today: dt.date) -> tuple[dt.date | None, str]:
    """The year of a dateline's (or an undated date line's) month-day, from the article itself."""
    def make(y):
        try:
            return dt.date(y, month, day)
        except ValueError:
            return None
    if window is not None:
        lo, hi = window[0], window[1]
        cands = {c for y in range(lo.year, hi.year + 1) if (c := make(y)) and lo <= c <= hi}
        if len(cands) == 1:
            return next(iter(cands)), f"year from {window[3]}"
        return None, f"not within {window[3]}"
    if lower is None:
        return None, "no year anywhere in the article"
    e = lower[0]
    cands = [c for y in (e.year - 1, e.year, e.year + 1) if (c := make(y))]
    best = min(cands, key=lambda c: abs((c - e).days))
    if best > today:
        return None, f"{best.isoformat()} would be after today"
    if best < e - dt.timedelta(days=1):
        return None, f"before {lower[1]}, a date the body reports: year unclear"
    if best - e > DATELINE_REACH:
        return None, f"too far from {lower[1]} to take its year"
    return best, f"year from {lower[1]} in the body"
