"""Vietnamese typed in legacy 8-bit font encodings (TCVN3/ABC, VNI, VISCII), back to Unicode.

Older commune offices still type in `.VnTime` (TCVN3) or `VNI-Times` fonts: the file stores
Latin-1 characters that only the font draws as Vietnamese, so the text reads as mojibake
(`§¶ng ñy`, `Vieät Nam`). The tables here are written from the published layouts (TCVN
5712:1993 VN3, the VNI-Windows key sequences, RFC 1456 for VISCII); `tests/ingest/
test_legacy_encodings.py` checks them against the system's iconv where it has the charset.

Which encoding a text uses is decided by converting it with each and counting the words that
come out as well-formed Vietnamese syllables: correct Unicode text is left alone, and a text is
converted only when one encoding clearly reads better than the text as it is.

TCVN3 has no capitals with tone marks: `.VnTimeH` draws the lower-case codes as capitals. Case
is restored where it is certain: a run in an `...H` font, or a line whose Latin letters are
all capitals (a header typed in `.VnTimeH`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import cache, lru_cache, partial

TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
"""grave, hook above, tilde, acute, dot below: the order of each TCVN3 row."""

_TCVN3_ROWS = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9), "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB), "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6), "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4), "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE), "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9), "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_PLAIN = dict(zip(range(0xA1, 0xAF), "ĂÂÊÔƠƯĐăâêôơưđ", strict=True))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _tcvn3_table() -> dict[str, str]:
    table = {chr(b): ch for b, ch in _TCVN3_PLAIN.items()}
    for base, codes in _TCVN3_ROWS.items():
        for code, tone in zip(codes, TONES, strict=True):
            table[chr(code)] = _nfc(base + tone)
    return table


TCVN3 = _tcvn3_table()
"""TCVN3 (ABC) character (as Latin-1/cp1252 shows it) → Unicode."""

_VNI_TONES = {"ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ù": "\u0301", "ï": "\u0323"}
_VNI_HATS = {"â": "\u0302", "à": "\u0302\u0300", "å": "\u0302\u0309", "ã": "\u0302\u0303", "á": "\u0302\u0301",
             "ä": "\u0302\u0323", "ê": "\u0306", "è": "\u0306\u0300", "ú": "\u0306\u0309", "ü": "\u0306\u0303",
             "é": "\u0306\u0301", "ë": "\u0306\u0323"}
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VNI_MARKS = {**_VNI_TONES, **_VNI_HATS}
_VNI_CODE = re.compile("([aeouyôö])([" + "".join(_VNI_MARKS) + "])|([" + "".join(_VNI_SINGLE) + "])", re.IGNORECASE)
"""A vowel and its mark(s), or a letter VNI types as one code: one pass, so a composed letter
is never read again as a code."""


def _vni_code(m: re.Match[str]) -> str:
    if m.group(3):
        return _case_like(_VNI_SINGLE[m.group(3).lower()], m.group(3))
    base, mark = m.group(1), m.group(2).lower()
    if base.lower() in "ôö":
        if mark not in _VNI_TONES:
            return m.group(0)
        base = _case_like(_VNI_SINGLE[base.lower()], base)
    elif mark in _VNI_HATS and base.lower() not in ("aeo" if mark in "âàåãáä" else "a"):
        return m.group(0)  # a circumflex only on a/e/o, a breve only on a
    return _nfc(base + _VNI_MARKS[mark])


def _case_like(ch: str, model: str) -> str:
    return ch.upper() if model.isupper() else ch


def _vni(text: str) -> str:
    return _VNI_CODE.sub(_vni_code, text)


VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡư"
    "àáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ"
)
"""VISCII bytes 0x80-0xFF (RFC 1456); six capitals sit among the control codes (`_VISCII_LOW`)."""
_VISCII_LOW = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}


def _viscii_bytes(data: bytes) -> str:
    return "".join(VISCII_HIGH[b - 0x80] if b >= 0x80 else _VISCII_LOW.get(b, chr(b)) for b in data)


_TCVN3_TRANSLATION = str.maketrans(TCVN3)


def _tcvn3(text: str) -> str:
    return text.translate(_TCVN3_TRANSLATION)


CONVERTERS = {"TCVN3": _tcvn3, "VNI": _vni}
"""Text-level converters: the text as Latin-1/cp1252 shows the legacy font's codes."""

