"""Keeping the dashboard rollups equal to the stories they sum.

Whenever a session commits a change that touches a story (the story itself, its themes, its responses, its
progress or a confirmation), the rollups move by the difference it made: before a flush first changes a story
in a transaction, the story's facts as the rollups count them are read (and, on PostgreSQL, its row locked, so
that no other transaction changes it meanwhile); before the commit its facts are read again and new - old is
added to the rows it counts in (`UPDATE ... SET col = col + delta`, as an upsert), rows left without stories
deleted. The cost is that of the stories changed, not of the buckets they count in. A story the flush hook did
not see before its change (none the app makes) gets its (pathway, month) buckets recomputed from their
stories instead. A pathway is the set of services a story names (see models/rollups.py). `rebuild_rollups`
recomputes everything (after a bulk import, or to check).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from blinker import Namespace
from flask import Flask, current_app, has_app_context
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import and_, delete, event, func, insert, inspect, or_, select, text, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm.base import NO_VALUE

from ..extensions import db
from ..models import (
    ALL_THEMES,
    ChangeConfirmation,
    ChangeOutcome,
    ChangeStatus,
    FftAnswer,
    MonthVersion,
    Organisation,
    OrganisationVersion,
    PathwayMonthVersion,
    Response,
    ResponseKind,
    ResponseStatus,
    RollupPathway,
    RollupState,
    Sentiment,
    Service,
    Story,
    StoryProgress,
    StoryRollup,
    StoryStatus,
    StoryTheme,
    rollup_pathway_services,
    story_services,
)
from ..models.base import utcnow
from ..models.rollups import RESPONSE_DAY_BUCKETS

CHUNK = 2_000
# Sent, with the app as sender, after a commit that moved the dashboard's figures (any bump_version): kept
# dashboards can be rendered again then, before anyone asks for them (blueprints/dashboard_warm.py).
figures_changed = Namespace().signal("figures-changed")
POSITIVE_FFT = {FftAnswer.VERY_GOOD, FftAnswer.GOOD}
Pathway = tuple[int, ...]  # the ids of the services a story names, ascending
Bucket = tuple[Pathway, date]
Key = tuple[Pathway, date, str, str]  # pathway, month, language, theme
KEY_COLUMNS = ("theme", "month", "pathway_id", "language")  # story_rollups' primary key
MEASURES = tuple(c.name for c in StoryRollup.__table__.columns if c.name not in KEY_COLUMNS)


@dataclass
class StoryFacts:
    """What one published story adds to the rollups."""

    story_id: int
    month: date
    language: str
    rating: int
    fft: FftAnswer
    sentiment: Sentiment | None
    criticality: int | None
    service_ids: list[int] = field(default_factory=list)
    themes: list[tuple[str, Sentiment]] = field(default_factory=list)
    first_response_at: datetime | None = None
    published_at: datetime | None = None
    changes: set[ChangeStatus] = field(default_factory=set)
    confirmed: bool = False

    @property
    def pathway(self) -> Pathway:
        return tuple(sorted(set(self.service_ids)))


def month_of(moment: datetime | date) -> date:
    return date(moment.year, moment.month, 1)


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _load_facts(story_filter) -> Iterator[StoryFacts]:  # noqa: ANN001 - a SQL condition
    """Facts of the published stories matching ``story_filter``, loaded a chunk at a time."""
    ids = list(db.session.scalars(
        select(Story.id).where(Story.status == StoryStatus.PUBLISHED, story_filter).order_by(Story.id)
    ))
    for first in range(0, len(ids), CHUNK):
        yield from _facts_for(ids[first:first + CHUNK])


def published_facts(ids: Iterable[int]) -> dict[int, StoryFacts]:
    """The facts of those of these stories that are published (and so count in the rollups), by id."""
    ids = sorted(set(ids))
    return {facts.story_id: facts for first in range(0, len(ids), CHUNK)
            for facts in _facts_for(ids[first:first + CHUNK], published_only=True)}


def _facts_for(ids: list[int], published_only: bool = False) -> Iterator[StoryFacts]:
    facts: dict[int, StoryFacts] = {}
    chosen = Story.id.in_(ids)
    if published_only:
        chosen = and_(chosen, Story.status == StoryStatus.PUBLISHED, Story.published_at.is_not(None))
    for row in db.session.execute(
        select(Story.id, Story.published_at, Story.language, Story.rating_overall, Story.fft_answer,
               Story.sentiment, Story.criticality).where(chosen)
    ):
        facts[row.id] = StoryFacts(row.id, month_of(row.published_at), row.language, row.rating_overall,
                                   row.fft_answer, row.sentiment, row.criticality, published_at=row.published_at)
    for story_id, service_id in db.session.execute(
        select(story_services.c.story_id, story_services.c.service_id).where(story_services.c.story_id.in_(ids))
    ):
        if story_id in facts:
            facts[story_id].service_ids.append(service_id)
    for story_id, code, sentiment in db.session.execute(
        select(StoryTheme.story_id, StoryTheme.code, StoryTheme.sentiment).where(StoryTheme.story_id.in_(ids))
    ):
        if story_id in facts:
            facts[story_id].themes.append((code, sentiment))
    for story_id, first in db.session.execute(
        select(StoryProgress.story_id, func.min(StoryProgress.first_response_at))
        .where(StoryProgress.story_id.in_(ids)).group_by(StoryProgress.story_id)
    ):
        if story_id in facts:
            facts[story_id].first_response_at = first
    published = and_(Response.story_id.in_(ids), Response.status == ResponseStatus.PUBLISHED,
                     Response.kind == ResponseKind.RESPONSE)
    for story_id, change in db.session.execute(
        select(Response.story_id, Response.change_status).where(published).distinct()
    ):
        if story_id in facts:
            facts[story_id].changes.add(change)
    for (story_id,) in db.session.execute(
        select(Response.story_id).join(ChangeConfirmation, ChangeConfirmation.response_id == Response.id)
        .where(published, ChangeConfirmation.outcome == ChangeOutcome.CONFIRMED).distinct()
    ):
        if story_id in facts:
            facts[story_id].confirmed = True
    yield from facts.values()


def _response_bucket(days: float) -> str:
    for bound in RESPONSE_DAY_BUCKETS:
        if days < bound:
            return f"response_days_{bound}"
    return "response_days_more"


def _add(sums: dict[str, int], facts: StoryFacts, theme_sentiment: Sentiment | None) -> None:
    sums["stories"] += 1
    sums["rating_sum"] += facts.rating
    sums["rating_sq_sum"] += facts.rating * facts.rating
    if facts.fft is not FftAnswer.DONT_KNOW:
        sums["fft_answered"] += 1
        sums["fft_positive"] += facts.fft in POSITIVE_FFT
    if facts.sentiment is not None:
        sums[f"sentiment_{facts.sentiment.value}"] += 1
    if theme_sentiment is not None:
        sums[f"theme_{theme_sentiment.value}"] += 1
    if facts.criticality is not None:
        sums[f"criticality_{facts.criticality}"] += 1
        sums["critical"] += facts.criticality >= 4
    if facts.first_response_at is not None and facts.published_at is not None:
        sums["responded"] += 1
        days = (facts.first_response_at - facts.published_at).total_seconds() / 86_400
        sums[_response_bucket(days)] += 1
    sums["changes_planned"] += ChangeStatus.PLANNED in facts.changes
    sums["changes_made"] += ChangeStatus.MADE in facts.changes
    sums["changes_confirmed"] += facts.confirmed


def aggregate(all_facts: Iterable[StoryFacts], only: set[Bucket] | None = None) -> dict[Key, dict[str, int]]:
    """Sum stories into rollup rows, once each under its pathway; ``only`` limits it to some buckets."""
    rows: dict[Key, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for facts in all_facts:
        pathway = facts.pathway
        if not pathway or (only is not None and (pathway, facts.month) not in only):
            continue
        _add(rows[(pathway, facts.month, facts.language, ALL_THEMES)], facts, None)
        for code, sentiment in facts.themes:
            _add(rows[(pathway, facts.month, facts.language, code)], facts, sentiment)
    return rows


def _pathway_key(pathway: Pathway) -> str:
    return ",".join(map(str, pathway))


def _dialect_insert(table):  # noqa: ANN001, ANN202 - a model or table; an INSERT with ON CONFLICT
    return (pg_insert if db.session.get_bind().dialect.name == "postgresql" else sqlite_insert)(table)


def pathway_ids(pathways: Iterable[Pathway], create: bool = True) -> dict[Pathway, int]:
    """The ids of these pathways; with ``create``, those not yet known are made (with their services)."""
    wanted = {_pathway_key(p): p for p in set(pathways)}
    keys = list(wanted)

    def known() -> dict[Pathway, int]:
        return {wanted[key]: pathway_id for first in range(0, len(keys), CHUNK)
                for pathway_id, key in db.session.execute(
                    select(RollupPathway.id, RollupPathway.service_key)
                    .where(RollupPathway.service_key.in_(keys[first:first + CHUNK])))}

    found = known()
    missing = [key for key, pathway in wanted.items() if pathway not in found]
    if not missing or not create:
        return found
    # Another session may make the same pathway at the same moment: its row is as good as ours.
    db.session.execute(_dialect_insert(RollupPathway).on_conflict_do_nothing(index_elements=["service_key"]),
                       [{"service_key": key} for key in missing])
    made = {pathway: pathway_id for pathway, pathway_id in known().items() if pathway not in found}
    db.session.execute(_dialect_insert(rollup_pathway_services).on_conflict_do_nothing(), [
        {"pathway_id": pathway_id, "service_id": service_id}
        for pathway, pathway_id in made.items() for service_id in pathway])
    return found | made


def _insert(rows: dict[Key, dict[str, int]]) -> None:
    ids = pathway_ids(pathway for pathway, _m, _lang, _t in rows)
    values = [{"pathway_id": ids[p], "month": m, "language": lang, "theme": t, **sums}
              for (p, m, lang, t), sums in rows.items()]
    for first in range(0, len(values), CHUNK):
        db.session.execute(insert(StoryRollup), values[first:first + CHUNK])


def buckets_of(story_ids: Iterable[int], months: dict[int, set[date]] | None = None) -> set[Bucket]:
    """The (pathway, month) buckets these stories count in, or did when they were public; ``months`` adds
    months a story counted in before it was moved."""
    ids = list(set(story_ids))
    if not ids:
        return set()
    services: dict[int, set[int]] = defaultdict(set)
    published: dict[int, datetime] = {}
    for story_id, service_id, published_at in db.session.execute(
        select(story_services.c.story_id, story_services.c.service_id, Story.published_at)
        .join(Story, Story.id == story_services.c.story_id)
        .where(Story.id.in_(ids), Story.published_at.is_not(None))
    ):
        services[story_id].add(service_id)
        published[story_id] = published_at
    buckets = set()
    for story_id, named in services.items():
        pathway = tuple(sorted(named))
        for month in {month_of(published[story_id]), *(months or {}).get(story_id, ())}:
            buckets.add((pathway, month))
    return buckets


def bump_version(organisation_ids: Iterable[int] | None = (), critical_ids: Iterable[int] | None = (),
                 months: Iterable[tuple[int, date]] = ()) -> int:
    """Tell cached dashboards that the figures changed (rollups, or what a funder may see); returns the new
    version. The organisations given (every one for None) are stamped with it, so that dashboards scoped to
    others stay as they are; those in ``critical_ids`` (every one for None) also get it as their
    critical_version, which moves the escalation lists that show them; the (organisation, month) pairs in
    ``months`` (every one for None organisations) get it as their MonthVersion, which moves the kept sums
    of those months. For None organisations it is also the reset version: every month is read again whole."""
    critical = None if critical_ids is None else set(critical_ids)
    db.session.info[_FIGURES_MOVED] = True
    changed = {"version": RollupState.version + 1}
    if critical is None or critical:
        changed["critical_version"] = RollupState.version + 1
    if organisation_ids is None:
        changed["reset_version"] = RollupState.version + 1
    moved = db.session.execute(update(RollupState).where(RollupState.id == 1).values(**changed)).rowcount
    if not moved:
        db.session.execute(insert(RollupState).values(id=1, version=1, critical_version=1, reset_version=1))
    version = current_version()
    if organisation_ids is None:
        ids = set(db.session.scalars(select(Organisation.id)))
    else:
        ids = set(organisation_ids) | (critical or set())
    critical = ids if critical is None else critical
    stamp = _dialect_insert(OrganisationVersion)
    for group, columns in ((ids - critical, ("version",)), (critical, ("version", "critical_version"))):
        if group:
            db.session.execute(
                stamp.on_conflict_do_update(index_elements=["organisation_id"],
                                            set_={name: stamp.excluded[name] for name in columns}),
                [{"organisation_id": i, "version": version, "critical_version": version if i in critical else 0}
                 for i in sorted(group)])
    if organisation_ids is None:
        # Every month with figures, and every month that had some (its figures may be gone).
        db.session.execute(update(MonthVersion).values(version=version))
        months = db.session.execute(
            select(Service.organisation_id, StoryRollup.month).distinct()
            .join(rollup_pathway_services, rollup_pathway_services.c.service_id == Service.id)
            .join(StoryRollup, StoryRollup.pathway_id == rollup_pathway_services.c.pathway_id)).all()
    stamps = [{"organisation_id": i, "month": month, "version": version} for i, month in sorted(set(months))]
    month_stamp = _dialect_insert(MonthVersion)
    for first in range(0, len(stamps), CHUNK):
        db.session.execute(month_stamp.on_conflict_do_update(index_elements=["organisation_id", "month"],
                                                             set_={"version": month_stamp.excluded.version}),
                           stamps[first:first + CHUNK])
    return version


def current_version() -> int:
    """The figures' version (0 before anything was ever summed)."""
    return db.session.scalar(select(RollupState.version).where(RollupState.id == 1)) or 0


