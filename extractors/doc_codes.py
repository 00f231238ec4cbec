"""The grammar of Vietnamese document numbers ("số, ký hiệu") and document type names.

Kept apart from the `references` extractor so the date extractor and others can recognise a
document code (and not read `23/KH-UBND` as a date). Three official shapes are covered:
state bodies (Decree 30/2020/NĐ-CP) write `NUMBER/TYPE-ISSUER` (`296/QĐ-UBND`), legal
normative documents add the year (`06/2024/QĐ-UBND`), official letters carry no type
(`3691/UBND-KGVX`), and Party bodies (Guidance 36-HD/VPTW) write `NUMBER-TYPE/ISSUER`
(`02-KH/BCĐTW`). Joint issuers are joined by hyphens (`06/KH-MTTQ-BTT`). Real text adds
spaces and line breaks inside a code (`57- NQ/TW`, `02-` ⏎ `KH/BCĐTW`), which the pattern
tolerates; the canonical form removes them. Codes are matched on the text itself,
since their capitals are what tell them from words.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from extractors.last_document import remember_last

TYPES: dict[str, tuple[str, str]] = {
    # folded code: (code as officially spelled, type name in canonical tone form)
    "nq": ("NQ", "Nghị quyết"),
    "nqlt": ("NQLT", "Nghị quyết liên tịch"),
    "qđ": ("QĐ", "Quyết định"),
    "ct": ("CT", "Chỉ thị"),
    "kl": ("KL", "Kết luận"),
    "kh": ("KH", "Kế hoạch"),
    "ctr": ("CTr", "Chương trình"),
    "bc": ("BC", "Báo cáo"),
    "cv": ("CV", "Công văn"),
    "hd": ("HD", "Hướng dẫn"),
    "hdlt": ("HDLT", "Hướng dẫn liên tịch"),
    "tb": ("TB", "Thông báo"),
    "ttr": ("TTr", "Tờ trình"),
    "qc": ("QC", "Quy chế"),
    "qyđ": ("QyĐ", "Quy định"),
    "qđi": ("QĐi", "Quy định"),
    "đa": ("ĐA", "Đề án"),
    "da": ("DA", "Dự án"),
    "pa": ("PA", "Phương án"),
    "bb": ("BB", "Biên bản"),
    "nđ": ("NĐ", "Nghị định"),
    "tt": ("TT", "Thông tư"),
    "ttlt": ("TTLT", "Thông tư liên tịch"),
    "cđ": ("CĐ", "Công điện"),
    "gm": ("GM", "Giấy mời"),
    "tc": ("TC", "Thông cáo"),
    "hđ": ("HĐ", "Hợp đồng"),
    "bgn": ("BGN", "Bản ghi nhớ"),
    "btt": ("BTT", "Bản thỏa thuận"),
    "gcn": ("GCN", "Giấy chứng nhận"),
    "guq": ("GUQ", "Giấy ủy quyền"),
    "ggt": ("GGT", "Giấy giới thiệu"),
    "gnp": ("GNP", "Giấy nghỉ phép"),
    "gxn": ("GXN", "Giấy xác nhận"),
    "pg": ("PG", "Phiếu gửi"),
    "pc": ("PC", "Phiếu chuyển"),
    "pb": ("PB", "Phiếu báo"),
    "l": ("L", "Lệnh"),
}
"""Type codes of Decree 30/2020/NĐ-CP (appendix III) and Guidance 36-HD/VPTW."""

LETTER_CODE = "CV"
"""Type code given to a state official letter, whose symbol carries no type (`3691/UBND-KGVX`)."""

TYPE_NAMES: dict[str, str] = {
    # folded name as written before a number: canonical type name
    **{name.lower(): name for _, name in TYPES.values()},
    "kế hoạch hành động": "Kế hoạch",
    "chương trình hành động": "Chương trình",
    "văn bản": "Văn bản",
    "quy định": "Quy định",
}
"""Type words that precede a document number (`Kế hoạch hành động số 02/KH-UBND`)."""

MIXED_CASE_ISSUERS = {"ttg": "TTg"}
"""Issuer codes whose official spelling is not all upper case."""

_TYPE = "(?i:" + "|".join(sorted(map(regex.escape, TYPES), key=len, reverse=True)) + ")"
_ISS = r"(?:TTg|(?=[\p{Lu}\d]{0,11}\p{Lu})[\p{Lu}\d]{1,12}(?:&[\p{Lu}\d]{1,6})?)"  # capitals; `KH&TC` is one unit
_DASH = r"[-–—‐‑−]"
_PAGE_NUMBER = r"(?:\n\s{0,4})?(?:(?i:trang)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[ \t]*(?=\n)"
_GAP = rf"[ \t]{{0,2}}(?:{_PAGE_NUMBER})?\n?\s{{0,4}}"
"""Inside a code: a stray space, a PDF line break (and blank line), or a page break with the
page number between the two halves (`02-` / `5` / `KH/BCĐTW`), on its own line or glued to
the half before it when line wrapping joined them (`02-5` / `KH/BCĐTW`)."""
_JOINT = rf"(?:{_DASH}[ \t]?{_ISS}){{0,3}}"  # joint issuers or units: MTTQ-BTT
CODE = regex.compile(
    rf"""(?<![\p{{L}}\d/.\-–])(?P<num>\d{{1,5}})(?:
        {_GAP}{_DASH}{_GAP}(?P<ptype>{_TYPE}){_GAP}/{_GAP}(?P<pissuer>{_ISS}{_JOINT})
      | [ \t]?/{_GAP}(?:(?P<year>(?:19|20)\d\d){_GAP}/{_GAP})?(?P<stype>{_TYPE}){_GAP}{_DASH}{_GAP}(?P<sissuer>{_ISS}{_JOINT})
      | [ \t]?/{_GAP}(?P<lissuer>{_ISS}){_GAP}{_DASH}{_GAP}(?P<lunit>{_ISS}{_JOINT})
    )(?![\p{{L}}\d])""",
    regex.VERBOSE,
)
"""A document number and symbol, matched on the text itself (codes are told from words by their
capitals): Party, state (with an optional year) or letter style."""

_SPACE = regex.compile(r"\s+")
_DASHES = regex.compile(_DASH)

@remember_last
def code_matches(text: str) -> list[regex.Match[str]]:
    """`list(CODE.finditer(text))`, remembered for the last text (the same object): the dates
    and the references extractors both read a document's codes, one after the other. Callers
    must not change the list."""
    return list(CODE.finditer(text))


@dataclass(frozen=True)
class DocCode:
    """A parsed number and symbol, with the values the `references` table needs."""

    number: str
    year: int | None
    type_code: str
    symbol: str
    canonical: str
    issuer: str
    style: str  # "party", "state" or "letter"


def _issuer(written: str) -> str:
    """An issuer code as canonical: upper case unless its official spelling is mixed."""
    parts = [MIXED_CASE_ISSUERS.get(p.lower(), p.upper()) for p in written.split("-")]
    return "-".join(parts)


def parse_code(m: regex.Match) -> DocCode:
    """The DocCode of a `CODE` match: spaces and line breaks dropped, dashes made plain."""
    raw = {k: _DASHES.sub("-", _SPACE.sub("", v)) for k, v in m.groupdict().items() if v is not None}
    number = raw["num"]
    if m.group("ptype"):
        type_code, issuer = TYPES[m.group("ptype").lower()][0], _issuer(raw["pissuer"])
        symbol, style = f"{type_code}/{issuer}", "party"
        canonical = f"{number}-{symbol}"
    elif m.group("stype"):
        type_code, issuer = TYPES[m.group("stype").lower()][0], _issuer(raw["sissuer"])
        symbol, style = f"{type_code}-{issuer}", "state"
        canonical = f"{number}/{raw['year']}/{symbol}" if "year" in raw else f"{number}/{symbol}"
    else:
        type_code, issuer = LETTER_CODE, _issuer(raw["lissuer"])
        symbol, style = f"{issuer}-{_issuer(raw['lunit'])}", "letter"
        canonical = f"{number}/{symbol}"
    year = int(raw["year"]) if "year" in raw else None
    return DocCode(number, year, type_code, symbol, unicodedata.normalize("NFC", canonical), issuer, style)


def type_code(name: str) -> str | None:
    """The code of a canonical type name (`Quy chế` → `QC`), for a document named without a
    number; the first code listed wins (`Quy định` → `QyĐ`), a generic word has none."""
    return next((code for code, known in TYPES.values() if known == name), None)


def type_name(code: str) -> str:
    """The type name of a code as canonically spelled (`KH` → `Kế hoạch`)."""
    return TYPES[code.lower()][1]
