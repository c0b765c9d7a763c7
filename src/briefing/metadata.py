"""Title, outlet, author, the text's own date lines and dateline from an article's text.

Scraped pages put metadata in the first lines (masthead, headline, byline,
"Published : ..." stamp, sometimes the page's address or a scraper's date prefix)
and sometimes the last (a wire credit "(Yonhap)", the address the page was saved
from). Those lines are moved out of the body; the body keeps the article's sentences.
Patterns live in data/metadata_patterns.tsv and data/outlets.csv.

Dates are only collected here (``Meta.dates``, ``Meta.urls``); which one an article
gets is decided in ``pubdate``, together with the manifest and the page metadata.

Editorial choices: a date line is any short header line where each date stands apart
(set off by separators) beside nothing but a label from data/metadata_patterns.tsv, a clock
time, a time zone or short capitalised pieces (an outlet, a byline, a section): outlets
write them in many shapes, and a headline that mentions a date has ordinary words beside
it; at the foot of a page only a labelled date counts (bare dates there are related links).
A scraper's date prefix on the first line is a date, never part
of the title, also when the headline follows on the same line; a page's address on
a line of its own is the article's URL, never its title; a short line (three words or
fewer) before another headline-like line is the site's name, not the headline.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from .dates import MONTHS, WEEKDAY_WORD, ambiguous, find_dates, find_monthdays, month_first, weekday_conflict
from .resources import read_lines, read_table

HEADER_LINES = 10      # metadata is looked for in the first lines only
FOOTER_LINES = 5       # ... and an address or a "Posted on" stamp in the last ones
_DOMAIN = re.compile(r"\b[A-Z][A-Za-z0-9-]+\.(?:news|com|net|org|co\.kr|kr|ua|ru|info|io)\b")
_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
        r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z.'\- ]{2,}(?:,\s*(?!(?i:" + _MON + r")\s+\d)[A-Z][\w.'\- ]+?)?)"
                       r"(?:,\s*(?P<date>(?i:" + _MON + r")\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+(?i:" + _MON + r")(?:\s+\d{4})?))?"
                       r"(?:\s*(?:\((?P<credit>[^)]{1,30})\))?\s*[—–-]{1,2}\s|\.\s*/(?P<credit2>[^/]{2,20})/\.?\s)")
_CREDIT_END = re.compile(r"\((?P<credit>[^()]{2,30})\)\s*$")
_SENTENCE_END = re.compile(r"[.!]\s*$")
_NAME = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2}")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_STAMP = re.compile(r"\s*(?:published|posted|first published|updated|last updated)\b", re.I)
_BY = re.compile(r"\s*(?:by|written by|reported by)\s", re.I)
_BY_WORD = re.compile(r"^(?:by|written by|reported by)\s+", re.I)
_WORDS = re.compile(r"[^\W\d_]+")
_PARA_END = re.compile(r"[.!?][\"”’)]?\s*$")
_URL_LINE = re.compile(r"(?:(?:url|source|link|original url|permalink|canonical|saved from|address)\s*:?\s*)?"
                       r"(?P<url>https?://\S+|www\.[\w-]+\.\S+)", re.I)
# A scraper's date prefix: "date 2024-10-28", "[2024-10-28]", "2024-10-28T09:00:00Z | headline ..."
_PREFIX = re.compile(r"(?:(?:date|published|pubdate|posted|dated?)\s*[:=]?\s*)?\[?(?P<date>\d{4}-\d{2}-\d{2})"
                     r"(?:[T ](?P<time>\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}| ?UTC| ?GMT)?)?\]?"
                     r"(?:\s*[|:—–-]\s*|\s+|$)(?P<rest>.*)", re.I)
_UPDATED = re.compile(r"\s*(?:last\s+)?(?:updated|modified|edited)\b", re.I)
_ORIGINAL = re.compile(r"\b(?:originally|first)\s+(?:published|appeared|ran|posted)\b(?!\s*:)|\brepublished\b", re.I)
_MONTH_YEAR = re.compile(r"(?:(?:published|posted|date|dated|issued)\s*:?\s*)?(?P<mon>" + _MON + r")\s+(?P<year>\d{4})", re.I)
_MONTHDAY_LINE = re.compile(r"(?:(?:published|posted|updated|last updated|date)\s*(?:on|at)?\s*:?\s*)?"
                            r"(?:\w+day,?\s+)?(?P<mon>" + _MON + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
                            r"(?:[\s,|–-]+\d{1,2}:\d{2}.{0,12})?", re.I)


@dataclass(frozen=True)
class DateLine:
    """A date the text gives for itself. kind: published (a "Published"/"Posted" line or a date
    line of its own), updated, prefix (a scraper's first-line date), byline (a date beside the
    byline), dateline ("SEOUL, Nov. 4 (Yonhap) --"), monthyear ("November 2024"), monthday (a
    date line without a year: month and day are set, date is None)."""
    kind: str
    date: dt.date | None
    phrase: str
    time: str = ""
    month: int = 0
    day: int = 0
    problem: str = ""        # why the line cannot be trusted (a weekday that is not the date's)
    note: str = ""           # how a date that reads both ways was read ("France 24 writes day first")


@dataclass
class Meta:
    title: str = ""
    subtitle: str = ""
    outlet: str = ""
    outlet_evidence: str = ""
    author: str = ""
    dateline: str = ""
    dates: list[DateLine] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)     # addresses printed on the page's first or last lines


_LINE_FIELDS = ("author", "published", "navigation")


@lru_cache(maxsize=1)
def _all_patterns() -> dict[str, list[re.Pattern]]:
    out: dict[str, list[re.Pattern]] = {}
    for r in read_table("metadata_patterns.tsv"):
        flags = re.I if "i" in (r.get("flags") or "") else 0
        out.setdefault(r["field"], []).append(re.compile(r["pattern"], flags))
    return out


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    """The whole-line patterns (author, published, navigation), in the file's order."""
    out = []
    for r in read_table("metadata_patterns.tsv"):
        if r["field"] in _LINE_FIELDS:
            flags = re.I if "i" in (r.get("flags") or "") else 0
            out.append((r["field"], re.compile(r["pattern"], flags)))
    return out


