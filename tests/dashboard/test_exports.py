"""CSV files: the filters in the first lines, the same suppression as the page, no formulas for a spreadsheet."""
from __future__ import annotations

import csv
import io

import pytest

from feedback_app.extensions import db
from feedback_app.models import Organisation
from feedback_app.services.dashboard_tables import TABLES
from tests.conftest import login
from tests.dashboard.conftest import RANGE


def read(client, url, **query) -> tuple[dict[str, str], list[list[str]]]:
    """(comment lines as {name: value}, the header and data rows)."""
    response = client.get(url, query_string={**RANGE, **query})
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    comments = {row[0][2:]: (row[1] if len(row) > 1 else "") for row in rows if row and row[0].startswith("# ")}
    return comments, [row for row in rows if row and not row[0].startswith("# ")]


@pytest.fixture
def funder_client(client, world):
    login(client, world.funder)
    return client


def test_summary_csv_has_the_filters_and_the_suppressed_figures(funder_client, world):
    comments, rows = read(funder_client, "/dashboard/export/summary.csv", theme="", organisation=world.ids["A"])
    assert comments["Months published"] == "2026-01 – 2026-03"
    assert comments["Organisation"] == "North Trust"
    assert "fewer than 5" in comments["Suppression"]
    assert rows[0] == ["Figure", "Value", "95% interval"]
    # North Trust with North Community: 11 stories, ratings 31 + 9 = 40.
    assert rows[1] == ["Stories", "11", ""]
    assert rows[7] == ["Changes planned", "fewer than 5", ""]


def test_every_table_downloads_with_its_header(funder_client):
    for name in TABLES:
        comments, rows = read(funder_client, f"/dashboard/export/{name}.csv", theme="access_waiting")
        assert comments["Theme"] == "Access and waiting"
        assert rows, name


def test_matrix_and_volume_csv_suppress_as_the_page_does(funder_client):
    _, rows = read(funder_client, "/dashboard/export/matrix.csv")
    assert rows[1:] == [["Access and waiting", "fewer than 5", "fewer than 5", "7", "9"],
                        ["Staff attitude and kindness", "6", "fewer than 5", "fewer than 5", "9"]]
    _, rows = read(funder_client, "/dashboard/export/volume.csv")
    assert rows[1:] == [["2026-01", "6"], ["2026-02", "fewer than 5"], ["2026-03", "fewer than 5"]]


def test_providers_csv_has_intervals_and_hides_small_providers(funder_client):
    _, rows = read(funder_client, "/dashboard/export/providers.csv")
    assert rows[2] == ["North Trust", "9", "3.44", "2.42–4.47", "62.5", "30.6–86.3"]
    assert rows[1][1:] == ["fewer than 5"] * 5 and rows[3][1:] == ["fewer than 5"] * 5


def test_stories_csv_lists_the_stories_behind_a_figure_with_the_figure_in_the_header(funder_client):
    comments, rows = read(funder_client, "/dashboard/stories.csv", theme="access_waiting", sentiment="negative")
    assert comments["Theme"] == "Access and waiting" and comments["Feeling"] == "negative"
    assert rows[0][:3] == ["Story", "Title", "Published"]
    assert len(rows) - 1 == 7
    assert all("Access and waiting (negative)" in row[9] for row in rows[1:])


def test_stories_csv_below_five_lists_nothing(funder_client):
    comments, rows = read(funder_client, "/dashboard/stories.csv", criticality="4")
    assert rows == [rows[0]]  # the header only
    assert comments["Stories"] == "fewer than 5: not listed"


def test_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe(funder_client, world):
    organisation = db.session.get(Organisation, world.ids["A"])
    organisation.name = "@SUM(1+1)"
    db.session.commit()
    comments, rows = read(funder_client, "/dashboard/export/escalations.csv", organisation=world.ids["A"])
    assert comments["Organisation"] == "'@SUM(1+1)"
    titles = [row[1] for row in rows[1:]]
    assert "'=HYPERLINK(\"http://evil.example\")" in titles
    _, rows = read(funder_client, "/dashboard/stories.csv")
    assert "'=HYPERLINK(\"http://evil.example\")" in [row[1] for row in rows[1:]]
    _, rows = read(funder_client, "/dashboard/export/providers.csv")
    assert rows[1][0] == "'@SUM(1+1)"  # now first by name
