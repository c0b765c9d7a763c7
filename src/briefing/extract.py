"""One article in, its quote rows and figure rows out.

Quotes and figures are attributed in one pass in text order over a shared ``attribution.Resolver``: a
figure inside a quotation is claimed by the quotation's speaker, a figure in reported speech gets the
speaker a quotation in that sentence would get, and a later "he said" sees every earlier attribution,
whether it introduced a quote or a number.

Figures in the headline (and sub-headline) are rows of their own with ``field`` "title" / "subtitle"
and offsets into that field; a headline that names no claimant takes the claimant of the same figure
in the body.
"""
from __future__ import annotations

import re
from dataclasses import replace
from bisect import bisect_right

from .actors import Registry, default_registry
from .attribution import Resolver, Speaker
from .attribution.frames import continues, figure_claim, issuer, points_back, relayed_after
from .attribution.lexicon import lexicon
from . import claimdate
from .dates import parse_date, parse_iso
from . import figures as figs
from . import quotes as qmod

# "Zelenskyy: 11,000 North Korean soldiers in Kursk"; "... to Russia - Budanov"; "...: NIS"
_HEADLINE_PREFIX = re.compile(r"^(?:\[[^\]\n]{1,20}\][ \t]*)?(?P<np>[A-Z][^:|—–\[\]]{1,40}?)\s*:\s+\S")   # "[YTN] JCS: ..."
_TITLE_VERB = re.compile(r"(?<=\s)[A-Z][a-z]+\b")
_HEADLINE_CLAUSE = re.compile(r";\s+|\s+(?:as|while|whereas)\s+(?=[A-Z])")
_HEADLINE_SUFFIX = re.compile(r"(?:\s[|—–-]|:)\s*(?P<np>[A-Za-z][^:|—–]{1,60}?)\s*$")


_NORM_QUOTE = re.compile(r"[^\w]+")


# a word after which a headline's quotation is a phrase named, not a sentence spoken
_OBJECT_LEAD = frozenset("of the a an on about over for to in with and or by from as at into against its their his her "
                         "'s ’s".split())


_DESC_TOPIC = re.compile(r"\s+(?:on|about|over|of|in|at|for)\s+", re.IGNORECASE)


def _head_quote_speaker(words: str, body, text: str, res: Resolver, head: "_Headline", qs: int, qe: int,
                        after: int):
    """(speaker, verb, rule) of a headline's quotation (`words`: its words, normalised): the body's quotation that
    carries the same words; else the labelled turn of a transcript that says them unquoted ("'Kim is
    learning what a modern war costs': former attache ..." and "FENWICK-HALE: ... Kim is learning what a
    modern war costs, ..."); else the headline's own attribution ("NIS: '...'", "'...': Captured soldier
    speaks", "Colonel Vitaliy Hrebeniuk: «...»"). None when nothing names the speaker."""
    same = {b.speaker.name: b for t, b in body if words in t}
    if len(same) == 1:
        b = next(iter(same.values()))
        return b.speaker, b.verb, "headline:body-quote"
    if len(same) > 1:
        return None, "", ""
    if res.is_transcript():
        pat = re.compile(r"\W+".join(re.escape(w) for w in words.split()), re.IGNORECASE)
        m = pat.search(text, after)
        if m is not None:
            sp = res.turn_of(m.start())
            if sp is not None:
                return sp, "say", "headline:body-turn"
    lead = head.line[:qs].rstrip().rstrip("“\"‘'«»„").rstrip()
    if lead.split()[-1:] and lead.split()[-1].lower() in _OBJECT_LEAD:
        return None, "", ""     # "US, NATO hype of 'DPRK troops in Russia' ...": a phrase the line names, not says
    rest = qe
    while rest < len(head.line) and head.line[rest] in "”\"’'»«“:,–— ":
        rest += 1
    sp, vm, how = head.res.np_verb(head.line[rest:], rest)
    if sp is None or vm.start() > 80:
        sp, how = head.speaker(qs, qe)
    if sp is None and rest > qe and head.line[qe:rest].strip(" ”\"’'»«“").startswith(":"):
        # "'1 In 5 Could Be Lost By March': Ex-Attache On North Korea's ...": the description before its topic
        desc = _DESC_TOPIC.split(head.line[rest:rest + 80], maxsplit=1)[0]
        how, sp = head.names.parse_np(desc, 0)
        if sp is not None and (sp.kind == "anonymous" or sp.name.startswith("unnamed:") or
                               sp.kind == "person" and " " not in sp.name and not sp.actor_id):
            sp = None     # (only a description the body gives a name; "Ex-Attache" is nobody's name)
    if sp is not None and not (sp.kind == "government" and sp.name == sp.country):
        # (a country in a headline credits a claim, it does not speak a sentence)
        return sp, "say", "headline:" + how
    return None, "", ""


