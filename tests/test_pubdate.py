"""Publication dates: each source and rule of pubdate.py on short articles of our own.

Every article here is invented for the test; "today" is fixed so the rules about the future hold
whatever day the suite runs.
"""
from __future__ import annotations

import datetime as dt
import json

import pytest

from briefing import manifest, metadata, pubdate
from briefing.dates import url_date
from briefing.reader import from_text, read_corpus, read_file
from briefing.resources import read_table

TODAY = dt.date(2025, 6, 30)
LEAD = ("Ukraine's military intelligence said on Friday that a second convoy of North Korean soldiers had "
        "reached the Kursk region, where fighting has continued for weeks.")
MORE = "“They are being trained to storm trenches,” a spokesman for the agency told reporters."
BODY = f"{LEAD}\n\n{MORE}"


def art(text, **kw):
    return from_text("a.txt", text, today=TODAY, **kw)


def dates(a):
    return a.published, a.published_precision, a.published_source


# --- the text's own date line ------------------------------------------------------------------

@pytest.mark.parametrize("header, day", [
    ("Published : Nov. 4, 2024 - 15:40", "2024-11-04"),
    ("Posted on: 4 November 2024 09:15", "2024-11-04"),
    ("By Mira Kovalenko | November 4, 2024", "2024-11-04"),
    ("04.11.2024 12:44", "2024-11-04"),
    ("16:20, 4 November 2024", "2024-11-04"),
    ("Monday 4 November 2024", "2024-11-04"),
    ("2024년 11월 4일 15:40", "2024-11-04"),
    ("Updated: Nov. 5, 2024", "2024-11-05"),
])
def test_publication_line(header, day):
    a = art(f"Convoy of North Korean soldiers reaches Kursk\n{header}\n{BODY}")
    assert dates(a) == (day, "day", "text")
    assert a.published_earliest == a.published_latest == day
    assert header in a.published_evidence
    assert a.title == "Convoy of North Korean soldiers reaches Kursk"


# Date lines of other shapes (metadata._stamp_line): each date set off by separators, beside a
# label, a clock time, a time zone or a short capitalised piece (an outlet, a byline, a section).
@pytest.mark.parametrize("header, day", [
    ("EXAMPLE WIRE - Mar 3, 2025 - 07:05 | Asia, World", "2025-03-03"),
    ("Source: Example Agency | 2025-03-03 07:05:11 | Editor: Ana Ruiz", "2025-03-03"),
    ("Ana Ruiz  |03.03.2025 - Update : 04.03.2025", "2025-03-03"),
    ("08:05 03.03.2025 (updated: 10:40 04.03.2025)", "2025-03-03"),
    ("Published March 3, 2025 at 7:05AM (Updated March 4, 2025 at 9:00AM)", "2025-03-03"),
    ("Posted • Monday, March 3, 2025 • 07:05 GMT", "2025-03-03"),
    ("Ana Ruiz • 3 March 2025 • 7:05 pm • updated 2 hours ago", "2025-03-03"),
    ("Ana Ruiz — 3 March 2025, 07:05", "2025-03-03"),
    ("Published on: 23/03/2025 - 07:05", "2025-03-23"),      # day-first: 23 cannot be a month
    ("Posted 03/23/2025 7:05", "2025-03-23"),                # month-first: 23 cannot be a month
    ("Juche114(2025).3.3.", "2025-03-03"),                   # Korean state media: Juche 114 is 2025
    ("Juche114.3.3.", "2025-03-03"),
    ("March 3, 2025 7:05 PM · 6 min read", "2025-03-03"),      # a reading time beside the stamp
    ("3 March, 2025 Monday 7:05 pm", "2025-03-03"),            # the weekday and clock after the date
    ("All Headlines 07:05 March 3, 2025", "2025-03-03"),       # a section name run into the stamp
    ("Posted Mon 3 Mar 2025 at 7:05am GMT, updated Tue 4 Mar 2025 at 11:40am GMT", "2025-03-03"),  # short weekdays
    ("Posted on : Mar.3,2025 07:05 KST  Modified on : Mar.4,2025 09:40 KST", "2025-03-03"),  # run together
    ("March 3, 2025 7:05 AM  3 min read", "2025-03-03"),                  # a wide gap, a reading time
    ("March 3, 2025 7:05 AM GMT+9  Updated 3 hours ago", "2025-03-03"),   # ... a stamp counted from the save
])
def test_date_line_of_the_pages_own(header, day):
    a = art(f"Convoy of North Korean soldiers reaches Kursk\n{header}\n{BODY}")
    assert dates(a) == (day, "day", "text"), a.published_evidence
    assert header.strip() not in a.text and a.title == "Convoy of North Korean soldiers reaches Kursk"


