"""The escalation chart's data and drawing."""
from __future__ import annotations

import pandas as pd

from briefing import chart


def _fig(**kw):
    row = {"article": "a.txt", "surface": "", "value": 1000.0, "low": None, "high": None, "unit": "troops",
           "unit_category": "personnel", "qualifier": "exact", "claimant": "C", "side": "Ukraine",
           "status": "estimate", "subject": "", "claim_date": "2024-10-10", "published": "2024-10-10"}
    row.update(kw)
    return row


FIGS = pd.DataFrame([
    _fig(),
    _fig(value=8000.0, qualifier="over", side="NATO", status="confirmed", claim_date="2024-10-28"),
    _fig(value=12000.0, qualifier="up_to", side="Russia", status="projection", claim_date="2024-11-02"),
    _fig(value=None, low=2000.0, high=4000.0, qualifier="range", side="South Korea", claim_date="2024-10-20"),
    _fig(value=500.0, unit_category="shipments", unit="containers", claim_date="2024-09-01"),
    _fig(value=3000.0, claim_date=""),  # undated: not drawn
    _fig(value=None, qualifier="vague"),  # no number: not drawn
])


def test_escalation_data_bars_panels_and_groups():
    d = chart.escalation_data(FIGS)
    assert len(d) == 5
    assert set(d["panel"]) == {"personnel", "shipments"}
    by_side = d[d["panel"] == "personnel"].set_index("side_group")
    assert by_side.loc["others", "low"] < by_side.loc["others", "high"] == 12000.0  # up to: bar below
    assert by_side.loc["NATO", "low"] == 8000.0 < by_side.loc["NATO", "high"]  # over: bar above
    assert (by_side.loc["South Korea", "low"], by_side.loc["South Korea", "high"]) == (2000.0, 4000.0)
    assert by_side.loc["Ukraine", "low"] == by_side.loc["Ukraine", "high"] == 1000.0


def test_plot_has_a_panel_per_category_and_distinct_styles():
    fig = chart.plot_escalation(chart.escalation_data(FIGS))
    assert len(fig.axes) == 2
    styles = {tuple(map(str, (l.get_linestyle(),))) for l in fig.axes[0].get_lines()}
    assert len(styles) >= 3  # sides differ by line style, not only colour


def test_save_escalation_writes_csv_svg_png(tmp_path):
    out = chart.save_escalation(FIGS, tmp_path)
    assert pd.read_csv(out["csv"]).shape[0] == 5
    assert out["svg"].read_text().lstrip().startswith("<?xml") and "<svg" in out["svg_text"]
    assert out["png"].read_bytes()[:4] == b"\x89PNG"


def test_empty_selection_still_draws():
    out = chart.escalation_data(FIGS.iloc[0:0])
    fig = chart.plot_escalation(out)
    assert len(fig.axes) == 1


def test_empty_chart_has_a_message_and_no_invented_time_axis():
    fig = chart.plot_escalation(chart.escalation_data(FIGS.iloc[0:0]), n_undated=4)
    ax = fig.axes[0]
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "no dated figures" in texts and "4 undated claims" in texts
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == [] and [t.get_text() for t in ax.get_yticklabels()] == []
    assert "1970" not in texts


def test_many_claims_are_drawn_per_side_and_week():
    import datetime as dt

    rows = [_fig(value=1000.0 + 10 * i, side=["Ukraine", "NATO"][i % 2], n_sources=1 + i % 3,
                 claim_date=(dt.date(2025, 1, 1) + dt.timedelta(days=i // 4)).isoformat())
            for i in range(chart.AGGREGATE_ABOVE + 50)]
    data = chart.escalation_data(pd.DataFrame(rows).assign(reports=lambda d: d["n_sources"]))
    w = chart.weekly(data)
    assert len(w) < len(data) / 3
    assert (w["low"] <= w["value"]).all() and (w["value"] <= w["high"]).all()
    assert w["reports"].sum() == data["reports"].sum()
    assert set(pd.to_datetime(w["week"]).dt.day_of_week) == {0}  # weeks start on Monday
    fig = chart.plot_escalation(data, window=("2025-02-01", "2025-02-20"))
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert any("lowest to highest" in t for t in labels) and any("window" in t for t in labels)
    # one point per side and week, not per claim
    points = sum(len(line.get_xdata()) for line in fig.axes[0].get_lines())
    assert 0 < points < len(data) / 2


def test_marks_grow_with_the_number_of_reports():
    sizes = chart._marker_size([1, 4, 16], 40)
    assert list(sizes) == [40.0, 80.0, 160.0]
