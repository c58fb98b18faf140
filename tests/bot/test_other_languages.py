"""A message in another language gets the emergency guidance in that
language first, and the card tells officers which language it is (issue 15).
Identification is lingua's, limited to English, Welsh and the UK's most-used
community languages (bot/safeguarding/language.py)."""

from __future__ import annotations

import pytest

from bot.edge.rich import plain
from bot.safeguarding.language import identify
from bot.safeguarding.triage import assess, looks_urgent
from tests.support.core_harness import STAFF_CHAT, CoreHarness

PHRASE = "Bromley Police Online Forum"

# "Help me, someone is attacking me now", and the opening of the guidance
# each resident is sent (from config/messages/en.yaml).
HELP_NOW = {
    "cy": ("Helpwch fi, mae rhywun yn ymosod arnaf i nawr", "Os ydych chi neu rywun arall"),
    "pl": ("Pomocy, ktoś mnie teraz atakuje w domu", "Jeśli Ty lub ktoś inny"),
    "ro": ("Ajutor, cineva mă atacă acum în casă", "Dacă dumneavoastră sau altcineva"),
    "pt": ("Socorro, alguém está me atacando agora", "Se você ou outra pessoa"),
    "ar": ("ساعدني، شخص ما يهاجمني الآن", "إذا كنت أنت أو شخص آخر"),
    "ur": ("میری مدد کریں، کوئی مجھ پر ابھی حملہ کر رہا ہے", "اگر آپ یا کوئی اور"),
    "pa": ("ਮੇਰੀ ਮਦਦ ਕਰੋ, ਕੋਈ ਮੇਰੇ ਉੱਤੇ ਹਮਲਾ ਕਰ ਰਿਹਾ ਹੈ", "ਜੇ ਤੁਸੀਂ ਜਾਂ ਕੋਈ ਹੋਰ"),
    "bn": ("আমাকে সাহায্য করুন, কেউ আমাকে আক্রমণ করছে", "আপনি বা অন্য কেউ"),
    "gu": ("મને મદદ કરો, કોઈ મારા પર હુમલો કરી રહ્યું છે", "જો તમે અથવા બીજું કોઈ"),
    # issue 15d
    "es": ("Ayuda, alguien me está atacando ahora en mi casa", "Si usted u otra persona"),
    "fr": ("Aidez-moi, quelqu'un m'attaque maintenant chez moi", "Si vous ou une autre personne"),
    "it": ("Aiuto, qualcuno mi sta aggredendo adesso in casa", "Se lei o un'altra persona"),
    "tr": ("Yardım edin, biri şu anda evde bana saldırıyor", "Siz veya başka biri"),
    "zh": ("救命！有人现在正在我家里攻击我，请帮帮我", "如果您或其他人有危险"),
}


@pytest.mark.parametrize("code", sorted(HELP_NOW))
async def test_help_in_another_language_gets_the_guidance_in_it_first(
    h: CoreHarness, code: str
) -> None:
    text, opening = HELP_NOW[code]
    replies = await h.resident_says("7100", text)
    assert replies[0].startswith(opening), replies[0]
    assert "999" in replies[0] and "101" in replies[0]


async def test_a_question_in_welsh_is_taken_and_its_card_says_so(h: CoreHarness) -> None:
    replies = await h.resident_says("7101", f"{PHRASE} pryd mae'r cyfarfod nesaf yn y llyfrgell?")
    assert replies[0].startswith("Os ydych chi neu rywun arall")
    assert any("#1" in r for r in replies[1:])  # the acknowledgement, in English
    (card,) = h.messages_to(STAFF_CHAT)
    assert "Written in Welsh." in plain(card.body)


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "thanks!",
        "help",
        f"{PHRASE} is the station open on Sundays?",
        "The car was a silver Corsa with a dent in the door",
        "pls help hes hitting me",
        "i want to end my life",
        "Regards, Dr Anil Mehta",
    ],
)
def test_english_is_not_taken_for_another_language(text: str) -> None:
    assert identify(text) is None


async def test_an_english_message_gets_no_notice_in_another_language(h: CoreHarness) -> None:
    replies = await h.resident_says("7102", f"{PHRASE} is the station open on Sundays?")
    assert not any("Os ydych chi" in r or "Jeśli Ty" in r for r in replies)
    (card,) = h.messages_to(STAFF_CHAT)
    assert "Written in" not in plain(card.body)


