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
"""
from __future__ import annotations

import html
import math
from pathlib import Path
from functools import lru_cache

import pandas as pd

SOURCE_COLUMNS = ["ref", "outlet", "published", "title", "article", "url"]
KEY_COLUMNS = ["claimant", "side", "figure", "status", "subject", "claim_date", "ref", "article"]
FIGURE_COLUMNS = ["claim_date", "claimant", "side", "figure", "qualifier", "status", "subject", "ref", "article"]
QUOTE_COLUMNS = ["speaker", "role", "country_side", "date", "quote", "ref", "article"]
DENIAL_COLUMNS = ["date", "who", "side", "what", "kind", "ref", "article"]
CHANGE_COLUMNS = ["claimant", "unit_category", "change", "before", "now", "claim_date", "ref", "article"]

# Sides whose statements count as counter-claims to the allegations (Moscow and
# Pyongyang deny the deployment; everyone else alleges it).
COUNTER_SIDES = {"Russia", "North Korea"}


def _s(df: pd.DataFrame, col: str) -> pd.Series:
    """A column as clean strings ('' for missing), whatever the frame's dtype."""
    if col not in df.columns:
        return pd.Series([""] * len(df), index=df.index, dtype=object)
    return df[col].map(lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA
                       else str(v))


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


def _figures_view(figures: pd.DataFrame) -> pd.DataFrame:
    f = figures.copy()
    f["figure"] = [figure_text(r) for r in f.to_dict("records")] if len(f) else []
    for c in ("claimant", "side", "status", "subject", "claim_date", "qualifier", "published", "article",
              "unit_category"):
        f[c] = _s(f, c)
    f.loc[f["claimant"] == "", "claimant"] = "(unattributed)"
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
    return latest[KEY_COLUMNS].reset_index(drop=True)


def what_changed(figures: pd.DataFrame, previous: pd.DataFrame | None) -> pd.DataFrame:
    """New claimants and changed latest figures since the previous briefing's figures table."""
    if previous is None:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    f = _figures_view(figures).sort_values(["claim_date", "published", "article"], kind="stable")
    now = f.groupby(["claimant", "unit_category"], sort=False).tail(1)
    p = _figures_view(previous).sort_values(["claim_date", "published", "article"], kind="stable")
    before = {(r["claimant"], r["unit_category"]): r["figure"] + (f" ({r['claim_date']})" if r["claim_date"] else "")
              for r in p.groupby(["claimant", "unit_category"], sort=False).tail(1).to_dict("records")}
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


