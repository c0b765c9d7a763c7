"""When a figure was claimed, and the period it is about, from its sentence and its article's date.

A claim is dated by the day the claimant made it: the article's publication date, unless the text
says when it was said ("said on Dec. 27", "told reporters Wednesday", "in a statement on Monday",
"On Tuesday, the ministry said ..."). Any other time phrase in the sentence ("since August last
year", "between October 8 and 13", "in the past week", "by December") is the time the figure is
about: its period (``period_start``, ``period_end``), never its claim date.

Editorial choices (a wrong date is worse than none):
- a time phrase is the time of the claim only when it is attached to a verb of speech (data/
  speech_verbs.csv: "said Thursday", "Kim on Thursday said", "told lawmakers in a briefing on
  Tuesday"), to an occasion of speech (data/speech_events.txt: "in a statement on Monday") or to
  its audience (data/speech_audiences.txt: "relayed the briefing to reporters on Thursday"), or
  when it opens the sentence (or a clause after a colon) and the claimant and its verb follow
  ("Last week, the army said ...", "...: in October the agency said ...");
- a claim said "days after" another event ("..., days after South Korea said 1,500 ...") was made
  earlier than the article, on a day the sentence does not give: undated, not the article's day;
  "said 500 soldiers arrived on Tuesday" dates the arrival, not the saying;
- relative phrases resolve against the article's own date only. With a day-precise date, directly;
  with a window (published_earliest..latest) a phrase counts only when it resolves to the same days
  against both ends (a weekday rarely does, "Dec. 27" usually does); with no date at all only a
  phrase that carries its year ("on Dec. 27, 2024") dates anything;
- a claim date is never after the article and never more than a year before it: such a phrase was
  misread, and the claim stays undated (``unknown``) rather than wrongly dated;
- without a phrase of its own a claim takes the article's day ("published"); from a window of at
  most WINDOW_DAYS days it takes the window (precision "window", start and end); from a wider window
  or an unknown date it stays undated;
- ``flag`` is "inferred" when the date rests on an inferred publication date or a window, "" when
  it is stated with its year or rests on a day-precise publication date; an undated claim has "".

Across an article's sentences (run on its figure rows after extraction, pipeline.extract_tables):
- ``from_written``: a text written before its page (a republished piece, a recording: pubdate's
  ``written``) dates its claims from that day, and its "said Monday" counts from it;
- ``carry_speech_times``: a claimant's time of speech told once carries to their later claims that
  give none (the same paragraph, a pronoun-led sentence in the next, "also said" a few paragraphs
  on), never another speaker's;
- ``headline_dates``: a headline that cites a claimant takes the time the text gives the same claim;
- ``timeline_dates``: a timeline's entry, headed by a date on its own line, dates the claims under it.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .dates import find_dates
from .resources import read_lines, read_table
from .timeexpr import TimeRef, find_all

WINDOW_DAYS = 7              # a claim takes its article's window as its date only when it is this narrow
MAX_AGE = dt.timedelta(days=366)
_NO_ANCHOR = (dt.date(1990, 1, 1), None)   # "unknown" articles: resolve against these two, keep what agrees
_OPENING = re.compile(r"(?i)^\W*(?:on|in|at)?\s*$")      # nothing but "On" before an opening phrase
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CLAUSE_START = re.compile(r"[:;]\s+")
# verbs whose -ed form is not an act of speech here ("is expected on Tuesday", "called up on Monday")
_NOT_SPEECH = {"expect", "call", "continue", "believe", "cite", "quote", "brand", "label", "describe",
               "characterize", "answer", "ask"}


@dataclass(frozen=True)
class ClaimDate:
    claim_date: str = ""          # ISO day ("" when unknown)
    claim_date_end: str = ""      # last day of a week/month/window claim date (== claim_date for a day)
    precision: str = "unknown"    # day / week / month / range / window / published / unknown
    evidence: str = ""            # the phrase that dates the claim ("" for the article's date)
    flag: str = ""                # "inferred" or ""
    period_start: str = ""        # the time the figure is about, when the sentence says it
    period_end: str = ""


_WORD = re.compile(r"[a-z]+")
_TELL = r"(?:told|tells|tell|telling|briefed|briefs|informed|informs|assured|warned|warns|reminded|wrote to|writes to)"


@dataclass(frozen=True)
class _Patterns:
    verb_then_time: re.Pattern     # "said (in a statement) | told reporters (at a briefing)" + time
    time_then_verb: re.Pattern     # time + "said"  ("Kim on Thursday said")
    subject_then_verb: re.Pattern  # after an opening time phrase: ", the ministry said"
    occasion_before: re.Pattern    # "In a statement" + time
    audience_before: re.Pattern    # "(relayed the briefing) to reporters" + time
    earlier_speech: re.Pattern     # "days after South Korea said" before the figure: said earlier, no day
    any_verb: re.Pattern           # a verb of speech anywhere
    hint: frozenset                # words one of which every time-of-speech test needs (verb, "told", occasion, audience)


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    forms = set()
    for r in read_table("speech_verbs.csv"):
        if r["lemma"] in _NOT_SPEECH:
            continue
        forms.update(f.strip() for f in r["forms"].split(";") if f.strip() and " " not in f.strip())
    verbs = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    events = "|".join(sorted((re.escape(e) for e in read_lines("speech_events.txt")), key=len, reverse=True))
    audiences = "|".join(sorted((re.escape(e) for e in read_lines("speech_audiences.txt")), key=len, reverse=True))
    # an occasion: "in a statement", "at a press conference in Kyiv", "in an interview published"
    occasion = (rf"(?:in|at|during|via|on|through)\s+(?:a|an|the|his|her|its|their|this|that)\s+"
                rf"(?:[\w'’-]+\s+){{0,3}}?(?:{events})(?:\s+(?:published|released|issued|held|given|aired|posted))?"
                rf"(?:\s+(?:in|at|with|to|from)\s+(?:the\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,3}})?")
    # whom a claimant told: one to four words, no clause word, number or past participle
    audience = (r"(?:to\s+)?(?:(?!(?:that|which|who|as|when|while|if|because|after|before)\b)"
                r"(?![\w'’-]*ed\b)[A-Za-z'’-]+\s+){1,4}?")
    # or the gathering told: "told a parliamentary defense committee session (on Monday)"
    gathering = rf"(?:a|an|the|its|his|her|their)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{events})\s+"
    return _Patterns(
        re.compile(rf"\b(?:(?:{verbs})\s+(?:{occasion}\s+)?|{_TELL}\s+(?:{audience}|{gathering})(?:{occasion}\s+)?)"
                   rf"(?:(?:late\s+|early\s+)?on\s+|late\s+|early\s+)?$", re.I),
        re.compile(rf"^,?\s*(?:{verbs})\b", re.I),
        re.compile(rf"^\s*[,:–—-]?\s*(?:[\w'’.-]+\s+|\([\w'’.-]+\)\s+){{0,8}}?(?:{verbs})\b", re.I),
        re.compile(rf"\b{occasion}\s*,?\s*$", re.I),
        re.compile(rf"\b(?:to|with|before)\s+(?:the\s+)?(?:{audiences})\s+(?:late\s+|early\s+)?(?:on\s+)?$", re.I),
        re.compile(rf"\b(?:(?:days?|weeks?|hours?|months?|shortly|soon|not long|a day|a week)\s+)after\s+"
                   rf"(?:[\w'’.-]+\s+){{1,6}}?(?:{verbs})\b[^.;]*$", re.I),
        re.compile(rf"\b(?:{verbs})\b", re.I),
        frozenset(_WORD.findall(f"{verbs}|{_TELL}|{events}|{audiences}".replace("\\", "").lower())),
    )


_SPANS = {"since_month", "since_year", "between_days", "between_days_dm", "past_n", "by_month"}


def _is_speech_time(sentence: str, ref: TimeRef) -> bool:
    """Whether the time phrase ``ref`` says when the claim in ``sentence`` was made."""
    if ref.kind in _SPANS:
        return False        # spans are what a figure is about ("since August", "in the past week")
    p = _patterns()
    before, after = sentence[max(0, ref.offset - 160):ref.offset], sentence[ref.stop:ref.stop + 120]
    if p.verb_then_time.search(before) or p.occasion_before.search(before) or p.time_then_verb.match(after) \
            or p.audience_before.search(before):
        return True
    # "On Tuesday, the ministry said ..." / "Last week the army said ...": the phrase opens the
    # sentence (or a clause after a colon or semicolon) and a short subject without numbers leads to the verb
    if not _OPENING.sub("", _CLAUSE_START.split(sentence[:ref.offset])[-1]):
        m = p.subject_then_verb.match(after)
        return bool(m) and not any(ch.isdigit() for ch in m.group(0))
    return False


_COORDINATED = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;)\s+")


def _another_claim(between: str) -> bool:
    """Whether a coordinated clause with a verb of speech of its own stands in ``between``."""
    parts = _COORDINATED.split(between)
    return len(parts) > 1 and bool(_patterns().any_verb.search(parts[-1]))


def _anchors(published: str, precision: str, earliest: str, latest: str) -> tuple[dt.date, dt.date | None, str]:
    """The article's date as (low, high, kind): kind day, window or none."""
    if published:
        d = dt.date.fromisoformat(published[:10])
        return d, d, "day"
    if precision == "window" and earliest and latest:
        return dt.date.fromisoformat(earliest[:10]), dt.date.fromisoformat(latest[:10]), "window"
    low = dt.date.fromisoformat(earliest[:10]) if earliest else _NO_ANCHOR[0]
    return low, None, "none"


