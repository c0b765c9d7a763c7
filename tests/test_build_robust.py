"""Issue 11 for `briefing build`: what it hashes and reads, unwritable reports folders, killed builds,
SIGTERM, backdated dates, unknown actors, a quiet cron log, and exporting an unexecuted notebook."""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from briefing import build
from briefing.cli import main
from briefing.reader import discover

ROOT = Path(__file__).resolve().parents[1]
PARAMS = "\n".join(f"{k} = {v!r}" for k, v in {"corpus": "", "since": "", "until": "", "actors": [], "title": "",
                                                 "previous": "", "out_dir": "."}.items())
# A stand-in for the briefing notebook: extracts the corpus into out_dir/data as the real one does.
EXTRACT_BODY = ("from pathlib import Path\nfrom briefing.pipeline import run_extract\n"
                "run_extract([corpus], Path(out_dir) / 'data', quiet=True)\n"
                "Path(out_dir, 'previous.txt').write_text(previous)")
ARTICLE = ("Ukrainian President Volodymyr Zelenskyy said on Monday that 3,000 North Korean troops had "
           "arrived in Kursk.\n")


def _notebook(path: Path, body: str) -> Path:
    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    params = new_code_cell(PARAMS)
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, new_code_cell(body)]
    nbformat.write(nb, path)
    return path


@pytest.fixture()
def tiny(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "NOTEBOOK", _notebook(tmp_path / "tiny.ipynb", EXTRACT_BODY))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return corpus, tmp_path / "reports"


def _build(corpus, out, *extra) -> int:
    return main(["build", "--corpus", str(corpus), "--out", str(out), "--format", "html", *map(str, extra)])


# --- item 6: what the build hashes ---------------------------------------------------------------

def test_hash_skips_files_the_reader_skips_and_streams_the_rest(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    h0 = build.corpus_hash(corpus)
    with open(corpus / "video.mp4", "wb") as fh:   # 3 GB, sparse: costs no disk, would cost 3 GB read whole
        fh.truncate(3 << 30)
    t0 = time.perf_counter()
    assert build.corpus_hash(corpus) == h0        # not an article file: not even opened
    assert time.perf_counter() - t0 < 5
    with open(corpus / "huge.txt", "wb") as fh:   # an article file, 200 MB: hashed in chunks
        fh.truncate(200 << 20)
    tracemalloc.start()
    try:
        h1 = build.corpus_hash(corpus)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert h1 != h0 and peak < 20 << 20
    (corpus / "sources.csv").write_text("file,published\na.txt,2024-10-01\n")
    assert build.corpus_hash(corpus) != h1        # the manifest changes the briefing, so the hash


def test_unreadable_file_is_a_warning_not_a_traceback(tiny, monkeypatch, capsys):
    corpus, out = tiny
    (corpus / "locked.txt").write_text("Secret.\n", encoding="utf-8")
    real = build._file_sha256

    def guarded(path, *a, **k):
        if path.name == "locked.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *a, **k)

    monkeypatch.setattr(build, "_file_sha256", guarded)
    assert _build(corpus, out, "--date", "2024-10-23") == 0
    err = capsys.readouterr().err
    assert f"warning: {corpus / 'locked.txt'}: skipped, cannot read (Permission denied)" in err
    assert "Traceback" not in err and os.readlink(out / "latest") == "2024-10-23"


def test_reports_inside_the_corpus_are_neither_hashed_nor_read(tiny, capsys):
    corpus, _ = tiny
    out = corpus / "reports"
    assert _build(corpus, out, "--date", "2024-10-23") == 0
    assert (out / "2024-10-23" / "briefing.html").exists()
    assert discover([corpus]) == [corpus / "a.txt"]          # the briefing's HTML is not an article
    capsys.readouterr()
    assert _build(corpus, out, "--date", "2024-10-24") == 0  # same corpus hash as before its own output
    assert "nothing changed" in capsys.readouterr().err
    # the same when the reports folder is the corpus folder itself
    assert _build(corpus, corpus, "--date", "2024-10-25") == 0
    assert _build(corpus, corpus, "--date", "2024-10-26") == 0
    assert not (corpus / "2024-10-26").exists()
    assert discover([corpus]) == [corpus / "a.txt"]


# --- item 7: a reports folder we cannot write ---------------------------------------------------

def test_lock_file_we_cannot_open_is_exit_2(tiny, monkeypatch, capsys):
    corpus, out = tiny
    out.mkdir()
    (out / ".lock").write_text("pid 1 since yesterday\n")

    def other_users(path, *a, **k):
        if Path(path).name == ".lock":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return open(path, *a, **k)

    monkeypatch.setattr(build, "open", other_users, raising=False)
    assert _build(corpus, out) == 2
    err = capsys.readouterr().err
    assert f"{out / '.lock'}: cannot open the build lock (Permission denied)" in err and "Traceback" not in err


@pytest.mark.parametrize("where", ["marker", "mkdtemp"])
def test_read_only_reports_folder_is_exit_2(tiny, monkeypatch, capsys, where):
    corpus, out = tiny
    out.mkdir()

    def read_only(*a, **k):
        raise OSError(errno.EROFS, "Read-only file system", str(out))

    if where == "marker":
        monkeypatch.setattr(build, "mark_output", read_only)
    else:
        (out / ".briefing-output").write_text("")
        monkeypatch.setattr(build.tempfile, "mkdtemp", read_only)
    assert _build(corpus, out) == 2
    err = capsys.readouterr().err
    assert f"{out}: cannot write in the reports folder (Read-only file system)" in err and "Traceback" not in err
    assert not (out / "latest").exists()


# --- item 9: killed builds and SIGTERM ----------------------------------------------------------

def test_folders_left_by_killed_builds_are_removed_at_the_next_start(tiny, capsys):
    corpus, out = tiny
    out.mkdir()
    (out / "2024-10-19").mkdir()         # the .old- copy was replaced by a complete 2024-10-19
    for name in (".build-2024-10-20-x1y2", ".old-2024-10-19-4242"):
        (out / name).mkdir()
        (out / name / "briefing.ipynb").write_text("{}")
    os.symlink("2024-10-19", out / ".latest-4242")
    assert _build(corpus, out, "--date", "2024-10-23") == 0
    err = capsys.readouterr().err
    assert "removed 3 folders left by an interrupted build" in err
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".briefing-output", ".cache", ".lock"]


