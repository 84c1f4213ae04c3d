"""Parsing query-string values: anything malformed counts as absent, never as an error."""
from __future__ import annotations

from datetime import date

from flask import request

from ..models import Sentiment, ServiceKind
from ..nlp import THEMES


def int_arg(name: str, low: int | None = None, high: int | None = None) -> int | None:
    value = request.args.get(name, "")
    if not value.isdigit():
        return None
    number = int(value)
    if (low is not None and number < low) or (high is not None and number > high):
        return None
    return number


def month_arg(name: str) -> date | None:
    """A 'YYYY-MM' value as the first day of that month."""
    try:
        year, month = request.args.get(name, "").split("-")
        return date(int(year), int(month), 1)
    except ValueError:
        return None


def kind_arg(name: str = "kind") -> ServiceKind | None:
    value = request.args.get(name, "")
    return ServiceKind(value) if value in {k.value for k in ServiceKind} else None


def text_arg(name: str = "q", max_length: int = 100) -> str:
    return request.args.get(name, "").strip()[:max_length]


def sentiment_arg(name: str = "sentiment") -> Sentiment | None:
    value = request.args.get(name, "")
    return Sentiment(value) if value in {s.value for s in Sentiment} else None


def theme_arg(name: str = "theme") -> str | None:
    value = request.args.get(name, "")
    return value if value in THEMES else None
