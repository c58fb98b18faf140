"""The ``web:`` section: where the site listens and who signs in to the
officers' console."""

from __future__ import annotations

import re

from config import scalar
from config.model import StaffAccount, WebConfig
from config.node import Fields, Invalid, keys_of

# What ``forumbot hash-password`` prints: scrypt$N$r$p$salt$hash (base64).
_HASH = re.compile(r"scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+")
_USERNAME = re.compile(r"[A-Za-z0-9._-]{1,40}")


def read_web(fields: Fields | None) -> WebConfig:
    default = WebConfig()
    if fields is None:
        return default
    return WebConfig(
        enabled=fields.value("enabled", _flag, default.enabled),
        listen=fields.value("listen", scalar.text, default.listen),
        port=fields.value("port", scalar.port, default.port),
        public_url=fields.value("public_url", _public_url, default.public_url),
        staff_accounts=_accounts(fields),
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


def _accounts(fields: Fields) -> tuple[StaffAccount, ...]:
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
        forums = entry.values("forums", scalar.text, "[bromley]")
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
