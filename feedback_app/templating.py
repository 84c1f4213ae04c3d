"""What every template can use: role names, enum labels, the current language, field attributes."""
from __future__ import annotations

from typing import Any

from flask import Flask, request, url_for
from flask_babel import format_date, format_datetime, format_decimal, format_percent, format_timedelta

from .i18n import current_language
from .labels import change_value, field_name, label, pii_label, safeguarding_label, theme_label
from .models import Progress, Role
from .sanitize import paragraphs


def field_attrs(field: Any, **extra: Any) -> dict[str, Any]:
    """Accessibility attributes for a form field: required, invalid, and which hint and error describe it."""
    attrs: dict[str, Any] = {key.replace("_", "-"): value for key, value in extra.items() if value is not None}
    described_by = []
    if field.description:
        described_by.append(f"{field.id}-hint")
    if field.errors:
        described_by.append(f"{field.id}-error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.flags.required:
        attrs["aria-required"] = "true"
    return attrs


def page_url(number: int) -> str:
    """This page's URL with the same query, on page ``number``."""
    args = request.args.to_dict(flat=False)
    args["page"] = [str(number)]
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        Role=Role, label=label, theme_label=theme_label, field_attrs=field_attrs, current_language=current_language,
        page_url=page_url, progress_stages=list(Progress), change_value=change_value, pii_label=pii_label, safeguarding_label=safeguarding_label, field_name=field_name,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    register_filters(app)


def format_month(value) -> str:  # noqa: ANN001 - a date
    """'March 2025' / 'März 2025'."""
    return format_date(value, "MMMM yyyy") if value else ""


def register_filters(app: Flask) -> None:
    app.jinja_env.filters.update(
        paragraphs=paragraphs,
        format_month=format_month,
        format_date=lambda value, fmt="medium": format_date(value, fmt) if value else "",
        format_datetime=lambda value, fmt="medium": format_datetime(value, fmt) if value else "",
        format_decimal=format_decimal,
        format_percent=format_percent,
        zip_self=lambda values: [(value, value) for value in values],
        options_of=lambda items, value="id", text="name": [(getattr(i, value), getattr(i, text)) for i in items],
        format_timedelta=lambda value: format_timedelta(value, threshold=1.1) if value is not None else "",
    )
