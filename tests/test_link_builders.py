"""Builders of Reports for the linking tests (no tests here): one official per call, real-looking posts."""

from __future__ import annotations

import datetime as dt

from vnreport import Agency, Official, Place, Position, Report


def post(title: str, organization: str | None = None, *, former: bool = False) -> Position:
    text = f"{title} {organization}" if organization else title
    return Position(text=text, title=title, organization=organization, former=former)


def agency(name: str, *, level: str = "central", province: str | None = None, kind: str | None = None) -> Agency:
    return Agency(name=name, kind=kind or name.split()[0], level=level, province=province)  # type: ignore[arg-type]


def report(
    doc_id: str,
    *officials: Official,
    agencies: tuple[Agency, ...] = (),
    province: str | None = None,
    published: dt.date | None = None,
    event_date: dt.date | None = None,
) -> Report:
    return Report(
        doc_id=doc_id,
        officials=list(officials),
        agencies=list(agencies),
        province=Place(name=province) if province else None,
        published=dt.datetime.combine(published, dt.time()) if published else None,
        event_date=event_date,
    )


def official(name: str, *posts: Position, honorific: str | None = None) -> Official:
    return Official(name=name, honorific=honorific, positions=list(posts))


def ubnd(province: str) -> Agency:
    return agency(f"Ủy ban nhân dân tỉnh {province}", level="province", province=province, kind="UBND")


def tinh_uy(province: str) -> Agency:
    return agency(f"Tỉnh ủy {province}", level="province", province=province, kind="Tỉnh ủy")


def so(field: str, province: str) -> Agency:
    return agency(f"Sở {field} tỉnh {province}", level="province", province=province, kind="Sở")


def year(y: int, month: int = 6, day: int = 1) -> dt.date:
    return dt.date(y, month, day)
