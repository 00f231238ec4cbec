"""Reading a seed report (plain text) into its parts: header cells, title block, body paragraphs,
spec tables and footer. The judgement calls are in scripts/README.md.

How the text is read:
- header: the lines before `BÁO CÁO`; motto/party name and the place-date line go right,
  the issuing body and the `Số` line go left;
- title block: `BÁO CÁO`, the subject (its lines joined), a `(...)` period line, a `-----`
  rule, `Kính gửi: ...`, up to the opening paragraph (`Thực hiện ...`);
- body: one paragraph per logical paragraph. Seed 003 was extracted from a PDF whose
  wrapped lines keep a trailing space, so a line runs on into the next one when it has a
  trailing space and does not end with a full stop, or when it ends with a document code cut
  after its hyphen (`863/QĐ-` + `UBND` -> `863/QĐ-UBND`); blank lines mean nothing. List items,
  numbered headings and `(Phụ lục ...)` notes always start a paragraph. Lines of the seeds that
  came from Word end without a trailing space, so each stays one paragraph;
- a run of per-machine spec lists (`2.1.1. Bộ máy tính ... 1:` + `+ CPU: ...`) becomes one table;
- footer: from `Nơi nhận:`; its `- ` list, then the signer's authority/title lines and, after
  a blank line, the signer's name;
- markup: `[bookmark: _GoBack]` is dropped and `**bold**` becomes bold runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BOOKMARK = "[bookmark: _GoBack]"
TITLE = "BÁO CÁO"
DISTRIBUTION = "Nơi nhận:"
OPENING = "Thực hiện"  # every report opens by citing the request it answers
RIGHT_HEADER = re.compile(r"CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐẢNG CỘNG SẢN VIỆT NAM")
DATE_LINE = re.compile(r", ngày .* năm \d{4}$")
NUMBER_LINE = re.compile(r"Số\b")
PERIOD_LINE = re.compile(r"\(.*\)")
RULE_LINE = re.compile(r"-{3,}")
RECIPIENT_LINE = re.compile(r"Kính gửi\s*:")
LIST_ITEM = re.compile(r"[-+*•] ")
HEADING = re.compile(r"\d+(?:\.\d+)*\. ")
ANNEX_NOTE = re.compile(r"\(Phụ lục [^)]*\)")
CODE_CUT = re.compile(r"[\w/]-$")  # `863/QĐ-`, `02-` at the end of a PDF line
MACHINE = re.compile(r"(\d+(?:\.\d+){2,}\.) (.+):")  # `2.1.1. Bộ máy tính để bàn Công chức 1:`
SPEC = re.compile(r"(?:- )?\+ ([^:]+): (.+)")  # `+ CPU: Intel Core i3-12100`, `- + RAM: 8GB DDR4`


@dataclass
class Paragraph:
    """One body paragraph; `text` may carry `**bold**` markup."""

    text: str
    kind: str  # "heading", "item", "note" or "text"


@dataclass
class Machine:
    number: str  # the seed's own section number, e.g. `2.1.1.`
    name: str
    specs: dict[str, str]


@dataclass
class SpecTable:
    machines: list[Machine]


Block = Paragraph | SpecTable


@dataclass
class TitleBlock:
    subject: str
    period: str | None = None  # `(Đến ngày 14/12/2025)`
    rule: str | None = None  # the short rule typed under the subject
    recipient: str | None = None  # `Kính gửi: ...`


@dataclass
class Report:
    issuer: list[str]  # left header cell: issuing body lines (bold last)
    number: str | None  # `Số:       /BC-UBND`
    motto: list[str]  # right header cell: national motto or party name
    date: str | None  # place and date line
    title: TitleBlock
    body: list[Block]
    distribution: list[str]  # `Nơi nhận:` and its list
    signer: list[str]  # authority and title lines
    signer_name: str | None


def bold_per_line(text: str) -> str:
    """Close every `**bold**` span at each line end and reopen it on the next line, so that
    each line carries its own markup (seed 001 bolds two signer lines with one span)."""
    return re.sub(
        r"\*\*(.+?)\*\*",
        lambda m: "**" + m.group(1).replace("\n", "**\n**") + "**",
        text,
        flags=re.DOTALL,
    )


def cut_after_hyphen(raw: str) -> bool:
    """A raw line ending in `863/QĐ-` with no trailing space: a document code the PDF broke."""
    return raw == raw.rstrip() and bool(CODE_CUT.search(raw))


def runs_on(raw: str) -> bool:
    """True when a raw line was wrapped by the PDF extractor rather than ended by the author."""
    line = raw.rstrip()
    return cut_after_hyphen(raw) or (line != raw and not line.endswith("."))


def starts_paragraph(line: str) -> bool:
    return bool(LIST_ITEM.match(line) or HEADING.match(line) or ANNEX_NOTE.fullmatch(line))


def segment(raw_lines: list[str]) -> list[str]:
    """Rejoin raw lines into logical paragraphs (rules in the module docstring)."""
    paragraphs: list[str] = []
    previous_raw = ""
    for raw in raw_lines:
        line = raw.strip()
        if not line:
            continue
        if paragraphs and runs_on(previous_raw) and not starts_paragraph(line):
            paragraphs[-1] += ("" if cut_after_hyphen(previous_raw) else " ") + line
        else:
            paragraphs.append(line)
        previous_raw = raw
    return paragraphs


def classify(text: str) -> Paragraph:
    if HEADING.match(text):
        return Paragraph(text, "heading")
    if LIST_ITEM.match(text):
        return Paragraph(text, "item")
    if ANNEX_NOTE.fullmatch(text):
        return Paragraph(text, "note")
    return Paragraph(text, "text")


def machine_at(paragraphs: list[Paragraph], start: int) -> tuple[Machine, int] | None:
    """The machine heading at `start` with its `+ Key: value` lines, and the index after them."""
    heading = MACHINE.fullmatch(paragraphs[start].text)
    if not heading:
        return None
    specs: dict[str, str] = {}
    end = start + 1
    while end < len(paragraphs) and (spec := SPEC.fullmatch(paragraphs[end].text)):
        specs[spec.group(1)] = spec.group(2)
        end += 1
    return (Machine(heading.group(1), heading.group(2), specs), end) if specs else None


def group_spec_tables(paragraphs: list[Paragraph]) -> list[Block]:
    """Replace each run of two or more machine spec lists with one SpecTable."""
    blocks: list[Block] = []
    i = 0
    while i < len(paragraphs):
        machines: list[Machine] = []
        end = i
        while end < len(paragraphs) and (found := machine_at(paragraphs, end)):
            machines.append(found[0])
            end = found[1]
        if len(machines) >= 2:
            blocks.append(SpecTable(machines))
            i = end
        else:
            blocks.append(paragraphs[i])
            i += 1
    return blocks


def read_header(raw_lines: list[str]) -> tuple[list[str], str | None, list[str], str | None]:
    """Sort the lines above the title into issuer, number, motto and date."""
    issuer: list[str] = []
    motto: list[str] = []
    number = date = None
    for line in (raw.strip() for raw in raw_lines):
        if not line:
            continue
        if NUMBER_LINE.match(line):
            number = line
        elif DATE_LINE.search(line):
            date = line
        elif RIGHT_HEADER.search(line):
            motto.append(line)
        else:
            issuer.append(line)
    return issuer, number, motto, date


def read_title_block(raw_lines: list[str]) -> tuple[TitleBlock, int]:
    """The block after `BÁO CÁO`, and the index of the opening paragraph that ends it."""
    title = TitleBlock(subject="")
    subject: list[str] = []
    for i, raw in enumerate(raw_lines):
        line = raw.strip()
        if line.startswith(OPENING):
            title.subject = " ".join(subject)
            return title, i
        if RULE_LINE.fullmatch(line):
            title.rule = line
        elif RECIPIENT_LINE.match(line):
            title.recipient = line
        elif PERIOD_LINE.fullmatch(line):
            title.period = line
        elif line:
            subject.append(line)
    raise ValueError(f"no opening paragraph ({OPENING} ...) after the title")


def read_footer(raw_lines: list[str]) -> tuple[list[str], list[str], str | None]:
    """`Nơi nhận:` with its list, the signer's authority/title lines and name."""
    lines = [raw.strip() for raw in raw_lines]
    distribution = [lines[0]]
    rest = 1
    while rest < len(lines) and (not lines[rest] or lines[rest].startswith("- ")):
        if lines[rest]:
            distribution.append(lines[rest])
        rest += 1
    groups: list[list[str]] = [[]]
    for line in lines[rest:]:
        if line:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    groups = [group for group in groups if group]
    if len(groups) < 2:
        return distribution, [line for group in groups for line in group], None
    return distribution, [line for group in groups[:-1] for line in group], " ".join(groups[-1])


def first_index(lines: list[str], wanted: str) -> int:
    return next(i for i, line in enumerate(lines) if line.strip() == wanted)


def parse_report(text: str) -> Report:
    lines = bold_per_line(text.replace(BOOKMARK, "")).split("\n")
    title_at = first_index(lines, TITLE)
    footer_at = first_index(lines, DISTRIBUTION)
    issuer, number, motto, date = read_header(lines[:title_at])
    title, body_offset = read_title_block(lines[title_at + 1 : footer_at])
    body_lines = lines[title_at + 1 + body_offset : footer_at]
    distribution, signer, signer_name = read_footer(lines[footer_at:])
    return Report(
        issuer=issuer,
        number=number,
        motto=motto,
        date=date,
        title=title,
        body=group_spec_tables([classify(p) for p in segment(body_lines)]),
        distribution=distribution,
        signer=signer,
        signer_name=signer_name,
    )
