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
from collections.abc import Iterable, Mapping

from .columns import (
    FREE_COLUMNS,
    MAX_CELL_CHARS,
    Column,
    TableSchema,
    check_cell,
    expected,
    key_column,
    optional,
    required,
    table,
)

__all__ = ["FREE_COLUMNS", "MAX_CELL_CHARS", "TABLES", "Column", "TableSchema", "check_header", "check_values"]

_YES_NO = ("yes", "no")
_LEVELS = ("central", "province", "district", "commune")


# ---------------------------------------------------------------------------- places
_PLACES = (
    table(
        "provinces",
        "provinces and centrally-governed cities before and after the 2025 reorganisation",
        key_column("name"),
        required("code"),
        optional("full_name"),
        required("type", "enum", ("tỉnh", "thành phố trực thuộc trung ương"), nonempty=True),
        required(
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
        required("valid_from", "date"),
        required("valid_to", "date"),
        required("successor"),
        optional("successor_code"),
        optional("merged_from_names", "list"),
        optional("merged_from_codes", "list"),
        required("aliases", "list"),
        optional("source_tags", "list"),
        optional("phone_code"),
    ),
    table(
        "districts",
        "district-level units before the 2025 reorganisation",
        key_column("name"),
        required("type", "enum", ("Huyện", "Quận", "Thị xã", "Thành phố"), nonempty=True),
        optional("code"),
        required("province", nonempty=True),
        optional("province_code"),
        optional("same_name", "int"),
        optional("valid_to", "date"),
    ),
    table(
        "place_words",
        "words the place rules read around a place name and about the report's province",
        key_column("word"),
        required(
            "use",
            "enum",
            ("before_name", "needs_unit", "capital", "venue", "central", "region", "provincial_ref"),
            nonempty=True,
        ),
        optional("place"),
    ),
)

# ---------------------------------------------------------------------------- page layout
# Vocabularies of the page-layout step (text/layout/): portal debris, date-line and byline words.
_LAYOUT = (
    table(
        "page_lines",
        "portal lines that are not the article: widgets, menus, related-news headings",
        key_column("phrase"),
        required("role", "enums", ("debris", "footer"), nonempty=True),
        required("match", "enum", ("line", "prefix", "counter"), nonempty=True),
    ),
    table(
        "page_words",
        "words the layout rules read around the date line, the lead and the byline",
        key_column("word"),
        required(
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
        optional("match", "enum", ("word", "opens")),
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
    table(
        "agency_kinds",
        "head words that open an organisation's name (Sở, UBND, Trung tâm …)",
        key_column("kind"),
        required("forms", "list", nonempty=True),
        required("canonical", nonempty=True),
        required("name", "enum", ("none", "field", "field+open", "open", "number"), nonempty=True),
        required("unit", "enum", ("admin", "party", "name"), nonempty=True),
        required("needs", "enum", ("-", "unit", "parent"), nonempty=True),
        required("level", "enum", _LEVELS, nonempty=True),
        required("scope", "enum", ("province", "none"), nonempty=True),
        optional("lower_name", "enum", _YES_NO),
        optional("parent_ok", "enum", _YES_NO),
        optional("lower_head", "enum", _YES_NO),
        optional("committee_of", "enum", ("tỉnh", "thành phố", "huyện", "quận", "thị xã")),
        optional("can_be_parent", "enum", _YES_NO),
        optional("title_word", "enum", _YES_NO),
        optional("parent_mention", "enum", _YES_NO),
        optional("inherits_parent", "enum", _YES_NO),
        optional("commune_body", "enum", _YES_NO),
    ),
    table(
        "agency_fields",
        "fields (lĩnh vực) that name a ministry, department or office",
        key_column("field"),
        required("variants", "list"),
        optional("kinds", "list"),
        optional("valid_to", "date"),
        optional("successor"),
    ),
    table(
        "agencies",
        "named organisations: central bodies, Party organs, state groups, national media",
        key_column("name"),
        required("kind", nonempty=True),
        required("level", "enum", _LEVELS, nonempty=True),
        required("aliases", "list"),
        optional("valid_from", "date"),
        optional("valid_to", "date"),
        optional("successor"),
        optional("parent"),
        optional("match_case", "enum", ("exact",)),
        optional("departments", "enum", _YES_NO),
    ),
    table("agency_negatives", "phrases that begin like an organisation but are not one", key_column("phrase")),
    table(
        "abbreviations",
        "abbreviations and their expansions",
        key_column("abbr"),
        required("expansion", nonempty=True),
        required(
            "category",
            "enums",
            _ABBREVIATION_CATEGORIES,
            nonempty=True,
        ),
        optional("variants", "list"),
        optional("ambiguity"),
    ),
    table(
        "abbreviation_categories",
        "categories of abbreviations and whether they expand inside organisation names",
        Column("category", "enum", required=True, nonempty=True, choices=_ABBREVIATION_CATEGORIES),
        required("expand_in_names", "enum", _YES_NO, nonempty=True),
    ),
    table(
        "agency_cues",
        "cue words around an organisation's head that tell its name from the running text",
        key_column("word"),
        required(
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
    table(
        "titles",
        "titles of office (chức danh)",
        key_column("title"),
        optional("expansion"),
        optional("variants", "list"),
        required("kind", "enum", ("office", "membership", "occupation"), nonempty=True),
        optional("case", "enum", ("exact",)),
        optional("organization"),
        optional("field_head"),
        optional("role", "enum", ("office_holder", "named")),
    ),
    table(
        "honorifics",
        "forms of address, academic and honorary titles, ranks written before a name",
        key_column("honorific"),
        optional("expansion"),
        required("kind", "enum", ("address", "academic", "honour", "rank"), nonempty=True),
        optional("case", "enum", ("exact", "lower")),
    ),
    table(
        "title_words",
        "grammar words around titles and names: modifiers, copulas, generic and place words",
        key_column("phrase"),
        required("role", "enums", TITLE_WORD_ROLES, nonempty=True),
    ),
    table("surnames", "Vietnamese surnames (họ)", key_column("surname"), optional("ascii"), optional("rank", "int")),
    table(
        "office_bodies",
        "titles and bodies whose holders sit in a national body (Thủ tướng → Chính phủ), for linking",
        key_column("office"),
        required("of", "enum", ("title", "body"), nonempty=True),
        required("bodies", "list", nonempty=True),
    ),
    table(
        "name_exclusions",
        "capitalised phrases that read like a personal name but are places or landmarks",
        key_column("phrase"),
        required("kind", "enum", ("province", "district", "city", "country", "landmark", "other"), nonempty=True),
    ),
)

# ---------------------------------------------------------------------------- legal documents
_LEGAL = (
    table(
        "doc_types",
        "types of legal and administrative documents as cited",
        key_column("doc_type"),
        required("category", "enums", ("qppl", "hanh_chinh", "dang", "generic", "standard"), nonempty=True),
        optional("abbr", "list"),
        optional("party_abbr", "list"),
        required("words", "list"),
        optional("bare_number", "enum", ("always", "capitalised", "with_so")),
        optional("named", "enum", _YES_NO),
        optional("precedence", "enum", ("word", "symbol")),
        optional("default_for", "list"),
        optional("examples", "list"),
    ),
    table(
        "issuers",
        "issuer codes inside document numbers (43/2011/NĐ-CP → CP)",
        key_column("code"),
        optional("variants", "list"),
        required("name"),
        required("level", "enum", ("central", "province", "district"), nonempty=True),
        optional("scope", "enum", ("state", "party")),
        optional("valid_from", "date"),
        optional("valid_to", "date"),
        optional("examples", "list"),
    ),
)

# ---------------------------------------------------------------------------- figures
_FIGURES = (
    table(
        "units",
        "units a figure can carry: percent, currencies, measures",
        key_column("surface"),
        required("unit", nonempty=True),
        required("kind", "enum", ("percent", "currency", "measure"), nonempty=True),
        optional("not_before", "list"),
    ),
    table(
        "scale_words",
        "number words that multiply the figure before them (triệu, tỷ)",
        key_column("word"),
        required("multiplier", "multiplier", nonempty=True),
    ),
    table(
        "metric_qualifiers",
        "words that make a figure approximate, a bound or an outcome",
        key_column("phrase"),
        required(
            "qualifier",
            "enum",
            ("approx", "over", "under", "at_least", "at_most", "reached", "exact"),
            nonempty=True,
        ),
        required("position", "enum", ("before", "after"), nonempty=True),
        optional("in_text", "enum", _YES_NO),
        optional("not_after", "list"),
    ),
    table(
        "number_labels",
        "words after which a number names or orders something instead of counting it",
        key_column("label"),
        required(
            "kind",
            "enum",
            ("ordinal", "identifier", "date", "place", "level", "military", "quantity"),
            nonempty=True,
        ),
    ),
    table(
        "figure_words",
        "closed word classes read around a figure (time nouns, period and clock words, link verbs)",
        key_column("word"),
        required(
            "use",
            "enums",
            (
                "time_noun",
                "calendar_noun",
                "period_next",
                "period_before",
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
        optional("second", "list"),
    ),
    table(
        "counted_nouns",
        "nouns commonly counted in reports",
        key_column("noun"),
        optional("domain", "enum", ("people", "place", "organisation", "thing", "event")),
    ),
)

# ---------------------------------------------------------------------------- word classes
# Closed classes of words the rules of several recognisers consult (see lexicon/words.py).
_WORDS = (
    table(
        "stop_words",
        "words that end a name, a position or a counted noun",
        key_column("word"),
        required("ends", "enums", ("agency_name", "title", "counted_noun", "metric_subject"), nonempty=True),
        optional("kind", "enum", ("function", "verb", "adverb")),
    ),
    table(
        "org_heads",
        "words that open an organisation's name, as the person rules read them",
        key_column("phrase"),
        required("use", "enums", ("after_title", "institution", "committee", "bare_form"), nonempty=True),
    ),
    table(
        "unit_words",
        "administrative unit words before a place name",
        key_column("word"),
        required("use", "enums", ("place", "position", "position_caps", "village"), nonempty=True),
        optional("unit", "enum", ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")),
        optional("level", "enum", ("province", "city", "district", "commune")),
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
                return f"column {col.name!r} is empty (or the row has too few cells); {expected(col)}"
            continue
        problem = check_cell(col, cell)
        if problem:
            return f"column {col.name!r}: {problem}"
    return None
