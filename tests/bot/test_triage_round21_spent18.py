"""Issue 15, round 21 (tuning on a spent set): the eighteenth unseen set's
three misses and two of its six false alarms (docs/triage-figures.md,
"Issue 15's eighteenth unseen set"), each settled as a concept, not as its
line:

- a cry for help in Hindi or Urdu with people breaking in and beating
  someone now (k18-001, "two masked men have got into our shop and are
  beating my father"): someone named by kin or as a person is being beaten,
  people have got in now, "help quickly" opening the message, in Devanagari,
  in Urdu script and romanised (other_languages.yaml, "Round 21");
- a fire under way with someone who remains or is still upstairs, inside
  or in bed, told formally ("remains upstairs", "is still within"), in the
  same sentence or the next, or the person first (danger.yaml,
  fire_people_inside);
- a vulnerable adult who has left, let themselves out or slipped out, not
  dressed for the weather or not knowing the way back, told without
  "missing" (danger.yaml, vulnerable_exposed; vocabulary.yaml, exposed);

and, calm:

- what is shot at sport or on film is no person shot ("I have shot clays
  for fifty years", k18-187, the one false alarm of a rule);
- "documentary" misspelt ("documentry", two writers: l18-197 and the
  fourteenth set's c14-192) is read as the word, so a programme reads as
  one (spellings.yaml).

Every wording is new, written for this test. The urgent English ones are
asked of the rules, not only the model: the model's weights move at every
retrain (and the retrain with the set caught some of them alone)."""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import Concern, assess
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.normalise import normalise
from tests.support.core_harness import STAFF_CHAT, CoreHarness

RESIDENT = "5550021"
PHRASE = "Bromley Police Online Forum"
HINDI_GUIDANCE = "अगर आप या कोई और खतरे में है"
URDU_GUIDANCE = "اگر آپ یا کوئی اور خطرے میں ہے"

# Hindi (Devanagari): help quickly, people have got in, someone is being beaten
HINDI_URGENT = [
    # help quickly, three men have got into our house and are beating my brother
    "जल्दी मदद कीजिए, तीन आदमी हमारे घर में घुस आए हैं और मेरे भाई को पीट रहे हैं",
    # please, some people have come with sticks and are hitting my uncle
    "कुछ लोग लाठियाँ लेकर आए हैं और मेरे चाचा को मार रहे हैं",
    # two lads have got into the shop, they are beating my mother, send police
    "दो लड़के दुकान में घुस गए हैं, वे मेरी माँ को मार रहे हैं, पुलिस भेजो",
    # masked men have got in downstairs, I am hiding upstairs
    "नीचे नकाबपोश आदमी घुस आए हैं, मैं ऊपर छिपी हूँ",
    # please help quickly, they are beating him outside the restaurant
    "कृपया जल्दी मदद करें! रेस्टोरेंट के बाहर वे उसे मार रहे हैं",
]

# Urdu script and romanised (the romanised forms are read as Urdu, as before)
URDU_URGENT = [
    # help quickly, two men have got into the shop
    "جلدی مدد کریں، دو آدمی دکان میں گھس آئے ہیں",
    # they are beating my brother
    "وہ لوگ میرے بھائی کو پیٹ رہے ہیں",
    "kripya jaldi madad kijiye, kuch log ghar me ghus gaye hain",
    "woh log mere abbu ko peet rahe hain, jaldi aao",
    "do ladke dukaan mein ghus aaye hain, hum peeche chhupe hain",
]

