"""The evidence of an answer: where a fact is printed, as plain pydantic data."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

__all__ = ["Evidence", "as_evidence"]


class Evidence(BaseModel):
    article: str
    date: str | None = None
    sentence: int | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    sentence_text: str | None = None


def as_evidence(data: dict[str, Any]) -> Evidence:
    """The evidence of an edge's data (or any mapping with its fields)."""
    return Evidence.model_validate({k: data.get(k) for k in Evidence.model_fields})
