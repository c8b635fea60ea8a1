"""Bytes of a report → text: Unicode encodings detected, legacy Vietnamese font encodings converted.

Vietnamese reports reach us in more encodings than UTF-8: Windows "Unicode" files (UTF-16),
Windows-1258 (``cp1258``, tone marks as combining characters), and the font encodings of the
1990s–2000s that Vietnamese offices still type in: **TCVN3** (ABC, the ``.VnTime`` fonts: one
byte per letter) and **VNI** (``VNI-Times``: a base letter followed by a byte for its marks).
The legacy ones are not codecs Python or a detector knows: read as Windows-1252 they give
"Bé Th«ng tin" (TCVN3) or "Boä Thoâng tin" (VNI). They are recognised here by how Vietnamese
the text becomes under each reading, and converted to Unicode.

The detector for everything else is charset-normalizer (BOM-less UTF-16, other code pages).
"""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: Names accepted for the legacy font encodings (``--encoding tcvn3`` / ``vni``).
LEGACY_ALIASES = {
    "tcvn3": "tcvn3",
    "tcvn": "tcvn3",
    "abc": "tcvn3",
    "vn3": "tcvn3",
    "vntime": "tcvn3",
    "vni": "vni",
    "vni-windows": "vni",
    "vni_windows": "vni",
}
LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC, .VnTime fonts)", "vni": "VNI (VNI-Windows, VNI-Times fonts)"}


class EncodingError(ValueError):
    """Bytes that cannot be read as text in the encoding given or found."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text of some bytes and how it was read.

    ``converted`` is True when the text is not what ``bytes.decode(encoding)`` of a standard
    codec gives (a legacy font encoding converted to Unicode): then the offsets of a report
    point into this text, which the report carries as ``Report.text``.
    """

    text: str
    encoding: str
    converted: bool = False


# ---------------------------------------------------------------------- TCVN3 (ABC)
# TCVN 5712:1993 VN3, bytes 0xA1-0xFF (the same letters as glibc's TCVN5712-1 there). VN3 has
# no code for upper-case toned letters: documents draw them with the .VnTimeH font from the
# lower-case codes, so they come back lower-case. Bytes 0x80-0xA0 are read as Windows-1252.
_TCVN3_HIGH = (
    "ĂÂÊÔƠƯĐăâêôơưđ\0\0\0\0\0\0àảãáạ\0ằẳẵắ\0\0\0\0\0\0\0ặầẩẫấậè\0ẻẽéẹềểễếệìỉ\0\0\0ĩíịò\0ỏõóọồổỗốộ"
    "ờởỡớợù\0ủũúụừửữứựỳỷỹýỵ\0"
)
assert len(_TCVN3_HIGH) == 0x100 - 0xA1


@lru_cache(maxsize=1)
def _tcvn3_table() -> dict[int, str]:
    table = {b: bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0xA1)}
    table.update({0xA1 + i: ch for i, ch in enumerate(_TCVN3_HIGH) if ch != "\0"})
    return table


def _decode_tcvn3(data: bytes) -> str:
    table = _tcvn3_table()
    return "".join(table.get(b, chr(b)) if b >= 0x80 else chr(b) for b in data)


# ---------------------------------------------------------------------- VNI
# VNI-Windows: a base letter, then one byte (read as Windows-1252 below) for its hat and tone.
_VNI_TONES = {"ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HATS = {  # circumflex (â…ä) and breve (ê…ë) with their tones
    "â": "\u0302",
    "à": "\u0302\u0300",
    "á": "\u0302\u0301",
    "å": "\u0302\u0309",
    "ã": "\u0302\u0303",
    "ä": "\u0302\u0323",
    "ê": "\u0306",
    "è": "\u0306\u0300",
    "é": "\u0306\u0301",
    "ú": "\u0306\u0309",
    "ü": "\u0306\u0303",
    "ë": "\u0306\u0323",
}
_VNI_SINGLE = {"ñ": "đ", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "ô": "ơ", "ö": "ư", "î": "ỵ"}


@lru_cache(maxsize=1)
def _vni_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    seqs: dict[str, str] = {}
    for upper in (False, True):

        def case(s: str, up: bool = upper) -> str:
            return s.upper() if up else s

        for base in "aeouy":
            for mark, tone in _VNI_TONES.items():
                seqs[case(base) + case(mark)] = unicodedata.normalize("NFC", case(base) + tone)
        for base, hats in (("a", "âàáåãäêèéúüë"), ("e", "âàáåãä"), ("o", "âàáåãä")):
            for mark in hats:
                seqs[case(base) + case(mark)] = unicodedata.normalize("NFC", case(base) + _VNI_HATS[mark])
        for horn_byte, horn in (("ô", "ơ"), ("ö", "ư")):
            for mark, tone in _VNI_TONES.items():
                seqs[case(horn_byte) + case(mark)] = unicodedata.normalize("NFC", case(horn) + tone)
        for single, letter in _VNI_SINGLE.items():
            seqs[case(single)] = case(letter)
    # "Ê" (0xCA) is both the capital breve mark (after A) and a letter of its own: the pairs,
    # longest first, are tried before the single bytes.
    keys = sorted(seqs, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), seqs


def _vni_to_unicode(latin: str) -> str:
    pattern, seqs = _vni_pattern()
    return pattern.sub(lambda m: seqs[m.group()], latin)


def _decode_vni(data: bytes) -> str:
    return _vni_to_unicode(data.decode("cp1252", errors="replace"))


# ---------------------------------------------------------------------- scoring
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
_WORD = re.compile(r"[^\W\d_]+")


