"""Names as news writes them -> speakers: registry actors, people (office words stripped), organisations.

Editorial choices:
* A registered actor (data/actors.csv) wins: the registry's name, kind, country and side.
* A person is the capitalised tokens at the end of a run that are not office words ("National Security
  Communications Adviser John Kirby" -> John Kirby, role "National Security Communications Adviser").
  Two to four tokens; one token is a surname, resolved against the article (see resolver).
* A run with an institution word (ministry, agency, office ...) is an organisation, named as written.
* A run joined by "and" names two people, not one ("Austin and Kim"): no speaker. A run made of time
  words or sentence openers ("In December") is no name at all.
"""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from functools import lru_cache

from ..actors import Actor, Registry
from ..resources import read_lines, read_table
from .lexicon import lexicon

@lru_cache(maxsize=1)
def countries() -> frozenset:
    """Country and region names in English (CLDR, through Babel): "Denmark", "Eastern Europe"."""
    from babel import Locale
    return frozenset(Locale("en").territories.values()) - {"European Union", "United Nations"}


CAPITALS = {r["capital"].strip(): r["country"].strip() for r in read_table("capitals.csv")}
# "Rear Adm." is an admiral (data/title_abbreviations.csv)
TITLE_ABBR = {r["abbreviation"].strip(): r["title"].strip() for r in read_table("title_abbreviations.csv")}

ORG_WORDS = frozenset("""ministry institute agency council office committee department party army forces service
center centre university command news times post herald bureau commission government parliament assembly
mission embassy organization organisation foundation association union administration staff navy corps
court kremlin pentagon nato un directorate guard guards agency's ministry's nations control treasury
operations studies research project initiative network group company corporation llc ltd inc fund bank forum
programme program academy college secretariat division brigade battalion regiment fleet watch lab labs laboratory
laboratories observatory headquarters""".split())
# a field of government names a body only when no office word makes the run a person's title: "National
# Defence", "Global Affairs Canada", "Military Intelligence" are bodies; "Defence Secretary" is a person
FIELD_WORDS = frozenset("affairs defence defense intelligence".split())
PLACE_WORDS = frozenset("province oblast region county city district village town prefecture peninsula island "
                        "sea river strait border".split())
# (and Malaysia's honours before a name: "Datuk Seri Mohamad Hasan" is Mohamad Hasan, "Mohamad" after; "Seri" only
# after "Datuk"/"Dato'", see below, as "Sri" opens Indonesian given names)
# (British style writes the courtesy titles without a full stop: "Ms Zodwa Mkhize-Ndlovu", "Dr Whitcombe")
HONORIFICS = frozenset("Mr. Mrs. Ms. Miss Dr. Prof. Mr Mrs Ms Dr Prof Gen. Lt. Col. Maj. Capt. Sgt. Adm. Sen. Rep. "
                       "Gov. Amb. Brig. Cmdr. Rev. Sir Dame Datuk Dato' Dato’ Datin Tun".split())
_HONOUR_SECOND = frozenset(("Seri", "Sri"))
_COURTESY = frozenset(("Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms"))


@lru_cache(maxsize=1)
def _post_nominals() -> frozenset:
    return frozenset(read_lines("post_nominals.txt"))


def without_post_nominals(toks: list[str]) -> list[str]:
    """The tokens without the letters after a name ("Alasdair Finlay MP", "Sir Richard Haldane KBE"); a
    description keeps them ("a senior MP": no name before the letters)."""
    while len(toks) > 2 and toks[-1].rstrip(".,") in _post_nominals() and toks[-2][:1].isupper():
        toks = toks[:-1]
    return toks
_CAP = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*$|^(?:[A-ZÀ-ÖØ-ÞĀ-Ž]\.)+$")
_PARTICLES = frozenset(("de", "von", "van", "al", "bin", "da", "del", "la", "le"))
_JOINERS = frozenset(("of", "for", "the", "to"))
_MISSIONS = frozenset(("Embassy", "Consulate", "Mission"))


def possessive(tok: str) -> bool:
    return tok.endswith(("’s", "'s", "s’", "s'"))


