"""Error pages: HTML for browsers, the JSON envelope {"error", "message"} for API clients."""
from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from .extensions import db


def wants_json() -> bool:
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]


def _friendly_message(error: HTTPException) -> str:
    messages = {
        400: _("The request could not be understood."),
        401: _("Please sign in."),
        403: _("You do not have permission to see this page."),
        404: _("We could not find that page."),
        405: _("That action is not allowed here."),
        410: _("This link is no longer valid."),
        413: _("What you sent is too large."),
        429: _("Too many attempts. Please wait a minute and try again."),
        500: _("Something went wrong on our side. Please try again."),
    }
    # Werkzeug's own descriptions are English only: any other code gets a general, translated message.
    return messages.get(error.code or 500, _("Something is wrong with this request."))


def render_error(error: HTTPException):
    code = error.code or 500
    if wants_json():
        return jsonify(error=error.name.lower().replace(" ", "_"), message=_friendly_message(error)), code
    return render_template("errors/error.html", code=code, message=_friendly_message(error)), code


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf_error(error: CSRFError):
        error.description = _("Your form expired. Please go back, reload the page and try again.")
        if wants_json():
            return jsonify(error="csrf_failed", message=error.description), 400
        return render_template("errors/error.html", code=400, message=error.description), 400

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        return render_error(error)

    @app.errorhandler(InternalServerError)
    def _unexpected_error(error: InternalServerError):
        # Flask logs the traceback itself; the URL rule, not the URL, so no private token reaches the log.
        db.session.rollback()
        return render_error(error)