def current_versions() -> tuple[int, int]:
    """The figures' version and the escalation lists' (0, 0 before anything was ever summed)."""
    row = db.session.execute(select(RollupState.version, RollupState.critical_version)
                             .where(RollupState.id == 1)).first()
    return (row.version, row.critical_version) if row else (0, 0)


def stamp_buckets(buckets: set[Bucket], critical_story_ids: Iterable[int] = ()) -> int | None:
    """Tell cached dashboards that the figures of these (pathway, month) buckets changed (see bump_version);
    returns the version stamped (None when there was nothing to stamp)."""
    if not buckets:
        return None
    services = {service_id for pathway, _month in buckets for service_id in pathway}
    organisation_of = dict(db.session.execute(select(Service.id, Service.organisation_id)
                                              .where(Service.id.in_(services))).all())
    return bump_version(organisation_of.values(), organisations_of(critical_story_ids),
                        {(organisation_of[service_id], month) for pathway, month in buckets for service_id in pathway})


def stamp_pathway_months(buckets: set[Bucket], version: int, known: dict[Pathway, int]) -> None:
    """Stamp these buckets' PathwayMonthVersion with ``version``, once their rows are written (a pathway a
    story names for the first time has an id only then); ``known`` ids need not be looked up again."""
    ids = known | pathway_ids({pathway for pathway, _month in buckets} - known.keys(), create=False)
    stamps = sorted({(month, ids[pathway]) for pathway, month in buckets if pathway in ids})
    stamp = _dialect_insert(PathwayMonthVersion)
    for first in range(0, len(stamps), CHUNK):
        db.session.execute(stamp.on_conflict_do_update(index_elements=["month", "pathway_id"],
                                                       set_={"version": stamp.excluded.version}),
                           [{"month": month, "pathway_id": pathway_id, "version": version}
                            for month, pathway_id in stamps[first:first + CHUNK]])


