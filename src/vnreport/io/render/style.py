"""Colours, CSS and the small script shared by the review pages (no external resources)."""

from __future__ import annotations

#: Colours per label of every view: the review pages and displaCy
#: (``vnreport.spacy_component.LABEL_COLORS`` is this dict), so pages and notebook views agree;
#: kept here so that rendering pages does not import spaCy. PERSON is for users who rename
#: OFFICIAL to spaCy's usual label.
LABEL_COLORS: dict[str, str] = {
    "OFFICIAL": "#f4a7a0",
    "PERSON": "#f4a7a0",
    "POSITION": "#fddcb5",
    "AGENCY": "#a9c8f5",
    "LEGAL_DOC": "#b9dfa0",
    "STANDARD": "#dbeec9",
    "METRIC": "#fde68a",
    "DATE": "#d3c4ef",
    "LOC": "#8fdcea",
}
OTHER_COLOR = "#e2e2e2"
LABEL_NAMES = {
    "OFFICIAL": "officials",
    "POSITION": "positions",
    "AGENCY": "agencies",
    "LEGAL_DOC": "legal documents",
    "STANDARD": "standards",
    "METRIC": "figures",
    "DATE": "dates",
    "LOC": "places",
}


def label_css(labels: list[str]) -> str:
    rules = []
    for label in labels:
        color = LABEL_COLORS.get(label, OTHER_COLOR)
        rules.append(f'mark.ent[data-label="{label}"] {{ background: {color}; }}')
        rules.append(f'body.hide-{label} mark.ent[data-label="{label}"] {{ background: none; }}')
        rules.append(f'body.hide-{label} mark.ent[data-label="{label}"]::after {{ display: none; }}')
        rules.append(f'.legend .swatch[data-label="{label}"] {{ background: {color}; }}')
    return "\n".join(rules)


CSS = """
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1f2328; background: #f6f7f9; }
header { background: #fff; border-bottom: 1px solid #d8dee4; padding: 14px 24px; }
header h1 { margin: 0 0 4px; font-size: 20px; }
header .meta { color: #57606a; font-size: 13px; }
header .meta span + span::before { content: " · "; }
nav.crumbs { font-size: 13px; margin-bottom: 6px; }
.legend { margin-top: 8px; font-size: 13px; display: flex; flex-wrap: wrap; gap: 10px; }
.legend label { cursor: pointer; user-select: none; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; vertical-align: -1px;
  margin-right: 3px; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 360px; gap: 18px; padding: 18px 24px; }
article#text { background: #fff; border: 1px solid #d8dee4; border-radius: 6px; padding: 18px 22px;
  white-space: pre-wrap; overflow-wrap: anywhere; }
mark.ent { border-radius: 3px; padding: 0 1px; color: inherit; }
mark.ent::after { content: attr(data-label); font-size: 9px; font-weight: 700; letter-spacing: .02em;
  margin-left: 3px; vertical-align: 1px; opacity: .65; }
mark.ent mark.ent { outline: 1px solid rgba(0,0,0,.15); }
mark.ent:target { outline: 2px solid #0969da; }
.debris { color: #8c959f; text-decoration: line-through rgba(140,149,159,.5); }
aside { display: flex; flex-direction: column; gap: 14px; }
aside section { background: #fff; border: 1px solid #d8dee4; border-radius: 6px; padding: 10px 14px; }
aside h2 { font-size: 14px; margin: 0 0 6px; }
aside ol { margin: 0; padding-left: 20px; font-size: 13px; }
aside li { margin: 3px 0; }
aside .sub { color: #57606a; }
aside .none { color: #8c959f; font-size: 13px; }
table.reports { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
table.reports th, table.reports td { border-bottom: 1px solid #d8dee4; padding: 6px 8px; text-align: left;
  vertical-align: top; }
table.reports td.n, table.reports th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.reports tr.failed td { background: #fff1f0; }
.totals { display: flex; gap: 12px; flex-wrap: wrap; margin: 0 0 14px; }
.totals div { background: #fff; border: 1px solid #d8dee4; border-radius: 6px; padding: 8px 14px; }
.totals b { display: block; font-size: 20px; }
main.index { padding: 18px 24px; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
"""

#: Legend checkboxes hide or show one kind of mark (the page works without it).
SCRIPT = """
document.querySelectorAll('.legend input[type=checkbox]').forEach(function (box) {
  box.addEventListener('change', function () {
    document.body.classList.toggle('hide-' + box.value, !box.checked);
  });
});
"""
