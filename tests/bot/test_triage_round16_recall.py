"""Issue 15, round 16: urgent recall by concept
(docs/triage-figures.md, "Round 16: urgent recall by concept").

The thirteenth set (spent: tests/data/triage/unseen_2026_12_01_a/_b) missed
three emergencies. Each is a concept a new writer words differently, so each
is built as a concept (vocabulary blocks and one rule reading them; phrases in
every language of data/other_languages.yaml) and written here in other voices
(text-speak, Scots, Geordie, Yorkshire, elderly formal, non-native,
rambling) before the rules were, beside look-alikes that must stay ordinary:

1. a stroke's signs (FAST: the face gone to one side, an arm or leg that
   will not move, speech gone or wrong, "suddenly"), and other sudden
   medical signs (blue lips, cannot wake, not making sense); in English
   (``danger.stroke_signs``) and every other language;
2. a farewell without a farewell word: a leave-taking act ("look after my
   boys", "tell mum I'm sorry") beside a place of danger or a silence now
   ("turned his location off") (``self_harm.farewell_unsaid``);
3. a child missing said indirectly ("they've come back without him", "not
   home and it's dark", "nobody's seen her since four", "missing again
   tonight") (``danger.child_not_back``).

Every wording goes through ``assess`` (the whole triage); the English
emergencies are also checked on the rules alone (``engine.by_rules``), so
they do not rest on the model, which another helper retrains."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.safeguarding.triage import Concern, assess
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.normalise import normalise

CORPUS = Path(__file__).resolve().parents[1] / "data" / "triage"

# The rules this round adds.
NEW_RULES = {"danger.stroke_signs", "danger.child_not_back", "self_harm.farewell_unsaid"}

# --- 1. A stroke's signs, and other sudden medical signs --------------------------

STROKE_URGENT = [
    "my dad's face has gone to one side and he can't lift his right arm, what do i do",
    "Nan's talking gibberish all of a sudden and her mouth is drooping on the left. She's sat in "
    "her chair now.",
    "I am writing because my husband at this moment cannot speak properly and his left arm will "
    "not move. I do not know whom to call.",
    "mum words coming out all wrong and she cant lift her arm up, happened 10 mins ago",
    "My father suddenly not able to speak, his face is crooked one side. Please what I do?",
    "Our lass has come over all daft, her face has slipped on one side and her speech is "
    "slurred, she was fine at tea",
    "husband just collapsed onto the sofa, one side of his face has dropped and he's not making "
    "sense",
    "my grandad cant move his left leg or arm and his speech is all muddled, started just now",
    "He woke up and his mouth's pulled to one side and he can't get his words out. Is that a "
    "stroke?",
    "sudden worst headache of her life, she's being sick and now she's confused and can't lift "
    "her arm",
    "my brother's lips have gone blue and I can't wake him",
    "Me mam's not making sense and she's burning up and shaking, her lips have gone blue",
    "Och, ma da's face has gone aw lopsided an he cannae lift his arm, he's sat in the kitchen",
    "me uncle's suddenly slurring his words, sat in t' front room, he's never like this",
    # written after the rules, as a check; the first two were caught by the model
    # alone until "one side of her mouth" and "cannot form words" were read
    "grandma keeps dropping her cup and one side of her mouth has gone down, she's muddled",
    "my husband has gone very odd, his left side has gone floppy and he cannot form words",
    "wife woke up with her face all droopy on the right and she can't hold her tea",
]
# Live emergencies in the words of the round's guard ("learn the signs"):
# they must stay urgent.
STROKE_URGENT_IN_GUARD_WORDS = [
    "I know the signs of a stroke and my dad has them now, his face is drooping to one side "
    "and he cannot lift his arm",
    "we learned the signs at first aid and now my nan is showing them, her face has dropped "
    "and she cant speak",
]
STROKE_ORDINARY = [
    "Is there a stroke awareness talk at the library? I would like to learn the signs like "
    "face drooping and arm weakness.",
    "We are doing a stroke awareness talk at the WI on Tuesday, teaching the signs of a face "
    "drooping to one side and slurred speech. Can a PCSO come?",
    "My nan had a stroke last year and her face still droops a bit on one side. Can she still "
    "get a blue badge?",
    "Dad's been in rehab since his stroke in March, his speech is slow but improving. Who do I "
    "ask about his driving licence?",
    "We did first aid at work today: if someone's face drops or they can't lift both arms, "
    "call 999.",
    "I can't speak to anyone at the council, they never answer. Who deals with fly tipping?",
    "My son can't lift his arm after rugby, sprained it last week. Nothing police related, "
    "just venting lol",
    "Can't speak Welsh well, is there an English form for reporting a lost wallet?",
    "The words on the parking sign are all wrong, it says no waiting but the lines are gone.",
]

# --- 2. A farewell without a farewell word ---------------------------------------

FAREWELL_URGENT = [
    "Also my friend Dean has gone quiet since his divorce. He's just posted a photo of the "
    "bridge at night with 'look after my boys' and he's turned his location off.",
    "my mate sent me 'tell mum im sorry' and a pic of the train tracks, now hes not answering",
    "She has given away her cat and her jewellery this week and this evening she messaged "
    "'you won't have to worry about me much longer'. Her phone is now off.",
    "bestie posted a picture from the top of the cliffs at Flamborough saying thanks for "
    "everything x, her location's off and she won't pick up",
    "My cousin texted 'look after the kids for me' and then his phone went dead, he was by the "
    "railway line last I heard",
    "Since his wife died Ahmed said he won't be a problem for anyone much longer and he sent me "
    "his bank card and pin. Now his location switched off.",
    "wor kid just messaged 'sorry for everything, love you all' with a photo off the viaduct, "
    "not answering his phone",
    "He's put 'tell my girls I love them' on Facebook with a picture of the multi storey roof. "
    "Nobody can get hold of him.",
    "My friend who lost her baby in the summer has just texted me 'thank you for being my "
    "friend, look after Bella' and her phone's going straight to voicemail",
    "Hello, I wish to ask about the bin collection on Friday. Also my neighbour Mr Patel, who "
    "lost his wife in spring, gave me his house keys and his cat this afternoon and said to "
    "look after them, and now his car is gone and his telephone goes straight to voicemail. "
    "Perhaps I worry for nothing. Thank you about the bins.",
]
FAREWELL_ORDINARY = [
    # the writer's own thanks, and a silence: written after the first rule,
    # which took them; the act must now be told as someone's words
    "Thanks for everything you do. I rang 101 twice and got no answer, how else can I report "
    "a burglary from last week?",
    "I gave away my old bike and now the buyer is not answering, is that fraud?",
    "thank you for being there for us last year. I tried calling the officer but no answer, "
    "can you pass on thanks?",
    "My friend went quiet after her divorce but she answered this morning, she's okay, just "
    "tired. Is there a support group in Hull?",
    "He posted a photo of the Humber Bridge at sunset with 'thanks for everything' on his "
    "leaving do. Is the bridge shut for the fun run?",
    "My son's giving away his old toys to the charity shop, is there a drop off point near the "
    "station?",
    "My location is off on my phone, does that mean the police can't find my stolen bike?",
    "Our old neighbour gave away all his furniture before moving to Spain. Can we report an "
    "abandoned car left behind?",
    "My friend lost his dad last month and posted a photo of the cliffs where they scattered "
    "the ashes, lovely post. Anything about parking at the cliff top?",
]
# Look-alikes whose verdict rests on older rules or the model (an old
# farewell phrase, the model's word for "look after my boys"): the round's
# rules must not be what fires on them.
FAREWELL_NOT_THE_NEW_RULE = [
    "Love you all at the station! My neighbour is not answering her door but she is on "
    "holiday in Spain.",
    "Please look after my nan's house while she is away, her phone is off as she is abroad.",
    "'Look after my boys' he said as he left for his shift at the railway depot, bless him. "
    "Anyway parking near the station?",
    "Tell mum I'm sorry I missed her birthday, was working. Is the front desk open Sundays?",
]

# --- 3. A child missing, said indirectly -----------------------------------------

CHILD_URGENT = [
    "My son is 7 and was playing on the green with his cousins and they've come back without "
    "him. It's starting to get dark.",
    "the others all came home but my Jayden didn't, he's 9, they were at the park",
    "my daughter is not home from school and it's dark now, she is 10, her friends don't know "
    "where she went",
    "Nobody's seen our Lily since four o'clock, she's six, we've checked everywhere",
    "Ma wee boy went oot wi his pals tae the burn an they've come hame withoot him, he's eight",
    "He was found last week but he's missing again tonight, he's 13 and in care",
    "my little girl went to the shop with her brother and he came back without her. 20 "
    "minutes ago.",
    "Excuse me, my grandson of 11 years has not returned from school and it is getting dark. "
    "His friends came home already.",
    "no one has seen him since half three, he's only 5 and his scooter is in the garden",
    "she ran off again tonight, 14, third time this month, nobody knows where",
    "our Kayden's been gone since 5 n he's not answering his phone, he's 12 and it's freezing",
]
CHILD_ORDINARY = [
    "My son came back without his coat again, left it at school. Is there a lost property at "
    "the police station?",
    "Found a missing child poster on the lamp post in Leeds Road, is the boy still missing or "
    "was he found?",
    "The kids came back without the football, it went over the fence into the railway. Who do "
    "I call?",
    "My daughter went missing for an hour last year and the police were brilliant. I'd like to "
    "thank them.",
    "Nobody's seen the cat since Tuesday, she's 12, is it worth reporting?",
    "Our lad wasn't home from school till late, he'd gone to his mate's, he's fine. Should "
    "schools text parents?",
    "He's back home now, found safe at his nan's. Do we need to let you know?",
    "My husband came home without her present, he forgot it at the shop. Any idea if Argos are "
    "open late?",
]

# --- 1 in other languages: (language, message) -----------------------------------

STROKE_OTHER_LANGUAGES = [
    ("bn", "আমার মা হঠাৎ কথা বলতে পারছে না, মুখ একদিকে বেঁকে গেছে। কী করব?"),
    ("bn", "বাবার ডান হাত নাড়াতে পারছেন না, প্লিজ সাহায্য করুন"),
    ("cy", "Mae wyneb fy nhad wedi disgyn i un ochr ac mae e'n methu symud ei fraich"),
    ("cy", "Yn sydyn mae Mam yn methu siarad, beth ddylwn i wneud?"),
    ("pl", "Mój tata nagle nie może mówić i ma twarz opadniętą na jedną stronę"),
    ("pl", "Babcia nie może ruszyć ręką, chyba udar, co robić"),
    ("ro", "Tatăl meu brusc nu mai poate vorbi și are fața strâmbă"),
    ("pt", "O meu avô de repente não consegue falar e a boca está torta"),
    ("es", "Mi madre de repente no puede hablar y tiene la cara torcida hacia un lado"),
    ("de", "Mein Vater kann plötzlich nicht mehr sprechen, der Mund hängt auf einer Seite"),
    ("fr", "Mon père ne peut plus bouger le bras et son visage est tordu d'un côté"),
    ("it", "Mio nonno all'improvviso non riesce a parlare e ha la bocca storta"),
    ("lt", "Mano tėtis staiga negali kalbėti, veidas perkreiptas"),
    ("so", "Aabbahay si lama filaan ah ma hadli karo, wejigiisa wuu qalloocday"),
    ("tr", "Babam birden konuşamıyor, ağzı yana kaydı"),
    ("fa", "پدرم یهو نمیتونه حرف بزنه و دهنش کج شده"),
    ("ar", "أبي فجأة ما يقدر يتكلم ووجهه مائل لجهة واحدة"),
    ("ur", "میرے ابو اچانک بول نہیں سکتے اور منہ ایک طرف ٹیڑھا ہو گیا ہے"),
    ("ur", "mere abbu achanak bol nahi pa rahe aur munh ek taraf latak gaya"),
    ("hi", "मेरे पापा अचानक बोल नहीं पा रहे, मुंह एक तरफ टेढ़ा हो गया"),
    ("pa", "ਮੇਰੇ ਪਿਤਾ ਜੀ ਅਚਾਨਕ ਬੋਲ ਨਹੀਂ ਸਕਦੇ, ਮੂੰਹ ਇੱਕ ਪਾਸੇ ਟੇਢਾ ਹੋ ਗਿਆ"),
    ("gu", "મારા પપ્પા અચાનક બોલી શકતા નથી અને મોઢું એક બાજુ વાંકું થઈ ગયું"),
    ("ta", "என் அப்பா திடீரென்று பேச முடியவில்லை, வாய் ஒரு பக்கம் கோணலாக உள்ளது"),
    ("zh", "我爸爸突然说不出话，嘴歪了"),
    ("ru", "У папы вдруг лицо перекосило на одну сторону, он не может поднять руку"),
    ("uk", "Тато раптом не може говорити, обличчя перекосило"),
    ("bg", "Баща ми изведнъж не може да говори, лицето му е изкривено"),
    ("cs", "Táta najednou nemůže mluvit a má povislý koutek"),
    ("sk", "Otec zrazu nemôže hovoriť, tvár má ovisnutú na jednu stranu"),
    ("sq", "Babai papritur nuk mund të flasë, goja iu shtrembërua"),
    ("vi", "Bố tôi đột nhiên không nói được, miệng bị méo"),
    ("hu", "Apám hirtelen nem tud beszélni, az arca elferdült"),
    ("lv", "Tētis pēkšņi nevar runāt, seja šķība"),
    ("el", "Ο πατέρας μου ξαφνικά δεν μπορεί να μιλήσει και το στόμα στράβωσε"),
    ("tl", "Biglang hindi makapagsalita si tatay at tumabingi ang bibig niya"),
    ("id", "Ayah saya tiba tiba tidak bisa bicara dan mulutnya mencong"),
    ("ne", "मेरो बुबा अचानक बोल्न सक्नुहुन्न, मुख बाङ्गो भयो"),
    ("sw", "Baba yangu ghafla hawezi kuongea na uso umepinda"),
]
# Look-alikes in the same languages: a stroke told as past, a talk, a
# language not spoken, a moved car.
STROKE_OTHER_LANGUAGES_ORDINARY = [
    "Moja babcia miała udar w zeszłym roku, czy może dostać niebieską kartę parkingową?",
    "আমার দাদির গত বছর স্ট্রোক হয়েছিল, এখন ভালো আছেন। পার্কিং পারমিট কোথায় পাব?",
    "Mi abuela tuvo un ictus el año pasado, ¿puede tener tarjeta de aparcamiento?",
    "میں انگریزی نہیں بول سکتا، کیا اردو میں فارم ہے؟",
    "Nie mówię dobrze po angielsku, gdzie mogę zgłosić kradzież roweru?",
    "Tôi bị mất mèo hôm qua, có nên báo cảnh sát không?",
    "Babam arabayı park yerinden çekemiyor, yüzü aşkın kaydı var mı?",
    "我的手机动不了了，去哪里修？",
]


# --- 3 in other languages: "the others came back without him/her" ---------------

CHILD_OTHER_LANGUAGES = [
    ("cy", "Aeth fy mab i chwarae efo'i gefndryd ac maen nhw wedi dod nôl hebddo"),
    ("pl", "Mój syn bawił się z kuzynami na placu, wrócili bez niego, robi się ciemno"),
    ("ro", "Fiul meu era în parc cu verii lui și s-au întors fără el"),
    ("pt", "O meu filho estava no parque com os primos e eles voltaram sem ele"),
    ("es", "Mi hija jugaba con sus primos en el parque y volvieron sin ella"),
    ("fr", "Mon fils jouait avec ses cousins, ils sont revenus sans lui"),
    ("it", "Mio figlio giocava con i cugini e sono tornati senza di lui"),
    ("de", "Mein Sohn hat mit seinen Cousins gespielt und sie sind ohne ihn zurückgekommen"),
    ("ar", "ابني كان يلعب مع أولاد عمه ورجعوا بدونه"),
    ("ur", "mera beta cousins ke sath khel raha tha, wo us ke baghair wapas aa gaye"),
    ("ur", "میرا بیٹا کزنز کے ساتھ کھیل رہا تھا اور وہ اس کے بغیر واپس آ گئے"),
    ("bn", "আমার ছেলে চাচাতো ভাইদের সাথে খেলছিল, ওরা ওকে ছাড়া ফিরে এসেছে"),
    ("tr", "Oğlum kuzenleriyle parktaydı, onsuz döndüler"),
    ("ru", "Сын играл с братьями во дворе, они вернулись без него"),
    ("so", "Wiilkayga wuxuu la ciyaarayay ilma adeerkii, waxay ku soo laabteen isaga la'aantiis"),
    ("zh", "我儿子和表哥们在公园玩，其他人都回来了，就他没回来"),
]
# Look-alikes: without it (a car, a coat), came without him to a party.
CHILD_OTHER_LANGUAGES_ORDINARY = [
    "Mis hijos volvieron sin el coche, lo dejaron en el aparcamiento. ¿Dónde denuncio una multa?",
    "Przyszli bez niego na imprezę, bo był chory. Gdzie zgłosić hałas?",
    "Они пришли без него на праздник, он работал. Где оплатить штраф?",
]


# --- Sudden medical signs in other languages: cannot wake someone, blue lips ----

WAKE_OTHER_LANGUAGES = [
    ("pl", "Mój syn ma sine usta i nie mogę go obudzić"),
    ("ur", "mere abbu jaga nahi pa rahe, hont neele ho gaye"),
    ("bn", "বাবাকে জাগাতে পারছি না, ঠোঁট নীল হয়ে গেছে"),
    ("pt", "Não consigo acordar o meu pai"),
    ("tr", "Babamı uyandıramıyorum, dudakları morardı"),
    ("fr", "Je n'arrive pas à réveiller mon fils"),
    ("ru", "Не могу разбудить отца, губы синие"),
    ("so", "Aabbahay ma toosin karo"),
    ("es", "No puedo despertar a mi padre, tiene los labios morados"),
    ("vi", "Tôi không gọi dậy được bố tôi, môi tím"),
]
# The writer's own waking, and a habit, are not these phrases'.
WAKE_OTHER_LANGUAGES_ORDINARY = [
    "Nie mogę się obudzić rano przez hałas z budowy, gdzie to zgłosić?",
    "Oğlum sabahları okul için uyanmıyor, ne yapabilirim?",
]


def _rules_say_urgent(text: str) -> bool:
    return by_rules(normalise(text)).urgent


@pytest.mark.parametrize(
    "text", STROKE_URGENT + STROKE_URGENT_IN_GUARD_WORDS + FAREWELL_URGENT + CHILD_URGENT
)
def test_the_concepts_are_urgent_on_the_rules_alone(text: str) -> None:
    assert assess(text).urgent
    assert _rules_say_urgent(text)


@pytest.mark.parametrize("text", FAREWELL_URGENT)
def test_a_farewell_without_a_farewell_word_is_self_harm(text: str) -> None:
    assert assess(text).concern is Concern.SELF_HARM


@pytest.mark.parametrize("text", STROKE_ORDINARY + FAREWELL_ORDINARY + CHILD_ORDINARY)
def test_look_alikes_stay_ordinary(text: str) -> None:
    assert assess(text).concern is Concern.NONE


@pytest.mark.parametrize("text", FAREWELL_NOT_THE_NEW_RULE)
def test_the_new_rules_do_not_fire_on_a_plain_goodbye_or_apology(text: str) -> None:
    assert by_rules(normalise(text)).reason not in NEW_RULES


@pytest.mark.parametrize(("language", "text"), STROKE_OTHER_LANGUAGES)
def test_a_stroke_in_other_languages_is_urgent_in_its_language(language: str, text: str) -> None:
    found = assess(text)
    assert found.concern is Concern.DANGER
    assert found.language == language


@pytest.mark.parametrize(("language", "text"), WAKE_OTHER_LANGUAGES)
def test_cannot_wake_and_blue_lips_in_other_languages_are_urgent(language: str, text: str) -> None:
    found = assess(text)
    assert found.concern is Concern.DANGER
    assert found.language == language


@pytest.mark.parametrize(("language", "text"), CHILD_OTHER_LANGUAGES)
def test_a_child_not_come_back_in_other_languages_is_urgent(language: str, text: str) -> None:
    found = assess(text)
    assert found.concern is Concern.DANGER
    assert found.language == language


@pytest.mark.parametrize(
    "text",
    STROKE_OTHER_LANGUAGES_ORDINARY
    + CHILD_OTHER_LANGUAGES_ORDINARY
    + WAKE_OTHER_LANGUAGES_ORDINARY,
)
def test_look_alikes_in_other_languages_stay_ordinary(text: str) -> None:
    assert assess(text).concern is Concern.NONE


def test_every_language_with_danger_phrases_has_a_stroke_entry() -> None:
    """Each language with danger phrases has an entry in this round's
    section of other_languages.yaml, and most are checked above."""
    from bot.safeguarding.triage.other_languages import ENTRIES

    with_danger = {entry.language for entry in ENTRIES if entry.concern is Concern.DANGER}
    written = {language for language, _text in STROKE_OTHER_LANGUAGES}
    data = (CORPUS.parents[2] / "bot/safeguarding/triage/data/other_languages.yaml").read_text(
        encoding="utf-8"
    )
    section = data[data.index("# --- Round 16 (issue 15, r16-trecall)") :]
    in_section = {
        line.split(": ")[1] for line in section.splitlines() if line.startswith("- language")
    }
    assert with_danger <= in_section
    assert len(written) >= 30


def _line(file: str, line_id: str) -> dict[str, object]:
    with (CORPUS / file).open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row: dict[str, object] = json.loads(line)
                if row["id"] == line_id:
                    return row
    raise AssertionError(f"{file}: no line {line_id}")


@pytest.mark.parametrize(
    ("file", "line_id", "concern"),
    [
        ("unseen_2026_12_01_a.jsonl", "a13-100", Concern.DANGER),
        ("unseen_2026_12_01_a.jsonl", "a13-211", Concern.SELF_HARM),
        ("unseen_2026_12_01_b.jsonl", "b13-151", Concern.DANGER),
    ],
)
def test_the_thirteenth_sets_misses_are_urgent(file: str, line_id: str, concern: Concern) -> None:
    row = _line(file, line_id)
    assert row["urgent"] is True
    assert assess(str(row["text"])).concern is concern
