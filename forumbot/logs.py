"""Logging to stderr, one event a line, with secrets masked wherever they appear."""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import sys
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


@functools.lru_cache(maxsize=64)
def spellings(secret: str) -> tuple[str, ...]:
    """The ways a secret can appear in a log line: as it is, URL-encoded
    (a token in a query string or a path, ``:`` as ``%3A``), and each of
    those in lower and upper case (percent escapes and some libraries
    change case). Longest first, so a longer spelling is masked whole."""
    forms = {secret, quote(secret, safe=""), quote_plus(secret, safe="")}
    forms |= {f.lower() for f in forms} | {f.upper() for f in forms}
    return tuple(sorted(forms, key=len, reverse=True))


def without_secrets(text: str, secrets: Iterable[str]) -> str:
    """``text`` with each of ``secrets``, in every spelling, as ``***``: for
    text that is stored rather than logged (a platform's error on a failed
    send, kept on its outbox row)."""
    for secret in secrets:
        if not secret:
            continue
        for spelling in spellings(secret):
            text = text.replace(spelling, "***")
    return text


class SecretMask(logging.Filter):
    """Replaces any known secret in a record's final text with '***', in
    every spelling (``spellings``)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        masked = without_secrets(message, self.secrets)
        if record.exc_text:
            record.exc_text = without_secrets(record.exc_text, self.secrets)
        if masked != message:
            record.msg, record.args = masked, None
        return True


_MASKED: list[str] = []
_FACTORY_INSTALLED = False


def mask_secrets_everywhere(secrets: Iterable[str]) -> None:
    """Mask these secrets in every log record from now on, whichever logger
    made it and whichever handler gets it (also ones added later, e.g. by
    tests). Libraries log URLs with the token in them (httpx at INFO,
    python-telegram-bot at DEBUG); this masks them where records are made."""
    global _FACTORY_INSTALLED
    _MASKED.extend(s for s in secrets if s and s not in _MASKED)
    if _FACTORY_INSTALLED or not _MASKED:
        return
    mask = SecretMask(())
    mask.secrets = _MASKED  # shared: grows with later calls
    _filter_every_record(mask)
    _FACTORY_INSTALLED = True


def _filter_every_record(mask: logging.Filter) -> None:
    """``mask`` run on every log record from now on, where records are made
    (the record factory), whichever logger makes them."""
    make_record = logging.getLogRecordFactory()

    def masked_record(*args: object, **kwargs: object) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        # A record whose message cannot be formatted is left be: logging reports it.
        with contextlib.suppress(Exception):
            mask.filter(record)
        return record

    logging.setLogRecordFactory(masked_record)


class OneLineFormatter(logging.Formatter):
    """One event, one line: a traceback is folded onto the event's line."""

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\n", " | ")


def setup_logging(secrets: Iterable[str], level: int = logging.INFO) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLineFormatter(FORMAT))
    handler.addFilter(SecretMask(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # These log every request URL, and Telegram's URLs carry the token.
    for noisy in ("httpx", "httpcore", "telegram", "apscheduler", "aiosqlite"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


# An e-mail address anywhere in a log line: a resident's address is their chat
# id on e-mail (``email:ann@example.org``) and must never reach the log.
_ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
ADDRESS_SHOWN = "[address]"


def without_addresses(text: str) -> str:
    """``text`` with every e-mail address as ``[address]``."""
    return _ADDRESS.sub(ADDRESS_SHOWN, text) if "@" in text else text


class AddressMask(logging.Filter):
    """Replaces any e-mail address in a record's final text with ``[address]``."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = without_addresses(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = without_addresses(record.exc_text)
        if masked != message:
            record.msg, record.args = masked, None
        return True


_ADDRESSES_MASKED = False


def mask_addresses_everywhere() -> None:
    """Mask e-mail addresses in every log record from now on, whichever
    logger made it (``mask_secrets_everywhere``'s way); once is enough."""
    global _ADDRESSES_MASKED
    if _ADDRESSES_MASKED:
        return
    _filter_every_record(AddressMask())
    _ADDRESSES_MASKED = True
