"""A resident's e-mail as what the core needs, and what kind of mail it is.

``read(raw, mail_from)`` parses an RFC 5322 message (stdlib ``email`` with
``policy.default``) into a :class:`Mail`; ``classify(mail, ours)`` says
whether it is a question (or any ordinary message from a resident), an
auto-reply, a bounce or a mail loop (:class:`Kind`); only an ordinary
message becomes an ``Inbound`` (``to_inbound``). Every decision is in
docs/decisions.md, "Questions by e-mail: who the sender is, and what is not
a question".

- **Who wrote it**: the ``From`` address (the first, if several), checked
  and normalised by email-validator (no DNS look-up) and lower-cased whole:
  the resident's ``user_id`` and ``chat_id``. Not the envelope's
  ``MAIL FROM``: a relay that forwards rewrites it (SRS), and bounces carry
  none. Not ``Reply-To``: it would let one mailbox send answers to another
  address that never asked (and mailing lists set it to themselves).
- **Threading**: ``Message-ID`` (with its angle brackets, as the header
  writes it and as forumbot's sender returns its own ids, so a reply's
  ``In-Reply-To`` matches the outbox's platform message id; one made from
  the message's SHA-256 when it has none, so a re-delivery of the same
  bytes is still the same event), ``In-Reply-To`` and ``References``.
- **Words**: the ``Subject`` and the first ``text/plain`` part that is not
  an attachment, else the first ``text/html`` part turned to text by
  html-text (lxml: scripts, styles and comments dropped, entities decoded;
  nothing fetched, nothing run). Quoted earlier mails (``On ... wrote:``,
  Outlook's ``From:`` block, ``>`` lines) and signatures (``--``, "Sent from
  my iPhone", "Kind regards" closing lines) are cut by mail-parser-reply;
  if that leaves nothing, the whole text is kept (never lose an emergency
  to a trimmer). When the body does not start with a forum's phrase and
  the subject does, the subject goes first (``Bromley Police`` as subject,
  the question as body).
- **Attachments**: their kinds only (``Attachment``), never the file; an
  inline image a HTML body shows (a logo in a signature, ``Content-ID``)
  is not counted.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser
from email.utils import getaddresses
from enum import StrEnum

import email_validator
import html_text
from flufl.bounce import all_failures
from mailparser_reply.parser import EmailMessage as ReplyText

from bot.edge.chat import ChatRef
from bot.edge.inbound import Attachment, Inbound
from bot.edge.text import clean_line, clean_text
from config.phrase import normalise_phrase

log = logging.getLogger("forumbot.email")

PLATFORM = "email"
MAX_TEXT = 64 * 1024  # characters of words kept (the core refuses a question over its limit)
MAX_SUBJECT = 998  # RFC 5322's longest line
MAX_IDS = 20  # References kept (the nearest ones: the end of the header)

# Subjects of "I am away" replies sent without RFC 3834's headers: the
# client's own prefix, then a colon or dash, or nothing more ("Out of Office:
# Your question #3"). A resident's "Out of office hours noise" is not one.
_AWAY_SUBJECT = re.compile(
    r"^\s*(?:auto(?:matic)?[ -]?(?:reply|response|answer)|autoreply|"
    r"out of (?:the )?office(?: (?:reply|autoreply|notice|message|response))?|"
    r"vacation reply|away message|abwesenheitsnotiz|automatische antwort|"
    r"r[ée]ponse automatique|absence du bureau|respuesta autom[áa]tica|risposta automatica|"
    r"automatyczna odpowied[źz])\s*(?:[:\-–]|$)",
    re.IGNORECASE,
)
# Subjects that say nothing the body does not (compared as phrases are).
_GENERIC_SUBJECTS = frozenset(
    {
        "question",
        "a question",
        "questions",
        "query",
        "a query",
        "enquiry",
        "inquiry",
        "hello",
        "hi",
        "no subject",
        "untitled",
        "forum",
        "police",
        "message",
    }
)
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|wg|sv|vs|tr|rif|odp)\s*:\s*)+", re.IGNORECASE)
_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")


class Kind(StrEnum):
    """What a message is. Only ``MESSAGE`` reaches the core."""

    MESSAGE = "message"  # a resident's own mail: a question, a command, anything they wrote
    AUTO_REPLY = "auto-reply"  # RFC 3834 and its older cousins: nobody wrote it
    BOUNCE = "bounce"  # a delivery status notification about a mail forumbot sent
    LOOP = "loop"  # forumbot's own mail come back to it
    NO_SENDER = "no sender"  # no From address that could be answered


@dataclass(frozen=True)
class Ours:
    """What marks forumbot's own mail: its addresses (``from_address`` and
    the inbound address, lower-cased), the domain of its Message-IDs, and
    its List-Id's identifier (``alerts.forum.example.police.uk``)."""

    addresses: frozenset[str]
    message_id_domain: str = ""
    list_id: str = ""


