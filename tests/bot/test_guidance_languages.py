"""The emergency guidance in the resident's own language (issue 15, round 12,
second languages helper): Persian, Tamil, Bulgarian, Russian, Ukrainian,
Albanian, Hungarian, Greek, Czech, Slovak, Vietnamese, Latvian, Tagalog,
Nepali, German and Hindi have a text (``other_language_<code>`` in
config/messages/en.yaml), sent first, before the English 999 guidance; the
card says the guidance went in that language. Every language forumbot can name has either a text
or the card line "emergency guidance in English only".

The texts were machine-written, without a qualified translator
(docs/safeguarding.md, "Messages in other languages")."""

from __future__ import annotations

import html
import re

import pytest

from adapters.discord.render import escape, to_markdown
from adapters.telegram.render import to_html
from bot.edge.rich import plain
from bot.safeguarding.language import SUPPORTED
from bot.safeguarding.triage import looks_urgent
from bot.safeguarding.triage.other_languages import ENTRIES
from bot.wording.template import Templates
from bot.wording.wording import Wording
from config.messages import load_messages
from config.model import Contacts
from tests.support.core_harness import STAFF_CHAT, CoreHarness

PHRASE = "Bromley Police Online Forum"
EMERGENCY_OPENING = "If you or someone else is in danger"

# code -> (an emergency a resident writes, the opening of the guidance they
# are sent first, the language's name on the card), most-spoken in the UK
# first (2021 census).
URGENT: dict[str, tuple[str, str, str]] = {
    "fa": (
        "شوهرم داره منو میزنه و چاقو دارد، بچه ها گریه میکنند",
        "اگر شما یا شخص دیگری در خطر هستید",
        "Persian (Farsi)",
    ),
    "ta": (
        "என் கணவர் என்னை அடிக்கிறார், உதவி செய்யுங்கள்",
        "நீங்களோ வேறு ஒருவரோ ஆபத்தில் இருந்தால்",
        "Tamil",
    ),
    "bg": (
        "Помощ! Мъжът ми ме бие в момента, децата плачат в другата стая",
        "Ако вие или някой друг сте в опасност",
        "Bulgarian",
    ),
    "ru": (
        "Помогите! Муж бьёт меня прямо сейчас, дети дома",
        "Если вам или кому-то другому угрожает опасность",
        "Russian",
    ),
    "uk": (
        "Допоможіть! Чоловік б'є мене, я зачинилася у ванній",
        "Якщо вам або комусь іншому загрожує небезпека",
        "Ukrainian",
    ),
    "sq": (
        "Ndihmë! Burri im po më rreh tani dhe ka një thikë",
        "Nëse ju ose dikush tjetër është në rrezik",
        "Albanian",
    ),
    "hu": (
        "Segítség! A férjem most is ver, és kés van nála",
        "Ha Ön vagy valaki más veszélyben van",
        "Hungarian",
    ),
    "el": (
        "Βοήθεια! Ο άντρας μου με χτυπάει τώρα και έχει μαχαίρι",
        "Αν εσείς ή κάποιος άλλος κινδυνεύει",
        "Greek",
    ),
    "cs": (
        "Pomoc! Manžel mě bije a má nůž, děti jsou v pokoji",
        "Pokud jste vy nebo někdo jiný v nebezpečí",
        "Czech",
    ),
    "sk": (
        "Manžel ma bije a má nôž, deti sú v izbe",
        "Ak ste vy alebo niekto iný v nebezpečenstve",
        "Slovak",
    ),
    "vi": (
        "Cứu tôi với! Chồng tôi đang đánh tôi và có dao",
        "Nếu bạn hoặc người khác đang gặp nguy hiểm",
        "Vietnamese",
    ),
    "lv": (
        "Palīgā! Vīrs mani sit un viņam ir nazis, bērni raud",
        "Ja jums vai kādam citam draud briesmas",
        "Latvian",
    ),
    "tl": (
        "Tulong! Sinasaktan ako ng asawa ko ngayon at may kutsilyo siya",
        "Kung ikaw o ibang tao ay nasa panganib",
        "Tagalog",
    ),
    "ne": (
        "मलाई बचाउनुहोस्! मेरो श्रीमानले मलाई कुटिरहेको छ",
        "तपाईंलाई वा अरू कसैलाई खतरा छ भने",
        "Nepali",
    ),
    # named only by their danger phrases
    "de": (
        "Mein Mann schlägt mich und hat ein Messer, die Kinder weinen",
        "Wenn Sie oder eine andere Person in Gefahr sind",
        "German",
    ),
    "hi": (
        "मेरा पति मुझे मार रहा है, पुलिस को बुलाओ",
        "अगर आप या कोई और खतरे में है",
        "Hindi",
    ),
}


