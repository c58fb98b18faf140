"""Render a value (a phone, postcode, plate, house number, e-mail, date of birth)
in the many ways a resident might type it, and build probe rows from them.

    PYTHONPATH=. python -m tests.support.number_forms \
        > tests/data/personal_details/numbers_probe_round18.jsonl

Every value is fictional: phones from Ofcom's drama ranges (07700 900xxx,
01632 960xxx, 0113 496 0xxx, 020 7946 0xxx ...), e-mails at example domains
or common providers with made-up names, plates and postcodes in the right
shape but chosen by hand. The rows are one JSON object a line in the issue-15
schema (see :mod:`tests.support.redaction_kinds`). The generator is seeded, so
the file is the same on every run.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
ZERO_WORDS = ("oh", "zero", "nought", "o")
UNITS = DIGIT_WORDS[1:]
TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
LETTER_SOUNDS = {
    "A": "ay", "B": "bee", "C": "see", "D": "dee", "E": "ee", "F": "eff", "G": "gee",
    "H": "aitch", "J": "jay", "K": "kay", "L": "el", "M": "em", "N": "en", "O": "oh",
    "P": "pee", "R": "ar", "S": "ess", "T": "tee", "U": "you", "V": "vee", "W": "double you",
    "X": "ex", "Y": "why", "Z": "zed",
}  # fmt: skip
NATO = {
    "A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
    "G": "golf", "H": "hotel", "J": "juliet", "K": "kilo", "L": "lima", "M": "mike",
    "N": "november", "O": "oscar", "P": "papa", "R": "romeo", "S": "sierra", "T": "tango",
    "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray", "Y": "yankee", "Z": "zulu",
}  # fmt: skip


def number_in_words(n: int, hyphen: bool = True) -> str:
    """0-999 as words: 23 -> "twenty-three" (or "twenty three")."""
    if n < 10:
        return DIGIT_WORDS[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        tens, unit = divmod(n, 10)
        if not unit:
            return TENS[tens - 2]
        return f"{TENS[tens - 2]}{'-' if hyphen else ' '}{UNITS[unit - 1]}"
    hundreds, rest = divmod(n, 100)
    head = f"{UNITS[hundreds - 1]} hundred"
    return head if not rest else f"{head} and {number_in_words(rest, hyphen)}"


def digits_in_words(
    digits: str, rng: random.Random, zero: str | None = None, repeats: bool = False
) -> str:
    """Digit by digit in words: "07700" -> "oh seven seven oh oh", or with
    ``repeats`` "oh double seven double oh" (and "triple")."""
    zero = zero or rng.choice(ZERO_WORDS[:3])
    words: list[str] = []
    i = 0
    while i < len(digits):
        d = digits[i]
        run = 1
        while i + run < len(digits) and digits[i + run] == d and run < 3:
            run += 1
        word = zero if d == "0" else DIGIT_WORDS[int(d)]
        if repeats and run >= 2:
            words.append(f"{'triple' if run == 3 else 'double'} {word}")
            i += run
            continue
        words.append(word)
        i += 1
    return " ".join(words)


# --- phones -----------------------------------------------------------------


def _phone_values(rng: random.Random) -> Iterator[str]:
    """National numbers (no spaces) in Ofcom's drama ranges."""
    while True:
        kind = rng.randrange(6)
        if kind < 3:
            yield f"07700900{rng.randrange(1000):03d}"
        elif kind == 3:
            yield f"01632960{rng.randrange(1000):03d}"
        elif kind == 4:
            area = rng.choice(
                [
                    "0113496",
                    "0114496",
                    "0115496",
                    "0116496",
                    "0117496",
                    "0118496",
                    "0121496",
                    "0131496",
                    "0141496",
                    "0151496",
                    "0161496",
                    "0191498",
                ]
            )
            yield f"{area}{rng.randrange(10000):04d}"
        else:
            yield f"0207946{rng.randrange(10000):04d}"


def _groups(national: str) -> tuple[str, ...]:
    """How the number is usually grouped: 07700 900417, 0113 496 0123, 020 7946 0123."""
    if national.startswith("07") or national.startswith("01632"):
        return national[:5], national[5:8], national[8:]
    if national.startswith("02"):
        return national[:3], national[3:7], national[7:]
    return national[:4], national[4:7], national[7:]


