"""For operators: ``/healthz`` (the process answers and the database can be
read: 200, with ``status`` "degraded" while a platform that is on cannot be
reached; 503 when the database cannot be read) and Prometheus metrics at
``/metrics``, read from the database at each scrape through
prometheus_client (a registry of this app's own)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from aiohttp import web
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector

from adapters.web.site import Site
from bot.core import metrics


@dataclass
class Figures:
    """What ``/metrics`` shows: the store's counts (``metrics.Counts``) and
    what only this process knows (open pages, platform links)."""

    counts: metrics.Counts = field(default_factory=metrics.Counts)
    web_pages_open: int = 0
    connected: list[tuple[str, int]] = field(default_factory=list)  # platform, 0/1


class _Snapshot(Collector):
    def __init__(self, figures: Figures) -> None:
        self.figures = figures

    def collect(self) -> Iterator[Metric]:
        f = self.figures.counts
        questions = GaugeMetricFamily(
            "forumbot_questions", "Questions by forum and state", labels=["forum", "state"]
        )
        for forum, state, n in f.questions:
            questions.add_metric([forum, state], n)
        yield questions
        answers = GaugeMetricFamily("forumbot_answers", "Answered questions", labels=["forum"])
        for forum, n in f.answers:
            answers.add_metric([forum], n)
        yield answers
        deliveries = GaugeMetricFamily(
            "forumbot_deliveries",
            "Messages in the outbox by platform and outcome (sent, failed, unknown, ...)",
            labels=["platform", "outcome"],
        )
        for platform, outcome, n in f.deliveries:
            deliveries.add_metric([platform, outcome], n)
        yield deliveries
        depth = GaugeMetricFamily(
            "forumbot_outbox_depth", "Messages waiting to be sent", labels=["platform"]
        )
        for platform, n in f.outbox_depth:
            depth.add_metric([platform], n)
        yield depth
        live = GaugeMetricFamily(
            "forumbot_session_open", "1 while a live session is open", labels=["forum"]
        )
        for forum, n in f.sessions_open:
            live.add_metric([forum], n)
        yield live
        aside = GaugeMetricFamily(
            "forumbot_inbox_set_aside",
            "Inbound events that could not be stored or processed, kept for an operator",
            labels=["platform"],
        )
        for platform, n in f.set_aside:
            aside.add_metric([platform], n)
        yield aside
        pages = GaugeMetricFamily("forumbot_web_pages_open", "Web pages receiving live updates")
        pages.add_metric([], self.figures.web_pages_open)
        yield pages
        connected = GaugeMetricFamily(
            "forumbot_platform_connected",
            "1 while the platform's adapter is connected, 0 while it cannot reach the platform",
            labels=["platform"],
        )
        for platform, n in self.figures.connected:
            connected.add_metric([platform], n)
        yield connected


def add_routes(app: web.Application, site: Site) -> None:
    forum_ids = [f.id for f in site.config.forums]

    async def healthz(request: web.Request) -> web.StreamResponse:
        try:
            async with site.core.db.read() as tx:
                await metrics.readable(tx)
        except Exception:
            return web.json_response({"status": "fail", "database": "unreachable"}, status=503)
        platforms = {c.platform: c.describe() for c in site.connections}
        rooms = site.core.directory.rooms
        # Rooms the bot cannot post in (their messages wait), and rooms that moved
        # while bot.yaml still names their old id.
        unreachable = {
            p.chat.key: f"unreachable since {p.since.isoformat(timespec='seconds')}: {p.problem}"
            for p in rooms.unreachable()
        }
        moved = {
            chat.key: f"moved to {new}: update bot.yaml {', '.join(keys)}"
            for chat, new, keys in rooms.moves()
        }
        degraded = any(not c.connected for c in site.connections) or bool(unreachable)
        body: dict[str, object] = {
            "status": "degraded" if degraded else "ok",
            "database": "ok",
            "platforms": platforms,
        }
        if unreachable:
            body["rooms"] = unreachable
        if moved:
            body["rooms_moved"] = moved
        return web.json_response(body)

    async def scrape(request: web.Request) -> web.StreamResponse:
        async with site.core.db.read() as tx:
            counts = await metrics.counts(tx, forum_ids)
        figures = Figures(
            counts,
            site.hub.watching(),
            [(c.platform, int(c.connected)) for c in site.connections],
        )
        registry = CollectorRegistry(auto_describe=False)
        registry.register(_Snapshot(figures))
        response = web.Response(body=generate_latest(registry))
        response.headers["Content-Type"] = CONTENT_TYPE_LATEST
        return response

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", scrape)
