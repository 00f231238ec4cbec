"""Which commune a report is by or about, and the province clues that place it.

Precision first: the commune comes from the report's own voice, never from a passing mention.
In order: the header issuer lines (`ĐẢNG ỦY XÃ GIA PHÚC`); the reporting body in the opening or
closing (`UBND xã Phượng Tiến báo cáo ...`, `... báo cáo ... của Đảng ủy xã X`) or anywhere in
the body when the verb follows the name; the signer block (`TM. ỦY BAN NHÂN DÂN XÃ X`); a body
or place the entities recognised in the signer's title (`CHỦ TỊCH UBND XÃ X`) or the recipient
line (a commune's own steering committee reporting to `Đảng ủy xã X`), when it is an official
commune and the only one named there; the commune whose web portal publishes the text
(`Trang thông tin điện tử xã X`); then, in
a text without a commune header, the one commune the text is about (named again and again,
no other commune named nearly as often; venues `tại xã Y` and lists `các xã Y, Z` do not
count). A header of a province, department or district body stands for a report that is not a
commune's: its commune stays empty however many communes it names. Patterns run on the
matching form (`Document.match`); names are read from `Document.text` at the same offsets."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from datamodel import Document, Span
from extractors import admin_units as au
from extractors.vocab import bodies
from extractors.vocab import document_parts as parts
from pipeline.header import proper, tidy
from pipeline.textforms import fold

_KIND = regex.compile(rf"(?<!\p{{L}})(?P<kind>{bodies.COMMUNE_KIND})\s+")
_BODY_KIND = regex.compile(rf"(?<!\p{{L}})(?P<body>{bodies.REPORTING_BODY})\s+(?P<kind>{bodies.COMMUNE_KIND})\s+")
_REPORT_AFTER = regex.compile(rf"\s*{parts.REPORT_VERB.pattern}(?!\p{{L}})")
_REPORT_BEFORE = regex.compile(rf"{parts.REPORT_VERB.pattern}(?!\p{{L}})[^\n]*?\bcủa\s+$")
_PROVINCE = regex.compile(rf"(?<!\p{{L}})(?:{bodies.PROVINCE_KEYWORD.pattern})\s*")
_SUPERIOR = regex.compile(rf"(?<!\p{{L}})(?:{bodies.SUPERIOR_UNIT.pattern}|{bodies.DEPARTMENT.pattern})(?!\p{{L}})")
_PASSING = regex.compile(rf"(?<!\p{{L}})(?:{bodies.PASSING_MENTION.pattern})\s+$")
_NAME_WORD = regex.compile(r"[\p{Lu}\d](?:(?!https?:|www\.)[\p{L}\d])*(?:['’‘][\p{L}\d]+)*")
"""A capitalised word of a name; apostrophes and curly quotes stay inside (`H'Leo`, `H’Drai`),
a web address glued to it by a page's banner stays out (`Thạch Kimhttps://...`)."""
_PORTAL_KIND = regex.compile(rf"(?<!\p{{L}})(?:{bodies.PORTAL.pattern})\s+(?P<kind>{bodies.COMMUNE_KIND})\s+")
_NAME_GAP = regex.compile(r"[ \t]+|[ \t]*-[ \t]*")
_ANY_WORD = regex.compile(r"[\p{L}\d]+")
_WORD_GAP = regex.compile(r"\s*-\s*|\s+")  # `Bà Rịa - Vũng Tàu`

MIN_REPEATS = 2
"""How often a text must name its commune, without a header, for it to be the one it is about."""
DOMINANCE = 2
"""How many times more often than any other commune it must be named."""


@dataclass(frozen=True)
class Mention:
    """A commune named in the text: its name as written, its kind, and where it stands."""

    name: str
    kind: str | None
    start: int
    end: int


def _kind(folded: str) -> str:
    """The canonical commune kind (`xã`, `phường`, `đặc khu`, `thị trấn`)."""
    return " ".join(folded.split())


def _name_run(doc: Document, pos: int) -> list[tuple[str, int]]:
    """Capitalised words (with their end offsets) from `pos`, on one line, at most six:
    `Phượng Tiến báo cáo` → [`Phượng`, `Tiến`]."""
    words: list[tuple[str, int]] = []
    while len(words) < 6:
        m = _NAME_WORD.match(doc.text, pos)
        if not m:
            break
        words.append((m.group(), m.end()))
        gap = _NAME_GAP.match(doc.text, m.end())
        if not gap:
            break
        pos = gap.end()
    return words


