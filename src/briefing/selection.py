"""Checks on what a briefing was asked to show, for the messages `briefing build` prints.

An `--actor` that matches nobody still gives a briefing, with every table empty
and nothing saying why; a misspelt name ("Kim Jong Eun") should instead say so
and offer the names the registry does know.
"""
from __future__ import annotations

import difflib
import re

import pandas as pd

from .actors import Registry, default_registry, normalise
from .report import filter_rows


def unmatched_actors(actors: list[str], quotes: pd.DataFrame, figures: pd.DataFrame,
                     registry: Registry | None = None, n: int = 3) -> list[str]:
    """One warning per actor name that selects no quote and no figure of the corpus (whatever the
    dates: a name with rows outside --since/--until is not a misspelling), naming up to `n` close
    registry names. Matching is the briefing's own (report.filter_rows), so the two cannot disagree."""
    registry = registry or default_registry()
    out = []
    for name in actors:
        if len(filter_rows(figures, actors=[name], name_cols=("claimant",))) or \
                len(filter_rows(quotes, actors=[name], name_cols=("speaker",))):
            continue
        close = closest_names(name, registry, n)
        known = registry.lookup(name) is not None
        why = "is in the actor registry but" if known else "is not in the actor registry and"
        hint = f"; closest registry names: {', '.join(close)}" if close and not known else ""
        out.append(f"--actor {name!r} {why} matches no quote or figure in the corpus: nothing in the briefing "
                   f"comes from it{hint}")
    return out


def closest_names(name: str, registry: Registry, n: int = 3) -> list[str]:
    """Registry names (and aliases) closest to `name`, best first; each actor named once, by its name."""
    by_key: dict[str, str] = {}
    for row in registry.table.itertuples(index=False):
        for alias in [row.name, *str(row.aliases).split(";")]:
            key = normalise(alias)
            if key:
                by_key.setdefault(key, row.name)
    keys = difflib.get_close_matches(normalise(name), list(by_key), n=4 * n, cutoff=0.6)
    # A surname typed alone ("Kim") is one word of the full name rather than close to all of it.
    word = name.strip().casefold()
    names = [by_key[k] for k in keys]
    names += [full for full in by_key.values() if word and word in re.findall(r"\w+", full.casefold())]
    return list(dict.fromkeys(names))[:n]
