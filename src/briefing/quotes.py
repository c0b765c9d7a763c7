"""Direct quotations: finding the marks, and the order in which quotes are attributed.

Who said a quotation is decided in ``briefing.attribution`` (shared with figures); this module finds
the quotations and carries a speaker from one quote to the next.

Editorial choices:
* A quote is the text inside “ ”, " ", or ‘ ’ / ' ' used as outer marks.
  Single marks inside a double-quoted span are inner quotes, not rows. An
  apostrophe (it’s, Ministers’ meeting, '90s) is not a quote mark: an opening
  single mark must start a word after a space or bracket, a closing one must
  end a word before a space or punctuation.
* A quote never crosses a paragraph (line). An unclosed mark runs to the end
  of its paragraph only under the multi-paragraph convention (the next
  paragraph opens with a mark); otherwise it is dropped, so a stray mark never
  swallows the article.
* A quote nobody is said to speak (no verb, no earlier speaker in this or the
  previous paragraph) is left out, unless it is a 1-3 word fragment (scare
  quote), which is kept with an empty speaker and ``is_fragment`` True.
* Interview transcripts ("Dr. Jane Roe: text" without quote marks) are not
  quotations and give no rows by default; ``include_transcripts=True`` emits
  each answer as a row with verb "transcript" (the seeds gold ignores them).
* ``verb`` is the lemma of the attribution verb, "according to" or
  "continuation" (a follow-on or multi-paragraph quote); ``attribution`` names
  the rule that fired.

Marks are paired in one pass per paragraph (positions of every mark collected
once, each closer found by bisection), so a paragraph of ten thousand stray
marks costs linear time.
"""
from __future__ import annotations

import re
import warnings
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .actors import Registry, default_registry
from .attribution import Resolver, Speaker
from .attribution.frames import (attribute_quote, next_sentence_speaker, opens_sentence, previous_sentence_speaker,
                                 right_context)

COLUMNS = ["article", "field", "quote", "speaker", "speaker_kind", "actor_id", "role", "organisation", "country", "side",
           "verb", "published", "start", "end", "sentence", "is_fragment", "attribution"]

_MARKS = re.compile(r"[“”\"]|(?<![\w’'])[‘'](?=[A-Za-z0-9“\"])")   # pre-filter: any double or opening single mark
_MARK_ANY = re.compile(r"[“”\"‘’']")
_DECADE = re.compile(r"'\d0s\b")
_WORDS = re.compile(r"[\w’'\-]+")
_TRANSCRIPT = re.compile(r"^(?P<label>(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen)\.\s+)?[A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3}"
                         r"(?:\s*\([^)\n]{1,40}\))?):\s+(?P<body>\S.*)$", re.M)
MAX_SENTENCE = 600     # characters of context stored with a quote: a window, never a whole huge paragraph


@dataclass
class Quote:
    start: int       # inner text offsets
    end: int
    open_: int       # mark offsets
    close: int       # offset after the closing mark (== end when unclosed)
    para: int        # paragraph index
    continued: bool = False   # opened a paragraph that continues a multi-paragraph quote
    speaker: Speaker | None = None
    verb: str = ""
    rule: str = ""
    fragment: bool = False


def _is_open_single(text: str, i: int, ls: int, le: int) -> bool:
    prev = text[i - 1] if i > ls else " "
    nxt = text[i + 1] if i + 1 < le else " "
    if prev.isalnum() or prev == "_" or prev in "’'":
        return False
    if not (nxt.isascii() and nxt.isalnum() or nxt in "“\""):
        return False
    return not (text[i] == "'" and _DECADE.match(text, i))