# Danger phrases in other languages (bot/safeguarding/triage/data/other_languages.yaml):
# triaged urgent, so the resident gets the guidance in their language, then
# the English 999 guidance, and officers an URGENT card. Per language and
# script: (message, the opening of the guidance in that language).
URGENT_IN = {
    "cy": ("Mae o'n fy nharo i, mae ganddo gyllell", "Os ydych chi neu rywun arall"),
    "pl": ("Ktoś się włamuje do mieszkania, mam dzieci w domu", "Jeśli Ty lub ktoś inny"),
    "pl no accents": ("on ma noz i grozi mi, szybko", "Jeśli Ty lub ktoś inny"),
    "ro": ("Soțul meu mă bate și are un cuțit", "Dacă dumneavoastră sau altcineva"),
    "pt": ("Chamem a polícia, o meu vizinho está pegando fogo na casa", "Se você ou outra pessoa"),
    "ar": ("زوجي يضربني الآن وأنا خائفة جدا", "إذا كنت أنت أو شخص آخر"),
    "ur": ("میرا شوہر مجھے مار رہا ہے، پولیس کو بلاؤ", "اگر آپ یا کوئی اور"),
    "ur romanised": ("mera shohar mujhe maar raha hai police bulao", "اگر آپ یا کوئی اور"),
    "pa": ("ਮੇਰਾ ਪਤੀ ਮੈਨੂੰ ਕੁੱਟ ਰਿਹਾ ਹੈ, ਪੁਲਿਸ ਨੂੰ ਬੁਲਾਓ", "ਜੇ ਤੁਸੀਂ ਜਾਂ ਕੋਈ ਹੋਰ"),
    # Shahmukhi is Urdu's script: the Urdu guidance, which its readers can read
    "pa shahmukhi": ("میرا گھر والا مینوں مار رہیا اے پولیس نوں بلاؤ", "اگر آپ یا کوئی اور"),
    "pa romanised": ("mera pati mainu kutt reha hai, police nu bulao", "ਜੇ ਤੁਸੀਂ ਜਾਂ ਕੋਈ ਹੋਰ"),
    "bn": ("আমার স্বামী আমাকে মারছে, পুলিশ ডাকুন", "আপনি বা অন্য কেউ"),
    "gu": ("મારો પતિ મને મારે છે, પોલીસ બોલાવો", "જો તમે અથવા બીજું કોઈ"),
}
EMERGENCY_OPENING = "If you or someone else is in danger"


@pytest.mark.parametrize("case", sorted(URGENT_IN))
async def test_danger_in_another_language_is_urgent_with_the_guidance_in_it(
    h: CoreHarness, case: str
) -> None:
    text, opening = URGENT_IN[case]
    assert looks_urgent(text), case
    replies = await h.resident_says("7110", f"{PHRASE} {text}")
    assert replies[0].startswith(opening), replies[0]
    assert replies[1].startswith(EMERGENCY_OPENING), replies[1]
    (card,) = h.messages_to(STAFF_CHAT)
    assert "URGENT" in plain(card.body)


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("pomocy!", "Jeśli Ty lub ktoś inny"),
        ("Socorro!!", "Se você ou outra pessoa"),
        ("mujhe bachao", "اگر آپ یا کوئی اور"),
        ("ਅੱਗ ਲੱਗ ਗਈ", "ਜੇ ਤੁਸੀਂ ਜਾਂ ਕੋਈ ਹੋਰ"),
    ],
)
async def test_a_cry_too_short_to_identify_still_gets_the_guidance_in_its_language(
    h: CoreHarness, text: str, opening: str
) -> None:
    assert identify(text) is None  # too short for the identifier
    replies = await h.resident_says("7111", text)
    assert replies[0].startswith(opening), replies[0]
    assert replies[1].startswith(EMERGENCY_OPENING), replies[1]


