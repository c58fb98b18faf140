"""Parsers for single config values, and the annotated types that attach them.

Each parser takes the plain value YAML gave (str, int, bool, datetime, None, a
list or a dict, ...) and returns the typed value or raises ``Invalid`` with a
message saying what to write instead. None of them falls back to a default.
``config.model`` names them in its fields (``Text``, ``Duration``, ...), and
pydantic runs them (``PlainValidator``: pydantic's own coercion never runs, so
every message is one of these).
"""

from __future__ import annotations

import difflib
import ipaddress
import re
from collections.abc import Callable, Collection
from datetime import date, datetime, time, timedelta
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import email_validator
from pydantic import PlainValidator, ValidationInfo

from config import messages
from config.duration import parse_duration
from config.phrase import normalise_phrase

_ENV_NAME = re.compile(r"[A-Z_][A-Z0-9_]*")
_FORUM_ID = re.compile(r"[a-z0-9-]+")
_POSTCODE_AREA = re.compile(r"[A-Z]{1,2}(?:\d[A-Z\d]?(?: \d)?)?")
_QUIET_HOURS = re.compile(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})")
_TELEGRAM_USERNAME = re.compile(r"@[A-Za-z0-9_]+")
_SNOWFLAKE_MAX = 2**64 - 1
# What ``forumbot hash-password`` prints: scrypt$N$r$p$salt$hash (base64).
_HASH = re.compile(r"scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+")
_USERNAME = re.compile(r"[A-Za-z0-9._-]{1,40}")
_HOSTNAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\.?")
_ID_KEY = {"telegram": "chat_id", "discord": "channel_id"}


class Invalid(ValueError):
    """A value is not acceptable; the message says what was expected."""


