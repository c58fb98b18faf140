"""The forums of this process, as the core needs them: phrases, rooms, officers
and schedules, looked up from configuration."""

from __future__ import annotations

from dataclasses import dataclass

from bot.chat import ChatKind, ChatRef
from bot.schedule import SessionSchedule
from config.model import Config, Forum, Room
from config.phrase import normalise_phrase

normalise = normalise_phrase


@dataclass(frozen=True)
class Sender:
    """Who sent a staff-room command, as the platform identified them."""

    platform: str
    user_id: str
    roles: tuple[str, ...] = ()


def room_chat(room: Room, public: bool) -> ChatRef:
    kind: ChatKind = "channel" if public else "group"
    return ChatRef(room.platform, room.address, kind)


class ForumDirectory:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.forums = config.forums
        self._phrases = sorted(
            ((normalise(p), f) for f in config.forums for p in f.phrases),
            key=lambda pair: -len(pair[0]),
        )
        self._schedules: dict[str, SessionSchedule | None] = {}
        for forum in config.forums:
            s = forum.schedule
            self._schedules[forum.id] = (
                SessionSchedule(s.first, s.rrule, s.duration, config.zone_of(forum))
                if s is not None
                else None
            )

    def get(self, forum_id: str) -> Forum | None:
        for forum in self.forums:
            if forum.id == forum_id:
                return forum
        return None

    def match(self, text: str) -> Forum | None:
        """The forum whose phrase the text contains (longest phrase wins)."""
        padded = f" {normalise(text)} "
        for phrase, forum in self._phrases:
            if phrase and f" {phrase} " in padded:
                return forum
        return None

    def staff_forums(self, chat: ChatRef) -> list[Forum]:
        if chat.platform == "web":
            return [f for f in self.forums if self.web_staff_room(f) == chat]
        return [
            f
            for f in self.forums
            if any(r.platform == chat.platform and r.address == chat.chat_id for r in f.staff_rooms)
        ]

    def staff_rooms(self, forum: Forum) -> list[ChatRef]:
        rooms = [room_chat(r, public=False) for r in forum.staff_rooms]
        if self.config.web.enabled:
            rooms.append(self.web_staff_room(forum))
        return rooms

    @staticmethod
    def web_staff_room(forum: Forum) -> ChatRef:
        """The forum's room in the web console: every forum has one while the
        web side is on."""
        return ChatRef("web", f"staff:{forum.id}", "group")

    def duty_roles(self, forum: Forum) -> dict[ChatRef, str]:
        """Staff rooms with a role to ping on URGENT cards, and that role."""
        return {
            room_chat(r, public=False): r.duty_role_id for r in forum.staff_rooms if r.duty_role_id
        }

    def public_rooms(self, forum: Forum) -> list[ChatRef]:
        return [room_chat(r, public=True) for r in forum.public_rooms]

    def is_officer(self, forum: Forum, sender: Sender) -> bool:
        officers = forum.officers
        if sender.platform == "telegram":
            return sender.user_id.lstrip("-").isdigit() and int(sender.user_id) in officers.telegram
        if sender.platform == "discord":
            return sender.user_id in officers.discord_users or any(
                role in officers.discord_roles for role in sender.roles
            )
        if sender.platform == "web":
            return self.web_officer(forum, sender.user_id)
        return False

    def web_officer(self, forum: Forum, username: str) -> bool:
        """A console account for this forum, or an officer signed in with the
        shared secret (``duty:<name>``), who works every forum."""
        if username.startswith("duty:"):
            return True
        return any(
            a.username == username and (not a.forums or forum.id in a.forums)
            for a in self.config.web.staff_accounts
        )

    def schedule(self, forum: Forum) -> SessionSchedule | None:
        return self._schedules[forum.id]

    def zone(self, forum: Forum) -> str:
        return self.config.zone_of(forum)

    def find(self, name: str) -> Forum | None:
        """A forum named by an officer: its id, or its name."""
        wanted = normalise(name)
        for forum in self.forums:
            if wanted in (forum.id, normalise(forum.name)):
                return forum
        return None