def phone_forms(national: str, rng: random.Random) -> list[tuple[str, str]]:
    """(rendering, kind) pairs: kind "phone" for digits, "number_words" when
    words are in it."""
    g = _groups(national)
    rest = national[1:]
    forms = [
        (f"{g[0]} {g[1]}{g[2]}", "phone"),
        (f"{g[0]} {g[1]} {g[2]}", "phone"),
        (national, "phone"),
        (f"{g[0]}.{g[1]}.{g[2]}", "phone"),
        (f"{g[0]}-{g[1]}-{g[2]}", "phone"),
        (f"+44 {rest[:4]} {rest[4:]}", "phone"),
        (f"+44{rest}", "phone"),
        (f"0044 {rest[:4]} {rest[4:]}", "phone"),
        (f"+44 (0){rest[:4]} {rest[4:]}", "phone"),
        (f"({g[0]}) {g[1]}{g[2]}", "phone"),
        (f"{national[:4]} {national[4:7]} {national[7:]}", "phone"),
        (f"{national[:3]} {national[3:6]} {national[6:9]} {national[9:]}", "phone"),
        (" ".join(digits_in_words(part, rng) for part in g), "number_words"),
        (", ".join(digits_in_words(part, rng, repeats=True) for part in g), "number_words"),
        (f"{g[0]} {digits_in_words(g[1] + g[2], rng)}", "number_words"),
        (f"{digits_in_words(g[0], rng, zero='zero')} {g[1]} {g[2]}", "number_words"),
        (f"{g[0]} then {g[1]} {g[2]}", "phone"),
        (f"{g[0]}\n{g[1]} {g[2]}", "phone"),
        (
            f"{digits_in_words(g[0], rng, zero='nought')} then {digits_in_words(g[1] + g[2], rng)}",
            "number_words",
        ),
        (f"{g[0]} {g[1]} {digits_in_words(g[2], rng, repeats=True)}", "number_words"),
    ]
    return forms


PHONE_FRAMES = (
    "ring me on {X} if you need more info",
    "my no. is {X}, best after 6pm",
    "mob: {X}",
    "tel {X} - I am in most days",
    "Please call me on {X} as I would rather not write it all here.",
    "my number is {X} can someone text me",
    "You can reach me on {X}. Thanks.",
    "text me {X} pls dont ring work hours",
    "Contact number {X}.",
    "the lad who sold it me gave his number as {X} and now it's dead",
    "i rang the number on the flyer, {X}, and a man answered",
    "My daughter's mobile is {X}, she hasn't come home.",
    "phone {X} anytime",
    "best number for me: {X}",
    "He keeps ringing from {X}, can you block that?",
)


# --- postcodes --------------------------------------------------------------

POSTCODES = (
    "SW1A 1AA",
    "M1 1AE",
    "B33 8TH",
    "CR2 6XH",
    "LS6 3HN",
    "DN55 1PT",
    "EH1 2NG",
    "BS7 8QT",
    "NE4 6SL",
    "CF10 3AT",
    "L17 8XE",
    "G12 9LR",
    "NG7 2PL",
    "E14 5AB",
    "BT9 6AF",
    "PO4 0JW",
    "LE2 1TZ",
    "SK8 3DQ",
)


def _spell_code(code: str, rng: random.Random) -> str:
    """ "SW1A 1AA" -> "S W one A, one A A" (letters as capitals, digits as words)."""
    parts = []
    for half in code.split():
        parts.append(" ".join(DIGIT_WORDS[int(c)] if c.isdigit() else c for c in half))
    return rng.choice([" ", ", "]).join(parts)


def postcode_forms(code: str, rng: random.Random) -> list[tuple[str, str]]:
    out, inn = code.split()
    return [
        (code, "postcode"),
        (out + inn, "postcode"),
        (code.lower(), "postcode"),
        ((out + inn).lower(), "postcode"),
        (f"{out}.{inn}", "postcode"),
        (f"{out.lower()} {inn.upper()}", "postcode"),
        (_spell_code(code, rng), "number_words"),
        (f"{out}  {inn}", "postcode"),
    ]


POSTCODE_FRAMES = (
    "We're on Alder Way, postcode {X}, and the lights have been out for weeks.",
    "my postcode is {X} is that covered by your team",
    "post code {X} - loads of cars broken into this month",
    "Is {X} in your area or the next one?",
    "i live at {X} near the park and theres dealing every night",
    "My mum's postcode is {X}; could someone check on her?",
    "pc {X}",
)


# --- registrations ----------------------------------------------------------

CURRENT_PLATES = (
    "BV17 XHN",
    "KX21 TPO",
    "LR68 WZC",
    "YA19 DFE",
    "MF70 KLU",
    "SN23 RBV",
    "WP14 GHY",
    "DE66 OPL",
)
PREFIX_PLATES = ("R123 BCD", "P472 KLM", "L88 TRX", "M901 GYH")
SUFFIX_PLATES = ("ABC 123D", "GHT 45K", "KPL 872V")
NI_PLATES = ("ABZ 1234", "LEZ 9087", "OXZ 4532")
PRIVATE_PLATES = ("J0 HNS", "B16 DAV", "S4 RAH")