@dataclass
class Speaker:
    """Who said something: a registered actor, a named person or organisation, or an unnamed description."""
    name: str
    kind: str                 # person / organization / government / anonymous
    actor_id: str = ""
    role: str = ""
    country: str = ""
    side: str = ""
    pos: int = 0              # where it was mentioned or spoke
    organisation: str = ""    # the body a person speaks for (registry affiliation or from the role)
    subject: bool = False     # a speaker or sentence subject (salient), not a passing mention

    @property
    def personlike(self) -> bool:
        return self.kind in ("person", "anonymous")

    def at(self, pos: int, **kw) -> "Speaker":
        return Speaker(self.name, self.kind, self.actor_id, self.role, self.country, self.side, pos,
                       self.organisation, kw.get("subject", self.subject))


# An unnamed source is labelled by its description up to a relative clause: "a military official who
# spoke on condition of anonymity" is "unnamed: military official" (the clause stays in `role`).
# "people familiar with the matter and a Ukrainian intelligence document seen by Reuters": the people (the
# document is another source of the same claim, kept in `role`)
_CLAUSE = re.compile(r"\s*,?\s+\b(?:who|whom|that|which|speaking|asking|requesting)\b.*$|\s+and\s+(?:a|an)\s+"
                     r"(?:[\w-]+\s+){0,3}?(?:document|report|assessment|memo|paper|letter)s?\b.*$", re.I | re.S)


# a contact clause without "who": "a Ukrainian brigade commander I spoke to", "an officer we interviewed"
_CONTACT = re.compile(r"\s+(?:I|we)(?:\s.*)?$", re.S)


def lower_first(desc: str) -> str:
    """A description's first letter in lower case, as it reads after "unnamed:" ("Social media posts" ->
    "social media posts"), unless the first word is a name or an abbreviation ("U.S. and South Korean
    estimates", "NATO officials")."""
    w = desc.split(None, 1)[0] if desc.strip() else ""
    if len(w) > 1 and (w[1:2].isupper() or "." in w):
        return desc
    return desc[:1].lower() + desc[1:]


def unnamed(desc: str) -> str:
    short = _CLAUSE.sub("", desc).strip(" ,;:") or desc
    cut = _CONTACT.sub("", short)
    if len(cut.split()) >= 2:
        short = cut     # (but "people I still talk to in Seoul" says more than "people")
    return "unnamed: " + short


def from_actor(a: Actor, pos: int, role: str = "", country: str = "") -> Speaker:
    org = a.affiliation if a.kind == "person" else ""
    return Speaker(a.name, a.kind, a.actor_id, a.role or role, a.country or country, a.side, pos, org)


_MEMOS: "weakref.WeakKeyDictionary[Registry, dict]" = weakref.WeakKeyDictionary()


def memo(registry: Registry) -> dict:
    """Per-registry memo of look-ups and parsed runs: news repeats the same names across articles."""
    m = _MEMOS.get(registry)
    if m is None:
        m = _MEMOS[registry] = {"lookup": {}, "named": {}, "np": {}}
    return m


def first_name_jan(toks: list[str], i: int) -> bool:
    """A month's bare abbreviation that is also a common first name ("Jan"), before a capitalised word."""
    return toks[i] == "Jan" and i + 1 < len(toks) and toks[i + 1][:1].isupper() and toks[i + 1][1:2].islower()


