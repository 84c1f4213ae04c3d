"""`flask demo seed`: accounts, directory and stories on an empty database; nothing on a used one."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from feedback_app.demo.accounts import STAFF_ORGANISATION
from feedback_app.demo.places import TOWNS
from feedback_app.demo.timeline import MONTHS_KEPT, month_start
from feedback_app.extensions import db
from feedback_app.models import (
    FftAnswer,
    FunderRemit,
    Membership,
    MembershipRole,
    Organisation,
    Role,
    Service,
    ServiceKind,
    Story,
    StoryAction,
    StoryEvent,
    StoryRollup,
    StoryStatus,
    StoryTheme,
    User,
    story_services,
)
from feedback_app.services.accounts import authenticate

from .conftest import DEMO_PASSWORD

ROLE_ACCOUNTS = {
    "storyteller@example.org": Role.STORYTELLER, "staff@example.org": Role.STORYTELLER,
    "moderator@example.org": Role.MODERATOR, "funder@example.org": Role.FUNDER, "admin@example.org": Role.ADMIN,
}
# Generous boxes around each country: a service outside its own would sit in the wrong place on the map.
BOUNDING_BOXES = {"GB": ((49.9, 55.9), (-6.5, 1.8)), "DE": ((47.2, 55.1), (5.8, 15.1))}


def _stories() -> list[Story]:
    return list(db.session.scalars(select(Story).order_by(Story.id)))


def test_seed_prints_the_accounts_and_their_password(seeded):
    assert seeded.exit_code == 0
    for email in ROLE_ACCOUNTS:
        assert email in seeded.output
    assert DEMO_PASSWORD in seeded.output


@pytest.mark.parametrize("email,role", ROLE_ACCOUNTS.items())
def test_every_role_account_signs_in_with_the_given_password(seeded_ctx, email, role):
    user = authenticate(email, DEMO_PASSWORD)
    assert user is not None and user.role is role
    assert authenticate(email, "demo-password") is None


def test_staff_account_responds_for_one_organisation(seeded_ctx):
    staff = db.session.scalar(select(User).where(User.email == "staff@example.org"))
    memberships = db.session.scalars(select(Membership).where(Membership.user_id == staff.id)).all()
    assert [(m.organisation.name, m.role) for m in memberships] == [(STAFF_ORGANISATION, MembershipRole.RESPONDER)]
    about_it = db.session.scalar(
        select(func.count(func.distinct(story_services.c.story_id)))
        .join(Service, Service.id == story_services.c.service_id)
        .where(Service.organisation_id == memberships[0].organisation_id))
    assert about_it >= 10


def test_the_demo_funder_oversees_the_english_organisations_and_sees_figures(seeded_ctx):
    funder = db.session.scalar(select(User).where(User.email == "funder@example.org"))
    overseen = db.session.scalars(select(Organisation.country).join(
        FunderRemit, FunderRemit.organisation_id == Organisation.id).where(FunderRemit.user_id == funder.id)).all()
    assert overseen and set(overseen) == {"GB"}
    # the demo stories were analysed and summed, so the dashboard and the theme filters have data
    assert db.session.scalar(select(func.count()).select_from(StoryTheme)) > 0
    # (each story once, whatever number of services it names)
    assert db.session.scalar(select(func.sum(StoryRollup.stories)).where(StoryRollup.theme == "*")) == \
        db.session.scalar(select(func.count()).select_from(Story).where(Story.status == StoryStatus.PUBLISHED))


def test_stories_exist_in_every_status_in_both_languages(seeded_ctx):
    seen = {(s.status, s.language) for s in _stories()}
    assert seen == {(status, language) for status in StoryStatus for language in ("en", "de")}
    counts = {status: sum(s.status is status for s in _stories()) for status in StoryStatus}
    assert 250 <= sum(counts.values()) <= 350
    assert counts[StoryStatus.PUBLISHED] > sum(counts.values()) / 2


def test_every_story_names_a_service_and_begins_with_its_submission(seeded_ctx):
    for story in _stories():
        assert story.services, story
        assert story.events[0].action is StoryAction.SUBMIT
        assert story.events[0].created_at == story.submitted_at
        assert story.events[-1].to_status is story.status
        times = [event.created_at for event in story.events]
        assert times == sorted(times), f"events of {story} out of order"


def test_published_stories_were_published_after_they_were_sent(seeded_ctx):
    published = [s for s in _stories() if s.status is StoryStatus.PUBLISHED]
    assert all(s.published_at is not None and s.published_at >= s.submitted_at for s in published)
    assert all(s.published_at is None for s in _stories() if s.status in (StoryStatus.PENDING, StoryStatus.REJECTED))


def test_experience_months_lie_in_the_last_three_years(seeded_ctx):
    this_month, oldest = month_start(date.today(), 0), month_start(date.today(), MONTHS_KEPT - 1)
    for story in _stories():
        assert oldest <= story.experienced_on <= this_month
        assert story.experienced_on.day == 1
        assert story.submitted_at.date() >= story.experienced_on


def test_services_lie_inside_their_country(seeded_ctx):
    services = db.session.scalars(select(Service)).all()
    assert {s.country for s in services} == {"GB", "DE"}
    for service in services:
        (south, north), (west, east) = BOUNDING_BOXES[service.country]
        assert south < service.latitude < north and west < service.longitude < east, service
        assert service.postcode and service.street
        assert service.organisation.country == service.country


def test_pathways_stay_within_a_region(seeded_ctx):
    for story in _stories():
        assert len({TOWNS[service.town].region for service in story.services}) == 1, story


def test_german_stories_are_about_german_services(seeded_ctx):
    for story in _stories():
        countries = {service.country for service in story.services}
        assert countries == {"DE" if story.language == "de" else "GB"}, story


def test_the_directory_has_hierarchies_and_every_kind_of_service(seeded_ctx):
    services = db.session.scalars(select(Service)).all()
    for country in ("GB", "DE"):
        assert {s.kind for s in services if s.country == country} == set(ServiceKind)
    parents = {s.organisation.parent.name for s in services if s.organisation.parent}
    assert any("NHS Trust" in name for name in parents)
    assert any(name.startswith(("AWO", "Diakon", "Caritas")) for name in parents)


def test_ratings_agree_with_the_friends_and_family_answer(seeded_ctx):
    agreeing = {5: {FftAnswer.VERY_GOOD}, 4: {FftAnswer.GOOD, FftAnswer.VERY_GOOD},
                3: {FftAnswer.NEITHER, FftAnswer.DONT_KNOW}, 2: {FftAnswer.POOR}, 1: {FftAnswer.VERY_POOR}}
    stories = _stories()
    assert {s.rating_overall for s in stories} == {1, 2, 3, 4, 5}
    assert all(s.fft_answer in agreeing[s.rating_overall] for s in stories)


def test_stories_read_like_feedback(seeded_ctx):
    stories = _stories()
    assert all("{" not in s.body and "}" not in s.body and len(s.body) > 80 for s in stories)
    assert len({s.body for s in stories}) == len(stories)
    assert sum(bool(s.what_was_good) for s in stories) > len(stories) / 2
    assert sum(bool(s.what_could_be_improved) for s in stories) > len(stories) / 2
    assert sum(bool(s.how_it_felt) for s in stories) > len(stories) / 2
    assert all(s.title and s.pseudonym for s in stories)


def test_some_stories_follow_a_pathway_some_are_anonymous_and_some_by_the_demo_storyteller(seeded_ctx):
    stories = _stories()
    assert sum(len(s.services) >= 2 for s in stories) >= 15
    anonymous = [s for s in stories if s.author_id is None]
    assert any(s.contact_email and s.access_token_hash for s in anonymous)
    mine = {s.status for s in stories if s.author and s.author.email == "storyteller@example.org"}
    assert mine == set(StoryStatus)


def test_the_trail_keeps_moderators_edits_and_reasons(seeded_ctx):
    events = db.session.scalars(select(StoryEvent)).all()
    edits = [e for e in events if e.action is StoryAction.EDIT]
    assert edits and all(e.reason and e.actor.role is Role.MODERATOR for e in edits)
    for edit in edits:
        (field, change), = edit.changes.items()
        assert change["before"] != change["after"] == getattr(edit.story, field)
    assert all(e.reason for e in events if e.action is StoryAction.REJECT)


def test_a_second_run_changes_nothing(seeded, run_demo, fresh_app):
    with fresh_app.app_context():
        before = [db.session.scalar(select(func.count()).select_from(t)) for t in db.metadata.sorted_tables]
    again = run_demo("seed")
    assert again.exit_code == 0
    assert "already has users" in again.output
    with fresh_app.app_context():
        after = [db.session.scalar(select(func.count()).select_from(t)) for t in db.metadata.sorted_tables]
    assert after == before