@lru_cache(maxsize=1)
def _stamp_labels() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(published label, updated label, relative stamp): one regex each, from the data file."""
    pats = _all_patterns()
    return tuple(re.compile("|".join(f"(?:{p.pattern})" for p in pats[k]), re.I)
                 for k in ("stamp_published", "stamp_updated", "relative"))


@lru_cache(maxsize=1)
def _outlets() -> tuple[dict[str, str], set[str], dict[str, str]]:
    """alias (lower) -> display name; the set of wire agencies' display names; display name -> the
    order the outlet writes a date in figures (dmy / mdy) when known."""
    names, wires, orders = {}, set(), {}
    for r in read_table("outlets.csv"):
        for alias in [r["name"], *filter(None, r["aliases"].split(";"))]:
            names[alias.strip().lower()] = r["name"]
        if r["wire"].strip() == "yes":
            wires.add(r["name"])
        if (r.get("numeric_dates") or "").strip() in ("dmy", "mdy"):
            orders[r["name"]] = r["numeric_dates"].strip()
    return names, wires, orders


def outlet_name(s: str) -> str:
    return _outlets()[0].get(s.strip().lower(), "")


# (a research body's name holds a word such as "Project" or "Institute"; a news site's masthead does not)
_RESEARCH_HEADS = frozenset(read_lines("org_descriptors.txt")) - frozenset(
    ("outlet", "site", "website", "newspaper", "broadcaster", "blog", "channel", "tank"))
PUBLICATION_LINE = "publication line"     # outlet evidence: the body publishes the page itself
# a research body's own publication line: "Northeast Asia Imagery Project · Imagery Brief No. 14 · February 2025"
_PUBLICATION_LINE = re.compile(r"[ \t*]*(?P<org>[A-ZÀ-ÖØ-ÞĀ-Ž][^\n*·|]{3,80}?)[ \t*]*[·|][^\n]*?\b(?:Brief|Report|Analysis|"
                               r"Paper|Note|Commentary|Bulletin|Assessment|Backgrounder|Insight)s?\b")


def is_research_body(name: str) -> bool:
    """Whether a name is a research body's ("... Imagery Project", "Asan Institute ..."), not an outlet's."""
    return bool(_RESEARCH_HEADS.intersection(w.lower() for w in name.split())) and not outlet_name(name)


def _date_line(kind: str, ln: str, value: str) -> DateLine | None:
    """The full date in ``value`` as a DateLine of ``kind`` (a weekday beside it must agree)."""
    found = find_dates(value)
    if not found:
        return None
    f = found[0]
    clash = weekday_conflict(value[:f.start] + value[f.end:f.end + 12], f.date)
    problem = f"'{clash}' is not {f.date.strftime('%A')} {f.date.isoformat()}" if clash else ""
    if _UPDATED.match(ln) and kind == "published":
        kind = "updated"
    return DateLine(kind, f.date, ln, f.time, problem=problem)


def _undated_line(ln: str) -> DateLine | None:
    """A date line without a full date: "November 2024" (a month) or "Published: Oct. 22" (no year)."""
    m = _MONTH_YEAR.fullmatch(ln)
    if m:
        month, year = MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("year"))
        if 1990 <= year <= 2100:
            return DateLine("monthyear", None, ln, month=month, day=0, time=str(year))
    m = _MONTHDAY_LINE.fullmatch(ln)
    if m and 1 <= int(m.group("day")) <= 31:
        return DateLine("monthday", None, ln, month=MONTHS[m.group("mon").lower().rstrip(".")], day=int(m.group("day")))
    return None


# a weekday beside a stamp's date, written out or short ("Posted Thu 24 Oct 2024")
_WEEKDAY_NAMES = re.compile(WEEKDAY_WORD.pattern + ",?", re.I)
# what sets a date apart on a date line: a bar, a bullet, brackets, a dash or a slash between spaces, a wide gap
_STAMP_SPLIT = re.compile(r"\s*(?:[|•·()\[\]]|(?<!\S)[-–—/]+(?!\S))\s*|\s{2,}")
_TZ = re.compile(r"(?:[A-Z]{2,4}|UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?")      # KST, ET, CET, GMT+9
_LEAD_TZ = re.compile(r"^" + _TZ.pattern + r"\b")
_LABEL_PUNCT = " ,:;.-–—"
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?!\w)", re.I)
_READ_TIME = re.compile(r"\d{1,3}\s*min(?:ute)?s?\.?(?:\s+read)?", re.I)     # "6 min read" beside the stamp
_CONNECTORS = {"of", "and", "the", "de", "da", "van", "von", "al", "bin"}
STAMP_MAX = 130         # a date line is short; a longer one is a sentence


def _stamp_line(ln: str, meta: Meta, *, labelled: bool = False) -> list[DateLine]:
    """The dates of a date line of the page's own: every date on it is set off by separators and
    stands beside nothing but a label (data/metadata_patterns.tsv: "Published", "Update :",
    "This page was last edited on"), a weekday, a clock time or a time zone; the other pieces are short
    (three words at most each, capitalised: an outlet, a byline, "Source: Xinhua", "World, All").
      "KYODO NEWS - Nov 20, 2024 - 18:42 | World, All"
      "Yusuf Demir |23.12.2024 - Update : 23.12.2024"
      "Published January 13, 2025 at 4:10PM (Updated January 13, 2025 at 7:35PM)"
      "Daryna Levchuk — 24 November 2024, 10:31"
    A headline that mentions a date has lower-case words beside it, or more of them, so it is not
    taken; nor is a "Read also" link. A short name before the first date is the author and an outlet
    the outlet, when the page gave neither. ``labelled``: every date must have its label (the foot of
    a page, where bare dates are related links). Returns [] when the line is not a date line."""
    if len(ln) > STAMP_MAX:
        return []
    ln = ln.replace("\0", " ")      # "\0" marks where the dates were
    found = find_dates(ln)
    if not found:
        return []
    marked, pos = [], 0
    for f in found:
        marked += [ln[pos:f.start], "\0"]
        pos = f.end
    marked.append(ln[pos:])
    pub, upd, _ = _stamp_labels()
    kinds: list[str] = []
    raw: list[str] = []         # the words before each date (a weekday there must be the date's)
    others: list[str] = []
    sections: list[str] = []     # words run into the stamp: a section, never the author
    for seg in _STAMP_SPLIT.split("".join(marked)):
        seg = seg.strip(_LABEL_PUNCT)
        if not seg:
            continue
        if "\0" not in seg:
            if not _TZ.fullmatch(seg):
                others.append(seg)
            continue
        *labels, tail = seg.split("\0")
        # what may follow the last date: a clock, a zone, a weekday, a reading time, "Updated 3 hours ago"
        if _READ_TIME.sub("", _TZ.sub("", _CLOCK.sub("", _WEEKDAY_NAMES.sub("", _stamp_labels()[2].sub("", tail))))
                          ).strip(_LABEL_PUNCT):
            return []           # words after a date: a sentence or a headline ("2:15 pm", "Tuesday" are not)
        for k, label in enumerate(labels):
            raw.append(label + (" " + tail if k == len(labels) - 1 else ""))   # a weekday after it is its own too
            label = _CLOCK.sub("", _WEEKDAY_NAMES.sub("", label)).strip(_LABEL_PUNCT)
            if k:       # the time zone of the date before ("Dec.20,2024 16:42 KST  Modified on : ...")
                label = _LEAD_TZ.sub("", label).strip(_LABEL_PUNCT)
            label = re.sub(r"\s+", " ", label)
            if not label:
                if labelled:
                    return []
                kinds.append("published")
            elif upd.fullmatch(label):
                kinds.append("updated")
            elif pub.fullmatch(label):
                kinds.append("published")
            elif not labelled and len(label.split()) <= 3:
                # a section name before the stamp ("All Headlines 16:40 December 19, 2024"): judged below
                # as the other pieces of the line are (short, capitalised)
                others.append(label)
                sections.append(label)
                kinds.append("published")
            else:
                return []
    rel = _stamp_labels()[2]
    others = [o for o in (_CLOCK.sub("", o).strip(_LABEL_PUNCT) for o in others
                          if not rel.fullmatch(o) and not _READ_TIME.fullmatch(o)) if o]
    if len(others) > 3:
        return []
    for piece in others:
        for item in piece.split(","):
            words = _WORDS.findall(item.split(":", 1)[-1])
            if len(words) > 3 or any(w[0].islower() and w not in _CONNECTORS for w in words):
                return []
    lead = _STAMP_SPLIT.split(ln[:found[0].start].strip())[0].strip(_LABEL_PUNCT)
    if lead and lead in others and _CLOCK.sub("", lead).strip(_LABEL_PUNCT) not in sections:
        name = outlet_name(lead.split(":", 1)[-1].strip())
        if name and not meta.outlet:
            meta.outlet, meta.outlet_evidence = name, f"date line: {ln}"
        elif not name and not meta.author and ":" not in lead and not lead.isupper() and _NAME.fullmatch(lead) \
                and not any(w.lower() in _menu_words() for w in lead.split()):      # "World News": a section
            meta.author = lead
    out = []
    for f, kind, label in zip(found, kinds, raw):
        clash = weekday_conflict(label + " " + f.phrase, f.date)
        problem = f"'{clash}' is not {f.date.strftime('%A')} {f.date.isoformat()}" if clash else ""
        out.append(DateLine(kind, f.date, ln, f.time, problem=problem))
    return out


def _relative_stamp(ln: str) -> DateLine | None:
    """"Updated: 4 hrs ago", "Published 6 days ago": furniture that dates nothing we can know."""
    if len(ln) <= 60 and _stamp_labels()[2].fullmatch(ln.strip()):
        return DateLine("relative", None, ln)
    return None


def _ambiguous_line(ln: str) -> DateLine | None:
    """A date line whose only date is a slashed one that reads both ways ("Published: 03/04/2025")."""
    if len(ln) > 60 or find_dates(ln):
        return None
    amb = list(dict.fromkeys(ambiguous(ln)))        # "Issued on: 07/11/2024 ... Modified: 07/11/2024": one date
    if len(amb) == 1 and (_STAMP.match(ln) or _stamp_labels()[0].match(ln.strip()) or ln.strip().startswith(amb[0])):
        after = ln[ln.index(amb[0]) + len(amb[0]):]
        zone = next((p for p in _all_patterns().get("month_first_zone", []) if p.search(after)), None)
        if zone is not None:
            d = month_first(amb[0])
            if d is not None:
                return DateLine("updated" if _UPDATED.match(ln) else "published", d, ln,
                                note="month first: a North American time zone beside it")
        return DateLine("published", None, ln, problem=f"'{amb[0]}' reads as two days (day and month order unknown)")
    return None


def _host_words(urls: list[str]) -> set[str]:
    out = set()
    for u in urls:
        try:
            host = urlsplit(u if "://" in u else "http://" + u).hostname or ""
        except ValueError:
            continue
        parts = [p for p in host.split(".") if p not in ("www", "en", "english", "m", "com", "org", "net", "co",
                                                           "kr", "ua", "ru", "uk", "news", "io", "info")]
        out.update(parts)
    return out


TIMELINE_ENTRIES = 3    # this many lines that are nothing but a date make a timeline
_HAS_YEAR = re.compile(r"\d\d")     # (a cheap test first: most short lines hold no date at all)


def is_date_line(ln: str) -> bool:
    """A line that is nothing but a full date ("June 19, 2024", "19.06.2024")."""
    ln = ln.strip()
    if len(ln) > 40 or not ln[:1].isalnum() or not _HAS_YEAR.search(ln):
        return False
    found = find_dates(ln)
    return len(found) == 1 and found[0].start == 0 and not ln[found[0].end:].strip(" .,:;–—-")


def _squash(s: str) -> str:
    return _NOT_ALNUM.sub("", s.lower().removeprefix("the "))


def extract(lines: list[str]) -> tuple[Meta, list[str]]:
    """Metadata from the cleaned lines, and the body lines without them."""
    meta = Meta()
    lines = list(lines)
    n = len(lines)
    consumed: set[int] = set()
    footer = range(max(HEADER_LINES, n - FOOTER_LINES), n)
    # the page's address on a line of its own, first or last lines
    for i in [*range(min(HEADER_LINES, n)), *footer]:
        m = _URL_LINE.fullmatch(lines[i])
        if m:
            meta.urls.append(m.group("url").rstrip(".,;)"))
            consumed.add(i)
    # A timeline or a live blog heads each entry with a date on its own line ("June 19, 2024", then
    # "October 18, 2024" ...): those are the entries' dates, never the page's, and stay in the body
    bare = [i for i, ln in enumerate(lines) if is_date_line(ln)]
    entries = set(bare) if len(bare) >= TIMELINE_ENTRIES else set()
    # a scraper's date prefix on the first line; the headline may follow on the same line
    first = next((i for i in range(min(HEADER_LINES, n)) if i not in consumed and i not in entries), None)
    if first is not None:
        m = _PREFIX.fullmatch(lines[first])
        if m:
            found = find_dates(m.group("date"))
            if found:
                meta.dates.append(DateLine("prefix", found[0].date, lines[first][:m.start("rest")].strip(),
                                           m.group("time") or ""))
                rest = m.group("rest").strip()
                if rest:
                    lines[first] = rest
                else:
                    consumed.add(first)
    header = range(min(HEADER_LINES, n))
    for i in header:
        if i in consumed or i in entries:
            continue
        ln = lines[i]
        if not meta.outlet and outlet_name(ln):
            meta.outlet, meta.outlet_evidence = outlet_name(ln), f"masthead: {ln}"
            consumed.add(i)
            continue
        pub = _PUBLICATION_LINE.match(ln) if not meta.outlet else None
        if pub and is_research_body(pub.group("org")):
            # the body publishes the page itself (the date on the line is still read below)
            meta.outlet, meta.outlet_evidence = pub.group("org").strip(), f"{PUBLICATION_LINE}: {ln}"
        if _ORIGINAL.search(ln):
            continue            # "originally published on ...": another page's date (pubdate reads it as a bound)
        if _byline_with_date(ln, meta):
            consumed.add(i)
            continue
        for fld, pat in _patterns():
            m = pat.fullmatch(ln) if fld != "navigation" else None
            if not m:
                continue
            value = m.group("value").strip()
            if fld == "author" and not meta.author:
                meta.author = value
                consumed.add(i)
                break
            if fld == "published":
                d = _date_line("published", ln, value)
                if d:
                    meta.dates.append(d)
                    consumed.add(i)
                    break
        else:
            d = (_undated_line(ln) if len(ln) <= 60 else None) or _relative_stamp(ln) or _ambiguous_line(ln)
            got = [d] if d else _stamp_line(ln, meta)
            if got:
                meta.dates += got
                consumed.add(i)
    for i in footer:
        # a "Posted on ..." stamp at the foot of the page (plain dates there are related links)
        if i in consumed or i in entries:
            continue
        got = []
        if _STAMP.match(lines[i]):
            for fld, pat in _patterns():
                m = pat.fullmatch(lines[i])
                if fld == "published" and m:
                    d = _date_line("published", lines[i], m.group("value"))
                    if d:
                        got = [d]
                        break
        got = got or _stamp_line(lines[i], meta, labelled=True)
        if got:
            meta.dates += got
            consumed.add(i)
    # Headline (and sub-headline): among the header lines before the first paragraph, the first that
    # reads as a title (short, no closing full stop) and is not navigation.
    hosts = _host_words(meta.urls)
    cands, labels = [], []
    for i in header:
        if i in consumed or i in entries:
            continue
        ln = lines[i]
        if _is_navigation(ln):
            consumed.add(i)
            continue
        if _is_paragraph(ln):
            break
        if _is_site_name(ln, hosts):
            consumed.add(i)
            if not meta.outlet:
                meta.outlet, meta.outlet_evidence = ln, f"site name matching the page's address: {ln}"
            continue
        if _is_title(ln) and i + 1 < n:
            cands.append(i)
        elif len(ln) < 40:
            labels.append(i)        # "WORLD", "Made for minds.": page furniture above the headline
    # a short line (a section label, a slogan) above a longer one is not the headline
    pick = next((i for i in cands if len(lines[i].split()) >= 5), cands[0] if cands else None)
    title_idx = []
    if pick is not None:
        consumed.update(i for i in cands + labels if i < pick)      # site names, slogans, labels above it
        meta.title = lines[pick]
        title_idx = [pick]
        nxt = next((i for i in cands if i > pick), None)
        if nxt is not None and _before_byline(nxt, consumed) and \
                all(j in consumed for j in range(pick + 1, nxt)):
            meta.subtitle = lines[nxt]
            title_idx.append(nxt)
    # The headline and sub-headline stay in the body as its first paragraphs: they are the article's
    # own words, and a figure or quote in a headline is one (tests/data/ANNOTATION.md).
    body = [ln for i, ln in enumerate(lines) if i not in consumed]

    # the dateline opens the first paragraph (a sub-headline the page gives may come before it)
    rest = [lines[i] for i in range(n) if i not in consumed and i not in title_idx][:3]
    first_para = next((ln for ln in rest if _DATELINE.match(ln)), "")
    if body:
        m = _DATELINE.match(first_para)
        if m:
            meta.dateline = m.group("place").strip()
            if m.group("date"):
                meta.dates.append(_dateline_date(m.group("date"), m.group(0).strip()))
            credit = m.group("credit") or m.group("credit2")
            if credit and outlet_name(credit) and not meta.outlet:
                meta.outlet = outlet_name(credit)
                meta.outlet_evidence = f"dateline credit: ({credit})"
        m = _CREDIT_END.search(body[-1])
        if m and outlet_name(m.group("credit")):
            name = outlet_name(m.group("credit"))
            if not meta.outlet:
                meta.outlet, meta.outlet_evidence = name, f"credit: ({m.group('credit')})"
            if not meta.author and name in _outlets()[1]:
                meta.author = m.group("credit").strip()
    if not meta.outlet:
        # A site naming itself ("Time.news Interview", "Editor (Time.news)"): a domain-like
        # name used twice or more; once could be a citation of another site.
        counts: dict[str, int] = {}
        for ln in lines:
            for d in _DOMAIN.findall(ln):
                counts[d] = counts.get(d, 0) + 1
        top = max(counts.items(), key=lambda kv: kv[1], default=("", 0))
        if top[1] >= 2:
            meta.outlet, meta.outlet_evidence = outlet_name(top[0]) or top[0], f"self-mention: {top[0]} ×{top[1]}"
    order = _outlets()[2].get(meta.outlet)
    if order:
        meta.dates = [_in_order(d, order, meta.outlet) for d in meta.dates]
    return meta, body


def _in_order(d: DateLine, order: str, outlet: str) -> DateLine:
    """A date line that reads both ways ("07/11/2024"), read in the order its outlet writes dates
    (data/outlets.csv ``numeric_dates``); other lines unchanged."""
    amb = list(dict.fromkeys(ambiguous(d.phrase)))
    if d.date is not None or len(amb) != 1:
        return d
    first = month_first(amb[0])
    if first is None:
        return d
    day = first if order == "mdy" else dt.date(first.year, first.day, first.month)
    return DateLine(d.kind, day, d.phrase, d.time,
                    note=f"{'month' if order == 'mdy' else 'day'} first, as {outlet} writes dates")


def _dateline_date(value: str, phrase: str) -> DateLine:
    found = find_dates(value)
    if found:
        return DateLine("dateline", found[0].date, phrase)
    [(month, day, _, _)] = find_monthdays(value)[:1] or [(0, 0, 0, "")]
    if not month:
        return DateLine("dateline", None, phrase, problem=f"'{value}' is not a day")
    return DateLine("dateline", None, phrase, month=month, day=day)


_BYLINE_SEP = re.compile(r"\s*(?:[|•·/,—–]|\s-\s)\s*")


def _byline_with_date(ln: str, meta: Meta) -> bool:
    """'By Ann Lee | October 31, 2024': the author and a publication date on one line."""
    if not _BY.match(ln):
        return False
    found = find_dates(ln)
    if not found:
        return False
    f = found[0]
    name = _BYLINE_SEP.sub(" | ", ln[:f.start]).strip(" |")
    name = _BY_WORD.sub("", name).split(" | ")[0].strip()
    if not name or len(name) > 80 or any(ch.isdigit() for ch in name):
        return False
    if not meta.author:
        meta.author = name
    d = _date_line("byline", ln, ln[f.start:])
    if d:
        meta.dates.append(d)
    return True


def _is_site_name(ln: str, hosts: set[str]) -> bool:
    """A domain on its own ("warnews.com") or the page's address in words ("Kyiv Dispatch")."""
    if len(ln) > 60 or _SENTENCE_END.search(ln):
        return False
    return bool(_DOMAIN.fullmatch(ln)) or bool(hosts and _squash(ln) in {_squash(h) for h in hosts})


