"""What the console tells officers about delivery, over real HTTP against a whole
forumbot with no platform tokens: nothing is queued for the Telegram rooms in the
configuration, and an answer's confirmation says where it really went."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.web_setup import EventStream, events, resident_and_officer, running_web

pytestmark = pytest.mark.timeout(60)


async def test_with_telegram_off_the_console_says_where_the_answer_went(tmp_path: Path) -> None:
    async with (
        running_web(tmp_path) as app,
        resident_and_officer(app) as (resident, officer),
    ):
        async with (
            events(resident, "/chat/events") as feed,
            events(officer, "/staff/bromley/events") as room,
        ):
            await resident.post_json(
                "/chat/send", {"text": "Bromley Police Online Forum: is the park locked at night?"}
            )
            await feed.until("#1")
            await room.until("Question #1")
            await officer.post_json("/staff/bromley/send", {"text": "open"})
            opened = EventStream.text_of(await room.until("is open until"))
            await officer.post_json("/staff/bromley/send", {"text": "answer 1 Yes, at dusk."})
            confirmation = EventStream.text_of(await room.until("#1 answered by"))
            await feed.until("Yes, at dusk.")
        async with app.core.db.read() as tx:
            rows = await tx.execute_fetchall(
                "SELECT platform, COUNT(*) FROM outbox GROUP BY platform ORDER BY platform"
            )
        by_platform = {str(r[0]): int(r[1]) for r in rows}
        status, archived = await resident.get("/archive/bromley/questions/1")

    assert "Session for Bromley Police Online Forum is open" in opened
    assert "Sending it to the asker now" in confirmation
    assert "No public room is on for this forum: the answer is on the web archive only." in (
        confirmation
    )
    assert "Published to the public rooms" not in confirmation
    # The forum's Telegram staff and public rooms are configured, but Telegram is off.
    assert set(by_platform) == {"web"}
    assert status == 200 and "Yes, at dusk." in archived
