"""Issue 15, triage round 10: the eighth unseen set's rule false alarms
(docs/triage-figures.md, "Round 10: rule false alarms"), by family: the set's
own lines (read from the spent files by id), wordings written for these
tests in other voices (text-speak, elderly formal, non-native, long), and
look-alikes that must stay urgent, above all a second, live emergency in a
message that also states an outcome.

1. an outcome said after the match ("is safe now, she's in hospital", "the
   police talked him down", "It's all quiet now");
2. "turned out to be the farmer's bird scarer";
3. a pet taken ("my cat has been kidnapped by the neighbours");
4. a nuisance or an animal "killing" the writer, as a habit ("bonfire smoke
   is killing me ... every Sunday", "cockerel is trying to murder me. 4am
   every single day");
5. a joke taken back by a serious pivot ("send backup. Seriously though,
   ...");
6. a rumour doubted ("People on the Facebook group are saying ... Is it
   true? Nobody I know has actually seen it");
7. make-believe gore ("fake bodies and blood ... for Halloween");
8. an unsecured building kids get into, asked about as whose job it is."""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import Concern, assess
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.normalise import normalise
from tests.support.core_harness import STAFF_CHAT, CoreHarness
from tests.support.triage_labelled import spent_line

RESIDENT = "5550010"


def _rules_say_urgent(text: str) -> bool:
    return by_rules(normalise(text)).urgent


@pytest.mark.parametrize(
    ("line_id", "guard"),
    [
        ("m-007", "outcome"),
        ("m-033", "outcome"),
        ("m-087", "outcome"),
        ("m-187", "outcome"),
        ("n-060", "outcome"),
        ("n-069", "outcome"),
        ("n-105", "corrected"),
        ("m-117", "pet"),
        ("m-161", "idiom"),
        ("m-174", "idiom"),
        ("n-152", "joke"),
        ("n-066", "rumour"),
        ("n-190", "not_real"),
        ("n-026", "unsecured"),
    ],
)
def test_the_eighth_sets_rule_false_alarms_are_not_urgent(line_id: str, guard: str) -> None:
    said = assess(spent_line(line_id))
    assert not said.urgent and said.reason.startswith(f"none:{guard}:"), (line_id, said)


# 1. An outcome said after the match.
@pytest.mark.parametrize(
    "text",
    [
        "my mate sent me a goodbye text last night but hes safe now, his dad took him to a&e. "
        "do i need to tell police anything?",
        "I write regarding my neighbour's son, who stood on the railway bridge on Tuesday "
        "evening. The officers talked him down and he is now in hospital. May I ask whether a "
        "letter of thanks can be passed on?",
        "sister took some tablets yesterday, she is in hospital now being looked after. what "
        "support is there for families after?",
        "Yesterday a man was lying in the road on Station Rd, the ambulance came and took him. "
        "Does anyone know if he is OK?",
        "earlier there was a horse loose on the bypass, its at our farm now safe. who do i ring "
        "about finding owner",
        "My brother friend threatened to jump from car park roof last week. Police pulled him "
        "back and he is safe. I want to say thank you to them, how?",
        "so about 2 hours ago my nan fell in the garden, couldnt get up, paramedics came and "
        "she's fine now. is there a scheme for those pendant alarms?",
        "This morning I thought there was someone drowning in the canal but it was only a dog "
        "fetching a stick lol. how do I report the broken railing though",
        "Earlier on a lad was throwing bricks at cars on the flyover, it's all calm now. Just "
        "letting the team know",
    ],
)
def test_an_outcome_said_after_the_match_stops_the_rules(text: str) -> None:
    assert not _rules_say_urgent(text), text


