"""`briefing build`: execute the briefing notebook with papermill and render it, all in this process.

    reports/
      .lock                  fcntl lock: one build at a time
      .briefing-output       marks the folder as ours: never read or hashed as part of a corpus
      2024-10-23/            one folder per briefing date
        briefing.ipynb       the executed notebook
        briefing.html/.pdf   the rendered briefing (no code)
        escalation.csv/.svg/.png
        data/                the extracted tables (the next briefing's "previous")
        build.json           what this briefing was built from (the idempotence stamp)
      latest -> 2024-10-23   symlink, switched atomically, only ever to the newest date (or --set-latest)

A briefing is built in a temporary folder under reports/ and renamed into
place only when every cell ran and every format rendered, so a failed run
never replaces or half-overwrites the previous briefing. What a killed build
leaves (.build-*, .old-*) is cleaned up by the next one, under the lock; SIGTERM
unwinds the build with a log line.
"""
from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .resources import data_dir
from .errors import Terminated, UserError
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


def corpus_hash(folder: Path, warn=None) -> str:
    """sha256 over what the reader would read: each article file's relative path and bytes, and the
    folder's sources.csv. Files the reader skips by name (a video, hidden files, our own reports
    folder) are not even opened; files are streamed, so a huge one costs no memory. A file that
    cannot be read is hashed as such and passed to `warn`, as extract skips it with a warning."""
    from .reader import MANIFEST_NAME, SUFFIXES, discover

    h = hashlib.sha256()
    files = [p for p in discover([folder]) if p.suffix.lower() in SUFFIXES]
    if (folder / MANIFEST_NAME).is_file():
        files.append(folder / MANIFEST_NAME)
    for path in files:
        h.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape") + b"\0")
        try:
            h.update(_file_sha256(path))
        except OSError as exc:
            h.update(b"unreadable\0")
            if warn:
                warn(f"warning: {path}: skipped, cannot read ({exc.strerror or exc})")
    return h.hexdigest()


def _file_sha256(path: Path, chunk: int = 1 << 20) -> bytes:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.digest()


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
    try:
        fh = open(path, "a+")
    except OSError as exc:
        raise UserError(f"{path}: cannot open the build lock ({exc.strerror or exc}); it may belong to another "
                        f"user: run as that user, remove the file, or choose another --out") from None
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


def _dated(out: Path) -> list[Path]:
    """The published briefings (out/YYYY-MM-DD folders), oldest first."""
    found = []
    for p in out.iterdir():
        if p.is_dir() and not p.is_symlink() and len(p.name) == 10:
            try:
                dt.date.fromisoformat(p.name)
            except ValueError:
                continue
            found.append(p)
    return sorted(found)


def _previous(out: Path, date: str) -> str:
    """Data of the newest briefing dated before `date`, for "what changed" ('' when there is none).

    Before `date`, not `latest`: a rebuild of today compares with yesterday, not with itself, and a
    backdated build compares with what came before it, not with a newer briefing.
    """
    for p in reversed(_dated(out)):
        if p.name < date and (p / "data").is_dir():
            return str((p / "data").resolve())
    return ""


def _clean_stale(out: Path) -> tuple[list[str], list[str]]:
    """Remove what killed builds left (temporary build folders, half-switched links), and put back a
    briefing a build was killed in the middle of replacing. Called with the lock held: no other build
    is alive, so none of these is in use. Returns (removed, restored) names."""
    removed, restored = [], []
    for p in sorted(out.iterdir()):
        date = p.name[len(".old-"):len(".old-") + 10]
        if p.name.startswith(".old-") and p.is_dir() and _is_date(date) and not (out / date).exists():
            os.rename(p, out / date)   # killed between _publish's two renames: the old briefing goes back
            restored.append(date)
            continue
        if p.name.startswith((".build-", ".old-")) and p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p.name)
        elif p.name.startswith(".latest-") and p.is_symlink():
            p.unlink()
            removed.append(p.name)
    return removed, restored


