"""The `metrics` component: every number a report states about procedures, dossiers, staff,
infrastructure totals and documents, one row per mention.

The extractor is number-first: it finds every number token (and every stated zero such as
`không có hồ sơ quá hạn`), drops the ones that are names or codes (`Phụ lục 01`, `mã
1.012818.H24`, dates, `ISO 9001:2015`), reads what is counted from the noun after the number
or from the label before it, and names the metric from the wording around it, using the
phrase tables of `extractors.metric_phrases`. Both styles of the reports are read the same
way: `Label: N` and `label N hồ sơ`, and a table cell is read as `<row label> <column header>: N`.
Procedures (thủ tục, TTHC) and dossiers (hồ sơ) are told apart by that noun, never by the
section alone; a bare number in a list (`trong đó toàn trình 160, ...`) takes the noun of its
line. A device count that breaks down a total stated just before it (`03 máy, gồm 02 máy ...`)
is left to the `equipment` table. Nothing is repaired: the checks that compare the numbers
live in `extractors.metric_checks`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from datamodel import Document, Section, Span
from extractors import metric_phrases as P
from extractors.numbers import NUMBER, parse_vn_number
from extractors.registry import Facts, register

_NUM = regex.compile(rf"(?<![\w.,/:\-])(?P<num>{NUMBER})(?P<pct>\s?%)?(?![\w/\-]|[.,:]\d)")
_ZERO = regex.compile(P.ZERO)
_UNIT_KINDS = [(kind, regex.compile(rf"\s*(?:{pat})\b")) for kind, pat in P.UNIT_KINDS]
_LABEL_KINDS = [(kind, regex.compile(pat)) for kind, pat in P.LABEL_KINDS]
_CHANNELS = [(name, regex.compile(pat)) for name, pat in P.CHANNELS]
_STATUS = [(name, regex.compile(pat)) for name, pat in P.DOSSIER_STATUS]
_PARENTS = [(name, pattern) for name, pattern in _STATUS if name in P.PARENT_STATUS]
_STAFF = [(name, where, regex.compile(pat)) for name, where, pat in P.STAFF_RULES]
_STAFF_PCT = [(name, regex.compile(pat)) for name, pat in P.STAFF_PERCENT]
_DOCUMENTS = [(name, regex.compile(pat)) for name, pat in P.DOCUMENT_RULES]
_QUALIFIERS = [(name, where, regex.compile(pat)) for name, where, pat in P.QUALIFIERS]
_RE = {name: regex.compile(getattr(P, name)) for name in (
    "LACKING", "LACKING_LIST", "DOSSIER_RECEIVED", "PROCEDURE_WITH_DOSSIERS", "PROCEDURE_TOTAL", "STAFF_BREAKDOWN",
    "STAFF_NOUN", "TARGET", "LINE_DEDICATED", "SHARE_LINK", "NOT_A_COUNT_BEFORE", "PERIOD_INLINE",
    "PERIOD_HEADER", "DOSSIER_STATUS_LABEL", "DEVICE_BREAKDOWN",
)}
_PARENS = regex.compile(r"\([^()\n]*\)")
_CELL_SEP = regex.compile(r"\|")
_NUMBER_CELL = regex.compile(rf"\s*(?:{NUMBER})\s*%?\s*")
_CLAUSE_CUT = regex.compile(r"[,;(]")
_RIGHT_END = regex.compile(r"[,;()]|\.(?!\d)|\d")
_LIST_NUMBER = regex.compile(r"^[\s*+\-•]*$")
_LIST_ITEM = regex.compile(r"\s*[*+\-•]")
_VALUE_END = regex.compile(r"^\s*(?:[,;.)|]|$|chiếm|tương\s+ứng|=|hồ\s+sơ)")
_SKIP_ZONES = ("number", "place_date", "title", "subject", "period", "recipients", "distribution",
               "signer_authority", "signer_title", "signer_name", "timestamps")
_LISTED = ("dossier", "procedure")
_Totals = dict[str, tuple[dict[str, Any], float]]
"""Device metric → (the row of its last stated total, what its parts have not yet taken)."""
_DOMAINS = {"dossier": "tthc", "procedure": "tthc", "staff": "staff", "team": "staff",
            "device": "infrastructure", "line": "infrastructure", "document": "legal"}


@dataclass
class _Mention:
    """A number (or a stated zero) and what the noun after it says it counts."""

    start: int
    end: int
    value: float
    percent: bool
    kind: str | None
    after: int
    zero: bool = False


@dataclass
class _Context:
    """The wording around a mention, on the matching form.

    `near`: the clause right before the number (after the last comma or bracket, closed
    brackets blanked); `left`: everything since the previous number in the sentence;
    `far`: the sentence up to the number; `scope`: its line up to the number (a `;` inside a
    list cuts sentences, not lists); `head`: the line that opens its list, if any; `right`: the
    words after the counted noun; `rest`: the sentence after the number."""

    near: str
    left: str
    far: str
    right: str
    raw_left: str
    sentence: str
    scope: str
    head: str
    rest: str


# --- finding numbers ---------------------------------------------------------------------
def _unit_kind(match: str, pos: int) -> tuple[str | None, int]:
    """The kind named by the noun at `pos` and the offset after it."""
    for kind, pattern in _UNIT_KINDS:
        m = pattern.match(match, pos)
        if m:
            return kind, m.end()
    return None, pos


def _is_code_or_name(doc: Document, start: int) -> bool:
    """A number that is a list number at the start of a line or follows a naming word."""
    line_start = doc.text.rfind("\n", 0, start) + 1
    before = doc.match[max(line_start, start - 40) : start]
    if _LIST_NUMBER.match(doc.match[line_start:start]) and _RE["NOT_A_COUNT_BEFORE"].search(before) is None:
        return doc.match[start:start + 12].lstrip("0123456789")[:1] in (".", ")")
    return _RE["NOT_A_COUNT_BEFORE"].search(before) is not None


def _numbers(doc: Document) -> list[_Mention]:
    """Number tokens that may be quantities, with the noun after each."""
    found = []
    for m in _NUM.finditer(doc.match):
        value = parse_vn_number(doc.text[m.start("num") : m.end("num")])
        if value is None or _is_code_or_name(doc, m.start()):
            continue
        kind, after = _unit_kind(doc.match, m.end())
        found.append(_Mention(m.start(), m.end(), value, bool(m.group("pct")), kind, after))
    return found


def _zeros(doc: Document) -> list[_Mention]:
    """Stated zeros (`không có hồ sơ quá hạn`, `không có trực tiếp`)."""
    found = []
    for m in _ZERO.finditer(doc.match):
        kind, after = _unit_kind(doc.match, m.end())
        found.append(_Mention(m.start(), m.end() - 1, 0.0, False, kind, max(after, m.end()), zero=True))
    return found


def _mentions(doc: Document) -> list[_Mention]:
    """All candidate mentions outside the header and footer zones, in reading order."""
    every = sorted(_numbers(doc) + _zeros(doc), key=lambda x: x.start)
    return [m for m in every if doc.zone_at(m.start) not in _SKIP_ZONES]


# --- reading the context ------------------------------------------------------------------
def _blank_parens(text: str) -> str:
    """`text` with closed brackets and their content blanked (same length)."""
    return _PARENS.sub(lambda m: " " * len(m.group(0)), text)


def _context(doc: Document, m: _Mention, prev_after: int) -> _Context:
    """The wording around `m`; `prev_after` ends the previous mention in the same sentence."""
    cell = _cell_context(doc, m)
    if cell is not None:
        return cell
    sent = doc.sentence_span(m.start, m.end)
    label_start = _label_start(doc, sent.start, m.start)
    begin = max(label_start, prev_after)
    raw_left = doc.match[begin : m.start]
    left = _blank_parens(raw_left)
    cuts = list(_CLAUSE_CUT.finditer(left))
    near = left[cuts[-1].end() :] if cuts else left
    stop = _RIGHT_END.search(doc.match, m.after, max(sent.end, m.after))
    right = doc.match[m.after : stop.start() if stop else max(sent.end, m.after)]
    far = _blank_parens(doc.match[label_start : m.start])
    line_start = min(doc.line_span(m.start).start, label_start)
    scope = _blank_parens(doc.match[line_start : m.start])
    head = _list_head(doc, line_start)
    rest = doc.match[m.end : max(sent.end, m.end)]
    return _Context(near, left, far, right, raw_left, doc.match[label_start : sent.end], scope, head, rest)


def _list_head(doc: Document, line_start: int) -> str:
    """The line ending with `:` that opens the run of list items holding the line at
    `line_start` (`- Số TTHC đang cung cấp: 312, trong đó:` above `+ Toàn trình: 160`), or ""."""
    start = line_start
    while _LIST_ITEM.match(doc.match, start) and start > 0:
        above = doc.line_span(start - 1)
        text = doc.match[above.start : above.end]
        if text.rstrip().endswith(":"):
            return _blank_parens(text)
        start = above.start
    return ""


def _cells(doc: Document, offset: int) -> list[Span]:
    """The cells of the table row holding `offset`; every format writes a row as `a | b | c`."""
    line = doc.line_span(offset)
    seps = list(_CELL_SEP.finditer(doc.match, line.start, line.end))
    starts = [line.start, *(sep.end() for sep in seps)]
    ends = [*(sep.start() for sep in seps), line.end]
    return [Span(s, e) for s, e in zip(starts, ends)] if seps else []


def _header_row(doc: Document, row: Span, width: int) -> list[Span]:
    """The cells of the first row of the table whose row `row` is (rows of the same width
    right above it), or [] when `row` is that first row."""
    header: list[Span] = []
    while row.start > 0:
        above = _cells(doc, row.start - 1)
        if len(above) != width:
            break
        header, row = above, doc.line_span(row.start - 1)
    return header


def _cell_context(doc: Document, m: _Mention) -> _Context | None:
    """The context of a number that fills a table cell under a header row (`Tổng số TTHC |
    Toàn trình | ...` above `298 | 142 | ...`), read as `<row label> <column header>: N`; the
    header row up to that column is its scope."""
    cells = _cells(doc, m.start)
    index = next((i for i, c in enumerate(cells) if c.start <= m.start < c.end), None)
    if index is None or not _NUMBER_CELL.fullmatch(doc.match, cells[index].start, cells[index].end):
        return None
    header = _header_row(doc, doc.line_span(m.start), len(cells))
    column = doc.match[header[index].start : header[index].end].strip() if header else ""
    if not column or any(ch.isdigit() for ch in column):
        return None
    row_label = [doc.match[c.start : c.end].strip() for c in cells[:index]
                 if not _NUMBER_CELL.fullmatch(doc.match, c.start, c.end)]
    near = " ".join([*row_label, column]) + ": "
    scope = doc.match[header[0].start : header[index].end] + " | " + near
    return _Context(near, near, near, "", near, near + doc.match[m.start : m.end], scope, "", "")


def _label_start(doc: Document, sent_start: int, start: int) -> int:
    """Where the label of the number at `start` begins: its sentence, or the line before when
    the value sits alone on a line under a `Label:` line (PDF line breaks after the colon)."""
    if _LIST_NUMBER.match(doc.match[sent_start:start]) and sent_start > 0:
        prev_line = doc.line_span(sent_start - 1)
        if doc.match[prev_line.start : prev_line.end].rstrip().endswith(":"):
            return prev_line.start
    return sent_start


def _latest(rules: list[tuple[str, regex.Pattern]], text: str, first: bool = False) -> str | None:
    """The name of the rule whose last match ends latest in `text` (the wording nearest a
    number after `text`), or with `first` whose first match starts earliest (nearest a number
    before it); ties go to the earlier, longer entry."""
    best, best_key = None, None
    for name, pattern in rules:
        hits = list(pattern.finditer(text))
        key = (-hits[0].start() if first else hits[-1].end()) if hits else None
        if key is not None and (best_key is None or key > best_key):
            best, best_key = name, key
    return best


def _last_kind(text: str) -> str | None:
    """The counted noun written last in a label."""
    return _latest(_LABEL_KINDS, text)


def _first_kind(text: str) -> str | None:
    """The counted noun written first in `text` (the rest of a sentence after a number)."""
    return _latest(_LABEL_KINDS, text, first=True)


def _channel(text: str) -> str | None:
    """The service channel written last in `text`."""
    return _latest(_CHANNELS, text)


def _first(rules: list[tuple[str, regex.Pattern]], text: str) -> str | None:
    """The name of the first rule whose pattern occurs in `text`."""
    return next((name for name, pattern in rules if pattern.search(text)), None)


# --- naming the metric --------------------------------------------------------------------
def _dossier_metric(ctx: _Context, zero: bool) -> str | None:
    """The dossier metric the wording names: status, then channel, then `received`."""
    texts = (ctx.near, ctx.right) if zero else (ctx.near, ctx.right, ctx.far)
    for text in texts:
        status = _first(_STATUS, text)
        if status:
            return _under_parent(status, text, ctx)
        channel = _channel(text)
        if channel and channel != "partial_or_direct":
            return f"dossiers_received_{channel}"
        if _RE["DOSSIER_RECEIVED"].search(text):
            return "dossiers_received"
    return None


def _under_parent(status: str, text: str, ctx: _Context) -> str:
    """The status a clause means inside a breakdown (`Đang giải quyết: 9, trong đó quá hạn 0`):
    read with the parent status written before it in its line or list head, unless `text`
    names its own."""
    if _latest(_PARENTS, text):
        return status
    parent = _latest(_PARENTS, ctx.head + " | " + ctx.scope[: len(ctx.scope) - len(ctx.near)])
    return P.STATUS_UNDER_PARENT.get((parent, status), status) if parent else status


def _procedure_metric(ctx: _Context) -> str | None:
    """The procedure metric: a channel (`toàn trình`, `một phần`, `trực tiếp`), with
    `_with_dossiers` for procedures that received dossiers, else the total."""
    joint = _channel(ctx.left) == "partial_or_direct"
    channel = "partial_or_direct" if joint else _channel(ctx.near) or _channel(ctx.right) or _channel(ctx.left)
    with_dossiers = _RE["PROCEDURE_WITH_DOSSIERS"].search(ctx.right) is not None
    if channel:
        return f"procedures_{channel}" + ("_with_dossiers" if with_dossiers else "")
    if not with_dossiers and _RE["PROCEDURE_TOTAL"].search(ctx.far):
        return "procedures_total"
    return None


def _staff_metric(ctx: _Context) -> str | None:
    """The staff metric named around a count of people; None for one line of a breakdown."""
    if _RE["STAFF_BREAKDOWN"].search(ctx.right):
        return None
    places = {"left": ctx.near, "right": ctx.right, "both": ctx.near + " | " + ctx.right}
    return next((name for name, where, pattern in _STAFF if pattern.search(places[where])), None)


def _staff_percent(ctx: _Context) -> str | None:
    """A percent of staff (`100% cán bộ ... được tập huấn`), unless it is a target."""
    if _RE["TARGET"].search(ctx.far) or not _RE["STAFF_NOUN"].search(ctx.sentence):
        return None
    return _first(_STAFF_PCT, ctx.sentence)


def _device_metric(doc: Document, m: _Mention, kind: str, ctx: _Context) -> str | None:
    """`computers_total`, `scanners_lacking`, ...; a bare `N máy` takes its device from the
    label or the section title (`Về máy tính`, `Máy tính: được trang bị 09 máy`)."""
    device: str | None = kind.split(":")[1]
    if device == "generic":
        device = _generic_device(doc, m, ctx)
    if device not in P.DEVICES:
        return None
    total, lacking = P.DEVICES[device]
    return lacking if _RE["LACKING"].search(ctx.near) or _RE["LACKING_LIST"].search(ctx.far) else total


def _generic_device(doc: Document, m: _Mention, ctx: _Context) -> str | None:
    """The device a bare `máy` refers to, from the sentence or the enclosing section titles."""
    titles = [s.title.lower() for s in _section_path(doc, m.start)][::-1]
    for text in (ctx.far, *titles):
        kind = _last_kind(text)
        if kind and kind.startswith("device:"):
            return kind.split(":")[1]
    return None


def _line_metric(ctx: _Context) -> str:
    """`dedicated_lines` for the dedicated data network, `internet_lines` otherwise."""
    return "dedicated_lines" if _RE["LINE_DEDICATED"].search(ctx.right) else "internet_lines"


def _document_metric(ctx: _Context) -> str | None:
    """`documents_issued` / `documents_pending` when the count is of documents issued."""
    return _first(_DOCUMENTS, ctx.near + " | " + ctx.right) or _first(_DOCUMENTS, ctx.far)


def _pct_name(metric: str) -> str:
    """The share metric of a count metric (`dossiers_received_online_full` → `dossiers_online_full_pct`)."""
    return metric.replace("dossiers_received_", "dossiers_") + "_pct"


def _kind(m: _Mention, ctx: _Context) -> str | None:
    """What the mention counts: the noun after it, else (in a value position) its label."""
    if m.kind:
        return m.kind
    if m.zero:
        return _last_kind(ctx.far)
    in_value_position = ctx.near.rstrip().endswith((":", "=")) or _VALUE_END.match(ctx.right) is not None
    if not in_value_position:
        return None
    return _last_kind(ctx.near) or _listed_kind(ctx)


def _listed_kind(ctx: _Context) -> str | None:
    """The kind of a bare number in a list of dossier or procedure figures, which carries its
    noun over from a neighbour (only those two do): the noun before it in its sentence
    (`(trực tuyến 49, ...)`); dossier when its clause has dossier-only wording (`- Đã giải
    quyết: 40`); when its clause names a channel, the noun before it in its line, the first
    after it in its sentence (`trong đó toàn trình 160, một phần, trực tiếp 152 thủ tục`),
    dossier-only wording in its line, then the same in the line that opens its list. A line
    that counts something else before it gives None."""
    label = _last_kind(ctx.far)
    if label in _LISTED:
        return label
    if _last_kind(ctx.scope) not in (None, *_LISTED):
        return None
    if _RE["DOSSIER_STATUS_LABEL"].search(ctx.near):
        return "dossier"
    if _channel(ctx.near) is None:
        return None
    found = (_last_kind(ctx.scope), _first_kind(ctx.rest), _dossier_wording(ctx.scope), _last_kind(ctx.head),
             _dossier_wording(ctx.head))
    label = next((k for k in found if k), None)
    return label if label in _LISTED else None


def _dossier_wording(text: str) -> str | None:
    """The kind `dossier` when `text` has wording only dossier counts carry, else None."""
    return "dossier" if _RE["DOSSIER_STATUS_LABEL"].search(text) else None


def _metric(doc: Document, m: _Mention, ctx: _Context) -> tuple[str, str] | None:
    """(metric, family) for a mention, or None when nothing fits."""
    kind = _kind(m, ctx)
    family = kind.split(":")[0] if kind else None
    if kind is None or family is None or family == "place" or (m.zero and family not in ("dossier", "procedure")):
        return None
    if m.percent:
        return _percent_metric(ctx, family)
    metric = {
        "dossier": lambda: _dossier_metric(ctx, m.zero),
        "procedure": lambda: _procedure_metric(ctx),
        "staff": lambda: _staff_metric(ctx),
        "team": lambda: "community_digital_teams",
        "device": lambda: _device_metric(doc, m, kind, ctx),
        "line": lambda: _line_metric(ctx),
        "document": lambda: _document_metric(ctx),
    }[family]()
    return (metric, family) if metric else None


def _percent_metric(ctx: _Context, family: str) -> tuple[str, str] | None:
    """The share a percent states, by what it is a percent of."""
    if family == "staff":
        metric = _staff_percent(ctx)
    elif family == "dossier":
        metric = _dossier_metric(ctx, zero=False)
        metric = _pct_name(metric) if metric and metric != "dossiers_received" else None
    elif family == "procedure":
        metric = _procedure_metric(ctx)
        metric = metric + "_pct" if metric else None
    else:
        metric = None
    return (metric, family) if metric else None


# --- qualifiers and periods ---------------------------------------------------------------
def _section_path(doc: Document, offset: int) -> list[Section]:
    """The sections holding `offset`, outermost first."""
    sec = doc.section_at(offset)
    return sec.path() if sec else []


def _period_header(doc: Document, offset: int, headers: list[regex.Match]) -> regex.Match | None:
    """The last period header line before `offset` in the same section (or an ancestor)."""
    path = _section_path(doc, offset)
    for h in reversed(headers):
        if h.end() <= offset and (doc.section_at(h.start()) in path or not doc.sections):
            return h
    return None


def _qualifier(ctx: _Context, header: regex.Match | None) -> str | None:
    """What the number is conditioned on, from its clause, the words before it, or the
    period header above it."""
    before = ctx.raw_left[-20:]
    clause = ctx.raw_left + " " + ctx.right
    for name, where, pattern in _QUALIFIERS:
        if pattern.search(before if where == "before" else clause):
            return name
    if header is not None:
        return "in_week" if "tuần" in header.group("period") else "in_period"
    return None


def _period_text(doc: Document, m: _Mention, header: regex.Match | None) -> str | None:
    """The period stated near the number: in its sentence, in the header line above it, or
    in the heading of its section."""
    sent = doc.sentence_span(m.start, m.end)
    inline = _RE["PERIOD_INLINE"].search(doc.match, sent.start, sent.end)
    if inline:
        return doc.text[inline.start() : inline.end()]
    if header is not None:
        return doc.text[header.start("period") : header.end("period")].strip()
    for sec in reversed(_section_path(doc, m.start)):
        hit = _RE["PERIOD_INLINE"].search(doc.match, sec.start, sec.heading_end)
        if hit:
            return doc.text[hit.start() : hit.end()]
    return None


# --- the component ------------------------------------------------------------------------
def _part_of_total(doc: Document, m: _Mention, metric: str, totals: _Totals) -> bool:
    """A device count that is one of the parts of a total stated just before it in its section
    (`Máy scan: 03 máy, gồm 02 máy Canon ... và 01 máy Fujitsu ...`, list lines under `Số lượng
    máy tính: 12 máy, cấu hình cụ thể như sau:`): the total is the metric, the parts are rows of
    the `equipment` table. Takes the part from what `totals` has left of it."""
    total, left = totals.get(metric, (None, 0.0))
    if total is None or m.value > left or doc.section_at(total["span_start"]) is not doc.section_at(m.start):
        return False
    if _RE["DEVICE_BREAKDOWN"].search(doc.match, total["span_end"], m.start) is None:
        return False
    totals[metric] = (total, left - m.value)
    return True


def _row(doc: Document, m: _Mention, metric: str, family: str, qualifier: str | None, period: str | None) -> dict[str, Any]:
    """One `metrics` row with its evidence."""
    return doc.fact(
        m.start, m.end, domain=_DOMAINS[family], metric=metric, value=m.value,
        unit="percent" if m.percent else "count", qualifier=qualifier, period_text=period,
    )


def _share_of(ctx: _Context, last: dict[str, Any] | None, sent_start: int) -> str | None:
    """The share metric when the percent follows a count in the same sentence (`1794 chiếm 66,64%`)."""
    if last is None or last["char_start"] != sent_start or last["unit"] != "count":
        return None
    return _pct_name(last["metric"]) if _RE["SHARE_LINK"].search(ctx.left) else None


def metric_rows(doc: Document) -> list[dict[str, Any]]:
    """Every metric mention of a document, in reading order."""
    headers = list(_RE["PERIOD_HEADER"].finditer(doc.match))
    rows: list[dict[str, Any]] = []
    totals: _Totals = {}
    prev_after, last = 0, None
    for m in _mentions(doc):
        if m.start < prev_after:
            continue
        ctx = _context(doc, m, prev_after)
        sent_start = doc.sentence_span(m.start, m.end).start
        share = _share_of(ctx, last, sent_start) if m.percent else None
        found = (share, last["domain_family"]) if share and last else _metric(doc, m, ctx)
        prev_after = m.after
        if found is None or (found[1] == "device" and _part_of_total(doc, m, found[0], totals)):
            continue
        header = _period_header(doc, m.start, headers)
        row = _row(doc, m, found[0], found[1], _qualifier(ctx, header), _period_text(doc, m, header))
        rows.append(row)
        last = {**row, "domain_family": found[1]}
        if found[1] == "device":
            totals[found[0]] = (row, m.value)
    return rows


@register("metrics", assigns=("metrics",))
def extract_metrics(doc: Document, facts: Facts) -> Facts:
    """The `metrics` rows of one document."""
    return {"metrics": metric_rows(doc)}
