"""The letter parts of document codes (`số, ký hiệu`) that are known for sure: the type codes
of Decree 30/2020/NĐ-CP and Guidance 36-HD/VPTW (held by `extractors.doc_codes`), the codes of a
commune's own bodies (`bodies.COMMUNE_CODES`) and, here, the codes of the bodies above the commune
that commune reports cite most. OCR repairs map a damaged part of a scanned code back to one
of these, and only to one of these."""

from __future__ import annotations

HIGHER_CODES = frozenset({
    "TW",  # the Party Central Committee
    "BCĐTW",  # its steering committee (Plan 02-KH/BCĐTW)
    "VPTW", "BTGTW", "BTCTW", "UBKTTW", "BCSĐ",  # central Party offices and boards, Party caucus
    "TU", "HU", "TĐTN",  # provincial and district Party committees, Youth Union
    "CP", "TTg", "VPCP", "QH", "UBTVQH", "ĐĐBQH",  # Government, Prime Minister, National Assembly
    "BTTTT", "BKHCN", "BNV", "BCA", "BTC", "BKHĐT",  # ministries
    "STTTT", "SKHCN", "SNV", "VP", "VPUB",  # provincial departments and offices
})
"""Issuer codes of bodies above the commune."""

