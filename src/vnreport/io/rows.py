"""Reports (or CLI records) as rows of the tidy tables, one row builder per entity kind."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from ..models import Report
from .frame_schema import SCHEMAS


def _as_report(item: Report | Mapping[str, Any], position: int) -> tuple[str, Report | None, str | None]:
    """``(doc_id, report, error)`` for a Report or a CLI record (a Report's JSON)."""
    if isinstance(item, Report):
        doc_id = item.doc_id if item.doc_id is not None else str(position)
        return (doc_id, None, item.error) if item.error else (doc_id, item, None)
    if isinstance(item, Mapping):
        error = item.get("error")
        raw_id = item.get("doc_id")
        doc_id = str(raw_id) if raw_id is not None else str(position)
        if error:
            return doc_id, None, str(error)
        report = Report.model_validate(item)
        return doc_id, report, None
    raise TypeError(f"to_frame() takes Reports or record dicts, got {type(item).__name__}")


def _first(mentions: list[Any]) -> tuple[int | None, int | None, str | None]:
    return (mentions[0].start, mentions[0].end, mentions[0].text) if mentions else (None, None, None)


def _report_rows(doc_id: str, r: Report | None, error: str | None) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    if r is None:
        rows["documents"].append({"doc_id": doc_id, "error": error})
        return rows
    rows["documents"].append(_document_row(doc_id, r))
    rows["officials"] += _official_rows(doc_id, r)
    rows["agencies"] += [_with_first_mention(doc_id, a) for a in r.agencies]
    rows["legal_documents"] += [_with_first_mention(doc_id, d) for d in r.legal_documents]
    rows["standards"] += [_with_first_mention(doc_id, st) for st in r.standards]
    rows["metrics"] += [{**m.model_dump(), "doc_id": doc_id} for m in r.metrics]
    rows["dates"] += [{**d.model_dump(), "doc_id": doc_id} for d in r.dates]
    rows["places"] += [_with_first_mention(doc_id, pl) for pl in r.places]
    rows["entities"] += [_entity_row(doc_id, x) for x in r.entities]
    rows["spans"] += [
        {"doc_id": doc_id, "label": label, "start": sp.start, "end": sp.end, "text": sp.text} for label, sp in r.spans()
    ]
    return rows


def _document_row(doc_id: str, r: Report) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "title": r.title,
        "published": r.published,
        "source": r.source,
        "authors": "; ".join(r.authors) or None,
        "event_date": r.event_date,
        "province": r.province.name if r.province else None,
        "url": r.url,
        "text_length": r.text_length,
        "n_officials": len(r.officials),
        "n_agencies": len(r.agencies),
        "n_legal_documents": len(r.legal_documents),
        "n_standards": len(r.standards),
        "n_metrics": len(r.metrics),
        "n_dates": len(r.dates),
        "n_places": len(r.places),
        "n_entities": len(r.entities),
        "error": None,
    }


def _official_rows(doc_id: str, r: Report) -> list[dict[str, Any]]:
    """One row per official and position (one row for an official without a position)."""
    out: list[dict[str, Any]] = []
    for i, o in enumerate(r.officials):
        s, e, _ = _first(o.mentions)
        base = {
            "doc_id": doc_id,
            "official_index": i,
            "name": o.name,
            "honorific": o.honorific,
            "role": o.role,
            "n_mentions": len(o.mentions),
            "start": s,
            "end": e,
        }
        if not o.positions:
            out.append(base)
        for p in o.positions:
            out.append(
                {
                    **base,
                    "position": p.text,
                    "title": p.title,
                    "organization": p.organization,
                    "former": p.former,
                    "position_start": p.start,
                    "position_end": p.end,
                }
            )
    return out


def _with_first_mention(doc_id: str, item: Any) -> dict[str, Any]:
    """An entity's fields, its number of mentions and the first mention's offsets and text."""
    s, e, t = _first(item.mentions)
    return {
        **item.model_dump(exclude={"mentions"}),
        "doc_id": doc_id,
        "n_mentions": len(item.mentions),
        "start": s,
        "end": e,
        "text": t,
    }


def _entity_row(doc_id: str, x: Any) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "label": x.label,
        "start": x.start,
        "end": x.end,
        "text": x.text,
        "attrs": json.dumps(x.attrs, ensure_ascii=False) if x.attrs else None,
    }


def _rows(items: Iterable[Report | Mapping[str, Any]], start: int = 0) -> dict[str, list[dict[str, Any]]]:
    acc: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    for pos, item in enumerate(items, start):
        for name, rows in _report_rows(*_as_report(item, pos)).items():
            acc[name] += rows
    return acc
