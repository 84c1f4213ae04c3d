"""Cutting a story's fields into plain and highlighted pieces, so templates can mark personal details safely."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...models import Story
from ...services.analysis import ANALYSED_FIELDS


@dataclass(frozen=True)
class Piece:
    text: str
    detail: dict[str, Any] | None = None  # the suggested personal detail this piece is, if any


def highlight(text: str, details: list[dict[str, Any]]) -> list[Piece]:
    """``text`` as pieces, the suggested details among them; overlapping or stale suggestions are skipped."""
    pieces, position = [], 0
    for detail in sorted(details, key=lambda d: d["start"]):
        start, end = detail["start"], detail["end"]
        if start < position or text[start:end] != detail["text"]:
            continue
        if start > position:
            pieces.append(Piece(text[position:start]))
        pieces.append(Piece(text[start:end], detail))
        position = end
    if position < len(text):
        pieces.append(Piece(text[position:]))
    return pieces


def highlighted_fields(story: Story) -> dict[str, list[Piece]]:
    """For each written field with suggestions: its pieces. Fields without suggestions are left out."""
    details = (story.findings or {}).get("pii", [])
    by_field: dict[str, list[dict[str, Any]]] = {}
    for detail in details:
        by_field.setdefault(detail["field"], []).append(detail)
    return {
        name: highlight(getattr(story, name) or "", by_field[name])
        for name in ANALYSED_FIELDS if name in by_field
    }
