"""Issue 15, redaction round 14: numbers and people. Misses by family, on
wordings written for this round first (at least eight a family, in other
voices, with look-alikes that must stay), then the eleventh unseen set's
own lines (tests/data/personal_details/unseen_2026_11_30_u.jsonl, spent).
What an officer sees is the suggested publishable text. Figures per file are
in docs/redaction-figures.md ("Round 14: numbers and people")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# 1. A relative's word alone, then a name set off with an age after it: the
# age is the cue, so a surname that is a street's word ("Hill", "Lane") goes.
RELATIVES_WITH_AGE = [
    (
        "Mum, Joan Hill, 84, of 12 Park Road has been scammed by a roofer",
        "Mum, [name], [age] has been scammed by a roofer",
    ),
    (
        "Dad, Peter Lane, 79, from Leeds, got a call from 'his bank'",
        "Dad, [name], [age], got a call from 'his bank'",
    ),
    (
        "Nan - Edna Wood, 91 - was conned at the door",
        "Nan - [name], [age] - was conned at the door",
    ),
    (
        "Grandad, Albert Green, 88, keeps getting these calls",
        "Grandad, [name], [age], keeps getting these calls",
    ),
    (
        "Please help. Mother, Margaret Rose Hill, 90, lives alone.",
        "Please help. Mother, [name], [age].",
    ),
    (
        "It is about my Auntie, Patience Mensah, 76, she receive letter from fake bank",
        "It is about my Auntie, [name], [age], she receive letter from fake bank",
    ),
    (
        "Uncle, Tomasz Nowak, 70 years old, his car was taken from drive",
        "Uncle, [name], [age], his car was taken from drive",
    ),
    ("Dad, Peter Lane (79) fell over", "Dad, [name] [age] fell over"),
    (
        "Good morning. Mum, Joan Hill, 84, from Leeds, got a call saying she owed tax.",
        "Good morning. Mum, [name], [age], got a call saying she owed tax.",
    ),
]
RELATIVES_WITH_AGE_STAY = [
    (
        "Mum, Church Lane is flooded again, 3 cars stuck",
        "Mum, Church Lane is flooded again, 3 cars stuck",
    ),
    (
        "Dad, Station Road, 10 mins ago a car crashed",
        "Dad, Station Road, 10 mins ago a car crashed",
    ),
    ("Mum, Park Road, 5pm, there was a fight", "Mum, Park Road, 5pm, there was a fight"),
    ("Nan, High Street, 2 lads on bikes", "Nan, High Street, 2 lads on bikes"),
    ("Nan, High Street, 12, the shop there", "Nan, High Street, 12, the shop there"),
    ("Dad, Oxford Road, 7.30 this morning", "Dad, Oxford Road, 7.30 this morning"),
]

# 2. A school whose own name starts with "The", with its school word.
THE_NAMED_SCHOOLS = [
    (
        (
            "Our son Harry Lomax, year 12 at The Abbey School Faversham, was jumped at the "
            "bus stop on Whitstable Road."
        ),
        "Our son [school and year], was jumped at the bus stop on Whitstable Road.",
    ),
    (
        "my lad is yr 8 at The Kings Academy and gets bullied",
        "my lad is [school and year] and gets bullied",
    ),
    ("she's in Year 10 at The Grange School, Aylesbury", "she's in [school and year], Aylesbury"),
    (
        "our Kayden is in year 7 at The Heath School n gets picked on",
        "our [school and year] n gets picked on",
    ),
    (
        "My grandson, who is in Year 11 at The Radcliffe School, has had his bike stolen.",
        "My grandson, who is in [school and year], has had his bike stolen.",
    ),
    (
        "my daughter she is year 5 at The Oaks Primary, other girl hit her",
        "my daughter she is [school and year], other girl hit her",
    ),
    (
        "he in yr 10 at The Bishops High School Chester, boys take his phone",
        "he in [school and year], boys take his phone",
    ),
    ("Jade's in year 3 at The Meadows Primary", "[school and year]"),
]
THE_NAMED_SCHOOLS_STAY = [
    ("our year 6 at the School Fair raised £200", "our year 6 at the School Fair raised £200"),
    ("the year 11 at The Crown pub quiz was rowdy", "the year 11 at The Crown pub quiz was rowdy"),
    ("we did year 9 at the high school in town", "we did year 9 at the high school in town"),
]

# 3. A practice named by its town and its trade names no place of its own:
# the street after it goes with the job.
TOWN_PRACTICE_STREETS = [
    (
        (
            "My daughter's ex keeps turning up at her work - she's the receptionist at "
            "Newbury Vets on Bartholomew Street. Is there an order we can get?"
        ),
        (
            "My daughter's ex keeps turning up at her work - she's [job]. Is there an order "
            "we can get?"
        ),
    ),
    (
        (
            "my wife is the practice manager at Harrogate Dental on Station Parade and he "
            "keeps ringing"
        ),
        "my wife is [job] and he keeps ringing",
    ),
    ("I'm the only mechanic at Leeds Tyres on Kirkstall Road", "I'm [job]"),
    (
        "my sister works as the nurse at Bolton Vets on Chorley New Road, he waits outside",
        "my sister works as [job], he waits outside",
    ),
    (
        "hiya my mum is the cleaner at Wigan Vets on Gidlow Lane and a bloke follows her",
        "hiya my mum is [job] and a bloke follows her",
    ),
    ("He's the only receptionist at Bury Dental on Bolton Street", "He's [job]"),
    ("I'm the manager at Derby Tyres on Osmaston Road, car keyed", "I'm [job], car keyed"),
    ("my partner is the pharmacist at Preston Pharmacy on Friargate", "my partner is [job]"),
]
TOWN_PRACTICE_STREETS_STAY = [
    ("she's the receptionist at Greenway Dental on Park Road.", "she's [job] on Park Road."),
    ("I'm the landlady at The Crown on High Street", "I'm [job] on High Street"),
    (
        "the vet at Newbury is lovely, on Bartholomew Street",
        "[job] is lovely, on Bartholomew Street",
    ),
]

# 4. A run business's town, then "the only one in town": the town goes with
# the job. "the only one for miles" after a village stays as it was.
ONLY_ONE_IN_TOWN = [
    (
        (
            "Good morning, my husband Rajan and I run the post office in Chipping Norton - "
            "the only one in town - and were threatened by a customer yesterday."
        ),
        (
            "Good morning, my husband [name] and [job] - the only one in town - and were "
            "threatened by a customer yesterday."
        ),
    ),
    (
        "we own the chemist in Alston (the only one in town) and someone broke in",
        "[job] and someone broke in",
    ),
    (
        (
            "i run the chippy in Seahouses, the only one in the village, lads keep smashing "
            "the window"
        ),
        "[job], lads keep smashing the window",
    ),
    (
        "we run the bakery in Hawes - the only one round here - and the till got took",
        "[job] - the only one round here - and the till got took",
    ),
    (
        ("she runs the salon in Bala (the only one in the village) and her ex keeps turning up"),
        "[job] and her ex keeps turning up",
    ),
    ("I own the garage at Tebay, the only one in town, diesel stolen", "[job], diesel stolen"),
    (
        ("Me an my husband own the newsagents in Settle - the only one in town - windows smashed"),
        "Me an my husband [job] - the only one in town - windows smashed",
    ),
    (
        "they run the pub in Malham, the only one in the village, lock-ins every night",
        "[job], lock-ins every night",
    ),
]
ONLY_ONE_IN_TOWN_STAY = [
    (
        (
            "Hello, I run the Post Office in Kirkoswald, the only one for miles, and I've "
            "had a couple of odd phone calls"
        ),
        (
            "Hello, [job] in Kirkoswald, the only one for miles, and I've had a couple of "
            "odd phone calls"
        ),
    ),
    (
        "I run the cafe in Thornton Heath and a man paid with fake notes",
        "[job] in Thornton Heath and a man paid with fake notes",
    ),
    (
        ("I run the chippy in Whitby and the gulls are a menace, the only one that bothers me"),
        "[job] in Whitby and the gulls are a menace, the only one that bothers me",
    ),
]

# 5. A cafe named after a relative and her given name, in another language.
CAFES_NAMED_FOR_KIN = [
    (
        (
            "Good afternoon. I run a Brazilian cafe, Sabor da Vovó Lúcia, in Thornton "
            "Heath, and a man has been paying with fake £20 notes."
        ),
        (
            "Good afternoon. I run a Brazilian cafe, [name], in Thornton Heath, and a man "
            "has been paying with fake £20 notes."
        ),
    ),
    (
        "we have the restaurant Cucina di Nonna Rosa on Castle Street",
        "we have the restaurant [name] on Castle Street",
    ),
    (
        "my mum runs Casa da Tia Fátima, a Portuguese bakery, someone smashed window",
        "my mum runs [name], a Portuguese bakery, someone smashed window",
    ),
    (
        "Hi I own small cafe Pastelaria do Avô Manuel in Stockwell, man steal tips",
        "Hi I own small cafe [name] in Stockwell, man steal tips",
    ),
    (
        "ive got a food stall called Cocina de la Abuela Carmen at the market",
        "ive got a food stall called [name] at the market",
    ),
    (
        "my auntie have cafe Sabor da Tia Rosa in Brixton, a man threaten her",
        "my auntie have cafe [name] in Brixton, a man threaten her",
    ),
    (
        "Trattoria di Nonno Luigi on the high street got broke in",
        "[name] on the high street got broke in",
    ),
    (
        "Hello, my grandmother's shop Doces da Avó Maria in Norwich had stone thrown",
        "Hello, my grandmother's shop [name] in Norwich had stone thrown",
    ),
]
CAFES_NAMED_FOR_KIN_STAY = [
    ("I had coffee at Casa da Musica in Porto", "I had coffee at Casa da Musica in Porto"),
    ("we ate at Pizzeria da Napoli on the front", "we ate at Pizzeria da Napoli on the front"),
    ("the Bar do Porto on Dean Street was rowdy", "the Bar do Porto on Dean Street was rowdy"),
]

# 6. A titled person "at the takeaway", then the takeaway's own name after a
# comma: the place is theirs and points to them.
TITLED_OWNERS_PLACES = [
    (
        (
            "Mrs Ng at the takeaway, Golden Harbour on Cowley Road, was shouted at by two "
            "men last night."
        ),
        ("[name] at the takeaway, [name] on Cowley Road, was shouted at by two men last night."),
    ),
    (
        "Mr Patel at the corner shop, Sunrise Stores, got robbed",
        "[name] at the corner shop, [name], got robbed",
    ),
    (
        "Mrs Okafor from the salon, Crown Of Glory, is being harassed",
        "[name] from the salon, [name], is being harassed",
    ),
    (
        "mr chen at the chippy, Happy Fryer, had his window put in",
        "[name] at the chippy, [name], had his window put in",
    ),
    (
        "Miss Kaur at the off licence, Royal Wines, was threatened with a knife",
        "[name] at the off licence, [name], was threatened with a knife",
    ),
    (
        "Mrs Ali who runs the cafe, Little Lahore, says they came back",
        "[name] who runs the cafe, [name], says they came back",
    ),
    (
        "Mr Doyle at the bakery, Crusty Corner, saw them run off",
        "[name] at the bakery, [name], saw them run off",
    ),
    (
        "Mrs Begum at the newsagents, Star News on Carlton Road, was robbed",
        "[name] at the newsagents, [name] on Carlton Road, was robbed",
    ),
]
TITLED_OWNERS_PLACES_STAY = [
    (
        "Mrs Khan at the shop, Tesco Express, was lovely",
        "[name] at the shop, Tesco Express, was lovely",
    ),
    (
        "Mr Lee from the chippy, High Street, was there",
        "[name] from the chippy, High Street, was there",
    ),
    ("Mr Lee from the chippy, Whitby, was there", "[name] from the chippy, Whitby, was there"),
    (
        "I was at the takeaway, Golden Harbour on Cowley Road, when it kicked off",
        "I was at the takeaway, Golden Harbour on Cowley Road, when it kicked off",
    ),
]

# 7. A house number and a street in lower case after living "in" or "we
# are" (the number group): the street goes with the number.
LOWER_STREETS_AFTER_LIVING_IN = [
    ("im in 7 meadow view", "im in [address]"),
    ("we are 7 meadow view, the bungalow", "we are [address], the bungalow"),
    ("they live in 7 meadow view since may", "they live in [address] since may"),
    ("we r 14 elm grove, the one with the red door", "we r [address], the one with the red door"),
    (
        "i'm in 22 acacia avenue and the lads are at it again",
        "i'm in [address] and the lads are at it again",
    ),
    ("we moved into 5 orchard close in march", "we moved into [address] in march"),
    (
        "Good evening. We are 31 willow walk. The car alarm has gone all night.",
        "Good evening. We are [address]. The car alarm has gone all night.",
    ),
    (
        "me n my kids live in 9 station rise, can some1 come",
        "me n my kids live in [address], can some1 come",
    ),
    ("we are 4 the paddocks", "we are [address]"),
]
LOWER_STREETS_AFTER_LIVING_IN_STAY = [
    ("we are 3 green bins short this week", "we are 3 green bins short this week"),
    ("we're 2 park benches down from the cafe", "we're 2 park benches down from the cafe"),
    ("we are 10 minutes walk away", "we are 10 minutes walk away"),
    ("i live in 2 minutes drive of the station", "i live in 2 minutes drive of the station"),
    ("we are 4 doors down from the shop", "we are 4 doors down from the shop"),
    ("we are 2 lads from the park", "we are 2 lads from the park"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *RELATIVES_WITH_AGE,
        *THE_NAMED_SCHOOLS,
        *TOWN_PRACTICE_STREETS,
        *ONLY_ONE_IN_TOWN,
        *CAFES_NAMED_FOR_KIN,
        *TITLED_OWNERS_PLACES,
        *LOWER_STREETS_AFTER_LIVING_IN,
    ],
)
def test_round14_details_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *RELATIVES_WITH_AGE_STAY,
        *THE_NAMED_SCHOOLS_STAY,
        *TOWN_PRACTICE_STREETS_STAY,
        *ONLY_ONE_IN_TOWN_STAY,
        *CAFES_NAMED_FOR_KIN_STAY,
        *TITLED_OWNERS_PLACES_STAY,
        *LOWER_STREETS_AFTER_LIVING_IN_STAY,
    ],
)
def test_round14_look_alikes_keep_their_words(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected
