"""Forms for acting on the analysis: remove a personal detail, escalate, correct the themes."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SelectField, TextAreaField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
)
from wtforms.widgets import HiddenInput

from ..labels import THEME_LABELS, choices
from ..models import Sentiment
from ..nlp import THEMES


class RedactForm(FlaskForm):
    """One suggested personal detail: where it is and what it said, so a stale suggestion is refused."""

    field = HiddenField(validators=[DataRequired()])
    start = IntegerField(widget=HiddenInput(), validators=[InputRequired(), NumberRange(min=0)])
    end = IntegerField(widget=HiddenInput(), validators=[InputRequired(), NumberRange(min=1)])
    text = HiddenField(validators=[DataRequired(), Length(max=500)])
    type = HiddenField(validators=[DataRequired(), Length(max=20)])


class EscalateForm(FlaskForm):
    note = TextAreaField(
        _l("What did you do, or to whom did you pass it on?"),
        description=_l("Kept in the story's history. Do not copy the story's text here."),
        validators=[DataRequired(_l("Please say what you did or to whom you passed it on.")), Length(max=2000)],
    )


class ThemesForm(FlaskForm):
    """One choice per theme: not about it, or about it with a feeling."""

    def chosen(self) -> dict[str, Sentiment]:
        return {code: Sentiment(self[code].data) for code in THEMES if self[code].data}

    def fill_from(self, story) -> None:  # noqa: ANN001 - a Story
        for theme in story.themes:
            if theme.code in THEMES:
                self[theme.code].data = theme.sentiment.value


for _code in THEMES:
    setattr(ThemesForm, _code, SelectField(
        THEME_LABELS[_code], choices=[("", _l("Not about this"))] + choices(Sentiment), validators=[Optional()],
    ))