def recompute_buckets(buckets: set[Bucket]) -> None:
    """Replace the rollup rows of these buckets by a recomputation from their stories (no version stamps)."""
    if not buckets:
        return
    ids = pathway_ids((pathway for pathway, _month in buckets), create=False)
    known = [(ids[pathway], month) for pathway, month in buckets if pathway in ids]
    for first in range(0, len(known), CHUNK):
        db.session.execute(delete(StoryRollup).where(
            tuple_(StoryRollup.pathway_id, StoryRollup.month).in_(known[first:first + CHUNK])))
    in_buckets = or_(*[
        and_(Story.published_at >= month, Story.published_at < next_month(month),
             Story.id.in_(select(story_services.c.story_id).where(story_services.c.service_id.in_(services))))
        for month, services in _services_by_month(buckets).items()
    ])
    _insert(aggregate(_load_facts(in_buckets), only=buckets))


def apply_deltas(before: Iterable[StoryFacts], after: Iterable[StoryFacts]) -> dict[Pathway, int]:
    """Move the rollups from counting some stories as ``before`` to counting them as ``after``: add new - old
    to each row they count in (made if new, deleted when left without stories). Each row moves by a sum, not
    a replacement, so concurrent transactions that count other stories in the same row both count.
    Returns the ids of the pathways whose rows moved."""
    old, new = aggregate(before), aggregate(after)
    changes: dict[Key, dict[str, int]] = {}
    for key in old.keys() | new.keys():
        was, now = old.get(key, {}), new.get(key, {})
        delta = {name: now.get(name, 0) - was.get(name, 0) for name in MEASURES}
        if any(delta.values()):
            changes[key] = delta
    if not changes:
        return {}
    ids = pathway_ids(pathway for pathway, _m, _lang, _t in changes)
    values = sorted(({"theme": t, "month": m, "pathway_id": ids[p], "language": lang, **delta}
                     for (p, m, lang, t), delta in changes.items()),
                    key=lambda row: tuple(row[name] for name in KEY_COLUMNS))
    upsert = _dialect_insert(StoryRollup)
    columns = StoryRollup.__table__.c
    upsert = upsert.on_conflict_do_update(index_elements=list(KEY_COLUMNS),
                                          set_={name: columns[name] + upsert.excluded[name] for name in MEASURES})
    for first in range(0, len(values), CHUNK):
        db.session.execute(upsert, values[first:first + CHUNK])
    emptied = [tuple(row[name] for name in KEY_COLUMNS) for row in values if row["stories"] < 0]
    for first in range(0, len(emptied), CHUNK):
        db.session.execute(delete(StoryRollup).where(
            StoryRollup.stories <= 0,
            tuple_(*(columns[name] for name in KEY_COLUMNS)).in_(emptied[first:first + CHUNK])))
    return ids