def _spell_plate(plate: str, rng: random.Random, nato: bool) -> str:
    letters = NATO if nato else LETTER_SOUNDS
    words = []
    for c in plate.replace(" ", ""):
        words.append(DIGIT_WORDS[int(c)] if c.isdigit() else letters[c])
    return " ".join(words)


def plate_forms(plate: str, rng: random.Random) -> list[tuple[str, str]]:
    joined = plate.replace(" ", "")
    head, _, tail = plate.partition(" ")
    return [
        (plate, "registration"),
        (joined, "registration"),
        (plate.lower(), "registration"),
        (joined.lower(), "registration"),
        (f"{head}-{tail}", "registration"),
        (_spell_plate(plate, rng, nato=True), "number_words"),
        (_spell_plate(plate, rng, nato=False), "number_words"),
    ]


PLATE_FRAMES = (
    "a silver Corsa, reg {X}, was parked across my drive all night",
    "The van's registration is {X} and it has been there since Friday.",
    "white transit reg {X} doing 60 past the school",
    "got the plate - {X} - black BMW",
    "Someone in a car with the number plate {X} followed my son home.",
    "it's a private plate, {X}, red Range Rover",
    "reg no {X}",
    "the car was {X}, blue Golf, two lads in it",
)


# --- house numbers ----------------------------------------------------------

STREETS = (
    "Acacia Grove",
    "Mill Lane",
    "Cedar Court",
    "Holly Road",
    "Station Street",
    "Beech Avenue",
    "Kingfisher Close",
    "Orchard Way",
    "Windsor Terrace",
)


def house_forms(rng: random.Random) -> list[tuple[str, str]]:
    street = rng.choice(STREETS)
    n = rng.randrange(2, 99)
    return [
        (f"number {number_in_words(n)} {street}", "number_words"),
        (f"{number_in_words(n, hyphen=False)} {street}", "number_words"),
        (f"flat {rng.randrange(1, 9)}b, {street}", "house_number_address"),
        (f"no. {n}a {street}", "house_number_address"),
        (f"{n}-{n + 2} {street}", "house_number_address"),
        (f"No.{n} {street}", "house_number_address"),
        (f"{n}A {street}", "house_number_address"),
        (f"flat {number_in_words(rng.randrange(1, 9))}, {street}", "number_words"),
    ]


HOUSE_FRAMES = (
    "I live at {X} and the car alarm opposite goes off every night.",
    "someone tried the door at {X} about 3am",
    "Could an officer visit us at {X}? My father is frightened.",
    "we're {X}, the one with the green door",
    "parcels nicked from {X} again",
)


# --- e-mails ----------------------------------------------------------------

MAIL_USERS = (
    ("john", "smith"),
    ("kerry", "ann"),
    ("dave", "b"),
    ("sue", "patel"),
    ("mick", "oconnor"),
    ("amina", "k"),
    ("tony", "w"),
)
MAIL_DOMAINS = (
    ("gmail", "com"),
    ("hotmail", "co.uk"),
    ("yahoo", "co.uk"),
    ("outlook", "com"),
    ("btinternet", "com"),
)


def mail_forms(rng: random.Random) -> list[tuple[str, str]]:
    first, last = rng.choice(MAIL_USERS)
    host, tld = rng.choice(MAIL_DOMAINS)
    n = rng.randrange(10, 99)
    tld_dot = tld.replace(".", " dot ")
    return [
        (f"{first} dot {last} at {host} dot {tld_dot}", "email"),
        (f"{first}.{last}(at){host}.{tld}", "email"),
        (f"{first}[dot]{last}@{host}[dot]{tld.replace('.', '[dot]')}", "email"),
        (f"{first}{last}{n} at {host} dot {tld_dot}", "email"),
        (f"{first}_{last} @ {host}.{tld}", "email"),
        (f"{first}.{last}{n} AT {host} DOT {tld_dot.upper()}", "email"),
        (f"{first}{n}@{host}.{tld}", "email"),
        (f"{first} {last} at {host} dot {tld_dot}", "email"),
    ]


MAIL_FRAMES = (
    "email me on {X} please",
    "My email is {X} if that's easier.",
    "you can get me at {X}",
    "send the form to {X} thanks",
)


# --- dates of birth ---------------------------------------------------------

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]


