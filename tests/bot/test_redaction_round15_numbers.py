"""Issue 15, redaction round 15: the number group. A fresh probe
(tests/data/personal_details/numbers_probe_round15.jsonl, written for this
round before the code, at least eight wordings a concept in other voices:
text-speak, elderly formal, non-native, dialect) with look-alikes that must
stay, then the spent twelfth set's own lines
(unseen_2026_11_30_v/_w.jsonl, shortened). What an officer sees is the
suggested publishable text. Figures per file are in
docs/redaction-figures.md ("Round 15: the number group")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# flat or room in a named block or hall (the probe's n15-001 to n15-011; then spent lines)
BLOCKS = [
    (
        "i live flat 12 Harrington on the Mozart estate n kids keep kickin the door",
        "i live [address] on the Mozart estate n kids keep kickin the door",
    ),
    (
        "I reside at Flat 4 Belvedere, Churchill Gardens, and wish to report persistent nuisance.",
        "I reside at [address], Churchill Gardens, and wish to report persistent nuisance.",
    ),
    (
        "Sir, we stay in flat 31 Kestrel, Gorbals. Man sell drug on stair every night.",
        "Sir, we stay in [address], Gorbals. Man sell drug on stair every night.",
    ),
    (
        "I am student, my address is Room 112, Sharman Halls. Someone take my parcel.",
        "I am student, my address is [address]. Someone take my parcel.",
    ),
    (
        "I'm in room 3 at Ellison Hall and someone keeps taking food from the kitchen",
        "I'm in [address] and someone keeps taking food from the kitchen",
    ),
    (
        "rm 407 Crescent Residences, parcel nicked from the post room again",
        "[address], parcel nicked from the post room again",
    ),
    (
        "we're in block C, flat 14 on the Aylesbury estate an the lift's been smashed",
        "we're in [address] on the Aylesbury estate an the lift's been smashed",
    ),
    (
        "ppl dealin on the landing of block D every nite. im in D7 btw",
        "ppl dealin on the landing of block D every nite. im in [address] btw",
    ),
    (
        "Noise from the flat above mine till 3am. I'm flat C14 in Trellick Tower.",
        "Noise from the flat above mine till 3am. I'm [address] in Trellick Tower.",
    ),
    (
        "Me and my son live Room 8, Park View Hostel. Man shout at us every day.",
        "Me and my son live [address]. Man shout at us every day.",
    ),
    (
        "My granddaughter resides in Room 27, Devonshire Residences, and has had her bicycle"
        " stolen.",
        "My granddaughter resides in [address], and has had her bicycle stolen.",
    ),
    # v12-019 (shortened)
    (
        "We live Flat 9 Burnham, Chalcots Estate. Thank you.",
        "We live [address], Chalcots Estate. Thank you.",
    ),
    # v12-091 (shortened)
    (
        "ppl smokin weed in the stairwell at block C. who do i tell. im in C14 btw",
        "ppl smokin weed in the stairwell at block C. who do i tell. im in [address] btw",
    ),
    # v12-125 (shortened)
    (
        "He know my name and my address Room 214, Lupton Residences. I am very scared.",
        "He know my name and my address [address]. I am very scared.",
    ),
]
# flat or room in a named block or hall: look-alikes that must stay (the probe's n15-012 to n15-018)
BLOCKS_STAY = [
    "Room 101 on telly last night was class",
    "The PACT meeting is in Room 2 at the Town Hall on Tuesday.",
    "Bloke was shouting on Platform 2 at Leeds station",
    "A14 shut again at junction 10, took me 2 hours",
    "crash on the M6 J14 northbound this morning",
    "lads smokin on the C14 bus every day after school",
    "The fire alarm went off in Block C at 2am",
]
# tenement position (the probe's n15-019 to n15-026; then spent lines)
TENEMENTS = [
    (
        "we're in the 1/1 at 40 Dixon Avenue and the close door's been broke a month",
        "we're in the [address] and the close door's been broke a month",
    ),
    (
        "the wee wumman in the 3/2 has had her windae put in twice",
        "the wee wumman in the [address] has had her windae put in twice",
    ),
    (
        "I stay 2/1, 17 Craigie Street, Govanhill and the back court is full of rubbish",
        "I stay [address], Govanhill and the back court is full of rubbish",
    ),
    (
        "I live at 0/1 of 22 Albert Road, Crosshill, and the stair lights have failed.",
        "I live at [address], Crosshill, and the stair lights have failed.",
    ),
    (
        "guy fae the 1/2 keeps batterin music til 4am every night",
        "guy fae the [address] keeps batterin music til 4am every night",
    ),
    (
        "My mum's in the 2/2, top floor, and someone's been trying her door",
        "My mum's in the [address], top floor, and someone's been trying her door",
    ),
    (
        "I live Flat 0/2, 5 Kelvinhaugh Street. Somebody break my window.",
        "I live [address]. Somebody break my window.",
    ),
    (
        "im in flat 3/2 at 9 Ruthven st n the close is bogging",
        "im in [address] n the close is bogging",
    ),
    # v12-116 (shortened)
    (
        "I live Flat 2/1, 14 Croft Road, TD9 0dl, flat in the tenement.",
        "I live [address], [postcode], flat in the tenement.",
    ),
    # w12-027 (shortened)
    (
        "I'm in the 0/2 at 88 Westmoreland Street. The guy in the 2/1 reckons its kids",
        "I'm in the [address]. The guy in the [address] reckons its kids",
    ),
]
# tenement position: look-alikes that must stay (the probe's n15-027 to n15-031)
TENEMENTS_STAY = [
    "we won 2/1 on Saturday and their fans went for us after",
    "it happened on 2/1/26 at about 3pm",
    "he put £50 on the 2/1 favourite and lost it all",
    "1/2 price pizza at the chippy n a fight broke out",
    "the game finished 2-1 and the fighting started in the car park",
]
# street part after the street word (the probe's n15-032 to n15-039; then spent lines)
QUARTERS = [
    (
        "my licence has my address on it, 17 Nelson Road Central. Fuming.",
        "my licence has my address on it, [address]. Fuming.",
    ),
    (
        "We're at 22 Lord Street Central, Southport, above the shop",
        "We're at [address], Southport, above the shop",
    ),
    ("car keyed outside 9 station rd east last nite", "car keyed outside [address] last nite"),
    (
        "I write from 4 High Street North, Dunstable, regarding youths.",
        "I write from [address], Dunstable, regarding youths.",
    ),
    ("My home is 31 Church Road Upper, please help me", "My home is [address], please help me"),
    (
        "our kid lives at 6 Victoria Road South an his shed's been done",
        "our kid lives at [address] an his shed's been done",
    ),
    (
        "Parcel stolen from 88 Bridge Street West yesterday",
        "Parcel stolen from [address] yesterday",
    ),
    ("Bins set alight behind 15 Market Street East", "Bins set alight behind [address]"),
    # w12-070 (shortened)
    (
        "my driving licence which has my address on, 17 Nelson Road Central. Fuming.",
        "my driving licence which has my address on, [address]. Fuming.",
    ),
]
# street part after the street word: look-alikes that must stay (the probe's n15-040 to n15-042)
QUARTERS_STAY = [
    "Pickpockets all along Nelson Road Central in summer",
    "Lord Street Central was closed off for the parade",
    "The 4 lads ran up Station Road East towards the park",
]
# street word abbreviated or misspelt (the probe's n15-043 to n15-051; then spent lines)
SHORT_STREET_WORDS = [
    (
        "My adres is 12 Mill str, Luton. Someone steal my bike.",
        "My adres is [address], Luton. Someone steal my bike.",
    ),
    (
        "im at 33 fern strt n sum1 keeps tryin the door",
        "im at [address] n sum1 keeps tryin the door",
    ),
    (
        "there house is 8 Gladstone Raod and the window got smashed",
        "there house is [address] and the window got smashed",
    ),
    (
        "we live at 41 Albert Steet and the lads are back",
        "we live at [address] and the lads are back",
    ),
    (
        "Please note my address: 14 Church St., Wareham.",
        "Please note my address: [address]., Wareham.",
    ),
    (
        "Van parked outside 7 Kings Rd. all week blocking the drive",
        "Van parked outside [address]. all week blocking the drive",
    ),
    ("I live 5 Marine Tce, car window broken", "I live [address], car window broken"),
    (
        "me nan's at 19 Beach Pde an someone nicked her mobility scooter",
        "me nan's at [address] an someone nicked her mobility scooter",
    ),
    ("package taken from 3 Holly Crt yesterday", "package taken from [address] yesterday"),
]
# street word abbreviated or misspelt: look-alikes that must stay (the probe's n15-052 to n15-054)
SHORT_STREET_WORDS_STAY = [
    "car broke into on Union Steet last nite",
    "the 2 str lads from the gym were involved",
    "I walked 3 streets over to Mill Str and back",
]
# house number on the estate (the probe's n15-055 to n15-062; then spent lines)
ON_THE_ESTATE = [
    (
        "Our house is no 33 on the Greenacres estate and the kids keep throwing eggs",
        "Our house is [address] and the kids keep throwing eggs",
    ),
    (
        "im at number 9 on the leys estate n theres a car on fire",
        "im at [address] n theres a car on fire",
    ),
    (
        "We live at No. 14 on the Ravenscliffe Estate and the street lights are out.",
        "We live at [address] and the street lights are out.",
    ),
    (
        "I live number 7 on the Chalkhill estate, boys make noise all night",
        "I live [address], boys make noise all night",
    ),
    (
        "me mam's no 52 on the Hattersley estate an someone's been in her shed",
        "me mam's [address] an someone's been in her shed",
    ),
    (
        "We're number twelve on the Broadwater estate and our car was keyed",
        "We're [address] and our car was keyed",
    ),
    (
        "my nan is num 4 on the Southmead estate and shes been scamed",
        "my nan is [address] and shes been scamed",
    ),
    ("Im house number 21 on the Canford Heath estate", "[address]"),
]
# house number on the estate: look-alikes that must stay (the probe's n15-063 to n15-065)
ON_THE_ESTATE_STAY = [
    "There is no 24 hour service on the Greenacres estate any more",
    "the number 7 bus on the Leys estate got its windows put in",
    "We were number 1 on the estate for burglaries last year",
]
# boat registration (the probe's n15-066 to n15-074; then spent lines)
BOATS = [
    (
        "Somebody cut the ropes on our boat, the Mary Ann, FR 227, in Fraserburgh harbour",
        "Somebody cut the ropes on our boat, the [name], [vehicle reg], in Fraserburgh harbour",
    ),
    (
        "trawler PZ 1190 had her wheelhouse broken into at Newlyn",
        "trawler [vehicle reg] had her wheelhouse broken into at Newlyn",
    ),
    (
        "My late husband's boat, registration BF 45, has been taken from the slipway at Macduff.",
        "My late husband's boat, registration [vehicle reg], has been taken from the slipway"
        " at Macduff.",
    ),
    (
        "sum1 nicked the outboard off my dinghy, its got WY 12 on the bow",
        "sum1 nicked the outboard off my dinghy, its got [vehicle reg] on the bow",
    ),
    (
        "My brother fishes out of Brixham, boat is BM 28, and his pots keep being emptied",
        "My brother fishes out of Brixham, boat is [vehicle reg], and his pots keep being emptied",
    ),
    (
        "I work on fishing boat PH 105 in Plymouth, skipper not pay me three months",
        "I work on fishing boat [vehicle reg] in Plymouth, skipper not pay me three months",
    ),
    (
        "the crabber SS 77 wiz broke intae ower the weekend at St Ives",
        "the crabber [vehicle reg] wiz broke intae ower the weekend at St Ives",
    ),
    (
        "creel boat OB451 tied up at Oban pier, lads were aboard her at 2am",
        "creel boat [vehicle reg] tied up at Oban pier, lads were aboard her at 2am",
    ),
    (
        "some idiot in a rib with LK 33 on the side nearly hit the swimmers",
        "some idiot in a rib with [vehicle reg] on the side nearly hit the swimmers",
    ),
    # v12-040 (shortened)
    (
        "somebody's been on board the creel boat, LH 112, at the harbour on Thursday night",
        "somebody's been on board the creel boat, [vehicle reg], at the harbour on Thursday night",
    ),
    # v12-138 (shortened)
    (
        "Rib's got FY 67 on the side, not hard to find. Harbour office says ring you.",
        "Rib's got [vehicle reg] on the side, not hard to find. Harbour office says ring you.",
    ),
]
# boat registration: look-alikes that must stay (the probe's n15-075 to n15-079)
BOATS_STAY = [
    "traffic on the A30 near the harbour at Penzance was stopped",
    "the harbour car park is £5 for 2 hours and the boats are broken into",
    "took the X5 bus down to the harbour n my bag got nicked",
    "the CO2 cylinder was stolen off the boat",
    "my BF 2 days ago went out on the boat and came back drunk",
]
# what3words (the probe's n15-080 to n15-087; then spent lines)
WHAT3WORDS = [
    (
        "The gate where it turns round is ///crumbs.lantern.steep if that helps",
        "The gate where it turns round is [address] if that helps",
    ),
    (
        "what3words: filled.count.soap - that's our caravan",
        "what3words: [social media handle] - that's our caravan",
    ),
    ("w3w is index.home.raft come quick", "w3w is [social media handle] come quick"),
    (
        "Our what3words address is ///tables.crown.whistle should an officer need it.",
        "Our what3words address is [address] should an officer need it.",
    ),
    (
        "My farm what three words: apple.river.sing. Please come.",
        "My farm what three words: [social media handle]. Please come.",
    ),
    (
        "the quad wis left at ///moss.ladder.wing up the hill",
        "the quad wis left at [address] up the hill",
    ),
    ("Exact spot on what3words is ///// rocky.spoon.lake", "Exact spot on what3words is [address]"),
    ("pinned it on w3w: ///sofa.gravy.jump", "pinned it on w3w: [address]"),
    # v12-078 (shortened)
    (
        "The gate where it turns round is ///crumbs.lantern.steep if that helps.",
        "The gate where it turns round is [address] if that helps.",
    ),
]
# what3words: look-alikes that must stay (the probe's n15-088 to n15-090)
WHAT3WORDS_STAY = [
    "You can report it on www.police.uk instead",
    "see gov.uk for more",
    "The path is at https://www.example.org/a/b.c.d for maps",
]

# A second batch, written after the first fix to ask whether it holds in other
# words (the probe's n15-091 to n15-121)
SECOND_BATCH = [
    (
        "Dear Sirs, I am a resident of Flat 17 Wordsworth, Pembury Estate, and wish to complain.",
        "Dear Sirs, I am a resident of [address], Pembury Estate, and wish to complain.",
    ),
    (
        "Mi casa es flat 5 Shelley on the Pembury estate, people sell drugs",
        "Mi casa es [address] on the Pembury estate, people sell drugs",
    ),
    (
        "my daughter is in Room 9 Hulme Hall and her laptop went",
        "my daughter is in [address] and her laptop went",
    ),
    (
        "yo im in rm 12 Unite House cant sleep for the noise",
        "yo im in [address] cant sleep for the noise",
    ),
    (
        "She stays in Room 4, Salvation Army Hostel, Booth Street",
        "She stays in [address], Booth Street",
    ),
    (
        "I'm at D-14 in Falcon block, lads on the landing again",
        "I'm at [address] in Falcon block, lads on the landing again",
    ),
    (
        "the kids in flat D12 are setting fires on the landing",
        "the kids in [address] are setting fires on the landing",
    ),
    (
        "we stay up the 3/2, above the chippy, and folk are pishin in the close",
        "we stay up the [address], above the chippy, and folk are pishin in the close",
    ),
    ("I live in the G/L at 7 Dalhousie Street", "I live in the [address]"),
    (
        "Their dad in the 2/R keeps his motor on the pavement",
        "Their dad in the [address] keeps his motor on the pavement",
    ),
    (
        "the boy across fae the 0/2 has been dealing",
        "the boy across fae the [address] has been dealing",
    ),
    (
        "Hi, my address is 4/1, 212 Paisley Road West, G51 1BU",
        "Hi, my address is [address], [postcode]",
    ),
    (
        "Please attend 11 Sefton Road North at your earliest convenience",
        "Please attend [address] at your earliest convenience",
    ),
    ("my mum lives at 66 Church Street Lower, Brixham", "my mum lives at [address], Brixham"),
    ("23 Queens Rd. West got burgled", "[address] got burgled"),
    ("hse is 9 Eldon st. near the park", "hse is [address]. near the park"),
    ("44 Kinross Avnue, someone smashed the car", "[address], someone smashed the car"),
    (
        "I live at No 16 on the Ferrier estate, 2 lads kicked my door",
        "I live at [address], 2 lads kicked my door",
    ),
    ("my address is number nineteen on the Falinge estate", "my address is [address]"),
    (
        "The crabber Provider, PZ 1190, has had her gear stolen",
        "The crabber Provider, [vehicle reg], has had her gear stolen",
    ),
    ("location on what3words is: ///index.home.raft", "location on what3words is: [address]"),
    ("my w3w: table.chair.lamp", "my w3w: [social media handle]"),
]
SECOND_BATCH_STAY = [
    "Room 3 at Snaresbrook Crown Court was where the hearing was",
    "Room 5 at the Royal Infirmary was where they kept me",
    "I had 3/4 of a pint and then the fight started in the pub",
    "In the 2nd half it went 2/1 to them and their fans ran on",
    "I take the 1/2 hour bus to work at the harbour",
    "we won the match 4/1 at the leisure centre",
    "Exeter St David's is 5 min from the harbour, platform 1",
    "Off the A1 at junction 56, 4 lads in a car near the harbour",
    "the CH 1 bus stop by the harbour",
]

GONE = (
    BLOCKS
    + TENEMENTS
    + QUARTERS
    + SHORT_STREET_WORDS
    + ON_THE_ESTATE
    + BOATS
    + WHAT3WORDS
    + SECOND_BATCH
)
STAY = (
    BLOCKS_STAY
    + TENEMENTS_STAY
    + QUARTERS_STAY
    + SHORT_STREET_WORDS_STAY
    + ON_THE_ESTATE_STAY
    + BOATS_STAY
    + WHAT3WORDS_STAY
    + SECOND_BATCH_STAY
)


@pytest.mark.parametrize(("text", "expected"), BLOCKS)
def test_a_flat_or_room_in_a_named_block_or_hall_is_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(("text", "expected"), TENEMENTS)
def test_a_tenements_floor_and_door_is_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(("text", "expected"), QUARTERS)
def test_a_streets_part_after_its_word_goes_with_it(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(("text", "expected"), SHORT_STREET_WORDS)
def test_a_street_word_shortened_or_misspelt_is_a_street(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(("text", "expected"), ON_THE_ESTATE)
def test_a_house_number_on_a_named_estate_is_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(("text", "expected"), BOATS)
def test_a_fishing_boats_registration_is_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(("text", "expected"), WHAT3WORDS)
def test_a_what3words_address_is_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(("text", "expected"), SECOND_BATCH)
def test_the_second_batch_in_other_words_is_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", STAY)
def test_rooms_roads_buses_scores_dates_ranks_and_web_addresses_stay(text: str) -> None:
    assert suggest_publishable(text) == text


def test_every_wording_that_must_go_has_a_detail_in_it() -> None:
    # a pair whose expected text is its own text could never fail
    assert all(text != expected and "[" in expected for text, expected in GONE)
