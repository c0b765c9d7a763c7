"""Direct quotations and who said them, resolved to actors in the registry.

Rules, not a parse: one compiled regex finds the quotation marks over the
whole article, then only the local context (the sentence before the opening
mark, the clause after the closing mark, earlier sentences for antecedents) is
read. That keeps extraction well above a million words a second.

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
* Speakers: a registered actor takes the registry's name; otherwise the name
  as the article gives it with the role/country from its premodifiers or
  appositive; nobody named -> "unnamed: <description>" (kind anonymous, or
  organization for "the army said" with no antecedent). ``verb`` is the lemma
  of the attribution verb, "according to" or "continuation" (a follow-on or
  multi-paragraph quote); ``attribution`` names the rule that fired.

``quote_rows`` returns the same rows as dicts: building one frame per corpus
instead of one per article saves about half the time on quote-dense news.
"""
from __future__ import annotations

import re
import warnings
import weakref
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
import pandas as pd

from .actors import Actor, Registry, default_registry
from .resources import read_lines, read_table
from .text import sentence_spans

COLUMNS = ["article", "quote", "speaker", "speaker_kind", "actor_id", "role", "country", "side", "verb",
           "published", "start", "end", "sentence", "is_fragment", "attribution"]


# ---------------------------------------------------------------- data-driven patterns (built once)

@dataclass(frozen=True)
class _Lex:
    verb_re: re.Pattern          # any speech-verb form, as a whole word
    verb_lemma: dict             # form -> lemma
    titles: dict                 # head noun -> person/document
    demonyms: tuple              # (demonym, country), longest first
    pronouns: dict               # pronoun -> person/organization/group
    anon: frozenset
    demonym_by_first: dict       # first token -> [(tokens, country)], longest first


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    forms: dict[str, str] = {}
    for row in read_table("speech_verbs.csv"):
        for f in row["forms"].split(";"):
            f = f.strip().lower()
            if f:
                forms.setdefault(f, row["lemma"].strip())
    alts = sorted(forms, key=len, reverse=True)
    verb_re = re.compile(r"\b(" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in alts) + r")\b")
    titles = {r["title"].strip().lower(): r["kind"].strip() for r in read_table("speaker_titles.csv")}
    dem = tuple(sorted(((r["demonym"].strip(), r["country"].strip()) for r in read_table("demonyms.csv")),
                       key=lambda x: -len(x[0])))
    pron = {r["pronoun"].strip().lower(): r["antecedent"].strip() for r in read_table("pronouns.csv")}
    by_first: dict[str, list] = {}
    for d, c in dem:
        by_first.setdefault(d.split()[0], []).append((d.split(), c))
    return _Lex(verb_re, forms, titles, dem, pron, frozenset(w.lower() for w in read_lines("anonymous_markers.txt")),
                by_first)


# Opening/closing marks. Straight and curly single marks only count at word edges (see module doc).
_MARKS = re.compile(r"[“”\"]|(?<![\w’'])[‘'](?=[A-Za-z0-9“\"])")   # pre-filter: any double or opening single mark
_OPEN_SINGLE = re.compile(r"(?<![\w’'])[‘'](?=[A-Za-z0-9“\"])")
_DECADE = re.compile(r"'\d0s\b")
_WORDS = re.compile(r"[\w’'\-]+")
_TRANSCRIPT = re.compile(r"^(?P<label>(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen)\.\s+)?[A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3}"
                         r"(?:\s*\([^)\n]{1,40}\))?):\s+(?P<body>\S.*)$", re.M)
_AUX = re.compile(r"(?:\s+(?:has|have|had|also|then|later|previously|reportedly|once|again|further|was|is|"
                  r"were|are|would|will|could|had\s+been|has\s+been|repeatedly|recently|earlier|subsequently|"
                  r"publicly|separately|similarly|quickly|flatly|angrily|bluntly|simply))+$", re.I)
_LEAD = re.compile(r"^(?:and|but|while|as|so|yet|meanwhile|however|also|then|later|instead|separately)\b[\s,]*", re.I)
_TRAIL_TIME = re.compile(r"\s+(?:on|this|last|earlier)\s+\w+$|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                         r"Saturday|Sunday|today|yesterday)$")
_CAP = re.compile(r"^[A-Z][\w’'.\-]*$|^(?:[A-Z]\.)+$")
_NAME_TOKEN = r"(?:(?:[A-Z]\.){1,3}(?=[ ,;:’'])|(?:Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Adm|Sen|Rep|St)\.|[A-Z][\w’'\-]*)"
_NAME_RUN2 = re.compile(_NAME_TOKEN + r"(?:[ ]+(?:(?:of|for|the|to|and|de|von|van|al)[ ]+)*" + _NAME_TOKEN + ")+")
_APPOS = re.compile(r"\s*,\s+(?:the|a|an)\s+([^,.;“”\"]{3,80}?),")
_ORG_WORDS = frozenset("""ministry institute agency council office committee department party army forces service
center centre university command news times post herald bureau commission government parliament assembly
mission embassy organization organisation foundation association union administration staff navy corps
court kremlin pentagon nato un""".split())
_STOP_START = frozenset("the a an this that these those in on at during after before following when while "
                        "since for with as by from speaking asked".split())
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.I)
# A report introduced with its publisher ("said in a report", "its latest study", "INSS's report"); "the
# report" is itself a reference back and never introduces one.
_DOC_WORD = re.compile(r"\b(?:a|an|its|their|new|latest|[A-Z][\w.\-]*[’']s)\s+(?:[\w\-]+\s+){0,2}?"
                       r"(?:report|study|statement|assessment|analysis|paper|document)s?\b")
