"""Issue 15, triage round 7: the sixth unseen set's false alarms from the
rules (docs/triage-figures.md, "Round 7"), by concept family: the set's own
lines (read from the spent files by id) and wordings written for these
tests, so that a new writer's new jokes are caught too; and, beside each
family, emergencies that look like it and must stay urgent.

1. a joke marked after the event ("lol", "ha!") with a pivot to the real
   question ("actual question:", "serious q") or an animal as the culprit;
2. a correction or anticlimax in the same message ("Oh wait, it's the new
   art installation", "then I remembered she's at her daughter's");
3. figurative danger ("I'm being dramatic", "basically got a knife to my
   throat with this rent rise", "is killing me with the music" in other
   languages);
4. a worry reported, not now (a classmate's words passed on, a flatmate
   who "keeps joking he'll jump");
5. habitual nuisance and farewells that are not suicide (bangers that
   "sound just like gunshots", bins set alight "at weekends", a shop's
   "this is my goodbye")."""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import Concern, assess
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.normalise import normalise
from tests.support.core_harness import STAFF_CHAT, CoreHarness
from tests.support.triage_labelled import spent_line

RESIDENT = "5550007"


# The fifteen false alarms of the sixth set that came from the rules, by family.
SIXTH_SET_RULE_FALSE_ALARMS = {
    "joke after the event": ["i-033", "j-006", "j-005", "j-115", "j-118"],
    "correction": ["j-050", "i-199"],
    "figurative": ["i-172", "j-194", "j-009"],
    "reported, not now": ["j-179", "i-088"],
    "habitual or not a farewell to life": ["j-105", "i-108", "j-195"],
}


@pytest.mark.parametrize(
    "line_id", [i for ids in SIXTH_SET_RULE_FALSE_ALARMS.values() for i in ids]
)
def test_the_sixth_sets_rule_false_alarms_are_not_urgent(line_id: str) -> None:
    text = spent_line(line_id)
    said = assess(text)
    assert not said.urgent, (line_id, said)


@pytest.mark.parametrize(
    "text",
    [
        "Got ambushed by three pigeons outside Greggs, they took my pasty lol. Anyway, real "
        "question: who do I ask about the broken streetlight?",
        "my cat has taken me hostage, won't let me off the sofa haha. serious question though, "
        "can I park on the verge outside my house?",
        "The twins have tied me to a chair and are demanding biscuits, send backup! Ha. Actual "
        "question: do you run a bike marking day?",
        "My husband has been abducted by the golf club again for the whole Sunday, ha! Real "
        "question: are the new double yellows on Mill Lane enforced?",
        "Just got assaulted by a swan in the park lol. serious q, who looks after the swans?",
        "a goose attacked me on the canal path, I nearly died laughing. want it arrested lol",
    ],
)
def test_a_joke_marked_after_the_event_is_not_urgent(text: str) -> None:
    said = by_rules(normalise(text))
    assert not said.urgent, (text, said)
    assert not assess(text).urgent, text


@pytest.mark.parametrize(
    "text",
    [
        "There's a body lying in the bus shelter!! Oh wait, it's a Halloween dummy someone left. "
        "Who should move it?",
        "My dad didn't answer his phone all morning and I nearly rang you, then I remembered he's "
        "at the bowls club on Tuesdays. Silly me. Is there a scheme for checking on older people?",
        "Someone's breaking into the van next door! Never mind, it's the owner, he'd locked his "
        "keys in. Is it worth him getting a steering lock?",
        "Saw smoke pouring out of the flat upstairs and panicked, turns out it was only their "
        "barbecue on the balcony. Are barbecues allowed on balconies?",
    ],
)
def test_a_correction_in_the_same_message_is_not_urgent(text: str) -> None:
    said = by_rules(normalise(text))
    assert not said.urgent, (text, said)
    assert not assess(text).urgent, text


@pytest.mark.parametrize(
    "text",
    [
        "The council has basically put a gun to our heads over the parking permits. Can the "
        "police do anything about the signs?",
        "this hill is going to kill someone, I'm exaggerating, but the gritters never come. who do "
        "I complain to?",
        "My boss is practically holding me hostage with these overtime demands. Is that legal?",
        "The queue at the post office is going to kill me. Not literally! Are they allowed to "
        "close at lunch?",
        "the baby is killing me this month, any baby groups near the station?",
    ],
)
def test_figurative_danger_is_not_urgent(text: str) -> None:
    said = by_rules(normalise(text))
    assert not said.urgent, (text, said)
    assert not assess(text).urgent, text


