"""Accounts: register, sign in, sign out."""
from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.orm import joinedload

from ..errors import wants_json
from ..extensions import db, limiter, login_manager
from ..forms.auth import LoginForm, RegisterForm
from ..forms.common import ActionForm
from ..i18n import current_language
from ..models import User
from ..services import ServiceError
from ..services.accounts import authenticate, register_user
from ..urls import safe_next_url

bp = Blueprint("auth", __name__)

login_manager.login_view = "auth.login"
login_manager.login_message = None  # the login page explains itself; a flash would repeat it
login_manager.session_protection = "strong"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    # With the memberships, which every signed-in page's navigation asks for: one statement instead of two.
    return db.session.get(User, int(user_id), options=[joinedload(User.memberships)]) if user_id.isdigit() else None


@login_manager.unauthorized_handler
def unauthorized():
    if wants_json():
        return {"error": "unauthorized", "message": _("Please sign in.")}, 401
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def _failed_login(response) -> bool:
    # Only failed attempts count against the limit: a page that comes back instead of a redirect.
    return request.method == "POST" and response.status_code != 302


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"], deduct_when=_failed_login)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is not None:
            login_user(user, remember=form.remember.data)
            db.session.commit()
            return redirect(safe_next_url(request.args.get("next")) or url_for("stories.mine"))
        form.password.errors.append(_("The e-mail address or password is not right."))
    return render_template("auth/login.html", form=form), 200 if request.method == "GET" else 400


@bp.route("/register", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = register_user(form.email.data, form.password.data, form.display_name.data,
                                 locale=current_language())
        except ServiceError as error:
            form.email.errors.append(str(error))
        else:
            db.session.commit()
            login_user(user)
            flash(_("Welcome to Storyloop. Your account is ready."), "success")
            return redirect(safe_next_url(request.args.get("next")) or url_for("stories.mine"))
    return render_template("auth/register.html", form=form), 200 if request.method == "GET" else 400


@bp.post("/logout")
@login_required
def logout():
    if ActionForm().validate_on_submit():
        logout_user()
        flash(_("You are signed out."), "info")
    return redirect(url_for("main.index"))
