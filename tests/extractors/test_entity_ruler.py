"""The span ruler behind the entity rules: its patterns come from the vocabulary's wordings and
the official unit list, on sentences written for these tests."""

from __future__ import annotations

import pytest

from extractors.entity_ruler import SPANS_KEY, Hit, hits, regex_hits, ruler, untranslated
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
    assert ("ORG", "Tổ công nghệ số cộng đồng thôn 4", "Tổ công nghệ số cộng đồng thôn 4") in spans  # a village's team
    assert ("LOC", "tổ dân phố số 7", "tổ dân phố 7") in spans
    assert ("LOC", "khu phố Trung Hòa", "khu phố Trung Hòa") in spans
    assert ("LOC", "bản Na Hu", "bản Na Hu") in spans
    assert ("LOC", "khu 5", "khu 5") in spans and ("LOC", "tổ 12", "tổ 12") in spans
    assert ("ORG", "Công an xã Kỳ Văn", "Công an xã Kỳ Văn") in spans
    assert not any("bản sao" in text for _, text, _ in spans)


def test_police_alone_is_not_a_body_and_symbols_are_not_mentions() -> None:
    doc = document_from_text("Lực lượng công an phối hợp; Công văn số 125/BC-UBND ngày 10/10/2025.\n")
    assert rule_entities(doc) == []


def test_steering_committees_schools_and_party_offices() -> None:
    doc = document_from_text("Ban Chỉ đạo chuyển đổi số xã Tà Tổng giao Trường Tiểu học Kim Đồng phối hợp Văn phòng Thành ủy "
                             "và Ban Chỉ đạo Tỉnh ủy; Nghị quyết của Ban Thường vụ Tỉnh ủy về chuyển đổi số; dữ liệu "
                             "trên Hệ thống quản lý văn bản và điều hành của tỉnh; các trường tiểu học.\n")
    spans = {(e.label, doc.text[e.start:e.end]) for e in rule_entities(doc)}
    assert ("ORG", "Ban Chỉ đạo") in spans and ("LOC", "xã Tà Tổng") in spans  # the remit is not in the name
    assert ("ORG", "Trường Tiểu học Kim Đồng") in spans
    assert ("ORG", "Văn phòng Thành ủy") in spans and ("ORG", "Ban Chỉ đạo Tỉnh ủy") in spans
    assert ("ORG", "Ban Thường vụ Tỉnh ủy") in spans
    assert ("ORG", "Hệ thống quản lý văn bản và điều hành của tỉnh") in spans
    assert not any(text.startswith("trường") for _, text in spans)


def test_officials_and_teachers_named_after_their_role() -> None:
    doc = document_from_text("Cán bộ Mùa A Páo và thầy giáo Vàng A Dế hướng dẫn; công chức Văn phòng - Thống kê tổng hợp.\n")
    people = {doc.text[e.start:e.end] for e in rule_entities(doc) if e.kind == "person"}
    assert people == {"Mùa A Páo", "Vàng A Dế"}


def test_lists_bare_provinces_districts_and_what_is_not_a_unit() -> None:
    doc = document_from_text("Sáp nhập các xã Tà Tổng, Bum Tở và Mù Cả; Bộ phận một cửa huyện Mường Tè phối hợp tại "
                             "Quảng Ngãi (TPHCM) với Tỉnh Đoàn Bắc Ninh; đường Điện Biên Phủ; Cộng hòa xã hội chủ nghĩa "
                             "Việt Nam; các đồng chí Đảng ủy viên; Chủ tịch HĐND xã Hứa Quốc Hưng phát biểu.\n")
    spans = {(e.label, doc.text[e.start:e.end], e.normalized) for e in rule_entities(doc)}
    assert ("LOC", "xã Tà Tổng", "xã Tà Tổng") in spans
    assert ("LOC", "Bum Tở", "xã Bum Tở") in spans and ("LOC", "Mù Cả", "xã Mù Cả") in spans
    assert ("ORG", "Bộ phận một cửa huyện Mường Tè", "Bộ phận một cửa huyện Mường Tè") in spans
    assert ("LOC", "Quảng Ngãi", "Quảng Ngãi") in spans and ("LOC", "TPHCM", "Hồ Chí Minh") in spans
    assert ("ORG", "Tỉnh Đoàn Bắc Ninh", "Tỉnh Đoàn Bắc Ninh") in spans
    assert ("ORG", "HĐND xã", "Hội đồng nhân dân xã") in spans  # a person's name follows, not a commune's
    texts = {text for _, text, _ in spans}
    assert not texts & {"Điện Biên", "xã hội chủ nghĩa Việt Nam", "Đảng ủy"}


