"""The PDF backend's loops over characters, page objects and path segments
(`pipeline/ingest/pdf/pdfium_loops.py`): the compiled ones and their pure-Python twins give the
same values on real and drawn PDFs (text in form XObjects, Bézier curves, closed and open paths,
a ligature-free Vietnamese text), and the whole backend reads the same documents with either."""

from __future__ import annotations

import math
import shutil
import sysconfig
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pypdfium2 as pdfium
import pytest

from datamodel import RawDocument
from pipeline.ingest.base import InputError
from pipeline.ingest.pdf import PdfBackend, objects
from pipeline.ingest.pdf import glyphs as pdf_glyphs
from pipeline.ingest.pdf import pdfium_loops as loops
from pipeline.ingest.pdf.fonts import font_descents
from pipeline.ingest.pdf.objects import page_objects
from pipeline.ingest.pdf.pdfium_loops import address
from pipeline.ingest.pdf.reading import LINE
from pipeline.options import Options
from tests.conftest import RAW
from tests.ingest.test_pdf_tables import FONT, _in_forms, _objects_pdf, _report

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (dev extras) draws the test PDFs")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
NAMES = ("paths", "texts", "reaching", "subpaths", "line_boxes", "page_edges")
T = TypeVar("T")
needs_compiled = pytest.mark.skipif(loops.COMPILED is None, reason="the compiled loops were not built (no C compiler)")


def _shapes() -> bytes:
    """Curves (a circle, a rounded box), an open polyline, a closed triangle, single lines, a
    filled box, closed four-sided polygons (one a rectangle) and text in two sizes: every kind
    of path segment and subpath pdfium gives."""
    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=12)
    pdf.add_page()
    pdf.text(30, 30, "Báo cáo kết quả chuyển đổi số của xã")
    pdf.set_font("DejaVu", size=7.5)
    pdf.text(30, 40, "Ghi chú: số liệu đến ngày 30/9/2025")
    pdf.circle(x=60, y=80, radius=12)
    pdf.rect(100, 70, 40, 20, round_corners=True)
    pdf.polyline([(20, 120), (60, 140), (90, 120), (120, 150)])
    pdf.polygon([(140, 120), (180, 120), (160, 150)], style="DF")
    pdf.line(20, 170, 190, 170)
    pdf.line(50, 160, 50, 200)
    pdf.rect(20, 210, 60, 15, style="F")
    pdf.ellipse(100, 200, 50, 20, style="D")
    pdf.polygon([(20, 240), (20, 260), (60, 260), (50, 240)])  # four sides, three square corners: a curve
    pdf.polygon([(100, 240), (140, 240), (140, 260), (100, 260)])  # a rectangle drawn as a polygon
    return bytes(pdf.output())


def _turned() -> bytes:
    """A line of text, then the same line turned a quarter (pdfplumber's own reading)."""
    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    pdf.text(30, 30, "Danh sách thiết bị")
    with pdf.rotation(90, x=100, y=150):
        pdf.text(100, 150, "Danh sách thiết bị")
    return bytes(pdf.output())


def _documents() -> dict[str, bytes]:
    files = sorted(RAW.glob("*.pdf")) + [FIXTURES / name for name in ("party_report.pdf", "signed_report.pdf", "unreadable.pdf")]
    documents = {path.name: path.read_bytes() for path in files}
    documents.update(drawn=_report(), objects=_objects_pdf(), forms=_in_forms(_objects_pdf()),
                     shapes=_shapes(), shapes_in_forms=_in_forms(_shapes()), turned=_turned())
    return documents


DOCUMENTS = _documents()


def every_descent(data: bytes, pages: int) -> dict[str, float | None]:
    """The descents of the fonts of every page (none known when pdfminer cannot read the file)."""
    try:
        return font_descents(data, set(range(1, pages + 1)))
    except Exception:  # pdfminer cannot read every odd file
        return {}


def test_the_loops_are_compiled_where_a_compiler_is() -> None:
    compiler = sysconfig.get_config_var("CC") or "cc"
    if shutil.which(compiler.split()[0]) is None:
        pytest.skip(f"no C compiler ({compiler}): the pure-Python loops run")
    assert loops.COMPILED is not None, "pipeline/ingest/pdf/_pdfium_loops.c was not built: run make setup"


