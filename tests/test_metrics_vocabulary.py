"""The metrics recogniser's word classes are gazetteer rows: users extend them like any table."""

from __future__ import annotations

import pytest

from vnreport.lexicon.gazetteers import Gazetteers
from vnreport.recognizers.metrics import MetricRecognizer
from vnreport.recognizers.metrics.numbers import number_fillers, parse_words
from vnreport.recognizers.metrics.vocabulary import build_vocabulary
from vnreport.text.document import Doc


def _figures(gaz: Gazetteers, text: str) -> list[tuple[float, str]]:
    rec = MetricRecognizer()
    rec.setup(gaz)
    return [(m.value, m.unit) for m in rec.find(Doc(text))]


def test_bundled_word_classes_come_from_figure_words_and_stop_words() -> None:
    vocab = build_vocabulary(Gazetteers.bundled())
    assert {"tháng", "năm", "giờ", "tuổi"} <= vocab.time_nouns
    assert vocab.time_second["ngày"] == frozenset({"đêm"})
    assert {"đầu", "qua", "tới"} <= vocab.period_next
    assert {"sáng", "ngày"} <= vocab.clock_next
    assert {"lúc", "giờ"} <= vocab.clock_before
    assert {"đạt", "chiếm"} <= vocab.link_verbs
    assert "và" in vocab.noun_stops and "được" in vocab.subject_stops
    assert {"linh", "lẻ"} <= number_fillers(Gazetteers.bundled())


# (row added, text, figures without it, figures with it)
EXTENSIONS = [
    (
        {"word": "kế", "use": "period_next", "provenance": "user"},
        "trong 6 tháng kế tiếp sẽ hoàn thành",
        [(6, "tháng")],
        [],
    ),
    (
        {"word": "sớm", "use": "clock_next", "provenance": "user"},
        "họp trong 2 giờ sớm nhất",
        [(2, "giờ")],
        [],
    ),
    (
        {"word": "khóa", "use": "time_noun", "provenance": "user"},
        "đào tạo 3 khóa học viên",
        [(3, "khóa học viên")],
        [(3, "khóa")],
    ),
]


@pytest.mark.parametrize(("row", "text", "without", "with_row"), EXTENSIONS)
def test_a_user_row_changes_the_reading(
    row: dict[str, str], text: str, without: list[tuple[float, str]], with_row: list[tuple[float, str]]
) -> None:
    assert _figures(Gazetteers.bundled(), text) == without
    assert _figures(Gazetteers.load({"figure_words": [row]}), text) == with_row


def test_a_user_link_verb_gives_the_subject_before_it() -> None:
    text = "Tổng kim ngạch xuất khẩu ước 16.500 tỷ đồng."
    rec = MetricRecognizer()
    rec.setup(Gazetteers.load({"figure_words": [{"word": "ước", "use": "link_verb", "provenance": "user"}]}))
    (m,) = rec.find(Doc(text))
    assert m.subject == "Tổng kim ngạch xuất khẩu"


def test_number_fillers_read_numbers_in_words() -> None:
    assert parse_words("một trăm linh năm") == 105
    assert parse_words("hai trăm lẻ tám") == 208
