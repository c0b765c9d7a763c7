"""Property tests of the quote and figure extractors (issue 11): on any text, hostile or article-shaped,
with surrogates and odd characters, extraction raises nothing, every row's offsets give back its quote
or surface, and every row's stored sentence holds its span.

The strategies are shared with the reader's property test (tests/strategies.py). Texts go through the
reader first (as they do in a run: unpaired surrogates replaced, controls dropped), and also straight
into the extractors (as a caller of `article_rows` might pass them).
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.extract import article_rows
from briefing.reader import Skip, from_text
from strategies import article_text, hostile_text

EXAMPLES = int(os.environ.get("BRIEFING_PROPERTY_EXAMPLES", "150"))
PROFILE = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                                HealthCheck.data_too_large])


def _check(text: str, title: str = "") -> None:
    quotes, figures = article_rows(text, article="x.txt", published="2024-10-22", title=title)
    for r in quotes:
        assert text[r["start"]:r["end"]] == r["quote"]
        assert r["quote"] in r["sentence"] or len(r["sentence"]) >= 300, r
    for r in figures:
        field = text if r["field"] == "text" else title
        assert field[r["start"]:r["end"]] == r["surface"], r
        s = r["sentence_start"]
        assert field[s:s + len(r["sentence"])] == r["sentence"], r
        assert s <= r["start"] and r["end"] <= s + len(r["sentence"]), r


@PROFILE
@given(st.one_of(hostile_text, article_text), hostile_text)
def test_extractors_on_any_text(text, title):
    _check(text, title)


@PROFILE
@given(article_text)
def test_extractors_on_text_as_the_reader_leaves_it(raw):
    try:
        art = from_text("x.txt", raw)
    except Skip:
        return
    _check(art.text, art.title)
