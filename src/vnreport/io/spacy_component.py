"""spaCy integration: ``nlp.add_pipe("vnreport")``.

The factory is registered through the ``spacy_factories`` entry point, so after
``pip install vnreport`` this works without importing vnreport::

    import spacy
    nlp = spacy.blank("vi")
    nlp.add_pipe("vnreport", config={"disable": ["metrics"]})
    doc = nlp(text)
    doc.ents                   # non-overlapping: OFFICIAL, AGENCY, LEGAL_DOC, METRIC, DATE, LOC …
    doc.spans["vnreport"]      # every span, overlaps allowed (an agency inside a position)
    doc._.vnreport             # the typed vnreport.Report

The Report travels with the Doc as JSON in ``doc.user_data`` (spaCy serialises that), and the
``doc._.vnreport`` getter rebuilds the model: so ``nlp.pipe(texts, n_process=2)``,
``Doc.to_bytes`` and ``DocBin`` all keep it.

This module is imported by every ``spacy.blank``/``spacy.load`` once vnreport is installed
(spaCy loads all factory entry points), so it must stay cheap to import and must not fail:
the extraction pipeline is only built when the component is added.
"""

# No ``from __future__ import annotations``: spaCy validates factory arguments from the
# runtime annotations.
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, Dict, List, Optional, Union

from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..models import Report
from .render.style import LABEL_COLORS  # displaCy colours per label, the same as the review pages

#: Key of ``doc.spans`` holding every vnreport span.
SPANS_KEY = "vnreport"
#: ``doc.user_data`` key holding the Report as JSON (serialisable, unlike the model).
USER_DATA_KEY = "vnreport.report_json"

#: ``displacy.render(doc, style="ent", options=DISPLACY_OPTIONS)``; user labels get the default grey.
DISPLACY_OPTIONS: Dict[str, Any] = {"colors": LABEL_COLORS}
#: Same for ``style="span"`` (shows overlapping spans from ``doc.spans["vnreport"]``).
DISPLACY_SPAN_OPTIONS: Dict[str, Any] = {"colors": LABEL_COLORS, "spans_key": SPANS_KEY}


# ---------------------------------------------------------------------- the Doc extension
@lru_cache(maxsize=512)
def _report_from_json(data: str) -> Report:
    # Keyed by the stored string (its hash is cached by Python), so repeated access is cheap.
    return Report.model_validate_json(data)


def _get_report(doc: Doc) -> Optional[Report]:
    data = doc.user_data.get(USER_DATA_KEY)
    return None if data is None else _report_from_json(data)


def _set_report(doc: Doc, report: Optional[Report]) -> None:
    if report is None:
        doc.user_data.pop(USER_DATA_KEY, None)
    else:
        doc.user_data[USER_DATA_KEY] = report.model_dump_json()


if not Doc.has_extension("vnreport"):
    Doc.set_extension("vnreport", getter=_get_report, setter=_set_report)


# ---------------------------------------------------------------------- Report -> spaCy spans
def _canonical_ids(report: Report) -> Dict[tuple, str]:
    """(label, start, end) → canonical name, used as the span's ``kb_id``."""
    ids: Dict[tuple, str] = {}
    for d in report.legal_documents:
        ids.update({("LEGAL_DOC", m.start, m.end): d.id for m in d.mentions})
    for s in report.standards:
        ids.update({("STANDARD", m.start, m.end): s.id for m in s.mentions})
    for o in report.officials:
        ids.update({("OFFICIAL", m.start, m.end): o.name for m in o.mentions})
    for a in report.agencies:
        ids.update({("AGENCY", m.start, m.end): a.name for m in a.mentions})
    for p in report.places:
        ids.update({("LOC", m.start, m.end): p.name for m in p.mentions})
    return ids


