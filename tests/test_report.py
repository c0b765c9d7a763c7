"""The briefing's table shaping, on small frames written for the purpose."""
from __future__ import annotations

import pandas as pd

from briefing import report

ARTICLES = pd.DataFrame([
    {"article": "b.txt", "title": "Later piece", "outlet": "Outlet B", "published": "2024-10-20", "url": ""},
    {"article": "a.txt", "title": "Earlier <i>piece</i>", "outlet": "Outlet A", "published": "2024-10-01",
     "url": "https://example.org/a?x=1&y=2"},
    {"article": "c.txt", "title": "", "outlet": "", "published": "", "url": ""},
])

FIGURES = pd.DataFrame([
    {"article": "a.txt", "surface": "about 3,000", "value": 3000.0, "low": None, "high": None, "unit": "troops",
     "unit_category": "personnel", "qualifier": "approximately", "claimant": "Defence Agency X",
     "actor_id": "", "side": "Ukraine", "status": "estimate", "subject": "troops", "claim_date": "2024-10-01",
     "published": "2024-10-01"},
    {"article": "b.txt", "surface": "as many as 12,000", "value": 12000.0, "low": None, "high": None,
     "unit": "soldiers", "unit_category": "personnel", "qualifier": "up_to", "claimant": "Defence Agency X",
     "actor_id": "", "side": "Ukraine", "status": "projection", "subject": "troops", "claim_date": "2024-10-19",
     "published": "2024-10-20"},
    {"article": "b.txt", "surface": "no troops at all", "value": 0.0, "low": None, "high": None, "unit": "",
     "unit_category": "personnel", "qualifier": "exact", "claimant": "Kim Jong Un", "actor_id": "kim_jong_un",
     "side": "North Korea", "status": "denied", "subject": "troops", "claim_date": "2024-10-18",
     "published": "2024-10-20"},
])

QUOTES = pd.DataFrame([
    {"article": "b.txt", "quote": "There are no such soldiers <script>alert(1)</script>", "speaker": "Envoy Y",
     "role": "ambassador", "country": "", "side": "Russia", "verb": "said", "published": "2024-10-20"},
    {"article": "a.txt", "quote": "We rejected it", "speaker": "Spokesman Z", "role": "spokesman",
     "country": "North Korea", "side": "North Korea", "verb": "denied", "published": "2024-10-01"},
    {"article": "a.txt", "quote": "The deployment is under way", "speaker": "Minister W", "role": "minister",
     "country": "South Korea", "side": "South Korea", "verb": "told", "published": "2024-10-01"},
])


def test_sources_numbered_by_date_with_undated_last():
    s = report.sources(ARTICLES)
    assert list(s["article"]) == ["a.txt", "b.txt", "c.txt"]
    assert list(s["ref"]) == [1, 2, 3]
    assert list(report.with_refs(FIGURES, s)["ref"]) == [1, 2, 2]


def test_key_judgments_keep_latest_figure_per_claimant():
    kj = report.key_judgments(report.with_refs(FIGURES, report.sources(ARTICLES)))
    by = dict(zip(kj["claimant"], kj["figure"]))
    assert by["Defence Agency X"] == "as many as 12,000 soldiers"
    assert "Kim Jong Un" in by and len(kj) == 2
    assert list(kj["claim_date"]) == sorted(kj["claim_date"], reverse=True)


def test_what_changed_reports_new_and_changed_only():
    before = FIGURES.iloc[[0]]
    changes = report.what_changed(FIGURES, before)
    kinds = dict(zip(changes["claimant"], changes["change"]))
    assert kinds == {"Defence Agency X": "changed", "Kim Jong Un": "new"}
    assert report.what_changed(FIGURES, FIGURES).empty
    assert report.what_changed(FIGURES, None).empty


def test_filter_rows_by_dates_and_actor_alias():
    assert list(report.filter_rows(FIGURES, since="2024-10-10")["claim_date"]) == ["2024-10-19", "2024-10-18"]
    assert list(report.filter_rows(FIGURES, until="2024-10-10")["claim_date"]) == ["2024-10-01"]
    # "Kim Jong-un" is the registry name; the figure row carries the alias form and the id.
    only_kim = report.filter_rows(FIGURES, actors=["Kim Jong-un"])
    assert list(only_kim["claimant"]) == ["Kim Jong Un"]
    assert list(report.filter_rows(FIGURES, actors=["defence agency"])["value"]) == [3000.0, 12000.0]
    undated = FIGURES.assign(claim_date=["", "2024-10-19", ""])
    assert len(report.filter_rows(undated)) == 3
    assert len(report.filter_rows(undated, since="2024-01-01")) == 1


def test_denials_collect_denied_figures_deny_verbs_and_counter_sides():
    d = report.denials(FIGURES, QUOTES)
    assert set(zip(d["who"], d["kind"])) == {("Kim Jong Un", "denied figure"), ("Spokesman Z", "denial"),
                                             ("Envoy Y", "counter-claim")}


def test_quotes_by_actor_uses_side_when_country_missing_and_drops_fragments():
    q = report.quotes_by_actor(QUOTES)
    assert dict(zip(q["speaker"], q["country_side"]))["Envoy Y"] == "Russia"
    assert list(q["speaker"]) == sorted(q["speaker"])
    frag = QUOTES.assign(is_fragment=[False, True, False])
    assert "Spokesman Z" not in set(report.quotes_by_actor(frag)["speaker"])
    assert "Spokesman Z" in set(report.quotes_by_actor(frag, fragments=True)["speaker"])


def test_denials_take_country_when_side_is_missing():
    q = QUOTES.assign(side=["", "", ""], country=["", "North Korea", "South Korea"], verb=["said", "say", "told"])
    d = report.denials(FIGURES.iloc[0:0], q)
    assert list(zip(d["who"], d["kind"])) == [("Spokesman Z", "counter-claim")]


def test_html_table_escapes_untrusted_text_and_links_sources():
    s = report.sources(ARTICLES)
    html_text = report.html_table(report.quotes_by_actor(report.with_refs(QUOTES, s)), caption="Quotes <b>")
    assert "<script>" not in html_text and "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    assert "<caption>Quotes &lt;b&gt;</caption>" in html_text
    assert '<a class="ref" href="#src-2">[2]</a>' in html_text and "b.txt" in html_text
    src_html = report.html_table(s)
    assert 'id="src-1"' in src_html and "Earlier &lt;i&gt;piece&lt;/i&gt;" in src_html
    assert 'href="https://example.org/a?x=1&amp;y=2"' in src_html


def test_html_table_blanks_repeated_group_values():
    df = pd.DataFrame({"speaker": ["A", "A", "B"], "quote": ["one", "two", "three"]})
    out = report.html_table(df, group=("speaker",))
    assert out.count('<td class="c-speaker">A</td>') == 1 and '<td class="c-speaker">B</td>' in out


def test_highlight_article_marks_spans_and_escapes():
    text = 'He said "1,000 troops" <img src=x onerror=alert(1)>\nNext line'
    out = report.highlight_article(text, [(9, 21, "figure"), (100, 120, "out of range")])
    assert '<mark title="figure">1,000 troops</mark>' in out
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert out.count("<p>") == 2


def test_search_quotes_is_literal_and_case_insensitive():
    assert list(report.search_quotes(QUOTES, "DEPLOYMENT")["speaker"]) == ["Minister W"]
    assert list(report.search_quotes(QUOTES, "alert(1)")["speaker"]) == ["Envoy Y"]  # not a regex
    assert report.search_quotes(QUOTES, "[").empty
