"""Storyloop configuration: a class per environment, values read from the environment.

Settings are read when a class is chosen (``config_for``), never at import time of the app,
so tests and commands can set the environment first.
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent
DEFAULT_SECRET = "dev-secret-change-me"


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def database_url(default: str) -> str:
    url = env_str("DATABASE_URL", default)
    # Heroku-style URLs name the driver "postgres"; SQLAlchemy wants psycopg 3 spelled out.
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://"):]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


class Config:
    """Settings shared by every environment."""

    def __init__(self) -> None:
        self.SECRET_KEY = env_str("SECRET_KEY", DEFAULT_SECRET)
        self.SQLALCHEMY_DATABASE_URI = database_url(
            f"sqlite:///{PROJECT_ROOT / 'instance' / 'storyloop.sqlite'}"
        )
        self.SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
        self.SQLITE_BUSY_TIMEOUT_MS = env_int("SQLITE_BUSY_TIMEOUT_MS", 30_000)

        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", False)
        self.REMEMBER_COOKIE_HTTPONLY = True
        self.REMEMBER_COOKIE_SAMESITE = "Lax"
        self.REMEMBER_COOKIE_SECURE = self.SESSION_COOKIE_SECURE
        self.PERMANENT_SESSION_LIFETIME = 60 * 60 * 24 * 14

        self.WTF_CSRF_TIME_LIMIT = None  # tied to the session instead, so a slow storyteller loses nothing
        self.LANGUAGES = ["en", "de"]
        self.BABEL_DEFAULT_LOCALE = "en"
        self.BABEL_TRANSLATION_DIRECTORIES = str(PROJECT_ROOT / "feedback_app" / "translations")

        self.RATELIMIT_STORAGE_URI = env_str("RATELIMIT_STORAGE_URI", "memory://")
        self.RATELIMIT_HEADERS_ENABLED = True
        self.LOGIN_RATE_LIMIT = env_str("LOGIN_RATE_LIMIT", "5 per minute;30 per hour")

        # argon2id; the defaults follow RFC 9106's second recommended option (64 MiB, t=3, p=4),
        # which is above OWASP's minimum of 19 MiB, t=2, p=1.
        self.PASSWORD_HASH_TIME_COST = env_int("PASSWORD_HASH_TIME_COST", 3)
        self.PASSWORD_HASH_MEMORY_KIB = env_int("PASSWORD_HASH_MEMORY_KIB", 65_536)
        self.PASSWORD_HASH_PARALLELISM = env_int("PASSWORD_HASH_PARALLELISM", 4)

        self.MAIL_BACKEND = env_str("MAIL_BACKEND", "console")  # console | file | smtp | memory
        self.MAIL_FILE_DIR = env_str("MAIL_FILE_DIR", str(PROJECT_ROOT / "instance" / "outbox"))
        self.MAIL_SENDER = env_str("MAIL_SENDER", "Storyloop <no-reply@storyloop.example>")
        self.MAIL_SMTP_HOST = env_str("MAIL_SMTP_HOST", "localhost")
        self.MAIL_SMTP_PORT = env_int("MAIL_SMTP_PORT", 587)
        self.MAIL_SMTP_USER = env_str("MAIL_SMTP_USER")
        self.MAIL_SMTP_PASSWORD = env_str("MAIL_SMTP_PASSWORD")
        self.MAIL_SMTP_STARTTLS = env_bool("MAIL_SMTP_STARTTLS", True)
        # Deliver the outbox right after the request that filled it; production runs `flask notify send` from cron.
        self.MAIL_DELIVER_INLINE = env_bool("MAIL_DELIVER_INLINE", True)
        self.PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", "http://127.0.0.1:5000")

        # Rendered dashboards, keyed by the figures' version: per process by default, Redis across hosts.
        redis_url = env_str("CACHE_REDIS_URL")
        self.CACHE_TYPE = "RedisCache" if redis_url else "SimpleCache"
        self.CACHE_REDIS_URL = redis_url
        self.CACHE_DEFAULT_TIMEOUT = env_int("CACHE_DEFAULT_TIMEOUT", 300)
        # The dashboard's sums, month by month: exact under their versions, so kept longer than what is rendered.
        self.DASHBOARD_SUMS_TIMEOUT = env_int("DASHBOARD_SUMS_TIMEOUT", 86_400)
        # Rendered parts of a dashboard: true as long as their keys (versions, day, query) are the same, so kept
        # as long as the sums; the escalation list only until time alone would change it.
        self.DASHBOARD_PARTS_TIMEOUT = env_int("DASHBOARD_PARTS_TIMEOUT", 86_400)
        # The dashboards viewed in the last DASHBOARD_WARM_SECONDS, the latest DASHBOARD_WARM_VIEWS of them, are
        # rendered again by a thread when their figures change: the next view is a kept one.
        # 0 views turns it off.
        self.DASHBOARD_WARM_VIEWS = env_int("DASHBOARD_WARM_VIEWS", 100)
        self.DASHBOARD_WARM_SECONDS = env_int("DASHBOARD_WARM_SECONDS", 1800)

        self.STORIES_PER_PAGE = 20
        self.MIN_RATINGS_FOR_AVERAGE = 5


class DevelopmentConfig(Config):
    def __init__(self) -> None:
        super().__init__()
        self.DEBUG = False


class TestingConfig(Config):
    def __init__(self) -> None:
        super().__init__()
        self.TESTING = True
        self.SECRET_KEY = "testing-secret"
        self.SQLALCHEMY_DATABASE_URI = database_url("sqlite:///:memory:")
        self.WTF_CSRF_ENABLED = False
        self.RATELIMIT_ENABLED = False
        self.MAIL_BACKEND = "memory"
        # Cheap hashing keeps the suite fast; production parameters are checked by their own test.
        self.PASSWORD_HASH_TIME_COST = 1
        self.PASSWORD_HASH_MEMORY_KIB = 8
        self.PASSWORD_HASH_PARALLELISM = 1
        # A thread rendering dashboards would race the tests' own views; the tests of warming turn it on.
        self.DASHBOARD_WARM_VIEWS = 0


class ProductionConfig(Config):
    def __init__(self) -> None:
        super().__init__()
        self.SESSION_COOKIE_SECURE = True
        self.REMEMBER_COOKIE_SECURE = True
        self.MAIL_BACKEND = env_str("MAIL_BACKEND", "smtp")
        self.MAIL_DELIVER_INLINE = env_bool("MAIL_DELIVER_INLINE", False)
        if not self.SECRET_KEY or self.SECRET_KEY == DEFAULT_SECRET or len(self.SECRET_KEY) < 32:
            raise RuntimeError(
                "SECRET_KEY must be set to a random value of at least 32 characters in production "
                "(for example: python -c 'import secrets; print(secrets.token_hex(32))')"
            )


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_for(name: str | None = None) -> Config:
    """The settings object for an environment name (default: STORYLOOP_ENV, else development)."""
    name = name or env_str("STORYLOOP_ENV", "development")
    try:
        return CONFIGS[name]()
    except KeyError:
        raise RuntimeError(f"Unknown STORYLOOP_ENV {name!r}; use one of {sorted(CONFIGS)}") from None
