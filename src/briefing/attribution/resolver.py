"""Who a subject phrase stands for, in one article: "he", "Park", "the minister", "the ministry",
"the report", "a senior official", "Kremlin spokesman Dmitry Peskov".

One ``Resolver`` per article, shared by quote and figure attribution, so a figure in reported speech
gets the same speaker a quotation in that sentence would. It keeps the discourse state: every
attribution (a quote's speaker, a figure's claimant) is an *event* at its position; pronouns,
surnames and titles prefer the latest event over people merely mentioned.

Editorial choices:
* A pronoun takes the latest speaker or sentence subject of the right kind within twelve sentences:
  "he" a person, "it" an organisation, "they" either.
* A surname takes the latest full name with that surname that spoke or led a sentence, else the latest
  mention, else the registry's only person with that name, else a full name given later.
* A title ("the minister", "Ukraine's defence minister", "the head of the agency") takes the person
  the article introduced with that title (before, else after); nobody: "unnamed: <the words>".
* An organisation ("the ministry", "the White House") stands for the spokesperson who just spoke for
  it, else the organisation named with that word, else "unnamed: ministry".
* "the report said" takes the organisation that published the report.
Every look-up is bounded (a window of sentences, a capped number of candidates, a bisect into the
entity index): a 40 KB paragraph of "He said" costs linear time, not quadratic.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import islice
from dataclasses import replace

from ..actors import US_SPELLING, Registry
from ..dates import MONTH_WORD
from ..resources import read_lines, read_table
from ..text import SpanScans, sentence_spans
from .entities import CONTRACTED, TITLE_ABBR, EntityIndex, name_parts
from .lexicon import lexicon
from .names import (CAPITALS, Names, Speaker, countries, first_name_jan, from_actor, lower_first, memo, possessive, unnamed,
                    without_post_nominals)

AUX = re.compile(r"(?:\s+(?:has|have|had|also|then|later|previously|reportedly|once|again|further|was|is|"
                 r"were|are|would|will|could|had\s+been|has\s+been|repeatedly|recently|earlier|subsequently|"
                 r"publicly|separately|similarly|quickly|flatly|angrily|bluntly|simply|privately|instead|meanwhile|"
                 r"however|too|here|there|in\s+turn|for\s+its\s+part|for\s+his\s+part|for\s+her\s+part|"
                 r"initially|first|already|now|still|only|just|even|finally|previously|since|twice|consistently|openly|"
                 r"never|not|did|does|do|cannot|keeps|kept|keep|continues\s+to|continued\s+to|"
                 r"went\s+on))+$", re.I)   # ("the agency has not [said]", "the Kremlin keeps [telling]": the subject)
LEAD = re.compile(r"^(?:and|but|while|as|so|yet|meanwhile|however|also|then|later|instead|separately|"
                  r"still|now|earlier|moreover|in addition|additionally)\b[\s,]*", re.I)
# a time phrase opening the clause without a comma: "On Sunday they said", "Last week the ministry said"
LEAD_TIME = re.compile(r"^(?:(?:on|by|early|late|earlier|later)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                       r"Sunday)(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|tonight|"
                       r"(?:last|this|earlier\s+this|later\s+that)\s+(?:week|month|year|weekend|morning|night|spring|"
                       r"summer|autumn|fall|winter)|(?:in|since|by)\s+(?:early\s+|late\s+|mid-?)?(?:January|February|March|"
                       r"April|May|June|July|August|September|October|November|December)|"
                       # "By Nov. 13 the agency put ...", "On 28 October the ministry said"
                       rf"(?:on|by|since|until)\s+{MONTH_WORD}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|"
                       rf"(?:on|by|since|until)\s+\d{{1,2}}\s+{MONTH_WORD}(?:\s+\d{{4}})?|"
                       # "Two days later South Korea's spy agency said", "Weeks ago this Council heard ..."
                       r"(?:(?:a|an|one|two|three|four|five|six|seven|several|a\s+few|a\s+couple\s+of|\d{1,2})\s+)?"
                       r"(?:hours?|days?|weeks?|months?|years?)\s+(?:later|ago|earlier|before|on),?)\s+(?=\S)", re.I)
TRAIL_TIME = re.compile(r"(?:\s+(?:earlier|later))?\s+(?:on|this|last|earlier)\s+\w+$|\s+on\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]{2,8}\.?)$|"
                        r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                        r"Saturday|Sunday|today|yesterday)$")
CAP = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*$|^(?:[A-ZÀ-ÖØ-ÞĀ-Ž]\.)+$")
ACCORDING = re.compile(r"\baccording\s+to\s+", re.I)
# A report introduced with its publisher ("said in a report", "its latest study", "INSS's report"); "the
# report" is itself a reference back and never introduces one.
DOC_WORD = re.compile(r"\b(?:a|an|its|their|new|latest|[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-]*[’']s)\s+(?:[\w\-]+\s+){0,2}?"
                      r"(?:report|study|statement|assessment|analysis|paper|document|commentary|editorial|article|"
                      r"order|message|letter|decree|post|communique|briefing|update|bulletin|readout)s?\b")
# "a new report from the Institute X", "a statement issued by the ministry": the publisher follows the word
_DOC_BY = re.compile(r"\s+(?:(?:issued|published|released|prepared|compiled|written)\s+)?(?:from|by)\s+(?:the\s+)?$")
SUBJECT = re.compile(r"(?:(?:[A-ZÀ-ÖØ-ÞĀ-Ž][^,“”\"]{0,80}),\s+)?([A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*|(?:[A-ZÀ-ÖØ-ÞĀ-Ž]\.)+|"
                     r"(?:of|for|the|to)\b))*)")
# a sentence that says its subject said nothing ("Mr Kim has made no public comment on the two men", "The
# embassy did not respond to a request for comment"): its subject is no antecedent of a later "he said"
_SILENT = re.compile(r"\b(?:ha(?:s|ve|d)\s+(?:not\s+(?:yet\s+)?(?:commented|responded|publicly\s+commented)|"
                     r"(?:made\s+no|not\s+(?:yet\s+)?made\s+any)\s+(?:public\s+)?(?:comment|statement|remark)s?)|"
                     r"did\s+not\s+(?:respond|reply|comment|return)|(?:could|can)\s+not\s+be\s+reached|"
                     r"(?:has|have|had)\s+(?:remained|stayed|kept)\s+silent)\b", re.I)
_TITLE_THEN_NAME = re.compile(r"(?P<title>(?:[a-z][\w\-]*\s+){1,3})[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*){1,3}(?=\s+[a-z])")
# a line's speaker label: "Zelenskyy: ...", "MR MILLER: ...", "Expert (Kyiv): ..."
# A broadcaster's script tags the line first: "[Soundbite] Jeong Hae-chul (People Power Party lawmaker /
# Intelligence Committee): ..."
_LABEL = re.compile(r"(?:\[[A-Za-z ]{1,20}\][ \t]*)?(?P<label>[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-’']*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-’']*){0,4})"
                    r"(?:\s*\((?P<paren>[^)\n]{1,80})\))?(?:\s*\([^)\n]{1,40}\)){0,2}:\s+\S")
# (a parliamentary record adds the member's seat and party: "Mr Gareth Hollins (Tamar Valley North) (Lab):")
_LABEL_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Amb|Adm|Secretary|Minister|President)\.?\s+(?=\w)")
_HONORIFIC_LABELS = frozenset(("mr", "mrs", "ms", "dr", "sen", "rep"))
LABEL_REACH = 4000
# how far back a sentence start looks for an unclosed quotation mark in its paragraph
QUOTE_REACH = 2000
# a finite verb inside what would be an unnamed source's description: the phrase is a clause
# (the second half of a compound is an adjective: "state-funded", "Kremlin-backed", "US-led")
_VERBISH = re.compile(r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bwith )(?<!-)\b(?:(?!(?:armed|based|named|unnamed|retired|qualified|detailed|"
                      r"specialised|specialized|related|limited|united|informed|interested|concerned|involved|"
                      r"classified|undisclosed|unidentified|detained|captured|wounded|embedded|briefed|assigned|"
                      r"stationed|deployed|attached|dedicated|associated|affiliated|authorised|authorized|"
                      r"advanced|allied|seasoned|skilled|experienced|respected)\b)[a-z]{3,}ed|went|came|took|gave|made|rose|"
                      r"fell|told|said|says|are|is|was|were|put|puts|did|does|[Cc]orrects)\b|"
                      # ("he did not give casualty figures but": a clause, whatever its verb)
                      r"^(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|I|[Yy]ou)\b")     # ("They are not prisoners of war": a sentence)
_PLURALS = frozenset(("people", "men", "women"))
_ANY_PERSON = frozenset(("man", "woman"))
# the body a described person belongs to: "a researcher at the state-funded Korea Institute for Defense Analyses"
_AT_BODY = re.compile(r"\b(?:at|of|from|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?(?P<body>[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*"
                      r"(?:\s+(?:(?:of|for|and|on)\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*)*)")
_LEAD_PLACE = re.compile(r"(?:(?:In|At|From|Near|Inside|Outside|Across)\s+(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž]|(?:At|During)\s+(?:a|an|the|his|her|its|their)\s+)[^,;:\n“”\"]{0,90},\s+")   # plural heads without an -s
# "a report by X", "an assessment from X" name the publisher; "reviewed by Reuters", "seen by the BBC" the outlet
# that read it
_PUBLISHED_BY = re.compile(r"(?<!reviewed )(?<!seen )(?<!obtained )(?<!viewed )(?<!examined )(?<!read )"
                           r"(?<!verified )\b(?:by|from)\s+(.+)$")
# "one of the officials", "two of the people": some of a group the article named before
_PART_OF = frozenset("one two three four five six some several both all many most each either neither".split())
_COORD = re.compile(r"\s*(?:and|but|while|whereas|yet)\s+(?=\S)")
_COUNT_IN = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\bof\s+\d+$")
# a wire dateline before the first words: "TOKYO – ", "WASHINGTON/KYIV (Reuters) — "
DATELINE_PREFIX = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-Ž]{2,}(?:[ /,.][A-ZÀ-ÖØ-ÞĀ-Ž]{2,})*\.?(?:,\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.]+)?\s*(?:\([^)\n]{1,30}\))?\s*[—–-]+\s*")
# "X thanked Y and [said]": a capitalised subject, a lower-case verb, its object, "and" before the speech verb
# and "X declined to give an estimate, [saying]": a capitalised subject before a past-tense verb
_VERB_AND = re.compile(r"^((?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'\-]*\s+){1,6}?)(?:[a-z]\w*(?:ed|s)\s+.+\s+and|(?:also\s+)?[a-z]\w+ed\s+(?!by\b|on\b|in\b|at\b|with\b).{6,})$")   # ("lawmakers briefed by" is no verb)
# a verb of perception before the one who speaks: "(two weeks ago) this Council heard [the Russian delegation]"
_HEARD = re.compile(r"^.{0,80}?\b(?:heard|saw|watched|listened\s+to)\s+"
                    r"((?!(?:that|about|of|from|it|this|nothing|no|rumou?rs|reports|claims)\b).{2,80})$", re.I)
# "X, a vice director, issued a statement through KCNA on Monday [denouncing]": who issued it, not its channel
_ISSUED = re.compile(r"^(.{2,160}?),?\s+(?:issued|released|published|posted|put\s+out|sent)\s+(?:a|an|the|his|her|its|their)\s+"
                     r"(?:[\w-]+\s+){0,3}?(?:statement|message|letter|communiqu[eé]|post|video|note)\b[^,;]*$")
# an office named by what it does, before its head noun: "external affairs ministry", "foreign ministry"
_QUALIFIED_ORG = re.compile(r"^(?:foreign|defen[cs]e|external\s+affairs|interior|home|justice|finance|unification|"
                            r"intelligence|security|presidential|prime\s+minister's|state|war)\s+\w+$", re.I)
_NP_NOISE = re.compile(r"\s*\[(?:\d{1,3}|[A-Za-z ]{2,20})\]\s*|,?\s*\b[RDI]-(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]{1,12}\.?|(?:[A-ZÀ-ÖØ-ÞĀ-Ž]\.){1,3}[A-ZÀ-ÖØ-ÞĀ-Ž]?\.?|[A-ZÀ-ÖØ-ÞĀ-Ž]{2})(?=,|\s|$)")
# a name set off by commas after a described subject: "the minister of the armed forces, Sébastien Lecornu, was ..."
# the writer meets an unnamed person: "I sat across a table from a North Korean colonel who", "When I interviewed a
# senior official of the directorate in Kyiv"
_NARRATOR_MET = re.compile(r"\s*(?:[^,.;:“”\"\n]{0,80},\s+)?(?:(?:When|After|As|Before)\s+)?(?:I|We)\s")
_INDEFINITE = re.compile(r"\b(?P<desc>an?\s+[^,.;:“”\"]{3,80}?)(?=\s+(?:who|whom|in|at|on|last|earlier|during)\b|[,.;]|$)")
QUOTED_AS = re.compile(r"\bquot(?:ed|ing|es)\s+(?!by\s)(?P<np>[^“”\"]{2,100}?)\s+(?:as\s+(?:saying|stating|telling\s+\w+)|"
                       r"who\s+(?:had\s+|has\s+)?(?:told|said\s+to)\s+\w+)\b")   # "he quoted a diplomat who had told him"
_HE_SHE_OPENS = re.compile(r"\s*(?:He|She)\s")
_GAVE_CALL_SIGN = re.compile(r"\b(?:his|her)\s+(?:call[- ]?sign|first\s+name|nickname|nom\s+de\s+guerre),?\s+[\"“‘']?(?P<cs>[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]+)")
_DOC_BEFORE_PARTICIPLE = re.compile(r"\b(?:statement|video|message|post|letter|note|clip|footage|document|"
                                    r"communiqu[eé])s?\s+$", re.I)
_PARTICIPLE_AFTER = re.compile(r"\s+(?:on|by|in|at|to|online|via|from|earlier|late|last|yesterday|overnight)\b")
_PASSIVE_BY = re.compile(r"[^,;:.“”\"\n]{1,60}?\s+(?:is|was|are|were|has\s+been|have\s+been|had\s+been)\s+"
                         r"(?:\w+ly\s+)?\w+ed\s+(?:\w+ly\s+)?by\s+(?=[A-ZÀ-ÖØ-ÞĀ-Ž])")
_AGE_NOUN = re.compile(r"\d{1,3}-year-old")
AGE_CHUNK = re.compile(r"\s*\d{1,3}\s*")
APPOSITIVE_NAME = re.compile(r"\s*,\s+(?P<name>[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*){1,3})\s*,")
# a speaker label opening a line: "REPORTER (DANIEL REYES): ", "Holub: " -- never part of a subject
LABEL_PREFIX = re.compile(r"(?:^|(?<=\n))(?:\[[A-Za-z ]{1,20}\][ \t]*)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-’']*(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-’']*){0,4}(?:[ \t]*\([^)\n]{1,80}\))?:[ \t]+")
_LABEL_LINE = re.compile(r"^(?P<label>[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-’']*(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-’']*){0,4}):[ \t]+\S", re.M)
# "host Min-ji Seo speaks with Dr. Lukas Brandt, senior fellow ...", "we are joined by ...", "our guest is ..."
_GUEST_INTRO = re.compile(r"\b(?:(?:speaks|spoke|talks|talked|speaking|talking|sits\s+down|sat\s+down)\s+(?:with|to)|"
                          r"joined\s+by|interviews|interviewed|(?:our|my)\s+guest(?:\s+is|,)?)\s+"
                          r"(?P<name>(?:(?:Dr|Prof|Mr|Ms|Mrs|Gen)\.\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*){0,3})")
GUEST_REACH = 4000
_SURNAME_LIKE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž’'\-]+(?:-[A-ZÀ-ÖØ-ÞĀ-Ž]?[a-zß-öø-ÿā-ž]+)?")
# plural nouns and time words that open sentences: never a surname met alone
_COMMON_CAPS = frozenset("hours days weeks months years minutes moments officials sources analysts experts troops "
                         "soldiers reports others many most some several both all".split())
_CONTRACTION = re.compile(r"['’](?:m|d|ll|re|ve)$", re.I)
# an interview's answer label: "V.H.", "V. H.", "VH" (two or three capitals; one letter is "Q"/"A")
_LABEL_INITIALS = re.compile(r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž]\.\s?){2,3}|[A-ZÀ-ÖØ-ÞĀ-Ž]{2,3}")
_INITIALS = re.compile(r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž]\.){1,4}[A-ZÀ-ÖØ-ÞĀ-Ž]?\.?")
_FIRST_PERSON = frozenset(("i", "we", "me", "us", "my", "our"))
# a verb form after a determiner or a preposition is a noun: "the reports", "head of state", "in a statement"
DETERMINER_END = re.compile(r"(?:^|\s)(?:the|a|an|this|that|its|his|her|their|our|these|those|new|latest|such|"
                            r"of|for|to|in|on|at|by|from|with|over|about|amid|despite|among|against|after|following|"
                            r"under|into)\s*$", re.I)
# "media reports", "news reports": a noun after these, unless the verb is past ("Western media reported")
MEDIA_NOUNS = frozenset(("media", "news"))
MEDIA_END = re.compile(r"(?:^|\s)(?:" + "|".join(MEDIA_NOUNS) + r")\s*$", re.I)
_NAME_OF = re.compile(r"(?P<name>(?:(?:Rep|Sen|Gen|Lt|Col|Dr|Mr|Mrs|Ms|Prof)\.\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]+){1,3})"
                      r"\s+(?:of|from)\s+(?P<tail>(?:the\s+)?[^,]{3,80})$")
_TITLED_NAME = re.compile(r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*\s+){1,4}(?:[a-z][\w\-]*\s+){0,3}?(?:spokes(?:man|woman|person)|"
                          r"secretary|minister|adviser|advisor|director|chief|head|official|ambassador|envoy|"
                          r"commander|general|lawmaker|analyst|researcher|expert)\s+"
                          # (a rank abbreviated between: "SSO spokesman Col. Oleksandr Kindratenko")
                          r"(?:(?:Col|Gen|Lt|Maj|Capt|Sgt|Adm|Cmdr|Dr)\.\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]+\s*){2,3}")
# "N. Korea believed to have shipped ...", "Kim said to have ordered ...": the subject is what is believed,
# not who believes it
PASSIVE_AFTER = re.compile(r"[a-z]+(?:ed|id)\s+to\s+(?:have|be)\b")
# after the comma of a lead-in: "the respected Comrade X", "he"
_AFTER_LEAD = re.compile(r"\s+(?:(?P<pron>he|she)\b|(?:(?:the|a|an)\s+)?(?:[a-z][\w\-]*\s+){0,2})")
_LEAD_IN = frozenset("in at on from during after before since inside outside across near".split())
_PARTICIPLE = re.compile(r"(?:asked|pressed|questioned|speaking|responding|writing|talking|referring|commenting|"
                         r"answering|reacting|addressing)\b")
# a name that ends a clause ("That warning came from Selin Aydın", "those were the words of Oleh Kravets")
_CLAUSE_END_NAME = re.compile(r"(?-i:\b(?:from|of|by|with|to|for)\s+((?:[A-ZÀ-Þ][\w'’\-]+\s+){1,3}[A-ZÀ-Þ][\w'’\-]+))$")
# where a body sits ("Russia's embassy in Wellington"): part of its name, not another party
_AMONG_WAS = re.compile(r"(?:Among|Alongside|With)\s+(?:them|those|the\s+\w+)(?:\s+(?:at|in|on|from|who|outside|inside)\s+[^,.;:“”\"]{1,40}?)?"
                        r"\s+(?:was|were|is|are|stood|sat)\s+")   # ("Among those at the rally was Ji-hyun Laurier")
_NAME_JOINERS = frozenset("for of the and on to in".split())
# (and the body a mission is accredited to: "Russia's mission to the EU", "its delegation to the OSCE")
_PLACE_TAIL = re.compile(r"(?:in|at|to(?:\s+the)?)\s+(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.\-]+)(?:\s+(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.\-]+)){0,2}")
# letters standing for a body: "IISS", "RUSI", "CSIS", "G20" (three to six: never "I" or a two-letter state code)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{2,5}")
# a relative clause that brings its own subject ("a video in which one of the prisoners says")
_CLAUSE_WITH_SUBJECT = re.compile(r"\b(?:in|on|at|during|from)\s+which\s+|\bwhere\s+(?=[A-Za-z])", re.I)
# what follows the last verb of saying in a subject phrase: the subject of its that-clause ("said the second
# soldier [had told]")
_AFTER_SAYING = re.compile(r"\s+(?:that\s+)?(?P<np>(?:the|a|an|one|two)\s+[^,;:“”\"]+?)\s*$", re.I)
# "the agency" after "the Finnish intelligence service": news writing varies the word for one body
_AGENCY_HEADS = ("agency", "service", "directorate")
_BARE_AGENCY = frozenset(("the", "this", "that", "same", "intelligence", "spy", "security"))
_PAREN = re.compile(r"\s*\([^()\n]{1,80}\)")
_PRONOUN_END = re.compile(r"(?:^|[\s,;:”\"])(?:he|she|it|they|we|i|He|She|It|They|We|I)(?:\s+(?:also|then|later|again))?\s*$")
CLAUSE_END_RE = re.compile(r"[,;:]|(?<![A-ZÀ-ÖØ-ÞĀ-Ž])\.(?=\s|$)")
PREPS = frozenset("of at from for to in with who which on by".split())
# How far back an attribution is looked for: a speech verb's subject within this many characters, at most
# this many verbs tried, antecedents within this many sentences.
MAX_CONTEXT = 400
MAX_VERBS = 8
# A comma-set aside between a subject and its verb ("two guards, speaking to reporters at the crossing,
# said"; "an official, who declined to be named, said") is not the subject: the chunk before it is.
_ASIDE = re.compile(r"^\s*(?:who|whom|whose|which|speaking|talking|writing|asking|requesting|briefing)\b", re.I)
# an occasion set off by commas between a subject and its verb: "X, in a statement released through KCNA, said"
OCCASION_ASIDE = re.compile(r"\s*(?:in|at|during|through|via)\s+(?:a|an|the|its|his|her|their)\s+", re.I)
MAX_SENTENCES = 12
MAX_CANDIDATES = 200


# a participle phrase opening a sentence before its subject: "Citing media reports, she said", "Speaking to
# reporters on Monday, the minister said", "Asked about the losses, Kim said"
_OPENING_PARTICIPLE = re.compile(r"(?:[-*•·–]\s+)?(?:Citing|Quoting|Speaking|Asked|Responding|Referring|Writing|Addressing|Talking|"
                                 r"Pressed|Answering)\b[^,;.“”\"]{0,120},\s*")


_BULLET = re.compile(r"[-*•·–]\s+")
_ACRONYM_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]{2,6}")
_NEG_BEFORE = re.compile(r"\b(?:never|not|no\s+longer|n['’]t)\s+(?:\w+ly\s+)?$", re.I)
# an aside that gives the only name a source would give: "who gave his name only as Captain Andriy", "identified
# only by his first name, Oleh"
_GAVE_NAME = re.compile(r"(?:,\s+|\s+(?=who\s)|\s+and\s+(?=asked\s))(?:who\s+)?(?:gave\s+(?:his|her|their)\s+(?:first\s+)?name\s+(?:only\s+)?as|"
                        r"(?:asked\s+to\s+be\s+)?identified\s+only\s+(?:as|by\s+(?:his|her)\s+(?:first|given|last|family|sur)\s*name,?)|"
                        r"known\s+only\s+as|(?:who\s+)?(?:goes|went)\s+by)\s+(?:(?:Captain|Capt\.|Lieutenant|Lt\.|"
                        r"Sergeant|Sgt\.|Major|Maj\.|Colonel|Col\.|Private|Pvt\.)\s+)?[\"“']?(?P<name>[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]+)[\"”']?"
                        # ("... only as Sergei and who fought next to a North Korean unit": a second relative clause)
                        r"(?:\s+and\s+(?:who|had|has)\s[^,.;:“”\"]{1,120}?)?\s*,?\s*$")
_PARTY_LIST = re.compile(r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'-]*)?,\s+)+(?P<last>(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'-]*\s+){1,2}(?:and|or)\s+.+)")
_QUOTED_CALL_SIGN = re.compile(r"\bcall[- ]?sign\s+[“\"‘'][^”\"’'\n]{1,30}[”\"’']\s*$")
_CALL_SIGN = re.compile(r"\bcall[- ]?sign\s+[\"'‘“]?(?P<cs>[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*(?:\s+(?!(?:From|Of|In|With)\b)[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*)?)"
                        r"[\"'’”]?(?:\s+(?:from|of|in|with|at|serving\s+(?:in|with))\s+[^,;.]{2,80})?\s*$")
_WHAT_SUBJECT = re.compile(r"\bwhat\s+((?:he|she|they|it|[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]+){0,2}))\s*$")
# an opening participle phrase: "Visiting the ministry on Monday, " ("Beijing officials" is no participle)
ING_OPEN = r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]+ing\s+(?:the|a|an|to|with|at|in|on|from|for|about|his|her|their|its|reporters)\b"
_ING_LEAD = re.compile(r"(?:[-*•·–]\s+)?" + ING_OPEN + r"[^,;.“”\"]{0,120},\s*")


def _lead_in(text: str, s: int, e: int) -> re.Match | None:
    """A participle phrase opening text[s:e] before its subject ("Citing media reports, ", "Visiting the ministry
    on Monday, "), or None."""
    return _OPENING_PARTICIPLE.match(text, s, e) or _ING_LEAD.match(text, s, e)


class Resolver:
    def __init__(self, text: str, registry: Registry, spans: list[tuple[int, int]] | None = None, author: str = "",
                 publisher: str = ""):
        self.text = text
        self.author = author
        self.publisher = publisher
        self.reg = registry
        self.names = Names(registry)
        self.lex = lexicon()
        self._np_memo = memo(registry)["np"]
        self._np_context_free = True
        self.spans = spans if spans is not None else sentence_spans(text)
        self.scans = SpanScans(text)
        self.starts = [s for s, _ in self.spans]
        self.events: list[Speaker] = []          # speakers and claimants, in text order
        self._event_in: dict[int, Speaker] = {}  # sentence index -> latest event in it
        self._subjects: dict[int, Speaker | None] = {}
        self._entities: EntityIndex | None = None
        self._depth = 0
        self._in_pronoun = False
        self._last_document: tuple[int, Speaker] | None = None   # ("the statement said": its issuer, for "it said")
        self._gender: dict[str, str] = {}    # name -> "m" / "f", once a pronoun or a title has shown it
        self._titles: dict[tuple, Speaker | None] = {}
        self._transcript: bool | None = None
        self._turn_names: set[str] | None = None
        self._labelling = False
        self._full_labels: list[tuple[int, Speaker]] | None = None
        self._guest: list[Speaker | None] = []
        self._byline: Speaker | None | bool = False     # False: not looked for yet
        self._cased: set[str] | None = None

    # -- sentences and state
    def sent_index(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def acronym(self, tok: str) -> bool:
        """Whether capitals `tok` stand for a body: not a word the article also writes in lower or title
        case ("TOKYO, Oct. 25" beside "Tokyo", "TIME could not verify" beside "time")."""
        if not _ACRONYM.fullmatch(tok) or tok.lower() in self.lex.not_names:
            return False
        if self._cased is None:
            self._cased = {w.lower() for w in re.findall(r"[A-Za-z]*[a-z][A-Za-z]*", self.text)}
        return tok.lower() not in self._cased

    @property
    def entities(self) -> EntityIndex:
        if self._entities is None:
            self._entities = EntityIndex(self.text, self.names, self.reg)
        return self._entities

    def add_event(self, sp: Speaker, pos: int) -> Speaker:
        """Record that `sp` spoke (or claimed) at pos; the next pronoun or title prefers it."""
        ev = sp.at(pos, subject=True)
        self.events.append(ev)
        si = self.sent_index(pos)
        cur = self._event_in.get(si)
        if cur is None or cur.pos <= pos:
            self._event_in[si] = ev
        self._subjects.setdefault(si, ev)
        return ev

    def set_subject(self, si: int, sp: Speaker) -> None:
        self._subjects[si] = sp

    def lookup(self, phrase: str):
        return self.names.lookup(phrase)

    def parse_named(self, run: str, pos: int) -> Speaker | None:
        return self.names.parse_named(run, pos)

    def _recent_events(self, pos: int):
        """Events before pos, newest first, at most MAX_CANDIDATES."""
        n = 0
        for sp in reversed(self.events):
            if sp.pos < pos:
                yield sp
                n += 1
                if n >= MAX_CANDIDATES:
                    return

    # -- parse a subject phrase
    def parse_np(self, np: str, pos: int) -> tuple[str, Speaker | None]:
        """-> (how, speaker). how names the rule; speaker None when nothing usable.

        Phrases that name their speaker outright (a registered or full name, an anonymous description)
        or name nobody mean the same in any article, so they are memoised per registry; references
        (pronoun, surname, title, report) depend on the article and are resolved each time.
        """
        hit = self._np_memo.get(np)
        if hit is not None:
            how, t = hit
            return how, (None if t is None else t.at(pos))
        outer = self._np_context_free
        self._np_context_free = True
        how, sp = self._parse_np(np, pos)
        if sp is not None and not sp.actor_id and sp.name.startswith("unnamed: ") and _VERBISH.search(sp.name[9:]):
            how, sp = "", None   # "South Korean defense shares rallied on Tuesday after ...": a clause, not a source
        free = self._np_context_free
        self._np_context_free = outer and free
        if free and len(self._np_memo) < 200_000 and how in ("", "registry", "name", "anonymous"):
            self._np_memo[np] = (how, None if sp is None else replace(sp))
        return how, sp

    def _parse_np(self, np: str, pos: int) -> tuple[str, Speaker | None]:
        lex = self.lex
        # a parenthesis names no one new: "Rep. Dan Whitfield (R-Ohio)", "the Security Service (SBU)"
        np = _PAREN.sub("", np) if "(" in np else np
        # a footnote mark ("U.S. officials[2]"), a party-state tag ("Rep. Gary Fulkerson, R-Tenn.,") and a
        # possessive ending ("the British Defence Ministry's") name no one
        np = _NP_NOISE.sub("", np)
        np = DATELINE_PREFIX.sub("", np)
        if np.rstrip(" ,.")[-1:].isupper():
            kept = without_post_nominals(np.split())    # "SNP defence spokesperson Alasdair Finlay MP"
            np = " ".join(kept) if len(kept) < len(np.split()) else np
        np = _BULLET.sub("", np.lstrip(), count=1) if np.lstrip()[:1] in "-*•·–" else np    # "* Kremlin spokesman ..."
        lead = CONTRACTED.match(np)
        np = np[lead.end():] if lead else np      # "I'm Rachel Dunmore": the name after it
        if _SPOKES_FOR.match(np):
            # "A spokeswoman for Foreign Minister Penny Wong said": the spokeswoman, not the minister she speaks for
            desc = re.sub(r"^(?:an?|one)\s+", "", " ".join(np.split()), flags=re.I)
            return "anonymous", Speaker(unnamed(desc), "anonymous", "", desc, self._country_in(desc), "", pos)
        cs = _CALL_SIGN.search(np)
        if cs:
            # "a Ukrainian artillery battalion commander with the call sign 'Bereh'": the call sign is the name
            # the article gives him
            role = re.sub(r"^(?:a|an|the)\s+|\s+(?:with|who\s+(?:goes|went)\s+by|using|under)(?:\s+the)?$", "",
                          " ".join(np[:cs.start()].split()))
            role = " ".join((role + " " + np[cs.end("cs"):].strip(" \"'’”")).split())
            return "call-sign", Speaker(cs.group("cs").strip("’'\""), "person", "", role, self._country_in(role), "", pos)
        kin = _kin_lead().match(np)
        if kin:
            np = np[kin.end():]     # "His sister Kim Yo-jong": the name after the relation
        hp = _HEARD.match(np)
        if hp:
            np = hp.group(1)   # "this Council heard the Russian delegation [dismiss ...]": the one heard speaks
        m = _VERB_AND.match(np) or _ISSUED.match(np)
        if m:
            np = m.group(1).strip()   # "Russian President Vladimir Putin thanked Kim Jong Un and [said]": its subject
        if _COUNT_IN.search(np.rsplit(",", 1)[-1] if "," in np.rstrip(" ,") else np):
            # ("The figure of 10,000 soldiers, Zhang said": the count is in the clause before the subject)
            # "a force of 3,000 marines said": a count is what is said, not who says it (an aside before the
            # subject may hold one: "Pressed on Seoul's estimate of 3,000, the spokeswoman said")
            return "", None
        np = re.sub(r"['’]s$", "", np.rstrip()) if np.rstrip().endswith(("'s", "’s")) and " " in np.strip() else np
        np = np.strip(" ,;:—–-\t")
        np = re.sub(r"^(?:according\s+to|per)\s+", "", np, flags=re.I)
        # ("When the young man in the video says, '...'": the subordinator is no part of who speaks)
        np = re.sub(r"^(?:When|As|If|After|Before|While|Once|Because|Although|Though)\s+(?=(?:the|a|an)\s)", "", np)
        np = LEAD.sub("", np)
        np = LEAD_TIME.sub("", np)
        np = AUX.sub("", np)
        np = TRAIL_TIME.sub("", np).strip(" ,")
        lst = _PARTY_LIST.fullmatch(np.strip())
        if lst:
            # "U.S., Ukrainian and South Korean officials": the officials of all of them, not the first named
            how, sp = self.parse_np(lst.group("last"), pos)
            if sp is not None and sp.kind == "anonymous":
                desc = " ".join(np.split())
                return "anonymous", Speaker(unnamed(desc), "anonymous", "", desc, "", "", pos)
        named = _org_named().match(np.strip())
        if named and not self.lex.demonym(named.group("name").split())[1]:
            # "the think tank Janes", "the Telegram channel Severny Veter": the name after the description
            how, sp = self.parse_np(named.group("name"), pos)
            if sp is not None and how in ("registry", "name") and sp.kind != "person":
                return how, sp
            role = " ".join(named.group("desc").split())
            return "described-org", Speaker(named.group("name"), "organization", "", role,
                                            self._country_in(role), "", pos)
        if not np or len(np) > 160:
            return "", None
        both = _BOTH.fullmatch(np)
        if both and self.lookup(np) is None:
            # "Seoul and Washington", "the United States and South Korea": a claim two governments or
            # bodies make together is both's, under both names (not the last one's alone)
            parts = [self.parse_np(both.group(g), pos)[1] for g in ("a", "b")]
            if all(p is not None and p.kind in ("government", "organization") and (p.actor_id or p.kind == "organization")
                   for p in parts) and parts[0].name != parts[1].name:
                a, b = parts
                kind = "government" if a.kind == b.kind == "government" else "organization"
                return "registry", Speaker(f"{a.name} and {b.name}", kind, "", "", "", "", pos)
        low = np.lower()
        if low in lex.pronouns and not (np.isupper() and len(np) > 1):   # "US puts 8,000 ...": not "us"
            return "pronoun", self.resolve_pronoun(low, pos)
        words = np.split()
        if len(words) > 2 and words[0].lower() in _LEAD_IN and words[-1] == "I" and "," not in np:
            # "In the drone footage I count ...": a lead-in phrase without its comma, then the writer (or the
            # turn's speaker); never a guess from the sentences before
            self._np_context_free = False
            return "pronoun", self.label_speaker(pos) or self.byline(pos)
        if len(words) in (3, 4, 5) and words[0].lower() in _LEAD_IN | {"within", "by"} and \
                words[-1].lower() in ("he", "she", "it", "they") and "," not in np:
            # "Within a week it had raised the figure", "By January they put it at ...": a time phrase without
            # its comma, then the pronoun
            return "pronoun", self.resolve_pronoun(words[-1].lower(), pos)
        if low.startswith(("its ", "their ")) and len(words) in (2, 3, 4) and "," not in np and \
                lex.titles.get(words[-1].lower()) != "person":
            # "Its defence ministry claims ...", "Their spy agency said": the body of the organisation or
            # country the pronoun stands for ("Russia" -> "Russia's defence ministry")
            ante = self.resolve_pronoun("it" if low.startswith("its ") else "they", pos)
            if ante is not None and ante.kind in ("government", "organization") and not ante.name.startswith("unnamed"):
                how, sp = self.parse_np(f"{ante.name}'s {' '.join(words[1:])}", pos)
                if sp is not None and sp.name != ante.name:     # (a body of it, not it again)
                    return how, sp
        if len(words) > 14 and ("," not in np or len(words) > 30 or self._has_verb(np)):
            return "", None   # (an appositive may be long: "Kang, a former officer who defected in 2016,")
        if any(ch.isupper() for ch in np) and lex.outlet(np) and not self.lookup(np):
            # "CNN reported": a news outlet speaking on its own authority (whom it cites goes to `source`)
            return "outlet", Speaker(lex.outlet(np), "organization", "", "news outlet", "", "", pos)
        # appositive subject: "Name, the title," / "Name, who ..., "
        if "," in np:
            # a lead-in place or time ("In Washington, spokesman X") is not the subject
            # and neither is an aside ("Asked by reporters whether ..., he replied")
            chunks = [c.strip() for c in np.split(",") if c.strip()]
            if len(chunks) > 1 and chunks[0].split()[0].lower() in _LEAD_IN:
                chunks = chunks[1:]
            chunks = [c for c in chunks if not _PARTICIPLE.match(c.lower())]
            for i, c in enumerate(chunks):
                how, sp = self.parse_np(c, pos)
                if sp is not None and how in ("name", "registry") and sp.kind != "person" and i + 1 < len(chunks) and \
                        re.sub(r"^(?:the|a|an)\s+", "", c, flags=re.I).split()[0].lower().strip(".,") in \
                        lex.person_titles | lex.role_words:
                    # "the Commander-in-Chief of the Armed Forces of Ukraine, Oleksandr Syrskyi": an office, then
                    # the person who holds it
                    how2, sp2 = self.parse_np(chunks[i + 1], pos)
                    if sp2 is not None and sp2.kind == "person" and how2 in ("name", "registry"):
                        sp2.role = sp2.role or re.sub(r"^(?:the|a|an)\s+", "", c, flags=re.I)
                        return how2, sp2
                if sp is not None and how in ("name", "registry"):
                    if len(chunks) > 1 and sp.kind == "person" and not sp.role:
                        for c2 in chunks[1:]:
                            if c2.split()[0].lower() in ("the", "a", "an"):
                                sp.role = c2.split(None, 1)[1] if " " in c2 else c2
                                break
                    return how, sp
            if len(chunks) > 1 and chunks[-1].split()[0].lower() in ("a", "an", "the"):
                # "That warning came from Selin Aydin, a security analyst at ..., who said": the description
                # is the apposition of the name that ends the clause before it, not a second, unnamed speaker
                tail = _CLAUSE_END_NAME.search(chunks[-2])
                sp = self.parse_named(tail.group(1), pos) if tail else None
                if sp is not None and sp.kind == "person" and len(sp.name.split()) >= 2:
                    sp.role = sp.role or chunks[-1].split(None, 1)[1]
                    return "name", sp
            for c in (chunks[-1:] + chunks[:1]) if chunks else ():
                if c != np:
                    how, sp = self.parse_np(c, pos)
                    if sp is not None:
                        return how, sp
            return "", None
        if _PARTICIPLE.match(low):
            return "", None   # "Asked by reporters whether ...", "Speaking in Seoul": an aside, not a subject
        first = words[0].lower()
        m = _NAME_OF.search(np)
        if m and m.start("name") < len(np):
            # "Rep. Park Sun-won of the main opposition Democratic Party", "spokesman Ivo Marek of the Coastal
            # Guard": the person, speaking for the body after "of"
            head = np[:m.end("name")]
            how, sp = self.parse_np(head, pos) if m.start("name") else (None, self.parse_named(head, pos))
            if sp is not None and sp.kind == "person" and len(sp.name.split()) >= 2:
                sp.organisation = sp.organisation or re.sub(r"^the\s+", "", m.group("tail"))
                return ("registry" if sp.actor_id else "name"), sp
        if first in _PART_OF and len(words) == 3 and words[1].lower() == "of" and words[2].lower() == "them":
            # "Two sources close to the ministry told Meduza ... One of them said": a member of the unnamed group
            # "they" stands for (after "the SBU said the prisoners ...", one of them is no one we can name)
            # (only the group that spoke in the sentence just before: "They were both wounded" in between means
            # the prisoners, whoever spoke earlier)
            self._np_context_free = False
            si = self.sent_index(pos)
            sp = self._event_in.get(si - 1) if si > 0 else None
            sp = sp if sp is not None else self.subject_of(si - 1) if si > 0 else None
            if sp is None or sp.kind != "anonymous" or not sp.role or \
                    sp.role.split()[0].lower() not in self.text[slice(*self.spans[si - 1])].lower():
                return "", None     # (named in that sentence, not reached through its "they")
            return "anonymous", sp.at(pos)
        if first in _PART_OF and len(words) > 2 and words[1].lower() == "of":
            # "one of the officials": one of a group the article named before
            rest = words[3:] if words[2].lower() in ("the", "those", "these") else words[2:]
            if rest and rest[0].lower() in _PART_OF | {"three", "four", "five", "six"}:
                rest = rest[1:]     # "one of the two prisoners"
            cut = next((k for k in range(1, len(rest)) if CAP.match(rest[k]) and
                        lex.titles.get(rest[k - 1].lower().removesuffix("s")) == "person"), 0)
            rest = rest[:cut] if cut else rest   # "... prisoners Ukraine captured this month": a clause
            how, sp = self.parse_np("the " + " ".join(rest), pos)
            if sp is not None and first == "one" and sp.kind == "anonymous":
                # one of them is one person: "unnamed: prisoner", not "prisoners"
                desc = " ".join(w[:-1] if w.endswith("s") and w[:-1].lower() in lex.titles else w
                                for w in sp.role.split())
                sp = Speaker(unnamed(desc), "anonymous", "", desc, sp.country, "", sp.pos)
            if sp is not None:
                return how, sp
        if first in lex.not_names and len(words) > 1 and CAP.match(words[1]) and first not in ("the", "a", "an") \
                and not first_name_jan(words, 0):
            return self.parse_np(" ".join(words[1:]), pos)
        # registry: whole phrase or a suffix of it
        for i in range(len(words)):
            if i and words[i - 1].lower() in PREPS:
                break   # "officials in Seoul", "lawmakers briefed by the NIS": the head is before the preposition
            a = self.lookup(" ".join(words[i:]))
            if a is not None:
                if i and first in lex.anon:
                    break
                role, country = self.names.premods(words[:i])
                if country and a.country and country != a.country:
                    continue
                sp = from_actor(a, pos, role, country)
                if a.kind != "person":
                    self._np_context_free = False
                    return "registry", self._spokesperson_for(sp, pos) or sp
                return "registry", sp
        if len(words) == 1 and (lex.demonym(words)[1] or possessive(words[0])):
            return "", None
        if len(words) == 1 and low in lex.titles:   # "Officials said", "Experts say"
            if lex.titles[low] == "person":
                desc = np if any(ch.isupper() for ch in np[1:]) else low    # "MPs", not "mps"
                return "anonymous", Speaker(unnamed(desc), "anonymous", "", desc, "", "", pos)
            return "", None
        if all(CAP.match(w) or w.lower() in ("of", "for", "the", "to", "and") for w in words):
            acr = words[-1] if words[-1].isupper() and len(words) <= 2 else ""
            if acr:
                # whether "the SBU" is anyone depends on the article defining it: never memoised across
                # articles (one that does not define it would leave "nobody" for one that does)
                self._np_context_free = False
            if acr and acr in self.entities.acronyms:   # "the SSO" after "Special Operations Forces (SSO)"
                return "acronym", self.entities.acronyms[acr].at(pos)
            if len(words) == 1 and CAP.match(words[0]):
                if first in lex.not_names:
                    return "", None
                if words[0] in countries() or words[0] in CAPITALS:
                    # "Denmark has pledged ...", "Ottawa believed ...": a government
                    return "name", self.parse_named(words[0], pos)
                sp = self.resolve_surname(words[0], pos)
                if sp is None and words[0].isupper():
                    sp = self.resolve_surname(words[0].title(), pos)   # "PUTIN SAYS" in a capitalised headline
                    sp = sp if sp is not None and sp.kind == "person" and len(name_parts(sp.name)) > 1 else None
                if sp is None and acr and self.acronym(acr):
                    # "RUSI said", "IISS assesses that": a body known by its letters, which the article need
                    # not spell out (no person is called by capitals alone)
                    return "acronym", Speaker(acr, "organization", "", "", "", "", pos)
                return "surname", sp
            if acr and first == "the" and len(words) == 2 and self.acronym(acr):
                return "acronym", Speaker(acr, "organization", "", "", "", "", pos)    # "The IISS assesses"
            sp = self.parse_named(np, pos)
            if sp is not None:
                if sp.kind == "person" and len(sp.name.split()) == 1:
                    return "surname", self.resolve_surname(sp.name, pos)
                if sp.kind != "person":
                    full = self._full_org(sp, pos)
                    if full is not None:
                        return "name", full
                    return "name", self._spokesperson_for(sp, pos) or sp
                return "name", sp
        # a title then a name: "Kremlin spokesman Dmitry Peskov", "Pentagon press secretary Jane Roe"
        k = len(words)
        while k > 0 and CAP.match(words[k - 1]) and lex.titles.get(words[k - 1].lower().strip(".")) != "person" \
                and words[k - 1].lower().strip(".") not in lex.role_words:
            k -= 1
        before = words[k - 1].lower().strip(".,") if k > 0 else ""
        if len(words) - k == 1 and k > 0 and (lex.titles.get(before) == "person" or before in lex.role_words) and \
                words[-1].lower() not in lex.not_names:
            # "Vice Minister Kim", "Ambassador Zinoviev", "Dr Brennock": the surname of a person the article names
            # in full
            sp = self.resolve_surname(words[-1], pos)
            if sp is not None and len(name_parts(sp.name)) > 1:
                return "surname", sp
        if len(words) - k >= 2 and k > 0 and (lex.titles.get(before) == "person" or before in lex.role_words):
            sp = self.parse_named(" ".join(words[k:]), pos)
            if sp is not None and sp.kind == "person":
                if sp.actor_id:
                    return "registry", sp
                role, country = self.names.premods(words[:k])
                if not country:
                    for w in words[:k]:
                        a = self.lookup(w)
                        if a is not None and a.country:
                            country = a.country
                            break
                sp.role = sp.role or " ".join(w for w in role.split() if not possessive(w))
                sp.country = sp.country or country
                if not sp.organisation:
                    owner = next((w for w in words[:k] if possessive(w) or CAP.match(w)), "")
                    a = self.lookup(owner) if owner else None
                    if a is not None and a.kind != "person":
                        sp.organisation = a.name
                return "name", sp
        if k > 1 and words[k - 1].lower() in ("of", "the") and len(words) - k >= 3 and \
                any(lex.titles.get(w.lower().strip(".,")) == "person" for w in words[:k]):
            # "Deputy Secretary of the Treasury Wally Adeyemo", "Minister of Defence Andrei Belousov": the
            # office's one-word body ends the title, the name follows it
            sp = self.parse_named(" ".join(words[k + 1:]), pos)
            if sp is not None and sp.kind == "person" and len(name_parts(sp.name)) > 1:
                if sp.actor_id:
                    return "registry", sp
                sp.role = sp.role or " ".join(words[:k + 1])
                return "name", sp
        if k > 0 and possessive(words[k - 1]) and len(words) - k >= 1 and words[-1].lower() not in lex.not_names:
            # "The opposition's Baek Ji-hoon", "Ukraine's Zelensky": a person under an owner's possessive
            sp = self.parse_named(" ".join(words[k:]), pos) if len(words) - k >= 2 else \
                self.resolve_surname(words[-1], pos)
            if sp is not None and sp.kind == "person" and (len(words) - k >= 2 or len(name_parts(sp.name)) > 1):
                return ("name" if len(words) - k >= 2 else "surname"), sp
        # description with a title head noun; the head comes before a prepositional tail: "official at the
        # defence ministry", "representative to the UN", "spokesperson for the Kremlin"
        # (not "of" inside a name: "A Ministry of National Defense official" is an official)
        cut = next((i for i, w in enumerate(words) if i and w.lower() in PREPS and not (
            w == "of" and words[i - 1][:1].isupper() and i + 1 < len(words) and words[i + 1][:1].isupper() and
            words[i - 1].lower() not in lex.person_titles)), len(words))
        head_i = None
        for lo, hi in ((0, cut), (0, len(words))):
            for i in range(hi - 1, lo - 1, -1):
                if words[i].lower().strip(".,’'") in lex.titles:
                    head_i = i
                    break
            if head_i is not None:
                break
        if head_i is None and cut < len(words) and first in ("a", "an", "one") and _AGE_NOUN.fullmatch(words[cut - 1]):
            # "a 29-year-old from Rolpa": an age as the noun describes a person, placed by what follows
            head_i = cut - 1
        if head_i is None:
            return "", None
        head = words[head_i].lower().strip(".,’'")
        kind = lex.titles.get(head, "person")
        if kind == "document" and first in ("the", "this", "that"):
            # "the report submitted by the Central Military Commission", "the General Staff's daily tally":
            # a definite report that names its publisher
            by = _PUBLISHED_BY.search(" ".join(words[head_i + 1:]))
            owner = next((i for i in range(head_i - 1, 0, -1) if possessive(words[i])), None)
            np_owner = by.group(1) if by else \
                " ".join(words[1:owner + 1]).removesuffix("’s").removesuffix("'s") if owner else ""
            if np_owner:
                how, sp = self.parse_np(np_owner, pos)
                if sp is not None:
                    return how, sp
            elif 1 < head_i <= 4 and all(w[:1].isupper() for w in words[1:head_i]):
                # "the NIS report", "the EEAS assessment": the body named before the document's noun
                how, sp = self.parse_np(" ".join(words[1:head_i]), pos)
                if sp is not None and sp.kind != "person":
                    return how, sp
                if head_i == 2 and _ACRONYM_WORD.fullmatch(words[1]):
                    return "acronym", Speaker(words[1], "organization", "", "", "", "", pos)
        if first in ("the", "this", "that") or (possessive(words[0]) and kind == "document") or \
                (kind == "person" and (possessive(words[0]) or lex.demonym(words)[1]) and first not in lex.anon):
            rest = words[1:] if first in ("the", "this", "that") else words
            country = lex.demonym(rest)[0] or (self.names.premods(rest)[1] if rest and possessive(rest[0]) else "")
            if kind == "document":
                doc = self.resolve_document(pos)
                if doc is not None and first == "the":
                    self._last_document = (pos, doc)
                return "report", doc
            if kind == "organization":
                # "the same agency": the agency named before
                return "org-title", self.resolve_org_title(head, " ".join(w for w in rest if w.lower() != "same"),
                                                           country, pos)
            # "the same source", "the second source": a person the article introduced without a name
            back = [w.lower() for w in rest[:2] if w.lower() in _BACK_WORDS]
            if back:
                rest = [w for w in rest if w.lower() not in _BACK_WORDS]
            ordinal = next((_BACK_WORDS[w] for w in back if _BACK_WORDS[w]), 0)
            sp = None if ordinal else self.resolve_title(head, country, pos, " ".join(rest))
            if sp is not None:
                return "title", sp
            if kind == "person" and first == "the":
                self._np_context_free = False
                if head in _ANY_PERSON and head_i == len(words) - 1:
                    # "the man", "the young woman": whoever the article last introduced without a name (a
                    # captured soldier, a nurse), of no other gender; the description we have says more ("the
                    # woman across the table" describes someone new)
                    g = "m" if head == "man" else "f"
                    sp = self.entities.unnamed_before(lex.person_titles, pos, ordinal)
                    if sp is not None and not self._gender_conflict(sp, g):
                        return "unnamed-before", sp.at(pos)
                    sp = None
                else:
                    sp = self.entities.unnamed_before(_head_class(head), pos, ordinal)
                pre = {w.lower() for w in rest[:rest.index(words[head_i])]} if words[head_i] in rest else set()
                # the words before the title must be the introduced one's too ("the captured rifleman" is
                # not "a 26-year-old rifleman" for us: the description we have would lose what we know)
                if sp is not None and pre <= set(re.findall(r"[\w'’\-]+", sp.role.lower())):
                    return "unnamed-before", sp.at(pos)
                if not ordinal:
                    sp = self._current_speaker(pos, head)
                    if sp is not None:
                        return "title-current", sp
            desc = " ".join(rest)
            return "anonymous", Speaker(unnamed(desc), "anonymous", "", desc, country, "", pos)
        if kind == "document":
            by = _PUBLISHED_BY.search(" ".join(words[head_i + 1:]))
            if by:   # "the report submitted by the Central Military Commission"
                how, sp = self.parse_np(_NP_STOP.split(by.group(1), maxsplit=1)[0], pos)
                if sp is not None:
                    return how, sp
            owner = [w for w in words[:head_i] if w.lower() not in ("the", "a", "an", "new", "latest", "its", "their",
                                                                    "own", "official", "daily", "updated", "internal",
                                                                    "confidential", "classified", "leaked", "secret",
                                                                    "recent", "annual", "revised", "fresh")]
            if owner:
                how, sp = self.parse_np(" ".join(owner).removesuffix("’s").removesuffix("'s"), pos)
                if sp is not None and not (how == "surname" and " " not in sp.name):
                    return how, sp     # ("Western estimates": an adjective, not a Mr Western)
                if len(owner) == 1 and _ACRONYM_WORD.fullmatch(owner[0].removesuffix("’s").removesuffix("'s")):
                    # "an internal EEAS assessment": a body known by its initials owns it
                    acr = owner[0].removesuffix("’s").removesuffix("'s")
                    return "acronym", Speaker(acr, "organization", "", "", "", "", pos)
            if words[head_i].lower().endswith("s") and first not in ("the", "this", "these", "its", "their") and \
                    len(words) <= 7 and not any(w.lower() in ("the", "a", "an", "these", "those") for w in words[1:head_i]):
                desc = " ".join(words)   # "social media posts say", "intelligence estimates put ..."
                return "anonymous", Speaker(unnamed(lower_first(desc)), "anonymous", "", desc, "", "", pos)
            return "report", self.resolve_document(pos)
        if kind == "organization":
            if first in lex.anon or possessive(words[0]) or CAP.match(words[0]):
                desc = " ".join(words[1:] if first in lex.anon else words)
                for w in words[1:]:
                    if w.lower() in ("in", "at"):
                        break    # "North Korea's embassy in Moscow" is not Moscow's
                    a = self.lookup(w) if CAP.match(w) else None
                    if a is not None and a.kind in ("organization", "government"):
                        return "registry", from_actor(a, pos)
                owner = next((k for k in range(min(3, len(words) - 1)) if possessive(words[k])
                              and all(CAP.match(w) for w in words[:k])), -1)
                # ("Ukraine's Coordination Headquarters for the Treatment of Prisoners of War": a body's proper
                # name, however long, after the country that owns it)
                proper = owner >= 0 and words[head_i][:1].isupper() and \
                    all(w[:1].isupper() or w.lower() in _NAME_JOINERS for w in words[owner + 1:])
                if (owner >= 0 or lex.demonym(words)[1]) and first not in lex.anon and \
                        (len(words) <= 6 or proper and len(words) <= 14) and \
                        not any(ch.isdigit() for ch in np) and (head_i == len(words) - 1 or proper or _PLACE_TAIL.fullmatch(
                            " ".join(words[head_i + 1:]))):
                    # "Ukraine's military intelligence agency", "Seoul's military", "Russia's embassy in
                    # Wellington": one definite institution, named as the article names it
                    country = self.names.premods(words)[1]
                    return "org-description", Speaker(desc, "government" if head in ("government", "military", "army")
                                                      else "organization", "", desc, country, "", pos)
                return "org-description", self.resolve_org_title(head, desc, lex.demonym(words)[0], pos, definite=False)
            return "", None
        inner = next((i for i in range(head_i - 1, 0, -1) if words[i].lower() in lex.anon), 0)
        if inner and words[inner - 1][:1].islower():
            # "Reporters met a source close to the navy": the description starts at its own marker
            return self.parse_np(" ".join(words[inner:]), pos)
        if first in lex.anon or possessive(words[0]) or words[head_i].lower().rstrip(".,").endswith("s") or \
                words[head_i].lower() in _PLURALS or \
                words[-1].lower().endswith("s") or CAP.match(words[0]):
            desc_words = words[1:] if first in lex.anon else words
            while desc_words and (desc_words[0].lower() in lex.anon or desc_words[0].lower() in _POSSESSIVE_DET):
                desc_words = desc_words[1:]
            desc = " ".join(desc_words)
            country = next((c for i in range(len(desc_words)) for c in (lex.demonym(desc_words[i:])[0],) if c), "")
            if not country and desc_words and possessive(desc_words[0]):
                a = self.lookup(desc_words[0])
                country = a.country if a is not None else ""
            sp = self._only_named(words[head_i].lower().strip(".,’'"), country, pos, desc_words[:-1] if
                                  desc_words and desc_words[-1] == words[head_i] else None)
            if sp is not None:
                return "title", sp
            sp = self._member_of(words[head_i].lower().strip(".,’'"), desc, pos)
            if sp is not None:
                return "title", sp
            self._np_context_free = False    # the article's own mentions decide
            # (pos is the phrase's start or, from a verb's frame, the verb's: look on both sides)
            full = self.entities.unnamed_within(_head_class(words[head_i].lower().strip(".,’'")), pos - 250,
                                                pos + len(np), desc.split(",")[0])
            plain = " ".join(w for w in desc.replace(",", " ").split() if w.lower() not in _BACK_WORDS)
            if full is not None and len(full.role) >= len(plain):
                return "anonymous", full.at(pos)
            return "anonymous", Speaker(unnamed(desc), "anonymous", "", desc, country, "", pos)
        return "", None

    # -- the speaker a speech verb gives
    def np_verb(self, context: str, offset: int, max_words: int = 14, skip_pronouns: bool = False,
                nearest: bool = False, skip_negated: bool = False):
        """First speech verb in context whose preceding words parse as a speaker -> (speaker, verb match, how).

        The context is cut to its last MAX_CONTEXT characters and at most MAX_VERBS verbs are tried, so
        the cost per quote or figure does not grow with the sentence.
        """
        if len(context) > MAX_CONTEXT:
            cut = len(context) - MAX_CONTEXT
            context, offset = context[cut:], offset + cut
        found = self.lex.verb_re.finditer(context)
        verbs = list(found)[::-1][:MAX_VERBS] if nearest else islice(found, MAX_VERBS)
        for vm in verbs:
            if skip_pronouns and _PRONOUN_END.search(context, max(0, vm.start() - 12), vm.start()):
                continue
            if PASSIVE_AFTER.match(context, vm.start()) or \
                    skip_negated and _NEG_BEFORE.search(context, max(0, vm.start() - 24), vm.start()):
                continue   # ('"...," and Moscow has never confirmed that ...': a negated verb after a quote says nothing)
            if vm.group(1).endswith("ed") and _DOC_BEFORE_PARTICIPLE.search(context, max(0, vm.start() - 24), vm.start()) \
                    and _PARTICIPLE_AFTER.match(context, vm.end()):
                continue   # "In a statement posted on social media, it said": a participle of the document, no subject
                # (but "The statement claimed that ..." is one)
            if vm.group(1).endswith("ing"):
                dp = _DOC_PARTICIPLE.search(context, max(0, vm.start() - 200), vm.start())
                if dp:
                    how, sp = self.parse_np(dp.group("np"), offset + dp.start("np"))
                    if sp is not None and sp.kind != "person":
                        return sp, vm, "document-by:" + how
            np = context[max(0, vm.start() - 200):vm.start()]   # a subject is never longer than this
            cut = max(np.rfind("”"), np.rfind('"'))
            if cut >= 0 and not _QUOTED_CALL_SIGN.search(np):   # (a call sign in quotation marks is a name)
                np = np[cut + 1:]
            for lab in LABEL_PREFIX.finditer(np):
                np = np[lab.end():]     # "REPORTER: The Pentagon says": the label is not the subject
                break
            colon = np.rfind(": ")
            if colon >= 0 and not np[:colon].rstrip()[-1:].isdigit():
                np = np[colon + 2:]     # "Sankei Shimbun, Mori: Russian Foreign Ministry spokeswoman Maria Zakharova has"
            rel = None
            for rel in _CLAUSE_WITH_SUBJECT.finditer(np):
                pass
            if rel is not None and np[rel.end():].strip():
                # "the SBU released a video in which one of the prisoners, a rifleman, says": the relative
                # clause has a subject of its own
                np = np[rel.end():]
            if not np.strip() or DETERMINER_END.search(np[-40:]) or np.rstrip().endswith(("’s", "'s")) or \
                    MEDIA_END.search(np[-12:]) and not vm.group(1).lower().endswith("ed"):
                continue    # "the report", "Seoul's claims", "media reports" are nouns ("media reported" is a verb)
            lead = _lead_in(np.lstrip(), 0, len(np.lstrip()))
            if lead and np.lstrip()[lead.end():].strip() and "," not in np.lstrip()[lead.end():].rstrip(" ,"):
                # "Visiting the Ministry of National Defence on February 8, he pledged": the subject follows
                # (a longer lead-in of several asides is cut below, at its last comma)
                np = np.lstrip()[lead.end():]
            named = self.named_in_aside(np, offset + vm.start())
            if named is not None:
                return named, vm, "named-aside"
            chunks = [c for c in np.split(",") if c.strip()]
            if len(chunks) > 1 and (_ASIDE.match(chunks[-1]) or OCCASION_ASIDE.match(chunks[-1]) or
                                    _AND_ASIDE.match(chunks[-1])):
                # ("A Ukrainian officer who works on the file, and who spoke on condition ..., said")
                np = np[:np.rstrip(" ,").rfind(",")]
                chunks.pop()
            issued = _ISSUED.match(np.strip()) if vm.group(1).endswith("ing") else None
            if issued:
                # "Kim Yo-jong, a vice director ..., issued a statement through KCNA on Monday denouncing": the
                # issuer, appositive and all
                how, sp = self.parse_np(issued.group(1), offset + vm.start())
                if sp is not None:
                    return sp, vm, how
            what = _WHAT_SUBJECT.search(np)
            if what:
                np = what.group(1)   # "denouncing what she called “...”": she calls it
                chunks = [np]
            last = chunks[-1] if chunks else ""
            if nearest and self._has_verb(last[-80:]):
                inner = _AFTER_SAYING.match(last, self._last_verb_end(last))
                if inner and 1 <= len(inner.group("np").split()) <= 6:
                    # "The SBU said the second soldier had told interrogators that “...”": the nearest verb's
                    # subject is the one in the that-clause, who says the quoted words
                    how, sp = self.parse_np(inner.group("np"), offset + vm.start() - len(inner.group("np")))
                    if sp is not None and sp.personlike:
                        return sp, vm, how
            if self._has_verb(last[-80:]):
                continue   # "X has called reports ...": a clause with a verb of saying is not a subject
            if len(chunks) > 1 and _COORD.match(last):
                np = last   # "She asked whether ..., and Okamura said": the coordinated clause's own subject
            elif len(chunks) > 1 and last.strip().lower() in ("he", "she", "they"):
                np = last   # "Pyongyang, she said, had little reason to stop": a parenthetical's own subject
            if len(np.split()) > max_words + 6:
                # a long lead-in ("Speaking at a meeting of ..., in New York on Monday, the envoy"): the
                # subject is the last comma-separated chunk
                tail = np.rstrip().rsplit(",", 1)
                two = np.rstrip(" ,").rsplit(",", 2)
                if len(two) == 3 and 2 <= len(two[1].split()) <= 4 and all(w[:1].isupper() for w in two[1].split()) \
                        and len(two[2].split()) <= max_words:
                    # "Responding to the capture of ..., Hana Lindqvist, Amnesty International's Deputy Regional
                    # Director for East and Southeast Asia, said:": a name and its apposition after the lead-in
                    np = two[1] + "," + two[2]
                elif len(tail) < 2 or len(tail[1].split()) > max_words:
                    continue
                else:
                    np = tail[1]
            if not np.strip():
                continue
            if skip_pronouns and AUX.sub("", LEAD_TIME.sub("", LEAD.sub("", np.strip(" ,;:—–-\t")))).strip().lower() \
                    in self.lex.pronouns:
                continue
            how, sp = self.parse_np(np, offset + vm.start())
            if len(chunks) == 3 and AGE_CHUNK.fullmatch(chunks[1]):
                chunks = [chunks[0], chunks[2]]     # "Bondarenko, 34, a former engineer from Kharkiv, said"
            if (sp is None or sp.kind == "anonymous") and len(chunks) == 2 and re.match(r"\s*(?:a|an|the)\s", chunks[1]):
                # "Marchenko, a career diplomat who took up his post in 2023, said": the name, not its appositive
                # (the name that ends a longer lead: "That is how Taras, a 34-year-old drone company commander
                # ..., describes")
                run = _TRAILING_RUN.search(chunks[0])
                lead_word = chunks[0][:run.start()].split()[-1:] if run else []
                head = run.group(0) if run and (not lead_word or lead_word[0].lower() not in _PLACE_PREPS) else chunks[0]
                how2, sp2 = self.parse_np(head, offset + vm.start())
                if sp2 is not None and sp2.kind == "person" and (how2 in ("surname", "registry") or
                                                                 how2 == "name" and " " in sp2.name) and \
                        chunks[0].split()[0].lower() not in ("in", "at", "from", "on", "near", "inside", "outside"):
                    return sp2, vm, how2    # (not "In Abuja, a senior official ...": a place, then the subject)
            if sp is not None:
                return sp, vm, how
        return None, None, ""

    def _current_speaker(self, pos: int, head: str) -> Speaker | None:
        """'"...," Sir Keir said. "...," the Prime Minister said': a title nobody in the article holds, in
        the paragraph where a named person is speaking, is that person (news writing varies the
        reference to its current speaker). Only the latest speaker of the same paragraph, never one whose
        known role is another office."""
        self._np_context_free = False
        sp = self._recent(pos, lambda s: s.personlike, limit_sentences=3)
        if sp is None or sp.kind != "person" or sp.name.startswith("unnamed:") or " " not in sp.name or \
                "\n" in self.text[sp.pos:pos] or self._gender_conflict(sp):
            return None
        role = _norm_role(sp.role)
        if role.strip() and not _role_has(role, _head_class(head)) and \
                self.lex.titles.get(role.split()[-1]) == "person":
            return None
        return sp.at(pos)

    def named_in_aside(self, np: str, pos: int) -> Speaker | None:
        """"A Ukrainian drone unit commander in Kursk, who gave his name only as Captain Andriy,": the name the
        aside gives, with the description before it as the role; None when the aside gives none."""
        m = _GAVE_NAME.search(np)
        if m is None:
            return None
        role = re.sub(r"^(?:a|an|the)\s+", "", " ".join(np[:m.start()].split()).rstrip(" ,"), flags=re.I)
        return Speaker(m.group("name"), "person", "", role, self._country_in(role), "", pos)

    def _only_named(self, head: str, country: str, pos: int, before: list[str] | None = None) -> Speaker | None:
        """"a lawmaker said" in an article that names exactly one lawmaker (Korean wire copy introduces "a
        lawmaker" who briefed reporters on the spy agency's behalf, then names him): that lawmaker. Only for
        titles of the _LINKED_INDEFINITE classes: "a senior official" is usually someone else."""
        self._np_context_free = False
        heads = _head_class(head)
        if heads[0] not in _LINKED_INDEFINITE:
            return None
        reach = _LINKED_INDEFINITE[heads[0]]
        rest = before[self.lex.demonym(before)[1]:] if before else before    # ("a South Korean lawmaker")
        if reach is not None and (rest is None or any(w[:1].isupper() and not self.lex.demonym([w])[1] for w in rest)):
            # only a bare "a (military) spokesperson": "a Commission spokesperson", "a spokesperson for the
            # Foreign Ministry" say whose spokesperson it is, and the one named may be another body's
            return None
        found = {}
        for m, _ in self._holders(heads):
            if not country or not m.country or m.country == country:
                found.setdefault(m.name, m)
        if reach is not None and found and not all(pos < m.pos <= pos + reach for m in found.values()):
            return None
        return next(iter(found.values())).at(pos) if len(found) == 1 else None

    def _member_of(self, head: str, desc: str, pos: int) -> Speaker | None:
        """"a researcher at the Korea Institute for Defense Analyses" when the article names exactly one
        person with that title at that body, before or after ("Shin Jae-hoon—the KIDA researcher"): that
        person. The body must be named in the description and in the person's role (in full or by its
        initials); without it, "a researcher" may be anyone."""
        m = _AT_BODY.search(desc)
        if m is None:
            return None
        self._np_context_free = False
        body = m.group("body")
        caps = [w for w in body.split() if w[:1].isupper()]
        keys = {_norm_role(body)} | ({"".join(w[0] for w in caps).lower()} if len(caps) >= 2 else set())
        found = {}
        for p, role in self._holders(_head_class(head), with_org=True):
            if any(re.search(r"\b" + re.escape(k) + r"\b", role) for k in keys):
                found.setdefault(p.name, p)
        return next(iter(found.values())).at(pos) if len(found) == 1 else None

    def _holders(self, heads: tuple[str, ...], with_org: bool = False):
        """(person, normalised role) for each person the article names with one of these titles (the body
        they speak for added to the role when `with_org`)."""
        for w in {x for h in heads for x in h.split()}:
            for m in self.entities.with_role(w):
                role = _norm_role(m.role + " " + m.organisation) if with_org else _norm_role(m.role)
                if m.kind == "person" and _role_has(role, heads):
                    yield m, role

    def _full_org(self, sp: Speaker, pos: int) -> Speaker | None:
        """"the General Staff" -> the organisation the article names in full with those words
        ("the General Staff of the Armed Forces of Ukraine"), the latest before, else the first after."""
        self._np_context_free = False
        key = sp.name.lower()
        best = None
        for m in self.entities.mentions:
            at = m.name.lower().find(key)
            # "Press Service of the Ministry of ..." is a part of the ministry, not its fuller name
            if m.kind != "person" and m.name != sp.name and at >= 0 and \
                    not re.search(r"\b(?:of|for|to)(?:\s+the)?\s+$", m.name[:at]):
                if m.pos < pos or best is None:
                    best = m
                if m.pos >= pos:
                    break
        return best.at(pos) if best is not None else None

    def _last_verb_end(self, phrase: str) -> int:
        end = len(phrase)
        for m in self.lex.verb_re.finditer(phrase):
            end = m.end()
        return end

    def _has_verb(self, phrase: str) -> bool:
        """A verb of saying used as a verb (not "the reports", "head of state") in the phrase."""
        return any(not DETERMINER_END.search(phrase[:m.start()]) and not phrase[:m.start()].rstrip().endswith(("’s", "'s"))
                   for m in self.lex.verb_re.finditer(phrase))

    # -- resolution of references
    def subject_of(self, si: int) -> Speaker | None:
        """The subject of sentence si: a speaker recorded there, or its leading noun phrase."""
        if si in self._subjects:
            return self._subjects[si]
        if self._depth > 25:     # a long chain of "He said ..." sentences: stop rather than recurse deeper
            return None
        self._depth += 1
        try:
            sp = self._compute_subject(si)
        finally:
            self._depth -= 1
        if sp is not None and sp.kind == "person" and not sp.actor_id and not sp.role and " " not in sp.name:
            s, e = self.spans[si]
            line = self.text[s:e].strip()
            if "\n" not in line and line[-1:] not in ".!?:\"”’'" and len(line.split()) <= 5:
                # a heading on its own line ("Key findings", "Background briefing") names no one; a name
                # the article gives in full ("Kirby", after "John Kirby" spoke) is still a speaker
                sp = self._subjects[si] = None
        return sp

    def _opens_in_quote(self, s: int) -> bool:
        """Whether position s lies inside a quotation opened earlier in its paragraph (looked for at most
        QUOTE_REACH characters back): "We see the markings. Shells are everywhere now," ... The words
        there are the quote's, and its first word is nobody's name."""
        ps = max(self.text.rfind("\n", max(0, s - QUOTE_REACH), s) + 1, s - QUOTE_REACH)
        seg = self.text[ps:s]
        return seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1

    def _compute_subject(self, si: int) -> Speaker | None:
        s, e = self.spans[si]
        if self._opens_in_quote(s):
            # a sentence that opens inside a quotation is the quote's: its speaker is the event
            # recorded for the quote, found walking back; its first words name no one
            self._subjects[si] = None
            return None
        if self.text.startswith("#", s):
            # a markdown heading ("## Key findings") names no one: the subject is in the line after it
            nl = self.text.find("\n", s, e)
            if nl < 0:
                self._subjects[si] = None
                return None
            s = nl + 1
            while s < e and self.text[s].isspace():
                s += 1
        lab = LABEL_PREFIX.match(self.text, s, e)
        if lab:
            s = lab.end()      # "REPORTER (DANIEL REYES): Ellie, the Pentagon ...": the sentence after the label
        qa = QUOTED_AS.search(self.text, s, min(e, s + MAX_CONTEXT))
        if qa:
            # "KCNA also quoted leader Kim Jong Un as saying that ...": for a later "he said", the one quoted
            how, sp = self.parse_np(qa.group("np"), qa.start("np"))
            if sp is not None and sp.kind == "person":
                sp = sp.at(sp.pos, subject=True)
                self._subjects[si] = sp
                return sp
        inv = _AMONG_WAS.match(self.text, s, e)
        if inv:
            # "Among them was Olena Hrytsak, 34, a nurse from Kharkiv": the one after the verb is the subject
            chunk = self.text[inv.end():e].split(",")[0].strip(" .")
            how, sp = self.parse_np(chunk, inv.end())
            if sp is not None and sp.kind == "person":
                sp = sp.at(sp.pos, subject=True)
                self._subjects[si] = sp
                return sp
        # (only the listed lead words: "Meeting the commanders ..., the respected Comrade Kim Jong Un
        # congratulated them" keeps its whole first clause for the subject rules below)
        lead = _OPENING_PARTICIPLE.match(self.text, s, e) or _BULLET.match(self.text, s, e)
        if lead:
            # "Citing South Korean media reports, she said ...": she is the subject; and a list item's bullet
            # is no part of its subject
            s = lead.end()
        lt = LEAD_TIME.match(self.text[s:min(e, s + 60)]) or _LEAD_PLACE.match(self.text[s:min(e, s + 120)])
        if lt:
            # "By Nov. 13 the agency put ...", "In Odense, the news is followed by ...": the subject after the
            # time or the place
            s += lt.end()
        e = min(e, s + MAX_CONTEXT)
        pb = _PASSIVE_BY.match(self.text, s, e)
        if pb and not self.lex.verb_re.search(self.text, s, pb.end()):   # ("The NIS has said the unit is led by")
            # "In Odense, the news is followed closely by Olena Kravets, 38, who fled ...": the agent of a
            # passive is the person the sentence is about (never the subject of a verb of saying)
            chunk = self.text[pb.end():e].split(",")[0].strip(" .")
            how, sp = self.parse_np(chunk, pb.end())
            if sp is not None and sp.kind == "person" and how in ("name", "registry"):
                sp = sp.at(sp.pos, subject=True)
                self._subjects[si] = sp
                return sp
        sent = self.text[s:e]
        lex = self.lex
        sp = None
        first_quote = min([i for i in (sent.find("“"), sent.find('"')) if i >= 0], default=len(sent))
        if first_quote > 0:
            sp, _, _ = self.np_verb(sent[:first_quote], s)
            if sp is not None:
                sp = sp.at(s, subject=True)
                self._subjects[si] = sp
                return sp
        m = ACCORDING.match(sent)
        if m:
            np = CLAUSE_END_RE.split(sent[m.end():], 1)[0]
            how, sp = self.parse_np(np, s + m.end())
            if sp is not None:
                sp = sp.at(s, subject=True)
                self._subjects[si] = sp
                return sp
        m = _part_subject().match(sent) or _lower_subject().match(sent)
        if m and m.start() == 0:
            # "The commentary also ridiculed ...", "A source in the province said ...": a titled noun phrase;
            # "the minister of the armed forces, Sébastien Lecornu, was more cautious": the person it names
            ap = APPOSITIVE_NAME.match(sent, m.end())
            if ap:
                how, sp = self.parse_np(ap.group("name"), s + ap.start("name"))
                if sp is not None and sp.kind == "person" and " " in sp.name:
                    sp = sp.at(s, subject=True)
                    if not sp.role:
                        sp.role = sent[:m.end()].strip()
                    self._subjects[si] = sp
                    return sp
            how, sp = self.parse_np(sent[:m.end()], s)
            if sp is not None:
                sp = sp.at(s, subject=True)
                self._subjects[si] = sp
                return sp
        # ("Sen. Mazie Hirono, D-Hawaii, who sits on the committee, pressed": a party tag blanked out, offsets kept,
        # so the name is not read as a lead-in before "D-Hawaii")
        probe = _NP_NOISE.sub(lambda x: " " * len(x.group(0)), sent) if "-" in sent or "[" in sent else sent
        m = SUBJECT.match(probe)
        if m and not sent.startswith(("“", "\"")):
            np = m.group(1)
            tail = _title_tail().match(sent, m.end(1))
            if tail and (possessive(np.split()[-1]) or lex.demonym(np.split())[1]):
                np = sent[m.start(1):tail.end()]
            titled = _TITLED_NAME.match(sent, m.start(1))
            if titled:   # "White House spokeswoman Dana Holt briefed ...": the person, not the body
                np = titled.group(0)
            if np.split()[0].lower() in lex.pronouns:
                sp = None
            else:
                toks = np.split()
                # a possessive + title with no name ("Russia’s U.N. Ambassador") is an unnamed person
                how, sp = self.parse_np(np, s + m.start(1))
                if sp is None and toks and lex.titles.get(toks[-1].lower().strip(".")) == "person":
                    country = ""
                    a = self.lookup(toks[0])
                    if a is not None:
                        country = a.country
                    sp = Speaker(unnamed(np), "anonymous", "", np, country, "", s)
                if sp is not None and how == "anonymous" and sp.role and sp.role.split()[-1] in ("officials",):
                    sp = None
        if sp is None:
            # "a senior official who requested anonymity" style lowercase subjects
            m2 = _lower_subject().match(sent)
            if m2:
                how, sp = self.parse_np(sent[:m2.end()], s)
        if sp is None:
            m3 = _TITLE_THEN_NAME.match(sent)
            if m3 and all(w.lower() in lex.role_words or w.lower() in lex.person_titles for w in m3.group("title").split()):
                # "At the weekly briefing on Thursday, spokesperson Mumtaz Zahra Baloch declined ...": a title in
                # lower case, then the name
                how, sp = self.parse_np(m3.group(0), s)
                if sp is not None and sp.kind != "person":
                    sp = None
        if sp is None:
            sp = self._after_lead_in(s, sent)
        if sp is not None:
            sp = sp.at(s, subject=True)
        self._subjects[si] = sp
        return sp

    def _after_lead_in(self, s: int, sent: str) -> Speaker | None:
        """The subject of a main clause after an introductory phrase: "Meeting the commanders ..., the
        respected Kim Jong Un congratulated them" (the name right after the comma); "The first time Taras
        Hnatiuk saw them, ..., he assumed ..." ("he" is the one person of the lead-in). Only the first
        comma of the sentence is tried: a name deeper in the sentence is not its subject."""
        c = sent.find(",", 0, 200)
        if c < 0:
            return None
        m = _AFTER_LEAD.match(sent, c + 1)
        if m is None:
            return None
        if not m.group("pron"):
            at = s + m.end()
            nxt = self.entities.between(at, at + 12)   # (an honorific may open the name's run: "Comrade ...")
            if nxt and nxt[0].kind == "person":
                return nxt[0]
            # "The first time X saw them, on the screen of ..., he assumed": the pronoun after a later comma
            c = next((k for k in (sent.find(", he ", c, 250), sent.find(", she ", c, 250)) if k > 0), -1)
            m = _AFTER_LEAD.match(sent, c + 1) if c > 0 else None
            if m is None or not m.group("pron"):
                return None
        pron = m.group("pron").lower()
        persons = {sp.name: sp for sp in self.entities.between(s, s + c) if sp.kind == "person"}
        if len(persons) == 1:
            sp = next(iter(persons.values()))
            return None if self._gender_conflict(sp, _PRONOUN_GENDER.get(pron, "")) else sp
        if not persons and not self._in_pronoun:
            return self.resolve_pronoun(pron, s + m.start("pron"))   # "In a post on X, he offered ..."
        return None

    def _recent(self, pos: int, ok, limit_sentences: int = MAX_SENTENCES, block=None) -> Speaker | None:
        """Walk back sentence by sentence: the event recorded there first, then the sentence subject.
        `block`: a subject that stops the walk (nothing older is taken)."""
        si = self.sent_index(pos)
        for k in range(si, max(-1, si - limit_sentences), -1):
            sp = self._event_in.get(k)
            if sp is not None and sp.pos < pos and ok(sp):
                return sp
            if k == si:
                continue
            sub = self.subject_of(k)
            if sub is not None and ok(sub) and not _SILENT.search(self.text, *self.spans[k]):
                return sub
            if sub is not None and block is not None and block(sub):
                return None
        return None

    def _gender_of(self, sp: Speaker) -> str:
        g = self._gender.get(sp.name)
        if g:
            return g
        words = set(re.findall(r"[a-z]+", (sp.role + " " + sp.name[8:] if sp.name.startswith("unnamed:")
                                           else sp.role).lower()))
        return "f" if words & _FEMININE else "m" if words & _MASCULINE else ""

    def _gender_conflict(self, sp: Speaker, want: str = "") -> bool:
        g = self._gender_of(sp)
        return bool(want and g and g != want)

    def label_speaker(self, pos: int, tagged: bool = False) -> Speaker | None:
        if self._labelling:
            return None      # resolving a label's own title ("Spokesperson: ...") asks for no label
        self._labelling = True
        try:
            return self._label_speaker(pos, tagged)
        finally:
            self._labelling = False

    def _label_speaker(self, pos: int, tagged: bool = False, whole: bool = True) -> Speaker | None:
        """A line "Zelenskyy: 11,000 soldiers in Kursk" (a live-blog entry) or "MR MILLER: We now assess ..."
        (a transcript turn): the label speaks the line. Looked for at most LABEL_REACH characters back, so
        a huge line costs a bounded look-up per call. `tagged`: only a broadcaster's tagged line
        ("[Soundbite] Name (role): ...")."""
        lo = max(0, pos - LABEL_REACH)
        ls = self.text.rfind("\n", lo, pos) + 1
        if ls == 0 and lo > 0 or tagged and not self.text.startswith("[", ls):
            return None
        m = _LABEL.match(self.text, ls, min(pos + 1, ls + 140))
        if not m:
            return None
        label = m.group("label")
        part = _transcript_parts().get(label.lower())
        if part == "host":
            return None      # "Editor: On Jan. 13 the NIS told lawmakers ...": the question's own frame speaks
        if part == "guest":
            if m.group("paren"):     # "A (Han Song-il): ...": the answer's speaker named beside the label
                how, sp = self.parse_np(m.group("paren"), ls)
                if sp is not None and sp.kind == "person":
                    return sp
            return self.guest()
        if _LABEL_INITIALS.fullmatch(label):
            # "V.H.: Right now, almost none": the interviewee the introduction names in full; initials two
            # people of the article share stay unresolved; "NIS:" or "U.S.:" with no such person is a name
            sp = self.entities.with_initials(label.replace(".", "").replace(" ", ""))
            if sp is not None:
                return sp.at(pos)
        words = label.split()
        if len(words) > 1 and not label.isupper() and all(w.isupper() and len(w) > 2 for w in words[1:]) and \
                words[0].lower().strip(".") in self.lex.role_words | _HONORIFIC_LABELS:
            # a Hansard's "Senator PRYOR:", "Mr BRANDT:": the office, then the member's name in capitals
            label = " ".join([words[0]] + [w.capitalize() for w in words[1:]])
        if label in self.entities.acronyms:
            return self.entities.acronyms[label].at(pos)   # a headline's "MIVD: ..." after "... Service (MIVD)"
        if label.isupper() and len(label) > 2:
            # a transcript's "MR MILLER:" is Mr Miller, the spokesman the page names in full
            label = " ".join("-".join(p.capitalize() for p in w.split("-")) for w in label.split())   # "Fenwick-Hale"
            label = _LABEL_TITLE.sub("", label)
            if label.lower() in self.lex.not_names:
                return None   # "QUESTION:", "Q:": whoever asks claims nothing; the question's own frame does
        if self.lex.outlet(label):
            return None      # "DER SPIEGEL: How many soldiers ...?": the outlet's interviewer asks
        if self.lex.titles.get(label.lower()) == "person":
            # a headline's "Minister: Up to 11,000 ..." is the minister the article names, before or after
            sp = self.resolve_title(label.lower(), "", ls)
            if sp is not None:
                return sp
        how, sp = self.parse_np(label, ls)
        bare = _LABEL_TITLE.sub("", label)
        if sp is None and bare != label and len(bare.split()) == 1:
            sp = self.resolve_surname(bare, ls)     # "Mr Pritchard:", named in full in an earlier turn
        last = label.split()[-1].lower()
        if sp is not None and sp.kind == "organization" and self.lex.titles.get(last) == "person":
            # "NATO Secretary General: I am not going to ...": the office's holder the transcript named
            sp = self.resolve_title(last, "", ls, label) or sp
        if sp is not None and sp.kind == "person" and " " not in sp.name and not sp.actor_id and whole:
            # "MS. KESSLER:" after the first turn's "DEPUTY PRESS SECRETARY ALINE KESSLER:"
            full = next((f for p, f in reversed(self._label_names()) if p < ls and
                         f.name.split()[-1] == sp.name), None)
            if full is not None:
                return full.at(pos)
        return sp

    def _label_names(self) -> list[tuple[int, Speaker]]:
        """(line start, speaker) of every labelled line naming a person in two words or more."""
        if self._full_labels is None:
            self._full_labels = []
            for m in _LABEL_LINE.finditer(self.text):
                sp = self._label_speaker(m.end(), whole=False)
                if sp is not None and sp.kind == "person" and " " in sp.name:
                    self._full_labels.append((m.start(), sp))
        return self._full_labels

    def addressee(self, pos: int) -> Speaker | None:
        """Whom "you" speaks to: in a transcript, the speaker of the latest earlier turn not the current
        turn's own (a reporter's "You said ..." is the spokesman who answered before); in an interview, the
        guest; otherwise nobody (a column's "you" is its reader)."""
        if not self.is_transcript():
            return self.guest()
        me = self.label_speaker(pos)
        lo = max(0, pos - LABEL_REACH)
        ls = self.text.rfind("\n", lo, pos) + 1
        turns = [m.end() for m in _LABEL_LINE.finditer(self.text, lo, max(lo, ls - 1))]
        for body in reversed(turns):
            sp = self.label_speaker(body)
            if sp is not None and (me is None or sp.name != me.name):
                return sp.at(pos)
        return None

    def byline(self, pos: int) -> Speaker | None:
        """The one person of the byline ("By Maj. Gen. (Ret.) Valerii Horbenko"), the "I" of the article's own
        sentences (a quotation's "I" is its speaker's, resolved before this is asked). Several authors, or a
        byline that names no person ("By Reuters staff"), give None."""
        if self._byline is False:
            sp = None
            name = self.author.strip()
            if name and not re.search(r"\band\b|[,;&|/]", name) and not self.lex.outlet(name):
                how, sp = self.parse_np(name, 0)
                if sp is not None and (sp.kind != "person" or sp.name.startswith("unnamed:")):
                    sp = None
            self._byline = sp
        return None if self._byline is None else self._byline.at(pos)

    def turn_of(self, pos: int) -> Speaker | None:
        """Who speaks at pos in a labelled text: the label of its line, else of the turn it continues."""
        return self.label_speaker(pos) or self.turn_speaker(pos)

    def turn_speaker(self, pos: int) -> Speaker | None:
        """In a transcript, the speaker of the turn an unlabelled paragraph continues: the label of the
        nearest earlier line that opens with one ("MS. SINGH: Good afternoon. ..." then "On that subject, ...
        We now assess ..."), looked for at most LABEL_REACH characters back."""
        if not self.is_transcript():
            return None
        lo = max(0, pos - LABEL_REACH)
        ls = self.text.rfind("\n", lo, pos) + 1
        last = None
        for last in _LABEL_LINE.finditer(self.text, lo, max(lo, ls - 1)):
            pass
        sp = None if last is None else self.label_speaker(last.end())
        # a speaker who takes turns (labelled twice, in any form: "DEPUTY PRESS SECRETARY SABRINA SINGH:" then
        # "MS. SINGH:"), never a page's "Place: Briefing Room" line
        return sp if sp is not None and sp.name in self.turn_names() else None

    def turn_names(self) -> set[str]:
        """The speakers who open two labelled lines or more."""
        if self._turn_names is None:
            seen: set[str] = set()
            self._turn_names = set()
            for m in _LABEL_LINE.finditer(self.text):
                sp = self.label_speaker(m.end())
                if sp is not None:
                    (self._turn_names if sp.name in seen else seen).add(sp.name)
        return self._turn_names

    def is_transcript(self) -> bool:
        """Whether the article is a transcript: some speaker label opens two lines or more."""
        if self._transcript is None:
            seen: set[str] = set()
            self._transcript = False
            for m in _LABEL_LINE.finditer(self.text):
                label = m.group("label").lower()
                if label in seen:
                    self._transcript = True
                    break
                seen.add(label)
        return self._transcript

    def guest_turn(self, pos: int) -> Speaker | None:
        """In an interview transcript, the guest when the turn holding pos is theirs ("Expert:", "A:", or the
        label of the person the introduction presents). A correspondent's or a host's turn reports the news
        in the words of those it names, so it gives None."""
        if not self.is_transcript():
            return None
        sp = self.label_speaker(pos)
        guest = self.guest()
        return sp if sp is not None and guest is not None and sp.name == guest.name else None

    def guest(self) -> Speaker | None:
        """The person an interview's introduction presents ("host X speaks with Dr. Lukas Brandt, ...",
        "joined by", "our guest is"), for a transcript's "Expert:" or "A:" labels."""
        if not self._guest:
            m = _GUEST_INTRO.search(self.text, 0, GUEST_REACH)
            sp = None
            if m:
                how, sp = self.parse_np(m.group("name"), m.start("name"))
                if sp is not None and sp.kind != "person":
                    sp = None
            self._guest.append(sp)
        return self._guest[0]

    def resolve_pronoun(self, pron: str, pos: int) -> Speaker | None:
        sp = self._resolve_pronoun(pron, pos)
        g = _PRONOUN_GENDER.get(pron)
        if sp is not None and g and sp.kind == "person":
            self._gender.setdefault(sp.name, g)   # "Castellanos ... she said": later "he" is someone else
        return sp

    def _resolve_pronoun(self, pron: str, pos: int) -> Speaker | None:
        self._np_context_free = False
        want = self.lex.pronouns.get(pron, "person")
        if want == "addressee":
            return self.addressee(pos)
        g = _PRONOUN_GENDER.get(pron, "")
        if want == "person":
            # in a transcript turn, "he" or "she" is never the turn's own speaker (who says "I"); nor, outside a
            # transcript, the article's own writer (a byline is no one the story calls "she")
            me = None if pron in _FIRST_PERSON else self.turn_of(pos)
            writer = self.byline(pos) if g and not self.is_transcript() else None
            ok = lambda s: s.personlike and not self._gender_conflict(s, g) and (me is None or s.name != me.name) \
                and (writer is None or s.name != writer.name)  # noqa: E731
        elif want == "organization":
            ok = lambda s: s.kind in ("organization", "government")  # noqa: E731
        else:
            ok = lambda s: True  # noqa: E731
        # "The Pentagon said on Monday that it believed ...": the subject of this sentence's earlier verb;
        # never through another pronoun (a line of "He said" would otherwise recurse without end)
        if pron in _FIRST_PERSON:
            # "MR MILLER: We now assess that ...": in a labelled turn, "I" and "we" are the turn's speaker
            sp = self.turn_of(pos)
            if sp is not None:
                return sp
            if pron in ("we", "our", "us"):
                from .frames import issuer     # late: frames builds on this module
                sp = issuer(self, self.text)
                if sp is not None:
                    return sp.at(pos)   # a ministry's own page: "We estimate ..." is the ministry
            else:
                sp = self.byline(pos)
                if sp is not None:
                    return sp   # a column's "I believe at least three brigades ...": its author
                if pron in ("i", "me", "my"):
                    return None     # the writer, unnamed: never the subject of a sentence before
        s = self.spans[self.sent_index(pos)][0] if self.spans else 0
        if s < pos and not self._in_pronoun:
            self._in_pronoun = True
            lo = max(s, pos - MAX_CONTEXT)
            # '"The more troops Zelensky announces, the more weapons he receives," he said': the words inside
            # the quotation are its speaker's, never the clause the pronoun's verb belongs to
            close = max(self.text.rfind("”", lo, pos), self.text.rfind('"', lo, pos))
            lo = close + 1 if close >= 0 else lo
            try:
                sp, _, how = self.np_verb(self.text[lo:pos], lo, skip_pronouns=True)
            finally:
                self._in_pronoun = False
            if sp is not None and ok(sp):
                return sp
        if want == "organization" and self._last_document is not None and pron in ("it", "its"):
            at, doc = self._last_document
            if at < pos and 0 <= self.sent_index(pos) - self.sent_index(at) <= 2:
                # '"...," the statement said. "...," it said': the statement, whoever issued it
                return doc
        # "Rybar, the largest of the channels, took a cautious line. On 20 December it wrote ...": a subject
        # the article never introduces (no registry entry, no role) is the likeliest antecedent of "it", even
        # if its name reads as a person's; an organisation named further back would be a guess
        block = (lambda s: s.kind == "person" and not s.actor_id and not s.role) if want == "organization" else None
        if g:
            # "When I interviewed a senior official of the directorate, he argued": the one the writer met, never
            # the writer, whom "he" or "she" does not mean
            sp = self._met_unnamed(pos, ok)
            if sp is not None:
                return sp
        sp = self._recent(pos, ok, block=block)
        if sp is None and want == "person":
            sp = self._met_by_narrator(pos, ok)
        return sp

    def _met_unnamed(self, pos: int, ok) -> Speaker | None:
        """"In 2018, I sat across a table from a North Korean colonel who ... Near the end, he leaned back": the
        unnamed person the writer's own sentence (this one before pos, the one before it, or the one before that
        across a sentence opening with "He"/"She") met, when it names nobody else; by the call sign or first name
        he gave in between, if he gave one."""
        si = self.sent_index(pos)
        if not self.spans:
            return None
        for k in (si, si - 1, si - 2):
            if k < 0:
                continue
            if k == si - 2 and not _HE_SHE_OPENS.match(self.text, *self.spans[si - 1]):
                break       # (two sentences back only across one that goes on about "him": "He asked us ...")
            s, e = self.spans[k]
            e = min(e, pos)
            s = max(s, e - MAX_CONTEXT)     # (bounded: a sentence of thousands of pronouns stays linear)
            m = _NARRATOR_MET.match(self.text, s, e)
            if m is None or any(x.kind == "person" for x in self.entities.between(s, e)):
                continue
            for d in _INDEFINITE.finditer(self.text, m.end(), e):
                how, sp = self.parse_np(d.group("desc"), d.start("desc"))
                if sp is not None and sp.kind == "anonymous" and ok(sp):
                    # "He asked us to use only his call sign, Fox": the name he gave, with the description
                    cs = _GAVE_CALL_SIGN.search(self.text, e, min(pos, e + MAX_CONTEXT))
                    if cs is not None:
                        return Speaker(cs.group("cs"), "person", "", sp.role, sp.country, "", pos)
                    return sp.at(pos)
        return None

    def _met_by_narrator(self, pos: int, ok) -> Speaker | None:
        """"I spoke with President Zoran Petrov on the phone. He told me ...": after a sentence led by "I" or
        "we", the one person it names is whom "he" or "she" means."""
        si = self.sent_index(pos)
        if si <= 0 or not self.spans:
            return None
        s, e = self.spans[si - 1]
        if not re.match(r"\s*(?:I|We)\s", self.text[s:e]):
            return None
        people = {m.name: m for m in self.entities.between(s, e) if m.kind == "person" and ok(m)}
        return next(iter(people.values())).at(pos) if len(people) == 1 else None

    def resolve_surname(self, tok: str, pos: int) -> Speaker | None:
        self._np_context_free = False
        tok_n = tok.strip(".’'")

        def has(sp: Speaker) -> bool:
            if sp.kind != "person" or tok_n not in sp.name:
                return False
            parts = [p for p in name_parts(sp.name) if p.rstrip(".") not in _GENERATION]   # ("Teodoro Jr.")
            return len(parts) > 1 and (parts[0] == tok_n or parts[-1] == tok_n)
        # The latest full name that spoke or was the subject of its sentence wins ("Kim" after Defense
        # Minister Kim Yong-hyun said ... is him, not the vice minister quoted earlier); a name only in
        # passing (an object, "met Kim Jong-un") is used when nobody with that name spoke or led a sentence.
        speaker = next((sp for sp in self._recent_events(pos) if has(sp)), None)
        ents = self.entities
        cand = ents.with_token_before(tok_n, pos, limit=MAX_CANDIDATES)
        si_now = self.sent_index(pos)
        subject = None
        for m in reversed(cand):
            if speaker is not None and m.pos <= speaker.pos:
                break
            si = self.sent_index(m.pos)
            if si == si_now:
                continue
            sub = self.subject_of(si)
            if sub is not None and sub.name == m.name:
                subject = sub
                break
        if speaker is not None or subject is not None:
            return _fullest(subject or speaker, cand)
        if cand:
            return _fullest(cand[-1], cand)
        a = self.reg.lookup(tok_n)
        if a is None:
            a = _surname_index(self.reg).get(tok_n)
        if a is not None:
            return from_actor(a, pos)
        later = ents.with_token(tok_n)   # named in full only later (lead paragraphs sometimes do that)
        if later:
            return later[0]
        if _INITIALS.fullmatch(tok) or _CONTRACTION.search(tok) or tok_n.lower() in self.lex.titles or \
                tok_n.lower() in self.lex.role_words:
            return None      # "D.C." (of "Washington, D.C."), "I'm", "Rep": no one's name
        if not _SURNAME_LIKE.fullmatch(tok_n) or tok_n.lower() in _COMMON_CAPS or tok_n.lower() in _counted_nouns():
            return None      # "Hours earlier, ...": a capitalised word opening a sentence is not a surname
        return Speaker(tok_n, "person", "", "", "", "", pos)

    def resolve_title(self, head: str, country: str, pos: int, desc: str = "") -> Speaker | None:
        # the same title in the same sentence means the same person: resolved once. Depends on the
        # article even when the answer comes from this cache (else another article's parse memo takes it)
        self._np_context_free = False
        key = (head, country, desc.lower(), self.sent_index(pos))
        if key not in self._titles:
            self._titles[key] = self._resolve_title(head, country, pos, desc)
        sp = self._titles[key]
        return None if sp is None else sp.at(pos, subject=sp.subject)

    def _resolve_title(self, head: str, country: str, pos: int, desc: str = "") -> Speaker | None:
        """'the minister said' -> the person the article introduced with that title: one who spoke or led
        a sentence lately, else one named before, else one named after. The other words of the title must
        fit too ("the vice minister" is not the defence minister who spoke last); titles of one class
        stand for each other (chief, head, director; spokesman, spokesperson)."""
        self._np_context_free = False
        low = desc.lower()
        phrase = next((p for p in _TITLE_PHRASES if p in low), "")
        if phrase:   # "the head of state": the president
            head, desc = _TITLE_PHRASES[phrase], low.replace(phrase, _TITLE_PHRASES[phrase])
        heads = _head_class(head)
        # the words before the title must fit ("the vice minister"); those after it only guide the choice
        # ("the lawmaker of the main opposition Democratic Party")
        m = re.search(r"\b" + re.escape(head) + r"\b", desc.lower())
        pre, post = (desc[:m.start()], desc[m.end():]) if m else (desc, "")
        quals = _qualifiers(pre, heads, self.lex)
        hints = _qualifiers(post, heads, self.lex)
        # "the director of intelligence for U.S. Indo-Pacific Command": an American, whoever led a sentence
        country = country or self._country_in(desc)
        # in a transcript turn the speaker's "the secretary said" is someone else, never the speaker
        me = self.turn_of(pos)

        def fits(sp: Speaker) -> bool:
            if not sp.personlike or self._gender_conflict(sp) or me is not None and sp.name == me.name:
                return False
            role = _norm_role(" ".join((sp.role, *self.reg.titles_of(sp.actor_id),
                                        sp.name[8:] if sp.name.startswith("unnamed:") else "")))
            if not role.strip() or not _role_has(role, heads):
                return False
            return not country or not sp.country or sp.country == country

        # "the commander of a Ukrainian drone unit fighting near Sudzha": a complement with "a" introduces someone
        # new; only a person whose role shares its words is them (never the commander-in-chief named earlier)
        new_one = re.match(r"\s*(?:of|for|with|in)\s+(?:a|an)\s", post) is not None

        def qualified(sp: Speaker) -> bool:
            words = set(re.findall(r"[a-z]+", _norm_role(" ".join((sp.role, sp.organisation,
                                                                 *self.reg.titles_of(sp.actor_id))))))
            if new_one and not (hints & words):
                return False
            return not quals or quals <= words
        ok = lambda sp: fits(sp) and qualified(sp)  # noqa: E731
        ents = self.entities
        words = {h.split()[0] for h in heads}   # "secretary general" is indexed under "secretary"
        ev = next((sp for sp in self._recent_events(pos) if ok(sp)), None)
        near = self._recent(pos, ok)
        # the nearer of the last one who spoke with that title and the last sentence led by one: "The North
        # Hamgyong source said residents ..." after another source's quote makes "the source said" this one
        found = near if near is not None and (ev is None or near.pos > ev.pos) else ev
        if found is not None:
            if found.name.startswith("unnamed:"):
                # "US admiral warns ..." in the headline, "Rear Adm. Thomas Ellery" in the body: the article
                # names the admiral, so "the admiral said" is him
                where = found.country or self._country_in(found.name[8:])
                # (named before this mention: one named only after it is someone else, "A senior EU diplomat
                # ... The diplomat said ..." and later "foreign minister Andrii Sybiha")
                named = [m for w in words for m in ents.with_role(w) if ok(m) and m.kind == "person"
                         and not (where and m.country and m.country != where) and m.pos < pos]
                if named:
                    return min(named, key=lambda m: abs(m.pos - pos))
            return found
        cand = sorted({id(m): m for w in words for m in ents.with_role(w) if ok(m)}.values(), key=lambda m: m.pos)
        if hints:
            better = [m for m in cand if hints & set(re.findall(r"[a-z]+", _norm_role(m.role + " " + m.organisation)))]
            cand = better or cand
        before = [m for m in cand if m.pos < pos]
        if before:
            return before[-1]
        k = ents.index_before(pos)
        for m in reversed(ents.mentions[max(0, k - MAX_CANDIDATES):k]):
            if m.actor_id and ok(m):
                return m
        after = [m for m in cand if m.pos > pos]
        if after:
            return after[0]
        if quals and not quals & _OTHER_OFFICE:
            # "Ukraine's parliamentary human rights commissioner wrote ..." and later "The commissioner, Dmytro
            # Lubinets, said": a later bare title is the article referring back, so its one holder is the one
            bare = {m.name: m for w in words for m in ents.with_role(w) if m.pos > pos and fits(m) and
                    _norm_role(m.role).strip() in heads}
            if len(bare) == 1:
                return next(iter(bare.values())).at(pos)
        if head in _LEADER_HEADS and country and not quals:
            # "the Ukrainian leader", "the Russian president" with nobody so titled in the article: the
            # registry's head of state of that country, when it holds exactly one
            a = _heads_of_state(self.reg).get(country)
            if a is not None:
                return from_actor(a, pos)
        if head in self.lex.descriptors:
            # "Foreign Minister Annalena Baerbock ... '...,' the Green politician said": the one just spoken of
            return self._recent(pos, lambda sp: sp.kind == "person" and not self._gender_conflict(sp),
                                limit_sentences=DESCRIPTOR_REACH)
        return None

    def _country_in(self, desc: str) -> str:
        """The country an unnamed speaker's words give ("spokesperson for Ukraine's Special Operations
        Forces" -> Ukraine, "US admiral" -> United States), or ""."""
        for w in desc.split():
            w = re.sub(r"['’]s$", "", w.strip(",.;:()"))
            if not w[:1].isupper():
                continue
            a = self.lookup(w)
            if a is not None and a.country:
                return a.country
            country, k = self.lex.demonym([w])
            if k and country:
                return country
        return ""

    def _spokesperson_for(self, org: Speaker, pos: int) -> Speaker | None:
        """The person who just spoke for this organisation ("White House spokesman John Kirby said ...
        '...,' the White House said"): the latest speaker or sentence subject within three sentences, if
        the organisation is theirs."""
        key = org.name.lower()
        if not key:
            return None

        if org.kind == "government" and org.role == "government":
            return None   # a country ("Russia said") is not one of its officials
        def ok(sp: Speaker) -> bool:
            role = sp.role.lower()
            return sp.kind == "person" and (key in sp.organisation.lower() or key in role) and \
                (not role or not _spokes_words().isdisjoint(re.findall(r"[a-z]+", role)))
        sp = self._recent(pos, lambda s: s.personlike, limit_sentences=3)
        return sp if sp is not None and ok(sp) else None

    def resolve_org_title(self, head: str, desc: str, country: str, pos: int, definite: bool = True) -> Speaker:
        """'the ministry said' -> the latest organisation named with that word; else an unnamed organisation."""
        self._np_context_free = False

        # (only a bare reference varies the word: "the agency", "the same intelligence service"; "the press
        # service of the regiment" is another body)
        bare = set(desc.lower().split()) <= _BARE_AGENCY | {head}
        heads = _AGENCY_HEADS if head in _AGENCY_HEADS and bare else (head,)

        def ok(sp: Speaker) -> bool:
            return (sp.kind in ("organization", "government") and
                    any(h in sp.name.lower() or h in sp.role.lower() for h in heads) and
                    (not country or not sp.country or sp.country == country))
        if definite:
            # "South Korea's NIS confirmed the capture on Monday. The agency said ...": the subject of the
            # sentence before, over an agency that spoke earlier
            # (an organisation named earlier in the same sentence comes first: "The NIS confirmed ..., as
            # lawmakers briefed by the agency said"; a news agency's credit line is never "the agency")
            si = self.sent_index(pos)
            here = [m for m in self.entities.between(self.spans[si][0], pos) if ok(m)] if self.spans else []
            if here:
                return here[-1].at(pos)
            sub = self.subject_of(si - 1) if si > 0 else None
            if sub is not None and ok(sub) and not self.lex.outlet(sub.name) and not sub.name.startswith("unnamed: "):
                return sub
            for sp in self._recent_events(pos):
                if ok(sp):
                    return sp
                if sp.kind == "person" and head in (sp.organisation.lower() + " " + sp.role.lower()) and \
                        self.sent_index(sp.pos) >= self.sent_index(pos) - 2:
                    return sp   # the ministry's spokesperson who just spoke
            ents = self.entities
            k = ents.index_before(pos)
            for m in reversed(ents.mentions[max(0, k - MAX_CANDIDATES):k]):
                if ok(m):
                    return m
        if desc and desc[0].isupper() and not possessive(desc.split()[0]):
            a = self.lookup(desc)
            if a is not None:
                return from_actor(a, pos)
        if definite and (country or _QUALIFIED_ORG.match(desc)):
            # "the Japanese government", "the external affairs ministry": an institution, just not registered
            return Speaker(desc, "government" if head == "government" else "organization", "", desc, country, "", pos)
        return Speaker(unnamed(desc), "organization", "", desc, country, "", pos)

    def _document_by(self, lo: int, hi: int, pos: int) -> Speaker | None:
        """The publisher named right after a document word ("a statement by X", "an assessment prepared by
        Ukraine's military intelligence agency in late February": the whole phrase, not the country that
        opens it), or None."""
        after = next((m for m in self.entities.between(lo, hi) if m.pos < pos), None)
        if after is None or not _DOC_BY.fullmatch(self.text, lo, after.pos):
            return None
        e = self.spans[self.sent_index(after.pos)][1] if self.spans else len(self.text)
        np = _NP_STOP.split(self.text[after.pos:min(e, after.pos + 80)], maxsplit=1)[0]
        how, sp = self.parse_np(np, after.pos) if np.strip() != after.name else ("", None)
        return sp if sp is not None and sp.kind != "person" else after

    def resolve_document(self, pos: int) -> Speaker | None:
        """'the report said' -> the organisation that published the report, else the latest organisation.

        The publisher is the first organisation named in the latest earlier sentence that mentions a
        report (study, statement...) before that word: "The Institute X, a think tank, said in a report".
        """
        self._np_context_free = False
        ents = self.entities
        si = self.sent_index(pos)
        for k in range(si, max(-1, si - 15), -1):
            s, e = self.spans[k]
            kw = DOC_WORD.search(self.text, s, min(e, pos, s + 2 * MAX_CONTEXT))
            if not kw or k == si and not self.text[kw.end():pos].strip():
                continue    # (the document being resolved itself, "... ," the statement said: look before it)
            # "KCNA published a statement by the Central Military Commission": the one after "by" wrote it
            by = self._document_by(kw.end(), min(e, kw.end() + 40), pos)
            if by is not None:
                return by
            if _DOC_LEAD.fullmatch(self.text, s, kw.start()):
                # "In a statement this afternoon, Peters said ...": the subject after the lead-in issued it
                comma = self.text.find(",", kw.end(), min(e, kw.end() + 80))
                if 0 <= comma < pos:
                    sp, _, _ = self.np_verb(self.text[comma + 1:min(e, comma + 1 + MAX_CONTEXT)], comma + 1)
                    if sp is not None and sp.kind != "anonymous":
                        return sp
            ev = self._event_in.get(k)
            if ev is None and k and self._opens_in_quote(s):
                # the event of a quotation that opened in the sentence before: '"... . It is a participant,"
                # Joly said in a statement.'
                ev = self._event_in.get(k - 1)
            if ev is not None and ev.pos < kw.start() and (s <= ev.pos or "\n" not in self.text[ev.pos:s]):
                return ev
            sub = self.subject_of(k) if k != si else None
            inside = [m for m in ents.between(s, kw.end()) if m.pos < pos]
            if sub is not None and sub.pos <= kw.start() and sub.kind != "anonymous" or \
                    sub is not None and sub.kind == "anonymous" and "spokes" in sub.role:
                if not (inside and sub.name.startswith("unnamed: ")):
                    return sub   # (a leading phrase the registry does not know loses to a name inside it)
            if inside:
                return inside[0]
        # no report introduced: the organisation that last spoke, never one merely mentioned
        for sp in self._recent_events(pos):
            if sp.kind in ("organization", "government"):
                return sp
        return None


_SPOKES_FOR = re.compile(r"(?:an?|one)\s+(?:[\w-]+\s+){0,2}?(?:spokes(?:man|woman|person)|press\s+secretary|aide|adviser|"
                         r"advisor)\s+(?:for|to)\s+(?:[\w’'.-]+\s+){0,4}?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]+", re.I)
_GENERATION = frozenset(("Jr", "Sr", "II", "III", "IV"))


def _fullest(sp: Speaker, cands: list[Speaker]) -> Speaker:
    """The same person's name with the generation the article gave it elsewhere ("Gilberto Teodoro Jr." for a
    caption's "Gilberto Teodoro")."""
    for m in cands:
        if m.kind == "person" and m.name != sp.name and m.name.startswith(sp.name + " ") and \
                m.name[len(sp.name):].strip().rstrip(".") in _GENERATION:
            return m.at(sp.pos, subject=sp.subject)
    return sp


_AND_ASIDE = re.compile(r"\s*and\s+(?:who|which|whose)\b", re.I)
_TRAILING_RUN = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]+){0,3}\s*$")
_PLACE_PREPS = frozenset("in at from on near inside outside to into across".split())
# a sentence that opens on the document its subject issued: "In a statement this afternoon, Peters said"
_DOC_LEAD = re.compile(r"\s*(?:In|Through|Via)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:(?:written|joint|brief|short|separate|"
                       r"new|lengthy|formal)\s+)?", re.I)
