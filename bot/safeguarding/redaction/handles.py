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


# "dm me on", "add me on", "follow her on": the word after the platform is
# where to find someone
_ASKED_TO_WRITE = re.compile(
    r"(?i:\b(?:dm|pm|message|msg|inbox|add|follow|find|contact|reach|text)[ \t]+"
    r"(?:me|us|him|her|them)[ \t]+(?:on|at|via)[ \t]+)$"
)
# Two dots or more inside a word of small letters and figures, as handles are
# made ("jodiee.m.xx", "bex.york.22"); not a web address's ("bbc.co.uk") nor
# initials ("e.g.", "a.m.").
_DOTTED = re.compile(r"(?<![\w@./])([a-z][a-z0-9_]{2,}(?:\.[a-z0-9_]{1,15}){2,})(?![\w@/]|\.\w)")
_WEB_ENDS = word_set(
    "com uk org net co gov ac nhs sch io info biz ltd police html php htm "
    "docx doc pdf jpg jpeg png gif heic mp4 mov txt xlsx csv zip"
)


# One dot is enough after a cue that a name follows: "add me jodiee.mx",
# "she goes as 'lils.xo'", "a chat called year9.girls"
_CUED_ONE_DOT = re.compile(
    r"(?i:\b(?:add|follow)(?:[ \t]+(?:me|us|him|her|them))?|\bgoes[ \t]+(?:as|by)|"
    r"\bcalled|\bnamed)[ \t]+['\"“‘]?"
    r"((?-i:[a-z][a-z0-9_]{1,}[0-9_]?[a-z0-9_]*\.[a-z0-9_]{1,15}))(?![\w@/]|\.\w)"
)


def find_handles(text: str) -> Iterator[Detail]:
    for match in _AT.finditer(text):
        handle = match.group(1)
        public = _PUBLIC_ACCOUNT.search(handle) is not None or handle.lower() in NOT_PERSONS
        if not public and re.search(r"[A-Za-z]", handle) is not None:
            yield Detail(match.start(), match.end(1), Category.HANDLE)
    for match in _AFTER_PLATFORM.finditer(text):
        # "on tiktok yesterday": a bare word after a platform needs a handle's shape;
        # "insta: jaz", "snap is jaz", "tiktok @jaz", "dm me on tiktok bexxyork" do not
        linked = match.group(1).strip() != "" or (
            _ASKED_TO_WRITE.search(text, max(0, match.start() - 30), match.start()) is not None
        )
        yield from _handle(text, match.start(2), match.group(2), shaped=not linked)
    for pattern in (_BEFORE_PLATFORM, _SHAPE):
        for match in pattern.finditer(text):
            yield from _handle(text, match.start(1), match.group(1), shaped=True)
    for match in _CUED_ONE_DOT.finditer(text):
        parts = match.group(1).split(".")
        if parts[-1] in _WEB_ENDS or all(p in ordinary_words() for p in parts):
            continue  # "called report.pdf", "he called me.then left" (a space left out)
        yield Detail(match.start(1), match.end(1), Category.HANDLE)
    for match in _DOTTED.finditer(text):
        parts = match.group(1).split(".")
        if not _WEB_ENDS.intersection(parts) and parts[0] not in ("www", "http", "https"):
            yield Detail(match.start(1), match.end(1), Category.HANDLE)
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


