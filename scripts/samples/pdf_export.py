"""Exporting the DOCX renditions to PDF with LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def export_pdfs(docx_paths: list[Path], soffice: str) -> None:
    """Convert with LibreOffice headless, in a throw-away profile so parallel runs do not clash."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp, "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
        subprocess.run([*command, "--outdir", tmp, *map(str, docx_paths)], check=True, capture_output=True)
        for docx_path in docx_paths:
            shutil.move(Path(tmp, docx_path.stem + ".pdf"), docx_path.with_suffix(".pdf"))
