"""Issue 15, round 16: rule false alarms, one reader for "told as over or
not real" (docs/triage-figures.md, "Round 16: rule false alarms, the
framing reader").

The reader (``bot.safeguarding.triage.framing``) reads a message's framing:
live cues (a word for now, "still", "he's back", "bleeding", "I'm scared",
"he isn't answering", "there's a man slumped", ...) against not-live
framings: over and resolved, in the past days ago or more, a game or a
programme or a book, a joke, a mishap with no one hurt, a question of
policy or a complaint. The engine consults it where a rule fired on weak
evidence (neither severe nor self-harm): told as not live with no live cue,
the match is stopped ("framed").

Each framing is written here in several voices (text-speak, elderly formal,
non-native, Scots, Scouse, rambling) before the fix, beside live
emergencies in the same framing words that must stay urgent. Every wording
goes through ``assess`` (rules, guards, the reader and the model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.safeguarding.triage import assess
from bot.safeguarding.triage.engine import _framed
from bot.safeguarding.triage.framing import KINDS, framing
from bot.safeguarding.triage.normalise import normalise
from bot.safeguarding.triage.rules import RULES

CORPUS = Path(__file__).resolve().parents[1] / "data" / "triage"

OVER = [
    "My neighbour was screaming over the fence on Saturday that he'd kill me over the hedge. "
    "He has since come round and apologised and we shook hands. Do I still need to report it?",
    "ex kicked off at my door threatening to smash my face in, but thats all sorted now, he "
    "said sorry n we're fine. just wanted to ask if i shud log it anyway",
    "Wee man fae next door was threatening tae batter ma boy, his maw came roon the next day "
    "and said sorry, it's aw sorted. Just wondering if it's worth a report.",
    "My brother-in-law say he will stab my husband at the wedding, it was the drink, next day"
    " he apologise to all the family and everything is fine now. Must we tell the police?",
    "Thought someone was breaking into the shed at 2am, turns out it was the fox knocking the"
    " bins over. All fine. Can you recommend a good shed alarm?",
    "The gentleman at number 14 was shouting that he would kill the dog. I understand he has "
    "since apologised to the owners and the matter is resolved. I merely wished it to be "
    "recorded.",
    "Bloke was trying car doors on our street at silly o'clock, turned out he'd lost his own "
    "car and was a bit worse for wear, his missus came and got him. Sorted. Anyway is the tip"
    " open Sunday?",
    "A lad grabbed my phone off the table at the Wetherspoons, the bouncers got it back "
    "straight away and he's been barred. All good now, do I still need to report it?",
]

PAST = [
    "A man in a white van asked my lad if he wanted a lift home last Tuesday. He said no and "
    "the man drove off, nothing since. Separately, can I report someone leaving their engine "
    "running outside the school every morning?",
    "A couple of years ago my cousin was stabbed in Leeds city centre, he recovered well. "
    "He's asking whether he could still get compensation.",
    "Round about the back end of summer a bloke tried the door handles on the cars on our "
    "street. Haven't seen him since. Are there crime figures for our postcode?",
    "Our kid got mugged for his phone outside the Spar the other week, he's alright. Does he "
    "need a crime number for the insurance?",
    "My grandmother had her purse snatched at the market a fortnight ago, a stranger grabbed "
    "it and ran. Is there a victim support number for older people?",
    "when i was at uni someone spiked my drink at a club, years ago now. is there anything to"
    " stop it happening to my daughter when she goes in september",
    "Back in the spring a man exposed himself to my sister by the canal, she reported it "
    "then. Did anyone ever get caught for it?",
]

FICTION = [
    "shots fired in the warzone lobby again lol my squad got wiped. anyway when does the "
    "station open",
    "Watching that new police drama on ITV last night, the officer kicked the door in for a "
    "welfare check. Is that what really happens if a neighbour hasn't been seen?",
    "In the book I'm reading a woman is held hostage in her own house by her husband. For "
    "research, how do hostage negotiators get involved in real life?",
    "My son keeps screaming 'he's killing me, help' at his Xbox, it's Fortnite. The "
    "neighbours might hear it and worry, should I warn them?",
    "Listening to a true crime podcast about a stabbing in Hull, made me wonder how long a "
    "murder investigation usually takes?",
    "My nan watches EastEnders and there's a storyline where a man has a gun in the Vic. "
    "She's asking whether you can report things you see on the telly.",
    "In the film last night a kid went missing from a fairground. It made me think, how long "
    "do you wait before calling the police if a child wanders off?",
    "Playin minecraft w my bro n he blew up my house with tnt, can u arrest him",
    "We are making a short film for college where a man gets stabbed in an alley, do we need "
    "to tell police before we film with a fake knife?",
]

JOKE = [
    "my husband joked he'd shoot the pigeons off the shed with his air rifle lol. he hasn't "
    "even got one. is an air rifle legal though?",
    "if the bin men miss us again I'll murder someone haha. who do I complain to?",
    "My mate said he'd stab me with a fork if I took the last roast potato, only joking "
    "obviously. Merry Christmas to the team at the station!",
    "Our cat brought in a mouse and there was a massacre on the kitchen floor lol anyway is "
    "the lost property office open tomorrow",
    "The missus says she's going to strangle me if I leave the toilet seat up again, banter "
    "obviously. Just wanted to say thanks to the PCSO who helped her with the flat tyre.",
    "ha ha my lad says he'll kidnap the dog if we move house. What's the law on taking a dog "
    "abroad?",
    "Ma pal says he'll batter me if ah eat his pie again, he's aw talk. Is the polis office "
    "at Gayfield Square open the day?",
    "My sister threatened to kill me if I spoil the ending of the series for her, joking of "
    "course. Is the station open on Boxing Day?",
]

UNHARMED = [
    "A big dog jumped up at my daughter at the park (not bitten, just knocked her over and "
    "she got muddy). The owner was apologetic. Should dogs be on leads there?",
    "A car clipped my wing mirror on the A38, no one hurt, just a scratch. Do I need to report it?",
    "an old man fell over outside the post office, people helped him up, he wasnt hurt just "
    "embarrassed. are there plans for fixing that pavement",
    "Dog went for my lab in the park, no blood, both dogs fine, owner was mortified. Do I "
    "report it to council or police?",
    "A lorry hit the low bridge on Station Road, the driver was not injured. Who clears the road?",
    "My mother, 88, had a small fall in the hall, unhurt, and the neighbour helped her up. I "
    "would like to know whether a welfare visit could be arranged.",
    "a kid on a scooter crashed into me, nobody injured, just my shopping everywhere lol. "
    "should scooters be on the pavement?",
    "Some lad's dog attacked our washing line and ripped the sheets, nobody hurt, just the "
    "sheets. Is that a police matter?",
]

POLICY = [
    "Why did it take officers 3 hours to come when my neighbour's house was broken into last "
    "month? I want to make a complaint.",
    "What's the policy on police attending when a dog attacks another dog? Mine was bitten "
    "last week and no one came.",
    "I rang 101 about a man exposing himself near the park last month and nobody followed it "
    "up. Who do I complain to?",
    "Is it legal to carry a pocket knife for fishing? Want to know before we go to the lake.",
    "Why are there no police patrolling Chapel Street when there was a stabbing there in the "
    "summer? Poor show.",
    "Do you still attend burglaries if nothing was taken? We had a break-in at the allotment "
    "shed in March.",
    "There should be fines for people who let their dogs attack other dogs on the beach. "
    "Whose job is it to enforce it, council or police?",
    "Why do you never answer the phone? I waited 40 minutes last week to report my car was "
    "broken into. Not good enough.",
]

LIVE_IN_THE_SAME_WORDS = [
    "He apologised last week but he's back now with a knife and banging on the door",
    "We were playing a game online and my dad collapsed, he's not breathing",
    "lol no this isn't a joke, my brother's been stabbed, he's bleeding loads, send an "
    "ambulance to 4 Mill Lane",
    "It was all sorted but he's back again tonight kicking the door in, please help",
    "A dog jumped on my son and he's been bitten on the face, he's bleeding badly, we're at "
    "the park on Elm Road",
    "The school dealt with the bullies last month but they're outside our house now with bats",
    "Turns out it wasn't fireworks, there's a man with a gun in the street",
    "Why is nobody coming? I rang 999 twenty minutes ago and he's still in the house with a knife",
    "Last Tuesday he threatened to kill me and he's outside my window right now",
    "Was watching telly when I heard screaming next door and a man shouting he'll kill her, "
    "it's still going on",
    "He has since apologised for last time but he hit me again and I'm locked in the "
    "bathroom, he's banging on the door",
    "A couple of years ago he stabbed my brother and now he's outside our house with a knife",
    "nobody hurt yet but he's got a knife and he's threatening to kill us",
    "Joking aside my husband has taken an overdose and won't wake up",
    "ok this sounds like a film but two men have just dragged a woman into a van on Market Street",
    "My sister joked about it for weeks but she's just posted a goodbye and taken all her pills",
    "my ex said sorry yesterday but hes at the door again screaming hes going to kill me, im "
    "scared",
    "the dog isn't biting now but it's still got hold of my nan on the floor and she's bleeding",
    "No one was hurt in the first crash but the driver's now unconscious and the car's smoking",
    "Whats the policy when someone wont let you leave? my boyfriend has locked me in and took"
    " my phone, im scared",
    "not a joke: a lad's trying to break into the car outside number 6 right now",
    "me and my mates were playing fortnite and my mate's dad came in and started hitting him,"
    " he's hurt and crying",
    "Not urgent probably but my neighbour's flat has smelt of gas for about an hour and he "
    "isn't answering his door, who do I ring?",
    "lol sorry to bother you but the carbon monoxide alarm at my nan's has been going off and"
    " she's really drowsy and keeps being sick, what do i do",
    "Question about bin day, also there's a man slumped over the wheel of a car outside with "
    "the engine running and he hasn't moved. Anyway, is it Tuesday?",
    "The school dealt with it last term but that lad is stood at our gate now shouting he's "
    "going to stab my son",
    "He said sorry on Friday but he's just punched my mum and she's lying on the kitchen floor",
    "we were watching a film and someone threw a brick through the window, theyre still out "
    "the front smashing the car",
    "There should be a law against it, a dog has just bitten my little boy on the arm and "
    "he's bleeding",
    "is it illegal to follow someone? a man has been following me for twenty minutes and I'm "
    "scared",
]

ORDINARY = OVER + PAST + FICTION + JOKE + UNHARMED + POLICY


@pytest.mark.parametrize("text", ORDINARY)
def test_messages_told_as_not_live_are_not_urgent(text: str) -> None:
    assert not assess(text).urgent, assess(text)


@pytest.mark.parametrize("text", LIVE_IN_THE_SAME_WORDS)
def test_live_emergencies_in_the_same_framing_words_stay_urgent(text: str) -> None:
    assert assess(text).urgent, assess(text)


@pytest.mark.parametrize("text", LIVE_IN_THE_SAME_WORDS)
def test_the_reader_finds_a_live_cue_in_every_live_look_alike(text: str) -> None:
    assert framing(normalise(text)).live, text


@pytest.mark.parametrize(
    ("kind", "texts"),
    [
        ("over", OVER),
        ("past", PAST),
        ("fiction", FICTION),
        ("joke", JOKE),
        ("unharmed", UNHARMED),
        ("policy", POLICY),
    ],
)
def test_the_reader_names_each_framing(kind: str, texts: list[str]) -> None:
    assert kind in KINDS
    missed = [text for text in texts if kind not in framing(normalise(text)).not_live]
    assert not missed


def test_a_time_said_of_the_telling_is_no_live_cue() -> None:
    told = normalise(
        "My son mentioned at tea tonight that a man asked him if he wanted a lift last "
        "Tuesday. He said no and the man drove off."
    )
    assert framing(told).live == ()
    assert framing(told).told_as_not_live
    live = normalise("A man asked my son if he wanted a lift last Tuesday and he's back tonight.")
    assert not framing(live).told_as_not_live


def test_a_denied_joke_is_no_joke() -> None:
    assert "joke" not in framing(normalise("this is not a joke, a man hit my dad")).not_live
    assert "joke" not in framing(normalise("joking aside, a man hit my dad")).not_live
    assert "joke" in framing(normalise("he said he'd hit my dad, joking obviously")).not_live


def test_the_reader_never_stops_a_severe_or_self_harm_rule() -> None:
    told = normalise("A couple of years ago, turns out, no one hurt, there should be fines.")
    assert framing(told).told_as_not_live
    for rule in RULES:
        stopped = _framed(rule, told)
        assert stopped == (None if rule.severe or rule.concern.value == "self_harm" else "framed")


def _line(file: str, line_id: str) -> str:
    with (CORPUS / f"{file}.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] == line_id:
                return str(row["text"])
    raise AssertionError(f"{file}: no line {line_id}")


# The thirteenth set's part a (spent): its two rule false alarms.
@pytest.mark.parametrize(
    "line_id",
    [
        "a13-031",  # jumped on (not bitten, just knocked over); there should be fines
        "a13-109",  # a lift offered last Tuesday, he said no, the man drove off
    ],
)
def test_the_thirteenth_sets_part_a_rule_false_alarms_are_ordinary(line_id: str) -> None:
    said = assess(_line("unseen_2026_12_01_a", line_id))
    assert not said.urgent
    assert said.reason.startswith("none:framed:")


# After the part-b check (read once the reader was committed): the cues
# that did not do what they said.
def test_the_cues_read_after_the_part_b_check() -> None:
    # "it's just how he talks" is no "has just"
    assert framing(normalise("he doesn't own one, it's just how he talks")).live == ()
    assert framing(normalise("he's just punched my mum")).live
    # a past "ago", a "why did it take" and "not seen since" across a line break of the list
    assert "past" in framing(normalise("a stabbing a couple of years ago")).not_live
    assert "policy" in framing(normalise("why did it take three hours?")).not_live
    assert framing(normalise("haven't seen her since thursday")).live
    # a thing's size now is no word for now; a courier due in ten minutes is live
    assert framing(normalise("the hedge is well over two metres now")).live == ()
    assert framing(normalise("I have just had a call, a courier will arrive in ten minutes")).live
