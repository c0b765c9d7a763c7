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


def _d(s) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def _num(x) -> str:
    return "" if pd.isna(x) else f"{float(x):g}"


def merge_claims(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct claim (columns: COLUMNS)."""
    if figures is None or figures.empty:
        return pd.DataFrame(columns=COLUMNS)
    outlet = {}
    if articles is not None and not articles.empty and "outlet" in articles.columns:
        outlet = dict(zip(articles["article"], articles["outlet"].fillna("").astype(str)))
    f = figures.copy()
    f["_who"] = [a if isinstance(a, str) and a else normalise(str(c or "")) for a, c in zip(f["actor_id"], f["claimant"])]
    f["_key"] = [(w, _num(v), _num(lo), _num(hi), cat) for w, v, lo, hi, cat
                 in zip(f["_who"], f["value"], f["low"], f["high"], f["unit_category"])]
    groups: list[list[int]] = []
    for _, g in f.groupby("_key", sort=False):
        clusters: list[tuple[dt.date | None, dt.date | None, list[int]]] = []
        for i, r in g.sort_values("claim_date").iterrows():
            s, e = _d(r["claim_date"]), _d(r["claim_date_end"]) or _d(r["claim_date"])
            for k, (cs, ce, idx) in enumerate(clusters):
                close = (s is None or cs is None) or (s <= ce + _WINDOW and cs <= (e or s) + _WINDOW)
                if close:
                    clusters[k] = (min(filter(None, [cs, s]), default=None), max(filter(None, [ce, e]), default=None), idx + [i])
                    break
            else:
                clusters.append((s, e, [i]))
        groups.extend(c[2] for c in clusters)
    rows = []
    for n, idx in enumerate(groups, 1):
        g = f.loc[idx]
        first = g.iloc[0]
        arts = list(dict.fromkeys(g["article"]))
        outs = [o for o in dict.fromkeys(outlet.get(a, "") for a in arts) if o]
        pubs = sorted(p for p in g["published"].astype(str) if p)
        rows.append({"claim_id": f"C{n:04d}", "claimant": first["claimant"], "actor_id": first["actor_id"],
                     "side": first["side"], "value": first["value"], "low": first["low"], "high": first["high"],
                     "qualifier": first["qualifier"], "unit": first["unit"], "unit_category": first["unit_category"],
                     "status": first["status"], "subject": first["subject"], "location": first["location"],
                     "claim_date": min((d for d in g["claim_date"].astype(str) if d), default=""),
                     "n_sources": len(arts), "articles": ";".join(arts), "outlets": ";".join(outs),
                     "first_published": pubs[0] if pubs else ""})
    return pd.DataFrame(rows, columns=COLUMNS)
