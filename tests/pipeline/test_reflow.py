import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.reflow import (
    _BEFORE_FIGURE,
    _CODE_HYPHEN,
    _DANGLING,
    _SENTENCE_END,
    Line,
    _ends_on_code_hyphen,
    _ends_sentence,
    reflow,
)


def _texts(raw: str) -> list[str]:
    return [p.text for p in reflow([Line(t) for t in raw.split("\n")])]


def test_code_broken_after_hyphen_is_rejoined_without_space():
    text = ("Ngày 29/9/2025, uỷ ban nhân dân xã ban hành Quyết định số 863/QĐ-\n"
            "UBND về thành lập Ban chỉ đạo xây dựng, áp dụng, duy trì, cải tiến hệ thống quản\n"
            "lý chất lượng.")
    assert _texts(text) == ["Ngày 29/9/2025, uỷ ban nhân dân xã ban hành Quyết định số 863/QĐ-UBND về thành lập "
                            "Ban chỉ đạo xây dựng, áp dụng, duy trì, cải tiến hệ thống quản lý chất lượng."]


def test_blank_line_inside_a_sentence_and_inside_a_code():
    text = "chi tiết, gắn sát với Kế hoạch số 02-\n\nKH/BCĐTW, phân công rõ trách nhiệm cho\n\ntừng đơn vị."
    assert _texts(text) == ["chi tiết, gắn sát với Kế hoạch số 02-KH/BCĐTW, phân công rõ trách nhiệm cho từng đơn vị."]


