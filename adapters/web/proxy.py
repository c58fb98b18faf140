"""Believing a reverse proxy (``web.trusted_proxies``).

A request whose connection comes from a trusted proxy is seen as the visitor
made it, from the proxy's ``X-Forwarded-For``, ``X-Forwarded-Proto`` and
``X-Forwarded-Host``: ``request.remote`` is the visitor's address (the
right-most one in ``X-Forwarded-For`` that is not itself a trusted proxy),
``request.scheme`` is ``https`` when the proxy ended TLS, and
``request.host`` the name the visitor typed. aiohttp-remotes
(``XForwardedFiltered``) reads the headers; this module only decides whose
headers are read.

From any other address the headers are ignored: a visitor who writes them
gets the page as usual (no 400) and no say in the address the login limit
counts. RFC 7239 ``Forwarded`` is never read: a proxy that sets the
``X-Forwarded-*`` headers passes a visitor's own ``Forwarded`` on untouched,
so reading both would let visitors forge one of them.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable, Sequence

from aiohttp import web
from aiohttp.typedefs import Middleware
from aiohttp_remotes import XForwardedFiltered

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def peer_is_trusted(request: web.Request, trusted: Sequence[Network]) -> bool:
    """Whether the connection itself (not any header) comes from a trusted
    proxy. An IPv4 peer on a dual-stack socket (``::ffff:10.0.0.5``) counts
    as its IPv4 address."""
    transport = request.transport
    peer = transport.get_extra_info("peername") if transport is not None else None
    if not isinstance(peer, tuple) or not peer or not isinstance(peer[0], str):
        return False  # a Unix socket or a closed connection: nothing to match
    try:
        address = ipaddress.ip_address(peer[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in network for network in trusted)


def forwarded_middleware(trusted: Sequence[Network]) -> Middleware | None:
    """The middleware that applies trusted proxies' headers; None when no
    proxy is trusted (the headers are then never read). It must come before
    every middleware that looks at the scheme, host or address."""
    if not trusted:
        return None
    networks = tuple(trusted)
    filtered = XForwardedFiltered(set(networks))

    @web.middleware
    async def from_proxy(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not peer_is_trusted(request, networks):
            return await handler(request)
        return await filtered.middleware(request, handler)

    return from_proxy
