"""Inviting staff, accepting the link once, and the organisation admin's changes to the team."""
from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Invitation, Membership, MembershipRole, Organisation, OutboxMessage, Role, User
from feedback_app.models.base import utcnow
from feedback_app.services import ServiceError
from feedback_app.services.invitations import (
    accept_invitation,
    change_member_role,
    find_invitation,
    invite_staff,
    remove_member,
    revoke_invitation,
)
from feedback_app.services.notifications import sent_messages
from feedback_app.services.stories import hash_token
from tests.conftest import PASSWORD, login

LINK = re.compile(r"https?://[^/\s]+(/invitations/[A-Za-z0-9_\-]+)")


@pytest.fixture
def people(make_organisation, make_user):
    """An organisation with one admin and one reader (detached: page tests use no shared app context)."""
    organisation = make_organisation(name="Riverside Care")
    return {
        "organisation": organisation,
        "admin": make_user(Role.STORYTELLER, organisation=organisation, membership_role=MembershipRole.ADMIN),
        "reader": make_user(Role.STORYTELLER, organisation=organisation, membership_role=MembershipRole.READER),
    }


@pytest.fixture
def team(ctx, people):
    """The same, in the session of a request context, for calling the services."""
    return {"organisation": db.session.get(Organisation, people["organisation"].id),
            "admin": db.session.get(User, people["admin"].id), "reader": db.session.get(User, people["reader"].id)}


def membership(user: User, organisation: Organisation) -> Membership | None:
    return db.session.scalar(select(Membership).where(
        Membership.user_id == user.id, Membership.organisation_id == organisation.id))


def invite(team, email="new.nurse@example.org", role=MembershipRole.RESPONDER) -> tuple[Invitation, str]:
    invitation, token = invite_staff(team["organisation"], email, role, team["admin"])
    db.session.commit()
    return invitation, token


# The services


def test_invite_stores_only_a_hash_and_queues_the_link(app, team):
    invitation, token = invite(team, email="  New.Nurse@Example.org ")
    assert invitation.email == "new.nurse@example.org"
    assert invitation.token_hash == hash_token(token) and token not in invitation.token_hash
    assert len(token) >= 40
    assert abs(invitation.expires_at - (utcnow() + timedelta(days=7))) < timedelta(minutes=1)
    message = db.session.scalar(select(OutboxMessage))
    assert message.recipient == "new.nurse@example.org"
    assert "Riverside Care" in message.subject and "Riverside Care" in message.body
    assert f"/invitations/{token}" in message.body
    assert "Responder" in message.body and team["admin"].display_name in message.body


def test_invitation_days_come_from_the_config(app, team):
    app.config["INVITATION_DAYS"] = 2
    invitation, _token = invite(team)
    assert abs(invitation.expires_at - (utcnow() + timedelta(days=2))) < timedelta(minutes=1)


def test_a_new_invitation_replaces_the_pending_one(app, team):
    first, first_token = invite(team)
    second, second_token = invite(team, role=MembershipRole.ADMIN)
    assert find_invitation(first_token).revoked_at is not None
    assert find_invitation(second_token).revoked_at is None


def test_inviting_a_member_is_refused(app, team):
    with pytest.raises(ServiceError):
        invite_staff(team["organisation"], team["reader"].email.upper(), MembershipRole.ADMIN, team["admin"])


def test_accepting_creates_the_membership_once(app, team, make_user):
    invitation, token = invite(team)
    newcomer = db.session.get(User, make_user().id)
    accept_invitation(invitation, newcomer)
    db.session.commit()
    assert membership(newcomer, team["organisation"]).role is MembershipRole.RESPONDER
    assert invitation.accepted_at is not None and invitation.accepted_by_id == newcomer.id
    with pytest.raises(ServiceError, match="already been used"):
        accept_invitation(find_invitation(token), db.session.get(User, make_user().id))


def test_accepting_updates_an_existing_members_role(app, team):
    invitation, _token = invite_staff(team["organisation"], "someone@example.org", MembershipRole.RESPONDER,
                                      team["admin"])
    accept_invitation(invitation, team["reader"])
    assert membership(team["reader"], team["organisation"]).role is MembershipRole.RESPONDER