def describe(value: object) -> str:
    """How a value YAML gave reads in a message: ``the number 999``."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return (
            f"{str(value).lower()} (YAML reads true/false, yes/no and on/off as a "
            "yes/no value; put text in quotes)"
        )
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, datetime):
        return f"the date and time {value.isoformat()}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return f"the text {value!r}"
    return f"a value of type {type(value).__name__}"


def text(value: object) -> str:
    """Non-empty text. A number is refused rather than converted: YAML reads
    ``0101`` as the number 65, so a phone number must be quoted to stay intact."""
    if isinstance(value, str):
        if not value.strip():
            raise Invalid("expected text, found empty text")
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise Invalid(f'expected text, found the number {value}; put it in quotes: "{value}"')
    raise Invalid(f"expected text, found {describe(value)}")


def _url(value: object, schemes: Collection[str], example: str) -> str:
    allowed = " or ".join(f"{s}://" for s in schemes)
    if not isinstance(value, str):
        raise Invalid(f"expected a URL starting with {allowed}, found {describe(value)}")
    parts = urlsplit(value)
    if parts.scheme not in schemes or not parts.netloc or any(ch.isspace() for ch in value):
        raise Invalid(f"{value!r} is not a URL starting with {allowed}; e.g. {example}")
    return value


def http_url(value: object) -> str:
    return _url(value, ("https", "http"), "https://api.telegram.org")


def https_url(value: object) -> str:
    return _url(value, ("https",), "https://bot.example.org/telegram")


def gateway_url(value: object) -> str | None:
    """A Discord gateway URL, or null for the default gateway."""
    if value is None:
        return None
    return _url(value, ("wss", "ws", "https", "http"), "wss://gateway.discord.gg")


def env_name(example: str) -> Callable[[object], str]:
    """The name of an environment variable, e.g. ``TELEGRAM_BOT_TOKEN``."""

    def parse(value: object) -> str:
        if not isinstance(value, str):
            raise Invalid(
                f"expected the name of an environment variable such as {example}, "
                f"found {describe(value)}"
            )
        if _ENV_NAME.fullmatch(value):
            return value
        if _looks_like_secret(value):
            # The value is not repeated: it may be a real token.
            raise Invalid(
                "this looks like a secret itself; put the token in an environment "
                f"variable and name the variable here, e.g. {example}"
            )
        raise Invalid(
            f"{value!r} is not an environment variable name; use capital letters, "
            f"digits and _, e.g. {example}"
        )

    return parse


def _looks_like_secret(value: str) -> bool:
    if ":" in value or "." in value:
        return True
    has_upper = any(ch.isupper() for ch in value)
    has_lower = any(ch.islower() for ch in value)
    return len(value) >= 20 and has_upper and has_lower


def positive_number(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value > 0:
            return float(value)
        raise Invalid(f"expected a number above 0, found {value}")
    raise Invalid(f"expected a number above 0 such as 30 or 0.5, found {describe(value)}")


def positive_int(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise Invalid(f"expected a whole number above 0 such as 5, found {describe(value)}")


def port(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 65535:
        return value
    raise Invalid(f"expected a TCP port number from 1 to 65535, found {describe(value)}")


def zone(value: object) -> str:
    """An IANA time zone name such as ``Europe/London``."""
    name = text(value)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        close = _close_zones(name)
        hint = f"did you mean {close}?" if close else "e.g. Europe/London"
        raise Invalid(f"unknown time zone {name!r}; write an IANA zone name, {hint}") from None
    return name


def _close_zones(name: str) -> str | None:
    zones = sorted(available_timezones())
    folded = {z.casefold(): z for z in zones}
    if name.casefold() in folded:
        return repr(folded[name.casefold()])
    close = difflib.get_close_matches(name, zones, n=1, cutoff=0.6)
    return repr(close[0]) if close else None


def duration(value: object) -> timedelta:
    if isinstance(value, str):
        try:
            return parse_duration(value)
        except ValueError as e:
            raise Invalid(str(e)) from None
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise Invalid(
            f"expected a duration with a unit, found the number {value}; "
            f"write e.g. {value}m for minutes (units: s, m, h, d)"
        )
    raise Invalid(f"expected a duration such as 45m or 24h, found {describe(value)}")


def local_datetime(value: object) -> datetime:
    """A naive local wall-clock time, ``2026-11-24T20:00``."""
    example = "write the local time without an offset, e.g. 2026-11-24T20:00"
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise Invalid(f"{value!r} is not a date and time; {example}") from None
        if len(value.strip()) <= len("2026-11-24"):
            raise Invalid(f"{value!r} has no time of day; {example}")
    elif isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        raise Invalid(f"{value.isoformat()} has no time of day; {example}")
    else:
        raise Invalid(f"expected a date and time, found {describe(value)}; {example}")
    if parsed.tzinfo is not None:
        raise Invalid(
            "a time zone offset is not allowed here; give the local wall-clock time "
            "(e.g. 2026-11-24T20:00) and set the zone with timezone"
        )
    return parsed


# The longest forum id whose alert buttons fit a button's data (64 bytes for
# "sub:t:<id>:consultations"); tests/config pins it to bot.edge.payload's sums.
FORUM_ID_MOST = 44


def forum_id(value: object) -> str:
    if isinstance(value, str) and _FORUM_ID.fullmatch(value):
        if len(value) > FORUM_ID_MOST:
            raise Invalid(
                f"a forum id is at most {FORUM_ID_MOST} characters (residents' alert buttons "
                f"carry it); found {len(value)}"
            )
        return value
    raise Invalid(
        "a forum id is lower-case letters, digits and hyphens ([a-z0-9-]+), "
        f"e.g. bromley; found {describe(value)}"
    )


def phrase(value: object) -> str:
    if isinstance(value, str) and normalise_phrase(value):
        return value
    raise Invalid(
        "a phrase is text with at least one letter or digit, "
        f'e.g. "Bromley Police Online Forum"; found {describe(value)}'
    )


def snowflake(value: object) -> str:
    """A Discord id, given as a number or as digits in quotes; kept as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        digits = str(value)
    elif isinstance(value, str):
        digits = value.strip()
    else:
        digits = ""
    if digits.isascii() and digits.isdigit() and 0 < int(digits) <= _SNOWFLAKE_MAX:
        return digits
    raise Invalid(
        "expected a Discord id (a snowflake: digits only, e.g. "
        f'"123456789012345678"); found {describe(value)}'
    )