def _norm_words(s: str) -> str:
    return " " + _NORM_QUOTE.sub(" ", s).lower().strip() + " "


def _headline_quotes(text: str, found, heads, headline: dict, res: Resolver) -> None:
    """A quotation in the headline nobody is named for ("'They Came Back Smarter': Ukrainian commander says
    ...") is spoken as _head_quote_speaker finds (in place)."""
    if not heads:
        return
    body = [(_norm_words(text[q.start:q.end]), q) for q in found
            if q.speaker is not None and not any(a <= q.start < b for a, b in heads)]
    for q in found:
        span = next(((a, b) for a, b in heads if a <= q.start < b), None)
        if span is None or q.fragment:
            continue
        words = _norm_words(text[q.start:q.end])
        if len(words.split()) < 3:
            continue
        if q.speaker is not None:
            # "France calls ... 'a direct threat to European security'" over the minister's own words in the
            # body: the person who said them speaks, his country was the headline's shorthand; "Rutte confirms
            # ... – Vilnius: 'Pyongyang will send more'": the body says whose words they are
            same = {b.speaker.name: b for t, b in body if words in t}
            b = next(iter(same.values())) if len(same) == 1 else None
            if b is not None and b.speaker.kind == "person" and b.speaker.name != q.speaker.name and \
                    (q.speaker.kind == "person" or
                     q.speaker.kind in ("government", "organization") and
                     (not q.speaker.country or b.speaker.country in ("", q.speaker.country))):
                q.speaker, q.verb, q.rule = b.speaker.at(q.open_), b.verb, "headline:body-quote"
            continue
        sp, verb, rule = _head_quote_speaker(words, body, text, res, headline[span], q.start - span[0],
                                             q.end - span[0], heads[-1][1])
        if sp is not None:
            q.speaker, q.verb, q.rule = sp.at(q.open_), verb, rule


_CROSSHEAD_LABEL = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*){0,2}:")


def _crosshead_quotes(text: str, found) -> None:
    """A crosshead that is only a quotation ("‘Not in a position to verify’" on a line of its own between
    paragraphs) repeats words the body quotes later: it is spoken by that quotation's speaker (in place),
    whether the flow carried another speaker onto it from the paragraph above or nobody. Left as it is when
    no quote, or quotes of several speakers, carry the words. (The gold sets disagree on whether such a
    crosshead is a quote of its own; the held-out ones count it, and an analyst sees who said the words.)"""
    for i, q in enumerate(found):
        ls = text.rfind("\n", 0, q.open_) + 1
        le = text.find("\n", q.close)
        le = len(text) if le < 0 else le
        lead = text[ls:q.open_].strip()
        if lead and not _CROSSHEAD_LABEL.fullmatch(lead) or text[q.close:le].strip() or q.fragment:
            continue    # ("Marles: 'An incredibly significant escalation'": a crosshead may name whose words)
        words = _norm_words(text[q.start:q.end])
        if len(words.split()) < 3 or len(words.split()) > 12 or text[q.start:q.end].rstrip()[-1:] in ".!?":
            continue
        same = {o.speaker.name: o for o in found[i + 1:] if o.speaker is not None and
                words in _norm_words(text[o.start:o.end])}
        if len(same) == 1:
            o = next(iter(same.values()))
            q.speaker, q.verb, q.rule = o.speaker.at(q.open_), o.verb, "crosshead:body-quote"


