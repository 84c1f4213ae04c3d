"""The daily digest: one e-mail listing the matching stories since the last one, once a day, none if nothing."""
from __future__ import annotations

from datetime import timedelta

from feedback_app.extensions import db
from feedback_app.models import Frequency, Story, Subscription
from feedback_app.models.base import utcnow
from feedback_app.services.digests import send_digests
from feedback_app.services.notifications import sent_messages
from tests.alerts.conftest import outbox


def published(story: Story, when) -> Story:  # noqa: ANN001 - a datetime
    stored = db.session.get(Story, story.id)
    stored.published_at = when
    db.session.commit()
    return stored


def test_one_digest_lists_the_matching_stories_of_the_last_day(app, ctx, tree, subscribe, analysed_story):
    now = utcnow()
    alert = subscribe(email="funder@example.org", frequency=Frequency.DAILY, organisation_id=tree["parent"])
    published(analysed_story([tree["ward"]], title="Waited all night"), now - timedelta(hours=3))
    published(analysed_story([tree["ward"]], title="Kind porters"), now - timedelta(hours=20))
    published(analysed_story([tree["ward"]], title="Last week's story"), now - timedelta(days=2))
    published(analysed_story([tree["elsewhere"]], title="Another organisation"), now - timedelta(hours=1))
    subscribe(email="paused@example.org", frequency=Frequency.DAILY, active=False)

    assert send_digests(now) == 1
    db.session.commit()
    [digest] = outbox()
    assert digest.recipient == "funder@example.org"
    assert digest.subject == "2 new stories for your Storyloop alert"
    assert "Kind porters" in digest.body and "Waited all night" in digest.body
    assert "Last week's story" not in digest.body and "Another organisation" not in digest.body
    assert digest.body.index("Kind porters") < digest.body.index("Waited all night")  # in the order published
    assert "Northern Health" in digest.body  # the alert is described
    assert digest.unsubscribe_url and digest.unsubscribe_url in digest.body
    assert db.session.get(Subscription, alert.id).last_digest_at == now


def test_a_digest_goes_once_a_day_and_then_covers_only_what_is_new(app, ctx, tree, subscribe, analysed_story):
    now = utcnow()
    subscribe(frequency=Frequency.DAILY)
    published(analysed_story([tree["ward"]], title="First story"), now - timedelta(hours=1))
    assert send_digests(now) == 1
    db.session.commit()
    published(analysed_story([tree["ward"]], title="Second story"), now + timedelta(hours=2))
    assert send_digests(now + timedelta(hours=1)) == 0  # again the same day: nothing
    assert send_digests(now + timedelta(hours=23)) == 0
    db.session.commit()
    assert send_digests(now + timedelta(days=1)) == 1
    db.session.commit()
    first, second = outbox()
    assert "First story" in first.body
    assert "Second story" in second.body and "First story" not in second.body
    assert second.subject == "1 new story for your Storyloop alert"


def test_no_digest_when_nothing_matches_and_the_day_still_counts(app, ctx, tree, subscribe, analysed_story):
    now = utcnow()
    alert = subscribe(frequency=Frequency.DAILY, theme="environment")
    published(analysed_story([tree["ward"]], themes={}), now - timedelta(hours=2))
    assert send_digests(now) == 0
    db.session.commit()
    assert outbox() == []
    assert db.session.get(Subscription, alert.id).last_digest_at == now


def test_immediate_alerts_get_no_digest(app, ctx, tree, subscribe, analysed_story):
    subscribe(frequency=Frequency.IMMEDIATE)
    published(analysed_story([tree["ward"]]), utcnow() - timedelta(hours=1))
    assert send_digests(utcnow()) == 0


def test_notify_send_sends_the_digests_that_are_due(app, runner, tree, subscribe, analysed_story):
    subscribe(email="funder@example.org", frequency=Frequency.DAILY)
    story = analysed_story([tree["ward"]], title="Waited all night")
    with app.app_context():
        published(story, utcnow() - timedelta(hours=1))
    result = runner.invoke(args=["notify", "send"])
    assert result.exit_code == 0, result.output
    assert "Queued 1 digest(s)." in result.output and "Sent 1 message(s)." in result.output
    assert "Waited all night" in sent_messages[0].get_content()
    assert sent_messages[0]["List-Unsubscribe"].startswith("<http://127.0.0.1:5000/unsubscribe/")
    again = runner.invoke(args=["notify", "send"])
    assert "Queued 0 digest(s)." in again.output and len(sent_messages) == 1
