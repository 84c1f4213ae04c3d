"""The response table, the trust rule, progress, and the storyteller's word on a change."""
from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from feedback_app.extensions import db
from feedback_app.models import (
    ChangeOutcome,
    ChangeStatus,
    MembershipRole,
    Organisation,
    Progress,
    Response,
    ResponseKind,
    ResponseStatus,
    Role,
    Story,
    StoryAction,
    StoryStatus,
    User,
)
from feedback_app.services import ServiceError, TransitionNotAllowed
from feedback_app.services.responses import (
    RESPONSE_TRANSITIONS,
    By,
    ResponseAction,
    answer_change,
    can_confirm,
    move_response,
    post_reply,
    post_response,
    publish_response,
    reject_response,
)
from feedback_app.services.stories import publish_story

EXPECTED = {
    (None, ResponseAction.SUBMIT, By.AUTHOR): ResponseStatus.PENDING,
    (ResponseStatus.PENDING, ResponseAction.PUBLISH, By.MODERATOR): ResponseStatus.PUBLISHED,
    (ResponseStatus.PENDING, ResponseAction.PUBLISH, By.RULES): ResponseStatus.PUBLISHED,
    (ResponseStatus.PENDING, ResponseAction.REJECT, By.MODERATOR): ResponseStatus.REJECTED,
    (ResponseStatus.PENDING, ResponseAction.WITHDRAW, By.AUTHOR): ResponseStatus.WITHDRAWN,
    (ResponseStatus.PUBLISHED, ResponseAction.WITHDRAW, By.AUTHOR): ResponseStatus.WITHDRAWN,
    (ResponseStatus.PUBLISHED, ResponseAction.WITHDRAW, By.MODERATOR): ResponseStatus.WITHDRAWN,
}
CASES = list(itertools.product([None, *ResponseStatus], ResponseAction, By))


def test_the_response_table_is_exactly_the_design():
    assert RESPONSE_TRANSITIONS == EXPECTED


@pytest.fixture
def setting(app, ctx, make_service, make_story, make_user):
    """A published story about a trust's ward, with a responder of that trust and a moderator."""
    service = make_service()
    organisation = db.session.get(Organisation, service.organisation_id)
    story = db.session.get(Story, make_story(status=StoryStatus.PENDING, services=[service]).id)
    moderator = db.session.get(User, make_user(Role.MODERATOR).id)
    publish_story(story, moderator)
    responder = db.session.get(User, make_user(organisation=organisation,
                                               membership_role=MembershipRole.RESPONDER).id)
    db.session.commit()
    return {"story": story, "organisation": organisation, "responder": responder, "moderator": moderator}


def respond(setting, change=ChangeStatus.NONE, description=None, due=None) -> Response:
    return post_response(setting["story"], setting["organisation"], setting["responder"],
                         "Thank you for telling us about your stay on the ward.", "Jo Bloggs", "Ward manager",
                         change, description, due)


@pytest.mark.parametrize(("status", "action", "by"), CASES,
                         ids=[f"{s.value if s else 'new'}-{a.value}-{b.value}" for s, a, b in CASES])
def test_every_response_transition_is_applied_or_refused(setting, status, action, by):
    response = Response(story=setting["story"], kind=ResponseKind.RESPONSE, body="x", signed_name="Jo",
                        organisation_id=setting["organisation"].id, status=status)
    db.session.add(response)
    expected = EXPECTED.get((status, action, by))
    if expected is None:
        with pytest.raises(TransitionNotAllowed):
            move_response(response, action, by, setting["moderator"])
        assert response.status is status
    else:
        event = move_response(response, action, by, setting["moderator"])
        assert response.status is expected
        assert event.response_id == response.id and event.story_id == setting["story"].id
        if expected is ResponseStatus.PUBLISHED:
            assert response.published_at is not None


def test_a_new_responders_first_answers_are_moderated_then_publish_at_once(setting, app):
    app.config["RESPONSES_BEFORE_TRUSTED"] = 2
    first = respond(setting)
    assert first.status is ResponseStatus.PENDING
    publish_response(first, setting["moderator"])
    second = respond(setting)
    assert second.status is ResponseStatus.PENDING
    publish_response(second, setting["moderator"])
    third = respond(setting)
    assert third.status is ResponseStatus.PUBLISHED
    actions = [e.action for e in setting["story"].events if e.response_id == third.id]
    assert actions == [StoryAction.RESPOND, StoryAction.PUBLISH_RESPONSE]


