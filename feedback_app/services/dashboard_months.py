"""A changing month's dashboard sums, kept pathway by pathway, so that after a publication only the pathways it
changed are read again.

kept_overview (dashboard.py) keeps each month's sums until the month's version moves. A publication moves this
month's, and read whole again that is three statements over every rollup row of the month (some 2,000 at a
million stories). So this month, and any month that changed since it was kept, is kept here too: its sums per
pathway in view, and each pathway's organisations in view (for the provider comparison). When its version
moves, only the pathways whose PathwayMonthVersion moved since are read again, in one statement over their few
rows. A pathway is read again whole, never moved by a difference: a read that saw a later change than its
version says is simply read again the next time. After a reset (RollupState.reset_version: a rebuild, or a
service or organisation that moved, which changes what is in view) the month is read whole again.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache as cache_once
from sys import intern

from flask import current_app
from sqlalchemy import Select, and_, bindparam, func, select

from ..extensions import cache, db
from ..models import ALL_THEMES, PathwayMonthVersion, RollupState, Service, StoryRollup, rollup_pathway_services
from .rollups import MEASURES

Sums = tuple[int, ...]


@dataclass
class MonthByPathway:
    """One month's rollups in view of one dashboard, summed per pathway (pathways without rows left out)."""

    version: int  # the month's version when it was read: every change up to it is in
    measures: dict[int, Sums] = field(default_factory=dict)  # pathway -> MEASURES of its stories in view
    themes: dict[int, dict[str, Sums]] = field(default_factory=dict)  # pathway -> theme -> the theme measures
    # Every pathway looked up, with its organisations in view (none: the pathway is not in view).
    organisations: dict[int, tuple[int, ...]] = field(default_factory=dict)


def month_by_pathway(services: Callable[[], Select], filters, month: date, version: int,  # noqa: ANN001
                     key: str, theme_measures: tuple[str, ...]) -> MonthByPathway:
    """``month`` summed per pathway, as of ``version`` or later, kept under ``key`` (the scope and every filter
    but the range). ``services`` makes the query of the ids of the services in view (made only when needed);
    ``filters`` narrow the rows to a language or a theme; ``theme_measures`` are the measures kept of each
    theme."""
    cache_key = f"dashboard-month:{key}:{month:%Y-%m}"
    kept = cache.get(cache_key)
    if kept is not None and kept.version >= version:
        return kept
    if kept is None or db.session.scalar(_reset_version()) > kept.version:
        kept = MonthByPathway(version)
        found = _read_whole(services, filters, month, theme_measures)
        kept.organisations = _organisations(services(), None)
    else:
        found = _read_changed(filters, month, kept.version, theme_measures)
        unknown = [pathway_id for pathway_id in found if pathway_id not in kept.organisations]
        if unknown:
            kept.organisations.update(_organisations(services(), unknown))
        kept.version = version
    for pathway_id, (measures, themes) in found.items():
        kept.measures.pop(pathway_id, None)
        kept.themes.pop(pathway_id, None)
        if kept.organisations.get(pathway_id):  # in view
            if measures is not None:
                kept.measures[pathway_id] = measures
            if themes:
                kept.themes[pathway_id] = themes
    cache.set(cache_key, kept, timeout=current_app.config["DASHBOARD_SUMS_TIMEOUT"])
    return kept


# What was read of each pathway: its measures (None when it has no stories in view) and its themes' measures.
Found = dict[int, tuple[Sums | None, dict[str, Sums]]]


def _read_whole(services: Callable[[], Select], filters, month: date,  # noqa: ANN001 - DashboardFilters
                theme_measures: tuple[str, ...]) -> Found:
    """Every pathway in view of the month: the measures of its stories (of the theme chosen, if one is), then
    its themes' measures, in two statements (a theme's rows need only four sums of the 35)."""
    values = {"month": month, "language": filters.language, "theme": filters.theme or ALL_THEMES}
    in_view = StoryRollup.pathway_id.in_(select(rollup_pathway_services.c.pathway_id)
                                         .where(rollup_pathway_services.c.service_id.in_(services())))
    found: Found = {pathway_id: (tuple(sums), {}) for pathway_id, *sums in db.session.execute(
        _whole_rows(bool(filters.language), MEASURES, every_theme=False).where(in_view), values)}
    themes = _whole_rows(bool(filters.language), theme_measures, every_theme=True, one_theme=bool(filters.theme))
    for pathway_id, theme, *sums in db.session.execute(themes.where(in_view), values):
        # Interned, so that a kept month pickles each theme code once, not once per pathway (a third of its size).
        found.setdefault(pathway_id, (None, {}))[1][intern(theme)] = tuple(sums)
    return found