def test_cooperatives_and_society_hold_no_commune() -> None:
    doc = document_from_text("Văn phòng HĐND - UBND thị trấn phối hợp Hợp tác xã Hoa cây cảnh Vị Khê bán hàng trên "
                             "Facebook; Phòng Văn hóa và Thông tin huyện Nam Trực hướng dẫn.\n")
    spans = {(e.label, doc.text[e.start:e.end]) for e in rule_entities(doc)}
    assert ("ORG", "Văn phòng HĐND - UBND thị trấn") in spans
    assert ("ORG", "Phòng Văn hóa và Thông tin huyện Nam Trực") in spans and ("ORG", "Facebook") in spans
    assert not any(label == "LOC" for label, _ in spans)


def test_abbreviated_cities_and_numbered_wards() -> None:
    doc = document_from_text("UBND TP. Hồ Chí Minh chỉ đạo UBND Phường 5, Quận 3; tại TP Cần Thơ; 03 phường.\n")
    spans = {(e.label, doc.text[e.start:e.end], e.normalized, e.code) for e in rule_entities(doc)}
    assert ("ORG", "UBND TP. Hồ Chí Minh", "Ủy ban nhân dân thành phố Hồ Chí Minh", 79) in spans
    assert ("ORG", "UBND Phường 5", "Ủy ban nhân dân phường 5", None) in spans
    assert ("LOC", "Quận 3", "quận 3", None) in spans and ("LOC", "TP Cần Thơ", "thành phố Cần Thơ", 92) in spans
    assert len(spans) == 4


def _spans(text: str) -> set[tuple[str, str, str]]:
    doc = document_from_text(text)
    return {(e.label, doc.text[e.start:e.end], e.normalized) for e in rule_entities(doc) if e.kind != "position"}


def test_unit_abbreviations_glued_to_their_name_by_a_dot() -> None:
    spans = _spans("Công an P.Tân Định (TP.HCM) phối hợp UBND Q.Bình Thạnh, Q.7 và TX. Hương Thủy; Sở KH&CN hỗ trợ.\n")
    assert ("LOC", "P.Tân Định", "phường Tân Định") not in spans  # inside the body's name
    assert ("ORG", "Công an P.Tân Định", "Công an phường Tân Định") in spans
    assert ("LOC", "TP.HCM", "thành phố Hồ Chí Minh") in spans
    assert ("ORG", "UBND Q.Bình Thạnh", "Ủy ban nhân dân quận Bình Thạnh") in spans
    assert ("LOC", "Q.7", "quận 7") in spans and ("LOC", "TX. Hương Thủy", "thị xã Hương Thủy") in spans
    assert ("ORG", "Sở KH&CN", "Sở KH&CN") in spans
    assert len(spans) == 6


def test_a_proper_name_ends_where_another_body_or_a_position_begins() -> None:
    # the reflow joins the two header lines; `Q.` before a title is `quyền` (acting), not a district
    spans = _spans("UBND HUYỆN VÕ NHAI PHÒNG VĂN HÓA VÀ THÔNG TIN\nQ. CHỦ TỊCH\n")
    assert spans == {("ORG", "UBND HUYỆN VÕ NHAI", "Ủy ban nhân dân huyện Võ Nhai"),
                     ("ORG", "PHÒNG VĂN HÓA VÀ THÔNG TIN", "Phòng văn hóa và thông tin")}


