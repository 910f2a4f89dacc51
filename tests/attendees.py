"""Articles that list many attendees in one sentence (as congress reports do), written
for the tests and benchmarks: ``attendees(n)`` names ``n`` officers, each with a rank
and a post, separated by semicolons, in one sentence."""

from __future__ import annotations

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Ngọc", "Xuân", "Trọng", "Đình"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thắng",
         "Vinh", "Tuấn", "Hiếu", "Lâm", "Trung", "Toàn", "Thịnh", "Lộc", "Phúc", "Tài", "Kiên", "Huy", "Đạt", "Tùng", "Việt",
         "Thành"]
RANKS = ["Đại tá", "Thượng tá", "Trung tá"]


def names(n: int) -> list[str]:
    """``n`` different full names (at most 300), no two alike but for the family name (the
    misprints ``qpgraph candidates`` looks for), in a fixed order."""
    assert n <= len(MIDDLE) * len(GIVEN)
    return [f"{FAMILY[i % len(FAMILY)]} {MIDDLE[i % len(MIDDLE)]} {GIVEN[i // len(MIDDLE)]}" for i in range(n)]


def attendees(n: int) -> str:
    """An article (front matter and text) whose second sentence lists ``n`` officers."""
    listed = "; ".join(f"{RANKS[i % 3]} {name}, Phó Chính ủy Sư đoàn {i % 9 + 1}" for i, name in enumerate(names(n)))
    return ("---\npublished: 2025-03-06\n---\n"
            f"Sáng 5/3, Quân khu 7 tổ chức Hội nghị tổng kết công tác. Dự hội nghị có các đồng chí: {listed}.\n")
