"""Walking a composed YAML node tree while collecting every problem on the way.

The walker knows YAML, not forumbot: which keys a mapping may have and how a
value is parsed are given by the caller. Every problem carries the dotted path
to the key (``forums[0].schedule.rrule``) and the line it is on.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import Any, Final, TypeVar

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

T = TypeVar("T")

_MERGE_TAG: Final = "tag:yaml.org,2002:merge"
_NULL_TAG: Final = "tag:yaml.org,2002:null"
_STR_TAG: Final = "tag:yaml.org,2002:str"


class Invalid(Exception):
    """A value is not acceptable; the message says what was expected."""


@dataclass(frozen=True)
class Structure:
    """Stands for a list or mapping where a single value was expected."""

    kind: str  # "a list" or "a mapping"


@dataclass(frozen=True)
class Problem:
    path: str
    message: str
    line: int | None

    def __str__(self) -> str:
        where = f" (line {self.line})" if self.line is not None else ""
        return f"{self.path or 'top level'}: {self.message}{where}"


class Problems:
    """Every problem found in one file, reported together."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(self, path: str, node: Node | None, message: str) -> None:
        self._items.append(Problem(path, message, line_of(node) if node is not None else None))

    def __len__(self) -> int:
        return len(self._items)

    def lines(self) -> list[str]:
        """One line per problem, in the order they appear in the file."""
        ordered = sorted(self._items, key=lambda p: -1 if p.line is None else p.line)
        return [str(p) for p in ordered]


def keys_of(cls: type[Any]) -> list[str]:
    """The YAML keys of a config dataclass: its field names."""
    return [f.name for f in fields(cls)]


def line_of(node: Node) -> int:
    return int(node.start_mark.line) + 1


def child_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def item_path(path: str, index: int) -> str:
    return f"{path}[{index}]"


class _Failed:
    """Marks a value that could not be read (its problem is already recorded)."""


FAILED: Final = _Failed()


