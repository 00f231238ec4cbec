"""The commune a report is by or about: its own voice wins, passing mentions never count."""

from __future__ import annotations

from extractors import report_commune as rc
from pipeline.build import document_from_text


def _commune(text: str) -> str | None:
    found, _ = rc.commune(document_from_text(text))
    return found.name if found else None


def test_a_news_text_about_one_commune_gives_it() -> None:
    text = ("Phường Tân Hưng đẩy mạnh dịch vụ công trực tuyến\n"
            "Sáng 14/6, UBND phường Tân Hưng tổ chức hội nghị sơ kết. Năm nay phường Tân Hưng đã số hóa 95% hồ sơ.\n")
    assert _commune(text) == "Tân Hưng"


def test_venues_recipients_and_lists_are_passing_mentions() -> None:
    text = ("Tỉnh Đoàn trao tặng máy tính cho cơ sở\n"
            "Ngày 3/4, tại xã Hòa Phú, Tỉnh Đoàn trao 20 máy tính; trước đó đã tặng xã Tân Lập 10 máy.\n"
            "Các xã Hòa Phú, Tân Lập đều đã nhận đủ thiết bị.\n")
    assert _commune(text) is None


def test_a_text_naming_two_communes_equally_has_none() -> None:
    text = "UBND xã Tân Lập và UBND xã Hòa Phú cùng triển khai. Xã Tân Lập đạt 90%, xã Hòa Phú đạt 85%.\n"
    assert _commune(text) is None


def test_a_district_report_is_not_a_commune_s() -> None:
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN ĐÔNG SƠN\nSố: 33/BC-UBND\nBÁO CÁO\nKết quả chuyển đổi số\n"
            "1. UBND xã Đông Hòa đã số hóa 100% hồ sơ; xã Đông Hòa được khen thưởng.\n")
    assert _commune(text) is None


def test_the_reporting_body_in_the_body_gives_the_commune() -> None:
    text = ("Kết quả cải cách hành chính\nThực hiện chỉ đạo của huyện, UBND xã Quảng Phú báo cáo kết quả như sau:\n"
            "1. Trong tháng, xã Hòa Phú được hỗ trợ 2 máy tính.\n")
    assert _commune(text) == "Quảng Phú"


def test_header_commune_wins_over_the_place_of_the_date_line() -> None:
    text = "ỦY BAN NHÂN DÂN\nXÃ TÂN HƯNG\nSố: 5/BC-UBND\nHòa Phú, ngày 02 tháng 3 năm 2025\nBÁO CÁO\nKết quả\n"
    assert _commune(text) == "Tân Hưng"
