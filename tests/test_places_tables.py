"""The place rules read their word lists from tables: unit words, words before a place name."""

from __future__ import annotations

import vnreport
from vnreport import Pipeline
from vnreport.lexicon import places
from vnreport.lexicon.gazetteers import Gazetteers


def test_unit_words_table_reproduces_the_literals_still_imported() -> None:
    lex = places.admin_lexicon(Gazetteers.bundled())
    assert lex.unit_of == places.UNIT_WORDS
    assert list(lex.unit_of) == list(places.UNIT_WORDS)  # matcher phrases in the same order
    assert lex.units("province") == places.PROVINCE_UNITS
    assert lex.units("district") == places.DISTRICT_UNITS
    assert lex.units("commune") == places.COMMUNE_UNITS
    assert lex.units("district", "city") == places.DISTRICT_UNITS | {"thành phố"}


def test_a_user_unit_word_introduces_a_district() -> None:
    text = "Hội nghị\n\nĐoàn công tác làm việc tại h. Vũ Quang và h. Hương Khê."
    assert vnreport.extract(text).province is None
    rows = {"unit_words": [{"word": "h.", "use": "place", "unit": "huyện", "level": "district"}]}
    r = Pipeline(gazetteers=[rows])(text)
    assert {p.name for p in r.places} >= {"Vũ Quang", "Hương Khê"}
    assert r.province is not None and r.province.name == "Hà Tĩnh"


def test_a_user_word_may_stand_before_a_bare_province_name() -> None:
    text = "Hội nghị\n\nCông ty Điện Lực Hậu Giang và Công ty Cấp Nước Hậu Giang ký kết với tỉnh."
    before = {p.name for p in vnreport.extract(text).places}
    assert "Hậu Giang" not in before  # "Lực Hậu Giang" reads like a longer proper name
    rows = {"place_words": [{"word": "lực", "use": "before_name"}, {"word": "nước", "use": "before_name"}]}
    r = Pipeline(gazetteers=[rows])(text)
    mentions = [m.text for p in r.places if p.name == "Hậu Giang" for m in p.mentions]
    assert mentions == ["Hậu Giang", "Hậu Giang"]
