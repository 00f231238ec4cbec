"""baocao's pipeline: ingest backends, normalisation, segmentation, orchestration, writer, CLI."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("baocao")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"
