"""The demo accounts: one for every role, and a few more storytellers."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from ..extensions import db
from ..models import Membership, MembershipRole, Organisation, Role, User
from ..services.accounts import register_user

DEFAULT_PASSWORD = "demo-password"
# The organisation whose staff account is the demo's provider view; it has stories on several wards.
STAFF_ORGANISATION = "Riverside General Hospital"

# (e-mail, display name, platform role, locale): the five accounts the README lists.
ROLE_ACCOUNTS = (
    ("storyteller@example.org", "Alex (demo storyteller)", Role.STORYTELLER, "en"),
    ("staff@example.org", "Sam (demo provider staff)", Role.STORYTELLER, "en"),
    ("moderator@example.org", "Morgan (demo moderator)", Role.MODERATOR, "en"),
    ("funder@example.org", "Robin (demo funder)", Role.FUNDER, "en"),
    ("admin@example.org", "Kai (demo admin)", Role.ADMIN, "en"),
)
MORE_STORYTELLERS = (
    ("priya@example.org", "Priya", "en"),
    ("tom@example.org", "Tom", "en"),
    ("grace@example.org", "Grace", "en"),
    ("jana@example.org", "Jana", "de"),
    ("mehmet@example.org", "Mehmet", "de"),
    ("lena@example.org", "Lena", "de"),
)


@dataclass
class DemoCast:
    """The demo accounts, by part they play."""

    storyteller: User
    staff: User
    moderator: User
    funder: User
    admin: User
    storytellers_by_language: dict[str, list[User]] = field(default_factory=dict)

    def accounts(self) -> list[User]:
        """The five role accounts, in the order they are listed to people."""
        return [self.storyteller, self.staff, self.moderator, self.funder, self.admin]


def create_demo_accounts(password: str) -> DemoCast:
    """Register the demo accounts, and make the staff account a responder of the staff organisation."""
    storyteller, staff, moderator, funder, admin = (
        register_user(email, password, name, role=role, locale=locale) for email, name, role, locale in ROLE_ACCOUNTS
    )
    organisation = db.session.scalar(select(Organisation).where(Organisation.name == STAFF_ORGANISATION))
    if organisation is None:
        raise LookupError(f"The demo directory has no organisation called {STAFF_ORGANISATION!r}")
    db.session.add(Membership(user=staff, organisation=organisation, role=MembershipRole.RESPONDER))

    by_language: dict[str, list[User]] = {"en": [storyteller], "de": []}
    for email, name, locale in MORE_STORYTELLERS:
        by_language[locale].append(register_user(email, password, name, role=Role.STORYTELLER, locale=locale))
    db.session.flush()
    return DemoCast(storyteller, staff, moderator, funder, admin, by_language)
