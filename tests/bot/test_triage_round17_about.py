"""Issue 15, round 17: rule false alarms, the "about" reader
(docs/triage-figures.md, "Round 17: rule false alarms, what the danger
words are about").

The reader (``bot.safeguarding.triage.about``) reads the sentence of a
rule's match: danger words told of a game, a video, a film or a news story;
of a thing or a pet ("the leylandii is slowly killing us", "my cat got hit
by a car"); as a prediction about nobody in particular ("someone is going to
die on that bend"); in a question whether a thing may be kept; or of an
event that turned out to be nothing. With no live cue in the sentence the
match is stopped ("about") and the model must be sure.

Look-alikes of the fourteenth set's rule false alarms, in several voices,
must not be urgent; emergencies in the same shapes (a live threat told with
a video mention, a real gun, a prediction about the writer now, a real act
done for a video) must stay urgent, more of them than look-alikes. Every
wording goes through ``assess`` (rules, guards, readers and the model); the
emergencies also through the rules alone, so they do not rest on the model.
"""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import assess
from bot.safeguarding.triage.about import about
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.normalise import normalise

# Ordinary messages whose danger words are about something else.
LOOK_ALIKES = [
    # a game, a video, a film, a news story
    "My neighbour came banging on my door at 11pm because she heard my son shouting 'I'm going "
    "to shoot you in the head'. HE WAS PLAYING FORTNITE WITH HIS HEADPHONES ON. Now she says "
    "she's reported us. Can she actually do that??",
    "my lad was screamin 'im gonna kill u' at 1am. he was playin call of duty online. neighbour "
    "thinks its abuse, wot do i do",
    "shots fired in my COD lobby lol",
    "Just watched a crime drama where the police find a woman who's taken an overdose after a "
    "goodbye text. Do officers really break the door down in real life?",
    "I see article that man who hit woman with hammer is released. Why police let him out? I "
    "am worry for my daughter when she walk home.",
    # a thing, a plant, a pet
    "Our neighbour's leylandii is slowly killing us, we haven't had sun in the back garden for "
    "two summers. Is there anything at all you can do?",
    "my little girl keeps 'killing' all the plants on her balcony garden bless her. sorry this "
    "isnt police related",
    "my cat got hit by a car this mornin on our rd, shes gone. ppl drive way 2 fast down here",
    # a prediction about nobody in particular
    "Cars doing 60 through Bassenthwaite every single evening. Someone is going to die on that "
    "bend. When are we getting a speed camera?",
    "Them lorries cut through the estate at all hours, a kid's gonna get killed one of these "
    "days. Who do I write to about a weight limit?",
    # whether a thing may be kept
    "I am writing to ask whether it is permissible to keep a walking stick with a concealed "
    "blade, which belonged to my late husband and was a wedding present from his regiment.",
    # an event that turned out to be nothing
    "My neighbour said there was a man with a gun on our road on Friday but it turned out he was"
    " holding a drill and going to help someone put up a shelf. Anyway, can a car on bricks be "
    "towed?",
    "My friend posted a goodbye message on Facebook last night and I panicked, but it turns out "
    "she's just deleting her account. I spoke to her this morning and she's fine.",
]

