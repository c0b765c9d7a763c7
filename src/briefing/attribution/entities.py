"""The named actors of one article, found in one linear scan and indexed for the resolver.

A mention is a run of capitalised words parsed as a registry actor, a person or an organisation
(``names.Names``), or a registered one-word name ("NATO", "Pyongyang"). A person's role comes from the
office words before the name ("Defence Minister Rustem Umerov", "military intelligence chief Kyrylo
Budanov") or an appositive after it ("Kyrylo Budanov, head of the agency,"). Mentions are indexed by name
token (for "Park said") and by role word (for "the minister said"), so each look-up is a bisect, not a
scan of the article.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from ..actors import Registry
from ..resources import read_table
from .lexicon import lexicon
from .names import ORG_WORDS, TITLE_ABBR, Names, Speaker, possessive, unnamed

NAME_TOKEN = r"(?:(?:[A-ZÀ-ÖØ-ÞĀ-Ž]\.){1,3}(?=[ ,;:’'])|(?:Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Maj|Capt|Adm|Sen|Rep|St|Sgt|Brig|Gov)\.(?:-(?:Gen|Col|Cmdr|Adm)\.)?|[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*)"
NAME_RUN2 = re.compile(NAME_TOKEN + r"(?:[ ]+(?:(?:of|for|the|to|and|de|von|van|al)[ ]+)*" + NAME_TOKEN + ")+")
# "Name, the title," / "Name, Ukraine's defence minister," / "Name, head of the agency," / "Name, who heads ..."
# (a dash sets the description off too: "Shin Jae-hoon—the KIDA researcher, who ...")
_APPOS = re.compile(r"\s*(?:,\s+|[—–]\s*)(?:who\s+(?:is|was|has\s+been|serves\s+as|(?P<lead>heads|leads|led|has\s+led|"
                    r"headed|has\s+headed|runs|ran|has\s+run|chairs|chaired|(?P<cmd>commands|commanded|has\s+commanded)))\s+)?(?P<role>(?:the|a|an|[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-]*[’']s|"
                    r"[a-z][\w\-]*|[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-]*)(?:\s+[^,.;:“”\"()\n]{1,80}?)?)\s*"
                    # (an acronym in brackets may close it: "deputy head of Ukraine's Defence Intelligence (HUR),")
                    # or a relative clause about what they do: "a lawmaker of the opposition Democratic Party of
                    # Korea who sits on the intelligence committee, told ..." (the role is the words before "who")
                    r"(?:\([A-ZÀ-ÖØ-ÞĀ-Ž]{2,8}\)\s*)?(?=,|\.(?:\s|$)|;|\)|$|\s+(?:who|whose)\s)")
_ACRONYM = re.compile(r"\((?P<acr>[A-ZÀ-ÖØ-ÞĀ-Ž]{2,6})\)")
_NAME_SPLIT = re.compile(r"[\s\-]+")
_HALVES = re.compile(r"-(?-i:[a-z])")
_LEFT_WINDOW = 90
# the noun phrase opening a clause before ", Name,": "Russia's ambassador in Berlin", "The head of the agency"; also
# after a comma ("... about 11,000 soldiers, Ukraine's ambassador to Greece, Oleh Marchenko, told ...")
_ROLE_LEAD = re.compile(r"(?:^|[.;:!?]\s+|\n|,\s+)(?P<np>(?:[\w’'.\-]+\s+){0,4}?[\w’'.\-]+(?:\s+(?:of|in|at|to|for)\s+"
                        r"(?:the\s+)?[\w’'.\-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]+){0,3})?)$")
# "I'm Rachel Dunmore": a contraction before a name is no part of it
CONTRACTED = re.compile(r"(?:I|We|You|They|He|She|It)['’](?:m|d|ll|re|ve|s)\s+")


def _one_body(run: str, names: Names) -> bool:
    """Whether "X and Y" is one body's name ("Military Intelligence and Security Service"): the words
    after "and" end in a body's word, the words before it do not and name nobody on their own."""
    first, _, second = run.partition(" and ")
    last = second.split()[-1].lower() if second.split() else ""
    return last in ORG_WORDS and first.split()[-1].lower() not in ORG_WORDS and \
        not second.startswith(("the ", "The ")) and names.lookup(first) is None


def name_parts(name: str) -> list[str]:
    # "Lee Seong-kweun" -> Lee, Seong, kweun (a Korean given name's halves); "Ellen Kim-Harbaugh" keeps her
    # double-barrelled surname whole ("Kim-Harbaugh said"), as "Jean-Noël Barrot" keeps his first name
    return [p for w in name.split() for p in (_NAME_SPLIT.split(w) if _HALVES.search(w) else (w,)) if p]


