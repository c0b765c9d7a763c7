"""The same claim across outlets: figures merged into distinct claims.

Two figures are one claim when they have the same claimant (registry actor_id, else the normalised
claimant name), the same value/low/high, the same unit category, and claim dates within 7 days of each
other or with overlapping windows. Figures with no claimant are merged only with other claimant-less
figures of the same numbers (an analyst still wants to see "reported by 3 outlets").
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .actors import normalise

COLUMNS = ["claim_id", "claimant", "actor_id", "side", "value", "low", "high", "qualifier", "unit",
           "unit_category", "status", "subject", "location", "claim_date", "n_sources", "articles",
           "outlets", "first_published"]
_WINDOW = dt.timedelta(days=7)
_FIRST = ["claimant", "actor_id", "side", "value", "low", "high", "qualifier", "unit", "unit_category", "status",
          "subject", "location"]  # taken from the claim's earliest report
USED = _FIRST + ["claim_date", "claim_date_end", "article", "published"]


def _d(s) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def _num(x) -> str:
    return "" if x is None or x != x else f"{float(x):g}"


def merge_claims(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct claim (columns: COLUMNS)."""
    if figures is None or figures.empty:
        return pd.DataFrame(columns=COLUMNS)
    outlet = {}
    if articles is not None and not articles.empty and "outlet" in articles.columns:
        outlet = dict(zip(articles["article"], articles["outlet"].fillna("").astype(str)))
    # Plain Python over the used columns as lists, rows by index: a groupby with per-group frames,
    # or a dict per row (an archive has hundreds of thousands of figures), costs more time or memory
    # than extracting the day's figures.
    n_rows = len(figures)
    col = {c: (figures[c].to_numpy(object, na_value=None) if c in figures.columns else [None] * n_rows)
           for c in USED}
    by_key: dict[tuple, list[int]] = {}
    for i, (a, c, v, lo, hi, unit) in enumerate(zip(col["actor_id"], col["claimant"], col["value"], col["low"],
                                                    col["high"], col["unit_category"])):
        who = a if isinstance(a, str) and a else normalise(str(c or ""))
        by_key.setdefault((who, _num(v), _num(lo), _num(hi), unit), []).append(i)
    claim_date, claim_end = col["claim_date"], col["claim_date_end"]
    groups: list[list[int]] = []
    for members in by_key.values():
        clusters: list[list] = []  # [start, end, row indices]
        for i in sorted(members, key=lambda i: str(claim_date[i] or "")):
            s = _d(claim_date[i])
            e = _d(claim_end[i]) or s
            for c in clusters:
                cs, ce = c[0], c[1]
                if s is None or cs is None or (s <= ce + _WINDOW and cs <= (e or s) + _WINDOW):
                    c[0] = min(filter(None, [cs, s]), default=None)
                    c[1] = max(filter(None, [ce, e]), default=None)
                    c[2].append(i)
                    break
            else:
                clusters.append([s, e, [i]])
        groups.extend(c[2] for c in clusters)
    article, published = col["article"], col["published"]
    rows = []
    for n, g in enumerate(groups, 1):
        first = g[0]
        arts = list(dict.fromkeys(article[i] for i in g))
        outs = [o for o in dict.fromkeys(outlet.get(a, "") for a in arts) if o]
        pubs = sorted(published[i] for i in g if isinstance(published[i], str) and published[i])
        dates = [claim_date[i] for i in g if isinstance(claim_date[i], str) and claim_date[i]]
        rows.append({"claim_id": f"C{n:04d}", **{k: col[k][first] for k in _FIRST},
                     "claim_date": min(dates, default=""),
                     "n_sources": len(arts), "articles": ";".join(arts), "outlets": ";".join(outs),
                     "first_published": pubs[0] if pubs else ""})
    return pd.DataFrame(rows, columns=COLUMNS)
