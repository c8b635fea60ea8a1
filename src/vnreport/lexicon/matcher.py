"""Multi-pattern phrase matching over normalised text (Aho-Corasick, via pyahocorasick).

Gazetteers hold thousands of phrases; a loop over entries per document would be quadratic in
practice. The automaton is built once per gazetteer version and scans a document in one pass.
Matching is case-insensitive and whole-word: a phrase must not start or end inside a word.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from ..text.normalize import lower_same_length, normalize_string

T = TypeVar("T")


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    start: int
    end: int
    payload: T


class PhraseMatcher(Generic[T]):
    """Find gazetteer phrases in text. ``add(phrase, payload)`` then ``find(lowered_text)``."""

    def __init__(self) -> None:
        self._automaton = ahocorasick.Automaton()
        self._payloads: dict[str, list[T]] = {}
        self._built = False

    def add(self, phrase: str, payload: T) -> None:
        key = lower_same_length(normalize_string(phrase).strip())
        if not key:
            return
        self._payloads.setdefault(key, []).append(payload)
        self._built = False

    def add_many(self, items: Iterable[tuple[str, T]]) -> None:
        for phrase, payload in items:
            self.add(phrase, payload)

    def __len__(self) -> int:
        return len(self._payloads)

    def _build(self) -> None:
        self._automaton = ahocorasick.Automaton()
        for key, payloads in self._payloads.items():
            self._automaton.add_word(key, (len(key), payloads))
        if self._payloads:
            self._automaton.make_automaton()
        self._built = True

    def hits(self, lowered: str) -> Iterator[tuple[int, int, list[T]]]:
        """``(start, end, payloads)`` of every whole-word match (overlaps allowed), by end offset.

        The one place where automaton hits are filtered to whole words; callers that need
        their own grouping (e.g. by start offset) build on this instead of the match objects.
        """
        if not self._built:
            self._build()
        if not self._payloads:
            return
        n = len(lowered)
        # is_word_char inlined: this loop runs once per automaton hit (thousands per report).
        for end_idx, (length, payloads) in self._automaton.iter(lowered):
            end = end_idx + 1
            start = end - length
            if start > 0:
                a, b = lowered[start - 1], lowered[start]
                if (a.isalnum() or a == "_") and (b.isalnum() or b == "_"):
                    continue
            if end < n:
                a, b = lowered[end], lowered[end - 1]
                if (a.isalnum() or a == "_") and (b.isalnum() or b == "_"):
                    continue
            yield start, end, payloads

    def find_all(self, lowered: str) -> Iterator[PhraseMatch[T]]:
        """Every whole-word match (overlaps allowed), in order of end offset."""
        for start, end, payloads in self.hits(lowered):
            for p in payloads:
                yield PhraseMatch(start, end, p)

    def find(self, lowered: str) -> list[PhraseMatch[T]]:
        """Longest non-overlapping whole-word matches, left to right."""
        best: list[PhraseMatch[T]] = sorted(self.find_all(lowered), key=lambda m: (m.start, -(m.end - m.start)))
        out: list[PhraseMatch[T]] = []
        last_end = -1
        for m in best:
            if m.start >= last_end:
                out.append(m)
                last_end = m.end
        return out
