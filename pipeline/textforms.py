"""The two forms of Vietnamese text the pipeline works with.

`clean` gives the text that is stored and quoted as evidence: NFC, without Word artefacts
(`[bookmark: _GoBack]`, Markdown `**`), zero-width characters or odd spaces. `fold` gives the
*matching form*: the same length as its input, character for character, so a regex match on
`fold(text)` has offsets that are valid in `text`. It lower-cases, puts tone marks of the
`oa/oe/uy` clusters in one place (`uỷ` and `ủy` both match `ủy`; `hoà` and `hòa` both match
`hòa`), and folds dashes, quotes and spaces. `canonical_tone` applies only the tone-placement
rule, for values written to the tables (`Đảng uỷ` → `Đảng ủy`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

_INVISIBLE = "[\u200b-\u200d\u2060\ufeff\u00ad]"
_ARTEFACTS = regex.compile(r"\[bookmark:[^\]]*\]|\*\*|" + _INVISIBLE)
_INVISIBLES = re.compile(_INVISIBLE)
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\v\f]")
"""Character classes of code points written out, which `re` reads as `regex` does, scanning at
about three times its speed."""

_TONED = {  # base vowel -> its five toned forms: huyền, sắc, hỏi, ngã, nặng
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
    "o": "òóỏõọ",
    "u": "ùúủũụ",
}


def _tone_moves() -> dict[str, str]:
    """Pairs `oà`→`òa`, `oé`→`óe`, `uỷ`→`ủy` (and upper-case) that move the tone mark onto
    the first vowel of the cluster; each pair keeps its length."""
    moves: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in range(5):
            old = first + _TONED[second][tone]
            new = _TONED[first][tone] + second
            moves[old] = new
            moves[old.upper()] = new.upper()
            moves[first.upper() + _TONED[second][tone]] = _TONED[first][tone].upper() + second
    return moves


_MOVES = _tone_moves()
# "qu" + y keeps the tone on y (quý, quỳnh): the u there is a consonant glide.
_TONE_PAIR = regex.compile(r"(?<![qQ])(?:" + "|".join(sorted(_MOVES, key=len, reverse=True)) + r")(?!\p{L})")
_FOLDED_PUNCTUATION = {"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "“": '"', "”": '"', "‘": "'", "’": "'"}
"""Dashes and quotes folded to ASCII: one character for one, and no result is itself folded
again, so replacing them one after the other is `str.translate` with this table, without its
dictionary look-up per character."""


def clean(text: str) -> str:
    """The stored form: NFC, Word/Markdown artefacts removed, odd spaces made plain."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _ODD_SPACES.sub(" ", _without_artefacts(text))


def _without_artefacts(text: str) -> str:
    """`_ARTEFACTS.sub("", text)`. Without a bookmark its matches are the `**` that `str.replace`
    removes (runs of `*` paired from the left, no other match can start on a `*`) and every
    invisible character left (none is a `*`, so neither pass changes what the other finds)."""
    if "[bookmark:" in text:
        return _ARTEFACTS.sub("", text)
    return _INVISIBLES.sub("", text.replace("**", "") if "**" in text else text)


_TONE_CANDIDATE = re.compile(f"[{''.join(sorted({k[0] for k in _MOVES}))}][{''.join(sorted({k[1] for k in _MOVES}))}](?![A-Za-z])")
"""Where a pair of `_TONE_PAIR` can stand: a vowel pair not followed by an ASCII letter, found at
C speed by `re` (the `regex` module's scan of `_TONE_PAIR` was a third of a TXT's folding);
`_TONE_PAIR` itself decides at each such place."""


def canonical_tone(text: str) -> str:
    """One tone placement for output values: `uỷ`→`ủy`, `hoà`→`hòa` at the end of a word.
    `_TONE_PAIR.sub`, asked only where `_TONE_CANDIDATE` finds a pair (two characters that
    cannot overlap the next pair: its second character is no pair's first)."""
    parts: list[str] = []
    last = 0
    for m in _TONE_CANDIDATE.finditer(text):
        if _TONE_PAIR.match(text, m.start()):
            parts += (text[last:m.start()], _MOVES[m.group()])
            last = m.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


_CONTEXT_LOWER = "\u03a3"
"""Greek capital sigma: `str.lower` gives `ς` or `σ` depending on its neighbours, so a text
holding it is lowered one character at a time, as everywhere else."""


def _lower_char(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def fold(text: str) -> str:
    """The matching form: same length as `text`, lower case, tone placement, dashes and
    quotes folded. Write patterns for it in lower case with `ủy`/`hòa` placement.

    Lowered as one string (C speed); only a text where that would change its length (`İ` lowers
    to two characters) or depend on context (`Σ`) is lowered character by character. Short
    texts (names, labels, lines) are folded again and again by the extractors: their folds
    are remembered (at most `_REMEMBERED` of them)."""
    return _fold_short(text) if len(text) <= _SHORT else _fold(text)


def _fold(text: str) -> str:
    toned = canonical_tone(text)
    lowered = toned.lower()
    if len(lowered) != len(toned) or _CONTEXT_LOWER in toned:
        lowered = "".join(_lower_char(c) for c in toned)
    folded = lowered
    for old, new in _FOLDED_PUNCTUATION.items():
        if old in folded:
            folded = folded.replace(old, new)
    assert len(folded) == len(text)
    return folded


_SHORT = 160
_REMEMBERED = 8192
_fold_short = lru_cache(maxsize=_REMEMBERED)(_fold)


_ASCII_LOWER = re.compile(r"[a-z]")


def is_upper_case(text: str, min_letters: int) -> bool:
    """At least `min_letters` letters, and every letter upper case (`BÁO CÁO`, `BÍ THƯ`). A line
    holding an ASCII lower-case letter answers no at C speed: most lines do."""
    if _ASCII_LOWER.search(text):
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= min_letters and all(c.isupper() for c in letters)


def fold_lines(lines: list[str]) -> list[str]:
    """`[fold(line) for line in lines]`, folded as one text: a line's ends sit next to a line
    break, which neither a tone pair nor its context can cross, and lowering is per character
    (`Σ` and `İ` aside, handled per character either way), so each slice equals the line folded
    alone, at a fraction of the calls."""
    folded = fold("\n".join(lines))
    out, pos = [], 0
    for line in lines:
        out.append(folded[pos:pos + len(line)])
        pos += len(line) + 1
    return out