@dataclass(frozen=True)
class Mail:
    """One message as read. ``address``: the From address normalised (None
    when there is none that can be answered); ``message_id``: with its
    angle brackets (``<a@b>``), as are ``in_reply_to`` and ``references``;
    ``mail_from``: the envelope sender as given (``""`` for ``<>``, None
    when not known); ``body``: the words (quotes and signature cut; see
    ``text`` for the subject); ``html_only``: the words
    came from HTML; ``attachments``: ``Attachment`` values, one per part."""

    address: str | None
    message_id: str
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str
    body: str
    html_only: bool
    attachments: tuple[str, ...]
    mail_from: str | None
    message: EmailMessage

    @property
    def null_path(self) -> bool:
        """Sent with the empty return path ``MAIL FROM:<>`` (RFC 5321 keeps it
        for notifications: bounces, auto-replies), never by a person."""
        return self.mail_from == ""

    def text(self, phrases: Iterable[str] = ()) -> str:
        """The words for the core, so that triage reads everything the
        resident wrote (``Re:`` and ``Fwd:`` set aside from the subject):

        - an empty body: the subject alone (a mail client's
          ``mailto:...?subject=unsubscribe``, "status" typed as the subject);
        - the subject starts with a forum's phrase and the body does not:
          the subject, then the body;
        - a subject of the resident's own (not a reply's or a forward's) that
          says what the body does not: the body starts with a phrase, so the
          subject goes after it (``Subject: ...``, the phrase still first);
          otherwise before it ("Man with a knife outside" as the subject,
          "please send someone" as the body: an emergency either way); not
          a subject that says nothing ("Question", "Hello", "(no subject)");
        - else the body. Empty subject and body: empty text.
        """
        subject = _REPLY_PREFIX.sub("", self.subject).strip()
        body = self.body.strip()
        if subject and not body:
            return clean_text(subject)
        body_first = _starts_with_any(body, phrases)
        if subject and not body_first and _starts_with_any(subject, phrases):
            return clean_text(f"{subject}\n\n{body}")[:MAX_TEXT]
        own = subject and subject == self.subject.strip()  # not Re: or Fwd: of another
        said = normalise_phrase(subject)
        if not own or said in _GENERIC_SUBJECTS or said in normalise_phrase(body):
            return body
        if body_first:
            return clean_text(f"{body}\n\nSubject: {subject}")[:MAX_TEXT]
        return clean_text(f"{subject}\n\n{body}")[:MAX_TEXT]


@dataclass(frozen=True)
class Verdict:
    """What ``classify`` found: the kind, why (for the log: header names,
    never an address), and for a bounce the addresses reported as failing
    for good (normalised)."""

    kind: Kind
    reason: str
    failed: tuple[str, ...] = ()


def normalise_address(value: str) -> str | None:
    """``" Mary.Smith@Example.ORG "`` -> ``"mary.smith@example.org"``: checked
    by email-validator (syntax only, no DNS), lower-cased whole (one
    resident per mailbox however they type it); None when it is not an
    address."""
    try:
        checked = email_validator.validate_email(
            value.strip(), check_deliverability=False, allow_smtputf8=True
        )
    except (email_validator.EmailNotValidError, ValueError):
        return None
    return checked.normalized.lower()