def facebook_id(value: object) -> str:
    """A Facebook object id (a Page's), digits as text; "" when not given."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return str(value)
    if isinstance(value, str) and (value == "" or (value.isascii() and value.isdigit())):
        return value
    raise Invalid(
        f'expected the Page id, digits such as "102030405060708", found {describe(value)}'
    )


_GRAPH_VERSION = re.compile(r"v\d{1,3}\.\d{1,2}")


def graph_version(value: object) -> str:
    """A Graph API version as Meta writes it, e.g. ``v21.0``."""
    if isinstance(value, str) and _GRAPH_VERSION.fullmatch(value):
        return value
    raise Invalid(f"expected a Graph API version such as v21.0, found {describe(value)}")


def telegram_chat(value: object) -> int | str:
    """A Telegram chat: its numeric id (-1001234567890) or a public ``@username``."""
    if isinstance(value, int) and not isinstance(value, bool) and value != 0:
        return value
    if isinstance(value, str) and _TELEGRAM_USERNAME.fullmatch(value):
        return value
    hint = ""
    if isinstance(value, str) and value.lstrip("-").isdigit():
        hint = "; write a numeric id without quotes"
    raise Invalid(
        "expected a Telegram chat id (a number such as -1001234567890) or a public "
        f"@username; found {describe(value)}{hint}"
    )


# Ids Telegram gives to senders who are not one person: listed as an
# officer, each would let anyone who posts that way act as one.
_NOT_A_PERSON = {
    1087968824: "the id Telegram gives every admin who posts anonymously as the group",
    136817688: "the id Telegram gives messages sent on behalf of a channel",
    777000: "Telegram's own account, which posts a linked channel's messages",
}


def telegram_user(value: object) -> int:
    """An officer's numeric Telegram user id: a person's (positive, and none
    of the ids Telegram gives anonymous admins, channels or itself)."""
    if isinstance(value, int) and not isinstance(value, bool) and value in _NOT_A_PERSON:
        raise Invalid(
            f"{value} is {_NOT_A_PERSON[value]}, not an officer: anyone posting that way "
            "would act as one; list each officer's own user id"
        )
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    hint = ""
    if isinstance(value, str) and value.startswith("@"):
        hint = (
            "; officers are authorised by numeric user id, never by @username "
            "(usernames can be changed and taken over)"
        )
    elif isinstance(value, str) and value.isdigit():
        hint = "; write it without quotes"
    raise Invalid(
        f"expected a numeric Telegram user id such as 11111111; found {describe(value)}{hint}"
    )


def postcode_area(value: object) -> str:
    """A postcode area ("BR"), district ("BR6") or sector ("BR6 7")."""
    example = 'e.g. BR1, "BR6 7" or SE9'
    if isinstance(value, str):
        normal = " ".join(value.upper().split())
        if _POSTCODE_AREA.fullmatch(normal):
            return normal
        raise Invalid(
            f"{value!r} is not a postcode area, district or sector; {example} (not a full postcode)"
        )
    raise Invalid(
        f"expected a postcode area, district or sector, {example}; found {describe(value)}"
    )


def quiet_hours(value: object) -> tuple[time, time] | None:
    """``"21:00-08:00"`` in the forum's zone (start, end), or ``off`` (None)."""
    example = 'write e.g. "21:00-08:00", or off for none'
    if value is False or (isinstance(value, str) and value.strip().lower() == "off"):
        return None
    if isinstance(value, str):
        match = _QUIET_HOURS.fullmatch(value.strip())
        if match:
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            if h1 < 24 and h2 < 24 and m1 < 60 and m2 < 60 and (h1, m1) != (h2, m2):
                return time(h1, m1), time(h2, m2)
        raise Invalid(f"{value!r} is not a span of hours; {example}")
    raise Invalid(f"expected quiet hours, {example}; found {describe(value)}")


def flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise Invalid(f"expected true or false; found {describe(value)}")


def either(first: str, second: str) -> Callable[[object], str]:
    """One of two words: ``polling`` or ``webhook``, ``telegram`` or ``discord``."""

    def parse(value: object) -> str:
        if isinstance(value, str) and value in (first, second):
            return value
        raise Invalid(f"expected {first} or {second}; found {describe(value)}")

    return parse


def one_of(*words: str) -> Callable[[object], str]:
    """One of a few words: ``starttls``, ``tls`` or ``none``."""

    def parse(value: object) -> str:
        if isinstance(value, str) and value in words:
            return value
        listed = ", ".join(words[:-1]) + f" or {words[-1]}"
        raise Invalid(f"expected {listed}; found {describe(value)}")

    return parse


def available_languages() -> list[str]:
    """Languages with a message file in config/messages/; ``en`` until there is one."""
    return messages.available_languages() or ["en"]


def language(value: object) -> str:
    languages = available_languages()
    if isinstance(value, str) and value in languages:
        return value
    raise Invalid(
        f"expected one of the available languages: {', '.join(languages)}; found {describe(value)}"
    )


def command_prefix(value: object) -> str:
    prefix = text(value)
    if any(ch.isspace() for ch in prefix):
        raise Invalid(f'a command prefix has no spaces, e.g. "!"; found {prefix!r}')
    return prefix


