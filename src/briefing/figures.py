"""Figures as sourced claims: each number about people, troops, weapons or shipments, with its
qualifier, counted noun and category, the party it counts, subject, place, status and claim date.
Who claimed it is decided in ``briefing.attribution`` (the same resolution a quotation gets).

Speed: one regex (numbers.NUMBER_RE) runs over the whole text; the exclusion rules (not_figures.csv)
and the counted-noun test (units.csv) look only at a few characters around each candidate; only a
surviving candidate's sentence is examined, and only a bounded window of it.

Editorial choices: a figure needs a counted noun from data/units.csv after it (or before it: "the
number of injured approaches 1,000"; or, for "with roughly 8,000 located in ...", one given earlier in
the same sentence), so "the two countries" or "one official" are not figures; the claimant is never
invented (empty when the text names nobody); a claim with no time phrase is dated by the article's
publication date with claim_date_precision "published"; a figure's `about` is the party whose troops,
losses or shipments it counts (data/parties.csv), "unknown" when the text does not say.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import claimdate
from .numbers import WORDS, YEAR_RE, Number, _trie, find_numbers
from .text import FACT_LINE_MAX, SpanScans, fact_line
from .resources import read_table

COLUMNS = ["article", "field", "surface", "value", "low", "high", "unit", "unit_category", "qualifier", "about",
           "claimant", "claimant_kind", "actor_id", "side", "organisation", "source", "attribution", "status",
           "subject", "location", "claim_date", "claim_date_end", "claim_date_precision", "claim_date_evidence",
           "claim_date_flag", "period_start", "period_end", "published", "sentence", "sentence_start", "start", "end"]

_UNITS = {r["noun"].lower(): r["category"] for r in read_table("units.csv")}
# as a character trie: the regex engine tries a trie fast at every position, where a long alternation of
# words (200 of them) is tried word by word
_UNIT_ALT = _trie(_UNITS)
# modifiers between the number and its counted noun ("North Korean", "elite", "more", "additional");
# function words end the noun phrase, so "50 km from troops" never reaches "troops".
_STOP = (r"(?:of|in|to|from|at|on|by|with|and|or|the|a|an|was|were|is|are|have|has|had|that|which|who|"
         r"for|as|than|into|towards|toward|near|per|while|but|been|be|will|would|could|said|says)")
# words stay on the number's line: "4 minute read\n\nNorth Korean troops" counts no troops
# model designators may be listed: "100 KN-23 and KN-24 ballistic missiles"
# or paired with a slash: "60 KN-23/KN-24 missiles", "KN-23/24"
# or named by family and number: "18 Leopard 1 A5 battle tanks", "14 Leopard 2 tanks"
_MOD = rf"(?:[A-Z][A-Za-z]{{0,4}}-\d+[A-Za-z]?(?:/(?:[A-Z][A-Za-z]{{0,4}}-)?\d+[A-Za-z]?)*,?[ \t\u00a0]+(?:(?:and|or)[ \t\u00a0]+)?|" \
       rf"(?!{_STOP}\b)(?-i:[A-Z][a-z]+)[ \t\u00a0]\d{{1,2}}(?:[ \t\u00a0](?-i:[A-Z])\d)?[ \t\u00a0]+|" \
       rf"(?!{_STOP}\b)(?:[A-Z]\.(?:[A-Z][\w’'-]*)?|[A-Za-z][\w’'-]*|\d+-?mm)[ \t\u00a0]+)"
UNIT_RE = re.compile(rf"[”\"’']?[ \t\u00a0]*(?:-[ \t]*)?(?:strong[ \t]+)?(?:of[ \t]+(?:(?:the|its|their|his|her)[ \t]+)?)?"
                     rf"({_MOD}{{0,5}}?)(?P<unit>{_UNIT_ALT})\b(?![ \t]+(?:estimates?|figures?|numbers?|counts?|"
                     rf"levels?|rotations?|movements?|strength|totals?|deployment|withdrawal)\b)", re.IGNORECASE)
_FORWARD = re.compile(r"[ \t]+(?P<adj>[A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+)?)[ \t]+(?:and|or)[ \t]+\d[\d,.]*(?=[ \t])")
# the counted noun written before the number: "the number of injured approaches 1,000", "casualties reached 4,700"
UNIT_BEFORE = re.compile(rf"(?:\b(?:number|total|tally|count|toll)\s+of\s+(?:[\w’'.-]+\s+){{0,3}}?(?P<u1>{_UNIT_ALT})\b"
                         rf"[^.;:“”\"]{{0,60}}?|\b(?P<u2>{_UNIT_ALT})(?:\s+(?:in|of|among|from|since|on)\s+[^.;,“”\"]{{1,40}}?)?"
                         rf"\s+(?:(?:have|has|had|were|was|are|is|to|could|would|will|may|might)\s+)?(?:now\s+|already\s+|so\s+far\s+)?"
                         rf"(?:reach(?:ed|es)?|rose\s+to|rise\s+to|risen\s+to|stood\s+at|stands?\s+at|standing\s+at|(?:estimated|assessed)\s+(?:at|to\s+be)|numbered|number|totalled|totaled|"
                         rf"totals?|hit|climbed\s+to|grew\s+to|put\s+at|(?P<inthe>(?:(?:ran|run|runs|running)\s+)?[\"“]?"
                         rf"in(?:to)?\s+the)|at|"
                         rf"surpass(?:ed|es)?|exceed(?:ed|s)?|"
                         rf"top(?:ped|s)?|approach(?:ed|es)?|near(?:ed|s)?|pass(?:ed|es)?|above|beyond|"
                         # "the estimate of casualties was “somewhere north of 4,000”": a copula before quoted words
                         rf"(?:was|were|is|are)(?=\s+[\"“])|"
                         # "total casualties are closer to 4,000", "losses were about 1,000"
                         rf"(?:was|were|is|are)(?=\s+(?:closer|close|nearer|around|about|roughly|approximately|"
                         rf"at\s+least|nearly|almost|well\s+over|more\s+than|fewer\s+than)\b))\s+)"
                         rf"[\"“]?(?:[a-z]+\s+){{0,3}}?[\"“]?$"
                         # a list or table label: "Killed (as of January): about 300"
                         rf"|\b(?P<u3>{_UNIT_ALT})(?:[ \t]+[a-z]+){{0,2}}(?:\s*\([^()\n]{{0,30}}\))?\s*:\s*(?:[a-z]+\s+){{0,2}}?$"
                         # "bringing the North's total casualties to about 4,700": raised to the number
                         rf"|\b(?:bring(?:ing|s)?|brought|push(?:ing|ed|es)?|rais(?:ing|ed|es)|tak(?:ing|es)|took|"
                         rf"lift(?:ing|ed|s)?)\s+(?:[\w’'.-]+\s+){{0,4}}?(?P<u4>{_UNIT_ALT})\s+to\s+(?:[a-z]+\s+){{0,2}}?$"
                         # "to send replacements, possibly as many as 5,000": a hedged count in apposition
                         rf"|\b(?P<u5>{_UNIT_ALT}),\s+(?:possibly|perhaps|maybe|probably|likely)\s+(?:[a-z]+\s+){{0,3}}?$"
                         # "described losses of “more than a thousand in a single week”": a toll's amount after "of"
                         rf"|\b(?P<u6>losses|casualties|deaths)\s+of\s+[\"“]?(?:(?:about|around|some|roughly|nearly|almost|more|fewer|"
                         rf"than|over|under|at|least|most|up|to|as|many|well|close|approximately|an|estimated|several|"
                         rf"perhaps|possibly)\s+){{0,3}}$",
                         re.IGNORECASE)
_SENT_GROUP = re.compile(r"\b(?:deployment|contingent|rotation|wave|batch|detachment)\b")
# "sending special forces to Russia, with about 1,500 shipped in a first wave": a count of those just named
_WITH_BEFORE = re.compile(r"\bwith\s+(?:(?:about|around|some|roughly|nearly|over|more\s+than|at\s+least|up\s+to|"
                          r"an\s+estimated)\s+)?$", re.IGNORECASE)
_WITH_SENT = re.compile(r"\s+(?:already\s+)?(?:sent|shipped|deployed|dispatched|transferred)\b", re.IGNORECASE)
# counts written without their noun: "about 8,000 of them", "puts it at about 11,000" take the noun last written;
# "around 100 were killed" counts the dead
OF_THEM = re.compile(r"\s+of\s+(?:them|those|whom|these)\b|\s+(?:were|have\s+been|had\s+been|are|was)\s+"
                     r"(?:killed|wounded|injured|dead|captured|deployed|sent|stationed|moved)\b|"
                     r"\s+(?:have|had)\s+(?:already\s+|now\s+|reportedly\s+|since\s+)?(?:passed|gone|arrived|"
                     r"served|fought|rotated|crossed|moved|died|reached|entered|joined|landed)\b|"
                     r"\s+died\b|"
                     # "about 11,000 arrived in a first wave", "the 11,000 who went in the autumn"
                     r"\s+(?:arrived|landed)\s+(?:in|at|on|by|aboard|between|during|over|from|with|last|this|early|late)\b|"
                     r"\s+who\s+(?:went|were|arrived|fought|died|served|crossed|have|had)\b|"
                     # "The U.S. and South Korea say about 11,000, most of them in Kursk"
                     r",\s+(?:most|many|all|some|half|nearly\s+all|almost\s+all)\s+of\s+them\b|"
                     # "It also said about 500 more were expected": more of the noun just counted
                     r"\s+more\s+(?:were|are|have|had|will|would|could|may|might|could|to\s+come|arrived|came|"
                     r"crossed|landed|followed|joined)\b|"
                     # "about 11,000 were in Kursk": where the counted are
                     r"\s+(?:were|are|remain|remained)\s+(?:now\s+|already\s+|still\s+)?(?:in|inside)\s+[A-Z]|"
                     # "the 8,000 number in Kursk", "the 3 million figure HUR gave", "more than 1,200 a day"
                     r"\s+(?:number|figure|estimate)\b|\s+(?:a|per|each)\s+(?:day|week|month)\b", re.IGNORECASE)
# the counted noun (or a body of troops) that ends the noun phrase before ", which ... put at"
_RELATIVE_HEAD = re.compile(rf"\b(?:{_UNIT_ALT}|force|army)\b(?=(?:\s+(?:in|of|on|at|near)\s+(?:the\s+)?[\w’'-]+)?\s*$)",
                            re.IGNORECASE)
_BODY_OF_TROOPS = {"force": "personnel", "army": "personnel"}
_REL_PUT_AT = re.compile(r",\s+which\s+(?:[\w.’'-]+\s+){1,5}?(?:put|puts|placed|places|estimated?|estimates)\s+at\s+[\"“]?(?:\w+\s+){0,2}$",
                         re.IGNORECASE)
_RANGE_OF = re.compile(r"\s+(?:range|region|order|vicinity|neighbou?rhood)\s+of\b", re.IGNORECASE)
IT_AT = re.compile(r"\b(?:put|puts|putting|placed|places|estimated|estimates|estimate)\s+(?:it|(?:the\s+|(?:[A-Z][\w’'-]*\s+){1,3})"
                   r"(?:number|figure|"
                   # ("has put the figure slightly higher, at about 12,000": a comma before the amount)
                   r"total|toll|dead|losses|casualties|wounded)(?:\s+[^.;,]{0,60}?)?),?\s+(?:at|above|below|near|around|over|under)\s+[\"“]?(?:\w+\s+){0,2}$|"
                   # "casualties, which a JCS spokesman put at 'at least dozens'", "the Russian force in Ukraine, which
                   # Western officials estimate at more than 600,000": the noun the relative clause is about
                   r",\s+which\s+(?:[\w.’'-]+\s+){1,5}?(?:put|puts|placed|places|estimated?|estimates)\s+at\s+[\"“]?(?:\w+\s+){0,2}$|"
                   # "a second contingent of several thousand", "a force of about 12,000"; "to increase the contingent
                   # to 15,000"
                   r"\b(?:contingent|force|deployment|detachment|rotation|wave|batch)\s+(?:of|to)\s+(?:\w+\s+){0,2}$|"
                   # "a slightly lower figure of about 10,000", "we still assess 11,000 to 12,000."
                   r"\b(?:figure|estimate|tally)\s+of\s+(?:\w+\s+){0,2}$|\b(?:still\s+)?assess(?:es|ed)?\s+$|\b(?:correct|actual|real|revised|new|true)\s+(?:figure|number|"
                   r"total|toll)\s+(?:is|was|stands\s+at|of)\s+$|\btotal\s+of\s+$|"
                   # "Our estimate is about 12,000", "Of those, an estimated 8,000 ...": the noun asked or said before
                   r"\b(?:our|their|its|his|her|my)\s+(?:own\s+|latest\s+|current\s+)?(?:estimate|figure|number|count|"
                   r"tally)\s+(?:is|was|stands\s+at)\s+(?:\w+\s+){0,2}$|"
                   r"(?:^|[.;]\s+|\n)Of\s+(?:those|them|these)\s*,\s+(?:\w+\s+){0,2}$|"
                   # "the figure had grown to about 11,000", "the total dispatched could reach 30,000", "the next
                   # group could number between 3,000 and 5,000": a total or a group whose members were named before
                   # ("the first deployment last autumn was somewhere between 11,000 and 12,000")
                   r"\b(?:the|that|this|its|their)\s+(?:(?:next|new|first|second|third|overall|final|latest)\s+)?"
                   r"(?:[A-Z][\w-]+\s+){0,2}(?:figure|total|number|tally|count|toll|group|contingent|rotation|wave|batch|deployment|"
                   r"force)\s+"
                   r"(?:(?:last|this|next)\s+\w+\s+)?"
                   r"(?:(?:dispatched|deployed|sent|killed|wounded|so\s+far)\s+)?(?:(?:had|has|have|could|would|will|"
                   r"may|might|now|already|eventually|since|then|later|soon|to)\s+){0,3}(?:grow|grows|grown|grew|rose|risen|reach|"
                   r"reached|climbed|jumped|hit|topped|passed|pass|exceed|top|surpass|exceeded|surpassed|doubled|swelled|number|"
                   r"numbers|numbered|was|were)"
                   r"(?:\s+to)?\s+(?:\w+\s+){0,3}$|"
                   # "That brings the total to about 14,000", "taking the overall number of dead to 300"
                   r"\b(?:brings?|brought|bringing|takes?|took|taking|pushe[sd]|pushing|raise[sd]?|raising)\s+"
                   r"(?:the|its|their)\s+(?:\w+\s+){0,2}?(?:total|number|tally|count|toll|figure)\s+to\s+"
                   r"(?:\w+\s+){0,2}$|"
                   # "The current force in Russia is assessed at around 11,000": the group, estimated
                   r"\b(?:force|contingent|deployment|total|number|figure|toll)\b[^.;:“”\"]{0,40}?\b(?:is|was|are|were|has\s+been|"
                   r"had\s+been)\s+(?:now\s+)?(?:assessed|estimated|put|believed|thought|reckoned)\s+(?:at|to\s+(?:be|number))\s+"
                   r"(?:\w+\s+){0,2}$|"
                   # "a slightly higher number, about 11,000"
                   r"\ban?\s+(?:slightly\s+|much\s+|far\s+)?(?:higher|lower|larger|smaller|similar|bigger)\s+"
                   r"(?:number|figure|estimate|total|count)\s*(?:,|of)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# "He has already sent around 11,000", "could send anywhere from 30,000 to 50,000 more": a sending verb counts
# the noun last written, when no other noun follows the number ("sent 30 letters")
_SENT_BEFORE = re.compile(r"\b(?:sent|send|sends|sending|deployed|deploy|deploys|deploying|dispatched|dispatch|"
                          r"dispatching)\s+(?:(?:already|so\s+far|now|anywhere|somewhere|from|an?\s+estimated|another|an?\s+additional|"
                          r"a\s+further)\s+)*"
                          r"(?:(?:about|around|some|roughly|approximately|nearly|almost|over|more\s+than|at\s+least|"
                          r"up\s+to|as\s+many\s+as|between|close\s+to)\s+)?$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"[ \t]+(?!(?:more|to|in|into|according|and|or|of|so|last|this|since|by|over|from|across|at|"
                         r"on|near|along|during|before|after|as|with|without|while|but|were|was|have|had|are|is|"
                         r"already|now|then|soon|until)\b)[a-z]{3,}")
_ELLIPSIS_LEFT = re.compile(r"\b(?:up\s+from|down\s+from|from|to|than|of|including|reach(?:es|ed)?|total(?:s|ling|ed)?|"
                            r"compared\s+(?:with|to)|versus|out\s+of)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_UNIT_WORD = re.compile(rf"\b(?:{_UNIT_ALT})\b", re.IGNORECASE)
# a tally line: "personnel – about 772,850", "• tanks: 9,520"
_LIST_LABEL = re.compile(rf"[ \t]*(?:[-•*·][ \t]*)?(?:[A-Za-z-]+[ \t]+){{0,3}}?(?P<unit>{_UNIT_ALT})[ \t]*[–—:-][ \t]*(?:[\w~]+[ \t]+){{0,2}}$", re.IGNORECASE)
# shares written as words (data/fractions.csv) and "one in five": a figure only when what it is a
# share of follows: a counted noun, a pronoun for a group counted before ("of them", "of whom"), or
# the force itself ("a third of the force")
_FRACTIONS = {r["phrase"].lower(): float(r["percent"]) for r in read_table("fractions.csv")}
_IN_N = {w: v for w, (v, k) in WORDS.items() if k in ("unit", "ten") and 2 <= v <= 100}
_GROUP = r"(?:force|forces|contingent|group|deployment|strength|manpower)"
# (a share quoted on its own, '"about half" of the artillery shells', closes its quotation before "of")
_SHARE_OF = (rf"(?:[”\"’']?\s+of\s+(?:(?:them|whom|those)\b|(?:the|that|this|its|their)\s+(?:first\s+|initial\s+|original\s+|"
             rf"whole\s+|entire\s+|deployed\s+)?{_GROUP}\b|(?:the\s+|its\s+|their\s+|all\s+|[A-Z][\w.]*['’]s\s+)?"
             rf"(?:[\w’',.-]+\s+){{0,3}}?(?:{_UNIT_ALT})\b))")
_FRACTION = re.compile(
    rf"\b(?:(?P<frac>{'|'.join(sorted(map(re.escape, _FRACTIONS), key=len, reverse=True))})(?={_SHARE_OF})|"
    rf"(?:one|1)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<n>\d{{1,3}}|{'|'.join(sorted(map(re.escape, _IN_N), key=len, reverse=True))})"
    rf"(?={_SHARE_OF}|\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_UNIT_ALT})\b))", re.IGNORECASE)
# a share that did not work: "one in five shells failed to go off" counts duds, not shipments
_FAILED_RE = re.compile(r"\s*(?:[\w’'-]+\s+){0,5}?(?:failed|fails?|misfired?|(?:did\s+not|didn['’]t|do\s+not|don['’]t|"
                        r"never|would\s+not)\s+(?:explode|go\s+off|detonate)|(?:is|are|was|were)\s+(?:a\s+)?duds?)\b",
                        re.IGNORECASE)
_CHANGE_MARKS = ("(+", "(-", "(−")     # a tally's change since the day before: "9,520 (+11)"
_LOSS_NEAR = re.compile(r"\b(?:losses|casualties|killed|lost|dead|wounded|injured|died)\b", re.IGNORECASE)
_LOSSES_ABOVE = re.compile(r"\b(?:losses|casualties|killed|lost)\b", re.IGNORECASE)
# a bare number whose noun was said earlier in the sentence: "10,000 troops ..., with roughly 8,000 located in"
ELLIPSIS_RE = re.compile(r"\s*(?:[,.;)]|$|(?:of them|of whom|were|are|had|have|located|stationed|deployed|"
                         r"based|in|near|at|on|along|more|others?|already|now|so far|that|which|"
                         # "67,000 servicemen since August, and about 380 over the past day"
                         r"over the (?:past|last)|(?:a|per) day|daily)\b)", re.IGNORECASE)

_QUALS = {r["phrase"].lower(): r["qualifier"] for r in read_table("qualifiers.csv")}
_SIGN_QUALS = {"~": "approximately", ">": "over", "<": "under", "≈": "approximately"}
QUAL_RE = re.compile(rf"\b({'|'.join(sorted((re.escape(q) for q in _QUALS), key=len, reverse=True))})\s+$",
                     re.IGNORECASE)

_RULES = [(r["id"], r["side"], re.compile(r["pattern"], re.IGNORECASE), re.compile(r["number"] or "."))
          for r in read_table("not_figures.csv")]
_LEFT = [(i, p, n) for i, s, p, n in _RULES if s == "left"]
_RIGHT = [(i, p, n) for i, s, p, n in _RULES if s == "right"]
_SELF = [(i, p, n) for i, s, p, n in _RULES if s == "self"]

_CUES = {r["status"]: re.compile(rf"\b(?:{r['pattern']})\b", 0 if r["case"] == "s" else re.IGNORECASE)
         for r in read_table("status_cues.csv")}
_VERB_STATUS = {"deny": "denied", "confirm": "confirmed", "estimate": "estimate"}

_LOC_RE = re.compile(r"(?<!according )(?<!due )(?<!thanks )\b(?:in|to|towards|toward|into|inside|near|at|along|across|from)\s+(?:the\s+)?"
                     r"(?:[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|region|oblast|border|province|front|peninsula))*)",
                     re.UNICODE)
# "1,000 of them were killed": the share of a group already counted is what the verb is about
_OF_THEM = r"\s*(?:of\s+(?:them|those|whom|these)\s*,?)?"
# "... were believed to have been killed": the hedge is the status's business, the loss is a loss
_HEDGED = r"(?:believed|thought|estimated|said|reported|feared|confirmed|presumed)\s+to\s+(?:have\s+been|be)"
_CASUALTY_RE = re.compile(_OF_THEM + r"\s*(?:(?:have|had|has|were|was|are|being|been|reportedly|already|were\s+either|"
                          r"may|might|could|would|will|likely|probably|possibly|"
                          + _HEDGED + r")\s+)*"
                          r"(?:killed|dead|died|wounded|injured|lost|missing|killed\s+or\s+wounded)\b", re.IGNORECASE)
_CAPTURED_RE = re.compile(_OF_THEM + r"\s*(?:(?:have|had|has|were|was|are|being|been|reportedly|already|"
                          + _HEDGED + r")\s+)*"
                          r"(?:captured|taken\s+prisoner|taken\s+captive|surrendered)\b", re.IGNORECASE)
_KILLED_BEFORE = re.compile(r"\b(?:killed|killing|kills|kill|wounded|wounding|injured|injuring|eliminated|eliminating|"
                            r"eliminates|wiped\s+out|neutrali[sz]ed|death toll of|deaths of|lost|lose|loses|losing|losses of)"
                            r"\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# "Russia has lost 948,120 troops ..., including 1,210 over the past day": the part of a loss is a loss
_LOST_INCLUDING = re.compile(r"\b(?:lost|loses|losing|killed|eliminated|wiped\s+out)\b[^.;]{0,120}?\bincluding\s+"
                             r"(?:\w+\s+){0,2}$", re.IGNORECASE)
# "30% of the roughly 11,000 troops", "4,000 casualties out of the 11,000 soldiers sent": the base a loss is
# counted against is the force, not a loss
_BASE_BEFORE = re.compile(r"(?:\bout\s+of|(?:%|\bper\s*cent|\bpercent)\s+of|\bof\s+the)\s+(?:\w+\s+){0,2}$",
                          re.IGNORECASE)
_CAPTURED_BEFORE = re.compile(r"\b(?:captured|capturing|captures|capture)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_LETTER = re.compile(r"[A-Za-z]")
# a key-data line: a label naming the counted noun, a colon, the number ending the line
_KEY_LABEL = re.compile(rf"[ \t]*(?:[-•*·][ \t]*)?[^\n:.!?]{{0,80}}?\b(?P<unit>{_UNIT_ALT})\b[^\n:.!?]{{0,80}}:[ \t]*"
                        rf"(?:[\w~>]+[ \t]+){{0,2}}[~>]?$", re.IGNORECASE)
_ENDS_LINE = re.compile(r"[ \t]*(?:\n|$)")
FACT_HEAD = 70   # characters of a fact box's description searched for its counted noun
_FACT_HEAD = re.compile(r"[^\n,;.:()]+")
_LABEL_BEFORE = re.compile(r"[A-Za-z)]:\s*$")
_PART_OF = re.compile(r"\s+of\s+(?:them|those|these|whom|the\s+(?!(?:\w+\s+){0,2}?(?:Russian|Ukrainian|North\s+Korean|"
                      r"Korean|American|British)\b))")
_OR_SO = re.compile(r"\s+or\s+so\b")
# what befell the part: the whole's noun may carry a relative clause first ("... troops sent to Russia have been")
_PARTITIVE_LOSS = re.compile(r"[^.;:“”\"]{0,100}?\b(?:have|had|has|were|was)\s+(?:already\s+|reportedly\s+)?(?:been\s+)?"
                             r"(?:killed|wounded|injured|lost|killed\s+or\s+wounded)\b", re.IGNORECASE)
# a part of a counted whole takes the whole's noun: "Nearly 4,000 of the roughly 12,000 North Korean troops"
_PARTITIVE = re.compile(r"[ \t\u00a0]+(?:out[ \t\u00a0]+)?of[ \t\u00a0]+(?:the|their|its|an[ \t\u00a0]+estimated|some)[ \t\u00a0]+"
                        r"(?:[a-z]+[ \t\u00a0]+){0,2}?\d[\d,.]*(?:[ \t\u00a0]*(?:thousand|million)\b)?(?=[ \t\u00a0])")
_LIST_ITEM = re.compile(r"[ \t]+[A-Z]")
_SUPPLY_BEFORE = re.compile(r"\b(?:supplied|supplies|supply|supplying|shipped|ships|shipping|provided|provides|providing|"
                            r"handed(?:\s+over)?|hands|delivered|delivers|delivering|deliveries|sent|sends|sending|"
                            r"transferred|transfers|transfer|received|receives|gave|given|giving|sold|selling)\b", re.IGNORECASE)
# "losses ... at 716,150 personnel", "the death toll ... reached 300 soldiers": the people counted are losses
_LOSS_NOUN_BEFORE = re.compile(r"\b(?:losses|casualties|death\s+toll|toll|dead|deaths|killed\s+(?:and|or)\s+wounded)\b"
                               r"[^.;]{0,90}?\b(?:at|to|of|reached|reaching|hit|stood\s+at|totall?ed|topped|surpassed|"
                               r"exceeded|approached|including|numbered)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_LEAD_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# Coordinated clauses carry their own modality: in "about 11,000 are there, and Pyongyang could send 3,000
# more", only the second figure is a projection; "the estimate of 10,000 comes after Washington confirmed
# 3,000": estimate, then confirmed.
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas|as|after|before|when)\s+|;\s+|\s+(?:but|while|whereas)\s+|"
                           r"\s+(?:comes?|came)\s+(?:after|as)\s+|,\s+(?:up|down)\s+from\s+")
_SUBJECT_END = frozenset("the of in to a an and from with for near at on by as than or its their his her"
                         .split())
WINDOW = 300         # characters of a sentence looked at on each side of a figure
MAX_SENTENCE = 600   # characters of context stored with a figure


def _parties() -> list[tuple[str, re.Pattern, str]]:
    return [(r["party"], re.compile(rf"(?<![\w-])(?:{r['pattern']})(?![\w-])"), r["opponent"])
            for r in read_table("parties.csv")]


_PARTIES = _parties()
_OPPONENT = {p: o for p, _, o in _PARTIES if o}
_PARTY_VERB = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:already\s+|now\s+|reportedly\s+|also\s+|so\s+far\s+)?"
                         r"(?:sent|sends|send|sending|deployed|deploys|deploy|deploying|dispatched|dispatch|dispatches|"
                         r"shipped|ships|ship|supplied|supplies|supply|provided|provides|provide|transferred|moved|"
                         r"handed|delivered|lost|loses|losing|suffered|fielded|mobilized|mobilised|committed)\b",
                         re.IGNORECASE)
_OWNER = re.compile(r"['’]s\b|\s*(?:['’]s\s+)?(?:(?:own|total|combat|daily|overall|military|battlefield|armed)\s+)*"
                    r"(?:forces|army|military|troops|losses|casualties|death\s+toll|contingent|soldiers|units|personnel)\b")
# "Ukrainian defenders destroyed 12 tanks": the figure counts the other side's
_KILL_VERB = re.compile(r"\b(?:killed|kill|kills|killing|eliminated|eliminate|destroyed|destroy|destroys|wiped\s+out|"
                        r"neutrali[sz]ed|downed|shot\s+down|captured|capture|captures)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# a party named as a place or a side ("in Russia's Kursk region", "fighting for Moscow", "against Ukraine")
_PLACE_BEFORE = re.compile(r"\b(?:in|into|to|toward|towards|near|inside|across|from|at|on|for|alongside|with|against|"
                           r"by|beside)\s+(?:the\s+)?$", re.IGNORECASE)
_DEPLOY_DEST = re.compile(r"\b(?:sent|deployed|dispatched|shipped|moved|transferred|stationed|arrived|fighting|"
                          r"deployment|dispatch|send)\b[^.;]{0,40}?\b(?:to|in|into|inside)\s+(?:the\s+)?"
                          r"(?:Russia|Russia['’]s|Kursk|Vladivostok|Russian territory|the Russian)\b", re.IGNORECASE)
DEFAULT_PARTY = "north_korea"   # the story's subject: a count of people or materiel that names no party is North Korea's


def _foreign_adjectives() -> re.Pattern:
    """Adjectives of countries that are none of the war's parties (data/demonyms.csv): "22 Kenyan
    recruits", "500 Kazakh citizens" count others' people."""
    own = {"North Korea", "South Korea", "Russia", "Ukraine"}
    words = [r["demonym"] for r in read_table("demonyms.csv")
             if r.get("country") and r["country"] not in own and r["demonym"][:1].isupper() and
             r["demonym"] != r["country"] and not r["demonym"].isupper()]
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b")


