"""Which alerts a newly published story sets off: organisation (and its children), service, theme and
its sentiment, minimum criticality; never inactive or daily ones, never the author, never twice."""
from __future__ import annotations

import pytest

from feedback_app.extensions import db
from feedback_app.models import Frequency, Role, Sentiment, Story, Subscription, User
from feedback_app.services.alerts import story_published
from feedback_app.services.stories import Submission, publish_story, submit_story
from tests.alerts.conftest import outbox
from tests.conftest import story_fields

THEMES = {"access_waiting": Sentiment.NEGATIVE, "staff_attitude": Sentiment.POSITIVE}

# (name, the subscription's fields given the tree, whether the story about Ward 7 sets it off)
CASES = [
    ("everything", lambda t: {}, True),
    ("parent organisation", lambda t: {"organisation_id": t["parent"]}, True),
    ("the organisation itself", lambda t: {"organisation_id": t["child"]}, True),
    ("another organisation", lambda t: {"organisation_id": t["other"]}, False),
    ("the service", lambda t: {"service_id": t["ward"].id}, True),
    ("another service", lambda t: {"service_id": t["elsewhere"].id}, False),
    ("a theme of the story", lambda t: {"theme": "access_waiting"}, True),
    ("a theme it lacks", lambda t: {"theme": "environment"}, False),
    ("theme with its sentiment", lambda t: {"theme": "staff_attitude", "sentiment": Sentiment.POSITIVE}, True),
    ("theme with another sentiment", lambda t: {"theme": "access_waiting", "sentiment": Sentiment.POSITIVE}, False),
    ("the story's sentiment", lambda t: {"sentiment": Sentiment.NEGATIVE}, True),
    ("another sentiment", lambda t: {"sentiment": Sentiment.POSITIVE}, False),
    ("criticality reached", lambda t: {"min_criticality": 3}, True),
    ("criticality not reached", lambda t: {"min_criticality": 4}, False),
    ("all criteria met", lambda t: {"organisation_id": t["parent"], "service_id": t["ward"].id,
                                    "theme": "access_waiting", "min_criticality": 2}, True),
    ("one criterion missed", lambda t: {"organisation_id": t["parent"], "theme": "environment"}, False),
    ("paused", lambda t: {"active": False}, False),
    ("a daily digest", lambda t: {"frequency": Frequency.DAILY}, False),
]


@pytest.mark.parametrize(("fields", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_which_alerts_a_published_story_sets_off(app, ctx, tree, subscribe, analysed_story, fields, expected):
    subscribe(email="watcher@example.org", **fields(tree))
    story = analysed_story([tree["ward"]], criticality=3, themes=THEMES)
    assert story_published(db.session.get(Story, story.id)) == int(expected)
    assert [m.recipient for m in outbox()] == (["watcher@example.org"] if expected else [])


def test_a_story_without_a_criticality_sets_off_no_criticality_alert(app, ctx, tree, subscribe, analysed_story):
    subscribe(min_criticality=1)
    story = analysed_story([tree["ward"]], criticality=None)
    assert story_published(db.session.get(Story, story.id)) == 0


def test_a_followed_story_is_not_an_alert(app, ctx, tree, subscribe, analysed_story):
    story = analysed_story([tree["ward"]])
    subscribe(email="author@example.org", story_id=story.id)  # the author's own follow-up: answers only
    assert story_published(db.session.get(Story, story.id)) == 0


def test_one_email_per_address_and_none_to_the_author(app, ctx, tree, subscribe, analysed_story, make_user):
    author = make_user(Role.STORYTELLER, email="author@example.org")
    subscribe(email="watcher@example.org", organisation_id=tree["parent"])
    subscribe(email="Watcher@Example.org", service_id=tree["ward"].id)
    subscribe(email="author@example.org")  # the author also follows everything: publish_story tells them already
    story = analysed_story([tree["ward"]], author=author)
    assert story_published(db.session.get(Story, story.id)) == 1
    assert [m.recipient for m in outbox()] == ["watcher@example.org"]


def test_a_closed_account_gets_no_alerts(app, ctx, tree, subscribe, analysed_story, make_user):
    closed = make_user(Role.FUNDER)
    db.session.get(User, closed.id).active = False
    db.session.commit()
    subscribe(email=closed.email, user_id=closed.id)
    story = analysed_story([tree["ward"]])
    assert story_published(db.session.get(Story, story.id)) == 0


def test_publishing_a_story_alerts_in_the_subscribers_language(app, ctx, tree, subscribe, make_user):
    subscribe(email="watcher@example.org", organisation_id=tree["parent"], language="en")
    story, _token = submit_story(Submission(fields=story_fields(title="Long wait on Ward 7"),
                                            service_ids=[tree["ward"].id], language="en",
                                            contact_email="sam@example.org"))
    publish_story(story, make_user(Role.MODERATOR))
    alert = next(m for m in outbox() if m.recipient == "watcher@example.org")
    assert "Long wait on Ward 7" in alert.subject and "Ward 7" in alert.body
    assert f"/stories/{story.id}" in alert.body
    assert alert.unsubscribe_url and alert.unsubscribe_url in alert.body


def test_submitting_a_story_subscribes_its_author(app, ctx, tree, make_user):
    storyteller = make_user(Role.STORYTELLER)
    with_account, _ = submit_story(Submission(fields=story_fields(), service_ids=[tree["ward"].id],
                                              language="en", author=storyteller))
    anonymous, _ = submit_story(Submission(fields=story_fields(), service_ids=[tree["ward"].id], language="de",
                                           contact_email="sam@example.org"))
    no_address, _ = submit_story(Submission(fields=story_fields(), service_ids=[tree["ward"].id], language="en"))
    follows = {s.story_id: s for s in db.session.scalars(db.select(Subscription))}
    assert follows[with_account.id].email == storyteller.email
    assert follows[with_account.id].user_id == storyteller.id
    assert (follows[anonymous.id].email, follows[anonymous.id].language) == ("sam@example.org", "de")
    assert no_address.id not in follows


def test_each_subscriber_is_written_to_in_their_own_language(app, ctx, tree, subscribe, analysed_story):
    subscribe(email="anna@example.de", language="de")
    subscribe(email="sam@example.org", language="en")
    story = analysed_story([tree["ward"]], title="Nachtdienst")
    story_published(db.session.get(Story, story.id))
    subjects = {m.recipient: m.subject for m in outbox()}
    assert subjects == {"anna@example.de": "Neue Geschichte bei Storyloop: Nachtdienst",
                        "sam@example.org": "New story on Storyloop: Nachtdienst"}
