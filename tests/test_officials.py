"""Officials: names, honorifics and positions as written, in the shapes reports use.

The tables run the officials recogniser without the agencies recogniser (its spans only add
``Position.organization``), so they test this recogniser's own reading; a few tests at the end
feed agency spans by hand and run the full pipeline. Every result is checked against the
offset invariant on the original text.
"""

from __future__ import annotations

import time
import unicodedata

import pytest

import vnreport
from vnreport import Pipeline
from vnreport.models import Agency, Official, Span
from vnreport.recognizers.officials import OfficialRecognizer
from vnreport.text.document import IndexedSpan

Expected = tuple[str, str | None, list[str]]  # (name, honorific, position texts)


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline(disable=["agencies"])


def officials(nlp: Pipeline, text: str) -> list[Official]:
    report = nlp(text)
    check_offsets(text, report.officials)
    return report.officials


def check_offsets(text: str, found: list[Official]) -> None:
    for o in found:
        assert o.mentions, o
        for m in o.mentions:
            assert text[m.start : m.end] == m.text, m
        for p in o.positions:
            assert p.start is not None and p.end is not None
            assert text[p.start : p.end] == p.text, p


def summary(found: list[Official]) -> list[Expected]:
    return [(o.name, o.honorific, [p.text for p in o.positions]) for o in found]


