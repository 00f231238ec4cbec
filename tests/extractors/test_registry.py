import pytest

from extractors import registry


def test_components_run_after_those_they_read():
    order = [c.name for c in registry.components()]
    for comp in registry.components():
        assert all(order.index(dep) < order.index(comp.name) for dep in comp.after)
    assert {"references", "dates", "metadata", "metrics", "metric_checks", "equipment", "summary"} <= set(order)


def test_unknown_dependency_is_named(monkeypatch):
    monkeypatch.setitem(registry._COMPONENTS, "broken", registry.Component("broken", lambda d, f: {}, ("missing",)))
    with pytest.raises(ValueError, match="'broken' runs after 'missing'"):
        registry.components()
