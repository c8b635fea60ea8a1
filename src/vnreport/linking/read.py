"""Reading one report — a :class:`~vnreport.Report` or a record as ``vnreport extract`` writes it
— into the few facts linking keeps (:mod:`vnreport.linking.mentions`).

Records are read as plain mappings, not validated into ``Report``: that is several times faster,
and a record written by a newer vnreport (an extra field such as ``Official.role``) still links.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..text.normalize import normalize_string
from .evidence import OrgFacts, official_evidence
from .keys import digest, key
from .lexicon import LinkLexicon
from .mentions import AgencyMention, LegalMention, OfficialMention, Post, ReportMentions


def _get(obj: Any, name: str) -> Any:
    """A field of a model or of a record dict (None when absent)."""
    if type(obj) is dict or isinstance(obj, Mapping):  # the exact type first: ABC checks are slow
        return obj.get(name)
    return getattr(obj, name, None)


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def as_date(value: Any) -> dt.date | None:
    """A date from a ``date``/``datetime`` or an ISO string (``"2025-03-30T00:00:00"``)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            return None
    return None


def _texts(spans: Any) -> tuple[str, ...]:
    """Distinct surface texts of a list of spans (dicts or ``Span`` models)."""
    if not spans:
        return ()
    return tuple(dict.fromkeys(s["text"] if type(s) is dict else str(_get(s, "text")) for s in spans))


def report_date(item: Any) -> dt.date | None:
    """When a report speaks: its page date, else its event date."""
    return as_date(_get(item, "published")) or as_date(_get(item, "event_date"))


def failed(item: Any) -> bool:
    """A record of an input that could not be extracted (``{"error": ...}``)."""
    return isinstance(item, Mapping) and bool(item.get("error"))


def doc_id_of(item: Any) -> str:
    """The report's ``doc_id``; a report without one gets an id made of its content, so it
    does not depend on where in the input it came."""
    doc_id = _get(item, "doc_id")
    if doc_id is not None:
        return str(doc_id)
    names = sorted(str(_get(o, "name")) for o in _get(item, "officials") or ())
    return "doc-" + digest(
        str(_get(item, "title")), str(_get(item, "published")), str(_get(item, "text_length")), *names
    )


def read_report(item: Any, lexicon: LinkLexicon) -> ReportMentions:
    """The linking facts of one report (call :func:`failed` first)."""
    doc_id = doc_id_of(item)
    date = report_date(item)
    place = _get(item, "province")  # a Place, its record dict, or (hand-made records) a bare name
    province = _text(place) if isinstance(place, str) else _text(_get(place, "name"))
    raw_agencies = [a for a in _get(item, "agencies") or () if _get(a, "name")]
    generic = {key(str(_get(a, "name"))) for a in raw_agencies if _get(a, "generic")}
    agencies = tuple(_agency(a, doc_id, date, province) for a in raw_agencies if not _get(a, "generic"))
    facts = {key(a.name): OrgFacts(a.kind, a.level, a.province, a.parent) for a in agencies}
    officials = tuple(
        mention
        for order, o in enumerate(_get(item, "officials") or ())
        if (mention := _official(o, order, doc_id, date, province, facts, generic, lexicon)) is not None
    )
    legal = tuple(_legal(d, doc_id, date, province) for d in _get(item, "legal_documents") or () if _get(d, "id"))
    return ReportMentions(doc_id, date, officials, agencies, legal)


def _official(
    o: Any,
    order: int,
    doc_id: str,
    date: dt.date | None,
    province: str | None,
    facts: Mapping[str, OrgFacts],
    generic: set[str],
    lexicon: LinkLexicon,
) -> OfficialMention | None:
    raw = _text(_get(o, "name"))
    if raw is None:
        return None
    name = normalize_string(raw)  # values are in the normalised spelling, as extract() gives them
    posts = tuple(_post(p) for p in _get(o, "positions") or ())
    role = _text(_get(o, "role"))
    evidence = official_evidence(posts, facts, generic, province, lexicon, named_only=role == "named")
    return OfficialMention(
        doc_id=doc_id,
        order=order,
        name=name,
        key=key(name),
        honorific=_text(_get(o, "honorific")),
        role=role,
        posts=posts,
        anchors=evidence.anchors,
        titles=evidence.titles,
        provinces=evidence.provinces,
        report_province=province,
        date=date,
    )


def _post(p: Any) -> Post:
    title = _text(_get(p, "title")) or _text(_get(p, "text"))
    return Post(title, _text(_get(p, "organization")), bool(_get(p, "former")))


def _agency(a: Any, doc_id: str, date: dt.date | None, report_province: str | None) -> AgencyMention:
    name = str(_get(a, "name"))
    level, province = _text(_get(a, "level")), _text(_get(a, "province"))
    link_key = key(name)
    if level not in (None, "central") and province is None and report_province:
        link_key += "@" + key(report_province)
    return AgencyMention(
        doc_id=doc_id,
        key=link_key,
        name=name,
        kind=_text(_get(a, "kind")),
        level=level,
        province=province,
        parent=_text(_get(a, "parent")),
        texts=_texts(_get(a, "mentions")),
        date=date,
    )


def _legal(d: Any, doc_id: str, date: dt.date | None, province: str | None) -> LegalMention:
    doc = str(_get(d, "id"))
    year = _get(d, "year")
    issuer_code = _text(_get(d, "issuer_code"))
    return LegalMention(
        doc_id=doc_id,
        id=doc,
        short=issuer_code is None and "/" not in doc,
        doc_type=_text(_get(d, "doc_type")),
        number=_text(_get(d, "number")),
        year=int(year) if isinstance(year, int) or (isinstance(year, str) and year.isdigit()) else None,
        issuer_code=issuer_code,
        issuer=_text(_get(d, "issuer")),
        signed_on=as_date(_get(d, "signed_on")),
        title=_text(_get(d, "title")),
        texts=_texts(_get(d, "mentions")),
        report_province=province,
        date=date,
    )
