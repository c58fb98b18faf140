"""E-mails in the shapes real mail clients and servers send, for the
inbound side's tests: a resident's plain and HTML mail, replies quoting
forumbot, auto-replies (RFC 3834, Exchange, a bare out-of-office subject),
a Postfix delivery status notification (RFC 3464) and forumbot's own mail
come back. Each returns the bytes an SMTP client sends as DATA."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

RESIDENT = "Mary.Smith@Example.ORG"
DATE = format_datetime(datetime(2026, 11, 30, 10, 0, tzinfo=UTC))


def plain(
    body: str,
    *,
    sender: str = f"Mary Smith <{RESIDENT}>",
    to: str = "ask@forum.example.police.uk",
    subject: str = "A question",
    message_id: str = "<CAF1234.5678@mail.example.org>",
    headers: dict[str, str] | None = None,
) -> bytes:
    """A text/plain mail as a phone's or webmail's client sends it."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = DATE
    if message_id:
        message["Message-ID"] = message_id
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    return message.as_bytes()


def html_only(html: str, *, message_id: str = "<html.1@mail.example.org>") -> bytes:
    """A mail with only a text/html part (some webmail and marketing tools)."""
    message = EmailMessage()
    message["From"] = f"Mary Smith <{RESIDENT}>"
    message["To"] = "ask@forum.example.police.uk"
    message["Subject"] = "Question"
    message["Date"] = DATE
    message["Message-ID"] = message_id
    message.set_content(html, subtype="html")
    return message.as_bytes()


def alternative_with_photo(text: str, html: str) -> bytes:
    """multipart/mixed: multipart/alternative (plain + HTML with an inline
    logo) and an attached photo, as Outlook sends it."""
    message = EmailMessage()
    message["From"] = f"Mary Smith <{RESIDENT}>"
    message["To"] = "ask@forum.example.police.uk"
    message["Subject"] = "With a photo"
    message["Date"] = DATE
    message["Message-ID"] = "<photo.1@mail.example.org>"
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    html_part = message.get_body(("html",))
    assert html_part is not None
    html_part.add_related(b"\x89PNG logo", maintype="image", subtype="png", cid="<logo@x>")
    message.add_attachment(
        b"\xff\xd8\xff photo", maintype="image", subtype="jpeg", filename="car.jpg"
    )
    return message.as_bytes()


def gmail_vacation() -> bytes:
    """Gmail's vacation responder: RFC 3834's Auto-Submitted."""
    return plain(
        "I am away until Monday.",
        subject="Re: Your question #3",
        message_id="<vac.1@mail.gmail.example>",
        headers={"Auto-Submitted": "auto-replied", "In-Reply-To": "<q3@forum.example.police.uk>"},
    )


def exchange_out_of_office() -> bytes:
    """Exchange's automatic reply: no Auto-Submitted, but its own headers."""
    return plain(
        "I am out of the office with limited access to e-mail.",
        subject="Automatic reply: Your question #3",
        message_id="<oof.1@exchange.example>",
        headers={"X-Auto-Response-Suppress": "All", "X-MS-Exchange-Inbox-Rules-Loop": RESIDENT},
    )


def bare_out_of_office() -> bytes:
    """An old client's away message: only its subject says so."""
    return plain("Back on the 3rd.", subject="Out of Office: Question", message_id="<oo.2@x>")


def postfix_dsn(failed: str, *, original_id: str = "<q1.abc@forum.example.police.uk>") -> bytes:
    """Postfix's non-delivery report (RFC 3464 multipart/report), sent with
    an empty return path to forumbot's From address."""
    boundary = "8A1B2C3D4E.1764496800/mx.example.org"
    return (
        "Return-Path: <>\r\n"
        "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        "To: alerts@forum.example.police.uk\r\n"
        "Auto-Submitted: auto-replied\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/report; report-type=delivery-status; boundary="{boundary}"\r\n'
        "Message-Id: <20261130100000.8A1B2C3D4E@mx.example.org>\r\n"
        f"Date: {DATE}\r\n"
        "\r\n"
        "This is a MIME-encapsulated message.\r\n"
        "\r\n"
        f"--{boundary}\r\n"
        "Content-Description: Notification\r\n"
        "Content-Type: text/plain; charset=us-ascii\r\n"
        "\r\n"
        "This is the mail system at host mx.example.org.\r\n"
        "\r\n"
        "I'm sorry to have to inform you that your message could not\r\n"
        "be delivered to one or more recipients.\r\n"
        "\r\n"
        f"<{failed}>: host mx.example.org said: 550 5.1.1 <{failed}>:\r\n"
        "    Recipient address rejected: User unknown in virtual mailbox table\r\n"
        "\r\n"
        f"--{boundary}\r\n"
        "Content-Description: Delivery report\r\n"
        "Content-Type: message/delivery-status\r\n"
        "\r\n"
        "Reporting-MTA: dns; mx.example.org\r\n"
        "X-Postfix-Queue-ID: 8A1B2C3D4E\r\n"
        f"Arrival-Date: {DATE}\r\n"
        "\r\n"
        f"Final-Recipient: rfc822; {failed}\r\n"
        f"Original-Recipient: rfc822;{failed}\r\n"
        "Action: failed\r\n"
        "Status: 5.1.1\r\n"
        "Remote-MTA: dns; mx.example.org\r\n"
        f"Diagnostic-Code: smtp; 550 5.1.1 <{failed}>: Recipient address rejected: User\r\n"
        "    unknown in virtual mailbox table\r\n"
        "\r\n"
        f"--{boundary}\r\n"
        "Content-Description: Undelivered Message Headers\r\n"
        "Content-Type: text/rfc822-headers\r\n"
        "\r\n"
        "From: Bromley forum <alerts@forum.example.police.uk>\r\n"
        f"To: {failed}\r\n"
        "Subject: Your question #1\r\n"
        f"Message-ID: {original_id}\r\n"
        "\r\n"
        f"--{boundary}--\r\n"
    ).encode()


def delayed_dsn(recipient: str) -> bytes:
    """A 'delayed' DSN (Action: delayed, 4.x.x): a temporary failure."""
    return (
        postfix_dsn(recipient)
        .decode()
        .replace("Action: failed", "Action: delayed")
        .replace("Status: 5.1.1", "Status: 4.4.1")
        .encode()
    )


def our_own(message_id: str = "<q7.x1@forum.example.police.uk>") -> bytes:
    """forumbot's own acknowledgement come back (a forward to itself)."""
    return plain(
        "Thank you, your question is #7.",
        sender="Bromley forum <alerts@forum.example.police.uk>",
        subject="Your question #7",
        message_id=message_id,
    )