# Ordinary questions in the same languages: not urgent. (Every message in
# another language is still sent the guidance in it: see the tests above.)
ORDINARY_IN = {
    "cy": "Pryd mae'r cyfarfod nesaf gyda'r heddlu yn y llyfrgell?",
    "pl": "Potrzebuję pomocy w sprawie parkowania przed moim domem, do kogo się zwrócić?",
    # (Not "Am nevoie de ajutor cu o problemă de parcare": the model reads
    # "ajutor", help, as urgent: a known false alarm, docs/safeguarding.md.)
    "ro": "Când este următoarea întâlnire cu poliția la biblioteca din cartier?",
    "pt": "Quando é a próxima reunião com a polícia no centro comunitário?",
    "ar": "متى الاجتماع القادم مع الشرطة في المكتبة؟",
    "ur": "پولیس اسٹیشن کب کھلتا ہے؟ مجھے اپنی گمشدہ سائیکل کے بارے میں پوچھنا ہے",
    "ur romanised": "police station kab khulta hai? meri cycle chori ho gayi thi pichle hafte",
    "pa": "ਪੁਲਿਸ ਸਟੇਸ਼ਨ ਕਦੋਂ ਖੁੱਲ੍ਹਦਾ ਹੈ? ਮੈਂ ਆਪਣੀ ਸਾਈਕਲ ਬਾਰੇ ਪੁੱਛਣਾ ਹੈ",
    "bn": "পুলিশ স্টেশন কখন খোলে? আমি আমার হারানো সাইকেল সম্পর্কে জানতে চাই",
    "gu": "પોલીસ સ્ટેશન ક્યારે ખુલે છે? મારે મારી સાયકલ વિશે પૂછવું છે",
}


@pytest.mark.parametrize("case", sorted(ORDINARY_IN))
async def test_an_ordinary_question_in_another_language_is_not_urgent(
    h: CoreHarness, case: str
) -> None:
    text = ORDINARY_IN[case]
    assert not looks_urgent(text), case
    replies = await h.resident_says("7112", f"{PHRASE} {text}")
    assert not any(r.startswith(EMERGENCY_OPENING) for r in replies), replies
    (card,) = h.messages_to(STAFF_CHAT)
    assert "URGENT" not in plain(card.body)


async def test_a_cry_in_spanish_gets_its_guidance_the_english_and_an_urgent_card(
    h: CoreHarness,
) -> None:
    # Spanish has had its own text since issue 15d (before: the English only).
    replies = await h.resident_says(
        "7113", f"{PHRASE} Mi vecino está golpeando a su esposa ahora mismo, hay niños"
    )
    assert replies[0].startswith("Si usted u otra persona"), replies[0]
    assert replies[1].startswith(EMERGENCY_OPENING), replies[1]
    (card,) = h.messages_to(STAFF_CHAT)
    assert "URGENT" in plain(card.body) and "Written in Spanish." in plain(card.body)


def test_not_now_phrases_of_a_language_stop_its_danger_phrases() -> None:
    assert looks_urgent("ktoś napadł na mnie z nożem")
    assert not looks_urgent("W zeszłym roku ktoś napadł na mnie z nożem. Czy sprawa jest otwarta?")


# Issue 15e. Chinese is written without spaces: the matcher reads it a
# character at a time, so a phrase is found wherever its characters stand
# together (the third unseen set's Chinese emergency was missed before).
def test_a_script_without_spaces_is_read_a_character_at_a_time() -> None:
    from bot.safeguarding.triage.other_languages import fold

    assert fold("救命！有人拿刀 Roundhay Road。") == " 救 命 有 人 拿 刀 roundhay road "
    assert fold("Dydd Sul") == " dydd sul "


