"""Issue 15, redaction round 7: the number group and the keep words the
sixth unseen set (tests/data/personal_details/unseen_2026_11_30_j.jsonl and
_k.jsonl, spent) showed the engine missing, as the set's own lines and as
new variants of each family. What an officer sees is the suggested
publishable text. Figures per file are in docs/redaction-figures.md ("Round 7:
numbers and keep words")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# The set's own lines (the part of each line that carries the detail).
SIXTH_SET_NUMBERS = [
    # j-002: a tenement flat, the street in lower case with its side
    (
        "he did it twice this week. am at 2/1 184 paisley rd west.",
        "he did it twice this week. am at [address].",
    ),
    # j-006: an Edinburgh floor-and-flat code before the street
    (
        "I am living in Leith, flat 3F2 at 27 Easter Road, EH7 5PW. Somebody steal parcel",
        "I am living in Leith, [address], [postcode]. Somebody steal parcel",
    ),
    # j-050: a fishing boat's port letters and number
    (
        "The boat's registered SY 412, though I'm not sure that's something you need.",
        "The boat's registered [vehicle reg], though I'm not sure that's something you need.",
    ),
    # j-156: an old exchange's number in words after "telephoned on" and the town
    (
        "I can be telephoned on Nairn four five two three oh eight.",
        "I can be telephoned on Nairn [phone].",
    ),
    # k-137: a caravan's number on a holiday park
    (
        "we r stayin at Trevelgue holiday park, caravan 112",
        "we r stayin at Trevelgue holiday park, [address]",
    ),
    # k-147: a district after the street, no comma
    (
        "My flat at 6 High Street Blue Town (above the chippy) has been broken into TWICE",
        "My flat at [address] (above the chippy) has been broken into TWICE",
    ),
]

NEW_NUMBER_VARIANTS = [
    # tenement flats and a street's side in lower case
    (
        "my daughter stays at 0/2 56 dumbarton rd east and her door was kicked in",
        "my daughter stays at [address] and her door was kicked in",
    ),
    # Edinburgh's codes: with a street, and alone after "flat"
    (
        "the stair at flat PF1, 9 Comely Bank Row is never locked",
        "the stair at [address] is never locked",
    ),
    ("parcels for flat 2F3 keep going missing", "parcels for [address] keep going missing"),
    # holiday homes, pitches, moorings and huts where there is a site
    (
        "a man has been hanging round pitch 23 at the campsite at night",
        "a man has been hanging round [address] at the campsite at night",
    ),
    (
        "our lodge 7 at Lakeside holiday village was broken into",
        "our [address] at Lakeside holiday village was broken into",
    ),
    (
        "someone took the outboard off our boat on mooring 14 at the marina",
        "someone took the outboard off our boat on [address] at the marina",
    ),
    (
        "the beach hut 112 on the promenade was smashed",
        "the [address] on the promenade was smashed",
    ),
    ("my static caravan no. 88 at Haven got done", "my [address] at Haven got done"),
    ("my allotment 23 shed was broken into", "my [address] shed was broken into"),
    (
        "the boat on Berth C12 at Ocean Village marina was broken into",
        "the boat on [address] at Ocean Village marina was broken into",
    ),
    ("caravan number 45 at Seton Sands", "[address] at Seton Sands"),
    ("GF1, 14 Leith Walk has had a break in", "[address] has had a break in"),
    (
        "my dads creel boat, BF 573, had its ropes cut",
        "my dads creel boat, [vehicle reg], had its ropes cut",
    ),
    # boats: port letters and number, a canal boat's index number
    (
        "the yacht, registered FY 27, was cut loose",
        "the yacht, registered [vehicle reg], was cut loose",
    ),
    (
        "fishing boat BF 123 was seen leaving at 4am",
        "fishing boat [vehicle reg] was seen leaving at 4am",
    ),
    (
        "Our narrowboat, index number 52012, was moored by the lock",
        "Our narrowboat, index number [vehicle reg], was moored by the lock",
    ),
    # a district after the street; a direction after it stays
    (
        "the lads hang about west of 10 Elm Road north of the river",
        "the lads hang about west of [address] north of the river",
    ),
    ("I live at 14 Church Road Kings Heath and", "I live at [address] and"),
    # number words after a town's exchange
    ("Please ring me on Dornoch six one two three four five", "Please ring me on Dornoch [phone]"),
    ("I can be reached on Nairn 452308.", "I can be reached on Nairn [phone]."),
]

NUMBERS_THAT_STAY = [
    # counts after "flat" (j-082's "my flat three nights already")
    "Some man follow me from bus stop to my flat three nights already after my late shift.",
    "we go three nights a week",
    # a caravan's size, a van's route, a boiler's code, a unit with no site
    "a caravan 12 feet long was left on the verge",
    "the number 4 van from the depot",
    "the BF 123 error code on the boiler",
    "turn off at the retail park, unit 6 is the gym",
    "we stayed two nights in a caravan on site 12 days ago",
    "we go to the allotment 3 times a week",
]


@pytest.mark.parametrize(("text", "expected"), SIXTH_SET_NUMBERS + NEW_NUMBER_VARIANTS)
def test_a_numbered_home_boat_or_phone_is_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", NUMBERS_THAT_STAY)
def test_counts_directions_and_public_numbers_stay(text: str) -> None:
    suggested = suggest_publishable(text)
    assert "[address]" not in suggested
    assert "[vehicle reg]" not in suggested
    assert "[phone]" not in suggested


# Keep words the sixth set lost (the set's own lines, shortened), and what
# the suggestion now shows of each.
SIXTH_SET_KEEP = [
    # j-019: a hospital one is in
    (
        "I was in James Cook for SIX hours with my dad last night. Ring me on 07700 900 592.",
        "I was in James Cook for SIX hours with my dad last night. Ring me on [phone].",
    ),
    # j-031 and j-071: a market and a district in lower case after "in"
    (
        "wee guy selling fake vapes in the Barras, is that youse or trading standards",
        "wee guy selling fake vapes in the Barras, is that youse or trading standards",
    ),
    ("ph no of the polis in torry? not 101", "ph no of the polis in torry? not 101"),
    # j-080: a university after "student at"; the landlord's business still goes
    (
        "I'm a student at Leeds Beckett and I live in a shared house in Headingley.",
        "I'm a student at Leeds Beckett and I live in a shared house in Headingley.",
    ),
    # j-084: a Facebook page's name
    (
        "posted on fb page Wythenshawe Lost n Found. 12 Hollyhedge Rd M22 4QN if any1 sees them",
        "posted on fb page Wythenshawe Lost n Found. [address] [postcode] if any1 sees them",
    ),
    # j-087: a town at the end of an account's name
    (
        "my account is Lorraine Hendry Falkirk. can police shut it down??",
        "my account is [name] Falkirk. can police shut it down??",
    ),
    # j-099 and j-140: firms named by their trade
    (
        "but a solar panel firm called Northern Sun Energy still knocked twice.",
        "but a solar panel firm called Northern Sun Energy still knocked twice.",
    ),
    (
        "a man in a van marked 'Lakeland Roofing' has been telling residents",
        "a man in a van marked 'Lakeland Roofing' has been telling residents",
    ),
    # k-013: a city after a district and a comma
    (
        "we live in Easton, Bristol at 52 Stapleton Road top flat.",
        "we live in Easton, Bristol at [address] top flat.",
    ),
    # k-037: a community centre
    (
        "I'm a volunteer at the food bank at the Leys (Blackbird Leys Community Centre)",
        "I'm a volunteer at the food bank at the Leys (Blackbird Leys Community Centre)",
    ),
    # k-083, k-101, k-102: a town after a home's cue, after "<name> from"
    (
        "When I come back home to Shirley at 6 in morning, three times someone try",
        "When I come back home to Shirley at 6 in morning, three times someone try",
    ),
    (
        "I write as a resident of Ely for some sixty years.",
        "I write as a resident of Ely for some sixty years.",
    ),
    (
        "hello i am Rebwar from Folkestone. they put on facebook page Folkestone Patriots.",
        "hello i am [name] from Folkestone. they put on facebook page Folkestone Patriots.",
    ),
    # k-138, k-158: a public body, an insurer
    ("I know it's Action Fraud really but", "I know it's Action Fraud really but"),
    (
        "other driver said his insurance was with Admiral, but he gave me",
        "other driver said his insurance was with Admiral, but he gave me",
    ),
]

NEW_KEEP_VARIANTS = [
    # the families, in new sentences
    (
        "my mam was in Ninewells for two days and her bag was taken",
        "my mam was in Ninewells for two days and her bag was taken",
    ),
    (
        "my son is a student at Sheffield Hallam and his laptop was stolen",
        "my son is a student at Sheffield Hallam and his laptop was stolen",
    ),
    (
        "we meet at Hawthorn Community Centre on Tuesdays",
        "we meet at Hawthorn Community Centre on Tuesdays",
    ),
    (
        "Hi, I'm Tomasz from Peterborough and my van was broken into",
        "Hi, I'm [name] from Peterborough and my van was broken into",
    ),
    (
        "a company called Pennine Driveways took a deposit and vanished",
        "a company called Pennine Driveways took a deposit and vanished",
    ),
    (
        "his profile is Kayleigh Marie Doncaster on facebook",
        "his profile is [name] Doncaster on facebook",
    ),
    # still people, still businesses named after someone
    ("my neighbour Sarah was shouting", "my neighbour [name] was shouting"),
    ("I went in with Jodie and", "I went in with [name] and"),
    # "in" before a possessive, written or not, and a family in the plural
    ("the car is in Jade Hughes name", "the car is in [name] name"),
    ("I was tagged in Ryan Jones post about it", "I was tagged in [name] post about it"),
    (
        "the kids round at the Hendersons keep kicking balls",
        "the kids round at the [name] keep kicking balls",
    ),
    ("we were outside Hassan's Barbers", "we were outside [name]"),
    ("a firm called Dave Smith Roofing", "a firm called [name]"),
    ("a company called Booth Lettings", "a company called [name]"),
    (
        "is it legal for Harkers garage in Danby to sell red diesel",
        "is it legal for [name] in Danby to sell red diesel",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SIXTH_SET_KEEP + NEW_KEEP_VARIANTS)
def test_places_institutions_firms_and_groups_stay_people_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


DESCRIPTIONS_CUT = [
    # j-140: money after an age's description stays
    (
        "He charged my neighbour, Mrs Winifred Braithwaite, who is ninety-three and lives "
        "alone, the sum of £3,500. I believe",
        "He charged my neighbour, [name], [age], the sum of £3,500. I believe",
    ),
    # k-028: a district at the end of an age's description stays
    (
        "I am 82, registered partially sighted, and live alone in a ground-floor flat in "
        "Bemerton Heath. I have been",
        "[age] in Bemerton Heath. I have been",
    ),
    # j-138: a known town after "out of" at the end of a job stays
    (
        "I'm the postie for the Netherthong round out of Holmfirth, have been for 20-odd years",
        "I'm [job] out of Holmfirth, have been for 20-odd years",
    ),
    # a job's district is what singles it out, and goes with it
    (
        "I am the only Polish woman who works on the tills at the Lidl in Small Heath.",
        "I am [job].",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DESCRIPTIONS_CUT)
def test_money_districts_and_towns_end_a_description(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected
