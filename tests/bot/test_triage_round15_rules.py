"""Issue 15, round 15: false alarms from the rules, by concept
(docs/triage-figures.md, "Round 15: rule false alarms").

The twelfth set (spent: tests/data/triage/unseen_2026_11_30_u/_v) had nine
false alarms from the rules. Their concepts, each written here in other
voices (text-speak, Welsh, Scots, Geordie, Scouse, Northern Irish, elderly
formal, non-native) before the fix, beside the live emergencies that use the
same words and must stay urgent:

1. a comic threat over a mishap ("my da will kill me when he sees the car");
   the writer venting at a nuisance ("I'm going to murder them mun", over
   a car across the drive);
2. a nuisance "killing me" (children, a traffic queue, the heat, a diet);
3. sport and slang ("mugged off by the ref", "murdered them 5-0");
4. an event told as over, asked about as work or procedure (a nan with
   dementia found; a past passenger's "end it all"; a customer's overdose
   the night before, now cared for).

Every wording goes through ``assess`` (the whole triage: rules, guards and
the model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.safeguarding.triage import Concern, assess

CORPUS = Path(__file__).resolve().parents[1] / "data" / "triage"

# --- 1. A comic threat over a mishap --------------------------------------------

MISHAP_THREAT_ORDINARY = [
    "Me da'll murder me when he sees the dent in the van, I clipped a bollard at the Asda in "
    "Walton. Do I need to report hitting a bollard?",
    "Wor lass is gonna kill us when she finds oot I spent the holiday money on a new telly. "
    "Anyway is the Quayside shut for the fireworks?",
    "My wife shall surely kill me when she discovers I have mislaid the spare house key once "
    "more. Should lost keys be reported to the police?",
    "My husband he will kill me when he see I broke his phone screen. It is possible to "
    "report broken phone to police for insurance?",
    "The gaffer's gonna murder me when he sees the scratch on the works van, I reversed into "
    "a post at the depot. Do I have to report that?",
    "Ma maw's gonnae kill me when she sees whit I've done tae her motor, pranged it in the "
    "Morrisons car park. Naebody hurt. Dae I need tae report it?",
    "mam will actually kill me wen she sees the phone bill, went over my data by 80 quid. "
    "anyway is the station on the high st open sat",
    "Nain's going to kill me when she finds out I forgot to post her birthday card. Not a "
    "police thing I know, but is Bangor front desk open Sundays?",
    "my missus will kill me when she sees I've bought another fishing rod. Anyway does anyone "
    "know if you need a licence for the canal at Wigan?",
    "I'm going to kill whoever keeps parking across my gate, third time this week. Who do I "
    "ring about it, the council or you?",
    "Am gonna murder the lot of them next door, they've left their bins out on the pavement "
    "again for a fortnight. Is that a council job?",
    # the deed right after the threat, with no "when he sees"
    "My wife will kill me, I've booked another golf weekend. Anyway is there parking at the "
    "station on Sundays?",
    "Da's going to murder me, I've reversed his van into the gatepost. Do I need to report it "
    "if it's our own gate?",
]

MISHAP_THREAT_URGENT = [
    "my boyfriend will kill me, I've done nothing wrong, he's drunk and shouting and throwing "
    "things",
    "my husband will kill me, I've left him and he's found out where I am",
    "my dad will kill me, I've told him I'm gay and he's going mental",
    "my husband says he will kill me, I've spent the money on the electric and he's coming "
    "home drunk with a knife",
    "my husband said he will kill me when he gets home and he has a knife",
    "my dad will kill me, he's hitting mum now, please send someone",
    "My husband will kill me when he sees I've called you, he's already broken my arm tonight",
    "my boyfriend says he'll kill me when he finds out I told the police, he's outside the "
    "door now",
    "Me da will kill me, he's got a knife and he's battering the door in",
    "I'm going to murder them, the lads who parked across my drive are kicking my door in "
    "right now and say they'll stab me",
    "my partner is going to kill me, he's strangling me, help",
    "my ex will kill me when he sees I've moved, he's outside with a bat right now",
    "my husband will kill me when he sees the car, he's shouting and smashing plates right now",
    "me da'll kill me when he sees what I've done, he's coming up the stairs with a hammer",
    "I'm going to kill them, the neighbours who keep parking across my drive are threatening "
    "me with a bat, who do I ring",
    "my wife will kill me when she sees I've spent the money, she stabbed me last time",
    "he will kill me when he finds out I've left him, he's outside now",
    "my brother will kill me when he sees I crashed his car, he's already punched me twice",
]

# --- 2. A nuisance "killing me" -------------------------------------------------

KILLING_ME_ORDINARY = [
    "bairns are killin me today. school holidays man. is the police open day at middle engine "
    "lane still on",
    "these lorries are killing me, sat on the M20 five hours. Not an emergency, just is the "
    "road open yet?",
    "This heatwave is killing me, the flat is like an oven and the landlord won't fix the "
    "window. Not police I know.",
    "the weans are killing me the day, is the Glasgow police museum open on a Saturday?",
    "this diet is killing me lol, anyway who do I talk to about a speed sign on our road",
    "Next door's music is killing me, every night till 2am. Who do I report noise to?",
    "The humidity is positively killing me. Might someone advise whether the station counter "
    "is open in the afternoons?",
    "dis traffic is killing me innit, 2 hours on the a13. any crash on it or just roadworks?",
    "Those seagulls are killing me, screaming on the roof at 4am. Is that a council or police "
    "matter?",
    "the roadworks on Scotland Road are killing me, been there months. Who do you complain to?",
    "my knees are killing me after the charity walk, is the lost property at the station open "
    "so I can get my scarf back?",
]

KILLING_ME_URGENT = [
    "he is killing me, he's got his hands round my throat, help",
    "my son is killing me, he's punching me and won't stop",
    "they are killing me outside the chippy right now please come",
    "the lads are killing me, there's four of them kicking me on the floor",
    "my husband is killing me, he's hitting me with a belt now",
    "someone is killing me, stabbed in my side, I'm bleeding",
    "help the man is killing me he's got a knife",
    "my boyfriend is killing me help",
    "the man on the stairs is killing me",
    "the lads on the hill are killing me help",
]

# --- 3. Sport and slang ---------------------------------------------------------

SPORT_ORDINARY = [
    "Ospreys got mugged off by the ref again, daylight robbery. Anyway who covers the Liberty "
    "stadium area? Want to report a broken bollard.",
    "we got proper mugged off by the ref at the weekend lol, anyway is the road by the ground "
    "shut for the next home match",
    "Murdered them 5-0 on Saturday! Is the car park by the ground open for the cup game?",
    "Got destroyed in the darts final last night. Anyway can anyone tell me if the bridge is "
    "open again?",
    "shot on sight every time I spawn in that game, my lad is raging. Is there a number for "
    "reporting online scammers in games?",
    "Our under 12s were slaughtered 7-0 at the weekend, poor lambs. Who do I ask about "
    "parking on the verge at the playing fields?",
    "Daylight robbery, eight quid for a pint at the match. Anyway is the police station in "
    "town open on a Sunday?",
    "Feel mugged off paying £4 to park at the hospital, is that even legal? Who polices the "
    "car park?",
]

SPORT_URGENT = [
    "I've just been mugged outside the ground after the match, they took my phone and punched me",
    "my son got mugged at knifepoint after the football, he's bleeding now",
    "a fan's been stabbed outside the stadium, he's on the floor",
    "we've been mugged, they're still running down the road now",
    "just got jumped and mugged by three lads at the bus stop after the game, they've got a knife",
    "someone's been shot outside the rugby club right now",
    "I was mugged off the bus 5 mins ago and they're still there with a knife",
    "my daughter got mugged by the ground, she's hurt and crying",
]

# --- 4. Told as over, asked about as work or procedure --------------------------

OVER_ORDINARY = [
    "Panicked earlier because my nan (she has dementia) wandered off, but my cousin found her "
    "in the Co-op having a cuppa, she's home safe now. Is there a scheme to keep her details "
    "on file?",
    "grandad who's got alzheimers went walkabout this morning but a neighbour brought him "
    "back safe n sound. is there a wristband thing the police do?",
    "My husband has dementia and wandered off yesterday; he was found by the park warden "
    "within the hour and is well. How does one register for the Herbert Protocol?",
    "mi madre have dementia, she go missing last week but police find her same day, she is at "
    "home now. How we make the form for next time?",
    "Yer man across the road with Alzheimer's wandered off on Tuesday, the neighbours found "
    "him at the bus station, he's back home now. Who do we tell so it's on file?",
    "I'm a taxi driver. A while back a passenger said he was going to end it all, then paid "
    "and walked off. Turned out fine, he was found safe. What should drivers do next time?",
    "As a bus driver I had a lad last month say he wanted to end it all. He got off and I "
    "never saw him again but heard he's getting help. Is there training for drivers?",
    "I work in a pharmacy. A customer came in yesterday saying she'd taken too many "
    "paracetamol the night before. We sent her to A&E and she was admitted and is being "
    "looked after. Do we need to tell the police?",
    "wrk in a chemist, lad came in last wk said hed took a load of tablets the nite before, "
    "we sent him to a&e and hes been treated. do we hav to report it to police or is it just "
    "medical",
]

OVER_URGENT = [
    "nan wandered off an hour ago and we can't find her, she has dementia",
    "my nan has dementia and wandered off this morning, she's still missing and it's getting dark",
    "the taxi passenger is on the bridge now saying he'll end it all",
    "I'm a taxi driver and my passenger just said he's going to end it all, he's got out at "
    "the bridge",
    "a customer just told me she's taken too many paracetamol and is going grey, what do I do",
    "I work in a pharmacy and a customer has just collapsed saying she took a whole box of "
    "tablets last night",
    "my grandad with dementia went missing last night and hasn't been found, police are still "
    "searching",
    "I'm a bus driver, a lad on my bus says he's taken a load of pills and wants to end it all",
    "My sister took a load of pills last night, we took her to a&e but she discharged herself "
    "and she's taking more now",
    "my mate said he took an overdose last night, he was admitted but he's just messaged "
    "saying goodbye",
    "customer came in yesterday saying she'd taken too many pills the night before, she's sat "
    "in the shop now grey and sweating",
    "a passenger said last week he'd end it all, it turned out fine then, but he's on the "
    "bridge again now",
    "a while back he said he'd end it all, he was found safe, but what do I do, he's just "
    "sent a goodbye text",
    "he was treated at A&E last night for an overdose and now he says he's going to take the rest",
    "my mum has dementia and went missing 2 hours ago, a man said he found her by the canal "
    "but we still can't find her",
    "my nan with alzheimers wandered off, someone found her handbag on the bridge, please help",
    "last night my friend said she wanted to end it all, she was found safe but is she going "
    "to be ok? she's not answering now",
    "we sent him to a&e yesterday after he took pills but he's been discharged and says he'll "
    "do it again tonight",
]


@pytest.mark.parametrize(
    "text",
    MISHAP_THREAT_ORDINARY + KILLING_ME_ORDINARY + SPORT_ORDINARY + OVER_ORDINARY,
)
def test_ordinary_concepts_are_not_urgent(text: str) -> None:
    assert assess(text).concern is Concern.NONE, assess(text)


@pytest.mark.parametrize(
    "text",
    MISHAP_THREAT_URGENT + KILLING_ME_URGENT + SPORT_URGENT + OVER_URGENT,
)
def test_emergencies_in_the_same_words_stay_urgent(text: str) -> None:
    assert assess(text).concern is not Concern.NONE, assess(text)


# The twelfth set's nine rule false alarms (spent), read by id.
SPENT_RULE_ALARMS = {
    "unseen_2026_11_30_u.jsonl": ["u12-014", "u12-138"],
    "unseen_2026_11_30_v.jsonl": [
        "v12-005",
        "v12-012",
        "v12-035",
        "v12-104",
        "v12-123",
        "v12-129",
        "v12-186",
    ],
}


def _line(file: str, line_id: str) -> dict[str, object]:
    with (CORPUS / file).open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row: dict[str, object] = json.loads(line)
                if row["id"] == line_id:
                    return row
    raise AssertionError(f"{file}: no line {line_id}")


@pytest.mark.parametrize(
    ("file", "line_id"),
    [(file, line_id) for file, ids in SPENT_RULE_ALARMS.items() for line_id in ids],
)
def test_the_twelfth_sets_rule_false_alarms_are_ordinary(file: str, line_id: str) -> None:
    row = _line(file, line_id)
    assert row["urgent"] is False
    assert assess(str(row["text"])).concern is Concern.NONE