def test_date_line_gives_the_byline_and_the_outlet():
    a = art(f"Convoy of North Korean soldiers reaches Kursk\nAna Ruiz  |03.03.2025 - Update : 04.03.2025\n{BODY}")
    assert a.author == "Ana Ruiz"
    b = art(f"Convoy of North Korean soldiers reaches Kursk\nKYODO NEWS - Mar 3, 2025 - 07:05 | Asia, World\n{BODY}")
    assert b.outlet == "Kyodo News" and b.author == ""
    c = art(f"Convoy of North Korean soldiers reaches Kursk\nWorld News | Mar 3, 2025\n{BODY}")
    assert c.published == "2025-03-03" and c.author == ""
    d = art(f"Convoy of North Korean soldiers reaches Kursk\nAll Headlines 07:05 March 3, 2025\nBy Ana Ruiz\n{BODY}")
    assert d.published == "2025-03-03" and d.author == "Ana Ruiz"


@pytest.mark.parametrize("line", [
    "Seoul Summons Russian Envoy Over Troops | Mar. 3, 2025",           # a headline-like piece of 4+ words
    "Kyiv says troops reached Kursk | Mar. 3, 2025",                     # lower-case words: a headline
    "Related: Kyiv says troops reached Kursk (Mar. 3, 2025)",
    "Kim and Putin met in Pyongyang on June 19, 2024 - analysis",
    "Mar. 3, 2025 | Kyiv says troops reached Kursk",
])
def test_lines_that_mention_a_date_are_not_date_lines(line):
    m, body = metadata.extract(["Convoy of North Korean soldiers reaches Kursk", line, LEAD, MORE])
    assert m.dates == [] and line in body


def test_a_weekday_beside_a_date_line_must_be_its_weekday():
    a = art(f"Convoy of North Korean soldiers reaches Kursk\nPosted • Tuesday, March 3, 2025 • 07:05 GMT\n{BODY}")
    assert a.published == "" and "not Monday" in a.published_evidence
    b = art(f"Convoy of North Korean soldiers reaches Kursk\n3 March, 2025 Tuesday 7:05 pm\n{BODY}")
    assert b.published == "" and "not Monday" in b.published_evidence


@pytest.mark.parametrize("stamp", ["03/04/2025", "03/04/2025 - 10:15"])
def test_a_slashed_date_that_reads_both_ways_is_not_guessed(stamp):
    # 3 April or 4 March: outlets write both orders and a republisher keeps the original's, so the
    # date is left unknown, with the reason in the evidence
    a = art(f"Convoy of North Korean soldiers reaches Kursk\nPublished on: {stamp}\n{BODY}")
    assert dates(a) == ("", "unknown", "unknown")
    assert "03/04/2025" in a.published_evidence and "order" in a.published_evidence


def test_a_desk_credit_with_slashes_and_an_updated_stamp_dates_the_page_when_nothing_else_does():
    a = art(f"Convoy of North Korean soldiers reaches Kursk\nWorld Desk / EXAMPLE.COM / Updated: Mar 3, 2025, 07:05 IST\n"
            f"{BODY}")
    assert (a.published, a.published_source) == ("2025-03-03", "text") and "no other date" in a.published_evidence


@pytest.mark.parametrize("stamp, day", [
    ("03/04/2025 07:05 AM EST", "2025-03-04"),       # an American page writes the month first
    ("Updated 03/04/2025 7:05 PM PT", "2025-03-04"),
    ("03/04/2025 07:05 CET", ""),                    # a European zone says nothing of the order
    ("03/04/2025 07:05 CST", ""),                    # China Standard Time too
])
def test_a_north_american_time_zone_reads_a_slashed_date_month_first(stamp, day):
    a = art(f"Convoy of North Korean soldiers reaches Kursk\n{stamp}\n{BODY}")
    assert a.published == day, a.published_evidence
    if day:
        assert "month first" in a.published_evidence