def _title_quotes(line: str, field: str, found, text: str, res: Resolver, registry: Registry, article: str,
                  published: str) -> list[dict]:
    """Quotations of a title the text does not carry: rows of their own (offsets into the title), spoken
    as a headline's quotations are."""
    if not qmod.has_marks(line):
        return []
    body = [(_norm_words(text[q.start:q.end]), q) for q in found if q.speaker is not None]
    head = _Headline(line, registry, res)
    out = []
    for q in qmod.find_quotes(line):
        words = _norm_words(line[q.start:q.end])
        if q.end == q.close or qmod.is_fragment(line[q.start:q.end]) or len(words.split()) < 3:
            continue
        sp, verb, rule = _head_quote_speaker(words, body, text, res, head, q.start, q.end, 0)
        if sp is not None:
            q.speaker, q.verb, q.rule = sp, verb, rule
            out.append(qmod.row(q, line, (0, len(line)), article, published, field))
    return out


def _continues_speaker(text: str, c, claim) -> bool:
    """'It said about 2,600 more ...': a sentence that opens with its claimant as a pronoun goes on
    with the speaker of the sentence before, so the time of speech told there ("went further on
    Wednesday, saying ...") is this claim's too."""
    return claim.how.endswith(":pronoun") and bool(claimdate.PRONOUN_OPENING.match(text[c.sentence[0]:c.sentence[1]]))


def article_rows(text: str, *, article: str = "", published: str = "", published_source: str = "",
                 published_window: tuple[str, str] | None = None,
                 registry: Registry | None = None, title: str = "", subtitle: str = "", author: str = "", publisher: str = "",
                 include_transcripts: bool = False, quotes: bool = True, figures: bool = True
                 ) -> tuple[list[dict], list[dict]]:
    """(quote rows, figure rows) for one article (keys: quotes.COLUMNS, figures.COLUMNS). `author` is the
    byline: the "I" of a column's own sentences; `publisher` the page's outlet (a research body's own brief
    speaks as "we")."""
    registry = registry or default_registry()
    text = text or ""
    paras = qmod.paragraphs(text)
    found = qmod.find_quotes(text, paras) if qmod.has_marks(text) else []
    res: Resolver | None = None

    def resolver() -> Resolver:
        nonlocal res
        if res is None:
            res = Resolver(text, registry, author=author, publisher=publisher)
        return res

    def locate(pos: int) -> tuple[int, int]:
        r = resolver()
        return r.spans[r.sent_index(pos)] if r.spans else (0, len(text))

    cands = figs.candidates(text, locate) if figures else []
    quote_out: list[dict] = []
    figure_out: list[dict] = []
    # the headline and sub-headline as the reader left them at the top of the text
    heads: list[tuple[int, int]] = []
    wanted = {" ".join(s.split()) for s in (title, subtitle) if s and s.strip()}
    for ls, le in paras[:3]:
        if " ".join(text[ls:le].split()) not in wanted:
            break
        heads.append((ls, le))
    if found or cands or include_transcripts:
        r = resolver()
        headline = {span: _Headline(text[span[0]:span[1]], registry, r) for span in heads}
        flow = qmod.QuoteFlow(r, text, paras)
        starts = [q.start for q in found]
        order = sorted([(q.open_, 0, i) for i, q in enumerate(found)] + [(c.start, 1, i) for i, c in enumerate(cands)])
        sent_claims: dict[int, Speaker | None] = {}
        last_about = ""
        for _, kind, i in order:
            if kind == 0:
                flow.attribute(found[i])
                continue
            c = cands[i]
            span = next((h for h in heads if h[0] <= c.start < h[1]), None)
            if span is not None:
                sp, how = headline[span].speaker(c.start - span[0], c.end - span[0])
                claim = _Claim(sp, "headline:" + how if sp is not None else "", None, -1)
            else:
                claim = _claim(r, text, c, found, starts, sent_claims)
            ss = c.sentence[0]
            prev_span = r.spans[r.sent_index(ss) - 1] if r.sent_index(ss) > 0 else None
            row = {"article": article, "field": "text", **figs.finish(c, text, r.scans),
                   **_claim_columns(claim, c, text, r),
                   **figs.claim_date(text, c, published, published_source, published_window, prev_span,
                                     claim.how.startswith("carried") or _continues_speaker(text, c, claim)),
                   "published": published}
            _table_date(text, c, row, published)
            if c.elided and i > 0 and cands[i - 1].sentence == c.sentence and figure_out[-1]["unit"] == row["unit"] \
                    and (figure_out[-1]["unit_category"], row["unit_category"]) == ("casualties", "personnel"):
                # "lost more than 67,000 servicemen ..., and about 380 over the past day": the noun borrowed from
                # a loss counts losses (but "9,000 marines landed and about 2,100 of them were wounded" turns
                # people into losses, never back)
                row["unit_category"] = "casualties"
            # a quotation's claim ends after the figure: the quoted words before it are the figure's own
            # ("the Ukrainian armed forces lost up to 320"), the speaker's frame is not
            qi = bisect_right(starts, c.start) - 1
            bound = claim.end if claim.end <= c.start else found[qi].start if qi >= 0 else -1
            row["about"] = figs.about(text, c, c.sentence[0], c.sentence[1], bound, last_about, r.scans,
                                      clause=claim.how != "quote")
            if claim.how.startswith(("table:", "table-note:")):
                # a table row's cells name its source ("Ukraine (HUR)"), not whom the number counts: the column
                # header does ("Russian losses"), else the story's party
                cell = figs.table_cell(text, c.start)
                if cell is not None:
                    row["about"] = figs.party_at(cell[0][cell[2]]) or figs.DEFAULT_PARTY
            last_about = row["about"]
            figure_out.append(row)
        _headline_quotes(text, found, heads, headline, r)
        _crosshead_quotes(text, found)
        # a quote re-attributed after its figures were read (a later paragraph names the speaker of the
        # quote-only paragraphs before it): the figures inside it follow
        for row in figure_out:
            if row["attribution"] == "quote":
                q = found[bisect_right(starts, row["start"]) - 1]
                if q.speaker is not None and q.speaker.name != row["claimant"]:
                    row.update(_claim_columns(_Claim(q.speaker, "quote", None, q.end), None, text, r))
        _headline_like(text, figure_out, registry, r)
        if quotes:
            for q in found:
                if q.speaker is None and not q.fragment:
                    continue
                quote_out.append(qmod.row(q, text, flow.sentence(q), article, published))
            if include_transcripts:
                quote_out += qmod.transcript_rows(r, text, article, published)
                quote_out.sort(key=lambda row: row["start"])
    # a title the text does not carry (a page's metadata title): its figures and quotations are rows of
    # their own, offsets into the title
    carried = {" ".join(text[a:b].split()) for a, b in heads}
    untold = [(field, line) for field, line in (("title", title), ("subtitle", subtitle))
              if line and line.strip() and " ".join(line.split()) in wanted - carried]
    if figures:
        extra = []
        for field, line in untold:
            extra += _headline_rows(line, field, figure_out, article, published, published_source,
                                    published_window, registry, text)
        figure_out[:0] = extra
    if quotes:
        extra = []
        for field, line in untold:
            extra += _title_quotes(line, field, found, text, resolver(), registry, article, published)
        quote_out[:0] = extra
    return quote_out, figure_out


