"""A dashboard viewed (and so kept) just before a change shows the change at once, in this month (kept pathway by
pathway from its first view) and in an earlier one (kept pathway by pathway once it has changed): a
publication, a response, a withdrawal, a theme correction, a move of a service to another kind."""
from __future__ import annotations

from datetime import datetime

import pytest

from feedback_app.extensions import cache, db
from feedback_app.models import MembershipRole, Organisation, Role, Sentiment, Service, ServiceKind, Story, User
from feedback_app.models.base import utcnow
from feedback_app.services.lifecycle import Actor
from feedback_app.services.moderation import set_story_themes
from feedback_app.services.responses import post_response
from feedback_app.services.stories import withdraw_story
from tests.conftest import login

from .conftest import AW, SA, G, N, P, Spec, add_story
from .test_cache import kept_part

CHANGES = ["publish", "respond", "withdraw", "retheme", "reshape"]


def change(kind: str, story: Story, make_user) -> None:  # noqa: ANN001 - the make_user fixture
    """One change to ``story`` (or, to publish, one more story beside it), committed as the app commits it."""
    moderator = db.session.get(User, make_user(Role.MODERATOR).id)
    service = story.services[0]
    if kind == "publish":
        add_story(service, story.published_at, Spec(1, G, N, 2, {AW: N}))
    elif kind == "respond":
        organisation = db.session.get(Organisation, service.organisation_id)
        responder = db.session.get(User, make_user(organisation=organisation,
                                                   membership_role=MembershipRole.RESPONDER).id)
        post_response(story, organisation, responder, "Thank you for telling us.", "Jo", "Manager")
    elif kind == "withdraw":
        withdraw_story(story, Actor.MODERATOR, moderator, reason="asked to")
    elif kind == "retheme":
        set_story_themes(story, moderator, {SA: Sentiment.NEGATIVE, "environment": Sentiment.MIXED})
    elif kind == "reshape":  # the service is now of another kind: the filtered view no longer shows it
        service.kind = ServiceKind.CARE_HOME
    db.session.commit()


@pytest.mark.parametrize("kind", CHANGES)
@pytest.mark.parametrize("when", ["this month", "february"])
@pytest.mark.parametrize("query", [{}, {"kind": "hospital"}, {"theme": AW, "language": "en"}])
def test_a_view_kept_just_before_a_change_shows_it(app, world, make_user, kind, when, query):
    app.config["RESPONSES_BEFORE_TRUSTED"] = 0
    this_month = utcnow().replace(day=1)
    query = {"since": "2026-01", "until": f"{this_month:%Y-%m}", **query}
    a1 = db.session.get(Service, world.ids["A1"])
    published = utcnow() if when == "this month" else datetime(2026, 2, 20, 9)
    # Five more at A1 (so its figures are shown), one of them the story changed.
    stories = [add_story(a1, published, Spec(4, G, P, 1, {AW: P, SA: P})) for _ in range(5)]
    db.session.commit()
    story_id = stories[0].id
    client = app.test_client()
    login(client, world.funder)
    db.session.rollback()  # let go of the write lock (SQLite) that reading the funder took

    def view() -> str:
        return kept_part(client.get("/dashboard/", query_string=query).get_data(as_text=True))

    view()
    if when == "february":  # a first change makes February kept pathway by pathway; the second is tested
        add_story(a1, published, Spec(5, G, P, 0, {AW: P}))
        db.session.commit()
    before = view()
    assert view() == before  # kept
    change(kind, db.session.get(Story, story_id), make_user)
    after = view()
    cache.clear()
    assert after == view(), "a kept figure outlived the change"
    if kind != "reshape" or "kind" in query:  # a service of another kind changes only what a kind filter shows
        assert after != before


def test_sums_kept_pathway_by_pathway_are_read_again_whole_after_a_reset(app, world):
    """A service that moves to another organisation changes which pathways are in view: kept pathway by pathway,
    the month is read whole again, not just the pathways whose rows changed (none did)."""
    from datetime import date

    from feedback_app.services.dashboard import DashboardFilters, kept_overview, overview
    from feedback_app.services.remits import Scope

    north = DashboardFilters(since=date(2026, 1, 1), until=date(2026, 3, 1), organisation_id=world.ids["A"])
    everything = Scope(everything=True)
    kept_overview(everything, north)
    add_story(db.session.get(Service, world.ids["A1"]), datetime(2026, 3, 20, 9), Spec(5, G, P, 0))
    db.session.commit()
    assert kept_overview(everything, north) == overview(everything, north)  # March now kept pathway by pathway
    db.session.get(Service, world.ids["B1"]).organisation_id = world.ids["AC"]
    db.session.commit()
    assert kept_overview(everything, north) == overview(everything, north)
    assert kept_overview(everything, north).totals["stories"] == 11 + 1 + 4