def report_spans(doc: Doc, report: Report, labels: Optional[Mapping[str, str]] = None) -> List[Span]:
    """spaCy spans for every span of ``report`` (offsets must index ``doc.text``).

    Character offsets are widened to token boundaries (``alignment_mode="expand"``); labels
    may be renamed (``{"OFFICIAL": "PERSON"}``); canonical names become ``span.kb_id_``.
    """
    labels = labels or {}
    ids = _canonical_ids(report)
    out: List[Span] = []
    seen = set()
    for label, s in report.spans():
        if not 0 <= s.start < s.end <= len(doc.text):
            raise ValueError(
                f"vnreport span {label} {s.start}-{s.end} lies outside the Doc's text "
                f"({len(doc.text)} characters): was the Report extracted from another text?"
            )
        span = doc.char_span(
            s.start,
            s.end,
            label=labels.get(label, label),
            kb_id=ids.get((label, s.start, s.end), ""),
            alignment_mode="expand",
        )
        if span is None:
            continue
        key = (span.start, span.end, span.label_)
        if key not in seen:
            seen.add(key)
            out.append(span)
    return out


def annotate(
    doc: Doc,
    report: Report,
    *,
    spans_key: str = SPANS_KEY,
    ents_exclude: Iterable[str] = ("POSITION",),
    labels: Optional[Mapping[str, str]] = None,
    overwrite_ents: bool = False,
) -> Doc:
    """Put ``report`` on ``doc``: ``doc._.vnreport``, ``doc.spans[spans_key]`` and ``doc.ents``.

    ``doc.ents`` cannot overlap: the longest span wins (``spacy.util.filter_spans``), and
    entities already on the Doc (from an ``ner`` component) are kept unless ``overwrite_ents``.
    """
    doc._.vnreport = report
    spans = report_spans(doc, report, labels)
    doc.spans[spans_key] = spans
    excluded = {(labels or {}).get(x, x) for x in ents_exclude}
    ours = filter_spans([s for s in spans if s.label_ not in excluded])
    if overwrite_ents or not doc.ents:
        doc.ents = ours
    else:
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        keep = [s for s in ours if not any(i in taken for i in range(s.start, s.end))]
        doc.ents = sorted([*doc.ents, *keep], key=lambda s: s.start)
    return doc


# ---------------------------------------------------------------------- the component
class VnReportComponent:
    """Runs a :class:`vnreport.Pipeline` on ``doc.text`` and annotates the Doc.

    Built from plain options (so it can be rebuilt in another process, e.g. when pickled for
    a spawned worker); recognisers added in code with :meth:`add_recognizer` travel too.
    """

    def __init__(
        self,
        name: str = "vnreport",
        *,
        disable: Iterable[str] = (),
        gazetteers: Iterable[Union[str, Mapping[str, Any]]] = (),
        recognizers: Iterable[Union[str, Mapping[str, Any]]] = (),
        tokens: bool = False,
        token_backend: str = "pyvi",
        bundled_gazetteers: bool = True,
        spans_key: str = SPANS_KEY,
        ents_exclude: Iterable[str] = ("POSITION",),
        labels: Optional[Mapping[str, str]] = None,
        overwrite_ents: bool = False,
    ) -> None:
        from ..pipeline import Pipeline  # noqa: PLC0415 - only when the component is built
        from ..recognizers import create  # noqa: PLC0415

        self.name = name
        self.options: Dict[str, Any] = {
            "disable": list(disable),
            "gazetteers": list(gazetteers),
            "recognizers": list(recognizers),
            "tokens": tokens,
            "token_backend": token_backend,
            "bundled_gazetteers": bundled_gazetteers,
            "spans_key": spans_key,
            "ents_exclude": list(ents_exclude),
            "labels": dict(labels or {}),
            "overwrite_ents": overwrite_ents,
        }
        extra = []
        for spec in self.options["recognizers"]:
            if isinstance(spec, str):
                extra.append(create(spec))
            else:
                kwargs = dict(spec)
                extra.append(create(kwargs.pop("name"), **kwargs))
        self.pipeline = Pipeline(
            self.options["gazetteers"],
            disable=self.options["disable"],
            extra_recognizers=extra,
            token_backend=token_backend,  # type: ignore[arg-type]
            bundled_gazetteers=bundled_gazetteers,
        )
        self._added: List[Any] = []

    def add_recognizer(self, recognizer: Any) -> None:
        """Add a recogniser object (e.g. a ``PatternRecognizer``) to this component's pipeline."""
        self.pipeline.add_recognizer(recognizer)
        self._added.append(recognizer)

    def __call__(self, doc: Doc) -> Doc:
        o = self.options
        report = self.pipeline(doc.text, tokens=o["tokens"])
        return annotate(
            doc,
            report,
            spans_key=o["spans_key"],
            ents_exclude=o["ents_exclude"],
            labels=o["labels"],
            overwrite_ents=o["overwrite_ents"],
        )

    def __reduce__(self) -> tuple:
        return (_rebuild, (self.name, self.options, self._added))


