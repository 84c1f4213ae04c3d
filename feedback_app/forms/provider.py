"""Forms of the provider area: inviting staff and changing a member's role."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField
from wtforms.validators import DataRequired, Email, Length

from ..labels import choices
from ..models import MembershipRole
from .common import strip_whitespace


def _role_choices() -> list[tuple[str, object]]:
    """The organisation roles, most common first."""
    labels = dict(choices(MembershipRole))
    return [(role.value, labels[role.value])
            for role in (MembershipRole.RESPONDER, MembershipRole.READER, MembershipRole.ADMIN)]


class RoleForm(FlaskForm):
    # No default: a post without a role must be refused, not quietly read as "responder".
    role = SelectField(_l("Role"), choices=_role_choices, validators=[DataRequired(_l("Please choose a role."))])

    def chosen_role(self) -> MembershipRole:
        """The role as the enum."""
        return MembershipRole(self.role.data)


class InviteForm(RoleForm):
    email = EmailField(
        _l("E-mail address"), filters=[strip_whitespace],
        validators=[DataRequired(_l("Please enter the e-mail address to invite.")),
                    Email(_l("Please enter a valid e-mail address.")), Length(max=254)],
    )


# What each role may do, shown next to the choice.
ROLE_HINTS: dict[MembershipRole, object] = {
    MembershipRole.READER: _l("Reads the stories about the organisation's services."),
    MembershipRole.RESPONDER: _l("Reads the stories and answers them in public."),
    MembershipRole.ADMIN: _l("Reads, answers, and manages the team."),
}
