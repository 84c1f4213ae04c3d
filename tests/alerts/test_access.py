"""Every alerts route, for every role: alerts are for provider staff, funders and admins; unsubscribe for all."""
from __future__ import annotations

import pytest

from feedback_app.extensions import db
from feedback_app.models import Frequency, Organisation, Role, Subscription
from feedback_app.services.subscriptions import unsubscribe_token
from tests.conftest import login

ROLES = ["visitor", "storyteller", "staff", "funder", "moderator", "admin"]


def alert_users(ok: int, visitor: int = 302, others: int = 403) -> dict[str, int]:
    return {role: ok if role in ("staff", "funder", "admin") else visitor if role == "visitor" else others
            for role in ROLES}


def everyone(code: int) -> dict[str, int]:
    return {role: code for role in ROLES}


# (method, URL, {role: expected status}). {own} is an alert of the signed-in person, {staffs} another one of
# "staff", {token} unsubscribes a storyteller's follow-up of their story.
ROUTES = [
    ("GET", "/alerts", alert_users(200)),
    ("GET", "/alerts/new", alert_users(200)),
    ("POST", "/alerts/new", alert_users(400)),  # an empty form: refused, back with the messages
    ("POST", "/alerts/{own}/pause", alert_users(302)),
    ("POST", "/alerts/{own}/resume", alert_users(302)),
    ("POST", "/alerts/{staffs}/pause", {**alert_users(404), "staff": 302}),  # another person's alert
    ("POST", "/alerts/{staffs}/delete", {**alert_users(404), "staff": 302}),
    ("POST", "/alerts/{own}/delete", alert_users(302)),
    ("GET", "/unsubscribe/{token}", everyone(200)),
    ("POST", "/unsubscribe/{token}", everyone(200)),
    ("GET", "/unsubscribe/forged-token", everyone(404)),
    ("POST", "/unsubscribe/forged-token", everyone(404)),
]


def test_every_alerts_route_is_in_the_table(app):
    rules = {rule.rule.replace("<int:subscription_id>", "{own}").replace("<token>", "{token}")
             for rule in app.url_map.iter_rules() if rule.endpoint.startswith("alerts.")}
    covered = {url.replace("{staffs}", "{own}").replace("forged-token", "{token}") for _, url, _ in ROUTES}
    assert rules - covered == set(), f"alerts routes without an access expectation: {sorted(rules - covered)}"


@pytest.fixture
def world(app, ctx, make_user, make_service, make_story):
    service = make_service()
    organisation = db.session.get(Organisation, service.organisation_id)
    users = {
        "storyteller": make_user(Role.STORYTELLER),
        "staff": make_user(Role.STORYTELLER, organisation=organisation),
        "funder": make_user(Role.FUNDER),
        "moderator": make_user(Role.MODERATOR),
        "admin": make_user(Role.ADMIN),
    }
    alerts = {}
    for role, user in users.items():
        alert = Subscription(user_id=user.id, email=user.email, frequency=Frequency.DAILY)
        db.session.add(alert)
        db.session.flush()
        alerts[role] = alert.id
    second = Subscription(user_id=users["staff"].id, email=users["staff"].email, frequency=Frequency.IMMEDIATE)
    follow_up = Subscription(email="sam@example.org", story_id=make_story().id)
    db.session.add_all([second, follow_up])
    db.session.commit()
    return {"users": users, "alerts": alerts, "second": second.id, "token": unsubscribe_token(follow_up)}


@pytest.mark.parametrize("role", ROLES)
def test_alerts_route_access_by_role(app, world, role):
    values = {"own": world["alerts"].get(role, world["alerts"]["staff"]), "staffs": world["second"],
              "token": world["token"]}
    for method, template, expected in ROUTES:
        client = app.test_client()
        if role != "visitor":
            login(client, world["users"][role])
        url = template.format(**values)
        response = client.open(url, method=method)
        assert response.status_code == expected[role], f"{method} {url} as {role}"
