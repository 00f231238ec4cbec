"""What a number counts, how it is scaled, and what makes it something other than a result.

Counted nouns (`hồ sơ`, `thủ tục`, `cán bộ`, `máy tính` ...), the multipliers written after a
number (`4,2 ngàn`), the staff wording, the words that make a number a name or a code
(`Phụ lục 01`, `Phường 1`), targets (`phấn đấu 100%`), and the qualifiers of a count
(`khoảng`, `lũy kế`, a period). `name` is the kind or metric the wording stands for."""

from __future__ import annotations

from extractors.vocab import Phrase, alternation
from extractors.vocab.devices import DEVICE_NOUNS
from extractors.vocab.periods import PERIOD_CUES
from extractors.vocab.shortages import LACKING as SHORTAGE
from extractors.vocab.statuses import EARLY_AND_ON_TIME

DOSSIER = r"hồ\s+sơ|\bhs\b"
PROCEDURE = r"thủ\s+tục|tthc|dịch\s+vụ\s+công|dvc"
TEAM = (r"tổ\s+(?:(?:công\s+nghệ|chuyển\s+đổi)(?:\s+số)?(?:\s+cộng\s+đồng)?|cn\s*s\s*c\s*đ|cnscđ|cnsđ|cđs\s*cđ)")
"""Community digital teams under every name and abbreviation they go by."""
STAFF = r"cán\s+bộ|công\s+chức|viên\s+chức"


def _device(category: str) -> str:
    """The noun of a device category, as `vocab.devices` defines it (one group)."""
    return "(?:" + next(p.pattern for p in DEVICE_NOUNS if p.name == category) + ")"


COMPUTERS, SCANNERS, PRINTERS = _device("computer"), _device("scanner"), _device("printer")
"""`computer` is the noun every kind of computer starts with (`máy tính`, `máy vi tính` ...)."""

UNIT_KINDS: tuple[Phrase, ...] = (
    Phrase(r"hs\b", "`HS`: dossiers in a sentence about handling them, pupils (học sinh) elsewhere", "dossier_abbrev"),
    Phrase(r"(?:bộ\s+)?hồ\s+sơ|bộ(?=\s*(?:[,;.)]|$|hồ\s+sơ|\())", "dossiers (`bộ` alone: sets of papers)", "dossier"),
    Phrase(PROCEDURE, "administrative procedures, public services", "procedure"),
    Phrase(TEAM, "community digital technology teams", "team"),
    Phrase(rf"{STAFF}|biên\s+chế|nhân\s+viên|đồng\s+chí|người(?!\s+dân)", "staff, people, posts", "staff"),
    Phrase(r"(?:bộ\s+)?(?:thiết\s+bị\s+họp|điểm\s+cầu)", "video-conference sets", "device:video_conference"),
    Phrase(rf"(?:bộ\s+|dàn\s+)?{COMPUTERS}", "computers", "device:computers"),
    Phrase(rf"(?:bộ\s+)?{SCANNERS}", "scanners", "device:scanners"),
    Phrase(rf"(?:bộ\s+)?{PRINTERS}", "printers", "device:printers"),
    Phrase(rf"(?:bộ\s+)?{_device('photocopier')}", "photocopiers", "device:photocopiers"),
    Phrase(rf"(?:bộ\s+)?{_device('server')}", "servers", "device:servers"),
    Phrase(r"(?:bộ\s+)?máy\b", "machines of the kind named before", "device:generic"),
    Phrase(r"đường\s+(?:truyền|kết\s+nối)", "network lines", "line"),
    Phrase(r"văn\s+bản|kế\s+hoạch|quyết\s+định|nghị\s+quyết|chỉ\s+thị|công\s+văn|thông\s+báo|hướng\s+dẫn|chương\s+trình",
           "documents", "document"),
    Phrase(r"xóm|thôn|tổ\s+dân\s+phố|ấp|khu|cấp|tiêu\s+chí|mặt|nhóm|lớp|buổi|lượt|phòng|bản|xã|phường|thị\s+trấn"
           r"|đơn\s+vị|thành\s+viên|hộ|m2|m²|km|ha\b",
           "places, units, visits, copies, members: recognised only to be skipped", "place"),
)
"""What a number counts, read from the noun right after it (first match wins, so `máy in`
comes before the bare `máy`)."""

