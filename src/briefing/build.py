"""`briefing build`: execute the briefing notebook with papermill and render it, all in this process.

    reports/
      .lock                  fcntl lock: one build at a time
      2024-10-23/            one folder per briefing date
        briefing.ipynb       the executed notebook
        briefing.html/.pdf   the rendered briefing (no code)
        escalation.csv/.svg/.png
        data/                the extracted tables (the next briefing's "previous")
        build.json           what this briefing was built from (the idempotence stamp)
      latest -> 2024-10-23   symlink, switched atomically

A briefing is built in a temporary folder under reports/ and renamed into
place only when every cell ran and every format rendered, so a failed run
never replaces or half-overwrites the previous briefing.
"""
from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .resources import data_dir
from .errors import UserError
from .params import parse_date, parse_formats, validate

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "briefing.ipynb"
STAMP = "build.json"
# How long a second scheduled run waits for the first before giving up (seconds).
LOCK_TIMEOUT = float(os.environ.get("BRIEFING_LOCK_TIMEOUT", "600"))


class BuildFailed(UserError):
    """A cell failed or rendering failed; the previous briefing is untouched."""

    exit_code = 1


def _say(msg: str) -> None:
    print(f"briefing build: {msg}", file=sys.stderr)


def corpus_hash(folder: Path) -> str:
    """sha256 over every file's relative path and bytes (hidden files and folders skipped)."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        h.update(str(rel).encode("utf-8") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def rules_hash() -> str:
    """sha256 over what turns a corpus into a briefing besides the notebook: the package's code
    and templates, and the editable data files (actors.csv, word lists). An analyst who adds an
    actor or fixes a pattern gets a new briefing the next morning, not "nothing changed"."""
    h = hashlib.sha256()
    pkg = Path(__file__).resolve().parent
    files = [p for p in pkg.rglob("*") if p.suffix in (".py", ".j2", ".css", ".json")]
    files += [p for p in data_dir().glob("*") if p.suffix in (".csv", ".tsv", ".txt")]
    for path in sorted(files):
        h.update(path.name.encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


@contextmanager
def build_lock(out: Path, timeout: float | None = None):
    """Hold an exclusive fcntl lock on out/.lock, waiting at most `timeout` seconds."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    path = out / ".lock"
    fh = open(path, "a+")
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "another process"
                    raise UserError(f"{path}: another briefing build is running ({holder}); gave up after "
                                    f"{timeout:g} s. Try again when it has finished "
                                    f"(BRIEFING_LOCK_TIMEOUT sets the wait)") from None
                time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} since {dt.datetime.now().isoformat(timespec='seconds')}\n")
        fh.flush()
        yield
    finally:
        try:
            fcntl.flock(fh, fcntl.LOCK_UN)
        finally:
            fh.close()


