"""The notebook runs, top to bottom, and shows what it says it shows."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb"


def test_notebook_explore_runs_and_answers() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [
        "".join(o.get("text", "") for o in cell.get("outputs", []))
        for cell in notebook.cells
        if cell.cell_type == "code"
    ]
    assert all("Error" not in text for text in outputs)
    assert outputs[2].splitlines() == [
        "2024-12-31",
        "  Tư lệnh    Nguyễn Trường Thắng    reported 2024-04-24 in dev-20",
        "today",
        "  Tư lệnh    Lê Xuân Thế            reported 2025-12-19 in dev-29",
        "  Chính ủy   Trần Vinh Ngọc         reported 2025-12-30 in 000_90873ee1c2f566b3",
    ]
    assert outputs[4].splitlines() == [
        "Trần Đơn               None → None  unknown  reported only in undated articles",
        "Nguyễn Trường Thắng    2024-04-24 → 2024-04-24  ended    succeeded by 2025-08-15",
        "Lê Xuân Thế            2025-08-15 → 2025-12-19  current  ",
    ]
    assert outputs[5].splitlines() == [
        "Huỳnh Việt Trung 2024-10-18 ended handed over 2024-10-18",
        "Tại Hội nghị, Đại tá Huỳnh Việt Trung, Chính ủy Bộ Chỉ huy Quân sự tỉnh bàn giao chức vụ cho Đại tá Võ Văn "
        "Phương, Phó Chính ủy, để nhận nhiệm vụ mới sau khi được điều động công tác.",
        "2024-10-17 []",
        "2024-10-18 [('Chính ủy', 'Huỳnh Việt Trung', 'ended'), ('Phó Chính ủy', 'Võ Văn Phương', 'current')]",
    ]
    assert outputs[7].splitlines()[0] == "Thiếu tướng → Trung tướng on 2025-12-19"
    assert outputs[8].splitlines()[0] == "2025-12-30 meeting 000_90873ee1c2f566b3"
    assert len(outputs[9].splitlines()) == 5
