"""Sending through discord.py, with its errors mapped to the core's. The outbox
row id is the message nonce (discord.py sets enforce_nonce), so a retried send
can never create a second message: sends are idempotent.

The reply to a slash command still waiting ("thinking", ``commands.Waiting``)
becomes the command's response instead (an edit of ``@original``: repeated,
it changes nothing); when that fails, the reply goes to the channel."""

from __future__ import annotations

import logging

import aiohttp
import discord

from adapters.discord.commands import Waiting
from adapters.discord.render import to_markdown, to_view
from bot.edge.rich import Rich
from bot.edge.sending import NoAccess, NotSent, Outgoing, Rejected, Unreachable

log = logging.getLogger("forumbot.discord")

CANNOT_MESSAGE_USER = 50007
UNKNOWN_MESSAGE = 10008  # the message to edit is no longer there
MISSING_ACCESS = 50001  # the bot cannot see the channel (removed from the server, or hidden)
MISSING_PERMISSIONS = 50013  # it sees the channel but may not post there
NO_MENTIONS = discord.AllowedMentions.none()


class DiscordSender:
    platform = "discord"
    max_length = 2000  # code points of the message's markdown, as Discord counts content
    idempotent = True
    max_button_rows = 5  # Discord's limit of action rows per message

    def __init__(self, client: discord.Client) -> None:
        self.client = client
        self.waiting = Waiting()

    @staticmethod
    def measure(body: Rich) -> int:
        """Code points of the body as Discord markdown (escapes included): Discord
        counts ``content`` in Unicode code points (Python's ``len``), so an emoji
        outside the BMP is one, not the two UTF-16 units Telegram counts
        (docs/decisions.md, "Rooms that change, second round")."""
        return len(to_markdown(body))

    async def send(self, message: Outgoing) -> str:
        if self.client.is_closed() or self.client.user is None:
            # Not logged in yet (starting, or reconnecting after a failure): discord.py has no
            # open HTTP session, so nothing can go out. Try again later.
            raise NotSent("Discord is not connected")
        if message.copy_from is not None:
            # Discord has no copy: it would mean downloading and uploading the
            # resident's file, which forumbot does not do (docs/decisions.md).
            raise Rejected("Discord cannot copy a resident's message")
        # A thread is a channel of its own: a reply to an officer in one goes there.
        where = int(message.thread_id or message.chat.chat_id)
        channel = self.client.get_partial_messageable(where)
        view = to_view(message.buttons)
        reply_to = message.reply_to_message_id
        reference = (
            discord.MessageReference(
                message_id=int(reply_to), channel_id=where, fail_if_not_exists=False
            )
            if reply_to and reply_to.isdigit()  # not a slash command's "interaction:<id>"
            else None
        )
        kwargs: dict[str, object] = {}
        if view is not None:
            kwargs["view"] = view
        if reference is not None:
            kwargs["reference"] = reference
        content, mentions = to_markdown(message.body), NO_MENTIONS
        if message.alert_role_id is not None:  # the one ping: the duty role, on URGENT cards
            content = f"<@&{int(message.alert_role_id)}> {content}"
            mentions = discord.AllowedMentions(
                everyone=False,
                users=False,
                replied_user=False,
                roles=[discord.Object(int(message.alert_role_id))],
            )
        try:
            if message.edit_of is not None:
                return await self._edit(channel, message.edit_of, content, view)
            answered = await self._answer_command(message, content, mentions, view)
            if answered is not None:
                return answered
            sent = await channel.send(  # type: ignore[call-overload]
                content,
                allowed_mentions=mentions,
                nonce=message.outbox_id,
                **kwargs,
            )
        except discord.Forbidden as error:
            if error.code == CANNOT_MESSAGE_USER or message.chat.kind == "private":
                raise Unreachable(f"{error.code}: {error.text}") from error
            # 50001 Missing Access, 50013 Missing Permissions: the room's messages
            # wait until the bot is let back in.
            raise NoAccess(f"{error.code}: {error.text}") from error
        except discord.NotFound as error:
            if message.chat.kind == "private":
                raise Unreachable(f"{error.code}: {error.text}") from error
            raise Rejected(f"{error.code}: {error.text}") from error
        except discord.HTTPException as error:
            if error.status >= 500:
                raise NotSent(f"{error.status}: {error.text}") from error  # nonce: safe
            raise Rejected(f"{error.status} {error.code}: {error.text}") from error
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            raise NotSent(f"{type(error).__name__}: {error}") from error  # nonce: safe
        except RuntimeError as error:
            if not self.client.is_closed():
                raise
            # The client was closed under us ("Session is closed"): nothing went out.
            raise NotSent(f"Discord client closed: {error}") from error
        finally:
            if view is not None:
                view.stop()  # presses are read from raw interactions, not this view
        return str(sent.id)

    @staticmethod
    async def _edit(
        channel: discord.PartialMessageable,
        message_id: str,
        content: str,
        view: discord.ui.View | None,
    ) -> str:
        """PATCH the bot's message ``message_id`` so that it says
        ``content`` with ``view``'s buttons (None: its buttons go). A message
        no longer there (10008 Unknown Message: deleted in the room) leaves
        nothing to erase: done. A slash command's reply (``interaction:<id>``)
        cannot be edited once its token has expired: Rejected."""
        if not message_id.isdigit():
            raise Rejected(f"cannot edit {message_id}: a slash command's reply")
        try:
            await channel.get_partial_message(int(message_id)).edit(
                content=content, view=view, allowed_mentions=NO_MENTIONS
            )
        except discord.NotFound as error:
            if error.code != UNKNOWN_MESSAGE:
                raise
        return message_id

    async def _answer_command(
        self,
        message: Outgoing,
        content: str,
        mentions: discord.AllowedMentions,
        view: discord.ui.View | None,
    ) -> str | None:
        """The sent message's id when ``message`` answered a slash command
        waiting for it; None when none waits or the answer failed (the
        token expired, the response was deleted, Discord out of reach: the
        caller then sends it to the channel)."""
        found = self.waiting.find(message)
        if found is None:
            return None
        key, interaction = found
        self.waiting.done(key)
        try:
            if view is not None:
                sent = await interaction.edit_original_response(
                    content=content, allowed_mentions=mentions, view=view
                )
            else:
                sent = await interaction.edit_original_response(
                    content=content, allowed_mentions=mentions
                )
        except (discord.HTTPException, aiohttp.ClientError, OSError, RuntimeError) as error:
            log.info("slash command %s not answered in place (%s); sent as a message", key, error)
            return None
        return str(sent.id)
