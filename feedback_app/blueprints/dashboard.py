"""The funder dashboard: /dashboard, the stories behind a figure, and CSV files of every table and of the stories."""
from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache as cache_once

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import Select, select

from ..authz import role_required, signed_in_user
from ..charts import Bar, Segment, bar_chart, escape
from ..extensions import cache, db
from ..i18n import current_language
from ..labels import THEME_LABELS, choices, label, theme_label
from ..models import Role, Service, ServiceKind, Story, User
from ..models.base import utcnow
from ..services.dashboard import DashboardFilters, kept_overview, overview, scope_and_versions
from ..services.dashboard_stats import MIN_STORIES, suppressed
from ..services.dashboard_stories import (
    FigureFilters,
    count_stories,
    next_to_wait,
    stories_behind,
    waiting_critical,
)
from ..services.dashboard_tables import TABLES, Table, build_table, csv_value, safe_csv_text
from ..services.remits import Scope, regions_of, remit_scope, scope_organisations
from ..services.rollups import escalation_days
from .args import int_arg
from .dashboard_filters import (
    CellText,
    FigureLinks,
    describe,
    figure_url,
    filter_args,
    read_figure,
    read_filters,
)
from .dashboard_warm import Rendered, remember_view, render_and_keep, warm_on_change

bp = Blueprint("dashboard", __name__)
ESCALATIONS_SHOWN = 50


@bp.before_request
@role_required(Role.FUNDER)
def _only_funders() -> None:
    """Funders and admins only."""


def _scope_and_filters() -> tuple[Scope, DashboardFilters, list[str]]:
    scope = remit_scope(signed_in_user())
    filters, notes = read_filters(scope, date.today())
    return scope, filters, notes


# A cell as the page draws it: its text, the link to the stories behind it (None when it has none or is
# hidden) and whether it is suppressed.
Shown = tuple[str, str | None, bool]


def _shown(tables: dict[str, Table], filters: DashboardFilters) -> dict[str, list[list[Shown]]]:
    """Every cell of every table as text and link, each formatted once for the table and its chart alike."""
    text, links = CellText(), FigureLinks(filters)
    return {name: [[(text(cell), None if cell.hidden or cell.link is None else links(cell.link), cell.hidden)
                    for cell in row] for row in table.rows]
            for name, table in tables.items()}


def _row_cells(row: list[Shown]) -> Markup:
    """A table row's cells as HTML, the first its header: a suppressed figure says so and links nowhere, any
    other with stories behind it links to them. Joined here as plain text (one Markup per row, not three per
    cell): a dashboard has some 400 cells, and their Markup objects were a tenth of a cold view."""
    cells = []
    for index, (text, href, hidden) in enumerate(row):
        shown = (f'<span class="suppressed">{escape(text)}</span>' if hidden else
                 f'<a href="{escape(href)}">{escape(text)}</a>' if href else escape(text))
        cells.append(f'<th scope="row">{shown}</th>' if index == 0 else f"<td>{shown}</td>")
    return Markup("".join(cells))


def _charts(tables: dict[str, Table], shown: dict[str, list[list[Shown]]]) -> dict[str, object]:
    def simple(name: str) -> object:
        bars = [Bar(row[0][0], (Segment(cells[1].value, row[1][0], href=row[1][1]),), row[1][0])
                for cells, row in zip(tables[name].rows, shown[name], strict=True)]
        return bar_chart(f"chart-{name}", tables[name].title, bars)

    matrix_bars = []
    for cells, row in zip(tables["matrix"].rows, shown["matrix"], strict=True):
        segments = tuple(Segment(cell.value, text, f"chart-{css}", href) for cell, (text, href, _hidden), css
                         in zip(cells[1:4], row[1:4], ("positive", "mixed", "negative"), strict=True))
        matrix_bars.append(Bar(row[0][0], segments, row[4][0]))
    return {"volume": simple("volume"), "sentiment": simple("sentiment"), "criticality": simple("criticality"),
            "response_times": simple("response_times"),
            "matrix": bar_chart("chart-matrix", tables["matrix"].title, matrix_bars) if matrix_bars else None}


@bp.record_once
def _warm_when_figures_change(state) -> None:  # noqa: ANN001 - Flask's BlueprintSetupState
    warm_on_change(state.app, dashboard_parts)


