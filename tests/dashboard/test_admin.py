"""An admin gives funders organisations and regions to oversee, and takes them away."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import FunderRemit, Organisation
from feedback_app.services import ServiceError
from feedback_app.services.remits import add_remit, remit_scope
from tests.conftest import login


@pytest.fixture
def admin_client(client, world):
    login(client, world.admin)
    return client


def remits(user_id: int) -> list[tuple[int | None, str | None]]:
    return [(r.organisation_id, r.region) for r in db.session.scalars(
        select(FunderRemit).where(FunderRemit.user_id == user_id).order_by(FunderRemit.id))]


def test_the_list_shows_funders_and_their_remits(admin_client, world):
    html = admin_client.get("/admin/funders").get_data(as_text=True)
    assert world.funder.email in html and world.empty_funder.email in html
    assert "North Trust" in html and "South" in html
    assert "Nothing assigned yet" in html


def test_adding_an_organisation_and_a_region(admin_client, world):
    prefix = f"funder{world.empty_funder.id}"
    url = f"/admin/funders/{world.empty_funder.id}/remits"
    assert admin_client.post(url, data={f"{prefix}-organisation": world.ids["C"]}).status_code == 302
    assert admin_client.post(url, data={f"{prefix}-region": "South"}).status_code == 302
    assert remits(world.empty_funder.id) == [(world.ids["C"], None), (None, "South")]
    assert remit_scope(world.empty_funder).organisation_ids == {world.ids["C"], world.ids["B"]}


def test_both_or_neither_is_refused_with_the_form_again(admin_client, world):
    prefix = f"funder{world.empty_funder.id}"
    url = f"/admin/funders/{world.empty_funder.id}/remits"
    response = admin_client.post(url, data={f"{prefix}-organisation": world.ids["C"], f"{prefix}-region": "South"})
    assert response.status_code == 400
    assert "Choose either an organisation or a region." in response.get_data(as_text=True)
    assert admin_client.post(url, data={f"{prefix}-region": "Atlantis"}).status_code == 400  # not a choice
    assert remits(world.empty_funder.id) == []


def test_only_funders_have_a_remit(admin_client, world):
    assert admin_client.post(f"/admin/funders/{world.admin.id}/remits", data={}).status_code == 404
    with pytest.raises(ServiceError):
        add_remit(world.admin, region="South")


def test_removing_an_entry(admin_client, world):
    remit_id = db.session.scalars(select(FunderRemit.id).where(FunderRemit.region == "South")).one()
    assert admin_client.post(f"/admin/remits/{remit_id}/delete").status_code == 302
    assert remits(world.funder.id) == [(world.ids["A"], None)]
    assert world.ids["B"] not in remit_scope(world.funder).organisation_ids


def test_adding_twice_keeps_one_entry(world):
    organisation = db.session.get(Organisation, world.ids["A"])
    assert add_remit(world.funder, organisation=organisation).organisation_id == world.ids["A"]
    assert remits(world.funder.id).count((world.ids["A"], None)) == 1


def test_remit_changes_need_a_csrf_token(app, world):
    client = app.test_client()
    login(client, world.admin)
    app.config["WTF_CSRF_ENABLED"] = True  # from here on, as in production
    assert client.get("/admin/funders").status_code == 200
    response = client.post(f"/admin/funders/{world.empty_funder.id}/remits",
                           data={f"funder{world.empty_funder.id}-region": "South"})
    assert response.status_code == 400
    assert remits(world.empty_funder.id) == []
