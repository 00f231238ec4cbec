"""After collection: one `commune_summary` row per report, and `documents.province` filled.

The same report often arrives as DOCX, PDF and TXT. Each rendition is processed alone (its
`report_key` is computed per document by `extractors.summary`); only at the seal
(`pipeline.outputs.seal`), with every document's rows written, are renditions compared and one
kept per report. The rule is stated in the table's schema (`rendition_doc_ids`): fewest
`errors` rows, then fewest failed checks, then most facts (rows of FACT_TABLES), then DOCX
before PDF before TXT (FORMAT_RANK), then doc_id for a stable choice. `documents.province` is
the province as written, else the official name without its prefix (`short_province`)."""

from __future__ import annotations

from functools import cache

import regex

from pipeline.textforms import fold

FORMAT_RANK = {"docx": 0, "pdf": 1, "txt": 2}
"""The rendition preferred when all else is equal: DOCX keeps the layout, TXT has lost it."""

FACT_TABLES = ("metrics", "equipment", "references", "dates", "checks")



@cache
def _prefix() -> regex.Pattern:
    """The province prefixes, read when first needed: `extractors.admin_units` loads the
    official unit lists (vietnam_provinces), which the run's start does not need."""
    from extractors.admin_units import UNIT_PREFIXES

    return regex.compile(r"^(?:" + "|".join(regex.escape(p) for p in UNIT_PREFIXES) + r")\s+")


def short_province(official: str | None) -> str | None:
    """An official province name without its `Tỉnh`/`Thành phố` prefix (`Thành phố Hải Phòng`
    → `Hải Phòng`), the form reports write and `documents.province` holds."""
    if not official:
        return None
    match = _prefix().match(fold(official))  # fold keeps the length: the offset is valid in `official`
    return official[match.end():] if match else official
