"""Every provider and invitation route, for every kind of person: the status code each gets.

A member of one organisation must never reach another's inbox, stories or team: those answer 404, as for an
organisation that does not exist. A member without the right role gets 403.
"""
from __future__ import annotations

import pytest

from feedback_app.extensions import db
from feedback_app.models import Membership, MembershipRole, Organisation, Role, Story, StoryStatus, User
from feedback_app.models.base import utcnow
from feedback_app.services.invitations import accept_invitation, invite_staff
from feedback_app.services.progress import open_progress
from tests.conftest import login

# reader, responder and org_admin belong to the organisation under test; parent_admin is an admin of its parent;
# child_reader reads a child organisation's stories; outsider is an admin of an unrelated organisation.
ROLES = ["visitor", "storyteller", "reader", "responder", "org_admin", "parent_admin", "child_reader", "outsider",
         "moderator", "funder", "admin"]
READERS = ("reader", "responder", "org_admin", "parent_admin", "admin")
MANAGERS = ("org_admin", "parent_admin", "admin")
ONE_MEMBERSHIP = ("reader", "responder", "org_admin", "parent_admin", "child_reader", "outsider")


def everyone(code: int, visitor: int | None = None) -> dict[str, int]:
    return {role: code for role in ROLES} | ({"visitor": visitor} if visitor else {})


def readers(code: int, **exceptions: int) -> dict[str, int]:
    """``code`` for those who may read the organisation's inbox, 404 for everyone else, login for visitors."""
    return {role: code if role in READERS else 404 for role in ROLES} | {"visitor": 302} | exceptions


def managers(code: int) -> dict[str, int]:
    """``code`` for those who manage the team, 403 for its other members, 404 for outsiders."""
    return readers(403) | {role: code for role in MANAGERS}


# (method, URL with {placeholders}, {role: expected status}). Requests that change the team come last.
ROUTES = [
    ("GET", "/provider/", {**everyone(200, visitor=302), **{role: 302 for role in ONE_MEMBERSHIP}}),
    ("GET", "/provider/{org}/", readers(200)),
    ("GET", "/provider/{org}/?progress=unread&theme=communication&service={other_service}", readers(200)),
    ("GET", "/provider/no-such-organisation/", everyone(404, visitor=302)),
    ("GET", "/provider/{other_org}/", {**everyone(404, visitor=302), "outsider": 200, "admin": 200}),
    ("GET", "/provider/{org}/stories/{story}", readers(200)),
    ("GET", "/provider/{org}/stories/{other_story}", everyone(404, visitor=302)),
    ("GET", "/provider/{org}/stories/{pending_story}", everyone(404, visitor=302)),
    ("POST", "/provider/{org}/stories/{story}", readers(400, reader=403, admin=403)),  # an empty response
    ("GET", "/provider/{org}/team", managers(200)),
    ("GET", "/provider/{other_org}/team", {**everyone(404, visitor=302), "outsider": 200, "admin": 200}),
    ("POST", "/provider/{org}/team/invitations", managers(400)),  # no address given
    ("POST", "/provider/{org}/team/members/{member}/role", managers(400)),  # no role given
    ("POST", "/provider/{org}/team/members/{other_member}/role", managers(404)),
    ("POST", "/provider/{org}/team/invitations/{other_invitation}/revoke", managers(404)),
    ("POST", "/provider/{org}/team/members/{other_member}/remove", managers(404)),
    ("POST", "/provider/{org}/team/invitations/{invitation}/revoke", managers(302)),
    ("POST", "/provider/{org}/team/members/{member}/remove", managers(302)),
    ("GET", "/invitations/{token}", everyone(200)),
    ("GET", "/invitations/{spent_token}", everyone(410)),
    ("GET", "/invitations/not-a-token", everyone(404)),
    ("POST", "/invitations/{spent_token}", everyone(410, visitor=302)),
    ("POST", "/invitations/not-a-token", everyone(404, visitor=302)),
    ("POST", "/invitations/{token}", everyone(302)),  # accepted (the visitor is sent to sign in)
]
AREAS = ("provider.", "invitations.")
PLACEHOLDERS = {"org": "o", "other_org": "p", "story": 1, "other_story": 2, "pending_story": 3, "member": 4,
                "other_member": 5, "invitation": 6, "other_invitation": 7, "token": "t", "spent_token": "s",
                "other_service": 8}


