"""Small forms used across the site."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectMultipleField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget


def optional_int(value: object) -> int | None:
    """Coerce a select's value: the empty "any" choice is None (a value that is no number fails the field)."""
    return None if value in (None, "", "None") else int(value)


def strip_whitespace(value: str | None) -> str | None:
    """A WTForms filter: surrounding spaces pasted with an address are not part of it."""
    return value.strip() if isinstance(value, str) else value


class ActionForm(FlaskForm):
    """A button that changes something: nothing but the CSRF token."""


class ReasonForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(_l("Please give a reason.")), Length(max=2000)])


class LanguageForm(FlaskForm):
    language = HiddenField()
    next = HiddenField()
    submit = SubmitField()


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes, one per choice."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()
