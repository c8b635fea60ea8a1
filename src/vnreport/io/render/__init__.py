"""Static HTML review pages: one page per report (entities marked by kind, a side panel of
officials, agencies, documents and figures) and an index with counts and links.

    >>> from vnreport.io.render import write_review
    >>> write_review([(report, text), ...], "review/")      # or records with a "text" field

Pages are self-contained (inline CSS, a few lines of script to hide a kind of mark), so the
folder can be opened from disk, mailed or served as it is.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ...models import Report
from .index import Entry, index_page
from .page import report_page

Item = tuple[Report, str] | Mapping[str, Any]


def page_name(position: int, doc_id: str | None) -> str:
    """``0001-r001.html``: a file name from the id that is safe on every filesystem."""
    stem = re.sub(r"\.(txt|html?|epi|aspx?|php)$", "", re.split(r"[\\/]", doc_id or "report")[-1], flags=re.I)
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_stem).strip("-.")[:60] or "report"
    return f"{position:04d}-{slug}.html"


def _as_pair(item: Item) -> tuple[Report | None, str | None, str | None, str | None]:
    """(report, text, doc_id, error) of a (Report, text) pair or a record."""
    if isinstance(item, tuple):
        report, text = item
        return report, text, report.doc_id, None
    if item.get("error"):
        return None, None, str(item.get("doc_id")), str(item["error"])
    report = Report.model_validate({k: v for k, v in item.items() if k != "error"})
    return report, report.text, report.doc_id, None


def write_review(
    items: Iterable[Item], out_dir: str | os.PathLike[str], *, title: str = "vnreport review"
) -> list[Path]:
    """Write one page per report and ``index.html`` into ``out_dir``; returns the pages written
    (index last). A record with an ``error`` is listed in the index without a page; a report
    without its text (a plain-text record) cannot be marked and raises ``ValueError``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    entries: list[Entry] = []
    written: list[Path] = []
    for i, item in enumerate(items, 1):
        report, text, doc_id, error = _as_pair(item)
        if report is None:
            entries.append(Entry(doc_id or f"#{i}", None, error=error))
            continue
        if text is None:
            raise ValueError(f"{doc_id}: the report carries no text to mark; pass (report, text) pairs")
        name = page_name(i, doc_id)
        (out / name).write_text(report_page(report, text), encoding="utf-8")
        written.append(out / name)
        entries.append(
            Entry(
                doc_id or f"#{i}",
                name,
                report.title,
                report.published.isoformat(sep=" ", timespec="minutes") if report.published else None,
                report.province.name if report.province else None,
                len(report.officials),
                len(report.agencies),
                len(report.legal_documents),
                len(report.metrics),
            )
        )
    (out / "index.html").write_text(index_page(entries, title), encoding="utf-8")
    written.append(out / "index.html")
    return written


__all__ = ["Entry", "index_page", "page_name", "report_page", "write_review"]
