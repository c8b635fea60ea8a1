"""Agencies: state, Party and mass organisations, public service units and state groups.

General NER fails here because Vietnamese organisation names are built, not listed: a *head*
(Sở, UBND, Trung tâm, Ban ...) + a *name* (a field such as "Thông tin và Truyền thông", or a
proper name) + an administrative *unit* ("tỉnh Hậu Giang", bare "tỉnh", or nothing) or a
*parent* ("Văn phòng UBND tỉnh", "Ban Tuyên giáo Tỉnh ủy"). The rule finds every head with one
Aho-Corasick pass (heads, fields, named central bodies, place names and non-agency phrases from
the gazetteers), reads the few tokens after it, and builds a canonical name:

* abbreviations expanded, fields spelled one way ("Sở TT&TT" = "Sở Thông tin và Truyền thông"),
* the unit completed from context: bare "tỉnh" and unit-less provincial heads ("Sở Nội vụ",
  "Tỉnh ủy") take the report's main province; "UBND huyện" takes the district named last;
  "Viện Công nghệ Viễn thông" joins "Viện Công nghệ Viễn thông TP. Hồ Chí Minh",
* bare "Sở", "Bộ", "Liên minh" stand for the agency of that head the report is about.

Generic plurals ("các sở, ban, ngành", "UBND các huyện", "HĐND các cấp") are dropped unless the
recogniser is built with ``include_generic=True``, when they are kept with ``generic=True``.
Mentions inside positions count ("Phó Chủ tịch UBND tỉnh Nguyễn Thiện" → "UBND tỉnh"), and
``doc.context.agency_spans`` lists ``IndexedSpan(norm_start, norm_end, agency index)`` for the officials
rule.
"""

from __future__ import annotations

from ...lexicon.gazetteers import Gazetteers
from ...lexicon.orgnames import BareHit, FieldHit, HeadHit, NamedHit, NegativeHit
from ...models import Agency
from ...text.document import Doc
from ..base import Recognizer, register
from .assemble import assemble
from .candidates import Candidate
from .communes import settle_communes
from .mentions import alias_mentions, distribute_units, inherit_title_parent, join_national, truncate_tails
from .parse import after_ministry_title, parse_at
from .scan import DocumentScan
from .vocabulary import AgencyVocabulary

#: Hits where a mention may start (a negative phrase starts one too: it blocks what it covers).
_STARTERS = (HeadHit, NamedHit, BareHit, NegativeHit)


@register("agencies")
class AgencyRecognizer(Recognizer):
    """Stages: :mod:`.parse` (with :mod:`.names`, :mod:`.qualifiers`) → :mod:`.mentions` →
    :mod:`.resolve` → :mod:`.assemble`. All per-document state is in a :class:`DocumentScan`
    made by :meth:`find`; :meth:`setup` builds the read-only vocabulary."""

    label = "agencies"

    def __init__(self, include_generic: bool = False) -> None:
        self.include_generic = include_generic

    def setup(self, gazetteers: Gazetteers) -> None:
        self.vocab = gazetteers.derived(AgencyVocabulary.build)

    def find(self, doc: Doc) -> list[Agency]:
        scan = DocumentScan.of(doc, self.vocab)
        cands = _parse_all(scan)
        truncate_tails(scan.text, cands)
        distribute_units(scan.text, cands)
        alias_mentions(scan.text, cands)
        inherit_title_parent(scan, cands)
        join_national(scan, cands)
        settle_communes(scan, cands)
        agencies, spans = assemble(scan, cands, self.include_generic)
        doc.context.agency_spans = spans
        return agencies


def _parse_all(scan: DocumentScan) -> list[Candidate]:
    """Every mention, left to right; a mention's span is not read again."""
    starts: list[int] = []
    for s, hits in scan.hits.items():
        for _, h in hits:
            if isinstance(h, _STARTERS) or (isinstance(h, FieldHit) and after_ministry_title(scan, s)):
                starts.append(s)
                break
    starts.sort()
    cands: list[Candidate] = []
    consumed = -1
    for s in starts:
        if s < consumed:
            continue
        c = parse_at(scan, s, 0)
        if c is None:
            consumed = max(consumed, scan.skip_to)
            continue
        consumed = c.end
        if scan.doc.is_boilerplate(c.start, c.end):
            continue
        cands.append(c)
        if c.parent is not None and c.kind is not None and c.kind.parent_mention:
            cands.append(c.parent)  # "Thường trực Tỉnh ủy" names the Tỉnh ủy too
    return cands
