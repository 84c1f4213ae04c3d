"""The public subset of the dashboard on an organisation's page: what any visitor may see, suppressed below 5."""
from __future__ import annotations

from datetime import date

from flask_babel import format_date
from flask_babel import gettext as _

from ..charts import Bar, Segment, bar_chart
from ..services.dashboard import public_summary
from ..services.dashboard_tables import public_figures
from .dashboard_filters import cell_text


def public_dashboard(organisation_id: int) -> dict[str, object]:
    """The figures, and a chart of the stories per month, for templates/directory/_public_dashboard.html."""
    summary = public_summary(organisation_id, date.today())
    figures = public_figures(summary)
    bars = [Bar(format_date(month, "MMM yyyy"), (Segment(cell.value, cell_text(cell)),), cell_text(cell))
            for month, cell in figures.volume]
    return {"figures": figures, "since": summary.since, "until": summary.until, "cell_text": cell_text,
            "chart": bar_chart("public-volume", _("Stories published each month"), bars)}
