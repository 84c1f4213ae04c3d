"""Storyloop: the application factory."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from config import PROJECT_ROOT, Config, config_for


def create_app(config: type[Config] | Config | Mapping[str, Any] | str | None = None) -> Flask:
    """Build the app. ``config`` is a config class or object, an environment name, or a mapping of overrides."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    app.config.from_object(_settings(config))
    if isinstance(config, Mapping):
        app.config.update(config)

    from . import cli, errors, i18n, security, templating
    from .blueprints import register_blueprints
    from .extensions import cache, csrf, db, limiter, login_manager, migrate
    from .services import rollups
    from .sqlite import configure_sqlite

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    cache.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    with app.app_context():
        configure_sqlite(db.engine, app.config["SQLITE_BUSY_TIMEOUT_MS"])

    rollups.init_app(app)
    register_blueprints(app)
    errors.register_error_handlers(app)
    cli.register_commands(app)
    return app


def _settings(config: type[Config] | Config | Mapping[str, Any] | str | None) -> Config:
    if isinstance(config, Config):
        return config
    if isinstance(config, type) and issubclass(config, Config):
        return config()
    if isinstance(config, Mapping):
        return config_for("testing" if config.get("TESTING") else None)
    return config_for(config)