def read(raw: bytes, mail_from: str | None = None) -> Mail:
    """``raw`` (the DATA of an SMTP transaction, CRLF or LF) as a :class:`Mail`.
    ``mail_from``: the envelope sender (``""`` or ``"<>"`` for the null path;
    None when not known, e.g. a message read from a file).
    Never raises for a malformed message: what cannot be read is empty."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    body, html_only = _words(message)
    return Mail(
        address=_from_address(message),
        message_id=_first_id(_header(message, "Message-ID"))
        or f"<sha256.{hashlib.sha256(raw).hexdigest()}@forumbot.invalid>",
        in_reply_to=_first_id(_header(message, "In-Reply-To")),
        references=tuple(_ids(_header(message, "References")))[-MAX_IDS:],
        subject=clean_line(_header(message, "Subject"))[:MAX_SUBJECT],
        body=body,
        html_only=html_only,
        attachments=tuple(_attachments(message)),
        mail_from=None if mail_from is None else mail_from.strip().strip("<>"),
        message=message,
    )


def classify(mail: Mail, ours: Ours) -> Verdict:
    """What ``mail`` is, checked in this order (the first that holds):

    1. LOOP: From is one of ``ours.addresses``; its List-Id is ours; its
       Message-ID is in our domain; or ``X-Loop`` names one of our addresses.
       (A resident's reply *to* our mail has our id in In-Reply-To, which is
       no loop.)
    2. BOUNCE: a delivery status report (``multipart/report``,
       ``report-type=delivery-status``), or mail with an empty return path
       or from a mailer-daemon/postmaster in which flufl.bounce finds failed
       recipients. ``failed``: those it reports as permanent.
    3. AUTO_REPLY: ``Auto-Submitted`` other than ``no`` (RFC 3834);
       ``Precedence`` bulk, junk or list; ``X-Autoreply``,
       ``X-Autorespond``, ``X-Autogenerated``; ``List-Id``/``List-Unsubscribe`` (a mailing
       list's mail, nobody asked us); an out-of-office subject; an empty
       return path (``MAIL FROM:<>``: RFC 5321 keeps it for notifications,
       never a person's mail).
    4. NO_SENDER: no From address that can be answered.
    5. MESSAGE: anything else.
    """
    loop = _loop(mail, ours)
    if loop:
        return Verdict(Kind.LOOP, loop)
    bounce = _bounce(mail)
    if bounce is not None:
        return bounce
    auto = _auto_reply(mail)
    if auto:
        return Verdict(Kind.AUTO_REPLY, auto)
    if mail.address is None:
        return Verdict(Kind.NO_SENDER, "From has no address that can be answered")
    return Verdict(Kind.MESSAGE, "a resident's message")


def to_inbound(mail: Mail, phrases: Iterable[str] = ()) -> Inbound:
    """The core's event for an ordinary message (``classify`` said
    MESSAGE): the platform ``email``, ``event_key`` the Message-ID (so a
    re-delivery is stored once), the chat and the sender the normalised
    From address, ``message_id`` the Message-ID, ``reply_to_message_id``
    In-Reply-To (else the last of References)."""
    assert mail.address is not None
    return Inbound(
        platform=PLATFORM,
        event_key=clean_line(mail.message_id),
        chat=ChatRef(PLATFORM, mail.address, "private"),
        sender_id=mail.address,
        text=mail.text(phrases),
        message_id=clean_line(mail.message_id),
        reply_to_message_id=mail.in_reply_to or (mail.references[-1] if mail.references else None),
        attachments=mail.attachments,
    )


# -- reading -------------------------------------------------------------------


def _header(message: EmailMessage, name: str) -> str:
    """A header's decoded value as text ("" when absent or unreadable)."""
    try:
        value = message.get(name)
    except Exception:  # a header the policy cannot parse: as good as absent
        return ""
    return "" if value is None else str(value)


def _all_headers(message: EmailMessage, name: str) -> list[str]:
    try:
        return [str(v) for v in message.get_all(name, [])]
    except Exception:
        return []


def _from_address(message: EmailMessage) -> str | None:
    """The first address of From that email-validator accepts."""
    try:
        header = message.get("From")
        addresses: list[Address] = list(getattr(header, "addresses", ()))
    except Exception:
        addresses = []
    candidates = [a.addr_spec for a in addresses]
    if not candidates:  # a From the policy could not structure: the raw pairs
        candidates = [addr for _, addr in getaddresses(_all_headers(message, "From"))]
    for candidate in candidates:
        found = normalise_address(candidate) if candidate else None
        if found:
            return found
    return None


def _ids(value: str) -> list[str]:
    """Message ids in a header (``<a@b> <c@d>``), each with its brackets."""
    return [f"<{clean_line(m)}>" for m in _MESSAGE_ID.findall(value)]


def _first_id(value: str) -> str | None:
    found = _ids(value)
    if found:
        return found[0]
    bare = value.strip()  # an id written without brackets (some old clients)
    return f"<{clean_line(bare)}>" if bare and " " not in bare and "<" not in bare else None


def _words(message: EmailMessage) -> tuple[str, bool]:
    """The body's words, quotes and signature cut, and whether they came
    from HTML."""
    part = message.get_body(preferencelist=("plain",))
    html_only = False
    if part is None:
        part = message.get_body(preferencelist=("html",))
        html_only = part is not None
    if part is None:
        return "", False
    content = _content(part)
    if html_only:  # markup takes room: a longer piece of HTML makes MAX_TEXT of words
        content = _html_to_text(content[: MAX_TEXT * 8])
    return _trim(clean_text(content[:MAX_TEXT])), html_only


def _content(part: MIMEPart) -> str:
    try:
        content = part.get_content()
    except Exception:  # an unknown charset or broken encoding: decode what there is
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""


def _html_to_text(html: str) -> str:
    """HTML as text: html-text parses it with lxml and cleans it
    (lxml-html-clean: scripts, styles, comments and forms dropped), block
    elements become line breaks, entities are decoded. Nothing is fetched."""
    if not html.strip():
        return ""
    try:
        return str(html_text.extract_text(html, guess_layout=True))
    except Exception:  # lxml refuses a document (e.g. only a comment): no words
        log.info("an HTML body could not be read as text")
        return ""


def _trim(text: str) -> str:
    """``text`` without quoted earlier mails and signature (mail-parser-reply,
    hyphen lists kept); the whole text when that would leave nothing. A
    "signature" that reads like more of the message (a line of more than
    ``SIGNATURE_WORDS`` words, or more than ``SIGNATURE_LINES`` lines: "Kind
    regards, Mary / PS there is a man trying car doors on our street right
    now") is kept: an emergency is never cut off as a sign-off."""
    if not text.strip():
        return ""
    try:
        replies = ReplyText(text=text, languages=["en"], keep_hyphen_lists=True).read().replies
    except Exception:  # never lose a resident's words to the trimmer
        log.exception("quote trimming failed; the whole text is kept")
        return text.strip()
    if not replies:
        return text.strip()
    latest = replies[0]
    signature_only = _signature_only(latest.signatures)
    words = latest.body.strip() if signature_only else latest.full_body.strip()
    if not words and len(replies) == 1 and signature_only:
        return ""  # nothing but "Sent from my iPhone": no words (the subject may have them)
    return words or text.strip()


SIGNATURE_LINES = 8
SIGNATURE_WORDS = 8


def _signature_only(signature: str) -> bool:
    """Whether what was taken for a signature looks like one: a few short
    lines (a name, a job, a phone number, "Sent from my iPhone")."""
    lines = [line for line in signature.splitlines() if line.strip()]
    return len(lines) <= SIGNATURE_LINES and all(
        len(line.split()) <= SIGNATURE_WORDS for line in lines
    )


def _attachments(message: EmailMessage) -> Iterable[str]:
    """One ``Attachment`` kind per attached part (inline images the HTML
    shows by ``Content-ID`` are part of the body, not attachments)."""
    for part in message.walk():
        if part.is_multipart():
            continue
        if part in (message.get_body(("plain",)), message.get_body(("html",))):
            continue
        disposition = part.get_content_disposition()
        if disposition != "attachment" and part.get("Content-ID"):
            continue
        if disposition is None and part.get_content_maintype() == "text":
            continue  # another text alternative, not a file
        yield _kind(part.get_content_type())


def _kind(content_type: str) -> str:
    main, _, sub = content_type.partition("/")
    if main == "image":
        return Attachment.ANIMATION if sub == "gif" else Attachment.PHOTO
    if main == "video":
        return Attachment.VIDEO
    if main == "audio":
        return Attachment.AUDIO
    if content_type in ("text/vcard", "text/x-vcard"):
        return Attachment.CONTACT
    return Attachment.DOCUMENT


def _starts_with_any(text: str, phrases: Iterable[str]) -> bool:
    start = normalise_phrase(text[:200])
    for phrase in phrases:
        wanted = normalise_phrase(phrase)
        if wanted and (start == wanted or start.startswith(wanted + " ")):
            return True
    return False


# -- classifying ---------------------------------------------------------------


def _loop(mail: Mail, ours: Ours) -> str:
    message = mail.message
    if mail.address is not None and mail.address in ours.addresses:
        return "From is forumbot's own address"
    list_ids = " ".join(_all_headers(message, "List-Id")).lower()
    if ours.list_id and f"<{ours.list_id.lower()}>" in list_ids:
        return "List-Id is forumbot's own"
    domain = ours.message_id_domain.lower()
    if domain and mail.message_id.lower().rstrip(">").endswith("@" + domain):
        return "Message-ID is in forumbot's own domain"
    for value in _all_headers(message, "X-Loop"):
        if normalise_address(value.strip().strip("<>")) in ours.addresses:
            return "X-Loop names forumbot"
    return ""


def _bounce(mail: Mail) -> Verdict | None:
    message = mail.message
    report = (
        message.get_content_type() == "multipart/report"
        and str(message.get_param("report-type", "")).lower() == "delivery-status"
    )
    sender = (mail.address or "").partition("@")[0]
    daemon = sender in ("mailer-daemon", "postmaster")
    if not (report or daemon or mail.null_path):
        return None  # a person's mail: no bounce detector's heuristics run on it
    try:
        temporary, permanent = all_failures(message)
    except Exception:
        log.exception("a bounce could not be read")
        temporary, permanent = frozenset(), frozenset()
    failed = sorted({a for a in (normalise_address(_text(r)) for r in permanent) if a is not None})
    if report or temporary or permanent:
        detail = "a delivery status report" if report else "a bounce"
        return Verdict(Kind.BOUNCE, f"{detail}: {len(failed)} failed for good", tuple(failed))
    return None


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def _auto_reply(mail: Mail) -> str:
    message = mail.message
    submitted = _header(message, "Auto-Submitted").strip().lower()
    if submitted and submitted.split(";")[0].strip() != "no":
        return f"Auto-Submitted: {submitted.split(';')[0].strip()}"
    precedence = _header(message, "Precedence").strip().lower()
    if precedence in ("bulk", "junk", "list", "auto_reply"):
        return f"Precedence: {precedence}"
    for name in ("X-Autoreply", "X-Autorespond", "X-Autogenerated"):
        if message.get(name) is not None:
            return f"{name} present"
    if message.get("List-Id") is not None or message.get("List-Unsubscribe") is not None:
        return "a mailing list's mail (List-Id or List-Unsubscribe)"
    if _AWAY_SUBJECT.search(mail.subject):
        return "an out-of-office subject"
    if mail.null_path:
        return "an empty return path (MAIL FROM:<>)"
    return ""
