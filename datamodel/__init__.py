"""The data model every stage shares: raw blocks from a backend, the segmented `Document`.

It depends on nothing else in baocao, so ingest, segmentation, the extractors and the runner
all depend on it and never on each other for their types (as docling keeps `datamodel/` apart
from `pipeline/`)."""

from datamodel.document import CELL_SEPARATOR, Block, BlockKind, Document, RawBlock, RawDocument, Region, Section, Span
from datamodel.header import Field, Header

__all__ = ["CELL_SEPARATOR", "Block", "BlockKind", "Document", "Field", "Header", "RawBlock", "RawDocument", "Region", "Section",
           "Span"]
