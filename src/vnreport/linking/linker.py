"""The streaming reduce: :class:`Linker` takes reports one at a time, :class:`Corpus` is the result.

A linker keeps only the small facts of each report (:mod:`vnreport.linking.mentions`), never the
reports, and decides identity in :meth:`Linker.result`, over everything at once and in sorted
order: the result depends on the set of reports added, not on their order or on how they were
split between partial linkers (:meth:`Linker.merge`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ..lexicon.gazetteers import Gazetteers
from ..models import Report
from . import assemble, legal, officials
from .keys import key, slug
from .lexicon import LinkLexicon
from .mentions import ReportMentions
from .models import LinkedAgency, LinkedLegalDocument, LinkedOfficial, TimelineRow
from .read import doc_id_of, failed, read_report

if TYPE_CHECKING:
    from .frames import LinkFrames

ReportLike = Report | Mapping[str, Any]


class Linker:
    """Accumulates reports; ``result()`` links them.

        >>> linker = Linker()
        >>> for record in records:          # Reports or `vnreport extract` records
        ...     linker.add(record)
        >>> corpus = linker.result()

    Failed records (``{"error": ...}``) are skipped and counted (``n_failed``). Partial linkers
    (one per Dask partition, say) combine with :meth:`merge` / :meth:`merged`; they must read the
    same gazetteers.
    """

    def __init__(self, gazetteers: Gazetteers | None = None) -> None:
        self.lexicon = LinkLexicon.from_gazetteers(gazetteers)
        self.reports: list[ReportMentions] = []
        self.failed: list[str] = []

    @property
    def n_reports(self) -> int:
        return len(self.reports)

    @property
    def n_failed(self) -> int:
        return len(self.failed)

    def add(self, report: ReportLike) -> Linker:
        """Add one report (or skip a failed record); returns the linker, for chaining."""
        if not isinstance(report, (Report, Mapping)):
            raise TypeError(f"link() takes Reports or record dicts, got {type(report).__name__}")
        if failed(report):
            self.failed.append(doc_id_of(report))
        else:
            self.reports.append(read_report(report, self.lexicon))
        return self

    def update(self, reports: Iterable[ReportLike]) -> Linker:
        """Add every report of an iterable (consumed once)."""
        for report in reports:
            self.add(report)
        return self

    def merge(self, other: Linker) -> Linker:
        """Add another linker's reports to this one; returns this linker."""
        if other.lexicon != self.lexicon:
            raise ValueError("cannot merge linkers built with different gazetteers")
        self.reports += other.reports
        self.failed += other.failed
        return self

    @classmethod
    def from_records(cls, reports: Iterable[ReportLike], gazetteers: Gazetteers | None = None) -> Linker:
        """A linker of these reports: the per-partition step of a Dask reduction."""
        return cls(gazetteers).update(reports)

    @classmethod
    def merged(cls, linkers: Iterable[Linker]) -> Linker:
        """One linker of several partial ones: the aggregate step of a Dask reduction."""
        parts = list(linkers)
        out = cls.__new__(cls)
        out.lexicon = parts[0].lexicon if parts else LinkLexicon.from_gazetteers()
        out.reports, out.failed = [], []
        for part in parts:
            out.merge(part)
        return out

    def result(self) -> Corpus:
        """Link everything added so far."""
        return Corpus.build(self.reports, self.failed)


class Corpus:
    """Linked officials, agencies and legal documents of a set of reports.

    ``officials`` and ``agencies`` are sorted by name, letters compared without diacritics
    (Đinh before Hồ), ``legal_documents`` by id;
    look entities up with :meth:`get` (by id) or :meth:`in_report`.
    """

    def __init__(
        self,
        officials: list[LinkedOfficial],
        agencies: list[LinkedAgency],
        legal_documents: list[LinkedLegalDocument],
        n_reports: int = 0,
        failed: Iterable[str] = (),
    ) -> None:
        self.officials = officials
        self.agencies = agencies
        self.legal_documents = legal_documents
        self.n_reports = n_reports
        self.failed = sorted(failed)
        self._by_id: dict[str, LinkedOfficial | LinkedAgency | LinkedLegalDocument] = {}
        self._by_doc: dict[str, list[LinkedOfficial | LinkedAgency | LinkedLegalDocument]] = {}

    @property
    def n_failed(self) -> int:
        return len(self.failed)

    @classmethod
    def build(cls, reports: list[ReportMentions], failed: Iterable[str] = ()) -> Corpus:
        people = [assemble.official(ms) for ms in officials.people(m for r in reports for m in r.officials)]
        people.sort(key=lambda o: (slug(o.name), key(o.name), o.id))
        by_agency: dict[str, list[Any]] = {}
        for r in reports:
            for a in r.agencies:
                by_agency.setdefault(a.key, []).append(a)
        agencies = sorted(
            (assemble.agency(ms) for ms in by_agency.values()), key=lambda a: (slug(a.name), key(a.name), a.id)
        )
        documents = legal.documents(m for r in reports for m in r.legal_documents)
        docs = [assemble.legal_document(doc_id, ms) for doc_id, ms in documents.items()]
        return cls(people, agencies, docs, n_reports=len({r.doc_id for r in reports}), failed=failed)

    def __repr__(self) -> str:
        return (
            f"Corpus(reports={self.n_reports}, failed={self.n_failed}, officials={len(self.officials)}, "
            f"agencies={len(self.agencies)}, legal_documents={len(self.legal_documents)})"
        )

    def _entities(self) -> Iterator[LinkedOfficial | LinkedAgency | LinkedLegalDocument]:
        yield from self.officials
        yield from self.agencies
        yield from self.legal_documents

    def get(self, entity_id: str) -> LinkedOfficial | LinkedAgency | LinkedLegalDocument | None:
        """The entity with this id (officials, agencies and documents never share ids)."""
        if not self._by_id:
            self._by_id = {e.id: e for e in self._entities()}
        return self._by_id.get(entity_id)

    def in_report(self, doc_id: str) -> list[LinkedOfficial | LinkedAgency | LinkedLegalDocument]:
        """Every linked entity one report mentions."""
        if not self._by_doc:
            for e in self._entities():
                for d in e.doc_ids:
                    self._by_doc.setdefault(d, []).append(e)
        return list(self._by_doc.get(doc_id, []))

    def find(self, name: str) -> list[LinkedOfficial]:
        """Officials with this name (any spelling that normalises to it): namesakes included."""
        k = key(name)
        return [o for o in self.officials if any(key(n) == k for n in o.names)]

    def timeline(self, official: str | None = None) -> list[TimelineRow]:
        """Who held which post and when the corpus shows it: one row per official and post
        (``official``: only this id), by official then first date."""
        rows = [
            TimelineRow(
                official_id=o.id,
                name=o.name,
                title=p.title,
                organization=p.organization,
                former=p.former,
                first_seen=p.first_seen,
                last_seen=p.last_seen,
                doc_ids=p.doc_ids,
            )
            for o in self.officials
            if official is None or o.id == official
            for p in o.positions
        ]
        return rows

    def to_frame(self) -> LinkFrames:
        """The corpus as pandas tables (see :mod:`vnreport.linking.frames`; needs pandas)."""
        from .frames import to_frame  # noqa: PLC0415 - pandas stays optional

        return to_frame(self)


def link(reports: Iterable[ReportLike], gazetteers: Gazetteers | None = None) -> Corpus:
    """Link reports (``Report``s or ``vnreport extract`` records, consumed once) into a Corpus."""
    return Linker(gazetteers).update(reports).result()