_FOREIGN_ADJ = _foreign_adjectives()


def party_at(s: str) -> str:
    """The party a phrase names ("Russian losses" -> russia), or ""."""
    for party, pat, _ in _PARTIES:
        if pat.search(s):
            return party
    return ""


def about(text: str, c: "Candidate", lo: int, hi: int, claim_end: int, previous: str = "",
          scans: SpanScans | None = None, clause: bool = True) -> str:
    """The party a figure counts, from the nearest evidence: its noun phrase ("North Korean troops", "total
    Russian losses"), a party right after it ("troops from North Korea"), the party that sent, shipped or
    lost it ("Russia has lost 1,200", "the North's death toll"), the other side of a killing ("Ukrainian
    defenders destroyed 12 tanks"), the previous figure for a count without its noun ("8,000 of them"),
    a deployment to Russia, the one party named in its clause (places such as "in Russia's Kursk region"
    left out); otherwise DEFAULT_PARTY. The claimant's own words ("Ukraine's military intelligence
    said") are never read as the party. Without `clause` (a figure inside a quotation, where a speaker's
    sentence runs on: "Moscow could ask for as many as 100,000 soldiers") the party named in the clause is
    not evidence enough."""
    s, e, uend = c.start, c.end, c.uend
    np_ = text[e:uend] if c.ustart >= e else text[max(lo, c.ustart - 40):c.ustart + len(c.unit)]
    p = party_at(np_) or ("other" if _FOREIGN_ADJ.search(np_) else "")
    if p:
        return p
    m = re.match(r"\s+(?:from|of)\s+(?:the\s+)?(\S+(?:\s+\S+)?)", text[uend:min(hi, uend + 40)])
    if m:
        p = party_at(m.group(1))
        if p:
            return p
    scans = scans or SpanScans(text)
    span = (lo, hi)
    start = max(lo, claim_end, s - 120)
    before = text[start:s]
    best, best_at = "", -1
    for party, pat, _ in _PARTIES:
        for m in scans.within(pat, span, start, s):
            if m.end() > s:
                continue
            owner = m.group(0).endswith(("'s", "’s")) or _OWNER.match(text, m.end(), s)
            if (_PARTY_VERB.match(text, m.end(), s) or owner) and m.start() - start > best_at:
                best, best_at = party, m.start() - start
    if previous and (c.elided and not (c.carried and best) or re.search(r"\b(?:including|of\s+whom|among\s+them)\s+(?:\w+\s+){0,2}$", before) or
                     not c.percent and c.kind != "vague" and _PART_OF.match(text, c.end)):
        # ("about 1,000 of the wounded", "more than 40 of them": a part of the group counted before)
        return previous
    kill = _KILL_VERB.search(before)
    if kill and kill.start() > best_at and not re.search(r"\b(?:been|were|was|is|are|being|be)\s+$",
                                                         before[:kill.start()]):
        subj = party_at(before[max(0, kill.start() - 40):kill.start()])
        if subj and _OPPONENT.get(subj):
            return _OPPONENT[subj]
    if best:
        return best
    if c.category in ("personnel", "shipments") and _DEPLOY_DEST.search(text, max(lo, s - 80), min(hi, uend + 80)):
        return "north_korea"
    if not clause:
        return DEFAULT_PARTY
    cs, ce = _clause(text, max(lo, claim_end), hi, s, scans, span)
    found = set()
    for party, pat, _ in _PARTIES:
        for m in scans.within(pat, span, cs, ce):
            if not _PLACE_BEFORE.search(text, max(cs, m.start() - 12), m.start()):
                found.add(party)
    if len(found) == 1:
        return found.pop()
    return DEFAULT_PARTY


