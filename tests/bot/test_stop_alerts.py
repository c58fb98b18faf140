"""``STOP``, ``stop alerts``, ``unsubscribe`` alone stop every alert, as text
messages are stopped, and say how to subscribe again; ``subscribe me`` is
the chooser, never the ME postcode area (issue 16, item 5)."""

from __future__ import annotations

import pytest

from bot.alerts.alert import AlertType
from bot.store.database import fetch_all
from tests.support.core_harness import CoreHarness

RESIDENT = "5001"
STOPPED = "Done: all your alerts stopped."
AGAIN = "To subscribe again, send /subscribe."


async def _subscribed(h: CoreHarness) -> list[str]:
    async with h.core.db.read() as tx:
        rows = await fetch_all(tx, "SELECT alert_type FROM subscription ORDER BY alert_type")
    return [str(r[0]) for r in rows]


@pytest.mark.parametrize(
    "typed",
    ["STOP", "stop alerts", "Stop all alerts please.", "unsubscribe", "/stop", "UNSUBSCRIBE ME!"],
)
async def test_stop_stops_every_alert_and_says_how_to_come_back(h: CoreHarness, typed: str) -> None:
    await h.resident_says(RESIDENT, "/subscribe")
    await h.resident_presses(RESIDENT, "sub:a:bromley")
    assert len(await _subscribed(h)) == len(AlertType)  # every type, the newsletter among them
    (reply,) = await h.resident_says(RESIDENT, typed)
    assert STOPPED in reply and AGAIN in reply, reply
    assert await _subscribed(h) == []
    (again,) = await h.resident_says(RESIDENT, typed)
    assert "You had no alerts of that kind. To choose alerts, send /subscribe." in again


async def test_stop_in_a_sentence_is_not_a_stop(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, "/subscribe")
    await h.resident_presses(RESIDENT, "sub:a:bromley")
    replies = await h.resident_says(RESIDENT, "stop and search figures")
    assert any("How to ask" in r for r in replies), replies
    assert not any(STOPPED in r for r in replies)
    assert len(await _subscribed(h)) == len(AlertType)  # every type, the newsletter among them


@pytest.mark.parametrize("typed", ["subscribe me", "Subscribe me please!", "/subscribe ME"])
async def test_subscribe_me_is_the_chooser_not_a_postcode(h: CoreHarness, typed: str) -> None:
    (reply,) = await h.resident_says(RESIDENT, typed)
    assert "Alerts from Bromley Police Online Forum" in reply, reply
    assert "postcode" not in reply.lower()
