"""The one interface every input format implements, and the errors a backend may raise.

A backend turns a file's bytes into a `RawDocument`; it never segments or extracts. Bad
input is reported by raising `InputError` with a plain-language message that a provincial
analyst can act on (the run turns it into an `errors` row and goes on)."""

from __future__ import annotations

from typing import Protocol

from datamodel import RawDocument
from pipeline.options import Options


class InputError(Exception):
    """The input file cannot be read; `error_type` names the problem for the `errors` table
    (`empty_file`, `not_a_docx`, `encrypted_pdf`, `no_text_layer`, `binary_file`, ...)."""

    def __init__(self, error_type: str, message: str) -> None:
        super().__init__(message)
        self.error_type = error_type
        self.message = message


class Backend(Protocol):
    """Reads one input format. `name` is the `source_format` written to `documents`;
    `suffixes` are the file extensions it claims; `sniff` recognises its content."""

    name: str
    suffixes: tuple[str, ...]

    def sniff(self, data: bytes) -> bool:
        """True when `data` looks like this format, whatever the file is called."""
        ...

    def read(self, data: bytes, options: Options) -> RawDocument:
        """Parse `data` within the limits of `options`; raise `InputError` for a file that
        cannot be read (`too_large` over a limit)."""
        ...
