"""The rendered dashboard is kept per its organisations' version: a repeat view reads no figures, a change shows
at once, and a change elsewhere leaves it kept."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import event

from feedback_app.extensions import db
from feedback_app.models import FunderRemit, Role, Service
from feedback_app.services.remits import remove_remit
from tests.conftest import login

from .conftest import G, P, Spec, add_story

RANGE = {"since": "2026-01", "until": "2026-03"}


def viewed_with_statements(app, client, query_string=RANGE) -> tuple[str, list[str]]:
    """The page, and every statement it sent."""
    seen = []
    with app.app_context():
        engine = db.engine

    def record(_conn, _cursor, statement, *_args):  # noqa: ANN001
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        with app.app_context():  # its own, so that who is signed in is not remembered from another client
            html = client.get("/dashboard/", query_string=query_string).get_data(as_text=True)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return html, seen


def rollup_queries(app, client, query_string=RANGE) -> tuple[str, int]:
    """The page, and how many statements it sent to the rollups."""
    html, seen = viewed_with_statements(app, client, query_string)
    return html, sum("story_rollups" in statement for statement in seen)


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


def test_a_story_in_one_organisation_leaves_dashboards_of_others_kept(app, world, make_user):
    """A new story at North Trust: the dashboard of a funder of South alone is still the kept one; the funder
    whose remit includes North Trust sees it at once."""
    south_only = make_user(Role.FUNDER)
    db.session.add(FunderRemit(user_id=south_only.id, region="South"))
    db.session.commit()
    both, south = app.test_client(), app.test_client()
    for client, user in ((both, world.funder), (south, south_only)):
        with app.app_context():  # each its own: the test's context would remember the first one signed in
            login(client, user)
    first, _ = rollup_queries(app, both)
    south_first, queries = rollup_queries(app, south)
    assert queries > 0 and "North Trust" not in south_first
    with app.app_context():
        add_story(db.session.get(Service, world.ids["A1"]), datetime(2026, 2, 20, 9), Spec(5, G, P, 0))
        db.session.commit()  # the rollups of North Trust, and its version, move at commit
    south_again, queries = rollup_queries(app, south)
    assert queries == 0 and kept_part(south_again) == kept_part(south_first)
    html, queries = rollup_queries(app, both)
    assert queries > 0
    assert summary_stories(html) == summary_stories(first) + 1 == 16


def summary_stories(html: str) -> int:
    """The first figure of the key figures table: the number of stories."""
    row = html.split('id="table-summary"', 1)[1].split("<td>", 1)[1]
    return int(row.split(">", 1)[1].split("<", 1)[0])


def kept_part(html: str) -> str:
    """The dashboard without the page around it, whose CSRF tokens carry the second they were made in."""
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def test_a_repeat_view_costs_two_statements(app, world):
    """Who is signed in, with the memberships the navigation asks for; and the remit with its versions."""
    client = app.test_client()
    login(client, world.funder)
    rollup_queries(app, client)
    _html, seen = viewed_with_statements(app, client)
    reads = [statement for statement in seen if statement.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert len(reads) == 2, reads
    assert "memberships" in reads[0]


def test_a_kept_dashboard_is_not_served_on_another_day(app, world, monkeypatch):
    """The default months follow today: the first view in a new month shows that month's range, not the range
    of the view kept the day before."""
    from feedback_app.blueprints import dashboard as dashboard_view

    class NextMonth(date):
        @classmethod
        def today(cls) -> date:
            return (date.today().replace(day=28) + timedelta(days=4)).replace(day=1)

    client = app.test_client()
    login(client, world.funder)
    before, _ = rollup_queries(app, client, query_string={})
    monkeypatch.setattr(dashboard_view, "date", NextMonth)
    after, queries = rollup_queries(app, client, query_string={})
    assert queries > 0
    assert period(before) != period(after)
    assert f"{NextMonth.today():%B %Y}" in period(after)


def period(html: str) -> str:
    """The sentence that says which months the figures cover."""
    return html.split("Stories published from", 1)[1].split(".", 1)[0]
