"""Speech-verb frames: which words of a sentence say who said a quotation or claimed a figure.

Quotes: the clause after the closing mark ('..." Kim said', '..." said the minister'), "according to X",
"quoted X as saying", then the sentence before the opening mark ('Kim said: "...'), in that order.

Figures: a figure inside a quotation is claimed by the quotation's speaker. Otherwise, in the figure's
own sentence: "according to X"; a speech or claim verb with its subject, the nearest one before the
figure, else the one after it ('..., officials said'), and a relative clause that owns the figure
("3,000 that Seoul reported") before either; "X's data showed", "the U.S. estimate of"; unnamed reports
("amid unconfirmed reports"). A relay ("citing the spy agency", "briefed by the NIS") fills `source`.
An outlet is never the claimant when someone told it something ("a senior official told the Guardian");
an outlet reporting on its own authority is, unless it cites someone, who then is.
A sentence with none of these inherits the previous sentence's claimant only when it plainly
continues it ("It also said", "Pyongyang has also shipped", "is estimated to").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon
from ..metadata import is_research_body
from ..resources import read_table
from .entities import TITLE_ABBR
from .names import Speaker, from_actor, lower_first, unnamed
from ..text import QUALIFIER_ALT
from ..dates import MONTH_WORD, WEEKDAY_WORD
from .resolver import (ACCORDING, AGE_CHUNK, APPOSITIVE_NAME, ING_OPEN, LABEL_PREFIX, MAX_CONTEXT, MEDIA_NOUNS,
                       OCCASION_ASIDE, PASSIVE_AFTER, QUOTED_AS, Resolver)

RIGHT_OK = re.compile(r"[,.?!—–…\-]\s*[’'‘]?\s*$")   # an inner quote may close with the outer one: ...Europe,'"
APPOS = re.compile(r"\s*,\s+(?:the|a|an)\s+([^,.;“”\"]{3,80}?),")
CLAUSE_END = re.compile(r"[,;:]|(?<![A-ZÀ-ÖØ-ÞĀ-Ž])\.(?=\s|$)")
SENT_END = re.compile(r"[.!?](?=\s|$)")
MAX_RIGHT = 250


@lru_cache(maxsize=1)
def _verb_np() -> re.Pattern:
    # verbs as written in lower case: "State Department spokesman X told" does not open with "state"
    # ("said Rep. Han Ji-yeon": an abbreviation's stop before a capital does not end the phrase)
    # (Russian style puts a dash after the comma: '«...», — says a nurse')
    return re.compile(r"\s*(?:[,:;]\s*)?(?:[—–-]\s*)?" + lexicon().verb_re.pattern + r"\s+(?P<np>(?:[^,.;“”\"]|\.(?=\s[A-ZÀ-ÖØ-ÞĀ-Ž])){1,120})")


# "as X put it", "X put it well the other day:": saying it
_PUT_IT_AFTER = re.compile(r"[\s,]*(?:as\s+)?(?P<np>(?:the|a|an|one|[A-ZÀ-ÖØ-ÞĀ-Ž])[^,;:“”\"]{1,80}?)\s+(?:has\s+|had\s+)?put\s+it\b")
_PUT_IT_BEFORE = re.compile(r"(?:^|[.;]\s+|,\s+)(?P<np>(?:[Tt]he|[Aa]n?|[Oo]ne|[Mm]y|[Oo]ur|[A-ZÀ-ÖØ-ÞĀ-Ž])[^,;:“”\".]{1,80}?)\s+"
                            r"(?:has\s+|had\s+)?put\s+it\b[^:“”\"]{0,40}:\s*$")
_WHO_CLAUSE = re.compile(r"\s+(?:I|we|who|whom|that)\s+")


@lru_cache(maxsize=1)
def _final_attribution() -> re.Pattern:
    """The sentence's own attribution at its end, after the quote and the words that follow it (the verbs of
    data/speech_verbs.csv)."""
    return re.compile(r",\s+(?P<np>(?:the|a|an|[A-ZÀ-ÖØ-ÞĀ-Ž])[^,;:“”\"]{1,60}?)\s+(?P<verb>" + lexicon().verb_re.pattern +
                      r")(?:\s+(?:on|in|at|during|late|early|last|this)\b[^,;“”\"]{0,60})?\s*(?:,|$)")
# ('"in the low thousands," and that U.S. estimates fell between ...': the reported speech goes on)
_SUBORDINATE_AFTER = re.compile(r"[\s,]*(?:after|before|when|while|because|since|although|though|until|even\s+"
                                r"though|days?\s+after|hours?\s+after|weeks?\s+after|(?:and|but|or)\s+(?:that|whether))\s",
                                re.I)


_PASSIVE_QUOTED = re.compile(r"(?:^|[.;]\s+|,\s+)(?P<np>[A-ZÀ-ÖØ-ÞĀ-Ž][^,;:“”\".]{0,60}?)\s+(?:was|were|has\s+been|is)\s+"
                             r"quoted\s+(?:[^,;:“”\"]{0,60}?\s+)?as\s+(?:saying|stating)\b")
_QUOTING_COLON = re.compile(r"\bquoting\s+(?P<np>[^,;:“”\"]{2,100}?)\s*:\s*$")
_I_QUOTE = re.compile(r",?\s*(?:and\s+)?I\s+quote\s*[,:]?\s*$")


def right_context(res: Resolver, text: str, close: int, le: int) -> str:
    """Text after a closing mark up to the end of its sentence or the next opening mark (bounded)."""
    end = min(le, close + MAX_RIGHT)
    nxt = min([x for x in (text.find("“", close, end), text.find('"', close, end)) if x >= 0], default=end)
    if res.spans:
        s, e = res.spans[res.sent_index(close)]
        if s < close < e:
            end = min(e, end)
        else:
            return ""
    else:
        m = SENT_END.search(text, close, end)
        if m:
            end = m.start()
    return text[close:min(end, nxt)].rstrip(".!? ")


_APPOS_CALL_SIGN = re.compile(r",\s+(?:(?:a|an)\s+[^,.;“”\"]{0,40}?\s+)?(?P<cs>(?:who\s+(?:goes|went)\s+by|with|using|"
                              r"under)\s+(?:the\s+)?call[- ]?sign\s+[\"'‘“]?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*[\"'’”]?|"
                              r"call[- ]?sign\s+[\"'‘“]?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*[\"'’”]?)")


def attribute_quote(res: Resolver, text: str, start: int, end: int, open_: int, close: int, ls: int,
                    le: int) -> tuple[Speaker | None, str, str]:
    """(speaker, verb lemma, rule) for the quotation text[start:end] from its own sentence."""
    lex = res.lex
    right = right_context(res, text, close, le)
    quote = text[start:end]
    if _SUBORDINATE_AFTER.match(right):
        right = ""      # '"...," after the Pentagon said ...': another clause, about someone else
    if right.strip() and (RIGHT_OK.search(quote) or right.lstrip().startswith((",", "—", "–")) or end == close):
        m = _PUT_IT_AFTER.match(right)
        if m:    # '"A drone operator is not a coroner," as a Ukrainian officer I interviewed put it'
            how, sp = res.parse_np(_WHO_CLAUSE.split(m.group("np"), maxsplit=1)[0], close + m.start("np"))
            if sp is not None:
                return sp, "say", "after:put-it:" + how
        m = QUOTED_AS.search(right[:160])
        if m:    # '"...," Seo quoted an NIS official as saying': the one quoted spoke
            how, sp = res.parse_np(m.group("np"), close + m.start("np"))
            if sp is not None:
                return sp, "say", "after:quoted-as-saying:" + how
        m = _verb_np().match(right)
        if m:
            np = re.split(r"\s+(?:in|on|at|during|while|after|before|when|to)\s+", m.group("np"))[0]
            how, sp = res.parse_np(np, close + m.start("np"))
            if sp is not None and sp.kind == "anonymous":
                # '"Koreans," says the commander, a 31-year-old who goes by the call sign Shaman.': the
                # apposition gives the name the article knows him by
                cs = _APPOS_CALL_SIGN.match(right, m.end("np"))
                if cs:
                    how2, sp2 = res.parse_np(np + " " + cs.group("cs"), close + m.start("np"))
                    if sp2 is not None and how2 == "call-sign":
                        how, sp = how2, sp2
                else:
                    # '"...," said the operator, a 29-year-old lieutenant who gave his name only as Yevhen.'
                    aside = re.match(r"[^.;:!?“”\"]{0,160}", right[m.end("np"):])
                    named = res.named_in_aside(np + aside.group(0), close + m.start("np")) if aside else None
                    if named is not None:
                        how, sp = "named-aside", named
            if sp is not None and sp.kind != "person":
                # '"...," said the Secretary of the Coordination Headquarters, Andrii Savchuk.': the name in
                # apposition is the speaker, the words before it his role
                nm = APPOSITIVE_NAME.match(right + ",", m.end("np"))
                if nm:
                    how2, sp2 = res.parse_np(nm.group("name"), close + nm.start("name"))
                    if sp2 is not None and sp2.kind == "person":
                        if not sp2.role:
                            sp2.role = re.sub(r"^(?:the|a|an)\s+", "", " ".join(np.split()), flags=re.I)
                        how, sp = how2, sp2
            if sp is not None:
                ap = APPOS.match(right + ",", m.end("np")) if sp.kind == "person" and not sp.role else None
                if ap:
                    sp.role = ap.group(1).strip()
                return sp, lex.lemma(m.group(1)), "after:verb-np:" + how
        sp, vm, how = res.np_verb(right, close, skip_negated=True)
        if sp is not None and vm.start() < 160:
            np_words = {w.lower() for w in right[:vm.start()].split()}
            # ('... said that the deployment was "...," and Canada has added officers to its list': a clause
            # coordinated after the quote is another statement)
            lsp, lvm, lhow = (_left_verb_of(res, text, open_, ls) if np_words & _NOT_A_SUBJECT or
                              _AND_CLAUSE.match(right) else (None, None, ""))
            if lsp is not None:
                # 'Austin says there is "...", the first time Washington has confirmed it': the verb the quote
                # is the object of speaks, not a clause after it
                return lsp, lex.lemma(lvm.group(1)), "before:np-verb:" + lhow
            return sp, lex.lemma(vm.group(1)), "after:np-verb:" + how
    if right.strip():
        m = ACCORDING.search(right)
        if m:
            how, sp = res.parse_np(_np_until_clause_end(right[m.end():]), close + m.end())
            if sp is not None:
                # 'he pledged that Pyongyang would "...," according to KCNA': the one whose verb the quote
                # follows said it; the agency reports it
                si = res.sent_index(open_)
                s0 = max(ls, res.spans[si][0] if res.spans else ls, open_ - MAX_CONTEXT)
                lsp, lvm, lhow = res.np_verb(text[s0:open_], s0, nearest=True)
                if lsp is not None and lsp.personlike and lsp.name != sp.name:
                    return lsp, lex.lemma(lvm.group(1)), "before:np-verb:" + lhow
                return sp, "according to", "after:according:" + how
    # the sentence before the opening mark (at most MAX_CONTEXT characters of it)
    si = res.sent_index(open_)
    s0 = max(ls, res.spans[si][0] if res.spans else ls, open_ - MAX_CONTEXT)
    left = text[s0:open_]
    m = _I_QUOTE.search(left)
    if m:
        left = left[:m.start()]   # "He told me, and I quote, “...”": the quoter's formula, not a frame
    m = _PASSIVE_QUOTED.search(left)
    if m:
        # 'Kim was quoted in the statement as saying that "..."': the one quoted, not the statement
        how, sp = res.parse_np(m.group("np"), s0 + m.start("np"))
        if sp is not None and sp.personlike:
            return sp, "say", "before:quoted-as-saying:" + how
    m = QUOTED_AS.search(left)
    if m:
        how, sp = res.parse_np(m.group("np"), s0 + m.start("np"))
        if sp is not None:
            return sp, "say", "before:quoted-as-saying:" + how
    m = _QUOTING_COLON.search(left)
    if m:
        # 'Han told reporters after the briefing, quoting NIS Director Cho Tae-yong: "..."': the one quoted
        how, sp = res.parse_np(m.group("np"), s0 + m.start("np"))
        if sp is not None and sp.personlike:
            return sp, "say", "before:quoting:" + how
    m = ACCORDING.search(left)
    if m:
        how, sp = res.parse_np(_np_until_clause_end(left[m.end():]), s0 + m.end())
        if sp is not None:
            tsp, tvm, thow = res.np_verb(left[:m.start()], s0)
            if tsp is not None and tsp.personlike and tsp.name != sp.name and \
                    re.fullmatch(r"[^;:“”\"]{0,80}?\bthat\b[\s,]*", left[tvm.end():m.start()]):
                # 'Miller said that, according to US intelligence, the soldiers had "begun engaging in combat"':
                # the one who says it, citing the intelligence
                return tsp, lex.lemma(tvm.group(1)), "before:np-verb:" + thow
            return sp, "according to", "before:according:" + how
    # the verb nearest the quote: "Russia has denied ..., and Pyongyang has called the reports “...”"
    sp, vm, how = res.np_verb(left, s0, nearest=True)
    if sp is not None:
        if sp.kind == "government" and sp.role == "government":
            # "Blinken said ... and that the US expected them to enter combat “in the coming days”": a country
            # in a that-clause of a person's saying is what the person said
            osp, ovm, ohow = res.np_verb(left, s0)
            if osp is not None and osp.kind == "person" and ovm.end() < vm.start() and \
                    re.search(r"\bthat\b", left[ovm.end():vm.start()]):
                return osp, lex.lemma(ovm.group(1)), "before:np-verb:outer:" + ohow
        return sp, lex.lemma(vm.group(1)), "before:np-verb:" + how
    m = _PUT_IT_BEFORE.search(left)
    if m:     # "My colleague in Seoul put it well the other day: “...”"
        how, sp = res.parse_np(_WHO_CLAUSE.split(m.group("np"), maxsplit=1)[0], s0 + m.start("np"))
        if sp is not None:
            return sp, "say", "before:put-it:" + how
    if left.rstrip().endswith(":") and len(left.split()) >= 4 and res.spans:
        # "In a post on X, he offered a swap: “...”": a colon hands the quote to the sentence's subject (a
        # label such as "Quote:" is no clause)
        sp = res.subject_of(si)
        if sp is not None and sp.kind != "anonymous":
            return sp, "say", "before:colon-subject"
    if right.strip():
        # a quote inside a sentence that ends with its attribution: 'North Korea has sent “well over 10,000
        # containers” of weapons ..., the official said, a number that ...'
        m = _final_attribution().search(right)
        if m:
            how, sp = res.parse_np(m.group("np"), close + m.start("np"))
            if sp is not None:
                return sp, lex.lemma(m.group("verb")), "after:final:" + how
    return None, "", ""


# words that make the phrase before a verb after the quote a clause of time, not its speaker: "..., the
# first time Washington has confirmed the deployment"
_NOT_A_SUBJECT = frozenset("time first after when since while before moment day week days".split())
_AND_CLAUSE = re.compile(r"[\s,]*(?:and|but)\s")
_RIGHT_BEFORE_QUOTE = 40     # "X says there is “...”": the verb this close before the opening mark


def _left_verb_of(res: Resolver, text: str, open_: int, ls: int):
    """The speaker whose verb of saying stands just before the opening mark, in the quote's sentence."""
    si = res.sent_index(open_)
    s0 = max(ls, res.spans[si][0] if res.spans else ls, open_ - MAX_CONTEXT)
    left = text[s0:open_]
    sp, vm, how = res.np_verb(left, s0, nearest=True)
    if sp is None or len(left) - vm.end() > _RIGHT_BEFORE_QUOTE or CLAUSE_END.search(left, vm.end()):
        return None, None, ""
    return sp, vm, how


