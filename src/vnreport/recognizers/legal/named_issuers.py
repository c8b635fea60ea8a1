"""The issuing body as a citation names it: "… của Bộ Chính trị", "… do Sở Tư pháp ký", "… giữa Bộ
Thương mại - Bộ Công nghiệp", "UBND tỉnh Nghệ An ban hành Quyết định số …", into a canonical name.

Conventions of the genre (and of the gold): a Chủ tịch or Thủ tướng who signs stays apart from the
collective body ("Chủ tịch Ủy ban nhân dân tỉnh Hải Dương", "Thủ tướng Chính phủ"); any other head
(Bộ trưởng, Giám đốc, Hiệu trưởng …) folds into the body; joint issuers keep the text's order,
joined by " - ". Names come from the shared organisation vocabulary (``agencies``, ``agency_kinds``,
``agency_fields`` through :func:`~vnreport.lexicon.orgnames.org_lexicon`) and the ``issuers`` table;
a local body without its unit ("UBND tỉnh", "Ban Thường vụ Tỉnh ủy") takes the report's province.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ...lexicon.orgnames import Field, FieldHit, HeadHit, Kind, NamedHit, OrgLexicon, display_name
from ...lexicon.places import key

# Where the name of the issuer stops: its trích yếu, a date or number, a verb, a new clause.
_PHRASE_END = re.compile(
    r"\s+(?:về|v/v|quy định|hướng dẫn|phê duyệt|ban hành|sửa đổi|thành lập|triển khai|ngày|số|đã|vừa|ký|có|"
    r"thông báo|khóa|nhiệm kỳ|tại|trong|cho|với|nhằm|để|là|thì|mà|đối với|năm|được)\b|[,;.:\"…]"
    r"|\s+và\s+(?![A-ZĐ])|\s+và\s+(?=[^,;.\d]{0,30}\d)"
)
_PARENTHESISED = re.compile(r"\s*\([^()]{0,20}\)")
_SOURCE_TAG = re.compile(r"^\s*\([^()]{1,40}\)\s*-\s*")
# Heads that sign documents in their own name: they stay apart from their body.
_OWN_NAME_HEADS = re.compile(r"(?P<head>Chủ tịch)\s+(?=\S)")
_PRIME_MINISTER = re.compile(r"Thủ tướng(?:\s+Chính phủ)?(?![\w\s]*[A-ZĐ])")
# Heads that fold into their body ("Bộ trưởng Bộ Tài chính" → Bộ Tài chính).
_FOLDING_HEADS = re.compile(
    r"(?:Phó\s+)?(?:Bộ trưởng|Thứ trưởng|Giám đốc|Tổng Giám đốc|Hiệu trưởng|Viện trưởng|Cục trưởng|Tổng cục trưởng|"
    r"Chánh Văn phòng|Trưởng ban|Bí thư|Chủ nhiệm)\s+(?=[A-ZĐ])"
)
_JOINT_SEPARATOR = re.compile(r"\s+-\s+|\s+và\s+")
_BARE_UNIT = re.compile(r"(?:tỉnh|thành phố|tp\.?)$", re.IGNORECASE)
_LOCAL_WITHOUT_NAME = re.compile(r"\b(?:huyện|quận|thị xã|xã|phường|thị trấn)$", re.IGNORECASE)
_PARTY_COMMITTEE = re.compile(r"(?:Tỉnh|Thành)\s+ủy$")
_UNIT_WRITTEN = re.compile(r"\b(?:tỉnh|thành phố|tp|huyện|quận|thị xã|xã|phường|thị trấn)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class IssuerReader:
    """What reading a named issuer needs (built once per gazetteer version, with the lexicon)."""

    org: OrgLexicon  # the shared organisation vocabulary
    central: Mapping[str, str]  # key of a central issuer's name (issuers table) → the name
    surnames: frozenset[str]  # a surname after a body's name starts a person's name
    name_stops: frozenset[str]  # words that end an organisation's name (stop_words.tsv)
    heads: tuple[str, ...]  # lower-case organisation heads (org_heads.tsv: "ban chỉ đạo"), longest first


@dataclass(frozen=True, slots=True)
class IssuingProvince:
    name: str
    is_city: bool  # a centrally-run city: "Ủy ban nhân dân thành phố X", "Thành ủy X"


def trim_phrase(phrase: str) -> str:
    """The issuer's part of the words after "của"/"do" (or before "ban hành")."""
    phrase = _SOURCE_TAG.sub("", _PARENTHESISED.sub("", phrase))
    m = _PHRASE_END.search(phrase)
    return (phrase[: m.start()] if m else phrase).strip(" -")


