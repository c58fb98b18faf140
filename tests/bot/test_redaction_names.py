"""Names with no lead-in, handles, house names and businesses named after a
person (issue 15): the suggestion an officer would approve, and the words the
card asks them to check."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import find_doubtful_names, suggest_publishable


@pytest.mark.parametrize(
    ("asked", "suggested"),
    [
        # no lead-in, from many backgrounds
        ("Priya Raman said the car was back", "[name] said the car was back"),
        ("Chidi keeps parking across our drive", "[name] keeps parking across our drive"),
        ("I saw Wojciech Nowak with the dog", "I saw [name] with the dog"),
        ("Abdirahman and Hodan were there too", "[name] and [name] were there too"),
        ("Xiaoming Zhang lost his wallet", "[name] lost his wallet"),
        ("Siobhan told me about the van", "[name] told me about the van"),
        ("Ionut Popescu is the one with the van", "[name] is the one with the van"),
        # lower case
        ("I asked jake about it", "I asked [name] about it"),
        ("my mate jas took a pic", "my mate [name] took a pic"),
        ("its mohammed and his cousins", "its [name] and his cousins"),
        ("my neighbour sandeep has cctv", "my neighbour [name] has cctv"),
        ("hi my name's lucy brown, my ex keeps coming", "hi my name's [name], my ex keeps coming"),
        ("name on it is jade whitfield dob", "name on it is [name] dob"),
        ("my mate john got robbed at the station", "my mate [name] got robbed at the station"),
        ("Neil Heath said the car was back", "[name] said the car was back"),
        ("Hope and her sister were followed home", "[name] and her sister were followed home"),
        ("Spoke to Oluwaseun and Temitope about it", "Spoke to [name] and [name] about it"),
        ("Me and Bartłomiej were threatened", "Me and [name] were threatened"),
        ("Our neighbour April has dementia", "Our neighbour [name] has dementia"),
        ("my name is Zebedee Quixotefield, call me", "my name is [name], call me"),
        ("same as Zebedee Quixotefield's report", "same as [name] report"),
        ("I asked Zebedee about it", "I asked [name] about it"),
        # given names that are also words, told apart by what surrounds them
        ("Mark Evans and Grace said nothing", "[name] and [name] said nothing"),
        ("I told Grace about the bus", "I told [name] about the bus"),
        # nicknames, titles, families, sign-offs
        (
            "everyone calls him Big Sully, he has the phones",
            "everyone calls him [name], he has the phones",
        ),
        ("was called tj n another had a tattoo", "was called [name] n another had a tattoo"),
        ("Mrs Okafor at the end house", "[name] at the end house"),
        ("the Kowalski boy from Hawthorn Close", "the [name] boy from Hawthorn Close"),
        ("a couple called the Harringtons moved in", "a couple called the [name] moved in"),
        ("Any tips welcome. Martin (club sec)", "Any tips welcome. [name] (club sec)"),
        ("Sorry to bother you.\nJade x", "Sorry to bother you.\n[name] x"),
        # double-barrelled, possessive, shouted
        ("My daughter Lily-Mae was groped on the bus", "My daughter [name] was groped on the bus"),
        ("Mark's van was there again", "[name] van was there again"),
        (
            "MY NEIGHBOUR DAVE KEEPS PARKING ON THE PAVEMENT",
            "MY NEIGHBOUR [name] KEEPS PARKING ON THE PAVEMENT",
        ),
        # officers too, real or claimed (the officer can put it back)
        ("Thanks to Sergeant Patel for the talk", "Thanks to [name] for the talk"),
        ("he said he was Detective Sergeant Morrison", "he said he was [name]"),
        # set off by commas, given after "called himself", after "name inside is"
        (
            "the bloke at no 12, Martin, he works nights",
            "the bloke at [address], [name], he works nights",
        ),
        ("the driver called himself Mo", "the driver called himself [name]"),
        ("name inside is Tendai Moyo", "name inside is [name]"),
        ("my m8 shav got stopped", "my m8 [name] got stopped"),
        (
            "one of them is that Ellis kid from no 30",
            "one of them is that [name] kid from [address]",
        ),
        # social media handles
        ("she is on insta as jaz_xo", "she is on insta as [social media handle]"),
        ("follow @jaz_xo for the videos", "follow [social media handle] for the videos"),
        ("his tiktok: kayzxo", "his tiktok: [social media handle]"),
        (
            "his tiktok account 'jazzyxo' posts it",
            "his tiktok account '[social media handle]' posts it",
        ),
        (
            "message him on insta, hes called dannyboy07",
            "message him on insta, hes called [social media handle]",
        ),
        (
            "My youtube channel is called CrimeWatchBromley",
            "My youtube channel is called [social media handle]",
        ),
        (
            "gary2011 on xbox keeps messaging him",
            "[social media handle] on xbox keeps messaging him",
        ),
        # house names and businesses named after someone
        (
            "my late sister's bungalow, Primrose View, on Cherry Tree Lane",
            "my late sister's bungalow, [address], on Cherry Tree Lane",
        ),
        ("he lives at Ivydene on the corner", "he lives at [address] on the corner"),
        ("our neighbours at Tall Trees have a dog", "our neighbours at [address] have a dog"),
        ("the cottage they call Tide's Reach", "the cottage they call [address]"),
        (
            "the break in at the takeaway, Hamid's Grill House.",
            "the break in at the takeaway, [name].",
        ),
        ("the vans of Whitfield & Daughters block it", "the vans of [name] block it"),
        (
            "the idiot who runs Dean Wilkes Car Sales parks there",
            "the idiot who runs [name] parks there",
        ),
        ("We live at Rose Cottage, Church Lane", "We live at [address], Church Lane"),
        ("the shed at The Old Forge was broken into", "the shed at [address] was broken into"),
        ("The one at Ivy House records everything", "The one at [address] records everything"),
        (
            "my late brother's house, Brackenside, on the Moor Road",
            "my late brother's house, [address], on the Moor Road",
        ),
        ("fixed at Khan's Motors last week", "fixed at [name] last week"),
        ("Dave Smith Plumbing left a mess", "[name] left a mess"),
        ("behind Singh's Superstore every weekend", "behind [name] every weekend"),
    ],
)
def test_names_are_replaced(asked: str, suggested: str) -> None:
    assert suggest_publishable(asked) == suggested


@pytest.mark.parametrize(
    "ordinary",
    [
        "We met at Victoria Park near Bell Lane by St Mary's and Tesco in May",
        "Is Grace Road patrolled at night?",
        "Stolen bikes from Ely station again",
        "The 61 bus to Clapham Junction at 7pm on Friday",
        "Will there be extra patrols for Halloween?",
        "Happy Christmas to the team. Merry Christmas",
        "Sainsbury's Local and Tesco Express both had the windows smashed",
        "Shoplifters at John Lewis, Marks and Spencer and TK Maxx; Dr Martens boots taken",
        "The alarms at Burger King, Toby Carvery, Ann Summers and Ernest Jones went off",
        "A helicopter over Whitley Bay, the front desk at Long Eaton, queues near Marsh Mills",
        "the sheltered housing at Hawthorn Lodge; Oakwood Lodge care home",
        "Star Cars and Golden Dragon Foods were both robbed",
        "Kids were shoplifting in Chicken Cottage and Poundland again",
        "Dear Sir or Madam, I'm organising the street party",
        "The lady opposite shouts at the telly, her staffy barks all night",
        "We moved here in June from Bristol",
        "my house, Bromley, is on the list; the house, Monday.",
        "THE A21 IS CLOSED AT ORPINGTON, MEET AT VICTORIA PARK INSTEAD",
        "my neighbour's son is 14, she is 9, van blue, this is long, is joke",
        "my brother will be there",
        "I'm a resident of Anerley and I want to know why",
        "I'm Ukrainian and came in 2022",
        "in April and May the Police and their partners",
        # other languages in Latin letters: their words are not names
        "Mae dyn gyda chyllell tu allan i'r siop ar y Stryd Fawr",
        "Czy w Wielkiej Brytanii można legalnie nosić gaz pieprzowy?",
        "pichle hafte sadi gaddi da shisha tod gaye, ki main online report kar sakda haan?",
        "My car was at Bell Lane Garage, a grey Skoda Octavia",
        "I saw it on tiktok yesterday, his insta is private",
        "I had covid19 last year and my password was summer2020 on the Route61 bus",
        "Bromley Police Online Forum @everyone look",
        "moved to Hayes in June, is there a neighbourhood watch?",
        "@NeighbourhoodCopsEast you promised a patrol",
        "We've told TfL and the DVLA about the NINO letter",
        "Do you still use the call 55 thing? My daughter asked me.",
    ],
)
def test_ordinary_words_and_places_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "doubts"),
    [
        ("my neighbour's tree at Fernleigh has fallen", ["Fernleigh"]),
        ("we ride together and someone watches Strava", ["Strava"]),
        ("I lost my wallet in Croydon", []),  # after "in": a place, no doubt raised
        ("Victoria Park is locked", []),
    ],
)
def test_capitalised_words_in_doubt_are_left_in_and_named(text: str, doubts: list[str]) -> None:
    suggested = suggest_publishable(text)
    assert suggested == text
    assert [suggested[d.start : d.end] for d in find_doubtful_names(suggested)] == doubts


# Issue 15, people: what goes with a name, and names in shapes of their own
# (bot/safeguarding/redaction/people.py). Shapes, not the blind writers'
# sentences.
@pytest.mark.parametrize(
    ("asked", "suggested"),
    [
        # a rank, title or initials before the name go with it
        ("is PC Hayes still on our team?", "is [name] still on our team?"),
        ("Regards, R. T. Fairweather", "Regards, [name]"),
        ("Thanks, Col. (retd) James Harrington", "Thanks, [name]"),
        ("I am Brigadier A. Fenwick and I", "I am [name] and I"),
        ("I spoke to dr singh at the practice", "I spoke to [name] at the practice"),
        # a particle or an initial after it
        (
            "my partner Seán Ó Briain had his window put through",
            "my partner [name] had his window put through",
        ),
        ("my mate Sammy B got his scooter nicked", "my mate [name] got his scooter nicked"),
        # a business named after someone, whole
        ("the break in at Tindall & Sons Roofing yard", "the break in at [name] yard"),
        ("Kowalski Brothers Removals took my sofa", "[name] took my sofa"),
        ("a customer of Hartley's Hardware for years", "a customer of [name] for years"),
        (
            "My boss, Mr Dorian Petrescu of Petrescu Builders Ltd, does not pay",
            "My boss, [name] of [name], does not pay",
        ),
        (
            "I run a dog-walking business, Paws with Kate, and",
            "I run a dog-walking business, [name], and",
        ),
        ("round the back of bella's nail bar, is it", "round the back of [name], is it"),
        (
            "smashed the window of Sandra's cafe on the parade",
            "smashed the window of [name] on the parade",
        ),
        # nicknames
        ("that idiot big mikey from the flats", "that idiot [name] from the flats"),
        ("lil t and his crew are on the benches", "[name] and his crew are on the benches"),
        (
            "A lad who calls himself 'Smudge' is selling",
            "A lad who calls himself '[name]' is selling",
        ),
        (
            "I've seen the lad, he goes by Smithy, drives a flatbed",
            "I've seen the lad, he goes by [name], drives a flatbed",
        ),
        # a given name where someone lives
        ("I spoke to mark at number 12 about it", "I spoke to [name] at [address] about it"),
        ("bob from number 14 has been parking", "[name] from [address] has been parking"),
        # names in capitals, in lower case, again
        ("renewal for MR DAVID ALAN FORSYTH, please", "renewal for [name], please"),
        ("tom baxter n his mates keep throwing eggs", "[name] n his mates keep throwing eggs"),
        ("its under his name musa kamara, wot do we do", "its under his name [name], wot do we do"),
        (
            "My daughter's friend (Poppy Lawson) is scared. Poppy is 12.",
            "My daughter's friend ([name]) is scared. [name] is 12.",
        ),
        (
            "it's Janet from the next road, Janet Marsh, she's",
            "it's [name] from the next road, [name], she's",
        ),
        ("Signed, Roger and Lynne Tate.", "Signed, [name]."),
        (
            "i think its the lad from 19, Jordan. got it on ring",
            "i think its the lad from [address], [name]. got it on ring",
        ),
        (
            "hi its sue from sue's sandwich bar on the market",
            "hi its [name] from [name] on the market",
        ),
        (
            "My kids, Ruby (Year 4) and Finn (Year 1), walk home. He spat at Ruby.",
            "My kids, [school and year], walk home. He spat at [name].",
        ),
        # a child's name with their year and school
        (
            "My granddaughter, Isla Fraser, Primary 6 at Bankhead Primary, reports",
            "My granddaughter, [school and year], reports",
        ),
        (
            "My two kids, Ruby (Year 4) and Finn (Year 1), both at Park View Primary, walk",
            "My two kids, [school and year], walk",
        ),
        ("my boy kai yr9 at the academy got stabbed", "my boy [school and year] got stabbed"),
        ("my son Jayden (year 7, St Bede's) was robbed", "my son [school and year] was robbed"),
        (
            "my daughter, 14, at Castle View School is bullied",
            "my daughter, [school and year] is bullied",
        ),
        ("the Khan Brothers garage is open late", "the [name] garage is open late"),
        ("J. Smith & Son Builders took a deposit", "[name] took a deposit"),
        ("Mr and Mrs Okonkwo next door have had", "[name] next door have had"),
        ("DARREN SMITH KEEPS THREATENING ME", "[name] KEEPS THREATENING ME"),
        ("the kids call him Tiny and he sells", "the kids call him [name] and he sells"),
        (
            "the scammer said his name was Officer James Brown",
            "the scammer said his name was [name]",
        ),
    ],
)
def test_what_goes_with_a_name_goes_with_it(asked: str, suggested: str) -> None:
    assert suggest_publishable(asked) == suggested


@pytest.mark.parametrize(
    "ordinary",
    [
        "the big man in the red coat was shouting",
        "I only want a little bit of advice please",
        "there's the little Co-op by the stop for the 47",
        "someone broke into my van at 3 in the morning",
        "Tom is 5 minutes away from the station",
        "How many burglaries were there in Petts Wood in 2024?",
        "PLEASE HELP, THE STREET LIGHTS ARE OUT AGAIN",
        "I HAVE CALLED 101 FOUR TIMES ABOUT GRACE ROAD",
        "Grace Road is closed again",
    ],
)
def test_people_shapes_leave_ordinary_words(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "doubts"),
    [
        ("Cheers to whoever found tom's dog on the common", ["tom's"]),
        ("hi im precious, what do i do", ["precious"]),
        ("im sure its fine", []),
    ],
)
def test_lower_case_words_that_may_be_names_are_asked_about(text: str, doubts: list[str]) -> None:
    suggested = suggest_publishable(text)
    assert [suggested[d.start : d.end] for d in find_doubtful_names(suggested)] == doubts


@pytest.mark.parametrize(
    "asked",
    [
        # Scots and Welsh words in the name lists (issue 15's second unseen set)
        "my mates da drives hame fae the pub every sat steamin, hes fae Pollokshields",
        "wee guy on a moped keeps zoomin up n doon Victoria Rd at midnite wi nae lights",
        "We're worried about the lane behind our house. Diolch",
        # words that are given names elsewhere
        "one of them went straight through my neighbour's veg patch",
        "Nearest one with a front desk is Yeovil, 40 minutes each way. Joke.",
        "now the other boy father come to our flat and shout",
        # text-speak with a figure is not a handle
        "sum1 on fb marketplace sellin a strimmer like my dads",
        "any1 on insta seen this van?",
    ],
)
def test_dialect_and_words_stay(asked: str) -> None:
    assert suggest_publishable(asked) == asked


def test_names_beside_dialect_words_still_go() -> None:
    assert (
        suggest_publishable("ma pal Jamie fae the pub got his car done, gaz_rothbury_88 on insta")
        == "ma pal [name] fae the pub got his car done, [social media handle] on insta"
    )


@pytest.mark.parametrize(
    ("asked", "suggested"),
    [
        # businesses named after people, in more trades and shapes
        (
            "The lad at Mo's Car Wash on Belgrave Gate scratched my door",
            "The lad at [name] on Belgrave Gate scratched my door",
        ),
        ("the van says Tony's Ices on it", "the van says [name] on it"),
        (
            "The lads outside Tasty Tony's Chicken on Mare Street are dealing",
            "The lads outside [name] on Mare Street are dealing",
        ),
        (
            "the same lad who drives for Robson's Skip Hire out of Wooler",
            "the same lad who drives for [name] out of Wooler",
        ),
        (
            "is it legal for Harkers garage in Danby to sell red diesel",
            "is it legal for [name] in Danby to sell red diesel",
        ),
        (
            "he went to work at his uncle's garage, McKeown's Motors, in Derry",
            "he went to work at his uncle's garage, [name], in Derry",
        ),
        (
            "a bloke from D. Leggett Driveways tarmacked our drive",
            "a bloke from [name] tarmacked our drive",
        ),
        (
            "I paid a deposit to K. Trewin Roofing & Building in October",
            "I paid a deposit to [name] in October",
        ),
        # chains and towns with a trade stay
        ("the Tescos garage has shut", "the Tescos garage has shut"),
        ("Halfords garage did my MOT", "Halfords garage did my MOT"),
        ("at Sainsbury's Car Wash", "at Sainsbury's Car Wash"),
    ],
)
def test_businesses_named_after_people(asked: str, suggested: str) -> None:
    assert suggest_publishable(asked) == suggested
