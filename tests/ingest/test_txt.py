import unicodedata

import pytest

from pipeline.ingest.base import InputError
from pipeline.ingest.txt import TxtBackend
from tests.conftest import RAW

TONES = "\u0300\u0301\u0303\u0309\u0323"
TEXT = (RAW / "001_35ae03e1e9c7ec90.txt").read_text("utf-8")


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows tools write it: base letters plus combining tones."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:  # ặ = ă + combining dot below: the vowel precomposed, the tone combining
            marks = unicodedata.normalize("NFD", ch)
            tone = "".join(m for m in marks if m in TONES)
            vowel = unicodedata.normalize("NFC", "".join(m for m in marks if m not in TONES))
            out += (vowel + tone).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("encode,encoding", [
    (lambda t: t.encode("utf-8"), "utf-8"),
    (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
    (lambda t: t.encode("utf-16"), "utf-16"),
    (_cp1258, "cp1258"),
])
def test_encodings_are_detected_and_named(encode, encoding):
    raw = TxtBackend().read(encode(TEXT))
    assert raw.meta["encoding"] == encoding
    text = unicodedata.normalize("NFC", "\n".join(b.text for b in raw.blocks))
    assert "Phượng Tiến" in text and "Kính gửi: Sở Khoa học và Công nghệ tỉnh Thái Nguyên" in text
    assert bool(raw.warnings) == (encoding not in ("utf-8", "utf-8-sig"))


def test_binary_data_is_refused():
    with pytest.raises(InputError) as err:
        TxtBackend().read(bytes(range(256)) * 10)
    assert err.value.error_type == "binary_file"