@pytest.mark.parametrize(
    "text",
    [
        # a second, live emergency after the outcome
        "my son was pulled out of the river last night, he's safe now but his brother is still "
        "in the water",
        "she sent a goodbye text last night, she's safe now, but now her sister has sent me one "
        "saying she's on the bridge",
        "Last night a man stabbed my neighbour, she's in hospital now, but he is back outside her "
        "flat right now with the knife",
        "earlier my ex threatened to kill me, i'm safe at my mums but he knows where she lives "
        "and he's on his way",
        "An hour ago my daughter sent me a goodbye message. The police pulled her back from the "
        "bridge but she ran off again and we can't find her",
        "my brother tried to hang himself yesterday, he's staying with us now but he keeps saying "
        "he wants to die",
        "this morning my mum collapsed, she's in hospital and my dad has collapsed too and isn't "
        "breathing",
        "Yesterday my dad fell, the ambulance came, he was home safe. He's fallen again and can't "
        "get up",
        # someone back, a contrast or a weapon after the outcome
        "earlier tonight a man was waving a knife outside the pub, the police came, he's back "
        "again",
        "My friend sent me a goodbye message last night, he's safe now but his gun is missing",
        # an outcome asked or doubted
        "My friend sent me a goodbye message last night and she is safe now? I don't know, she "
        "isn't answering",
        "my mate sent a goodbye message last night, hopefully he's safe now",
        # an act of self-harm: only medical care tells it as over
        "he took 40 paracetamol last night, he's staying with his mum",
        "my daughter took a load of pills last night, she's safe now",
        "she took an overdose earlier, she was in hospital but they discharged her and she's "
        "taken more tablets",
        # no time in the past: not told as over
        "I thought she was asleep but she's not breathing",
        "My friend sent me a goodbye message an hour ago and she isn't answering",
    ],
)
def test_an_emergency_beside_or_without_an_outcome_stays_urgent(text: str) -> None:
    assert assess(text).urgent, text


# 2. "Turned out to be" the harmless source.
@pytest.mark.parametrize(
    "text",
    [
        "heard gunshots around 6 this morning, turned out to be the bird scarer on the farm. can "
        "they do that so early?",
        "Saw smoke pouring from the barn, turned out to be a controlled burn by the farmer. Do "
        "they need permission?",
        "thought my neighbour had fallen but it turned out to be her washing on the floor. silly "
        "question, are welfare checks a police thing?",
        "There was a loud explosion, turned out to be a tractor tyre bursting. No harm done",
        "what sounded like screaming turned out to be the foxes again. is there a pest service?",
        "A man lying on the pavement turned out to be a window cleaner resting. Are they allowed "
        "to block the path?",
        "big bang and smoke on the estate, turned out to be an old car backfiring",
    ],
)
def test_turned_out_to_be_a_harmless_thing_stops_the_rules(text: str) -> None:
    assert not _rules_say_urgent(text), text


@pytest.mark.parametrize(
    "text",
    [
        "heard gunshots, turned out to be a man with a shotgun shooting at the neighbours",
        "thought it was fireworks but turned out to be gunshots, someone is lying on the ground",
        "turned out to be the guy from upstairs, he's got a knife and he's coming down now",
    ],
)
def test_turned_out_to_be_a_person_or_a_weapon_stays_urgent(text: str) -> None:
    assert assess(text).urgent, text


# 3 and 4. A pet taken; a nuisance or an animal "killing" the writer, as a habit.
@pytest.mark.parametrize(
    "text",
    [
        "Our tortoise was stolen from the garden last week, who do I report it to?",
        "Good afternoon. My cat appears to have been abducted by the lady at number 12, who feeds "
        "her salmon. Is there a law on this?",
        "my dog has been kidnapped by my ex, she wont give him back, can police help?",
        "next doors bloody rooster is trying to kill me, 5am every morning without fail. noise "
        "complaint who to?",
        "The bass from the flat above is killing me every weekend, is there a noise limit?",
        "the seagulls on this street are trying to murder me every single morning when I take the "
        "bins out lol, can the council do anything",
        "the neighbours wind chimes are killing me slowly, every night all night. any law about "
        "them?",
    ],
)
def test_a_pet_taken_or_a_nuisance_killing_me_as_a_habit_stops_the_rules(text: str) -> None:
    assert not _rules_say_urgent(text), text