def opens_sentence(res: Resolver, text: str, open_: int, ls: int) -> bool:
    s0 = max(ls, res.spans[res.sent_index(open_)][0]) if res.spans else ls
    lead = text[max(s0, open_ - MAX_CONTEXT):open_].strip()
    return not lead or lead.endswith((":", "—", "–")) or lead[-1] in "”\"’'"


SPEAKER_LINE = 120     # a caption line naming the speaker of the quote below it is shorter than this


_HEADING_QUOTE = re.compile(r"[“\"‘'][^“”\"\n]{1,120}?[^.!?,…:;\s][”\"’']\s*")


def _line_end(text: str, pos: int) -> int:
    e = text.find("\n", pos)
    return len(text) if e < 0 else e


def previous_sentence_speaker(res: Resolver, text: str, open_: int) -> tuple[Speaker | None, str, str]:
    """A quote-only paragraph introduced by the previous paragraph's last sentence ("Kim said:")."""
    si = res.sent_index(open_)
    if si == 0 or not text[text.rfind("\n", 0, open_) + 1:open_].strip() and \
            _HEADING_QUOTE.fullmatch(text, open_, _line_end(text, open_)):
        # (a quoted subheading, '"They are not going to stop"' on a line of its own with no stop: the
        # paragraph before it does not introduce it)
        return None, "", ""
    s, e = res.spans[si - 1]
    s = max(s, e - MAX_CONTEXT)
    sent = text[s:e]
    if "“" in sent or '"' in sent:
        return None, "", ""
    sp, vm, how = res.np_verb(sent, s)
    if sp is not None:
        return sp, res.lex.lemma(vm.group(1)), "previous-sentence:" + how
    if not text[e:open_].strip() and text[e:open_].count("\n") <= 2:
        # a broadcaster's caption line: "[Soundbite] Lim Dong-sik (Defense Ministry spokesperson)" over the quote
        sp, how = _speaker_line(res, text, s, e)
        if sp is not None:
            return sp, "say", "speaker-line:" + how
    return None, "", ""


def _speaker_line(res: Resolver, text: str, s: int, e: int) -> tuple[Speaker | None, str]:
    """(person, how) a line of its own names, the line being the name (a tag, a title, a role in brackets or
    after a comma aside), not a heading or a sentence: "[Soundbite] Lim Dong-sik (Defense Ministry
    spokesperson)", "Andrii Sybiha, Ukraine's foreign minister"; (None, "") otherwise."""
    line = text[s:e].strip()
    if len(line) > SPEAKER_LINE or line.endswith((".", "!", "?", ",")) or not (s == 0 or text[s - 1] == "\n") or \
            text[e:e + 1] not in ("", "\n"):
        return None, ""
    core = re.sub(r"^(?:\[[^\]\n]{1,20}\]|[A-ZÀ-ÖØ-ÞĀ-Ž]{3,}:)\s*", "", line)
    core = re.sub(r"\s*\([^()\n]*\)$", "", core).split(",")[0].strip()
    how, sp = res.parse_np(core, s)
    if sp is not None and sp.kind == "person" and len(sp.name.split()) >= 2 and sp.name in core and \
            len(core.split()) <= len(sp.name.split()) + 2:
        return sp, how
    return None, ""