def test_expired_and_revoked_invitations_are_refused(app, team):
    expired, _ = invite(team, email="late@example.org")
    expired.expires_at = utcnow() - timedelta(seconds=1)
    revoked, _ = invite(team, email="gone@example.org")
    revoke_invitation(revoked)
    for invitation, words in ((expired, "expired"), (revoked, "withdrawn")):
        with pytest.raises(ServiceError, match=words):
            accept_invitation(invitation, team["reader"])


def test_an_accepted_invitation_cannot_be_revoked(app, team):
    invitation, _ = invite(team)
    accept_invitation(invitation, team["reader"])
    with pytest.raises(ServiceError):
        revoke_invitation(invitation)


def test_forged_and_malformed_tokens_find_nothing(app, team):
    invite(team)
    assert find_invitation("forged-token") is None
    assert find_invitation("") is None
    assert find_invitation("x" * 5000) is None


def test_change_member_role(app, team):
    reader = membership(team["reader"], team["organisation"])
    change_member_role(reader, MembershipRole.ADMIN)
    assert reader.role is MembershipRole.ADMIN
    # Now there are two admins, so the first may step down.
    change_member_role(membership(team["admin"], team["organisation"]), MembershipRole.READER)
    db.session.commit()
    assert membership(team["admin"], team["organisation"]).role is MembershipRole.READER


def test_the_last_admin_cannot_be_demoted_or_removed(app, team):
    admin = membership(team["admin"], team["organisation"])
    with pytest.raises(ServiceError, match="at least one admin"):
        change_member_role(admin, MembershipRole.RESPONDER)
    with pytest.raises(ServiceError, match="at least one admin"):
        remove_member(admin)
    assert admin.role is MembershipRole.ADMIN


def test_accepting_cannot_demote_the_last_admin(app, team):
    invitation, _ = invite_staff(team["organisation"], "x@example.org", MembershipRole.READER, team["admin"])
    with pytest.raises(ServiceError, match="at least one admin"):
        accept_invitation(invitation, team["admin"])


def test_remove_member(app, team):
    remove_member(membership(team["reader"], team["organisation"]))
    db.session.commit()
    assert membership(team["reader"], team["organisation"]) is None


# The pages (no request context of the test's own: a shared one would share the signed-in user too)


def invitation_link(recipient: str) -> str:
    message = next(m for m in reversed(sent_messages) if m["To"] == recipient)
    return LINK.search(message.get_content()).group(1)


def role_of(app, user: User, organisation: Organisation) -> MembershipRole | None:
    with app.app_context():
        found = membership(user, organisation)
        return found.role if found else None


def membership_id(app, user: User, organisation: Organisation) -> int:
    with app.app_context():
        return membership(user, organisation).id


def invite_by(app, people, email="new.nurse@example.org", role=MembershipRole.RESPONDER, **changes) -> str:
    """Invite through the service and return the token; ``changes`` are set on the invitation."""
    with app.test_request_context(method="POST"):
        invitation, token = invite_staff(db.session.get(Organisation, people["organisation"].id), email, role,
                                         db.session.get(User, people["admin"].id))
        for name, value in changes.items():
            setattr(invitation, name, value)
        db.session.commit()
        return token


def signed_in(app, user: User):
    client = app.test_client()
    login(client, user)
    return client


def test_admin_invites_and_the_newcomer_registers_and_accepts(app, people):
    organisation = people["organisation"]
    admin = signed_in(app, people["admin"])
    response = admin.post(f"/provider/{organisation.slug}/team/invitations",
                          data={"email": "newcomer@example.org", "role": "responder"})
    assert response.status_code == 302
    assert "newcomer@example.org" in admin.get(f"/provider/{organisation.slug}/team").get_data(as_text=True)
    link = invitation_link("newcomer@example.org")

    newcomer = app.test_client()
    page = newcomer.get(link).get_data(as_text=True)
    assert "Riverside Care" in page and "Responder" in page
    assert f"/account/register?next={link}" in unquote(page)
    assert f"/account/login?next={link}" in unquote(page)
    response = newcomer.post(f"/account/register?next={link}", data={
        "display_name": "Nia", "email": "newcomer@example.org", "password": PASSWORD, "password_again": PASSWORD,
    })
    assert response.status_code == 302 and response.headers["Location"].endswith(link)
    assert "Accept" in newcomer.get(link).get_data(as_text=True)
    response = newcomer.post(link)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/provider/{organisation.slug}/")
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "newcomer@example.org"))
        assert membership(user, organisation).role is MembershipRole.RESPONDER
    assert newcomer.get(response.headers["Location"]).status_code == 200


