"""Tone marks Tesseract changed on the vocabulary's metric and equipment labels, restored only
where the label is sure (`pipeline.ingest.pdf.ocr_tones`); real words next to a label stay."""

from __future__ import annotations

import pytest

from pipeline.ingest.pdf.ocr_repair import repair_line
from pipeline.ingest.pdf.ocr_tones import index, known, plain, restore_tones, toneless
from pipeline.run import process_bytes


@pytest.mark.parametrize(("read", "restored"), [
    ("Kỳ trước chuyển sang 12 hồ sơ, tống cộng 87 hồ sơ.", "Kỳ trước chuyển sang 12 hồ sơ, tổng cộng 87 hồ sơ."),  # hook read as acute
    ("Dịch vụ công một phân: 9 TTHC", "Dịch vụ công một phần: 9 TTHC"),  # a grave lost on a hatted vowel
    ("Đã lập 14 Tố công nghệ số cộng đồng tại thôn", "Đã lập 14 Tổ công nghệ số cộng đồng tại thôn"),
    ("TỐNG SỐ HÔ SƠ: 40", "TỔNG SỐ HỒ SƠ: 40"),  # two words changed of four, case kept letter by letter
    ("Các TTHC được phần cấp", "Các TTHC được phân cấp"),  # a grave added on a hatted vowel
    ("Máy tính bị hư hóng nặng", "Máy tính bị hư hỏng nặng"),  # an equipment status
])
def test_label_wordings_get_their_tone_marks_back(read, restored):
    assert restore_tones(read) == restored


@pytest.mark.parametrize("read", [
    "tổng cộng 87 hồ sơ",  # read right
    "Nhận 2 đơn tố cáo",  # not a label wording
    "Tổ công tác của xã",
    "Tố chức tập huấn kỹ năng số",  # damaged, but `tổ chức` is no label: left to the reader
    "Ghi sổ hóa đơn hằng tháng",  # an acute is never read as a hook: `sổ` is written
    "Bán hành tại chợ",  # a mark is never added to a bare vowel: `bán` is written
    "Kế hoạch chi tiêu năm 2025",  # a hook is never simply lost: `chi tiêu` is not `chỉ tiêu`
    "Tống đạt 3 văn bản",  # `tống` alone is no label
    "Đã báo đám xong",  # every word changed: no word anchors the run
    "Thành lập các Tố/nhóm công nghệ",  # words joined by a slash are not a run
])
def test_real_words_and_doubtful_runs_stay_as_read(read):
    assert restore_tones(read) == read


def test_a_wording_shared_with_another_vocabulary_wording_is_not_restored():
    labels = {"tổng cộng", "một phần"}
    assert index(labels, labels | {"tống cộng"}) == {"môt phân": "một phần"}
    assert index(labels, labels) == {"tông công": "tổng cộng", "môt phân": "một phần"}


def test_the_index_is_built_from_the_label_vocabulary_alone():
    labels = known()
    assert labels[toneless("tổng cộng")] == "tổng cộng" and labels[toneless("một phần")] == "một phần"
    assert labels[toneless("tổ công nghệ số cộng đồng")] == "tổ công nghệ số cộng đồng"
    assert toneless("tổ chức") not in labels  # an ordinary word, no metric or equipment label
    assert all(len(w.split()) >= 2 for w in labels.values())


def test_patterns_lose_only_what_matches_no_text():
    assert plain(r"(?<!tiếp\s+nhận\s+)tổng\s+cộng") == r"tổng\s+cộng"
    assert plain(r"\bkhông\s+(?:có|phát\s+sinh)(?=\s*[,;.)])") == r"không\s+(?:có|phát\s+sinh)"
    assert plain(r"(?m)^[\s*+\-•]*(?:còn\s+)?trong\s+hạn$") == r"[\s*+\-•]*(?:còn\s+)?trong\s+hạn"


def test_the_restored_label_names_the_right_metric():
    """`tống cộng` read on a scan gave no total: the figure was named by the carried-over
    wording before it. The OCR line repair restores it before the extractors read it."""
    def metrics(line: str) -> dict[str, float]:
        text = ("UBND XÃ AN HÒA\nBÁO CÁO\nKết quả chuyển đổi số tuần\n\nI. KẾT QUẢ\n"
                f"- Hồ sơ: tiếp nhận mới 34 hồ sơ, kỳ trước chuyển sang 12 hồ sơ, {line} 46 hồ sơ.\n")
        rows = process_bytes(text.encode(), "an_hoa.txt").tables["metrics"].to_pylist()
        return {r["metric"]: r["value"] for r in rows}

    assert metrics(repair_line("tống cộng")).get("dossiers_total") == 46
    assert "dossiers_total" not in metrics("tống cộng")
