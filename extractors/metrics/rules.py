"""The vocabulary the metrics component reads, compiled once, and the two ways it asks a
table of wordings a question: which wording is nearest the number, which comes first."""

from __future__ import annotations

from functools import lru_cache

import regex

from extractors.vocab import Phrase, alternation, compiled
from extractors.vocab import channels as C
from extractors.vocab import counted as N
from extractors.vocab import statuses as S

Rules = list[tuple[str, regex.Pattern[str]]]


def _rules(phrases: tuple[Phrase, ...]) -> Rules:
    return [(p.name, compiled(p.pattern)) for p in phrases]


def one(phrase: Phrase | str) -> regex.Pattern[str]:
    """The compiled pattern of one wording."""
    return compiled(phrase.pattern if isinstance(phrase, Phrase) else phrase)


UNIT_KINDS = [(p.name, compiled(rf"\s*(?:{p.pattern})\b")) for p in N.UNIT_KINDS]
UNIT_KIND = compiled("|".join(f"(?P<kind{i}>{pattern.pattern})" for i, (_, pattern) in enumerate(UNIT_KINDS)))
"""UNIT_KINDS as one pattern: matched at a position, its alternatives are tried in their order
and the first that matches wins, as when each is tried in turn; `kind<i>` names the one."""
LABEL_KINDS = _rules(N.LABEL_KINDS)
CHANNELS = _rules(C.CHANNELS)
STATUS = _rules(S.DOSSIER_STATUS)
DOCUMENTS = _rules(S.DOCUMENT_STATUS)
STAFF_PCT = _rules(N.STAFF_PERCENT)
STAFF = [(p.name, where, compiled(p.pattern)) for p, where in N.STAFF_RULES]
QUALIFIERS = [(p.name, where, compiled(p.pattern)) for p, where in N.QUALIFIERS]
DOSSIER_ONLY = compiled(alternation(S.DOSSIER_ONLY_WORDING))
MULTIPLIER = compiled(rf"\s*(?P<word>{alternation(N.MULTIPLIERS)})\b")
MULTIPLIERS = [(compiled(p.pattern), float(p.name)) for p in N.MULTIPLIERS]

PARENT_STATUS: tuple[str, ...] = ("dossiers_in_progress", "dossiers_resolved")
"""The statuses that open a breakdown (`Đang giải quyết: 9, trong đó ...`)."""
PARENTS = [(name, pattern) for name, pattern in STATUS if name in PARENT_STATUS]

STATUS_UNDER_PARENT: dict[tuple[str, str], str] = {
    ("dossiers_in_progress", "dossiers_resolved_overdue"): "dossiers_in_progress_overdue",
    ("dossiers_resolved", "dossiers_in_progress_on_time"): "dossiers_resolved_on_time",
}
"""(parent status, status the clause alone names) → the status meant: `quá hạn 0` under
`Đang giải quyết: 9` is overdue in progress, `trong hạn 40` under `Đã giải quyết` resolved on time."""


def latest(rules: Rules, text: str, first: bool = False) -> str | None:
    """The name of the rule whose last match ends latest in `text` (the wording nearest a
    number after `text`), or with `first` whose first match starts earliest (nearest a number
    before it); ties go to the earlier, longer entry."""
    best, best_key = None, None
    for name, pattern in rules:
        hits = list(pattern.finditer(text))
        key = (-hits[0].start() if first else hits[-1].end()) if hits else None
        if key is not None and (best_key is None or key > best_key):
            best, best_key = name, key
    return best


def first_rule(rules: Rules, text: str) -> str | None:
    """The name of the first rule whose pattern occurs in `text`."""
    return next((name for name, pattern in rules if pattern.search(text)), None)


# The questions below are asked again and again with the same words (a document's numbers share
# their labels, and reports share their wording): each answer is kept per text.
@lru_cache(maxsize=4096)
def channel(text: str) -> str | None:
    """The service channel written last in `text`."""
    return latest(CHANNELS, text)


@lru_cache(maxsize=4096)
def last_kind(text: str) -> str | None:
    """The counted noun written last in a label."""
    return latest(LABEL_KINDS, text)


@lru_cache(maxsize=4096)
def first_kind(text: str) -> str | None:
    """The counted noun written first in `text` (the rest of a sentence after a number)."""
    return latest(LABEL_KINDS, text, first=True)


@lru_cache(maxsize=4096)
def status(text: str) -> str | None:
    """The dossier status named first in `text`."""
    return first_rule(STATUS, text)


@lru_cache(maxsize=4096)
def parent_status(text: str) -> str | None:
    """The status that opens a breakdown written last in `text`."""
    return latest(PARENTS, text)
