"""Quote extraction on sentences written for these tests (not the seeds'), one pattern each."""
from __future__ import annotations

import pandas as pd
import pytest

from briefing.actors import Registry
from briefing.quotes import COLUMNS, extract_quotes, quote_rows

REG = pd.DataFrame([
    ["lena_ostrova", "Lena Ostrova", "Lena Ostrowa", "person", "Foreign Minister", "Foreign Ministry", "Freedonia",
     "Freedonia"],
    ["park_min_jae", "Park Min-jae", "Park Min Jae", "person", "Defense Minister", "Defense Ministry",
     "South Korea", "South Korea"],
    ["frd_institute", "Baltic Policy Institute", "BPI", "organization", "think tank", "", "Freedonia", "other"],
], columns=["actor_id", "name", "aliases", "kind", "role", "affiliation", "country", "side"])


@pytest.fixture(scope="module")
def reg() -> Registry:
    return Registry(REG)


def q(text: str, reg: Registry) -> pd.DataFrame:
    df = extract_quotes(text, article="t.txt", published="2025-01-02", registry=reg)
    assert list(df.columns) == COLUMNS
    return df


def test_empty_and_odd_input_give_empty_frames(reg):
    for text in ("", "No quotes here at all.", "“", '"', "‘", "”’“‘", "\n\n\n"):
        df = q(text, reg)
        assert df.empty


def test_said_after_quote_with_registered_speaker_and_offsets(reg):
    text = "Title line\n“The talks will resume next month in Geneva,” Lena Ostrova said on Friday."
    df = q(text, reg)
    assert len(df) == 1
    r = df.iloc[0]
    assert r.speaker == "Lena Ostrova" and r.actor_id == "lena_ostrova" and r.verb == "say"
    assert text[r.start:r.end] == r.quote == "The talks will resume next month in Geneva,"
    assert "Lena Ostrova said" in r.sentence and not r.is_fragment
    assert r.published == "2025-01-02" and r.article == "t.txt"


def test_spelling_variant_resolves_to_registry_name(reg):
    df = q('"We are ready to send more engineers," said Park Min Jae, the defense minister.', reg)
    assert df.iloc[0].speaker == "Park Min-jae" and df.iloc[0].actor_id == "park_min_jae"


def test_said_before_quote_unregistered_speaker_gets_role_and_country(reg):
    df = q("Ukrainian Deputy Foreign Minister Andriy Melnik said, “We have seen convoys moving east "
           "every night this week.”", reg)
    r = df.iloc[0]
    assert r.speaker == "Andriy Melnik" and r.actor_id == ""
    assert r.country == "Ukraine" and "Minister" in r.role and r.speaker_kind == "person"


def test_partial_quote_inside_reported_speech(reg):
    df = q("Ostrova said that her government would “never accept a frozen conflict on its border” "
           "and called for talks.", reg)
    assert df.iloc[0].quote == "never accept a frozen conflict on its border"
    assert df.iloc[0].speaker == "Lena Ostrova"


def test_nested_single_quotes_are_not_rows_and_curly_apostrophes_are_not_marks(reg):
    text = ("“The so-called ‘peace corridor’ is a trap, and the Ministers’ plan won’t change that,” "
            "Lena Ostrova said. Freedonia’s army has said nothing since the ’90s about it.")
    df = q(text, reg)
    assert len(df) == 1
    assert "‘peace corridor’" in df.iloc[0].quote and df.iloc[0].quote.endswith("change that,")


def test_single_marks_as_outer_quotes(reg):
    df = q("‘We will not be intimidated by these drills near the coast,’ Lena Ostrova said.", reg)
    assert len(df) == 1 and df.iloc[0].quote.startswith("We will not be intimidated")
    assert df.iloc[0].speaker == "Lena Ostrova"


def test_quote_split_by_attribution_gives_two_rows_same_speaker(reg):
    text = "“We will wait for the inspectors,” he said. “Then we will decide what to send.”"
    text = "Park Min-jae met the press in Seoul.\n" + text
    df = q(text, reg)
    assert len(df) == 2
    assert set(df.speaker) == {"Park Min-jae"}
    assert df.iloc[1].verb == "continuation"


def test_unclosed_quote_does_not_swallow_the_article(reg):
    text = ("“This paragraph opens a quote and never closes it, Lena Ostrova said.\n"
            "The next paragraph is ordinary reporting about the border crossing.\n"
            "“Our position is unchanged since the spring,” Park Min-jae said.")
    df = q(text, reg)
    assert not any("ordinary reporting" in x for x in df.quote)
    assert "Our position is unchanged since the spring," in list(df.quote)


def test_multi_paragraph_quote_continues_speaker(reg):
    text = ("“The first shipment arrived on Monday and the second is already loading,” Park Min-jae said. "
            "“It includes shells and spare parts for older tanks.\n"
            "“We expect a third convoy before the end of the month, weather permitting.”\n"
            "Officials declined to comment further.")
    df = q(text, reg)
    assert len(df) == 3
    assert set(df.speaker) == {"Park Min-jae"}
    assert df.iloc[2].quote.startswith("We expect a third convoy")
    assert df.iloc[2].attribution == "multi-paragraph"