def test_every_route_has_an_expectation(app):
    adapter = app.url_map.bind("localhost")
    routes = {(rule.endpoint, method) for rule in app.url_map.iter_rules() if rule.endpoint.startswith(AREAS)
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    covered = {(adapter.match(url.format(**PLACEHOLDERS).split("?")[0], method=method)[0], method)
               for method, url, _expected in ROUTES}
    assert not routes - covered, f"routes without an access expectation: {sorted(routes - covered)}"
    assert all(set(expected) == set(ROLES) for _, _, expected in ROUTES)


@pytest.fixture
def world(app, make_organisation, make_user, make_service, make_story):
    parent = make_organisation(name="Parent Trust")
    organisation = make_organisation(name="Riverside Care", parent=parent)
    other = make_organisation(name="Elsewhere Care")
    child = make_organisation(name="Riverside Youth", parent=organisation)

    def staff(org: Organisation, role: MembershipRole) -> User:
        return make_user(Role.STORYTELLER, organisation=org, membership_role=role)

    users = {
        "storyteller": make_user(Role.STORYTELLER), "moderator": make_user(Role.MODERATOR),
        "funder": make_user(Role.FUNDER), "admin": make_user(Role.ADMIN),
        "reader": staff(organisation, MembershipRole.READER), "responder": staff(organisation, MembershipRole.RESPONDER),
        "org_admin": staff(organisation, MembershipRole.ADMIN), "parent_admin": staff(parent, MembershipRole.ADMIN),
        "child_reader": staff(child, MembershipRole.READER), "outsider": staff(other, MembershipRole.ADMIN),
    }
    spare = staff(organisation, MembershipRole.RESPONDER)
    other_spare = staff(other, MembershipRole.READER)
    service, other_service = make_service(organisation=organisation), make_service(organisation=other)
    story = make_story(services=[service])
    other_story = make_story(services=[other_service])
    pending_story = make_story(status=StoryStatus.PENDING, services=[service])
    with app.test_request_context(method="POST"):
        inviter = db.session.get(User, users["org_admin"].id)
        outsider = db.session.get(User, users["outsider"].id)
        home, away = db.session.get(Organisation, organisation.id), db.session.get(Organisation, other.id)
        invitation, token = invite_staff(home, "new@example.org", MembershipRole.ADMIN, inviter)
        waiting, _ = invite_staff(home, "later@example.org", MembershipRole.READER, inviter)
        other_invitation, _ = invite_staff(away, "there@example.org", MembershipRole.READER, outsider)
        spent, spent_token = invite_staff(home, "spent@example.org", MembershipRole.READER, inviter)
        accept_invitation(spent, db.session.get(User, spare.id))
        for published in (story, other_story):  # as publish_story does
            open_progress(db.session.get(Story, published.id))
        member_id = db.session.scalar(db.select(Membership.id).where(Membership.user_id == spare.id))
        other_member_id = db.session.scalar(db.select(Membership.id).where(Membership.user_id == other_spare.id))
        db.session.commit()
        values = {"org": organisation.slug, "other_org": other.slug, "story": story.id, "other_story": other_story.id,
                  "pending_story": pending_story.id, "member": member_id, "other_member": other_member_id,
                  "invitation": waiting.id, "other_invitation": other_invitation.id, "token": token,
                  "spent_token": spent_token, "other_service": other_service.id}
        assert invitation.expires_at > utcnow()
    return {"users": users, "values": values}


@pytest.mark.parametrize("role", ROLES)
def test_route_access_by_role(app, world, role):
    for method, template, expected in ROUTES:
        client = app.test_client()  # a fresh client per request, so one request cannot change the next
        if role != "visitor":
            login(client, world["users"][role])
        url = template.format(**world["values"])
        response = client.open(url, method=method)
        assert response.status_code == expected[role], f"{method} {url} as {role}"


def test_an_outsiders_404_looks_like_a_missing_organisation(app, world):
    client = app.test_client()
    login(client, world["users"]["outsider"])
    hidden = client.get(f"/provider/{world['values']['org']}/")
    missing = client.get("/provider/no-such-organisation/")
    assert hidden.status_code == missing.status_code == 404
    assert "Riverside" not in hidden.get_data(as_text=True)
