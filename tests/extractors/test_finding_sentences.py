"""Findings in running text (a sentence that says what it is) and under part titles that are not
numbered headings (`Phần thứ ba` / `ĐỀ XUẤT, KIẾN NGHỊ`). Sentences written for these tests."""

from __future__ import annotations

from extractors.findings import extract_findings, running_text
from pipeline.build import document_from_text
from tests.extractors.finding_report import finding_rows


def _rows(body: str) -> list[tuple[str, str, str | None, str]]:
    rows = finding_rows("ĐỒNG LẠC", 10, body)
    return [(r["kind"], r["category"], r["addressee"], r["text"]) for r in rows]


def test_a_turn_to_what_is_lacking_is_a_limitation_and_its_clauses_follow_it() -> None:
    body = ("1. Hạ tầng số\n"
            "Xã có 18 máy tính và 02 máy in. Tuy nhiên, phòng một cửa chưa có máy lấy số thứ tự; "
            "đường truyền dự phòng thường xuyên gián đoạn. Trụ sở mới được sửa chữa.\n"
            "2. Dịch vụ công\n"
            "Tỷ lệ hồ sơ trực tuyến đạt 81%. Tuy nhiên, nhờ Tổ công nghệ số cộng đồng, số tài khoản VNeID tăng 9%.\n"
            "Bên cạnh đó, vẫn còn 05 thôn chưa có loa truyền thanh thông minh.\n")
    assert _rows(body) == [
        ("limitation", "infrastructure_equipment", None, "Tuy nhiên, phòng một cửa chưa có máy lấy số thứ tự"),
        ("limitation", "network_connectivity", None, "đường truyền dự phòng thường xuyên gián đoạn."),
        ("limitation", "other", None, "Bên cạnh đó, vẫn còn 05 thôn chưa có loa truyền thanh thông minh."),
    ]


def test_a_stated_difficulty_counts_but_an_announcement_or_a_fixed_phrase_does_not() -> None:
    body = ("I. TÌNH HÌNH CHUNG\n"
            "Bên cạnh kết quả đạt được, xã vẫn còn gặp không ít khó khăn, vướng mắc cần tháo gỡ.\n"
            "Theo ông Bùi Văn Hòa, Chủ tịch UBND xã, xã còn gặp khó khăn về đường truyền ở các thôn giáp núi.\n"
            "Để khắc phục khó khăn, xã đã bố trí 02 công chức trực vào thứ Bảy. Đồng Lạc là xã đặc biệt khó khăn.\n"
            "Tổ công nghệ số hỗ trợ người dân không gặp khó khăn khi nộp hồ sơ.\n")
    assert _rows(body) == [
        ("difficulty", "network_connectivity", None,
         "Theo ông Bùi Văn Hòa, Chủ tịch UBND xã, xã còn gặp khó khăn về đường truyền ở các thôn giáp núi."),
    ]


def test_a_request_the_commune_makes_in_running_text_with_its_continuation() -> None:
    body = ("II. Ý KIẾN CỦA CÁC XÃ\n"
            "Tại buổi làm việc, xã Đồng Lạc đã đề nghị Sở Tài chính bố trí kinh phí mua 04 máy scan; "
            "đồng thời hỗ trợ tập huấn số hóa cho công chức.\n"
            "Xã Tân Dân kiến nghị bổ sung 01 biên chế công chức công nghệ thông tin.\n"
            "Theo đề nghị của Phòng Văn hóa, xã đã cử 03 công chức dự tập huấn.\n"
            "Phó Giám đốc Sở ghi nhận nỗ lực của xã và đề nghị xã tiếp tục đẩy mạnh tuyên truyền.\n")
    assert _rows(body) == [
        ("recommendation", "finance", "Sở Tài chính",
         "Tại buổi làm việc, xã Đồng Lạc đã đề nghị Sở Tài chính bố trí kinh phí mua 04 máy scan"),
        ("recommendation", "human_resources_training", "Sở Tài chính", "đồng thời hỗ trợ tập huấn số hóa cho công chức."),
        ("recommendation", "human_resources_training", None,
         "Xã Tân Dân kiến nghị bổ sung 01 biên chế công chức công nghệ thông tin."),
    ]


