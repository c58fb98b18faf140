"""An outbox row as an e-mail: plain text and accessible HTML rendered from
``templates/`` (Jinja2; the HTML autoescaped, so nothing a resident wrote
can become markup), and the headers that make it a well-behaved list mail:
one Message-ID per outbox row, List-Id, Auto-Submitted, threading, and the
unsubscribe headers (RFC 2369, RFC 8058) when the recipient is a subscriber."""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
from dataclasses import dataclass, replace
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP, SMTPUTF8
from email.utils import format_datetime, formataddr

import jinja2

from bot.edge.rich import Rich, plain
from bot.edge.sending import Outgoing
from config.model import EmailConfig

# characters: with "Subject: " within RFC 5322's recommended 78, so the
# header is never folded (a fold before an encoded word shows as a double
# space in some mail clients)
SUBJECT_LENGTH = 69


@functools.cache
def _env() -> jinja2.Environment:
    """The templates, found when first used (an installation without them
    is reported by the start-up check, not by an import)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("adapters.email", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # read once: a file changed under a running forumbot is not mixed in
    )


@dataclass(frozen=True)
class FooterItem:
    """A line at the end of the e-mail: its text, and the link it opens (none
    for a line of text)."""

    text: str
    url: str | None = None


@dataclass(frozen=True)
class Piece:
    """Part of a line of the HTML: text (escaped by the template), bold or
    not, the link it is (an address of forumbot's own site only), and the
    level of the heading it is part of (``Span.heading``: 1-3, 0 for
    running text; the template makes a line of heading pieces an ``<h2>``
    to ``<h4>``, the e-mail's ``<h1>`` being the sender's name)."""

    text: str
    bold: bool = False
    url: str | None = None
    heading: int = 0


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
    # The site's address (web.public_url): addresses under it in the text
    # (a confirmation's link) are made links in the HTML; no other text is.
    site: str = ""


def message_id(outbox_id: int, secret: bytes, domain: str) -> str:
    """The Message-ID of the outbox row ``outbox_id``: the same on every try
    (after a restart too), unique across databases by a tag made with the
    e-mail key (``<123.9f2c4e1a0b7d3e58@forum.example.police.uk>``)."""
    tag = hmac.new(secret, str(outbox_id).encode(), hashlib.sha256).hexdigest()[:16]
    return f"<{outbox_id}.{tag}@{domain}>"


def subject(body: Rich) -> str:
    """The first line with words in it, at most ``SUBJECT_LENGTH``
    characters: a longer one ends at its last full sentence or clause
    within that (``Thank you: your question #12 was received.``), else it
    is cut at a word with "..." (ASCII, so the header needs no encoding)."""
    line = next((ln.strip() for ln in plain(body).splitlines() if ln.strip()), "")
    line = " ".join(line.split())
    if len(line) <= SUBJECT_LENGTH:
        return line
    head = line[: SUBJECT_LENGTH + 1]
    ends = [found.end() for found in re.finditer(r"[.!?](?=\s)", head)]
    if ends and ends[-1] >= SUBJECT_LENGTH // 3:
        return head[: ends[-1]]
    cut = line[: SUBJECT_LENGTH - 2]
    space = cut.rfind(" ")
    return (cut[:space] if space > SUBJECT_LENGTH // 2 else cut).rstrip(" ,;:.-") + "..."


def paragraphs(body: Rich, site: str = "") -> list[list[list[Piece]]]:
    """The body as paragraphs (split at blank lines) of lines of pieces, for
    the HTML template: the text is escaped there, its style kept; a line
    of heading pieces is a paragraph of its own, its pieces all of its
    level (the template makes it a heading); an address
    under ``site`` (forumbot's own pages, from a template: the confirmation
    link) becomes a link, nothing else does."""
    own = re.compile(re.escape(site.rstrip("/")) + r"/[^\s<>\"]*") if site else None
    lines: list[list[Piece]] = [[]]
    for span in body:
        for index, piece in enumerate(span.text.split("\n")):
            if index:
                lines.append([])
            lines[-1].extend(_linked(piece, span.bold, own, span.heading))
    out: list[list[list[Piece]]] = []
    current: list[list[Piece]] = []
    for line in lines:
        level = heading_level(line)
        line = [replace(piece, heading=level) for piece in line]
        if level:  # a heading is a paragraph of its own
            if current:
                out.append(current)
            out.append([line])
            current = []
        elif any(piece.text.strip() for piece in line):
            current.append(line)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def heading_level(line: list[Piece]) -> int:
    """The heading level of a line of pieces (the lowest of its pieces with
    words), 0 when any piece with words is running text."""
    levels = [piece.heading for piece in line if piece.text.strip()]
    return min(levels) if levels and all(levels) else 0


def _linked(text: str, bold: bool, own: re.Pattern[str] | None, heading: int = 0) -> list[Piece]:
    if not text:
        return []
    if own is None:
        return [Piece(text, bold, heading=heading)]
    pieces: list[Piece] = []
    at = 0
    for found in own.finditer(text):
        if found.start() > at:
            pieces.append(Piece(text[at : found.start()], bold, heading=heading))
        pieces.append(Piece(found.group(0), bold, found.group(0), heading))
        at = found.end()
    if at < len(text):
        pieces.append(Piece(text[at:], bold, heading=heading))
    return pieces


def render(message: Outgoing, extras: Extras) -> tuple[str, str, str]:
    """(subject, plain text, HTML) of ``message``."""
    title = subject(message.body) or extras.heading
    options = [button.label for row in message.buttons for button in row]
    values = {
        "subject": title,
        "heading": extras.heading,
        "language": extras.language,
        "body": plain(message.body).strip(),
        "paragraphs": paragraphs(message.body, extras.site),
        "options": options,
        "options_heading": extras.options_heading,
        "footer": extras.footer,
        "footer_heading": extras.footer_heading,
    }
    text = _env().get_template("message.txt").render(values)
    html = _env().get_template("message.html").render(values)
    return title, text, html


def _bracketed(message_id: str) -> str:
    value = message_id.strip()
    return value if value.startswith("<") else f"<{value}>"


def _unsubscribe(mail: EmailMessage, value: str) -> None:
    """``List-Unsubscribe`` exactly as RFC 2369 writes it (``<https://…>``):
    set raw, so the email package never encodes a URL longer than 78
    characters as ``=?utf-8?q?…`` (mail providers then show no one-click
    button). A line may be 998 characters (RFC 5322, 2.1.1); the addresses
    are ours and ASCII (ValueError otherwise)."""
    if not value.isascii() or any(c in value for c in "\r\n"):
        raise ValueError("a List-Unsubscribe address must be one line of ASCII")
    if len(value) > 900:
        raise ValueError("a List-Unsubscribe line longer than SMTP allows")
    mail.set_raw("List-Unsubscribe", value)


def compose(
    settings: EmailConfig,
    message: Outgoing,
    msgid: str,
    extras: Extras,
    now: datetime,
    to: str | None = None,
) -> EmailMessage:
    """The e-mail for ``message`` to its chat's address (or ``to``, the same
    address as the server takes it: its domain in IDNA's ASCII form),
    ``msgid`` its Message-ID. Raises ValueError for an address the ``email``
    package cannot put in a header (the sender maps it to Rejected)."""
    address = to or message.chat.chat_id
    international = not address.isascii()
    # refold_source "none": a header set raw (List-Unsubscribe) goes as given,
    # never folded into RFC 2047's encoded words (see ``_unsubscribe``).
    mail = EmailMessage(policy=(SMTPUTF8 if international else SMTP).clone(refold_source="none"))
    title, text, html = render(message, extras)
    mail["From"] = formataddr((settings.from_name, settings.from_address))
    mail["To"] = address
    mail["Subject"] = title
    mail["Date"] = format_datetime(now)
    mail["Message-ID"] = msgid
    if settings.inbound.address:  # replies reach forumbot's listener (questions by e-mail)
        mail["Reply-To"] = formataddr((settings.from_name, settings.inbound.address))
    name = settings.from_name or extras.heading
    # RFC 2919: a phrase, then <id>; formataddr quotes a name with < > " and
    # the like, so a name such as "Bromley <b>" never reads as part of the id.
    mail["List-Id"] = formataddr((name, settings.list_identifier))
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
        _unsubscribe(mail, ", ".join(targets))
        mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    mail.set_content(text)
    mail.add_alternative(html, subtype="html")
    for part in mail.iter_parts():  # the stdlib gives the parts a MIME-Version of their own
        del part["MIME-Version"]  # RFC 2045: the message's own header only
    return mail