def _resolve(text: str, lo: dt.date, hi: dt.date | None) -> list[TimeRef]:
    """Time phrases of ``text`` that resolve to the same days against both ends of the article's date
    (hi None: no upper end, only phrases with their year count)."""
    if hi == lo:
        return list(find_all(text, lo))
    a = list(find_all(text, lo))
    b = list(find_all(text, hi or dt.date.today()))
    out = []
    for r1, r2 in zip(a, b):
        if r1.offset != r2.offset:
            break
        if (r1.start, r1.end) == (r2.start, r2.end) and (hi is not None or _YEAR.search(r1.evidence)):
            out.append(r1)
    return out


@lru_cache(maxsize=4096)
def _split(sentence: str, lo: dt.date, hi: dt.date | None) -> tuple[list[TimeRef], list[TimeRef]]:
    """The sentence's resolved time phrases: (times of speech, the others). Cached: the figures of
    one sentence share it."""
    refs = _resolve(sentence, lo, hi)
    speech = [r for r in refs if _is_speech_time(sentence, r)]
    return speech, [r for r in refs if r not in speech]


def claim_date(sentence: str, offset: int = 0, *, published: str = "", precision: str = "day",
               earliest: str = "", latest: str = "", source: str = "", previous: str | None = None) -> ClaimDate:
    """The claim date and period of the figure at ``offset`` in ``sentence``.

    ``published`` is the article's ISO day ("" when not known to the day), ``precision``,
    ``earliest``/``latest`` its window and ``source`` its published_source (pubdate).
    ``previous`` is the sentence before, passed when this one continues its claim ("It added
    ..."): a time of speech there dates this claim too, when this one names none.
    """
    lo, hi, kind = _anchors(published, precision, earliest, latest)
    inferred = kind == "window" or (kind == "day" and source == "inferred")
    speech, periods = _split(sentence, lo, hi)
    told = ""           # the sentence before, when its time of speech dates this claim
    if not speech and previous:
        speech = _split(previous, lo, hi)[0]
        told = previous if speech else ""

    # the period: the time phrase nearest the figure that is not the time of speech
    ps = pe = ""
    if periods:
        p = min(periods, key=lambda r: abs(r.offset - offset) if r.offset >= offset else abs(r.stop - offset))
        ps, pe = p.start.isoformat(), p.end.isoformat()

    if not speech and kind != "day":
        # the text says when it was said, but the article's date cannot place it ("said Thursday"
        # in an article known only to a week): undated, not the article's window
        # without a word of speech no phrase can be a time of speech: the scan is skipped (it
        # dominated a long line of bare figures, one 600-character window per figure)
        vague = [r for r in find_all(sentence, lo) if _is_speech_time(sentence, r)] \
            if not _patterns().hint.isdisjoint(_WORD.findall(sentence.lower())) else []
        if vague:
            return ClaimDate(evidence=f"'{vague[0].evidence}' cannot be placed without the article's day",
                             period_start=ps, period_end=pe)

    # a time of speech before the figure with another claim coordinated in between ("in October the
    # agency said 1,500 ..., and weeks later it told lawmakers that some 11,000 ...") is the other's
    speech = [r for r in speech if told or r.offset > offset or not _another_claim(sentence[r.stop:offset])]
    if not told and not any(r.offset < offset for r in speech):
        m = _patterns().earlier_speech.search(sentence[max(0, offset - 160):offset])
        if m:
            # "..., days after South Korea said 1,500 special forces had been shipped": an earlier
            # claim whose day the sentence does not give; not the article's day
            return ClaimDate(evidence=f"'{m.group(0).strip()[:60]}': said earlier, on a day not given",
                             period_start=ps, period_end=pe)
    if speech:
        r = min(speech, key=lambda r: abs(r.offset - offset))
        top = hi or dt.date.today()
        if r.start > top:
            return ClaimDate(evidence=f"'{r.evidence}' would be after the article: left undated",
                             period_start=ps, period_end=pe)
        if kind != "none" and r.start < lo - MAX_AGE:
            return ClaimDate(evidence=f"'{r.evidence}' is more than a year before the article: left undated",
                             period_start=ps, period_end=pe)
        stated = bool(_YEAR.search(r.evidence))
        end = min(r.end, top) if kind != "none" else r.end
        evidence = r.evidence + (f" (told earlier: {told[:60].strip()}{'...' if len(told) > 60 else ''})" if told else "")
        return ClaimDate(r.start.isoformat(), end.isoformat(), r.precision, evidence,
                         "" if stated else ("inferred" if inferred else ""), ps, pe)
    if kind == "day":
        return ClaimDate(published[:10], published[:10], "published", "", "inferred" if inferred else "", ps, pe)
    if kind == "window" and (hi - lo).days < WINDOW_DAYS:
        return ClaimDate(lo.isoformat(), hi.isoformat(), "window", f"published between {lo} and {hi}",
                         "inferred", ps, pe)
    return ClaimDate(evidence="the article's date is not known" + (f" (between {lo} and {hi})" if kind == "window" else ""),
                     period_start=ps, period_end=pe)