def _syllable_ok(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(decomposed.count(t) for t in _TONES) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def vietnamese_score(text: str) -> int:
    """How Vietnamese a reading looks: of the words with a non-ASCII letter, those that are
    well-formed Vietnamese syllables (one tone mark, a real onset, vowel cluster and coda) less
    those that are not. Misread legacy bytes give "Sừề", "nguyÔn", "Th«ng"; the right reading
    gives "Sở", "Nguyễn", "Thông"; readings of the same bytes compare by this count."""
    return _score(text)[0]


def _score(text: str) -> tuple[int, int]:
    """(score, number of non-ASCII words)."""
    score = words = 0
    sample = unicodedata.normalize("NFC", text[:200_000])
    for m in _WORD.finditer(sample):
        word = m.group()
        if word.isascii():
            continue
        words += 1
        score += 1 if _syllable_ok(word) else -1
    # Symbols such as « µ © inside words split them; count them against the reading too.
    score -= len(_MISREAD.findall(sample))
    return score, words


# Signs that, inside Vietnamese prose, betray a legacy text read as Windows-1252.
_MISREAD = re.compile(r"(?<=[^\W\d_])[«»µ©®¶§¸¹º¼½¾¿¨±²³´]|[«»µ©®¶§¸¹º¼½¾¿¨±²³´](?=[^\W\d_])")


def _legacy_readings(data: bytes) -> dict[str, str]:
    return {"tcvn3": _decode_tcvn3(data), "vni": _decode_vni(data)}


def _most_vietnamese(readings: dict[str, str]) -> tuple[str, str, int]:
    """The reading with the highest score; the first one listed wins a tie."""
    best = ("", "", -(10**9))
    for enc, text in readings.items():
        score = vietnamese_score(text)
        if score > best[2]:
            best = (enc, text, score)
    return best


# ---------------------------------------------------------------------- entry points
def canonical_encoding(name: str) -> str:
    """``tcvn3``/``vni`` for the legacy aliases, else Python's codec name; unknown names raise."""
    key = name.strip().lower()
    if key in LEGACY_ALIASES:
        return LEGACY_ALIASES[key]
    try:
        return codecs.lookup(key).name
    except LookupError:
        raise EncodingError(
            f"unknown encoding {name!r}: use a Python codec name (utf-8, utf-16, cp1258 …) or tcvn3 / vni"
        ) from None


def decode_as(data: bytes, encoding: str) -> Decoded:
    """Decode with one encoding (``--encoding``); the legacy ones are converted."""
    enc = canonical_encoding(encoding)
    if enc == "tcvn3":
        return Decoded(_decode_tcvn3(data), enc, converted=True)
    if enc == "vni":
        return Decoded(_decode_vni(data), enc, converted=True)
    if enc == "utf-8":
        enc = "utf-8-sig"
    try:
        return Decoded(data.decode(enc), enc)
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise EncodingError(f"not valid {encoding} (byte 0x{data[e.start]:02x} at line {line})") from None


def unmangle(text: str) -> Decoded | None:
    """Legacy text that went through Windows-1252 into Unicode ("Bé Th«ng tin" pasted from a
    .VnTime document), converted back; None when the text is fine as it is."""
    if text.isascii():
        return None
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError:
        return None  # a character Windows-1252 has not: real Unicode, not a misread
    enc, converted, score = _most_vietnamese({"unicode": text, **_legacy_readings(raw)})
    if enc == "unicode":
        return None
    # Converting real text would be the worst mistake: the legacy reading must be clearly
    # better, by half its non-ASCII words, not by a stray sign ("cà phê ©").
    base = vietnamese_score(text)
    words = _score(converted)[1]
    if score <= 0 or score - base < max(2, words / 2):
        return None
    return Decoded(converted, enc, converted=True)


def detect(data: bytes) -> Decoded:
    """The text of ``data``: BOM, UTF-8, then the most Vietnamese of Windows-1258, TCVN3, VNI and
    charset-normalizer's guess. Raises :class:`EncodingError` when no reading is text."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32")):
        if data.startswith(bom):
            return decode_as(data, enc)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return decode_as(data, "utf-16")
        except EncodingError:
            raise EncodingError("starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _detect_non_utf8(data)
    if b"\x00" in data[:8192]:
        return _detect_non_utf8(data)
    return unmangle(text) or Decoded(text, "utf-8")


def _detect_non_utf8(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only for files that are not UTF-8

    guess = from_bytes(data[:1_000_000]).best()
    readings: dict[str, str] = {}
    if guess is not None:
        with contextlib.suppress(UnicodeDecodeError, LookupError):
            readings[guess.encoding] = data.decode(guess.encoding)
    if b"\x00" in data[:8192]:
        # NUL bytes: only a UTF-16/32 reading is text; anything else is a binary file.
        wide = {k: v for k, v in readings.items() if k.startswith(("utf_16", "utf_32"))}
        if not wide:
            raise EncodingError("binary file (contains NUL bytes), not a text report")
        enc, text = next(iter(wide.items()))
        return Decoded(text, enc)
    with contextlib.suppress(UnicodeDecodeError):
        readings["cp1258"] = data.decode("cp1258")
    legacy = _legacy_readings(data)
    readings.update(legacy)
    enc, text, score = _most_vietnamese(readings)
    if score <= 0 and guess is None:
        raise EncodingError(f"{_utf8_error(data)}, and no reading (Windows-1258, TCVN3, VNI) gives Vietnamese text")
    return Decoded(text, enc, converted=enc in legacy)


def _utf8_error(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return f"not valid UTF-8 (byte 0x{data[e.start]:02x} at line {line})"
    return "not UTF-8 text"


__all__ = [
    "LEGACY_NAMES",
    "Decoded",
    "EncodingError",
    "canonical_encoding",
    "decode_as",
    "detect",
    "unmangle",
    "vietnamese_score",
]
