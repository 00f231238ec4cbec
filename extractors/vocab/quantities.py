"""How reports count things: classifiers, the words that open a breakdown of a total, total rows.

Shared by the equipment and metrics extractors: a total followed by its parts
(`09 máy tính, trong đó 05 máy tính để bàn ...`, `Tổng số hồ sơ: 120, gồm ...`) is read as
the parts, so both must agree on what opens a breakdown."""

from __future__ import annotations

from extractors.vocab import Phrase, alternation

CLASSIFIER_WORDS: tuple[Phrase, ...] = (
    Phrase(r"bộ", "set, unit (classifier)"),
    Phrase(r"chiếc", "piece (classifier)"),
    Phrase(r"cái", "item (classifier)"),
    Phrase(r"hệ\s+thống", "system (classifier)"),
)
"""Classifier words between a count and its noun (`02 bộ máy tính`, `03 chiếc máy in`)."""

CLASSIFIERS = alternation(CLASSIFIER_WORDS)

BREAKDOWN_WORDS: tuple[Phrase, ...] = (
    Phrase(r"(?:bao\s+)?gồm", "consisting of"),
    Phrase(r"trong\s+đó", "of which"),
    Phrase(r"cụ\s+thể", "specifically"),
    Phrase(r"chi\s+tiết", "in detail"),
    Phrase(r"như\s+sau", "as follows"),
)
"""Words that open the parts of a counted total (`03 máy, gồm 02 máy Canon ... và 01 máy Fujitsu`)."""

BREAKDOWN = alternation(BREAKDOWN_WORDS)

TOTAL_WORDS: tuple[Phrase, ...] = (
    Phrase(r"tổng(?:\s+cộng|\s+số)?", "total"),
    Phrase(r"cộng", "sum (table total row)"),
)
"""What opens a total row of a table (`Tổng cộng`, `Cộng`)."""

TOTAL_ROW = alternation(TOTAL_WORDS)

LIST_GAP = r"\s*(?:[,;/]|và|\n)?\s*(?:[-+*•]\s*)?"
"""What separates the items of a list (a comma, `và`, a new bullet line)."""
