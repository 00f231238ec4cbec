"""Naming the metric of a mention once its counted noun is known: a dossier status or channel,
a procedure channel, a staff role, a device, a line, a document status, or a share."""

from __future__ import annotations

from datamodel import Document
from extractors.metrics import rules as R
from extractors.metrics.context import Context, section_path
from extractors.metrics.kinds import kind as counted_kind
from extractors.metrics.mentions import Mention
from extractors.vocab import counted as N
from extractors.vocab import statuses as S
from extractors.vocab.shortages import LACKING as SHORTAGE
from extractors.vocab.shortages import LOSS, LOSS_GAP, LOSS_LEAD, NOT_LOSS, REQUEST, REQUIREMENT

DEVICES: dict[str, tuple[str, str]] = {
    "video_conference": ("video_conference_sets", "video_conference_sets_lacking"),
    "computers": ("computers_total", "computers_lacking"),
    "scanners": ("scanners_total", "scanners_lacking"),
    "printers": ("printers_total", "printers_lacking"),
    "photocopiers": ("photocopiers_total", "photocopiers_lacking"),
    "servers": ("servers_total", "servers_lacking"),
}
"""Device kind → (metric when present, metric when stated as lacking: short of, or lost, stolen or
broken, as the `equipment` status `lacking`)."""

_LACKING = R.one(N.LACKING)
_LACKING_LIST = R.one(N.LACKING_LIST)
_LACKING_STATE = R.one(SHORTAGE)
_DOSSIER_RECEIVED = R.one(S.DOSSIER_RECEIVED)
_WITH_DOSSIERS = R.one(S.PROCEDURE_WITH_DOSSIERS)
_PROCEDURE_TOTAL = R.one(S.PROCEDURE_TOTAL)
_STAFF_BREAKDOWN = R.one(N.STAFF_BREAKDOWN)
_STAFF_NOUN = R.one(N.STAFF_NOUN)
_TARGET = R.one(N.TARGET)
_LINE_DEDICATED = R.one(N.LINE_DEDICATED)
_RETURNED = R.one(S.DOSSIER_RETURNED)
_LOST = R.one(rf"(?<!\w)(?:{LOSS})(?!\w)(?!{NOT_LOSS})")
_LOST_BEFORE = R.one(rf"(?<!\w)(?:{LOSS}){LOSS_GAP}(?:[\d.,]+\s+[^\d,;.:]{{1,40}}?(?:,|\s+và)\s*)*$")
"""A loss that names this count, alone or as an item of the list after it (`bị trộm mất 3 máy in, 1 máy tính`)."""
_LOST_ALL_AFTER = R.one(rf"^[^.;:]*?\bđều{LOSS_LEAD}(?:{LOSS})(?!\w)(?!{NOT_LOSS})")
"""A loss stated for a whole list after it (`4 máy in và 2 máy tính đều đã hỏng`)."""
_NOT_INVENTORY = R.one(rf"(?<!\w)(?:{REQUIREMENT}|{REQUEST})(?!\w)")
_OTHER_SHARE = R.one(N.NOT_A_SHARE_OF_DOSSIERS)
_COMPARISON = R.one(N.COMPARISON)
_COMPARED = R.one(N.COMPARED)
_UNITS_AS_SUBJECT = R.one(N.UNITS_AS_SUBJECT)


def dossier_metric(ctx: Context, zero: bool) -> str | None:
    """The dossier metric the wording names: a status, then a channel, then `received`, read
    in the clause of the number and the words after its noun (`tiếp nhận 40 hồ sơ trực
    tuyến`: the channel after the noun says more than `tiếp nhận` before it; `đã giải quyết
    98% hồ sơ đúng hạn`: the status after the noun details the one before it), then in its
    sentence. Dossiers returned with guidance have none."""
    if _RETURNED.search(ctx.right):
        return None
    clause = (ctx.near, ctx.right)
    before, after = R.status(ctx.near), R.status(ctx.right)
    if before in R.PARENT_STATUS and after and after not in R.PARENT_STATUS:
        return R.STATUS_UNDER_PARENT.get((before, after), after)
    for texts in (clause, (ctx.far,)) if not zero else (clause,):
        for text in texts:
            status = R.status(text)
            if status:
                return _under_parent(status, text, ctx)
        channels = [c for c in map(R.channel, texts) if c and c != "partial_or_direct"]
        if channels:
            return f"dossiers_received_{channels[0]}" if channels[0] != "info_only" else None
        if any(_DOSSIER_RECEIVED.search(text) for text in texts):
            return "dossiers_received"
    return None


def _under_parent(status: str, text: str, ctx: Context) -> str:
    """The status a clause means inside a breakdown (`Đang giải quyết: 9, trong đó quá hạn 0`):
    read with the parent status written before it in its line or list head, unless `text`
    names its own."""
    if ctx.in_table or R.parent_status(text):
        return status
    parent = R.parent_status(ctx.head + " | " + ctx.scope[: len(ctx.scope) - len(ctx.near)])
    return R.STATUS_UNDER_PARENT.get((parent, status), status) if parent else status


