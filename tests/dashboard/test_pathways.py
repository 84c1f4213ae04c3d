"""A story naming several services counts once for an organisation and once overall, and once for each service.

Two stories are added to the world of conftest.py (funder's remit: North Trust with North Community, and South):
  X  January 2026, services A1 and A2 (both North Trust): rating 4, good, positive, criticality 1, staff attitude +
  Y  March 2026, services A1 (North Trust) and B1 (South Trust): rating 2, poor, negative, criticality 3,
     access and waiting −
Counted by hand from the lists in conftest.py (15 stories in the remit) plus these two.
"""
from __future__ import annotations

from datetime import date, datetime

import pytest

from feedback_app.extensions import db
from feedback_app.models import Service, ServiceKind, story_services
from feedback_app.services.dashboard import DashboardFilters, overview
from feedback_app.services.remits import remit_scope
from feedback_app.services.rollups import rebuild_rollups

from .conftest import AW, PO, SA, G, N, P, Spec, add_story

RANGE = {"since": date(2026, 1, 1), "until": date(2026, 3, 1)}


@pytest.fixture
def pathways(world):
    a2 = Service(name="Service A2", slug="dash-service-a2", kind=ServiceKind.MENTAL_HEALTH, town="Leeds",
                 country="GB", organisation_id=world.ids["A"])
    db.session.add(a2)
    db.session.flush()
    for first, second, published_at, spec in [
        (world.ids["A1"], a2.id, datetime(2026, 1, 20, 9), Spec(4, G, P, 1, {SA: P})),
        (world.ids["A1"], world.ids["B1"], datetime(2026, 3, 20, 9), Spec(2, PO, N, 3, {AW: N})),
    ]:
        story = add_story(db.session.get(Service, first), published_at, spec)
        db.session.execute(story_services.insert(), [{"story_id": story.id, "service_id": second, "position": 1}])
    db.session.commit()  # the rollups follow at commit
    return world.ids | {"A2": a2.id}


def figures(world, **narrowed):
    return overview(remit_scope(world.funder), DashboardFilters(**RANGE, **narrowed))


def test_each_story_counts_once_in_the_totals_volume_and_themes(world, pathways):
    view = figures(world)
    assert (view.totals["stories"], view.totals["rating_sum"], view.totals["rating_sq_sum"]) == (17, 54, 200)
    assert (view.totals["sentiment_positive"], view.totals["sentiment_negative"]) == (7, 8)
    assert (view.totals["criticality_1"], view.totals["criticality_3"]) == (3, 2)
    assert [n for _month, n in view.volume] == [7, 5, 5]
    assert [(r.theme, r.positive, r.mixed, r.negative, r.stories) for r in view.matrix] == [
        ("access_waiting", 0, 2, 8, 10), ("staff_attitude", 7, 0, 3, 10)]


def test_a_story_counts_once_for_each_organisation_it_names(world, pathways):
    assert [(p.name, p.stories, p.rating_sum, p.fft_answered, p.fft_positive) for p in figures(world).providers] == [
        ("North Community", 2, 9, 2, 2), ("North Trust", 11, 37, 10, 6), ("South Trust", 5, 10, 4, 1)]
    north = figures(world, organisation_id=world.ids["A"])  # North Trust and North Community below it
    assert north.totals["stories"] == 13
    assert figures(world, kind=ServiceKind.HOSPITAL).totals["stories"] == 15


def test_a_story_counts_for_each_service_it_names(world, pathways):
    counts = {key: figures(world, service_id=pathways[key]).totals["stories"] for key in ("A1", "A2", "AC1", "B1")}
    assert counts == {"A1": 11, "A2": 1, "AC1": 2, "B1": 5}


def test_a_rebuild_gives_the_same_figures(world, pathways):
    before = figures(world)
    rebuild_rollups()
    db.session.commit()
    after = figures(world)
    assert (after.totals, after.volume, after.providers) == (before.totals, before.volume, before.providers)


