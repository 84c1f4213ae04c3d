"""The dashboard's tables: its sums turned into figures, small numbers suppressed, each cell with its stories' link.

The page, its charts and the CSV files all read these tables, so a number hidden in one is hidden in all.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from flask_babel import get_locale, gettext

from ..labels import label, theme_label
from ..models import Sentiment
from ..models.rollups import RESPONSE_DAY_BUCKETS
from .dashboard import Overview, PublicSummary
from .dashboard_stats import (
    MIN_STORIES,
    Interval,
    bucket_median,
    count_figure,
    mean_interval,
    rate_figure,
    share_figure,
    wilson_interval,
)


def _(text: str, **values: object) -> str:
    """gettext, each text translated once per language: the tables ask for the same hundred texts on every
    view, and each of Flask-Babel's lookups of the request's translations costs more than the rest of a cell."""
    translated = _translated(str(get_locale()), text)
    return translated % values if values else translated


@lru_cache(maxsize=1024)
def _translated(locale: str, text: str) -> str:  # noqa: ARG001 - ``locale`` is the request's, part of the key
    return gettext(text)


TABLES = ("summary", "volume", "sentiment", "matrix", "criticality", "response_times", "trends", "providers")


@dataclass(frozen=True)
class Cell:
    """One value of a table. ``hidden`` cells print as "fewer than 5", never as their number."""

    value: object = None
    kind: str = "text"  # text | count | percent | decimal | month | interval | days
    hidden: bool = False
    link: dict[str, object] | None = None  # the figure's own filters, for the stories behind it


@dataclass
class Table:
    name: str
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str | None = None


def text(value: object, link: dict[str, object] | None = None) -> Cell:
    return Cell(value, "text", link=link)


def count(n: int, link: dict[str, object] | None = None) -> Cell:
    figure = count_figure(n)
    return Cell(figure.value, "count", figure.hidden, link)


def share(part: int, whole: int, link: dict[str, object] | None = None) -> Cell:
    figure = share_figure(part, whole)
    return Cell(figure.value, "percent", figure.hidden, link)


def rate(part: int, whole: int, link: dict[str, object] | None = None) -> Cell:
    figure = rate_figure(part, whole)
    return Cell(figure.value, "percent", figure.hidden, link)


def interval(found: Interval | None, kind: str, link: dict[str, object] | None = None) -> list[Cell]:
    """An estimate and its interval as two cells (hidden together)."""
    if found is None:
        return [Cell(None, kind, True, link), Cell(None, "interval", True)]
    return [Cell(found.estimate, kind, link=link), Cell((found.low, found.high), f"interval_{kind}")]


def days_label(bounds: tuple[int | None, int | None]) -> str:
    low, high = bounds
    if high is None:
        return _("more than %(days)d days", days=low)
    if not low:
        return _("under %(days)d day", days=high) if high == 1 else _("under %(days)d days", days=high)
    return _("%(low)d to %(high)d days", low=low, high=high)


def summary_table(view: Overview) -> Table:
    t = view.totals
    median = bucket_median(view.response_buckets, RESPONSE_DAY_BUCKETS)
    rows = [
        [text(_("Stories")), count(t["stories"], {})],
        [text(_("Average rating (1 to 5)")),
         *interval(mean_interval(t["stories"], t["rating_sum"], t["rating_sq_sum"]), "decimal", {})],
        [text(_("Positive Friends and Family answers")),
         *interval(wilson_interval(t["fft_positive"], t["fft_answered"]), "percent", {})],
        [text(_("Stories answered (response rate)")), rate(t["responded"], t["stories"], {"responded": "yes"})],
        [text(_("Median time to a first response (approximate)")),
         Cell(days_label(median) if median else None, "text", median is None, {"responded": "yes"})],
        [text(_("Critical stories (criticality 4 or 5)")), count(t["critical"], {"critical": "yes"})],
        [text(_("Changes planned")), count(t["changes_planned"], {"change": "planned"})],
        [text(_("Changes made")), count(t["changes_made"], {"change": "made"})],
        [text(_("Changes confirmed by storytellers")), count(t["changes_confirmed"], {"change": "confirmed"})],
    ]
    for row in rows:  # every row has a value and an interval column
        row.extend([Cell()] * (3 - len(row)))
    return Table("summary", _("Key figures"), [_("Figure"), _("Value"), _("%(level)d%% interval", level=95)], rows,
                 _("The median is read off day ranges, so it is only as precise as its range."))


def volume_table(view: Overview) -> Table:
    cells = guarded([count(n, {"month": month.strftime("%Y-%m")}) for month, n in view.volume])
    rows = [[Cell(month, "month"), cell] for (month, _n), cell in zip(view.volume, cells, strict=True)]
    return Table("volume", _("Stories per month"), [_("Month published"), _("Stories")], rows)


def guarded(cells: list[Cell]) -> list[Cell]:
    """Counts that add up to a total shown elsewhere: when exactly one is hidden, hide the smallest other too.

    Otherwise the hidden one is the total minus the rest (secondary suppression).
    """
    hidden = [c for c in cells if c.hidden]
    shown = [c for c in cells if not c.hidden and c.value is not None]
    if len(hidden) != 1 or not shown:
        return cells
    smallest = min(shown, key=lambda c: c.value)
    return [Cell(None, c.kind, True, c.link) if c is smallest else c for c in cells]


def split(counts: list[tuple[int, dict[str, object]]]) -> list[tuple[Cell, Cell]]:
    """Counts of a whole split into parts, each with its share of the whole; both hidden where small."""
    whole = sum(n for n, _link in counts)
    cells = guarded([count(n, link) for n, link in counts])
    return [(cell, Cell(None, "percent", True) if cell.hidden else share(n, whole))
            for cell, (n, _link) in zip(cells, counts, strict=True)]


def sentiment_table(view: Overview) -> Table:
    t = view.totals
    parts = split([(t[f"sentiment_{s.value}"], {"sentiment": s.value}) for s in Sentiment])
    rows = [[text(label(s)), *cells] for s, cells in zip(Sentiment, parts, strict=True)]
    return Table("sentiment", _("How stories felt"), [_("Feeling"), _("Stories"), _("Share")], rows)


def matrix_table(view: Overview) -> Table:
    rows = []
    for theme in view.matrix:
        cells = guarded([count(getattr(theme, s.value), {"theme": theme.theme, "sentiment": s.value})
                         for s in Sentiment])
        rows.append([text(theme_label(theme.theme), {"theme": theme.theme}), *cells,
                     count(theme.mentions, {"theme": theme.theme})])
    return Table("matrix", _("Themes: how often each was praised and criticised"),
                 [_("Theme"), _("Positive"), _("Mixed"), _("Negative"), _("Stories with the theme")], rows)


def criticality_table(view: Overview) -> Table:
    t = view.totals
    parts = split([(t[f"criticality_{level}"], {"criticality": level}) for level in range(6)])
    rows = [[text(str(level)), *cells] for level, cells in enumerate(parts)]
    return Table("criticality", _("Criticality"), [_("Criticality (0 none to 5 severe)"), _("Stories"), _("Share")],
                 rows)


def response_times_table(view: Overview) -> Table:
    edges = (0, *RESPONSE_DAY_BUCKETS, None)
    cells = guarded([count(n, {"responded": "yes"}) for n in view.response_buckets])
    rows = [[text(days_label((edges[i], edges[i + 1]))), cell] for i, cell in enumerate(cells)]
    return Table("response_times", _("Time to a first response"), [_("Days"), _("Stories")], rows)


def trends_table(view: Overview) -> Table:
    verdicts = {"worsening": _("Worsening"), "improving": _("Improving"), None: _("No clear change")}
    rows = []
    for trend in view.trends:
        verdict = verdicts[trend.direction] if trend.tested else _("Too few mentions to test")
        rows.append([
            text(theme_label(trend.theme), {"theme": trend.theme, "sentiment": "negative"}),
            count(trend.before_total), share(trend.before, trend.before_total),
            count(trend.now_total), share(trend.now, trend.now_total),
            Cell(round(trend.z, 2) if trend.tested else None, "decimal"), text(verdict),
        ])
    return Table("trends", _("Themes improving or worsening"),
                 [_("Theme"), _("Mentions before"), _("Negative before"), _("Mentions now"), _("Negative now"),
                  _("z"), _("Change")], rows,
                 _("Compares each theme's share of negative mentions with the previous period of the same length "
                   "(a two-proportion z-test). Only themes with at least 20 mentions in both periods are tested; "
                   "a change is flagged when |z| is 1.96 or more (a significance level of %(level)d%%).", level=5))


def providers_table(view: Overview) -> Table:
    rows = []
    counts = guarded([count(p.stories, {"organisation": p.organisation_id}) for p in view.providers])
    for p, stories in zip(view.providers, counts, strict=True):
        link = {"organisation": p.organisation_id}
        rows.append([text(p.name, link), stories,
                     *interval(mean_interval(p.stories, p.rating_sum, p.rating_sq_sum), "decimal"),
                     *interval(wilson_interval(p.fft_positive, p.fft_answered), "percent")])
    return Table("providers", _("Providers compared"),
                 [_("Organisation"), _("Stories"), _("Average rating"), _("%(level)d%% interval", level=95),
                  _("Positive FFT answers"), _("%(level)d%% interval", level=95)], rows,
                 _("Averages carry a 95%% t-interval, shares a 95%% Wilson interval; figures resting on fewer than "
                   "%(min)d stories are not shown.", min=MIN_STORIES))


BUILDERS = {"summary": summary_table, "volume": volume_table, "sentiment": sentiment_table, "matrix": matrix_table,
            "criticality": criticality_table, "response_times": response_times_table, "trends": trends_table,
            "providers": providers_table}


def build_table(name: str, view: Overview) -> Table:
    """One of TABLES for an overview."""
    return BUILDERS[name](view)


# A spreadsheet runs a cell that starts with one of these as a formula; an apostrophe makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_csv_text(value: str) -> str:
    """A text cell a spreadsheet will show, never evaluate."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_value(cell: Cell) -> str:
    """A cell as the CSV files write it: plain numbers, percentages to one decimal, suppressed in words."""
    if cell.hidden:
        return _("fewer than %(min)d", min=MIN_STORIES)
    value = cell.value
    if value is None:
        return ""
    if cell.kind == "month" and isinstance(value, date):
        return value.strftime("%Y-%m")
    if cell.kind in ("percent", "interval_percent"):
        values = value if isinstance(value, tuple) else (value,)
        return "–".join(f"{v * 100:.1f}" for v in values)
    if cell.kind in ("decimal", "interval_decimal"):
        values = value if isinstance(value, tuple) else (value,)
        return "–".join(f"{v:.2f}" for v in values)
    return safe_csv_text(str(value))


@dataclass(frozen=True)
class PublicFigures:
    """The public subset, suppressed as the dashboard is."""

    stories: Cell
    rating: Cell
    fft: Cell
    volume: list[tuple[date, Cell]]
    praised: str | None
    criticised: str | None


def public_figures(summary: PublicSummary) -> PublicFigures:
    """Figures for an organisation's public page: small numbers hidden, the extreme themes only when well founded."""
    t = summary.totals
    found = mean_interval(t["stories"], t["rating_sum"], t["rating_sq_sum"])
    cells = guarded([count(n) for _month, n in summary.volume])
    return PublicFigures(
        stories=count(t["stories"]),
        rating=Cell(None, "decimal", True) if found is None else Cell(found.estimate, "decimal"),
        fft=rate(t["fft_positive"], t["fft_answered"]),
        volume=[(month, cell) for (month, _n), cell in zip(summary.volume, cells, strict=True)],
        praised=theme_label(summary.praised.theme) if summary.praised else None,
        criticised=theme_label(summary.criticised.theme) if summary.criticised else None,
    )
