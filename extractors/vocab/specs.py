"""Machine specification wording and the minimums a machine is checked against.

Labels that introduce a spec value (in spec lines and table header cells), the header cells of
equipment tables that are not specs, and the minimums used by the equipment checks and the
commune summary alike (so both flag the same machines)."""

from __future__ import annotations

from extractors.vocab import Phrase
from extractors.vocab.shortages import LACKING, LOSS, REQUIREMENT

SPEC_LABELS: dict[str, str] = {
    "cpu": r"cpu|chip(?:\s+xử\s+lý)?|(?:bộ\s+)?(?:vi\s+)?xử\s+lý|processor",
    "ram": r"ram|bộ\s+nhớ(?:\s+(?:trong|ram))?|memory",
    "storage": r"ổ\s+(?:cứng|đĩa(?:\s+cứng)?|lưu\s+trữ)|lưu\s+trữ|hdd\s*/\s*ssd|ssd\s*/\s*hdd|storage",
    "monitor": r"màn\s+hình|monitor",
    "os": r"hệ\s+điều\s+hành|hđh|os",
    "network": r"kết\s+nối\s+mạng|mạng|network",
    "spec": r"cấu\s+hình(?:\s+(?:máy|máy\s+tính|cơ\s+bản|chi\s+tiết))?|thông\s+số(?:\s+kỹ\s+thuật)?",
}
"""Labels that introduce a spec value, by field, on the matching form. `spec` is a packed
description of several fields (`Cấu hình: Core i5, RAM 8GB, SSD 256GB`)."""

LABEL_PREFIX = r"(?:dung\s+lượng|loại|kích\s+(?:thước|cỡ))\s+"
"""Words that may open a spec label (`Dung lượng RAM`, `Loại ổ cứng`, `Kích thước màn hình`)."""

SPEC_JOIN = r"cùng|có|với"
"""Words before `cấu hình` after a machine's name (`08 máy tính để bàn cùng cấu hình: ...`)."""

WRITTEN_GENERATION = (r"(?:thế\s+hệ|gen(?:eration)?)\s*(?:thứ\s*)?(?P<gen>\d{1,2})(?!\d)"
                      r"|(?<!\d)(?P<gen>\d{1,2})(?:th|st|nd|rd)\s*gen(?!\p{L})")
"""A CPU generation written out (`Core i5 thế hệ 7`, `gen 10`, `10th Gen`)."""

NETWORKS: tuple[Phrase, ...] = (
    Phrase(r"(?<!\p{L})(?:lan|có\s+dây|ethernet)(?!\p{L})", "wired network", "LAN"),
    Phrase(r"wi-?fi|wireless|không\s+dây|wlan", "wireless network", "Wifi"),
)
"""How a machine connects (`name`: the `network` value)."""

TABLE_COLUMNS: dict[str, str] = {
    "name": r"(?:tên\s+)?(?:trang\s+)?(?:thiết\s+bị|máy(?:\s+(?:vi\s+)?tính)?|loại\s+(?:máy|thiết\s+bị))(?:\s+sử\s+dụng)?",
    "quantity": r"số\s+lượng(?:\s+\([^)]*\))?|sl|số\s+máy",
    "status": r"tình\s+trạng(?:\s+sử\s+dụng)?|hiện\s+trạng",
    "brand": r"hãng(?:\s+sản\s+xuất)?|nhãn\s+hiệu|hiệu",
    "model": r"model|mã\s+máy|kiểu(?:\s+máy)?|ký\s+hiệu",
    "label": r"người\s+sử\s+dụng|bộ\s+phận(?:\s+sử\s+dụng)?|đơn\s+vị(?:\s+sử\s+dụng)?|vị\s+trí|chức\s+danh",
}
"""Header cells of an equipment table that are not spec fields (those are in SPEC_LABELS)."""

_COUNT = r"(?:(?:số\s+lượng|sl|số\s+máy)\s+)?(?:{})(?:\s+\([^)]*\))?"
COUNT_COLUMNS: dict[str, str] = {
    "present": _COUNT.format(r"(?:hiện|đã|đang)\s+(?:có|được\s+trang\s+bị|trang\s+bị|được\s+cấp|sử\s+dụng)|hiện\s+có"),
    "lacking": _COUNT.format(rf"{LACKING}|{LOSS}|cần\s+bổ\s+sung|(?:còn\s+)?thiếu\s+so\s+với\s+(?:quy\s+định|định\s+mức|nhu\s+cầu)"),
    "required": _COUNT.format(rf"{REQUIREMENT}|nhu\s+cầu|cần\s+có|theo\s+quy\s+định"),
}
"""Header cells of count columns that give the devices' status (`Hiện có | Còn thiếu | Hư
hỏng | Định mức`): each number under them is a row with that status."""

RAM_MIN_GB = 8
"""Machines with less RAM are flagged (`ram_below_8gb`)."""
SYSTEM_DISK = "SSD"
"""The system disk a current machine is expected to have; an HDD is flagged."""
CPU_MIN_GENERATION = 8
"""Intel CPUs older than this generation are flagged (AMD numbering is not comparable)."""
WINDOWS_10_END_OF_SUPPORT = "2025-10-14"
"""Windows 10 is out of support since this date; machines running it are flagged."""
