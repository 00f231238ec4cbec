"""The speed paths give exactly what the plain definitions give: the legacy-font test counted by
regex, schema validation checking most columns by type alone, a DOCX read without rebuilding its
archive when no part needs cleaning."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

import schemas
from pipeline.ingest import encoding
from pipeline.ingest.docx import DocxBackend, _safe_package
from pipeline.options import DEFAULTS
from schemas.rules import rules_for
from schemas.validate import _problem, _type_check, validated
from tests.conftest import RAW

LETTERS = sorted(encoding._VIETNAMESE) + sorted(encoding._COMMON_SYMBOLS) + list("aZ §¶øñ]^-[\\\x7f\x80\u0301\u00a0\u212a\u037e\udc80")


def _share_by_characters(text: str) -> float:
    chars = [c for c in unicodedata.normalize("NFC", text) if ord(c) > 127 and c not in encoding._COMMON_SYMBOLS]
    return sum(c in encoding._VIETNAMESE for c in chars) / len(chars) if chars else 1.0


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(LETTERS), max_size=60))
def test_legacy_font_test_counts_what_the_character_loop_counts(text):
    non_ascii = sum(1 for c in text if ord(c) > 127 and c not in encoding._COMMON_SYMBOLS)
    assert encoding._vietnamese_share(text) == _share_by_characters(text)
    assert encoding.looks_like_legacy_font(text) == (non_ascii >= 10 and _share_by_characters(text) < 0.6)


def _validated_by_definition(table, rows):
    """Every value through `_problem`: the definition the fast path must match."""
    rules = rules_for(table.name, table.names)
    checks = {c.name: _type_check(c.type) for c in table.columns}
    kept, problems = [], []
    for row in rows:
        clean = {}
        for column, value in row.items():
            problem = None if value is None else _problem(value, column, row, checks[column], rules)
            if problem:
                problems.append(f"table {table.name}, column {column}, document {row['doc_id']}: {problem}; value not written")
            clean[column] = None if problem else value
        if all(clean.get(c) is not None for c in rules.required):
            kept.append(clean)
    return kept, problems


VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 200), st.floats(allow_infinity=True),
                   st.sampled_from(["count", "percent", "tthc", "lacking", "SSD", "x"]), st.just(dt.date(2025, 6, 19)))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["metrics", "equipment", "dates", "documents"]), st.data())
def test_validation_keeps_and_reports_what_checking_every_value_would(name, data):
    table = schemas.all_tables()[name]
    rows = [{c: data.draw(VALUES) for c in table.names[:12]} | {"doc_id": "d1"} for _ in range(data.draw(st.integers(0, 3)))]
    kept, problems = _validated_by_definition(table, rows)
    arrow, errors = validated(table, rows, "a.txt")
    assert arrow.num_rows == len(kept)
    assert [e["message"] for e in errors if "required value missing" not in e["message"]] == problems


def test_a_clean_docx_is_read_from_its_own_bytes_and_a_damaged_part_forces_a_rebuild():
    data = (RAW / "001_35ae03e1e9c7ec90.docx").read_bytes()
    warnings: list[str] = []
    assert _safe_package(data, DEFAULTS, warnings) is data and warnings == []
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, b"<w:settings><broken" if info.filename == "word/settings.xml" else src.read(info))
    damaged = out.getvalue()
    rebuilt = _safe_package(damaged, DEFAULTS, warnings)
    assert rebuilt is not damaged and len(warnings) == 1 and "word/settings.xml" in warnings[0]
    assert [b.text for b in DocxBackend().read(damaged).blocks] == [b.text for b in DocxBackend().read(data).blocks]
