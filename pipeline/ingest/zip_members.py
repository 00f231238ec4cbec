"""ZIP members inflated once per content.

The DOCX files of a run are mostly made from a few templates: every one carries the same
`styles.xml` and `stylesWithEffects.xml` (790 KB inflated in Word's default template), theme,
settings and font table. Inflating and checksumming those again for every file was a third of
reading a short report. A member whose compressed bytes, method, CRC and declared size equal
those of a member already read successfully inflates to the same bytes and passes the same
CRC check, so its earlier result is returned, once the local header reads as `zipfile.open`
would accept it. Anything else (a new member, an odd header, encryption, another method) is
read by `zipfile` itself, with its checks and its errors.
"""

from __future__ import annotations

import struct
import zipfile

_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
"""A local file header as `zipfile` unpacks it (its `structFileHeader`): the fields read here
are the signature (0), the flags (3) and the lengths of the name (10) and extra field (11)."""
_SIGNATURE = b"PK\x03\x04"
_REFUSED_FLAGS = 0x01 | 0x20 | 0x40
"""Encrypted, compressed patched data, strong encryption: `zipfile.open` refuses or decrypts."""
_UTF8_NAME = 0x800
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_Key = tuple[int, int, int, int]


class InflatedMembers:
    """Members already read, found by (method, CRC, inflated size, compressed size) and then
    by their compressed bytes. At most `size` members and `budget` inflated bytes are kept (the
    memo starts again when full), so a worker's memory stays bounded."""

    def __init__(self, size: int = 512, budget: int = 32 << 20) -> None:
        self._seen: dict[_Key, list[tuple[bytes, bytes]]] = {}
        self._size, self._budget = size, budget
        self._count = self._bytes = 0

    def read(self, z: zipfile.ZipFile, data: bytes, info: zipfile.ZipInfo) -> bytes:
        """`z.read(info)` for the archive whose bytes are `data`."""
        packed = _compressed(z, data, info)
        if packed is None:
            return z.read(info)
        key = (info.compress_type, info.CRC, info.file_size, info.compress_size)
        for known, inflated in self._seen.get(key, ()):
            if known == packed:
                return inflated
        inflated = z.read(info)
        self._remember(key, packed, inflated)
        return inflated

    def _remember(self, key: _Key, packed: bytes, inflated: bytes) -> None:
        cost = len(packed) + len(inflated)
        if cost > self._budget:
            return
        if self._count >= self._size or self._bytes + cost > self._budget:
            self._seen.clear()
            self._count = self._bytes = 0
        self._seen.setdefault(key, []).append((packed, inflated))
        self._count += 1
        self._bytes += cost


def _compressed(z: zipfile.ZipFile, data: bytes, info: zipfile.ZipInfo) -> bytes | None:
    """The member's compressed bytes when `zipfile.open` would read them without complaint up
    to the inflation (signature, name, flags and method as it checks them), else None."""
    if info.flag_bits & _REFUSED_FLAGS or info.compress_type not in _METHODS:
        return None
    start = info.header_offset
    header = data[start:start + _LOCAL_HEADER.size]
    if len(header) != _LOCAL_HEADER.size:
        return None
    fields = _LOCAL_HEADER.unpack(header)
    if fields[0] != _SIGNATURE:
        return None
    start += _LOCAL_HEADER.size
    name_length, extra_length = fields[10], fields[11]
    encoding = "utf-8" if fields[3] & _UTF8_NAME else getattr(z, "metadata_encoding", None) or "cp437"
    try:
        name = data[start:start + name_length].decode(encoding)
    except UnicodeDecodeError:
        return None
    if name != info.orig_filename:
        return None
    start += name_length + extra_length
    packed = data[start:start + info.compress_size]
    return packed if len(packed) == info.compress_size else None
