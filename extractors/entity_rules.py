"""The rule half of entity recognition: bodies, units, systems, positions and cued names,
composed from the pieces the spaCy `SpanRuler` finds (`extractors.entity_ruler`, built from the
vocabulary and the official unit list).

Spans are flat and never overlap (the longest wins), as in the VLSP convention the trained
model follows: a body with its unit is one ORG (`UBND xã Phượng Tiến`), a unit standing alone
is a LOC (`xã Phượng Tiến`, `thôn Đồng Bục`, `tổ dân phố số 5`). A unit's name is the official
one the ruler matched when the text capitalises it; otherwise (a village, a unit before the
2025 list) it is read from capitalisation and cut to the longest official name when one is known."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

import regex

import extractors.admin_units as au
from datamodel import Document
from extractors.entity_ruler import Hit, hits
from extractors.fast_regex import fast_compiled
from extractors.vocab import compiled
from extractors.vocab.entities import (
    ABBREVIATIONS,
    COMMUNE_LEVEL,
    DISTRICT_LEVEL,
    LIST_JOIN,
    MEMBER,
    NUMBER_WORD,
    NUMBERED_KINDS,
    NUMBERED_URBAN,
    OF_UNIT,
    PROVINCE_LEVEL,
    SURNAMES,
    UNIT_BOUND_BODIES,
    UNIT_LIST,
    UNIT_PREFIX,
    VILLAGE_LEVEL,
)
from pipeline.textforms import canonical_tone, fold

_WORD = regex.compile(r"(?:[ \t]+|(?<=\.)|(?<=\p{Ll})(?=\p{Lu}))(?:[\p{Lu}][\p{L}]*|\d+[\p{L}]?)(?![\p{L}\d])")
"""A capitalised word or a number after white space, or glued to a unit's abbreviation (`P.Tân Định`, `Q.12`)
or to its kind (`xãTân Phú`: a capital right after a small letter starts a word)."""
_TRAILING_NUMBER = regex.compile(r"[ \t]+\d+(?![\p{L}\d]|[/.,]\d)(?=[ \t]*(?:[,.;:)\n]|$|và[ \t]))")
"""A number closing a village's name (`tổ dân phố Sơn Tập 1`), not a count opening what follows (`thôn Đông 12 hộ`)."""
_COLON = fast_compiled(r"[ \t]*:(?=[ \t])")
_OF_UNIT = fast_compiled(rf"[ \t]+{OF_UNIT.pattern}(?=[ \t])")
_SPACE = fast_compiled(r"[ \t]+")
_NUMBER_AFTER = compiled(rf"(?:[ \t]+|(?<=\.))(?:{NUMBER_WORD.pattern}[ \t]+)?(?P<n>\d+)(?![\p{{L}}\d]|[/.,]\d)")
_NUMBERED = frozenset(VILLAGE_LEVEL + NUMBERED_URBAN) | {p.name for p in NUMBERED_KINDS}
_SURNAME = fast_compiled(rf"(?:{SURNAMES.pattern})$")
_CAPITALISED_BEFORE = regex.compile(r"[\p{Lu}][\p{L}]*[ \t]+$")
_ATTACHED_KINDS = PROVINCE_LEVEL + COMMUNE_LEVEL + DISTRICT_LEVEL
_NAME_STOPS = ("BODY", "BOUND_BODY", "NAMED_BODY", "DEPARTMENT", "SYSTEM", "POSITION")
"""Pieces that end a proper name: header lines joined by the reflow (`UBND HUYỆN ĐẠI TỪ PHÒNG VĂN HÓA`),
a position after an abbreviation (`Q. CHỦ TỊCH`: acting chair)."""
_MEMBER = compiled(rf"[ \t]+(?:{MEMBER.pattern})(?![\p{{L}}])")
_LIST_BEFORE = compiled(rf"(?<![\p{{L}}])(?:{UNIT_LIST.pattern})[ \t]+$")
_LIST_JOIN = fast_compiled(rf"(?:{LIST_JOIN.pattern})(?=\S)".replace(r"\s", r"[ \t]"))
_SYMBOL_MARKS = ("/", "-")
"""A body's code inside a document symbol (`125/BC-UBND`, `1234/UBND-VX`) is not a mention."""
_UNIT_BOUND = frozenset(p.name for p in UNIT_BOUND_BODIES)
_ABBREVIATIONS = [(compiled(rf"(?<![\p{{L}}]){p.pattern}(?![\p{{L}}])", regex.IGNORECASE), p.name) for p in ABBREVIATIONS]
_UNIT_PREFIX = compiled(UNIT_PREFIX.pattern, regex.IGNORECASE)


