"""The card officers see for each new question: never the asker's name or
handle, only their pseudonym."""

from __future__ import annotations

import re
from datetime import timedelta

from bot.edge.chat import Button, Buttons
from bot.edge.inbound import Attachment
from bot.edge.payload import CardAction, CardKind
from bot.edge.rich import Rich, Span, join, merge
from bot.safeguarding.redaction import LABEL_PATTERN, find_doubtful_names
from bot.store.question import Question
from bot.wording.wording import Wording

# How each kind of attachment is named to residents and officers.
ATTACHMENT_WORDS: dict[str, str] = {
    Attachment.PHOTO: "attachment_photo",
    Attachment.VIDEO: "attachment_video",
    Attachment.VOICE: "attachment_voice",
    Attachment.AUDIO: "attachment_audio",
    Attachment.DOCUMENT: "attachment_document",
    Attachment.STICKER: "attachment_sticker",
    Attachment.ANIMATION: "attachment_animation",
    Attachment.LOCATION: "attachment_location",
    Attachment.CONTACT: "attachment_contact",
    Attachment.POLL: "attachment_poll",
    Attachment.EMBED: "attachment_embed",
    Attachment.OTHER: "attachment_other",
}


# What an album (several sent together) can hold, when there are several.
PLURAL_WORDS = {
    Attachment.PHOTO: "attachment_photos",
    Attachment.VIDEO: "attachment_videos",
    Attachment.DOCUMENT: "attachment_documents",
    Attachment.AUDIO: "attachment_audios",
}


def describe_attachments(wording: Wording, kinds: tuple[str, ...], album: bool = False) -> str:
    """``("photo", "voice", "photo")`` -> "photos, a voice message": each
    kind once, in the order first sent, in the plural when sent more than
    once or in an ``album`` (several sent together, of which only the first
    may be known yet); a kind no template names (from a newer adapter) reads
    as ``attachment_other``. "" for none."""
    keys = dict.fromkeys(
        PLURAL_WORDS[Attachment(kind)]
        if kind in PLURAL_WORDS and (album or kinds.count(kind) > 1)
        else ATTACHMENT_WORDS.get(kind, "attachment_other")
        for kind in kinds
    )
    return ", ".join(wording.text(key) for key in keys)


def render_card(
    wording: Wording,
    question: Question,
    forum_name: str,
    pseudonym: str,
    platform: str,
    copied: bool = False,
    language: str | None = None,
    seen_within: timedelta | None = None,
) -> Rich:
    """The card for ``question`` in a staff room on ``platform``: with a
    line naming what the resident sent besides words (``copied``: its photo
    is copied below this card, in this room), a warning when it was
    forwarded, the language it is written in when not English (``language``:
    its English name), and the hint of what officers can do there (``card_hint`` in
    the platform's words and command prefix: the web console has no replies).
    ``seen_within``: for an URGENT card not yet seen, how long officers have
    to press "Seen" before it is raised again (the forum's ``escalation.after``)."""
    parts: list[Rich] = []
    if question.urgent:
        # The web console puts its own URGENT label before the card: its
        # banner does not say the word again ("URGENT URGENT: ...").
        parts.append(wording.render_for(platform, "card_urgent_banner"))
    if question.urgent_more:
        parts.append(wording.render("card_urgent_more", count=question.urgent_more))
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
    if language is not None:  # written in another language: its English name
        parts.append(wording.card_language(language))
    if question.forwarded:
        parts.append(wording.render("card_forwarded"))
    if question.attachments:
        parts.append(
            wording.render(
                "card_attachments",
                what=describe_attachments(
                    wording, question.attachments, album=question.album is not None
                ),
            )
        )
        copied_key = "card_attachments_copied" if question.album is None else "card_photos_copied"
        parts.append(wording.render(copied_key if copied else "card_attachments_not_shown"))
    parts.append(highlight_labels(question.publishable))
    doubtful = possible_names(question.publishable)
    if doubtful:
        parts.append(
            wording.render(
                "card_possible_names",
                names=", ".join(doubtful),
                prefix=wording.prefix(platform),
                ref=question.id,
            )
        )
    if LABEL_PATTERN.search(question.publishable) is None:
        verbatim = question.publishable == question.text
        parts.append(
            wording.render(
                "card_nothing_replaced_verbatim" if verbatim else "card_nothing_replaced"
            )
        )
    prefix = wording.prefix(platform)
    parts.append(wording.render_for(platform, "card_hint", prefix=prefix, ref=question.id))
    if question.urgent and question.seen_at is None and seen_within is not None:
        parts.append(
            wording.render(
                "card_urgent_seen_hint",
                prefix=prefix,
                ref=question.id,
                after=wording.duration(seen_within),
            )
        )
    return join(parts)


_REF_MARK = "REFERENCEMARK"


def card_references(wording: Wording, prefix: str, text: str) -> list[int]:
    """The questions a card's text names, read from its hint line
    (``card_hint`` with the platform's ``prefix``: the apps' wording, as
    only the apps have replies), in order, without repeats: one for a card,
    several for cards combined, none for any other text. For a reply to a
    card whose platform id was never recorded (its send's outcome was
    unknown). Markdown emphasis (``**``, ``__``) around
    the text is ignored, as Discord's content keeps it."""
    hint = wording.text("card_hint", prefix=prefix, ref=_REF_MARK)
    pattern = re.escape(hint).replace(_REF_MARK, r"(\d+)", 1).replace(_REF_MARK, r"\d+")
    found: list[int] = []
    for match in re.finditer(pattern, text.replace("**", "").replace("__", "")):
        ref = int(match.group(1))
        if ref not in found:
            found.append(ref)
    return found


def possible_names(publishable: str) -> list[str]:
    """The words of the suggestion that may be names and were left in
    (``bot.safeguarding.redaction.find_doubtful_names``), each once, quoted,
    in order: ``['"Fernleigh"', '"Strava"']``. The card asks the officer to
    check them rather than hide the doubt."""
    found = [publishable[d.start : d.end] for d in find_doubtful_names(publishable)]
    return [f"\u201c{word}\u201d" for word in dict.fromkeys(found)]


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
SEEN_BUTTON: tuple[CardKind, str] = ("seen", "button_seen")


def card_buttons(wording: Wording, question_id: int, urgent: bool = False) -> Buttons:
    """One row: approve, reject, later (``approve:12`` and so on on the
    wire); an ``urgent`` card's row starts with "Seen" (``seen:12``)."""
    kinds = (SEEN_BUTTON, *CARD_BUTTONS) if urgent else CARD_BUTTONS
    return (
        tuple(
            Button(wording.text(label, ref=question_id), CardAction(kind, question_id).pack())
            for kind, label in kinds
        ),
    )