# "So said Hanna Oks, a drone operator", "Those were the words of Hanna Oks": the sentence after a quote
# names its speaker; only a sentence that opens by pointing back counts
_NP_BACK = r"(?:[^,.;:“”\"]|\.(?=\s[A-ZÀ-ÖØ-ÞĀ-Ž])){2,80}"   # "Rear Adm. Thomas Ellery": an abbreviation's stop stays
_POINTS_BACK = re.compile(
    r"\s*(?:(?:So|Thus)\s+)?(?P<verb>said|says|wrote|writes|added|recalled|explained)\s+(?P<np>" + _NP_BACK + ")|"
    r"\s*(?:Those|These|The)\s+(?:were\s+the\s+)?words\s+(?:were\s+those\s+)?of\s+(?P<np2>" + _NP_BACK + ")|"
    # "Those words came on Monday from Nato's Secretary General Mark Rutte, who ..."
    r"\s*(?:Those|These|The)\s+words\s+came\s+(?:[\w]+\s+){0,4}?from\s+(?P<np3>" + _NP_BACK + ")|"
    # "That was the blunt assessment Thursday of Rear Adm. Thomas Ellery, the director of ..."
    r"\s*(?:That|This)\s+(?:is|was)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:assessment|verdict|view|warning|message|"
    r"conclusion|account|description|prediction|summary|judgment|judgement|reading|interpretation|analysis|take|"
    r"observation|impression|diagnosis|forecast|estimate|argument)\s+(?:\w+\s+){0,3}?(?:of|from)\s+(?P<np4>"
    + _NP_BACK + ")|"
    # "That was how a senior Ukrainian diplomat put it", "This was what Kim Jong Un stressed", "That was how
    # Oleh Marchuk, a spokesman for the SSO, described the units"
    r"\s*(?:That|This)\s+(?:is|was)\s+(?:how|what)\s+(?P<np5>" + _NP_BACK + r"?)(?:,[^.;:“”\"]{2,120}?,)?\s+"
    r"(?:\w+ly\s+)?(?:put\s+it|described|summed|stressed|said|says|told|tells|wrote|writes|explained|characteri[sz]ed|"
    r"called|warned|estimated|estimates|reported|reports|concluded|concludes|found|finds|assessed|assesses)\b|"
    # "That is according to the annual report of the MIVD", "This is according to Seoul's spy agency"
    r"\s*(?:That|This)(?:\s+(?:is|was)|['’]s)\s+according\s+to\s+(?P<np8>" + _NP_BACK + ")|"
    # "Zelenskyy made that offer Sunday morning in a message on Telegram"
    # "Vadym Skibitskyi, deputy head of Ukraine's Defence Intelligence (HUR), made the assessment in an interview"
    r"\s*(?P<np6>[A-ZÀ-ÖØ-ÞĀ-Ž][^,.;:“”\"]{2,60}?)(?:,[^.;:“”\"]{2,120}?,)?\s+made\s+(?:that|the|this|those|these)\s+"
    r"(?:offer|remarks?|comments?|statement|point|claim|argument|appeal|pledge|promise|threat|assessment|estimate|"
    r"prediction|warning|disclosure|revelation|forecast)\b|"
    # "That account was posted on Wednesday by Yegor Lomakin, a former officer who ..."
    r"\s*(?:That|This|The)\s+(?:account|post|message|statement|assessment|comment|remark|description|claim|warning|"
    r"testimony|appeal)s?\s+(?:was|were|came)\s+(?:[\w-]+\s+){0,4}?(?:by|from)\s+(?P<np7>" + _NP_BACK + ")|"
    # "That was Lt Gen (retd) Vikram Sethi, a former defence attaché, speaking to HT."
    r"\s*(?:That|This)\s+(?:was|is)\s+(?P<np9>[A-ZÀ-ÖØ-ÞĀ-Ž][^,.;:“”\"]{2,80}?)(?:,[^.;:“”\"]{2,120}?)?,\s+"
    r"(?:speaking|talking|writing)\s+(?:to|with|on|in|at|from)\b|"
    # "Maj. Serhiy Kovalenko, 41, says this quietly, standing in the doorway"
    r"\s*(?P<np10>[A-ZÀ-ÖØ-ÞĀ-Ž](?:[^,.;:“”\"]|\.(?=\s[A-ZÀ-ÖØ-ÞĀ-Ž])){2,60}?)(?:,[^.;:“”\"]{1,120}?,)?\s+(?:says|said|tells|told)\s+(?:(?:me|us)\s+)?"
    r"(?:this|so)\b(?!\s+(?:is|was|the|a|an|he|she|they|we|it|that)\b)")
_BACK_GROUPS = ("np", "np2", "np3", "np4", "np5", "np6", "np7", "np8", "np9", "np10")


def next_sentence_speaker(res: Resolver, text: str, close: int) -> tuple[Speaker | None, str, str]:
    """A quote-only paragraph whose speaker the next sentence names ("So said X, a ...")."""
    si = res.sent_index(max(0, close - 1))
    if si + 1 >= len(res.spans):
        return None, "", ""
    s, e = res.spans[si + 1]
    sent = text[s:min(e, s + MAX_CONTEXT)]
    m = _POINTS_BACK.match(sent)
    if not m and "“" not in sent and '"' not in sent:
        sp, how = _speaker_line(res, text, s, e)
        if sp is not None and not text[close:s].strip(" \t\n”\"’'") and text[close:s].count("\n") <= 2:
            # a pull quote over the line naming who said it: "Andrii Sybiha, Ukraine's foreign minister"
            return sp, "say", "speaker-line-after:" + how
        return None, "", ""
    if not m or "“" in sent or '"' in sent:
        return None, "", ""
    g = next(g for g in _BACK_GROUPS if m.group(g))
    np = m.group(g)
    how, sp = res.parse_np(np, s + m.start(g))
    if sp is None:
        return None, "", ""
    return sp, res.lex.lemma(m.group("verb") or "say"), "next-sentence:" + how


def points_back(res: Resolver, text: str, si: int) -> Speaker | None:
    """Who the sentence after sentence si says said it, when that sentence opens by pointing back ("That is
    what the MIVD writes in its annual report", "So says ...", "That is according to ..."): the claimant
    of figures the sentence si gives no one for."""
    if si + 1 >= len(res.spans):
        return None
    s, e = res.spans[si + 1]
    m = _POINTS_BACK.match(text, s, min(e, s + MAX_CONTEXT))
    if not m:
        return None
    g = next(g for g in _BACK_GROUPS if m.group(g))
    how, sp = res.parse_np(m.group(g), m.start(g))
    return sp


# ---------------------------------------------------------------- figures

@dataclass
class Claim:
    speaker: Speaker | None     # the claimant
    how: str                    # the rule that found it
    source: Speaker | None = None   # whom a relayed claim cites
    verb: str = ""
    verb_end: int = -1
    subject_at: int = -1


# what may follow a sentence-final attribution: "... , Park told reporters on Monday (Jan 13), citing the NIS."
_ENDS_SENTENCE = re.compile(r"(?:(?!\bthat\b|\b(?:was|were|is|are|would|will|could|had|has)\b)[^.;:“”\"\d]){0,70}?"
                            r"[.!?”\"’']*\s*$")   # "..., an estimate two sources told Reuters was likely to rise": no
# a clause "as X said" set off after the figure ("..., as the President of Ukraine stated on 23 December.")
_AS_CLAUSE = re.compile(r"(?:^|[,—–]\s*)as\s+[^,;:.“”\"]*$")
# what may close "as X said" for it to attribute the sentence: a time or an audience, then the end
_AS_SAID_END = re.compile(r"(?:\s+(?:on|in|at|to|last|this|earlier|yesterday|today|on\s+\w+)\b[^.;:“”\"]{0,40}?)?"
                          r"[.!?”\"’')]*\s*$")
# the words between an outer verb of saying and the subject of a reported one: an object and "that"
# (also the second of two that-clauses: "told Maclean's that Canada's assessment "broadly matches" those of its allies,
# and that Ottawa believed at least 12,000 ...")
_NESTED = re.compile(r"(?:\s+(?!\d)[\w’'.-]+){0,6}?\s+that\s*$|\s*$|"
                     # (the first clause may go without "that": 'said the admission was "..." and that Seoul')
                     r"(?:(?:\s+(?!\d)[\w’'.-]+){0,6}?\s+that)?\s[^.;:!?]{0,200}?,?\s+and\s+that\s*$")


_WEEKDAY_TIME = re.compile(r"\s+(?:(?:late|early)\s+)?on\s+" + WEEKDAY_WORD.pattern, re.I)
_BRIEFED_BY = re.compile(r"\s+by\b")
# "citing X", "quoting X", "briefed by X", "based on intelligence from X"
RELAY = re.compile(r"\b(?:citing|quoting|briefed\s+(?:(?:late|early)\s+)?(?:on\s+\w+day\s+)?by|after\s+being\s+briefed\s+by|"
                   r"(?:in|at|after|following|from)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?briefing\s+(?:by|from|with)|"
                   r"based\s+on\s+(?:information|intelligence|data|estimates?|figures)\s+(?:from|by|of)|"
                   # (a dot after a single capital is an abbreviation's: "citing U.S. intelligence")
                   r"relying\s+on|who\s+cited|which\s+cited)\s+(?P<np>(?:[^,;:.()“”\"\n]|(?<=\b[A-ZÀ-ÖØ-ÞĀ-Ž])\.){2,90}?)"
                   r"(?=\s*(?:[,;:()“”\"\n]|(?<!\b[A-ZÀ-ÖØ-ÞĀ-Ž])\.|$|\b(?:that|which|who|as|and said|said|as saying|on|in|to|at|"
                   r"last|this|since)\b))", re.I)
_CITING = re.compile(r"(?:citing|quoting|based\s+on|relying\s+on|who\s+cited|which\s+cited)\b", re.I)
DATA = re.compile(r"(?P<np>[A-ZÀ-ÖØ-ÞĀ-Ž][^,;:.()\n]{1,60}?)['’]s\s+(?:own\s+|latest\s+|new\s+|updated\s+)?(?:data|figures|"
                  r"estimates?|assessment|report|intelligence|tally|count)\s+(?:showed|shows|suggests?|suggested|"
                  r"indicated?|indicates|put|puts|found|finds|of)\b")
OWNED_ESTIMATE = re.compile(r"\b(?:the\s+)?(?:new\s+|latest\s+|updated\s+|official\s+)?(?P<np>(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-’']*\s+){1,3})"
                            r"(?:(?:working|latest|own|official|current|new|updated|revised)\s+)?"
                            r"(?:estimate|assessment|tally|count|figure)s?\s+(?:of|at|puts?|"
                            # "The Pentagon's working figure is still about 11,000"
                            r"(?:is|was|remains|stands\s+at)(?:\s+still)?(?:\s+at)?)\s+$")
# "the 3,000 troops cited by the White House", "a figure given by the ministry"
_BY_AGENT = re.compile(r"[^,.;:“”\"]{0,40}?[”\"]?[^,.;:“”\"]{0,30}?\b(?:cited|claimed|reported|estimated|given|announced|"
                       r"confirmed|quoted|put\s+forward|mentioned)\s+by\s+(?P<np>(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][^,.;:()“”\"\n]{1,60}?)"
                       r"(?=\s*(?:[,.;:()\n]|$|\bon\b|\bin\b|\blast\b|\bthis\b|\bearlier\b))")
# ("per the agency", "per two diplomats", never a rate: "paid per soldier")
FIG_ACCORDING = re.compile(r"\b(?:according\s+to|per(?!\s+(?:cent|day|week|month|year|annum|capita|head|person|soldier|man|men|unit|hour|shell|round|piece|item)s?\b)|as\s+(?:reported|estimated|counted|confirmed|assessed|stated|announced|noted)\s+by)\s+", re.I)
# a subject that is estimates nobody is named for: "Western and South Korean intelligence estimates [put]"
_ESTIMATES_SUBJECT = re.compile(r"(?:^|(?<=[.;:,\n])\s*|(?<=\s))(?P<np>(?:[A-Z][\w.’'\-]*|public|official|independent|"
                                r"recent|latest|earlier|current)(?:\s+(?:and\s+)?[A-Z][\w.’'\-]*){0,4}(?:\s+(?:intelligence|"
                                r"military|government|official))?\s+(?:estimates|assessments|tallies|calculations))"
                                r"\s+(?:now\s+|also\s+|still\s+|have\s+|had\s+)?$")