_DATE_COLUMN = re.compile(r"(?i)(?:\w+\s+)?(?:date|when|day|as\s+of)(?:\s+of\s+\w+)?")   # "Date", "Briefing date", "As of"


def _table_date(text: str, c, row: dict, published: str) -> None:
    """A table row with a "Date" column: the claim was made that day (never after the article, never
    more than a year before it, as for any claim date)."""
    cell = figs.table_cell(text, c.start)
    if cell is None:
        return
    head, cells, _ = cell
    col = next((k for k, h in enumerate(head) if _DATE_COLUMN.fullmatch(h.strip())), -1)
    if not 0 <= col < len(cells):
        return
    day, _ = parse_date(cells[col])
    pub = parse_iso(published) if published else None
    # (an article of unknown date: the row's own date stands, as written)
    if day is None or pub is not None and (day > pub or day < pub - claimdate.MAX_AGE):
        return
    row.update(claim_date=day.isoformat(), claim_date_end=day.isoformat(), claim_date_precision="day",
               claim_date_evidence=f"table date {cells[col].strip()}")


def _same_figure(r: dict, o: dict) -> bool:
    if r["value"] == r["value"]:
        return o["value"] == r["value"] and o["unit_category"] == r["unit_category"]
    return o["value"] != o["value"] and " ".join(o["surface"].lower().split()) == " ".join(r["surface"].lower().split())


_CLAIM_KEYS = ("claimant", "claimant_kind", "actor_id", "side", "organisation", "source")


