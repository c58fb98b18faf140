"""Issue 15, triage round 12: the tenth unseen set's rule false alarms
(docs/triage-figures.md, "Round 12: rule false alarms"), by family: the
set's own lines (read from the spent files by id), wordings written for
these tests in other voices (text-speak, elderly formal, non-native,
dialect), and look-alikes that must stay urgent, above all the same words
said of a live emergency.

1. someone in authority already came and dealt with it ("the police
   already came and sorted it");
2. a child's game of capture ("playing cops and robbers ... screamed help
   im being kidnapped");
3. taken by family for a treat ("kidnapped by her granny for the weekend");
4. a job's protocol asked about ("I'm a lifeguard, what's the protocol for
   a lost child");
5. a comic threat with a mishap for its reason ("I'm going to KILL my
   husband, he's left the gate open again");
6. a law question on shooting pests ("shoot a fox on my own land with an
   air rifle");
7. a past fight's aftermath ("blood on the door ... who cleans this up?",
   "a stabbing in the town centre earlier, police tape everywhere now");
8. an object found lying ("Found a kitchen knife lying in the hedge");
9. the ninth set's leftovers: "our kid" (a sibling) and a team "killing"
   the writer with a score.

Some wordings written for these families match no rule and are raised by
the model alone ("our kid is a dead man, he's scratched my car"): they are
the model's (docs/triage-figures.md) and are not here."""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import assess
from bot.safeguarding.triage.engine import MODEL_RULE
from tests.support.core_harness import STAFF_CHAT, CoreHarness
from tests.support.round16_model import marked
from tests.support.triage_labelled import spent_line

RESIDENT = "5550012"

# The tenth set's nine rule false alarms and the ninth set's leftover, with
# the guard that now stops each.
SPENT_RULE_FALSE_ALARMS = [
    ("q10-011", "outcome"),
    ("q10-023", "not_real"),
    ("q10-168", "general_question"),
    ("r10-018", "mishap"),
    ("r10-020", "lawful"),
    ("r10-027", "aftermath"),
    ("r10-049", "aftermath"),
    ("r10-053", "joke"),
    ("r10-191", "object"),
    ("o9-082", "mishap"),
]


@pytest.mark.parametrize(("line_id", "guard"), SPENT_RULE_FALSE_ALARMS)
def test_the_tenth_sets_rule_false_alarms_are_not_urgent(line_id: str, guard: str) -> None:
    said = assess(spent_line(line_id))
    assert not said.urgent and said.reason.startswith(f"none:{guard}:"), (line_id, said)