def test_fragments_are_kept_and_flagged(reg):
    df = q("Park Min-jae called the drills “provocative” and said the claims were “utterly baseless lies "
           "spread online.”", reg)
    frag = df[df.is_fragment]
    assert list(frag.quote) == ["provocative"]
    assert not df[~df.is_fragment].empty


def test_three_people_sharing_a_surname(reg):
    text = ("Lee Soo-jin, a lawmaker, met Lee Dong-wook on Monday.\n"
            "“We need a clear answer from the government,” Lee Soo-jin said.\n"
            "The meeting was chaired by former President Lee Hae-chan.\n"
            "“The budget is not enough for the border units,” Lee said.")
    df = q(text, reg)
    assert list(df.speaker) == ["Lee Soo-jin", "Lee Soo-jin"]


def test_surname_goes_to_latest_full_name_when_no_speaker_yet(reg):
    text = ("Analyst Maria Lindqvist and her colleague Sven Lindqvist wrote the paper.\n"
            "“The numbers do not add up for a winter offensive,” Lindqvist said.")
    df = q(text, reg)
    assert df.iloc[0].speaker == "Sven Lindqvist"


def test_pronoun_after_two_named_people_takes_the_subject(reg):
    text = ("Lena Ostrova met Park Min-jae in Warsaw on Tuesday.\n"
            "“Nothing was agreed about the air defence systems today,” she said.")
    df = q(text, reg)
    assert df.iloc[0].speaker == "Lena Ostrova"


def test_it_said_resolves_to_organisation(reg):
    text = ("The Baltic Policy Institute published its assessment on Sunday.\n"
            "“Shipments through the northern port have doubled since March,” it said.")
    df = q(text, reg)
    assert df.iloc[0].speaker == "Baltic Policy Institute" and df.iloc[0].speaker_kind == "organization"


def test_the_report_said_resolves_to_publisher(reg):
    text = ("The Centre for Eastern Security, a research group in Vilnius, said in a report on Monday that "
            "supplies had grown.\n"
            "Freedonia has rejected the findings.\n"
            "“Rail traffic across the border tripled in the third quarter,” the report said.\n"
            "“The pattern suggests long-term planning rather than improvisation,” stated the study.")
    df = q(text, reg)
    assert list(df.speaker) == ["Centre for Eastern Security"] * 2


def test_according_to(reg):
    df = q("The convoy was “larger than anything seen since the war began,” according to Lena Ostrova.", reg)
    assert df.iloc[0].speaker == "Lena Ostrova" and df.iloc[0].verb == "according to"


def test_told_reporters_and_title_resolution(reg):
    text = ("Tomas Berzins, the Latvian deputy defence minister, told reporters that the border would stay "
            "closed.\n"
            "“We cannot take any risks while the exercises continue,” the deputy defence minister said.")
    df = q(text, reg)
    r = df.iloc[0]
    assert r.speaker == "Tomas Berzins" and r.attribution.endswith("title")


def test_title_with_premodifier_introduction(reg):
    text = ("Speaking at the same session, Estonian UN Ambassador Kaja Tamm urged restraint.\n"
            "“Every shell fired from that border is a violation of the charter,” the ambassador said.")
    df = q(text, reg)
    assert df.iloc[0].speaker == "Kaja Tamm" and df.iloc[0].country == "Estonia"


def test_anonymous_official_and_follow_up(reg):
    text = ("“We will study every option, including air defence,” a senior official at the defence ministry "
            "said on condition of anonymity.\n"
            "“Nothing is excluded at this stage,” the official said.")
    df = q(text, reg)
    assert df.iloc[0].speaker.startswith("unnamed: ") and "official" in df.iloc[0].speaker
    assert df.iloc[0].speaker_kind == "anonymous"
    assert df.iloc[1].speaker == df.iloc[0].speaker


def test_anonymous_possessive_title_then_pronoun(reg):
    text = ("At the council meeting, Freedonia’s deputy envoy rejected the accusations.\n"
            "He accused the West of “inventing threats to justify its own arms shipments.”")
    df = q(text, reg)
    assert df.iloc[0].speaker_kind == "anonymous" and "envoy" in df.iloc[0].speaker


def test_quote_only_paragraph_continues_previous_speaker(reg):
    text = ("“The drones came from the north,” Park Min-jae said.\n"
            "“We tracked them for forty minutes before they turned back toward the coast.”\n"
            "Weather in the region was clear.")
    df = q(text, reg)
    assert list(df.speaker) == ["Park Min-jae"] * 2 and df.iloc[1].verb == "continuation"


def test_colon_introduction_in_previous_paragraph(reg):
    text = ("In a statement on Friday, Lena Ostrova said:\n"
            "“Our borders are closed to any convoy that carries weapons for the war.”")
    df = q(text, reg)
    assert df.iloc[0].speaker == "Lena Ostrova"


def test_stating_participle_takes_sentence_subject(reg):
    df = q("Park Min-jae dismissed the reports, stating, “There is no evidence of any such transfer "
           "at this time.”", reg)
    assert df.iloc[0].speaker == "Park Min-jae" and df.iloc[0].verb == "dismiss"


