"""The index of a review folder: totals, then one row per report with its counts and a link."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from .style import CSS


@dataclass(frozen=True, slots=True)
class Entry:
    """One input in the index: its page (None when it failed) and what it holds."""

    doc_id: str
    href: str | None
    title: str | None = None
    published: str | None = None
    province: str | None = None
    officials: int = 0
    agencies: int = 0
    documents: int = 0
    figures: int = 0
    error: str | None = None


_COLUMNS = (
    ("officials", "officials"),
    ("agencies", "agencies"),
    ("documents", "legal documents"),
    ("figures", "figures"),
)


def index_page(entries: Sequence[Entry], title: str = "vnreport review") -> str:
    esc = html.escape
    failed = [e for e in entries if e.error]
    totals = [
        ("reports", len(entries) - len(failed)),
        *((label, sum(getattr(e, k) for e in entries)) for k, label in _COLUMNS),
    ]
    if failed:
        totals.append(("failed", len(failed)))
    boxes = "".join(f"<div><b>{n:,}</b>{esc(label)}</div>" for label, n in totals)
    head = "".join(f'<th class="n">{esc(label)}</th>' for _, label in _COLUMNS)
    rows = []
    for i, e in enumerate(entries, 1):
        name = f'<a href="{esc(e.href)}">{esc(e.title or e.doc_id)}</a>' if e.href else esc(e.title or e.doc_id)
        if e.error:
            cells = f'<td colspan="{len(_COLUMNS) + 2}">{esc(e.error)}</td>'
        else:
            counts = "".join(f'<td class="n">{getattr(e, k)}</td>' for k, _ in _COLUMNS)
            cells = f"<td>{esc(e.published or '')}</td><td>{esc(e.province or '')}</td>{counts}"
        rows.append(
            f'<tr class="{"failed" if e.error else "ok"}"><td class="n">{i}</td><td>{name}'
            f'<br><span class="sub">{esc(e.doc_id)}</span></td>{cells}</tr>'
        )
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}
.sub {{ color: #57606a; font-size: 12px; }}</style></head>
<body><header><h1>{esc(title)}</h1></header>
<main class="index"><div class="totals">{boxes}</div>
<table class="reports"><thead><tr><th class="n">#</th><th>report</th><th>published</th><th>province</th>{head}
</tr></thead>
<tbody>{"".join(rows)}</tbody></table></main>
</body></html>
"""
