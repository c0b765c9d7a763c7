"""Finding and parsing numbers in news text.

One compiled regex (built at import from data/number_words.csv) finds every number candidate: digits
with thousands separators and decimals, scale words ("1.5 million", broadcast "15-thousand",
"four-thousand-100"), number-word runs ("three thousand", "a dozen"), vague plural amounts ("thousands",
"several hundred", "tens of thousands"), ranges ("10,000 to 12,000", "10,000-12,000", "between 1,000
and 3,000") and percentages. Whether a candidate is a *figure* is decided in figures.py.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .resources import read_table

WORDS = {r["word"]: (float(r["value"]), r["kind"]) for r in read_table("number_words.csv")}
_UNITWORDS = [w for w, (_, k) in WORDS.items() if k in ("unit", "ten")]
_SCALES = [w for w, (_, k) in WORDS.items() if k == "scale"]
_VAGUE = [w for w, (_, k) in WORDS.items() if k == "vague"]


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_U, _S, _V = _alt(_UNITWORDS), _alt(_SCALES), _alt(_VAGUE)
# thousands written with commas ("4,700") or, in KCNA and European style, spaces ("4 700"); a decimal comma
# before a scale word ("3,5 million", as Danish or German copy writes it) cannot be a thousands separator
_DIGITS = r"\d{1,3},\d{1,2}(?=[ -](?:million|billion)\b)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}(?![\d,])|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,.\-–\w])|\d+(?:\.\d+)?"
# a word number: "three", "twenty-five", "three thousand", "four-thousand-100", "a dozen", "half a million"
_WORDNUM = (rf"(?:(?:{_U})(?:[- ](?:{_U}))?|a|an)(?:[- ](?:and[- ])?(?:{_S}|dozen|{_U}|\d+))*"
            rf"(?<!\ba)(?<!\ban)")
# "6mn shells", "9m", "11k": a scale written as a letter or two right after the digits (financial and
# social-media style); never after a space ("50 m" is fifty metres)
_SCALE_ABBR = {"mn": 1e6, "m": 1e6, "bn": 1e9, "k": 1e3}
_DIGNUM = rf"(?:{_DIGITS})(?:(?:-| )(?:{_S})(?:-\d+)?|(?:mn|bn|m|k)\b)?"
# a share of a scale: "half a million", "a quarter of a million", "three-quarters of a million" (a share of
# a counted group, "a quarter of the troops", is figures.py's)
_PARTS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3, "thirds": 1 / 3}
_PART_OF_SCALE = (r"(?:(?:a|one)[- ])?(?:half|quarter|third)|(?:three|two)[- ](?:quarters|thirds)")
_FRACSCALE = rf"(?:{_PART_OF_SCALE})(?:[- ]of)?[- ](?:a|one)[- ](?:million|billion|thousand)\b"
_FRACSCALE_RE = re.compile(rf"(?:(?P<k>a|one|two|three)[- ])?(?P<part>half|quarters?|thirds?)(?:[- ]of)?[- ](?:a|one)[- ]"
                           rf"(?P<scale>million|billion|thousand)")
ATOM = rf"(?:{_FRACSCALE}|{_DIGNUM}|\b(?:{_WORDNUM})\b)"
_VAGUEP = (rf"(?:(?:tens|hundreds) of thousands|(?:several|a few|many) (?:{_S}|dozens?)|"
           rf"(?:low|mid|high) (?:hundreds|thousands|tens of thousands)|(?:{_V}))")
NUMBER_RE = re.compile(
    rf"(?:between (?P<b1>{ATOM}) and (?P<b2>{ATOM})"
    rf"|(?P<r1>{ATOM}) ?(?:-|–|—|~|〜|to|or) ?(?P<r2>{ATOM})"   # "12,000~13,000": a Korean or Japanese range
    rf"|(?P<vague>\b{_VAGUEP}\b)"
    rf"|(?P<one>{ATOM}))(?P<pct> ?(?:%|percent\b|per cent\b))?",
    re.IGNORECASE)
# The full pattern is slow to try at every position, so two cheap scans find where a number can
# start (a digit; a number word as a character trie, which the regex engine scans fast) and the full
# pattern is only tried there, on the lower-cased text.
NUMBER_LC = re.compile(NUMBER_RE.pattern)


def _trie(words) -> str:
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node) -> str:
        alts = [re.escape(c) + emit(ch) for c, ch in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?" if len(alts) == 1 else body[:-1] + ")?"
        return body

    return emit(root)


_STARTERS = sorted(set(_UNITWORDS + _SCALES + _VAGUE) | {"between", "several", "tens", "many", "few", "dozen", "half",
                                                          "quarter", "third"})
DIGIT_RE = re.compile(r"[0-9]")
WORD_RE = re.compile(rf"\b{_trie(_STARTERS)}\b")
_BACK = re.compile(r"(?:\ba|\ban|several|many|\bthe|tens of|hundreds of|\blow|\bmid|\bhigh) $")


_SPLIT = re.compile(r"[\s-]+")
_GROUP_SPACE = re.compile(r"(?<=\d)[ \u00a0\u2009\u202f](?=\d{3}(?!\d))")
YEAR_RE = _YEAR = re.compile(r"(?:19|20)\d\d")
_DEC = re.compile(r"\d+(?:\.\d+)?")


_DECIMAL_COMMA = re.compile(r"^(\d{1,3}),(\d{1,2})(?=[ -](?:million|billion)\b)")
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def parse_number(s: str) -> float:
    """Value of one number as written ("1,500", "1.5 million", "four-thousand-100", "a dozen"); NaN if unreadable."""
    s = _GROUP_SPACE.sub("", s.strip().lower())
    f = _FRACSCALE_RE.fullmatch(s)
    if f:
        k = {"two": 2, "three": 3}.get(f.group("k") or "", 1)
        return round(k * _PARTS[f.group("part")] * WORDS[f.group("scale")][0])
    if _DOT_GROUPS.fullmatch(s):
        # "11.000", "840.000", "1.200.000": thousands grouped with dots, as Spanish, German or Italian copy
        # (and its translations) writes them; a count with three decimals is no count ("1.5 million" keeps
        # its decimal: a scale word follows)
        return float(s.replace(".", ""))
    s = _DECIMAL_COMMA.sub(r"\1.\2", s, count=1).replace(",", "")
    tokens = [t for t in _SPLIT.split(s) if t and t != "and"]
    total, current, seen = 0.0, 0.0, False
    for t in tokens:
        if _DEC.fullmatch(t):
            current += float(t)
            seen = True
        elif t[-2:] in _SCALE_ABBR and _DEC.fullmatch(t[:-2]) or t[-1:] in _SCALE_ABBR and _DEC.fullmatch(t[:-1]):
            k = t[-2:] if t[-2:] in _SCALE_ABBR else t[-1:]
            total += float(t[:-len(k)]) * _SCALE_ABBR[k]
            seen = True
        elif t in ("a", "an"):
            current += 1
            seen = True
        elif t in WORDS:
            v, kind = WORDS[t]
            seen = True
            if kind in ("unit", "ten"):
                current += v
            elif kind == "dozen":
                current = (current or 1) * 12
            elif kind == "scale":
                if v == 100:
                    current = (current or 1) * 100
                else:
                    total += (current or 1) * v
                    current = 0
            else:
                return math.nan
        else:
            return math.nan
    return total + current if seen else math.nan


@dataclass
class Number:
    start: int
    end: int
    surface: str
    value: float
    low: float
    high: float
    kind: str          # single / range / vague
    percent: bool


def _matches(text: str):
    low = text.lower()
    if len(low) != len(text):  # lower() changed a length (rare scripts): offsets must stay true
        yield from NUMBER_RE.finditer(text)
        return
    starts = {m.start() for m in DIGIT_RE.finditer(low)
              if m.start() == 0 or not low[m.start() - 1].isdigit() and low[m.start() - 1] not in ",."}
    for m in WORD_RE.finditer(low):
        p = m.start()
        b = _BACK.search(low, max(0, p - 9), p)
        starts.add(b.start() if b and b.group(0).strip() in ("a", "an", "several", "many", "tens of", "low", "mid",
                                                             "high") else p)
    last = -1
    for p in sorted(starts):
        if p < last:
            continue
        m = NUMBER_LC.match(low, p)
        if m is None and p and low[p - 1] not in " \n\t(\"“-":
            continue
        if m:
            last = m.end()
            yield _Orig(m, text)


class _Orig:
    """A match on the lower-cased text that reports groups from the original text."""
    __slots__ = ("m", "text")

    def __init__(self, m, text):
        self.m, self.text = m, text

    def group(self, name=0):
        s, e = self.m.span(name)
        return None if s < 0 else self.text[s:e]

    def start(self, name=0):
        return self.m.start(name)

    def end(self, name=0):
        return self.m.end(name)


def find_numbers(text: str):
    """Yield every number candidate in `text` (no figure filtering)."""
    for m in _matches(text):
        pct = bool(m.group("pct"))
        if m.group("vague"):
            w = m.group("vague").lower().split()[-1]
            lowv = WORDS.get(w, (math.nan, ""))[0]
            if m.group("vague").lower().startswith("tens of"):
                lowv = 10000.0
            elif m.group("vague").lower().startswith("hundreds of thousands"):
                lowv = 100000.0
            yield Number(m.start(), m.end(), m.group(0), math.nan, lowv, math.nan, "vague", pct)
        elif m.group("b1") or m.group("r1"):
            a = m.group("b1") or m.group("r1")
            b = m.group("b2") or m.group("r2")
            lo, hi = parse_number(a), parse_number(b)
            if _YEAR.fullmatch(a.strip()) and (hi > 10 * lo or "," in b):
                # "since February 2022 to 716,150": a year, then the figure, not a range
                s, e = m.start("r2") if m.group("r2") else m.start("b2"), m.end("r2") if m.group("r2") else m.end("b2")
                v = parse_number(text[s:e])
                yield Number(s, e, text[s:e], v, v, v, "single", pct)
                continue
            # "1.5 to 2 million": the scale of the second bound applies to the first
            if hi == hi and lo == lo and lo < hi / 1000 and re.search(rf"(?:{_S})$", b, re.I) and not re.search(_S, a, re.I):
                lo = lo * parse_number(re.search(rf"(?:{_S})$", b, re.I).group(0))
            abbr = re.search(r"\d(mn|bn|m|k)$", b.strip())
            if abbr and hi == hi and lo == lo and lo < hi / 100 and not re.search(r"(?:mn|bn|m|k)$", a.strip()):
                lo = lo * _SCALE_ABBR[abbr.group(1)]    # "11–12k": the letter scales both bounds
            if not (lo == lo and hi == hi) or lo >= hi:
                # "2022-2024"-like or "5-1": not a range; fall back to the first number alone
                whole = text[m.start():m.end("r2")] if m.group("r1") else ""
                if whole and "-" in whole and re.search("[a-z]", whole, re.I) and parse_number(whole) == parse_number(whole):
                    # "twenty-five", "four-thousand-100": one hyphenated number, not a range
                    v = parse_number(whole)
                    yield Number(m.start(), m.end("r2"), whole, v, v, v, "single", pct)
                    continue
                v = parse_number(a)
                s = m.start("b1") if m.group("b1") else m.start("r1")
                e = m.end("b1") if m.group("b1") else m.end("r1")
                yield Number(s, e, text[s:e], v, v, v, "single", False)
                continue
            yield Number(m.start(), m.end(), m.group(0), math.nan, lo, hi, "range", pct)
        else:
            v = parse_number(m.group("one"))
            if v != v:
                continue
            yield Number(m.start(), m.end(), m.group(0), v, v, v, "single", pct)
