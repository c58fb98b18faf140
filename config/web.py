"""The ``web:`` section: where the site listens and who signs in to the
officers' console."""

from __future__ import annotations

import difflib
import ipaddress
import re
from collections.abc import Callable

from config import scalar
from config.model import StaffAccount, WebConfig
from config.node import Fields, Invalid, keys_of

# What ``forumbot hash-password`` prints: scrypt$N$r$p$salt$hash (base64).
_HASH = re.compile(r"scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+")
_USERNAME = re.compile(r"[A-Za-z0-9._-]{1,40}")


def read_web(fields: Fields | None, forum_ids: frozenset[str] = frozenset()) -> WebConfig:
    """The ``web:`` section. ``forum_ids``: the forums configured, which a
    console account's ``forums`` must name (unchecked when empty)."""
    default = WebConfig()
    if fields is None:
        return default
    return WebConfig(
        enabled=fields.value("enabled", _flag, default.enabled),
        listen=fields.value("listen", _listen, default.listen),
        port=fields.value("port", scalar.port, default.port),
        public_url=fields.value("public_url", _public_url, default.public_url),
        trusted_proxies=tuple(fields.values("trusted_proxies", _proxy, '[127.0.0.1, "::1"]') or ()),
        staff_accounts=_accounts(fields, forum_ids),
        staff_secret_env=fields.value(
            "staff_secret_env", scalar.env_name("FORUMBOT_STAFF_SECRET"), default.staff_secret_env
        ),
    )


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise Invalid(f"expected true or false; found {scalar.describe(value)}")


def _public_url(value: object) -> str:
    """The site's address as residents reach it; empty for http://listen:port."""
    if value is None or value == "":
        return ""
    if isinstance(value, str) and not value.startswith(("http://", "https://")):
        raise Invalid(f"{value!r} is not the site's address; e.g. https://forum.example.police.uk")
    return scalar.http_url(value).rstrip("/")


def _proxy(value: object) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    """One trusted reverse proxy: an address (``127.0.0.1``, ``::1``) or a
    network (``10.20.0.0/24``). Trusting every address is refused: anyone
    could then choose the address the login limit counts."""
    if not isinstance(value, str):
        raise Invalid(
            "expected the address or network (CIDR) of a reverse proxy, e.g. 127.0.0.1 "
            f"or 10.20.0.0/24; found {scalar.describe(value)}"
        )
    text = value.strip()
    try:
        network = ipaddress.ip_network(text, strict=True)
    except ValueError as error:
        if "has host bits set" in str(error):
            wider = ipaddress.ip_network(text, strict=False)
            raise Invalid(
                f"{text!r} is an address inside a network; write the network, {wider}, "
                "or the proxy's own address without /"
            ) from None
        raise Invalid(
            f"{text!r} is not an IP address or network; e.g. 127.0.0.1, ::1 or 10.20.0.0/24"
        ) from None
    if network.prefixlen == 0:
        raise Invalid(
            f"{text!r} trusts every address, so any visitor could claim any address; "
            "list only your reverse proxies"
        )
    return network


_HOSTNAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\.?")


def _listen(value: object) -> str:
    """An IP address of this machine, or a host name; 0.0.0.0 for every address."""
    text = scalar.text(value)
    looks_numeric = all(part.isdigit() for part in text.split(".")) or ":" in text
    if looks_numeric:
        try:
            ipaddress.ip_address(text)
        except ValueError:
            raise Invalid(
                f'{text!r} is not an IP address; e.g. 127.0.0.1, 0.0.0.0 or "::1"'
            ) from None
    elif not _HOSTNAME.fullmatch(text):
        raise Invalid(f"{text!r} is not an address or a host name; e.g. 127.0.0.1 or localhost")
    return text


def _forum_id_in(forum_ids: frozenset[str]) -> Callable[[object], str]:
    def forum_id(value: object) -> str:
        text = scalar.text(value)
        if forum_ids and text not in forum_ids:
            close = difflib.get_close_matches(text, sorted(forum_ids), n=1, cutoff=0.6)
            hint = (
                f"did you mean {close[0]!r}?"
                if close
                else f"forums: {', '.join(sorted(forum_ids))}"
            )
            raise Invalid(f"there is no forum {text!r}; {hint}")
        return text

    return forum_id


def _accounts(fields: Fields, forum_ids: frozenset[str]) -> tuple[StaffAccount, ...]:
    node = fields.get("staff_accounts")
    if node is None:
        return ()
    example = '[{username: jsmith, password_hash: "scrypt$..."}]'
    items = fields.reader.sequence(node, fields.path_of("staff_accounts"), example)
    if items is None:
        return ()
    accounts: list[StaffAccount] = []
    seen: set[str] = set()
    for path, item in items:
        entry = fields.reader.mapping(item, path, keys_of(StaffAccount))
        if entry is None:
            continue
        username = entry.required("username", _username, "e.g. username: jsmith")
        password_hash = entry.required(
            "password_hash",
            _password_hash,
            "make one with: forumbot hash-password",
        )
        forums = entry.values("forums", _forum_id_in(forum_ids), "[bromley]")
        if username is None or password_hash is None:
            continue
        if username.lower() in seen:
            fields.reader.problems.add(
                path, item, f"username {username!r} is listed twice; give each officer one account"
            )
            continue
        seen.add(username.lower())
        accounts.append(StaffAccount(username, password_hash, tuple(forums or ())))
    return tuple(accounts)


def _username(value: object) -> str:
    text = scalar.text(value)
    if not _USERNAME.fullmatch(text):
        raise Invalid(
            f"{text!r} is not a username; use letters, digits, '.', '_' or '-' (up to 40)"
        )
    return text


def _password_hash(value: object) -> str:
    text = scalar.text(value)
    if not _HASH.fullmatch(text):
        raise Invalid(
            "this is not a password hash; run forumbot hash-password and paste what it "
            "prints (never the password itself)"
        )
    return text
