"""Accounts: registering, signing in and out, password hashing and the login rate limit."""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.profiles import RFC_9106_LOW_MEMORY

from config import ProductionConfig
from feedback_app import create_app
from feedback_app.extensions import db
from feedback_app.models import User
from tests.conftest import PASSWORD, config_for_tests, login


def test_register_signs_you_in_and_stores_an_argon2id_hash(app, client):
    response = client.post("/account/register", data={
        "display_name": "Sam", "email": " Sam@Example.org ", "password": "a long passphrase",
        "password_again": "a long passphrase"})
    assert response.status_code == 302
    assert client.get("/my-stories").status_code == 200
    with app.app_context():
        user = db.session.scalars(db.select(User)).one()
        assert user.email == "sam@example.org"
        assert user.password_hash.startswith("$argon2id$")
        assert "a long passphrase" not in user.password_hash


def test_register_refuses_a_duplicate_address_and_keeps_the_form(client, make_user):
    make_user(email="taken@example.org")
    response = client.post("/account/register", data={
        "display_name": "Sam", "email": "TAKEN@example.org", "password": "a long passphrase",
        "password_again": "a long passphrase"})
    assert response.status_code == 400
    assert b"already exists" in response.data and b'value="Sam"' in response.data


def test_register_checks_password_length_and_match(client):
    response = client.post("/account/register", data={
        "display_name": "Sam", "email": "sam@example.org", "password": "short", "password_again": "other"})
    assert b"at least 10 characters" in response.data and b"do not match" in response.data


def test_wrong_password_is_refused_without_saying_which_part(client, make_user):
    user = make_user()
    response = client.post("/account/login", data={"email": user.email, "password": "wrong password"})
    assert response.status_code == 400 and b"e-mail address or password is not right" in response.data
    unknown = client.post("/account/login", data={"email": "nobody@example.org", "password": "wrong password"})
    assert b"e-mail address or password is not right" in unknown.data


def test_login_returns_to_the_page_asked_for_but_never_off_site(client, make_user):
    user = make_user()
    response = client.post("/account/login?next=/stories", data={"email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/stories"
    client.post("/account/logout")
    for evil in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = client.post(f"/account/login?next={evil}", data={"email": user.email, "password": PASSWORD})
        assert response.headers["Location"] == "/my-stories"
        client.post("/account/logout")


def test_logout_ends_the_session(client, make_user):
    login(client, make_user())
    client.post("/account/logout")
    assert client.get("/my-stories").status_code == 302


def test_inactive_users_cannot_sign_in(app, client, make_user):
    user = make_user()
    with app.app_context():
        db.session.get(User, user.id).active = False
        db.session.commit()
    assert client.post("/account/login", data={"email": user.email, "password": PASSWORD}).status_code == 400


def test_failed_logins_are_rate_limited(database_url, make_user):
    app = create_app(config_for_tests(database_url, RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute"))
    client = app.test_client()
    with app.app_context():
        db.session.add(User(email="limited@example.org", password_hash="x", display_name="L"))
        db.session.commit()
    codes = [client.post("/account/login", data={"email": "limited@example.org", "password": "nope"}).status_code
             for _ in range(4)]
    assert codes == [400, 400, 400, 429]
    assert b"Too many attempts" in client.post("/account/login", data={"email": "x@example.org",
                                                                       "password": "nope"}).data


def test_production_hashing_meets_owasp_guidance(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    config = ProductionConfig()
    hasher = PasswordHasher(time_cost=config.PASSWORD_HASH_TIME_COST, memory_cost=config.PASSWORD_HASH_MEMORY_KIB,
                            parallelism=config.PASSWORD_HASH_PARALLELISM)
    params = hasher.hash("x").split("$")[3]
    assert dict(p.split("=") for p in params.split(",")) == {
        "m": str(RFC_9106_LOW_MEMORY.memory_cost), "t": "3", "p": "4"}
    # OWASP: argon2id with at least 19 MiB, 2 iterations, 1 degree of parallelism
    assert config.PASSWORD_HASH_MEMORY_KIB >= 19 * 1024 and config.PASSWORD_HASH_TIME_COST >= 2


def test_session_cookie_is_httponly_and_samesite(client, make_user):
    user = make_user()
    response = client.post("/account/login", data={"email": user.email, "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
