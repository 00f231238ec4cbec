"""Write the small PDF files that tests/ingest/test_pdf.py reads from tests/fixtures/pdf/.

Real reports cannot be committed in every shape the PDF backend must handle, so this script
draws them: a Party-style report laid out like the "other PDFs" of DOMAIN.md (two-column
header, wide line spacing, a footnote under a short rule, a ruled table with a merged cell,
a page number top centre on pages >= 2, a line repeated at the foot of every page and a
signature timestamp at the end).

Variants of the report carry a signature field (signed_report.pdf) or a scanned last page
(scanned_last_page.pdf); unreadable.pdf has a text layer of control characters; the bad
inputs are a password-protected report, a scan without a text layer and a truncated file.

Needs fpdf2 and pypdf (Pillow is already a dependency of pdfplumber) and the DejaVu fonts
(Debian package fonts-dejavu-core). Run from the repository root:

    .venv/bin/pip install fpdf2 pypdf && .venv/bin/python scripts/make_pdf_fixtures.py
"""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, NameObject, NumberObject, TextStringObject

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pdf"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FOOTER_TEXT = "Đảng uỷ xã Gia Phúc - Báo cáo giám sát Kế hoạch 02-KH/BCĐTW"
FIXED_DATE = datetime(2025, 10, 24, 8, 30, tzinfo=timezone(timedelta(hours=7)))

HEADER_LEFT = ["ĐẢNG BỘ XÃ GIA PHÚC", "ĐẢNG UỶ XÃ", "*", "Số      -BC/ĐU"]
HEADER_RIGHT = ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "", "Gia Phúc, ngày 24 tháng 10 năm 2025"]

PARAGRAPHS_1 = [
    "Thực hiện Công văn số 183-CV/UBKTTU, ngày 05/9/2025 của Uỷ ban Kiểm tra Thành uỷ Hải Phòng "
    "về việc phối hợp báo cáo việc thực hiện Kết luận số 183-KL/TW, ngày 01/8/2025 của Bộ Chính trị, "
    "Ban Bí thư; Đảng uỷ xã Gia Phúc báo cáo kết quả thực hiện từ ngày 20/10/2025 đến 24/10/2025 như sau:",
    "1. Về pháp lý",
    "Đảng uỷ giao UBND xã xây dựng kế hoạch thực hiện đảm bảo yêu cầu rõ người, rõ việc, rõ thủ tục, "
    "rõ thẩm quyền và chu trình thực hiện cho cán bộ thực hiện để phục vụ cho chính quyền địa phương "
    "2 cấp. Ban hành các quyết định về thành lập tổ công nghệ số cộng đồng của 27 thôn trên địa bàn xã.",
]
NOTED = (  # a ragged-right paragraph whose footnote mark is a real superscript
    "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
    "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Kế hoạch 02-KH/BCĐTW",
    "1",
    " của Ban Chỉ đạo Trung ương, Đảng uỷ đã quán triệt, triển khai đến các đồng chí uỷ viên Ban Chấp "
    "hành Đảng bộ, MTTQ và các tổ chức chính trị - xã hội, trưởng các phòng, ban, cơ quan, đơn vị.",
)
FOOTNOTE = "1 Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 về thúc đẩy chuyển đổi số liên thông, đồng bộ."

PARAGRAPHS_2 = [
    "2. Về hạ tầng công nghệ",
    "Trung tâm Phục vụ hành chính công xã được trang bị máy tính, máy scan, máy in và đường truyền "
    "internet; cấu hình các thiết bị chính như sau:",
]
TABLE = [
    ("STT", "Thiết bị", "Số lượng", "Ghi chú"),
    ("1", "Máy tính để bàn Intel Core i5-7400, RAM 4 GB", "05", "Windows 10 Professional"),
    ("2", "Máy scan Epson DS-410", "02", "scan 2 mặt giấy A4"),
    ("3", "Đường truyền internet công cộng", "01", None),  # merged over the last two cells
]
PARAGRAPHS_3 = [
    "3. Kết quả thực hiện TTHC",
    "Tổng số hồ sơ tiếp nhận 49 hồ sơ, đã giải quyết trước hạn 53 hồ sơ, không có hồ sơ quá hạn. "
    "Hồ sơ được số hóa đạt 100%.",
    "Trên đây là báo cáo kết quả thực hiện Kế hoạch số 02-KH/BCĐTW của Đảng uỷ xã Gia Phúc./.",
]
CLOSING_LEFT = ["Nơi nhận:", "- Uỷ ban Kiểm tra Thành uỷ,", "- Lưu Văn phòng Đảng uỷ."]
CLOSING_RIGHT = ["T/M ĐẢNG UỶ", "BÍ THƯ", "", "Nguyễn Văn An"]
SIGNED_AT = "2025-10-09T08:31:12+0700"
SIGNED_AT_PDF = "D:20251009083112+07'00'"  # the same time as a PDF date