def _credited(same: dict, registry: Registry) -> dict:
    """The claim columns a headline takes from the body's row of the same figure. A headline credits whom
    the claim comes from ("Seoul's spy agency: 300 killed" over a lawmaker relaying the agency): for a
    relayed claim, its source."""
    if not same.get("source"):
        return {k: same[k] for k in _CLAIM_KEYS}
    a = registry.lookup(same["source"])
    return {"claimant": same["source"], "claimant_kind": a.kind if a is not None else "organization",
            "actor_id": a.actor_id if a is not None else "", "side": a.side if a is not None else "",
            "organisation": "", "source": ""}


def _headline_like(text: str, rows: list[dict], registry: Registry, res: Resolver | None = None) -> None:
    """A body line that reads as a headline (short, no closing stop) and names no claimant: the speaker its
    own title-case verb gives ("..., Some 100 Dead, Seoul Lawmaker Says": the lawmaker the body names), else
    the claimant of the same number (or the same vague amount) elsewhere in the article, as for the title."""
    for r in rows:
        if r["claimant"]:
            continue
        ls = text.rfind("\n", 0, r["start"]) + 1
        le = text.find("\n", r["start"])
        line = text[ls:le if le >= 0 else len(text)].strip()
        if len(line) > 160 or line[-1:] in ".!?”\"":
            continue
        if res is not None and _TITLE_VERB.search(line):
            off = ls + len(text[ls:]) - len(text[ls:].lstrip())
            sp, how = _Headline(line, registry, res).speaker(r["start"] - off, r["end"] - off)
            if sp is not None and sp.kind != "anonymous" and not sp.name.startswith("unnamed:"):
                # (a description the line gives is no better than the same figure's claimant in the body)
                r.update(_claim_columns(_Claim(sp, "headline:" + how), None, text, res))
                continue
        same = next((o for o in rows if o is not r and o["claimant"] and not o["attribution"].startswith("headline")
                     and _same_figure(r, o)), None)
        if same is not None:
            r.update(_credited(same, registry))
            r["attribution"] = "headline:body"


class _Claim:
    __slots__ = ("speaker", "how", "source", "end")

    def __init__(self, speaker, how, source=None, end=-1):
        self.speaker, self.how, self.source, self.end = speaker, how, source, end


def _claim(res: Resolver, text: str, c, found, starts, sent_claims) -> _Claim:
    """Who claims candidate c: the quotation around it, its sentence's frame, or the sentence before."""
    qi = bisect_right(starts, c.start) - 1
    if qi >= 0:
        q = found[qi]
        if q.start <= c.start < q.end and not q.fragment and q.speaker is not None:
            return _Claim(q.speaker, "quote", None, q.end)
        if q.start <= c.start and c.end <= q.end and q.fragment and q.speaker is not None and q.speaker.personlike:
            # a quoted count on its own ('after losing "roughly a third" of its infantry') is its speaker's words
            # too, citing whom the sentence's frame cites; a body's scare quotes are not
            fc = _frame_claim(res, text, c, found, starts, sent_claims)
            if fc.speaker is not None and fc.speaker.name != q.speaker.name:
                res.add_event(q.speaker, c.start)
                src = fc.source if fc.source is not None and fc.source.name != q.speaker.name else None
                return _Claim(q.speaker.at(c.start), "quote", src, q.end)
            return fc
    ss, se = c.sentence
    prev = sent_claims.get(("figure", ss))
    if prev is not None and not res.lex.verb_re.search(text, prev[0], c.start) and \
            re.fullmatch(r"[^;.!?]*?(?:,?\s+and|,)\s+(?:\w+\s+){0,3}", text[prev[0]:c.start]) and \
            not _COMPARED.search(text, prev[0], c.start):
        # "at 43,000 soldiers killed and 370,000 wounded": one claim, coordinated figures
        return prev[1]
    claim = _frame_claim(res, text, c, found, starts, sent_claims)
    if claim.speaker is not None and claim.speaker.kind == "anonymous":
        # "..., a senior Ukrainian intelligence official has said. Vadym Skibitskyi, deputy head of ..., made
        # the assessment in an interview": the next sentence names who it was
        back = points_back(res, text, res.sent_index(c.start))
        if back is not None and back.kind == "person" and not back.name.startswith("unnamed:"):
            claim = _Claim(back, claim.how + ":named-next", claim.source, claim.end)
    sent_claims[("figure", ss)] = (c.end, claim)
    return claim


