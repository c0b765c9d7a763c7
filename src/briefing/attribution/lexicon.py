"""The word lists attribution reads, built once from the data files.

speech_verbs.csv (verbs that attribute speech or a claim), speaker_titles.csv (head nouns naming a
speaker by office: person, document or organization), role_words.txt (capitalised office words that are
never part of a person's name), not_names.txt (sentence openers and time words that are never a name),
demonyms.csv, pronouns.csv, anonymous_markers.txt and outlets.csv (news outlets: an outlet a speaker
talks to is never the claimant).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..dates import MONTHS, WEEKDAYS
from ..resources import read_lines, read_table


@dataclass(frozen=True)
class Lexicon:
    verb_re: re.Pattern          # any speech-verb form, as a whole word
    verb_lemma: dict             # form -> lemma
    verb_kind: dict              # form -> say / claim / deny / estimate / confirm / warn
    titles: dict                 # head noun -> person / document / organization
    person_titles: frozenset
    role_words: frozenset        # lower-case office words that never belong to a name
    not_names: frozenset         # lower-case words that never belong to a name
    demonym_by_first: dict       # first token -> [(tokens, country)], longest first
    pronouns: dict               # pronoun -> person / organization / group
    anon: frozenset
    outlets: dict                # lower-case alias -> display name
    descriptors: frozenset = frozenset()   # person titles that describe, not name an office (person_descriptors.txt)
    countries: frozenset = frozenset()     # the country names of demonyms.csv ("Japan's": Japan)

    def lemma(self, form: str) -> str:
        f = form.lower()
        return self.verb_lemma.get(f, f)

    def demonym(self, tokens: list[str]) -> tuple[str, int]:
        """Country from a leading demonym and how many tokens it took."""
        if not tokens:
            return "", 0
        for dem_toks, country in self.demonym_by_first.get(tokens[0], ()):
            if tokens[:len(dem_toks)] == dem_toks:
                return country, len(dem_toks)
        return "", 0

    def outlet(self, phrase: str) -> str:
        """The outlet a phrase names ("the Guardian", "CNN"), or ''. A name is capitalised: "The diplomat
        said" opening a sentence is a diplomat, not The Diplomat."""
        bare = re.sub(r"^the\s+", "", phrase.strip(), flags=re.IGNORECASE)
        if not any(ch.isupper() for ch in bare):
            return ""
        p = bare.lower()
        return self.outlets.get(p) or self.outlets.get("the " + p, "")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    forms: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for row in read_table("speech_verbs.csv"):
        for f in row["forms"].split(";"):
            f = f.strip().lower()
            if f:
                forms.setdefault(f, row["lemma"].strip())
                kinds.setdefault(f, row["kind"].strip())
    alts = sorted(forms, key=len, reverse=True)
    verb_re = re.compile(r"\b(" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in alts) + r")\b")
    titles = {r["title"].strip().lower(): r["kind"].strip() for r in read_table("speaker_titles.csv")}
    dem = sorted(((r["demonym"].strip(), r["country"].strip()) for r in read_table("demonyms.csv")),
                 key=lambda x: -len(x[0]))
    by_first: dict[str, list] = {}
    for d, c in dem:
        by_first.setdefault(d.split()[0], []).append((d.split(), c))
    pron = {r["pronoun"].strip().lower(): r["antecedent"].strip() for r in read_table("pronouns.csv")}
    person_titles = frozenset(t for t, k in titles.items() if k == "person")
    role = frozenset(w.lower().rstrip(".") for w in read_lines("role_words.txt")) | person_titles
    not_names = frozenset(w.lower() for w in read_lines("not_names.txt")) | frozenset(MONTHS) | frozenset(WEEKDAYS)
    outlets: dict[str, str] = {}
    for r in read_table("outlets.csv"):
        for alias in [r["name"], *filter(None, r["aliases"].split(";"))]:
            outlets[alias.strip().lower()] = r["name"]
    return Lexicon(verb_re, forms, kinds, titles, person_titles, role, not_names, by_first, pron,
                   frozenset(w.lower() for w in read_lines("anonymous_markers.txt")), outlets,
                   frozenset(w.lower() for w in read_lines("person_descriptors.txt")),
                   frozenset(c for _, c in dem))
