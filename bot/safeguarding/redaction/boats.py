"""Round 15 (issue 15): a fishing boat's registration, its port's letters and
a number ("LH 112", "FY 67", "PZ 1190", "OB451"), the number painted on
a boat that singles out its owner (the twelfth unseen set's "the Girl
Morag, LH 112" and "Rib's got FY 67 on the side").

The letters are those of the UK's and the Crown dependencies' fishing
ports with two or three letters (the one-letter ports, A for Aberdeen and M
for Milford, are a road's letters too: "the A30 near the harbour"); they go
only where the text around them speaks of a boat or a harbour, and not as
a time, a count or a bus ("my BF 2 days ago", "the CH 1 bus").

Also (since round 7, moved here from numbered.py in round 16, unchanged):
a boat's port letters and number after a registration's word where a boat
is named within 200 characters before or 80 after ("the boat's registered
SY 412", "fishing boat BF 123", "PLN: LK 87"), and a canal boat's index
number ("narrowboat, index number 52012").

Shapes are (start, end) character offsets in
:class:`~bot.safeguarding.redaction.detail.Detail`, VEHICLE_REG; the text is
searched as given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail, word_set

# Port distinguishing letters of two or three letters (Registry of Shipping
# and Seamen's list, as fishermen paint them)
PORT_LETTERS = word_set(
    "AA AB AD AH AR BA BCK BD BE BF BH BK BM BN BO BR BRD BS BW CA CE CF CH CK CL CN CO "
    "CS CT CY DH DO DS FD FE FH FR FY GH GK GN GR GU GY HH HL IH INS JY KY LA LH LI LK LL "
    "LN LO LR LT LY MH ME MN MT NN OB PD PE PH PL PN PT PW PZ RO RR RX SA SC SD SE SH SM "
    "SN SO SR SS SSS ST SU SY TH TN TO TT UL WA WH WK WN WO WY YH"
)
_LETTERS = "|".join(sorted(PORT_LETTERS, key=len, reverse=True))
_BOAT_NUMBER = re.compile(
    rf"(?<![\w'’/.-])(?P<reg>(?:{_LETTERS})(?:[ \t-]?\d{{2,4}}|[ \t-]\d))\b"
    # not a postcode's inward part ("PL1 2AB"), not a time, a count or money
    r"(?![ \t]?\d[A-Za-z]{2}\b)"
    r"(?![ \t]*(?i:am|pm|days?|weeks?|months?|years?|yrs?|hours?|hrs?|mins?|minutes?|quid|"
    r"pounds?|%|mph|knots?|kts?|feet|ft|metres?|m\b|mm\b|bus|buses|stop|route|service|"
    r"road|train|tram)\b)"
)
# Not someone's ("my BF 2", "her PA 3")
_SOMEONES = re.compile(r"(?i:\b(?:my|our|his|her|your|their|me)[ \t]+)$")
_BOATS_SPOKEN_OF = re.compile(
    r"(?i:\b(?:boats?|vessels?|trawlers?|crabbers?|creel|creels|fishing|fishes|fisherman|"
    r"fishermen|harbou?rs?|quay|quayside|pier|slipway|marina|moorings?|moored|skipper|"
    r"skippers|dinghy|dinghies|ribs?|yacht|launch|hull|bow|stern|wheelhouse|outboard|aboard|"
    r"on[ \t]+board|coble|potter|netter|berth|berthed|lobster|pots)\b)"
)
_NEAR = 150


def find_boat_registrations(text: str) -> Iterator[Detail]:
    """A fishing port's letters and a number within 150 characters of a
    word for a boat or a harbour: VEHICLE_REG spans."""
    for match in _BOAT_NUMBER.finditer(text):
        if _SOMEONES.search(text, max(0, match.start() - 8), match.start()):
            continue
        window = text[max(0, match.start() - _NEAR) : match.end() + _NEAR]
        if _BOATS_SPOKEN_OF.search(window):
            yield Detail(match.start("reg"), match.end("reg"), Category.VEHICLE_REG)


# Round 7 (moved from numbered.py in round 16, unchanged):
# port letters (one to three capitals) and number, after what says it is a boat's
_BOAT = re.compile(
    r"(?i:\b(?:boat|vessel|trawler|yacht|creel[ \t]+boat|fishing[ \t]+boat|launch|dinghy|"
    r"rib|cruiser|skiff|coble|crabber|narrowboat|barge)\b)"
)
_PORT_NUMBER = re.compile(
    r"(?i:\b(?:registered|registration|reg\.?|pln|port[ \t]+(?:letters|number|no\.?)|"
    r"fishing[ \t]+(?:number|no\.?)|(?:boat|vessel|trawler)(?:['’]s)?(?:[ \t]+(?:number|no\.?))?)"
    r"(?:[ \t]+(?:number|no\.?))?(?:[ \t]+(?:is|was|as))?[ \t]*[:,-]?[ \t]*)"
    r"(?P<code>(?-i:[A-Z]{1,3})[ \t-]?\d{1,4})\b(?![ \t]*(?:%|mph|knots|ft|feet|m\b|metres))"
)
_INDEX_NUMBER = re.compile(
    r"(?i:\b(?:index|licence|license|registration|reg\.?|boat)[ \t]+(?:number|no\.?)"
    r"(?:[ \t]+(?:is|was))?[ \t]*[:,-]?[ \t]*(?P<code>\d{5,6})\b)"
)


def find_boats_by_port_or_index(text: str) -> Iterator[Detail]:
    """A boat's port letters and number after a registration's word, or its
    index number, with a boat named near (the module's docstring):
    VEHICLE_REG spans over the code."""
    for pattern in (_PORT_NUMBER, _INDEX_NUMBER):
        for match in pattern.finditer(text):
            window = text[max(0, match.start() - 200) : match.end() + 80]
            if _BOAT.search(window):
                yield Detail(match.start("code"), match.end("code"), Category.VEHICLE_REG)
