"""The funder dashboard's figures, each a SUM over story rollups narrowed by the filters and the remit.

Nothing here reads the stories table: the stories behind a figure and the escalation list live in
dashboard_stories.py. Rollups are kept by pathway (the set of services a story names), so a figure counts a
story once however many of its services are in view, and the provider comparison counts it once for each
organisation it names.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache as cache_once
from operator import itemgetter

from flask import current_app
from sqlalchemy import Select, func, select

from ..extensions import cache, db
from ..models import (
    ALL_THEMES,
    MonthVersion,
    Organisation,
    Service,
    ServiceKind,
    StoryRollup,
    User,
    rollup_pathway_services,
)
from ..models.base import utcnow
from ..models.rollups import RESPONSE_DAY_BUCKETS
from .browse import organisation_and_descendant_ids
from .dashboard_months import MonthByPathway, month_by_pathway
from .dashboard_stats import MIN_STORIES, Trend, theme_trend
from .remits import Scope, remit_scope_and_versions
from .rollups import month_of

DEFAULT_MONTHS = 12
MEASURES = [c.name for c in StoryRollup.__table__.columns if c.name not in {"pathway_id", "month", "language", "theme"}]
THEME_MEASURES = ("stories", "theme_positive", "theme_mixed", "theme_negative")
BUCKET_COLUMNS = [f"response_days_{bound}" for bound in RESPONSE_DAY_BUCKETS] + ["response_days_more"]


def add_months(month: date, count: int) -> date:
    """The first day of the month ``count`` months after ``month`` (before, when negative)."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


@dataclass
class DashboardFilters:
    """What a funder narrowed the dashboard to: a range of months (both ends included) and dimensions."""

    since: date
    until: date
    organisation_id: int | None = None
    service_id: int | None = None
    kind: ServiceKind | None = None
    region: str | None = None
    theme: str | None = None
    language: str | None = None
    _below: list[int] | None = field(default=None, repr=False, compare=False)

    @property
    def months(self) -> list[date]:
        span = (self.until.year - self.since.year) * 12 + self.until.month - self.since.month
        return [add_months(self.since, n) for n in range(span + 1)]

    def organisation_and_below(self) -> list[int]:
        """The chosen organisation and those below it, looked up once for all the figures."""
        if self._below is None:
            self._below = organisation_and_descendant_ids(self.organisation_id)
        return self._below

    def previous(self) -> DashboardFilters:
        """The same filters over the period of the same length just before."""
        length = len(self.months)
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(since=add_months(self.since, -length), until=add_months(self.since, -1))
        return DashboardFilters(**values)


def default_range(today: date) -> tuple[date, date]:
    """The last twelve months, this one included."""
    until = today.replace(day=1)
    return add_months(until, 1 - DEFAULT_MONTHS), until


def services_in_view(scope: Scope, filters: DashboardFilters) -> Select:
    """Ids of the services the figures cover: in scope, and matching the organisation/service/kind/region filters."""
    query = select(Service.id)
    if not scope.everything:
        query = query.where(Service.organisation_id.in_(scope.organisation_ids or {-1}))
    if filters.organisation_id:
        query = query.where(Service.organisation_id.in_(filters.organisation_and_below()))
    if filters.service_id:
        query = query.where(Service.id == filters.service_id)
    if filters.kind:
        query = query.where(Service.kind == filters.kind)
    if filters.region:
        query = query.where(Service.organisation_id.in_(
            select(Organisation.id).where(Organisation.region == filters.region)))
    return query


def pathways_in_view(scope: Scope, filters: DashboardFilters) -> Select:
    """Ids of the pathways naming at least one service in view."""
    return select(rollup_pathway_services.c.pathway_id).where(
        rollup_pathway_services.c.service_id.in_(services_in_view(scope, filters))).distinct()


def scope_key(scope: Scope) -> str:
    """A short name of the scope for cache keys: "all", or a digest of its organisations."""
    if scope.everything:
        return "all"
    return hashlib.blake2b(",".join(map(str, sorted(scope.organisation_ids))).encode(), digest_size=8).hexdigest()


def scope_and_versions(user: User) -> tuple[Scope, str, str]:
    """What a person may see, a version of every figure in it and one of its escalation list, for keeping a
    rendered dashboard. The first moves when a story of one of the scope's organisations changes (or the scope
    itself), not when one elsewhere does; the second only when such a story is or was on the list."""
    scope, latest, critical = remit_scope_and_versions(user)
    return scope, f"{latest}.{scope_key(scope)}", f"{critical}.{scope_key(scope)}"


