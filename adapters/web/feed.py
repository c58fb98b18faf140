"""A web chat as a feed: what the visitor writes or presses goes to the core
as an inbound event on the shared queue (exactly as Telegram's and
Discord's do), and what the bot sends comes back over server-sent events.
The resident chat and the officers' console are both feeds."""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets

from aiohttp import web

from adapters.web import store
from adapters.web.site import Site
from bot.edge.chat import ChatRef
from bot.edge.inbound import Envelope, Inbound, split_slash_command
from bot.edge.text import clean_line, clean_text, parse_number

HEARTBEAT_S = 15.0
CARD_CHECK_S = 5.0  # how often a staff room's stream looks for cards whose question changed
MAX_TEXT = 4000  # longer than any limit: the core says what its limit is
STORED_WITHIN_S = 10.0


async def submit(
    site: Site,
    chat: ChatRef,
    sender_id: str,
    *,
    text: str = "",
    button: str | None = None,
    nonce: str | None = None,
    handle: str | None = None,
    reply_to: str | None = None,
    burst: bool = False,
) -> None:
    """Hand one event to the core; returns once it is stored (never lost).
    ``reply_to``: the web message id (as text) the resident answers, from
    an answer box; the text is then read as it is, never as a command.
    Raises TimeoutError when it was not stored within ``STORED_WITHIN_S``
    seconds, and the intake's error when it could not be stored at all.
    ``burst``: the resident is from a burst of new ones (``Inbound.burst``)."""
    text = clean_text(text)
    plain_reply = button is not None or reply_to is not None
    command, args = split_slash_command(text) if not plain_reply else (None, "")
    key = clean_line(nonce) if nonce and len(nonce) <= 64 else secrets.token_hex(8)
    event = Inbound(
        platform="web",
        event_key=f"{chat.chat_id}:{key}",
        chat=chat,
        sender_id=sender_id,
        text=text,
        sender_handle=clean_line(handle) if handle is not None else None,
        command=command,
        args=args,
        button=clean_line(button) if button is not None else None,
        reply_to_message_id=clean_line(reply_to) if reply_to is not None else None,
        burst=burst,
    )
    envelope = Envelope(event)
    await site.core.queue.put(envelope)
    async with asyncio.timeout(STORED_WITHIN_S):
        await asyncio.shield(envelope.stored)


async def form_fields(request: web.Request) -> dict[str, str]:
    """A posted form or JSON object as text fields, each made valid
    (``bot.edge.text.clean_text``: lone surrogates, NUL and other control
    characters never get further). Non-text values are given as their
    ``str``. Raises HTTPBadRequest (400) for a body that is not valid JSON
    or form data."""
    try:
        if request.content_type == "application/json":
            data = await request.json()
            raw = {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
        else:
            form = await request.post()
            raw = {k: v for k, v in form.items() if isinstance(v, str)}
    except (ValueError, UnicodeDecodeError) as error:  # JSONDecodeError is a ValueError
        raise web.HTTPBadRequest(text="The request could not be read.") from error
    return {clean_line(k): clean_text(v) for k, v in raw.items()}


def wants_json(request: web.Request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


async def history(
    site: Site, chat_id: str, after_id: int = 0, *, cards: bool = False
) -> list[store.WebMessage]:
    """The chat's kept messages after ``after_id`` (the latest 200), each
    consultation still open for free-text answers marked ``answerable``;
    with ``cards`` (a staff room), each question's card with where its
    question now stands and only the buttons that still apply
    (``store.with_cards``)."""
    async with site.core.db.read() as tx:
        messages = await store.with_answer_boxes(tx, await store.after(tx, chat_id, after_id))
        return await store.with_cards(tx, messages) if cards else messages


async def _card_states(site: Site, chat_id: str) -> dict[int, dict[str, object]]:
    """The state event (``WebMessage.as_state``) of each card among the
    chat's latest messages, by message id."""
    async with site.core.db.read() as tx:
        return {m.id: m.as_state() for m in await store.latest_cards(tx, chat_id)}


async def events(
    site: Site, request: web.Request, chat_id: str, *, cards: bool = False
) -> web.StreamResponse:
    """Server-sent events: what was missed since ``Last-Event-ID`` (or
    ``?after=``), then each new message as it is sent (``message`` events,
    with an id). With ``cards`` (a staff room), also a ``state`` event
    (``WebMessage.as_state``, no id) whenever a card's question changes:
    checked after each message and every ``CARD_CHECK_S`` seconds, so a
    change made in another staff room shows too; on connecting, one for
    every card that is no longer new and unseen."""
    raw = request.headers.get("Last-Event-ID") or request.query.get("after") or "0"
    after_id = parse_number(raw.strip()) or 0
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream",
            "Cache-Control": "no-store",
            "X-Accel-Buffering": "no",
        }
    )
    site.security.decorate(request, response)
    queue = site.hub.watch(chat_id)  # before reading the past, so nothing falls between
    try:
        await response.prepare(request)
        seen = after_id
        known: dict[int, dict[str, object]] = {}
        if cards:  # the page may be older than this stream: what changed since
            known = await _card_states(site, chat_id)
            for message_id, state in known.items():
                card = state["card"]
                moved = isinstance(card, dict) and (card["state"] != "new" or card["seen_by"])
                if message_id <= after_id and moved:
                    await _write_state(response, state)
        for message in await history(site, chat_id, after_id, cards=cards):
            await _write(response, message.as_event())
            seen = message.id
        while True:
            try:
                async with asyncio.timeout(CARD_CHECK_S if cards else HEARTBEAT_S):
                    event = await queue.get()
            except TimeoutError:
                await response.write(b": still here\n\n")
                event = {}
            if event is None:
                break
            if event and int(str(event["id"])) > seen:
                await _write(response, event)
                seen = int(str(event["id"]))
            if cards:
                now = await _card_states(site, chat_id)
                for message_id, state in now.items():
                    if message_id in known and known[message_id] != state:
                        await _write_state(response, state)
                known = now
    except (ConnectionResetError, asyncio.CancelledError):
        pass
    finally:
        site.hub.unwatch(chat_id, queue)
    with contextlib.suppress(ConnectionResetError, RuntimeError):
        await response.write_eof()
    return response


async def _write_state(response: web.StreamResponse, state: dict[str, object]) -> None:
    data = json.dumps(state, ensure_ascii=False)
    await response.write(f"event: state\ndata: {data}\n\n".encode())


async def _write(response: web.StreamResponse, event: dict[str, object]) -> None:
    data = json.dumps(event, ensure_ascii=False)
    await response.write(f"id: {event['id']}\nevent: message\ndata: {data}\n\n".encode())