class ReportPdf(FPDF):
    """An A4 report with Decree 30 page numbers (top centre from page 2) and a running footer."""

    def header(self) -> None:
        if self.page_no() >= 2:
            self.set_font("DejaVu", size=12)
            self.set_xy(self.l_margin, 10)
            self.cell(self.epw, 6, str(self.page_no()), align="C")
            self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        self.set_xy(self.l_margin, -14)
        self.set_font("DejaVu", size=8)
        self.cell(self.epw, 5, FOOTER_TEXT, align="C")


def new_pdf() -> ReportPdf:
    """A report PDF with the DejaVu fonts loaded and fixed metadata (reproducible bytes)."""
    pdf = ReportPdf(format="A4")
    pdf.set_margins(30, 20, 20)
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_producer("baocao fixture (fpdf2)")
    return pdf


def two_columns(pdf: FPDF, left: list[str], right: list[str], bold: bool) -> None:
    """Write a borderless two-column block, row by row, the way Word tables come out."""
    half = pdf.epw / 2
    pdf.set_font("DejaVu", "B" if bold else "", 11)
    rows = max(len(left), len(right))
    for l_text, r_text in zip(left + [""] * (rows - len(left)), right + [""] * (rows - len(right))):
        pdf.cell(half - 10, 6, l_text, align="C")
        pdf.cell(10, 6, "")
        pdf.cell(half, 6, r_text, align="C", new_x="LMARGIN", new_y="NEXT")


def paragraphs(pdf: FPDF, texts: list[str]) -> None:
    """Justified body paragraphs with a first-line indent and wide line spacing."""
    pdf.set_font("DejaVu", size=12)
    for text in texts:
        pdf.multi_cell(pdf.epw, 9, "      " + text, align="J", new_x="LMARGIN", new_y="NEXT")


def noted_paragraph(pdf: FPDF) -> None:
    """A left-aligned paragraph with a superscript footnote mark inside a line."""
    before, mark, after = NOTED
    pdf.set_font("DejaVu", size=12)
    pdf.write(9, "      " + before)
    pdf.char_vpos = "SUP"
    pdf.write(9, mark)
    pdf.char_vpos = "LINE"
    pdf.write(9, after)
    pdf.ln(9)


def footnote(pdf: FPDF, text: str) -> None:
    """A footnote at the bottom of the current page, under a short rule, in a small font."""
    y = pdf.h - 40
    pdf.line(pdf.l_margin, y, pdf.l_margin + 50, y)
    pdf.set_xy(pdf.l_margin, y + 1.5)
    pdf.set_font("DejaVu", size=8)
    pdf.multi_cell(pdf.epw, 4, text, align="L")


def ruled_table(pdf: FPDF) -> None:
    """The equipment table, with drawn borders and the last row's note merged over two cells."""
    pdf.set_font("DejaVu", size=10)
    with pdf.table(col_widths=(10, 55, 15, 30), line_height=6, first_row_as_headings=True,
                   headings_style=FontFace(emphasis="BOLD")) as table:
        for values in TABLE:
            row = table.row()
            for i, value in enumerate(values):
                if value is None:
                    continue
                span = 2 if i == 2 and values[3] is None else 1
                row.cell(value, colspan=span)


