"""Vietnamese numbers: digits in the local format, scale words and numbers in words.

Vietnamese writes ``.`` between thousands and ``,`` as the decimal mark: ``270.000`` is two
hundred and seventy thousand, ``47,9`` is 47.9 and ``674,573`` is 674.573 (a comma is always a
decimal mark when it occurs once, whatever follows it). Scraped pages sometimes use the English
format; :func:`parse_digits` accepts it where it cannot be mistaken (``1,234,567`` or
``1,5.`` never occur in the local format, ``1.5`` has no group of three digits).

Scale words multiply (``1,5 triệu`` = 1 500 000, ``13.596 tỷ`` = 13 596 000 000 000,
``một nghìn tỷ`` = 10**12); the bundled list is the gazetteer table ``scale_words`` so that
users extend it in one place. Arithmetic is done in :class:`~decimal.Decimal`, so ``655,44 tỷ`` is exactly
655 440 000 000, and whole results come back as ``int``.

>>> parse_number("270.000"), parse_number("47,9"), parse_number("4 tỷ")
(270000, 47.9, 4000000000)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ...lexicon.gazetteers import Gazetteers, Row
from ...text.normalize import normalize_string

__all__ = [
    "DIGITS_PATTERN",
    "NUMBER_WORDS",
    "is_thousands_grouped",
    "number_fillers",
    "parse_decimal",
    "parse_digits",
    "parse_number",
    "parse_words",
    "scale_words",
]


#: Regex source for a run of digits with ``.``/``,`` separators (bounded, no backtracking blow-up).
DIGITS_PATTERN = r"\d{1,15}(?:[.,]\d{1,15}){0,8}"

#: Digit words. ``mốt`` (1), ``tư`` (4) and ``lăm``/``nhăm`` (5) are the forms used after a tens
#: word ("hai mươi mốt", "ba mươi tư", "mười lăm"); :func:`parse_words` accepts them anywhere.
NUMBER_WORDS: dict[str, int] = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "nhăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
_TEN = "mười"
_TENS = "mươi"
_HUNDRED = "trăm"

_DIGITS_RE = re.compile(rf"^{DIGITS_PATTERN}$")


@lru_cache(maxsize=1)
def _bundled_scales() -> dict[str, Decimal]:
    return _scales_from_rows(Gazetteers.bundled().rows("scale_words"))


@lru_cache(maxsize=1)
def _bundled_fillers() -> frozenset[str]:
    return number_fillers(Gazetteers.bundled())


def number_fillers(gazetteers: Gazetteers) -> frozenset[str]:
    """Words inside a number in words that add nothing ("một trăm **linh** năm" = 105): the
    ``figure_words`` rows whose ``use`` has ``number_filler``."""
    return frozenset(
        row.get("word").lower() for row in gazetteers.rows("figure_words") if "number_filler" in row.list("use")
    )


def _scales_from_rows(rows: Iterable[Row]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for row in rows:
        out[row.get("word").lower()] = Decimal(row.get("multiplier"))
    return out


def scale_words(gazetteers: Gazetteers | None = None) -> dict[str, Decimal]:
    """Scale word → multiplier (``triệu`` → 10**6), from the ``scale_words`` gazetteer table."""
    if gazetteers is None:
        return dict(_bundled_scales())
    return _scales_from_rows(gazetteers.rows("scale_words"))


def is_thousands_grouped(digits: str, sep: str = ".") -> bool:
    """True if ``digits`` is ``d{1,3}(SEP ddd)+`` with a first group that is not a lone 0."""
    groups = digits.split(sep)
    if len(groups) < 2 or not 1 <= len(groups[0]) <= 3 or groups[0].startswith("0"):
        return False
    return all(len(g) == 3 and g.isdigit() for g in groups[1:]) and groups[0].isdigit()


def parse_decimal(text: str) -> Decimal:
    """:func:`parse_digits` as an exact :class:`~decimal.Decimal` (``"655,44"`` → 655.44)."""
    s = text.strip()
    if not _DIGITS_RE.match(s):
        raise ValueError(f"not a number written in digits: {text!r}")
    has_dot, has_comma = "." in s, "," in s
    if not has_dot and not has_comma:
        return Decimal(s)
    if has_dot and has_comma:
        # Whichever separator comes last is the decimal mark: 1.234,5 (local) / 1,234.5 (English).
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        grp = "." if dec == "," else ","
        whole, _, frac = s.rpartition(dec)
        if dec in whole or (not is_thousands_grouped(whole, grp) and grp in whole):
            raise ValueError(f"mixed separators do not form a number: {text!r}")
        return Decimal(whole.replace(grp, "") + "." + frac)
    if has_dot:
        if is_thousands_grouped(s, "."):
            return Decimal(s.replace(".", ""))
        if s.count(".") == 1:  # English decimal point: 1.5, 0.75
            return Decimal(s)
        raise ValueError(f"dots that are neither thousands groups nor a decimal point: {text!r}")
    if s.count(",") == 1:
        return Decimal(s.replace(",", "."))
    if is_thousands_grouped(s, ","):  # English thousands: 1,234,567
        return Decimal(s.replace(",", ""))
    raise ValueError(f"commas that are neither a decimal mark nor thousands groups: {text!r}")


def _whole(value: Decimal) -> int | float:
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def parse_digits(text: str) -> int | float:
    """A number written in digits: ``"270.000"`` → 270000, ``"47,9"`` → 47.9.

    Raises :class:`ValueError` for shapes that are not one number (``"30.4.1975"``).
    """
    return _whole(parse_decimal(text))


def _combine(tokens: list[str], scales: Mapping[str, Decimal], original: str) -> Decimal:
    """Digits, digit words and scale words → value; see :func:`parse_number`."""
    fillers = _bundled_fillers()
    parts: list[tuple[Decimal, Decimal]] = []  # (value, scale) of completed scale groups
    cur = Decimal(0)
    seen = False
    for tok in tokens:
        w = tok.lower()
        if w and w[0].isdigit():
            cur += parse_decimal(w)
        elif w in NUMBER_WORDS:
            cur += NUMBER_WORDS[w]
        elif w == _TEN:
            cur += 10
        elif w == _TENS:
            d = cur % 10
            cur += d * 9
        elif w == _HUNDRED:
            d = cur % 10
            cur += d * 99
        elif w in fillers:
            pass
        elif w in scales:
            scale = scales[w]
            # "một nghìn tỷ": a larger scale multiplies the smaller groups written before it.
            acc = cur
            while parts and parts[-1][1] < scale:
                acc += parts.pop()[0]
            parts.append(((acc or Decimal(1)) * scale, scale))
            cur = Decimal(0)
        else:
            raise ValueError(f"{tok!r} is not a number word in {original!r}")
        seen = True
    if not seen:
        raise ValueError(f"no number in {original!r}")
    return sum((v for v, _ in parts), Decimal(0)) + cur


def parse_words(text: str) -> int:
    """A whole number written in words: ``"hai mươi lăm"`` → 25, ``"một trăm linh năm"`` → 105."""
    value = _combine(normalize_string(text).split(), scale_words(), text)
    return int(value)


def parse_number(text: str, scales: Mapping[str, Decimal] | None = None) -> int | float:
    """Digits and/or number words followed by scale words, in the local format.

    ``"270.000"`` → 270000, ``"47,9"`` → 47.9, ``"1,5 triệu"`` → 1500000,
    ``"13.596 tỷ"`` → 13596000000000, ``"500 nghìn"`` → 500000, ``"hai mươi"`` → 20.
    ``scales`` overrides the bundled scale words (a pipeline passes its own gazetteers').
    Raises :class:`ValueError` when ``text`` is not a number.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number() takes a str, got {type(text).__name__}")
    tokens = normalize_string(text).split()
    try:
        return _whole(_combine(tokens, scale_words() if scales is None else scales, text))
    except InvalidOperation as e:  # pragma: no cover - guarded by the digit regex
        raise ValueError(f"not a number: {text!r}") from e