# "about 4,700 ..., well above the roughly 3,000 that the NIS had confirmed": a figure compared with the one
# before is another claim, not the same one continued
_COMPARED = re.compile(r"\b(?:above|below|beyond|than|from|versus|compared|unlike|whereas|while)\b")


def _frame_claim(res: Resolver, text: str, c, found, starts, sent_claims) -> _Claim:
    ss, se = c.sentence
    fc = figure_claim(res, text, c.start, c.sentence)
    if fc.speaker is not None:
        turn = res.guest_turn(c.start)
        if turn is not None and turn.name != fc.speaker.name:
            # "Expert: Seoul's intelligence service puts it at about 11,000": in a transcript the one whose turn
            # it is says it, citing whom the sentence names
            fc = replace(fc, speaker=turn, how="turn>" + fc.how, source=fc.source or fc.speaker)
        elif fc.speaker.kind in ("organization", "government") and not fc.how.startswith("quote") and \
                (relayer := relayed_after(res, text, c.sentence)) is not None and relayer.name != fc.speaker.name:
            # "The NIS believes around 300 ... were killed. The figures were relayed to reporters by Park
            # Jun-tae": Park says it, citing the agency
            fc = replace(fc, speaker=relayer, how="relayed-by>" + fc.how, source=fc.source or fc.speaker)
        else:
            label = res.label_speaker(c.start, tagged=True)
            if label is not None and label.kind == "person" and label.name != fc.speaker.name and \
                    not fc.how.startswith("quote"):
                # a broadcaster's soundbite, "[Soundbite] Jeong Hae-chul (lawmaker): The NIS ... It believes 1,000
                # were sent": the lawmaker says it, citing whom the line names. (Not every transcript turn: an
                # analyst's "Seoul's intelligence service said roughly 300" is the service's figure in the gold,
                # and a correspondent's line reports others' figures)
                fc = replace(fc, speaker=label, how="label>" + fc.how, source=fc.source or fc.speaker)
        sp = res.add_event(fc.speaker, c.start)
        sent_claims[ss] = sp
        return _Claim(sp, fc.how, fc.source, _claim_end(text, c.start, ss))
    si = res.sent_index(ss)
    cell = figs.table_cell(text, c.start)
    if cell is not None:
        # a table with a "Claimed by" (or "Source") column: that cell of the row
        head, row, _ = cell
        col = next((k for k, h in enumerate(head) if _CLAIM_COLUMN.fullmatch(h.strip())), -1)
        if 0 <= col < len(row) and row[col].strip():
            cell = row[col].strip()
            # "Ukraine (HUR)", "South Korea (NIS, via lawmakers)": the bracket names who, more closely than
            # the country before it
            br = _CELL_BRACKET.fullmatch(cell)
            for part in ([br.group("inner"), cell] if br else [cell]):
                np = re.split(r",\s*(?:via|citing|through)\s+", part)
                how, sp = _cell_claimant(res, np[-1], text.rfind("\n", 0, c.start) + 1)
                if sp is None or part is not cell and len(np) == 1 and how not in ("registry", "name", "surname"):
                    continue
                src = res.parse_np(np[0], 0)[1] if len(np) > 1 else None
                return _Claim(sp, "table:" + how, src, -1)
        note = figs.table_source(text, c.start)
        if note:
            # no claimant column: the table's caption or note credits it ("Source: NIS briefings to ...")
            lead = _NOTE_NAME.match(note)
            how, sp = res.parse_np(lead.group(0) if lead else note.split(",")[0], text.rfind("\n", 0, c.start) + 1)
            if sp is not None:
                return _Claim(sp, "table-note:" + how, None, -1)
    label = res.label_speaker(c.start)
    if label is not None:
        return _Claim(label, "label", None, -1)
    ev = res._event_in.get(si)
    if ev is not None and ev.pos < c.start:
        # '"...," the official said, adding that about 10,000 ...': the sentence's speaker claims it
        return _Claim(ev, "sentence-speaker", None, _claim_end(text, c.start, ss))
    if sent_claims.get(ss) is not None and continues(text[ss:se]):
        return _Claim(sent_claims[ss], "carried:sentence", None, ss)
    intro = _list_intro(res, text, si) if se - ss < LIST_LINE else None
    if intro is not None:
        # "the General Staff reported the enemy's losses:" then "personnel – about 772,850 (+1,930)": each line
        # of the list is the introducing sentence's claim
        ps, pe = res.spans[intro]
        prev = sent_claims[ps] if ps in sent_claims else figure_claim(res, text, pe - 1, (ps, pe)).speaker
        sent_claims[ps] = prev
        if prev is not None:
            return _Claim(prev, "carried:list", None, ss)
    back = points_back(res, text, si)
    if back is not None:
        # "North Korea has sent around 14,000 soldiers. That is what the MIVD writes in its annual report."
        return _Claim(back, "next-sentence", None, -1)
    if si > 0 and continues(text[ss:min(se, ss + 300)]):
        ps, pe = res.spans[si - 1]
        if ps in sent_claims:
            prev = sent_claims[ps]
        else:
            prev = figure_claim(res, text, pe - 1, (ps, pe)).speaker
            if prev is None:
                ev = res._event_in.get(si - 1)
                prev = ev
        if prev is not None:
            sent_claims[ss] = prev
            return _Claim(prev, "carried:previous-sentence", None, ss)
    author = issuer(res, text)
    if author is not None:
        return _Claim(author, "document:issuer", None, -1)
    return _Claim(None, "", None, -1)


