"""The escalation chart: reported North Korean personnel over time, one series per claimant side.

It draws claims merged across outlets (report.claims_view), one mark per claim, larger when
more outlets reported it. When a panel holds more than AGGREGATE_ABOVE claims (a large
archive), a mark per claim would be an unreadable blot: each side is then drawn per week,
a line through the week's median claim and a band from its lowest to its highest claim. Claims without a claim date are never
placed at a guessed position; the caption says how many were left off.

Greyscale-legible on purpose (briefings get printed): each side has its own
line style and each status its own marker shape, colour only doubles them.
Ranges, "up to" and "over" figures are drawn as vertical bars (from the low to
the high end; "over N" runs from N up by a fixed tick, "up to N" from a tick
below); denials are drawn as an x at the denied value. Shipments and
casualties, when present, get their own panels below.
"""
from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd

SIDES = ["South Korea", "Ukraine", "United States", "NATO", "others"]
SIDE_STYLE = {  # line style, colour (Okabe-Ito, colour-blind safe)
    "South Korea": ("-", "#0072B2"),
    "Ukraine": ("--", "#E69F00"),
    "United States": (":", "#009E73"),
    "NATO": ("-.", "#CC79A7"),
    "others": ((0, (1, 3)), "#555555"),
}
STATUS_MARKER = {"confirmed": "s", "estimate": "o", "projection": "^", "reported": "D", "denied": "X"}
PANELS = [("personnel", "NK personnel (reported)"), ("shipments", "Shipments"),
          ("casualties", "Casualties")]
DATA_COLUMNS = ["panel", "side_group", "claim_date", "value", "low", "high", "qualifier", "status",
                "claimant", "figure", "reports", "ref", "article"]
# How far an open-ended "over N" / "up to N" bar reaches, as a share of N: a visual cue, not a claim.
OPEN_BAR = 0.15
# Above this many claims in a panel, each side is drawn per week (median line, lowest-highest band).
AGGREGATE_ABOVE = 150


def _num(v) -> float:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return math.nan
    return f


def escalation_data(figures: pd.DataFrame) -> pd.DataFrame:
    """The rows behind the chart (saved as escalation.csv): dated figures with a number, per panel."""
    from .report import _figures_view
    f = _figures_view(figures)
    rows = []
    for r in f.to_dict("records"):
        panel = r["unit_category"] if r["unit_category"] in dict(PANELS) else ""
        date = r["claim_date"][:10]
        value = _num(r.get("value"))
        low, high = _num(r.get("low")), _num(r.get("high"))
        if not panel or not date or (math.isnan(value) and math.isnan(high)):
            continue
        if math.isnan(value):
            value = high
        q = r["qualifier"]
        if math.isnan(low) or math.isnan(high):
            low, high = value, value
            if q == "over":
                high = value * (1 + OPEN_BAR)
            elif q == "up_to":
                low = value * (1 - OPEN_BAR)
        rows.append({"panel": panel, "side_group": r["side"] if r["side"] in SIDES else "others",
                     "claim_date": date, "value": value, "low": round(low, 1), "high": round(high, 1), "qualifier": q,
                     "status": r["status"] or "reported", "claimant": r["claimant"], "figure": r["figure"],
                     "reports": int(r.get("reports") or 1), "ref": int(r.get("ref") or 0), "article": r["article"]})
    out = pd.DataFrame(rows, columns=DATA_COLUMNS)
    return out.sort_values(["panel", "side_group", "claim_date"], kind="stable").reset_index(drop=True)


def weekly(d: pd.DataFrame) -> pd.DataFrame:
    """One row per side and week (weeks start on Monday): the median claim, the lowest low and
    the highest high, the number of claims and of reports."""
    if d.empty:
        return pd.DataFrame(columns=["side_group", "week", "value", "low", "high", "claims", "reports"])
    x = pd.to_datetime(d["claim_date"])
    week = (x - pd.to_timedelta(x.dt.day_of_week, unit="D")).dt.normalize()
    g = d.assign(week=week).groupby(["side_group", "week"], sort=True)
    out = g.agg(value=("value", "median"), low=("low", "min"), high=("high", "max"),
                claims=("value", "size"), reports=("reports", "sum")).reset_index()
    return out


