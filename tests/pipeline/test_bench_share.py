"""`make bench` reports what entities and findings add to the rest of the run (issue 11: at most 20 %)."""

from pipeline.bench import added_share


def test_the_share_is_over_the_run_without_entities_and_findings():
    secs = {"extract:entity_rules": 6.0, "extract:entities": 1.0, "extract:findings": 3.0, "normalize": 40.0}
    assert added_share(secs, 60.0) == 20.0  # 10 s on top of the 50 s the rest takes


def test_a_run_without_those_stages_adds_nothing():
    assert added_share({"normalize": 4.0}, 5.0) == 0.0