def dob_forms(rng: random.Random) -> list[tuple[str, str]]:
    day = rng.randrange(1, 20)
    month = rng.randrange(12)
    year = rng.randrange(1940, 2008)
    yy = year % 100
    year_words = (
        f"nineteen {number_in_words(yy, hyphen=True)}"
        if year < 2000
        else (f"two thousand and {number_in_words(yy)}")
    )
    return [
        (f"the {ORDINALS[day - 1]} of {MONTHS[month]} {year_words}", "date_of_birth"),
        (f"{ORDINALS[day - 1]} {MONTHS[month]} {year}", "date_of_birth"),
        (f"{day:02d}.{month + 1:02d}.{yy:02d}", "date_of_birth"),
        (f"{day}/{month + 1}/{year}", "date_of_birth"),
        (f"{MONTHS[month]} {day}, {year}", "date_of_birth"),
    ]


DOB_FRAMES = (
    "my DOB is {X} if you need it",
    "He was born on {X} and he's been missing since Monday.",
    "d.o.b {X}",
    "date of birth: {X}",
)


# --- sentences that keep their numbers --------------------------------------

KEEP_SENTENCES = (
    ("Should I ring 101 or 999 when they're fighting outside?", ["101", "999"]),
    ("is 111 the right number for a neighbour who collapsed", ["111"]),
    ("Childline is 0800 1111 isn't it?", ["0800 1111"]),
    ("The number 38 bus gets stoned every night at the terminus.", ["38"]),
    ("It happens at about 20:00 most nights.", ["20:00"]),
    ("they turn up at half seven and stay till gone midnight", ["half seven", "midnight"]),
    ("This has been going on since 2019.", ["2019"]),
    ("The bike cost £250 and it was gone in ten minutes.", ["£250", "ten minutes"]),
    ("Our house is over 100 years old and the windows are easy to force.", ["100 years old"]),
    ("There was a crash on the A23 by the garage.", ["A23"]),
    ("Cars race on the M25 slip road every Friday.", ["M25"]),
    ("three lads on two bikes, all in black", ["three lads", "two bikes"]),
    ("The flats went up in 1965 and the locks are the originals.", ["1965"]),
    ("about 20 kids in the park drinking", ["20 kids"]),
    ("the 7:15 train was delayed because of them", ["7:15"]),
    ("Crimestoppers on 0800 555 111 said to post here.", ["0800 555 111"]),
    ("we've lived here 35 years and never seen it this bad", ["35 years"]),
    ("it was around 11pm on the 14th", ["11pm"]),
    ("Junction 9 of the M6 is where they go off", ["Junction 9", "M6"]),
    ("we paid £1,200 for the fence", ["£1,200"]),
)


@dataclass(frozen=True)
class Kind:
    name: str
    forms: Callable[[random.Random], list[tuple[str, str]]]
    frames: tuple[str, ...]
    count: int


def _phones(rng: random.Random) -> list[tuple[str, str]]:
    return phone_forms(next(_phone_values(rng)), rng)


KINDS = (
    Kind("phone", _phones, PHONE_FRAMES, 120),
    Kind("postcode", lambda rng: postcode_forms(rng.choice(POSTCODES), rng), POSTCODE_FRAMES, 40),
    Kind(
        "plate",
        lambda rng: plate_forms(
            rng.choice(
                CURRENT_PLATES * 3 + PREFIX_PLATES + SUFFIX_PLATES + NI_PLATES + PRIVATE_PLATES
            ),
            rng,
        ),
        PLATE_FRAMES,
        50,
    ),
    Kind("house", house_forms, HOUSE_FRAMES, 35),
    Kind("mail", mail_forms, MAIL_FRAMES, 30),
    Kind("dob", dob_forms, DOB_FRAMES, 15),
)


def rows(
    seed: int = 18, prefix: str = "n18", kinds: tuple[Kind, ...] = KINDS, keep_only: int = 20
) -> Iterator[dict[str, object]]:
    """Probe rows: for each kind, ``count`` rows cycling through its forms,
    each in a frame; every third row has a keep sentence added."""
    rng = random.Random(seed)
    number = 0
    for kind in kinds:
        for i in range(kind.count):
            forms = kind.forms(rng)
            value, label = forms[i % len(forms)]
            frame = rng.choice(kind.frames)
            text = frame.replace("{X}", value)
            keep: list[str] = []
            if i % 3 == 0:
                sentence, keep = rng.choice(KEEP_SENTENCES)
                text = f"{sentence} {text}" if i % 2 else f"{text} {sentence}"
            number += 1
            yield {
                "id": f"{prefix}-{number:03d}",
                "text": text,
                "details": [{"text": value, "kind": label}],
                "keep": keep,
                "voice": "generated",
                "note": f"round 18 number forms: {kind.name} form {i % len(forms)}",
            }
    for sentence, keep in KEEP_SENTENCES[:keep_only]:
        number += 1
        yield {
            "id": f"{prefix}-{number:03d}",
            "text": sentence,
            "details": [],
            "keep": keep,
            "voice": "generated",
            "note": "round 18 number forms: numbers to keep",
        }


def main() -> None:
    for row in rows():
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
