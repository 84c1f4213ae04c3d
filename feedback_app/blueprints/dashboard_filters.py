"""Reading the dashboard's filters from the query string: bad values are dropped or explained, never an error.

An organisation or service outside the remit (or that does not exist) is answered with 404 on every
dashboard URL, page or file alike, so nothing of it, not even whether it exists, leaks out.
"""
from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache
from typing import Any
from urllib.parse import quote_plus, urlencode

from babel.dates import format_date
from babel.numbers import parse_pattern
from flask import abort, current_app, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from ..extensions import db
from ..labels import label, theme_label
from ..models import Organisation, Sentiment, Service
from ..services.dashboard import DashboardFilters, add_months, default_range
from ..services.dashboard_stats import MIN_STORIES
from ..services.dashboard_stories import CHANGES, FigureFilters
from ..services.dashboard_tables import Cell
from ..services.remits import Scope, scope_regions
from .args import int_arg, kind_arg, month_arg, sentiment_arg, theme_arg

MAX_MONTHS = 120
FILTER_ARGS = ("since", "until", "organisation", "service", "kind", "region", "theme", "language")
# url_for's quoting of query strings (werkzeug.urls), so joined links are the ones url_for would build.
QUERY_SAFE = "!$'()*,/:;?@"
NUMBER_PATTERNS = {"percent": "#,##0.0%", "decimal": "#,##0.00"}
TENTH, HUNDREDTH = Decimal("0.1"), Decimal("0.01")
FIGURE_ARGS = ("month", "sentiment", "criticality", "critical", "responded", "change")


def read_filters(scope: Scope, today: date) -> tuple[DashboardFilters, list[str]]:
    """The dashboard filters of this request, and notes on any value that was changed or dropped."""
    notes: list[str] = []
    since, until = month_arg("since"), month_arg("until")
    default_since, default_until = default_range(today)
    if since is None and until is None:
        since, until = default_since, default_until
    elif since is None:
        since = add_months(until, 1 - 12)
    elif until is None:
        until = max(since, default_until)
    if since > until:
        since, until = until, since
        notes.append(_("The first month was after the last one, so the two were swapped."))
    if (until.year - since.year) * 12 + until.month - since.month + 1 > MAX_MONTHS:
        since = add_months(until, 1 - MAX_MONTHS)
        notes.append(_("The dashboard shows at most %(months)d months at a time.", months=MAX_MONTHS))
    filters = DashboardFilters(since=since, until=until, kind=kind_arg(), theme=theme_arg())
    organisation_id, service_id = int_arg("organisation"), int_arg("service")
    if organisation_id is not None:
        organisation = db.session.get(Organisation, organisation_id)
        if organisation is None or not scope.covers(organisation.id):
            abort(404)
        filters.organisation_id = organisation.id
    if service_id is not None:
        service = db.session.get(Service, service_id)
        if service is None or not scope.covers(service.organisation_id):
            abort(404)
        filters.service_id = service.id
    region = request.args.get("region", "")
    if region:
        if region in scope_regions(scope):
            filters.region = region
        else:
            notes.append(_("There is no region of that name among your organisations, so it was left out."))
    language = request.args.get("language", "")
    if language in current_app.config["LANGUAGES"]:
        filters.language = language
    return filters, notes


def read_figure(filters: DashboardFilters) -> FigureFilters:
    """What the followed figure adds: a month of the range, a sentiment, a criticality, answered or not, a change."""
    month = month_arg("month")
    responded = request.args.get("responded")
    change = request.args.get("change")
    return FigureFilters(
        month=month if month and filters.since <= month <= filters.until else None,
        sentiment=sentiment_arg(),
        criticality=int_arg("criticality", 0, 5),
        critical=True if request.args.get("critical") == "yes" else None,
        responded={"yes": True, "no": False}.get(responded or ""),
        change=change if change in CHANGES else None,
    )


def filter_args(filters: DashboardFilters) -> dict[str, str]:
    """The filters as query-string values, for links that keep them."""
    values: dict[str, Any] = {
        "since": filters.since.strftime("%Y-%m"), "until": filters.until.strftime("%Y-%m"),
        "organisation": filters.organisation_id, "service": filters.service_id,
        "kind": filters.kind.value if filters.kind else None, "region": filters.region, "theme": filters.theme,
        "language": filters.language,
    }
    return {key: str(value) for key, value in values.items() if value not in (None, "")}


