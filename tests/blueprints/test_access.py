"""Every route, for every role: the status code each kind of person gets."""
from __future__ import annotations

import pytest

from feedback_app.extensions import db
from feedback_app.models import Organisation, Role, StoryStatus
from feedback_app.services.stories import Submission, submit_story
from tests.conftest import login, story_fields

ROLES = ["visitor", "storyteller", "author", "staff", "moderator", "funder", "admin"]
SIGNED_IN = {role: 200 for role in ROLES if role != "visitor"}


def everyone(code: int) -> dict[str, int]:
    return {role: code for role in ROLES}


def moderators(ok: int, visitor: int = 302, others: int = 403) -> dict[str, int]:
    return {role: ok if role in ("moderator", "admin") else visitor if role == "visitor" else others for role in ROLES}


# (method, URL with {placeholders}, {role: expected status}). {pending} is a pending story by "author".
ROUTES = [
    ("GET", "/", everyone(200)),
    ("GET", "/health", everyone(200)),
    ("POST", "/language", everyone(302)),
    ("GET", "/stories", everyone(200)),
    ("GET", "/stories/{published}", everyone(200)),
    ("GET", "/stories/{pending}", {**everyone(404), "author": 200, "moderator": 200, "admin": 200}),
    ("GET", "/stories/{pending}/edit", {**everyone(404), "visitor": 302, "author": 200,
                                        "moderator": 403, "admin": 403}),
    ("POST", "/stories/{pending}/withdraw", {**everyone(404), "visitor": 302, "author": 302,
                                             "moderator": 403, "admin": 403}),
    ("GET", "/follow/{token}", everyone(200)),
    ("GET", "/follow/not-a-valid-token", everyone(404)),
    ("GET", "/follow/{token}/edit", everyone(200)),
    ("POST", "/follow/{token}/withdraw", everyone(302)),
    ("POST", "/stories/{pending}/reply", {**everyone(404), "visitor": 302, "author": 400,
                                          "moderator": 403, "admin": 403}),  # an empty reply comes back
    ("POST", "/follow/{token}/reply", everyone(400)),
    ("POST", "/stories/{pending}/responses/{missing_response}/confirm", {
        **everyone(404), "visitor": 302, "moderator": 403, "admin": 403}),
    ("POST", "/follow/{token}/responses/{missing_response}/confirm", everyone(404)),
    ("GET", "/stories/{published}/report", everyone(200)),
    ("POST", "/stories/{published}/report", everyone(400)),  # no reason given
    ("GET", "/stories/{pending}/report", everyone(404)),
    ("GET", "/my-stories", {**SIGNED_IN, "visitor": 302}),
    ("GET", "/share/", everyone(200)),
    ("GET", "/share/story?service={service}", everyone(200)),
    ("POST", "/share/story", everyone(302)),  # an empty POST: no service chosen, back to choosing
    ("GET", "/services", everyone(200)),
    ("GET", "/services/{service_slug}", everyone(200)),
    ("GET", "/services/no-such-service", everyone(404)),
    ("GET", "/organisations/{organisation_slug}", everyone(200)),
    ("GET", "/account/login", {**everyone(302), "visitor": 200}),
    ("GET", "/account/register", {**everyone(302), "visitor": 200}),
    ("POST", "/account/logout", {**everyone(302)}),
    ("GET", "/moderation/", moderators(200)),
    ("GET", "/moderation/stories/{pending}", moderators(200)),
    ("POST", "/moderation/stories/{pending}", moderators(400)),  # an empty edit: the form comes back refused
    ("POST", "/moderation/stories/{pending}/publish", moderators(302)),
    ("POST", "/moderation/stories/{pending}/reject", moderators(400)),  # no reason given
    ("POST", "/moderation/stories/{published}/withdraw", moderators(400)),  # no reason given
    ("POST", "/moderation/stories/{pending}/redact", moderators(302)),  # an empty suggestion: refused, back
    ("POST", "/moderation/stories/{pending}/redact-all", moderators(302)),
    ("POST", "/moderation/stories/{pending}/escalate", moderators(400)),  # no note given
    ("POST", "/moderation/stories/{pending}/themes", moderators(302)),
    ("GET", "/moderation/responses", moderators(200)),
    ("POST", "/moderation/responses/{missing_response}/publish", moderators(404)),
    ("POST", "/moderation/responses/{missing_response}/reject", moderators(404)),
    ("GET", "/moderation/reports", moderators(200)),
    ("GET", "/moderation/reports/{missing_report}", moderators(404)),
]


# Areas whose access is walked by their own tests, each with its own every-route check.
TESTED_ELSEWHERE = ("provider.", "alerts.", "invitations.", "dashboard.", "admin.")


def test_every_route_is_in_the_table(app):
    covered = {url.split("?")[0] for _, url, _ in ROUTES}
    rules = {rule.rule for rule in app.url_map.iter_rules()
             if rule.endpoint != "static" and not rule.endpoint.startswith(TESTED_ELSEWHERE)}
    normalised = {
        rule.replace("<int:story_id>", "{published}").replace("<token>", "{token}").replace("<slug>", "{slug}")
        .replace("<int:response_id>", "{missing_response}").replace("<int:report_id>", "{missing_report}")
        for rule in rules
    }
    for url in covered:
        for placeholder in ("{pending}", "{published}"):
            url = url.replace(placeholder, "{published}")
        url = url.replace("{service_slug}", "{slug}").replace("{organisation_slug}", "{slug}")
        url = url.replace("not-a-valid-token", "{token}").replace("no-such-service", "{slug}")
        normalised.discard(url)
    assert not normalised, f"routes without an access expectation: {sorted(normalised)}"


@pytest.fixture
def world(app, ctx, make_user, make_service, make_story):
    service = make_service()
    organisation = db.session.get(Organisation, service.organisation_id)
    users = {
        "storyteller": make_user(Role.STORYTELLER),
        "author": make_user(Role.STORYTELLER),
        "staff": make_user(Role.STORYTELLER, organisation=organisation),
        "moderator": make_user(Role.MODERATOR),
        "funder": make_user(Role.FUNDER),
        "admin": make_user(Role.ADMIN),
    }
    published = make_story(status=StoryStatus.PUBLISHED, services=[service])
    pending = make_story(status=StoryStatus.PENDING, services=[service], author=users["author"])
    anonymous, token = submit_story(Submission(fields=story_fields(), service_ids=[service.id], language="en"))
    db.session.commit()
    assert anonymous.access_token_hash is not None
    return {
        "users": users,
        "values": {"missing_response": 999_999, "missing_report": 999_999, "published": published.id, "pending": pending.id, "token": token, "service": service.id,
                   "service_slug": service.slug, "organisation_slug": organisation.slug},
    }


@pytest.mark.parametrize("role", ROLES)
def test_route_access_by_role(app, world, role):
    for method, template, expected in ROUTES:
        client = app.test_client()  # a fresh client per request, so one request cannot change the next
        if role != "visitor":
            login(client, world["users"][role])
        url = template.format(**world["values"])
        response = client.open(url, method=method)
        assert response.status_code == expected[role], f"{method} {url} as {role}"


def test_json_clients_get_401_not_a_redirect(client):
    response = client.get("/moderation/", headers={"Accept": "application/json"})
    assert response.status_code == 401
    assert response.get_json()["error"] == "unauthorized"


def test_json_clients_get_403_envelope(client, make_user):
    login(client, make_user(Role.STORYTELLER))
    response = client.get("/moderation/", headers={"Accept": "application/json"})
    assert response.status_code == 403
    assert set(response.get_json()) == {"error", "message"}
