"""The card officers see for each new question: never the asker's name or
handle, only their pseudonym."""

from __future__ import annotations

from bot.chat import Button, Buttons
from bot.rich import Rich, join
from bot.store.question import Question
from bot.wording import Wording


def render_card(
    wording: Wording, question: Question, forum_name: str, pseudonym: str, prefix: str
) -> Rich:
    parts: list[Rich] = []
    if question.urgent:
        parts.append(wording.render("card_urgent_banner"))
    parts.append(
        wording.render(
            "card",
            ref=question.id,
            forum=forum_name,
            state=question.state.value,
            pseudonym=pseudonym,
            text=question.text,
            publishable=question.publishable,
        )
    )
    parts.append(wording.render("card_hint", prefix=prefix, ref=question.id))
    return join(parts)


def card_buttons(wording: Wording, question_id: int) -> Buttons:
    return (
        (
            Button(wording.text("button_approve", ref=question_id), f"approve:{question_id}"),
            Button(wording.text("button_reject", ref=question_id), f"reject:{question_id}"),
            Button(wording.text("button_later", ref=question_id), f"later:{question_id}"),
        ),
    )
