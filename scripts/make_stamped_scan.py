"""Write the stamped-scan fixtures that tests/ingest/test_ocr_stamped.py reads from tests/fixtures/pdf/.

A commune report as offices send it after signing on paper: printed, signed in blue ink, a
red round seal pressed over the signer's title and name, scanned in colour (turned a little,
with sensor noise, JPEG-compressed), so the text must be read by OCR through the ink:

- `stamped_scan.pdf`: the scan alone (no text layer);
- `signed_stamped_scan.pdf`: the same scan with a digital signature's text layer on top (a few
  lines naming the signer and the time, as signing software stamps a scanned file), which
  must count as no text layer at all.

Deterministic (seeded noise). Needs fpdf2 (a dev dependency) and the DejaVu fonts (Debian
fonts-dejavu-core). Run from the repository root: `.venv/bin/python scripts/make_stamped_scan.py`."""

from __future__ import annotations

import io
import math
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter, ImageFont

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pdf"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
DPI = 200
WIDTH, HEIGHT = round(8.27 * DPI), round(11.69 * DPI)
INK = (25, 25, 25)
RED = (205, 35, 45)
BLUE = (25, 45, 165)

HEADER_LEFT = ["UBND HUYỆN ĐÔNG SƠN", "UBND XÃ TÂN LẬP", "Số: 45/BC-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Tân Lập, ngày 18 tháng 11 năm 2025"]
TITLE = ["BÁO CÁO", "Kết quả chuyển đổi số tháng 11 năm 2025"]
BODY = [
    "Thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương",
    "về chuyển đổi số, Ủy ban nhân dân xã Tân Lập báo cáo kết quả như sau:",
    "I. KẾT QUẢ THỰC HIỆN",
    "- Tổng số hồ sơ tiếp nhận 236 hồ sơ, trong đó trực tuyến 198 hồ sơ.",
    "- Tỷ lệ hồ sơ giải quyết đúng hạn đạt 97%.",
    "II. KIẾN NGHỊ",
    "- Số máy tính để bàn hiện có 18 máy, còn thiếu 4 máy, đề nghị huyện hỗ trợ.",
    "Trên đây là báo cáo kết quả chuyển đổi số tháng 11 năm 2025 của UBND xã Tân Lập./.",
]
RECIPIENTS = ["Nơi nhận:", "- UBND huyện;", "- Lưu: VT."]
SIGNER = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
SIGNER_NAME = "Nguyễn Văn Bình"
SIGNED_AT = datetime(2025, 11, 18, 16, 5, 12, tzinfo=timezone(timedelta(hours=7)))
SIGNATURE_LAYER = ["Ký bởi: Ủy ban nhân dân xã Tân Lập", "Thời gian ký: 18.11.2025 16:05:12 +07:00"]


def _font(size_pt: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("DejaVuSerif-Bold.ttf" if bold else "DejaVuSerif.ttf")), round(size_pt * DPI / 72))


def _centred(draw: ImageDraw.ImageDraw, lines: list[str], centre_x: float, top: float, size: float, bold: bool) -> float:
    font = _font(size, bold)
    for line in lines:
        width = draw.textlength(line, font=font)
        draw.text((centre_x - width / 2, top), line, fill=INK, font=font)
        top += size * DPI / 72 * 1.5
    return top


def page() -> Image.Image:
    """The printed page, signed and sealed."""
    image = Image.new("RGB", (WIDTH, HEIGHT), (250, 250, 247))
    draw = ImageDraw.Draw(image)
    _centred(draw, HEADER_LEFT[:2], WIDTH * 0.22, 150, 11, True)
    _centred(draw, HEADER_LEFT[2:], WIDTH * 0.22, 150 + 2 * 50, 11, False)
    _centred(draw, HEADER_RIGHT[:2], WIDTH * 0.66, 150, 11, True)
    _centred(draw, HEADER_RIGHT[2:], WIDTH * 0.66, 150 + 2 * 50, 11, False)
    top = _centred(draw, TITLE, WIDTH / 2, 420, 13, True) + 40
    font = _font(12)
    for line in BODY:
        draw.text((200, top), line, fill=INK, font=font)
        top += 55
    footer = top + 60
    for k, line in enumerate(RECIPIENTS):
        draw.text((200, footer + k * 45), line, fill=INK, font=_font(11, k == 0))
    after = _centred(draw, SIGNER, WIDTH * 0.68, footer, 12, True)
    _centred(draw, [SIGNER_NAME], WIDTH * 0.68, after + 260, 12, True)
    _signature(image, WIDTH * 0.68, after + 230)
    _seal(image, WIDTH * 0.60, after + 60)
    return image


