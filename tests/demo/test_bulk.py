"""`flask demo seed --stories N`: many published stories by bulk insert, with or without the demo."""
from __future__ import annotations

from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Service, Story, StoryAction, StoryEvent, StoryStatus, User, story_services


def _count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_bulk_on_an_empty_database_builds_the_directory_and_adds_exactly_n(fresh_app, run_demo):
    result = run_demo("seed", "--stories", "500", "--chunk-size", "120")
    assert result.exit_code == 0, result.output
    with fresh_app.app_context():
        assert _count(Story) == 500
        assert _count(Service) > 0
        assert _count(User) == 0  # the accounts are the demo's, which can still be loaded afterwards
        assert db.session.scalar(select(func.count()).where(Story.status != StoryStatus.PUBLISHED)) == 0
        assert db.session.scalar(select(func.count(func.distinct(story_services.c.story_id)))) == 500
        actions = db.session.execute(select(StoryEvent.action, func.count()).group_by(StoryEvent.action)).all()
        assert dict(actions) == {StoryAction.SUBMIT: 500, StoryAction.PUBLISH: 500}
        stories = db.session.scalars(select(Story)).all()
        assert all(s.submitted_at <= s.published_at for s in stories)
        assert {s.language for s in stories} == {"en", "de"}
        assert {s.rating_overall for s in stories} == {1, 2, 3, 4, 5}


def test_demo_loads_after_a_bulk_run_and_bulk_adds_on_top_of_it(fresh_app, run_demo):
    with fresh_app.app_context():
        services_before = _count(Service)
    assert "Password for every demo account" in run_demo("seed").output
    with fresh_app.app_context():
        assert _count(Service) == services_before  # the demo reused the directory the bulk run made
        stories_before = _count(Story)
        moderator = db.session.scalar(select(User.id).where(User.email == "moderator@example.org"))

    assert run_demo("seed", "--stories", "500").exit_code == 0
    with fresh_app.app_context():
        assert _count(Story) == stories_before + 500
        newest = db.session.scalars(select(Story).order_by(Story.id.desc()).limit(500)).all()
        assert all(s.status is StoryStatus.PUBLISHED for s in newest)
        assert all(s.events[-1].actor_id == moderator for s in newest)