def _rows(scope: Scope, filters: DashboardFilters, months: list[date], every_theme: bool = False,
          along_key: bool = False) -> Select:
    """Rollup rows of the filtered services in these months: the chosen theme's rows, or every story's ("*"),
    or with ``every_theme`` the rows of each theme (for the matrix and the trends).

    ``along_key`` keeps the planner on the key (theme, month) when the query groups by pathway: otherwise it
    walks the pathway index to save a sort, looking each row up one by one (five times slower on SQLite).
    """
    pathway = StoryRollup.pathway_id + 0 if along_key else StoryRollup.pathway_id
    first, last = min(months), max(months)
    query = select().select_from(StoryRollup).where(
        pathway.in_(pathways_in_view(scope, filters)), StoryRollup.month >= first, StoryRollup.month <= last)
    if len(months) <= (last.year - first.year) * 12 + last.month - first.month:  # not every month between
        query = query.where(StoryRollup.month.in_(months))
    if filters.language:
        query = query.where(StoryRollup.language == filters.language)
    if every_theme:
        return query.where(StoryRollup.theme != ALL_THEMES)
    return query.where(StoryRollup.theme == (filters.theme or ALL_THEMES))


@cache_once
def _sums(*names: str) -> tuple:
    """SUM columns of these measures, made once: building 35 of them for every statement costs more than the
    statement takes to run on a month of rollups."""
    return tuple(func.coalesce(func.sum(getattr(StoryRollup, name)), 0).label(name) for name in names)


# Every sum is read month by month, so that sums of months that did not change can be kept (see kept_overview).
ByMonth = dict[date, dict]


def measures_by_month(scope: Scope, filters: DashboardFilters, months: list[date]) -> ByMonth:
    """Every measure summed over the filtered rollups of each month (months without stories left out)."""
    rows = db.session.execute(_rows(scope, filters, months).add_columns(StoryRollup.month, *_sums(*MEASURES))
                              .group_by(StoryRollup.month))
    return {row.month: {name: int(row._mapping[name]) for name in MEASURES} for row in rows}


def themes_by_month(scope: Scope, filters: DashboardFilters, months: list[date]) -> ByMonth:
    """Per month, each theme's THEME_MEASURES (grouped by theme and month, the order of the rollups' key)."""
    query = _rows(scope, filters, months, every_theme=True).add_columns(
        StoryRollup.theme, StoryRollup.month, *_sums(*THEME_MEASURES)).group_by(StoryRollup.theme, StoryRollup.month)
    if filters.theme:
        query = query.where(StoryRollup.theme == filters.theme)
    found: ByMonth = defaultdict(dict)
    for theme, month, *sums in db.session.execute(query):
        found[month][theme] = tuple(int(n) for n in sums)
    return found


PROVIDER_MEASURES = ("stories", "rating_sum", "rating_sq_sum", "fft_answered", "fft_positive")
provider_measures_of = itemgetter(*(MEASURES.index(name) for name in PROVIDER_MEASURES))  # of all MEASURES


def providers_by_month(scope: Scope, filters: DashboardFilters, months: list[date]) -> ByMonth:
    """Per month and organisation in view: stories, rating sums and FFT answers (a story once per organisation)."""
    # Summed by pathway first (one pass along the key), then each pathway counted once for each organisation of
    # its services in view: a story naming two services of one organisation counts once there.
    by_pathway = (_rows(scope, filters, months, along_key=True)
                  .add_columns(StoryRollup.pathway_id, StoryRollup.month, *_sums(*PROVIDER_MEASURES))
                  .group_by(StoryRollup.pathway_id, StoryRollup.month).subquery())
    named = (select(rollup_pathway_services.c.pathway_id, Service.organisation_id)
             .join(Service, Service.id == rollup_pathway_services.c.service_id)
             .where(Service.id.in_(services_in_view(scope, filters))).distinct().subquery())
    query = (select(named.c.organisation_id, by_pathway.c.month,
                    *(func.sum(getattr(by_pathway.c, name)) for name in PROVIDER_MEASURES))
             .select_from(by_pathway).join(named, named.c.pathway_id == by_pathway.c.pathway_id)
             .group_by(named.c.organisation_id, by_pathway.c.month))
    found: ByMonth = defaultdict(dict)
    for organisation_id, month, *sums in db.session.execute(query):
        found[month][organisation_id] = tuple(int(n) for n in sums)
    return found


def period_sums(filters: DashboardFilters, measures: ByMonth) -> tuple[dict[str, int], list[tuple[date, int]]]:
    """Every measure summed over the range, and the stories of each month of it (zero where there were none)."""
    totals = dict.fromkeys(MEASURES, 0)
    for month in filters.months:
        for name, n in measures.get(month, {}).items():
            totals[name] += n
    return totals, [(month, measures.get(month, {}).get("stories", 0)) for month in filters.months]