def _latest(out: Path) -> tuple[Path | None, dict]:
    link = out / "latest"
    if not link.exists():
        return None, {}
    target = link.resolve()
    try:
        return target, json.loads((target / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return target, {}


def _publish(tmp: Path, out: Path, date: str) -> Path:
    """Rename the finished build into out/date (replacing an older build of that date), then switch latest."""
    final = out / date
    old = None
    if final.exists():
        old = out / f".old-{date}-{os.getpid()}"
        os.rename(final, old)
    os.rename(tmp, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    link = out / "latest"
    if link.exists() and not link.is_symlink():
        raise UserError(f"{link}: exists and is not a symlink; remove it so `latest` can point at {final}")
    tmp_link = out / f".latest-{os.getpid()}"
    if tmp_link.is_symlink():
        tmp_link.unlink()
    os.symlink(date, tmp_link)
    os.replace(tmp_link, link)
    return final


def _skip_iri_grammar() -> None:
    """Keep jsonschema from importing rfc3987_syntax in this process.

    jsonschema (via nbformat) imports it, when installed, to check the "iri" string format,
    and it compiles a Lark grammar at import: ~3 s of a ~10 s build. The notebook schema
    has no "iri" fields, so nothing we validate changes; other processes are unaffected.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def _execute(params: dict, tmp: Path):
    _skip_iri_grammar()
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    try:
        return pm.execute_notebook(str(NOTEBOOK), str(tmp / "briefing.ipynb"), parameters=params,
                                   kernel_name="python3", progress_bar=False, cwd=os.getcwd(),
                                   log_output=False)
    except PapermillExecutionError as exc:
        where = f"cell {exc.cell_index}" + (f" (execution count {exc.exec_count})" if exc.exec_count else "")
        evalue = str(exc.evalue).strip().splitlines()[0] if str(exc.evalue).strip() else ""
        if exc.ename == "UserError":
            raise UserError(evalue) from None
        raise BuildFailed(f"{NOTEBOOK.name} {where} failed: {exc.ename}: {evalue}. "
                          f"The executed notebook is kept in {tmp.parent / '.failed'}; the previous briefing is unchanged") from None


def _warm_up() -> None:
    """Import the renderers and load WeasyPrint's fonts while the kernel runs (the parent only waits)."""
    try:
        from weasyprint import HTML

        from . import render  # noqa: F401
        HTML(string="<p>warm-up</p>").write_pdf()
    except Exception:  # noqa: BLE001 - the real render reports any problem
        pass


CACHE = ".cache"  # reports/.cache: the per-article extraction cache every day's build reuses


def _extract(corpus: Path, tmp: Path, out: Path, workers: int | None, scheduler: str | None) -> Path:
    """Extract the corpus into tmp/data before the kernel starts, reusing reports/.cache/ (only new or
    changed articles are read and extracted), in parallel.

    In a child process: an archive's extraction holds hundreds of megabytes the briefing does not
    need, and a finished process gives all of them back before the kernel loads the tables. The
    texts stay in the cache, not in each day's data/ folder (a copy of the archive's text a day)."""
    import subprocess

    data = tmp / "data"
    cmd = [sys.executable, "-m", "briefing", "extract", str(corpus), "--out", str(data), "--cache", str(out / CACHE),
           "--no-texts"]
    if workers:
        cmd += ["--workers", str(workers)]
    if scheduler:
        cmd += ["--scheduler", scheduler]
    env = {**os.environ, "TQDM_DISABLE": "1"}  # a cron log wants the warnings, not progress bars
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, env=env)
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    for ln in lines[:-1] if proc.returncode else lines:
        print(ln, file=sys.stderr)
    if proc.returncode == 2:
        msg = lines[-1] if lines else "extraction refused the corpus"
        raise UserError(msg.split("error: ", 1)[-1])
    if proc.returncode:
        raise BuildFailed(f"extracting {corpus} failed (exit {proc.returncode}): "
                          f"{lines[-1] if lines else 'no message'}; the previous briefing is unchanged")
    return data


def run_build(args) -> int:
    t0 = time.perf_counter()
    formats = parse_formats(getattr(args, "format", "html,pdf"))
    date = parse_date(getattr(args, "date", "") or "", "--date") or dt.date.today().isoformat()
    corpus = Path(args.corpus)
    params = validate({"corpus": str(corpus), "since": args.since or "", "until": args.until or "",
                       "actors": list(args.actor or []), "title": args.title or "",
                       **{k: getattr(args, k) for k in ("window", "max_rows", "per_claimant", "per_speaker",
                                                        "max_groups") if getattr(args, k, None) is not None}})
    workers = getattr(args, "workers", None)
    if workers is not None and workers < 1:
        raise UserError(f"--workers {workers}: give at least 1 (default: the number of cores)")
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{out}: cannot create the reports folder ({exc.strerror}); choose another --out")
    if not NOTEBOOK.exists():
        raise UserError(f"{NOTEBOOK}: briefing notebook not found; is the package installed from the repository?")

    with build_lock(out):
        stamp = {
            "corpus_sha256": corpus_hash(corpus),
            "params": {k: v for k, v in params.items() if k not in ("previous", "out_dir", "extracted")},
            "formats": formats,
            "version": __version__,
            "notebook_sha256": hashlib.sha256(NOTEBOOK.read_bytes()).hexdigest(),
            "rules_sha256": rules_hash(),
        }
        latest, latest_info = _latest(out)
        if latest is not None and latest_info.get("stamp") == stamp and not args.force:
            _say(f"nothing changed since {latest} (same corpus, parameters, code and data files); not rebuilt. "
                 f"Use --force to rebuild")
            return 0
        previous = ""
        if latest is not None:
            if latest.name != date and (latest / "data").is_dir():
                previous = str((latest / "data").resolve())
            else:  # rebuilding today's briefing: compare with what today's compared with
                previous = latest_info.get("previous", "")
                previous = previous if previous and Path(previous).is_dir() else ""
        tmp = Path(tempfile.mkdtemp(prefix=f".build-{date}-", dir=out))
        tmp.chmod(0o755)  # mkdtemp's 0700 would make the published briefing private
        try:
            data = _extract(corpus, tmp, out, workers, getattr(args, "scheduler", None))
            nb_params = {**params, "corpus": str(corpus), "previous": previous, "out_dir": str(tmp.resolve()),
                         "extracted": str(data.resolve())}
            warm = threading.Thread(target=_warm_up, daemon=True)
            if "pdf" in formats:
                warm.start()
            nb = _execute(nb_params, tmp)
            if warm.is_alive():
                warm.join()
            from .render import render
            nb.metadata["title"] = params["title"]
            try:
                written = render(nb, formats, tmp)
            except Exception as exc:  # noqa: BLE001 - any renderer failure leaves the old briefing
                raise BuildFailed(f"rendering {', '.join(formats)} failed ({type(exc).__name__}: {exc}); "
                                  f"the previous briefing is unchanged") from exc
            (tmp / STAMP).write_text(json.dumps({
                "stamp": stamp, "previous": previous, "date": date,
                "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            }, indent=2), encoding="utf-8")
            final = _publish(tmp, out, date)
        except BuildFailed:
            # Keep the failed run for inspection, in one fixed place so failures do not pile up.
            failed = out / ".failed"
            shutil.rmtree(failed, ignore_errors=True)
            if tmp.exists():
                os.rename(tmp, failed)
            raise
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    names = ", ".join(str(final / p.name) for p in written.values())
    _say(f"wrote {names} in {time.perf_counter() - t0:.1f} s; {out / 'latest'} -> {final.name}")
    return 0