Where = Callable[[], int | None]
"""The report's province code, read when a commune's name is shared by several provinces."""
Unit = tuple[int, str, int | None]
"""A unit read after its kind (or a body with its unit): its end, normalized form and official code."""


def _anywhere() -> None:
    """No province known (or none needed: a province's own name)."""
    return None


class EntitySpan(NamedTuple):
    """A recognised entity: [start, end) in the document's text. A tuple: a report has a hundred,
    and a frozen dataclass took six times as long to build."""

    start: int
    end: int
    label: str
    kind: str
    normalized: str
    code: int | None = None
    title: str | None = None
    source: str = "rule"


class _Pieces:
    """The ruler's hits of one document by label and start, for the composition below."""

    def __init__(self, found: Sequence[Hit]) -> None:
        blocked = {i for h in found if h.label == "NOT_UNIT" for i in range(h.start, h.end)}  # `xã hội`: no commune
        self.found = [h for h in found if h.start not in blocked or h.label not in ("UNIT_KIND", "UNIT", "NUMBERED_KIND")]
        found = self.found
        # sorted by start, longer first: going backwards, the one left at a place is the longest
        self._at: dict[tuple[str, int], Hit] = {(hit.label, hit.start): hit for hit in reversed(found)}
        self._labelled: dict[str, list[Hit]] = {}
        for hit in found:
            self._labelled.setdefault(hit.label, []).append(hit)
        self._starts = {hit.start for hit in found}
        self.stops = frozenset(hit.start for hit in found if hit.label in _NAME_STOPS)
        self.units: dict[Hit, Unit | None] = {}

    def at(self, label: str, start: int) -> Hit | None:
        return self._at.get((label, start))

    def starts(self, pos: int) -> bool:
        """Whether some piece starts at `pos`."""
        return pos in self._starts

    def of(self, *labels: str) -> list[Hit]:
        """The pieces of these labels, in reading order."""
        if len(labels) == 1:
            return self._labelled.get(labels[0], [])
        return [h for h in self.found if h.label in labels]


def _proper_name(doc: Document, pos: int, numbered: bool, most: int = 5,
                 stops: frozenset[int] = frozenset()) -> list[regex.Match[str]]:
    """The capitalised words (or a number, for villages and groups) right after `pos`, up to
    a word that opens another piece (`stops`: a body, a position)."""
    words: list[regex.Match[str]] = []
    while len(words) < most:
        m = _WORD.match(doc.text, pos)
        if m is None or (m.group().strip()[0].isdigit() and not (numbered and not words)):
            break
        if m.end() - len(m.group().lstrip()) in stops:
            break
        words.append(m)
        pos = m.end()
        if m.group().strip()[0].isdigit():
            break
    return words


def _unit_at(doc: Document, pieces: _Pieces, kind: Hit, province: Where) -> Unit | None:
    """The unit whose kind word is `kind`, or None when no proper name follows it (a number
    after a village's kind is read in `rule_entities`). Read once per kind: a body, a list and
    the kind itself all ask."""
    if kind not in pieces.units:
        pieces.units[kind] = _read_unit(doc, pieces, kind, province)
    return pieces.units[kind]


