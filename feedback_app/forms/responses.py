"""Forms of the conversation: a provider's response, a storyteller's reply, confirming a change, reporting."""
from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, EmailField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional

from ..models import ChangeOutcome, ChangeStatus
from .common import strip_whitespace

BODY_MAX = 5_000


class ResponseForm(FlaskForm):
    body = TextAreaField(
        _l("Your response"), description=_l("It is published under the story, signed with your name and job title."),
        validators=[DataRequired(_l("Please write your response.")),
                    Length(min=20, max=BODY_MAX, message=_l("Please write between %(min)d and %(max)d characters.",
                                                            min=20, max=BODY_MAX))],
    )
    signed_name = StringField(_l("Your name"), validators=[DataRequired(_l("Please give your name.")),
                                                           Length(max=80)])
    job_title = StringField(_l("Your job title"), validators=[DataRequired(_l("Please give your job title.")),
                                                              Length(max=120)])
    change_status = RadioField(
        _l("Does your response promise or report a change?"),
        choices=[(ChangeStatus.NONE.value, _l("No")),
                 (ChangeStatus.PLANNED.value, _l("Yes: a change is planned")),
                 (ChangeStatus.MADE.value, _l("Yes: a change has been made"))],
        default=ChangeStatus.NONE.value, validators=[InputRequired()],
    )
    change_description = TextAreaField(
        _l("What is changing?"), validators=[Optional(), Length(max=2_000)],
        description=_l("Plain words the storyteller and the public can check."),
    )
    change_due = DateField(_l("Planned by (date)"), validators=[Optional()])

    def validate(self, extra_validators=None) -> bool:  # noqa: ANN001
        # Cross-field rules run here: an empty optional field stops its own validators before they see it.
        valid = super().validate(extra_validators)
        if self.change_status.data != ChangeStatus.NONE.value and not (self.change_description.data or "").strip():
            self.change_description.errors.append(_l("Please describe the change."))
            valid = False
        if self.change_status.data == ChangeStatus.PLANNED.value:
            due = self.change_due.data
            if due is None and not self.change_due.errors:
                self.change_due.errors.append(_l("Please say by when the change is planned."))
                valid = False
            elif due is not None and due < date.today():
                self.change_due.errors.append(_l("A planned date cannot be in the past."))
                valid = False
        return valid

    @property
    def change(self) -> ChangeStatus:
        return ChangeStatus(self.change_status.data)


class ReplyForm(FlaskForm):
    body = TextAreaField(
        _l("Your reply"), description=_l("A moderator reads it before it is published."),
        validators=[DataRequired(_l("Please write your reply.")),
                    Length(max=BODY_MAX, message=_l("Please keep this under %(max)d characters.", max=BODY_MAX))],
    )


class ConfirmChangeForm(FlaskForm):
    outcome = RadioField(
        _l("Did this change happen?"),
        choices=[(ChangeOutcome.CONFIRMED.value, _l("Yes, it happened")),
                 (ChangeOutcome.DISPUTED.value, _l("No, it has not happened"))],
        validators=[InputRequired(_l("Please choose an answer."))],
    )
    comment = TextAreaField(_l("Anything to add? (optional, shown with your answer)"),
                            validators=[Optional(), Length(max=2_000)])


class ReportForm(FlaskForm):
    reason = TextAreaField(
        _l("What is the problem?"),
        description=_l("For example: it names someone, it is offensive, or it is not true."),
        validators=[DataRequired(_l("Please say what the problem is.")), Length(max=2_000)],
    )
    email = EmailField(_l("Your e-mail address (optional)"), filters=[strip_whitespace],
                       description=_l("Only if you would like to hear what the moderators decided."),
                       validators=[Optional(), Email(_l("Please enter a valid e-mail address.")), Length(max=254)])


class DecideReportForm(FlaskForm):
    decision = RadioField(
        _l("Decision"),
        choices=[("uphold", _l("Uphold: take the content down")), ("dismiss", _l("Dismiss: leave it up"))],
        validators=[InputRequired(_l("Please choose a decision."))],
    )
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(_l("Please give a reason.")), Length(max=2_000)])