@bp.get("/")
def index():
    user = signed_in_user()
    body = "".join(_kept(key, render) for key, render in dashboard_parts(user))
    remember_view(user)
    return render_template("dashboard/index.html", body=Markup(body))


# A part of the page as it is kept: its cache key, and how to render it when it is not kept.
Part = tuple[str, Callable[[], Rendered]]


def dashboard_parts(user: User) -> list[Part]:
    """The kept parts of ``user``'s dashboard for this request's query and language.

    The rendered dashboard is kept in two parts, each until one of its inputs changes: the figures until the
    rollups of the scope's organisations (or the remit) do, the escalation list until a story that is or was
    on it does (most publications and answers leave it alone). Each is kept per person, language and query;
    the page around them (with its CSRF tokens) is rendered fresh every time.
    """
    scope, figures_version, escalations_version = scope_and_versions(user)
    # Today is part of the key: it sets the default months and the previous period a part was rendered for.
    today = date.today()
    person = f"{user.id}:{current_language()}:{escalation_days()}:{today}:{request.full_path}"
    # Read (and checked against the remit) only when a part is rendered: a kept part was checked when it was.
    filters = cache_once(lambda: read_filters(scope, today))
    parts = [(f"dashboard:{figures_version}:{person}", lambda: _render_figures(scope, *filters()))]
    if not scope.empty:
        parts.append((f"dashboard-escalations:{escalations_version}:{person}",
                      lambda: _render_escalations(scope, filters()[0])))
    return parts


def _kept(key: str, render: Callable[[], Rendered]) -> str:
    """The part kept under ``key``, rendered and kept when there is none."""
    part = cache.get(key)
    return render_and_keep(key, render) if part is None else part


def _render_figures(scope: Scope, filters: DashboardFilters, notes: list[str]) -> Rendered:
    # True as long as its key (the figures' version, the day, the query) is the same.
    return Rendered(_figures_html(scope, filters, notes), current_app.config["DASHBOARD_PARTS_TIMEOUT"])


def _figures_html(scope: Scope, filters: DashboardFilters, notes: list[str]) -> str:
    organisations = scope_organisations(scope)
    context = {"scope": scope, "filters": filters, "notes": notes, "args": filter_args(filters),
               "organisations": organisations, "regions": regions_of(organisations),
               "kinds": choices(ServiceKind), "themes": THEME_LABELS, "stories_url": figure_url(filters, {}),
               "services": _services_of(filters)}
    if scope.empty:
        return render_template("dashboard/_body.html", **context)
    view = kept_overview(scope, filters, {organisation.id: organisation.name for organisation in organisations})
    tables = {name: build_table(name, view) for name in TABLES}
    shown = _shown(tables, filters)
    rows = {name: [_row_cells(row) for row in table_rows] for name, table_rows in shown.items()}
    context.update(tables=tables, shown=rows, charts=_charts(tables, shown))
    return render_template("dashboard/_body.html", **context)


def _render_escalations(scope: Scope, filters: DashboardFilters) -> Rendered:
    now, days = utcnow(), escalation_days()
    # One more than is shown tells whether there are more, without counting them all at a million stories.
    waiting = waiting_critical(scope, filters, days, limit=ESCALATIONS_SHOWN + 1, now=now)
    shown = waiting[:ESCALATIONS_SHOWN]
    html = render_template("dashboard/_escalations.html", escalations=shown,
                           more_escalations=len(waiting) > ESCALATIONS_SHOWN, now=now, days=days,
                           args=filter_args(filters))
    # Its key moves with the stories on it; time alone changes it when the next story has waited long enough,
    # or when a story shown has waited one more day.
    changes = [story.published_at + timedelta(days=(now - story.published_at).days + 1) for story in shown]
    if upcoming := next_to_wait(scope, filters, days, now):
        changes.append(upcoming)
    seconds = current_app.config["DASHBOARD_PARTS_TIMEOUT"]
    if changes:
        seconds = min(seconds, max(1, math.ceil((min(changes) - now).total_seconds())))
    return Rendered(html, seconds)


