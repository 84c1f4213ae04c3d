"""The provider inbox: /provider/ (my organisations) and /provider/<org_slug>/ (the stories about them)."""
from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for
from flask_login import current_user

from ...authz import signed_in_user
from ...extensions import db
from ...labels import THEME_LABELS, choices
from ...models import Progress, Sentiment
from ...services.inbox import InboxFilters, inbox_rows, inbox_services, inbox_stories, member_organisations
from ...services.invitations import can_manage_team
from ..args import int_arg, month_arg, sentiment_arg, theme_arg
from .access import organisation_for_member
from .blueprint import bp


@bp.get("/")
def index():
    organisations = member_organisations(current_user)
    if len(organisations) == 1:
        return redirect(url_for("provider.inbox", org_slug=organisations[0].slug))
    return render_template("provider/index.html", organisations=organisations)


@bp.get("/<org_slug>/")
def inbox(org_slug: str):
    organisation = organisation_for_member(org_slug)
    services = inbox_services(organisation)
    filters = _filters_from_request(allowed_services={service.id for service in services})
    page = db.paginate(inbox_stories(organisation, filters), page=int_arg("page", 1) or 1,
                       per_page=current_app.config["STORIES_PER_PAGE"], error_out=False)
    return render_template(
        "provider/inbox.html", organisation=organisation, page=page, rows=inbox_rows(organisation, page.items),
        filters=filters, services=services, themes=THEME_LABELS, sentiments=choices(Sentiment),
        stage_options=choices(Progress), can_manage=can_manage_team(signed_in_user(), organisation),
        args=request.args,
    )


def _filters_from_request(allowed_services: set[int]) -> InboxFilters:
    service_id = int_arg("service")
    progress = request.args.get("progress", "")
    return InboxFilters(
        service_id=service_id if service_id in allowed_services else None,
        theme=theme_arg(),
        sentiment=sentiment_arg(),
        min_criticality=int_arg("min_criticality", 1, 5),
        progress=Progress(progress) if progress in {p.value for p in Progress} else None,
        since=month_arg("since"),
        until=month_arg("until"),
    )
