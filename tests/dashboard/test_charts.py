"""The SVG charts: readable at a glance, linked, nothing drawn for a hidden figure, and no inline style."""
from __future__ import annotations

from feedback_app.charts import Bar, Segment, bar_chart
from tests.conftest import login
from tests.dashboard.conftest import RANGE


def test_bars_have_titles_labels_links_and_lengths_in_proportion():
    svg = str(bar_chart("c", "Stories <per> month", [
        Bar("January", (Segment(10, "10", href="/dashboard/stories?month=2026-01"),), "10"),
        Bar("February", (Segment(5, "5"),), "5"),
        Bar("March", (Segment(None, "fewer than 5"),), "fewer than 5"),
    ]))
    assert '<title id="c-title">Stories &lt;per&gt; month</title>' in svg
    assert 'role="img" aria-labelledby="c-title"' in svg
    assert '<a href="/dashboard/stories?month=2026-01">' in svg
    assert svg.count("<rect") == 2  # nothing drawn for March, so its length cannot be measured
    widths = [float(part.split('"')[0]) for part in svg.split('width="')[2:]]
    assert widths[0] == 2 * widths[1]
    assert "fewer than 5" in svg and "style=" not in svg


def test_long_labels_are_shortened_with_the_full_label_in_a_title():
    svg = str(bar_chart("c", "t", [Bar("A theme with a very long name indeed, and more", (Segment(1, "1"),), "1")]))
    assert "A theme with a very long name i…" in svg
    assert "<title>A theme with a very long name indeed, and more</title>" in svg


def test_the_dashboard_page_has_charts_with_tables_and_no_inline_style(client, world):
    login(client, world.funder)
    html = client.get("/dashboard/", query_string=RANGE).get_data(as_text=True)
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 5
    assert html.count("<summary>Show as a table</summary>") == 5
    for table in ("volume", "sentiment", "matrix", "criticality", "response_times"):
        assert f'id="table-{table}"' in html
    assert 'style="' not in html and "<script" not in html
