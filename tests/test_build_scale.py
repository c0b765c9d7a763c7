"""`briefing build` at scale: it extracts once, before the kernel, reusing its cache day after day,
and passes the summarising parameters to the notebook."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from briefing import build
from briefing.cli import main

PARAMS = {"corpus": "", "since": "", "until": "", "actors": [], "title": "", "previous": "", "out_dir": ".",
          "extracted": "", "window": "auto", "max_rows": 25, "per_claimant": 5, "per_speaker": 3, "max_groups": 10}
# A stand-in notebook that records what it was given and reads the tables the build extracted.
BODY = ("import json\nfrom pathlib import Path\nimport pandas as pd\nfrom IPython.display import HTML, display\n"
        "arts = pd.read_parquet(Path(extracted) / 'articles.parquet')\n"
        "Path(out_dir, 'seen.json').write_text(json.dumps({'window': window, 'max_rows': max_rows, "
        "'articles': len(arts), 'columns': list(arts.columns), 'extracted': extracted}))\n"
        "display(HTML('<h1 class=\"briefing-title\">' + title + '</h1>'))")


@pytest.fixture()
def tiny(tmp_path, monkeypatch):
    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    params = new_code_cell("\n".join(f"{k} = {v!r}" for k, v in PARAMS.items()))
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, new_code_cell(BODY)]
    nbformat.write(nb, tmp_path / "tiny.ipynb")
    monkeypatch.setattr(build, "NOTEBOOK", tmp_path / "tiny.ipynb")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"note_{i}.txt").write_text(
            f"Briefing note {i}\n\nOfficials in Seoul said on Friday that {1000 + i * 500:,} North Korean troops "
            f"had reached the front, in report number {i}.\n", encoding="utf-8")
    return tmp_path, corpus


def _seen(out: Path, date: str) -> dict:
    import json
    return json.loads((out / date / "seen.json").read_text())


def test_build_extracts_once_with_its_cache_and_passes_the_summary_parameters(tiny, capsys):
    tmp, corpus = tiny
    out = tmp / "reports"
    assert main(["build", "--corpus", str(corpus), "--out", str(out), "--date", "2025-01-01", "--format", "html",
                 "--window", "14 days", "--max-rows", "9", "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "3 extracted, 0 from the cache" in err
    seen = _seen(out, "2025-01-01")
    assert seen["window"] == "14" and seen["max_rows"] == 9 and seen["articles"] == 3
    assert "text" not in seen["columns"]  # the day's data/ keeps the tables, the texts stay in the cache
    assert (out / build.CACHE).is_dir() and (out / "2025-01-01" / "data" / "figures.csv").exists()
    (corpus / "note_3.txt").write_text("Briefing note 3\n\nKyiv said 4,000 more soldiers had arrived.\n",
                                       encoding="utf-8")
    assert main(["build", "--corpus", str(corpus), "--out", str(out), "--date", "2025-01-02", "--format", "html",
                 "--window", "14", "--max-rows", "9"]) == 0
    err = capsys.readouterr().err
    assert "1 extracted, 3 from the cache" in err  # the next day extracts only its new article
    assert _seen(out, "2025-01-02")["articles"] == 4
    figs = pd.read_csv(out / "2025-01-02" / "data" / "figures.csv")
    assert set(figs["article"]) >= {"note_0.txt", "note_3.txt"}


@pytest.mark.parametrize("argv, message", [
    (["--workers", "0"], "--workers 0"),
    (["--window", "last week"], "window='last week'"),
    (["--max-rows", "0"], "max_rows=0"),
])
def test_bad_scale_options_exit_2(tiny, capsys, argv, message):
    tmp, corpus = tiny
    assert main(["build", "--corpus", str(corpus), "--out", str(tmp / "reports"), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
