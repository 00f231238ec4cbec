"""Issuing bodies and the administrative units they belong to.

A commune-level unit is a `xã`, `phường`, `đặc khu` (island special zone, since the 2025
merger) or a `thị trấn` (town, before it). Its bodies issue the reports: the Party Committee
(`Đảng ủy`), the People's Committee (`UBND`) and Council (`HĐND`), the Fatherland Front
(`MTTQ`), steering committees (`Ban Chỉ đạo`). Bodies above it (province, district,
ministries, the Centre) issue the documents a report cites.
"""

from __future__ import annotations

from extractors.vocab import Phrase, alternation

COMMUNE_KINDS = (
    Phrase(r"xã", "rural commune", "xã"),
    Phrase(r"phường", "urban ward", "phường"),
    Phrase(r"đặc\s+khu", "special zone (island commune)", "đặc khu"),
    Phrase(r"thị\s+trấn", "township (before the 2025 merger)", "thị trấn"),
)
COMMUNE_KIND = alternation(COMMUNE_KINDS)
"""Prefixes that introduce a commune-level unit."""

REPORTING_BODIES = (
    Phrase(r"ban\s+thường\s+vụ\s+đảng\s+ủy", "Standing Board of the Party Committee", "party"),
    Phrase(r"btv\s+đảng\s+ủy", "Standing Board of the Party Committee (abbr.)", "party"),
    Phrase(r"ban\s+chấp\s+hành\s+đảng\s+bộ", "Executive Committee of the Party organisation", "party"),
    Phrase(r"đảng\s+ủy", "Party Committee", "party"),
    Phrase(r"đảng\s+bộ", "Party organisation", "party"),
    Phrase(r"chi\s+bộ", "Party cell", "party"),
    Phrase(r"ủy\s+ban\s+mặt\s+trận\s+tổ\s+quốc\s+việt\s+nam", "Vietnam Fatherland Front Committee", "front"),
    Phrase(r"ủy\s+ban\s+mttq\s+việt\s+nam", "Vietnam Fatherland Front Committee (abbr.)", "front"),
    Phrase(r"ủy\s+ban\s+mttq", "Fatherland Front Committee (abbr.)", "front"),
    Phrase(r"ubmttq", "Fatherland Front Committee (abbr.)", "front"),
    Phrase(r"mặt\s+trận\s+tổ\s+quốc", "Fatherland Front", "front"),
    Phrase(r"mttq", "Fatherland Front (abbr.)", "front"),
    Phrase(r"ủy\s+ban\s+nhân\s+dân", "People's Committee", "state"),
    Phrase(r"ubnd", "People's Committee (abbr.)", "state"),
    Phrase(r"hội\s+đồng\s+nhân\s+dân", "People's Council", "state"),
    Phrase(r"hđnd", "People's Council (abbr.)", "state"),
    Phrase(r"ban\s+chỉ\s+đạo", "steering committee", "state"),
)
"""Bodies of a commune that issue reports, as they precede `xã <Name>`; `name` the issuer kind."""
REPORTING_BODY = alternation(REPORTING_BODIES)

ISSUER_KINDS = (
    Phrase(r"mặt\s+trận|mttq", "Fatherland Front", "front"),
    Phrase(r"đảng\s+ủy|đảng\s+bộ|chi\s+bộ|ban\s+thường\s+vụ|ban\s+chấp\s+hành|(?<!\p{L})đu(?!\p{L})", "Party body", "party"),
    Phrase(r"ủy\s+ban\s+nhân\s+dân|ubnd|hội\s+đồng\s+nhân\s+dân|hđnd|ban\s+chỉ\s+đạo", "state body", "state"),
)
"""Kind of issuer by the words naming it; the Front first (`Ủy ban MTTQ` is not the UBND)."""

PROVINCE_KEYWORD = Phrase(r"tỉnh\s+ủy|thành\s+ủy|tỉnh|thành\s+phố|tp\.?", "province / its Party committee, before its name")

SUPERIOR_UNIT = Phrase(r"tỉnh|thành\s+phố|tp\.?|huyện|quận|thị\s+xã|trung\s+ương",
                       "a unit above the commune: province, city, district, town, the Centre")

DEPARTMENT = Phrase(r"sở|phòng|ban\s+dân\s+tộc|văn\s+phòng\s+ubnd", "a department of a province or district")

HIGHER_ISSUER = Phrase(
    r"tỉnh|thành\s+phố|trung\s+ương|huyện|chính\s+phủ|quốc\s+hội|thủ\s+tướng|(?<!\p{L})(?<!(?:đảng|chi)\s+)bộ\s"
    r"|ban\s+bí\s+thư|thành\s+ủy|tỉnh\s+ủy|(?<!\p{L})sở\s",
    "issuer wording of a body above the commune; `bộ` is a ministry or the Politburo, not `Đảng bộ`",
)

COMMUNE_CODES = frozenset({"ĐU", "BCĐ", "MTTQ", "UBMTTQ", "UBND", "HĐND", "BTV", "VPĐU", "UBKTĐU"})
"""Issuer codes of a commune's own bodies (in document symbols). `UBND` and `BCĐ` are also
provincial or central codes."""

PASSING_MENTION = Phrase(r"tại|các|những|\d+|riêng|cho|tặng|với", "a venue, a list, an aside or a recipient before `xã Y`")
"""Words before a commune that make it a passing mention, not the text's own commune: a venue
(`tại xã Y`), a list (`các xã Y, Z`, `12 xã`), an aside (`Riêng xã Y còn thiếu`), a recipient."""

COUNTED_UNITS = Phrase(
    r"xã|phường|thị\s+trấn|đặc\s+khu|thôn|bản|ấp|tổ|khu\s+phố|huyện|đơn\s+vị|cơ\s+quan|trường|người|hồ\s+sơ|thủ\s+tục",
    "units and things counted in a ratio: `3/8 phường` is three of eight wards, not a date",
)

PORTAL = Phrase(r"trang\s+thông\s+tin\s+điện\s+tử|cổng\s+thông\s+tin\s+điện\s+tử|trang\s+tin\s+điện\s+tử",
                "the web portal of a body: `Trang thông tin điện tử xã X` publishes what X writes")
