"""Parsing query-string values: anything malformed counts as absent, never as an error."""
from __future__ import annotations

from datetime import date

from flask import request
from werkzeug.routing import IntegerConverter

from ..models import Sentiment, ServiceKind
from ..nlp import THEMES

# The largest id a column holds (a 4-byte integer on PostgreSQL): a larger number names nothing, and the
# database would refuse it rather than find nothing.
LARGEST_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """``<int:...>`` in a route: a number past LARGEST_ID is a 404 like any other id that names nothing."""

    def __init__(self, url_map, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003 - werkzeug's signature
        kwargs.setdefault("max", LARGEST_ID)
        super().__init__(url_map, *args, **kwargs)


def whole_number(value: str) -> int | None:
    """A number written in ASCII digits, up to LARGEST_ID; None for anything else ("²" is a digit to
    str.isdigit, but int() refuses it)."""
    if not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if number <= LARGEST_ID else None


def int_arg(name: str, low: int | None = None, high: int | None = None) -> int | None:
    number = whole_number(request.args.get(name, ""))
    if number is None or (low is not None and number < low) or (high is not None and number > high):
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
