"""Social media handles and usernames: "@jaz_xo", "on insta as jaz_xo",
"tiktok: jaz.xo", "his gamertag is gary2011", "jaz_xo on snap".

A handle is found by an ``@`` before it, by a platform or "username" word
before it, by a platform after it, or by its shape alone: letters with an
underscore inside ("jaz_xo"). An email address is the email finder's (it is
longer, so it wins the overlap).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import NOT_PERSONS, ordinary_words

_HANDLE = r"[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?"
_PLATFORM = (
    r"(?:insta(?:gram)?|ig|tik[ \t]?tok|tt|snap(?:chat)?|sc|twitter|x\.com|threads|"
    r"facebook|fb|messenger|discord|telegram|whatsapp|youtube|yt|twitch|reddit|kik|"
    r"xbox(?:[ \t]live)?|psn|playstation|steam|roblox|fortnite|minecraft|onlyfans|"
    r"gamertag|gamer[ \t]tag|username|user[ \t]name|user|handle|account|profile|acc|page|"
    r"channel)"
)
# "@jaz_xo" (not the middle of an email: nothing word-like before the @)
_AT = re.compile(rf"(?<![\w.])@({_HANDLE})")
# "insta: jaz_xo", "on tiktok as jaz_xo", "snap is jaz.xo", "username gary2011",
# "his gamertag is called Gaz_99", "on insta its jaz_xo"
_AFTER_PLATFORM = re.compile(
    rf"(?i:\b{_PLATFORM}(?:['’]s)?"
    r"((?:[ \t]+(?:name|handle|username|account|channel|page|is|was|as|called|named|it's|its|"
    r"under|goes[ \t]by|by))*[ \t]*[:=\-]?[ \t]*['\"“‘]?@?))"
    rf"({_HANDLE})"
)
# "dannyboy07", "gary2011": letters then digits, as usernames are made
_DIGITS_SHAPE = re.compile(r"(?<![\w@.])([A-Za-z][a-z]{2,}[A-Za-z._]*\d{2,4})(?![\w@])")
_CODES = word_set("covid ps xbox iphone ipad galaxy pixel windows mp fifa gta")
# "jaz_xo on snap", "gary2011 on xbox"
_BEFORE_PLATFORM = re.compile(rf"(?<![\w@.])({_HANDLE})(?=[ \t]+(?i:on|from)[ \t]+{_PLATFORM}\b)")
# "jaz_xo", "big.dave_99", "fatimaabdi_": an underscore by letters is a handle's shape
_SHAPE = re.compile(r"(?<![\w@.])(_*[A-Za-z0-9.]*[A-Za-z][A-Za-z0-9.]*_[A-Za-z0-9_.]*)(?!\w)")

# Words after a platform that are not handles: "on insta as well", "tiktok is full of it".
_NOT_HANDLES = word_set(
    """
    a an the and or but is was as at in on of to for from with by it its it's this that
    these those my his her their our your me him them us you i he she they we
    name handle username account profile page called named under well too again
    now then there here said says saying told posted post posts posting message messages
    messaged video videos live story stories group chat chats dm dms
    """
)


def _plausible(handle: str, shaped: bool) -> bool:
    """A word after a platform is a handle when it has the shape of one
    (letters with digits, underscores or dots), or, when ``shaped`` is not
    asked for, when it is not an ordinary English word ("private", "well")."""
    if re.search(r"[_\d.]", handle) is not None and re.search(r"[A-Za-z]", handle) is not None:
        return True
    word = handle.lower()
    return (
        not shaped
        and word not in _NOT_HANDLES
        and word not in ordinary_words()
        and len(handle) >= 3
    )


# An account of the police or the council ("@NeighbourhoodCopsEast", "@MetPoliceUK")
# is public, not a resident's detail.
# "@everyone" and "@here" are Discord's mentions of a whole room, not anyone's handle.
_PUBLIC_ACCOUNT = re.compile(
    r"(?i)police|cops|constab|council|borough|nhs|gov|^(?:everyone|here|channel|all|admins?|mods?)$"
)


def find_handles(text: str) -> Iterator[Detail]:
    for match in _AT.finditer(text):
        handle = match.group(1)
        public = _PUBLIC_ACCOUNT.search(handle) is not None or handle.lower() in NOT_PERSONS
        if not public and re.search(r"[A-Za-z]", handle) is not None:
            yield Detail(match.start(), match.end(1), Category.HANDLE)
    for match in _AFTER_PLATFORM.finditer(text):
        # "on tiktok yesterday": a bare word after a platform needs a handle's shape;
        # "insta: jaz", "snap is jaz", "tiktok @jaz" do not
        linked = match.group(1).strip() != ""
        yield from _handle(text, match.start(2), match.group(2), shaped=not linked)
    for pattern in (_BEFORE_PLATFORM, _SHAPE):
        for match in pattern.finditer(text):
            yield from _handle(text, match.start(1), match.group(1), shaped=True)
    for match in _DIGITS_SHAPE.finditer(text):
        letters = re.sub(r"[\d._]+$", "", match.group(1)).lower()
        if letters not in ordinary_words() and letters not in NOT_PERSONS | _CODES:
            yield Detail(match.start(1), match.end(1), Category.HANDLE)


# Text-speak with a figure in it is a word, not a handle: "sum1 on fb
# marketplace", "any1 on insta", "m8 on snap".
_TEXT_SPEAK = word_set(
    """
    sum1 some1 sumone1 any1 ne1 every1 evry1 evry1s no1 sum1s some1s any1s every1s
    2day 2nite 2night 2moro 2morro 2mora 2morrow gr8 m8 m8s l8 l8r l8er b4 4eva w8 h8
    str8 2nd 1st 3rd 4th
    """
)


def _handle(text: str, start: int, found: str, shaped: bool) -> Iterator[Detail]:
    handle = found.rstrip(".")
    if handle.lower() in _TEXT_SPEAK:
        return
    if _plausible(handle, shaped):
        end = start + len(handle)
        if start and text[start - 1] == "@":
            start -= 1
        yield Detail(start, end, Category.HANDLE)
