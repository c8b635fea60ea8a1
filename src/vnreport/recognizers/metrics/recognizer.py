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
* ``change``: a rise or a fall ("tăng 10% so với cùng kỳ") and its base;
* ``timing``: the period the figure covers and the date it is stated at, from the dates found;
* ``subject``: what it is of; ``assembly`` puts a figure together.

A range (``15 - 20 HTX``) is one figure with ``low``/``high``; fractions (``95/155 xã``) give
the part and the whole. Values (``unit``, ``subject``, ``period``) are in the normalised
spelling, like every value of a Report; ``text``/``start``/``end`` are the caller's.
"""

from __future__ import annotations

from ...lexicon.gazetteers import Gazetteers
from ...models import Metric
from ...text.document import Doc
from ..base import Recognizer, register
from .acceptance import acceptable
from .assembly import FigureScan, build_figures
from .shapes import NUMBER, read_number
from .tail import read_tail
from .vocabulary import FigureVocabulary, build_vocabulary


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
        scan = FigureScan.of(doc)
        for m in NUMBER.finditer(doc.text):
            s, e = m.span()
            if s < consumed or doc.is_boilerplate(s, e) or doc.claimed(s, e) is not None:
                continue
            found, consumed = self._read(vocab, doc, scan, s, e)
            out += found
        return out

    @staticmethod
    def _read(vocab: FigureVocabulary, doc: Doc, scan: FigureScan, s: int, e: int) -> tuple[list[Metric], int]:
        """Figures starting with the number at ``[s, e)``, and the offset read up to."""
        hit, resume = read_number(doc, s, e)
        if hit is None:
            return [], resume
        tail = read_tail(vocab, doc, hit.numbers_end)
        if tail is None or not acceptable(vocab, doc, hit, tail, scan.language):
            return [], hit.numbers_end
        return build_figures(vocab, doc, scan, hit, tail), tail.end
