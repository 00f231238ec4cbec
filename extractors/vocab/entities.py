"""Wording of named things in a report: administrative units, recurring bodies, ministries and
departments, software systems, positions, and the words that introduce a person's name.

The rule half of entity recognition (`extractors.entity_rules`) is built from these tables
and from the official unit list (`vietnam-provinces`, through `extractors.admin_units`); the
trained model (`nlp/`) covers what no list holds. Patterns are for the matching form
(`pipeline.textforms.fold`); a proper name after a unit word is read from capitalisation."""

from __future__ import annotations

from extractors.vocab import Phrase

UNIT_KINDS = (
    Phrase(r"tổ\s+dân\s+phố", "residential group (urban)", "tổ dân phố"),
    Phrase(r"thành\s+phố", "city (province level, or a former district-level city)", "thành phố"),
    Phrase(r"thị\s+trấn", "township (before 2025)", "thị trấn"),
    Phrase(r"thị\s+xã", "town (district level, before 2025)", "thị xã"),
    Phrase(r"đặc\s+khu", "special zone", "đặc khu"),
    Phrase(r"tỉnh", "province", "tỉnh"),
    Phrase(r"xã", "rural commune", "xã"),
    Phrase(r"phường", "urban ward", "phường"),
    Phrase(r"huyện", "district (before 2025)", "huyện"),
    Phrase(r"quận", "urban district (before 2025)", "quận"),
    Phrase(r"tp\.?", "city, abbreviated (`TP. Hồ Chí Minh`)", "thành phố"),
    Phrase(r"tx\.", "town, abbreviated with its dot (`TX. Phổ Yên`)", "thị xã"),
    Phrase(r"p\.", "ward, abbreviated with its dot, often glued to the name (`P.Tân Định`, `P.5`)", "phường"),
    Phrase(r"q\.", "urban district, abbreviated with its dot (`Q.12`, `Q. Bình Thạnh`)", "quận"),
    Phrase(r"thôn", "village", "thôn"),
    Phrase(r"xóm", "hamlet", "xóm"),
    Phrase(r"buôn", "village (Central Highlands)", "buôn"),
    Phrase(r"ấp", "hamlet (South)", "ấp"),
    Phrase(r"khu\s+phố", "urban quarter", "khu phố"),
    Phrase(r"khóm", "urban hamlet (South)", "khóm"),
    Phrase(r"bản", "village (northern uplands); also `a copy`, so only before a name or number", "bản"),
    Phrase(r"plei", "village (Central Highlands, Jrai)", "plei"),
    Phrase(r"bon", "village (Central Highlands, M'nông)", "bon"),
)
"""Words that put an administrative unit's proper name after them (longer first). The dotted
abbreviations are split from a name glued to them by the ruler's tokenizer (`ABBREVIATED_KINDS`). `khối`,
`khu` and `tổ` are only units before a number (`NUMBERED_KINDS`): before a capitalised word
they more often name a block of bodies, an area, a team."""

ABBREVIATED_KINDS = ("tp", "tx", "p", "q")
"""Unit kinds written as an abbreviation and a dot, which may be glued to the name (`TP.HCM`, `P.Tân Định`)."""

NUMBERED_URBAN = ("phường", "quận")
"""Urban kinds whose units were numbered before 2025 (`Phường 5`, `Quận 1`)."""

VILLAGE_LEVEL = ("thôn", "xóm", "ấp", "buôn", "tổ dân phố", "khu phố", "khóm", "bản", "plei", "bon")
"""Kinds below the commune (villages, residential groups): their name may be a number (`thôn 3`)."""

NUMBERED_KINDS = (
    Phrase(r"khu", "quarter (before its number: `khu 5`)", "khu"),
    Phrase(r"khối", "urban block (before its number: `khối 7`)", "khối"),
    Phrase(r"tổ", "residential group (before its number: `tổ 12`)", "tổ"),
)
"""Village-level kinds that are units only before a number."""

NUMBER_WORD = Phrase(r"số", "number (before a village's or group's number: `tổ dân phố số 5`)")

PROVINCE_LEVEL = ("tỉnh", "thành phố")
COMMUNE_LEVEL = ("xã", "phường", "đặc khu", "thị trấn")
DISTRICT_LEVEL = ("huyện", "quận", "thị xã")
"""Kinds of the units a body may belong to (`UBND huyện Phú Lương` is one ORG)."""