@dataclass
class Candidate:
    """A number that passed the local tests: it counts something."""
    start: int
    end: int
    value: float
    low: float
    high: float
    kind: str
    unit: str
    category: str
    uend: int
    noun_phrase: str
    qualifier: str
    percent: bool
    sentence: tuple[int, int] = (0, 0)
    ustart: int = -1          # where the counted noun is written (before the number for "losses reached 300")
    elided: bool = False      # the noun was borrowed from an earlier figure ("8,000 of them")
    carried: bool = False     # ... from a figure in an earlier sentence ("... troops. Kyiv has lost 52,000")


_TABLE_LOOKBACK = 3000   # characters searched back for a table's header row
MAX_TABLE_ROW = 2000     # characters: a longer line is prose, not a table row


_RULE_ROW = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*")


def _row_sep(line: str) -> str | None:
    """How a table row's cells are separated: tab, " | " (a rendered, Markdown or fixed-width table, as the
    reader keeps it), or None for a line of prose."""
    if "\t" in line:
        return "\t"
    if line.count(" | ") >= (1 if line.startswith("|") else 2):
        return " | "
    return None


def table_cell(text: str, pos: int) -> tuple[list[str], list[str], int] | None:
    """For a number in a table row: (header cells, row cells, column), the header being the nearest row
    above with the same number of cells and no digits ("Date | Claimed by | Killed")."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    le = len(text) if le < 0 else le
    if le - ls > MAX_TABLE_ROW:
        return None     # no table row is that long; and reading a huge line per figure would be quadratic
    line = text[ls:le]
    # (a Markdown row opens with its pipe: "| Nov. 13 | over 10,000 |" has two cells)
    sep = _row_sep(line)
    if sep is None:
        return None
    cells = line.split(sep)
    col = text.count(sep, ls, pos)
    stop = max(0, ls - _TABLE_LOOKBACK)
    end = ls - 1
    while end > stop:
        start = text.rfind("\n", stop, end) + 1
        row = text[start:end]
        if row.strip() and not _RULE_ROW.fullmatch(row.strip()):   # (a Markdown table's |---|---| rule)
            if _row_sep(row) != sep:
                return None
            head = row.split(sep)
            if len(head) == len(cells) and not any(ch.isdigit() for ch in row):
                if sep == " | ":    # (a Markdown row's outer pipes belong to no cell)
                    head, cells = [c.strip(" |") for c in head], [c.strip(" |") for c in cells]
                return head, cells, col
        end = start - 1
    return None


_SOURCE_NOTE = re.compile(r"\(?\b(?:Sources?|Data|Figures)\s*:\s*(?P<src>[^()\n]+)")


def _lines_around(text: str, ls: int, le: int, step: int, reach: int):
    """The lines above text[ls:le] going up (step -1) or below it going down (step 1), within reach characters."""
    if step < 0:
        stop = max(0, ls - reach)
        e = ls - 1
        while e > stop:
            s = max(stop, text.rfind("\n", stop, e) + 1)
            yield text[s:e]
            e = s - 1
    else:
        stop = min(len(text), le + reach)
        s = le + 1
        while s < stop:
            e = text.find("\n", s, stop)
            e = stop if e < 0 else e
            yield text[s:e]
            s = e + 1


def table_source(text: str, pos: int) -> str:
    """Whom a table credits, for a number in one of its rows: the "Source: ..." of the caption above the
    table ("How the estimate has changed (Source: NIS briefings to ...)") or of the note right below it
    ("Source: CRS, compiled from ..."); "" when neither says."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    le = len(text) if le < 0 else le
    sep = _row_sep(text[ls:le]) if le - ls <= MAX_TABLE_ROW else None
    if sep is None:
        return ""
    for step in (-1, 1):        # the caption above, then the note below
        for line in _lines_around(text, ls, le, step, _TABLE_LOOKBACK):
            t = line.strip()
            if not t or _RULE_ROW.fullmatch(t) or _row_sep(line) == sep:
                continue
            m = _SOURCE_NOTE.search(t)
            if m:
                return m.group("src").strip(" .")
            break
    return ""


