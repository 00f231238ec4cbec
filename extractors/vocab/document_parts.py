"""The parts of an official document and the words that open them.

Decree 30/2020/NĐ-CP (state bodies) and Guidance 36-HD/VPTW (Party bodies) lay a report out as:
issuer lines and the national motto (or the Party's name), `Số:` number and symbol, the
`<Place>, ngày ... tháng ... năm ...` line, the title (`BÁO CÁO`, `TỜ TRÌNH`, `KẾ HOẠCH` ...)
and its subject, `Kính gửi` recipients, numbered sections, the closing sentence (`Trên đây là
...`), the `Nơi nhận` list and the signer block. Segmentation, the PDF and DOCX header readers and
metadata all recognise these parts by the wordings below (matching form, see `extractors.vocab`).
"""

from __future__ import annotations

from extractors.vocab import Phrase, alternation

MOTTOS = (
    Phrase(r"cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam", "Socialist Republic of Vietnam (state header)", "state"),
    Phrase(r"độc\s+lập\s*-\s*tự\s+do\s*-\s*hạnh\s+phúc", "Independence - Freedom - Happiness (state motto)", "state"),
    Phrase(r"đảng\s+cộng\s+sản\s+việt\s+nam", "Communist Party of Vietnam (Party header)", "party"),
)
"""Header mottos, `name` the kind of issuer they go with (state: Decree 30; party: Guidance 36)."""
MOTTO = alternation(MOTTOS)

REPORT_TITLES = (
    Phrase(r"báo\s+cáo", "report", "BÁO CÁO"),
    Phrase(r"tờ\s+trình", "submission", "TỜ TRÌNH"),
    Phrase(r"kế\s+hoạch", "plan", "KẾ HOẠCH"),
    Phrase(r"thông\s+báo", "notice", "THÔNG BÁO"),
    Phrase(r"chương\s+trình", "programme", "CHƯƠNG TRÌNH"),
)
"""Document-type titles that end the header; `name` is the title as printed (in capitals)."""
REPORT_TITLE = alternation(REPORT_TITLES)
REPORT = REPORT_TITLES[0].pattern
"""`báo cáo`: the title the segmenter reads a report by (the other titles only end a PDF header)."""

NUMBER_LABEL = Phrase(r"số", "number (the `Số:` line of the header)")
DATE_LINE_DAY = Phrase(r"ngày", "day (the `<Place>, ngày ...` line)")
DATE_LINE_MONTH = Phrase(r"tháng", "month (the `<Place>, ngày ... tháng ...` line)")
DATE_LINE_YEAR = Phrase(r"năm", "year (the `<Place>, ngày ... tháng ... năm ...` line)")
RECIPIENTS = Phrase(r"kính\s+gửi", "to (the recipients of the report)")
DISTRIBUTION = Phrase(r"nơi\s+nhận", "distribution list (copies sent to)")
CLOSING_OPENER = Phrase(r"trên\s+đây", "the above ... (the words that open the closing sentence)")
CLOSING = Phrase(CLOSING_OPENER.pattern + r"\s+là", "the above is ... (the closing sentence)")
REPORT_VERB = Phrase(r"(?:kính\s+|xin\s+)?báo\s+cáo", "reports (verb after the reporting body)")

OPENING_WORDS = (
    Phrase(r"thực\s+hiện", "implementing"),
    Phrase(r"căn\s+cứ", "pursuant to"),
    Phrase(r"theo", "according to"),
    Phrase(r"thi\s+hành", "executing"),
    Phrase(r"triển\s+khai", "deploying"),
    Phrase(r"được\s+sự", "with the (approval) of"),
    Phrase(r"nhằm", "in order to"),
)
"""Words that open the opening paragraph after the title (so the line is not the subject)."""

SECTION_TOPICS = (
    Phrase(r"nhận\s+xét|kiến\s+nghị|đề\s+xuất|khó\s+khăn|vướng\s+mắc|hạn\s+chế|tồn\s+tại|ưu\s+điểm|nguyên\s+nhân|giải\s+pháp|mặt\s+tích\s+cực",
           "assessment, difficulties, proposals", "assessment"),
    Phrase(r"thủ\s+tục|tthc|dịch\s+vụ\s+công|hồ\s+sơ", "administrative procedures and dossiers", "tthc"),
    Phrase(r"pháp\s+lý|văn\s+bản|thể\s+chế|lãnh\s+đạo,?\s+chỉ\s+đạo|việc\s+chỉ\s+đạo", "legal basis and direction", "legal"),
    Phrase(r"hạ\s+tầng|máy\s+tính|máy\s+scan|máy\s+quét|máy\s+in|thiết\s+bị|phần\s+mềm|mạng|công\s+nghệ|hệ\s+thống|cơ\s+sở\s+dữ\s+liệu",
           "infrastructure, equipment, software", "infrastructure"),
    Phrase(r"nhân\s+lực|cán\s+bộ|công\s+chức|đào\s+tạo|tập\s+huấn", "staff and training", "staff"),
    Phrase(r"tài\s+chính|kinh\s+phí|ngân\s+sách", "finance and budget", "finance"),
    Phrase(r"nguồn\s+lực", "resources", "resources"),
)
"""Section heading words and the topic (`name`) they give the section, first match wins."""


def plain(pattern: str) -> str:
    """A pattern of plain words as the text it matches in the matching form, one space between
    words (`độc\\s+lập\\s*-\\s*tự\\s+do` → `độc lập - tự do`): for fragment tests."""
    return pattern.replace(r"\s*-\s*", " - ").replace(r"\s+", " ")
