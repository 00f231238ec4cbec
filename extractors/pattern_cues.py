"""Plain words a pattern cannot match without, found once per document by `str.find`.

A search for one of many wordings (`khó khăn|hạn chế|kiến nghị|...`) costs both regex engines
about a tenth of a microsecond per character: at each position they try every alternative. A
report's findings rules ask such questions of every line, so most of their time went to lines
that hold none of the wordings. Every match of such a pattern holds one of a few plain words
(`khăn`, `chế`, `nghị` ...), and `str.find` looks for one at memory speed. So the words are
read from the pattern (`cue_words`), their places in a document found once (`CuePlaces`), and a
line without one is passed over: the answer is the same, because the test is only ever a
necessary condition of a match."""

from __future__ import annotations

import re
import re._parser as sre_parse
from collections.abc import Callable, Iterable
from typing import Any

from extractors.fast_regex import Kept, fast_compiled, for_re

_ANY = None  # no word is known that every match holds


def _sequence_cues(items: Iterable[tuple[Any, Any]]) -> tuple[str, ...] | None:
    """Words of which every match of a sequence of parsed items holds one: its longest run of
    plain characters, or the words of a group or an alternation that must match (each of whose
    alternatives has words), whichever has the shortest word longest."""
    choices: list[tuple[str, ...]] = []
    run = ""
    for op, arg in items:
        if op is sre_parse.LITERAL:
            run += chr(arg)
            continue
        if run:
            choices.append((run,))
            run = ""
        if op is sre_parse.BRANCH:
            words = [_sequence_cues(branch) for branch in arg[1]]
            known = [w for w in words if w is not None]
            if len(known) == len(words):
                choices.append(tuple(dict.fromkeys(x for w in known for x in w)))
        elif op is sre_parse.SUBPATTERN and not arg[1] & re.IGNORECASE:
            inner = _sequence_cues(arg[3])
            if inner is not None:
                choices.append(inner)
    if run:
        choices.append((run,))
    return max(choices, key=lambda words: min(map(len, words))) if choices else _ANY


def cue_words(pattern: str) -> tuple[str, ...] | None:
    """Plain words of which every match of `pattern` holds at least one, or None when none are
    known (an alternative of nothing but classes, or a pattern `re` does not read)."""
    try:
        parsed = sre_parse.parse(for_re(pattern))
    except (Kept, re.error):
        return _ANY
    if parsed.state.flags & re.IGNORECASE:
        return _ANY
    words = _sequence_cues(parsed)
    return words if words and all(words) else _ANY


def all_cues(*groups: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """The words of several tests together: a text without any of them passes none of the tests."""
    if any(group is None for group in groups):
        return _ANY
    return tuple(dict.fromkeys(word for group in groups for word in group or ()))


CueFinder = Callable[..., "re.Match[str] | None"]
"""`search(text[, pos[, endpos]])` for one of a few words, as `re.Pattern.search` takes it."""


def cue_finder(words: tuple[str, ...] | None) -> CueFinder:
    """A search for one of `words` that finds one in every text when none are known. One `re`
    search of the words' alternation costs about half of a `str` containment test per word (the
    engine scans for their first characters once), and reads `text[pos:endpos]` without a slice."""
    if words is None:
        return _EVERYWHERE.search
    return re.compile("|".join(map(re.escape, words)) or "(?!)").search


_EVERYWHERE = re.compile("")


_META = set("\\.^$*+?{}[]|()")
_QUANTIFIERS = set("*+?{")


def top_alternatives(pattern: str) -> list[str]:
    """The alternatives of `pattern` at its top level (outside groups and classes)."""
    out, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 + (pattern[i + 1 : i + 2] == "^")
            i += pattern[i : i + 1] == "]"  # a `]` first in a class is a literal
            continue
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*out, pattern[start:]]


def _first_char(alternative: str) -> str | None:
    """The plain character an alternative always starts with, if it does."""
    head = alternative[:1]
    return head if head and head not in _META and alternative[1:2] not in _QUANTIFIERS else None


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, None when not only plain ones."""
    heads = [_first_char(a) for a in top_alternatives(pattern)]
    return None if None in heads else frozenset(h for h in heads if h)


def start_finder(patterns: Iterable[str]) -> Any:
    """A pattern that matches exactly where one of `patterns` matches first in a text, for asking
    only *where* (`.search(text).start()`): the alternatives are grouped under the character they
    start with, so at each place the engine tries a few groups instead of every wording (three
    times faster for the topics). Which alternative wins at a place may differ; the place does not."""
    grouped: dict[str, list[str]] = {}
    others: list[str] = []
    for alternative in (a for p in patterns for a in top_alternatives(p)):
        head = _first_char(alternative)
        if head is None:
            others.append(alternative)
        else:
            grouped.setdefault(head, []).append(alternative[1:])
    return fast_compiled("|".join([f"{head}(?:{'|'.join(rests)})" for head, rests in grouped.items()] + others))
