"""Machine-minimum checks (severity info): RAM, system disk, Intel CPU generation, Windows 10."""

from __future__ import annotations

from datamodel import Document, Span
from extractors.equipment.items import Item
from extractors.equipment.specs import Fields, is_windows_10
from extractors.vocab.specs import CPU_MIN_GENERATION, RAM_MIN_GB, SYSTEM_DISK, WINDOWS_10_END_OF_SUPPORT


def _who(fields: Fields) -> str:
    return str(fields.get("label") or fields.get("model") or fields["category"])


def machine_checks(doc: Document, item: Item) -> list[dict]:
    """Info checks for a machine under common minimums, at the spec line that shows it."""
    f, who = item.fields, _who(item.fields)
    found: list[tuple[str, str, str]] = []
    if f.get("ram_gb") is not None and f["ram_gb"] < RAM_MIN_GB:
        found.append(("ram_below_8gb", "ram_gb", f"{who}: RAM {f['ram_gb']:g} GB, under {RAM_MIN_GB} GB"))
    if f.get("storage_type") not in (None, SYSTEM_DISK):
        found.append(("hdd_system_disk", "storage_type", f"{who}: system disk is an {f['storage_type']}, not an {SYSTEM_DISK}"))
    if f.get("cpu_vendor") == "Intel" and f.get("cpu_generation") is not None and f["cpu_generation"] < CPU_MIN_GENERATION:
        found.append(("cpu_generation_below_8", "cpu_generation",
                      f"{who}: CPU {f.get('cpu_model') or f.get('cpu_family')} is Intel generation {f['cpu_generation']}, older than 8th"))
    if is_windows_10(f.get("os")):
        found.append(("windows_10_end_of_support", "os", f"{who}: runs {f['os']}, out of support since {WINDOWS_10_END_OF_SUPPORT}"))
    rows = []
    for rule, key, message in found:
        where = item.spec_spans.get(key, Span(item.start, item.end))
        rows.append(doc.fact(where.start, where.end, rule=rule, severity="info", message=message, metrics=""))
    return rows
