"""What one report says about who an official is: the anchors identity is decided on.

An *anchor* is a body or a province a report ties a person to through a stated post:

* ``org:<organisation>`` for each post's organisation: central bodies as they are ("Bộ Tài
  chính", "Bộ Chính trị"); local ones with their province ("Sở Nội vụ tỉnh Bình Định"), or,
  when the report's agencies give none, qualified by the report's province ("Phòng Khoáng sản"
  of a Kon Tum report); the organisation's parent too when the report names it;
* ``org:<body>`` for the national bodies an office implies though the text does not name them
  ("Thủ tướng" → Chính phủ, Bộ Chính trị; a Politburo post → the Central Committee; table
  ``office_bodies``);
* ``province:<name>`` for posts in a province's or a district's state and Party bodies (UBND,
  HĐND, Tỉnh ủy, Sở …), so "Phó Chủ tịch UBND tỉnh" and later "Bí thư Tỉnh ủy" of one province
  meet. Named institutions (schools, hospitals, newspapers: ``agency_kinds.unit = name``) and
  commune posts give no province anchor: too many namesakes work in them.

A report's own province is never an anchor by itself: ministers and prime ministers are
reported from every province they visit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .keys import key, title_parts
from .lexicon import LinkLexicon
from .mentions import Post

#: Agency levels whose state bodies anchor their province (communes are left out, see above).
_PROVINCE_LEVELS = frozenset({"province", "district"})


@dataclass(frozen=True, slots=True)
class OrgFacts:
    """What a report's agency list says about one organisation named in a post."""

    kind: str | None
    level: str | None
    province: str | None
    parent: str | None


@dataclass(frozen=True, slots=True)
class Evidence:
    anchors: frozenset[str]
    titles: frozenset[str]
    provinces: tuple[str, ...]


def official_evidence(
    posts: Iterable[Post],
    facts: Mapping[str, OrgFacts],
    generic: set[str],
    report_province: str | None,
    lexicon: LinkLexicon,
    named_only: bool = False,
) -> Evidence:
    """Anchors, title keys and post provinces of one official's posts in one report.

    ``named_only`` (``Official.role == "named"``: a person only named, holding no office in the
    report) keeps the titles but gives no anchor.
    """
    anchors: set[str] = set()
    titles: set[str] = set()
    provinces: list[str] = []
    for post in posts:
        if post.title:
            titles.update(title_parts(post.title))
            anchors.update("org:" + key(body) for body in lexicon.bodies_of(post.title))
        if post.organization and key(post.organization) not in generic:
            org_anchors, province = _organisation(post.organization, facts, report_province, lexicon)
            anchors.update(org_anchors)
            if province and province not in provinces:
                provinces.append(province)
    return Evidence(frozenset() if named_only else frozenset(anchors), frozenset(titles), tuple(provinces))


def _organisation(
    organization: str,
    facts: Mapping[str, OrgFacts],
    report_province: str | None,
    lexicon: LinkLexicon,
    with_parent: bool = True,
) -> tuple[list[str], str | None]:
    """The anchors of one post's organisation (and of its parent, read the same way), and the
    province the organisation is in, if it is local."""
    org = key(organization)
    fact = facts.get(org)
    if fact is None or fact.level in (None, "central"):
        # Central, or not in the report's agency list (a hand-made Report): the name is all we have.
        return ["org:" + org, *("org:" + key(b) for b in lexicon.bodies_of_body(organization))], None
    out: list[str] = []
    province = fact.province
    if province:
        out.append("org:" + org)
        if fact.level in _PROVINCE_LEVELS and not lexicon.is_institution(fact.kind):
            out.append("province:" + key(province))
    elif report_province:
        out.append(f"org:{org}@{key(report_province)}")
    if fact.parent and with_parent:
        out += _organisation(fact.parent, facts, report_province, lexicon, with_parent=False)[0]
    return out, province