def test_a_part_title_in_capitals_gives_its_kind_to_the_numbered_sections_under_it() -> None:
    body = ("Phần thứ nhất\nKẾT QUẢ THỰC HIỆN\n"
            "1. Hạ tầng\nXã có 22 máy tính.\n"
            "Phần thứ hai\nKHÓ KHĂN, VƯỚNG MẮC\n"
            "Nhiều máy tính đã cũ; kinh phí sửa chữa chưa được bố trí.\n"
            "Phần thứ ba\nĐỀ XUẤT, KIẾN NGHỊ\n"
            "1. Đối với Ủy ban nhân dân tỉnh\n"
            "Bố trí kinh phí thay thế máy tính cũ cho các xã.\n")
    assert _rows(body) == [
        ("difficulty", "infrastructure_equipment", None, "Nhiều máy tính đã cũ"),
        ("difficulty", "finance", None, "kinh phí sửa chữa chưa được bố trí."),
        ("recommendation", "finance", "Ủy ban nhân dân tỉnh", "Bố trí kinh phí thay thế máy tính cũ cho các xã."),
    ]


def test_a_request_after_an_opening_phrase_or_in_writing_and_an_office_as_addressee() -> None:
    body = ("I. TÌNH HÌNH CHUNG\n"
            "Từ những khó khăn trên, kính đề nghị Văn phòng UBND tỉnh sớm nâng cấp máy chủ một cửa điện tử.\n"
            "Xã Đồng Lạc đã có văn bản đề nghị được hỗ trợ 02 máy tính cho bộ phận một cửa.\n"
            "Tại buổi làm việc, đề xuất của xã về phòng họp trực tuyến được ghi nhận.\n")
    assert _rows(body) == [
        ("recommendation", "infrastructure_equipment", "Văn phòng UBND tỉnh",
         "Từ những khó khăn trên, kính đề nghị Văn phòng UBND tỉnh sớm nâng cấp máy chủ một cửa điện tử."),
        ("recommendation", "infrastructure_equipment", None,
         "Xã Đồng Lạc đã có văn bản đề nghị được hỗ trợ 02 máy tính cho bộ phận một cửa."),
    ]


def test_the_topic_is_read_outside_brackets() -> None:
    body = ("II. ĐÁNH GIÁ\n"
            "Tuy nhiên, so với nhu cầu (máy chủ, đường truyền, lưu trữ), kinh phí được giao chưa đủ.\n")
    assert _rows(body) == [
        ("limitation", "finance", None, "Tuy nhiên, so với nhu cầu (máy chủ, đường truyền, lưu trữ), kinh phí được giao chưa đủ."),
    ]


def test_a_sentence_that_states_a_part_and_a_hope_addressed_to_the_province() -> None:
    body = ("I. TÌNH HÌNH CHUNG\n"
            "Ông Lý Văn Sơn cho biết, khó khăn lớn nhất hiện nay là xã chưa có máy scan khổ A3.\n"
            "Kết quả đạt được là nhờ sự vào cuộc của các thôn. Do đó, xã đã cử 05 đoàn viên hỗ trợ người dân.\n"
            "Người dân mong muốn thủ tục đơn giản hơn.\n"
            "Kính mong UBND tỉnh quan tâm hỗ trợ kinh phí mua máy scan.\n")
    assert _rows(body) == [
        ("difficulty", "infrastructure_equipment", None,
         "Ông Lý Văn Sơn cho biết, khó khăn lớn nhất hiện nay là xã chưa có máy scan khổ A3."),
        ("recommendation", "finance", "UBND tỉnh", "Kính mong UBND tỉnh quan tâm hỗ trợ kinh phí mua máy scan."),
    ]


