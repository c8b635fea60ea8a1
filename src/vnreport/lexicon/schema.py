"""The schema of every gazetteer table: its columns, which are required, which values are allowed.

One static description, consulted by every load (bundled files, user folders and files) and every
``Gazetteers.add``, so a table is checked the same way whatever was imported before, and a bad
value is refused at load time naming file, line and column rather than failing later inside a
match. The bundled tables are checked against it by the test suite.

A column is ``required`` when the header (or an entry added from code) must have it; ``nonempty``
when each row must fill it. ``kind`` says how a cell is read:

* ``text`` free text; ``list`` ``|``-separated free text;
* ``enum`` one of ``choices``; ``enums`` a ``|``-separated list of ``choices``;
* ``int`` a whole number ≥ 0; ``multiplier`` a whole number ≥ 1 of at most 18 digits;
* ``date`` an ISO date ``YYYY-MM-DD`` or a year ``YYYY``.

Tables not listed here belong to user recognisers (which name them in ``Recognizer.tables``);
the pipeline refuses a table that neither the schema nor any of its recognisers knows.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

ColumnKind = Literal["text", "list", "enum", "enums", "int", "multiplier", "date"]

#: Longest cell accepted (the longest bundled cell is ~230 characters); far longer cells are a
#: broken file (a missing newline) and would make the matchers' automata needlessly huge.
MAX_CELL_CHARS = 2000

#: Columns every table may carry for people, not for the rules.
FREE_COLUMNS = ("provenance", "source", "note", "comment")

_YES_NO = ("yes", "no")
_LEVELS = ("central", "province", "district", "commune")
_DATE = re.compile(r"\d{4}(?:-\d{2}-\d{2})?")
_INT = re.compile(r"\d{1,9}")
_MULTIPLIER = re.compile(r"[1-9]\d{0,17}")


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: ColumnKind = "text"
    required: bool = False
    nonempty: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TableSchema:
    """One table: its columns in file order, and what it is for (shown in errors)."""

    name: str
    about: str
    columns: tuple[Column, ...]
    by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {c.name: c for c in self.columns})

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def allows_column(self, name: str) -> bool:
        return name in self.by_name or name in FREE_COLUMNS


def _t(name: str, about: str, *columns: Column) -> TableSchema:
    return TableSchema(name, about, columns)


def _key(name: str, kind: ColumnKind = "text") -> Column:
    """The first column: required and filled in every row."""
    return Column(name, kind, required=True, nonempty=True)


def _req(name: str, kind: ColumnKind = "text", choices: Iterable[str] = (), nonempty: bool = False) -> Column:
    return Column(name, kind, required=True, nonempty=nonempty, choices=tuple(choices))


def _opt(name: str, kind: ColumnKind = "text", choices: Iterable[str] = ()) -> Column:
    return Column(name, kind, choices=tuple(choices))


# ---------------------------------------------------------------------------- places
_PLACES = (
    _t(
        "provinces",
        "provinces and centrally-governed cities before and after the 2025 reorganisation",
        _key("name"),
        _req("code"),
        _opt("full_name"),
        _req("type", "enum", ("tỉnh", "thành phố trực thuộc trung ương"), nonempty=True),
        _req(
            "status",
            "enum",
            (
                "pre2025_unchanged",
                "pre2025_merged_core",
                "pre2025_merged_absorbed",
                "pre2025_renamed",
                "post2025_unchanged",
                "post2025_merged",
                "historical",
            ),
            nonempty=True,
        ),
        _req("valid_from", "date"),
        _req("valid_to", "date"),
        _req("successor"),
        _opt("successor_code"),
        _opt("merged_from_names", "list"),
        _opt("merged_from_codes", "list"),
        _req("aliases", "list"),
        _opt("source_tags", "list"),
        _opt("phone_code"),
    ),
    _t(
        "districts",
        "district-level units before the 2025 reorganisation",
        _key("name"),
        _req("type", "enum", ("Huyện", "Quận", "Thị xã", "Thành phố"), nonempty=True),
        _opt("code"),
        _req("province", nonempty=True),
        _opt("province_code"),
        _opt("same_name", "int"),
        _opt("valid_to", "date"),
    ),
    _t(
        "place_words",
        "words the place rules read around a place name and about the report's province",
        _key("word"),
        _req(
            "use",
            "enum",
            ("before_name", "needs_unit", "capital", "venue", "central", "provincial_ref"),
            nonempty=True,
        ),
        _opt("place"),
    ),
)

# ---------------------------------------------------------------------------- page layout
# Vocabularies of the page-layout step (text/layout/): portal debris, date-line and byline words.
_LAYOUT = (
    _t(
        "page_lines",
        "portal lines that are not the article: widgets, menus, related-news headings",
        _key("phrase"),
        _req("role", "enums", ("debris", "footer"), nonempty=True),
        _req("match", "enum", ("line", "prefix", "counter"), nonempty=True),
    ),
    _t(
        "page_words",
        "words the layout rules read around the date line, the lead and the byline",
        _key("word"),
        _req(
            "use",
            "enum",
            (
                "weekday",
                "lead_time",
                "source_line",
                "byline_note",
                "credit_author",
                "credit_photo",
                "credit_source",
                "reporter",
                "reporter_word",
                "outlet",
                "outlet_head",
                "not_name",
            ),
            nonempty=True,
        ),
        _opt("match", "enum", ("word", "opens")),
    ),
)

# ---------------------------------------------------------------------------- organisations
_ABBREVIATION_CATEGORIES = (
    "agency",
    "sector",
    "party",
    "mass_org",
    "security",
    "ict",
    "admin",
    "geo",
    "title",
    "signature",
)
_ORGANISATIONS = (
    _t(
        "agency_kinds",
        "head words that open an organisation's name (Sở, UBND, Trung tâm …)",
        _key("kind"),
        _req("forms", "list", nonempty=True),
        _req("canonical", nonempty=True),
        _req("name", "enum", ("none", "field", "field+open", "open", "number"), nonempty=True),
        _req("unit", "enum", ("admin", "party", "name"), nonempty=True),
        _req("needs", "enum", ("-", "unit", "parent"), nonempty=True),
        _req("level", "enum", _LEVELS, nonempty=True),
        _req("scope", "enum", ("province", "none"), nonempty=True),
        _opt("lower_name", "enum", _YES_NO),
        _opt("parent_ok", "enum", _YES_NO),
        _opt("lower_head", "enum", _YES_NO),
        _opt("committee_of", "enum", ("tỉnh", "thành phố", "huyện", "quận", "thị xã")),
        _opt("can_be_parent", "enum", _YES_NO),
        _opt("title_word", "enum", _YES_NO),
        _opt("parent_mention", "enum", _YES_NO),
        _opt("inherits_parent", "enum", _YES_NO),
        _opt("commune_body", "enum", _YES_NO),
    ),
    _t(
        "agency_fields",
        "fields (lĩnh vực) that name a ministry, department or office",
        _key("field"),
        _req("variants", "list"),
        _opt("kinds", "list"),
        _opt("valid_to", "date"),
        _opt("successor"),
    ),
    _t(
        "agencies",
        "named organisations: central bodies, Party organs, state groups, national media",
        _key("name"),
        _req("kind", nonempty=True),
        _req("level", "enum", _LEVELS, nonempty=True),
        _req("aliases", "list"),
        _opt("valid_from", "date"),
        _opt("valid_to", "date"),
        _opt("successor"),
        _opt("parent"),
        _opt("match_case", "enum", ("exact",)),
        _opt("departments", "enum", _YES_NO),
    ),
    _t("agency_negatives", "phrases that begin like an organisation but are not one", _key("phrase")),
    _t(
        "abbreviations",
        "abbreviations and their expansions",
        _key("abbr"),
        _req("expansion", nonempty=True),
        _req(
            "category",
            "enums",
            _ABBREVIATION_CATEGORIES,
            nonempty=True,
        ),
        _opt("variants", "list"),
        _opt("ambiguity"),
    ),
    _t(
        "abbreviation_categories",
        "categories of abbreviations and whether they expand inside organisation names",
        Column("category", "enum", required=True, nonempty=True, choices=_ABBREVIATION_CATEGORIES),
        _req("expand_in_names", "enum", _YES_NO, nonempty=True),
    ),
    _t(
        "agency_cues",
        "cue words around an organisation's head that tell its name from the running text",
        _key("word"),
        _req(
            "use",
            "enums",
            (
                "title_before",
                "lower_head_prev",
                "generic_before",
                "generic_after",
                "lower_bare_prev",
                "lower_bare",
                "bare_next",
                "board_function",
                "title_end",
                "name_phrase",
                "ministry_title",
                "school_level",
                "unit_compound",
                "owner_phrase",
            ),
            nonempty=True,
        ),
    ),
)

# ---------------------------------------------------------------------------- people
#: How the officials rules read a row of ``title_words`` (see that file's header).
TITLE_WORD_ROLES = (
    "generic_before",
    "former",
    "acting",
    "vice",
    "suffix_modifier",
    "copula",
    "place_noun",
    "street",
    "demonstrative",
    "boundary_before_bare_name",
    "unit_name",
    "title_ends_with_unit",
    "plural",
    "list_opening",
    "prefix",
    "appointment",
    "predicate_adverb",
    "nomination",
    "time_word",
)
_PEOPLE = (
    _t(
        "titles",
        "titles of office (chức danh)",
        _key("title"),
        _opt("expansion"),
        _opt("variants", "list"),
        _req("kind", "enum", ("office", "membership", "occupation"), nonempty=True),
        _opt("case", "enum", ("exact",)),
        _opt("organization"),
        _opt("field_head"),
        _opt("role", "enum", ("office_holder", "named")),
    ),
    _t(
        "honorifics",
        "forms of address, academic and honorary titles, ranks written before a name",
        _key("honorific"),
        _opt("expansion"),
        _req("kind", "enum", ("address", "academic", "honour", "rank"), nonempty=True),
        _opt("case", "enum", ("exact", "lower")),
    ),
    _t(
        "title_words",
        "grammar words around titles and names: modifiers, copulas, generic and place words",
        _key("phrase"),
        _req("role", "enums", TITLE_WORD_ROLES, nonempty=True),
    ),
    _t("surnames", "Vietnamese surnames (họ)", _key("surname"), _opt("ascii"), _opt("rank", "int")),
    _t(
        "office_bodies",
        "titles and bodies whose holders sit in a national body (Thủ tướng → Chính phủ), for linking",
        _key("office"),
        _req("of", "enum", ("title", "body"), nonempty=True),
        _req("bodies", "list", nonempty=True),
    ),
    _t(
        "name_exclusions",
        "capitalised phrases that read like a personal name but are places or landmarks",
        _key("phrase"),
        _req("kind", "enum", ("province", "district", "city", "country", "landmark", "other"), nonempty=True),
    ),
)

# ---------------------------------------------------------------------------- legal documents
_LEGAL = (
    _t(
        "doc_types",
        "types of legal and administrative documents as cited",
        _key("doc_type"),
        _req("category", "enums", ("qppl", "hanh_chinh", "dang", "generic", "standard"), nonempty=True),
        _opt("abbr", "list"),
        _opt("party_abbr", "list"),
        _req("words", "list"),
        _opt("bare_number", "enum", ("always", "capitalised", "with_so")),
        _opt("named", "enum", _YES_NO),
        _opt("precedence", "enum", ("word", "symbol")),
        _opt("default_for", "list"),
        _opt("examples", "list"),
    ),
    _t(
        "issuers",
        "issuer codes inside document numbers (43/2011/NĐ-CP → CP)",
        _key("code"),
        _opt("variants", "list"),
        _req("name"),
        _req("level", "enum", ("central", "province", "district"), nonempty=True),
        _opt("scope", "enum", ("state", "party")),
        _opt("valid_from", "date"),
        _opt("valid_to", "date"),
        _opt("examples", "list"),
    ),
)

# ---------------------------------------------------------------------------- figures
_FIGURES = (
    _t(
        "units",
        "units a figure can carry: percent, currencies, measures",
        _key("surface"),
        _req("unit", nonempty=True),
        _req("kind", "enum", ("percent", "currency", "measure"), nonempty=True),
        _opt("not_before", "list"),
    ),
    _t(
        "scale_words",
        "number words that multiply the figure before them (triệu, tỷ)",
        _key("word"),
        _req("multiplier", "multiplier", nonempty=True),
    ),
    _t(
        "metric_qualifiers",
        "words that make a figure approximate, a bound or an outcome",
        _key("phrase"),
        _req(
            "qualifier",
            "enum",
            ("approx", "over", "under", "at_least", "at_most", "reached", "exact"),
            nonempty=True,
        ),
        _req("position", "enum", ("before", "after"), nonempty=True),
        _opt("in_text", "enum", _YES_NO),
        _opt("not_after", "list"),
    ),
    _t(
        "number_labels",
        "words after which a number names or orders something instead of counting it",
        _key("label"),
        _req(
            "kind",
            "enum",
            ("ordinal", "identifier", "date", "place", "level", "military", "quantity"),
            nonempty=True,
        ),
    ),
    _t(
        "figure_words",
        "closed word classes read around a figure (time nouns, period and clock words, link verbs)",
        _key("word"),
        _req(
            "use",
            "enums",
            (
                "time_noun",
                "period_next",
                "clock_next",
                "clock_before",
                "anniversary",
                "link_verb",
                "number_filler",
                "increase",
                "decrease",
                "per_word",
                "reporting_verb",
            ),
            nonempty=True,
        ),
        _opt("second", "list"),
    ),
    _t(
        "counted_nouns",
        "nouns commonly counted in reports",
        _key("noun"),
        _opt("domain", "enum", ("people", "place", "organisation", "thing", "event")),
    ),
)

# ---------------------------------------------------------------------------- word classes
# Closed classes of words the rules of several recognisers consult (see lexicon/words.py).
_WORDS = (
    _t(
        "stop_words",
        "words that end a name, a position or a counted noun",
        _key("word"),
        _req("ends", "enums", ("agency_name", "title", "counted_noun", "metric_subject"), nonempty=True),
        _opt("kind", "enum", ("function", "verb", "adverb")),
    ),
    _t(
        "org_heads",
        "words that open an organisation's name, as the person rules read them",
        _key("phrase"),
        _req("use", "enums", ("after_title", "institution", "committee", "bare_form"), nonempty=True),
    ),
    _t(
        "unit_words",
        "administrative unit words before a place name",
        _key("word"),
        _req("use", "enums", ("place", "position", "position_caps", "village"), nonempty=True),
        _opt("unit", "enum", ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")),
        _opt("level", "enum", ("province", "city", "district", "commune")),
    ),
)

#: Every table the bundled recognisers read, by name.
TABLES: dict[str, TableSchema] = {
    t.name: t for t in (*_PLACES, *_LAYOUT, *_ORGANISATIONS, *_PEOPLE, *_LEGAL, *_FIGURES, *_WORDS)
}


def schema_of(table: str) -> TableSchema | None:
    return TABLES.get(table)


def close_table_name(table: str) -> str | None:
    """A known table ``table`` is probably a misspelling of ("surname" → "surnames"), if any."""
    hits = difflib.get_close_matches(table, list(TABLES), n=1, cutoff=0.8)
    return hits[0] if hits else None


def check_header(table: str, header: Iterable[str]) -> str | None:
    """Why ``header`` does not fit ``table``'s schema, or None (unknown tables always fit)."""
    schema = TABLES.get(table)
    if schema is None:
        return None
    cols = list(header)
    missing = [c for c in schema.required if c not in cols]
    if missing:
        return f"header lacks required column(s) {missing} for table {table!r}"
    unknown = [c for c in cols if not schema.allows_column(c)]
    if unknown:
        known = [c.name for c in schema.columns] + list(FREE_COLUMNS)
        return f"unknown column(s) {unknown} for table {table!r}; its columns are {known}"
    return None


