"""Assembly: a number and what follows it → :class:`~vnreport.models.Metric`.

A range ("34 - 36%", "từ 16 đến 17%") is one figure with ``low``/``high`` (``value`` = low); a
fraction ("95/155 xã") gives the part and the whole. Qualifier, change, period, as-of date and
subject are read here from the stages that own them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...models import Metric
from ...text.document import Doc
from .around import words_after, words_before
from .change import change_base, change_of
from .period import PeriodSearch
from .qualifiers import qualifier_before
from .shapes import NumberHit
from .subject import LastFigure, count_subject, subject_of
from .tail import FigureTail
from .timing import DateIndex, FigureTiming, SentenceIndex, figure_timing
from .vocabulary import FigureVocabulary


@dataclass(slots=True)
class FigureScan:
    """Per-document state of one ``find`` call (kept off the recogniser: pipelines are shared)."""

    dates: DateIndex | None
    sentences: SentenceIndex
    last_figure: LastFigure | None = None
    language: dict[int, bool] = field(default_factory=dict)  # stretch of text → reads as Vietnamese
    periods: PeriodSearch = field(default_factory=PeriodSearch)

    @classmethod
    def of(cls, doc: Doc) -> FigureScan:
        return cls(DateIndex.of(doc), SentenceIndex.of(doc.lower))


@dataclass(frozen=True, slots=True)
class _Qualified:
    qualifier: str | None
    start: int  # where the figure's text starts (its qualifier's start, or the number)


def _qualified(vocab: FigureVocabulary, lower: str, s: int, tail: FigureTail) -> _Qualified:
    qual, qstart = qualifier_before(vocab, lower, s)
    if tail.after_qualifier is not None:
        qual = tail.after_qualifier
        prev = words_before(lower, s, 1)
        if prev and prev[-1] == "từ":  # "từ 90% trở lên"
            qstart = s - 1 - len(prev[-1])
    return _Qualified(qual, qstart if qstart is not None else s)


def _per(vocab: FigureVocabulary, lower: str, s: int, tail: FigureTail) -> str | None:
    """The rate's denominator: "đồng/tháng", or "mỗi năm"/"hằng tháng" right after the figure."""
    if tail.per:
        return tail.per
    if not lower.startswith(" ", tail.end):
        return None
    after = words_after(lower, tail.end, 2)
    if (
        len(after) >= 2
        and after[0] in vocab.per_words
        and after[1].isalpha()
        and (after[0] == "mỗi" or after[1] in vocab.time_nouns)
    ):
        return after[1]
    return None


def _timing(doc: Doc, scan: FigureScan, start: int, end: int) -> FigureTiming:
    if scan.dates is None:
        return FigureTiming(period=scan.periods.period_of(doc.text, doc.lower, start, end))
    return figure_timing(doc, scan.dates, scan.sentences.bounds(start, end), start)


def _subject(vocab: FigureVocabulary, doc: Doc, scan: FigureScan, s: int, tail: FigureTail) -> str | None:
    if tail.kind == "count":
        return count_subject(vocab, doc, tail)
    return subject_of(vocab, doc, scan.last_figure, s, tail)


def build_figures(
    vocab: FigureVocabulary, doc: Doc, scan: FigureScan, hit: NumberHit, tail: FigureTail
) -> list[Metric]:
    """The figures of ``hit`` (two for a fraction), claimed in ``doc``."""
    lower = doc.lower
    s = hit.start
    q = _qualified(vocab, lower, s, tail)
    change = change_of(vocab, lower, q.start)
    if change is None and q.start < s:
        change = change_of(vocab, lower, s)
        if change is not None:  # "cao hơn 5%": the "hơn" belongs to the verb, not a qualifier
            q = _Qualified(None, s)
    base = None
    if change is not None:
        base = change_base(doc.text, lower, scan.sentences.bounds(q.start, tail.end), q.start, tail.end)
    per = _per(vocab, lower, s, tail)
    timing = _timing(doc, scan, q.start, tail.end)
    subject = _subject(vocab, doc, scan, s, tail)
    scan.last_figure = LastFigure(tail.end, subject)
    os_, oe, otext = doc.orig_offsets(q.start, tail.end)
    doc.claim(q.start, tail.end, "metric")

    def metric(
        value: Decimal,
        qualifier: str | None,
        low: Decimal | None = None,
        high: Decimal | None = None,
        part: bool = True,
    ) -> Metric:
        return Metric(
            start=os_,
            end=oe,
            text=otext,
            value=float(value * tail.scale + tail.addend),
            unit=tail.unit,
            qualifier=qualifier,  # type: ignore[arg-type]
            subject=subject,
            period=timing.period,
            period_start=timing.period_start,
            period_end=timing.period_end,
            as_of=timing.as_of,
            change=change if part else None,  # type: ignore[arg-type]
            change_base=base if part else None,
            per=per,
            low=float(low * tail.scale) if low is not None else None,
            high=float(high * tail.scale) if high is not None else None,
        )

    if hit.second is None or hit.value2 is None:
        return [metric(hit.value, q.qualifier)]
    if hit.fraction:
        # "cắt giảm 6.776/9.956 thủ tục": the change is the part; the whole is a level
        return [metric(hit.value, q.qualifier), metric(hit.value2, None, part=False)]
    return [metric(hit.value, q.qualifier, hit.value, hit.value2)]
