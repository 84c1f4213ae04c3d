"""The story form, used to tell a story and to edit it."""
from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional

from ..labels import choices
from ..models import AuthorRole, FftAnswer
from ..sanitize import plain_text
from .common import MultiCheckboxField, strip_whitespace

TITLE_MAX = 150
BODY_MIN, BODY_MAX = 20, 10_000
EXTRA_MAX = 5_000
HOW_FAR_BACK_MONTHS = 36


def months_ago(today: date, months: int) -> date:
    """The first day of the month ``months`` before today's month."""
    index = today.year * 12 + (today.month - 1) - months
    return date(index // 12, index % 12 + 1, 1)


class StoryForm(FlaskForm):
    """Everything a storyteller writes; ``services`` is filled with the services they chose."""

    services = MultiCheckboxField(
        _l("Which services is your story about?"), coerce=int,
        validators=[DataRequired(_l("Please choose at least one service."))],
    )
    title = StringField(
        _l("Give your story a title"),
        validators=[DataRequired(_l("Please give your story a title.")),
                    Length(max=TITLE_MAX, message=_l("Please keep the title under %(max)d characters.", max=TITLE_MAX))],
    )
    body = TextAreaField(
        _l("What happened?"),
        description=_l("Tell it in your own words. Please leave out names and other details that could identify anyone."),
        validators=[DataRequired(_l("Please tell us what happened.")),
                    Length(min=BODY_MIN, max=BODY_MAX,
                           message=_l("Please write between %(min)d and %(max)d characters.", min=BODY_MIN, max=BODY_MAX))],
    )
    what_was_good = TextAreaField(
        _l("What was good? (optional)"),
        validators=[Optional(), Length(max=EXTRA_MAX, message=_l("Please keep this under %(max)d characters.", max=EXTRA_MAX))],
    )
    what_could_be_improved = TextAreaField(
        _l("What could be improved? (optional)"),
        validators=[Optional(), Length(max=EXTRA_MAX, message=_l("Please keep this under %(max)d characters.", max=EXTRA_MAX))],
    )
    how_it_felt = TextAreaField(
        _l("How did it make you feel? (optional)"),
        validators=[Optional(), Length(max=EXTRA_MAX, message=_l("Please keep this under %(max)d characters.", max=EXTRA_MAX))],
    )
    rating_overall = RadioField(
        _l("Overall, how would you rate it, from 1 (very bad) to 5 (very good)?"),
        choices=[(str(n), str(n)) for n in range(1, 6)],
        validators=[InputRequired(_l("Please choose a rating from 1 to 5."))],
    )
    fft_answer = RadioField(
        _l("Overall, how was your experience of our service?"),
        choices=choices(FftAnswer),
        validators=[InputRequired(_l("Please answer this question."))],
    )
    experienced_month = SelectField(_l("Month"), validators=[InputRequired(_l("Please choose the month."))])
    experienced_year = SelectField(_l("Year"), validators=[InputRequired(_l("Please choose the year."))])
    author_role = RadioField(
        _l("Who are you?"), choices=choices(AuthorRole),
        validators=[InputRequired(_l("Please say who you are."))],
    )
    pseudonym = StringField(
        _l("Your pseudonym"),
        description=_l("The name shown with your story. Please do not use your real name."),
        validators=[DataRequired(_l("Please choose a pseudonym.")),
                    Length(max=60, message=_l("Please keep your pseudonym under %(max)d characters.", max=60))],
    )
    contact_email = EmailField(
        _l("Your e-mail address (optional)"),
        description=_l("We send you a private link to follow your story. It is never shown to anyone."),
        filters=[strip_whitespace],
        validators=[Optional(), Email(_l("Please enter a valid e-mail address.")), Length(max=254)],
    )
    agree = BooleanField(
        _l("I understand that a moderator reads my story before it is published, and may remove details that "
           "could identify anyone."),
        validators=[DataRequired(_l("Please confirm that you have read this."))],
    )

    def __init__(self, *args: Any, today: date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today or date.today()
        self.experienced_month.choices = [("", _l("Choose a month"))] + [
            (str(m), format_date(date(2000, m, 1), "MMMM")) for m in range(1, 13)
        ]
        self.experienced_year.choices = [("", _l("Choose a year"))] + [
            (str(y), str(y)) for y in range(self.today.year, self.today.year - 4, -1)
        ]

    def validate_experienced_year(self, field: SelectField) -> None:
        when = self.experienced_on
        if when is None:
            return
        if when > self.today:
            raise ValidationError(_l("The date cannot be in the future."))
        if when < months_ago(self.today, HOW_FAR_BACK_MONTHS):
            raise ValidationError(_l("We can only take stories from the last three years."))

    @property
    def experienced_on(self) -> date | None:
        try:
            return date(int(self.experienced_year.data), int(self.experienced_month.data), 1)
        except (TypeError, ValueError):
            return None

    def story_fields(self) -> dict[str, Any]:
        """The form's answers as story fields (see services.stories.EDITABLE_FIELDS)."""
        return {
            "title": plain_text(self.title.data),
            "body": plain_text(self.body.data),
            "what_was_good": plain_text(self.what_was_good.data) or None,
            "what_could_be_improved": plain_text(self.what_could_be_improved.data) or None,
            "how_it_felt": plain_text(self.how_it_felt.data) or None,
            "experienced_on": self.experienced_on,
            "author_role": AuthorRole(self.author_role.data),
            "pseudonym": plain_text(self.pseudonym.data),
            "rating_overall": int(self.rating_overall.data),
            "fft_answer": FftAnswer(self.fft_answer.data),
        }

    def fill_from(self, story: Any) -> None:
        """Pre-fill from a stored story (for editing)."""
        for name in ("title", "body", "what_was_good", "what_could_be_improved", "how_it_felt", "pseudonym"):
            getattr(self, name).data = getattr(story, name)
        self.rating_overall.data = str(story.rating_overall)
        self.fft_answer.data = story.fft_answer.value
        self.author_role.data = story.author_role.value
        self.experienced_month.data = str(story.experienced_on.month)
        self.experienced_year.data = str(story.experienced_on.year)


class EditStoryForm(StoryForm):
    """Editing keeps the services and needs no new consent or e-mail; a moderator adds a reason."""

    services = None
    contact_email = None
    agree = None


class ModeratorEditForm(EditStoryForm):
    reason = TextAreaField(
        _l("Why are you editing this story?"),
        description=_l("Kept in the story's history."),
        validators=[DataRequired(_l("Please say why you are editing this story.")), Length(max=2000)],
    )