_BOTH = re.compile(r"(?P<a>(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'\-]*){0,4})\s+and\s+"
                   r"(?P<b>(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'\-]*){0,4})")
_NP_STOP = re.compile(r"\s*[,;:.()]|\s+(?:in|on|and|that|which|who|last|this|since|for)\s+|\s+(?=[a-z]+ing\b)")
# "KCNA published a statement by the Central Military Commission confirming that ...": the participle's
# subject is the statement, so its author speaks
_DOC_PARTICIPLE = re.compile(r"\b(?:statement|report|message|communique|letter|announcement|decree|order)s?\s+"
                             r"(?:(?:issued|released|published)\s+)?(?:by|from|of)\s+(?P<np>[^,;“”\"]{2,90}?)"
                             r"\s*,?\s*$")
_TITLE_TAIL: re.Pattern | None = None
_LOWER_SUBJECT: re.Pattern | None = None


# Titles of one class stand for each other; "head of state" is a president.
# The first class holding a title is its class: "the minister" is only a minister, but "the defense chief" or
# "the head of the ministry" may be the minister the article names
_HEAD_CLASSES = [("minister",),
                 ("head", "chief", "director", "leader", "commander", "secretary general", "secretary-general",
                  "chairman", "chairwoman", "chair", "minister", "defense secretary", "defence secretary"),
                 ("spokesman", "spokeswoman", "spokesperson", "spokes", "press secretary"),
                 ("president", "head of state"), ("ambassador", "envoy", "representative"),
                 ("diplomat", "ambassador", "envoy", "foreign minister", "foreign ministry"),
                 ("lawmaker", "legislator", "rep", "representative", "member of parliament", "mp", "assemblyman",
                  "assemblywoman", "intelligence committee", "defence committee", "defense committee", "congressman",
                  "congresswoman", "congress member", "republican", "democrat"),
                 # "the person said" after "one of the people familiar with the matter said"
                 ("person", "people", "persons")]
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_FEMININE = frozenset("spokeswoman chairwoman congresswoman businesswoman ms mrs miss madam mother wife woman "
                      "sister daughter queen".split())
