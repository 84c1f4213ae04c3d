"""The loop through the web: a provider answers, the storyteller replies and confirms, anyone reports."""
from __future__ import annotations

from datetime import timedelta

import pytest

from feedback_app.extensions import db
from feedback_app.models import (
    MembershipRole,
    Organisation,
    Progress,
    Report,
    ReportStatus,
    Response,
    ResponseStatus,
    Role,
    Story,
    StoryAction,
    StoryProgress,
)
from feedback_app.services.notifications import sent_messages
from tests.conftest import login, story_form

RESPONSE = {"body": "Thank you for telling us. We are sorry the wait was so long.", "signed_name": "Jo Bloggs",
            "job_title": "Ward manager", "change_status": "none"}


@pytest.fixture
def loop(app, make_service, make_user):
    """A story told anonymously with an e-mail address, published; a responder and a moderator."""
    service = make_service(name="Ward 9")
    with app.app_context():
        organisation = db.session.get(Organisation, service.organisation_id)
        db.session.expunge(organisation)
    storyteller = app.test_client()
    link = storyteller.post("/share/story", data=story_form([service.id], contact_email="sam@example.org"))
    link = link.headers["Location"].split("?")[0]
    moderator = app.test_client()
    login(moderator, make_user(Role.MODERATOR))
    with app.app_context():
        story_id = db.session.scalars(db.select(Story.id)).one()
    moderator.post(f"/moderation/stories/{story_id}/publish")
    responder = app.test_client()
    login(responder, make_user(organisation=organisation, membership_role=MembershipRole.RESPONDER))
    sent_messages.clear()
    return {"story_id": story_id, "link": link, "org": organisation, "storyteller": storyteller,
            "moderator": moderator, "responder": responder,
            "provider_url": f"/provider/{organisation.slug}/stories/{story_id}"}


def pending_response_id(app) -> int:
    with app.app_context():
        return db.session.scalars(db.select(Response.id).where(Response.status == ResponseStatus.PENDING)).one()


def test_opening_the_story_marks_it_read(app, loop):
    assert loop["responder"].get(loop["provider_url"]).status_code == 200
    with app.app_context():
        row = db.session.get(StoryProgress, (loop["story_id"], loop["org"].id))
        assert row.progress is Progress.READ and row.read_at is not None


def test_a_response_is_moderated_then_public_and_the_storyteller_is_told(app, loop):
    response = loop["responder"].post(loop["provider_url"], data=RESPONSE, follow_redirects=True)
    assert b"A moderator will check your response" in response.data
    public = app.test_client().get(f"/stories/{loop['story_id']}").data.decode()
    assert "We are sorry the wait was so long" not in public
    queue = loop["moderator"].get("/moderation/responses").data.decode()
    assert "We are sorry the wait was so long" in queue
    loop["moderator"].post(f"/moderation/responses/{pending_response_id(app)}/publish")
    public = app.test_client().get(f"/stories/{loop['story_id']}").data.decode()
    assert "We are sorry the wait was so long" in public and "Jo Bloggs" in public and "Ward manager" in public
    assert "Responded" in public
    told = [m for m in sent_messages if m["To"] == "sam@example.org"]
    assert told and "/follow/" in told[-1].get_content()
    # the link in the e-mail opens the story for its author, with the reply form
    minted = told[-1].get_content().split("/follow/")[1].split()[0]
    page = loop["storyteller"].get(f"/follow/{minted}").data.decode()
    assert "Send my reply" in page


def test_a_refused_response_comes_back_filled_in(loop):
    data = {**RESPONSE, "change_status": "planned", "change_description": ""}
    response = loop["responder"].post(loop["provider_url"], data=data)
    assert response.status_code == 400
    page = response.data.decode()
    assert "Please describe the change." in page and "Please say by when the change is planned." in page
    assert "We are sorry the wait was so long" in page


def test_the_storyteller_replies_and_the_reply_is_moderated(app, loop):
    loop["storyteller"].post(f"{loop['link']}/reply", data={"body": "Thank you, that means a lot."})
    with app.app_context():
        reply = db.session.scalars(db.select(Response)).one()
        assert reply.kind.value == "reply" and reply.status is ResponseStatus.PENDING
    loop["moderator"].post(f"/moderation/responses/{reply.id}/publish")
    assert "Thank you, that means a lot." in app.test_client().get(f"/stories/{loop['story_id']}").data.decode()


def test_an_empty_reply_comes_back_with_a_message(loop):
    response = loop["storyteller"].post(f"{loop['link']}/reply", data={"body": ""})
    assert response.status_code == 400 and b"Please write your reply." in response.data


