"""Repairs of typical OCR damage to Vietnamese reports, only where a rule can be sure.

Codes and numbers matter most (a document number, a date, a count): Tesseract confuses `0`
and `O`, `1` with `l`/`I`/`|`, reads the Icelandic `Ð` for `Đ` and `¡` for `i`, and breaks the `/` of a code
(`15 /BC-UBND`, `15|BC-UBND`). A character is changed only inside a token whose shape leaves
one reading: digits with one look-alike letter among them, the number part and the capitals
part of a document code, a date with its slashes.

Tesseract also drops or changes the tone marks of capitals (`PHO CHU TICH`). A line that is
only a signer title in capitals, maybe after its authority marker, is mapped back to the title
whose letters it has once marks are set aside; only titles of two words or more, and only
where exactly one known title (`extractors.vocab.signers`) has those letters."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from extractors.vocab.signers import AUTHORITY, title_wordings

_TO_DIGIT = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_TO_CAPITAL = str.maketrans({"0": "O"})
_NUMBER = re.compile(r"(?<![\w/.,-])[0-9OolI|]{2,}(?![\w/-])")
"""A token of digits and look-alike letters standing alone (`2O24`, `l5`)."""
_CODE = re.compile(r"\b([0-9OolI]{1,4})\s?[/|]\s?((?:[A-ZĐ0&]{1,8})(?:-[A-ZĐ0&]{1,10}){0,3})\b")
"""A document code: its number, a slash (maybe spaced or read as `|`) and its capitals part."""
_DATE = re.compile(r"\b([0-3]?[0-9OolI])\s?/\s?([01]?[0-9OolI])\s?/\s?((?:19|2[0O])[0-9OolI]{2})\b")


def _code(m: re.Match[str]) -> str:
    number, letters = m.group(1).translate(_TO_DIGIT), m.group(2).translate(_TO_CAPITAL)
    if not number.isdigit() or not any(c.isalpha() for c in letters):
        return m.group(0)
    return f"{number}/{letters}"


def _date(m: re.Match[str]) -> str:
    parts = [g.translate(_TO_DIGIT) for g in m.groups()]
    return "/".join(parts) if all(p.isdigit() for p in parts) else m.group(0)


def repair_line(text: str) -> str:
    """One OCR line with the sure repairs applied."""
    text = text.replace("Ð", "Đ").replace("ð", "đ").replace("¡", "i")  # none is a Vietnamese letter
    text = _DATE.sub(_date, text)
    text = _CODE.sub(_code, text)
    return _title(_NUMBER.sub(_number, text))


_SIGNER_LINE = re.compile(rf"((?:{AUTHORITY})\s*)?([^\W\d_][^\d]*)", re.IGNORECASE)
"""A signer line: an optional authority marker (`KT.`), then words without digits."""


def unmarked(text: str) -> str:
    """Letters without their marks, lower case, one space between words (`PHÓ CHỦ  TỊCH` → `pho chu tich`)."""
    bare = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return " ".join("".join(c for c in bare if not unicodedata.combining(c)).lower().split())


@cache
def _titles() -> dict[str, str]:
    """Known titles of two words or more by their unmarked letters; letters shared by two titles map to none."""
    found: dict[str, list[str]] = {}
    for title in title_wordings():
        if len(title.split()) >= 2:
            found.setdefault(unmarked(title), []).append(title)
    return {letters: titles[0] for letters, titles in found.items() if len(set(titles)) == 1}


def _title(text: str) -> str:
    """A capitals signer-title line with damaged marks, as the one known title it reads."""
    m = _SIGNER_LINE.fullmatch(text.strip())
    if not m or not m.group(2).isupper():
        return text
    title = _titles().get(unmarked(m.group(2)))
    return f"{m.group(1) or ''}{title.upper()}" if title else text


def _number(m: re.Match[str]) -> str:
    """Digits with at most as many look-alike letters as digits among them become a number."""
    token = m.group(0)
    digits = sum(c.isdigit() for c in token)
    return token.translate(_TO_DIGIT) if digits and digits >= len(token) - digits else token
