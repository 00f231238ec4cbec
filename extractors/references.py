"""The `references` component: every mention of an official document in a report.

The usual frame is `<type word> số <number/symbol> ngày <date> của <issuer> về <subject>`
(`Quyết định số 296/QĐ-UBND ngày 09/8/2025 của UBND xã Phượng Tiến về việc ...`), with
variants: no `số` (`Kết luận 183-KL/TW`), short type words (`KH số 30/KH-UBND`), a qualifier
(`Kế hoạch hành động số`), the date opening the sentence (`Ngày 29/9/2025, UBND xã ban hành
Quyết định số 863/QĐ-UBND`), and bare back-references that take the date stated at another
mention of the same document. The code grammar lives in `extractors.doc_codes`. Each mention
is a row; the report's own number line in the header is not (metadata reads it). `relation`
says whether the commune's own bodies issued the document, it is only cited, or it is still
pending (`chưa ban hành`, `đang dự thảo`), in which case it may have no number at all.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

from datamodel import Document, Span
from extractors.dates import LEADING_DATE, DateMention, find_dates, read_date
from extractors.doc_codes import TYPE_NAMES, TYPES, DocCode, code_matches, parse_code, type_code, type_name
from extractors.fast_regex import fast_compiled
from extractors.last_document import remember_last
from extractors.match_starts import finditer_at
from extractors.registry import Facts, register
from extractors.vocab import bodies

_NAMES = "|".join(sorted(map(regex.escape, TYPE_NAMES), key=len, reverse=True))
_SHORT = "|".join(sorted(map(regex.escape, TYPES), key=len, reverse=True))

TYPE_WORD_BEFORE = regex.compile(
    rf"(?<!\p{{L}})(?:(?P<word>{_NAMES})(?:(?:\s+\p{{L}}+){{0,2}}?\s+số)?|(?P<short>{_SHORT})\s+số)\s*:?\s*$"
)
"""The type word in front of a code: `Kế hoạch số`, `Kế hoạch hành động số`, `Kết luận`, `KH số`."""
GENERIC_WORDS = {"văn bản"}
"""Type words that name no particular type (never a type mismatch, never the doc_type)."""

DATE_GAP = regex.compile(r"[ \t\n,]*\(?\s*(?:ban\s+hành\s+)?")
"""Between a code and its date: `, `, `(`, `ban hành`."""
NGAY = regex.compile(r"ngày\s*")
ISSUER_PHRASE = regex.compile(r"[\s,]*của\s+(?P<issuer>[^,;()\n.]{2,80}?)(?=\s+về\s|\s+(?:tại|trên|thực\s+hiện|triển\s+khai|ngày)\s|[,;()\n]|\.(?:\s|$)|$)")
"""`của <issuer>` after the code and date, cut before `về`, a comma or a sentence end."""
SUBJECT_START = regex.compile(r"[\s,]*về\s+(?:việc\s+)?")
"""The start of the `về (việc) ...` subject clause."""
SUBJECT_END = regex.compile(r";|\.(?:\s|$)|\n|\)\s*[,;.]")
COORDINATED = regex.compile(r"\s*,?\s*và\s*(?:số\s*)?$")
"""What joins two coordinated mentions that share the date written after the second."""
CLAUSE_START = regex.compile(r";\s*(?:và\s+)?$")
"""A mention that opens a `;`-separated item of a list (`...; kế hoạch số 74/KH-UBND ...`)."""
_SPACES = regex.compile(r"\s+")
_TRAILING_LINK = regex.compile(r"\s+(?:và|,)$")
_TRAILING_COMMA = regex.compile(r",\s*$")

PENDING_CUE = (
    r"chưa\s+(?:được\s+)?ban\s+hành|(?:đang|đã|chỉ\s+đạo|tiến\s+hành)\s+(?:được\s+)?(?:xây\s+dựng\s+)?dự\s+thảo"
    r"|đang\s+(?:được\s+)?(?:xây\s+dựng|hoàn\s+thiện)"
)
"""Wording that says a document is not yet issued: `chưa (được) ban hành`, `đang dự thảo`, `đã dự thảo`."""
PENDING = regex.compile(PENDING_CUE)
PENDING_STARTS = ("chưa", "chỉ", "đang", "đã", "tiến")
"""The words a `PENDING` match begins with, derived from it by partial matching
(`tests/extractors/test_match_starts.py` derives them again and fails when the wording adds one):
the cues are tried only where one of them stands, which `re` finds at C speed, where `regex`
tried every alternative of the cue at every character (half the time of finding the cues)."""
_PENDING_START = fast_compiled("|".join(PENDING_STARTS))
TYPE_WORD = regex.compile(rf"(?<!\p{{L}})(?:{_NAMES})(?!\p{{L}})")
CLAUSE_LINK = r"(?<!\p{L})(?:nhưng|còn|song)(?!\p{L})"
"""Conjunctions that open a new clause about another document (`..., nhưng Quy chế chưa ban hành`)."""
CUE_REACH = 80
"""Most characters between a numbered mention (and its date) and a cue that says it is not yet issued."""
PENDING_AFTER = regex.compile(rf"(?:(?!{TYPE_WORD.pattern}|{CLAUSE_LINK})[^.;\n]){{0,{CUE_REACH}}}?(?P<cue>{PENDING_CUE})")
"""Wording after a numbered mention that says it is not yet issued (unless the cue governs the
type word after it: `..., Ban Thường vụ đã chỉ đạo dự thảo kế hoạch`)."""
PENDING_WORD_AFTER = regex.compile(rf"(?:{PENDING_CUE})\s+(?:(?:các|một|0?1|bản)\s+)?(?P<word>{_NAMES})(?!\p{{L}})")
"""A cue naming the document it governs: `đã dự thảo Quyết định ...`, `chưa ban hành Quy chế ...`."""
PENDING_SENTENCE_START = regex.compile(rf"[.;:()\n]|{CLAUSE_LINK}")
"""Where the sentence part before a cue begins: `Kế hoạch ... đã ban hành nhưng Quy chế ... chưa ban hành`."""
CLAUSE_END = regex.compile(r"\s*(?:[.,;:()\n]|$|(?:chưa|để|và)(?!\p{L}))")
"""What follows a cue about the document before it (`Quy chế ... đang dự thảo, chưa ban hành`);
a cue followed by an object has a subject of its own (`các thôn đang xây dựng mô hình`)."""
CLAUSE_OPENING = regex.compile(r"(?:^|[,\-+*•])\s*$")
"""What may stand before a type word that opens its clause: `- Quy chế ...`, `..., Quy chế ...`."""
PENDING_REACH = 200
"""Most characters between a document's type word and the cue after it (`Quy chế hoạt động của Tổ ... đang dự thảo`)."""