def _excluded(text: str, s: int, e: int) -> str:
    left, right, num = text[max(0, s - 40):s], text[e:e + 90], text[s:e]
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


def _last_unit_word(text: str, s: int) -> re.Match | None:
    """The last counted noun written in the 400 characters before s (this sentence or the ones before)."""
    w = None
    for w in _UNIT_WORD.finditer(text, max(0, s - 400), s):
        pass
    return w


def _fact_box_unit(text: str, s: int, e: int) -> re.Match | None:
    """For a number alone on its line (text.fact_line), the counted noun among the first words of the line
    after it, before any comma or stop ("Approximate number of North Korean soldiers now in ...")."""
    m = _ENDS_LINE.match(text, e)
    if m is None or m.end() >= len(text):
        return None
    le = m.end() - 1
    ls = text.rfind("\n", max(0, s - FACT_LINE_MAX), s) + 1
    if (ls == 0 and s > FACT_LINE_MAX) or not fact_line(text, ls, le):
        return None
    ns = le
    while ns < len(text) and text[ns].isspace() and ns - le < 4:
        ns += 1
    head = _FACT_HEAD.match(text, ns, min(len(text), ns + FACT_HEAD))
    return _UNIT_WORD.search(text, ns, head.end()) if head else None


_FACT_SEP = re.compile(r"[ \t]*(?::|[–—]|-(?=[ \t]))[ \t]+")
_LINE_LEAD = re.compile(r"[ \t]*(?:[-•*·][ \t]+)?(?:\w+(?:[ \t]+\w+)?[ \t]+)?[~>]?$")