def test_list_items_headings_and_signer_lines_start_new_paragraphs():
    text = ("2. Về hạ tầng công nghệ\n- Đã trang bị hệ thống router, switch, wifi phủ toàn bộ trụ sở UBND xã\n"
            "+ Hệ thống chuyên ngành\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nĐỗ Văn Tiến")
    assert _texts(text) == ["2. Về hạ tầng công nghệ", "- Đã trang bị hệ thống router, switch, wifi phủ toàn bộ trụ sở UBND xã",
                            "+ Hệ thống chuyên ngành", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Đỗ Văn Tiến"]


def test_line_ending_on_a_dangling_word_continues():
    text = "Uỷ ban nhân dân xã ban hành Quyết định số 859/QĐ-UBND ngày\n24/9/2025 về thành lập các tổ."
    assert _texts(text) == ["Uỷ ban nhân dân xã ban hành Quyết định số 859/QĐ-UBND ngày 24/9/2025 về thành lập các tổ."]


def test_a_heading_ending_on_a_number_word_keeps_its_first_sentence_apart():
    text = ("3. Hạ tầng và nền tảng số\nXã được trang bị 26 máy tính và 03 máy scan.\n"
            "II. KẾT QUẢ TRONG NĂM\nTrong năm\n2025, xã tiếp nhận 1.204 hồ sơ.")
    assert _texts(text) == ["3. Hạ tầng và nền tảng số", "Xã được trang bị 26 máy tính và 03 máy scan.",
                            "II. KẾT QUẢ TRONG NĂM", "Trong năm 2025, xã tiếp nhận 1.204 hồ sơ."]


def test_a_short_heading_ending_on_a_dangling_word_keeps_its_first_sentence_apart():
    body = ("Xã đã hoàn thành việc số hóa hồ sơ một cửa, kết quả giải quyết thủ tục hành chính được trả đúng hẹn,\n"
            "người dân được hướng dẫn nộp hồ sơ trực tuyến tại bộ phận một cửa của xã.\n")
    text = "1. Những việc đã làm được\n" + body + "2. Tăng cường công tác chỉ đạo, điều hành của toàn hệ thống chính trị và\nMặt trận Tổ quốc xã."
    assert _texts(text)[0] == "1. Những việc đã làm được"
    assert _texts(text)[2] == "2. Tăng cường công tác chỉ đạo, điều hành của toàn hệ thống chính trị và Mặt trận Tổ quốc xã."


def test_pages_of_a_paragraph_that_crosses_a_page_break_are_kept():
    para = reflow([Line("Đảng uỷ giao UBND xã xây dựng kế hoạch thực hiện đảm bảo yêu cầu rõ", 1),
                   Line("người, rõ việc.", 2)])[0]
    assert [page for _, page in para.pieces] == [1, 2]


def test_a_lone_value_after_a_label_colon_joins_its_label():
    text = "+ Tổng số hồ sơ giải quyết quá hạn đang xử lý (Tính lũy kế đến kỳ báo cáo):\n0\n+ Tổng số hồ sơ: 2"
    assert _texts(text) == ["+ Tổng số hồ sơ giải quyết quá hạn đang xử lý (Tính lũy kế đến kỳ báo cáo): 0", "+ Tổng số hồ sơ: 2"]


def test_each_line_is_read_in_its_matching_form() -> None:
    """The rules read each line in its matching form (lower case): a dangling `và` written `VÀ` joins."""
    assert _texts("Báo cáo gửi Uỷ ban nhân dân xã VÀ\nMặt trận Tổ quốc xã.") == [
        "Báo cáo gửi Uỷ ban nhân dân xã VÀ Mặt trận Tổ quốc xã."]


def _unwrapped_report(recipients: str) -> str:
    """A text whose paragraphs are unwrapped lines, short ones mostly: its wrap width is about
    as long as a long recipient line."""
    return "\n".join([
        "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "Số: 41/BC-UBND", "BÁO CÁO", "Kết quả chuyển đổi số quý III năm 2025",
        recipients,
        "Thực hiện Kế hoạch số 15/KH-UBND ngày 02/01/2025 của Ủy ban nhân dân xã về chuyển đổi số năm 2025, "
        "Ủy ban nhân dân xã báo cáo kết quả như sau:",
        "1. Hạ tầng số", "Xã có 26 máy tính.", "2. Dịch vụ công", "Xã tiếp nhận 120 hồ sơ.", "Trên đây là báo cáo."])


def test_a_recipient_line_without_a_full_stop_stays_its_own_block():
    recipients = "Kính gửi: Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Khánh Hòa"
    texts = _texts(_unwrapped_report(recipients))
    assert recipients in texts
    assert any(t.startswith("Thực hiện Kế hoạch số 15/KH-UBND") for t in texts)


def test_a_recipient_line_still_joins_what_plainly_continues_it():
    assert _texts("Kính gửi: Ban Chỉ đạo chuyển đổi số huyện và\nỦy ban nhân dân huyện Châu Thành\nThực hiện Kế hoạch") == [
        "Kính gửi: Ban Chỉ đạo chuyển đổi số huyện và Ủy ban nhân dân huyện Châu Thành", "Thực hiện Kế hoạch"]
    assert _texts("Kính gửi: Ban Chỉ đạo chuyển đổi số huyện Châu\nthành và các xã") == [
        "Kính gửi: Ban Chỉ đạo chuyển đổi số huyện Châu thành và các xã"]
    cut = reflow([Line("Kính gửi: Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo tỉnh", 1, True),
                   Line("Khánh Hòa", 1, False)])
    assert [p.text for p in cut] == ["Kính gửi: Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo tỉnh Khánh Hòa"]


_ENDINGS = ["của", "và", "ngày", "năm", "tháng", "về", " ", ".", ";", ":", "…", " / .", ". /", "/", "x", "a", "1", "\t"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_ENDINGS), max_size=8))
def test_the_line_end_patterns_searched_backwards_match_the_same_lines(parts: list[str]) -> None:
    """`_SENTENCE_END`, `_DANGLING` and `_BEFORE_FIGURE` run with REVERSE: a line matches them
    exactly when it matches the same pattern searched forwards."""
    line = "Xã đã " + "".join(parts)
    for pattern in (_SENTENCE_END, _DANGLING, _BEFORE_FIGURE):
        forwards = regex.compile(pattern.pattern, pattern.flags & ~regex.REVERSE)
        assert bool(pattern.search(line)) == bool(forwards.search(line)), (pattern.pattern, line)


_TAILS = ["863/QĐ", "02", "-", " - ", "/2025/", "/", ".", " . /", "./", ";", "…", "?", "UBND", "a", " ", "\t", "\u00a0", "\u3000", "\x1c"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TAILS), max_size=8))
def test_a_stripped_line_is_told_by_its_last_character_as_the_patterns_tell_it(parts: list[str]) -> None:
    """`_ends_sentence` and `_ends_on_code_hyphen` give the answers of `_SENTENCE_END` and
    `_CODE_HYPHEN` for every stripped line, whatever white space it held."""
    line = ("Số " + "".join(parts)).strip()
    assert _ends_sentence(line) == bool(_SENTENCE_END.search(line)), line
    assert _ends_on_code_hyphen(line) == bool(_CODE_HYPHEN.search(line)), line
