"""Staff and public rooms: a Telegram chat or a Discord channel."""

from __future__ import annotations

from config import scalar
from config.model import PlatformName, Room
from config.node import Fields, Invalid

_ID_KEY: dict[PlatformName, str] = {"telegram": "chat_id", "discord": "channel_id"}


def read_room(fields: Fields) -> Room | None:
    """The room, or None if it is not usable (each problem is recorded)."""
    platform = fields.required(
        "platform", _platform, "give platform: telegram or platform: discord"
    )
    if platform is None:
        return None
    id_key = _ID_KEY[platform]
    for other_platform, other_key in _ID_KEY.items():
        if other_key != id_key and fields.get(other_key) is not None:
            fields.reader.problems.add(
                fields.path_of(other_key),
                fields.get(other_key),
                f"{platform} rooms are given by {id_key}; {other_key} is for "
                f"{other_platform} rooms",
            )
    if platform == "telegram":
        if fields.get("duty_role_id") is not None:
            fields.reader.problems.add(
                fields.path_of("duty_role_id"),
                fields.get("duty_role_id"),
                "duty_role_id is for Discord staff rooms; Telegram has no roles to ping",
            )
        chat_id = fields.required(
            "chat_id",
            scalar.telegram_chat,
            'give the Telegram chat id, e.g. chat_id: -1001234567890 or chat_id: "@MyChannel"',
        )
        return None if chat_id is None else Room(platform="telegram", chat_id=chat_id)
    channel_id = fields.required(
        "channel_id",
        scalar.snowflake,
        'give the Discord channel id, e.g. channel_id: "123456789012345678"',
    )
    duty_role_id = fields.value("duty_role_id", scalar.snowflake, "") or None
    if channel_id is None:
        return None
    return Room(platform="discord", channel_id=channel_id, duty_role_id=duty_role_id)


def room_key(room: Room) -> tuple[str, str]:
    """What makes two rooms the same room (Telegram @usernames ignore case)."""
    return (room.platform, room.address.casefold())


def _platform(value: object) -> PlatformName:
    if value == "telegram":
        return "telegram"
    if value == "discord":
        return "discord"
    raise Invalid(f"expected telegram or discord; found {scalar.describe(value)}")
