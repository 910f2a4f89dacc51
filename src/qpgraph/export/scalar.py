"""Attributes as scalars, for formats that take nothing else (GraphML, GEXF, CSV)."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["scalar", "scalar_attrs"]


def scalar(value: Any) -> str | int | float | bool:
    """Lists and dicts as compact JSON, None as an empty string."""
    if value is None:
        return ""
    if isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def scalar_attrs(data: dict[str, Any]) -> dict[str, str | int | float | bool]:
    return {key: scalar(value) for key, value in sorted(data.items())}
