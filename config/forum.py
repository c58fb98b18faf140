"""The ``forums:`` list, and what must hold across forums: unique ids, a phrase
belongs to one forum, no room is both a staff room and a public room."""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import Node

from config import scalar
from config.model import Forum, Officers, Room, Schedule
from config.node import Fields, Reader, keys_of, line_of
from config.phrase import normalise_phrase
from config.room import read_room, room_key
from config.schedule import read_schedule

_FORUMS_EXAMPLE = "a list of forums, each starting with '- id: ...'"


@dataclass(frozen=True)
class _Claim:
    """Where something was first written: by which forum (its id, quoted, or
    its path when the id is bad), at which path and node."""

    forum: str
    path: str
    node: Node

    def where(self) -> str:
        return f"{self.path}, line {line_of(self.node)}"


class _ForumsReader:
    """Reads the forums one by one, remembering what each claimed."""

    def __init__(self, reader: Reader, zone: str) -> None:
        self.reader = reader
        self.zone = zone
        self.ids: dict[str, _Claim] = {}
        self.phrases: dict[str, _Claim] = {}
        self.rooms: dict[tuple[str, tuple[str, str]], _Claim] = {}  # (role, room key)

    def forum(self, fields: Fields) -> Forum | None:
        forum_id = fields.required(
            "id", scalar.forum_id, "give the forum a short id such as id: bromley"
        )
        label = repr(forum_id) if forum_id else fields.path
        if forum_id is not None:
            self._claim_id(forum_id, fields)
        name = fields.required(
            "name", scalar.text, "give the forum's name, e.g. name: Bromley Police Online Forum"
        )
        phrases = self._phrases(fields, label)
        schedule_fields = fields.section("schedule", keys_of(Schedule))
        schedule = (
            read_schedule(schedule_fields, self.zone) if schedule_fields is not None else None
        )
        default = Forum(id="", name="", phrases=())
        announce = fields.values("announce_before", scalar.duration, "[24h, 1h]")
        staff = self._rooms(fields, "staff_rooms", label)
        public = self._rooms(fields, "public_rooms", label)
        officers = _officers(fields.section("officers", keys_of(Officers)))
        areas = fields.values("areas", scalar.postcode_area, '[BR1, BR2, "BR6 7"]')
        quiet = fields.value("quiet_hours", scalar.quiet_hours, default.quiet_hours)
        if forum_id is None or name is None or not phrases:
            return None
        return Forum(
            id=forum_id,
            name=name,
            phrases=phrases,
            schedule=schedule,
            announce_before=default.announce_before if announce is None else tuple(announce),
            staff_rooms=staff,
            public_rooms=public,
            officers=officers,
            areas=tuple(areas or ()),
            quiet_hours=quiet,
        )

    def _claim_id(self, forum_id: str, fields: Fields) -> None:
        node = fields.get("id")
        assert node is not None
        earlier = self.ids.get(forum_id)
        if earlier is not None:
            self.reader.problems.add(
                fields.path_of("id"),
                node,
                f"duplicate forum id {forum_id!r} (also at {earlier.where()}); "
                "each forum needs its own id",
            )
        else:
            self.ids[forum_id] = _Claim(repr(forum_id), fields.path_of("id"), node)

    def _phrases(self, fields: Fields, label: str) -> tuple[str, ...]:
        node = fields.get("phrases")
        if node is None:
            fields.missing(
                "phrases", 'give the phrase residents start with, e.g. phrases: ["Bromley Police"]'
            )
            return ()
        items = self.reader.sequence(
            node, fields.path_of("phrases"), '["Bromley Police Online Forum"]'
        )
        if items is None:
            return ()
        if not items:
            self.reader.problems.add(
                fields.path_of("phrases"),
                node,
                'at least one phrase is needed, e.g. ["Bromley Police Online Forum"]',
            )
        result: list[str] = []
        for path, item in items:
            text = self.reader.value(item, path, scalar.phrase)
            if not isinstance(text, str):
                continue
            result.append(text)
            key = normalise_phrase(text)
            earlier = self.phrases.get(key)
            if earlier is None:
                self.phrases[key] = _Claim(label, path, item)
            elif earlier.forum != label:
                self.reader.problems.add(
                    path,
                    item,
                    f"phrase {text!r} is already used by forum {earlier.forum} "
                    f"({earlier.where()}); a phrase belongs to one forum",
                )
        return tuple(result)

    def _rooms(self, fields: Fields, key: str, label: str) -> tuple[Room, ...]:
        node = fields.get(key)
        if node is None:
            return ()
        example = "[{platform: telegram, chat_id: -1001234567890}]"
        items = self.reader.sequence(node, fields.path_of(key), example)
        if items is None:
            return ()
        role = "staff" if key == "staff_rooms" else "public"
        other = "public" if role == "staff" else "staff"
        rooms: list[Room] = []
        for path, item in items:
            room_fields = self.reader.mapping(item, path, keys_of(Room))
            room = read_room(room_fields) if room_fields is not None else None
            if room is None:
                continue
            if role == "public" and room.duty_role_id is not None:
                self.reader.problems.add(
                    f"{path}.duty_role_id",
                    item,
                    "duty_role_id belongs on a staff room: the public are never pinged",
                )
            same = self.rooms.get((role, room_key(room)))
            crossed = self.rooms.get((other, room_key(room)))
            if same is not None and same.forum == label:
                self.reader.problems.add(
                    path, item, f"this room is listed twice (also at {same.where()})"
                )
                continue
            if crossed is not None:
                self.reader.problems.add(
                    path,
                    item,
                    f"this room is a {other} room at {crossed.where()}; a room cannot be both "
                    "a staff room and a public room, or unedited questions would be public",
                )
            self.rooms.setdefault((role, room_key(room)), _Claim(label, path, item))
            rooms.append(room)
        return tuple(rooms)


def read_forums(fields: Fields, zone: str) -> tuple[Forum, ...]:
    """The forums under ``forums:`` of the top-level ``fields``; at least one."""
    node = fields.get("forums")
    path = fields.path_of("forums")
    if node is None:
        fields.reader.problems.add(
            path, fields.node, "at least one forum is needed; add a forums: list"
        )
        return ()
    items = fields.reader.sequence(node, path, _FORUMS_EXAMPLE)
    if items is None:
        return ()
    if not items:
        fields.reader.problems.add(path, node, "at least one forum is needed")
        return ()
    forums_reader = _ForumsReader(fields.reader, zone)
    forums: list[Forum] = []
    for item_path, item in items:
        forum_fields = fields.reader.mapping(item, item_path, keys_of(Forum))
        forum = forums_reader.forum(forum_fields) if forum_fields is not None else None
        if forum is not None:
            forums.append(forum)
    return tuple(forums)


def _officers(fields: Fields | None) -> Officers:
    if fields is None:
        return Officers()
    telegram = fields.values("telegram", scalar.telegram_user, "[11111111, 22222222]")
    users = fields.values("discord_users", scalar.snowflake, '["333333333333333333"]')
    roles = fields.values("discord_roles", scalar.snowflake, '["444444444444444444"]')
    return Officers(
        telegram=tuple(telegram or ()),
        discord_users=tuple(users or ()),
        discord_roles=tuple(roles or ()),
    )
