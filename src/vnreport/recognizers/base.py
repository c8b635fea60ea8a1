"""Recogniser base classes and the registry.

A recogniser is a class with a ``find(doc)`` method. Built-in ones fill a Report field named by
their ``label`` (``legal_documents``, ``metrics``, ``officials`` …) and run in a fixed order so
that later ones can read earlier results from ``doc.found`` (officials read agencies). A user's
recogniser can be as small as a regex::

    from vnreport.recognizers import PatternRecognizer
    covid = PatternRecognizer("DISEASE", [r"Covid-19", r"cúm gia cầm"])
    nlp = vnreport.Pipeline(extra_recognizers=[covid])

Its spans land in ``Report.entities`` with their label. Register a class by name with
:func:`register` to refer to it from configuration (e.g. the spaCy component's config).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, TypeVar

from ..lexicon.gazetteers import Gazetteers
from ..models import Entity
from ..text.document import Doc

R = TypeVar("R", bound="Recognizer")

#: Built-in recognisers in run order: later ones read earlier results (officials read agencies).
BUILTINS: tuple[str, ...] = ("dates", "places", "legal", "metrics", "agencies", "officials")

#: The one registry: name → class, or ``"module:Class"`` for a built-in not imported yet (importing
#: ``vnreport`` stays cheap; the module registers its class when :func:`lookup` imports it).
_REGISTRY: dict[str, type[Recognizer] | str] = {
    name: f"vnreport.recognizers.{name}:{cls}"
    for name, cls in zip(
        BUILTINS,
        (
            "DateRecognizer",
            "PlaceRecognizer",
            "LegalRecognizer",
            "MetricRecognizer",
            "AgencyRecognizer",
            "OfficialRecognizer",
        ),
        strict=True,
    )
}


def register(name: str) -> Callable[[type[R]], type[R]]:
    """Class decorator: make a recogniser constructible by name (``create(name)``)."""

    def deco(cls: type[R]) -> type[R]:
        _REGISTRY[name] = cls
        if not getattr(cls, "name", ""):
            cls.name = name
        return cls

    return deco


def lookup(name: str) -> type[Recognizer]:
    """The class registered as ``name`` (a built-in is imported on first use)."""
    try:
        entry = _REGISTRY[name]
    except KeyError:
        raise KeyError(f"no recogniser registered as {name!r}; known: {sorted(_REGISTRY)}") from None
    if isinstance(entry, str):
        module, _, attr = entry.partition(":")
        cls: type[Recognizer] = getattr(importlib.import_module(module), attr)
        _REGISTRY[name] = cls
        return cls
    return entry


def registered() -> dict[str, type[Recognizer]]:
    """Registered recogniser classes by name (built-ins included)."""
    return {name: lookup(name) for name in list(_REGISTRY)}


def create(name: str, **kwargs: Any) -> Recognizer:
    """An instance of the recogniser registered as ``name``."""
    return lookup(name)(**kwargs)


class Recognizer:
    """Base class. Subclasses set ``name``/``label`` and implement :meth:`find`.

    ``setup`` is called once per pipeline with its gazetteers: build automata and compile
    patterns there, never per document.
    """

    name: ClassVar[str] = ""
    label: ClassVar[str] = ""
    #: gazetteer tables of its own that this recogniser reads (beyond the bundled schema's), so
    #: that a pipeline can tell a user's table from a stray or misnamed file
    tables: ClassVar[tuple[str, ...]] = ()

    def setup(self, gazetteers: Gazetteers) -> None:
        """Prepare lookups from gazetteers (once per pipeline)."""

    def find(self, doc: Doc) -> list[Any]:
        """Return what was found; the pipeline stores it as ``doc.found[self.label]``."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, label={self.label!r})"


class PatternRecognizer(Recognizer):
    """Spans matching regular expressions, labelled ``label``, skipping boilerplate.

    Patterns run on the normalised text (NFC, ``hóa``/``ủy`` tone position, ``-`` for every
    dash); offsets are mapped back to the caller's text.
    """

    def __init__(
        self,
        label: str,
        patterns: Sequence[str | re.Pattern[str]],
        *,
        name: str | None = None,
        flags: int = re.IGNORECASE,
    ) -> None:
        if not label:
            raise ValueError("PatternRecognizer needs a non-empty label")
        if not patterns:
            raise ValueError("PatternRecognizer needs at least one pattern")
        self.label = label  # type: ignore[misc]
        self.name = name or f"pattern:{label}"  # type: ignore[misc]
        self._patterns = [p if isinstance(p, re.Pattern) else re.compile(p, flags) for p in patterns]

    def find(self, doc: Doc) -> list[Entity]:
        out: list[Entity] = []
        for pat in self._patterns:
            for m in pat.finditer(doc.text):
                s, e = m.span()
                if s == e or doc.is_boilerplate(s, e):
                    continue
                os_, oe, t = doc.orig_offsets(s, e)
                out.append(Entity(start=os_, end=oe, text=t, label=self.label))
        out.sort(key=lambda x: (x.start, x.end))
        return out


class TextRecognizer(Recognizer):
    """Convenience base: implement ``find_spans(text)`` returning ``(start, end)`` pairs (or
    ``(start, end, attrs)``) in the normalised text; they become :class:`Entity` spans."""

    def find_spans(self, text: str) -> Iterable[tuple[int, int] | tuple[int, int, dict[str, Any]]]:
        raise NotImplementedError

    def find(self, doc: Doc) -> list[Entity]:
        out: list[Entity] = []
        for item in self.find_spans(doc.text):
            s, e = int(item[0]), int(item[1])
            attrs = dict(item[2]) if len(item) > 2 else {}
            if not 0 <= s < e <= len(doc.text):
                raise ValueError(f"{self!r} returned span ({s}, {e}) outside the text")
            if doc.is_boilerplate(s, e):
                continue
            os_, oe, t = doc.orig_offsets(s, e)
            out.append(Entity(start=os_, end=oe, text=t, label=self.label, attrs=attrs))
        return out