LABEL_KINDS: tuple[Phrase, ...] = (
    Phrase(DOSSIER, "dossiers", "dossier"),
    Phrase(PROCEDURE, "procedures", "procedure"),
    Phrase(COMPUTERS, "computers", "device:computers"),
    Phrase(SCANNERS, "scanners", "device:scanners"),
    Phrase(PRINTERS, "printers", "device:printers"),
    Phrase(rf"{STAFF}|biên\s+chế", "staff", "staff"),
    Phrase(TEAM, "community digital technology teams", "team"),
)
"""What a number counts when no noun follows it (`Label: N`): the last of these nouns in the
label before it, or the section title for a bare `N máy`."""

MULTIPLIERS: tuple[Phrase, ...] = (
    Phrase(r"ngàn|nghìn", "thousand", "1000"),
    Phrase(r"triệu", "million", "1000000"),
)
"""Written right after a number, before the counted noun: `4,2 ngàn hồ sơ` is 4200 dossiers."""

STAFF_RULES: tuple[tuple[Phrase, str], ...] = (
    (Phrase(r"^\s*(?:của\s+)?(?:b[ưu]?r?u\s+điện|bưu\s+chính)", "post-office staff", "postal_support_staff"), "right"),
    (Phrase(r"biên\s+chế(?:\s+được)?\s+giao|chỉ\s+tiêu\s+biên\s+chế|được\s+giao\s+biên\s+chế|khung\s+biên\s+chế",
            "staff quota", "staff_quota"), "left"),
    (Phrase(r"có\s+mặt|hiện\s+có|toàn\s+(?:xã|phường|thị\s+trấn)\s+có", "staff present", "staff_present"), "left"),
    (Phrase(r"^\W*tổng\s+số\s+(?:cán\s+bộ|công\s+chức)(?:\s*,?\s*công\s+chức)?(?:\s+của\s+\w+(?:\s+\w+)?)?"
            r"\s*:?\s*(?:là\s*)?$", "all staff of the commune, as the label of the count", "staff_present"), "label"),
    (Phrase(r"công\s+nghệ\s+thông\s+tin|cntt|chuyển\s+đổi\s+số", "IT staff", "it_staff"), "both"),
    (Phrase(r"tiếp\s+nhận|trả\s+kết\s+quả|một\s+cửa|trung\s+tâm|bộ\s+phận\s+phục\s+vụ|kiện\s+toàn",
            "staff of the one-stop centre", "service_center_staff"), "both"),
)
"""Staff counts: (wording, where it is: left of the number, right of the noun, both, or the
sentence's label up to the number).
First match wins."""

STAFF_BREAKDOWN = Phrase(r"lĩnh\s+vực", "one line of a per-field breakdown of staff already counted")

STAFF_PERCENT: tuple[Phrase, ...] = (
    Phrase(r"tập\s+huấn|bồi\s+dưỡng|đào\s+tạo", "share of staff trained", "staff_trained_pct"),
    Phrase(r"(?:mail|thư(?:\s+điện\s+tử)?)\s+công\s+vụ", "share of staff with official e-mail", "staff_official_email_pct"),
    Phrase(r"chữ\s+ký\s+số|chứng\s+thư\s+số", "share of staff with a digital signature", "staff_digital_signature_pct"),
)
"""Percent statements about people (`100% cán bộ, công chức được tập huấn`)."""

STAFF_NOUN = Phrase(STAFF, "staff")

TARGET = Phrase(
    r"phấn\s+đấu|yêu\s+cầu|mục\s+tiêu|chỉ\s+tiêu|đề\s+nghị|kiến\s+nghị|\bcần\b|kế\s+hoạch\s+đến|dự\s+kiến|"
    r"\bphải\b|\bsẽ\b|bảo\s+đảm|đảm\s+bảo",
    "a target, a demand or a plan, not a stated result")

