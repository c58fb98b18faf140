"""Issue 15, redaction round 13: numbers and people by family, on wordings
written for this round first (at least eight a family, with look-alikes that
must stay), then the eleventh unseen set's own lines (tests/data/
personal_details/unseen_2026_11_30_t.jsonl and _u.jsonl, spent; shortened).
What an officer sees is the suggested publishable text. Figures per file are
in docs/redaction-figures.md ("Round 13: numbers and people")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# 1. A neighbour's house number alone: after their name ("(Gary at 33)"),
# after "theyre", after a misspelt "number", or signing off ("- no 21").
LONE_NUMBERS = [
    (
        "my neighbour (Bev at 21) saw the van too",
        "my neighbour ([name] at [address]) saw the van too",
    ),
    (
        "the lads next door (Kyle at 8a) are dealing again",
        "the lads next door ([name] at [address]) are dealing again",
    ),
    (
        "my neighbour Pete at 16, he has a doorbell camera",
        "my neighbour [name] at [address], he has a doorbell camera",
    ),
    (
        "neighbour Sandra Price at 4. she heard the bang",
        "neighbour [name] at [address]. she heard the bang",
    ),
    (
        "me nieghbour Dave at 9 says its been going on weeks",
        "me nieghbour [name] at [address] says its been going on weeks",
    ),
    ("theyre at 52 and we're next door", "theyre at [address] and we're next door"),
    (
        "theyre in 6 and they never put the bins out",
        "theyre in [address] and they never put the bins out",
    ),
    (
        "the old man at numbr 14 got conned by a roofer",
        "the old man at [address] got conned by a roofer",
    ),
    ("she lives at numer 3 by the park", "she lives at [address] by the park"),
    (
        "kids from nummer 27 keep kicking the ball at my car",
        "kids from [address] keep kicking the ball at my car",
    ),
    ("the dog at numbe 11 barks all night", "the dog at [address] barks all night"),
    (
        "Please can someone come about the fly tipping behind the shops. - no 8",
        "Please can someone come about the fly tipping behind the shops. - [address]",
    ),
    (
        "Cars on the pavement every day. Thanks - No. 45",
        "Cars on the pavement every day. Thanks - [address]",
    ),
    ("bins left out for weeks now ~ number 30", "bins left out for weeks now ~ [address]"),
    ("they've been shouting all night - num 17", "they've been shouting all night - [address]"),
    # the set's lines: pt11-129, pt11-154, pt11-012, pu11-160
    (
        "So my neighbour (Gary at 33) says his camera caught the lads. I'm at 35, Wentworth Road.",
        "So my neighbour ([name] at [address]) says his camera caught the lads. I'm at [address].",
    ),
    (
        "Neighbour's CCTV points straight into my kids bedroom window. Theyre at 47, we're 49"
        " Coniston Avenue",
        "Neighbour's CCTV points straight into my kids bedroom window. Theyre at [address], "
        "we're [address]",
    ),
    (
        "my nieghbour Tomasz Wiśniewski at numbr 42 keeps burnin rubish in his garden",
        "my nieghbour [name] at [address] keeps burnin rubish in his garden",
    ),
    (
        "The lady at no 19 Vicarage Road is feeding the pigeons. Can police do anything? - no 21",
        "The lady at [address] is feeding the pigeons. Can police do anything? - [address]",
    ),
]
# times, a meeting place, a bus stop, money, a shirt and a queue stay
LONE_NUMBERS_STAY = [
    "we meet at the church hall (the vicar at 10) every Tuesday",
    "the number 12 bus at numbr 7 stop",
    "it cost £12 - no 5 was cheaper",
    "the match kicks off at 3 - no 4 shirt was sent off",
    "I'll be there at 10 - no 2 in the queue",
    "We meet at the cafe (Costa at 10) on Saturdays",
]

# 2. Two house numbers on one street ("12 & 14 Ashdown Road": the 12 goes
# too) and a flat's number with its block's name ("103 Cavendish Block").
PAIRS_AND_BLOCKS = [
    (
        "the noise is from 12 & 14 Ashdown Road every night",
        "the noise is from [address] & [address] every night",
    ),
    (
        "the fence between 3 and 5 Elm Grove was kicked in",
        "the fence between [address] and [address] was kicked in",
    ),
    (
        "both houses, 22 & 24 Mill Lane, were egged",
        "both houses, [address] & [address], were egged",
    ),
    (
        "cars parked across 7 + 9 Church Street again",
        "cars parked across [address] + [address] again",
    ),
    (
        "the party at 41 and 43 Station Road went on till 4",
        "the party at [address] and [address] went on till 4",
    ),
    ("I'm at 103 Cavendish Block (the tall one)", "I'm at [address] (the tall one)"),
    ("she lives at 201 Park Heights", "she lives at [address]"),
    ("my mum is 7 Oak Point on the estate", "my mum is [address] on the estate"),
    ("the lads hang round 5 Wellington Towers", "the lads hang round [address]"),
    # the set's lines: pu11-064, pu11-038
    (
        "the neighbour dispute at 12 & 14 Ashdown Road, Forest Row, RH18 5BW. we are at 12.",
        "the neighbour dispute at [address] & [address], Forest Row, [postcode]. we are at "
        "[address].",
    ),
    (
        "can the PCSO please call me, I'm at 103 Cavendish Block (the tall one).",
        "can the PCSO please call me, I'm at [address] (the tall one).",
    ),
]
PAIRS_AND_BLOCKS_STAY = [
    "the number 12 and 14 buses are always late",
    "we need 3 and 5 more volunteers",
    "Cavendish Block has a broken lift",
    "the Tower Block on Elm Road has needles in the stairwell",
    "junction 12 and 14 of the M6 were shut",
]

# 3. A private plate with a word in it ("BF 6 ONE") after "reg" or "plate"
# or before "private plate", and a frame or serial number after a misspelt
# "number" (an ID number: it goes).
PLATES_AND_FRAMES = [
    (
        "the reg was something like BF 6 ONE, private plate, gold Merc",
        "the reg was something like [vehicle reg], private plate, gold Merc",
    ),
    ("it had a private plate, K 9 DOG I think", "it had a private plate, [vehicle reg] I think"),
    ("the van's reg was TJ 7 ONE", "the van's reg was [vehicle reg]"),
    ("plate said M 4 TOP, black Range Rover", "plate said [vehicle reg], black Range Rover"),
    (
        "reg is S 8 TAN and it's always on the pavement",
        "reg is [vehicle reg] and it's always on the pavement",
    ),
    ("B 12 ACE private plate, white Audi", "[vehicle reg] private plate, white Audi"),
    ("the regs are AB 1 CAT on the front", "the regs are [vehicle reg] on the front"),
    (
        "something like D 3 EVE? personal plate, red Mini",
        "something like [vehicle reg]? personal plate, red Mini",
    ),
    ("frame numer WTU 4471 8829 if anyone finds it", "[ID number] if anyone finds it"),
    ("the frame numbr is WR 2210 5531", "the [ID number]"),
    ("serial numer AB12 3349 on the back", "[ID number] on the back"),
    (
        "his bike, frame nuber XT 5521 7734, went from the rack",
        "his bike, [ID number], went from the rack",
    ),
    # the set's lines: pt11-139, pu11-132
    (
        "reg on the car that hit me was something like BF 6 ONE? private plate, gold Merc",
        "reg on the car that hit me was something like [vehicle reg]? private plate, gold Merc",
    ),
    (
        "its a blue carrera, frame numer WTU 4471 8829. can u check",
        "its a blue carrera, [ID number]. can u check",
    ),
]
# road numbers, a bus route and a stop's letters stay
PLATES_STAY = [
    "we drove on the A 1 road past junction 4 with the reg light out",
    "the bus was the X 5 to Leeds",
    "they took the 36 bus from stop B 4 AT 9",
    "the plate fell off on the A 63 and the reg was never found",
]


@pytest.mark.parametrize(("text", "expected"), LONE_NUMBERS)
def test_a_neighbours_number_alone_is_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", LONE_NUMBERS_STAY)
def test_times_stops_money_shirts_and_queues_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), PAIRS_AND_BLOCKS)
def test_both_numbers_of_a_pair_and_a_flat_in_a_block_are_replaced(
    text: str, expected: str
) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", PAIRS_AND_BLOCKS_STAY)
def test_buses_counts_junctions_and_block_names_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), PLATES_AND_FRAMES)
def test_a_worded_private_plate_and_a_misspelt_frame_number_are_replaced(
    text: str, expected: str
) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", PLATES_STAY)
def test_roads_routes_and_stops_stay(text: str) -> None:
    assert suggest_publishable(text) == text


# 4. A bar or a grill named after its owner: an owner's "'s" before "Bar",
# "Grill", "Kebab House" or "Kebab & Grill" ("Costa" is a surname as well as a
# coffee chain, and no chain sells kebabs).
BARS_AND_GRILLS = [
    (
        "the fight started outside Murphy's Bar on the high street",
        "the fight started outside [name] on the high street",
    ),
    (
        "my husband runs Hassan's Grill and they keep smashing the sign",
        "my husband runs [name] and they keep smashing the sign",
    ),
    (
        "someone keeps tagging the shutters at Yusuf's Kebab House",
        "someone keeps tagging the shutters at [name]",
    ),
    (
        "the lads robbed the till at Dimitri's Bar last night",
        "the lads robbed the till at [name] last night",
    ),
    (
        "i work at Ahmed's Chicken & Grill and a man threatened me",
        "i work at [name] and a man threatened me",
    ),
    (
        "theres dealing behind Kowalski's Bar every weekend",
        "theres dealing behind [name] every weekend",
    ),
    (
        "they smashed the window of Nadia's Pizza & Grill again",
        "they smashed the window of [name] again",
    ),
    (
        "the bins behind Kemal's Kebabs and Grill were set alight",
        "the bins behind [name] were set alight",
    ),
    # the set's lines: pu11-143, pu11-090
    (
        "dogs owner is the bloke from Mulligan's Bar on Friar St.",
        "dogs owner is the bloke from [name] on Friar St.",
    ),
    (
        "Our shop, Costa's Kebab & Grill on Fratton Road, had its window smashed",
        "Our shop, [name] on Fratton Road, had its window smashed",
    ),
]
# a place's, a chain's or a group's bar stays
BARS_STAY = [
    "we went to the Station's Bar after the match",
    "Sainsbury's Bar area was busy",
    "the Costa's Bar was closed",
    "the cyclists' Bar was shut",
]


@pytest.mark.parametrize(("text", "expected"), BARS_AND_GRILLS)
def test_a_bar_or_grill_named_after_its_owner_is_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", BARS_STAY)
def test_a_places_a_chains_or_a_groups_bar_stays(text: str) -> None:
    assert suggest_publishable(text) == text


# 5. Names all in lower case: a friend's given name and surname after "me
# mate" ("shazia khan"), and a given name signing in at the start ("hi its deb
# from ...").
LOWER_CASE_NAMES = [
    ("my friend aisha patel had her car keyed", "my friend [name] had her car keyed"),
    ("me mate tariq hussain got jumped by the shops", "me mate [name] got jumped by the shops"),
    ("my cousin priya sharma is scared to go out", "my cousin [name] is scared to go out"),
    ("my pal kasia nowak saw it too", "my pal [name] saw it too"),
    ("my bestie jaz singh reported it already", "my bestie [name] reported it already"),
    (
        "hiya its kev from the flats, the lift is broke again",
        "hiya its [name] from the flats, the lift is broke again",
    ),
    ("this is raj again about the van", "this is [name] again about the van"),
    ("hello, it's bev at the corner shop", "hello, it's [name] at the corner shop"),
    ("its rose from number 4", "its [name] from [address]"),
    # the set's lines: pt11-059, pt11-039
    (
        "me mate shazia khan got her purse robbed on the 1 bus into town",
        "me mate [name] got her purse robbed on the 1 bus into town",
    ),
    (
        "hi its deb from 7 the crescent again, re the dog on Moor Lane",
        "hi its [name] from [address] again, re the dog on Moor Lane",
    ),
]
# a word after a friend's name, "me", "mum" and ordinary words signing in stay
LOWER_CASE_STAY = [
    "me mate will said the same",
    "me mate dunno what to do",
    "its me again about the noise",
    "hi its only me from next door",
    "its late here and theyre still shouting",
    "hi it's mum from the school run",
]


@pytest.mark.parametrize(("text", "expected"), LOWER_CASE_NAMES)
def test_a_lower_case_friend_or_a_name_signing_in_is_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", LOWER_CASE_STAY)
def test_ordinary_words_after_me_mate_or_its_stay(text: str) -> None:
    assert suggest_publishable(text) == text


def test_a_word_after_a_friends_lower_case_name_stays() -> None:
    # the older dev set's line e-214: "leah" goes, "too" is no surname here
    text = "took £90 off me, my mate leah too"
    assert suggest_publishable(text) == "took £90 off me, my mate [name] too"


# 6. A post one person holds, right after the named place the writer works
# at: the post goes, the place said apart stays.
POSTS_AFTER_A_WORKPLACE = [
    (
        "I work at Tesco Extra, I'm the night manager, and the same lads come in every night",
        "I work at Tesco Extra, I'm [job], and the same lads come in every night",
    ),
    (
        "I work at the Red Lion, I'm the landlady, and he threatened me",
        "I work at the Red Lion, I'm [job], and he threatened me",
    ),
    (
        "i work at Boots in town, im the pharmacist so they know me",
        "i work at Boots in town, im [job] so they know me",
    ),
    (
        "I work for Hillside Surgery; I am the practice manager",
        "I work for Hillside Surgery; I am [job]",
    ),
    (
        "I work at the Co-op on Elm Road, I'm the duty manager most nights",
        "I work at the Co-op on Elm Road, I'm [job] most nights",
    ),
    ("I work at St Mary's, I'm the caretaker", "I work at St Mary's, I'm [job]"),
    ("I work in the Spar, I'm the supervisor there", "I work in the Spar, I'm [job] there"),
    (
        "I work at the Crown, I'm the head chef and they smashed the back door",
        "I work at the Crown, I'm [job] and they smashed the back door",
    ),
    # the set's line: pu11-012
    (
        "I work at the Barclays there, I'm the assistant manager. Don't want my name up.",
        "I work at the Barclays there, I'm [job]. Don't want my name up.",
    ),
]
# a workplace with no name, and "the one who ..." stay
POSTS_STAY = [
    "I work at a bank, I'm the manager",
    "I work at the shop, I'm the manager",
    "I work at Tesco, I'm the one who called you",
    "I work at Greggs, I'm the one on the till",
]


@pytest.mark.parametrize(("text", "expected"), POSTS_AFTER_A_WORKPLACE)
def test_a_post_after_a_named_workplace_is_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", POSTS_STAY)
def test_a_post_at_an_unnamed_workplace_or_the_one_who_stays(text: str) -> None:
    assert suggest_publishable(text) == text