# The families behind the third unseen set's misses in other languages, and
# the main emergencies (being followed was missing in every language), each
# said more than one way: urgent, with the language named (Triage.language).
URGENT_FAMILIES = [
    # Welsh: someone still inside a fire, trapped
    ("cy", "Mae tân yn y fflat drws nesaf ac mae hen ddyn yn dal tu mewn"),
    ("cy", "tân yn y gegin, mae'r plant yn methu dod allan"),
    ("cy", "mae rhywun yn fy nilyn i o'r orsaf, dw i'n ofnus"),
    # Urdu / Hindi: a child forced into a car, taken
    ("ur", "ایک آدمی میرے بیٹے کو زبردستی گاڑی میں لے گیا"),
    ("ur", "meri behan ko do aadmi utha kar le gaye abhi"),
    ("ur", "کوئی میرا پیچھا کر رہا ہے، میں ڈر گئی ہوں"),
    ("hi", "मेरी बेटी को एक आदमी ज़बरदस्ती गाड़ी में डाल कर ले गया"),
    ("hi", "मेरा पति मुझे मार रहा है, पुलिस को बुलाओ"),
    ("hi", "मेरा बच्चा गुम हो गया, पार्क में था"),
    # Arabic: a knife and a door, with the prefixes Arabic joins to words
    ("ar", "رجل في الشارع وعنده سكين ويصرخ"),
    ("ar", "شخص يحاول كسر الشباك الخلفي وانا وحدي"),
    ("ar", "في رجل يلاحقني من المحطة"),
    # Chinese, simplified and traditional
    ("zh", "有个男人拿着刀在店门口砍人"),
    ("zh", "快叫救护车，我爸爸晕倒了，没有呼吸"),
    ("zh", "楼下着火了，里面还有人"),
    ("zh", "我的孩子不见了，在公园找不到孩子"),
    ("zh", "有人一直跟着我，从车站跟到我家"),
    ("zh", "有人在撬门，我一个人在家"),
    ("zh", "我不想活了，今晚就结束"),
    ("zh", "他拿著刀說要殺我"),
    # being followed, in the other languages
    ("pl", "ktoś mnie śledzi, boję się iść do domu"),
    ("ro", "un bărbat mă urmărește de la stație"),
    ("pt", "um homem está me seguindo desde a estação"),
    ("es", "un hombre me está siguiendo desde la estación"),
    ("it", "un uomo mi sta seguendo dalla stazione"),
    ("fr", "un homme me suit depuis la gare"),
    ("de", "ein Mann verfolgt mich seit dem Bahnhof"),
    ("tr", "bir adam beni takip ediyor"),
    ("lt", "vyras mane seka nuo stoties"),
    ("sk", "nejaký muž ma sleduje"),
]


@pytest.mark.parametrize(("code", "text"), URGENT_FAMILIES)
def test_issue_15e_families_in_other_languages_are_urgent(code: str, text: str) -> None:
    said = assess(text)
    assert said.urgent and said.language == code, said


# Ordinary questions in the same languages, on the same topics, and the same
# emergencies told as past: not urgent.
ORDINARY_15E = [
    "请问在英国可以带刀吗？",  # may I carry a knife in the UK?
    "我家上周被盗了，怎么报案？",  # burgled last week: how do I report it?
    "警察什么时候回复？我的自行车被偷了",
    "我儿子在学校被欺负了怎么办",
    "去年有人拿刀抢了我的手机，案子还在查吗？",
    "Helo, cafodd fy waled ei dwyn ddydd Sadwrn diwethaf. Alla i roi gwybod ar-lein?",
    "Pryd mae'r arddangosfa tân gwyllt yn y parc eleni, a oes angen tocyn?",
    "پچھلے سال میرے بیٹے کو کسی نے گاڑی میں لے جانے کی کوشش کی تھی، کیس کا کیا ہوا؟",
    "पुलिस स्टेशन कब खुलता है? मुझे अपनी साइकिल के बारे में पूछना है",
    "هل يمكنني الطعن في مخالفة الوقوف؟",
    "الشهر الماضي كسر احد باب سيارتي، هل يمكنني التبليغ؟",
    "Wie melde ich einen Einbruch von letzter Woche?",
    "Folgt mir die Polizei auf Instagram?",
]


@pytest.mark.parametrize("text", ORDINARY_15E)
def test_issue_15e_ordinary_questions_in_other_languages_are_not_urgent(text: str) -> None:
    assert not looks_urgent(text), assess(text)


async def test_a_chinese_emergency_gets_the_chinese_guidance_and_an_urgent_card(
    h: CoreHarness,
) -> None:
    # The third unseen set's Chinese miss, as a concept: a man attacking
    # with a knife, someone bleeding.
    replies = await h.resident_says(
        "7114", f"{PHRASE} 救命！有个男人在我们店里拿刀砍人，流了很多血，快来！"
    )
    assert replies[0].startswith("如果您或其他人有危险"), replies[0]
    assert replies[1].startswith(EMERGENCY_OPENING), replies[1]
    (card,) = h.messages_to(STAFF_CHAT)
    assert "URGENT" in plain(card.body) and "Chinese" in plain(card.body)


async def test_a_hindi_emergency_gets_the_english_guidance_and_a_card_naming_hindi(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        "7115", f"{PHRASE} मेरी बेटी को ज़बरदस्ती गाड़ी में डाल कर ले गए, अभी अभी"
    )
    assert any(r.startswith(EMERGENCY_OPENING) for r in replies), replies
    (card,) = h.messages_to(STAFF_CHAT)
    assert "URGENT" in plain(card.body) and "Hindi" in plain(card.body)


