"""The triage's word lists are read and compiled when ``forumbot run`` starts:
a broken one (an administrator's slip in a data file) stops the start at once
with one plain line naming the file and the entry, before anyone is served."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.forumbot.run_support import (
    EXAMPLE,
    FATAL_WITHIN_S,
    ROOT,
    Forumbot,
    free_port,
    quiet_environment,
)

pytestmark = pytest.mark.timeout(120)


def _installed_copy(at: Path) -> Path:
    """The packages as installed: modules and data files, no caches."""
    for package in ("bot", "adapters", "config", "forumbot"):
        shutil.copytree(ROOT / package, at / package, ignore=shutil.ignore_patterns("__pycache__"))
    return at / "bot" / "safeguarding" / "triage" / "data"


def test_a_broken_word_list_stops_the_start_in_one_plain_line(tmp_path: Path) -> None:
    data = _installed_copy(tmp_path / "site")
    danger = data / "danger.yaml"
    # An unbalanced bracket added to the first pattern of the first rule.
    danger.write_text(
        danger.read_text(encoding="utf-8").replace(
            r"\b(?:has|have|had|", r"\b(?:(has|have|had|", 1
        ),
        encoding="utf-8",
    )
    env = quiet_environment(PYTHONPATH=str(tmp_path / "site"))
    args = ["run", "--config", str(EXAMPLE), "--web-port", str(free_port())]
    with Forumbot(args, cwd=tmp_path, env=env) as bot:
        code = bot.wait_exit(FATAL_WITHIN_S)
    assert code == 1, bot.log
    last = bot.log.strip().splitlines()[-1]
    assert last.startswith(
        "forumbot: the emergency triage cannot use bot/safeguarding/triage/data/danger.yaml: "
        "weapon_held: not a regular expression (missing ), unterminated subpattern"
    ), bot.log
    assert last.endswith(
        ": correct the file (docs/safeguarding.md, Changing the word lists) or reinstall forumbot"
    )
    assert "Traceback" not in bot.log
    assert "forumbot running" not in bot.log


def test_a_broken_model_file_stops_the_start_in_one_plain_line(tmp_path: Path) -> None:
    data = _installed_copy(tmp_path / "site")
    model = data / "model.json"
    model.write_text(model.read_text(encoding="utf-8")[:5000], encoding="utf-8")  # cut short
    env = quiet_environment(PYTHONPATH=str(tmp_path / "site"))
    args = ["run", "--config", str(EXAMPLE), "--web-port", str(free_port())]
    with Forumbot(args, cwd=tmp_path, env=env) as bot:
        code = bot.wait_exit(FATAL_WITHIN_S)
    assert code == 1, bot.log
    last = bot.log.strip().splitlines()[-1]
    assert last.startswith(
        "forumbot: the emergency triage cannot use bot/safeguarding/triage/data/model.json: "
        "not a triage model"
    ), bot.log
    assert last.endswith("or reinstall forumbot")
    assert "Traceback" not in bot.log
    assert "forumbot running" not in bot.log
