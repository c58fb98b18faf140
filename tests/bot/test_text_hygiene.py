"""Text hygiene (issue 14, kind 9): bidirectional controls and invisible
characters cannot disguise what officers and the public read, nor hide a
phone number or a danger word from redaction and triage; emoji sequences
keep working; the forum's phrase is never at the start of what is
published, however it was written."""

from __future__ import annotations

import pytest

from bot.edge.rich import plain
from bot.edge.text import clean_text, strip_hidden
from bot.forum.directory import ForumDirectory
from bot.safeguarding.redaction import suggest_publishable
from bot.safeguarding.triage import assess
from bot.store.database import fetch_one
from tests.support.core_harness import PUBLIC_CHAT, STAFF_CHAT, CoreHarness, forum_config

ASK = "Bromley Police Online Forum "
HIDDEN = [
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
]
"""Every character that must not survive between two ASCII letters."""

EMOJI = [
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # family
    "\U0001f3f3\ufe0f\u200d\U0001f308",  # rainbow flag
    "\U0001f469\U0001f3fd\u200d\u2695\ufe0f",  # health worker, skin tone
    "\u2764\ufe0f\u200d\U0001f525",  # heart on fire
    "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",  # England
]


async def _publish(h: CoreHarness, text: str) -> tuple[str, str]:
    """``text`` asked, approved as suggested and answered in a live session:
    (the officers' card, the public post)."""
    await h.resident_says("5001", text)
    card = h.texts_to(STAFF_CHAT)[-1]
    await h.staff_says("/open")
    await h.staff_says("/approve 1")
    await h.staff_says("/answer 1 Yes.")
    post = next(t for t in reversed(h.texts_to(PUBLIC_CHAT)) if "Question #1" in t)
    return card, post


@pytest.mark.parametrize("char", HIDDEN)
def test_no_hidden_character_survives_between_letters(char: str) -> None:
    assert clean_text(f"is k{char}ill ok") == "is kill ok"
    assert strip_hidden(f"07700{char}900123") == "07700900123"


@pytest.mark.parametrize("emoji", EMOJI)
def test_emoji_sequences_keep_their_joiners(emoji: str) -> None:
    assert clean_text(f"thanks {emoji} officers") == f"thanks {emoji} officers"


def test_persian_keeps_its_non_joiner() -> None:
    word = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "I want", as Persian writes it
    assert clean_text(word) == word


async def test_a_reversed_text_reads_the_same_to_officers_and_the_public(
    h: CoreHarness,
) -> None:
    card, post = await _publish(h, ASK + "is \u202eevil\u202c text \u2067ok\u2069?")
    assert "As received:\nBromley Police Online Forum is evil text ok?" in card
    assert "labels in bold):\nIs evil text ok?" in card
    assert "Question #1\nIs evil text ok?" in post
    async with h.core.db.read() as tx:
        row = await fetch_one(tx, "SELECT text, publishable FROM question WHERE id = 1")
    assert row is not None
    assert tuple(row) == ("Bromley Police Online Forum is evil text ok?", "Is evil text ok?")
    for message in h.sender.sent:
        assert not any(c in plain(message.body) for c in "\u202e\u202c\u2067\u2069")


async def test_an_officers_answer_cannot_be_reversed_either(h: CoreHarness) -> None:
    await h.resident_says("5001", ASK + "is the road safe?")
    await h.staff_says("/open")
    await h.staff_says("/answer 1 It is \u202edeifirev\u202c now.")
    (answer,) = [t for t in h.texts_to("5001") if "Answer to your question" in t]
    assert "It is deifirev now." in answer and "\u202e" not in answer


async def test_a_phone_number_with_zero_width_characters_is_still_redacted(
    h: CoreHarness,
) -> None:
    await h.resident_says("5001", ASK + "call me on 07700\u200b900\u2060123 about the van")
    (card,) = h.texts_to(STAFF_CHAT)
    assert "Call me on [phone] about the van" in card
    assert "900123" not in card.split("labels in bold):")[1]
    # Redaction sees through them even if they reached it.
    assert suggest_publishable("ring 07700\u200b900\u200d123") == "ring [phone]"


@pytest.mark.parametrize("char", HIDDEN)
async def test_a_danger_word_split_by_a_hidden_character_is_still_urgent(
    h: CoreHarness, char: str
) -> None:
    message = f"someone is b{char}reaking into my house right now"
    assert assess(message).urgent  # triage alone, whatever reaches it
    replies = await h.resident_says("5001", ASK + message)
    assert "call 999 now" in replies[0]
    assert any("URGENT" in t for t in h.texts_to(STAFF_CHAT))


def test_triage_reads_fullwidth_letters_as_letters() -> None:
    assert assess("someone is \uff42\uff52\uff45\uff41\uff4b\uff49\uff4e\uff47 in right now").urgent


@pytest.mark.parametrize(
    ("asked", "published"),
    [
        ("Bromley Police Online Forum is Elm Road patrolled?", "Is Elm Road patrolled?"),
        ("bromley police online forum is Elm Road patrolled?", "Is Elm Road patrolled?"),
        ("BROMLEY POLICE ONLINE FORUM: is Elm Road patrolled?", "Is Elm Road patrolled?"),
        ("Bromley  Police   Online Forum - is Elm Road patrolled?", "Is Elm Road patrolled?"),
        ("Bromley, Police Online Forum, is Elm Road patrolled?", "Is Elm Road patrolled?"),
        ("  Bromley Police Online Forum:- is Elm Road patrolled?", "Is Elm Road patrolled?"),
        ("Bromley Police Online Forum \u2014 is Elm Road patrolled?", "Is Elm Road patrolled?"),
        ("Bromley Police Online Forum... is Elm Road patrolled?", "Is Elm Road patrolled?"),
        ("Bromley Police Online Forum\nis Elm Road patrolled?", "Is Elm Road patrolled?"),
        ("Bromley\u200b Police Online Forum is Elm Road patrolled?", "Is Elm Road patrolled?"),
        ("Bromley Police Online Forum @everyone look", "@everyone look"),
        ("Bromley Police Online Forum \u201cwhy\u201d?", "\u201cwhy\u201d?"),
    ],
)
async def test_the_forums_phrase_is_never_published(
    h: CoreHarness, asked: str, published: str
) -> None:
    _card, post = await _publish(h, asked)
    assert f"Question #1\n{published}\nAnswer" in post


def test_a_phrase_elsewhere_or_alone_is_left_as_written() -> None:
    forum = forum_config("x").forums[0]
    assert ForumDirectory.without_phrase(forum, "Hello Bromley Police Online Forum x") == (
        "Hello Bromley Police Online Forum x"
    )
    assert ForumDirectory.without_phrase(forum, "Bromley Police Online Forums x") == (
        "Bromley Police Online Forums x"
    )
    assert ForumDirectory.without_phrase(forum, "Bromley Police Online Forum!") == (
        "Bromley Police Online Forum!"
    )
