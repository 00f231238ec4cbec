"""No input makes an exception escape the per-document function: bytes of any kind, and the
samples mutated (text edited, archive and PDF bytes damaged)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.run import DocResult, process_bytes
from tests.conftest import RAW

TEXT = (RAW / "001_35ae03e1e9c7ec90.txt").read_text("utf-8")
DOCX = (RAW / "001_35ae03e1e9c7ec90.docx").read_bytes()
PDF = (RAW / "001_35ae03e1e9c7ec90.pdf").read_bytes()
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _accounted(result: DocResult) -> None:
    """A result is a document or errors, never nothing."""
    assert isinstance(result, DocResult)
    assert result.errors or "documents" in result.tables


@SETTINGS
@given(st.binary(max_size=4096), st.sampled_from(["x.txt", "x.docx", "x.pdf", "x"]))
def test_any_bytes(data, name):
    _accounted(process_bytes(data, name))


@st.composite
def _edited(draw, text: str) -> str:
    """The text with a few cuts, insertions, repetitions and odd characters."""
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 400)))
        edit = draw(st.sampled_from(["cut", "insert", "repeat", "join"]))
        if edit == "cut":
            text = text[:i] + text[j:]
        elif edit == "insert":
            text = text[:i] + draw(st.text(max_size=40)) + text[i:]
        elif edit == "repeat":
            text = text[:j] + text[i:j] * draw(st.integers(2, 20)) + text[j:]
        else:
            text = text[:i] + text[i:j].replace("\n", " ") + text[j:]
    return text


@SETTINGS
@given(_edited(TEXT))
def test_report_text_edited(text):
    _accounted(process_bytes(text.encode("utf-8", "surrogatepass"), "edited.txt"))


@SETTINGS
@given(st.sampled_from([DOCX, PDF]), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=8),
       st.floats(0.2, 1))
def test_documents_damaged(data, flips, keep):
    damaged = bytearray(data[: max(1, int(len(data) * keep))])
    for where, value in flips:
        damaged[int(where * (len(damaged) - 1))] = value
    _accounted(process_bytes(bytes(damaged), "damaged.docx" if data is DOCX else "damaged.pdf"))
