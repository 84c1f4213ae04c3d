"""The daily digest: one e-mail a day per daily alert, listing the stories published since the last one."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import ColumnElement, or_, select, update

from ..extensions import db
from ..i18n import in_language
from ..models import Frequency, Story, StoryStatus, Subscription
from ..models.base import utcnow
from .alerts import SubscriptionMatcher, describe_alert, live_alerts, story_url
from .notifications import queue_email
from .subscriptions import unsubscribe_url

DIGEST_INTERVAL = timedelta(days=1)
# A digest is a summary: past this many stories it points to the site instead of growing without end.
DIGEST_MAX_STORIES = 50


def due_digests(now: datetime) -> list[Subscription]:
    """Daily alerts whose last digest is a day old or more (or that never had one)."""
    return list(db.session.scalars(
        live_alerts(Frequency.DAILY).where(_is_due(now))
    ))


def send_digests(now: datetime | None = None) -> int:
    """Queue today's digest for every due daily alert that has new matching stories; returns how many.

    Every due alert is marked as done for the day, with or without stories, so the next digest covers
    exactly the time since this one. The caller commits.
    """
    now = now or utcnow()
    due = due_digests(now)
    if not due:
        return 0
    starts = {s.id: s.last_digest_at or now - DIGEST_INTERVAL for s in due}
    stories = list(db.session.scalars(
        select(Story)
        .where(Story.status == StoryStatus.PUBLISHED, Story.published_at > min(starts.values()),
               Story.published_at <= now)
        .order_by(Story.published_at, Story.id)
    ))
    matcher = SubscriptionMatcher()
    queued = 0
    for subscription in due:
        if not _take_todays_turn(subscription, now):
            continue  # an overlapping run has already done this alert's digest
        start = starts[subscription.id]
        matching = [s for s in stories if s.published_at > start and matcher.matches(subscription, s)]
        if matching:
            _queue_digest(subscription, matching)
            queued += 1
    db.session.flush()
    return queued


def _is_due(now: datetime) -> ColumnElement[bool]:
    return or_(Subscription.last_digest_at.is_(None), Subscription.last_digest_at <= now - DIGEST_INTERVAL)


def _take_todays_turn(subscription: Subscription, now: datetime) -> bool:
    # The UPDATE repeats the due condition: of two overlapping runs only one changes the row (PostgreSQL
    # re-checks it once the first commits; SQLite runs write transactions one at a time).
    taken = db.session.execute(
        update(Subscription).where(Subscription.id == subscription.id, _is_due(now))
        .values(last_digest_at=now).execution_options(synchronize_session=False)
    ).rowcount
    return taken == 1


def _queue_digest(subscription: Subscription, stories: list[Story]) -> None:
    shown = stories[:DIGEST_MAX_STORIES]
    with in_language(subscription.language):
        lines = [
            f"- {story.title} ({', '.join(s.name for s in story.services)})\n  {story_url(story)}" for story in shown
        ]
        if len(stories) > len(shown):
            lines.append(_("… and %(count)d more on Storyloop.", count=len(stories) - len(shown)))
        subject = ngettext("%(num)d new story for your Storyloop alert",
                           "%(num)d new stories for your Storyloop alert", len(stories))
        body = _("New stories that match your alert (%(alert)s):",
                 alert=describe_alert(subscription)) + "\n\n" + "\n".join(lines)
        queue_email(subscription.email, subject, body, unsubscribe_url=unsubscribe_url(subscription))