@pytest.mark.parametrize(
    "text",
    [
        # Romanian, Italian, German, Portuguese: "is killing me with the music/noise"
        "Bună, vecinul ne omoară cu zgomotul în fiecare seară. Ce pot face?",
        "Il vicino mi ammazza con la musica ogni notte, a chi mi rivolgo?",
        "Der Lärm bringt mich um, wer ist zuständig?",
        "O barulho vai me matar, posso reclamar à polícia?",
    ],
)
def test_killing_me_with_the_noise_in_other_languages_is_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "A boy in my son's class said a few weeks ago that he wants to die. The teachers know and "
        "his mum is involved. Should we do anything else?",
        "My brother always jokes he'll jump off the Humber Bridge if Hull lose again, he's fine, "
        "it's just his humour. Is there a support line for football fans?",
    ],
)
def test_a_worry_reported_and_not_now_is_not_urgent(text: str) -> None:
    said = by_rules(normalise(text))
    assert not said.urgent, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "Every night this week kids have been letting off fireworks on the field, they sound like "
        "gunshots and the dog hides. Can I report it?",
        "Our cars get set on fire at weekends on the estate, could someone come to the tenants' "
        "meeting?",
        "After 25 years as your lollipop lady this is my goodbye, I retire on Friday. Thank you "
        "all.",
        "This is my last post as chair of the residents' group, goodbye everyone, we're moving "
        "to Devon next month.",
    ],
)
def test_habitual_nuisance_and_farewells_not_to_life_are_not_urgent(text: str) -> None:
    said = by_rules(normalise(text))
    assert not said.urgent, (text, said)


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        # 1. a laugh before the match, or a pivot to more danger
        ("he's got a knife to my throat", Concern.DANGER),
        ("lol my mate just got stabbed outside the chippy, he's bleeding loads", Concern.DANGER),
        (
            "my ex punched me lol. actual question, he's outside with a bat, what do I do",
            Concern.DANGER,
        ),
        ("I've been mugged by a man with a knife just now lol I'm shaking", Concern.DANGER),
        (
            # "birds" here are women: no animal for the joke guard
            "two birds fighting outside the pub, one of them has got a knife. lol what is this "
            "town",
            Concern.DANGER,
        ),
        ("my kids are being held hostage by their dad, he has a gun, send help", Concern.DANGER),
        # 2. a correction that names a person, or more danger after it
        (
            "There's a man with a knife!!! oh wait it's the guy from upstairs, he's coming at me",
            Concern.DANGER,
        ),
        (
            "There's a man with a gun on the roof!!! Oh wait, he's pointing it at the school",
            Concern.DANGER,
        ),
        ("Turns out he's got a gun, he's in the garden", Concern.DANGER),
        (
            "man collapsed on the platform! oh wait it's a man I know, he's not breathing",
            Concern.DANGER,
        ),
        (
            "my son is missing, silly me for letting him go to the beach alone, the tide is "
            "coming in",
            Concern.DANGER,
        ),
        (
            "my neighbour hasn't answered the door for two days, then I remembered she's on "
            "her own and diabetic",
            Concern.DANGER,
        ),
        (
            "there's a man on the bridge railings! never mind the traffic, he's about to jump",
            Concern.SELF_HARM,
        ),
        # a severe match is no joke for a laugh and a pivot
        (
            "My mum has collapsed, haha no it's not funny, serious question do I put her on her "
            "side",
            Concern.DANGER,
        ),
        # 3. hyperbole doubted, the writer's own words, a hedge with no money
        (
            "there's a man outside with a knife, maybe I'm being dramatic but he's been there an "
            "hour",
            Concern.DANGER,
        ),
        (
            "I want to die. I'm being dramatic probably but I've got the pills here",
            Concern.SELF_HARM,
        ),
        ("He has got a knife to my throat over the money I owe him", Concern.DANGER),
        ("My boyfriend has basically got a knife to my throat right now", Concern.DANGER),
        (
            "He's basically got a knife to my throat over this debt and he's outside now",
            Concern.DANGER,
        ),
        # 4. reported, but now
        (
            "my daughter said last night that she wants to die and now she's locked in the "
            "bathroom",
            Concern.SELF_HARM,
        ),
        (
            "my daughter told me a girl in her class said she wants to die and she's on the "
            "bridge now",
            Concern.SELF_HARM,
        ),
        (
            "my flatmate keeps joking he'll jump off the balcony, I'm scared he means it",
            Concern.SELF_HARM,
        ),
        # 5. fireworks doubted, someone hurt; a farewell to life
        (
            "I thought it was fireworks but they sound like gunshots and people are screaming",
            Concern.DANGER,
        ),
        ("bangs that sound like gunshots on the estate right now", Concern.DANGER),
        ("Fireworks earlier, now what sounds like gunshots from the park", Concern.DANGER),
        (
            "Kids with fireworks earlier but now bangs that sound like gunshots by the flats",
            Concern.DANGER,
        ),
        ("this is my goodbye, I'm sorry for everything, I can't go on", Concern.SELF_HARM),
        ("This is goodbye, I'm moving to a better place tonight", Concern.SELF_HARM),
        ("after 40 years on this earth this is goodbye, I'm done with life", Concern.SELF_HARM),
        ("I'm shutting down, goodbye everyone", Concern.SELF_HARM),
    ],
)
def test_round7_look_alikes_stay_urgent_by_rules(text: str, concern: Concern) -> None:
    said = by_rules(normalise(text))
    assert said.urgent and said.concern is concern, (text, said)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("vecinul mă omoară cu cuțitul, ajutor", "ro"),  # with the knife
        ("mă omoară, are cuțit", "ro"),
        ("Mein Mann bringt mich um, Hilfe", "de"),
        ("ele vai me matar", "pt"),
    ],
)
def test_killing_me_in_other_languages_stays_urgent(text: str, language: str) -> None:
    said = assess(text)
    assert said.urgent and said.reason == f"danger.other_language.{language}", (text, said)


