"""Findings wherever reports put them: requests grouped under `Đối với <body>:`, a sentence that
announces a list, numbered items, text after a heading's colon, causes in running text, and the
statistics under `Kết quả đạt được` (not strengths). Sentences written for these tests."""

from __future__ import annotations

from tests.extractors.finding_report import finding_rows


def _rows(body: str) -> list[tuple[str, str, str | None, str | None, str]]:
    rows = finding_rows("SƠN THỦY", 11, body)
    return [(r["kind"], r["category"], r["addressee"], r["addressee_level"], r["text"]) for r in rows]


def test_requests_under_a_group_label_take_its_addressee() -> None:
    body = ("3. Kiến nghị, đề xuất\n"
            "- Đối với UBND tỉnh:\n"
            "+ Hỗ trợ kinh phí mua sắm máy scan cho bộ phận một cửa.\n"
            "+ Bổ sung biên chế công chức công nghệ thông tin.\n"
            "- Đối với Bộ Công an: nâng cấp ứng dụng VNeID trên điện thoại đời cũ.\n"
            "- Đề nghị Sở Tài chính hướng dẫn cơ chế sử dụng kinh phí cho Tổ công nghệ số.\n")
    assert _rows(body) == [
        ("recommendation", "finance", "UBND tỉnh", "province", "Hỗ trợ kinh phí mua sắm máy scan cho bộ phận một cửa."),
        ("recommendation", "human_resources_training", "UBND tỉnh", "province",
         "Bổ sung biên chế công chức công nghệ thông tin."),
        ("recommendation", "software_data", "Bộ Công an", "central", "nâng cấp ứng dụng VNeID trên điện thoại đời cũ."),
        ("recommendation", "legal_guidance", "Sở Tài chính", "department",
         "Đề nghị Sở Tài chính hướng dẫn cơ chế sử dụng kinh phí cho Tổ công nghệ số."),
    ]


def test_numbered_headings_naming_a_body_and_text_after_a_heading_colon() -> None:
    body = ("IV. ĐỀ XUẤT, KIẾN NGHỊ\n"
            "1. Đối với Trung ương: Sớm kết nối, chia sẻ dữ liệu đất đai với dữ liệu dân cư.\n"
            "2. Đối với xã\n"
            "Tiếp tục rà soát dữ liệu hộ tịch đã số hóa.\n"
            "V. KHÓ KHĂN\n"
            "1. Về nhân lực: Chỉ có 02 công chức tiếp nhận hồ sơ.\n")
    assert _rows(body) == [
        ("recommendation", "software_data", "Trung ương", "central",
         "Sớm kết nối, chia sẻ dữ liệu đất đai với dữ liệu dân cư."),
        ("recommendation", "software_data", "xã", "commune", "Tiếp tục rà soát dữ liệu hộ tịch đã số hóa."),
        ("difficulty", "human_resources_training", None, None, "Chỉ có 02 công chức tiếp nhận hồ sơ."),
    ]


def test_a_sentence_announcing_a_list_labels_its_bullets_and_a_stated_cause_is_a_cause() -> None:
    body = ("II. ĐÁNH GIÁ\n"
            "Bên cạnh những kết quả đạt được, xã vẫn còn một số tồn tại, hạn chế sau:\n"
            "- Mạng internet ở thôn xa chập chờn.\n"
            "- Tỷ lệ thanh toán trực tuyến còn thấp.\n"
            "Nguyên nhân chủ yếu là do kinh phí đầu tư còn hạn hẹp.\n")
    assert _rows(body) == [
        ("limitation", "network_connectivity", None, None, "Mạng internet ở thôn xa chập chờn."),
        ("limitation", "other", None, None, "Tỷ lệ thanh toán trực tuyến còn thấp."),
        ("cause", "finance", None, None, "Nguyên nhân chủ yếu là do kinh phí đầu tư còn hạn hẹp."),
    ]


def test_bracket_numbered_items_are_findings_not_empty_brackets() -> None:
    body = ("2. Tồn tại, hạn chế\n"
            "(1) Việc số hóa hồ sơ còn chậm.\n"
            "(2) Một số công chức còn ngại ký số.\n"
            "(Phụ lục kèm theo)\n")
    assert [r[4] for r in _rows(body)] == ["Việc số hóa hồ sơ còn chậm.", "Một số công chức còn ngại ký số."]


def test_results_achieved_with_statistics_and_tasks_ahead_are_not_findings() -> None:
    body = ("I. KẾT QUẢ ĐẠT ĐƯỢC\n"
            "1. Về thủ tục hành chính\n"
            "Trong kỳ tiếp nhận 120 hồ sơ, đã giải quyết 118 hồ sơ.\n"
            "II. KHÓ KHĂN, VƯỚNG MẮC\n"
            "- Máy tính cũ, cấu hình thấp.\n"
            "III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI\n"
            "- Hoàn thành số hóa hồ sơ tồn đọng.\n"
            "IV. ĐÁNH GIÁ CHUNG\n"
            "1. Kết quả nổi bật\n"
            "- Tỷ lệ hồ sơ trực tuyến tăng nhanh.\n"
            "2. Hạn chế\n"
            "- Phần mềm thường xuyên lỗi.\n")
    assert [(r[0], r[4]) for r in _rows(body)] == [
        ("difficulty", "Máy tính cũ, cấu hình thấp."),
        ("strength", "Tỷ lệ hồ sơ trực tuyến tăng nhanh."),
        ("limitation", "Phần mềm thường xuyên lỗi."),
    ]



