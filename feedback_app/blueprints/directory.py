"""The directory: find a service, and a page per organisation and per service with its stories."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template
from sqlalchemy import select

from ..extensions import db
from ..labels import choices
from ..models import Organisation, Service, ServiceKind
from ..services.browse import (
    StoryFilters,
    organisation_and_descendant_ids,
    published_stories,
    rating_summary,
    search_services,
)
from ..services.organisation_stats import listening_stats
from .args import kind_arg, text_arg
from .dashboard_public import public_dashboard

bp = Blueprint("directory", __name__)


@bp.get("/services")
def search():
    text, kind = text_arg(), kind_arg()
    results = search_services(text, kind, limit=100)
    return render_template("directory/search.html", q=text, kind=kind.value if kind else "", kinds=choices(ServiceKind),
                           results=results)


@bp.get("/services/<slug>")
def service(slug: str):
    service = db.first_or_404(select(Service).where(Service.slug == slug))
    page = db.paginate(published_stories(StoryFilters(service_id=service.id)),
                       per_page=current_app.config["STORIES_PER_PAGE"], error_out=False)
    return render_template("directory/service.html", service=service, page=page,
                           summary=rating_summary([service.id]))


@bp.get("/organisations/<slug>")
def organisation(slug: str):
    organisation = db.first_or_404(select(Organisation).where(Organisation.slug == slug))
    org_ids = organisation_and_descendant_ids(organisation.id)
    service_ids = list(db.session.scalars(select(Service.id).where(Service.organisation_id.in_(org_ids))))
    page = db.paginate(published_stories(StoryFilters(organisation_id=organisation.id)),
                       per_page=current_app.config["STORIES_PER_PAGE"], error_out=False)
    return render_template("directory/organisation.html", organisation=organisation, page=page,
                           summary=rating_summary(service_ids), listening=listening_stats(organisation),
                           public_dashboard=public_dashboard(organisation.id))
