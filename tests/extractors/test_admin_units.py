"""Tests of the commune/province lookup: folding, shared names, clues, pre-merger names."""

from __future__ import annotations

from extractors import admin_units as au


def _clue(province: str, strong: bool) -> au.ProvinceClue:
    unit = au.province_named(province)
    assert unit is not None
    return au.ProvinceClue(unit, province, 0, strong)


def test_fold_name_drops_prefix_case_tone_and_dashes() -> None:
    assert au.fold_name("XÃ PHƯỚC GIANG") == "phước giang"
    assert au.fold_name("Xã Hoà An") == au.fold_name("xã Hòa An") == "hòa an"
    assert au.fold_name("Phường Văn Miếu - Quốc Tử Giám") == au.fold_name("phường Văn Miếu – Quốc Tử Giám")
    assert au.fold_name("Thành phố Hải Phòng") == "hải phòng"


def test_index_holds_the_official_post_merger_list() -> None:
    assert sum(len(units) for units in au._ward_index().values()) == 3321
    assert len(au._provinces()) == 34


def test_seed_communes_resolve_to_their_codes() -> None:
    for name, code, province in (("Phượng Tiến", 5563, 19), ("Gia Phúc", 11050, 31), ("Phước Giang", 21370, 51)):
        res = au.resolve(name, "xã", [])
        assert (res.unit.code, res.unit.province_code, res.match) == (code, province, "exact")


def test_province_names_fold_the_thanh_pho_prefix() -> None:
    assert au.province_named("Hải Phòng").code == 31
    assert au.province_named("THÀNH PHỐ HẢI PHÒNG").name == "Thành phố Hải Phòng"
    assert au.province_named("tỉnh Thái Nguyên").code == 19
    assert au.province_named("TP. HCM").code == 79


def test_known_prefix_takes_the_longest_known_name() -> None:
    assert au.known_prefix(["Thái", "Nguyên", "về"], au.is_province_name) == 2
    assert au.known_prefix(["Phượng", "Tiến", "Báo"], au.is_commune_name) == 2
    assert au.known_prefix(["Không", "Có"], au.is_commune_name) == 0


def test_shared_name_without_clue_is_ambiguous_without_codes() -> None:
    res = au.resolve("Bình Minh", "xã", [])
    assert res.match == "ambiguous" and res.unit is None
    assert "5 communes" in res.warning


def test_shared_name_with_a_strong_clue_is_exact() -> None:
    res = au.resolve("Bình Minh", "xã", [_clue("Nghệ An", strong=True)])
    assert (res.unit.code, res.unit.province_name, res.match) == (17515, "Nghệ An", "exact")


def test_shared_name_with_a_weak_clue_is_inferred() -> None:
    res = au.resolve("Bình Minh", "xã", [_clue("Thái Nguyên", False), _clue("Ninh Bình", False)])
    assert (res.unit.code, res.match, res.clue.written) == (14623, "inferred", "Ninh Bình")


def test_kind_separates_a_phuong_from_a_xa() -> None:
    assert [u.code for u in au.communes_named("Kim Liên", "phường")] == [226]
    assert [u.code for u in au.communes_named("Kim Liên", "xã")] == [17971]
    assert len(au.communes_named("Kim Liên")) == 2


def test_hoa_tone_variants_match_one_unit() -> None:
    res = au.resolve("Hòa An", "xã", [_clue("Tuyên Quang", True)])
    assert (res.unit.code, res.unit.name) == (2353, "Xã Hoà An")
    assert au.resolve("Ứng Hoà", "xã", []).unit.code == au.resolve("Ứng Hòa", "xã", []).unit.code


def test_pre_merger_name_gives_none_with_a_warning() -> None:
    res = au.resolve("Đu", "thị trấn", [_clue("Thái Nguyên", True)])
    assert res.match == "none" and res.unit is None
    assert "pre-merger" in res.warning


def test_unique_commune_in_another_province_than_the_clue_warns() -> None:
    res = au.resolve("Phượng Tiến", "xã", [_clue("Hải Phòng", True)])
    assert res.unit.code == 5563 and res.match == "exact"
    assert "Thái Nguyên" in res.warning


def test_pre_merger_province_names_point_to_the_province_that_took_them_in() -> None:
    assert au.province_named("tỉnh Hà Giang").name == "Tuyên Quang"
    assert au.province_named("TỈNH BẮC GIANG").code == au.province_named("Bắc Ninh").code
    assert au.province_named("Bà Rịa – Vũng Tàu").name == "Thành phố Hồ Chí Minh"
    assert au.province_named("Hoà Bình").name == "Phú Thọ"


def test_pre_merger_province_clue_agrees_with_the_commune() -> None:
    res = au.resolve("Bình Minh", "xã", [_clue("Nam Định", strong=True)])
    assert (res.unit.code, res.unit.province_name, res.match, res.clue.written) == (14623, "Ninh Bình", "exact", "Nam Định")