# Round 7 (issue 15, after the sixth unseen set): handles written without @.
# A display name of several words after "on <platform> as/called": "on
# Facebook as Ron Allen 1948"; or after "latest (account) is" when it ends
# in a figure: "latest is Shane G Norwich 2".
_DISPLAY_WORD = r"(?:[A-Z](?:[\w.'’-]*\w)?|\d{1,4})"
_DISPLAY_NAME = rf"(?P<name>{_DISPLAY_WORD}(?:[ \t]+{_DISPLAY_WORD}){{1,3}})"
_ON_PLATFORM_AS = re.compile(
    rf"(?i:\b(?:on|in)[ \t]+{_PLATFORM}[ \t]+(?:as|called|named|under(?:[ \t]+the[ \t]+name)?"
    rf"|goes[ \t]+by|by[ \t]+the[ \t]+name)[ \t]+['\"“‘]?){_DISPLAY_NAME}"
)
_LATEST_ACCOUNT = re.compile(
    r"(?i:\b(?:latest|newest|new)(?:[ \t]+(?:one|account|profile|page))?[ \t]+(?:is|was|called|"
    r"named|:)[ \t]*:?[ \t]*['\"“‘]?)"
    rf"(?P<name>{_DISPLAY_WORD}(?:[ \t]+{_DISPLAY_WORD}){{0,3}}[ \t]+\d{{1,4}})\b"
)
# A handle's shape (a dot, an underscore or figures) after an account's cue
# the platform pattern does not know: "his name on there is tj.bossman07",
# "there acount is leeds.girlz.exposed".
_NAME_ON_THERE = re.compile(
    r"(?i:\b(?:name[ \t]+on[ \t]+(?:there|it|snap|insta|tiktok)|acount|accout|acct|accnt|"
    r"user[ \t]?name|display[ \t]+name)[ \t]+(?:is|was|=|:)[ \t]*['\"“‘]?)"
    r"(?P<name>[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)"
)
# A Discord tag: a name, "#" and four figures ("NightOwl#4421").
_DISCORD_TAG = re.compile(r"(?<![\w@#])(?P<name>[A-Za-z][\w.]{1,31}#\d{4})(?![\w#])")
# A quoted word after a seller's or a user's cue: "seller is 'edinbikez'".
_QUOTED_AFTER_USER = re.compile(
    r"(?i:\b(?:seller|buyer|user|username|account|profile|page|handle|name|gamertag)"
    r"(?:[ \t]+(?:is|was|called|named))?[ \t]*:?[ \t]*)"
    r"['‘\"“](?P<name>[A-Za-z0-9_.]{3,30})['’\"”]"
)
# A word with a capital inside, near a platform: "a YouTube channel,
# ReeceRidesNE" (not the platforms' own names, not "McKenna").
_CAMEL = re.compile(r"(?<![\w@.])(?P<name>[A-Z]?[a-z]+(?:[A-Z][a-z]*){2,}[A-Z0-9]*)(?![\w@])")
_PLATFORM_NEAR = re.compile(rf"(?i:\b{_PLATFORM}\b)")
_BRANDS_CAMEL = word_set(
    "youtube tiktok whatsapp iphone ipad playstation soundcloud onlyfans linkedin facetime "
    "paypal ebay gofundme justgiving deliveroo ubereats justeat mcdonalds macbook airpods "
    "airbnb doordash powerpoint instagram facebook snapchat"
)
# Something that says the words before it are a name online: "DJ SKEEMA
# which is apparently his soundcloud name".
_TAG_WORD = r"(?:[A-Z0-9][A-Z0-9_.]+|[A-Z][\w.]+)"
_WHICH_IS_HIS_NAME = re.compile(
    rf"(?P<name>{_TAG_WORD}(?:[ \t]+{_TAG_WORD}){{0,2}})[ \t]*,?[ \t]+(?i:(?:which|that)"
    r"(?:[ \t]+is|['’]s)(?:[ \t]+(?:apparently|probably|obviously|meant[ \t]+to[ \t]+be))?"
    r"[ \t]+(?:his|her|their|my)[ \t]+(?:[a-z]+[ \t]+)?(?:name|handle|username|user[ \t]name|"
    r"tag|gamertag|account))\b"
)


