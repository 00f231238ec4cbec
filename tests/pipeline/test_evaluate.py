"""The scorer behind `make eval`: multiset matching with realdev's conventions, and the sealed section
that never prints a miss."""

from __future__ import annotations

from pipeline.eval_sections import ROOT, _section, sections
from pipeline.evaluate import _key, compare_gold

KEY = _key("metric", "value")


def test_a_fact_predicted_twice_but_written_once_is_one_false_positive():
    score, missed, extra = compare_gold([{"metric": "dossiers_received", "value": 143}],
                                        [("dossiers_received", 143.0), ("dossiers_received", 143.0)], KEY)
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)
    assert list(extra.elements()) == [("dossiers_received", 143.0)] and not missed


def test_any_listed_metric_name_matches_once():
    gold = [{"metric": ["dossiers_resolved_early", "dossiers_resolved_on_time"], "value": 131}]
    score, _, _ = compare_gold(gold, [("dossiers_resolved_on_time", 131.0)], KEY)
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)
    score, missed, _ = compare_gold(gold, [], KEY)
    assert (score.tp, score.fn) == (0, 1) and list(missed) == [("dossiers_resolved_early", 131.0)]


def test_an_optional_fact_is_neither_rewarded_nor_penalised():
    gold = [{"metric": "dossiers_received", "value": 4200, "optional": True},
            {"metric": "service_center_staff", "value": 3}]
    with_it = compare_gold(gold, [("dossiers_received", 4200.0), ("service_center_staff", 3.0)], KEY)[0]
    without = compare_gold(gold, [("service_center_staff", 3.0)], KEY)[0]
    assert (with_it.tp, with_it.fp, with_it.fn) == (without.tp, without.fp, without.fn) == (1, 0, 0)


def test_a_required_fact_claims_the_prediction_before_an_optional_twin():
    gold = [{"metric": "dossiers_received", "value": 318, "optional": True},
            {"metric": "dossiers_received", "value": 318}]
    score, _, _ = compare_gold(gold, [("dossiers_received", 318.0)], KEY)
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)


def test_listed_equipment_categories_match_any():
    key = _key("category", "quantity", "status")
    gold = [{"category": ["other", "video_conference"], "quantity": None, "status": "lacking"}]
    score, _, _ = compare_gold(gold, [("video_conference", None, "lacking")], key)
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)


def test_the_sealed_section_prints_scores_but_never_a_miss_even_when_verbose():
    sealed = next(s for s in sections(ROOT) if "sealed" in s.title)
    assert not sealed.show_misses and sealed.contract_only
    text = "\n".join(_section(sealed, verbose=True))
    assert "Per family" in text and "metrics" in text
    assert "Entities per label" in text and "findings: gold" in text  # aggregates of the NER gold too
    assert "Differences" not in text and " missed " not in text and " extra " not in text and " got " not in text
