"""A funder in a real browser: filters the dashboard to one theme and a range of months, opens the stories behind
a figure and downloads them as CSV."""
from __future__ import annotations

import csv
import io
import re
from datetime import datetime

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import (
    AuthorRole,
    FftAnswer,
    FunderRemit,
    Organisation,
    Role,
    Sentiment,
    Story,
    StoryStatus,
    StoryTheme,
    story_services,
)
from feedback_app.services.accounts import register_user
from feedback_app.services.rollups import rebuild_rollups

from .steps import PASSWORD, screenshot, sign_in

pytestmark = pytest.mark.e2e

FUNDER_EMAIL = "funder@e2e.example.org"
SEEDED_MONTH = 4  # April 2025: before anything the other journeys publish


@pytest.fixture(scope="module")
def funder(live_server) -> str:
    """A funder overseeing the Leeds organisation, and seven stories about its ward in April 2025."""
    with live_server.app.app_context():
        user = register_user(FUNDER_EMAIL, PASSWORD, "Fran Funder", role=Role.FUNDER, locale="en")
        leeds = db.session.scalars(select(Organisation).where(Organisation.slug == "e2e-org-0")).one()
        db.session.add(FunderRemit(user_id=user.id, organisation_id=leeds.id))
        ward = live_server.services["Ward 14 (Elderly care)"]
        for n in range(7):
            published = datetime(2025, SEEDED_MONTH, 2 + n, 11)
            story = Story(title=f"Nobody told us about the discharge ({n + 1})", body="We were not kept informed.",
                          experienced_on=published.date().replace(day=1), author_role=AuthorRole.CARER,
                          pseudonym="Robin", language="en", status=StoryStatus.PUBLISHED, rating_overall=2,
                          fft_answer=FftAnswer.POOR, sentiment=Sentiment.NEGATIVE, criticality=2,
                          submitted_at=published, published_at=published)
            db.session.add(story)
            db.session.flush()
            db.session.execute(story_services.insert(), [{"story_id": story.id, "service_id": ward, "position": 0}])
            # Six about communication, one about the building only: the theme filter must leave it out.
            code = "communication" if n < 6 else "environment"
            db.session.add(StoryTheme(story_id=story.id, code=code, sentiment=Sentiment.NEGATIVE))
        db.session.commit()
        rebuild_rollups()
        db.session.commit()
    return FUNDER_EMAIL


def test_a_funder_filters_opens_the_stories_behind_a_figure_and_downloads_them(page, funder) -> None:
    sign_in(page, funder)
    page.goto("/dashboard/")
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()

    page.get_by_label("Theme", exact=True).select_option(label="Communication and involvement")
    page.get_by_label("From (month published)").fill("2025-03")
    page.get_by_label("To (month published)").fill("2025-05")
    page.get_by_role("button", name="Show figures").click()
    expect(page).to_have_url(re.compile(r"theme=communication"))
    expect(page).to_have_url(re.compile(r"since=2025-03&until=2025-05"))
    summary = page.locator("#table-summary")
    expect(summary.get_by_role("row", name="Stories 6", exact=True)).to_be_visible()
    expect(page.locator("svg.chart").first).to_be_visible()
    screenshot(page, "dashboard-filtered")

    # The April bar of the volume table: the stories behind that one figure.
    page.locator("#heading-volume").locator("..").get_by_text("Show as a table").click()
    page.locator("#table-volume").get_by_role("link", name="6").click()
    expect(page).to_have_url(re.compile(r"/dashboard/stories\?.*month=2025-04"))
    expect(page.get_by_role("heading", name="Stories behind the figure")).to_be_visible()
    expect(page.locator(".story-card")).to_have_count(6)
    expect(page.get_by_text("Nobody told us about the discharge (7)")).to_have_count(0)

    with page.expect_download() as info:
        page.get_by_role("link", name="Download these stories as CSV").click()
    download = info.value
    assert download.suggested_filename == "stories.csv"
    rows = list(csv.reader(io.StringIO(open(download.path(), encoding="utf-8").read())))
    comments = {row[0]: row[1:] for row in rows if row and row[0].startswith("# ")}
    assert comments["# Theme"] == ["Communication and involvement"]
    assert comments["# Month published"] == ["2025-04"]
    data = [row for row in rows if row and not row[0].startswith("# ")]
    assert data[0][:2] == ["Story", "Title"]
    assert sorted(row[1] for row in data[1:]) == [f"Nobody told us about the discharge ({n})" for n in range(1, 7)]
