"""Merging what was read into people: one per full name, short references ("ông Lập",
"Thứ trưởng Sơn") attached when exactly one known person fits, and every further mention of a
full name collected from the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...lexicon.matcher import PhraseMatcher
from ...lexicon.names import NameRules, is_name_syllable, name_key
from ...text.document import Doc
from .reads import Extent, NameSpan, PersonMention, PositionRead


@dataclass
class Person:
    """Everything read about one person (merged by full name) before it becomes an Official."""

    key: str
    first: NameSpan
    honorific: Extent | None = None
    positions: list[PositionRead] = field(default_factory=list)
    names: list[NameSpan] = field(default_factory=list)

    def add(self, mention: PersonMention) -> None:
        self.names.append(mention.name)
        if self.honorific is None and mention.honorific is not None:
            self.honorific = mention.honorific
        self.positions.extend(mention.positions)


class _People:
    """People by key, in order of first mention."""

    def __init__(self) -> None:
        self.by_key: dict[str, Person] = {}

    def add(self, mention: PersonMention) -> None:
        key = name_key(" ".join(mention.name.words))
        person = self.by_key.get(key)
        if person is None:
            person = self.by_key[key] = Person(key, mention.name)
        person.add(mention)

    def by_tail(self) -> dict[str, list[str]]:
        """Keys of the people by the last one and two syllables of their names."""
        out: dict[str, list[str]] = {}
        for k in self.by_key:
            parts = k.split()
            for n in (1, 2):
                if len(parts) > n:
                    out.setdefault(" ".join(parts[-n:]), []).append(k)
        return out


def merge_people(doc: Doc, rules: NameRules, mentions: list[PersonMention]) -> list[Person]:
    """One :class:`Person` per full name, in order of first mention."""
    people = _People()
    shorts: list[PersonMention] = []
    for mention in mentions:
        words = mention.name.words
        if len(words) == 1 or rules.surname_rank(words[0]) is None:
            shorts.append(mention)
            continue
        people.add(mention)
    # Short references ("ông Lập", "Thứ trưởng Sơn", "ông Anh Tuấn") to one known person.
    by_tail = people.by_tail()
    for mention in shorts:
        fits = by_tail.get(name_key(" ".join(mention.name.words)), [])
        if len(fits) == 1:
            people.by_key[fits[0]].add(mention)
        elif len(mention.name.words) >= 2 and not fits:
            people.add(mention)
    _merge_truncated(doc, people.by_key)
    found = list(people.by_key.values())
    if found:
        _collect_mentions(doc, found, people.by_key)
    return found


def _merge_truncated(doc: Doc, by_key: dict[str, Person]) -> None:
    """ "Ông Phạm Quang nghị:" (a typo), "ông Đậu Anh Tuấn-Trưởng Ban": a name cut before its
    last syllable is the one known person whose name goes on with the syllable written next."""
    keys = list(by_key)
    extending: dict[str, list[str]] = {}  # a name's word prefixes → the longer names (linear)
    for k in keys:
        words = k.split()
        for n in range(1, len(words)):
            extending.setdefault(" ".join(words[:n]), []).append(k)
    for key in keys:
        longer = extending.get(key, [])
        if len(longer) != 1:
            continue
        nxt = longer[0][len(key) + 1 :].split()[0]
        person = by_key[key]
        if any(doc.lower.startswith(nxt, n.end + 1) or doc.lower.startswith(nxt, n.end) for n in person.names):
            target = by_key[longer[0]]
            target.names.extend(person.names)
            target.positions.extend(person.positions)
            if target.honorific is None:
                target.honorific = person.honorific
            del by_key[key]


def _collect_mentions(doc: Doc, found: list[Person], by_key: dict[str, Person]) -> None:
    """Further mentions of a full name (2+ syllables) anywhere in the text."""
    pm: PhraseMatcher[str] = PhraseMatcher()
    for p in found:
        if len(p.first.words) >= 2:
            pm.add(" ".join(p.first.words), p.key)
    for m in pm.find(doc.lower):
        if doc.is_boilerplate(m.start, m.end):
            continue
        words = doc.text[m.start : m.end].split()
        if not all(is_name_syllable(w) for w in words):
            continue
        after = doc.text[m.end : m.end + 2]
        if len(after) == 2 and after[0] == " " and after[1].isupper():
            continue  # part of a longer name
        by_key[m.payload].names.append(NameSpan(m.start, m.end, tuple(words)))
