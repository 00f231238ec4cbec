"""Findings: every sentence of a report's difficulties, causes, limitations, strengths and
recommendations, with its topic and, for a recommendation, whom it asks.

Analysts count what communes find hard and what they ask for, so each sentence (or clause
cut at `;`) of an assessment part is one row. Where the parts are is `extractors.finding_parts`
(sections, labelled lines, sentences announcing a list); a sentence that starts with `Đề nghị ...`
is a recommendation and one that starts `Nguyên nhân là do ...` a cause wherever it stands.
`kind` comes from the part (or the sentence's own first words), `category` from the earliest
topic wording in the sentence (`extractors.vocab.findings`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from datamodel import Document, Span
from extractors.fast_regex import fast_compiled
from extractors.finding_addressee import addressee_of, level_of
from extractors.finding_parts import (
    LABEL,
    LEAD_MARK,
    BodyLines,
    Part,
    body_lines,
    content_start,
    find_parts,
    lines,
    title_lines,
    to_body,
)
from extractors.finding_sentences import RUNNING_CUES, reported_request, running_kind
from extractors.pattern_cues import all_cues, cue_finder, cue_words, first_chars, start_finder
from extractors.phrase_patterns import wordings
from extractors.registry import Facts, register
from extractors.span_union import SpanUnion
from extractors.vocab import alternation
from extractors.vocab.findings import (
    CATEGORIES,
    CAUSE_SENTENCE,
    EMPTY_FINDING,
    REQUEST_VERB,
    SENTENCE_KIND,
)

_SENTENCE_END = fast_compiled(r"(?<![A-ZĐ]{1,4})[.!?](?=\s+[\p{Lu}\d\-+*•(“\"])|;(?=\s)")
_SENTENCE_KIND = fast_compiled(alternation(SENTENCE_KIND))
_ASK = fast_compiled(rf"(?:[^:.;\n]{{0,80}}:\s*)?(?={alternation(SENTENCE_KIND)})")
_EMPTY = fast_compiled(rf"^(?:{EMPTY_FINDING.pattern})$")
_CAUSE_SENTENCE = fast_compiled(CAUSE_SENTENCE.pattern)
_CATEGORY = [(p.name, fast_compiled(p.pattern), first_chars(p.pattern)) for p in CATEGORIES]
_ASKING_WORDS = tuple(sorted({w.split()[-1] for w in wordings(REQUEST_VERB.pattern)}))
"""The last word of every request verb (`nghị`, `xuất`, `mong` ...): a sentence without one asks nothing,
neither by its first words (`SENTENCE_KIND`, whose wordings end the same) nor as a reported request."""
_ASKS = cue_finder(_ASKING_WORDS)
_RUNNING_CUE = cue_finder(all_cues(_ASKING_WORDS, cue_words(CAUSE_SENTENCE.pattern), RUNNING_CUES))
"""A line without one of these words gives no running row (unless it continues one)."""
_ANY_CATEGORY = start_finder(p.pattern for p in CATEGORIES)


def _line_sentences(doc: Document, ls: int, le: int) -> list[tuple[int, int]]:
    """Sentences and `;` clauses of one line, without list markers or a topic label."""
    out, pos, text = [], ls, doc.text
    for cut in [m.start() + 1 for m in _SENTENCE_END.finditer(text, ls, le)] + [le]:
        s, e = pos, cut
        pos = cut
        while s < e and text[s].isspace():
            s += 1
        lead = LEAD_MARK.match(doc.match, s, e)
        if lead:
            s = lead.end()
        while e > s and (text[e - 1].isspace() or text[e - 1] == ";"):
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _part_sentences(doc: Document, part: Part) -> list[tuple[int, int, str | None]]:
    """The sentences of a part with the addressee of their group: in a part of requests a line
    `Đối với <body>:` names the body for the lines after it (and for its own text after the colon)."""
    out: list[tuple[int, int, str | None]] = []
    addressee = part.addressee
    for ls, le in lines(doc, part.start, part.end):
        if part.kind == "recommendation":
            name, rest = to_body(doc.text[ls:le], doc.match[ls:le])
            if name:
                addressee, ls = name, ls + rest
        out += [(s, e, addressee) for s, e in _line_sentences(doc, ls, le)]
    return out


_BRACKETED = fast_compiled(r"\([^()]*\)")


def category_of(sentence_match: str) -> str:
    """The topic whose wording comes first in the sentence, outside brackets (`(nâng cấp thiết bị,
    hạ tầng mạng)` lists examples, not the subject); `other` when none does."""
    plain = _BRACKETED.sub(lambda m: " " * len(m.group()), sentence_match) if "(" in sentence_match else sentence_match
    first = _ANY_CATEGORY.search(plain)  # where the earliest wording starts; there, each topic's own match
    if first is None:
        return "other"
    at = first.start()
    found = [(at - m.end(), rank, name) for rank, name, pattern in _starting_with(plain[at]) if (m := pattern.match(plain, at))]
    return min(found)[2]


@cache
def _starting_with(head: str) -> list[tuple[int, str, Any]]:
    """The topics (rank, name, pattern) whose wording can start with `head`."""
    return [(rank, name, pattern) for rank, (name, pattern, heads) in enumerate(_CATEGORY) if heads is None or head in heads]


_LABEL_WORDS = 8
"""At most this many words on each line after the opening, for the opening to be the report's
only paragraph (a signer's title and name, a recipients list)."""


def running_text(doc: Document, body: BodyLines | None = None) -> list[Span]:
    """Where running sentences are read: the body, and also the opening when it is the report's only
    paragraph (a title and one paragraph: segmentation takes that paragraph as the opening and
    leaves the body nothing but short lines). `body` is the document's `body_lines` when the caller has them."""
    spans = doc.zone("body")
    body = body_lines(doc) if body is None else body
    if any(len(doc.text[ls:le].split()) > _LABEL_WORDS for span_lines in body for ls, le in span_lines):
        return spans
    return sorted([*doc.zone("opening"), *spans], key=lambda span: span.start)


def _in_body(doc: Document, offset: int) -> bool:
    return any(s.start <= offset < s.end for s in doc.zone("body"))


Found = tuple[int, int, dict[str, Any]]
"""A finding's span and its own columns, made into a row by `Document.facts` once per document."""


def _row(doc: Document, s: int, e: int, kind: str, group: str | None = None, ask: int | None = None) -> Found:
    """A finding; a request's addressee and topic are read from `ask` (where the request
    starts, the row's start unless the sentence reports it further on). The topic is read after a
    public body it names (`Sở Tài chính` names a body, not a topic), but with an enterprise's name
    (`doanh nghiệp viễn thông` does)."""
    text, match = doc.text[s:e], doc.match[s:e]
    at = (ask if ask is not None else s) - s
    addressee, topic_start = addressee_of(text[at:], match[at:]) if kind == "recommendation" else (None, 0)
    addressee = addressee or (group if kind == "recommendation" else None)
    level = level_of(addressee) if addressee else None
    topic = match[at + topic_start :] if level != "enterprise" else match[at:]
    return s, e, {"kind": kind, "category": category_of(topic), "addressee": addressee, "addressee_level": level, "text": text}


def _continues(doc: Document, s: int) -> bool:
    """Whether the clause at `s` follows a `;` of the same sentence."""
    i = s - 1
    while i >= 0 and doc.text[i] in " \t":
        i -= 1
    return i >= 0 and doc.text[i] == ";"


def _sentence_kind(doc: Document, s: int, e: int) -> str | None:
    """The kind a sentence's own first words give (`Đề nghị ...`, `Nguyên nhân là do ...`)."""
    if _SENTENCE_KIND.match(doc.match, s, e):
        return SENTENCE_KIND[0].name
    return CAUSE_SENTENCE.name if _CAUSE_SENTENCE.match(doc.match, s, e) else None


def _running_row(doc: Document, s: int, e: int, heading: Callable[[int], bool], carried: Found | None) -> Found | None:
    """The row of a sentence outside every part, when its own words make it a finding: a request
    (`Đề nghị ...`, or reported), a stated cause, a running finding, or a `;` clause continuing
    `carried`. The cheap tests come first: most running sentences are results and name nothing."""
    asking = _ASKS(doc.match, s, e) is not None  # most sentences: two regex scans saved
    ask = _ASK.match(doc.match, s, e) if asking else None
    if ask and not heading(ask.end()):
        return _row(doc, ask.end(), e, SENTENCE_KIND[0].name)
    if _CAUSE_SENTENCE.match(doc.match, s, e) and not heading(s):
        return _row(doc, s, e, CAUSE_SENTENCE.name)
    if heading(s):
        return None
    if ask is None:
        reported = reported_request(doc, s, e) if asking else None
        if reported is not None:
            return _row(doc, s, e, SENTENCE_KIND[0].name, ask=reported)
        running = running_kind(doc, s, e)
        if running:
            return _row(doc, s, e, running)
    if carried and _continues(doc, s):
        return _row(doc, s, e, carried[2]["kind"], carried[2]["addressee"])
    return None


@register("findings", assigns=("findings",))
def extract_findings(doc: Document, facts: Facts) -> Facts:
    """One row per sentence of an assessment part, plus requests and causes stated outside them."""
    rows: list[Found] = []
    covered = []
    body = body_lines(doc)
    part_titles = title_lines(doc, body)
    titles = SpanUnion([(sec.start, content_start(doc, sec)) for sec in doc.sections
                        if not LABEL.match(doc.match, sec.start, sec.heading_end)]
                       + [(s, e) for s, (e, _) in part_titles.items()])

    def heading(offset: int) -> bool:
        return offset in titles

    for part in find_parts(doc, part_titles, body):
        if not _in_body(doc, part.start):
            continue
        covered.append((part.start if part.label_start is None else part.label_start, part.end))
        for s, e, group in _part_sentences(doc, part):
            if heading(s) or _EMPTY.match(doc.match[s:e]):
                continue
            rows.append(_row(doc, s, e, _sentence_kind(doc, s, e) or part.kind, group))
    parts = SpanUnion(covered)
    carried: Found | None = None  # the running finding a `;` clause continues
    cut = {(span.start, span.end): span_lines for span, span_lines in zip(doc.zone("body"), body)}
    for span in running_text(doc, body):
        span_lines = cut.get((span.start, span.end))
        for ls, le in lines(doc, span.start, span.end) if span_lines is None else span_lines:
            if parts.covers(ls, le):  # every sentence of the line is in a part
                if carried is not None and _line_sentences(doc, ls, le):
                    carried = None
                continue
            if carried is None and not _RUNNING_CUE(doc.match, ls, le):
                continue  # each sentence would give no row, and leave `carried` None
            for s, e in _line_sentences(doc, ls, le):
                if parts.overlaps(s, e):
                    carried = None
                    continue
                row = _running_row(doc, s, e, heading, carried)
                if row:
                    rows.append(row)
                carried = row
    rows.sort(key=lambda r: r[0])
    return {"findings": doc.facts(rows)}