@pytest.mark.parametrize(
    "text",
    [
        "my dog is attacking my son, it won't let go, he's bleeding",
        "the neighbour's dog is trying to kill me, it's got hold of my arm, help",
        "my ex is holding my kids hostage and says he will kill them",
        "a man has stolen my car with my baby in the back",
        "my cat has been kidnapped and the man who took her says he will hurt my kids if I call "
        "police",
        "the smoke is killing me, the flat is on fire and I cannot get out",
        "the neighbours dog is trying to kill me every day, it has hurt me, I am bleeding",
    ],
)
def test_an_animal_attacking_or_a_child_taken_stays_urgent(text: str) -> None:
    assert assess(text).urgent, text


# 5. A joke taken back by a serious pivot.
@pytest.mark.parametrize(
    "text",
    [
        "I am being held hostage by my toddler and a box of crayons, send help. Jokes aside, are "
        "the PCSOs coming to the toddler group next week?",
        "help im being kidnapped by my mother in law for the whole bank holiday weekend. on a "
        "serious note, is the road to the coast closed for the marathon?",
        "lol my kids have me held hostage in the soft play, send backup. on a serious note, is "
        "parking on the verge outside allowed?",
        "Being held captive by the Year 6 leavers' disco, rescue me. Joking aside, who do I ask "
        "about the road closure for the fete?",
        "OMG the neighbours' twins have taken me hostage with water pistols again, send the SWAT "
        "team. Seriously though, can you tell me when the PCSO surgery is?",
        "we r bein held hostage by a wasp in the kitchen lol. seriously tho is there a number for "
        "the council pest team",
        "My husband has been kidnapped by the golf club for the whole weekend, send a search "
        "party! But seriously, is the car park there locked at night?",
        "I have been taken hostage by a pile of ironing, please send help. All jokes aside, when "
        "is the next beat meeting in Hitchin?",
    ],
)
def test_a_joke_taken_back_by_a_serious_pivot_stops_the_rules(text: str) -> None:
    assert not _rules_say_urgent(text), text


@pytest.mark.parametrize(
    "text",
    [
        "help im being held hostage by two men with knives, seriously though what do i do",
        "there's a man kidnapping a girl into a van outside, jokes aside please send someone",
    ],
)
def test_a_serious_pivot_with_a_weapon_or_a_plea_stays_urgent(text: str) -> None:
    assert assess(text).urgent, text


# 6. A rumour doubted.
@pytest.mark.parametrize(
    "text",
    [
        "ppl on the village fb page saying theres a man with a gun in the woods?? is it true?? no "
        "one ive spoken to has seen anything",
        "A lady in our WhatsApp group says a white van is trying to snatch children near St "
        "Mary's school. Can anyone confirm? It may be scaremongering.",
        "Is it true what people are posting on Nextdoor about a gang stabbing people on the "
        "towpath? Nobody I know has actually seen it.",
        "my daughter's school chat says a man tried to grab a girl by the park. is this real or "
        "fake news?",
        "There's a post on the local group saying kids are being followed home from the academy "
        "by a man in a balaclava. Is this true? None of us have seen him.",
        "On Facebook they are saying a woman is being kidnapped in a silver car round here, can "
        "anyone confirm, it might just be a rumour",
        "saw on snapchat that theres a shooting at the retail park. is it real?? my mates there "
        "say nothing happening",
        "Word going round on TikTok that someone is putting needles in the seats at the cinema. "
        "Any truth in it?",
    ],
)
def test_a_rumour_doubted_stops_the_rules(text: str) -> None:
    assert not _rules_say_urgent(text), text


@pytest.mark.parametrize(
    "text",
    [
        "people on facebook are saying theres a man with a gun at the school, i can see him from "
        "my window now",
        "is it true? my friend just posted on facebook she's going to kill herself tonight",
        "the whatsapp group says a man is trying to grab kids at the park, I'm there now and he's "
        "grabbing my son",
        "everyone in the group chat is saying jay got stabbed and is bleeding behind the shops "
        "right now",
        # someone close to the writer as the source, or a doubt of the person
        "my daughter texted the group chat that a man is trying to drag her into a car, is this "
        "true?? she wont pick up",
        "My dad posted on the village Facebook page that someone is breaking into his shed. Is it "
        "true? Can anyone check?",
        "My son just messaged the family chat saying a man with a knife is following him home. Is "
        "it real? He isn't answering",
    ],
)
def test_a_rumour_with_now_or_self_harm_stays_urgent(text: str) -> None:
    assert assess(text).urgent, text