def _read_changed(filters, month: date, since: int, theme_measures: tuple[str, ...]) -> Found:  # noqa: ANN001
    """The month's pathways whose version moved since ``since`` (in view or not), one statement over their rows;
    a pathway left without rows is found with none."""
    theme_index = [MEASURES.index(name) for name in theme_measures]
    measures_theme = filters.theme or ALL_THEMES
    found: Found = {}
    for pathway_id, theme, *sums in db.session.execute(
            _changed_rows(bool(filters.language), bool(filters.theme)),
            {"month": month, "since": since, "language": filters.language, "theme": filters.theme}):
        _measures, themes = found.setdefault(pathway_id, (None, {}))
        if theme == measures_theme:
            found[pathway_id] = (tuple(sums), themes)
        if theme is not None and theme != ALL_THEMES:  # None: the pathway has no rows left
            themes[intern(theme)] = tuple(sums[i] for i in theme_index)
    return found


def _language(language: bool) -> list:
    """The condition on the rows for a chosen language (its value bound when the statement runs)."""
    return [StoryRollup.language == bindparam("language")] if language else []


def _sums(names: tuple[str, ...]) -> list:
    return [func.sum(getattr(StoryRollup, name)) for name in names]


@cache_once
def _whole_rows(language: bool, names: tuple[str, ...], every_theme: bool, one_theme: bool = False) -> Select:
    """A month's rows summed per pathway (over languages): of every story, or of the theme chosen; with
    ``every_theme`` per pathway and theme, of each theme (or of the theme chosen, with ``one_theme``)."""
    if not every_theme:
        return (select(StoryRollup.pathway_id, *_sums(names))
                .where(StoryRollup.month == bindparam("month"), StoryRollup.theme == bindparam("theme"),
                       *_language(language)).group_by(StoryRollup.pathway_id))
    theme = StoryRollup.theme == bindparam("theme") if one_theme else StoryRollup.theme != ALL_THEMES
    return (select(StoryRollup.pathway_id, StoryRollup.theme, *_sums(names))
            .where(StoryRollup.month == bindparam("month"), theme, *_language(language))
            .group_by(StoryRollup.pathway_id, StoryRollup.theme))


@cache_once
def _changed_rows(language: bool, theme: bool) -> Select:
    """The rows of a month's pathways whose version moved since ``since``, summed per pathway and theme; a
    pathway left without rows comes once, with no theme. Made once, so its cache key is made once too."""
    versions = PathwayMonthVersion
    on = and_(StoryRollup.pathway_id == versions.pathway_id, StoryRollup.month == versions.month,
              *_language(language), *([StoryRollup.theme == bindparam("theme")] if theme else []))
    return (select(versions.pathway_id, StoryRollup.theme, *_sums(MEASURES)).select_from(versions)
            .outerjoin(StoryRollup, on)
            .where(versions.month == bindparam("month"), versions.version > bindparam("since"))
            .group_by(versions.pathway_id, StoryRollup.theme))


@cache_once
def _reset_version() -> Select:
    return select(func.coalesce(func.max(RollupState.reset_version), 0))


def _organisations(services: Select, pathway_ids: list[int] | None) -> dict[int, tuple[int, ...]]:
    """These pathways' organisations in view (of every pathway in view, for None); () for one not in view."""
    query = (select(rollup_pathway_services.c.pathway_id, Service.organisation_id).distinct()
             .join(Service, Service.id == rollup_pathway_services.c.service_id).where(Service.id.in_(services)))
    if pathway_ids is not None:
        query = query.where(rollup_pathway_services.c.pathway_id.in_(pathway_ids))
    found: dict[int, tuple[int, ...]] = dict.fromkeys(pathway_ids or (), ())
    for pathway_id, organisation_id in db.session.execute(query):
        found[pathway_id] = (*found.get(pathway_id, ()), organisation_id)
    return found