def _key_fact_unit(text: str, s: int, e: int) -> re.Match | None:
    """For a number opening a list line and followed by a colon or a dash ("- About 14,000: North Korean
    troops sent to Russia since October, according to ..."), the counted noun among the first words after it."""
    sep = _FACT_SEP.match(text, e)
    if sep is None:
        return None
    ls = text.rfind("\n", max(0, s - 30), s) + 1
    if (ls == 0 and s > 30) or not _LINE_LEAD.match(text, ls, s) or (text[ls:s].strip(" \t-•*·~>") and
                                                                     not QUAL_RE.search(text, ls, s)):
        return None
    head = _FACT_HEAD.match(text, sep.end(), min(len(text), sep.end() + FACT_HEAD))
    return _UNIT_WORD.search(text, sep.end(), head.end()) if head else None


def _fraction_value(m: re.Match) -> float:
    if m.group("frac"):
        return _FRACTIONS[" ".join(m.group("frac").lower().split())]
    n = m.group("n").lower()
    return float(round(100 / (float(n) if n.isdigit() else _IN_N[n]))) if n != "0" else math.nan


def _with_fractions(text: str, numbers):
    """The numbers, and in text order among them the shares written as words ("nearly half of the
    artillery shells Russia fires", "one in five soldiers") as percentages; a number inside a share
    ("five" of "one in five") is not a figure of its own."""
    low = text.lower()
    if not any(w in low for w in ("half", "third", "quarter", "fifth", "tenth", "one in ", "1 in ", "one out of",
                                  "1 out of")):
        yield from numbers
        return
    shares = [Number(m.start(), m.end(), m.group(0), v, v, v, "single", True)
              for m in _FRACTION.finditer(text) for v in [_fraction_value(m)] if v == v]
    k = 0
    for n in numbers:
        while k < len(shares) and shares[k].start < n.start:
            yield shares[k]
            k += 1
        if k and shares[k - 1].end > n.start:
            continue
        while k < len(shares) and shares[k].start < n.end and shares[k].end <= n.end:
            k += 1      # "a quarter" of the number "a quarter of a million" is no share
        yield n
    yield from shares[k:]


