"""Safety on every response: headers, CSRF, no personal data in the logs, production settings."""
from __future__ import annotations

import logging

import pytest

from config import DEFAULT_SECRET, ProductionConfig
from feedback_app import create_app
from feedback_app.security import PersonalDataFilter
from tests.conftest import config_for_tests, story_form

PAGES = ["/", "/stories", "/share/", "/account/login", "/services", "/no-such-page"]


@pytest.mark.parametrize("path", PAGES)
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("path", ["/", "/stories", "/share/", "/account/login", "/account/register"])
def test_pages_have_no_inline_script_or_style(client, path):
    page = client.get(path).data.decode()
    assert "<script>" not in page and " style=" not in page and "onclick" not in page


@pytest.fixture
def csrf_client(database_url):
    return create_app(config_for_tests(database_url, WTF_CSRF_ENABLED=True)).test_client()


def test_forms_without_a_csrf_token_are_refused(csrf_client, make_service):
    service = make_service()
    response = csrf_client.post("/share/story", data=story_form([service.id]))
    assert response.status_code == 400
    assert b"Your form expired" in response.data


def test_forms_with_the_csrf_token_are_accepted(csrf_client, make_service):
    service = make_service()
    page = csrf_client.get(f"/share/story?service={service.id}").data.decode()
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = csrf_client.post("/share/story", data={**story_form([service.id]), "csrf_token": token})
    assert response.status_code == 302


def test_csrf_failure_answers_json_clients_with_the_envelope(csrf_client):
    response = csrf_client.post("/language", headers={"Accept": "application/json"})
    assert response.status_code == 400 and response.get_json()["error"] == "csrf_failed"


def test_log_filter_removes_email_addresses_and_private_link_tokens():
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1,
                               '"GET /follow/AbC_123-xyz HTTP/1.1" 200 for %s', ("sam@example.org",), None)
    PersonalDataFilter().filter(record)
    message = record.getMessage()
    assert "sam@example.org" not in message and "AbC_123-xyz" not in message
    assert "/follow/[token]" in message and "[email]" in message


def test_request_logs_carry_no_personal_data(client, make_service, caplog):
    service = make_service()
    with caplog.at_level(logging.DEBUG):
        link = client.post("/share/story", data=story_form([service.id], contact_email="sam@example.org"))
        client.get(link.headers["Location"])
        logging.getLogger("werkzeug").info("GET %s", link.headers["Location"])
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "sam@example.org" not in text
    assert link.headers["Location"].split("/follow/")[1].split("?")[0] not in text


def test_production_refuses_a_missing_or_default_secret(monkeypatch):
    for secret in (None, DEFAULT_SECRET, "short"):
        if secret is None:
            monkeypatch.delenv("SECRET_KEY", raising=False)
        else:
            monkeypatch.setenv("SECRET_KEY", secret)
        with pytest.raises(RuntimeError, match="SECRET_KEY"):
            create_app(ProductionConfig)


def test_production_cookies_are_secure(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "s" * 48)
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    app = create_app(ProductionConfig)
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    assert app.config["SESSION_COOKIE_HTTPONLY"] and app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    response = app.test_client().get("/health")
    assert "max-age" in response.headers["Strict-Transport-Security"]


def test_unknown_pages_are_friendly_html_or_json(client):
    html = client.get("/nowhere")
    assert html.status_code == 404 and b"We could not find that page." in html.data
    api = client.get("/nowhere", headers={"Accept": "application/json"})
    assert api.status_code == 404 and set(api.get_json()) == {"error", "message"}


def test_database_url_postgres_scheme_is_normalised(monkeypatch):
    from config import database_url
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db/storyloop")
    assert database_url("sqlite://") == "postgresql+psycopg://u:p@db/storyloop"
