"""The funder dashboard's figures, each a SUM over story rollups narrowed by the filters and the remit.

Nothing here reads the stories table: the stories behind a figure and the escalation list live in
dashboard_stories.py. A story about services of two organisations counts once for each, as in the rollups.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from sqlalchemy import Select, func, select

from ..extensions import db
from ..models import ALL_THEMES, Organisation, Service, ServiceKind, StoryRollup
from ..models.rollups import RESPONSE_DAY_BUCKETS
from .browse import organisation_and_descendant_ids
from .dashboard_stats import MIN_STORIES, Trend, theme_trend
from .remits import Scope

DEFAULT_MONTHS = 12
MEASURES = [c.name for c in StoryRollup.__table__.columns if c.name not in {"service_id", "month", "language", "theme"}]
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

    @property
    def months(self) -> list[date]:
        span = (self.until.year - self.since.year) * 12 + self.until.month - self.since.month
        return [add_months(self.since, n) for n in range(span + 1)]

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
        query = query.where(Service.organisation_id.in_(organisation_and_descendant_ids(filters.organisation_id)))
    if filters.service_id:
        query = query.where(Service.id == filters.service_id)
    if filters.kind:
        query = query.where(Service.kind == filters.kind)
    if filters.region:
        query = query.where(Service.organisation_id.in_(
            select(Organisation.id).where(Organisation.region == filters.region)))
    return query


def _rows(scope: Scope, filters: DashboardFilters, every_theme: bool = False) -> Select:
    """Rollup rows of the filtered services and months: the chosen theme's rows, or every story's ("*"),
    or with ``every_theme`` the rows of each theme (for the matrix and the trends)."""
    query = select().select_from(StoryRollup).where(
        StoryRollup.service_id.in_(services_in_view(scope, filters)),
        StoryRollup.month >= filters.since, StoryRollup.month <= filters.until,
    )
    if filters.language:
        query = query.where(StoryRollup.language == filters.language)
    if every_theme:
        return query.where(StoryRollup.theme != ALL_THEMES)
    return query.where(StoryRollup.theme == (filters.theme or ALL_THEMES))


def _sums(*names: str) -> list:
    return [func.coalesce(func.sum(getattr(StoryRollup, name)), 0).label(name) for name in names]


def totals(scope: Scope, filters: DashboardFilters) -> dict[str, int]:
    """Every measure summed over the filtered rollups."""
    row = db.session.execute(_rows(scope, filters).add_columns(*_sums(*MEASURES))).one()
    return {name: int(getattr(row, name)) for name in MEASURES}


def volume_by_month(scope: Scope, filters: DashboardFilters) -> list[tuple[date, int]]:
    """Stories published in each month of the range (zero where there were none)."""
    counts = dict(db.session.execute(
        _rows(scope, filters).add_columns(StoryRollup.month, *_sums("stories")).group_by(StoryRollup.month)
    ).all())
    return [(month, int(counts.get(month, 0))) for month in filters.months]


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


def theme_matrix(scope: Scope, filters: DashboardFilters) -> list[ThemeCounts]:
    """How often each theme was praised, mixed or criticised, most mentioned first."""
    query = _rows(scope, filters, every_theme=True).add_columns(
        StoryRollup.theme, *_sums("stories", "theme_positive", "theme_mixed", "theme_negative")
    ).group_by(StoryRollup.theme)
    if filters.theme:
        query = query.where(StoryRollup.theme == filters.theme)
    rows = [ThemeCounts(theme, int(s), int(p), int(m), int(n)) for theme, s, p, m, n in db.session.execute(query)]
    return sorted(rows, key=lambda row: (-row.mentions, row.theme))


@dataclass(frozen=True)
class ProviderSums:
    organisation_id: int
    name: str
    stories: int
    rating_sum: int
    rating_sq_sum: int
    fft_answered: int
    fft_positive: int


def provider_sums(scope: Scope, filters: DashboardFilters) -> list[ProviderSums]:
    """Per organisation in view: stories, rating sums and FFT answers, by name."""
    query = (_rows(scope, filters).join(Service, Service.id == StoryRollup.service_id)
             .join(Organisation, Organisation.id == Service.organisation_id)
             .add_columns(Organisation.id, Organisation.name,
                          *_sums("stories", "rating_sum", "rating_sq_sum", "fft_answered", "fft_positive"))
             .group_by(Organisation.id, Organisation.name).order_by(Organisation.name))
    return [ProviderSums(*row[:2], *(int(v) for v in row[2:])) for row in db.session.execute(query)]


def theme_trends(scope: Scope, filters: DashboardFilters) -> list[Trend]:
    """Each theme's share of negative mentions, previous period against this one, with its z-test."""
    def negatives(period: DashboardFilters) -> dict[str, tuple[int, int]]:
        query = _rows(scope, period, every_theme=True).add_columns(
            StoryRollup.theme, *_sums("theme_negative", "theme_positive", "theme_mixed")).group_by(StoryRollup.theme)
        if period.theme:
            query = query.where(StoryRollup.theme == period.theme)
        return {theme: (int(n), int(n + p + m)) for theme, n, p, m in db.session.execute(query)}

    now, before = negatives(filters), negatives(filters.previous())
    return [theme_trend(theme, *before.get(theme, (0, 0)), *now.get(theme, (0, 0)))
            for theme in sorted(set(now) | set(before))]


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
    """All the dashboard's sums for one scope and set of filters."""
    return Overview(totals(scope, filters), volume_by_month(scope, filters), theme_matrix(scope, filters),
                    provider_sums(scope, filters), theme_trends(scope, filters))


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
    matrix = theme_matrix(everything, filters)
    praised = max((r for r in matrix if r.positive >= MIN_STORIES), key=lambda r: r.positive, default=None)
    criticised = max((r for r in matrix if r.negative >= MIN_STORIES), key=lambda r: r.negative, default=None)
    return PublicSummary(since, until, totals(everything, filters), volume_by_month(everything, filters),
                         praised, criticised)
