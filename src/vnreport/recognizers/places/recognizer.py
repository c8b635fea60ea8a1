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
from .framing import FramingWords, framing
from .mentions import PlaceWords, find_mentions
from .province import Thresholds, resolve


@register("places")
class PlaceRecognizer(Recognizer):
    label = "places"

    #: Minimum evidence for a main province, and its minimum share of all province evidence.
    min_score: float = 2.0
    min_share: float = 0.5
    #: How many times the second province's evidence the main province needs (else ambiguous).
    min_lead: float = 2.0

    def setup(self, gazetteers: Gazetteers) -> None:
        words: dict[str, list[tuple[str, str]]] = {}
        for r in gazetteers.rows("place_words"):
            word = r["word"] if r["use"] in ("central", "region") else r["word"].lower()
            words.setdefault(r["use"], []).append((word, r["place"]))
        self.words = PlaceWords.of(
            admin_lexicon(gazetteers),
            surnames=frozenset(r["surname"] for r in gazetteers.rows("surnames") if r["surname"]),
            words=words,
        )
        self.framing_words = FramingWords.of(
            [w for w, _ in (*words.get("central", ()), *words.get("region", ()))] + _central_bodies(gazetteers),
            [w for w, _ in words.get("provincial_ref", ())],
            frozenset(r["word"] for r in gazetteers.rows("agency_cues") if "generic_before" in r.list("use")),
        )

    def find(self, doc: Doc) -> list[Place]:
        when = doc.context.report_date()
        lay = doc.layout
        mentions = find_mentions(self.words, doc, when)
        resolution = resolve(
            self.words.lex,
            mentions,
            title=lay.title if lay is not None else None,
            source=lay.source if lay is not None else None,
            when=when,
            limits=Thresholds(self.min_score, self.min_share, self.min_lead),
            frame=framing(doc, self.framing_words, [m.start for m in mentions]),
        )
        found = assemble(doc, self.words.lex, resolution, when)
        doc.context.province = found.main
        doc.context.place_spans = found.spans
        return list(found.places.values())


def _central_bodies(gazetteers: Gazetteers) -> list[str]:
    """Names and aliases of the central bodies of agencies.tsv ("TKV", "Tổng cục Hải quan"): a
    headline naming one frames the report as national, like "Chính phủ" does."""
    out: list[str] = []
    for row in gazetteers.rows("agencies"):
        if row.get("level") == "central":
            out += [row["name"], *row.list("aliases")]
    return [w for w in out if w]
