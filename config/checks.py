"""What must hold across keys, checked on the plain values beside the
per-key validation, so these problems are listed with the others: at least one
forum; forum ids unique, and no two forums' ids or names reading the same
once case, punctuation and spacing are set aside (officers' commands find a
forum that way: ``ForumDirectory.find``); a phrase belongs to one forum; a room has its
platform's id and is not both a staff room and a public room; the schedule's
rule against its first session (and the newsletter's); console accounts name forums that exist, once
each; webhook mode has its URL.

A value that is itself bad is left to its own problem and skipped here.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar

from config import newsletter as newsletter_keys
from config import scalar
from config.model import Config, Schedule
from config.phrase import normalise_phrase
from config.schedule import rule_problem, zone_or_utc
from config.source import Loc, Problem, Source, line_of, path_of

T = TypeVar("T")

_PLATFORM = scalar.either("telegram", "discord")
_MODE = scalar.either("polling", "webhook")

_ROOM_ID = {
    "telegram": (
        "chat_id",
        scalar.telegram_chat,
        'give the Telegram chat id, e.g. chat_id: -1001234567890 or chat_id: "@MyChannel"',
    ),
    "discord": (
        "channel_id",
        scalar.snowflake,
        'give the Discord channel id, e.g. channel_id: "123456789012345678"',
    ),
}


def check(data: object, source: Source) -> list[Problem]:
    """The problems across keys of the document's plain ``data``."""
    if not isinstance(data, dict):
        return []
    checker = _Checker(source)
    if "forums" not in data:
        checker.add(("forums",), (), "at least one forum is needed; add a forums: list")
    zone = _get(data, "timezone", scalar.zone) or Config.timezone
    forum_ids: set[str] = set()
    for i, forum in _mappings(data.get("forums")):
        forum_id = checker.forum(("forums", i), forum, zone)
        if forum_id is not None:
            forum_ids.add(forum_id)
    web = data.get("web")
    if isinstance(web, dict):
        checker.accounts(web.get("staff_accounts"), frozenset(forum_ids))
    platforms = data.get("platforms")
    if isinstance(platforms, dict) and isinstance(platforms.get("telegram"), dict):
        checker.webhook(platforms["telegram"])
    facebook = platforms.get("facebook") if isinstance(platforms, dict) else None
    posts = facebook.get("page_posts") if isinstance(facebook, dict) else None
    if isinstance(posts, dict):
        loc: Loc = ("platforms", "facebook", "page_posts", "forums")
        checker.forum_names(loc, posts.get("forums"), frozenset(forum_ids))
        listed = posts.get("forums")
        if isinstance(listed, list) and len(listed) > 1 and posts.get("answers") != "posts":
            checker.add(
                loc,
                loc,
                "with answers: comments the Page takes one forum (each session's answers go "
                "under its post, and two forums' sessions would mix); list one forum, or set "
                "answers: posts",
            )
    return checker.problems


@dataclass(frozen=True)
class _Claim:
    """Where something was first written: by which forum (its id, quoted, or
    its path when the id is bad), at which location."""

    forum: str
    loc: Loc
    line: int

    def where(self) -> str:
        return f"{path_of(self.loc)}, line {self.line}"