CASES: list[tuple[str, list[Expected]]] = [
    # --- name first, position in apposition
    (
        "Đồng chí Võ Minh Tâm – UVTV Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy đến dự và phát biểu chỉ đạo Hội nghị.",
        [("Võ Minh Tâm", "Đồng chí", ["UVTV Tỉnh ủy", "Trưởng Ban Tuyên giáo Tỉnh ủy"])],
    ),
    (
        "Tham dự Hội nghị có ông Trần Thành Lập – Phó Chủ tịch UBND tỉnh Hậu Giang cùng lãnh đạo các Sở.",
        [("Trần Thành Lập", "ông", ["Phó Chủ tịch UBND tỉnh Hậu Giang"])],
    ),
    (
        "Hội nghị nghe ông Nguyễn Văn Ba – Phó Giám đốc Sở Thông tin và Truyền thông triển khai Nghị định số 43.",
        [("Nguyễn Văn Ba", "ông", ["Phó Giám đốc Sở Thông tin và Truyền thông"])],
    ),
    (
        "Đến dự có đồng chí Hoàng Quốc Vượng, Phó Chủ tịch UBND tỉnh; Đồng chí Nguyễn Đình Bàng, Thường trực HĐND tỉnh; Đại diện các sở.",
        [
            ("Hoàng Quốc Vượng", "đồng chí", ["Phó Chủ tịch UBND tỉnh"]),
            ("Nguyễn Đình Bàng", "Đồng chí", ["Thường trực HĐND tỉnh"]),
        ],
    ),
    (
        "Chiều 19/7, đồng chí Hoàng Việt Hùng - Giám đốc Sở chủ trì Hội nghị.",
        [("Hoàng Việt Hùng", "đồng chí", ["Giám đốc Sở"])],
    ),
    (
        "Ông Trần Tăng Long, Giám đốc HTX Nông nghiệp Phước Hưng, cho hay.",
        [("Trần Tăng Long", "Ông", ["Giám đốc HTX Nông nghiệp Phước Hưng"])],
    ),
    (
        "Ông Phạm Văn Tân, Giám đốc HTX Nông nghiệp II Nhơn Thọ tâm đắc với mô hình này.",
        [("Phạm Văn Tân", "Ông", ["Giám đốc HTX Nông nghiệp II Nhơn Thọ"])],
    ),
    (
        "Ông Nguyễn Hữu Phước, Phó Giám đốc Sở Lao động, Thương binh và Xã hội tỉnh Thừa Thiên Huế cho biết.",
        [("Nguyễn Hữu Phước", "Ông", ["Phó Giám đốc Sở Lao động, Thương binh và Xã hội tỉnh Thừa Thiên Huế"])],
    ),
    (
        "Dự có ông Vũ Xuân Hùng, Vụ trưởng Vụ Đào tạo chính quy, Tổng cục Giáo dục nghề nghiệp, Bộ Lao động - "
        "Thương binh và Xã hội; ông Phan Thiên Định, Bí thư Thành ủy Huế.",
        [
            (
                "Vũ Xuân Hùng",
                "ông",
                ["Vụ trưởng Vụ Đào tạo chính quy, Tổng cục Giáo dục nghề nghiệp, Bộ Lao động - Thương binh và Xã hội"],
            ),
            ("Phan Thiên Định", "ông", ["Bí thư Thành ủy Huế"]),
        ],
    ),
    (
        "Ông Trần Hữu Châu Giang, Phó Hiệu trưởng nhà trường phát biểu về mô hình 9+.",
        [("Trần Hữu Châu Giang", "Ông", ["Phó Hiệu trưởng nhà trường"])],
    ),
    (
        "Bà Nguyễn Thị Anh, Giám đốc Sở Y tế tỉnh Hưng Yên cho biết, tỉnh tiếp tục truy vết.",
        [("Nguyễn Thị Anh", "Bà", ["Giám đốc Sở Y tế tỉnh Hưng Yên"])],
    ),
    (
        "Giao lưu với Thượng úy Nguyễn Chu Khánh, Trợ lý Công tác Quần chúng Bộ CHQS tỉnh và Tiến sĩ Lê Mộng Huyền, "
        "Giảng viên Khoa kinh tế và Kế toán, Trường Đại học Quy Nhơn trong buổi gặp mặt.",
        [
            ("Nguyễn Chu Khánh", "Thượng úy", ["Trợ lý Công tác Quần chúng Bộ CHQS tỉnh"]),
            ("Lê Mộng Huyền", "Tiến sĩ", ["Giảng viên Khoa kinh tế và Kế toán, Trường Đại học Quy Nhơn"]),
        ],
    ),
    # (a university named after a person is not a second person)
    (
        "Bộ đình chỉ công tác đối với ông Lê Vinh Danh, Hiệu trưởng trường ĐH Tôn Đức Thắng để kiểm điểm.",
        [("Lê Vinh Danh", "ông", ["Hiệu trưởng trường ĐH Tôn Đức Thắng"])],
    ),
    (
        "Về vấn đề này, ông Dũng còn là tổ trưởng tổ điều hành liên ngành về phân bổ quota dệt may (theo Bộ). "
        "Trước đó, ông Phạm Thế Dũng, vụ trưởng Vụ Xuất nhập khẩu, đã làm việc với cơ quan điều tra.",
        [
            (
                "Phạm Thế Dũng",
                "ông",
                ["tổ trưởng tổ điều hành liên ngành về phân bổ quota dệt may", "vụ trưởng Vụ Xuất nhập khẩu"],
            )
        ],
    ),
    # --- title first
    (
        "Sáng 7/12, Phó Chủ tịch Thường trực UBND tỉnh Nguyễn Thiện và Giám đốc sở Thông tin tuyền thông Phan Tấn Linh "
        "đã chủ trì hội nghị.",
        [
            ("Nguyễn Thiện", None, ["Phó Chủ tịch Thường trực UBND tỉnh"]),
            ("Phan Tấn Linh", None, ["Giám đốc sở Thông tin tuyền thông"]),
        ],
    ),
    (
        "Phó Chủ tịch Thường trực UBND tỉnh Nguyễn Thiện trao bằng khen cho các cá nhân.",
        [("Nguyễn Thiện", None, ["Phó Chủ tịch Thường trực UBND tỉnh"])],
    ),
    (
        "Tại điểm cầu trực tuyến huyện Vũ Quang Chủ tịch UBND huyện Trịnh Văn Ngọc đã chủ trì hội nghị.",
        [("Trịnh Văn Ngọc", None, ["Chủ tịch UBND huyện"])],
    ),
    (
        "Báo cáo tóm tắt, Bộ trưởng Bộ Tư pháp Nguyễn Hải Ninh nhấn mạnh vai trò của Cổng.",
        [("Nguyễn Hải Ninh", None, ["Bộ trưởng Bộ Tư pháp"])],
    ),
    (
        "Cùng dự có Bộ trưởng - Chủ nhiệm Văn phòng Chính phủ Trần Văn Sơn.",
        [("Trần Văn Sơn", None, ["Bộ trưởng - Chủ nhiệm Văn phòng Chính phủ"])],
    ),
    (
        "Cùng dự có các đồng chí Ủy viên Trung ương Đảng: Phó Thủ tướng Trần Hồng Hà, Phó Thủ tướng Hồ Đức Phớc, "
        "Bộ trưởng Bộ Nông nghiệp và Môi trường Đỗ Đức Duy, Thống đốc Ngân hàng Nhà nước Nguyễn Thị Hồng; lãnh đạo các Bộ.",
        [
            ("Trần Hồng Hà", None, ["Phó Thủ tướng"]),
            ("Hồ Đức Phớc", None, ["Phó Thủ tướng"]),
            ("Đỗ Đức Duy", None, ["Bộ trưởng Bộ Nông nghiệp và Môi trường"]),
            ("Nguyễn Thị Hồng", None, ["Thống đốc Ngân hàng Nhà nước"]),
        ],
    ),
    (
        "Tại buổi Lễ, Cục trưởng Cục Kiểm tra văn bản pháp luật và Xử lý vi phạm hành chính Hồ Quang Huy giới thiệu hệ thống.",
        [("Hồ Quang Huy", None, ["Cục trưởng Cục Kiểm tra văn bản pháp luật và Xử lý vi phạm hành chính"])],
    ),
    (
        "Phát biểu khai mạc, Bí thư Thành ủy Hà Nội Đinh Tiến Dũng cho biết.",
        [("Đinh Tiến Dũng", None, ["Bí thư Thành ủy Hà Nội"])],
    ),
    (
        "Ngày 30/4, Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên - Đỗ Quốc Văn, đã ký Công điện số 860/CĐ-CTUBND.",
        [("Đỗ Quốc Văn", None, ["Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên"])],
    ),
    (
        "Chủ tịch UBND tỉnh Phạm Anh Tuấn (thứ 2 từ trái sang) tặng hoa cho các đại biểu.",
        [("Phạm Anh Tuấn", None, ["Chủ tịch UBND tỉnh"])],
    ),
    (
        "Phó Giám đốc Sở Tài nguyên - Môi trường TP Đào Anh Kiệt cho rằng nên đổi tên.",
        [("Đào Anh Kiệt", None, ["Phó Giám đốc Sở Tài nguyên - Môi trường TP"])],
    ),
    (
        "Mới đây, Trưởng ban Tổ chức Thành ủy Vũ Đức Bảo trình bày dự thảo chương trình.",
        [("Vũ Đức Bảo", None, ["Trưởng ban Tổ chức Thành ủy"])],
    ),
    ("Kết luận của Phó thủ tướng Phạm Gia Khiêm tại cuộc họp.", [("Phạm Gia Khiêm", None, ["Phó thủ tướng"])]),
    ("Bộ trưởng Công Thương Nguyễn Hồng Diên cho biết.", [("Nguyễn Hồng Diên", None, ["Bộ trưởng Công Thương"])]),
    # --- plural honorific before a list of members
    (
        "Các ông La Văn Trân, Phó ban tổ chức Tỉnh ủy; Phạm Duy Hưng, Trưởng phòng tổ chức cán bộ Ban tổ chức "
        "chính quyền tỉnh (nay là Sở Nội vụ); Hà Thanh Hằng, Quách Văn Dực, Phó trưởng ban tổ chức chính quyền tỉnh "
        "nhận có sai sót.",
        [
            ("La Văn Trân", "ông", ["Phó ban tổ chức Tỉnh ủy"]),
            ("Phạm Duy Hưng", "ông", ["Trưởng phòng tổ chức cán bộ Ban tổ chức chính quyền tỉnh"]),
            ("Hà Thanh Hằng", "ông", []),
            ("Quách Văn Dực", "ông", ["Phó trưởng ban tổ chức chính quyền tỉnh"]),
        ],
    ),
    (
        "Tham dự có các đồng chí Nguyễn Văn An, Trần Thị Bình và Lê Văn Cường cùng lãnh đạo các sở.",
        [("Nguyễn Văn An", "đồng chí", []), ("Trần Thị Bình", "đồng chí", []), ("Lê Văn Cường", "đồng chí", [])],
    ),
    ("Tham dự có các đồng chí lãnh đạo tỉnh và các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy.", []),
    (
        "Phát biểu nhận nhiệm vụ, ông Trần Văn Quý (sinh năm 1976), Chánh Văn phòng UBND tỉnh giữ chức Giám đốc Sở "
        "TT&TT, cảm ơn lãnh đạo tỉnh.",
        [("Trần Văn Quý", "ông", ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở TT&TT"])],
    ),
    (
        "Đoàn công tác do đồng chí Bùi Văn Tính, UVT.Ư Đảng, Bí thư Tỉnh ủy làm trưởng đoàn.",
        # "làm trưởng đoàn": heading the delegation is a post too (as the gold counts it)
        [("Bùi Văn Tính", "đồng chí", ["UVT.Ư Đảng", "Bí thư Tỉnh ủy", "trưởng đoàn"])],
    ),
    (
        "Ông Vương Quốc Trung - tân Giám đốc Sở TT&TT cảm ơn sự tin tưởng.",
        [("Vương Quốc Trung", "Ông", ["Giám đốc Sở TT&TT"])],
    ),
    (
        "Chủ trì có Phó chủ tịch Thường trực UBND tỉnh - Trưởng đoàn đại biểu Quốc hội tỉnh Nguyễn Trúc Sơn.",
        # two offices, one entry each (the gold's rule); a dash after a bare title joins instead
        [("Nguyễn Trúc Sơn", None, ["Phó chủ tịch Thường trực UBND tỉnh", "Trưởng đoàn đại biểu Quốc hội tỉnh"])],
    ),
    (
        "Cùng làm việc có Trưởng ban Dân vận Huyện ủy Trần Quỳnh Thảo, Trưởng Công an huyện Thượng tá Nguyễn Quang Thành.",
        [
            ("Trần Quỳnh Thảo", None, ["Trưởng ban Dân vận Huyện ủy"]),
            ("Nguyễn Quang Thành", "Thượng tá", ["Trưởng Công an huyện"]),
        ],
    ),
    (
        "Đoàn do Phó Chánh văn phòng Điều phối nông thôn mới tỉnh Ngô Đình Lân làm trưởng đoàn.",
        [("Ngô Đình Lân", None, ["Phó Chánh văn phòng Điều phối nông thôn mới tỉnh", "trưởng đoàn"])],
    ),
    # (a second organisation after "và" is not part of the first; lower-case conjuncts are)
    (
        "Bà Hà Thị Nghĩa, Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam và Đoàn ĐBQH tỉnh đã tiếp xúc cử tri.",
        [("Hà Thị Nghĩa", "Bà", ["Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam"])],
    ),
    (
        "Tổ gồm các đại biểu: Trịnh Xuân Ân, Ủy viên Thường trực Ủy ban Quốc phòng và an ninh của Quốc hội; "
        "Lê Hoàng Hà, Ủy viên chuyên trách Ủy ban Khoa học, công nghệ và môi trường của Quốc hội, sẽ tiếp xúc cử tri.",
        [
            ("Trịnh Xuân Ân", None, ["Ủy viên Thường trực Ủy ban Quốc phòng và an ninh của Quốc hội"]),
            ("Lê Hoàng Hà", None, ["Ủy viên chuyên trách Ủy ban Khoa học, công nghệ và môi trường của Quốc hội"]),
        ],
    ),
    ("Ông Lê Văn Phúc, Giám đốc Sở Y tế và lãnh đạo các sở cùng dự.", [("Lê Văn Phúc", "Ông", ["Giám đốc Sở Y tế"])]),
    # --- title, then honorific and name
    (
        "Phát biểu tại hội nghị, Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn, ông Đào Duy Tâm cho biết.",
        [("Đào Duy Tâm", "ông", ["Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn"])],
    ),
    (
        "Ông Phùng Phú Phong - Phó Giám đốc phụ trách Sở Xây dựng TP - cho biết.",
        [("Phùng Phú Phong", "Ông", ["Phó Giám đốc phụ trách Sở Xây dựng TP"])],
    ),
    (
        "Ông Nguyễn Văn Bình, Trưởng phòng báo cáo kết quả kiểm tra.",  # here "báo cáo" is the verb
        [("Nguyễn Văn Bình", "Ông", ["Trưởng phòng"])],
    ),
    # --- bare name, then its position
    (
        "Dự buổi gặp mặt có các đồng chí: Hồ Quốc Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh; "
        "Lý Tiết Hạnh - Tỉnh ủy viên, Phó Trưởng Đoàn ĐBQH tỉnh; đại diện lãnh đạo các sở.",
        [
            # "các đồng chí:" addresses every member
            ("Hồ Quốc Dũng", "đồng chí", ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]),
            ("Lý Tiết Hạnh", "đồng chí", ["Tỉnh ủy viên", "Phó Trưởng Đoàn ĐBQH tỉnh"]),
        ],
    ),
    (
        "Ông này là người nhà của bị can Nguyễn Việt Phú (nguyên chuyên viên Vụ Xuất nhập khẩu - Bộ Thương mại, đã bị bắt).",
        [("Nguyễn Việt Phú", None, ["nguyên chuyên viên Vụ Xuất nhập khẩu - Bộ Thương mại"])],
    ),
    (
        "Thứ trưởng Bộ Công nghiệp Bùi Xuân Khu, tổ phó tổ này là Lê Văn Thắng - vụ phó Vụ Xuất nhập khẩu, đã bị bắt.",
        [
            ("Bùi Xuân Khu", None, ["Thứ trưởng Bộ Công nghiệp"]),
            ("Lê Văn Thắng", None, ["tổ phó tổ này", "vụ phó Vụ Xuất nhập khẩu"]),
        ],
    ),
    # --- an age or birth aside between the name and its positions
    (
        "Đại biểu trẻ nhất là Đinh Huy, 30 tuổi, huyện ủy viên, Chủ tịch UBND xã Lơ Ku, huyện KBang - Gia Lai.",
        [("Đinh Huy", None, ["huyện ủy viên", "Chủ tịch UBND xã Lơ Ku"])],
    ),
    (
        "Ông Đỗ Quang Hưng, 77 tuổi, Bí thư Đảng đoàn, Chủ tịch Hội Nông dân tỉnh cho biết.",
        [("Đỗ Quang Hưng", "Ông", ["Bí thư Đảng đoàn", "Chủ tịch Hội Nông dân tỉnh"])],
    ),
    (
        "Ông Nguyễn Văn Tâm, sinh năm 1970, Giám đốc Sở Tài chính, được bổ nhiệm lại.",
        [("Nguyễn Văn Tâm", "Ông", ["Giám đốc Sở Tài chính"])],
    ),
    (
        "Bà Lê Thị Hoa (45 tuổi), Phó Giám đốc Sở Y tế tỉnh Nam Định cho biết.",
        [("Lê Thị Hoa", "Bà", ["Phó Giám đốc Sở Y tế tỉnh Nam Định"])],
    ),
    (
        "Người được bầu là Trần Văn Nam (sinh năm 1976), Phó Bí thư Huyện ủy, Chủ tịch UBND huyện.",
        [("Trần Văn Nam", None, ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"])],
    ),
    ("Nạn nhân là Lê Văn Bình, 45 tuổi, trú tại xã Tân Phú.", []),  # an age alone makes no official
    ("Anh Nguyễn Văn Hải, 30 tuổi, ở xã Tân Phú, cho biết năm nay lúa được mùa.", [("Nguyễn Văn Hải", "Anh", [])]),
    # --- titles listed before one name (a dash joins them into one position instead)
    (
        "Văn bản do Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng thừa ủy quyền ký.",
        [("Mai Tiến Dũng", None, ["Bộ trưởng", "Chủ nhiệm Văn phòng Chính phủ"])],
    ),
    (
        "Hội nghị do Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Nguyễn Văn Út chủ trì.",
        [("Nguyễn Văn Út", None, ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"])],
    ),
    (
        "Dự hội nghị có Phó Thủ tướng, Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên.",
        [("Nguyễn Hồng Diên", None, ["Phó Thủ tướng", "Bộ trưởng Bộ Công Thương"])],
    ),
    ("Giám đốc, Phó Giám đốc các sở cùng dự hội nghị.", []),
    ("Bộ trưởng, Thứ trưởng và lãnh đạo các vụ đã dự.", []),
    # --- a parenthesised apposition whose first items are not posts
    (
        "Hội nghị có GS Trần Thanh Vân (Việt kiều Pháp, Chủ tịch Hội khoa học Gặp gỡ Việt Nam) phát biểu.",
        [("Trần Thanh Vân", "GS", ["Chủ tịch Hội khoa học Gặp gỡ Việt Nam"])],
    ),
    (
        "Ông Nguyễn Văn An (45 tuổi, Phó Giám đốc Sở Y tế tỉnh) cho biết.",
        [("Nguyễn Văn An", "Ông", ["Phó Giám đốc Sở Y tế tỉnh"])],
    ),
    (
        "Bà Trần Thị Lan (quê Nghệ An, Trưởng phòng Văn hóa huyện) chia sẻ.",
        [("Trần Thị Lan", "Bà", ["Trưởng phòng Văn hóa huyện"])],
    ),
    ("Ông Lê Văn Hùng (trú xã Tân Phú, huyện Phú Tân) cho biết.", [("Lê Văn Hùng", "Ông", [])]),
    # (an item about someone else: the post after it is not this person's)
    (
        "Ông Lê Văn Hùng (con trai ông Lê Văn Tám, Giám đốc Sở Y tế) cho biết.",
        [("Lê Văn Hùng", "Ông", []), ("Lê Văn Tám", "ông", ["Giám đốc Sở Y tế"])],
    ),
    # --- honorific only, academic and military prefixes
    ("Ông Lò Văn Thái cho biết, năm nay mùa màng bội thu.", [("Lò Văn Thái", "Ông", [])]),
    (
        "Trước đó, đồng chí đã thăm bà Đinh Thị Kích (thương binh) và hộ ông Nguyễn Văn Hữu.",
        [("Đinh Thị Kích", "bà", []), ("Nguyễn Văn Hữu", "ông", [])],
    ),
    ("PGS.TS Trần Văn Nam phát biểu tại hội thảo.", [("Trần Văn Nam", "PGS.TS", [])]),
    (
        "Đoàn đã tặng quà cho cụ Trần Thị Xuyên hơn 80 tuổi. Cụ thể, mỗi suất quà trị giá 1 triệu đồng.",
        [("Trần Thị Xuyên", "cụ", [])],
    ),
    (
        "Đồng chí Đặng Xuân Lượng, Chủ tịch UBND huyện, Trưởng ban chỉ huy phòng chống thiên tai huyện đến thăm.",
        [("Đặng Xuân Lượng", "Đồng chí", ["Chủ tịch UBND huyện", "Trưởng ban chỉ huy phòng chống thiên tai huyện"])],
    ),
    # (given names that are also district names: Kim Sơn, Hoàng Mai)
    (
        "Trò chuyện với PGS.TS Nguyễn Kim Sơn, Bộ trưởng Bộ Giáo dục và Đào tạo (GD&ĐT) về năm học mới.",
        [("Nguyễn Kim Sơn", "PGS.TS", ["Bộ trưởng Bộ Giáo dục và Đào tạo (GD&ĐT)"])],
    ),
    (
        "Đồng chí Trần Hoàng Mai, Phó Chủ tịch UBND huyện dự lễ.",
        [("Trần Hoàng Mai", "Đồng chí", ["Phó Chủ tịch UBND huyện"])],
    ),
    (
        "Thiếu tướng Nguyễn Hữu Cầu - Ủy viên BTV Tỉnh ủy, Giám đốc Công an tỉnh dự họp.",
        [("Nguyễn Hữu Cầu", "Thiếu tướng", ["Ủy viên BTV Tỉnh ủy", "Giám đốc Công an tỉnh"])],
    ),
    (
        "Đ/c Từ Hữu Hòa - Phó Bí thư Huyện ủy - Chủ tịch UBND huyện phát biểu chỉ đạo tại hội nghị.",
        [("Từ Hữu Hòa", "Đ/c", ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"])],  # one entry per office
    ),
    (
        "Thiếu tướng Lô Xuân Thuân, Phó Tư lệnh Quân khu 5 đón đoàn.",
        [("Lô Xuân Thuân", "Thiếu tướng", ["Phó Tư lệnh Quân khu 5"])],
    ),
    ("Thượng úy Y Bhin Niê nhận bằng khen.", [("Y Bhin Niê", "Thượng úy", [])]),
    (
        "NGƯT Lê Thị Hạnh và TS. Phạm Quốc Huy được tặng bằng khen; GS.TS Đặng Văn Lộc chủ trì.",
        [("Lê Thị Hạnh", "NGƯT", []), ("Phạm Quốc Huy", "TS.", []), ("Đặng Văn Lộc", "GS.TS", [])],
    ),
    (
        "Đại tá Phan Công Bình – Giám đốc Công an tỉnh khẳng định quyết tâm của lực lượng.",
        [("Phan Công Bình", "Đại tá", ["Giám đốc Công an tỉnh"])],
    ),
    (
        "Trong đó có những tên tuổi như: Họa sĩ Tôn Thất Văn, Đinh Cường và nhiều người khác.",
        [("Tôn Thất Văn", None, ["Họa sĩ"])],
    ),
    ("Ông Tô Hùng, Giám đốc Sở TN & MT TP Đà Nẵng cho biết.", [("Tô Hùng", "Ông", ["Giám đốc Sở TN & MT TP Đà Nẵng"])]),
    ("Tại cuộc hội thảo, nhạc sĩ Nguyễn Ngọc Thắng cho biết.", [("Nguyễn Ngọc Thắng", None, ["nhạc sĩ"])]),
    # --- former posts
    ("Như đã đưa tin, nguyên thứ trưởng Mai Văn Dâu bị khởi tố.", [("Mai Văn Dâu", None, ["nguyên thứ trưởng"])]),
    # --- negatives: no named person
    ("Phó Chủ tịch UBND tỉnh lưu ý, toàn ngành cần tiếp tục phấn đấu.", []),
    ("Chủ tịch UBND huyện Mai Sơn cho biết kết quả.", []),
    ("Giám đốc Sở TT&TT tỉnh Hà Tĩnh cho biết kết quả.", []),
    ("Thủ tướng Chính phủ ban hành Chỉ thị 16 về phòng dịch.", []),
    ("Bộ trưởng Công Thương cho biết giá xăng sẽ giảm.", []),
    ("Mặc dù vậy, Thủ tướng yêu cầu Bộ Tư pháp phối hợp với các Bộ.", []),
    ("Đó là giá trị mà cha ông đã gây dựng bằng mồ hôi.", []),
    ("Đây là hai bà cháu ở xã Tiên Tiến, huyện Phù Cừ.", []),
    (
        "Thủ tướng Phạm Minh Chính, các Phó Thủ tướng và các đại biểu bấm nút khai trương.",
        [("Phạm Minh Chính", None, ["Thủ tướng"])],
    ),
    ("Nguyễn Văn An đến Hà Nội dự hội nghị.", []),  # a bare name is not an official
    ("Phạm Anh Tuấn ghi nhận những kết quả đạt được.", []),  # "Anh" is a middle name, not "anh"
    ("Tỉnh Bà Rịa Vũng Tàu tổ chức hội nghị.", []),
    ("Đó là trường hợp của Tăng Phát Bảo (doanh nghiệp ma).", []),
    ("Tại Hà Nội, Giám đốc Sở Y tế cho biết số ca mắc giảm.", []),
    ("Sở Văn hóa, Thể thao và Du lịch tổ chức Ngày hội.", []),
    ("Ngoài chức vụ trưởng, ông ấy còn phụ trách tổ điều hành.", []),
    ("Bà con nông dân phấn khởi khi lúa được mùa.", []),
    ("Công ty có trụ sở tại đường Nguyễn Huệ, quận 1.", []),
    ("Ban giám đốc Đại học Huế đã có văn bản kiến nghị.", []),
    ("Giám đốc Công ty TNHH Hoàng Long cho biết đơn hàng tăng.", []),
    ("Giám đốc Bệnh viện Bạch Mai cho biết bệnh nhân đã ổn định.", []),
    (
        "Giám đốc Công ty TNHH Hoàng Long Nguyễn Văn Thành cho biết đơn hàng tăng.",
        [("Nguyễn Văn Thành", None, ["Giám đốc Công ty TNHH Hoàng Long"])],
    ),
    ("Hội nhạc sĩ Việt Nam phối hợp tổ chức hội thảo.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_officials_table(nlp: Pipeline, text: str, expected: list[Expected]) -> None:
    assert summary(officials(nlp, text)) == expected


def test_byline_and_photo_credit_are_not_officials(nlp: Pipeline) -> None:
    text = (
        "Tổng kết hoạt động ngành Thông tin và Truyền thông\n\n"
        "Sáng 7/12, Phó Chủ tịch UBND tỉnh Lâm Hải Giang phát biểu tại hội nghị. Ảnh: T.SỸ\n\n"
        "Hội nghị đã đánh giá kết quả năm 2015 và triển khai nhiệm vụ năm 2016 của toàn ngành.\n\n"
        "Xuân Hoàn - Anh Dũng\n"
    )
    found = officials(nlp, text)
    assert [o.name for o in found] == ["Lâm Hải Giang"]
    assert nlp(text).authors == ["Xuân Hoàn", "Anh Dũng"]


def test_one_official_per_person_with_every_mention(nlp: Pipeline) -> None:
    text = (
        "Đồng chí Võ Minh Tâm – UVTV Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy đến dự. "
        "Thay mặt Ban Thường vụ Tỉnh ủy, đồng chí Võ Minh Tâm đánh giá cao ngành. "
        "Ông Trần Thành Lập – Phó Chủ tịch UBND tỉnh Hậu Giang dự hội nghị. Ông Lập nhấn mạnh nhiệm vụ. "
        "Sau đó, Phó Chủ tịch UBND tỉnh Trần Thành Lập trao bằng khen."
    )
    found = {o.name: o for o in officials(nlp, text)}
    assert set(found) == {"Võ Minh Tâm", "Trần Thành Lập"}
    assert [m.text for m in found["Võ Minh Tâm"].mentions] == ["Võ Minh Tâm", "Võ Minh Tâm"]
    assert [m.text for m in found["Trần Thành Lập"].mentions] == ["Trần Thành Lập", "Lập", "Trần Thành Lập"]
    # a later bare title mention adds a variant only when it differs
    assert [p.text for p in found["Trần Thành Lập"].positions] == [
        "Phó Chủ tịch UBND tỉnh Hậu Giang",
        "Phó Chủ tịch UBND tỉnh",
    ]


def test_short_references_attach_only_when_unambiguous(nlp: Pipeline) -> None:
    text = (
        "Thứ trưởng Bộ GD&ĐT Hoàng Minh Sơn dự hội nghị. Thứ trưởng Sơn nhấn mạnh yêu cầu. Ông Sơn lưu ý thêm. "
        "Ông Nguyễn Văn Dũng và ông Trần Tiến Dũng cùng dự. Ông Dũng cho biết thêm."
    )
    found = {o.name: o for o in officials(nlp, text)}
    assert set(found) == {"Hoàng Minh Sơn", "Nguyễn Văn Dũng", "Trần Tiến Dũng"}
    assert [m.text for m in found["Hoàng Minh Sơn"].mentions] == ["Hoàng Minh Sơn", "Sơn", "Sơn"]
    assert [p.text for p in found["Hoàng Minh Sơn"].positions] == ["Thứ trưởng Bộ GD&ĐT", "Thứ trưởng"]
    assert len(found["Nguyễn Văn Dũng"].mentions) == len(found["Trần Tiến Dũng"].mentions) == 1


def test_unresolved_short_name_is_not_an_official(nlp: Pipeline) -> None:
    assert officials(nlp, "Ông Lập cho biết, năm nay mùa màng bội thu.") == []


def test_position_fields_title_and_former(nlp: Pipeline) -> None:
    text = (
        "Dự có đồng chí Võ Minh Tâm – UVTV Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh và "
        "ông Phạm Kiết, nguyên Giám đốc Sở Du lịch."
    )
    found = {o.name: o for o in officials(nlp, text)}
    uvtv, pct = found["Võ Minh Tâm"].positions
    assert (uvtv.text, uvtv.title, uvtv.former) == ("UVTV Tỉnh ủy", "Ủy viên Ban Thường vụ", False)
    assert (pct.title, pct.organization) == ("Phó Chủ tịch Thường trực", None)
    former = found["Phạm Kiết"].positions[0]
    assert (former.text, former.title, former.former) == ("nguyên Giám đốc Sở Du lịch", "Giám đốc", True)


def test_offsets_survive_normalisation(nlp: Pipeline) -> None:
    base = "Tham dự có ông Trần Thành Lập – Phó Chủ tịch UBND tỉnh Hậu Giang cùng lãnh đạo các sở."
    variants = [
        unicodedata.normalize("NFD", base),
        base.replace(" ", "\u00a0"),
        base.replace("–", "\u2014").replace("ông", "ông\u200b"),
        "  \r\n" + base.replace(" ", "  "),
    ]
    for text in variants:
        found = officials(nlp, text)
        assert [o.name for o in found] and unicodedata.normalize("NFC", found[0].name) == "Trần Thành Lập", text
        assert len(found[0].positions) == 1


def test_organization_from_agency_spans() -> None:
    """The agencies recogniser's spans fill Position.organization with the canonical name."""
    nlp = Pipeline(disable=["agencies"])
    rec = next(r for r in nlp.recognizers if isinstance(r, OfficialRecognizer))
    text = "Ông Trần Thành Lập – Phó Chủ tịch UBND tỉnh Hậu Giang cùng dự."
    doc = nlp.make_doc(text)
    s = text.index("UBND tỉnh Hậu Giang")
    e = s + len("UBND tỉnh Hậu Giang")
    doc.found["agencies"] = [
        Agency(name="Ủy ban nhân dân tỉnh Hậu Giang", mentions=[Span(start=s, end=e, text=text[s:e])])
    ]
    doc.context.agency_spans = [IndexedSpan(s, e, 0)]
    (official,) = rec.find(doc)
    (position,) = official.positions
    assert position.text == "Phó Chủ tịch UBND tỉnh Hậu Giang"
    assert position.organization == "Ủy ban nhân dân tỉnh Hậu Giang"


def test_agency_span_covering_a_name_is_not_trusted() -> None:
    nlp = Pipeline(disable=["agencies"])
    rec = next(r for r in nlp.recognizers if isinstance(r, OfficialRecognizer))
    text = "Phó Chủ tịch UBND tỉnh Nguyễn Thiện trao bằng khen."
    doc = nlp.make_doc(text)
    s, e = text.index("UBND"), text.index(" trao")
    doc.found["agencies"] = [Agency(name="x", mentions=[Span(start=s, end=e, text=text[s:e])])]
    doc.context.agency_spans = [IndexedSpan(s, e, 0)]
    assert [o.name for o in rec.find(doc)] == ["Nguyễn Thiện"]


def test_full_pipeline_on_a_report() -> None:
    text = (
        "Tin hoạt động Sở TT&TT Hậu Giang\n\n"
        "Ngày 19/7/2011, Sở Thông tin và Truyền thông Hậu Giang phối hợp cùng Ban Tuyên giáo Tỉnh ủy Hậu Giang "
        "tổ chức Hội nghị. Đồng chí Võ Minh Tâm – UVTV Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy đến dự. "
        "Tham dự có ông Trần Thành Lập – Phó Chủ tịch UBND tỉnh Hậu Giang.\n\nÁi Phương\n"
    )
    report = vnreport.extract(text)
    check_offsets(text, report.officials)
    assert [(o.name, [p.text for p in o.positions]) for o in report.officials] == [
        ("Võ Minh Tâm", ["UVTV Tỉnh ủy", "Trưởng Ban Tuyên giáo Tỉnh ủy"]),
        ("Trần Thành Lập", ["Phó Chủ tịch UBND tỉnh Hậu Giang"]),
    ]
    assert "Ái Phương" not in {o.name for o in report.officials}


@pytest.mark.parametrize(
    "text",
    [
        "Ông " * 50_000,
        "ông " * 50_000,
        "Giám đốc Sở A " * 20_000,
        "đồng chí Nguyễn Văn A - Giám đốc Sở Y tế, " * 5_000,
        "Giám đốc Sở " + "Nguyễn " * 50_000,
        "Phó Chủ tịch UBND tỉnh Nguyễn Thiện và ông Lập, " * 5_000,
        "Ủy viên Ban Thường vụ Tỉnh ủy, " * 10_000,  # one list of positions, ever longer
        "ĐBQH " * 50_000,  # an abbreviated title that is also an organisation word
        "ông Nguyễn Văn An và ông Trần Văn Bình, " * 5_000,
        "Trưởng phòng " * 20_000,
        "Bộ trưởng, " * 20_000,  # titles listed before a name that never comes
        ", 30 tuổi, Giám đốc Sở" * 10_000,  # age asides with no name before them
        "ông Nguyễn Văn An (Việt kiều, " * 10_000,  # parentheses never closed
    ],
    ids=[
        "Ông",
        "ông",
        "title-org",
        "apposition",
        "capitals",
        "mixed",
        "position-chain",
        "abbreviation",
        "people-list",
        "unit-title",
        "title-list",
        "age-aside",
        "open-parenthesis",
    ],
)
def test_hostile_repetitions_stay_linear(text: str) -> None:
    nlp = Pipeline(disable=["agencies"])
    rec = next(r for r in nlp.recognizers if isinstance(r, OfficialRecognizer))
    doc = nlp.make_doc(text)
    t0 = time.process_time()
    found = rec.find(doc)
    elapsed = time.process_time() - t0
    assert elapsed < 0.5 + len(text) / 100_000 * 0.8, f"{elapsed:.2f}s for {len(text)} chars"
    check_offsets(text, found)
