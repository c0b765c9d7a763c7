"""The quote extractor against the hand annotation of the five seed articles (tests/data/seeds_gold.json).

The seeds are scored, never special-cased: the rules are tested on our own sentences in test_quotes.py.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from briefing.actors import default_registry
from briefing.evaluate import score_quotes
from briefing.quotes import extract_quotes

GOLD = Path(__file__).resolve().parent / "data" / "seeds_gold.json"


@pytest.fixture(scope="module")
def seed_quotes(seeds_corpus) -> pd.DataFrame:
    reg = default_registry()
    return pd.concat([extract_quotes(a.text, article=a.article, published=a.published, registry=reg)
                      for a in seeds_corpus.articles], ignore_index=True)


def test_seeds_quote_precision_recall_and_speakers(seed_quotes):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    score = score_quotes(gold, seed_quotes)
    report = "\n".join(score["misses"] + score["spurious"] + score["wrong_speakers"])
    assert score["precision"] >= 0.95, report
    assert score["recall"] >= 0.95, report
    assert score["speaker_accuracy"] >= 0.95, report


def test_seed_rows_point_into_the_cleaned_text(seed_quotes, seeds_corpus):
    texts = {a.article: a.text for a in seeds_corpus.articles}
    assert len(seed_quotes) > 20
    for r in seed_quotes.itertuples():
        assert texts[r.article][r.start:r.end] == r.quote
        s = texts[r.article].find(r.sentence)
        assert 0 <= s <= r.start and r.end <= s + len(r.sentence)
        assert r.speaker or r.is_fragment


def test_no_speaker_role_repeats_its_own_title(seed_quotes):
    # "Vice Defense Minister; Vice Minister": a title written in the name's run that the role already holds
    for role in seed_quotes["role"].dropna().unique():
        parts = [set(p.lower().split()) for p in str(role).split("; ")]
        assert not any(a <= b for i, a in enumerate(parts) for j, b in enumerate(parts) if i != j), role
