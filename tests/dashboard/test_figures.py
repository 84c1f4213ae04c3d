"""Every figure of the dashboard against numbers counted by hand from tests/dashboard/conftest.py."""
from __future__ import annotations

from datetime import date

import pytest

from feedback_app.services.dashboard import DashboardFilters, overview
from feedback_app.services.dashboard_tables import build_table
from feedback_app.services.remits import remit_scope
from feedback_app.services.rollups import rebuild_rollups
from tests.conftest import login

RANGE = DashboardFilters(since=date(2026, 1, 1), until=date(2026, 3, 1))
HIDDEN = "fewer than 5"


@pytest.fixture
def view(world):
    return overview(remit_scope(world.funder), RANGE)


def test_totals_are_the_sums_counted_by_hand(view):
    t = view.totals
    assert (t["stories"], t["rating_sum"], t["rating_sq_sum"]) == (15, 48, 180)
    assert (t["fft_answered"], t["fft_positive"]) == (13, 8)
    assert (t["sentiment_positive"], t["sentiment_mixed"], t["sentiment_negative"]) == (6, 2, 7)
    assert [t[f"criticality_{n}"] for n in range(6)] == [4, 2, 2, 1, 4, 2]
    assert t["critical"] == 6
    assert t["responded"] == 5
    assert view.response_buckets == [1, 1, 1, 0, 1, 1, 0]
    assert (t["changes_planned"], t["changes_made"], t["changes_confirmed"]) == (1, 2, 1)


def test_volume_matrix_and_providers_by_hand(view):
    assert [(m.month, n) for m, n in view.volume] == [(1, 6), (2, 5), (3, 4)]
    assert [(r.theme, r.positive, r.mixed, r.negative, r.stories) for r in view.matrix] == [
        ("access_waiting", 0, 2, 7, 9), ("staff_attitude", 6, 0, 3, 9)]
    assert [(p.name, p.stories, p.rating_sum, p.rating_sq_sum, p.fft_answered, p.fft_positive)
            for p in view.providers] == [("North Community", 2, 9, 41, 2, 2), ("North Trust", 9, 31, 121, 8, 5),
                                         ("South Trust", 4, 8, 18, 3, 1)]


def texts(table, app):
    from feedback_app.blueprints.dashboard_filters import cell_text
    with app.test_request_context():
        return [[cell_text(cell) for cell in row] for row in table.rows]


def test_summary_table_with_intervals_and_suppression(app, view):
    rows = texts(build_table("summary", view), app)
    assert rows == [
        ["Stories", "15", ""],
        ["Average rating (1 to 5)", "3.20", "2.44–3.96"],  # t(14) = 2.145; sd² = (180 − 48²/15)/14
        ["Positive Friends and Family answers", "61.5%", "35.5%–82.3%"],  # Wilson, 8 of 13
        ["Stories answered (response rate)", "33.3%", ""],  # 5 of 15
        ["Median time to a first response (approximate)", "2 to 4 days", ""],  # 3rd of 5: 0.5, 1.5, 3, 10, 20
        ["Critical stories (criticality 4 or 5)", "6", ""],
        ["Changes planned", HIDDEN, ""], ["Changes made", HIDDEN, ""], ["Changes confirmed by storytellers", HIDDEN, ""],
    ]


def test_splits_hide_small_counts_and_one_more_where_one_alone_would_give_it_away(app, view):
    # February (5) is hidden too: otherwise 15 stories − 6 − 5 would tell March's 4.
    assert texts(build_table("volume", view), app) == [["Jan 2026", "6"], ["Feb 2026", HIDDEN], ["Mar 2026", HIDDEN]]
    # Mixed (2) is small; positive (6) goes with it, so the two cannot be told apart.
    assert texts(build_table("sentiment", view), app) == [
        ["positive", HIDDEN, HIDDEN], ["mixed", HIDDEN, HIDDEN], ["negative", "7", "46.7%"]]
    assert all(row[1:] == [HIDDEN, HIDDEN] for row in texts(build_table("criticality", view), app))
    assert all(row[1] == HIDDEN for row in texts(build_table("response_times", view), app))


def test_theme_matrix_cells_below_five_are_hidden(app, view):
    assert texts(build_table("matrix", view), app) == [
        ["Access and waiting", HIDDEN, HIDDEN, "7", "9"],
        ["Staff attitude and kindness", "6", HIDDEN, HIDDEN, "9"],
    ]


def test_provider_comparison_with_intervals_and_suppression(app, view):
    assert texts(build_table("providers", view), app) == [
        ["North Community", HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN],
        ["North Trust", "9", "3.44", "2.42–4.47", "62.5%", "30.6%–86.3%"],  # t(8) = 2.306; Wilson 5 of 8
        ["South Trust", HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN],
    ]


def test_a_theme_filter_sums_the_theme_rows(world):
    view = overview(remit_scope(world.funder), DashboardFilters(since=RANGE.since, until=RANGE.until,
                                                                theme="staff_attitude"))
    # The 9 stories with the theme: A1 January (6), AC1 (2), B1's second story.
    assert view.totals["stories"] == 9
    assert view.totals["rating_sum"] == 5 + 5 + 4 + 4 + 3 + 1 + 5 + 4 + 2
    assert [r.theme for r in view.matrix] == ["staff_attitude"]


def test_filters_by_kind_region_language_and_organisation(world):
    scope = remit_scope(world.funder)

    def stories(**narrowing) -> int:
        return overview(scope, DashboardFilters(since=RANGE.since, until=RANGE.until, **narrowing)).totals["stories"]

    from feedback_app.models import ServiceKind
    assert stories(kind=ServiceKind.CARE_HOME) == 2
    assert stories(region="South") == 4
    assert stories(organisation_id=world.ids["A"]) == 11  # with its child organisation
    assert stories(service_id=world.ids["AC1"]) == 2
    assert stories(language="de") == 0
    assert overview(scope, DashboardFilters(since=date(2026, 2, 1), until=date(2026, 2, 1))).totals["stories"] == 5


def test_admins_see_every_organisation(world):
    view = overview(remit_scope(world.admin), RANGE)
    assert view.totals["stories"] == 22
    assert [p.name for p in view.providers] == ["East Trust", "North Community", "North Trust", "South Trust"]


def test_the_page_shows_the_hand_counted_figures(client, world):
    login(client, world.funder)
    html = client.get("/dashboard/?since=2026-01&until=2026-03").get_data(as_text=True)
    for expected in ("3.20", "2.44–3.96", "61.5%", "35.5%–82.3%", "33.3%", "2 to 4 days", "North Trust"):
        assert expected in html
    assert "East Trust" not in html and "Outside the remit" not in html


def test_rebuilding_changes_nothing(world):
    before = overview(remit_scope(world.funder), RANGE).totals
    rebuild_rollups()
    assert overview(remit_scope(world.funder), RANGE).totals == before


def test_german_readers_get_german_numbers(client, world):
    login(client, world.funder)
    html = client.get("/dashboard/?since=2026-01&until=2026-03", headers={"Accept-Language": "de"}).get_data(
        as_text=True)
    assert 'lang="de"' in html and "3,20" in html and "2,44–3,96" in html