# 7. Make-believe gore.
@pytest.mark.parametrize(
    "text",
    [
        "there is fake blood all over the bus shelter from the zombie walk, who cleans that up",
        "Neighbours done a Halloween display with a pretend body and blood everywhere in the "
        "front window, my kids are scared to walk past. Is it allowed?",
        "our street has covered the garage door in halloween decorations, blood dripping down it, "
        "tasteful lol",
        "The drama club left fake blood all over the car park after rehearsal. Is that littering?",
        "A house on our road has plastic skeletons and fake blood smeared on the windows for "
        "halloween, its quite graphic. can anything be done?",
        "Someone has left a rubber hand and prop blood on the wall by the school for a film shoot. "
        "Who do I ask to remove it?",
        "kids with face paint blood all over them trick or treating, is it legal to scare "
        "pensioners like that",
        "My neighbour's Halloween props, a fake body with blood all over it, are on the pavement "
        "blocking the buggy. Is that an obstruction?",
    ],
)
def test_make_believe_gore_stops_the_rules(text: str) -> None:
    assert not _rules_say_urgent(text), text


@pytest.mark.parametrize(
    "text",
    [
        "there's blood all over the bathroom floor and my son is not answering, the halloween "
        "party is still going on downstairs",
        "blood everywhere, my mate was stabbed at the halloween party",
        "a man with a fake gun is pointing it at people in the shop",
        "there is blood pouring from her head, she fell off the stage during the play",
        "There is fake blood all over the halloween display and a child is hurt underneath the "
        "props",
    ],
)
def test_real_blood_or_an_imitation_gun_stays_urgent(text: str) -> None:
    assert assess(text).urgent, text


# 8. An unsecured building kids get into, asked about as whose job it is.
@pytest.mark.parametrize(
    "text",
    [
        "empty house next to me, owner died last year, people are breaking in to sleep there. who "
        "deals with that, the council?",
        "Since the fire at the garage units the roof has gone and kids are climbing in all the "
        "time. Is it the landlord's job to secure it?",
        "abandoned factory by the canal, lads are getting in and smashing windows. who is "
        "responsible for fencing it off?",
        "the old pub on mill lane burnt down in march and its not been boarded, teenagers are "
        "getting in through the back. whos responsible for securing it?",
        "Dear Sir, the derelict bungalow at the end of our close has had its door off since the "
        "winter. Youths are going inside of an evening. Is this a matter for the council or the "
        "police?",
        "The boarded-up shop on the parade, someone has pulled the boards off and kids are going "
        "in. Is that a council matter?",
        "hello, the burnt house on our road, the boards are gone and children climb in after "
        "school. who should deal with this please",
    ],
)
def test_kids_getting_into_an_unsecured_building_asked_about_stops_the_rules(text: str) -> None:
    assert not _rules_say_urgent(text), text


@pytest.mark.parametrize(
    "text",
    [
        "kids are climbing into the burnt out flat right now and one has fallen through the floor",
        "someone is breaking into the empty house next door right now, who do I call?",
        "two men are breaking into the derelict pub now with crowbars",
        "the empty house next door is on fire and kids are inside, who deals with that",
    ],
)
def test_a_break_in_now_or_a_fire_in_an_empty_building_stays_urgent(text: str) -> None:
    assert assess(text).urgent, text


# What the resident and the officers see.
async def test_a_resident_whose_friend_is_safe_in_hospital_gets_no_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Bromley Police Online Forum My friend who sent me a goodbye message last night is safe "
        "now, she's in hospital with her mum. What happens next, will the police want to talk "
        "to her?",
    )
    assert all("call 999 now" not in reply for reply in replies)
    assert not any(text.startswith("URGENT") for text in h.texts_to(STAFF_CHAT))


