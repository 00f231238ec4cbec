"""Findings: every sentence of a report's difficulties, causes, limitations, strengths and
recommendations, with its topic and, for a recommendation, whom it asks.

Analysts count what communes find hard and what they ask for, so each sentence (or clause
cut at `;`) of an assessment part is one row. A part is either a section whose heading names
it (`5.1.2. Hạn chế`) or a labelled line (`- Một số khó khăn, vướng mắc: ...`, or `- Hạn chế:`
followed by its lines); a sentence that starts with `Đề nghị ...` is a recommendation wherever
it stands. `kind` comes from the part (or the sentence's own first words), `category` from the
earliest topic wording in the sentence (`extractors.vocab.findings`)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from datamodel import Document, Section
from extractors.registry import Facts, register
from extractors.vocab import alternation, compiled
from extractors.vocab.findings import (
    ADDRESSEE_END,
    ADDRESSEE_HEAD,
    ADDRESSEE_LEVELS,
    ADDRESSEE_START,
    CATEGORIES,
    EMPTY_FINDING,
    LABEL_LEAD,
    PART_KINDS,
    PART_STOP,
    SENTENCE_KIND,
)

_NUMBERING = r"(?:(?:\d+\.)+\d*|[ivxlc]+\.|[a-zđ]\))\s+"
_MARKER = r"[-+*•]\s*"
_KIND_GROUPS = "|".join(f"(?P<k{i}>{p.pattern})" for i, p in enumerate(PART_KINDS))
_LABEL = compiled(
    rf"(?:{_MARKER})?(?:{_NUMBERING})?(?:{LABEL_LEAD.pattern})?(?:{_KIND_GROUPS})[^:\n]{{0,80}}:[ \t]*"
)
_HEADING_KIND = compiled(rf"(?:{_KIND_GROUPS})")
_STOP = compiled(PART_STOP.pattern)
_SENTENCE_END = regex.compile(r"(?<![A-ZĐ]{1,4})[.!?](?=\s+[\p{Lu}\d\-+*•(“\"])|;(?=\s)")
_LEAD_MARK = compiled(rf"(?:{_MARKER}|{_NUMBERING})+")
_SENTENCE_KIND = compiled(alternation(SENTENCE_KIND))
_ASK = compiled(rf"(?:[^:.;\n]{{0,80}}:\s*)?(?={alternation(SENTENCE_KIND)})")
_EMPTY = compiled(rf"^{EMPTY_FINDING.pattern}$")
_CATEGORY = [(p.name, compiled(p.pattern)) for p in CATEGORIES]
_LEVELS = [(p.name, compiled(p.pattern)) for p in ADDRESSEE_LEVELS]
_ADDR_START = compiled(ADDRESSEE_START.pattern)
_ADDR_END = compiled(ADDRESSEE_END.pattern)
_ADDR_HEAD = compiled(ADDRESSEE_HEAD.pattern)
_BULLET_LINE = compiled(rf"(?:-|{_NUMBERING})")
_SUB_BULLET = compiled(r"[+*•]")


@dataclass(frozen=True)
class Part:
    """A stretch of text whose sentences are all findings of one kind."""

    start: int
    end: int
    kind: str
    label_start: int | None = None  # where the label line starts, for a labelled part


def _kind_of(match: regex.Match[str]) -> str:
    for i, phrase in enumerate(PART_KINDS):
        if match.group(f"k{i}") is not None:
            return phrase.name
    raise AssertionError("a kind pattern matched without a group")


def heading_kind(title_match: str) -> str | None:
    """The kind a heading names (its first part wording), `none` for a remarks heading, else None."""
    m = _HEADING_KIND.search(title_match)
    stop = _STOP.search(title_match)
    if stop and (m is None or stop.start() < m.start()):
        return "none"
    return _kind_of(m) if m else None


def _section_parts(doc: Document) -> list[Part]:
    """The body of each section (before its first sub-section) under the innermost heading
    that names a kind; a remarks heading (`Nhận xét`) names none and hides its parents'."""
    parts = []
    for sec in doc.sections:
        kind = _inherited_kind(doc, sec)
        end = min([c.start for c in sec.children] + [sec.end])
        if kind and kind != "none" and sec.heading_end < end:
            parts.append(Part(sec.heading_end, end, kind))
    return parts


def _inherited_kind(doc: Document, sec: Section) -> str | None:
    for node in reversed(sec.path()):
        kind = heading_kind(doc.match[node.start : node.heading_end])
        if kind:
            return kind
    return None


