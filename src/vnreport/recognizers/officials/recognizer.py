"""Officials: named people with their honorific and positions.

Reports name officials in a few fixed shapes, which this recogniser reads with rules:

* title first: "Phó Chủ tịch Thường trực UBND tỉnh Nguyễn Thiện", "Bộ trưởng - Chủ nhiệm Văn
  phòng Chính phủ Trần Văn Sơn", lists "Phó Thủ tướng Trần Hồng Hà, Phó Thủ tướng Hồ Đức Phớc";
* honorific first, position in apposition: "ông Trần Thành Lập – Phó Chủ tịch UBND tỉnh Hậu
  Giang", "Đồng chí Võ Minh Tâm – UVTV Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy", "Tiến sĩ Lê
  Mộng Huyền, Giảng viên Khoa …, Trường Đại học Quy Nhơn";
* bare name before a position: "các đồng chí: Hồ Quốc Dũng - Ủy viên Trung ương Đảng, …",
  "bị can Nguyễn Việt Phú (nguyên chuyên viên Vụ Xuất nhập khẩu - Bộ Thương mại)";
* later short references: "ông Lập", "Thứ trưởng Sơn" (kept when one known person fits).

Reading starts at every title or honorific (one Aho-Corasick pass over the document) and walks
tokens from there: the title, the organisation after it (organisation words, abbreviations,
administrative words with their place, lower-case words inside an organisation name), and the
name, a run of capitalised syllables split off with :class:`~vnreport.lexicon.names.NameRules`. Agency
spans found earlier (``doc.context.agency_spans``) fill ``Position.organization`` and mark
where an organisation ends; without them the position text is still complete.
"""

from __future__ import annotations

from typing import Literal

from ...lexicon.gazetteers import Gazetteers
from ...lexicon.names import NameRules
from ...lexicon.titles import TitleLexicon
from ...models import Agency, Official, Position, Span
from ...text.document import Doc
from ..base import Recognizer, register
from .merge import Person, merge_people
from .organizations import BodyNames, Organizations
from .reads import PositionRead
from .state import DocumentReading
from .triggers import read_document


@register("officials")
class OfficialRecognizer(Recognizer):
    """Named officials with honorific, positions (title + organisation), role and every mention."""

    label = "officials"

    def __init__(self) -> None:
        self._lex: TitleLexicon | None = None
        self._rules: NameRules | None = None
        self._bodies: BodyNames | None = None

    def setup(self, gazetteers: Gazetteers) -> None:
        self._lex = TitleLexicon.from_gazetteers(gazetteers)
        self._rules = NameRules.from_gazetteers(gazetteers)
        self._bodies = BodyNames.from_gazetteers(gazetteers)

    def find(self, doc: Doc) -> list[Official]:
        if self._lex is None or self._rules is None or self._bodies is None:
            self.setup(Gazetteers.bundled())
        assert self._lex is not None and self._rules is not None and self._bodies is not None
        reading = DocumentReading(doc, self._lex, self._rules)
        people = merge_people(doc, self._rules, read_document(reading))
        agencies: list[Agency] = list(doc.found.get("agencies") or [])
        orgs = Organizations(reading, self._bodies, agencies, [n for p in people for n in p.names])
        return [_official(doc, orgs, p) for p in people]


def role_of(positions: list[PositionRead]) -> Literal["office_holder", "named"]:
    """``office_holder`` when one of the person's positions is an office or a membership of a
    body ("Phó Chủ tịch UBND tỉnh", "Ủy viên Ban Thường vụ"); ``named`` otherwise: people given
    only an honorific ("ông A cho biết"), an occupation ("giáo viên", "nhạc sĩ") or a title
    whose row says ``role=named`` ("đại biểu" of a meeting)."""
    held = any(d.info is None or d.info.holds_office for d in positions)
    return "office_holder" if held else "named"


def _official(doc: Doc, orgs: Organizations, p: Person) -> Official:
    # Name and honorific in the normalised spelling (NFC, single spaces): the same person
    # gets the same name whatever the page's encoding; spans keep the original text.
    name = " ".join(doc.text[p.first.start : p.first.end].split())
    honorific = " ".join(doc.text[p.honorific.start : p.honorific.end].split()) if p.honorific else None
    kept: list[PositionRead] = []
    seen: set[str] = set()
    for d in sorted(p.positions, key=lambda d: d.start):
        # One position per normalised text: NBSP, NFD, soft hyphens, "Uỷ"/"Ủy" and case do
        # not make a second position of the same office.
        key = " ".join(doc.text[d.start : d.end].split()).casefold()
        if d.start >= d.end or key in seen:
            continue
        seen.add(key)
        kept.append(d)
    found = orgs.shared(kept, [orgs.of(d) for d in kept])
    positions: list[Position] = []
    for d, organization in zip(kept, found, strict=True):
        s, e, text = doc.orig_offsets(d.start, d.end)
        positions.append(Position(text=text, start=s, end=e, title=d.title, organization=organization, former=d.former))
    mentions: list[Span] = []
    last_end = -1
    for n in sorted(p.names, key=lambda n: (n.start, -n.end)):
        if n.start < last_end:
            continue  # the same mention found twice, or inside a longer one
        last_end = n.end
        mentions.append(doc.span(n.start, n.end))
    role = role_of(kept)
    return Official(name=name, honorific=honorific, positions=positions, mentions=mentions, role=role)
