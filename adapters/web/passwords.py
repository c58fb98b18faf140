"""Officers' console passwords: scrypt (hashlib), in the form
``scrypt$N$r$p$salt$hash`` that ``forumbot hash-password`` prints and
``web.staff_accounts[].password_hash`` holds."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

N, R, P = 2**14, 8, 1
LENGTH = 32
MIN_LENGTH = 12  # NCSC: length beats complexity rules


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, dklen=LENGTH)
    return "$".join(
        [
            "scrypt",
            str(N),
            str(R),
            str(P),
            base64.b64encode(salt).decode(),
            base64.b64encode(digest).decode(),
        ]
    )


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=256 * 1024 * 1024,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


# Checked against when the username is unknown, so a wrong username takes as
# long as a wrong password.
DUMMY_HASH = hash_password("not a real password")
