"""Hypothesis strategies for hostile input, shared by the reader's and the extractors' property tests.

What a scraper can leave in a corpus folder: text with unpaired surrogates, control and zero-width
characters, curly and straight quotes left open, numbers glued to nouns, huge lines; bytes in mixed
encodings, cut multibyte characters, stray high bytes, NULs; JSONL lines whose records are not what
they should be. Article-like vocabulary is mixed in so the extractors' code paths (speech verbs,
numbers, units, names) are reached, not only the "nothing here" path.

    from strategies import article_text, hostile_text, hostile_bytes, jsonl_lines
"""
from __future__ import annotations

import codecs
import json

from hypothesis import strategies as st

# Words that make the quote and figure extractors work: speakers, speech verbs, numbers in their
# forms, counted nouns, qualifiers, quote marks of every kind.
WORDS = [
    "Kim", "Jong", "Un", "Zelenskyy", "Seoul", "Kyiv", "Moscow", "Pyongyang", "officials", "the", "ministry",
    "said", "told", "according", "to", "claimed", "denied", "added", "warned", "he", "she", "they",
    "troops", "soldiers", "shells", "containers", "casualties", "killed", "sent", "about", "over", "up",
    "more", "than", "at", "least", "nearly", "some", "1,000", "12,000", "3.5", "million", "10,000-12,000",
    "7", "thousands", "dozens", "one", "hundred", "2024", "Oct.", "Monday", "in", "Kursk", "North", "Korea",
    "Russia", "Ukraine", "spokesman", "President", "Yonhap", "(Yonhap)", "—", "-", ",", ".", ";", ":", "?", "!",
    '"', "“", "”", "‘", "’", "'", "«", "»", "「", "」", "(", ")", "[", "]", "…",
]

# Characters a reader must survive and clean: controls, breaks, zero-width and joiners, BOMs,
# bidi marks, replacement char, combining marks, unpaired surrogates, astral characters.
ODD_CHARS = [
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1c", "\x7f", "\x85", "\r", "\r\n", "\n", "\n\n", "\t",
    "\u00a0", "\u00ad", "\u2009", "\u202f", "\u3000", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
    "\u200e", "\u200f", "\u202e", "\u2028", "\u2029", "\ufffd", "\u0301", "\ud800", "\udbff", "\udc00",
    "\udfff", "\U0001f600", "\U00010348", "북한", "Ж", "ß", "é",
]

_word = st.sampled_from(WORDS)
_odd = st.sampled_from(ODD_CHARS)
# Any code point at all, surrogates included (st.text excludes them by default).
_any_char = st.characters(codec=None, exclude_categories=())


def _join(parts: list[str]) -> str:
    return "".join(parts)


_token = st.one_of(
    _word.map(lambda w: w + " "),
    _word,
    _odd,
    st.text(alphabet=_any_char, max_size=8),
)

hostile_text = st.lists(_token, max_size=80).map(_join)
"""Short texts mixing article words, quote marks, numbers and odd characters (surrogates included)."""

_sentence = st.lists(_word, min_size=3, max_size=25).map(" ".join)
_line = st.one_of(
    st.lists(_sentence, min_size=1, max_size=4).map(" ".join),
    hostile_text,
    # a huge line: one piece repeated (the shapes that once made extraction quadratic)
    st.tuples(st.sampled_from(['He said "', 'Kim said "Yes." ', '"', "Kim said 'yes ", "1,000 troops ",
                               "\u200b", "Officials said 1,000 troops were sent. "]),
              st.integers(min_value=200, max_value=3000)).map(lambda t: t[0] * t[1]),
)

article_text = st.lists(_line, min_size=1, max_size=12).map("\n".join)
"""Article-shaped texts: lines of sentences, hostile fragments and a few very long repeated lines."""


# --- bytes --------------------------------------------------------------------------------------

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "euc-kr", "cp1251", "shift_jis", "gb2312"]


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace") if encoding != "utf-8" else text.encode("utf-8", "surrogatepass")


_segment = st.tuples(st.one_of(hostile_text, _sentence), st.sampled_from(ENCODINGS)).map(lambda t: _encode(*t))


def _mangle(data: bytes, cuts: list[int], junk: bytes) -> bytes:
    """Cut the bytes at a few places (splitting multibyte characters) and drop junk bytes in."""
    if not data:
        return junk
    out = bytearray(data)
    for c in sorted(cuts, reverse=True):
        i = c % (len(out) + 1)
        out[i:i] = junk[:3]
        if i < len(out):
            del out[i:i + 1]
    return bytes(out)


hostile_bytes = st.one_of(
    st.binary(max_size=400),
    st.lists(_segment, min_size=1, max_size=6).map(b"".join),         # mixed encodings in one file
    st.tuples(article_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
              st.lists(st.integers(min_value=0), max_size=4),
              st.binary(min_size=1, max_size=3)).map(lambda t: _mangle(*t)),
    st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b""]).flatmap(
        lambda bom: st.binary(max_size=200).map(lambda b: bom + b)),
)
"""File contents: random bytes, mixed encodings, UTF-8 with cut characters and stray bytes, BOMs."""


# --- JSONL ------------------------------------------------------------------------------------

_json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), hostile_text)
_json_value = st.recursive(_json_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)), max_leaves=8)

_record = st.fixed_dictionaries(
    {},
    optional={"text": st.one_of(article_text, _json_value), "title": _json_value, "url": _json_value,
              "outlet": _json_value, "published": st.one_of(st.sampled_from(["2024-10-23", "Oct. 23, 2024", "yesterday",
                                                                               "2024-13-45", "0"]), _json_value),
              "author": _json_value, "extra": _json_value},
)


def _dump(value) -> str:
    # ensure_ascii writes unpaired surrogates as \ud800 escapes, as a scraper's JSON encoder would
    return json.dumps(value, ensure_ascii=True)


jsonl_lines = st.lists(st.one_of(
    _record.map(_dump),
    _json_value.map(_dump),                                   # a line that is not an object
    hostile_text.map(lambda t: t.replace("\n", " ")),         # a line that is not JSON
    st.just(""),
    st.integers(min_value=1, max_value=3000).map(lambda n: "[" * n),   # nested too deep / unterminated
), max_size=8).map("\n".join)
"""The text of a .jsonl file: odd records, non-objects, non-JSON lines, blank lines."""
