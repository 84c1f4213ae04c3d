"""The dashboard is kept in parts, each until one of its own inputs changes: the sums month by month, the
rendered figures per organisations' version, the escalation list per the version of the stories on it."""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import cachelib.simple
import pytest

import feedback_app.blueprints.dashboard as dashboard_view
import feedback_app.services.dashboard as dashboard_sums
import feedback_app.services.dashboard_months as dashboard_months
import feedback_app.services.rollups as rollups
from feedback_app.extensions import db
from feedback_app.models import Service, ServiceKind, Story, StoryProgress
from feedback_app.models.base import utcnow
from feedback_app.services.dashboard import DashboardFilters, kept_overview, overview
from feedback_app.services.remits import Scope, remit_scope
from feedback_app.services.rollups import pathway_ids
from tests.conftest import login

from .conftest import RANGE, G, N, P, Spec, add_story

MONTHS = DashboardFilters(since=date(2026, 1, 1), until=date(2026, 3, 1))


@pytest.fixture
def read_months(monkeypatch) -> dict[str, list]:
    """The months each kind of sum was read from the rollups for, call by call."""
    seen: dict[str, list] = {"measures": [], "themes": [], "providers": []}
    for part in seen:
        read = getattr(dashboard_sums, f"{part}_by_month")

        def recorded(scope, filters, months, read=read, part=part):  # noqa: ANN001, ANN202
            seen[part].append(sorted(months))
            return read(scope, filters, months)

        monkeypatch.setattr(dashboard_sums, f"{part}_by_month", recorded)
    return seen


@pytest.fixture
def pathway_reads(monkeypatch) -> list[tuple[date, bool, list[int]]]:
    """Each read of a month pathway by pathway: the month, whether it was read whole, the pathways read."""
    seen: list[tuple[date, bool, list[int]]] = []
    whole, changed = dashboard_months._read_whole, dashboard_months._read_changed

    def read_whole(services, filters, month, *args):  # noqa: ANN001, ANN202
        found = whole(services, filters, month, *args)
        seen.append((month, True, sorted(found)))
        return found

    def read_changed(filters, month, *args):  # noqa: ANN001, ANN202
        found = changed(filters, month, *args)
        seen.append((month, False, sorted(found)))
        return found

    monkeypatch.setattr(dashboard_months, "_read_whole", read_whole)
    monkeypatch.setattr(dashboard_months, "_read_changed", read_changed)
    return seen


def test_a_publication_reads_again_only_the_pathways_it_changed(app, world, read_months, pathway_reads):
    scope = remit_scope(world.funder)
    first = kept_overview(scope, MONTHS)
    assert read_months["measures"] == [MONTHS.months] and not pathway_reads
    assert first == overview(scope, MONTHS)
    a1 = db.session.get(Service, world.ids["A1"])
    for stories in (16, 17):
        add_story(a1, datetime(2026, 2, 20, 9), Spec(5, G, P, 0, {"access_waiting": P}))
        db.session.commit()
        for seen in read_months.values():
            seen.clear()
        view = kept_overview(scope, MONTHS)
        assert read_months == {"measures": [], "themes": [], "providers": []}  # no month read whole again
        assert view == overview(scope, MONTHS)
        assert view.totals["stories"] == stories
    # February was read pathway by pathway once whole (it had not been yet), then only A1's pathway.
    a1_pathway = pathway_ids([(a1.id,)], create=False)[(a1.id,)]
    february = date(2026, 2, 1)
    assert [(month, whole) for month, whole, _pathways in pathway_reads] == [(february, True), (february, False)]
    assert pathway_reads[1][2] == [a1_pathway]
    pathway_reads.clear()
    for seen in read_months.values():
        seen.clear()
    assert kept_overview(scope, MONTHS) == view
    assert read_months == {"measures": [], "themes": [], "providers": []} and not pathway_reads


def test_a_change_elsewhere_leaves_the_months_kept(app, world, read_months):
    scope = remit_scope(world.funder)
    kept_overview(scope, MONTHS)
    add_story(db.session.get(Service, world.ids["C1"]), datetime(2026, 2, 20, 9), Spec(5, G, P, 0))
    db.session.commit()
    read_months["measures"].clear()
    kept_overview(scope, MONTHS)
    assert read_months["measures"] == []


