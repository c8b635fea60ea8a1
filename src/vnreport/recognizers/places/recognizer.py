"""Provinces and districts, and the report's main province.

Three stages: :mod:`.mentions` (parse: unit word + name, or a bare province name outside a
personal name), :mod:`.province` (resolve: settle shared district names, weigh the evidence
for the report's province) and :mod:`.assemble` (one :class:`Place` per unit with its mentions).

The main province (``doc.context.province``, read by the legal and agency rules) is None for
national news. Each place is the unit valid at the report's date (pre-2025 names for older
reports) and knows its post-2025 ``successor``. ``doc.context.place_spans`` keeps
``PlaceSpan(norm_start, norm_end, Place)`` for every mention, in text order, so that the agency
rule can resolve "UBND huyện" to the district named just before.
"""

from __future__ import annotations

from ...lexicon.gazetteers import Gazetteers
from ...lexicon.places import admin_lexicon
from ...models import Place
from ...text.document import Doc
from ..base import Recognizer, register
from .assemble import assemble
from .mentions import PlaceWords, find_mentions
from .province import Thresholds, resolve


@register("places")
class PlaceRecognizer(Recognizer):
    label = "places"

    #: Minimum evidence for a main province, and its minimum share of all province evidence.
    min_score: float = 2.0
    min_share: float = 0.5

    def setup(self, gazetteers: Gazetteers) -> None:
        self.words = PlaceWords.of(
            admin_lexicon(gazetteers),
            surnames=frozenset(r["surname"] for r in gazetteers.rows("surnames") if r["surname"]),
            before_name=frozenset(
                r["word"].lower() for r in gazetteers.rows("place_words") if r["use"] == "before_name"
            ),
        )

    def find(self, doc: Doc) -> list[Place]:
        when = doc.context.report_date()
        lay = doc.layout
        resolution = resolve(
            self.words.lex,
            find_mentions(self.words, doc, when),
            title=lay.title if lay is not None else None,
            source=lay.source if lay is not None else None,
            when=when,
            limits=Thresholds(self.min_score, self.min_share),
        )
        found = assemble(doc, self.words.lex, resolution, when)
        doc.context.province = found.main
        doc.context.place_spans = found.spans
        return list(found.places.values())
