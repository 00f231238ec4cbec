"""The Vietnamese phrasings the `metrics` extractor reads, one table per concept.

All patterns are written for the matching form (`pipeline.textforms.fold`: lower case,
`ủy`/`hòa` tone placement, dashes folded). The extractor finds every number, then asks these
tables three questions: what is counted (the noun right after the number, or the label before
it), which metric of that kind the label names (ordered rules, first match wins), and what the
number is conditioned on (period, cumulative, approximation). Metric names follow
`shared/CONTRACT.md`; names added here in the same style are listed in `NEW_METRICS`.
"""

from __future__ import annotations

UNIT_KINDS: tuple[tuple[str, str], ...] = (
    ("dossier", r"hồ\s+sơ"),
    ("procedure", r"thủ\s+tục|tthc|dịch\s+vụ\s+công|dvc"),
    ("team", r"tổ\s+(?:công\s+nghệ\s+số|cnsc?đ)"),
    ("staff", r"cán\s+bộ|công\s+chức|viên\s+chức|nhân\s+viên|người(?!\s+dân)"),
    ("device:video_conference", r"(?:bộ\s+)?(?:thiết\s+bị\s+họp|điểm\s+cầu)"),
    ("device:computers", r"(?:bộ\s+)?máy\s+(?:vi\s+)?tính"),
    ("device:scanners", r"(?:bộ\s+)?máy\s+(?:scan|quét)"),
    ("device:printers", r"(?:bộ\s+)?máy\s+in"),
    ("device:photocopiers", r"(?:bộ\s+)?máy\s+photo(?:copy)?"),
    ("device:servers", r"(?:bộ\s+)?máy\s+chủ"),
    ("device:generic", r"(?:bộ\s+)?máy\b"),
    ("line", r"đường\s+(?:truyền|kết\s+nối)"),
    ("document", r"văn\s+bản|kế\s+hoạch|quyết\s+định|nghị\s+quyết|chỉ\s+thị|công\s+văn|thông\s+báo|hướng\s+dẫn|chương\s+trình"),
    ("place", r"xóm|thôn|tổ\s+dân\s+phố|ấp|khu|cấp|tiêu\s+chí|mặt|nhóm|lớp|buổi|lượt|phòng"),
)
"""What a number counts, read from the noun right after it (first match wins, so `máy in`
comes before the bare `máy`). `place` and the like are recognised only to be skipped."""

LABEL_KINDS: tuple[tuple[str, str], ...] = (
    ("dossier", r"hồ\s+sơ"),
    ("procedure", r"thủ\s+tục|tthc|dịch\s+vụ\s+công|dvc"),
    ("device:computers", r"máy\s+(?:vi\s+)?tính"),
    ("device:scanners", r"máy\s+(?:scan|quét)"),
    ("device:printers", r"máy\s+in\b"),
    ("staff", r"cán\s+bộ|công\s+chức|viên\s+chức|biên\s+chế"),
)
"""What a number counts when no noun follows it (`Label: N`): the last of these nouns in the
label before it, or the section title for a bare `N máy`."""

DEVICES: dict[str, tuple[str, str]] = {
    "video_conference": ("video_conference_sets", "video_conference_sets_lacking"),
    "computers": ("computers_total", "computers_lacking"),
    "scanners": ("scanners_total", "scanners_lacking"),
    "printers": ("printers_total", "printers_lacking"),
    "photocopiers": ("photocopiers_total", "photocopiers_lacking"),
    "servers": ("servers_total", "servers_lacking"),
}
"""Device kind → (metric when present, metric when stated as lacking)."""

LACKING = r"(?:còn\s+)?thiếu\s*$"
"""Immediately before a device count: the count is a shortage (`còn thiếu 01 máy tính`)."""

LACKING_LIST = r"thiếu[^.;:]*(?::|\bgồm\b)[^.;:]*$"
"""Earlier in the sentence of a device count: a list of shortages (`thiếu cụ thể: 01 máy in A3,
01 máy photocopy`, `còn thiếu 05 máy tính, gồm 03 máy tính để bàn ...`)."""

DEVICE_BREAKDOWN = r"(?:bao\s+)?gồm|trong\s+đó|cụ\s+thể|chi\s+tiết|như\s+sau"
"""Between a device total and a later count of the same device: the count is one of its parts
(`Máy scan: 03 máy, gồm 02 máy Canon DR-C230 và 01 máy Fujitsu fi-7160`)."""