def organisations_of(story_ids: Iterable[int]) -> set[int]:
    """The organisations of the services these stories name."""
    ids = list(set(story_ids))
    return set(db.session.scalars(
        select(Service.organisation_id).join(story_services, story_services.c.service_id == Service.id)
        .where(story_services.c.story_id.in_(ids)).distinct())) if ids else set()


def _services_by_month(buckets: set[Bucket]) -> dict[date, list[int]]:
    grouped: dict[date, set[int]] = defaultdict(set)
    for pathway, month in buckets:
        grouped[month].update(pathway)
    return {month: sorted(services) for month, services in grouped.items()}


def rebuild_rollups() -> int:
    """Recompute every rollup row from the stories; returns how many rows there are."""
    db.session.execute(delete(StoryRollup))
    rows = aggregate(_load_facts(Story.published_at.is_not(None)))
    _insert(rows)
    bump_version(None, None)  # after the rows, whose months it stamps; stories may have changed in bulk
    analyze_rollups()
    return len(rows)


def analyze_rollups() -> None:
    """Refresh the planner's statistics of the rollups. Without them SQLite reads a theme's months through the
    pathway index row by row; with them it skips along the key (theme, month), three times faster."""
    db.session.execute(text("ANALYZE story_rollups"))


# --- keeping them current: collect touched stories at each flush, refresh their buckets before commit ---

