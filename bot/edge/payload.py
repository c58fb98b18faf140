"""What a button carries: a typed value, packed into the text a platform hands
back when the button is pressed (Telegram's ``callback_data``, Discord's
``custom_id``, the web's ``button`` field), and unpacked from it.

Three kinds, one grammar each, named by the text before the first ``:``:

    ===================  ========================  ================================
    payload              on the wire               pressed by
    ===================  ========================  ================================
    ``CardAction``       ``approve:12``            officers, on a question's card
                         ``reject:12``
                         ``later:12``
                         ``seen:12`` (URGENT only)
    ``SubscribeChoice``  ``sub:f:bromley``         a resident choosing alerts:
                         ``sub:t:bromley:advice``  a forum's choices, one type on
                         ``sub:a:bromley``         or off, all, none
                         ``sub:n:bromley``
                         ``sub:p:2``               the forum list's page 2
    ``SurveyAnswer``     ``survey:3:0``            a resident answering a
                                                   consultation (option 0 = first)
    ===================  ========================  ================================

``pack()`` makes exactly the text above (buttons already posted carry it, so it
never changes) and raises ``PayloadTooLong`` rather than cut anything: the
limit is ``LIMIT_BYTES``, the smallest any platform takes. ``unpack()`` reads
exactly what ``pack()`` makes and nothing else: any other text (forged,
damaged, from an older grammar) is ``None``, which each desk answers as it
always answered a press it did not know.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar, Literal

from bot.edge.text import MAX_NUMBER, parse_number

LIMIT_BYTES = 64
"""The most a packed payload may be, in UTF-8 bytes: Telegram's callback_data
takes 1-64 bytes, Discord's custom_id 100 characters, the web has no limit of
its own. One limit for every platform, because the same buttons (a card, a
consultation) go to rooms and residents on all of them."""

CardKind = Literal["approve", "reject", "later", "seen"]
CARD_KINDS: tuple[CardKind, ...] = ("approve", "reject", "later", "seen")

SubscribeStep = Literal["forum", "toggle", "all", "none", "page"]
_STEP_CODES: Mapping[SubscribeStep, str] = {
    "forum": "f",
    "toggle": "t",
    "all": "a",
    "none": "n",
    "page": "p",
}
_CODE_STEPS: Mapping[str, SubscribeStep] = {code: step for step, code in _STEP_CODES.items()}

_NUMBER = re.compile(r"0|[1-9][0-9]*")  # as str(int) writes it: no sign, no leading zero
_WORD = re.compile(r"[a-z0-9-]+")  # a forum id (config: [a-z0-9-]+) or an alert type


class PayloadTooLong(ValueError):
    """A payload whose packed text is over ``LIMIT_BYTES``. Raised by
    ``pack()`` instead of cutting the text, which would make a button that
    does something else, or nothing, when pressed."""


class PayloadInvalid(ValueError):
    """A payload built from values its grammar cannot carry (a negative
    number, a forum id with a ``:``, a toggle without an alert type)."""


def _fit(data: str) -> str:
    size = len(data.encode("utf-8"))
    if size > LIMIT_BYTES:
        raise PayloadTooLong(
            f"button data {data!r} is {size} bytes; platforms take at most {LIMIT_BYTES}"
        )
    return data


def _number(text: str) -> int | None:
    """As ``str(int)`` writes it, 0 to ``MAX_NUMBER`` (what SQLite holds)."""
    return parse_number(text) if _NUMBER.fullmatch(text) else None


def _check_number(name: str, value: int) -> None:
    if not 0 <= value <= MAX_NUMBER:
        raise PayloadInvalid(f"{name} must be 0 to {MAX_NUMBER}, not {value}")


@dataclass(frozen=True)
class CardAction:
    """An officer's button on a question's card: ``approve:12``."""

    kind: CardKind
    question_id: int

    tags: ClassVar[tuple[str, ...]] = CARD_KINDS

    def __post_init__(self) -> None:
        if self.kind not in CARD_KINDS:
            raise PayloadInvalid(f"a card action is one of {', '.join(CARD_KINDS)}")
        _check_number("question_id", self.question_id)

    def pack(self) -> str:
        return _fit(f"{self.kind}:{self.question_id}")

    @classmethod
    def read(cls, tag: str, rest: str) -> CardAction | None:
        question_id = _number(rest)
        if question_id is None:
            return None
        for kind in CARD_KINDS:
            if kind == tag:
                return cls(kind, question_id)
        return None


@dataclass(frozen=True)
class SubscribeChoice:
    """A resident's button in the alerts chooser: ``forum`` shows a forum's
    choices (``sub:f:bromley``), ``toggle`` turns one alert type on or off
    (``sub:t:bromley:advice``), ``all`` / ``none`` every type of the forum
    (``sub:a:bromley``, ``sub:n:bromley``); ``page`` shows another page of
    the forum list (``sub:p:2``: its forum id is empty, ``page`` counts
    from 0). ``alert_type`` is set for ``toggle`` only."""

    step: SubscribeStep
    forum_id: str
    alert_type: str | None = None
    page: int = 0

    tags: ClassVar[tuple[str, ...]] = ("sub",)

    def __post_init__(self) -> None:
        if self.step not in _STEP_CODES:
            raise PayloadInvalid(f"a subscription step is one of {', '.join(_STEP_CODES)}")
        if self.step == "page":
            if self.forum_id or self.alert_type is not None:
                raise PayloadInvalid("a page of the forum list names no forum or alert type")
            _check_number("page", self.page)
            return
        if self.page:
            raise PayloadInvalid("only the page step has a page")
        if not _WORD.fullmatch(self.forum_id):
            raise PayloadInvalid(f"forum id {self.forum_id!r} is not [a-z0-9-]+")
        if (self.step == "toggle") != (self.alert_type is not None):
            raise PayloadInvalid("an alert type goes with the toggle step, and only with it")
        if self.alert_type is not None and not _WORD.fullmatch(self.alert_type):
            raise PayloadInvalid(f"alert type {self.alert_type!r} is not [a-z0-9-]+")

    @classmethod
    def list_page(cls, page: int) -> SubscribeChoice:
        """The button showing page ``page`` (from 0) of the forum list."""
        return cls("page", "", page=page)

    def pack(self) -> str:
        if self.step == "page":
            return _fit(f"sub:p:{self.page}")
        parts = ["sub", _STEP_CODES[self.step], self.forum_id]
        if self.alert_type is not None:
            parts.append(self.alert_type)
        return _fit(":".join(parts))

    @classmethod
    def read(cls, tag: str, rest: str) -> SubscribeChoice | None:
        code, _, rest = rest.partition(":")
        step = _CODE_STEPS.get(code)
        if step == "page":
            page = _number(rest)
            return cls.list_page(page) if page is not None else None
        forum_id, _, alert_type = rest.partition(":")
        if step is None or not _WORD.fullmatch(forum_id):
            return None
        if step != "toggle":
            return cls(step, forum_id) if ":" not in rest else None
        if not _WORD.fullmatch(alert_type):
            return None
        return cls(step, forum_id, alert_type)


@dataclass(frozen=True)
class SurveyAnswer:
    """A resident's answer to a consultation: ``survey:3:0`` is option 0
    (the first) of consultation #3."""

    survey_id: int
    option: int

    tags: ClassVar[tuple[str, ...]] = ("survey",)

    def __post_init__(self) -> None:
        _check_number("survey_id", self.survey_id)
        _check_number("option", self.option)

    def pack(self) -> str:
        return _fit(f"survey:{self.survey_id}:{self.option}")

    @classmethod
    def read(cls, tag: str, rest: str) -> SurveyAnswer | None:
        survey_ref, _, option_ref = rest.partition(":")
        survey_id, option = _number(survey_ref), _number(option_ref)
        if survey_id is None or option is None:
            return None
        return cls(survey_id, option)


Payload = CardAction | SubscribeChoice | SurveyAnswer

KINDS: tuple[type[CardAction] | type[SubscribeChoice] | type[SurveyAnswer], ...] = (
    CardAction,
    SubscribeChoice,
    SurveyAnswer,
)
"""Every kind of payload; each claims the tags (text before the first ``:``) it reads."""


def _readers() -> dict[str, Callable[[str, str], Payload | None]]:
    readers: dict[str, Callable[[str, str], Payload | None]] = {}
    for kind in KINDS:
        for tag in kind.tags:
            if tag in readers:
                raise RuntimeError(f"two payload kinds claim the tag {tag!r}")
            readers[tag] = kind.read
    return readers


_READERS = _readers()


def unpack(data: str) -> Payload | None:
    """The payload ``data`` carries, or None when it is not what ``pack()``
    makes: an unknown tag, a malformed value, or over ``LIMIT_BYTES``."""
    if len(data.encode("utf-8", "surrogatepass")) > LIMIT_BYTES:
        return None
    tag, colon, rest = data.partition(":")
    reader = _READERS.get(tag)
    if reader is None or not colon:
        return None
    return reader(tag, rest)