def _mention_at(doc: Document, pos: int, kind: str | None) -> Mention | None:
    """The commune name starting at `pos`: the longest known name among the capitalised words
    there, else all of them."""
    words = _name_run(doc, pos)
    if not words:
        return None
    n = au.known_prefix([w for w, _ in words], au.is_commune_name)
    end = words[(n or len(words)) - 1][1]
    return Mention(proper(doc.text[pos:end]), kind, pos, end)


def _in_spans(doc: Document, spans: list[Span]) -> Mention | None:
    """The first commune named after its kind (`XÃ PHƯỚC GIANG`) inside `spans`."""
    for span in spans:
        for m in _KIND.finditer(doc.match, span.start, span.end):
            found = _mention_at(doc, m.end(), _kind(m.group("kind")))
            if found:
                return found
    return None


def _reporter(doc: Document) -> tuple[Mention, int] | None:
    """The body that reports: in the opening or closing (`UBND xã X báo cáo`, `... báo cáo ...
    của Đảng ủy xã X`), else in the body with the verb right after the name. Returns the
    commune and where the body's name starts."""
    framed = [*doc.zone("opening"), *doc.zone("closing")]
    rest = [*doc.zone("subject"), *doc.zone("recipients"), *doc.zone("body")]
    for spans, before in ((framed, True), (rest, False)):
        for span in spans:
            for m in _BODY_KIND.finditer(doc.match, span.start, span.end):
                found = _mention_at(doc, m.end(), _kind(m.group("kind")))
                if found and (_REPORT_AFTER.match(doc.match, found.end)
                              or (before and _REPORT_BEFORE.search(doc.match, span.start, m.start()))):
                    return found, m.start()
    return None


def text_spans(doc: Document) -> list[Span]:
    """Every zone of the document but the motto, in reading order (what metadata may read)."""
    spans = [s for name, zone in doc.zones.items() if name != "motto" for s in zone]
    return sorted(set(spans), key=lambda s: (s.start, s.end))


def _about_one(doc: Document) -> Mention | None:
    """The one commune a text is about: named at least MIN_REPEATS times and DOMINANCE times
    more often than any other, venues (`tại xã Y`) and lists (`các xã Y, Z`) left out; or the
    only commune the text names at all, once, when it is a known commune."""
    own: list[Mention] = []
    names: set[str] = set()
    for span in text_spans(doc):
        for m in _KIND.finditer(doc.match, span.start, span.end):
            mention = _mention_at(doc, m.end(), _kind(m.group("kind")))
            if mention is None:
                continue
            names.add(au.fold_name(mention.name))
            if not _PASSING.search(doc.match, max(0, m.start() - 20), m.start()):
                own.append(mention)
    counts = Counter(au.fold_name(x.name) for x in own).most_common(2)
    if not counts:
        return None
    top = next(x for x in own if au.fold_name(x.name) == counts[0][0])
    if counts[0][1] < MIN_REPEATS:
        return top if len(names) == 1 and au.is_commune_name(top.name) else None
    return top if len(counts) == 1 or counts[0][1] >= DOMINANCE * counts[1][1] else None


def _portal(doc: Document) -> Mention | None:
    """The commune whose web portal publishes the text (`Trang thông tin điện tử xã X`)."""
    for span in text_spans(doc):
        m = _PORTAL_KIND.search(doc.match, span.start, span.end)
        if m:
            return _mention_at(doc, m.end(), _kind(m.group("kind")))
    return None


def _superior_issuer(doc: Document) -> bool:
    """Whether the header's issuing body is above the commune (a province, department or
    district): its report is not a commune's."""
    body = doc.header.issuing_body
    if not body:
        return False
    spans = [f.span for f in body]
    return _in_spans(doc, spans) is None and any(_SUPERIOR.search(doc.match, s.start, s.end) for s in spans)


def _units_within(doc: Document, units: list[Span], zone: list[Span]) -> list[Span]:
    """The recognised bodies and places (`units`, from the entities) that lie inside `zone`."""
    return [u for u in units if any(z.start <= u.start and u.end <= z.end for z in zone)]


