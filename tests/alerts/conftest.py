"""Alert fixtures: subscriptions, a small organisation tree, and stories with an analysis."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask

from feedback_app.extensions import db
from feedback_app.models import Organisation, OutboxMessage, Sentiment, Story, StoryTheme, Subscription
from tests.conftest import app_context


@pytest.fixture
def subscribe(app: Flask) -> Callable[..., Subscription]:
    """Make a subscription; every criterion not given is left empty (matches everything)."""
    def make(email: str = "alerts@example.org", **fields: object) -> Subscription:
        with app_context(app):
            subscription = Subscription(email=email, **fields)
            db.session.add(subscription)
            db.session.commit()
            db.session.refresh(subscription)
            db.session.expunge(subscription)
            return subscription

    return make


@pytest.fixture
def tree(app: Flask, make_service) -> dict[str, object]:
    """A parent organisation with a child that runs a ward, and an unrelated organisation with its own."""
    with app_context(app):
        parent = Organisation(name="Northern Health", slug="northern-health", country="GB")
        child = Organisation(name="Leeds Hospitals", slug="leeds-hospitals", country="GB", parent=parent)
        other = Organisation(name="Southern Care", slug="southern-care", country="GB")
        db.session.add_all([parent, child, other])
        db.session.commit()
        ids = {"parent": parent.id, "child": child.id, "other": other.id}
        for organisation in (parent, child, other):
            db.session.expunge(organisation)
    ward = make_service(name="Ward 7", organisation=child)
    elsewhere = make_service(name="Riverside Home", organisation=other)
    return {**ids, "ward": ward, "elsewhere": elsewhere}


@pytest.fixture
def analysed_story(app: Flask, make_story) -> Callable[..., Story]:
    """A published story with a criticality, an overall sentiment and themes, as the analysis leaves them."""
    def make(services: list, criticality: int = 3, sentiment: Sentiment = Sentiment.NEGATIVE,
             themes: dict[str, Sentiment] | None = None, **story_args: object) -> Story:
        story = make_story(services=services, **story_args)
        with app_context(app):
            stored = db.session.get(Story, story.id)
            stored.criticality, stored.sentiment = criticality, sentiment
            for code, theme_sentiment in (themes or {}).items():
                db.session.add(StoryTheme(story_id=story.id, code=code, sentiment=theme_sentiment))
            db.session.commit()
        return story

    return make


def outbox() -> list[OutboxMessage]:
    """Everything queued so far, oldest first (call inside an app context)."""
    return list(db.session.scalars(db.select(OutboxMessage).order_by(OutboxMessage.id)))
