"""One review page per report: the text with its entities marked, and a side panel listing
officials, agencies, documents and figures, each linked to its first mention."""

from __future__ import annotations

import html
from collections import Counter
from typing import Any

from ...models import Report
from .marks import Mark, marked_html, nestable
from .style import CSS, LABEL_NAMES, SCRIPT, label_css


def report_marks(report: Report) -> list[Mark]:
    """Every span of the report as a mark; the first mention of each entity gets an anchor."""
    marks: list[Mark] = []

    def add(label: str, spans: list[Any], prefix: str, i: int, note: str | None) -> None:
        for k, s in enumerate(spans):
            marks.append(Mark(label, s.start, s.end, f"{prefix}{i}" if k == 0 else None, note))

    for i, o in enumerate(report.officials):
        add("OFFICIAL", o.mentions, "o", i, o.name)
        for p in o.positions:
            if p.start is not None and p.end is not None:
                marks.append(Mark("POSITION", p.start, p.end, None, p.title or p.text))
    for i, a in enumerate(report.agencies):
        add("AGENCY", a.mentions, "a", i, a.name)
    for i, d in enumerate(report.legal_documents):
        add("LEGAL_DOC", d.mentions, "d", i, d.id)
    for i, st in enumerate(report.standards):
        add("STANDARD", st.mentions, "s", i, st.id)
    for i, pl in enumerate(report.places):
        add("LOC", pl.mentions, "p", i, pl.name)
    for i, m in enumerate(report.metrics):
        marks.append(Mark("METRIC", m.start, m.end, f"f{i}", f"{m.value:g} {m.unit}"))
    for dm in report.dates:
        span = (
            f"{dm.date_start} – {dm.date_end}" if dm.date_end and dm.date_end != dm.date_start else str(dm.date_start)
        )
        marks.append(Mark("DATE", dm.start, dm.end, None, span))
    for e in report.entities:
        marks.append(Mark(e.label, e.start, e.end, None, None))
    return marks


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _link(anchor: str, text: str) -> str:
    return f'<a href="#{_esc(anchor)}">{_esc(text)}</a>'


def _section(title: str, items: list[str]) -> str:
    body = "<ol>" + "".join(f"<li>{x}</li>" for x in items) + "</ol>" if items else '<p class="none">none found</p>'
    return f"<section><h2>{_esc(title)} ({len(items)})</h2>{body}</section>"


def side_panel(report: Report) -> str:
    officials = [
        _link(f"o{i}", o.name)
        + "".join(
            f'<br><span class="sub">{_esc(p.text)}{" — " + _esc(p.organization) if p.organization else ""}</span>'
            for p in o.positions
        )
        for i, o in enumerate(report.officials)
    ]
    agencies = [
        _link(f"a{i}", a.name) + f' <span class="sub">{_esc(" · ".join(x for x in (a.kind, a.level) if x))}</span>'
        for i, a in enumerate(report.agencies)
    ]
    documents = [
        _link(f"d{i}", d.id)
        + f' <span class="sub">{_esc(" · ".join(str(x) for x in (d.doc_type, d.issuer, d.signed_on) if x))}</span>'
        + (f'<br><span class="sub">{_esc(d.title)}</span>' if d.title else "")
        for i, d in enumerate(report.legal_documents)
    ]
    figures = [
        _link(f"f{i}", m.text)
        + f' <span class="sub">= {_esc(f"{m.value:g}")} {_esc(m.unit)}'
        + (f" · {_esc(m.subject)}" if m.subject else "")
        + (f" · {_esc(m.period)}" if m.period else "")
        + "</span>"
        for i, m in enumerate(report.metrics)
    ]
    return (
        "<aside>"
        + "".join(
            (
                _section("Officials", officials),
                _section("Agencies", agencies),
                _section("Legal documents", documents),
                _section("Figures", figures),
            )
        )
        + "</aside>"
    )


def _legend(marks: list[Mark], text_length: int) -> tuple[str, list[str]]:
    counts = Counter(m.label for m in nestable(marks, text_length))
    labels = sorted(
        counts, key=lambda x: (x not in LABEL_NAMES, list(LABEL_NAMES).index(x) if x in LABEL_NAMES else 0, x)
    )
    boxes = "".join(
        f'<label><input type="checkbox" value="{_esc(lb)}" checked> '
        f'<span class="swatch" data-label="{_esc(lb)}"></span>'
        f'{_esc(LABEL_NAMES.get(lb, lb))} <span class="sub">({counts[lb]})</span></label>'
        for lb in labels
    )
    return f'<div class="legend">{boxes}</div>', labels


def report_page(report: Report, text: str, *, index_href: str | None = "index.html") -> str:
    """The review page of one report (``text``: what its offsets point into)."""
    marks = report_marks(report)
    legend, labels = _legend(marks, len(text))
    meta = [
        f"<span>{_esc(report.doc_id)}</span>" if report.doc_id else "",
        f"<span>published {_esc(report.published)}</span>" if report.published else "",
        f"<span>source {_esc(report.source)}</span>" if report.source else "",
        f"<span>province {_esc(report.province.name)}</span>" if report.province else "",
        f'<span><a href="{_esc(report.url)}">{_esc(report.url)}</a></span>' if report.url else "",
        f"<span>by {_esc(', '.join(report.authors))}</span>" if report.authors else "",
    ]
    crumbs = f'<nav class="crumbs"><a href="{_esc(index_href)}">← all reports</a></nav>' if index_href else ""
    title = report.title or report.doc_id or "report"
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{_esc(title)} — vnreport</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{CSS}
{label_css(labels)}</style></head>
<body>
<header>{crumbs}<h1>{_esc(title)}</h1><div class="meta">{"".join(meta)}</div>{legend}</header>
<div class="layout"><article id="text">{marked_html(text, marks, report.boilerplate)}</article>
{side_panel(report)}</div>
<script>{SCRIPT}</script>
</body></html>
"""