HIGHER_ISSUER = regex.compile(bodies.HIGHER_ISSUER.pattern)
COMMUNE_ISSUER = regex.compile(rf"(?<!\p{{L}}){bodies.COMMUNE_KIND}(?!\p{{L}})")
"""Issuer wording of the commune itself (`của Đảng ủy xã Phước Giang`)."""


@dataclass
class Mention:
    """A document mention while it is being read."""

    start: int
    code: DocCode
    code_span: Span
    word: str | None
    issue: DateMention | None = None
    inferred: bool = False


def _type_word(doc: Document, start: int) -> tuple[int, str | None]:
    """The start of the mention and its type name, looking back from a code at `start`."""
    m = TYPE_WORD_BEFORE.search(doc.match, max(0, start - 60), start)
    if not m:
        return start, None
    if m.group("short"):
        return m.start(), type_name(m.group("short"))
    return m.start(), TYPE_NAMES[_SPACES.sub(" ", m.group("word"))]


def _own_date(doc: Document, end: int) -> DateMention | None:
    """The date written right after a code (`, ngày 25/7/2025`, `ngày 24 tháng 10 năm 2025`)."""
    pos = DATE_GAP.match(doc.match, end).end()
    found = read_date(doc, pos)
    if found is None and (m := NGAY.match(doc.match, pos)):
        found = read_date(doc, m.end())
    return found


