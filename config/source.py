"""A composed YAML document as plain values, with the node each came from.

The loader validates plain values (dict, list, str, int, datetime, None, ...);
a problem found in one is placed back in the file through ``Source.nodes``,
keyed by its location, e.g. ``("forums", 0, "schedule", "rrule")``. What
YAML alone gets wrong (a key given twice, a key that is not a name, a bad
merge, a value that cannot be constructed) is recorded here as a ``Problem``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Loc = tuple[str | int, ...]

_MERGE_TAG: Final = "tag:yaml.org,2002:merge"
_NULL_TAG: Final = "tag:yaml.org,2002:null"
_STR_TAG: Final = "tag:yaml.org,2002:str"


def path_of(loc: Loc) -> str:
    """``("forums", 0, "schedule")`` -> ``forums[0].schedule``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f"{'.' if path else ''}{part}"
    return path


def line_of(node: Node) -> int:
    return int(node.start_mark.line) + 1


@dataclass(frozen=True)
class Problem:
    path: str
    message: str
    line: int | None

    def __str__(self) -> str:
        where = f" (line {self.line})" if self.line is not None else ""
        return f"{self.path or 'top level'}: {self.message}{where}"


class Unreadable:
    """Stands for a scalar YAML could not construct; ``problem`` says why."""

    def __init__(self, problem: str) -> None:
        self.problem = problem


@dataclass
class Source:
    """``data``: the document as plain values. ``nodes``: the value node at each
    location; ``keys``: the key node of each mapping entry. ``problems``: each
    with the location of the mapping it was found in (reported only if that
    mapping is read as one)."""

    data: object = None
    nodes: dict[Loc, Node] = field(default_factory=dict)
    keys: dict[Loc, Node] = field(default_factory=dict)
    problems: list[tuple[Loc, Problem]] = field(default_factory=list)

    def problem(self, loc: Loc, node: Node | None, message: str) -> Problem:
        """A problem at ``loc``, on the line of ``node`` (else of the nearest
        enclosing value that has one)."""
        enclosing = loc
        while node is None and enclosing:
            enclosing = enclosing[:-1]
            node = self.nodes.get(enclosing)
        return Problem(path_of(loc), message, line_of(node) if node is not None else None)


def read(root: Node) -> Source:
    source = Source()
    source.data = _Reader(source).value(root, (), frozenset())
    return source


class _Reader:
    def __init__(self, source: Source) -> None:
        self.source = source
        self._constructor = SafeConstructor()

    def value(self, node: Node, loc: Loc, visiting: frozenset[int]) -> object:
        self.source.nodes[loc] = node
        if id(node) in visiting:  # an alias inside itself: read once
            return [] if isinstance(node, SequenceNode) else {}
        inside = visiting | {id(node)}
        if isinstance(node, SequenceNode):
            return [self.value(item, (*loc, i), inside) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, loc, inside)
        try:
            return self._constructor.construct_object(node)
        except yaml.YAMLError as e:
            return Unreadable(f"cannot read this value: {getattr(e, 'problem', None) or e}")
        except ValueError as e:  # e.g. a timestamp with month 13
            return Unreadable(f"cannot read this value: {e}")

    def _mapping(self, node: MappingNode, loc: Loc, visiting: frozenset[int]) -> dict[str, object]:
        result: dict[str, object] = {}
        firsts: dict[str, Node] = {}
        for key_node, value_node in self._entries(node, loc, frozenset()):
            if not (isinstance(key_node, ScalarNode) and key_node.tag == _STR_TAG):
                shown = key_node.value if isinstance(key_node, ScalarNode) else "?"
                self._add(loc, (*loc, str(shown)), key_node, _NOT_A_NAME)
                continue
            key = str(key_node.value)
            if key in firsts:
                message = f"key given twice (first on line {line_of(firsts[key])}); keep only one"
                self._add(loc, (*loc, key), key_node, message)
                continue
            firsts[key] = self.source.keys[(*loc, key)] = key_node
            result[key] = self.value(value_node, (*loc, key), visiting)
        return result

    def _entries(
        self, node: MappingNode, loc: Loc, visiting: frozenset[int]
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
                    self._add(loc, (*loc, "<<"), key_node, _BAD_MERGE)
                    continue
                merged.extend(self._entries(source, loc, visiting | {id(node)}))
        seen = {k.value for k, _ in own if isinstance(k, ScalarNode)}
        result = list(own)
        for key_node, value_node in merged:
            if isinstance(key_node, ScalarNode) and key_node.value in seen:
                continue
            seen.add(key_node.value)
            result.append((key_node, value_node))
        return result

    def _add(self, mapping: Loc, loc: Loc, node: Node, message: str) -> None:
        self.source.problems.append((mapping, Problem(path_of(loc), message, line_of(node))))


def is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _NULL_TAG


def kind(node: Node | None) -> str:
    """What a node is, in a message: ``a list``, ``the single value '5'``."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node is None or is_null(node):
        return "nothing"
    return f"the single value {node.value!r}"


_NOT_A_NAME: Final = "keys must be plain names like 'database' or 'forums'"
_BAD_MERGE: Final = (
    "'<<' merges a mapping or a list of mappings, usually an alias such as *defaults"
)
