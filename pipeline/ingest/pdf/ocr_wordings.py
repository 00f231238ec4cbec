"""Vocabulary wordings read back where Tesseract damaged their tone marks (`máy tính đế bàn`,
`Õ cứng`): a run of words whose letters, marks set aside, are those of exactly one known
wording is written as that wording.

Only wordings that cannot be mistaken are used: device nouns of three words or more and the
header mottos (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` read `CHÚ NGHĨA`, `ĐẢNG CỘNG SẢN` read
`ĐÁNG CỘNG SÁN`: a damaged motto is no longer seen as one, and becomes the issuer) anywhere,
and in the header row of a scanned table, the column headings of the equipment vocabulary of two words or more (`ổ cứng`, `hệ điều hành`). Letters shared by two
wordings map to none. The wordings come from the vocabulary's own patterns
(`extractors.phrase_patterns`), alternative by alternative; an alternative that is not plain
wording (a lookaround) is left out."""

from __future__ import annotations

import unicodedata
from functools import cache

import regex

from extractors.phrase_patterns import Untranslatable, wordings
from extractors.vocab.devices import DEVICE_NOUNS
from extractors.vocab.document_parts import MOTTOS
from extractors.vocab.specs import SPEC_LABELS, TABLE_COLUMNS
from pipeline.textforms import fold

BODY_WORDS = 3
"""Fewest words of a wording repaired in running text and body cells."""
HEADER_WORDS = 2
"""Fewest words of a column heading repaired in a table's header row."""


def base(text: str) -> str:
    """Each character as its lower-case base letter, marks set aside (`Đ`→`d`): same length as `text`."""
    return "".join(_base_char(c) for c in text)


@cache
def _base_char(char: str) -> str:
    bare = unicodedata.normalize("NFD", "d" if char in "Đđ" else char)[0].lower()
    return bare if len(bare) == 1 else char


def unmarked(text: str) -> str:
    """Letters without their marks, lower case, one space between words (`PHÓ CHỦ  TỊCH` → `pho chu tich`)."""
    return " ".join(base(text).split())


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (`a|(?:b|c)d` → `a`, `(?:b|c)d`)."""
    parts, depth, start = [], 0, 0
    k = 0
    while k < len(pattern):
        char = pattern[k]
        if char == "\\":
            k += 2
            continue
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            parts.append(pattern[start:k])
            start = k + 1
        k += 1
    return [*parts, pattern[start:]]


def _wordings_of(patterns: list[str], fewest: int) -> list[str]:
    found = []
    for pattern in patterns:
        for alternative in alternatives(pattern):
            try:
                found += [w for w in wordings(alternative) if len(w.split()) >= fewest]
            except Untranslatable:
                continue
    return found


@cache
def _matcher(header: bool) -> tuple[regex.Pattern[str], dict[str, str]]:
    """A regex over the unmarked form finding the known wordings, and each one's written form."""
    found = _wordings_of([p.pattern for p in (*DEVICE_NOUNS, *MOTTOS)], BODY_WORDS)
    if header:
        found += _wordings_of([*SPEC_LABELS.values(), *TABLE_COLUMNS.values()], HEADER_WORDS)
    by_letters: dict[str, set[str]] = {}
    for wording in found:
        by_letters.setdefault(unmarked(wording), set()).add(wording)
    known = {letters: next(iter(w)) for letters, w in by_letters.items() if len(w) == 1}
    keys = sorted(known, key=len, reverse=True)
    pattern = r"(?<!\w)(?:" + "|".join(r"\s+".join(map(regex.escape, k.split())) for k in keys) + r")(?!\w)"
    return regex.compile(pattern), known


def repair_wordings(text: str, header: bool = False) -> str:
    """`text` with each known wording whose marks were damaged written as the wording, in the case it was read in."""
    matcher, known = _matcher(header)
    out, last = [], 0
    for m in matcher.finditer(base(text)):
        read = text[m.start():m.end()]
        wording = known[unmarked(m.group())]
        if " ".join(fold(read).split()) == wording:  # read right (`HOÀ` is `hòa` written the old way)
            continue
        out += [text[last:m.start()], cased(wording, read)]
        last = m.end()
    return "".join(out) + text[last:] if out else text


def cased(wording: str, read: str) -> str:
    """The wording in the case it was read in, letter by letter (`Độc lập - Tự do`), its
    spacing as read (both have the same letters, marks set aside, one for one)."""
    letters = iter(wording.replace(" ", ""))
    return "".join(ch if ch.isspace() else (next(letters).upper() if ch.isupper() else next(letters).lower()) for ch in read)