def test_units_listed_after_a_colon_and_villages_named_with_a_number() -> None:
    spans = _spans("Các xã: Tràng Xá, Dân Tiến và Liên Minh đã có cáp quang; tổ dân phố Hòa Bình 2 và "
                   "thôn Đồng Tâm 12 hộ chưa có.\n")
    assert {("LOC", "Tràng Xá", "xã Tràng Xá"), ("LOC", "Dân Tiến", "xã Dân Tiến"),
            ("LOC", "Liên Minh", "xã Liên Minh")} <= spans
    assert ("LOC", "tổ dân phố Hòa Bình 2", "tổ dân phố Hòa Bình 2") in spans
    assert ("LOC", "thôn Đồng Tâm", "thôn Đồng Tâm") in spans  # `12 hộ` counts households


def test_bodies_of_a_village_and_of_a_province_named_bare() -> None:
    spans = _spans("Chi bộ ấp Phú Hòa, Chi bộ ấp 4 và Viễn thông Lạng Sơn lắp cáp; ngành viễn thông Lạng Sơn phát triển.\n")
    assert {("ORG", "Chi bộ ấp Phú Hòa", "Chi bộ ấp Phú Hòa"), ("ORG", "Chi bộ ấp 4", "Chi bộ ấp 4"),
            ("ORG", "Viễn thông Lạng Sơn", "Viễn thông Lạng Sơn")} <= spans
    assert ("LOC", "Lạng Sơn", "Lạng Sơn") in spans  # the trade is no body: the province stands alone
    assert not any(label == "LOC" and text.startswith("ấp") for label, text, _ in spans)


def test_official_names_with_a_dash_an_apostrophe_or_a_number() -> None:
    spans = _spans("Người dân xã A Lưới 2, xã Ea H’leo, phường Xuân Hương - Đà Lạt và Phường 2 Bảo Lộc.\n")
    assert {("LOC", "xã A Lưới 2", "xã A Lưới 2"), ("LOC", "xã Ea H’leo", "xã Ea H’leo"),
            ("LOC", "phường Xuân Hương - Đà Lạt", "phường Xuân Hương - Đà Lạt"),
            ("LOC", "Phường 2 Bảo Lộc", "phường 2 Bảo Lộc")} == spans


def test_words_holding_a_village_kind_name_no_village() -> None:
    spans = _spans("Cài đặt phiên bản Windows 11, gửi văn bản Hướng dẫn và xây dựng Nông thôn Mới tại bản Mường Pồn.\n")
    assert spans == {("LOC", "bản Mường Pồn", "bản Mường Pồn")}


def test_a_news_bylines_last_line_is_a_person_even_without_a_family_name() -> None:
    assert ("PER", "Minh Khuê", "Minh Khuê") in _spans("UBND xã Quang Sơn trao 20 máy tính cho các thôn.\nMinh Khuê\n")
    assert ("PER", "THU HIỀN", "Thu Hiền") in _spans("Người dân đã quen nộp hồ sơ trực tuyến.\n\nTHU HIỀN\n")
    assert not any(label == "PER" for label, _, _ in _spans("Hội nghị kết thúc lúc 17 giờ.\nThái Nguyên\n"))
    assert not any(label == "PER" for label, _, _ in _spans("Tổng hợp:\nPhòng Nội Vụ\n"))


def test_pieces_are_the_span_rulers_own_spans() -> None:
    # `hits` calls the ruler's phrase matcher without building spaCy spans: the pieces must not change
    doc = document_from_text("UBND P.Tân Định (TP.HCM), Công an xã A Lưới 2, thôn 3 và Sở TT&TT tỉnh Quảng Trị; "
                             "Chủ tịch UBND huyện Hải Lăng, ông Lê Văn Hùng, dùng VNeID và Cổng dịch vụ công.\n")
    parsed = ruler()(doc.match)
    own = [Hit(s.start_char, s.end_char, s.label_, s.id_) for s in parsed.spans[SPANS_KEY]] + regex_hits(doc)
    assert hits(doc) == sorted(own, key=lambda h: (h.start, -h.end, h.label, h.id))
    assert len(own) > 10


