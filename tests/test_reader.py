"""The article reader on short texts of our own, each bad input, and the seeds."""
from __future__ import annotations

import datetime as dt
import json
import time

import pytest

from briefing import boilerplate, manifest, metadata
from briefing.dates import parse_date
from briefing.decoding import BinaryFile, decode
from briefing.errors import UserError
from briefing.reader import Skip, from_text, read_corpus, read_file
from briefing.resources import read_table

BODY = ("Officials in Kyiv said on Friday that the convoy had crossed the border.\n\n"
        "“We are watching closely,” the spokesman said.")


# --- decoding -----------------------------------------------------------------------------

def test_utf8_with_bom_is_read_without_the_bom():
    d = decode("\ufeffKyiv’s reply".encode("utf-8"))
    assert d.text == "Kyiv’s reply" and d.encoding == "utf-8-sig"


def test_cp1252_curly_quotes_come_out_readable():
    raw = ("The minister said \u201cwe will respond\u201d and the envoy\u2019s office agreed. " * 20).encode("cp1252")
    d = decode(raw)
    assert "\u201cwe will respond\u201d" in d.text and "envoy\u2019s" in d.text


@pytest.mark.parametrize("text", [
    # an English page with a few curly quotes, a breadcrumb's angle and a pound sign: too few bytes for
    # statistics (they have read such a page as cp775, every “ turned into a letter)
    "News › UK News\n\nThe UK’s Defence Intelligence said troops were “likely to be reinforced”. "
    "“Kim Jong Un is treating his soldiers as ammunition,” Mr Healey said, at a cost of £200m. "
    "About 200 people gathered outside the Scottish Parliament on Thursday afternoon. " * 3,
    # a Latin-1 page with a handful of accented letters (read as cp1250: "Agęncia")
    "Agência Brasil\nEmpresa Brasil de Comunicação | Saúde | Español\n\nLavrov dismissed the "
    "reports at the G20 summit in Rio de Janeiro, and Ukraine's envoy pressed Brazil to speak up. " * 3,
])
def test_a_mostly_english_single_byte_page_is_read_as_windows_1252(text):
    d = decode(text.encode("cp1252"))
    assert d.text == text and d.encoding == "cp1252"


def test_euc_kr_korean_comes_out_readable():
    text = "북한군 파병에 대한 정부의 공식 입장입니다. 국가정보원은 특수부대 파병을 확인했다고 밝혔다. " * 10
    d = decode(text.encode("euc-kr"))
    assert "국가정보원" in d.text


def test_latin1_accents_come_out_readable():
    text = "Le ministre a déclaré à Genève que la délégation était prête à négocier. " * 10
    d = decode(text.encode("latin-1"))
    assert "déclaré à Genève" in d.text


def test_nul_bytes_are_binary():
    with pytest.raises(BinaryFile):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))


def test_crlf_newlines_and_control_characters_are_normalised():
    assert decode(b"one\r\ntwo\rthree").text == "one\ntwo\nthree"
    assert decode("a\x01b\x0bc\u2028d\x0ce".encode()).text == "ab\nc\nd\ne"


# --- page furniture -----------------------------------------------------------------------

@pytest.mark.parametrize("row", read_table("boilerplate.tsv"), ids=lambda r: r["kind"] + ":" + r["example"][:20])
def test_every_furniture_example_in_the_data_file_is_removed(row):
    example = row["example"].split(" (")[0]
    assert boilerplate.furniture_kind(example) == row["kind"]


@pytest.mark.parametrize("line", ["ALSO READ | Marines reach the border as Sylvania sends 3,000 more",
                                  "Read more » Sylvania sends 3,000 marines", "See also — the convoy at sea",
                                  "\u25b6 Related: FID: Sylvania decides to send 1,500 marines (Oct. 18)"])
def test_a_related_link_set_off_by_a_bar_or_an_arrow_is_furniture(line):
    assert boilerplate.furniture_kind(line) == "related link"