class EntityIndex:
    def __init__(self, text: str, names: Names, registry: Registry):
        self.text = text
        self.names = names
        self.lex = lexicon()
        found: list[Speaker] = []
        single = _single_word_names(registry, names)
        # One scan of capitalised runs: a run of two or more words is parsed as a name; each word of any
        # run is also looked up among the registry's one-word names ("NATO", "Pyongyang").
        for m in _RUN.finditer(text):
            s = m.start()
            if s and (text[s - 1].isalnum() or text[s - 1] in "’'-_"):
                continue
            run = m.group(0)
            if " " in run:
                core = re.sub(r"['’]s$", "", run.rstrip(".’'")) if run.endswith(("'s", "’s")) else run.rstrip(".’'")
                lead = CONTRACTED.match(core)
                if lead:     # "I'm Rachel Dunmore": the name after the contraction
                    s, core = s + lead.end(), core[lead.end():]
                led = _LEAD_WORDS.match(core)
                base = led.end() if led and core[led.end():].strip() else 0
                # ("According to Rep. Kang Jun-seok", "Citing Kang Jun-seok": the name after the lead words)
                # "Lawmakers Han Ji-woo and Oh Min-seo": two people, each parsed on their own
                parts = [] if base and " " not in core[base:].strip() else \
                    [(base, core[base:])] if " and " not in core or _one_body(core[base:], names) else \
                    [(base + p.start(), p.group(0)) for p in re.finditer(r"(?:(?! and ).)+", core[base:])]
                for off, part in parts:
                    sp = names.parse_named(part.strip(), s + off)
                    if sp is None or sp.kind != "person":
                        sp = self._titled_person(part, s + off) or self._person_of(part, s + off) or sp
                    if sp is not None:
                        if sp.kind == "person":
                            self._add_roles(sp, s + off, s + off + len(part))
                            self._title_in_run(sp, part.strip())
                        found.append(sp)
            if single:
                for w in _WORD.finditer(run):
                    tok = w.group(0).rstrip(".")
                    if tok in single or tok.endswith(("’s", "'s")) and tok[:-2] in single:
                        sp = names.parse_named(tok, s + w.start())
                        if sp is not None:
                            found.append(sp)
        found.sort(key=lambda s: s.pos)
        # "Secretary Blinken" when the article also writes "Antony Blinken": one person, the fullest name
        full: dict[str, Speaker] = {}
        for sp in found:
            if sp.kind == "person" and " " in sp.name:
                for t in name_parts(sp.name)[-1:]:
                    full.setdefault(t, sp)
        for i, sp in enumerate(found):
            if sp.kind == "person" and " " not in sp.name and sp.name in full:
                f = full[sp.name]
                found[i] = Speaker(f.name, "person", f.actor_id, sp.role or f.role, f.country, f.side, sp.pos,
                                   f.organisation)
        self.acronyms: dict[str, Speaker] = {}
        for m in _ACRONYM.finditer(text):
            k = bisect_right([s.pos for s in found], m.start("acr")) - 1
            if k >= 0 and found[k].pos + len(found[k].name) + 12 >= m.start("acr") and found[k].kind != "person":
                sp = found[k]
                tail = re.split(r"['’]s\s+", sp.name)[-1]
                if tail != sp.name and "".join(w[0] for w in tail.split() if w[0].isupper()) == m.group("acr"):
                    # "the Department of the Treasury's Office of Foreign Assets Control (OFAC)": the office
                    sp = replace(sp, name=tail)
                self.acronyms.setdefault(m.group("acr"), sp)
        self.mentions = found
        self._unnamed: list[tuple[str, Speaker]] | None = None     # built when first asked for
        self.pos = [s.pos for s in found]
        self.by_token: dict[str, list[int]] = {}
        self.by_role: dict[str, list[int]] = {}
        self.by_initials: dict[str, set[str]] = {}
        self.orgs: list[int] = []
        for i, sp in enumerate(found):
            if sp.kind == "person":
                parts = name_parts(sp.name)
                if len(parts) > 2 and parts[-1].rstrip(".") in ("Jr", "Sr", "II", "III", "IV"):
                    parts = parts[:-1]     # "Gilberto Teodoro Jr." answers to "Teodoro"
                if len(parts) > 1:
                    for t in {parts[0], parts[-1]}:
                        self.by_token.setdefault(t, []).append(i)
                    # an interview's "V.H.:" is Vitaliy Hrebeniuk; "Lee Seong-kweun" answers to "L.S.K." and "L.S."
                    # (a run of initials such as the label "T. O." itself is no name to index)
                    words = sp.name.split()
                    if any(len(w.strip(".")) > 1 for w in words):
                        for key in {"".join(w[0] for w in words), "".join(p[0] for p in parts)}:
                            self.by_initials.setdefault(key.upper(), set()).add(sp.name)
                words = set(re.findall(r"[a-z]+", sp.role.lower()))
                for w in words | {TITLE_ABBR[w] for w in words if w in TITLE_ABBR}:
                    self.by_role.setdefault(w, []).append(i)
            else:
                self.orgs.append(i)

    def unnamed_before(self, heads: tuple[str, ...], pos: int, ordinal: int = 0) -> Speaker | None:
        """The unnamed person an indefinite mention introduced before ``pos`` with one of these head nouns
        ("Meduza spoke with a source close to the Defense Ministry", "per two diplomats who have seen
        it"): the latest, or with ``ordinal`` n the n-th in the article ("the second source")."""
        if self._unnamed is None:
            self._unnamed = _unnamed_mentions(self.text, self.lex)
        got = [sp for head, sp in self._unnamed if sp.pos < pos and head in heads]
        if ordinal:
            return got[ordinal - 1] if len(got) >= ordinal else None
        return got[-1] if got else None

    def unnamed_within(self, heads: tuple[str, ...], lo: int, hi: int, words: str) -> Speaker | None:
        """The indefinite mention with one of these heads, written as ``words``, that starts in [lo, hi)
        (the latest): the full description of "A second source, in South Pyongan Province," when the
        subject was cut at its comma."""
        if self._unnamed is None:
            self._unnamed = _unnamed_mentions(self.text, self.lex)
        got = [sp for head, sp in self._unnamed if lo <= sp.pos < hi and head in heads and
               self.text.startswith(words, sp.pos)]
        return got[-1] if got else None

    def _person_of(self, run: str, pos: int) -> Speaker | None:
        """"Rep. Naomi Quintero of California", "Victor Lisowski of the Atlantic Security Forum": the person
        before the "of" (the place or body after it is theirs, not part of the name)."""
        head, sep, tail = run.partition(" of ")
        if not sep or len(head.split()) < 2:
            return None
        sp = self.names.parse_named(head, pos)
        if sp is None or sp.kind != "person" or len(name_parts(sp.name)) < 2:
            return None
        a = self.names.lookup(tail.removeprefix("the ").strip())
        if a is not None and a.kind != "person":
            sp.organisation = sp.organisation or a.name
        return sp

    def _titled_person(self, run: str, pos: int) -> Speaker | None:
        """A person at the end of a run that opens with an office: "Ambassador of the Russian Federation to the
        Republic of Korea Georgy Zinoviev", "Chief of Staff Valery Gerasimov" (the name after the words the
        office's "of"/"to" governs), or "Secretary Blinken" (an office and a surname only)."""
        words = run.split()
        w0 = words[0].lower().strip(".") if words else ""
        if len(words) > 2 and self.lex.titles.get(TITLE_ABBR.get(w0, w0)) != "person":
            # "US Secretary of State Marco Rubio", "Russian Foreign Minister Sergey Lavrov": the office after
            # the country it serves
            country, k = self.lex.demonym(words)
            a = None if k else self.names.lookup(words[0])
            if k or a is not None and a.kind == "government" and a.name == a.country:
                rest = run.split(None, k or 1)[-1]
                sp = self._titled_person(rest, pos + len(run) - len(rest))
                if sp is not None and not sp.country:
                    sp.country = country or a.country
                return sp
        if len(words) < 2 or self.lex.titles.get(TITLE_ABBR.get(w0, w0)) != "person":
            return None     # an office ("Ambassador", or abbreviated: "Gen. Syrskyi") opens the run
        if len(words) == 2:
            tok = words[1].strip(".,’'")
            low = tok.lower()
            if low in self.lex.titles or low in self.lex.role_words or low in self.lex.not_names or \
                    low in self.lex.verb_lemma or \
                    self.names.lookup(tok) is not None or not tok[:1].isupper() or tok.isupper():
                return None
            return Speaker(tok, "person", "", words[0], "", "", pos + len(run) - len(words[1]))
        last = max((i for i, w in enumerate(words) if w in ("of", "to", "for", "the")), default=-1)
        tail = words[last + 2:] if last >= 0 else []
        if len(tail) < 2 or any(not w[:1].isupper() or w.lower() in self.lex.titles for w in tail):
            return None
        name = " ".join(tail)
        sp = self.names.parse_named(name, pos + run.rfind(name))
        if sp is None or sp.kind != "person":
            return None
        sp.role = sp.role or " ".join(words[:len(words) - len(tail)])
        return sp

    def _title_in_run(self, sp: Speaker, part: str) -> None:
        """"General Oleksandr Syrskyi": a title written as part of the capitalised run is a role too, so "the
        general" later is him, even when the registry gives another role."""
        if not part.endswith(sp.name) or part == sp.name:
            return
        lead = [w for w in part[:-len(sp.name)].split() if w.lower().strip(".") in self.lex.person_titles]
        title = " ".join(lead)
        have = set(re.findall(r"[a-z]+", sp.role.lower()))
        if title and not set(re.findall(r"[a-z]+", title.lower())) <= have:    # ("Vice Minister" in "Vice Defense Minister")
            sp.role = (sp.role + "; " + title) if sp.role else title

    def _add_roles(self, sp: Speaker, start: int, end: int) -> None:
        """Role words written before the name (lower case) or in an appositive after it."""
        left = self.text[max(0, start - _LEFT_WINDOW):start]
        toks = left.split()
        if left and not left[-1].isspace():
            toks = []
        k = len(toks)
        while k > 0:
            t = toks[k - 1]
            if t[-1] in ",.;:”\"()":
                break
            low = t.lower().strip(".")
            # office words only: "military intelligence chief Kyrylo Budanov", not "so is lawmaker X"
            if not (low in self.lex.role_words or low in self.lex.titles or possessive(t) or
                    self.lex.demonym([t])[1] or t.islower() and k == len(toks) and low in self.lex.person_titles):
                break
            k -= 1
        words = toks[k:]
        if words and words[-1].lower().strip(".") in self.lex.person_titles:
            role, country = self.names.premods(words)
            role = " ".join(w for w in role.split() if not possessive(w))
            sp.role = (role + " " + sp.role).strip() if role not in sp.role else sp.role
            sp.country = sp.country or country
        if not words and left.rstrip().endswith(",") and self.text[end:end + 1] == ",":
            # "Russia's ambassador in Berlin, Sergei Nechayev, dismissed ...": the role the name is set off from
            lead = _ROLE_LEAD.search(left.rstrip()[:-1])
            if lead:
                lw = lead.group("np").split()
                head = next((w for w in lw if w.lower().strip(".,’'") in self.lex.person_titles), "")
                first = lw[0]
                # ("Its ambassador in Seoul, Dmytro Ponomarenko,": a possessive determiner leads it too)
                if head and (first.lower() in ("the", "a", "an", "its", "his", "her", "their") or possessive(first) or
                             self.lex.demonym(lw)[1]):
                    sp.role = sp.role or re.sub(r"^(?:the|a|an|its|his|her|their)\s+", "", " ".join(w for w in lw if not possessive(w)),
                                                flags=re.I)
                    sp.country = sp.country or self.names.premods(lw)[1]
        ap = _APPOS.match(self.text, end, min(len(self.text), end + 120))
        if ap:
            role = ap.group("role").strip()
            if ap.group("lead"):   # "who has led military intelligence since 2020": the head of it
                # ("who commands a drone battalion": its commander)
                role = ("commander of " if ap.group("cmd") else "head of ") + \
                    re.split(r"\s+(?:since|for|from|until)\s+", role)[0]
            lw = [w.lower().strip(".,’'") for w in role.split()]
            # ("a member of parliament's intelligence committee": a membership is a role too)
            if any(w in self.lex.person_titles for w in lw[:7]) or any(w.endswith("s") and w[:-1] in
                                                                       self.lex.person_titles for w in lw[:3]) or \
                    "member" in lw[:2] and "of" in lw[1:3]:
                role = re.sub(r"^(?:the|a|an)\s+", "", role)
                if not sp.role:
                    sp.role = role
                elif role not in sp.role:
                    sp.role = sp.role + "; " + role
                if not sp.country:
                    sp.country = self.names.premods(role.split())[1]

    # -- look-ups (each a bisect into the index, so a long article never costs a scan per quote)
    def index_before(self, pos: int) -> int:
        """Number of mentions that start before pos."""
        return bisect_left(self.pos, pos)

    def with_token(self, tok: str) -> list[Speaker]:
        return [self.mentions[i] for i in self.by_token.get(tok, ())]

    def with_token_before(self, tok: str, pos: int, limit: int = 50) -> list[Speaker]:
        idx = self.by_token.get(tok, ())
        k = _bisect_idx(idx, self.mentions, pos)
        return [self.mentions[i] for i in idx[max(0, k - limit):k]]

    def with_initials(self, letters: str) -> Speaker | None:
        """The one person of the article whose name has these initials ("VH"); None when none or several."""
        names = self.by_initials.get(letters.upper(), ())
        if len(names) != 1:
            return None
        name = next(iter(names))
        return next(sp for sp in self.mentions if sp.name == name)

    def with_role(self, word: str) -> list[Speaker]:
        return [self.mentions[i] for i in self.by_role.get(word, ())]

    def between(self, start: int, end: int) -> list[Speaker]:
        return self.mentions[bisect_left(self.pos, start):bisect_right(self.pos, end - 1)]