def test_unattributed_long_quote_is_dropped(reg):
    df = q("The film was titled “A Long Winter on the Northern Front” and opened last week.", reg)
    assert df.empty


def test_interview_transcript_is_not_quoted_by_default_but_can_be(reg):
    text = ("Interviewer (Daily Post): What do you expect next?\n"
            "Dr. Hana Berg: I expect more shipments across the border before winter.")
    assert q(text, reg).empty
    rows = quote_rows(text, "t.txt", "", reg, include_transcripts=True)
    speakers = [r["speaker"] for r in rows]
    assert "Hana Berg" in " ".join(speakers) and all(r["verb"] == "transcript" for r in rows)


def test_title_before_name_rank_and_quoted_as_saying(reg):
    text = ("Coast guard spokesman Ivo Marek told reporters: “Two vessels left the harbour without clearance.”\n"
            "“We are checking every manifest,” Capt. Nora Vidal said in an interview.\n"
            "Local radio quoted Marek as saying “the boats were heading for the northern strait.”")
    df = q(text, reg)
    assert list(df.speaker) == ["Ivo Marek", "Nora Vidal", "Ivo Marek"]
    assert "spokesman" in df.iloc[0].role and "Capt." in df.iloc[1].role


def test_said_name_then_appositive_role(reg):
    df = q("“There is no agreement yet on the corridor,” said Ivo Marek, the port authority spokesman.", reg)
    assert df.iloc[0].speaker == "Ivo Marek" and df.iloc[0].role == "port authority spokesman"


def test_the_ministry_said_resolves_to_the_named_ministry(reg):
    text = ("The Ministry of Coastal Defence in Freedonia issued new figures on Monday.\n"
            "“Patrols along the coast have been doubled since the weekend,” the ministry said.\n"
            "“The drills will go ahead as planned next week,” the Japanese government said.")
    df = q(text, reg)
    assert df.iloc[0].speaker == "Ministry of Coastal Defence in Freedonia" or \
        df.iloc[0].speaker.startswith("Ministry of Coastal Defence")
    assert df.iloc[0].speaker_kind == "organization"
    assert df.iloc[1].country == "Japan" and not df.iloc[1].speaker.startswith("unnamed:")


def test_random_mark_soup_never_raises_and_offsets_hold(reg):
    import random
    import warnings
    rnd = random.Random(7)
    pieces = list("ab XY.,;:“”\"‘’'\n—()?!") + ["said", "Kim", "he", "the report", "according to", "“We ",
                                                    " he said.", ", Kim said. ", "\n“", "’90s", "it’s"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # the safety net in extract_quotes warns: it must not be needed
        for _ in range(400):
            text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 120)))
            df = extract_quotes(text, "x.txt", "", reg)
            for r in df.itertuples():
                assert text[r.start:r.end] == r.quote and "\n" not in r.quote


def test_generic_plural_subjects_and_according_to_an_official_with_initials(reg):
    text = ("Analysts say the move is “a turning point for the whole security order in the region.”\n"
            "According to a senior U.S. official, “the first units are already close to the front line.”")
    df = q(text, reg)
    assert list(df.speaker_kind) == ["anonymous", "anonymous"]
    assert df.iloc[0].speaker == "unnamed: analysts"
    assert "U.S. official" in df.iloc[1].speaker and df.iloc[1].country == "United States"


def test_statement_issued_by_a_person_and_period_inside_marks(reg):
    text = ("Ivo Marek, the harbour master, issued a statement on Sunday.\n"
            "The statement said the closure was “a temporary measure until the inspections are finished.”\n"
            "“Nobody will be allowed to leave without papers.” he said.")
    df = q(text, reg)
    assert list(df.speaker) == ["Ivo Marek", "Ivo Marek"]
    assert df.iloc[1].attribution.startswith("after:")


def test_unattributed_name_inside_narration_is_not_a_follow_on(reg):
    text = ("“We signed it to protect our people,” Lena Ostrova said.\n"
            "The pact, known in Freedonia as the “Treaty of Lasting Friendship and Mutual Aid,” took effect in May.")
    df = q(text, reg)
    assert list(df.quote) == ["We signed it to protect our people,"]


def test_surname_follows_a_newer_subject_with_that_name(reg):
    text = ("“The talks were useful,” Vice Minister Kim Ha-neul said.\n"
            "Later, Defense Minister Kim Do-yoon told lawmakers that the border units would be reinforced.\n"
            "“We will add two brigades before the winter,” Kim said.")
    df = q(text, reg)
    assert list(df.speaker) == ["Kim Ha-neul", "Kim Do-yoon"]


@pytest.mark.parametrize("quote,fragment", [
    ("at least 3,000", True), ("10 000 marines", True), ("about 1.200 marines", True),
    ("at least 3,000 marines were sent", False),
])
def test_a_number_with_separated_thousands_is_one_word_when_counting_a_quotes_words(quote, fragment):
    from briefing.quotes import is_fragment
    assert is_fragment(quote) is fragment