def check_values(table: str, values: Mapping[str, str]) -> str | None:
    """Why one row's (normalised) cells do not fit ``table``'s schema, or None."""
    for column, cell in values.items():
        if len(cell) > MAX_CELL_CHARS:
            return f"column {column!r}: cell of {len(cell):,} characters (at most {MAX_CELL_CHARS:,})"
    schema = TABLES.get(table)
    if schema is None:
        return None
    for col in schema.columns:
        cell = values.get(col.name, "")
        if not cell:
            if col.nonempty:
                return f"column {col.name!r} is empty (or the row has too few cells); {_expected(col)}"
            continue
        problem = _check_cell(col, cell)
        if problem:
            return f"column {col.name!r}: {problem}"
    return None


def _check_cell(col: Column, cell: str) -> str | None:
    if col.kind == "enum" and cell not in col.choices:
        return f"{cell!r} is not allowed; {_expected(col)}"
    if col.kind == "enums":
        bad = [x.strip() for x in cell.split("|") if x.strip() not in col.choices]
        if bad:
            return f"{bad} not allowed; {_expected(col)}"
    if col.kind == "int" and not _INT.fullmatch(cell):
        return f"{cell!r} is not a whole number"
    if col.kind == "multiplier" and not _MULTIPLIER.fullmatch(cell):
        return f"{cell!r} is not a whole number from 1 to 18 digits (e.g. 1000000 for 'triệu')"
    if col.kind == "date" and not _DATE.fullmatch(cell):
        return f"{cell!r} is not a date (YYYY-MM-DD) or a year (YYYY)"
    return None


def _expected(col: Column) -> str:
    if col.kind in ("enum", "enums"):
        many = " (several joined by |)" if col.kind == "enums" else ""
        return f"allowed: {' | '.join(col.choices)}{many}"
    return {
        "int": "expected a whole number",
        "multiplier": "expected a whole number such as 1000",
        "date": "expected YYYY-MM-DD or YYYY",
        "list": "expected values joined by |",
    }.get(col.kind, "expected a value")
