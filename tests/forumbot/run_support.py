"""``forumbot run`` as an administrator starts it: a subprocess whose log
lines are collected as they come, with every wait bounded."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "bot.example.yaml"


# "at once": a process that must end does so within this. A hang detector,
# not a speed test: on this shared 2-core machine under load, start-up alone
# (imports, the language model) has taken over 10 s.
FATAL_WITHIN_S = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def python_m_forumbot() -> list[str]:
    """This interpreter running the forumbot command."""
    return [sys.executable, "-m", "forumbot"]


def quiet_environment(**extra: str) -> dict[str, str]:
    """This environment without any platform token or console secret."""
    env = {
        k: v for k, v in os.environ.items() if not k.endswith(("_TOKEN", "_SECRET")) and k != "PORT"
    }
    env.update(extra)
    return env


class Forumbot:
    """A running ``forumbot`` process; its stderr is read in the background."""

    def __init__(
        self,
        args: Sequence[str],
        cwd: Path,
        env: dict[str, str] | None = None,
        prefix: Sequence[str] = (),
        argv: Sequence[str] | None = None,
    ) -> None:
        """``python -m forumbot *args`` in ``cwd``; ``prefix`` runs it through
        another command (e.g. ``unshare``), which must exec it; ``argv``
        replaces the whole command line."""
        self.started_at = time.monotonic()
        self.process = subprocess.Popen(
            list(argv) if argv is not None else [*prefix, *python_m_forumbot(), *args],
            cwd=cwd,
            env=env if env is not None else quiet_environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    @property
    def log(self) -> str:
        with self._changed:
            return "".join(self.lines)

    def wait_for(self, text: str, timeout: float = 60) -> str:
        """The first log line holding ``text``; fails if the process ends first."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for line in self.lines:
                    if text in line:
                        return line
                left = deadline - time.monotonic()
                if left <= 0 or (self.process.poll() is not None and not self._reader.is_alive()):
                    raise AssertionError(
                        f"no log line with {text!r} (exit {self.process.poll()}); log:\n"
                        + "".join(self.lines)
                    )
                self._changed.wait(min(left, 0.5))

    def wait_exit(self, timeout: float) -> int:
        """The exit code, once the process has ended and its log is read."""
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"still running after {timeout}s; log:\n{self.log}") from None
        self._reader.join(5)
        return code

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15) -> int:
        self.process.send_signal(sig)
        return self.wait_exit(timeout)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self._reader.join(5)

    def __enter__(self) -> Forumbot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()
        if self.process.stdout is not None:
            self.process.stdout.close()
        if self.process.stderr is not None:
            self.process.stderr.close()