def test_briefing_moved_aside_by_a_killed_build_is_put_back(tiny, capsys):
    corpus, out = tiny
    assert _build(corpus, out, "--date", "2024-10-23") == 0
    # killed between "2024-10-23 -> .old-2024-10-23-PID" and ".build-... -> 2024-10-23"
    os.rename(out / "2024-10-23", out / ".old-2024-10-23-4242")
    (out / ".build-2024-10-23-x1y2").mkdir()
    assert _build(corpus, out, "--date", "2024-10-23") == 0      # unchanged corpus: nothing to rebuild ...
    err = capsys.readouterr().err
    assert "restored 2024-10-23" in err and "nothing changed" in err
    assert (out / "2024-10-23" / "briefing.html").exists()       # ... and the briefing is back in place
    assert not [p for p in out.iterdir() if p.name.startswith((".old-", ".build-"))]


def test_sigterm_while_publishing_finishes_the_renames_first(tiny, monkeypatch, capsys):
    corpus, out = tiny
    assert _build(corpus, out, "--date", "2024-10-23") == 0
    real = build._publish

    def interrupted(tmp, out_, date, **kw):
        os.kill(os.getpid(), signal.SIGTERM)     # arrives between the renames
        return real(tmp, out_, date, **kw)

    monkeypatch.setattr(build, "_publish", interrupted)
    assert _build(corpus, out, "--date", "2024-10-23", "--force") == 143
    err = capsys.readouterr().err
    assert "stopped by SIGTERM" in err and "while publishing" in err
    assert (out / "2024-10-23" / "briefing.html").exists() and os.readlink(out / "latest") == "2024-10-23"
    assert not [p for p in out.iterdir() if p.name.startswith((".old-", ".build-"))]


def test_a_running_builds_folder_is_not_removed(tiny, monkeypatch):
    import fcntl

    corpus, out = tiny
    out.mkdir()
    (out / ".build-2024-10-23-live").mkdir()
    monkeypatch.setattr(build, "LOCK_TIMEOUT", 0.3)
    with open(out / ".lock", "a+") as holder:
        fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert _build(corpus, out) == 2
    assert (out / ".build-2024-10-23-live").is_dir()


SIGTERM_DRIVER = """
import sys
from pathlib import Path
from briefing import build
from briefing.cli import main
build.NOTEBOOK = Path(sys.argv[1])
sys.exit(main(["build", "--corpus", sys.argv[2], "--out", sys.argv[3], "--format", "html"]))
"""


