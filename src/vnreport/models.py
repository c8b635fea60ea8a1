"""Typed results of an extraction.

Every object that points into the text carries ``start``/``end`` character offsets into the
caller's ORIGINAL string and the ``text`` found there, so ``text[s.start:s.end] == s.text``
holds whatever normalisation happened inside. Field names read by the shared scorer
(``../shared/eval/README.md``) are part of the public contract: keep them.
"""

from __future__ import annotations

import datetime as dt
import json
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal, overload

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler
from pydantic_core import PydanticSerializationError, core_schema


class _Model(BaseModel):
    # No NaN or infinity in a result: strict JSON parsers reject them, so a recogniser that
    # computed one fails loudly instead of writing an unreadable record.
    model_config = ConfigDict(extra="forbid", validate_assignment=False, allow_inf_nan=False)


class Span(_Model):
    """A piece of the original text: ``original[start:end] == text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


TokenKind = Literal["word", "number", "symbol", "abbreviation", "punct", "other"]
_TOKEN_KINDS: tuple[TokenKind, ...] = ("word", "number", "symbol", "abbreviation", "punct", "other")


class Token(Span):
    """A word-segmentation unit; multi-syllable words keep their inner spaces."""

    kind: TokenKind = "word"


class TokenList(Sequence[Token]):
    """Word tokens, stored compactly: offsets in arrays, each token's text sliced from the
    original on access. A 10 MB report has over three million tokens; as pydantic objects they
    took 1.8 GB, here about 17 bytes each. It reads like a list of :class:`Token` (index, slice,
    iterate, compare with a list) and serialises as one.
    """

    __slots__ = ("_ends", "_kinds", "_source", "_starts", "_texts")

    def __init__(self, source: str = "") -> None:
        self._source = source
        self._starts = array("q")
        self._ends = array("q")
        self._kinds = bytearray()
        self._texts: list[str] | None = None  # only for tokens read back from JSON (no source)

    def append(self, start: int, end: int, kind: TokenKind, text: str | None = None) -> None:
        if text is not None:
            if self._texts is None:
                self._texts = [self._source[a:b] for a, b in zip(self._starts, self._ends, strict=True)]
            self._texts.append(text)
        elif self._texts is not None:
            self._texts.append(self._source[start:end])
        self._starts.append(start)
        self._ends.append(end)
        self._kinds.append(_TOKEN_KINDS.index(kind))

    @classmethod
    def of(cls, tokens: Iterable[Token]) -> TokenList:
        out = cls()
        for t in tokens:
            out.append(t.start, t.end, t.kind, t.text)
        return out

    def __len__(self) -> int:
        return len(self._starts)

    def _token(self, i: int) -> Token:
        a, b = self._starts[i], self._ends[i]
        text = self._texts[i] if self._texts is not None else self._source[a:b]
        return Token.model_construct(start=a, end=b, text=text, kind=_TOKEN_KINDS[self._kinds[i]])

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self._token(k) for k in range(*i.indices(len(self)))]
        n = len(self)
        if not -n <= i < n:
            raise IndexError("token index out of range")
        return self._token(i % n)

    def __iter__(self) -> Iterator[Token]:
        return (self._token(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TokenList | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __add__(self, other: Iterable[Any]) -> list[Any]:
        return [*self, *other]

    def __radd__(self, other: Iterable[Any]) -> list[Any]:
        return [*other, *self]

    def __repr__(self) -> str:
        return f"TokenList({len(self)} tokens)"

    def dump(self) -> list[dict[str, Any]]:
        return [{"start": t.start, "end": t.end, "text": t.text, "kind": t.kind} for t in self]

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        from_list = core_schema.no_info_after_validator_function(cls.of, handler.generate_schema(list[Token]))
        return core_schema.json_or_python_schema(
            json_schema=from_list,  # what JSON (and the JSON Schema) holds: a list of tokens
            python_schema=core_schema.union_schema([core_schema.is_instance_schema(cls), from_list]),
            serialization=core_schema.plain_serializer_function_ser_schema(lambda v: v.dump()),
        )


class Entity(Span):
    """A span found by a user-registered recogniser (see ``vnreport.recognizers``)."""

    label: str
    attrs: dict[str, str | int | float | bool | None] = Field(default_factory=dict)


class DateMention(Span):
    """A date or a period, with the ISO interval it denotes.

    ``granularity`` says how precise the mention is: "Sáng 7/12" is a ``day`` whose year came
    from the report's date (``inferred_year``); "6 tháng đầu năm 2011" is a ``period``.
    """

    kind: Literal["date", "period"] = "date"
    granularity: Literal["day", "month", "quarter", "half", "year", "range", "period"] = "day"
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    inferred_year: bool = False


# A period is a DateMention with kind="period"; the alias keeps the vocabulary of the docs.
Period = DateMention


class Place(_Model):
    """A province, district or commune, with its status around the 2025 merger."""

    name: str
    kind: Literal["province", "city", "district", "town", "commune", "ward", "other"] = "province"
    code: str | None = None
    province: str | None = None
    successor: str | None = Field(default=None, description="Province that took over this unit after the 2025 merger.")
    valid_to: dt.date | None = None
    mentions: list[Span] = Field(default_factory=list)


class Agency(_Model):
    """One real-world organisation, however many surface forms the text uses for it."""

    name: str = Field(description="Canonical name: abbreviations expanded, unit added from context.")
    kind: str | None = Field(default=None, description="Bộ, Sở, UBND, HĐND, Tỉnh ủy, Ban, Trung tâm, …")
    level: Literal["central", "province", "district", "commune"] | None = None
    province: str | None = None
    parent: str | None = None
    generic: bool = Field(default=False, description="A generic plural such as 'UBND các huyện'.")
    mentions: list[Span] = Field(default_factory=list)


class Position(_Model):
    """An office held by an official, as written and as understood."""

    text: str = Field(description="The position as written, without name or honorific.")
    start: int | None = None
    end: int | None = None
    title: str | None = Field(default=None, description="Expanded title, e.g. 'Ủy viên Ban Thường vụ'.")
    organization: str | None = Field(default=None, description="Canonical agency name, if any.")
    former: bool = Field(default=False, description="'nguyên Giám đốc …' — a past office.")


class Official(_Model):
    """A named person given a position, title or honorific in the report."""

    name: str
    honorific: str | None = None
    positions: list[Position] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    role: Literal["office_holder", "named"] | None = Field(
        default=None,
        description="office_holder: holds an office or a membership of a body (a position whose title "
        "is one); named: a citizen, delegate, worker or anyone given only an honorific or an occupation. "
        "Set by the officials recogniser; None on an Official built by hand.",
    )


class LegalDocument(_Model):
    """One cited legal or administrative document, with every place it is cited."""

    id: str = Field(description="Canonical number and symbol, e.g. '43/2011/NĐ-CP'.")
    doc_type: str | None = None
    number: str | None = None
    year: int | None = None
    issuer_code: str | None = None
    issuer: str | None = None
    signed_on: dt.date | None = None
    title: str | None = Field(default=None, description="The trích yếu that follows the citation.")
    mentions: list[Span] = Field(default_factory=list)


class Standard(_Model):
    """A technical standard (ISO 9001:2008, TCVN …): cited like a document, but not one."""

    id: str
    body: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class Metric(Span):
    """A reported figure: value in base units plus what it counts, of what, when, and how it moved.

    A range written as one figure ("34 - 36%", "từ 16 đến 17%") is one Metric with ``low`` and
    ``high`` (``value`` is the low end). A decrease keeps a positive ``value`` ("giảm 9,77%" is
    9.77 with ``change="decrease"``). Every field after ``unit`` may be None (not stated).
    """

    value: float
    unit: str = Field(description="%, an ISO currency code, a measure, or the counted noun as written.")
    qualifier: Literal["approx", "over", "under", "at_least", "at_most", "reached", "exact"] | None = None
    subject: str | None = Field(
        default=None, description="The indicator the figure measures, from its clause ('giá tiêu dùng')."
    )
    period: str | None = Field(default=None, description="The period the figure covers, as written.")
    period_start: dt.date | None = Field(default=None, description="First day of that period.")
    period_end: dt.date | None = Field(default=None, description="Last day of that period.")
    as_of: dt.date | None = Field(default=None, description="The date the figure is stated at ('Đến ngày 17/4').")
    change: Literal["increase", "decrease"] | None = Field(
        default=None, description="Set when the figure is a change (tăng, giảm, vượt …), not a level."
    )
    change_base: str | None = Field(
        default=None, description="What a change is measured against, as written ('cùng kỳ năm trước')."
    )
    per: str | None = Field(
        default=None, description="The denominator of a rate ('350.000 đồng/tháng' → 'tháng'; unit stays VND)."
    )
    low: float | None = Field(default=None, description="Low end of a range ('34 - 36%' → 34).")
    high: float | None = Field(default=None, description="High end of a range ('34 - 36%' → 36).")


class Report(_Model):
    """Everything extracted from one report. ``vnreport.extract(text)`` returns one.

    It is also the one record format of batch and CLI output: an input that could not be read
    or extracted gives a record with only ``doc_id`` and ``error`` set, which validates as a
    ``Report`` too (``Report.model_validate_json(line)`` reads every line ``vnreport extract``
    writes, and ``vnreport schema`` describes them all).
    """

    doc_id: str | None = None
    error: str | None = Field(
        default=None, description="Why this input gave no report (batch and CLI records); null on success."
    )
    text_length: int = 0
    title: str | None = None
    published: dt.datetime | None = Field(
        default=None, description="Page date/time; midnight when the page gives no time."
    )
    source: str | None = Field(default=None, description="Source tag such as 'Mic.gov.vn'.")
    url: str | None = Field(default=None, description="The page's address, when the caller or the page gave one.")
    authors: list[str] = Field(default_factory=list)
    event_date: dt.date | None = None
    province: Place | None = None
    places: list[Place] = Field(default_factory=list)
    legal_documents: list[LegalDocument] = Field(default_factory=list)
    standards: list[Standard] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    boilerplate: list[Span] = Field(default_factory=list, description="Web-page remnants that were skipped.")
    entities: list[Entity] = Field(default_factory=list, description="Spans from user-registered recognisers.")
    tokens: TokenList | None = Field(
        default=None, description="Word tokens; only filled when asked (extract(text, tokens=True))."
    )
    text: str | None = Field(
        default=None,
        description="The plain text the offsets point into, when the input was not plain text "
        "(an HTML page, a legacy-encoded file): text[s.start:s.end] == s.text.",
    )

    def spans(self) -> list[tuple[str, Span]]:
        """Every span in the report with a label, for rendering and offset checks."""
        out: list[tuple[str, Span]] = []
        for d in self.legal_documents:
            out += [("LEGAL_DOC", m) for m in d.mentions]
        for s in self.standards:
            out += [("STANDARD", m) for m in s.mentions]
        for o in self.officials:
            out += [("OFFICIAL", m) for m in o.mentions]
            out += [
                ("POSITION", Span(start=p.start, end=p.end, text=p.text))
                for p in o.positions
                if p.start is not None and p.end is not None
            ]
        for a in self.agencies:
            out += [("AGENCY", m) for m in a.mentions]
        for p in self.places:
            out += [("LOC", m) for m in p.mentions]
        out += [("METRIC", m) for m in self.metrics]
        out += [("DATE", d) for d in self.dates]
        out += [(e.label, e) for e in self.entities]
        out.sort(key=lambda ls: (ls[1].start, -ls[1].end, ls[0]))
        return out

    def model_dump_json(self, *, indent: int | None = None, **kwargs: Any) -> str:
        """JSON text of the report. A report of a ``str`` holding lone surrogates (undecodable
        bytes smuggled in with ``surrogateescape``) cannot be UTF-8 encoded: such characters are
        then written as ``\\udXXX`` escapes instead of failing."""
        try:
            return super().model_dump_json(indent=indent, **kwargs)
        except PydanticSerializationError:
            return json.dumps(self.model_dump(mode="json", **kwargs), ensure_ascii=True, indent=indent)

    def to_frame(self) -> Any:
        """This report as tidy pandas DataFrames (``vnreport.to_frame([self])``; needs pandas)."""
        from .io.frames import to_frame  # noqa: PLC0415 - pandas stays optional

        return to_frame([self])
