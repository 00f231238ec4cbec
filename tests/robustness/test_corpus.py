"""The promise of issue 7, checked in one run: `baocao extract` over the hostile corpus next
to real reports, measured from outside like a user's machine would see it."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.ingest.office import soffice
from tests.conftest import RAW
from tests.robustness.measure import run_measured

PEAK_RSS = 1536 << 20
"""Bound on the peak resident memory of the whole process tree. Measured about 0.3 GiB; before
the limits, one 1 GiB DOCX bomb alone peaked at 2.1 GiB."""
WALL_TIME = 120.0
"""Bound on the whole run, generous for a shared 2-core machine (it takes about 20 s there)."""
TERMINAL_STAGES = {"discover", "read", "ingest"}


def _baocao(*args: str):
    return run_measured([str(Path(sys.executable).with_name("baocao")), *args], timeout=WALL_TIME * 2)


def _rows_per_source(out: Path) -> pd.Series:
    """How many rows account for each input: its documents row, or its one terminal errors
    row (refused, unreadable, or a second copy of content already read)."""
    docs = pd.read_parquet(out / "documents")
    errors = pd.read_parquet(out / "errors")
    terminal = errors[errors.stage.isin(TERMINAL_STAGES) | (errors.error_type == "duplicate_content")]
    return pd.concat([docs.source_path, terminal.source_path]).value_counts()


def _good_rows(out: Path, doc_ids: set[str]) -> dict[str, pd.DataFrame]:
    tables = {}
    for table in ("documents", "texts", "blocks", "references", "dates", "metrics", "equipment", "checks"):
        df = pd.read_parquet(out / table).convert_dtypes()  # an integer column with a null elsewhere stays integer
        df = df[df.doc_id.isin(doc_ids)].drop(columns=["source_path"], errors="ignore")
        tables[table] = df.sort_values(list(df.columns[:4])).reset_index(drop=True).astype(str)
    return tables


@pytest.fixture(scope="module")
def runs(corpus, tmp_path_factory):
    """A clean run over the real reports alone, then one over them and the corpus (with two
    workers, as a user with a large folder would run it)."""
    root, entries = corpus
    tmp = tmp_path_factory.mktemp("runs")
    good = tmp / "good"
    shutil.copytree(RAW, good)
    clean = _baocao("extract", str(good), "-o", str(tmp / "clean"), "-q")
    assert clean.exit == 0, clean.stderr
    mixed = _baocao("extract", str(good), str(root), "-o", str(tmp / "mixed"), "-q", "-j", "2")
    return root, entries, good, tmp, mixed


def test_hostile_corpus_next_to_real_reports_loses_nothing(runs):
    root, entries, good, tmp_path, mixed = runs
    assert "Traceback" not in mixed.stderr
    assert mixed.exit == 1, mixed.stderr
    counts = _rows_per_source(tmp_path / "mixed")
    expected = [str(good / p.name) for p in sorted(RAW.iterdir())]
    expected += [os.fsencode(root / e.name).decode("utf-8", "backslashreplace") for e in entries if e.input]
    assert sorted(counts.index) == sorted(expected)
    assert set(counts) == {1}
    clean_docs = pd.read_parquet(tmp_path / "clean" / "documents")
    ids = set(clean_docs.doc_id)
    for table, want in _good_rows(tmp_path / "clean", ids).items():
        pd.testing.assert_frame_equal(_good_rows(tmp_path / "mixed", ids)[table], want, obj=table)
    assert mixed.peak_rss < PEAK_RSS, f"peak RSS {mixed.peak_rss / 2**20:.0f} MiB"
    assert mixed.seconds < WALL_TIME, f"{mixed.seconds:.1f} s"


def test_every_refusal_names_what_is_wrong(runs):
    """The corpus's hostile kinds end as the rows a user can act on."""
    out = runs[3] / "mixed"
    errors = pd.read_parquet(out / "errors")
    by_name = {Path(p).name: (t, m) for p, t, m in zip(errors.source_path, errors.error_type, errors.message)}
    assert by_name["bomb.docx"][0] == "too_large" and "--max-unpacked-mib 256" in by_name["bomb.docx"][1]
    assert by_name["big_stream.pdf"][0] == "too_large"
    assert by_name["pages_2000.pdf"] == ("too_large", "the PDF has 2000 pages, over the limit set by --max-pages 1000")
    assert by_name["page_loop.pdf"][0] == "corrupt_pdf" and "loop" in by_name["page_loop.pdf"][1]
    assert by_name["one_line_8m.txt"][0] == "too_large"
    assert by_name["pipe.txt"][0] == by_name["sock.pdf"][0] == "not_a_regular_file"
    assert by_name["loop_a.txt"][0] == "link_loop"
    assert by_name["dangling.docx"][0] == "broken_link"
    assert by_name["passwd.txt"][0] == by_name["etc_link"][0] == by_name["null.txt"][0] == "link_outside_input"
    if soffice() is None:  # .doc/.rtf/.odt are converted by LibreOffice where it is installed
        assert by_name["old.doc"][0] == by_name["report.rtf"][0] == by_name["report.odt"][0] == "converter_missing"
    else:
        # random bytes and an empty content.xml: LibreOffice refuses them or makes a document of nothing readable
        assert {by_name["old.doc"][0], by_name["report.odt"][0]} <= {"conversion_failed", "empty_document", "legacy_encoding"}
    assert by_name["encrypted.docx"][0] == "encrypted_docx"
    assert by_name["nul.txt"][0] == by_name["control.txt"][0] == "unreadable_content"
    docs = pd.read_parquet(out / "documents")
    names = {Path(p).name: w for p, w in zip(docs.source_path, docs.warnings.fillna(""))}
    assert "invalid bytes replaced by U+FFFD" in names["one_bad_byte.txt"]  # the byte and the rest of its character
    assert "cut_at_64k.txt" in names and "scan" in names and "Báo cáo xã Phú Thịnh.txt" in names
    assert soffice() is None or "converted from .rtf" in names["report.rtf"]
    assert "footnotes.xml" in names["footnote_bomb.docx"] and "comments.xml" in names["comment_xxe.docx"]
    assert "root:" not in pd.read_parquet(out / "texts").text.str.cat()
    assert "not valid UTF-8" in names["latin1_b\\xe1o_c\\xe1o.txt"]
    assert "notes.md" not in names and "notes.md" not in by_name
    assert ".hidden report.txt" in names and "kept.txt" not in names and "kept.txt" not in by_name
    assert by_name["~$lying_docx.docx"][0] == "skipped_lock_file"
