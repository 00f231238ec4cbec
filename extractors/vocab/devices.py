"""Devices a commune reports: nouns by category, kind words, model and owner wording, brands, units.

Categories are those of the `equipment` table (CONTRACT: desktop, laptop, computer when the
kind is not stated, scanner, printer, photocopier, server, network_line, video_conference,
other). Patterns are for the matching form (`pipeline.textforms.fold`)."""

from __future__ import annotations

from extractors.vocab import Phrase

DEVICE_NOUNS: tuple[Phrase, ...] = (
    Phrase(r"(?:bộ\s+)?máy\s+(?:vi\s+)?tính\s+(?:để\s+bàn|bàn|đồng\s+bộ|all\s*-?\s*in\s*-?\s*one|aio)"
           r"|máy\s+bàn|(?<!\p{L})pc(?!\p{L})|desktop", "desktop computer", "desktop"),
    Phrase(r"máy\s+(?:vi\s+)?tính\s+xách\s+tay|máy\s+xách\s+tay|laptop|notebook", "laptop", "laptop"),
    Phrase(r"máy\s+(?:scan(?:ner)?|quét(?:\s+tài\s+liệu)?)|scanner", "scanner", "scanner"),
    Phrase(r"máy\s+(?:photocopy|photo(?:\s+copy)?|phô\s*tô|pho\s*to)", "photocopier", "photocopier"),
    Phrase(r"máy\s+in(?!\p{L})", "printer", "printer"),
    Phrase(r"máy\s+chủ|(?<!\p{L})server", "server", "server"),
    Phrase(r"(?:bộ\s+)?thiết\s+bị\s+(?:họp|hội\s+nghị)\s+trực\s+tuyến|điểm\s+cầu(?:\s+họp)?\s+trực\s+tuyến",
           "video-conference set or end point", "video_conference"),
    Phrase(r"đường\s+truyền(?:\s+(?:internet|cáp\s+quang|số\s+liệu(?:\s+chuyên\s+dùng)?|riêng|mạng|wan|leased\s+line))*"
           r"|đường\s+(?:internet|cáp\s+quang)", "network line (internet, fibre, dedicated data line)", "network_line"),
    Phrase(r"máy\s+(?:chiếu|fax|ảnh|đọc\s+mã\s+vạch|hủy\s+tài\s+liệu|tính\s+bảng)|tablet|ti\s*vi|camera"
           r"|bộ\s+lưu\s+điện|(?<!\p{L})ups(?!\p{L})|ki-?ốt|kiosk",
           "other device: projector, fax, camera, barcode reader, shredder, tablet, TV, UPS, kiosk", "other"),
    Phrase(r"(?:máy|hệ\s+thống|thiết\s+bị)\s+(?:bấm|lấy|cấp|phát|xếp)\s+(?:số|phiếu|hàng)(?:\s+(?:thứ\s+tự|tự\s+động))*",
           "queue-number machine", "other"),
    Phrase(r"(?:bảng|màn\s+hình)\s+(?:led|điện\s+tử|cảm\s+ứng|hiển\s+thị|tra\s+cứu|thông\s+tin)|màn\s+hình(?!\s*:)",
           "display or look-up screen", "other"),
    Phrase(r"điện\s+thoại\s+thông\s+minh|smartphone", "smartphone", "other"),
    Phrase(r"(?:thiết\s+bị|bộ)\s+phát\s+wi-?fi|router|đầu\s+đọc(?:\s+(?:mã|thẻ)(?:\s+(?:vạch|qr|căn\s+cước))?)?",
           "wifi access point, router, card or code reader", "other"),
    Phrase(r"(?:bộ\s+)?máy\s+(?:vi\s+)?tính(?!\p{L})", "computer, kind not stated", "computer"),
)
"""Device nouns by category (`name`); earlier entries win at the same position."""

BARE_MACHINE = r"(?<!bộ\s)máy(?!\s*móc)(?!\p{L})"
"""`máy` alone (`được trang bị 09 máy`): its category comes from the line's label (`Máy tính:`)
or the section title."""

QUALIFIERS = (r"khổ\s+a[0-5]|a[0-5]|màu|đen\s+trắng|(?:hai|2|một|1)\s+mặt|laser|đa\s+năng|cấu\s+hình\s+(?:cao|mạnh)"
              r"|tốc\s+độ\s+cao|\([^()\n]{0,40}\)")
