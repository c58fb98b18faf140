"""Loading the config file into a validated ``Config``, or every problem with it.

    config = load_config("bot.yaml")    # raises ConfigError listing every problem

The YAML is composed (not constructed) so every value keeps its line number;
the node tree is walked section by section and each problem is recorded as
``<path>: <message> (line N)``. A config with any problem is refused whole.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import yaml

from config import scalar
from config.forum import read_forums
from config.model import (
    Config,
    Contacts,
    Delivery,
    Forum,
    Limits,
    Platforms,
    Schedule,
    WebConfig,
)
from config.node import Fields, Invalid, Problems, Reader, keys_of
from config.platform import read_platforms
from config.web import read_web

DEFAULT_PATH = "bot.yaml"
MESSAGES_DIR = Path(__file__).with_name("messages")


class ConfigError(Exception):
    """The config cannot be used. ``problems`` has one line per problem."""

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        super().__init__(problems)

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{self.source or 'configuration'}: {count} problem{'s' if count != 1 else ''}"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


def load_config(path: str | None) -> Config:
    """The config in ``path``; with None, ``./bot.yaml`` if present, else the
    built-in defaults (one example forum). Raises ConfigError."""
    if path is None:
        if not Path(DEFAULT_PATH).exists():
            return default_config()
        path = DEFAULT_PATH
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([f"{path}: no such file"], path) from None
    except UnicodeDecodeError as e:
        raise ConfigError([f"{path}: not UTF-8 text (byte {e.start})"], path) from None
    except OSError as e:
        raise ConfigError([f"{path}: cannot read the file: {e.strerror or e}"], path) from None
    return parse_config(text, path)


def parse_config(text: str, source: str = "<config>") -> Config:
    """The config in YAML ``text``; ``source`` names it in messages. Raises ConfigError."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        raise ConfigError([_syntax_problem(source, e)], source) from None
    except yaml.YAMLError as e:
        raise ConfigError([f"{source}: YAML syntax error: {e}"], source) from None
    if root is None:
        raise ConfigError([f"{source}: the file is empty; start from bot.example.yaml"], source)
    problems = Problems()
    fields = Reader(problems).mapping(root, "", keys_of(Config))
    config = _read_config(fields) if fields is not None else None
    if len(problems) or config is None:
        raise ConfigError(problems.lines(), source)
    return config


def default_config() -> Config:
    """What runs without a config file: defaults and one example forum."""
    return Config(
        forums=(
            Forum(
                id="example",
                name="Example Police Online Forum",
                phrases=("Example Police Online Forum",),
                schedule=Schedule(
                    first=datetime(2026, 11, 24, 20, 0),
                    rrule="FREQ=WEEKLY;INTERVAL=2",
                    duration=timedelta(minutes=60),
                ),
            ),
        )
    )


def available_languages() -> list[str]:
    """Languages with a message file in config/messages/; ``en`` until there is one."""
    found = sorted(p.stem for p in MESSAGES_DIR.glob("*.yaml"))
    return found or ["en"]


def _read_config(fields: Fields) -> Config:
    default = Config()
    zone = fields.value("timezone", scalar.zone, default.timezone)
    forums = read_forums(fields, zone)
    return Config(
        database=fields.value("database", scalar.text, default.database),
        timezone=zone,
        language=fields.value("language", _language, default.language),
        contacts=_contacts(fields.section("contacts", keys_of(Contacts))),
        retention=fields.value("retention", scalar.duration, default.retention),
        limits=_limits(fields.section("limits", keys_of(Limits))),
        delivery=_delivery(fields.section("delivery", keys_of(Delivery))),
        platforms=read_platforms(fields.section("platforms", keys_of(Platforms))),
        web=read_web(fields.section("web", keys_of(WebConfig)), frozenset(f.id for f in forums)),
        forums=forums,
    )


def _contacts(fields: Fields | None) -> Contacts:
    default = Contacts()
    if fields is None:
        return default
    return Contacts(
        emergency=fields.value("emergency", scalar.text, default.emergency),
        non_emergency=fields.value("non_emergency", scalar.text, default.non_emergency),
        online_report_url=fields.value(
            "online_report_url", scalar.http_url, default.online_report_url
        ),
        crimestoppers=fields.value("crimestoppers", scalar.text, default.crimestoppers),
        self_harm_helpline=fields.value(
            "self_harm_helpline", scalar.text, default.self_harm_helpline
        ),
    )


def _limits(fields: Fields | None) -> Limits:
    default = Limits()
    if fields is None:
        return default
    return Limits(
        questions_per_hour=fields.value(
            "questions_per_hour", scalar.positive_int, default.questions_per_hour
        ),
        question_length=fields.value(
            "question_length", scalar.positive_int, default.question_length
        ),
    )


def _delivery(fields: Fields | None) -> Delivery:
    default = Delivery()
    if fields is None:
        return default
    return Delivery(
        residents=fields.value("residents", scalar.duration, default.residents),
        staff_rooms=fields.value("staff_rooms", scalar.duration, default.staff_rooms),
        public_rooms=fields.value("public_rooms", scalar.duration, default.public_rooms),
    )


def _language(value: object) -> str:
    languages = available_languages()
    if isinstance(value, str) and value in languages:
        return value
    raise Invalid(
        f"expected one of the available languages: {', '.join(languages)}; "
        f"found {scalar.describe(value)}"
    )


def _syntax_problem(source: str, error: yaml.MarkedYAMLError) -> str:
    mark = error.problem_mark or error.context_mark
    what = " ".join(str(part) for part in (error.problem, error.context) if part)
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
    return f"{source}: YAML syntax error: {what or error}{where}"
