"""Build DOCX and PDF renditions of the real seed reports kept as text in data/raw.

Why this exists: provinces receive these reports as Word files laid out per Decree
30/2020/NĐ-CP and as PDFs exported from Word, but the real reports we hold are plain-text
dumps (data/raw/<stem>.txt). This script turns each seed into data/raw/<stem>.docx with the
official layout (header table, centred title, numbered sections, a real spec table, footer
table, page numbers from page 2) and exports that to data/raw/<stem>.pdf with LibreOffice, so
the pipeline's DOCX and PDF readers are tested on realistic files carrying exactly the seed's
words. The outputs are committed: tests and CI never need an office suite; rerun this script
only after changing a seed or the layout.

    .venv/bin/python scripts/build_samples.py

The DOCX is always built; the PDF only when `soffice` is on PATH. Every rendition is checked
to contain every word of its seed (markup aside); the script exits 1 when one does not.

How the seed text is read (see scripts/README.md for the judgement calls):
- header: the lines before `BÁO CÁO`; motto/party name and the place-date line go right,
  the issuing body and the `Số` line go left;
- title block: `BÁO CÁO`, the subject (its lines joined), a `(...)` period line, a `-----`
  rule, `Kính gửi: ...`, up to the opening paragraph (`Thực hiện ...`);
- body: one paragraph per logical paragraph. Seed 003 was extracted from a PDF whose
  wrapped lines keep a trailing space, so a line runs on into the next one when it has a
  trailing space and does not end with a full stop, or when it ends with a document code cut
  after its hyphen (`863/QĐ-` + `UBND` -> `863/QĐ-UBND`); blank lines mean nothing. List items,
  numbered headings and `(Phụ lục ...)` notes always start a paragraph. Lines of the seeds that
  came from Word end without a trailing space, so each stays one paragraph;
- a run of per-machine spec lists (`2.1.1. Bộ máy tính ... 1:` + `+ CPU: ...`) becomes one table;
- footer: from `Nơi nhận:`; its `- ` list, then the signer's authority/title lines and, after
  a blank line, the signer's name;
- markup: `[bookmark: _GoBack]` is dropped and `**bold**` becomes bold runs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Length, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

RAW_DIR = Path(__file__).resolve().parents[1] / "data" / "raw"
SEEDS = ("000_3f443abda9bde363", "001_35ae03e1e9c7ec90", "003_eb674791f856846a")

# --- reading a seed ----------------------------------------------------------------------

BOOKMARK = "[bookmark: _GoBack]"
TITLE = "BÁO CÁO"
DISTRIBUTION = "Nơi nhận:"
OPENING = "Thực hiện"  # every report opens by citing the request it answers
RIGHT_HEADER = re.compile(r"CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐẢNG CỘNG SẢN VIỆT NAM")
DATE_LINE = re.compile(r", ngày .* năm \d{4}$")
NUMBER_LINE = re.compile(r"Số\b")
PERIOD_LINE = re.compile(r"\(.*\)")
RULE_LINE = re.compile(r"-{3,}")
RECIPIENT_LINE = re.compile(r"Kính gửi\s*:")
LIST_ITEM = re.compile(r"[-+*•] ")
HEADING = re.compile(r"\d+(?:\.\d+)*\. ")
ANNEX_NOTE = re.compile(r"\(Phụ lục [^)]*\)")
CODE_CUT = re.compile(r"[\w/]-$")  # `863/QĐ-`, `02-` at the end of a PDF line
MACHINE = re.compile(r"(\d+(?:\.\d+){2,}\.) (.+):")  # `2.1.1. Bộ máy tính để bàn Công chức 1:`
SPEC = re.compile(r"(?:- )?\+ ([^:]+): (.+)")  # `+ CPU: Intel Core i3-12100`, `- + RAM: 8GB DDR4`


@dataclass
class Paragraph:
    """One body paragraph; `text` may carry `**bold**` markup."""

    text: str
    kind: str  # "heading", "item", "note" or "text"


@dataclass
class Machine:
    number: str  # the seed's own section number, e.g. `2.1.1.`
    name: str
    specs: dict[str, str]


@dataclass
class SpecTable:
    machines: list[Machine]


Block = Paragraph | SpecTable


@dataclass
class TitleBlock:
    subject: str
    period: str | None = None  # `(Đến ngày 14/12/2025)`
    rule: str | None = None  # the short rule typed under the subject
    recipient: str | None = None  # `Kính gửi: ...`


@dataclass
class Report:
    issuer: list[str]  # left header cell: issuing body lines (bold last)
    number: str | None  # `Số:       /BC-UBND`
    motto: list[str]  # right header cell: national motto or party name
    date: str | None  # place and date line
    title: TitleBlock
    body: list[Block]
    distribution: list[str]  # `Nơi nhận:` and its list
    signer: list[str]  # authority and title lines
    signer_name: str | None


def bold_per_line(text: str) -> str:
    """Close every `**bold**` span at each line end and reopen it on the next line, so that
    each line carries its own markup (seed 001 bolds two signer lines with one span)."""
    return re.sub(
        r"\*\*(.+?)\*\*",
        lambda m: "**" + m.group(1).replace("\n", "**\n**") + "**",
        text,
        flags=re.DOTALL,
    )


def cut_after_hyphen(raw: str) -> bool:
    """A raw line ending in `863/QĐ-` with no trailing space: a document code the PDF broke."""
    return raw == raw.rstrip() and bool(CODE_CUT.search(raw))


def runs_on(raw: str) -> bool:
    """True when a raw line was wrapped by the PDF extractor rather than ended by the author."""
    line = raw.rstrip()
    return cut_after_hyphen(raw) or (line != raw and not line.endswith("."))


def starts_paragraph(line: str) -> bool:
    return bool(LIST_ITEM.match(line) or HEADING.match(line) or ANNEX_NOTE.fullmatch(line))


def segment(raw_lines: list[str]) -> list[str]:
    """Rejoin raw lines into logical paragraphs (rules in the module docstring)."""
    paragraphs: list[str] = []
    previous_raw = ""
    for raw in raw_lines:
        line = raw.strip()
        if not line:
            continue
        if paragraphs and runs_on(previous_raw) and not starts_paragraph(line):
            paragraphs[-1] += ("" if cut_after_hyphen(previous_raw) else " ") + line
        else:
            paragraphs.append(line)
        previous_raw = raw
    return paragraphs


def classify(text: str) -> Paragraph:
    if HEADING.match(text):
        return Paragraph(text, "heading")
    if LIST_ITEM.match(text):
        return Paragraph(text, "item")
    if ANNEX_NOTE.fullmatch(text):
        return Paragraph(text, "note")
    return Paragraph(text, "text")


def machine_at(paragraphs: list[Paragraph], start: int) -> tuple[Machine, int] | None:
    """The machine heading at `start` with its `+ Key: value` lines, and the index after them."""
    heading = MACHINE.fullmatch(paragraphs[start].text)
    if not heading:
        return None
    specs: dict[str, str] = {}
    end = start + 1
    while end < len(paragraphs) and (spec := SPEC.fullmatch(paragraphs[end].text)):
        specs[spec.group(1)] = spec.group(2)
        end += 1
    return (Machine(heading.group(1), heading.group(2), specs), end) if specs else None


def group_spec_tables(paragraphs: list[Paragraph]) -> list[Block]:
    """Replace each run of two or more machine spec lists with one SpecTable."""
    blocks: list[Block] = []
    i = 0
    while i < len(paragraphs):
        machines: list[Machine] = []
        end = i
        while end < len(paragraphs) and (found := machine_at(paragraphs, end)):
            machines.append(found[0])
            end = found[1]
        if len(machines) >= 2:
            blocks.append(SpecTable(machines))
            i = end
        else:
            blocks.append(paragraphs[i])
            i += 1
    return blocks


def read_header(raw_lines: list[str]) -> tuple[list[str], str | None, list[str], str | None]:
    """Sort the lines above the title into issuer, number, motto and date."""
    issuer: list[str] = []
    motto: list[str] = []
    number = date = None
    for line in (raw.strip() for raw in raw_lines):
        if not line:
            continue
        if NUMBER_LINE.match(line):
            number = line
        elif DATE_LINE.search(line):
            date = line
        elif RIGHT_HEADER.search(line):
            motto.append(line)
        else:
            issuer.append(line)
    return issuer, number, motto, date


def read_title_block(raw_lines: list[str]) -> tuple[TitleBlock, int]:
    """The block after `BÁO CÁO`, and the index of the opening paragraph that ends it."""
    title = TitleBlock(subject="")
    subject: list[str] = []
    for i, raw in enumerate(raw_lines):
        line = raw.strip()
        if line.startswith(OPENING):
            title.subject = " ".join(subject)
            return title, i
        if RULE_LINE.fullmatch(line):
            title.rule = line
        elif RECIPIENT_LINE.match(line):
            title.recipient = line
        elif PERIOD_LINE.fullmatch(line):
            title.period = line
        elif line:
            subject.append(line)
    raise ValueError(f"no opening paragraph ({OPENING} ...) after the title")


def read_footer(raw_lines: list[str]) -> tuple[list[str], list[str], str | None]:
    """`Nơi nhận:` with its list, the signer's authority/title lines and name."""
    lines = [raw.strip() for raw in raw_lines]
    distribution = [lines[0]]
    rest = 1
    while rest < len(lines) and (not lines[rest] or lines[rest].startswith("- ")):
        if lines[rest]:
            distribution.append(lines[rest])
        rest += 1
    groups: list[list[str]] = [[]]
    for line in lines[rest:]:
        if line:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    groups = [group for group in groups if group]
    if len(groups) < 2:
        return distribution, [line for group in groups for line in group], None
    return distribution, [line for group in groups[:-1] for line in group], " ".join(groups[-1])


