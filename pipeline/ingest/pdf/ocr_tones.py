"""Tone marks restored on the vocabulary's metric and equipment labels where Tesseract changed them.

On a scan, above all at 150 dpi, Tesseract keeps a word's letters and its vowel hats but
changes its tone mark: it reads a hook above as an acute (`tống cộng` for `tổng cộng`, `Tố
công nghệ số` for `Tổ`), and loses or adds a grave over a hatted vowel (`một phân` for `một
phần`, `hô sơ` for `hồ sơ`). A changed label is a lost fact, or a wrong one: `tống cộng 102
hồ sơ` was named as carried over instead of the total.

A run of two or more words is written as a wording of the label vocabulary (`LABEL_VOCAB`)
only when all of these hold:
- its letters are the wording's with only tone marks changed (hats, horns and `đ` as read);
- no other wording of the whole vocabulary (`extractors/vocab/`, every module) has those
  letters once tone marks are set aside;
- every changed mark is one of Tesseract's confusions (`_confused`), measured on the scanned
  renditions: the reverse changes (an acute read as a hook, `sổ` for `số`) and a mark added
  to a bare vowel (`bán` for `ban`) never are;
- at least one word of the run was read exactly as the wording writes it.
So a real word next to a label (`sổ hóa đơn`, `Tố cáo`, `Tổ công tác`) stays as read."""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from functools import cache
from types import ModuleType
from typing import Any

import regex

import extractors.vocab as vocab
from extractors.phrase_patterns import Untranslatable, wordings
from extractors.vocab import Phrase, channels, counted, devices, quantities, shortages, specs, statuses
from pipeline.ingest.pdf.ocr_wordings import alternatives, cased
from pipeline.textforms import fold

LABEL_VOCAB: tuple[ModuleType, ...] = (statuses, channels, counted, quantities, devices, specs, shortages)
"""The modules whose wordings name a metric or a piece of equipment: the wordings restored."""

TONES = {"\u0300": "grave", "\u0301": "acute", "\u0303": "tilde", "\u0309": "hook", "\u0323": "dot"}
"""The combining tone marks (NFD) by name; the other marks (hat, breve, horn) are letters' own."""
HATTED = frozenset("âêôă")
"""Vowels whose hat a grave merges with at low resolution (`phần` read `phân`, `dân` read `dần`)."""

_FLAGS = regex.compile(r"\(\?[a-z]+\)")
_ANCHORS = frozenset({"\\b", "\\B", "\\A", "\\Z", "^", "$"})
"""Zero-width tokens of a pattern other than lookarounds and flags: word boundaries, anchors."""
_WORDS = regex.compile(r"\w+")
_WORDING = regex.compile(r"\w+(?: \w+)+")
"""A wording that can be matched word by word: two words or more, letters and digits only."""


def _split(char: str) -> tuple[str, str]:
    """A character as its lower-case letter without its tone mark, and that mark's name."""
    parts = unicodedata.normalize("NFD", char.lower())
    tone = next((TONES[c] for c in parts if c in TONES), "none")
    return unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)), tone


def toneless(text: str) -> str:
    """`text` in lower case without tone marks, hats and `đ` kept (`Tổng cộng` → `tông công`)."""
    return "".join(_split(c)[0] for c in text)


def _confused(read: str, written: str) -> bool:
    """True when Tesseract reads the letter `written` as `read` (same letter, another tone):
    a hook as an acute, or a grave lost or added on a hatted vowel."""
    (letter, tone), (_, meant) = _split(read), _split(written)
    if meant == "hook" and tone == "acute":
        return True
    return letter in HATTED and {tone, meant} == {"grave", "none"}


def _token(pattern: str, k: int) -> int:
    """The end of the pattern token at `k`: an escape, a character class or one character."""
    if pattern[k] == "\\":
        return k + 2
    if pattern[k] == "[":
        end = k + 1 + (pattern[k + 1:k + 2] == "]")
        while end < len(pattern) and pattern[end] != "]":
            end += 2 if pattern[end] == "\\" else 1
        return end + 1
    return k + 1


def plain(pattern: str) -> str:
    """`pattern` without its lookarounds, word boundaries, anchors and flags, which match no
    text (`(?<!tiếp\\s+nhận\\s+)tổng\\s+cộng` → `tổng\\s+cộng`)."""
    out, k, depth = [], 0, 0
    while k < len(pattern):
        end = _token(pattern, k)
        if flags := _FLAGS.match(pattern, k):
            end = flags.end()
        elif depth or pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), k):
            depth += (pattern[k] == "(") - (pattern[k] == ")")
        elif pattern[k:end] not in _ANCHORS:
            out.append(pattern[k:end])
        k = end
    return "".join(out)


def _patterns(value: Any) -> list[str]:
    """Every pattern in a vocabulary value: a pattern string, a `Phrase`, or tables of them."""
    if isinstance(value, Phrase):
        return [value.pattern]
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (tuple, list)):
        return [p for item in value for p in _patterns(item)]
    return []


def module_wordings(module: ModuleType) -> set[str]:
    """The wordings of two words or more of a vocabulary module's public tables, in matching form."""
    found = set()
    for name, value in vars(module).items():
        if not name.isupper():
            continue
        for pattern in _patterns(value):
            for alternative in alternatives(plain(pattern)):
                try:
                    found |= {fold(w) for w in wordings(alternative) if _WORDING.fullmatch(fold(w))}
                except Untranslatable:
                    continue
    return found


def index(labels: set[str], every: set[str]) -> dict[str, str]:
    """The `labels` by their letters without tone marks, where no other wording of `every`
    (the whole vocabulary) has those letters."""
    found: dict[str, set[str]] = {}
    for wording in labels | every:
        found.setdefault(toneless(wording), set()).add(wording)
    return {key: next(iter(w)) for key, w in found.items() if len(w) == 1 and w <= labels}


@cache
def known() -> dict[str, str]:
    """The label vocabulary's index (`index`) against every module of `extractors.vocab`."""
    modules = [importlib.import_module(f"{vocab.__name__}.{m.name}") for m in pkgutil.iter_modules(vocab.__path__)]
    return index(set().union(*map(module_wordings, LABEL_VOCAB)), set().union(*map(module_wordings, modules)))


@cache
def _longest() -> int:
    return max((len(key.split()) for key in known()), default=0)


def _restored(read: list[str], wording: list[str]) -> bool:
    """True when the read words are the wording's with only Tesseract's tone confusions, and
    at least one of them is read right."""
    exact = 0
    for got, meant in zip(read, wording):
        got = fold(got)
        if got == meant:
            exact += 1
        elif not all(a == b or _confused(a, b) for a, b in zip(got, meant)):
            return False
    return 0 < exact < len(wording)


def restore_tones(text: str) -> str:
    """`text` (an OCR line or cell) with each label wording whose tone marks Tesseract changed
    written as the vocabulary writes it, in the case it was read in."""
    words = list(_WORDS.finditer(text))
    labels, out, last = known(), [], 0
    k = 0
    while k < len(words):
        size = 0
        for n in range(min(_longest(), len(words) - k), 1, -1):
            run = words[k:k + n]
            if any(not text[a.end():b.start()].isspace() for a, b in zip(run, run[1:])):
                continue
            wording = labels.get(" ".join(toneless(w.group()) for w in run))
            if wording is None:
                continue
            if _restored([w.group() for w in run], wording.split()):
                start, end = run[0].start(), run[-1].end()
                out += [text[last:start], cased(wording, text[start:end])]
                last, size = end, n
            break
        k += size or 1
    return "".join(out) + text[last:] if out else text
