"""Errors a user can fix: the CLI prints the message (no traceback) and exits 2."""


class UserError(Exception):
    """Bad input from the user: a missing folder, a malformed manifest row, a wrong parameter.

    The message names the file (and row) and says what to do.
    """

    exit_code = 2


class OutputError(UserError):
    """An output folder that cannot be written. Exit 2 when another --out fixes it (read-only,
    permission denied, not a folder); exit 1 when the disk failed (full, I/O error)."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


class Terminated(BaseException):
    """SIGTERM (systemd stopping the service, `kill`) during a build: unwinds like Ctrl-C, so the
    temporary build folder is removed and the kernel shut down; the CLI exits 143 (128 + 15)."""

    exit_code = 143