_DOC_PLURAL = re.compile(r"\b(?:assessments|estimates|reports|figures|data|intelligence|tallies|calculations)$", re.I)
# "by his count", "by Seoul's estimate", "in Kyiv's tally"
BY_COUNT = re.compile(r"\b(?:by|in|according\s+to)\s+(?P<np>his|her|its|their|[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-]*){0,3}['’]s)\s+"
                      r"(?:own\s+|latest\s+|new\s+)?(?:count|estimate|estimates|tally|calculations?|reckoning|"
                      r"account|assessment|figures)\b", re.I)
# "By the count of South Korea's intelligence service, some 11,000 ...": the same, with "of"
BY_COUNT_OF = re.compile(r"\b(?:by|according\s+to)\s+the\s+(?:own\s+|latest\s+|new\s+)?(?:count|estimates?|tally|"
                         r"calculations?|reckoning|assessment|figures)\s+of\s+(?P<np>[^,;:.“”\"()]{3,60}?)(?=\s*,)", re.I)
_POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "its": "it", "their": "they"}
# "My own estimate, based on ..., is that no fewer than 14,000": the writer's own figure (the byline's, or the
# turn's speaker in a transcript); "our" is left alone: a newsroom's "our count" names no one we can resolve
# ("By my count, roughly 27% ..." too: the one rule for the writer's possessive)
MY_ESTIMATE = re.compile(r"\b[Mm]y\s+(?:own\s+|best\s+|rough\s+|latest\s+)?(?:estimate|guess|reckoning|calculation|"
                         r"assessment|count|tally|account|figure)s?\b")
# "put the number at", "puts losses at", "placed the toll at": a claim verb only when the figure follows "at"
PUT_WORD = re.compile(r"\b(?:put|puts|putting|place[sd]?|placing|pegged|pegs|pegging)\b")


@lru_cache(maxsize=1)
def _cites_number() -> re.Pattern:
    """What may stand between "citing" and the number it cites: a qualifier of data/qualifiers.csv."""
    quals = "|".join(sorted((re.escape(r["phrase"]).replace(r"\ ", r"\s+") for r in read_table("qualifiers.csv")),
                            key=len, reverse=True))
    return re.compile(rf"\s+(?:(?:{quals})\s+)?", re.I)



_NOUN_BEFORE_VERB = re.compile(r"\s+(?:put|puts|place|places|placed|say|said|suggest|suggested|show|showed|indicate|"
                               r"indicated|estimate|estimated)\b")
_DETERMINED = re.compile(r"(?:['’]s|\b(?:the|a|an|its|their|his|her|our|my))\s+$", re.I)
GIVE_FIGURE = re.compile(r"\b(?P<verb>gave|given|gives|giving|offered|offers|offering|cited|cites|citing|released|"
                         r"releases|published|publishes)\s+(?:a|an|its|their|the|his|her|own)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:figure|estimate|number|count|tally|toll)(?:\s+of|(?:\s+(?:last|this|on|in|earlier)\s+[\w.]+)?\s*,)"
                         r"\s+(?:\w+\s+){0,2}$|"     # ("gave a far lower figure last month, estimating that ...")
                         # "Within a week it had raised the figure to 3,000": who revises a figure states the new one
                         r"\b(?P<verb2>raised|raises|raising|lowered|lowers|lowering|revised|revises|revising|updated|"
                         r"updates|updating|increased|increases|cut|cuts)\s+(?:its|their|the|his|her|own)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:figure|estimate|number|count|tally|toll|assessment)\s+(?:\w+\s+)?to\s+(?:\w+\s+){0,2}$", re.I)
PUT_AT = re.compile(PUT_WORD.pattern + r"(?=[^.;“”\"]{0,80}?\bat\s+$)")
REPORTS = re.compile(r"\b(?P<desc>(?:(?:unconfirmed|unverified|uncorroborated|media|press|news|local|some|other|"
                     r"several|earlier|recent|separate|russian|ukrainian|south\s+korean|north\s+korean|western|"
                     r"japanese|american|u\.s\.)\s+)+reports?)(?P<tail>\s+(?:in|from|by)\s+(?:the\s+)?"
                     r"[^,;:.()“”\"\n]{2,40}?)?(?=\s+(?:that|said|say|says|suggest|suggested|suggests|claim|claimed)\b|"
                     r"\s*,|\s+the\b)", re.I)
PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|to)\s+$")
NEGATED = re.compile(r"\b(?:not|never|neither|nor|no|declined\s+to|refused\s+to|did\s+not|has\s+not|have\s+not)\b",
                     re.I)
NOUN_USE = frozenset("the a an these those media news such any no his her its their our my over about amid despite "
                     "among against following".split())   # "concern over reports that": a noun after a preposition
# a relative clause owning the figure: "3,000 that Seoul reported", "as the ministry said"
# "the 7,000 to 8,000 Kyiv had counted": the figure, then who counted it
_REDUCED_RELATIVE = re.compile(r"[\d,.]+(?:\s*(?:to|-|–|or)\s*[\d,.]+)?\s+(?P<np>[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]+)?)"
                               r"\s+(?:had\s+|has\s+|have\s+)?")
