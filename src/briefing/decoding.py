"""Bytes -> text, whatever the encoding a scraper left behind.

UTF-8 (with or without BOM) is tried strictly first: it is what almost every
modern page is, and decoding it costs nothing. A file that is UTF-8 except for
a few bytes (a scraper that cut a character in two, one stray Latin-1 byte)
stays UTF-8 with those bytes replaced by U+FFFD and counted: handing it to
encoding detection would turn every curly quote in it into mojibake. An English
page saved by a Windows tool (ASCII with cp1252 curly quotes and dashes) is cp1252; any other
file that is not UTF-8 at all goes through charset-normalizer, which tells
cp1252, EUC-KR and Latin-1 apart by their byte statistics; we only look at the
first 256 KB to keep huge files bounded.

`normalise` is the character-level clean-up every article's text gets,
whatever it came from (a decoded file or a JSON string): line breaks, control
characters, zero-width characters and unpaired surrogates.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

_SAMPLE = 256 * 1024


class BinaryFile(ValueError):
    """The bytes are not text (NUL bytes, or no encoding fits)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    replaced: int = 0          # bytes that were not valid in `encoding`, each now U+FFFD
    first_bad_line: int = 0    # 1-based line of the first of them (0 when none)

    def warning(self) -> str:
        """'' or the phrase a reader warning gives about the replaced bytes."""
        if not self.replaced:
            return ""
        n = self.replaced
        return (f"{n} byte{'s' * (n != 1)} not valid {self.encoding} replaced with U+FFFD "
                f"(first on line {self.first_bad_line})")


# Bytes that are not UTF-8 come out of the 'surrogateescape' decoder as U+DC80..U+DCFF, one per byte,
# which lets us count and locate them in one pass; valid non-ASCII characters are everything else above
# U+007F. A legacy-encoded file (cp1252, EUC-KR, cp1251, Shift-JIS...) has at most about one valid
# UTF-8 sequence by accident for every five bad bytes (measured on news text in eleven encodings); a
# UTF-8 file with a few bad bytes has many more valid characters than bad bytes. Equal counts are
# the line between them, with a wide margin on the legacy side.
_ESCAPED = re.compile(r"[\udc80-\udcff]")
_ASCII = bytes(range(128))