_NAME_SPLIT = re.compile(r"[\s\-]+")
_SUBJECT = re.compile(r"(?:(?:[A-Z][^,“”\"]{0,80}),\s+)?([A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|(?:[A-Z]\.)+|"
                      r"of|for|the|to))*)")
_QUOTED_AS = re.compile(r"\bquot(?:ed|ing|es)\s+(?P<np>[^“”\"]{2,100}?)\s+as\s+(?:saying|stating|telling\s+\w+)\b")
# Courtesy titles and ranks written before a name: kept out of the name ("Lt. Gen. Mark Hertling" -> Mark
# Hertling, role "Lt. Gen."); courtesy titles are dropped from the role too.
_HONORIFICS = frozenset("Mr. Mrs. Ms. Miss Dr. Prof. Gen. Lt. Col. Maj. Capt. Sgt. Adm. Sen. Rep. Gov. Amb. "
                        "Brig. Cmdr. Rev. Sir Dame".split())
_PREPS = frozenset("of at from for to in with who which on".split())
_CLAUSE_END = re.compile(r"[,;:]|(?<![A-Z])\.(?=\s|$)")
_SENT_END = re.compile(r"[.!?](?=\s|$)")


@lru_cache(maxsize=1)
def _title_tail() -> re.Pattern:
    """Lowercase words ending in a person title after a capitalised subject: "Freedonia’s | deputy envoy"."""
    heads = "|".join(sorted((re.escape(t) for t, k in _lex().titles.items() if k == "person"), key=len, reverse=True))
    verbs = _lex().verb_re.pattern
    return re.compile(r"(?:\s+(?!" + verbs + r")[a-z][\w\-.]*){0,3}\s+(?:" + heads + r")\b")


@dataclass
class Speaker:
    name: str
    kind: str                 # person / organization / government / anonymous
    actor_id: str = ""
    role: str = ""
    country: str = ""
    side: str = ""
    pos: int = 0              # where it was mentioned / spoke
    subject: bool = False     # a speaker or sentence subject (salient), not a passing mention

    @property
    def personlike(self) -> bool:
        return self.kind in ("person", "anonymous")


def _from_actor(a: Actor, pos: int, role: str = "", country: str = "") -> Speaker:
    return Speaker(a.name, a.kind, a.actor_id, a.role or role, a.country or country, a.side, pos)


# ---------------------------------------------------------------- quote finding

@dataclass
class _Quote:
    start: int       # inner text offsets
    end: int
    open_: int       # mark offsets
    close: int       # offset after the closing mark (== end when unclosed)
    para: int        # paragraph index
    continued: bool = False   # opened a paragraph that continues a multi-paragraph quote


def _pairs(text: str, ls: int, le: int) -> list[tuple[int, int, int, int]]:
    """(open, start, end, close) quote spans in one paragraph; unclosed last one has close=-1."""
    out = []
    i = ls
    while i < le:
        c = text.find("“", i, le)
        s = text.find('"', i, le)
        m = _OPEN_SINGLE.search(text, i, le)
        while m and _DECADE.match(text, m.start()):     # '90s is an apostrophe: search on
            m = _OPEN_SINGLE.search(text, m.start() + 1, le)
        o = m.start() if m else -1
        cands = [x for x in (c, s, o) if x >= 0]
        if not cands:
            break
        q = min(cands)
        ch = text[q]
        if ch == "“":
            e = text.find("”", q + 1, le)
            if e < 0:
                out.append((q, q + 1, le, -1))
                break
            out.append((q, q + 1, e, e + 1))
            i = e + 1
        elif ch == '"':
            e = text.find('"', q + 1, le)
            if e < 0:
                out.append((q, q + 1, le, -1))
                break
            out.append((q, q + 1, e, e + 1))
            i = e + 1
        else:  # single outer mark
            closer = "’" if ch == "‘" else "'"
            j = q + 1
            e = -1
            while True:
                k = text.find(closer, j, le)
                if k < 0:
                    break
                after = text[k + 1] if k + 1 < le else " "
                before = text[k - 1]
                if not after.isalnum() and not before.isspace():
                    # "Ministers’ meeting": a plural possessive closes only if a lowercase word follows
                    # and no better closer (before punctuation/end) exists later in the paragraph.
                    if before == "s" and after == " " and k + 2 < le and text[k + 2].islower():
                        later = text.find(closer, k + 1, le)
                        if later >= 0:
                            j = k + 1
                            continue
                    e = k
                    break
                j = k + 1
            if e < 0:
                i = q + 1   # an unpaired single mark is an apostrophe, not an unclosed quote
                continue
            out.append((q, q + 1, e, e + 1))
            i = e + 1
    return out


def _find_quotes(text: str) -> list[_Quote]:
    quotes: list[_Quote] = []
    pos = 0
    para = 0
    n = len(text)
    pending_unclosed: _Quote | None = None
    while pos <= n:
        le = text.find("\n", pos)
        if le < 0:
            le = n
        ls = pos
        # skip leading spaces for the continuation check
        fs = ls
        while fs < le and text[fs] in " \t":
            fs += 1
        starts_with_mark = fs < le and text[fs] in "“\"‘'"
        if pending_unclosed is not None:
            if starts_with_mark:
                quotes.append(pending_unclosed)
            pending_unclosed = None
        if le > ls:
            for o, s, e, c in _pairs(text, ls, le):
                q = _Quote(s, e, o, c if c >= 0 else e, para)
                if c < 0:
                    pending_unclosed = q
                else:
                    quotes.append(q)
            para += 1
        pos = le + 1
    # mark paragraph-opening quotes that continue a multi-paragraph quote
    for a, b in zip(quotes, quotes[1:]):
        if a.end == a.close and b.para == a.para + 1:
            b.continued = True
    for q in quotes:  # trim whitespace inside marks
        while q.start < q.end and text[q.start].isspace():
            q.start += 1
        while q.end > q.start and text[q.end - 1].isspace():
            q.end -= 1
    return [q for q in quotes if q.end > q.start]


