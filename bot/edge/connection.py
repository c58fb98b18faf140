"""Whether each platform's adapter is connected, for operators: ``/healthz``
and ``/metrics`` show it, so a platform that cannot be reached does not look
healthy. Adapters report; nothing in the core depends on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass
class Connection:
    """One platform's link. ``problem`` names only the kind of failure (an
    exception's type): it is shown to anyone who can read ``/healthz``, so it
    never carries a message text, which could hold a URL with a token."""

    platform: str
    connected: bool = False
    since: datetime | None = None  # when it last changed
    problem: str = "not connected yet"

    def up(self) -> None:
        if not self.connected:
            self.connected, self.since, self.problem = True, datetime.now(UTC), ""

    def down(self, error: BaseException | str) -> None:
        problem = error if isinstance(error, str) else _kind(error)
        if self.connected or self.since is None:
            self.since = datetime.now(UTC)
        self.connected, self.problem = False, problem

    def describe(self) -> str:
        """``connected``, or ``not connected since <UTC>: <kind>``."""
        if self.connected:
            return "connected"
        since = f" since {self.since.isoformat(timespec='seconds')}" if self.since else ""
        return f"not connected{since}: {self.problem}"


def _kind(error: BaseException) -> str:
    """``NetworkError (ConnectError)``: the error's type, and its cause's."""
    cause = error.__cause__ or error.__context__
    if cause is not None and type(cause) is not type(error):
        return f"{type(error).__name__} ({type(cause).__name__})"
    return type(error).__name__
