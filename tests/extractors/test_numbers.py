"""Vietnamese number tokens, read the same on every call (the parse is remembered per token)."""

from __future__ import annotations

import pytest

from extractors.numbers import parse_vn_number


@pytest.mark.parametrize(("token", "value"), [("5.091", 5091.0), ("66,64", 66.64), ("03", 3.0), (" 1.794 ", 1794.0),
                                              ("12.345.678,5", 12345678.5), ("3.0", None), ("1,2,3", None), ("", None)])
def test_tokens_and_their_values(token, value):
    assert parse_vn_number(token) == value
    assert parse_vn_number(token) == value  # again, from memory
