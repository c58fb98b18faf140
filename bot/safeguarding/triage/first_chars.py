"""Which characters a pattern can start with: the index that lets one scan
of a message try, at each position, only the alternatives that can start
with its character.

Python's regular expressions try every alternative of an alternation at
every position. With some 450 alternatives that is most of the triage's
time. Grouped by first character, each group behind a one-character
lookahead (``(?=[ab])(?:...)``), a position costs a few lookahead tests
and the alternatives of its group only; what matches where is unchanged.

Round 14 (speed): ``first_pairs`` tells the first two characters of a
pattern's matches; each group then opens with its character and checks
those openings (``_first_then``), and each rule keeps its own
(``rules.Rule.openings``) so that ``engine.by_rules`` tries it only where
a message has one.
"""

from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

# No first character can be told: any character may start the pattern.
ANY = None


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters ``pattern`` can start a match with, or None when that
    cannot be told (a class such as ``\\w``, ``.``, a negated set) or the
    pattern can match the empty string. Zero-width assertions (``\\b``,
    lookarounds) are passed over.

    Raises re.error for a pattern that does not compile."""
    chars, nullable = _of_sequence(list(_parser.parse(pattern)))
    return None if chars is None or nullable else frozenset(chars)


def _of_sequence(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """(first characters, can be empty) of a sequence of parsed items."""
    found: set[str] = set()
    for op, value in items:
        chars, nullable = _of_item(op, value)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _of_item(op: Any, value: Any) -> tuple[set[str] | None, bool]:
    if op is _c.LITERAL:
        return {chr(value)}, False
    if op is _c.IN:
        return _of_set(value), False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True
    if op is _c.SUBPATTERN:
        return _of_sequence(list(value[-1]))
    if op is _c.BRANCH:
        found: set[str] = set()
        empty = False
        for branch in value[1]:
            chars, nullable = _of_sequence(list(branch))
            if chars is None:
                return None, False
            found |= chars
            empty = empty or nullable
        return found, empty
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, inner = value
        chars, nullable = _of_sequence(list(inner))
        return chars, nullable or low == 0
    return None, False  # ANY, CATEGORY, NOT_LITERAL, GROUPREF, ...


def _of_set(members: list[tuple[Any, Any]]) -> set[str] | None:
    found: set[str] = set()
    for op, value in members:
        if op is _c.LITERAL:
            found.add(chr(value))
        elif op is _c.RANGE:
            low, high = value
            if high - low > 256:
                return None
            found |= {chr(code) for code in range(low, high + 1)}
        else:  # NEGATE, CATEGORY (\w, \s, \d)
            return None
    return found


# The most two-character openings an alternative's (or a group's) lookahead
# lists; beyond it the group keeps its one-character lookahead.
MOST_PAIRS = 400


def first_pairs(pattern: str) -> frozenset[str] | None:
    """The first two characters of every match of ``pattern`` (one, for a
    match one character long), or None when that cannot be told (as for
    ``first_chars``: ``\\w``, ``.``, a negated set, an empty match, a flag)
    or there are more than MOST_PAIRS of them. Zero-width assertions are
    passed over, so the set may hold openings no match has, never lack one a
    match has: ``first_pairs(r"(?:kid|child)s? gone")`` is
    ``{"ki", "ch"}``.

    Raises re.error for a pattern that does not compile."""
    parsed = _parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = _prefixes(list(parsed), 2)
    if found is None:
        return None
    done, ended = found
    if "" in ended:
        return None  # it can match the empty string
    return frozenset(done | ended)


# (openings cut at k characters, whole matches shorter than k), or None.
_Prefixes = tuple[set[str], set[str]] | None


def _prefixes(items: list[tuple[Any, Any]], k: int) -> _Prefixes:
    """Of a sequence of parsed items: the first ``k`` characters of its
    matches (``done``) and its whole matches shorter than ``k`` (``ended``)."""
    done: set[str] = set()
    ended = {""}
    for op, value in items:
        if not ended:
            break
        found = _item_prefixes(op, value, k)
        if found is None:
            return None
        done, ended = _joined(done, ended, found, k)
        if len(done) + len(ended) > MOST_PAIRS:
            return None
    return done, ended


def _joined(
    done: set[str], ended: set[str], then: tuple[set[str], set[str]], k: int
) -> tuple[set[str], set[str]]:
    """``done`` and ``ended`` followed by an item's openings ``then``."""
    then_done, then_ended = then
    done = set(done)
    ended_after: set[str] = set()
    for head in ended:
        for tail in then_done:
            done.add((head + tail)[:k])
        for tail in then_ended:
            whole = head + tail
            if len(whole) >= k:
                done.add(whole[:k])
            else:
                ended_after.add(whole)
    return done, ended_after