def test_change_made_then_confirmed_by_the_storyteller_shows_in_public(app, loop):
    data = {**RESPONSE, "change_status": "made", "change_description": "Every family is now phoned before discharge."}
    loop["responder"].post(loop["provider_url"], data=data)
    loop["moderator"].post(f"/moderation/responses/{pending_response_id(app)}/publish")
    with app.app_context():
        response_id = db.session.scalars(db.select(Response.id)).one()
    page = loop["storyteller"].get(loop["link"]).data.decode()
    assert "Did this change happen?" in page
    refused = loop["storyteller"].post(f"{loop['link']}/responses/{response_id}/confirm", data={})
    assert refused.status_code == 400 and b"Please choose an answer." in refused.data
    loop["storyteller"].post(f"{loop['link']}/responses/{response_id}/confirm",
                             data={f"confirm-{response_id}-outcome": "confirmed",
                                   f"confirm-{response_id}-comment": "They phoned my daughter."})
    public = app.test_client().get(f"/stories/{loop['story_id']}").data.decode()
    assert "The storyteller confirmed that this change happened" in public and "They phoned my daughter." in public
    assert "Did this change happen?" not in public  # the question is for the storyteller only
    with app.app_context():
        row = db.session.get(StoryProgress, (loop["story_id"], loop["org"].id))
        assert row.progress is Progress.CHANGE_CONFIRMED


def test_organisation_page_shows_how_it_listens(app, loop, make_story, make_service):
    loop["responder"].post(loop["provider_url"], data=RESPONSE)
    loop["moderator"].post(f"/moderation/responses/{pending_response_id(app)}/publish")
    with app.app_context():
        row = db.session.get(StoryProgress, (loop["story_id"], loop["org"].id))
        story = db.session.get(Story, loop["story_id"])
        row.first_response_at = story.published_at + timedelta(days=2)
        db.session.commit()
    page = app.test_client().get(f"/organisations/{loop['org'].slug}").data.decode()
    assert "How" in page and "listens" in page
    assert "100%" in page and "1 of 1" in page and "2 days" in page


def test_a_member_of_another_organisation_cannot_see_or_answer(app, loop, make_user, make_service):
    other = make_service()
    with app.app_context():
        organisation = db.session.get(Organisation, other.organisation_id)
        db.session.expunge(organisation)
    outsider = app.test_client()
    login(outsider, make_user(organisation=organisation))
    assert outsider.get(loop["provider_url"]).status_code == 404
    assert outsider.post(loop["provider_url"], data=RESPONSE).status_code == 404
    # nor through their own organisation's address
    assert outsider.get(f"/provider/{organisation.slug}/stories/{loop['story_id']}").status_code == 404
    reader = app.test_client()
    login(reader, make_user(organisation=loop["org"], membership_role=MembershipRole.READER))
    assert reader.get(loop["provider_url"]).status_code == 200
    assert reader.post(loop["provider_url"], data=RESPONSE).status_code == 403


def test_reporting_a_story_and_upholding_it_takes_it_down(app, loop):
    visitor = app.test_client()
    assert visitor.post(f"/stories/{loop['story_id']}/report", data={"reason": ""}).status_code == 400
    visitor.post(f"/stories/{loop['story_id']}/report", data={"reason": "It names my neighbour."})
    reports = loop["moderator"].get("/moderation/reports").data.decode()
    assert loop_title(app, loop) in reports
    with app.app_context():
        report_id = db.session.scalars(db.select(Report.id)).one()
    refused = loop["moderator"].post(f"/moderation/reports/{report_id}", data={"decision": "uphold"})
    assert refused.status_code == 400 and b"Please give a reason." in refused.data
    loop["moderator"].post(f"/moderation/reports/{report_id}", data={"decision": "uphold",
                                                                     "reason": "Confirmed: it names a person."})
    assert app.test_client().get(f"/stories/{loop['story_id']}").status_code == 404
    with app.app_context():
        story = db.session.get(Story, loop["story_id"])
        actions = [e.action for e in story.events]
        assert StoryAction.REPORT in actions and actions[-1] is StoryAction.UPHOLD_REPORT
        assert story.events[-1].reason == "Confirmed: it names a person."
        assert db.session.get(Report, report_id).status is ReportStatus.UPHELD


def test_reporting_a_response_and_dismissing_it_leaves_it_up(app, loop):
    loop["responder"].post(loop["provider_url"], data=RESPONSE)
    response_id = pending_response_id(app)
    loop["moderator"].post(f"/moderation/responses/{response_id}/publish")
    visitor = app.test_client()
    form = visitor.get(f"/stories/{loop['story_id']}/report?response={response_id}").data.decode()
    assert "Jo Bloggs" in form
    visitor.post(f"/stories/{loop['story_id']}/report?response={response_id}", data={"reason": "Rude."})
    with app.app_context():
        report = db.session.scalars(db.select(Report)).one()
        assert report.response_id == response_id
    loop["moderator"].post(f"/moderation/reports/{report.id}", data={"decision": "dismiss",
                                                                     "reason": "A fair, polite answer."})
    assert "We are sorry the wait was so long" in app.test_client().get(f"/stories/{loop['story_id']}").data.decode()


def loop_title(app, loop) -> str:
    with app.app_context():
        return db.session.get(Story, loop["story_id"]).title
