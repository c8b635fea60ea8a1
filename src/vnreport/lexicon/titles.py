"""Titles, honorifics and the small closed vocabularies around them.

The officials recogniser needs to know, at any point of a sentence, whether a title starts there
("Phó Chủ tịch", "UVTV"), an honorific ("ông", "PGS.TS"), an organisation word ("Sở", "UBND",
"Văn phòng"), an administrative word ("tỉnh", "huyện"), or a word that ends a position ("cho
biết", "đã", "triển khai"). Titles and honorifics come from ``titles.tsv``/``honorifics.tsv``;
the grammar words below are closed classes of the genre, kept in code.

Lookups happen at token starts while a sentence is read, so :class:`PhraseIndex` answers "which
phrase starts exactly here?" in O(candidates) without a pass over the whole document; the one
document-wide pass (finding where to start reading) uses :class:`~vnreport.matcher.PhraseMatcher`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..text.normalize import lower_same_length, normalize_string
from .gazetteers import Gazetteers
from .matcher import PhraseMatcher, is_word_char

T = TypeVar("T")

HONORIFIC_KINDS = frozenset({"address", "academic", "honour", "rank"})


@dataclass(frozen=True, slots=True)
class TitleInfo:
    """One surface form of a title or honorific."""

    form: str  # as in the gazetteer (normalised)
    title: str  # expanded (UVTV → Ủy viên Ban Thường vụ)
    kind: str  # office | membership | occupation | address | academic | honour | rank
    exact: bool = False  # abbreviation: match this capitalisation only
    lower_only: bool = False  # "anh", "ông": lower case, or capitalised at a sentence start

    @property
    def is_honorific(self) -> bool:
        return self.kind in HONORIFIC_KINDS


class PhraseIndex(Generic[T]):
    """Longest phrase (case-insensitive, whole word) starting exactly at an offset."""

    def __init__(self, phrases: Iterable[tuple[str, T]] = ()) -> None:
        self._by_prefix: dict[str, list[tuple[str, T]]] = {}
        for phrase, payload in phrases:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: T) -> None:
        key = lower_same_length(normalize_string(phrase).strip())
        if not key:
            return
        bucket = self._by_prefix.setdefault(key[:2], [])
        bucket.append((key, payload))
        bucket.sort(key=lambda kp: -len(kp[0]))

    def all_at(self, lower: str, pos: int) -> list[tuple[int, T]]:
        """Every phrase starting at ``pos``, longest first, as ``(end, payload)``."""
        bucket = self._by_prefix.get(lower[pos : pos + 2])
        if not bucket:
            return []
        out = []
        n = len(lower)
        for key, payload in bucket:
            if lower.startswith(key, pos):
                end = pos + len(key)
                if end < n and is_word_char(lower[end]) and is_word_char(key[-1]):
                    continue
                out.append((end, payload))
        return out

    def at(self, lower: str, pos: int) -> tuple[int, T] | None:
        """The longest phrase starting at ``pos``, as ``(end, payload)``, or None."""
        hits = self.all_at(lower, pos)
        return hits[0] if hits else None


# ---------------------------------------------------------------------- grammar words
#: Words that begin an organisation's name; a title followed by one takes an organisation.
ORG_HEADS = (
    "sở",
    "bộ",
    "ban",
    "cục",
    "tổng cục",
    "chi cục",
    "vụ",
    "viện",
    "học viện",
    "phòng",
    "trung tâm",
    "trường",
    "đại học",
    "khoa",
    "hội",
    "chi hội",
    "hội đồng",
    "liên minh",
    "liên đoàn",
    "liên hiệp",
    "ủy ban",
    "ủy ban nhân dân",
    "ủy ban kiểm tra",
    "văn phòng",
    "đài",
    "báo",
    "tạp chí",
    "nhà xuất bản",
    "thông tấn xã",
    "công an",
    "bộ chỉ huy",
    "bộ tư lệnh",
    "quân khu",
    "quân đoàn",
    "sư đoàn",
    "lữ đoàn",
    "trung đoàn",
    "tiểu đoàn",
    "đồn biên phòng",
    "bộ đội biên phòng",
    "đoàn thanh niên",
    "đoàn đbqh",
    "đoàn đại biểu",
    "đoàn công tác",
    "đoàn kiểm tra",
    "tổ",
    "đội",
    "chi bộ",
    "đảng ủy",
    "đảng bộ",
    "tỉnh ủy",
    "thành ủy",
    "huyện ủy",
    "quận ủy",
    "thị ủy",
    "tỉnh đoàn",
    "thành đoàn",
    "huyện đoàn",
    "mặt trận",
    "mặt trận tổ quốc",
    "tòa án",
    "tòa án nhân dân",
    "viện kiểm sát",
    "viện kiểm sát nhân dân",
    "kho bạc",
    "ngân hàng",
    "bệnh viện",
    "công ty",
    "tập đoàn",
    "tổng công ty",
    "hợp tác xã",
    "quỹ",
    "chính phủ",
    "quốc hội",
    "nhà nước",
    "kiểm toán nhà nước",
    "thanh tra",
    "bưu điện",
    "hải quan",
    "ban quản lý",
    "câu lạc bộ",
    "nhà trường",
    "nhà máy",
    "xí nghiệp",
    "trạm",
    "chi nhánh",
    "cảng vụ",
    "cảnh sát",
    "trung ương",
    "trung ương đảng",
    "đảng",
    "bộ chính trị",
    "ban bí thư",
    "ban chấp hành",
    "ban thường vụ",
    "ban chỉ đạo",
    "thường trực",
    "t.ư",
    "tw",
)

#: Administrative words: a place name usually follows ("UBND tỉnh Hậu Giang").
ADMIN_WORDS = (
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "thị xã",
    "thị trấn",
    "xã",
    "phường",
    "thôn",
    "ấp",
    "bản",
    "khu phố",
    "tổ dân phố",
    "cấp tỉnh",
    "cấp huyện",
    "cấp xã",
    "tp",
    "tp.",
    "tx",
    "tx.",
)
#: Administrative abbreviations written in capitals ("TP Quy Nhơn", "TX An Nhơn").
ADMIN_CAPS = frozenset({"TP", "TP.", "TX", "TX.", "Q.", "H."})

#: Lower-case words that end a position: function words and unambiguous verbs. Compound verbs
#: whose first syllable also occurs inside organisation names ("phát biểu" / "phát triển",
#: "tâm sự" / "Trung tâm") are in STOP_PHRASES instead.
STOP_WORDS = frozenset(
    """