_MASCULINE = frozenset("spokesman chairman congressman businessman mr sir father husband man brother son king".split())
# an indefinite title that stands for the one person the article names with it: a lawmaker anywhere in
# the article (Korean wire copy); a spokesperson named within this many characters after ("a military
# spokesperson said ..." in the lede, "Ihor Sapronenko, spokesperson for ..." in the next paragraph)
_LINKED_INDEFINITE = {"lawmaker": None, "spokesman": 1500, "head": 1500}
_TITLE_PHRASES = {"head of state": "president", "head of government": "prime minister"}
_SPELLING = tuple(US_SPELLING.items())


_POSSESSIVE_DET = frozenset("my our his her their its your".split())   # "my colleague in Seoul": a colleague in Seoul
# words that point back at a person introduced before ("the same source"); an ordinal picks the n-th
# unnamed one the article introduced ("the second source")
_BACK_WORDS = {"same": 0, "first": 1, "second": 2, "third": 3, "fourth": 4}


@lru_cache(maxsize=1)
def _counted_nouns() -> frozenset[str]:
    """"Casualties estimated at about 4,000": a counted noun (data/units.csv) opening a line is nobody's surname."""
    return frozenset(r["noun"].strip().lower() for r in read_table("units.csv") if " " not in r["noun"].strip())


