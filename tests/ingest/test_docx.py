"""The DOCX backend on the sample renditions and on small documents built here."""

import io
import zipfile

import docx
import pytest

from pipeline.ingest.base import InputError
from pipeline.ingest.docx import DocxBackend
from tests.conftest import RAW


def _read(name: str):
    return DocxBackend().read((RAW / name).read_bytes())


def test_two_column_header_is_two_cell_blocks_left_then_right():
    raw = _read("000_3f443abda9bde363.docx")
    left, right = raw.blocks[0], raw.blocks[1]
    assert (left.kind, left.region, right.kind, right.region) == ("cell", "header", "cell", "header")
    assert "XÃ PHƯỚC GIANG" in left.text and "/BC-UBND" in left.text
    assert "Độc lập" in right.text and "Phước Giang, ngày" in right.text


def test_spec_table_rows_in_order_with_merged_title_once():
    raw = _read("001_35ae03e1e9c7ec90.docx")
    rows = [b for b in raw.blocks if b.kind == "table_row"]
    assert len(rows[0].cells) == 1  # the merged title row spans every column: read once
    header = rows[1].cells
    assert header[:4] == ("STT", "Máy tính", "CPU", "RAM")
    machines = rows[2:]
    assert len(machines) == 5
    assert machines[0].cells[2] == "Intel Core i3-12100" and "HDD 256 GB" in machines[0].cells
    assert machines[4].cells[2] == "Intel Core i5-7400"


def test_footer_table_gives_distribution_and_signer_cells():
    raw = _read("001_35ae03e1e9c7ec90.docx")
    cells = [b.text for b in raw.blocks if b.kind == "cell" and b.region == "body"]
    assert cells[0].startswith("Nơi nhận:")
    assert "KT. CHỦ TỊCH" in cells[1] and "La Thị Huệ" in cells[1]


def _with_footnote(document: docx.Document, note: str) -> bytes:
    """Save `document` and add a footnotes part (python-docx cannot write one itself)."""
    buf = io.BytesIO()
    document.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {ns}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 f'<w:footnote w:id="1"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdFn" Type="http://schemas.openxmlformats'
                                    b'.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
            dst.writestr(item, data)
        dst.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


def test_footnotes_and_page_headers_are_kept_apart_from_the_body():
    d = docx.Document()
    d.add_paragraph("1. Về pháp lý")
    d.add_paragraph("Đảng ủy xã ban hành Kế hoạch số 06-KH/ĐU ngày 15/7/2025.")
    d.sections[0].header.paragraphs[0].text = "Báo cáo tuần"
    raw = DocxBackend().read(_with_footnote(d, "Số liệu tính đến ngày 14/12/2025."))
    by_region = {b.region: b.text for b in raw.blocks}
    assert by_region["footnote"] == "Số liệu tính đến ngày 14/12/2025."
    assert by_region["page_header"] == "Báo cáo tuần"
    assert [b.text for b in raw.blocks if b.region == "body"] == ["1. Về pháp lý", "Đảng ủy xã ban hành Kế hoạch số 06-KH/ĐU ngày 15/7/2025."]


@pytest.mark.parametrize("data", [b"PK\x03\x04 truncated", b"not a zip at all"])
def test_damaged_docx_is_an_input_error(data):
    with pytest.raises(InputError) as err:
        DocxBackend().read(data)
    assert err.value.error_type == "not_a_docx"
