"""Text from outside made valid: what the cleaning keeps, changes and removes,
and that a cleaned event can always be stored as UTF-8."""

from __future__ import annotations

import json

import pytest

from bot.edge.chat import ChatRef
from bot.edge.inbound import Inbound, clean_inbound
from bot.edge.text import REPLACEMENT, clean_line, clean_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("x \ud800", f"x {REPLACEMENT}"),  # a lone high surrogate
        ("\udc00 y", f"{REPLACEMENT} y"),  # a lone low surrogate
        ("a\udc00\ud800b", f"a{REPLACEMENT}{REPLACEMENT}b"),  # halves in the wrong order
        ("smile \ud83d\ude00", "smile \U0001f600"),  # a pair as two code points is joined
        ("no\x00body", "nobody"),  # NUL
        ("bell\x07 esc\x1b[31m", "bell esc[31m"),  # other C0 controls
        ("del\x7f c1\x85\x9b", "del c1"),  # DEL and C1 controls
        ("one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour"),  # line ends become \n
        ("tab\there\nnext", "tab\there\nnext"),  # tabs and newlines stay
        ("cafe\u0301", "caf\u00e9"),  # NFC
        ("Bromley \ufb01ne", "Bromley \ufb01ne"),  # NFC, not NFKC: the ligature stays
        ("Ẁales 🏴󠁧󠁢󠁷󠁬󠁳󠁿 ok", "Ẁales 🏴󠁧󠁢󠁷󠁬󠁳󠁿 ok"),  # tags and emoji untouched
        ("", ""),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    cleaned = clean_text(raw)
    assert cleaned == expected
    cleaned.encode("utf-8")  # always valid UTF-8
    assert clean_text(cleaned) == cleaned  # and stable


def test_clean_text_returns_valid_text_unchanged() -> None:
    text = "Is there a speed check planned on Elm Road? Merci, José."
    assert clean_text(text) is text


def test_clean_line_makes_one_line() -> None:
    assert clean_line("Jo\nlene\t\r\nK\x00") == "Jo lene K"


def test_a_hostile_event_is_cleaned_in_every_field_and_can_be_stored() -> None:
    event = Inbound(
        platform="telegram",
        event_key="77\x00",
        chat=ChatRef("telegram", "5001\ud800", "private"),
        sender_id="5001",
        text="Bromley \ud800 road\x00 safe?\r\n",
        sender_handle="jo\nlene\udfff",
        sender_roles=("r\x01",),
        message_id="9",
        reply_to_message_id="8\x7f",
        command="st\x00atus",
        args="a\x9bb",
        button="approve:1\ud800",
    )
    with pytest.raises(UnicodeEncodeError):
        event.to_json().encode("utf-8")
    cleaned = clean_inbound(event)
    cleaned.to_json().encode("utf-8")
    assert cleaned.text == f"Bromley {REPLACEMENT} road safe?\n"
    assert cleaned.event_key == "77"
    assert cleaned.chat == ChatRef("telegram", f"5001{REPLACEMENT}", "private")
    assert cleaned.sender_handle == f"jo lene{REPLACEMENT}"
    assert cleaned.sender_roles == ("r",)
    assert cleaned.reply_to_message_id == "8"
    assert cleaned.command == "status"
    assert cleaned.args == "ab"
    assert cleaned.button == f"approve:1{REPLACEMENT}"
    assert Inbound.from_json(cleaned.to_json()) == cleaned


def test_a_valid_event_is_left_as_it_is() -> None:
    event = Inbound("web", "k1", ChatRef("web", "r1", "private"), "r1", text="Hello\nthere")
    assert clean_inbound(event) is event


def test_the_ascii_form_keeps_an_event_exactly_as_received() -> None:
    event = Inbound("web", "k1", ChatRef("web", "r1", "private"), "r1", text="x \ud800\x00")
    stored = event.to_ascii_json()
    assert stored.isascii()
    assert json.loads(stored)["text"] == "x \ud800\x00"


def test_a_stored_event_with_a_field_this_version_lacks_still_loads() -> None:
    """An inbox row written by another version (a field since removed, or
    added by a newer one) is read, not lost."""
    event = Inbound("telegram", "7", ChatRef("telegram", "5", "private"), "5", text="hello")
    stored = json.loads(event.to_json())
    stored["always_answer"] = True  # removed in issue 14
    stored["from_the_future"] = {"x": 1}
    assert Inbound.from_json(json.dumps(stored)) == event
