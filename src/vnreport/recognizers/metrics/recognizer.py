"""Reported figures: percentages, money, measures, durations and counts of a counted noun.

One compiled scan finds every run of digits; each is then judged by cheap local checks on a
few words around it (never a scan of the whole text per figure), one stage per module:

* ``shapes``: its *shape*: dates (``19/7/2011``, ``30.4.1975``), times (``16:27``), document
  numbers (``43/2011/NĐ-CP``), codes glued to letters (``F1``, ``Covid-19``) and phone numbers
  are not figures, whatever the date and legal recognisers claimed before;
* ``tail``: what *follows*: scale words (``tỷ``, gazetteer ``scale_words``), a unit (gazetteer
  ``units``: %, đồng, USD, ha, tấn …), else the counted noun (``72 kỳ``, ``34 F1``), which must
  exist: a bare number counts nothing;
* ``acceptance``: what *precedes*: a label makes the number a name or an ordinal (``lần thứ
  37``, ``Sư đoàn 3``; gazetteer ``number_labels``), a time noun before a period word is a
  period (``6 tháng đầu năm``);
* ``qualifiers``: how exact it is (``gần``, ``trên``, ``không quá``; ``metric_qualifiers``);
* ``subject`` and ``period``: what it is of, and the period of its sentence.

Ranges (``15 - 20 HTX``) give two figures, a lower (``at_least``) and an upper (``at_most``)
bound; fractions (``95/155 xã``) give the part and the whole. Values (``unit``, ``subject``,
``period``) are in the normalised spelling, like every value of a Report; ``text``/``start``/
``end`` are the caller's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...lexicon.gazetteers import Gazetteers
from ...models import Metric
from ...text.document import Doc
from ..base import Recognizer, register
from .acceptance import acceptable
from .around import words_before
from .period import PeriodSearch
from .qualifiers import qualifier_before
from .shapes import NUMBER, NumberHit, read_number
from .subject import LastFigure, subject_of
from .tail import FigureTail, read_tail
from .vocabulary import FigureVocabulary, build_vocabulary


@dataclass(slots=True)
class FigureScan:
    """Per-document state of one ``find`` call (kept off the recogniser: pipelines are shared)."""

    last_figure: LastFigure | None = None
    periods: PeriodSearch = field(default_factory=PeriodSearch)


@register("metrics")
class MetricRecognizer(Recognizer):
    """Every reported figure, as :class:`~vnreport.models.Metric` (see the module doc)."""

    label = "metrics"

    def __init__(self) -> None:
        self._vocab: FigureVocabulary | None = None

    def setup(self, gazetteers: Gazetteers) -> None:
        self._vocab = build_vocabulary(gazetteers)

    def find(self, doc: Doc) -> list[Metric]:
        if self._vocab is None:
            self.setup(Gazetteers.bundled())
        vocab = self._vocab
        assert vocab is not None
        out: list[Metric] = []
        consumed = 0
        scan = FigureScan()
        for m in NUMBER.finditer(doc.text):
            s, e = m.span()
            if s < consumed or doc.is_boilerplate(s, e) or doc.claimed(s, e) is not None:
                continue
            found, consumed = self._read(vocab, doc, scan, s, e)
            out += found
        return out

    def _read(self, vocab: FigureVocabulary, doc: Doc, scan: FigureScan, s: int, e: int) -> tuple[list[Metric], int]:
        """Figures starting with the number at ``[s, e)``, and the offset read up to."""
        hit, resume = read_number(doc, s, e)
        if hit is None:
            return [], resume
        tail = read_tail(vocab, doc, hit.numbers_end)
        if tail is None or not acceptable(vocab, doc, hit, tail):
            return [], hit.numbers_end
        return self._build(vocab, doc, scan, hit, tail), tail.end

    @staticmethod
    def _build(vocab: FigureVocabulary, doc: Doc, scan: FigureScan, hit: NumberHit, tail: FigureTail) -> list[Metric]:
        """The figures of ``hit`` (two for a range or a fraction), claimed in ``doc``."""
        lower = doc.lower
        s = hit.start
        qual, qstart = qualifier_before(vocab, lower, s)
        if tail.after_qualifier is not None:
            qual = tail.after_qualifier
            prev = words_before(lower, s, 1)
            if prev and prev[-1] == "từ":  # "từ 90% trở lên"
                qstart = s - 1 - len(prev[-1])
        start = qstart if qstart is not None else s
        figures: list[tuple[Decimal, str | None]]
        if hit.second is None or hit.value2 is None:
            figures = [(hit.value, qual)]
        elif hit.fraction:
            figures = [(hit.value, qual), (hit.value2, None)]
        else:
            figures = [(hit.value, "at_least"), (hit.value2, "at_most")]
        period = scan.periods.period_of(doc.text, lower, start, tail.end)
        if tail.kind == "count":
            subject = tail.phrase if tail.phrase and tail.phrase != tail.unit else None
        else:
            subject = subject_of(vocab, doc, scan.last_figure, s, tail)
        scan.last_figure = LastFigure(tail.end, subject)
        os_, oe, otext = doc.orig_offsets(start, tail.end)
        doc.claim(start, tail.end, "metric")
        return [
            Metric(
                start=os_,
                end=oe,
                text=otext,
                value=float(v * tail.scale),
                unit=tail.unit,
                qualifier=q,  # type: ignore[arg-type]
                subject=subject,
                period=period,
            )
            for v, q in figures
        ]
