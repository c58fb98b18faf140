"""Other-language emergencies by concept, round 13 (issue 15): the eleventh
unseen set's four misses were all in other languages (an Arabic girl pulled
into a white car, a Punjabi man with a hammer outside a gurdwara, a
Ukrainian friend who took all her tablets and is saying goodbye, a Tamil
mother fallen and not breathing). Each is written here as a CONCEPT in
several languages, with ordinary look-alikes (a tablet question, a car-seat
question, a hammer bought at a shop, a fall last year) that must stay not
urgent.

Every sentence below was written for these tests (none is from a corpus),
without a qualified translator or a native speaker."""

from __future__ import annotations

import pytest

from bot.edge.rich import plain
from bot.safeguarding.triage import assess
from bot.safeguarding.triage.concern import Concern
from bot.safeguarding.triage.other_languages import assess_other
from tests.support import triage_labelled as labelled
from tests.support.core_harness import STAFF_CHAT, CoreHarness

PHRASE = "Bromley Police Online Forum"
EMERGENCY_OPENING = "If you or someone else is in danger"

# Concept 1: someone else has taken all their tablets / is saying goodbye.
# Urgent as self-harm.
TABLETS_OR_GOODBYE: list[tuple[str, str]] = [
    ("uk", "Моя сестра щойно написала, що випила всі свої таблетки, не відповідає"),
    ("uk", "Подруга прощається зі мною в месенджері і не бере трубку"),
    ("ru", "Мой друг написал, что выпил все свои таблетки и прощается со мной"),
    ("ar", "صاحبتي بعتت لي رسالة وداع وقالت انها اخذت كل حبوبها"),
    ("ur", "meri dost ne saari goliyan kha li hain aur alvida keh rahi hai"),
    ("ur", "میری بہن نے ساری گولیاں کھا لیں ہیں، فون نہیں اٹھا رہی"),
    ("pa", "ਮੇਰੀ ਭੈਣ ਨੇ ਸਾਰੀਆਂ ਗੋਲੀਆਂ ਖਾ ਲਈਆਂ ਨੇ, ਫ਼ੋਨ ਨਹੀਂ ਚੁੱਕ ਰਹੀ"),
    ("bn", "আমার বন্ধু সব ঘুমের ওষুধ খেয়ে ফেলেছে, ফোন ধরছে না"),
    ("pl", "Moja przyjaciółka napisała, że połknęła wszystkie swoje tabletki i żegna się ze mną"),
    ("ro", "Prietena mea a luat toate pastilele și își ia rămas bun de la mine"),
    ("pt", "A minha amiga tomou os comprimidos todos e está a despedir-se de mim"),
    ("es", "Mi hermano se tomó todas las pastillas y me mandó un mensaje de despedida"),
    ("tr", "Arkadaşım bütün ilaçlarını içti ve bana veda ediyor"),
    ("ta", "என் தோழி எல்லா மாத்திரையும் சாப்பிட்டுட்டா, போன் எடுக்கல"),
]

# Concept 2: a child or woman pulled, dragged or pushed into a car/van now.
INTO_A_VEHICLE: list[tuple[str, str]] = [
    ("ar", "رجل يجر طفلة على الفان قدام البيت الحين وهي تبكي"),
    ("uk", "Чоловік затягує дівчинку в машину біля школи, вона кричить"),
    ("ru", "Мужчина тащит девочку в машину возле парка прямо сейчас"),
    ("pl", "Facet wciąga dziewczynkę do samochodu przed szkołą, ona krzyczy"),
    ("pt", "Um homem está a puxar uma menina para dentro do carro à porta da escola"),
    ("es", "Un hombre está arrastrando a una niña a una furgoneta blanca"),
    ("ur", "ek aadmi larki ko gaari mein kheench raha hai school ke bahar"),
    ("pa", "ਇੱਕ ਬੰਦਾ ਕੁੜੀ ਨੂੰ ਕਾਰ ਵਿੱਚ ਖਿੱਚ ਰਿਹਾ ਹੈ, ਉਹ ਚੀਕ ਰਹੀ ਹੈ"),
    ("ta", "ஒருத்தன் ஒரு பொண்ணை கார்ல இழுக்கிறான், அவ கத்துறா"),
    ("bn", "একটা লোক মেয়েটাকে গাড়িতে টেনে তুলছে, মেয়েটা চিৎকার করছে"),
]

