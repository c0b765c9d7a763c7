"""The actor registry (data/actors.csv): one row per person, organisation or
government, with the aliases and spellings that name it.

Names are matched after normalisation (case, hyphens, spaces, dots, a leading
"the", possessive 's) so "Kim Seon Ho", "Kim Seon-ho" and "KIM SEON-HO" are one
actor. Speakers and claimants that are not registered are still extracted with
what the article gives; ``unregistered`` lists them for an analyst to add.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .resources import data_path

COLUMNS = ["actor_id", "name", "aliases", "kind", "role", "affiliation", "country", "side"]
KINDS = {"person", "organization", "government", "anonymous"}

_POSSESSIVE = re.compile(r"['’]s\b")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise(name: str) -> str:
    """Key for matching names: 'the U.S. State Department' -> 'usstatedepartment'. British and American
    spellings of the same office are one key ("Defence Intelligence" = "Defense Intelligence")."""
    s = (name or "").strip().lower()
    s = re.sub(r"^the\s+", "", s)
    s = _POSSESSIVE.sub("s", s)
    s = _NON_ALNUM.sub("", s)
    return _SPELLING.sub(lambda m: US_SPELLING[m.group(0)], s) if _SPELLING.search(s) else s


# British spelling -> American, for names and roles alike
US_SPELLING = {"defence": "defense", "centre": "center", "organisation": "organization", "programme": "program"}
_SPELLING = re.compile("|".join(US_SPELLING))


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    kind: str
    role: str = ""
    affiliation: str = ""
    country: str = ""
    side: str = ""
    titles: tuple = ()      # every title the person is known by: the role column's ";"-separated alternates

    def as_dict(self) -> dict:
        d = self.__dict__.copy()
        d.pop("titles")
        return d


class Registry:
    """Lookup of actors by any of their names (normalised)."""

    def __init__(self, table: pd.DataFrame):
        missing = [c for c in COLUMNS if c not in table.columns]
        if missing:
            raise ValueError(f"actor registry lacks columns {missing}; expected {COLUMNS}")
        self.table = table.fillna("")
        self._by_key: dict[str, Actor] = {}
        self.actors: list[Actor] = []
        self._by_id: dict[str, Actor] = {}
        for row in self.table.itertuples(index=False):
            # "High Representative;EU foreign policy chief": news calls one office by several titles; the
            # first is the one shown
            titles = tuple(t.strip() for t in str(row.role).split(";") if t.strip())
            actor = Actor(row.actor_id, row.name, row.kind, titles[0] if titles else "", row.affiliation,
                          row.country, row.side, titles)
            self.actors.append(actor)
            self._by_id.setdefault(row.actor_id, actor)
            for n in [row.name, *str(row.aliases).split(";")]:
                key = normalise(n)
                if key and key not in self._by_key:  # first row wins: order in the file is priority
                    self._by_key[key] = actor

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Registry":
        path = Path(path) if path else data_path("actors.csv")
        return cls(pd.read_csv(path, dtype=str, keep_default_na=False))

    def lookup(self, name: str) -> Actor | None:
        """The registered actor with this name or alias, or None."""
        return self._by_key.get(normalise(name))

    def titles_of(self, actor_id: str) -> tuple:
        """Every title the registry knows the actor by (for "the Prime Minister said" after "Sir Keir")."""
        a = self._by_id.get(actor_id) if actor_id else None
        return a.titles if a is not None else ()

    def __contains__(self, name: str) -> bool:
        return self.lookup(name) is not None


@lru_cache(maxsize=4)
def default_registry(path: str | None = None) -> Registry:
    return Registry.load(path)


def unregistered(quotes: pd.DataFrame, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Named speakers/claimants with no actor_id: what an analyst should add to actors.csv.

    One row per name with the role and country the articles give, how often it
    occurs and in which articles.
    """
    frames = []
    for df, who in ((quotes, "speaker"), (figures, "claimant")):
        if df is None or df.empty or who not in df.columns:
            continue
        sub = df[(df["actor_id"].fillna("") == "") & (df[who].fillna("") != "")]
        sub = sub[~sub[who].str.startswith("unnamed:")]
        kind_col = f"{who}_kind"
        frames.append(pd.DataFrame({
            "name": sub[who],
            "kind": sub[kind_col] if kind_col in sub else "",
            "role": sub["role"] if "role" in sub else "",
            "country": sub["country"] if "country" in sub else "",
            "article": sub["article"],
        }))
    if not frames:
        return pd.DataFrame(columns=["name", "kind", "role", "country", "mentions", "articles"])
    allrows = pd.concat(frames, ignore_index=True).fillna("")
    grouped = allrows.groupby("name", sort=True).agg(
        kind=("kind", "first"), role=("role", lambda s: next((x for x in s if x), "")),
        country=("country", lambda s: next((x for x in s if x), "")),
        mentions=("article", "size"), articles=("article", lambda s: ";".join(sorted(set(s)))))
    return grouped.reset_index().sort_values(["mentions", "name"], ascending=[False, True])