def procedure_metric(ctx: Context) -> str | None:
    """The procedure metric: a channel (`toàn trình`, `một phần`, `trực tiếp`), with
    `_with_dossiers` for procedures that received dossiers, else the total."""
    joint = R.channel(ctx.left) == "partial_or_direct"
    channel = "partial_or_direct" if joint else R.channel(ctx.near) or R.channel(ctx.right) or R.channel(ctx.left)
    with_dossiers = _WITH_DOSSIERS.search(ctx.right) is not None
    if channel == "info_only":
        return None
    if channel:
        return f"procedures_{channel}" + ("_with_dossiers" if with_dossiers else "")
    if not with_dossiers and (_PROCEDURE_TOTAL.search(ctx.far) or _PROCEDURE_TOTAL.search(ctx.right)):
        return "procedures_total"
    return None


def staff_metric(ctx: Context) -> str | None:
    """The staff metric named around a count of people; None for one line of a breakdown."""
    if _STAFF_BREAKDOWN.search(ctx.right):
        return None
    places = {"left": ctx.near, "right": ctx.right, "both": ctx.near + " | " + ctx.right, "label": ctx.far}
    return next((name for name, where, pattern in R.STAFF if pattern.search(places[where])), None)


def _staff_percent(ctx: Context) -> str | None:
    """A percent of staff (`100% cán bộ ... được tập huấn`), unless it is a target."""
    if _TARGET.search(ctx.far) or not _STAFF_NOUN.search(ctx.sentence):
        return None
    return R.first_rule(R.STAFF_PCT, ctx.sentence)


def _device_metric(doc: Document, m: Mention, kind: str, ctx: Context) -> str | None:
    """`computers_total`, `scanners_lacking`, ...; a bare `N máy` takes its device from the
    label or the section title (`Về máy tính`, `Máy tính: được trang bị 09 máy`). Devices
    lost, stolen or broken are never a total: lacking when the loss names them, nothing when it
    names other devices of the sentence; a standard (`mỗi xã phải có 02 máy tính`) or a request
    are no total."""
    device = kind.split(":")[1]
    if device == "generic":
        titles = [s.title.lower() for s in section_path(doc, m.start)][::-1]
        named = next((k for k in map(R.last_kind, (ctx.far, *titles)) if k and k.startswith("device:")), None)
        device = named.split(":")[1] if named else ""
    if device not in DEVICES or _NOT_INVENTORY.search(ctx.far):
        return None
    total, lacking = DEVICES[device]
    if _LOST_BEFORE.search(ctx.far) or _LOST.search(ctx.right) or _LOST_ALL_AFTER.search(ctx.rest):
        return lacking
    if _LOST.search(ctx.far):
        return None
    stated_lacking = _LACKING.search(ctx.near) or _LACKING_LIST.search(ctx.far)
    return lacking if stated_lacking or (ctx.in_table and _LACKING_STATE.search(ctx.right)) else total


def pct_name(metric: str) -> str:
    """The share metric of a count metric (`dossiers_received_online_full` → `dossiers_online_full_pct`)."""
    return metric.replace("dossiers_received_", "dossiers_") + "_pct"


def _percent_metric(ctx: Context, family: str) -> str | None:
    """The share a percent states, by what it is a percent of."""
    if family == "staff":
        return _staff_percent(ctx)
    if _OTHER_SHARE.search(ctx.near) or _TARGET.search(ctx.far):
        return None
    if family == "dossier":
        metric = dossier_metric(ctx, zero=False)
        return pct_name(metric) if metric and metric != "dossiers_received" else None
    if family == "procedure":
        metric = procedure_metric(ctx)
        return metric + "_pct" if metric else None
    return None


def not_a_figure(ctx: Context) -> bool:
    """A number that compares (`tăng 215 hồ sơ`, `12,5% so với năm 2023`) or that belongs to a
    number of units named before it (`6/8 xã đạt 100%`)."""
    return bool(_COMPARISON.search(ctx.near) or _COMPARED.match(ctx.right) or _UNITS_AS_SUBJECT.search(ctx.left))


def metric(doc: Document, m: Mention, ctx: Context) -> tuple[str, str] | None:
    """(metric, family) for a mention, or None when nothing fits."""
    if not_a_figure(ctx):
        return None
    kind = counted_kind(m, ctx)
    family = kind.split(":")[0] if kind else None
    if kind is None or family is None or family == "place" or (m.zero and family not in ("dossier", "procedure")):
        return None
    if m.percent:
        name = _percent_metric(ctx, family)
    elif family == "dossier":
        name = dossier_metric(ctx, m.zero)
    elif family == "procedure":
        name = procedure_metric(ctx)
    elif family == "staff":
        name = staff_metric(ctx)
    elif family == "team":
        name = "community_digital_teams"
    elif family == "device":
        name = _device_metric(doc, m, kind, ctx)
    elif family == "line":
        name = "dedicated_lines" if _LINE_DEDICATED.search(ctx.right) else "internet_lines"
    else:
        name = R.first_rule(R.DOCUMENTS, ctx.near + " | " + ctx.right) or R.first_rule(R.DOCUMENTS, ctx.far)
    return (name, family) if name else None
