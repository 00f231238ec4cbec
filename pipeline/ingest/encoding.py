"""Decoding text files, and spotting Vietnamese written in legacy 8-bit fonts.

Text files from commune offices come as UTF-8 (with or without BOM), UTF-16 from Windows
tools, or Windows-1258. The decoder never guesses silently: it returns the encoding it used,
and the caller records anything other than UTF-8 as a warning. Text typed with TCVN3 (.Vn
fonts) or VNI fonts decodes without error but reads as mojibake (`§¶ng ñy`); it is detected
here so that it is reported instead of being emitted as data."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from pipeline.ingest.base import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_VIETNAMESE = set(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)
_COMMON_SYMBOLS = set("–—‘’“”…•·°±×÷€§©®™→←↑↓−‐")


def _control_share(text: str) -> float:
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f\v")
    return bad / max(len(text), 1)


def _vietnamese_share(text: str) -> float:
    """Share of non-ASCII letters that belong to the Vietnamese alphabet (NFC)."""
    import unicodedata

    chars = [c for c in unicodedata.normalize("NFC", text) if ord(c) > 127 and c not in _COMMON_SYMBOLS]
    return sum(c in _VIETNAMESE for c in chars) / len(chars) if chars else 1.0


def looks_like_legacy_font(text: str) -> bool:
    """True when the text reads like TCVN3/VNI mojibake: many non-ASCII characters that are
    not Vietnamese letters (`§`, `¶`, `ø`, `ñ`, ...)."""
    non_ascii = sum(1 for c in text if ord(c) > 127 and c not in _COMMON_SYMBOLS)
    return non_ascii >= 10 and _vietnamese_share(text) < 0.6


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text file; returns (text, encoding used). Raises InputError for binary data."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise InputError("binary_file", "the file is binary, not text (it contains NUL bytes)")
    candidates = ["cp1258"]
    best = from_bytes(data).best()
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    decoded = []
    for enc in candidates:
        try:
            decoded.append((_vietnamese_share(data.decode(enc)), enc))
        except (UnicodeDecodeError, LookupError):
            continue
    if not decoded:
        raise InputError("unknown_encoding", "the text encoding could not be recognised (not UTF-8, UTF-16 or Windows-1258)")
    _, enc = max(decoded)
    text = data.decode(enc)
    if _control_share(text) > 0.01:
        raise InputError("binary_file", "the file is binary, not text")
    return text, enc
