"""The text classifier `make eval` sets against the findings rules: trained deterministically,
scored on annotations it did not see, and reported beside the rules' accuracies."""

from __future__ import annotations

from pathlib import Path

from pipeline.findings_textcat import accuracy, gold_rows, textcat_lines, train

ROOT = Path(__file__).resolve().parents[2]
ROWS = [
    {"text": "Đề nghị UBND tỉnh hỗ trợ kinh phí mua máy scan.", "kind": "recommendation", "category": "finance"},
    {"text": "Đề nghị Sở Tài chính bố trí kinh phí cho xã.", "kind": "recommendation", "category": "finance"},
    {"text": "Đường truyền internet ở các thôn chập chờn.", "kind": "difficulty", "category": "network_connectivity"},
    {"text": "Sóng điện thoại ở thôn vùng cao yếu.", "kind": "difficulty", "category": "network_connectivity"},
]


def test_the_classifier_learns_its_training_sentences_the_same_way_each_time() -> None:
    first, second = train(ROWS, "category"), train(ROWS, "category")
    assert accuracy(first, ROWS, "category") == 1.0
    assert [d.cats for d in first.pipe(r["text"] for r in ROWS)] == [d.cats for d in second.pipe(r["text"] for r in ROWS)]


def test_gold_rows_read_each_annotated_report_once() -> None:
    rows = gold_rows([ROOT / "data" / "raw"], ROOT / "data" / "gold")
    assert len(rows) == 80  # three seeds, each in three formats, annotated once
    assert {r["kind"] for r in rows} == {"difficulty", "cause", "limitation", "strength", "recommendation"}


def test_the_printed_comparison_names_the_better_system_per_field() -> None:
    lines = textcat_lines(ROWS, ROWS[:2], {"kind": 0.5, "category": 1.0}, "four sentences")
    assert lines[0].startswith("Findings, rules vs text classifier (textcat_multilabel trained on the 4 findings of four")
    assert lines[1].startswith("  kind      rules 0.500  textcat 1.000") and lines[1].endswith("-> textcat")
    assert lines[2].endswith("-> rules")