def test_whoever_speaks_a_request_to_a_body_above_the_commune_counts_one_to_the_commune_does_not() -> None:
    body = ("I. TÌNH HÌNH CHUNG\n"
            "Chủ tịch UBND xã Mường Lay Lò Văn Páo đề nghị tỉnh sớm đầu tư trạm phát sóng cho 04 bản.\n"
            "Ông Páo cũng kiến nghị Viettel mở rộng vùng phủ sóng.\n"
            "Phó Giám đốc Sở đề nghị xã tiếp tục tuyên truyền. Theo đề nghị của Sở Nội vụ, xã đã cử 02 công chức.\n"
            "Xã được đề nghị Bộ Nội vụ khen thưởng.\n")
    assert _rows(body) == [
        ("recommendation", "network_connectivity", "tỉnh",
         "Chủ tịch UBND xã Mường Lay Lò Văn Páo đề nghị tỉnh sớm đầu tư trạm phát sóng cho 04 bản."),
        ("recommendation", "network_connectivity", "Viettel", "Ông Páo cũng kiến nghị Viettel mở rộng vùng phủ sóng."),
    ]


def test_a_party_report_names_its_shortcomings_khuyet_diem() -> None:
    body = ("II. ĐÁNH GIÁ\n"
            "2. Khuyết điểm\n"
            "- Một số chi bộ chưa cập nhật văn bản lên hệ thống điều hành.\n")
    assert _rows(body) == [
        ("limitation", "software_data", None, "Một số chi bộ chưa cập nhật văn bản lên hệ thống điều hành."),
    ]


def test_a_report_of_one_paragraph_is_read_though_it_is_taken_as_the_opening() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ HÒA MỸ\nBÁO CÁO\nKết quả chuyển đổi số tháng 9 năm 2025\n"
            "Trong tháng, UBND xã đã số hóa 1.150 hồ sơ hộ tịch và tiếp nhận 96 hồ sơ trực tuyến. Tuy nhiên, sóng "
            "di động tại thôn Gò Mít vẫn chưa ổn định. UBND xã Hòa Mỹ đề nghị Sở Khoa học và Công nghệ hỗ trợ 02 "
            "máy scan cho bộ phận một cửa.\nCHỦ TỊCH\nLê Văn Tám\n")
    doc = document_from_text(text)
    assert doc.zone("opening") and running_text(doc) != doc.zone("body")
    rows = extract_findings(doc, {})["findings"]
    assert [(r["kind"], r["category"], r["addressee"], r["text"]) for r in rows] == [
        ("limitation", "network_connectivity", None, "Tuy nhiên, sóng di động tại thôn Gò Mít vẫn chưa ổn định."),
        ("recommendation", "infrastructure_equipment", "Sở Khoa học và Công nghệ",
         "UBND xã Hòa Mỹ đề nghị Sở Khoa học và Công nghệ hỗ trợ 02 máy scan cho bộ phận một cửa."),
    ]


def test_an_opening_before_the_body_is_not_read_for_findings() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ HÒA MỸ\nBÁO CÁO\nKết quả chuyển đổi số tháng 9 năm 2025\n"
            "Thực hiện đề nghị của Sở Khoa học và Công nghệ, UBND xã Hòa Mỹ báo cáo kết quả như sau:\n"
            "Trong tháng, UBND xã đã số hóa 1.150 hồ sơ hộ tịch và tiếp nhận 96 hồ sơ trực tuyến.\n")
    doc = document_from_text(text)
    assert running_text(doc) == doc.zone("body")
    assert extract_findings(doc, {})["findings"] == []


def test_every_asking_wording_ends_on_a_word_the_prefilter_looks_for() -> None:
    # a sentence is read for requests only when it holds one of these words: every wording must end on one
    import regex

    from extractors.findings import _ASKING_WORDS
    from extractors.phrase_patterns import wordings
    from extractors.vocab.findings import REQUEST_VERB, SENTENCE_KIND

    for pattern in (REQUEST_VERB.pattern, *(regex.sub(r"\\b", "", p.pattern) for p in SENTENCE_KIND)):
        assert all(w.split()[-1] in _ASKING_WORDS for w in wordings(pattern))