@pytest.mark.parametrize("masthead, day", [
    ("FRANCE 24", "2025-04-03"),           # data/outlets.csv: France 24 writes the day first
    ("The Hill", "2025-03-04"),            # ... The Hill the month first
    ("The Daily Example", ""),             # an outlet whose habit we do not know: not guessed
])
def test_a_slashed_date_is_read_in_the_order_its_outlet_writes_dates(masthead, day):
    text = (f"{masthead}\nConvoy of North Korean soldiers reaches Kursk\n"
            f"Issued on: 03/04/2025 - 07:05  Modified: 03/04/2025 - 09:40\n{BODY}")
    a = art(text)
    assert a.published == day, a.published_evidence
    if day:
        assert masthead.lower() in a.published_evidence.lower() or a.outlet in a.published_evidence


def test_dots_are_day_first():
    a = art(f"Convoy of North Korean soldiers reaches Kursk\n05.11.2024 18:40\n{BODY}")
    assert a.published == "2024-11-05"


def test_juche_year_that_disagrees_with_its_gregorian_year_is_no_date():
    a = art(f"Convoy of North Korean soldiers reaches Kursk\nJuche113(2025).3.3.\n{BODY}")
    assert a.published == ""


# eleven distinct paragraphs: the foot of a page is its last lines after the first ten
LONG = "\n".join(f"Paragraph {i}: the agency said unit {i} had moved closer to the front line near Kursk."
                 for i in range(1, 12))


def test_last_edited_at_the_foot_of_a_saved_page_dates_it_when_nothing_else_does():
    # a wiki page as saved is the revision of its last edit
    foot = "This page was last edited on 3 March 2025, at 07:05 (UTC)."
    m, _ = metadata.extract(["Timeline of the deployment", *LONG.split("\n"), foot, "Text is under a free licence."])
    assert [(d.kind, d.date) for d in m.dates] == [("updated", dt.date(2025, 3, 3))]
    a = art(f"Timeline of the deployment\n{LONG}\n{foot}\nText is available under a free licence.")
    assert dates(a) == ("2025-03-03", "day", "text") and "no other date" in a.published_evidence
    assert foot not in a.text
    b = art(f"Timeline of the deployment\nPublished: Feb. 27, 2025\n{LONG}\n{foot}")
    assert b.published == "2025-02-27"


def test_a_bare_date_at_the_foot_of_a_page_is_a_related_link_not_a_stamp():
    m, body = metadata.extract(["Convoy of North Korean soldiers reaches Kursk", *LONG.split("\n"),
                                "Kyiv Dispatch | Mar. 3, 2025", "More from Kyiv Dispatch"])
    assert m.dates == [] and "Kyiv Dispatch | Mar. 3, 2025" in body


@pytest.mark.parametrize("stamp", ["Updated: 3 hrs ago", "Last updated 20 minutes ago", "Published 2 days ago",
                                   "Updated 7.15am", "Posted: today at 09:40 KST"])
def test_relative_stamps_date_nothing_and_leave_the_text(stamp):
    # counted back from when the page was saved, a day the article does not give
    a = art(f"Convoy of North Korean soldiers reaches Kursk\n{stamp}\n{BODY}")
    assert dates(a) == ("", "unknown", "unknown") and stamp in a.published_evidence
    assert stamp not in a.text


def test_day_first_dateline_takes_its_year_from_the_article():
    a = art("MOSCOW, 3 Mar - Example Agency. The ministry said on Monday that 500 more soldiers had arrived.\n\n"
            "The first group crossed on Feb. 21, 2025, officials said.\n\n" + MORE)
    assert dates(a) == ("2025-03-03", "day", "text") and a.dateline == "MOSCOW"


@pytest.mark.parametrize("field", ["stamp_published", "stamp_updated", "relative"])
def test_every_date_line_example_in_the_patterns_file_is_read(field):
    rows = [r for r in read_table("metadata_patterns.tsv") if r["field"] == field]
    assert rows
    for row in rows:
        m, body = metadata.extract(["Convoy reaches Kursk region, Kyiv says", row["example"], LEAD, MORE])
        assert m.dates and row["example"] not in body
        assert (m.dates[0].kind == "relative") == (field == "relative")
        if field == "stamp_updated":
            assert [d.kind for d in m.dates] == ["published", "updated"]


def test_byline_with_date_gives_the_author_too():
    a = art(f"Convoy reaches Kursk region, Kyiv says\nBy Mira Kovalenko | November 4, 2024\n{BODY}")
    assert a.author == "Mira Kovalenko" and a.published == "2024-11-04"


def test_published_line_wins_over_updated():
    a = art(f"Convoy reaches Kursk region, Kyiv says\nPublished: Nov. 4, 2024\nUpdated: Nov. 6, 2024\n{BODY}")
    assert a.published == "2024-11-04"


