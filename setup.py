"""The compiled loops of the PDF backend (`pipeline/ingest/pdf/_pdfium_loops.c`, see
`pipeline/ingest/pdf/pdfium_loops.py`). The rest of the build is declared in pyproject.toml.

The extension is optional: where no C compiler is at hand the install still succeeds and the
backend runs the loops' pure-Python twins, with the same values."""

from setuptools import Extension, setup

setup(ext_modules=[Extension(
    "pipeline.ingest.pdf._pdfium_loops",
    ["pipeline/ingest/pdf/_pdfium_loops.c", "pipeline/ingest/pdf/_pdfium_glyphs.c",
     "pipeline/ingest/pdf/_pdfium_cells.c", "pipeline/ingest/pdf/_pdfium_finder.c",
     "pipeline/ingest/pdf/_pdfium_edges.c"],
    depends=["pipeline/ingest/pdf/_pdfium_loops.h"],
    # no fused multiply-add: the loops' arithmetic must give the Python twins' values to the last bit
    extra_compile_args=["-O2", "-ffp-contract=off"],
    optional=True,
)])
