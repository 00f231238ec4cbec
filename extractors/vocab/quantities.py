"""How reports count things: classifiers, the words that open a breakdown of a total, total rows.

Shared by the equipment and metrics extractors: a total followed by its parts
(`09 máy tính, trong đó 05 máy tính để bàn ...`, `Tổng số hồ sơ: 120, gồm ...`) is read as
the parts, so both must agree on what opens a breakdown."""

from __future__ import annotations

from extractors.vocab import Phrase, alternation

CLASSIFIER_WORDS: tuple[Phrase, ...] = (
    Phrase(r"bộ", "set, unit (classifier)"),
    Phrase(r"chiếc", "piece (classifier)"),
    Phrase(r"cái", "item (classifier)"),
    Phrase(r"hệ\s+thống", "system (classifier)"),
    Phrase(r"dàn", "rig, set (classifier: `2 dàn máy vi tính`)"),
)
"""Classifier words between a count and its noun (`02 bộ máy tính`, `03 chiếc máy in`)."""

CLASSIFIERS = alternation(CLASSIFIER_WORDS)

BREAKDOWN_WORDS: tuple[Phrase, ...] = (
    Phrase(r"(?:bao\s+)?gồm", "consisting of"),
    Phrase(r"trong\s+đó", "of which"),
    Phrase(r"cụ\s+thể", "specifically"),
    Phrase(r"chi\s+tiết", "in detail"),
    Phrase(r"như\s+sau", "as follows"),
)
"""Words that open the parts of a counted total (`03 máy, gồm 02 máy Canon ... và 01 máy Fujitsu`)."""

BREAKDOWN = alternation(BREAKDOWN_WORDS)

TOTAL_WORDS: tuple[Phrase, ...] = (
    Phrase(r"tổng(?:\s+cộng|\s+số)?", "total"),
    Phrase(r"cộng", "sum (table total row)"),
)
"""What opens a total row of a table (`Tổng cộng`, `Cộng`)."""

TOTAL_ROW = alternation(TOTAL_WORDS)

LIST_GAP = r"\s*(?:[,;/]|và|\n)?\s*(?:[-+*•]\s*)?"
"""What separates the items of a list (a comma, `và`, a new bullet line)."""

NUMBER_WORDS: tuple[Phrase, ...] = (
    Phrase(r"một", "one", "1"), Phrase(r"hai", "two", "2"), Phrase(r"ba", "three", "3"), Phrase(r"bốn", "four", "4"),
    Phrase(r"sáu", "six", "6"), Phrase(r"bảy", "seven", "7"), Phrase(r"tám", "eight", "8"), Phrase(r"chín", "nine", "9"),
    Phrase(r"mười", "ten", "10"),
)
"""Counts written as words (`hai bộ máy tính`); `name` is the value. Only read right before a
counted noun (`một số` is `some`). Left out: `năm` (also `year`) and `tư` (`đầu tư máy tính`)."""

OTHER_COUNTED = (r"xã|phường|thị\s+trấn|thôn|ấp|bản|tổ|khu|đơn\s+vị|cơ\s+quan|địa\s+phương|huyện|điểm|người|cán\s+bộ"
                 r"|công\s+chức|lượt|ngày|tháng|năm|giờ|phút|inch|in|gb|tb|mb|ghz|w|mbps|triệu|nghìn|ngàn|đồng|\"|”")
"""Nouns and units after a number that show it counts something other than devices (`Máy
scan: 4 xã`, `Màn hình: 22 inch`)."""

NOT_A_COUNT_BEFORE = (r"năm|tháng|ngày|quý|số|phường|khu(?:\s+phố)?|tổ(?:\s+dân\s+phố)?|thôn|xóm|ấp|bản|đội|khóm|phòng"
                      r"|giai\s+đoạn|lần|thứ|hạng|loại")
"""Words before a number that make it a date, a name or a rank, not a count (`năm 2023 máy
tính ...`, `Tổ dân phố 5 máy ...`, `Phòng 2 máy in`)."""

RATIO_BEFORE = r"bình\s+quân|trung\s+bình|tỷ\s+lệ|tỉ\s+lệ"
"""Before a count in its sentence: the count is an average or a ratio, not devices (`bình
quân 1 máy tính/1 cán bộ`)."""

RATIO_AFTER = r"\s*/\s*\d+(?:[.,]\d+)?\s*(?:\p{L}|$)"
"""Right after a counted device: a count per population (`12 máy tính/12 công chức`, `1 máy/2
người`), a ratio rather than an inventory."""