NOT_UNITS = (
    Phrase(r"xã\s+hội", "society (`Cộng hòa xã hội chủ nghĩa`, `văn hóa - xã hội`): not a commune"),
    Phrase(r"hợp\s+tác\s+xã|htx", "cooperative (`Hợp tác xã Hoa cây cảnh Vị Khê`, `HTX`): not a commune, "
           "a body named by the words after it", "cooperative"),
    Phrase(r"(?:văn|phiên|cơ|căn|kịch|xuất|ấn|nhật)\s+bản", "document, version, basic, script, Japan ... (`phiên bản Windows 10`): not a village"),
    Phrase(r"nông\s+thôn", "countryside (`xây dựng Nông thôn Mới`): not a village"),
)
"""Wordings that hold a unit kind but name no unit."""

DEPARTMENT_NAMES = (
    Phrase(r"khoa\s+học\s+(?:và|&)\s+công\s+nghệ|kh\s*(?:&|và)\s*cn|khcn", "Science and Technology"),
    Phrase(r"thông\s+tin\s+(?:và|&)\s+truyền\s+thông|tt\s*(?:&|và)\s*tt", "Information and Communications"),
    Phrase(r"nội\s+vụ", "Home Affairs"),
    Phrase(r"văn\s+hóa\s*-\s*xã\s+hội", "Culture and Society (commune division)"),
    Phrase(r"văn\s+hóa\s*(?:và|-)\s*thông\s+tin", "Culture and Information (district division)"),
    Phrase(r"kinh\s+tế(?:,?\s+hạ\s+tầng\s+và\s+đô\s+thị)?", "Economy (and Infrastructure, Urban Affairs; commune division)"),
    Phrase(r"tài\s+chính", "Finance"),
    Phrase(r"tư\s+pháp", "Justice"),
    Phrase(r"y\s+tế", "Health"),
    Phrase(r"giáo\s+dục\s+(?:và|&)\s+đào\s+tạo|gd\s*(?:&|và)\s*đt", "Education and Training"),
    Phrase(r"nông\s+nghiệp\s+(?:và|&)\s+(?:môi\s+trường|phát\s+triển\s+nông\s+thôn)", "Agriculture (and Environment)"),
    Phrase(r"tài\s+nguyên\s+(?:và|&)\s+môi\s+trường", "Natural Resources and Environment"),
    Phrase(r"xây\s+dựng", "Construction"),
    Phrase(r"công\s+thương", "Industry and Trade"),
    Phrase(r"văn\s+hóa,?\s+thể\s+thao\s+(?:và|&)\s+du\s+lịch", "Culture, Sports and Tourism"),
    Phrase(r"kế\s+hoạch\s+(?:và|&)\s+đầu\s+tư", "Planning and Investment"),
    Phrase(r"lao\s+động\s*-?\s*thương\s+binh\s+(?:và|&)\s+xã\s+hội", "Labour, Invalids and Social Affairs"),
    Phrase(r"dân\s+tộc\s+(?:và|&)\s+tôn\s+giáo", "Ethnic and Religious Affairs"),
    Phrase(r"công\s+an", "Public Security"),
    Phrase(r"quốc\s+phòng", "Defence"),
    Phrase(r"ngoại\s+vụ|ngoại\s+giao", "Foreign Affairs"),
)
"""Names of ministries (`Bộ ...`), provincial departments (`Sở ...`) and commune divisions (`Phòng ...`)."""

DEPARTMENT_HEADS = Phrase(r"(?:sở|bộ|phòng)", "department (province) / ministry (centre) / division (commune), before its name")

