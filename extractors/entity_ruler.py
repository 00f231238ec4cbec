"""The rule half of entity recognition as a spaCy `SpanRuler`, built once per process from the
vocabulary's `Phrase` tables (`extractors.vocab.entities`, `.bodies`) and the official unit list
(`vietnam-provinces`, the names `extractors.admin_units` resolves).

The ruler reads the matching form of the text (`Document.match`: lower case, one tone
placement, same length as the text), so a pattern is the vocabulary's own wording and its
offsets are valid in the stored text. It finds the pieces an entity is made of:

- `BODY`, `BOUND_BODY` (a body named only with its unit: `công an xã`), `NAMED_BODY` (a kind of
  body before its proper name: `Trường Tiểu học`),
  `DEPARTMENT` (`Sở`/`Bộ` + a department name), `SYSTEM`, `POSITION`, `PERSON_CUE`: phrases
  generated from the vocabulary (`extractors.phrase_patterns.wordings`);
- `UNIT_KIND` (`xã`, `thôn`, `tổ dân phố` ...; the span's id is the kind), `NUMBERED_KIND` (`khu`,
  `tổ`: units only before a number) and `NOT_UNIT` (a kind word inside another word: `xã hội`,
  `hợp tác xã`). The number after a village's kind (`thôn 3`, `tổ dân phố số 5`) is read by
  `entity_rules`: as a token pattern it made spaCy's `Matcher` build a Python object for every
  token of every report (4 of 6 ms per report), while phrase patterns need none;
- `UNIT` (a kind word with an official name: `xã phượng tiến`, `tỉnh thái nguyên`; the id is
  the kind) and `PROVINCE` (a province named bare): phrases from the official list.

`extractors.entity_rules` composes the entities from these pieces (a body with the unit after
it is one ORG) and reads from capitalisation what no list holds (a village's name). Vocabulary
patterns that are not plain wordings (a lookahead: `công an` only before a unit) stay regex
rules: `untranslated` lists them and `regex_hits` matches them."""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

import regex
from vietnam_provinces import Province, Ward

import extractors.admin_units as au
from datamodel import Document
from extractors.phrase_patterns import Untranslatable, wordings
from extractors.trained_models import settled, spacy_module
from extractors.vocab import Phrase, compiled
from extractors.vocab.bodies import REPORTING_BODIES
from extractors.vocab.entities import (
    ABBREVIATED_KINDS,
    BODIES,
    COMMUNE_LEVEL,
    DEPARTMENT_HEADS,
    DEPARTMENT_NAMES,
    DISTRICT_LEVEL,
    NAMED_BODIES,
    NOT_UNITS,
    NUMBERED_KINDS,
    PERSON_CUES,
    POSITIONS,
    PROVINCE_LEVEL,
    SYSTEMS,
    UNIT_BOUND_BODIES,
    UNIT_KINDS,
)
from pipeline.textforms import fold

SPANS_KEY = "baocao_rules"
GLUED_KIND_WORDS = sorted({kind.split()[-1] for kind in PROVINCE_LEVEL + COMMUNE_LEVEL + DISTRICT_LEVEL
                           if not kind.split()[-1].isascii()})
"""Last words of the kinds of province, commune and district that carry a tone or hat (`xã`, `phường`,
`trấn`, `phố`): a letter right after one is a name glued to it (a plain `khu` goes on in `khuyến`)."""


class Hit(NamedTuple):
    """One ruler match: [start, end) in the document's text, its label and id (a kind, a role).
    A tuple: a report has hundreds, and a frozen dataclass is several times slower to build."""

    start: int
    end: int
    label: str
    id: str


def _phrase_table(label: str, phrases: tuple[Phrase, ...]) -> tuple[list[dict[str, Any]], list[Phrase]]:
    """Ruler patterns for every wording of `phrases`, and the phrases that are not plain wordings."""
    patterns: list[dict[str, Any]] = []
    untranslated: list[Phrase] = []
    for phrase in phrases:
        try:
            patterns += [{"label": label, "pattern": w, "id": phrase.name or label} for w in wordings(phrase.pattern)]
        except Untranslatable:
            untranslated.append(phrase)
    return patterns, untranslated


def _vocabulary_patterns() -> tuple[list[dict[str, Any]], list[tuple[str, Phrase]]]:
    departments = [Phrase(rf"{DEPARTMENT_HEADS.pattern}\s+(?:{name.pattern})", name.en, "department") for name in DEPARTMENT_NAMES]
    tables = (("BODY", BODIES + REPORTING_BODIES), ("BOUND_BODY", UNIT_BOUND_BODIES), ("NAMED_BODY", NAMED_BODIES),
              ("DEPARTMENT", tuple(departments)), ("SYSTEM", SYSTEMS),
              ("POSITION", POSITIONS), ("PERSON_CUE", PERSON_CUES), ("UNIT_KIND", UNIT_KINDS),
              ("NUMBERED_KIND", NUMBERED_KINDS), ("NOT_UNIT", NOT_UNITS))
    patterns: list[dict[str, Any]] = []
    untranslated: list[tuple[str, Phrase]] = []
    for label, phrases in tables:
        found, left = _phrase_table(label, phrases)
        patterns += found
        untranslated += [(label, p) for p in left]
    return patterns, untranslated