def test_a_laugh_before_the_event_with_a_plea_stays_urgent() -> None:
    said = assess("lol he's kicking the door in help")
    assert said.urgent, said


@pytest.mark.parametrize(
    "text",
    [
        # a nervous laugh with distress, a plea or a farewell after it
        "my mate just got stabbed lol what do i do",
        "theres a guy with a knife at the bus stop lol wtf",
        "cut myself again lol its not stopping",
        "gonna jump off the bridge tonight lol bye",
        "some guy just got stabbed outside spar lmao the police are here now",
        # a laugh that ends the message takes nothing back
        "my house is on fire and my nan is still inside lol",
    ],
)
def test_a_nervous_laugh_does_not_hide_an_emergency(text: str) -> None:
    # Merge of round 7: a laugh in the clause used to stop every rule but
    # self-harm's severe ones. A severe or self-harm rule now needs the joke
    # taken back or laughed off (more words after the laugh, none of them
    # distress); an ordinary rule needs no distress after the laugh.
    said = assess(text)
    assert said.urgent, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "I will jump off a bridge if the roadworks on the A6 are not finished soon haha. When "
        "do they end?",
        "I could slit my wrists listening to the last council meeting haha. Anyway when is the "
        "next PACT meeting with the police?",
        "jk lol my brother stabbed me with a pencil",
        "they threw a dummy overboard at the lifeboat practice and i nearly had a heart attack "
        "thinking it was real haha",
        "this traffic is going to kill me lol",
    ],
)
def test_a_laugh_that_takes_the_danger_back_is_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


async def test_a_resident_who_laughs_nervously_about_a_stabbing_gets_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(RESIDENT, "my mate just got stabbed lol what do i do")
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


def test_a_farewell_by_someone_leaving_the_country_with_a_child_stays_urgent() -> None:
    # "leaving the country" counts as a move only in the first person.
    text = (
        "my ex has just taken my 2yr old out of nursery, he rang me laughing saying I'll never "
        "see her again and he's leaving the country tonight"
    )
    assert assess(text).urgent


async def test_a_resident_joking_about_a_seagull_mugging_gets_no_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "just been held up by a seagull on the pier, it took my whole chips lol. serious q: is "
        "it illegal to feed them?",
    )
    assert all("call 999 now" not in reply for reply in replies)
    assert not any(text.startswith("URGENT") for text in h.texts_to(STAFF_CHAT))


async def test_a_resident_with_a_knife_to_their_throat_gets_999_guidance(h: CoreHarness) -> None:
    replies = await h.resident_says(RESIDENT, "he's got a knife to my throat, please")
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")
