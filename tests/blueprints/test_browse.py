"""Browsing: the front page, /stories with filters and pages, and organisation and service pages."""
from __future__ import annotations

from datetime import date

from feedback_app.extensions import db
from feedback_app.models import Organisation, ServiceKind, StoryStatus


def test_front_page_counts_published_stories_only(client, make_story):
    for _ in range(3):
        make_story(status=StoryStatus.PUBLISHED)
    make_story(status=StoryStatus.PENDING)
    make_story(status=StoryStatus.REJECTED)
    assert b"3 stories published so far" in client.get("/").data


def test_stories_filter_by_kind_organisation_service_rating_and_date(app, client, make_service, make_story):
    ward = make_service(kind=ServiceKind.HOSPITAL)
    surgery = make_service(kind=ServiceKind.GP_PRACTICE)
    make_story(title="Ward praise", services=[ward], rating=5, experienced_on=date(2025, 3, 1))
    make_story(title="Surgery gripe", services=[surgery], rating=1, experienced_on=date(2025, 9, 1))

    def titles(query: str) -> set[str]:
        page = client.get(f"/stories?{query}").data.decode()
        return {t for t in ("Ward praise", "Surgery gripe") if t in page}

    assert titles("") == {"Ward praise", "Surgery gripe"}
    assert titles("kind=gp_practice") == {"Surgery gripe"}
    assert titles(f"organisation={ward.organisation_id}") == {"Ward praise"}
    assert titles(f"service={surgery.id}") == {"Surgery gripe"}
    assert titles("min_rating=4") == {"Ward praise"}
    assert titles("max_rating=2") == {"Surgery gripe"}
    assert titles("since=2025-06") == {"Surgery gripe"}
    assert titles("until=2025-06") == {"Ward praise"}
    assert titles("kind=nonsense&min_rating=banana&since=june") == {"Ward praise", "Surgery gripe"}


def test_organisation_page_includes_child_organisations(app, client, make_service, make_story):
    with app.app_context():
        parent = Organisation(name="Caritasverband Köln", slug="caritas-koeln", country="DE")
        db.session.add(parent)
        db.session.flush()
        child = Organisation(name="Caritas Jugendhilfe", slug="caritas-jugend", country="DE", parent_id=parent.id)
        db.session.add(child)
        db.session.commit()
        child = db.session.get(Organisation, child.id)
        db.session.expunge(child)
    youth = make_service(name="Jugendzentrum Nord", organisation=child, town="Köln", country="DE")
    make_story(title="Tolle Betreuer", services=[youth], language="de")
    page = client.get("/organisations/caritas-koeln").data.decode()
    assert "Tolle Betreuer" in page and "Caritas Jugendhilfe" in page


def test_average_rating_shows_only_from_five_stories(client, make_service, make_story):
    service = make_service()
    for rating in (5, 4, 4, 3):
        make_story(services=[service], rating=rating)
    make_story(services=[service], rating=1, status=StoryStatus.PENDING)
    page = client.get(f"/services/{service.slug}").data.decode()
    assert "Average rating" not in page and "at least 5 stories" in page
    make_story(services=[service], rating=4)
    page = client.get(f"/services/{service.slug}").data.decode()
    assert "Average rating: 4 out of 5" in page


def test_stories_are_paginated(app, client, make_service, make_story):
    service = make_service()
    for n in range(app.config["STORIES_PER_PAGE"] + 3):
        make_story(services=[service], title=f"Numbered story {n:02d}")
    first = client.get("/stories?kind=hospital").data.decode()
    second = client.get("/stories?kind=hospital&page=2").data.decode()
    assert "Page 1 of 2" in first and 'rel="next"' in first and "kind=hospital" in first
    assert second.count("Numbered story") == 3
    assert client.get("/stories?page=99").status_code == 200
