"""Figures as sourced claims: each number about people, troops, weapons or shipments, with its
qualifier, counted noun and category, subject, place, claimant, status and claim date.

Speed: one regex (numbers.NUMBER_RE) runs over the whole text; the exclusion rules (not_figures.csv)
and the counted-noun test (units.csv) look only at a few characters around each candidate; only a
surviving candidate's sentence is examined for claimant, status and date.

Editorial choices: a figure needs a counted noun from data/units.csv after it (or, for "with roughly
8,000 located in ...", one given earlier in the same sentence), so "the two countries" or "one
official" are not figures; the claimant is never invented (empty when the text names nobody) and is
carried from the previous sentence only when this one continues it ("It also said ...", "is estimated
to"); claim dates and periods come from claimdate.py (see there): a claim with no time of its own is
dated by the article's publication date with claim_date_precision "published".
"""
from __future__ import annotations

import bisect
import math
import re

import numpy as np
import pandas as pd

from .actors import Registry, default_registry
from .numbers import NUMBER_RE, find_numbers
from .resources import read_table
from .text import sentence_spans
from . import claimdate

COLUMNS = ["article", "surface", "value", "low", "high", "unit", "unit_category", "qualifier", "claimant",
           "claimant_kind", "actor_id", "side", "status", "subject", "location", "claim_date",
           "claim_date_end", "claim_date_precision", "claim_date_evidence", "claim_date_flag", "period_start",
           "period_end", "published",
           "sentence", "start", "end"]

_UNITS = {r["noun"].lower(): r["category"] for r in read_table("units.csv")}
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
# modifiers between the number and its counted noun ("North Korean", "elite", "more", "additional");
# function words end the noun phrase, so "50 km from troops" never reaches "troops".
_STOP = (r"(?:of|in|to|from|at|on|by|with|and|or|the|a|an|was|were|is|are|have|has|had|that|which|who|"
         r"for|as|than|into|towards|toward|near|per|while|but|been|be|will|would|could|said|says)")
_MOD = rf"(?:(?!{_STOP}\b)[A-Za-z][\w’'-]*\s+)"
UNIT_RE = re.compile(rf"\s*(?:-\s*)?(?:of\s+(?:(?:the|its|their|his|her)\s+)?)?({_MOD}{{0,4}}?)"
                     rf"(?P<unit>{_UNIT_ALT})\b", re.IGNORECASE)
# a bare number whose noun was said earlier in the sentence: "10,000 troops ..., with roughly 8,000 located in"
ELLIPSIS_RE = re.compile(r"\s*(?:[,.;)]|$|(?:of them|of whom|were|are|had|have|located|stationed|deployed|"
                         r"based|in|near|at|on|along|more|others?|already|now|so far)\b)", re.IGNORECASE)

_QUALS = {r["phrase"].lower(): r["qualifier"] for r in read_table("qualifiers.csv")}
QUAL_RE = re.compile(rf"\b({'|'.join(sorted((re.escape(q) for q in _QUALS), key=len, reverse=True))})\s+$",
                     re.IGNORECASE)

_RULES = [(r["id"], r["side"], re.compile(r["pattern"], re.IGNORECASE), re.compile(r["number"] or ".")) for r in read_table("not_figures.csv")]
_LEFT = [(i, p, n) for i, s, p, n in _RULES if s == "left"]
_RIGHT = [(i, p, n) for i, s, p, n in _RULES if s == "right"]
_SELF = [(i, p, n) for i, s, p, n in _RULES if s == "self"]

_STATUS = [(r["status"], re.compile(rf"\b(?:{r['pattern']})\b", re.IGNORECASE)) for r in read_table("status_cues.csv")]
_STATUS_ORDER = ["denied", "projection", "confirmed", "estimate"]

_VERBS = {}
for _r in read_table("speech_verbs.csv"):
    for _f in _r["forms"].split(";"):
        if _f.strip():
            _VERBS[_f.strip().lower()] = _r["kind"]
