"""Typed results of linking: entities across reports, each with a content-derived ``id``.

Dates are those of the reports (``published``, else ``event_date``): ``first_seen`` and
``last_seen`` say when the corpus shows something, not when a term of office began or ended.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _doc_ids() -> Any:
    return Field(default_factory=list, description="Reports that mention it, sorted.")


def _n_mentions() -> Any:
    return Field(default=0, description="Mentions, counted once per report.")


class OfficialPost(_Model):
    """One post of a linked official, with the reports that state it."""

    title: str | None = None
    organization: str | None = None
    former: bool = Field(default=False, description="Stated as a past post ('nguyên Giám đốc …').")
    doc_ids: list[str] = _doc_ids()
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    n_mentions: int = _n_mentions()


class LinkedOfficial(_Model):
    """One person across reports (see :mod:`vnreport.linking` for what makes mentions one person)."""

    id: str
    name: str
    names: list[str] = Field(default_factory=list, description="Every spelling of the name seen.")
    honorifics: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list, description="Official.role values seen, if any.")
    positions: list[OfficialPost] = Field(default_factory=list)
    provinces: list[str] = Field(default_factory=list, description="Provinces of the person's posts.")
    report_provinces: list[str] = Field(default_factory=list, description="Provinces of the reports.")
    doc_ids: list[str] = _doc_ids()
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    n_mentions: int = _n_mentions()


class LinkedAgency(_Model):
    """One organisation across reports, linked by canonical name."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list, description="Surface forms seen ('Sở TT&TT' …).")
    kind: str | None = None
    level: str | None = None
    province: str | None = None
    parents: list[str] = Field(default_factory=list)
    doc_ids: list[str] = _doc_ids()
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    n_mentions: int = _n_mentions()


class LinkedLegalDocument(_Model):
    """One cited document across reports; short citations ("Nghị định 116") resolved into the
    one full document of the corpus they fit, when there is exactly one."""

    id: str = Field(description="Canonical number and symbol, or 'Nghị định 116' when never resolved.")
    doc_type: str | None = None
    number: str | None = None
    year: int | None = None
    issuer_code: str | None = None
    issuer: str | None = None
    signed_on: dt.date | None = None
    title: str | None = None
    aliases: list[str] = Field(default_factory=list, description="How reports cite it.")
    short_forms: list[str] = Field(default_factory=list, description="Short citations resolved into it.")
    report_provinces: list[str] = Field(default_factory=list, description="Provinces of the citing reports.")
    doc_ids: list[str] = _doc_ids()
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    n_mentions: int = _n_mentions()


class TimelineRow(_Model):
    """Who held which post, as the corpus shows it: one row per official and post."""

    official_id: str
    name: str
    title: str | None
    organization: str | None
    former: bool
    first_seen: dt.date | None
    last_seen: dt.date | None
    doc_ids: list[str]