NOT_URGENT = {
    "resolved": [
        "someone was waving a knife at the bus stop this morning but the police already came "
        "and sorted it. is the route safe tomorrow?",
        "Earlier a lad had a machete in the park, police came and dealt with it, he was "
        "arrested. Just wanted to say thanks to the officers.",
        "my son said a boy at school had a knife in his blazer, the teacher took it off him "
        "and the police have already been. do i need to do anything?",
        "Good afternoon. A gentleman was threatening staff with a bottle in the Co-op this "
        "morning; the police attended and took him away. I merely wish to commend them.",
        "there was a man with a knife outside the chippy at lunch, coppers already came n "
        "sorted it, all good now",
        "Yesterday my neighbour was screaming that her ex had a knife, police came within "
        "minutes and arrested him. She is staying with her mum now. What support is there for "
        "her?",
        "a kid had a blade on the school bus this morning but the police already dealt with "
        "it. should i still report it to the school?",
        "Weapon was found on a pupil, police already came and sorted everything out. Is there "
        "a parents meeting about it?",
    ],
    "game": [
        "The kids in the close were playing cops and robbers and my son yelled help im being "
        "kidnapped, the whole street came out. so embarrassing",
        "my daughter and her friends play kidnappers in the garden, she screams help help "
        "they've kidnapped me, neighbours must think we're mad",
        "Playing hide and seek with the grandkids and the youngest shouted 'help I'm being "
        "kidnapped' when I caught her. Sorry to whoever called about the screaming!",
        "kids playing tig out the front screaming help im being murdered lol. is it ok for "
        "them to play out till 8?",
        "Our twins were playing pirates and one shouted 'help, I've been taken hostage!' from "
        "the treehouse. Neighbour asked if all was well, it was!",
        "lad next door playing cops n robbers with his mates, screamed help im being kidnapped "
        "so loud my dog went mad haha",
        "Small question: children playing a chasing game in the park were shouting 'help, I'm "
        "being kidnapped'. Should I have worried? They were all laughing.",
        "my kids was play game police and thief, my son shout help I am kidnapped, neighbour "
        "come to look. No problem, only game",
    ],
    "jokey_kidnap": [
        "the wean's been kidnapped by her granny for the weekend. peace at last",
        "Kids have been kidnapped by their nan for half term, house is so quiet!",
        "my husband has been kidnapped by the golf club for the day, finally some peace",
        "our boy's been abducted by his grandparents for a sleepover lol, date night!",
        "The children have been kidnapped by my mother-in-law for the weekend. Bliss.",
        "daughter kidnapped by her auntie for the day, taking her to the zoo. quiet house at last",
        "Granny has kidnapped the bairns for the weekend so I'm off to the pub quiz, see you there",
        "my little one has been held hostage by her grandad for the whole half term, spoilt "
        "rotten no doubt",
    ],
    "job": [
        "I'm a beach lifeguard this summer, what's the protocol for handing over a lost child "
        "to the police?",
        "I work security at the shopping centre. What's the procedure when we find a lost child?",
        "As a school crossing patrol, what is the protocol if a child is left alone at the "
        "gate at home time?",
        "im a steward at the festival, whats the protocol for a lost kid, do we ring you or "
        "take them to the welfare tent",
        "Good evening. I manage a leisure centre. What is your guidance on the procedure for a "
        "missing child on site?",
        "work at a theme park, whats the policy for lost children, do police get called "
        "straight away?",
        "I am new bus driver, what is protocol if small child is alone on my bus without adult?",
        "I'm a supermarket manager and we get lost children now and then. What's the right "
        "procedure for handing them over?",
    ],
    "comic_threat": [
        "I'm going to KILL my husband, he's left the gate open again and the ewes are all out "
        "on the road",
        "gonna murder my wife she's left the back door open AGAIN and the cat's gone walkabout",
        "I will actually kill my son, he's left the freezer door open overnight and "
        "everything's melted",
        "going to strangle my flatmate, he's used all the hot water again",
        "Im going to kill my dad, he has left the gate open and the dog ran off to the field again",
        "I'll kill my brother, he's taken my charger again",
        "I am going to murder my partner, left the hose running all night and flooded the veg "
        "patch",
        "Gonna murder my son he's forgotten to feed the chickens again",
    ],
    "pests": [
        "is it a crime to shoot a fox on my own land with an air rifle, its been at the hens",
        "Can I shoot rats in my barn with an air rifle or do I need a licence?",
        "Do I need a firearms licence to use an air rifle on the squirrels in my garden?",
        "Is it legal to shoot a fox that keeps taking my chickens, I've got a shotgun",
        "Quick one, can I use a .22 air rifle on pigeons on my allotment?",
        "whats the law on shooting rabbits with an air gun on my dads farm",
        "Can my husband shoot the fox with his rifle if it comes back for the ducks? We have land.",
        "my neighbour asked is he allowed to shoot magpies with an air rifle in his back garden",
    ],
    "past_fight": [
        "There was a massive fight outside the club at 2am, all over by the time I looked out "
        "but there's glass all over the pavement and blood on the door. Who cleans this up?",
        "Big fight outside the pub last night, came out this morning and there's blood all "
        "over our front door and step. Who do I report it to?",
        "woke up to blood all over the door of the chippy after the scrap last night, whos "
        "meant to clean it",
        "Fight in the street at closing time, it's all calm now but there's blood on the "
        "pavement outside my gate. Should the council clean it?",
        "Someone was scrapping outside the kebab shop in the early hours. This morning blood "
        "on the bus shelter and smashed glass. Is anyone dealing with it?",
        "Last night lads fighting on the green, today blood on the wall by the swings. Who "
        "cleans that up before the kids play there?",
        "my mate said theres been a stabbing in the town centre earlier, police tape "
        "everywhere now, is the high street shut",
        "Heard there was a stabbing near the station earlier, the road is cordoned off now. "
        "Are the buses still running?",
        "My sister said someone got stabbed outside Tesco earlier, there's police tape all "
        "round it now. Is the shop open?",
        "apparently there was a stabbing on the estate earlier, forensic tent up now, anyone "
        "know if school's open tomorrow",
    ],
    "found": [
        "Found a kitchen knife lying in the hedge on my dog walk this morning, nobody about. I "
        "left it where it was. Should I hand it in?",
        "found a knife lying on the path by the school, no one around, what do i do with it",
        "My son found a machete lying in the long grass in the park. Nobody near it. Do we "
        "bring it to the station?",
        "Found a needle lying on the pavement outside my house, who picks these up?",
        "I found a wallet lying in the road with cards in it, can I hand it in at the station?",
        "found a scooter lying on its side in the brook, no one around, looks nicked, who do i "
        "tell",
        "found some bloke's phone lying on the bench, how do I get it back to him",
        "Spotted a hammer lying in the middle of the cycle path, no one around. Is it evidence "
        "of something?",
        "We found a bike lying in our front garden this morning, nobody's claimed it. Is it "
        "stolen?",
    ],
    "our_kid": [
        "im gonna kill our kid, he's eaten the last stottie AND the pease pudding",
        "gonna murder our kid, he's nicked my charger again",
        "I'll kill our kid, he's drank all the milk",
        "gonna kill me bro, he's eaten all the biscuits",
        "I swear I'll kill our lass, she's borrowed my straighteners and broke them",
        "going to murder me sister, shes used all my shampoo",
        "im going to kill our kid he took the last of the crisps",
        "I'll murder our kid, he's used all the hot water again",
    ],
    "team": [
        "United are killing me, 3-0 down at half time",
        "Leeds are killing me this season. Anyway, do you police the away end?",
        "Rovers are killing me, two down at home again",
        "Villa are absolutely killing me tonight, 2-0 down to bottom of the league",
        "Spurs are killing me, lost again",
        "England are killing me, 1-0 down in the 90th minute",
        "Wednesday are killing me, relegated again",
        "honestly the Rovers defence is killing me, 2 1 down again",
    ],
}