@lru_cache(maxsize=20000)
def _role_has(role: str, heads: tuple[str, ...]) -> bool:
    """Whether a normalised role holds one of the title words as a word ("lawmaker", "lawmakers"), never
    inside another ("democrat" is not in "the Democratic Party's secretary"); "spokes" stands for any
    spokes- word."""
    return any(re.search(r"\b" + re.escape(h) + (r"" if h == "spokes" else r"s?\b"), role) for h in heads)


def _head_class(head: str) -> tuple[str, ...]:
    for cls in _HEAD_CLASSES:
        if head in cls:
            return cls
    return (head,)


# words that make a title another office: "the deputy minister" is not "the minister" the article names later
_OTHER_OFFICE = frozenset("deputy vice assistant associate former acting junior under co first second".split())


@lru_cache(maxsize=20000)
def _norm_role(role: str) -> str:
    r = role.lower()
    for a, b in _SPELLING:
        r = r.replace(a, b)
    if "." in r:     # "rear adm." is an admiral, "sen." a senator
        r = _ABBR_RE.sub(lambda m: TITLE_ABBR[m.group(1)], r)
    return r


_ABBR_RE = re.compile(r"\b(" + "|".join(map(re.escape, TITLE_ABBR)) + r")\.")


def _qualifiers(desc: str, heads: tuple[str, ...], lex) -> set[str]:
    """Words of a title that must fit the person: "the vice minister" -> {vice}; demonyms and
    function words are left out (the country is checked on its own)."""
    toks = desc.split()
    toks = toks[lex.demonym(toks)[1]:]
    toks = [t for t in toks if not possessive(t)]
    words = re.findall(r"[a-z]+", _norm_role(" ".join(toks)))
    drop = set(heads) | {"the", "a", "an", "of", "for", "s", "to", "and", "in", "state", "country", "agency", "ministry",
                         "office", "service", "department", "committee", "council", "government", "military", "army",
                         "spy", "intelligence",
                         # words that describe the tenure, not which office: "the acting minister" is the vice
                         # minister who took charge; "the new minister" ("top" stays: "Japan's top government
                         # spokesman" is the chief cabinet secretary, not any spokesman the article quotes)
                         "acting", "new", "current", "incumbent"}
    out = set()
    for w in words:
        if w in drop or lex.demonym([w.capitalize()])[1] or len(w) < 3:
            continue
        out.add(w)
    return out


