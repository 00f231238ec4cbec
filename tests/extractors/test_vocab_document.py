"""The document-part, body, signer and period wordings match what reports write (matching form)."""

from __future__ import annotations

import regex

from extractors.vocab import alternation, bodies, periods, signers
from extractors.vocab import document_parts as parts
from pipeline.textforms import fold


def _matches(pattern: str, text: str) -> bool:
    return regex.match(pattern, fold(text)) is not None


def test_mottos_match_with_either_tone_placement_and_name_their_issuer_kind() -> None:
    kinds = {m.name for m in parts.MOTTOS if _matches(m.pattern, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")}
    assert kinds == {"state"}
    assert [m.name for m in parts.MOTTOS if _matches(m.pattern, "ĐẢNG CỘNG SẢN VIỆT NAM")] == ["party"]
    assert _matches(parts.MOTTO, "Độc lập – Tự do – Hạnh phúc")


def test_plain_gives_the_words_a_motto_pattern_matches() -> None:
    assert parts.plain(parts.MOTTOS[1].pattern) == "độc lập - tự do - hạnh phúc"


def test_titles_include_submissions_and_plans_and_keep_their_printed_form() -> None:
    assert _matches(parts.REPORT_TITLE, "TỜ TRÌNH") and _matches(parts.REPORT_TITLE, "KẾ HOẠCH")
    assert [t.name for t in parts.REPORT_TITLES][:2] == ["BÁO CÁO", "TỜ TRÌNH"]


def test_authority_markers_in_state_and_party_styles() -> None:
    written = {m.name for m in signers.AUTHORITY_MARKERS for line in ("TM. UBND", "T/M ĐẢNG ỦY", "KT. CHỦ TỊCH")
               if _matches(m.pattern, line)}
    assert written == {"TM.", "T/M", "KT."}
    assert _matches(signers.SIGNER_TITLE, "PHÓ CHỦ TỊCH") and not _matches(signers.SIGNER_TITLE, "Nguyễn Văn Bình")


def test_reporting_bodies_and_commune_kinds() -> None:
    m = regex.match(rf"(?P<body>{bodies.REPORTING_BODY})\s+(?P<kind>{bodies.COMMUNE_KIND})", fold("Ủy ban MTTQ xã Tân An"))
    assert m is not None and m.group("kind") == "xã"
    assert _matches(bodies.COMMUNE_KIND, "Đặc khu Phú Quốc")


def test_period_wording() -> None:
    assert _matches(periods.PERIOD_LINE.pattern, "(Từ ngày 01/7/2025 đến ngày 31/7/2025)")
    assert regex.search(periods.AS_OF.pattern + "$", fold("Số liệu tính đến hết ngày "))
    assert regex.search(alternation(periods.PERIOD_CUES), fold("trong kỳ báo cáo"))