def first_index(lines: list[str], wanted: str) -> int:
    return next(i for i, line in enumerate(lines) if line.strip() == wanted)


def parse_report(text: str) -> Report:
    lines = bold_per_line(text.replace(BOOKMARK, "")).split("\n")
    title_at = first_index(lines, TITLE)
    footer_at = first_index(lines, DISTRIBUTION)
    issuer, number, motto, date = read_header(lines[:title_at])
    title, body_offset = read_title_block(lines[title_at + 1 : footer_at])
    body_lines = lines[title_at + 1 + body_offset : footer_at]
    distribution, signer, signer_name = read_footer(lines[footer_at:])
    return Report(
        issuer=issuer,
        number=number,
        motto=motto,
        date=date,
        title=title,
        body=group_spec_tables([classify(p) for p in segment(body_lines)]),
        distribution=distribution,
        signer=signer,
        signer_name=signer_name,
    )


# --- writing the DOCX (Decree 30/2020/NĐ-CP layout) -----------------------------------------

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
HEADER_SIZE = Pt(13)
TABLE_SIZE = Pt(11)
A4_SHORT, A4_LONG = Mm(210), Mm(297)
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
TEXT_WIDTH = A4_SHORT - MARGINS["left"] - MARGINS["right"]
LANDSCAPE_TEXT_WIDTH = A4_LONG - MARGINS["left"] - MARGINS["right"]
FIRST_LINE_INDENT = Mm(10)
CELL_PADDING = Mm(4)  # Word's and LibreOffice's default left + right cell margins, with a little slack
SPEC_TABLE_TITLE = "Cấu hình máy tính tại Trung tâm"
SPEC_FIXED_COLUMNS = ("STT", "Máy tính")


