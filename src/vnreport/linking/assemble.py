"""Linked entities from groups of mentions: merged attributes, dates, reports.

Every list is sorted or ordered by frequency with a fixed tie-break, so the result is the same
whatever order the reports came in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from .keys import entity_id, key
from .legal import short_id
from .mentions import AgencyMention, LegalMention, OfficialMention
from .models import LinkedAgency, LinkedLegalDocument, LinkedOfficial, OfficialPost
from .officials import person_id

T = TypeVar("T")


def commonest(values: Iterable[T | None]) -> T | None:
    """The most frequent non-empty value (ties: the smallest), or None."""
    counts: dict[T, int] = {}
    for v in values:
        if v is not None and v != "":
            counts[v] = counts.get(v, 0) + 1
    if len(counts) <= 1:
        return next(iter(counts), None)
    return min(counts, key=lambda v: (-counts[v], str(v)))


def by_frequency(values: Iterable[str | None]) -> list[str]:
    """Distinct non-empty values, most frequent first (ties: alphabetical)."""
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return sorted(counts, key=lambda v: (-counts[v], v)) if len(counts) > 1 else list(counts)


def seen(mentions: Sequence[Any]) -> dict[str, Any]:
    """``doc_ids``, ``first_seen``, ``last_seen``, ``n_mentions`` of mentions carrying
    ``doc_id`` and ``date``."""
    dates: list[dt.date] = [m.date for m in mentions if m.date is not None]
    return {
        "doc_ids": sorted({m.doc_id for m in mentions}),
        "first_seen": min(dates, default=None),
        "last_seen": max(dates, default=None),
        "n_mentions": len(mentions),
    }


def official(mentions: Sequence[OfficialMention]) -> LinkedOfficial:
    names = by_frequency(m.name for m in mentions)
    return LinkedOfficial(
        id=person_id(mentions),
        name=names[0],
        names=names,
        honorifics=by_frequency(m.honorific for m in mentions),
        roles=by_frequency(m.role for m in mentions),
        positions=_posts(mentions),
        provinces=by_frequency(p for m in mentions for p in m.provinces),
        report_provinces=by_frequency(m.report_province for m in mentions),
        **seen(mentions),
    )


def _posts(mentions: Sequence[OfficialMention]) -> list[OfficialPost]:
    """One post per (title, organisation, former), with the mentions stating it; a report
    repeating a post counts once."""
    groups: dict[tuple[str, str, bool], list[tuple[OfficialMention, str | None, str | None]]] = {}
    for m in mentions:
        stated: set[tuple[str, str, bool]] = set()
        for p in m.posts:
            k = (key(p.title or ""), key(p.organization or ""), p.former)
            if k not in stated:
                stated.add(k)
                groups.setdefault(k, []).append((m, p.title, p.organization))
    posts = [
        OfficialPost(
            title=commonest(t for _, t, _ in group),
            organization=commonest(o for _, _, o in group),
            former=k[2],
            **seen([m for m, _, _ in group]),
        )
        for k, group in groups.items()
    ]
    return sorted(posts, key=lambda p: (p.first_seen or dt.date.max, key(p.title or ""), key(p.organization or "")))


def agency(mentions: Sequence[AgencyMention]) -> LinkedAgency:
    name = commonest(m.name for m in mentions) or ""
    return LinkedAgency(
        id=entity_id(name, mentions[0].key),
        name=name,
        aliases=by_frequency(t for m in mentions for t in m.texts),
        kind=commonest(m.kind for m in mentions),
        level=commonest(m.level for m in mentions),
        province=commonest(m.province for m in mentions),
        parents=by_frequency(m.parent for m in mentions),
        **seen(mentions),
    )


def legal_document(doc_id: str, mentions: Sequence[LegalMention]) -> LinkedLegalDocument:
    full = [m for m in mentions if not m.short] or list(mentions)
    return LinkedLegalDocument(
        id=doc_id,
        doc_type=commonest(m.doc_type for m in full),
        number=commonest(m.number for m in full),
        year=commonest(m.year for m in full),
        issuer_code=commonest(m.issuer_code for m in full),
        issuer=commonest(m.issuer for m in full),
        signed_on=commonest(m.signed_on for m in full),
        title=commonest(m.title for m in full),
        aliases=by_frequency(t for m in mentions for t in m.texts),
        short_forms=sorted({short_id(m) for m in mentions if m.short} - {doc_id}),
        report_provinces=by_frequency(m.report_province for m in mentions),
        **seen(mentions),
    )