@pytest.mark.parametrize("line", [
    "Share prices fell after the announcement.",
    "Top officials met in Seoul on Monday to discuss 10 proposals.",
    "X-ray images showed damage to the launcher.",
    "More than 300 soldiers were seen near the border.",
    "Most Commented articles were about the treaty, the editor said.",
])
def test_article_sentences_that_mention_furniture_words_stay(line):
    assert boilerplate.furniture_kind(line) == ""


def test_photo_caption_repeated_on_two_lines_is_removed():
    cap = "Soldiers walk past a destroyed tank near the front line in this photo released by the ministry. Reuters"
    c = boilerplate.clean_lines(f"Headline here about the war\n{cap}\n\n{cap}\n{BODY}")
    assert cap not in c.lines and ("caption (repeated)", cap) in c.removed
    assert c.lines[-1] == "“We are watching closely,” the spokesman said."


def test_photo_caption_doubled_on_one_line_is_removed():
    cap = "The envoy speaks at the General Assembly on Monday. (AFP)"
    c = boilerplate.clean_lines(f"{cap} {cap}\n{BODY}")
    assert all(cap not in ln for ln in c.lines)


# --- metadata -----------------------------------------------------------------------------

def _meta(text):
    m, body = metadata.extract(boilerplate.clean_lines(text).lines)
    return m, body


def test_masthead_title_subtitle_byline_and_published_stamp():
    m, body = _meta("Kyiv Independent\n\nConvoy crosses into Kursk region, officials say\n\n"
                    "Moscow denies any foreign troops\n\nBy Olena Petrenko\n\n"
                    "Posted on: 3 November 2024 09:15\n\n" + BODY)
    assert m.outlet == "The Kyiv Independent"
    assert m.title == "Convoy crosses into Kursk region, officials say"
    assert m.subtitle == "Moscow denies any foreign troops"
    assert m.author == "Olena Petrenko"
    assert [(d.kind, d.date, d.time) for d in m.dates] == [("published", dt.date(2024, 11, 3), "09:15")]
    # headline and sub-headline stay in the text (a figure in a headline is a figure); the rest goes
    assert body[:3] == ["Convoy crosses into Kursk region, officials say", "Moscow denies any foreign troops",
                        "Officials in Kyiv said on Friday that the convoy had crossed the border."]


def test_author_with_view_counter_widget():
    m, _ = _meta("Pyongyang sends engineers to Donetsk\nJane Park Views\n" + BODY)
    assert m.author == "Jane Park" and m.title == "Pyongyang sends engineers to Donetsk"


def test_a_newsletter_byline_with_a_reading_time_gives_the_author():
    m, body = _meta("Issue 7: counting the uncountable\n\nMarek Zielinski · Tuesday · 4 min read\n\n" + BODY)
    assert m.author == "Marek Zielinski"
    assert not any("min read" in line for line in body)


def test_wire_credit_at_the_end_gives_outlet_and_author():
    m, body = _meta(BODY + " (Reuters)")
    assert m.outlet == "Reuters" and m.author == "Reuters"


def test_dateline_with_agency_credit():
    m, body = _meta("KYIV, Ukraine (AP) — Ukraine said Friday that troops had arrived. More followed.")
    assert m.dateline == "KYIV, Ukraine" and m.outlet == "Associated Press"


def test_site_self_mention_gives_outlet():
    m, _ = _meta("Warnews.com Analysis: what next\nHost (Warnews.com): Welcome back.\nGuest: Thanks.")
    assert m.outlet == "Warnews.com"


def test_first_paragraph_sentence_is_not_a_title():
    m, body = _meta("Seoul is watching the deployment closely and will respond.\n" + BODY)
    assert m.title == "" and len(body) == 3


def test_parse_date_forms():
    assert parse_date("Published : Oct. 22, 2024 - 15:40") == (dt.date(2024, 10, 22), "15:40")
    assert parse_date("Tuesday 5 November 2024") == (dt.date(2024, 11, 5), "")
    assert parse_date("2024/11/05 08:00") == (dt.date(2024, 11, 5), "08:00")
    assert parse_date("in the spring of 2024")[0] is None


