"""The one exception type for user-facing failures.

Raise `IgkitError` with a one-paragraph message that says what is wrong, where, and how to
fix it. The CLI prints it without a traceback and exits with `exit_code` (2 by default:
usage or set-up problem).
"""

from __future__ import annotations


class IgkitError(Exception):
    exit_code = 2

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code
