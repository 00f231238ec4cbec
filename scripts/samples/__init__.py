"""The parts of scripts/build_samples.py, one concern a module: reading a seed (`seed`), the page
and docx helpers (`docx_base`), the layout (`docx_layout`, `spec_table`), the PDF export
(`pdf_export`) and the check that no word was lost (`word_check`)."""
