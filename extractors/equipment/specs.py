"""Reading one machine's specification: CPU, RAM, storage, monitor, operating system, network.

Reports give a machine's specs as labelled lines (`+ CPU: Intel Core i3-12100`), as table
cells under a header (`RAM` → `8 GB DDR4`), or packed into one description (`Core i5-7400,
RAM 4GB, HDD 500GB`). This module turns such value strings into typed fields and knows
nothing about documents: `extractors.equipment` finds the values, this module reads them.
Patterns run on the matching form (`textforms.fold`, same length as the value), and values
that keep their spelling (`cpu_model`, `os`) are sliced from the original string.

CPU generation (`cpu_generation`) is read from the model number:
- Intel Core iN: five digits → the first two (`i3-12100` → 12, `i7-10700` → 10); four digits
  starting `10`–`14` with a mobile suffix → the first two (`i5-1135G7` → 11, `i5-1235U` → 12);
  other four digits → the first (`i5-7400` → 7, `i3-8100` → 8); three digits → 1 (`i5-750`).
- Intel Pentium/Celeron desktop models (`G`/`F` + four digits) carry the generation of the Core
  line they share a microarchitecture with, read from the thousands digit by `_BUDGET_GENERATIONS`:
  Pentium Gold G7400/F7400 and Celeron G6900 → 12 (Alder Lake), Pentium G6400 and Celeron
  G5900 → 10 (Comet Lake), Pentium G5400 → 8 (Coffee Lake); other models → null.
- AMD Ryzen: the series digit of the model number (`Ryzen 5 5600G` → 5), AMD's own numbering,
  which is not comparable with Intel's (the 8th-generation check is for Intel only).
- A written generation (`Core i5 thế hệ 7`, `gen 10`, `10th Gen`) is taken as written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex

from extractors.vocab.specs import LABEL_PREFIX, NETWORKS, SPEC_LABELS, WRITTEN_GENERATION
from pipeline.textforms import fold

Fields = dict[str, Any]

_LABEL_RES = {name: regex.compile(rf"(?:{LABEL_PREFIX})?(?:{p})(?:\s*\([^)]*\))?") for name, p in SPEC_LABELS.items()}
_LEADING = regex.compile(
    rf"(?:{LABEL_PREFIX})?(?:"
    + "|".join(f"(?P<{name}>{p})" for name, p in SPEC_LABELS.items() if name not in ("network", "os"))
    + r")(?!\p{L})\s*:?\s*"
)
"""A spec label opening a value without a colon (`RAM 4 GB`); not `mạng` nor `hệ điều hành`, which
open prose too (`Hệ điều hành Windows 10 đã hết hỗ trợ`)."""

_NUM = r"\d+(?:[.,]\d+)?"
_CORE = regex.compile(
    r"(?:intel\s*(?:\(r\))?\s*)?(?:core\s*(?:\(tm\))?\s*)?(?<![\p{L}\d])(?P<tier>i[3579])\s*-?\s*(?P<digits>\d{3,5})(?P<suffix>[a-z]{0,2}\d?)(?![\p{L}\d])"
)
_BUDGET = regex.compile(
    r"(?P<family>pentium|celeron)\s*(?:\(r\))?\s*(?P<tier>gold|silver)?\s*(?:\(r\))?\s*(?:cpu\s*)?(?P<model>(?P<letter>[a-z])?(?P<digits>\d{3,5})[a-z]?)(?![\p{L}\d])"
)
_RYZEN = regex.compile(r"ryzen\s*(?:™\s*)?(?P<tier>[3579])\s*(?:pro\s*)?(?P<digits>\d{4})(?P<suffix>[a-z]{0,2})(?![\p{L}\d])")
_XEON = regex.compile(r"xeon\s*(?:\(r\))?\s*(?:cpu\s*)?(?P<model>[a-z]\d?-?\s*\d{4}[a-z]?(?:\s*v\d)?)")
_WRITTEN_GEN = regex.compile(WRITTEN_GENERATION)
_AMD = regex.compile(r"(?<!\p{L})amd(?!\p{L})")
_CORE_TIER = regex.compile(r"(?<![\p{L}\d])(i[3579])(?![\p{L}\d])")
_SPACES = regex.compile(r"\s+")
_INCHES = regex.compile(r"\d{2}(?:[.,]\d{1,2})?")
_BUDGET_GENERATIONS = {("pentium", "7"): 12, ("pentium", "6"): 10, ("pentium", "5"): 8, ("celeron", "6"): 12, ("celeron", "5"): 10}

_SIZE_UNITS = {"tb": 1024.0, "gb": 1.0, "g": 1.0, "mb": 1 / 1024}
_RAM_BARE = regex.compile(rf"(?P<n>{_NUM})\s*(?P<unit>gb|g|mb)(?!\p{{L}})")
_RAM_LABELLED = regex.compile(
    rf"(?:ram|bộ\s+nhớ(?:\s+trong)?)\s*(?:(?:lp)?ddr\s*\d\s*)?:?\s*(?P<n>{_NUM})\s*(?P<unit>gb|g|mb)(?!\p{{L}})"
    rf"|(?P<n>{_NUM})\s*(?P<unit>gb|g|mb)\s*(?:ram|ddr)"
)
_RAM_TYPE = regex.compile(r"(?<!\p{L})(?:lp)?ddr\s*\d(?:l)?(?!\d)")
_DISK_KIND = {"ssd": "SSD", "nvme": "SSD", "m.2": "SSD", "hdd": "HDD"}
_DISK_WORD = r"ssd|nvme|m\.2|hdd"
_DISK_TYPE = regex.compile(rf"(?<!\p{{L}})(?P<kind>{_DISK_WORD})(?!\p{{L}})")
_DISK_SIZE = regex.compile(rf"(?P<n>{_NUM})\s*(?P<unit>tb|gb|g)(?!\p{{L}})")
_DISK_PAIRED = regex.compile(
    rf"(?P<kind>{_DISK_WORD})\s*:?\s*(?P<n>{_NUM})\s*(?P<unit>tb|gb|g)(?!\p{{L}})|(?P<n>{_NUM})\s*(?P<unit>tb|gb|g)\s*(?P<kind>{_DISK_WORD})"
)
_MONITOR = regex.compile(r"(?<![\p{L}\d.,])(?P<n>\d{2}(?:[.,]\d{1,2})?)(?!\d)\s*(?:inch|in(?!\p{L})|\"|''|”|-?\s*inches)?")
_MONITOR_MARK = regex.compile(
    r"(?<![\p{L}\d.,])\d{2}(?:[.,]\d{1,2})?\s*(?:inch|\"|''|”)|(?<=màn\s+hình\s*:?\s*)\d{2}(?:[.,]\d{1,2})?(?![\d.,]\d)"
)
_OS = regex.compile(
    r"(?:microsoft\s+)?(?:windows|win)\s*(?:xp|vista|7|8\.1|8|10|11|server\s*\d{4})"
    r"(?:\s+(?:professional|pro|home|enterprise|education|ultimate|single\s+language|ltsc|(?:64|32)\s*-?\s*bit))*"
    r"|ubuntu(?:\s+\d+(?:\.\d+)*)?|linux|macos|mac\s+os"
)
_WIN10 = regex.compile(r"(?:windows|win)\s*10(?!\d)")
_NETWORKS = tuple((p.name, regex.compile(p.pattern)) for p in NETWORKS)


def label_field(folded: str) -> str | None:
    """The spec field a label names (`ổ cứng` → `storage`), matched whole, or None. The label
    is in matching form: a slice of `Document.match` that no letter touches on either side
    folds to the same characters (`textforms.fold`), so the extractors pass that slice instead
    of folding the label's text again."""
    folded = folded.strip(" \t:.-+*•")
    return next((name for name, rx in _LABEL_RES.items() if rx.fullmatch(folded)), None)


