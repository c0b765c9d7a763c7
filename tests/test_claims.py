import pandas as pd

from briefing.claims import COLUMNS, merge_claims
from briefing.figures import extract_figures


def _f(text, article, published):
    return extract_figures(text, article=article, published=published, published_source="text")


def test_same_claim_two_outlets_merges():
    a = _f("The US State Department said about 10,000 troops were in Russia.", "a.txt", "2024-10-30")
    b = _f("Roughly 10,000 troops are in Russia, according to the US State Department.", "b.txt", "2024-11-02")
    arts = pd.DataFrame({"article": ["a.txt", "b.txt"], "outlet": ["Reuters", "Yonhap"]})
    c = merge_claims(pd.concat([a, b], ignore_index=True), arts)
    assert list(c.columns) == COLUMNS and len(c) == 1
    r = c.iloc[0]
    assert (r.n_sources, r.outlets, r.first_published, r.actor_id) == (2, "Reuters;Yonhap", "2024-10-30", "us_state_department")


def test_different_claimant_value_or_far_dates_stay_apart():
    a = _f("The US State Department said 10,000 troops were in Russia.", "a.txt", "2024-10-30")
    b = _f("NATO said 10,000 troops were in Russia.", "b.txt", "2024-10-30")
    c = _f("The US State Department said 11,000 troops were in Russia.", "c.txt", "2024-10-30")
    d = _f("The US State Department said 10,000 troops were in Russia.", "d.txt", "2025-03-01")
    claims = merge_claims(pd.concat([a, b, c, d], ignore_index=True), pd.DataFrame({"article": [], "outlet": []}))
    assert len(claims) == 4 and (claims["n_sources"] == 1).all()


def test_empty():
    assert list(merge_claims(extract_figures(""), pd.DataFrame()).columns) == COLUMNS