@dataclass(frozen=True)
class ThemeCounts:
    theme: str
    stories: int
    positive: int
    mixed: int
    negative: int

    @property
    def mentions(self) -> int:
        return self.positive + self.mixed + self.negative


def theme_sums(filters: DashboardFilters, themes: ByMonth) -> tuple[list[ThemeCounts], list[Trend]]:
    """The theme matrix (how often each theme was praised, mixed or criticised, most mentioned first) and each
    theme's trend (its share of negative mentions, previous period against this one, with its z-test)."""
    periods: dict[str, dict[bool, list[int]]] = defaultdict(dict)
    for month in (*filters.previous().months, *filters.months):
        for theme, sums in themes.get(month, {}).items():
            period = periods[theme].setdefault(month >= filters.since, [0] * len(THEME_MEASURES))
            for index, n in enumerate(sums):
                period[index] += n
    found = {theme: {now: ThemeCounts(theme, *sums) for now, sums in by_period.items()}
             for theme, by_period in periods.items()}
    matrix, trends = [], []
    for theme, counts in sorted(found.items()):
        now, before = counts.get(True), counts.get(False)
        if now is not None:
            matrix.append(now)
        trends.append(theme_trend(theme, before.negative if before else 0, before.mentions if before else 0,
                                  now.negative if now else 0, now.mentions if now else 0))
    matrix.sort(key=lambda row: (-row.mentions, row.theme))
    return matrix, trends


@dataclass(frozen=True)
class ProviderSums:
    organisation_id: int
    name: str
    stories: int
    rating_sum: int
    rating_sq_sum: int
    fft_answered: int
    fft_positive: int


def provider_sums(filters: DashboardFilters, providers: ByMonth, names: dict[int, str] | None = None
                  ) -> list[ProviderSums]:
    """Per organisation in view over the range, by name: from ``names`` (read by the caller in this request),
    else read now (names are not kept with the sums)."""
    totals: dict[int, list[int]] = {}
    for month in filters.months:
        for organisation_id, sums in providers.get(month, {}).items():
            total = totals.setdefault(organisation_id, [0] * len(PROVIDER_MEASURES))
            for index, n in enumerate(sums):
                total[index] += n
    names = names or {}
    unnamed = [organisation_id for organisation_id in totals if organisation_id not in names]
    if unnamed:
        names = names | dict(db.session.execute(select(Organisation.id, Organisation.name)
                                                .where(Organisation.id.in_(unnamed))).all())
    return sorted((ProviderSums(i, names[i], *sums) for i, sums in totals.items()),
                  key=lambda p: (p.name, p.organisation_id))


@dataclass
class Overview:
    """Every figure of the dashboard, as sums; the view turns them into suppressed figures."""

    totals: dict[str, int]
    volume: list[tuple[date, int]]
    matrix: list[ThemeCounts]
    providers: list[ProviderSums]
    trends: list[Trend] = field(default_factory=list)

    @property
    def response_buckets(self) -> list[int]:
        return [self.totals[name] for name in BUCKET_COLUMNS]


def overview(scope: Scope, filters: DashboardFilters) -> Overview:
    """All the dashboard's sums for one scope and set of filters (three queries of the rollups)."""
    wide = [*filters.previous().months, *filters.months]  # the trends compare with the period before
    return _overview(filters, measures_by_month(scope, filters, filters.months),
                     themes_by_month(scope, filters, wide), providers_by_month(scope, filters, filters.months))


def _overview(filters: DashboardFilters, measures: ByMonth, themes: ByMonth, providers: ByMonth,
              names: dict[int, str] | None = None) -> Overview:
    totals, volume = period_sums(filters, measures)
    matrix, trends = theme_sums(filters, themes)
    return Overview(totals, volume, matrix, provider_sums(filters, providers, names), trends)


def month_versions(scope: Scope, months: list[date]) -> dict[date, int]:
    """The latest version stamped on each of these months of the scope's organisations (0 if none ever was)."""
    query = (select(MonthVersion.month, func.max(MonthVersion.version))
             .where(MonthVersion.month >= min(months), MonthVersion.month <= max(months)).group_by(MonthVersion.month))
    if not scope.everything:
        query = query.where(MonthVersion.organisation_id.in_(scope.organisation_ids or {-1}))
    return dict(db.session.execute(query).all())


