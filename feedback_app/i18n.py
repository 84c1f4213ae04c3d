"""Languages: pick the reader's language and remember their choice."""
from __future__ import annotations

from contextlib import AbstractContextManager

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import force_locale, get_locale
from flask_login import current_user

from .extensions import babel

LANGUAGE_COOKIE = "storyloop_lang"
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}
# Dates and numbers follow the places Storyloop serves: 25 November 2026, not November 25, 2026.
REGIONAL_LOCALES = {"en": "en_GB", "de": "de_DE"}


def select_language() -> str:
    """The chosen language (this session, the account, then the cookie), else the best match for Accept-Language.

    The account comes before the cookie: a choice saved on the account follows its owner to a device whose
    cookie still holds an older choice.
    """
    supported = current_app.config["LANGUAGES"]
    if not has_request_context():  # commands and background jobs pick their language with in_language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    for choice in (
        session.get("lang"),
        getattr(current_user, "locale", None) if current_user and current_user.is_authenticated else None,
        request.cookies.get(LANGUAGE_COOKIE),
    ):
        if choice in supported:
            return choice
    return request.accept_languages.best_match(supported) or current_app.config["BABEL_DEFAULT_LOCALE"]


def select_locale() -> str:
    language = select_language()
    return REGIONAL_LOCALES.get(language, language)


def current_language() -> str:
    """'en' or 'de': the language of the page being built."""
    locale = get_locale()
    return locale.language if locale else "en"


def in_language(language: str | None) -> AbstractContextManager:
    """Write something (an e-mail) in ``language`` whatever the current request's language is."""
    language = language or "en"
    return force_locale(REGIONAL_LOCALES.get(language, language))


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)

    @app.context_processor
    def _languages() -> dict:
        return {"language_names": LANGUAGE_NAMES}
