"""The core's rich text as Discord markdown: user text escaped, mentions
neutralised (and allowed mentions none on every send, so nothing pings)."""

from __future__ import annotations

import discord

from bot.edge.chat import Buttons
from bot.edge.payload import CardAction, CardKind, unpack
from bot.edge.rich import Rich

STYLE: dict[CardKind, discord.ButtonStyle] = {
    "approve": discord.ButtonStyle.success,
    "reject": discord.ButtonStyle.danger,
    "later": discord.ButtonStyle.secondary,
    "seen": discord.ButtonStyle.primary,
}


def escape(text: str) -> str:
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))


def to_markdown(rich: Rich) -> str:
    out = []
    for span in rich:
        text = escape(span.text)
        if span.bold and text.strip():
            # Markdown bold must hug its text: keep edge whitespace outside.
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            text = f"{lead}**{text.strip()}**{trail}"
        out.append(text)
    return "".join(out)


def rendered_length(rich: Rich) -> int:
    return len(to_markdown(rich))


def to_view(buttons: Buttons) -> discord.ui.View | None:
    """Each button's data goes as its custom_id as it is (``pack()`` made it
    fit); a card's buttons are coloured by their action."""
    if not buttons:
        return None
    view = discord.ui.View(timeout=None)
    for row_number, row in enumerate(buttons[:5]):
        for button in row[:5]:
            payload = unpack(button.data)
            style = (
                STYLE[payload.kind]
                if isinstance(payload, CardAction)
                else discord.ButtonStyle.secondary
            )
            view.add_item(
                discord.ui.Button(
                    label=button.label[:80],
                    custom_id=button.data,
                    style=style,
                    row=row_number,
                )
            )
    return view