_SEPARATORS = re.compile(r"\s(?:\||>|›|»|/|•|·)\s|\s{3,}")


def _is_navigation(ln: str) -> bool:
    """A menu or breadcrumb line: "News | Politics | World", "Home > North Korea", or words from
    the navigation patterns in data/metadata_patterns.tsv."""
    parts = [p for p in _SEPARATORS.split(ln) if p.strip()]
    if len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts):
        return True
    if any(pat.fullmatch(ln) for fld, pat in _patterns() if fld == "navigation"):
        return True
    rest, hits = " " + ln.lower() + " ", 0
    for phrase in _menu_words():
        needle = f" {phrase} "
        while needle in rest:
            rest, hits = rest.replace(needle, " ", 1), hits + 1
    return hits >= 3 and len(_WORDS.findall(rest)) < hits


@lru_cache(maxsize=1)
def _menu_words() -> tuple[str, ...]:
    return tuple(sorted(read_lines("navigation.txt"), key=len, reverse=True))


def _is_paragraph(ln: str) -> bool:
    """The article's first paragraph: the headline is above it."""
    return len(ln) > 250 or (len(ln) >= 60 and bool(_PARA_END.search(ln)))


# a post's byline or time stamp: "Posted by u/hanbando_watch 5 hr. ago", "u/KyivSlav · 4 hr. ago"
_POSTED = re.compile(r"^(?:posted|submitted|shared|written|reported)\s+by\s|\b\d+\s*(?:secs?|mins?|minutes?|hrs?|"
                     r"hours?|days?|weeks?|months?|years?|[smhdw])\.?\s+ago\b", re.IGNORECASE)


def _is_title(ln: str) -> bool:
    if not (12 <= len(ln) <= 250) or _SENTENCE_END.search(ln) or _DATELINE.match(ln) or _POSTED.search(ln):
        return False
    return not ln.endswith((":", ",")) and sum(ch.isalpha() for ch in ln) > len(ln) * 0.5


def _before_byline(i: int, consumed: set[int]) -> bool:
    return any(j > i for j in consumed)