def test_signed_in_user_accepts_and_the_link_is_then_spent(app, people, make_user):
    token = invite_by(app, people, role=MembershipRole.READER)
    user = make_user()
    client = signed_in(app, user)
    page = client.get(f"/invitations/{token}").get_data(as_text=True)
    assert "Accept" in page and "/account/register" not in page
    assert client.post(f"/invitations/{token}").status_code == 302
    assert role_of(app, user, people["organisation"]) is MembershipRole.READER
    again = client.post(f"/invitations/{token}")
    assert again.status_code == 410 and "already been used" in again.get_data(as_text=True)
    assert client.get(f"/invitations/{token}").status_code == 410
    # Nor can anyone else use it.
    assert signed_in(app, make_user()).post(f"/invitations/{token}").status_code == 410


def test_anonymous_accept_is_sent_to_sign_in(app, people):
    token = invite_by(app, people)
    response = app.test_client().post(f"/invitations/{token}")
    assert response.status_code == 302 and "/account/login" in response.headers["Location"]


def test_expired_revoked_and_forged_links_say_so(app, people, client):
    expired = invite_by(app, people, email="late@example.org", expires_at=utcnow() - timedelta(seconds=1))
    revoked = invite_by(app, people, email="gone@example.org")
    with app.app_context():
        invitation_id = find_invitation(revoked).id
    admin = signed_in(app, people["admin"])
    slug = people["organisation"].slug
    assert admin.post(f"/provider/{slug}/team/invitations/{invitation_id}/revoke").status_code == 302
    for token, status, words in ((expired, 410, "expired"), (revoked, 410, "withdrawn"),
                                 ("forged", 404, "not valid"), ("y" * 300, 404, "not valid")):
        for response in (client.get(f"/invitations/{token}"), signed_in(app, people["reader"]).post(f"/invitations/{token}")):
            assert response.status_code == status and words in response.get_data(as_text=True), token


def test_refused_invite_form_comes_back_filled_in(app, people):
    client = signed_in(app, people["admin"])
    url = f"/provider/{people['organisation'].slug}/team/invitations"
    response = client.post(url, data={"email": "not-an-address", "role": "admin"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'value="not-an-address"' in page and "valid e-mail address" in page
    assert re.search(r'<option (selected )?value="admin"( selected)?>', page).group(0) != '<option value="admin">'
    response = client.post(url, data={"email": people["reader"].email, "role": "reader"})
    assert response.status_code == 400 and "already a member" in response.get_data(as_text=True)


def test_admin_changes_a_role_but_not_the_last_admins(app, people):
    client = signed_in(app, people["admin"])
    slug, organisation = people["organisation"].slug, people["organisation"]
    reader_id = membership_id(app, people["reader"], organisation)
    admin_id = membership_id(app, people["admin"], organisation)
    assert client.post(f"/provider/{slug}/team/members/{reader_id}/role", data={"role": "responder"}).status_code == 302
    response = client.post(f"/provider/{slug}/team/members/{admin_id}/role", data={"role": "reader"})
    assert response.status_code == 400 and "at least one admin" in response.get_data(as_text=True)
    response = client.post(f"/provider/{slug}/team/members/{admin_id}/remove", follow_redirects=True)
    assert "at least one admin" in response.get_data(as_text=True)
    assert role_of(app, people["reader"], organisation) is MembershipRole.RESPONDER
    assert role_of(app, people["admin"], organisation) is MembershipRole.ADMIN


def test_admin_removes_a_member(app, people):
    organisation = people["organisation"]
    reader_id = membership_id(app, people["reader"], organisation)
    response = signed_in(app, people["admin"]).post(f"/provider/{organisation.slug}/team/members/{reader_id}/remove")
    assert response.status_code == 302
    assert role_of(app, people["reader"], organisation) is None
    # The removed reader no longer finds the inbox.
    assert signed_in(app, people["reader"]).get(f"/provider/{organisation.slug}/").status_code == 404