def _named_unit(doc: Document, units: list[Span], zone: list[Span]) -> Mention | None:
    """The commune a body or place inside `zone` names (`CHỦ TỊCH UBND XÃ X`, `Kính gửi:
    Đảng ủy xã X`), when it is an official commune name and the only commune named there."""
    mentions = [m for u in _units_within(doc, units, zone) if (m := _in_spans(doc, [u]))]
    names = {au.fold_name(m.name) for m in mentions}
    return mentions[0] if len(names) == 1 and au.is_commune_name(mentions[0].name) else None


def commune(doc: Document, units: list[Span] | None = None) -> tuple[Mention | None, str | None]:
    """The commune and the issuer as written (see the module docstring for the order).
    `units` are the spans of the bodies and places the entities component recognised: a
    commune named only by one of them in the signer's title or the recipient line counts."""
    header = doc.header
    issuer = " ".join(f.text for f in header.issuing_body) or None
    found = _in_spans(doc, [f.span for f in header.issuer])
    if found or _superior_issuer(doc):
        return found, issuer
    reporter = _reporter(doc)
    if reporter:
        return reporter[0], issuer or tidy(doc.text[reporter[1] : reporter[0].end])
    found = (_in_spans(doc, [f.span for f in header.signer_authority])
             or _named_unit(doc, units or [], [f.span for f in header.signer_titles])
             or _named_unit(doc, units or [], doc.zone("recipients"))
             or _portal(doc) or _about_one(doc))
    if found is None and header.present and header.place and au.is_commune_name(header.place.text):
        found = Mention(header.place.text, None, header.place.span.start, header.place.span.end)
    return found, issuer


# --- province clues -------------------------------------------------------------------------
def _clues_in(doc: Document, span: Span, strong: bool, found: Mention | None) -> list[au.ProvinceClue]:
    """Provinces named after a keyword (`tỉnh`, `Thành ủy` ...) inside `span`; a clue right
    after the commune (`xã X, tỉnh Y`) counts as strong."""
    clues = []
    for m in _PROVINCE.finditer(doc.match, span.start, span.end):
        words: list[regex.Match[str]] = []
        pos = m.end()
        while len(words) < 4 and (w := _ANY_WORD.match(doc.text, pos)):
            words.append(w)
            gap = _WORD_GAP.match(doc.text, w.end())
            if not gap:
                break
            pos = gap.end()
        n = au.known_prefix([w.group() for w in words], au.is_province_name, most=4)
        if n == 0:
            continue
        written = doc.text[m.end() : words[n - 1].end()]
        if (unit := au.province_named(written)) is None:
            continue
        clues.append(au.ProvinceClue(unit, proper(written), m.start(), strong or _after_commune(doc, m.start(), found)))
    return clues


def _after_commune(doc: Document, pos: int, found: Mention | None) -> bool:
    """Whether `pos` directly follows a mention of the commune (`xã Bình Minh, tỉnh Đồng Nai`)."""
    if found is None:
        return False
    before = doc.match[max(0, pos - 80) : pos]
    return _ending_with(found.name).search(before) is not None


@lru_cache(maxsize=64)
def _ending_with(name: str) -> regex.Pattern[str]:
    """The pattern of a text that ends with `name` (then only spaces, commas or dashes),
    compiled once per name: `regex.search` with a pattern string looked its compiled form up
    at each call, ten times the cost of the search."""
    return regex.compile(regex.escape(fold(name)) + r"[\s,-]*$")


def province_clues(doc: Document, found: Mention | None) -> list[au.ProvinceClue]:
    """Province clues, strongest first: header issuer lines, recipients, the opening (the
    requesting body), then anywhere in the text."""
    levels: list[tuple[list[Span], bool]] = [
        ([f.span for f in doc.header.issuer], True),
        (doc.zone("recipients"), False),
        ([*doc.zone("subject"), *doc.zone("period"), *doc.zone("opening")], False),
        (text_spans(doc), False),
    ]
    clues: dict[int, au.ProvinceClue] = {}
    for spans, strong in levels:
        for span in spans:
            for clue in _clues_in(doc, span, strong, found):
                clues.setdefault(clue.start, clue)
    return sorted(clues.values(), key=lambda c: not c.strong)
