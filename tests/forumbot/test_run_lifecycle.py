"""``forumbot run`` as an administrator meets it: what it says when it starts,
a fatal start-up problem ending it at once with one plain line, SIGTERM and
SIGINT stopping it cleanly, and one process per database."""

from __future__ import annotations

import signal
import socket
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.forumbot.run_support import (
    EXAMPLE,
    FATAL_WITHIN_S,
    ROOT,
    Forumbot,
    free_port,
    python_m_forumbot,
    quiet_environment,
)

pytestmark = pytest.mark.timeout(120)


def example_with(tmp_path: Path, **changes: object) -> Path:
    """bot.example.yaml with some top-level keys changed, written to tmp_path."""
    config = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    config.update(changes)
    path = tmp_path / "bot.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def run_args(config: Path, port: int) -> list[str]:
    return ["run", "--config", str(config), "--web-port", str(port)]


def assert_fatal(bot: Forumbot, line: str) -> None:
    """Ended with exit 1, the last line is exactly ``forumbot: <line>``, no traceback."""
    code = bot.wait_exit(FATAL_WITHIN_S)
    assert code == 1, bot.log
    last = bot.log.strip().splitlines()[-1]
    assert last == f"forumbot: {line}", bot.log
    assert "Traceback" not in bot.log
    assert "forumbot running" not in bot.log


def get(port: int, path: str = "/") -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as answer:
        return int(answer.status)


def test_start_up_log_says_what_was_loaded_what_is_on_and_who_can_sign_in(
    tmp_path: Path,
) -> None:
    port = free_port()
    env = quiet_environment(FORUMBOT_STAFF_SECRET="a long shared phrase for the duty team")
    with Forumbot(run_args(EXAMPLE, port), cwd=tmp_path, env=env) as bot:
        bot.wait_for("forumbot running")
        assert f"configuration: loaded {EXAMPLE}" in bot.log
        assert "telegram off: TELEGRAM_BOT_TOKEN is not set" in bot.log
        assert "discord off: DISCORD_BOT_TOKEN is not set" in bot.log
        assert f"web on http://127.0.0.1:{port}" in bot.log
        assert "console: officers sign in with the shared secret in FORUMBOT_STAFF_SECRET" in (
            bot.log
        )
        assert "a long shared phrase" not in bot.log
        assert bot.stop() == 0

    # No configuration file at all: the built-in example settings, said so.
    with Forumbot(["run", "--web-port", str(port)], cwd=tmp_path) as bot:
        bot.wait_for("forumbot running")
        assert "configuration: built-in example settings (no --config given and no ./bot.yaml)" in (
            bot.log
        )
        assert "console: nobody can sign in (no web.staff_accounts, and FORUMBOT_STAFF_SECRET" in (
            bot.log
        )
        assert bot.stop() == 0


@pytest.mark.parametrize(
    "sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=["SIGTERM", "SIGINT", "SIGHUP"]
)
def test_a_signal_stops_it_cleanly_and_the_database_is_whole(tmp_path: Path, sig: int) -> None:
    port = free_port()
    with Forumbot(run_args(EXAMPLE, port), cwd=tmp_path) as bot:
        bot.wait_for("forumbot running")
        assert get(port) == 200
        asked = time.monotonic()
        code = bot.stop(sig, timeout=10)
        took = time.monotonic() - asked
    assert code == 0, bot.log
    assert took < 10
    assert "forumbot stopped" in bot.log
    if sig == signal.SIGHUP:  # no reload: said so, and stopped cleanly for a restart
        assert "SIGHUP: the configuration is read only at start; stopping cleanly" in bot.log
    assert "Traceback" not in bot.log
    with sqlite3.connect(tmp_path / "forumbot.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT COUNT(*) FROM outbox WHERE state = 'sending'").fetchone() == (0,)


