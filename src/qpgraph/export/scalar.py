"""Attributes as scalars, for formats that take nothing else (GraphML, GEXF, CSV).

>>> scalar(["b", {"y": 1, "x": None}]), scalar(None), scalar(3)
('["b",{"x":null,"y":1}]', '', 3)
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["scalar", "scalar_attrs", "to_json"]

#: Compact JSON with sorted keys (one encoder, not one per value as ``json.dumps`` with options makes).
to_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def scalar(value: Any) -> str | int | float | bool:
    """Lists and dicts as compact JSON, None as an empty string."""
    if value is None:
        return ""
    if isinstance(value, (str, int, float, bool)):
        return value
    return to_json(value)


def scalar_attrs(data: dict[str, Any]) -> dict[str, str | int | float | bool]:
    return {key: scalar(value) for key, value in sorted(data.items())}
