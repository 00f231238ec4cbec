"""The notebook runs against a real extraction and shows the figures the tables hold."""

import json

import pytest

from pipeline.cli import main
from tests.conftest import RAW, ROOT


@pytest.fixture(scope="module")
def namespace(tmp_path_factory):
    """The variables the notebook's code cells leave behind, run on a fresh extraction."""
    out = tmp_path_factory.mktemp("processed")
    assert main(["extract", str(RAW), "-o", str(out), "-q"]) == 0
    cells = json.loads((ROOT / "notebooks" / "compare_communes.ipynb").read_text("utf-8"))["cells"]
    ns: dict = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BAOCAO_OUT", str(out))
        for cell in cells:
            if cell["cell_type"] == "code":
                exec("".join(cell["source"]), ns)
    return ns


def test_notebook_compares_the_three_communes(namespace):
    summary = namespace["summary"]
    assert sorted(set(summary.commune)) == ["Gia Phúc", "Phước Giang", "Phượng Tiến"]
    phuong_tien = summary[(summary.commune == "Phượng Tiến") & (summary.source_format == "txt")].iloc[0]
    assert phuong_tien.dossiers_received == 2692
    assert phuong_tien.computers_ram_below_8gb == 2


def test_notebook_lists_issued_documents_with_dates(namespace):
    issued = namespace["issued"]
    row = issued[(issued.commune == "Phượng Tiến") & (issued.canonical == "296/QĐ-UBND")].iloc[0]
    assert str(row.issue_date) == "2025-08-09"
    assert "02-KH/BCĐTW" not in set(issued.canonical)
