"""Addresses other adapters ask the web side to serve (``bot.edge.endpoint``):
each request handed over as it came (the raw body: the endpoint checks its
signature), without the site's CSRF check, which is for browsers; the
endpoint checks its caller itself."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from aiohttp import web
from aiohttp.typedefs import Handler

from bot.edge.endpoint import Endpoint, HttpRequest

log = logging.getLogger("forumbot.web")


async def read_body(request: web.Request, limit: int) -> bytes | None:
    """The whole body, or None when it is longer than ``limit`` bytes. Read
    to its end: one ``read(n)`` returns only what has arrived so far, and a
    body that comes in pieces (a slow network, a proxy) would be cut short
    and fail its signature check."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = await request.content.read(limit + 1 - size)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            return None


def handler(endpoint: Endpoint) -> Handler:
    async def handle(request: web.Request) -> web.StreamResponse:
        body = await read_body(request, endpoint.max_body)
        if body is None:
            return web.Response(status=413, text="too large")
        query = {key: request.query[key] for key in request.query}
        # HEAD is answered as GET (aiohttp drops the body): a link checker's
        # or mail scanner's HEAD sees what a GET would, and acts as little.
        method = "GET" if request.method == "HEAD" else request.method
        given = HttpRequest(method, query, dict(request.headers), body)
        reply = await endpoint.handle(given)
        return web.Response(status=reply.status, text=reply.text, headers=dict(reply.headers))

    return handle


def add_routes(app: web.Application, endpoints: Sequence[Endpoint]) -> None:
    """GET (and HEAD, answered as GET without a body) and POST to each
    endpoint's path (other methods: 405)."""
    for endpoint in endpoints:
        handle = handler(endpoint)
        app.router.add_get(endpoint.path, handle)
        app.router.add_post(endpoint.path, handle)
        log.info("web: also serving %s (an adapter's endpoint)", endpoint.path)


def paths(endpoints: Sequence[Endpoint]) -> frozenset[str]:
    """The paths the site's CSRF check leaves alone."""
    return frozenset(endpoint.path for endpoint in endpoints)
