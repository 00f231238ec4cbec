"""Service channels: how a dossier was filed or how a procedure is offered.

`name` is the channel part of a metric name (`dossiers_received_<name>`,
`procedures_<name>`). When several occur in a clause, the one written last (nearest the
number) wins; the joint wording comes first so that it is not read as two channels."""

from __future__ import annotations

from extractors.vocab import Phrase

CHANNELS: tuple[Phrase, ...] = (
    Phrase(r"một\s+phần\s*(?:,|và|hoặc|/)\s*trực\s+tiếp", "partial online or in person, stated jointly",
           "partial_or_direct"),
    Phrase(r"mức\s+(?:độ\s+)?3\s*(?:-|–|và|,)\s*(?:mức\s+(?:độ\s+)?)?4", "online at level 3 and 4 together", "online"),
    Phrase(r"toàn\s+trình|mức\s+(?:độ\s+)?4(?!\s*[,.]\d)", "fully online (level 4)", "online_full"),
    Phrase(r"một\s+phần|từng\s+phần|mức\s+(?:độ\s+)?3(?!\s*[,.]\d)", "partly online (level 3)", "online_partial"),
    Phrase(r"trực\s+tiếp|bưu\s+chính|qua\s+bưu\s+điện|mức\s+(?:độ\s+)?1\s*(?:,|và|-)\s*2",
           "in person or by post (levels 1-2: information only)", "direct"),
    Phrase(r"mức\s+(?:độ\s+)?[12](?!\s*[,.]\d)", "level 1 or 2 alone: information online, filed in person; no channel"
           " of its own (for procedures, every procedure reaches it)", "info_only"),
    Phrase(r"trực\s+tuyến|qua\s+mạng", "online, level not stated", "online"),
)
"""Service channels by wording. The online levels of the old classification (`mức độ 3`
partly online, `mức độ 4` fully online) name the same channels as `một phần` / `toàn trình`."""