def _read_unit(doc: Document, pieces: _Pieces, kind: Hit, province: Where) -> Unit | None:
    words = _proper_name(doc, kind.end, kind.id in _NUMBERED, stops=pieces.stops)
    if not words:
        return None
    if kind.id in VILLAGE_LEVEL and not words[-1].group().strip()[0].isdigit():
        number = _TRAILING_NUMBER.match(doc.text, words[-1].end())
        words += [number] if number is not None else []
    official = pieces.at("UNIT", kind.start)
    ends = [w.end() for w in words]
    if official is not None and official.end in ends:  # the longest official name the text capitalises
        words = words[: ends.index(official.end) + 1]
    elif official is not None and official.end > ends[-1]:  # a dash, an apostrophe, a number: `A Lưới 1`, `Ea H’leo`
        code, name = _official(doc.text[kind.end : official.end], kind.id, province)
        if name:
            return official.end, f"{kind.id} {name}", code
    texts = [w.group().strip() for w in words]
    code = None
    if kind.id in PROVINCE_LEVEL or kind.id in COMMUNE_LEVEL:
        n = au.known_prefix(texts, _is_province_name if kind.id in PROVINCE_LEVEL else _is_commune_name)
        if not n and (kind.id == PROVINCE_LEVEL[0] or len(texts) >= 3 and _SURNAME.match(fold(texts[0]))):
            return None  # every province is listed (`Tỉnh Đoàn` is a body); `HĐND xã Hứa Quốc Hưng`: a person follows
        if n:
            words, texts = words[:n], texts[:n]
            code, name = _official(" ".join(texts), kind.id, province)
            if name:
                texts = name.split()
    name = " ".join(t if t.isdigit() else t[:1] + t[1:].lower() for t in texts)
    return words[-1].end(), f"{kind.id} {name}", code


def _official(name: str, kind: str, province: Where) -> tuple[int | None, str | None]:
    """The official code and name (without its kind word) of the unit `kind name`, or Nones."""
    found = _named(name, kind)
    if len(found) > 1:  # the report's province picks one (read only here: finding it costs a pass over the text)
        code = province()
        found = tuple(u for u in found if code is None or u.province_code == code)
    if len(found) == 1:
        return found[0].code, _without_kind(found[0].name)
    return None, None


@lru_cache(maxsize=4096)  # a report names its own commune again and again
def _without_kind(name: str) -> str:
    """An official name without its kind word (`Xã Phượng Tiến` → `Phượng Tiến`)."""
    return _UNIT_PREFIX.sub("", name, count=1)


_is_commune_name = lru_cache(maxsize=4096)(au.is_commune_name)
_is_province_name = lru_cache(maxsize=4096)(au.is_province_name)
"""`admin_units`' tests, remembered: each reading of a unit asks them of its first one to five words."""


@lru_cache(maxsize=4096)  # a report names its own commune and province again and again
def _named(name: str, kind: str) -> tuple[au.Unit, ...]:
    """The official units of that kind and name (a province: the one of that name)."""
    if kind in PROVINCE_LEVEL:
        unit = au.province_named(name)
        return (unit,) if unit else ()
    return au.communes_named(name, kind)


@lru_cache(maxsize=4096)  # bodies recur: a report names its UBND dozens of times
def _sentence_case(text: str) -> str:
    """The normalized form of a body or title: one space, canonical tone marks, capitals
    of a header line lowered (`ỦY BAN NHÂN DÂN`), abbreviations written out."""
    text = canonical_tone(regex.sub(r"\s+", " ", text).strip())
    if text.isupper() and " " in text:
        text = text[:1] + text[1:].lower()
    for pattern, full in _ABBREVIATIONS:
        text = pattern.sub(full, text)
    return text


def _next_word(doc: Document, end: int) -> int:
    """Where the word after `end` starts on the same line; `end` itself when a line break or
    nothing follows."""
    space = _SPACE.match(doc.text, end)
    return space.end() if space is not None else end


