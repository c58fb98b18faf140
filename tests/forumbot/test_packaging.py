"""A plain ``pip install .`` carries every file the program reads at run time.

The wheel is built from a copy of the source tree (as a fresh clone has it),
then checked two ways: every non-Python file in the packages is in it, and
the bot started from the unpacked wheel alone (not from this checkout)
serves its pages, stylesheet and favicon, then stops cleanly on SIGTERM."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.forumbot.run_support import Forumbot, free_port

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "adapters", "config", "forumbot")

pytestmark = pytest.mark.timeout(180)


def _source_files() -> list[str]:
    """Every file of the packages as a checkout holds it, relative to the root."""
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                found.append(path.relative_to(ROOT).as_posix())
    return sorted(found)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("clone")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in _source_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--wheel-dir",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert built.returncode == 0, built.stderr
    (made,) = out.glob("forumbot-*.whl")
    return made


def test_the_wheel_holds_every_file_of_the_packages(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        inside = set(archive.namelist())
    missing = [name for name in _source_files() if name not in inside]
    assert missing == []
    # The run-time files this test exists for, named so a rename is noticed.
    for needed in (
        "adapters/web/templates/base.html",
        "adapters/web/templates/error.html",
        "adapters/web/static/site.css",
        "adapters/web/static/favicon.svg",
        "config/messages/en.yaml",
        "bot/safeguarding/triage/data/model.json",
        "bot/safeguarding/redaction/data/first_names.txt",
        "bot/safeguarding/redaction/data/ordinary_words.txt",
    ):
        assert needed in inside


def test_the_bot_runs_from_the_installed_files_alone(wheel: Path, tmp_path: Path) -> None:
    installed = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(installed)
    # The checkout must not be importable: only the unpacked wheel and the
    # dependencies in this interpreter's site-packages.
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_TOKEN", "_SECRET"))}
    env["PYTHONPATH"] = str(installed)
    where = subprocess.run(
        [sys.executable, "-c", "import adapters.web.pages as m; print(m.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip().startswith(str(installed))
    # the redaction's name lists are read from the installed package data
    named = subprocess.run(
        [
            sys.executable,
            "-c",
            "from bot.safeguarding.redaction import suggest_publishable as s;"
            "print(s('Priya Raman said so near Victoria Park'))",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert named.stdout.strip() == "[name] said so near Victoria Park"

    port = free_port()
    shutil.copy(ROOT / "bot.example.yaml", tmp_path / "bot.example.yaml")
    args = ["run", "--config", "bot.example.yaml", "--web-port", str(port)]
    with Forumbot(args, cwd=tmp_path, env=env) as bot:
        bot.wait_for("forumbot running", timeout=60)
        pages = {}
        for path in ("/", "/archive", "/staff", "/static/site.css", "/favicon.ico"):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as answer:
                pages[path] = (answer.status, answer.read().decode("utf-8", "replace"))
        code = bot.stop(signal.SIGTERM, timeout=15)
    assert code == 0
    assert all(status == 200 for status, _ in pages.values())
    assert "Ask your neighbourhood police team" in pages["/"][1]
    assert "Answers from the police team" in pages["/archive"][1]
    assert "Sign in" in pages["/staff"][1]
    assert "--accent" in pages["/static/site.css"][1]
    assert "<svg" in pages["/favicon.ico"][1]
