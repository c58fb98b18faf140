"""A resident's e-mail as the core's event, and what is not a question:
auto-replies, bounces, loops (adapters/email/inbound.py)."""

from __future__ import annotations

from adapters.email.inbound import Kind, Ours, classify, normalise_address, read, to_inbound
from tests.support import mail_samples as samples

OURS = Ours(
    addresses=frozenset({"alerts@forum.example.police.uk", "ask@forum.example.police.uk"}),
    message_id_domain="forum.example.police.uk",
    list_id="alerts.forum.example.police.uk",
)
PHRASES = ("Bromley Police",)


def test_a_plain_question_becomes_an_event_from_the_normalised_from_address() -> None:
    raw = samples.plain(
        "Bromley Police, is there a speed check planned on Elm Road?\n\nThanks\nMary\n\n"
        "-- \nMary Smith\n07700 900123\n",
        headers={"Reply-To": "someone.else@example.net"},
    )
    mail = read(raw, "bounces+srs=x@relay.example.net")
    assert classify(mail, OURS).kind is Kind.MESSAGE
    event = to_inbound(mail, PHRASES)
    assert event.platform == "email"
    assert event.chat.key == "email:mary.smith@example.org"
    assert event.chat.kind == "private"
    assert event.sender_id == "mary.smith@example.org"  # From, not Reply-To nor MAIL FROM
    assert event.event_key == event.message_id == "<CAF1234.5678@mail.example.org>"
    # the signature (name and phone) is cut; the sign-off is the resident's own words
    assert (
        event.text == "Bromley Police, is there a speed check planned on Elm Road?\n\nThanks\nMary"
    )
    assert event.attachments == ()


def test_a_reply_quoting_forumbot_keeps_only_the_new_words_and_threads() -> None:
    raw = samples.plain(
        "Bromley Police, and what about parking at night?\n\n"
        "On Mon, 30 Nov 2026 at 10:00, Bromley forum <alerts@forum.example.police.uk> wrote:\n"
        "> Thank you, your question is #12.\n> Officers will answer it in the session.\n",
        subject="Re: Your question #12",
        headers={
            "In-Reply-To": "<q12.ab@forum.example.police.uk>",
            "References": "<q11.aa@forum.example.police.uk> <q12.ab@forum.example.police.uk>",
        },
    )
    mail = read(raw)
    assert classify(mail, OURS).kind is Kind.MESSAGE  # a reply to us is no loop
    event = to_inbound(mail, PHRASES)
    assert event.text == "Bromley Police, and what about parking at night?"
    # as forumbot's sender returns its own ids: the outbox's platform message id
    assert event.reply_to_message_id == "<q12.ab@forum.example.police.uk>"
    assert mail.references == (
        "<q11.aa@forum.example.police.uk>",
        "<q12.ab@forum.example.police.uk>",
    )


def test_outlook_original_message_block_and_phone_footer_are_cut() -> None:
    raw = samples.plain(
        "Bromley Police, someone is trying car doors on our street\n\nSent from my iPhone\n\n"
        "-----Original Message-----\nFrom: Bromley forum\nSent: 29 November 2026\n\nOld text\n"
    )
    assert to_inbound(read(raw), PHRASES).text == (
        "Bromley Police, someone is trying car doors on our street"
    )


def test_words_after_a_sign_off_that_read_as_more_message_are_kept() -> None:
    raw = samples.plain(
        "Bromley Police, a question about parking.\n\nKind regards,\nMary\n"
        "PS there is a man trying car doors on our street right now\n"
    )
    assert to_inbound(read(raw), PHRASES).text == (
        "Bromley Police, a question about parking.\n\nKind regards,\nMary\n"
        "PS there is a man trying car doors on our street right now"
    )
    short = samples.plain("Bromley Police, is it lit?\n\nKind regards\nMary Smith\n07700 900123\n")
    assert to_inbound(read(short), PHRASES).text == "Bromley Police, is it lit?"


def test_a_list_in_the_question_is_not_taken_for_a_signature() -> None:
    raw = samples.plain("Bromley Police, two things:\n- the lights\n- the bins\n")
    assert to_inbound(read(raw), PHRASES).text == (
        "Bromley Police, two things:\n- the lights\n- the bins"
    )


