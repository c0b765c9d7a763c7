"""`briefing build`: bad parameters, failing cells, the lock, idempotence, and the briefing on the seeds."""
from __future__ import annotations

import fcntl
import io
import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from briefing import build
from briefing.cli import main

ROOT = Path(__file__).resolve().parents[1]
EVIL = "<script>alert(1)</script> <img src=x onerror=alert(1)>"

PARAMS_CELL = "\n".join(f"{k} = {v!r}" for k, v in
                        {"corpus": "", "since": "", "until": "", "actors": [], "title": "", "previous": "",
                         "out_dir": "."}.items())


def _tiny_notebook(path: Path, body: str) -> Path:
    """A stand-in for notebooks/briefing.ipynb: fast to run, same parameters."""
    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    params = new_code_cell(PARAMS_CELL)
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, new_code_cell(body)]
    nbformat.write(nb, path)
    return path


OK_BODY = ("from pathlib import Path\nfrom IPython.display import HTML, display\n"
           "Path(out_dir, 'marker.txt').write_text(title)\n"
           "Path(out_dir, 'data').mkdir(exist_ok=True)\n"
           "Path(out_dir, 'previous.txt').write_text(previous)\n"
           "display(HTML('<h1 class=\"briefing-title\">' + title + '</h1>'))")


@pytest.fixture()
def tiny(tmp_path, monkeypatch):
    nb = _tiny_notebook(tmp_path / "tiny.ipynb", OK_BODY)
    monkeypatch.setattr(build, "NOTEBOOK", nb)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("One article.\n", encoding="utf-8")
    return tmp_path, corpus


def _run(*argv) -> int:
    return main(["build", *map(str, argv)])


@pytest.mark.parametrize("argv, message", [
    (["--since", "10/01/2024"], "since='10/01/2024': not a date"),
    (["--since", "2024-11-01", "--until", "2024-10-01"], "is after until"),
    (["--format", "html,docx"], "--format 'html,docx'"),
    (["--corpus", "no/such/folder"], "corpus folder not found"),
    (["--date", "yesterday"], "--date='yesterday'"),
])
def test_bad_parameters_exit_2_with_a_message(tmp_path, capsys, argv, message):
    args = ["--corpus", str(ROOT / "seeds"), "--out", str(tmp_path / "reports"), *argv]
    assert _run(*args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "reports" / "latest").exists()


def test_unknown_notebook_parameter_is_refused():
    from briefing.errors import UserError
    from briefing.params import notebook_params, validate

    with pytest.raises(UserError, match="unknown parameter sinse"):
        notebook_params({"In": [], "sinse": "2024-10-01", "since": ""}, before={"In"})
    with pytest.raises(UserError, match="expected a list"):
        validate({"actors": 3}, check_paths=False)
    assert validate({"actors": "Kim Jong Un, NATO"}, check_paths=False)["actors"] == ["Kim Jong Un", "NATO"]


def test_build_publishes_skips_when_unchanged_and_force_rebuilds(tiny, capsys):
    tmp, corpus = tiny
    out = tmp / "reports"
    assert _run("--corpus", corpus, "--out", out, "--date", "2024-10-23", "--format", "html", "--title", "T1") == 0
    day = out / "2024-10-23"
    assert (day / "briefing.ipynb").exists() and (day / "briefing.html").exists()
    assert not (day / "briefing.pdf").exists()
    assert (day / "marker.txt").read_text() == "T1"
    assert os.readlink(out / "latest") == "2024-10-23"
    capsys.readouterr()
    assert _run("--corpus", corpus, "--out", out, "--date", "2024-10-24", "--format", "html", "--title", "T1") == 0
    assert "nothing changed" in capsys.readouterr().err and not (out / "2024-10-24").exists()
    (corpus / "b.txt").write_text("A new article.\n", encoding="utf-8")  # corpus changed: rebuilt
    assert _run("--corpus", corpus, "--out", out, "--date", "2024-10-24", "--format", "html", "--title", "T1") == 0
    assert os.readlink(out / "latest") == "2024-10-24"
    # the new day's briefing compares with the previous day's data ("what changed")
    assert (out / "2024-10-24" / "previous.txt").read_text() == str((out / "2024-10-23" / "data").resolve())
    capsys.readouterr()
    assert _run("--corpus", corpus, "--out", out, "--date", "2024-10-24", "--format", "html", "--title", "T1",
                "--force") == 0
    # rebuilt (build.json alone can match: its time has one-second resolution and a build can be faster)
    assert "wrote " in capsys.readouterr().err
    # rebuilding the same day keeps comparing with the day before, not with itself
    assert (out / "2024-10-24" / "previous.txt").read_text() == str((out / "2024-10-23" / "data").resolve())
    assert not [p for p in out.iterdir() if p.name.startswith((".build-", ".old-"))]