BODIES = (
    Phrase(r"ban\s+thường\s+vụ\s+(?:tỉnh|thành)\s+ủy", "Standing Board of the provincial Party Committee", "party"),
    Phrase(r"ban\s+chấp\s+hành\s+trung\s+ương", "Party Central Committee", "central"),
    Phrase(r"ban\s+chỉ\s+đạo\s+trung\s+ương", "Central Steering Committee", "central"),
    Phrase(r"ban\s+xây\s+dựng\s+đảng", "Party Building Board", "party"),
    Phrase(r"bộ\s+chính\s+trị", "Politburo", "central"),
    Phrase(r"ban\s+bí\s+thư", "Party Secretariat", "central"),
    Phrase(r"thủ\s+tướng\s+chính\s+phủ", "Prime Minister", "central"),
    Phrase(r"chính\s+phủ", "Government", "central"),
    Phrase(r"quốc\s+hội", "National Assembly", "central"),
    Phrase(r"tỉnh\s+ủy|thành\s+ủy", "provincial Party Committee", "party"),
    Phrase(r"ban\s+chỉ\s+đạo\s+(?:tỉnh|thành|huyện)\s+ủy", "steering committee of the provincial Party Committee", "party"),
    Phrase(r"văn\s+phòng\s+(?:tỉnh|thành|huyện)\s+ủy", "Office of the provincial Party Committee", "party"),
    Phrase(r"văn\s+phòng\s+(?:hđnd\s*(?:và|&|-)\s*ubnd|hội\s+đồng\s+nhân\s+dân\s+và\s+ủy\s+ban\s+nhân\s+dân|đảng\s+ủy|ubnd)",
           "Office of the commune's bodies", "state"),
    Phrase(r"văn\s+phòng\s+đăng\s+ký\s+đất\s+đai", "Land Registration Office", "state"),
    Phrase(r"trung\s+tâm\s+(?:phục\s+vụ\s+)?hành\s+chính\s+công", "Public Administration Service Centre", "state"),
    Phrase(r"tỉnh\s+đoàn|thành\s+đoàn", "provincial Youth Union", "front"),
    Phrase(r"bộ\s+phận\s+(?:một\s+cửa|tiếp\s+nhận\s+và\s+trả\s+kết\s+quả)", "one-stop desk", "state"),
    Phrase(r"ủy\s+ban\s+kiểm\s+tra(?:\s+(?:trung\s+ương|thành\s+ủy|tỉnh\s+ủy|đảng\s+ủy))?", "Party Inspection Committee", "party"),
    Phrase(r"hội\s+liên\s+hiệp\s+phụ\s+nữ(?:\s+việt\s+nam)?", "Women's Union", "front"),
    Phrase(r"hội\s+nông\s+dân(?:\s+việt\s+nam)?", "Farmers' Union", "front"),
    Phrase(r"hội\s+cựu\s+chiến\s+binh(?:\s+việt\s+nam)?", "Veterans' Association", "front"),
    Phrase(r"đoàn\s+thanh\s+niên(?:\s+cộng\s+sản\s+hồ\s+chí\s+minh)?", "Youth Union", "front"),
    Phrase(r"ban\s+(?:tuyên\s+giáo(?:\s+và\s+dân\s+vận)?|dân\s+vận|tổ\s+chức)(?:\s+(?:tỉnh|thành|huyện|đảng)\s+ủy)?",
           "Party boards (propaganda, mass mobilisation, organisation), of a Party committee", "party"),
    Phrase(r"ban\s+(?:kinh\s+tế\s*-\s*ngân\s+sách|văn\s+hóa\s*-\s*xã\s+hội|pháp\s+chế)", "committees of the People's Council", "state"),
    Phrase(r"ủy\s+ban\s+quốc\s+gia\s+về\s+chuyển\s+đổi\s+số", "National Committee on Digital Transformation", "central"),
    Phrase(r"văn\s+phòng\s+chính\s+phủ", "Government Office", "central"),
    Phrase(r"ngân\s+hàng\s+chính\s+sách\s+xã\s+hội", "Social Policy Bank", "state"),
    Phrase(r"kho\s+bạc\s+nhà\s+nước", "State Treasury", "state"),
    Phrase(r"hội\s+chữ\s+thập\s+đỏ|liên\s+đoàn\s+lao\s+động", "Red Cross, Labour Federation", "front"),
    Phrase(r"trung\s+tâm\s+(?:dịch\s+vụ\s+tổng\s+hợp|chuyển\s+đổi\s+số|văn\s+hóa,?\s+thông\s+tin\s+và\s+thể\s+thao"
           r"|giám\s+sát,?\s+điều\s+hành\s+đô\s+thị\s+thông\s+minh)", "service, digital and smart-city centres", "state"),
    Phrase(r"tổ\s+công\s+nghệ\s+số\s+cộng\s+đồng", "community digital technology team", "team"),
    Phrase(r"tổ\s+ứng\s+cứu\s+công\s+nghệ(?:\s*-?\s*(?:và\s+)?nghiệp\s+vụ)?", "technology response team", "team"),
    Phrase(r"hội\s+(?:người\s+cao\s+tuổi|khuyến\s+học|cựu\s+thanh\s+niên\s+xung\s+phong)", "Elderly, Study-promotion, "
           "Former Youth Volunteers associations", "front"),
    Phrase(r"ban\s+công\s+tác\s+mặt\s+trận", "Front work board (of a village)", "front"),
    Phrase(r"ban\s+chỉ\s+huy\s+quân\s+sự", "Military Command board (of a commune or district)", "state"),
    Phrase(r"ngân\s+hàng\s+nông\s+nghiệp\s+và\s+phát\s+triển\s+nông\s+thôn|agribank|vietcombank|vietinbank|bidv",
           "banks", "enterprise"),
    Phrase(r"bưu\s+điện", "Post Office", "enterprise"),
    Phrase(r"vnpt|viettel|mobifone", "telecom operators", "enterprise"),
)
"""Bodies (ORG) beyond the commune's own reporting bodies (`extractors.vocab.bodies.REPORTING_BODIES`,
used as well); a unit written after a body belongs to it."""