def _bisect_idx(idx: list[int], mentions: list[Speaker], pos: int) -> int:
    lo, hi = 0, len(idx)
    while lo < hi:
        mid = (lo + hi) // 2
        if mentions[idx[mid]].pos < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


# a run of capitalised words, joined by spaces and name particles ("Institute for the Study of War")
_LEAD_WORDS = re.compile(r"(?:According[ ]+to|Citing|Quoting|Per|Unlike|Like|Thanks[ ]+to)[ ]+")
# ("Russian Embassy in Ottawa": a mission's run goes on through "in" and its city)
_RUN = re.compile(NAME_TOKEN + r"(?:[ ]+(?:(?:of|for|the|to|and|de|von|van|al|(?<=Embassy )in|(?<=Consulate )in|"
                  r"(?<=Mission )in)[ ]+)*" + NAME_TOKEN + ")*")
_WORD = re.compile(r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž]\.){1,3}|[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*")


def _single_word_names(registry: Registry, names: Names) -> frozenset:
    """The registry's one-word names and aliases, as written ("NATO", "Pyongyang", "U.S.")."""
    from .names import memo
    m = memo(registry)
    if "single" not in m:
        words = set()
        for row in registry.table.itertuples(index=False):
            for n in [row.name, *str(row.aliases).split(";")]:
                n = n.strip()
                if n and " " not in n and len(n) > 1 and n[0].isupper():
                    words.add(n.rstrip(".") if not n.endswith(".") or n.count(".") == 1 else n)
                    words.add(n)
        m["single"] = frozenset(words)
    return m["single"]


# An indefinite mention of an unnamed person: a marker (data/anonymous_markers.txt), up to four words,
# a person title (data/speaker_titles.csv), and what places them: "a source close to the Defense
# Ministry", "two diplomats in Brussels", "three people familiar with the matter".
_PLACING = (r"(?:close\s+to|in|from|at|with|of|for|on|inside|within|based\s+in|familiar\s+with|"
            r"knowledgeable\s+about|briefed\s+on)")
_PROPER = (r"(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.\-]*(?:\s+(?:of|and|the|[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.\-]*))*)"
           # "close to the Freedonian navy": an institution named by its nationality
           r"(?:\s+(?-i:navy|army|military|government|ministry|forces|command|agency|service|office|embassy|"
           r"administration|leadership|authorities|side|border|region|capital|intelligence))?")


def _unnamed_pattern(lex) -> re.Pattern:
    anon = "|".join(sorted(map(re.escape, lex.anon), key=len, reverse=True))
    heads = "|".join(sorted(map(re.escape, lex.person_titles), key=len, reverse=True))
    return re.compile(rf"\b(?:{anon})\s+(?P<desc>(?!of\b)(?:[\w'’\-]+\s+){{0,4}}?(?P<head>{heads})\b"
                      rf"(?:,?\s+{_PLACING}\s+(?:(?:the|a|an)\s+)?(?:{_PROPER}|(?-i:[a-z]+)(?:\s+of\s+{_PROPER})?))?)",
                      re.I)


_UNNAMED_RE: dict[int, re.Pattern] = {}


def _unnamed_mentions(text: str, lex) -> list[tuple[str, Speaker]]:
    """(head noun, speaker) of each indefinite mention of an unnamed person, in text order: one scan."""
    pat = _UNNAMED_RE.get(id(lex))
    if pat is None:
        pat = _UNNAMED_RE[id(lex)] = _unnamed_pattern(lex)
    out = []
    for m in pat.finditer(text):
        if m.group(0)[:1].isupper() and m.start() and text[m.start() - 1] not in " \n\t\"“‘(—–-":
            continue
        desc = " ".join(m.group("desc").replace(",", " ").split())
        desc = re.sub(r"^(?:second|third|fourth|other|further)\s+", "", desc, flags=re.I)
        out.append((m.group("head").lower(), Speaker(unnamed(desc), "anonymous", "", desc, "", "", m.start("desc"))))
    return out
