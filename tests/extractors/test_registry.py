import pytest

from datamodel import Document
from extractors import registry
from extractors.registry import Component, RegistryError, order
from pipeline.build import document_from_text

TABLES = ("metrics", "checks", "documents", "commune_summary")


def comp(name: str, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ("checks",), fn=None) -> Component:
    return Component(name, fn or (lambda d, f: {}), requires, assigns)


def names(comps: list[Component]) -> list[str]:
    return [c.name for c in comps]


def test_every_component_runs_after_the_writers_of_what_it_reads():
    ordered = registry.components()
    position = {c.name: i for i, c in enumerate(ordered)}
    for c in ordered:
        for other in ordered:
            if other is not c and set(c.requires) & set(other.assigns):
                assert position[other.name] < position[c.name], (other.name, c.name)
    assert {"references", "dates", "metadata", "metrics", "metric_checks", "equipment", "summary"} <= set(position)


def test_summary_runs_after_every_writer_of_checks():
    """The summary counts checks by severity: every component that writes checks comes first,
    whatever its name (a component named `zz_checks` must not run after the summary)."""
    comps = {c.name: c for c in (comp("summary", requires=("checks",), assigns=("commune_summary",)),
                                 comp("zz_checks"), comp("aa_checks"))}
    assert names(order(comps, TABLES)) == ["aa_checks", "zz_checks", "summary"]


def test_order_follows_declarations_not_names():
    comps = {c.name: c for c in (comp("a_reader", requires=("metrics",), assigns=("checks",)),
                                 comp("z_writer", assigns=("metrics",)))}
    assert names(order(comps, TABLES)) == ["z_writer", "a_reader"]


def test_reading_a_table_nobody_writes_is_refused_with_the_name():
    comps = {"lonely": comp("lonely", requires=("equipment",))}
    with pytest.raises(RegistryError, match="'lonely' reads equipment, which no extractor writes"):
        order(comps, TABLES)


def test_writing_a_table_without_schema_is_refused_with_the_name():
    comps = {"stray": comp("stray", assigns=("gadgets",))}
    with pytest.raises(RegistryError, match="'stray' writes gadgets, which has no schema"):
        order(comps, TABLES)


def test_a_component_must_declare_what_it_writes():
    with pytest.raises(RegistryError, match="'silent' declares no table"):
        order({"silent": comp("silent", assigns=())}, TABLES)


def test_a_cycle_is_refused():
    comps = {c.name: c for c in (comp("a", requires=("metrics",), assigns=("documents",)),
                                 comp("b", requires=("documents",), assigns=("metrics",)))}
    with pytest.raises(RegistryError, match="cycle: a -> b -> a"):
        order(comps, TABLES)


def test_reading_and_writing_the_same_table_is_no_cycle():
    comps = {c.name: c for c in (comp("first"), comp("second", requires=("checks",), assigns=("checks",)))}
    assert names(order(comps, TABLES)) == ["first", "second"]


def test_the_real_components_pass_the_start_up_checks():
    import schemas

    assert names(order(registry._COMPONENTS, schemas.all_tables())) == names(registry.components())


def _doc() -> Document:
    return document_from_text("ỦY BAN NHÂN DÂN XÃ AN HÒA\nBÁO CÁO\nKết quả chuyển đổi số năm 2025\n")


def test_only_runs_the_named_component_and_its_upstream():
    facts = registry.run_components(_doc(), only=("metric_checks",))
    assert set(facts) <= {"metrics", "equipment", "checks"} and "metrics" in facts  # fact_model reads equipment


def test_only_with_an_unknown_name_is_refused():
    with pytest.raises(RegistryError, match="no extractor named nonesuch"):
        registry.run_components(_doc(), only=("nonesuch",))


def test_a_failing_component_goes_to_on_error_and_the_others_run(monkeypatch):
    def boom(d, f):
        raise RuntimeError("broken rule")

    fine = Component("fine", lambda d, f: {"metrics": [{"metric": "staff_total", "value": 3}]}, (), ("metrics",))
    monkeypatch.setattr(registry, "components", lambda: [Component("broken", boom, (), ("checks",)), fine])
    seen: list[tuple[str, str]] = []
    facts = registry.run_components(_doc(), on_error=lambda name, exc: seen.append((name, str(exc))))
    assert seen == [("broken", "broken rule")]
    assert facts == {"metrics": [{"metric": "staff_total", "value": 3}]}
    with pytest.raises(RuntimeError, match="broken rule"):
        registry.run_components(_doc())


def test_returning_an_undeclared_table_is_an_error(monkeypatch):
    sneaky = Component("sneaky", lambda d, f: {"checks": [], "metrics": [{"x": 1}]}, (), ("checks",))
    monkeypatch.setattr(registry, "components", lambda: [sneaky])
    seen: list[str] = []
    facts = registry.run_components(_doc(), on_error=lambda name, exc: seen.append(str(exc)))
    assert seen == ["extractor 'sneaky' returned metrics, not in its assigns="] and facts == {}


def test_a_misdeclared_component_stops_the_cli_with_one_line_before_any_row_is_written(monkeypatch, tmp_path, capsys):
    """A broken install or a new extractor with a wrong declaration is a configuration error: the
    user sees one line naming the component (exit 2), not a traceback, and no output is written."""
    from pipeline import cli

    registry.components()  # every real component registered first
    bad = comp("stray", assigns=("gadgets",))
    monkeypatch.setitem(registry._COMPONENTS, "stray", bad)
    registry._ordered.cache_clear()
    try:
        report = tmp_path / "r.txt"
        report.write_text("ỦY BAN NHÂN DÂN XÃ A\nBÁO CÁO\nTiếp nhận 12 hồ sơ.\n", encoding="utf-8")
        status = cli.main(["extract", str(report), "-o", str(tmp_path / "out"), "-q"])
    finally:
        monkeypatch.undo()
        registry._ordered.cache_clear()
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert err == ["baocao: the extractors are misconfigured: extractor 'stray' writes gadgets, which has no schema in schemas/"]
    assert not (tmp_path / "out" / "documents").exists()