UNIT_BOUND_BODIES = (
    Phrase(r"công\s+an", "police (of the unit written after it)", "state"),
    Phrase(r"trạm\s+y\s+tế", "health station (of the unit written after it)", "state"),
    Phrase(r"bưu\s+điện\s+văn\s+hóa", "commune post and culture office", "enterprise"),
    Phrase(r"viễn\s+thông", "a telecom operator's provincial branch (`Viễn thông Thái Nguyên`): alone, the trade", "enterprise"),
    Phrase(r"bảo\s+hiểm\s+xã\s+hội|bhxh", "Social Insurance office (`BHXH huyện`): alone, the insurance", "state"),
    Phrase(r"đài\s+truyền\s+thanh|trung\s+tâm\s+y\s+tế", "radio station, health centre (of the unit after it)", "state"),
)
"""Bodies that are a name only with their unit after them (`Công an xã Kỳ Văn`): alone they are
a trade or a kind of place (`lực lượng công an`)."""

NAMED_BODIES = (
    Phrase(r"trường\s+(?:mầm\s+non|tiểu\s+học|trung\s+học\s+cơ\s+sở|thcs|trung\s+học\s+phổ\s+thông|thpt"
           r"|phổ\s+thông\s+dân\s+tộc\s+(?:bán\s+trú|nội\s+trú)|ptdtbt|ptdtnt)(?:\s+và\s+thcs)?", "school (of a level)", "school"),
)
"""Bodies named by the capitalised proper name after their kind (`Trường Tiểu học Tà Tổng`):
without one they are a kind of body, not a name. (A cooperative's name mixes lower-case words,
`Hợp tác xã Hoa cây cảnh Vị Khê`, so capitalisation cannot tell where it ends: not listed.)"""

SYSTEMS = (
    Phrase(r"cổng\s+dịch\s+vụ\s+công(?:\s+quốc\s+gia)?", "public service portal (national or provincial)", "system"),
    Phrase(r"hệ\s+thống\s+thông\s+tin\s+giải\s+quyết\s+(?:thủ\s+tục\s+hành\s+chính|tthc)", "provincial TTHC system", "system"),
    Phrase(r"hệ\s+thống\s+quản\s+lý\s+văn\s+bản(?:\s+và\s+điều\s+hành)?", "document management system", "system"),
    Phrase(r"hệ\s+thống\s+điều\s+hành\s+tác\s+nghiệp(?:\s+của\s+đảng)?", "Party operations system", "system"),
    Phrase(r"hệ\s+thống\s+(?:một\s+cửa\s+điện\s+tử|thông\s+tin\s+báo\s+cáo)", "one-stop and reporting systems", "system"),
    Phrase(r"igate|ioffice|vneid|zalo|mooc|e-?cabinet", "named software platforms", "system"),
    Phrase(r"facebook|youtube|tiktok|postmart|voso", "social networks and e-commerce platforms", "system"),
)
"""Software systems and platforms (ORG rows of kind `system`)."""