def leading_field(value: str) -> tuple[str, int] | None:
    """(field, offset of its value) when a value opens with a spec label and no colon before
    it (`RAM 4 GB`, `Ổ cứng SSD 256GB`), else None."""
    return folded_leading_field(fold(value))


def folded_leading_field(folded: str) -> tuple[str, int] | None:
    """`leading_field` of a value already in matching form (as for `label_field`)."""
    m = _LEADING.match(folded)
    return (m.lastgroup, m.end()) if m else None


def _size(n: str, unit: str) -> float:
    return round(float(n.replace(",", ".")) * _SIZE_UNITS[unit], 3)


def _core(value: str, m: regex.Match) -> Fields:
    digits, suffix = m["digits"], m["suffix"]
    if len(digits) == 5:
        gen: int | None = int(digits[:2])
    elif len(digits) == 4 and suffix and digits[0] == "1" and digits[1] in "01234":
        gen = int(digits[:2])
    elif len(digits) == 4:
        gen = int(digits[0])
    else:
        gen = 1
    tier = m["tier"]
    return {"cpu_vendor": "Intel", "cpu_family": f"Core {tier}", "cpu_model": f"{tier}-{digits}{suffix.upper()}", "cpu_generation": gen}


def _budget(value: str, m: regex.Match) -> Fields:
    family = m["family"].capitalize() + (f" {m['tier'].capitalize()}" if m["tier"] else "")
    model = value[m.start("model") : m.end("model")].upper()
    gen = _BUDGET_GENERATIONS.get((m["family"], m["digits"][0])) if m["letter"] in ("g", "f") and len(m["digits"]) == 4 else None
    return {"cpu_vendor": "Intel", "cpu_family": family, "cpu_model": f"{family} {model}", "cpu_generation": gen}


def _ryzen(value: str, m: regex.Match) -> Fields:
    family = f"Ryzen {m['tier']}"
    return {"cpu_vendor": "AMD", "cpu_family": family, "cpu_model": f"{family} {m['digits']}{m['suffix'].upper()}", "cpu_generation": int(m["digits"][0])}