# --- which encoding ------------------------------------------------------------------------
_ONSET = "ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx]"
_NUCLEUS = ("uyê|uyu|uya|ươi|ươu|uôi|oai|oay|oao|oeo|uây|iêu|yêu|ươ|uô|iê|yê|ưa|ưi|ưu|ua|uâ|uê|ui|uơ|uy|ia|iu|"
            "oa|oă|oe|oi|ôi|ơi|oo|ai|ao|au|ay|âu|ây|eo|êu|[aăâeêioôơuưy]")
_SYLLABLE = re.compile(f"(?:{_ONSET})?(?:{_NUCLEUS})(?:ch|nh|ng|[cmnpt])?")
_WORD = re.compile(r"\w+")
_TONE_MARKS = set(TONES)
MIN_WORDS = 5
"""Fewer non-ASCII words than this: too little evidence to call a text legacy-encoded."""
MARGIN = 0.3
"""How much better a conversion must read than the text as it is."""


@lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable (onset, vowel nucleus, coda, one tone mark)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONE_MARKS for c in decomposed) > 1:
        return False
    bare = _nfc("".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(bare) is not None


def syllable_share(text: str) -> tuple[float, int]:
    """Share of the words with a non-ASCII character that are well-formed Vietnamese
    syllables, and how many such words there are."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if not words:
        return 1.0, 0
    return sum(map(is_syllable, words)) / len(words), len(words)


def _best(candidates: Mapping[str, Callable[[], str]], current: str) -> str | None:
    """The encoding whose conversion reads clearly better than `current`, if any. Each
    candidate is converted only when it is scored: most texts stop before any conversion."""
    now, count = syllable_share(current)
    if count < MIN_WORDS or now + MARGIN > 1.0:  # no share exceeds 1.0: nothing can read clearly better
        return None
    scored = {name: syllable_share(text())[0] for name, text in candidates.items()}
    name = max(scored, key=lambda n: scored[n])
    return name if scored[name] >= now + MARGIN and scored[name] >= 0.7 else None


def detect_text(text: str) -> str | None:
    """The legacy encoding (`TCVN3`, `VNI`) a Unicode string is typed in, or None."""
    return _best({name: partial(convert, text, name) for name in CONVERTERS}, text)


def repair_text(text: str) -> tuple[str, str | None]:
    """A whole text typed in a legacy font, converted (case restored for TCVN3), with the
    encoding's name; the text unchanged and None when it is not legacy-encoded."""
    name = detect_text(text)
    if name is None:
        return text, None
    converted = convert(text, name)
    return (restore_case(converted) if name == "TCVN3" else converted), name


def convert(text: str, encoding: str) -> str:
    """`text` (legacy codes shown as Latin-1) converted from `encoding` to Unicode NFC."""
    return _nfc(CONVERTERS[encoding](text))


def decode_bytes(data: bytes, current: str) -> tuple[str, str] | None:
    """(text, encoding) when the bytes of a text file read better as TCVN3, VNI or VISCII
    than as `current` (the text another decoder produced); None otherwise."""
    try:  # the legacy fonts' codes as Windows shows them (dashes and quotes in 0x80-0x9F)
        latin = data.decode("cp1252")
    except UnicodeDecodeError:
        latin = data.decode("latin-1")
    candidates: dict[str, Callable[[], str]] = {name: cache(partial(convert, latin, name)) for name in CONVERTERS}
    candidates["VISCII"] = cache(lambda: _nfc(_viscii_bytes(data)))
    name = _best(candidates, current)
    return (restore_case(candidates[name]()) if name == "TCVN3" else candidates[name](), name) if name else None


_LATIN = re.compile(r"[A-Za-z]")


def _between_capitals(word: str) -> bool:
    """A TCVN3 lower-case letter in a word with two or more Latin capitals (`HòA`) or before a
    Latin capital (`ủY`): a capital, since no word mixes case that way."""
    capitals = [i for i, c in enumerate(word) if c.isascii() and c.isupper()]
    lower = [i for i, c in enumerate(word) if not c.isascii() and c.islower()]
    return bool(lower) and (len(capitals) >= 2 or any(i > lower[0] for i in capitals))


def _capital_word(token: str) -> bool:
    """A word of capitals only, one of them Vietnamese (`THƯ`, `ĐẢNG`): not a code (`QĐ-UBND`)."""
    return len(token) >= 2 and token.isalpha() and token.isupper() and not token.isascii()


def restore_case(text: str) -> str:
    """TCVN3 capitals: a line whose Latin letters are all capitals and which has a word with a
    tone-marked letter among capitals (`HòA`, `ủY`) or a word of capitals with a Vietnamese one
    (`Bí THƯ`) is a header typed in a `...H` font, so it is upper-cased whole. `Số: 15/BC-UBND` stays as it is: `Số` alone could be either."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        letters = _LATIN.findall(line)
        if letters and all(c.isupper() for c in letters) and (
                any(_between_capitals(w) for w in _WORD.findall(line)) or any(map(_capital_word, line.split()))):
            lines[i] = line.upper()
    return "\n".join(lines)


def warning(encoding: str) -> str:
    """The document warning that names the conversion."""
    return f"the text was typed in the legacy {encoding} font encoding and was converted to Unicode"


def repair_file(data: bytes, text: str, encoding: str) -> tuple[str, str | None]:
    """A text file's text, converted when it is typed in a legacy font, with the encoding's
    name (None when it is not). A file decoded as UTF-8/16 holds the font's codes as
    characters; a file decoded with an 8-bit code page is read again from its bytes."""
    if encoding.startswith("utf"):
        return repair_text(text)
    found = decode_bytes(data, text)
    return found if found else (text, None)


def _vni_codes() -> dict[str, str]:
    """Unicode letter → VNI codes, found by running the decoder over every code it knows
    (marks in the case of their letter, as VNI keyboards type them)."""
    codes: dict[str, str] = {}
    for single in _VNI_SINGLE:
        for code in (single, single.upper()):
            codes.setdefault(_vni(code), code)
    for base in "aeiouyôö":
        for mark in _VNI_MARKS:
            for b, m in ((base, mark), (base.upper(), mark.upper())):
                out = _vni(b + m)
                if len(out) == 1:
                    codes.setdefault(out, b + m)
    return codes


_TO_VNI = _vni_codes()
_TO_TCVN3 = {v: k for k, v in TCVN3.items()}


def encode(text: str, encoding: str) -> str:
    """Unicode text as a legacy font stores it (shown as Latin-1): TCVN3 writes capitals with
    tone marks as lower case, as a `.VnTimeH` header does. For renditions and tests."""
    text = _nfc(text)
    if encoding == "VNI":
        return "".join(_TO_VNI.get(c, c) for c in text)
    return "".join(_TO_TCVN3.get(c) or _TO_TCVN3.get(c.lower(), c) for c in text)


_TO_VISCII = {**{ch: bytes([0x80 + k]) for k, ch in enumerate(VISCII_HIGH)}, **{ch: bytes([b]) for b, ch in _VISCII_LOW.items()}}
_ASCII_FOR = str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "\u00a0": " "})
"""Typography VISCII has no code for, as a VISCII typist would type it."""


def encode_viscii(text: str) -> bytes:
    """Unicode text as a VISCII file holds it (other characters without a code become `?`). For renditions and tests."""
    text = _nfc(text).translate(_ASCII_FOR)
    return b"".join(_TO_VISCII.get(c) or (c.encode("ascii") if c.isascii() else b"?") for c in text)
