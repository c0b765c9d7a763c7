"""The briefing's tables: pure DataFrame -> DataFrame functions, plus an escaping HTML table writer.

Every row a reader sees carries `ref` (the number of its article in the Sources
table) and `article` (the file name), so each number and quote can be traced
back. Nothing here reads files; the notebook passes in the pipeline's tables.

Editorial choices:
- "Latest figure per claimant" is the latest by claim date (then publication
  date), one row per claimant *and* unit category, so a claimant's troop count
  and its shipment count do not hide each other.
- Denied figures are shown in key judgments (the denial is the news) but marked.
- "What changed" compares the latest figure per claimant and category with the
  previous briefing's figures table; unchanged rows are left out.
- The pages summarise, the appendix is complete (see `prepare`): figures are shown
  as merged claims (claims.merge_claims) and quotations merged across outlets
  (quote_merge), one row each with the number of reports; a table longer than
  `max_rows` keeps the newest rows of its busiest claimants or speakers and says
  how many more the appendix holds. So the briefing keeps its length whatever the
  size of the corpus, and a small corpus is shown whole.
- The chart and key judgments count North Korean forces (`about == "north_korea"`,
  or every figure when the extractor gives no `about`); other figures (Russian or
  Ukrainian losses, shipments counted for other sides) are a table of their own.
- A date we inferred rather than read is marked with a trailing "~"; a figure
  without a claim date is never placed on the chart, it is listed as undated.
"""
from __future__ import annotations

import html
import math
from pathlib import Path
from functools import lru_cache

import pandas as pd

SOURCE_COLUMNS = ["ref", "outlet", "published", "title", "article", "url"]
KEY_COLUMNS = ["claimant", "side", "figure", "status", "subject", "claim_date", "reports", "ref", "article"]
FIGURE_COLUMNS = ["claim_date", "claimant", "side", "figure", "qualifier", "status", "subject", "reports", "ref",
                  "article"]
QUOTE_COLUMNS = ["speaker", "role", "country_side", "date", "quote", "reports", "ref", "article"]
DENIAL_COLUMNS = ["date", "who", "side", "what", "kind", "reports", "ref", "article"]
UNDATED_COLUMNS = ["claimant", "side", "figure", "status", "subject", "published", "reports", "ref", "article"]
NORTH_KOREA = "north_korea"
INFERRED = "~"  # appended to a date we inferred rather than read
CHANGE_COLUMNS = ["claimant", "unit_category", "change", "before", "now", "claim_date", "ref", "article"]

# Columns of the extracted tables the briefing never reads: the notebook leaves them on disk
# (an archive's figures table is mostly these), the analyst has them in data/*.csv.
NOT_READ = {"figures": ("sentence", "field", "claimant_kind", "organisation", "attribution", "claim_date_evidence",
                        "claim_date_precision", "period_start", "period_end", "sentence_start"),
            "quotes": ("sentence", "organisation", "attribution")}

# Sides whose statements count as counter-claims to the allegations (Moscow and
# Pyongyang deny the deployment; everyone else alleges it).
COUNTER_SIDES = {"Russia", "North Korea"}


def _s(df: pd.DataFrame, col: str) -> pd.Series:
    """A column as clean strings ('' for missing), whatever the frame's dtype."""
    if col not in df.columns:
        return pd.Series([""] * len(df), index=df.index, dtype=object)
    values = df[col].to_numpy(object, na_value=None)
    return pd.Series(["" if v is None else v if type(v) is str else str(v) for v in values],
                     index=df.index, dtype=object)