URGENT_LOOK_ALIKES = {
    "resolved": [
        "the police came earlier but he's back now with a knife banging on the door",
        "police sorted it this morning but now he's outside again with a knife, please send "
        "someone",
        "the police already came once tonight and he's back, he's got a knife and he's kicking "
        "the door in",
        "a boy at school has a knife in his bag right now, the teacher doesn't know",
    ],
    "game": [
        "help im being kidnapped two men pushing me into a van",
        "a man just grabbed a kid off the street and put her in his car, she was screaming help",
        "my daughter was playing out and a man has taken her, he drove off with her",
        "help I've been kidnapped they've locked me in a flat I don't know where",
    ],
    "jokey_kidnap": [
        "my daughter's been kidnapped by her dad, he's not allowed contact, he grabbed her "
        "from school and drove off",
        "my son has been abducted by a man in a white van just now",
        "our boy has been kidnapped, they want money, please help",
        "my child has been taken by a stranger from the park, please help",
    ],
    "job": [
        "I'm a lifeguard and a child is missing in the sea right now, please help",
        "I work security at the shopping centre, there's a lost child here alone and a man "
        "keeps trying to take her",
        "lost child on the beach, can't find his mum, he's only 3, please send someone",
        "my 4 year old is missing at the shopping centre, please help",
    ],
    "comic_threat": [
        "my husband is going to kill me, he's got a knife and he's locked the door",
        "I'm going to kill my husband, I've got the knife in my hand, I can't take it any more",
        "he said he's going to kill his wife tonight, he's left with a hammer",
        "my neighbour is screaming he'll kill his wife, I can hear her crying",
    ],
    "pests": [
        "a man with an air rifle is shooting at the kids in the park",
        "there's a man in the field pointing a rifle at walkers",
        "my neighbour is waving a shotgun at us, he says he'll shoot us",
        "someone's been shot with an air rifle outside the shop, he's bleeding",
    ],
    "past_fight": [
        "there's a massive fight outside the club right now, blood everywhere",
        "fight outside, one lad's on the floor, blood all over the door, he's not moving",
        "someone's just been stabbed outside the chippy, he's bleeding on the pavement",
        "there's been a stabbing, the lad is still lying there bleeding",
    ],
    "found": [
        "found a man lying in the hedge, he's not moving",
        "found my neighbour lying on the kitchen floor, she can't get up",
        "a man is waving a knife in the park",
        "found a woman lying by the river, she's not breathing",
    ],
    "our_kid": [
        "my brother's going to kill our kid, he's got a knife to his throat",
        "dad is going to kill our kid, he's beating him now",
        "someone is trying to kill my brother, he's being stabbed",
        "he's going to kill me, he's got a knife",
    ],
    "team": [
        "the lads from the away end are killing him, kicking him on the floor",
        "fans are attacking a man outside the ground, they're kicking him in the head",
        "they're killing him, 3 of them on him outside the pub",
        "a gang is beating up a lad at the bus stop",
    ],
}