def _with_unit(doc: Document, pieces: _Pieces, body: Hit, province: Where) -> Unit | None:
    """A body extended by the unit written after it (`UBND` + ` xã Tà Tổng`, `Hệ thống ...` +
    ` của tỉnh`); None for a body that names
    something only with its unit (`công an`) or its proper name (`Trường Tiểu học`) when none follows."""
    end = body.end
    if body.label == "NAMED_BODY":
        words = _proper_name(doc, end, numbered=True)
        if not words:
            return None
        end = words[-1].end()
    norm = _sentence_case(doc.text[body.start : end])
    after = _next_word(doc, end)
    of_unit = _OF_UNIT.match(doc.match, end)  # `UBND của xã X`
    nxt = _next_word(doc, of_unit.end()) if of_unit is not None else after
    kind = pieces.at("UNIT_KIND", nxt) if nxt > end else None
    if kind is not None and kind.id in _ATTACHED_KINDS:
        unit = _unit_at(doc, pieces, kind, province)
        if unit is None:
            return kind.end, f"{norm} {kind.id}", None
        return unit[0], f"{norm} {unit[1]}", unit[2]
    village = _village(doc, pieces, nxt, province) if nxt > end else None
    if village is not None:  # `Chi bộ ấp Tân Hòa`, `Tổ công nghệ số cộng đồng Khu phố 5`: the body of a village
        return village[0], f"{norm} {village[1]}", None
    bare = pieces.at("PROVINCE", after) if after > end else None
    named = body.label != "BOUND_BODY" or doc.text[body.start].isupper()  # `Viễn thông Thái Nguyên`, not the trade
    if bare is not None and doc.text[after].isupper() and named:  # `Tỉnh ủy Thái Nguyên`
        code, official = _official(doc.text[bare.start : bare.end], "tỉnh", _anywhere)
        return bare.end, f"{norm} {official}", code
    return None if body.label == "BOUND_BODY" else (end, norm, None)


def _village(doc: Document, pieces: _Pieces, pos: int, province: Where) -> tuple[int, str] | None:
    """The end and normalized form of a village or group named at `pos` by its kind and a name or
    number (`ấp Tân Hòa`, `thôn 3`, `tổ 7`), or None."""
    kind = pieces.at("UNIT_KIND", pos) or pieces.at("NUMBERED_KIND", pos)
    if kind is None or kind.id not in VILLAGE_LEVEL and kind.label != "NUMBERED_KIND":
        return None
    number = _NUMBER_AFTER.match(doc.match, kind.end)
    if number is not None:
        return number.end(), f"{kind.id} {number.group('n')}"
    unit = _unit_at(doc, pieces, kind, province) if kind.label == "UNIT_KIND" else None
    return (unit[0], unit[1]) if unit is not None else None


def _listed_units(doc: Document, pieces: _Pieces, province: Where) -> list[EntitySpan]:
    """The other names of a list of units after its kind (`các thôn Nà Mòn, Khuôn Lân và Pác
    Nặm`), or all of them after the kind and a colon (`Các xã: Vạn Phú, Đức Lương`): each a LOC
    of that kind, written bare."""
    found = []
    for kind in pieces.of("UNIT_KIND"):
        if not _LIST_BEFORE.search(doc.match, max(0, kind.start - 12), kind.start):
            continue
        colon = _COLON.match(doc.text, kind.end)
        unit = None if colon is not None else _unit_at(doc, pieces, kind, province)
        if colon is None and unit is None:
            continue
        at: int | None = colon.end() if colon is not None else None
        end = unit[0] if unit is not None else kind.end
        while at is not None or (join := _LIST_JOIN.match(doc.match, end)) is not None:
            at = join.end() - 1 if at is None else at
            words = _proper_name(doc, at, kind.id in VILLAGE_LEVEL)
            start = words[0].end() - len(words[0].group().strip()) if words else at
            if not words or pieces.starts(start):
                break  # not a name, or a kind, body or cue (`thôn Pác Nặm`, `UBND`, `Đồng chí`)
            name = " ".join(w.group().strip() for w in words)
            code, official = _official(name, kind.id, province) if kind.id in COMMUNE_LEVEL else (None, None)
            found.append(EntitySpan(start, words[-1].end(), "LOC", "admin_unit", f"{kind.id} {official or name}", code))
            end, at = words[-1].end(), None
    return found


def _bare_provinces(doc: Document, pieces: _Pieces) -> list[EntitySpan]:
    """Provinces named without their kind word (`tại Quảng Ngãi`, `(TPHCM)`), written with capitals
    and not inside a longer capitalised name (`Lê Thanh Hóa`, `Điện Biên Phủ`)."""
    found = []
    for hit in pieces.of("PROVINCE"):
        words = doc.text[hit.start : hit.end].split()
        if not all(w[:1].isupper() for w in words) or _WORD.match(doc.text, hit.end):
            continue
        if _CAPITALISED_BEFORE.search(doc.text, max(0, hit.start - 20), hit.start):
            continue
        code, official = _official(" ".join(words), PROVINCE_LEVEL[0], _anywhere)
        found.append(EntitySpan(hit.start, hit.end, "LOC", "admin_unit", official or " ".join(words), code))
    return found


