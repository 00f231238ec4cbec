"""Repairs of typical OCR damage to Vietnamese reports, only where a rule can be sure.

Codes and numbers matter most (a document number, a date, a count): Tesseract confuses `0`
and `O`, `1` with `l`/`I`/`|`, reads the Icelandic `Ð` for `Đ` and `¡` for `i`, and breaks the `/` of a code
(`15 /BC-UBND`, `15|BC-UBND`). A character is changed only inside a token whose shape leaves
one reading: digits with one look-alike letter among them, the number part and the capitals
part of a document code, a date with its slashes.

Tesseract also drops or changes the tone marks of capitals (`PHO CHU TICH`). A line that is
only a signer title in capitals, maybe after its authority marker, is mapped back to the title
whose letters it has once marks are set aside; only titles of two words or more, and only
where exactly one known title (`extractors.vocab.signers`) has those letters.

In the letter parts of a code Tesseract doubles or adds a letter (`QĐÐ`, `ĐĐU`, `BCĐTVW`),
reads `D` for `Đ` and `—` for its hyphen. A part that is not a known code part (`KNOWN`)
becomes one when exactly one known part is reached by taking out one letter or by one
look-alike (`D`→`Đ`, `0`→`O`, `I`→`T` or `L`); a known part is never changed. `SSD` read `55D`
before a capacity is written `SSD`, and a disk's `TB` read `1B` (`SSD 11B`) is written `TB`.
Vocabulary wordings with damaged marks are read back by `ocr_wordings`, label wordings with
changed tone marks by `ocr_tones`."""

from __future__ import annotations

import re
from functools import cache

from extractors.doc_codes import TYPES
from extractors.vocab.bodies import COMMUNE_CODES
from extractors.vocab.code_parts import HIGHER_CODES
from extractors.vocab.signers import AUTHORITY, title_wordings
from pipeline.ingest.pdf.ocr_tones import restore_tones
from pipeline.ingest.pdf.ocr_wordings import repair_wordings, unmarked

_TO_DIGIT = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_TO_CAPITAL = str.maketrans({"0": "O"})
_NUMBER = re.compile(r"(?<![\w/.,-])[0-9OolI|]{2,}(?![\w/-])")
"""A token of digits and look-alike letters standing alone (`2O24`, `l5`)."""
_CODE = re.compile(r"\b([0-9OolI]{1,4})\s?[/|]\s?((?:[A-ZĐ0&]{1,8})(?:-[A-ZĐ0&]{1,10}){0,3})\b")
"""A document code: its number, a slash (maybe spaced or read as `|`) and its capitals part."""
KNOWN = frozenset(code for code, _ in TYPES.values()) | COMMUNE_CODES | HIGHER_CODES
"""Letter parts of codes known for sure (type codes, commune and higher issuer codes)."""
_LOOK_ALIKES = {"D": "Đ", "0": "O", "I": "TL"}
"""A letter Tesseract reads for another in capitals: read → the letters it may stand for."""
_CODE_SPECK = re.compile(r"(\d[-/][A-ZĐ]{1,6})[,.](/[A-ZĐ])")
"""A speck read as a comma or dot between a code's letter parts (`186-KL,/TW`): never written there."""
_LETTER_SPECK = re.compile(r"(?<![\w'’])([A-Za-z])['’](\d)")
"""A speck read as an apostrophe between a lone letter and a digit (`Core i'3-8100`): never written there."""
_CODE_PARTS = re.compile(r"(?<![\w/])(?:(\d{1,4}(?:/\d{4})?)\s?([-/—–])\s?)?([^\W\d_][\w]*(?:\s?[-/—–]\s?[^\W\d_][\w]*){0,3})")
"""A code's number and its letter parts (`97-CV/ĐĐU`, `01/QĐÐ-BCĐ`, `12/2024/QĐ-UBND`), maybe with
dashes; or its letter parts alone (a symbol written after its number's blank: `BC/ĐU`)."""
_DISK = re.compile(r"(?<!\w)(?=[S5]*5)[S5]{2}D(?=\s?\d+(?:[.,]\d+)?\s?[GT]B\b)")
"""`SSD` with a 5 read for an S, before a capacity (`55D 512 GB`): no other word has that shape there."""
_TERABYTES = re.compile(r"(?<!\w)((?:[S5]{2}|HD)D\s?)(1[02468]?|[2-46]|8|20)(\s?)1B\b")
"""A disk's size in terabytes with its `T` read as `1` and maybe its space lost (`SSD 11B`,
`HDD 2 1B`): a disk is never sized in bytes, and the number before is a size disks are made
in (1-4, 6, 8 ... 20 TB), so `11B` is `1TB` (the words as read: their confidences stay theirs);
any other number is left as read."""
_DATE = re.compile(r"\b([0-3]?[0-9OolI])\s?/\s?([01]?[0-9OolI])\s?/\s?((?:19|2[0O])[0-9OolI]{2})\b")


def _code(m: re.Match[str]) -> str:
    number, letters = m.group(1).translate(_TO_DIGIT), m.group(2).translate(_TO_CAPITAL)
    if not number.isdigit() or not any(c.isalpha() for c in letters):
        return m.group(0)
    return f"{number}/{letters}"


def _date(m: re.Match[str]) -> str:
    parts = [g.translate(_TO_DIGIT) for g in m.groups()]
    return "/".join(parts) if all(p.isdigit() for p in parts) else m.group(0)


def repair_line(text: str, header: bool = False) -> str:
    """One OCR line (or a table cell, `header` in a header row) with the sure repairs applied."""
    text = text.replace("Ð", "Đ").replace("ð", "đ").replace("¡", "i")  # none is a Vietnamese letter
    text = _LETTER_SPECK.sub(r"\1\2", _CODE_SPECK.sub(r"\1\2", text))
    text = _DATE.sub(_date, text)
    text = _CODE.sub(_code, text)
    text = _CODE_PARTS.sub(_code_parts, text)
    text = _DISK.sub("SSD", _TERABYTES.sub(r"\1\2\3TB", text))
    return restore_tones(repair_wordings(_title(_NUMBER.sub(_number, text)), header))


def _code_parts(m: re.Match[str]) -> str:
    """A code with each damaged letter part mapped to the one known part it reads, and its
    dashes as hyphens; left as read unless every part is then known."""
    pieces = re.split(r"\s?([-/—–])\s?", m.group(3))
    if m.group(1) is None and (len(pieces) < 3 or not all(p.isupper() for p in pieces[::2])
                               or not any(p in KNOWN for p in pieces[::2])):
        return m.group(0)  # without a number: capitals only, and one part known as read
    parts = [known_part(p) for p in pieces[::2]]
    if any(p is None for p in parts):
        return m.group(0)
    seps = ["-" if s in ("—", "–") else s for s in [m.group(2) or "", *pieces[1::2]]]
    return (m.group(1) or "") + "".join(sep + str(part) for sep, part in zip(seps, parts))


def known_part(part: str) -> str | None:
    """The known code part `part` is, or reads with one letter too many or one look-alike."""
    if part in KNOWN:
        return part
    candidates = {part[:k] + part[k + 1:] for k in range(len(part))}
    candidates |= {part[:k] + meant + part[k + 1:] for k, c in enumerate(part) for meant in _LOOK_ALIKES.get(c, "")}
    found = candidates & KNOWN
    return found.pop() if len(found) == 1 else None


_SIGNER_LINE = re.compile(rf"((?:{AUTHORITY})\s*)?([^\W\d_][^\d]*)", re.IGNORECASE)
"""A signer line: an optional authority marker (`KT.`), then words without digits."""


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
