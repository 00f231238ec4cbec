"""A whole run over good and bad inputs: error rows, complete rows for the rest, exit status."""

import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from pipeline.cli import main
from tests.conftest import RAW, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
GOOD = ["001_35ae03e1e9c7ec90.txt", "000_3f443abda9bde363.docx", "003_eb674791f856846a.pdf"]


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Write one file per kind of bad input; returns file name -> expected error_type."""
    docx = (RAW / "000_3f443abda9bde363.docx").read_bytes()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "truncated.docx").write_bytes(docx[: len(docx) // 3])
    (folder / "not_a_zip.docx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)  # an image renamed
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "really_a_docx.pdf").write_bytes((RAW / "001_35ae03e1e9c7ec90.docx").read_bytes())
    blank = io.BytesIO()
    Image.new("L", (600, 800), 255).save(blank, "PDF")  # a blank scan: no text layer, nothing for OCR
    (folder / "image_only.pdf").write_bytes(blank.getvalue())
    for name in ("encrypted.pdf", "truncated.pdf"):
        shutil.copy(FIXTURES / name, folder / name)
    return {
        "empty.txt": "empty_file",
        "truncated.docx": "not_a_docx",
        "not_a_zip.docx": "unreadable_content",
        "binary.txt": "unreadable_content",
        "really_a_docx.pdf": "extension_mismatch",
        "encrypted.pdf": "encrypted_pdf",
        "image_only.pdf": "no_text_layer",
        "truncated.pdf": "corrupt_pdf",
    }


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    inputs = tmp_path_factory.mktemp("inputs")
    for name in GOOD:
        shutil.copy(RAW / name, inputs / name)
    expected = _bad_inputs(inputs)
    out = tmp_path_factory.mktemp("out")
    status = main(["extract", str(inputs), "-o", str(out), "-q"])
    return status, out, expected


def test_every_bad_input_has_one_error_row_naming_file_stage_and_reason(mixed_run):
    status, out, expected = mixed_run
    errors = pd.read_parquet(out / "errors")
    assert status == 1
    got = {Path(p).name: t for p, t in zip(errors.source_path, errors.error_type)}
    assert got == expected
    assert errors.groupby("source_path").size().max() == 1
    assert set(errors.stage) == {"ingest", "detect"}
    assert errors.message.str.len().min() > 15
    assert "no text layer" in errors.set_index("error_type").loc["no_text_layer", "message"]


def test_good_inputs_are_complete_despite_the_bad_ones(mixed_run):
    _, out, _ = mixed_run
    docs = pd.read_parquet(out / "documents")
    names = sorted(Path(p).name for p in docs.source_path)
    assert names == sorted(GOOD + ["really_a_docx.pdf"])  # a lying extension is still read, by content
    assert dict(zip(docs.source_path.map(lambda p: Path(p).name), docs.source_format))["really_a_docx.pdf"] == "docx"
    texts = pd.read_parquet(out / "texts")
    assert set(texts.doc_id) == set(docs.doc_id)
    blocks = pd.read_parquet(out / "blocks").merge(texts, on="doc_id")
    sliced = [t[s:e] for t, s, e in zip(blocks.text, blocks.char_start, blocks.char_end)]
    assert sliced == list(blocks.evidence)


def test_same_file_gives_same_doc_id(mixed_run, tmp_path):
    _, out, _ = mixed_run
    shutil.copy(RAW / GOOD[0], tmp_path / "copy.txt")
    assert main(["extract", str(tmp_path / "copy.txt"), "-o", str(tmp_path / "o"), "-q"]) == 0
    first = pd.read_parquet(out / "documents").set_index("source_path").doc_id
    again = pd.read_parquet(tmp_path / "o" / "documents").doc_id[0]
    assert again in set(first)


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing"), "-o", str(tmp_path / "o")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "o")]) == 2
    with pytest.raises(SystemExit) as exit_:
        main(["extract"])
    assert exit_.value.code == 2


def test_worker_processes_give_the_same_tables(tmp_path):
    assert main(["extract", str(RAW), "-o", str(tmp_path / "one"), "-q"]) == 0
    assert main(["extract", str(RAW), "-o", str(tmp_path / "two"), "-q", "-j", "2"]) == 0
    for table in ("documents", "references", "metrics", "equipment", "checks", "texts"):
        one = pd.read_parquet(tmp_path / "one" / table).drop(columns=["pipeline_version"], errors="ignore")
        two = pd.read_parquet(tmp_path / "two" / table).drop(columns=["pipeline_version"], errors="ignore")
        pd.testing.assert_frame_equal(one, two)
