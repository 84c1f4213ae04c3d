"""The public subset on an organisation's page: the last twelve months, nothing resting on fewer than 5 stories."""
from __future__ import annotations

from datetime import date

from feedback_app.extensions import db
from feedback_app.services.dashboard import public_summary
from feedback_app.services.dashboard_tables import public_figures
from feedback_app.services.rollups import rebuild_rollups
from tests.dashboard.conftest import AW, SA, G, N, P, Spec, add_provider, add_stories
from tests.dashboard.test_figures import HIDDEN


def texts(app, figures):
    from feedback_app.blueprints.dashboard_filters import cell_text
    with app.test_request_context():
        return (cell_text(figures.stories), cell_text(figures.rating), cell_text(figures.fft),
                figures.praised and str(figures.praised), figures.criticised)


def test_an_organisation_with_its_children_over_twelve_months(app, world):
    figures = public_figures(public_summary(world.ids["A"], date(2026, 3, 15)))
    # North Trust and North Community: 11 stories, ratings 31 + 9 = 40; FFT 7 positive of 10 answered.
    # Praised: staff attitude positive 4 + 2 = 6; criticised: access and waiting negative only 4.
    assert texts(app, figures) == ("11", "3.64", "70.0%", "Staff attitude and kindness", None)
    assert [m.strftime("%Y-%m") for m, _ in figures.volume][0] == "2025-04"
    assert [c.value for m, c in figures.volume if not c.hidden] == [6, 5]


def test_a_small_organisation_shows_nothing_but_that_it_is_small(app, world):
    figures = public_figures(public_summary(world.ids["B"], date(2026, 3, 15)))
    assert texts(app, figures) == (HIDDEN, HIDDEN, HIDDEN, None, None)
    assert all(cell.hidden for _, cell in figures.volume)


def test_the_page_shows_the_subset_to_visitors(client, ctx):
    service = add_provider("Public Trust", "public-trust")
    today = date.today()
    add_stories(service, today.year, today.month, [Spec(r, G, P, 0, {SA: P, AW: N}) for r in (5, 4, 4, 3, 2)])
    db.session.commit()
    rebuild_rollups()
    db.session.commit()
    html = client.get("/organisations/public-trust").get_data(as_text=True)
    assert "The last twelve months" in html
    assert "3.60" in html and "100.0%" in html  # (5+4+4+3+2)/5; every answer "good"
    assert "Staff attitude and kindness" in html and "Access and waiting" in html
    assert '<table class="table" id="table-public-volume">' in html and "<svg" in html
    assert 'style="' not in html  # the CSP forbids inline styles


def test_a_small_organisation_page_says_fewer_than_five(client, world):
    html = client.get("/organisations/dash-b").get_data(as_text=True)
    assert "fewer than 5" in html and "not enough stories yet" in html