def _title_tail() -> re.Pattern:
    """Lowercase words ending in a person title after a capitalised subject: "Freedonia’s | deputy envoy"."""
    global _TITLE_TAIL
    if _TITLE_TAIL is None:
        lex = lexicon()
        heads = "|".join(sorted((re.escape(t) for t, k in lex.titles.items() if k in ("person", "organization")),
                                key=len, reverse=True))
        _TITLE_TAIL = re.compile(r"(?:\s+(?!" + lex.verb_re.pattern + r")[a-z][\w\-.]*){0,3}\s+(?:" + heads + r")\b")
    return _TITLE_TAIL


@lru_cache(maxsize=1)
def _spokes_words() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("spokesperson_roles.txt"))


@lru_cache(maxsize=1)
def _transcript_parts() -> dict[str, str]:
    return {r["label"].strip().lower(): r["part"].strip() for r in read_table("transcript_labels.csv")}


def _lower_subject() -> re.Pattern:
    """A noun phrase led by a determiner and headed by a title: "the deputy envoy", "a senior official",
    "the commentary", "its latest report"."""
    global _LOWER_SUBJECT
    if _LOWER_SUBJECT is None:
        heads = "|".join(sorted((re.escape(t) for t in lexicon().titles), key=len, reverse=True))
        _LOWER_SUBJECT = re.compile(r"(?:the|a|an|one|its|their|this)\s+(?:[\w’'\-]+\s+){0,5}?(?:" + heads + r")\b(?!(?-i:[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]))"
                                    r"(?:\s+(?:in|at|from|for|of|to)\s+(?:the\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*\s*){1,4})?", re.I)
    return _LOWER_SUBJECT