def public_url(value: object) -> str:
    """The site's address as residents reach it; empty for http://listen:port."""
    if value is None or value == "":
        return ""
    if isinstance(value, str) and not value.startswith(("http://", "https://")):
        raise Invalid(f"{value!r} is not the site's address; e.g. https://forum.example.police.uk")
    return http_url(value).rstrip("/")


def proxy(value: object) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    """One trusted reverse proxy: an address (``127.0.0.1``, ``::1``) or a
    network (``10.20.0.0/24``). Trusting every address is refused: anyone
    could then choose the address the login limit counts."""
    if not isinstance(value, str):
        raise Invalid(
            "expected the address or network (CIDR) of a reverse proxy, e.g. 127.0.0.1 "
            f"or 10.20.0.0/24; found {describe(value)}"
        )
    written = value.strip()
    try:
        network = ipaddress.ip_network(written, strict=True)
    except ValueError as error:
        if "has host bits set" in str(error):
            wider = ipaddress.ip_network(written, strict=False)
            raise Invalid(
                f"{written!r} is an address inside a network; write the network, {wider}, "
                "or the proxy's own address without /"
            ) from None
        raise Invalid(
            f"{written!r} is not an IP address or network; e.g. 127.0.0.1, ::1 or 10.20.0.0/24"
        ) from None
    if network.prefixlen == 0:
        raise Invalid(
            f"{written!r} trusts every address, so any visitor could claim any address; "
            "list only your reverse proxies"
        )
    return network


def listen(value: object) -> str:
    """An IP address of this machine, or a host name; 0.0.0.0 for every address."""
    written = text(value)
    looks_numeric = all(part.isdigit() for part in written.split(".")) or ":" in written
    if looks_numeric:
        try:
            ipaddress.ip_address(written)
        except ValueError:
            raise Invalid(
                f'{written!r} is not an IP address; e.g. 127.0.0.1, 0.0.0.0 or "::1"'
            ) from None
    elif not _HOSTNAME.fullmatch(written):
        raise Invalid(f"{written!r} is not an address or a host name; e.g. 127.0.0.1 or localhost")
    return written


def username(value: object) -> str:
    written = text(value)
    if not _USERNAME.fullmatch(written):
        raise Invalid(
            f"{written!r} is not a username; use letters, digits, '.', '_' or '-' (up to 40)"
        )
    return written


def password_hash(value: object) -> str:
    written = text(value)
    if not _HASH.fullmatch(written):
        raise Invalid(
            "this is not a password hash; run forumbot hash-password and paste what it "
            "prints (never the password itself)"
        )
    return written


def room_id(
    own: str, parse: Callable[[object], object]
) -> Callable[[object, ValidationInfo], object]:
    """A room's ``chat_id`` (``own`` = telegram) or ``channel_id`` (discord):
    read with ``parse`` in a room of that platform, refused in the other's. In
    a room whose platform is missing or bad it is not read (that is the problem)."""

    def check(value: object, info: ValidationInfo) -> object:
        room_platform = info.data.get("platform")
        if room_platform == own:
            return parse(value)
        if room_platform is None:
            return value
        raise Invalid(
            f"{room_platform} rooms are given by {_ID_KEY[room_platform]}; "
            f"{_ID_KEY[own]} is for {own} rooms"
        )

    return check


def duty_role(value: object, info: ValidationInfo) -> object:
    """A Discord staff room's duty role (a snowflake); Telegram has none."""
    room_platform = info.data.get("platform")
    if room_platform == "telegram":
        raise Invalid("duty_role_id is for Discord staff rooms; Telegram has no roles to ping")
    return snowflake(value) if room_platform == "discord" else value


