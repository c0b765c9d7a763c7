"""Sentence spans, the actor registry and the scorer, on small inputs of our own."""
from __future__ import annotations

import pandas as pd

from briefing.actors import Registry, normalise, unregistered
from briefing.evaluate import same_actor, score_figures, score_quotes
from briefing.text import SentenceIndex, sentence_spans


def _sents(t):
    return [t[s:e] for s, e in sentence_spans(t)]


def test_sentences_keep_abbreviations_and_initials_together():
    t = ("S. Korean officials met Dr. Lee at 3 p.m. on Oct. 3. The U.S. envoy agreed. "
         "“We disagree,” she said. Troops left.\nA new paragraph starts")
    assert _sents(t) == ["S. Korean officials met Dr. Lee at 3 p.m. on Oct. 3.", "The U.S. envoy agreed.",
                         "“We disagree,” she said.", "Troops left.", "A new paragraph starts"]


def test_a_footnote_mark_after_the_full_stop_still_ends_the_sentence():
    t = "Sylvania has shipped 900 containers.[4] Freedonian intelligence said half were shells.[5] Officials agreed."
    assert _sents(t) == ["Sylvania has shipped 900 containers.[4]", "Freedonian intelligence said half were shells.[5]",
                         "Officials agreed."]


def test_sentence_index_finds_the_sentence_around_an_offset():
    t = "First one. Second one has 1,500 troops. Third."
    idx = SentenceIndex(t)
    assert idx.sentence_at(t.index("1,500")) == "Second one has 1,500 troops."


REG = pd.DataFrame([
    ["ann", "Ann Lee-sun", "Ann Lee Sun;Lee", "person", "envoy", "", "Korea", "South Korea"],
    ["dia", "Defence Intelligence", "the spy agency;DIA", "government", "", "", "Ukraine", "Ukraine"],
], columns=["actor_id", "name", "aliases", "kind", "role", "affiliation", "country", "side"])


def test_registry_matches_spelling_variants_and_aliases():
    r = Registry(REG)
    assert normalise("the U.S. State Department's") == "usstatedepartments"
    assert r.lookup("ANN LEE SUN").actor_id == "ann" and r.lookup("Ann Lee-sun").actor_id == "ann"
    assert r.lookup("The spy agency").actor_id == "dia" and r.lookup("Bob") is None


def test_the_shipped_registry_names_one_actor_however_an_article_spells_its_full_title():
    from briefing.actors import default_registry
    r = default_registry()
    ids = {r.lookup(n).actor_id for n in ("Central Military Commission",
                                           "Central Military Commission of the ruling Workers’ Party",
                                           "WPK Central Military Commission")}
    assert len(ids) == 1 and r.lookup("China's Central Military Commission") is None


def test_the_shipped_registry_knows_ukraines_special_operations_forces_by_their_acronym():
    from briefing.actors import default_registry
    r = default_registry()
    assert r.lookup("SSO").actor_id == r.lookup("Ukraine's Special Operations Forces").actor_id == "ua_sso"


def test_british_and_american_spellings_of_an_office_are_one_name():
    assert normalise("Ukraine's Defence Intelligence agency") == normalise("Ukraine's Defense Intelligence Agency")
    assert normalise("Centre for Strategic Studies") == normalise("Center for Strategic Studies")


def test_unregistered_lists_named_speakers_without_actor_id():
    q = pd.DataFrame({"article": ["a", "b", "a", "a"], "speaker": ["Bo Ra", "Bo Ra", "unnamed: official", "Ann Lee-sun"],
                      "speaker_kind": ["person"] * 4, "actor_id": ["", "", "", "ann"],
                      "role": ["envoy", "", "", ""], "country": ["", "Chile", "", ""]})
    out = unregistered(q)
    assert out.to_dict("records") == [{"name": "Bo Ra", "kind": "person", "role": "envoy", "country": "Chile",
                                       "mentions": 2, "articles": "a;b"}]


GOLD = {"articles": [{"file": "a.txt"}],
        "quotes": [{"file": "a.txt", "quote_start": "We’ll never send troops there, ever", "speaker": "Ann Lee Sun"},
                   {"file": "a.txt", "quote_start": "It is a lie from start", "speaker": "DIA"}],
        "figures": [{"file": "a.txt", "surface": "over 300", "value": 300, "qualifier": "over", "claimant": "DIA"},
                    {"file": "a.txt", "surface": "dozens of", "value": None, "qualifier": "vague", "claimant": ""}]}