# ---------------------------------------------------------------- noun phrases -> speakers

def _demonym(tokens: list[str]) -> tuple[str, int]:
    """Country from a leading demonym and how many tokens it took."""
    if not tokens:
        return "", 0
    for dem_toks, country in _lex().demonym_by_first.get(tokens[0], ()):
        if tokens[:len(dem_toks)] == dem_toks:
            return country, len(dem_toks)
    return "", 0


_CACHES: "weakref.WeakKeyDictionary[Registry, dict]" = weakref.WeakKeyDictionary()


def _caches(registry: Registry) -> dict:
    """Memo of registry look-ups and parsed name runs: news repeats the same names across articles."""
    c = _CACHES.get(registry)
    if c is None:
        c = _CACHES[registry] = {"lookup": {}, "named": {}}
    return c


def _single_word_names(registry: Registry) -> re.Pattern | None:
    """One regex for the registry's one-word names and aliases, as written ("NATO", "Pyongyang")."""
    c = _caches(registry)
    if "single" not in c:
        words = set()
        for row in registry.table.itertuples(index=False):
            for n in [row.name, *str(row.aliases).split(";")]:
                n = n.strip()
                if n and " " not in n and len(n) > 1 and n[0].isupper():
                    words.add(n)
        c["single"] = re.compile(r"(?<![\w’'\-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                                 + r")(?![\w\-])") if words else None
    return c["single"]


def _surname_index(registry: Registry) -> dict:
    """First or last name token -> the registered person, when only one person has it."""
    c = _caches(registry)
    if "surnames" not in c:
        seen: dict[str, list] = {}
        for a in registry.actors:
            if a.kind == "person":
                parts = _NAME_SPLIT.split(a.name)
                if len(parts) > 1:
                    for t in {parts[0], parts[-1]}:
                        seen.setdefault(t, []).append(a)
        c["surnames"] = {t: v[0] for t, v in seen.items() if len({x.actor_id for x in v}) == 1}
    return c["surnames"]