def test_the_phrase_in_the_subject_goes_first() -> None:
    raw = samples.plain("Is the underpass lit at night?", subject="Bromley Police")
    assert to_inbound(read(raw), PHRASES).text == "Bromley Police\n\nIs the underpass lit at night?"
    # a subject of the resident's own goes after a body with the phrase (triage reads it)
    other = samples.plain("Bromley Police, is it lit?", subject="Underpass")
    assert to_inbound(read(other), PHRASES).text == (
        "Bromley Police, is it lit?\n\nSubject: Underpass"
    )
    # ... and before a body without it
    urgent = samples.plain("please send someone", subject="Man with a knife outside now")
    assert to_inbound(read(urgent), PHRASES).text == (
        "Man with a knife outside now\n\nplease send someone"
    )
    # a subject that says nothing, or a reply's, is left out
    for said in ("Question", "Hello", "Re: Your question #3", "Fwd: lights"):
        mail = read(samples.plain("Bromley Police, is it lit?", subject=said))
        assert to_inbound(mail, PHRASES).text == "Bromley Police, is it lit?"
    reply = samples.plain("Is it lit?", subject="Re: Bromley police")
    assert to_inbound(read(reply), PHRASES).text.startswith("Bromley police\n\n")


def test_an_empty_body_takes_the_subject() -> None:
    raw = samples.plain("", subject="unsubscribe")  # a mailto: link's e-mail
    assert to_inbound(read(raw), PHRASES).text == "unsubscribe"
    reply = samples.plain("\n\nSent from my iPhone\n", subject="Re: status")
    assert to_inbound(read(reply), PHRASES).text == "status"


def test_html_only_mail_is_read_as_text_without_scripts_or_styles() -> None:
    raw = samples.html_only(
        "<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
        "<p>Bromley Police, is it <b>safe</b> to walk &amp; cycle?</p>"
        "<p>Thanks &lt;Mary&gt;</p><img src='https://tracker.example/x.gif'></body></html>"
    )
    mail = read(raw)
    assert mail.html_only
    text = to_inbound(mail, PHRASES).text
    assert text == "Bromley Police, is it safe to walk & cycle?\n\nThanks <Mary>"
    assert "alert" not in text and "color" not in text


def test_attachments_are_noted_by_kind_and_an_inline_logo_is_not_one() -> None:
    raw = samples.alternative_with_photo(
        "Bromley Police, this car has been here a week.", "<p>Bromley Police, this car</p>"
    )
    event = to_inbound(read(raw), PHRASES)
    assert event.text == "Bromley Police, this car has been here a week.\n\nSubject: With a photo"
    assert event.attachments == ("photo",)


def test_a_mail_without_message_id_gets_a_stable_one() -> None:
    raw = samples.plain("Bromley Police, hello", message_id="")
    first, again = read(raw), read(raw)
    assert first.message_id == again.message_id
    assert first.message_id.startswith("<sha256.")
    assert first.message_id.endswith("@forumbot.invalid>")


def test_auto_replies_are_recognised() -> None:
    cases = {
        samples.gmail_vacation(): "Auto-Submitted: auto-replied",
        samples.exchange_out_of_office(): "an out-of-office subject",
        samples.bare_out_of_office(): "an out-of-office subject",
        samples.plain("Weekly news", headers={"Precedence": "bulk"}): "Precedence: bulk",
        samples.plain("Away", headers={"X-Autoreply": "yes"}): "X-Autoreply present",
        samples.plain("Away", headers={"X-Autorespond": "1"}): "X-Autorespond present",
    }
    for raw, reason in cases.items():
        verdict = classify(read(raw, "mary.smith@example.org"), OURS)
        assert (verdict.kind, verdict.reason) == (Kind.AUTO_REPLY, reason)
    # a resident's subject that only begins like an away message is theirs
    noisy = samples.plain("Bromley Police, loud music", subject="Out of office hours noise")
    assert classify(read(noisy, "mary@example.org"), OURS).kind is Kind.MESSAGE
    # Auto-Submitted: no is a person's mail
    person = samples.plain("Bromley Police, hi", headers={"Auto-Submitted": "no"})
    assert classify(read(person, "mary@example.org"), OURS).kind is Kind.MESSAGE
    # an empty return path is never a person's mail
    empty_path = classify(read(samples.plain("Bromley Police, hi"), ""), OURS)
    assert empty_path == classify(read(samples.plain("Bromley Police, hi"), "<>"), OURS)
    assert (empty_path.kind, empty_path.reason) == (
        Kind.AUTO_REPLY,
        "an empty return path (MAIL FROM:<>)",
    )


