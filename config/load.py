"""Loading the config file into a validated ``Config``, or every problem with it.

    config = load_config("bot.yaml")    # raises ConfigError listing every problem

The YAML is composed (not constructed) so every value keeps its node
(``config.source``). pydantic validates the plain values into the dataclasses
of ``config.model``, collecting every error with its location (``loc``), which
is mapped back to the node for its line; ``config.checks`` adds what holds
across keys. Each problem reads ``<path>: <message> (line N)``, in file order.
A config with any problem is refused whole.

What can only be checked with the environment (a platform on because its
token is set) is checked later, by ``check-config`` and ``run``; such a
problem names the key's line too: ``problem_at(config, "web.enabled",
message)`` reads ``web.enabled: <message> (line N)`` for a config loaded
from a file (the lines of its keys are remembered, ``written_at``).
"""

from __future__ import annotations

import difflib
import weakref
from dataclasses import fields, is_dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

import yaml
from pydantic import PlainValidator, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from config import checks
from config.model import Config, Example, Forum, Hint, Schedule
from config.scalar import available_languages
from config.source import Loc, Problem, Source, Unreadable, kind, line_of, path_of, read

__all__ = [
    "DEFAULT_PATH",
    "ConfigError",
    "available_languages",
    "default_config",
    "load_config",
    "parse_config",
    "problem_at",
    "same_lines",
    "written_at",
]

# The line of each key (by path, "web.enabled") of each config loaded from
# text, by id(config), for as long as that config lives.
_WRITTEN: dict[int, dict[str, int]] = {}


def written_at(config: Config, key: str) -> int | None:
    """The line on which ``key`` (a dotted path, ``web.enabled``,
    ``forums[0].id``) is written in the file ``config`` was loaded from;
    None when it is not written there (its default) or ``config`` was made
    otherwise (the built-in example, a copy made with ``replace``)."""
    return _WRITTEN.get(id(config), {}).get(key)


def same_lines(loaded: Config, copy: Config) -> Config:
    """``copy`` (``loaded`` with a value or two replaced, as command-line
    options do) with ``loaded``'s lines remembered for it too."""
    lines = _WRITTEN.get(id(loaded))
    if lines is not None and copy is not loaded:
        _WRITTEN[id(copy)] = lines
        weakref.finalize(copy, _WRITTEN.pop, id(copy), None)
    return copy


def problem_at(config: Config, key: str, message: str) -> str:
    """A problem with ``key`` as the loader words one: ``<key>: <message>
    (line N)``, without the line where ``written_at`` knows none."""
    return str(Problem(key, message, written_at(config, key)))


DEFAULT_PATH = "bot.yaml"


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
        message = f"{source}: the file is empty; start from bot.example.yaml"
        raise ConfigError([message], source)
    document = read(root)
    data = _filled(document.data, Config, ())
    # What YAML got wrong in a mapping, if the mapping is read (not under an unknown key).
    problems = [p for loc, p in document.problems if _section_at(loc) is not None]
    try:
        config = _adapter().validate_python(data)
    except ValidationError as e:
        problems += [_problem(error, document) for error in _unknown_keys_first(e.errors())]
    problems += checks.check(data, document)
    if problems:
        ordered = sorted(problems, key=lambda p: -1 if p.line is None else p.line)
        raise ConfigError([str(p) for p in ordered], source)
    _WRITTEN[id(config)] = {path_of(loc): line_of(node) for loc, node in document.keys.items()}
    weakref.finalize(config, _WRITTEN.pop, id(config), None)
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


@cache
def _adapter() -> TypeAdapter[Config]:
    return TypeAdapter(Config)


def _problem(error: ErrorDetails, document: Source) -> Problem:
    """One pydantic error as the administrator reads it."""
    loc: Loc = tuple(error["loc"])
    node = document.nodes.get(loc)
    match error["type"]:
        case "value_error":  # from a parser in config.scalar (or a value YAML could not read)
            given = error["input"]
            message = given.problem if isinstance(given, Unreadable) else str(error["ctx"]["error"])
        case "missing":
            message = f"required key is missing; {_note(loc, Hint)}"
        case "unexpected_keyword_argument":
            message = _unknown_key(str(loc[-1]), _keys_at(loc[:-1]))
            return Problem(path_of(loc), message, line_of(document.keys[loc]))
        case "dataclass_type":
            allowed = ", ".join(_keys_at(loc))
            message = f"expected a mapping of keys ({allowed}), found {kind(node)}"
        case "tuple_type":
            message = f"expected a list, e.g. {_note(loc, Example)}; found {kind(node)}"
        case _:
            message = error["msg"]
    return document.problem(loc, node, message)