def test_failing_cell_exits_nonzero_and_keeps_previous_briefing(tiny, monkeypatch, capsys):
    tmp, corpus = tiny
    out = tmp / "reports"
    assert _run("--corpus", corpus, "--out", out, "--date", "2024-10-23", "--format", "html") == 0
    good = (out / "2024-10-23" / "briefing.html").read_bytes()
    monkeypatch.setattr(build, "NOTEBOOK", _tiny_notebook(tmp / "bad.ipynb", "x = 1\nraise ValueError('boom in cell')"))
    capsys.readouterr()
    assert _run("--corpus", corpus, "--out", out, "--date", "2024-10-23", "--format", "html", "--force") == 1
    err = capsys.readouterr().err
    assert "cell" in err and "ValueError: boom in cell" in err and "previous briefing is unchanged" in err
    assert (out / "2024-10-23" / "briefing.html").read_bytes() == good
    assert os.readlink(out / "latest") == "2024-10-23"
    assert (out / ".failed" / "briefing.ipynb").exists()
    assert not [p for p in out.iterdir() if p.name.startswith(".build-")]


def test_lock_keeps_a_second_run_out(tiny, monkeypatch, capsys):
    tmp, corpus = tiny
    out = tmp / "reports"
    out.mkdir()
    monkeypatch.setattr(build, "LOCK_TIMEOUT", 0.3)
    with open(out / ".lock", "a+") as holder:  # a first build holding the lock
        fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert _run("--corpus", corpus, "--out", out, "--format", "html") == 2
        assert "another briefing build is running" in capsys.readouterr().err
        fcntl.flock(holder, fcntl.LOCK_UN)
    assert not (out / "latest").exists()
    assert _run("--corpus", corpus, "--out", out, "--format", "html") == 0  # free again


# ---------------------------------------------------------------------------------------------
# The real briefing on the seeds, built once for the module (plus one article with injected markup).

@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seeds_build")
    corpus = tmp / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    (corpus / "999_injected.txt").write_text(
        f"Title with {EVIL}\n"
        f"Officials in Kyiv said on Monday that “North Korea has moved {EVIL} more soldiers to the front line,” "
        f"according to a spokesman.\n", encoding="utf-8")
    out = tmp / "reports"
    code = _run("--corpus", corpus, "--out", out, "--date", "2024-10-23", "--title", f"Morning {EVIL} briefing")
    assert code == 0
    return out / "latest"


def test_seeds_briefing_files(seeds_build):
    names = {p.name for p in seeds_build.iterdir()}
    assert {"briefing.ipynb", "briefing.html", "briefing.pdf", "escalation.csv", "escalation.svg",
            "escalation.png", "build.json"} <= names
    assert (seeds_build / "data" / "figures.csv").exists()


def test_seeds_html_has_no_code_and_the_key_figures_with_sources(seeds_build):
    import re

    html_text = (seeds_build / "briefing.html").read_text(encoding="utf-8")
    for code in ("report.html_table", "run_extract", "notebook_params", "display(HTML", "_before"):
        assert code not in html_text
    assert "hl-ipython3" not in html_text and "jp-InputPrompt" not in html_text
    assert "<svg" in html_text  # the chart, inline
    rows = re.findall(r"<tr>.*?</tr>", html_text, flags=re.S)
    # the seeds' key figures (gold annotation), each on a row naming its claimant
    for figure, claimant in (("1,500", "intelligence"), ("over 7,000", "intelligence"),
                             ("approximately 10,000", "state department"), ("roughly 8,000", "state department"),
                             ("up to 10,000", "zelensk"), ("more than 13,000 containers", "intelligence")):
        showing = [r for r in rows if figure in r]
        assert showing, figure
        assert any(claimant in r.lower() for r in showing), (figure, claimant)
        # every row showing it links its source article and names the file
        assert all(re.search(r'href="#src-\d+">\[\d+\]</a> <span class="file">\d{3}_[0-9a-f]+\.txt', r)
                   for r in showing), figure


def test_seeds_output_escapes_injected_markup(seeds_build):
    html_text = (seeds_build / "briefing.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html_text and "<img src=x" not in html_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text


def test_seeds_pdf_has_page_numbers(seeds_build):
    from pypdf import PdfReader

    pages = PdfReader(seeds_build / "briefing.pdf").pages
    texts = [" ".join(p.extract_text().split()) for p in pages]
    assert len(texts) >= 2
    assert all(f"page {i} of {len(texts)}" in t for i, t in enumerate(texts, 1))
    assert "<script>alert(1)</script>" in texts[0]  # the title, as text


def test_an_edited_data_file_triggers_a_rebuild(tiny, monkeypatch, capsys):
    from briefing.resources import REPO_ROOT

    tmp, corpus = tiny
    data = tmp / "data"
    shutil.copytree(REPO_ROOT / "data", data, ignore=shutil.ignore_patterns("processed"))
    monkeypatch.setenv("BRIEFING_DATA", str(data))
    out = tmp / "reports"
    assert _run("--corpus", corpus, "--out", out, "--date", "2024-10-23", "--format", "html") == 0
    assert _run("--corpus", corpus, "--out", out, "--date", "2024-10-24", "--format", "html") == 0
    assert "nothing changed" in capsys.readouterr().err
    with open(data / "actors.csv", "a", encoding="utf-8") as fh:   # an analyst registers an actor
        fh.write("new_envoy,Ana Lima,,person,envoy,,Brazil,other\n")
    assert _run("--corpus", corpus, "--out", out, "--date", "2024-10-24", "--format", "html") == 0
    assert os.readlink(out / "latest") == "2024-10-24"
