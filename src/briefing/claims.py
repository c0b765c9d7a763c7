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
    # plain Python over records: a groupby with per-group frames cost more than extracting the figures
    recs = figures.to_dict("records")
    by_key: dict[tuple, list[dict]] = {}
    for r in recs:
        a, c = r.get("actor_id"), r.get("claimant")
        who = a if isinstance(a, str) and a else normalise(str(c or "") if not pd.isna(c) else "")
        key = (who, _num(r["value"]), _num(r["low"]), _num(r["high"]), r["unit_category"])
        by_key.setdefault(key, []).append(r)
    groups: list[list[dict]] = []
    for members in by_key.values():
        clusters: list[list] = []  # [start, end, records]
        for r in sorted(members, key=lambda r: str(r["claim_date"] or "")):
            s, e = _d(r["claim_date"]), _d(r["claim_date_end"]) or _d(r["claim_date"])
            for c in clusters:
                cs, ce = c[0], c[1]
                if s is None or cs is None or (s <= ce + _WINDOW and cs <= (e or s) + _WINDOW):
                    c[0] = min(filter(None, [cs, s]), default=None)
                    c[1] = max(filter(None, [ce, e]), default=None)
                    c[2].append(r)
                    break
            else:
                clusters.append([s, e, [r]])
        groups.extend(c[2] for c in clusters)
    rows = []
    for n, g in enumerate(groups, 1):
        first = g[0]
        arts = list(dict.fromkeys(r["article"] for r in g))
        outs = [o for o in dict.fromkeys(outlet.get(a, "") for a in arts) if o]
        pubs = sorted(str(r["published"]) for r in g if isinstance(r["published"], str) and r["published"])
        dates = [str(r["claim_date"]) for r in g if isinstance(r["claim_date"], str) and r["claim_date"]]
        rows.append({"claim_id": f"C{n:04d}", **{k: first[k] for k in (
                         "claimant", "actor_id", "side", "value", "low", "high", "qualifier", "unit",
                         "unit_category", "status", "subject", "location")},
                     "claim_date": min(dates, default=""),
                     "n_sources": len(arts), "articles": ";".join(arts), "outlets": ";".join(outs),
                     "first_published": pubs[0] if pubs else ""})
    return pd.DataFrame(rows, columns=COLUMNS)