def _marker_size(reports, base: float = 40.0):
    """Area grows with the square root of the number of reports: 1 report = base, 16 = 4x base."""
    import numpy as np
    return base * np.sqrt(np.maximum(1, np.asarray(reports, dtype=float)))


def plot_escalation(data: pd.DataFrame, window: tuple[str, str] | None = None, n_undated: int = 0):
    """A matplotlib Figure with one panel per unit category present (personnel first).

    `window` (first, last claim date shown in the briefing's tables) is shaded; with no data
    the panel says so instead of drawing an empty time axis.
    """
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    panels = [(p, t) for p, t in PANELS if (data["panel"] == p).any()] or [PANELS[0]]
    fig, axes = plt.subplots(len(panels), 1, figsize=(7.6, 2.4 + 1.3 * (len(panels) - 1)), squeeze=False,
                             # Own x range per panel: shipments counted since 2023 must not squeeze
                             # this autumn's personnel reports into a corner.
                             sharex=False, gridspec_kw={"height_ratios": [2] + [1] * (len(panels) - 1)})
    aggregated = False
    for ax, (panel, label) in zip(axes[:, 0], panels):
        d = data[data["panel"] == panel]
        ax.set_ylabel(label, fontsize=8)
        if d.empty:
            # Nothing to place: no time axis (matplotlib would invent 1970 and ticks of 0 and 1).
            msg = "no dated figures in this selection"
            if n_undated:
                msg += f"\n({n_undated:,} undated claim{'s' * (n_undated != 1)} listed under Undated claims)"
            ax.text(0.5, 0.5, msg, ha="center", va="center", transform=ax.transAxes, fontsize=9, color="#555555")
            ax.set_xticks([])
            ax.set_yticks([])
            continue
        many = len(d) > AGGREGATE_ABOVE
        aggregated |= many
        for side in SIDES:
            s = d[d["side_group"] == side]
            if s.empty:
                continue
            ls, colour = SIDE_STYLE[side]
            if many:
                w = weekly(s)
                x = w["week"]
                ax.fill_between(x, w["low"], w["high"], color=colour, alpha=0.10, linewidth=0)
                # Same-size marks: the SVG defines one marker and reuses it (sized marks cost a path each,
                # half a megabyte at 100,000 articles); the band carries the spread, the CSV the counts.
                ax.plot(x, w["value"], linestyle=ls, color=colour, linewidth=1.1, label=side, marker="o",
                        markersize=2.6, markeredgecolor="black", markeredgewidth=0.3, zorder=3)
                last_x, last_y = x.iloc[-1], w["value"].iloc[-1]
                denied = s[s["status"] == "denied"]
                if not denied.empty:
                    ax.scatter(pd.to_datetime(denied["claim_date"]), denied["value"], marker="X", s=60,
                               facecolor=colour, edgecolor="black", linewidth=0.8, zorder=4)
            else:
                x = pd.to_datetime(s["claim_date"])
                ax.plot(x, s["value"], linestyle=ls, color=colour, linewidth=1.3, label=side)
                bars = s["low"] != s["high"]
                ax.vlines(x[bars], s["low"][bars], s["high"][bars], color=colour, linewidth=2.4, alpha=0.8)
                for status, marker in STATUS_MARKER.items():
                    m = s["status"] == status
                    if m.any():
                        size = _marker_size(s["reports"][m], 46 if status != "denied" else 70)
                        ax.scatter(x[m], s["value"][m], marker=marker, s=size,
                                   facecolor="white" if status == "projection" else colour,
                                   edgecolor="black", linewidth=0.8, zorder=3)
                last_x, last_y = x.iloc[-1], s["value"].iloc[-1]
            # Direct label at the series' last point: a one-point series has no line style to tell it
            # apart in greyscale. Weekly series are long lines that end together: their labels would
            # pile up, and the legend's line styles tell them apart.
            if not many:
                ax.annotate(side, (last_x, last_y), xytext=(5, 4), textcoords="offset points", fontsize=6.5,
                            color="#222222")
        if window and (window[0] or window[1]):
            lo = pd.Timestamp(window[0]) if window[0] else pd.to_datetime(d["claim_date"]).min()
            hi = pd.Timestamp(window[1]) if window[1] else pd.to_datetime(d["claim_date"]).max()
            ax.axvspan(lo, hi + pd.Timedelta(hours=23), color="#eeeeee", zorder=0, linewidth=0)
        ax.margins(x=0.1)  # room for the direct labels
        dates = pd.to_datetime(d["claim_date"])
        if dates.nunique() == 1:  # one date: a month around it, not matplotlib's default years
            ax.set_xlim(dates.iloc[0] - pd.Timedelta(days=15), dates.iloc[0] + pd.Timedelta(days=15))
        ax.grid(True, axis="y", color="#dddddd", linewidth=0.6)
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.tick_params(labelsize=8)
        top = float(d[["value", "high"]].max().max())
        ax.set_ylim(0, top * 1.12 if top > 0 else 1.0)  # room above the tallest bar
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=6))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
        for tick in ax.get_xticklabels():
            tick.set_rotation(20)
            tick.set_horizontalalignment("right")
    if not data.empty:
        axes[-1, 0].set_xlabel("claim date", fontsize=8)
    handles = [Line2D([], [], linestyle=SIDE_STYLE[s][0], color=SIDE_STYLE[s][1], label=s)
               for s in SIDES if (data["side_group"] == s).any()]
    if aggregated:
        handles.append(Patch(facecolor="#888888", alpha=0.3, label="week: lowest to highest"))
        handles.append(Line2D([], [], linestyle="", marker="o", markersize=3, markerfacecolor="#888888",
                              markeredgecolor="black", label="week's median claim"))
    show_status = not aggregated or (data["status"] == "denied").any()
    handles += [Line2D([], [], linestyle="", marker=m, markerfacecolor="white" if st == "projection" else "#888888",
                       markeredgecolor="black", label=st) for st, m in STATUS_MARKER.items()
                if show_status and (data["status"] == st).any() and (not aggregated or st == "denied")]
    if not aggregated and (data["low"] != data["high"]).any():
        handles.append(Line2D([], [], color="#888888", linewidth=2.4, label="range / up to / over"))
    if window and (window[0] or window[1]) and not data.empty:
        handles.append(Patch(facecolor="#eeeeee", label="window of the tables"))
    fig.tight_layout(rect=(0, 0, 0.8, 1))
    if handles:  # outside the plot area, so it never hides a data point
        fig.legend(handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(0.8, 0.97), frameon=False)
    return fig


def save_escalation(figures: pd.DataFrame, folder: str | Path, window: tuple[str, str] | None = None,
                    n_undated: int = 0) -> dict[str, Path]:
    """Write escalation.csv/.svg/.png into `folder`; returns their paths and the SVG text under 'svg_text'.

    `figures` are figure rows or merged claims (report.claims_view); see plot_escalation for the rest."""
    import matplotlib.pyplot as plt
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = escalation_data(figures)
    paths = {"csv": folder / "escalation.csv", "svg": folder / "escalation.svg", "png": folder / "escalation.png"}
    data.to_csv(paths["csv"], index=False)
    fig = plot_escalation(data, window, n_undated)
    buf = io.StringIO()
    # Text as text (not paths) keeps the SVG small; metadata off keeps it reproducible.
    import matplotlib
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "briefing"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    paths["svg"].write_text(svg, encoding="utf-8")
    fig.savefig(paths["png"], dpi=150)
    plt.close(fig)
    return {**paths, "svg_text": svg}