# "cited South Korean intelligence estimates that ...": the cited document's that-clause holds the figure
_CITED_THAT = re.compile(r"\s+(?P<np>(?:[\w’'.\-]+\s+){0,6}?)(?P<doc>estimates?|figures?|data|assessments?|reports?|numbers?|"
                         r"findings?|intelligence)\s+(?:that|showing|which\s+(?:say|show|put))\b[^;]*$", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+(?:(?:some|about|around|roughly|estimated)\s+)?$")
REL_CLAUSE = re.compile(r"^(?:[^,;.]|(?<=\d)[,.](?=\d)){0,40}?\b(?:that|which|as|who)\b\s*$")   # ("3,000 that": a number's comma)
_OPENING_TIME = re.compile(r"\W*(?:(?:[Oo]n|[Ii]n|[Ll]ate|[Ee]arly|[Ll]ast|[Tt]his)\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]{2,8}\.?(?:\s+\d{1,2})?|"
                           r"\d{1,2}\s+[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]{2,8})(?:\s+(?:night|morning|evening))?\s*,\s*")
_NP_TAIL = re.compile(r"\s+(?:who|which|that)\s+(?:had\s+|have\s+|were\s+|was\s+)?(?:attended|were\s+briefed|"
                      r"was\s+briefed|briefed|sat|took\s+part|participated|spoke|attend|saw|had\s+seen|reviewed|read)\b", re.I)
# who the cited is, set off by a comma at the end of the sentence: "..., according to Rep. Park Jun-young, who
# briefed reporters." / "..., according to Han Dong-soo, a lawmaker who attended the session." (one clause, no more)
_NP_APPOSITION = re.compile(r",\s+(?:who\s|(?:a|an|the|one|both|two|three)\s)[^,;:—–()]*$", re.I)
CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d{3}\b)|[;:—–(]|\b(?:that|while|but|whereas|although)\b")
_QUESTION_AUX = frozenset("does do did will would can could should shall".split())
_NOT_AUDIENCE = frozenset("then is was are were has have had".split())   # (beside _SUBORDINATORS and _QUESTION_AUX)
_IN_RELATIVE = re.compile(r",\s*(?:which|who|whose)\b[^,;:—–()]*$", re.I)
CARRY = re.compile(r"^\s*(?:It|They|He|She|The (?:agency|ministry|service|office|department|spy agency|"
                   r"intelligence agency|same (?:report|agency|official))|"
                   r"This|These|Those|In addition|Additionally|Moreover|Furthermore)\b|^[^,.;]{0,60}?\balso\b|"
                   # "... its units had killed 30 soldiers. A further 20 were wounded": the count goes on
                   r"^\s*(?:A\s+further|Another|An\s+additional)\s+(?:[\d,.]+|[a-z]+)\s+(?:were|was|had|have|are)\b|"
                   # "By the end of that year, the figure had grown to about 11,000": the figure just claimed
                   r"^[^.;]{0,60}?\b[Tt]he\s+(?:figure|estimate|tally|count)\s+(?:had|has|was|is|now|then|later|rose|"
                   r"grew|climbed|jumped|stood|stands)\b|"
                   # "Several thousand more were expected to reach the front": more of what was just counted
                   r"^\W*(?:(?:[Ss]everal|[Aa]nother|[Aa]\s+further|[Ss]ome|[Aa]bout|[Aa]round|[Uu]p\s+to)\s+)?"
                   r"[\w,.-]+(?:\s+(?:thousand|hundred|million))?\s+more\s+(?:were|are|was|is|could|would|will|had|have)\b|"
                   # "27 of them were shot down", "The total losses have thus reached", "Nearly 700,000 ... by the
                   # same estimate": a part of what was just counted, a sum of it, or the same source named again
                   r"^\W*\d[\d,.]*\s+of\s+them\b|^[^.;]{0,60}?\bthus\b|"
                   r"\b(?:by|according\s+to|per|in)\s+the\s+same\s+(?:estimate|count|source|tally|report|assessment|"
                   r"figures|data)\b")
_QUOTE_CHARS = "“”\"‘’'"


_ASIDE = re.compile(r"(?:who|which|whose|speaking|talking|writing|asked|responding|referring|according|"
                    r"[a-z]+ing\s+(?:to|on|at|in|from|with|about)\b)", re.I)
MAX_NP_WORDS = 18
_PLACED = re.compile(r"\b(?:familiar\s+with|close\s+to|briefed\s+(?:on|by)|knowledgeable\s+about|with\s+knowledge\s+of)\b", re.I)
# a participle phrase set off by commas, "Russia, parroting the U.S., claimed": an aside, not the subject
_PARTICIPLE = re.compile(r"[a-z]+ing\b")
_LIST_TAIL = re.compile(r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'-]*\s+){1,2}(?:and|or)\s+")
_LIST_ITEM_BEFORE = re.compile(r"(?:(?!(?:In|On|At|From|For|By|With|After|Before|During|Since|Meanwhile|However|But|And)\b)"
                               r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'-]*)?,\s*)+$")


def _list_start(before: str, cs: int) -> int:
    """Where the comma-separated items of a list ending at cs begin ("U.S., " before "Ukrainian and ...")."""
    m = _LIST_ITEM_BEFORE.search(before, max(0, cs - 120), cs)
    if m is None or before[:m.start()].strip() and not before[:m.start()].rstrip().endswith((".", ";", ":", "—", "(")):
        return cs       # ("In Seoul, South Korean and US officials": a place the clause opens with is no item)
    return m.start()


_COUNTS_NUMBER = re.compile(r"\s+(?:(?:" + QUALIFIER_ALT + r")\s+)?", re.I)   # "counts more than 38,000"
_ING_OPEN = re.compile(ING_OPEN)     # "Visiting the ministry on Monday, he pledged": no subject
# "In Washington, a US defence official said": a place the sentence opens with is no subject
_ABBREV_STOP = re.compile(r"(?:^|\s)(?:" + "|".join(sorted((re.escape(a) for a in TITLE_ABBR), key=len, reverse=True))
                          + r"|Dr|Mr|Mrs|Ms|Prof|St)$", re.I)
_PLACE_LEAD = frozenset("in at from on inside across outside near".split())
_SUBORDINATORS = frozenset("as while when after before because since although though and but or if so whereas".split())
_NAMED = ("name", "registry", "surname")


def _verbs(lex, text: str):
    """The verbs of saying in text, without the nouns spelled like them: "the report", "a statement"."""
    return (m for m in lex.verb_re.finditer(text)
            if not _noun_use((text[:m.start()].split() or [""])[-1], m.group(0)) and not _BY_AFTER.match(text, m.end()))


_WORD = re.compile(r"\S+")
_ACRONYM_BRACKET = re.compile(r"\([A-ZÀ-ÖØ-ÞĀ-Ž]{2,6}\)")
# "a letter written by the colonel", "lawmakers briefed by the agency": a participle of a noun, whose agent
# follows, not a clause's verb
_BY_AFTER = re.compile(r"(?<=en|ed)\s+by\b")


def _noun_use(word: str, verb: str) -> bool:
    """Whether the word before a verb of saying makes it a noun ("media reports that", "the statement");
    a past form is a verb after a noun ("Western media reported that")."""
    w = word.lower()
    return w in NOUN_USE and not (w in MEDIA_NOUNS and verb.lower().endswith("ed"))


_TRAILING_NAME = re.compile(r"(?:(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]{1,4}\.|[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*)\s+){1,4}[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]+$")


def _trailing_name(res: Resolver, chunk: str, at: int) -> Speaker | None:
    """"... the assessment of Rear Adm. Thomas Ellery[, the director of ..., who told]": the person named at the
    end of a longer chunk, whom the appositive after it describes."""
    m = _TRAILING_NAME.search(chunk)
    if not m:
        return None
    how, sp = res.parse_np(m.group(0), at + m.start())
    return sp if sp is not None and sp.kind == "person" and len(sp.name.split()) >= 2 else None


# a sentence may open on a phrase of place, time or occasion with no comma before its subject ("In his nightly
# address on Monday he said", "At a briefing in Seoul the NIS said", "In a Telegram post on Tuesday Zelensky said");
# not "estimates from South Korea and the United States put": after a verb, "from" is no lead-in
_LEAD_PREP = frozenset("in at on during after following from inside with".split())
_LEAD_JOIN = frozenset("in at on to with for from by during after before of about near over under into".split())
_DETERMINERS = frozenset("the a an".split())
_MONTH_RE = re.compile(MONTH_WORD, re.I)
_SUBJECT_PRONOUNS = frozenset("he she they it".split())


def _after_lead_in(ws: list[str]) -> int:
    """Where the subject starts in a chunk that opens on a lead-in phrase without a comma, or 0: the last
    word that starts a new noun phrase - a pronoun, a determiner after a noun ("session the agency"), a
    capitalised word after a lower-case noun, a preposition's object or a day ("on Tuesday Zelensky").
    "of" joins ("the head of the agency" stays whole)."""
    low = [w.lower().strip(",.") for w in ws]
    for i in range(len(ws) - 1, 1, -1):
        prev, w = low[i - 1], low[i]
        if w in ("i", "we"):
            return 0    # ("From the footage I count 600+": the writer's or a speaker's own, read elsewhere)
        if prev in _LEAD_JOIN or prev in _DETERMINERS or prev in ("his", "her", "its", "their", "our", "my"):
            continue
        if w in _SUBJECT_PRONOUNS or w in _DETERMINERS:
            return i
        if ws[i][:1].isupper() and (ws[i - 1][:1].islower() or WEEKDAY_WORD.fullmatch(ws[i - 1]) or
                                    _MONTH_RE.fullmatch(ws[i - 1]) or ws[i - 1][:1].isdigit()):
            return i
    return 0


# a relative clause whose verb is the claim's: "..., which said", "..., which Seoul and Washington say numbers
# about 12,000", "..., who told reporters" (an aside set off by commas is stepped over instead)
_REL_BEFORE_VERB = re.compile(r"(?:which|who)(?:\s+(?:(?<=which\s)\S+(?:\s+\S+){0,4}|(?<=who\s)\S+(?:\s+\S+)?))?", re.I)


def _antecedent(res: Resolver, before: str, cuts: list[int], base: int) -> Speaker | None:
    """The noun phrase a relative pronoun stands for, in the chunk that ends at the pronoun's comma (cuts[-1]
    starts it): the person a name before an appositive gives ("Rear Adm. Thomas Ellery, the director of
    intelligence for U.S. Indo-Pacific Command, who told ..."), else the shortest tail that names someone
    ("the estimate of South Korea's National Intelligence Service (NIS), which said ..." -> the NIS)."""
    cs = cuts[-1]
    chunk = _ACRONYM_TAIL.sub("", before[cs:].split(",")[0].rstrip(" ,"))
    at = base + cs + (len(before[cs:]) - len(before[cs:].lstrip()))
    chunk = chunk.strip()
    words = chunk.split()
    if len(cuts) > 1 and words and words[0].lower() in ("the", "a", "an") and \
            any(w.lower() in res.lex.person_titles for w in words[:6]):
        prev = before[cuts[-2]:cs].strip(" ,")
        how, sp = res.parse_np(prev, base + cuts[-2])
        if sp is not None and sp.kind == "person" and how in _NAMED:
            return sp
        sp = _trailing_name(res, prev, base + cuts[-2])   # "The warning came from Ana Varga, the director ..."
        if sp is not None:
            return sp
    for k in range(1, min(8, len(words)) + 1):
        tail = " ".join(words[-k:])
        if words[-k].lower() in ("of", "and", "or", "to", "by", "for"):
            continue
        how, sp = res.parse_np(tail, at + len(chunk) - len(tail))
        if sp is not None and how in ("registry", "name", "surname", "title", "org-title", "acronym"):
            return sp
    return None


_ACRONYM_TAIL = re.compile(r"\s*\([A-ZÀ-ÖØ-ÞĀ-Ž]{2,8}\)\s*$")


def _subject_before(res: Resolver, text: str, lo: int, vstart: int) -> tuple[str, Speaker | None, int]:
    """The subject of a verb at vstart: the last clause chunk before it that names someone, within
    [lo, vstart). A parenthetical is stepped over ("Kyrylo Budanov, who has led ... since 2020, said"),
    and a name wins over the appositive after it ("Lee Seong-kweun, a member of the committee, said").
    A negated subject or verb ("Neither Moscow nor Pyongyang has confirmed") claims nothing; a chunk with
    a verb of saying in it is a clause, not a subject. Returns (how, speaker, start of the subject); how
    is "sub:..." when the subject follows a subordinator ("..., as X said ...")."""
    before = text[max(lo, vstart - 200):vstart]
    lab = LABEL_PREFIX.match(before, before.rfind("\n") + 1)
    if lab:
        before = before[lab.end():]    # "Senator IDLE: ..., I am told": a turn's label is never a subject
    base = vstart - len(before)
    if PASSIVE.search(before) or PASSIVE_AFTER.match(text, vstart):
        return "", None, -1   # "is believed to", "to say", headline "N. Korea believed to have shipped"
    named = res.named_in_aside(before, base)
    if named is not None:
        return "named-aside", named, base
    words = before.split()
    if words and _noun_use(words[-1], re.match(r"\w*", text[vstart:vstart + 20]).group(0)):
        return "", None, -1
    lex = res.lex
    # clause breaks, and the end of an earlier verb of saying: "Oh said the NIS had confirmed" -> "the NIS"
    # (a verb inside a relative clause, "X, which does not mention North Korean forces in its reports,
    # said", cuts nothing: the clause stays one aside)
    # (an acronym in brackets is no clause: "Lawmakers briefed by the National Intelligence Service (NIS) said")
    verb_cuts = {m.end() for m in _verbs(lex, before) if lex.lemma(m.group(1)) not in ("cite", "quote")
                 and not _IN_RELATIVE.search(before, max(0, m.start() - 120), m.start())}
    cuts = sorted({0} | {m.end() for m in CLAUSE_BREAK.finditer(before) if not _ACRONYM_BRACKET.match(before, m.start())} |
                  verb_cuts)
    found: tuple[str, Speaker | None, int] | None = None
    # (an age between a name and its appositive is a chunk of its own, and is stepped over: one more chunk)
    ages = sum(1 for k in range(max(1, len(cuts) - 3), len(cuts))
               if AGE_CHUNK.fullmatch(before[cuts[k - 1]:cuts[k]].rstrip(",")))
    for n in range(min(3 + ages, len(cuts))):
        cs = cuts[len(cuts) - 1 - n]
        ce = len(before) if n == 0 else cuts[len(cuts) - n]
        chunk = re.sub(r"(?:\s*[,;:—–(]|\bthat)\s*$", "", before[cs:ce]).strip(" ,;:—–(" + _QUOTE_CHARS)
        ws = chunk.split()
        if not ws:
            continue
        if n == 0 and ws[-1].lower() in ("and", "but") and len(ws) > 1:
            # "the agency said Pyongyang was preparing ... and warned that": the verb is coordinated with an
            # earlier one, whose subject says it
            return "coord", None, -1
        if n == 0 and (NEGATED.search(" ".join(ws[-4:])) or ws[0].lower() in ("neither", "no", "none", "nobody")):
            return "neg", None, -1
        if n == 0 and ws[0].lower() in _QUESTION_AUX and len(ws) <= 6 and (cs == 0 or before[cs - 1] in ",;:("):
            # "Does my hon. Friend agree that ...", "Will the Minister confirm ...": a question asks the
            # subject to say it; it is the asker's claim (a transcript's turn), never the subject's
            return "question", None, -1
        relative = n == 0 and _REL_BEFORE_VERB.fullmatch(chunk) is not None
        if relative and len(ws) == 1 and n + 1 < len(cuts):
            # "..., the estimate of South Korea's NIS, which said last month that ...": the relative pronoun
            # stands for the noun phrase the comma closed
            sp = _antecedent(res, before, cuts[:-1], base)
            if sp is not None:
                return "sub:relative", sp, sp.pos
            break
        if re.match(r"(?:citing|quoting|according\s+to|per|based\s+on)\b", chunk, re.I) or \
                _ASIDE.match(chunk) and not relative or \
                _PARTICIPLE.match(chunk) and cs > 0 and before[cs - 1] == "," and before[cs:ce].rstrip().endswith(",") or \
                _ING_OPEN.match(chunk) and not chunk.startswith("During ") or \
                found is None and OCCASION_ASIDE.match(chunk) and n < min(3, len(cuts)) - 1:
            # "TASS, citing the ministry, reported", "X, speaking on condition of anonymity, said", "X, in a
            # statement released through KCNA, said"
            continue
        if found is not None and AGE_CHUNK.fullmatch(chunk) and ages:
            continue    # "Bondarenko, 34, a former engineer from Kharkiv, said": the age between name and appositive
        if next(_verbs(lex, chunk), None) is not None:
            break
        sub, trimmed = ws[0].lower() in _SUBORDINATORS or relative, False
        rel = next((k for k in range(len(ws) - 1, -1, -1) if ws[k].lower() in ("what", "which", "who", "as")), -1)
        if 0 <= rel and (len(ws) - rel - 1 in (1, 2) or ws[rel].lower() == "which" and 1 <= len(ws) - rel - 1 <= 5):
            ws = ws[rel + 1:]   # "the first group of what it said", "through which South Korean officials say"
        else:
            low = [w.lower() for w in ws]
            k = next((k for k in range(len(ws) - 2, 0, -1) if low[k] in _SUBORDINATORS and low[k] not in ("and", "or")
                      and len(ws) - k - 1 <= 4 and (ws[k + 1][:1].isupper() or low[k + 1] == "the" and
                                                    k + 2 < len(ws) and ws[k + 2][:1].isupper())), -1)
            if k > 0:
                # "the first official count of reinforcements since Seoul [said]": the subordinate clause's subject
                ws, sub, trimmed = ws[k + 1:], True, True
        if len(ws) > 1 and ws[-1].lower() in ("he", "she", "it", "they") and ws[-2][:1].islower() and \
                ws[-2] not in _QUESTION_AUX and ws[-2] not in _SUBORDINATORS and ws[-2] not in _NOT_AUDIENCE:
            ws, trimmed = ws[-1:], True   # "The NIS told lawmakers it expects ...": the pronoun, not the audience
        elif n == 0 and len(ws) > 2 and ws[0].lower() in _LEAD_PREP and ws[1].lower() not in ("least", "most") and \
                cs not in verb_cuts:
            # (only the chunk just before the verb: an earlier one is a clause of its own, and "At least 100
            # ..." is a number's qualifier, no lead-in)
            k = _after_lead_in(ws)
            if k > 0:
                ws, trimmed = ws[k:], True
        # a noun phrase is read in its last ten words; an unnamed source placed by a longer phrase is read
        # whole, or the name in the phrase becomes the speaker ("a person familiar with a recent briefing by
        # South Korea's Defense Intelligence Agency told NK News")
        keep = MAX_NP_WORDS if len(ws) <= MAX_NP_WORDS and _PLACED.search(" ".join(ws[:6])) else 10
        how, sp = res.parse_np(" ".join(ws[-keep:]), base + cs)
        if sp is None and found is not None:
            sp2 = _trailing_name(res, chunk, base + cs)
            if sp2 is not None:
                found = ("name", sp2, sp2.pos)
            break
        if sp is None:
            continue
        how = ("sub:" if sub else "") + how
        if found is None:
            # where the subject itself starts: "The new Pentagon estimate ... comes after Washington confirmed"
            # puts it at "Washington", so nothing reads the chunk's opening words as the object of a verb before
            coff = before.find(chunk, cs)
            words_at = [m.start() for m in _WORD.finditer(before, coff, coff + len(chunk))] if coff >= 0 else []
            drop = len(words_at) - len(ws[-keep:])
            found = (how, sp, base + (words_at[drop] if trimmed and 0 < drop < len(words_at) else cs))
            if how in _NAMED or sp.kind == "person" and sp.actor_id:
                break
            if sp.kind == "anonymous" and _LIST_TAIL.match(chunk):
                # "U.S., Ukrainian and South Korean officials say": a list's last items, not an appositive
                lst = res.parse_np(before[max(0, _list_start(before, cs)):ce].strip(" ,"), base + cs)
                if lst[1] is not None:
                    found = (lst[0], lst[1], base + cs)
                break
            continue      # an appositive description: a name just before it is the subject
        w0 = ws[0].lower().strip(".")
        if how in _NAMED and ws[0].lower() not in _PLACE_LEAD and (
                len(ws) <= 5 or len(ws) <= 10 and ws[0][:1].isupper() and (w0 not in lex.not_names or w0 in TITLE_ABBR)):
            # "Lee Seong-kweun, a member of ..., said", "Rep. Kim of the Democratic Party, a member ...": a name
            found = (how, sp, base + cs)
        else:
            sp2 = _trailing_name(res, chunk, base + cs)
            if sp2 is not None:
                found = ("name", sp2, sp2.pos)
        break
    return found if found is not None else ("", None, -1)


def _inverted_after(res: Resolver, text: str, vend: int, hi: int) -> tuple[str, Speaker | None]:
    """'..., said the ministry' / '..., said Kim Seon-ho': the subject after the verb."""
    m = re.match(r"\s+((?:the\s+)?[A-Za-z][^,;:.()“”\"\n]{1,60}?)(?=\s*(?:[,;:.()\n]|$|\bthat\b|\bon\b|\bin\b|"
                 r"\bat\b|\bto\b|\bwhen\b|\bafter\b))", text[vend:min(hi, vend + 80)])
    if not m:
        return "", None
    return res.parse_np(m.group(1), vend + m.start(1))


def _np_until_clause_end(chunk: str) -> str:
    """The chunk up to its first clause break, a title's abbreviation stop not counted ("Rep. Park
    Jong-hoon of the People Power Party, who ...")."""
    for m in CLAUSE_END.finditer(chunk):
        if m.group(0) == "." and _ABBREV_STOP.search(chunk, 0, m.start()):
            continue
        return chunk[:m.start()]
    return chunk


def figure_claim(res: Resolver, text: str, pos: int, span: tuple[int, int]) -> Claim:
    """The claim frame of a figure at `pos` in the sentence `span` (no quotation, no carrying over).

    Every pattern is matched once per sentence (res.scans) and only the matches in the figure's
    window are read, so a sentence of thousands of figures costs linear time."""
    ss, se = span
    lo, hi = max(ss, pos - MAX_CONTEXT), min(se, pos + 300)
    scans = res.scans
    relays = scans.within(RELAY, span, lo, hi)
    source = _relay_source(res, text, relays)
    cands: list[tuple[int, Claim]] = []    # (distance, claim)
    # according to X / per X: at the start or the end of its sentence, it governs the whole sentence
    for m in scans.within(FIG_ACCORDING, span, lo, hi):
        a = m.end()
        np = _np_until_clause_end(text[a:min(hi, a + 100)])
        day = _WEEKDAY_TIME.search(np)
        shift = 0
        if day and _BRIEFED_BY.match(np, day.end()):
            # "lawmakers briefed late on Thursday by South Korea's NIS": the day is no part of who they are
            np, shift = np[:day.start()] + np[day.end():], day.end() - day.start()
        np = re.split(r"\s+(?:that|which|who|(?<!briefed )on|since|last|this)\s+|\s+in\s+(?![A-ZÀ-ÖØ-ÞĀ-Ž])", np)[0]
        whole = text[a:a + len(np)]
        inner = RELAY.search(np)
        relayed = None
        if inner:    # "according to lawmakers briefed by the agency": the lawmakers, citing the agency
            at = a + inner.start() + (shift if day is not None and inner.start() >= day.start() else 0)
            relayed = _relay_source(res, text, [RELAY.match(text, at, a + len(np) + shift)])
        how, sp = res.parse_np(np, a)
        if sp is not None and sp.kind == "person" and sp.name.split()[-1] not in np:
            # "According to HUR, ...": the institution's own claim, not its spokesperson's who spoke just before
            org = res.lookup(re.sub(r"^the\s+", "", np.strip()))
            if org is not None and org.kind != "person":
                sp, how = from_actor(org, a), "registry"
        if sp is None and _DOC_PLURAL.search(np):
            desc = " ".join(np.split())   # "according to Ukrainian and South Korean assessments"
            sp, how = Speaker(unnamed(desc), "anonymous", "", desc, "", "", a), "documents"
        if sp is not None:
            # at the end of the sentence: nothing after its noun phrase but a relative clause of it
            # ("..., according to lawmakers who attended the closed session.")
            tail = text[a + len(whole):se]
            lead = text[ss:m.start()]
            governs = m.start() == ss or not tail.strip(" .!?”\"'’") or \
                bool(_NP_TAIL.match(tail)) and not CLAUSE_END.search(tail.rstrip(" .!?”\"'’")) or \
                bool(_NP_APPOSITION.match(tail.rstrip(" .!?”\"'’"))) or \
                bool(_OPENING_TIME.fullmatch(lead))     # "On Feb. 27, according to lawmakers ..., the NIS put ..."
            d = 0 if governs else abs(pos - a)
            cands.append((d, Claim(sp, "according:" + how, relayed or source, subject_at=m.start())))
    for m in scans.within(BY_COUNT, span, lo, hi) + scans.within(BY_COUNT_OF, span, lo, hi):
        np = m.group("np")
        np = _POSSESSIVE_PRONOUN.get(np.lower(), np)
        how, sp = res.parse_np(re.sub(r"['’]s$", "", np), m.start("np"))
        if sp is not None:
            cands.append((abs(pos - m.end()), Claim(sp, "by-count:" + how, source)))
    lex = res.lex
    verbs = [(vm.start(), vm.end(), lex.lemma(vm.group(1))) for vm in scans.within(lex.verb_re, span, lo, hi)[:3 * MAX_VERBS_FIG]]
    at = _at_before(text, pos)
    verbs += [(m.start(), m.end(), "put") for m in scans.within(PUT_WORD, span, lo, pos) if
              (at >= 0 and PUT_AT.match(text, m.start(), at) or
               re.fullmatch(r"\s+(?:(?:about|around|some|roughly|nearly|more\s+than|over|at\s+least|up\s+to)\s+)?",
                            text[m.end():pos]))]
    g = GIVE_FIGURE.search(text, max(lo, pos - 100), pos)
    if g:   # "The Pentagon has given a slightly lower figure of about 10,000": giving the figure claims it
        v = "verb" if g.group("verb") else "verb2"
        verbs.append((g.start(), g.start(v) + len(g.group(v)), "put"))
    verbs.sort()
    last_subject: Claim | None = None
    for vs, ve, lemma in verbs:
        cited = None
        if lemma in ("cite", "quote") and vs < pos and not text[vs:ve].lower().endswith("ing"):
            cited = _CITED_THAT.match(text, ve, pos)
        if lemma in ("cite", "quote") and cited is None and not _cites_number().fullmatch(text, ve, pos):
            continue   # "citing X" is a relay, handled above; "was citing more than 3,000 killed" claims it
        # "up from the 7,000 to 8,000 Kyiv had counted": a relative clause without "that", its subject after the figure
        rr = _REDUCED_RELATIVE.fullmatch(text, pos, vs) if vs > pos and \
            _THE_BEFORE.search(text, max(lo, pos - 20), pos) else None
        if lemma == "count" and not (vs < pos and _COUNTS_NUMBER.fullmatch(text, ve, pos)) and rr is None:
            continue   # "the General Staff counts more than 38,000": the count is its object, never "counts what"
        if _NOUN_BEFORE_VERB.match(text, ve):
            continue   # "Western estimates put the number at ...": a noun, the verb after it is the claim's
        if _DETERMINED.search(text, max(lo, vs - 8), vs):
            continue   # "North Korea's state news agency", "its estimate": a noun
        if vs > pos and text[ve:ve + 2].lstrip().startswith(":"):
            continue   # "Responding to the capture of two soldiers, X said:": what follows the colon is said
        how, sp, np_at = _subject_before(res, text, lo, vs)
        if how == "neg":
            continue
        reduced = False
        if rr is not None:
            how2, sp2 = res.parse_np(rr.group("np"), rr.start("np"))
            if sp2 is not None and how2 in _NAMED:
                how, sp, np_at, reduced = how2, sp2, rr.start("np"), True
        if how == "coord":
            if last_subject is None or last_subject.verb_end > vs:
                continue
            sp, how, np_at = last_subject.speaker, "coord:" + last_subject.how.split(":", 1)[-1], last_subject.subject_at
        if (sp is not None or last_subject is None) and text[vs:ve].endswith("ing") and \
                text[max(lo, vs - 3):vs].rstrip().endswith(","):
            # "A House Republican is pressing Rubio for an accounting of North Korea's help, warning that ...":
            # a participle after a clause is said by the clause's subject, not by the noun just before it
            sub = res.subject_of(res.sent_index(vs))
            # (a body too, when what follows is said: "The NIS gave a lower figure, telling lawmakers that ...")
            if sub is not None and (sub.personlike or sub.kind in ("government", "organization") and
                                    lex.verb_kind.get(lemma, "") in ("say", "claim", "confirm", "warn")) and \
                    (sp is None or sub.pos < np_at and sub.name != sp.name):
                how, sp, np_at = "participle:subject", sub, sub.pos
        if vs > pos and how.startswith("sub:") and not (_AS_CLAUSE.search(text, max(lo, vs - 120), vs) and
                                                         _AS_SAID_END.match(text, ve, se)):
            continue   # "..., as X said the casualties had climbed": X's own clause, not an attribution of this
            # (but "..., as President X stated on 23 December.": the clause says only who said it, and when)
        if sp is None and vs < pos and lemma in ("put", "place", "estimate", "suggest", "show", "say", "indicate"):
            est = _ESTIMATES_SUBJECT.search(text, max(lo, vs - 110), vs)
            if est:
                # "Western and South Korean intelligence estimates put the first contingent at 10,000-12,000":
                # estimates nobody is named for are their own (unnamed) claimant
                desc = " ".join(est.group("np").split())
                how2, body = res.parse_np(desc.rsplit(None, 1)[0], est.start("np"))
                if body is not None and how2 in ("registry", "name"):
                    sp, how = body, "estimates-of:" + how2     # ("The Pentagon estimates put ...": the Pentagon's)
                else:
                    sp, how = Speaker(unnamed(desc), "anonymous", "", desc, "", "", est.start("np")), "documents"
                np_at = est.start("np")
        if sp is None:
            before = text[max(lo, vs - 3):vs]
            if text[vs:ve].endswith("ing") and before.rstrip().endswith(",") and last_subject is not None:
                # "..., the official said, adding that about 10,000 ...": the participle's subject is the clause's
                sp, how, np_at = last_subject.speaker, "participle:" + last_subject.how, vs
            elif (before.rstrip().endswith((",", "”", "\"")) or vs > pos) and not text[vs:ve].endswith("ing"):
                # ("..., said the ministry" inverts; "..., telling lawmakers" names its audience, not a subject)
                how, sp = _inverted_after(res, text, ve, hi)
                np_at = ve
            if sp is None:
                continue
        if cited is not None:
            # "Teodoro cited South Korean intelligence estimates that more than 10,000 ...": he claims it, citing them
            chow, csp = res.parse_np(cited.group("np"), cited.start("np"))
            if csp is None:
                desc = " ".join((cited.group("np") + " " + cited.group("doc")).split())
                csp = Speaker(unnamed(desc), "anonymous", "", desc, "", "", cited.start("np"))
            source = source or csp
        claim = Claim(sp, "verb:" + how, source, lemma)
        claim.verb_end, claim.subject_at = ve, np_at
        if vs < pos and last_subject is not None and last_subject.verb_end <= np_at and \
                _NESTED.match(text, last_subject.verb_end, np_at):
            # "Park said the agency had confirmed ... about 50": Park claims it, citing the agency; "Umerov told
            # KBS that Kyiv expected ...": Umerov's own government is not a source
            inner = sp
            outer = last_subject.speaker
            where = outer.country or (res._country_in(outer.role or outer.name[8:]) if outer.kind == "anonymous" else "")
            own = inner.kind == "government" and inner.role == "government" and inner.country == where
            if outer.role == "news outlet" and inner.kind != "anonymous":
                # "Kazinform reported that the Ukrainian General Staff estimated ...": an outlet that reports a
                # named body's figure is no claimant of it (who it cites is, as for "told Reuters")
                claim = Claim(inner, "verb:" + how + "<outlet", source, lemma)
            else:
                claim = Claim(outer, last_subject.how + ">outer", source or (None if own else inner), last_subject.verb)
            claim.verb_end = last_subject.verb_end
        else:
            claim.verb_end = ve
        if sp is not None and not claim.how.endswith(">outer"):
            last_subject = claim
        if vs < pos:
            d = pos - ve
        else:
            gap = text[pos:np_at if np_at > pos else vs]
            # "3,000 that Seoul reported": the relative clause owns the figure
            d = 1 if REL_CLAUSE.match(gap) or reduced else 10_000 + (vs - pos)
        cands.append((max(d, 0), claim))
    mine = scans.within(MY_ESTIMATE, span, lo, pos)
    if mine:
        sp = res.label_speaker(mine[-1].start()) or res.byline(mine[-1].start())
        if sp is not None:
            cands.append((pos - mine[-1].end(), Claim(sp, "my-estimate", source)))
    m = _BY_AGENT.match(text, pos, min(hi, pos + 90))
    if m:
        how, sp = res.parse_np(m.group("np"), m.start("np"))
        if sp is not None:
            cands.append((0, Claim(sp, "by-agent:" + how, source)))
    data = scans.within(DATA, span, lo, hi)
    if data:
        m = data[0]
        how, sp = res.parse_np(m.group("np").split(",")[-1], m.start("np"))
        if sp is not None:
            cands.append((abs(pos - m.end()), Claim(sp, "data:" + how, source)))
    m = OWNED_ESTIMATE.search(text, max(lo, pos - 80), pos)
    if m:
        np = re.sub(r"['’]s$", "", m.group("np").strip())
        a = res.lookup(np)
        how, sp = ("registry", from_actor(a, m.start("np"))) if a is not None else res.parse_np(np, m.start("np"))
        if sp is None:
            country, k = lex.demonym(np.split())
            a = res.lookup(country) if k else None
            if a is not None:
                sp, how = from_actor(a, m.start("np")), "demonym"
        denied = any(c.how.startswith("verb:") and c.verb_end <= m.start() and c.speaker is not None and
                     lex.verb_kind.get(c.verb, "") == "deny" and not re.search(r"[;:.]|\bthat\b", text[c.verb_end:m.start()])
                     for _, c in cands)
        if sp is not None and not denied:
            # (but "Zakharova dismissed the NIS estimate of 100 dead": who denies it claims it, as denied)
            cands.append((0, Claim(sp, "estimate-of:" + how, source)))
    for m in scans.within(REPORTS, span, lo, pos):
        a = m.start()
        if CLAUSE_BREAK.search(text, m.end(), pos) and not \
                re.match(r"\s*(?:that|said|say|says|suggest\w*|claim\w*)\b", text[m.end():pos]):
            continue
        if re.search(lex.verb_re.pattern + r"\s+(?:the\s+|these\s+|those\s+)?$", text[max(lo, a - 30):a]):
            continue   # "denied media reports that ...": the denial is the claim
        desc = " ".join((m.group("desc") + (m.group("tail") or "")).split())
        desc = lower_first(desc)
        cands.append((pos - a, Claim(Speaker(unnamed(desc), "anonymous", "", desc, "", "", a), "reports", source)))
    if not cands:
        if source is not None and _CITING.match(relays[0].group(0)) and \
                not re.match(r"(?:its|their|his|her|our|my)\b", relays[0].group("np"), re.I):
            # (not "citing its own sources": whose sources they are is the claimant, whoever that is)
            # "citing the Pentagon, 4,000 ...": whom the text cites. Not "after a briefing by the NIS": someone
            # briefed says it, and whoever that is went unrecognised
            return Claim(source, "relay-only")
        return Claim(None, "")
    d, best = min(cands, key=lambda c: c[0])
    final = [c for dd, c in cands if c.verb_end > pos and c.speaker is not None and
             _ENDS_SENTENCE.match(text, c.verb_end, se) and c.how.startswith("verb:") and not c.how.startswith("verb:sub")
             and c.subject_at > pos and text[:c.subject_at].rstrip().endswith((",", "”", "\"", "—"))
             and not _FIGURE_APPOSITION.match(text, text.rfind(",", ss, c.verb_end) + 1, c.verb_end)]
    if final and best.verb_end <= pos and final[-1].speaker is not best.speaker and best.how.startswith("verb:") and \
            not res.lex.outlet(final[-1].speaker.name):
        # (but "The agency has claimed that 3,000 ..., Yonhap reported": the outlet reports whom it cites)
        # "The NIS estimates that about 300 ..., Park Sun-won told reporters.": Park says it, citing the NIS
        outer = final[-1]
        inner = best.speaker
        best = Claim(outer.speaker, outer.how + ">final", best.source or inner, outer.verb, outer.verb_end)
    if best.how.startswith("according:"):
        teller = _teller_citing(res, text, cands, best, pos)
        if teller is not None:
            best = Claim(teller.speaker, teller.how + ">according", best.speaker, teller.verb, teller.verb_end)
    if best.how.startswith("according:") and best.source is None:
        # "About 300 were killed, the NIS said, according to lawmakers who attended": the lawmakers relay it,
        # and the one whose verb states it is their source
        said = [c for dd, c in cands if c.how.startswith("verb:") and not c.how.startswith("verb:sub")
                and c.speaker is not None and c.speaker.name != best.speaker.name and c.how != "verb:pronoun"]
        if said:
            best.source = said[0].speaker
    if best.source is not None and (best.source.name == best.speaker.name or
                                    best.source.country and best.source.country == best.speaker.country and
                                    best.source.kind == "government" and best.source.role == "government"):
        best.source = None   # citing itself, or its own country ("Washington's assessment" for a U.S. official)
    return best


# after a verb of saying whose complement holds an "according to": at most an audience or a time ("told MPs",
# "said on Monday"), then "that" or a comma; never a new sentence part ("; ", " - ")
_TELLER_GAP = re.compile(r"(?:\s+(?:to\s+)?(?!that\b)[\w’'.\-]+){0,4}?\s*(?:,|\s+that\b)[^;:—–]{0,300}$")
# a named person's "said" needs no "that" ("Healey said Russia was losing 1,500 men a day, according to
# British defence intelligence")
_PERSON_GAP = re.compile(r"[^;:—–]{0,300}$")
_FIRST_PERSON = re.compile(r"(?:we|i|our|my)\b", re.I)


# "..., among the highest daily figures it has reported.": an apposition about the figure, not its attribution
_FIGURE_APPOSITION = re.compile(r"\s*(?:among|one\s+of|up\s+from|down\s+from|in\s+line\s+with|(?:the|a|an)\s+(?:[\w-]+\s+){0,3}"
                                r"(?:figures?|numbers?|tolls?|counts?|estimates?|totals?|tall(?:y|ies))\b)", re.I)


def _teller_citing(res: Resolver, text: str, cands: list, best: Claim, pos: int) -> Claim | None:
    """The speaker who says what "according to X" sources, when X is cited inside what they said.

    "Melnyk said that, according to Ukrainian intelligence, about 11,000 ...", "Healey told MPs that Russia
    had lost more than 1,500 a day, according to British estimates": the one who speaks claims the figure and
    the body after "according to" is their source. But when those cited are people who relay a body's
    briefing ("The agency said 4,000 were wounded, according to lawmakers who attended"), the people
    speak to the press and the body is their source: kept as it is."""
    acc_at, cited = best.subject_at, best.speaker
    tellers = [c for _, c in cands if c.how.startswith("verb:") and not c.how.startswith("verb:sub") and
               c.speaker is not None and c.speaker.name != cited.name and 0 <= c.verb_end <= min(acc_at, pos) and
               res.lex.verb_kind.get(c.verb, "") in ("say", "claim", "confirm", "warn")]
    if not tellers:
        return None
    teller = max(tellers, key=lambda c: c.verb_end)
    if _FIRST_PERSON.match(text, max(teller.subject_at, 0)) or res.lex.outlet(cited.name):
        # ("We reported that, according to the JCS, ...": the outlet is no claimant; "according to Yonhap":
        # the agency whose wire the text relays claims it)
        return None
    gap = _PERSON_GAP if teller.speaker.kind == "person" else _TELLER_GAP
    if not gap.match(text, teller.verb_end, acc_at):
        return None
    # (those who estimate are whose figure it is: "officials estimate 11,000, according to a source" is the
    # source's relay of the officials)
    relaying = cited.kind == "person" or cited.kind == "anonymous" and not best.how.endswith("documents")
    if relaying and teller.speaker.kind != "person":
        return None
    return teller


# "The figures were relayed to reporters by Park Jun-tae, a member of ...": the sentence after a body's
# figures names who passed them on; he claims them, citing the body
_RELAYED_BY = re.compile(r"(?:The|These|Those|Both|All|Its|Their)\s+(?:[\w\-]+\s+){0,2}(?:figures?|numbers?|estimates?|counts?|"
                         r"findings?|assessments?|data|tallies|tally)\s+(?:were|was|had\s+been|have\s+been)\s+"
                         r"(?:(?:\w+ly|later|also|then|first)\s+)?(?:relayed|given|presented|disclosed|shared|passed\s+on|read\s+out|made\s+public|"
                         r"released|conveyed|reported|revealed)\s+(?:to\s+(?:[\w’'\-]+\s+){1,5}?)?by\s+(?P<np>[^.;:!?\n]{2,120})")


def relayed_after(res: Resolver, text: str, span: tuple[int, int]) -> Speaker | None:
    """Who the next sentence says passed on the figures of the sentence at span, or None."""
    si = res.sent_index(span[0])
    if si + 1 >= len(res.spans):
        return None
    ns, ne = res.spans[si + 1]
    m = _RELAYED_BY.match(text, ns, ne)
    if m is None:
        return None
    np = _np_until_clause_end(m.group("np"))
    how, sp = res.parse_np(np.split(",")[0] if "," in np else np, m.start("np"))
    if sp is None or sp.name.startswith("unnamed:") and sp.kind != "anonymous":
        return None
    return sp


def _at_before(text: str, pos: int) -> int:
    """The offset just after the "at " that introduces the figure at pos, or -1."""
    m = re.search(r"\bat\s+(?P<q>(?:(?:about|around|roughly|some|nearly|more\s+than|over|at\s+least|up\s+to|as\s+many\s+as|"
                  r"approximately|an\s+estimated|almost|close\s+to|somewhere|anywhere)\s+)?)$", text[max(0, pos - 40):pos])
    return max(0, pos - 40) + m.start("q") if m else -1


MAX_VERBS_FIG = 6


def _relay_source(res: Resolver, text: str, matches: list) -> Speaker | None:
    m = matches[0] if matches and matches[0] is not None else None
    if m is None:
        return None
    np = re.sub(r"^(?:(?:a|an|the|its|their)\s+)?(?:(?:closed-door|recent|new|latest|confidential|private)\s+)?"
                r"(?:briefing|report|assessment|statement|estimates?|data|information|intelligence|figures)\s+"
                r"(?:by|from|of)\s+", "", m.group("np"))
    how, sp = res.parse_np(np, m.end("np") - len(np))
    return sp


def continues(sentence: str) -> bool:
    """Does this sentence plainly continue the previous one's claim ("It also said", "is estimated to")?"""
    return CARRY.search(sentence[:200]) is not None


# An organisation's own statement published in full (a ministry's press release, a government's
# communiqué): a figure it states with nobody cited is the organisation's claim, as a figure in a
# news article's own voice is nobody's. Recognised only from what such pages say of themselves: a
# heading "Statement of/by X", "the following statement was issued by X", or the sign-off "Press
# Service of X" on one of the last lines. A news story quoting a statement has none of these ("said in
# a statement published by the Kremlin" is a quotation's source, not the page's issuer).
_ISSUER_HEAD = re.compile(r"^(?:Official\s+|Joint\s+)?(?:Statement|Press\s+[Rr]elease|Communiqu[eé]|Declaration)\s+"
                          r"(?:of|by|from)\s+(?P<np>[^\n]{3,120}?)(?=\s+(?:on|regarding|concerning|about|in\s+"
                          r"connection\s+with|following)\b|\s*[:\n—–]|\s*$)", re.M)
_ISSUER_BODY = re.compile(r"\b(?:[Ff]ollowing|[Tt]his)\s+(?:statement|press\s+release|communiqu[eé])\s+(?:was\s+|has\s+been\s+)?"
                          r"(?:issued|released|published|made)\s+by\s+(?P<np>[^\n,.;]{3,120}?)(?=\s+(?:on|in|at)\b|[,.;\n])")
_ISSUER_SIGN = re.compile(r"^\s*(?:The\s+)?(?:Press\s+(?:Service|Office|Centre|Center)|Information\s+Department|"
                          r"(?:Press\s+and\s+)?Information\s+(?:and\s+Press\s+)?Department)\s+of\s+(?P<np>[^\n]{3,120}?)\s*$", re.M)


_WE_VOICE = re.compile(r"(?:^|[.!?]\s+|\n)(?:[-*•][ \t]+)?(?:We|Our)\s+(?![^.\n]{0,200}[”\"]\s*,?\s+(?:he|she|the)\b)[a-z]")


def issuer(res: Resolver, text: str) -> Speaker | None:
    """The organisation that issued the whole text as its own statement, or None (computed once)."""
    cached = getattr(res, "_issuer", False)
    if cached is not False:
        return cached
    found = None
    head = text[:1500]
    tail_at = max(0, len(text) - 600)
    for m in (*_ISSUER_HEAD.finditer(head), *_ISSUER_BODY.finditer(head), *_ISSUER_SIGN.finditer(text, tail_at)):
        how, sp = res.parse_np(m.group("np").strip(), m.start("np"))
        if sp is not None and sp.kind in ("organization", "government") and not sp.name.startswith("unnamed: "):
            found = sp
            break
    if found is None:
        # a ministry's own page: its name as the masthead line and its voice in the first person plural
        # ("We estimate that about 11,000 DPRK servicemen ...")
        first = text[:200].split("\n", 1)[0].strip()
        a = res.lookup(first) if 3 <= len(first) <= 80 else None
        if a is not None and a.kind in ("organization", "government") and a.role != "government" and \
                not res.lex.outlet(first) and _WE_VOICE.search(text):
            found = from_actor(a, 0)
    if found is None and res.publisher and _WE_VOICE.search(text) and is_research_body(res.publisher) and \
            not res.lex.outlet(res.publisher):
        # a research body's own brief ("Northeast Asia Imagery Project · Imagery Brief No. 14"): its "we"
        a = res.lookup(res.publisher)
        found = from_actor(a, 0) if a is not None else \
            Speaker(re.sub(r"^The\s+", "", res.publisher.strip()), "organization", "", "", "", "", 0)
    res._issuer = found
    return found