def from_written(rows: list[dict], written: str, source: str = "", *, speech_only: bool = False) -> None:
    """Re-date an article's figure rows (figures.COLUMNS, in place) from the day its text was
    written (pubdate.written_date: a republished piece's original day, a recorded episode's day)
    instead of the page's publication day: the claims were made by then, and "said Monday" in the
    text counts from then. Each row's sentence is read again against that day; a claim whose time
    of speech was carried from the sentence before (not in its own sentence) cannot be re-read and
    is left undated rather than kept on a day counted from the wrong anchor. ``speech_only`` (the day
    a recording was made): only claims someone is cited for are re-dated; the page's own lines
    (claimant "") were written for the page."""
    for row in rows:
        if speech_only and not row.get("claimant"):
            continue
        sentence = row.get("sentence") or ""
        offset = int(row.get("start", 0)) - int(row.get("sentence_start", 0))
        new = claim_date(sentence, max(0, offset), published=written, source=source)
        if new.precision == "published":
            if row.get("claim_date_precision") not in ("published", "window", "unknown", ""):
                new = ClaimDate(evidence=f"'{row.get('claim_date_evidence')}' told from the sentence before, "
                                         f"in a text written {written}: cannot be placed",
                                period_start=new.period_start, period_end=new.period_end)
            else:
                new = ClaimDate(written, written, "written", f"the text was written {written}", new.flag,
                                new.period_start, new.period_end)
        row.update({"claim_date": new.claim_date, "claim_date_end": new.claim_date_end,
                    "claim_date_precision": new.precision, "claim_date_evidence": new.evidence,
                    "claim_date_flag": new.flag, "period_start": new.period_start, "period_end": new.period_end})


