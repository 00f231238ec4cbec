"""Every Vietnamese label the outputs show (workbook headers, report titles, console columns,
explanations of errors), defined once with the English column name as the key.

These are display labels, not wordings the extractors match (those live in
`extractors/vocab/`). A column without a label here is shown under its English name."""

from __future__ import annotations

COLUMN_LABELS: dict[str, str] = {
    # who, when, which file
    "doc_id": "Mã tệp", "report_key": "Mã báo cáo", "commune": "Xã/phường", "commune_code": "Mã xã",
    "commune_name": "Tên xã chính thức", "commune_type": "Loại đơn vị", "commune_match": "Cách xác định xã",
    "province": "Tỉnh/thành (như ghi)", "province_name": "Tỉnh/thành phố", "province_code": "Mã tỉnh",
    "doc_symbol": "Ký hiệu", "doc_number": "Số văn bản", "source_path": "Tệp nguồn", "source_format": "Định dạng",
    "report_date": "Ngày báo cáo", "report_year": "Năm báo cáo", "period_start": "Từ ngày", "period_end": "Đến ngày",
    "renditions": "Số bản (định dạng)", "rendition_doc_ids": "Mã các bản", "sha256": "Mã băm SHA-256",
    "size_bytes": "Dung lượng (byte)", "page_count": "Số trang", "pipeline_version": "Phiên bản baocao",
    "issuer": "Cơ quan ban hành", "issuer_kind": "Khối", "place": "Địa danh", "title": "Trích yếu",
    "recipients": "Kính gửi", "signer_authority": "Thẩm quyền ký", "signer_title": "Chức vụ người ký",
    "signer_name": "Người ký", "sections": "Số mục", "warnings": "Lưu ý",
    # TTHC
    "procedures_total": "Tổng số TTHC", "procedures_online_full": "TTHC trực tuyến toàn trình",
    "procedures_online_partial": "TTHC trực tuyến một phần", "procedures_direct": "TTHC trực tiếp",
    "dossiers_received": "Hồ sơ tiếp nhận", "dossiers_received_online": "Hồ sơ trực tuyến",
    "dossiers_received_direct": "Hồ sơ trực tiếp", "dossiers_carried_over": "Hồ sơ kỳ trước chuyển sang",
    "dossiers_total": "Tổng hồ sơ", "dossiers_resolved": "Hồ sơ đã giải quyết",
    "dossiers_resolved_early": "Giải quyết trước hạn", "dossiers_resolved_on_time": "Giải quyết đúng hạn",
    "dossiers_resolved_overdue": "Giải quyết quá hạn", "dossiers_in_progress": "Đang giải quyết",
    "dossiers_in_progress_overdue": "Đang giải quyết quá hạn", "dossiers_withdrawn": "Hồ sơ rút",
    "dossiers_digitized_pct": "Tỷ lệ số hóa (%)", "dossiers_online_full_pct": "Tỷ lệ toàn trình (%)",
    "on_time_pct": "Tỷ lệ đúng hạn (%)", "overdue_pct": "Tỷ lệ quá hạn (%)", "online_pct": "Tỷ lệ trực tuyến (%)",
    "online_full_pct": "Tỷ lệ TTHC toàn trình (%)",
    # staff and infrastructure
    "staff_quota": "Biên chế được giao", "staff_present": "Biên chế có mặt", "service_center_staff": "Cán bộ bộ phận một cửa",
    "community_digital_teams": "Tổ công nghệ số cộng đồng", "computers_total": "Tổng số máy tính (báo cáo)",
    "video_conference_sets": "Bộ thiết bị họp trực tuyến", "computers": "Máy tính hiện có",
    "computers_with_specs": "Máy có cấu hình", "computers_ram_below_8gb": "Máy RAM dưới 8 GB", "computers_hdd": "Máy dùng ổ HDD",
    "computers_cpu_below_gen8": "Máy CPU Intel dưới thế hệ 8", "computers_windows_10": "Máy chạy Windows 10",
    "share_ssd": "Tỷ lệ máy có SSD (0-1)", "scanners": "Máy quét", "printers": "Máy in", "photocopiers": "Máy photocopy",
    "items_lacking": "Thiết bị còn thiếu", "lacking_categories": "Loại thiết bị thiếu",
    "checks_errors": "Số lỗi kiểm tra", "checks_warnings": "Số cảnh báo kiểm tra",
    "references_issued": "Văn bản đã ban hành", "references_cited": "Văn bản được viện dẫn",
    # fact tables
    "page": "Trang", "char_start": "Ký tự đầu", "char_end": "Ký tự cuối", "span_start": "Vị trí đầu",
    "span_end": "Vị trí cuối", "evidence": "Câu trích dẫn", "domain": "Lĩnh vực", "metric": "Chỉ tiêu", "value": "Giá trị",
    "unit": "Đơn vị", "qualifier": "Ghi chú", "period_text": "Kỳ (như ghi)", "category": "Loại", "quantity": "Số lượng",
    "status": "Tình trạng", "label": "Nhãn", "brand": "Hãng", "model": "Mẫu máy", "cpu_vendor": "Hãng CPU",
    "cpu_family": "Dòng CPU", "cpu_model": "CPU", "cpu_generation": "Thế hệ CPU", "ram_gb": "RAM (GB)", "ram_type": "Loại RAM",
    "storage_type": "Loại ổ cứng", "storage_gb": "Dung lượng ổ (GB)", "monitor_inch": "Màn hình (inch)", "os": "Hệ điều hành",
    "network": "Mạng", "source": "Nguồn", "date": "Ngày", "text": "Nội dung", "day": "Ngày (số)", "month": "Tháng",
    "year": "Năm", "role": "Vai trò", "valid": "Hợp lệ", "year_inferred": "Năm suy ra", "is_range": "Khoảng ngày",
    "doc_type": "Loại văn bản", "type_code": "Mã loại", "number": "Số", "symbol": "Ký hiệu văn bản", "canonical": "Số ký hiệu",
    "issue_date": "Ngày ban hành", "issue_date_inferred": "Ngày ban hành suy ra", "issuer_text": "Cơ quan (như ghi)",
    "subject": "Trích yếu", "relation": "Quan hệ", "type_mismatch": "Lệch loại", "rule": "Quy tắc", "severity": "Mức độ",
    "message": "Nội dung", "metrics": "Chỉ tiêu liên quan", "stage": "Bước xử lý", "error_type": "Loại lỗi",
    "kind": "Loại nội dung", "addressee": "Đề nghị gửi", "addressee_level": "Cấp nhận đề nghị",
    "explanation": "Giải thích",
}

