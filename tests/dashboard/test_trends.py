"""Themes improving or worsening: a two-proportion z-test, only with 20 mentions or more in both periods."""
from __future__ import annotations

from datetime import date

import pytest

from feedback_app.extensions import db
from feedback_app.models import FunderRemit, Role
from feedback_app.services.dashboard import DashboardFilters, overview
from feedback_app.services.dashboard_stats import theme_trend
from feedback_app.services.remits import remit_scope
from feedback_app.services.rollups import rebuild_rollups
from tests.conftest import login
from tests.dashboard.conftest import G, M, N, P, Spec, add_provider, add_stories

NOW = DashboardFilters(since=date(2026, 1, 1), until=date(2026, 3, 1))


def sentiments(negative: int, total: int) -> list:
    return [N] * negative + [P] * (total - negative)


@pytest.fixture
def trend_world(app, ctx, make_user):
    service = add_provider("Trend Trust", "trend-trust", region="West")
    # Per period, 30 stories; each carries some of four themes, with these (negative, mentions):
    #   communication    before 6 of 30, now 18 of 30 → worsening (z = 3.16)
    #   travel_parking   before 15 of 20, now 5 of 20 → improving (z = −3.16)
    #   environment      before 10 of 25, now 8 of 25 → no clear change (z = −0.59)
    #   coordination     before 19 mentions only → not tested
    plan = {"before": {"communication": (6, 30), "travel_parking": (15, 20), "environment": (10, 25),
                       "coordination": (0, 19)},
            "now": {"communication": (18, 30), "travel_parking": (5, 20), "environment": (8, 25),
                    "coordination": (10, 20)}}
    for period, (year, month) in (("before", (2025, 11)), ("now", (2026, 2))):
        specs = [Spec(3, G, M, 1, {}) for _ in range(30)]
        for theme, (negative, mentions) in plan[period].items():
            for n, sentiment in enumerate(sentiments(negative, mentions)):
                specs[n].themes[theme] = sentiment
        add_stories(service, year, month, specs)
    funder = make_user(Role.FUNDER)
    db.session.add(FunderRemit(user_id=funder.id, region="West"))
    db.session.commit()
    rebuild_rollups()
    db.session.commit()
    return funder


def test_the_z_test_flags_what_changed_enough(trend_world):
    trends = {t.theme: t for t in overview(remit_scope(trend_world), NOW).trends}
    assert trends["communication"].direction == "worsening"
    assert trends["communication"].z == pytest.approx(3.1623, abs=1e-3)  # 0.4 / √(0.4·0.6·(2/30))
    assert trends["travel_parking"].direction == "improving"
    assert trends["travel_parking"].z == pytest.approx(-3.1623, abs=1e-3)  # −0.5 / √(0.25·(2/20))
    assert trends["environment"].tested and trends["environment"].direction is None
    assert trends["environment"].z == pytest.approx(-0.5893, abs=1e-3)  # −0.08 / √(0.36·0.64·(2/25))
    assert not trends["coordination"].tested


def test_the_threshold_is_twenty_mentions_in_each_period():
    assert not theme_trend("x", 0, 19, 19, 19).tested
    assert theme_trend("x", 0, 20, 19, 20).tested
    assert theme_trend("x", 0, 20, 19, 20).direction == "worsening"


def test_the_page_says_what_the_test_is(client, trend_world):
    login(client, trend_world)
    html = client.get("/dashboard/?since=2026-01&until=2026-03").get_data(as_text=True)
    assert "two-proportion z-test" in html and "at least 20 mentions" in html
    assert "Worsening" in html and "Improving" in html and "Too few mentions to test" in html
