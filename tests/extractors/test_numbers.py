"""Vietnamese number tokens, read the same on every call (the parse is remembered per token)."""

from __future__ import annotations

import pytest
from babel.numbers import parse_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.numbers import parse_vn_number


@pytest.mark.parametrize(("token", "value"), [("5.091", 5091.0), ("66,64", 66.64), ("03", 3.0), (" 1.794 ", 1794.0),
                                              ("12.345.678,5", 12345678.5), ("3.0", None), ("1,2,3", None), ("", None)])
def test_tokens_and_their_values(token, value):
    assert parse_vn_number(token) == value
    assert parse_vn_number(token) == value  # again, from memory


@settings(max_examples=300, deadline=None)
@given(st.text("0123456789", min_size=1, max_size=25))
def test_digits_alone_read_as_babel_reads_them(token: str) -> None:
    assert parse_vn_number(token) == float(parse_decimal(token, locale="vi", strict=True))
