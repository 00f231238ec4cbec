"""Vocabulary regexes turned into the literal wordings they stand for, so that a spaCy
`SpanRuler` can match them as phrases (`extractors.entity_ruler`) and each wording is still
written once, in `extractors/vocab/`.

The vocabulary's patterns use a small part of regex syntax: words, `\\s+`/`\\s*` between
them, groups `(?:a|b)`, optional groups `(?:...)?` and optional characters (`,?`, `-?`).
Those expand to a finite list of wordings. A pattern using anything else (a lookaround such
as `công an (?=xã|phường)`, a character class, a repeat) cannot be written as phrases:
`wordings` raises `Untranslatable`, and the caller keeps that pattern as a regex rule."""

from __future__ import annotations

from itertools import product

LIMIT = 5000
"""Most wordings one pattern may expand to (guards against a pattern that multiplies out)."""


class Untranslatable(ValueError):
    """A pattern that uses regex syntax beyond words, spaces, groups and optional parts."""


_SPACES = {r"\s+": (" ",), r"\s*": ("", " "), r"[ \t]+": (" ",), r"[ \t]*": ("", " ")}


class _Parser:
    """Recursive descent over one pattern: alternatives of sequences of items."""

    def __init__(self, pattern: str) -> None:
        self.text, self.pos = pattern, 0

    def done(self) -> bool:
        return self.pos >= len(self.text)

    def peek(self, n: int = 1) -> str:
        return self.text[self.pos : self.pos + n]

    def alternatives(self) -> list[str]:
        out = self.sequence()
        while self.peek() == "|":
            self.pos += 1
            out += self.sequence()
        return out

    def sequence(self) -> list[str]:
        out = [""]
        while not self.done() and self.peek() not in "|)":
            choices = self.item()
            if self.peek() == "?":
                self.pos += 1
                choices = [*choices, ""]
            elif self.peek() in ("+", "*", "{"):
                raise Untranslatable(f"repeat at {self.pos} in {self.text!r}")
            out = [a + b for a, b in product(out, dict.fromkeys(choices))]
            if len(out) > LIMIT:
                raise Untranslatable(f"more than {LIMIT} wordings: {self.text!r}")
        return out

    def item(self) -> list[str]:
        for spaces, wordings in _SPACES.items():
            if self.text.startswith(spaces, self.pos):
                self.pos += len(spaces)
                return list(wordings)
        char = self.peek()
        if char == "(":
            if self.peek(3) != "(?:":
                raise Untranslatable(f"group other than (?:...) at {self.pos} in {self.text!r}")
            self.pos += 3
            inner = self.alternatives()
            if self.peek() != ")":
                raise Untranslatable(f"unclosed group in {self.text!r}")
            self.pos += 1
            return inner
        if char == "\\":
            escaped = self.peek(2)[1:]
            if escaped.isalnum() or not escaped:
                raise Untranslatable(f"class {self.peek(2)!r} in {self.text!r}")
            self.pos += 2
            return [escaped]
        if char in "[.^$":
            raise Untranslatable(f"{char!r} at {self.pos} in {self.text!r}")
        self.pos += 1
        return [char]


def wordings(pattern: str) -> list[str]:
    """Every wording `pattern` matches, one space between words (`ủy\\s+ban` → `ủy ban`);
    raises `Untranslatable` when the pattern is more than words, spaces and optional parts."""
    parser = _Parser(pattern)
    out = parser.alternatives()
    if not parser.done():
        raise Untranslatable(f"unbalanced ')' in {pattern!r}")
    return [" ".join(w.split()) for w in dict.fromkeys(out) if w.strip()]