def _lower_tail(body: str, end: int) -> bool:
    """Does the name end at ``end``: nothing after it, or only lower-case words ("Bộ Chính trị
    phát triển kinh tế tư nhân" is Bộ Chính trị and its subject)?"""
    tail = body[end:]
    return not tail.strip() or (tail[:1].isspace() and tail.strip()[0].islower())


def _named(org: OrgLexicon, body: str) -> str | None:
    """A named body (agencies table) at the start of ``body``, followed by nothing of its name."""
    low = body.lower()
    for end, hit in sorted(org.matcher.by_start(low).get(0, []), key=lambda h: -h[0]):
        if isinstance(hit, NamedHit) and _lower_tail(body, end):
            return hit.named.name
    return None


def _central(central: Mapping[str, str], body: str) -> str | None:
    """A central issuer of the ``issuers`` table at the start of ``body`` ("Thủ tướng Chính phủ")."""
    words = body.split()
    for n in range(len(words), 0, -1):
        name = central.get(key(" ".join(words[:n])))
        if name and (n == len(words) or words[n][0].islower()):
            return name
    return None


def _head(org: OrgLexicon, low: str) -> tuple[int, Kind] | None:
    best: tuple[int, Kind] | None = None
    for end, hit in org.matcher.by_start(low).get(0, []):
        if isinstance(hit, HeadHit) and (best is None or end > best[0]):
            best = (end, hit.kind)
    return best


def _field(org: OrgLexicon, low: str, pos: int) -> tuple[int, Field] | None:
    best: tuple[int, Field] | None = None
    for end, hit in org.matcher.by_start(low).get(pos, []):
        if isinstance(hit, FieldHit) and (best is None or end > best[0]):
            best = (end, hit.field)
    return best


_UNIT_AND_NAME = re.compile(
    r"(?P<level>tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\b"
    r"(?:\s+(?P<name>[A-ZĐ]\w*(?:(?:\s+|\s?-\s?)[A-ZĐ]\w*){0,3}))?"
)
_UNIT_WORDS = frozenset({"tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn"})
_CITY_ABBREVIATION = re.compile(r"\b(?:TP|Tp|tp)\.?(?=\s)")


def _name_tail(rest: str, reader: IssuerReader, started: bool = False) -> str:
    """The words of an organisation's name after its head, up to a person's name ("Tổng cục Hải
    quan Nguyễn Văn Cẩn") or a lower-case word that ends a name (stop_words: "… đã", "… theo")."""
    words = _CITY_ABBREVIATION.sub("thành phố", rest).split()
    out: list[str] = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        after_unit = bool(out) and (out[-1].lower() in _UNIT_WORDS or " ".join(out[-2:]).lower() in _UNIT_WORDS)
        if w in reader.surnames and nxt[:1].isupper() and not after_unit and (out or started):
            break  # a person's name
        joins = w in ("và", "&") and nxt[:1].isupper()  # "Tài nguyên và Môi trường"
        if w[:1].islower() and not joins and (w in reader.name_stops or f"{w} {nxt}" in reader.name_stops):
            break
        out.append(w)
    return " ".join(out).strip(" -&")


def _unit_tail(rest: str, reader: IssuerReader) -> str | None:
    """A unit after a head that takes no name ("UBND tỉnh Thái Bình giải quyết …" → "tỉnh Thái
    Bình"; "TP Đà Nẵng Huỳnh Đức Thơ" → "thành phố Đà Nẵng": a known province, or up to a surname)."""
    m = _UNIT_AND_NAME.match(_CITY_ABBREVIATION.sub("thành phố", rest))
    if m is None:
        return None
    level, name = m["level"], (m["name"] or "").split()
    for n in range(len(name), 0, -1):
        if reader.org.admin.province_by_name(" ".join(name[:n])) is not None:
            return f"{level} {' '.join(name[:n])}"
    cut = next((i for i, w in enumerate(name) if i and w in reader.surnames), len(name))
    return " ".join([level, *name[:cut]])


