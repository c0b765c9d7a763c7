"""Errors a user can fix: the CLI prints the message (no traceback) and exits 2."""


class UserError(Exception):
    """Bad input from the user: a missing folder, a malformed manifest row, a wrong parameter.

    The message names the file (and row) and says what to do.
    """

    exit_code = 2
