"""Issue 15, after the fifteenth unseen set: its five misses settled as
concepts (docs/triage-figures.md, "The fifteenth set's misses settled").

- a stabbing or shooting reported headline-style, a person and then where,
  with no "has been" ("someone stabbed outside asda");
- negation that does not reach past "and" or "there's" ("she's not talking
  and there's blood on the step");
- people who have not come out of a fire told after the fire ("the flames
  are up the wall and the old couple haven't come out");
- an "if" that does not make what follows "because" hypothetical ("asking if
  she can stay because her dad's hurting her mum");
- Chinese: followed all the way home, the man still standing below, a plea
  to send police over.

Every wording here is new (none is a line of the set), in several voices,
and goes through ``assess`` and through the rules alone; look-alikes in the
same shapes must stay not urgent.
"""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import assess
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.normalise import normalise

EMERGENCIES = [
    # headline-style stabbings and shootings
    "someone stabbed outside the co-op on mill lane",
    "LAD STABBED BY THE BUS STATION PLEASE COME",
    "man shot outside the bookies on Fore Street, people screaming",
    "Sir, a young man stabbed near the war memorial, he is lying on the ground",
    "kid just stabbed round the back of the leisure centre",
    "A woman glassed in the Red Lion car park, blood everywhere",
    # negation that stays with its own verb
    "my grandad fell in the bathroom, he's not making sense and there's blood coming from his head",
    "mum wont wake up properly and theres blood on her pillow",
    "Found my neighbour at the bottom of her stairs, she isn't speaking and there's blood by "
    "her ear",
    # people not out of a fire
    "the shed fire has spread to the back of the house now and my neighbours haven't come out",
    "Smoke pouring from the flat above and the lady with the walker hasn't come out, I've knocked",
    "flames through the roof of no 14 and the family havent come out yet",
    # "if" before a "because" that is told as true
    "A little lad from over the road has run in asking if he can stay because his dad is hitting "
    "his mum, I can hear it through the wall",
    "My friend texted asking if she can come to mine because her partner is strangling her",
    "neighbours girl at my door asking if she can come in coz her step dad is beating her brother",
    # Chinese: followed home, still outside, please send police
    "有个男人从车站一路跟着我回家，现在还站在楼下，我很害怕",
    "有人一路跟着我，请派警察来，我一个人在家",
    "那个男的还站在楼下盯着我的窗户，已经一个小时了",
]

LOOK_ALIKES = [
    "someone stabbed outside asda last year, is that area safe now?",
    "A lad stabbed in the town centre in 2019 was my cousin, is there a memorial planned?",
    "is it true someone got stabbed outside the school? my kids are worried",
    "Is there no blood test for drink driving at the roadside? Asking for a friend",
    "The fire at the old mill last week - did everyone get out? We hadn't heard",
    "My daughter asked if she can walk to school alone now she's eleven. What age do you suggest?",
    "我女儿问能不能自己走路去上学，她十一岁了，你们建议几岁？",
]


@pytest.mark.parametrize("message", EMERGENCIES)
def test_emergencies_in_the_settled_shapes_are_urgent(message: str) -> None:
    assert assess(message).urgent, message


@pytest.mark.parametrize("message", [m for m in EMERGENCIES if m.isascii()])
def test_english_emergencies_rest_on_the_rules(message: str) -> None:
    assert by_rules(normalise(message)).urgent, message


@pytest.mark.parametrize("message", LOOK_ALIKES)
def test_look_alikes_are_not_urgent(message: str) -> None:
    assert not assess(message).urgent, message


def test_more_emergencies_than_look_alikes() -> None:
    assert len(EMERGENCIES) > 2 * len(LOOK_ALIKES)
