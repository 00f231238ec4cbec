"""The notebook runs as a notebook: executed top to bottom by a Jupyter kernel (nbclient)
against a fresh extraction, with real plots and the evidence of its surprising number."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def executed(extracted, tmp_path_factory):
    nb = nbformat.read(ROOT / "notebooks" / "compare_communes.ipynb", as_version=4)
    workdir = tmp_path_factory.mktemp("notebook")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BAOCAO_OUT", str(extracted))
        mp.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}).execute()
    nbformat.write(nb, workdir / "compare_communes.executed.ipynb")
    return nb


def _outputs(nb, kind: str) -> list:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if kind in o.get("data", {})]


def test_every_cell_ran_without_error(executed):
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]


def test_the_plots_are_real_images(executed):
    assert len(_outputs(executed, "image/png")) >= 2


def test_the_surprising_number_is_shown_with_its_sentence(executed):
    printed = "".join(o.text for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "stream")
    assert "Phượng Tiến: 2,692 dossiers received, 8 times the next commune" in printed
    assert "2692" in printed.replace(".", "") and "characters" in printed


def test_the_tables_compare_the_three_communes(executed):
    html = " ".join(o["data"]["text/html"] for o in _outputs(executed, "text/html"))
    for commune in ("Gia Phúc", "Phước Giang", "Phượng Tiến"):
        assert commune in html
    assert "296/QĐ-UBND" not in html  # the issued documents are counted, not listed


def test_the_requests_are_counted_per_category_with_their_sentences(executed):
    cell = next(c for c in executed.cells if c.cell_type == "code" and "requests_" in c.source)
    html = " ".join(o["data"]["text/html"] for o in cell.outputs if "text/html" in o.get("data", {}))
    assert "finance" in html and "human_resources_training" in html
    assert "Đề nghị UBND tỉnh" in html and "UBND tỉnh" in html  # each request with its sentence and addressee