def test_weekday_that_is_not_the_dates_weekday_is_not_trusted():
    a = art(f"Live: the war in Ukraine, day 985\nTuesday 4 November 2024\n{BODY}")   # Nov. 4, 2024 was a Monday
    assert dates(a) == ("", "unknown", "unknown") and "not Monday" in a.published_evidence


def test_two_publication_lines_that_disagree_give_unknown_with_both():
    a = art(f"Convoy reaches Kursk region, Kyiv says\nPublished: Nov. 4, 2024\nDate: Oct. 29, 2024\n{BODY}")
    assert dates(a) == ("", "unknown", "unknown")
    assert "Nov. 4, 2024" in a.published_evidence and "Oct. 29, 2024" in a.published_evidence


def test_a_date_after_the_day_of_the_run_is_never_taken():
    a = art(f"Convoy reaches Kursk region, Kyiv says\nPublished: Oct. 8, 2027\n{BODY}")
    assert dates(a) == ("", "unknown", "unknown") and "after today" in a.published_evidence


@pytest.mark.parametrize("first", ["date 2024-10-28 Pyongyang sends a second convoy to Kursk",
                                   "2024-10-28 | Pyongyang sends a second convoy to Kursk",
                                   "[2024-10-28T06:15:00Z] Pyongyang sends a second convoy to Kursk"])
def test_scraper_date_prefix_with_the_headline_on_the_same_line(first):
    a = art(f"{first}\n{BODY}")
    assert dates(a) == ("2024-10-28", "day", "text")
    assert a.title == "Pyongyang sends a second convoy to Kursk"


def test_scraper_date_prefix_before_the_first_sentence_keeps_the_sentence():
    a = art(f"date 2024-10-28 {LEAD}\n{MORE}")
    assert a.published == "2024-10-28" and a.title == "" and a.text.startswith("Ukraine's military intelligence")


def test_dateline_takes_its_year_from_a_date_the_article_reports():
    text = ("WASHINGTON, Dec. 16 (Example Wire) — The Pentagon said on Monday that about 1,000 North Korean "
            "soldiers had been killed or wounded since the start of December.\n\n"
            "The estimate follows a briefing on Nov. 27, 2024, when officials first reported losses.")
    a = art(text)
    assert dates(a) == ("2024-12-16", "day", "text")
    assert "Nov. 27, 2024" in a.published_evidence and a.dateline == "WASHINGTON"


def test_dateline_with_its_own_year():
    a = art("SEOUL, Nov. 4, 2024 (Example Wire) -- The spy agency said 10,000 troops were in Russia.\n\n" + MORE)
    assert dates(a) == ("2024-11-04", "day", "text")


def test_dateline_without_any_year_in_the_article_stays_unknown():
    a = art("SEOUL, Nov. 4 (Example Wire) -- The spy agency said on Monday 10,000 troops were in Russia.\n\n" + MORE)
    assert dates(a) == ("", "unknown", "unknown") and "no year" in a.published_evidence


def test_dateline_before_the_latest_body_date_is_not_guessed():
    # "the Nov. 5, 2024 election" is a date to come for an Oct. 30 dateline: the year is unclear
    a = art("KYIV, Oct. 30 (Example Wire) — Kyiv said 3,000 more troops had arrived ahead of the "
            "U.S. presidential election held Nov. 5, 2024, officials said.\n\n" + MORE)
    assert a.published == ""


def test_month_line_gives_a_window():
    a = art(f"Policy note\nNorth Korean forces in Russia: an assessment\nNovember 2024\n{BODY}")
    assert (a.published, a.published_precision, a.published_earliest, a.published_latest) == \
        ("", "window", "2024-11-01", "2024-11-30")
    assert a.title == "North Korean forces in Russia: an assessment"


# --- addresses ---------------------------------------------------------------------------------

@pytest.mark.parametrize("row", read_table("url_date_patterns.tsv"), ids=lambda r: r["example"][-30:])
def test_every_url_example_in_the_data_file_is_dated(row):
    got = url_date(row["example"])
    assert got is not None and (got.earliest == got.latest) == (row["precision"] == "day")


@pytest.mark.parametrize("url", ["https://2024election.example.com/news/convoy", "https://example.com/news/12345678",
                                 "https://example.com/2024/10/28/a?date=2024-10-29", "https://example.com/story/42"])
def test_urls_without_a_single_date(url):
    assert url_date(url) is None