def kept_overview(scope: Scope, filters: DashboardFilters, names: dict[int, str] | None = None) -> Overview:
    """``overview``, with each month's sums kept until that month's version moves: a publication changes this
    month only, so the next view reads the rollups of one month instead of 24, and of that month only the
    pathways it changed (see dashboard_months). ``names``: the organisations' names, if the caller has them.

    Sums are kept per scope and filters other than the range (so ranges share their months); each month is
    kept with the version it was read at, and read again when the scope's latest version of it is another.
    """
    wide = [*filters.previous().months, *filters.months]
    versions = month_versions(scope, wide)
    dimensions = (filters.organisation_id, filters.service_id, filters.kind and filters.kind.value, filters.region,
                  filters.theme, filters.language)
    key = f"{scope_key(scope)}:{dimensions}"
    this_month = month_of(utcnow())
    by_pathway: dict[date, MonthSums] = {}

    def changing(month: date) -> MonthSums:
        """A month that changed since it was kept, or this month: its sums added up from its pathways."""
        if month not in by_pathway:
            kept = month_by_pathway(lambda: services_in_view(scope, filters), filters, month,
                                    versions.get(month, 0), key, THEME_MEASURES)
            by_pathway[month] = month_parts(kept)
        return by_pathway[month]

    def by_month(part: int, months: list[date], read: Callable[[Scope, DashboardFilters, list[date]], ByMonth]):
        name = ("measures", "themes", "providers")[part]
        kept = cache.get(f"dashboard-sums:{name}:{key}") or {}
        stale = [month for month in months if month not in kept or kept[month][0] != versions.get(month, 0)]
        if stale:
            by_pathway_months = [month for month in stale if month in kept or month == this_month]
            whole = [month for month in stale if month not in by_pathway_months]
            found = read(scope, filters, whole) if whole else {}
            found = {month: found.get(month, {}) for month in whole} | {
                month: changing(month)[part] for month in by_pathway_months}
            kept.update({month: (versions.get(month, 0), found[month]) for month in stale})
            # Kept longer than the rendered parts: every input of a month's sums moves its version.
            cache.set(f"dashboard-sums:{name}:{key}", kept, timeout=current_app.config["DASHBOARD_SUMS_TIMEOUT"])
        return {month: kept[month][1] for month in months}

    return _overview(filters, by_month(0, filters.months, measures_by_month), by_month(1, wide, themes_by_month),
                     by_month(2, filters.months, providers_by_month), names)


# One month's measures, theme measures per theme and provider measures per organisation.
MonthSums = tuple[dict[str, int], dict[str, tuple[int, ...]], dict[int, tuple[int, ...]]]


def month_parts(kept: MonthByPathway) -> MonthSums:
    """A month's measures, theme measures per theme and provider measures per organisation, added up from its
    pathways: what measures_by_month, themes_by_month and providers_by_month read for it (empty when none)."""
    themes: dict[str, list[tuple[int, ...]]] = defaultdict(list)
    for by_theme in kept.themes.values():
        for theme, sums in by_theme.items():
            themes[theme].append(sums)
    providers: dict[int, list[tuple[int, ...]]] = defaultdict(list)
    for pathway_id, sums in kept.measures.items():
        picked = provider_measures_of(sums)
        for organisation_id in kept.organisations[pathway_id]:
            providers[organisation_id].append(picked)
    measures = [sum(column) for column in zip(*kept.measures.values(), strict=True)]
    return (dict(zip(MEASURES, measures, strict=True)) if measures else {},
            {theme: tuple(map(sum, zip(*rows, strict=True))) for theme, rows in themes.items()},
            {organisation_id: tuple(map(sum, zip(*rows, strict=True))) for organisation_id, rows in providers.items()})


@dataclass
class PublicSummary:
    """What a visitor sees of an organisation's last twelve months: sums only, suppressed by the view."""

    since: date
    until: date
    totals: dict[str, int]
    volume: list[tuple[date, int]]
    praised: ThemeCounts | None  # the theme most often spoken of positively (at least MIN_STORIES times)
    criticised: ThemeCounts | None


def public_summary(organisation_id: int, today: date) -> PublicSummary:
    """The public subset for an organisation and those under it, over the last twelve months."""
    since, until = default_range(today)
    filters = DashboardFilters(since=since, until=until, organisation_id=organisation_id)
    everything = Scope(everything=True)
    totals, volume = period_sums(filters, measures_by_month(everything, filters, filters.months))
    matrix, _trends = theme_sums(filters, themes_by_month(everything, filters, filters.months))
    praised = max((r for r in matrix if r.positive >= MIN_STORIES), key=lambda r: r.positive, default=None)
    criticised = max((r for r in matrix if r.negative >= MIN_STORIES), key=lambda r: r.negative, default=None)
    return PublicSummary(since, until, totals, volume, praised, criticised)
