"""The summarised briefing: merged quotes, the window, bounded tables, undated claims, the appendix."""
from __future__ import annotations

import datetime as dt
import zipfile

import pandas as pd
import pytest

from briefing import appendix, params, report
from briefing.errors import UserError
from briefing.pipeline import Tables, extract_tables
from briefing.quote_merge import merge_quotes, quote_key
from briefing.reader import from_text


def _articles(n: int, start: dt.date = dt.date(2025, 1, 1)) -> pd.DataFrame:
    return pd.DataFrame([{"article": f"a{i:04d}.txt", "title": f"T{i}", "outlet": f"Outlet {i % 7}",
                          "published": (start + dt.timedelta(days=i // 10)).isoformat(), "published_source": "text",
                          "url": "", "n_words": 100} for i in range(n)])


def _figure(i: int, arts: pd.DataFrame, **kw) -> dict:
    row = {"article": arts["article"][i % len(arts)], "surface": f"about {1000 + 250 * (i % 37):,}",
           "value": float(1000 + 250 * (i % 37)), "low": None, "high": None, "unit": "troops",
           "unit_category": "personnel", "qualifier": "approximately", "claimant": f"Agency {i % 23}",
           "claimant_kind": "organization", "actor_id": "", "side": ["Ukraine", "South Korea", "NATO"][i % 3],
           "status": "estimate", "subject": "troops", "location": "", "claim_date": arts["published"][i % len(arts)],
           "claim_date_end": "", "claim_date_flag": "", "published": arts["published"][i % len(arts)],
           "sentence": "s", "start": 0, "end": 1}
    row.update(kw)
    return row


def _quote(i: int, arts: pd.DataFrame, **kw) -> dict:
    row = {"article": arts["article"][i % len(arts)], "quote": f"Statement number {i % 300} about the front",
           "speaker": f"Speaker {i % 31}", "speaker_kind": "person", "actor_id": "", "role": "official",
           "country": "South Korea", "side": "South Korea", "verb": "said",
           "published": arts["published"][i % len(arts)], "start": 0, "end": 1, "sentence": "s",
           "is_fragment": False}
    row.update(kw)
    return row


def _tables(n_articles: int, n_figures: int, n_quotes: int) -> Tables:
    arts = _articles(n_articles)
    figs = pd.DataFrame([_figure(i, arts) for i in range(n_figures)])
    quotes = pd.DataFrame([_quote(i, arts) for i in range(n_quotes)])
    return Tables(arts, quotes, figs, pd.DataFrame())


# ------------------------------------------------------------------------------------------- quotes

def test_quote_key_folds_quote_marks_case_and_edges():
    assert quote_key("“We’re  ready,” ") == quote_key('"we\'re ready.') == "we're ready"
    assert quote_key("We are ready") != quote_key("We are not ready")


def test_syndicated_quotes_merge_with_their_outlets_counted():
    arts = pd.DataFrame({"article": ["w1.txt", "w2.txt", "w3.txt", "w4.txt"],
                         "outlet": ["Wire A", "Paper B", "Paper C", "Paper D"],
                         "published_source": ["text", "text", "inferred", "text"]})
    q = pd.DataFrame([
        {"article": "w2.txt", "quote": "The troops are already in Kursk,", "speaker": "Olena Hrytsenko",
         "actor_id": "", "published": "2025-02-03", "is_fragment": False},
        {"article": "w1.txt", "quote": "“The troops are already in Kursk.”", "speaker": "Olena Hrytsenko",
         "actor_id": "", "published": "2025-02-02", "is_fragment": False},
        {"article": "w3.txt", "quote": "The troops are already in Kursk", "speaker": "Olena Hrytsenko",
         "actor_id": "", "published": "2025-02-01", "is_fragment": False},
        # the same words, but this copy's speaker could not be resolved: not given another article's speaker
        {"article": "w4.txt", "quote": "The troops are already in Kursk", "speaker": "", "actor_id": "",
         "published": "2025-02-04", "is_fragment": False},
        # another speaker saying the same words is another row
        {"article": "w4.txt", "quote": "The troops are already in Kursk", "speaker": "Ivan Petrenko",
         "actor_id": "", "published": "2025-02-04", "is_fragment": False},
    ])
    m = merge_quotes(q, arts)
    assert len(m) == 3
    olena = m[m["speaker"] == "Olena Hrytsenko"].iloc[0]
    assert olena["n_sources"] == 3 and olena["article"] == "w3.txt" and olena["published"] == "2025-02-01"
    assert olena["published_flag"] == "inferred"  # w3's date was inferred: the row is marked
    assert olena["outlets"].split(";") == ["Paper C", "Wire A", "Paper B"]
    assert set(m.loc[m["speaker"] != "Olena Hrytsenko", "n_sources"]) == {1}


def test_syndicated_articles_give_one_quote_row_end_to_end():
    """Three outlets carry the same wire story with their own opening; the briefing shows its quote once."""
    body = ("Officials in Kyiv met on Monday.\n\n"
            "“We have counted more soldiers at the border than last month,” said Mykola Bondar, a spokesman "
            "for the border service.\n\nThe ministry gave no further details.")
    arts = [from_text(f"copy{i}.txt", f"Headline {i}\n\n{lead}\n\n{body}") for i, lead in
            enumerate(["Reporting from Lviv.", "A story from our partners.", "First published by a wire."])]
    for a, day in zip(arts, ("2025-03-03", "2025-03-04", "2025-03-05")):
        a.published, a.published_source = day, "text"
    from briefing.actors import default_registry

    t = extract_tables(arts, default_registry())
    assert len(t.quotes) == 3
    b = report.prepare(t, params.validate({}, check_paths=False))
    shown = b["quotes_by_actor"]
    assert len(shown) == 1 and shown["reports"][0] == 3 and shown["date"][0] == "2025-03-03"
    assert "Bondar" in shown["speaker"][0]


# ------------------------------------------------------------------------------------------- window

def test_window_parameter_forms():
    assert params.parse_window(" 30 days") == params.parse_window("30d") == params.parse_window(30) == "30"
    assert params.parse_window("ALL") == "all" and params.parse_window("auto") == "auto"
    for bad in ("last month", "0", "-5", ""):
        with pytest.raises(UserError, match="window="):
            params.parse_window(bad)
    with pytest.raises(UserError, match="max_rows=0"):
        params.validate({"max_rows": 0}, check_paths=False)
    with pytest.raises(UserError, match="expected a whole number"):
        params.validate({"per_speaker": "three"}, check_paths=False)
    assert params.validate({"per_speaker": "4"}, check_paths=False)["per_speaker"] == 4


def test_window_auto_is_all_for_small_corpora_and_30_days_for_large():
    dates = pd.Series(["2025-01-01", "2025-03-31", "", "2025-02-15"])
    assert report.resolve_window("auto", "", "", dates, 1000)[:2] == ("", "")
    start, end, text = report.resolve_window("auto", "", "", dates, 1001)
    assert (start, end) == ("2025-03-02", "2025-03-31") and "30 days" in text
    # the window ends at `until` when given, and never starts before `since`
    assert report.resolve_window("7", "", "2025-02-15", dates, 5)[:2] == ("2025-02-09", "2025-02-15")
    assert report.resolve_window("90", "2025-03-01", "", dates, 5)[:2] == ("2025-03-01", "2025-03-31")
    assert report.resolve_window("30", "", "", pd.Series(["", ""]), 5000)[:2] == ("", "")  # nothing dated


# ------------------------------------------------------------------------------------------- bounds

def test_long_tables_are_cut_with_more_lines_and_short_ones_kept_whole():
    df = pd.DataFrame({"who": ["A"] * 7 + ["B"] * 2 + ["C"] * 3 + ["D"], "n": range(13)})
    assert len(report.limit_groups(df, "who", 2, 2, 13, "claims", "claimants", "x.csv")) == 13
    cut = report.limit_groups(df, "who", 2, 2, 5, "claims", "claimants", "x.csv")
    more = list(cut["_more"].dropna()[cut["_more"].dropna() != ""])
    assert list(cut["n"].dropna().astype(int)) == [0, 1, 7, 8]
    assert more == ["… 5 more claims by A in the appendix (x.csv)",
                    "… 2 more claimants with 4 claims in the appendix (x.csv)"]
    flat = report.limit_rows(df, 10, "rows", "y.csv")
    assert len(flat) == 11 and flat["_more"].iloc[-1] == "… 3 more rows in the appendix (y.csv)"
    html = report.html_table(cut, group=("who",))
    assert '<tr class="more"><td colspan="2">… 5 more claims by A' in html


def test_a_large_corpus_gives_bounded_pages_and_a_complete_appendix(tmp_path):
    t = _tables(n_articles=3000, n_figures=12000, n_quotes=9000)
    p = params.validate({"max_rows": 20, "per_claimant": 4, "per_speaker": 2, "max_groups": 6}, check_paths=False)
    b = report.prepare(t, p)
    assert b["window_text"].startswith("the last 30 days")
    for key in ("key_judgments", "undated", "denials"):
        assert len(b[key]) <= 20 + 1 + 6, key
    assert len(b["figures_by_claimant"]) <= 6 * (4 + 1) + 1
    assert len(b["quotes_by_actor"]) <= 6 * (2 + 1) + 1
    shown = b["figures_by_claimant"].dropna(subset=["claim_date"])
    assert shown["claim_date"].min() >= b["window"][0]  # the tables keep to the window
    # the chart and key judgments see every dated claim, the sources only what the pages cite
    assert b["chart_claims"]["claim_date"].min() == "2025-01-01"
    assert len(b["sources"]) <= sum(len(b[k]) for k in ("key_judgments", "figures_by_claimant", "quotes_by_actor",
                                                          "denials", "undated", "other_figures"))
    written = appendix.write_appendix(b, tmp_path)
    claims = pd.read_csv(written["claims.csv"])
    assert claims["n_sources"].sum() == 12000  # every figure is in one merged claim
    assert len(pd.read_csv(written["sources.csv"])) == 3000
    assert pd.read_csv(written["quotes.csv"])["n_sources"].sum() == 9000


def test_north_korean_figures_on_the_chart_others_apart_and_undated_listed():
    arts = _articles(6)
    figs = pd.DataFrame([
        _figure(0, arts, about="north_korea", claimant="Agency A"),
        _figure(1, arts, about="russia", claimant="Agency B", subject="Russian soldiers killed",
                unit_category="casualties"),
        _figure(2, arts, about="north_korea", claimant="Agency C", claim_date="", value=4000.0,
                surface="4,000"),
        _figure(3, arts, about="north_korea", claimant="Agency D", claim_date_flag="inferred"),
    ])
    b = report.prepare(Tables(arts, pd.DataFrame(columns=["article", "quote", "published"]), figs,
                              pd.DataFrame()), params.validate({}, check_paths=False))
    assert set(b["chart_claims"]["claimant"]) == {"Agency A", "Agency C", "Agency D"}
    assert list(b["other_figures"]["claimant"]) == ["Agency B"]
    assert list(b["undated"]["claimant"]) == ["Agency C"] and b["n_undated"] == 1
    assert "Agency C" not in set(b["key_judgments"]["claimant"])
    kj = dict(zip(b["key_judgments"]["claimant"], b["key_judgments"]["claim_date"]))
    assert kj["Agency D"].endswith("~") and not kj["Agency A"].endswith("~")
    assert "1 claim without a claim date is not drawn" in report.chart_caption(b)
    # without an `about` column every figure counts as North Korean
    b2 = report.prepare(Tables(arts, pd.DataFrame(columns=["article", "quote", "published"]),
                               figs.drop(columns="about"), pd.DataFrame()), params.validate({}, check_paths=False))
    assert len(b2["other_figures"]) == 0 and "Agency B" in set(b2["chart_claims"]["claimant"])


def test_sources_mark_inferred_dates_and_drop_an_empty_url_column():
    arts = _articles(3).assign(published_source=["text", "inferred", "manifest"])
    figs = pd.DataFrame([_figure(i, arts) for i in range(3)])
    b = report.prepare(Tables(arts, pd.DataFrame(columns=["article", "quote", "published"]), figs, pd.DataFrame()),
                       params.validate({}, check_paths=False))
    src = b["sources"].set_index("article")
    assert src.loc["a0001.txt", "published"].endswith("~") and not src.loc["a0000.txt", "published"].endswith("~")
    assert "url" not in src.columns
    html = report.html_table(b["sources"], css_class="sources")
    assert 'id="src-1"' in html and "a0000.txt" in html


# ------------------------------------------------------------------------------------------- appendix

def test_excel_keeps_scraped_text_as_text(tmp_path):
    from openpyxl import load_workbook

    frames = {"Quotes": pd.DataFrame({"quote": ["=HYPERLINK(\"http://x\",\"click\")", "plain"],
                                      "n_sources": [2, None]})}
    path = appendix.write_excel(frames, tmp_path / "b.xlsx")
    ws = load_workbook(path)["Quotes"]
    assert ws["A2"].value == '=HYPERLINK("http://x","click")' and ws["A2"].data_type == "s"
    assert ws["B2"].value == 2 and ws["B3"].value is None
    assert zipfile.is_zipfile(path) and not list(tmp_path.glob(".*tmp*"))


def test_appendix_links_are_relative_and_escaped(tmp_path):
    b = report.prepare(_tables(20, 40, 30), params.validate({}, check_paths=False))
    written = appendix.write_appendix(b, tmp_path)
    assert {"claims.csv", "quotes.csv", "sources.csv", "briefing.xlsx"} <= set(written)
    html = appendix.links_html(written, ["figures.csv"])
    assert 'href="appendix/claims.csv"' in html and 'href="data/figures.csv"' in html


def test_a_quotation_reported_again_in_the_window_is_shown_with_its_first_date():
    arts = _articles(3000)  # dates 2025-01-01 .. 2025-10-27: window = the last 30 days
    old, new = arts["article"].iloc[0], arts["article"].iloc[-1]
    q = pd.DataFrame([_quote(0, arts, article=old, published="2025-01-01", quote="We will not stop now"),
                      _quote(0, arts, article=new, published=arts["published"].iloc[-1],
                             quote="We will not stop now."),
                      _quote(1, arts, article=old, published="2025-01-01", quote="An old line nobody repeated")])
    figs = pd.DataFrame([_figure(2999 - i, arts) for i in range(3)])  # the latest claims end the window
    b = report.prepare(Tables(arts, q, figs, pd.DataFrame()), params.validate({}, check_paths=False))
    shown = b["quotes_by_actor"]
    assert list(shown["quote"]) == ["We will not stop now"] and shown["date"][0] == "2025-01-01"
    assert shown["reports"][0] == 2


def test_the_briefing_reads_none_of_the_columns_it_leaves_on_disk(tmp_path):
    # The notebook loads the tables without report.NOT_READ (an archive's figures are mostly those
    # columns): the pages must come out the same as from the whole tables.
    from pathlib import Path

    from briefing.pipeline import load_tables, run_extract

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    run_extract([str(seeds)], tmp_path / "data", quiet=True, workers=1)
    p = params.validate({}, check_paths=False)
    whole = report.prepare(load_tables(tmp_path / "data"), p, report.load_previous_figures(tmp_path / "data"))
    lean_tables = load_tables(tmp_path / "data", text=False, skip=report.NOT_READ)
    assert "claim_date_evidence" not in lean_tables.figures.columns
    lean = report.prepare(lean_tables, p, report.load_previous_figures(tmp_path / "data"))
    frames = [k for k, v in whole.items() if isinstance(v, pd.DataFrame)]
    assert len(whole["figures_by_claimant"]) and len(whole["quotes_by_actor"])
    for key in frames:
        # the appendix's claims keep their first report's sentence only when it was loaded
        w, l = (whole[key].drop(columns="sentence", errors="ignore"), lean[key].drop(columns="sentence", errors="ignore"))
        pd.testing.assert_frame_equal(w, l, check_dtype=False, obj=key)


def test_table_strings_become_shared_objects_with_missing_values_kept():
    from briefing.pipeline import object_strings

    df = pd.DataFrame({"claimant": pd.array(["NIS", None, "NIS", "Pentagon"], dtype="string[pyarrow]"),
                       "value": [1.0, 2.0, None, 4.0]})
    out = object_strings(df)
    assert out["claimant"].dtype == object and out["claimant"][0] is out["claimant"][2]
    assert out["claimant"][1] is pd.NA and out["claimant"][3] == "Pentagon"
    assert out["value"].equals(df["value"])