đã đang sẽ vừa mới cũng vẫn còn đều thì là mà có được bị với cho của tại trong ngoài trên dưới
từ đến tới theo vào ra lên xuống qua khi để nên nhưng hay hoặc rằng này đó ấy kia nay các những
mọi mỗi từng một hai ba bốn năm sáu bảy tám chín mười nhiều không chưa chẳng rất cùng lại luôn
ngay chỉ như nhằm do bởi vì nếu thay trước sau giữa bên phía đây gồm hôm tuy song nhé về ở đi
nói trao tặng thăm ký nêu giao gặp hỏi nghe đón chúc gửi đọc mời viếng dâng thắp nhận làm
phải cần muốn hãy đừng xin bèn liền
""".split()
)

#: Two-word stops ("cho biết" is covered by "cho").
STOP_PHRASES = frozenset(
    """
phát biểu|nhấn mạnh|khẳng định|chủ trì|tham dự|tham gia|chúc mừng|đánh giá|ghi nhận|biểu dương
|yêu cầu|đề nghị|kiến nghị|đề xuất|kết luận|báo cáo|trình bày|giới thiệu|lưu ý|chia sẻ|tâm sự
|tâm đắc|nhìn nhận|nhận định|nhận xét|thông báo|tiết lộ|thừa nhận|cảm ơn|bày tỏ|mong muốn
|hy vọng|tin tưởng|đồng ý|cam kết|triển khai|tổ chức|kiểm tra|khảo sát|giải thích|trả lời
|giải đáp|lý giải|phân tích|ôn lại|cắt băng|bấm nút|quyết định|phụ trách|đảm nhận|tiếp thu
|tiếp đón|tiếp nhận|tiếp xúc|trò chuyện|động viên|lắng nghe|chủ động|phát động|khai mạc|bế mạc
|hướng dẫn|nhắc nhở|đưa ra|thực hiện|tiến hành|dặn dò|ủng hộ|vui mừng|xúc động|công bố|kêu gọi
|phản ánh|bổ sung|thống nhất|ban hành|trao đổi|khai trương|đánh dấu|chủ tọa|thăm hỏi|dự hội
|dự lễ|dự buổi|dự và|phân công|lạc quan|đồng thời|hiện nay|xác nhận|xác định|dự thảo|đề ra
|nhận định|đánh giá|nhìn nhận|cho rằng|thông qua|ký kết|ký tên|chủ động|đồng chủ trì|tâm niệm
|khẳng định|đứng đầu|hiện đang|hiện là|đồng tình|nhất trí|ghi nhận|thẳng thắn|băn khoăn|lo ngại
""".replace("\n", "").split("|")
)

#: Words before a title that make it generic or plural ("các Phó Thủ tướng", "chức vụ thứ trưởng").
GENERIC_BEFORE = frozenset(
    {
        "các",
        "những",
        "mọi",
        "nhiều",
        "từng",
        "vị",
        "mỗi",
        "một",
        "hai",
        "ba",
        "bốn",
        "năm",
        "chức",
        "danh",
        "chức vụ",
        "ban",
        "hội",
        "làm",
        "cử",
        "bầu",
        "ứng",
        "cương vị",
        "cấp",
    }
)
#: Modifiers written before a title.
FORMER_WORDS = ("nguyên", "cựu")
ACTING_WORDS = ("quyền",)
VICE_WORD = "phó"
#: Modifiers written after a title ("Phó Chủ tịch Thường trực").
SUFFIX_MODIFIERS = ("thường trực", "chuyên trách", "thứ nhất")
#: Linking words between a name and its position ("ông Dũng còn là tổ trưởng …").
COPULAS = ("đồng thời là", "hiện đang là", "hiện là", "còn là", "cũng là", "nguyên là", "là", "giữ chức", "kiêm nhiệm")
#: Words before a trigger that make the following name a place, street or institution.
PLACE_NOUNS = frozenset(
    {
        "đường",
        "phố",
        "cầu",
        "chợ",
        "núi",
        "sông",
        "khu",
        "ngõ",
        "hẻm",
        "quảng",
        "lăng",
        "đền",
        "tượng",
        "nhà",
        "trường",
        "giải",
        "cúp",
        "tàu",
        "số",
    }
)


class TitleLexicon:
    """Titles and honorifics from the gazetteers, plus the grammar words above."""

    def __init__(self) -> None:
        self.triggers: PhraseMatcher[TitleInfo] = PhraseMatcher()
        self.titles: PhraseIndex[TitleInfo] = PhraseIndex()
        self.office_prefixes: set[str] = set()  # first two letters of every non-honorific title
        self.org_heads: PhraseIndex[str] = PhraseIndex((p, p) for p in ORG_HEADS)
        self.admin: PhraseIndex[str] = PhraseIndex((p, p) for p in ADMIN_WORDS)

    @classmethod
    def from_gazetteers(cls, gaz: Gazetteers) -> TitleLexicon:
        lex = cls()
        for row in gaz.rows("titles"):
            title = row["title"]
            expansion = row.get("expansion") or title
            exact = row.get("case") == "exact"
            for form in [title, *row.list("variants")]:
                lex._add(TitleInfo(form, expansion, row.get("kind", "office"), exact=exact))
        for row in gaz.rows("honorifics"):
            form = row["honorific"]
            expansion = row.get("expansion") or form
            case = row.get("case")
            lex._add(
                TitleInfo(
                    form, expansion, row.get("kind", "address"), exact=case == "exact", lower_only=case == "lower"
                )
            )
        return lex

    def _add(self, info: TitleInfo) -> None:
        self.triggers.add(info.form, info)
        self.titles.add(info.form, info)
        if not info.is_honorific:
            self.office_prefixes.add(lower_same_length(normalize_string(info.form))[:2])


def is_sentence_start(text: str, pos: int) -> bool:
    """True when only punctuation or nothing precedes ``pos`` in its clause."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n.!?:;\"'(-–…[*•"
