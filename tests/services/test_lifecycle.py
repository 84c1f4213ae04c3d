"""The story lifecycle: the whole transition table, walked in both directions."""
from __future__ import annotations

import itertools

import pytest

from feedback_app.extensions import db
from feedback_app.models import Role, Story, StoryAction, StoryEvent, StoryStatus
from feedback_app.services import ServiceError, TransitionNotAllowed
from feedback_app.services.lifecycle import TRANSITIONS, Actor, allowed, apply_transition
from feedback_app.services.stories import edit_story, publish_story, reject_story, withdraw_story

EXPECTED = {
    (None, StoryAction.SUBMIT, Actor.AUTHOR): StoryStatus.PENDING,
    (StoryStatus.PENDING, StoryAction.EDIT, Actor.AUTHOR): StoryStatus.PENDING,
    (StoryStatus.PENDING, StoryAction.EDIT, Actor.MODERATOR): StoryStatus.PENDING,
    (StoryStatus.PENDING, StoryAction.WITHDRAW, Actor.AUTHOR): StoryStatus.WITHDRAWN,
    (StoryStatus.PENDING, StoryAction.PUBLISH, Actor.MODERATOR): StoryStatus.PUBLISHED,
    (StoryStatus.PENDING, StoryAction.REJECT, Actor.MODERATOR): StoryStatus.REJECTED,
    (StoryStatus.PUBLISHED, StoryAction.EDIT, Actor.MODERATOR): StoryStatus.PUBLISHED,
    (StoryStatus.PUBLISHED, StoryAction.WITHDRAW, Actor.AUTHOR): StoryStatus.WITHDRAWN,
    (StoryStatus.PUBLISHED, StoryAction.WITHDRAW, Actor.MODERATOR): StoryStatus.WITHDRAWN,
    (StoryStatus.PENDING, StoryAction.RETHEME, Actor.MODERATOR): StoryStatus.PENDING,
    (StoryStatus.PUBLISHED, StoryAction.RETHEME, Actor.MODERATOR): StoryStatus.PUBLISHED,
    (StoryStatus.PENDING, StoryAction.ESCALATE, Actor.MODERATOR): StoryStatus.PENDING,
    (StoryStatus.PUBLISHED, StoryAction.ESCALATE, Actor.MODERATOR): StoryStatus.PUBLISHED,
    (StoryStatus.REJECTED, StoryAction.ESCALATE, Actor.MODERATOR): StoryStatus.REJECTED,
    (StoryStatus.WITHDRAWN, StoryAction.ESCALATE, Actor.MODERATOR): StoryStatus.WITHDRAWN,
}

ALL_CASES = list(itertools.product([None, *StoryStatus], StoryAction, Actor))


def test_table_is_exactly_the_designed_lifecycle():
    assert TRANSITIONS == EXPECTED


@pytest.mark.parametrize(("status", "action", "actor"), ALL_CASES,
                         ids=[f"{s.value if s else 'new'}-{a.value}-{r.value}" for s, a, r in ALL_CASES])
def test_every_transition_is_applied_or_refused(app, make_story, make_user, status, action, actor):
    moderator = make_user(Role.MODERATOR)
    story = make_story(status=status or StoryStatus.PENDING)
    with app.app_context():
        story = db.session.get(Story, story.id)
        if status is None:
            story = Story(title="new", body="new story body", status=None)
        user = db.session.get(type(moderator), moderator.id) if actor is Actor.MODERATOR else None
        events_before = db.session.query(StoryEvent).count()
        expected = EXPECTED.get((status, action, actor))
        if expected is None:
            with pytest.raises(TransitionNotAllowed):
                apply_transition(story, action, actor, user)
            assert story.status is status
            assert not allowed(story, action, actor)
        else:
            event = apply_transition(story, action, actor, user, reason="because")
            assert story.status is expected
            assert (event.from_status, event.to_status, event.action) == (status, expected, action)
            assert event.actor_id == (user.id if user else None)
            db.session.expunge_all() if status is None else db.session.flush()
            if status is not None:
                assert db.session.query(StoryEvent).count() == events_before + 1


def test_publish_sets_date_and_tells_the_author(app, ctx, make_story, make_user):
    moderator, author = make_user(Role.MODERATOR), make_user()
    story = db.session.get(Story, make_story(status=StoryStatus.PENDING, author=author).id)
    publish_story(story, db.session.get(type(moderator), moderator.id))
    db.session.commit()
    assert story.status is StoryStatus.PUBLISHED and story.published_at is not None
    assert [e.action for e in story.events][-1] is StoryAction.PUBLISH
    from feedback_app.models import OutboxMessage
    mail = db.session.query(OutboxMessage).one()
    assert mail.recipient == author.email and f"/stories/{story.id}" in mail.body


def test_reject_needs_a_reason_and_sends_it_to_the_author(app, ctx, make_story, make_user):
    moderator = make_user(Role.MODERATOR)
    story = db.session.get(Story, make_story(status=StoryStatus.PENDING, contact_email="anon@example.org").id)
    mod = db.session.get(type(moderator), moderator.id)
    with pytest.raises(ServiceError):
        reject_story(story, mod, "   ")
    assert story.status is StoryStatus.PENDING
    reject_story(story, mod, "It names a member of staff.")
    db.session.commit()
    from feedback_app.models import OutboxMessage
    mail = db.session.query(OutboxMessage).one()
    assert mail.recipient == "anon@example.org" and "It names a member of staff." in mail.body
    assert story.events[-1].reason == "It names a member of staff."


def test_moderator_edit_keeps_before_and_after_with_reason(app, ctx, make_story, make_user):
    moderator = make_user(Role.MODERATOR)
    story = db.session.get(Story, make_story(status=StoryStatus.PENDING, title="Dr Smith was rude").id)
    mod = db.session.get(type(moderator), moderator.id)
    with pytest.raises(ServiceError):
        edit_story(story, {"title": "A doctor was rude"}, Actor.MODERATOR, mod)
    assert edit_story(story, {"title": "A doctor was rude"}, Actor.MODERATOR, mod, reason="Removed a name")
    db.session.commit()
    event = story.events[-1]
    assert event.changes == {"title": {"before": "Dr Smith was rude", "after": "A doctor was rude"}}
    assert event.reason == "Removed a name" and event.actor_id == mod.id


def test_edit_without_changes_writes_no_event(app, ctx, make_story):
    story = db.session.get(Story, make_story(status=StoryStatus.PENDING, title="Same").id)
    assert edit_story(story, {"title": "Same"}, Actor.AUTHOR, None) is False
    assert len(story.events) == 1


def test_author_cannot_edit_a_published_story(app, ctx, make_story):
    story = db.session.get(Story, make_story(status=StoryStatus.PUBLISHED).id)
    with pytest.raises(TransitionNotAllowed):
        edit_story(story, {"title": "Changed"}, Actor.AUTHOR, None)


def test_withdrawn_story_cannot_be_withdrawn_again(app, ctx, make_story):
    story = db.session.get(Story, make_story(status=StoryStatus.PENDING).id)
    withdraw_story(story, Actor.AUTHOR, None)
    with pytest.raises(TransitionNotAllowed):
        withdraw_story(story, Actor.AUTHOR, None)
