"""Dates across a corpus: the development set scored by `briefing evaluate`'s date checks, and
"what changed" when articles are added (an article's dates never move because others arrived)."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from briefing.actors import default_registry
from briefing.evaluate import format_dates, score_dates
from briefing.pipeline import extract_tables
from briefing.reader import read_corpus
from briefing.report import what_changed

DEV = Path(__file__).resolve().parent / "data" / "dev"


@pytest.fixture(scope="module")
def dev_tables():
    if not (DEV / "gold.json").exists():
        pytest.fail("tests/data/dev is missing: the development set is part of the repository")
    corpus = read_corpus([DEV / "articles"], {}, progress=False)      # no manifest: the text alone
    return extract_tables(corpus.articles, default_registry())


def test_dev_set_dates_are_never_wrong(dev_tables):
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    d = score_dates(gold, dev_tables.articles, dev_tables.figures)
    report = format_dates(d)
    assert d["n"] == len(gold["articles"]) and not d["missing"], report
    assert not d["wrong"] and not d["future"] and not d["wrong_bound"], report
    assert not d["claims_outside"] and not d["claims_future"], report
    # every article whose text gives its date in a form the rules read (84 of the 136, 61.8%; issue 8
    # asks 60%: the rest give only weekdays, a month-day without a year, a date relative to when the
    # page was saved, links to other pages, a slashed date that reads both ways on a page whose outlet's
    # habit we do not know, or nothing) is dated to the day
    assert d["dated_share"] >= 84 / 136, report
    # of the gold claim dates on matched figures, 542 right and 67 wrong: the article's day where the
    # annotators read more than the rules (an introduction summing up what an official said, a live
    # blog's entry heading, a speaker named earlier only by role, a claimant not found, an interview's day
    # given once at its top, "He received us on Wednesday", a briefing's day stated in another paragraph,
    # and in the 32 articles added later on 2026-11-23 a document's own date, "an assessment dated
    # Jan. 30", and a day-before briefing the headline sums up). None is after its article (checked above).
    assert d["claim_right"] >= 8 * len(d["claim_wrong"]), report


def test_what_changed_lists_only_figures_from_added_articles(tmp_path):
    files = sorted((DEV / "articles").glob("*.txt"))
    first, added = files[:20], files[20:24]
    (tmp_path / "before").mkdir()
    (tmp_path / "after").mkdir()
    for f in first:
        shutil.copy(f, tmp_path / "before" / f.name)
        shutil.copy(f, tmp_path / "after" / f.name)
    for f in added:
        shutil.copy(f, tmp_path / "after" / f.name)
    reg = default_registry()
    today = dt.date(2026, 1, 1)
    before = extract_tables(read_corpus([tmp_path / "before"], {}, progress=False, today=today).articles, reg)
    after = extract_tables(read_corpus([tmp_path / "after"], {}, progress=False, today=today).articles, reg)
    # the old articles' rows are unchanged, dates included
    cols = ["article", "surface", "claim_date", "claim_date_flag", "period_start", "period_end"]
    old = after.figures[after.figures["article"].isin({f.name for f in first})]
    pd.testing.assert_frame_equal(old[cols].reset_index(drop=True), before.figures[cols].reset_index(drop=True))
    changed = what_changed(after.figures, before.figures)
    assert len(changed) and set(changed["article"]) <= {f.name for f in added}


def test_score_dates_counts_each_kind_of_error():
    gold = {"articles": [{"file": f, "published_earliest": "2024-11-04", "published_latest": "2024-11-05"}
                         for f in "abcdefg"],
            "figures": [{"file": "a", "surface": "1,500", "value": 1500, "claim_date": "2024-11-01"},
                        {"file": "a", "surface": "300", "value": 300, "claim_date": "2024-11-04"},
                        {"file": "b", "surface": "700", "value": 700, "claim_date": "2024-11-05"},
                        {"file": "a", "surface": "40", "value": 40, "claim_date": "2024-10-30"},
                        {"file": "a", "surface": "50", "value": 50, "claim_date": "2024-10-30"}]}
    arts = pd.DataFrame([
        {"article": "a", "published": "2024-11-05", "published_precision": "day", "published_earliest": "2024-11-05",
         "published_latest": "2024-11-05"},                                                     # right
        {"article": "b", "published": "2024-11-07", "published_precision": "day"},            # wrong
        {"article": "c", "published": "2099-01-01", "published_precision": "day"},            # wrong, future
        {"article": "d", "published": "", "published_precision": "window", "published_earliest": "2024-11-01",
         "published_latest": "2024-11-30"},                                                     # window right
        {"article": "e", "published": "", "published_precision": "window", "published_earliest": "2024-11-05",
         "published_latest": "2024-11-30"},                                                     # window misses the 4th
        {"article": "f", "published": "", "published_precision": "unknown", "published_earliest": "2024-12-01"},
        {"article": "g", "published": "", "published_precision": "unknown", "published_earliest": ""},
    ])
    figs = pd.DataFrame([
        {"article": "a", "surface": "1,500", "value": 1500.0, "claim_date": "2024-11-01"},     # right
        {"article": "a", "surface": "300", "value": 300.0, "claim_date": "2024-11-05"},        # wrong day
        {"article": "b", "surface": "700", "value": 700.0, "claim_date": ""},                  # undated
        {"article": "b", "surface": "9", "value": 9.0, "claim_date": "2024-11-09"},            # after the article
        {"article": "c", "surface": "8", "value": 8.0, "claim_date": "2023-10-01"},            # > a year before
        {"article": "a", "surface": "40", "value": 40.0, "claim_date": "2024-10-28",
         "claim_date_end": "2024-11-03"},                                                     # its week holds it
        {"article": "a", "surface": "50", "value": 50.0, "claim_date": "2024-10-01",
         "claim_date_end": "2024-10-29"},                                                     # window misses it
    ])
    d = score_dates(gold, arts, figs, today=dt.date(2025, 1, 1))
    assert (d["day_right"], len(d["wrong"]), len(d["future"]), d["window_right"], d["unknown"]) == (1, 3, 1, 1, 2)
    assert [w.split(":")[0] for w in d["wrong_bound"]] == ["f"]
    assert (d["claims"], len(d["claims_outside"])) == (6, 2)
    assert (d["claim_right"], d["claim_window"], len(d["claim_wrong"]), len(d["claim_undated"])) == (1, 1, 2, 1)
    assert "dated to the day 14.3%" in format_dates(d)
