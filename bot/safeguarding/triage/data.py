"""Reading the triage's data files (``bot/safeguarding/triage/data/``).

The files are read from the installed package (``importlib.resources``, so
a wheel carries them), once: by :func:`bot.safeguarding.triage.load`, which
start-up calls, or else at the first assessment. Importing this module reads
nothing.

Lists and patterns are YAML literal blocks (``|``), one entry a line: blank
lines and lines starting with ``#`` are skipped, and a line indented further
than the block goes on with the entry above, joined with nothing in between
(a long pattern is broken where it has no space). ``{name}`` in an entry is
the block ``name`` of ``vocabulary.yaml``.

A file that cannot be used raises :class:`TriageDataError`, naming the file
and the entry: the bot does not start with a broken word list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from importlib.resources import files
from typing import Any

import yaml

try:  # libyaml's loader, ten times faster, when PyYAML was built with it
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

_PACKAGE = __name__.rpartition(".")[0]
# Every data file, in data/ beside this module (start-up checks they are there).
FILES = (
    "spellings.yaml",
    "vocabulary.yaml",
    "self_harm.yaml",
    "danger.yaml",
    "crime_in_progress.yaml",
    "guards.yaml",
    "framing.yaml",  # round 16: the framing reader's cues (framing.py)
    "about.yaml",  # round 17: the about reader's cues (about.py)
    "other_languages.yaml",
    "model.json",  # the statistical model's weights (model.py)
)
# {name}: a block of vocabulary.yaml. Quantifiers ({2}, {0,4}) have no letters.
_BLOCK_NAME = re.compile(r"\{([a-z_]+)\}")


class TriageDataError(ValueError):
    """A data file the triage cannot use; the message is ``"<file>: <entry>: <problem>"``."""


class _Loader(_SafeLoader):
    """PyYAML's safe loader, refusing a key given twice (PyYAML would keep the
    last)."""


def _mapping(loader: _Loader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise TriageDataError(f"line {key_node.start_mark.line + 1}: {key!r} is given twice")
        seen.add(key)
    return loader.construct_mapping(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def read(name: str) -> Any:
    """The parsed YAML of ``data/<name>`` in the installed package.

    Raises TriageDataError for a file missing or not UTF-8, a syntax error
    or a key given twice."""
    try:
        source = (files(_PACKAGE) / "data" / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TriageDataError(f"{name}: cannot be read ({error})") from None
    return parse(source, name)


def parse(source: str, name: str) -> Any:
    """YAML ``source`` parsed safely; a key given twice or a syntax error
    raises TriageDataError naming ``name``."""
    try:
        return yaml.load(source, Loader=_Loader)
    except (yaml.YAMLError, TriageDataError) as error:
        # PyYAML's messages take several lines; start-up reports one.
        raise TriageDataError(f"{name}: {' '.join(str(error).split())}") from None


def text(value: object, where: str) -> str:
    """``value`` if it is a string, else TriageDataError naming ``where``."""
    if not isinstance(value, str):
        raise TriageDataError(f"{where}: expected text, found {type(value).__name__}")
    return value


def mapping(value: object, where: str) -> Mapping[str, object]:
    """``value`` if it is a mapping with text keys, else TriageDataError."""
    if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
        raise TriageDataError(f"{where}: expected a mapping of names")
    return value


def lines(block: object, where: str) -> list[str]:
    """The entries of a literal block, one a line (continuations joined).

    Raises TriageDataError for a block that is not text, is empty, starts
    with a continuation, or has a line ending in a space (invisible, and
    lost when the line is joined)."""
    entries: list[str] = []
    for number, line in enumerate(text(block, where).splitlines(), 1):
        if line != line.rstrip():
            raise TriageDataError(f"{where}, line {number}: a space at the end of the line")
        if not line or line.startswith("#"):
            continue
        if line[0].isspace():
            if not entries:
                raise TriageDataError(f"{where}, line {number}: goes on from nothing")
            entries[-1] += line.lstrip()
        else:
            entries.append(line)
    if not entries:
        raise TriageDataError(f"{where}: empty")
    return entries


def one_of(entries: list[str]) -> str:
    """``(?:a|b|c)``: any one of the entries."""
    return "(?:" + "|".join(entries) + ")"


def compiled(pattern: str, where: str) -> re.Pattern[str]:
    """The compiled pattern, or TriageDataError naming ``where``."""
    try:
        return re.compile(pattern)
    except re.error as error:
        raise TriageDataError(f"{where}: not a regular expression ({error})") from None


class Vocabulary:
    """The blocks of ``vocabulary.yaml``, each a regular expression by name."""

    def __init__(self, data: object, file: str) -> None:
        self._blocks: dict[str, str] = {}
        for name, block in mapping(data, file).items():
            where = f"{file}: {name}"
            kind = mapping(block, where)
            if set(kind) == {"words"}:
                self._blocks[name] = one_of(self.entries(kind["words"], where))
            elif set(kind) == {"pattern"}:
                pattern = self.entries(kind["pattern"], where)
                if len(pattern) != 1:
                    raise TriageDataError(f"{where}: a pattern is one line (indent to go on)")
                self._blocks[name] = pattern[0]
            else:
                raise TriageDataError(f"{where}: give either words or pattern")
            compiled(self._blocks[name], where)

    def expand(self, entry: str, where: str) -> str:
        """``entry`` with every ``{name}`` replaced by its block.

        Raises TriageDataError for a name that is not a block (or, inside
        vocabulary.yaml, not one above)."""

        def block(found: re.Match[str]) -> str:
            try:
                return self._blocks[found[1]]
            except KeyError:
                raise TriageDataError(
                    f"{where}: {{{found[1]}}} is not a block of vocabulary.yaml"
                ) from None

        return _BLOCK_NAME.sub(block, entry)

    def entries(self, block: object, where: str) -> list[str]:
        """The entries of a literal block (:func:`lines`), blocks expanded."""
        return [self.expand(entry, where) for entry in lines(block, where)]
