"""The adapters put a button's packed payload on the wire as it is: never cut
(pack() made it fit), and a card's buttons coloured on Discord by their
action."""

from __future__ import annotations

import discord

from adapters.discord.render import to_view
from adapters.telegram.render import to_keyboard
from bot.edge.chat import Button
from bot.edge.payload import LIMIT_BYTES, CardAction, SubscribeChoice

LONGEST = SubscribeChoice("toggle", "a" * (LIMIT_BYTES - 20), "consultations").pack()


def test_telegram_sends_the_data_as_packed() -> None:
    keyboard = to_keyboard(
        ((Button("Approve #12", CardAction("approve", 12).pack()),), (Button("All", LONGEST),))
    )
    assert keyboard is not None
    data = [b.callback_data for row in keyboard.inline_keyboard for b in row]
    assert data == ["approve:12", LONGEST]
    # Longer than a payload can be: passed on for Telegram to refuse, never cut.
    over = to_keyboard(((Button("x", "x" * 70),),))
    assert over is not None and over.inline_keyboard[0][0].callback_data == "x" * 70


async def test_discord_sends_the_data_as_packed_and_colours_card_actions() -> None:
    view = to_view(
        (
            tuple(
                Button(kind, CardAction(kind, 12).pack()) for kind in ("approve", "reject", "later")
            ),
            (Button("All", LONGEST), Button("Garbage", "approve:x")),
        )
    )
    assert view is not None
    buttons = [item for item in view.children if isinstance(item, discord.ui.Button)]
    assert [b.custom_id for b in buttons] == [
        "approve:12",
        "reject:12",
        "later:12",
        LONGEST,
        "approve:x",
    ]
    assert [b.style for b in buttons] == [
        discord.ButtonStyle.success,
        discord.ButtonStyle.danger,
        discord.ButtonStyle.secondary,
        discord.ButtonStyle.secondary,
        discord.ButtonStyle.secondary,
    ]
