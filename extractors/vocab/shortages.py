"""Shortage, loss and requirement wording: what a commune lacks, lost or must have, and requests.

A device or a figure under these words is not an inventory: a shortage (`còn thiếu`,
`chưa có`), a loss (`bị mất`, `bị trộm`, `hư hỏng`) and a request (`đề nghị cấp`) are not
machines present. Shared by the equipment and metrics extractors."""

from __future__ import annotations

from extractors.vocab import Phrase, alternation

SHORTAGE_WORDS: tuple[Phrase, ...] = (
    Phrase(r"(?:chưa|không)\s+(?:có\s+|được\s+(?:trang\s+bị|cấp|bố\s+trí)\s+)?(?:đầy\s+)?đủ", "not enough, not fully equipped"),
    Phrase(r"(?:còn\s+)?thiếu", "short of, lacking"),
    Phrase(r"chưa\s+(?:có|(?:được\s+)?(?:trang\s+bị|cấp|bố\s+trí))", "not yet have / not yet equipped, issued, assigned"),
    Phrase(r"chưa\s+được\s+(?:đầu\s+tư|bổ\s+sung|cấp\s+phát)", "not yet invested in, supplied, issued"),
    Phrase(r"không\s+có", "has no"),
)
"""Words that say something is lacking (`còn thiếu 01 máy in`, `chưa được trang bị máy scan`)."""

LACKING = alternation(SHORTAGE_WORDS)

SHORTAGE_GAP_WORDS: tuple[Phrase, ...] = (
    Phrase(r"cụ\s+thể", "specifically"),
    Phrase(r"thêm", "more"),
    Phrase(r"các", "the (plural)"),
    Phrase(r"một\s+số", "some"),
    Phrase(r"như", "such as"),
    Phrase(r"gồm", "consisting of"),
    Phrase(r"là", "namely"),
    Phrase(r"về\s+số\s+lượng", "in number"),
    Phrase(r"(?:trang\s+)?thiết\s+bị", "equipment"),
)
"""Words that may stand between a shortage word and the device it names (`thiếu cụ thể: 01 máy tính`)."""

LACKING_GAP = r"(?:\s|[:,]|" + alternation(SHORTAGE_GAP_WORDS) + r")*"

REQUEST_WORDS: tuple[Phrase, ...] = (
    Phrase(r"đề\s+nghị", "propose, request"),
    Phrase(r"kiến\s+nghị", "petition"),
    Phrase(r"đề\s+xuất", "propose"),
    Phrase(r"xin\s+(?:cấp|hỗ\s+trợ)", "ask to be issued / supported"),
    Phrase(r"cần\s+(?:bổ\s+sung|trang\s+bị|đầu\s+tư|mua)", "need to add, equip, invest in, buy"),
    Phrase(r"mua\s+sắm", "procure"),
    Phrase(r"sẽ\s+(?:trang\s+bị|bố\s+trí)", "will equip, will assign"),
    Phrase(r"dự\s+kiến", "planned"),
)
"""A sentence with one of these asks for or plans devices: it states no inventory."""

REQUEST = alternation(REQUEST_WORDS)

LOSS_WORDS: tuple[Phrase, ...] = (
    Phrase(r"(?:bị\s+)?(?:kẻ\s+gian\s+)?(?:trộm|lấy|đánh)\s+(?:cắp|trộm|mất|đi)", "stolen, taken"),
    Phrase(r"(?:bị\s+)?mất\s+(?:cắp|trộm)", "stolen"),
    Phrase(r"bị\s+(?:trộm|mất)", "stolen, lost"),
    Phrase(r"(?:bị\s+)?(?:hư\s+hỏng|hư|hỏng)(?:\s+(?:hoàn\s+toàn|nặng))?", "broken, out of order"),
    Phrase(r"(?:bị\s+)?cháy", "burnt"),
    Phrase(r"không\s+(?:còn\s+)?(?:sử\s+dụng|hoạt\s+động)\s+được", "no longer usable"),
)
"""Devices lost, stolen or broken: not present (CONTRACT: status lacking). Written before the
devices (`bị trộm mất 4 máy in, 2 máy tính`) or after them (`02 máy in đã hư hỏng`)."""

LOSS = alternation(LOSS_WORDS)

LOSS_GAP = r"(?:\s|:|mất|đi|các|gồm|cụ\s+thể|như|là)*"
"""Between a loss word and the devices it names (`bị trộm mất: 4 máy in`); no comma, which
ends the loss (`máy in bị hỏng, 02 máy tính vẫn dùng tốt`)."""

LOSS_LEAD = r"(?:\s+(?:đã|cũng|đều|vừa|lại|hiện(?:\s+nay)?|nay))*\s+"
"""Between a device and the loss word after it (`02 máy tính đã bị mất`)."""

NOT_LOSS = r"\s+(?:dữ\s+liệu|kết\s+nối|điện|mạng|tín\s+hiệu|mật\s+khẩu|thời\s+gian|nhiều|hóc)"
"""After a loss word: what was lost is not the device (`máy tính bị mất dữ liệu`)."""

PER_UNIT = (r"xã|phường|thị\s+trấn|đơn\s+vị|địa\s+phương|cơ\s+quan|bộ\s+phận|trung\s+tâm|điểm|thôn|tổ|cán\s+bộ"
            r"|công\s+chức|người")
"""What an allocation is counted per (`mỗi xã`, `5 máy/xã`)."""

REQUIREMENT_WORDS: tuple[Phrase, ...] = (
    Phrase(rf"mỗi\s+(?:{PER_UNIT})", "each commune, unit, office, person (a per-unit allocation)"),
    Phrase(r"(?:phải|cần)\s+(?:có|được\s+trang\s+bị|trang\s+bị|được\s+bố\s+trí|bố\s+trí)", "must have, must be equipped with"),
    Phrase(r"tối\s+thiểu|ít\s+nhất", "at least"),
    Phrase(r"theo\s+(?:tiêu\s+chuẩn|định\s+mức|quy\s+định)|định\s+mức|tiêu\s+chuẩn\s+(?:trang\s+bị|tối\s+thiểu)"
           r"|quy\s+định\s+(?:phải|về)", "norm, standard, as required"),
    Phrase(r"được\s+phân\s+bổ|phân\s+bổ\s+cho", "allocated"),
)
"""A count under these words states a standard or an allocation, not an inventory (CONTRACT:
status required): `mỗi xã phải có 02 máy tính`, `trang bị tối thiểu 01 máy scan`."""

REQUIREMENT = alternation(REQUIREMENT_WORDS)

PER_UNIT_AFTER = rf"\s*(?:(?:cho|tại|ở|đối\s+với)\s+)?(?:mỗi|từng)\s+(?:{PER_UNIT})|\s*/\s*(?:{PER_UNIT})(?!\p{{L}})"
"""Right after a count of devices: the count is per unit, an allocation, not an inventory
(`trang bị 02 máy tính cho mỗi xã`, `5 máy/xã`)."""

SCOPE_BREAK = r"hiện\s+(?:nay|tại|có|mới|đã)|thực\s+tế|nhưng|song|tuy\s+nhiên|trong\s+khi|mới\s+có|đã\s+có|đến\s+nay|;"
"""Words that end a requirement's reach in its sentence: what follows is the inventory
(`mỗi xã phải có 3 máy scan, hiện xã mới có 1 máy`)."""
