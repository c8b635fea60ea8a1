"""Gazetteer files: readable TSV, user extensions, and errors that name file and line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from vnreport.lexicon import schema
from vnreport.lexicon.gazetteers import GazetteerError, Gazetteers, read_table

BUNDLED = Path(__file__).resolve().parents[1] / "data" / "gazetteers"


def test_bundled_tables_load_and_every_row_has_its_first_column() -> None:
    gaz = Gazetteers.bundled()
    assert "surnames" in gaz
    for name in gaz.names():
        for row in gaz.rows(name):
            assert row[gaz.columns[name][0]], row.origin


@pytest.mark.parametrize("path", sorted(BUNDLED.glob("*.tsv")), ids=lambda p: p.name)
def test_every_bundled_file_documents_itself_and_has_provenance(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#"), f"{path.name}: start with # comment lines explaining the file"
    header, _ = read_table(path)
    assert "provenance" in header, f"{path.name}: needs a provenance column"


def test_cells_are_normalised_and_lists_split(tmp_path: Path) -> None:
    f = tmp_path / "things.tsv"
    f.write_text("# test\nname\tvariants\nVăn hoá\tUỷ ban | Sở TT&TT |\n", encoding="utf-8")
    gaz = Gazetteers.load(f, bundled=False)
    row = gaz.rows("things")[0]
    assert row["name"] == "Văn hóa"
    assert row.list("variants") == ["Ủy ban", "Sở TT&TT"]
    assert row.origin.endswith("things.tsv:3")


def test_user_folder_extends_bundled(tmp_path: Path) -> None:
    (tmp_path / "surnames.tsv").write_text("surname\tprovenance\nKhổng\tuser\n", encoding="utf-8")
    gaz = Gazetteers.load(tmp_path)
    names = [r["surname"] for r in gaz.rows("surnames")]
    assert "Nguyễn" in names and names[-1] == "Khổng"
    assert Gazetteers.bundled().rows("surnames")[-1]["surname"] != "Khổng"  # bundled copy untouched


def test_rows_from_code() -> None:
    gaz = Gazetteers.load({"surnames": [{"surname": "Khổng", "provenance": "user"}]})
    assert gaz.rows("surnames")[-1]["surname"] == "Khổng"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "things.tsv:1: empty gazetteer file"),
        ("# only a comment\n", "things.tsv:1: empty gazetteer file"),
        ("name\tname\n", "things.tsv:1: header has empty or repeated"),
        ("# c\nname\tx\nA\tb\textra\n", "things.tsv:3: 3 cells but the header has 2 columns"),
        ("name\tx\n\tb\n", "things.tsv:2: first column 'name' is empty"),
    ],
)
def test_malformed_files_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    f = tmp_path / "things.tsv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=message.replace("(", r"\(")):
        Gazetteers.load(f, bundled=False)


def test_invalid_utf8_names_line(tmp_path: Path) -> None:
    f = tmp_path / "things.tsv"
    f.write_bytes("name\nđúng\n".encode() + b"\xff\xfe\n")
    with pytest.raises(GazetteerError, match=r"things.tsv:3: not valid UTF-8"):
        Gazetteers.load(f, bundled=False)


def test_required_columns_checked(tmp_path: Path) -> None:
    f = tmp_path / "titles.tsv"
    f.write_text("title\nChánh Thanh tra\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"titles.tsv:1: header lacks required column\(s\) \['kind'\]"):
        Gazetteers.load(f, bundled=False)
    with pytest.raises(GazetteerError, match=r"lacks required column\(s\) \['kind'\]"):
        Gazetteers.load({"titles": [{"title": "Chánh Thanh tra"}]}, bundled=False)


@pytest.mark.parametrize(
    ("table", "header", "row", "message"),
    [
        ("titles", "title\tkind", "Chánh Thanh tra\tbogus", r"column 'kind': 'bogus' is not allowed; allowed: office"),
        ("agencies", "name\tkind\tlevel\taliases", "Sở X\tSở\tnational\t", r"'national' is not allowed"),
        ("scale_words", "word\tmultiplier", "lố\tabc", r"column 'multiplier': 'abc' is not a whole number"),
        ("scale_words", "word\tmultiplier", "lố\t1e999999", r"'1e999999' is not a whole number"),
        ("scale_words", "word\tmultiplier", "lố\tNaN", r"'NaN' is not a whole number"),
        ("titles", "title\tkind", "Chánh Thanh tra", r"column 'kind' is empty \(or the row has too few cells\)"),
        ("abbreviations", "abbr\texpansion\tcategory", "ĐT\tĐào tạo\tagency|bogus", r"\['bogus'\] not allowed"),
        (
            "provinces",
            "name\tcode\ttype\tstatus\tvalid_from\tvalid_to\tsuccessor\taliases",
            "Hà Tây\t\ttỉnh\thistorical\t1991\tmùa thu\t\t",
            r"'mùa thu' is not a date",
        ),
        ("titles", "title\tkind\tprovenace", "Chánh Thanh tra\toffice\tuser", r"unknown column\(s\) \['provenace'\]"),
    ],
)
def test_bad_values_are_refused_naming_file_line_and_column(
    tmp_path: Path, table: str, header: str, row: str, message: str
) -> None:
    f = tmp_path / f"{table}.tsv"
    f.write_text(f"# a user table\n{header}\n{row}\n", encoding="utf-8")
    line = 2 if "unknown column" in message else 3  # header problems are on the header line
    with pytest.raises(GazetteerError, match=rf"{table}\.tsv:{line}: .*{message}"):
        Gazetteers.load(f)


def test_bad_values_from_code_are_refused_too() -> None:
    with pytest.raises(GazetteerError, match=r"<code>: entry for table 'titles': column 'kind': 'bogus'"):
        Gazetteers.load({"titles": [{"title": "Chánh Thanh tra", "kind": "bogus"}]})
    gaz = Gazetteers.load({"titles": [{"title": "Chánh Thanh tra", "kind": "office"}]})
    with pytest.raises(GazetteerError, match="'national' is not allowed"):
        gaz.add("issuers", {"code": "X", "name": "X", "level": "national"})


def test_a_misspelt_table_name_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "surname.tsv"
    f.write_text("surname\tprovenance\nKhổng\tuser\n", encoding="utf-8")
    with pytest.raises(
        GazetteerError, match=r"surname.tsv: unknown gazetteer table 'surname'; did you mean 'surnames'\?"
    ):
        Gazetteers.load(f)
    with pytest.raises(GazetteerError, match="did you mean 'titles'"):
        Gazetteers.load({"title": [{"title": "X", "kind": "office"}]})
    # a name far from every bundled table is a user table (read by a user's recogniser)
    (tmp_path / "programmes.tsv").write_text("name\tshort\nCải cách hành chính\tCCHC\n", encoding="utf-8")
    assert Gazetteers.load(tmp_path / "programmes.tsv").rows("programmes")[0]["short"] == "CCHC"


def test_overlong_cell_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "surnames.tsv"
    f.write_text("surname\tnote\nKhổng\t" + "x" * (schema.MAX_CELL_CHARS + 1) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"surnames.tsv:2: column 'note': cell of 2,001 characters"):
        Gazetteers.load(f)


def test_schema_is_checked_whatever_was_imported_before() -> None:
    """The first pipeline of a fresh process refuses a bad table (checks are not registered by imports)."""
    code = (
        "import vnreport\n"
        "try:\n"
        "    vnreport.Pipeline(gazetteers=[{'titles': [{'title': 'X', 'kind': 'bogus'}]}])\n"
        "except vnreport.GazetteerError as e:\n"
        "    print('refused', e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("refused <code>: entry for table 'titles'"), out


def test_bundled_tables_fit_the_schema_and_carry_provenance() -> None:
    files = sorted(BUNDLED.glob("*.tsv"))
    assert {f.stem for f in files} == set(schema.TABLES), "every bundled table has a schema and vice versa"
    for f in files:
        header, rows = read_table(f)  # checked against the schema on the way in
        assert "provenance" in header, f
        for row in rows:
            assert row["provenance"], row.origin


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no such gazetteer file or folder"):
        Gazetteers.load(tmp_path / "nope")
    with pytest.raises(GazetteerError, match=r"no \.tsv files"):
        Gazetteers.load(tmp_path)


def test_bundled_gazetteers_are_shared_and_cannot_be_changed_in_place() -> None:
    gaz = Gazetteers.bundled()
    with pytest.raises(GazetteerError, match="shared by every pipeline"):
        gaz.add("surnames", {"surname": "Khổng"})
    own = Gazetteers.load({"surnames": [{"surname": "Khổng"}]})
    own.add("surnames", {"surname": "Âu Dương"})  # an extended copy is the user's own
    assert [r["surname"] for r in own.rows("surnames")][-2:] == ["Khổng", "Âu Dương"]


def test_derived_structures_are_built_once_per_version_of_the_rows() -> None:
    calls: list[int] = []

    def build(g: Gazetteers) -> int:
        calls.append(1)
        return len(g.rows("surnames"))

    gaz = Gazetteers.load({"surnames": [{"surname": "Khổng"}]})
    first = gaz.derived(build)
    assert gaz.derived(build) == first and len(calls) == 1
    before = gaz.fingerprint()
    gaz.add("surnames", {"surname": "Âu Dương"})
    assert gaz.fingerprint() != before
    assert gaz.derived(build) == first + 1 and len(calls) == 2
    other = Gazetteers.load({"surnames": [{"surname": "Khổng"}]})
    assert other.fingerprint() != gaz.fingerprint()  # never reused across objects


def test_shared_word_classes_have_one_row_per_word() -> None:
    """The word-class tables several recognisers read keep one row per word, its uses listed in
    one cell, so that two people adding the same word merge it instead of drifting apart."""
    for table, key in (("stop_words", "word"), ("org_heads", "phrase"), ("unit_words", "word")):
        _, rows = read_table(BUNDLED / f"{table}.tsv")
        keys = [r[key] for r in rows]
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        assert not dupes, f"{table}.tsv: {dupes}"
