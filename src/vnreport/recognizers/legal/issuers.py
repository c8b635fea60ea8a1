"""Who issued a document: from the issuer codes of its number (``NĐ-CP`` → Chính phủ), a local
code filled with the report's or the citation's province (``QĐ-UBND`` → Ủy ban nhân dân tỉnh X),
or a code the report defines itself ("Trường Đại học Nghệ thuật (ĐHNT) Huế").
"""

from __future__ import annotations

import re
import unicodedata

from ...models import Place
from .attachment import CitationContext
from .named_issuers import IssuingProvince, read_named_issuer
from .symbols import Symbol
from .tables import LegalLexicon

_PAREN_CODE = re.compile(r"\((\w[\w&-]{0,15})\)")
_PLACE_AFTER = re.compile(r"\s*(?P<place>[A-ZĐ][\w]*(?:\s+[A-ZĐ][\w]*){0,3})")
_UNIT_WORD = re.compile(r"\b(?P<lvl>tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\b", re.IGNORECASE)
_UNIT_IN_WHO = re.compile(
    r"\b(?P<lvl>tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s+"
    r"(?P<name>[A-ZĐ]\w*(?:(?:\s+|\s?-\s?)[A-ZĐ]\w*){0,3})"
)
# How far before "(CODE)" the name it abbreviates may start.
_DEFINITION_REACH = 100


def _fold(s: str) -> str:
    """Upper-case letters without diacritics, Đ → D: for matching initials with codes."""
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).upper()


def _is_subsequence(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(any(h == n for h in it) for n in needle)


def _known_province(lex: LegalLexicon, name: str) -> str:
    """The longest start of ``name`` that is a province ("Hưng Yên - Đỗ Quốc" → "Hưng Yên"), else
    ``name`` as written."""
    words = name.split()
    for n in range(len(words), 0, -1):
        if lex.issuer_reader.org.admin.province_by_name(" ".join(words[:n])) is not None:
            return " ".join(words[:n])
    return name


def _province(lex: LegalLexicon, ctx: CitationContext, who: str | None) -> IssuingProvince | None:
    """The province that issued a local document, if clear: the one the citation names, else the
    report's (a district, a provincial city or a commune issuer gets none)."""
    place = ctx.doc.context.province
    report = (
        IssuingProvince(place.name, place.kind == "city" or place.name.lower() in lex.cities)
        if isinstance(place, Place) and place.name
        else None
    )
    if not who:
        return report
    m = _UNIT_IN_WHO.search(who)
    if m:
        level = m["lvl"].lower().rstrip(".")
        name = _known_province(lex, re.sub(r"\s*-\s*", " - ", m["name"]))
        if level == "tỉnh":
            return IssuingProvince(name, False)
        if level in ("thành phố", "tp") and name.lower() in lex.cities:
            return IssuingProvince(name, True)
        return None  # a district, a provincial city, a commune
    unit = _UNIT_WORD.search(who)
    if unit:  # "của UBND huyện", "của UBND thành phố" (which one? the report's, if a city)
        level = unit["lvl"].lower().rstrip(".")
        if level == "tỉnh" or (level in ("thành phố", "tp") and report and report.is_city):
            return report
        return None
    return report


def _defined_in_text(lex: LegalLexicon, ctx: CitationContext, code: str) -> str | None:
    """Name for ``code`` from a definition in the text: "Trường đại học Nghệ thuật (ĐHNT) Huế"."""
    text = ctx.doc.text
    want = [c for c in _fold(code) if c.isalpha()]
    if len(want) < 2:
        return None
    for pos in ctx.definitions(_PAREN_CODE).get(code, ()):
        window = text[max(0, pos - _DEFINITION_REACH) : pos]
        cut = max(window.rfind(ch) for ch in ",.;:()\n")
        window = window[cut + 1 :]
        for h in reversed([m.start() for m in lex.org_head.finditer(window)]):
            phrase = window[h:].strip()
            initials = [_fold(w)[0] for w in phrase.split() if w[0].isalpha()]
            if initials and initials[-1] == want[-1] and _is_subsequence(want, initials):
                place = _PLACE_AFTER.match(text, pos + len(code) + 2)
                return phrase + (f" {place['place']}" if place else "")
    return None


def _issuer_name(lex: LegalLexicon, ctx: CitationContext, code: str, who: str | None) -> str | None:
    info = lex.issuers.get(code) or lex.issuers.get(code.rstrip("0123456789"))
    if info is None:
        return _defined_in_text(lex, ctx, code)
    if not info.name or info.level not in ("central", "province"):
        return None
    if info.level == "central":
        return info.name
    prov = _province(lex, ctx, who)
    if prov is None:
        return None
    return (
        info.name.replace("{unit}", f"{'thành phố' if prov.is_city else 'tỉnh'} {prov.name}")
        .replace("{ủy}", "Thành ủy" if prov.is_city else "Tỉnh ủy")
        .replace("{name}", prov.name)
    )


def _symbol_issuer(lex: LegalLexicon, ctx: CitationContext, sym: Symbol, who: str | None) -> str | None:
    """The issuer the number names (joint issuers of a normative number joined by " - ")."""
    if not sym.issuer_code:
        return None
    codes = sym.issuer_code.split("-") if sym.form == "qppl" else [sym.issuer_code]
    names = [_issuer_name(lex, ctx, c, who) for c in codes]
    if any(n is None for n in names):
        return None
    return " - ".join(n for n in names if n)


def _named_in_number(lex: LegalLexicon, named: str, sym: Symbol) -> bool:
    """Does the number carry the code of the body the text names ("30/CP-TTg … của Thủ tướng")?"""
    codes = {c for c, info in lex.issuers.items() if info.name == named}
    return bool(codes & set(sym.units))


def issuer(lex: LegalLexicon, ctx: CitationContext, sym: Symbol | None, who: str | None) -> str | None:
    """Who issued a document: the body its number settles, else the one its citation names
    ("Nghị quyết số 57-NQ/TW … của Bộ Chính trị", "Chỉ thị số 16 của Thủ tướng Chính phủ")."""
    from_symbol = _symbol_issuer(lex, ctx, sym, who) if sym else None
    named = read_named_issuer(lex.issuer_reader, who, _province(lex, ctx, None)) if who else None
    if named and (from_symbol is None or (sym is not None and _named_in_number(lex, named, sym))):
        return named
    return from_symbol