POSITIONS = (
    Phrase(r"phó\s+chủ\s+tịch|chủ\s+tịch", "(vice) chair", "position"),
    Phrase(r"phó\s+bí\s+thư|bí\s+thư", "(deputy) Party secretary", "position"),
    Phrase(r"trưởng\s+ban|phó\s+trưởng\s+ban|trưởng\s+thôn|trưởng\s+phòng|giám\s+đốc|phó\s+giám\s+đốc|chánh\s+văn\s+phòng",
           "head of a board, village, office", "position"),
    Phrase(r"công\s+chức\s+văn\s+hóa\s*-\s*xã\s+hội|công\s+chức\s+văn\s+phòng\s*-\s*thống\s+kê|công\s+chức\s+tư\s+pháp\s*-\s*hộ\s+tịch",
           "commune civil servant posts", "position"),
)
"""Positions (a PER row of kind `position`; the signer's title is read from the signer block)."""

MEMBER = Phrase(r"viên", "member, after a body (`Đảng ủy viên`): a position, not the body")

UNIT_LIST = Phrase(r"các|những", "the (plural), before a unit kind that names several units: `các thôn Nà Mòn, Khuôn Lân`")
LIST_JOIN = Phrase(r"\s*,\s*(?:và\s+)?|\s+và\s+", "`,` or `và` between the names of a list")

STREETS = Phrase(r"đường|phố|ngõ|ngách|hẻm|kiệt|đại\s+lộ",
                 "street, lane, alley, avenue: before a street's name, often a person's (`đường Lê Thị Riêng`)")

OF_UNIT = Phrase(r"của", "of, between a body and its unit (`UBND của xã`)")

PERSON_CUES = (
    Phrase(r"(?:ông|bà)\s+", "Mr / Mrs, before a person's name, or before the given name alone of someone named in "
           "full earlier (`ông Nguyễn Văn Quang` ... `ông Quang`)", "honorific"),
    Phrase(r"(?:đồng\s+chí|đ/c|anh|chị|thầy(?:\s+giáo)?|cô\s+giáo|cán\s+bộ|công\s+chức|ảnh\s*:)\s+",
           "comrade / teacher / official / photo by, before a person's name (two capitalised words or more)", "cue"),
)

ABBREVIATIONS = (
    Phrase(r"ubmttq", "Fatherland Front Committee", "Ủy ban Mặt trận Tổ quốc"),
    Phrase(r"mttq", "Fatherland Front", "Mặt trận Tổ quốc"),
    Phrase(r"ubnd", "People's Committee", "Ủy ban nhân dân"),
    Phrase(r"hđnd", "People's Council", "Hội đồng nhân dân"),
    Phrase(r"bhxh", "Social Insurance", "Bảo hiểm xã hội"),
)
"""Abbreviations written out in an entity's `normalized` form."""

UNIT_PREFIX = Phrase(r"(?:xã|phường|thị\s+trấn|đặc\s+khu|tỉnh|thành\s+phố)\s+", "kind word opening an official name")

SURNAMES = Phrase(
    r"nguyễn|trần|lê|phạm|hoàng|huỳnh|phan|vũ|võ|đặng|bùi|đỗ|hồ|ngô|dương|lý|la|lò|lường|hà|đinh|lương|triệu|mai"
    r"|trịnh|đào|đoàn|cao|lâm|tạ|tô|tôn|trương|từ|văn|vi|nông|sầm|kiều|quách|thái|hứa|chu|đàm|lại|khổng|mạc|giáp"
    r"|y|h'|ksor|rơ|siu|nay|kpă|điểu|thạch|danh|sơn|kim|lưu|phùng|ninh|tăng|thân|khúc|bạch|bế|tòng|cầm|quàng"
    r"|giàng|sùng|vàng|thào|mùa|lầu|hầu|chang|lù|tẩn|chảo|bàn|âu|nhữ|đồng|viên|ông",
    "family names (Kinh and of the ethnic minorities): a capitalised one followed by a capitalised word may open a "
    "person's name",
)
