"""Issue 15, triage round 6 (short): the fifth unseen set's miss and
false-alarm families (docs/triage-figures.md, "Round 6 (short)"), each in
wordings written for these tests, not the set's own lines: people shut in
with no way out (a sealed trailer or container with people heard inside, a
walk-in freezer or cold room), Bengali honorific forms of collapse and not
breathing; and, not urgent, outcomes in other words ("stood down", "no
damage", "turned up at"), a relative's worry or an eye-roll, "the kids are
killing me", animals "attacking", a threat told in the past or said every
day, an old post shared again, a question "purely asking" or supposing
across commas, a question on the law of filming."""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import Concern, assess
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.normalise import normalise
from tests.support.core_harness import STAFF_CHAT, CoreHarness

RESIDENT = "5550006"


@pytest.mark.parametrize(
    "text",
    [
        # a sealed trailer or container, people heard inside
        "at the truck stop there's a locked container lorry, I can hear knocking and crying from "
        "inside it, nobody about and it's boiling",
        "sealed trailer on the industrial estate, been here two days, just heard voices and "
        "someone banging on the side",
        "there's people shouting from inside the back of the lorry parked on our road, it's "
        "padlocked",
        # shut in a freezer or cold room with no way out
        "my mate's locked in the cold room at the butchers, the handle inside snapped and he's "
        "getting quiet",
        "my son's trapped inside a shipping container on the farm, the door swung shut",
        "the new lad got stuck in the walk-in freezer at the restaurant and nobody has the key",
    ],
)
def test_people_shut_in_with_no_way_out_are_urgent_by_rules(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.concern is Concern.DANGER, (text, said)
    assert said.reason == "danger.shut_in_no_way_out", (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "আমার মা হঠাৎ পড়ে গেছেন, শ্বাস নিচ্ছেন না, দয়া করে সাহায্য করুন",
        "দাদু মাটিতে পড়ে গেছেন, উনি নড়ছেন না",
    ],
)
def test_bengali_collapse_in_the_honorific_is_urgent(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.concern is Concern.DANGER, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        # not shut in: goods, queues, the freezer section
        "someone nicked a sealed trailer of whisky from the depot last night, any leads?",
        "stuck in the freezer aisle queue at Tesco for 20 minutes lol, anyway is the station open "
        "sunday?",
        # outcomes in other words
        "the missing walker has been found, mountain rescue stood down, thanks all for sharing",
        "update - shes turned up at her nan's, sorry for the panic everyone",
        "lads were chucking stones at the bus shelter, gone now, no damage. just logging it",
        # a relative's worry, an eye-roll
        "first date tomorrow at the pub and my nan is convinced he's going to kill me 🙄 any "
        "tips for meeting someone new?",
        # the kids, idiom and joke
        "the twins are killing me this summer holiday, any free police open days for kids?",
        # animals attacking
        "the seagulls on the prom are attacking anyone with a pasty, can the council do anything?",
        # a threat in the past, told across clauses
        "Last week at the petrol station a man got out and banged on my window, shouting he will "
        "kill me. I have his plate. Can I still report?",
        # a threat said every day
        "We get the same lads in the shop every day. They say 'I'll knife you' when we ask them to "
        "leave. What can we do?",
        # an old post shared again
        "saw a video saying someone was waving a gun outside the school, is it real? people say "
        "it's old",
        # asking in passing about force
        "Can I use reasonable force on a burglar if I keep an air rifle in the house? Purely "
        "asking, it came up at work.",
        # supposing across commas
        "If my mum, who has Alzheimer's, went missing, would you search for her straight away?",
        # a question on the law of filming
        "my brother had a seizure in town on Monday and he's fine but people filmed it and now "
        "it's all over facebook. is filming someone having a seizure illegal?",
    ],
)
def test_round6_false_alarm_families_are_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


def test_a_container_broken_into_is_not_shut_in_by_rules() -> None:
    # The model (on main before this round too) reads "broken into" as a
    # burglary now: left to it; the new rule must not add to that.
    text = "the shipping container by the allotments has been broken into again, tools gone"
    assert not by_rules(normalise(text)).urgent


@pytest.mark.parametrize(
    "text",
    [
        # the guards above leave these emergencies standing
        "the gulls are going mad but there's a man attacking a woman by the bins right now",
        "he turned up at my door last month and now he's outside again shouting he will kill me",
        "my ex says 'I'll stab you' every time he's drunk and he's here now with a knife",
        "If you can hear me please help, my dad has collapsed and isn't breathing",
        "the coastguard stood down but my son is still in the water, he's gone under",
    ],
)
def test_round6_guards_leave_emergencies_urgent(text: str) -> None:
    said = assess(text)
    assert said.urgent, (text, said)


async def test_a_resident_reporting_people_in_a_sealed_trailer_gets_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "quick one about diesel theft at the services, also the foreign lorry beside me has a "
        "sealed trailer and I can hear people banging inside it, driver's gone",
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


async def test_a_resident_telling_of_a_threat_last_month_gets_no_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Last month in the car park a man kicked my car, very angry, shouting he will kill me. "
        "He drove off. Is it too late to report with my dashcam?",
    )
    assert all("call 999 now" not in reply for reply in replies)
    assert not any(text.startswith("URGENT") for text in h.texts_to(STAFF_CHAT))