DOSSIER_STATUS: tuple[tuple[str, str], ...] = (
    ("dossiers_received_late", r"chậm\s+(?:được\s+)?tiếp\s+nhận|tiếp\s+nhận\s+chậm"),
    ("dossiers_in_progress_overdue", r"quá\s+hạn\s+(?:đang|chưa)\s+(?:xử\s+lý|giải\s+quyết)|(?:đang|chưa)\s+(?:xử\s+lý|giải\s+quyết)\s+(?:đã\s+)?quá\s+hạn"),
    ("dossiers_resolved_overdue", r"quá\s+hạn|trễ\s+hạn|chậm\s+(?:trả|giải\s+quyết)"),
    ("dossiers_in_progress_on_time", r"(?:đang|chưa)\s+(?:xử\s+lý|giải\s+quyết)?\s*(?:còn\s+)?trong\s+(?:thời\s+)?hạn"
     r"|(?:đang\s+)?trong\s+(?:thời\s+)?hạn\s+(?:xử\s+lý|giải\s+quyết)|chưa\s+đến\s+hạn|^[\s*+\-•]*(?:còn\s+)?trong\s+(?:thời\s+)?hạn"),
    ("dossiers_in_progress", r"đang\s+(?:xử\s+lý|giải\s+quyết|thụ\s+lý)|chưa\s+giải\s+quyết"),
    ("dossiers_resolved_early", r"trước\s+hạn"),
    ("dossiers_resolved_on_time", r"đúng\s+hạn"),
    ("dossiers_withdrawn", r"\brút\b"),
    ("dossiers_carried_over", r"chuyển\s+sang|kỳ\s+trước|tồn\s+(?:đọng|kỳ\s+trước)"),
    ("dossiers_total", r"tổng\s+cộng"),
    ("dossiers_digitized", r"số\s+hóa"),
    ("dossiers_resolved", r"(?:đã|được)\s+(?:giải\s+quyết|xử\s+lý)|giải\s+quyết\s+xong|hoàn\s+thành"),
)
"""Dossier statuses by wording, most specific first (`quá hạn đang xử lý` before `quá hạn`)."""

DOSSIER_STATUS_LABEL = (
    r"(?:đã|đang|chưa)\s+(?:xử\s+lý|giải\s+quyết)|giải\s+quyết\s+xong|trước\s+hạn|đúng\s+hạn|trong\s+hạn|"
    r"quá\s+hạn|trễ\s+hạn|chuyển\s+sang|kỳ\s+trước|tiếp\s+nhận|\brút\b"
)
"""Wording that only dossier counts carry (`- Đã giải quyết: 40`, `trong đó quá hạn 0`, `Tiếp
nhận: 120 (toàn trình 80; ...)`): the bare numbers of the line count dossiers even when no
line around them says `hồ sơ`."""

PARENT_STATUS: tuple[str, ...] = ("dossiers_in_progress", "dossiers_resolved")
"""The statuses that open a breakdown (`Đang giải quyết: 9, trong đó ...`)."""

STATUS_UNDER_PARENT: dict[tuple[str, str], str] = {
    ("dossiers_in_progress", "dossiers_resolved_overdue"): "dossiers_in_progress_overdue",
    ("dossiers_resolved", "dossiers_in_progress_on_time"): "dossiers_resolved_on_time",
}
"""(parent status, status the clause alone names) → the status meant: `quá hạn 0` under
`Đang giải quyết: 9` is overdue in progress, `trong hạn 40` under `Đã giải quyết` resolved on time."""

CHANNELS: tuple[tuple[str, str], ...] = (
    ("partial_or_direct", r"một\s+phần\s*(?:,|và|hoặc|/)\s*trực\s+tiếp"),
    ("online_full", r"toàn\s+trình"),
    ("online_partial", r"một\s+phần|từng\s+phần"),
    ("direct", r"trực\s+tiếp|bưu\s+chính|qua\s+bưu\s+điện"),
    ("online", r"trực\s+tuyến|qua\s+mạng"),
)
"""Service channels; when several occur, the one written last (nearest the number) wins."""

