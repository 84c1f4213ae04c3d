"""Dashboards in use are rendered again when their figures change, so that the next view is a kept one: it reads
no rollups and shows the change, exactly as a view that rendered it would."""
from __future__ import annotations

import logging
from datetime import datetime

import pytest

from feedback_app.blueprints import dashboard
from feedback_app.blueprints.dashboard_warm import VIEWS_KEY, views_in_use, warmer_of
from feedback_app.extensions import cache, db
from feedback_app.models import FunderRemit, Role, Service, User
from tests.conftest import login

from .conftest import G, N, P, Spec, add_story
from .test_cache import RANGE, kept_part, rollup_queries, summary_stories

ENGLISH_STORIES = {**RANGE, "language": "en"}


@pytest.fixture
def app_settings() -> dict[str, object]:
    return {"DASHBOARD_WARM_VIEWS": 10}


# Everything this module writes goes through the test's own session (the ctx fixture's): on SQLite, a second
# writer in the test's thread would wait for the write lock that session holds. The warmer only reads.
def signed_in(app, user) -> object:
    client = app.test_client()
    login(client, user)
    return client


def publish_at_a1(world, when: datetime = datetime(2026, 2, 20, 9)) -> None:
    add_story(db.session.get(Service, world.ids["A1"]), when, Spec(5, G, P, 0))
    db.session.commit()  # the rollups and their versions move; the warmer is told after the commit


def viewed(app, client, query_string=RANGE) -> tuple[str, int]:
    """The page, and how many times its figures were rendered for it (0: it was served as kept)."""
    renders = []
    render = dashboard._render_figures
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dashboard, "_render_figures", lambda *args: renders.append(args) or render(*args))
        return rollup_queries(app, client, query_string)[0], len(renders)


def fresh_render(app, client, query_string=RANGE) -> str:
    """The dashboard rendered from nothing kept: what a warmed view must equal."""
    with app.app_context():
        cache.clear()
    return rollup_queries(app, client, query_string)[0]


def test_after_a_publication_the_next_view_is_kept_and_shows_it(app, world):
    client = signed_in(app, world.funder)
    first, renders = viewed(app, client)
    assert renders == 1 and summary_stories(first) == 15
    publish_at_a1(world)
    warmer_of(app).drain()
    assert warmer_of(app).rendered >= 1
    html, renders = viewed(app, client)
    assert renders == 0  # rendered by the warmer, not by this view
    assert summary_stories(html) == 16
    assert kept_part(html) == kept_part(fresh_render(app, client))


def test_views_in_english_and_german_with_filters_are_each_warmed_as_they_were_asked_for(app, world):
    client = signed_in(app, world.funder)

    def view(language: str) -> tuple[str, int]:
        client.set_cookie("storyloop_lang", language)
        return viewed(app, client, ENGLISH_STORIES)

    firsts = {language: view(language)[0] for language in ("en", "de")}
    assert 'lang="de"' in firsts["de"] and 'lang="en"' in firsts["en"]
    publish_at_a1(world)
    warmer_of(app).drain()
    warmed = {language: view(language) for language in ("en", "de")}
    assert [renders for _html, renders in warmed.values()] == [0, 0]
    for language, (html, _renders) in warmed.items():
        client.set_cookie("storyloop_lang", language)
        assert kept_part(html) == kept_part(fresh_render(app, client, ENGLISH_STORIES))
        assert kept_part(html) != kept_part(firsts[language])  # the new story, in English, is in view


def test_a_change_outside_a_remit_renders_nothing_for_it(app, world, make_user):
    east_only = make_user(Role.FUNDER)
    db.session.add(FunderRemit(user_id=east_only.id, region="East"))
    db.session.commit()
    client = signed_in(app, east_only)
    first, _ = rollup_queries(app, client)
    publish_at_a1(world)  # North Trust: not in view of the East's funder
    warmer_of(app).drain()
    assert warmer_of(app).rendered == 0
    again, renders = viewed(app, client)
    assert renders == 0 and kept_part(again) == kept_part(first)


def test_changes_held_back_are_warmed_when_the_block_ends(app, world):
    client = signed_in(app, world.funder)
    rollup_queries(app, client)
    warmer = warmer_of(app)
    with warmer.held():
        publish_at_a1(world)
        warmer.drain()
        assert warmer.rendered == 0
        html, renders = viewed(app, client)  # a view that comes first renders it itself
        assert renders == 1 and summary_stories(html) == 16
        publish_at_a1(world, datetime(2026, 3, 2, 9))
    warmer.drain()
    assert warmer.rendered >= 1
    html, renders = viewed(app, client)
    assert renders == 0 and summary_stories(html) == 17