def use_font(doc: DocxDocument) -> None:
    """Times New Roman 14 pt, single spacing, Vietnamese proofing, for every paragraph."""
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = BODY_SIZE
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    rpr.append(lang)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def set_page(section: Section, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    section.top_margin = MARGINS["top"]
    section.bottom_margin = MARGINS["bottom"]
    section.left_margin = MARGINS["left"]
    section.right_margin = MARGINS["right"]


def add_page_number(section: Section) -> None:
    """A centred PAGE field in the header, none on the first page (Decree 30)."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an explicit, empty first-page header
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def write(
    paragraph: DocxParagraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: Length | None = None,
) -> DocxParagraph:
    """Append `text` as runs, turning `**...**` into bold."""
    for i, part in enumerate(text.split("**")):
        if part:
            run = paragraph.add_run(part)
            run.bold = bold or i % 2 == 1 or None
            run.italic = italic or None
            run.font.size = size
    return paragraph


@dataclass
class Line:
    """One paragraph of a table cell."""

    text: str
    bold: bool = False
    italic: bool = False
    size: Length | None = None
    space_before: int = 0


def fill_cell(cell: _Cell, lines: list[Line], align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> None:
    """Write `lines` into an empty cell, one paragraph each."""
    for i, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_before = Pt(line.space_before)
        write(paragraph, line.text, bold=line.bold, italic=line.italic, size=line.size)


def new_table(doc: DocxDocument, rows: int, widths: list[Length], style: str | None = None) -> Table:
    table = doc.add_table(rows=rows, cols=len(widths))
    if style:
        table.style = doc.styles[style]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
        for cell in column.cells:
            cell.width = width
    return table


def keep_row_on_one_page(table: Table) -> None:
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def add_header_table(doc: DocxDocument, report: Report) -> None:
    """Issuing body + number left, motto/party + place and date right, no borders; the number
    and date lines are padded to the same height so that they face each other."""
    if not (report.issuer or report.number or report.motto or report.date):
        return
    height = max(len(report.issuer), len(report.motto))
    last = len(report.issuer) - 1
    left = [Line(text, bold=i == last, size=HEADER_SIZE) for i, text in enumerate(report.issuer)]
    right = [
        Line(text, bold=True, size=HEADER_SIZE if text.isupper() else BODY_SIZE) for text in report.motto
    ]
    left += [Line("")] * (height - len(left))
    right += [Line("")] * (height - len(right))
    if report.number:
        left.append(Line(report.number, size=HEADER_SIZE, space_before=6))
    if report.date:
        right.append(Line(report.date, italic=True, space_before=6))
    table = new_table(doc, 1, [Mm(62), TEXT_WIDTH - Mm(62)])
    fill_cell(table.cell(0, 0), left)
    fill_cell(table.cell(0, 1), right)


def add_centred(
    doc: DocxDocument, text: str, *, bold: bool = False, italic: bool = False, before: int = 0
) -> None:
    paragraph = write(doc.add_paragraph(), text, bold=bold, italic=italic)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.keep_with_next = True


def add_title(doc: DocxDocument, title: TitleBlock) -> None:
    add_centred(doc, TITLE, bold=True, before=18)
    add_centred(doc, title.subject, bold=True)
    if title.period:
        add_centred(doc, title.period, italic=True)
    if title.rule:
        add_centred(doc, title.rule)
    if title.recipient:
        add_centred(doc, title.recipient, before=12)


def heading_markup(text: str) -> str:
    """Bold a numbered heading up to its first `: ` (`**2.1. Về máy tính:** Trung tâm ...`)."""
    head, colon, rest = text.partition(": ")
    return f"**{head}:** {rest}" if colon else f"**{text}**"


def add_body_paragraph(doc: DocxDocument, block: Paragraph) -> None:
    text = heading_markup(block.text) if block.kind == "heading" else block.text
    paragraph = write(doc.add_paragraph(), text, italic=block.kind == "note")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = FIRST_LINE_INDENT
    fmt.space_before = Pt(6)
    fmt.keep_with_next = block.kind == "heading"


def spec_columns(table: SpecTable) -> list[str]:
    keys: list[str] = []
    for machine in table.machines:
        keys += [key for key in machine.specs if key not in keys]
    return [*SPEC_FIXED_COLUMNS, *keys]


def estimated_width(text: str, size: Length) -> float:
    """Rough printed width in EMU of Times-like bold, erring wide: m and w ~0.95 em, other
    capitals ~0.75 em, spaces and punctuation ~0.3 em, the rest ~0.55 em."""
    return size * sum(
        0.95 if char in "mwMW" else 0.75 if char.isupper() else 0.3 if char in " .,:;()/-" else 0.55
        for char in text
    )


def column_widths(rows: list[list[str]], total: Length, size: Length) -> list[Length]:
    """Give each column room for its widest word (no word broken inside a narrow cell), then
    hand out the rest millimetre by millimetre to the column whose longest cell needs the most
    lines, so that rows stay short."""
    columns = list(zip(*rows))
    widths = [
        CELL_PADDING + max(estimated_width(word, size) for cell in column for word in cell.split())
        for column in columns
    ]
    longest = [max(estimated_width(cell, size) for cell in column) for column in columns]

    def lines(i: int) -> float:
        return longest[i] / (widths[i] - CELL_PADDING)

    while sum(widths) + Mm(1) <= total:
        widths[max(range(len(widths)), key=lines)] += Mm(1)
    return [Length(int(width)) for width in widths]


def add_spec_table(doc: DocxDocument, spec: SpecTable) -> None:
    """One bordered table, on a landscape page of its own: 11 columns do not fit A4 portrait."""
    landscape = doc.add_section(WD_SECTION.NEW_PAGE)
    set_page(landscape, landscape=True)
    landscape.different_first_page_header_footer = False
    columns = spec_columns(spec)
    keys = columns[len(SPEC_FIXED_COLUMNS) :]
    rows = [
        [machine.number, machine.name, *(machine.specs.get(key, "") for key in keys)]
        for machine in spec.machines
    ]
    widths = column_widths([columns, *rows], LANDSCAPE_TEXT_WIDTH, TABLE_SIZE)
    table = new_table(doc, 2 + len(spec.machines), widths, style="Table Grid")
    title = table.cell(0, 0).merge(table.cell(0, len(columns) - 1))
    fill_cell(title, [Line(SPEC_TABLE_TITLE, bold=True, size=TABLE_SIZE)])
    for cell, column in zip(table.rows[1].cells, columns):
        fill_cell(cell, [Line(column, bold=True, size=TABLE_SIZE)])
    for row, values in zip(table.rows[2:], rows):
        for cell, value in zip(row.cells, values):
            fill_cell(cell, [Line(value, size=TABLE_SIZE)], WD_ALIGN_PARAGRAPH.LEFT)
    for header_row in table.rows[:2]:
        header_row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    keep_row_on_one_page(table)
    portrait = doc.add_section(WD_SECTION.NEW_PAGE)
    set_page(portrait, landscape=False)


def add_footer_table(doc: DocxDocument, report: Report) -> None:
    """`Nơi nhận:` and its list left (12/11 pt), signer right, no borders, never split."""
    doc.add_paragraph()
    distribution = [Line(report.distribution[0], bold=True, italic=True, size=Pt(12))]
    distribution += [Line(text, size=Pt(11)) for text in report.distribution[1:]]
    signer = [Line(text, bold=True) for text in report.signer]
    if report.signer_name:
        signer += [Line("")] * 4 + [Line(report.signer_name, bold=True)]
    table = new_table(doc, 1, [Mm(80), TEXT_WIDTH - Mm(80)])
    fill_cell(table.cell(0, 0), distribution, WD_ALIGN_PARAGRAPH.LEFT)
    fill_cell(table.cell(0, 1), signer)
    keep_row_on_one_page(table)


def build_docx(report: Report) -> DocxDocument:
    doc = Document()
    use_font(doc)
    set_page(doc.sections[0], landscape=False)
    add_page_number(doc.sections[0])
    add_header_table(doc, report)
    add_title(doc, report.title)
    for block in report.body:
        if isinstance(block, SpecTable):
            add_spec_table(doc, block)
        else:
            add_body_paragraph(doc, block)
    add_footer_table(doc, report)
    return doc


# --- exporting the PDF ---------------------------------------------------------------------


def export_pdfs(docx_paths: list[Path], soffice: str) -> None:
    """Convert with LibreOffice headless, in a throw-away profile so parallel runs do not clash."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp, "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
        subprocess.run([*command, "--outdir", tmp, *map(str, docx_paths)], check=True, capture_output=True)
        for docx_path in docx_paths:
            shutil.move(Path(tmp, docx_path.stem + ".pdf"), docx_path.with_suffix(".pdf"))


# --- checking that no word was lost --------------------------------------------------------


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFC", text)))


def docx_text(path: Path) -> str:
    body = Document(str(path)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(str(path))
    return "\n".join(page.get_textpage().get_text_range() for page in pdf)


def expected_words(seed_text: str, report: Report) -> Counter[str]:
    """The seed's words, markup aside, less the spec keys a table's header row names once
    instead of once per machine."""
    expected = words(seed_text.replace(BOOKMARK, ""))
    for table in (block for block in report.body if isinstance(block, SpecTable)):
        for key in spec_columns(table)[len(SPEC_FIXED_COLUMNS) :]:
            repeats = sum(key in machine.specs for machine in table.machines) - 1
            expected -= Counter({word: n * repeats for word, n in words(key).items()})
    return expected


def check(expected: Counter[str], rendition: Path, text: str) -> bool:
    missing = expected - words(text)
    if missing:
        print(f"  {rendition.name}: MISSING {dict(missing)}")
    return not missing


# --- main ----------------------------------------------------------------------------------


def main() -> int:
    soffice = shutil.which("soffice")
    built: list[tuple[Counter[str], Path]] = []
    for stem in SEEDS:
        seed_text = (RAW_DIR / f"{stem}.txt").read_text(encoding="utf-8")
        report = parse_report(seed_text)
        docx_path = RAW_DIR / f"{stem}.docx"
        doc = build_docx(report)
        doc.core_properties.author = ""
        doc.core_properties.comments = f"Built by scripts/build_samples.py from data/raw/{stem}.txt"
        doc.save(str(docx_path))
        built.append((expected_words(seed_text, report), docx_path))
        print(f"wrote {docx_path.relative_to(RAW_DIR.parents[1])}")
    if soffice:
        export_pdfs([path for _, path in built], soffice)
        print(f"wrote the PDFs with {soffice}")
    else:
        print("soffice (LibreOffice) not found: DOCX rebuilt, PDFs left as they were", file=sys.stderr)
    complete = True
    for expected, docx_path in built:
        complete &= check(expected, docx_path, docx_text(docx_path))
        pdf_path = docx_path.with_suffix(".pdf")
        if pdf_path.exists():
            complete &= check(expected, pdf_path, pdf_text(pdf_path))
    print("every seed word is in every rendition" if complete else "some words were lost (see above)")
    return 0 if complete else 1


if __name__ == "__main__":
    sys.exit(main())