@pytest.mark.parametrize("where", ["first", "last"])
def test_address_printed_on_the_page(where):
    url = "https://www.example.com/world/2024/11/04/north-korea-convoy-kursk/"
    text = f"{url}\nConvoy reaches Kursk region, Kyiv says\n{BODY}" if where == "first" else \
        f"Convoy reaches Kursk region, Kyiv says\n{BODY}\nSource: {url}"
    a = art(text)
    assert dates(a) == ("2024-11-04", "day", "url") and a.url == url
    assert a.title == "Convoy reaches Kursk region, Kyiv says" and "https" not in a.text


def test_address_month_and_dateline_day_make_a_day():
    a = art("https://example.com/2024/11/convoy-reaches-kursk\n"
            "SEOUL, Nov. 4 (Example Wire) -- The spy agency said 10,000 troops were in Russia.\n\n" + MORE)
    assert dates(a) == ("2024-11-04", "day", "text")


def test_address_beats_the_text_line():
    a = art("https://example.com/2024/11/05/convoy\nConvoy reaches Kursk region, Kyiv says\n"
            f"Updated: Nov. 7, 2024\n{BODY}")
    assert dates(a) == ("2024-11-05", "day", "url")


def test_manifest_with_only_file_and_url_dates_the_articles(tmp_path):
    (tmp_path / "a.txt").write_text(f"Convoy reaches Kursk region, Kyiv says\n{BODY}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Seoul weighs its response to the deployment\n{LEAD} Seoul objected.\n\n{MORE}",
                                    encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,url\n"
                                          "a.txt,https://news.example.org/2024/10/31/convoy-kursk\n"
                                          "b.txt,https://news.example.org/world/seoul-response\n", encoding="utf-8")
    c = read_corpus([tmp_path], manifest.load(tmp_path / "sources.csv"), progress=False, today=TODAY)
    by = {a.article: a for a in c.articles}
    assert dates(by["a.txt"]) == ("2024-10-31", "day", "url") and "sources.csv" in by["a.txt"].published_evidence
    assert dates(by["b.txt"]) == ("", "unknown", "unknown")
    assert by["b.txt"].url == "https://news.example.org/world/seoul-response"


def test_manifest_date_wins_over_everything(tmp_path):
    (tmp_path / "a.txt").write_text(f"https://example.com/2024/11/05/convoy\nPublished: Nov. 6, 2024\n{BODY}",
                                    encoding="utf-8")
    c = read_corpus([tmp_path], {"a.txt": {"file": "a.txt", "published": "2024-11-04"}}, progress=False, today=TODAY)
    assert dates(c.articles[0]) == ("2024-11-04", "day", "manifest")


# --- records and pages -------------------------------------------------------------------------

def test_jsonl_published_and_url_fields(tmp_path):
    rows = [{"text": BODY, "published": "2024-11-04T08:00:00+09:00"},
            {"text": BODY.replace("Friday", "Monday"), "url": "https://example.com/news/20241105-convoy"},
            {"text": BODY.replace("Friday", "Sunday"), "published": "soon"}]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    c = read_corpus([tmp_path], progress=False, today=TODAY)
    assert [dates(a) for a in c.articles] == [("2024-11-04", "day", "jsonl"), ("2024-11-05", "day", "url"),
                                              ("", "unknown", "unknown")]
    assert "'soon' is not a date" in c.articles[2].published_evidence


def _page(head: str, caption: str = "") -> str:
    para = ("The defence ministry said on Tuesday that at least 3,000 soldiers had been sent to the front line, "
            "according to officials who briefed reporters in the capital. ")
    return (f"<html><head><title>Troops sent to front</title>{head}</head><body><nav>Home World</nav>"
            f"<article><h1>Troops sent to front</h1><figure><figcaption>{caption}</figcaption></figure>"
            f"<p>{para * 3}</p><p>“We will respond,” the minister said. {para}</p></article></body></html>")


def test_html_metadata_date(tmp_path):
    (tmp_path / "p.html").write_text(_page('<meta property="article:published_time" content="2024-11-05T08:00:00Z">'),
                                     encoding="utf-8")
    [a] = read_file(tmp_path / "p.html", today=TODAY)
    assert dates(a) == ("2024-11-05", "day", "html")


def _dated_page(stamp: str, head: str = "") -> str:
    return _page(head).replace("<article>", f'<article><div class="meta"><span class="date">{stamp}</span></div>')


