"""config.load beyond the contract in test_load.py: empty values, values YAML
cannot read, merges, the order of problems on one line, and that pydantic's
own wording or an exception never reaches the administrator."""

from __future__ import annotations

import copy
import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from config import Config, ConfigError, parse_config

EXAMPLE = Path(__file__).resolve().parents[2] / "bot.example.yaml"
FORUM = "forums:\n  - id: bromley\n    name: Bromley\n    phrases: [Bromley Police]\n"
PROBLEM = re.compile(r"^(top level|[a-z_]\w*(\[\d+\])*(\.\w+(\[\d+\])*)*): .+ \(line \d+\)$")


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "bot.yaml")
    return caught.value.problems


def test_the_loaded_config_is_the_plain_dataclass() -> None:
    config = parse_config(EXAMPLE.read_text(encoding="utf-8"))
    assert type(config) is Config and dataclasses.is_dataclass(config)
    moved = dataclasses.replace(config, web=dataclasses.replace(config.web, port=0))
    assert moved.web.port == 0 and moved.forums == config.forums
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.database = "x"  # type: ignore[misc]


def test_an_empty_schedule_still_needs_its_first_session() -> None:
    (problem,) = problems(FORUM + "    schedule:\n")
    assert problem.startswith("forums[0].schedule.first: required key is missing; give the local")


def test_an_empty_chat_id_is_not_a_missing_one() -> None:
    found = problems(FORUM + "    staff_rooms: [{platform: telegram, chat_id: null}]\n")
    assert found == [
        "forums[0].staff_rooms[0].chat_id: expected a Telegram chat id (a number such as "
        "-1001234567890) or a public @username; found nothing (null) (line 5)"
    ]
    (missing,) = problems(FORUM + "    staff_rooms: [{platform: telegram}]\n")
    assert "chat_id: required key is missing" in missing


def test_a_room_of_unknown_platform_reads_no_id() -> None:
    found = problems(FORUM + "    staff_rooms: [{platform: slack, chat_id: 'x', channel_id: y}]\n")
    assert len(found) == 1 and "expected telegram or discord" in found[0]


def test_a_value_yaml_cannot_read_is_one_problem() -> None:
    (problem,) = problems("database: 2026-13-01\n" + FORUM)
    assert problem.startswith("database: cannot read this value: month must be in 1..12")
    (problem,) = problems("database: [2026-13-01]\n" + FORUM)
    assert problem == "database: expected text, found a list (line 1)"


def test_what_is_under_an_unknown_key_is_not_read() -> None:
    found = problems("colour: {a: 1, a: 2, b: 2026-13-01}\n" + FORUM)
    assert len(found) == 1 and found[0].startswith("colour: unknown key")


def test_a_bad_merge_and_a_key_given_twice_in_a_forum() -> None:
    found = problems(FORUM + "    <<: 5\n    name: Again\n")
    assert found == [
        "forums[0].<<: '<<' merges a mapping or a list of mappings, usually an alias "
        "such as *defaults (line 5)",
        "forums[0].name: key given twice (first on line 3); keep only one (line 6)",
    ]


def test_problems_on_one_line_come_as_the_file_is_read() -> None:
    found = problems(FORUM + "    staff_rooms: [{chat: 1}, {room: 2}]\n")
    assert [p.split(":")[0] for p in found] == [
        "forums[0].staff_rooms[0].chat",
        "forums[0].staff_rooms[0].platform",
        "forums[0].staff_rooms[1].room",
        "forums[0].staff_rooms[1].platform",
    ]


def test_webhook_mode_with_an_empty_webhook() -> None:
    text = "platforms:\n  telegram:\n    mode: webhook\n    webhook:\n" + FORUM
    (problem,) = problems(text)
    assert problem.startswith("platforms.telegram.webhook.url: webhook mode needs")


def test_a_console_username_listed_twice() -> None:
    text = (
        "web:\n  staff_accounts:\n"
        "    - {username: bob, password_hash: 'scrypt$1$1$1$a$b'}\n"
        "    - {username: BOB, password_hash: 'scrypt$1$1$1$a$b'}\n"
    )
    assert problems(text + FORUM) == [
        "web.staff_accounts[1]: username 'BOB' is listed twice; give each officer one account "
        "(line 4)"
    ]


BAD_VALUES = ["5", '"x y"', "null", "[1, a]", "{a: 1}", "true", "2026-13-45T20:00"]


def _keys(node: object, loc: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found: list[tuple[str | int, ...]] = []
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, value in items:
        found.append((*loc, key))
        found.extend(_keys(value, (*loc, key)))
    return found


def test_every_key_given_a_bad_value_gives_plain_problems() -> None:
    """Each key of the example, set to values of every kind: a valid config or
    problems in our words (never pydantic's), each with its path and line."""
    base = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for loc in _keys(base):
        for value in BAD_VALUES:
            data = copy.deepcopy(base)
            node = data
            for part in loc[:-1]:
                node = node[part]
            node[loc[-1]] = "__VALUE__"
            text = yaml.safe_dump(data, sort_keys=False).replace("__VALUE__", value)
            try:
                parse_config(text, "bot.yaml")
            except ConfigError as error:
                for problem in error.problems:
                    assert PROBLEM.match(problem), (loc, value, problem)
                    assert "Input should" not in problem and "Value error" not in problem
