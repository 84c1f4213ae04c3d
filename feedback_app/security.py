"""Security headers on every response, and a log filter that keeps personal data out of the logs."""
from __future__ import annotations

import logging
import re

from flask import Flask, Response

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Private links carry a secret token in the path; a log line must not hand it to whoever reads the log.
_PRIVATE_LINK = re.compile(r"(/follow/)[A-Za-z0-9_-]+")


class PersonalDataFilter(logging.Filter):
    """Redact e-mail addresses and private-link tokens from every log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _PRIVATE_LINK.sub(r"\1[token]", _EMAIL.sub("[email]", message))
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def install_log_filter() -> None:
    """Attach the filter to the handlers that write requests and errors (werkzeug, gunicorn, the root)."""
    log_filter = PersonalDataFilter()
    for name in ("", "werkzeug", "gunicorn.access", "gunicorn.error", "flask.app"):
        logger = logging.getLogger(name)
        if not any(isinstance(existing, PersonalDataFilter) for existing in logger.filters):
            logger.addFilter(log_filter)
        for handler in logger.handlers:
            if not any(isinstance(existing, PersonalDataFilter) for existing in handler.filters):
                handler.addFilter(log_filter)


def init_app(app: Flask) -> None:
    install_log_filter()

    @app.after_request
    def _set_security_headers(response: Response) -> Response:
        for header, value in SECURITY_HEADERS.items():
            response.headers.setdefault(header, value)
        if app.config.get("SESSION_COOKIE_SECURE"):
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response
