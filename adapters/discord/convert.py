"""Discord messages and button presses as the core's inbound events. Every
text taken from Discord (content, button ids, names) is made valid first
(``bot.edge.text``)."""

from __future__ import annotations

import discord

from bot.edge.chat import ChatRef
from bot.edge.inbound import Attachment, Inbound
from bot.edge.text import clean_line, clean_text

PLATFORM = "discord"


def split_command(text: str, prefix: str) -> tuple[str | None, str]:
    """``!approve 12 text`` -> ("approve", "12 text")."""
    if not prefix or not text.startswith(prefix):
        return None, text
    head, _, rest = text[len(prefix) :].partition(" ")
    if "\n" in head:
        head, _, more = head.partition("\n")
        rest = more + (" " + rest if rest else "")
    if not head or not head.replace("-", "").isalnum():
        return None, text
    return head.lower(), rest.strip()


def _roles(user: discord.abc.User | discord.Member) -> tuple[str, ...]:
    if isinstance(user, discord.Member):
        return tuple(str(role.id) for role in user.roles)
    return ()


def _chat(channel: object, guild: discord.Guild | None, channel_id: int) -> ChatRef:
    private = guild is None or isinstance(channel, discord.DMChannel)
    return ChatRef(PLATFORM, str(channel_id), "private" if private else "group")


def thread_parent(channel: object) -> int | None:
    """The id of the channel a thread is under; None for anything else."""
    if isinstance(channel, discord.Thread):
        return channel.parent_id
    return None


def _replied_bot_text(message: discord.Message, bot_id: int | None) -> str | None:
    """The content of the bot's own message that ``message`` replies to
    (Discord's ``referenced_message``), or None."""
    reference = message.reference
    replied = reference.resolved if reference is not None else None
    if bot_id is None or not isinstance(replied, discord.Message):
        return None
    return clean_text(replied.content or "") if replied.author.id == bot_id else None


def message_to_inbound(
    message: discord.Message,
    prefix: str,
    bot_id: int | None = None,
    parent_id: int | None = None,
    *,
    edited: bool = False,
) -> Inbound | None:
    """The core's view of a message, or None for the bot's own, a webhook's
    and messages with nothing anyone wrote or sent (a pin, someone joining).
    ``bot_id``: the bot's user id (to recognise replies to its messages).
    ``parent_id``: when the message is in a thread, the channel the thread is
    under (``thread_parent``, or fetched): the event's chat is then that
    channel and ``thread_id`` the thread. ``edited``: the event is the
    message's edit (MESSAGE_UPDATE), whose event key is the message id and
    the edit's time."""
    if message.author.bot or message.webhook_id is not None:
        return None
    snapshot = _forwarded(message)
    raw = (snapshot.content if snapshot is not None else message.content) or ""
    if not raw.strip() and message.poll is not None:
        raw = message.poll.question or ""
    attachments = attachments_of(message, snapshot)
    if not raw.strip() and not attachments:
        return None
    text = clean_text(raw)  # may be blank now: the desks then answer as to any other message
    command, args = split_command(text, prefix) if snapshot is None else (None, text)
    reference = message.reference
    replied = None if snapshot is not None else reference
    key = str(message.id)
    if edited:
        when = message.edited_at.isoformat() if message.edited_at else "?"
        key = f"edit:{message.id}:{when}"
    room = parent_id if parent_id is not None else message.channel.id
    in_thread = room != message.channel.id
    return Inbound(
        platform=PLATFORM,
        event_key=key,
        chat=_chat(message.channel, message.guild, room),
        sender_id=str(message.author.id),
        sender_handle=clean_line(message.author.name),
        sender_roles=_roles(message.author),
        text=text,
        message_id=str(message.id),
        reply_to_message_id=(str(replied.message_id) if replied and replied.message_id else None),
        command=command,
        args=args,
        thread_id=str(message.channel.id) if in_thread else None,
        replied_bot_text=_replied_bot_text(message, bot_id),
        attachments=attachments,
        forwarded=snapshot is not None,
        edited=edited,
    )


