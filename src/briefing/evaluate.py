"""Score extracted quotes and figures against a hand annotation.

Dates (score_dates) are scored when the gold gives each article's true publication window
(``published_earliest``/``published_latest``, tests/data/ANNOTATION.md) and figures' ``claim_date``.

Gold format: ``tests/data/seeds_gold.json`` (``quotes``: file, quote_start,
speaker, speaker_kind; ``figures``: file, surface, value, unit, qualifier,
claimant). A quote matches by article and its first six words (compared after
folding quote-mark and apostrophe styles and case); a figure by article and
value, or for a vague figure (value null) by article and the gold surface's
first word. A speaker or claimant is right when the names match after
normalisation or resolve to the same registered actor: the gold writes names
as the article does ("Kim Seon Ho"), the extractor as the registry does.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
import sys
from pathlib import Path

import pandas as pd

from .actors import Registry, default_registry, normalise
from .errors import UserError
from .attribution.names import CAPITALS, unnamed

_WORD = re.compile(r"[\w’'\-]+")
_PARTS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+(?:the\s+)?")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _first_words(text: str, n: int = 6) -> tuple[str, ...]:
    words = _WORD.findall((text or "").translate(_FOLD).lower())
    return tuple(w.strip("'") for w in words[:n])


def _registered(name: str, registry: Registry):
    """The registered actor a name gives, also behind a country ("South Korea's National Intelligence
    Service") or a title ("Defense Secretary Lloyd Austin")."""
    a = registry.lookup(name)
    words = (name or "").split()
    i = 1
    while a is None and i < len(words):
        a = registry.lookup(" ".join(words[i:]))
        if a is not None and len(words) - i == 1 and a.kind != "person":
            # "the Kremlin-affiliated blogger ... Russia": one trailing word is not the actor, unless the words
            # before it are its own country's possessive ("Ukraine's HUR", "ROK's NIS")
            owner = registry.lookup(re.sub(r"['’]s$", "", " ".join(words[:i]))) if words[i - 1].endswith(("'s", "’s")) else None
            if owner is None or not a.country or owner.country != a.country:
                a = None
        i += 1
    return a


def same_actor(gold: str, pred: str, registry: Registry) -> bool:
    if normalise(gold) == normalise(pred):
        return True
    if gold.startswith("unnamed:") != pred.startswith("unnamed:"):
        return False
    if CAPITALS.get(gold.strip(), gold) == CAPITALS.get(pred.strip(), pred):
        return True      # "New Delhi" for India's government: the capital the text wrote, the country we name
    g_parts, p_parts = _PARTS.split(gold), _PARTS.split(pred)
    if len(g_parts) > 1 and len(g_parts) == len(p_parts):
        # "Seoul and Washington" and "South Korea and United States": the same registered actors, each named
        # as the text and the registry name it (every part must be registered, and in the same set)
        ga = [registry.lookup(x) for x in g_parts]
        pa = [registry.lookup(x) for x in p_parts]
        if all(x is not None for x in ga + pa):
            return {x.actor_id for x in ga} == {x.actor_id for x in pa}
    a, b = _registered(gold, registry), _registered(pred, registry)
    if a is not None and b is not None:
        return a.actor_id == b.actor_id
    if b is not None and b.kind == "person" and re.fullmatch(r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]+", gold.strip()) and \
            gold.strip() == b.name.split()[-1]:
        return True      # "Budanov" for the registry's Kyrylo Budanov: the gold wrote the surname the text used
    # "unnamed: official from the presidential office" vs "unnamed: official from
    # the South Korean presidential office": both anonymous, the gold's words inside ours.
    # A relative clause ("who asked not to be named") describes how the source spoke, not who it is: it is
    # compared on neither side (the briefing's label leaves it out, the gold may keep it).
    if gold.startswith("unnamed:") and pred.startswith("unnamed:"):
        g = set(_WORD.findall(unnamed(gold[8:]).lower()[8:])) - {"the", "a", "an", "of", "to", "from"}
        p = set(_WORD.findall(unnamed(pred[8:]).lower()[8:]))
        return len(g & p) >= max(1, len(g) // 2)
    return False


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def _kinds(pairs_total, pairs_matched, pairs_right) -> dict:
    """{attribution kind: [gold, matched, right]} from the gold items' `attribution` field."""
    out: dict[str, list[int]] = {}
    for g in pairs_total:
        out.setdefault(g.get("attribution") or "-", [0, 0, 0])[0] += 1
    for g in pairs_matched:
        out[g.get("attribution") or "-"][1] += 1
    for g in pairs_right:
        out[g.get("attribution") or "-"][2] += 1
    return out


def _tag(g: dict) -> str:
    return f"[{g['attribution']}] " if g.get("attribution") else ""


def score_quotes(gold: dict, quotes: pd.DataFrame, registry: Registry | None = None) -> dict:
    """Precision/recall/F1 of quotes and accuracy of speakers on the matched ones.

    Fragments (``is_fragment``) are left out, as the gold leaves out scare quotes.
    Only articles named in the gold are scored. Errors carry the gold's attribution kind
    (pronoun, role, organisation, relay ...) when the gold gives it, and are counted per kind.
    """
    registry = registry or default_registry()
    files = {a["file"] for a in gold.get("articles", [])} or {q["file"] for q in gold["quotes"]}
    pred = quotes[quotes["article"].isin(files)]
    if "is_fragment" in pred:
        pred = pred[~pred["is_fragment"].astype(bool)]
    pred_keys: dict[tuple, dict] = {}
    for row in pred.to_dict("records"):
        pred_keys.setdefault((row["article"], _first_words(row["quote"])), row)
    gold_keys = {(g["file"], _first_words(g["quote_start"])): g for g in gold["quotes"]}
    matched = [(g, pred_keys[k]) for k, g in gold_keys.items() if k in pred_keys]
    right = [(g, p) for g, p in matched if same_actor(g["speaker"], str(p["speaker"]), registry)]
    out = _prf(len(matched), len(pred_keys), len(gold_keys))
    out["speaker_accuracy"] = len(right) / len(matched) if matched else 0.0
    out["by_kind"] = _kinds(gold_keys.values(), [g for g, _ in matched], [g for g, _ in right])
    out["misses"] = [f"{_tag(g)}{g['file']}: “{g['quote_start']}…” ({g['speaker']})"
                     for k, g in gold_keys.items() if k not in pred_keys]
    paired = {id(q) for _, q in matched}
    out["spurious"] = [f"{k[0]}: “{' '.join(k[1])}…” ({p['speaker']})"
                       for k, p in pred_keys.items() if k not in gold_keys]
    out["wrong_speakers"] = [f"{_tag(g)}{g['file']}: “{g['quote_start']}…” gold {g['speaker']!r}, got {p['speaker']!r}"
                             for g, p in matched if (g, p) not in right]
    return out


def _num(x) -> float | None:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


def _fold(s) -> str:
    return " ".join(str(s or "").translate(_FOLD).lower().split())


def _figure_key_match(g: dict, p: dict) -> bool:
    gv, pv = _num(g.get("value")), _num(p.get("value"))
    if gv is not None:
        return pv is not None and abs(gv - pv) < 1e-9
    if _num(g.get("low")) is not None and _num(g.get("high")) is not None:   # a range: its bounds
        return pv is None and _num(p.get("low")) == _num(g.get("low")) and _num(p.get("high")) == _num(g.get("high"))
    # a vague amount ("thousands of troops", "at least a few thousand"): the same words
    gs, ps = _fold(g.get("surface")), _fold(p.get("surface"))
    first = gs.split()[0] if gs else ""
    return pv is None and bool(gs) and bool(ps) and (first in ps or ps in gs)


def pair_figures(gold_figures: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """(gold, predicted) figure pairs, each row used once: same article and value (or range, or vague words).
    Rows written exactly as the gold writes them pair first, over the whole article, so a gold "10,000"
    the extractor missed cannot take the row of another gold figure, "some 10,000"; then a surface that
    holds the other, then the same qualifier, then any. Pairs come in the gold's order."""
    by_file: dict[str, list[int]] = {}
    for i, p in enumerate(pred):
        by_file.setdefault(p["article"], []).append(i)
    used: set[int] = set()
    pairs: dict[int, int] = {}
    tests = (lambda gs, ps, g, p: gs == ps,
             lambda gs, ps, g, p: bool(gs) and (gs in ps or ps in gs),
             lambda gs, ps, g, p: p.get("qualifier") == g.get("qualifier"),
             lambda gs, ps, g, p: True)
    for test in tests:
        for k, g in enumerate(gold_figures):
            if k in pairs:
                continue
            gs = _fold(g.get("surface"))
            best = next((i for i in by_file.get(g.get("file"), ()) if i not in used and _figure_key_match(g, pred[i])
                         and test(gs, _fold(pred[i].get("surface")), g, pred[i])), None)
            if best is not None:
                used.add(best)
                pairs[k] = best
    return [(gold_figures[k], pred[pairs[k]]) for k in sorted(pairs)]


# Fields scored on matched figures when the gold gives them: (gold key, prediction key).
_FIELDS = (("qualifier", "qualifier"), ("unit_category", "unit_category"), ("about", "about"),
           ("status", "status"))


def score_figures(gold: dict, figures: pd.DataFrame, registry: Registry | None = None) -> dict:
    """Precision/recall/F1 of figures; claimant, source, qualifier, unit category, about and status
    accuracy on the matched ones (each only where the gold gives that field)."""
    registry = registry or default_registry()
    files = {a["file"] for a in gold.get("articles", [])} or {f["file"] for f in gold["figures"]}
    pred = [r for r in figures.to_dict("records") if r["article"] in files]
    matched = pair_figures(gold["figures"], pred)
    out = _prf(len(matched), len(pred), len(gold["figures"]))
    n = len(matched) or 1
    c_ok = [(g, p) for g, p in matched
            if same_actor(g.get("claimant") or "", str(_str(p.get("claimant"))), registry)]
    out["claimant_accuracy"] = len(c_ok) / n if matched else 0.0
    out["by_kind"] = _kinds(gold["figures"], [g for g, _ in matched], [g for g, _ in c_ok])
    for gk, pk in _FIELDS:
        scored = [(g, p) for g, p in matched if gk in g]
        if scored:
            ok = [(g, p) for g, p in scored if g[gk] == _str(p.get(pk))]
            out[f"{gk}_accuracy"] = len(ok) / len(scored)
            out[f"wrong_{gk}"] = [f"{_tag(g)}{g['file']}: {g['surface']!r} gold {g[gk]}, got {_str(p.get(pk))}"
                                  for g, p in scored if (g, p) not in ok]
    relayed = [(g, p) for g, p in matched if "source" in g and (g["source"] or _str(p.get("source")))]
    if relayed:
        ok = [(g, p) for g, p in relayed if same_actor(g["source"], _str(p.get("source")), registry)]
        out["source_accuracy"] = len(ok) / len(relayed)
        out["wrong_source"] = [f"{_tag(g)}{g['file']}: {g['surface']!r} gold source {g['source']!r}, "
                               f"got {_str(p.get('source'))!r}" for g, p in relayed if (g, p) not in ok]
    matched_gold = {id(g) for g, _ in matched}
    out["misses"] = [f"{g['file']}: {g['surface']!r} ({g.get('claimant')})"
                     for g in gold["figures"] if id(g) not in matched_gold]
    paired = {id(q) for _, q in matched}
    out["spurious"] = [f"{p['article']}: {p.get('surface')!r} — {str(p.get('sentence', ''))[:80]}"
                       for p in pred if id(p) not in paired]
    out["wrong_claimants"] = [f"{_tag(g)}{g['file']}: {g['surface']!r} gold {g.get('claimant')!r}, "
                              f"got {_str(p.get('claimant'))!r}" for g, p in matched if (g, p) not in c_ok]
    return out


def _str(v) -> str:
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)


def _day(s) -> dt.date | None:
    s = "" if s is None or (isinstance(s, float) and math.isnan(s)) else str(s).strip()
    try:
        return dt.date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def score_dates(gold: dict, articles: pd.DataFrame, figures: pd.DataFrame, today: dt.date | None = None) -> dict:
    """Publication and claim dates against the gold's publication windows and claim dates.

    An article is *right* when its day falls in the gold window (or its window holds the gold
    window), *wrong* otherwise, *future* when after ``today``; *unknown* when it gives neither (its
    lower bound, if any, is still checked: after the gold window it is a wrong bound). A claim date is
    *outside* when it is after the article's gold window or more than a year before it. Gold claim
    dates are compared on the figures matched as in score_figures.
    """
    today = today or dt.date.today()
    windows = {a["file"]: (_day(a.get("published_earliest")), _day(a.get("published_latest")))
               for a in gold.get("articles", []) if a.get("published_earliest")}
    pred = {r["article"]: r for r in articles.to_dict("records")}
    out = {"n": len(windows), "day_right": 0, "window_right": 0, "wrong": [], "future": [], "unknown": 0,
           "wrong_bound": [], "missing": []}
    for f, (ge, gl) in sorted(windows.items()):
        r = pred.get(f)
        if r is None:
            out["missing"].append(f)
            continue
        d, pe, pl = _day(r.get("published")), _day(r.get("published_earliest")), _day(r.get("published_latest"))
        shown = f"{f}: {r.get('published') or (str(pe or '') + '..' + str(pl or ''))} ({r.get('published_source')}), " \
                f"gold {ge}..{gl} — {str(r.get('published_evidence') or '')[:160]}"
        if d is not None:
            if d > today:
                out["future"].append(shown)
            if ge <= d <= gl:
                out["day_right"] += 1
            else:
                out["wrong"].append(shown)
        elif r.get("published_precision") == "window" and pe and pl:
            if pl > today:
                out["future"].append(shown)
            if pe <= ge and gl <= pl:
                out["window_right"] += 1
            else:
                out["wrong"].append(shown)
        else:
            out["unknown"] += 1
            if pe is not None and pe > gl:
                out["wrong_bound"].append(shown)
    n = out["n"] or 1
    out["dated_share"] = out["day_right"] / n
    out["wrong_share"] = (len(out["wrong"]) + len(out["wrong_bound"])) / n

    # claim dates: every predicted one against its article's gold window
    rows = [r for r in figures.to_dict("records") if r["article"] in windows]
    out["claims"] = sum(1 for r in rows if _day(r.get("claim_date")))
    out["claims_outside"], out["claims_future"] = [], []
    for r in rows:
        c = _day(r.get("claim_date"))
        if c is None:
            continue
        ge, gl = windows[r["article"]]
        line = f"{r['article']}: {r.get('surface')!r} claim date {c} ({_str(r.get('claim_date_evidence')) or _str(r.get('claim_date_precision'))}), " \
               f"gold publication {ge}..{gl}"
        if c > today:
            out["claims_future"].append(line)
        if c > gl or c < ge - dt.timedelta(days=365):
            out["claims_outside"].append(line)
    # gold claim dates on the matched figures
    right, window, wrong, undated, spurious = 0, 0, [], [], 0
    for g, p in pair_figures([g for g in gold.get("figures", []) if g.get("file") in windows], rows):
        gc, pc = _day(g.get("claim_date")), _day(p.get("claim_date"))
        if gc is None:
            spurious += pc is not None
        elif pc is None:
            undated.append(f"{g['file']}: {g['surface']!r} gold {gc}, undated ({_str(p.get('claim_date_evidence'))})")
        elif pc == gc:
            right += 1
        elif pc < gc <= (_day(p.get("claim_date_end")) or pc):
            window += 1   # "last week", "in October": a week or month that holds the day
        else:
            wrong.append(f"{g['file']}: {g['surface']!r} gold {gc}, got {pc} "
                         f"({_str(p.get('claim_date_evidence')) or _str(p.get('claim_date_precision'))})")
    out.update(claim_right=right, claim_window=window, claim_wrong=wrong, claim_undated=undated,
               claim_spurious=spurious, claim_matched=right + window + len(wrong) + len(undated))
    return out


def format_dates(d: dict) -> str:
    lines = [
        f"dates    articles {d['n']}: day right {d['day_right']}, window right {d['window_right']}, "
        f"wrong {len(d['wrong'])}, unknown {d['unknown']} (lower bound after the true date {len(d['wrong_bound'])}), "
        f"future {len(d['future'])}, missing {len(d['missing'])}; dated to the day {d['dated_share']:.1%}",
        f"claims   claim dates {d['claims']}: outside [publication - 1 year, publication] {len(d['claims_outside'])}, "
        f"future {len(d['claims_future'])}; gold claim dates on matched figures {d['claim_matched']}: "
        f"right {d['claim_right']}, week or month holding it {d['claim_window']}, wrong {len(d['claim_wrong'])}, "
        f"undated {len(d['claim_undated'])}",
    ]
    for title, items in (("date wrong", d["wrong"]), ("date future", d["future"]),
                         ("lower bound wrong", d["wrong_bound"]), ("date missing", d["missing"]),
                         ("claim date outside", d["claims_outside"]), ("claim date wrong", d["claim_wrong"]),
                         ("claim undated", d["claim_undated"])):
        lines += [f"{title}: {item}" for item in items]
    return "\n".join(lines)


def load_gold(path: str | Path) -> dict:
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{path}: gold file not found; pass --gold with the path to a JSON annotation")
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: not valid JSON ({exc}); fix the file or regenerate it")
    if not isinstance(gold, dict) or "quotes" not in gold or "figures" not in gold:
        raise UserError(f"{path}: expected a JSON object with 'quotes' and 'figures' lists")
    return gold


def _read_pred(pred_dir: Path, name: str) -> pd.DataFrame:
    path = pred_dir / name
    if not path.exists():
        raise UserError(f"{path}: not found; run `briefing extract ... --out {pred_dir}` first")
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def _by_kind(label: str, kinds: dict) -> str:
    parts = [f"{k} {r}/{m}" + (f" ({g - m} missed)" if g > m else "")
             for k, (g, m, r) in sorted(kinds.items(), key=lambda kv: -kv[1][0]) if k != "-"]
    return f"{label} right by attribution kind: " + ", ".join(parts) if parts else ""


def format_report(q: dict, f: dict) -> str:
    extra = "".join(f"  {k} accuracy {f[k + '_accuracy']:.3f}" for k in ("qualifier", "unit_category", "about",
                                                                         "status", "source")
                    if k + "_accuracy" in f).replace("unit_category", "unit category")
    lines = [
        f"quotes   precision {q['precision']:.3f}  recall {q['recall']:.3f}  F1 {q['f1']:.3f}  "
        f"speaker accuracy {q['speaker_accuracy']:.3f}  ({q['tp']} matched / {q['n_gold']} gold / {q['n_pred']} predicted)",
        f"figures  precision {f['precision']:.3f}  recall {f['recall']:.3f}  F1 {f['f1']:.3f}  "
        f"claimant accuracy {f['claimant_accuracy']:.3f}{extra}"
        f"  ({f['tp']} matched / {f['n_gold']} gold / {f['n_pred']} predicted)",
    ]
    lines += [line for line in (_by_kind("speakers", q.get("by_kind", {})),
                                _by_kind("claimants", f.get("by_kind", {}))) if line]
    for title, items in (("quote missed", q["misses"]), ("quote spurious", q["spurious"]),
                         ("wrong speaker", q["wrong_speakers"]), ("figure missed", f["misses"]),
                         ("figure spurious", f["spurious"]), ("wrong claimant", f["wrong_claimants"]),
                         ("wrong source", f.get("wrong_source", [])),
                         ("wrong qualifier", f.get("wrong_qualifier", [])),
                         ("wrong unit category", f.get("wrong_unit_category", [])),
                         ("wrong about", f.get("wrong_about", [])), ("wrong status", f.get("wrong_status", []))):
        lines += [f"{title}: {item}" for item in items]
    return "\n".join(lines)


def run_evaluate(gold_path: str | Path, pred_dir: str | Path) -> int:
    gold = load_gold(gold_path)
    from .pipeline import tables_dir
    pred_dir = tables_dir(pred_dir)  # both tables from one set, even while an extract switches sets
    q = score_quotes(gold, _read_pred(pred_dir, "quotes.csv"))
    figures = _read_pred(pred_dir, "figures.csv")
    f = score_figures(gold, figures)
    print(format_report(q, f))
    if any(a.get("published_earliest") for a in gold.get("articles", [])):
        print(format_dates(score_dates(gold, _read_pred(pred_dir, "articles.csv"), figures)))
    sys.stdout.flush()
    return 0
