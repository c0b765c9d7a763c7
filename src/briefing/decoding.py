"""Bytes -> text, whatever the encoding a scraper left behind.

UTF-8 (with or without BOM) is tried strictly first: it is what almost every
modern page is, and decoding it costs nothing. Anything else goes through
charset-normalizer, which tells cp1252, EUC-KR and Latin-1 apart by their
byte statistics; we only look at the first 256 KB to keep huge files bounded.
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


def decode(raw: bytes) -> Decoded:
    if raw.startswith(codecs.BOM_UTF8):
        return Decoded(_newlines(raw[3:].decode("utf-8", errors="replace")), "utf-8-sig")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(_newlines(raw.decode("utf-16", errors="replace")), "utf-16")
    if b"\x00" in raw[:_SAMPLE]:
        raise BinaryFile("binary file (NUL bytes)")
    try:
        return Decoded(_newlines(raw.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw[:_SAMPLE]).best()
    if best is None:
        raise BinaryFile("no text encoding fits the bytes")
    enc = best.encoding
    # charset-normalizer names cp1252 as such; plain latin-1 files decode the same
    # way except for 0x80-0x9f, where cp1252 has the curly quotes scrapers love.
    return Decoded(_newlines(raw.decode(enc, errors="replace")), enc)


# C0 control characters other than tab and newline carry nothing a reader sees; vertical tab,
# form feed and the Unicode line/paragraph separators end a line as a newline would.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _newlines(text: str) -> str:
    return _CONTROLS.sub("", _BREAKS.sub("\n", text))