DOSSIER_RECEIVED = r"tiếp\s+nhận|nhận\s+được|tổng\s+(?:số\s+)?hồ\s+sơ|số\s+hồ\s+sơ"
"""A dossier count with no status and no channel is the number received."""

PROCEDURE_WITH_DOSSIERS = r"^\s*(?:có\s+)?phát\s+sinh"
"""After `N TTHC`: procedures that actually received dossiers (`Tiếp nhận 11 TTHC phát sinh`)."""

PROCEDURE_TOTAL = r"tổng\s+số|thẩm\s+quyền|niêm\s+yết|công\s+bố|công\s+khai|phân\s+cấp|danh\s+mục|cung\s+cấp"
"""A procedure count with no channel: the total under the commune's authority or offered
(`Số TTHC đang cung cấp: 312`)."""

STAFF_RULES: tuple[tuple[str, str, str], ...] = (
    ("postal_support_staff", "right", r"^\s*(?:của\s+)?(?:b[ưu]?r?u\s+điện|bưu\s+chính)"),
    ("staff_quota", "left", r"biên\s+chế(?:\s+được)?\s+giao|chỉ\s+tiêu\s+biên\s+chế|được\s+giao\s+biên\s+chế"),
    ("staff_present", "left", r"có\s+mặt|hiện\s+có"),
    ("it_staff", "both", r"công\s+nghệ\s+thông\s+tin|cntt|chuyển\s+đổi\s+số"),
    ("service_center_staff", "both", r"tiếp\s+nhận|trả\s+kết\s+quả|một\s+cửa|trung\s+tâm\s+phục\s+vụ|bộ\s+phận\s+phục\s+vụ"),
)
"""Staff counts: (metric, where the wording is: left of the number, right of the noun, or
both, pattern). First match wins."""

STAFF_BREAKDOWN = r"lĩnh\s+vực"
"""`01 công chức tiếp nhận hồ sơ lĩnh vực Tư pháp`: one line of a per-field breakdown of a
staff total already stated; not a metric of its own."""

STAFF_PERCENT: tuple[tuple[str, str], ...] = (
    ("staff_trained_pct", r"tập\s+huấn|bồi\s+dưỡng|đào\s+tạo"),
    ("staff_official_email_pct", r"(?:mail|thư(?:\s+điện\s+tử)?)\s+công\s+vụ"),
    ("staff_digital_signature_pct", r"chữ\s+ký\s+số|chứng\s+thư\s+số"),
)
"""Percent statements about people (`100% cán bộ, công chức được tập huấn`)."""

STAFF_NOUN = r"cán\s+bộ|công\s+chức|viên\s+chức"

TARGET = r"phấn\s+đấu|yêu\s+cầu|mục\s+tiêu|chỉ\s+tiêu|đề\s+nghị|kiến\s+nghị|\bcần\b|kế\s+hoạch\s+đến|dự\s+kiến"
"""In the same sentence before a percent: a target or a demand, not a stated result."""

LINE_DEDICATED = r"chuyên\s+dùng|số\s+liệu|riêng"
"""After `N đường truyền`: a dedicated data line rather than a public internet line."""

DOCUMENT_RULES: tuple[tuple[str, str], ...] = (
    ("documents_pending", r"chưa\s+(?:được\s+)?ban\s+hành|đang\s+(?:xây\s+dựng|dự\s+thảo|soạn\s+thảo|trình)|dự\s+thảo"),
    ("documents_issued", r"ban\s+hành|đã\s+xây\s+dựng|tham\s+mưu"),
)
"""Counts of documents: only when the report states a number of documents issued or pending."""

SHARE_LINK = r"(?:chiếm|=|tương\s+ứng(?:\s+với)?|bằng)\s*(?:tỷ\s+lệ|tỉ\s+lệ)?\s*:?\s*$"
"""Between a count and a percent: the percent is that count's share (`1794 chiếm 66,64%`)."""

