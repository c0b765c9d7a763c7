"""The same quotation reported by several outlets, merged into one row (as claims.py merges figures).

Syndicated wire copy repeats a quotation word for word in dozens of articles; a
briefing lists it once and counts who carried it.

Editorial choices:
- Two quotations are one when their words are the same once case, quotation-mark
  and apostrophe styles, spacing and the punctuation at either end are folded, *and*
  they are attributed to the same speaker (registry actor, else the speaker's name).
  A copy whose speaker we could not resolve stays a row of its own: giving it the
  speaker another article names would borrow evidence from that article.
- The merged row keeps the earliest report's wording, speaker details and article
  (its source tag); `articles` and `outlets` list every report, earliest first.
- The date of a merged quotation is its earliest report's publication date; an
  undated report does not make the row undated when another report is dated.
  `last_published` is its latest report's: a quotation carried again this week is
  in a briefing's window even when it was first reported months ago.
"""
from __future__ import annotations

import re

import pandas as pd

COLUMNS = ["quote_id", "quote", "speaker", "speaker_kind", "actor_id", "role", "country", "side", "verb",
           "is_fragment", "published", "last_published", "published_flag", "n_sources", "article", "articles",
           "outlets"]

_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_EDGE = re.compile(r"^[\s\"'.,;:!?…—–-]+|[\s\"'.,;:!?…—–-]+$")
_SPACE = re.compile(r"\s+")


def quote_key(text: str) -> str:
    """The words of a quotation as compared across outlets."""
    t = _SPACE.sub(" ", str(text).translate(_FOLD).casefold())
    return _EDGE.sub("", t)


def _str(v) -> str:
    return "" if v is None or v is pd.NA or (isinstance(v, float) and v != v) else str(v)


def merge_quotes(quotes: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per distinct quotation and speaker (columns: COLUMNS), earliest report first.

    `articles` (article, outlet, published_source) gives the outlets and marks a date that
    was inferred rather than read (`published_flag` = "inferred").
    """
    if quotes is None or quotes.empty:
        return pd.DataFrame(columns=COLUMNS)
    outlet, inferred = {}, set()
    if articles is not None and not articles.empty:
        names = articles["article"].astype(str)
        if "outlet" in articles.columns:
            outlet = dict(zip(names, articles["outlet"].map(_str)))
        if "published_source" in articles.columns:
            inferred = set(names[articles["published_source"].map(_str) == "inferred"])
    groups: dict[tuple[str, str], list[dict]] = {}
    # Row dicts of only the columns used: an archive has hundreds of thousands of quotations.
    cols = [c for c in ("quote", "speaker", "speaker_kind", "actor_id", "role", "country", "side", "verb",
                        "published", "article", "is_fragment") if c in quotes.columns]
    keys: dict[str, str] = {}  # syndicated copies repeat a quotation word for word: normalise it once
    for values in zip(*(quotes[c].to_numpy(object) for c in cols)):
        r = dict(zip(cols, values))
        who = _str(r.get("actor_id")) or _str(r.get("speaker")).casefold().strip()
        text = r.get("quote", "")
        key = keys.get(text) if isinstance(text, str) else None
        if key is None:
            key = quote_key(text)
            if isinstance(text, str):
                keys[text] = key
        groups.setdefault((key, who), []).append(r)
    rows = []
    for members in groups.values():
        # earliest dated report first; undated reports after the dated ones
        members.sort(key=lambda r: (_str(r.get("published")) == "", _str(r.get("published")), _str(r.get("article"))))
        first = members[0]
        arts = list(dict.fromkeys(_str(r.get("article")) for r in members))
        outs = [o for o in dict.fromkeys(outlet.get(a, "") for a in arts) if o]
        rows.append({**{c: first.get(c, "") for c in ("quote", "speaker", "speaker_kind", "actor_id", "role",
                                                      "country", "side", "verb")},
                     "is_fragment": bool(first.get("is_fragment")) if _str(first.get("is_fragment")) else False,
                     "published": _str(first.get("published")),
                     "last_published": max((_str(r.get("published")) for r in members), default=""),
                     "published_flag": "inferred" if _str(first.get("article")) in inferred else "",
                     "n_sources": len(arts), "article": arts[0], "articles": ";".join(arts),
                     "outlets": ";".join(outs)})
    out = pd.DataFrame(rows, columns=COLUMNS)
    for c in COLUMNS:
        if c not in ("is_fragment", "n_sources"):
            out[c] = out[c].map(_str)
    out = out.sort_values(["published", "article"], kind="stable").reset_index(drop=True)
    out["quote_id"] = [f"Q{n:05d}" for n in range(1, len(out) + 1)]
    return out
