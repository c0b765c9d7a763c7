"""`briefing` as a user runs it: exit codes, messages, and what lands on disk."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = Path(__file__).resolve().parent / "data" / "seeds_gold.json"


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "briefing", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("processed")
    res = run("extract", "seeds", "--out", out)
    assert res.returncode == 0, res.stderr
    return out, res


def test_extract_seeds_writes_all_tables(seeds_out):
    out, res = seeds_out
    arts = pd.read_csv(out / "articles.csv", keep_default_na=False)
    assert len(arts) == 5
    by = arts.set_index(arts["article"].str[:3])
    # 001 and 003 from the manifest, 004 from its text; 000 and 002 give no year or week: unknown
    assert list(by["published_source"]) == ["unknown", "manifest", "unknown", "manifest", "text"]
    assert list(by["published_precision"]) == ["unknown", "day", "unknown", "day", "day"]
    assert list(by["published"]) == ["", "2024-10-18", "", "2024-10-22", "2024-10-22"]
    assert (by["published_earliest"] == by["published"]).all()
    for name in ("quotes", "figures", "claims"):
        assert (out / f"{name}.csv").exists() and (out / f"{name}.parquet").exists()
    text = pd.read_parquet(out / "articles.parquet").set_index("article")["text"]
    quotes = pd.read_csv(out / "quotes.csv", keep_default_na=False)
    assert len(quotes) > 0
    for q in quotes.itertuples():       # offsets point at the quote in the cleaned text
        assert text[q.article][q.start:q.end] == q.quote
    figures = pd.read_csv(out / "figures.csv", keep_default_na=False)
    for f in figures.itertuples():
        assert text[f.article][f.start:f.end] == f.surface
    assert "read 5 articles" in res.stderr.splitlines()[-1]


def test_evaluate_prints_scores_and_actors_lists(seeds_out):
    out, _ = seeds_out
    res = run("evaluate", "--gold", GOLD, "--pred", out)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("quotes   precision") and "figures  precision" in res.stdout
    res = run("actors", "--unregistered", out)
    assert res.returncode == 0 and res.stderr == ""


def test_folder_without_articles_exits_2_with_a_message(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.md").write_text("# not an article")
    (tmp_path / "in" / "notes.docx").write_text("not an article either")
    res = run("extract", tmp_path / "in", "--out", tmp_path / "out")
    assert res.returncode == 2
    assert "no articles found" in res.stderr and "Traceback" not in res.stderr
    assert "notes.docx: skipped, unsupported file type .docx" in res.stderr
    assert "notes.md: skipped, 'notes.md' is the folder's documentation" in res.stderr
    assert not (tmp_path / "out").exists()


def test_bad_manifest_row_keeps_previous_outputs(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Seoul said 300 soldiers had left on Monday, officials said.\n", encoding="utf-8")
    (corpus / "sources.csv").write_text("file,published\na.txt,last Tuesday\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "articles.csv").write_text("previous run\n")
    res = run("extract", corpus, "--out", out)
    assert res.returncode == 2 and "row 2 (a.txt)" in res.stderr and "YYYY-MM-DD" in res.stderr
    assert "Traceback" not in res.stderr
    assert (out / "articles.csv").read_text() == "previous run\n"


def test_skipped_files_are_named_one_line_each(tmp_path):
    (tmp_path / "good.txt").write_text("Kyiv said 1,000 troops arrived, officials said.\n", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("   \n")
    (tmp_path / "img.txt").write_bytes(b"GIF89a\x00\x00\x01")
    res = run("extract", tmp_path, "--out", tmp_path / "out", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    lines = res.stderr.splitlines()
    assert any("blank.txt: skipped, empty file" in ln for ln in lines)
    assert any("img.txt: skipped, binary file" in ln for ln in lines)
    assert lines[-1].startswith("read 1 article (")
