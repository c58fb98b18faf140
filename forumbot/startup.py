"""The checks ``forumbot run`` makes before it serves anyone, each failing
with one plain line that names the cause and the fix (``StartupFailure``):
the installation's own files, the database's place on disk and one process
per database. (The web port's line is the web adapter's own:
``adapters.web.adapter.port_problem``.)

One process per database: ``forumbot run`` holds an exclusive ``flock`` on
``<database>.lock`` (filelock) for as long as it runs. The kernel drops the
lock when the process ends however it ends, so a lock left by a killed
process never blocks a restart. A second process refuses to start (see
docs/decisions.md, "One process per database")."""

from __future__ import annotations

import errno
import os
import sqlite3
from importlib import resources
from pathlib import Path
from types import TracebackType

import filelock

from bot.edge.startup import StartupFailure
from bot.safeguarding import triage
from bot.safeguarding.redaction import lexicon as name_lists
from bot.store.schema import MIGRATIONS

MEMORY = ":memory:"

# Files read at run time, by package: a copy of the code without them (an
# install that left its data files out) is refused at once.
NEEDED_FILES: dict[str, tuple[str, ...]] = {
    "adapters.web": ("templates/base.html", "templates/error.html", "static/site.css"),
    "adapters.email": ("templates/message.html", "templates/message.txt", "templates/_page.html"),
    "config.messages": ("en.yaml",),
    "bot.safeguarding.triage": tuple(f"data/{name}" for name in triage.FILES),
    "bot.safeguarding.redaction": tuple(f"data/{name}" for name in name_lists.FILES),
}


def check_installation() -> None:
    """Raise StartupFailure if a file forumbot reads at run time is missing,
    or if the triage's word lists cannot be used (they are loaded here, and
    the redaction's name lists too)."""
    for package, names in NEEDED_FILES.items():
        folder = resources.files(package)
        for name in names:
            if not folder.joinpath(name).is_file():
                where = f"{package.replace('.', '/')}/{name}"
                raise StartupFailure(
                    f"this installation of forumbot has no {where}: reinstall it with "
                    "pip install . from the source folder (a copy of the modules alone "
                    "leaves the templates and messages out)"
                )
    name_lists.load()  # the redaction's name lists, read once, here
    try:  # the triage's word lists, read and compiled once, here
        triage.load()
    except triage.TriageDataError as error:
        raise StartupFailure(
            f"the emergency triage cannot use bot/safeguarding/triage/data/{error}: correct "
            "the file (docs/safeguarding.md, Changing the word lists) or reinstall forumbot"
        ) from None


def _folder_of(database: str) -> Path:
    return Path(database).resolve().parent


def check_database_place(database: str) -> None:
    """Raise StartupFailure if the database cannot live at ``database``."""
    if database == MEMORY:
        return
    path = Path(database)
    folder = _folder_of(database)
    if path.is_dir():
        raise StartupFailure(
            f"database {database} is a folder: set database: to a file in it, "
            f"e.g. {path / 'forumbot.sqlite3'}"
        )
    if folder.exists() and not folder.is_dir():
        raise StartupFailure(
            f"database {database}: {folder} is a file, not a folder: set database: to a "
            "file in a folder"
        )
    if not folder.is_dir():
        raise StartupFailure(
            f"database {database}: the folder {folder} does not exist: create it, "
            "or set database: to a file in an existing folder"
        )


def cannot_write(database: str, error: OSError | sqlite3.Error) -> StartupFailure:
    """The plain line for a database that cannot be opened or written."""
    folder = _folder_of(database)
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        code = error.errno
    else:
        reason = str(error)
        code = None
    if code == errno.EROFS or "read-only" in reason.lower() or "readonly" in reason.lower():
        return StartupFailure(
            f"database {database} cannot be written: {folder} is on a read-only file system "
            "or the file is read-only: set database: to a writable place, "
            "e.g. /var/lib/forumbot/forumbot.sqlite3"
        )
    if code in (errno.EACCES, errno.EPERM) or "permission" in reason.lower():
        return StartupFailure(
            f"database {database} cannot be written (permission denied): let the user "
            f"running forumbot write to {folder} and the file, or set database:"
        )
    if code == errno.ENOENT:
        return StartupFailure(
            f"database {database} cannot be created: no file can be made in {folder}: "
            "set database: to a writable place, e.g. /var/lib/forumbot/forumbot.sqlite3"
        )
    if "not a database" in reason or "malformed" in reason:
        return StartupFailure(
            f"database {database} is not a forumbot database or is damaged ({reason}): "
            "restore it from a backup, or set database: to a new file"
        )
    return StartupFailure(
        f"database {database} cannot be opened ({reason}): check the disk and the "
        "permissions of the file and its folder, or set database:"
    )


def newer_schema(database: str, found: int) -> StartupFailure:
    return StartupFailure(
        f"database {database} was written by a newer forumbot (schema {found}; this one "
        f"knows up to {len(MIGRATIONS)}): run the newer forumbot, or restore a backup"
    )


class InstanceLock:
    """Held for as long as ``forumbot run`` serves a database::

    with InstanceLock("forumbot.sqlite3"):   # StartupFailure if held elsewhere
        ...
    """

    def __init__(self, database: str) -> None:
        self.database = database
        self.path = f"{database}.lock"
        self._lock: filelock.BaseFileLock | None = None

    def __enter__(self) -> InstanceLock:
        if self.database == MEMORY:
            return self
        try:  # a place where no file can be made is not "another forumbot"
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644))
        except OSError as error:
            raise cannot_write(self.database, error) from None
        lock = filelock.FileLock(self.path, timeout=0, fallback_to_soft=False)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise StartupFailure(
                f"another forumbot is already running on the database {self.database} "
                f"(it holds {self.path}): stop it first, or set database: to another file "
                "for this one"
            ) from None
        except OSError as error:
            raise cannot_write(self.database, error) from None
        self._lock = lock
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