def test_score_quotes_matches_first_six_words_and_speaker_by_registry():
    pred = pd.DataFrame({"article": ["a.txt", "a.txt", "a.txt"],
                         "quote": ["We'll never send troops there, ever again", "offensive", "Nothing else is true here"],
                         "speaker": ["Ann Lee-sun", "x", "y"], "is_fragment": [False, True, False]})
    s = score_quotes(GOLD, pred, Registry(REG))
    assert (s["tp"], s["n_pred"], s["n_gold"]) == (1, 2, 2)
    assert s["precision"] == 0.5 and s["recall"] == 0.5 and s["speaker_accuracy"] == 1.0
    assert len(s["misses"]) == 1 and "It is a lie" in s["misses"][0]


def test_score_figures_matches_value_and_vague_surface():
    pred = pd.DataFrame({"article": ["a.txt"] * 3, "surface": ["more than 300", "dozens of", "12"],
                         "value": [300.0, float("nan"), 12.0], "qualifier": ["over", "vague", "exact"],
                         "claimant": ["Defence Intelligence", "", ""], "sentence": ["", "", ""]})
    s = score_figures(GOLD, pred, Registry(REG))
    assert (s["tp"], s["n_pred"], s["n_gold"]) == (2, 3, 2)
    assert s["qualifier_accuracy"] == 1.0 and s["claimant_accuracy"] == 1.0 and len(s["spurious"]) == 1


def test_score_figures_pairs_a_row_with_the_gold_figure_written_as_it_is_before_another_of_the_same_value():
    # the gold has "10,000" (in a quotation, missed) before "some 10,000" (found): the found row is the second's
    gold = {"articles": [{"file": "a.txt"}], "quotes": [], "figures": [
        {"file": "a.txt", "surface": "10,000", "value": 10000, "qualifier": "exact", "claimant": "Maria Zakharova"},
        {"file": "a.txt", "surface": "some 10,000", "value": 10000, "qualifier": "approximately",
         "claimant": "Pentagon"}]}
    pred = pd.DataFrame({"article": ["a.txt"], "surface": ["some 10,000"], "value": [10000.0],
                         "qualifier": ["approximately"], "claimant": ["Pentagon"], "sentence": [""]})
    s = score_figures(gold, pred, Registry(REG))
    assert s["tp"] == 1 and s["claimant_accuracy"] == 1.0 and s["misses"] == ["a.txt: '10,000' (Maria Zakharova)"]


def test_a_claimant_of_several_actors_is_right_when_each_is_the_same_registered_actor():
    r = Registry(REG)
    assert same_actor("DIA and Ann Lee Sun", "Ann Lee-sun and Defence Intelligence", r)
    assert same_actor("the spy agency, Ann Lee Sun", "Defence Intelligence and Ann Lee-sun", r)
    assert not same_actor("DIA and Ann Lee Sun", "Defence Intelligence and Bob", r)
    assert not same_actor("DIA and Ann Lee Sun", "Defence Intelligence", r)


def test_a_capital_and_its_country_are_the_same_claimant():
    r = Registry(REG)
    assert same_actor("Ottawa", "Canada", r) and same_actor("New Delhi", "India", r)
    assert not same_actor("Ottawa", "India", r)


def test_a_gold_name_behind_its_own_countrys_possessive_or_a_surname_is_the_registered_actor():
    r = Registry(pd.concat([REG, pd.DataFrame([
        ["ukraine", "Ukraine", "Kyiv", "government", "", "", "Ukraine", "Ukraine"],
        ["russia", "Russia", "Moscow", "government", "", "", "Russia", "Russia"],
        ["ivo", "Ivo Marek", "", "person", "minister", "", "Ukraine", "Ukraine"],
    ], columns=REG.columns)]))
    assert same_actor("Ukraine's DIA", "Defence Intelligence", r) and same_actor("Kyiv's DIA", "Defence Intelligence", r)
    assert not same_actor("Russia's DIA", "Defence Intelligence", r)      # another country's body is another body
    assert same_actor("Marek", "Ivo Marek", r) and not same_actor("Ivo", "Ivo Marek", r)