_TOUCHED = "rollup_story_ids"
_TOUCHED_RESPONSES = "rollup_response_ids"
_LEFT_BUCKETS = "rollup_left_buckets"
_WAITED = "rollup_waited_story_ids"
_RESHAPED = "rollup_reshaped"
_BEFORE = "rollup_facts_before"  # story id -> its facts as the rollups count them (None: it counts nowhere)
_FIGURES_MOVED = "rollup_figures_moved"  # a version was bumped: figures_changed is sent after the commit
# Kept figures read, besides the rollups, which organisation each service belongs to and its kind, and each
# organisation's parent and region (the filters, a funder's scope, the provider comparison): a change to any of
# them moves every version, so that no kept sum outlives it.
SHAPE = {Organisation: ("parent_id", "region"), Service: ("organisation_id", "kind")}


def escalation_days() -> int:
    """How long a critical story may wait for an answer before the dashboard lists it."""
    return int(current_app.config.get("ESCALATION_DAYS", 5))


def waiting_since() -> datetime:
    """Critical stories published before this moment are on the escalation list until someone answers."""
    return utcnow() - timedelta(days=escalation_days())


def _could_wait(criticality: int | None, published_at: datetime | None) -> bool:
    """Whether a story with these values may be on an escalation list (answered or not: that is another table)."""
    return criticality is not None and criticality >= 4 and published_at is not None and published_at <= waiting_since()


