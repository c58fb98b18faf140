"""Button payloads (bot/edge/payload.py): the text on the wire stays what
buttons already posted carry, unpack reads exactly what pack makes, and pack
refuses what a platform would not take instead of cutting it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.desks.subscription import check_buttons_fit
from bot.edge.payload import (
    KINDS,
    LIMIT_BYTES,
    CardAction,
    Payload,
    PayloadInvalid,
    PayloadTooLong,
    SubscribeChoice,
    SurveyAnswer,
    unpack,
)
from bot.edge.sending import Outgoing
from bot.edge.startup import StartupFailure
from config.model import Forum
from tests.support.core_harness import CoreHarness, HarnessFactory

# Every grammar, as buttons posted before payloads were typed carry it.
ON_THE_WIRE: list[tuple[Payload, str]] = [
    (CardAction("approve", 12), "approve:12"),
    (CardAction("reject", 12), "reject:12"),
    (CardAction("later", 1), "later:1"),
    (CardAction("approve", 0), "approve:0"),
    (SubscribeChoice("forum", "bromley"), "sub:f:bromley"),
    (SubscribeChoice("toggle", "bromley", "advice"), "sub:t:bromley:advice"),
    (
        SubscribeChoice("toggle", "north-west-2", "consultations"),
        "sub:t:north-west-2:consultations",
    ),
    (SubscribeChoice("all", "bromley"), "sub:a:bromley"),
    (SubscribeChoice("none", "bromley"), "sub:n:bromley"),
    (SubscribeChoice.list_page(2), "sub:p:2"),
    (SurveyAnswer(3, 0), "survey:3:0"),
    (SurveyAnswer(1, 7), "survey:1:7"),
]


@pytest.mark.parametrize(("payload", "wire"), ON_THE_WIRE)
def test_pack_makes_the_text_buttons_already_carry(payload: Payload, wire: str) -> None:
    assert payload.pack() == wire


@pytest.mark.parametrize(("payload", "wire"), ON_THE_WIRE)
def test_unpack_reads_it_back(payload: Payload, wire: str) -> None:
    assert unpack(wire) == payload
    assert unpack(payload.pack()) == payload


def test_every_kind_is_in_the_registry_and_claims_its_own_tags() -> None:
    tags = [tag for kind in KINDS for tag in kind.tags]
    assert len(tags) == len(set(tags))
    assert {type(payload) for payload, _ in ON_THE_WIRE} == set(KINDS)
    for payload, wire in ON_THE_WIRE:
        assert wire.partition(":")[0] in type(payload).tags


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "nonsense",
        "approve",
        "approve:",
        "approve:abc",
        "approve:#12",
        "approve:012",
        "approve:-1",
        "approve:+1",
        "approve:1 text",
        "approve:1:2",
        "APPROVE:1",
        "edit:1",
        "approve:1\ufffd",
        "approve:\u0663",  # an Arabic-Indic digit: not what pack writes
        "sub",
        "sub:",
        "sub:f",
        "sub:f:",
        "sub:x:bromley",
        "sub:t:bromley",
        "sub:t:bromley:",
        "sub:t:Bromley:advice",
        "sub:a:bromley:advice",
        "sub:f:bromley:",
        "sub:p:",
        "sub:p:x",
        "sub:p:01",
        "sub:p:bromley",
        "f:bromley",
        "t:bromley:advice",
        "survey",
        "survey:1",
        "survey:1:",
        "survey::1",
        "survey:a:b",
        "survey:01:0",
        "survey:1:\u00b3",  # superscript three: isdigit() but not a number
        "survey:1:0:0",
        "x" * 500,
        "approve:" + "1" * 60,  # over the limit: never made by pack
    ],
)
def test_anything_pack_does_not_make_unpacks_to_none(garbage: str) -> None:
    assert unpack(garbage) is None


def test_pack_refuses_over_the_limit_instead_of_cutting() -> None:
    # "sub:t:" + id + ":consultations" is 20 bytes around the id.
    fits = SubscribeChoice("toggle", "a" * (LIMIT_BYTES - 20), "consultations")
    assert len(fits.pack().encode()) == LIMIT_BYTES
    too_long = SubscribeChoice("toggle", "a" * (LIMIT_BYTES - 19), "consultations")
    with pytest.raises(PayloadTooLong, match=f"65 bytes; platforms take at most {LIMIT_BYTES}"):
        too_long.pack()
    with pytest.raises(PayloadInvalid, match="question_id must be 0 to 9223372036854775807"):
        CardAction("approve", 10**60)  # more than SQLite holds: never a question's number
    assert LIMIT_BYTES == 64  # Telegram's callback_data: 1-64 bytes, the smallest


@pytest.mark.parametrize(
    "build",
    [
        lambda: CardAction("edit", 1),  # type: ignore[arg-type]
        lambda: CardAction("approve", -1),
        lambda: SubscribeChoice("toggle", "bromley"),
        lambda: SubscribeChoice("all", "bromley", "advice"),
        lambda: SubscribeChoice("forum", "brom:ley"),
        lambda: SubscribeChoice("forum", ""),
        lambda: SubscribeChoice("toggle", "bromley", "Advice"),
        lambda: SubscribeChoice("sideways", "bromley"),  # type: ignore[arg-type]
        lambda: SurveyAnswer(-1, 0),
        lambda: SurveyAnswer(1, -1),
    ],
)
def test_values_a_grammar_cannot_carry_are_refused(build: Callable[[], object]) -> None:
    with pytest.raises(PayloadInvalid):
        build()


async def test_a_forum_id_too_long_for_the_alert_buttons_stops_start_up(
    make_harness: HarnessFactory,
) -> None:
    """``sub:t:ID:consultations`` must fit: 44 characters is the most."""
    h = await make_harness(id="a" * 44)
    (chooser,) = await _chooser(h)
    assert all(len(b.data.encode()) <= LIMIT_BYTES for row in chooser.buttons for b in row)
    too_long = Forum(id="a" * 45, name="A forum", phrases=("A forum",))
    with pytest.raises(StartupFailure, match=r"45 characters.* at most 44 characters"):
        check_buttons_fit((too_long,))


async def _chooser(h: CoreHarness) -> list[Outgoing]:
    before = len(h.sender.sent)
    await h.resident_says("5001", "/subscribe")
    return h.sender.sent[before:]
