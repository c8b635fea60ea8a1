"""What the linker keeps of one report: small frozen records, not the report itself.

A linker holds thousands of reports' worth of these, so they carry only what identity, dates
and the merged attributes need; everything is plain data (picklable, so partial linkers built
on Dask workers travel to the client and merge there).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Post:
    """One position as a report states it."""

    title: str | None
    organization: str | None
    former: bool = False


@dataclass(frozen=True, slots=True)
class OfficialMention:
    """One official of one report, with the evidence identity is decided on.

    ``anchors`` are the organisations and provinces the report ties this person to (see
    :mod:`vnreport.linking.officials`); ``titles`` the keys of every title held, with or without an
    organisation; ``order`` the official's index in its report (two namesakes in one report).
    """

    doc_id: str
    order: int
    name: str
    key: str
    honorific: str | None
    role: str | None
    posts: tuple[Post, ...]
    anchors: frozenset[str]
    titles: frozenset[str]
    provinces: tuple[str, ...]
    report_province: str | None
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class AgencyMention:
    """One agency of one report; ``key`` is what links it: the canonical name, with the report's
    province for a local body whose name pins none ("Sở Ngoại vụ" of a Huế report)."""

    doc_id: str
    key: str
    name: str
    kind: str | None
    level: str | None
    province: str | None
    parent: str | None
    texts: tuple[str, ...]
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class LegalMention:
    """One cited document of one report; ``short`` when only "Nghị định 116" was written."""

    doc_id: str
    id: str
    short: bool
    doc_type: str | None
    number: str | None
    year: int | None
    issuer_code: str | None
    issuer: str | None
    signed_on: dt.date | None
    title: str | None
    texts: tuple[str, ...]
    report_province: str | None
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class ReportMentions:
    """Everything one report contributes."""

    doc_id: str
    date: dt.date | None
    officials: tuple[OfficialMention, ...]
    agencies: tuple[AgencyMention, ...]
    legal_documents: tuple[LegalMention, ...]