def test_sigterm_logs_a_line_and_leaves_nothing_behind(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "reports"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    started = tmp_path / "kernel.pid"
    nb = _notebook(tmp_path / "slow.ipynb", f"import os, time\nopen({str(started)!r}, 'w').write(str(os.getpid()))\n"
                                            f"time.sleep(120)")
    proc = subprocess.Popen([sys.executable, "-c", SIGTERM_DRIVER, nb, corpus, out], stderr=subprocess.PIPE,
                            text=True, cwd=tmp_path)
    deadline = time.monotonic() + 120
    while not (started.exists() and started.read_text()) and time.monotonic() < deadline:
        time.sleep(0.1)
    kernel_pid = int(started.read_text())
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert "briefing build: stopped by SIGTERM" in err and "Traceback" not in err
    assert not [p for p in out.iterdir() if p.name.startswith(".build-")] and not (out / "latest").exists()
    for _ in range(50):            # the kernel is shut down with the build
        try:
            os.kill(kernel_pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"kernel {kernel_pid} still running")


# --- item 10: backdated --date, unknown actors, kernel noise -------------------------------------

def test_backdated_build_leaves_latest_on_the_newest_unless_asked(tiny, capsys):
    corpus, out = tiny
    assert _build(corpus, out, "--date", "2024-10-24") == 0
    assert _build(corpus, out, "--date", "2024-10-20", "--force") == 0
    assert os.readlink(out / "latest") == "2024-10-24" and (out / "2024-10-20" / "briefing.html").exists()
    assert "latest stays on the newer 2024-10-24 (--set-latest moves it)" in capsys.readouterr().err.replace(
        f"{out / 'latest'} stays", "latest stays")
    # the backdated briefing compares with what came before it, not with the newer one
    assert (out / "2024-10-20" / "previous.txt").read_text() == ""
    assert _build(corpus, out, "--date", "2024-10-22", "--force") == 0
    assert (out / "2024-10-22" / "previous.txt").read_text() == str((out / "2024-10-20" / "data").resolve())
    assert _build(corpus, out, "--date", "2024-10-20", "--force", "--set-latest") == 0
    assert os.readlink(out / "latest") == "2024-10-20"
    assert _build(corpus, out, "--date", "2024-10-25", "--force") == 0   # a newer date moves it as before
    assert os.readlink(out / "latest") == "2024-10-25"


def test_actor_matching_nobody_warns_with_the_closest_registry_names(tiny, capsys):
    corpus, out = tiny
    assert _build(corpus, out, "--actor", "Kim Jong Eun", "--actor", "Zelenskyy") == 0
    err = capsys.readouterr().err
    assert ("warning: --actor 'Kim Jong Eun' is not in the actor registry and matches no quote or figure in the "
            "corpus: nothing in the briefing comes from it; closest registry names: Kim Jong-un") in err
    assert "'Zelenskyy'" not in err     # a claimant in the corpus: no warning


def test_unmatched_actors_on_frames():
    import pandas as pd

    from briefing.selection import unmatched_actors

    figures = pd.DataFrame({"claimant": ["South Korea's spy agency"], "actor_id": ["nis"], "claim_date": [""]})
    quotes = pd.DataFrame({"speaker": ["John Kirby"], "actor_id": [""], "published": [""]})
    assert unmatched_actors(["spy agency", "Kirby"], quotes, figures) == []
    [w] = unmatched_actors(["Kim Jong-un"], quotes, figures)
    assert "'Kim Jong-un' is in the actor registry but matches no quote or figure" in w and "closest" not in w


def test_cron_log_has_no_kernel_noise_but_keeps_what_the_kernel_really_says(tmp_path, monkeypatch, capfd):
    body = "import sys\nprint('real kernel problem: disk almost full', file=sys.__stderr__, flush=True)"
    monkeypatch.setattr(build, "NOTEBOOK", _notebook(tmp_path / "nb.ipynb", body))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert _build(corpus, tmp_path / "reports") == 0
    time.sleep(0.5)   # the kernel's last lines come through a pipe
    err = capfd.readouterr().err
    assert "real kernel problem: disk almost full" in err
    assert "without encryption" not in err and "KeyboardInterrupt" not in err


def test_kernel_noise_filter_is_exact():
    from briefing.kernel import is_noise

    assert is_noise("[IPKernelApp] WARNING | Kernel is running over TCP without encryption. All communication")
    assert is_noise("[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel.")
    assert not is_noise("[IPKernelApp] ERROR | Exception in message handler:")
    assert not is_noise("KeyboardInterrupt")


def test_nbconvert_on_the_unexecuted_notebook_refuses_with_a_message(tmp_path):
    res = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "briefing_pdf",
                          str(ROOT / "notebooks" / "briefing.ipynb"), "--output-dir", str(tmp_path)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 2
    assert "briefing.ipynb has not been run" in res.stderr and "briefing build" in res.stderr
    assert "Traceback" not in res.stderr and not list(tmp_path.glob("*.pdf"))


def test_exporter_refuses_unexecuted_and_accepts_executed_notebooks():
    from nbformat.v4 import new_output

    from briefing.render import BriefingHTMLExporter, NotExecuted

    nb = new_notebook()
    nb.cells = [new_code_cell("x = 1")]
    with pytest.raises(NotExecuted, match="has not been run"):
        BriefingHTMLExporter().from_notebook_node(nb)
    nb.cells[0].outputs = [new_output("stream", text="ran")]
    body, _ = BriefingHTMLExporter().from_notebook_node(nb)
    assert "ran" in body
