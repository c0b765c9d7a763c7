"""The figure extractor against the hand annotation of the five seed articles (tests/data/seeds_gold.json).

The seeds are scored, never special-cased: the rules are tested on our own sentences in test_figures.py.
"""
import json
from pathlib import Path

import pandas as pd
import pytest

from briefing.claims import merge_claims
from briefing.evaluate import score_figures
from briefing.figures import extract_figures

GOLD = Path(__file__).resolve().parent / "data" / "seeds_gold.json"


@pytest.fixture(scope="module")
def seed_figures(seeds_corpus) -> pd.DataFrame:
    return pd.concat([extract_figures(a.text, article=a.article, published=a.published,
                                      published_source=a.published_source)
                      for a in seeds_corpus.articles], ignore_index=True)


def test_seeds_figure_targets(seed_figures):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    r = score_figures(gold, seed_figures)
    assert r["f1"] >= 0.95, r
    assert r["qualifier_accuracy"] >= 0.95, r
    assert r["claimant_accuracy"] >= 0.95, r


def test_seed_rows_point_into_the_cleaned_text(seed_figures, seeds_corpus):
    texts = {a.article: a.text for a in seeds_corpus.articles}
    for r in seed_figures.itertuples():
        assert texts[r.article][r.start:r.end] == r.surface
        # inferred publication dates flag every claim date drawn from them; undated articles give
        # undated claims, never a day borrowed from the other articles
        art = {a.article: a for a in seeds_corpus.articles}[r.article]
        assert r.claim_date_flag == ("inferred" if art.published_source == "inferred" else "")
        assert (r.claim_date == "") == (art.published_precision == "unknown")


def test_seed_claims_merge_across_copies(seed_figures):
    copy = seed_figures.assign(article=seed_figures["article"] + ".copy")
    arts = pd.DataFrame({"article": list(seed_figures["article"].unique()) + list(copy["article"].unique()), "outlet": "X"})
    claims = merge_claims(pd.concat([seed_figures, copy], ignore_index=True), arts)
    assert len(claims) == len(seed_figures) and (claims["n_sources"] == 2).all()