def _pairs(text: str, ls: int, le: int) -> list[tuple[int, int, int, int]]:
    """(open, start, end, close) quote spans in one paragraph; an unclosed last one has close=-1.

    Every mark's position is collected once; openers are taken left to right and each closer found by
    bisection, so the pairing is linear (times a log) in the paragraph, whatever its marks.
    """
    by_char: dict[str, list[int]] = {"“": [], "”": [], '"': [], "‘": [], "’": [], "'": []}
    openers: list[int] = []
    for m in _MARK_ANY.finditer(text, ls, le):
        i = m.start()
        ch = text[i]
        by_char[ch].append(i)
        if ch in "“\"" or (ch in "‘'" and _is_open_single(text, i, ls, le)):
            openers.append(i)
    # closers a single opener accepts: they end a word (not followed by a letter, not after a space)
    single_close: dict[str, list[int]] = {}
    for closer in ("’", "'"):
        pos = by_char[closer]
        ok = []
        for n, k in enumerate(pos):
            after = text[k + 1] if k + 1 < le else " "
            before = text[k - 1] if k > ls else " "
            if after.isalnum() or before.isspace():
                continue
            # "Ministers’ meeting": a plural possessive closes only if no later closer exists in the paragraph
            if before == "s" and after == " " and k + 2 < le and text[k + 2].islower() and n + 1 < len(pos):
                continue
            ok.append(k)
        single_close[closer] = ok
    out = []
    i = ls
    oi = 0
    while oi < len(openers):
        q = openers[oi]
        if q < i:
            oi += 1
            continue
        ch = text[q]
        if ch in "“\"":
            closers = by_char["”" if ch == "“" else '"']
            j = bisect_right(closers, q)
            if j >= len(closers):
                out.append((q, q + 1, le, -1))
                break
            e = closers[j]
            out.append((q, q + 1, e, e + 1))
            i = e + 1
        else:
            closers = single_close["’" if ch == "‘" else "'"]
            j = bisect_right(closers, q)
            if j >= len(closers):
                oi += 1          # an unpaired single mark is an apostrophe, not an unclosed quote
                continue
            e = closers[j]
            out.append((q, q + 1, e, e + 1))
            i = e + 1
        oi += 1
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line."""
    out = []
    pos, n = 0, len(text)
    while pos <= n:
        le = text.find("\n", pos)
        if le < 0:
            le = n
        if le > pos:
            out.append((pos, le))
        pos = le + 1
    return out


def find_quotes(text: str, paras: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Every quotation span in the text, in order (see the module notes for what counts)."""
    quotes: list[Quote] = []
    pending: Quote | None = None
    for para, (ls, le) in enumerate(paras if paras is not None else paragraphs(text)):
        fs = ls
        while fs < le and text[fs] in " \t":
            fs += 1
        if pending is not None:
            if fs < le and text[fs] in "“\"‘'":
                quotes.append(pending)     # the next paragraph reopens: a multi-paragraph quote
            pending = None
        for o, s, e, c in _pairs(text, ls, le):
            q = Quote(s, e, o, c if c >= 0 else e, para)
            if c < 0:
                pending = q
            else:
                quotes.append(q)
    for a, b in zip(quotes, quotes[1:]):
        if a.end == a.close and b.para == a.para + 1:
            b.continued = True
    for q in quotes:  # trim whitespace inside marks
        while q.start < q.end and text[q.start].isspace():
            q.start += 1
        while q.end > q.start and text[q.end - 1].isspace():
            q.end -= 1
    return [q for q in quotes if q.end > q.start]


def is_fragment(quote: str) -> bool:
    # "at least 3,000" and "at least 3 000" are three words: a number with separated thousands is one
    return len(_WORDS.findall(_SPACED_THOUSANDS.sub("0", quote))) <= 3


_SPACED_THOUSANDS = re.compile(r"\b\d{1,3}(?:[,. \u00a0\u202f]\d{3})+\b")


def has_marks(text: str) -> bool:
    return ("“" in text or '"' in text or "”" in text
            or (("‘" in text or "'" in text) and _MARKS.search(text) is not None))