def _waited_before(story: Story) -> bool:
    """Whether the story, as it was before this flush changed it, may have been on an escalation list."""
    state = inspect(story)
    if state.pending or not state.has_identity:
        return False
    before = []
    for name in ("criticality", "published_at"):
        history = state.attrs[name].history
        before.append((history.deleted or history.unchanged or [None])[0])
    return _could_wait(*before)


def _persistent_id(obj) -> int | None:  # noqa: ANN001 - a mapped object
    identity = inspect(obj).identity
    return identity[0] if identity else None


def _parent_id(obj, name: str, column: str) -> int | None:  # noqa: ANN001 - a mapped object
    """The id ``obj`` refers to through ``column``, or, before it is flushed, through its relationship ``name``."""
    value = getattr(obj, column)
    if value is None:
        parent = inspect(obj).attrs[name].loaded_value
        value = _persistent_id(parent) if parent is not None and parent is not NO_VALUE else None
    return value


def _about_to_change(session) -> set[int]:  # noqa: ANN001
    """The stories already in the database whose facts the coming flush may change."""
    stories, responses = set(), set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Story):
            stories.add(_persistent_id(obj))
        elif isinstance(obj, StoryTheme | Response | StoryProgress):
            stories.add(_parent_id(obj, "story", "story_id"))
        elif isinstance(obj, ChangeConfirmation):
            responses.add(_parent_id(obj, "response", "response_id"))
    responses.discard(None)
    if responses:
        stories |= set(session.scalars(select(Response.story_id).where(Response.id.in_(responses))))
    stories.discard(None)
    return stories


def _remember_before(session, _flush_context, _instances) -> None:  # noqa: ANN001 - SQLAlchemy event arguments
    """Before a flush first changes a story in this transaction, note its facts as the rollups count them. On
    PostgreSQL its row is locked first, until the commit, so that the facts read are those the rollups hold
    and no other transaction moves them before this one has added its difference."""
    before = session.info.setdefault(_BEFORE, {})
    ids = sorted(_about_to_change(session) - before.keys())
    if not ids:
        return
    for first in range(0, len(ids), CHUNK):
        session.execute(select(Story.id).where(Story.id.in_(ids[first:first + CHUNK]))
                        .order_by(Story.id).with_for_update())
    facts = published_facts(ids)
    for story_id in ids:
        before[story_id] = facts.get(story_id)