def _lines(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for raw in doc.text[start:end].split("\n"):
        s, e = pos, pos + len(raw)
        while s < e and doc.text[s].isspace():
            s += 1
        while e > s and doc.text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
        pos += len(raw) + 1
    return out


def _label_parts(doc: Document, body: list[tuple[int, int]], headings: set[int]) -> list[Part]:
    """Labelled lines: the rest of the line (and its `+` sub-items), or, when the label ends
    the line, the lines that follow up to the next bullet, label or heading."""
    parts = []
    for i, (s, e) in enumerate(body):
        m = _LABEL.match(doc.match, s, e)
        if m is None:
            continue
        kind = _kind_of(m)
        rest = m.end()
        stop = e
        j = i + 1
        own_line = rest < e
        while j < len(body):
            ls, le = body[j]
            line = doc.match[ls:le]
            if ls in headings or _LABEL.match(doc.match, ls, le):
                break
            if own_line and not _SUB_BULLET.match(line):
                break
            if not own_line and j > i + 1 and _BULLET_LINE.match(line) and not _SUB_BULLET.match(line):
                break
            stop = le
            j += 1
        parts.append(Part(rest, stop, kind, s))
    return parts


def _sentences(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences and `;` clauses of [start, end), line by line, without list markers."""
    out = []
    for ls, le in _lines(doc, start, end):
        pos = ls
        cuts = [m.start() + 1 for m in _SENTENCE_END.finditer(doc.text, ls, le)] + [le]
        for cut in cuts:
            s, e = pos, cut
            pos = cut
            while s < e and doc.text[s].isspace():
                s += 1
            lead = _LEAD_MARK.match(doc.match, s, e)
            if lead:
                s = lead.end()
            while e > s and (doc.text[e - 1].isspace() or doc.text[e - 1] in ";"):
                e -= 1
            if s < e:
                out.append((s, e))
    return out


def category_of(sentence_match: str) -> str:
    """The topic whose wording comes first in the sentence; `other` when none does."""
    best: tuple[int, int, int, str] | None = None
    for rank, (name, pattern) in enumerate(_CATEGORY):
        m = pattern.search(sentence_match)
        if m and (best is None or (m.start(), -len(m.group()), rank) < best[:3]):
            best = (m.start(), -len(m.group()), rank, name)
    return best[3] if best else "other"


def addressee_of(text: str, match: str) -> tuple[str | None, str | None]:
    """Whom a recommendation asks, as written, and the level of the body named first (province,
    department, central, enterprise, commune); (None, None) when the sentence names nobody."""
    m = _ADDR_START.match(match)
    start = m.end() if m else 0
    if not _ADDR_HEAD.match(match, start):
        return None, None
    end = _ADDR_END.search(match, start)
    stop = end.start() if end else len(match)
    name = text[start:stop].strip(" ,.:")
    if not name or len(name.split()) > 25:
        return None, None
    folded = match[start:stop]
    found = [(m.start(), lvl) for lvl, pattern in _LEVELS if (m := pattern.search(folded))]
    level = min(found)[1] if found else None
    return name, level


def find_parts(doc: Document) -> list[Part]:
    """Every assessment part of the body; a labelled line wins over its section's heading."""
    body_spans = doc.zone("body") or []
    headings = {sec.start for sec in doc.sections}
    parts = _section_parts(doc)
    labelled: list[Part] = []
    for span in body_spans:
        labelled += _label_parts(doc, _lines(doc, span.start, span.end), headings)
    covered = [(p.label_start or p.start, p.end) for p in labelled]
    kept = []
    for part in parts:
        pieces = [(part.start, part.end)]
        for cs, ce in covered:
            pieces = [q for ps, pe in pieces for q in ((ps, min(pe, cs)), (max(ps, ce), pe)) if q[0] < q[1]]
        kept += [Part(s, e, part.kind) for s, e in pieces]
    return sorted(kept + labelled, key=lambda p: p.start)


def _title_end(doc: Document, sec: Section) -> int:
    """Where a heading's title ends: at its colon when text follows (`3.2. Tài chính: Đề nghị ...`)."""
    colon = doc.text.find(":", sec.start, sec.heading_end)
    return colon if colon >= 0 and doc.text[colon + 1 : sec.heading_end].strip() else sec.heading_end


def _in_body(doc: Document, offset: int) -> bool:
    return any(s.start <= offset < s.end for s in doc.zone("body"))


def _row(doc: Document, s: int, e: int, kind: str) -> dict:
    text, match = doc.text[s:e], doc.match[s:e]
    addressee, level = addressee_of(text, match) if kind == "recommendation" else (None, None)
    return doc.fact(s, e, kind=kind, category=category_of(match), addressee=addressee,
                    addressee_level=level, text=text)


@register("findings", assigns=("findings",))
def extract_findings(doc: Document, facts: Facts) -> Facts:
    """One row per sentence of an assessment part, plus requests stated outside them."""
    rows, covered = [], []
    titles = [(sec.start, _title_end(doc, sec)) for sec in doc.sections
              if not _LABEL.match(doc.match, sec.start, sec.heading_end)]

    def heading(offset: int) -> bool:
        return any(hs <= offset < he for hs, he in titles)

    for part in find_parts(doc):
        if not _in_body(doc, part.start):
            continue
        covered.append((part.start, part.end))
        for s, e in _sentences(doc, part.start, part.end):
            if heading(s) or _EMPTY.match(doc.match[s:e]):
                continue
            own = _SENTENCE_KIND.match(doc.match, s, e)
            rows.append(_row(doc, s, e, SENTENCE_KIND[0].name if own else part.kind))
    for span in doc.zone("body"):
        for s, e in _sentences(doc, span.start, span.end):
            ask = _ASK.match(doc.match, s, e)
            inside = any(ps <= s < pe or s <= ps < e for ps, pe in covered)
            if ask and not inside and not heading(ask.end()):
                rows.append(_row(doc, ask.end(), e, SENTENCE_KIND[0].name))
    rows.sort(key=lambda r: r["span_start"])
    return {"findings": rows}