@dataclass
class _Positions:
    """A document's dates and code spans (each in reading order, none overlapping) with their
    positions, so that those before a mention are found by bisection."""

    dates: list[DateMention]
    date_starts: list[int]
    date_ends: list[int]
    code_starts: list[int]

    @classmethod
    def of(cls, dates: list[DateMention], codes: list[Span]) -> _Positions:
        return cls(dates, [d.start for d in dates], [d.end for d in dates], [c.start for c in codes])


def _leading_date(doc: Document, mention: Mention, at: _Positions) -> DateMention | None:
    """A date opening the sentence that issues this mention (`Ngày 29/9/2025, UBND xã ban hành
    ...`), for the first mention after it or one that opens a later `;` item."""
    line = doc.line_span(mention.start)
    first = bisect_left(at.date_starts, line.start)  # the dates on the mention's line before it
    past = bisect_right(at.date_ends, mention.start)
    if past <= first or not LEADING_DATE.search(doc.match[line.start : at.dates[past - 1].start]):
        return None
    lead = at.dates[past - 1]
    between = bisect_left(at.code_starts, mention.start) > bisect_left(at.code_starts, lead.end)
    if between and not CLAUSE_START.search(doc.match[line.start : mention.start]):
        return None
    return lead


def _find_mentions(doc: Document) -> tuple[list[Mention], list[Span]]:
    """Numbered mentions in reading order (outside the header number line) and all code spans."""
    skip = doc.zone("number")
    mentions, spans = [], []
    for m in code_matches(doc.text):
        span = Span(m.start(), m.end())
        spans.append(span)
        if any(s.start <= m.start() < s.end for s in skip):
            continue
        start, word = _type_word(doc, m.start())
        mentions.append(Mention(start, parse_code(m), span, word))
    return mentions, spans


def _date_mentions(doc: Document, mentions: list[Mention], codes: list[Span]) -> None:
    """Issue dates: written after the code, opening the sentence, or stated at another mention."""
    at = _Positions.of(find_dates(doc, codes), codes)
    for mn in mentions:
        mn.issue = _own_date(doc, mn.code_span.end) or _leading_date(doc, mn, at)
    for mn, nxt in reversed(list(zip(mentions, mentions[1:]))):
        own = nxt.issue is not None and nxt.issue.start >= nxt.code_span.end
        if mn.issue is None and own and COORDINATED.match(doc.match, mn.code_span.end, nxt.start):
            mn.issue = nxt.issue  # `Quyết định số A và Kế hoạch số B ngày D`: D dates both
    stated: dict[str, DateMention] = {}
    for mn in mentions:
        if mn.issue is not None and mn.issue.value() is not None:
            stated.setdefault(mn.code.canonical, mn.issue)
    for mn in mentions:
        if mn.issue is None and mn.code.canonical in stated:
            mn.issue, mn.inferred = stated[mn.code.canonical], True


def _after_frame(doc: Document, mn: Mention) -> int:
    """Where the text after the code (and its own date) continues."""
    end = mn.code_span.end
    if mn.issue is not None and not mn.inferred and mn.issue.start >= end:
        end = mn.issue.end
    return end


def _issuer_text(doc: Document, pos: int, next_start: int | None) -> tuple[str | None, int]:
    """The `của <issuer>` phrase at `pos` (cut before the next mention) and where it ends."""
    m = ISSUER_PHRASE.match(doc.match, pos, next_start or len(doc.match))
    if not m:
        return None, pos
    issuer = _TRAILING_LINK.sub("", doc.text[m.start("issuer") : m.end("issuer")].strip())
    return issuer, m.end()