def _with_unit(name: str, rest: str, kind: Kind, province: IssuingProvince | None) -> str | None:
    """A local body's name with its unit: "Ủy ban nhân dân tỉnh" + the report's province."""
    if _LOCAL_WITHOUT_NAME.search(name):
        return None  # "UBND huyện": which one?
    if _BARE_UNIT.search(name) or _PARTY_COMMITTEE.search(name):
        return f"{name} {province.name}" if province else None
    if kind.unit == "admin" and kind.scope == "province" and not _UNIT_WRITTEN.search(rest):
        if province is None:
            return None
        if key(province.name) in key(rest):
            return name
        return f"{name} {'thành phố' if province.is_city else 'tỉnh'} {province.name}"
    return name


def _body(reader: IssuerReader, body: str, province: IssuingProvince | None) -> str | None:
    """The canonical name of one issuing body as written (a head, a field or name, a unit)."""
    body = body.strip()
    if not body or not body[0].isupper():
        return None
    if _PRIME_MINISTER.match(body):
        return "Thủ tướng Chính phủ"
    own = _OWN_NAME_HEADS.match(body)
    if own:
        rest = _body(reader, body[own.end() :], province)
        return f"{own['head']} {rest}" if rest else None
    folded = _FOLDING_HEADS.match(body)
    if folded:
        return _body(reader, body[folded.end() :], province)
    org = reader.org
    named = _central(reader.central, body) or _named(org, body)
    if named:
        return named
    low = body.lower()
    head = _head(org, low)
    if head is None:
        return None
    end, kind = head
    longer = next((len(h) for h in reader.heads if len(h) > end and low.startswith(h + " ")), None)
    written_head = body[end:longer].rstrip() if longer else ""  # "Ban" + " chỉ đạo"
    end = longer or end
    rest = body[end:].strip()
    field = _field(org, low, end + 1) if rest else None
    unit = _unit_tail(rest, reader) if not kind.takes_name else None  # "UBND tỉnh Hưng Yên - Đỗ Quốc Hoàn"
    if unit is not None:
        rest = unit
    elif field is not None:
        rest = field[1].canonical + " " + _name_tail(body[field[0] :], reader, started=True)
    else:
        rest = _name_tail(rest, reader)
    if not rest and not written_head and (kind.takes_name or kind.level in ("district", "commune")):
        return None  # a bare "Sở", "Hội đồng", "Huyện ủy": which one?
    name = display_name(f"{kind.canonical}{written_head} {org.expand(rest)}".strip())
    return _with_unit(name, rest, kind, province)


def _joint_parts(reader: IssuerReader, phrase: str) -> list[str]:
    """The bodies of a joint phrase: split at " - " or "và" before a body ("Bộ Thương mại - Bộ Công
    nghiệp"), not inside a name ("Bộ Lao động - Thương binh và Xã hội")."""
    pieces = _JOINT_SEPARATOR.split(phrase)
    seps = _JOINT_SEPARATOR.findall(phrase)
    parts = [pieces[0]]
    for sep, piece in zip(seps, pieces[1:], strict=True):
        low = piece.lower()
        if _head(reader.org, low) or _central(reader.central, piece) or _PRIME_MINISTER.match(piece):
            parts.append(piece)
        else:
            parts[-1] += sep + piece
    return parts


def read_named_issuer(reader: IssuerReader, phrase: str, province: IssuingProvince | None) -> str | None:
    """The issuer a citation names, canonical, joint bodies joined by " - " (None if unclear)."""
    phrase = trim_phrase(phrase)
    if not phrase:
        return None
    parts = _joint_parts(reader, phrase)
    names = [_body(reader, p, province) for p in parts]
    if not names or any(n is None for n in names):
        return None
    return " - ".join(n for n in names if n)