# --- manifest -----------------------------------------------------------------------------

def test_manifest_overrides_text_and_may_be_missing(tmp_path):
    assert manifest.load(tmp_path / "nope.csv") == {}
    (tmp_path / "a.txt").write_text("Army says 300 troops moved\nBy Ann Lee\n" + BODY, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,url,outlet,published,author,title,notes\n"
                                          "a.txt,https://example.org/a,Daily Planet,2024-12-01,,,checked\n")
    c = read_corpus([tmp_path], manifest.load(tmp_path / "sources.csv"), progress=False)
    a = c.articles[0]
    assert (a.outlet, a.published, a.published_source, a.author) == ("Daily Planet", "2024-12-01", "manifest", "Ann Lee")
    assert a.url == "https://example.org/a"


@pytest.mark.parametrize("body, needle", [
    ("file,published\na.txt,2024-13-45\n", "row 2 (a.txt)"),
    ("file,published\na.txt,2024-10-01\n,2024-10-02\n", "row 3 has no file name"),
    ("file,published\na.txt,2024-10-01,extra\n", "row 2 has 3 fields"),
    ("name,published\na.txt,2024-10-01\n", "'file' column"),
    ("file,publish_date\na.txt,2024-10-01\n", "unknown column"),
])
def test_malformed_manifest_names_the_row(tmp_path, body, needle):
    p = tmp_path / "sources.csv"
    p.write_text(body)
    with pytest.raises(UserError) as exc:
        manifest.load(p)
    assert needle in str(exc.value) and str(p) in str(exc.value)


# --- files and folders --------------------------------------------------------------------

def test_empty_and_binary_files_are_skipped_with_a_reason(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64))
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    c = read_corpus([tmp_path], progress=False)
    assert [a.article for a in c.articles] == ["good.txt"]
    reasons = dict((p.rsplit("/", 1)[-1], r) for p, r in c.skipped)
    assert reasons == {"empty.txt": "empty file", "photo.txt": "binary file (NUL bytes)",
                       "notes.docx": "unsupported file type .docx; use .txt, .md, .html, .htm or .jsonl"}
    assert all(any(name in w for w in c.warnings) for name in reasons)


def test_folder_without_articles_is_a_user_error(tmp_path):
    (tmp_path / "readme.md").write_text("nothing here")
    with pytest.raises(UserError, match="no articles found"):
        read_corpus([tmp_path], progress=False)


def test_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="no such file or folder"):
        read_corpus([tmp_path / "absent"], progress=False)


def test_same_article_under_two_names_is_kept_once(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY.replace("“", '"').replace("”", '"') + "\n\nShare\n", encoding="utf-8")
    c = read_corpus([tmp_path], progress=False)
    assert [a.article for a in c.articles] == ["a.txt"] and c.duplicates == [("b.txt", "a.txt")]