def _publish(tmp: Path, out: Path, date: str, set_latest: bool = False) -> tuple[Path, bool]:
    """Rename the finished build into out/date (replacing an older build of that date), then switch
    latest to it, unless latest shows a newer briefing and `set_latest` is not given. Returns the
    folder and whether latest now points at it."""
    final = out / date
    link = out / "latest"
    if link.exists() and not link.is_symlink():
        raise UserError(f"{link}: exists and is not a symlink; remove it so `latest` can point at {final}")
    old = None
    if final.exists():
        old = out / f".old-{date}-{os.getpid()}"
        os.rename(final, old)
    os.rename(tmp, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    current = os.readlink(link) if link.is_symlink() else ""
    if current and current > date and _is_date(current) and (out / current).is_dir() and not set_latest:
        return final, False
    tmp_link = out / f".latest-{os.getpid()}"
    if tmp_link.is_symlink():
        tmp_link.unlink()
    os.symlink(date, tmp_link)
    os.replace(tmp_link, link)
    return final, True


def _is_date(name: str) -> bool:
    try:
        dt.date.fromisoformat(name)
        return len(name) == 10
    except ValueError:
        return False


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

    from .kernel import QuietKernelManager

    try:
        return pm.execute_notebook(str(NOTEBOOK), str(tmp / "briefing.ipynb"), parameters=params,
                                   kernel_name="python3", progress_bar=False, cwd=os.getcwd(),
                                   log_output=False, kernel_manager_class=QuietKernelManager)
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


def mark_output(folder: Path) -> None:
    """Mark `folder` as ours, so a reports folder kept inside the corpus is neither read as articles
    nor hashed (see reader.OUTPUT_MARKER)."""
    from .reader import OUTPUT_MARKER

    marker = folder / OUTPUT_MARKER
    if not marker.exists():
        marker.write_text("Written by `briefing build`: the article reader skips this folder.\n", encoding="utf-8")


_publishing = threading.Event()
_term_pending = threading.Event()


@contextmanager
def _log_sigterm():
    """Log a line when SIGTERM arrives and unwind the build (Python's default is to die silently)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        if _publishing.is_set():
            # Between the renames of _publish the date's folder is briefly absent: finish them first.
            _term_pending.set()
            return
        if "briefing.kernel" in sys.modules:
            sys.modules["briefing.kernel"].stopping()
        _say(f"stopped by SIGTERM (pid {os.getpid()}); the previous briefing and `latest` are unchanged")
        raise Terminated()

    before = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def run_build(args) -> int:
    with _log_sigterm():
        return _run_build(args)


def _run_build(args) -> int:
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
        mark_output(out)
    except OSError as exc:
        raise UserError(f"{out}: cannot write in the reports folder ({exc.strerror or exc}); "
                        f"choose another --out or fix its permissions") from None
    if not NOTEBOOK.exists():
        raise UserError(f"{NOTEBOOK}: briefing notebook not found; is the package installed from the repository?")

    with build_lock(out):
        stale, restored = _clean_stale(out)
        if restored:
            _say(f"restored {', '.join(restored)}, which an interrupted build had moved aside")
        if stale:
            _say(f"removed {len(stale)} folder{'s' * (len(stale) != 1)} left by an interrupted build: "
                 + ", ".join(stale))
        stamp = {
            "corpus_sha256": corpus_hash(corpus, warn=lambda line: print(line, file=sys.stderr)),
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
        previous = _previous(out, date)
        try:
            tmp = Path(tempfile.mkdtemp(prefix=f".build-{date}-", dir=out))
            tmp.chmod(0o755)  # mkdtemp's 0700 would make the published briefing private
            mark_output(tmp)
        except OSError as exc:
            raise UserError(f"{out}: cannot write in the reports folder ({exc.strerror or exc}); "
                            f"choose another --out or fix its permissions") from None
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
                (tmp / STAMP).write_text(json.dumps({
                    "stamp": stamp, "previous": previous, "date": date,
                    "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                }, indent=2), encoding="utf-8")
            except Exception as exc:  # noqa: BLE001 - any renderer failure leaves the old briefing
                raise BuildFailed(f"rendering {', '.join(formats)} failed ({_reason(exc)}); "
                                  f"the previous briefing is unchanged") from exc
            actor_warnings = _actor_warnings(params, tmp / "data")
            _publishing.set()
            try:
                final, moved = _publish(tmp, out, date, set_latest=getattr(args, "set_latest", False))
            except OSError as exc:
                raise BuildFailed(f"publishing the briefing in {out} failed ({_reason(exc)}); "
                                  f"the previous briefing is unchanged") from None
            finally:
                _publishing.clear()
            if _term_pending.is_set():
                _term_pending.clear()
                _say(f"stopped by SIGTERM (pid {os.getpid()}) while publishing; {final} is complete and in place")
                raise Terminated()
        except BuildFailed:
            # Keep the failed run for inspection, in one fixed place so failures do not pile up.
            failed = out / ".failed"
            shutil.rmtree(failed, ignore_errors=True)
            if tmp.exists():
                try:
                    os.rename(tmp, failed)
                except OSError:
                    shutil.rmtree(tmp, ignore_errors=True)
            raise
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    for line in actor_warnings:
        print(line, file=sys.stderr)
    names = ", ".join(str(final / p.name) for p in written.values())
    if moved:
        _say(f"wrote {names} in {time.perf_counter() - t0:.1f} s; {out / 'latest'} -> {final.name}")
    else:
        _say(f"wrote {names} in {time.perf_counter() - t0:.1f} s; {out / 'latest'} stays on the newer "
             f"{os.readlink(out / 'latest')} (--set-latest moves it)")
    return 0


def _reason(exc: BaseException) -> str:
    """'No space left on device' for a disk error, 'Type: message' for anything else."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}"


def _actor_warnings(params: dict, data: Path) -> list[str]:
    """Warnings for --actor names that match no quote or figure of the corpus (the briefing is empty
    for them), each with the closest names in the actor registry."""
    if not params.get("actors") or not data.is_dir():
        return []
    from .pipeline import load_tables
    from .selection import unmatched_actors

    try:
        tables = load_tables(data)
    except (UserError, OSError, ValueError):
        return []
    return [f"briefing build: warning: {w}" for w in unmatched_actors(params["actors"], tables.quotes, tables.figures)]