@needs_compiled
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_compiled_loops_give_the_python_values(name: str) -> None:
    assert loops.COMPILED is not None
    pdf = pdfium.PdfDocument(DOCUMENTS[name])
    descents = every_descent(DOCUMENTS[name], len(pdf))
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        key = address(page.raw)
        height = page.get_height()
        texts = loops.COMPILED.texts(key)
        assert texts == loops.py_texts(key)
        for text, _, outer, box in texts:  # as the object is, and as if it printed nothing
            for bounds in (box, (0.0, 0.0, 0.0, 0.0)):
                blank = objects.compiled_blank(text, outer, bounds, {})
                assert blank == objects.py_blank(text, outer, bounds, {})
                assert blank is None or type(blank) is pdf_glyphs.Glyph
        wanted = {k for n, (k, *_) in enumerate(texts) if n % 2}  # every other object
        for zones in ([], [(100.0, 100.0, 300.0, 200.0)], [(-math.inf, -math.inf, math.inf, 150.0), (0.0, 500.0, 90.0, 520.0)]):
            assert loops.COMPILED.reaching(texts, zones, height, 20.0) == loops.py_reaching(texts, zones, height, 20.0)
        for chosen in (None, wanted, set()):
            fonts: dict[int, str] = {}
            got = pdf_glyphs.compiled_glyphs(textpage, chosen, fonts)
            assert got == pdf_glyphs.py_glyphs(textpage, chosen, {})
            assert got is None or all(type(g) is pdf_glyphs.Glyph for found in got[0].values() for g in found)
            every = [g for found in (got[0].values() if got else []) for g in found]
            for known in (descents, {}):  # the document's fonts; none known
                boxes = loops.COMPILED.char_boxes(every, known, height)
                assert boxes == pdf_glyphs.py_char_boxes(every, known, height)
                assert boxes is None or [list(box) for box in boxes] == [list(box) for box in pdf_glyphs.py_char_boxes(every, known, height) or []]
        spans = [(m.start(), m.end() - 1) for m in LINE.finditer(textpage.get_text_range())]
        assert loops.COMPILED.line_boxes(address(textpage.raw), spans) == loops.py_line_boxes(address(textpage.raw), spans)
        paths = loops.COMPILED.paths(key)
        assert paths == loops.py_paths(key)
        assert _items(loops.COMPILED.edges(paths, height)) == _items(loops.py_page_edges(paths, height))
        for path, matrix, _ in paths:
            assert loops.COMPILED.subpaths(path, matrix) == loops.py_subpaths(path, matrix)
        textpage.close()
        page.close()
    pdf.close()


def _items(edges: list[dict[str, object]]) -> list[list[tuple[str, type, object]]]:
    """Each edge's keys in order, with their values and the values' types (pdfplumber's int 0s)."""
    return [[(key, type(value), value) for key, value in edge.items()] for edge in edges]


@needs_compiled
def test_the_drawn_shapes_hold_every_kind_of_subpath() -> None:
    assert loops.COMPILED is not None
    pdf = pdfium.PdfDocument(DOCUMENTS["shapes"])
    page = pdf[0]
    shapes = [shape for path, matrix, _ in loops.COMPILED.paths(address(page.raw))
              for shape, _ in loops.COMPILED.subpaths(path, matrix)]
    assert "ml" in shapes  # a single line
    assert any(shape.endswith("h") for shape in shapes)  # closed
    assert any("c" in shape for shape in shapes)  # Bézier curves, kept by their end points
    assert any(shape.startswith("mlll") and not shape.endswith("h") for shape in shapes)  # the open polyline


def _python(call: Callable[[], T]) -> T:
    """What `call` gives with the pure-Python loops."""
    with pytest.MonkeyPatch.context() as patch:
        for name in NAMES:
            patch.setattr(loops, name, getattr(loops, "py_" + name))
        patch.setattr(pdf_glyphs, "read_glyphs", pdf_glyphs.py_glyphs)
        patch.setattr(pdf_glyphs, "char_boxes", pdf_glyphs.py_char_boxes)
        patch.setattr(objects, "blank_glyph", objects.py_blank)
        return call()


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_page_objects_are_the_python_loops_ones(name: str) -> None:
    """Glyphs, edges and tables of each page (every word; the tables' characters only; both
    with a header cut) equal those the pure-Python loops give."""
    pdf = pdfium.PdfDocument(DOCUMENTS[name])
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        for words_above, tables in ((math.inf, False), (None, True), (300.0, True)):
            got = page_objects(page, textpage, words_above, tables)
            expected = _python(lambda: page_objects(page, textpage, words_above, tables))  # noqa: B023
            assert (got is None) == (expected is None)
            if got is not None and expected is not None:
                assert got.glyphs == expected.glyphs
                assert got.edges == expected.edges
                assert [t.bbox for t in got.tables or []] == [t.bbox for t in expected.tables or []]
        textpage.close()
        page.close()
    pdf.close()


def _read_all() -> dict[str, RawDocument | str]:
    """Each document as the backend reads it (without OCR), or the error it raises."""
    out: dict[str, RawDocument | str] = {}
    for name, data in DOCUMENTS.items():
        try:
            out[name] = PdfBackend().read(data, Options(ocr=False))
        except InputError as err:
            out[name] = err.error_type
    return out


def test_the_backend_reads_the_same_documents_with_the_python_loops() -> None:
    got = _read_all()
    assert got == _python(_read_all)
    assert any(block.kind == "table_row" for doc in got.values() if isinstance(doc, RawDocument) for block in doc.blocks)