def candidates(text: str, locate) -> list[Candidate]:
    """Every number in `text` that counts people, weapons or shipments. `locate(pos)` gives the
    (start, end) of the sentence at pos."""
    out: list[Candidate] = []
    last_unit: dict[int, tuple[str, str, str]] = {}
    last_line_unit = None
    for n in _with_fractions(text, find_numbers(text)):
        s, e = n.start, n.end
        um = None
        ustart, elided = e, False
        # "3,000+", "3,000 or so": the qualifier written after the number belongs to it
        e2, suffix = e, ""
        if n.kind == "single" and text[e:e + 1] == "+" and (e + 1 == len(text) or not text[e + 1].isdigit()):
            e2, suffix = e + 1, "over"
        so = _OR_SO.match(text, e) if n.kind == "single" else None
        if so:
            e2, suffix = so.end(), "approximately"
        if n.percent:
            unit, cat, uend, noun_phrase = "percent", "other", e, "percent"
        else:
            um = UNIT_RE.match(text, e2, min(len(text), e2 + 80))
            pm = _PARTITIVE.match(text, e2, min(len(text), e2 + 60)) if not um else None
            if pm:
                um = UNIT_RE.match(text, pm.end(), min(len(text), pm.end() + 80))
            fw = _FORWARD.match(text, e2, min(len(text), e2 + 60)) if not um else None
            if fw:
                # "150 Ukrainian and 150 Russian captives": the noun after the second count is the first's too
                um = UNIT_RE.match(text, fw.end(), min(len(text), fw.end() + 80))
            if um and fw:
                unit, noun_phrase = um.group("unit"), fw.group("adj") + " " + um.group("unit")
                cat, uend = _UNITS[unit.lower()], fw.end("adj")
            elif um:
                # unit = the counted noun as written; its modifiers ("North Korean") go to the subject
                unit, noun_phrase = um.group("unit"), (um.group(1) + um.group("unit")).strip()
                cat, uend = _UNITS[um.group("unit").lower()], um.end()
            else:
                unit = ""
                fm = _fact_box_unit(text, s, e2) or _key_fact_unit(text, s, e2)
                if fm is not None:
                    # "10,000" on its line, "Approximate number of North Korean soldiers ..." on the next
                    um, unit = fm, fm.group(0)
                    cat, uend, ustart = _UNITS[unit.lower()], fm.end(), fm.start()
                    noun_phrase = " ".join(text[e2:fm.end()].split()).lstrip(":–—- ")
                elif n.value == n.value and n.value < 10 and n.kind == "single" and not _LABEL_BEFORE.search(text, max(0, s - 12), s) \
                        and text[max(0, s - 2):s] not in _CHANGE_MARKS and text[max(0, s - 3):s] != " | " \
                        and text[max(0, s - 1):s] != "\t":
                    continue   # cheap rejection first: most small numbers in news count nothing ("Captured: 2" does)
                ls = text.rfind("\n", max(0, s - 120), s) + 1
                lm = _LIST_LABEL.match(text, ls, s) if fm is None and (ls > 0 or s < 120) else None
                if lm is None and fm is None and (ls > 0 or s < 120) and _ENDS_LINE.match(text, e2):
                    # a key-data line "KN-23/KN-24 missiles launched at Ukraine since December 2023: 60+"
                    lm = _KEY_LABEL.match(text, ls, s)
                if lm is None and text[max(0, s - 2):s] in _CHANGE_MARKS and last_line_unit and \
                        last_line_unit[0] == ls:
                    lm = last_line_unit[1]      # "personnel – about 772,850 (+1,930)": the day's change
                if lm is not None:
                    # a tally line "personnel – about 772,850", "tanks: 9,520": the label is the counted noun
                    um = lm
                    unit = lm.group("unit")
                    cat, uend, noun_phrase, ustart = _UNITS[unit.lower()], e2, unit, lm.start("unit")
                    if cat == "personnel" and _LOSSES_ABOVE.search(text, max(0, ls - 300), ls):
                        cat = "casualties"   # the list a "losses of the enemy" line introduces counts losses
                    last_line_unit = (ls, lm)
        if _excluded(text, s, e):
            continue
        if n.kind == "single" and n.value < 2 and not n.percent and _LETTER.match(n.surface):
            continue  # "one soldier" is a person, not a figure
        if n.kind == "single" and n.surface.isdigit() and n.value < 100 and _LIST_ITEM.match(text, e) and \
                not text[text.rfind("\n", 0, s) + 1:s].strip():
            continue  # "2 Explosion Rocks ..." in a list of links, "3 Casualty estimates" as a heading
        span = locate(s)
        cell = table_cell(text, s) if not um and not n.percent else None
        if cell is not None:
            hm = _UNIT_WORD.search(cell[0][cell[2]])
            described = ""
            if not hm:   # "Figure | What it counts": a description cell after the number names it
                described, hm = next(((c, m) for c in cell[1][cell[2] + 1:] for m in [_UNIT_WORD.search(c)] if m),
                                     ("", None))
            if hm:   # a table column "Killed and wounded": its header names what the numbers count
                um_unit = hm.group(0)
                unit, cat, uend, noun_phrase, ustart = um_unit, _UNITS[um_unit.lower()], e2, um_unit, -1
                if cat == "personnel" and described:
                    tail = described[hm.end():]
                    cat = "other" if _CAPTURED_RE.match(tail) else "casualties" if _CASUALTY_RE.match(tail) else cat
                last_unit[span[0]] = (unit, cat, noun_phrase)
                qual = {"range": "range", "vague": "vague"}.get(n.kind, "exact")
                qm = QUAL_RE.search(text, max(span[0], s - 25), s)
                if qm and n.kind == "single":
                    qual, s = _QUALS[qm.group(1).lower()], qm.start(1)     # "over 3,000" in a cell
                elif n.kind == "single" and s and text[s - 1] == "~":
                    qual, s = "approximately", s - 1
                if suffix:
                    qual, e = suffix, e2
                out.append(Candidate(s, e, n.value, n.low, n.high, n.kind, unit, cat, uend, noun_phrase, qual,
                                     n.percent, span, ustart, False))
                continue
        carried = False
        if not n.percent and not um:
            it_at = None
            ub = UNIT_BEFORE.search(text, max(span[0], s - 130), s)
            if ub and _REL_PUT_AT.search(text, max(span[0], s - 110), s):
                ub = None      # ", which X put at ...": the noun before the clause, read below
            if ub and ub.group("inthe") and n.kind != "vague" and not _RANGE_OF.match(text, ub.end("inthe")):
                ub = None      # "casualties in the low hundreds", never "troops in the previous 24 hours"
                # (but "casualties were in the range of 3,500-4,500")
            # ('that "at least 10,000" were in Kursk': the quoted count, then what they are)
            ot = OF_THEM.match(text, e + 1 if text[e:e + 1] in ("”", '"') else e)
            if ub:
                g = next(g for g in ("u1", "u2", "u3", "u4", "u5", "u6") if ub.group(g))
                unit = ub.group(g)
                cat, uend, noun_phrase = _UNITS[unit.lower()], e, unit
                ustart = ub.start(g)
            elif ot or (it_at := IT_AT.search(text, max(0, s - 110), s)) or \
                    _SENT_BEFORE.search(text, max(0, s - 60), s) and not _NOUN_AFTER.match(text, e) or \
                    _WITH_SENT.match(text, e) and _WITH_BEFORE.search(text, max(0, s - 30), s) and \
                    span[0] not in last_unit:     # (after a figure of the sentence, its noun: the ellipsis below)
                # the noun is the last one written, in this sentence or the ones before; but a total or figure
                # that names no noun of its own is the total of what was last counted ("some 1,500 troops were
                # shipped on navy vessels ... raised the figure to 3,000": troops, not vessels)
                w = _last_unit_word(text, s)
                if it_at is not None and it_at.group(0).startswith(","):
                    # ", which X put at ...": the noun the clause is about, just before its comma ("the size of the
                    # Russian force in Ukraine, which ...": the force, not the shells of the sentence before)
                    head = _RELATIVE_HEAD.search(text, max(0, it_at.start() - 60), it_at.start())
                    if head is not None:
                        w, ustart = head, head.start()     # (its words say whose: "the Russian force")
                # (a deployment, contingent or rotation counts people sent, whatever the last figure counted:
                # "4,700 ... killed or wounded. The first deployment was between 11,000 and 12,000")
                sent = it_at is not None and _SENT_GROUP.search(it_at.group(0)) is not None
                rel_head = it_at is not None and it_at.group(0).startswith(",") and \
                    _RELATIVE_HEAD.search(text, max(0, it_at.start() - 60), it_at.start()) is not None
                counted = out[-1] if not ot and it_at and not sent and not rel_head and out and out[-1].category != "other" and \
                    not out[-1].percent and s - out[-1].end <= 400 and \
                    not _UNIT_WORD.search(text, it_at.start(), s) else None
                if w is None and counted is None and \
                        not (ot and ot.group(0).strip().split()[-1].lower() in ("killed", "wounded", "injured", "dead")):
                    continue
                if counted is not None:
                    unit, cat, noun_phrase = counted.unit, counted.category, counted.noun_phrase
                    if cat == "personnel" and _CASUALTY_RE.match(text, counted.uend, min(len(text), counted.uend + 80)):
                        cat = "casualties"      # "47,000 soldiers had been killed ... The correct figure is 4,700"
                else:
                    unit = w.group(0) if w is not None else ot.group(0).split()[-1]
                    cat, noun_phrase = _UNITS.get(unit.lower()) or _BODY_OF_TROOPS.get(unit.lower(), "casualties"), unit
                    if sent and cat == "casualties":
                        cat = "personnel"
                uend, elided = e, True
            else:
                # ellipsis: the noun was given by an earlier figure in the same sentence
                prev = last_unit.get(span[0])
                carried = prev is None and bool(out) and _carried_over(text, out[-1], s, e, n)
                if carried:
                    # "... 6,000 to 7,000 killed and wounded. I suspect the dead alone are closer to 1,500 than
                    # to 600": a bare number soon after a figure, of its order, counts what that one counted
                    c = out[-1]
                    cat = "casualties" if c.category == "personnel" and \
                        _LOSS_NEAR.search(text, max(span[0], s - 60), min(span[1], e + 30)) else c.category
                    prev = (c.unit, cat, c.noun_phrase)     # ("... troops. Russia claims Kyiv has lost 52,000")
                if prev is None or not (carried or ELLIPSIS_RE.match(text, e) or _ELLIPSIS_LEFT.search(text, max(0, s - 30), s)) \
                        or n.value == n.value and n.value < 10:
                    continue
                unit, cat, uend = prev[0], prev[1], e
                noun_phrase, elided = prev[2], True
        last_unit[span[0]] = (unit, cat, noun_phrase)
        qual = {"range": "range", "vague": "vague"}.get(n.kind, "exact")
        qm = QUAL_RE.search(text, max(span[0], s - 25), s)
        if qm and n.kind == "single":
            qual = _QUALS[qm.group(1).lower()]
            s = qm.start(1)
        elif n.kind == "single" and s and text[s - 1] in _SIGN_QUALS and (s < 2 or not text[s - 2].isalnum()):
            # "~1,000" in a table or timeline, ">20k containers" in a post
            qual, s = _SIGN_QUALS[text[s - 1]], s - 1
        if suffix:
            qual, e = suffix, e2
        out.append(Candidate(s, e, n.value, n.low, n.high, n.kind, unit, cat, uend, noun_phrase, qual,
                             n.percent, span, ustart, elided, carried))
    return out