def _signature(image: Image.Image, x: float, y: float) -> None:
    """A blue pen stroke: loops running right, over where the name is written below."""
    ink = Image.new("L", image.size, 0)
    draw = ImageDraw.Draw(ink)
    points = [(x - 200 + 4.0 * t, y + 45 * math.sin(t / 9.0) + 25 * math.sin(t / 3.1)) for t in range(100)]
    draw.line(points, fill=255, width=5, joint="curve")
    image.paste(Image.new("RGB", image.size, BLUE), (0, 0), ink)


def _seal(image: Image.Image, x: float, y: float) -> None:
    """A red round seal (two rings, a star, the body's name round the edge) pressed over the
    signer's title and name: ink that lets the text under it show through (multiplied)."""
    seal = Image.new("RGB", image.size, (255, 255, 255))
    draw = ImageDraw.Draw(seal)
    for radius, width in ((190, 9), (140, 4)):
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=RED, width=width)
    star = [(x + (55 if k % 2 == 0 else 22) * math.sin(k * math.pi / 5), y - (55 if k % 2 == 0 else 22) * math.cos(k * math.pi / 5))
            for k in range(10)]
    draw.polygon(star, fill=RED)
    font = _font(10, True)
    name = "ỦY BAN NHÂN DÂN * XÃ TÂN LẬP * ĐÔNG SƠN *"
    for k, char in enumerate(name):
        angle = 2 * math.pi * k / len(name)
        letter = Image.new("L", (60, 60), 0)
        ImageDraw.Draw(letter).text((30, 30), char, fill=255, font=font, anchor="mm")
        letter = letter.rotate(-math.degrees(angle), resample=Image.Resampling.BICUBIC)
        seal.paste(Image.new("RGB", (60, 60), RED), (round(x + 165 * math.sin(angle)) - 30, round(y - 165 * math.cos(angle)) - 30), letter)
    image.paste(Image.fromarray((np.asarray(image, dtype=np.uint16) * np.asarray(seal) // 255).astype(np.uint8)))


def scanned(image: Image.Image, seed: int = 13) -> Image.Image:
    """The page through a colour scanner: turned 0.6 degrees, softened, with sensor noise."""
    rng = np.random.default_rng(seed)
    image = image.rotate(0.6, resample=Image.Resampling.BILINEAR, fillcolor=(250, 250, 247)).filter(ImageFilter.GaussianBlur(0.6))
    pixels = np.asarray(image, dtype=np.int16) + rng.normal(0, 8, (image.height, image.width, 1))
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")


def as_pdf(image: Image.Image, layer: list[str]) -> bytes:
    """The scan as a one-page PDF (JPEG), with `layer` written over it as its text layer."""
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=70)
    pdf = FPDF(unit="pt", format=(WIDTH * 72 / DPI, HEIGHT * 72 / DPI))
    pdf.set_creation_date(SIGNED_AT)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.image(jpeg, 0, 0, pdf.w, pdf.h)
    if layer:
        pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        pdf.set_font("DejaVu", size=7)
        pdf.set_xy(pdf.w - 230, pdf.h - 60)
        pdf.multi_cell(200, 9, "\n".join(layer))
    return bytes(pdf.output())


def main() -> None:
    scan = scanned(page())
    for name, layer in (("stamped_scan.pdf", []), ("signed_stamped_scan.pdf", SIGNATURE_LAYER)):
        target = OUT / name
        target.write_bytes(as_pdf(scan, layer))
        print(f"{target}: {target.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