def _services_of(filters: DashboardFilters) -> list[Service]:
    """The services of the chosen organisation, to narrow to one (none offered before an organisation is chosen)."""
    if not filters.organisation_id:
        return []
    return list(db.session.scalars(select(Service).where(Service.organisation_id == filters.organisation_id)
                                   .order_by(Service.name)))


def _behind() -> tuple[Scope, DashboardFilters, list[str], FigureFilters, Select, int]:
    """Scope, filters, notes, the figure followed, its stories' query and how many there are."""
    scope, filters, notes = _scope_and_filters()
    figure = read_figure(filters)
    query = stories_behind(scope, filters, figure)
    return scope, filters, notes, figure, query, 0 if scope.empty else db.session.scalar(count_stories(query))


@bp.get("/stories")
def stories():
    scope, filters, notes, figure, query, total = _behind()
    page = None
    if not suppressed(total):
        page = db.paginate(query, page=int_arg("page", 1) or 1, per_page=current_app.config["STORIES_PER_PAGE"],
                           error_out=False)
    return render_template("dashboard/stories.html", scope=scope, filters=filters, figure=figure, notes=notes,
                           page=page, total=total, described=describe(filters, figure), min_stories=MIN_STORIES,
                           back=url_for("dashboard.index", **filter_args(filters)),
                           csv_url=url_for("dashboard.stories_csv", **request.args.to_dict()))


def _csv_response(filename: str, title: str, described: list[tuple[str, str]], header: list[str],
                  rows: list[list[str]], scope: Scope) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f"# {title}"])
    writer.writerow(["# " + _("Exported"), utcnow().strftime("%Y-%m-%d %H:%M UTC")])
    for name, value in described:
        writer.writerow([f"# {name}", safe_csv_text(value)])
    writer.writerow(["# " + _("Suppression"), _("Figures resting on fewer than %(min)d stories are written as "
                                                 "'fewer than %(min)d'; percentages are out of 100.", min=MIN_STORIES)])
    if scope.empty:
        writer.writerow(["# " + _("Remit"), _("No organisations or regions have been assigned to you yet.")])
    writer.writerow([safe_csv_text(str(h)) for h in header])
    writer.writerows(rows)
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/export/<name>.csv")
def export(name: str):
    scope, filters, _notes = _scope_and_filters()
    if name == "escalations":
        header = [_("Story"), _("Title"), _("Published"), _("Criticality"), _("Services")]
        found = [] if scope.empty else waiting_critical(scope, filters, escalation_days())
        rows = [[str(s.id), safe_csv_text(s.title), f"{s.published_at:%Y-%m-%d}", str(s.criticality),
                 safe_csv_text("; ".join(service.name for service in s.services))] for s in found]
        title = _("Critical stories without a response after %(days)d days", days=escalation_days())
        return _csv_response("escalations.csv", title, describe(filters), header, rows, scope)
    if name not in TABLES:
        abort(404)
    table = build_table(name, overview(scope, filters))
    rows = [] if scope.empty else [[csv_value(cell) for cell in row] for row in table.rows]
    return _csv_response(f"{name}.csv", table.title, describe(filters), table.columns, rows, scope)


@bp.get("/stories.csv")
def stories_csv():
    scope, filters, _notes, figure, query, total = _behind()
    found: list[Story] = [] if suppressed(total) else db.session.scalars(query).all()
    header = [_("Story"), _("Title"), _("Published"), _("Services"), _("Language"), _("Rating"),
              _("Friends and Family answer"), _("Feeling"), _("Criticality"), _("Themes"), _("Link")]
    rows = [[str(s.id), safe_csv_text(s.title), f"{s.published_at:%Y-%m-%d}",
             safe_csv_text("; ".join(service.name for service in s.services)), s.language, str(s.rating_overall),
             label(s.fft_answer), label(s.sentiment), "" if s.criticality is None else str(s.criticality),
             safe_csv_text("; ".join(f"{theme_label(t.code)} ({label(t.sentiment)})" for t in s.themes)),
             url_for("stories.detail", story_id=s.id, _external=True)] for s in found]
    described = describe(filters, figure)
    if suppressed(total):
        described.append((_("Stories"), _("fewer than %(min)d: not listed", min=MIN_STORIES)))
    return _csv_response("stories.csv", _("Stories behind the dashboard"), described, header, rows, scope)