@pytest.mark.parametrize("stamp, head, day", [
    # htmldate reads "05/11/2024" one way; the page may mean the other: not a date we can trust
    ("05/11/2024", "", ""),
    # the same stamp, with the day written in a form that reads one way only
    ("05/11/2024", '<meta property="article:published_time" content="2024-11-05T08:00:00Z">', "2024-11-05"),
    ("5 November 2024", "", "2024-11-05"),
])
def test_html_date_read_from_a_slashed_stamp_that_reads_both_ways_is_not_used(tmp_path, stamp, head, day):
    (tmp_path / "p.html").write_text(_dated_page(stamp, head), encoding="utf-8")
    [a] = read_file(tmp_path / "p.html", today=TODAY)
    assert a.published == day, a.published_evidence
    if not day:
        assert "reads both ways" in a.published_evidence and a.published_precision == "unknown"


def test_html_caption_date_is_not_the_pages_date(tmp_path):
    (tmp_path / "p.html").write_text(_page("", "The envoy in Washington, DC, on May 31, 2023."), encoding="utf-8")
    [a] = read_file(tmp_path / "p.html", today=TODAY)
    assert a.published == "" and "2023" not in a.published_earliest


# --- inferred, and what is not evidence -------------------------------------------------------

def test_full_date_in_the_body_is_only_a_lower_bound():
    a = art(f"Convoy reaches Kursk region, Kyiv says\n{LEAD}\n\nThe first convoy crossed on Oct. 23, 2024, "
            f"officials said.\n\n{MORE}")
    assert (a.published, a.published_precision, a.published_earliest, a.published_latest) == \
        ("", "unknown", "2024-10-23", "")


def test_yesterday_with_its_date_fixes_the_day():
    a = art(f"Convoy reaches Kursk region, Kyiv says\nThe agency said yesterday (Nov. 3, 2024) that the convoy "
            f"had crossed.\n\n{MORE}")
    assert dates(a) == ("2024-11-04", "day", "inferred") and "yesterday" in a.published_evidence


@pytest.mark.parametrize("only_cue", [
    "The agency said on Thursday that the convoy had crossed.",
    "The agency said yesterday that the convoy had crossed.",
    "The agency said the convoy crossed between October 8 and 13.",
    "In June, Putin visited Pyongyang and signed a defence pact.",
    "In late October, the agency said the convoy had crossed.",
])
def test_weekday_yesterday_and_month_day_alone_stay_unknown(only_cue):
    a = art(f"Convoy reaches Kursk region, Kyiv says\n{only_cue}\n\n{MORE}")
    assert dates(a) == ("", "unknown", "unknown") and a.published_earliest == ""


@pytest.mark.parametrize("line", [
    "Kim Jong Un inspects an artillery unit in this photo released by KCNA on May 31, 2023.",
    "Photo: soldiers at a training ground in Primorsky Krai, Dec. 3, 2024",
    "Read also: Seoul says the convoy crossed into Russia (Dec. 3, 2024)",
    "Talks between the two sides are scheduled for Dec. 3, 2024.",
    "Kim Jong Un and Vladimir Putin in Pyongyang on June 19, 2024. (AP Photo/Pool)",
])
def test_captions_related_links_and_dates_to_come_are_not_evidence(line):
    a = art(f"Convoy reaches Kursk region, Kyiv says\n{LEAD}\n\n{line}\n\n{MORE}")
    assert a.published == "" and a.published_earliest == ""



TIMELINE = ("The Sylvanian deployment: a timeline\nLast updated December 12, 2024\n\n"
            "June 19, 2024\nThe two leaders sign a treaty.\n\n"
            "October 18, 2024\nThe agency says 1,500 marines have sailed.\n\n"
            "November 4, 2024\nThe agency says about 10,000 marines are now in the region.\n")


def test_a_timelines_entry_dates_are_not_the_pages_date_and_stay_in_the_text():
    a = art(TIMELINE)
    assert a.published == "2024-12-12" and "October 18, 2024" in a.text


def test_one_date_line_under_the_headline_is_still_the_pages_date():
    a = art("Sylvania sends marines\nJune 19, 2024\n\n" + BODY)
    assert a.published == "2024-06-19"


@pytest.mark.parametrize("row", read_table("date_evidence.tsv"), ids=lambda r: r["kind"] + ":" + r["example"][:25])
def test_every_example_in_the_evidence_file(row):
    if row["kind"] == "future":
        a = art(f"Convoy reaches Kursk region\n{LEAD} {row['example'].capitalize()}.\n\n{MORE}")
        assert a.published_earliest == ""
    elif row["kind"] == "written":
        assert pubdate.written_date(row["example"], None, TODAY)[0] is not None
    else:
        assert pubdate.not_evidence(row["example"]) == row["kind"]


