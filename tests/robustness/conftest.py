"""The hostile corpus, written once per test session (bombs streamed, a few MiB on disk)."""

from __future__ import annotations

import pytest

from tests.robustness.make_corpus import Entry, make_corpus

BOMB = 300 << 20
"""Expanded size of the DOCX and PDF bombs: over the default 256 MiB limit, quick to write."""


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> tuple:
    root = tmp_path_factory.mktemp("hostile") / "corpus"
    entries: list[Entry] = make_corpus(root, bomb=BOMB)
    return root, entries