def party_report() -> bytes:
    """The 'other PDFs' style report described in the module docstring."""
    pdf = new_pdf()
    pdf.add_page()
    two_columns(pdf, HEADER_LEFT, HEADER_RIGHT, bold=True)
    pdf.ln(8)
    pdf.set_font("DejaVu", "B", 14)
    pdf.cell(pdf.epw, 8, "BÁO CÁO", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 12)
    pdf.multi_cell(pdf.epw, 7, "Giám sát thường xuyên việc thực hiện Kế hoạch số 02-KH/BCĐTW", align="C",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    paragraphs(pdf, PARAGRAPHS_1[:2])
    noted_paragraph(pdf)
    paragraphs(pdf, PARAGRAPHS_1[2:])
    footnote(pdf, FOOTNOTE)
    pdf.add_page()
    paragraphs(pdf, PARAGRAPHS_2)
    ruled_table(pdf)
    pdf.ln(4)
    paragraphs(pdf, PARAGRAPHS_3)
    pdf.add_page()
    two_columns(pdf, CLOSING_LEFT, CLOSING_RIGHT, bold=False)
    pdf.ln(6)
    pdf.set_font("DejaVu", size=9)
    pdf.cell(pdf.epw, 5, SIGNED_AT, align="R")
    return bytes(pdf.output())


def encrypted_report() -> bytes:
    """A one-page report that opens only with a user password."""
    pdf = new_pdf()
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    pdf.add_page()
    paragraphs(pdf, PARAGRAPHS_3)
    return bytes(pdf.output())


def signed_copy(report: bytes) -> bytes:
    """The report with a signature field dated like SIGNED_AT. Its signature bytes are blank:
    the backend only reports that a document is signed and when, it does not verify."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(report)))
    value = DictionaryObject({
        NameObject("/Type"): NameObject("/Sig"),
        NameObject("/Filter"): NameObject("/Adobe.PPKLite"),
        NameObject("/SubFilter"): NameObject("/adbe.pkcs7.detached"),
        NameObject("/M"): TextStringObject(SIGNED_AT_PDF),
        NameObject("/ByteRange"): ArrayObject([NumberObject(0)] * 4),
        NameObject("/Contents"): ByteStringObject(bytes(64)),
    })
    signature = DictionaryObject({
        NameObject("/FT"): NameObject("/Sig"),
        NameObject("/T"): TextStringObject("Signature1"),
        NameObject("/V"): value,
    })
    writer.root_object[NameObject("/AcroForm")] = DictionaryObject({
        NameObject("/Fields"): ArrayObject([signature]),
        NameObject("/SigFlags"): NumberObject(3),
    })
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned_report() -> bytes:
    """A page that is only a picture of text, as a scanner makes it."""
    image = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 18)
    draw.text((250, 120), "BÁO CÁO", fill=0, font=font)
    draw.multiline_text((60, 180), "\n".join(PARAGRAPHS_3), fill=0, font=font)
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=75, creationDate=FIXED_DATE.utctimetuple(), modDate=FIXED_DATE.utctimetuple())
    return out.getvalue()


def with_scanned_page(report: bytes, scan: bytes) -> bytes:
    """The report followed by a scanned page: a document whose last page has no text."""
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(report)))
    writer.append(PdfReader(io.BytesIO(scan)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def unreadable_report() -> bytes:
    """A page whose text maps to control characters, as fonts without a Unicode map give."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(pdf.epw, 8, "".join(map(chr, range(1, 9))) * 8)
    return bytes(pdf.output())


def main() -> None:
    """Write every fixture into tests/fixtures/pdf/."""
    OUT.mkdir(parents=True, exist_ok=True)
    report, scan = party_report(), scanned_report()
    fixtures = {
        "party_report.pdf": report,
        "signed_report.pdf": signed_copy(report),
        "scanned_last_page.pdf": with_scanned_page(report, scan),
        "unreadable.pdf": unreadable_report(),
        "encrypted.pdf": encrypted_report(),
        "image_only.pdf": scan,
        "truncated.pdf": report[: len(report) // 3],
    }
    for name, data in fixtures.items():
        (OUT / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
