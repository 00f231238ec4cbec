"""Dossier, procedure and document statuses: what a report says happened to what it counts.

`name` is the metric the wording stands for (`shared/CONTRACT.md`). Tables are ordered most
specific first: the first phrase that matches wins (`quá hạn đang xử lý` before `quá hạn`)."""

from __future__ import annotations

from extractors.vocab import Phrase

_IN_HAND = r"(?:xử\s+lý|giải\s+quyết)"
EARLY_AND_ON_TIME = (r"(?:trước|sớm)\s+(?:hạn\s+)?(?:và|,|hoặc|/)\s*đúng\s+hạn"
                     r"|đúng\s+(?:hạn\s+)?(?:và|,|hoặc|/)\s*(?:trước|sớm)\s+hạn")
"""`trước và đúng hạn`, `sớm hạn và đúng hạn`: early and on time stated as one figure."""

DOSSIER_STATUS: tuple[Phrase, ...] = (
    Phrase(r"chậm\s+(?:được\s+)?tiếp\s+nhận|tiếp\s+nhận\s+chậm", "received late (entered into the system late)",
           "dossiers_received_late"),
    Phrase(rf"đã\s+và\s+đang\s+{_IN_HAND}|yêu\s+cầu\s+{_IN_HAND}",
           "to handle: resolved and in progress together, or asked to be resolved (received plus carried over)",
           "dossiers_total"),
    Phrase(rf"quá\s+hạn\s+(?:đang|chưa)\s+{_IN_HAND}|(?:đang|chưa)\s+{_IN_HAND}\s+(?:đã\s+)?quá\s+hạn",
           "overdue and still in progress", "dossiers_in_progress_overdue"),
    Phrase(r"quá\s+hạn|trễ\s+hạn|chậm\s+hạn|chậm\s+(?:trả|giải\s+quyết)", "resolved after the deadline",
           "dossiers_resolved_overdue"),
    Phrase(rf"(?:đang|chưa)\s+(?:được\s+)?{_IN_HAND}?\s*(?:còn\s+)?trong\s+(?:thời\s+)?hạn"
           rf"|(?:đang\s+)?trong\s+(?:thời\s+)?hạn\s+{_IN_HAND}|chưa\s+đến\s+hạn|^[\s*+\-•]*(?:còn\s+)?trong\s+(?:thời\s+)?hạn",
           "in progress, deadline not reached", "dossiers_in_progress_on_time"),
    Phrase(rf"đang\s+(?:được\s+)?(?:tiếp\s+tục\s+)?(?:{_IN_HAND}|thụ\s+lý)|chưa\s+{_IN_HAND}|đến\s+hạn",
           "in progress (being handled, due)", "dossiers_in_progress"),
    Phrase(EARLY_AND_ON_TIME, "resolved early and on time, one figure for both (qualifier `early_and_on_time`)",
           "dossiers_resolved_on_time"),
    Phrase(r"trước\s+hạn|sớm\s+hạn", "resolved before the deadline", "dossiers_resolved_early"),
    Phrase(r"đúng\s+hạn", "resolved on time", "dossiers_resolved_on_time"),
    Phrase(r"\brút\b", "withdrawn by the applicant", "dossiers_withdrawn"),
    Phrase(r"chuyển\s+sang|chuyển\s+qua|kỳ\s+trước|tồn\s+(?:đọng|kỳ\s+trước)", "carried over from the previous period",
           "dossiers_carried_over"),
    Phrase(r"(?<!tiếp\s+nhận\s+)tổng\s+cộng", "total to handle (received plus carried over); `tiếp nhận tổng cộng`"
           " is received", "dossiers_total"),
    Phrase(r"số\s+hóa", "digitised", "dossiers_digitized"),
    Phrase(rf"(?:đã|được)\s+{_IN_HAND}|giải\s+quyết\s+xong|hoàn\s+thành|đã\s+trả\s+kết\s+quả"
           r"|(?<!tiếp\s+nhận\s*(?:,|và)?\s*)giải\s+quyết(?:\s+được)?\s*:?\s*$",
           "resolved", "dossiers_resolved"),
)
"""Dossier statuses by wording, most specific first."""

DOSSIER_ONLY_WORDING: tuple[Phrase, ...] = (
    Phrase(rf"(?:đã|đang|chưa)\s+{_IN_HAND}|giải\s+quyết\s+xong", "resolved / in progress"),
    Phrase(r"trước\s+hạn|sớm\s+hạn|đúng\s+hạn|trong\s+hạn|quá\s+hạn|trễ\s+hạn|chậm\s+hạn", "against the deadline"),
    Phrase(r"chuyển\s+sang|kỳ\s+trước|tiếp\s+nhận|\brút\b", "carried over, received, withdrawn"),
)
"""Wording that only dossier counts carry (`- Đã giải quyết: 40`, `trong đó quá hạn 0`): the
bare numbers of the line count dossiers even when no line around them says `hồ sơ`."""

DOSSIER_RECEIVED = Phrase(r"tiếp\s+nhận|nhận\s+được|tổng\s+(?:số\s+)?hồ\s+sơ|số\s+hồ\s+sơ",
                          "received (a dossier count with no status and no channel)", "dossiers_received")

PROCEDURE_WITH_DOSSIERS = Phrase(r"^\s*(?:có\s+)?phát\s+sinh", "procedures that received dossiers (after `N TTHC`)")

PROCEDURE_TOTAL = Phrase(
    r"tổng\s+số|thẩm\s+quyền|niêm\s+yết|công\s+bố|công\s+khai|phân\s+cấp|danh\s+mục|cung\s+cấp",
    "procedures under the authority or offered (a procedure count with no channel)", "procedures_total")

DOCUMENT_STATUS: tuple[Phrase, ...] = (
    Phrase(r"chưa\s+(?:được\s+)?ban\s+hành|đang\s+(?:xây\s+dựng|dự\s+thảo|soạn\s+thảo|trình)|dự\s+thảo",
           "documents not yet issued", "documents_pending"),
    Phrase(r"ban\s+hành|đã\s+xây\s+dựng|tham\s+mưu", "documents issued", "documents_issued"),
)
"""Counts of documents: only when the report states a number of documents issued or pending."""

DOSSIER_RETURNED = Phrase(
    r"hướng\s+dẫn|trả\s+lại|bổ\s+sung|hoàn\s+thiện|không\s+đủ\s+điều\s+kiện|từ\s+chối",
    "dossiers returned with guidance or for completion, refused: not received, resolved or in progress")
"""Written after a dossier count (`còn lại N hồ sơ đã được hướng dẫn bổ sung`): no metric."""
