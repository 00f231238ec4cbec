"""Shortage, loss and requirement wording: what a commune lacks, lost or must have, and requests.

A device or a figure under these words is not an inventory: a shortage (`còn thiếu`,
`chưa có`), a loss (`bị mất`, `bị trộm`, `hư hỏng`) and a request (`đề nghị cấp`) are not
machines present. Shared by the equipment and metrics extractors."""

from __future__ import annotations

from extractors.vocab import Phrase, alternation

SHORTAGE_WORDS: tuple[Phrase, ...] = (
    Phrase(r"(?:còn\s+)?thiếu", "short of, lacking"),
    Phrase(r"chưa\s+(?:có|(?:được\s+)?(?:trang\s+bị|cấp|bố\s+trí))", "not yet have / not yet equipped, issued, assigned"),
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
