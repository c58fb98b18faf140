"""Residents' alerts: subscribing by postcode or with buttons, officers'
alerts with progress, quiet hours, unsubscribing (also mid-alert),
unreachable residents, and forget."""

from __future__ import annotations

from bot.alerts.alert import AlertType
from bot.edge.rich import Span
from bot.edge.sending import Unreachable
from tests.support.core_harness import PUBLIC_CHAT, STAFF_CHAT, CoreHarness, HarnessFactory, at

AREAS = ("BR1", "BR2", "BR6 7")

HEADER = "Bromley Police Online Forum: "
"""An officer's alert names its forum first (issue 16)."""


async def test_subscribe_by_postcode_then_alert_reaches_subscribers_and_public(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(areas=AREAS)
    done = await h.resident_says("5001", "/subscribe br1 3qr")
    assert "You will now get" in done[0] and "appeals for information" in done[0]
    assert "Bromley Police Online Forum" in done[0]
    nowhere = await h.resident_says("5002", "/subscribe SE9 1AB")
    assert "No forum here covers SE9 1AB" in nowhere[0] and "BR1, BR2, BR6 7" in nowhere[0]
    garbled = await h.resident_says("5003", "/subscribe my house")
    assert '"my house" is not a postcode we recognise' in garbled[0]
    sector = await h.resident_says("5004", "/subscribe BR6")
    assert "You will now get" in sector[0]

    staff = await h.staff_says("/alert bromley appeals Have you seen a red van on Elm Road?")
    assert "Alert #1 (appeals, Bromley Police Online Forum) is going to 2 subscribers" in staff[0]
    for resident in ("5001", "5004"):
        alert = h.texts_to(resident)[-1]
        assert alert.startswith(  # the forum named (issue 16), then the words
            "Bromley Police Online Forum: appeals for information\n\nHave you seen a red van"
        )
        assert "To stop appeals alerts: /unsubscribe appeals" in alert
    assert len(h.texts_to("5002")) == 1 and len(h.texts_to("5003")) == 1
    assert h.texts_to(PUBLIC_CHAT)[-1] == "Have you seen a red van on Elm Road?"
    await h.tick()
    assert "Alert #1 done: 2 of 2 sent, 0 unreachable, 0 failed" in h.texts_to(STAFF_CHAT)[-1]


async def test_buttons_turn_each_alert_type_on_and_off(h: CoreHarness) -> None:
    chooser = await h.resident_says("5001", "/subscribe")
    assert "- appeals for information: off" in chooser[0]
    buttons = h.messages_to("5001")[-1].buttons
    data = [b.data for row in buttons for b in row]
    assert "sub:t:bromley:advice" in data and "sub:a:bromley" in data
    on = await h.resident_presses("5001", "sub:t:bromley:advice")
    assert "- crime-prevention advice: on" in on[0] and "- appeals for information: off" in on[0]
    labels = [b.label for row in h.messages_to("5001")[-1].buttons for b in row]
    assert "✓ crime-prevention advice" in labels and "appeals for information" in labels
    assert max(len(row) for row in h.messages_to("5001")[-1].buttons) == 2
    listed = await h.resident_says("5001", "/subscriptions")
    assert "Bromley Police Online Forum: crime-prevention advice" in listed[0]
    off = await h.resident_presses("5001", "sub:t:bromley:advice")
    assert "- crime-prevention advice: off" in off[0]
    await h.resident_presses("5001", "sub:a:bromley")
    listed = await h.resident_says("5001", "/subscriptions")
    assert "session reminders" in listed[0] and "consultations" in listed[0]
    await h.resident_presses("5001", "sub:n:bromley")
    assert "You have no alerts" in (await h.resident_says("5001", "/subscriptions"))[0]


async def test_unsubscribe_one_type_or_everything(h: CoreHarness) -> None:
    await h.resident_says("5001", "/subscribe bromley")
    one = await h.resident_says("5001", "/unsubscribe appeals")
    assert "appeals for information stopped" in one[0]
    await h.staff_says("/alert bromley appeals Seen this bike?")
    await h.staff_says("/alert bromley advice Lock your shed")
    texts = h.texts_to("5001")
    assert not any("Seen this bike?" in t for t in texts)
    assert any(t.startswith(HEADER + "crime-prevention advice\n\nLock your shed") for t in texts)
    again = await h.resident_says("5001", "/unsubscribe appeals")
    assert "You had no alerts of that kind" in again[0]
    usage = await h.resident_says("5001", "/unsubscribe sometimes")
    assert "/unsubscribe followed by one of: reminders, summaries" in usage[0]
    everything = await h.resident_says("5001", "/unsubscribe")
    assert "all your alerts stopped" in everything[0]
    assert "You have no alerts" in (await h.resident_says("5001", "/subscriptions"))[0]


async def test_quiet_hours_hold_alerts_until_the_morning_unless_urgent(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(start="2026-11-24 22:00")  # London is on UTC in November
    await h.resident_says("5001", "/subscribe bromley")
    held = await h.staff_says("/alert bromley advice --no-public Check your locks")
    assert "will go at Wednesday 25 November at 08:00, after the quiet hours" in held[0]
    assert not any("Check your locks" in t for t in h.texts_to("5001"))
    h.clock.set(at("2026-11-25 07:59"))
    await h.tick()
    assert not any("Check your locks" in t for t in h.texts_to("5001"))
    h.clock.set(at("2026-11-25 08:00"))
    await h.tick()
    assert h.texts_to("5001")[-1].startswith(HEADER + "crime-prevention advice\n\nCheck your locks")
    assert not any("Check your locks" in t for t in h.texts_to(PUBLIC_CHAT))  # --no-public
    urgent = await h.staff_says("/alert bromley appeals --urgent Missing child, call 999")
    assert "is going to 1 subscriber and the public rooms" in urgent[0]
    assert h.texts_to("5001")[-1].startswith(
        HEADER + "appeals for information\n\nMissing child, call 999"
    )


async def test_unsubscribing_while_an_alert_is_being_sent_stops_it(h: CoreHarness) -> None:
    for user in ("5001", "5002"):
        await h.resident_says(user, "/subscribe bromley")
    forum = h.config.forums[0]
    async with h.core.db.transaction() as tx:  # fanned out, not yet sent
        b = await h.core.alerts.request(
            tx, forum, AlertType.OUTCOMES, (Span("Two arrests"),), h.clock.now()
        )
    assert b.total == 2
    await h.resident_says("5002", "/unsubscribe")
    await h.tick()
    assert h.texts_to("5001")[-1].startswith(HEADER + "outcomes\n\nTwo arrests")
    assert not any("Two arrests" in t for t in h.texts_to("5002"))


async def test_unreachable_subscribers_are_counted_and_skipped_next_time(h: CoreHarness) -> None:
    for user in ("5001", "5002", "5003"):
        await h.resident_says(user, "/subscribe bromley")
    h.sender.fail_with["5002"] = Unreachable("bot was blocked by the user")
    await h.staff_says("/alert bromley advice --no-public Mark your bikes")
    await h.tick()
    assert "Alert #1 done: 2 of 3 sent, 1 unreachable, 0 failed" in h.texts_to(STAFF_CHAT)[-1]
    staff = await h.staff_says("/alert bromley advice --no-public Lock your car")
    assert "is going to 2 subscribers" in staff[0]
    await h.tick()
    # The figures add up: the one known unreachable is in the total (the trial's L2).
    assert "Alert #2 done: 2 of 3 sent, 1 unreachable, 0 failed" in h.texts_to(STAFF_CHAT)[-1]


async def test_only_officers_send_alerts_and_bad_commands_get_usage(h: CoreHarness) -> None:
    await h.resident_says("5001", "/subscribe bromley")
    refused = await h.staff_says("/alert bromley advice hello", user="99999")
    assert refused == ["Only this forum's officers can do that. Nothing was changed."]
    for bad in (
        "/alert",
        "/alert bromley",
        "/alert lewisham advice hi",
        "/alert bromley gossip hi",
    ):
        usage = await h.staff_says(bad)
        assert "Send: /alert FORUM TYPE" in usage[0], bad
    assert len(h.texts_to("5001")) == 1


async def test_forget_ends_subscriptions(h: CoreHarness) -> None:
    await h.resident_says("5001", "/subscribe bromley")
    await h.resident_says("5001", "/forget")
    await h.resident_says("5001", "/forget confirm")
    staff = await h.staff_says("/alert bromley advice --no-public Hello")
    assert "is going to 0 subscribers" in staff[0]


async def test_reminders_and_summaries_reach_those_who_chose_them(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(start="2026-11-23 19:59")
    await h.resident_says("5001", "/subscribe")
    await h.resident_presses("5001", "sub:t:bromley:reminders")
    await h.resident_says("5002", "/subscribe")
    await h.resident_presses("5002", "sub:t:bromley:summaries")
    await h.resident_says("6001", "Bromley Police Online Forum is the bike marking event on?")
    h.clock.set(at("2026-11-23 20:00"))  # 24 hours before the first session
    await h.tick()
    reminder = h.texts_to("5001")[-1]
    assert "the next live session is Tuesday 24 November at 20:00" in reminder
    assert "To stop reminders alerts: /unsubscribe reminders" in reminder
    assert not any("next live session" in t for t in h.texts_to("5002"))
    h.clock.set(at("2026-11-24 20:00"))
    await h.tick()
    await h.staff_says("/answer 1 Yes, Saturday 10:00 at the library.")
    h.clock.set(at("2026-11-24 21:00"))
    await h.tick()
    assert not any("session has ended" in t for t in h.texts_to("5002"))  # quiet hours
    h.clock.set(at("2026-11-25 08:00"))
    await h.tick()
    summary = h.texts_to("5002")[-1]
    assert "the live session has ended; 1 question was answered" in summary
    assert "- #1: Is the bike marking event on?" in summary  # published without the phrase
    assert "The next live session is on Tuesday 8 December at 20:00" in summary
    assert not any("session has ended" in t for t in h.texts_to("5001"))


async def test_retention_keeps_subscribers_while_alerts_can_reach_them(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(start="2026-01-05 12:00")
    await h.resident_says("5001", "/subscribe bromley")
    await h.resident_says("5002", "/subscribe bromley")
    await h.resident_says("5003", "/help")
    h.sender.fail_with["5002"] = Unreachable("bot was blocked by the user")
    await h.staff_says("/alert bromley advice --no-public Lock your shed")
    h.clock.set(at("2026-06-01 12:00"))  # long past the 90 days
    counts = await h.core.retention.purge()
    assert counts.residents == 2  # the unreachable subscriber and the one who only asked for help
    staff = await h.staff_says("/alert bromley advice --no-public Mark your bike")
    assert "is going to 1 subscriber" in staff[0]
    assert h.texts_to("5001")[-1].startswith(HEADER + "crime-prevention advice\n\nMark your bike")


async def test_a_send_cut_off_by_a_restart_is_counted_apart_and_never_repeated(
    h: CoreHarness,
) -> None:
    for user in ("5001", "5002", "5003"):
        await h.resident_says(user, "/subscribe bromley")
    forum = h.config.forums[0]
    async with h.core.db.transaction() as tx:  # fanned out, not yet sent
        await h.core.alerts.request(
            tx,
            forum,
            AlertType.APPEALS,
            (Span("Seen a red van?"),),
            h.clock.now(),
            report_chat=h.core.directory.staff_rooms(forum)[0],
        )
        # The process stopped while the send to 5002 was under way.
        await tx.execute(
            "UPDATE outbox SET state = 'sending' WHERE broadcast_id = 1 AND chat_id = '5002'"
        )
    await h.core.dispatcher.recover()
    await h.tick()
    final = h.texts_to(STAFF_CHAT)[-1]
    assert "Alert #1 done: 2 of 3 sent, 0 unreachable, 0 failed" in final
    assert "1 cut off by a restart while being sent: they may have arrived" in final
    assert not any("red van" in t for t in h.texts_to("5002"))
