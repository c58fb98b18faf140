"""What stops forumbot from starting."""

from __future__ import annotations


class StartupFailure(Exception):
    """forumbot cannot start as configured. ``str(error)`` is one plain line
    for the administrator: the cause, then what to do about it, e.g.
    ``web port 8080 is in use: set web.port or run with --web-port``.

    Raised by the composition root and by adapters (a platform that refuses
    its token); the command line prints it and ends with exit status 1."""
