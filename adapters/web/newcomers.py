"""New residents on the web chat: how many are taken, and which came in a burst.

On the web a resident is a random cookie, so making one costs nothing: one
client once made 200 in half a second, each with a question, and a real
resident's card waited behind theirs. Here a *new resident* is a chat whose
first message this is (its browser has never written before), counted when
that message arrives, not when a page is loaded: a crawler, a visitor who
only looks, or a browser that refuses cookies never uses up anyone's
allowance. Residents who have written before are never counted or refused.

Limits (``web.new_residents``): ``per_address_per_hour`` from one address
(the visitor's as a trusted proxy reports it, ``proxy.py``; an IPv6 visitor
counts as its /64 network, which one household or one attacker holds whole)
and ``per_minute`` for the whole site, each a moving window (``limits``'
``MovingWindowRateLimiter`` in memory: one forumbot process per database,
nothing to share; counts start again at a restart).

A new resident taken while its address or the site was busy is *from a
burst*: the ``BURST_FROM_ADDRESS``-th or later from its address within the
hour, or one of ``per_minute // BURST_SHARE_OF_MINUTE`` or more on the site
within the minute. Its questions are marked on their cards and sent to the
staff rooms after established residents' (``Inbound.burst``), for
``BURST_REMEMBERED``, kept in memory."""

from __future__ import annotations

import ipaddress
import time
from collections import OrderedDict
from dataclasses import dataclass

from limits import RateLimitItem, RateLimitItemPerHour, RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from config.model import NewResidents as Settings

BURST_FROM_ADDRESS = 3  # the 3rd new resident from one address in an hour is from a burst
BURST_SHARE_OF_MINUTE = 4  # a quarter of the site's minute allowance in a minute is a burst
BURST_REMEMBERED_S = 24 * 3600.0
MAX_REMEMBERED = 20_000  # chats remembered as from a burst before the oldest are dropped


def address_key(remote: str | None) -> str:
    """What one visitor is counted as: an IPv4 address as it is, an IPv6
    address as its /64 network (an IPv4-mapped one as its IPv4 address),
    anything else (a Unix socket, no address) as ``"unknown"``, one count
    for all such visitors."""
    try:
        address = ipaddress.ip_address(remote or "")
    except ValueError:
        return "unknown"
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


@dataclass(frozen=True)
class Admitted:
    """A new resident taken; ``burst``: made in a burst (see the module)."""

    burst: bool


@dataclass(frozen=True)
class Refused:
    """Not taken: ``retry_at`` (epoch seconds) is when the limit reached
    has room again; ``overall`` is True when it is the whole site's."""

    retry_at: float
    overall: bool


class NewResidents:
    """Counts new web residents against ``settings`` (``web.new_residents``)
    and remembers which chats were made in a burst."""

    def __init__(self, settings: Settings) -> None:
        self.limiter = MovingWindowRateLimiter(MemoryStorage())
        self.per_address: RateLimitItem = RateLimitItemPerHour(settings.per_address_per_hour)
        self.overall: RateLimitItem = RateLimitItemPerMinute(settings.per_minute)
        self.burst_overall = max(1, settings.per_minute // BURST_SHARE_OF_MINUTE)
        self._burst: OrderedDict[str, float] = OrderedDict()  # chat id -> until (epoch s)

    def admit(self, chat_id: str, remote: str | None) -> Admitted | Refused:
        """Count the new resident ``chat_id`` writing from ``remote`` (the
        visitor's address), or refuse it: nothing is counted then. Safe to
        call from the event loop (in memory, no waiting)."""
        key = address_key(remote)
        for item, ids, overall in (
            (self.per_address, ("new-resident", key), False),
            (self.overall, ("new-resident", "site"), True),
        ):
            if not self.limiter.test(item, *ids):
                stats = self.limiter.get_window_stats(item, *ids)
                return Refused(retry_at=stats.reset_time, overall=overall)
        from_address = self._count(self.per_address, ("new-resident", key))
        on_site = self._count(self.overall, ("new-resident", "site"))
        self.limiter.hit(self.per_address, "new-resident", key)
        self.limiter.hit(self.overall, "new-resident", "site")
        burst = from_address + 1 >= BURST_FROM_ADDRESS or on_site + 1 >= self.burst_overall
        if burst:
            self._remember(chat_id)
        return Admitted(burst)

    def _count(self, item: RateLimitItem, ids: tuple[str, ...]) -> int:
        return item.amount - self.limiter.get_window_stats(item, *ids).remaining

    def _remember(self, chat_id: str) -> None:
        self._burst[chat_id] = time.time() + BURST_REMEMBERED_S
        self._burst.move_to_end(chat_id)
        while len(self._burst) > MAX_REMEMBERED:
            self._burst.popitem(last=False)

    def from_burst(self, chat_id: str) -> bool:
        """Whether ``chat_id`` was made in a burst, within ``BURST_REMEMBERED_S``."""
        until = self._burst.get(chat_id)
        if until is None:
            return False
        if until < time.time():
            del self._burst[chat_id]
            return False
        return True
