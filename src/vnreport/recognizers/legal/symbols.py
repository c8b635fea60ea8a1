"""Vietnamese document numbers ("số, ký hiệu"): find them and take them apart.

Shapes (Nghị định 30/2020/NĐ-CP, Luật Ban hành văn bản QPPL, and what reports really write):

* normative ``43/2011/NĐ-CP``, ``67/2006/QH11``, ``12/2011/TTLT-BTC-BTTTT``;
* administrative ``897/CT-TTg``, ``30c/NQ-CP``, ``50/TB/VPCP``;
* công văn ``3115/BTTTT-CVT`` (issuer first, then the drafting unit), old ``58/CP``, ``214/TDTT``;
* old issuer-first decisions ``162/VH-QĐ``;
* Party ``57-NQ/TW``, ``08-QĐi/TW``, ``03-HD/BTGTW``;
* number and year only, ``02/2003`` — a citation only after a type word.

Reports add stray spaces ("153/ ĐHNT-BGH", "116/2020/NĐ - CP", "6386/BNV- CCVC"): one space is
allowed on either side of a separator, but a segment joined by a dash spaced on *both* sides
("…/NĐ-CP - UBND tỉnh …") is kept only when the number is incomplete without it ("NĐ - CP").
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, NamedTuple

# Upper-case Latin letters with Vietnamese diacritics (Ư in UBTƯMTTQVN); lower case in codes is
# ASCII or đ only (TTg, QĐi, CTr), so a code never swallows a following Vietnamese word.
_UPPER = "".join(
    sorted(
        {c for c in map(chr, range(0x41, 0x1EFF)) if c.isupper() and unicodedata.name(c, "").startswith("LATIN")}
        - set("ÆØÞŒ")
    )
)
_CODE = rf"[{_UPPER}][{_UPPER}a-zđ0-9&]{{0,15}}(?![\w&])"
_YEAR = r"(?:1[89]|20)\d\d(?!\w)"

#: A candidate number: digits (with an optional letter, "30c") and separated segments. What may
#: stand before it is checked by :meth:`SymbolParser.parse` (a look-behind here would defeat the
#: regex engine's fast scan for a digit). A letter may ("số43/2011/NĐ-CP"); the caller decides.
SYMBOL_RE = re.compile(rf"(?P<num>\d{{1,5}}[a-zđ]?)(?P<rest>(?:\s?[/-]\s?(?:{_YEAR}|{_CODE}))+)")
_NOT_BEFORE = frozenset("_/.,:&-")
_SEGMENT = re.compile(r"(?P<pre>\s?)(?P<sep>[/-])(?P<post>\s?)(?P<tok>[^\s/-]+)")


SymbolForm = Literal["qppl", "numyear", "admin", "congvan", "old", "party"]


class Segment(NamedTuple):
    """One separated part of a number ("/2011", "/NĐ", "-CP"); a tuple: several per number."""

    sep: str
    token: str
    spaced: bool  # the dash before it has a space on both sides
    end: int  # offset just after the token, relative to the match start


class Symbol(NamedTuple):
    """A parsed document number (a tuple: parsed for every candidate number, hot).

    ``form`` is one of ``qppl`` (number/year/type-issuer), ``numyear`` (number/year),
    ``admin`` (number/type-issuer), ``congvan`` (number/issuer-unit), ``old`` (number/issuer-type)
    or ``party`` (number-type/issuer).
    """

    start: int
    end: int
    number: str
    form: SymbolForm
    year: int | None = None
    type_abbr: str | None = None
    issuer_code: str | None = None
    units: tuple[str, ...] = ()
    id: str = ""

    @property
    def number_key(self) -> str:
        """The number without leading zeros ("0646" and "646" are the same document)."""
        return self.number.lstrip("0") or "0"


#: No real number has more segments than this (12/2011/TTLT-BTC-BNV-BTTTT-VPCP has six); longer
#: runs ("1-A1-A1-A…") are cut here so that parsing stays linear.
MAX_SEGMENTS = 8


def _segments(num_len: int, rest: str) -> list[Segment]:
    out: list[Segment] = []
    for m in _SEGMENT.finditer(rest):
        if len(out) == MAX_SEGMENTS:
            break
        out.append(
            Segment(m["sep"], m["tok"], bool(m["pre"]) and bool(m["post"]) and m["sep"] == "-", num_len + m.end())
        )
    return out


class SymbolParser:
    """Classifies candidate numbers with the type abbreviations and issuer codes it is given.

    ``type_abbrs`` / ``party_abbrs``: abbreviations of document types inside state / Party numbers;
    ``issuers``: known issuer codes (any spelling); ``old_types``: type abbreviations that may close
    an old issuer-first number (162/VH-QĐ); ``year_issuers``: issuer codes that make a bare
    number/year/issuer a complete number (67/2006/QH11).
    """

    def __init__(
        self,
        type_abbrs: set[str],
        party_abbrs: set[str],
        issuers: set[str],
        old_types: set[str],
        year_issuers: set[str],
    ) -> None:
        self.type_abbrs = type_abbrs
        self.party_abbrs = party_abbrs
        self.issuers = issuers
        self.old_types = old_types
        self.year_issuers = year_issuers

    def is_year_issuer(self, code: str) -> bool:
        """QH11, UBTVQH13: a known code followed by a legislature number."""
        base = code.rstrip("0123456789")
        return code in self.year_issuers or base in self.year_issuers

    def _classify(self, start: int, num: str, segs: list[Segment]) -> Symbol | None:
        """The number ``num`` at ``start`` with segments ``segs``, by its shape (None: no number)."""
        if not segs:
            return None
        end = start + segs[-1].end
        sid = num + "".join(s.sep + s.token for s in segs)
        first = segs[0]
        toks = [s.token for s in segs]
        if first.sep == "-":
            # Party: 57-NQ/TW, 03-HD/BTGTW
            if (
                len(segs) >= 2
                and first.token in self.party_abbrs
                and segs[1].sep == "/"
                and not segs[1].token.isdigit()
            ):
                return Symbol(start, end, num, "party", type_abbr=first.token, issuer_code="-".join(toks[1:]), id=sid)
            return None
        if first.token.isdigit():  # a year
            rest = segs[1:]
            if any(s.token.isdigit() for s in rest):
                return None
            year = int(first.token)
            if not rest:
                return Symbol(start, end, num, "numyear", year=year, id=sid)
            t0 = rest[0].token
            if t0 in self.type_abbrs:
                issuer = "-".join(s.token for s in rest[1:]) or None
                return Symbol(start, end, num, "qppl", year=year, type_abbr=t0, issuer_code=issuer, id=sid)
            return Symbol(start, end, num, "qppl", year=year, issuer_code="-".join(s.token for s in rest), id=sid)
        if any(s.token.isdigit() for s in segs):
            return None
        if first.token in self.type_abbrs:
            issuer = toks[1] if len(toks) > 1 else None
            return Symbol(
                start, end, num, "admin", type_abbr=first.token, issuer_code=issuer, units=tuple(toks[2:]), id=sid
            )
        if len(toks) >= 2 and toks[-1] in self.old_types and first.token in self.issuers:
            return Symbol(
                start, end, num, "old", type_abbr=toks[-1], issuer_code=first.token, units=tuple(toks[1:-1]), id=sid
            )
        return Symbol(start, end, num, "congvan", issuer_code=first.token, units=tuple(toks[1:]), id=sid)

    def complete(self, sym: Symbol) -> bool:
        """Is the number whole without a type word before it?"""
        if sym.form in ("party", "old"):
            return True
        if sym.form == "qppl":
            if not sym.issuer_code:
                return False
            return sym.type_abbr is not None or self.is_year_issuer(sym.issuer_code)
        if sym.form == "admin":
            return sym.issuer_code is not None
        if sym.form == "congvan":
            return (sym.issuer_code or "") in self.issuers
        return False  # numyear

    def parse(self, m: re.Match[str]) -> Symbol | None:
        """The :class:`Symbol` of a :data:`SYMBOL_RE` match, trimmed of trailing clause dashes."""
        s = m.start()
        if s and (m.string[s - 1].isdigit() or m.string[s - 1] in _NOT_BEFORE):
            return None  # inside another number or code: "1.000/…", "A-1/…"
        num = m["num"]
        segs = _segments(len(num), m["rest"])
        # A year may only follow the number: "12/QĐ/2011" keeps "12/QĐ".
        for i, seg in enumerate(segs):
            if i > 0 and seg.token.isdigit():
                segs = segs[:i]
                break
        sym = self._classify(s, num, segs)
        while segs and segs[-1].spaced and len(segs) > 1:
            shorter = self._classify(s, num, segs[:-1])
            if shorter is None or not self.complete(shorter):
                break
            segs, sym = segs[:-1], shorter
        return sym
