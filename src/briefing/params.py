"""The briefing notebook's parameters: names, types, defaults, and their validation.

papermill only *warns* about a parameter the notebook does not declare, and it
never checks types; a misspelt `--since` would silently produce a briefing over
the wrong dates. `validate` is called twice: by `briefing build` before any
kernel starts, and by the notebook's first cell (for runs launched with bare
papermill or from JupyterLab).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .errors import UserError

# name -> (type, default, what it means). The notebook's `parameters` cell repeats
# these with the same comments so `papermill --help-notebook` documents them.
PARAMETERS: dict[str, tuple[type, object, str]] = {
    "corpus": (str, "seeds", "folder of scraped articles"),
    "since": (str, "", "first claim date shown, YYYY-MM-DD ('' = no lower bound)"),
    "until": (str, "", "last claim date shown, YYYY-MM-DD ('' = no upper bound)"),
    "actors": (list, [], "only these claimants/speakers (names or aliases); empty = all"),
    "title": (str, "", "briefing title ('' = default title)"),
    "previous": (str, "", "data folder of the previous briefing, for 'what changed' ('' = none)"),
    "out_dir": (str, ".", "folder for the chart files and the extracted tables"),
    "extracted": (str, "", "folder of tables `briefing build` already extracted ('' = extract the corpus here)"),
    "window": (str, "auto", "claim dates on the pages: 'all', 'N' days up to the latest claim, or 'auto' "
                            "(all for a corpus of at most 1,000 articles, else the last 30 days)"),
    "max_rows": (int, 25, "a table longer than this is summarised; the full table is in the appendix"),
    "per_claimant": (int, 5, "newest merged claims shown per claimant when the figures table is summarised"),
    "per_speaker": (int, 3, "newest quotations shown per speaker when the quotes table is summarised"),
    "max_groups": (int, 10, "claimants and speakers shown when a table is summarised"),
}

# `window=auto`: a corpus larger than this gets the last AUTO_WINDOW_DAYS days of claims on its pages
# (the appendix keeps everything); a smaller one is shown whole.
AUTO_WINDOW_ARTICLES = 1000
AUTO_WINDOW_DAYS = 30

DEFAULT_TITLE = "North Korea in Russia's war on Ukraine: sourced briefing"
FORMATS = ("html", "pdf")


def parse_date(value: str, name: str) -> str:
    """'' or a YYYY-MM-DD date (returned normalised); anything else is a UserError."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UserError(f"{name}={value!r}: not a date; write it as YYYY-MM-DD, e.g. 2024-10-01") from None


def parse_window(value) -> str:
    """'auto', 'all', or a number of days as 'N' ('30', '30d' and ' 30 days' are all '30')."""
    v = str(value).strip().casefold()
    if v in ("auto", "all"):
        return v
    digits = v.removesuffix("days").removesuffix("day").removesuffix("d").strip()
    if digits.isdigit() and int(digits) > 0:
        return str(int(digits))
    raise UserError(f"window={value!r}: write 'all', 'auto' or a number of days such as 30")


def validate(values: dict, check_paths: bool = True) -> dict:
    """Checked, normalised parameters (defaults filled in); a UserError names the first problem.

    Every key must be a parameter: a misspelt name is refused, not ignored.
    `check_paths` also requires the corpus (and `previous`, if given) to be folders.
    """
    unknown = sorted(k for k in values if k not in PARAMETERS)
    if unknown:
        raise UserError(f"unknown parameter{'s' * (len(unknown) > 1)} {', '.join(unknown)}; "
                        f"the briefing takes: {', '.join(PARAMETERS)}")
    out = {}
    for name, (typ, default, _doc) in PARAMETERS.items():
        value = values.get(name, default)
        if typ is list:
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise UserError(f"{name}={value!r}: expected a list of names, e.g. ['Kim Jong Un']")
            value = list(value)
        elif typ is int and (isinstance(value, bool) or not isinstance(value, int)):
            if isinstance(value, str) and value.strip().isdigit():
                value = int(value)
            else:
                raise UserError(f"{name}={value!r}: expected a whole number, e.g. {default}")
        elif not isinstance(value, typ):
            raise UserError(f"{name}={value!r}: expected {typ.__name__}, got {type(value).__name__}")
        out[name] = value
    out["since"] = parse_date(out["since"], "since")
    out["until"] = parse_date(out["until"], "until")
    if out["since"] and out["until"] and out["since"] > out["until"]:
        raise UserError(f"since={out['since']} is after until={out['until']}; swap them")
    out["title"] = out["title"].strip() or DEFAULT_TITLE
    out["window"] = parse_window(out["window"])
    for name in ("max_rows", "per_claimant", "per_speaker", "max_groups"):
        if out[name] < 1:
            raise UserError(f"{name}={out[name]}: must be at least 1")
    if check_paths:
        if not Path(out["corpus"]).is_dir():
            raise UserError(f"{out['corpus']}: corpus folder not found; pass --corpus FOLDER of articles")
        if out["previous"] and not Path(out["previous"]).is_dir():
            raise UserError(f"{out['previous']}: previous briefing data not found; leave `previous` empty")
        if out["extracted"] and not Path(out["extracted"]).is_dir():
            raise UserError(f"{out['extracted']}: extracted tables not found; leave `extracted` empty to extract")
    return out


def notebook_params(namespace: dict, before: set | frozenset) -> dict:
    """Validated parameters from a notebook's globals().

    `before` is the set of global names taken in a cell *above* the `parameters`
    cell; everything defined since (our parameters cell and the cell papermill
    injects after it) is a parameter, so a misspelt injected name is refused
    instead of being silently ignored.
    """
    names = [k for k in namespace if k not in before and not k.startswith("_")]
    return validate({k: namespace[k] for k in names})


def parse_formats(value: str) -> list[str]:
    fmts = [f.strip().lower() for f in (value or "").split(",") if f.strip()]
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise UserError(f"--format {value!r}: choose from {', '.join(FORMATS)} (comma-separated, e.g. html,pdf)")
    return list(dict.fromkeys(fmts))