def _collect(session, _flush_context) -> None:  # noqa: ANN001 - SQLAlchemy event arguments
    stories, responses = session.info.setdefault(_TOUCHED, set()), session.info.setdefault(_TOUCHED_RESPONSES, set())
    left = session.info.setdefault(_LEFT_BUCKETS, set())
    waited = session.info.setdefault(_WAITED, set())
    before = session.info.setdefault(_BEFORE, {})
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Story):
            stories.add(obj.id)
            if obj in session.new:
                before.setdefault(obj.id, None)  # a new story counted nowhere before
            if _waited_before(obj):
                waited.add(obj.id)
            # A story moved to another month leaves the old one: that month's kept figures move too.
            for old in inspect(obj).attrs.published_at.history.deleted or ():
                if old is not None:
                    left.add((obj.id, month_of(old)))
        elif isinstance(obj, StoryTheme | Response | StoryProgress):
            stories.add(obj.story_id)
        elif isinstance(obj, ChangeConfirmation):
            responses.add(obj.response_id)
        elif type(obj) in SHAPE and obj not in session.new and (obj in session.deleted or any(
                inspect(obj).attrs[name].history.has_changes() for name in SHAPE[type(obj)])):
            session.info[_RESHAPED] = True


def _refresh_before_commit(session) -> None:  # noqa: ANN001
    session.flush()
    stories = session.info.pop(_TOUCHED, set())
    responses = session.info.pop(_TOUCHED_RESPONSES, set())
    left = session.info.pop(_LEFT_BUCKETS, set())
    waited = session.info.pop(_WAITED, set())
    before = session.info.pop(_BEFORE, {})
    if session.info.pop(_RESHAPED, False):
        bump_version(None, None)
    if responses:
        stories |= set(session.scalars(select(Response.story_id).where(Response.id.in_(responses))))
    stories |= before.keys()
    stories.discard(None)
    if not stories:
        return
    moved: dict[int, set[date]] = defaultdict(set)
    for story_id, month in left:
        moved[story_id].add(month)
    # The escalation list changes only with a critical story: one that waits there now or did before, or one
    # that will (a kept list is kept until the next story it knows of has waited long enough).
    critical = set(session.scalars(select(Story.id).where(Story.id.in_(stories), Story.criticality >= 4)))
    old = [facts for facts in before.values() if facts is not None]
    new = published_facts(before)
    buckets = buckets_of(stories, moved) | {(facts.pathway, facts.month) for facts in old if facts.pathway}
    version = stamp_buckets(buckets, waited | critical)
    moved_pathways = apply_deltas(old, new.values())
    # Stories whose facts before the change were not seen (none the app changes): their buckets recomputed.
    unseen = stories - before.keys()
    recompute_buckets(buckets_of(unseen, {story_id: moved[story_id] for story_id in unseen if story_id in moved}))
    if version is not None:
        stamp_pathway_months(buckets, version, moved_pathways)  # those buckets include the recomputed ones


def _announce(session) -> None:  # noqa: ANN001
    if session.info.pop(_FIGURES_MOVED, False) and has_app_context():
        figures_changed.send(current_app._get_current_object())


def _forget(session) -> None:  # noqa: ANN001
    for key in (_TOUCHED, _TOUCHED_RESPONSES, _LEFT_BUCKETS, _WAITED, _RESHAPED, _BEFORE, _FIGURES_MOVED):
        session.info.pop(key, None)


def init_app(app: Flask) -> None:
    """Keep rollups current for every session of the app (registered once per process)."""
    if not event.contains(FlaskSession, "after_flush", _collect):
        event.listen(FlaskSession, "before_flush", _remember_before)
        event.listen(FlaskSession, "after_flush", _collect)
        event.listen(FlaskSession, "before_commit", _refresh_before_commit)
        event.listen(FlaskSession, "after_commit", _announce)
        event.listen(FlaskSession, "after_rollback", _forget)