class Reader:
    """Reads nodes into Python values, recording a problem for each bad one."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self._constructor = SafeConstructor()

    def value(self, node: Node, path: str, parse: Callable[[object], T]) -> T | _Failed:
        """``parse`` applied to the node's plain value; FAILED if it raised Invalid."""
        raw: object
        if isinstance(node, MappingNode):
            raw = Structure("a mapping")
        elif isinstance(node, SequenceNode):
            raw = Structure("a list")
        else:
            try:
                raw = self._constructor.construct_object(node)
            except yaml.YAMLError as e:
                problem = getattr(e, "problem", None) or str(e)
                self.problems.add(path, node, f"cannot read this value: {problem}")
                return FAILED
            except ValueError as e:  # e.g. a timestamp with month 13
                self.problems.add(path, node, f"cannot read this value: {e}")
                return FAILED
        try:
            return parse(raw)
        except Invalid as e:
            self.problems.add(path, node, str(e))
            return FAILED

    def mapping(self, node: Node | None, path: str, keys: Iterable[str]) -> Fields | None:
        """The node as a mapping with only ``keys`` allowed; None if the node is
        None (the key was absent) or not a mapping (a problem is recorded).

        An empty value (``contacts:`` with nothing under it) is an empty mapping.
        """
        allowed = list(keys)
        if node is None:
            return None
        if _is_null(node):
            return Fields(self, node, path, {})
        if not isinstance(node, MappingNode):
            self.problems.add(
                path,
                node,
                f"expected a mapping of keys ({', '.join(allowed)}), found {_kind(node)}",
            )
            return None
        entries: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in self._entries(node, path, frozenset()):
            key = self._key(key_node, path)
            if key is None:
                continue
            if key in entries:
                first = line_of(entries[key][0])
                self.problems.add(
                    child_path(path, key),
                    key_node,
                    f"key given twice (first on line {first}); keep only one",
                )
                continue
            entries[key] = (key_node, value_node)
            if key not in allowed:
                self.problems.add(child_path(path, key), key_node, _unknown_key(key, allowed))
        return Fields(self, node, path, {k: v for k, (_, v) in entries.items() if k in allowed})

    def sequence(self, node: Node, path: str, example: str) -> list[tuple[str, Node]] | None:
        """(path, node) of each item; None if the node is not a list.

        An empty value is an empty list. ``example`` shows the expected form.
        """
        if _is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self.problems.add(path, node, f"expected a list, e.g. {example}; found {_kind(node)}")
            return None
        return [(item_path(path, i), item) for i, item in enumerate(node.value)]

    def values(
        self, node: Node, path: str, parse: Callable[[object], T], example: str
    ) -> list[T] | None:
        """A list of single values; None if the node is not a list. Bad items are left out."""
        items = self.sequence(node, path, example)
        if items is None:
            return None
        result: list[T] = []
        for item_path_, item in items:
            value = self.value(item, item_path_, parse)
            if not isinstance(value, _Failed):
                result.append(value)
        return result

    def _key(self, key_node: Node, path: str) -> str | None:
        if isinstance(key_node, ScalarNode) and key_node.tag == _STR_TAG:
            return str(key_node.value)
        shown = key_node.value if isinstance(key_node, ScalarNode) else "?"
        self.problems.add(
            child_path(path, str(shown)),
            key_node,
            "keys must be plain names like 'database' or 'forums'",
        )
        return None

    def _entries(
        self, node: MappingNode, path: str, visiting: frozenset[int]
    ) -> list[tuple[Node, Node]]:
        """The node's key/value pairs with YAML merge keys (``<<: *defaults``) applied:
        keys written in the mapping win over merged ones, earlier merges over later."""
        own: list[tuple[Node, Node]] = []
        merged: list[tuple[Node, Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag != _MERGE_TAG:
                own.append((key_node, value_node))
                continue
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for source in sources:
                if not isinstance(source, MappingNode) or id(source) in visiting:
                    self.problems.add(
                        child_path(path, "<<"),
                        key_node,
                        "'<<' merges a mapping or a list of mappings, "
                        "usually an alias such as *defaults",
                    )
                    continue
                merged.extend(self._entries(source, path, visiting | {id(node)}))
        seen = {k.value for k, _ in own if isinstance(k, ScalarNode)}
        result = list(own)
        for key_node, value_node in merged:
            if isinstance(key_node, ScalarNode) and key_node.value in seen:
                continue
            seen.add(key_node.value)
            result.append((key_node, value_node))
        return result


class Fields:
    """The entries of one YAML mapping whose keys were checked."""

    def __init__(self, reader: Reader, node: Node, path: str, entries: dict[str, Node]) -> None:
        self.reader = reader
        self.node = node
        self.path = path
        self._entries = entries

    def path_of(self, key: str) -> str:
        return child_path(self.path, key)

    def get(self, key: str) -> Node | None:
        """The value node of ``key``, None if the key is absent."""
        return self._entries.get(key)

    def section(self, key: str, keys: Iterable[str]) -> Fields | None:
        """The mapping under ``key``; None if absent or not a mapping."""
        return self.reader.mapping(self.get(key), self.path_of(key), keys)

    def value(self, key: str, parse: Callable[[object], T], default: T) -> T:
        """The parsed value of ``key``; ``default`` if absent or bad (a bad one is recorded)."""
        node = self._entries.get(key)
        if node is None:
            return default
        value = self.reader.value(node, self.path_of(key), parse)
        return default if isinstance(value, _Failed) else value

    def values(self, key: str, parse: Callable[[object], T], example: str) -> list[T] | None:
        """The list under ``key`` with each item parsed; None if absent or not a list."""
        node = self._entries.get(key)
        if node is None:
            return None
        return self.reader.values(node, self.path_of(key), parse, example)

    def required(self, key: str, parse: Callable[[object], T], hint: str) -> T | None:
        """The parsed value of a key that must be given; None if missing or bad."""
        node = self._entries.get(key)
        if node is None:
            self.missing(key, hint)
            return None
        value = self.reader.value(node, self.path_of(key), parse)
        return None if isinstance(value, _Failed) else value

    def missing(self, key: str, hint: str) -> None:
        self.reader.problems.add(self.path_of(key), self.node, f"required key is missing; {hint}")


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _NULL_TAG


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if _is_null(node):
        return "nothing"
    return f"the single value {node.value!r}"


def _unknown_key(key: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown key; did you mean '{close[0]}'?"
    return f"unknown key; allowed keys here: {', '.join(allowed)}"