VERB_RE = re.compile(rf"\b({'|'.join(sorted((re.escape(v) for v in _VERBS), key=len, reverse=True))})\b", re.IGNORECASE)
ACCORDING_RE = re.compile(r"\b(?:according to|citing|cited by|per)\s+([^,;:.()\n]{2,80}?)(?=\s*(?:[,;:.()\n]|$|\b(?:that|which|who|in|on|since|last|this)\b))",
                          re.IGNORECASE)
DATA_RE = re.compile(r"([A-Z][^,;:.()\n]{1,60}?)['’]s\s+(?:data|figures|estimates?|assessment|report|intelligence)\s+"
                     r"(?:showed|shows|suggests?|suggested|indicated?|indicates)", re.UNICODE)
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_CARRY_RE = re.compile(r"^\s*(?:It|They|He|She|The (?:agency|ministry|service|office|department|spy agency|intelligence agency)|"
                       r"This|These|Those|The same (?:report|agency|official))\b|^\s*\w+ also\b|\balso (?:said|estimated|reported)\b")
_LOC_RE = re.compile(r"(?<!according )(?<!due )(?<!thanks )\b(?:in|to|towards|toward|into|inside|near|at|along|across|from)\s+(?:the\s+)?"
                     r"(?:[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|region|oblast|border|province|front|peninsula))*)",
                     re.UNICODE)
_CASUALTY_RE = re.compile(r"\s*(?:(?:have|had|has|were|was|are|being|been|reportedly|already)\s+)*"
                          r"(?:killed|dead|died|wounded|injured|captured|taken prisoner|lost)\b", re.IGNORECASE)
