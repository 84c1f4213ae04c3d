"""Alerts: who is told of a newly published story, and a storyteller told of the answers to theirs."""
from __future__ import annotations

from collections.abc import Iterable

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import Select, or_, select

from ..extensions import db
from ..i18n import in_language
from ..labels import THEME_LABELS, label
from ..models import (
    Frequency,
    Organisation,
    Response,
    ResponseKind,
    Service,
    Story,
    Subscription,
    User,
)
from . import stories as story_rules  # a module import: stories calls back into this module
from .browse import organisation_and_descendant_ids
from .notifications import queue_email
from .subscriptions import unsubscribe_url


class SubscriptionMatcher:
    """Decides which alerts a story matches, remembering each organisation's subtree for the whole run."""

    def __init__(self) -> None:
        self._subtrees: dict[int, set[int]] = {}

    def matches(self, subscription: Subscription, story: Story) -> bool:
        """Whether ``story`` meets every criterion the subscription sets."""
        if subscription.organisation_id is not None:
            if not self._subtree(subscription.organisation_id) & {s.organisation_id for s in story.services}:
                return False
        if subscription.service_id is not None and subscription.service_id not in {s.id for s in story.services}:
            return False
        if subscription.min_criticality and (story.criticality or 0) < subscription.min_criticality:
            return False
        if subscription.theme:
            theme = next((t for t in story.themes if t.code == subscription.theme), None)
            # With a theme, the sentiment asked for is how the story speaks of that theme.
            return theme is not None and subscription.sentiment in (None, theme.sentiment)
        return subscription.sentiment in (None, story.sentiment)

    def _subtree(self, organisation_id: int) -> set[int]:
        if organisation_id not in self._subtrees:
            self._subtrees[organisation_id] = set(organisation_and_descendant_ids(organisation_id))
        return self._subtrees[organisation_id]


def live_alerts(frequency: Frequency) -> Select:
    """Active alerts of ``frequency`` (not storytellers' follow-ups), of accounts still open, oldest first."""
    return (
        select(Subscription)
        .outerjoin(User, User.id == Subscription.user_id)
        .where(Subscription.active, Subscription.frequency == frequency, Subscription.story_id.is_(None),
               or_(User.id.is_(None), User.active))
        .order_by(Subscription.id)
    )


def first_per_address(subscriptions: Iterable[Subscription], skip: Iterable[str | None] = ()) -> list[Subscription]:
    """One subscription per e-mail address (the first), leaving out the addresses in ``skip``."""
    seen = {address.strip().lower() for address in skip if address}
    chosen = []
    for subscription in subscriptions:
        address = subscription.email.strip().lower()
        if address not in seen:
            seen.add(address)
            chosen.append(subscription)
    return chosen


def story_published(story: Story) -> int:
    """Queue an e-mail to every immediate alert the newly published story matches; returns how many."""
    matcher = SubscriptionMatcher()
    matching = (s for s in db.session.scalars(live_alerts(Frequency.IMMEDIATE)) if matcher.matches(s, story))
    # The author already hears of the publication from publish_story; one e-mail per address is enough.
    recipients = first_per_address(matching, skip=[story_rules.author_address(story)])
    for subscription in recipients:
        with in_language(subscription.language):
            queue_email(subscription.email, _("New story on Storyloop: %(title)s", title=story.title), _(
                "A new story that matches your alert is published.\n\n"
                "\"%(title)s\"\nAbout: %(services)s\nYour alert: %(alert)s\n\nRead it here:\n%(link)s",
                title=story.title, services=", ".join(s.name for s in story.services),
                alert=describe_alert(subscription), link=story_url(story),
            ), unsubscribe_url=unsubscribe_url(subscription))
    return len(recipients)


def response_published(response: Response) -> int:
    """Tell the story's followers that a response or reply to it is public, with their private link."""
    story = response.story
    followers = first_per_address(db.session.scalars(
        select(Subscription).where(Subscription.story_id == story.id, Subscription.active).order_by(Subscription.id)
    ))
    for subscription in followers:
        with in_language(subscription.language):
            subject, body = _response_email(response, story_rules.author_link(story))
            queue_email(subscription.email, subject, body, unsubscribe_url=unsubscribe_url(subscription))
    return len(followers)


def subscribe_author_to_story(story: Story) -> Subscription | None:
    """Follow a new story for its author, so they hear of every answer; None when they left no address."""
    address = story_rules.author_address(story)
    if not address:
        return None
    existing = db.session.scalar(select(Subscription).where(Subscription.story_id == story.id,
                                                            Subscription.email == address))
    if existing is not None:
        return existing
    subscription = Subscription(
        user_id=story.author_id, email=address, story_id=story.id, frequency=Frequency.IMMEDIATE,
        language=story_rules.author_language(story), active=True,
    )
    db.session.add(subscription)
    db.session.flush()
    return subscription


def describe_alert(subscription: Subscription) -> str:
    """What an alert listens for, in words (in the current language)."""
    parts = []
    if subscription.organisation_id:
        organisation = db.session.get(Organisation, subscription.organisation_id)
        parts.append(_("organisation %(name)s (and the organisations under it)", name=organisation.name))
    if subscription.service_id:
        parts.append(_("service %(name)s", name=db.session.get(Service, subscription.service_id).name))
    if subscription.theme:
        parts.append(_("theme %(theme)s", theme=str(THEME_LABELS.get(subscription.theme, subscription.theme))))
    if subscription.sentiment:
        parts.append(_("feeling %(sentiment)s", sentiment=label(subscription.sentiment)))
    if subscription.min_criticality:
        parts.append(_("criticality at least %(level)d of 5", level=subscription.min_criticality))
    return "; ".join(parts) if parts else _("every published story")


def story_url(story: Story) -> str:
    """The public page of a published story, as an absolute link for e-mail."""
    return url_for("stories.detail", story_id=story.id, _external=True)


def _response_email(response: Response, link: str) -> tuple[str, str]:
    if response.kind is ResponseKind.REPLY:
        return _("Your reply is published"), _(
            "Your reply to the responses to your story \"%(title)s\" is now published.\n\n"
            "Follow the conversation here:\n%(link)s",
            title=response.story.title, link=link,
        )
    by = response.signed_name
    if response.job_title:
        by = f"{by}, {response.job_title}"
    if response.organisation:
        by = f"{by} ({response.organisation.name})"
    return _("A response to your story \"%(title)s\"", title=response.story.title), _(
        "%(by)s has answered your story \"%(title)s\" in public:\n\n%(body)s\n\n"
        "Read the conversation and reply here:\n%(link)s",
        by=by, title=response.story.title, body=response.body, link=link,
    )
