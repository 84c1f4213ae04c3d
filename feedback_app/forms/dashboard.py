"""The admin's form for a funder's remit: an organisation or a region."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField

from ..models import Organisation
from .common import optional_int


class RemitForm(FlaskForm):
    organisation = SelectField(_l("Organisation"), coerce=optional_int,
                               description=_l("The funder sees it and every organisation under it."))
    region = SelectField(_l("Region"), default="", description=_l("The funder sees every organisation in it."))

    def fill_choices(self, organisations: list[Organisation], regions: list[str]) -> None:
        """Offer every organisation and every region an organisation names."""
        self.organisation.choices = [("", _l("No organisation"))] + [(o.id, o.name) for o in organisations]
        self.region.choices = [("", _l("No region"))] + [(r, r) for r in regions]

    def validate(self, extra_validators=None) -> bool:  # noqa: ANN001 - as WTForms declares it
        if not super().validate(extra_validators):
            return False
        if (self.organisation.data is None) == (not self.region.data):
            self.organisation.errors.append(_l("Choose either an organisation or a region."))
            return False
        return True