@pytest.mark.parametrize("code", list(URGENT))
async def test_an_emergency_gets_the_guidance_in_its_language_then_english_and_the_card_says_so(
    h: CoreHarness, code: str
) -> None:
    text, opening, name = URGENT[code]
    assert looks_urgent(text), code
    replies = await h.resident_says("7400", f"{PHRASE} {text}")
    assert replies[0].startswith(opening), replies
    assert "999" in replies[0] and "101" in replies[0]
    assert replies[1].startswith(EMERGENCY_OPENING), replies
    (card,) = h.messages_to(STAFF_CHAT)
    body = plain(card.body)
    assert "URGENT" in body
    assert f"Written in {name}. The resident was sent the emergency guidance in {name};" in body
    assert "English only" not in body


# Ordinary questions: identified, so the guidance in the language first (as
# every message in another language gets), then the question is taken as
# any other; not urgent.
ORDINARY = {
    "ru": (
        "Подскажите, пожалуйста, когда следующая встреча с полицией в библиотеке?",
        "Если вам или кому-то другому",
    ),
    "hu": (
        "Mikor lesz a következő találkozó a rendőrséggel a könyvtárban?",
        "Ha Ön vagy valaki más",
    ),
    "vi": (
        "Khi nào có buổi họp tiếp theo với cảnh sát ở thư viện?",
        "Nếu bạn hoặc người khác",
    ),
}


@pytest.mark.parametrize("code", sorted(ORDINARY))
async def test_an_ordinary_question_gets_the_guidance_in_its_language_and_is_taken(
    h: CoreHarness, code: str
) -> None:
    text, opening = ORDINARY[code]
    replies = await h.resident_says("7401", f"{PHRASE} {text}")
    assert replies[0].startswith(opening), replies
    assert not any(r.startswith(EMERGENCY_OPENING) for r in replies), replies
    assert any("#1" in r for r in replies[1:]), replies  # the acknowledgement, in English
    (card,) = h.messages_to(STAFF_CHAT)
    body = plain(card.body)
    assert "URGENT" not in body
    assert "The resident was sent the emergency guidance in" in body


def test_a_language_without_a_text_gets_the_english_only_card_line() -> None:
    # Since round 14 every language forumbot names has a text (Kurdish,
    # Pashto, Tigrinya and Amharic were the last); a force that adds a
    # language without one gets this line on the card.
    card = plain(_wording().card_language("Yoruba"))
    assert card.startswith(
        "Written in Yoruba. The resident was sent the emergency guidance in English only"
    ), card


def _wording() -> Wording:
    return Wording(Templates(load_messages("en")), Contacts(), {})


# Every language code forumbot can name: lingua's (bot/safeguarding/language.py)
# and every danger phrase's (bot/safeguarding/triage/data/other_languages.yaml).
NAMED = sorted(({*SUPPORTED.values()} | {entry.language for entry in ENTRIES}) - {"en"})
# The ones with no text yet: none since round 14 (Kurdish, Pashto, Tigrinya
# and Amharic were the last; Kurdish's text gives Kurmanji and Sorani).
ENGLISH_ONLY: set[str] = set()


def test_every_language_that_can_be_named_has_a_text_or_the_english_only_card_line() -> None:
    wording = _wording()
    assert {"cy", "pl", "so", "fa", "bg", "tl", "ku", "ne", "ti"} <= set(NAMED)
    english_only = set()
    for code in NAMED:
        name = wording.language_name(code)
        assert name != code, f"{code} has no name for the card"
        card = plain(wording.card_language(name))
        notice = wording.in_language(code)
        if notice is None:
            english_only.add(code)
            assert card == (
                f"Written in {name}. The resident was sent the emergency guidance in "
                f"English only (the forum has no text in {name}); a translation may be "
                "needed before answering."
            ), code
        else:
            assert card.startswith(
                f"Written in {name}. The resident was sent the emergency guidance in {name};"
            ), code
    assert english_only == ENGLISH_ONLY


@pytest.mark.parametrize("code", [c for c in NAMED if c not in ENGLISH_ONLY])
def test_each_text_gives_both_numbers_and_nothing_any_platform_reads_as_markup(
    code: str,
) -> None:
    contacts = Contacts()
    notice = _wording().in_language(code)
    assert notice is not None
    # One bold sentence (call 999 now) and then plain text, as the others;
    # Kurdish twice (Kurmanji, then Sorani).
    bold = [span.bold for span in notice]
    assert bold == ([True, False] * (2 if code == "ku" else 1)), code
    for first, rest in zip(notice[::2], notice[1::2], strict=True):
        assert contacts.emergency in first.text and contacts.emergency not in rest.text, code
        assert contacts.non_emergency in rest.text, code
    assert not re.search(r"[{}]|\*\*", plain(notice)), code  # every placeholder filled
    for span in notice:
        # Telegram's HTML and Discord's markdown escape nothing in them: no
        # character either reads as markup, so the text is the same plain
        # text on every platform (Facebook and the web send it as it is).
        assert html.escape(span.text, quote=False) == span.text, code
        assert escape(span.text) == span.text, code
    pairs = list(zip(notice[::2], notice[1::2], strict=True))
    assert to_html(notice) == "".join(f"<b>{b.text}</b>{r.text}" for b, r in pairs)
    assert to_markdown(notice) == "".join(
        f"**{b.text.strip()}**{b.text[len(b.text.rstrip()) :]}{r.text}" for b, r in pairs
    )
