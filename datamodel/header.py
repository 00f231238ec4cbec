"""The typed fields of a report's header and signer block, as segmentation reads them.

One grammar (`pipeline.segment`) reads the header once; metadata, dates and references read
these fields instead of re-parsing the text. Every field keeps the span it was read from, so
a value written to a table can still be traced to its line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the document module holds Header; importing Span at run time would be circular
    from datamodel.document import Span


@dataclass(frozen=True)
class Field:
    """A header value as written and where it stands."""

    text: str
    span: Span


@dataclass
class Header:
    """What the header and footer of a report say; every part is optional.

    `issuer` are the issuer lines (ornaments and motto fragments left out) and `issuing_body`
    the same without the superior body's line above them (`ĐẢNG BỘ TỈNH ...`). `number` is None
    when the template blank was left empty (`Số:    /BC-UBND`). `day`/`month`/`year` come from the
    place/date line (or from the report's own `(Số ..., ngày ...)` line) and are None when blank."""

    issuer: tuple[Field, ...] = ()
    issuing_body: tuple[Field, ...] = ()
    motto_kind: str | None = None
    number: str | None = None
    symbol: str | None = None
    number_span: Span | None = None
    place: Field | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    date_span: Span | None = None
    title: Field | None = None
    subject: Field | None = None
    period_line: Field | None = None
    recipients: tuple[str, ...] = ()
    signer_authority: tuple[Field, ...] = ()
    signer_titles: tuple[Field, ...] = ()
    signer_name: Field | None = None

    @property
    def present(self) -> bool:
        """Whether the text has an official header at all (issuer, motto, number or title)."""
        return bool(self.issuer or self.motto_kind or self.symbol or self.title)