# Emergencies in the same shapes: the danger is real and now.
EMERGENCIES = [
    # a live threat told with a video or a game mention
    "He posted a video on TikTok saying he's going to stab me and now he's outside my house, "
    "please help",
    "my ex is at my door shouting he'll kill me, he's filming it for his snapchat, please send "
    "someone",
    "Two lads are on the rails at the station jumping over the live line for a TikTok",
    "Kids are on the train tracks by the bridge filming a video, a train is due any minute",
    "The man from the video everyone's sharing is in the Co-op right now with a knife",
    "He stopped playing Fortnite and came downstairs with a knife, he's threatening my mum now",
    # a real gun, a real blade
    "There is a man with a gun in the park right now pointing it at people",
    "Man waving a machete outside the chippy on Bold Street, folk running everywhere",
    "Someone is trying to break into my car right now, I can see him from the window",
    # a prediction about the writer or someone named, now
    "He is going to kill me, he's kicking the bedroom door in, I'm hiding in here",
    "my dad says he's going to kill us all tonight, he's got the shotgun out of the cabinet",
    "Please come, someone is going to die, they're fighting with bottles outside the pub",
    "I'm going to kill myself tonight, I've got the pills here",
    "im gonna end it, im on the bridge now",
    # a pet or a thing beside a person in danger
    "A dog is attacking a little boy in the park, it's got hold of his arm and won't let go",
    "My neighbour's dog has bitten my son's face, he's bleeding badly, we need an ambulance",
    # a resolution that is not one
    "It turned out he wasn't joking, he's got a knife and he's in the hallway, help us",
    "I thought it was fireworks but it's gunfire, people are screaming on Green Lane",
]


# Emergencies no rule reads, in the same shapes: the model still has its say.
MODEL_EMERGENCIES = [
    "A lad's climbing the pylon by the school for a video, he's near the top",
    "my neighbour is killing his dog, he's kicking it in the garden and it's screaming",
]


@pytest.mark.parametrize("message", MODEL_EMERGENCIES)
def test_emergencies_the_model_reads_stay_urgent(message: str) -> None:
    assert assess(message).urgent, message


@pytest.mark.parametrize("message", LOOK_ALIKES)
def test_look_alikes_are_not_urgent(message: str) -> None:
    assert not assess(message).urgent, message


@pytest.mark.parametrize("message", EMERGENCIES)
def test_emergencies_in_the_same_shapes_stay_urgent(message: str) -> None:
    assert assess(message).urgent, message
    assert by_rules(normalise(message)).urgent, message


def test_more_emergencies_than_look_alikes() -> None:
    assert len(EMERGENCIES) + len(MODEL_EMERGENCIES) > len(LOOK_ALIKES)


@pytest.mark.parametrize(
    ("message", "danger", "reading"),
    [
        ("the leylandii is slowly killing us, can you help", "killing us", "thing"),
        ("someone is going to die on that bend, we need a camera", "going to die", "prediction"),
        ("is it legal to keep my grandad's old sword from the war", "sword", "may_keep"),
        ("there was a man with a gun but it turned out to be a drill", "with a gun", "turned_out"),
        ("in the film a man is stabbed in the car park", "stabbed", "media"),
    ],
)
def test_the_reading_names_what_the_words_are_about(
    message: str, danger: str, reading: str
) -> None:
    normal = normalise(message)
    start = normal.index(danger)
    assert about(normal, start, start + len(danger)) == reading


@pytest.mark.parametrize(
    ("message", "danger"),
    [
        ("in the video he's going to stab me and he's outside now", "going to stab"),
        ("someone is going to die if you don't send someone", "going to die"),
        ("it turned out to be a real gun, please help us", "gun"),
        ("my cat got hit by a car and the driver is still here shouting at me", "hit by a car"),
    ],
)
def test_a_live_cue_in_the_sentence_wins(message: str, danger: str) -> None:
    normal = normalise(message)
    start = normal.index(danger)
    assert about(normal, start, start + len(danger)) is None


@pytest.mark.parametrize(
    ("message", "danger"),
    [
        ("the dog has bitten my little girl on the face", "bitten"),
        ("he's killing the cat, he's got it by the neck", "killing"),
        ("the man from the video is in the shop with a knife", "with a knife"),
        ("lads on the tracks doing stunts for a tiktok in the film crew's way", "on the tracks"),
    ],
)
def test_an_attacker_pet_or_a_real_act_is_not_about_something_else(
    message: str, danger: str
) -> None:
    normal = normalise(message)
    start = normal.index(danger)
    assert about(normal, start, start + len(danger)) is None