_KILLED_BEFORE = re.compile(r"\b(?:killed|killing|kills|kill|wounded|wounding|injured|injuring|captured|capturing|"
                            r"death toll of|deaths of|lost|losing)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_LETTER = re.compile(r"[A-Za-z]")
_PASSIVE_EST = re.compile(r"\b(?:estimated|believed|thought) to\b")
_LEAD_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


class _Sentences:
    """Sentence spans computed lazily per paragraph (line): most lines hold no figure."""

    def __init__(self, text: str):
        self.text = text
        self.paras: dict[int, list[tuple[int, int]]] = {}

    def _para(self, p0: int) -> list[tuple[int, int]]:
        if p0 not in self.paras:
            p1 = self.text.find("\n", p0)
            p1 = len(self.text) if p1 < 0 else p1
            self.paras[p0] = [(p0 + a, p0 + b) for a, b in sentence_spans(self.text[p0:p1])] or [(p0, p1)]
        return self.paras[p0]

    def locate(self, pos: int) -> tuple[int, int]:
        spans = self._para(self.text.rfind("\n", 0, pos) + 1)
        i = max(0, bisect.bisect_right([a for a, _ in spans], pos) - 1)
        return spans[i]

    def previous(self, start: int) -> tuple[int, int] | None:
        p0 = self.text.rfind("\n", 0, start) + 1
        spans = self._para(p0)
        i = [a for a, _ in spans].index(start)
        if i > 0:
            return spans[i - 1]
        if p0 == 0:
            return None
        q0 = self.text.rfind("\n", 0, p0 - 1) + 1
        return self._para(q0)[-1] if self.text[q0:p0 - 1].strip() else None


def _excluded(text: str, s: int, e: int) -> str:
    left, right, num = text[max(0, s - 40):s], text[e:e + 20], text[s:e]
    for rid, p, n in _LEFT:
        if p.search(left) and n.search(num):
            return rid
    for rid, p, n in _RIGHT:
        if p.match(right) and n.search(num):
            return rid
    for rid, p, n in _SELF:
        if p.search(num):
            return rid
    return ""


def _clean_subject(chunk: str) -> str:
    chunk = re.split(r"[,;:—–(“”\"]|\bthat\b|\bwhile\b|\bbut\b", chunk)[-1].strip(" \t’'")
    words = chunk.split()
    if not words:
        return ""
    words = words[-8:]
    # "... has also", "X on Tuesday"
    while words and words[-1].lower() in ("has", "have", "had", "also", "previously", "earlier", "reportedly", "had", "publicly"):
        words.pop()
    return " ".join(words)


def _looks_named(name: str, registry: Registry) -> bool:
    if not name or name.lower() in _PRONOUNS:
        return False
    return registry.lookup(name) is not None or bool(re.search(r"\b[A-Z][a-z]|\b[A-Z]{2,}", name))


def _resolve(name: str, registry: Registry):
    """Registered actor for a claimant phrase: whole phrase, then without leading titles."""
    name = name.strip(" ’'\"")
    a = registry.lookup(name) or registry.lookup(_LEAD_DET.sub("", name))
    words = _LEAD_DET.sub("", name).split()
    i = 1
    while a is None and i < len(words):
        rest = " ".join(words[i:])
        if rest[:1].isupper():
            cand = registry.lookup(rest)
            if cand is not None and (len(words) - i > 1 or cand.kind == "person"):
                a = cand
        i += 1
    return a


_ROLE_PREFIX = re.compile(r"^(?:[a-z][\w-]*\s+)+(?=[A-Z])")


def _full_name(text: str, name: str, before: int) -> str:
    """An unregistered claimant as the article names it in full.

    "lawmaker Lee Seong-kweun" -> "Lee Seong-kweun" (the role word is not the name);
    "Yusov" -> "Andriy Yusov", the latest full name ending in that surname before the figure,
    as news introduces a person once in full and then by surname.
    """
    name = _ROLE_PREFIX.sub("", _LEAD_DET.sub("", name.strip()))
    if re.fullmatch(r"[A-Z][\w’'-]+", name):
        runs = list(re.finditer(r"\b(?:(?:[A-Z][\w’'-]+|[A-Z]\.) ){1,3}" + re.escape(name) + r"\b", text, 0))
        runs = [m for m in runs if m.start() < before]
        if runs:
            return runs[-1].group(0)
    return name


def find_claimant(sentence: str, pos: int, registry: Registry) -> str:
    """Claimant phrase as written in `sentence` for a figure at offset `pos` ('' if none)."""
    m = ACCORDING_RE.search(sentence)
    if m and _looks_named(m.group(1).strip(), registry):
        return m.group(1).strip()
    m = DATA_RE.search(sentence)
    if m:
        return _clean_subject(m.group(1))
    best, best_d = "", None
    for v in VERB_RE.finditer(sentence):
        before = sentence[:v.start()]
        if re.search(r"\b(?:is|are|was|were|be|been|being|to)\s+$", before):
            continue  # passive/infinitive: "believed to", "is estimated"
        lw = before.split()[-1].lower() if before.split() else ""
        if lw in _VERBS or lw in ("the", "a", "an", "these", "those", "media", "news"):
            continue  # a noun use: "denied reports that", "the reports", "media reports"
        subj = _clean_subject(before)
        after = ""
        if not subj or not _looks_named(subj, registry):
            # inverted "..., said the ministry" / "..., X said."
            am = re.match(r"\s+((?:the\s+)?[A-Z][^,;:.()\n]{1,60}?)(?=\s*(?:[,;:.()\n]|$|\bthat\b|\bon\b|\bin\b))", sentence[v.end():])
            after = am.group(1) if am and before.rstrip().endswith(("”", "\"", ",")) else ""
            subj = after
        if not subj or not _looks_named(subj, registry):
            continue
        d = pos - v.start() if v.start() <= pos else 10_000 + v.start() - pos
        if best_d is None or d < best_d:
            best, best_d = subj, d
    return best


# Coordinated clauses carry their own modality: in "about 11,000 are there, and Pyongyang could
# send 3,000 more", only the second figure is a projection.
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+|\s+(?:but|while|whereas)\s+")


def _clause(sentence: str, pos: int) -> tuple[int, int]:
    """(start, end) of the coordinated clause of `sentence` holding offset `pos`."""
    start, end = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _status(sentence: str, qualifier: str) -> str:
    found = {st for st, p in _STATUS if p.search(sentence)}
    for st in _STATUS_ORDER:
        if st in found:
            return st
    return "reported"


def _location(clause: str) -> str:
    m = _LOC_RE.search(clause)
    return m.group(0) if m else ""


_DTYPES = {"value": np.float64, "low": np.float64, "high": np.float64, "start": np.int64, "end": np.int64}
_EMPTY = pd.DataFrame({c: pd.Series(dtype="float64" if c in ("value", "low", "high") else
                                     "int64" if c in ("start", "end") else "object") for c in COLUMNS})


def empty() -> pd.DataFrame:
    return _EMPTY.copy()


def extract_figures(text: str, article: str = "", published: str = "", published_source: str = "",
                    registry: Registry | None = None) -> pd.DataFrame:
    """Every figure in one article's cleaned text, one row each (columns: COLUMNS)."""
    return to_frame(figure_rows(text, article, published, published_source, registry))


def figure_rows(text: str, article: str = "", published: str = "", published_source: str = "",
                registry: Registry | None = None, published_window: tuple[str, str] | None = None) -> list[dict]:
    """The rows of extract_figures as dicts (keys: COLUMNS); the pipeline builds one frame per corpus."""
    if not text:
        return []
    registry = registry or default_registry()
    spans = None
    rows, sent_claimant, status_cache = [], {}, {}
    last_unit = {}
    for n in find_numbers(text):
        s, e = n.start, n.end
        if n.percent:
            unit, cat, uend = "percent", "other", e
            noun_phrase = unit
        else:
            um = UNIT_RE.match(text, e)
            if um:
                # unit = the counted noun as written; its modifiers ("North Korean") go to the subject
                unit, noun_phrase = um.group("unit"), (um.group(1) + um.group("unit")).strip()
                cat, uend = _UNITS[um.group("unit").lower()], um.end()
            else:
                unit = ""
                # cheap rejections first: most numbers in news count nothing
                if not ELLIPSIS_RE.match(text, e) or n.value == n.value and n.value < 10:
                    continue
        if _excluded(text, s, e):
            continue
        if n.kind == "single" and n.value < 2 and not n.percent and _LETTER.match(n.surface):
            continue  # "one soldier" is a person, not a figure
        if spans is None:
            spans = _Sentences(text)
        si, se = spans.locate(s)
        ss = si
        prev_span = spans.previous(si)
        if not n.percent and not um:
            # ellipsis: the noun was given by an earlier figure in the same sentence
            prev = last_unit.get(si)
            if prev is None or not ELLIPSIS_RE.match(text, e) or n.value == n.value and n.value < 10:
                continue
            unit, cat, uend = prev[0], prev[1], e
            noun_phrase = prev[2]
        last_unit[si] = (unit, cat, noun_phrase)
        sentence = text[ss:se]
        # qualifier written before the number
        qual = {"range": "range", "vague": "vague"}.get(n.kind, "exact")
        qm = QUAL_RE.search(text[max(ss, s - 25):s])
        if qm and n.kind == "single":
            qual = _QUALS[qm.group(1).lower()]
            s = s - len(text[max(ss, s - 25):s]) + qm.start(1)
        low, high, value = n.low, n.high, n.value
        if qual == "up_to":
            low = math.nan
        elif qual == "under":
            low, high = math.nan, n.value
        elif qual == "over":
            high = math.nan
        # claimant: this sentence, else carried over from the previous one when this one continues it
        cl = sent_claimant.get(si)
        if cl is None:
            cl = find_claimant(sentence, s - ss, registry)
            if not cl or cl.lower() in _PRONOUNS:
                if prev_span and (cl or _CARRY_RE.search(sentence) or _PASSIVE_EST.search(sentence)):
                    ps, pe = prev_span
                    cl = sent_claimant.get(ps) or find_claimant(text[ps:pe], pe - ps, registry)
                    if "\n" in text[pe:ss] and not _CARRY_RE.search(sentence):
                        cl = ""
                else:
                    cl = ""
            sent_claimant[si] = cl
        actor = _resolve(cl, registry) if cl else None
        if cl and actor is None:
            cl = _full_name(text, cl, ss)
            actor = _resolve(cl, registry)
        cs, ce = _clause(sentence, s - ss)
        status = status_cache.get((si, cs)) or status_cache.setdefault((si, cs), _status(sentence[cs:ce], qual))
        # subject: the counted noun and the rest of its clause
        tail = re.split(r"[,;:.(]|\band\b|\bwhich\b", text[uend:se], maxsplit=1)[0]
        subject = " ".join((noun_phrase + " " + tail.strip()).split()[:10]) if unit != "percent" else \
            " ".join(text[e:se].split()[:8])
        if cat == "personnel" and (_CASUALTY_RE.match(tail) or _KILLED_BEFORE.search(text, max(ss, s - 30), s)):
            cat = "casualties"  # "1,200 soldiers were killed" counts losses, not deployments
        location = _location(tail) or _location(text[uend:se])
        # claim date and period: claimdate.py (the previous sentence only when this one continues it)
        prev = text[prev_span[0]:prev_span[1]] if prev_span and sent_claimant.get(si) and _CARRY_RE.search(sentence) else None
        when = claimdate.claim_date(sentence, s - ss, published=published, source=published_source, previous=prev,
                                    **({"precision": "window", "earliest": published_window[0],
                                        "latest": published_window[1]} if published_window else {}))
        rows.append({
            "article": article, "surface": text[s:e], "value": value, "low": low, "high": high,
            "unit": unit, "unit_category": cat, "qualifier": qual,
            "claimant": actor.name if actor else _LEAD_DET.sub("", cl) if cl else "",
            "claimant_kind": actor.kind if actor else ("unregistered" if cl else ""),
            "actor_id": actor.actor_id if actor else "", "side": actor.side if actor else ("other" if cl else ""),
            "status": status, "subject": subject.strip(), "location": location,
            "claim_date": when.claim_date, "claim_date_end": when.claim_date_end,
            "claim_date_precision": when.precision, "claim_date_evidence": when.evidence,
            "claim_date_flag": when.flag, "period_start": when.period_start, "period_end": when.period_end,
            "published": published,
            "sentence": sentence.strip(), "start": s, "end": e})
    return rows


def to_frame(rows: list[dict]) -> pd.DataFrame:
    """Figure rows -> a typed frame (columns: COLUMNS)."""
    if not rows:
        return empty()
    # pandas' per-column string inference costs more than extracting the article: build typed arrays
    # and hand them over unchecked (private but long-stable constructor; public fallback below)
    arrays = [np.array([r[c] for r in rows], dtype=_DTYPES.get(c, object)) for c in COLUMNS]
    try:
        return pd.DataFrame._from_arrays(arrays, columns=pd.Index(COLUMNS, dtype=object),
                                         index=pd.RangeIndex(len(rows)), verify_integrity=False)
    except (AttributeError, TypeError):
        pass
    arr = np.array([[r[c] for c in COLUMNS] for r in rows], dtype=object)
    df = pd.DataFrame(arr, columns=COLUMNS, dtype=object)
    for c in ("value", "low", "high"):
        df[c] = arr[:, COLUMNS.index(c)].astype(np.float64)
    for c in ("start", "end"):
        df[c] = arr[:, COLUMNS.index(c)].astype(np.int64)
    return df