def _in_symbol(doc: Document, hit: Hit) -> bool:
    """Whether a body's abbreviation is part of a document symbol (`125/BC-UBND`, `UBND-VX`)."""
    before = doc.text[hit.start - 1 : hit.start]
    after = doc.text[hit.end : hit.end + 2]
    return before in _SYMBOL_MARKS or (after[:1] in _SYMBOL_MARKS and after[1:2].isalpha())


def rule_entities(doc: Document, province: int | None | Where = None, signer_title: str | None = None) -> list[EntitySpan]:
    """Every entity the rules find, non-overlapping, in reading order. `province` (the
    report's province code, or a function that reads it) picks among communes that share a name."""
    where = province if callable(province) else lambda: province
    return _rule_entities(doc, where, signer_title)


def _rule_entities(doc: Document, province: Where, signer_title: str | None) -> list[EntitySpan]:
    pieces = _Pieces(hits(doc))
    found: list[EntitySpan] = []
    for hit in pieces.of("BODY", "BOUND_BODY", "NAMED_BODY", "DEPARTMENT", "SYSTEM"):
        if hit.label in ("BODY", "BOUND_BODY") and (_in_symbol(doc, hit) or _MEMBER.match(doc.match, hit.end)):
            continue
        unit = _with_unit(doc, pieces, hit, province)
        if unit is not None:
            found.append(EntitySpan(hit.start, unit[0], "ORG", "system" if hit.label == "SYSTEM" else "body", unit[1], unit[2]))
    found += _place_of_issue(doc, province)
    found += _byline(doc, pieces)
    for hit in pieces.of("UNIT_KIND"):
        unit = _unit_at(doc, pieces, hit, province)
        if unit is not None:
            found.append(EntitySpan(hit.start, unit[0], "LOC", "admin_unit", unit[1], unit[2]))
    found += _listed_units(doc, pieces, province)
    found += _bare_provinces(doc, pieces)
    for hit in pieces.of("UNIT_KIND", "NUMBERED_KIND"):  # `thôn 3`, `tổ dân phố số 5`, `khu 5`
        number = _NUMBER_AFTER.match(doc.match, hit.end) if hit.id in _NUMBERED else None
        if number is not None:
            found.append(EntitySpan(hit.start, number.end(), "LOC", "admin_unit", f"{hit.id} {number.group('n')}"))
    for hit in pieces.of("POSITION"):
        found.append(EntitySpan(hit.start, hit.end, "PER", "position", _sentence_case(doc.text[hit.start : hit.end])))
    for hit in pieces.of("PERSON_CUE"):
        words = _proper_name(doc, hit.end, numbered=False, most=4)
        start = words[0].end() - len(words[0].group().strip()) if words else hit.end
        if len(words) >= 2:
            found.append(EntitySpan(start, words[-1].end(), "PER", "person", " ".join(w.group().strip() for w in words)))
        elif words and hit.id == "honorific":  # `ông Quang`, after `ông Nguyễn Văn Quang`
            full = _named_before(found, words[0].group().strip(), hit.start)
            if full is not None:
                found.append(EntitySpan(start, words[0].end(), "PER", "person", full))
    found += _cooperatives(doc, pieces)
    for span in doc.zone("signer_name"):
        found.append(EntitySpan(span.start, span.end, "PER", "person", _sentence_case(doc.text[span.start:span.end]),
                                title=signer_title))
    for motto in doc.zone("motto"):
        found = [e for e in found if not motto.start <= e.start < motto.end]
    return flat(found)


def _named_before(found: list[EntitySpan], given: str, before: int) -> str | None:
    """The full name of the one person named before `before` whose given name (last word) is `given`."""
    names = {e.normalized for e in found if e.label == "PER" and e.kind == "person" and e.end <= before
             and len(e.normalized.split()) >= 2 and e.normalized.split()[-1] == given}
    return names.pop() if len(names) == 1 else None


