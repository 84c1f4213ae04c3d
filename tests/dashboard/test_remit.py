"""A funder sees only their remit: by page, filter, URL and export; an admin sees all; no remit, nothing."""
from __future__ import annotations

import pytest

from feedback_app.services.remits import remit_scope
from tests.conftest import login
from tests.dashboard.conftest import RANGE

ROUTES = ["/dashboard/", "/dashboard/stories", "/dashboard/stories.csv", "/dashboard/export/summary.csv",
          "/dashboard/export/providers.csv", "/dashboard/export/escalations.csv"]


def test_remit_covers_assigned_organisations_their_children_and_regions(world):
    scope = remit_scope(world.funder)
    assert scope.organisation_ids == {world.ids["A"], world.ids["AC"], world.ids["B"]}
    assert remit_scope(world.admin).everything
    assert remit_scope(world.empty_funder).empty


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("narrowing", ["organisation={C}", "service={C1}", "organisation=999999", "service=999999"])
def test_asking_for_anything_outside_the_remit_is_404(client, world, route, narrowing):
    login(client, world.funder)
    response = client.get(f"{route}?{narrowing.format(**world.ids)}")
    assert response.status_code == 404


@pytest.mark.parametrize("route", ROUTES)
def test_nothing_outside_the_remit_shows_anywhere(client, world, route):
    login(client, world.funder)
    body = client.get(route, query_string=RANGE).get_data(as_text=True)
    assert "East Trust" not in body and "Outside the remit" not in body and "Service C1" not in body


def test_the_same_outside_organisation_is_there_for_an_admin(client, world):
    login(client, world.admin)
    assert client.get("/dashboard/", query_string={**RANGE, "organisation": world.ids["C"]}).status_code == 200
    body = client.get("/dashboard/export/escalations.csv", query_string=RANGE).get_data(as_text=True)
    assert "Outside the remit" in body


def test_a_region_outside_the_remit_is_left_out_and_said(client, world):
    login(client, world.funder)
    response = client.get("/dashboard/", query_string={**RANGE, "region": "East"})
    assert response.status_code == 200
    assert "no region of that name among your organisations" in response.get_data(as_text=True)
    assert "East Trust" not in response.get_data(as_text=True)


def test_a_funder_without_a_remit_gets_an_explained_empty_dashboard(client, world):
    login(client, world.empty_funder)
    page = client.get("/dashboard/").get_data(as_text=True)
    assert "No organisations or regions have been assigned to you yet" in page
    assert "North Trust" not in page
    csv_text = client.get("/dashboard/export/summary.csv", query_string=RANGE).get_data(as_text=True)
    assert "No organisations or regions have been assigned to you yet" in csv_text
    assert csv_text.strip().splitlines()[-1].startswith("Figure")  # the header row, and no figures
    assert "No organisations or regions" in client.get("/dashboard/stories").get_data(as_text=True)


@pytest.mark.parametrize("query", [
    "since=garbage&until=2026-13", "since=2027-01&until=2026-01", "since=1900-01", "kind=spaceship",
    "theme=nothing", "language=xx", "page=-3", "organisation=abc", "service=", "month=2020-01",
    "criticality=9", "responded=maybe", "change=everything", "region=",
])
def test_bad_filter_values_are_ignored_or_explained_never_an_error(client, world, query):
    login(client, world.funder)
    for route in ("/dashboard/", "/dashboard/stories", "/dashboard/stories.csv", "/dashboard/export/volume.csv"):
        assert client.get(f"{route}?{query}").status_code == 200, f"{route}?{query}"


def test_swapped_months_are_put_right_and_said(client, world):
    login(client, world.funder)
    page = client.get("/dashboard/?since=2026-03&until=2026-01").get_data(as_text=True)
    assert "the two were swapped" in page
    assert "3.20" in page  # the same figures as January to March


def test_unknown_table_is_404(client, world):
    login(client, world.funder)
    assert client.get("/dashboard/export/secrets.csv").status_code == 404