TABLE_LABELS: dict[str, str] = {
    "commune_summary": "Tổng hợp", "documents": "Văn bản", "metrics": "Chỉ tiêu", "equipment": "Thiết bị",
    "references": "Văn bản viện dẫn", "dates": "Ngày tháng", "checks": "Kiểm tra", "findings": "Khó khăn - kiến nghị",
    "entities": "Thực thể", "errors": "Lỗi", "texts": "Toàn văn", "blocks": "Khối văn bản",
}

STAGE_WORDS: dict[str, str] = {
    "read": "Không mở được tệp", "ingest": "Không đọc được nội dung tệp", "detect": "Tệp đọc được nhưng cần lưu ý",
    "validate": "Một giá trị bị loại vì không đúng quy định của bảng", "write": "Một số dòng không ghi được",
}
"""What went wrong, by the first part of `errors.stage`; other stages are extractors that failed."""

EXTRACTOR_FAILED = "Một bước trích xuất gặp lỗi (lỗi của chương trình, xin báo lại); các bước khác vẫn chạy"

ERROR_WORDS: dict[str, str] = {
    "empty_file": "tệp rỗng", "binary_file": "không phải tệp văn bản", "not_a_docx": "không phải tệp Word (.docx) hợp lệ",
    "encrypted_pdf": "tệp PDF có mật khẩu", "no_text_layer": "tệp PDF là ảnh quét, không có lớp chữ",
    "duplicate_content": "trùng nội dung với một tệp khác, chỉ ghi một lần", "extension_mismatch": "đuôi tệp không khớp nội dung",
    "unreadable_file": "không có quyền đọc hoặc tệp hỏng", "schema_violation": "giá trị không hợp lệ, không được ghi",
    "extractor_failed": "lỗi chương trình", "internal_error": "lỗi chương trình khi đọc tệp",
}
"""The error types the pipeline writes, in plain words; an unknown one is shown as it is."""


def label(column: str) -> str:
    """The Vietnamese header of a column (its English name when it has none)."""
    return COLUMN_LABELS.get(column, column)


def explain_error(stage: str | None, error_type: str | None) -> str:
    """One plain Vietnamese sentence for an `errors` row, from its stage and type."""
    head = STAGE_WORDS.get((stage or "").split(":")[0], EXTRACTOR_FAILED)
    kind = ERROR_WORDS.get(error_type or "", error_type or "")
    return f"{head}: {kind}" if kind else head

VALUE_LABELS: dict[str, str] = {
    # findings categories
    "infrastructure_equipment": "Hạ tầng, thiết bị", "network_connectivity": "Mạng, đường truyền",
    "software_data": "Phần mềm, dữ liệu", "human_resources_training": "Nhân lực, đào tạo", "finance": "Kinh phí",
    "legal_guidance": "Văn bản, hướng dẫn", "citizen_digital_skills": "Kỹ năng số của người dân", "other": "Khác",
    # equipment categories
    "desktop": "Máy tính để bàn", "laptop": "Máy tính xách tay", "computer": "Máy tính", "scanner": "Máy quét",
    "printer": "Máy in", "photocopier": "Máy photocopy", "server": "Máy chủ", "network_line": "Đường truyền",
    "video_conference": "Thiết bị họp trực tuyến",
}
"""Category values shown in Vietnamese; other values are shown as they are."""

REPORT_TEXT: dict[str, str] = {
    "title": "So sánh kết quả chuyển đổi số các xã (Kế hoạch 02-KH/BCĐTW)",
    "province_filter": "Tỉnh/thành phố", "all_provinces": "Tất cả", "side_by_side": "Các xã cạnh nhau",
    "evidence": "Câu trích dẫn", "figure": "Chỉ số", "no_data": "Không có số liệu",
    "online_pct": "Tỷ lệ hồ sơ trực tuyến (%)", "on_time_pct": "Tỷ lệ giải quyết đúng và trước hạn (%)",
    "overdue_pct": "Tỷ lệ giải quyết quá hạn (%)", "procedures_online_full": "Số TTHC trực tuyến toàn trình",
    "computers": "Máy tính hiện có và máy dưới mức tối thiểu", "items_lacking": "Thiết bị còn thiếu",
    "documents_issued": "Văn bản xã ban hành theo tháng", "failed_checks": "Kiểm tra không đạt",
    "requests": "Kiến nghị theo nhóm", "below_minimum": "Dưới mức tối thiểu", "source": "Nguồn",
    "page": "trang", "generated": "Tạo lúc", "reports": "báo cáo",
    "unknown_commune": "Chưa rõ xã", "unknown_province": "Chưa rõ tỉnh",
}
"""The report page's titles and words."""