def test_republished_piece_is_not_dated_by_the_original():
    a = art(f"What North Korea gains from the war\n{LEAD}\n\n{MORE}\n\nThis article was originally published "
            f"by the Example Institute on Oct. 30, 2024.")
    assert a.published == "" and a.published_earliest == "2024-10-30"


def test_originally_published_header_line_is_not_the_pages_date():
    a = art(f"What North Korea gains from the war\nOriginally published on Oct. 30, 2024\n{BODY}")
    assert a.published == "" and a.published_earliest == "2024-10-30"


# --- the day an article's text was written (a republished piece, a recorded episode) ------------

PUBD = dt.date(2024, 12, 12)    # a Thursday


@pytest.mark.parametrize("para, day", [
    ("This commentary was first published by the Example Forum in Warsaw on Dec. 5, 2024.", "2024-12-05"),
    ("This analysis originally appeared on 4 December 2024 on the institute's website.", "2024-12-04"),
    ("This analysis was originally published on 4 December 2024 on the institute's website.", "2024-12-04"),
    ("Originally published December 9, 2024.", "2024-12-09"),
    ("Recorded on Dec. 10. The transcript has been edited for length.", "2024-12-10"),
    ("Two former officers debate the losses on this week's episode of Example Hour, recorded on Monday.", "2024-12-09"),
    ("This interview was conducted on Tuesday and has been condensed.", "2024-12-10"),
    # an interview's own introduction: the day its answers were given
    ("Colonel Ilse Marten, 41, commands a marine brigade. We spoke on Saturday at a command post.", "2024-12-07"),
    ("Major General Ivo Marek received us on Wednesday in a room without windows.", "2024-12-11"),
])
def test_the_day_the_text_was_written(para, day):
    got, phrase = pubdate.written_date(f"{LEAD}\n{para}\n{MORE}", PUBD, TODAY)
    assert (got.isoformat() if got else None) == day
    if day:
        assert phrase and phrase in para


@pytest.mark.parametrize("para", [
    "The interview, recorded on Tuesday, ran for an hour.",                     # an interview the article cites
    "A report first published on Dec. 5, 2024 said 3,000 troops had arrived.",  # another document
    "This article was originally published on Dec. 14, 2024.",                  # after the page: a misreading
    "This article was originally published on Dec. 1, 2023.",                   # more than a year before
    "This article was published on Dec. 12, 2024.",                             # the page's own day
    "Recorded on Monday. Edited for clarity.",                                  # no day without the page's own
    "“We spoke on Saturday,” the minister said of his call with Kyiv.",         # a quotation's "we"
])
def test_cues_that_do_not_give_the_day_the_text_was_written(para):
    pub = None if para.startswith("Recorded") else PUBD
    assert pubdate.written_date(f"{LEAD}\n{para}\n{MORE}", pub, TODAY)[0] is None


def test_two_cues_that_disagree_give_no_day():
    body = f"Recorded on Dec. 10, 2024.\n{LEAD}\nThis interview was conducted on Dec. 9, 2024."
    got, why = pubdate.written_date(body, PUBD, TODAY)
    assert got is None and "disagree" in why


def test_republished_article_keeps_its_own_publication_day_and_says_when_it_was_written():
    a = art(f"What the convoy means\nPosted December 12, 2024\nThis essay was first published on Dec. 5, 2024.\n{BODY}")
    assert (a.published, a.written) == ("2024-12-12", "2024-12-05") and not a.written_recorded
    assert "text written 2024-12-05" in a.published_evidence
    b = art(f"What the convoy means\nPosted December 12, 2024\nRecorded on Tuesday.\n{BODY}")
    assert (b.published, b.written, b.written_recorded) == ("2024-12-12", "2024-12-10", True)


# --- one article, one date, whatever else is in the folder ---------------------------------------

