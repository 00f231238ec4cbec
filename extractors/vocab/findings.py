"""Wording of the assessment parts of a report: difficulties, causes, limitations, strengths
and recommendations, the topic a finding is about, and who a recommendation is addressed to.

Reports put these parts in their own sections (`5.1.2. Hạn chế`, `IV. KIẾN NGHỊ, ĐỀ XUẤT`)
or in a labelled line inside another section (`- Một số khó khăn, vướng mắc: ...`), so the
same table serves both: a part's `name` is the `kind` of every sentence under it. Patterns
are for the matching form (`pipeline.textforms.fold`)."""

from __future__ import annotations

from extractors.vocab import Phrase

PART_KINDS = (
    Phrase(r"nguyên\s+nhân", "cause (of a result, of a limitation, of late dossiers)", "cause"),
    Phrase(r"giải\s+pháp", "remedy the commune commits to", "recommendation"),
    Phrase(r"(?:kiến\s+nghị|đề\s+xuất)", "recommendations (a part's name; `Đề nghị X: ...` is a sentence)", "recommendation"),
    Phrase(r"(?:khó\s+khăn|vướng\s+mắc)", "difficulty, obstacle", "difficulty"),
    Phrase(r"(?:tồn\s+tại|hạn\s+chế|khuyết\s+điểm|(?:những\s+)?(?:điểm|mặt|nội\s+dung|việc|công\s+việc)\s+chưa\s+(?:đạt|làm)\s+được"
           r"|mặt\s+yếu)",
           "shortcoming, limitation, what was not achieved", "limitation"),
    Phrase(r"(?:ưu\s+điểm|kết\s+quả\s+(?:nổi\s+bật|đạt\s+được)|mặt\s+(?:tích\s+cực|làm\s+được)|điểm\s+mạnh)",
           "strength, notable result", "strength"),
)
"""Kinds of part, by the first wording of a heading or label (`Nguyên nhân hạn chế` is a cause)."""

PART_STOP = Phrase(r"nhận\s+xét|(?:phương\s+hướng|nhiệm\s+vụ)(?:[,\s]|$)",
                   "remarks, or the commune's own tasks ahead (`Nhiệm vụ, giải pháp thời gian tới`): a heading that is not itself "
                   "a part (its sub-parts may be)", "none")

WEAK_STRENGTH = Phrase(r"kết\s+quả\s+(?:nổi\s+bật|đạt\s+được)",
                       "results achieved: a strength only beside other assessment parts; alone it heads the statistics")

ASSESSMENT = Phrase(r"đánh\s+giá|nhận\s+xét", "assessment, remarks (a heading whose `Kết quả đạt được` part is a strength)")

INTRO_END = Phrase(r"(?:\s+(?:như\s+)?sau|\s+(?:cụ\s+thể\s+)?như|\s+gồm|\s+cụ\s+thể)?\s*:\s*$",
                   "(the) following: the end of a sentence that announces a list of difficulties or requests")

PART_TITLE = Phrase(r"phần\s+(?:thứ\s+(?:nhất|hai|ba|tư|năm|sáu)|[ivx]+|\d+)\b[\s.:]*",
                    "part one/two/three (`Phần thứ ba`, `PHẦN II`): a line that opens a part of the report; "
                    "its title may follow on the next line")

LABEL_LEAD = Phrase(r"(?:một\s+số|những|các|một\s+vài)\s+", "some, the (before a part's name)")

SENTENCE_KIND = (
    Phrase(r"(?:kính\s+)?(?:đề\s+nghị|kiến\s+nghị|đề\s+xuất)\b|(?:kính|rất)\s+mong\b",
           "a sentence that asks (we request ..., we hope that ...)", "recommendation"),
)
"""Sentences whose own first words give their kind, wherever they stand."""

CAUSE_SENTENCE = Phrase(r"nguyên\s+nhân\s+(?:chủ\s+yếu\s+|chính\s+|cơ\s+bản\s+)?(?:là\s+(?:do\s+)?|do\s+)",
                        "the cause is (that) ...: a running sentence that states a cause", "cause")

TOPIC_LEAD = Phrase(r"về\s+[^:.;\n]{1,40}:\s*", "about <topic>: (a topic label before an item, not part of it)")

ADDRESSEE_LABEL = Phrase(r"(?:(?:kiến\s+nghị|đề\s+nghị|đề\s+xuất)\s+)?(?:đối\s+với|với)\s+",
                         "to/for <body>: the label of a group of requests (`Đối với UBND tỉnh:`, `Kiến nghị với Trung ương`)")

EMPTY_FINDING = Phrase(r"\([^()]*\)|(?:không|không\s+có|chưa\s+có|không\s+có\s+khó\s+khăn(?:,?\s+vướng\s+mắc)?"
                       r"|(?:không|chưa)\s+phát\s+sinh|không\s+có\s+(?:ý\s+kiến|đề\s+xuất|kiến\s+nghị))\s*\.?",
                       "nothing to report (`Nguyên nhân ...: không`, `Chưa phát sinh`), or only a bracket (`(Phụ lục 02 kèm theo)`)")

CATEGORIES = (
    Phrase(r"người\s+(?:dân|cao\s+tuổi)[^.;]{0,60}(?:kỹ\s+năng|tiếp\s+cận|chưa\s+quen|chưa\s+biết|thói\s+quen|khó\s+khăn|hưởng\s+ứng"
           r"|điện\s+thoại\s+thông\s+minh|chưa\s+thạo|tài\s+khoản|sử\s+dụng|tham\s+gia)"
           r"|kỹ\s+năng\s+số\s+(?:của|cho)\s+người\s+dân|nhận\s+thức\s+(?:của\s+)?(?:người\s+dân|cộng\s+đồng)"
           r"|tuyên\s+truyền|tổ\s+công\s+nghệ\s+số\s+cộng\s+đồng|điện\s+thoại\s+thông\s+minh|bình\s+dân\s+học\s+vụ\s+số"
           r"|(?:trình\s+độ|kỹ\s+năng)[^.;]{0,30}(?:của|cho)\s+người\s+dân",
           "citizens' digital skills and habits", "citizen_digital_skills"),
    Phrase(r"(?:cơ\s+chế|chính\s+sách)[^.;]{0,20}(?:kinh\s+phí|tài\s+chính|ngân\s+sách)"
           r"|kinh\s+phí|ngân\s+sách|tài\s+chính|nguồn\s+vốn|chi\s+phí|hợp\s+tác\s+công\s*-\s*tư",
           "funding, budget", "finance"),
    Phrase(r"văn\s+bản\s+hướng\s+dẫn|hướng\s+dẫn\s+(?:cụ\s+thể|chi\s+tiết|chuyên\s+ngành)|chưa\s+có\s+hướng\s+dẫn"
           r"|cơ\s+chế|chính\s+sách|quy\s+định|thể\s+chế|ban\s+hành|pháp\s+lý|chỉ\s+đạo|lãnh\s+đạo|người\s+đứng\s+đầu"
           r"|hướng\s+dẫn\s+(?:nghiệp\s+vụ|thống\s+nhất|cơ\s+chế|thực\s+hiện|về|định\s+mức)",
           "legal framework, guidance from above", "legal_guidance"),
    Phrase(r"kết\s+nối\s+liên\s+thông|kết\s+nối[^.;]{0,15}dữ\s+liệu|chia\s+sẻ\s+dữ\s+liệu|chứng\s+thực\s+điện\s+tử|phần\s+mềm|cơ\s+sở\s+dữ\s+liệu|dữ\s+liệu|liên\s+thông|hệ\s+thống(?!\s+(?:máy|điện|mạng|trang|camera|wifi|loa))"
           r"|dịch\s+vụ\s+công|chữ\s+ký\s+số|chứng\s+thư\s+số|mail\s+công\s+vụ|ứng\s+dụng|nền\s+tảng|văn\s+bản\s+điều\s+hành"
           r"|một\s+cửa\s+điện\s+tử|tính\s+năng|chức\s+năng|số\s+hóa|định\s+danh\s+điện\s+tử|vneid",
           "software, systems and data", "software_data"),
    Phrase(r"hạ\s+tầng\s+(?:viễn\s+thông|mạng|sóng)|mạng|internet|đường\s+truyền|sóng|phát\s+sóng|cáp\s+quang|viễn\s+thông|wifi|kết\s+nối|điện\s+lưới|lõm\s+điện",
           "network, connectivity, power", "network_connectivity"),
    Phrase(r"máy\s+(?:tính|scan|quét|in|chủ|móc|photo|lấy\s+số)|thiết\s+bị|hạ\s+tầng|cấu\s+hình|trang\s+bị|cơ\s+sở\s+vật\s+chất"
           r"|lưu\s+trữ|bảo\s+mật|camera|màn\s+hình|trụ\s+sở|phòng\s+máy",
           "equipment and infrastructure", "infrastructure_equipment"),
    Phrase(r"(?:cơ\s+chế|chính\s+sách|chế\s+độ)[^.;]{0,25}(?:thu\s+hút|đãi\s+ngộ)|công\s+chức|cán\s+bộ|nhân\s+lực|nhân\s+sự|đào\s+tạo|tập\s+huấn|bồi\s+dưỡng|kiêm\s+nhiệm|biên\s+chế"
           r"|trình\s+độ|năng\s+lực|chuyên\s+trách|đãi\s+ngộ|đội\s+ngũ|kỹ\s+năng",
           "staff, skills and training", "human_resources_training"),
)
"""Topics of a finding. The earliest wording in the sentence wins (its subject); at the same
place the longer wording wins (`hạ tầng viễn thông` over `hạ tầng`), then the first row.
`other` when none is found."""

