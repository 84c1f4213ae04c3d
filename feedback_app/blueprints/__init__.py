"""Every blueprint, registered in one place with its URL prefix."""
from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from . import (
        admin,
        alerts,
        auth,
        conversation,  # noqa: F401 - its views register on stories.bp
        dashboard,
        directory,
        invitations,
        main,
        moderation,
        provider,
        share,
        stories,
    )
    from .args import IdConverter

    app.url_map.converters["int"] = IdConverter  # before the routes that use it are added

    app.register_blueprint(main.bp)
    app.register_blueprint(auth.bp, url_prefix="/account")
    app.register_blueprint(share.bp, url_prefix="/share")
    app.register_blueprint(stories.bp)
    app.register_blueprint(directory.bp)
    app.register_blueprint(moderation.bp, url_prefix="/moderation")
    app.register_blueprint(provider.bp, url_prefix="/provider")
    app.register_blueprint(alerts.bp)
    app.register_blueprint(invitations.bp)
    app.register_blueprint(dashboard.bp, url_prefix="/dashboard")
    app.register_blueprint(admin.bp, url_prefix="/admin")