def test_commune_bodies_of_defence_health_insurance_radio_and_associations() -> None:
    spans = _spans("Ban Chỉ huy Quân sự xã, Đài Truyền thanh xã Quân Chu, Trung tâm Y tế huyện và BHXH huyện phối hợp "
                   "Hội Người cao tuổi, Ban công tác Mặt trận thôn 5 và Agribank; người dân đóng bảo hiểm xã hội.\n")
    assert spans == {("ORG", "Ban Chỉ huy Quân sự xã", "Ban Chỉ huy Quân sự xã"),
                     ("ORG", "Đài Truyền thanh xã Quân Chu", "Đài Truyền thanh xã Quân Chu"),
                     ("ORG", "Trung tâm Y tế huyện", "Trung tâm Y tế huyện"),
                     ("ORG", "BHXH huyện", "Bảo hiểm xã hội huyện"),
                     ("ORG", "Hội Người cao tuổi", "Hội Người cao tuổi"),
                     ("ORG", "Ban công tác Mặt trận thôn 5", "Ban công tác Mặt trận thôn 5"),
                     ("ORG", "Agribank", "Agribank")}


def test_a_cooperative_is_a_body_up_to_its_last_capitalised_word() -> None:
    spans = _spans("Hợp tác xã Nông nghiệp Dịch vụ Yên Thành và HTX Chè Hảo Đạt mở gian hàng trên sàn Postmart; "
                   "Hợp tác xã rau an toàn thôn 2 bán qua Zalo.\n")
    assert {("ORG", "Hợp tác xã Nông nghiệp Dịch vụ Yên Thành", "Hợp tác xã Nông nghiệp Dịch vụ Yên Thành"),
            ("ORG", "HTX Chè Hảo Đạt", "HTX Chè Hảo Đạt")} <= spans
    assert ("LOC", "thôn 2", "thôn 2") in spans  # a lower-case name is no proper name: the village stands alone
    assert not any(text.startswith("Hợp tác xã rau") for _, text, _ in spans)
    assert not any(label == "ORG" and "tác" in text for label, text, _ in _spans("Xã có 03 hợp tác xã kiểu mới.\n"))


def test_a_unit_kind_glued_to_its_name() -> None:
    spans = _spans("Ủy ban nhân dân xãTân Phú phối hợp với Công an phườngHòa Minh; tỉnhQuảng Trị hỗ trợ.\n")
    assert {("ORG", "Ủy ban nhân dân xãTân Phú", "Ủy ban nhân dân xã Tân Phú"),
            ("ORG", "Công an phườngHòa Minh", "Công an phường Hòa Minh"),
            ("LOC", "tỉnhQuảng Trị", "tỉnh Quảng Trị")} == spans
    assert ruler().make_doc("khuyến học khung")[0].text == "khuyến"  # a plain `khu` goes on in other syllables


def test_a_given_name_alone_after_ong_or_ba_names_the_person_named_in_full_before() -> None:
    text = ("Ông Trần Văn Quang, Chủ tịch UBND xã, và bà Lê Thị Hoa dự hội nghị. Theo ông Quang, xã đã lắp 12 camera; "
            "bà Hoa cho biết người dân đồng tình. Ông Bình và bà Lan chưa phát biểu.\n")
    people = {(text, norm) for label, text, norm in _spans(text) if label == "PER"}
    assert {("Quang", "Trần Văn Quang"), ("Hoa", "Lê Thị Hoa")} <= people
    assert not {name for name, _ in people} & {"Bình", "Lan"}  # never named in full
    assert ("Quang", "Trần Văn Quang") not in {(t, n) for lbl, t, n in _spans("Ông Quang dự họp. Ông Trần Văn Quang.\n")
                                                if lbl == "PER"}  # only a name given before


def test_the_rulers_vocabulary_computes_only_the_attribute_it_matches_on() -> None:
    # a new string's lexeme gets LOWER alone (not the `xx` defaults' 24 attributes): the matcher reads nothing else
    from spacy.attrs import LOWER

    nlp = ruler()
    assert nlp.get_pipe("span_ruler").phrase_matcher_attr == "LOWER"
    assert set(nlp.vocab.lex_attr_getters) == {LOWER}
    assert nlp.vocab["Số-Mới-9371"].lower_ == "số-mới-9371"
    doc = document_from_text("Mã 7Q-93KX-551 và 0048123 của UBND xã Phượng Tiến.\n")
    assert [(h.label, doc.text[h.start : h.end]) for h in hits(doc) if h.label in ("BODY", "UNIT")] == [
        ("BODY", "UBND"), ("UNIT", "xã Phượng Tiến")]
