"""The core's rich text as Telegram HTML: every character of text escaped."""

from __future__ import annotations

import html

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.edge.chat import Buttons
from bot.edge.rich import Rich

PARSE_MODE = "HTML"


def to_html(rich: Rich) -> str:
    out = []
    for span in rich:
        text = html.escape(span.text, quote=False)
        out.append(f"<b>{text}</b>" if span.bold else text)
    return "".join(out)


def to_keyboard(buttons: Buttons) -> InlineKeyboardMarkup | None:
    """Each button's data goes as it is: ``pack()`` (``bot.edge.payload``)
    made it to fit callback_data's 64 bytes, and cutting it would make a
    button that does something else when pressed."""
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in buttons]
    )
