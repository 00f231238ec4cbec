"""What a number counts: the noun after it, else (in a value position) the noun of its label,
else, for a bare number in a list of dossier or procedure figures, the noun of its neighbours."""

from __future__ import annotations

import regex

from extractors.metrics import rules as R
from extractors.metrics.context import Context
from extractors.metrics.mentions import Mention

_VALUE_END = regex.compile(r"^\s*(?:[,;.)|]|$|chiếm|tương\s+ứng|=|hồ\s+sơ)")
_VALUE_BEFORE = regex.compile(r"\b(?:đạt|là)\s*$")
"""`Tỷ lệ hồ sơ trực tuyến đạt 87,3%`, `Số hồ sơ tồn là 42`: the number is the label's value."""
_LISTED = ("dossier", "procedure")


def kind(m: Mention, ctx: Context) -> str | None:
    """What the mention counts: the noun after it (`HS` only in a sentence about handling
    dossiers), else (in a value position) its label."""
    if m.kind == "dossier_abbrev":
        return "dossier" if _dossier_wording(ctx.sentence) or R.channel(ctx.sentence) else None
    if m.kind:
        return m.kind
    if m.zero:
        return R.last_kind(ctx.far)
    in_value_position = (ctx.near.rstrip().endswith((":", "=")) or _VALUE_BEFORE.search(ctx.near) is not None
                         or _VALUE_END.match(ctx.right) is not None)
    if not in_value_position:
        return None
    return R.last_kind(ctx.near) or _listed_kind(ctx)


def _dossier_wording(text: str) -> str | None:
    """The kind `dossier` when `text` has wording only dossier counts carry, else None."""
    return "dossier" if R.DOSSIER_ONLY.search(text) else None


def _listed_kind(ctx: Context) -> str | None:
    """The kind of a bare number in a list of dossier or procedure figures, which carries its
    noun over from a neighbour (only those two do): the noun before it in its sentence
    (`(trực tuyến 49, ...)`); dossier when its clause has dossier-only wording (`- Đã giải
    quyết: 40`); when its clause names a channel, the noun before it in its line, the first
    after it in its sentence (`trong đó toàn trình 160, một phần, trực tiếp 152 thủ tục`),
    dossier-only wording in its line, then the same in the line that opens its list. A line
    that counts something else before it gives None."""
    label = R.last_kind(ctx.far)
    if label in _LISTED:
        return label
    if R.last_kind(ctx.scope) not in (None, *_LISTED):
        return None
    if _dossier_wording(ctx.near):
        return "dossier"
    if R.channel(ctx.near) is None:
        return None
    found = (R.last_kind(ctx.scope), R.first_kind(ctx.rest), _dossier_wording(ctx.scope), R.last_kind(ctx.head),
             _dossier_wording(ctx.head))
    label = next((k for k in found if k), None)
    return label if label in _LISTED else None