"""Words after a device that say which kind it is (`01 máy in A3`, `máy in màu`), not a new item of a list."""

EQUIPPED = r"(?:hiện\s+)?(?:có|được\s+trang\s+bị|đã\s+trang\s+bị|trang\s+bị|bố\s+trí|gồm)"
"""Verbs between a device's label and its count (`Máy scan: được trang bị 02 chiếc`)."""

MODEL_INTRO = r"loại|nhãn\s+hiệu|hiệu|hãng(?:\s+sản\s+xuất)?|model|kiểu|dòng"
"""Words that introduce the models of a device (`04 máy scan loại Epson DS-410, ...`)."""

LABEL_INTRO = (r"(?:của|cho|dành\s+cho)\s+(?=(?:đồng\s+chí|đ/c|ông|bà|công\s+chức|cán\s+bộ|lãnh\s+đạo|chủ\s+tịch|phó"
               r"|bí\s+thư|trưởng|văn\s+phòng|bộ\s+phận|kế\s+toán|văn\s+thư)(?!\p{L}))")
"""`01 máy tính của đồng chí Phó chủ tịch HĐND xã`: who the device is for."""

NAME_INTRO = r"của|cho|dành\s+cho|số"
"""Words between a device noun and its owner or number in a machine's name (`Máy tính của Văn thư`)."""

BRANDS: dict[str, str] = {
    "hp": "HP", "hewlett packard": "HP", "epson": "Epson", "canon": "Canon", "brother": "Brother",
    "dell": "Dell", "lenovo": "Lenovo", "asus": "Asus", "acer": "Acer", "fujitsu": "Fujitsu", "kodak": "Kodak",
    "plustek": "Plustek", "avision": "Avision", "panasonic": "Panasonic", "samsung": "Samsung", "ricoh": "Ricoh",
    "toshiba": "Toshiba", "fuji xerox": "Fuji Xerox", "xerox": "Xerox", "sharp": "Sharp", "kyocera": "Kyocera",
    "konica minolta": "Konica Minolta", "apple": "Apple", "msi": "MSI", "lg": "LG", "viewsonic": "ViewSonic",
    "cmc": "CMC", "fpt elead": "FPT Elead", "elead": "Elead", "polycom": "Polycom", "yealink": "Yealink",
    "logitech": "Logitech", "cisco": "Cisco", "huawei": "Huawei", "aver": "AVer", "sony": "Sony", "microsoft": "Microsoft",
}
"""Manufacturers by their matching form, with the canonical capitalisation."""

HOLDER_UNITS: tuple[Phrase, ...] = (
    Phrase(r"trung\s+tâm\s+phục\s+vụ\s+hành\s+chính\s+công|bộ\s+phận\s+(?:tiếp\s+nhận\s+và\s+trả\s+kết\s+quả|một\s+cửa)"
           r"|(?<!xa\s)(?<!\p{L})trung\s+tâm(?!\s+(?:y\s+tế|văn\s+hóa|thể\s+thao|học\s+tập|giáo\s+dục|chính\s+trị"
           r"|dịch\s+vụ|hội\s+nghị|điều\s+hành|xã|huyện|tỉnh|thành\s+phố))",
           "public administrative service centre, one-stop shop", "service_center"),
    Phrase(r"hội\s+đồng\s+nhân\s+dân|(?<!\p{L})hđnd(?!\p{L})", "People's Council", "people_council"),
    Phrase(r"mặt\s+trận|(?<!\p{L})(?:ub)?mttq(?!\p{L})", "Fatherland Front", "fatherland_front"),
    Phrase(r"khối\s+đảng|đảng\s+ủy|cơ\s+quan\s+đảng|các\s+ban\s+(?:xây\s+dựng\s+)?đảng", "Party bodies", "party"),
    Phrase(r"văn\s+phòng\s+(?:hđnd|hội\s+đồng\s+nhân\s+dân)\s+và\s+(?:ubnd|ủy\s+ban\s+nhân\s+dân)"
           r"|khối\s+chính\s+quyền|ủy\s+ban\s+nhân\s+dân|(?<!\p{L})ubnd(?!\p{L})|chính\s+quyền",
           "People's Committee, the government side", "government"),
)
"""Units of a commune a device belongs to (`name`: the `unit` column)."""
