"""Issue 15, redaction round 12: keep words by family, on wordings written
for this round first (at least eight a family, with the look-alikes that
must still go), then the tenth unseen set's own lines (tests/data/
personal_details/unseen_2026_11_30_r.jsonl and _s.jsonl, spent;
shortened). What an officer sees is the suggested publishable text.
Figures per file are in docs/redaction-figures.md ("Round 12: keep
words"); the decisions in docs/decisions.md ("Redaction round 12: keep
words by family")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# 1. A business the writer runs or owns: the job and the business go, the
# village or town after them stays. The set's lines are ps10-033, ps10-085,
# ps10-103 and ps10-147 (shortened).
RUN_BUSINESS_TOWN_STAYS = [
    (
        "I run the village shop in Kettlewell and someone has been nicking the charity tin.",
        "[job] in Kettlewell and someone has been nicking the charity tin.",
    ),
    (
        "We run the campsite at Wasdale and tents keep getting slashed.",
        "[job] at Wasdale and tents keep getting slashed.",
    ),
    (
        "I own the chippy in Hebden Bridge, lads keep kicking the door at closing.",
        "[job] in Hebden Bridge, lads keep kicking the door at closing.",
    ),
    (
        "We own the farm shop near Ludlow and someone took the honesty box.",
        "[job] near Ludlow and someone took the honesty box.",
    ),
    (
        "I manage the garden centre near Malton, can you tell me about Shop Watch?",
        "[job] near Malton, can you tell me about Shop Watch?",
    ),
    (
        "I run the pub in Dent, we had a window put through on Saturday.",
        "[job] in Dent, we had a window put through on Saturday.",
    ),
    (
        "We run the B&B on Church Street in Whitby and guests' cars get keyed.",
        "[job] on Church Street in Whitby and guests' cars get keyed.",
    ),
    (
        "Hello, I run the Post Office in Kirkoswald, the only one for miles, and I've had calls",
        "Hello, [job] in Kirkoswald, the only one for miles, and I've had calls",
    ),
    (
        "hi ther, we run Jenny Harrop Holiday Cottages near Coniston and a guest has left",
        "hi ther, [job] near Coniston and a guest has left",
    ),
    (
        "Good morning, I own the newsagent in Alford. Every week children steal sweets",
        "Good morning, [job] in Alford. Every week children steal sweets",
    ),
    (
        "Hello, we run the campsite at Eskdale and want to know about the Farm Watch texts.",
        "Hello, [job] at Eskdale and want to know about the Farm Watch texts.",
    ),
]

# The look-alikes: "only" before the town (the town is what makes it the only
# one), a post held at a named place (older spent sets label the town with
# it), a street with no town after it.
RUN_BUSINESS_TOWN_GOES = [
    (
        "I manage the only Chinese supermarket in Ashford and kids threw eggs.",
        "[job] and kids threw eggs.",
    ),
    (
        "I run the only shop in Kettlewell so everyone knows me, a man is following me.",
        "[job] so everyone knows me, a man is following me.",
    ),
    (
        "I am the owner of the Golden Dragon takeaway in Colwyn Bay and",
        "I am [job] and",
    ),
    (
        "Hi forum, I'm the landlady at the Royal Oak in Splott and we've had a spate",
        "Hi forum, I'm [job] and we've had a spate",
    ),
    ("I run the shop in Mill Lane and lads hang about.", "[job] and lads hang about."),
]


@pytest.mark.parametrize(("text", "expected"), RUN_BUSINESS_TOWN_STAYS + RUN_BUSINESS_TOWN_GOES)
def test_the_town_after_a_business_the_writer_runs_stays(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# 2. A postcode district said as an area stays; said as where someone lives,
# or as part of a full postcode, it goes. The set's lines are pr10-108,
# pr10-118, pr10-150 and pr10-152 (shortened).
DISTRICT_AS_AN_AREA = [
    "Burglaries are up all over the NG7 area this winter.",
    "Quad bikes tearing round the CF24 side of the park.",
    "Drug dealing outside the shops again. BS5. Every night.",
    "My car was broken into on Albert Road, S8 last night.",
    "Scam callers are targeting pensioners across the BD8 area.",
    "The phone tracker shows my bike in the L4 area.",
    "lads on bikes round the LS6 area every night",
    "van parked on pavement 4 weeks, SY23 postcode, no tax",
]
DISTRICT_AFTER_A_STREET = [
    (
        "They dump rubbish behind 12 Mill Lane, B29 every week.",
        "They dump rubbish behind [address], B29 every week.",
    ),
    (
        "Fed up of the crack house at 29A Walsall Road. Door open all hours. B42. Theyre selling",
        "Fed up of the crack house at [address]. Door open all hours. B42. Theyre selling",
    ),
    (
        "He resides with me at 31 Gwendoline Street, CF11. My telephone is 02920 398 774.",
        "He resides with me at [address], CF11. My telephone is [phone].",
    ),
    ("I live at number sixty-two Tyburn Road, B24.", "I live at [address], B24."),
    ("My shed on Park Road, LS6 was done over.", "My shed on Park Road, LS6 was done over."),
]
# The look-alikes: where someone lives, a district bare in a sentence (the
# older sets label it), a district with no comma after the street (part of
# the address), a sector, a full postcode.
DISTRICT_AS_A_HOME = [
    (
        "Is anyone looking at the car thefts around LS6? Three on our road.",
        "Is anyone looking at the car thefts around [postcode]? Three on our road.",
    ),
    (
        "Third time my van has been broken into outside 88 Green Street E7. Tools gone",
        "Third time my van has been broken into outside [address] [postcode]. Tools gone",
    ),
    ("we need more patrols in SE9 3 please", "we need more patrols in [postcode] please"),
    (
        "I live in NG7 and the noise is unbearable.",
        "I live in [postcode] and the noise is unbearable.",
    ),
    (
        "my nan is based in LS6 and someone keeps knocking",
        "my nan is based in [postcode] and someone keeps knocking",
    ),
    (
        "We're in the CF24 area, can someone come round?",
        "We're in the [postcode] area, can someone come round?",
    ),
    ("My postcode is BD8, is there a meeting?", "My postcode is [postcode], is there a meeting?"),
    ("we're somewhere in the WF3 area", "we're somewhere in the [postcode] area"),
    ("Our postcode ends 4HQ, it's TN2", "Our postcode ends [postcode], it's [postcode]"),
    ("we live at 3 Oak Road, NG7 2AB", "we live at [address], [postcode]"),
    ("my flat is at 9 Hill Street, M14 5QT and", "my flat is at [address], [postcode] and"),
]


@pytest.mark.parametrize("text", DISTRICT_AS_AN_AREA)
def test_a_postcode_district_said_as_an_area_stays(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), DISTRICT_AFTER_A_STREET + DISTRICT_AS_A_HOME)
def test_a_district_after_a_street_stays_and_a_home_district_goes(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# 3. A business named for a place or a people, with no person's name in it,
# stays; a business named for its owner still goes. The set's line is
# pr10-041 (shortened).
BUSINESS_NAMED_FOR_A_PLACE = [
    "The taxi driver from Kashmir Cars on Leeds Road drove off with my bag",
    "I booked a cab with Punjab Cabs and the driver never came.",
    "Lads were fighting outside Lahore Kebabs on Friday night.",
    "A man was shouting at staff in Everest Takeaway again.",
    "Someone smashed the window of Anatolia Grill last night.",
    "The driver from Bengal Taxis was assaulted on the rank.",
    "Lahore Kebabs, Punjab Cabs and Kashmir Cars all had windows put in.",
    "We got a minicab from Kashmir Cars and he overcharged us.",
]
# A pub named for a person is a pub (ps10-079, shortened).
PUBS_NAMED_FOR_A_PERSON = [
    "Someones been letting down my tyres outside the Lord Crewe Arms, Blanchland.",
    "A fight broke out in the Duke William Inn last night.",
    "Lads were throwing glasses outside the Sir John Barleycorn Inn.",
    "Drinking in the car park of the Lord Nelson Arms every night.",
    "There was a brawl at the Marquis of Granby Arms on Friday.",
    "We were robbed walking home from the Earl Grey Tavern.",
    "the Duke of Wellington Inn has had its windows put in",
    "I left my bag in the Lord Raglan Arms on Sunday.",
]
BUSINESS_NAMED_FOR_ITS_OWNER = [
    ("I saw Lord Crewe at the races.", "I saw [name] at the races."),
    ("My neighbour Sam Inn keeps shouting.", "My neighbour [name] keeps shouting."),
    ("The taxi from Khan's Motors didn't stop.", "The taxi from [name] didn't stop."),
    ("Selvam Stores had a break in last night.", "[name] had a break in last night."),
    ("My bike was nicked from Aziz Fabrics.", "My bike was nicked from [name]."),
    ("Jenkins Stores on the corner had a break in.", "[name] on the corner had a break in."),
    (
        "the vans of Whitfield & Daughters Funeral Directors block the lane",
        "the vans of [name] block the lane",
    ),
]


@pytest.mark.parametrize("text", BUSINESS_NAMED_FOR_A_PLACE + PUBS_NAMED_FOR_A_PERSON)
def test_a_business_named_for_a_place_stays(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), BUSINESS_NAMED_FOR_ITS_OWNER)
def test_a_business_named_for_its_owner_still_goes(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# 4. Villages, bays, pets and brands. The set's lines are ps10-023,
# ps10-026, ps10-044, ps10-054, ps10-060, ps10-141 and ps10-155 (shortened).
PETS_BRANDS_AND_BAYS_STAY = [
    "Missing tabby cat from Elm Road, answers to Tigger.",
    "our collie Bess was taken from the yard",
    "the spaniel Rosie was stolen from the van last night",
    "Stolen: brown cockapoo, answers to the name of Bella, microchipped.",
    "our old pony Jasper has been let out of the field twice",
    "Lost grey cat near the park, she answers to Molly.",
    "Has anyone seen our dog Barney? He ran off near the canal.",
    "Someone took our Ifor Williams trailer from the yard last night.",
    "A green John Deere tractor was taken from the field.",
    "Massey Ferguson 135 stolen from the barn on Sunday.",
    "My Harley Davidson motorbike was taken from outside.",
    "They nicked a Hugo Boss jacket from my car.",
    "a Ted Baker bag was snatched on the bus",
    "kids jumping off the rocks at Sandy Bay every evening",
    "Someone's camping on Golden Sands every night",
    "Quad bikes on Filey Bay again this weekend",
    "our caravan at Cayton Bay got broke into, tv and xbox gone",
    "I am staying at caravan site Trecco no sorry Golden Sands in Mablethorpe with my family.",
]
VILLAGES_AFTER_HOMES = [
    (
        "Lost black lab near Worm's Head, answers to Bess. 07766 208 315",
        "Lost black lab near Worm's Head, answers to Bess. [phone]",
    ),
    (
        "Stolen trailer from Pear Tree Farm HR4 7BQ. Ifor Williams 10ft.",
        "Stolen trailer from [address] [postcode]. Ifor Williams 10ft.",
    ),
    (
        "Stolen from TF9 3PL overnight - John Deere Gator",
        "Stolen from [postcode] overnight - John Deere Gator",
    ),
    (
        "I rent the flat at Hope Farm, Hope Bowdler SY6 7DD. My boss tell me",
        "I rent the flat at [address], Hope Bowdler [postcode]. My boss tell me",
    ),
    (
        "we live at Orchard House Presteigne. plz ring 01544 267 309",
        "we live at [address] Presteigne. plz ring [phone]",
    ),
    (
        "She lives at Rose Cottage Ludlow and is scared.",
        "She lives at [address] Ludlow and is scared.",
    ),
]
# The look-alikes: a person after "answers to" with no pet, after a bare
# comma, a brand's name with nothing made after it, a home on a site.
PEOPLE_AND_HOMES_STILL_GO = [
    ("He answers to Dave Morgan, the site manager.", "He answers to [name], the site manager."),
    (
        "I was walking the dog, Sarah came over and shouted at me.",
        "I was walking the dog, [name] came over and shouted at me.",
    ),
    ("Ifor Williams rang me about the sheep.", "[name] rang me about the sheep."),
    (
        "My neighbour John Deere keeps parking on the verge.",
        "My neighbour [name] keeps parking on the verge.",
    ),
    ("we are at plot 42 at Golden Sands park", "we are at [address]"),
    ("She lives at Rose Cottage Ashley and", "She lives at [address] and"),
]


@pytest.mark.parametrize("text", PETS_BRANDS_AND_BAYS_STAY)
def test_pets_brands_and_bays_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), VILLAGES_AFTER_HOMES + PEOPLE_AND_HOMES_STILL_GO)
def test_villages_after_homes_stay_and_people_still_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# A village "outside", "above", "below" or "beyond" which an old person
# lives alone: the age and the home go, the village stays (older spent sets:
# h-044 "outside Llandovery", r30b-001 "above Gunnerside").
AGE_THEN_VILLAGE = [
    (
        "My mum is 88 and lives alone at Ty Newydd outside Builth Wells and a man keeps calling.",
        "[age] outside Builth Wells and a man keeps calling.",
    ),
    (
        "I am 81 and live on my own at High Side Farm above Reeth, and someone took my quad.",
        "[age] above Reeth, and someone took my quad.",
    ),
    (
        "Dad is 90, housebound, at Bryn Glas outside Machynlleth, and got a scam call.",
        "Dad is [age], at [address] outside Machynlleth, and got a scam call.",
    ),
    (
        "I'm 79 and live alone at Low Row Farm below Muker so nobody sees the road.",
        "[age] below Muker so nobody sees the road.",
    ),
    (
        "I am 83, widowed, at Moor End Farm beyond Kettlewell and cold callers keep coming.",
        "[age], at [address] beyond Kettlewell and cold callers keep coming.",
    ),
    (
        "I'm 92 and live by myself at The Byre outside Sedbergh and I was pushed over.",
        "[age] outside Sedbergh and I was pushed over.",
    ),
    (
        "My aunt is 85 and lives alone at Rose Cottage outside Ludlow, she got a fake bank call.",
        "[age] outside Ludlow, she got a fake bank call.",
    ),
    (
        "I am 84 years of age and live alone at Low Riggs Farm above Gunnerside since he passed.",
        "[age] above Gunnerside since he passed.",
    ),
    # the look-alikes: "only" makes the village single her out; a street
    (
        "She is 94 and the only resident left at Top Farm above Keld, she gets nervous.",
        "[age], she gets nervous.",
    ),
    (
        "He is 80 and lives alone on Church Street outside the town centre.",
        "[age].",
    ),
]


@pytest.mark.parametrize(("text", "expected"), AGE_THEN_VILLAGE)
def test_the_village_outside_which_an_old_person_lives_stays(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# 5. (helper 29-keep2) A day said once inside a taken span is when it
# happened: the age, the job or the name ends before it, and a vehicle's
# span is split round it. A day the job is worked ("on Fridays", "on
# Saturday nights") singles the person out and still goes with the job, as
# the spent sets label it. The sets' lines are ps10-040, ps10-093, r30a-123
# and i-022 (shortened).
DAY_OR_TIME_STAYS = [
    (
        "I am seventy-two years of age and on the 14th a man took my purse.",
        "[age] and on the 14th a man took my purse.",
    ),
    (
        "The only lollipop lady at St Mary's on Thursday was sworn at.",
        "[job] on Thursday was sworn at.",
    ),
    (
        "Dear Sir. On Monday last my shed was broken into.",
        "Dear [name]. On Monday last my shed was broken into.",
    ),
    (
        "Saw a silver Hilux last Tuesday, reg ending KFE.",
        "Saw a [vehicle reg] last Tuesday, [vehicle reg].",
    ),
    (
        "My nan is 88 and lives alone and on Friday a man took her bank card.",
        "[age] and on Friday a man took her bank card.",
    ),
    (
        "Mum is 93 and housebound and on the 3rd someone rang pretending to be her bank.",
        "Mum is [age] and on the 3rd someone rang pretending to be her bank.",
    ),
    (
        "I'm the only cleaner at the community centre, on Monday I found needles in the toilets.",
        "I'm [job], on Monday I found needles in the toilets.",
    ),
    (
        "She is 88 and on Tuesday a man in a hi-vis took her purse.",
        "[age] and on Tuesday a man in a hi-vis took her purse.",
    ),
    (
        "I am 91 years old and this morning a caller said he was from my bank.",
        "[age] and this morning a caller said he was from my bank.",
    ),
    # the look-alikes: a day the job is worked goes with the job
    (
        "I'm the only caretaker at the mosque on Fridays so they know when I'm there.",
        "I'm [job] so they know when I'm there.",
    ),
    (
        "I'm the only barmaid at the Plough on Saturday nights and a regular keeps grabbing me.",
        "I'm [job] and a regular keeps grabbing me.",
    ),
    (
        "im the only manager at the Nandos in the Arndale on Tuesdays so he knows when im on.",
        "im [job] so he knows when im on.",
    ),
    # the spent sets' own lines
    (
        "Dear Sir. On Monday last at the Anchor, Seatown, I was subjected to abuse.",
        "Dear [name]. On Monday last at the Anchor, Seatown, I was subjected to abuse.",
    ),
    (
        "The only security guard at the Poundland on Alum Rock Road grabbed my 12 year old by the"
        " arm on Saturday and dragged him out.",
        "[job] grabbed [age] on Saturday and dragged him out.",
    ),
    (
        "Saw a silver L200 last Tuesday, reg ending KFE. Who deals with it?",
        "Saw a [vehicle reg] last Tuesday, [vehicle reg]. Who deals with it?",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DAY_OR_TIME_STAYS)
def test_a_day_said_once_inside_a_taken_span_stays(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# 6. (helper 29-keep2) A year group an officer is asked to visit or speak
# to is the whole class: the year and the school stay. A child's year and
# school still go. The set's line is ps10-109 (shortened).
YEAR_GROUP_VISITED_STAYS = [
    "Can someone speak to Year 6 at St Joseph's about online safety?",
    "Would PCSOs be able to visit Year 5 at Greenfield Primary for Safer Internet Day?",
    "Could you talk to Year 9 at Parkside Academy about vaping?",
    "Our head asked if someone could speak to years 10 and 11 at Oakwood High about county lines.",
    "Would an officer give an assembly for Year 6 at St Luke's Primary?",
    "Please can someone visit all of Year 3 at Brook Lane Primary?",
    "We'd love an officer to come and talk to Year 4 at Moorside Primary.",
    "Could the police dog visit Year 2 at Hill Top Primary next term?",
    "Would an officer be able to visit Year 1 and Year 2 at Kirkby Thore Primary for People Who"
    " Help Us week?",
]
CHILD_YEAR_STILL_GOES = [
    (
        "Could you speak to my daughter in Year 8 at Hillside Academy, she is scared.",
        "Could you speak to my daughter in [school and year], she is scared.",
    ),
    (
        "Our lad is in Year 6 at St Luke's Primary and keeps getting picked on.",
        "Our lad is in [school and year] and keeps getting picked on.",
    ),
    (
        "Could you visit us, my son Tom in Year 5 at Greenfield Primary is being bullied.",
        "Could you visit us, my son [school and year] is being bullied.",
    ),
]


@pytest.mark.parametrize("text", YEAR_GROUP_VISITED_STAYS)
def test_a_year_group_an_officer_is_asked_to_visit_stays(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), CHILD_YEAR_STILL_GOES)
def test_a_childs_year_and_school_still_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# 7. (helper 29-keep2) A name right before a takeaway's or a restaurant's
# word is the business's and stays; an owner's "'s" or "& Sons", or a
# person's word after ("takeaway owner"), still makes it a person. The
# set's line is pr10-133 (shortened).
EATERY_NAME_STAYS = [
    "Someone keyed cars parked outside Sam Wong takeaway.",
    "Teenagers were kicking the door of Hung Kee Chinese.",
    "Bikes stolen from outside Tony Chan restaurant.",
    "Eggs thrown at Peter Wong Chinese again.",
    "Stones thrown at the window of Fung Wah Takeaway.",
    "Kids throwing eggs at Wing Lee Chinese on Friday.",
    "Two men robbed Kwok Fai Chinese at knifepoint.",
    "Somebody smashed the glass at Kim Lee takeaway.",
    "My car got clamped on a private car park behind Ming Wah takeaway and the bloke wants £300.",
]
EATERY_OWNER_STILL_GOES = [
    ("Mr Khan's takeaway was broken into.", "[name] takeaway was broken into."),
    (
        "Smith & Sons chippy had a brick through the window.",
        "[name] chippy had a brick through the window.",
    ),
    ("Ask Ahmed takeaway owner on the corner.", "Ask [name] takeaway owner on the corner."),
]


@pytest.mark.parametrize("text", EATERY_NAME_STAYS)
def test_a_name_before_a_takeaways_word_stays(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), EATERY_OWNER_STILL_GOES)
def test_an_eaterys_owner_still_goes(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected
