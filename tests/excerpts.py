"""Article excerpts shared by several test modules, copied from ``data/raw``.

Expected values for them are those of ``data/annotations``.
"""

from __future__ import annotations

DEV_13_LEDE = (
    'Biên phòng - Chiều 3/8, Đảng ủy, Bộ Tư lệnh BĐBP tổ chức Hội nghị công bố và trao quyết định thăng '
    'quân hàm Đại tá năm 2022. Thiếu tướng Nguyễn Anh Tuấn, Bí thư Đảng ủy, Chính ủy BĐBP chủ trì hội '
    'nghị.'
)

DEV_13_THANKS = (
    'Thay mặt các sĩ quan, Đại tá Đào Quốc Thạo, Phó Chỉ huy trưởng, Tham mưu trưởng BĐBP Lạng Sơn đã '
    'bày tỏ lòng biết ơn sâu sắc tới Đảng, Nhà nước; Quân ủy Trung ương, Bộ Quốc phòng; Đảng ủy, Bộ Tư '
    'lệnh BĐBP.'
)

DEV_17_APPOINTMENT = (
    'Theo quyết định của Bộ Tư lệnh Quân khu 5, Thượng tá Nguyễn Quang Thanh Tuấn - Trưởng ban Tác huấn '
    'thuộc Phòng Tham mưu Bộ CHQS tỉnh Quảng Nam được bổ nhiệm giữ chức vụ Chỉ huy trưởng Ban CHQS huyện '
    'Đại Lộc, thay cho Thượng tá Hoàng Trung Dũng đã chuyển công tác về Quân khu 5.'
)

DEV_17_HANDOVER = (
    '(QNO) - Ban Chỉ huy Quân sự (CHQS) huyện Đại Lộc vừa tổ chức hội nghị bàn giao chức vụ Chỉ huy '
    'trưởng Ban CHQS huyện. Thượng tá Trần Hữu Ích - Phó Chỉ huy trưởng kiêm Tham mưu trưởng Bộ CHQS '
    'tỉnh đến dự.\nTheo quyết định của Bộ Tư lệnh Quân khu 5, Thượng tá Nguyễn Quang Thanh Tuấn - Trưởng '
    'ban Tác huấn thuộc Phòng Tham mưu Bộ CHQS tỉnh Quảng Nam được bổ nhiệm giữ chức vụ Chỉ huy trưởng '
    'Ban CHQS huyện Đại Lộc, thay cho Thượng tá Hoàng Trung Dũng đã chuyển công tác về Quân khu 5.'
)

DEV_37_CHAIRS = (
    'Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith, Phó Thủ tướng Chính phủ Việt Nam Nguyễn Chí '
    'Dũng và Trung tướng Hà Thọ Bình - Tư lệnh Quân khu 4 chủ trì buổi làm việc'
)

SEED_000_DELEGATION = (
    'Tham gia đoàn công tác có các đồng chí: Thiếu tướng Trần Ngọc Minh, Ủy viên Ban Thường vụ Đảng ủy, '
    'Phó Tư lệnh Quân khu; Thiếu tướng Phạm Anh Tuấn, Ủy viên Ban Thường vụ Đảng ủy, Chủ nhiệm Chính trị '
    'Quân khu; Đại tá Trần Hữu Nhân, Phó Tham mưu trưởng Quân khu; Đại tá Nguyễn Thanh Tâm, Chủ nhiệm '
    'Hậu cần - Kỹ thuật Quân khu; thủ trưởng các cơ quan chức năng Quân khu.'
)

SEED_000_HOSTS = (
    'Tỉnh ủy Lâm Đồng tiếp và làm việc có đồng chí: Y Thanh Hà Niê Kđăm, Ủy viên Ban chấp hành Trung '
    'ương Đảng, Bí thư Tỉnh ủy Lâm Đồng; Đặng Hồng Sỹ, Phó Bí thư thường trực Tỉnh ủy; Lưu Văn Trung, '
    'Phó Bí thư Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh; Hồ Văn Mười, Phó Bí thư Tỉnh ủy, Chủ tịch UBND '
    'tỉnh; các đồng chí trong Ban thường vụ Tỉnh ủy, lãnh đạo các sở, ngành địa phương.'
)

SEED_000_LEDE = (
    '(QK7 Online) - Chiều ngày 30/12, Đoàn công tác Ban thường vụ Đảng ủy Quân khu 7 do Trung tướng Trần '
    'Vinh Ngọc, Bí thư Đảng ủy, Chính ủy Quân khu 7 làm trưởng đoàn đã có buổi làm việc với Ban Thường '
    'vụ Tỉnh ủy Lâm Đồng về công tác quốc phòng, quân sự địa phương.\n'
)

SEED_002_QUOTE = (
    'Thiếu tướng Trần Vinh Ngọc – Bí thư Đảng ủy, Chính ủy Quân khu 7 – đánh giá cao kết quả phối hợp '
    'trong năm qua, đồng thời đề nghị các cơ quan chức năng tiếp tục nâng cao chất lượng công tác phối '
    'hợp thời gian tới.'
)

SEED_003_AWARDS = (
    'Dịp này, Bộ Chỉ huy Quân sự tỉnh Lai Châu tặng Giấy khen cho 7 tập thể, 15 cá nhân có thành tích '
    'xuất sắc trong thực hiện Nghị định số 21/2019/NĐ-CP của Chính phủ về khu vực phòng thủ./.'
)
