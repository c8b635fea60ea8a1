"""Cited documents across reports: one entity per canonical id, short citations resolved.

A full citation ("Nghị định 116/2020/NĐ-CP") is its own key. A short one ("Nghị định 116",
"Quyết định số 112" of 2001) fits every full document of the corpus with the same type and
number (and year, and issuer, when the short citation gives them); it joins that document when
exactly one fits, and otherwise stays a short entity of its own ("Nghị định 116") shared by
the reports citing it so — two different decrees 116 are not guessed between.
"""

from __future__ import annotations

from collections.abc import Iterable

from .keys import key
from .mentions import LegalMention


def _number_key(number: str | None) -> str | None:
    """``"08"`` and ``"8"`` are one number."""
    if number is None:
        return None
    return number.lstrip("0") or "0" if number.isdigit() else key(number)


def short_key(m: LegalMention) -> str:
    """Key of a short citation: its type, number and year as far as the text gives them."""
    parts = [key(m.doc_type or ""), _number_key(m.number or m.id) or ""]
    if m.year:
        parts.append(str(m.year))
    return "|".join(parts)


def short_id(m: LegalMention) -> str:
    """Id of an unresolved short citation: ``"Nghị định 116"``, ``"Quyết định 112 (2001)"``."""
    text = " ".join(p for p in (m.doc_type, m.number or m.id) if p)
    return f"{text} ({m.year})" if m.year else text


def _fits(short: LegalMention, full: LegalMention) -> bool:
    if key(short.doc_type or "") != key(full.doc_type or "") or _number_key(short.number or short.id) != _number_key(
        full.number
    ):
        return False
    if short.year and full.year and short.year != full.year:
        return False
    return not (short.issuer and full.issuer and key(short.issuer) != key(full.issuer))


def documents(mentions: Iterable[LegalMention]) -> dict[str, list[LegalMention]]:
    """Mentions grouped by the id of the document they are: ``{id: mentions}``, ids sorted."""
    full: dict[str, list[LegalMention]] = {}
    short: dict[str, list[LegalMention]] = {}
    for m in mentions:
        (short.setdefault(short_key(m), []) if m.short else full.setdefault(m.id, [])).append(m)
    by_type_number: dict[tuple[str, str | None], list[str]] = {}
    for doc_id, ms in full.items():
        by_type_number.setdefault((key(ms[0].doc_type or ""), _number_key(ms[0].number)), []).append(doc_id)
    out = {doc_id: list(ms) for doc_id, ms in full.items()}
    for ms in short.values():
        sample = ms[0]
        candidates = by_type_number.get((key(sample.doc_type or ""), _number_key(sample.number or sample.id)), [])
        fitting = [d for d in candidates if _fits(sample, full[d][0])]
        target = fitting[0] if len(fitting) == 1 else min(short_id(m) for m in ms)
        out.setdefault(target, []).extend(ms)
    return {doc_id: sorted(out[doc_id], key=lambda m: (m.doc_id, m.id)) for doc_id in sorted(out)}
