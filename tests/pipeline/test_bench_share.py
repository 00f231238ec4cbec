"""`make bench` reports what entities and findings add to the rest of the run (issue 11: at most 20 %)."""

from pipeline.bench import NLP_COMPONENTS, WithoutNlp, ab_share, added_share


def test_the_share_is_over_the_run_without_entities_and_findings():
    secs = {"extract:entity_rules": 6.0, "extract:entities": 1.0, "extract:findings": 3.0, "normalize": 40.0}
    assert added_share(secs, 60.0) == 20.0  # 10 s on top of the 50 s the rest takes


def test_a_run_without_those_stages_adds_nothing():
    assert added_share({"normalize": 4.0}, 5.0) == 0.0


def test_the_ab_figure_is_over_the_run_without_the_components():
    assert ab_share(120.0, 100.0) == 20.0


def test_the_b_side_switches_the_three_components_off_in_the_component_loop():
    from extractors.registry import run_components
    from pipeline.build import document_from_text

    doc = document_from_text("UBND XÃ PHƯỢNG TIẾN\nBÁO CÁO\nKiến nghị UBND huyện cấp thêm 03 máy tính cho xã Phượng Tiến.\n")
    assert run_components(doc)["entities"]  # the A side finds them
    facts = run_components(doc, skip=WithoutNlp().skipped_components())
    assert WithoutNlp().skipped_components() == ("fact_model", *NLP_COMPONENTS)
    assert "entities" not in facts and "findings" not in facts and "documents" in facts


def test_the_rss_sampler_walks_the_process_list_once_a_second_and_times_itself(monkeypatch):
    import time

    import pipeline.bench as bench

    walks = []
    children = bench._children
    monkeypatch.setattr(bench, "_children", lambda me, beside: walks.append(1) or children(me, beside))
    with bench.PeakRss() as rss:
        deadline = time.monotonic() + 10
        while rss.peak == 0 and time.monotonic() < deadline:  # at least one sample, even on a loaded machine
            time.sleep(0.05)
        time.sleep(0.3)  # a few more samples, well under the 20 of one second
    assert rss.peak > 0 and rss.main_peak > 0
    assert len(walks) == 1  # one /proc walk for the first 20 samples, not one per sample
    assert 0 < rss.cpu < 1  # the sampler's own CPU time, which measured_run leaves out
