"""TXT decoding over the whole file: cuts inside a character, stray bytes, control characters."""

from __future__ import annotations

import pytest

from pipeline.ingest.base import InputError
from pipeline.ingest.txt import TxtBackend
from tests.conftest import RAW

REPORT = (RAW / "003_eb674791f856846a.txt").read_bytes()


@pytest.mark.parametrize("shift", range(4))
def test_a_report_is_text_wherever_the_first_64_kib_end(shift):
    data = b"x" * shift + REPORT * 3  # > 64 KiB: byte 65536 falls inside a character for some shift
    assert len(data) > 65536
    assert TxtBackend().sniff(data)
    raw = TxtBackend().read(data)
    assert raw.warnings == [] and raw.meta["encoding"] == "utf-8"


@pytest.mark.parametrize("where", [0.1, 0.33, 0.5, 0.9])
def test_a_stray_invalid_byte_is_replaced_and_counted(where):
    data = bytearray(REPORT)
    pos = int(len(data) * where)
    data[pos] = 0xFF
    raw = TxtBackend().read(bytes(data))
    assert len(raw.warnings) == 1 and "replaced by U+FFFD" in raw.warnings[0]
    text = "\n".join(b.text for b in raw.blocks)
    assert 1 <= text.count("\ufffd") <= 3  # the byte, and what is left of a character it cut


@pytest.mark.parametrize("data", [b"\0" * 100_000, bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 1000 + "Báo cáo".encode()])
def test_text_of_control_characters_is_not_a_document(data):
    assert not TxtBackend().sniff(data)
    with pytest.raises(InputError) as err:
        TxtBackend().read(data)
    assert err.value.error_type in ("unreadable_content", "binary_file")
