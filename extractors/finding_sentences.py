"""Findings in running text, outside every assessment part: a sentence counts only when its own
words say what it is.

News items and results sections state difficulties and requests without a label: `Tuy nhiên,
17 xã chưa có đường truyền dự phòng`, `xã còn gặp khó khăn về đường truyền`, `Xã Hướng Lập đề
nghị Sở ... hỗ trợ ...`. The sentences around them (results, statistics, equipment lists) are
not findings, so nothing is taken from a paragraph beyond the sentence that names itself, and a
sentence that only announces difficulties (`... vẫn còn gặp không ít khó khăn.`) names none."""

from __future__ import annotations

from datamodel import Document
from extractors.fast_regex import fast_compiled
from extractors.finding_addressee import addressee_of, level_of
from extractors.finding_parts import kind_span
from extractors.pattern_cues import all_cues, cue_finder, cue_words
from extractors.vocab.findings import (
    CONTRAST_LEAD,
    DIFFICULTY_MET,
    GENERIC_TAIL,
    NOT_ASKING,
    NOT_REQUEST,
    PART_KINDS,
    REPORTING_SIDE,
    REQUEST_ADVERB,
    REQUEST_VERB,
    SENTENCE_KIND,
    SHORTFALL,
    STATED_IS,
)

_CONTRAST = fast_compiled(CONTRAST_LEAD.pattern)
_SHORTFALL = fast_compiled(SHORTFALL.pattern)
_MET = fast_compiled(DIFFICULTY_MET.pattern)
_STATED_IS = fast_compiled(STATED_IS.pattern)
_STATED_WORDS = cue_words(STATED_IS.pattern)
_MET_WORDS = cue_words(DIFFICULTY_MET.pattern)
_STATED_CUE = cue_finder(_STATED_WORDS)
_MET_CUE = cue_finder(_MET_WORDS)
RUNNING_CUES = all_cues(_STATED_WORDS, _MET_WORDS, cue_words(CONTRAST_LEAD.pattern))
"""A sentence without one of these words has no running kind."""
_COMMA = fast_compiled(r",\s*")
_GENERIC = fast_compiled(GENERIC_TAIL.pattern)
_DIFFICULTY_WORD = fast_compiled(next(p.pattern for p in PART_KINDS if p.name == "difficulty"))
_REPORTED_ASK = fast_compiled(
    rf"(?<![^\s,])(?:{REPORTING_SIDE.pattern})(?P<name>(?:\s+[^\s,.;:]+){{0,4}}?)\s+(?:{REQUEST_ADVERB.pattern})*"
    rf"(?P<verb>{REQUEST_VERB.pattern})\s+(?!{NOT_REQUEST.pattern})"
)
_ASK_ANYWHERE = fast_compiled(rf"(?<=\s)(?P<verb>{REQUEST_VERB.pattern})\s+(?!{NOT_REQUEST.pattern})")
_NOT_ASKING = fast_compiled(NOT_ASKING.pattern)
_ABOVE_COMMUNE = {"central", "department", "province", "enterprise"}
_ASK_AFTER_LEAD = fast_compiled(rf"[^,.;:]{{3,60}},\s*(?P<verb>{SENTENCE_KIND[0].pattern})\s+(?!{NOT_REQUEST.pattern})")
"""An opening phrase and a comma before the request (`Trên cơ sở đó, kính đề nghị UBND tỉnh ...`)."""


def _names_only(text: str) -> bool:
    """Whether every word between the commune and its verb is part of a name (capitalised)."""
    return all(word[:1].isupper() for word in text.split())


def reported_request(doc: Document, s: int, e: int) -> int | None:
    """Where the request starts (its verb) in a sentence that reports the commune asking
    (`Xã Cam Lộ kiến nghị ...`, `Bà Hạnh cho biết, xã đã đề nghị UBND tỉnh ...`), asks after an
    opening phrase (`Trên cơ sở đó, kính đề nghị ...`), or whoever speaks asks a body above the
    commune by name (`Chủ tịch UBND xã Lò Văn Páo đề nghị tỉnh ...`), else None."""
    lead = _ASK_AFTER_LEAD.match(doc.match, s, e)
    if lead:
        return lead.start("verb")
    for m in _REPORTED_ASK.finditer(doc.match, s, e):
        if _names_only(doc.text[m.start("name") : m.end("name")]):
            return m.start("verb")
    for m in _ASK_ANYWHERE.finditer(doc.match, s, e):
        if _NOT_ASKING.search(doc.match, max(s, m.start() - 12), m.start()):
            continue
        name, _ = addressee_of(doc.text[m.start() : e], doc.match[m.start() : e])
        if name and level_of(name) in _ABOVE_COMMUNE:
            return m.start("verb")
    return None


def _generic(doc: Document, at: int, e: int) -> bool:
    """Whether the sentence ends, from `at`, with nothing but an announcement of difficulties."""
    while at < e and doc.match[at].isspace():
        at += 1
    return _GENERIC.match(doc.match, at, e) is not None


def running_kind(doc: Document, s: int, e: int) -> str | None:
    """The kind of a running sentence that names itself: one that opens (or goes on after a
    comma) on a part's name and states it (`..., khó khăn lớn nhất hiện nay là ...`) is of that
    kind, `còn gặp khó khăn` a difficulty, a turn to what is lacking (`Tuy nhiên, ... chưa ...`)
    a limitation (a difficulty when it says `khó khăn`); None for any other sentence, and for one
    that only announces difficulties. A sentence opening on its cause (`Do ..., ...`) is not
    taken: as a rule it added wrong rows. A sentence without a cue word of `STATED_IS`
    (`DIFFICULTY_MET`) states no part (meets no difficulty)."""
    if _STATED_CUE(doc.match, s, e):
        for at in [s] + [m.end() for m in _COMMA.finditer(doc.match, s, e)]:
            named = kind_span(doc.match, at, e)
            if named and _STATED_IS.match(doc.match, named[1], e):
                return named[0]
    met = _MET.search(doc.match, s, e) if _MET_CUE(doc.match, s, e) else None
    if met:
        tail = met.start() + len(doc.match[met.start() : met.end()].split()[0])
        return None if _generic(doc, tail, e) else DIFFICULTY_MET.name
    lead = _CONTRAST.match(doc.match, s, e)
    if lead is None:
        return None
    cue = _SHORTFALL.search(doc.match, lead.end(), e)
    if cue is None or _generic(doc, cue.end(), e):
        return None
    return "difficulty" if _DIFFICULTY_WORD.search(doc.match, lead.end(), e) else "limitation"