NEAR_MISSES = [
    "the police came earlier and took him away but he's back now with a knife",
    "he was arrested last week but he's outside my house with a knife",
    "police already came and sorted it this morning but he's back and he's got a knife to her "
    "throat",
    "the kids were playing hide and seek and a man grabbed my son and put him in a car, help",
    "we were playing cops and robbers in the park and a real man with a knife is chasing us help",
    "my daughter's been snatched by her dad, he's not allowed to see her, he took her for the "
    "weekend and won't bring her back",
    "my son has been taken by his uncle for the weekend and he won't give him back, he's "
    "threatening us",
    "What's the procedure for a lost child, there's one here now and a man keeps trying to "
    "take her",
    "there's blood all over the door and she isn't answering, last night there was screaming",
    "blood on the kitchen floor and my mum isn't answering, there was a fight last night",
    "someone was stabbed earlier and he's still lying in the road, police tape going up",
    "found a knife lying next to him and he's not moving",
    "found a man lying in the road with a knife next to him",
    "United fans are kicking a lad on the floor outside the ground, half time, he's not moving",
    "I'm going to kill my husband, he's left the door open and I've got a knife",
    "my husband says he's going to kill me, he's forgotten to take his meds and he's got a hammer",
    "whats the protocol for a lost child, this little boy has been crying on his own by the "
    "tills for 20 mins",
    "found a knife lying on the floor and my flatmate is bleeding",
    "found a bag lying by the bins with what looks like a gun in it, nobody around, left it "
    "where it was, who do i call",
    "Found a kitchen knife lying in the hedge and there's a man hiding in the bushes watching "
    "the school",
    "my son's been taken by his grandad for the weekend but he's drunk and driving with him",
    "our boy has been kidnapped by his uncle for the weekend and now he's not answering his phone",
    "blood on the door and the pavement, the fight's still going on down the road",
    "someone was stabbed earlier and there's police tape, but the lad who did it is still "
    "outside my house with the knife",
    "United are killing me, 3-0 down, and now some fans are fighting outside with bottles",
    "im gonna kill our kid, he's eaten the last stottie. Also my mum has collapsed and isn't "
    "breathing",
]


@pytest.mark.parametrize(
    ("family", "text"),
    marked([(family, text) for family, lines in NOT_URGENT.items() for text in lines]),
)
def test_each_familys_new_wordings_are_not_urgent(family: str, text: str) -> None:
    said = assess(text)
    assert not said.urgent, (family, text, said)


def test_every_family_has_at_least_eight_new_wordings() -> None:
    assert all(len(lines) >= 8 for lines in NOT_URGENT.values()), {
        family: len(lines) for family, lines in NOT_URGENT.items()
    }


@pytest.mark.parametrize(
    ("family", "text"),
    [(family, text) for family, lines in URGENT_LOOK_ALIKES.items() for text in lines],
)
def test_each_familys_emergency_look_alikes_stay_urgent(family: str, text: str) -> None:
    said = assess(text)
    assert said.urgent, (family, text, said)


# The new guards' own words with a live emergency: a knife back after the
# police left, a real grab during a game, a parent with no right to the
# child, a lost child here now, blood and nobody answering, someone still
# lying there, someone found lying, a weapon with the mishap.
@pytest.mark.parametrize("text", NEAR_MISSES)
def test_the_guards_words_with_a_live_emergency_stay_urgent(text: str) -> None:
    said = assess(text)
    assert said.urgent, (text, said)


# What the resident and the officers see.
async def test_a_resident_whose_child_is_at_granny_for_the_weekend_gets_no_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Bromley Police Online Forum the wean's been kidnapped by her granny for the weekend. "
        "peace at last. When is the next street meeting?",
    )
    assert all("call 999 now" not in reply for reply in replies)
    assert not any(text.startswith("URGENT") for text in h.texts_to(STAFF_CHAT))


async def test_a_resident_whose_child_was_taken_by_a_parent_without_rights_gets_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "my daughter's been snatched by her dad, he's not allowed to see her, he took her for "
        "the weekend and won't bring her back",
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


async def test_a_resident_asking_who_cleans_up_after_a_fight_gets_no_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Bromley Police Online Forum There was a massive fight outside the club at 2am, all over "
        "by the time I looked out but there's glass all over the pavement and blood on the door. "
        "Who cleans this up?",
    )
    assert all("call 999 now" not in reply for reply in replies)
    assert not any(text.startswith("URGENT") for text in h.texts_to(STAFF_CHAT))


async def test_a_resident_with_blood_on_the_door_and_nobody_answering_gets_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "there's blood all over the door and she isn't answering, last night there was screaming",
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