LIST_LINE = 160      # a list line is shorter than this and has no full stop
LIST_REACH = 30      # list lines walked back to find the sentence that introduces them
_BULLETS = ("- ", "• ", "* ", "– ", "· ")


def _list_intro(res: Resolver, text: str, si: int) -> int | None:
    """The index of the sentence ending in ":" that introduces the list line si, or None."""
    s, e = res.spans[si]
    # (the last item of a list may close it with a full stop: "...;\nartillery systems – 21,063 (+30).")
    last_item = si > 0 and text[res.spans[si - 1][0]:res.spans[si - 1][1]].rstrip().endswith((";", ","))
    if text[s:e].rstrip().endswith(".") and not last_item or "\n" not in text[max(0, s - 2):s + 1]:
        return None
    bullet = text[s:s + 2].startswith(_BULLETS)
    for k in range(si - 1, max(-1, si - 1 - LIST_REACH), -1):
        ps, pe = res.spans[k]
        line = text[ps:pe].rstrip()
        if line.endswith(":"):
            return k
        if len(line) >= LIST_LINE or line.endswith((".", "!", "?")):
            return None
        if bullet and not line.startswith(_BULLETS):
            return k      # "[BOX] What Seoul's spy agency has told lawmakers" heading a bulleted list
    return None


# the name a table's source note opens with: "NIS briefings to the ...", "UK Ministry of Defence daily updates"
_NOTE_NAME = re.compile(r"(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w.&’'-]*)*")
_CLAIM_COLUMN = re.compile(r"(?i)(?:claimed\s+by|claimant|source|according\s+to|reported\s+by|by|who)")
_CELL_BRACKET = re.compile(r"(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)")


def _cell_claimant(res: Resolver, cell: str, at: int):
    """(how, speaker) of a "Source" cell. "South Korea, National Intelligence Service", "Ukraine, Defence
    Intelligence (HUR)": a country, then the body of it that made the claim; the body is the claimant when it
    is a name the registry or the article knows."""
    parts = [p.strip() for p in cell.split(",") if p.strip()]
    if len(parts) > 1:
        for part in reversed(parts):
            how, sp = res.parse_np(part, at)
            if sp is not None and how in ("registry", "name", "surname"):
                return how, sp
    return res.parse_np(cell, at)


def _claim_end(text: str, pos: int, ss: int) -> int:
    """Where the claimant's own words end before the figure: after the last speech verb or 'according
    to X,' before it, so 'Ukraine's intelligence said ...' does not make a figure Ukrainian."""
    m = None
    for m in re.finditer(r"\b(?:said|says|told\s+\w+|stated|claimed|estimated|reported|according\s+to\s+[^,]{1,60},)",
                         text[max(ss, pos - 300):pos]):
        pass
    return (max(ss, pos - 300) + m.end()) if m else ss


