"""Issue 11, items 7 and 8: the extracted tables switch as one set, a full disk or an unwritable --out is
one line and an exit status, never a traceback or a mix of old and new tables."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pandas as pd
import pytest

from briefing import pipeline
from briefing.cli import main
from briefing.pipeline import FILES, load_tables, tables_dir

OLD = "The ministry said on Monday that 1,500 soldiers had crossed the border, officials said.\n"
NEW = ("Kyiv said on Friday that 12,000 troops had arrived, according to officials.\n\n"
       "“We are ready,” the minister said.\n")


def _extract(corpus: Path, out: Path) -> int:
    return main(["extract", str(corpus), "--out", str(out)])


@pytest.fixture()
def two_corpora(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    (old / "a.txt").write_text(OLD, encoding="utf-8")
    (new / "a.txt").write_text(NEW, encoding="utf-8")
    (new / "b.txt").write_text(OLD.replace("Monday", "Tuesday").replace("1,500", "2,500"), encoding="utf-8")
    return old, new, tmp_path / "out"


def _snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in FILES}


def _fail_on_call(monkeypatch, n: int, exc: OSError):
    """Make the n-th Parquet write of the run fail with `exc` (the CSVs before it succeed). Quotes and
    figures are written from Arrow (pipeline._write_arrow), the other tables from pandas."""
    real, real_arrow = pd.DataFrame.to_parquet, pipeline._write_arrow
    calls = {"n": 0}

    def flaky(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise exc
        return real(self, *args, **kwargs)

    def flaky_arrow(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise exc
        return real_arrow(*args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", flaky)
    monkeypatch.setattr(pipeline, "_write_arrow", flaky_arrow)


def test_tables_are_plain_paths_through_one_switch(two_corpora):
    old, _, out = two_corpora
    assert _extract(old, out) == 0
    for name in FILES:  # the paths users and the README rely on
        assert (out / name).is_file() and (out / name).is_symlink()
    assert pd.read_csv(out / "figures.csv")["surface"].tolist() == ["1,500"]
    assert (out / ".tables" / "current").is_symlink()


@pytest.mark.parametrize("exc", [OSError(errno.ENOSPC, "No space left on device"),
                                 # pyarrow's error: errno only in the text
                                 OSError("Error writing bytes to file. Detail: [errno 28] No space left on device")])
def test_full_disk_keeps_the_previous_set_whole(two_corpora, monkeypatch, capsys, exc):
    old, new, out = two_corpora
    assert _extract(old, out) == 0
    before = _snapshot(out)
    sets_before = sorted(p.name for p in (out / ".tables").iterdir())
    capsys.readouterr()
    _fail_on_call(monkeypatch, 3, exc)   # articles and quotes written, figures fails
    assert _extract(new, out) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    [line] = [ln for ln in err.splitlines() if "error" in ln]
    assert line.startswith(f"briefing extract: error: {out}: cannot write the tables: No space left on device")
    assert "previous tables are unchanged" in line
    assert _snapshot(out) == before      # every table still the old run's, none new
    assert sorted(p.name for p in (out / ".tables").iterdir()) == sets_before   # the partial set removed
    assert not [p for p in out.rglob("*") if ".tmp" in p.name]


def test_next_run_after_a_full_disk_switches_everything(two_corpora, monkeypatch):
    old, new, out = two_corpora
    assert _extract(old, out) == 0
    _fail_on_call(monkeypatch, 2, OSError(errno.ENOSPC, "No space left on device"))
    assert _extract(new, out) == 1
    monkeypatch.undo()
    assert _extract(new, out) == 0
    t = load_tables(out)
    assert len(t.articles) == 2 and set(t.figures["surface"]) == {"12,000", "2,500"}
    assert set(pd.read_csv(out / "claims.csv")["value"]) == {12000, 2500}


def test_a_reader_that_resolved_the_set_keeps_reading_it_across_a_switch(two_corpora):
    old, new, out = two_corpora
    assert _extract(old, out) == 0
    folder = tables_dir(out)                # a reader resolves the set once ...
    assert _extract(new, out) == 0          # ... an extract switches in a new one meanwhile ...
    assert pd.read_parquet(folder / "figures.parquet")["surface"].tolist() == ["1,500"]   # ... still whole
    assert pd.read_parquet(folder / "articles.parquet")["article"].tolist() == ["a.txt"]
    assert tables_dir(out) != folder and len(load_tables(out).articles) == 2
    assert _extract(old, out) == 0          # two switches later the oldest set is gone
    assert not folder.exists() and len(list((out / ".tables").glob("set-*"))) == 2


def test_a_folder_written_by_the_old_layout_is_adopted_without_a_mixed_moment(two_corpora, monkeypatch):
    old, new, out = two_corpora
    assert _extract(old, out) == 0
    plain = _snapshot(out)
    for name in FILES:                      # as an older version left it: plain files, no .tables
        (out / name).unlink()
        (out / name).write_bytes(plain[name])
    (out / ".tables").rename(out / ".gone")
    _fail_on_call(monkeypatch, 1, OSError(errno.ENOSPC, "No space left on device"))
    assert _extract(new, out) == 1
    assert _snapshot(out) == plain          # adopted as the current set, bytes unchanged
    monkeypatch.undo()
    assert _extract(new, out) == 0 and len(load_tables(out).articles) == 2


def test_evaluate_and_previous_figures_read_through_the_switch(two_corpora):
    from briefing.report import load_previous_figures

    old, _, out = two_corpora
    assert _extract(old, out) == 0
    assert load_previous_figures(out)["surface"].tolist() == ["1,500"]


def test_killed_run_leftovers_are_pruned_by_the_next(two_corpora):
    old, new, out = two_corpora
    assert _extract(old, out) == 0
    orphan = out / ".tables" / "set-20240101T000000-killed"
    orphan.mkdir()
    (orphan / "articles.csv").write_text("half")
    assert _extract(new, out) == 0
    assert not orphan.exists()


# --- item 7: an output folder we cannot write ---------------------------------------------------

def test_unwritable_out_is_refused_before_reading(two_corpora, monkeypatch, capsys):
    old, _, out = two_corpora
    out.mkdir()
    real = os.access
    monkeypatch.setattr(pipeline.os, "access", lambda p, mode: False if Path(p) == out else real(p, mode))
    monkeypatch.setattr(pipeline, "read_corpus", lambda *a, **k: pytest.fail("read before checking --out"))
    assert _extract(old, out) == 2
    err = capsys.readouterr().err
    assert f"{out}: cannot write in {out} (permission denied or read-only); choose another --out" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS])
def test_permission_error_while_writing_is_exit_2(two_corpora, monkeypatch, capsys, code):
    old, _, out = two_corpora

    def denied(*a, **k):
        raise PermissionError(code, os.strerror(code), str(out / ".tables"))

    monkeypatch.setattr(pipeline.tempfile, "mkdtemp", denied)
    assert _extract(old, out) == 2
    err = capsys.readouterr().err
    assert f"cannot write the tables: {os.strerror(code)}" in err and "Traceback" not in err
    assert "choose another --out" in err.lower()


def test_out_that_is_a_file_is_exit_2(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "taken").write_text("a file")
    assert _extract(tmp_path / "in", tmp_path / "taken" / "out") == 2
    assert "is a file, not a folder" in capsys.readouterr().err
