"""A small, hand-countable world for the dashboard: three organisations in a funder's remit and one outside it.

In the remit (organisation "North Trust" with its child "North Community", and the region "South"):
  A1 (North Trust, hospital)      January 2026: 6 stories; February 2026: 3 stories
  AC1 (North Community, care home) February 2026: 2 stories
  B1 (South Trust, hospital)       March 2026: 4 stories
Outside it: C1 (East Trust, region "East"), January 2026: 7 stories, one critical and unanswered.
The expected figures are worked out by hand in the tests, from the lists below.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest

from feedback_app.extensions import db
from feedback_app.models import (
    AuthorRole,
    ChangeConfirmation,
    ChangeOutcome,
    ChangeStatus,
    FftAnswer,
    FunderRemit,
    Organisation,
    Response,
    ResponseKind,
    ResponseStatus,
    Role,
    Sentiment,
    Service,
    ServiceKind,
    Story,
    StoryProgress,
    StoryStatus,
    StoryTheme,
    story_services,
)
from feedback_app.services.rollups import rebuild_rollups

P, M, N = Sentiment.POSITIVE, Sentiment.MIXED, Sentiment.NEGATIVE
VG, G, NE, PO, VP, DK = (FftAnswer.VERY_GOOD, FftAnswer.GOOD, FftAnswer.NEITHER, FftAnswer.POOR,
                         FftAnswer.VERY_POOR, FftAnswer.DONT_KNOW)
RANGE = {"since": "2026-01", "until": "2026-03"}


@dataclass
class Spec:
    """One story: rating, FFT answer, sentiment, criticality, themes, days to a first response, change."""

    rating: int
    fft: FftAnswer
    sentiment: Sentiment
    criticality: int
    themes: dict[str, Sentiment] = field(default_factory=dict)
    answered_after: float | None = None
    change: ChangeStatus | None = None
    confirmed: bool = False
    title: str | None = None


SA, AW = "staff_attitude", "access_waiting"
A1_JANUARY = [
    Spec(5, VG, P, 0, {SA: P}, 0.5, ChangeStatus.PLANNED),
    Spec(5, G, P, 0, {SA: P}, 1.5, ChangeStatus.MADE, confirmed=True),
    Spec(4, G, P, 1, {SA: P}, 3, ChangeStatus.MADE),
    Spec(4, NE, M, 2, {SA: P}, 10),
    Spec(3, PO, N, 4, {SA: N, AW: N}, None, title="=HYPERLINK(\"http://evil.example\")"),
    Spec(1, DK, N, 5, {SA: N, AW: N}, 20),
]
A1_FEBRUARY = [Spec(2, VG, N, 4, {AW: N}), Spec(3, VP, N, 3, {AW: N}), Spec(4, G, P, 0, {AW: M})]
AC1_FEBRUARY = [Spec(5, VG, P, 0, {SA: P}), Spec(4, VG, P, 1, {SA: P})]
B1_MARCH = [Spec(1, PO, N, 5, {AW: N}), Spec(2, VP, N, 4, {AW: N, SA: N}), Spec(2, G, N, 4, {AW: N}),
            Spec(3, DK, M, 2, {AW: M})]
C1_JANUARY = [Spec(1, VP, N, 5, {AW: N}, title="Outside the remit")] + [Spec(5, VG, P, 0, {SA: P})] * 6


def add_story(service: Service, published_at: datetime, spec: Spec, language: str = "en") -> Story:
    """A published story put straight into the database, with its themes, progress and response."""
    story = Story(
        title=spec.title or f"Story at {service.name}", body="What happened, in the storyteller's words.",
        experienced_on=published_at.date().replace(day=1), author_role=AuthorRole.PATIENT, pseudonym="Kim",
        language=language, contact_language=language, status=StoryStatus.PUBLISHED, rating_overall=spec.rating,
        fft_answer=spec.fft, sentiment=spec.sentiment, criticality=spec.criticality,
        submitted_at=published_at - timedelta(hours=2), published_at=published_at,
    )
    db.session.add(story)
    db.session.flush()
    db.session.execute(story_services.insert(), [{"story_id": story.id, "service_id": service.id, "position": 0}])
    for code, sentiment in spec.themes.items():
        db.session.add(StoryTheme(story_id=story.id, code=code, sentiment=sentiment))
    first = published_at + timedelta(days=spec.answered_after) if spec.answered_after is not None else None
    db.session.add(StoryProgress(story_id=story.id, organisation_id=service.organisation_id, first_response_at=first))
    if spec.change is not None:
        response = Response(story_id=story.id, kind=ResponseKind.RESPONSE, status=ResponseStatus.PUBLISHED,
                            organisation_id=service.organisation_id, body="We hear you.", signed_name="Jo",
                            change_status=spec.change, submitted_at=first, published_at=first)
        db.session.add(response)
        db.session.flush()
        if spec.confirmed:
            db.session.add(ChangeConfirmation(response_id=response.id, outcome=ChangeOutcome.CONFIRMED))
    return story


def add_stories(service: Service, year: int, month: int, specs: list[Spec], language: str = "en") -> list[int]:
    return [add_story(service, datetime(year, month, 3 + n % 20, 10 + n // 20), spec, language).id for n, spec in enumerate(specs)]


def add_provider(name: str, slug: str, region: str | None = None) -> Service:
    """An organisation with one hospital service, flushed."""
    organisation = Organisation(name=name, slug=slug, country="GB", region=region)
    db.session.add(organisation)
    db.session.flush()
    service = Service(name=f"{name} ward", slug=f"{slug}-ward", kind=ServiceKind.HOSPITAL, town="York",
                      country="GB", organisation_id=organisation.id)
    db.session.add(service)
    db.session.flush()
    return service


@dataclass
class World:
    ids: dict[str, int]
    funder: object
    empty_funder: object
    admin: object
    stories: dict[str, list[int]]


@pytest.fixture
def world(app, ctx, make_user) -> World:
    orgs: dict[str, Organisation] = {}
    for key, name, region, parent in [("A", "North Trust", "North", None), ("AC", "North Community", None, "A"),
                                      ("B", "South Trust", "South", None), ("C", "East Trust", "East", None)]:
        orgs[key] = Organisation(name=name, slug=f"dash-{key.lower()}", country="GB", region=region,
                                 parent_id=orgs[parent].id if parent else None)
        db.session.add(orgs[key])
        db.session.flush()
    services = {}
    for key, org, kind in [("A1", "A", ServiceKind.HOSPITAL), ("AC1", "AC", ServiceKind.CARE_HOME),
                           ("B1", "B", ServiceKind.HOSPITAL), ("C1", "C", ServiceKind.HOSPITAL)]:
        services[key] = Service(name=f"Service {key}", slug=f"dash-service-{key.lower()}", kind=kind, town="Leeds",
                                country="GB", organisation_id=orgs[org].id)
        db.session.add(services[key])
    db.session.flush()
    stories = {
        "A1_january": add_stories(services["A1"], 2026, 1, A1_JANUARY),
        "A1_february": add_stories(services["A1"], 2026, 2, A1_FEBRUARY),
        "AC1_february": add_stories(services["AC1"], 2026, 2, AC1_FEBRUARY),
        "B1_march": add_stories(services["B1"], 2026, 3, B1_MARCH),
        "C1_january": add_stories(services["C1"], 2026, 1, C1_JANUARY),
    }
    db.session.commit()
    funder, empty_funder = make_user(Role.FUNDER), make_user(Role.FUNDER)
    db.session.add_all([FunderRemit(user_id=funder.id, organisation_id=orgs["A"].id),
                        FunderRemit(user_id=funder.id, region="South")])
    db.session.commit()
    rebuild_rollups()
    db.session.commit()
    ids = {key: org.id for key, org in orgs.items()} | {key: s.id for key, s in services.items()}
    return World(ids, funder, empty_funder, make_user(Role.ADMIN), stories)