class _Checker:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.ids: dict[str, _Claim] = {}
        self.phrases: dict[str, _Claim] = {}
        self.handles: dict[str, _Claim] = {}  # a forum's id or name as officers type it
        self.rooms: dict[tuple[str, tuple[str, str]], _Claim] = {}  # (role, room key)

    def add(self, loc: Loc, at: Loc, message: str) -> None:
        """A problem at ``loc`` on the line of the value at ``at``."""
        self.problems.append(self.source.problem(loc, self.source.nodes.get(at), message))

    def claim(self, forum: str, loc: Loc) -> _Claim:
        return _Claim(forum, loc, line_of(self.source.nodes[loc]))

    def forum(self, loc: Loc, forum: dict[str, object], zone: str) -> str | None:
        """Checks one forum; its id if the forum is whole enough to be named."""
        forum_id = _get(forum, "id", scalar.forum_id)
        label = repr(forum_id) if forum_id else path_of(loc)
        if forum_id is not None:
            earlier = self.ids.get(forum_id)
            if earlier is not None:
                self.add(
                    (*loc, "id"),
                    (*loc, "id"),
                    f"duplicate forum id {forum_id!r} (also at {earlier.where()}); "
                    "each forum needs its own id",
                )
            else:
                self.ids[forum_id] = self.claim(repr(forum_id), (*loc, "id"))
                self._handle(loc, "id", forum_id, label)
        name = _get(forum, "name", scalar.text)
        if name is not None:
            self._handle(loc, "name", name, label)
        phrases = self._phrases((*loc, "phrases"), forum.get("phrases"), label)
        schedule = forum.get("schedule")
        if isinstance(schedule, dict):
            self._schedule((*loc, "schedule"), schedule, zone)
        newsletter = forum.get("newsletter")
        if isinstance(newsletter, dict):
            own = _get(schedule, "timezone", scalar.zone) if isinstance(schedule, dict) else None
            self._newsletter((*loc, "newsletter"), newsletter, own or zone)
        for key, role, other in (
            ("staff_rooms", "staff", "public"),
            ("public_rooms", "public", "staff"),
        ):
            for j, room in _mappings(forum.get(key)):
                self._room((*loc, key, j), room, label, role, other)
        if forum_id is None or _get(forum, "name", scalar.text) is None or not phrases:
            return None
        return forum_id

    def _handle(self, loc: Loc, key: str, value: str, label: str) -> None:
        """A forum's id or name (``key``) must not read the same as another
        forum's id or name once normalised (``normalise_phrase``): officers
        name a forum in commands that way, and one would hide the other."""
        normalised = normalise_phrase(value)
        earlier = self.handles.get(normalised)
        if earlier is None:
            self.handles[normalised] = self.claim(label, (*loc, key))
            return
        if earlier.forum == label:
            return  # a forum's own id and name may read the same
        self.add(
            (*loc, key),
            (*loc, key),
            f"forum {key} {value!r} reads the same as the "
            f"{path_of(earlier.loc).rsplit('.', 1)[-1]} of forum {earlier.forum} "
            f"({earlier.where()}) once case, punctuation and spacing are ignored, as "
            "officers' commands read them; one would hide the other (an alert could go to "
            f"the wrong forum's subscribers): give this forum another {key}",
        )

    def _phrases(self, loc: Loc, phrases: object, label: str) -> int:
        count = 0
        for j, item in enumerate(phrases if isinstance(phrases, list) else ()):
            text = _parse(scalar.phrase, item)
            if text is None:
                continue
            count += 1
            key = normalise_phrase(text)
            earlier = self.phrases.get(key)
            if earlier is None:
                self.phrases[key] = self.claim(label, (*loc, j))
            elif earlier.forum != label:
                self.add(
                    (*loc, j),
                    (*loc, j),
                    f"phrase {text!r} is already used by forum {earlier.forum} "
                    f"({earlier.where()}); a phrase belongs to one forum",
                )
        return count

    def _schedule(self, loc: Loc, schedule: dict[str, object], zone: str) -> None:
        rule = _get(schedule, "rrule", scalar.text)
        if rule is None:
            return
        first = _get(schedule, "first", scalar.local_datetime)
        duration = _get(schedule, "duration", scalar.duration) or Schedule.duration
        own_zone = _get(schedule, "timezone", scalar.zone)
        problem = rule_problem(rule, first, zone_or_utc(own_zone or zone), duration)
        if problem is not None:
            self.add((*loc, "rrule"), (*loc, "rrule"), problem)

    def _newsletter(self, loc: Loc, newsletter: dict[str, object], zone: str) -> None:
        """A newsletter's rule needs its ``first``, checked as a session
        schedule's rule is; ``first`` is for a rule only."""
        rule = (
            _get(newsletter, "schedule", newsletter_keys.schedule)
            if "schedule" in newsletter
            else newsletter_keys.AFTER_SESSIONS
        )
        first = _get(newsletter, "first", scalar.local_datetime)
        if rule is None or rule in (newsletter_keys.AFTER_SESSIONS, newsletter_keys.OFF):
            if "first" in newsletter and rule is not None:
                self.add(
                    (*loc, "first"),
                    (*loc, "first"),
                    f"first is for a newsletter schedule given as a rule; with {rule} it is "
                    "not used: remove it, or give schedule a rule such as FREQ=WEEKLY;INTERVAL=2",
                )
            return
        if "first" not in newsletter:
            self.add(
                loc,
                (*loc, "schedule"),
                "a newsletter schedule given as a rule needs first, the local time of the "
                "first newsletter, e.g. first: 2026-12-01T10:00",
            )
            return
        problem = rule_problem(rule, first, zone_or_utc(zone), timedelta(minutes=1))
        if problem is not None:
            self.add((*loc, "schedule"), (*loc, "schedule"), problem)

    def _room(self, loc: Loc, room: dict[str, object], label: str, role: str, other: str) -> None:
        platform = _get(room, "platform", _PLATFORM)
        if platform is None:
            return
        id_key, parse, hint = _ROOM_ID[platform]
        if id_key not in room:
            self.add((*loc, id_key), loc, f"required key is missing; {hint}")
            return
        address = _get(room, id_key, parse)
        if address is None:
            return
        duty = platform == "discord" and _get(room, "duty_role_id", scalar.snowflake) is not None
        if role == "public" and duty:
            self.add(
                (*loc, "duty_role_id"),
                loc,
                "duty_role_id belongs on a staff room: the public are never pinged",
            )
        key = (platform, str(address).casefold())
        same = self.rooms.get((role, key))
        crossed = self.rooms.get((other, key))
        if same is not None and same.forum == label:
            self.add(loc, loc, f"this room is listed twice (also at {same.where()})")
            return
        if crossed is not None:
            self.add(
                loc,
                loc,
                f"this room is a {other} room at {crossed.where()}; a room cannot be both "
                "a staff room and a public room, or unedited questions would be public",
            )
        self.rooms.setdefault((role, key), self.claim(label, loc))

    def forum_names(self, loc: Loc, forums: object, forum_ids: frozenset[str]) -> None:
        """Each of the list ``forums`` at ``loc`` names a configured forum."""
        for k, name in enumerate(forums if isinstance(forums, list) and forum_ids else ()):
            text = _parse(scalar.text, name)
            if text is not None and text not in forum_ids:
                close = difflib.get_close_matches(text, sorted(forum_ids), n=1, cutoff=0.6)
                hint = (
                    f"did you mean {close[0]!r}?"
                    if close
                    else f"forums: {', '.join(sorted(forum_ids))}"
                )
                self.add((*loc, k), (*loc, k), f"there is no forum {text!r}; {hint}")

    def accounts(self, accounts: object, forum_ids: frozenset[str]) -> None:
        seen: set[str] = set()
        for j, account in _mappings(accounts):
            loc: Loc = ("web", "staff_accounts", j)
            self.forum_names((*loc, "forums"), account.get("forums"), forum_ids)
            username = _get(account, "username", scalar.username)
            if username is None or _get(account, "password_hash", scalar.password_hash) is None:
                continue
            if username.lower() in seen:
                self.add(
                    loc,
                    loc,
                    f"username {username!r} is listed twice; give each officer one account",
                )
            seen.add(username.lower())

    def webhook(self, telegram: dict[str, object]) -> None:
        """Webhook mode needs ``webhook.url``. A ``webhook:`` that is not a
        mapping is already reported, so it is not reported again here."""
        if _get(telegram, "mode", _MODE) != "webhook":
            return
        webhook = telegram.get("webhook")
        if isinstance(webhook, dict) and "url" in webhook:
            return
        if "webhook" in telegram and not isinstance(webhook, dict):
            return
        at = "webhook" if "webhook" in telegram else "mode"
        self.add(
            ("platforms", "telegram", "webhook", "url"),
            ("platforms", "telegram", at),
            "webhook mode needs the public https URL Telegram posts updates to, "
            "e.g. webhook: {url: https://bot.example.org/telegram}",
        )


def _mappings(items: object) -> list[tuple[int, dict[str, object]]]:
    """The items of a list that are mappings, with their indexes."""
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def _parse(parse: Callable[[object], T], value: object) -> T | None:
    try:
        return parse(value)
    except scalar.Invalid:
        return None


def _get(mapping: dict[str, object], key: str, parse: Callable[[object], T]) -> T | None:
    """The parsed value of ``key``; None if absent or bad."""
    return _parse(parse, mapping[key]) if key in mapping else None