def _forwarded(message: discord.Message) -> discord.MessageSnapshot | None:
    """A forward's message as it was (its words are in the snapshot, not in
    ``content``), or None when ``message`` is not a forward."""
    reference = message.reference
    if reference is None or reference.type is not discord.MessageReferenceType.forward:
        return None
    return message.message_snapshots[0] if message.message_snapshots else None


def attachments_of(
    message: discord.Message, snapshot: discord.MessageSnapshot | None = None
) -> tuple[str, ...]:
    """The kinds of what ``message`` (or the forward's snapshot) carries
    besides its words: files by their content type (a voice message by its
    flag), stickers, a poll; embeds only when there are no words (with
    words, an embed is the preview Discord made of a link in them)."""
    source = snapshot if snapshot is not None else message
    found: list[str] = []
    voice = source.flags.voice
    for attachment in source.attachments:
        found.append(_file_kind(attachment.content_type, voice))
    found.extend(Attachment.STICKER.value for _ in source.stickers)
    if message.poll is not None:
        found.append(Attachment.POLL.value)
    if source.embeds and not (source.content or "").strip():
        found.append(Attachment.EMBED.value)
    return tuple(found)


def _file_kind(content_type: str | None, voice: bool) -> str:
    if voice:
        return Attachment.VOICE.value
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind == "image/gif":
        return Attachment.ANIMATION.value
    if kind.startswith("image/"):
        return Attachment.PHOTO.value
    if kind.startswith("video/"):
        return Attachment.VIDEO.value
    if kind.startswith("audio/"):
        return Attachment.AUDIO.value
    return Attachment.DOCUMENT.value


def interaction_to_inbound(interaction: discord.Interaction) -> Inbound | None:
    if interaction.type is not discord.InteractionType.component or interaction.data is None:
        return None
    custom_id = interaction.data.get("custom_id")
    if not isinstance(custom_id, str) or interaction.channel_id is None:
        return None
    return Inbound(
        platform=PLATFORM,
        event_key=f"interaction:{interaction.id}",
        chat=_chat(interaction.channel, interaction.guild, interaction.channel_id),
        sender_id=str(interaction.user.id),
        sender_handle=clean_line(interaction.user.name),
        sender_roles=_roles(interaction.user),
        message_id=str(interaction.message.id) if interaction.message else None,
        button=clean_line(custom_id),
    )


def command_to_inbound(
    interaction: discord.Interaction,
    name: str,
    text: str,
    prefix: str,
    parent_id: int | None = None,
) -> Inbound | None:
    """An application ("slash") command as the same event its typed form
    (``{prefix}{name} {text}``) makes, so the desk checks and runs it alike:
    ``command`` and ``args``, the sender's roles, the chat (a thread's parent
    channel, ``parent_id``, with the thread as ``thread_id``). Its
    ``event_key`` and ``message_id`` are ``interaction:<id>``: the reply a
    staff desk addresses to that id answers the interaction. None when
    Discord gave no channel."""
    if interaction.channel_id is None:
        return None
    key = f"interaction:{interaction.id}"
    args = clean_text(text).strip()
    room = parent_id if parent_id is not None else interaction.channel_id
    private = interaction.guild_id is None
    return Inbound(
        platform=PLATFORM,
        event_key=key,
        chat=ChatRef(PLATFORM, str(room), "private" if private else "group"),
        sender_id=str(interaction.user.id),
        sender_handle=clean_line(interaction.user.name),
        sender_roles=_roles(interaction.user),
        text=f"{prefix}{clean_line(name)} {args}".strip(),
        message_id=key,
        command=clean_line(name).lower(),
        args=args,
        thread_id=str(interaction.channel_id) if room != interaction.channel_id else None,
    )
