"""Who said it: one attribution engine for quotations and figures.

    lexicon    the word lists (speech verbs, titles, office words, demonyms, pronouns, outlets) from data/
    names      a capitalised run -> a registry actor, a person (office words stripped) or an organisation
    entities   the named actors of one article, indexed by name token and role word
    resolver   a subject phrase -> a speaker: pronouns, surnames, titles, organisations, reports, unnamed
               officials; keeps the article's discourse state (who spoke last)
    frames     which words of a sentence attribute a quotation or a figure: speech verbs and their
               subjects, "according to", relays ("citing the agency"), outlets, unnamed reports

``quotes`` and ``figures`` keep only what is theirs (finding marks; finding numbers, units, qualifiers);
``extract.article_rows`` runs both over one ``Resolver``.
"""
from .names import Speaker
from .resolver import Resolver

__all__ = ["Resolver", "Speaker"]
