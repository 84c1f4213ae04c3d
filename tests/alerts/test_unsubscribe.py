"""One-click unsubscribe: a GET only asks, a POST (from the page or a mail client, RFC 8058) stops the e-mail."""
from __future__ import annotations

import pytest
from itsdangerous import URLSafeSerializer

from feedback_app import create_app
from feedback_app.extensions import db
from feedback_app.models import Story, Subscription
from feedback_app.services.alerts import story_published
from feedback_app.services.notifications import deliver_outbox, queue_email, sent_messages
from feedback_app.services.stories import private_link_token
from feedback_app.services.subscriptions import unsubscribe_token
from tests.conftest import config_for_tests


@pytest.fixture
def alert(app, subscribe):
    subscription = subscribe(email="watcher@example.org")
    with app.test_request_context():
        token = unsubscribe_token(subscription)
    return subscription.id, f"/unsubscribe/{token}"


def is_active(app, subscription_id: int) -> bool:
    with app.app_context():
        return db.session.get(Subscription, subscription_id).active


def test_opening_the_link_asks_and_changes_nothing(app, client, alert):
    subscription_id, url = alert
    page = client.get(url)
    assert page.status_code == 200
    assert f'<form method="post" action="{url}">' in page.data.decode() and b"watcher@example.org" in page.data
    assert is_active(app, subscription_id)  # mail scanners open links: a GET must not unsubscribe


def test_the_button_unsubscribes(app, client, alert):
    subscription_id, url = alert
    page = client.post(url, data={"List-Unsubscribe": "One-Click"})
    assert page.status_code == 200 and b"You are unsubscribed" in page.data
    assert not is_active(app, subscription_id)
    assert b"already unsubscribed" in client.get(url).data
    assert client.post(url).status_code == 200  # a second click is harmless


def test_one_click_post_works_without_a_csrf_token_when_csrf_is_on(app, database_url, alert):
    subscription_id, url = alert
    csrf_client = create_app(config_for_tests(database_url, WTF_CSRF_ENABLED=True)).test_client()
    assert csrf_client.post("/language", data={"language": "de"}).status_code == 400  # CSRF is really on
    response = csrf_client.post(url, data="List-Unsubscribe=One-Click",
                                content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not is_active(app, subscription_id)


@pytest.mark.parametrize("forge", ["not-a-token", "other-secret", "private-link"])
def test_a_forged_token_is_refused(app, client, alert, make_story, forge):
    subscription_id, _url = alert
    if forge == "other-secret":
        token = URLSafeSerializer("not the app's secret", salt="storyloop.unsubscribe").dumps(subscription_id)
    elif forge == "private-link":  # signed by the app, but for another purpose
        story = make_story()
        with app.test_request_context(), app.app_context():
            stored = db.session.get(Story, story.id)
            stored.access_token_hash = "0" * 64
            token = private_link_token(stored)
    else:
        token = forge
    for method in ("GET", "POST"):
        response = client.open(f"/unsubscribe/{token}", method=method)
        assert response.status_code == 404 and b"We do not recognise this unsubscribe link" in response.data
    assert is_active(app, subscription_id)


def test_a_deleted_alerts_link_is_refused(app, client, alert):
    subscription_id, url = alert
    with app.app_context():
        db.session.delete(db.session.get(Subscription, subscription_id))
        db.session.commit()
    assert client.post(url).status_code == 404


def test_alert_emails_carry_the_one_click_headers(app, subscribe, make_story, client):
    subscription = subscribe(email="watcher@example.org")
    story = make_story()
    with app.test_request_context(method="POST"):
        story_published(db.session.get(Story, story.id))
        db.session.commit()
        deliver_outbox()
    [email] = sent_messages
    url = email["List-Unsubscribe"].strip("<>")
    assert url.startswith("http://localhost/unsubscribe/")
    assert email["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in email.get_content()
    # What a mail client does with the header: POST to it, no page, no token.
    client.post(url.removeprefix("http://localhost"), data={"List-Unsubscribe": "One-Click"})
    assert not is_active(app, subscription.id)


def test_plain_emails_have_no_unsubscribe_header(app, ctx):
    queue_email("sam@example.org", "Your story", "Thank you")
    db.session.commit()
    deliver_outbox()
    assert sent_messages[0]["List-Unsubscribe"] is None and "unsubscribe" not in sent_messages[0].get_content()
