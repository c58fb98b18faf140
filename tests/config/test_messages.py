"""Every template the code renders exists, and every template is used."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.alerts.alert import AlertType
from bot.wording.template import Templates
from config.messages import available_languages, load_messages
from forumbot.app import PLATFORMS as APP_PLATFORMS

ROOT = Path(__file__).resolve().parent.parent.parent
RENDERED = re.compile(r"""(?:(?:render|text)\(|(?:render|text)_for\(\s*[a-z_.]+,)\s*"([a-z_]+)\"""")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
PLATFORMS = {p.name for p in APP_PLATFORMS}
LITERAL = re.compile(r'"([a-z][a-z0-9_]+)"')


def _found(pattern: re.Pattern[str]) -> set[str]:
    found: set[str] = set()
    for path in [*(ROOT / "bot").rglob("*.py"), *(ROOT / "adapters").rglob("*.py")]:
        found.update(pattern.findall(path.read_text(encoding="utf-8")))
    return found


def test_english_has_every_key_the_code_renders() -> None:
    assert _found(RENDERED) - set(load_messages("en")) == set()


def test_every_english_template_is_used() -> None:
    messages = {k: v for k, v in load_messages("en").items() if "@" not in k}
    by_state = {k for k in messages if k.startswith("state_")}  # chosen by a question's state
    by_type = {f"alert_type_{t.value}" for t in AlertType}  # chosen by an alert's type
    unused = set(messages) - _found(LITERAL) - by_state - by_type
    assert unused == set()


def test_languages_listed() -> None:
    assert "en" in available_languages()


def test_a_platform_variant_stands_for_a_template_it_can_replace() -> None:
    """``key@platform`` (bot/wording/template.py): its key exists, the
    platform is one the program has, and it asks for no value the key's
    callers do not give (its placeholders are among the key's)."""
    messages = load_messages("en")
    variants = {k: v for k, v in messages.items() if "@" in k}
    assert variants, "the web page has its own wording of some templates"
    for key, text in variants.items():
        base, _, platform = key.partition("@")
        assert base in messages, key
        assert platform in PLATFORMS, key
        given = set(PLACEHOLDER.findall(messages[base])) | GIVEN_TO_VARIANTS.get(base, set())
        assert set(PLACEHOLDER.findall(text)) <= given, key


# Values a template's callers give that only some platform's variant shows:
# the public posts get the m.me link (``Session._to_public``), which the
# Facebook Page's wording shows and the other rooms' do not.
GIVEN_TO_VARIANTS = {
    key: {"link"}
    for key in (
        "public_reminder",
        "public_open",
        "public_answer",
        "public_follow_up",
        "public_close",
    )
}


# What the apps ask for and the web chat and the officers' console cannot
# give: they have no replies to a message (the console's form has no reply
# field; the resident page's answer box is its own wording), nothing is
# tapped, and they are not a private chat with a bot.
APP_ONLY_INSTRUCTIONS = re.compile(
    r"\brepl(?:y|ying)\b|\btap\b|private chat|message this bot|Remain anonymous", re.IGNORECASE
)
NEVER_ON_THE_WEB = {
    "staff_reply_not_card": "said to a reply to the bot's message: the console has no replies",
    "staff_reply_without_words": "said to a reply to a card: the console has no replies",
    "staff_refused_as_group": "Telegram's anonymous admin only",
    "public_reminder": "public rooms are Telegram or Discord rooms (config.model.Room)",
    "public_open": "public rooms are Telegram or Discord rooms (config.model.Room)",
}


def test_what_the_web_is_asked_to_do_can_be_done_there() -> None:
    """Every template, in the words it has for the web (``key@web`` or
    ``key``), asks nothing the web chat or console lacks: no "reply to this
    card", no "tap". The few that never reach the web are listed with why,
    and each listed one does name an app's action (else it needs no place
    on the list)."""
    messages = load_messages("en")
    templates = Templates(messages)
    wrong: dict[str, str] = {}
    for key in sorted(k for k in messages if "@" not in k):
        values = dict.fromkeys(PLACEHOLDER.findall(messages[key]), "X")
        text = templates.text(templates.for_platform(key, "web"), **values)
        found = APP_ONLY_INSTRUCTIONS.search(text)
        if key in NEVER_ON_THE_WEB:
            assert found is not None, f"{key} is on the web's list without needing to be"
        elif found is not None:
            wrong[key] = text
    assert wrong == {}


def test_no_template_is_named_twice() -> None:
    """YAML keeps the last of two equal keys without a word: a second
    ``duration_hours`` would silently replace the first's wording."""
    for path in sorted((ROOT / "config" / "messages").glob("*.yaml")):
        root = yaml.compose(path.read_text(encoding="utf-8"))
        assert isinstance(root, yaml.MappingNode), path
        names = [key.value for key, _ in root.value]
        twice = sorted({name for name in names if names.count(name) > 1})
        assert twice == [], (path.name, twice)


COUNTED = re.compile(r"\{([a-z_]+)\|[^{}|]*\|[^{}|]*\}")


def test_every_counted_template_reads_right_for_one_and_for_many() -> None:
    """``{count|one|many}`` (bot/wording/template.py) sits beside the number
    it agrees with, and no template says "1 questions" (the closing post
    did)."""
    messages = load_messages("en")
    templates = Templates(messages)
    counted = {k: v for k, v in messages.items() if COUNTED.search(v)}
    assert {"public_close", "public_close@facebook", "summary_header"} <= set(counted)
    for key, text in counted.items():
        for name in COUNTED.findall(text):
            assert "{" + name + "}" in text, key
        values: dict[str, object] = dict.fromkeys(PLACEHOLDER.findall(text), "X")
        for n in (1, 2):
            values.update(dict.fromkeys(COUNTED.findall(text), n))
            shown = templates.text(key, **values)
            assert not re.search(r"\b1 [a-z]+s\b", shown), (key, shown)
