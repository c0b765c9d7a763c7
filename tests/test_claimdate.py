"""Claim dates and periods (claimdate.py) on sentences of our own."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from briefing.claimdate import claim_date

PUB = "2025-01-15"   # a Wednesday


def cd(sentence, **kw):
    """The claim date of the figure (the first "1,500" or "300") in the sentence."""
    kw.setdefault("published", PUB)
    m = re.search(r"\d,\d{3}|\b[1-9]\d{2}\b", sentence)
    return claim_date(sentence, m.start() if m else 0, **kw)


@pytest.mark.parametrize("sentence, day, evidence", [
    ("Seoul's spy agency said on Monday that 300 North Korean soldiers had died.", "2025-01-13", "on Monday"),
    ("Zelensky told reporters Friday that 3,000 soldiers had been killed or wounded.", "2025-01-10", "Friday"),
    ("In a statement on Sunday, the ministry said 1,500 troops had moved to the front.", "2025-01-12", "on Sunday"),
    ("The general said at a news conference in Kyiv on Tuesday that 1,000 troops had been withdrawn.",
     "2025-01-14", "on Tuesday"),
    ("Lawmaker Park told a parliamentary briefing on Jan. 9 that 300 soldiers had died.", "2025-01-09", "on Jan. 9"),
    ("The agency on Thursday estimated that 1,000 soldiers had been wounded.", "2025-01-09", "on Thursday"),
    ("On Monday, the Pentagon said about 1,000 troops were lost.", "2025-01-13", "On Monday"),
    ("Yesterday the General Staff reported 300 dead among the North Korean units.", "2025-01-14", "Yesterday"),
    ("Kyiv said on Dec. 27 that 3,000 soldiers had been killed.", "2024-12-27", "on Dec. 27"),
    # the occasion names whom the claimant spoke to, in up to four capitalised words
    ("The minister said in an interview with Poland's TVN24 Channel on Jan. 9 that 300 soldiers had died.",
     "2025-01-09", "on Jan. 9"),
    # an opening time phrase, then a subject with an abbreviation in brackets, then the verb
    ("Last Friday, Ukraine's Special Operations Forces (SSO) told journalists that 300 soldiers had died.",
     "2025-01-10", "Last Friday"),
    # a timeline's entry: the day heads the line, a dash, then who said it
    ("- 9 January – South Korea's Joint Chiefs of Staff (JCS) said that 1,500 more troops had left.",
     "2025-01-09", "9 January"),
    ("Dec. 30: Ukraine's military intelligence reported that 3,000 soldiers had been wounded.",
     "2024-12-30", "Dec. 30"),
    # the gathering told, without a preposition
    ("The minister told a closed parliamentary committee session on Tuesday that 300 soldiers had died.",
     "2025-01-14", "on Tuesday"),
    # the audience the claim was relayed to, in a clause of the according-to phrase
    ("According to an MP who relayed the closed-door session to journalists on Monday, the agency "
     "estimated that 300 soldiers had died.", "2025-01-13", "on Monday"),
    ("The envoy, speaking with reporters late on Sunday, put the toll at 1,500.", "2025-01-12", "late on Sunday"),
    # an opening time phrase after a colon starts a clause of its own
    ("Its count has moved twice: in December the agency said 1,500 troops had been hurt.", "2024-12-01", "in December"),
])
def test_the_time_of_speech_dates_the_claim(sentence, day, evidence):
    r = cd(sentence)
    assert (r.claim_date, r.evidence, r.flag) == (day, evidence, "")


@pytest.mark.parametrize("sentence, start, end", [
    ("Since August last year, 3,000 containers of shells have been shipped, the agency said.", "2024-08-01", PUB),
    ("Between December 8 and 13, 1,500 troops moved to the front, officials said.", "2024-12-08", "2024-12-13"),
    ("In the past week, 300 soldiers were killed, according to the General Staff.", "2025-01-08", PUB),
    ("By March, 3,000 more troops could be sent, the agency warned.", PUB, "2025-03-31"),
    ("The agency said 3,000 soldiers arrived on Sunday.", "2025-01-12", "2025-01-12"),
    ("Officials said thousands of soldiers arrived in Kursk last month.", "2024-12-01", "2024-12-31"),
    # a timeline's entry whose day starts the event, not a statement
    ("- 9 January – 1,500 more troops crossed the border near Kursk, officials said.", "2025-01-09", "2025-01-09"),
])
def test_the_time_a_figure_is_about_is_its_period_not_its_claim_date(sentence, start, end):
    r = cd(sentence)
    assert (r.claim_date, r.precision) == (PUB, "published")
    assert (r.period_start, r.period_end) == (start, end)


def test_time_of_speech_and_period_in_one_sentence():
    r = cd("Since October, 1,000 soldiers have been killed, Zelensky said in his nightly address on Sunday.")
    assert (r.claim_date, r.period_start, r.period_end) == ("2025-01-12", "2024-10-01", PUB)


def test_never_after_the_article_nor_more_than_a_year_before():
    r = cd("The agency told lawmakers on Jan. 20 that 3,000 troops had arrived.")
    assert r.claim_date == "" and "after the article" in r.evidence
    r = cd("In 2022 the ministry said 500 troops had arrived.")
    assert r.claim_date == "" and "more than a year" in r.evidence
    r = cd("In late January the ministry said 500 troops had arrived.")   # Jan. 21-31: after the article
    assert r.claim_date == ""
    r = cd("In mid-January the ministry said 500 troops had arrived.")    # Jan. 11-20: cut at the article
    assert (r.claim_date, r.claim_date_end, r.precision) == ("2025-01-11", PUB, "range")


def test_a_time_of_speech_is_not_carried_past_another_claim():
    # "weeks later" is the second claim's time: the first one's month does not date it
    s = ("Its count has moved twice: in December the agency said 300 troops had been hurt, and weeks "
         "later it told lawmakers that 1,500 were.")
    assert cd(s).claim_date == "2024-12-01"
    r = claim_date(s, s.index("1,500"), published=PUB)
    assert r.evidence != "in December"


@pytest.mark.parametrize("sentence", [
    "Washington now says troops are in Russia, days after Seoul said 1,500 special forces had left.",
    "The admission came shortly after the spy agency estimated that 300 soldiers had died.",
    "Kyiv raised the alarm a week after officials reported that 1,500 soldiers had crossed the border.",
])
def test_a_claim_said_days_before_the_news_is_not_dated_the_articles_day(sentence):
    r = cd(sentence)
    assert (r.claim_date, r.precision) == ("", "unknown") and "earlier" in r.evidence


def test_no_time_of_speech_takes_the_articles_day_and_its_flag():
    assert cd("The ministry said 500 troops had arrived.").flag == ""
    r = cd("The ministry said 500 troops had arrived.", source="inferred")
    assert (r.claim_date, r.precision, r.flag) == (PUB, "published", "inferred")
    r = cd("The ministry said on Monday 500 troops had arrived.", source="inferred")
    assert (r.claim_date, r.flag) == ("2025-01-13", "inferred")


def test_a_year_written_in_the_phrase_is_stated_even_in_an_undated_article():
    r = cd("Kyiv said on Dec. 27, 2024 that 3,000 soldiers had been killed.", published="", precision="unknown")
    assert (r.claim_date, r.flag) == ("2024-12-27", "")
    r = cd("Kyiv said on Friday that 3,000 soldiers had been killed.", published="", precision="unknown")
    assert r.claim_date == "" and r.precision == "unknown"
    r = cd("Kyiv said that 3,000 soldiers had been killed.", published="", precision="unknown")
    assert r.claim_date == ""


def test_window_articles():
    week = {"published": "", "precision": "window", "earliest": "2025-01-13", "latest": "2025-01-17"}
    r = cd("Kyiv said that 3,000 soldiers had been killed.", **week)
    assert (r.claim_date, r.claim_date_end, r.precision, r.flag) == ("2025-01-13", "2025-01-17", "window", "inferred")
    # a weekday cannot be placed without the day; "Dec. 27" can (same year from either end)
    assert cd("Kyiv said on Friday that 3,000 soldiers had been killed.", **week).claim_date == ""
    r = cd("Kyiv said on Dec. 27 that 3,000 soldiers had been killed.", **week)
    assert (r.claim_date, r.flag) == ("2024-12-27", "inferred")
    # whatever word carries the speech (a verb, "told", an occasion, an audience), the weekday is
    # recognised as its time and still cannot be placed
    for s in ("Budanov told reporters on Friday that 3,000 soldiers had been killed.",
              "In a statement on Friday, 3,000 soldiers were reported killed.",
              "Speaking to lawmakers on Friday, the spy chief put the dead at 3,000."):
        r = cd(s, **week)
        assert r.claim_date == "" and "Friday" in r.evidence, s
    month = {"published": "", "precision": "window", "earliest": "2024-11-01", "latest": "2024-11-30"}
    assert cd("Kyiv said that 3,000 soldiers had been killed.", **month).claim_date == ""


def test_continuing_sentence_takes_the_time_of_speech_of_the_one_before():
    prev = "The spy agency told lawmakers on Monday that 1,500 special forces had been sent."
    r = cd("It added that 3,000 more could follow by December.", previous=prev)
    assert (r.claim_date, r.period_end) == ("2025-01-13", "2025-12-31")
    assert cd("It added that 3,000 more could follow.").claim_date == PUB


# --- a text written before its page: a republished piece, a recorded episode ----------------------

def _figures(tmp_path, text):
    from briefing.actors import default_registry
    from briefing.pipeline import extract_tables
    from briefing.reader import read_corpus
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    corpus = read_corpus([tmp_path], {}, progress=False, today=dt.date(2025, 6, 30))
    figs = extract_tables(corpus.articles, default_registry()).figures
    return {r.surface: r for r in figs.itertuples()}


def test_claims_of_a_republished_piece_date_from_the_day_it_was_written(tmp_path):
    figs = _figures(tmp_path, (
        "Why the second convoy matters\nPosted December 12, 2024\n"
        "This essay was first published by the Example Forum on Dec. 5, 2024.\n"
        "Ukraine's military intelligence said on Monday that 1,500 North Korean soldiers had reached the front.\n"
        "The agency believes 3,000 more North Korean soldiers are training near Vladivostok.\n"))
    # Monday before the essay was written (Thursday Dec. 5), not before the page (Thursday Dec. 12)
    assert (figs["1,500"].claim_date, figs["1,500"].claim_date_precision) == ("2024-12-02", "day")
    assert (figs["3,000"].claim_date, figs["3,000"].claim_date_precision) == ("2024-12-05", "written")
    assert all(r.published == "2024-12-12" for r in figs.values())


def test_a_recorded_episode_dates_what_its_speakers_claim_not_the_pages_own_lines(tmp_path):
    figs = _figures(tmp_path, (
        "Episode 12: the convoy and the front\nPosted December 12, 2024\n"
        "A retired colonel weighs the deployment on this week's episode of Example Hour, recorded on Tuesday.\n"
        "North Korea has roughly 1.2 million soldiers under arms.\n"
        "Colonel Petro Hrytsenko said 3,000 North Korean soldiers had already been wounded.\n"))
    assert figs["3,000"].claim_date == "2024-12-10" and "written 2024-12-10" in figs["3,000"].claim_date_evidence
    assert figs["roughly 1.2 million"].claim_date == "2024-12-12"


def test_an_interviews_answers_date_from_the_day_the_introduction_gives(tmp_path):
    figs = _figures(tmp_path, (
        "Colonel Ilse Marten: the marines learn fast\nPosted December 12, 2024\n"
        "Colonel Ilse Marten, 41, commands a brigade on the border. We spoke on Monday at a command post.\n\n"
        "Courier: How many Sylvanian marines face you?\n\n"
        "I.M.: Roughly 2,000 marines, in two regiments. We counted about 600 dead.\n"))
    assert figs["Roughly 2,000"].claim_date == "2024-12-09" and figs["about 600"].claim_date == "2024-12-09"


def test_a_timelines_claims_date_from_their_entry(tmp_path):
    figs = _figures(tmp_path, (
        "The North Korean deployment: a timeline\nLast updated December 12, 2024\n\n"
        "June 19, 2024\nThe two leaders sign a treaty in Pyongyang.\n\n"
        "October 18, 2024\nSouth Korea's spy agency says 1,500 North Korean soldiers have sailed to Russia.\n\n"
        "November 4, 2024\nThe agency says about 10,000 North Korean soldiers are now in Russia.\n"))
    assert figs["1,500"].claim_date == "2024-10-18" and figs["about 10,000"].claim_date == "2024-11-04"


# --- a claimant's time of speech told once, earlier in the article --------------------------------

HEAD = "Kyiv counts the losses\nPosted December 12, 2024\n"       # a Thursday: Tuesday is Dec. 10
SAID = "Defence ministry spokesman Ivan Petrenko said on Tuesday that 300 North Korean soldiers had been killed."
OTHER = "Fighting continued along the border through the night, and the region's roads stayed closed to traffic."


@pytest.mark.parametrize("later, day", [
    # the same paragraph, by surname: one occasion told in two sentences
    (f"{SAID} Petrenko said 1,500 North Korean soldiers had been wounded.", "2024-12-10"),
    # a sentence opening with a pronoun, in the next paragraph
    (f"{SAID}\nHe said 1,500 North Korean soldiers had been wounded.", "2024-12-10"),
    # "also said", paragraphs later, by the full name
    (f"{SAID}\n{OTHER}\nIvan Petrenko also said 1,500 North Korean soldiers had been wounded.", "2024-12-10"),
    # another speaker: the time Petrenko gave is not theirs
    (f"{SAID} Kyiv mayor Vitali Klitschko said 1,500 North Korean soldiers had been wounded.", "2024-12-12"),
    # paragraphs later without "also": a statement of its own, on the article's day
    (f"{SAID}\n{OTHER}\nIvan Petrenko said 1,500 North Korean soldiers had been wounded.", "2024-12-12"),
])
def test_a_claimants_time_of_speech_told_earlier(tmp_path, later, day):
    figs = _figures(tmp_path, HEAD + later + "\n")
    assert figs["300"].claim_date == "2024-12-10"
    assert figs["1,500"].claim_date == day
    assert ("told earlier" in figs["1,500"].claim_date_evidence) == (day == "2024-12-10")


def test_a_pronoun_led_sentence_goes_on_with_the_time_its_speaker_gave_in_the_sentence_before(tmp_path):
    # the claimant is not named in the sentence before (a role for an institution the registry knows
    # by another name), but the pronoun resolves to it, so "on Tuesday" is its time too
    figs = _figures(tmp_path, HEAD + (
        "Ukraine's military intelligence agency went further on Tuesday, saying the first North Korean units had reached "
        "the front. It said about 1,500 more North Korean soldiers would follow within weeks.\n"))
    r = figs["about 1,500"]
    assert r.claim_date == "2024-12-10" and "told earlier" in r.claim_date_evidence


@pytest.mark.parametrize("headline, day", [
    ("Kyiv says 1,500 North Korean soldiers were wounded", "2024-12-10"),     # the headline cites a claimant
    ("1,500 North Korean soldiers wounded near Kursk", "2024-12-12"),         # a number on its own authority
])
def test_a_headline_claim_takes_the_time_the_text_gives_it(tmp_path, headline, day):
    from briefing.actors import default_registry
    from briefing.pipeline import extract_tables
    from briefing.reader import read_corpus
    (tmp_path / "a.txt").write_text(
        f"{headline}\nPosted December 12, 2024\nUkraine's military intelligence said on Tuesday that 1,500 North "
        "Korean soldiers had been wounded near Kursk.\nThe fighting continued overnight, officials said.\n",
        encoding="utf-8")
    corpus = read_corpus([tmp_path], {}, progress=False, today=dt.date(2025, 6, 30))
    figs = extract_tables(corpus.articles, default_registry()).figures
    head, body = figs.iloc[0], figs.iloc[1]
    assert head.attribution.startswith("headline") and body.claim_date == "2024-12-10"
    assert head.claim_date == day


def test_a_headline_claim_keeps_the_articles_day_when_the_text_disagrees_with_itself():
    from briefing.claimdate import headline_dates

    def row(attribution, date, precision, value=1500.0):
        return {"attribution": attribution, "claimant": "Ukraine", "value": value, "unit_category": "casualties",
                "surface": "1,500", "claim_date": date, "claim_date_end": date, "claim_date_precision": precision,
                "claim_date_evidence": "on Tuesday" if precision == "day" else "", "claim_date_flag": ""}
    rows = [row("headline:verb:registry", "2024-12-12", "published"),
            row("verb:registry", "2024-12-10", "day"), row("verb:registry", "2024-12-09", "day")]
    headline_dates(rows)
    assert rows[0]["claim_date"] == "2024-12-12"
    rows = [row("headline:verb:registry", "2024-12-12", "published"), row("verb:registry", "2024-12-10", "day"),
            row("verb:registry", "2024-12-09", "day", value=300.0)]
    headline_dates(rows)
    assert (rows[0]["claim_date"], rows[0]["claim_date_precision"]) == ("2024-12-10", "day")


@pytest.mark.parametrize("later, day", [
    # the occasion told before: the session was on Tuesday
    ("Lawmakers were briefed behind closed doors by the spy agency on Tuesday. The agency estimated 300 North Korean "
     "soldiers had been killed, lawmaker Oh Ji-won told reporters after the session.", "2024-12-10"),
    # "the same day" as the day just named, whoever spoke
    ("On Tuesday, Ukrainian forces attacked near Sudzha. Russia's defence ministry said the same day that 300 "
     "Ukrainian soldiers had been killed.", "2024-12-10"),
    # a session the article never dates: the article's day
    ("Lawmakers were briefed behind closed doors by the spy agency. The agency estimated 300 North Korean soldiers "
     "had been killed, lawmaker Oh Ji-won told reporters after the session.", "2024-12-12"),
])
def test_a_claim_made_at_an_occasion_dated_before_takes_its_day(tmp_path, later, day):
    figs = _figures(tmp_path, HEAD + later + "\n")
    assert figs["300"].claim_date == day