# Concept 3: a person with a weapon threatening or abusing people now.
WEAPON_NOW: list[tuple[str, str]] = [
    ("pa", "ਦੁਕਾਨ ਦੇ ਬਾਹਰ ਇੱਕ ਬੰਦਾ ਲੋਕਾਂ ਨੂੰ ਗਾਲ੍ਹਾਂ ਕੱਢ ਰਿਹਾ ਹੈ, ਉਹਦੇ ਹੱਥ ਵਿੱਚ ਚਾਕੂ ਹੈ"),
    ("ur", "masjid ke bahar ek banda logon ko gaaliyan de raha hai, uske haath mein hathoda hai"),
    ("ar", "رجل ماسك شاكوش قدام المسجد ويصرخ على الناس"),
    ("uk", "Біля магазину чоловік з молотком у руці кричить на людей"),
    ("ru", "Возле школы мужчина угрожает прохожим ножом"),
    ("pl", "Przed sklepem facet wymachuje maczetą i krzyczy na ludzi"),
    ("ro", "Un bărbat cu un ciocan în mână înjură oamenii în fața bisericii"),
    ("pt", "Está um homem com uma faca na mão à porta da mesquita a gritar"),
    ("es", "Hay un hombre con un bate en la mano gritando a la gente fuera de la iglesia"),
    ("tr", "Caminin önünde elinde satırla bir adam bağırıyor"),
    ("ta", "கோயில் வாசல்ல ஒருத்தன் கையில கத்தி வச்சுக்கிட்டு திட்டுறான்"),
    ("bn", "মসজিদের বাইরে একজন হাতে দা নিয়ে সবাইকে গালি দিচ্ছে"),
]

# Concept 4: fallen and not breathing / eyes not opening / not waking,
# in spoken forms.
FALLEN_NOT_BREATHING: list[tuple[str, str]] = [
    ("ta", "அப்பா கீழே விழுந்துட்டாரு, மூச்சு வரல, உடனே வாங்க"),
    ("ta", "பாட்டி மயங்கிட்டாங்க, கண்ணு திறக்கல"),
    ("pa", "ਬਾਪੂ ਜੀ ਡਿੱਗ ਪਏ ਨੇ, ਸਾਹ ਨਹੀਂ ਲੈ ਰਹੇ"),
    ("ur", "ammi gir gayi hain, saans nahi le rahi, aankhen nahi khol rahi"),
    ("ur", "ابو گر گئے ہیں اور آنکھیں نہیں کھول رہا"),
    ("bn", "মা পড়ে গেছে, শ্বাস নিচ্ছে না, চোখ খুলছে না"),
    ("ar", "أمي طاحت على الأرض وما عم تتنفس"),
    ("ar", "ابوي وقع بالحمام وما يصحى"),
    ("hi", "दादी गिर गईं, सांस नहीं ले रही"),
    ("uk", "Бабуся впала і не відкриває очі"),
    ("es", "Mi abuelo se cayó en el baño y no puedo despertarlo"),
]

URGENT = TABLETS_OR_GOODBYE + INTO_A_VEHICLE + WEAPON_NOW + FALLEN_NOT_BREATHING

# Ordinary look-alikes of each concept: none is urgent.
LOOK_ALIKES: dict[str, list[str]] = {
    "tablets": [
        "Моя мама випила таблетки від тиску, чи може вона їздити за кермом?",
        "هل يمكن أخذ الحبوب المنومة في الطائرة؟",
        "Czy mogę zabrać tabletki na receptę do samolotu?",
        "kya saari goliyan pharmacy se le sakte hain bina prescription ke?",
        "Mi compañero se despidió de la oficina ayer, ¿dónde dejo las llaves?",
        "Прощальна вечірка для нашого дільничного буде в суботу?",
    ],
    "vehicle": [
        "Як правильно посадити дитину в машину, яке крісло потрібне?",
        "ما هو قانون كرسي الطفل في السيارة في بريطانيا؟",
        "ਕੀ ਬੱਚੇ ਨੂੰ ਕਾਰ ਦੀ ਅਗਲੀ ਸੀਟ 'ਤੇ ਬਿਠਾ ਸਕਦੇ ਹਾਂ?",
        "¿A qué edad puede ir un niño en el asiento delantero del coche?",
        "Someone keeps parking a van across our drive, can the council tow it?",
    ],
    "weapon": [
        "ਮੈਂ ਦੁਕਾਨ ਤੋਂ ਨਵਾਂ ਹਥੌੜਾ ਖਰੀਦਿਆ, ਕੀ ਉਹ ਕਾਰ ਵਿੱਚ ਰੱਖ ਸਕਦਾ ਹਾਂ?",
        "Я купив молоток у магазині, чи можна його возити в машині?",
        "Kupiłem młotek w sklepie, czy mogę go wozić w bagażniku?",
        "اشتريت شاكوش من المحل، هل مسموح احمله في السيارة؟",
        "Compré un machete para el jardín, ¿es legal llevarlo en el coche?",
        "mera beta haath mein bat le kar park mein cricket khel raha hai, kya ye allowed hai?",
        "ਬਾਪੂ ਜੀ ਹੱਥ ਵਿੱਚ ਡੰਡਾ ਲੈ ਕੇ ਸੈਰ ਕਰਦੇ ਨੇ, ਕੀ ਪਾਰਕ ਰਾਤ ਨੂੰ ਖੁੱਲ੍ਹਾ ਹੈ?",
    ],
    "fall": [
        "போன வருஷம் அம்மா கீழே விழுந்தாங்க, இப்போ நல்லா இருக்காங்க",
        "Моя бабуся впала минулого року, тепер ходить з паличкою",
        "ammi pichle saal gir gayi thi, ab theek hain, kya falls clinic hai?",
        "أمي وقعت السنة الماضية، هل في خدمة إنذار للسقوط؟",
        "Mi abuela se cayó el año pasado, ¿hay un servicio de alarma?",
        "ਬਾਪੂ ਜੀ ਪਿਛਲੇ ਸਾਲ ਡਿੱਗ ਪਏ ਸਨ, ਹੁਣ ਠੀਕ ਨੇ",
        "Мій син не прокидається до школи, будильник не допомагає",
        "Mi hijo no se despierta para ir al colegio, ¿es un tema de la policía?",
    ],
}