class _Resolver:
    def __init__(self, text: str, registry: Registry):
        self.text = text
        self.reg = registry
        caches = _caches(registry)
        self._lookup_memo = caches["lookup"]
        self._named_memo = caches["named"]
        self._np_memo = caches.setdefault("np", {})
        self._np_context_free = True
        self.lex = _lex()
        self.speakers: list[Speaker] = []       # resolved speakers in order
        self._mentions: list[Speaker] | None = None
        self._mention_pos: list[int] = []
        self.spans = sentence_spans(text)
        self.starts = [s for s, _ in self.spans]
        self._subjects: dict[int, Speaker | None] = {}
        self._depth = 0
        self.limit = len(text)   # antecedents are only looked for before this offset (the last quote)

    # -- sentences
    def sent_index(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    # -- mentions of named actors, for surnames and titles
    def mentions(self) -> list[Speaker]:
        if self._mentions is None:
            out = []
            memo = self._named_memo
            # runs of two or more capitalised words (names, titled names, institutions) ...
            for m in _NAME_RUN2.finditer(self.text, 0, self.limit):
                run = m.group(0).rstrip(".’'")
                sp = self.parse_named(run, m.start())
                if sp is None:
                    continue
                ap = _APPOS.match(self.text, m.end()) if sp.kind == "person" else None
                if ap and sp.kind == "person" and not sp.role:
                    sp.role = ap.group(1).strip()
                elif ap and sp.kind == "person":
                    sp.role = sp.role + "; " + ap.group(1).strip()
                out.append(sp)
            # ... and registered one-word names (NATO, Pyongyang, KCNA)
            single = _single_word_names(self.reg)
            if single is not None:
                for m in single.finditer(self.text, 0, self.limit):
                    sp = self.parse_named(m.group(0), m.start())
                    if sp is not None:
                        out.append(sp)
                out.sort(key=lambda sp: sp.pos)
            self._mentions = out
            self._mention_pos = [s.pos for s in out]
        return self._mentions

    def lookup(self, phrase: str) -> Actor | None:
        try:
            return self._lookup_memo[phrase]
        except KeyError:
            pass
        a = self._lookup(phrase)
        if len(self._lookup_memo) < 200_000:
            self._lookup_memo[phrase] = a
        return a

    def _lookup(self, phrase: str) -> Actor | None:
        a = self.reg.lookup(phrase)
        if a is None and phrase.endswith(("’s", "'s")):
            a = self.reg.lookup(phrase[:-2])
        return a

    def parse_named(self, run: str, pos: int) -> Speaker | None:
        """A capitalised run: registry actor (longest suffix), or a person/org name with premodifiers."""
        memo = self._named_memo
        if run in memo:
            t = memo[run]
        else:
            t = self._parse_named(run)
            if len(memo) < 200_000:
                memo[run] = t
        if t is None:
            return None
        return Speaker(t.name, t.kind, t.actor_id, t.role, t.country, t.side, pos)

    def _parse_named(self, run: str, pos: int = 0) -> Speaker | None:
        toks = run.split()
        for i in range(len(toks)):
            suffix = " ".join(toks[i:])
            a = self.lookup(suffix)
            if a is not None:
                role, country = self._premods(toks[:i])
                if i and a.kind != "person" and not toks[:i][-1].endswith(("’s", "'s")) and \
                        toks[i - 1][0].isupper() and toks[:i] != ["The"] and not role and not country:
                    # "Korean Central News Agency" matched only as a tail: keep the full run's name
                    continue
                return _from_actor(a, pos, role, country)
        if toks and toks[0] in ("The", "A", "An", "the"):
            toks = toks[1:]
        honor = [t for t in toks if t in _HONORIFICS]
        if honor:
            toks = [t for t in toks if t not in _HONORIFICS]
            if len(toks) >= 2 and self.lookup(" ".join(toks)) is None:
                sp = self._parse_named(" ".join(toks))
                if sp is not None and sp.kind == "person":
                    sp.role = (" ".join(h for h in honor if h not in ("Mr.", "Mrs.", "Ms.", "Miss")) + " " + sp.role).strip()
                return sp
        if not toks:
            return None
        role, country = self._premods(toks)
        country2, k = _demonym(toks)
        # strip leading demonym/title tokens off the name
        name_toks = toks[k:]
        while name_toks and (self.lex.titles.get(name_toks[0].lower()) == "person" or name_toks[0].lower() in
                             ("foreign", "defense", "defence", "deputy", "vice", "prime", "un", "u.n.", "the", "of", "for",
                              "national", "security", "state", "former", "acting", "senior", "chief")
                             or name_toks[0].endswith(("’s", "'s"))):
            name_toks = name_toks[1:]
        if not name_toks:
            return None
        name = " ".join(name_toks)
        low = {t.lower().strip(".,") for t in name_toks}
        if low & _ORG_WORDS:
            return Speaker(" ".join(toks), "organization", "", "", country or country2, "", pos)
        if len(name_toks) < 2 or len(name_toks) > 4:
            return None
        role = " ".join(t for t in toks[k:len(toks) - len(name_toks)] if not t.endswith(("’s", "'s")))
        return Speaker(name, "person", "", role, country or country2, "", pos)

    def _premods(self, toks: list[str]) -> tuple[str, str]:
        country, k = _demonym(toks)
        rest = toks[k:]
        if rest and rest[0].endswith(("’s", "'s")):
            a = self.lookup(rest[0])
            if a is not None and a.country:
                country = country or a.country
            rest = rest[1:]
        role = " ".join(rest)
        return role, country

    # -- parse a subject phrase
    def parse_np(self, np: str, pos: int) -> tuple[str, Speaker | None]:
        """-> (how, speaker). how names the rule; speaker None when nothing usable.

        Phrases that name their speaker outright (a registered or full name, an anonymous description)
        or name nobody mean the same in any article, so they are memoised per registry; references
        (pronoun, surname, title, report) depend on the article and are resolved each time.
        """
        memo = self._np_memo
        hit = memo.get(np)
        if hit is not None:
            how, t = hit
            if t is None:
                return how, None
            return how, Speaker(t.name, t.kind, t.actor_id, t.role, t.country, t.side, pos)
        outer = self._np_context_free
        self._np_context_free = True
        how, sp = self._parse_np(np, pos)
        free = self._np_context_free
        self._np_context_free = outer and free
        if free and len(memo) < 200_000 and how in ("", "registry", "name", "anonymous"):
            memo[np] = (how, None if sp is None else replace(sp))
        return how, sp

    def _parse_np(self, np: str, pos: int) -> tuple[str, Speaker | None]:
        np = np.strip(" ,;:—–-\t")
        np = _LEAD.sub("", np)
        np = _AUX.sub("", np)
        np = _TRAIL_TIME.sub("", np).strip(" ,")
        if not np or len(np) > 160:
            return "", None
        low = np.lower()
        if low in self.lex.pronouns:
            return "pronoun", self.resolve_pronoun(low, pos)
        words = np.split()
        if len(words) > 14:
            return "", None
        # appositive subject: "Name, the title," / "Name, who ..., "
        if "," in np:
            chunks = [c.strip() for c in np.split(",") if c.strip()]
            for c in chunks:
                how, sp = self.parse_np(c, pos)
                if sp is not None and how in ("name", "registry"):
                    if len(chunks) > 1 and sp.kind == "person" and not sp.role:
                        for c2 in chunks[1:]:
                            if c2.split()[0].lower() in ("the", "a", "an"):
                                sp.role = c2.split(None, 1)[1] if " " in c2 else c2
                                break
                    return how, sp
            for c in (chunks[-1:] + chunks[:1]) if chunks else ():
                if c != np:
                    how, sp = self.parse_np(c, pos)
                    if sp is not None:
                        return how, sp
            return "", None
        first = words[0].lower()
        # registry: whole phrase or a suffix of it
        for i in range(len(words)):
            a = self.lookup(" ".join(words[i:]))
            if a is not None:
                if i and first in self.lex.anon:
                    break
                role, country = self._premods(words[:i])
                return "registry", _from_actor(a, pos, role, country)
        if len(words) == 1 and (_demonym(words)[1] or words[0].endswith(("’s", "'s"))):
            return "", None
        if len(words) == 1 and words[0].lower() in self.lex.titles:   # "Officials said", "Experts say"
            kind = self.lex.titles[words[0].lower()]
            if kind == "person":
                return "anonymous", Speaker("unnamed: " + low, "anonymous", "", low, "", "", pos)
            return "", None
        if all(_CAP.match(w) or w.lower() in ("of", "for", "the", "to", "and") for w in words):
            if len(words) == 1 and _CAP.match(words[0]):
                return "surname", self.resolve_surname(words[0], pos)
            sp = self.parse_named(np, pos)
            if sp is not None:
                if sp.kind == "person" and len(sp.name.split()) == 1:
                    return "surname", self.resolve_surname(sp.name, pos)
                return "name", sp
        # a title then a name: "Kremlin spokesman Dmitry Peskov", "Pentagon press secretary Jane Roe"
        k = len(words)
        while k > 0 and _CAP.match(words[k - 1]) and self.lex.titles.get(words[k - 1].lower().strip(".")) != "person":
            k -= 1
        if len(words) - k >= 2 and k > 0 and self.lex.titles.get(words[k - 1].lower().strip(".,")) == "person":
            sp = self.parse_named(" ".join(words[k:]), pos)
            if sp is not None and sp.kind == "person":
                if sp.actor_id:
                    return "registry", sp
                role, country = self._premods(words[:k])
                if not country:
                    for w in words[:k]:
                        a = self.lookup(w)
                        if a is not None and a.country:
                            country = a.country
                            break
                sp.role = sp.role or role
                sp.country = sp.country or country
                return "name", sp
        # description with a title head noun
        # the head comes before a prepositional tail: "official at the defence ministry", "representative
        # to the UN", "spokesperson for the Kremlin"
        cut = next((i for i, w in enumerate(words) if i and w.lower() in _PREPS), len(words))
        head_i = None
        for lo, hi in ((0, cut), (0, len(words))):
            for i in range(hi - 1, lo - 1, -1):
                if words[i].lower().strip(".,’'") in self.lex.titles:
                    head_i = i
                    break
            if head_i is not None:
                break
        if head_i is None:
            return "", None
        head = words[head_i].lower().strip(".,’'")
        kind = self.lex.titles[head]
        if first in ("the", "this", "that") or (words[0].endswith(("’s", "'s")) and kind == "document"):
            country, _ = _demonym(words[1:])
            if kind == "document":
                return "report", self.resolve_document(pos)
            if kind == "organization":
                return "org-title", self.resolve_org_title(head, " ".join(words[1:]), country, pos)
            sp = self.resolve_title(head, country, pos)
            if sp is not None:
                return "title", sp
            desc = " ".join(words[1:])
            return "anonymous", Speaker("unnamed: " + desc, "anonymous", "", desc, country, "", pos)
        if kind == "document":
            return "report", self.resolve_document(pos)
        if kind == "organization":
            if first in self.lex.anon or words[0].endswith(("’s", "'s")) or _CAP.match(words[0]):
                desc = " ".join(words[1:] if first in self.lex.anon else words)
                for w in words[1:]:
                    a = self.lookup(w) if _CAP.match(w) else None
                    if a is not None and a.kind in ("organization", "government"):
                        return "registry", _from_actor(a, pos)
                return "org-description", self.resolve_org_title(head, desc, _demonym(words)[0], pos, definite=False)
            return "", None
        if first in self.lex.anon or words[0].endswith(("’s", "'s")) or words[-1].lower().endswith("s") \
                or _CAP.match(words[0]):
            desc_words = words[1:] if first in self.lex.anon else words
            while desc_words and desc_words[0].lower() in self.lex.anon:
                desc_words = desc_words[1:]
            desc = " ".join(desc_words)
            country = next((c for i in range(len(desc_words)) for c in (_demonym(desc_words[i:])[0],) if c), "")
            if not country and desc_words and desc_words[0].endswith(("’s", "'s")):
                a = self.lookup(desc_words[0])
                country = a.country if a is not None else ""
            return "anonymous", Speaker("unnamed: " + desc, "anonymous", "", desc, country, "", pos)
        return "", None

    # -- resolution of references
    def _subject_of(self, si: int) -> Speaker | None:
        """The subject of sentence si: a speaker recorded there, or its leading noun phrase."""
        if si in self._subjects:
            return self._subjects[si]
        if self._depth > 25:     # a long chain of "He said ..." sentences: stop rather than recurse deeper
            return None
        self._depth += 1
        try:
            return self._compute_subject(si)
        finally:
            self._depth -= 1

    def _compute_subject(self, si: int) -> Speaker | None:
        s, e = self.spans[si]
        sent = self.text[s:e]
        sp = None
        first_quote = min([i for i in (sent.find("“"), sent.find('"')) if i >= 0], default=len(sent))
        if first_quote > 0:
            sp, _, _ = _np_verb(self, sent[:first_quote], s)
            if sp is not None:
                sp = replace(sp, pos=s, subject=True)
                self._subjects[si] = sp
                return sp
        m = _SUBJECT.match(sent)
        if m and not sent.startswith(("“", "\"")):
            np = m.group(1)
            tail = _title_tail().match(sent, m.end(1))
            if tail:
                np = sent[m.start(1):tail.end()]
            if np.split()[0].lower() in self.lex.pronouns:
                sp = None
            else:
                toks = np.split()
                # a possessive + title with no name ("Russia’s U.N. Ambassador") is an unnamed person
                how, sp = self.parse_np(np, s + m.start(1))
                if sp is None and toks and self.lex.titles.get(toks[-1].lower().strip(".")) == "person":
                    country = ""
                    a = self.lookup(toks[0])
                    if a is not None:
                        country = a.country
                    sp = Speaker("unnamed: " + np, "anonymous", "", np, country, "", s)
                if sp is not None and how == "anonymous" and sp.role and sp.role.split()[-1] in ("officials",):
                    sp = None
        if sp is None:
            # "a senior official who requested anonymity" style lowercase subjects
            m2 = re.match(r"(?:the|a|an|one)\s+[^,.;“”\"]{0,60}?\b(" + "|".join(
                t for t, k in self.lex.titles.items() if k == "person") + r")\b", sent, re.I)
            if m2:
                how, sp = self.parse_np(sent[:m2.end()], s)
        if sp is not None:
            sp = replace(sp, pos=s, subject=True)
        self._subjects[si] = sp
        return sp

    def _recent(self, pos: int, ok, limit_sentences: int = 12) -> Speaker | None:
        """Walk back sentence by sentence: speakers recorded there first, then the sentence subject."""
        si = self.sent_index(pos)
        by_sent: dict[int, Speaker] = {}
        for sp in self.speakers:
            if sp.pos < pos:
                by_sent[self.sent_index(sp.pos)] = sp
        for k in range(si, max(-1, si - limit_sentences), -1):
            sp = by_sent.get(k)
            if sp is not None and ok(sp):
                return sp
            if k == si:
                continue
            sub = self._subject_of(k)
            if sub is not None and ok(sub):
                return sub
        return None

    def resolve_pronoun(self, pron: str, pos: int) -> Speaker | None:
        self._np_context_free = False
        want = self.lex.pronouns.get(pron, "person")
        if want == "person":
            return self._recent(pos, lambda s: s.personlike)
        if want == "organization":
            return self._recent(pos, lambda s: s.kind in ("organization", "government"))
        return self._recent(pos, lambda s: True)

    def resolve_surname(self, tok: str, pos: int) -> Speaker | None:
        self._np_context_free = False
        tok_n = tok.strip(".’'")

        def has(sp: Speaker) -> bool:
            if sp.kind != "person" or tok_n not in sp.name:
                return False
            parts = _NAME_SPLIT.split(sp.name)
            return len(parts) > 1 and (parts[0] == tok_n or parts[-1] == tok_n)
        # The latest full name that spoke or was the subject of its sentence wins ("Kim" after Defense
        # Minister Kim Yong-hyun said ... is him, not the vice minister quoted earlier); a name only in
        # passing (an object, "met Kim Jong-un") is used when nobody with that name spoke or led a sentence.
        speaker = next((sp for sp in reversed(self.speakers) if sp.pos < pos and has(sp)), None)
        ms = self.mentions()
        cand = [m for m in ms if m.pos < pos and has(m)]
        si_now = self.sent_index(pos)
        subject = None
        for m in reversed(cand):
            if speaker is not None and m.pos <= speaker.pos:
                break
            si = self.sent_index(m.pos)
            if si == si_now:
                continue
            sub = self._subject_of(si)
            if sub is not None and sub.name == m.name:
                subject = sub
                break
        if speaker is not None or subject is not None:
            return subject or speaker
        if cand:
            return cand[-1]
        a = self.reg.lookup(tok_n)
        if a is None:
            a = _surname_index(self.reg).get(tok_n)
        if a is not None:
            return _from_actor(a, pos)
        later = [m for m in ms if has(m)]   # named in full only later (lead paragraphs sometimes do that)
        if later:
            return later[0]
        return Speaker(tok_n, "person", "", "", "", "", pos)

    def resolve_title(self, head: str, country: str, pos: int) -> Speaker | None:
        self._np_context_free = False
        def ok(sp: Speaker) -> bool:
            if head not in sp.role.lower() and not (head in ("spokesman", "spokeswoman", "spokesperson") and
                                                     "spokes" in sp.role.lower()):
                return False
            return not country or not sp.country or sp.country == country
        for sp in reversed(self.speakers):
            if sp.pos < pos and ok(sp):
                return sp
        cand = [m for m in self.mentions() if m.pos < pos and m.kind == "person" and ok(m)]
        if cand:
            return cand[-1]
        # a registered person whose registry role fits and who is named earlier
        for m in reversed([m for m in self.mentions() if m.pos < pos and m.actor_id]):
            if ok(m):
                return m
        return None

    def resolve_org_title(self, head: str, desc: str, country: str, pos: int, definite: bool = True) -> Speaker:
        """'the ministry said' -> the latest organisation named with that word; else an unnamed organisation."""
        self._np_context_free = False
        def ok(sp: Speaker) -> bool:
            return (sp.kind in ("organization", "government") and
                    (head in sp.name.lower() or head in sp.role.lower()) and
                    (not country or not sp.country or sp.country == country))
        if definite:
            for sp in reversed(self.speakers):
                if sp.pos < pos and ok(sp):
                    return sp
            for m in reversed(self.mentions()):
                if m.pos < pos and ok(m):
                    return m
        if desc and desc[0].isupper() and not desc.split()[0].endswith(("’s", "'s")):
            a = self.lookup(desc)
            if a is not None:
                return _from_actor(a, pos)
        if definite and country:   # "the Japanese government" names an institution, just not as registered
            return Speaker(desc, "government" if head == "government" else "organization", "", desc, country, "", pos)
        return Speaker("unnamed: " + desc, "organization", "", desc, country, "", pos)

    def resolve_document(self, pos: int) -> Speaker | None:
        """'the report said' -> the organisation that published the report, else the latest organisation.

        The publisher is the first organisation named in the latest earlier sentence that mentions a
        report (study, statement...) before that word: "The Institute X, a think tank, said in a report".
        """
        self._np_context_free = False
        ms = [m for m in self.mentions() if m.pos < pos]
        si = self.sent_index(pos)
        starts = [m.pos for m in ms]
        for k in range(si, max(-1, si - 15), -1):
            s, e = self.spans[k]
            kw = _DOC_WORD.search(self.text, s, min(e, pos))
            if not kw:
                continue
            for sp in self.speakers:
                if s <= sp.pos < kw.start() and sp.kind in ("organization", "government"):
                    return sp
            i = bisect_right(starts, s - 1)
            inside = [m for m in ms[i:] if m.pos < kw.end()]
            if inside:
                return inside[0]
        for sp in reversed(self.speakers):
            if sp.pos < pos and sp.kind in ("organization", "government"):
                return sp
        orgs = [m for m in ms if m.kind in ("organization", "government")]
        return orgs[-1] if orgs else None


# ---------------------------------------------------------------- attribution



_DETERMINER_END = re.compile(r"(?:^|\s)(?:the|a|an|this|that|its|his|her|their|our|these|those|new|latest|such)\s*$", re.I)
_RIGHT_OK = re.compile(r"[,.?!—–…\-]\s*$")


@lru_cache(maxsize=1)
def _verb_np() -> re.Pattern:
    return re.compile(r"\s*[,:;—–-]?\s*" + _lex().verb_re.pattern + r"\s+(?P<np>[^,.;“”\"]{1,120})", re.I)


def _np_verb(res: _Resolver, context: str, offset: int, max_words: int = 14):
    """First speech verb in context whose preceding words parse as a speaker -> (speaker, verb match, how)."""
    for vm in res.lex.verb_re.finditer(context):
        np = context[:vm.start()]
        cut = max(np.rfind("”"), np.rfind('"'))
        if cut >= 0:
            np = np[cut + 1:]
        if not np.strip() or _DETERMINER_END.search(np):
            continue
        if len(np.split()) > max_words + 6:
            # a long lead-in ("Speaking at a meeting of ..., in New York on Monday, the envoy"): the subject
            # is the last comma-separated chunk
            tail = np.rstrip().rsplit(",", 1)
            if len(tail) < 2 or len(tail[1].split()) > max_words:
                continue
            np = tail[1]
        if not np.strip():
            continue
        how, sp = res.parse_np(np, offset + vm.start())
        if sp is not None:
            return sp, vm, how
    return None, None, ""


def _right_context(text: str, q: _Quote, le: int, res: "_Resolver | None" = None) -> str:
    """Text after the closing mark up to the end of its sentence or the next opening mark."""
    end = le
    nxt = min([x for x in (text.find("“", q.close, le), text.find('"', q.close, le)) if x >= 0], default=le)
    if res is not None and res.spans:
        s, e = res.spans[res.sent_index(q.close)]
        if s < q.close < e:
            end = e
        else:
            return ""
    else:
        m = _SENT_END.search(text, q.close, le)
        if m:
            end = m.start()
    return text[q.close:min(end, nxt)].rstrip(".!? ")


def _attribute(res: _Resolver, text: str, q: _Quote, ls: int, le: int) -> tuple[Speaker | None, str, str]:
    """(speaker, verb lemma, rule) from the quote's own sentence."""
    lex = res.lex
    right = _right_context(text, q, le, res)
    quote = text[q.start:q.end]
    if right.strip() and (_RIGHT_OK.search(quote) or right.lstrip().startswith((",", "—", "–")) or q.end == q.close):
        m = _verb_np().match(right)
        if m:
            np = re.split(r"\s+(?:in|on|at|during|while|after|before|when|to)\s+", m.group("np"))[0]
            how, sp = res.parse_np(np, q.close + m.start("np"))
            if sp is not None:
                ap = _APPOS.match(right + ",", m.end("np")) if sp.kind == "person" and not sp.role else None
                if ap:
                    sp = replace(sp, role=ap.group(1).strip())
                return sp, lex.verb_lemma.get(m.group(1).lower(), m.group(1).lower()), "after:verb-np:" + how
        sp, vm, how = _np_verb(res, right, q.close)
        if sp is not None and vm.start() < 160:
            return sp, lex.verb_lemma.get(vm.group(1).lower(), vm.group(1).lower()), "after:np-verb:" + how
    if right.strip():
        m = _ACCORDING.search(right)
        if m:
            how, sp = res.parse_np(_CLAUSE_END.split(right[m.end():])[0], q.close + m.end())
            if sp is not None:
                return sp, "according to", "after:according:" + how
    # the sentence before the opening mark
    si = res.sent_index(q.open_)
    s0 = max(ls, res.spans[si][0]) if res.spans else ls
    # a sentence break inside an earlier quote of this paragraph: start after the last closing mark
    left = text[s0:q.open_]
    m = _QUOTED_AS.search(left)
    if m:
        how, sp = res.parse_np(m.group("np"), s0 + m.start("np"))
        if sp is not None:
            return sp, "say", "before:quoted-as-saying:" + how
    m = _ACCORDING.search(left)
    if m:
        how, sp = res.parse_np(_CLAUSE_END.split(left[m.end():])[0], s0 + m.end())
        if sp is not None:
            return sp, "according to", "before:according:" + how
    sp, vm, how = _np_verb(res, left, s0)
    if sp is not None:
        return sp, lex.verb_lemma.get(vm.group(1).lower(), vm.group(1).lower()), "before:np-verb:" + how
    return None, "", ""


def _opens_sentence(res: _Resolver, text: str, q: _Quote, ls: int) -> bool:
    s0 = max(ls, res.spans[res.sent_index(q.open_)][0]) if res.spans else ls
    lead = text[s0:q.open_].strip()
    return not lead or lead.endswith((":", "—", "–")) or lead[-1] in "”\"’'"


def _previous_sentence_speaker(res: _Resolver, text: str, q: _Quote) -> tuple[Speaker | None, str, str]:
    """A quote-only paragraph introduced by the previous paragraph's last sentence ("Kim said:")."""
    si = res.sent_index(q.open_)
    if si == 0:
        return None, "", ""
    s, e = res.spans[si - 1]
    sent = text[s:e]
    if "“" in sent or '"' in sent:
        return None, "", ""
    sp, vm, how = _np_verb(res, sent, s)
    if sp is not None:
        return sp, res.lex.verb_lemma.get(vm.group(1).lower(), ""), "previous-sentence:" + how
    return None, "", ""


# ---------------------------------------------------------------- public

@lru_cache(maxsize=1)
def _empty_template() -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    df["is_fragment"] = df["is_fragment"].astype(bool)
    return df


def _empty() -> pd.DataFrame:
    return _empty_template().copy()


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


def _fragment(quote: str) -> bool:
    return len(_WORDS.findall(quote)) <= 3


def extract_quotes(text: str, article: str = "", published: str = "", registry: Registry | None = None,
                   *, include_transcripts: bool = False) -> pd.DataFrame:
    """Direct quotations in one cleaned article with their resolved speakers (columns: COLUMNS)."""
    if not text or not isinstance(text, str):
        return _empty()
    try:
        return to_frame(_extract(text, article, published, registry, include_transcripts))
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
    return _extract(text, article, published, registry, include_transcripts)


def _extract(text: str, article: str, published: str, registry: Registry | None,
             include_transcripts: bool) -> list[dict]:
    has_marks = ("“" in text or '"' in text or "”" in text
                 or (("‘" in text or "'" in text) and _MARKS.search(text) is not None))
    if not has_marks and not include_transcripts:
        return []
    registry = registry or default_registry()
    quotes = _find_quotes(text) if has_marks else []
    if not quotes and not include_transcripts:
        return []
    res = _Resolver(text, registry)
    if quotes and not include_transcripts:
        res.limit = min(len(text), quotes[-1].close + 200)
    rows = []
    para_bounds = []
    # paragraph bounds by index
    pos = 0
    n = len(text)
    while pos <= n:
        le = text.find("\n", pos)
        if le < 0:
            le = n
        if le > pos:
            para_bounds.append((pos, le))
        pos = le + 1
    prev: tuple[_Quote, Speaker, str] | None = None
    for q in quotes:
        ls, le = para_bounds[q.para] if q.para < len(para_bounds) else (0, n)
        quote = text[q.start:q.end]
        frag = _fragment(quote)
        sp, verb, rule = (None, "", "")
        if q.continued and prev is not None:
            sp, verb, rule = prev[1], "continuation", "multi-paragraph"
        else:
            sp, verb, rule = _attribute(res, text, q, ls, le)
        # A follow-on quote opens its own sentence ("...," he said. "..."); an unattributed quote inside
        # narration (a treaty's name, a slogan) is not taken as the last speaker's words.
        if sp is None and not frag and prev is not None and prev[0].para >= q.para - 1 and _opens_sentence(res, text, q, ls):
            sp, verb, rule = prev[1], "continuation", "follow-on"
        if sp is None and not frag and _opens_sentence(res, text, q, ls):
            sp, verb, rule = _previous_sentence_speaker(res, text, q)
        if sp is None and not frag:
            continue
        if sp is not None and not frag:
            spk = replace(sp, pos=q.open_, subject=True)
            res.speakers.append(spk)
            res._subjects[res.sent_index(q.open_)] = spk
            prev = (q, spk, verb)
        si0 = res.sent_index(q.open_)
        si1 = res.sent_index(max(q.close - 1, q.open_))
        s_start = res.spans[si0][0] if res.spans else ls
        s_end = res.spans[si1][1] if res.spans else le
        # extend to the attribution after the closing mark
        if si1 + 1 < len(res.spans) and res.spans[si1][1] <= q.close + 1 and res.spans[si1 + 1][0] < le:
            rc = _right_context(text, q, le, res)
            if rc.strip():
                s_end = res.spans[si1 + 1][1]
        s_start, s_end = max(s_start, ls), min(max(s_end, q.close), le)
        rows.append({
            "article": article, "quote": quote,
            "speaker": sp.name if sp else "", "speaker_kind": sp.kind if sp else "",
            "actor_id": sp.actor_id if sp else "", "role": sp.role if sp else "",
            "country": sp.country if sp else "", "side": sp.side if sp else "",
            "verb": verb, "published": published, "start": q.start, "end": q.end,
            "sentence": text[s_start:s_end], "is_fragment": frag, "attribution": rule or "none",
        })
    if include_transcripts:
        for m in _TRANSCRIPT.finditer(text):
            label = m.group("label")
            name = re.sub(r"\s*\(.*\)$", "", label).strip()
            how, sp = res.parse_np(name, m.start())
            if sp is None:
                sp = Speaker(name, "person", "", "", "", "", m.start())
            body = m.group("body")
            rows.append({
                "article": article, "quote": body, "speaker": sp.name, "speaker_kind": sp.kind,
                "actor_id": sp.actor_id, "role": sp.role, "country": sp.country, "side": sp.side,
                "verb": "transcript", "published": published, "start": m.start("body"), "end": m.end("body"),
                "sentence": m.group(0), "is_fragment": _fragment(body), "attribution": "transcript-line",
            })
        rows.sort(key=lambda r: r["start"])
    return rows