# --- a claimant's time of speech told once, earlier in the article -------------------------------

CARRY_PARAGRAPHS = 3        # "X also said ..." looks this many paragraphs back for X's time of speech
CARRY_REACH = 2500          # ... and no further back than this many characters
_SENTENCES = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z])")
PRONOUN_OPENING = re.compile(r"^\W*(?:he|she|they|it)\s+(?:\w+\s+)?(?:said|added|told|noted|stressed|"
                              r"warned|estimated|claimed|stated|insisted|argued|wrote)\b", re.I)
_ALSO = re.compile(r"\balso\s+(?:\w+\s+)?(?:said|told|noted|stressed|warned|estimated|claimed|stated|added|"
                   r"assessed|reported|confirmed|wrote|insisted|argued)\b|\bin the same (?:\w+\s+)?(?:statement|briefing|update|interview|address|report|"
                   r"session|post|conference|remarks|hearing)\b", re.I)


def _keys(claimant: str, kind: str) -> list[re.Pattern]:
    """How the text names a claimant: its full name; for a person also a name of theirs of four
    letters or more ("Singh", "Gerasimov", "Yong-hyun"), since the article shortens it."""
    names = [claimant]
    if kind == "person":
        names += [w for w in claimant.split()[1:] + claimant.split()[:1] if len(w) >= 4 and w[0].isupper()]
    return [re.compile(rf"(?<![\w-]){re.escape(n)}(?![\w-])") for n in dict.fromkeys(names)]


