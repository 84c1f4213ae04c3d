"""The demo is reproducible: the same seed gives the same directory and stories, another seed other ones."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from feedback_app import create_app
from feedback_app.extensions import db
from feedback_app.models import Service, Story
from tests.conftest import config_for_tests


def _seed_and_read(folder: Path, *options: str) -> tuple[list, list]:
    folder.mkdir()
    app = create_app(config_for_tests(f"sqlite:///{folder / 'demo.sqlite'}"))
    with app.app_context():
        db.create_all()
    result = app.test_cli_runner().invoke(args=["demo", "seed", *options])
    assert result.exit_code == 0, result.output
    with app.app_context():
        stories = db.session.execute(select(Story.title, Story.body, Story.rating_overall).order_by(Story.id)).all()
        services = db.session.execute(select(Service.slug, Service.latitude, Service.postcode)).all()
        db.engine.dispose()
    return stories, services


def test_the_same_seed_gives_the_same_demo(tmp_path):
    first = _seed_and_read(tmp_path / "a")
    assert _seed_and_read(tmp_path / "b") == first
    other_stories, _ = _seed_and_read(tmp_path / "c", "--seed", "7")
    assert other_stories != first[0]
