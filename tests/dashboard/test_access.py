"""Every dashboard and admin route, for every kind of person; and a check that no route is left out."""
from __future__ import annotations

import pytest

from feedback_app.extensions import db
from feedback_app.models import FunderRemit, Organisation, Role
from tests.conftest import login

ROLES = ["visitor", "storyteller", "staff", "moderator", "funder", "admin"]


def funders_only(ok: int) -> dict[str, int]:
    return {"visitor": 302, "storyteller": 403, "staff": 403, "moderator": 403, "funder": ok, "admin": ok}


def admins_only(ok: int) -> dict[str, int]:
    return {**funders_only(403), "visitor": 302, "admin": ok}


ROUTES = [
    ("GET", "/dashboard/", funders_only(200)),
    ("GET", "/dashboard/stories", funders_only(200)),
    ("GET", "/dashboard/stories.csv", funders_only(200)),
    ("GET", "/dashboard/export/summary.csv", funders_only(200)),
    ("GET", "/admin/funders", admins_only(200)),
    ("POST", "/admin/funders/{funder}/remits", admins_only(400)),  # nothing chosen: the form comes back
    ("POST", "/admin/remits/{remit}/delete", admins_only(302)),
]


def test_every_dashboard_and_admin_route_is_in_the_table(app):
    rules = {rule.rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith(("dashboard.", "admin."))}
    covered = {url.replace("{funder}", "<int:user_id>").replace("{remit}", "<int:remit_id>")
               .replace("summary.csv", "<name>.csv") for _, url, _ in ROUTES}
    assert rules == covered


@pytest.fixture
def people(app, ctx, make_user, make_service):
    service = make_service()
    organisation = db.session.get(Organisation, service.organisation_id)
    users = {"storyteller": make_user(Role.STORYTELLER), "staff": make_user(Role.STORYTELLER, organisation=organisation),
             "moderator": make_user(Role.MODERATOR), "funder": make_user(Role.FUNDER), "admin": make_user(Role.ADMIN)}
    return users, organisation


@pytest.mark.parametrize("role", ROLES)
def test_route_access_by_role(app, people, role):
    users, organisation = people
    for method, template, expected in ROUTES:
        remit = FunderRemit(user_id=users["funder"].id, organisation_id=organisation.id)
        db.session.add(remit)
        db.session.commit()
        client = app.test_client()
        if role != "visitor":
            login(client, users[role])
        url = template.format(funder=users["funder"].id, remit=remit.id)
        response = client.open(url, method=method)
        assert response.status_code == expected[role], f"{method} {url} as {role}"
