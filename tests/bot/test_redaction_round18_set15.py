"""Round 18 (issue 15): the fifteenth set's misses and lost keep words as
concepts (bot/safeguarding/redaction/cued_details.py and not_people.py),
tuned on the spent set. Wordings written for this round in several voices
(formal, text-speak, second language, elderly, rambling), not the set's
lines; look-alikes that must stay."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# (text, words that must all be gone)
GONE = [
    # a rank or title before a name, whatever the name's word
    ("The constable who came out, PC Rook, never rang me back.", ["Rook"]),
    ("pc gale told me 2 ring 101 but DC Thorne said email. which is it", ["Thorne"]),
    ("Dear Sgt Pickering, thank you for your patience with my mother.", ["Pickering"]),
    ("Our mosque committee spoke with Imam Tariq Bashir about the graffiti.", ["Tariq", "Bashir"]),
    ("Please pass my thanks to Cllr Hollins for raising it.", ["Hollins"]),
    # a house number with its street, or a person placed by their door
    ("The van is parked at his mum's, house number 12 on Larkspur Avenue.", ["12", "Larkspur"]),
    ("he deals out his flat, number 61 on Tenter Street, everyone knows", ["61", "Tenter"]),
    ("I live number twenty-two, Cobb Lane, Dudley. Noise every night.", ["twenty-two", "Cobb"]),
    ("the lads from number 3 keep kicking a ball at my car", ["3"]),
    ("My neighbours at number 17 shout all night, I am scared.", ["17"]),
    # a firm by its trade word, an owner's possessive or "trades as"
    ("The work was done by RW Detailing and the car came back scratched.", ["RW Detailing"]),
    ("Our drive was done by Summit Building Solutions and they have vanished.", ["Summit"]),
    ("He trades as Kwame Imports and sells from his garage.", ["Kwame Imports"]),
    ("a lad who trades under the name 'Zed Motors' sold me a dodgy car", ["Zed Motors"]),
    ("The graffiti is on the shutter of Okafor's Cash and Carry.", ["Okafor"]),
    ("I saw my stolen bike in the window of Pemberton's Antiques.", ["Pemberton"]),
    # a house's name by its cue
    ("My aunt, formerly of Rowan Bank, Hurstpierpoint, has died.", ["Rowan Bank"]),
    ("The people at Fernlea (that's the name of their house) have a dog.", ["Fernlea"]),
    # a role that singles one out
    ("I am the verger at St Botolph's and the lead has gone again.", ["Botolph"]),
    ("me and my wife run the Plough & Harrow in Bilsdale, a customer was abusive", ["Bilsdale"]),
    ("my boss at the nail bar on Kingsway Road keeps my wages", ["Kingsway"]),
    ("I work petrol station, night shift, only me at night. Man threaten me.", ["only me"]),
]

# (text, words that must all stay)
KEPT = [
    # look-alikes of a title before a name
    ("I bought a laptop from PC World and it was stolen from my car.", ["PC World"]),
    ("The kids were dressed as Father Christmas at the fair.", ["Father Christmas"]),
    # a number that is no home
    ("Take the number 38 bus to the station.", ["number 38"]),
    # round 19: a house number "on" its street goes with the street (every
    # blind writer labels it so, test_redaction_round19_spent16); the rest stays
    ("The house at number 6 on Hawthorn Street has had its windows done.", ["windows done"]),
    # a chain's possessive and a plain trade after one word stay for other readers
    ("I was in Sainsbury's Local when it happened.", ["Sainsbury's"]),
    ("Roofing Solutions are what the leaflet promised.", ["Roofing Solutions"]),
    # a town closing a sentence, not a sign-off
    ("Cars racing up and down every night - Kingsley", ["Kingsley"]),
    ("They keep parking on the verge outside the shop, Cudworth.", ["Cudworth"]),
    ("Youths on bikes by the Co-op again - Brierley", ["Brierley"]),
    # a known town after "out of", "in", ...
    ("I drive a cab out of Bishop's Stortford at weekends.", ["Bishop's Stortford"]),
    # a term, a brand's part, a pet, an addressee
    ("Is this what they call county lines or is it something else?", ["county lines"]),
    ("My mum thinks someone is cuckooing her flat.", ["cuckooing"]),
    ("A caller said he was from BT Openreach and wanted her bank details.", ["Openreach"]),
    ("missing cat Pudding last seen near the allotments", ["Pudding"]),
    ("our puppy Biscuit was taken from the garden", ["Biscuit"]),
    ("The letters just say The Occupier so we bin them.", ["The Occupier"]),
    (
        "Nobody knows the tenant; the bills come for The Occupier. The Occupier never pays.",
        ["The Occupier. The Occupier"],
    ),
    # a town's second word, a town's possessive, a monarch with a number
    (
        "I deliver parcels out of Market Harborough and a van keeps following me.",
        ["Market Harborough"],
    ),
    ("Boy racers again on the bypass. Stevenage's finest.", ["Stevenage's"]),
    ("Someone is selling Victoria II pennies just like my dad's stolen ones.", ["Victoria II"]),
    ("They took a Henry VIII shilling from the cabinet.", ["Henry VIII"]),
    # a pub's town after a chain that is no pub stays
    ("I run the Post Office in Kirkby Stephen and had odd calls.", ["Kirkby Stephen"]),
]

# a sign-off's name stays a name, even after a dash or a comma
SIGNED = [
    ("the kid on the scooter, his name's Rhys I think, threw a brick", "Rhys"),
    ("ring me back please 07700 900 456 - Ruksana", "Ruksana"),
    ("Thanks for your help, Oluwaseun", "Oluwaseun"),
]


@pytest.mark.parametrize(("text", "gone"), GONE)
def test_the_detail_goes(text: str, gone: list[str]) -> None:
    suggested = suggest_publishable(text)
    for words in gone:
        assert words not in suggested, suggested


@pytest.mark.parametrize(("text", "kept"), KEPT)
def test_the_ordinary_words_stay(text: str, kept: list[str]) -> None:
    suggested = suggest_publishable(text)
    for words in kept:
        assert words in suggested, suggested


@pytest.mark.parametrize(("text", "name"), SIGNED)
def test_a_sign_off_name_still_goes(text: str, name: str) -> None:
    assert name not in suggest_publishable(text)
