"""The card officers see for each new question: never the asker's name or
handle, only their pseudonym."""

from __future__ import annotations

from bot.edge.chat import Button, Buttons
from bot.edge.payload import CardAction, CardKind
from bot.edge.rich import Rich, Span, join, merge
from bot.safeguarding.redaction import LABEL_PATTERN
from bot.store.question import Question
from bot.wording.wording import Wording


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
        )
    )
    parts.append(highlight_labels(question.publishable))
    if LABEL_PATTERN.search(question.publishable) is None:
        parts.append(wording.render("card_nothing_replaced"))
    parts.append(wording.render("card_hint", prefix=prefix, ref=question.id))
    return join(parts)


def highlight_labels(publishable: str) -> Rich:
    """The suggested text with each redaction label in bold, so the officer sees
    at a glance what was replaced. The text itself stays plain."""
    spans: list[Span] = []
    position = 0
    for match in LABEL_PATTERN.finditer(publishable):
        spans.append(Span(publishable[position : match.start()]))
        spans.append(Span(match.group(0), bold=True))
        position = match.end()
    spans.append(Span(publishable[position:]))
    return merge(spans)


# The card's buttons in order, each with its label's template.
CARD_BUTTONS: tuple[tuple[CardKind, str], ...] = (
    ("approve", "button_approve"),
    ("reject", "button_reject"),
    ("later", "button_later"),
)


def card_buttons(wording: Wording, question_id: int) -> Buttons:
    """One row: approve, reject, later (``approve:12`` and so on on the wire)."""
    return (
        tuple(
            Button(wording.text(label, ref=question_id), CardAction(kind, question_id).pack())
            for kind, label in CARD_BUTTONS
        ),
    )
