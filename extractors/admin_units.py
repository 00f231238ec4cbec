"""Commune and province lookup in the official post-July-2025 list (`vietnam-provinces`).

Reports name their commune as written (`XÃ PHƯỚC GIANG`, `UBND xã Phượng Tiến`, `Hoà`/`Hòa`)
and name their province, if at all, through clues of varying strength (header, recipients,
the requesting body, anywhere in the text). This module keeps the one index of the 3,321
communes and 34 provinces, built lazily once per process from the data the package ships
(so it works offline), matches names on a folded form (case, tone placement, the
`Thành phố`/`xã`/`phường` prefixes) and resolves a commune name plus province clues to
official codes, never guessing between communes that share a name (306 names do).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex
from vietnam_provinces import Province, Ward

from pipeline.textforms import fold

UNIT_PREFIXES = ("thành phố", "thị trấn", "đặc khu", "phường", "tỉnh", "xã", "tp.", "tp")
"""Administrative prefixes dropped before names are compared (folded, longest first)."""

PROVINCE_ALIASES = {"hcm": "hồ chí minh", "tphcm": "hồ chí minh", "hn": "hà nội"}
"""Folded short forms of province names seen in reports."""

FORMER_PROVINCES = {
    "Hà Giang": "Tuyên Quang", "Yên Bái": "Lào Cai", "Bắc Kạn": "Thái Nguyên", "Vĩnh Phúc": "Phú Thọ",
    "Hòa Bình": "Phú Thọ", "Bắc Giang": "Bắc Ninh", "Thái Bình": "Hưng Yên", "Hải Dương": "Hải Phòng",
    "Hà Nam": "Ninh Bình", "Nam Định": "Ninh Bình", "Quảng Bình": "Quảng Trị", "Quảng Nam": "Đà Nẵng",
    "Kon Tum": "Quảng Ngãi", "Bình Định": "Gia Lai", "Ninh Thuận": "Khánh Hòa", "Đắk Nông": "Lâm Đồng",
    "Bình Thuận": "Lâm Đồng", "Phú Yên": "Đắk Lắk", "Bình Dương": "Hồ Chí Minh", "Bà Rịa - Vũng Tàu": "Hồ Chí Minh",
    "Bình Phước": "Đồng Nai", "Long An": "Tây Ninh", "Sóc Trăng": "Cần Thơ", "Hậu Giang": "Cần Thơ",
    "Bến Tre": "Vĩnh Long", "Trà Vinh": "Vĩnh Long", "Tiền Giang": "Đồng Tháp", "Bạc Liêu": "Cà Mau",
    "Kiên Giang": "An Giang",
}
"""Provinces merged away on 12 June 2025 (Resolution 202/2025/QH15) and the province that took
them in: a report that still names `tỉnh Bắc Giang` points to Bắc Ninh."""

MATCH_EXACT, MATCH_INFERRED, MATCH_AMBIGUOUS, MATCH_NONE = "exact", "inferred", "ambiguous", "none"

_PREFIX = regex.compile(r"^(?:" + "|".join(regex.escape(p) for p in UNIT_PREFIXES) + r")(?:\s+|(?<=\.))")
_SEPARATORS = regex.compile(r"[\s-]+")


@dataclass(frozen=True)
class Unit:
    """An official unit: a commune (ward, commune or special zone) or a province."""

    code: int
    name: str
    province_code: int
    province_name: str
    kind: str


@dataclass(frozen=True)
class ProvinceClue:
    """A province named in the report: `unit` found at `start`, with `strong` True when the
    report names it as the commune's own province (header, `xã X, tỉnh Y`)."""

    unit: Unit
    written: str
    start: int
    strong: bool


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving a commune name: the unit (None unless resolved), how it was
    matched, the clue that decided it and what to warn about."""

    unit: Unit | None
    match: str
    clue: ProvinceClue | None = None
    warning: str | None = None


def fold_name(name: str) -> str:
    """The comparison form of a unit name: folded, dashes and spaces collapsed to one space,
    prefix removed (`Phường Văn Miếu - Quốc Tử Giám` → `văn miếu quốc tử giám`)."""
    folded = _SEPARATORS.sub(" ", fold(name)).strip()
    return _PREFIX.sub("", folded, count=1).strip()


@functools.cache
def _provinces() -> dict[int, Unit]:
    return {
        int(p.code): Unit(int(p.code), p.name, int(p.code), p.name, str(p.division_type.value))
        for p in Province.iter_all()
    }


@functools.cache
def _province_index() -> dict[str, Unit]:
    index = {fold_name(u.name): u for u in _provinces().values()}
    index.update({alias: index[full] for alias, full in PROVINCE_ALIASES.items()})
    index.update({fold_name(old): index[fold_name(new)] for old, new in FORMER_PROVINCES.items()})
    return index


@functools.cache
def _ward_index() -> dict[str, tuple[Unit, ...]]:
    provinces = _provinces()
    index: dict[str, list[Unit]] = defaultdict(list)
    for w in Ward.iter_all():
        prov = provinces[int(w.province_code)]
        unit = Unit(int(w.code), w.name, prov.code, prov.name, str(w.division_type.value))
        index[fold_name(w.name)].append(unit)
    return {name: tuple(units) for name, units in index.items()}


def communes_named(name: str, kind: str | None = None) -> tuple[Unit, ...]:
    """Communes whose name folds like `name`; when `kind` (`xã`, `phường`, `đặc khu`) is
    given and some of them are of that kind, only those."""
    found = _ward_index().get(fold_name(name), ())
    of_kind = tuple(u for u in found if kind and fold(u.kind) == fold(kind))
    return of_kind or found


def province_named(name: str) -> Unit | None:
    """The province whose name (without `Thành phố`/`tỉnh`) folds like `name`."""
    return _province_index().get(fold_name(name))


def known_prefix(words: Sequence[str], is_known: Callable[[str], bool], most: int = 6) -> int:
    """How many leading `words` (at most `most`) form the longest known name; 0 if none."""
    for n in range(min(most, len(words)), 0, -1):
        if is_known(" ".join(words[:n])):
            return n
    return 0


def is_commune_name(name: str) -> bool:
    """Whether some commune is named `name` (folded comparison)."""
    return fold_name(name) in _ward_index()


def is_province_name(name: str) -> bool:
    """Whether some province is named `name` (folded comparison)."""
    return province_named(name) is not None


def _pick(candidates: tuple[Unit, ...], clues: Sequence[ProvinceClue]) -> Resolution | None:
    """The candidate the strongest clue that singles one out points to."""
    for clue in clues:
        inside = [u for u in candidates if u.province_code == clue.unit.code]
        if len(inside) == 1:
            return Resolution(inside[0], MATCH_EXACT if clue.strong else MATCH_INFERRED, clue)
    return None


def resolve(name: str, kind: str | None, clues: Sequence[ProvinceClue]) -> Resolution:
    """Resolve a commune name and its kind with province clues, strongest first.

    Unique in the country: `exact`. Shared: the first clue whose province holds exactly one
    of them decides (`exact` for a strong clue, `inferred` otherwise); no such clue:
    `ambiguous`, no unit. Unknown name: `none`, with a warning (a pre-merger name?)."""
    candidates = communes_named(name, kind)
    if not candidates:
        return Resolution(None, MATCH_NONE, warning=f"commune '{name}' is not in the post-July-2025 list (pre-merger name?)")
    if len(candidates) == 1:
        unit = candidates[0]
        agree = next((c for c in clues if c.unit.code == unit.province_code), None)
        warning = None
        if clues and agree is None:
            warning = f"commune '{name}' is in {unit.province_name}, but the report names {clues[0].unit.name}"
        return Resolution(unit, MATCH_EXACT, agree or (clues[0] if clues else None), warning)
    picked = _pick(candidates, clues)
    if picked is not None:
        return picked
    where = ", ".join(sorted({u.province_name for u in candidates}))
    return Resolution(None, MATCH_AMBIGUOUS, clues[0] if clues else None,
                      f"{len(candidates)} communes are named '{name}' ({where}); no province clue picks one")
