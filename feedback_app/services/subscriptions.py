"""Standing requests for e-mail: create, pause, delete, and the signed one-click unsubscribe link."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, url_for
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select

from ..extensions import db
from ..models import Frequency, Sentiment, Subscription, User


@dataclass
class Criteria:
    """What an alert listens for; every criterion left as None matches everything."""

    organisation_id: int | None = None
    service_id: int | None = None
    theme: str | None = None
    sentiment: Sentiment | None = None
    min_criticality: int | None = None


def _unsubscribe_signer() -> URLSafeSerializer:
    # Stateless: nothing to store or expire, and the salt keeps these tokens apart from every other signed value.
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="storyloop.unsubscribe")


def unsubscribe_token(subscription: Subscription) -> str:
    """The signed token of a subscription's one-click unsubscribe link."""
    return _unsubscribe_signer().dumps(subscription.id)


def unsubscribe_url(subscription: Subscription) -> str:
    """The absolute one-click unsubscribe link, for the e-mail body and its List-Unsubscribe header."""
    return url_for("alerts.unsubscribe", token=unsubscribe_token(subscription), _external=True)


def find_subscription_by_token(token: str) -> Subscription | None:
    """The subscription an unsubscribe token names, if the token is genuine and the subscription still exists."""
    try:
        subscription_id = _unsubscribe_signer().loads(token)
    except BadSignature:
        return None
    if not isinstance(subscription_id, int) or isinstance(subscription_id, bool):
        return None
    return db.session.get(Subscription, subscription_id)


def create_subscription(user: User, criteria: Criteria, frequency: Frequency, language: str) -> Subscription:
    """Start an alert for ``user`` at their account's address."""
    subscription = Subscription(
        user_id=user.id, email=user.email, frequency=frequency, language=language, active=True,
        organisation_id=criteria.organisation_id, service_id=criteria.service_id, theme=criteria.theme,
        sentiment=criteria.sentiment, min_criticality=criteria.min_criticality,
    )
    db.session.add(subscription)
    db.session.flush()
    return subscription


def user_subscriptions(user: User) -> list[Subscription]:
    """A user's own alerts (not the follow-ups of their own stories), newest first."""
    return list(db.session.scalars(
        select(Subscription)
        .where(Subscription.user_id == user.id, Subscription.story_id.is_(None))
        .order_by(Subscription.id.desc())
    ))


def set_subscription_active(subscription: Subscription, active: bool) -> None:
    """Pause or resume an alert; unsubscribing is pausing, so the person can resume it from /alerts."""
    subscription.active = active
    db.session.flush()


def delete_subscription(subscription: Subscription) -> None:
    """Remove an alert for good."""
    db.session.delete(subscription)
    db.session.flush()