OTHER_LANGUAGES_CALM = [
    # please help, my phone was stolen, how do I report it? (no "quickly")
    "कृपया मदद करें, मेरा फ़ोन चोरी हो गया, रिपोर्ट कैसे करूँ?",
    # thieves had got into our house last year: is the case still open?
    "पिछले साल चोर हमारे घर में घुस आए थे, क्या केस अभी भी खुला है?",
    # my children were hitting each other at school, the teacher said
    "मेरे बच्चे स्कूल में एक दूसरे को मार रहे थे, टीचर ने बताया, क्या करूँ?",
    # the two boys are hitting each other over the game, what do I do? (kids' fight)
    "दोनों बच्चे खेल के लिए एक दूसरे को मार रहे हैं, क्या करूँ?",
    # we are killing mosquitoes, which spray is fine?
    "हम मच्छरों को मार रहे हैं, कौन सा स्प्रे ठीक है?",
    # my grandfather walks with a stick, can he get a bus pass?
    "मेरे दादाजी लाठी लेकर चलते हैं, क्या उन्हें बस पास मिल सकता है?",
    # a cat has got into our garden
    "एक बिल्ली हमारे बगीचे में घुस आई है, किसे बताएँ?",
    "pichle saal chor ghar mein ghus aaye the, kya report ab bhi ho sakti hai?",
    "kripya madad karein, mera passport kho gaya hai, kya karun?",
]


