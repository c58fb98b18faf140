"""The forums of this process, as the core needs them: phrases, rooms, officers
and schedules, looked up from configuration."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.edge.chat import ChatKind, ChatRef
from bot.forum.rooms import Rooms
from bot.forum.schedule import SessionSchedule
from config.model import Config, Forum, Room
from config.phrase import normalise_phrase

normalise = normalise_phrase


_AFTER_PHRASE = frozenset(":;,.-\u2010\u2011\u2012\u2013\u2014\u2015\u2026>|~=")
"""What may separate the phrase from the question (``Forum: is``, ``Forum -
is``, ``Forum... is``, ``Forum > is``); not ``@``, ``#``, quotes or brackets,
which belong to what follows."""


_MAX_REPEATS = 8  # the phrase written again and again at the start: a few is plenty


def _after_phrase(forum: Forum, text: str) -> str | None:
    """``text`` after one of ``forum``'s phrases at its start (the longest
    that matches) and the spaces and separators after it, or None when it
    does not start with one."""
    for phrase in sorted(forum.phrases, key=len, reverse=True):
        wanted = normalise(phrase)
        end = _phrase_end(text, wanted) if wanted else None
        if end is None:
            continue
        rest = text[end:]
        while rest and (rest[0].isspace() or rest[0] in _AFTER_PHRASE):
            rest = rest[1:]
        return rest
    return None


def _after_phrases(forum: Forum, text: str) -> str | None:
    """``text`` after ``forum``'s phrase at its start, taken off as many
    times as it is repeated there (with the separators after each), or None
    when it does not start with one."""
    rest = _after_phrase(forum, text)
    for _ in range(_MAX_REPEATS - 1):
        after = _after_phrase(forum, rest) if rest is not None else None
        if after is None:
            break
        rest = after
    return rest


def _phrase_end(text: str, wanted: str) -> int | None:
    """Where the opening of ``text`` that normalises to ``wanted`` ends (at
    the end of a word), or None when ``text`` does not open with it."""
    for end in range(len(text) + 1):
        if end < len(text) and text[end].isalnum():
            continue  # a phrase ends where a word ends
        found = normalise(text[:end])
        if found == wanted:
            return end
        if not wanted.startswith(found):
            return None
    return None


@dataclass(frozen=True)
class Actor:
    """Who does something in a staff room (a command, a press, a reply to a
    card), as their platform identified them: the platform's name, their id
    on it (for the web console, the account's username or ``duty:<name>``)
    and, on Discord, their role ids. Whether they are an officer of a forum
    is ``ForumDirectory.is_officer``; the audit trail records ``platform``
    and ``user_id`` as the actor."""

    platform: str
    user_id: str
    roles: tuple[str, ...] = ()


def room_chat(room: Room, public: bool) -> ChatRef:
    kind: ChatKind = "channel" if public else "group"
    return ChatRef(room.platform, room.address, kind)


@dataclass(frozen=True)
class RoomOff:
    """A configured room on a platform that is off in this run."""

    forum: Forum
    role: str  # "staff" or "public"
    room: Room


class ForumDirectory:
    """``platforms_on`` names the platforms that can send in this run
    (``None``: all of them). Rooms on other platforms are left out of
    ``staff_rooms`` and ``public_rooms``, so nothing is queued for them.
    ``rooms`` knows the rooms that moved (their current ids are the ones
    given out and recognised here) and those the bot cannot post in."""

    def __init__(self, config: Config, platforms_on: Iterable[str] | None = None) -> None:
        self.config = config
        self.forums = config.forums
        self.platforms_on: frozenset[str] | None = (
            frozenset(platforms_on) if platforms_on is not None else None
        )
        self._phrases = sorted(
            ((normalise(p), f) for f in config.forums for p in f.phrases),
            key=lambda pair: -len(pair[0]),
        )
        self.rooms = Rooms(config)
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

    @staticmethod
    def without_phrase(forum: Forum, text: str) -> str:
        """``text`` without ``forum``'s phrase at its start, as it is
        published: the phrase matched as ``match`` matches it (any case,
        punctuation and spacing: ``bromley police online forum -``), then
        the spaces and separators after it (``_AFTER_PHRASE``: a colon, a dash,
        a comma, dots), as many times as it is repeated there, and the first
        letter of what is left made a capital. ``text`` as it is when it does
        not start with a phrase, or has no letter or digit after it (a
        question that is only the phrase: see ``is_only_phrase``)."""
        rest = _after_phrases(forum, text)
        if rest is None or not any(c.isalnum() for c in rest):
            return text
        return rest[0].upper() + rest[1:]

    @staticmethod
    def is_only_phrase(forum: Forum, text: str) -> bool:
        """Whether ``text`` is ``forum``'s phrase (once or more) and nothing
        else that could be a question: no letter or digit after it."""
        rest = _after_phrases(forum, text)
        return rest is not None and not any(c.isalnum() for c in rest)

    def staff_forums(self, chat: ChatRef) -> list[Forum]:
        if chat.platform == "web":
            return [f for f in self.forums if self.web_staff_room(f) == chat]
        return [f for f in self.forums if any(self._is(r, chat) for r in f.staff_rooms)]

    def _is(self, room: Room, chat: ChatRef) -> bool:
        """Whether ``chat`` is ``room``, at its configured id or one it moved to."""
        return room.platform == chat.platform and chat.chat_id in self.rooms.ids_of(
            room.platform, room.address
        )

    def _chat(self, room: Room, public: bool) -> ChatRef:
        """Where ``room`` is now (its current id, if it moved)."""
        configured = room_chat(room, public)
        return self.rooms.current_chat(configured)

    def is_on(self, platform: str) -> bool:
        """Whether messages can be sent on ``platform`` in this run."""
        if platform == "web" and not self.config.web.enabled:
            return False
        return self.platforms_on is None or platform in self.platforms_on

    @property
    def web_on(self) -> bool:
        return self.is_on("web")

    def staff_rooms(self, forum: Forum) -> list[ChatRef]:
        """The forum's staff rooms on platforms that are on (the console's
        room among them while the web side is on)."""
        rooms = [self._chat(r, public=False) for r in forum.staff_rooms if self.is_on(r.platform)]
        if self.web_on:
            rooms.append(self.web_staff_room(forum))
        return rooms

    def rooms_off(self) -> list[RoomOff]:
        """Configured rooms whose platform is off in this run."""
        return [
            RoomOff(forum, role, room)
            for forum in self.forums
            for role, rooms in (("staff", forum.staff_rooms), ("public", forum.public_rooms))
            for room in rooms
            if not self.is_on(room.platform)
        ]

    def forums_of_room(self, chat: ChatRef) -> list[Forum]:
        """The forums whose staff or public rooms include ``chat`` (their
        Facebook Page among them)."""
        if chat.platform == "web":
            return self.staff_forums(chat)
        return [
            f
            for f in self.forums
            if any(self._is(r, chat) for r in (*f.staff_rooms, *f.public_rooms))
            or self.facebook_page(f) == chat
        ]

    @staticmethod
    def web_staff_room(forum: Forum) -> ChatRef:
        """The forum's room in the web console: every forum has one while the
        web side is on."""
        return ChatRef("web", f"staff:{forum.id}", "group")

    def duty_roles(self, forum: Forum) -> dict[ChatRef, str]:
        """Staff rooms with a role to ping on URGENT cards, and that role."""
        return {
            self._chat(r, public=False): r.duty_role_id
            for r in forum.staff_rooms
            if r.duty_role_id and self.is_on(r.platform)
        }

    def public_rooms(self, forum: Forum) -> list[ChatRef]:
        """The forum's public rooms on platforms that are on, its Facebook
        Page among them when it publishes there (``facebook_page``)."""
        rooms = [self._chat(r, public=True) for r in forum.public_rooms if self.is_on(r.platform)]
        page = self.facebook_page(forum)
        if page is not None:
            rooms.append(page)
        return rooms

    def facebook_page(self, forum: Forum) -> ChatRef | None:
        """The Facebook Page as a public room of ``forum`` (its chat id the
        Page id), when ``platforms.facebook.page_posts.forums`` lists the
        forum and Facebook is on; else None."""
        fb = self.config.platforms.facebook
        if fb.page_id and forum.id in fb.page_posts.forums and self.is_on("facebook"):
            return ChatRef("facebook", fb.page_id, "channel")
        return None

    def messenger_link(self, forum: Forum) -> str:
        """The m.me link that opens a Messenger conversation with the Page,
        its ``ref`` the forum's id (a referral event when followed:
        docs/facebook.md); empty without a Page id."""
        page_id = self.config.platforms.facebook.page_id
        return f"https://m.me/{page_id}?ref={forum.id}" if page_id else ""

    def is_officer(self, forum: Forum, actor: Actor) -> bool:
        """Whether ``actor`` is one of ``forum``'s officers: a Telegram user id
        listed, a Discord user id or one of their roles listed, a web console
        account for the forum. False for any other platform."""
        officers = forum.officers
        if actor.platform == "telegram":
            return actor.user_id.lstrip("-").isdigit() and int(actor.user_id) in officers.telegram
        if actor.platform == "discord":
            return actor.user_id in officers.discord_users or any(
                role in officers.discord_roles for role in actor.roles
            )
        if actor.platform == "web":
            return self.web_officer(forum, actor.user_id)
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
        """A forum named by an officer: its id (``ward-1``, in any case), or its
        name; punctuation and spacing are ignored in both, as in phrases."""
        wanted = normalise(name)
        for forum in self.forums:
            if wanted in (normalise(forum.id), normalise(forum.name)):
                return forum
        return None