def test_html_page_main_text_and_metadata(tmp_path):
    para = ("The defence ministry said on Tuesday that at least 3,000 soldiers had been sent to the "
            "front line, according to officials who briefed reporters in the capital. ")
    html = f"""<html><head><title>Troops sent to front | Daily Planet</title>
    <meta property="og:site_name" content="Daily Planet"><meta name="author" content="Lois Lane">
    <meta property="article:published_time" content="2024-11-05T08:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a> Subscribe</nav>
    <article><h1>Troops sent to front</h1><p>{para * 3}</p><p>“We will respond,” the minister said. {para}</p></article>
    <footer>© Daily Planet. All rights reserved. Privacy policy</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [a] = read_file(tmp_path / "page.html")
    assert "3,000 soldiers" in a.text and "Subscribe" not in a.text and "Privacy" not in a.text
    assert a.published == "2024-11-05" and a.published_source == "html"
    assert a.title == "Troops sent to front" and a.author == "Lois Lane"


def test_jsonl_articles_with_metadata_and_a_bad_line(tmp_path):
    rows = [json.dumps({"text": BODY, "title": "One", "outlet": "Planet", "published": "2024-11-02"}),
            "{not json", json.dumps({"title": "no text"}),
            json.dumps({"text": BODY.replace("Friday", "Monday"), "url": "https://x.test/2"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(rows), encoding="utf-8")
    c = read_corpus([tmp_path], progress=False)
    assert [a.article for a in c.articles] == ["feed.jsonl#1", "feed.jsonl#4"]
    assert c.articles[0].published == "2024-11-02" and c.articles[0].outlet == "Planet"
    assert c.articles[1].url == "https://x.test/2"
    assert any("line 2: not JSON" in w for w in c.warnings) and any("line 3: no 'text'" in w for w in c.warnings)


def test_twenty_megabyte_file_finishes_in_bounded_time(tmp_path):
    para = ("Officials said that more than 1,200 soldiers had crossed, while the ministry said “no comment” on "
            "Tuesday. ") * 8
    big = tmp_path / "big.txt"
    big.write_text("Huge scrape\n" + "\n\n".join(f"{i}. {para}" for i in range(26000)), encoding="utf-8")
    assert big.stat().st_size > 20_000_000
    t0 = time.perf_counter()
    [a] = read_file(big)
    assert a.n_words > 3_000_000 and time.perf_counter() - t0 < 60


def test_unreadable_text_file_raises_skip(tmp_path):
    with pytest.raises(Skip):
        from_text("x.txt", "\n\n•  Share\n\nX\n")


# --- the seeds end to end -----------------------------------------------------------------

def test_seed_metadata(seeds_corpus):
    by = {a.article[:3]: a for a in seeds_corpus.articles}
    assert len(by) == 5
    assert by["004"].title.startswith("Seoul to mull more Ukraine support")
    assert (by["004"].outlet, by["004"].author, by["004"].published, by["004"].published_source) == \
        ("The Korea Herald", "Kim Arin", "2024-10-22", "text")
    assert by["000"].author == "Daniel Kim" and by["000"].title.startswith("South Korea’s Deputy Defense")
    assert by["001"].published == "2024-10-18" and by["001"].published_source == "manifest"
    assert by["003"].published == "2024-10-22" and by["003"].dateline == "SEOUL, South Korea"
    assert by["002"].outlet == "Time.news" and by["002"].title == ""
    # 000's only cue is "on Thursday", 002's "In late October": nothing in either gives a year or a week
    for k in ("000", "002"):
        assert (by[k].published, by[k].published_precision, by[k].published_source) == ("", "unknown", "unknown")
    # furniture gone, the article's own sentences intact
    assert "share button" not in by["001"].text and "font-size" not in by["001"].text
    assert "Top 10 Stories" not in by["001"].text and "Most Commented" not in by["000"].text
    assert "Link copied" not in by["004"].text and "소아쌤" not in by["004"].text
    assert by["001"].text.count("in this photo provided by NATO") == 0
    assert "“The authentication will come after we gather" in by["000"].text


def test_seed_dates_without_the_manifest(seeds_dir):
    c = read_corpus([seeds_dir], {}, progress=False)
    by = {a.article[:3]: a for a in c.articles}
    # 001 gives only "Oct. 17" (a caption) and "Thursday": no year, so no date; 004 dates itself
    assert by["001"].published == "" and by["001"].published_precision == "unknown"
    assert by["004"].published == "2024-10-22" and by["004"].published_source == "text"


def test_short_hangul_line_is_furniture_only_in_a_page_in_another_script():
    english = boilerplate.clean_lines("소아쌤\n" + BODY)
    assert "소아쌤" not in english.lines
    korean = boilerplate.clean_lines("북한군 파병\n\n국가정보원은 북한이 특수부대 1500명을 러시아에 보냈다고 밝혔다.")
    assert korean.lines[0] == "북한군 파병"


def test_the_links_under_a_read_also_heading_are_furniture_and_give_no_figures():
    from briefing.boilerplate import clean_lines
    from briefing.extract import article_rows
    text = ("Sylvania has sent about 3,000 more soldiers, the ministry said on Monday.\n\n"
            "Read also:\n"
            "Seoul: 3,000 more troops sent to the front (27.03.2025)\n"
            "Kyiv says up to 5,000 more soldiers could follow - 12 December, 2024\n\n"
            "The ministry gave no further details. It said 200 soldiers had been wounded.")
    c = clean_lines(text)
    assert [k for k, _ in c.removed] == ["links heading", "related link", "related link"]
    assert c.lines[-1].startswith("The ministry gave no further details.")
    surfaces = [r["surface"] for r in article_rows("\n\n".join(c.lines))[1]]
    assert surfaces == ["about 3,000", "200"]


# --- Markdown articles ---------------------------------------------------------------------------

MD = """[EXAMPLE DAILY](https://example.org/) · World · Asia

# Second convoy of North Korean soldiers reaches the front

By **Ana Ruiz**  
Published: March 3, 2025 07:05

*Sponsored by nobody*

- **The count:** Ukraine's military intelligence said on Monday that about 1,500 more soldiers had arrived, \
[the agency](https://example.org/hur) wrote.
- **The losses:** "They are being sent straight into the assault," an officer told the paper.

| Side | Soldiers |
|---|---|
| North Korea | 12,000 |

<div class="ad">Subscribe now</div>
"""


def test_a_markdown_article_reads_as_its_words(tmp_path):
    (tmp_path / "a.md").write_text(MD, encoding="utf-8")
    [a] = read_file(tmp_path / "a.md", today=dt.date(2025, 6, 30))
    assert a.format == "markdown"
    assert a.title == "Second convoy of North Korean soldiers reaches the front"
    assert a.author == "Ana Ruiz" and a.published == "2025-03-03"
    # marks gone, words kept; a list item stays a line of its own with its bullet; a table row is cells
    assert "**" not in a.text and "](" not in a.text and "Subscribe now" not in a.text
    assert "- The count: Ukraine's military intelligence said on Monday that about 1,500 more soldiers had " \
           "arrived, the agency wrote." in a.text
    assert "North Korea | 12,000" in a.text


def test_quotes_and_figures_of_a_markdown_article(tmp_path):
    from briefing.actors import default_registry
    from briefing.pipeline import extract_tables
    (tmp_path / "a.md").write_text(MD, encoding="utf-8")
    corpus = read_corpus([tmp_path], {}, progress=False, today=dt.date(2025, 6, 30))
    t = extract_tables(corpus.articles, default_registry())
    assert list(t.quotes.quote) == ["They are being sent straight into the assault,"]
    assert "about 1,500" in set(t.figures.surface)


def test_an_empty_markdown_file_is_skipped_with_its_reason(tmp_path):
    (tmp_path / "a.md").write_text("<div>only an embed</div>\n", encoding="utf-8")
    with pytest.raises(Skip, match="Markdown"):
        read_file(tmp_path / "a.md")


def test_an_html_table_is_kept_with_its_caption_as_a_line_and_its_header_above_the_rows(tmp_path):
    p = tmp_path / "page.html"
    para = "<p>" + "The ministry briefed the committee on the deployment and its costs for the year. " * 3 + "</p>"
    p.write_text("<html><head><title>Estimates</title></head><body><article><h1>Estimates</h1>" + para +
                 "<table><caption>How the estimate changed (Source: the ministry)</caption>"
                 "<thead><tr><th>Date</th><th>Marines sent</th></tr></thead>"
                 "<tbody><tr><td>Oct. 18</td><td>1,500</td></tr><tr><td>Nov. 13</td><td>over 10,000</td></tr></tbody>"
                 "</table>" + para + "</article></body></html>", encoding="utf-8")
    text = read_file(p)[0].text
    assert "How the estimate changed (Source: the ministry)\n" in text and "| Date | Marines sent |" in text
    from briefing.figures import table_cell
    head, row, col = table_cell(text, text.index("over 10,000"))
    assert head[col].strip() == "Marines sent" and row[col].strip() == "over 10,000"


def test_html_page_with_no_date_metadata_a_headline_title_and_an_email_byline(tmp_path):
    para = ("Sylvania has sent about 3,000 more marines to Freedonia since January, the intelligence service "
            "told lawmakers on Thursday, bringing the total to around 14,000. ")
    html = f"""<html><head><title>Sylvania sends more marines to Freedonia: NIS : The Daily Planet</title></head>
    <body><ul class="nav"><li><a href="/">Home</a></li></ul>
    <div class="head"><h1>Sylvania sends 3,000 more marines</h1>
    <span class="date">Posted February. 27, 2025 07:45</span></div>
    <div class="body"><p>{para * 3}</p><p>{para}</p><p class="byline">Lois Lane lane@planet.test</p></div>
    <ul class="related"><li><a href="/1">Older story</a> <span class="date">Jan. 3, 2023</span></li></ul>
    </body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [a] = read_file(tmp_path / "page.html")
    # the date printed under the headline, not a related link's; the outlet is the title's short end, not
    # a headline; the byline's e-mail address is no part of the name
    assert a.published == "2025-02-27"
    assert a.outlet == "The Daily Planet"
    assert a.author == "Lois Lane"


def test_html_sub_headline_under_the_h1_is_kept_as_the_subtitle(tmp_path):
    para = ("Sylvania has sent about 3,000 more marines to Freedonia since January, the intelligence service "
            "told lawmakers on Thursday, bringing the total to around 14,000. ")
    html = f"""<html><head><title>Sylvania sends more marines : The Daily Planet</title></head>
    <body><div class="head"><h1>Sylvania sends 3,000 more marines</h1>
    <h2 class="article-dek">Losses put at about 900, up from 500 in December</h2>
    <span class="date">Posted February. 27, 2025 07:45</span></div>
    <div class="body"><p>{para * 3}</p><p>{para}</p></div></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [a] = read_file(tmp_path / "page.html")
    assert a.title == "Sylvania sends 3,000 more marines"
    assert a.subtitle == "Losses put at about 900, up from 500 in December"
    assert a.text.split("\n\n")[:2] == ["Sylvania sends 3,000 more marines", a.subtitle]


@pytest.mark.parametrize("raw,want", [
    ("Sie sagte: „Wir schicken mehr.“ Dann ging sie.", "Sie sagte: “Wir schicken mehr.” Dann ging sie."),
    ("Il a dit : « Nous enverrons plus. » Puis il est parti.", "Il a dit : “Nous enverrons plus.” Puis il est parti."),
    ("Powiedział: „Wyślemy więcej.” Koniec.", "Powiedział: “Wyślemy więcej.” Koniec."),
    ("Он сказал: «Мы пошлём ‹больше›».", "Он сказал: “Мы пошлём ‘больше’”."),
    # German and Danish point the angles inward; a breadcrumb's » before them opens nothing
    ("Forsiden » Udland\n\nHan siger: »Vi sender flere.« Så gik han.", "Han siger: “Vi sender flere.” Så gik han."),
    ("Er sagte: »Wir schicken ›mehr‹ Soldaten.« Dann ging er.", "Er sagte: “Wir schicken ‘mehr’ Soldaten.” Dann ging er."),
])
def test_foreign_quotation_marks_are_read_as_english_ones(tmp_path, raw, want):
    (tmp_path / "a.txt").write_text("Headline of the story\n\n" + raw + "\n", encoding="utf-8")
    [a] = read_file(tmp_path / "a.txt")
    assert want in a.text


def test_a_research_body_s_publication_line_names_it_the_outlet_and_a_news_masthead_stays_a_masthead():
    m, _ = _meta("Port traffic resumes as containers stack up\n\n"
                 "Harbour Watch Imagery Project · Imagery Brief No. 9 · February 2025\n\nBy Ana Ruiz\n\n" + BODY)
    assert (m.outlet, m.outlet_evidence.split(":")[0]) == ("Harbour Watch Imagery Project", "publication line")
    m, _ = _meta("Daily Courier | World | Analysis\n\nConvoy crosses into Kursk region\n\n" + BODY)
    assert m.outlet_evidence.split(":")[0] != "publication line"
