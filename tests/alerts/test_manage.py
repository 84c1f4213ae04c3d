"""Staff and funders set up, pause and delete their alerts at /alerts; a refused form comes back filled in."""
from __future__ import annotations

import pytest

from feedback_app.extensions import db
from feedback_app.models import Frequency, Organisation, Role, Sentiment, Subscription
from tests.conftest import login


@pytest.fixture
def funder_client(app, make_user):
    client = app.test_client()
    user = make_user(Role.FUNDER)
    login(client, user)
    return client, user


def alerts_of(app, user) -> list[Subscription]:  # noqa: ANN001 - a User
    with app.app_context():
        found = db.session.scalars(db.select(Subscription).where(Subscription.user_id == user.id)).all()
        for subscription in found:
            db.session.expunge(subscription)
        return list(found)


def test_a_funder_sets_up_an_alert(app, tree, funder_client):
    client, user = funder_client
    response = client.post("/alerts/new", data={
        "organisation": tree["parent"], "service": tree["ward"].id, "theme": "access_waiting",
        "sentiment": "negative", "min_criticality": "3", "frequency": "daily",
    })
    assert response.status_code == 302 and response.headers["Location"].endswith("/alerts")
    [alert] = alerts_of(app, user)
    assert (alert.email, alert.organisation_id, alert.service_id, alert.theme) == (
        user.email, tree["parent"], tree["ward"].id, "access_waiting")
    assert (alert.sentiment, alert.min_criticality, alert.frequency) == (Sentiment.NEGATIVE, 3, Frequency.DAILY)
    assert alert.active and alert.story_id is None
    page = client.get("/alerts").data.decode()
    assert "Northern Health" in page and "Ward 7" in page and "Daily digest" in page


def test_an_immediate_alert_for_everything_is_refused_and_the_form_kept(app, funder_client):
    client, user = funder_client
    response = client.post("/alerts/new", data={"sentiment": "negative", "min_criticality": "4",
                                                "frequency": "immediate"})
    page = response.data.decode()
    assert response.status_code == 400
    assert 'id="organisation-error"' in page and "or ask for a daily digest" in page
    assert '<option selected value="negative">' in page and '<option selected value="4">' in page
    assert alerts_of(app, user) == []
    assert client.post("/alerts/new", data={"frequency": "daily"}).status_code == 302  # a digest of everything


def test_a_service_outside_the_chosen_organisation_is_refused(app, tree, funder_client):
    client, user = funder_client
    response = client.post("/alerts/new", data={"organisation": tree["parent"], "service": tree["elsewhere"].id,
                                                "frequency": "immediate"})
    page = response.data.decode()
    assert response.status_code == 400 and 'id="service-error"' in page
    assert f'<option selected value="{tree["elsewhere"].id}">' in page
    assert alerts_of(app, user) == []



@pytest.mark.parametrize("value", ["99999999999999999999", "²"])
def test_a_choice_that_names_nothing_is_refused_and_the_form_kept(app, tree, funder_client, value):
    client, user = funder_client
    response = client.post("/alerts/new", data={"organisation": value, "service": value, "theme": "access_waiting",
                                                "frequency": "immediate"})
    page = response.data.decode()
    assert response.status_code == 400
    assert 'id="organisation-error"' in page and 'id="service-error"' in page
    assert '<option selected value="access_waiting">' in page
    assert alerts_of(app, user) == []

def test_pause_resume_and_delete(app, funder_client):
    client, user = funder_client
    client.post("/alerts/new", data={"frequency": "daily"})
    [alert] = alerts_of(app, user)
    client.post(f"/alerts/{alert.id}/pause")
    assert not alerts_of(app, user)[0].active
    assert "Paused" in client.get("/alerts").data.decode()
    client.post(f"/alerts/{alert.id}/resume")
    assert alerts_of(app, user)[0].active
    client.post(f"/alerts/{alert.id}/delete")
    assert alerts_of(app, user) == []


def test_storytellers_own_follow_ups_are_not_listed_as_alerts(app, funder_client, make_story):
    client, user = funder_client
    story = make_story(author=user)
    with app.app_context():
        db.session.add(Subscription(user_id=user.id, email=user.email, story_id=story.id))
        db.session.commit()
    assert "You have no alerts yet." in client.get("/alerts").data.decode()


def test_the_alerts_link_shows_for_staff_and_funders_only(app, make_user, make_service):
    service = make_service()
    with app.app_context():
        organisation = db.session.get(Organisation, service.organisation_id)
        db.session.expunge(organisation)
    for user, shown in [(make_user(Role.FUNDER), True), (make_user(organisation=organisation), True),
                        (make_user(Role.STORYTELLER), False), (make_user(Role.MODERATOR), False)]:
        client = app.test_client()
        login(client, user)
        assert ('href="/alerts"' in client.get("/").data.decode()) is shown, user
