"""One fresh extraction of the samples, shared by the output tests (the database, the
workbook, the report and the notebook all read the same folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main
from tests.conftest import RAW


@pytest.fixture(scope="session")
def extracted(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("outputs") / "processed"
    assert main(["extract", str(RAW), "-o", str(out), "-q"]) == 0
    return out
