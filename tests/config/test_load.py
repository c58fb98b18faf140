"""config.load: YAML file -> validated Config, or every problem with path and line."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from datetime import datetime, timedelta
from ipaddress import ip_network
from pathlib import Path
from textwrap import dedent

import pytest

from config import (
    Config,
    ConfigError,
    Contacts,
    Forum,
    Limits,
    Officers,
    Platforms,
    Room,
    Schedule,
    default_config,
    format_duration,
    load_config,
    normalise_phrase,
    parse_config,
    parse_duration,
)
from config.model import Delivery, FacebookPagePosts, QuietHours

EXAMPLE = Path(__file__).resolve().parents[2] / "bot.example.yaml"

FORUM = """\
forums:
  - id: bromley
    name: Bromley Police Online Forum
    phrases: ["Bromley Police Online Forum"]
"""


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "bot.yaml"
    path.write_text(dedent(text).lstrip("\n"), encoding="utf-8")
    return str(path)


def load(tmp_path: Path, text: str) -> Config:
    return load_config(write(tmp_path, text))


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, text)
    assert caught.value.problems, "a ConfigError always lists its problems"
    return caught.value.problems


def find(found: list[str], path: str, line: int, *fragments: str) -> str:
    """The one problem at ``path`` on ``line`` that contains every fragment."""
    matches = [
        p
        for p in found
        if p.startswith(f"{path}: ")
        and p.endswith(f"(line {line})")
        and all(f in p for f in fragments)
    ]
    assert len(matches) == 1, f"no single problem {path} line {line} {fragments} in:\n" + "\n".join(
        found
    )
    return matches[0]


def only(found: list[str], path: str, line: int, *fragments: str) -> None:
    assert len(found) == 1, "\n".join(found)
    find(found, path, line, *fragments)


def forum_with(body: str) -> str:
    """A config with one forum whose extra keys are ``body`` (indented 4), from line 5."""
    return FORUM + "".join(f"    {line}\n" for line in dedent(body).splitlines())


# --- the example file and the defaults -------------------------------------------------


def test_example_file_loads_with_expected_values() -> None:
    config = load_config(str(EXAMPLE))
    assert config.database == "forumbot.sqlite3"
    assert config.timezone == "Europe/London"
    assert config.language == "en"
    assert config.contacts == Contacts(
        emergency="999",
        non_emergency="101",
        online_report_url="https://www.met.police.uk/ro/report/",
        crimestoppers="0800 555 111",
        self_harm_helpline="Samaritans, free, day or night, on 116 123",
    )
    assert config.retention == timedelta(days=90)
    assert config.limits == Limits(questions_per_hour=5, question_length=2000)
    telegram = config.platforms.telegram
    assert telegram.token_env == "TELEGRAM_BOT_TOKEN"
    assert telegram.api_base_url == "https://api.telegram.org"
    assert telegram.mode == "polling"
    assert telegram.webhook.url == "https://bot.example.org/telegram"
    assert telegram.webhook.port == 8443
    assert telegram.webhook.secret_env == "TELEGRAM_WEBHOOK_SECRET"
    assert telegram.rate_limits.overall_per_s == 30
    assert telegram.rate_limits.per_group_per_min == 20
    discord = config.platforms.discord
    assert discord.token_env == "DISCORD_BOT_TOKEN"
    assert discord.gateway_url is None
    assert discord.command_prefix == "!"
    (forum,) = config.forums
    assert forum.id == "bromley"
    assert forum.phrases == ("Bromley Police Online Forum",)
    assert forum.schedule == Schedule(
        first=datetime(2026, 11, 24, 20, 0),
        rrule="FREQ=WEEKLY;INTERVAL=2",
        duration=timedelta(minutes=60),
        timezone="Europe/London",
    )
    assert forum.announce_before == (timedelta(hours=24), timedelta(hours=1))
    assert forum.staff_rooms == (
        Room(platform="telegram", chat_id=-1001234567890),
        Room(
            platform="discord",
            channel_id="123456789012345678",
            duty_role_id="555555555555555555",
        ),
    )
    assert forum.public_rooms == (
        Room(platform="telegram", chat_id="@BromleyPoliceForum"),
        Room(platform="discord", channel_id="223456789012345678"),
    )
    assert forum.officers == Officers(
        telegram=(11111111, 22222222),
        discord_users=("333333333333333333",),
        discord_roles=("444444444444444444",),
    )


def _keys(cls: type) -> set[str]:
    names: set[str] = set()
    for f in fields(cls):
        names.add(f.name)
        for kind in (Contacts, Platforms, Forum, Schedule, Room, Officers):
            if kind.__name__ in str(f.type):
                names |= _keys(kind)
        written_as_text = f.default_factory is QuietHours  # "21:00-08:00"
        if (
            isinstance(f.default_factory, type)
            and is_dataclass(f.default_factory)
            and not written_as_text
        ):
            names |= _keys(f.default_factory)
    return names


def test_example_file_shows_every_key() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    keys = _keys(Config)
    assert {"rate_limits", "per_group_per_min", "discord_roles", "channel_id"} <= keys
    missing = sorted(k for k in keys if not re.search(rf"\b{k}:", text))
    assert missing == []


def test_no_file_gives_defaults_with_the_example_forum(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config(None)
    assert config == default_config()
    assert config.database == Config().database
    (forum,) = config.forums
    assert forum.id == "example"
    assert forum.name == "Example Police Online Forum"
    assert forum.phrases == ("Example Police Online Forum",)
    assert forum.schedule == Schedule(
        first=datetime(2026, 11, 24, 20, 0),
        rrule="FREQ=WEEKLY;INTERVAL=2",
        duration=timedelta(minutes=60),
    )
    assert forum.staff_rooms == forum.public_rooms == ()
    assert forum.officers == Officers()


def test_no_path_reads_bot_yaml_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, FORUM)
    monkeypatch.chdir(tmp_path)
    assert load_config(None).forums[0].id == "bromley"


def test_minimal_config_takes_defaults(tmp_path: Path) -> None:
    config = load(tmp_path, FORUM)
    assert config.contacts == Contacts()
    assert config.platforms == Platforms()
    forum = config.forums[0]
    assert forum.schedule is None
    assert forum.announce_before == (timedelta(hours=24), timedelta(hours=1))


def test_empty_sections_mean_defaults_and_empty_lists(tmp_path: Path) -> None:
    config = load(
        tmp_path,
        "contacts:\nplatforms:\n  telegram:\n"
        + forum_with("announce_before: []\nstaff_rooms:\nofficers:\n"),
    )
    assert config.contacts == Contacts()
    assert config.platforms == Platforms()
    assert config.forums[0].announce_before == ()
    assert config.forums[0].staff_rooms == ()


# --- file-level problems ------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.yaml")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.problems == [f"{path}: no such file"]


def test_yaml_syntax_error_is_one_problem_with_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, FORUM + "database: [unclosed\ntimezone: x\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{path}: YAML syntax error: ")
    assert re.search(r"\(line \d+, column \d+\)$", problem)


def test_empty_file(tmp_path: Path) -> None:
    (problem,) = problems(tmp_path, "# nothing yet\n")
    assert "empty" in problem


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    only(problems(tmp_path, "- a\n- b\n"), "top level", 1, "expected a mapping", "found a list")


def test_zero_forums(tmp_path: Path) -> None:
    only(problems(tmp_path, "forums: []\n"), "forums", 1, "at least one forum is needed")
    only(problems(tmp_path, "database: x.db\n"), "forums", 1, "at least one forum is needed")


def test_config_error_text_lists_every_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "database: 5\nforums: []\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    text = str(caught.value)
    assert text.splitlines()[0] == f"{path}: 2 problems"
    assert all(f"  {p}" in text for p in caught.value.problems)


# --- keys ---------------------------------------------------------------------------


def test_unknown_key_suggests_the_close_one(tmp_path: Path) -> None:
    found = problems(tmp_path, "platforms:\n  telegram:\n    mod: webhook\n" + FORUM)
    only(found, "platforms.telegram.mod", 3, "unknown key; did you mean 'mode'?")


def test_unknown_key_without_a_close_one_lists_the_allowed_keys(tmp_path: Path) -> None:
    found = problems(tmp_path, "colour: blue\n" + FORUM)
    only(found, "colour", 1, "unknown key; allowed keys here: database, timezone")


def test_unknown_key_inside_a_forum(tmp_path: Path) -> None:
    found = problems(tmp_path, forum_with("offcers: {telegram: [1]}"))
    only(found, "forums[0].offcers", 5, "did you mean 'officers'?")


def test_key_given_twice(tmp_path: Path) -> None:
    found = problems(tmp_path, "database: a.db\ndatabase: b.db\n" + FORUM)
    only(found, "database", 2, "key given twice (first on line 1)")


def test_keys_must_be_names(tmp_path: Path) -> None:
    only(problems(tmp_path, "1: x\n" + FORUM), "1", 1, "keys must be plain names")


def test_every_problem_is_reported_in_file_order(tmp_path: Path) -> None:
    text = """\
    database: ""
    timezone: Mars/Olympus
    platforms:
      telegram:
        mode: carrier-pigeon
    forums:
      - id: Bad Id
        name: X
        phrases: []
        schedule: {first: 2026-11-24T20:00, rrule: FREQ=WEEKY}
    """
    found = problems(tmp_path, text)
    assert len(found) == 6, "\n".join(found)
    find(found, "database", 1, "expected text, found empty text")
    find(found, "timezone", 2, "unknown time zone 'Mars/Olympus'")
    find(found, "platforms.telegram.mode", 5, "expected polling or webhook")
    find(found, "forums[0].id", 7, "[a-z0-9-]+")
    find(found, "forums[0].phrases", 9, "at least one phrase is needed")
    find(found, "forums[0].schedule.rrule", 10, "invalid recurrence rule 'FREQ=WEEKY'")
    lines = [int(re.findall(r"\(line (\d+)\)$", p)[0]) for p in found]
    assert lines == sorted(lines)


def test_yaml_merge_keys_and_aliases_work(tmp_path: Path) -> None:
    text = """\
    forums:
      - &common
        id: bromley
        name: Bromley Police Online Forum
        phrases: ["Bromley Police Online Forum"]
        schedule: {first: "2026-12-01T19:00", duration: 45m}
        staff_rooms: &staff [{platform: telegram, chat_id: -100123}]
      - <<: *common
        id: bexley
        name: Bexley Police Online Forum  # two forums may not share a name (issue 16)
        phrases: ["Bexley Police Online Forum"]
        staff_rooms: *staff
    """
    config = load(tmp_path, text)
    bromley, bexley = config.forums
    assert bexley.schedule == bromley.schedule  # merged from &common
    assert bexley.staff_rooms == bromley.staff_rooms


# --- top-level values ---------------------------------------------------------------


def test_database_accepts_memory_and_rejects_non_text(tmp_path: Path) -> None:
    assert load(tmp_path, 'database: ":memory:"\n' + FORUM).database == ":memory:"
    only(problems(tmp_path, "database: 12\n" + FORUM), "database", 1, "expected text")


def test_timezone_suggests_a_close_zone(tmp_path: Path) -> None:
    found = problems(tmp_path, "timezone: europe/london\n" + FORUM)
    only(found, "timezone", 1, "did you mean 'Europe/London'?")


def test_language_only_available_ones(tmp_path: Path) -> None:
    assert load(tmp_path, "language: en\n" + FORUM).language == "en"
    only(problems(tmp_path, "language: fr\n" + FORUM), "language", 1, "available languages: ")


def test_contacts_numbers_must_be_quoted(tmp_path: Path) -> None:
    found = problems(tmp_path, "contacts:\n  emergency: 999\n" + FORUM)
    only(found, "contacts.emergency", 2, 'put it in quotes: "999"')


def test_contacts_url(tmp_path: Path) -> None:
    found = problems(tmp_path, "contacts:\n  online_report_url: www.police.uk\n" + FORUM)
    only(found, "contacts.online_report_url", 2, "https://")


# --- platforms ----------------------------------------------------------------------


def test_webhook_mode_needs_an_https_url(tmp_path: Path) -> None:
    found = problems(tmp_path, "platforms:\n  telegram:\n    mode: webhook\n" + FORUM)
    only(found, "platforms.telegram.webhook.url", 3, "webhook mode needs", "https")
    text = "platforms:\n  telegram:\n    mode: webhook\n    webhook: {url: http://x.org/t}\n"
    only(problems(tmp_path, text + FORUM), "platforms.telegram.webhook.url", 4, "https://")
    text = "platforms:\n  telegram:\n    mode: webhook\n    webhook: {url: https://x.org/t}\n"
    assert load(tmp_path, text + FORUM).platforms.telegram.webhook.url == "https://x.org/t"


# --- web ----------------------------------------------------------------------------


def test_trusted_proxies_are_addresses_and_networks(tmp_path: Path) -> None:
    assert load(tmp_path, FORUM).web.trusted_proxies == ()
    text = 'web:\n  trusted_proxies: [127.0.0.1, "::1", 10.20.0.0/24, "fd00::/64"]\n'
    assert load(tmp_path, text + FORUM).web.trusted_proxies == (
        ip_network("127.0.0.1/32"),
        ip_network("::1/128"),
        ip_network("10.20.0.0/24"),
        ip_network("fd00::/64"),
    )


def test_each_bad_trusted_proxy_is_named_with_its_line(tmp_path: Path) -> None:
    text = dedent(
        """\
        web:
          trusted_proxies:
            - 127.0.0.1
            - nginx.internal
            - 10.20.0.7/24
            - 0.0.0.0/0
            - 8080
        """
    )
    found = problems(tmp_path, text + FORUM)
    assert len(found) == 4, "\n".join(found)
    find(found, "web.trusted_proxies[1]", 4, "'nginx.internal' is not an IP address or network")
    find(found, "web.trusted_proxies[2]", 5, "write the network, 10.20.0.0/24")
    find(found, "web.trusted_proxies[3]", 6, "trusts every address")
    find(found, "web.trusted_proxies[4]", 7, "found the number 8080")
    only(
        problems(tmp_path, "web:\n  trusted_proxies: 127.0.0.1\n" + FORUM),
        "web.trusted_proxies",
        2,
        'expected a list, e.g. [127.0.0.1, "::1"]',
    )


def test_mode_yes_no_value_is_explained(tmp_path: Path) -> None:
    found = problems(tmp_path, "platforms:\n  telegram:\n    mode: on\n" + FORUM)
    only(found, "platforms.telegram.mode", 3, "polling or webhook", "yes/no")


def test_rate_limits_must_be_positive_numbers(tmp_path: Path) -> None:
    text = """\
    platforms:
      telegram:
        rate_limits:
          overall_per_s: 0
          per_chat_per_s: -1
          per_group_per_min: fast
    """
    found = problems(tmp_path, dedent(text) + FORUM)
    assert len(found) == 3
    find(found, "platforms.telegram.rate_limits.overall_per_s", 4, "above 0")
    find(found, "platforms.telegram.rate_limits.per_chat_per_s", 5, "above 0")
    find(found, "platforms.telegram.rate_limits.per_group_per_min", 6, "above 0")
    ok = load(tmp_path, "platforms:\n  telegram:\n    rate_limits: {overall_per_s: 0.5}\n" + FORUM)
    assert ok.platforms.telegram.rate_limits.overall_per_s == 0.5


def test_api_base_url_must_be_http(tmp_path: Path) -> None:
    found = problems(tmp_path, "platforms:\n  discord:\n    api_base_url: discord.com\n" + FORUM)
    only(found, "platforms.discord.api_base_url", 3, "http://")
    text = "platforms:\n  telegram:\n    api_base_url: http://127.0.0.1:8081\n"
    assert load(tmp_path, text + FORUM).platforms.telegram.api_base_url == "http://127.0.0.1:8081"


def test_token_env_must_name_a_variable(tmp_path: Path) -> None:
    found = problems(tmp_path, "platforms:\n  discord:\n    token_env: discord_token\n" + FORUM)
    only(found, "platforms.discord.token_env", 3, "not an environment variable name")


@pytest.mark.parametrize(
    "secret",
    ["123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "MTAxMjM0NTY3ODkwMTIzNDU2Nzg5MA.GhIjKl.abc"],
)
def test_a_token_in_the_file_is_refused_without_repeating_it(tmp_path: Path, secret: str) -> None:
    text = f"platforms:\n  telegram:\n    webhook:\n      secret_env: {secret}\n"
    found = problems(tmp_path, text + FORUM)
    only(found, "platforms.telegram.webhook.secret_env", 4, "put the token in an environment")
    assert secret not in found[0]


def test_discord_gateway_url(tmp_path: Path) -> None:
    text = "platforms:\n  discord:\n    gateway_url: wss://gw.example.org\n"
    assert load(tmp_path, text + FORUM).platforms.discord.gateway_url == "wss://gw.example.org"
    text = "platforms:\n  discord:\n    gateway_url: gateway\n"
    only(problems(tmp_path, text + FORUM), "platforms.discord.gateway_url", 3, "wss://")


def test_command_prefix(tmp_path: Path) -> None:
    text = 'platforms:\n  discord:\n    command_prefix: "? "\n'
    only(problems(tmp_path, text + FORUM), "platforms.discord.command_prefix", 3, "no spaces")


# --- forums -------------------------------------------------------------------------


def test_forum_required_keys(tmp_path: Path) -> None:
    found = problems(tmp_path, "forums:\n  - schedule: {duration: 1h}\n")
    assert len(found) == 4, "\n".join(found)
    find(found, "forums[0].id", 2, "required key is missing", "id: bromley")
    find(found, "forums[0].name", 2, "required key is missing")
    find(found, "forums[0].phrases", 2, "required key is missing")
    find(found, "forums[0].schedule.first", 2, "required key is missing", "2026-11-24T20:00")


def test_forum_id_format(tmp_path: Path) -> None:
    found = problems(tmp_path, FORUM.replace("id: bromley", "id: Bromley_1"))
    only(found, "forums[0].id", 2, "[a-z0-9-]+", "'Bromley_1'")
    assert load(tmp_path, FORUM.replace("bromley", "south-bromley-2")).forums[0].id


def test_duplicate_forum_id(tmp_path: Path) -> None:
    second = FORUM.split("\n", 1)[1].replace("Bromley", "Bexley")
    found = problems(tmp_path, FORUM + second)
    only(found, "forums[1].id", 5, "duplicate forum id 'bromley'", "forums[0].id, line 2")


def test_a_phrase_belongs_to_one_forum(tmp_path: Path) -> None:
    text = """\
    forums:
      - id: bromley
        name: Bromley
        phrases: ["Bromley Police Online Forum", "bromley police  online-forum"]
      - id: bexley
        name: Bexley
        phrases: ["Bexley", "BROMLEY POLICE ONLINE FORUM!"]
    """
    found = problems(tmp_path, text)
    only(
        found,
        "forums[1].phrases[1]",
        7,
        "already used by forum 'bromley'",
        "forums[0].phrases[0], line 4",
    )


def test_phrases_must_be_a_list_of_text(tmp_path: Path) -> None:
    text = FORUM.replace('["Bromley Police Online Forum"]', "Bromley Police")
    only(problems(tmp_path, text), "forums[0].phrases", 4, "expected a list")
    text = FORUM.replace('["Bromley Police Online Forum"]', '["ok", "?!", 7]')
    found = problems(tmp_path, text)
    assert len(found) == 2
    find(found, "forums[0].phrases[1]", 4, "at least one letter or digit")
    find(found, "forums[0].phrases[2]", 4, "the number 7")


def test_forums_must_be_mappings(tmp_path: Path) -> None:
    only(problems(tmp_path, "forums:\n  - bromley\n"), "forums[0]", 2, "expected a mapping")
    only(problems(tmp_path, "forums: bromley\n"), "forums", 1, "expected a list")


def test_announce_before_durations(tmp_path: Path) -> None:
    config = load(tmp_path, forum_with("announce_before: [2d, 90m, 1h30m]"))
    assert config.forums[0].announce_before == (
        timedelta(days=2),
        timedelta(minutes=90),
        timedelta(minutes=90),
    )
    found = problems(tmp_path, forum_with("announce_before: [24h, 1]"))
    only(found, "forums[0].announce_before[1]", 5, "the number 1", "1m")


# --- schedule -----------------------------------------------------------------------


def schedule(body: str) -> str:
    return forum_with("schedule:\n" + "".join(f"  {line}\n" for line in body.splitlines()))


def test_schedule_values(tmp_path: Path) -> None:
    config = load(
        tmp_path,
        schedule("first: 2026-11-24T20:00\nrrule: FREQ=WEEKLY\nduration: 1h30m\ntimezone: UTC"),
    )
    assert config.forums[0].schedule == Schedule(
        first=datetime(2026, 11, 24, 20, 0),
        rrule="FREQ=WEEKLY",
        duration=timedelta(minutes=90),
        timezone="UTC",
    )
    assert config.zone_of(config.forums[0]) == "UTC"


def test_first_may_be_a_yaml_timestamp_or_text(tmp_path: Path) -> None:
    for written in ("2026-11-24 20:00:00", "2026-11-24T20:00:00", '"2026-11-24T20:00"'):
        config = load(tmp_path, schedule(f"first: {written}"))
        assert config.forums[0].schedule is not None
        assert config.forums[0].schedule.first == datetime(2026, 11, 24, 20, 0)


@pytest.mark.parametrize(
    "written",
    ["2026-11-24T20:00+01:00", "2026-11-24T20:00Z", "2026-11-24 20:00:00+00:00"],
)
def test_first_with_an_offset_is_refused(tmp_path: Path, written: str) -> None:
    found = problems(tmp_path, schedule(f"first: {written}"))
    only(found, "forums[0].schedule.first", 6, "time zone offset is not allowed", "timezone")


@pytest.mark.parametrize("written", ["2026-11-24", "next tuesday", "20:00", "2026-13-45T20:00"])
def test_first_must_be_a_date_and_time(tmp_path: Path, written: str) -> None:
    found = problems(tmp_path, schedule(f"first: {written}"))
    only(found, "forums[0].schedule.first", 6)


def test_first_is_wall_clock_time_whatever_the_season(tmp_path: Path) -> None:
    # Naive local times: a summer, a winter and a spring-forward-gap time are
    # all kept as written; placing them in the zone is the scheduler's job.
    for written in ("2026-07-07T20:00", "2026-12-01T20:00", "2026-03-29T01:30"):
        config = load(tmp_path, schedule(f"first: {written}\nrrule: FREQ=WEEKLY"))
        first = config.forums[0].schedule.first if config.forums[0].schedule else None
        assert first == datetime.fromisoformat(written)
        assert first.tzinfo is None


def test_invalid_rrule_includes_the_library_message(tmp_path: Path) -> None:
    found = problems(tmp_path, schedule("first: 2026-11-24T20:00\nrrule: FREQ=WEEKY"))
    only(
        found,
        "forums[0].schedule.rrule",
        7,
        "invalid recurrence rule 'FREQ=WEEKY': invalid 'FREQ': WEEKY",
        "FREQ=WEEKLY;INTERVAL=2",
    )


@pytest.mark.parametrize(
    ("rule", "fragment"),
    [
        ("INTERVAL=2", "FREQ is missing"),
        ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be a whole number above 0"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20270101T000000", "COUNT or UNTIL, not both"),
        ("FREQ=WEEKLY;BYDAY=XX", "invalid 'BYDAY'"),
        ("FREQ=WEEKLY;BYDAY", "is not NAME=VALUE"),
        ("DTSTART:20261124T200000", "schedule.first, not DTSTART"),
        ("FREQ=WEEKLY;UNTIL=2027-01-01Z", "not a UTC time"),
        ("FREQ=WEEKLY;UNTIL=20250101T000000", "no session on or after schedule.first"),
        ("FREQ=HOURLY", "sessions would overlap: they start 1h apart but each lasts 2h"),
    ],
)
def test_rrule_problems(tmp_path: Path, rule: str, fragment: str) -> None:
    text = schedule(f'first: 2026-11-24T20:00\nrrule: "{rule}"\nduration: 2h')
    only(problems(tmp_path, text), "forums[0].schedule.rrule", 7, fragment)


@pytest.mark.parametrize(
    "rule",
    [
        "RRULE:FREQ=WEEKLY;INTERVAL=2",
        "FREQ=WEEKLY;UNTIL=20271231T235959",
        "FREQ=WEEKLY;UNTIL=20271231T235959Z",
        "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1;COUNT=12",
    ],
)
def test_rrule_accepted(tmp_path: Path, rule: str) -> None:
    config = load(tmp_path, schedule(f'first: 2026-11-24T20:00\nrrule: "{rule}"'))
    assert config.forums[0].schedule is not None
    assert config.forums[0].schedule.rrule == rule


def test_schedule_timezone_and_duration(tmp_path: Path) -> None:
    found = problems(tmp_path, schedule("first: 2026-11-24T20:00\nduration: 60\ntimezone: London"))
    assert len(found) == 2
    find(found, "forums[0].schedule.duration", 7, "60m")
    find(found, "forums[0].schedule.timezone", 8, "unknown time zone 'London'")


# --- rooms and officers -------------------------------------------------------------


def test_rooms(tmp_path: Path) -> None:
    config = load(
        tmp_path,
        forum_with(
            "staff_rooms: [{platform: telegram, chat_id: -100123}]\n"
            "public_rooms:\n"
            "  - {platform: telegram, chat_id: '@Bromley_Forum'}\n"
            "  - {platform: discord, channel_id: 223456789012345678}\n"
        ),
    )
    forum = config.forums[0]
    assert forum.staff_rooms == (Room(platform="telegram", chat_id=-100123),)
    assert forum.public_rooms[1] == Room(platform="discord", channel_id="223456789012345678")
    assert forum.public_rooms[1].address == "223456789012345678"


@pytest.mark.parametrize(
    ("room", "path", "fragment"),
    [
        ("{platform: slack, chat_id: 1}", "platform", "expected telegram or discord"),
        ("{chat_id: -100}", "platform", "required key is missing"),
        ("{platform: telegram}", "chat_id", "required key is missing"),
        ("{platform: telegram, chat_id: '-100123'}", "chat_id", "without quotes"),
        ("{platform: telegram, chat_id: BromleyForum}", "chat_id", "@username"),
        ("{platform: discord, channel_id: '#general'}", "channel_id", "snowflake"),
        ("{platform: discord, channel_id: 12.5}", "channel_id", "snowflake"),
        ("{platform: discord, channel: 5}", "channel", "did you mean 'channel_id'?"),
    ],
)
def test_room_problems(tmp_path: Path, room: str, path: str, fragment: str) -> None:
    found = problems(tmp_path, forum_with(f"staff_rooms: [{room}]"))
    find(found, f"forums[0].staff_rooms[0].{path}", 5, fragment)


def test_room_id_key_must_match_the_platform(tmp_path: Path) -> None:
    found = problems(
        tmp_path, forum_with("staff_rooms: [{platform: discord, chat_id: -100, channel_id: 1}]")
    )
    only(found, "forums[0].staff_rooms[0].chat_id", 5, "discord rooms are given by channel_id")
    found = problems(tmp_path, forum_with("staff_rooms: [{platform: telegram, channel_id: 1}]"))
    assert len(found) == 2
    find(found, "forums[0].staff_rooms[0].channel_id", 5, "telegram rooms are given by chat_id")
    find(found, "forums[0].staff_rooms[0].chat_id", 5, "required key is missing")


def test_a_room_cannot_be_staff_and_public(tmp_path: Path) -> None:
    second = FORUM.split("\n", 1)[1].replace("Bromley", "Bexley").replace("bromley", "bexley")
    text = (
        forum_with("staff_rooms: [{platform: telegram, chat_id: '@Shared'}]")
        + second
        + "    public_rooms:\n      - {platform: telegram, chat_id: '@shared'}\n"
    )
    found = problems(tmp_path, text)
    only(found, "forums[1].public_rooms[0]", 10, "a staff room at forums[0].staff_rooms[0]")


def test_forums_may_share_rooms(tmp_path: Path) -> None:
    second = FORUM.split("\n", 1)[1].replace("Bromley", "Bexley").replace("bromley", "bexley")
    room = "staff_rooms: [{platform: discord, channel_id: '1'}]"
    text = forum_with(room) + second + f"    {room}\n"
    config = load(tmp_path, text)
    assert config.forums[0].staff_rooms == config.forums[1].staff_rooms


def test_a_room_listed_twice(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        forum_with(
            "public_rooms:\n  - {platform: discord, channel_id: 1}\n"
            "  - {platform: discord, channel_id: '1'}"
        ),
    )
    only(found, "forums[0].public_rooms[1]", 7, "listed twice")


def test_officers(tmp_path: Path) -> None:
    config = load(
        tmp_path,
        forum_with(
            "officers:\n  telegram: [11111111]\n  discord_users: [333333333333333333]\n"
            "  discord_roles: ['444444444444444444']"
        ),
    )
    assert config.forums[0].officers == Officers(
        telegram=(11111111,),
        discord_users=("333333333333333333",),
        discord_roles=("444444444444444444",),
    )


def test_officers_are_authorised_by_numeric_id(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        forum_with("officers:\n  telegram: [11111111, '@bob']\n  discord_roles: [moderators]"),
    )
    assert len(found) == 2
    find(found, "forums[0].officers.telegram[1]", 6, "numeric user id", "'@bob'")
    find(found, "forums[0].officers.discord_roles[0]", 7, "snowflake")
    found = problems(tmp_path, forum_with("officers:\n  telegram: 11111111"))
    only(found, "forums[0].officers.telegram", 6, "expected a list")


def test_ids_that_are_not_a_person_are_refused_as_officers(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        forum_with("officers:\n  telegram: [1087968824, 136817688, 777000, -1001234567890]"),
    )
    assert len(found) == 4
    find(found, "forums[0].officers.telegram[0]", 6, "admin who posts anonymously", "own user id")
    find(found, "forums[0].officers.telegram[1]", 6, "on behalf of a channel")
    find(found, "forums[0].officers.telegram[2]", 6, "Telegram's own account")
    find(found, "forums[0].officers.telegram[3]", 6, "numeric Telegram user id")


# --- durations and phrases ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90s", timedelta(seconds=90)),
        ("45m", timedelta(minutes=45)),
        ("24h", timedelta(hours=24)),
        ("14d", timedelta(days=14)),
        ("1h30m", timedelta(minutes=90)),
        ("1d 2h", timedelta(hours=26)),
        ("0h5m", timedelta(minutes=5)),
    ],
)
def test_parse_duration(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "0m", "30", "1.5h", "m", "-5m", "30m1h", "5 min", "1H"])
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=r"90s, 45m, 24h, 14d"):
        parse_duration(text)


def test_format_duration() -> None:
    assert format_duration(timedelta(minutes=90)) == "1h30m"
    assert format_duration(timedelta(days=14)) == "14d"
    assert format_duration(timedelta(seconds=3661)) == "1h1m1s"


def test_normalise_phrase() -> None:
    assert normalise_phrase("  Bromley  Police,\tOnline Forum!! ") == "bromley police online forum"
    assert normalise_phrase("STRASSE") == normalise_phrase("straße")
    assert normalise_phrase("?!") == ""


def test_limits_retention_and_duty_role_are_checked() -> None:
    text = (
        "retention: soon\n"
        "limits: {questions_per_hour: 0, question_length: many}\n"
        "forums:\n"
        "  - id: bromley\n"
        "    name: Bromley\n"
        "    phrases: [Bromley Police Online Forum]\n"
        "    staff_rooms:\n"
        "      - {platform: telegram, chat_id: -1001, duty_role_id: '5'}\n"
        "    public_rooms:\n"
        "      - {platform: discord, channel_id: '22', duty_role_id: '5'}\n"
    )
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "bot.yaml")
    problems = "\n".join(caught.value.problems)
    assert "retention:" in problems and "(line 1)" in problems
    assert "limits.questions_per_hour: expected a whole number above 0" in problems
    assert "limits.question_length: expected a whole number above 0" in problems
    assert "forums[0].staff_rooms[0].duty_role_id: duty_role_id is for Discord" in problems
    assert (
        "forums[0].public_rooms[0].duty_role_id: duty_role_id belongs on a staff room" in problems
    )


def test_delivery_windows_are_positive_durations(tmp_path: Path) -> None:
    config = load(tmp_path, "delivery:\n  residents: 12h\n  public_rooms: 30m\n" + FORUM)
    assert config.delivery == Delivery(
        residents=timedelta(hours=12),
        staff_rooms=timedelta(hours=24),
        public_rooms=timedelta(minutes=30),
    )
    assert load_config(str(EXAMPLE)).delivery == Delivery()
    found = problems(tmp_path, "delivery:\n  staff_rooms: 0m\n  residents: 12\n" + FORUM)
    find(found, "delivery.staff_rooms", 2, "is not a positive duration")
    find(found, "delivery.residents", 3, "expected a duration with a unit")


def test_a_console_account_names_only_forums_that_exist(tmp_path: Path) -> None:
    text = dedent(
        """\
        web:
          staff_accounts:
            - username: bob
              password_hash: "scrypt$16384$8$1$c2FsdA==$aGFzaA=="
              forums: [bromly, bromley]
        """
    )
    only(
        problems(tmp_path, text + FORUM),
        "web.staff_accounts[0].forums[0]",
        5,
        "there is no forum 'bromly'; did you mean 'bromley'?",
    )


def test_the_facebook_page_posts_for_forums_that_exist_as_comments_or_posts(
    tmp_path: Path,
) -> None:
    text = dedent(
        """\
        platforms:
          facebook:
            page_posts:
              forums: [bromly]
              answers: replies
        """
    )
    found = problems(tmp_path, text + FORUM)
    find(found, "platforms.facebook.page_posts.forums[0]", 4, "there is no forum 'bromly'; did")
    find(found, "platforms.facebook.page_posts.answers", 5, "comments")
    good = tmp_path / "good.yaml"
    good.write_text("platforms:\n  facebook:\n    page_posts:\n      forums: [bromley]\n" + FORUM)
    posts = load_config(str(good)).platforms.facebook.page_posts
    two = "platforms:\n  facebook:\n    page_posts:\n      forums: [bromley, bexley]\n"
    bexley = FORUM + "  - id: bexley\n    name: Bexley Forum\n    phrases: [Bexley Forum]\n"
    only(problems(tmp_path, two + bexley), "platforms.facebook.page_posts.forums", 4, "one forum")
    (tmp_path / "two.yaml").write_text(two + "      answers: posts\n" + bexley)
    assert load_config(str(tmp_path / "two.yaml")).platforms.facebook.page_posts.forums == (
        "bromley",
        "bexley",
    )
    assert posts == FacebookPagePosts(forums=("bromley",), answers="comments")
    assert load_config(str(EXAMPLE)).platforms.facebook.page_posts.answers == "comments"


def test_web_listen_is_an_address_or_a_host_name(tmp_path: Path) -> None:
    only(
        problems(tmp_path, "web:\n  listen: 127.0.0.300\n" + FORUM),
        "web.listen",
        2,
        "'127.0.0.300' is not an IP address",
    )
    only(
        problems(tmp_path, "web:\n  listen: not a host\n" + FORUM),
        "web.listen",
        2,
        "'not a host' is not an address or a host name",
    )
    for good in ("127.0.0.1", "0.0.0.0", '"::"', "localhost", "forum-host.internal"):
        assert load(tmp_path, f"web:\n  listen: {good}\n" + FORUM).web.listen == good.strip('"')


def test_a_forum_id_fits_the_alert_buttons(tmp_path: Path) -> None:
    """The longest id that fits ``sub:t:<id>:consultations`` in a button's 64 bytes."""
    from bot.alerts.alert import AlertType
    from bot.edge.payload import LIMIT_BYTES, SubscribeChoice
    from config.scalar import FORUM_ID_MOST

    longest_type = max((t.value for t in AlertType), key=len)
    fits = LIMIT_BYTES - len(SubscribeChoice("toggle", "x", longest_type).pack()) + 1
    assert fits == FORUM_ID_MOST
    ok = FORUM.replace("id: bromley", "id: " + "b" * FORUM_ID_MOST)
    assert load(tmp_path, ok).forums[0].id == "b" * FORUM_ID_MOST
    too_long = FORUM.replace("id: bromley", "id: " + "b" * (FORUM_ID_MOST + 1))
    only(problems(tmp_path, too_long), "forums[0].id", 2, "at most 44 characters", "found 45")


def test_forum_ids_and_names_that_read_the_same_are_refused(tmp_path: Path) -> None:
    """Officers' commands find a forum with case and punctuation ignored
    (bot/forum/directory.py ``find``): ``ward-1`` and ``ward1`` would be one."""
    text = """\
    forums:
      - id: ward-1
        name: Ward One
        phrases: ["Ward One Forum"]
      - id: ward1
        name: Ward Two
        phrases: ["Ward Two Forum"]
      - id: ward-3
        name: WARD ONE!
        phrases: ["Ward Three Forum"]
    """
    found = problems(tmp_path, text)
    assert len(found) == 2, "\\n".join(found)
    find(found, "forums[1].id", 5, "id 'ward1' reads the same as the id of forum 'ward-1'")
    find(found, "forums[1].id", 5, "forums[0].id, line 2", "give this forum another id")
    find(found, "forums[2].name", 9, "'WARD ONE!' reads the same as the name of forum 'ward-1'")
    find(found, "forums[2].name", 9, "forums[0].name, line 3", "give this forum another name")
