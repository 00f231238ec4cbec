"""The equipment mention pattern's prefilters (`MENTION_STARTS`, and `MENTION_PREFIXES` with which
`mentions_in` picks the positions to try) admit every position where a mention can begin, and
the prefiltered scans find exactly the mentions of the plain pattern."""

from collections import defaultdict

import regex

from extractors.equipment.items import _CANDIDATE, MENTION, MENTION_PATTERN, MENTION_STARTS, mentions_in
from pipeline.build import document_from_text
from tests.conftest import RAW

PLAIN = regex.compile(MENTION_PATTERN)
DIGIT = regex.compile(r"\d")
ALPHABET = [chr(i) for i in [*range(0x250), *range(0x1E00, 0x1F00), *range(0x2000, 0x200B), 0x3000, 0x2028, 0x2029]]
"""Latin, Vietnamese and every whitespace: what the matching form is made of."""
WIDER = [*ALPHABET, *"\x85\u1680\u202f\u205f²−“中\u0300٣"]
"""With the rest of the white space the `regex` module knows, and a few characters of other
kinds (a superscript, a minus sign, a quote, a CJK ideograph, a combining mark, an Arabic digit)."""


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


def test_the_candidate_positions_admit_every_start_of_three_characters():
    """Extend each partial match a character at a time up to three: every string a mention can
    begin with (or be, when shorter) must be a candidate position for `mentions_in`."""
    level = [a for a in WIDER if PLAIN.match(a, partial=True)]
    starts = [a for a in level if not PLAIN.match(a, partial=True).partial]
    for _ in range(2):
        level = [s + b for s in level for b in WIDER if PLAIN.match(s + b, partial=True)]
        starts += [s for s in level if len(s) < 3 and not PLAIN.match(s, partial=True).partial]
    starts += [s for s in level if len(s) == 3]
    assert len(starts) > 100
    missed = [s for s in starts if not _CANDIDATE.match(s)]
    assert not missed, "add these starts to MENTION_PREFIXES in extractors/equipment/items.py"


def test_mentions_in_finds_what_finditer_finds():
    text = ("Xã có 02 bộ máy tính để bàn, hai máy in và 1.200 máy chủ; còn thiếu 01 máy scan, 3 ti vi, "
            "năm 2024 máy tính; Phòng 2 máy in; máy photocopy 01 chiếc; điểm cầu trực tuyến; ups; pc, ki-ốt, "
            "٣ máy quét, 1-2 máy fax, thiết bị họp trực tuyến 04 bộ; máy tính xách tay: 05")
    match = document_from_text(text).match
    for start, end in [(0, len(match)), (3, 60), (7, len(match)), (40, 41), (50, 120)]:
        assert [(m.span(), m.groupdict()) for m in mentions_in(match, start, end)] == [
            (m.span(), m.groupdict()) for m in MENTION.finditer(match, start, end)]
    assert len(list(mentions_in(match, 0, len(match)))) >= 12