def test_a_postfix_delivery_status_notification_is_a_bounce_with_its_failed_address() -> None:
    verdict = classify(read(samples.postfix_dsn("Gone.Away@Example.NET"), ""), OURS)
    assert verdict.kind is Kind.BOUNCE
    assert verdict.failed == ("gone.away@example.net",)
    delayed = classify(read(samples.delayed_dsn("slow@example.net"), ""), OURS)
    assert (delayed.kind, delayed.failed) == (Kind.BOUNCE, ())  # temporary: nothing suppressed


def test_our_own_mail_is_a_loop() -> None:
    assert classify(read(samples.our_own()), OURS).kind is Kind.LOOP
    relayed = samples.plain(
        "Thank you", message_id="<q9.zz@forum.example.police.uk>", sender="x@example.org"
    )
    assert classify(read(relayed), OURS).reason == "Message-ID is in forumbot's own domain"
    listed = samples.plain("Alert", headers={"List-Id": "Bromley <alerts.forum.example.police.uk>"})
    assert classify(read(listed), OURS).reason == "List-Id is forumbot's own"
    xloop = samples.plain("Hi", headers={"X-Loop": "ask@forum.example.police.uk"})
    assert classify(read(xloop), OURS).reason == "X-Loop names forumbot"


def test_no_answerable_from_is_no_question() -> None:
    raw = samples.plain("Bromley Police, hello", sender="undisclosed-recipients:;")
    assert classify(read(raw, "x@example.org"), OURS).kind is Kind.NO_SENDER


def test_addresses_are_normalised_whole() -> None:
    assert normalise_address(" Mary.Smith@Example.ORG ") == "mary.smith@example.org"
    assert normalise_address("not an address") is None
    assert normalise_address("") is None


def test_a_malformed_message_does_not_raise() -> None:
    raw = (
        b"From: =?bogus?Q?x?= <a@b.example>\r\n"
        b"Content-Type: text/plain; charset=nonsense\r\n\r\n\xff\xfe Bromley Police\r\n"
    )
    mail = read(raw, "a@b.example")
    assert classify(mail, OURS).kind is Kind.MESSAGE
    assert "Bromley Police" in to_inbound(mail, PHRASES).text


def test_encodings_phones_and_webmail_send_are_read() -> None:
    latin1_qp = (
        b"From: =?iso-8859-1?q?Si=E2n_Jones?= <sian@example.org>\r\n"
        b"Subject: =?utf-8?b?QnJvbWxleSBQb2xpY2U=?=\r\n"
        b"Message-ID: <qp.1@example.org>\r\n"
        b"MIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=iso-8859-1; format=flowed\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        b"Is the caf=E9 on the corner licensed until midnight? Diolch=\r\n"
        b" yn fawr\r\n"
    )
    event = to_inbound(read(latin1_qp, "sian@example.org"), PHRASES)
    assert event.text == (
        "Bromley Police\n\nIs the café on the corner licensed until midnight? Diolch yn fawr"
    )
    iphone = samples.plain(
        "Bromley Police, thank you. What about the bins? \u0175\n\nSent from my iPhone\n\n"
        "> On 30 Nov 2026, at 10:00, Bromley Police Online Forum <ask@forum.example.police.uk>"
        " wrote:\n>\n> Thank you. Your question is #4.\n"
    )
    assert to_inbound(read(iphone), PHRASES).text == (
        "Bromley Police, thank you. What about the bins? \u0175"
    )