# Issue 15e: for each language, new sentences (written for this test, not
# from any corpus) for the main emergencies, in this order: attacked by a
# partner now, a gun, fire with children inside, a child missing, not
# breathing, suicide tonight, being followed, breaking in now. Written
# before the phrases that catch them: 26 of the 120 were missed, and the
# phrase families were widened by what each miss showed (docs/safeguarding.md).
MAIN_EMERGENCIES = {
    "cy": [
        "Mae fy ngŵr yn fy nharo i nawr, helpwch",
        "Mae dyn efo gwn tu allan i'r ysgol",
        "Mae'r fflat ar dân ac mae fy mhlant i mewn yna",
        "Dw i ddim yn gallu ffeindio fy mab, mae o'n bump oed",
        "Dydy Dad ddim yn anadlu",
        "Dw i'n mynd i ladd fy hun heno",
        "Mae dyn wedi bod yn fy nilyn i ers y dref",
        "Mae rhywun yn torri mewn i'r tŷ nawr",
    ],
    "pl": [
        "Mąż mnie teraz bije, pomóżcie",
        "Jakiś facet ma pistolet przed szkołą",
        "Mieszkanie się pali, a dzieci są w środku",
        "Nie mogę znaleźć syna, ma pięć lat",
        "Tata nie oddycha",
        "Zaraz się zabiję, nie chcę już żyć",
        "Jakiś mężczyzna idzie za mną od stacji",
        "Ktoś właśnie włamuje się do domu",
    ],
    "ro": [
        "Soțul meu mă bate acum, ajutați-mă",
        "Un bărbat are o armă în fața școlii",
        "Apartamentul arde și copiii mei sunt înăuntru",
        "Nu-mi găsesc fiul, are cinci ani",
        "Tata nu mai respiră",
        "Vreau să mă sinucid în seara asta",
        "Un bărbat mă urmărește de la gară",
        "Cineva intră prin efracție acum în casă",
    ],
    "pt": [
        "O meu marido está a bater-me agora, ajudem",
        "Um homem tem uma arma em frente à escola",
        "O apartamento está a arder e os meus filhos estão lá dentro",
        "Não encontro o meu filho, ele tem cinco anos",
        "O meu pai não está a respirar",
        "Vou-me matar esta noite",
        "Um homem está a seguir-me desde a estação",
        "Alguém está a arrombar a porta agora",
    ],
    "es": [
        "Mi marido me está pegando ahora, ayuda",
        "Un hombre tiene una pistola delante del colegio",
        "El piso está ardiendo y mis hijos están dentro",
        "No encuentro a mi hijo, tiene cinco años",
        "Mi padre no respira",
        "Me voy a suicidar esta noche",
        "Un hombre me está siguiendo desde la estación",
        "Alguien está entrando a la fuerza en mi casa ahora",
    ],
    "it": [
        "Mio marito mi sta picchiando adesso, aiuto",
        "Un uomo ha una pistola davanti alla scuola",
        "L'appartamento va a fuoco e i miei figli sono dentro",
        "Non trovo mio figlio, ha cinque anni",
        "Mio padre non respira",
        "Stasera mi uccido",
        "Un uomo mi sta seguendo dalla stazione",
        "Qualcuno sta entrando in casa adesso, forzando la porta",
    ],
    "fr": [
        "Mon mari me frappe maintenant, aidez-moi",
        "Un homme a une arme devant l'école",
        "L'appartement brûle et mes enfants sont à l'intérieur",
        "Je ne trouve plus mon fils, il a cinq ans",
        "Mon père ne respire plus",
        "Je vais me suicider ce soir",
        "Un homme me suit depuis la gare",
        "Quelqu'un force la porte de chez moi en ce moment",
    ],
    "de": [
        "Mein Mann schlägt mich gerade, Hilfe",
        "Ein Mann hat eine Waffe vor der Schule",
        "Die Wohnung brennt und meine Kinder sind noch drin",
        "Ich finde meinen Sohn nicht, er ist fünf",
        "Mein Vater atmet nicht",
        "Ich bringe mich heute Nacht um",
        "Ein Mann verfolgt mich seit dem Bahnhof",
        "Jemand bricht gerade in unser Haus ein",
    ],
    "tr": [
        "Kocam şu anda beni dövüyor, yardım edin",
        "Okulun önünde silahlı bir adam var",
        "Daire yanıyor ve çocuklarım içeride",
        "Oğlumu bulamıyorum, beş yaşında",
        "Babam nefes almıyor",
        "Bu gece kendimi öldüreceğim",
        "Bir adam istasyondan beri beni takip ediyor",
        "Biri şu anda eve zorla giriyor",
    ],
    "ar": [
        "زوجي يضربني الآن ساعدوني",
        "رجل معه مسدس أمام المدرسة",
        "الشقة تحترق وأطفالي في الداخل",
        "لا أجد ابني عمره خمس سنوات",
        "أبي لا يتنفس",
        "سأنتحر الليلة",
        "رجل يلاحقني من المحطة",
        "شخص يقتحم البيت الآن",
    ],
    "ur": [
        "میرا شوہر ابھی مجھے مار رہا ہے",
        "اسکول کے باہر ایک آدمی کے پاس بندوق ہے",
        "فلیٹ میں آگ لگی ہے اور میرے بچے اندر ہیں",
        "میرا بیٹا نہیں مل رہا، پانچ سال کا ہے",
        "ابو سانس نہیں لے رہے",
        "میں آج رات خودکشی کر لوں گی",
        "ایک آدمی اسٹیشن سے میرا پیچھا کر رہا ہے",
        "کوئی ابھی گھر میں گھس رہا ہے",
    ],
    "hi": [
        "मेरा पति अभी मुझे मार रहा है",
        "स्कूल के बाहर एक आदमी के पास बंदूक है",
        "फ्लैट में आग लगी है और मेरे बच्चे अंदर हैं",
        "मेरा बेटा नहीं मिल रहा, पाँच साल का है",
        "पापा सांस नहीं ले रहे",
        "मैं आज रात आत्महत्या कर लूँगी",
        "एक आदमी स्टेशन से मेरा पीछा कर रहा है",
        "कोई अभी घर में घुस रहा है",
    ],
    "zh": [
        "我老公现在正在打我，救命",
        "学校门口有个男人拿着枪",
        "公寓着火了，我的孩子还在里面",
        "我找不到我儿子了，他五岁",
        "我爸爸没有呼吸了",
        "我今晚就要自杀",
        "有个男人从车站一直跟着我",
        "有人正在撬门闯进我家",
    ],
    "bn": [
        "আমার স্বামী এখন আমাকে মারছে",
        "স্কুলের সামনে একজন লোকের হাতে বন্দুক",
        "ফ্ল্যাটে আগুন লেগেছে, আমার বাচ্চারা ভিতরে",
        "আমার ছেলেকে খুঁজে পাচ্ছি না, পাঁচ বছর বয়স",
        "বাবা শ্বাস নিচ্ছে না",
        "আমি আজ রাতে আত্মহত্যা করব",
        "একজন লোক স্টেশন থেকে আমার পিছু নিয়েছে",
        "কেউ এখন ঘরে ঢুকছে",
    ],
    "fa": [
        "شوهرم الان داره منو میزنه",
        "یه مرد جلوی مدرسه اسلحه داره",
        "آپارتمان آتش گرفته و بچه هام داخلن",
        "پسرم گم شده، پنج سالشه",
        "پدرم نفس نمیکشه",
        "امشب خودمو میکشم",
        "یه مرد از ایستگاه داره دنبالم میاد",
        "یکی داره در رو میشکنه میاد تو خونه",
    ],
}


@pytest.mark.parametrize(
    ("code", "text"), [(c, t) for c, ts in MAIN_EMERGENCIES.items() for t in ts]
)
def test_the_main_emergencies_in_each_language_are_urgent(code: str, text: str) -> None:
    said = assess(text)
    assert said.urgent and said.language == code, said


# The words of the new phrases in ordinary questions: not urgent.
@pytest.mark.parametrize(
    "text",
    [
        "Mon voisin a un fusil de chasse, est-ce légal ?",
        "Dzień dobry, jak mogę zgłosić kradzież roweru z zeszłego tygodnia?",
        "Alguém partiu o vidro do meu carro no fim de semana passado, como faço queixa?",
        "Samedi dernier on m'a volé mon vélo devant la gare, que faire ?",
        "Wie melde ich, dass jemand letzte Woche bei uns eingebrochen ist?",
        "我的手机昨天被偷了，怎么报案？",
    ],
)
def test_the_new_phrases_leave_ordinary_questions_alone(text: str) -> None:
    assert not looks_urgent(text), assess(text)
