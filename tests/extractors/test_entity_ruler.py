"""The span ruler behind the entity rules: its patterns come from the vocabulary's wordings and
the official unit list, on sentences written for these tests."""

from __future__ import annotations

import pytest

from extractors.entity_ruler import hits, ruler, untranslated
from extractors.entity_rules import rule_entities
from extractors.phrase_patterns import Untranslatable, wordings
from extractors.vocab.entities import BODIES, SYSTEMS, UNIT_BOUND_BODIES
from pipeline.build import document_from_text


def test_vocabulary_regexes_expand_to_their_wordings() -> None:
    assert wordings(r"ủy\s+ban\s+kiểm\s+tra(?:\s+(?:trung\s+ương|đảng\s+ủy))?") == [
        "ủy ban kiểm tra trung ương", "ủy ban kiểm tra đảng ủy", "ủy ban kiểm tra"]
    assert set(wordings(r"văn\s+hóa,?\s+thể\s+thao")) == {"văn hóa, thể thao", "văn hóa thể thao"}
    assert wordings(r"igate|vneid") == ["igate", "vneid"]
    with pytest.raises(Untranslatable):
        wordings(r"công\s+an\s+(?=xã|phường)")
    with pytest.raises(Untranslatable):
        wordings(r"[\p{Lu}]\w+")


def test_every_entity_wording_of_the_vocabulary_is_a_ruler_pattern() -> None:
    assert untranslated() == []
    patterns = {p["pattern"] for p in ruler().get_pipe("span_ruler").patterns if isinstance(p["pattern"], str)}
    for phrase in BODIES + SYSTEMS + UNIT_BOUND_BODIES:
        assert set(wordings(phrase.pattern)) <= patterns


def _found(text: str) -> set[tuple[str, str]]:
    doc = document_from_text(text)
    return {(h.label, doc.text[h.start:h.end]) for h in hits(doc)}


def test_ruler_matches_bodies_systems_and_official_units() -> None:
    found = _found("Đảng ủy phường Văn Miếu - Quốc Tử Giám và Sở Lao động - Thương binh và Xã hội hướng dẫn "
                   "đăng ký tài khoản VNeID, nộp hồ sơ trên Cổng Dịch vụ công quốc gia; Tỉnh ủy Bắc Giang chỉ đạo.\n")
    assert ("BODY", "Đảng ủy") in found
    assert ("UNIT", "phường Văn Miếu - Quốc Tử Giám") in found
    assert ("DEPARTMENT", "Sở Lao động - Thương binh và Xã hội") in found
    assert ("SYSTEM", "VNeID") in found and ("SYSTEM", "Cổng Dịch vụ công quốc gia") in found
    assert ("PROVINCE", "Bắc Giang") in found


def test_villages_and_residential_groups_with_names_or_numbers() -> None:
    doc = document_from_text("Tổ công nghệ số cộng đồng thôn 4, tổ dân phố số 7, khu phố Trung Hòa, bản Na Hu, "
                             "khu 5 và tổ 12 đã hướng dẫn người dân; in 02 bản sao gửi Công an xã Kỳ Văn.\n")
    spans = {(e.label, doc.text[e.start:e.end], e.normalized) for e in rule_entities(doc)}
    assert ("LOC", "thôn 4", "thôn 4") in spans
    assert ("LOC", "tổ dân phố số 7", "tổ dân phố 7") in spans
    assert ("LOC", "khu phố Trung Hòa", "khu phố Trung Hòa") in spans
    assert ("LOC", "bản Na Hu", "bản Na Hu") in spans
    assert ("LOC", "khu 5", "khu 5") in spans and ("LOC", "tổ 12", "tổ 12") in spans
    assert ("ORG", "Công an xã Kỳ Văn", "Công an xã Kỳ Văn") in spans
    assert not any("bản sao" in text for _, text, _ in spans)


def test_police_alone_is_not_a_body_and_symbols_are_not_mentions() -> None:
    doc = document_from_text("Lực lượng công an phối hợp; Công văn số 125/BC-UBND ngày 10/10/2025.\n")
    assert rule_entities(doc) == []
