"""Issue 15, triage round 7: the sixth unseen set's three misses, by concept
family (docs/triage-figures.md, "Round 7: misses and the model"), each with
the set's own line AND wordings written for these tests: (1) a forced
marriage now (someone locked in a room by the family, being taken abroad
tonight to be married) in every language triaged and in English; (2) a
threat to kill with words between, a knife held, "I can't call, he'll
hear" in every language; (3) people locked in by an employer, passports
taken. And, not urgent: a wedding abroad, a question about forced
marriage, being kept in after school."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.edge.rich import plain
from bot.safeguarding.triage import Concern, assess
from bot.safeguarding.triage.other_languages import assess_other
from tests.support.core_harness import STAFF_CHAT, CoreHarness

PHRASE = "Bromley Police Online Forum"
EMERGENCY_OPENING = "If you or someone else is in danger"
SIXTH_SET = Path(__file__).resolve().parents[1] / "data" / "triage"


def _line(stem: str, ident: str) -> str:
    """The text of one line of a spent set, by its id ("i-165")."""
    with (SIXTH_SET / f"{stem}.jsonl").open(encoding="utf-8") as rows:
        for row in rows:
            if row.strip() and json.loads(row)["id"] == ident:
                return str(json.loads(row)["text"])
    raise LookupError(ident)


# --- 1. A forced marriage now -----------------------------------------------

FORCED_MARRIAGE = [
    # Punjabi (Gurmukhi): a daughter locked in the house; forced marriage tomorrow
    "ਮੇਰੀ ਧੀ ਨੂੰ ਉਹਨਾਂ ਨੇ ਘਰ ਵਿੱਚ ਬੰਦ ਕਰ ਦਿੱਤਾ ਹੈ, ਮਦਦ ਕਰੋ",
    "ਕੱਲ੍ਹ ਸਵੇਰੇ ਉਹ ਮੇਰਾ ਜ਼ਬਰਦਸਤੀ ਵਿਆਹ ਕਰਨ ਲਈ ਪਾਕਿਸਤਾਨ ਲੈ ਜਾ ਰਹੇ ਹਨ",
    # Punjabi (romanised)
    "meri bhen nu kamre vich band kita hoya, kal zabardasti viah layi india lai ja rahe ne",
    # Punjabi (Shahmukhi)
    "میری بھین نوں کمرے وچ بند کیتا اے، اج رات زبردستی ویاہ لئی لے جا رہے نیں",
    # Urdu
    "میری بہن کو کمرے میں بند کر دیا ہے اور کل اس کی زبردستی شادی کے لیے پاکستان لے جا رہے ہیں",
    # Urdu (romanised)
    "meri behan ko kamre mein band kar diya hai, aaj raat zabardasti shadi ke liye le ja rahe hain",
    # Hindi
    "मेरी बहन को कमरे में बंद कर दिया है, कल जबरदस्ती शादी के लिए ले जा रहे हैं",
    # Bengali
    "আমার বোনকে ঘরে আটকে রেখেছে, কাল জোর করে বিয়ে দিতে বাংলাদেশে নিয়ে যাচ্ছে",
    # Arabic
    "حبسوها في الغرفة وأخذوا هاتفها، يجبرونها على الزواج والسفر الليلة",
    # Somali
    "walaashay qolka ayay ku xireen, caawa ayay u qaadayaan soomaaliya guur qasab ah",
    # Polish
    "Rodzina zamknęła ją w pokoju, zmuszają ją do ślubu, dziś wieczorem samolot do Pakistanu",
    "zabrali jej telefon, przymusowe małżeństwo, lot jutro rano",
    # Romanian, Portuguese, Spanish, French, Italian, German, Turkish, Lithuanian
    "au încuiat-o în cameră și o obligă să se mărite, pleacă diseară",
    "trancaram ela no quarto e estão forçando ela a casar, o voo é hoje à noite",
    "la tienen encerrada en su cuarto y la obligan a casarse, el vuelo es esta noche",
    "ils l'ont enfermée dans sa chambre et la forcent à se marier, l'avion part ce soir",
    "l'hanno chiusa in camera e la costringono a sposarsi stasera",
    "sie haben sie im zimmer eingesperrt und zwingen sie zu heiraten",
    "kız kardeşimi odaya kilitlediler, zorla evlendirecekler",
    "sesę užrakino kambaryje, verčia ją ištekėti, skrydis šiąnakt",
    # English
    "they're taking her to Pakistan tomorrow to marry a man she's never met",
    "my parents are flying me to Bangladesh tomorrow to get married, I don't want to",
    "My sister doesn't want to marry him and the flight is tonight from Heathrow, please help",
    "my uncle is taking my cousin back home to marry her off",
]


@pytest.mark.parametrize("text", [_line("unseen_2026_11_30_i", "i-165"), *FORCED_MARRIAGE])
def test_a_forced_marriage_now_is_urgent_in_every_language(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.concern is Concern.DANGER, (text, said)


# --- 2. A threat to kill, a knife held, "can't call, he'll hear" -------------

THREAT_WITH_KNIFE = [
    # Lithuanian: the threat with its object between, the knife held, can't call
    "vyras grasina mane nužudyti",
    "jis laiko peilį virtuvėje",
    "negaliu skambinti, jis išgirs",
    # Polish, Romanian, Portuguese, Spanish, French, Italian, German, Slovak, Welsh
    "mąż jest pijany i grozi, że mnie zabije",
    "trzyma nóż i krzyczy, nie mogę zadzwonić, usłyszy",
    "soțul e beat și amenință că mă omoară",
    "ele está bêbado, segurando uma faca e ameaça me matar",
    "mi marido está borracho y amenaza con matarme",
    "il tient un couteau et menace de me tuer",
    "mio marito minaccia di uccidermi, tiene un coltello",
    "mein Mann droht mich umzubringen, er hält ein Messer",
    "manžel sa vyhráža že ma zabije, drží nôž",
    "mae e'n bygwth fy lladd ac yn dal cyllell",
    # Urdu, romanised Urdu, Punjabi, Hindi, Bengali, Gujarati
    "میرا شوہر نشے میں ہے، ہاتھ میں چاقو ہے اور مارنے کی دھمکی دے رہا ہے",
    "mera shohar nashe mein hai, haath mein chaku hai, jaan se maarne ki dhamki de raha hai",
    "ਮੇਰਾ ਘਰਵਾਲਾ ਸ਼ਰਾਬੀ ਹੈ, ਹੱਥ ਵਿੱਚ ਚਾਕੂ ਹੈ",
    "पति ने हाथ में चाकू लिया है और जान से मारने की धमकी दे रहा है",
    "স্বামী হাতে ছুরি নিয়ে মেরে ফেলার হুমকি দিচ্ছে",
    "પતિ હાથમાં ચાકુ લઈને મારી નાખવાની ધમકી આપે છે",
    # Arabic, Persian, Turkish, Somali, Tamil, Chinese
    "زوجي سكران ماسك سكين ويهدد بقتلي",
    "شوهرم مست است و چاقو در دست دارد و تهدید به قتل می کند",
    "kocam sarhoş, elinde bıçak var, beni öldürmekle tehdit ediyor",
    "ninkaygu wuu sakhraansan yahay, mindi ayuu sitaa",
    "கணவர் கையில் கத்தி வைத்திருக்கிறார்",
    "我丈夫喝醉了，拿着刀，威胁要杀我",
]


@pytest.mark.parametrize("text", [_line("unseen_2026_11_30_j", "j-200"), *THREAT_WITH_KNIFE])
def test_a_threat_to_kill_or_a_knife_held_is_urgent_in_every_language(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.concern is Concern.DANGER, (text, said)


# --- 3. Locked in by an employer, passports taken ----------------------------

LOCKED_IN_BY_EMPLOYER = [
    "the manager locks us inside the warehouse and has our passports, there are 10 of us, please "
    "help",
    "we are locked in the back of the restaurant by the owner, no food since yesterday, he took "
    "our passports",
    "gangmaster has locked us in the caravan, he keeps all our passports",
    "boss lock me in the kitchen since morning, no water, please come",
]


@pytest.mark.parametrize("text", [_line("unseen_2026_11_30_j", "j-215"), *LOCKED_IN_BY_EMPLOYER])
def test_people_locked_in_by_an_employer_are_urgent_by_rules(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.concern is Concern.DANGER, (text, said)
    assert not said.reason.startswith("model"), (text, said)


# --- Not urgent ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a wedding abroad, chosen
        "we're taking my daughter to Pakistan next summer for her wedding, what documents does "
        "she need?",
        # a question about forced marriage
        "What is the law on forced marriage? asking for a school project",
        # kept in after school; locked in by accident, long ago
        "the teacher kept us in after school, is that allowed?",
        "the caretaker locked us in by accident last week, took ages to get out lol",
    ],
)
def test_weddings_and_questions_about_forced_marriage_are_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        # a question about forced marriage, a wedding today or tomorrow: no
        # phrase of round 7 (nor any other) is found in them
        "Gdzie mogę zgłosić przymusowe małżeństwo w mojej społeczności? Pytam ogólnie.",
        "ما هو القانون في بريطانيا بشأن الزواج القسري؟ سؤال عام",
        "ਜ਼ਬਰਦਸਤੀ ਵਿਆਹ ਬਾਰੇ ਕਾਨੂੰਨ ਕੀ ਹੈ?",
        "ਅੱਜ ਮੇਰੇ ਭਰਾ ਦਾ ਵਿਆਹ ਹੈ, ਕੀ ਅਸੀਂ ਸੜਕ 'ਤੇ ਗੱਡੀਆਂ ਖੜ੍ਹੀਆਂ ਕਰ ਸਕਦੇ ਹਾਂ?",
        "jutro mam ślub, czy mogę zaparkować przed kościołem?",
        "mañana es la boda de mi hermana, ¿dónde puedo aparcar?",
    ],
)
def test_weddings_and_questions_in_other_languages_match_no_phrase(text: str) -> None:
    assert assess_other(text) is None, text


# --- What a resident and the officers see ---------------------------------------


async def test_a_punjabi_sister_locked_in_for_a_forced_marriage_gets_guidance_and_a_card(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says("7240", f"{PHRASE} {_line('unseen_2026_11_30_i', 'i-165')}")
    assert replies[0].startswith("ਜੇ ਤੁਸੀਂ ਜਾਂ ਕੋਈ ਹੋਰ ਖ਼ਤਰੇ ਵਿੱਚ ਹੈ"), replies[0]
    assert any(r.startswith(EMERGENCY_OPENING) for r in replies), replies
    (card,) = h.messages_to(STAFF_CHAT)
    assert "URGENT" in plain(card.body)


async def test_a_lithuanian_threat_with_a_knife_gets_999_guidance_and_a_card(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        "7241", f"{PHRASE} Vyras girtas, laiko peilį ir grasina mane nužudyti. Negaliu skambinti."
    )
    assert any(r.startswith(EMERGENCY_OPENING) for r in replies), replies
    (card,) = h.messages_to(STAFF_CHAT)
    assert "URGENT" in plain(card.body)


async def test_workers_locked_in_by_their_boss_get_999_guidance_and_a_card(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        "7242",
        f"{PHRASE} boss lock us in the unit since yesterday, no food, he take our passports. "
        "Please come",
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


# --- 4. The model's false-alarm families (retrained with the sixth set and
# tests/data/triage/model_families_round7.jsonl) ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the set's own lines (now trained on)
        _line("unseen_2026_11_30_i", "i-035"),
        _line("unseen_2026_11_30_j", "j-183"),
        # the known one, in no training file
        "/survey 2 =SUM(A1) more patrols",
        # new wordings of each family, in no training file
        "returned to my car at the park and ride this evening, catalytic converter's been taken. "
        "How do I get a crime number?",
        "the sea container we use for the youth club kit has been broken into again, do we "
        "report it?",
        "/survey 3 =B2*3 fewer potholes",
        # Left (docs/triage-figures.md, "Round 7: misses and the model"): "screaming
        # match next door at half eleven, this morning the pair of them were out
        # gardening and chatting, should I have rung someone?" still reads as urgent
        # to the model; so does round 6's "the shipping container by the allotments
        # has been broken into again, tools gone" (0.70): six more such lines
        # trained on took it to 0.22 but lost a held-out emergency ("CAR GOING WRONG
        # WAY A34 ...") and were not kept.
    ],
)
def test_the_models_false_alarm_families_are_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "someone's cutting the catalytic converter off my car on the drive right now",
        "they're breaking into the container at the allotments now, I can hear the grinder",
        "the couple next door are fighting right now, she's screaming for help",
    ],
)
def test_the_same_families_happening_now_stay_urgent(text: str) -> None:
    said = assess(text)
    assert said.urgent, (text, said)


async def test_a_survey_answer_that_looks_like_a_formula_is_kept(h: CoreHarness) -> None:
    await h.resident_says("5001", "/subscribe")
    await h.resident_presses("5001", "sub:t:bromley:consultations")
    await h.staff_says('/survey bromley "Which matters most?" "Speeding" "Burglary"')
    await h.staff_says('/survey bromley "Anything else?"')
    # the round-6 model read this answer as urgent (0.45), and it was not kept
    thanks = await h.resident_says("5001", "/survey 2 =SUM(A1) more patrols")
    assert 'your answer to consultation #2 is "=SUM(A1) more patrols"' in thanks[0]
    assert not any(text.startswith("URGENT") for text in h.texts_to(STAFF_CHAT))
