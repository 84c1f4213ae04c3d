"""The rendered dashboard is kept per figures' version: a repeat view reads no figures, a change shows at once."""
from __future__ import annotations

from sqlalchemy import event

from feedback_app.extensions import db
from feedback_app.models import FunderRemit
from feedback_app.services.remits import remove_remit
from tests.conftest import login

RANGE = {"since": "2026-01", "until": "2026-03"}


def rollup_queries(app, client, query_string=RANGE) -> tuple[str, int]:
    """The page, and how many statements it sent to the rollups."""
    seen = []
    with app.app_context():
        engine = db.engine

    def count(_conn, _cursor, statement, *_args):  # noqa: ANN001
        if "story_rollups" in statement:
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        html = client.get("/dashboard/", query_string=query_string).get_data(as_text=True)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return html, len(seen)


def test_a_repeat_view_is_served_without_reading_the_figures(app, world):
    client = app.test_client()
    login(client, world.funder)
    first, queries = rollup_queries(app, client)
    assert queries > 0 and "North Trust" in first
    again, queries = rollup_queries(app, client)
    assert queries == 0
    assert again.count("North Trust") == first.count("North Trust")


def test_a_change_to_the_remit_shows_at_once(app, world):
    client = app.test_client()
    login(client, world.funder)
    assert "South Trust" in rollup_queries(app, client)[0]
    with app.test_request_context(method="POST"):
        south = db.session.scalars(db.select(FunderRemit).where(FunderRemit.region == "South")).one()
        remove_remit(south)
        db.session.commit()
    html, queries = rollup_queries(app, client)
    assert queries > 0 and "South Trust" not in html
