"""Messenger webhook events as the core's events: what is taken, what is
passed over, and text made valid whatever the JSON held."""

from __future__ import annotations

import json

from adapters.facebook.convert import events, to_inbound

PAGE = "102030405060708"
PSID = "7001002003004005"


def event(**content: object) -> dict[str, object]:
    return {
        "sender": {"id": PSID},
        "recipient": {"id": PAGE},
        "timestamp": 1764470000000,
        **content,
    }


def test_a_message_with_a_command_and_a_reply() -> None:
    inbound = to_inbound(
        event(message={"mid": "m_1", "text": "/withdraw #2", "reply_to": {"mid": "m_0"}}), PAGE
    )
    assert inbound is not None
    assert (inbound.platform, inbound.event_key, inbound.chat.key) == (
        "facebook",
        "m_1",
        f"facebook:{PSID}",
    )
    assert inbound.chat.kind == "private" and inbound.sender_id == PSID
    assert (inbound.command, inbound.args) == ("withdraw", "#2")
    assert inbound.reply_to_message_id == "m_0"


def test_a_quick_reply_is_a_button_press_not_text() -> None:
    quick = {"mid": "m_2", "text": "All alerts", "quick_reply": {"payload": "sub:a:bromley"}}
    inbound = to_inbound(event(message=quick), PAGE)
    assert inbound is not None
    assert (inbound.button, inbound.text) == ("sub:a:bromley", "")


def test_a_postback_and_a_referral() -> None:
    postback = to_inbound(event(postback={"mid": "m_3", "title": "Help", "payload": "x"}), PAGE)
    assert postback is not None and postback.button == "x" and postback.event_key == "m_3"
    referral = to_inbound(event(referral={"ref": "bromley", "source": "SHORTLINK"}), PAGE)
    assert referral is not None and referral.command == "start"
    assert referral.event_key == f"referral:{PSID}:1764470000000"


def test_attachments_are_kinds_only() -> None:
    message = {
        "mid": "m_4",
        "attachments": [
            {"type": "image", "payload": {"url": "https://scontent.example/secret.jpg"}},
            {"type": "location", "payload": {"coordinates": {"lat": 51.4, "long": 0.01}}},
            {"type": "fallback"},
        ],
    }
    inbound = to_inbound(event(message=message), PAGE)
    assert inbound is not None
    assert inbound.attachments == ("photo", "location", "other")
    assert "scontent" not in inbound.to_json() and "51.4" not in inbound.to_json()


def test_echoes_receipts_and_other_pages_are_passed_over() -> None:
    assert to_inbound(event(message={"mid": "m_5", "text": "hi", "is_echo": True}), PAGE) is None
    assert to_inbound(event(delivery={"mids": ["m_1"], "watermark": 1}), PAGE) is None
    assert to_inbound(event(read={"watermark": 1}), PAGE) is None
    assert to_inbound({"recipient": {"id": PAGE}, "message": {"mid": "m"}}, PAGE) is None
    delivery = {
        "object": "page",
        "entry": [
            {"id": "999", "messaging": [event(message={"mid": "m_6", "text": "x"})]},
            {"id": PAGE, "messaging": [event(message={"mid": "m_7", "text": "y"}), "junk"]},
        ],
    }
    assert [e["message"]["mid"] for e in events(delivery, PAGE)] == ["m_7"]
    assert list(events({"object": "instagram", "entry": []}, PAGE)) == []
    assert list(events(["not", "a", "delivery"], PAGE)) == []
    assert list(events({"object": "page", "entry": 7}, PAGE)) == []
    assert list(events({"object": "page", "entry": [{"id": PAGE, "messaging": {}}]}, PAGE)) == []


def test_hostile_text_is_made_valid() -> None:
    raw = json.loads('{"mid": "m_8", "text": "Bromley\\ud800 Police\\u0000 forum \\u001b[31m"}')
    inbound = to_inbound(event(message=raw), PAGE)
    assert inbound is not None
    assert "\ud800" not in inbound.text and "\x00" not in inbound.text
    assert "\x1b" not in inbound.text
    inbound.to_json().encode("utf-8")  # storable
