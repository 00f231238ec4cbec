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
from collections.abc import Iterable
from typing import Any

from extractors.fast_regex import Kept, for_re

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


def holds_cue(words: tuple[str, ...] | None, text: str) -> bool:
    """Whether `text` holds one of `words` (always, when none are known)."""
    return words is None or any(map(text.__contains__, words))