def test_someone_who_may_no_longer_see_the_dashboard_is_not_warmed(app, world):
    client = signed_in(app, world.funder)
    rollup_queries(app, client)
    db.session.get(User, world.funder.id).role = Role.STORYTELLER
    db.session.commit()
    publish_at_a1(world)
    warmer_of(app).drain()
    assert warmer_of(app).rendered == 0
    assert client.get("/dashboard/").status_code == 403


def test_only_the_latest_views_of_the_window_are_remembered(app, world, monkeypatch):
    client = signed_in(app, world.funder)
    app.config["DASHBOARD_WARM_VIEWS"] = 2
    for since in ("2026-01", "2026-02", "2026-03"):
        client.get("/dashboard/", query_string={"since": since, "until": "2026-03"})
    with app.app_context():
        assert [view.full_path for view in views_in_use()] == [
            "/dashboard/?since=2026-03&until=2026-03", "/dashboard/?since=2026-02&until=2026-03"]
        # Seen more than the window ago: forgotten when the next view is noted.
        views = cache.get(VIEWS_KEY)
        cache.set(VIEWS_KEY, {view: seen - app.config["DASHBOARD_WARM_SECONDS"] for view, seen in views.items()})
    client.get("/dashboard/")
    with app.app_context():
        assert [view.full_path for view in views_in_use()] == ["/dashboard/?"]


def test_a_superseded_warmed_dashboard_is_dropped(app, world):
    client = signed_in(app, world.funder)
    rollup_queries(app, client)
    warmer = warmer_of(app)
    publish_at_a1(world)
    warmer.drain()
    (first_keys,) = warmer._warmed.values()
    publish_at_a1(world, datetime(2026, 3, 2, 9))
    warmer.drain()
    (second_keys,) = warmer._warmed.values()
    figures_first, figures_second = first_keys[0], second_keys[0]
    assert figures_first != figures_second
    with app.app_context():
        assert cache.get(figures_first) is None and cache.get(figures_second) is not None


def test_a_failed_warm_is_logged_without_personal_data_and_views_still_work(app, world, caplog, monkeypatch):
    client = signed_in(app, world.funder)
    rollup_queries(app, client)
    warmer = warmer_of(app)

    def broken(user):  # noqa: ANN001, ANN202
        raise RuntimeError(f"cannot render for {user.email}")

    monkeypatch.setattr(warmer, "parts_of", broken)
    with caplog.at_level(logging.WARNING, logger="feedback_app.blueprints.dashboard_warm"):
        add_story(db.session.get(Service, world.ids["A1"]), datetime(2026, 2, 20, 9), Spec(1, G, N, 2))
        db.session.commit()
        warmer.drain()
    assert "warming dashboards failed: RuntimeError" in caplog.text
    assert world.funder.email not in caplog.text
    html, renders = viewed(app, client)
    assert renders == 1 and summary_stories(html) == 16


def test_the_warmer_forgets_views_no_longer_in_use(app, world):
    client = signed_in(app, world.funder)
    for since in ("2026-01", "2026-02"):
        client.get("/dashboard/", query_string={"since": since, "until": "2026-03"})
    warmer = warmer_of(app)
    publish_at_a1(world)
    warmer.drain()
    assert len(warmer._warmed) == 2
    app.config["DASHBOARD_WARM_VIEWS"] = 1
    client.get("/dashboard/")
    publish_at_a1(world, datetime(2026, 3, 2, 9))
    warmer.drain()
    with app.app_context():
        assert list(warmer._warmed) == views_in_use() and len(views_in_use()) == 1


def test_a_view_seen_again_within_the_minute_is_not_noted_again(app, world):
    """Noting a view reads and writes the list of views; a repeat view within NOTE_AGAIN_AFTER leaves it alone."""
    client = signed_in(app, world.funder)
    client.get("/dashboard/")
    with app.app_context():
        first = cache.get(VIEWS_KEY)
        cache.set(VIEWS_KEY, {view: seen - 30 for view, seen in first.items()})  # as if noted 30 s ago
    client.get("/dashboard/")
    with app.app_context():
        assert cache.get(VIEWS_KEY) == {view: seen - 30 for view, seen in first.items()}
