"""Property tests of the reader: on any bytes or text a scraper can leave, no exception but a named skip,
and the cleaned text keeps its invariants (issue 11). The extractors' half reuses tests/strategies.py."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.decoding import BinaryFile, decode, normalise
from briefing.errors import UserError
from briefing.pipeline import articles_frame
from briefing.reader import Skip, from_text, read_corpus, read_file
from strategies import article_text, hostile_bytes, hostile_text, jsonl_lines

# The machine is shared: no per-example deadline; examples kept modest so `make test` stays quick.
# BRIEFING_PROPERTY_EXAMPLES=5000 runs a longer search (as done before committing these tests).
N = int(os.environ.get("BRIEFING_PROPERTY_EXAMPLES", "150"))
FAST = settings(max_examples=N, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=max(1, N // 5), deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Nothing a reader sees is lost by leaving these out of the cleaned text; each is a bug if present.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\u200b\u2060\ufeff\u00ad\ud800-\udfff]")


def _check_decoded(text: str) -> None:
    """What decoding alone guarantees: writable as UTF-8, lines end in \\n, no control characters."""
    text.encode("utf-8")
    assert "\r" not in text and not re.search("[\x00-\x08\x0b-\x1f\x7f]", text)


def _check_text(text: str) -> None:
    """The invariants of a decoded/normalised text."""
    text.encode("utf-8")                       # no unpaired surrogate: it can be hashed and written
    assert "\r" not in text
    assert not FORBIDDEN.search(text.replace("\t", "").replace("\n", ""))


def _check_article(a) -> None:
    _check_text(a.text)
    _check_text(a.raw_text)
    assert a.text and a.text == a.text.strip()
    for para in a.text.split("\n\n"):          # paragraphs: non-empty, trimmed, one line each
        assert para and para == para.strip() and "\n" not in para
    for value in (a.title, a.subtitle, a.outlet, a.author, a.url, a.published, a.article):
        value.encode("utf-8")
    assert re.fullmatch(r"[0-9a-f]{64}", a.sha256)
    assert a.n_words == len(a.text.split())
    assert all(isinstance(w, str) and w for w in a.warnings)


@FAST
@given(hostile_bytes)
def test_decode_any_bytes(raw):
    try:
        d = decode(raw)
    except BinaryFile:
        return
    _check_decoded(d.text)
    assert d.replaced >= 0 and (d.first_bad_line > 0) == (d.replaced > 0)


@FAST
@given(st.one_of(hostile_text, article_text))
def test_normalise_any_text(text):
    n = normalise(text)
    _check_text(n.text)
    assert normalise(n.text).text == n.text            # idempotent: reading twice changes nothing more
    assert n.surrogates == len(re.findall("[\ud800-\udfff]", text))


@FAST
@given(st.one_of(hostile_text, article_text))
def test_from_text_any_text(text):
    try:
        a = from_text("x.txt", text)
    except Skip as exc:
        assert str(exc)
        return
    _check_article(a)


def _read(name: str, data: bytes):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            return read_file(path)
        except Skip as exc:
            assert str(exc)
            return []


@FAST
@given(hostile_bytes)
def test_read_txt_any_bytes(raw):
    for a in _read("a.txt", raw):
        _check_article(a)


@FEW
@given(hostile_bytes)
def test_read_html_any_bytes(raw):
    for a in _read("a.html", raw):
        _check_article(a)


@FAST
@given(jsonl_lines, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_read_jsonl_any_records(text, encoding):
    arts = _read("feed.jsonl", text.encode(encoding, errors="surrogatepass" if encoding == "utf-8" else "replace"))
    for a in arts:
        _check_article(a)
        assert re.fullmatch(r"feed\.jsonl#\d+", a.article)


@FEW
@given(st.lists(st.tuples(st.sampled_from([".txt", ".jsonl", ".htm", ".md", ""]),
                          st.one_of(hostile_bytes, jsonl_lines.map(lambda t: t.encode("utf-8", "surrogatepass")))),
                max_size=6))
def test_read_corpus_any_folder(files):
    with tempfile.TemporaryDirectory() as tmp:
        for i, (suffix, data) in enumerate(files):
            (Path(tmp) / f"f{i}{suffix}").write_bytes(data)
        try:
            c = read_corpus([tmp], progress=False)
        except UserError as exc:
            assert "no articles found" in str(exc)
            return
        for a in c.articles:
            _check_article(a)
        assert len({a.sha256 for a in c.articles}) == len(c.articles)   # duplicates kept once
        frame = articles_frame(c.articles, with_text=True)
        frame.to_csv(Path(tmp) / "out.csv")                     # every field writes as UTF-8
        frame.to_parquet(Path(tmp) / "out.parquet")
        assert all(w.startswith("warning: ") for w in c.warnings)


@pytest.mark.parametrize("raw", [
    "Kyiv said “yes”".encode("utf-8")[:-1],                  # cut in the middle of the last character
    b"\xff" * 3 + "Seoul’s “no”".encode("utf-8"),
    "Ж".encode("utf-16-le"),                                # UTF-16 without a BOM
    "\ud800".encode("utf-8", "surrogatepass"),              # CESU-style bytes of a lone surrogate
])
def test_decode_examples_hypothesis_once_found(raw):
    try:
        _check_decoded(decode(raw).text)
    except BinaryFile:
        pass