def quotes_by_actor(quotes: pd.DataFrame, fragments: bool = False) -> pd.DataFrame:
    """Quotes grouped by speaker, with role, country (or side) and the article's date.

    Quoted fragments (a word or phrase in quotation marks, `is_fragment`) are left
    out unless `fragments`: in a briefing they read as noise without their sentence.
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
    q = q.sort_values(["speaker", "date", "article"], kind="stable")
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
                     "kind": "denied figure", "ref": r["ref"], "article": r["article"]})
    q = quotes.copy()
    for c in ("verb", "side", "country", "speaker", "quote", "published", "article"):
        q[c] = _s(q, c)
    if "ref" not in q.columns:
        q["ref"] = 0
    # An unnamed "North Korean diplomat" has a country but no registry side: either counts.
    q["side"] = q["side"].where(q["side"] != "", q["country"])
    deny = q["verb"].str.casefold().isin(_deny_forms())
    counter = q["side"].isin(COUNTER_SIDES)
    for r, is_deny in zip(q[deny | counter].to_dict("records"), deny[deny | counter]):
        rows.append({"date": r["published"], "who": r["speaker"] or "(unattributed)", "side": r["side"],
                     "what": f"“{r['quote']}”", "kind": "denial" if is_deny else "counter-claim",
                     "ref": r["ref"], "article": r["article"]})
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

    A Sources table (columns include `url` and `ref`) gets row anchors `src-N`.
    `group` columns are blanked where they repeat the row above (group by the first).
    """
    cols = [c for c in df.columns if not (c == "article" and "ref" in df.columns and "url" not in df.columns)]
    is_sources = "url" in df.columns and "ref" in df.columns
    out = [f'<table class="briefing {html.escape(css_class)}">']
    if caption:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f'<th class="c-{html.escape(c)}">{html.escape(LABELS.get(c, c.replace("_", " ")))}</th>'
                                       for c in cols) + "</tr></thead><tbody>")
    if df.empty:
        out.append(f'<tr><td colspan="{len(cols)}" class="empty">{html.escape(empty)}</td></tr>')
    prev_key = None
    for rec in df.to_dict("records"):
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
            else:
                cell = html.escape("" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v))
            cells.append(f'<td class="c-{html.escape(c)}">{cell}</td>')
        out.append(f"<tr{anchor}>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def title_block(title: str, params: dict, n_articles: int, n_words: int, generated_at: str) -> str:
    """The briefing's heading: title, date range, corpus size, generation time and parameters."""
    e = html.escape
    since, until = params.get("since") or "earliest", params.get("until") or "latest"
    actors = ", ".join(params.get("actors") or []) or "all"
    shown = {k: v for k, v in params.items() if k not in ("title", "out_dir")}
    return (f'<header class="title-block"><h1 class="briefing-title">{e(title)}</h1>'
            f'<p class="range">Claims dated {e(since)} to {e(until)} · actors: {e(actors)}</p>'
            f'<p class="meta">Corpus: {n_articles} article{"s" * (n_articles != 1)} ({n_words:,} words) · '
            f'generated {e(generated_at)}</p>'
            f'<p class="params">Parameters: {e(", ".join(f"{k}={v!r}" for k, v in shown.items()))}</p></header>')


# The editorial text under each section heading (kept here, beside the tables it describes).
INTROS = {
    "key_judgments": "The latest figure each claimant has given (one row per claimant and kind of figure), "
                     "newest first. Numbers are as the source wrote them; every row carries its source tag "
                     "(see Sources) and file.",
    "escalation": "Reported North Korean personnel by claim date, one line per claimant side; marker shape shows "
                  "the status (square confirmed, circle estimate, open triangle projection, X denied); vertical "
                  "bars are ranges and 'up to'/'over' figures. The data behind the chart is saved beside the "
                  "briefing as escalation.csv.",
    "figures": "Every figure extracted, with its qualifier (exact, approximately, over, up to, range, vague) "
               "and status.",
    "quotes": "Direct quotations, grouped by speaker, with the speaker's role and country (or side) and the "
              "article's date. Short quoted phrases are left out here; those from the Russian or North Korean "
              "side appear under denials and counter-claims.",
    "denials": "Figures reported as denied, quotes introduced by a denying verb, and statements from the "
               "Russian and North Korean side.",
    "sources": "Every article in the corpus, numbered as the source tags above; 'cited' marks the ones this "
               "selection draws on.",
}


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
    from .pipeline import tables_dir
    folder = tables_dir(folder)
    for name, reader in (("figures.parquet", pd.read_parquet), ("figures.csv", pd.read_csv)):
        if (folder / name).exists():
            return reader(folder / name)
    return None


def prepare(tables, params: dict, previous_figures: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """All of the briefing's tables from the pipeline's Tables and validated parameters.

    Figures are filtered by claim date, quotes by their article's publication
    date (quotes carry no claim date); both by actor.
    """
    srcs = sources(tables.articles)
    figs = with_refs(tables.figures, srcs)
    quotes = with_refs(tables.quotes, srcs)
    since, until, actors = params.get("since", ""), params.get("until", ""), params.get("actors") or []
    figs = filter_rows(figs, since, until, actors, "claim_date", ("claimant",))
    quotes = filter_rows(quotes, since, until, actors, "published", ("speaker",))
    cited = set(figs["article"]) | set(quotes["article"]) if len(figs) + len(quotes) else set()
    return {
        "figures": figs,
        "quotes": quotes,
        "key_judgments": key_judgments(figs),
        "what_changed": what_changed(figs, previous_figures),
        "figures_by_claimant": figures_by_claimant(figs),
        "quotes_by_actor": quotes_by_actor(quotes),
        "denials": denials(figs, quotes),
        # Every article stays listed so the numbering matches the full corpus; cited ones are marked.
        "sources": srcs.assign(cited=srcs["article"].isin(cited).map({True: "yes", False: ""})),
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