@pytest.mark.parametrize("text", HINDI_URGENT)
def test_a_beating_or_a_break_in_now_in_hindi_is_urgent_in_hindi(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.reason.endswith("other_language.hi"), (text, said)


@pytest.mark.parametrize("text", URDU_URGENT)
def test_a_beating_or_a_break_in_now_in_urdu_is_urgent(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.reason.endswith("other_language.ur"), (text, said)


@pytest.mark.parametrize("text", OTHER_LANGUAGES_CALM)
def test_ordinary_questions_with_those_words_stay_calm(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


async def test_the_resident_gets_the_hindi_guidance_and_the_officers_an_urgent_card(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(RESIDENT, f"{PHRASE} {HINDI_URGENT[0]}")
    assert replies[0].startswith(HINDI_GUIDANCE), replies
    assert "999" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


async def test_the_resident_writing_in_urdu_script_gets_the_urdu_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(RESIDENT, f"{PHRASE} {URDU_URGENT[0]}")
    assert replies[0].startswith(URDU_GUIDANCE), replies
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


# A fire under way and someone who remains inside, told formally. Before
# this round no rule read any of these.
FIRE_SOMEONE_REMAINS = [
    "The farmhouse roof has caught fire. My mother-in-law, who uses a wheelchair, is still "
    "upstairs and cannot manage the stairs.",
    "I write to say that flames are visible in the upper windows of number 9 and the "
    "occupant, who is disabled, is still within.",
    "My neighbour, who is bedridden, remains upstairs and smoke is now coming from her roof.",
    "The cottage next door has caught fire. The old gentleman who lives there cannot walk "
    "and is still in his bedroom.",
    "A fire has broken out in the kitchen of the flat below; the tenant, an elderly "
    "gentleman who is quite immobile, remains in his chair in the front room.",
]

FIRE_CALM = [
    "My mother is bedridden and remains upstairs most days; can the fire service do a home "
    "safety visit?",
    "The chip pan caught fire yesterday, I put it out and my husband remains in bed with a "
    "cold; do I need to report it?",
    "The fire at the old mill last year was awful, the night watchman remains in hospital.",
    "My aunt is housebound and stays upstairs; who do I ask about a fire safety check?",
    "We had a chimney fire last winter; my father, who is bedridden, remained upstairs and "
    "was fine.",
]


@pytest.mark.parametrize("text", FIRE_SOMEONE_REMAINS)
def test_a_fire_with_someone_who_remains_inside_is_read_by_the_rule(text: str) -> None:
    said = by_rules(normalise(text))
    assert said.urgent and said.reason == "danger.fire_people_inside", (text, said)
    assert assess(text).concern is Concern.DANGER


@pytest.mark.parametrize("text", FIRE_CALM)
def test_someone_upstairs_without_a_fire_now_stays_calm(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


# A vulnerable adult gone out, not dressed for the weather or not knowing
# the way back, without the word "missing". Before this round no rule read
# any of these.
VULNERABLE_GONE = [
    "My husband has Alzheimer's and let himself out of the front door about half an hour "
    "ago. He has only his shirt on and won't know his way home.",
    "I am writing because my father, who suffers from dementia, slipped out of the house "
    "twenty minutes ago. He is not properly dressed and it is bitterly cold.",
    "Mum has dementia, she went off on her own ten minutes ago in just her nightie",
    "My elderly mother, who is very confused, got out of the house while I was in the "
    "shower. She is in her slippers and does not know where she is.",
    "I regret to say my husband, who has memory problems, has left our flat and he is not "
    "dressed for the weather.",
]

VULNERABLE_CALM = [
    "My wife has dementia and left the house this morning with her carer for the day "
    "centre; can I get a blue badge?",
    "My father has dementia and is not dressed for the weather when he goes out to the "
    "garden, any advice on a tracker?",
    "Last winter my husband, who has Alzheimer's, left the house and was found two hours "
    "later. What is the Herbert Protocol?",
    "My gran has dementia and doesn't know the way to the new doctor's so I take her, is "
    "there a scheme for lifts?",
]


@pytest.mark.parametrize("text", VULNERABLE_GONE)
def test_a_vulnerable_adult_gone_out_unfit_for_the_weather_is_read_by_the_rule(
    text: str,
) -> None:
    said = by_rules(normalise(text))
    assert said.urgent and said.reason == "danger.vulnerable_exposed", (text, said)


@pytest.mark.parametrize("text", VULNERABLE_CALM)
def test_a_vulnerable_adult_at_home_or_gone_out_safely_stays_calm(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


async def test_the_resident_whose_wife_has_wandered_gets_999_guidance(h: CoreHarness) -> None:
    replies = await h.resident_says(RESIDENT, f"{PHRASE} {VULNERABLE_GONE[0]}")
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


# What is shot at sport or on film is no person shot; a person shot stays
# urgent.
SHOT_CALM = [
    "I have shot pheasants on the estate for thirty years, do I need to tell the firearms "
    "team I have moved house?",
    "I've shot clay pigeons since I was a boy; is a certificate needed for a borrowed gun?",
    "I've shot a few videos of the boy racers on the promenade, who do I send them to?",
]

SHOT_URGENT = [
    "I've been shot, please help, I'm behind the garages on Mill Lane",
    "i got shot in the leg outside the pub",
    "I've been shot by a pellet gun in the garden, it's bleeding a lot",
]


@pytest.mark.parametrize("text", SHOT_CALM)
def test_game_targets_and_film_shot_are_no_injury(text: str) -> None:
    said = by_rules(normalise(text))
    assert not said.urgent, (text, said)


@pytest.mark.parametrize("text", SHOT_URGENT)
def test_a_person_shot_stays_urgent(text: str) -> None:
    assert assess(text).urgent, text


# A documentary misspelt is read as one; a live danger beside it stays urgent.
def test_a_misspelt_documentary_is_read_as_the_word() -> None:
    assert normalise("watched a documentry last nite") == normalise(
        "watched a documentary last nite"
    )
    said = assess("just seen a documentery about knife crime in london, is it as bad up here?")
    assert not said.urgent, said


def test_a_live_danger_beside_a_documentary_stays_urgent() -> None:
    text = "watching a documentry when next door started screaming, he's stabbing her right now"
    assert assess(text).urgent, text


# A report of graffiti is calm for the model (the round-21 retrain raised
# "this graffiti on the bridge", sent with a photo); a person at risk said
# with it stays urgent.
GRAFFITI_CALM = [
    "this graffiti on the bridge",
    "some nasty graffiti has gone up under the railway bridge again",
    "who do I tell about the new tagging on the canal bridge?",
]
GRAFFITI_URGENT = [
    "theres new graffiti on the bridge and a man is standing on the ledge",
    "graffiti on the bridge saying goodbye mum and a girl is sitting on the edge",
]


@pytest.mark.parametrize("text", GRAFFITI_CALM)
def test_a_report_of_graffiti_is_calm(text: str) -> None:
    assert not assess(text).urgent, text


@pytest.mark.parametrize("text", GRAFFITI_URGENT)
def test_a_person_at_risk_beside_graffiti_stays_urgent(text: str) -> None:
    assert assess(text).urgent, text