# how far back (characters) a bare number may borrow the noun of the figure before it, in a later sentence
CARRY_REACH = 400
# what introduces a bare number that repeats or answers an earlier count: "then 10,000, now 12,000",
# "spoke last week of 3,000", "has lost over 52,000", "estimates run closer to 4000"
_CARRIED_LEFT = re.compile(r"\b(?:then|now|lost|losing|loses|of|at|to|than|run|runs|ran|reach(?:es|ed)?|said|says|"
                           r"told\s+us|estimated?|estimates)\s+(?:(?:about|around|some|roughly|over|nearly|almost|"
                           r"more\s+than|at\s+least|as\s+many\s+as|up\s+to|just|only|closer\s+to|close\s+to)\s+)?[\"“]?$",
                           re.IGNORECASE)

_CARRIED_RIGHT = re.compile(r"\s*(?:[\"”]|than|there|by\s+(?:then|now|the\s+end|mid|early|late))\b|\s*[\"”]", re.IGNORECASE)


def _carried_over(text: str, c: Candidate, s: int, e: int, n) -> bool:
    """Whether the bare number at [s, e) in a later sentence counts what figure c counted: near it, in the
    same paragraph, nothing after it but the end of a clause, a verb of saying or a count before it, and of
    the same order of magnitude (a year, a calibre or an age is not)."""
    if c.percent or s - c.end > CARRY_REACH or "\n\n" in text[c.end:s] or \
            not (ELLIPSIS_RE.match(text, e) or _CARRIED_RIGHT.match(text, e)):
        return False
    ref = next((v for v in (c.value, c.high, c.low) if v == v), math.nan)
    val = next((v for v in (n.value, n.high, n.low) if v == v), math.nan)
    if not (ref == ref and val == val) or val < 100 or not (ref / 20 <= val <= ref * 20):
        return False
    if YEAR_RE.fullmatch(n.surface.strip()):
        return False
    return bool(_CARRIED_LEFT.search(text, max(0, s - 40), s))


def _clause(text: str, ss: int, se: int, pos: int, scans: SpanScans, span: tuple[int, int]) -> tuple[int, int]:
    """(start, end) of the coordinated clause holding pos, within WINDOW characters of it and [ss, se)."""
    lo, hi = max(ss, pos - WINDOW), min(se, pos + WINDOW)
    start, end = lo, hi
    for m in scans.within(_CLAUSE_BREAK, span, lo, hi):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


# "By his count, roughly 30% ...", "the official count": the noun, not the verb ("I count at least 140")
_COUNT_NOUN = re.compile(r"\b(?:his|her|its|their|my|our|your|the|a|an|own|official|latest|body)\s+count$", re.I)


