"""The shipped NER model (`nlp/model`): it loads with the network unavailable and finds
people's names the rules cannot read, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.entities import MODEL_DIR, additions, combine, model_entities
from extractors.entity_rules import EntitySpan
from extractors.registry import run_components
from extractors.trained_models import trained_pipeline
from pipeline.build import document_from_text
from pipeline.evaluate_entities import score_entities

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="nlp/model not built (make model)")


@pytest.fixture(scope="module")
def nlp(network_refused):
    trained_pipeline.cache_clear()
    return trained_pipeline(MODEL_DIR)


def test_model_loads_offline_and_tags_names_bodies_and_places(nlp) -> None:
    parsed = nlp("Giao đồng chí Nguyễn Văn Khoa phối hợp với Sở Nội vụ tỉnh Hà Tĩnh hướng dẫn người dân xã Kỳ Văn.")
    ents = {(e.text, e.label_) for e in parsed.ents}
    assert ("Nguyễn Văn Khoa", "PER") in ents
    assert ("Sở Nội vụ tỉnh Hà Tĩnh", "ORG") in ents
    assert ("xã Kỳ Văn", "LOC") in ents


def test_names_without_a_cue_come_from_the_model(nlp) -> None:
    text = ("1. Về nguồn nhân lực\n"
            "- Phân công Trần Thị Hạnh theo dõi số liệu, Lê Quốc Bình hỗ trợ người dân tại Trung tâm.\n")
    doc = document_from_text(text)
    rows = run_components(doc, only=("entities",))["entities"]
    people = {(r["text"], r["source"]) for r in rows if r["label"] == "PER"}
    assert ("Trần Thị Hạnh", "model") in people
    assert ("Lê Quốc Bình", "model") in people


def test_names_in_lists_after_a_title_and_of_the_highlands(nlp) -> None:
    text = ("- Thành viên tổ gồm: Sùng A Chá, Huỳnh Thị Ngọc Diệp và Lò Văn Khiêm.\n"
            "- Phó Chủ tịch UBND xã Kỳ Văn - Phan Văn Lâm báo cáo tại buổi làm việc.\n"
            "Nơi nhận:\n- Lưu: VT, VPĐU.\n")
    rows = run_components(document_from_text(text), only=("entities",))["entities"]
    people = {r["text"] for r in rows if r["label"] == "PER" and r["source"] == "model"}
    assert people == {"Sùng A Chá", "Huỳnh Thị Ngọc Diệp", "Lò Văn Khiêm", "Phan Văn Lâm"}
    assert ("ORG", "UBND xã Kỳ Văn") in {(r["label"], r["text"]) for r in rows}


def test_combined_entities_meet_the_target_on_the_development_reports(nlp) -> None:
    scores = score_entities(ROOT / "data" / "dev", ROOT / "data" / "gold")["combined"]
    for label, c in scores.items():
        precision, recall = c["tp"] / (c["tp"] + c["fp"]), c["tp"] / (c["tp"] + c["fn"])
        assert c["tp"] >= 20 and 2 * precision * recall / (precision + recall) >= 0.9, label


def test_model_spans_that_overlap_rules_or_are_untrusted_are_dropped(nlp) -> None:
    doc = document_from_text("UBND xã Mức Một báo cáo.\n")
    rule = EntitySpan(0, 20, "ORG", "body", "Ủy ban nhân dân xã Mức Một")
    model = [EntitySpan(8, 20, "LOC", "name", "Mức Một", source="model"),
             EntitySpan(0, 4, "ORG", "name", "UBND", source="model")]
    assert combine([rule], model, doc.text) == [rule]
    assert all(s.source == "model" for s in model_entities(doc, nlp))


def test_a_street_named_after_a_person_is_no_person() -> None:
    text = "Bà Lê Thị Hoa ở số 12 đường Nguyễn Văn Cừ, hẻm Trần Quang Khải.\n"
    hoa, street, lane = (EntitySpan(text.index(n), text.index(n) + len(n), "PER", "name", n, source="model")
                         for n in ("Lê Thị Hoa", "Nguyễn Văn Cừ", "Trần Quang Khải"))
    assert additions([], [hoa, street, lane], text) == [hoa]


def test_a_family_name_before_a_word_in_capitals_is_not_read_by_the_model(nlp) -> None:
    from extractors.entities import _name_sentences

    text = ("Nơi nhận:\n- Như trên;\n- Lưu VT, VPĐU.\n"
            "Giao Phạm Thị Lan tổng hợp số liệu.\n")
    doc = document_from_text(text)
    read = [doc.text[s:e] for s, e in _name_sentences(doc, [])]
    assert read == ["Giao Phạm Thị Lan tổng hợp số liệu."]  # not the filing line (`Lưu VT`)
    rows = run_components(doc, only=("entities",))["entities"]
    assert {r["text"] for r in rows if r["source"] == "model"} == {"Phạm Thị Lan"}


def test_the_model_is_loaded_only_by_a_report_with_a_sentence_to_read(nlp) -> None:
    trained_pipeline.cache_clear()  # loads again below: the module's fixture holds its own pipeline
    plain = document_from_text("UBND xã Kỳ Văn tổ chức hội nghị về chuyển đổi số.\nKết quả đạt 95%.\n")
    rows = run_components(plain, only=("entities",))["entities"]
    assert {r["source"] for r in rows} == {"rule"} and rows
    assert trained_pipeline.cache_info().currsize == 0
    named = document_from_text("- Phân công Trần Thị Hạnh theo dõi số liệu.\n")
    rows = run_components(named, only=("entities",))["entities"]
    assert ("Trần Thị Hạnh", "model") in {(r["text"], r["source"]) for r in rows}
    assert trained_pipeline.cache_info().currsize == 1