# 29-fa2: a question asked in general or a hypothetical with a live event
# attached after it ("what is the procedure when someone collapses and
# isn't breathing, my husband just did"): the hypothetical, general-question
# and protocol guards no longer stop the match. Wordings written for these
# tests (text-speak, formal, plain); each is urgent by a rule, not the model.
LIVE_EVENT_ATTACHED = [
    "what is the procedure when someone collapses and isn't breathing, my husband just did",
    "what do you do if someone's been stabbed, my brother just has",
    "how long should you wait when a kid goes missing, mine's been gone 2 hours and it's dark",
    "what should you do if someone has taken an overdose? my flatmate just has",
    "what do I do if my ex turns up with a knife, he's here now outside the door",
    "what's the first aid if someone's been stabbed?? my son has just come in bleeding",
    "what are you supposed to do when somebody threatens to kill themselves, my mate just said "
    "he's going to",
    "when someone is having a seizure and not breathing what should I do, my wife is",
    "wat do u do if sum1 has took an overdose?? my sis just has",
    "Could you kindly advise the correct procedure when a person has collapsed and is not "
    "breathing. My wife just has.",
    "how long do you wait before reporting a child missing? my son's been missing 3 hours and "
    "it's getting dark",
    "what should you do when someone is choking? my baby is",
    "how do you help someone who wants to kill themselves? my boyfriend is trying to right now",
]

# ... and their ordinary look-alikes: a real hypothetical, someone who just
# asked, a course, the event long past or the person fine now.
LIVE_EVENT_LOOK_ALIKES = [
    "what is the procedure when someone collapses and isn't breathing? my husband just asked me "
    "and I didn't know",
    "what do you do if someone's been stabbed, it happened to my brother last year",
    "what should you do if someone has taken an overdose? my daughter is doing a first aid course",
    "what do I do if my ex turns up with a knife? he's been making threats but he isn't here",
    "what's the first aid if someone's been stabbed, my son has just started his St John "
    "Ambulance course",
    "what are you supposed to do when somebody threatens to kill themselves, my friend just "
    "asked me this at work",
    "when someone is having a seizure what should I do? my wife has epilepsy and is fine now",
    "how long should you wait when a kid goes missing before calling you? mine just asked me that",
    "wat do u do if sum1 has took an overdose?? my sis just asked me, its for her course",
    "Could you kindly advise the correct procedure when a person has collapsed and is not "
    "breathing. My wife has just begun a first aid course.",
    "what should you do when someone is choking? my baby is starting solids next week",
    "what do you do if someone has been stabbed, my brother was years ago and we never knew",
    "what is the procedure when someone collapses and is not breathing, my husband did once in "
    "2015 and I froze",
    "what should I do if my son goes missing at the festival? he is going with friends tomorrow",
    "how do you help someone who wants to kill themselves? my boyfriend is fine now but it was "
    "bad last year",
    # an echo of a habit, of a thing, or of a second question in between
    "what's the law if someone threatens to kill you? my neighbour does",
    "what happens if a child goes missing at school, who is responsible? our school is",
    "what happens if a child goes missing at school, who is responsible? my husband is",
    "what do you do when someone is not breathing, is cpr taught in schools? my son's is",
    "what should I do if someone is choking? my son is 2",
    "what do you do if a kid goes missing on holiday, mine has before and it was terrifying",
    "what to do when someone collapses and isn't breathing, my husband just did a course on it",
]


@pytest.mark.parametrize("text", LIVE_EVENT_ATTACHED)
def test_a_general_question_with_a_live_event_attached_is_urgent_by_a_rule(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.reason != MODEL_RULE, (text, said)


@pytest.mark.parametrize("text", LIVE_EVENT_LOOK_ALIKES)
def test_a_general_question_with_nothing_live_attached_stays_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


def test_the_live_event_family_has_ten_wordings_and_ten_look_alikes() -> None:
    assert len(LIVE_EVENT_ATTACHED) >= 10 and len(LIVE_EVENT_LOOK_ALIKES) >= 10


async def test_a_resident_asking_the_procedure_as_her_husband_collapses_gets_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Bromley Police Online Forum what is the procedure when someone collapses and isn't "
        "breathing, my husband just did",
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


async def test_a_resident_asking_the_procedure_for_a_first_aid_course_gets_no_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Bromley Police Online Forum what is the procedure when someone collapses and isn't "
        "breathing? my husband just asked me and I didn't know",
    )
    assert all("call 999 now" not in reply for reply in replies)
    assert not any(text.startswith("URGENT") for text in h.texts_to(STAFF_CHAT))
