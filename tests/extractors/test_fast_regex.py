"""The findings' patterns run on `re` only where `re` finds exactly what `regex` finds."""

import re
import sys

import pytest
import regex

import extractors.finding_addressee as finding_addressee
import extractors.finding_parts as finding_parts
import extractors.finding_sentences as finding_sentences
import extractors.findings as findings
from extractors.fast_regex import fast_compiled, for_re, written_as
from pipeline.textforms import fold

EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)

SENTENCES = [
    "2. Khó khăn, vướng mắc: hạ tầng mạng tại thôn Nà Mòn còn yếu; máy tính cấu hình thấp.",
    "- Một số hạn chế sau:\n+ Cán bộ kiêm nhiệm nhiều việc, kỹ năng số của người dân còn hạn chế.",
    "Đề nghị UBND tỉnh quan tâm bố trí kinh phí mua máy scan (nâng cấp thiết bị, hạ tầng mạng).",
    "Tuy nhiên, việc kết nối liên thông dữ liệu giữa các phần mềm chưa ổn định.",
    "III. ĐỀ XUẤT, KIẾN NGHỊ\n1. Đối với Sở Tài chính: hỗ trợ chi phí duy trì chữ ký số.",
    "Nguyên nhân là do đường truyền internet thường xuyên gián đoạn\u2028vào mùa mưa.",
    "a) Những tồn tại\n* Trụ sở chật hẹp, chưa có phòng máy riêng \x1c tổ 12; năm 2025 đạt 85 %.",
    "Xã Cam Lộ kiến nghị Trung tâm Chuyển đổi số tỉnh sớm hướng dẫn sử dụng nền tảng VNeID.",
]


def _patterns() -> list[tuple[str, object]]:
    found = []
    for module in (findings, finding_parts, finding_sentences, finding_addressee):
        for name, value in vars(module).items():
            values = [item[1] for item in value] if isinstance(value, list) and value and isinstance(value[0], tuple) else [value]
            found += [(f"{module.__name__}.{name}", v) for v in values if written_as(v)]
    return found


@pytest.mark.parametrize(("written", "meant"), [(r"[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]", r"\s"),
                                                 (for_re(r"\S"), r"\S"), (for_re(r"\d"), r"\d"), (for_re(r"[^\d]"), r"\D")])
def test_written_out_classes_hold_what_regex_means(written, meant):
    assert re.findall(for_re(meant), EVERY_CHARACTER) == regex.findall(meant, EVERY_CHARACTER)
    assert re.findall(written, EVERY_CHARACTER) == regex.findall(meant, EVERY_CHARACTER)


def test_escapes_the_engines_read_otherwise_keep_regex():
    for pattern in (r"\bxã\b", r"\w+", r"(?<![\p{L}])xã", r"(?<![A-ZĐ]{1,4})\.", r"[^\S]"):
        assert written_as(fast_compiled(pattern)) is None
    assert written_as(fast_compiled(r"kinh\s+phí|[]x]\d")) == r"kinh\s+phí|[]x]\d"


def test_most_findings_patterns_moved_to_re():
    assert len(_patterns()) >= 30


@pytest.mark.parametrize("text", SENTENCES)
def test_each_moved_pattern_finds_what_regex_finds(text):
    folded = fold(text)
    for name, pattern in _patterns():
        slow = regex.compile(written_as(pattern))
        for at in range(len(folded)):
            fast, want = pattern.match(folded, at), slow.match(folded, at)
            assert (fast and (fast.span(), fast.groups())) == (want and (want.span(), want.groups())), (name, at)
        assert [m.span() for m in pattern.finditer(folded)] == [m.span() for m in slow.finditer(folded)], name

