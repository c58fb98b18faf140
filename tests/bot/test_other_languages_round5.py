"""Danger in other languages, round 5 (issue 15): every language forumbot
triages by every main emergency, in its script and the romanised forms
residents type, and the hard not-urgent ones (the past, policy questions,
idioms, lost things); phrases in parts ("my son, six, is lost"), "and"
joined to Arabic words, and laughing emoji. The sentences are
tests/data/triage/dev_2026_11_30_k.jsonl (written for this round, without a
qualified translator) and the ones below, written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.edge.rich import plain
from bot.safeguarding.language import choose, identify
from bot.safeguarding.triage import TriageDataError, assess
from bot.safeguarding.triage.other_languages import GAP, assess_other, entries
from tests.support import triage_labelled as labelled
from tests.support.core_harness import STAFF_CHAT, CoreHarness

PHRASE = "Bromley Police Online Forum"
EMERGENCY_OPENING = "If you or someone else is in danger"
DEV_K = Path(__file__).resolve().parents[1] / "data" / "triage" / "dev_2026_11_30_k.jsonl"
ITEMS = labelled.read(DEV_K)
# The language each voice of the file is written in (the card names it).
VOICE_LANGUAGE = {
    "polish": "pl",
    "romanian": "ro",
    "portuguese": "pt",
    "welsh": "cy",
    "arabic": "ar",
    "arabic_romanised": "ar",
    "urdu": "ur",
    "urdu_romanised": "ur",
    "punjabi": "pa",
    "punjabi_romanised": "pa",
    "bengali": "bn",
    "bengali_romanised": "bn",
    "gujarati": "gu",
    "lithuanian": "lt",
    "somali": "so",
    "spanish": "es",
    "french": "fr",
    "italian": "it",
    "turkish": "tr",
    "german": "de",
    "persian": "fa",
    "slovak": "sk",
    "tamil": "ta",
    "hindi": "hi",
    "chinese": "zh",
}
CONCEPTS = {
    "attack",
    "weapon",
    "fire_inside",
    "missing_water",
    "unconscious",
    "overdose",
    "suicide",
    "followed",
    "domestic",
    "break_in",
    "drowning",
    "crash",
}


def test_the_dev_file_has_every_language_by_every_concept() -> None:
    for language in {"polish", "romanian", "portuguese", "welsh", "arabic", "urdu"}:
        said = {i.category for i in ITEMS if i.voice == language and i.urgent}
        assert said >= CONCEPTS, language
    for language in {"punjabi", "bengali", "gujarati", "lithuanian", "somali"}:
        said = {i.category for i in ITEMS if i.voice == language and i.urgent}
        assert said >= CONCEPTS, language
    assert sum(not i.urgent for i in ITEMS) >= 60


@pytest.mark.parametrize(
    "item", [i for i in ITEMS if i.urgent], ids=lambda i: f"{i.id}-{i.voice}-{i.category}"
)
def test_every_emergency_of_the_dev_file_is_urgent_in_its_language(item: labelled.Item) -> None:
    said = assess(item.text)
    assert said.urgent, said
    # Punjabi in Latin letters is also romanised Urdu: either's guidance.
    wanted = {"pa", "ur"} if item.voice == "punjabi_romanised" else {VOICE_LANGUAGE[item.voice]}
    # An English rule may find it first ("bridge", "railing", "jump" in
    # romanised Urdu): urgent, the English guidance. Never the model alone,
    # which reads other languages by chance.
    assert said.language in wanted or (said.language is None and said.reason != "model.urgent"), (
        said
    )


@pytest.mark.parametrize(
    "item", [i for i in ITEMS if not i.urgent], ids=lambda i: f"{i.id}-{i.voice}-{i.category}"
)
def test_no_phrase_makes_a_not_urgent_line_of_the_dev_file_urgent(item: labelled.Item) -> None:
    said = assess_other(item.text)
    assert said is None or not said.urgent, said


def test_the_dev_file_figures() -> None:
    result = labelled.measure(ITEMS)
    assert result.total.caught == result.total.urgent == 278
    # The phrases raise none (the test above); the English model, which reads
    # other languages by chance (character n-grams: "tabletkach", "pastilele"),
    # raises k-213, k-214 (medication questions) and k-220 (smoke from a
    # neighbour's bonfire) since its round-5 retrain: a false alarm costs less
    # than the emergencies it catches in languages the phrases miss.
    assert all(said.reason == "model.urgent" for _, said in result.alarms), result.alarms
    assert result.total.alarms <= 3, [item.id for item, _ in result.alarms]


# The fourth unseen set's two misses in other languages, as concepts:
# written anew, several ways (docs/safeguarding.md, "Round 5").
@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("ur", "میری امی نے ساری نیند کی گولیاں کھا لیں، اب ہوش میں نہیں"),
        ("ur", "بھائی نے پوری ڈبی کی گولیاں نگل لی ہیں"),
        ("ur", "meri dost ne bohat zyada dawai kha li hai, uth nahi rahi"),
        ("ur", "usne saari tablets kha li hain"),
        ("pa", "ਮੇਰੇ ਭਰਾ ਨੇ ਬਹੁਤ ਦਵਾਈਆਂ ਖਾ ਲਈਆਂ"),
        ("bn", "আমার মা সব ঘুমের ওষুধ খেয়ে ফেলেছে"),
        ("ar", "ابني عمره خمس سنين ضاع عند البحر"),
        ("ar", "بنتي الصغيرة ما لقيناها على الشاطئ، ضاعت من ربع ساعة"),
        ("ar", "جدتي عندها زهايمر ضاعت من البيت"),
        ("ar", "الولد ضاع والمد يرتفع"),
        ("ar", "ibni 3omro 5 snin day3 3al ba7r"),
        ("so", "Gabadhayda yar ayaa xeebta ka lumay"),
    ],
)
def test_the_fourth_sets_miss_concepts_are_urgent(code: str, text: str) -> None:
    said = assess(text)
    assert said.urgent and said.language == code, said


def test_a_phrase_in_parts_allows_at_most_gap_words_between_them() -> None:
    near = "ابني " + "كبير " * GAP + "ضاع"
    far = "ابني " + "كبير " * (GAP + 1) + "ضاع"
    said = assess_other(near)
    assert said is not None and said.urgent, said
    assert assess_other(far) is None
    # in that order only
    backwards = assess_other("ضاع كبير ابني")
    assert backwards is None or not backwards.urgent, backwards


def test_and_joined_to_an_arabic_word_is_read_off() -> None:
    said = assess_other("أبوي طاح في المطبخ وما يتنفس")
    assert said is not None and said.urgent and said.language == "ar"
    # a word that only starts with the letter is still read whole
    assert assess_other("ولدي ضاع في السوق") is not None


@pytest.mark.parametrize(
    "text",
    [
        "Șeful meu mă omoară cu atâtea ore suplimentare 😂",
        "Ta praca mnie wykończy 🤣 kiedy jest następne spotkanie?",
        "Mae'r plant 'ma'n fy lladd i 😂",
    ],
)
def test_a_laughing_emoji_makes_a_danger_phrase_a_joke(text: str) -> None:
    said = assess(text)
    assert not said.urgent, said


def test_a_laughing_emoji_leaves_self_harm_urgent() -> None:
    said = assess("Nie chcę już żyć 😂 dzisiaj ze sobą skończę")
    assert said.urgent, said


@pytest.mark.parametrize(
    "text",
    [
        "meri beti ka passport gum ho gaya hai, naya kaise banwaun?",
        "ابني ضاع منه الجوال في المدرسة، كيف أبلغ عنه؟",
        "Wiilkayga ayaa baasaboorkiisa ka lumay, sidee u helaa mid cusub?",
        "ہر سال سڑک حادثوں میں کتنے لوگ زخمی ہوتے ہیں؟",
        "میں نے سر درد کی دو گولیاں کھا لیں، کیا میں گاڑی چلا سکتا ہوں؟",
        "Co powinnam zrobić, gdyby ktoś kiedyś włamał się do mieszkania?",
        "Há dois anos fui assaltado com uma faca. Existe apoio às vítimas?",
    ],
)
def test_lost_things_statistics_ordinary_pills_and_the_past_are_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, said


async def test_an_arabic_child_lost_on_the_beach_gets_the_arabic_guidance_and_an_urgent_card(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        "7150", f"{PHRASE} ابنتي عمرها خمس سنوات ضاعت على الشاطئ قبل ربع ساعة والمد يرتفع"
    )
    assert replies[0].startswith("إذا كنت أنت أو شخص آخر"), replies[0]
    assert any(r.startswith(EMERGENCY_OPENING) for r in replies), replies
    (card,) = h.messages_to(STAFF_CHAT)
    assert "URGENT" in plain(card.body) and "Arabic" in plain(card.body)


async def test_an_urdu_overdose_gets_the_urdu_guidance_and_an_urgent_card(h: CoreHarness) -> None:
    replies = await h.resident_says(
        "7151", "میری بہن نے ابھی بہت ساری گولیاں کھا لی ہیں اور جواب نہیں دے رہی"
    )
    assert replies[0].startswith("اگر آپ یا کوئی اور"), replies[0]
    assert any(r.startswith(EMERGENCY_OPENING) for r in replies), replies
    (card,) = h.messages_to(STAFF_CHAT)
    assert "URGENT" in plain(card.body) and "Urdu" in plain(card.body)


# Mixed messages (round 5, piece 2): an English greeting then the emergency
# in another language; English quoting another language; cries too short
# for the identifier; romanised Urdu, which lingua takes for French.
@pytest.mark.parametrize(
    ("text", "code", "opening"),
    [
        (
            "Hi, sorry to bother you. Mój mąż mnie bije, zamknęłam się w łazience z dziećmi",
            "pl",
            "Jeśli Ty lub ktoś inny",
        ),
        ("Hello. Soțul meu mă lovește acum, vă rog", "ro", "Dacă dumneavoastră"),
        ("Hi there, good evening. میرا شوہر مجھے ابھی مار رہا ہے", "ur", "اگر آپ یا کوئی اور"),
        ("Good evening. أختي بلعت علبة حبوب كاملة", "ar", "إذا كنت أنت أو شخص آخر"),
        ("hello, pls. ibni day3 3al beach", "ar", "إذا كنت أنت أو شخص آخر"),
        ("koi ghar mein ghus aaya hai, neeche awaazein aa rahi hain", "ur", "اگر آپ یا کوئی اور"),
    ],
)
async def test_an_english_greeting_then_danger_in_another_language_gets_its_guidance(
    h: CoreHarness, text: str, code: str, opening: str
) -> None:
    replies = await h.resident_says("7160", f"{PHRASE} {text}")
    assert replies[0].startswith(opening), replies[0]
    assert any(r.startswith(EMERGENCY_OPENING) for r in replies), replies
    (card,) = h.messages_to(STAFF_CHAT)
    name = {"pl": "Polish", "ro": "Romanian", "ur": "Urdu", "ar": "Arabic"}[code]
    assert "URGENT" in plain(card.body) and f"Written in {name}" in plain(card.body)


@pytest.mark.parametrize(
    "text",
    [
        "My mum just rang me in a panic, she said 'ktoś jest w domu, słyszę kroki na dole' "
        "and she lives alone, what do I do",
        "My neighbour is shouting 'socorro, ele tem uma faca' through the wall",
        "Dear officers, my aunt only speaks Urdu and texted: میری بیٹی ساحل پر گم ہو گئی ہے",
        "My grandad keeps saying 'saans nahi aa raha' and he has gone grey",
    ],
)
async def test_english_quoting_danger_in_another_language_is_urgent(
    h: CoreHarness, text: str
) -> None:
    replies = await h.resident_says("7161", f"{PHRASE} {text}")
    assert any(r.startswith(EMERGENCY_OPENING) for r in replies), replies
    (card,) = h.messages_to(STAFF_CHAT)
    assert "URGENT" in plain(card.body)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("pomocy!", "pl"),
        ("ratunku", "pl"),
        ("ajutor!", "ro"),
        ("socorro", "pt"),
        ("helpwch fi!", "cy"),
        ("النجدة", "ar"),
        ("sa3dooni", "ar"),
        ("bachao!", "ur"),
        ("madad karo", "ur"),
        ("ਬਚਾਓ", "pa"),
        ("বাঁচাও", "bn"),
        ("બચાવો", "gu"),
        ("gelbėkite", "lt"),
        ("i caawi", "so"),
    ],
)
def test_a_cry_too_short_to_identify_is_urgent_in_its_language(text: str, code: str) -> None:
    said = assess(text)
    assert said.urgent and said.language == code, said


@pytest.mark.parametrize(
    "text",
    [
        "ghar mein aag lag gayi hai, dadi andar phansi hui hain",
        "abbu gir gaye hain aur saans nahi le rahe",
        "pichle saal meri cycle chori hui thi, report kaise karun?",
        "el sene el madye nsara2et sayarti, kif ba3ref shu sar bl mallaf?",
    ],
)
def test_romanised_urdu_and_arabizi_are_not_taken_for_french_or_somali(text: str) -> None:
    assert identify(text) is None


async def test_the_language_of_the_danger_phrase_wins_over_lingua_on_the_card(
    h: CoreHarness,
) -> None:
    # lingua, sure, reads this German for Welsh (dev_2026_11_d, d-043); the
    # German phrase that found it names it
    text = (
        "Sehr geehrte Damen und Herren, in der Wohnung über mir schreit eine Frau um Hilfe "
        "und es klingt, als ob sie geschlagen wird. Gerade jetzt."
    )
    assert identify(text) == "cy"
    replies = await h.resident_says("7162", f"{PHRASE} {text}")
    assert not replies[0].startswith("Os ydych chi"), replies[0]
    assert any(r.startswith(EMERGENCY_OPENING) for r in replies), replies
    (card,) = h.messages_to(STAFF_CHAT)
    assert "Written in German" in plain(card.body) and "Welsh" not in plain(card.body)


# The development files and the unseen sets already run once and spent
# (docs/safeguarding.md); any other unseen_* file is sealed and never read.
SPENT = {"unseen_2026_11_a", "unseen_2026_11_b"} | {
    f"unseen_2026_11_30_{part}" for part in "abcdef"
}
READABLE = sorted(
    path
    for path in DEV_K.parent.glob("*.jsonl")
    if not path.name.startswith("unseen_") or path.stem in SPENT
)


def test_no_phrase_fires_on_a_not_urgent_line_of_any_triage_file() -> None:
    fired = [
        (path.name, item.id)
        for path in READABLE
        for item in labelled.read(path)
        if not item.urgent and (said := assess_other(item.text)) is not None and said.urgent
    ]
    assert fired == []


# The guidance (round 5, piece 3): Welsh and each of the UK's most-used
# community languages the brief names has a text of its own, sent first to
# a resident in danger who writes in it; the card says so. Lithuanian and
# Somali are new in this round (written without a qualified translator).
GUIDANCE = {
    "cy": ("Mae dyn efo cyllell tu allan i'r tŷ nawr", "Os ydych chi neu rywun arall", "Welsh"),
    "pl": ("Mąż mnie bije, pomocy", "Jeśli Ty lub ktoś inny", "Polish"),
    "ro": ("Soțul meu mă lovește acum", "Dacă dumneavoastră sau altcineva", "Romanian"),
    "pa": ("ਮੇਰਾ ਘਰਵਾਲਾ ਮੈਨੂੰ ਹੁਣੇ ਮਾਰ ਰਿਹਾ ਹੈ", "ਜੇ ਤੁਸੀਂ ਜਾਂ ਕੋਈ ਹੋਰ", "Panjabi"),
    "ur": ("میرا شوہر مجھے ابھی مار رہا ہے", "اگر آپ یا کوئی اور", "Urdu"),
    "bn": ("আমার স্বামী আমাকে এখন মারছে", "আপনি বা অন্য কেউ", "Bengali"),
    "gu": ("મારો પતિ મને અત્યારે મારે છે", "જો તમે અથવા બીજું કોઈ", "Gujarati"),
    "ar": ("زوجي يضربني الآن والأولاد يصرخون", "إذا كنت أنت أو شخص آخر", "Arabic"),
    "pt": ("O meu namorado está a bater-me agora", "Se você ou outra pessoa", "Portuguese"),
    "lt": ("Vyras mane muša dabar, užsirakinau vonioje", "Jei jums ar kitam žmogui", "Lithuanian"),
    "so": ("Ninkeyga ayaa i garaacaya hadda, i caawiya", "Haddii adiga ama qof kale", "Somali"),
}


@pytest.mark.parametrize("code", sorted(GUIDANCE))
async def test_a_resident_in_danger_gets_the_guidance_in_their_language_and_the_card_says_so(
    h: CoreHarness, code: str
) -> None:
    text, opening, name = GUIDANCE[code]
    replies = await h.resident_says("7170", f"{PHRASE} {text}")
    assert replies[0].startswith(opening), replies[0]
    assert "999" in replies[0] and "101" in replies[0]
    assert any(r.startswith(EMERGENCY_OPENING) for r in replies[1:]), replies
    (card,) = h.messages_to(STAFF_CHAT)
    body = plain(card.body)
    assert "URGENT" in body
    assert f"The resident was sent the emergency guidance in {name}" in body


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Laba diena, kaip pranešti apie triukšmą iš kaimynų buto naktimis?", "Jei jums"),
        ("Goorma ayuu yahay kulanka xiga ee booliiska ee xaafaddayada?", "Haddii adiga"),
    ],
)
async def test_an_ordinary_question_in_lithuanian_or_somali_gets_its_guidance_not_urgent(
    h: CoreHarness, text: str, opening: str
) -> None:
    replies = await h.resident_says("7171", f"{PHRASE} {text}")
    assert replies[0].startswith(opening), replies[0]
    assert not any(r.startswith(EMERGENCY_OPENING) for r in replies), replies
    (card,) = h.messages_to(STAFF_CHAT)
    assert "URGENT" not in plain(card.body)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # lingua is right; a Polish phrase and a Slovak one are both in it
        ("Manžel ma bije a má nôž, deti sú v izbe", "sk"),
        # lingua, sure, is wrong on a short message: the phrase's language
        ("Bromley Police Online Forum O meu namorado está a bater-me agora", "pt"),
        ("Bromley Police Online Forum Soțul meu mă lovește acum", "ro"),
        # German, which lingua is not asked to identify, read as Welsh
        (
            "Sehr geehrte Damen und Herren, in der Wohnung über mir schreit eine Frau um "
            "Hilfe und es klingt, als ob sie geschlagen wird. Gerade jetzt.",
            "de",
        ),
    ],
)
def test_lingua_and_the_danger_phrase_are_weighed(text: str, code: str) -> None:
    assert choose(identify(text), assess(text).language, text) == code


# Things lost and places searched for: a local "not now" takes away only the
# phrases whose words it shares.
@pytest.mark.parametrize(
    ("text", "urgent"),
    [
        ("ابني ضاع منه الجوال في المدرسة", False),
        ("ابني ضاع في السوق وما معه جوال", True),
        ("Mój syn zgubił telefon w autobusie", False),
        ("Mój syn zaginął, zgubił telefon, nie możemy się z nim skontaktować", True),
        ("Syn zgubił się w parku, a telefon ma wyłączony", True),
        ("Mi hijo perdió el móvil en el parque", False),
        ("Mi hijo se perdió, su móvil está apagado", True),
        ("O meu filho perdeu o telemóvel no autocarro", False),
        ("A minha filha perdeu-se, o telemóvel está desligado", True),
        ("mae ffôn fy mam ar goll", False),
        ("Mae fy mam ar goll, mae ganddi ddementia", True),
        ("ایک گھنٹے سے پارکنگ ڈھونڈ رہا ہوں", False),
        ("میری بیٹی آدھے گھنٹے سے نہیں ملی، ہم ایک گھنٹے سے ڈھونڈ رہے ہیں", True),
        ("ندور موقف من ساعة كل يوم", False),
    ],
)
def test_a_lost_thing_takes_away_only_the_phrase_it_shares_words_with(
    text: str, urgent: bool
) -> None:
    said = assess(text)
    assert said.urgent is urgent, said


def test_a_part_written_plus_must_follow_at_once() -> None:
    # "perdió el + móvil": the Spanish lost phone, only with nothing between
    assert not assess("Mi hijo perdió el móvil").urgent
    said = assess_other("Mi hijo se perdió en la playa y el móvil no contesta")
    assert said is not None and said.urgent, said


# The second batch's concepts, written anew: a farewell to everyone, fallen
# and not moving, searching for someone for half an hour.
@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("ro", "Sora mea ne-a trimis un mesaj de adio și nu mai răspunde"),
        ("pt", "A minha irmã mandou uma mensagem de despedida a todos e desligou o telemóvel"),
        ("ar", "صديقي كتب رسالة وداع في القروب وما يرد"),
        ("ur", "bhai ne group mein sab ko alvida likha hai"),
        ("so", "Walaashay waxay qortay nabadgelyo dhammaan, mana jawaabayso"),
        ("lt", "Sesuo parašė atsisveikinimo žinutę ir išjungė telefoną"),
        ("ro", "Bunica a căzut în baie și nu se mai mișcă"),
        ("ar", "جدتي طاحت في الحمام وما تتحرك"),
        ("bn", "দাদু বাথরুমে পড়ে গেছেন, নড়ছেন না"),
        ("gu", "દાદી બાથરૂમમાં પડી ગયા છે અને હલતા નથી"),
        ("ar", "بنتي الصغيرة ندور عليها من ساعة في الحديقة"),
        ("pl", "Córeczka wyszła z placu zabaw, szukamy jej od pół godziny"),
        ("lt", "Sūnus dingo iš žaidimų aikštelės, ieškome jau valandą"),
    ],
)
def test_the_second_batchs_concepts_are_urgent(code: str, text: str) -> None:
    said = assess(text)
    assert said.urgent and said.language == code, said


def test_the_data_file_says_what_is_wrong_with_a_part_or_a_local_entry() -> None:
    entry = {"language": "pl", "name": "Polish", "concern": "danger", "phrases": "syn ... |\n"}
    with pytest.raises(TriageDataError, match="is no words"):
        entries([entry])
    with pytest.raises(TriageDataError, match="local is true or false"):
        entries([{**entry, "phrases": "syn ... zaginął\n", "local": True}])
    (local,) = entries(
        [{**entry, "concern": "none", "phrases": "zgubił + telefon\n", "local": True}]
    )
    assert local.local and local.words == ("zgubil + telefon",)