def status(text: str, cs: int, ce: int, pos: int, end: int | None = None, scans: SpanScans | None = None,
           span: tuple[int, int] | None = None) -> str:
    """The figure's status from its clause [cs, ce): denied if the clause denies; else the verb that
    governs the figure (the nearest before it, else after it) by its kind, made a projection by a modal
    or plan between it and the figure, or by a future phrase after it; else hedging words; else reported."""
    from .attribution.lexicon import lexicon
    lex = lexicon()
    scans = scans or SpanScans(text)
    span = span or (cs, ce)
    within = scans.within     # matches starting in [a, b), each pattern scanned once per sentence
    if within(_CUES["denied"], span, cs, ce):
        return "denied"
    end = pos if end is None else end
    before = [v for v in within(lex.verb_re, span, cs, pos) if not _COUNT_NOUN.search(text, max(0, v.start() - 12), v.end())]
    verb, verb_end = (before[-1], before[-1].end()) if before else (None, cs)
    if verb is None:
        after = within(lex.verb_re, span, end, ce)
        verb = after[0] if after else None
    if within(_CUES["projection"], span, verb_end, pos) or within(_CUES["future"], span, end, ce):
        return "projection"
    if verb is not None:
        kind = lex.verb_kind.get(verb.group(1).lower(), "say")
        lemma = lex.lemma(verb.group(1))
        if lemma in ("expect", "predict") and not within(_CUES["projection"], span, verb_end, pos):
            return "projection"
        if kind in _VERB_STATUS:
            return _VERB_STATUS[kind]
    if within(_CUES["estimate"], span, max(cs, pos - 60), min(ce, end + 30)):
        return "estimate"
    return "reported"


def _location(clause: str) -> str:
    m = _LOC_RE.search(clause)
    return m.group(0) if m else ""


def _subject(words: list[str]) -> str:
    """A subject of at most 12 words that does not stop on a function word or in the middle of a name."""
    words = words[:12]
    if len(words) == 12:
        while len(words) > 3 and (words[-1].lower() in _SUBJECT_END or words[-1][:1].isupper()):
            words.pop()
    while words and words[-1].lower() in _SUBJECT_END:
        words.pop()
    return " ".join(words)


def finish(c: Candidate, text: str, scans: SpanScans | None = None) -> dict:
    """The claim-independent columns of a figure row."""
    s, e, uend = c.start, c.end, c.uend
    ss, se = c.sentence
    low, high, value = c.low, c.high, c.value
    if c.qualifier == "up_to":
        low = math.nan
    elif c.qualifier == "under":
        low, high = math.nan, c.value
    elif c.qualifier == "over":
        high = math.nan
    hi = min(se, uend + WINDOW)
    tail = re.split(r"[,;:.(]|\band\b|\bwhich\b", text[uend:hi], maxsplit=1)[0]
    if c.unit != "percent":
        subject = _subject((c.noun_phrase + " " + tail.strip()).split())
    else:
        subject = _subject(text[e:min(se, e + 200)].split())
    cat = c.category
    scans = scans or SpanScans(text)
    cs, ce = _clause(text, ss, se, s, scans, c.sentence)
    if c.percent:
        # "30% of the force has been killed", "40% of the artillery shells": the category of what it is a share of
        # ("one in five soldiers" has no "of")
        word_share = not re.search(r"%|per\s*cent", text[s:e + 10], re.IGNORECASE)
        m = re.match(r"\s+" + (r"(?:of\s+)?" if word_share else r"of\s+") + r"(?:the\s+|its\s+|their\s+)?"
                     r"(?:[\w’',.-]+\s+){0,3}?(" + _UNIT_ALT + r")\b", text[e:e + 80], re.IGNORECASE)
        if m:
            cat = _UNITS[m.group(1).lower()]
            tail = text[e + m.end():hi]
        elif word_share:
            # "of them", "of whom", "of the force": a share of the group last counted
            g = re.match(r"\s+of\s+(?:them|whom|those|(?:\w+\s+){1,2}?" + _GROUP + r")\b", text[e:e + 60], re.IGNORECASE)
            w = _last_unit_word(text, s)
            if w is not None:
                cat = _UNITS[w.group(0).lower()]
            if g:
                tail = text[e + g.end():hi]
        if _FAILED_RE.match(tail):
            cat = "other"       # a dud rate
    if cat == "equipment":
        # "supplied 50 guns" ships them; "destroyed 12 tanks" does not
        cat = "shipments" if _SUPPLY_BEFORE.search(text, max(cs, s - 120), s) else "other"
    if cat in ("personnel",) or c.percent and cat != "shipments":
        if _CAPTURED_RE.match(tail) or _CAPTURED_BEFORE.search(text, max(ss, s - 30), s):
            cat = "other"       # "two soldiers were captured": neither a deployment nor a loss
        elif not _BASE_BEFORE.search(text, max(ss, s - 40), s) and (
                _CASUALTY_RE.match(tail) or _KILLED_BEFORE.search(text, max(ss, s - 30), s) or
                _LOSS_NOUN_BEFORE.search(text, max(cs, s - 120), s) or
                _LOST_INCLUDING.search(text, max(ss, s - 160), s)) or \
                c.ustart < s and _CASUALTY_RE.match(text, c.ustart + len(c.unit), min(hi, c.ustart + len(c.unit) + 40)):
            cat = "casualties"  # "1,200 soldiers were killed", "losses ... at 716,150 personnel": losses
        elif _PARTITIVE.match(text, e, min(hi, e + 60)) and _PARTITIVE_LOSS.match(text, uend, hi):
            cat = "casualties"  # "some 4,000 of the 11,000 troops sent by the tyrant had been killed or wounded"
    location = _location(tail) or _location(text[uend:hi])
    ws = max(ss, s - MAX_SENTENCE // 2)
    we = min(se, max(e, ws + MAX_SENTENCE))
    while ws < s and text[ws].isspace():
        ws += 1
    while we > e and text[we - 1].isspace():
        we -= 1
    return {"surface": text[s:e], "value": value, "low": low, "high": high, "unit": c.unit,
            "unit_category": cat, "qualifier": c.qualifier, "status": status(text, cs, ce, s, e, scans, c.sentence),
            "subject": subject.strip(), "location": location, "sentence": text[ws:we],
            "sentence_start": ws, "start": s, "end": e}


def claim_date(text: str, c: Candidate, published: str, published_source: str,
               window: tuple[str, str] | None, prev_span, carried: bool) -> dict:
    """Claim date and period of a figure (claimdate.py), read in a window of its sentence around it."""
    ss, se = c.sentence
    ws, we = max(ss, c.start - WINDOW), min(se, c.end + WINDOW)
    prev = text[prev_span[0]:min(prev_span[1], prev_span[0] + 2 * WINDOW)] if prev_span and carried else None
    when = claimdate.claim_date(text[ws:we], c.start - ws, published=published, source=published_source,
                                previous=prev, **({"precision": "window", "earliest": window[0], "latest": window[1]}
                                                  if window else {}))
    return {"claim_date": when.claim_date, "claim_date_end": when.claim_date_end,
            "claim_date_precision": when.precision, "claim_date_evidence": when.evidence,
            "claim_date_flag": when.flag, "period_start": when.period_start, "period_end": when.period_end}


_DTYPES = {"value": np.float64, "low": np.float64, "high": np.float64, "start": np.int64, "end": np.int64,
           "sentence_start": np.int64}
_EMPTY = pd.DataFrame({c: pd.Series(dtype="float64" if c in ("value", "low", "high") else
                                     "int64" if c in ("start", "end", "sentence_start") else "object")
                       for c in COLUMNS})


def empty() -> pd.DataFrame:
    return _EMPTY.copy()


def extract_figures(text: str, article: str = "", published: str = "", published_source: str = "",
                    registry=None, title: str = "", published_window: tuple[str, str] | None = None) -> pd.DataFrame:
    """Every figure in one article's cleaned text (and its title), one row each (columns: COLUMNS)."""
    return to_frame(figure_rows(text, article, published, published_source, registry, title=title,
                                published_window=published_window))


def figure_rows(text: str, article: str = "", published: str = "", published_source: str = "",
                registry=None, title: str = "", published_window: tuple[str, str] | None = None) -> list[dict]:
    """The rows of extract_figures as dicts (keys: COLUMNS); the pipeline builds one frame per corpus."""
    if not text and not title:
        return []
    from .extract import article_rows
    return article_rows(text, article=article, published=published, published_source=published_source,
                        published_window=published_window, registry=registry, title=title, quotes=False)[1]


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
    df = pd.DataFrame({c: a for c, a in zip(COLUMNS, arrays)})
    return df