def _subject(doc: Document, pos: int, next_start: int | None) -> str | None:
    """The `về ...` clause at `pos`, cut at `;`, a sentence end, or `, <next reference>`."""
    m = SUBJECT_START.match(doc.match, pos)
    if not m:
        return None
    stop = SUBJECT_END.search(doc.match, m.end())
    end = stop.start() if stop else len(doc.text)
    if next_start is not None and m.end() < next_start < end:
        comma = _TRAILING_COMMA.search(doc.match[m.end() : next_start])
        end = m.end() + comma.start() if comma else end
    text = " ".join(doc.text[m.end() : end].split())
    return text or None


@remember_last
def _cues(match: str) -> tuple[list[regex.Match[str]], list[int]]:
    """The document's not-yet-issued cues (`PENDING`, in reading order, none overlapping) and
    their ends: found once for the bare drafts and for every numbered mention's test."""
    cues = finditer_at(PENDING, match, (m.start() for m in _PENDING_START.finditer(match)))
    return cues, [c.end() for c in cues]


def cue_within_reach(match: str, pos: int) -> bool:
    """Whether a not-yet-issued cue starts within `CUE_REACH` of `pos`, as `PENDING_AFTER` needs
    (a costly pattern, tried only then): a cue starting at c >= pos is one of the document's
    cues or lies inside one, so the first cue ending after `pos` starts by c."""
    cues, ends = _cues(match)
    first = bisect_right(ends, pos)
    return first < len(cues) and cues[first].start() <= pos + CUE_REACH


def _is_pending(doc: Document, mn: Mention) -> bool:
    """Whether the words after the mention say it is not yet issued."""
    pos = _after_frame(doc, mn)
    m = PENDING_AFTER.match(doc.match, pos) if cue_within_reach(doc.match, pos) else None
    return m is not None and not PENDING_WORD_AFTER.match(doc.match, m.start("cue"))


def _relation(doc: Document, mn: Mention, issuer: str | None, twins: set[str]) -> str:
    """`pending`, `issued` (by the commune's own bodies) or `cited`."""
    if _is_pending(doc, mn):
        return "pending"
    folded = issuer.lower() if issuer else ""
    if folded and HIGHER_ISSUER.search(folded):
        return "cited"
    if folded and COMMUNE_ISSUER.search(folded):
        return "issued"
    code = mn.code
    if code.year is not None or code.issuer.split("-")[0] not in bodies.COMMUNE_CODES:
        return "cited"
    if code.issuer == "BCĐ" and f"{code.number}|{code.type_code}" in twins:
        return "cited"  # `02-KH/BCĐ` written for the central `02-KH/BCĐTW` cited elsewhere
    return "issued"


def _mismatch(mn: Mention) -> bool:
    """Whether the type word disagrees with the type in the code (`Nghị quyết số 57-QĐ/TW`)."""
    if mn.word is None or mn.word.lower() in GENERIC_WORDS or mn.code.style == "letter":
        return False
    return type_name(mn.code.type_code) != mn.word


def _doc_type(mn: Mention) -> str:
    """The type word as written (canonical tone form), else the name of the code's type."""
    if mn.word is not None and mn.word.lower() not in GENERIC_WORDS:
        return mn.word
    return type_name(mn.code.type_code)


def _row(doc: Document, mn: Mention, next_start: int | None, twins: set[str]) -> dict:
    """The row of a numbered mention."""
    code, end = mn.code, mn.code_span.end
    issuer, pos = _issuer_text(doc, _after_frame(doc, mn), next_start)
    return doc.fact(
        mn.start, end, text=doc.text[mn.start : end], doc_type=_doc_type(mn), type_code=code.type_code,
        number=code.number, year=code.year, symbol=code.symbol, canonical=code.canonical,
        issue_date=_value(mn.issue), issue_date_inferred=mn.inferred,
        issuer_text=issuer, subject=_subject(doc, pos, next_start), relation=_relation(doc, mn, issuer, twins),
        type_mismatch=_mismatch(mn),
    )