@lru_cache(maxsize=1)
def _part_subject() -> re.Pattern:
    """"One of the two prisoners [Ukraine captured this month offered ...]": some of a group, up to its head
    noun (a clause may follow it without "that")."""
    heads = "|".join(sorted((re.escape(t) for t in lexicon().titles), key=len, reverse=True))
    return re.compile(r"(?:one|two|three|some|several|many|most|both|each|all)\s+of\s+(?:the|those|these|its|their)\s+"
                      r"(?:[\w’'\-]+\s+){0,3}?(?:" + heads + r")s?\b", re.I)


@lru_cache(maxsize=1)
def _org_named() -> re.Pattern:
    heads = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in read_lines("org_descriptors.txt")),
                            key=len, reverse=True))
    return re.compile(rf"(?:(?i:the|a|an)\s+)?(?P<desc>(?:[\w-]+\s+){{0,3}}?(?:{heads}))\s+"
                      rf"(?P<name>[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.&-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.&-]*){{0,4}})$")


@lru_cache(maxsize=1)
def _kin_lead() -> re.Pattern:
    words = "|".join(sorted(map(re.escape, read_lines("kinship_words.txt")), key=len, reverse=True))
    return re.compile(rf"(?:(?:His|Her|Their|His\s+late|Her\s+late|[A-ZÀ-ÖØ-ÞĀ-Ž][\w\-]*['’]s)\s+)(?:{words})\s+(?=[A-ZÀ-ÖØ-ÞĀ-Ž][a-z])")


_LEADER_HEADS = frozenset(("president", "leader"))
DESCRIPTOR_REACH = 4     # sentences: "the politician" points back this far at most


def _heads_of_state(registry: Registry) -> dict:
    """Country -> the registered person whose role is its president or leader, when only one is."""
    m = memo(registry)
    if "heads" not in m:
        seen: dict[str, list] = {}
        for a in registry.actors:
            role = (a.role or "").lower()
            if a.kind == "person" and a.country and (role == "president" or role.endswith(" leader") or
                                                     role == "leader"):
                seen.setdefault(a.country, []).append(a)
        m["heads"] = {c: v[0] for c, v in seen.items() if len(v) == 1}
    return m["heads"]


def _surname_index(registry: Registry) -> dict:
    """First or last name token -> the registered person, when only one person has it."""
    m = memo(registry)
    if "surnames" not in m:
        seen: dict[str, list] = {}
        for a in registry.actors:
            if a.kind == "person":
                parts = name_parts(a.name)
                if len(parts) > 1:
                    for t in {parts[0], parts[-1]}:
                        seen.setdefault(t, []).append(a)
        m["surnames"] = {t: v[0] for t, v in seen.items() if len({x.actor_id for x in v}) == 1}
    return m["surnames"]
