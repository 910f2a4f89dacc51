"""The change report between two builds, exact, on a fixture pair."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from qpgraph.cli import main
from qpgraph.corpus import build

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
OLD = [RAW / "002_89c7204c73c9a37e.txt", RAW / "dev-20.txt"]
NEW = [*OLD, RAW / "dev-29.txt"]

EXPECTED = """## Knowledge graph changes

1 new article(s), 0 removed.

### New persons (2)

- Lê Xuân Thế (dev-29)
- Phan Văn Giang (dev-29)

### New units (1)

- Bộ Chính trị (dev-29)

### Leadership changes (1)

- **Quân khu 7**, Tư lệnh: Nguyễn Trường Thắng → Lê Xuân Thế (dev-29, 2025-12-19)

### New or changed posts (4)

- Lê Xuân Thế: Tư lệnh Quân khu 7 (dev-29, 2025-12-19)
- Phan Văn Giang: Bộ trưởng Bộ Quốc phòng (dev-29, 2025-12-19)
- Phan Văn Giang: Phó Bí thư Quân ủy Trung ương (dev-29, 2025-12-19)
- Phan Văn Giang: Ủy viên Bộ Chính trị (dev-29, 2025-12-19)

### Promotions (1)

- Trần Vinh Ngọc: Thiếu tướng → Trung tướng (dev-29, 2025-12-19)

### New meetings (1)

- 2025-12-19, ceremony: Lê Xuân Thế, Phan Văn Giang, Trần Vinh Ngọc (dev-29)
"""


def test_graph_changes_report_is_exact(tmp_path: Path) -> None:
    build(OLD, tmp_path / "old")
    build(NEW, tmp_path / "new")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old"), str(tmp_path / "new")])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == EXPECTED


def test_graph_changes_nothing_new(tmp_path: Path) -> None:
    build(OLD, tmp_path / "old")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old"), str(tmp_path / "old")])
    assert result.stdout == "## Knowledge graph changes\n\n0 new article(s), 0 removed.\n"