def decode(raw: bytes) -> Decoded:
    if raw.startswith(codecs.BOM_UTF8):
        return _utf8(raw[3:], "utf-8-sig")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16", errors="replace")
        replaced = text.count("\ufffd")
        return Decoded(_newlines(text), "utf-16", replaced, _line_of(text, text.find("\ufffd")) if replaced else 0)
    if b"\x00" in raw[:_SAMPLE]:
        raise BinaryFile("binary file (NUL bytes)")
    try:
        return Decoded(_newlines(raw.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    escaped = raw.decode("utf-8", errors="surrogateescape")
    # Counted without a Python-level loop (a 20 MB file can hold millions of either): each bad byte
    # is one escaped character, each ASCII byte one character, the rest valid non-ASCII characters.
    bad = len(escaped) - len(_ESCAPED.sub("", escaped))
    ascii_bytes = len(raw) - len(raw.translate(None, _ASCII))
    valid = len(escaped) - bad - ascii_bytes
    if valid >= bad:
        return _utf8(raw, "utf-8", escaped)
    if _english_cp1252(raw):
        return Decoded(_newlines(raw.decode("cp1252")), "cp1252")
    best = from_bytes(raw[:_SAMPLE]).best()
    if best is None:
        raise BinaryFile("no text encoding fits the bytes")
    enc = best.encoding
    # charset-normalizer names cp1252 as such; plain latin-1 files decode the same
    # way except for 0x80-0x9f, where cp1252 has the curly quotes scrapers love.
    return Decoded(_newlines(raw.decode(enc, errors="replace")), enc)


# Windows-1252's typographic bytes: curly quotes, angle quotes (a breadcrumb's ›), dashes, ellipsis, bullet,
# daggers, euro, trade mark. An English page saved by a Windows tool is ASCII with a sprinkling of these
# (and perhaps a Latin-1 letter); byte
# statistics on so few bytes are a coin toss (charset-normalizer has named such files cp775, cp1125 or
# mac_latin2, turning every quotation mark into a letter). The bytes 0x80-0x9f are letters in those
# encodings but punctuation here, so a mostly-ASCII file whose only bytes in that range are these is
# cp1252, and so is one whose few non-ASCII bytes are all Western European letters (a Latin-1 page: "Agência"
# read as cp1250 is "Agęncia"); a Cyrillic or Korean file has far more non-ASCII bytes than the share allowed.
_CP1252_TYPOGRAPHIC = frozenset(b"\x80\x82\x84\x85\x86\x87\x8b\x91\x92\x93\x94\x95\x96\x97\x99\x9b")
_C1 = bytes(range(0x80, 0xA0))
_ENGLISH_SHARE = 0.05
_WESTERN = frozenset("áéíóúàèìòùâêîôûãõçñäëïöüÿßÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÃÕÇÑÄËÏÖÜæøåÆØÅœ£€°«»·\u00a0")


def _english_cp1252(raw: bytes) -> bool:
    sample = raw[:_SAMPLE]
    high = sample.translate(None, _ASCII)
    if not high or len(high) > _ENGLISH_SHARE * len(sample):
        return False
    c1 = set(high) - set(high.translate(None, _C1))
    if not c1 <= _CP1252_TYPOGRAPHIC:
        return False
    # (with no typographic byte, only Western European letters: "Agência", "Español", not a Polish "³")
    if not c1 and not all(ch in _WESTERN for ch in bytes(set(high)).decode("latin-1")):
        return False
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _utf8(raw: bytes, name: str, escaped: str | None = None) -> Decoded:
    if escaped is None:
        escaped = raw.decode("utf-8", errors="surrogateescape")
    first = _ESCAPED.search(escaped)
    if first is None:
        return Decoded(_newlines(escaped), name)
    line = _line_of(escaped, first.start())
    text, n = _ESCAPED.subn("\ufffd", escaped)
    return Decoded(_newlines(text), name, n, line)


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, max(0, pos)) + 1


# C0 control characters other than tab and newline carry nothing a reader sees; vertical tab,
# form feed and the Unicode line/paragraph separators end a line as a newline would.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _newlines(text: str) -> str:
    return _CONTROLS.sub("", _BREAKS.sub("\n", text))


# Zero-width characters a CMS leaves in its text. A zero-width space marks a word boundary, so it
# becomes a space ("1,000\u200btroops" is the figure "1,000 troops"; runs of spaces are collapsed
# later). The word joiner, a BOM inside the text and the soft hyphen join what is on either side, so
# they go. ZWJ and ZWNJ stay: they shape Persian, Indic scripts and emoji.
_ZERO_WIDTH_SPACE = re.compile("\u200b")
_JOINERS = re.compile("[\u2060\ufeff\u00ad]")
# A lone surrogate is not a character: it cannot be written as UTF-8 (to a CSV, a hash, a page). JSON
# can still spell one ("\ud800"); a proper pair is already one character by the time we see it.
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def scrub_surrogates(text: str) -> tuple[str, int]:
    """`text` with every unpaired surrogate replaced by U+FFFD, and how many there were."""
    if _SURROGATES.search(text) is None:
        return text, 0
    return _SURROGATES.subn("\ufffd", text)


# Quotation marks of other languages, as a translated or foreign-desk story keeps them: German and
# Baltic „…“ (the closing mark is the English opening one), Polish „…”, French and Russian «…», and their
# single forms ‚…‘ ‹…›. Read as English marks, one character for one, so offsets stay and every quote
# rule applies: a quote in « » is a quote.
_LOW_OPEN = {"„": ("“", "”"), "‚": ("‘", "’")}
_ANGLE_SPACE = re.compile("([«‹])[ \u00a0\u202f]+|[ \u00a0\u202f]+([»›])")    # French « … »: the spaces inside go
_ANGLE = str.maketrans({"«": "“", "»": "”", "‹": "‘", "›": "’"})
# German, Danish and Swedish copy points the angles inward: »…« and ›…‹. A text is read that way when a »
# opens words ("warns: »Kim") and a « closes them, with no « before (a breadcrumb "Home » World" opens nothing)
_INWARD = str.maketrans({"»": "“", "«": "”", "›": "‘", "‹": "’"})
_INWARD_PAIR = re.compile(r"»[^\s»«][^»«\n]*«")


def english_quote_marks(text: str) -> str:
    if not any(ch in text for ch in "„‚«»‹›"):
        return text
    inward = _INWARD_PAIR.search(text)
    if inward and "«" not in text[:inward.start()]:
        text = text.translate(_INWARD)
    else:
        text = _ANGLE_SPACE.sub(lambda m: m.group(1) or m.group(2), text).translate(_ANGLE)
    if "„" not in text and "‚" not in text:
        return text
    out = list(text)
    want: dict[str, str] = {}      # English opening mark -> the closing it stands for, while a low mark is open
    for i, ch in enumerate(out):
        if ch in _LOW_OPEN:
            eng, close = _LOW_OPEN[ch]
            out[i] = eng
            want[eng] = close
        elif ch in want:
            out[i] = want.pop(ch)     # „…“: this “ closes
        elif ch == "\n" and want:
            want.clear()              # a mark never closes across a paragraph
        elif ch in "”’" and {"”": "“", "’": "‘"}[ch] in want:
            want.pop({"”": "“", "’": "‘"}[ch])   # „…” (Polish): already English
    return "".join(out)


@dataclass(frozen=True)
class Normalised:
    text: str
    surrogates: int            # unpaired surrogates replaced with U+FFFD
    first_surrogate_line: int  # 1-based line of the first (0 when none)


def normalise(text: str) -> Normalised:
    """Line breaks as \\n, no control characters, zero-width characters resolved, surrogates replaced."""
    first = _SURROGATES.search(text)
    line = _line_of(text, first.start()) if first else 0
    text, n = scrub_surrogates(text)
    text = english_quote_marks(_JOINERS.sub("", _ZERO_WIDTH_SPACE.sub(" ", text)))
    return Normalised(_newlines(text), n, line)