async def test_a_resident_with_a_second_live_emergency_after_an_outcome_gets_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "my son was pulled out of the river last night, he's safe now but his brother is still "
        "in the water",
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


# 9. Asking whether a past crime can still be reported "now" (a dev file's
# false alarm, h-008): "now" asks about reporting, not about the danger.
@pytest.mark.parametrize(
    "text",
    [
        "I want to report something from three weeks ago, a man showed me knife at the bus stop "
        "and took my phone. I was scared to report. Can I still report it now or is too late?",
        "two weeks ago a lad pulled a knife on my son outside the chippy. can we still report it "
        "now?",
        "A man threatened me with a knife in the park in March. Should I report it now or has "
        "too much time passed?",
    ],
)
def test_asking_to_report_a_past_crime_now_stops_the_rules(text: str) -> None:
    assert not _rules_say_urgent(text), text


@pytest.mark.parametrize(
    "text",
    [
        "a man just showed me a knife at the bus stop and he's still there, can I report it now?",
        "two weeks ago he hit me and tonight he's outside with a knife, can I report it now?",
    ],
)
def test_a_knife_now_asked_about_reporting_stays_urgent(text: str) -> None:
    assert assess(text).urgent, text


# 10. A person missing since a past time and still missing (a recall gap found
# while writing the look-alikes above: the past stopped the missing rules).
@pytest.mark.parametrize(
    "text",
    [
        "My daughter went missing yesterday. Her friend is safe at home. We still can't find her",
        "my little boy went missing at the park yesterday afternoon, police are searching but "
        "still nothing",
        "my son (12) went missing last night, still no sign of him",
        "my mum with dementia went missing yesterday and still nobody has seen her",
    ],
)
def test_a_child_or_vulnerable_person_still_missing_since_yesterday_is_urgent_by_rules(
    text: str,
) -> None:
    assert _rules_say_urgent(text), text


@pytest.mark.parametrize(
    "text",
    [
        "My daughter went missing yesterday but she turned up at her friend's, safe. Should I "
        "tell the school?",
        "Last year my son went missing for a day, still can't believe how fast police found him",
        "my son went missing yesterday for two hours, we found him at the arcade. still furious",
        "my daughter went missing yesterday at the fair for 10 mins, still shaking but she's fine",
        "the boy who went missing on sunday has been found safe, still no word on charges",
        "my 7 year old went missing in Tesco yesterday for five minutes, staff found him. Do "
        "shops have a code word for lost children?",
    ],
)
def test_a_person_found_or_missing_long_ago_stays_ordinary_by_rules(text: str) -> None:
    assert not _rules_say_urgent(text), text


async def test_a_parent_whose_son_is_still_missing_since_last_night_gets_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT, "my son (12) went missing last night, still no sign of him"
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


# 11. Someone close to the writer posting of their own self-harm (a recall gap
# found writing the rumour look-alikes: "on instagram" stopped it as hearsay).
@pytest.mark.parametrize(
    "text",
    [
        "my sister posted on instagram that shes taken all her pills, is it real? she wont answer",
        "my best mate just put on snapchat that he's going to kill himself tonight",
        "My daughter has put on her Instagram story that she has taken an overdose",
    ],
)
def test_someone_close_posting_of_their_own_self_harm_is_urgent_by_rules(text: str) -> None:
    said = by_rules(normalise(text))
    assert said.urgent and said.concern is Concern.SELF_HARM, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "people on tiktok are saying a student took an overdose at the uni, is it true",
        "I read on facebook that a girl killed herself at the school, is it true?",
        "My friend posted on Facebook this is the end, but it was about his football team being "
        "relegated. Is it worth reporting?",
    ],
)
def test_posts_by_strangers_and_a_friends_farewell_to_a_team_stay_ordinary_by_rules(
    text: str,
) -> None:
    assert not _rules_say_urgent(text), text