def test_a_signal_while_starting_stops_it_cleanly(tmp_path: Path) -> None:
    port = free_port()
    with Forumbot(run_args(EXAMPLE, port), cwd=tmp_path) as bot:
        bot.wait_for("configuration: loaded")
        assert bot.stop(signal.SIGTERM, timeout=FATAL_WITHIN_S) == 0, bot.log
    assert "Traceback" not in bot.log


def test_web_port_in_use(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        with Forumbot(run_args(EXAMPLE, port), cwd=tmp_path) as bot:
            assert_fatal(bot, f"web port {port} is in use: set web.port or run with --web-port")
    # Nothing is left holding the database: the next start works.
    with Forumbot(run_args(EXAMPLE, free_port()), cwd=tmp_path) as bot:
        bot.wait_for("forumbot running")
        assert bot.stop() == 0


def test_database_in_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    config = example_with(tmp_path, database="no-such-folder/forumbot.sqlite3")
    with Forumbot(run_args(config, free_port()), cwd=tmp_path) as bot:
        assert_fatal(
            bot,
            "database no-such-folder/forumbot.sqlite3: the folder "
            f"{tmp_path / 'no-such-folder'} does not exist: create it, or set database: to a "
            "file in an existing folder",
        )
    assert not (tmp_path / "no-such-folder").exists()


def test_database_that_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    config = example_with(tmp_path, database="data")
    with Forumbot(run_args(config, free_port()), cwd=tmp_path) as bot:
        assert_fatal(
            bot,
            "database data is a folder: set database: to a file in it, e.g. data/forumbot.sqlite3",
        )


def test_database_in_a_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("not a folder\n")
    config = example_with(tmp_path, database="notes/forumbot.sqlite3")
    with Forumbot(run_args(config, free_port()), cwd=tmp_path) as bot:
        assert_fatal(
            bot,
            f"database notes/forumbot.sqlite3: {tmp_path / 'notes'} is a file, not a folder: "
            "set database: to a file in a folder",
        )


def test_database_where_no_file_can_be_made(tmp_path: Path) -> None:
    config = example_with(tmp_path, database="/proc/forumbot.sqlite3")
    with Forumbot(run_args(config, free_port()), cwd=tmp_path) as bot:
        assert_fatal(
            bot,
            "database /proc/forumbot.sqlite3 cannot be created: no file can be made in /proc: "
            "set database: to a writable place, e.g. /var/lib/forumbot/forumbot.sqlite3",
        )


def test_nothing_to_serve(tmp_path: Path) -> None:
    """No token and the web side off: nobody could reach the forum."""
    config = example_with(tmp_path, web={"enabled": False})
    with Forumbot(["run", "--config", str(config)], cwd=tmp_path) as bot:
        assert_fatal(
            bot,
            "nothing to serve: no platform is on (TELEGRAM_BOT_TOKEN, DISCORD_BOT_TOKEN and "
            "FACEBOOK_PAGE_TOKEN are not set) and web.enabled is false and platforms.email.host "
            "is not set: set a platform's token, or turn the web side on",
        )
    assert not (tmp_path / "forumbot.sqlite3").exists()


def test_database_that_is_not_a_database(tmp_path: Path) -> None:
    (tmp_path / "forumbot.sqlite3").write_bytes(
        b"these are minutes of a meeting, not SQLite\n" * 50
    )
    with Forumbot(run_args(EXAMPLE, free_port()), cwd=tmp_path) as bot:
        assert_fatal(
            bot,
            "database forumbot.sqlite3 is not a forumbot database or is damaged (file is not a "
            "database): restore it from a backup, or set database: to a new file",
        )


def test_database_written_by_a_newer_forumbot(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "forumbot.sqlite3") as db:
        db.execute("PRAGMA user_version = 99")
    with Forumbot(run_args(EXAMPLE, free_port()), cwd=tmp_path) as bot:
        code = bot.wait_exit(FATAL_WITHIN_S)
    assert code == 1
    assert "forumbot: database forumbot.sqlite3 was written by a newer forumbot (schema 99;" in (
        bot.log
    )
    assert "Traceback" not in bot.log


READ_ONLY_LINE = (
    "database {path} cannot be written: {folder} is on a read-only file system or the file is "
    "read-only: set database: to a writable place, e.g. /var/lib/forumbot/forumbot.sqlite3"
)


def read_only_mount(folder: Path, then: str = "") -> list[str]:
    """Runs the command in its own mount namespace with ``folder`` a read-only
    tmpfs (``then``: shell run between mounting and exec, the mount still
    writable; it is made read-only after)."""
    script = (
        f"mount -t tmpfs tmpfs {folder} && {then or 'true'} && "
        f'mount -o remount,ro {folder} && exec "$@"'
    )
    return ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh"]


@pytest.mark.parametrize("existing", [False, True], ids=["new database", "existing database"])
def test_database_on_a_read_only_file_system(tmp_path: Path, existing: bool) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    seed = tmp_path / "seed.sqlite3"
    then = ""
    if existing:
        with sqlite3.connect(seed) as db:
            db.execute("CREATE TABLE t (x)")
        then = f"cp {seed} {folder}/forumbot.sqlite3"
    config = example_with(tmp_path, database=str(folder / "forumbot.sqlite3"))
    with Forumbot(
        run_args(config, free_port()), cwd=tmp_path, prefix=read_only_mount(folder, then)
    ) as bot:
        assert_fatal(bot, READ_ONLY_LINE.format(path=folder / "forumbot.sqlite3", folder=folder))


def test_an_installation_without_its_data_files(tmp_path: Path) -> None:
    """The modules copied without the web templates and static files."""
    installed = tmp_path / "site"
    for package in ("bot", "adapters", "config", "forumbot"):
        for source in (ROOT / package).rglob("*"):
            if "__pycache__" in source.parts or not source.is_file():
                continue
            if source.suffix == ".py" or source.parent.name == "messages":
                target = installed / source.relative_to(ROOT)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(source.read_bytes())
    env = quiet_environment(PYTHONPATH=str(installed))
    with Forumbot(run_args(EXAMPLE, free_port()), cwd=tmp_path, env=env) as bot:
        assert_fatal(
            bot,
            "this installation of forumbot has no adapters/web/templates/base.html: reinstall it "
            "with pip install . from the source folder (a copy of the modules alone leaves the "
            "templates and messages out)",
        )


def test_a_second_process_on_the_same_database_refuses_and_the_first_serves_on(
    tmp_path: Path,
) -> None:
    first_port, second_port = free_port(), free_port()
    with Forumbot(run_args(EXAMPLE, first_port), cwd=tmp_path) as first:
        first.wait_for("forumbot running")
        with Forumbot(run_args(EXAMPLE, second_port), cwd=tmp_path) as second:
            assert_fatal(
                second,
                "another forumbot is already running on the database forumbot.sqlite3 (it holds "
                "forumbot.sqlite3.lock): stop it first, or set database: to another file for "
                "this one",
            )
        assert get(first_port) == 200
        assert first.process.poll() is None
        assert first.stop() == 0
    # Stopped cleanly: the next start takes the database at once.
    with Forumbot(run_args(EXAMPLE, second_port), cwd=tmp_path) as again:
        again.wait_for("forumbot running")
        assert again.stop() == 0


def test_a_killed_process_never_blocks_a_restart(tmp_path: Path) -> None:
    port = free_port()
    with Forumbot(run_args(EXAMPLE, port), cwd=tmp_path) as bot:
        bot.wait_for("forumbot running")
        bot.process.send_signal(signal.SIGKILL)
        assert bot.wait_exit(10) == -signal.SIGKILL
    assert (tmp_path / "forumbot.sqlite3.lock").exists()  # left behind, and harmless
    with Forumbot(run_args(EXAMPLE, port), cwd=tmp_path) as again:
        again.wait_for("forumbot running")
        assert get(port) == 200
        assert again.stop() == 0


def test_procfile_web_process_binds_the_port_the_platform_gives(tmp_path: Path) -> None:
    """The Procfile's ``web:`` line, run by a shell as Procfile runners do,
    in a folder holding bot.yaml, with PORT set."""
    (line,) = [
        entry.split(":", 1)[1].strip()
        for entry in (ROOT / "Procfile").read_text(encoding="utf-8").splitlines()
        if entry.startswith("web:")
    ]
    assert line.startswith("forumbot run")
    (tmp_path / "bot.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "other.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    port = free_port()
    command = line.replace("forumbot", "exec " + " ".join(python_m_forumbot()), 1)
    env = quiet_environment(PORT=str(port))
    with Forumbot([], cwd=tmp_path, env=env, argv=["sh", "-c", command]) as bot:
        bot.wait_for("forumbot running")
        assert "configuration: loaded bot.yaml" in bot.log
        assert f"web on http://0.0.0.0:{port}" in bot.log
        bot.wait_for("web.public_url is not set: links in feeds and calendars will say")
        assert get(port) == 200
        assert bot.stop() == 0
    # FORUMBOT_CONFIG names another file; without PORT it serves on 8080's stand-in.
    env = quiet_environment(PORT=str(port), FORUMBOT_CONFIG="other.yaml")
    with Forumbot([], cwd=tmp_path, env=env, argv=["sh", "-c", command]) as bot:
        bot.wait_for("forumbot running")
        assert "configuration: loaded other.yaml" in bot.log
        assert bot.stop() == 0


def test_admin_commands_never_make_a_database_where_there_is_none(tmp_path: Path) -> None:
    for command in (["audit"], ["purge", "--dry-run"], ["export", "survey", "1"]):
        ran = subprocess.run(
            [*python_m_forumbot(), *command],
            cwd=tmp_path,
            env=quiet_environment(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert ran.returncode == 1, command
        assert ran.stderr.strip() == (
            f"forumbot: there is no database forumbot.sqlite3 in {tmp_path}: run this in the "
            "folder forumbot runs in, or pass --config with its configuration file"
        )
    assert list(tmp_path.iterdir()) == []


def test_check_config_says_what_it_checked(tmp_path: Path) -> None:
    checked = subprocess.run(
        [*python_m_forumbot(), "check-config"],
        cwd=tmp_path,
        env=quiet_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == 0
    assert checked.stdout.splitlines()[0] == "built-in example settings: valid (1 forum)"
    config = example_with(tmp_path, database="missing/forumbot.sqlite3")
    checked = subprocess.run(
        [*python_m_forumbot(), "check-config", "--config", str(config)],
        cwd=tmp_path,
        env=quiet_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == 0  # the folder may exist on the machine that runs it
    assert checked.stdout.splitlines()[1] == (
        f"note: on this machine, database missing/forumbot.sqlite3: the folder "
        f"{tmp_path / 'missing'} does not exist: create it, or set database: to a file in an "
        "existing folder"
    )


def test_audit_piped_into_head_ends_quietly(tmp_path: Path) -> None:
    database = tmp_path / "forumbot.sqlite3"
    with Forumbot(run_args(EXAMPLE, free_port()), cwd=tmp_path) as bot:
        bot.wait_for("forumbot running")
        assert bot.stop() == 0
    with sqlite3.connect(database) as db:
        db.executemany(
            "INSERT INTO audit (at, forum_id, question_id, actor_platform, actor_id, action,"
            " detail, outcome) VALUES ('2026-11-01T20:00:00+00:00', 'bromley', ?, 'telegram',"
            " '11111111', 'approve', NULL, 'done')",
            [(n,) for n in range(20_000)],
        )
    piped = subprocess.run(
        " ".join([*python_m_forumbot(), "audit", "--config", str(EXAMPLE), "| head -n 1"]),
        shell=True,
        cwd=tmp_path,
        env=quiet_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert piped.returncode == 0
    assert piped.stdout.count("\n") == 1
    assert piped.stderr == ""