@pytest.fixture
def escalation_reads(monkeypatch) -> list[int]:
    calls: list[int] = []
    read = dashboard_view.waiting_critical

    def recorded(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        return read(*args, **kwargs)

    monkeypatch.setattr(dashboard_view, "waiting_critical", recorded)
    return calls


def escalation_list(html: str) -> str:
    return html.split('id="heading-escalations"', 1)[1]


def test_the_escalation_list_is_kept_until_a_story_on_it_changes(app, world, escalation_reads):
    client = app.test_client()
    login(client, world.funder)
    db.session.rollback()  # let go of the write lock (SQLite) that reading the funder took
    first = client.get("/dashboard/", query_string=RANGE).get_data(as_text=True)
    waiting = world.stories["B1_march"][0]
    assert f"/stories/{waiting}" in escalation_list(first) and len(escalation_reads) == 1
    # A story that is not critical leaves the list kept.
    add_story(db.session.get(Service, world.ids["B1"]), utcnow() - timedelta(days=30), Spec(4, G, P, 1))
    db.session.commit()
    after_publication = client.get("/dashboard/", query_string=RANGE).get_data(as_text=True)
    assert len(escalation_reads) == 1
    assert escalation_list(after_publication) == escalation_list(first)
    # An answer to a waiting story takes it off the list at once.
    progress = db.session.scalars(db.select(StoryProgress).where(StoryProgress.story_id == waiting)).one()
    progress.first_response_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    after_answer = client.get("/dashboard/", query_string=RANGE).get_data(as_text=True)
    assert len(escalation_reads) == 2
    assert f"/stories/{waiting}" not in escalation_list(after_answer)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """The dashboard's now and the cache's clock, moved on together by the test."""
    clock = Clock(start=utcnow().replace(hour=12, minute=0, second=0, microsecond=0), epoch=time.time())
    for module in (dashboard_view, rollups):
        monkeypatch.setattr(module, "utcnow", clock.now)
    monkeypatch.setattr(cachelib.simple, "time", lambda: clock.epoch + clock.moved.total_seconds())
    return clock


@dataclass
class Clock:
    start: datetime
    epoch: float
    moved: timedelta = timedelta()

    def now(self) -> datetime:
        return self.start + self.moved


@pytest.fixture
def figure_renders(monkeypatch) -> list[int]:
    calls: list[int] = []
    render = dashboard_view._render_figures

    def recorded(*args):  # noqa: ANN002, ANN202
        calls.append(1)
        return render(*args)

    monkeypatch.setattr(dashboard_view, "_render_figures", recorded)
    return calls


def test_kept_parts_outlive_the_cache_default_timeout(app, world, escalation_reads, figure_renders, clock):
    """A funder back after a coffee, with nothing changed, is served the kept dashboard: the parts are true as
    long as their keys are."""
    client = app.test_client()
    login(client, world.funder)
    db.session.rollback()
    first = client.get("/dashboard/", query_string=RANGE).get_data(as_text=True)
    clock.moved += timedelta(seconds=app.config["CACHE_DEFAULT_TIMEOUT"] + 60)
    again = client.get("/dashboard/", query_string=RANGE).get_data(as_text=True)
    assert len(figure_renders) == len(escalation_reads) == 1
    assert escalation_list(again) == escalation_list(first)


def test_a_story_joins_the_kept_escalation_list_once_it_has_waited_long_enough(app, world, escalation_reads, clock):
    """Kept, the list still shows a critical story at the minute it has waited the days it may wait, and
    counts a day more of waiting at the minute it has."""
    days = app.config.get("ESCALATION_DAYS", 5)
    client = app.test_client()
    login(client, world.funder)
    db.session.rollback()
    client.get("/dashboard/", query_string=RANGE)
    soon = add_story(db.session.get(Service, world.ids["B1"]), clock.now() - timedelta(days=days, minutes=-2),
                     Spec(1, G, N, 5, title="Waiting two more minutes"))
    db.session.commit()
    before = client.get("/dashboard/", query_string=RANGE).get_data(as_text=True)
    assert f"/stories/{soon.id}" not in escalation_list(before)
    reads = len(escalation_reads)
    clock.moved += timedelta(minutes=1)
    not_yet = escalation_list(client.get("/dashboard/", query_string=RANGE).get_data(as_text=True))
    assert f"/stories/{soon.id}" not in not_yet and len(escalation_reads) == reads  # still kept
    clock.moved += timedelta(minutes=2)
    after = escalation_list(client.get("/dashboard/", query_string=RANGE).get_data(as_text=True))
    assert f"/stories/{soon.id}" in after
    assert waited_days(after, soon.id) == days
    clock.moved += timedelta(days=1)
    a_day_later = escalation_list(client.get("/dashboard/", query_string=RANGE).get_data(as_text=True))
    assert waited_days(a_day_later, soon.id) == days + 1


def waited_days(escalations: str, story_id: int) -> int:
    """The days-waiting cell of the story's row."""
    row = escalations.split(f"/stories/{story_id}", 1)[1].split("</tr>", 1)[0]
    return int(row.split("<td>")[2].split("<", 1)[0])


def test_a_story_graded_off_the_escalation_list_leaves_it_at_once(app, world, escalation_reads):
    """What the story was before the change counts too: graded down, it is no longer critical now."""
    client = app.test_client()
    login(client, world.funder)
    db.session.rollback()
    waiting = world.stories["B1_march"][0]
    assert f"/stories/{waiting}" in escalation_list(client.get("/dashboard/", query_string=RANGE).get_data(as_text=True))
    story = db.session.get(Story, waiting)
    db.session.expire(story)  # as after a commit: what it was is not loaded when it is graded
    story.criticality = 2
    db.session.commit()
    after = client.get("/dashboard/", query_string=RANGE).get_data(as_text=True)
    assert len(escalation_reads) == 2
    assert f"/stories/{waiting}" not in escalation_list(after)


def test_a_service_of_another_kind_or_organisation_moves_the_kept_sums(app, world):
    """Kept sums outlive the rendered page, so what they read besides the rollups moves their versions too."""
    hospitals = DashboardFilters(since=MONTHS.since, until=MONTHS.until, kind=ServiceKind.HOSPITAL)
    everything = Scope(everything=True)
    assert kept_overview(everything, hospitals).totals["stories"] == 20  # A1 9, B1 4, C1 7
    db.session.get(Service, world.ids["AC1"]).kind = ServiceKind.HOSPITAL
    db.session.commit()
    assert kept_overview(everything, hospitals) == overview(everything, hospitals)
    assert kept_overview(everything, hospitals).totals["stories"] == 22
    north = DashboardFilters(since=MONTHS.since, until=MONTHS.until, organisation_id=world.ids["A"])
    assert kept_overview(everything, north).totals["stories"] == 11
    db.session.get(Service, world.ids["B1"]).organisation_id = world.ids["AC"]
    db.session.commit()
    assert kept_overview(everything, north) == overview(everything, north)
    assert kept_overview(everything, north).totals["stories"] == 15
