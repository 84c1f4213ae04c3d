"""The stories behind a figure, and the escalation list: remit-scoped, filtered, paged, suppressed below 5."""
from __future__ import annotations

from datetime import date

import pytest

from feedback_app.extensions import db
from feedback_app.services.dashboard import DashboardFilters
from feedback_app.services.dashboard_stories import escalations
from feedback_app.services.remits import remit_scope
from tests.conftest import login
from tests.dashboard.conftest import RANGE


@pytest.fixture
def funder_client(client, world):
    login(client, world.funder)
    return client


def count_shown(html: str) -> int:
    return html.count('class="story-card"')


@pytest.mark.parametrize(("figure", "expected"), [
    ({}, 15),
    ({"month": "2026-01"}, 6),  # not the 7 of East Trust that month
    ({"theme": "access_waiting", "sentiment": "negative"}, 7),
    ({"theme": "staff_attitude"}, 9),
    ({"sentiment": "negative"}, 7),
    ({"organisation": "A"}, 11),
    ({"responded": "yes"}, 5),
    ({"responded": "no"}, 10),
    ({"critical": "yes"}, 6),
])
def test_stories_behind_a_figure(funder_client, world, figure, expected):
    query = {**RANGE, **{k: world.ids.get(v, v) if k == "organisation" else v for k, v in figure.items()}}
    html = funder_client.get("/dashboard/stories", query_string=query).get_data(as_text=True)
    assert f"{expected} stories" in html
    assert count_shown(html) == expected
    assert "Outside the remit" not in html


@pytest.mark.parametrize("figure", [{"criticality": "4"}, {"change": "made"}, {"service": "AC1"}])
def test_fewer_than_five_stories_are_not_listed(funder_client, world, figure):
    query = {**RANGE, **{k: world.ids.get(v, v) for k, v in figure.items()}}
    html = funder_client.get("/dashboard/stories", query_string=query).get_data(as_text=True)
    assert "Fewer than 5 stories match" in html
    assert count_shown(html) == 0


def test_stories_are_paged(app, funder_client):
    app.config["STORIES_PER_PAGE"] = 4
    html = funder_client.get("/dashboard/stories", query_string={**RANGE, "page": 4}).get_data(as_text=True)
    assert count_shown(html) == 3 and "Page 4 of 4" in html


def test_every_shown_figure_links_to_its_stories(funder_client):
    html = funder_client.get("/dashboard/", query_string=RANGE).get_data(as_text=True)
    assert "/dashboard/stories?since=2026-01&amp;until=2026-03&amp;month=2026-01" in html
    assert "theme=access_waiting&amp;sentiment=negative" in html
    assert "/dashboard/stories?since=2026-01&amp;until=2026-03&amp;responded=yes" in html
    assert "theme=staff_attitude&amp;sentiment=mixed" not in html  # suppressed: no link


def test_escalations_are_critical_unanswered_stories_in_remit_oldest_first(world):
    found = db.session.scalars(escalations(remit_scope(world.funder), DashboardFilters(
        since=date(2026, 1, 1), until=date(2026, 1, 1)), days=5)).all()
    s = world.stories
    assert [story.id for story in found] == [s["A1_january"][4], s["A1_february"][0], *s["B1_march"][:3]]
    everything = db.session.scalars(escalations(remit_scope(world.admin), DashboardFilters(
        since=date(2026, 1, 1), until=date(2026, 1, 1)), days=5)).all()
    assert s["C1_january"][0] in [story.id for story in everything]


def test_escalation_days_come_from_the_config(app, funder_client):
    assert "=HYPERLINK" in funder_client.get("/dashboard/", query_string=RANGE).get_data(as_text=True)
    app.config["ESCALATION_DAYS"] = 100_000
    html = funder_client.get("/dashboard/", query_string=RANGE).get_data(as_text=True)
    assert "every critical story has been answered in time" in html
    assert "after 100000 days" in html