def _xeon(value: str, m: regex.Match) -> Fields:
    model = " ".join(value[m.start("model") : m.end("model")].split())
    return {"cpu_vendor": "Intel", "cpu_family": "Xeon", "cpu_model": f"Xeon {model}", "cpu_generation": None}


_CPU_FORMS: tuple[tuple[regex.Pattern, Callable[[str, regex.Match], Fields]], ...] = (
    (_BUDGET, _budget), (_RYZEN, _ryzen), (_XEON, _xeon), (_CORE, _core),
)


def parse_cpu(value: str) -> Fields:
    """CPU vendor, family, model (vendor spelling) and generation from a CPU description."""
    folded = fold(value)
    for rx, read in _CPU_FORMS:
        m = rx.search(folded)
        if m:
            return read(value, m)
    out: Fields = {}
    if "intel" in folded:
        out["cpu_vendor"] = "Intel"
    elif _AMD.search(folded):
        out["cpu_vendor"] = "AMD"
    tier = _CORE_TIER.search(folded)
    if tier:
        out.update(cpu_vendor="Intel", cpu_family=f"Core {tier[1]}")
    written = _WRITTEN_GEN.search(folded)
    if written:
        out["cpu_generation"] = int(written["gen"])
    return out


def parse_ram(value: str, labelled: bool = True) -> Fields:
    """RAM size in GB and type (`DDR4`). A value known to be RAM (`labelled`) may be a bare
    size (`8 GB`); in a packed description the size must sit next to `RAM` or `DDR`."""
    folded = fold(value)
    out: Fields = {}
    m = (_RAM_BARE if labelled else _RAM_LABELLED).search(folded)
    if m:
        out["ram_gb"] = _size(m["n"], m["unit"])
    kind = _RAM_TYPE.search(folded)
    if kind and (m or labelled):
        out["ram_type"] = _SPACES.sub("", kind.group(0)).upper()
    return out


def parse_storage(value: str, labelled: bool = True) -> Fields:
    """System disk type (`SSD`/`HDD`) and size in GB (1 TB = 1024). The first disk named is
    taken as the system disk. In a packed description the size must sit next to SSD/HDD."""
    folded = fold(value)
    paired = _DISK_PAIRED.search(folded)
    if paired:
        return {"storage_type": _DISK_KIND[paired["kind"]], "storage_gb": _size(paired["n"], paired["unit"])}
    if not labelled:
        return {}
    out: Fields = {}
    kind = _DISK_TYPE.search(folded)
    if kind:
        out["storage_type"] = _DISK_KIND[kind["kind"]]
    size = _DISK_SIZE.search(folded)
    if size:
        out["storage_gb"] = _size(size["n"], size["unit"])
    return out


def parse_monitor(value: str, labelled: bool = True) -> Fields:
    """Screen diagonal in inches (`24 Full HD` → 24, `21.5 inch` → 21.5); 10–60 only. In a
    packed description the size needs its `inch` or `"` mark, or to follow `màn hình`."""
    folded = fold(value)
    for m in (_MONITOR if labelled else _MONITOR_MARK).finditer(folded):
        inch = float(_INCHES.match(m.group(0)).group(0).replace(",", "."))
        if 10 <= inch <= 60:
            return {"monitor_inch": inch}
    return {}


def parse_os(value: str) -> Fields:
    """The operating system as written (`Windows 10 Professional`)."""
    m = _OS.search(fold(value))
    return {"os": value[m.start() : m.end()].strip()} if m else {}


def parse_network(value: str) -> Fields:
    """How the machine connects: `LAN`, `Wifi` or `LAN, Wifi`."""
    folded = fold(value)
    kinds = [name for name, rx in _NETWORKS if rx.search(folded)]
    return {"network": ", ".join(kinds)} if kinds else {}


def parse_packed(value: str) -> Fields:
    """All the fields a packed description gives (`Core i5-7400, RAM 4GB, HDD 500GB, Win 10`)."""
    out: Fields = {}
    for part in (parse_cpu(value), parse_ram(value, False), parse_storage(value, False),
                 parse_monitor(value, False), parse_os(value)):
        out.update(part)
    return out


_PARSERS: dict[str, Callable[[str], Fields]] = {
    "cpu": parse_cpu, "ram": parse_ram, "storage": parse_storage, "monitor": parse_monitor,
    "os": parse_os, "network": parse_network, "spec": parse_packed,
}


def parse_field(field: str, value: str) -> Fields:
    """The typed fields a value of a spec field gives (`ram`, `8 GB DDR4` → ram_gb, ram_type)."""
    return _PARSERS[field](value)


MACHINE_SPECS = frozenset({"cpu_model", "cpu_family", "ram_gb", "storage_gb"})
"""Fields that show a text describes a machine: a screen size or an OS alone may be prose."""


def has_specs(value: str) -> bool:
    """True when a description names a CPU, a RAM size or a sized disk."""
    return bool(parse_packed(value).keys() & MACHINE_SPECS)


def is_windows_10(os_name: str | None) -> bool:
    """True for any edition of Windows 10."""
    return bool(os_name and _WIN10.search(fold(os_name)))