def _official_patterns() -> list[dict[str, Any]]:
    """A kind word with each official commune and province name, and provinces named bare
    (`Tỉnh ủy Thái Nguyên`), with the provinces merged away in 2025 and their short forms."""
    patterns = []
    for ward in Ward.iter_all():
        kind = fold(str(ward.division_type.value))
        for name in {au.fold_name(ward.name), fold(ward.name).split(" ", len(kind.split()))[-1]}:
            patterns.append({"label": "UNIT", "pattern": f"{kind} {name}", "id": kind})
    provinces = {au.fold_name(p.name) for p in Province.iter_all()} | {au.fold_name(old) for old in au.FORMER_PROVINCES}
    provinces |= {alias for alias in au.PROVINCE_ALIASES if len(alias) > 3}  # `TPHCM`, not the two-letter `HN`
    for name in sorted(provinces):
        patterns += [{"label": "UNIT", "pattern": f"{kind} {name}", "id": kind} for kind in ("tỉnh", "thành phố")]
        patterns.append({"label": "PROVINCE", "pattern": name, "id": "tỉnh"})
    return patterns


@cache
def ruler() -> Any:
    """The spaCy pipeline holding the ruler (the `xx` punctuation rules, as the trained NER's
    tokenizer), built once per process; spaCy is imported only here."""
    spacy = spacy_module()
    from spacy.attrs import LOWER
    from spacy.tokenizer import Tokenizer
    from spacy.vocab import Vocab

    # Each string the vocabulary has not seen (a number, a name) becomes a lexeme, and the `xx`
    # defaults compute 24 attributes for it by Python calls (shape, stop word, like a URL ...).
    # The ruler matches on LOWER alone: computing only that made the ruler's part 9 % cheaper.
    nlp: Any = spacy.blank("xx", vocab=Vocab(lex_attr_getters={LOWER: str.lower}))
    suffixes = [*(nlp.Defaults.suffixes or ()), r"\./\."]  # a closing `./.` (`kính báo cáo Đảng ủy xã./.`)
    # Punctuation rules only: the language's special cases and URL matching made tokenizing a
    # report ten times slower (14 ms against 1.2 ms for 12,500 characters) and no pattern needs them.
    # A unit's abbreviation is split from the name glued to its dot (`p.tân định`, `tp.hcm`, `q.12`).
    glued = [rf"(?<=\b{kind})\.(?=\w)" for kind in ABBREVIATED_KINDS]
    # A unit's kind glued to its name without a space (`xãTân Phú`): no syllable goes on after these words.
    glued += [rf"(?<=\b{word})(?=[^\W\d_])" for word in GLUED_KIND_WORDS]
    infixes = [*(nlp.Defaults.infixes or ()), *glued]
    nlp.tokenizer = Tokenizer(nlp.vocab, prefix_search=nlp.tokenizer.prefix_search,
                              suffix_search=spacy.util.compile_suffix_regex(suffixes).search,
                              infix_finditer=spacy.util.compile_infix_regex(infixes).finditer)
    span_ruler: Any = nlp.add_pipe("span_ruler", config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER",
                                                    "validate": False, "overwrite": True})
    vocabulary, _ = _vocabulary_patterns()
    span_ruler.add_patterns(vocabulary + _official_patterns())
    return settled(nlp)


def untranslated() -> list[tuple[str, Phrase]]:
    """The vocabulary patterns kept as regex rules (not plain wordings), with their ruler label."""
    return _vocabulary_patterns()[1]


@cache
def _regex_rules() -> tuple[tuple[str, str, regex.Pattern[str]], ...]:
    return tuple((label, p.name or label, compiled(rf"(?<![\p{{L}}]){p.pattern}(?![\p{{L}}])"))
                 for label, p in untranslated())


def regex_hits(doc: Document) -> list[Hit]:
    """Matches of the vocabulary patterns the ruler cannot hold."""
    return [Hit(m.start(), m.end(), label, name) for label, name, rx in _regex_rules() for m in rx.finditer(doc.match)]


@cache
def _match_keys() -> dict[int, tuple[str, str]]:
    """The ruler's phrase-matcher keys and the (label, id) each stands for. The `SpanRuler` keys
    a pattern by `repr((label, id))`; a test checks that `hits` equals the ruler's own spans."""
    nlp = ruler()
    pairs = {(p["label"], p.get("id", "")) for p in nlp.get_pipe("span_ruler").patterns}
    return {nlp.vocab.strings.as_int(repr(pair)): pair for pair in pairs}


def hits(doc: Document) -> list[Hit]:
    """Every piece the ruler and the regex rules find in `doc`, by start (longer first).
    The ruler's phrase matcher is called directly: building a spaCy `Span` per match and a span
    group, as `SpanRuler.__call__` does, cost a fifth of the entity rules' time (same pieces)."""
    nlp = ruler()
    parsed = nlp.make_doc(doc.match)
    keys = _match_keys()
    found = set()
    for key, start, end in nlp.get_pipe("span_ruler").phrase_matcher(parsed):
        last = parsed[end - 1]
        label, name = keys[key]
        found.add(Hit(parsed[start].idx, last.idx + len(last), label, name))
    return sorted([*found, *regex_hits(doc)], key=lambda h: (h.start, -h.end, h.label, h.id))