def _item_prefixes(op: Any, value: Any, k: int) -> _Prefixes:
    if op is _c.LITERAL:
        return _single({chr(value)}, k)
    if op is _c.IN:
        chars = _of_set(value)
        return None if chars is None else _single(chars, k)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), {""}
    if op is _c.SUBPATTERN:
        if value[1] & re.IGNORECASE:
            return None
        return _prefixes(list(value[-1]), k)
    if op is _c.BRANCH:
        done: set[str] = set()
        ended: set[str] = set()
        for branch in value[1]:
            found = _prefixes(list(branch), k)
            if found is None:
                return None
            done |= found[0]
            ended |= found[1]
        return done, ended
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, inner = value
        once = _prefixes(list(inner), k)
        if once is None:
            return None
        done, ended = set(), {""}
        result_done: set[str] = set()
        result_ended: set[str] = set()
        # k + 1 repetitions past the least reach every opening: each further
        # one adds a character to a match shorter than k, or nothing.
        for count in range(min(high, max(low, 0) + k + 1) + 1):
            if count >= low:
                result_done |= done
                result_ended |= ended
            if count == high or not ended:
                break
            done, ended = _joined(done, ended, once, k)
            if len(done) + len(ended) > MOST_PAIRS:
                return None
        return result_done | done, result_ended
    return None  # ANY, CATEGORY, NOT_LITERAL, GROUPREF, ...


def _single(chars: set[str], k: int) -> tuple[set[str], set[str]]:
    """One character of ``chars``."""
    return (set(chars), set()) if k <= 1 else (set(), set(chars))


# An alternative that can start with more characters than this is not copied
# into each of their groups: it goes once into a group of its own, behind a
# lookahead for its whole set of first characters. Copying all of them made
# the pattern six times longer (590,000 characters) and its compiling take
# 2-3 s at every start; with this bound it is about 245,000 characters and
# compiles in about 0.5 s, and a scan is as fast (measured in one process,
# alternating: 0.91-1.0 of the old scan's time, the longest message 0.94-1.03;
# with 4 the scan was 1.13 times slower).
MOST_COPIES = 8


def grouped(alternatives: list[str], openings: bool = True) -> str:
    """One pattern matching wherever one of ``alternatives`` matches (each
    under a leading ``\\b``), its alternatives grouped by first character,
    each group behind a lookahead for that character; an alternative that can
    start with more than MOST_COPIES characters goes in a group behind a
    lookahead for all of them (one group per set of characters); alternatives
    whose first character cannot be told are tried everywhere, last.

    Round 14: with ``openings`` (the default), a group opens with its first
    character and checks the two-character openings its alternatives can
    have (``first_pairs``: ``t[ho]`` rather than ``t``) when they can all be
    told (``_first_then``): a word such as "the" then enters only the
    groups with an alternative opening "th". A match is then one character
    long: only where it starts means anything. Without, round 13's pattern
    (bench/triage_ab.py compares).

    Where it matches, and so every position a search finds, is the same
    however the alternatives are grouped; only the time differs."""
    by_char: dict[str, list[str]] = {}
    by_set: dict[frozenset[str], list[str]] = {}
    anywhere: list[str] = []
    for alternative in alternatives:
        chars = first_chars(alternative)
        if chars is None:
            anywhere.append(alternative)
        elif len(chars) > MOST_COPIES:
            by_set.setdefault(chars, []).append(alternative)
        else:
            for char in sorted(chars):
                by_char.setdefault(char, []).append(alternative)
    if not openings:  # round 13's pattern, character for character
        groups = [_behind(re.escape(char), group) for char, group in sorted(by_char.items())]
        groups += [
            _behind(_class(chars), group)
            for chars, group in sorted(by_set.items(), key=lambda item: sorted(item[0]))
        ]
    else:
        groups = [
            _first_then(re.escape(char), _opening({char}, group), group)
            for char, group in sorted(by_char.items())
        ]
        groups += [
            _first_then(_class(chars), _opening(chars, group), group)
            for chars, group in sorted(by_set.items(), key=lambda item: sorted(item[0]))
        ]
    groups += [f"(?:{a})" for a in anywhere]
    return r"\b(?:" + "|".join(groups) + ")"