def test_an_articles_dates_do_not_depend_on_the_corpus(tmp_path):
    texts = {
        "weekday.txt": f"Convoy reaches Kursk region, Kyiv says\n{BODY}",
        "lower.txt": f"Seoul weighs its response\n{LEAD}\n\nThe first convoy crossed on Oct. 23, 2024.\n\n{MORE}",
        "dated.txt": f"Kyiv reports new losses\nPublished: Feb. 14, 2025\n{BODY.replace('Friday', 'Monday')}",
        "other.txt": f"Moscow denies it all\nPublished: Oct. 8, 2021\n{BODY.replace('Friday', 'Sunday')}",
    }
    alone = {}
    for name, text in texts.items():
        d = tmp_path / name.split(".")[0]
        d.mkdir()
        (d / name).write_text(text, encoding="utf-8")
        [a] = read_corpus([d], progress=False, today=TODAY).articles
        alone[name] = (a.published, a.published_precision, a.published_earliest, a.published_latest, a.published_source)
    together = tmp_path / "all"
    together.mkdir()
    for name, text in texts.items():
        (together / name).write_text(text, encoding="utf-8")
    c = read_corpus([together], progress=False, today=TODAY)
    assert {a.article: (a.published, a.published_precision, a.published_earliest, a.published_latest,
                        a.published_source) for a in c.articles} == alone
    assert alone["weekday.txt"][0] == "" and alone["dated.txt"][0] == "2025-02-14"


# --- titles ------------------------------------------------------------------------------------

@pytest.mark.parametrize("header", ["Kyiv Dispatch\nConvoy reaches Kursk region, Kyiv says",
                                    "warnews.com\nConvoy reaches Kursk region, Kyiv says",
                                    "Convoy reaches Kursk region, Kyiv says"])
def test_a_site_name_is_not_the_title(header):
    m, _ = metadata.extract([*header.split("\n"), "By Mira Kovalenko", LEAD, MORE])
    assert m.title == "Convoy reaches Kursk region, Kyiv says"


@pytest.mark.parametrize("menu", ["News | Opinion | Sport | Culture | Lifestyle",
                                  "Home > World > Asia-Pacific",
                                  "Politics Business Opinion Podcasts Newsletters Sign in",
                                  "Subscribe for $1 e-Edition Sign In"])
def test_a_menu_line_is_not_the_title(menu):
    m, body = metadata.extract(["Daily Example", menu, "WORLD", "Convoy reaches Kursk region, Kyiv says", LEAD, MORE])
    assert m.title == "Convoy reaches Kursk region, Kyiv says"
    assert menu not in body and body[0] == m.title      # the headline is the text's first paragraph


def test_a_headline_that_names_a_date_is_not_a_date_line():
    m, _ = metadata.extract(["Kim and Putin sign defence pact in Pyongyang on June 19, 2024", LEAD, MORE])
    assert m.dates == [] and m.title.startswith("Kim and Putin")


def test_site_name_matching_the_address_is_the_outlet():
    a = art(f"https://www.kyivdispatch.example/2024/11/04/convoy\nKyiv Dispatch\n"
            f"Convoy reaches Kursk region, Kyiv says\n{BODY}")
    assert a.title == "Convoy reaches Kursk region, Kyiv says" and a.outlet == "Kyiv Dispatch"


@pytest.mark.parametrize("row", [r for r in read_table("metadata_patterns.tsv") if r["field"] == "published"],
                         ids=lambda r: r["example"])
def test_every_publication_line_example_is_read(row):
    m, _ = metadata.extract(["Convoy reaches Kursk region, Kyiv says", row["example"], LEAD, MORE])
    assert len(m.dates) == 1 and m.dates[0].date is not None


def test_a_pages_last_update_in_its_footer_is_not_its_publication_date(tmp_path):
    page = _page("").replace("</article>", "</article><div class='footer'>Last updated: 6 November 2024 | "
                                           "<a>Legal notice</a></div>")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    [a] = read_file(tmp_path / "p.html", today=TODAY)
    assert a.published != "2024-11-06" and "last update" in a.published_evidence
    # a meta tag that gives the same day is the page's own word
    tagged = page.replace("<title>", '<meta property="article:published_time" content="2024-11-06T08:00:00Z"><title>')
    (tmp_path / "p.html").write_text(tagged, encoding="utf-8")
    [a] = read_file(tmp_path / "p.html", today=TODAY)
    assert a.published == "2024-11-06"


def test_a_forum_post_is_titled_by_its_headline_and_a_communitys_creation_date_dates_nothing():
    text = ("r/conflictwatch\nJoin\n\nPosted by u/border_watch 5 hr. ago\n\n"
            "Spy agency says marines pulled back from the front after heavy losses\n"
            "Discussion\n\n" + BODY + "\n\nu/KyivSlav · 4 hr. ago\nMilbloggers said so on Monday.\n\n"
            "About Community\nr/conflictwatch\n312k Members · 1.2k Online\nCreated Sep 2, 2012\n")
    a = art(text)
    assert a.title == "Spy agency says marines pulled back from the front after heavy losses"
    assert a.published_precision == "unknown" and "2012" not in a.published