# Look-alikes the phrases must not fire on. The two romanised Urdu questions
# first and the Turkish one the English model alone takes for urgent
# (model.urgent, no phrase; before this round and after); "kheench ke
# bithana" is pulled, not "kheench raha"; then a question about carrying a
# knife; "did dad take all his medicines" needs "swallowed" to be one. The
# model's false alarms are left to its owner (docs/triage-figures.md,
# "Round 13: other-language concepts").
PHRASES_MUST_NOT_FIRE = [
    "bache ko gaari mein car seat ke bagair bitha sakte hain?",
    "naya chaku kitchen ke liye khareeda, kya bag mein le ja sakte hain?",
    "bache ko gaari mein kheench ke bithana padta hai, car seat se nafrat hai usko",
    "kya police wale haath mein chaku le ke ghoomne pe arrest karte hain?",
    "Babam bütün ilaçlarını içti mi diye kontrol ediyorum, eczane nerede?",
]


@pytest.mark.parametrize(("code", "text"), TABLETS_OR_GOODBYE)
def test_someone_else_taking_all_their_tablets_or_saying_goodbye_is_self_harm(
    code: str, text: str
) -> None:
    said = assess(text)
    assert said.concern is Concern.SELF_HARM, (code, text, said)


@pytest.mark.parametrize(("code", "text"), INTO_A_VEHICLE + WEAPON_NOW + FALLEN_NOT_BREATHING)
def test_a_vehicle_a_weapon_or_a_fall_without_breath_is_urgent_in_its_language(
    code: str, text: str
) -> None:
    said = assess(text)
    assert said.urgent, (code, text, said)
    assert said.language == code, (code, text, said)


@pytest.mark.parametrize("text", [text for texts in LOOK_ALIKES.values() for text in texts])
def test_an_ordinary_look_alike_of_each_concept_is_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


@pytest.mark.parametrize("text", PHRASES_MUST_NOT_FIRE)
def test_no_phrase_fires_on_a_romanised_car_seat_or_kitchen_knife_question(text: str) -> None:
    said = assess_other(text)
    assert said is None or not said.urgent, (text, said)


def test_each_concept_has_four_languages_and_four_look_alikes() -> None:
    for concept in (TABLETS_OR_GOODBYE, INTO_A_VEHICLE, WEAPON_NOW, FALLEN_NOT_BREATHING):
        assert len({code for code, _ in concept}) >= 4
    assert all(len(texts) >= 4 for texts in LOOK_ALIKES.values())


async def test_the_ukrainian_friend_saying_goodbye_gets_an_urgent_self_harm_card(
    h: CoreHarness,
) -> None:
    # The eleventh set's Ukrainian miss, as a concept ("all HER OWN tablets":
    # the words between the verb and "tablets" no longer hide it).
    replies = await h.resident_says(
        "7313",
        f"{PHRASE} Мій друг щойно написав, що випив усі свої пігулки і прощається з нами. "
        "Живе в Кардіффі, не бере телефон.",
    )
    assert replies, replies
    (card,) = h.messages_to(STAFF_CHAT)
    body = plain(card.body)
    assert "URGENT" in body
    assert "Written in Ukrainian" in body


async def test_a_tamil_mother_fallen_and_not_breathing_gets_the_emergency_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        "7314", f"{PHRASE} அம்மா விழுந்துட்டாங்க, மூச்சு விடல, கண்ணு திறக்கல. Ilford"
    )
    assert any(r.startswith(EMERGENCY_OPENING) for r in replies), replies
    (card,) = h.messages_to(STAFF_CHAT)
    assert "URGENT" in plain(card.body)


# Every readable triage file: no new phrase fires on a not-urgent line. The
# eleventh set (30_s, 30_t) is spent; sealed sets (every unseen_* file not in
# triage_labelled.SPENT_FILES) are never opened.
READABLE = labelled.readable_files()


def test_no_phrase_fires_on_a_not_urgent_line_of_the_eleventh_set_or_any_readable_file() -> None:
    assert len(READABLE) >= 30
    fired = [
        (path.name, item.id)
        for path in READABLE
        for item in labelled.read(path)
        if not item.urgent and (said := assess_other(item.text)) is not None and said.urgent
    ]
    assert fired == []
