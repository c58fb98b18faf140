"""An outbox row as an e-mail: plain text and accessible HTML rendered from
``templates/`` (Jinja2; the HTML autoescaped, so nothing a resident wrote
can become markup), and the headers that make it a well-behaved list mail:
one Message-ID per outbox row, List-Id, Auto-Submitted, threading, and the
unsubscribe headers (RFC 2369, RFC 8058) when the recipient is a subscriber."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP, SMTPUTF8
from email.utils import format_datetime, formataddr

import jinja2

from bot.edge.rich import Rich, Span, plain
from bot.edge.sending import Outgoing
from config.model import EmailConfig

SUBJECT_LENGTH = 78  # characters: RFC 5322's recommended line length for a header

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("adapters.email", "templates"),
    autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)


@dataclass(frozen=True)
class FooterItem:
    """A line at the end of the e-mail: its text, and the link it opens (none
    for a line of text)."""

    text: str
    url: str | None = None


@dataclass(frozen=True)
class Extras:
    """What a message carries besides its body: the heading above it (the
    sender's name), the headings of the options and footer lists, the
    footer's lines, and the unsubscribe addresses for the List-Unsubscribe
    header (an https URL, and optionally a ``mailto:``), none for a message
    to someone who is not a subscriber."""

    heading: str
    options_heading: str = "Options"
    footer_heading: str = "About these e-mails"
    footer: tuple[FooterItem, ...] = ()
    unsubscribe_url: str | None = None
    unsubscribe_mailto: str | None = None
    language: str = "en"


def message_id(outbox_id: int, secret: bytes, domain: str) -> str:
    """The Message-ID of the outbox row ``outbox_id``: the same on every try
    (after a restart too), unique across databases by a tag made with the
    e-mail key (``<123.9f2c4e1a0b7d3e58@forum.example.police.uk>``)."""
    tag = hmac.new(secret, str(outbox_id).encode(), hashlib.sha256).hexdigest()[:16]
    return f"<{outbox_id}.{tag}@{domain}>"


def subject(body: Rich) -> str:
    """The first line with words in it, at most ``SUBJECT_LENGTH``
    characters (a longer one cut at a word, with "…")."""
    line = next((ln.strip() for ln in plain(body).splitlines() if ln.strip()), "")
    line = " ".join(line.split())
    if len(line) <= SUBJECT_LENGTH:
        return line
    cut = line[: SUBJECT_LENGTH - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > SUBJECT_LENGTH // 2 else cut).rstrip(" ,;:.-") + "…"


def paragraphs(body: Rich) -> list[list[list[Span]]]:
    """The body as paragraphs (split at blank lines) of lines of spans, for
    the HTML template: the spans' text is escaped there, their style kept."""
    lines: list[list[Span]] = [[]]
    for span in body:
        for index, piece in enumerate(span.text.split("\n")):
            if index:
                lines.append([])
            if piece:
                lines[-1].append(Span(piece, span.bold))
    out: list[list[list[Span]]] = []
    current: list[list[Span]] = []
    for line in lines:
        if any(span.text.strip() for span in line):
            current.append(line)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def render(message: Outgoing, extras: Extras) -> tuple[str, str, str]:
    """(subject, plain text, HTML) of ``message``."""
    title = subject(message.body) or extras.heading
    options = [button.label for row in message.buttons for button in row]
    values = {
        "subject": title,
        "heading": extras.heading,
        "language": extras.language,
        "body": plain(message.body).strip(),
        "paragraphs": paragraphs(message.body),
        "options": options,
        "options_heading": extras.options_heading,
        "footer": extras.footer,
        "footer_heading": extras.footer_heading,
    }
    text = _ENV.get_template("message.txt").render(values)
    html = _ENV.get_template("message.html").render(values)
    return title, text, html


def _bracketed(message_id: str) -> str:
    value = message_id.strip()
    return value if value.startswith("<") else f"<{value}>"


def compose(
    settings: EmailConfig,
    message: Outgoing,
    msgid: str,
    extras: Extras,
    now: datetime,
) -> EmailMessage:
    """The e-mail for ``message`` to its chat's address, ``msgid`` its
    Message-ID. Raises ValueError for an address the ``email`` package
    cannot put in a header (the sender maps it to Rejected)."""
    address = message.chat.chat_id
    international = not address.isascii()
    mail = EmailMessage(policy=SMTPUTF8 if international else SMTP)
    title, text, html = render(message, extras)
    mail["From"] = formataddr((settings.from_name, settings.from_address))
    mail["To"] = address
    mail["Subject"] = title
    mail["Date"] = format_datetime(now)
    mail["Message-ID"] = msgid
    if settings.inbound.address:  # replies reach forumbot's listener (questions by e-mail)
        mail["Reply-To"] = formataddr((settings.from_name, settings.inbound.address))
    name = settings.from_name or extras.heading
    mail["List-Id"] = f"{name} <{settings.list_identifier}>"
    if message.reply_to_message_id:
        mail["In-Reply-To"] = _bracketed(message.reply_to_message_id)
        mail["References"] = _bracketed(message.reply_to_message_id)
        mail["Auto-Submitted"] = "auto-replied"
    else:
        mail["Auto-Submitted"] = "auto-generated"
    if extras.unsubscribe_url:
        targets = [f"<{extras.unsubscribe_url}>"]
        if extras.unsubscribe_mailto:
            targets.append(f"<{extras.unsubscribe_mailto}>")
        mail["List-Unsubscribe"] = ", ".join(targets)
        mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    mail.set_content(text)
    mail.add_alternative(html, subtype="html")
    return mail