class QuoteFlow:
    """Attributes quotes in text order: a follow-on or multi-paragraph quote carries the speaker before it."""

    def __init__(self, res: Resolver, text: str, paras: list[tuple[int, int]]):
        self.res, self.text, self.paras = res, text, paras
        self.prev: Quote | None = None
        self.unclaimed: list[Quote] = []    # the opening paragraphs of a multi-paragraph quote nobody spoke yet
        self.chain: list[Quote] = []        # the paragraphs of the quotation being read, first to this one
        # quote-only paragraphs in a row that only a guess from the sentences before attributed: a later
        # paragraph's pointer back ("That is the reading of X") names the speaker of them all
        self.guessed_run: list[Quote] = []

    def attribute(self, q: Quote) -> Quote:
        res, text = self.res, self.text
        ls, le = self.paras[q.para] if q.para < len(self.paras) else (0, len(text))
        q.fragment = is_fragment(text[q.start:q.end])
        prev = self.prev
        if q.continued and prev is not None and prev.speaker is not None:
            sp, verb, rule = prev.speaker, "continuation", "multi-paragraph"
            if self.chain and self.chain[0].rule.startswith("previous-sentence"):
                # '"They are being thrown ...\n\n"... do not seem to mind," John Kirby told reporters': the
                # attribution that ends the quotation names the speaker of all its paragraphs, over a guess
                # from the sentence before its first one
                own = attribute_quote(res, text, q.start, q.end, q.open_, q.close, ls, le)
                if own[0] is not None and own[2].startswith("after:") and own[0].name != prev.speaker.name:
                    sp, verb, rule = own
                    for u in self.chain:
                        u.speaker, u.verb, u.rule = sp.at(u.open_), verb, rule
        else:
            sp, verb, rule = attribute_quote(res, text, q.start, q.end, q.open_, q.close, ls, le)
        if not q.continued:
            self.unclaimed = []
            self.chain = []
        self.chain.append(q)
        # A quote-only paragraph that the next sentence points back to ("That was how X put it", "Those words
        # came from X"): that names the speaker, before any guess from the sentences before it
        alone = not text[ls:q.open_].strip() and not text[q.close:le].strip()     # the paragraph is the quote
        run = [u for u in self.guessed_run if u.para >= q.para - len(self.guessed_run)]
        if not alone or not run or run[-1].para != q.para - 1:
            self.guessed_run = run = []
        if sp is None and not q.fragment and opens_sentence(res, text, q.open_, ls):
            sp, verb, rule = next_sentence_speaker(res, text, q.close)
            if sp is not None:
                for u in self.unclaimed + run:   # "...\n\n"They have learned ...\n\n"No other ..."\n\nThat was X's
                    u.speaker, u.verb, u.rule = res.add_event(sp, u.open_), verb, rule
                self.unclaimed, self.guessed_run = [], []
        # A follow-on quote opens its own sentence ("...," he said. "..."); an unattributed quote inside
        # narration (a treaty's name, a slogan) is not taken as the last speaker's words.
        if sp is None and not q.fragment and prev is not None and prev.speaker is not None \
                and prev.para >= q.para - 1 and opens_sentence(res, text, q.open_, ls):
            sp, verb, rule = prev.speaker, "continuation", "follow-on"
            if prev.para < q.para and text[ls:q.open_].strip():
                # the paragraph's own narration names its speaker first ("Kowal said the question now was ...
                # Pyongyang, she said, had little reason to stop. “...”"): that one goes on, not the last quote's
                sp2, verb2, rule2 = previous_sentence_speaker(res, text, q.open_)
                if sp2 is not None and sp2.name != prev.speaker.name and sp2.personlike and ls <= sp2.pos:
                    sp, verb, rule = sp2, verb2, rule2
        if sp is None and not q.fragment and opens_sentence(res, text, q.open_, ls):
            sp, verb, rule = previous_sentence_speaker(res, text, q.open_)
            if sp is not None and alone:
                self.guessed_run.append(q)
        if q.fragment and sp is not None and rule.startswith(("after:verb-np", "after:np-verb")) and \
                opens_sentence(res, text, q.open_, ls) and text[q.start:q.end].rstrip()[-1:] in ",.!?":
            q.fragment = False   # '"Not yet decided," the minister told reporters': an answer, not a scare quote
        q.speaker, q.verb, q.rule = sp, verb, rule
        if sp is not None and not q.fragment:
            q.speaker = res.add_event(sp, q.open_)
            self.prev = q
        elif sp is None and not q.fragment and text[q.close - 1:q.close] not in "”\"":
            self.unclaimed.append(q)     # a paragraph of a quotation that goes on in the next one
            self.prev = q
        return q

    def sentence(self, q: Quote) -> tuple[int, int]:
        """The quote's sentence(s) with its attribution, as (start, end), at most MAX_SENTENCE around it."""
        res, text = self.res, self.text
        ls, le = self.paras[q.para] if q.para < len(self.paras) else (0, len(text))
        si0 = res.sent_index(q.open_)
        si1 = res.sent_index(max(q.close - 1, q.open_))
        s_start = res.spans[si0][0] if res.spans else ls
        s_end = res.spans[si1][1] if res.spans else le
        if si1 + 1 < len(res.spans) and res.spans[si1][1] <= q.close + 1 and res.spans[si1 + 1][0] < le:
            if right_context(res, text, q.close, le).strip():
                s_end = res.spans[si1 + 1][1]
        s_start, s_end = max(s_start, ls, q.open_ - MAX_SENTENCE // 2), min(max(s_end, q.close), le)
        s_end = min(s_end, max(q.close, s_start) + MAX_SENTENCE // 2)
        return s_start, s_end


def row(q: Quote, text: str, span: tuple[int, int], article: str, published: str, field: str = "text") -> dict:
    """A quote's row; `field`: "text", or "title" / "subtitle" for a headline the text does not carry
    (offsets into that field)."""
    sp = q.speaker
    return {
        "article": article, "field": field, "quote": text[q.start:q.end],
        "speaker": sp.name if sp else "", "speaker_kind": sp.kind if sp else "",
        "actor_id": sp.actor_id if sp else "", "role": sp.role if sp else "",
        "organisation": sp.organisation if sp else "",
        "country": sp.country if sp else "", "side": sp.side if sp else "",
        "verb": q.verb, "published": published, "start": q.start, "end": q.end,
        "sentence": text[span[0]:span[1]], "is_fragment": q.fragment, "attribution": q.rule or "none",
    }


def transcript_rows(res: Resolver, text: str, article: str, published: str) -> list[dict]:
    rows = []
    for m in _TRANSCRIPT.finditer(text):
        label = m.group("label")
        name = re.sub(r"\s*\(.*\)$", "", label).strip()
        how, sp = res.parse_np(name, m.start())
        if sp is None:
            sp = Speaker(name, "person", "", "", "", "", m.start())
        body = m.group("body")
        rows.append({
            "article": article, "field": "text", "quote": body, "speaker": sp.name, "speaker_kind": sp.kind,
            "actor_id": sp.actor_id, "role": sp.role, "organisation": sp.organisation, "country": sp.country,
            "side": sp.side, "verb": "transcript", "published": published, "start": m.start("body"),
            "end": m.end("body"), "sentence": m.group(0)[:MAX_SENTENCE], "is_fragment": is_fragment(body),
            "attribution": "transcript-line",
        })
    return rows


# ---------------------------------------------------------------- public

def _empty() -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    df["is_fragment"] = df["is_fragment"].astype(bool)
    return df


_I_START, _I_END, _I_FRAG = COLUMNS.index("start"), COLUMNS.index("end"), COLUMNS.index("is_fragment")


def to_frame(rows: list[dict]) -> pd.DataFrame:
    """Quote rows -> a typed frame. Built as one object block (string dtype inference per column costs more than the
    extraction of a whole article), then the three typed columns set from numpy arrays."""
    if not rows:
        return _empty()
    arr = np.array([[r[c] for c in COLUMNS] for r in rows], dtype=object)
    df = pd.DataFrame(arr, columns=COLUMNS, dtype=object)
    df["start"] = arr[:, _I_START].astype(np.int64)
    df["end"] = arr[:, _I_END].astype(np.int64)
    df["is_fragment"] = arr[:, _I_FRAG].astype(bool)
    return df


def extract_quotes(text: str, article: str = "", published: str = "", registry: Registry | None = None,
                   *, include_transcripts: bool = False) -> pd.DataFrame:
    """Direct quotations in one cleaned article with their resolved speakers (columns: COLUMNS)."""
    if not text or not isinstance(text, str):
        return _empty()
    try:
        return to_frame(quote_rows(text, article, published, registry, include_transcripts=include_transcripts))
    except Exception as exc:  # never let one odd article stop a run, but say so
        warnings.warn(f"quotes: {article or 'article'}: extractor failed ({type(exc).__name__}: {exc}); "
                      "its quotes are left out", RuntimeWarning, stacklevel=2)
        return _empty()


def quote_rows(text: str, article: str = "", published: str = "", registry: Registry | None = None,
               *, include_transcripts: bool = False) -> list[dict]:
    """The rows of extract_quotes as dicts (keys: COLUMNS), for callers that build one frame per
    corpus. Unlike extract_quotes it lets an extractor error through: the pipeline reports it
    against the article's file."""
    if not text or not isinstance(text, str):
        return []
    from .extract import article_rows
    return article_rows(text, article=article, published=published, registry=registry,
                        include_transcripts=include_transcripts, figures=False)[0]
