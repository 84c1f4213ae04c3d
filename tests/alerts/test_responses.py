"""A storyteller is told by e-mail, with their private link, when a response or their reply is published."""
from __future__ import annotations

from feedback_app.extensions import db
from feedback_app.models import (
    ChangeStatus,
    Organisation,
    Response,
    ResponseKind,
    ResponseStatus,
    Role,
    Story,
    Subscription,
)
from feedback_app.models.base import utcnow
from feedback_app.services.alerts import response_published
from feedback_app.services.stories import Submission, find_story_by_token, submit_story
from tests.alerts.conftest import outbox
from tests.conftest import story_fields


def publish_response(story: Story, kind: ResponseKind = ResponseKind.RESPONSE, **fields: object) -> Response:
    """A published response, made directly with the models (as the responses service would leave it)."""
    defaults = {"body": "Thank you. We have added a second nurse to the evening shift.",
                "signed_name": "Priya Shah", "job_title": "Ward manager"}
    response = Response(story=story, kind=kind, status=ResponseStatus.PUBLISHED, published_at=utcnow(),
                        change_status=ChangeStatus.NONE, **{**defaults, **fields})
    db.session.add(response)
    db.session.flush()
    return response


def test_an_anonymous_storyteller_gets_the_response_and_a_private_link(app, ctx, make_service):
    service = make_service(name="Ward 9")
    story, _token = submit_story(Submission(fields=story_fields(title="Night on Ward 9"), service_ids=[service.id],
                                            language="en", contact_email="sam@example.org"))
    organisation = db.session.get(Organisation, service.organisation_id)
    assert response_published(publish_response(story, organisation_id=organisation.id)) == 1
    message = outbox()[-1]
    assert message.recipient == "sam@example.org"
    assert "Night on Ward 9" in message.subject
    assert "Priya Shah, Ward manager" in message.body and organisation.name in message.body
    assert "second nurse" in message.body
    link_token = message.body.split("/follow/")[1].split()[0]
    assert find_story_by_token(link_token).id == story.id  # the link opens the story, so they can reply
    assert message.unsubscribe_url and message.unsubscribe_url in message.body


def test_a_storyteller_with_an_account_is_sent_to_the_story_page(app, ctx, make_service, make_user):
    storyteller = make_user(Role.STORYTELLER)
    story, _ = submit_story(Submission(fields=story_fields(), service_ids=[make_service().id], language="en",
                                       author=storyteller))
    response_published(publish_response(story))
    message = outbox()[-1]
    assert message.recipient == storyteller.email and f"/stories/{story.id}" in message.body


def test_the_storyteller_is_told_their_reply_is_published(app, ctx, make_service):
    story, _ = submit_story(Submission(fields=story_fields(), service_ids=[make_service().id], language="en",
                                       contact_email="sam@example.org"))
    answer = publish_response(story)
    reply = publish_response(story, kind=ResponseKind.REPLY, in_reply_to_id=answer.id, signed_name="Sam",
                             job_title=None, body="Thank you, that is good to hear.")
    assert response_published(reply) == 1
    assert outbox()[-1].subject == "Your reply is published"


def test_nobody_is_told_when_the_storyteller_unsubscribed_or_left_no_address(app, ctx, make_service):
    unsubscribed, _ = submit_story(Submission(fields=story_fields(), service_ids=[make_service().id],
                                              language="en", contact_email="sam@example.org"))
    db.session.scalars(db.select(Subscription).where(Subscription.story_id == unsubscribed.id)).one().active = False
    silent, _ = submit_story(Submission(fields=story_fields(), service_ids=[make_service().id], language="en"))
    before = len(outbox())
    assert response_published(publish_response(unsubscribed)) == 0
    assert response_published(publish_response(silent)) == 0
    assert len(outbox()) == before
