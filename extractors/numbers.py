"""Vietnamese number formats, parsed with Babel's `vi` locale.

`5.091` is five thousand and ninety-one, `66,64` is 66.64, `03` is 3. Numbers that are not
quantities (ratios `16/16`, standards `ISO 9001:2015`, procedure codes `1.012818.H24`, dates,
document numbers) must be recognised by the caller from context; this module only reads a
number token that is known to be a quantity."""

from __future__ import annotations

from functools import lru_cache

import regex
from babel.numbers import NumberFormatError, parse_decimal

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
"""A number token as Vietnamese writes it: thousands with `.`, decimals with `,`."""

_NUMBER_RE = regex.compile(rf"^(?:{NUMBER})$")


@lru_cache(maxsize=4096)
def parse_vn_number(token: str) -> float | None:
    """The value of a Vietnamese-formatted number token, or None if it is not one.

    `5.091` → 5091.0, `66,64` → 66.64, `01` → 1.0, `1.794` → 1794.0. A token such as
    `3.0` (a version) is not a Vietnamese number and gives None. Remembered per token: Babel's
    parse (locale look-ups each time) was a fifth of the metrics extractor."""
    token = token.strip()
    if token.isascii() and token.isdigit():
        return float(token)  # no separator: what Babel gives, without its locale look-ups
    if not _NUMBER_RE.match(token):
        return None
    try:
        return float(parse_decimal(token, locale="vi", strict=True))
    except NumberFormatError:
        return None