_NAME_WORD = regex.compile(r"[ \t]+([\p{L}]+)(?![\p{L}\d])")
_COOPERATIVE_GAP = 2
"""Most small-letter words between two capitalised ones of a cooperative's name (`Hoa cây cảnh Vị Khê`)."""
_COOPERATIVE_WORDS = 8


def _cooperatives(doc: Document, pieces: _Pieces) -> list[EntitySpan]:
    """Cooperatives named after `Hợp tác xã`/`HTX` (written with a capital): their names mix small
    letters (`Hợp tác xã Hoa cây cảnh Vị Khê`), so the name runs to its last capitalised word, across
    at most two small-letter words at a time, and stops at a list's `và` or at another piece (a unit,
    a body). A lower-case `hợp tác xã` is the kind of body, not one."""
    found = []
    for hit in pieces.of("NOT_UNIT"):
        if hit.id != "cooperative" or not doc.text[hit.start].isupper():
            continue
        pos, end, gap, words = hit.end, None, 0, 0
        while words < _COOPERATIVE_WORDS and (m := _NAME_WORD.match(doc.text, pos)) and not pieces.starts(m.start(1)):
            if _LIST_JOIN.match(doc.match, m.start()):
                break
            gap = 0 if m.group(1)[0].isupper() else gap + 1
            if gap > _COOPERATIVE_GAP:
                break
            end = m.end() if gap == 0 else end
            pos, words = m.end(), words + 1
        if end is not None:
            found.append(EntitySpan(hit.start, end, "ORG", "body", _sentence_case(doc.text[hit.start : end])))
    return found


_PLACE = regex.compile(r"[\p{Lu}][\p{L}]*(?:[ \t]+[\p{Lu}][\p{L}]*){0,4}(?=,)")


def _place_of_issue(doc: Document, province: Where) -> list[EntitySpan]:
    """The commune named bare before the date line's comma (`Phượng Tiến, ngày ...`)."""
    found = []
    for span in doc.zone("place_date"):
        m = _PLACE.match(doc.text, span.start, span.end)
        if m:
            code, official = _official(m.group(), "xã", province)
            found.append(EntitySpan(m.start(), m.end(), "LOC", "admin_unit", official or m.group(), code))
    return found


def flat(spans: list[EntitySpan]) -> list[EntitySpan]:
    """The longest of overlapping spans (the earlier on a tie), in reading order."""
    starts: list[int] = []
    kept: list[EntitySpan] = []  # sorted by start, never overlapping
    for _, _, order in sorted((s.start - s.end, s.start, k) for k, s in enumerate(spans)):  # longest first, stable
        span = spans[order]
        i = bisect.bisect_left(starts, span.start)
        if (i == 0 or kept[i - 1].end <= span.start) and (i == len(kept) or span.end <= kept[i].start):
            starts.insert(i, span.start)
            kept.insert(i, span)
    return kept


_BYLINE = regex.compile(r"[ \t]*([\p{Lu}][\p{L}]*(?:[ \t]+[\p{Lu}][\p{L}]*){1,3})[ \t]*\n*\Z")


def _byline(doc: Document, pieces: _Pieces) -> list[EntitySpan]:
    """A news text's byline: its last line holding only two to four capitalised words (`Minh Châu`,
    `HẢI YẾN`). Pen names often open with no family name, so the line's place is the cue;
    a body, a unit or an official place name there is no byline (a word that may cue a name,
    `Anh`, may be part of one)."""
    last = doc.text.rstrip().rfind("\n") + 1
    m = _BYLINE.match(doc.text, last)
    if m is None or any(z.start < m.end(1) for z in doc.zone("signer_name")):  # a report's signer (with a title)
        return []
    if any(h.start < m.end(1) and h.end > m.start(1) and h.label != "PERSON_CUE" for h in pieces.found):
        return []
    name = " ".join(w[:1] + w[1:].lower() for w in m.group(1).split())
    if au.is_province_name(name) or au.is_commune_name(name):
        return []
    return [EntitySpan(m.start(1), m.end(1), "PER", "person", name)]
