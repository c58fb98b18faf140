from __future__ import annotations

import logging

from forumbot.logs import OneLineFormatter, SecretMask


def _record(message: str, *args: object, exc: bool = False) -> logging.LogRecord:
    exc_info = None
    if exc:
        try:
            raise RuntimeError("boom 123:SECRET")
        except RuntimeError:
            import sys

            exc_info = sys.exc_info()
    return logging.LogRecord("t", logging.ERROR, __file__, 1, message, args, exc_info)


def test_secrets_are_masked_in_message_args_and_traceback() -> None:
    record = _record("POST /bot%s/getUpdates", "123:SECRET", exc=True)
    SecretMask(["123:SECRET"]).filter(record)
    line = OneLineFormatter("%(message)s").format(record)
    assert "123:SECRET" not in line
    assert "/bot***/getUpdates" in line


def test_a_traceback_stays_on_one_line() -> None:
    line = OneLineFormatter("%(message)s").format(_record("failed", exc=True))
    assert "\n" not in line and "RuntimeError" in line


def test_a_token_is_masked_in_every_spelling() -> None:
    token = "123456:AAF-Secret_Tok"
    spelled = [
        token,
        "123456%3AAAF-Secret_Tok",  # URL-encoded, as in a path or query string
        "123456%3aaaf-secret_tok",  # lower-cased, percent escape included
        "123456:AAF-SECRET_TOK",
    ]
    for form in spelled:
        record = _record("GET https://api.telegram.org/bot%s/getMe failed", form)
        SecretMask([token]).filter(record)
        line = OneLineFormatter("%(message)s").format(record)
        assert line == "GET https://api.telegram.org/bot***/getMe failed", form
