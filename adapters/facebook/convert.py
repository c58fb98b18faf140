"""Messenger webhook deliveries as the core's inbound events. Every text
taken from a delivery is made valid first (``bot.edge.text``).

A delivery is ``{"object": "page", "entry": [{"id": PAGE_ID, "time": ms,
"messaging": [event, ...]}, ...]}``; each event has ``sender.id`` (the
resident's page-scoped id, PSID), ``recipient.id``, ``timestamp`` (ms) and
one of ``message`` (``mid``, ``text``, ``quick_reply.payload``,
``attachments``, ``reply_to.mid``, ``is_echo`` for the Page's own),
``postback`` (``mid``, ``title``, ``payload``) or ``referral`` (``ref``,
``source``: an m.me link or an ad opened). Anything else (delivery and read
receipts, reactions) is not an event the core takes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from bot.edge.chat import ChatRef
from bot.edge.inbound import Attachment, Inbound, split_slash_command
from bot.edge.text import clean_line, clean_text

PLATFORM = "facebook"

# Messenger's attachment types, as the core's kinds.
_KINDS = {
    "image": Attachment.PHOTO,
    "video": Attachment.VIDEO,
    "audio": Attachment.AUDIO,
    "file": Attachment.DOCUMENT,
    "location": Attachment.LOCATION,
    "sticker": Attachment.STICKER,
}


def events(delivery: object, page_id: str) -> Iterator[Mapping[str, Any]]:
    """Each messaging event of a delivery for the Page ``page_id`` (entries
    for another Page, and anything that is not a Page delivery, give none)."""
    if not isinstance(delivery, dict) or delivery.get("object") != "page":
        return
    for entry in _list(delivery.get("entry")):
        if not isinstance(entry, dict) or str(entry.get("id")) != page_id:
            continue
        for event in _list(entry.get("messaging")):
            if isinstance(event, dict):
                yield event


def _list(value: object) -> list[object]:
    """``value`` when it is a list, else empty: a delivery's JSON is read,
    never trusted."""
    return value if isinstance(value, list) else []


def _id(value: object) -> str | None:
    if isinstance(value, dict):
        raw = value.get("id")
        if isinstance(raw, str | int) and str(raw).isdigit():
            return str(raw)
    return None


def to_inbound(event: Mapping[str, Any], page_id: str) -> Inbound | None:
    """The core's view of one messaging event, or None for what it does not
    take (echoes of the Page's own messages, receipts, reactions, events
    without a sender)."""
    psid = _id(event.get("sender"))
    if psid is None or psid == page_id:
        return None
    chat = ChatRef(PLATFORM, psid, "private")
    message = event.get("message")
    if isinstance(message, dict):
        return _message(message, chat, psid)
    postback = event.get("postback")
    if isinstance(postback, dict):
        payload = postback.get("payload")
        mid = postback.get("mid")
        key = str(mid) if mid else f"postback:{psid}:{event.get('timestamp')}"
        if not isinstance(payload, str) or not payload:
            return None
        return Inbound(PLATFORM, clean_line(key), chat, psid, button=clean_line(payload))
    referral = event.get("referral")
    if isinstance(referral, dict):
        # An m.me link (or an ad) opened: the resident came back. Nothing
        # written; it opens Messenger's window like any message.
        key = f"referral:{psid}:{event.get('timestamp')}"
        return Inbound(PLATFORM, clean_line(key), chat, psid, command="start")
    return None


def _message(message: Mapping[str, Any], chat: ChatRef, psid: str) -> Inbound | None:
    if message.get("is_echo"):
        return None  # the Page's own message, echoed back
    mid = message.get("mid")
    if not isinstance(mid, str) or not mid:
        return None
    quick = message.get("quick_reply")
    if isinstance(quick, dict) and isinstance(quick.get("payload"), str):
        # A quick reply tapped: the button's title is posted as the resident's
        # text, the payload is what the bot made the button with.
        return Inbound(
            PLATFORM,
            clean_line(mid),
            chat,
            psid,
            message_id=clean_line(mid),
            button=clean_line(quick["payload"]),
        )
    raw = message.get("text")
    text = clean_text(raw) if isinstance(raw, str) else ""
    attachments = tuple(_kinds(message.get("attachments")))
    if message.get("sticker_id") and Attachment.STICKER.value not in attachments:
        attachments += (Attachment.STICKER.value,)
    reply = message.get("reply_to")
    reply_mid = reply.get("mid") if isinstance(reply, dict) else None
    command, args = split_slash_command(text)
    return Inbound(
        platform=PLATFORM,
        event_key=clean_line(mid),
        chat=chat,
        sender_id=psid,
        text=text,
        message_id=clean_line(mid),
        reply_to_message_id=clean_line(reply_mid) if isinstance(reply_mid, str) else None,
        command=command,
        args=args,
        attachments=attachments,
    )


def _kinds(attachments: object) -> Iterator[str]:
    if not isinstance(attachments, list):
        return
    for item in attachments:
        kind = item.get("type") if isinstance(item, dict) else None
        yield _KINDS.get(str(kind), Attachment.OTHER).value