ADDRESSEE_LEVELS = (
    Phrase(r"chính\s+phủ|bộ\s|bộ,|ban\s+chỉ\s+đạo\s+trung\s+ương|trung\s+ương|quốc\s+hội", "central bodies", "central"),
    Phrase(r"sở\s|sở,|các\s+sở|sở\s+ngành", "a provincial department", "department"),
    Phrase(r"ủy\s+ban\s+nhân\s+dân\s+(?:tỉnh|thành\s+phố)|ubnd\s+(?:tỉnh|thành\s+phố)|tỉnh|thành\s+phố|cấp\s+trên"
           r"|cơ\s+quan\s+chuyên\s+môn\s+cấp\s+trên", "the province, the level above", "province"),
    Phrase(r"doanh\s+nghiệp|vnpt|viettel|mobifone|đơn\s+vị\s+cung\s+cấp", "enterprises, telecom and software providers", "enterprise"),
    Phrase(r"ủy\s+ban\s+nhân\s+dân\s+xã|ubnd\s+xã|đảng\s+ủy|xã|phường", "the commune itself", "commune"),
)
"""Level of a recommendation's addressee, first match on the name as written."""

ADDRESSEE_START = Phrase(r"(?:(?:kính\s+)?(?:đề\s+nghị|kiến\s+nghị|đề\s+xuất)|mong\s+muốn|(?:kính|rất)\s+mong)\s*:?\s*",
                         "we request (the addressee follows)")

ADDRESSEE_END = Phrase(
    r"\s*(?::|\s(?:sớm|quan\s+tâm|hỗ\s+trợ|bố\s+trí|có\s+(?!liên\s+quan)|tiếp\s+tục|tăng\s+cường|tổ\s+chức|ban\s+hành"
    r"|phối\s+hợp|bổ\s+sung|mở|thường\s+xuyên|lắp\s+đặt|ưu\s+tiên|hoàn\s+thiện|rà\s+soát|sửa\s+đổi|triển\s+khai|xem\s+xét|nâng\s+cấp|đầu\s+tư|cấp|trang\s+bị|khắc\s+phục"
    r"|(?<!ban\s)chỉ\s+đạo|hướng\s+dẫn|nghiên\s+cứu|cho\s+phép|thay\s+thế|đào\s+tạo|kịp\s+thời)\b)",
    "the first word of what is asked (ends the addressee)")

ADDRESSEE_HEAD = Phrase(
    r"(?:các\s+)?(?:ủy\s+ban|ubnd|chính\s+phủ|bộ|sở|ban|cấp\s+trên|cơ\s+quan|trung\s+tâm|doanh\s+nghiệp|đơn\s+vị"
    r"|thành\s+phố|tỉnh|hđnd|hội\s+đồng|đảng\s+ủy|văn\s+phòng|viễn\s+thông|vnpt|viettel|mobifone|trung\s+ương|tập\s+đoàn|công\s+ty"
    r"|nhà\s+mạng|xã|phường)\b",
    "a body's first word: a sentence that starts with it names its addressee")