# The types ``config.model`` gives its fields: the value type, read by its parser.
Text = Annotated[str, PlainValidator(text)]
HttpUrl = Annotated[str, PlainValidator(http_url)]
HttpsUrl = Annotated[str, PlainValidator(https_url)]
Port = Annotated[int, PlainValidator(port)]
PositiveInt = Annotated[int, PlainValidator(positive_int)]
PositiveNumber = Annotated[float, PlainValidator(positive_number)]
Duration = Annotated[timedelta, PlainValidator(duration)]
Zone = Annotated[str, PlainValidator(zone)]
Flag = Annotated[bool, PlainValidator(flag)]
Snowflake = Annotated[str, PlainValidator(snowflake)]
FacebookId = Annotated[str, PlainValidator(facebook_id)]
GraphVersion = Annotated[str, PlainValidator(graph_version)]
LocalDateTime = Annotated[datetime, PlainValidator(local_datetime)]
Phrase = Annotated[str, PlainValidator(phrase)]
PostcodeArea = Annotated[str, PlainValidator(postcode_area)]
TelegramUser = Annotated[int, PlainValidator(telegram_user)]
Username = Annotated[str, PlainValidator(username)]
PasswordHash = Annotated[str, PlainValidator(password_hash)]
Listen = Annotated[str, PlainValidator(listen)]
PublicUrl = Annotated[str, PlainValidator(public_url)]
Proxy = Annotated[ipaddress.IPv4Network | ipaddress.IPv6Network, PlainValidator(proxy)]
Language = Annotated[str, PlainValidator(language)]
GatewayUrl = Annotated[str | None, PlainValidator(gateway_url)]
CommandPrefix = Annotated[str, PlainValidator(command_prefix)]
Mode = Annotated[Literal["polling", "webhook"], PlainValidator(either("polling", "webhook"))]
Platform = Annotated[Literal["telegram", "discord"], PlainValidator(either("telegram", "discord"))]
HookFormat = Annotated[Literal["teams", "slack"], PlainValidator(either("teams", "slack"))]


def optional_env_name(example: str) -> Callable[[object], str | None]:
    """``env_name``, or null for none."""
    named = env_name(example)

    def parse(value: object) -> str | None:
        return None if value is None else named(value)

    return parse


ResidentPhotos = Annotated[
    Literal["not_shown", "copied_to_staff_rooms"],
    PlainValidator(either("not_shown", "copied_to_staff_rooms")),
]


def email_address(value: object) -> str:
    """An e-mail address (``alerts@forum.example.police.uk``), checked for its
    shape by email-validator (no DNS look-up), lower-cased whole; empty text
    for none."""
    if value is None or value == "":
        return ""
    if not isinstance(value, str):
        raise Invalid(
            f"expected an e-mail address such as alerts@forum.example.police.uk, "
            f"found {describe(value)}"
        )
    try:
        checked = email_validator.validate_email(value.strip(), check_deliverability=False)
    except email_validator.EmailNotValidError as error:
        raise Invalid(
            f"{value!r} is not an e-mail address ({error}); e.g. alerts@forum.example.police.uk"
        ) from None
    return checked.normalized.lower()


def optional_text(value: object) -> str:
    """Text, or empty text (or null) for none."""
    if value is None or value == "":
        return ""
    return text(value)


def host(value: object) -> str:
    """A host name or IP address to connect to; empty text for none."""
    if value is None or value == "":
        return ""
    try:
        return listen(value)
    except Invalid:
        raise Invalid(
            f"{text(value)!r} is not a host name or an IP address; e.g. "
            "mail.example.police.uk, or 127.0.0.1 for a relay on this machine"
        ) from None


def list_id(value: object) -> str:
    """An RFC 2919 list identifier: dot-separated labels of letters, digits
    and hyphens (``alerts.forum.example.police.uk``); empty for one made
    from the From address's domain."""
    if value is None or value == "":
        return ""
    written = text(value).strip().strip("<>")
    if not _LIST_ID.fullmatch(written):
        raise Invalid(
            f"{written!r} is not a list id; use labels of letters, digits and '-' joined by "
            "dots, e.g. alerts.forum.example.police.uk"
        )
    return written.lower()


_LIST_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))+")

EmailAddress = Annotated[str, PlainValidator(email_address)]
Host = Annotated[str, PlainValidator(host)]
OptionalText = Annotated[str, PlainValidator(optional_text)]
ListId = Annotated[str, PlainValidator(list_id)]
SmtpSecurity = Annotated[
    Literal["starttls", "tls", "none"], PlainValidator(one_of("starttls", "tls", "none"))
]


def relay(value: object) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    """A mail relay allowed to deliver to the e-mail listener: an address
    (``10.0.0.25``) or a network (``10.0.0.0/24``)."""
    if not isinstance(value, str):
        raise Invalid(
            "expected the address or network (CIDR) of the force's mail relay, e.g. "
            f"10.0.0.25 or 10.0.0.0/24; found {describe(value)}"
        )
    written = value.strip()
    try:
        return ipaddress.ip_network(written, strict=False)
    except ValueError:
        raise Invalid(
            f"{written!r} is not an IP address or network; e.g. 10.0.0.25 or 10.0.0.0/24"
        ) from None


Relay = Annotated[ipaddress.IPv4Network | ipaddress.IPv6Network, PlainValidator(relay)]