def find_handles_without_at(text: str) -> Iterator[Detail]:
    """Handles without @ in these forms: a display name after "on
    <platform> as" or "latest is ... 2", a quoted word after "seller is",
    a word with capitals inside within 40 characters after a platform word,
    and words before "which is his <platform> name". HANDLE spans, start and
    end character offsets."""
    for pattern in (_ON_PLATFORM_AS, _LATEST_ACCOUNT):
        for match in pattern.finditer(text):
            name = match.group("name")
            words = name.split()
            if words[0].lower() in _NOT_HANDLES or words[0].lower() in NOT_PERSONS:
                continue
            # "on YouTube called How To Pick Locks": a title in words, not a name
            named = [w for w in words if w.isalpha() and len(w) > 1]
            if all(w.lower() in ordinary_words() for w in named):
                continue
            yield Detail(match.start("name"), match.end("name"), Category.HANDLE)
    for match in _NAME_ON_THERE.finditer(text):
        if _plausible(match.group("name"), shaped=True):
            yield Detail(match.start("name"), match.end("name"), Category.HANDLE)
    for match in _DISCORD_TAG.finditer(text):
        yield Detail(match.start("name"), match.end("name"), Category.HANDLE)
    for match in _QUOTED_AFTER_USER.finditer(text):
        if _plausible(match.group("name"), shaped=False):
            yield Detail(match.start("name"), match.end("name"), Category.HANDLE)
    for platform in _PLATFORM_NEAR.finditer(text):
        for match in _CAMEL.finditer(text, platform.end(), min(len(text), platform.end() + 40)):
            key = match.group("name").lower()
            if key in _BRANDS_CAMEL or key in NOT_PERSONS or re.match(r"ma?c[a-z]", key):
                continue
            yield Detail(match.start("name"), match.end("name"), Category.HANDLE)
    for match in _WHICH_IS_HIS_NAME.finditer(text):
        name = match.group("name")
        words = name.split()
        plain = all(w.lower() in ordinary_words() for w in words)
        if plain and not any(w.isupper() or re.search(r"\d", w) for w in words):
            continue  # "the Red Lion which is their name" is ordinary words
        yield Detail(match.start("name"), match.end("name"), Category.HANDLE)


# A handle's shape (a dot, an underscore or a figure inside) after a cue that
# says an account follows: "he just made a new account, connorw.2k3", "i
# sell on vinted as lily.loves.thrift". Plain words after the cue ("a new
# account, so he says") are not handles.
_SHAPED = r"(?P<name>[A-Za-z0-9_]+(?:[._][A-Za-z0-9_]+)+|[A-Za-z_]*[A-Za-z][A-Za-z_]*\d[\w]*)"
_ACCOUNT_CUE = re.compile(
    r"(?i:\bnew[ \t]+(?:account|profile|page|acc|acct)[ \t]*[,:\-–]?[ \t]*"
    r"(?:(?:called|named|is)[ \t]+)?['\"“‘]?"
    rf"|\b(?:on|in)[ \t]+(?:{_PLATFORM}|vinted|depop|gumtree|etsy|shpock)[ \t]+"
    r"(?:as|called|named|under)[ \t]+['\"“‘]?)"
    rf"{_SHAPED}(?![\w@])"
)
# A quoted channel's name after the person who runs it: "a youtuber 'Brummie
# Pranks'", "a tiktoker called “Mad Max UK”".
_QUOTED_CHANNEL = re.compile(
    r"(?i:\b(?:youtuber|you[ \t]?tuber|tiktoker|tik[ \t]?toker|streamer|instagrammer|"
    r"influencer|vlogger|channel)[ \t]+(?:called[ \t]+|named[ \t]+)?)"
    r"['‘\"“](?P<name>[^'‘’\"“”\n]{2,40}?)['’\"”]"
)
# A reddit user with its prefix: "u/throwaway_soton99" (the "u/" goes too).
_REDDIT_USER = re.compile(r"(?<![\w/])(?P<name>u/[A-Za-z0-9_-]{3,20})(?![\w/])")


def find_cued_accounts(text: str) -> Iterator[Detail]:
    """Accounts written without @ in these forms: a handle's shape after
    "new account," or "on vinted as" ("connorw.2k3", "lily.loves.thrift"),
    a quoted name after "youtuber"/"channel" ("'Brummie Pranks'"), a reddit
    user with its "u/". HANDLE spans, start and end character offsets."""
    for match in _ACCOUNT_CUE.finditer(text):
        name = match.group("name")
        if name.lower() in _NOT_HANDLES or re.fullmatch(r"[\d.]+", name):
            continue
        yield Detail(match.start("name"), match.end("name"), Category.HANDLE)
    for match in _QUOTED_CHANNEL.finditer(text):
        words = [w.lower() for w in re.findall(r"[^\W\d_]+", match.group("name"))]
        # "a channel 'How To Fix Bikes'": a title in ordinary words
        if words and words[0] not in NOT_PERSONS and not all(w in ordinary_words() for w in words):
            yield Detail(match.start("name"), match.end("name"), Category.HANDLE)
    for match in _REDDIT_USER.finditer(text):
        yield Detail(match.start("name"), match.end("name"), Category.HANDLE)