def sources(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article, numbered 1..n by publication date (undated last), then file name."""
    a = articles.copy()
    a["_undated"] = _s(a, "published") == ""
    a = a.assign(published=_s(a, "published"), article=_s(a, "article"))
    a = a.sort_values(["_undated", "published", "article"], kind="stable").reset_index(drop=True)
    a["ref"] = range(1, len(a) + 1)
    for c in SOURCE_COLUMNS:
        if c not in a.columns:
            a[c] = ""
    out = a[SOURCE_COLUMNS].copy()
    for c in ("outlet", "title", "url"):
        out[c] = _s(out, c)
    return out


def with_refs(df: pd.DataFrame, srcs: pd.DataFrame) -> pd.DataFrame:
    """`df` plus the `ref` of its article (0 if the article is not in the sources)."""
    refs = dict(zip(srcs["article"], srcs["ref"]))
    out = df.copy()
    out["ref"] = _s(out, "article").map(lambda a: int(refs.get(a, 0)))
    return out


@lru_cache(maxsize=1)
def _registry():
    from .actors import default_registry
    return default_registry()


def _actor_mask(df: pd.DataFrame, actors: list[str], name_cols: tuple[str, ...]) -> pd.Series:
    """Rows whose actor_id resolves from one of `actors`, or whose name contains one of them."""
    ids, needles = set(), []
    for name in actors:
        actor = _registry().lookup(name)
        if actor is not None:
            ids.add(actor.actor_id)
        needles.append(name.casefold().strip())
    mask = _s(df, "actor_id").isin(ids) if ids else pd.Series(False, index=df.index)
    for col in name_cols:
        names = _s(df, col).str.casefold()
        for n in needles:
            mask |= names.str.contains(n, regex=False) & (n != "")
    return mask


def filter_rows(df: pd.DataFrame, since: str = "", until: str = "", actors: list[str] | None = None,
                date_col: str = "claim_date", name_cols: tuple[str, ...] = ("claimant",)) -> pd.DataFrame:
    """Rows dated within [since, until] (ISO strings compare as dates) by one of `actors`.

    Undated rows are kept when no bound is given and dropped otherwise: a
    briefing "since October" must not show figures of unknown date as if new.
    """
    keep = pd.Series(True, index=df.index)
    dates = _s(df, date_col).str.slice(0, 10)
    if since:
        keep &= (dates != "") & (dates >= since)
    if until:
        keep &= (dates != "") & (dates <= until)
    if actors:
        keep &= _actor_mask(df, actors, name_cols)
    return df[keep].copy()


def _number(v) -> str:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return ""
    if math.isnan(f):
        return ""
    return f"{f:,.0f}" if f == int(f) else f"{f:,}"


def figure_text(row) -> str:
    """The figure as the article wrote it, with the unit when the surface leaves it out."""
    surface = str(row.get("surface") or "").strip()
    unit = str(row.get("unit") or "").strip()
    if not surface:
        low, high = _number(row.get("low")), _number(row.get("high"))
        surface = f"{low}–{high}" if low and high and low != high else _number(row.get("value"))
    if unit and unit.casefold() not in surface.casefold() and unit.lower() != "nan":
        surface = f"{surface} {unit}"
    return surface


def _reports(df: pd.DataFrame) -> pd.Series:
    """How many articles reported the row: `n_sources` of a merged row, 1 for a single report."""
    if "n_sources" not in df.columns:
        return pd.Series([1] * len(df), index=df.index, dtype=int)
    return pd.to_numeric(df["n_sources"], errors="coerce").fillna(1).astype(int)


def _figures_view(figures: pd.DataFrame) -> pd.DataFrame:
    f = figures.copy()
    if "figure" not in f.columns:  # already a view: the text is not computed twice
        f["figure"] = [figure_text(r) for r in f.to_dict("records")] if len(f) else []
    for c in ("claimant", "side", "status", "subject", "claim_date", "qualifier", "published", "article",
              "unit_category", "claim_date_flag"):
        f[c] = _s(f, c)
    f.loc[f["claimant"] == "", "claimant"] = "(unattributed)"
    f["reports"] = _reports(f)
    if "ref" not in f.columns:
        f["ref"] = 0
    return f


def key_judgments(figures: pd.DataFrame) -> pd.DataFrame:
    """The latest figure per claimant and unit category, newest first."""
    f = _figures_view(figures)
    if f.empty:
        return pd.DataFrame(columns=KEY_COLUMNS)
    f = f.sort_values(["claim_date", "published", "article"], kind="stable")
    latest = f.groupby(["claimant", "unit_category"], sort=False).tail(1)
    latest = latest.sort_values(["claim_date", "claimant"], ascending=[False, True], kind="stable")
    latest["claim_date"] = _dated(latest, "claim_date", latest["claim_date_flag"])
    return latest[KEY_COLUMNS].reset_index(drop=True)


def _latest_per_claimant(figures: pd.DataFrame) -> pd.DataFrame:
    """The latest figure row per claimant and unit category, as a view (the text is computed for
    those rows only: a whole archive's figures table is large)."""
    f = figures.assign(**{c: _s(figures, c) for c in ("claimant", "unit_category", "claim_date", "published",
                                                      "article")})
    f = f.sort_values(["claim_date", "published", "article"], kind="stable")
    return _figures_view(f.groupby(["claimant", "unit_category"], sort=False).tail(1))


def what_changed(figures: pd.DataFrame, previous: pd.DataFrame | None) -> pd.DataFrame:
    """New claimants and changed latest figures since the previous briefing's figures table."""
    if previous is None:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    now, p = _latest_per_claimant(figures), _latest_per_claimant(previous)
    before = {(r["claimant"], r["unit_category"]): r["figure"] + (f" ({r['claim_date']})" if r["claim_date"] else "")
              for r in p.to_dict("records")}
    rows = []
    for r in now.to_dict("records"):
        key = (r["claimant"], r["unit_category"])
        shown = r["figure"] + (f" ({r['claim_date']})" if r["claim_date"] else "")
        if key not in before:
            change = "new"
        elif before[key] != shown:
            change = "changed"
        else:
            continue
        rows.append({"claimant": r["claimant"], "unit_category": r["unit_category"], "change": change,
                     "before": before.get(key, ""), "now": r["figure"], "claim_date": r["claim_date"],
                     "ref": r["ref"], "article": r["article"]})
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def figures_by_claimant(figures: pd.DataFrame) -> pd.DataFrame:
    """Every figure, grouped by claimant and ordered by claim date."""
    f = _figures_view(figures)
    if f.empty:
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    f = f.sort_values(["claimant", "claim_date", "published"], kind="stable")
    return f[FIGURE_COLUMNS].reset_index(drop=True)


def quotes_by_actor(quotes: pd.DataFrame, fragments: bool = False, by_frequency: bool = False) -> pd.DataFrame:
    """Quotes grouped by speaker, with role, country (or side) and the article's date.

    Quoted fragments (a word or phrase in quotation marks, `is_fragment`) are left
    out unless `fragments`: in a briefing they read as noise without their sentence.
    Speakers are in name order, their quotes oldest first; `by_frequency` puts the most
    reported speakers first and each one's newest quote first (the summarised briefing).
    A date inferred rather than read (`published_flag`) is marked with a trailing "~".
    """
    q = quotes.copy()
    if not fragments and "is_fragment" in q.columns:
        q = q[~q["is_fragment"].fillna(False).astype(bool)]
    for c in ("speaker", "role", "country", "side", "published", "quote", "article"):
        q[c] = _s(q, c)
    if "ref" not in q.columns:
        q["ref"] = 0
    q.loc[q["speaker"] == "", "speaker"] = "(unattributed)"
    q["country_side"] = q["country"].where(q["country"] != "", q["side"])
    q["date"] = q["published"]
    q["reports"] = _reports(q)
    if by_frequency and not q.empty:
        q = q.sort_values(["date", "article"], ascending=False, kind="stable")
        q = q.assign(_n=q.groupby("speaker")["reports"].transform("sum"))
        q = q.sort_values(["_n", "speaker"], ascending=[False, True], kind="stable")
    else:
        q = q.sort_values(["speaker", "date", "article"], kind="stable")
    q["date"] = _dated(q, "published", _s(q, "published_flag"))
    return q[QUOTE_COLUMNS].reset_index(drop=True)


@lru_cache(maxsize=1)
def _deny_forms() -> frozenset[str]:
    from .resources import read_table
    forms = set()
    for row in read_table("speech_verbs.csv"):
        if row.get("kind") == "deny":
            forms.update(f.strip().casefold() for f in (row.get("forms") or "").split(";") if f.strip())
            forms.add(row["lemma"].casefold())
    return frozenset(forms)


def denials(figures: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Denied figures, quotes introduced by a denying verb, and quotes from the denying sides."""
    rows = []
    f = _figures_view(figures)
    for r in f[f["status"] == "denied"].to_dict("records"):
        rows.append({"date": r["claim_date"] or r["published"], "who": r["claimant"], "side": r["side"],
                     "what": f"denied: {r['figure']}" + (f" ({r['subject']})" if r["subject"] else ""),
                     "kind": "denied figure", "reports": r["reports"], "ref": r["ref"], "article": r["article"]})
    q = quotes.copy()
    for c in ("verb", "side", "country", "speaker", "quote", "published", "article"):
        q[c] = _s(q, c)
    if "ref" not in q.columns:
        q["ref"] = 0
    q["reports"] = _reports(q)
    # An unnamed "North Korean diplomat" has a country but no registry side: either counts.
    q["side"] = q["side"].where(q["side"] != "", q["country"])
    deny = q["verb"].str.casefold().isin(_deny_forms())
    counter = q["side"].isin(COUNTER_SIDES)
    for r, is_deny in zip(q[deny | counter].to_dict("records"), deny[deny | counter]):
        rows.append({"date": r["published"], "who": r["speaker"] or "(unattributed)", "side": r["side"],
                     "what": f"“{r['quote']}”", "kind": "denial" if is_deny else "counter-claim",
                     "reports": r["reports"], "ref": r["ref"], "article": r["article"]})
    out = pd.DataFrame(rows, columns=DENIAL_COLUMNS)
    return out.sort_values(["date", "who"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# HTML. Titles, quotes and sentences come from the web: every cell is escaped here, and the only
# markup we add is built from escaped pieces.

LABELS = {"claim_date": "claim date", "unit_category": "category", "country_side": "country / side",
          "ref": "source", "published": "published", "article": "file"}


def source_tag(ref, article: str = "") -> str:
    """`[3]` linking to the Sources table row, with the file name beside it."""
    try:
        n = int(ref)
    except (TypeError, ValueError):
        n = 0
    tag = f'<a class="ref" href="#src-{n}">[{n}]</a>' if n else "[?]"
    return tag + (f' <span class="file">{html.escape(article)}</span>' if article else "")


def html_table(df: pd.DataFrame, caption: str = "", css_class: str = "", empty: str = "none",
               group: tuple[str, ...] = ()) -> str:
    """An escaped HTML table without index; `ref`+`article` are merged into one source cell.

    A Sources table (columns include `ref` and `url`, or css_class "sources") gets row anchors `src-N`.
    `group` columns are blanked where they repeat the row above (group by the first).
    """
    is_sources = ("url" in df.columns or "sources" in css_class.split()) and "ref" in df.columns
    cols = [c for c in df.columns if not (c == "article" and "ref" in df.columns and not is_sources)
            and c != "_more"]
    out = [f'<table class="briefing {html.escape(css_class)}">']
    if caption:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f'<th class="c-{html.escape(c)}">{html.escape(LABELS.get(c, c.replace("_", " ")))}</th>'
                                       for c in cols) + "</tr></thead><tbody>")
    if df.empty:
        out.append(f'<tr><td colspan="{len(cols)}" class="empty">{html.escape(empty)}</td></tr>')
    prev_key = None
    for rec in df.to_dict("records"):
        more = rec.get("_more")
        if isinstance(more, str) and more:  # "… N more in the appendix": one cell across the table
            out.append(f'<tr class="more"><td colspan="{len(cols)}">{html.escape(more)}</td></tr>')
            continue
        key = tuple(str(rec.get(c)) for c in group)
        repeat = bool(group) and key == prev_key
        prev_key = key
        anchor = f' id="src-{int(rec["ref"])}"' if is_sources else ""
        cells = []
        for c in cols:
            v = rec.get(c)
            if repeat and c in group:
                cell = ""
            elif c == "ref" and not is_sources:
                cell = source_tag(v, str(rec.get("article") or ""))
            elif c == "ref":
                cell = f"[{int(v)}]"
            elif c == "url" and v and str(v).startswith(("http://", "https://")):
                cell = f'<a href="{html.escape(str(v), quote=True)}">{html.escape(str(v))}</a>'
            elif isinstance(v, float) and not math.isnan(v) and v.is_integer():
                cell = f"{int(v)}"  # a count in a column that a "more" row turned to floats
            else:
                cell = html.escape("" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v))
            cells.append(f'<td class="c-{html.escape(c)}">{cell}</td>')
        out.append(f"<tr{anchor}>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def title_block(title: str, params: dict, n_articles: int, n_words: int, generated_at: str,
                window_text: str = "") -> str:
    """The briefing's heading: title, date range, corpus size, generation time and parameters."""
    e = html.escape
    since, until = params.get("since") or "earliest", params.get("until") or "latest"
    actors = ", ".join(params.get("actors") or []) or "all"
    shown = {k: v for k, v in params.items() if k not in ("title", "out_dir", "extracted")}
    window = (f'<p class="range">Tables show {e(window_text)}; the chart and key judgments every dated claim; '
              f'the appendix everything.</p>' if window_text else "")
    return (f'<header class="title-block"><h1 class="briefing-title">{e(title)}</h1>'
            f'<p class="range">Claims dated {e(since)} to {e(until)} · actors: {e(actors)}</p>{window}'
            f'<p class="meta">Corpus: {n_articles} article{"s" * (n_articles != 1)} ({n_words:,} words) · '
            f'generated {e(generated_at)}</p>'
            f'<p class="params">Parameters: {e(", ".join(f"{k}={v!r}" for k, v in shown.items()))}</p></header>')


# The editorial text under each section heading (kept here, beside the tables it describes).
INTROS = {
    "key_judgments": "The latest dated claim each claimant has made about North Korean forces (one row per "
                     "claimant and kind of figure), newest first, over every claim date in the selection. Numbers "
                     "are as the source wrote them; 'reports' counts the articles that carried the claim and the "
                     "source tag (see Sources) is the first of them.",
    "escalation": "Claims about North Korean forces by claim date, one line per claimant side; one mark per claim "
                  "merged across outlets, larger when more outlets reported it; marker shape shows the status "
                  "(square confirmed, circle estimate, open triangle projection, X denied); vertical bars are ranges "
                  "and 'up to'/'over' figures. When a panel holds many claims, each side is drawn per week: the "
                  "week's median claim, with a band from its lowest to its highest. A claim without a claim date "
                  "is not drawn at a guessed position: it is listed under the chart. The data behind the chart is "
                  "saved beside the briefing as escalation.csv.",
    "figures": "Claims merged across outlets, with their qualifier (exact, approximately, over, up to, range, "
               "vague), status and number of reports, newest first and grouped by claimant (most recent claimant "
               "first). A long table keeps the newest claims of each claimant; a line says how many more the "
               "appendix holds.",
    "quotes": "Direct quotations merged across outlets ('reports' counts the articles that carried them), grouped "
              "by speaker, the most quoted speakers first and each one's newest quotations first, with the "
              "speaker's role and country (or side) and the date of the first report. Short quoted phrases are "
              "left out here; those from the Russian or North Korean side appear under denials and counter-claims.",
    "denials": "Figures reported as denied, quotes introduced by a denying verb, and statements from the "
               "Russian and North Korean side, newest first.",
    "sources": "The articles these pages cite, numbered as the source tags above (the numbering covers the whole "
               "corpus, oldest first); every article is listed in the appendix.",
    "appendix": "The complete tables behind these pages, beside this briefing (CSV, and one Excel workbook):",
}


def chart_caption(briefing: dict) -> str:
    """Figure 1's caption, with how many claims were left off the chart for want of a date."""
    n = briefing.get("n_undated", 0)
    left = (f" {n:,} claim{'s' * (n != 1)} without a claim date {'are' if n != 1 else 'is'} not drawn "
            f"(see Undated claims)." if n else "")
    return ("Figure 1. Reported North Korean personnel (and shipments, casualties) by claim date; shaded: the "
            "window of the tables." if briefing.get("window", ("", ""))[0] else
            "Figure 1. Reported North Korean personnel (and shipments, casualties) by claim date.") + left


def section(title: str, intro: str = "") -> str:
    """A section heading and its intro; kept with what follows when printed."""
    return (f'<h2 class="section">{html.escape(title)}</h2>'
            + (f'<p class="intro">{html.escape(intro)}</p>' if intro else ""))


def figure(svg: str, caption: str) -> str:
    """An inline SVG chart (our own matplotlib output, not scraped text) with an escaped caption."""
    start = svg.find("<svg")
    return (f'<figure class="chart">{svg[start:] if start >= 0 else ""}'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")


def load_previous_figures(folder: str | Path | None) -> pd.DataFrame | None:
    """The figures table of a previous briefing's data folder, or None when there is none."""
    if not folder:
        return None
    from .pipeline import object_strings, tables_dir
    folder = tables_dir(folder)
    if (folder / "figures.parquet").exists():
        import pyarrow.parquet as pq
        # "what changed" compares figures, not their sentences: an archive's sentences stay on disk
        names = [c for c in pq.read_schema(folder / "figures.parquet").names if c not in NOT_READ["figures"]]
        return object_strings(pd.read_parquet(folder / "figures.parquet", columns=names))
    if (folder / "figures.csv").exists():
        return pd.read_csv(folder / "figures.csv")
    return None


# ---------------------------------------------------------------------------------------------
# The summarised briefing: merged rows, a window of claim dates, bounded tables with "N more" lines.

def north_korean(figures: pd.DataFrame) -> pd.Series:
    """Figures that count North Korean forces (all of them when the extractor gives no `about`)."""
    if "about" not in figures.columns:
        return pd.Series(True, index=figures.index)
    return _s(figures, "about") == NORTH_KOREA


def _numkey(v) -> str:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return ""
    return "" if math.isnan(f) else f"{f:g}"


def claims_view(claims: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Merged claims shaped like figure rows, each traced to its first report.

    A merged claim keeps only its numbers; the first report's figure row (same article,
    category and numbers) gives back the wording as written (`surface`), the sentence
    and offsets, and whether its claim date was inferred.
    """
    c = claims.copy().reset_index(drop=True)
    c["article"] = _s(c, "articles").str.split(";").str[0].fillna("")
    c["published"] = _s(c, "first_published")
    # The first report of each (article, category, numbers): only the fields it gives back, as a
    # tuple (a dict per figure row of an archive costs hundreds of megabytes).
    give = [k for k in ("surface", "claim_date_flag", "sentence", "start", "end") if k in figures.columns]
    first: dict[tuple, tuple] = {}
    cols = ["article", "unit_category", "value", "low", "high", "claim_date"] + give
    cols = [k for k in cols if k in figures.columns]
    at = {k: i for i, k in enumerate(cols)}
    for r in zip(*(figures[k].to_numpy(object) for k in cols)):
        key = (r[at["article"]], r[at["unit_category"]], _numkey(r[at["value"]]), _numkey(r[at["low"]]),
               _numkey(r[at["high"]]))
        date = str(r[at["claim_date"]] or "") if "claim_date" in at else ""
        if key not in first or date < first[key][0]:
            first[key] = (date, *(r[at[k]] for k in give))
    found = [first.get((a, u, _numkey(v), _numkey(lo), _numkey(hi))) for a, u, v, lo, hi in
             zip(c["article"], _s(c, "unit_category"), c.get("value", pd.Series(dtype=float)),
                 c.get("low", pd.Series(dtype=float)), c.get("high", pd.Series(dtype=float)))]
    for i, k in enumerate(give, start=1):
        c[k] = [f[i] if f is not None else "" for f in found]
    for k in ("surface", "claim_date_flag", "sentence", "start", "end"):
        if k not in c.columns:
            c[k] = ""
    return c


def _dated(df: pd.DataFrame, date_col: str, flag: pd.Series) -> pd.Series:
    """Dates for display: '' shown as 'undated', an inferred one with a trailing '~'."""
    d = _s(df, date_col).str.slice(0, 10)
    return d.where(d == "", d + flag.map(lambda f: INFERRED if f == "inferred" else "")).replace("", "undated")


def resolve_window(window: str, since: str, until: str, dates: pd.Series, n_articles: int) -> tuple[str, str, str]:
    """(first, last, description) of the claim dates the pages show.

    `since`/`until` are the selection; the window narrows it to the last N days up to
    `until`, or to the latest claim date in the selection (not today: an archive's last
    claim may be months old, and a window ending today would show nothing).
    """
    from .params import AUTO_WINDOW_ARTICLES, AUTO_WINDOW_DAYS

    if window == "auto":
        window = "all" if n_articles <= AUTO_WINDOW_ARTICLES else str(AUTO_WINDOW_DAYS)
    known = dates[dates != ""] if len(dates) else dates
    if window == "all" or known.empty:
        span = (f"{since or 'the earliest'} to {until or 'the latest'} claim date" if since or until
                else "every claim date")
        return since, until, span
    days = int(window)
    import datetime as dt
    end = dt.date.fromisoformat(until or str(known.max())[:10])
    start = (end - dt.timedelta(days=days - 1)).isoformat()
    if since and since > start:
        start = since
    return start, end.isoformat(), f"the last {days} days of claims: {start} to {end.isoformat()}"


def _in_window(dates: pd.Series, start: str, end: str) -> pd.Series:
    d = dates.str.slice(0, 10)
    keep = pd.Series(True, index=dates.index)
    if start:
        keep &= (d != "") & (d >= start)
    if end:
        keep &= (d != "") & (d <= end)
    return keep


def more_row(text: str) -> dict:
    """A row that html_table draws across the table: what was left out and where it is."""
    return {"_more": text}


def limit_rows(df: pd.DataFrame, max_rows: int, what: str, where: str) -> pd.DataFrame:
    """The first `max_rows` rows, and a line saying how many more are in `where`."""
    if len(df) <= max_rows:
        return df.reset_index(drop=True)
    rest = len(df) - max_rows
    more = pd.DataFrame([more_row(f"… {rest:,} more {what} in the appendix ({where})")])
    return pd.concat([df.head(max_rows), more], ignore_index=True)


def limit_groups(df: pd.DataFrame, group: str, per_group: int, max_groups: int, max_rows: int,
                 what: str, who: str, where: str) -> pd.DataFrame:
    """Rows already in display order (groups in order, newest first within each), shown whole when
    at most `max_rows`; otherwise the first `per_group` rows of each of the first `max_groups`
    groups, each cut group followed by a "N more" line, and a last line for the groups left out."""
    if len(df) <= max_rows:
        return df.reset_index(drop=True)
    parts, order = [], list(dict.fromkeys(df[group]))
    for name, g in df.groupby(group, sort=False):
        if name not in order[:max_groups]:
            continue
        parts.append(g.head(per_group))
        if len(g) > per_group:
            parts.append(pd.DataFrame([{group: name, **more_row(
                f"… {len(g) - per_group:,} more {what} by {name} in the appendix ({where})")}]))
    left = order[max_groups:]
    if left:
        n_rows = int(df[group].isin(left).sum())
        parts.append(pd.DataFrame([more_row(f"… {len(left):,} more {who} with {n_rows:,} {what} "
                                            f"in the appendix ({where})")]))
    return pd.concat(parts, ignore_index=True) if parts else df.head(0)


def cited_refs(*tables: pd.DataFrame) -> set[int]:
    """The source numbers the shown rows cite."""
    refs: set[int] = set()
    for t in tables:
        if "ref" in t.columns:
            refs.update(int(r) for r in pd.to_numeric(t["ref"], errors="coerce").dropna() if int(r) > 0)
    return refs


def _order_groups(df: pd.DataFrame, group: str, key: pd.Series, ascending: bool = False) -> pd.DataFrame:
    """Rows grouped by `group`, groups ordered by `key` (one value per row, aggregated as max)."""
    rank = key.groupby(df[group]).transform("max")
    return df.assign(_rank=rank).sort_values(["_rank", group], ascending=[ascending, True],
                                             kind="stable").drop(columns="_rank")


def prepare(tables, params: dict, previous_figures: pd.DataFrame | None = None) -> dict:
    """The briefing's tables, summarised, from the pipeline's Tables and validated parameters.

    Selection: figures by claim date, quotes by their article's publication date (quotes
    carry no claim date), both by actor, within `since`/`until`. The chart and key
    judgments use every dated claim in the selection; the figures, quotes and denials
    tables only the window (`params["window"]`). Returned keys:
    - shown tables: key_judgments, what_changed, undated, figures_by_claimant,
      other_figures, quotes_by_actor, denials, sources (the cited ones)
    - complete tables for the appendix: claims, quotes_merged, all_sources, and the
      unlimited key judgments, undated claims and denials (`*_all`)
    - chart_claims: the North Korean claims behind the chart
    - counts and labels: window, window_text, n_undated
    """
    from .claims import merge_claims
    from .quote_merge import merge_quotes

    arts = tables.articles
    srcs = sources(arts)
    since, until, actors = params.get("since", ""), params.get("until", ""), params.get("actors") or []
    figs = filter_rows(with_refs(tables.figures, srcs), since, until, actors, "claim_date", ("claimant",))
    quotes = filter_rows(with_refs(tables.quotes, srcs), since, until, actors, "published", ("speaker",))
    max_rows = int(params.get("max_rows", 25))
    per_claimant, per_speaker = int(params.get("per_claimant", 5)), int(params.get("per_speaker", 3))
    max_groups = int(params.get("max_groups", 10))

    nk = north_korean(figs)
    merge_arts = arts[[c for c in ("article", "outlet") if c in arts.columns]]
    claims = {}
    for name, part in (("nk", figs[nk]), ("other", figs[~nk])):
        c = claims_view(merge_claims(part, merge_arts), part)
        claims[name] = _figures_view(with_refs(c, srcs))
    nk_claims, other_claims = claims["nk"], claims["other"]

    w_start, w_end, w_text = resolve_window(params.get("window", "auto"), since, until,
                                            nk_claims["claim_date"].str.slice(0, 10), len(arts))

    def shown_dates(df: pd.DataFrame) -> pd.DataFrame:
        return df.assign(claim_date=_dated(df, "claim_date", df["claim_date_flag"]))

    # Key judgments: the latest dated claim per claimant and kind, over the whole selection.
    kj_all = key_judgments(nk_claims[nk_claims["claim_date"] != ""])
    kj = limit_rows(kj_all, max_rows, "claimants' latest figures", "key_judgments.csv")

    changed_all = what_changed(figs[nk], previous_figures[north_korean(previous_figures)]
                               if previous_figures is not None else None)
    changed = limit_rows(changed_all, max_rows, "changes", "what_changed.csv")

    undated_all = nk_claims[nk_claims["claim_date"] == ""].sort_values(
        ["published", "claimant"], ascending=[False, True], kind="stable")
    undated_all = undated_all.assign(published=_s(undated_all, "published").replace("", "undated"))
    undated_all = undated_all[UNDATED_COLUMNS].reset_index(drop=True)
    undated = limit_rows(undated_all, max_rows, "undated claims", "undated.csv")

    def by_claimant(df: pd.DataFrame) -> pd.DataFrame:
        d = df[_in_window(df["claim_date"], w_start, w_end)]
        d = d.sort_values(["claim_date", "published"], ascending=False, kind="stable")
        d = _order_groups(d, "claimant", d["claim_date"])
        return shown_dates(d)[FIGURE_COLUMNS].reset_index(drop=True)

    figs_shown = limit_groups(by_claimant(nk_claims), "claimant", per_claimant, max_groups, max_rows,
                              "claims", "claimants", "claims.csv")
    other_shown = limit_groups(by_claimant(other_claims), "claimant", per_claimant, max_groups, max_rows,
                               "claims", "claimants", "claims.csv")

    merged_q = with_refs(merge_quotes(quotes, arts), srcs)
    # a quotation reported in the window (by any outlet) is in it, dated by its first report
    q_window = merged_q[_in_window(merged_q["last_published"], w_start, w_end)]
    q_all = quotes_by_actor(q_window, by_frequency=True)
    quotes_shown = limit_groups(q_all, "speaker", per_speaker, max_groups, max_rows, "quotations", "speakers",
                                "quotes.csv")

    den_claims = nk_claims[_in_window(nk_claims["claim_date"], w_start, w_end) | (nk_claims["claim_date"] == "")]
    den_all = denials(den_claims, q_window).sort_values(["date", "who"], ascending=[False, True], kind="stable")
    den_all = den_all.reset_index(drop=True)
    den = limit_rows(den_all, max_rows, "denials and counter-claims", "denials.csv")

    shown = [kj, changed, undated, figs_shown, other_shown, quotes_shown, den]
    cited = cited_refs(*shown)
    all_sources = srcs.assign(cited=srcs["ref"].isin(cited).map({True: "yes", False: ""}))
    shown_sources = all_sources[all_sources["cited"] == "yes"].drop(columns="cited").reset_index(drop=True)
    if not _s(shown_sources, "url").ne("").any():  # a folder of .txt files has no URLs: no empty column
        shown_sources = shown_sources.drop(columns="url")
    how = dict(zip(_s(arts, "article"), _s(arts, "published_source")))
    shown_sources["published"] = _dated(shown_sources, "published", shown_sources["article"].map(how).fillna(""))
    return {
        "key_judgments": kj, "what_changed": changed, "undated": undated,
        "figures_by_claimant": figs_shown, "other_figures": other_shown,
        "quotes_by_actor": quotes_shown, "denials": den, "sources": shown_sources,
        "claims": pd.concat([nk_claims.assign(about_north_korea="yes"), other_claims.assign(about_north_korea="")],
                            ignore_index=True),
        "quotes_merged": merged_q, "all_sources": all_sources,
        "key_judgments_all": kj_all, "what_changed_all": changed_all, "undated_all": undated_all,
        "denials_all": den_all,
        "chart_claims": nk_claims,
        "window": (w_start, w_end), "window_text": w_text, "n_undated": len(undated_all),
        "n_articles": len(arts),
    }


def search_quotes(quotes: pd.DataFrame, text: str) -> pd.DataFrame:
    """Quotes whose text, speaker or sentence contains `text` (case-insensitive, literal)."""
    needle = text.casefold()
    hit = pd.Series(False, index=quotes.index)
    for col in ("quote", "speaker", "sentence"):
        hit |= _s(quotes, col).str.casefold().str.contains(needle, regex=False)
    return quotes[hit].copy()


def highlight_article(text: str, spans: list[tuple[int, int, str]]) -> str:
    """The article text as escaped HTML with each (start, end, label) span in <mark>.

    Overlapping spans are clipped to the first; paragraphs (lines) become <p>.
    """
    out, pos = [], 0
    for start, end, label in sorted((int(s), int(e), l) for s, e, l in spans):
        start = max(start, pos)
        if start >= end or end > len(text):
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark title="{html.escape(label, quote=True)}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    body = "".join(out)
    return "".join(f"<p>{line}</p>" for line in body.split("\n") if line.strip())
