"""A ZIP member inflated once per content (`zip_members`) reads exactly as `zipfile` reads it:
the same bytes for the same compressed member in another archive, and `zipfile`'s own errors
for a member whose directory or local header says something else."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest.zip_members import InflatedMembers

_STYLES = ("<w:styles>" + "<w:style w:styleId='Normal'/>" * 400 + "</w:styles>").encode()


def _archive(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED, prefix: bytes = b"") -> bytes:
    out = io.BytesIO()
    out.write(prefix)
    with zipfile.ZipFile(out, "a" if prefix else "w", method) as z:
        for name, blob in members.items():
            z.writestr(name, blob)
    return out.getvalue()


def _read(memo: InflatedMembers, data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return memo.read(z, data, z.getinfo(name))


def test_a_template_part_of_another_archive_is_not_inflated_again():
    memo = InflatedMembers()
    first = _archive({"word/document.xml": b"<a>one</a>", "word/styles.xml": _STYLES})
    second = _archive({"docProps/core.xml": b"<c/>", "word/document.xml": b"<a>two</a>", "word/styles.xml": _STYLES})
    kept = _read(memo, first, "word/styles.xml")
    again = _read(memo, second, "word/styles.xml")
    assert kept == _STYLES and again is kept  # the same object: found, not inflated
    assert _read(memo, second, "word/document.xml") == b"<a>two</a>"


def test_a_directory_that_lies_about_the_size_still_fails_the_way_zipfile_fails():
    memo = InflatedMembers()
    data = _archive({"word/styles.xml": _STYLES})
    _read(memo, data, "word/styles.xml")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("word/styles.xml")
        info.file_size = 100
        with pytest.raises(zipfile.BadZipFile):
            memo.read(z, data, info)


def test_a_local_header_naming_another_member_still_fails_the_way_zipfile_fails():
    memo = InflatedMembers()
    data = _archive({"word/styles.xml": _STYLES})
    _read(memo, data, "word/styles.xml")
    renamed = data.replace(b"word/styles.xml", b"word/stylez.xml", 1)  # the local header comes first
    with zipfile.ZipFile(io.BytesIO(renamed)) as z:
        with pytest.raises(zipfile.BadZipFile, match="differ"):
            memo.read(z, renamed, z.getinfo("word/styles.xml"))


def test_members_over_the_budget_are_read_but_not_kept():
    memo = InflatedMembers(size=2, budget=len(_STYLES) * 3)
    big = _archive({"a.xml": _STYLES * 4})
    assert _read(memo, big, "a.xml") is not _read(memo, big, "a.xml")
    parts = [_archive({f"p{n}.xml": _STYLES + bytes([65 + n])}) for n in range(3)]
    kept = [_read(memo, data, f"p{n}.xml") for n, data in enumerate(parts)]
    assert _read(memo, parts[2], "p2.xml") is kept[2]  # the memo started again at the third
    assert _read(memo, parts[0], "p0.xml") == kept[0] and _read(memo, parts[0], "p0.xml") is not kept[0]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.binary(max_size=300), min_size=1, max_size=4),
    st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2]),
    st.binary(max_size=20),
)
def test_every_member_reads_as_zipfile_reads_it(blobs, method, prefix):
    memo = InflatedMembers()
    for shift in range(2):  # the second archive finds the first one's members in the memo
        data = _archive({f"m{n}.xml": blob for n, blob in enumerate(blobs)} | {"shift": bytes(shift)}, method, prefix)
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in z.infolist():
                assert memo.read(z, data, info) == z.read(info)
