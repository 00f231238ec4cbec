"""A pdfium handle's identity, read as the address its pointer holds, is the value a cast to
`c_void_p` gives (0 for a null handle)."""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.ingest.pdf.pdfium_loops import address as _key
from tests.conftest import RAW


def test_object_and_font_keys_are_the_handles_addresses():
    pdf = pdfium.PdfDocument(sorted(RAW.glob("*.pdf"))[0].read_bytes())
    page = pdf[0]
    handles = [pdfium_c.FPDFPage_GetObject(page.raw, k) for k in range(pdfium_c.FPDFPage_CountObjects(page.raw))]
    handles += [pdfium_c.FPDFTextObj_GetFont(h) for h in handles if pdfium_c.FPDFPageObj_GetType(h) == pdfium_c.FPDF_PAGEOBJ_TEXT]
    assert len(handles) > 10
    assert [_key(h) for h in handles] == [ctypes.cast(h, ctypes.c_void_p).value for h in handles]
    assert _key(ctypes.POINTER(pdfium_c.struct_fpdf_pageobject_t__)()) == 0