NOT_A_COUNT_BEFORE = (
    r"(?<!\w)(?:(?<!tổng\s)số|\bmã|phụ\s+lục|đề\s+án|nghị\s+quyết|kết\s+luận|chỉ\s+thị|quyết\s+định|kế\s+hoạch|"
    r"công\s+văn|thông\s+tư|nghị\s+định|\bluật|điều|khoản|mục|iso|usb|windows|phiên\s+bản|version|"
    r"công\s+chức|cán\s+bộ|xóm|thôn|\btổ|\bkhu|\bấp|quý|tháng|năm|ngày|tuần|giai\s+đoạn|lần|khóa|"
    r"nhiệm\s+kỳ|(?<!cung\s)cấp|loại|nhóm|core|gen|thế\s+hệ|lớp|trang|khoảng\s+cách|mức(?:\s+độ)?)\s*$"
)
"""The word right before a number that makes it a name or a code (`Phụ lục 01`, `Đề án 06`,
`Công chức 1`, `năm 2025`, `định danh điện tử mức 2`), not a quantity."""

ZERO = r"\bkhông\s+(?:có|phát\s+sinh)\s+"
"""A stated zero: `không có hồ sơ quá hạn`, `không có trực tiếp` (read with the words after it)."""

QUALIFIERS: tuple[tuple[str, str, str], ...] = (
    ("cumulative", "clause", r"lũy\s+kế|cộng\s+dồn"),
    ("more_than", "before", r"(?:hơn|trên|vượt|ngoài)\s*$"),
    ("at_least", "before", r"(?:ít\s+nhất|tối\s+thiểu|không\s+dưới)\s*$"),
    ("approximately", "before", r"(?:khoảng|gần|xấp\s+xỉ|ước(?:\s+tính)?|chừng)\s*$"),
    ("in_week", "clause", r"trong\s+tuần|tuần\s+(?:này|qua)"),
    ("in_period", "clause", r"trong\s+kỳ|kỳ\s+báo\s+cáo|trong\s+tháng|trong\s+quý"),
)
"""What a number is conditioned on: (qualifier, where to look, pattern). `clause`: anywhere in
the clause of the number, parentheses included; `before`: the words right before it."""

PERIOD_INLINE = (
    r"(?:trong\s+(?:tuần|kỳ|tháng)\s*\(?\s*)?(?:từ\s+(?:ngày\s+)?)\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\s*"
    r"đến\s+(?:hết\s+)?(?:ngày\s+)?\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\)?"
    r"|(?:số\s+liệu\s+)?(?:tính\s+)?đến\s+(?:hết\s+)?ngày\s+\d{1,2}/\d{1,2}/\d{2,4}"
)
"""A period written next to the numbers: `từ ngày 09/12 đến 14/12/2025`, `tính đến hết ngày 02/10/2025`."""

PERIOD_HEADER = (
    r"(?m)^[\s*+\-•]*(?P<period>(?:trong\s+(?:tuần|kỳ|tháng|quý)|tuần\s+qua|kỳ\s+báo\s+cáo|từ\s+ngày)"
    r"[^\n:]{0,80}?)\s*:\s*$"
)
"""A line that opens a block of figures for a period: `* Trong tuần (từ ngày 09/12 đến 14/12/2025):`."""

NEW_METRICS: dict[str, str] = {
    "procedures_online": "procedures offered online, channel not split (`dịch vụ công trực tuyến N thủ tục`)",
    "procedures_online_full_with_dossiers": "full-online procedures that received dossiers (`Tiếp nhận 11 TTHC phát sinh`)",
    "procedures_online_partial_with_dossiers": "partial-online procedures that received dossiers",
    "procedures_direct_with_dossiers": "in-person procedures that received dossiers",
    "<metric>_pct": "a share stated next to a count (`... = 5,2%`, `chiếm 66,64%`)",
    "dossiers_digitized": "count of dossiers digitised",
    "postal_support_staff": "post-office staff helping at the centre (`01 cán bộ Bưu điện hỗ trợ`)",
    "staff_trained_pct": "share of staff trained (`100% cán bộ, công chức được tập huấn`)",
    "staff_official_email_pct": "share of staff with an official e-mail account (`Mail công vụ`)",
    "staff_digital_signature_pct": "share of staff with a digital signature",
    "internet_lines": "public internet lines (`01 đường truyền internet công cộng`); "
    "`dedicated_lines` is kept for the dedicated data network (`chuyên dùng`)",
    "scanners_total, printers_total, photocopiers_total, servers_total": "device totals",
    "<device>_lacking": "devices stated as lacking (`còn thiếu 01 máy tính`)",
}
"""Metric names added in the contract's style, with what they mean (for the data dictionary)."""
