"""Alerts: subscribing to stories by e-mail, and one-click unsubscribe."""
from flask import Blueprint

bp = Blueprint("alerts", __name__)