def _opening(chars: set[str] | frozenset[str], group: list[str]) -> str | None:
    """A pattern of the two-character openings (``first_pairs``) the
    alternatives of ``group`` can have that start with one of ``chars``
    (``a[bc]|d[ef]``: a position that has none of them can start none of
    the alternatives), or None when an alternative's openings cannot be
    told."""
    openings: set[str] = set()
    for alternative in group:
        pairs = first_pairs(alternative)
        if pairs is None:
            return None
        openings |= {pair for pair in pairs if pair[0] in chars}
    if len(openings) > MOST_PAIRS:
        return None
    seconds: dict[str, set[str]] = {}
    for pair in openings:
        seconds.setdefault(pair[0], set()).update(pair[1:2] or {""})
    branches = []
    for first, then in sorted(seconds.items()):
        if "" in then:  # a one-character match: anything may follow
            branches.append(re.escape(first))
        elif len(then) == 1:
            branches.append(re.escape(first + next(iter(then))))
        else:
            branches.append(
                re.escape(first) + "[" + "".join(re.escape(c) for c in sorted(then)) + "]"
            )
    return "|".join(branches)


def _class(chars: frozenset[str] | set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _first_then(first: str, opening: str | None, group: list[str]) -> str:
    """Round 14: a group that opens with its first character (``first``, a
    character or a class) and then looks back at where it started, to check
    there the two-character ``opening`` (when told) and its alternatives:
    ``s(?<=(?=st|sz)(?=(?:...))s)``. It matches at the same positions as
    ``_behind``'s ``(?=s)(?:...)``, one character long rather than the
    alternative's length (the scan uses where a match starts, never where
    it ends), and the regex engine passes over a branch whose first
    character is not the position's without entering it (a lookahead
    first, it enters every branch): the scan alone about 0.85 of its time.
    The lookbehind is one character wide whatever the alternatives, as
    Python's lookbehinds must be of fixed width."""
    check = f"(?={opening})" if opening else ""
    return f"{first}(?<={check}(?=(?:{'|'.join(_factored(group))})){first})"


def _behind(lookahead: str, group: list[str]) -> str:
    return f"(?={lookahead})(?:{'|'.join(_factored(group))})"


def _factored(group: list[str]) -> list[str]:
    """The branches of a group, each ``(?:alternative)``, except that
    alternatives opening with the same leading group ("(?:child|kid|...)",
    a score of rules' alternatives open with it) share one copy of it:
    ``(?:P(?:(?:rest1)|(?:rest2)))``, in the order the first of them came.
    At any position that matches wherever one of them matches (the engine
    backtracks into P for the second rest), so the positions a scan finds
    are unchanged; P is tried once a position, not once an alternative
    (round 12: the scan alone 0.8 to 0.95 of its time,
    docs/triage-figures.md)."""
    heads: dict[str, list[str]] = {}
    for alternative in group:
        head, rest = _leading_group(alternative)
        heads.setdefault(head, []).append(rest)
    return [
        f"(?:{head}{rests[0]})"
        if len(rests) == 1
        else f"(?:{head}(?:{'|'.join(f'(?:{rest})' for rest in rests)}))"
        for head, rests in heads.items()
    ]


def _leading_group(alternative: str) -> tuple[str, str]:
    """(the leading ``(?:...)`` of ``alternative``, the rest), or
    (``alternative``, "") when it does not open with one, the group is
    quantified (``(?:a|b)?``), or an ``|`` outside every group would make
    the rest an alternation of its own."""
    if not alternative.startswith("(?:"):
        return alternative, ""
    depth = 0
    end = -1
    i = 0
    while i < len(alternative):
        char = alternative[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i += 2 if alternative.startswith("[^", i) else 1
            i += 1 if alternative[i : i + 1] == "]" else 0  # "[]...]": a literal ]
            while i < len(alternative) and alternative[i] != "]":
                i += 2 if alternative[i] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and end < 0:
                end = i + 1
        elif char == "|" and depth == 0:
            return alternative, ""
        i += 1
    if end < 0 or alternative[end : end + 1] in ("?", "*", "+", "{"):
        return alternative, ""
    return alternative[:end], alternative[end:]
