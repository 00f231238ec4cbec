"""The `documents` table: one row per input document, with the report's metadata."""

import pyarrow as pa

from schemas.base import DOC_ID, Column, Table

TABLE = Table(
    "documents",
    "One row per input document: where it came from and what its header and footer say",
    (
        DOC_ID,
        Column("source_path", pa.string(), "Path of the input file as given on the command line"),
        Column("source_format", pa.string(), "Format read from the content: docx, pdf, txt, or doc, rtf, odt (converted to DOCX with LibreOffice)"),
        Column("sha256", pa.string(), "SHA-256 of the file's bytes"),
        Column("size_bytes", pa.int64(), "Size of the file"),
        Column("page_count", pa.int32(), "Number of pages (PDF only)"),
        Column("ocr_pages", pa.int32(), "Pages read by OCR (scanned, or a stamp or garbage text layer); 0 for a PDF read "
               "from its text layer, null for other formats"),
        Column("ocr_confidence", pa.float32(), "Mean Tesseract word confidence (0-100) over the OCR pages (null without OCR)"),
        Column("signed_at", pa.string(), "When the PDF was digitally signed: each signature's time, ISO 8601, '; '-separated"
               " (null when unsigned, the time is not stated, or not a PDF)"),
        Column("pipeline_version", pa.string(), "Version of baocao that produced the row"),
        Column("issuer", pa.string(), "Issuing body as written (header issuer lines, or the body that reports)"),
        Column("issuer_kind", pa.string(), "state, party or front"),
        Column("commune", pa.string(), "Commune name as written, without the xã/phường prefix"),
        Column("commune_type", pa.string(), "xã, phường or đặc khu"),
        Column("province", pa.string(), "Province name as written"),
        Column("commune_code", pa.int32(), "Official post-July-2025 commune code (vietnam-provinces)"),
        Column("commune_name", pa.string(), "Official commune name"),
        Column("province_code", pa.int32(), "Official post-July-2025 province code"),
        Column("province_name", pa.string(), "Official province name"),
        Column("commune_match", pa.string(), "How the commune was resolved: exact, inferred, ambiguous, none"),
        Column("doc_symbol", pa.string(), "The report's own symbol (BC-UBND, BC/ĐU)"),
        Column("doc_number", pa.string(), "The report's own number, null when left blank"),
        Column("place", pa.string(), "Place in the place/date line"),
        Column("report_date", pa.date32(), "Date of the report (null when day or month is blank)"),
        Column("report_year", pa.int32(), "Year of the report, known even when the date is blank"),
        Column("period_start", pa.date32(), "First day of the reporting period"),
        Column("period_end", pa.date32(), "Last day of the reporting period"),
        Column("title", pa.string(), "Subject line of the report"),
        Column("recipients", pa.string(), "Kính gửi recipients, joined with '; '"),
        Column("signer_authority", pa.string(), "Signing authority line (KT. CHỦ TỊCH, T/M BAN THƯỜNG VỤ)"),
        Column("signer_title", pa.string(), "Signer's title (PHÓ CHỦ TỊCH, BÍ THƯ)"),
        Column("signer_name", pa.string(), "Signer's name"),
        Column("sections", pa.int32(), "Number of numbered sections found"),
        Column("warnings", pa.string(), "What the pipeline noticed about the input, '; '-separated"),
        Column("report_key", pa.string(), "The report this file is a rendition of (commune_summary.report_key): equal for its DOCX, PDF and TXT"),
    ),
)