def _rebuild(name: str, options: Dict[str, Any], added: List[Any]) -> VnReportComponent:
    comp = VnReportComponent(name, **options)
    for r in added:
        comp.add_recognizer(r)
    return comp


@Language.factory(
    "vnreport",
    default_config={
        "disable": [],
        "gazetteers": [],
        "recognizers": [],
        "tokens": False,
        "token_backend": "pyvi",
        "bundled_gazetteers": True,
        "spans_key": SPANS_KEY,
        "ents_exclude": ["POSITION"],
        "labels": {},
        "overwrite_ents": False,
    },
    assigns=["doc.ents", "doc.spans", "doc._.vnreport"],
)
def make_vnreport(
    nlp: Language,
    name: str,
    disable: List[str],
    gazetteers: List[Any],
    recognizers: List[Any],
    tokens: bool,
    token_backend: str,
    bundled_gazetteers: bool,
    spans_key: str,
    ents_exclude: List[str],
    labels: Dict[str, str],
    overwrite_ents: bool,
) -> VnReportComponent:
    """Config options are the Pipeline's: ``disable`` (built-in recogniser names),
    ``gazetteers`` (folders, .tsv files or ``{table: [row, ...]}``), ``recognizers`` (names
    registered with ``vnreport.recognizers.register``, or ``{"name": ..., **kwargs}``),
    ``tokens``; plus how to annotate: ``spans_key``, ``ents_exclude``, ``labels`` (renames,
    e.g. ``{"OFFICIAL": "PERSON"}``) and ``overwrite_ents``."""
    return VnReportComponent(
        name,
        disable=disable,
        gazetteers=gazetteers,
        recognizers=recognizers,
        tokens=tokens,
        token_backend=token_backend,
        bundled_gazetteers=bundled_gazetteers,
        spans_key=spans_key,
        ents_exclude=ents_exclude,
        labels=labels,
        overwrite_ents=overwrite_ents,
    )


# ---------------------------------------------------------------------- displaCy
def render(
    obj: Union[Doc, Report],
    text: Optional[str] = None,
    *,
    style: str = "ent",
    jupyter: Optional[bool] = None,
    options: Optional[Mapping[str, Any]] = None,
    **kwargs: Any,
) -> Optional[str]:
    """displaCy HTML for a Doc annotated by the component, or for a Report and its text.

    ``style="ent"`` shows ``doc.ents`` (no overlaps); ``style="span"`` shows every span,
    overlapping ones stacked. In a notebook the HTML is displayed (``jupyter`` auto-detects).
    """
    if isinstance(obj, Report):
        if text is None:
            raise TypeError(
                "render(report, text): a Report does not hold its text; pass the text it was extracted from"
            )
        doc = _render_nlp().make_doc(text)
        annotate(doc, obj)
    elif isinstance(obj, Doc):
        doc = obj
    else:
        raise TypeError(f"render() takes a spaCy Doc or a vnreport.Report, got {type(obj).__name__}")
    base = DISPLACY_SPAN_OPTIONS if style == "span" else DISPLACY_OPTIONS
    merged = {**base, **(options or {})}
    merged["colors"] = {**base["colors"], **dict((options or {}).get("colors", {}))}
    return displacy.render(doc, style=style, jupyter=jupyter, options=merged, **kwargs)


@lru_cache(maxsize=1)
def _render_nlp() -> Language:
    # A multi-language tokenizer is enough to draw spans (no pyvi model to load).
    import spacy  # noqa: PLC0415

    return spacy.blank("xx")


__all__ = [
    "DISPLACY_OPTIONS",
    "DISPLACY_SPAN_OPTIONS",
    "LABEL_COLORS",
    "SPANS_KEY",
    "VnReportComponent",
    "annotate",
    "make_vnreport",
    "render",
]
