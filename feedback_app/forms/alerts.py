"""The form for a new alert: which stories, and how often."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField
from wtforms.validators import ValidationError

from ..extensions import db
from ..labels import THEME_LABELS, choices
from ..models import Frequency, Organisation, Sentiment, Service
from ..services.browse import organisation_and_descendant_ids
from ..services.subscriptions import Criteria
from .common import optional_int

FREQUENCY_CHOICES = [
    (Frequency.IMMEDIATE.value, _l("At once: one e-mail for each new story")),
    (Frequency.DAILY.value, _l("Once a day: a digest of the day's new stories")),
]


class AlertForm(FlaskForm):
    organisation = SelectField(_l("Organisation"), coerce=optional_int,
                               description=_l("Includes the organisations under it."))
    service = SelectField(_l("Service"), coerce=optional_int)
    theme = SelectField(_l("Theme"), choices=[("", _l("Any theme"))] + list(THEME_LABELS.items()), default="")
    sentiment = SelectField(_l("Feeling"), choices=[("", _l("Any feeling"))] + choices(Sentiment), default="",
                            description=_l("With a theme: how the story speaks of that theme."))
    min_criticality = SelectField(
        _l("Minimum criticality"), coerce=optional_int,
        choices=[("", _l("Any"))] + [(level, str(level)) for level in range(1, 6)],
        description=_l("0 is no criticism, 5 is severe harm or a safeguarding concern."),
    )
    frequency = RadioField(_l("How often"), choices=FREQUENCY_CHOICES, default=Frequency.IMMEDIATE.value)

    def fill_choices(self, organisations: list[Organisation], services: list[Service]) -> None:
        """Offer every organisation and service: staff and funders may follow anything public."""
        self.organisation.choices = [("", _l("Any organisation"))] + [(o.id, o.name) for o in organisations]
        self.service.choices = [("", _l("Any service"))] + [
            (s.id, f"{s.name} ({s.organisation.name})") for s in services
        ]

    def validate_organisation(self, field: SelectField) -> None:
        # One e-mail for every story anywhere would bury the stories that matter; a digest can carry them.
        if (self.frequency.data == Frequency.IMMEDIATE.value
                and field.data is None and self.service.data is None and not self.theme.data):
            raise ValidationError(_l("Choose an organisation, a service or a theme, or ask for a daily digest."))

    def validate_service(self, field: SelectField) -> None:
        # A value that is no choice has its error already, and may be no id a database could look up.
        if field.data is None or self.organisation.data is None or field.errors or self.organisation.errors:
            return
        service = db.session.get(Service, field.data)
        if service is not None and service.organisation_id not in organisation_and_descendant_ids(self.organisation.data):
            raise ValidationError(_l("This service does not belong to the organisation you chose."))

    def criteria(self) -> Criteria:
        """The chosen criteria, as the alert services take them."""
        return Criteria(
            organisation_id=self.organisation.data, service_id=self.service.data, theme=self.theme.data or None,
            sentiment=Sentiment(self.sentiment.data) if self.sentiment.data else None,
            min_criticality=self.min_criticality.data,
        )
