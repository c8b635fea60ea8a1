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
name, a run of capitalised syllables split off with :class:`~vnreport.names.NameRules`. Agency
spans found earlier (``doc.context.agency_spans``) fill ``Position.organization`` and mark
where an organisation ends; without them the position text is still complete.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ...lexicon.gazetteers import Gazetteers
from ...lexicon.matcher import PhraseMatcher
from ...lexicon.names import NameRules, is_name_syllable, name_key
from ...lexicon.titles import TitleLexicon
from ...models import Agency, Official, Position, Span
from ...text.document import Doc
from ..base import Recognizer, register
from .reader import Name, Occ, PosDraft, Reader


@dataclass
class Person:
    """Everything read about one person (merged by full name) before it becomes an Official."""

    key: str
    first: Name
    honorific: tuple[int, int] | None = None
    positions: list[PosDraft] = field(default_factory=list)
    names: list[Name] = field(default_factory=list)


def _mention_matcher(people: list[Person]) -> PhraseMatcher[str]:
    """Full names (2+ syllables) of the people found, to collect their other mentions."""
    pm: PhraseMatcher[str] = PhraseMatcher()
    for p in people:
        if len(p.first.words) >= 2:
            pm.add(" ".join(p.first.words), p.key)
    return pm


@register("officials")
class OfficialRecognizer(Recognizer):
    """Named officials with honorific, positions (title + organisation) and every mention."""

    label = "officials"

    def __init__(self) -> None:
        self._lex: TitleLexicon | None = None
        self._rules: NameRules | None = None

    def setup(self, gazetteers: Gazetteers) -> None:
        self._lex = TitleLexicon.from_gazetteers(gazetteers)
        self._rules = NameRules.from_gazetteers(gazetteers)

    def find(self, doc: Doc) -> list[Official]:
        if self._lex is None or self._rules is None:
            self.setup(Gazetteers.bundled())
        assert self._lex is not None and self._rules is not None
        reader = Reader(doc, self._lex, self._rules)
        occs = reader.read()
        people = self._merge(doc, occs)
        agencies: list[Agency] = list(doc.found.get("agencies") or [])
        return [self._official(doc, reader, p, agencies) for p in people]

    # ------------------------------------------------------------------ merging
    def _merge(self, doc: Doc, occs: list[Occ]) -> list[Person]:
        rules = self._rules
        assert rules is not None
        people: dict[str, Person] = {}
        order: list[str] = []
        shorts: list[Occ] = []
        for occ in occs:
            words = occ.name.words
            if len(words) == 1 or rules.surname_rank(words[0]) is None:
                shorts.append(occ)
                continue
            key = name_key(" ".join(words))
            if key not in people:
                people[key] = Person(key, occ.name)
                order.append(key)
            self._add(people[key], occ)
        # Short references ("ông Lập", "Thứ trưởng Sơn", "ông Anh Tuấn") to one known person.
        by_tail: dict[str, list[str]] = {}
        for k in order:
            parts = k.split()
            for n in (1, 2):
                if len(parts) > n:
                    by_tail.setdefault(" ".join(parts[-n:]), []).append(k)
        for occ in shorts:
            tail = name_key(" ".join(occ.name.words))
            fits = by_tail.get(tail, [])
            if len(fits) == 1:
                self._add(people[fits[0]], occ)
            elif len(occ.name.words) >= 2 and not fits:
                key = name_key(" ".join(occ.name.words))
                if key not in people:
                    people[key] = Person(key, occ.name)
                    order.append(key)
                self._add(people[key], occ)
        # Further mentions of a full name anywhere in the text.
        plist = [people[k] for k in order]
        if plist:
            for m in _mention_matcher(plist).find(doc.lower):
                if doc.is_boilerplate(m.start, m.end):
                    continue
                if not all(is_name_syllable(w) for w in doc.text[m.start : m.end].split()):
                    continue
                after = doc.text[m.end : m.end + 2]
                if len(after) == 2 and after[0] == " " and after[1].isupper():
                    continue  # part of a longer name
                people[m.payload].names.append(Name(m.start, m.end, doc.text[m.start : m.end].split()))
        return plist

    @staticmethod
    def _add(person: Person, occ: Occ) -> None:
        person.names.append(occ.name)
        if person.honorific is None and occ.honorific is not None:
            person.honorific = occ.honorific
        person.positions.extend(occ.positions)

    # ------------------------------------------------------------------ output
    def _official(self, doc: Doc, reader: Reader, p: Person, agencies: list[Agency]) -> Official:
        # Name and honorific in the normalised spelling (NFC, single spaces): the same person
        # gets the same name whatever the page's encoding; spans keep the original text.
        name = " ".join(doc.text[p.first.start : p.first.end].split())
        honorific = " ".join(doc.text[p.honorific[0] : p.honorific[1]].split()) if p.honorific else None
        positions: list[Position] = []
        seen: set[str] = set()
        for d in sorted(p.positions, key=lambda d: d.start):
            s, e, text = doc.orig_offsets(d.start, d.end)
            key = " ".join(text.split()).casefold()
            if not text or key in seen:
                continue
            seen.add(key)
            positions.append(
                Position(
                    text=text,
                    start=s,
                    end=e,
                    title=d.title,
                    organization=self._organization(reader, d, agencies),
                    former=d.former,
                )
            )
        mentions: list[Span] = []
        last_end = -1
        for n in sorted(p.names, key=lambda n: (n.start, -n.end)):
            if n.start < last_end:
                continue  # the same mention found twice, or inside a longer one
            last_end = n.end
            mentions.append(doc.span(n.start, n.end))
        return Official(name=name, honorific=honorific, positions=positions, mentions=mentions)

    @staticmethod
    def _organization(reader: Reader, d: PosDraft, agencies: list[Agency]) -> str | None:
        """Canonical name of the first agency recognised inside the position's text.

        It may start inside the title when the title ends with the unit's word ("Trưởng
        [Ban Tuyên giáo Tỉnh ủy]"), never at the title's start ("Thủ tướng Chính phủ")."""
        k = bisect.bisect_right(reader.agency_starts, d.start)
        for s, e, idx in reader.agency_spans[k:]:
            if s >= d.end:
                break
            if d.title_end < e <= d.end and 0 <= idx < len(agencies):
                return agencies[idx].name
        return None
