"""The report a findings test writes its lines into: a commune's header above them and a
recipients list below, as the reports have."""

from __future__ import annotations

from extractors.findings import extract_findings
from pipeline.build import document_from_text

FOOT = "Nơi nhận:\n- Như trên;\n"


def finding_rows(commune: str, month: int, body: str) -> list[dict]:
    """The findings rows of `body` in a report of the commune `commune` (in capitals) for `month`."""
    head = f"ỦY BAN NHÂN DÂN\nXÃ {commune}\nBÁO CÁO\nKết quả chuyển đổi số tháng {month}\n"
    return extract_findings(document_from_text(head + body + FOOT), {})["findings"]