def carry_speech_times(rows: list[dict], text: str, anchor: str, source: str = "") -> None:
    """Date the claims an article gives without a time of speech from the time it gave earlier for
    the same claimant (rows of figures.COLUMNS, in place; ``anchor`` is the ISO day the text counts
    from: its publication day, or the day it was written).

    "Singh said on Monday that 10,000 soldiers ... She said as many as 12,000 ..." (the same
    paragraph: one occasion told in several sentences), or "Kim also said 3,000 ..." a few paragraphs
    after "Kim told a committee session on Monday ...". Editorial choices: only a claimant named in
    that earlier sentence (a person also by a name of theirs) counts, never a time another speaker
    gave; the nearest such sentence wins; beyond the paragraph, only a claim said "also" or "in the
    same statement", and only the claimant's full name. Only claims that took the article's day
    ("published" or "written") are changed; the rest stays as read."""
    if not anchor:
        return
    day = dt.date.fromisoformat(anchor[:10])
    for row in rows:
        who = row.get("claimant") or ""
        if row.get("claim_date_precision") not in ("published", "written") or row.get("field", "text") != "text":
            continue
        ss = int(row.get("sentence_start", 0))
        named = who and not who.startswith("unnamed")
        found = (named and _earlier_time(text, ss, row.get("sentence") or "", who, row.get("claimant_kind") or "", day)) \
            or _earlier_occasion(text, ss, row.get("sentence") or "", day)
        if found is None:
            continue
        r, where = found
        if r.start > day or r.start < day - MAX_AGE:
            continue
        inferred = source == "inferred"
        stated = bool(_YEAR.search(r.evidence))
        row.update({"claim_date": r.start.isoformat(), "claim_date_end": min(r.end, day).isoformat(),
                    "claim_date_precision": r.precision,
                    "claim_date_evidence": f"{r.evidence} (told earlier: {where})",
                    "claim_date_flag": "" if stated else ("inferred" if inferred else "")})


_LINE = re.compile(r"^[^\n]+$", re.M)


def timeline_dates(rows: list[dict], text: str, anchor: str) -> None:
    """A timeline or a live blog heads each entry with a date on its own line ("October 18, 2024"):
    the claims of an entry that give no time of their own were made that day. Only claims that took
    the article's day are changed, never to a day after it or more than a year before it."""
    if not anchor or len(rows) == 0:
        return
    from .metadata import TIMELINE_ENTRIES, is_date_line     # late: the reader's module, not needed before
    heads = [(m.start(), find_dates(m.group(0))[0].date, m.group(0).strip()) for m in _LINE.finditer(text)
             if is_date_line(m.group(0))]
    if len(heads) < TIMELINE_ENTRIES:
        return
    day = dt.date.fromisoformat(anchor[:10])
    starts = [h[0] for h in heads]
    for row in rows:
        if row.get("claim_date_precision") not in ("published", "written") or row.get("field", "text") != "text":
            continue
        k = bisect_right(starts, int(row.get("start", 0))) - 1
        if k < 0:
            continue
        _, d, ln = heads[k]
        if d > day or d < day - MAX_AGE:
            continue
        row.update({"claim_date": d.isoformat(), "claim_date_end": d.isoformat(), "claim_date_precision": "day",
                    "claim_date_evidence": f"the timeline entry dated '{ln}'", "claim_date_flag": ""})


_TIMED = ("day", "week", "month", "range")


def headline_dates(rows: list[dict]) -> None:
    """A claim in the headline is the claim the text reports: when the text gives that claim (the
    same number, counting the same kind of thing) a time of speech, the headline's figure takes it
    ("Ukraine says it captured 2 soldiers" over "... Zelensky said Saturday that two soldiers ...").
    Editorial choices: only a headline that itself says someone claims it ("X says ..."); a headline
    stating a number on its own ("Two captured soldiers questioned in Kyiv") may be news of the
    article's day about an older fact. Only when every such claim in the text agrees on the day;
    vague amounts ("hundreds") are not matched. Rows of figures.COLUMNS, in place."""
    heads = [r for r in rows if str(r.get("attribution", "")).startswith("headline:")
             and r.get("attribution") not in ("headline:body", "headline:none") and r.get("claimant")
             and r.get("claim_date_precision") in ("published", "written")]
    for h in heads:
        v = h.get("value")
        if v is None or v != v:
            continue
        same = [r for r in rows if r is not h and not str(r.get("attribution", "")).startswith("headline")
                and r.get("value") == v and r.get("unit_category") == h.get("unit_category")
                and r.get("claim_date_precision") in _TIMED]
        days = {(r["claim_date"], r["claim_date_end"], r["claim_date_precision"]) for r in same}
        if len(days) != 1:
            continue
        r = same[0]
        h.update({"claim_date": r["claim_date"], "claim_date_end": r["claim_date_end"],
                  "claim_date_precision": r["claim_date_precision"], "claim_date_flag": r.get("claim_date_flag", ""),
                  "claim_date_evidence": f"{r['claim_date_evidence']} (the text's '{r['surface']}')"})


