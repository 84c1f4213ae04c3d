"""Command-line groups, registered by the app factory: `flask demo`, `flask nlp`, `flask users`, `flask notify`."""
from __future__ import annotations

from flask import Flask


def register_commands(app: Flask) -> None:
    from .demo import demo
    from .nlp import nlp
    from .notify import notify
    from .retag import retag
    from .rollups import rollups
    from .users import users

    nlp.add_command(retag)
    for group in (demo, nlp, notify, rollups, users):
        app.cli.add_command(group)
