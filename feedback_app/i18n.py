"""Languages: pick the reader's language and remember their choice."""
from __future__ import annotations

from flask import Flask, current_app, has_request_context, request, session
from flask_login import current_user

from .extensions import babel

LANGUAGE_COOKIE = "storyloop_lang"
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}


def select_locale() -> str:
    """The chosen language (session, then cookie, then account), else the best match for Accept-Language."""
    supported = current_app.config["LANGUAGES"]
    if not has_request_context():  # commands and background jobs pick their language with force_locale
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    for choice in (
        session.get("lang"),
        request.cookies.get(LANGUAGE_COOKIE),
        getattr(current_user, "locale", None) if current_user and current_user.is_authenticated else None,
    ):
        if choice in supported:
            return choice
    return request.accept_languages.best_match(supported) or current_app.config["BABEL_DEFAULT_LOCALE"]


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)

    @app.context_processor
    def _languages() -> dict:
        return {"language_names": LANGUAGE_NAMES}