def _value(d: DateMention | None) -> dt.date | None:
    """The date of a mention's issue date, if any."""
    return d.value() if d is not None else None


def _clause_head(doc: Document, start: int, end: int) -> Span | None:
    """The document a clause ending at `end` is about: the last type word that opens a clause
    (`- Quy chế làm việc của Ban Chỉ đạo về khoa học, công nghệ ...`, `..., Quy chế hoạt động`);
    none when the clause has another subject (`Thực hiện Kế hoạch ..., xã đang xây dựng hạ tầng`)."""
    opening = [w for w in TYPE_WORD.finditer(doc.match, start, end) if CLAUSE_OPENING.search(doc.match[start : w.start()])]
    return Span(opening[-1].start(), opening[-1].end()) if opening else None


def _pending_word(doc: Document, cue: regex.Match) -> Span | None:
    """The type word a not-yet-issued cue governs: the one right after it, else the head of the
    clause before it when the cue is passive or closes the clause (`Quy chế hoạt động của Tổ công
    nghệ số đang dự thảo, ...`, `Kế hoạch ... chưa được ban hành`)."""
    after = PENDING_WORD_AFTER.match(doc.match, cue.start())
    if after:
        return Span(after.start("word"), after.end("word"))
    if not cue.group().startswith("chưa") and not CLAUSE_END.match(doc.match, cue.end()):
        return None
    lead = max(0, cue.start() - PENDING_REACH)
    bounds = list(PENDING_SENTENCE_START.finditer(doc.match, lead, cue.start()))
    return _clause_head(doc, bounds[-1].end() if bounds else lead, cue.start())


def _pending_bare(doc: Document, numbered: set[int]) -> list[dict]:
    """Rows for documents said to be drafted or not yet issued that carry no number."""
    rows, seen = [], set()
    for cue in _cues(doc.match)[0]:
        word = _pending_word(doc, cue)
        if word is None or word in seen or word.start in numbered:
            continue  # named twice (`đang dự thảo, chưa ban hành`), or numbered: read with its code
        seen.add(word)
        name = TYPE_NAMES[_SPACES.sub(" ", doc.match[word.start : word.end])]
        rows.append(doc.fact(
            word.start, word.end, text=doc.slice(word), doc_type=name, type_code=type_code(name), number=None,
            year=None, symbol=None, canonical=None, issue_date=None, issue_date_inferred=False, issuer_text=None,
            subject=None, relation="pending", type_mismatch=False,
        ))
    return [r for r in rows if r["doc_type"].lower() not in GENERIC_WORDS]


def _mismatch_check(doc: Document, row: dict) -> dict:
    """The `checks` row of a type word that contradicts its code."""
    return doc.fact(
        row["span_start"], row["span_end"], rule="reference_type_mismatch", severity="warning", metrics="",
        message=f"'{row['text']}': the type word '{row['doc_type']}' disagrees with the code type '{row['type_code']}'",
    )


@register("references", assigns=("references", "checks"))
def extract_references(doc: Document, facts: Facts) -> Facts:
    """One row per document mention, and a check for each type word that contradicts its code."""
    mentions, codes = _find_mentions(doc)
    _date_mentions(doc, mentions, codes)
    twins = {f"{m.code.number}|{m.code.type_code}" for m in mentions if m.code.issuer.endswith("TW")}
    starts = [m.start for m in mentions]
    rows = [_row(doc, mn, starts[i + 1] if i + 1 < len(starts) else None, twins) for i, mn in enumerate(mentions)]
    rows = sorted(rows + _pending_bare(doc, set(starts)), key=lambda r: r["span_start"])
    checks = [_mismatch_check(doc, r) for r in rows if r["type_mismatch"]]
    return {"references": rows, "checks": checks}
