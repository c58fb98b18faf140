"""Every template the code renders exists, and every template is used."""

from __future__ import annotations

import re
from pathlib import Path

from bot.alerts.alert import AlertType
from config.messages import available_languages, load_messages

ROOT = Path(__file__).resolve().parent.parent.parent
RENDERED = re.compile(r"""(?:render|text)\(\s*"([a-z_]+)\"""")
LITERAL = re.compile(r'"([a-z][a-z0-9_]+)"')


def _found(pattern: re.Pattern[str]) -> set[str]:
    found: set[str] = set()
    for path in [*(ROOT / "bot").rglob("*.py"), *(ROOT / "adapters").rglob("*.py")]:
        found.update(pattern.findall(path.read_text(encoding="utf-8")))
    return found


def test_english_has_every_key_the_code_renders() -> None:
    assert _found(RENDERED) - set(load_messages("en")) == set()


def test_every_english_template_is_used() -> None:
    messages = load_messages("en")
    by_state = {k for k in messages if k.startswith("state_")}  # chosen by a question's state
    by_type = {f"alert_type_{t.value}" for t in AlertType}  # chosen by an alert's type
    unused = set(messages) - _found(LITERAL) - by_state - by_type
    assert unused == set()


def test_languages_listed() -> None:
    assert "en" in available_languages()
