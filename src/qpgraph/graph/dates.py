"""Partial dates (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) compared as intervals.

>>> date_start("2025-04"), date_start("2025-04-09"), date_start(None)
('2025-04-01', '2025-04-09', None)
>>> on_or_before("2025", "2025-06-30"), on_or_before("2025-12-30", "2025-06-30")
(True, False)
"""

from __future__ import annotations

__all__ = ["date_start", "sort_key", "on_or_before"]


def date_start(date: str | None) -> str | None:
    """The first day a partial date may mean."""
    if not date:
        return None
    parts = date.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])


def sort_key(date: str | None) -> str:
    """Undated facts sort last."""
    return date_start(date) or "9999-99-99"


def on_or_before(date: str | None, day: str) -> bool:
    """Whether a fact dated ``date`` may be known on ``day`` (a partial ``day`` means its last
    moment); an undated fact is unknown in time, never on or before any day.

    >>> on_or_before(None, "2025-06-30")
    False
    """
    start = date_start(date)
    if start is None:
        return False
    limit = day + "-99" * (2 - day.count("-"))
    return start <= limit