NOT_A_SHARE_OF_DOSSIERS = Phrase(
    r"thanh\s+toán|hài\s+lòng|đánh\s+giá|chứng\s+thực|bản\s+sao|lệ\s+phí|phí|đúng\s+hạn\s+trong\s+xử\s+lý",
    "shares of something else than dossiers filed: online payment, satisfaction, certified copies")

LINE_DEDICATED = Phrase(r"chuyên\s+dùng|số\s+liệu|riêng", "dedicated data network line (after `N đường truyền`)")

SHARE_LINK = Phrase(r"(?:chiếm|=|tương\s+ứng(?:\s+với)?|bằng)\s*(?:tỷ\s+lệ|tỉ\s+lệ)?\s*:?\s*$",
                    "between a count and a percent: the percent is that count's share")

NOT_A_COUNT_BEFORE = Phrase(
    r"(?<!\w)(?:(?<!tổng\s)số|\bmã|phụ\s+lục|đề\s+án|nghị\s+quyết|kết\s+luận|chỉ\s+thị|quyết\s+định|kế\s+hoạch|"
    r"công\s+văn|thông\s+tư|nghị\s+định|\bluật|điều|khoản|mục|iso|usb|windows|phiên\s+bản|version|"
    r"công\s+chức|cán\s+bộ|xóm|thôn|\btổ|\bkhu|\bấp|quý|tháng|năm|ngày|tuần|giai\s+đoạn|lần|khóa|"
    r"nhiệm\s+kỳ|(?<!cung\s)cấp|loại|nhóm|core|gen|thế\s+hệ|lớp|trang|khoảng\s+cách|mức(?:\s+độ)?|"
    r"phường|\bxã|thị\s+trấn|tổ\s+dân\s+phố|khu\s+phố|tiêu\s+chí|bước|giờ|phút)\s*$",
    "the word right before a number that makes it a name or a code (`Phụ lục 01`, `Phường 1`, `năm 2025`)")

COMPARISON = Phrase(
    r"(?:tăng|giảm)(?:\s+thêm)?\s*$|(?:nhiều|ít)\s+hơn\s*$|chênh\s+lệch\s*$",
    "right before a number: a change against another period (`tăng 215 hồ sơ so với cùng kỳ`), not a figure")
COMPARED = Phrase(r"^\s*(?:so\s+với|so\s+cùng\s+kỳ)",
                  "right after a number: a ratio or change against another period (`12,5% so với năm 2023`)")

UNITS_AS_SUBJECT = Phrase(
    r"\d+\s*/\s*\d+\s+(?:xã|phường|thị\s+trấn|đơn\s+vị|thôn|tổ\s+dân\s+phố|cơ\s+quan|huyện)\b",
    "a number of units before a figure (`6/8 xã đạt 100%`): the figure is about those units, not the reporter's own")

UNIT_NAME = Phrase(
    r"(?:xã|phường|thị\s+trấn|huyện|thôn|xóm|ấp|tổ\s+dân\s+phố|khu\s+phố|khu\s+dân\s+cư)\s+\w",
    "a table row labelled by a unit: its figures are that unit's (a breakdown), not the report's own")

ZERO = Phrase(r"\bkhông\s+(?:có|phát\s+sinh)\s+", "a stated zero (`không có hồ sơ quá hạn`)")

QUALIFIERS: tuple[tuple[Phrase, str], ...] = (
    (Phrase(EARLY_AND_ON_TIME, "resolved early and on time, one figure for both", "early_and_on_time"), "clause"),
    (Phrase(r"lũy\s+kế|cộng\s+dồn", "cumulative", "cumulative"), "clause"),
    (Phrase(r"(?:hơn|trên|vượt|ngoài)\s*$", "more than", "more_than"), "before"),
    (Phrase(r"(?:ít\s+nhất|tối\s+thiểu|không\s+dưới)\s*$", "at least", "at_least"), "before"),
    (Phrase(r"(?:khoảng|gần|xấp\s+xỉ|ước(?:\s+tính)?|chừng)\s*$", "approximately", "approximately"), "before"),
    (Phrase(r"trong\s+tuần|tuần\s+(?:này|qua)", "in the week", "in_week"), "clause"),
    (Phrase(alternation(p for p in PERIOD_CUES if p.name == "in_period"), "in the period", "in_period"), "clause"),
)
"""What a number is conditioned on: (wording, where to look). `clause`: anywhere in the clause
of the number, parentheses included; `before`: the words right before it. `early_and_on_time`
qualifies only an on-time figure (the status it is named by). The in-period words are those of
`vocab.periods.PERIOD_CUES` named `in_period`; the week wording is narrower than that table's
`tuần` (a figure is `in_week` only for `trong tuần`, `tuần này/qua`, not for any week word)."""

