"""A message in another language gets the emergency guidance in that
language first, and the card tells officers which language it is (issue 15).
Identification is lingua's, limited to English, Welsh and the UK's most-used
community languages (bot/safeguarding/language.py)."""

from __future__ import annotations

import pytest

from bot.edge.rich import plain
from bot.safeguarding.language import identify
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
