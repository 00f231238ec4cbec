"""Every Vietnamese wording baocao matches, defined once, with its English meaning.

One module per concept (document parts and header lines, issuing bodies, signer markers,
devices and specs, dossier and procedure statuses, channels, periods, shortages ...). Each
holds tables of `Phrase`s; segmentation and the extractors import their patterns from here
and never write a Vietnamese phrase of their own, so a new spelling is added in one place.

Patterns are regular expressions written for the *matching form* (`pipeline.textforms.fold`:
lower case, `ủy`/`hòa` tone placement, dashes and quotes folded, same length as the text),
so they match `uỷ`/`ủy` and capitals alike and their offsets are valid in the stored text.
This package depends on nothing else in baocao."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex


@dataclass(frozen=True)
class Phrase:
    """One wording: `pattern` for the matching form, `en` what it means, `name` the value
    it stands for in the tables (a metric, a category, a role), when it stands for one."""

    pattern: str
    en: str
    name: str = ""


def alternation(phrases: Iterable[Phrase]) -> str:
    """One regex alternative group of all `phrases`, in their order (put the longer or more
    specific wording first: the first alternative that matches wins)."""
    return "(?:" + "|".join(p.pattern for p in phrases) + ")"


@cache
def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`pattern` compiled once per process, whoever asks for it."""
    return regex.compile(pattern, flags)