PERIOD_INLINE = Phrase(
    r"(?:trong\s+(?:tuần|kỳ|tháng)\s*\(?\s*)?(?:từ\s+(?:ngày\s+)?)\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\s*"
    r"đến\s+(?:hết\s+)?(?:ngày\s+)?\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\)?"
    r"|(?:số\s+liệu\s+)?(?:tính\s+)?đến\s+(?:hết\s+)?ngày\s+\d{1,2}/\d{1,2}/\d{2,4}",
    "a period written next to the figures (`từ ngày 09/12 đến 14/12/2025`)")
"""The period *text* of a figure, as written beside it (the `metrics.period_text` column). Not
`vocab.periods.PERIOD_LINE`: that one opens the report's own period line under the title and
the dates extractor reads the range after it; this one is the whole range, cut from a sentence
of figures, with the as-of form `số liệu tính đến ngày D`."""

PERIOD_HEADER = Phrase(
    r"(?m)^[\s*+\-•]*(?P<period>(?:trong\s+(?:tuần|kỳ|tháng|quý)|tuần\s+qua|kỳ\s+báo\s+cáo|từ\s+ngày)"
    r"[^\n:]{0,80}?)\s*:\s*$",
    "a line that opens a block of figures for a period (`* Trong tuần (từ ngày 09/12 đến 14/12/2025):`)")
"""A list head (ending with `:`) whose period qualifies every figure of the list under it; the
report's own period line (`vocab.periods.PERIOD_LINE`) is a header part, not a list head."""

LACKING = Phrase(rf"{SHORTAGE}\s*$", "right before a device count: the count is a shortage (`còn thiếu 01 máy tính`)")
LACKING_LIST = Phrase(rf"{SHORTAGE}[^.;:]*(?::|\bgồm\b)[^.;:]*$",
                      "earlier in the sentence of a device count: a list of shortages (`thiếu cụ thể: 01 máy in`)")

TABLE_HEADS: tuple[Phrase, ...] = (
    Phrase(r"tổng(?:\s+số)?(?:\s+(?:hồ\s+sơ|tthc|thủ\s+tục))?|tổng\s+cộng", "total"),
    Phrase(r"%|tỷ\s+lệ(?:\s+%)?|tỉ\s+lệ(?:\s+%)?", "share"),
    Phrase(r"số\s+lượng|số\s+hồ\s+sơ|hồ\s+sơ|tthc|thủ\s+tục|số\s+tthc", "count, dossiers, procedures"),
    Phrase(r"tiếp\s+nhận(?:\s+mới)?|mới\s+tiếp\s+nhận|đã\s+giải\s+quyết|giải\s+quyết|đang\s+giải\s+quyết|"
           r"kỳ\s+trước\s+chuyển\s+(?:sang|qua)", "received, resolved, in progress, carried over"),
)
"""Column headers of a dossier or procedure table pasted as text (with the statuses and
channels), used to cut a header row written with single spaces into its columns."""

ROW_LABEL_HEADS: tuple[Phrase, ...] = (
    Phrase(r"stt|tt|mức\s+độ|mức|nội\s+dung|chỉ\s+tiêu|đơn\s+vị|lĩnh\s+vực|hình\s+thức|tên(?:\s+\w+)?|cơ\s+quan",
           "the header of the row-label column (number, level, item, unit, field)"),
)
"""Headers of the first column of a table, which holds the row labels rather than figures."""

