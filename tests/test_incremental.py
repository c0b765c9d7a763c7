"""The per-article cache, worker processes and the Dask path: the same tables, only new work done."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from briefing import incremental
from briefing.actors import default_registry
from briefing.pipeline import extract_tables, load_tables, run_extract
from briefing.reader import read_corpus

ROOT = Path(__file__).resolve().parents[1]

# Articles written for these tests (not from any outlet), each with a quotation and a figure.
STORIES = [
    ("Seoul", "Park Min-seo", "the defence ministry", "about 1,500", "troops", "Oct. 3"),
    ("Kyiv", "Oksana Lytvyn", "the military intelligence agency", "more than 3,000", "soldiers", "Oct. 9"),
    ("Brussels", "Henrik Dahl", "alliance officials", "up to 5,000", "troops", "Oct. 15"),
    ("Tokyo", "Aiko Mori", "the government", "some 800", "engineers", "Oct. 21"),
    ("Washington", "Dana Whitfield", "the Pentagon", "roughly 7,000", "soldiers", "Oct. 27"),
    ("Warsaw", "Marek Zielinski", "the foreign ministry", "over 9,500", "troops", "Nov. 2"),
]


def _story(i: int, extra: str = "") -> str:
    city, who, claimant, n, unit, day = STORIES[i % len(STORIES)]
    return (f"{city} watches the front (story {i})\n\nPublished : {day}, 2024 - 09:00\n\n"
            f"{city.upper()} — {claimant.capitalize()} said on Monday that {n} North Korean {unit} had been "
            f"moved to the Kursk region.\n\n“We are following every movement closely and we will respond,” "
            f"{who} told reporters after a closed meeting in {city}.\n\nThis is dispatch number {i} of the series."
            f"\n\n{extra}")


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(12):
        (folder / f"story_{i:02d}.txt").write_text(_story(i), encoding="utf-8")
    return folder


def _run(corpus: Path, out: Path, capsys=None, **kw):
    tables = run_extract([str(corpus)], out, quiet=capsys is None, **kw)
    err = capsys.readouterr().err if capsys is not None else ""
    return tables, err


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False,
                                  check_column_type=False)


def test_cached_tables_equal_a_plain_extraction(corpus, tmp_path):
    plain = extract_tables(read_corpus([corpus], {}, progress=False).articles, default_registry())
    first, _ = _run(corpus, tmp_path / "out", workers=1)
    second, _ = _run(corpus, tmp_path / "out", workers=1)
    for t in (first, second, load_tables(tmp_path / "out")):
        for name in ("articles", "quotes", "figures", "claims"):
            _same(getattr(plain, name), getattr(t, name))
    assert len(plain.quotes) >= 12 and len(plain.figures) >= 12


def test_only_new_and_changed_articles_are_extracted_and_removed_ones_leave(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    _, err = _run(corpus, out, capsys, workers=1)
    assert "12 extracted, 0 from the cache" in err
    _, err = _run(corpus, out, capsys, workers=1)
    assert "0 extracted, 12 from the cache" in err
    # one article edited, one added, one removed
    (corpus / "story_03.txt").write_text(_story(3, "Officials said 2,200 more troops were on their way."),
                                         encoding="utf-8")
    (corpus / "story_12.txt").write_text(_story(12), encoding="utf-8")
    (corpus / "story_07.txt").unlink()
    tables, err = _run(corpus, out, capsys, workers=1)
    assert "2 extracted, 10 from the cache" in err
    assert "story_07.txt" not in set(tables.articles["article"])
    assert "story_07.txt" not in set(tables.quotes["article"]) | set(tables.figures["article"])
    assert "story_07.txt" not in ";".join(tables.claims["articles"])
    assert "2,200" in " ".join(tables.figures.loc[tables.figures["article"] == "story_03.txt", "surface"])
    on_disk = pd.read_csv(out / "figures.csv")
    assert "story_07.txt" not in set(on_disk["article"]) and (on_disk["article"] == "story_12.txt").any()
    plain = extract_tables(read_corpus([corpus], {}, progress=False).articles, default_registry())
    for name in ("quotes", "figures"):
        _same(getattr(plain, name), getattr(tables, name))


def test_a_changed_data_file_invalidates_the_cache(corpus, tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("processed"))
    monkeypatch.setenv("BRIEFING_DATA", str(data))
    incremental.extractor_version.cache_clear()
    out = tmp_path / "out"
    _run(corpus, out, workers=1)
    before = incremental.extractor_version()
    with open(data / "actors.csv", "a", encoding="utf-8") as fh:  # an analyst registers an actor
        fh.write("aiko_mori,Aiko Mori,,person,spokesperson,,Japan,other\n")
    incremental.extractor_version.cache_clear()
    assert incremental.extractor_version() != before
    capsys.readouterr()
    _, err = _run(corpus, out, capsys, workers=1)
    assert "12 extracted, 0 from the cache" in err
    incremental.extractor_version.cache_clear()


def test_a_new_package_version_invalidates_the_cache(corpus, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    _run(corpus, out, workers=1)
    incremental.extractor_version.cache_clear()
    monkeypatch.setattr(incremental, "__version__", "99.0.0")
    try:
        _, err = _run(corpus, out, capsys, workers=1)
    finally:
        incremental.extractor_version.cache_clear()
    assert "12 extracted, 0 from the cache" in err


def test_a_manifest_row_is_part_of_the_key(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    _run(corpus, out, workers=1)
    capsys.readouterr()
    (corpus / "sources.csv").write_text("file,url,outlet,published,author,title,notes\n"
                                        "story_02.txt,,Desk Wire,2024-10-16,,,\n", encoding="utf-8")
    tables, err = _run(corpus, out, capsys, workers=1)
    assert "1 extracted, 11 from the cache" in err
    assert tables.articles.set_index("article").loc["story_02.txt", "published"] == "2024-10-16"


def test_cache_segments_of_gone_articles_are_dropped(corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out, workers=1)
    for p in list(corpus.glob("story_*.txt"))[:10]:
        p.unlink()
    _run(corpus, out, workers=1)
    keys = pd.concat([pd.read_parquet(p) for p in (out / "cache").glob("keys-*.parquet")])
    assert len(keys) == 2  # mostly dead segments rewritten, dead ones removed


def test_two_workers_give_the_same_tables(corpus, tmp_path):
    for i in range(12, 90):  # enough articles for the work to go to worker processes
        (corpus / f"story_{i:02d}.txt").write_text(_story(i), encoding="utf-8")
    one, _ = _run(corpus, tmp_path / "one", workers=1)
    two, _ = _run(corpus, tmp_path / "two", workers=2)
    assert len(list((tmp_path / "two" / "cache").glob("read-*.parquet"))) > 1  # the work was split
    for name in ("articles", "quotes", "figures", "claims"):
        _same(getattr(one, name), getattr(two, name))


def test_dask_local_cluster_gives_the_same_tables_row_for_row(corpus, tmp_path):
    import distributed  # in the dev extra, so `make test` always runs this
    for i in range(12, 60):
        (corpus / f"story_{i:02d}.txt").write_text(_story(i), encoding="utf-8")
    single, _ = _run(corpus, tmp_path / "single", workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc, \
            distributed.Client(lc) as client:
        on_dask, _ = _run(corpus, tmp_path / "dask", workers=2, client=client)
    segments = list((tmp_path / "dask" / "cache").glob("figures-*.parquet"))
    assert len(segments) > 1  # partitions, each written by a Dask task
    for name in ("articles", "quotes", "figures", "claims"):
        a, b = getattr(single, name), getattr(on_dask, name)
        assert len(a) == len(b) > 0
        _same(a, b)
        _same(pd.read_parquet(tmp_path / "single" / f"{name}.parquet"),
              pd.read_parquet(tmp_path / "dask" / f"{name}.parquet"))


def test_cli_workers_and_scheduler_errors(tmp_path, capsys):
    from briefing.cli import main

    assert main(["extract", str(ROOT / "seeds"), "--out", str(tmp_path / "o"), "--workers", "0"]) == 2
    assert "--workers 0" in capsys.readouterr().err
    assert main(["extract", str(ROOT / "seeds"), "--out", str(tmp_path / "o"), "--scheduler",
                 "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert "Dask scheduler" in err and "Traceback" not in err


def test_a_cached_article_is_dated_again_when_the_day_of_the_run_moves_past_its_date(tmp_path, capsys):
    """Read on March 4, a 'Published: March 5' line is after the day of the run and not used; read
    from the cache on March 6, the same article is dated March 5 (and its figure re-extracted)."""
    import datetime as dt

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "early.txt").write_text(
        "Border report\n\nPublished: March 5, 2025\n\nThe ministry said 2,000 North Korean troops had moved "
        "to the border region, officials said.\n", encoding="utf-8")
    (corpus / "plain.txt").write_text(_story(1), encoding="utf-8")
    out = tmp_path / "out"
    first = run_extract([str(corpus)], out, quiet=True, workers=1, today=dt.date(2025, 3, 4))
    assert first.articles.set_index("article").loc["early.txt", "published"] == ""
    second = run_extract([str(corpus)], out, quiet=False, workers=1, today=dt.date(2025, 3, 6))
    err = capsys.readouterr().err
    assert second.articles.set_index("article").loc["early.txt", "published"] == "2025-03-05"
    assert "1 extracted, 1 from the cache" in err  # the other article's dates could not change
    figs = second.figures.set_index("article")
    assert figs.loc["early.txt", "claim_date"] == "2025-03-05"


def test_merged_cache_segments_still_assemble(corpus, tmp_path, monkeypatch, capsys):
    """Many small runs leave many segments; once merged (rewritten through pandas, with other string
    types) they are read together with new ones."""
    out = tmp_path / "out"
    monkeypatch.setattr(incremental, "EXTRACT_BATCH", 1)  # a segment per article
    monkeypatch.setattr(incremental, "FLUSH_ARTICLES", 1)
    _run(corpus, out, workers=1)
    assert len(list((out / "cache").glob("figures-*.parquet"))) == 12
    for i in range(12, 40):
        (corpus / f"story_{i:02d}.txt").write_text(_story(i), encoding="utf-8")
    _run(corpus, out, workers=1)  # 40 segments of each kind: merged at the end of the run
    assert len(list((out / "cache").glob("figures-*.parquet"))) < 32
    (corpus / "story_40.txt").write_text(_story(40), encoding="utf-8")
    capsys.readouterr()
    tables, err = _run(corpus, out, capsys, workers=1)
    assert "1 extracted, 40 from the cache" in err
    plain = extract_tables(read_corpus([corpus], {}, progress=False).articles, default_registry())
    for name in ("quotes", "figures"):
        _same(getattr(plain, name), getattr(tables, name))


def test_batches_keep_the_order_and_end_small_so_the_workers_finish_together():
    items = list(range(10_050))
    for workers in (1, 2, 4):
        batches = incremental._batches(items, 250, workers)
        assert [i for b in batches for i in b] == items
        if workers > 1:
            assert max(len(b) for b in batches[-workers:]) <= max(len(b) for b in batches) // 4 + 1
    sized = incremental._batches(items, 500, 2, [5_000] * len(items))
    assert [i for b in sized for i in b] == items and len(sized[-1]) < len(sized[0])