def _claim_columns(claim: _Claim, c, text: str, res: Resolver) -> dict:
    sp = claim.speaker
    src = claim.source
    return {
        "claimant": sp.name if sp else "", "claimant_kind": sp.kind if sp else "",
        "actor_id": sp.actor_id if sp else "",
        "side": (sp.side or sp.country or "other") if sp else "",
        "organisation": sp.organisation if sp else "",
        "source": src.name if src is not None else "", "attribution": claim.how or "none",
    }


class _Headline:
    """Attribution inside a headline: its own source tag ("Zelenskyy: ...", "... - Budanov", "...: NIS") or
    verb ("US puts 8,000 ...", title-case verbs read as verbs), names resolved against the whole article
    ("Budanov" is the body's Kyrylo Budanov, "lawmaker says" the lawmaker the body names). One
    attribution covers every figure of a headline clause; a clause after ";" or "as"/"while" + a capital
    ("S.Korea says ... as US puts 8,000 ...", "Seoul puts 10,000 ...; NIS warns 5,000 more ...") has its own."""

    def __init__(self, line: str, registry: Registry, names: Resolver):
        self.line = _TITLE_VERB.sub(lambda m: m.group(0).lower() if m.group(0).lower() in lexicon().verb_lemma
                                    else m.group(0), line)
        self.res = Resolver(self.line, registry, spans=[(0, len(self.line))])
        self.names = names
        self.shared: dict[int, tuple[Speaker, str]] = {}
        self.clauses = [0] + [m.end() for m in _HEADLINE_CLAUSE.finditer(self.line)]

    def _named(self, np: str):
        how, sp = self.names.parse_np(np.strip(), 0)
        return sp, how

    def speaker(self, start: int, end: int) -> tuple[Speaker | None, str]:
        cs = self.clauses[bisect_right(self.clauses, start) - 1]
        if cs in self.shared:
            return self.shared[cs]
        line, sp, how = self.line, None, ""
        first = self.res.np_verb(line[cs:start], cs)
        if first[0] is not None and first[1].start() < start - cs:
            # "North denies sending troops ..., calls reports of 10,000 ... 'fake news'": the clause's subject
            sp, how = first[0], "first-verb:" + first[2]
            self.shared[cs] = (sp, how)
            return sp, how
        m = _HEADLINE_PREFIX.match(line)
        if m and m.end("np") < start:
            sp, how = self._named(m.group("np"))
        if sp is None:
            m = _HEADLINE_SUFFIX.search(line)
            if m and m.start("np") > end:
                sp, how = self._named(m.group("np"))
        if sp is None:
            i = bisect_right(self.clauses, start)
            fc = figure_claim(self.res, line, start, (cs, self.clauses[i] if i < len(self.clauses) else len(line)))
            if fc.speaker is not None:
                sp, how = fc.speaker, fc.how
                if sp.kind == "person" and len(sp.name.split()) == 1 or sp.kind == "anonymous":
                    better, _ = self._named(sp.role or sp.name)
                    sp = better if better is not None and better.kind == "person" else sp
        if sp is not None:
            self.shared[cs] = (sp, how)
        return sp, how


def _headline_rows(line: str, field: str, body_rows: list[dict], article: str, published: str,
                   published_source: str, published_window, registry: Registry, body: str) -> list[dict]:
    """Figures of a title the text does not carry, attributed as a headline is."""
    head = _Headline(line, registry, Resolver(body, registry) if body else Resolver(line, registry))
    out = []
    for c in figs.candidates(line, lambda pos: (0, len(line))):
        sp, how = head.speaker(c.start, c.end)
        claim = {"claimant": "", "claimant_kind": "", "actor_id": "", "side": "", "organisation": "",
                 "source": "", "attribution": "headline:none"}
        if sp is not None:
            claim = _claim_columns(_Claim(sp, "headline:" + how), c, line, head.res)
        elif c.value == c.value:
            same = next((r for r in body_rows if r["field"] == "text" and r["value"] == c.value
                         and r["unit_category"] == c.category and r["claimant"]), None)
            if same is not None:
                claim = _credited(same, registry)
                claim["attribution"] = "headline:body"
        row = {"article": article, "field": field, **figs.finish(c, line), **claim,
               **figs.claim_date(line, c, published, published_source, published_window, None, False),
               "published": published}
        row["about"] = figs.about(line, c, 0, len(line), -1)
        out.append(row)
    return out