def _unknown_keys_first(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """pydantic's errors with each mapping's unknown keys moved before its
    other problems (pydantic lists them last): the order the file is read in."""
    ordered: list[ErrorDetails] = []
    for error in errors:
        at = len(ordered)
        if error["type"] == "unexpected_keyword_argument":
            mapping = error["loc"][:-1]
            at = next(
                (
                    i
                    for i, e in enumerate(ordered)
                    if e["loc"][: len(mapping)] == mapping
                    and not (e["type"] == error["type"] and e["loc"][:-1] == mapping)
                ),
                at,
            )
        ordered.insert(at, error)
    return ordered


def _unknown_key(key: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown key; did you mean '{close[0]}'?"
    return f"unknown key; allowed keys here: {', '.join(allowed)}"


# --- the model's types, followed along a location ------------------------------------


def _bare(annotation: Any) -> tuple[Any, tuple[object, ...]]:
    """A field's type without ``Annotated`` and ``| None``, and its annotations."""
    metadata: tuple[object, ...] = ()
    if get_origin(annotation) is Annotated:
        metadata = annotation.__metadata__
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, UnionType):
        others = [a for a in get_args(annotation) if a is not type(None)]
        if len(others) == 1:
            annotation = others[0]
    return annotation, metadata


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls, include_extras=True)


def _section(annotation: Any) -> type | None:
    """The dataclass a mapping is read into, if ``annotation`` is one."""
    return annotation if isinstance(annotation, type) and is_dataclass(annotation) else None


def _is_value(metadata: tuple[object, ...]) -> bool:
    """Read whole by a parser (even if it is a dataclass, as quiet hours are)."""
    return any(isinstance(m, PlainValidator) for m in metadata)


def _step(annotation: Any, metadata: tuple[object, ...], part: str | int) -> Any:
    """The annotation one step in: a dataclass's field or a list's item; None if none."""
    if _is_value(metadata):
        return None
    section = _section(annotation)
    if isinstance(part, str) and section is not None:
        return _hints(section).get(part)
    if isinstance(part, int) and get_origin(annotation) is tuple:
        return get_args(annotation)[0]
    return None


def _at(loc: Loc) -> tuple[Any, tuple[object, ...]]:
    """The bare type at ``loc`` and its annotations; (None, ()) where the model has none."""
    annotation: Any = Config
    metadata: tuple[object, ...] = ()
    for part in loc:
        step = _step(annotation, metadata, part)
        if step is None:
            return None, ()
        annotation, metadata = _bare(step)
    return annotation, metadata


def _section_at(loc: Loc) -> type | None:
    """The dataclass a mapping at ``loc`` is read into; None if it is not read as one."""
    annotation, metadata = _at(loc)
    return None if _is_value(metadata) else _section(annotation)


def _keys_at(loc: Loc) -> list[str]:
    section = _section_at(loc)
    return [f.name for f in fields(section)] if section is not None else []


def _note(loc: Loc, note: type[Hint | Example]) -> str:
    """The model's hint or example for the key at ``loc``."""
    return next(m.text for m in _at(loc)[1] if isinstance(m, note))


def _filled(value: object, annotation: Any, metadata: tuple[object, ...]) -> object:
    """``value`` with an empty YAML value (null) as an empty section or list where
    the model has one, so ``contacts:`` with nothing under it means the defaults."""
    if _is_value(metadata):
        return value
    section = _section(annotation)
    if section is not None:
        if value is None:
            return {}
        if isinstance(value, dict):
            hints = _hints(section)
            return {k: _filled(v, *_bare(hints[k])) if k in hints else v for k, v in value.items()}
    elif get_origin(annotation) is tuple:
        if value is None:
            return []
        if isinstance(value, list):
            item = _bare(get_args(annotation)[0])
            return [_filled(v, *item) for v in value]
    return value


def _syntax_problem(source: str, error: yaml.MarkedYAMLError) -> str:
    mark = error.problem_mark or error.context_mark
    what = " ".join(str(part) for part in (error.problem, error.context) if part)
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
    return f"{source}: YAML syntax error: {what or error}{where}"