CONTRAST_LEAD = Phrase(r"(?:tuy\s+nhiên|tuy\s+vậy|(?:mặc\s+)?dù\s+vậy|song|nhưng|bên\s+cạnh\s+đó|mặt\s+khác)\s*,?\s+",
                       "however, besides that: a sentence that turns from results to what is still lacking")

SHORTFALL = Phrase(r"\b(?:chưa|thiếu|vẫn\s+còn|hạn\s+chế|bất\s+cập|xuống\s+cấp|quá\s+tải|mới\s+đạt|chỉ\s+đạt"
                   r"|không\s+(?:đáp\s+ứng|ổn\s+định|đảm\s+bảo|bảo\s+đảm|đủ|thể|được)"
                   r"|còn\s+(?:nhiều|một\s+số|thiếu|hạn\s+chế|hạn\s+hẹp|chậm|yếu|thấp|ít|cũ|kém|mỏng|hình\s+thức|khó\s+khăn"
                   r"|gặp|lỗi|tình\s+trạng))\b",
                   "not yet, lacking, still, limited, below target: what a `Tuy nhiên, ...` sentence must say "
                   "to be a limitation (`Tuy nhiên, nhờ ... đã tăng` is not)")

DIFFICULTY_MET = Phrase(r"(?<!không\s)(?:còn|vẫn|đang)\s+(?:gặp|có)\s+(?:rất\s+)?(?:nhiều\s+|không\s+ít\s+|một\s+số\s+)?khó\s+khăn",
                        "(still) meets difficulties: a running sentence that states a difficulty", "difficulty")

GENERIC_TAIL = Phrase(r"(?:(?:gặp|có)\s+)?(?:rất\s+)?(?:nhiều|một\s+số|không\s+ít|những)?\s*"
                      r"(?:khó\s+khăn|hạn\s+chế|tồn\s+tại|vướng\s+mắc|bất\s+cập|trở\s+ngại)"
                      r"(?:[,\s]+(?:và\s+)?(?:khó\s+khăn|hạn\s+chế|tồn\s+tại|vướng\s+mắc|bất\s+cập|trở\s+ngại|nhất\s+định))*"
                      r"\s*(?:,?\s*cần\s[^.;]*)?[.!]?\s*$",
                      "(some) difficulties, limitations (that need overcoming): a sentence that only announces "
                      "difficulties and names none is not a finding")

REPORTING_SIDE = Phrase(r"(?:xã|phường|thị\s+trấn|(?:ubnd|ủy\s+ban\s+nhân\s+dân|đảng\s+ủy)\s+(?:xã|phường)|địa\s+phương"
                        r"|chúng\s+tôi|trung\s+tâm|đơn\s+vị)",
                        "the commune or its own bodies, as the subject of a request reported in running text")

REQUEST_VERB = Phrase(r"(?:đề\s+nghị|kiến\s+nghị|đề\s+xuất|mong\s+muốn|(?:kính|rất)\s+mong)",
                      "requests, proposes, hopes (for): the verb after the commune's name in a reported request")

REQUEST_ADVERB = Phrase(r"(?:đã|cũng|tiếp\s+tục|đồng\s+thời|kính|có\s+(?:văn\s+bản|công\s+văn|tờ\s+trình))\s+",
                        "has, also, further, respectfully, in writing (between the commune and its request)")

NOT_REQUEST = Phrase(r"(?:của|khen\s+thưởng|công\s+nhận)\b",
                     "of, commendation: after the verb, a noun use (`đề nghị của`) or an award, not a request")

STATED_IS = Phrase(r"[^,.;:]{0,30}?\s+là\s+",
                   "... is: after a part's name opening a sentence, the sentence states one (`Khó khăn lớn nhất hiện nay là ...`)")


NOT_ASKING = Phrase(r"(?:được|theo|tờ\s+trình|các)\s+$",
                    "is (requested), according to, a submission's, the (proposals): before the verb, not someone asking")
