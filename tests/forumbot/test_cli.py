"""The command line as an administrator uses it, in a subprocess."""

from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

BAD = """\
database: forum.sqlite3
timezone: Europe/Lndon
forums:
  - id: bromley
    name: Bromley Police Online Forum
    phrases: ["Bromley Police Online Forum"]
    schedule:
      first: 2026-11-24T20:00
      rrule: FREQ=WEEKY;INTERVAL=2
    officers:
      telegram: ["@sergeant"]
"""


def _forumbot(
    *args: str, cwd: Path, timeout: float = 60, **extra: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_TOKEN")}
    env.pop("FORUMBOT_STAFF_SECRET", None)
    env.update(extra)
    return subprocess.run(
        [sys.executable, "-m", "forumbot", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def test_check_config_accepts_the_example(tmp_path: Path) -> None:
    result = _forumbot("check-config", "--config", str(ROOT / "bot.example.yaml"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


def test_a_short_shared_secret_is_refused_by_check_config_and_run(tmp_path: Path) -> None:
    example = str(ROOT / "bot.example.yaml")
    short = {"FORUMBOT_STAFF_SECRET": "letmein2024"}
    checked = _forumbot("check-config", "--config", example, cwd=tmp_path, **short)
    assert checked.returncode == 1
    assert "FORUMBOT_STAFF_SECRET is 11 characters long: a shared secret needs at least 16" in (
        checked.stderr
    )
    assert "letmein2024" not in checked.stderr + checked.stdout  # never shown
    port = str(_free_port())
    ran = _forumbot("run", "--config", example, "--web-port", port, cwd=tmp_path, **short)
    assert ran.returncode == 1
    last = ran.stderr.strip().splitlines()[-1]
    assert last.startswith("forumbot: FORUMBOT_STAFF_SECRET is 11 characters long")
    assert "Traceback" not in ran.stderr
    long_enough = {"FORUMBOT_STAFF_SECRET": "four random words here"}
    fine = _forumbot("check-config", "--config", example, cwd=tmp_path, **long_enough)
    assert fine.returncode == 0, fine.stderr


def test_check_config_lists_every_problem_with_path_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bot.yaml"
    path.write_text(BAD)
    result = _forumbot("check-config", "--config", str(path), cwd=tmp_path)
    assert result.returncode == 1
    err = result.stderr
    assert "timezone:" in err and "line 2" in err
    assert "forums[0].schedule.rrule:" in err and "line 9" in err
    assert "forums[0].officers.telegram[0]:" in err and "line 11" in err


def test_run_refuses_a_bad_config_with_the_same_messages(tmp_path: Path) -> None:
    path = tmp_path / "bot.yaml"
    path.write_text(BAD)
    checked = _forumbot("check-config", "--config", str(path), cwd=tmp_path)
    run = _forumbot("run", "--config", str(path), cwd=tmp_path)
    assert run.returncode == 1
    problems = [line for line in checked.stderr.splitlines() if line.startswith("  ")]
    assert problems and all(p in run.stderr for p in problems)
    assert "did not start" in run.stderr
    assert not (tmp_path / "forum.sqlite3").exists()


def test_forum_ids_that_read_the_same_are_refused_by_check_config_and_run(
    tmp_path: Path,
) -> None:
    """``ward-1`` and ``ward1`` would be one forum to officers' commands."""
    path = tmp_path / "bot.yaml"
    path.write_text(
        "database: forum.sqlite3\n"
        "forums:\n"
        "  - id: ward-1\n"
        "    name: Ward One\n"
        '    phrases: ["Ward One Forum"]\n'
        "  - id: ward1\n"
        "    name: Ward Two\n"
        '    phrases: ["Ward Two Forum"]\n'
    )
    checked = _forumbot("check-config", "--config", str(path), cwd=tmp_path)
    assert checked.returncode == 1
    expected = (
        "forums[1].id: forum id 'ward1' reads the same as the id of forum 'ward-1' "
        "(forums[0].id, line 3)"
    )
    assert expected in checked.stderr
    assert "give this forum another id (line 6)" in checked.stderr
    ran = _forumbot("run", "--config", str(path), cwd=tmp_path)
    assert ran.returncode == 1
    assert expected in ran.stderr and "did not start" in ran.stderr
    assert not (tmp_path / "forum.sqlite3").exists()


def test_version_and_help(tmp_path: Path) -> None:
    assert "forumbot 0.1.0" in _forumbot("--version", cwd=tmp_path).stdout
    helped = _forumbot("--help", cwd=tmp_path)
    assert "check-config" in helped.stdout and "run" in helped.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_readme_first_command_serves_the_forum_on_the_web_with_no_tokens(tmp_path: Path) -> None:
    """README's first command: ``forumbot run --config bot.example.yaml`` with no
    token set serves the chat page (here on a free port instead of 8080)."""
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "forumbot",
            "run",
            "--config",
            str(ROOT / "bot.example.yaml"),
            "--web-port",
            str(port),
        ],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.endswith("_TOKEN")},
    )
    assert process.stderr is not None
    lines: list[str] = []
    try:
        for line in process.stderr:
            lines.append(line)
            if "web: residents ask at" in line:
                break
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
            page = response.read().decode()
    finally:
        process.terminate()
        process.wait(timeout=30)
    text = "".join(lines)
    assert "telegram off: TELEGRAM_BOT_TOKEN is not set" in text
    assert "discord off: DISCORD_BOT_TOKEN is not set" in text
    assert "forumbot running: 1 forum," in text
    assert "Ask your neighbourhood police team" in page and 'name="text"' in page
    assert (tmp_path / "forumbot.sqlite3").exists()


def test_hash_password_prints_a_hash_the_config_accepts(tmp_path: Path) -> None:
    made = subprocess.run(
        [sys.executable, "-m", "forumbot", "hash-password"],
        input="correct horse battery staple\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    hashed = made.stdout.strip()
    assert hashed.startswith("scrypt$") and "correct" not in hashed
    (tmp_path / "bot.yaml").write_text(
        "web:\n  staff_accounts:\n"
        f'    - {{username: sgt.jones, password_hash: "{hashed}"}}\n'
        "forums:\n  - id: bromley\n    name: Bromley Police Online Forum\n"
        "    phrases: [Bromley Police Online Forum]\n"
    )
    checked = _forumbot("check-config", "--config", str(tmp_path / "bot.yaml"), cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    short = subprocess.run(
        [sys.executable, "-m", "forumbot", "hash-password"],
        input="short\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert short.returncode == 1 and "at least 12 characters" in short.stderr


async def test_purge_and_audit_work_on_the_database(tmp_path: Path) -> None:
    from tests.support.core_harness import open_harness

    database = tmp_path / "forum.sqlite3"
    async with open_harness(tmp_path, start="2020-01-06 12:00") as h:
        await h.resident_says("5001", "Bromley Police Online Forum is Elm Road patrolled?")
        await h.staff_says("/answer 1 Yes.")
        await h.staff_says("/whois 1")
    (tmp_path / "bot.yaml").write_text(
        f"database: {database}\nretention: 30d\nforums:\n  - id: bromley\n"
        "    name: Bromley Police Online Forum\n    phrases: [Bromley Police Online Forum]\n"
    )

    audit = _forumbot("audit", "--format", "csv", "--since", "2020-01-01", cwd=tmp_path)
    assert audit.returncode == 0, audit.stderr
    lines = audit.stdout.strip().splitlines()
    assert lines[0] == "at,actor_platform,actor_id,action,outcome,forum_id,question_id,detail"
    assert [line.split(",")[3] for line in lines[1:]] == ["approve", "answer", "whois"]
    later = _forumbot("audit", "--since", "2020-02-01", cwd=tmp_path)
    assert later.returncode == 0 and later.stdout == ""
    bad = _forumbot("audit", "--since", "last tuesday", cwd=tmp_path)
    assert bad.returncode == 2 and "expected a date" in bad.stderr

    dry = _forumbot("purge", "--dry-run", cwd=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert "would erase personal data of 1 closed question, 1 resident account" in dry.stdout
    done = _forumbot("purge", cwd=tmp_path)
    assert "erased personal data of 1 closed question, 1 resident account" in done.stdout
    again = _forumbot("purge", cwd=tmp_path)
    assert "erased personal data of 0 closed questions, 0 resident accounts" in again.stdout


async def test_export_survey_as_csv_without_identities(tmp_path: Path) -> None:
    from tests.support.core_harness import open_harness

    database = tmp_path / "forum.sqlite3"
    async with open_harness(tmp_path, start="2026-11-23 12:00") as h:
        for user in ("5001", "5002"):
            await h.resident_says(user, "/subscribe bromley")
        await h.staff_says('/survey bromley "Which matters most?" "Speeding" "Burglary"')
        await h.resident_presses("5001", "survey:1:1")
        await h.resident_says("5002", "/survey 1 1")
        await h.staff_says('/survey bromley "Anything else?"')
        # (not "=SUM(A1) more patrols": the round-6 model reads that odd string
        # as urgent, and an answer that looks urgent is not kept; docs/safeguarding.md)
        await h.resident_says("5001", "/survey 2 =SUM(A1) speeding at night")
    (tmp_path / "bot.yaml").write_text(
        f"database: {database}\nforums:\n  - id: bromley\n"
        "    name: Bromley Police Online Forum\n    phrases: [Bromley Police Online Forum]\n"
    )

    options = _forumbot("export", "survey", "1", cwd=tmp_path)
    assert options.returncode == 0, options.stderr
    lines = options.stdout.strip().splitlines()
    assert lines[0] == "survey,forum,question,answered_at,option_number,answer"
    assert [line.split(",")[-2:] for line in lines[1:]] == [["2", "Burglary"], ["1", "Speeding"]]
    assert "5001" not in options.stdout and "5002" not in options.stdout
    free = _forumbot("export", "survey", "2", "--format", "csv", cwd=tmp_path)
    assert free.stdout.strip().splitlines()[1].endswith(",,'=SUM(A1) speeding at night")
    missing = _forumbot("export", "survey", "9", cwd=tmp_path)
    assert missing.returncode == 1 and "there is no consultation #9" in missing.stderr


def test_an_unexpected_fault_is_one_line_and_exit_70(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unlike a start-up problem (exit 1: fix it), a fault is worth a restart:
    a supervisor can tell them apart (systemd's RestartPreventExitStatus=1)."""
    import forumbot.cli as cli

    async def broken(*_args: object) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(cli, "run", broken)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["run", "--config", str(ROOT / "bot.example.yaml")]) == 70
    assert capsys.readouterr().err.splitlines()[-1] == (
        "forumbot stopped: RuntimeError: the disk went away"
    )


async def test_the_audit_csv_never_holds_a_formula(tmp_path: Path) -> None:
    from tests.support.core_harness import open_harness

    database = tmp_path / "forum.sqlite3"
    async with open_harness(tmp_path, start="2020-01-06 12:00") as h:
        await h.resident_says("5001", "Bromley Police Online Forum is Elm Road patrolled?")
        await h.staff_says('/reject 1 =HYPERLINK("http://evil.example","click")')
    (tmp_path / "bot.yaml").write_text(
        f"database: {database}\nforums:\n  - id: bromley\n"
        "    name: Bromley Police Online Forum\n    phrases: [Bromley Police Online Forum]\n"
    )
    audit = _forumbot("audit", "--format", "csv", cwd=tmp_path)
    assert audit.returncode == 0, audit.stderr
    rows = list(csv.reader(io.StringIO(audit.stdout)))
    (reject,) = [row for row in rows if row[3] == "reject"]
    assert reject[7] == '\'=HYPERLINK("http://evil.example","click")'
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows[1:] for cell in row)