def test_a_claimed_change_is_always_checked_by_a_moderator(setting, app):
    app.config["RESPONSES_BEFORE_TRUSTED"] = 0
    assert respond(setting).status is ResponseStatus.PUBLISHED
    made = respond(setting, ChangeStatus.MADE, "We now phone every family before discharge.")
    assert made.status is ResponseStatus.PENDING


def test_a_change_needs_a_description_and_a_planned_date(setting):
    with pytest.raises(ServiceError):
        respond(setting, ChangeStatus.MADE, "  ")
    with pytest.raises(ServiceError):
        respond(setting, ChangeStatus.PLANNED, "New signs in the car park")


def test_only_responders_of_the_organisation_may_answer(setting, make_user, make_service):
    other = db.session.get(Organisation, make_service().organisation_id)
    outsider = db.session.get(User, make_user(organisation=other).id)
    reader = db.session.get(User, make_user(organisation=setting["organisation"],
                                            membership_role=MembershipRole.READER).id)
    for user in (outsider, reader):
        with pytest.raises(ServiceError):
            post_response(setting["story"], setting["organisation"], user, "We are sorry to read this story.",
                          "X", "Y")


def test_progress_moves_forward_with_the_conversation(setting, app):
    app.config["RESPONSES_BEFORE_TRUSTED"] = 0
    row = setting["story"].progress_rows[0]
    assert row.progress is Progress.UNREAD
    respond(setting)
    assert row.progress is Progress.RESPONDED and row.first_response_at is not None
    planned = respond(setting, ChangeStatus.PLANNED, "A quieter ward at night", date.today() + timedelta(days=30))
    publish_response(planned, setting["moderator"])
    assert row.progress is Progress.CHANGE_PLANNED
    made = respond(setting, ChangeStatus.MADE, "Ear plugs and eye masks on every bed")
    publish_response(made, setting["moderator"])
    assert row.progress is Progress.CHANGE_MADE
    respond(setting)  # a later plain answer never moves progress back
    assert row.progress is Progress.CHANGE_MADE
    answer_change(made, ChangeOutcome.CONFIRMED, "Yes, I saw them last week.", None)
    assert row.progress is Progress.CHANGE_CONFIRMED


def test_the_storyteller_confirms_or_disputes_and_may_change_their_answer(setting):
    made = respond(setting, ChangeStatus.MADE, "Ear plugs on every bed")
    with pytest.raises(ServiceError):
        answer_change(made, ChangeOutcome.CONFIRMED, None, None)  # not published yet
    publish_response(made, setting["moderator"])
    answer_change(made, ChangeOutcome.DISPUTED, "I was there yesterday: none.", None)
    assert made.confirmation.outcome is ChangeOutcome.DISPUTED
    assert setting["story"].progress_rows[0].progress is Progress.CHANGE_MADE
    answer_change(made, ChangeOutcome.CONFIRMED, "They are there now.", None)
    assert made.confirmation.outcome is ChangeOutcome.CONFIRMED
    trail = [e.action for e in setting["story"].events if e.response_id == made.id]
    assert trail[-2:] == [StoryAction.DISPUTE_CHANGE, StoryAction.CONFIRM_CHANGE]


def test_a_planned_change_can_be_confirmed_once_its_date_has_come(setting):
    planned = respond(setting, ChangeStatus.PLANNED, "New chairs", date.today() + timedelta(days=10))
    publish_response(planned, setting["moderator"])
    assert not can_confirm(planned)
    assert can_confirm(planned, today=date.today() + timedelta(days=10))


def test_replies_are_always_moderated_and_rejections_keep_the_reason(setting):
    reply = post_reply(setting["story"], "Thank you for answering so quickly.", None)
    assert reply.status is ResponseStatus.PENDING and reply.kind is ResponseKind.REPLY
    assert reply.signed_name == setting["story"].pseudonym
    with pytest.raises(ServiceError):
        reject_response(reply, setting["moderator"], " ")
    reject_response(reply, setting["moderator"], "It names a nurse.")
    assert reply.status is ResponseStatus.REJECTED
    assert setting["story"].events[-1].reason == "It names a nurse."


def test_no_answers_to_a_story_that_is_not_published(app, ctx, make_story, make_user, make_service):
    service = make_service()
    organisation = db.session.get(Organisation, service.organisation_id)
    responder = db.session.get(User, make_user(organisation=organisation).id)
    story = db.session.get(Story, make_story(status=StoryStatus.PENDING, services=[service]).id)
    with pytest.raises(ServiceError):
        post_response(story, organisation, responder, "Thank you for your story.", "Jo", "Manager")
    with pytest.raises(ServiceError):
        post_reply(story, "Hello there", None)