class FigureLinks:
    """URLs of the stories behind figures: the dashboard's filters plus each figure's own.

    A page links a few hundred figures, so the path is built once by url_for and each query string is joined
    as url_for would join it (same order, same quoting), not routed again.
    """

    def __init__(self, filters: DashboardFilters, endpoint: str = "dashboard.stories") -> None:
        self.path = url_for(endpoint)
        self.args = filter_args(filters)
        self.plain = self._join(self.args)
        self.prefix = f"{self.plain}&" if self.args else f"{self.path}?"

    def _join(self, args: dict[str, Any]) -> str:
        query = urlencode([(key, str(value)) for key, value in args.items()], safe=QUERY_SAFE)
        return f"{self.path}?{query}" if query else self.path

    def __call__(self, link: dict[str, object] | None) -> str:
        own = {key: value for key, value in (link or {}).items() if value is not None}
        if not own:
            return self.plain
        if own.keys() & self.args.keys():  # the figure narrows a filter (a theme within a theme): url_for's merge
            return self._join({**self.args, **own})
        return self.prefix + "&".join(f"{_quoted(key)}={_quoted(value)}" for key, value in own.items())


@lru_cache(maxsize=4096)
def _quoted(value: object) -> str:
    """A key or value of a query string as urlencode quotes it; a page quotes the same few hundred again and again."""
    return quote_plus(str(value), safe=QUERY_SAFE)


def figure_url(filters: DashboardFilters, link: dict[str, object] | None, endpoint: str = "dashboard.stories") -> str:
    """The stories behind a figure: the dashboard's filters plus the figure's own."""
    return FigureLinks(filters, endpoint)(link)


def describe(filters: DashboardFilters, figure: FigureFilters | None = None) -> list[tuple[str, str]]:
    """The filters in words, as (name, value) pairs: the first lines of every CSV file."""
    lines = [(_("Months published"), f"{filters.since:%Y-%m} – {filters.until:%Y-%m}")]
    if filters.organisation_id:
        lines.append((_("Organisation"), db.session.get(Organisation, filters.organisation_id).name))
    if filters.service_id:
        lines.append((_("Service"), db.session.get(Service, filters.service_id).name))
    if filters.kind:
        lines.append((_("Kind of service"), label(filters.kind)))
    if filters.region:
        lines.append((_("Region"), filters.region))
    if filters.theme:
        lines.append((_("Theme"), theme_label(filters.theme)))
    if filters.language:
        lines.append((_("Language"), filters.language))
    names = {"month": _("Month published"), "sentiment": _("Feeling"), "criticality": _("Criticality"),
             "critical": _("Criticality 4 or 5"), "responded": _("Answered"), "change": _("Change")}
    for name, value in (figure.active() if figure else {}).items():
        if isinstance(value, date):
            shown = value.strftime("%Y-%m")
        elif isinstance(value, bool):
            shown = _("yes") if value else _("no")
        elif isinstance(value, Sentiment):
            shown = label(value)
        else:
            shown = str(value)
        lines.append((names[name], shown))
    return lines


class CellText:
    """Table cells as the page shows them, in the reader's language.

    A dashboard formats several hundred numbers. Where the language groups digits in threes (English, German),
    Python's own formatting does it, with the language's separators and Babel's rounding (half to even of the
    decimal value); any other language goes through Babel's patterns, parsed once per page.
    """

    def __init__(self) -> None:
        self.locale = get_locale()
        self.hidden = _("fewer than %(min)d", min=MIN_STORIES)
        symbols = self.locale.number_symbols["latn"]
        self.plain = self.locale.decimal_formats[None].pattern == "#,##0.###" and symbols["minusSign"] == "-"
        self.separators = str.maketrans({",": symbols["group"], ".": symbols["decimal"]})
        self.percent_sign = symbols["percentSign"]
        self.patterns = {kind: parse_pattern(pattern) for kind, pattern in NUMBER_PATTERNS.items()}
        self.patterns["count"] = self.locale.decimal_formats[None]

    def number(self, kind: str, value: float) -> str:
        if not self.plain:
            return self.patterns[kind].apply(value, self.locale)
        if kind == "count" and isinstance(value, int):
            return f"{value:,}".translate(self.separators)
        exact = Decimal(str(value))
        if kind == "percent":
            shown = f"{(exact * 100).quantize(TENTH, ROUND_HALF_EVEN):,.1f}".translate(self.separators)
            return shown + self.percent_sign
        if kind == "decimal":
            return f"{exact.quantize(HUNDREDTH, ROUND_HALF_EVEN):,.2f}".translate(self.separators)
        return self.patterns[kind].apply(value, self.locale)

    def __call__(self, cell: Cell) -> str:
        if cell.hidden:
            return self.hidden
        value = cell.value
        if value is None:
            return ""
        kind = cell.kind
        if kind in self.patterns:
            return self.number(kind, value)
        if kind in ("interval_percent", "interval_decimal"):
            return "–".join(self.number(kind.removeprefix("interval_"), v) for v in value)
        if kind == "month":
            return _month_label(str(self.locale), value)
        return str(value)


@lru_cache(maxsize=1024)
def _month_label(language: str, month: date) -> str:
    """'Mar 2026' in ``language``: the same dozen months on every dashboard, each formatted once."""
    return format_date(month, "MMM yyyy", locale=language)


def cell_text(cell: Cell) -> str:
    """One table cell as the page shows it, in the reader's language."""
    return CellText()(cell)
