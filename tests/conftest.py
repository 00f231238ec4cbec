"""Shared fixtures: the sample reports in every format, read once per test session."""

from __future__ import annotations

import socket
from functools import cache
from pathlib import Path

import pytest

from datamodel import Document
from pipeline.build import read_document

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SEEDS = ("000_3f443abda9bde363", "001_35ae03e1e9c7ec90", "003_eb674791f856846a")
FORMATS = ("txt", "docx", "pdf")


@cache
def sample(seed: str, fmt: str) -> Document:
    """A sample report, read and segmented (cached: documents are not mutated by readers)."""
    path = RAW / f"{seed}.{fmt}"
    doc, _ = read_document(path.read_bytes(), str(path))
    return doc


@pytest.fixture(params=[(s, f) for s in SEEDS for f in FORMATS], ids=lambda p: f"{p[0][:3]}-{p[1]}")
def any_sample(request) -> Document:
    return sample(*request.param)


@pytest.fixture(scope="module")
def network_refused():
    """Sockets refused while a module's tests run: a shipped model must load offline."""
    real = socket.socket

    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    socket.socket = refuse  # type: ignore[misc]
    try:
        yield
    finally:
        socket.socket = real  # type: ignore[misc]
