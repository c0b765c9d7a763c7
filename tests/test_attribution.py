"""One attribution engine for quotes and figures: a test per kind of error seen on unseen articles
(issue 9), on sentences written for these tests. The registry is built here, so the rules are tested,
not data/actors.csv; most names are invented."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from briefing.actors import Registry
from briefing.extract import article_rows
from briefing.reader import read_file

REG = Registry(pd.DataFrame([
    ["zoran_petrov", "Zoran Petrov", "", "person", "President", "Government of Freedonia", "Freedonia", "Freedonia"],
    ["freedonia", "Freedonia", "Freedonian government", "government", "government", "", "Freedonia", "Freedonia"],
    ["nis", "National Intelligence Service", "NIS;South Korea's spy agency", "government", "intelligence agency",
     "Government of South Korea", "South Korea", "South Korea"],
    ["fid", "Freedonian Intelligence Directorate", "", "government", "intelligence agency", "Government of Freedonia",
     "Freedonia", "Freedonia"],
    ["white_house", "White House", "", "government", "presidential office", "", "United States", "United States"],
    ["north_korea", "North Korea", "Pyongyang;the North", "government", "government", "", "North Korea", "North Korea"],
    ["russia", "Russia", "Moscow;Kremlin", "government", "government", "", "Russia", "Russia"],
    ["united_states", "United States", "US;U.S.;Washington", "government", "government", "", "United States",
     "United States"],
], columns=["actor_id", "name", "aliases", "kind", "role", "affiliation", "country", "side"]))


def rows(text, title="", published="2025-01-14"):
    return article_rows(text, article="t.txt", published=published, registry=REG, title=title)


def quotes(text, **kw):
    return {r["quote"][:25]: r["speaker"] for r in rows(text, **kw)[0] if not r["is_fragment"]}


def figures(text, **kw):
    return rows(text, **kw)[1]


def by_surface(text, **kw):
    return {r["surface"]: r for r in figures(text, **kw)}


# ---------------------------------------------------------------- pronouns

def test_a_sentence_opening_inside_a_quotation_names_no_one_for_a_later_pronoun():
    # the quote's second sentence opens with a capitalised common word or a demonym: neither is a person
    # a later "He said" could mean
    for opener in ("Shells are everywhere now", "Sylvanian mortars never stop", "Drones fly all night"):
        text = (f'"We see the craters every morning. {opener}," a Freedonian artillery officer told the Daily Ledger.\n\n'
                "He said that about 3,000 Sylvanian rounds had failed to explode.")
        r = by_surface(text)["about 3,000"]
        assert r["claimant"] == "unnamed: Freedonian artillery officer", opener


def test_its_body_is_the_body_of_the_organisation_the_pronoun_stands_for():
    text = ("Freedonia, meanwhile, says its forces are advancing. Its defence ministry claims that Sylvania "
            "has lost more than 60,000 troops since August.")
    r = by_surface(text)["more than 60,000"]
    assert "Freedonia" in r["claimant"] and "defence ministry" in r["claimant"].lower() and "Its" not in r["claimant"]
    # a title after the pronoun names a person: the name in the apposition still wins
    text = ("The Freedonian Intelligence Directorate gave a different picture. Its spokesman, Ivo Marek, told "
            "state television that around 3,000 fresh troops had arrived.")
    assert by_surface(text)["around 3,000"]["claimant"] == "Ivo Marek"


def test_a_relative_clause_with_a_verb_of_saying_is_stepped_over_to_the_subject():
    text = ("The Freedonian Intelligence Directorate, which does not mention Sylvanian units in its reports, said "
            "on Thursday that 3,000 Sylvanian troops had been killed.")
    assert by_surface(text)["3,000"]["claimant"] == "Freedonian Intelligence Directorate"


def test_a_parliamentary_record_turn_is_the_member_s_and_a_question_claims_nothing_for_whom_it_asks():
    text = ("Ms Ada Quist (Harbour East) (Lib): Does my hon. Friend agree that some ten thousand soldiers have "
            "now arrived in Sylvania?\n\n"
            "Mr Bram Olde (Fenside) (Con): A point of order.\n\n"
            "Mr Olde: Will the Minister confirm that 2,000 marines were killed?\n\n"
            "Ms Quist: I believe 4,000 troops were sent.")
    f = by_surface(text)
    assert f["some ten thousand"]["claimant"] == "Ada Quist"      # never "Friend", never the Minister asked
    assert f["2,000"]["claimant"] == "Bram Olde"                  # "Mr Olde:" is the member named in full before
    assert f["4,000"]["claimant"] == "Ada Quist"


def test_a_name_after_according_to_is_the_article_s_person_for_a_later_surname():
    reg = Registry(pd.concat([REG.table, pd.DataFrame([["emily_park", "Emily Park", "", "person", "analyst", "", "",
                                                         "other"]], columns=REG.table.columns)], ignore_index=True))
    text = ("According to Rep. Park Min-jae of the ruling party, who briefed reporters, the NIS said more troops came.\n\n"
            "North Korean casualties now stand at about 4,000, including roughly 600 killed, Park said.")
    f = {r["surface"]: r for r in article_rows(text, article="t.txt", published="2025-01-14", registry=reg)[1]}
    assert f["roughly 600"]["claimant"] == "Park Min-jae"      # never the registry's other Park


def test_pronoun_after_a_speech_verb_prefers_the_current_speaker_over_someone_mentioned():
    text = ("Defence Minister Ilona Varga spoke to reporters in Riga on Monday.\n"
            "The minister also said President Zoran Petrov had decided to send more troops after the losses.\n"
            "“This shows he is desperate,” she said.")
    assert quotes(text) == {"This shows he is desperat": "Ilona Varga"}


def test_pronoun_inside_its_own_sentence_takes_the_earlier_subject():
    f = figures("The Freedonian government said on Monday that it believed about 9,000 soldiers had crossed.")
    assert f[0]["claimant"] == "Freedonia"


# ---------------------------------------------------------------- roles and organisations

def test_a_role_takes_the_person_the_article_names_with_it_before_or_after():
    before = ("Tomas Kallas, Estonia's defence minister, visited the border on Friday.\n"
              "Estonia's defence minister said 400 engineers had arrived at the crossing.")
    assert figures(before)[0]["claimant"] == "Tomas Kallas"
    after = ("The head of the agency told reporters that 2,500 soldiers had been wounded.\n"
             "Marta Lind, who heads the agency, has run it since 2021.")
    assert figures(after)[0]["claimant"] == "Marta Lind"


def test_a_title_with_another_qualifier_is_not_the_last_speaker():
    text = ("“We are watching the border,” Defence Minister Ilona Varga said.\n"
            "Vice Defence Minister Piret Saar attended the same session.\n"
            "“More units will follow in stages,” the vice minister said.")
    assert quotes(text)["More units will follow in"] == "Piret Saar"


def test_an_organisation_stands_for_its_spokesperson_who_just_spoke():
    text = ("White House spokeswoman Dana Holt briefed reporters on Tuesday.\n"
            "“They are being sent to die,” the White House said.")
    assert quotes(text) == {"They are being sent to di": "Dana Holt"}


def test_a_president_speaks_for_himself_not_his_country():
    text = "“The offensive has failed,” Freedonian President Zoran Petrov said on Saturday."
    assert quotes(text) == {"The offensive has failed,": "Zoran Petrov"}


def test_organisation_column_keeps_the_body_a_person_speaks_for():
    f = figures("Port authority spokesman Ivo Marek of the Coastal Guard said 40 boats had been seized.")
    assert f[0]["claimant"] == "Ivo Marek" and "Coastal Guard" in f[0]["organisation"]


# ---------------------------------------------------------------- relayed claims

def test_a_lawmaker_citing_the_spy_agency_is_the_claimant_and_the_agency_the_source():
    f = figures("Lawmaker Han Ji-woo said, citing the National Intelligence Service, that 2,700 were wounded.")
    assert f[0]["claimant"] == "Han Ji-woo" and f[0]["source"] == "National Intelligence Service"


def test_a_lawmaker_is_the_one_lawmaker_the_article_names_and_nobody_when_it_names_two():
    one = figures("About 300 soldiers have been killed, a lawmaker said, citing the spy agency.\n"
                  "Lawmaker Han Ji-woo told reporters after the closed-door briefing.")
    assert one[0]["claimant"] == "Han Ji-woo" and "spy agency" in one[0]["source"]
    two = figures("About 300 soldiers have been killed, a lawmaker said, citing the spy agency.\n"
                  "Lawmaker Han Ji-woo and lawmaker Oh Min-seo attended the briefing.")
    assert two[0]["claimant"] == "unnamed: lawmaker" and "spy agency" in two[0]["source"]


def test_according_to_lawmakers_briefed_by_the_agency():
    f = figures("About 1,200 soldiers were injured, according to lawmakers briefed by the NIS.")
    assert f[0]["claimant"].startswith("unnamed: lawmakers") and f[0]["source"] == "National Intelligence Service"


def test_reported_speech_inside_reported_speech_cites_the_inner_speaker():
    f = figures("Lawmaker Oh Min-seo said the NIS had confirmed the transfer of about 60 guns.")
    assert f[0]["claimant"] == "Oh Min-seo" and f[0]["source"] == "National Intelligence Service"


@pytest.mark.parametrize("text,surface,source", [
    ("Freedonia's envoy to Chile, Mara Ostrowski, spoke in Santiago. Ostrowski said that, according to the "
     "Freedonian Intelligence Directorate, about 6,500 Sylvanian marines were already on the island.",
     "about 6,500", "Freedonian Intelligence Directorate"),
    ("Defence Minister Mara Ostrowski spoke to MPs on Tuesday. The minister added that, according to the "
     "Freedonian Intelligence Directorate, Sylvania had lost several hundred marines in a week.",
     "several hundred", "Freedonian Intelligence Directorate"),
    ("Mara Ostrowski told MPs that Sylvania was losing more than 700 marines a day, according to the latest "
     "Freedonian estimates.", "more than 700", "Freedonian estimates"),
    ("Mara Ostrowski said Sylvania was losing more than 700 marines a day, according to the Freedonian "
     "Intelligence Directorate.", "more than 700", "Freedonian Intelligence Directorate"),
])
def test_who_says_what_according_to_a_body_reports_is_the_claimant_and_the_body_the_source(text, surface, source):
    r = by_surface(text)[surface]
    assert r["claimant"] == "Mara Ostrowski" and source in r["source"]


@pytest.mark.parametrize("text,surface,claimant", [
    # "as X stated", closing the sentence with only a time: X says it; "if X asks" says nothing
    ("Sylvania has sent over 8,000 marines. Over 2,000 of them have been killed or wounded, as the President of "
     "Freedonia Zoran Petrov stated on 23 December.", "Over 2,000", "Zoran Petrov"),
    ("Sylvania could send as many as 20,000 more marines this year if Zoran Petrov asks.", "as many as 20,000", ""),
    # revising a figure states the new one; a time phrase without its comma leaves the pronoun the subject
    ("The Freedonian Intelligence Directorate said that some 1,500 marines had been shipped. Within a week it "
     "had raised the figure to 3,000 marines.", "3,000", "Freedonian Intelligence Directorate"),
])
def test_who_a_sentence_part_names_as_the_claimant(text, surface, claimant):
    assert by_surface(text)[surface]["claimant"] == claimant


def test_a_verb_form_after_a_possessive_is_a_noun_not_a_claim():
    # "Sylvania's state news agency": "state" names the agency's owner, it states nothing
    reg = Registry(pd.DataFrame([
        ["sylvania", "Sylvania", "", "government", "government", "", "Sylvania", "Sylvania"],
        ["sna", "Sylvanian News Agency", "SNA", "organization", "state news agency", "", "Sylvania", "Sylvania"]],
        columns=["actor_id", "name", "aliases", "kind", "role", "affiliation", "country", "side"]))
    text = "Sylvania's state news agency SNA dismissed Western reports of 10,000 marines as a fabrication."
    f = article_rows(text, article="t.txt", published="2025-01-14", registry=reg)[1]
    assert f[0]["claimant"] == "Sylvanian News Agency"


@pytest.mark.parametrize("text,claimant", [
    # people who relay a body's briefing speak to the press: they claim, the body is their source
    ("The Freedonian Intelligence Directorate told lawmakers on Monday, according to Rep. Ivo Dragan, that "
     "Sylvania had shipped as many as 4 million shells.", "Ivo Dragan"),
    ("Freedonian officials estimate that around 9,000 marines remain on the island, according to a source "
     "familiar with the exchanges.", "unnamed: source familiar with the exchanges"),
    # the outlet reporting is no speaker
    ("We also reported that, according to the Freedonian Intelligence Directorate, Sylvania has sent about "
     "220 guns.", "Freedonian Intelligence Directorate"),
])
def test_according_to_the_ones_who_relay_keeps_them_the_claimants(text, claimant):
    assert figures(text)[0]["claimant"] == claimant


@pytest.mark.parametrize("text", [
    "Sylvania had lost more than 4,000 marines, according to Britain's Defence Intelligence.",
    "Sylvania had lost more than 4,000 marines, according to the UK's Defence Intelligence.",
])
def test_a_body_of_another_country_is_not_the_registered_body_of_the_same_name(text):
    reg = Registry(pd.DataFrame([["ua_hur", "Defence Intelligence of Ukraine", "Defence Intelligence", "government",
                                  "military intelligence agency", "", "Ukraine", "Ukraine"]],
                                columns=["actor_id", "name", "aliases", "kind", "role", "affiliation", "country", "side"]))
    f = article_rows(text, article="t.txt", published="2025-01-14", registry=reg)[1]
    assert f[0]["claimant"].endswith("Defence Intelligence") and f[0]["actor_id"] == ""

# ---------------------------------------------------------------- outlet vs official

@pytest.mark.parametrize("text,claimant", [
    ("A senior defence official told the Guardian that 3,000 soldiers were training near the port.",
     "unnamed: senior defence official"),
    ("About 800 soldiers were wounded, officials told The War Zone.", "unnamed: officials"),
    ("Two Estonian intelligence officials, speaking on condition of anonymity, told Reuters that 700 engineers "
     "had arrived.", "unnamed: Estonian intelligence officials"),
])
def test_the_official_not_the_outlet_is_the_claimant(text, claimant):
    assert figures(text)[0]["claimant"] == claimant


# ---------------------------------------------------------------- claimant of the previous sentence

def test_a_continuing_sentence_inherits_the_claimant_and_a_quote_fragment_never_becomes_one():
    text = ("According to diplomats in Vilnius and Oslo, some 6,000 soldiers have been moved east. "
            "The North has also sent more than 9,000 containers of shells.\n"
            "The drills were called “a message to the region” by observers. Some 400 tanks took part.")
    f = figures(text)
    assert f[0]["claimant"] == f[1]["claimant"] == "unnamed: diplomats in Vilnius and Oslo"
    assert not f[2]["claimant"].startswith(("a message", "unnamed: a message"))


@pytest.mark.parametrize("text, speaker", [
    ("“The units moved at night,” a Freedonian defence official who spoke on condition of anonymity said.",
     "unnamed: Freedonian defence official"),
    ("“We saw the convoys,” two villagers, speaking to reporters at the crossing, said on Friday.",
     "unnamed: villagers"),
    ("“It is a long war,” said a senior diplomat who asked not to be named because the talks are private.",
     "unnamed: senior diplomat"),
])
def test_an_unnamed_source_is_labelled_without_its_relative_clause(text, speaker):
    q = rows(text)[0]
    assert [r["speaker"] for r in q] == [speaker]
    assert q[0]["speaker_kind"] == "anonymous"


def test_unconfirmed_reports_are_their_own_claimant():
    text = ("The Freedonian government said 4,000 soldiers had arrived, amid unconfirmed reports that the number "
            "could reach 9,000.")
    f = by_surface(text)
    assert f["4,000"]["claimant"] == "Freedonia"
    assert f["9,000"]["claimant"] == "unnamed: unconfirmed reports" and f["9,000"]["status"] == "projection"


# ---------------------------------------------------------------- surnames and one actor per person

def test_a_surname_claimant_takes_the_full_name_in_figures_as_in_quotes():
    text = ("Lawmaker Seo Da-eun of the defence committee briefed reporters.\n"
            "Seo said 1,100 soldiers had been wounded. “The numbers keep rising,” Seo said.")
    assert figures(text)[0]["claimant"] == "Seo Da-eun"
    assert quotes(text) == {"The numbers keep rising,": "Seo Da-eun"}


@pytest.mark.parametrize("text,name", [
    ("Chief of Staff Valentin Orlov said 2,000 soldiers had been redeployed.", "Valentin Orlov"),
    ("National Security Communications Adviser Jon Kerrigan said 2,000 soldiers had been redeployed.",
     "Jon Kerrigan"),
    ("Zoran Petrov's chief of staff Andrej Novak said 2,000 soldiers had been redeployed.", "Andrej Novak"),
    ("According to Han Ji-woo, 2,000 soldiers had been redeployed.", "Han Ji-woo"),
])
def test_role_words_are_not_part_of_a_name(text, name):
    assert figures(text)[0]["claimant"] == name


@pytest.mark.parametrize("text", [
    "In December, Austin and Kim said 2,000 soldiers had been redeployed.",
    "In December 2,000 soldiers were redeployed, Meanwhile Reuters reported.",
])
def test_a_date_or_a_conjunction_is_never_a_claimant(text):
    for r in figures(text):
        assert r["claimant"] not in ("In December", "Austin and Kim", "Meanwhile Reuters")


# ---------------------------------------------------------------- numbers in words and headlines

@pytest.mark.parametrize("text,surface,value", [
    ("Officials said five units had been moved.", "five", 5),
    ("Officials said there had been two deployments so far.", "two", 2),
    ("The anchor said 15-thousand troops were there.", "15-thousand", 15000),
    ("Officials said four-thousand-100 wounded were evacuated.", "four-thousand-100", 4100),
    ("Officials said some 200 soldiers deserted.", "some 200", 200),
    ("Officials said the toll has surpassed 3,000 soldiers.", "surpassed 3,000", 3000),
])
def test_numbers_in_words_and_verbs_of_quantity(text, surface, value):
    assert by_surface(text)[surface]["value"] == value


@pytest.mark.parametrize("text,surface", [
    ("Dozens of soldiers were captured.", "Dozens"), ("Several dozens of officers were attached.", "Several dozens"),
    ("Casualties were in the low hundreds, an official said.", "low hundreds"),
])
def test_vague_amounts(text, surface):
    r = by_surface(text)[surface]
    assert r["qualifier"] == "vague" and r["value"] != r["value"]


def test_a_percentage_of_the_force_is_a_casualty_figure():
    r = by_surface("Analysts estimate that 30% of the force has been killed or wounded.")["30%"]
    assert r["unit_category"] == "casualties"


def test_a_headline_figure_is_a_row_attributed_as_the_body_attributes_it_and_repeats_are_rows():
    title = "North sends 1,500 more soldiers"
    text = ("The NIS said on Monday that Pyongyang had sent 1,500 more soldiers.\n"
            "The 1,500 soldiers arrived by ship, the agency said.")
    f = figures(text, title=title)
    assert [r["field"] for r in f] == ["title", "text", "text"]
    assert all(r["claimant"] == "National Intelligence Service" for r in f)


@pytest.mark.parametrize("title,surface,claimant", [
    ("Freedonia says the drills show 'panic' as US puts 4,200 marines on the border", "4,200", "United States"),
    ("Freedonia reports 4,200 marines on the border; NIS warns 900 more could follow", "900",
     "National Intelligence Service"),
    ("Freedonia reports 4,200 marines on the border; NIS warns 900 more could follow", "4,200", "Freedonia"),
    ("Marines suffer hundreds of casualties on the border, US says", "hundreds", "United States"),
])
def test_each_headline_clause_has_its_own_attribution_and_us_is_no_pronoun(title, surface, claimant):
    f = {r["surface"]: r for r in figures("Body text.\n", title=title)}
    assert f[surface]["claimant"] == claimant


def test_a_headline_subject_that_is_believed_or_said_to_have_done_something_is_not_the_claimant():
    f = figures("Body text.\n", title="Freedonia believed to have shipped over 16,000 containers of arms: lawmakers")
    assert f[0]["claimant"] == "unnamed: lawmakers"
    f = figures("Body text.\n", title="Zoran Petrov said to have ordered 3,000 more troops to the front")
    assert f[0]["claimant"] == ""


# ---------------------------------------------------------------- documents and their publishers

def test_the_report_said_is_the_publisher_the_article_named_with_the_report():
    text = ("Zoran Petrov spoke on Monday.\n"
            "A new report from the Baltic Institute for Security, a Riga think tank, tries to measure the flows. "
            "The report said roughly 40% of the shells fired now come from Freedonia.")
    assert by_surface(text)["roughly 40%"]["claimant"] == "Baltic Institute for Security"
    text = ("The Baltic Institute for Security published a report on Monday. "
            "The report said 3,000 soldiers had been sent.")
    assert by_surface(text)["3,000"]["claimant"] == "Baltic Institute for Security"


def test_an_assessment_in_an_organisations_update_is_that_organisations():
    text = ("Freedonia's Ministry of Defence also weighed in.\n"
            "In its daily intelligence update on Sunday, the ministry said Sylvanian troops were used in assaults. "
            "The assessment said Sylvanian units had suffered several hundred casualties.")
    assert by_surface(text)["several hundred"]["claimant"] == "Freedonia's Ministry of Defence"


def test_a_definite_report_that_names_its_publisher_is_the_publishers():
    f = by_surface("Sylvania's losses surpassed 85,000 this week, per the Freedonian General Staff's daily tally.")
    assert f["surpassed 85,000"]["claimant"] == "Freedonian General Staff"
    text = ("Zoran Petrov received a report on the operation.\n\n"
            "According to the report submitted by the Baltic Institute for Security, the units wiped out "
            "more than 8 000 enemy troops.")
    assert by_surface(text)["more than 8 000"]["claimant"] == "Baltic Institute for Security"


def test_an_organisations_own_statement_claims_what_it_states_and_a_news_story_does_not():
    statement = ("Statement of the Ministry of Foreign Affairs of Freedonia regarding the deployment of troops\n\n"
                 "Since autumn, Sylvania has sent more than 14,000 military personnel to the front.\n\n"
                 "Press Service of the Ministry of Foreign Affairs of Freedonia")
    assert by_surface(statement)["more than 14,000"]["claimant"] == "Ministry of Foreign Affairs of Freedonia"
    signed = "Sylvania sent 14,000 troops across the border.\n\nPress Service of the Ministry of Defence of Freedonia"
    assert by_surface(signed)["14,000"]["claimant"] == "Ministry of Defence of Freedonia"
    issued = ("The following statement was issued by the Freedonian government on 28 April.\n\n"
              "Sylvania has supplied millions of artillery shells to the aggressor.")
    assert figures(issued)[0]["claimant"] == "Freedonia"
    story = ("“We will never forget their feat,” Zoran Petrov said in a statement published by the Freedonian "
             "government.\n\nTwo Sylvanian soldiers captured in January remain in custody.")
    assert by_surface(story)["Two"]["claimant"] == ""


# ---------------------------------------------------------------- whose figure it is

@pytest.mark.parametrize("text,about,category", [
    ("The alliance's chief said more than 600,000 Russian soldiers have been killed or wounded.", "russia",
     "casualties"),
    ("The general said Ukraine lost over 76,000 troops in the region.", "ukraine", "casualties"),
    ("Two soldiers were captured near the village, the army said.", "north_korea", "other"),
    ("Pyongyang has sent about 11,000 troops to Russia, the agency said.", "north_korea", "personnel"),
    ("Freedonian drones destroyed 14 tanks, the army said.", "unknown", "other"),
])
def test_each_figure_says_whose_troops_or_losses_it_counts(text, about, category):
    r = figures(text)[0]
    assert r["unit_category"] == category
    if about != "unknown":
        assert r["about"] == about


# ---------------------------------------------------------------- status and unit per figure

def test_status_belongs_to_each_figure_of_a_sentence():
    f = by_surface("The new Freedonian estimate of 10,000 soldiers comes after the army confirmed at least "
                   "3,000 soldiers.")
    assert f["10,000"]["status"] == "estimate" and f["at least 3,000"]["status"] == "confirmed"


def test_the_number_of_injured_approaches():
    r = by_surface("The number of injured approaches 1,000, an official said.")["approaches 1,000"]
    assert (r["qualifier"], r["unit"], r["unit_category"]) == ("approximately", "injured", "casualties")


# ---------------------------------------------------------------- quotes

def test_a_short_quote_opening_a_sentence_is_attributed_after_it():
    text = ("Defence Minister Ilona Varga met her counterparts in Riga.\n"
            "“Not yet decided,” the minister told reporters.")
    assert quotes(text) == {"Not yet decided,": "Ilona Varga"}


def test_a_quoted_phrase_in_a_noun_phrase_belongs_to_the_subject():
    text = "Analyst Rita Moor cited “a lack of real combat experience among the troops” as the main problem."
    assert quotes(text) == {"a lack of real combat exp": "Rita Moor"}


def test_a_quote_only_paragraph_whose_speaker_is_named_in_the_next_one():
    text = ("“We saw them advance across open ground without cover.”\n"
            "So said Hanna Oks, a drone operator in the area, speaking by phone.")
    assert quotes(text) == {"We saw them advance acros": "Hanna Oks"}


def test_a_table_row_takes_its_unit_claimant_and_date_from_the_header_row():
    text = ("Estimates of losses by side\n\n"
            "Date\tSource\tWounded\tKilled\n\n"
            "2 Dec 2024\tDefence Minister Ilona Varga\t~400\t90\n\n"
            "9 Dec 2024\tFreedonian government\t1,200+\t—")
    f = rows(text, published="2024-12-20")[1]
    got = {(r["surface"], r["unit"], r["unit_category"], r["claimant"], r["claim_date"], r["qualifier"]) for r in f}
    assert got == {("~400", "Wounded", "casualties", "Ilona Varga", "2024-12-02", "approximately"),
                   ("90", "Killed", "casualties", "Ilona Varga", "2024-12-02", "exact"),
                   ("1,200+", "Wounded", "casualties", "Freedonia", "2024-12-09", "over")}


def test_a_parenthesis_after_a_name_does_not_hide_the_speaker():
    text = ("Rep. Dana Kessler (R-Ohio), who sits on the Armed Services Committee, said in a statement that the "
            "move was “a direct escalation that demands a response from this administration.”")
    assert quotes(text) == {"a direct escalation that ": "Dana Kessler"}


def test_a_long_appositive_after_an_inverted_speaker():
    text = ("“They are told that capture is betrayal,” Mira Sohn, a former North Korean army officer who defected with her family to the "
            "South in 2016, told me this week. “A prisoner who talks can never go home.”")
    assert quotes(text) == {"They are told that captur": "Mira Sohn", "A prisoner who talks can ": "Mira Sohn"}


def test_the_subject_of_a_main_clause_after_a_lead_in_phrase():
    text = ("Meeting the commanders who returned home, the respected Comrade Zoran Petrov warmly congratulated "
            "them on their feats.\n\n“You have shown the world the might of our army,” he said.")
    assert quotes(text) == {"You have shown the world ": "Zoran Petrov"}
    text = ("The first time Taras Voloshyn saw the North Koreans, on the screen of a thermal camera near the "
            "village, he assumed the software had failed. “There were dozens of them, walking upright in one "
            "line,” he told me.")
    assert quotes(text) == {"There were dozens of them": "Taras Voloshyn"}


def test_a_colon_hands_the_quote_to_the_subject_of_its_clause_and_a_label_is_no_subject():
    text = ("Defence Minister Ilona Varga has seen the opportunity. In a post on X, she offered a swap for "
            "prisoners held by Sylvania: “If they want their men back, let them bring ours home.”")
    assert quotes(text) == {"If they want their men ba": "Ilona Varga"}
    labelled = "Details: nothing was said about losses.\n\nQuote: “We fight on and we will not stop.”"
    assert quotes(labelled) == {}


def test_a_people_named_by_its_demonym_is_not_a_person_and_a_description_is_a_speaker():
    text = ("The North Koreans advanced across the field. One of them, a 26-year-old rifleman, was captured.\n\n"
            "“I did not know I was going to fight,” the captured rifleman said in a video.")
    assert quotes(text) == {"I did not know I was goin": "unnamed: captured rifleman"}


def test_a_lead_in_place_and_an_asked_aside_are_not_speakers():
    text = ("In Freedonia, government spokesman Ivo Marek said in a post on X that the army was “watching "
            "closely”. Asked by reporters later whether Freedonia could confirm the clashes, he replied: “We have "
            "seen the reports, but we cannot confirm them.”")
    assert quotes(text) == {"We have seen the reports,": "Ivo Marek"}
    text = ("Ivo Marek briefed reporters in the capital.\n\n"
            "Asked whether Freedonia would impose sanctions, Marek replied, “We will respond appropriately "
            "with our partners.”")
    assert quotes(text) == {"We will respond appropria": "Ivo Marek"}


def test_the_agency_is_the_one_named_in_its_own_sentence_or_the_sentence_before():
    text = ("According to the Freedonian Intelligence Directorate, 3,500 soldiers have been lost.\n\n"
            "South Korea's National Intelligence Service (NIS) confirmed the capture on Monday. The agency said "
            "about 300 soldiers had been killed.")
    assert by_surface(text)["about 300"]["claimant"] == "National Intelligence Service"
    text = ("A soldier receives treatment in this image released by the army. Yonhap\n\n"
            "The NIS confirmed Monday that two soldiers had been captured, as lawmakers briefed by the agency said "
            "the death toll had reached about 300.")
    assert by_surface(text)["about 300"]["source"] == "National Intelligence Service"


def test_a_title_before_a_surname_is_the_person_named_in_full():
    text = ("First Vice Minister of Foreign Affairs Ilona Varga summoned the envoy on Monday.\n\n"
            "Vice Minister Varga said that Sylvania had sent more than 13,000 containers of shells.")
    assert by_surface(text)["more than 13,000"]["claimant"] == "Ilona Varga"


def test_a_transcripts_capitalised_label_is_the_speaker_and_a_question_claims_nothing():
    text = ("State Department spokesman Ivo Marek held the daily briefing.\n\n"
            "MR MAREK: Our number is approximately 10,000 soldiers, and it could be higher.\n\n"
            "QUESTION: Is your number of 11,000 soldiers wrong?")
    f = by_surface(text)
    assert f["approximately 10,000"]["claimant"] == "Ivo Marek" and f["11,000"]["claimant"] == ""


def test_first_person_in_a_labelled_turn_is_the_turns_speaker_and_a_question_opener_is_nobody():
    text = ("Border Agency spokeswoman Aline Kessler\nRiverton, D.C.\n\n"
            "MS KESSLER: Good morning. We now assess that about 2,400 guards have moved to the border.\n\n"
            "QUESTION: Are those numbers final? Is the agency sure?\n\n"
            "MS KESSLER: What I would say is that the other side has already shipped thousands of shells.")
    f = by_surface(text)
    assert f["about 2,400"]["claimant"] == "Aline Kessler"
    assert f["thousands"]["claimant"] == "Aline Kessler"


@pytest.mark.parametrize("text", [
    "Senator Ada Quill told reporters after a closed-door briefing by the Coastal Intelligence Bureau that "
    "about 640 marines had been wounded.",
    "Senator Ada Quill, speaking after a private briefing from the Coastal Intelligence Bureau, said "
    "about 640 marines had been wounded.",
])
def test_a_briefing_by_an_agency_makes_the_agency_the_source(text):
    r = by_surface(text)["about 640"]
    assert r["claimant"] == "Ada Quill" and r["source"] == "Coastal Intelligence Bureau"


def test_a_briefing_alone_does_not_make_the_briefer_the_claimant():
    text = ("In March, Senator Ada Quill emerged from a briefing by the Coastal Intelligence Bureau to tell "
            "reporters, on the bureau's authority, that about 640 marines had been wounded.")
    assert by_surface(text)["about 640"]["claimant"] != "Coastal Intelligence Bureau"


def test_who_states_a_figure_is_the_source_of_the_ones_who_relay_it():
    text = ("About 640 marines have been wounded, the Coastal Intelligence Bureau said on Friday, according to "
            "senators who attended a briefing in the capital.")
    r = by_surface(text)["About 640"]
    assert r["claimant"] == "unnamed: senators" and r["source"] == "Coastal Intelligence Bureau"


INTERVIEW = ("Harbour Talks | Episode 12\n\n"
             "This week host Ana Ruiz speaks with Dr. Petra Lind, a fellow at the Norden Institute.\n\n"
             "{host}: Petra, how many marines are on the border? The NIS told senators about 2,100 marines had arrived.\n\n"
             "{guest}: The Freedonian Intelligence Directorate puts it at about 4,300. I think 5,000 or so marines have "
             "rotated through.\n\n"
             "{host}: Thank you.\n\n{guest}: Thanks for having me.")


@pytest.mark.parametrize("host,guest", [("Editor", "Expert"), ("Q", "A"), ("HOST", "PETRA LIND"),
                                        ("KOREA HERALD", "Lind")])
def test_a_transcripts_guest_claims_what_they_relay_and_the_host_claims_nothing(host, guest):
    f = by_surface(INTERVIEW.format(host=host, guest=guest))
    assert f["about 4,300"]["claimant"] == "Petra Lind"
    assert f["about 4,300"]["source"] == "Freedonian Intelligence Directorate"
    assert f["5,000 or so"]["claimant"] == "Petra Lind"
    assert f["about 2,100"]["claimant"] == "National Intelligence Service"


def test_a_correspondents_turn_leaves_the_claim_with_whom_it_names():
    text = ("Transcript\n\nANA RUIZ: Freedonia has moved marines. Correspondent Tom Vale reports.\n\n"
            "TOM VALE: The Freedonian Intelligence Directorate says about 4,300 marines are on the border.\n\n"
            "ANA RUIZ: Thanks, Tom.\n\nTOM VALE: Thanks, Ana.")
    assert by_surface(text)["about 4,300"]["claimant"] == "Freedonian Intelligence Directorate"


def test_a_long_office_before_a_name_leaves_the_name_and_the_surname_finds_it():
    text = ("Deputy Minister Ilona Varga summoned Ambassador of the Republic of Sylvania to Freedonia Marek "
            "Dubrov on Monday.\n\n"
            "Ambassador Dubrov replied that the drills were \u201cnot directed against any neighbour at all.\u201d")
    assert quotes(text)["not directed against any "] == "Marek Dubrov"


def test_an_office_and_a_surname_named_only_later_answer_for_the_office():
    text = ("As the secretary said on Thursday, \u201cthe marines are being sent to die for nothing.\u201d\n\n"
            "Secretary Halvorsen will discuss this with his counterparts later this month.")
    assert quotes(text)["the marines are being sen"] == "Halvorsen"


def test_a_tv_transcripts_reporter_label_is_neither_subject_nor_claimant():
    text = ("ANCHOR (ANA RUIZ): What is the Freedonian side saying?\n\n"
            "REPORTER (TOM VALE): Ana, Freedonia's border command has been specific. On Sunday they said their "
            "drones had hit 45 Sylvanian marines. The White House's working figure is still about 4,300 marines "
            "on the island.\n\nANCHOR: Thank you, Tom.\n\nREPORTER: Thanks, Ana.")
    f = by_surface(text)
    assert f["45"]["claimant"] == "Freedonia's border command"
    assert f["about 4,300"]["claimant"] == "White House"


@pytest.mark.parametrize("lead", ["On Sunday", "Last week", "Yesterday", "On Monday morning"])
def test_a_time_phrase_before_the_subject_without_a_comma(lead):
    text = (f"The Freedonian Intelligence Directorate briefed lawmakers. {lead} it said 2,300 marines had "
            f"crossed the river.")
    assert by_surface(text)["2,300"]["claimant"] == "Freedonian Intelligence Directorate"


@pytest.mark.parametrize("intro", ["Sen. Mara Ostlund of Vermont", "Mara Ostlund of the Baltic Institute",
                                   "Mara Ostlund of the Freedonian Intelligence Directorate"])
def test_a_person_of_a_place_or_a_body_is_named_in_full_when_the_surname_speaks(intro):
    text = (f"{intro} questioned the witness on Tuesday.\n\n"
            "\u201cThe marines are not coming home any time soon,\u201d Ostlund said.")
    assert quotes(text)["The marines are not comin"] == "Mara Ostlund"


def test_an_abbreviated_rank_answers_for_the_title_even_after_an_unnamed_headline_mention():
    title = "Freedonian admiral warns marines are learning fast"
    text = ("That was the assessment on Thursday of Rear Adm. Tomas Ellwin, who told lawmakers about the deployment."
            "\n\nThe admiral said roughly 4,100 of the marines had been wounded.")
    assert by_surface(text, title=title)["roughly 4,100"]["claimant"] == "Tomas Ellwin"


def test_an_unnamed_spokesperson_of_one_side_is_not_the_named_spokesman_of_the_other():
    text = ("Kremlin spokesman Dmitry Peskov declined to comment on Monday.\n\n"
            "A spokesperson for Freedonia's border command, who asked not to be named, said 640 marines had "
            "crossed. The spokesperson said 120 more were expected.")
    assert "Peskov" not in by_surface(text)["120"]["claimant"]


@pytest.mark.parametrize("text,surface", [
    ("Sylvania is losing men. By the Baltic Defence Ministry's estimates, it lost more than 1,500 soldiers a day.",
     "more than 1,500"),
    ("Rep. Gary Holm, R-Tenn., asked about it. Rep. Ada Pine, D-N.J., said 300 marines had landed.", "300"),
    ("U.S. officials[2] said in February that more than 900 marines had been wounded.", "more than 900"),
])
def test_possessive_endings_party_tags_and_footnote_marks_are_not_names(text, surface):
    claimant = by_surface(text)[surface]["claimant"]
    assert not re.search(r"['’]s$|\b[RD]-|\[\d", claimant) and claimant


def test_an_articles_speakers_do_not_depend_on_the_articles_extracted_before_it():
    from briefing.attribution.resolver import Resolver
    other = "“We are watching,” the vice defence minister said on Monday."
    r = Resolver(other, REG)     # the same registry, so the same memo of parsed phrases
    r.parse_np("the vice defence minister", 20)
    r.parse_np("the vice defence minister", 21)      # the second answer comes from the title cache
    text = ("Vice Defence Minister Ilona Varga met reporters on Monday.\n\n"
            "“We are watching closely,” the vice defence minister said.")
    assert Resolver(text, REG).parse_np("the vice defence minister", text.rfind("the vice"))[1].name == "Ilona Varga"


def test_a_tally_list_counts_each_line_and_its_daily_change_for_whoever_introduces_it():
    text = ("The Freedonian Intelligence Directorate reported the enemy's total combat losses on Monday:\n\n"
            "personnel – about 41,300 (+620)\n"
            "tanks – 1,150 (+4)\n"
            "armoured combat vehicles – 2,210 (+9)\n\n"
            "Fighting continued near the river.")
    f = by_surface(text)
    assert f["about 41,300"]["unit_category"] == "casualties" and f["620"]["unit"] == "personnel"
    assert f["2,210"]["unit"] == "vehicles" and f["9"]["unit"] == "vehicles"
    assert {f[k]["claimant"] for k in ("about 41,300", "620", "1,150", "4", "2,210", "9")} == \
        {"Freedonian Intelligence Directorate"}


def test_an_air_force_speaks_and_a_force_of_a_number_does_not():
    f = by_surface("Freedonia's air force says Sylvania launched 102 drones overnight, of which 61 were shot down.")
    assert f["102"]["claimant"] == "Freedonia's air force" and f["61"]["claimant"] == "Freedonia's air force"
    assert by_surface("A force of 3,000 marines said nothing about the drills.")["3,000"]["claimant"] == ""


@pytest.mark.parametrize("after,speaker", [
    ("Those words came on Monday from Defence Minister Ilona Varga, who spoke in Riga.", "Ilona Varga"),
    ("That was the blunt assessment on Thursday of Rear Adm. Tomas Ellwin, who briefed lawmakers.", "Tomas Ellwin"),
    ("That was how Zoran Petrov, the Freedonian president, put it on Saturday.", "Zoran Petrov"),
    ("That is how a senior Freedonian diplomat described the drills.", "unnamed: senior Freedonian diplomat"),
    ("Ilona Varga made that remark in a televised address.", "Ilona Varga"),
])
def test_a_quote_paragraph_takes_the_speaker_the_next_sentence_points_back_to(after, speaker):
    text = ("Defence Minister Ilona Varga and Zoran Petrov met on Monday. Lawmakers also spoke.\n\n"
            "\u201cThe marines will not be home for a long time, whatever Sylvania says.\u201d\n\n" + after)
    assert quotes(text)["The marines will not be h"] == speaker


def test_every_paragraph_of_a_quotation_takes_the_speaker_named_after_it():
    text = ("RIGA (AP) \u2014 \u201cWhat worries me is not how many marines they sent. It is what they learn.\n\n"
            "\u201cThey have learned to fly drones and to hide from them.\n\n"
            "\u201cNo other navy in this region has that experience, including ours.\u201d\n\n"
            "That was the assessment on Thursday of Rear Adm. Tomas Ellwin, who briefed lawmakers.")
    got = quotes(text)
    assert got["What worries me is not ho"] == got["They have learned to fly "] == \
        got["No other navy in this reg"] == "Tomas Ellwin"


def test_the_subject_of_a_verb_coordinated_with_the_speech_verb():
    text = ("In a statement published by the government, Freedonian President Zoran Petrov thanked the marines and "
            "said they had \u201cacted with courage worthy of the highest respect.\u201d")
    assert quotes(text)["acted with courage worthy"] == "Zoran Petrov"


def test_a_dateline_city_and_a_noun_after_a_preposition_are_not_speakers():
    f = by_surface("RIGA \u2013 The government on Thursday voiced concern over reports that Sylvania has sent "
                   "thousands of marines to the border.")
    assert f["thousands"]["claimant"] != "RIGA"


def test_a_later_clause_with_its_own_verb_does_not_take_the_claim():
    text = ("The Freedonian Intelligence Directorate has said Sylvania shipped more than 13,000 containers of "
            "shells, an estimate two officials told Reuters was likely to rise.")
    assert by_surface(text)["more than 13,000"]["claimant"] == "Freedonian Intelligence Directorate"


@pytest.mark.parametrize("subject,name", [
    ("South Sylvania's foreign ministry", "South Sylvania's foreign ministry"),
    ("Japanese intelligence", "Japanese intelligence"),
    ("The external affairs ministry", "external affairs ministry"),
    ("The ministry", "unnamed: ministry"),
])
def test_an_institution_named_by_its_owner_or_its_office_is_named_as_written(subject, name):
    assert by_surface(f"{subject} said on Friday that 12 nationals had been killed.")["12"]["claimant"] == name


def test_a_quote_ending_in_an_inner_quote_takes_the_attribution_after_it():
    text = ("Freedonian Defence Minister Ilona Varga spoke on Monday. Spokesman Ivo Marek also spoke.\n\n"
            "\"As the minister put it on Monday, 'the marines are fighting on our border,'\" Marek said.")
    assert quotes(text)["As the minister put it on"] == "Ivo Marek"


@pytest.mark.parametrize("text", [
    "Sen. Mara Ostlund spoke. \u201cThe marines are no novelty there any more,\u201d Ostlund quoted a border official "
    "as saying.",
    "Sen. Mara Ostlund spoke. She quoted a border official who had told her, \u201cThe marines are no novelty there "
    "any more.\u201d Ostlund said she agreed.",
])
def test_the_one_quoted_is_the_speaker_not_the_one_quoting(text):
    assert quotes(text)["The marines are no novelt"] == "unnamed: border official"


def test_quoted_by_an_agency_as_saying_is_the_subjects_quote():
    text = ("Zoran Petrov visited the border.\n\n"
            "\u201cThe marines who fought there are the pride of the nation,\u201d Petrov was quoted by the Freedonian "
            "Intelligence Directorate as saying.")
    assert quotes(text)["The marines who fought th"] == "Zoran Petrov"


def test_a_bulleted_box_is_claimed_by_whoever_its_heading_names():
    text = ("Sylvania has not acknowledged the deployment.\n\n"
            "[BOX] What the Freedonian Intelligence Directorate has told lawmakers\n"
            "- Marines sent (Oct.-Dec.): about 4,100\n"
            "- Killed (as of January): about 230\n"
            "- Captured: 2\n\n"
            "Please send comments to our editors.")
    f = by_surface(text)
    assert {f[k]["claimant"] for k in ("about 4,100", "about 230", "2")} == {"Freedonian Intelligence Directorate"}


@pytest.mark.parametrize("caption", ["[Soundbite] Mara Ostlund (Border Committee, ruling party)",
                                     "Mara Ostlund, Border Committee chair", "SOUNDBITE: Mara Ostlund"])
def test_a_caption_line_over_a_quote_paragraph_names_its_speaker(caption):
    text = ("The committee met on Monday.\n\n" + caption + "\n"
            "\"The marines appear to accept these losses in exchange for the experience.\"")
    assert quotes(text)["The marines appear to acce"[:25]] == "Mara Ostlund"


def test_a_heading_that_mentions_a_name_does_not_speak_the_quote_below_it():
    text = ("The committee met on Monday.\n\nZoran Petrov's gamble on the border\n\n"
            "\"The marines appear to accept these losses in exchange for the experience.\"")
    assert "The marines appear to acce"[:25] not in quotes(text)


@pytest.mark.parametrize("text", [
    "Defence Minister Ilona Varga declined to give an estimate, saying it would be \u201cinappropriate to disclose "
    "what the intelligence shows.\u201d",
    "Defence Minister Ilona Varga spoke on Monday. She declined to give an estimate, saying it would be "
    "\u201cinappropriate to disclose what the intelligence shows.\u201d",
])
def test_a_participle_after_a_clause_speaks_for_the_clauses_subject(text):
    assert quotes(text)["inappropriate to disclose"] == "Ilona Varga"


def test_lawmakers_briefed_by_an_agency_stay_whole_as_a_relay():
    r = by_surface("Lawmakers briefed by the Freedonian Intelligence Directorate said about 3,600 marines were "
                   "wounded.")["about 3,600"]
    assert r["claimant"].startswith("unnamed: ") and "briefed" in r["claimant"]


def test_a_coordinated_clause_after_a_comma_has_its_own_subject():
    text = ("Deputy Minister Ilona Varga testified. Sen. Mara Ostlund pressed her. She asked whether the government "
            "would keep sharing intelligence, and Varga said she could not discuss \u201congoing deliberations at the "
            "ministry.\u201d")
    assert quotes(text)["ongoing deliberations at "] == "Ilona Varga"


def test_a_title_with_a_country_in_its_words_is_not_someone_from_another_country():
    text = ("Freedonian President Zoran Petrov inspected the marines in an undated photo.\n\n"
            "That was the assessment on Thursday of Rear Adm. Tomas Ellwin, the director of intelligence for "
            "U.S. Pacific Command, who told lawmakers that Sylvania has now sent more than 14,000 marines.")
    assert by_surface(text)["more than 14,000"]["claimant"] == "Tomas Ellwin"
    text2 = ("Freedonian President Zoran Petrov inspected the marines.\n\n"
             "The director of intelligence for U.S. Pacific Command told lawmakers that 14,000 marines were sent.")
    assert by_surface(text2)["14,000"]["claimant"] != "Zoran Petrov"


@pytest.mark.parametrize("text", [
    "\u201cThe marines are being used as expendable troops,\u201d said Rep. Mara Ostlund of the Labour Party.",
    "Rep. Mara Ostlund spoke. Hours earlier, the border command published a statement confirming the marines "
    "had been sent \u201con the order of the head of state and nobody else.\u201d",
    "HOST: Hello and welcome. I'm Mara Ostlund. On Saturday Zoran Petrov wrote on X, and I'm quoting here, "
    "\u201cLike other prisoners of war, they are receiving medical care.\u201d",
])
def test_abbreviations_sentence_openers_and_contractions_are_never_speakers(text):
    got = {r["speaker"] for r in rows(text)[0]}
    assert not got & {"Rep", "Hours", "I'm Mara Ostlund", "I'm"}, got


def test_people_familiar_and_a_document_an_outlet_reviewed():
    f = by_surface("Sylvania has sent as many as 20,000 containers of shells, according to people familiar with "
                   "the matter.")
    assert f["as many as 20,000"]["claimant"] == "unnamed: people familiar with the matter"
    f = by_surface("Sylvania shipped about 5.8 million shells in 2024, according to a Freedonian Intelligence "
                   "Directorate assessment reviewed by Reuters.")
    assert f["about 5.8 million"]["claimant"] == "Freedonian Intelligence Directorate"


def test_a_clause_is_never_an_unnamed_source():
    text = "Freedonian defence shares rallied on Tuesday after the president said 11,000 marines had landed."
    assert not by_surface(text)["11,000"]["claimant"].startswith("unnamed: Freedonian defence shares")


def test_a_bodys_own_page_speaks_in_the_first_person_plural():
    text = ("Freedonian Intelligence Directorate\n\n"
            "Sylvanian marines suffer first losses\n\n"
            "According to the National Intelligence Service, the marines lost at least 200 men in three days.\n\n"
            "We estimate that about 11,000 Sylvanian marines are currently on the island.")
    f = by_surface(text)
    assert f["about 11,000"]["claimant"] == "Freedonian Intelligence Directorate"
    assert f["at least 200"]["claimant"] == "National Intelligence Service"


def test_a_news_page_naming_a_body_in_its_first_line_does_not_make_we_that_body():
    text = ("Freedonian Intelligence Directorate\n\n"
            "\u201cWe estimate that about 11,000 marines are there,\u201d Zoran Petrov said on Monday.")
    assert by_surface(text)["about 11,000"]["claimant"] == "Zoran Petrov"


@pytest.mark.parametrize("part", ["two of the people", "One of the people", "some of the people"])
def test_some_of_a_group_named_before_are_that_group(part):
    text = ("Sylvania has sent as many as 20,000 containers, according to people familiar with the matter. "
            f"It also sent at least 100 missiles, {part} said.")
    assert by_surface(text)["at least 100"]["claimant"] == "unnamed: people familiar with the matter"


def test_a_table_rendered_with_pipes_and_a_description_column():
    text = ("The claims so far:\n\n"
            "Date | Claimed by | Figure | What it counts\n\n"
            "Oct 18, 2024 | Freedonian Intelligence Directorate | 1,500 | special forces troops shipped\n\n"
            "Dec 23, 2024 | Zoran Petrov | over 3,000 | killed and wounded\n\n"
            "Jan 11, 2025 | Zoran Petrov | 2 | soldiers captured\n\n"
            "Share | Email | Print")
    f = by_surface(text, published="2025-03-01")
    assert (f["1,500"]["claimant"], f["1,500"]["claim_date"]) == ("Freedonian Intelligence Directorate", "2024-10-18")
    assert (f["over 3,000"]["qualifier"], f["over 3,000"]["unit_category"]) == ("over", "casualties")
    assert (f["2"]["unit"], f["2"]["unit_category"], f["2"]["claimant"]) == ("soldiers", "other", "Zoran Petrov")


def test_an_abbreviated_rank_and_a_surname_answer_for_the_title_and_an_adjective_owns_no_estimate():
    text = ("Gen. Petrov said on Monday that the marines had rejoined assaults. According to the general, they "
            "have lost about 4,000 killed and wounded. Zoran Petrov, the commander-in-chief, spoke later.")
    assert by_surface(text)["about 4,000"]["claimant"] == "Zoran Petrov"
    f = by_surface("Sylvania has sent between 14,000 and 15,000 marines, according to Western estimates.")
    assert f["between 14,000 and 15,000"]["claimant"] != "Western"


# ---------------------------------------------------------------- relays told at the end or after an opening time

@pytest.mark.parametrize("text", [
    "The intelligence service said about 4,000 soldiers had been wounded, according to lawmakers who attended "
    "the closed session.",
    "On Feb. 27, according to lawmakers who attended the closed session, the intelligence service put the "
    "casualties at about 4,000.",
])
def test_according_to_the_people_who_relay_a_briefing_makes_them_the_claimants(text):
    r = by_surface(text)["about 4,000"]
    assert r["claimant"] == "unnamed: lawmakers" and r["source"] != ""


@pytest.mark.parametrize("text, figure, who", [
    ("The NIS now estimates that Freedonia will send about 9,000 troops in all, according to Rep. Ana Varga of "
     "the Unity Party, who briefed reporters after the session.", "about 9,000", "Ana Varga"),
    ("The NIS told a closed session on Monday that some 2,000 soldiers had left and that the total would reach "
     "8,000 by May, according to Piotr Lenz, a lawmaker who attended.", "some 2,000", "Piotr Lenz"),
])
def test_according_to_at_the_end_with_who_the_cited_is_makes_them_the_claimant(text, figure, who):
    # the comma before "who" / "a lawmaker" sets off who they are, not a new clause of the sentence
    r = by_surface(text)[figure]
    assert r["claimant"] == who and r["source"] == "National Intelligence Service"


def test_according_to_at_the_end_before_a_new_clause_does_not_govern_the_sentence():
    r = by_surface("The FID said about 9,000 troops were sent, according to Ana Varga, and the ministry said "
                   "600 had been wounded.")["600"]
    assert r["claimant"] != "Ana Varga"


def test_members_of_a_committee_are_claimants():
    r = by_surface("The spy agency put the toll at some 1,500 soldiers, according to members of the Senate's "
                   "defence committee who were briefed on Tuesday.")["some 1,500"]
    assert r["claimant"].startswith("unnamed: members of the Senate")


# ---------------------------------------------------------------- a person introduced without a name, met again

@pytest.mark.parametrize("back", ["the source said", "the same source said"])
def test_the_source_is_the_unnamed_one_the_article_introduced(back):
    text = ("Reporters met a source close to the Freedonian navy, who asked not to be identified.\n\n"
            f"“The marines are counted on separate forms,” {back}.")
    assert quotes(text) == {"The marines are counted o": "unnamed: source close to the Freedonian navy"}


def test_according_to_the_same_source_is_that_source():
    text = ("Reporters met a source close to the Freedonian navy, who asked not to be identified.\n\n"
            "According to the same source, about 900 marines had been wounded.")
    assert by_surface(text)["about 900"]["claimant"] == "unnamed: source close to the Freedonian navy"


def test_the_first_and_the_second_source_are_the_ones_introduced_in_that_order():
    text = ("A source in Harbour Province told the paper that trains were running at night. “They take the "
            "youngest,” a second source in Hill Province said. “The rail workers count the cars,” the first "
            "source said.")
    assert quotes(text) == {"They take the youngest,": "unnamed: source in Hill Province",
                            "The rail workers count th": "unnamed: source in Harbour Province"}


# ---------------------------------------------------------------- "a spokesperson said", named in the next paragraph

def test_a_spokesperson_in_the_lede_is_the_one_named_just_after():
    text = ("Freedonian forces killed or wounded more than 1,000 soldiers last week, a military spokesperson "
            "said on Monday.\n\nAndrei Holub, spokesperson for the southern grouping of forces, told television "
            "that the assaults had come in waves.")
    assert by_surface(text)["more than 1,000"]["claimant"] == "Andrei Holub"


def test_a_spokesperson_named_far_away_is_not_taken_for_the_one_in_the_lede():
    filler = "Fighting went on along the river through the night, and the roads stayed closed. " * 25
    text = ("Freedonian forces killed or wounded more than 1,000 soldiers last week, a military spokesperson "
            f"said on Monday.\n\n{filler}\n\nAndrei Holub, spokesperson for the navy, spoke about the harbour.")
    assert by_surface(text)["more than 1,000"]["claimant"] != "Andrei Holub"


# ---------------------------------------------------------------- a document prepared by an institution

def test_a_document_prepared_by_an_institution_is_that_institutions_claim():
    text = ("The document, an assessment prepared by Freedonia's naval intelligence service in late February, "
            "says about 2,000 marines were wounded. The assessment also says up to 200 guns were shipped.")
    f = by_surface(text)
    assert f["about 2,000"]["claimant"] == f["up to 200"]["claimant"] == "Freedonia's naval intelligence service"


# ---------------------------------------------------------------- quote-only paragraphs named after them

def test_quote_only_paragraphs_take_the_speaker_a_later_pointer_names_with_the_figures_inside():
    text = ("Earlier this month, lawmaker Ivo Marek told reporters that about 13,000 containers had been sent.\n\n"
            "“The pier has never been this full. Last month you would see a few dozen containers at a time.”\n\n"
            "“What we see now is a backlog.”\n\n"
            "That is the reading of Hanna Oks, an imagery analyst in Vienna, who has tracked the port.")
    assert quotes(text) == {"The pier has never been t": "Hanna Oks", "What we see now is a back": "Hanna Oks"}
    assert by_surface(text)["a few dozen"]["claimant"] == "Hanna Oks"


# ---------------------------------------------------------------- clauses beside a quote that are not its attribution

def test_a_clause_after_the_quote_that_opens_with_after_is_not_its_attribution():
    text = ("Spokesman Ivo Marek spoke on Monday. Marek returned to the subject in December, telling reporters "
            "that “our position on this issue has not changed,” after the White House said the losses were "
            "in the hundreds.")
    assert quotes(text) == {"our position on this issu": "Ivo Marek"}


def test_an_occasion_set_off_by_commas_is_stepped_over_to_the_subject():
    who = "unnamed: spokesperson for the Freedonian Intelligence Directorate"
    text = ("A spokesperson for the Freedonian Intelligence Directorate, in a separate press statement released "
            "through state media, said the drills were “routine exercises of a sovereign state”.\n\n"
            "“Nobody needs to answer to the claims of others,” the spokesperson said.")
    assert quotes(text) == {"routine exercises of a so": who, "Nobody needs to answer to": who}


def test_a_colleague_named_after_the_word_is_the_speaker():
    text = ("Asked about the claims in late October, the minister's colleague Ivo Marek said he was “not aware "
            "of the relevant situation”.")
    assert quotes(text) == {"not aware of the relevant": "Ivo Marek"}


def test_an_answer_word_is_not_a_surname():
    text = ("Press secretary Ivo Marek briefed reporters.\n\nQ: How many marines are there now?\n\n"
            "MR. MAREK: No, we still assess 11,000 to 12,000 marines. Yes, the count is firm.")
    assert by_surface(text)["11,000 to 12,000"]["claimant"] == "Ivo Marek"


@pytest.mark.parametrize("who", ["a Navy spokesperson", "a spokesperson for the Freedonian navy"])
def test_a_spokesperson_of_a_named_body_is_not_the_other_spokesperson_named_after(who):
    text = (f"Freedonian forces killed or wounded more than 1,000 soldiers last week, {who} said on Monday.\n\n"
            "Kremlin spokesman Andrei Holub told television that the assaults had come in waves.")
    assert by_surface(text)["more than 1,000"]["claimant"] != "Andrei Holub"


def test_an_unnamed_source_placed_between_commas_and_the_last_one_who_led_a_sentence():
    text = ("A source in Harbour Province told the paper that notices had arrived. “They never mention the war,” "
            "the source said.\n\n"
            "A second source, in Hill Province, said replacements were being chosen. Around 1,000 marines will go "
            "in the next rotation, the source said.\n\n"
            "The Harbour Province source said residents had pieced it together from rail workers.\n\n"
            "“Dozens of freight cars go north every week,” the source said.")
    assert by_surface(text)["Around 1,000"]["claimant"] == "unnamed: source in Hill Province"
    assert quotes(text)["Dozens of freight cars go"] == "unnamed: source in Harbour Province"


def test_giving_a_figure_claims_it():
    text = "Seoul says 12,000 marines were sent. The White House has given a slightly lower figure of about 10,000."
    assert by_surface(text)["about 10,000"]["claimant"] == "White House"


def test_the_subject_of_a_relative_clause_claims_the_figure():
    text = ("The package leaves out the port, through which senior Freedonian defence officials say more than 20,000 containers "
            "of shells have moved.")
    assert by_surface(text)["more than 20,000"]["claimant"] == "unnamed: senior Freedonian defence officials"


def test_a_claim_two_governments_make_together_is_both_governments():
    r = by_surface("According to Moscow and Washington, about 11,000 marines are in the region.")["about 11,000"]
    assert r["claimant"] == "Russia and United States"


def test_as_confirmed_by_an_agency_is_that_agencys_claim():
    r = by_surface("As confirmed by the Freedonian Intelligence Directorate on October 18, about 1,500 marines "
                   "were moved to the islands.")["about 1,500"]
    assert r["claimant"] == "Freedonian Intelligence Directorate"


def test_a_speaker_citing_a_number_claims_it_and_a_noun_before_put_is_no_verb():
    text = "In late December Zoran Petrov was already citing more than 3,000 marines killed and wounded."
    assert by_surface(text)["more than 3,000"]["claimant"] == "Zoran Petrov"
    text = "Freedonian estimates put the number of marines deployed at between 14,000 and 15,000."
    assert by_surface(text)["between 14,000 and 15,000"]["claimant"] != "Freedonian"


def test_an_honorific_and_a_surname_is_the_person_the_article_names():
    text = ("Fiona Brennock is an analyst at the institute.\n\nDr Brennock said Sylvania had already supplied "
            "several million artillery shells.")
    assert by_surface(text)["several million"]["claimant"] == "Fiona Brennock"


def test_according_to_an_institution_is_its_claim_not_its_spokespersons():
    text = ("Freedonian Intelligence Directorate representative Ivo Marek said the marines attack in columns. "
            "“They are treated as consumables,” Marek said.\n\n"
            "According to the Freedonian Intelligence Directorate, Sylvania has also supplied about 120 guns.")
    assert by_surface(text)["about 120"]["claimant"] == "Freedonian Intelligence Directorate"


def test_a_figure_compared_with_the_one_before_has_its_own_claimant():
    text = ("The Freedonian government estimated that casualties had reached about 4,700 killed and wounded, well "
            "above the roughly 3,000 that the Freedonian Intelligence Directorate had confirmed in an earlier briefing.")
    f = by_surface(text)
    assert f["about 4,700"]["claimant"] == "Freedonia"
    assert f["roughly 3,000"]["claimant"] == "Freedonian Intelligence Directorate"


def test_a_place_the_sentence_opens_with_is_not_the_speaker():
    text = ("In Washington, a Freedonian defence official said on Monday, speaking on condition of anonymity, that "
            "the marines had taken hundreds of casualties.")
    assert by_surface(text)["hundreds"]["claimant"] == "unnamed: Freedonian defence official"


def test_a_statement_by_a_body_published_by_an_agency_speaks_for_the_body():
    text = ("On April 28, the state news agency published a statement by the Freedonian Intelligence Directorate "
            "confirming that marines had been sent “on the order of the head of state.” The statement said the "
            "marines had “honourably fulfilled their duty to their allies.”")
    assert quotes(text) == {"on the order of the head ": "Freedonian Intelligence Directorate",
                            "honourably fulfilled thei": "Freedonian Intelligence Directorate"}


def test_a_headline_quote_is_the_body_quote_with_the_same_words():
    title = "'They Came Back Smarter': commander says the marines are back at the front"
    text = (f"{title}\n\nCommander Ivo Marek spoke to reporters near the river on Monday.\n\n"
            "“They came back smarter. Now they move in small groups,” he said.")
    got = {r["quote"]: r["speaker"] for r in rows(text, title=title)[0]}
    assert got["They Came Back Smarter"] == "Ivo Marek"


@pytest.mark.parametrize("text, key, who", [
    ("“A drone operator is not a coroner,” as a Freedonian officer I interviewed in the capital put it to me.",
     "A drone operator is not a", "unnamed: Freedonian officer"),
    ("My colleague in Riga put it well the other day: “Every marine who survives goes home a teacher.”",
     "Every marine who survives", "unnamed: colleague in Riga"),
])
def test_putting_it_is_saying_it(text, key, who):
    assert quotes(text) == {key: who}


def test_a_quote_inside_a_sentence_that_ends_with_its_attribution():
    text = ("Sylvania has sent “well over 10,000 containers” of shells to the front since last year, Ivo Marek "
            "said on Monday, a number that matches the navy's estimates.")
    assert quotes(text) == {"well over 10,000 containe": "Ivo Marek"}


def test_the_person_is_one_of_the_people_the_article_cites():
    text = ("Sylvania will send 12,000 more marines, according to three people familiar with the matter and a "
            "navy document seen by reporters.\n\n"
            "“The only question is how fast they can train them,” one of the people said.\n\n"
            "“Soldiers can be replaced,” the person said.")
    assert quotes(text) == {"The only question is how ": "unnamed: people familiar with the matter",
                            "Soldiers can be replaced,": "unnamed: people familiar with the matter"}


def test_a_clause_of_time_after_the_quote_is_not_its_speaker():
    text = ("Freedonian Defence Minister Ilona Varga says there is “evidence that there are marines in the "
            "region”, the first time Freedonia has confirmed the deployment.")
    assert quotes(text) == {"evidence that there are m": "Ilona Varga"}


def test_a_country_in_a_persons_that_clause_is_what_the_person_said():
    text = ('Secretary of State Ilona Varga said on Thursday that about 8,000 North Korean troops had moved into '
            'Kursk and that the US expected them to enter combat "in the coming days."')
    assert quotes(text) == {"in the coming days.": "Ilona Varga"}


def test_according_to_a_titled_abbreviation_reads_past_its_stop():
    text = ("According to Rep. Ivo Marek of the Unity Party, who relayed a closed-door briefing to reporters, the "
            "intelligence service told the committee that at least 100 marines had been killed.")
    assert by_surface(text)["at least 100"]["claimant"] == "Ivo Marek"


def test_an_appositive_role_ends_where_a_relative_clause_about_the_person_starts():
    # "a lawmaker of the opposition Unity Party of Freedonia who sits on the committee" is longer than any
    # role; the role is the words before "who", so "the lawmaker" later is still her
    text = ("Ana Varga, a lawmaker of the opposition Unity Party of Freedonia who sits on the intelligence "
            "committee, told reporters that Freedonia had shipped 2,000 containers. The lawmaker said the "
            "agency believes some 900 soldiers were sent. \"We were told very little,\" the lawmaker said.")
    assert by_surface(text)["some 900"]["claimant"] == "Ana Varga"
    assert quotes(text)["We were told very little,"] == "Ana Varga"


@pytest.mark.parametrize("lead, who", [
    ("In his nightly video address on Monday he said", "Zoran Petrov"),
    ("In a Telegram post on Tuesday Petrov said", "Zoran Petrov"),
    ("At a briefing in Sylvania the NIS said", "National Intelligence Service"),
    ("In an interview with the BBC he said", "Zoran Petrov"),
    ("During a visit to the front in March the president said", "Zoran Petrov"),
])
def test_a_lead_in_phrase_without_a_comma_is_no_part_of_the_subject(lead, who):
    text = f"President Zoran Petrov spoke again this week. {lead} about 9,000 Freedonian soldiers were in Sylvania."
    assert by_surface(text)["about 9,000"]["claimant"] == who


@pytest.mark.parametrize("text, figure, wrong", [
    # a qualifier is no lead-in: the lawmaker set off at the end says it
    ("At least 100 Freedonian soldiers have been killed since they were sent to fight against Sylvania, a "
     "Sylvanian lawmaker said on Thursday.", "At least 100", "Sylvania"),
    # a speaker's "we" after a lead-in is theirs, never the last person the text named
    ("President Zoran Petrov spoke. After one attack we counted more than 60 bodies.", "more than 60", "Zoran Petrov"),
])
def test_what_a_lead_in_is_not(text, figure, wrong):
    assert by_surface(text)[figure]["claimant"] != wrong


@pytest.mark.parametrize("text", [
    "The NIS gave a lower figure on Monday, telling lawmakers that about 300 soldiers had been killed.",
    "The Freedonian Intelligence Directorate released new numbers, saying about 300 soldiers had been killed.",
])
def test_a_bodys_participle_of_saying_is_the_bodys_claim(text):
    who = by_surface(text)["about 300"]["claimant"]
    assert who in ("National Intelligence Service", "Freedonian Intelligence Directorate")


def test_a_bodys_participle_that_says_nothing_claims_nothing():
    # "killing" is no verb of saying: the drones' owner does not thereby claim the number
    assert by_surface("Sylvania launched a drone strike on Monday, killing about 300 soldiers.")["about 300"][
        "claimant"] != "Sylvania"


@pytest.mark.parametrize("text, figure, who", [
    # a relative pronoun alone stands for the noun phrase the comma closed
    ("The number is close to the estimate of the National Intelligence Service (NIS), which said last month that "
     "Freedonia had decided to send some 9,000 soldiers.", "some 9,000", "National Intelligence Service"),
    # an appositive's title stands for the person named before it, not for the body at its end
    ("The warning came from Ana Varga, the director of intelligence for the Freedonian Intelligence Directorate, "
     "who told lawmakers that Freedonia has now sent more than 9,000 troops.", "more than 9,000", "Ana Varga"),
    # "which X say": X is the subject of the relative clause
    ("Freedonia has never confirmed the deployment, which the White House says numbers about 9,000 troops.",
     "about 9,000", "White House"),
])
def test_the_subject_of_a_relative_clause_of_saying_claims_the_figure(text, figure, who):
    assert by_surface(text)[figure]["claimant"] == who


def test_a_relative_clause_after_the_figure_says_what_a_phrase_meant_not_the_figure():
    # "which the source said meant ...": the source glosses a phrase; the documents give the number
    r = by_surface("The documents record 86 soldiers as 'transferred to the other side,' which a source close "
                   "to the ministry said meant they had died.")["86"]
    assert not r["claimant"].startswith("unnamed: source")


def test_a_lower_case_title_and_name_after_a_long_lead_in_is_the_sentence_subject():
    # the subject a later "she said" goes back to, not the man who spoke a paragraph earlier
    text = ("Freedonia's deputy foreign minister Ivo Marek said on Friday that any deployment \"would be lawful\".\n\n"
            "At the Interior Ministry’s regular news briefing in Sylvania on Thursday, spokesperson Ana Lind Varga "
            "declined to comment directly on the reports.\n\n"
            "\"Our position on the conflict is well known,\" she said.")
    assert quotes(text)["Our position on the confl"] == "Ana Lind Varga"


def test_a_crosshead_quoting_a_later_quote_is_spoken_by_its_speaker_not_the_paragraph_above():
    text = ("Ivo Marek said any deployment \"would be lawful\" and \"is our own affair, nobody else's\".\n\n"
            "'Not in a position to verify'\n\n"
            "Spokesperson Ana Lind Varga declined to comment on the reports. \"We want the war to end,\" she said, "
            "adding that Sylvania was \"not in a position to verify\" the accounts.")
    got = [(r["quote"], r["speaker"]) for r in rows(text)[0] if r["quote"].lower().startswith("not in a position")]
    assert got and all(sp == "Ana Lind Varga" for _, sp in got)
    # a crosshead nobody is said to speak, after a paragraph without a quotation: the one whose words it repeats
    text = ("Sylvania has sent troops to the front.\n\n'They will learn from this'\n\n"
            "\"Sylvania's army has not fought a real war in decades,\" said Ivo Marek, who studies its military. "
            "\"Every day these men spend at the front, they will learn from this, about drones above all.\"")
    got = [r["speaker"] for r in rows(text)[0] if r["quote"].startswith("They will learn from this")]
    assert got == ["Ivo Marek"]
    # a crosshead with a label naming whose words ("Marek: '...'"), the flow's speaker above another
    text = ("\"We are watching,\" Zoran Petrov said.\n\nMarek: 'An incredibly significant escalation'\n\n"
            "Speaking this morning, Ivo Marek said the government had been briefed.\n\n"
            "\"This is an incredibly significant escalation. Thousands are now fighting,\" he said.")
    got = [r["speaker"] for r in rows(text)[0] if r["quote"].startswith("An incredibly")]
    assert got == ["Ivo Marek"]


@pytest.mark.parametrize("silence", [
    "Mr Marek has made no public comment on the two men.",
    "Ivo Marek did not respond to a request for comment.",
    "Marek has remained silent on the matter.",
])
def test_a_subject_said_to_have_said_nothing_is_no_antecedent_of_he_said(silence):
    text = ("\"We will return these soldiers,\" President Zoran Petrov wrote on X.\n\n"
            f"{silence} The deployment has never been acknowledged.\n\n"
            "In a video address on Sunday, he said losses had reached about 3,800 killed and wounded, and that "
            "commanders were \"throwing them into the meat grinder\".")
    assert by_surface(text)["about 3,800"]["claimant"] == "Zoran Petrov"
    assert quotes(text)["throwing them into the me"] == "Zoran Petrov"


def test_a_subject_who_made_no_secret_of_something_still_speaks():
    text = ("\"We will return these soldiers,\" President Zoran Petrov wrote on X.\n\n"
            "Ivo Marek has made no secret of his plans. He said about 3,800 men were ready.")
    assert by_surface(text)["about 3,800"]["claimant"] == "Ivo Marek"


def test_a_role_set_off_by_commas_mid_sentence_is_the_persons_for_a_later_title():
    text = ("Freedonia has sent about 9,000 soldiers, Sylvania's ambassador to Ruritania, Oleh Dovzhenko, told the "
            "paper on Sunday.\n\n\"Half of the shells that fall on us come from Freedonia,\" the ambassador said.")
    assert quotes(text)["Half of the shells that f"] == "Oleh Dovzhenko"


def test_a_name_before_its_appositive_is_the_subject_a_pronoun_goes_back_to():
    text = ("Sylvania's ambassador, Oleh Dovzhenko, spoke to the paper on Sunday.\n\n"
            "Dovzhenko, a career diplomat who took up his post in 2023, said the soldiers had suffered heavy losses.\n\n"
            "\"Close to 4,000 of them have been killed or wounded,\" he said.")
    assert quotes(text)["Close to 4,000 of them ha"] == "Oleh Dovzhenko"
    assert by_surface(text)["Close to 4,000"]["claimant"] == "Oleh Dovzhenko"


def test_the_statement_a_sentence_opens_on_is_its_subjects_and_so_is_it_said_after_it():
    text = ("The White House said on Monday that about 9,000 Freedonian soldiers were in Sylvania.\n\n"
            "In a statement this afternoon, Foreign Minister Ana Varga said Freedonia could send as many as 12,000.\n\n"
            "\"Sylvania condemns the decision to send soldiers,\" the statement said. \"Freedonia's reliance on "
            "foreign troops shows how badly its war has gone,\" it said.")
    q = quotes(text)
    assert q["Sylvania condemns the dec"] == "Ana Varga" and q["Freedonia's reliance on f"] == "Ana Varga"


def test_a_malaysian_honour_is_no_part_of_the_name_and_the_given_name_refers_back():
    text = ("Foreign Minister Datuk Seri Aziz Rahman spoke to reporters on Sunday.\n\n"
            "\"Our position is very clear,\" said Aziz, who is chairing the meeting.")
    assert quotes(text)["Our position is very clea"] == "Aziz Rahman"


@pytest.mark.parametrize("text, figure, who", [
    # "Sri" opening a given name stays in it (only after "Datuk" is it an honour)
    ("Finance Minister Sri Wulan Indrawati said about 300 workers had left.", "about 300", "Sri Wulan Indrawati"),
    # an unnamed description keeps the abbreviation it opens with
    ("Around 9,000 soldiers were sent, according to U.S. and Sylvanian estimates.", "Around 9,000",
     "unnamed: U.S. and Sylvanian estimates"),
    # a lab is a body, not a person
    ("Northfield University's Open Source Verification Lab counted at least 2,400 rail containers, according to "
     "the lab's report.", "at least 2,400", "Northfield University's Open Source Verification Lab"),
])
def test_names_that_are_easy_to_cut_wrongly(text, figure, who):
    assert by_surface(text)[figure]["claimant"] == who


def test_the_second_of_two_that_clauses_is_still_the_tellers_and_a_capital_is_its_government():
    text = ("A senior Sylvanian official, speaking on background, told the paper that the assessment \"broadly "
            "matches\" those of its allies, and that Ottawa believed at least 12,000 soldiers had served.")
    r = by_surface(text)["at least 12,000"]
    assert r["claimant"].startswith("unnamed: senior Sylvanian official") and r["source"] == "Canada"


@pytest.mark.parametrize("capital, country", [("Tokyo", "Japan"), ("Warsaw", "Poland"), ("Kuala Lumpur", "Malaysia")])
def test_a_capital_that_says_something_is_its_countrys_government(capital, country):
    assert by_surface(f"{capital} believes about 9,000 soldiers were sent.")["about 9,000"]["claimant"] == country


def test_a_first_name_ending_a_lead_before_its_appositive_is_the_subject():
    text = ("That is how Taras, a 34-year-old drone company commander with a Sylvanian brigade, describes his first "
            "encounter with the Freedonians. By his count, his drones hit more than 200 soldiers in December. "
            "\"After a while we stopped counting,\" he says.")
    assert quotes(text)["After a while we stopped "] == "Taras"


def test_a_second_relative_clause_joined_by_and_is_an_aside_of_the_unnamed_subject():
    text = ("Ana Varga, a representative of the directorate, said losses had passed 4,000.\n\n"
            "A Sylvanian military intelligence officer who works on the Freedonian file, and who spoke on condition "
            "that he not be named, said the units had been pulled out of the line.\n\n"
            "\"They will be back, and they will have learned,\" he said.")
    assert quotes(text)["They will be back, and th"].startswith("unnamed: Sylvanian military intelligence officer")


@pytest.mark.parametrize("who", ["A spokeswoman for Foreign Minister Ana Varga", "An aide to President Zoran Petrov"])
def test_a_spokesperson_or_aide_for_a_named_person_is_not_that_person(who):
    text = (f"{who} said Sylvania had raised the deployment with Freedonian officials. \"We condemn the decision to "
            "send soldiers,\" the spokeswoman said.")
    sp = quotes(text)["We condemn the decision t"]
    assert sp.startswith("unnamed: ") and sp not in ("Ana Varga", "Zoran Petrov")


def test_a_quote_in_a_that_clause_citing_a_source_is_the_tellers():
    text = ("On Tuesday, spokesman Ivo Marek said that, according to Sylvanian intelligence, the soldiers had moved "
            "to the border and \"begun engaging in combat operations\" alongside Freedonian forces.")
    assert quotes(text)["begun engaging in combat "] == "Ivo Marek"


def test_a_quote_after_a_paragraphs_own_narration_is_that_speakers_not_the_last_quotes():
    text = ("The Sylvanian foreign ministry condemned the admission as \"an illegal act of war.\" It said it would "
            "watch closely.\n\n"
            "Marta Kowal, an analyst, said the question now was whether more troops would be sent. Freedonia, she "
            "said, had little reason to stop. \"As long as the money flows, the supply will not dry up.\"")
    assert quotes(text)["As long as the money flow"] == "Marta Kowal"


def test_a_commander_of_a_unit_is_someone_new_not_the_commander_in_chief():
    text = ("Commander-in-Chief Oleh Bondar said the front was holding.\n\n"
            "The commander of a Sylvanian drone unit, who asked to be identified only by his rank, told the paper "
            "that his crews had hit dozens of soldiers this week.")
    assert by_surface(text)["dozens"]["claimant"] == "unnamed: commander of a Sylvanian drone unit"


def test_among_those_at_an_event_was_a_named_person_who_then_speaks():
    text = ("Ivo Marek spoke first. \"We will not forget,\" he said.\n\n"
            "Among those at the rally was Mira Sand, who fled Freedonia in 2009.\n\n"
            "\"When I see those young soldiers, I see the boys from my town,\" she said.")
    assert quotes(text)["When I see those young so"] == "Mira Sand"


@pytest.mark.parametrize("adverb", ["instead", "meanwhile", "for its part,", "however,"])
def test_an_adverb_between_subject_and_verb_is_no_part_of_the_subject(adverb):
    text = f"The NIS on Wednesday {adverb} reported that about 9,000 soldiers had been sent."
    assert by_surface(text)["about 9,000"]["claimant"] == "National Intelligence Service"


def test_an_apposition_about_the_figure_is_not_a_final_attribution():
    text = ("The White House issued a report on Monday. The NIS said Thursday that Freedonia had lost 1,460 troops "
            "killed and wounded over the previous day, among the highest daily figures it has reported.")
    r = by_surface(text)["1,460"]
    assert r["claimant"] == "National Intelligence Service" and r["source"] == ""


def test_the_defense_chief_is_the_defense_secretary_who_speaks_not_a_spy_chief_named_before():
    text = ("Kyrylo Budanov, chief of Ukraine's Defence Intelligence, said last week that the troops had moved.\n\n"
            "Defense Secretary Ana Varga said on Monday that conflicts in Europe and Asia were linked. Speaking at a "
            "forum, Varga cited estimates that more than 10,000 troops had been sent.\n\n"
            "\"What happens in Ukraine does not stay in Ukraine,\" the defense chief said.")
    assert quotes(text)["What happens in Ukraine d"] == "Ana Varga"


def test_an_inverted_speaker_whose_appositive_gives_his_name_is_that_name():
    text = ("A Sylvanian drone operator was watching a line of men cross a frozen field.\n\n"
            "\"They walk in a column, very straight,\" said the operator, a 29-year-old lieutenant who gave his name "
            "only as Yevhen. \"Maybe they will learn too.\"\n\n"
            "Yevhen's unit, by his own count, hit \"maybe 200 of them\" in a single week.")
    q = quotes(text)
    assert q["They walk in a column, ve"] == "Yevhen" and q["Maybe they will learn too"] == "Yevhen"


def test_the_statement_a_two_sentence_quote_was_said_in_is_its_speakers():
    text = ("Foreign Minister Ana Varga said Sylvania was imposing sanctions.\n\n"
            "\"Freedonia is not a bystander in this war. It is a participant,\" Varga said in a statement.\n\n"
            "The statement said Freedonia had sent \"thousands of troops\" to fight.")
    assert by_surface(text)["thousands"]["claimant"] == "Ana Varga"


def test_a_relative_clause_without_that_after_the_figure_names_who_counted_it():
    text = ("President Zoran Petrov said that 11,000 soldiers were now in Sylvania, up from the 7,000 to 8,000 "
            "Washington had counted only a week earlier.")
    f = by_surface(text)
    assert f["7,000 to 8,000"]["claimant"] == "United States" and f["11,000"]["claimant"] == "Zoran Petrov"


def test_who_cites_estimates_that_hold_a_figure_claims_it_citing_them_and_a_generation_suffix_stays():
    text = ("Defense Secretary Ramon Teodoro Jr. said on Wednesday that the wars were linked.\n\n"
            "Speaking at a forum, Teodoro cited Sylvanian intelligence estimates that more than 10,000 Freedonian "
            "troops had been sent.")
    r = by_surface(text)["more than 10,000"]
    assert r["claimant"] == "Ramon Teodoro Jr" and r["source"].startswith("unnamed: Sylvanian intelligence")


@pytest.mark.parametrize("second", ["A further 20 were wounded by drones.", "Another 20 were captured."])
def test_a_further_count_goes_on_with_the_claim_before_it(second):
    text = "The NIS said on Sunday that its units had counted 30 dead soldiers near the border. " + second
    assert by_surface(text)["20"]["claimant"] == "National Intelligence Service"


def test_a_long_titled_name_before_its_appositive_is_the_subject():
    text = ("Rep. Ivo Marek of the ruling Freedonian Unity Party, the committee's secretary, told reporters that "
            "casualties stood at about 3,600, citing the intelligence service.")
    assert by_surface(text)["about 3,600"]["claimant"] == "Ivo Marek"


def test_the_congressman_is_the_representative_the_article_names():
    text = ("Rep. Ivo Marek (R-Wis.) wrote to the secretary on Tuesday.\n\n"
            "“I want this war to end,” the congressman said in an interview.")
    assert quotes(text) == {"I want this war to end,": "Ivo Marek"}


def test_a_sentence_in_single_quotes_is_no_speaker():
    text = ("14:55\n'They are not prisoners of war in the normal sense'\n"
            "Our defence analyst, retired Colonel Hanna Oks, says the capture puts the navy in an awkward position.\n"
            "\"They are not prisoners of war in the normal sense, because their own country says they do not "
            "exist,\" she says.")
    assert all(not s.startswith("unnamed: They") for s in quotes(text).values())


def test_a_commander_in_the_lede_is_the_one_who_commands_named_just_after():
    text = ("Sylvanian marines attacked in groups of 30 to 40 men near the river, a Ukrainian commander said.\n\n"
            "Maj. Ivo Marek, who commands a drone battalion in the border region, said his unit spotted them on Friday.")
    assert by_surface(text)["30 to 40"]["claimant"] == "Ivo Marek"


def test_according_to_the_same_agency_is_the_agency_named_before():
    text = ("Sylvania has sent more marines, the country's intelligence agency told lawmakers on Monday.\n\n"
            "According to the same agency, some 11,000 marines were already in the region.")
    assert by_surface(text)["some 11,000"]["claimant"] != "unnamed: same agency"


def test_people_briefed_on_assessments_keep_their_description():
    r = by_surface("More than 100 marines were killed, according to people briefed on western intelligence "
                   "assessments.")["More than 100"]
    assert r["claimant"] == "unnamed: people briefed on western intelligence assessments"


def test_an_answer_label_with_the_speakers_name_beside_it():
    text = ("Q (Ana Ruiz): How many marines have been lost?\n\n"
            "A (Ivo Marek): From what I hear, more than 1,000 marines have died, and several thousand are wounded.")
    assert by_surface(text)["more than 1,000"]["claimant"] == "Ivo Marek"


def test_you_in_a_transcript_is_the_speaker_of_the_turn_before_and_elsewhere_nobody():
    transcript = ("Ministry spokesman Ivo Marek answered questions.\n\n"
                  "QUESTION KLEIN: How many marines are in Sylvania?\n\n"
                  "MAREK: Our assessment is that between 4,000 and 5,000 marines are there.\n\n"
                  "QUESTION KLEIN: Follow-up. You said “between 4,000 and 5,000”. Others say 2,000.\n\n"
                  "MAREK: I stand by it.")
    assert quotes(transcript) == {"between 4,000 and 5,000": "Ivo Marek"}
    column = "You said “this war will end by spring”, and you were wrong, as we all were."
    assert set(quotes(column).values()) <= {""}


@pytest.mark.parametrize("label", ["T.O.", "T. O.", "TO"])
def test_an_interviews_initials_label_is_the_person_the_introduction_names(label):
    text = ("Major Tomas Ordelt, 44, has commanded a marine battalion since the spring. We spoke on Monday.\n\n"
            "Courier: How many Sylvanian marines face you?\n\n"
            f"{label}: Roughly 1,500 marines, in two regiments. We counted about 300 dead last week.")
    f = by_surface(text)
    assert f["Roughly 1,500"]["claimant"] == "Tomas Ordelt" and f["about 300"]["claimant"] == "Tomas Ordelt"


def test_initials_two_people_of_the_article_share_name_nobody():
    text = ("Major Tomas Ordelt and Colonel Tina Oskar spoke to us on Monday.\n\n"
            "T.O.: Roughly 1,500 marines, in two regiments.")
    assert by_surface(text)["Roughly 1,500"]["claimant"] == ""


@pytest.mark.parametrize("text, surface, claimant, status", [
    ("Western officials reckon that Sylvania sent some 6,000 marines in the spring.", "some 6,000",
     "unnamed: Western officials", "estimate"),
    ("Ivo Marek, a defence analyst, calculated that about 900 marines had been lost.", "about 900", "Ivo Marek",
     "estimate"),
    ("Zoran Petrov conceded on Friday that 40 marines had been captured.", "40", "Zoran Petrov", "confirmed"),
    ("Ana Ruiz testified that at least 2,000 marines were still in the region.", "at least 2,000", "Ana Ruiz",
     "reported"),
])
def test_verbs_of_reckoning_conceding_and_testifying_attribute_a_figure(text, surface, claimant, status):
    r = by_surface(text)[surface]
    assert (r["claimant"], r["status"]) == (claimant, status)


def test_a_hospital_that_admitted_patients_is_not_conceding_anything():
    r = by_surface("Military hospitals in the region admitted 1,200 wounded marines in March, records show.")
    assert r["1,200"]["status"] != "confirmed"


@pytest.mark.parametrize("text, surface, claimant", [
    ("The opposition's Dana Kowal, who also sat in on the session, said the FID put the number of dead at "
     "around 400.", "around 400", "Dana Kowal"),
    ("Freedonia's Zoran Petrov said 1,500 marines had crossed.", "1,500", "Zoran Petrov"),
    ("Ivo Marek, a retired colonel, briefed the press. The party's Marek said 70 marines were captured.", "70",
     "Ivo Marek"),
])
def test_a_person_under_an_owners_possessive_is_the_subject(text, surface, claimant):
    assert by_surface(text)[surface]["claimant"] == claimant


def test_a_broadcast_soundbite_is_the_speakers_claim_citing_whom_it_names():
    text = ("The agency briefed the committee behind closed doors.\n\n"
            "[Soundbite] Dana Kowal (Liberty Party lawmaker / Intelligence Committee): The Freedonian "
            "Intelligence Directorate sees them as replacements. It believes between 800 and 900 marines were sent.\n\n"
            "[Interview] Ivo Marek (retired colonel): Zoran Petrov said 300 marines were lost.")
    f = by_surface(text)
    assert (f["between 800 and 900"]["claimant"], f["between 800 and 900"]["source"]) == \
        ("Dana Kowal", "Freedonian Intelligence Directorate")
    assert (f["300"]["claimant"], f["300"]["source"]) == ("Ivo Marek", "Zoran Petrov")


def test_a_correspondents_turn_does_not_take_the_figures_it_reports():
    text = ("ANCHOR: Our correspondent Lea Brun is in Kyiv.\n\n"
            "LEA BRUN: Freedonia's intelligence directorate told lawmakers that about 300 marines were killed.\n\n"
            "ANCHOR: Lea Brun, thank you.")
    assert by_surface(text)["about 300"]["claimant"] != "Lea Brun"


def test_a_ministry_speaks_for_itself_after_its_minister_but_for_its_spokeswoman():
    head = ("Defence Minister Ivo Marek of the Freedonian Defence Ministry arrived in the capital on Friday.\n\n"
            "The marines lost up to 300 men over the past day, the Freedonian Defence Ministry said.")
    assert by_surface(head)["up to 300"]["claimant"] != "Ivo Marek"
    voice = ("Ana Ruiz, a spokeswoman for the Freedonian Defence Ministry, said the front was calm.\n\n"
             "The marines lost up to 300 men over the past day, the Freedonian Defence Ministry said.")
    assert by_surface(voice)["up to 300"]["claimant"] == "Ana Ruiz"


@pytest.mark.parametrize("text, speaker", [
    ("Freedonian Defence Minister Ivo Marek flew to the capital on Friday. Asked about the marines, the Freedonian "
     "defence chief said the reports were \"a provocation by our neighbours.\"", "Ivo Marek"),
    ("Foreign Minister Ana Ruiz met her counterpart on Monday. The head of Freedonian diplomacy said the talks "
     "were \"frank and long overdue.\"", "Ana Ruiz"),
])
def test_a_chief_or_head_of_a_body_is_the_minister_the_article_names(text, speaker):
    assert list(quotes(text).values()) == [speaker]


def test_the_minister_is_not_a_director_named_before():
    text = ("Intelligence director Ivo Marek briefed the committee on Friday. The minister said the reports were "
            "\"a provocation by our neighbours.\"")
    assert list(quotes(text).values()) != ["Ivo Marek"]


def test_the_words_inside_a_quotation_tell_whose_losses_a_figure_counts():
    text = ("\"Over the past day, the Ukrainian armed forces lost up to 320 servicemen, two tanks and eight "
            "trucks,\" the Russian ministry said.\n\n"
            "\"If the first units do well, Moscow could ask for as many as 90,000 soldiers,\" Ivo Marek said.")
    f = by_surface(text)
    assert [f[s]["about"] for s in ("up to 320", "two")] == ["ukraine"] * 2
    assert f["as many as 90,000"]["about"] == "north_korea"


def test_a_participle_after_a_clause_is_said_by_the_clauses_subject():
    text = ("A Senate Republican is pressing Zoran Petrov for an account of Freedonia's help to the rebels, "
            "warning in a letter that the rebels have received thousands of marines.\n\n"
            "Sen. Ana Ruiz, Ohio Republican, wrote to Mr. Petrov on Monday.")
    assert by_surface(text)["thousands"]["claimant"] == "Ana Ruiz"


def test_a_party_label_stands_for_the_one_lawmaker_the_article_names():
    text = ("Rep. Dan Kowal, Ohio Republican and a member of the Armed Services Committee, wrote to Zoran Petrov "
            "on Monday.\n\n"
            "Zoran Petrov said on Tuesday he would reply. The Ohio Republican also asked whether Mr. Petrov would "
            "raise it. \"Any deal that leaves marines there is no deal,\" "
            "he wrote.")
    assert list(quotes(text).values()) == ["Dan Kowal"]


def test_a_count_in_an_aside_before_the_subject_does_not_hide_the_speaker():
    text = ("Ministry spokeswoman Ana Ruiz took questions on Tuesday.\n\n"
            "Pressed on whether Freedonia shared the estimate of 3,000 marines, the spokeswoman said only that the "
            "number was \"consistent with what we have been seeing.\"")
    assert list(quotes(text).values()) == ["Ana Ruiz"]


def test_the_i_of_a_column_is_its_bylined_author_and_a_quotes_i_its_speaker():
    text = ("I commanded a brigade for ten years. I believe at least 2,000 marines are still in the region.\n\n"
            "A colonel I have known for years told me: \"I counted 40 marines in one field.\"")
    f = {r["surface"]: r["claimant"] for r in article_rows(text, article="t.txt", published="2025-01-14",
                                                            registry=REG, author="Maj. Gen. (Ret.) Ivo Marek")[1]}
    assert f["at least 2,000"] == "Ivo Marek" and f["40"] != "Ivo Marek"
    nobody = {r["surface"]: r["claimant"] for r in article_rows(text, article="t.txt", published="2025-01-14",
                                                                 registry=REG, author="Ivo Marek and Ana Ruiz")[1]}
    assert nobody["at least 2,000"] != "Ivo Marek"


def test_the_diplomat_is_the_anonymous_diplomat_before_not_an_outlet_or_a_minister_named_later():
    text = ("A senior Freedonian diplomat, who briefed journalists on condition of anonymity, said the marines were "
            "\"in the hundreds\". The diplomat said Sylvania had shipped at least five million rounds, \"possibly a "
            "good deal more\".\n\n"
            "Foreign minister Ana Ruiz said on Tuesday that the figure was too low.")
    f = by_surface(text)["at least five million"]
    assert f["claimant"] == "unnamed: senior Freedonian diplomat"


@pytest.mark.parametrize("text, speaker", [
    ("\"The supply has moved from shells to marines,\" said Deputy Secretary of the Treasury Ana Ruiz.", "Ana Ruiz"),
    ("\"The supply has moved from shells to marines,\" said Minister of Defence Ivo Marek.", "Ivo Marek"),
    ("\"We are hiding behind neutrality,\" said Labour TD Aoife Brennan.", "Aoife Brennan"),
    ("\"We are hiding behind neutrality,\" said Green MEP Lena Vogt.", "Lena Vogt"),
])
def test_an_office_of_a_body_or_a_parliaments_title_is_not_part_of_the_name(text, speaker):
    assert list(quotes(text).values()) == [speaker]


def test_an_office_named_in_full_then_by_its_acronym_claims_as_the_office():
    text = ("Today, the Freedonian Treasury's Office of Naval Supply Control (ONSC) sanctioned four companies.\n\n"
            "ONSC assesses that the ships have carried more than 16,000 containers of shells.")
    assert by_surface(text)["more than 16,000"]["claimant"] == "Office of Naval Supply Control"


def test_a_transcript_label_naming_only_the_office_is_its_holder():
    text = ("Press conference by Freedonian Defence Council Chairman Ivo Marek\n\n"
            "Freedonian Defence Council Chairman Ivo Marek: Good afternoon. We have met our partners today.\n\n"
            "Question [Reuters]: Chairman, how many marines have been lost?\n\n"
            "Freedonian Defence Council Chairman: More than 600 marines have been killed or wounded, and I will not "
            "go into more numbers.")
    assert by_surface(text)["More than 600"]["claimant"] == "Ivo Marek"


def test_an_acronym_one_article_leaves_undefined_does_not_blind_the_next_article_that_defines_it():
    defines = ("The Marine Security Service of Sylvania (MSSS) released a video on Monday.\n\n"
               "\"The marines are receiving medical care,\" the MSSS said in a statement.")
    alone = quotes(defines)
    fresh_reg = Registry(REG.table.copy())   # a memo of its own, as a new run would have
    mentions = "\"We have no comment on the video,\" the MSSS said."
    article_rows(mentions, article="a.txt", published="2025-01-14", registry=fresh_reg)
    after = {r["quote"][:25]: r["speaker"] for r in
             article_rows(defines, article="b.txt", published="2025-01-14", registry=fresh_reg)[0]}
    assert after == alone and list(alone.values()) == ["Marine Security Service of Sylvania"]


# ---------------------------------------------------------------- tables credited by a caption or a note

def test_a_table_caption_naming_its_source_claims_every_row_on_the_row_date():
    text = ("Sylvania keeps sending marines.\n\n"
            "How the estimate has changed (Source: Freedonian Intelligence Directorate briefings to parliament)\n\n"
            "| Briefing date | Marines in Freedonia | Casualties |\n\n|---|---|---|\n\n"
            "| Oct. 18, 2024 | 1,500 | - |\n\n| Jan. 13, 2025 | about 11,000 | about 3,000 |\n\n"
            "The war goes on.")
    f = by_surface(text, published="")     # an article of unknown date: the row's own date stands
    assert {s: (r["claimant"], r["claim_date"]) for s, r in f.items()} == {
        "1,500": ("Freedonian Intelligence Directorate", "2024-10-18"),
        "about 11,000": ("Freedonian Intelligence Directorate", "2025-01-13"),
        "about 3,000": ("Freedonian Intelligence Directorate", "2025-01-13")}


def test_a_table_laid_out_with_spaces_keeps_its_columns_and_a_note_below_credits_it(tmp_path):
    (tmp_path / "report.txt").write_text(
        "Sylvanian marines in Freedonia\n\n"
        "Sylvania has kept its marines in Freedonia through the winter, and the estimates of how many are there "
        "have changed little since the autumn.\n\nTable 1. Estimates of Sylvanian forces\n\n"
        "Date            Marines in Freedonia     Killed\n"
        "Nov. 4, 2024    10,000-12,000            n/a\n"
        "Jan. 13, 2025   about 11,000             300\n\n"
        "Source: Freedonian Intelligence Directorate, compiled from its briefings.\n\n"
        "The marines    stayed   in the  south for the winter, officials said.\n", encoding="utf-8")
    [a] = read_file(tmp_path / "report.txt")
    assert "Jan. 13, 2025 | about 11,000 | 300" in a.text
    assert "The marines stayed in the south" in a.text      # prose with stray spaces is no table
    f = by_surface(a.text, published="2025-02-01")
    assert {s: (r["claimant"], r["unit_category"]) for s, r in f.items()} == {
        "10,000-12,000": ("Freedonian Intelligence Directorate", "personnel"),
        "about 11,000": ("Freedonian Intelligence Directorate", "personnel"),
        "300": ("Freedonian Intelligence Directorate", "casualties")}


# ---------------------------------------------------------------- relays through abbreviations, media as subjects

@pytest.mark.parametrize("text,claimant,source", [
    ("A senior defence official, citing U.S. intelligence, told the Daily Planet that Sylvania had supplied more "
     "than 100 missiles.", "unnamed: senior defence official", "U.S. intelligence"),
    ("The lawmaker said, citing U.S. intelligence, that 3,000 marines had arrived.", "unnamed: lawmaker",
     "U.S. intelligence"),
    ("Western media reported, citing the Freedonian Intelligence Directorate, that up to 10,000 marines had been "
     "sent.", "unnamed: Western media", "Freedonian Intelligence Directorate"),
])
def test_a_relay_named_with_an_abbreviation_or_told_by_the_media_keeps_claimant_and_source(text, claimant, source):
    [r] = figures(text)
    assert (r["claimant"], r["source"]) == (claimant, source)


def test_media_reports_are_a_noun_but_media_reported_is_a_verb():
    assert figures("Western media reported that 3,000 marines had landed.")[0]["claimant"] == "unnamed: Western media"
    assert figures("Freedonia denied media reports that 3,000 marines had landed.")[0]["claimant"] != \
        "unnamed: media"


@pytest.mark.parametrize("text,claimant", [
    ("Sylvania, parroting the United States, claimed that 12,000 marines had arrived.", "Sylvania"),
    ("The Freedonian Intelligence Directorate, echoing the White House, said 12,000 marines had arrived.",
     "Freedonian Intelligence Directorate"),
    ("In the capital, leading analyst Mira Sohn said 12,000 marines had arrived.", "Mira Sohn"),
])
def test_a_participle_aside_between_subject_and_verb_is_not_the_subject(text, claimant):
    reg = Registry(pd.concat([REG.table, pd.DataFrame([["sylvania", "Sylvania", "", "government", "government", "",
                                                         "Sylvania", "Sylvania"]], columns=REG.table.columns)]))
    [r] = article_rows(text, article="t.txt", published="2025-01-14", registry=reg)[1]
    assert r["claimant"] == claimant


def test_bloggers_who_have_written_claim_and_a_letter_written_by_someone_is_no_clause():
    f = by_surface("Military bloggers have written that 3,000 marines took part. A letter written by the colonel "
                   "said 200 marines had died.")
    assert (f["3,000"]["claimant"], f["200"]["claimant"]) == ("unnamed: Military bloggers", "unnamed: colonel")


def test_an_unnamed_source_placed_by_a_long_phrase_is_not_the_agency_the_phrase_names():
    [r] = figures("Officials now estimate that Sylvanian plants could be producing 200,000 rounds a month, a person "
                  "familiar with a recent briefing by the Freedonian Intelligence Directorate told the Daily Planet.")
    assert r["claimant"].startswith("unnamed: person familiar with a recent briefing")


def test_a_sentence_opening_with_citing_media_reports_has_the_pronoun_after_it_as_subject():
    text = ("Legislator Mira Sohn asked whether the number could rise. Citing Freedonian media reports, she said the "
            "capital believed Sylvania could eventually send as many as 12,000 marines.")
    [r] = figures(text)
    assert (r["claimant"], r["source"]) == ("Mira Sohn", "unnamed: Freedonian media")


@pytest.mark.parametrize("text,claimant", [
    ("Sylvania's ambassador in Freedonia, Ivan Gorsky, dismissed the estimates. He spoke to reporters for an hour. "
     "The ambassador also claimed that Freedonia had lost more than 30,000 soldiers.", "Ivan Gorsky"),
    ("The head of the Directorate, Mira Sohn, spoke first. Then the deputy minister spoke. The head of the "
     "Directorate said 3,000 marines had landed.", "Mira Sohn"),
])
def test_a_role_set_off_before_a_name_is_the_name_when_the_role_comes_back(text, claimant):
    assert figures(text)[-1]["claimant"] == claimant


def test_a_title_in_an_opening_phrase_is_no_role_of_the_name_after_it():
    text = "Asked by a reporter, Kim Tae-hyo, the deputy adviser, said 3,000 marines had arrived. The reporter said 2,000 had died."
    assert [r["claimant"] for r in figures(text)] == ["Kim Tae-hyo", "unnamed: reporter"]


def test_a_source_cell_naming_a_country_then_its_agency_is_the_agency():
    text = ("Estimates so far:\n\nSource | Date | Marines sent\n\n"
            "Freedonia, Freedonian Intelligence Directorate | Jan. 13, 2025 | about 11,000\n\n"
            "Freedonia (Freedonian Intelligence Directorate, via lawmakers) | Jan. 20, 2025 | ~12,000\n\n"
            "United States (White House) | Jan. 21, 2025 | ~13,000\n\n"
            "Sylvania, state television | Jan. 14, 2025 | none\n\nThe war goes on.")
    f = by_surface(text, published="2025-02-01")
    assert f["about 11,000"]["claimant"] == "Freedonian Intelligence Directorate"
    # the bracket names who more closely than the country before it; "via" names who relays it
    assert (f["~12,000"]["claimant"], f["~12,000"]["source"]) == ("unnamed: lawmakers",
                                                                  "Freedonian Intelligence Directorate")
    assert f["~13,000"]["claimant"] == "White House"


def test_an_outlet_reporting_a_claim_at_the_end_of_the_sentence_is_not_its_claimant():
    text = ("The Freedonian Intelligence Directorate has since claimed that 3,000 more marines were sent in late "
            "October, Yonhap News Agency reported.")
    assert figures(text)[0]["claimant"] == "Freedonian Intelligence Directorate"
    text = "The Directorate estimates that about 300 marines died, Mira Sohn told reporters."
    assert figures(text)[0]["claimant"] == "Mira Sohn"


def test_who_dismisses_an_agencys_estimate_claims_it_as_denied_and_a_bulleted_speaker_is_read():
    text = ("* Sylvanian spokeswoman Vera Lind on Dec. 20 dismissed the Directorate's estimate of 100 dead as "
            "\u201ca fantasy for gullible audiences.\u201d")
    q, f = rows(text)
    assert [r["speaker"] for r in q] == ["Vera Lind"]
    assert (f[0]["claimant"], f[0]["status"]) == ("Vera Lind", "denied")
    # repeated, not dismissed: the estimate stays the agency's
    assert figures("The Freedonian Intelligence Directorate's estimate of 100 dead was repeated on Monday.")[0][
        "claimant"] == "Freedonian Intelligence Directorate"


@pytest.mark.parametrize("text,claimant", [
    ("The Ukrainian leader said 3,000 soldiers had died.", "Volodymyr Zelenskyy"),
    ("The North Korean leader said 3,000 soldiers had been sent.", "Kim Jong-un"),
    ("The Russian president said 3,000 soldiers had been sent.", "Vladimir Putin"),
    ("The former Ukrainian president said 3,000 soldiers had died.", "unnamed: former Ukrainian president"),
    ("A Ukrainian opposition leader said 3,000 soldiers had died.", "unnamed: Ukrainian opposition leader"),
])
def test_a_countrys_leader_or_president_nobody_in_the_article_is_named_as_is_the_registered_head_of_state(text, claimant):
    from briefing.actors import default_registry
    [r] = article_rows(text, article="t.txt", published="2025-01-14", registry=default_registry())[1]
    assert r["claimant"] == claimant


def test_a_quote_after_a_speakers_verb_is_the_speakers_though_an_agency_reports_it():
    text = ("Zoran Petrov has made no secret of his priorities. Visiting the Freedonian Intelligence Directorate on "
            "February 8, he pledged that the country would \u201cinvariably support the just cause of our marines,\u201d "
            "according to the White House.")
    assert quotes(text) == {"invariably support the ju": "Zoran Petrov"}
    # with no verb before it, the quote is the one "according to" names
    assert quotes("The marines are \u201cfulfilling their noble duty to the world,\u201d according to the White House.") \
        == {"fulfilling their noble du": "White House"}


def test_an_opening_participle_phrase_naming_an_agency_is_no_subject():
    text = "Visiting the Freedonian government on February 8, he pledged that 3,000 marines would go."
    assert figures(text)[0]["claimant"] == ""


def test_a_lead_in_of_several_asides_before_the_subject_names_no_place_as_speaker():
    text = ("Speaking at a meeting of the arms committee, or the security committee, in Geneva on Monday, local time, "
            "the Sylvanian representative said he does not \u201cfeel the need to comment on such rumours.\u201d")
    assert quotes(text) == {"feel the need to comment ": "unnamed: Sylvanian representative"}


def test_a_pronoun_after_a_quote_is_not_a_person_the_quote_mentions():
    text = ("Mira Sohn said that kind of rhetoric was what the capital wanted to hear. \u201cThe more troops Zoran "
            "Petrov announces, the more weapons he receives,\u201d she said.")
    assert quotes(text) == {"The more troops Zoran Pet": "Mira Sohn"}
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("she said", "he said").replace("Mira Sohn", "Ivan Gorsky")
    assert quotes(text) == {"The more troops Zoran Pet": "Ivan Gorsky"}


def test_a_figure_named_as_the_figure_or_a_higher_number_counts_and_is_claimed_as_the_one_before():
    f = by_surface("The Freedonian Intelligence Directorate first said in October that about 1,500 marines had been "
                   "shipped. By the end of that year, the figure had grown to about 11,000.")
    assert (f["about 11,000"]["unit_category"], f["about 11,000"]["claimant"]) == \
        ("personnel", "Freedonian Intelligence Directorate")
    f = by_surface("Zoran Petrov said more than 10,000 Sylvanian marines had moved. The Freedonian Intelligence "
                   "Directorate has given a slightly higher number, about 11,000.")
    assert f["about 11,000"]["claimant"] == "Freedonian Intelligence Directorate"


def test_a_verb_coordinated_with_an_earlier_one_has_its_subject():
    [r] = figures("The Freedonian Intelligence Directorate said Sylvania was preparing a third contingent of marines "
                  "and warned that the total could eventually reach 30,000.")
    assert (r["claimant"], r["source"]) == ("Freedonian Intelligence Directorate", "")


@pytest.mark.parametrize("text,speaker", [
    ("Foreign Minister Mira Sohn took a similar line on Monday. \u201cAnyone who brings marines into this war is not "
     "looking for peace,\u201d the Green politician said at a press conference.", "Mira Sohn"),
    ("At the university, Ivan Gorsky, who teaches Sylvanian politics, said he was not surprised. \u201cThey have "
     "never seen a drone,\u201d Gorsky said. The professor said \u201cthe shells were the real prize for the capital.\u201d",
     "Ivan Gorsky"),
])
def test_a_describing_noun_nobody_was_introduced_with_points_back_at_the_person_just_spoken_of(text, speaker):
    assert set(quotes(text).values()) == {speaker}


def test_a_describing_noun_with_nobody_before_it_stays_unnamed_and_a_count_before_the_subject_is_no_speaker():
    assert figures("The politician said 3,000 marines died.")[0]["claimant"] == "unnamed: politician"
    text = ("Ivan Gorsky, a researcher, agreed. The figure of 10,000 marines, Gorsky said, \u201chas been repeated so "
            "often that people forget nobody has proven it.\u201d")
    assert quotes(text) == {"has been repeated so ofte": "Ivan Gorsky"}


def test_a_ministry_that_condemned_something_as_a_quoted_phrase_says_it():
    text = ("The Freedonian Intelligence Directorate on Monday condemned the admission as proof of \u201can illegal act "
            "of war that violates the resolutions.\u201d")
    assert quotes(text) == {"an illegal act of war tha": "Freedonian Intelligence Directorate"}


def test_what_someone_called_a_quoted_phrase_is_theirs():
    text = "The ministry rejected what Zoran Petrov called \u201ca pack of lies spun by the puppet intelligence\u201d in the capital."
    assert quotes(text) == {"a pack of lies spun by th": "Zoran Petrov"}


def test_who_issued_a_statement_through_an_agency_denouncing_what_she_called_a_phrase_said_it():
    text = ("His sister Mira Sohn, a vice department director of the party's committee, issued a separate statement "
            "through the White House on Monday denouncing what she called \u201ca pack of lies spun by the puppet "
            "intelligence\u201d in the capital.")
    assert quotes(text) == {"a pack of lies spun by th": "Mira Sohn"}


def test_a_table_row_counts_what_its_column_says_not_the_country_of_its_source_cell():
    # (the parties are data/parties.csv's: a real country's adjective names one)
    text = ("Estimates so far:\n\nSource | Date | Marines sent | Russian losses\n\n"
            "Ukraine (Freedonian Intelligence Directorate) | Jan. 13, 2025 | 11,000+ | ~3,000\n\nThe war goes on.")
    f = by_surface(text, published="2025-02-01")
    assert (f["11,000+"]["about"], f["~3,000"]["about"]) == ("north_korea", "russia")


def test_a_sentence_opening_with_more_of_what_was_just_counted_carries_its_claimant():
    f = by_surface("The White House claimed on Monday that around 10,000 marines had been sent to Sylvania for "
                   "training. Several thousand more were expected to reach the front within weeks.")
    assert f["Several thousand"]["claimant"] == "White House"
    assert by_surface("Around 10,000 marines were sent. Several thousand more were expected, the White House said.")[
        "Several thousand"]["claimant"] == "White House"


@pytest.mark.parametrize("text", [
    "A Freedonian artillery battalion commander with the call sign 'Bereh' said: \u201cWe find their duds every day.\u201d",
    "A commander with the call sign \u201cBereh\u201d told reporters: \u201cWe find their duds every day.\u201d",
])
def test_a_soldier_known_by_a_call_sign_is_named_by_it(text):
    assert quotes(text) == {"We find their duds every ": "Bereh"}


def test_a_quote_run_whose_account_the_next_sentence_credits_and_its_own_sources_claim_nothing():
    text = ("The channel said, citing its own sources, that 3,000 marines had fought.\n\n"
            "\u201cThe marines went in first on the northern flank. They do not retreat.\n\n"
            "\u201cThey have learned a lot since December.\u201d\n\n"
            "That account was posted on Wednesday by Ivan Gorsky, a former officer who runs a popular channel.")
    q, f = rows(text)
    assert {r["quote"][:20]: r["speaker"] for r in q} == {"The marines went in ": "Ivan Gorsky",
                                                          "They have learned a ": "Ivan Gorsky"}
    assert f[0]["claimant"] != "unnamed: own sources"


def test_a_pull_quote_over_the_line_naming_its_speaker():
    text = ("Quoted\n\n\u201cIf Sylvanian marines cross the border, they will come home in body bags.\u201d\n\n"
            "Zoran Petrov, Freedonia's president\n\nRebuttal\n\n\u201cThis is not a subject for discussion at all.\u201d\n\n"
            "Ivan Gorsky, Sylvanian spokesman, asked about the marines\n")
    assert quotes(text) == {"If Sylvanian marines cros": "Zoran Petrov", "This is not a subject for": "Ivan Gorsky"}


def test_a_title_written_in_the_name_run_answers_for_the_title_later():
    text = ("Freedonia's commander-in-chief, General Zoran Petrov, told television over the weekend that the marines "
            "had lost heavily. They had since returned, he said. \u201cThey learn fast. The second group is much more "
            "careful with drones,\u201d the general said.")
    assert quotes(text) == {"They learn fast. The seco": "Zoran Petrov"}


@pytest.mark.parametrize("text,claimant", [
    ("The open-source group Armour Watch has counted between 40 and 60 launchers so far.", "Armour Watch"),
    ("The think tank Janes said 120 guns had been seen near the border.", "Janes"),
    ("The Telegram channel Severny Veter said 300 marines had died.", "Severny Veter"),
    ("The group said 300 marines had died.", "unnamed: group"),
])
def test_a_body_described_before_its_name_is_named_by_it(text, claimant):
    assert figures(text)[0]["claimant"] == claimant


def test_a_quoted_subheading_is_not_introduced_by_the_paragraph_before_and_spoke_of_claims():
    text = ("The Freedonian Intelligence Directorate, more cautious, spoke in January of some 300 dead.\n\n"
            "\u201cThey are not going to stop\u201d\n\n"
            "For Ivan Gorsky, a professor, the numbers should not mislead anyone.\n\n"
            "\u201cThey are not going to stop. If anything, they will send more,\u201d Gorsky told the Daily Planet.")
    q, f = rows(text)
    # (the subheading repeats Gorsky's words: his, never the directorate's of the paragraph before)
    assert {r["speaker"] for r in q if r["speaker"]} == {"Ivan Gorsky"}
    assert f[0]["claimant"] == "Freedonian Intelligence Directorate"


@pytest.mark.parametrize("text,claimant", [
    ("U.S., Freedonian and Sylvanian officials say about 11,000 marines are in the south.",
     "unnamed: U.S., Freedonian and Sylvanian officials"),
    ("In the capital, Freedonian and U.S. officials said 300 marines died.", "unnamed: Freedonian and U.S. officials"),
    ("Zoran Petrov, a former general, said 300 marines died.", "Zoran Petrov"),
])
def test_officials_of_a_list_of_countries_are_all_of_them_not_the_first(text, claimant):
    assert figures(text)[0]["claimant"] == claimant


@pytest.mark.parametrize("text,speaker", [
    ("\u201cWe are talking to both sides, we are talking to everyone,\u201d President Brandt said on Monday.", "Brandt"),
    ("Sylvanian Ambassador to Freedonia Ivan Gorsky told reporters the reports were \u201cspeculation spread by those "
     "who want war.\u201d", "Ivan Gorsky"),
    ("\u201cThey walk in lines across open fields,\u201d said a drone operator with the call sign Kit from the 8th "
     "Special Operations Regiment.", "Kit"),
    ("The Sylvanian Embassy in Ottawa called the report \u201ca crude fake designed to justify more weapons.\u201d",
     "Sylvanian Embassy in Ottawa"),
])
def test_titles_before_a_surname_or_a_place_and_a_mission_in_a_city(text, speaker):
    assert list(quotes(text).values()) == [speaker]


@pytest.mark.parametrize("text", [
    "A drone unit commander, who gave his name only as Captain Andriy, told the Daily Planet that about 300 marines had died.",
    "A medic, who asked to be identified only by his first name, Andriy, said about 300 marines had died.",
])
def test_a_source_who_gives_only_a_first_name_is_named_by_it(text):
    assert figures(text)[0]["claimant"] == "Andriy"


def test_officials_who_have_never_said_and_an_official_of_a_named_ministry():
    text = ("Freedonian officials have never said publicly how many shells went on.\n\nA Ministry of National Defense "
            "official, who asked not to be named, said the position had not changed. \u201cWe are watching closely, "
            "but there is no change,\u201d the official said.")
    assert quotes(text) == {"We are watching closely, ": "unnamed: Ministry of National Defense official"}


def test_a_negated_verb_after_a_quote_attributes_nothing():
    text = ("Spokeswoman Vera Lind last week called the reports \u201cpropaganda of the capital and its curators,\u201d "
            "and Sylvania has never confirmed that its marines are there.")
    assert quotes(text) == {"propaganda of the capital": "Vera Lind"}



def test_the_subject_of_a_subordinate_clause_inside_a_long_noun_phrase():
    text = ("The new estimate is the first official count of reinforcements since Freedonia said in late December "
            "that about 1,100 marines had been killed or wounded.")
    assert figures(text)[0]["claimant"] == "Freedonia"


@pytest.mark.parametrize("text,claimant", [
    ("According to an internal EEAS assessment seen by the Daily Planet, Sylvania has shipped more than 20,000 "
     "containers of shells.", "EEAS"),
    ("According to the White House report, 300 marines died.", "White House"),
    ("The White House issued a report on Monday. According to the report, 3,000 marines died.", "White House"),
])
def test_a_document_owned_by_a_body_named_or_known_by_its_initials(text, claimant):
    assert figures(text)[-1]["claimant"] == claimant


def test_lawmakers_briefed_by_an_agency_named_with_its_initials_relay_it():
    [r] = figures("Lawmakers briefed by the National Intelligence Service (NIS) last Monday said the agency put "
                  "Sylvanian deaths at around 300.")
    assert (r["claimant"], r["source"]) == ("unnamed: Lawmakers briefed by the National Intelligence Service",
                                            "National Intelligence Service")


def test_a_related_link_line_lends_no_antecedent_and_no_figure():
    from briefing.reader import from_text
    raw = ("Sylvanian marines in the south\n\nIvan Gorsky, the spy chief, said on Monday that the marines were moving.\n\n"
           "Read also: Zoran Petrov says 5,000 Sylvanian marines already lost, 12 November 2024\n\n"
           "He added that about 11,000 Sylvanian marines are now in the south, and that some had fought.\n")
    a = from_text("t.txt", raw)
    f = figures(a.text)
    assert [(r["surface"], r["claimant"]) for r in f] == [("about 11,000", "Ivan Gorsky")]


def test_a_titled_name_with_an_abbreviated_rank_before_a_colon_speaks_the_quote():
    text = "Officials say the same. White House spokesman Col. Ivan Gorsky: \u201cWe have not seen them on our sector for weeks.\u201d"
    assert quotes(text) == {"We have not seen them on ": "Ivan Gorsky"}


def test_a_date_of_estimate_column_dates_the_row():
    text = ("Estimates so far:\n\nSource | Date of estimate | Marines sent\n\n"
            "Freedonian Intelligence Directorate | 13 Jan 2025 | about 11,000\n\nThe war goes on.")
    assert by_surface(text, published="2025-03-04")["about 11,000"]["claim_date"] == "2025-01-13"


@pytest.mark.parametrize("text,speaker", [
    ("The sharpest criticism came from Mirela Ostrava, a fellow at the Vienna Institute for Strategy, who called "
     "the deployment reckless. She added that it was \u201ca gamble that Pyongyang cannot easily undo.\u201d",
     "Mirela Ostrava"),
])
def test_a_description_after_a_name_that_ends_a_clause_is_that_person_not_a_second_speaker(text, speaker):
    assert list(quotes(text).values()) == [speaker]


def test_a_figure_after_a_name_that_ends_a_clause_is_claimed_by_that_person():
    [r] = figures("Those were the words of Tomasz Wierzba, a spokesman for the Polish Veterans Union, who told the "
                  "rally that aid was late. He said the union knew of at least 40 volunteers killed at the front.")
    assert r["claimant"] == "Tomasz Wierzba"


@pytest.mark.parametrize("text,speaker", [
    ("Freedonia's embassy in Lisbon rejected the report. In a post on its website, the embassy said the claims "
     "were \u201cinvented in Kyiv and repeated in Washington.\u201d", "Freedonia's embassy in Lisbon"),
    # the city that houses the embassy is not the speaker
    ("North Korea's embassy in Moscow said \u201cwe have sent nobody to fight anywhere at all.\u201d",
     "North Korea's embassy in Moscow"),
])
def test_an_embassy_named_with_its_city_keeps_its_whole_name(text, speaker):
    assert list(quotes(text).values()) == [speaker]


def test_a_double_barrelled_surname_finds_the_full_name():
    text = ("Anna Moreau-Lindqvist, who teaches security studies in Uppsala, spoke to us.\n\n"
            "\u201cThey will keep sending men as long as the money comes,\u201d Moreau-Lindqvist said.")
    assert list(quotes(text).values()) == ["Anna Moreau-Lindqvist"]


@pytest.mark.parametrize("text,speaker", [
    ("In parliament on Tuesday, Dame Olga Brandt said the aid would continue. \u201cWe will not leave our friends to "
     "face this alone,\u201d the Chancellor said.", "Olga Brandt"),
    # a named speaker who holds another office is not "the defence minister"
    ("President Zoran Petrov said the marines were home. \u201cWe have counted 11,000 of them on the line,\u201d the "
     "defence minister said.", "unnamed: defence minister"),
    # another paragraph: the title is someone else
    ("Dame Olga Brandt said the aid would continue.\n\n\u201cWe will not leave our friends to face this alone,\u201d "
     "the Chancellor said.", "unnamed: Chancellor"),
])
def test_a_title_nobody_holds_is_the_named_speaker_of_the_same_paragraph(text, speaker):
    assert list(quotes(text).values()) == [speaker]


@pytest.mark.parametrize("sentence,surface", [
    ("My own estimate, after weeks of talking to officers on that front, is that no fewer than 9,000 Sylvanian "
     "marines have rotated through the south.", "no fewer than 9,000"),
    ("In the drone footage I count at least 85 bodies in Sylvanian winter gear.", "at least 85"),
    ("I would put the dead alone at somewhere between 700 and 900 marines.", "between 700 and 900"),
    ("By my count, roughly 40% of the Sylvanian marines are out of action.", "roughly 40%"),
])
def test_the_writers_own_figures_are_the_bylines(sentence, surface):
    _, figs = article_rows(sentence, article="t.txt", published="2025-01-14", registry=REG, author="Irena Volkova")
    assert {r["surface"]: r["claimant"] for r in figs}[surface] == "Irena Volkova"


def test_my_count_without_a_byline_is_nobodys_not_the_last_person_named():
    text = "Ivan Gorsky spoke to reporters on Monday. By my count, roughly 40% of the Sylvanian marines are out of action."
    [r] = figures(text)
    assert r["claimant"] == ""


def test_his_count_is_a_noun_and_leaves_the_estimate_status():
    r = by_surface("Ivan Gorsky, an analyst, spoke on Monday. By his count, roughly 30% of the marines have been "
                   "killed, out of an estimated 11,000 marines.")["roughly 30%"]
    assert r["status"] == "estimate"


@pytest.mark.parametrize("after", [
    "The figures were relayed to reporters by Ivan Gorsky, a member of the defence committee, after the briefing.",
    "These estimates were later presented to parliament by Ivan Gorsky.",
])
def test_the_next_sentence_naming_who_relayed_a_bodys_figures_makes_him_the_claimant(after):
    text = "The Freedonian Intelligence Directorate believes around 400 Sylvanian marines have been killed. " + after
    [r] = figures(text)
    assert (r["claimant"], r["source"]) == ("Ivan Gorsky", "Freedonian Intelligence Directorate")


def test_a_headline_line_credits_the_source_of_a_relayed_body_figure():
    text = ("Spy agency: 400 Sylvanian marines killed\n\n"
            "Ivan Gorsky, a lawmaker, said on Monday, citing the Freedonian Intelligence Directorate, that 400 "
            "Sylvanian marines had been killed.")
    rows_ = figures(text)
    assert [(r["claimant"], r["source"]) for r in rows_] == [
        ("Freedonian Intelligence Directorate", ""), ("Ivan Gorsky", "Freedonian Intelligence Directorate")]


def test_a_counted_noun_opening_a_line_is_nobodys_surname():
    assert [(r["surface"], r["claimant"]) for r in figures("Casualties estimated at about 4,000, up from 3,000 in January")] \
        == [("about 4,000", ""), ("3,000", "")]


def test_a_quote_in_low_or_angle_marks_is_a_quote_with_its_speaker(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Sylvania sends more marines\n\nIvan Gorsky said on Monday that more were coming. „Sylvania will send more "
        "marines before the winter“, he said.\n\nZoran Petrov disagreed. «We have seen no new ships at all in the "
        "port», Petrov told reporters.\n", encoding="utf-8")
    [a] = read_file(tmp_path / "a.txt")
    assert quotes(a.text) == {"Sylvania will send more m": "Ivan Gorsky", "We have seen no new ships": "Zoran Petrov"}


@pytest.mark.parametrize("text,speaker", [
    ("Tomas Žilinskas, an analyst in Vilnius, said the deployment fitted a pattern. \u201cSylvania sells its "
     "marines by the container,\u201d he said.", "Tomas Žilinskas"),
    ("Dovilė Šakalienė, the defence minister, spoke in Vilnius. \u201cSylvanian marines are learning fast on that "
     "front,\u201d Šakalienė said.", "Dovilė Šakalienė"),
])
def test_names_with_accented_capitals_are_names(text, speaker):
    assert list(quotes(text).values()) == [speaker]


def test_who_gave_his_name_only_as_then_a_second_relative_clause():
    text = ("A Freedonian contract soldier who gave his name only as Boris and who fought beside a Sylvanian unit "
            "told the paper that they rarely surrendered. \u201cThey keep a grenade for themselves,\u201d he said.")
    assert list(quotes(text).values()) == ["Boris"]


# ---------------------------------------------------------------- clause edges

def test_a_date_opening_the_sentence_and_the_audience_of_a_participle_are_never_the_claimant():
    f = by_surface("The NIS said 3,000 troops had arrived. By Nov. 13 the agency put the number above 10,000 "
                   "troops, telling lawmakers that some had been moved to the front.")
    assert f["above 10,000"]["claimant"] in ("National Intelligence Service", "")
    f = by_surface("On 28 October the directorate told lawmakers it expects 3,000 additional troops by spring.")
    assert "lawmakers" not in f["3,000"]["claimant"] + str(f["3,000"]["source"])


def test_the_subject_after_a_subordinator_is_not_the_object_of_the_previous_sentence_s_speaker():
    f = by_surface("President Zoran Petrov said on Tuesday that Freedonia had sent no one. The new estimate of "
                   "10,000 troops comes after Washington confirmed on Wednesday that at least 3,000 North Korean "
                   "troops had arrived in Russia.")
    assert f["at least 3,000"]["claimant"] == "United States"


def test_it_after_an_unintroduced_subject_takes_no_organisation_named_further_back():
    f = by_surface("The Kremlin has never confirmed the deployment. Dorvask, the largest of the military channels, "
                   "took a more cautious line. Last week it wrote that fewer than 500 North Korean soldiers had "
                   "been killed.")
    assert f["fewer than 500"]["claimant"] != "Russia"


def test_a_question_s_pronoun_is_not_the_claimant_of_what_the_asker_puts():
    f = by_surface("Will the Minister confirm how many soldiers have been wounded, and does he agree that reports "
                   "of 2,000 North Korean casualties are credible?")
    assert "Minister" not in f["2,000"]["claimant"]


def test_a_regional_adjective_before_a_verb_s_noun_is_no_one():
    f = by_surface("On Tuesday, the state news agency dismissed Western reports of ten thousand North Korean troops "
                   "as a fabrication. Ledovskikh argued that the West was the real party to the war. Washington "
                   "alone, he said, has sent more than 3 million shells, and European states have delivered hundreds "
                   "of tanks.")
    assert {f["ten thousand"]["claimant"], f["hundreds"]["claimant"]}.isdisjoint({"Western", "European"})


BRIEF = ("Key findings\n\n- We counted roughly 1,200 shipping containers on the quay at the pier on January 28, "
         "up from about 300 on December 30.\n\n- At the rail yard we identified 64 covered railcars.\n")


def test_a_research_body_s_own_brief_speaks_as_we_and_a_heading_is_no_one():
    f = {r["surface"]: r["claimant"] for r in article_rows(BRIEF, article="t.md", published="2025-02-11",
                                                             registry=REG, publisher="Harbour Watch Imagery Project")[1]}
    assert set(f.values()) == {"Harbour Watch Imagery Project"}
    f = {r["surface"]: r["claimant"] for r in article_rows("## " + BRIEF, article="t.md", published="2025-02-11",
                                                             registry=REG)[1]}
    assert "Key" not in f.values()


def test_a_title_case_headline_s_verb_and_quantifier_are_no_name():
    f = by_surface("North Korean Troops Suffer Heavy Losses, Some 100 Dead, Freedonian Lawmaker Says\n\n"
                   "At least 100 North Korean soldiers have been killed, a Freedonian lawmaker said on Thursday.")
    assert "Says" not in f["At least 100"]["claimant"]
    q = quotes("Several Delegates Tell Security Council of Risk\n\n\"If Moscow needs soldiers from Pyongyang, the war "
               "is widening,\" he said.")
    assert "Several" not in " ".join(q.values())


def test_a_hyphenated_office_opens_a_name_for_the_surname_after():
    q = quotes("Brig.-Gen. Andrea Thibodeau, chief of defence intelligence, appeared before the committee.\n\n"
               "\"They are learning on our dime, and on Ukraine's blood,\" Thibodeau told the committee.")
    assert q["They are learning on our "] == "Andrea Thibodeau"


@pytest.mark.parametrize("text, speaker", [
    # a month's abbreviation that is also a first name
    ("“Sylvania sends its sons to die for another's war,” Foreign Minister Jan Vorel said.", "Jan Vorel"),
    # a chamber's office is no part of the name
    ("“Sylvania sends its sons to die for another's war,” Deputy Speaker Ilse Marten said.", "Ilse Marten"),
])
def test_an_office_before_a_name_leaves_the_whole_name(text, speaker):
    assert quotes(text) == {"Sylvania sends its sons t": speaker}


@pytest.mark.parametrize("body", ["National Defence", "Global Affairs Sylvania", "Military Intelligence"])
def test_a_body_named_by_its_field_of_government_claims_what_it_counts(body):
    f = by_surface(f"Sylvania has sent Freedonia eight battle tanks and 3,000 marines, according to {body}.")
    assert f["eight"]["claimant"] == body and f["3,000"]["claimant"] == body


def test_an_office_of_that_field_is_still_a_person_the_article_names():
    q = quotes("Defence Secretary Ilse Marten visited the port.\n\n“We will not be intimidated by this,” the "
               "Defence Secretary said.")
    assert q["We will not be intimidate"] == "Ilse Marten"


@pytest.mark.parametrize("after", [
    "That is what the Freedonian Intelligence Directorate writes in its annual report, published today.",
    "That is according to the Freedonian Intelligence Directorate.",
    "So says the Freedonian Intelligence Directorate, which briefed lawmakers on Monday.",
])
def test_a_sentence_pointing_back_names_the_claimant_of_the_figure_before(after):
    f = by_surface(f"Sylvania has sent around 6,000 marines to the front since the spring. {after}")
    assert f["around 6,000"]["claimant"] == "Freedonian Intelligence Directorate"


def test_a_body_named_with_and_is_one_body_and_its_acronym_label_is_it():
    text = ("FSIS: Sylvania sent some 6,000 marines\n\n"
            "That is what the Freedonian Security and Intelligence Service (FSIS) writes in its annual report. "
            "The FSIS estimates that around 900 marines have died.")
    f = by_surface(text)
    assert {f[k]["claimant"] for k in ("some 6,000", "around 900")} == {"Freedonian Security and Intelligence Service"}


def test_a_rank_nobody_in_the_article_holds_is_the_person_just_spoken_of():
    q = quotes("Director Tomas Ordelt of the directorate presented the report on Monday. The vice admiral said the "
               "service had combined its own sources with those of allies. “We are fairly certain about the order "
               "of magnitude,” he said.")
    assert q["We are fairly certain abo"] == "Tomas Ordelt"


@pytest.mark.parametrize("rank", ["Lieutenant-General", "Major-General", "Vice-Admiral"])
def test_a_hyphenated_rank_is_an_office_not_part_of_the_name(rank):
    q = quotes(f"“Numbers are the one thing they never give us,” {rank} Ilse Marten said.")
    assert q["Numbers are the one thing"] == "Ilse Marten"


def test_a_headline_labelled_by_a_title_is_the_person_the_body_gives_it_to():
    text = ("Minister: Up to 6,000 Sylvanian marines at the border\n\n"
            "As many as 6,000 Sylvanian marines are now at the border. That was the message from defence minister "
            "Ilse Marten on Monday, after a briefing from the intelligence service.")
    f = by_surface(text)
    assert f["Up to 6,000"]["claimant"] == "Ilse Marten" and f["As many as 6,000"]["claimant"] == "Ilse Marten"


def test_a_lawmaker_is_the_member_of_parliament_named_after_not_a_party_secretary():
    text = ("At least 100 Sylvanian marines have been killed, a Freedonian lawmaker said on Thursday, citing the "
            "country's spy agency.\n\n"
            "Ivo Marek, a member of parliament's intelligence committee, told reporters after the briefing that the "
            "losses came from drones.\n\n"
            "Ana Ruiz, the committee's secretary from the opposition Democratic Party, said the agency could not "
            "confirm other reports.")
    assert by_surface(text)["At least 100"]["claimant"] == "Ivo Marek"


def test_one_of_a_group_is_one_person_of_it_and_the_he_after():
    text = ("One of the two prisoners Freedonia took this month offered a glimpse from the inside. In a video "
            "released by the security service, he said that 25 of the 30 men in his platoon had been killed.")
    assert by_surface(text)["25"]["claimant"] == "unnamed: prisoner"
    assert by_surface("One of the officials said 3,000 marines had arrived.")["3,000"]["claimant"] == "unnamed: official"


@pytest.mark.parametrize("later", [
    "Ivo Marek—the FIDS researcher, who has studied the army for a decade—thinks that is changing.",
    "Ivo Marek, a researcher at the Freedonian Institute for Defence Studies, thinks that is changing.",
])
def test_a_person_described_at_a_body_is_the_one_the_article_names_there(later):
    text = ("“They learn from every mistake, and they learn fast,” a researcher at the state-funded Freedonian "
            f"Institute for Defence Studies told the magazine.\n\nThe front has been quiet since.\n\n{later}")
    assert quotes(text) == {"They learn from every mis": "Ivo Marek"}


def test_a_researcher_at_a_body_nobody_is_named_at_stays_unnamed():
    text = ("“They learn fast,” a researcher at the state-funded Freedonian Institute for Defence Studies told the "
            "magazine.\n\nIvo Marek, a researcher at Sylvania University, disagrees.")
    assert quotes(text)["They learn fast,"].startswith("unnamed: researcher at the state-funded")


def test_a_lead_source_the_next_sentence_names_is_that_person():
    text = ("Sylvania now supplies about half of the shells Freedonia fires, a senior Freedonian intelligence official "
            "has said.\n\nIvo Marek, deputy head of Freedonia's Defence Intelligence (FDI), made the assessment in "
            "an interview published Monday.\n\nThe deputy intelligence chief also said around 1,500 marines arrived.")
    f = by_surface(text)
    assert f["about half"]["claimant"] == "Ivo Marek" and f["around 1,500"]["claimant"] == "Ivo Marek"


def test_a_transcripts_double_barrelled_capitals_and_a_watchdogs_name_stay_whole():
    text = ("Presenter Ana Ruiz speaks with Richard Fenwick-Hale.\n\nRUIZ: How many?\n\n"
            "FENWICK-HALE: Something like 1,500 marines, I am told.\n\nRUIZ: Thank you.\n\n"
            "FENWICK-HALE: Pleasure.\n\nSeparately, Human Rights Watch said two captured marines had been mistreated.")
    f = by_surface(text)
    assert f["Something like 1,500"]["claimant"] == "Richard Fenwick-Hale"
    assert f["two"]["claimant"] == "Human Rights Watch"


def test_an_office_introduced_by_its_possessive_and_an_acting_holder_are_the_named_people():
    text = ("Freedonia says the numbers are far higher. Its ambassador in Sylvania, Ivo Marek, has lobbied for months. "
            "The envoy said as many as 100,000 marines could follow.\n\n"
            "The ministry is run by Ana Ruiz, the vice minister who took charge in May. “Our principle has not "
            "changed,” the acting minister said.")
    assert by_surface(text)["as many as 100,000"]["claimant"] == "Ivo Marek"
    assert quotes(text)["Our principle has not cha"] == "Ana Ruiz"


def test_the_day_of_a_briefing_is_no_part_of_who_was_briefed():
    f = by_surface("At least 100 marines have been killed, according to lawmakers briefed late on Thursday by the "
                   "Freedonian Intelligence Directorate.")
    assert f["At least 100"]["claimant"] == "unnamed: lawmakers briefed by the Freedonian Intelligence Directorate"
    assert f["At least 100"]["source"] == "Freedonian Intelligence Directorate"


def test_a_headline_line_in_the_body_is_claimed_by_its_own_title_case_verb():
    text = ("World Report\n\nSylvanian Marines Suffer Heavy Losses, Some 100 Dead, Freedonian Lawmaker Says\n\n"
            "By Staff | Dec. 19, 2024\n\n"
            "At least 100 Sylvanian marines have been killed, a Freedonian lawmaker said on Thursday, citing the "
            "Freedonian Intelligence Directorate.\n\n"
            "Ivo Marek, a member of parliament's intelligence committee, told reporters the losses came from drones.")
    assert by_surface(text)["Some 100"]["claimant"] == "Ivo Marek"


def test_a_hansard_label_with_the_members_name_in_capitals_is_the_member():
    text = ("Members in attendance: Senators Corran, Idle\n\n"
            "Senator CORRAN: There is a figure of 13,000 containers going around.\n\n"
            "Senator IDLE: And about 2,000 marines, I am told.")
    f = by_surface(text)
    assert (f["13,000"]["claimant"], f["about 2,000"]["claimant"]) == ("Corran", "Idle")


@pytest.mark.parametrize("office", ["Tánaiste", "Taoiseach", "Chancellor"])
def test_a_national_office_before_a_name_is_stripped_from_the_speaker(office):
    q = quotes(f"“This is a grave escalation and we will answer it,” {office} Aodh Brennan said.")
    assert q["This is a grave escalatio"] == "Aodh Brennan"


def test_a_place_opening_the_sentence_or_an_unregistered_country_is_no_one_a_pronoun_stands_for():
    q = quotes("Denmark has pledged 19 fighter jets to Ukraine.\n\nIn Odense, the news is followed closely by Olena "
               "Kravets, who fled from Kharkiv in 2022.\n\n\"He writes that they can hear them on the radio,\" she says.")
    assert q.get("He writes that they can h", "") not in ("Denmark", "Odense")


# ---------------------------------------------------------------- transcript turns

_TURNS = ("DEPUTY PRESS SECRETARY ALINE KESSLER: Good afternoon. Minister of Defence Zoran Petrov spoke by "
          "phone this weekend with his Sylvanian counterpart Ivo Marek.\n\n"
          "On that subject, I can give you an update. We now assess that roughly 9,000 Sylvanian marines have "
          "been sent to the coast. As the minister said last week, \"Freedonia has every right to defend itself "
          "against any force.\" Marek told him, and I quote, \"If nobody reacts now, there will be twenty "
          "thousand of them by spring.\"\n\n"
          "QUESTION: How many are at the port?\n\n"
          "MS. KESSLER: We think around 7,000 marines are at the port. He said it again on Monday.\n\n"
          "QUESTION: Thank you.")


def test_an_unlabelled_paragraph_of_a_transcript_continues_the_turn_before_it():
    # the five-word capitalised label opens the turn; the paragraph after it is still her turn, so "we" is her
    f = by_surface(_TURNS)
    assert f["roughly 9,000"]["claimant"] == "Aline Kessler"
    assert f["around 7,000"]["claimant"] == "Aline Kessler"


def test_in_a_turn_the_title_and_he_are_someone_other_than_the_speaker():
    text = ("Chief spokeswoman Dana Holt was travelling.\n\n"
            "DEPUTY SPOKESWOMAN ALINE KESSLER: Good afternoon. I spoke with Zoran Petrov on the phone. He told me, "
            "and I quote, \"If nobody reacts now, there will be twenty thousand of them by spring.\" As the "
            "spokeswoman said last week, \"Freedonia has every right to defend itself against any force.\"\n\n"
            "QUESTION: Thanks.\n\nMS. KESSLER: Yes.\n\nQUESTION: Thanks.")
    q = quotes(text)
    # "and I quote" is the quoter's formula: the frame before it ("He told me") speaks, and "he" is not her
    assert q["If nobody reacts now, the"] == "Zoran Petrov"
    assert q["Freedonia has every right"] == "Dana Holt"      # "the spokeswoman" is not the one speaking


def test_a_pages_metadata_line_is_no_turn_to_continue():
    text = ("Place: Briefing Room\n\nDate: 4 November\n\n"
            "Deputy spokesman Ivo Marek met reporters. President Zoran Petrov instructed at the meeting, and "
            "I quote: \"We cannot stand idly by while the marines gain combat experience.\"\n\n"
            "MR MAREK: Thank you.\n\nQUESTION: Thanks.\n\nMR MAREK: Yes.")
    assert quotes(text) == {"We cannot stand idly by w": "Zoran Petrov"}


# ---------------------------------------------------------------- quotations in headlines

def test_a_title_quotation_is_a_row_of_its_own_spoken_as_the_title_says():
    body = "Marines captured near Dorvia were questioned on Monday.\n\nThe NIS said about 300 marines had died."
    q, _ = rows(body, title="'I was told it was training': Captured Sylvanian marine speaks to the Ledger")
    r = next(r for r in q if r["field"] == "title")
    assert (r["quote"], r["speaker"]) == ("I was told it was training", "unnamed: Captured Sylvanian marine")
    title = "'I was told it was training': Captured Sylvanian marine speaks to the Ledger"
    assert title[r["start"]:r["end"]] == r["quote"]


def test_a_headline_label_or_a_transcript_turn_speaks_the_headline_quotation():
    head = '[TV] NIS: "Some Sylvanian marines already in combat in Dorvia"... over 10,000 deployed'
    q = quotes(head + "\n\nOur intelligence authorities believe so.", title=head)
    assert q == {"Some Sylvanian marines al": "National Intelligence Service"}
    title = "'Kim is learning what a modern war costs': former attache on Sylvanian losses"
    text = ("Host Ana Ruiz speaks with Richard Fenwick-Hale.\n\nRUIZ: How many have died?\n\n"
            "FENWICK-HALE: Eleven thousand were sent. Kim is learning what a modern war costs, and fast.\n\n"
            "RUIZ: Thank you.\n\nFENWICK-HALE: Thanks.")
    assert quotes(text, title=title) == {"Kim is learning what a mo": "Richard Fenwick-Hale"}


def test_a_phrase_a_headline_names_or_a_description_nobody_bears_is_no_quotation():
    body = "Experts told the paper the claims were invented.\n\nThe NIS said about 300 marines had died."
    assert quotes(body, title="US hype of 'Sylvanian marines in Dorvia' aims to prolong the war: experts") == {}
    assert quotes(body, title="'One In Five Could Be Lost By March': Ex-Attache On Sylvania's Costly Gamble") == {}


# ---------------------------------------------------------------- subjects and names in the lead of a sentence

def test_a_described_subject_with_its_name_set_off_by_commas_is_that_person():
    text = ("\"The escalation will not go unanswered,\" declared the minister for foreign affairs on Tuesday. "
            "In Riverton, the minister of the armed forces, Ilona Varga, was more cautious about the figures. "
            "Speaking on the radio on Monday, she said: \"What is certain is that Sylvania is learning.\"")
    assert quotes(text)["What is certain is that S"] == "Ilona Varga"


def test_a_time_phrase_opening_the_sentence_is_no_part_of_the_speaker():
    for lead in ("Two days later", "Days later,", "A week later,", "Weeks ago"):
        text = f"{lead} the Freedonian Intelligence Directorate said about 300 Sylvanian marines had died."
        assert by_surface(text)["about 300"]["claimant"] == "Freedonian Intelligence Directorate", lead


def test_an_office_after_the_country_it_serves_names_the_person_for_the_surname_later():
    text = ("US Secretary of State Ilona Varga and Sylvanian Foreign Minister Ivo Marek agreed on Tuesday to talk.\n\n"
            "\"We talked about the marines, but we also talked about the border,\" Varga told reporters.")
    assert quotes(text) == {"We talked about the marin": "Ilona Varga"}


def test_a_description_ends_before_the_writers_contact_clause():
    text = ("A Sylvanian brigade commander I spoke to last week put it very simply. He said: \"They are brave, but "
            "they have been taught a war that no longer exists.\"")
    assert quotes(text) == {"They are brave, but they ": "unnamed: Sylvanian brigade commander"}


# ---------------------------------------------------------------- titles the registry knows a person by

def test_a_title_the_registry_gives_links_to_the_person_the_article_names_without_it():
    reg = Registry(pd.DataFrame([
        ["ana_kovac", "Ana Kovac", "", "person", "Prime Minister;top government spokeswoman", "Freedonian Government",
         "Freedonia", "Freedonia"]],
        columns=["actor_id", "name", "aliases", "kind", "role", "affiliation", "country", "side"]))
    assert reg.lookup("Ana Kovac").role == "Prime Minister" and len(reg.titles_of("ana_kovac")) == 2
    text = ("Ana Kovac hosted the summit on Sunday. On Wednesday, Kovac told parliament a deal must hold. "
            "\u201cWe cannot accept a pause that lets Sylvania regroup,\u201d the Prime Minister said. "
            "\u201cWe will keep working with our allies,\u201d the top government spokeswoman added.")
    q = {r["quote"][:12]: r["speaker"] for r in article_rows(text, article="t.txt", published="2025-01-14",
                                                             registry=reg)[0]}
    assert q == {"We cannot ac": "Ana Kovac", "We will keep": "Ana Kovac"}


# ---------------------------------------------------------------- who speaks, as the sentence's own structure names them

def test_a_call_sign_in_the_apposition_names_the_described_speaker():
    text = ("\u201cMarines,\u201d says the commander, a 29-year-old who goes by the call sign Falcon. "
            "\u201cYou can tell by how they move.\u201d\n\nHe pointed at the screen. "
            "\u201cThey keep coming,\u201d he said.")
    assert set(quotes(text).values()) == {"Falcon"}


@pytest.mark.parametrize("text,speaker", [
    # a verb of perception before the one who speaks
    ("Two weeks ago this Council heard the Russian delegation dismiss the reports as \u201ca provocation of "
     "foreign services.\u201d", "Russian delegation"),
    # a country's body named with where it is accredited, or by a long proper name
    ("Sylvania's mission to the OSCE called the measures \u201cillegal and doomed to fail\u201d in a post.",
     "Sylvania's mission to the OSCE"),
    ("Freedonia's Coordination Headquarters for the Treatment of Prisoners of War called the claims \u201ca lie\u201d.",
     "Freedonia's Coordination Headquarters for the Treatment of Prisoners of War"),
])
def test_a_body_is_named_as_the_article_names_it(text, speaker):
    r = [q for q in rows(text)[0]]
    assert [q["speaker"] for q in r] == [speaker]


@pytest.mark.parametrize("text,speaker", [
    # the one named after "Among them was" is the sentence's subject, whom a later "she" stands for
    ("About 200 people rallied outside the parliament. Among them was Ana Kovac, 34, a nurse who moved to "
     "Leith in 2022. \u201cNow there are marines shooting at my brother,\u201d she said.", "Ana Kovac"),
    # letters after a name are no part of it
    ("Defence spokesperson Ivo Dragan MP said: \u201cThe Government should go much further on sanctions.\u201d",
     "Ivo Dragan"),
    ("Air Marshal Sir Richard Vance KBE said: \u201cThe marines were badly led and they knew it.\u201d",
     "Richard Vance"),
])
def test_who_a_sentence_names_with_its_inversions_and_letters(text, speaker):
    assert list(quotes(text).values()) == [speaker]


def test_a_senior_mp_stays_a_description():
    text = "A senior MP said: \u201cThe marines were badly led and they knew it.\u201d"
    assert list(quotes(text).values()) == ["unnamed: senior MP"]


@pytest.mark.parametrize("text,claimant", [
    # estimates nobody is named for claim what they put
    ("Western and Freedonian intelligence estimates put the first contingent at 10,000-12,000 marines.",
     "unnamed: Western and Freedonian intelligence estimates"),
    ("Western estimates put Sylvanian casualties at more than 1,500 a day.", "unnamed: Western estimates"),
    # but a body's estimates are the body's
    ("The Freedonian Intelligence Directorate estimates put the number at 12,000 marines.",
     "Freedonian Intelligence Directorate"),
])
def test_estimates_as_a_subject_are_their_own_claimant_unless_a_body_owns_them(text, claimant):
    assert figures(text)[0]["claimant"] == claimant


def test_a_negated_verb_leaves_its_subject_whole_for_a_later_pronoun():
    text = ("Freedonia's naval intelligence agency has not said that 3,000 marines were killed. It put the "
            "number of deaths at about 300.")
    assert not by_surface(text)["about 300"]["claimant"].endswith("not")


def test_a_dash_after_the_comma_still_leads_to_the_speaker():
    text = ("\u201cThey were brought in at night, by the truckload\u201d, \u2014 says a nurse at one of the hospitals, "
            "who asked not to be named.")
    assert list(quotes(text).values())[0].startswith("unnamed: nurse")


@pytest.mark.parametrize("after,speaker", [
    ("That was Lt Gen (retd) Ivo Dragan, a former defence attach\u00e9 in Sylvania, speaking to the paper.", "Ivo Dragan"),
    ("Maj. Ivo Dragan, 41, says this quietly, standing in the doorway of a farmhouse.", "Ivo Dragan"),
])
def test_a_quote_paragraph_takes_the_speaker_the_next_sentence_points_back_to(after, speaker):
    text = ("\u201cIf you lose some two thousand men in a few weeks, any commander pulls back and retrains. That "
            "is not defeat, that is learning.\u201d\n\n" + after)
    assert list(quotes(text).values()) == [speaker]


def test_said_it_is_no_pointer_back():
    text = "\u201cWe will hold the line whatever it costs us.\u201d\n\nZoran Petrov said it would be a long winter."
    assert list(quotes(text).values()) != ["Zoran Petrov"]


def test_a_name_and_its_apposition_after_a_long_lead_in_introduce_the_quote_paragraph():
    text = ("Responding to the capture of two Sylvanian marines by Freedonian forces near the port, Ana Kovac, "
            "the Freedonian Refugee Council's deputy regional director for East and Southeast Asia, said:\n\n"
            "\u201cThese two men must be treated as prisoners of war, with every protection the law gives them.\u201d")
    r = rows(text)
    assert [q["speaker"] for q in r[0]] == ["Ana Kovac"]
    # the count in the lead-in is not what the colon introduces
    assert [(f["surface"], f["claimant"]) for f in r[1]] == [("two", ""), ("two", "Ana Kovac")]


def test_keeps_telling_is_a_verb_of_saying_with_its_subject():
    text = "The Kremlin keeps telling the world there are \u201cno Sylvanian marines on the island\u201d."
    assert [q["speaker"] for q in rows(text)[0]] == ["Russia"]


def test_and_that_after_a_quote_continues_the_reported_speech():
    text = ("A Freedonian defence official told reporters that Sylvanian casualties were \u201cin the low thousands,\u201d "
            "and that Freedonian estimates fell between those of the two capitals.")
    assert [q["speaker"] for q in rows(text)[0]] == ["unnamed: Freedonian defence official"]


def test_a_questioners_label_is_no_part_of_the_subject_of_the_sentence_after_it():
    text = ("Minister Petrov: I will not comment on each report.\n\n"
            "Daily Courier, Mori: Sylvanian Foreign Ministry spokeswoman Ana Kovac has described the reports as "
            "\u201canother invention of the Western media.\u201d What is your reaction?\n\n"
            "Minister Petrov: I am aware of that statement.")
    assert [q["speaker"] for q in rows(text)[0]] == ["Ana Kovac"]


def test_a_body_known_only_by_its_letters_claims_what_it_says():
    # an acronym the article never spells out is an organisation, with or without "the"
    for subject in ("The QRSI", "QRSI"):
        text = f"{subject} assesses that Sylvania had shipped between 3 million and 5 million rounds to Freedonia."
        assert by_surface(text)["between 3 million and 5 million"]["claimant"] == "QRSI", subject
    # capitals that the article also writes as a word are that word: a dateline city, a magazine's name
    text = ("LUXOR, Oct. 25 - Freedonia on Friday voiced concern over reports that Sylvania is sending "
            "thousands of troops. Officials in Luxor declined to comment.")
    assert by_surface(text)["thousands"]["claimant"] != "LUXOR"
    # a capitalised headline's surname is the person the article names
    text = "Zoran Petrov met the envoy on Monday. PETROV said 5,000 troops were sent."
    assert by_surface(text)["5,000"]["claimant"] == "Zoran Petrov"


def test_documenting_a_count_and_giving_a_figure_last_month_claim_it():
    text = ("Since the start of the war, the Freedonian Intelligence Directorate has documented the execution of "
            "at least 177 prisoners, 124 of them this year.")
    r = by_surface(text)
    assert r["at least 177"]["claimant"] == r["124"]["claimant"] == "Freedonian Intelligence Directorate"
    assert r["at least 177"]["status"] == "confirmed"
    text = ("The NIS gave a far lower figure last month, estimating that around 100 Sylvanian soldiers had been "
            "killed and 1,000 wounded.")
    r = by_surface(text)
    assert r["around 100"]["claimant"] == r["1,000"]["claimant"] == "National Intelligence Service"
    # an adjective "documented" or "repeated" is no verb of saying
    assert by_surface("The report lists 177 documented deaths among Sylvanian troops.")["177"]["claimant"] != \
        "unnamed: documented deaths"
    assert by_surface("There were 177 documented deaths among Sylvanian troops.")["177"]["claimant"] == ""
    text = "Freedonia, meanwhile, repeated its commitment to deliver 30 fighter jets by 2028."
    assert by_surface(text)["30"]["claimant"] == "Freedonia"


def test_the_subject_of_a_relative_clause_or_a_that_clause_speaks_the_quote():
    text = ("The Freedonian Intelligence Directorate released a video on Sunday in which one of the prisoners, a "
            "26-year-old rifleman, says he was told he was going to Freedonia for training. \u201cI did not know "
            "that we would fight,\u201d the man says in the video.")
    assert list(quotes(text).values()) == ["unnamed: 26-year-old rifleman"]
    text = ("The NIS said the second prisoner had told interrogators he had joined a unit of about 100 men and "
            "that \u201cmost of them are dead now.\u201d")
    q, f = rows(text)
    assert [x["speaker"] for x in q] == ["unnamed: prisoner"]
    assert (f[0]["claimant"], f[0]["source"]) == ("National Intelligence Service", "unnamed: prisoner")


def test_the_writers_i_is_never_the_subject_of_an_earlier_sentence():
    # no byline, no transcript label: "I" is the unnamed writer, not the capitalised first word before it
    for lead in ("About 11,000 troops went.", "More than 11,000 troops went.", "Zoran Petrov spoke on Monday."):
        r = by_surface(lead + " I expect Sylvania to send 5,000 more troops by the spring.")["5,000"]
        assert r["claimant"] == "", lead


def test_by_the_count_of_and_the_agency_for_an_intelligence_service_named_before():
    text = ("By the count of the Freedonian Intelligence Directorate, some eleven thousand Sylvanian soldiers were sent "
            "last fall; by the middle of winter, the same agency estimated, roughly three thousand had been killed.")
    r = by_surface(text)
    assert r["some eleven thousand"]["claimant"] == r["roughly three thousand"]["claimant"] == \
        "Freedonian Intelligence Directorate"
    # news writing varies the word for one body: "the agency" after "the ... intelligence service"
    text = "The Ruritanian intelligence service said 11,000 soldiers were sent. The agency said 3,000 had been killed."
    r = by_surface(text)
    assert r["3,000"]["claimant"] == r["11,000"]["claimant"] != "unnamed: agency"


def test_the_attribution_ending_a_quotation_of_several_paragraphs_names_the_speaker_of_all():
    text = ("Freedonia said on Friday that Sylvanian troops had suffered more than 1,000 killed and wounded.\n\n"
            "\u201cThey are being thrown into mass infantry assaults, and they are taking very heavy losses.\n\n"
            "\u201cTheir commanders appear to regard these men as expendable,\u201d Ivo Marek, the Freedonian "
            "defence spokesman, told reporters.")
    assert [q["speaker"] for q in rows(text)[0]] == ["Ivo Marek", "Ivo Marek"]
    # without an attribution at its end, the sentence before still introduces it
    text = ("Zoran Petrov spoke to reporters on Friday.\n\n\u201cThey are being thrown into assaults.\n\n"
            "\u201cTheir commanders do not care.\u201d\n\nThe talks ended.")
    assert set(q["speaker"] for q in rows(text)[0]) == {"Zoran Petrov"}


def test_an_outlet_reporting_a_named_bodys_figure_is_no_claimant_of_it():
    # (outlets are data/outlets.csv's: Yonhap is one)
    text = ("Earlier, Yonhap reported that the Freedonian Intelligence Directorate estimated Sylvanian losses at over "
            "830,000 personnel since February.")
    r = by_surface(text)["over 830,000"]
    assert (r["claimant"], r["source"]) == ("Freedonian Intelligence Directorate", "")
    # a person who says a body confirmed it still claims it, citing the body
    r = by_surface("Zoran Petrov said the NIS had confirmed that about 50 soldiers died.")["about 50"]
    assert (r["claimant"], r["source"]) == ("Zoran Petrov", "National Intelligence Service")


def test_per_names_a_source_but_never_a_rate():
    r = by_surface("Sylvania has sent about 14,000 soldiers, per two diplomats who have seen the document.")["about 14,000"]
    assert r["claimant"].startswith("unnamed:") and "diplomats" in r["claimant"]
    text = ("Zoran Petrov: I think the force will grow to 15,000 troops by the summer, because Sylvania is paid per "
            "soldier and has a lot of soldiers.")
    r = by_surface(text)["15,000"]
    assert "soldier" not in r["source"] and "soldier" not in r["claimant"]


@pytest.mark.parametrize("verb", ["boasted", "cautioned", "complained", "lamented", "hinted", "underlined",
                                  "confided", "informed reporters"])
def test_less_common_speech_verbs_name_the_claimant(verb):
    r = by_surface(f"Zoran Petrov {verb} that some 3,500 Sylvanian soldiers had reached the front.")["some 3,500"]
    assert r["claimant"] == "Zoran Petrov"


def test_a_headquarters_named_in_capitals_is_a_named_body():
    text = ("The Coordination Headquarters for Returning Prisoners informs that two Sylvanian soldiers were "
            "handed over on Monday.")
    assert by_surface(text)["two"]["claimant"] == "Coordination Headquarters for Returning Prisoners"


@pytest.mark.parametrize("after", ["said the Secretary of the Coordination Headquarters, Ivo Marek.",
                                   "said the head of the agency, Ivo Marek, on Monday.",
                                   "said the ministry spokesman, Ivo Marek."])
def test_a_name_in_apposition_after_an_inverted_title_is_the_speaker(after):
    text = f'"We will bring every one of our soldiers home, whatever it takes," {after}'
    assert list(quotes(text).values()) == ["Ivo Marek"]


def test_a_country_in_the_headline_gives_way_to_the_person_whose_words_the_body_quotes():
    title = "Freedonia calls Sylvanian troops 'a clear threat to the whole region'"
    text = (title + "\n\nFreedonia said on Monday the deployment was dangerous.\n\n"
            "\u201cThe presence of these soldiers is a clear threat to the whole region, and a sign of weakness,\u201d "
            "Zoran Petrov told reporters.")
    assert set(quotes(text, title=title).values()) == {"Zoran Petrov"}
    # a person's verb earlier in the headline over another person's words the body quotes: the body's speaker
    title = "Petrov confirms Sylvanian units at the front - Arvik: 'Sylvania will send more soldiers'"
    text = (title + "\n\nZoran Petrov confirmed on Monday that the units were there.\n\n"
            "\u201cIf the world does not answer this, Sylvania will send more soldiers,\u201d Ivo Marek, the defence "
            "minister, said.")
    got = {r["quote"]: r["speaker"] for r in rows(text, title=title)[0]}
    assert got["Sylvania will send more soldiers"] == "Ivo Marek"
    # a country's headline words that no person says in the body stay the country's
    title = "Freedonia calls Sylvanian troops 'a clear threat to the whole region'"
    text = title + "\n\nFreedonia said on Monday the deployment was dangerous. Zoran Petrov was not available."
    assert set(quotes(text, title=title).values()) == {"Freedonia"}


def test_a_clause_coordinated_after_the_quote_does_not_take_it_from_the_verb_before():
    text = ("Zoran Petrov said last month that the deployment was \u201ca direct threat to the security of the "
            "region,\u201d and Sylvania has added Freedonian officers to its sanctions list.")
    assert list(quotes(text).values()) == ["Zoran Petrov"]


def test_a_chairperson_introduced_with_a_courtesy_title_without_a_stop_is_the_chairperson_later():
    text = ("The Chairperson of the committee, Ms Mara Ostlund, said the committee remained concerned.\n\n"
            "The committee resolved to invite the department back.\n\n"
            "\u201cThe committee will keep a close eye on this matter,\u201d the Chairperson said.")
    assert list(quotes(text).values()) == ["Mara Ostlund"]


def test_an_age_between_a_name_and_its_appositive_leaves_the_name_the_subject():
    text = ("Ivo Marek commands a Freedonian battalion.\n\n"
            "Marek, 34, a former analyst from the capital, said his unit had killed \u201cat least 60 "
            "Sylvanian soldiers\u201d since Friday, and that Sylvanians now made up roughly half of the infantry attacking his sector.")
    assert list(quotes(text).values()) == ["Ivo Marek"]
    assert {r["surface"]: r["claimant"] for r in figures(text)} == {"at least 60": "Ivo Marek",
                                                                    "roughly half": "Ivo Marek"}


def test_a_source_identified_only_by_his_surname_is_named_by_it():
    text = ("A former engineer at a shell plant who left Sylvania in 2019 and asked to be identified only by his "
            "surname, Ri, said production had been organized around quotas.\n\n"
            "\u201cWhen I was there, my workshop made about 3,000 shells a day,\u201d he said by phone.")
    assert list(quotes(text).values()) == ["Ri"]


def test_a_qualified_title_is_the_person_a_later_bare_title_names_but_not_a_deputy():
    text = ("Freedonia's human rights commissioner wrote on Telegram: \u201cAmong those coming home today are "
            "defenders of the border towns.\u201d\n\nSylvania said it had received its men.\n\n"
            "The commissioner, Ivo Marek, said the men were held in line with the conventions.")
    assert list(quotes(text).values()) == ["Ivo Marek"]
    text = ("The deputy defence minister said \u201cwe will keep fighting for every village\u201d.\n\n"
            "The minister, Ivo Marek, said more later.")
    assert list(quotes(text).values()) != ["Ivo Marek"]


def test_an_age_as_the_noun_describes_an_unnamed_speaker():
    text = ("Zoran Petrov said the talks were over.\n\n"
            "Three men who returned from the front told the Post that recruits had shared a camp. One of them, a "
            "29-year-old from the coast who asked not to be named, said the Sylvanians \u201ckept to themselves.\u201d\n\n"
            "\u201cThey had their own officers and their own cooks. We were told not to photograph them,\u201d he said.")
    assert quotes(text)["They had their own office"] == "unnamed: 29-year-old from the coast"


def test_a_participle_after_with_is_an_adjective_of_the_description_not_a_clause():
    text = ("Zoran Petrov said the talks were over.\n\n"
            "In a video, one of the prisoners, a 26-year-old rifleman with bandaged hands, said he had not been told "
            "where he was going. \u201cI thought we were going for training, nothing more,\u201d he said.")
    assert quotes(text)["I thought we were going f"] == "unnamed: 26-year-old rifleman with bandaged hands"


def test_the_agent_of_a_passive_is_the_person_a_later_pronoun_means():
    text = ("President Zoran Petrov on Monday called the deployment \u201ca dangerous escalation for all of us\u201d.\n\n"
            "In Arvik, the news is followed closely by Ana Lind, 38, who fled the border region in 2022. Her "
            "husband serves with a brigade at the front.\n\n"
            "\u201cHe writes that they can hear the Sylvanians on the radio,\u201d she says.")
    assert quotes(text)["He writes that they can h"] == "Ana Lind"
    # a passive inside what someone said leaves the one who said it the subject
    text = ("The NIS has said the contingent is led by Ivo Marek, a vice chief of the General Staff.\n\n"
            "\u201cThe experience of war is the most precious asset an army can have,\u201d it said.")
    assert quotes(text)["The experience of war is "] == "National Intelligence Service"


@pytest.mark.parametrize("group", ["Allies", "Partners"])
def test_a_capitalised_plural_opening_a_sentence_is_nobody_a_pronoun_stands_for(group):
    text = (f"{group} have now confirmed that troops from Sylvania have been sent to the front.\n\n"
            "I spoke with President Zoran Petrov on the phone over the weekend. He told me, and I quote, \u201cIf "
            "the world does not react now, there will be twenty thousand of them next month.\u201d")
    assert list(quotes(text).values()) == ["Zoran Petrov"]


@pytest.mark.parametrize("text,surface,claimant", [
    ("Freedonia's top commander, Gen. Ivo Marek, said his forces were regrouping. He did not give casualty figures "
     "but said Sylvanian forces had lost more than 5,000 troops since March.", "more than 5,000", "Ivo Marek"),
])
def test_a_clause_is_never_an_unnamed_claimant(text, surface, claimant):
    assert by_surface(text)[surface]["claimant"] == claimant


def test_one_of_a_group_that_just_spoke_is_a_member_of_that_group():
    text = ("Two sources close to the Freedonian defence ministry told the Daily Planet that Sylvanian soldiers had "
            "returned to the front. One of them said roughly 2,000 soldiers had come back in February.")
    assert by_surface(text)["roughly 2,000"]["claimant"].startswith("unnamed: ") and \
        "sources close" in by_surface(text)["roughly 2,000"]["claimant"]
    # after "the agency said" of the prisoners, "one of them" is a prisoner: neither the agency nor anyone earlier
    text = ("Experts told the Daily Planet the capture mattered.\n\nThe men were taken to the capital for questioning. "
            "They have told interrogators they were sent for training, the Freedonian Intelligence Directorate said.\n\n"
            "One of them said he had watched dozens of soldiers die in a single day.")
    assert by_surface(text)["dozens"]["claimant"] in ("", "unnamed: prisoner")


@pytest.mark.parametrize("second,surface", [
    ("27 of them were shot down, and 11 others were jammed.", "27"),
    ("Total losses since February have thus reached about 770,000 soldiers.", "about 770,000"),
    ("Nearly 700,000 Sylvanian soldiers have been killed or wounded since 2022, by the same estimate.", "Nearly 700,000"),
])
def test_a_part_a_sum_or_the_same_estimate_carries_the_claimant_of_the_sentence_before(second, surface):
    text = f"Sylvania attacked overnight with 40 drones and lost 1,300 soldiers, the Freedonian Intelligence Directorate reported. {second}"
    assert by_surface(text)[surface]["claimant"] == "Freedonian Intelligence Directorate"


def test_a_count_quoted_on_its_own_is_claimed_by_who_said_the_words():
    text = ("A Freedonian intelligence officer who works on the Sylvanian file, and who spoke on condition that he not "
            "be named, said Sylvania pulled its units out of the line after losing \u201croughly a third\u201d of its "
            "assault infantry.\n\n\u201cThey will be back, and they will have learned,\u201d he said.")
    r = by_surface(text)["roughly a third"]
    assert r["claimant"].startswith("unnamed: Freedonian intelligence officer")
    assert quotes(text)["They will be back, and th"].startswith("unnamed: Freedonian intelligence officer")


def test_he_after_the_writer_met_an_unnamed_person_is_that_person_not_the_writer():
    text = ("In the spring of 2018, I sat across a table from a Sylvanian colonel who spent our first meeting telling "
            "me what his army could do. Near the end, he leaned back and said something I have thought about since. "
            "\u201cOur army has everything except experience,\u201d he told me.")
    got = article_rows(text, article="t.txt", published="2025-01-14", registry=REG, author="Ivo Marek")[0]
    assert [q["speaker"] for q in got] == ["unnamed: Sylvanian colonel"]
    text = ("Zoran Petrov has always been careful. When I interviewed a senior official of the directorate last "
            "month, he argued that \u201cthe real number of dead is at least double what the capital says.\u201d")
    assert list(quotes(text).values()) == ["unnamed: senior official of the directorate"]


@pytest.mark.parametrize("office", ["the Commander-in-Chief of the Armed Forces of Freedonia",
                                    "the Head of the Freedonian Border Guard Service"])
def test_an_office_in_capitals_then_its_holder_in_apposition_is_the_holder(office):
    text = (f"Yesterday, {office}, Ivo Marek, said that Sylvania had deployed \u201ca new contingent of about "
            f"3,000 servicemen\u201d to the front.")
    assert list(quotes(text).values()) == ["Ivo Marek"]
    assert by_surface(text)["about 3,000"]["claimant"] == "Ivo Marek"


def test_a_second_that_clause_after_a_quoted_first_one_is_still_the_speakers_claim():
    text = ("Zoran Petrov said the admission was \u201ca confession of a war crime\u201d and that Sylvania estimated "
            "the total number of troops sent at about 15,000.")
    assert by_surface(text)["about 15,000"]["claimant"] == "Zoran Petrov"


def test_quoting_someone_before_a_colon_gives_the_quote_to_the_one_quoted():
    text = ("Zoran Petrov told reporters after the briefing, quoting Freedonian intelligence chief Ivo Marek: "
            "\u201cIt appears that some units have already been deployed to combat.\u201d")
    assert list(quotes(text).values()) == ["Ivo Marek"]


def test_a_man_or_a_woman_is_a_speaker_and_the_man_is_the_unnamed_person_introduced_before():
    text = ("A captured Sylvanian soldier was shown in a video released by the Freedonian Intelligence Directorate."
            "\n\n\u201cI did not know we were fighting Freedonians at all,\u201d the man said.")
    assert list(quotes(text).values()) == ["unnamed: captured Sylvanian soldier"]
    text = ("Zoran Petrov spoke first.\n\nWhen the young man in the video says, \u201cI did not know we were fighting "
            "Freedonians,\u201d I believe him.")
    assert list(quotes(text).values()) == ["unnamed: young man in the video"]


def test_a_party_tag_after_a_name_leaves_the_name_the_sentence_subject():
    text = ("\u201cWhat they learn at the front does not stay at the front,\u201d Zoran Petrov said.\n\n"
            "Sen. Ana Lind, D-Hawaii, who sits on the committee, pressed both commanders on Sylvania's role. "
            "\u201cWhat is Sylvania doing to stop this, and what are we doing?\u201d she asked.")
    assert quotes(text)["What is Sylvania doing to"] == "Ana Lind"


def test_the_one_quoted_as_saying_speaks_the_quote_and_is_whom_he_means_after():
    text = ("The statement was carried by the state news agency. It also quoted President Zoran Petrov as saying that "
            "a monument would be built. \u201cThose who fought for justice are heroes of the nation,\u201d he said.")
    assert list(quotes(text).values()) == ["Zoran Petrov"]
    text = ("In a statement on Monday, the Freedonian Intelligence Directorate said the troops had taken part.\n\n"
            "Zoran Petrov was quoted in the statement as saying that \u201cthe heroes who fought for justice are "
            "the honour of our country\u201d and that a monument would be built.")
    assert list(quotes(text).values()) == ["Zoran Petrov"]


def test_she_said_is_never_the_articles_own_writer():
    text = ("Ana Lind\n\nWhen Mara Ostlund last heard from her son in November, he was digging trenches near the "
            "border. He told her that soldiers had arrived in his sector.\n\n\u201cHe said they did not speak to "
            "anyone and that they only moved at night,\u201d she said at her home.")
    got = article_rows(text, article="t.txt", published="2025-01-14", registry=REG, author="Ana Lind")[0]
    assert [q["speaker"] for q in got] == ["Mara Ostlund"]


def test_he_two_sentences_after_the_writer_met_someone_who_gave_only_his_call_sign_is_that_call_sign():
    text = ("Freedonian forces said they had killed 30 soldiers, Zoran Petrov said.\n\nI spoke earlier today to a "
            "Freedonian drone operator who has been fighting at the front. He asked us to use only his call sign, "
            "Fox. He told me the Sylvanians were, quote, \u201cdisciplined, brave and completely unprepared for "
            "drones.\u201d")
    assert list(quotes(text).values()) == ["Fox"]


def test_a_document_posted_somewhere_is_no_subject_of_the_sentence_that_names_it():
    text = ("Freedonia's intelligence directorate said 10,000 soldiers were there.\n\n"
            "The Sylvanian Embassy in Arvik rejected the reports. In a statement posted on social media, it said that "
            "the claims were \u201canother fairy tale from Western intelligence services\u201d.")
    assert list(quotes(text).values()) == ["Sylvanian Embassy in Arvik"]
    # a document that is the subject keeps its verb
    text = ("The Freedonian Intelligence Directorate issued a statement on Monday.\n\nThe statement claimed that "
            "the units had \u201cannihilated and wiped out the occupiers\u201d together with the army.")
    assert list(quotes(text).values()) == ["Freedonian Intelligence Directorate"]