def test_running_text_gives_stated_causes_and_requests_but_not_an_announcement_of_difficulties() -> None:
    body = ("1. Tình hình chung\n"
            "Tuy vậy, việc chuyển đổi số của xã vẫn còn gặp không ít khó khăn. Máy tính của bộ phận một cửa đã cũ.\n"
            "Ông Lò Văn Sinh cho biết, xã đã đề nghị Sở Khoa học và Công nghệ hỗ trợ phần mềm quản lý hồ sơ.\n"
            "Nguyên nhân là do mưa lũ kéo dài. Đề nghị Sở Xây dựng hỗ trợ sửa chữa trụ sở làm việc.\n")
    assert _rows(body) == [
        ("recommendation", "software_data", "Sở Khoa học và Công nghệ", "department",
         "Ông Lò Văn Sinh cho biết, xã đã đề nghị Sở Khoa học và Công nghệ hỗ trợ phần mềm quản lý hồ sơ."),
        ("cause", "other", None, None, "Nguyên nhân là do mưa lũ kéo dài."),
        ("recommendation", "infrastructure_equipment", "Sở Xây dựng", "department",
         "Đề nghị Sở Xây dựng hỗ trợ sửa chữa trụ sở làm việc."),
    ]


def test_a_line_that_only_names_a_part_labels_the_lines_under_it() -> None:
    body = ("1. Hạ tầng\n"
            "Xã có 30 máy tính.\n"
            "Khó khăn, vướng mắc\n"
            "- Mạng nội bộ thường xuyên gián đoạn.\n"
            "- Máy in đã hỏng.\n"
            "Xã đã báo cáo huyện.\n"
            "**Hạn chế**\n"
            "- Thiếu công chức chuyên trách.\n"
            "2. Đánh giá\n"
            "a) Tồn tại\n"
            "- Dữ liệu hộ tịch chưa được số hóa hết.\n"
            "b) Đề xuất\n"
            "- Đề nghị Ban Chỉ đạo tỉnh tổ chức tập huấn cho cán bộ.\n")
    assert _rows(body) == [
        ("difficulty", "network_connectivity", None, None, "Mạng nội bộ thường xuyên gián đoạn."),
        ("difficulty", "infrastructure_equipment", None, None, "Máy in đã hỏng."),
        ("limitation", "human_resources_training", None, None, "Thiếu công chức chuyên trách."),
        ("limitation", "software_data", None, None, "Dữ liệu hộ tịch chưa được số hóa hết."),
        ("recommendation", "human_resources_training", "Ban Chỉ đạo tỉnh", "province",
         "Đề nghị Ban Chỉ đạo tỉnh tổ chức tập huấn cho cán bộ."),
    ]


def test_numbered_items_without_a_body_are_findings_of_their_parent_part() -> None:
    body = ("1. Tình hình\n"
            "Xã có 10 máy tính.\n"
            "2. Kiến nghị, đề xuất\n"
            "2.1. Hỗ trợ kinh phí mua máy scan cho xã\n"
            "2.2. Tổ chức tập huấn kỹ năng số cho công chức\n"
            "3. Nhiệm vụ thời gian tới\n")
    assert [(r[0], r[1], r[4]) for r in _rows(body)] == [
        ("recommendation", "finance", "Hỗ trợ kinh phí mua máy scan cho xã"),
        ("recommendation", "human_resources_training", "Tổ chức tập huấn kỹ năng số cho công chức"),
    ]


def test_nothing_arising_is_not_a_finding() -> None:
    body = ("1. Tình hình\n"
            "- Khó khăn, vướng mắc: Chưa phát sinh.\n"
            "- Đề xuất, kiến nghị: Không có kiến nghị.\n")
    assert _rows(body) == []


def test_table_cells_under_a_part_column_or_after_a_part_row_label() -> None:
    body = ("1. Nhiệm vụ trong tuần\n\n"
            "STT | Nội dung | Kết quả | Khó khăn, vướng mắc | Đề xuất\n"
            "1 | Hạ tầng | Có 20 máy tính | Máy tính cũ, cấu hình thấp | Đề nghị tỉnh hỗ trợ kinh phí thay máy\n"
            "2 | Nhân lực | 05 công chức | Không | \n\n"
            "2. Đánh giá\n\n"
            "Hạn chế | Mạng chập chờn ở thôn xa.\n"
            "Nguyên nhân | Chưa có trạm phát sóng.\n\n")
    assert _rows(body) == [
        ("difficulty", "infrastructure_equipment", None, None, "Máy tính cũ, cấu hình thấp"),
        ("recommendation", "finance", "tỉnh", "province", "Đề nghị tỉnh hỗ trợ kinh phí thay máy"),
        ("limitation", "network_connectivity", None, None, "Mạng chập chờn ở thôn xa."),
        ("cause", "network_connectivity", None, None, "Chưa có trạm phát sóng."),
    ]
