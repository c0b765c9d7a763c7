"""The notebook kernel `briefing build` starts, with its stderr kept readable in a cron log.

The kernel inherits the build's stderr, and ipykernel logs two lines there on
every healthy run: "Kernel is running over TCP without encryption" (at start:
the kernel listens on localhost ports, which is what papermill always does) and
"KeyboardInterrupt caught in kernel" (at the end: jupyter_client interrupts a
kernel before asking it to shut down). A log that says something alarming every
morning teaches its reader to skip it. The kernel's stderr is therefore read
through a pipe and copied to ours line by line, minus exactly those lines;
anything else the kernel writes (a crash, a warning from a library) still
shows. Only `briefing build` uses this; papermill and JupyterLab are untouched.
"""
from __future__ import annotations

import re
import subprocess
import sys
import threading

from jupyter_client.manager import AsyncKernelManager

# Lines of ipykernel's own log that every successful run prints (see the module note).
NOISE = re.compile(r"Kernel is running over TCP without encryption|KeyboardInterrupt caught in kernel")


# Set when the build is being stopped (SIGTERM): the kernel is then shut down mid-cell and logs the
# tracebacks of its closing sockets, which say nothing about the briefing.
_stopping = threading.Event()


def is_noise(line: str) -> bool:
    return _stopping.is_set() or NOISE.search(line) is not None


def stopping() -> None:
    """Drop whatever the kernel writes from now on (the build is being stopped), and the tracebacks of
    the client's own threads (the heartbeat channel's socket closes under it): they say nothing about
    the briefing and would read as a crash after the clean "stopped by SIGTERM" line."""
    _stopping.set()
    previous = threading.excepthook

    def quiet(args):
        if not _stopping.is_set():
            previous(args)
    threading.excepthook = quiet


def _copy_stderr(pipe, sink=None) -> None:
    """Copy the kernel's stderr to ours (resolved at each write, so a redirected stderr is honoured)."""
    with pipe:
        for raw in iter(pipe.readline, b""):
            line = raw.decode("utf-8", errors="replace")
            if is_noise(line):
                continue
            out = sink or sys.stderr
            out.write(line)
            out.flush()


class QuietKernelManager(AsyncKernelManager):
    """An AsyncKernelManager (nbclient's default) whose kernel's stderr goes through `_copy_stderr`."""

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        kw["stderr"] = subprocess.PIPE
        await super()._async_launch_kernel(kernel_cmd, **kw)
        process = getattr(self.provisioner, "process", None)
        if process is not None and process.stderr is not None:
            threading.Thread(target=_copy_stderr, args=(process.stderr,), daemon=True,
                             name="kernel-stderr").start()