class Names:
    """Registry look-ups and the parsing of capitalised runs, memoised per registry."""

    def __init__(self, registry: Registry):
        self.reg = registry
        self.lex = lexicon()
        m = memo(registry)
        self._lookup_memo, self._named_memo = m["lookup"], m["named"]

    def lookup(self, phrase: str) -> Actor | None:
        try:
            return self._lookup_memo[phrase]
        except KeyError:
            pass
        a = self.reg.lookup(phrase)
        if a is None and phrase.endswith(("’s", "'s")):
            a = self.reg.lookup(phrase[:-2])
        if len(self._lookup_memo) < 200_000:
            self._lookup_memo[phrase] = a
        return a

    def premods(self, toks: list[str]) -> tuple[str, str]:
        """(role, country) from the words before a name: a demonym, a possessive country, office words."""
        if toks and toks[0].lower() == "the" and len(toks) > 1 and possessive(toks[1]):
            toks = toks[1:]     # "the UK's"
        country, k = self.lex.demonym(toks)
        rest = toks[k:]
        if rest and possessive(rest[0]):
            a = self.lookup(rest[0])
            if a is not None and a.country:
                country = country or a.country
            else:
                bare = re.sub(r"['’]s?$", "", rest[0])
                country = country or self.lex.demonym([bare])[0] or (bare if bare in self.lex.countries else "")
            rest = rest[1:]
        return " ".join(rest), country

    def parse_named(self, run: str, pos: int) -> Speaker | None:
        memo_ = self._named_memo
        if run in memo_:
            t = memo_[run]
        else:
            t = self._parse_named(run)
            if len(memo_) < 200_000:
                memo_[run] = t
        return None if t is None else t.at(pos)

    def _office(self, low: str) -> str:
        """A hyphenated office ("brig.-gen", Canadian style for "Brig. Gen."; British "lieutenant-general")
        read as its last title; any other token as it is."""
        if "-" not in low:
            return low
        parts = [p.strip(".") for p in low.split("-")]
        if all(TITLE_ABBR.get(p, p) in self.lex.titles or p in self.lex.role_words for p in parts) and \
                TITLE_ABBR.get(parts[-1], parts[-1]) in self.lex.titles:
            return TITLE_ABBR.get(parts[-1], parts[-1])
        return low

    def _parse_named(self, run: str) -> Speaker | None:
        toks = run.split()
        # time words and sentence openers are never a name: "In December", "Meanwhile Kim Jong Un"; but "Jan"
        # before a surname is a first name ("Foreign Minister Jan Lipavský"), never a month written so
        while toks and toks[0].lower().strip(".,") in self.lex.not_names and not first_name_jan(toks, 0):
            toks = toks[1:]
        for i, t in enumerate(toks):
            if i and t.lower().strip(".,") in self.lex.not_names and t.lower() not in _JOINERS | {"and"} and \
                    not first_name_jan(toks, i) and not (i == len(toks) - 1 and t.lower() in ORG_WORDS) and \
                    not (t == "in" and toks[i - 1] in _MISSIONS):      # ("Russian Embassy in Ottawa")
                toks = toks[:i]
                break
            if i and t.lower() in self.lex.verb_lemma and t[:1].isupper():
                toks = toks[:i]     # a title-case headline: "... Seoul Lawmaker Says"
                break
        if not toks:
            return None
        if self.lex.demonym(toks)[1] == len(toks) or self.lex.demonym(toks[:-1] + [toks[-1][:-1]])[1] == len(toks):
            return None   # "North Korean" is an adjective and "North Koreans" a people, never a person
        if len(toks) > 2 and toks[1] in ("of", "by", "from") and self.lex.titles.get(toks[0].lower()) == "document":
            toks = toks[2:]   # a heading "Statement of the Ministry of ...": the ministry
        for i in range(len(toks)):
            a = self.lookup(" ".join(toks[i:]))
            if a is not None:
                role, country = self.premods(toks[:i])
                if country and a.country and country != a.country:
                    continue  # "Russia's Defense Ministry" is not another country's ministry
                if i and a.kind != "person" and not possessive(toks[i - 1]) and toks[i - 1][0].isupper() \
                        and toks[:i] != ["The"] and not role and not country:
                    continue  # "Korean Central News Agency" matched only as a tail: keep the full run
                if i and a.kind != "person" and toks[i - 1].lower() in _JOINERS:
                    continue  # "General Staff of the Armed Forces of Ukraine" is not Ukraine
                return from_actor(a, 0, role, country)
        if toks[0] in ("The", "A", "An", "the"):
            toks = toks[1:]
        if not toks:
            return None
        if " ".join(toks) in countries() or " ".join(toks) in CAPITALS:
            # a country the registry does not hold ("Denmark has pledged ...", "Ottawa believed ..."): its
            # government, never a person a pronoun "she" could stand for
            c = CAPITALS.get(" ".join(toks), " ".join(toks))
            return Speaker(c, "government", "", "government", c, c, 0)
        toks = without_post_nominals(toks)
        honor = [t for t in toks if t in HONORIFICS]
        if honor:
            toks = [t for i, t in enumerate(toks) if t not in HONORIFICS and
                    not (t in _HONOUR_SECOND and i and toks[i - 1] in HONORIFICS)]
            if len(toks) >= 2 and self.lookup(" ".join(toks)) is None:
                sp = self._parse_named(" ".join(toks))
                if sp is not None and sp.kind == "person":
                    sp.role = (" ".join(h for h in honor if h not in _COURTESY) + " " + sp.role).strip()
                return sp
        if not toks:
            return None
        lows = [self._office(t.lower().strip(".,’'")) for t in toks]
        if set(lows) & PLACE_WORDS:
            return None   # "South Hamgyong Province", "Kursk Oblast": a place, not a speaker
        country, k = self.lex.demonym(toks)
        # the name: the capitalised tokens at the end that are not office words
        j = len(toks)
        while j > 0:
            t, low = toks[j - 1], lows[j - 1]
            if not _CAP.match(t) and low not in _PARTICLES:
                break
            if low in self.lex.role_words or low in _JOINERS or possessive(t) or low in self.lex.titles \
                    or low in ORG_WORDS or low == "and":
                break
            j -= 1
        while j < len(toks) and lows[j] in _PARTICLES:
            j += 1
        name_toks, head = toks[j:], toks[:j]
        if j and lows[j - 1] in _JOINERS and len(name_toks) >= 3:
            # "Ambassador to South Korea Georgy Zinoviev": the place the office is for, then the name
            for k in range(1, len(name_toks) - 1):
                a = self.lookup(" ".join(name_toks[:k]))
                if a is not None and a.kind == "government" or self.lex.demonym(name_toks[:k])[1] == k:
                    head, name_toks, j = toks[:j + k], name_toks[k:], j + k
                    lows = [t.lower().strip(".,’'") for t in toks]
                    break
        titled = any(w in self.lex.person_titles or w in self.lex.role_words for w in lows[:j])
        if len(name_toks) == 1 and j and lows[j - 1] in self.lex.person_titles and _CAP.match(name_toks[0]) and \
                lows[j] not in self.lex.not_names and not self.lex.demonym(name_toks)[1] and \
                self.lookup(name_toks[0]) is None and name_toks[0][1:].islower():
            # "President Trump", "General Petrov": an office and a surname the article gives no first name for
            role, country2 = self.premods(head)
            return Speaker(name_toks[0], "person", "", " ".join(t for t in role.split() if not possessive(t)),
                           country or country2, "", 0)
        # a person is "<office words> <Name>"; "Mission to the United Nations" ends in a body's name
        is_person = 2 <= len(name_toks) <= 4 and not (j and self.lex.demonym(name_toks)[1]) and \
            (titled or not set(lows) & ORG_WORDS) and "and" not in lows[j:] and \
            not (j and lows[j - 1] in _JOINERS)
        if not is_person:
            if set(lows) & ORG_WORDS or set(lows) & FIELD_WORDS and not set(lows) & self.lex.person_titles:
                return Speaker(" ".join(toks), "organization", "", "", country or self.premods(toks)[1], "", 0)
            return None  # "Austin and Kim": two people, neither the speaker on their own; or no name at all
        role, country2 = self.premods(head)
        role = " ".join(t for t in role.split() if not possessive(t))
        country = country or country2
        org = ""
        owner = next((t for t in head if possessive(t)), "")
        a = self.lookup(owner) if owner else None
        if a is not None and a.kind != "person":
            org = a.name
        elif head and set(lows[:j]) & ORG_WORDS:
            # "Defense Ministry Spokesman Jeon Ha-gyu": the body before the title word
            cut = next((n for n, w in enumerate(lows[:j]) if w in self.lex.person_titles), j)
            org = " ".join(head[:cut])
        return Speaker(" ".join(name_toks), "person", "", role, country, "", 0, org)
