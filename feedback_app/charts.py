"""Charts drawn on the server as SVG: horizontal bars with labels and titles, no script and no inline style.

The Content-Security-Policy forbids inline styles, so sizes are presentation attributes and colours are
classes of the stylesheet. A suppressed value draws no bar, only its words, so its length cannot be measured.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

WIDTH = 640
LABEL_WIDTH = 250
VALUE_WIDTH = 100
ROW_HEIGHT = 26
BAR_HEIGHT = 18
PAD = 6


@dataclass(frozen=True)
class Segment:
    """One part of a bar: its value (None when suppressed), the words shown for it, a class and a link."""

    value: float | None
    text: str
    css: str = "chart-bar"
    href: str | None = None


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[Segment, ...]
    text: str  # what the value column says for the whole bar


def escape(text: str) -> str:
    """``text`` escaped as markupsafe escapes it, as plain text: a dashboard escapes some thousand short texts,
    and making each a Markup of its own cost more than escaping it. Markup is markup already: kept as it is."""
    if hasattr(text, "__html__"):
        return str.__str__(text.__html__())
    return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;")
            .replace('"', "&#34;"))


def _short(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _segment(segment: Segment, x: float, y: float, width: float, label: str) -> str:
    rect = (f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" height="{BAR_HEIGHT}" '
            f'class="{escape(segment.css)}"><title>{escape(label)}: {escape(segment.text)}</title></rect>')
    if segment.href:
        return f'<a href="{escape(segment.href)}">{rect}</a>'
    return rect


def bar_chart(chart_id: str, title: str, bars: list[Bar]) -> Markup:
    """Horizontal bars, one per row, each possibly split into segments; a link on every drawn segment."""
    largest = max((sum(s.value or 0 for s in bar.segments) for bar in bars), default=0) or 1
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH - 2 * PAD) / largest
    height = ROW_HEIGHT * len(bars) + 2 * PAD
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
             f'width="100%" role="img" aria-labelledby="{escape(chart_id)}-title" focusable="false">',
             f'<title id="{escape(chart_id)}-title">{escape(title)}</title>']
    for row, bar in enumerate(bars):
        y = PAD + row * ROW_HEIGHT
        text_y = y + BAR_HEIGHT - 4
        parts.append(f'<text x="{LABEL_WIDTH - PAD}" y="{text_y}" text-anchor="end" class="chart-label">'
                     f'<title>{escape(bar.label)}</title>{escape(_short(bar.label))}</text>')
        x = float(LABEL_WIDTH)
        for segment in bar.segments:
            if segment.value is None:
                continue  # suppressed: nothing drawn
            width = segment.value * scale
            parts.append(_segment(segment, x, y, width, bar.label))
            x += width
        parts.append(f'<text x="{x + PAD:.1f}" y="{text_y}" class="chart-value">{escape(bar.text)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
