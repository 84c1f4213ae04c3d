"""The provider inbox: whose stories it holds, its filters checked against a hand-made set, its order and pages."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from feedback_app.extensions import db
from feedback_app.models import (
    Membership,
    MembershipRole,
    Organisation,
    Progress,
    Role,
    Sentiment,
    Story,
    StoryStatus,
    StoryTheme,
)
from feedback_app.services.inbox import InboxFilters, inbox_rows, inbox_stories, member_organisations
from tests.conftest import app_context, login


@pytest.fixture
def inbox_world(app, make_organisation, make_service, make_story, set_progress):
    """A trust with a child organisation, an unrelated provider, and stories about each.

    story      services          published    themes (sentiment)          story feeling  criticality  progress
    old        Ward A            2025-01-15   communication (negative)    negative       4            trust: read
    mid        Clinic (child)    2025-03-10   staff_attitude (positive)   positive       1            child: responded
    path       Ward A → Clinic   2025-04-01   -                           mixed          3            trust: read, child: unread
    new        Ward B            2025-05-20   communication (positive)    mixed          -            no row (unread)
    foreign    Elsewhere         2025-06-01   communication (negative)    negative       5            -
    plus a pending and a withdrawn story about Ward A.
    """
    trust = make_organisation(name="Northfield Trust")
    child = make_organisation(name="Northfield Community", parent=trust)
    other = make_organisation(name="Other Provider")
    ward_a = make_service(name="Ward A", organisation=trust)
    ward_b = make_service(name="Ward B", organisation=trust)
    clinic = make_service(name="Clinic", organisation=child)
    elsewhere = make_service(name="Elsewhere", organisation=other)

    def story(title, services, published, themes=(), sentiment=None, criticality=None,
              status=StoryStatus.PUBLISHED) -> Story:
        made = make_story(status=status, services=services, title=title)
        with app_context(app):
            row = db.session.get(Story, made.id)
            row.published_at = published if status is StoryStatus.PUBLISHED else None
            row.sentiment, row.criticality = sentiment, criticality
            for code, theme_sentiment in themes:
                db.session.add(StoryTheme(story_id=row.id, code=code, sentiment=theme_sentiment))
            db.session.commit()
        return made

    stories = {
        "old": story("Old story", [ward_a], datetime(2025, 1, 15, 9), [("communication", Sentiment.NEGATIVE)],
                     Sentiment.NEGATIVE, 4),
        "mid": story("Mid story", [clinic], datetime(2025, 3, 10, 9), [("staff_attitude", Sentiment.POSITIVE)],
                     Sentiment.POSITIVE, 1),
        "path": story("Pathway story", [ward_a, clinic], datetime(2025, 4, 1, 0, 0), (), Sentiment.MIXED, 3),
        "new": story("New story", [ward_b], datetime(2025, 5, 20, 9), [("communication", Sentiment.POSITIVE)],
                     Sentiment.MIXED),
        "foreign": story("Foreign story", [elsewhere], datetime(2025, 6, 1, 9),
                         [("communication", Sentiment.NEGATIVE)], Sentiment.NEGATIVE, 5),
        "pending": story("Pending story", [ward_a], None, status=StoryStatus.PENDING),
        "withdrawn": story("Withdrawn story", [ward_a], None, status=StoryStatus.WITHDRAWN),
    }
    set_progress(stories["old"], trust, Progress.READ)
    set_progress(stories["mid"], child, Progress.RESPONDED)
    set_progress(stories["path"], trust, Progress.READ)
    set_progress(stories["path"], child, Progress.UNREAD)
    return {"trust": trust, "child": child, "other": other, "stories": stories,
            "services": {"ward_a": ward_a, "ward_b": ward_b, "clinic": clinic, "elsewhere": elsewhere}}


def titles(world, organisation: Organisation, **filters) -> list[str]:
    names = {story.id: key for key, story in world["stories"].items()}
    query = inbox_stories(db.session.get(Organisation, organisation.id), InboxFilters(**filters))
    return [names[story.id] for story in db.session.scalars(query)]


def test_inbox_holds_published_stories_of_the_organisation_and_its_children_newest_first(ctx, inbox_world):
    assert titles(inbox_world, inbox_world["trust"]) == ["new", "path", "mid", "old"]
    assert titles(inbox_world, inbox_world["child"]) == ["path", "mid"]
    assert titles(inbox_world, inbox_world["other"]) == ["foreign"]


FILTER_CASES = [
    ({"service_id": "ward_a"}, ["path", "old"]),
    ({"service_id": "clinic"}, ["path", "mid"]),
    ({"service_id": "elsewhere"}, []),  # another organisation's service finds nothing here
    ({"theme": "communication"}, ["new", "old"]),
    ({"theme": "communication", "sentiment": Sentiment.NEGATIVE}, ["old"]),
    ({"sentiment": Sentiment.POSITIVE}, ["mid"]),
    ({"sentiment": Sentiment.MIXED}, ["new", "path"]),
    ({"min_criticality": 3}, ["path", "old"]),
    ({"min_criticality": 5}, []),
    ({"progress": Progress.UNREAD}, ["new", "path"]),  # no row, or one organisation's row still unread
    ({"progress": Progress.READ}, ["path", "old"]),
    ({"progress": Progress.RESPONDED}, ["mid"]),
    ({"progress": Progress.CHANGE_MADE}, []),
    ({"since": date(2025, 3, 1)}, ["new", "path", "mid"]),
    ({"until": date(2025, 3, 1)}, ["mid", "old"]),
    ({"since": date(2025, 4, 1), "until": date(2025, 4, 1)}, ["path"]),
    ({"theme": "communication", "progress": Progress.UNREAD}, ["new"]),
]


@pytest.mark.parametrize(("filters", "expected"), FILTER_CASES, ids=[str(f) for f, _ in FILTER_CASES])
def test_each_filter(ctx, inbox_world, filters, expected):
    if "service_id" in filters:
        filters = {**filters, "service_id": inbox_world["services"][filters["service_id"]].id}
    assert titles(inbox_world, inbox_world["trust"], **filters) == expected


def test_progress_is_counted_for_the_organisations_of_the_inbox_only(ctx, inbox_world):
    # The trust has read the pathway story, but the child organisation has not.
    assert titles(inbox_world, inbox_world["child"], progress=Progress.READ) == []
    assert titles(inbox_world, inbox_world["child"], progress=Progress.UNREAD) == ["path"]


def test_rows_show_the_least_advanced_progress(ctx, inbox_world):
    trust = db.session.get(Organisation, inbox_world["trust"].id)
    stories = list(db.session.scalars(inbox_stories(trust)))
    progress = {row.story.title: row.progress for row in inbox_rows(trust, stories)}
    assert progress == {"New story": Progress.UNREAD, "Pathway story": Progress.UNREAD,
                        "Mid story": Progress.RESPONDED, "Old story": Progress.READ}
    assert inbox_rows(trust, []) == []


# The pages


def member(make_user, organisation, role=MembershipRole.READER):
    return make_user(Role.STORYTELLER, organisation=organisation, membership_role=role)


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_inbox_page_lists_own_stories_and_marks_unread(app, inbox_world, make_user):
    client = app.test_client()
    login(client, member(make_user, inbox_world["trust"]))
    page = page_of(client, f"/provider/{inbox_world['trust'].slug}/")
    for title in ("New story", "Pathway story", "Mid story", "Old story"):
        assert title in page
    for title in ("Foreign story", "Pending story", "Withdrawn story"):
        assert title not in page
    assert page.index("New story") < page.index("Pathway story") < page.index("Mid story") < page.index("Old story")
    assert page.count('class="progress-unread unread"') == 2
    story_id = inbox_world["stories"]["new"].id
    assert f'/provider/{inbox_world["trust"].slug}/stories/{story_id}"' in page
    assert "Ward A → Clinic" in page and "Communication and involvement" in page


def test_inbox_page_filters_from_the_query(app, inbox_world, make_user):
    client = app.test_client()
    login(client, member(make_user, inbox_world["trust"]))
    slug = inbox_world["trust"].slug
    page = page_of(client, f"/provider/{slug}/?theme=communication&progress=unread")
    assert "New story" in page and "Old story" not in page and "Pathway story" not in page
    page = page_of(client, f"/provider/{slug}/?since=2025-04&until=2025-04&min_criticality=3")
    assert "Pathway story" in page and "Old story" not in page
    # Another organisation's service in the query is ignored, never a way in.
    page = page_of(client, f"/provider/{slug}/?service={inbox_world['services']['elsewhere'].id}")
    assert "Foreign story" not in page and "Old story" in page
    # Nonsense values count as absent.
    page = page_of(client, f"/provider/{slug}/?progress=done&min_criticality=9&since=soon&theme=x&page=x")
    assert "Old story" in page and "New story" in page


def test_inbox_pages(app, inbox_world, make_user):
    app.config["STORIES_PER_PAGE"] = 3
    client = app.test_client()
    login(client, member(make_user, inbox_world["trust"]))
    first = page_of(client, f"/provider/{inbox_world['trust'].slug}/")
    second = page_of(client, f"/provider/{inbox_world['trust'].slug}/?page=2")
    assert "Mid story" in first and "Old story" not in first
    assert "Old story" in second and "New story" not in second


def test_a_child_organisations_member_cannot_read_the_parents_inbox(app, inbox_world, make_user):
    client = app.test_client()
    login(client, member(make_user, inbox_world["child"]))
    assert client.get(f"/provider/{inbox_world['trust'].slug}/").status_code == 404
    page = page_of(client, f"/provider/{inbox_world['child'].slug}/")
    assert "Mid story" in page and "Old story" not in page and "New story" not in page


def test_provider_index_redirects_lists_or_explains(app, inbox_world, make_user):
    one = app.test_client()
    login(one, member(make_user, inbox_world["child"]))
    response = one.get("/provider/")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/provider/{inbox_world['child'].slug}/")

    two = member(make_user, inbox_world["trust"])
    with app_context(app):
        db.session.add(Membership(user_id=two.id, organisation_id=inbox_world["other"].id,
                                  role=MembershipRole.READER))
        db.session.commit()
        assert [o.name for o in member_organisations(two)] == ["Northfield Trust", "Other Provider"]
    client = app.test_client()
    login(client, two)
    page = page_of(client, "/provider/")
    assert "Northfield Trust" in page and "Other Provider" in page and "Provider inbox" in page

    nobody = app.test_client()
    login(nobody, make_user(Role.STORYTELLER))
    page = page_of(nobody, "/provider/")
    assert "not on the staff" in page
    assert 'href="/provider/"' not in page  # no nav link without a membership
