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
