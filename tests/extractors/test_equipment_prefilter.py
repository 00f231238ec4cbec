"""The equipment mention pattern's prefilter (`MENTION_STARTS`) admits every position where a
mention can begin, and the prefiltered pattern finds exactly the mentions of the plain one."""

from collections import defaultdict

import regex

from extractors.equipment.items import MENTION, MENTION_PATTERN, MENTION_STARTS
from pipeline.build import document_from_text
from tests.conftest import RAW

PLAIN = regex.compile(MENTION_PATTERN)
DIGIT = regex.compile(r"\d")
ALPHABET = [chr(i) for i in [*range(0x250), *range(0x1E00, 0x1F00), *range(0x2000, 0x200B), 0x3000, 0x2028, 0x2029]]
"""Latin, Vietnamese and every whitespace: what the matching form is made of."""


def test_the_prefilter_is_every_pair_a_mention_can_begin_with():
    # nothing before the string: the pattern's lookbehinds are all negative, so this is the
    # most permissive context, and a partial match says some continuation could match
    pairs: dict[str, str] = defaultdict(str)
    for a in ALPHABET:
        if DIGIT.fullmatch(a) or not PLAIN.match(a, partial=True):
            continue
        pairs[a] = "".join(b for b in ALPHABET if PLAIN.match(a + b, partial=True))
    derived = tuple(f"{a}{b}" if len(b) == 1 else f"{a}[{b}]" for a, b in sorted(pairs.items()))
    assert derived == MENTION_STARTS, "regenerate MENTION_STARTS in extractors/equipment/items.py"


def test_the_prefiltered_pattern_finds_what_the_plain_one_finds():
    texts = [p.read_text("utf-8") for p in sorted(RAW.glob("*.txt"))]
    texts.append("Xã có 02 bộ máy tính để bàn, hai máy in và 1.200 máy chủ; còn thiếu 01 máy scan, 3 ti vi, "
                 "năm 2024 máy tính; Phòng 2 máy in; máy photocopy 01 chiếc; điểm cầu trực tuyến; ups; đường truyền")
    for text in texts:
        match = document_from_text(text).match

        def found(pattern, m=match):
            return [(x.span(), sorted(k for k, v in x.groupdict().items() if v)) for x in pattern.finditer(m)]

        assert found(MENTION) == found(PLAIN)
