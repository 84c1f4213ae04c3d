"""The front page and the language switch."""
from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    redirect,
    render_template,
    session,
    url_for,
)
from flask_login import current_user
from sqlalchemy import select

from ..extensions import db
from ..forms.common import LanguageForm
from ..i18n import LANGUAGE_COOKIE
from ..services.browse import count_published, published_stories
from ..urls import safe_next_url

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    latest = db.session.scalars(published_stories().limit(6)).all()
    return render_template("main/index.html", latest=latest, published_count=count_published())


@bp.post("/language")
def set_language():
    form = LanguageForm()
    target = safe_next_url(form.next.data) or url_for("main.index")
    language = form.language.data
    if not form.validate_on_submit() or language not in current_app.config["LANGUAGES"]:
        return redirect(target)
    session["lang"] = language
    if current_user.is_authenticated:
        current_user.locale = language
        db.session.commit()
    response = redirect(target)
    response.set_cookie(LANGUAGE_COOKIE, language, max_age=60 * 60 * 24 * 365, httponly=True, samesite="Lax",
                        secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


@bp.get("/health")
def health():
    db.session.execute(select(1))
    return {"status": "ok"}
