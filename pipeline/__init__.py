"""baocao's pipeline: ingest backends, normalisation, segmentation, orchestration, writer, CLI."""

__version__ = "0.1.0"
"""The package version, defined here once (pyproject.toml reads it): asking `importlib.metadata`
for it at import cost about 0.025 CPU-s, a sixth of the start-up budget of a run."""