def _paragraphs_before(text: str, start: int, n: int, back: int) -> list[tuple[int, int]]:
    """Up to ``n`` non-empty paragraphs before the one starting at ``start``, nearest first, none
    starting before ``back``."""
    out, end = [], start
    while len(out) < n and end > back:
        end = len(text[:end].rstrip())         # skip the blank lines between paragraphs
        if end <= back:
            break
        p_start = max(back, text.rfind("\n", 0, end) + 1)
        out.append((p_start, end))
        end = p_start
    return out


# "Yoo told reporters after the session", "at the same briefing": the occasion the article dated before
# ("briefed behind closed doors ... on Wednesday"); "said the same day": the day named just before
_OCCASION_BACK = re.compile(r"\b(?:after|at|following|during|from)\s+the\s+(?:same\s+)?(?:closed[- ]door\s+|closed\s+|"
                            r"private\s+|parliamentary\s+|committee\s+|press\s+)?(?P<what>session|briefing|meeting|hearing)\b|"
                            r"\b(?:the|that)\s+same\s+day\b", re.I)
_OCCASION_WORDS = {"session": r"session|briefed|briefing|meeting|hearing|committee", "briefing": r"briefed|briefing|session",
                   "meeting": r"meeting|session|met\b", "hearing": r"hearing|session|testif"}


def _earlier_occasion(text: str, ss: int, sentence: str, day: dt.date):
    """For a sentence that refers back to an occasion ("after the session", "the same day"), the day the
    nearest earlier sentence gave it, in this paragraph or the two before: (TimeRef, opening words)."""
    m = _OCCASION_BACK.search(sentence)
    if m is None:
        return None
    what = re.compile(_OCCASION_WORDS[m.group("what").lower()], re.I) if m.group("what") else None
    start = text.rfind("\n", 0, ss) + 1
    back = max(0, ss - CARRY_REACH)
    for a, b in [(max(start, back), ss), *_paragraphs_before(text, start, 2, back)]:
        for sent in reversed(_SENTENCES.split(text[a:b])):
            if what is not None and not what.search(sent):
                continue
            refs = [r for r in _resolve(sent, day, day) if r.precision == "day" and r.start == r.end]
            if refs:
                return refs[-1], sent[:60].strip() + ("..." if len(sent) > 60 else "")
            if what is not None:
                return None     # the occasion, undated: nothing to carry
    return None


def _earlier_time(text: str, ss: int, sentence: str, who: str, kind: str, day: dt.date):
    """The time of speech (TimeRef, the sentence's opening words) of the nearest sentence before
    ``ss`` that names ``who``: in its paragraph; for a claim said "also" in the paragraphs before
    (by the full name); for one that opens with a pronoun ("She said ...") in the paragraph before."""
    keys = _keys(who, kind)
    start = text.rfind("\n", 0, ss) + 1
    back = max(0, ss - CARRY_REACH)
    spans = [(max(start, back), ss, keys)]
    if _ALSO.search(sentence):
        spans += [(a, b, keys[:1]) for a, b in _paragraphs_before(text, start, CARRY_PARAGRAPHS, back)]
    elif PRONOUN_OPENING.match(sentence):
        spans += [(a, b, keys) for a, b in _paragraphs_before(text, start, 1, back)]
    for a, b, ks in spans:
        chunk = text[a:b]
        for sent in reversed(_SENTENCES.split(chunk)):
            hits = [m.start() for k in ks for m in k.finditer(sent)]
            if not hits:
                continue
            speech = _split(sent, day, day)[0]
            if speech:
                r = min(speech, key=lambda r: min(abs(r.offset - h) for h in hits))
                return r, sent[:60].strip() + ("..." if len(sent) > 60 else "")
    return None
