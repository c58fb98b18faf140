"""Consultations: officers ask subscribers, residents answer with buttons,
by replying, or with /survey; one answer each, changeable until closed."""

from __future__ import annotations

from tests.support.core_harness import STAFF_CHAT, CoreHarness, HarnessFactory


async def _subscribe(h: CoreHarness, *users: str) -> None:
    """``users`` subscribe to consultations; 5009 subscribes to nothing."""
    for user in users:
        await h.resident_says(user, "/subscribe")
        await h.resident_presses(user, "sub:t:bromley:consultations")
    await h.resident_says("5009", "/subscribe")  # subscribed to nothing


async def test_options_answered_with_buttons_changed_and_closed(h: CoreHarness) -> None:
    await _subscribe(h, "5001", "5002", "5003")
    sent = await h.staff_says(
        '/survey bromley "Should we hold a bike-marking day?" "Yes" "No" "Not sure"'
    )
    assert "Consultation #1 is going to 3 subscribers as alert #1" in sent[0]
    message = h.messages_to("5001")[-1]
    assert "Consultation #1 from Bromley Police Online Forum" in h.texts_to("5001")[-1]
    assert "Should we hold a bike-marking day?" in h.texts_to("5001")[-1]
    assert [row[0].data for row in message.buttons] == ["survey:1:0", "survey:1:1", "survey:1:2"]
    assert [row[0].label for row in message.buttons] == ["Yes", "No", "Not sure"]
    assert not any("Consultation #1" in t for t in h.texts_to("5009"))

    thanks = await h.resident_presses("5001", "survey:1:0")
    assert 'your answer to consultation #1 is "Yes"' in thanks[0]
    await h.resident_presses("5002", "survey:1:1")
    changed = await h.resident_presses("5001", "survey:1:1")
    assert 'Your answer to consultation #1 is now "No"' in changed[0]
    typed = await h.resident_says("5003", "/survey 1 not sure")
    assert '"Not sure"' in typed[0]
    wrong = await h.resident_says("5003", "/survey 1 maybe")
    assert "Please answer consultation #1 with one of: 1. Yes, 2. No, 3. Not sure" in wrong[0]

    results = await h.staff_says("/survey results 1")
    assert "Consultation #1** (open)" in results[0] or "Consultation #1 (open)" in results[0]
    assert "3 answers" in results[0]
    assert "- Yes: 0 (0%)" in results[0] and "- No: 2 (67%)" in results[0]
    assert "- Not sure: 1 (33%)" in results[0]
    closed = await h.staff_says("/survey close 1")
    assert "(closed)" in closed[0]
    late = await h.resident_presses("5001", "survey:1:0")
    assert "Consultation #1 has closed" in late[0]
    assert "- No: 2 (67%)" in (await h.staff_says("/survey results 1"))[0]


async def test_free_text_answered_by_replying_to_the_survey(h: CoreHarness) -> None:
    await _subscribe(h, "5001")
    await h.staff_says('/survey bromley "What worries you most about your street?"')
    assert "Reply to this message with your answer" in h.texts_to("5001")[-1]
    assert h.messages_to("5001")[-1].buttons == ()
    async with h.core.db.read() as tx:
        rows = await tx.execute_fetchall(
            "SELECT platform_message_id FROM outbox WHERE chat_id = '5001' AND broadcast_id = 1"
        )
    survey_message_id = str(next(iter(rows))[0])
    answer = "=HYPERLINK() speeding at night"
    thanks = await h.resident_replies("5001", answer, reply_to=survey_message_id)
    assert f'your answer to consultation #1 is "{answer}"' in thanks[0]
    changed = await h.resident_replies("5001", "Speeding at night", reply_to=survey_message_id)
    assert 'is now "Speeding at night"' in changed[0]
    results = await h.staff_says("/survey results 1")
    assert "\n1 answer.\n" in results[0] and "- Speeding at night" in results[0]


async def test_only_officers_run_surveys_and_bad_commands_get_usage(h: CoreHarness) -> None:
    await _subscribe(h, "5001")
    refused = await h.staff_says('/survey bromley "Q?" "A" "B"', user="99999")
    assert refused == ["Only this forum's officers can do that. Nothing was changed."]
    for bad in ("/survey", '/survey lewisham "Q?"', '/survey bromley "unclosed', "/survey bromley"):
        usage = await h.staff_says(bad)
        assert 'survey FORUM "question"' in usage[0], bad
    unknown = await h.staff_says("/survey results 42")
    assert "There is no consultation #42" in unknown[0]
    assert len(h.texts_to(STAFF_CHAT)) == 6


async def test_mydata_shows_alerts_chosen_and_consultation_answers(h: CoreHarness) -> None:
    await _subscribe(h, "5001")
    await h.staff_says('/survey bromley "Street lights bright enough?" "Yes" "No"')
    await h.resident_presses("5001", "survey:1:1")
    mine = await h.resident_says("5001", "/mydata")
    text = "\n".join(mine)
    assert "Alerts you chose: Bromley Police Online Forum: consultations." in text
    assert "Your answer to consultation #1 (Street lights bright enough?): No" in text


async def test_a_forum_whose_id_has_a_hyphen_is_found_as_the_officer_types_it(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(id="bromley-town")
    await h.resident_says("5001", "/subscribe")
    await h.resident_presses("5001", "sub:t:bromley-town:consultations")
    for typed in ("bromley-town", "Bromley-Town"):
        sent = await h.staff_says(f'/survey {typed} "Is the crossing working ({typed})?" "Y" "N"')
        assert "is going to 1 subscriber" in sent[0], sent


async def test_only_residents_who_get_consultations_are_counted(h: CoreHarness) -> None:
    await _subscribe(h, "5001")
    await h.staff_says('/survey bromley "Should we hold a bike-marking day?" "Yes" "No"')
    # 5009 chose no consultations: a number passed on is not a vote, and says how to take part.
    outsider = await h.resident_says("5009", "/survey 1 yes")
    assert outsider == [
        "Consultation #1 is for residents who get consultations from Bromley Police Online"
        " Forum, so this answer was not counted. To take part, send /subscribe and choose"
        " consultations, then answer again."
    ]
    pressed = await h.resident_presses("5009", "survey:1:1")  # a forwarded button too
    assert "was not counted" in pressed[0]
    assert "\n0 answers." in (await h.staff_says("/survey results 1"))[0]
    await h.resident_presses("5009", "sub:t:bromley:consultations")  # now they take part
    joined = await h.resident_says("5009", "/survey 1 yes")
    assert 'your answer to consultation #1 is "Yes"' in joined[0]
    await h.resident_presses("5001", "survey:1:1")
    results = (await h.staff_says("/survey results 1"))[0]
    assert "2 answers" in results and "- Yes: 1 (50%)" in results
