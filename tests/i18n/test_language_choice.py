"""The language follows Accept-Language until the reader picks one; the choice is remembered."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.i18n import LANGUAGE_COOKIE
from feedback_app.models import User

from ..conftest import login
from .conftest import html

GERMAN = {"Accept-Language": "de-DE,de;q=0.9"}
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}


def page(client: FlaskClient, path: str, headers: dict[str, str] | None = None) -> str:
    response = client.get(path, headers=headers or {})
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def assert_german(text: str, de: Callable[..., str]) -> None:
    assert '<html lang="de">' in text
    assert html(de("Tell your story")) in text
    assert html(de("Skip to main content")) in text
    assert "Skip to main content" not in text


def assert_english(text: str) -> None:
    assert '<html lang="en">' in text
    assert "Tell your story" in text
    assert "Skip to main content" in text


# --- Accept-Language -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/stories"])
def test_german_browser_gets_german(client: FlaskClient, de: Callable[..., str], path: str) -> None:
    assert_german(page(client, path, GERMAN), de)


@pytest.mark.parametrize("path", ["/", "/stories"])
def test_english_browser_gets_english(client: FlaskClient, path: str) -> None:
    assert_english(page(client, path, ENGLISH))


def test_front_page_and_stories_page_speak_german(client: FlaskClient, de: Callable[..., str],
                                                  make_story: Callable) -> None:
    make_story(title="Freundliche Pflege")
    front = page(client, "/", GERMAN)
    assert html(de("Latest stories")) in front
    assert html(de("Tell your story of care, and help services change")) in front
    stories = page(client, "/stories", GERMAN)
    assert html(de("Clear filters")) in stories
    assert html(de("All organisations")) in stories
    assert "Freundliche Pflege" in stories
    assert "All organisations" not in stories


def test_german_plural_forms(client: FlaskClient, make_story: Callable) -> None:
    make_story()
    assert "1 Geschichte<" in page(client, "/stories", GERMAN)
    make_story()
    assert "2 Geschichten<" in page(client, "/stories", GERMAN)


@pytest.mark.parametrize(("header", "expected"), [
    ("fr-FR, de;q=0.8, en;q=0.5", "de"),   # the best language we have
    ("fr-FR, en;q=0.8, de;q=0.5", "en"),
    ("de-AT", "de"),
    ("fr", "en"),                          # nothing we speak: the default
    ("", "en"),
])
def test_best_match_of_accept_language(client: FlaskClient, header: str, expected: str) -> None:
    assert f'<html lang="{expected}">' in page(client, "/", {"Accept-Language": header})


# --- the switch --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/stories", "/services", "/share/", "/account/login", "/account/register"])
def test_switch_is_on_every_page(client: FlaskClient, path: str) -> None:
    text = page(client, path, ENGLISH)
    assert 'action="/language"' in text
    assert 'name="language" value="de"' in text and 'name="language" value="en"' in text
    assert f'name="next" value="{path}"' in text


def test_switch_keeps_the_query_string(client: FlaskClient) -> None:
    text = page(client, "/stories?min_rating=3", ENGLISH)
    assert 'name="next" value="/stories?min_rating=3"' in text


def test_switch_redirects_and_remembers(client: FlaskClient, de: Callable[..., str]) -> None:
    response = client.post("/language", data={"language": "de", "next": "/stories"}, headers=ENGLISH)
    assert response.status_code == 302
    assert response.headers["Location"] == "/stories"
    with client.session_transaction() as session:
        assert session["lang"] == "de"
    cookie = client.get_cookie(LANGUAGE_COOKIE)
    assert cookie is not None and cookie.value == "de"
    assert cookie.http_only
    # Later pages stay German although the browser asks for English.
    assert_german(page(client, "/stories", ENGLISH), de)
    assert_german(page(client, "/", ENGLISH), de)


def test_switch_back_to_english(client: FlaskClient) -> None:
    client.post("/language", data={"language": "de", "next": "/"}, headers=ENGLISH)
    client.post("/language", data={"language": "en", "next": "/"}, headers=GERMAN)
    assert_english(page(client, "/", GERMAN))
    assert client.get_cookie(LANGUAGE_COOKIE).value == "en"


def test_cookie_alone_remembers_the_choice(app: Flask, client: FlaskClient, de: Callable[..., str]) -> None:
    """A new session (the browser was closed) still gets the language chosen before."""
    client.post("/language", data={"language": "de", "next": "/"})
    later = app.test_client()
    later.set_cookie(LANGUAGE_COOKIE, client.get_cookie(LANGUAGE_COOKIE).value)
    assert_german(page(later, "/stories", ENGLISH), de)


@pytest.mark.parametrize("language", ["fr", "xx", "", "de-DE", "../de"])
def test_unknown_language_is_refused(client: FlaskClient, language: str) -> None:
    response = client.post("/language", data={"language": language, "next": "/stories"}, headers=ENGLISH)
    assert response.status_code in (302, 303, 400)
    assert client.get_cookie(LANGUAGE_COOKIE) is None
    with client.session_transaction() as session:
        assert "lang" not in session
    assert_english(page(client, "/stories", ENGLISH))


def test_forged_cookie_with_unknown_language_is_ignored(client: FlaskClient) -> None:
    client.set_cookie(LANGUAGE_COOKIE, "xx")
    assert_english(page(client, "/", ENGLISH))


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/", "http://evil.example", "/\\evil.example", "javascript:alert(1)",
    "evil.example",
])
def test_off_site_next_is_ignored(client: FlaskClient, target: str) -> None:
    response = client.post("/language", data={"language": "de", "next": target})
    assert response.status_code == 302
    location = response.headers["Location"]
    assert "evil.example" not in location and "javascript" not in location
    assert location.startswith("/") and not location.startswith("//")


def test_missing_next_goes_to_the_front_page(client: FlaskClient) -> None:
    response = client.post("/language", data={"language": "de"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_switch_only_accepts_post(client: FlaskClient) -> None:
    assert client.get("/language?language=de&next=/").status_code == 405
    assert client.get_cookie(LANGUAGE_COOKIE) is None


# --- accounts ----------------------------------------------------------------------------------------------------


def stored_locale(app: Flask, user: User) -> str | None:
    with app.app_context():
        return db.session.scalar(select(User.locale).where(User.id == user.id))


def test_signed_in_choice_is_stored_on_the_account(app: Flask, client: FlaskClient, make_user: Callable) -> None:
    user = make_user()
    login(client, user)
    client.post("/language", data={"language": "de", "next": "/"})
    assert stored_locale(app, user) == "de"
    client.post("/language", data={"language": "en", "next": "/"})
    assert stored_locale(app, user) == "en"


def test_account_language_follows_the_user_to_another_device(app: Flask, client: FlaskClient,
                                                             make_user: Callable, de: Callable[..., str]) -> None:
    user = make_user()
    login(client, user)
    client.post("/language", data={"language": "de", "next": "/"})
    other_device = app.test_client()
    login(other_device, user)
    assert_german(page(other_device, "/my-stories", ENGLISH), de)


def test_unknown_language_leaves_the_account_alone(app: Flask, client: FlaskClient, make_user: Callable) -> None:
    user = make_user()
    login(client, user)
    client.post("/language", data={"language": "de", "next": "/"})
    client.post("/language", data={"language": "fr", "next": "/"})
    assert stored_locale(app, user) == "de"


def test_anonymous_switch_stores_nothing_on_accounts(app: Flask, client: FlaskClient, make_user: Callable) -> None:
    user = make_user()
    client.post("/language", data={"language": "de", "next": "/"})
    assert stored_locale(app, user) is None
