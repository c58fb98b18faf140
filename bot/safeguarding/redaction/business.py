"""Businesses named after a person ("Khan's Motors", "Dave Smith
Plumbing") and families named by their surname ("the Shah family", "the
Harringtons")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import (
    NOT_PERSONS,
    PLACE_WORDS,
    first_names,
    ordinary_words,
    places,
    proper_nouns,
    surnames,
)

_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)

# Trades after a person's name make a small business that names its owner:
# "Khan's Motors", "Dave Smith Plumbing", "Bhatti Brothers Newsagents".
_TRADES = (
    r"(?:Motors|Autos?|Cars|Car[ \t]Sales|Sales|Garage|Taxis?|Cabs|Minicabs|Plumbing|Plumbers?|"
    r"Heating|Electrical|Electricals|Electrics|Builders?|Building|Roofing|Scaffolding|Removals|"
    r"Carpets|Flooring|Decorating|Decorators|Landscaping|Gardening|Fencing|Joinery|Glazing|"
    r"Windows|Locksmiths?|Barbers?|Hair|Hairdressers?|Nails|Beauty|Salon|Kitchen|Cafe|Café|"
    r"Takeaway|Kebabs?|Pizza|Chippy|Fish[ \t]Bar|Grocers?|Off[ \t]Licence|Stores?|Mini[ \t]Mart|"
    r"Supermarket|Superstore|Newsagents?|Bakery|Bakers|Butchers?|Deli|Pharmacy|Chemists?|"
    r"Scrap|Recycling|Skips|Handyman|Services|Cleaning|Couriers|Tyres|Bodywork|Repairs|"
    r"Construction|Properties|Lettings|Fruit|Veg|Greengrocers?|Stall|Foods?|Catering|Cakes|"
    r"Florists?|Flowers|Jewellers|Tailors|Dry[ \t]Cleaners|Laundrette|Grill[ \t]House|Grill|"
    r"Diner|Restaurant|Bistro|Place|Sweet[ \t]Centre|Sweets|Funeral[ \t](?:Directors|Services)|"
    r"Undertakers|Opticians|Solicitors|Accountants|Estate[ \t]Agents|Driving[ \t]School|"
    r"Car[ \t]Wash|Hand[ \t]Car[ \t]Wash|Valeting|Ices|Ice[ \t]Cream|Chicken|Skip[ \t]Hire|"
    r"Plant[ \t]Hire|Hire|Driveways|Paving|Tarmac|Surfacing|"
    r"Mini[ \t]Market|Minimarket|Tree[ \t]Surgery|Tree[ \t]Surgeons?|Tree[ \t]Services|"
    r"Ltd|Limited|Brothers|Bros\.?|[&+][ \t](?:Sons?|Daughters?))"
)
# The same, for the other finders (a sign in capitals, names.py).
TRADE_WORDS = _TRADES
_CAP = r"(?:Mc|Mac|O['’])?[^\W\d_a-z][^\W\d_A-Z]+"
# "D. Leggett Driveways", "K. Trewin Roofing": the owner's initial goes with it.
_INITIAL = r"(?:[A-Z]\.?[ \t]+)?"
_BUSINESS = re.compile(
    rf"(?<!\w)(?<!\w['’]){_INITIAL}((?:{_CAP}[ \t]+)?{_CAP}(?:['’]s)?)((?:[ \t]+{_CAP}){{0,2}})"
    rf"[ \t]+{_TRADES}\b(?:[ \t]*(?:&|and)[ \t]+{_TRADES}\b)?"
)
# "Harkers garage": a surname with the owner's s and no apostrophe, then a
# trade in lower case.
_SURNAME_S_TRADE = re.compile(
    r"(?<![\w'’])((?:Mc|Mac)?[A-Z][a-z]+s)[ \t]+(?:garage|motors|cabs|taxis|skips|builders|"
    r"butchers|bakery|chippy|caff|cafe|café|scrapyard|yard|haulage|coaches)\b"
)
# "the Shah family", "the Kowalski boy", "the Harringtons"
_FAMILY = re.compile(
    rf"\b(?i:the|that|this|those)[ \t]+({_CAP}(?:[ \t]+{_CAP})?)(?:[ \t]+(?:family|families|"
    r"boy|boys|girl|girls|kid|kids|children|lad|lads|brothers|sisters|twins|household|clan|lot|"
    r"woman|man|bloke|couple)\b"
    r"|(?<=s)(?=[ \t,.!?]|$))"
)


# Round 5: "Patel's Spar" (an owner's name on a chain's shop), "trading as
# Bert Oliver Tree Surgery", "Gelato da Marco" (a given name after da/di/chez).
_OWNERS_CHAIN_SHOP = re.compile(
    r"(?<![\w'’])((?:Mc|Mac|O['’])?[A-Z][a-z]+['’]s)[ \t]+(?:Spar|Londis|Costcutter|Nisa|Premier|"
    r"Mace|Budgens|Co-?op|Best[ \t]One|One[ \t]Stop|Day[ \t]Today)\b"
)
_TRADING_AS = re.compile(
    r"(?i:\btrading[ \t]+as|\bt/a)[ \t]+((?:[A-Z][\w'’&-]*)(?:[ \t]+(?:[A-Z&][\w'’&-]*)){0,4})"
)
_GIVEN_AFTER_DA = re.compile(
    r"\b[A-Z][a-z]+[ \t]+(?:da|di|de|del|della|chez|chez[ \t]+le)[ \t]+([A-Z][a-z]+)\b"
)
# Round 14: the same with a family word before the given name, in any
# alphabet's letters: "Sabor da Vovó Lúcia", "Cucina di Nonna Rosa", "Casa
# da Tia Fátima" (grandma's, auntie's: a person the town knows).
_GIVEN_AFTER_DA_AND_KIN = re.compile(
    r"(?<![\w'’])[A-Z][^\W\d_A-Z]+[ \t]+(?:da|do|di|de|del|della|dos|das)[ \t]+"
    r"(?:Vovó|Vovô|Vó|Avó|Avô|Tia|Tio|Tía|Tío|Dona|Dom|Nonna|Nonno|Zia|Zio|Mamma|Mama|Mamá|"
    r"Abuela|Abuelo|Yaya|Babcia|Teta)[ \t]+"
    r"[A-Z][^\W\d_A-Z]+(?![\w'’])"
)
_STREET_ENDS = word_set(
    "road rd street st lane ln avenue ave close drive way crescent parade square sq terrace row "
    "precinct arcade centre center estate market mall walk hill grove green"
)
# Round 14: a titled person "at the takeaway" and the takeaway's own name
# set off after it: "Mrs Ng at the takeaway, Golden Harbour on Cowley Road"
# (the place is theirs and points to them).
_TITLED_AT_THE_PLACE = re.compile(
    r"\b(?i:mr|mrs|ms|miss|mx)\.?[ \t]+[A-Za-z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?[ \t]+"
    r"(?i:at|from|who[ \t]+runs|who[ \t]+owns|of)[ \t]+the[ \t]+"
    r"(?i:takeaway|take-away|chippy|chip[ \t]+shop|cafe|café|restaurant|corner[ \t]+shop|"
    r"shop|salon|nail[ \t]+bar|barbers?|bakery|newsagents?|off[ \t-]+licence|launderette|"
    r"florists?|deli|grocers?)[ \t]*,[ \t]*"
    r"(?P<place>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})"
)


# Cities a restaurant is named after, that are also given names somewhere.
_CITIES = word_set(
    "roma napoli milano firenze venezia torino sorrento amalfi capri siena verona paris lyon "
    "nice madrid sevilla valencia lisboa porto florence venice naples milan"
)


def _round_5_businesses(text: str) -> Iterator[Detail]:
    for match in _OWNERS_CHAIN_SHOP.finditer(text):
        stem = _POSSESSIVE.sub("", match.group(1)).lower()
        known = stem in surnames() or stem in first_names() or stem not in ordinary_words()
        if stem not in NOT_PERSONS and stem not in places() and known:
            yield Detail(match.start(), match.end(), Category.NAME)
    for match in _TRADING_AS.finditer(text):
        yield Detail(match.start(1), match.end(1), Category.NAME)
    for match in _GIVEN_AFTER_DA_AND_KIN.finditer(text):
        yield Detail(match.start(), match.end(), Category.NAME)
    for match in _TITLED_AT_THE_PLACE.finditer(text):
        words = [_POSSESSIVE.sub("", w).lower() for w in match.group("place").split()]
        if words[-1] in _STREET_ENDS or any(w in NOT_PERSONS for w in words):
            continue  # "at the cafe, Station Road", "at the shop, Tesco Express"
        if " ".join(words) in places():
            continue  # "Mr Lee at the chippy, Whitby": the town
        yield Detail(match.start("place"), match.end("place"), Category.NAME)
    for match in _GIVEN_AFTER_DA.finditer(text):
        key = match.group(1).lower()
        if key in first_names() and key not in _CITIES and key not in places():
            yield Detail(match.start(), match.end(), Category.NAME)


def _named_for_a_place_or_people(words: list[str]) -> bool:
    """Round 12: every word of a business's name (before its trade) is a
    place's or a people's ("kashmir", "punjab", "lahore": the proper nouns
    and the gazetteer), and none is anyone's given name or surname: a cab
    firm or a takeaway named for a region carries no person's name."""
    return bool(words) and all(
        (w in proper_nouns() or w in places()) and w not in first_names() and w not in surnames()
        for w in words
    )


def find_business_names(text: str) -> Iterator[Detail]:
    """A business named after a person: "Khan's Motors", "Dave Smith
    Plumbing", "Wiśniewski Polish Deli" (a given name, a surname or an owner's
    "'s"; not a brand: "Sainsbury's Local", "Tesco Express" stay)."""
    for match in _BUSINESS.finditer(text):
        words = [_POSSESSIVE.sub("", w).lower() for w in match.group(1).split()]
        between = match.group(2).lower().split()
        if any(w in NOT_PERSONS or w in PLACE_WORDS for w in words + between):
            continue  # "Tesco Express", "Bell Lane Garage"

        possessive = match.group(1)[-2:] in {"'s", "’s"}
        # a name, not words: "Dean Wilkes Car Sales", not "Golden Dragon Foods", "Star Cars"
        named = (
            any(
                (w in first_names() or w in surnames()) and w not in ordinary_words() for w in words
            )
            or not any(w in ordinary_words() for w in words)
            or (len(words) == 2 and words[0] in first_names() and words[1] not in ordinary_words())
        )
        family = re.search(
            r"(?:Brothers|Bros\.?|[&+][ \t]Sons?|[&+][ \t]Daughters?)$", match.group(0)
        )
        named = named or family is not None  # "Smith & Son", "Khan Brothers"
        if not possessive and family is None and _named_for_a_place_or_people(words + between):
            continue  # round 12: "Kashmir Cars", "Punjab Cabs", "Lahore Kebabs"
        place = match.group(0).split()[-1] == "Place"
        if (possessive or named) and not (place and not possessive):
            yield Detail(match.start(), match.end(), Category.NAME)
    yield from _round_5_businesses(text)
    for match in _SURNAME_S_TRADE.finditer(text):
        stem = match.group(1)[:-1].lower()
        word = match.group(1).lower()
        if (
            word in NOT_PERSONS
            or stem in NOT_PERSONS
            or word in ordinary_words()
            or word in places()
        ):
            continue  # "Halfords garage", "Tescos garage", "Motors garage"
        if stem in surnames() or (stem not in ordinary_words() and word not in proper_nouns()):
            yield Detail(match.start(), match.end(), Category.NAME)


def find_families(text: str) -> Iterator[Detail]:
    """A family or a child named by its surname: "the Shah family", "the
    Kowalski boy", "the Harringtons" (a surname in the plural)."""
    for match in _FAMILY.finditer(text):
        name = match.group(1)
        key = name.split()[-1].lower()
        plural = match.group(0).endswith(name)
        if plural:
            stem = key[:-1]
            if stem not in surnames() or key in ordinary_words() or key in NOT_PERSONS:
                continue
        elif (
            key in NOT_PERSONS
            or key in PLACE_WORDS
            or (key in ordinary_words() and key not in surnames())
        ):
            continue
        yield Detail(match.start(1), match.end(1), Category.NAME)


# Round 7 (issue 15, after the sixth unseen set): businesses carrying a
# person the older patterns missed.
# Trades the older list lacks, after an owner's name: "Lee's Clearances".
_TRADES_7 = (
    r"(?:(?:House[ \t]|Garage[ \t]|Loft[ \t])?Clearances?|Rubbish[ \t]Removals?|"
    r"Waste(?:[ \t]Removals?)?|"
    r"Man[ \t](?:and|&)[ \t]Van|Odd[ \t]Jobs|Pressure[ \t]Washing|Gutter[ \t]Cleaning|"
    r"Window[ \t]Cleaning|Mobile[ \t]Mechanics?|Lawn[ \t]Care|Pest[ \t]Control|Cattery|"
    r"Childminding|Tuition|Lets)"
)
_OWNER = r"(?P<owner>(?:Mc|Mac|O['’])?[A-Z][a-z]+)(?P<s>['’]s|(?<=s)['’])"
# "Lee's Clearances", "Mags' Café", "Jones' Man and Van"
_OWNERS_TRADE = re.compile(
    rf"(?<![\w'’]){_OWNER}(?P<between>(?:[ \t]+[A-Z][a-z]+){{0,2}}?)[ \t]+"
    rf"(?:{_TRADES_7}|{_TRADES})\b"
)
# A surname that is also a word, when something says it is a business:
# "who runs Booth Lettings", "owner of Church Roofing".
_RUNS_SURNAME_TRADE = re.compile(
    r"(?i:\b(?:runs|run[ \t]+by|owns|owned[ \t]+by|owner[ \t]+of)[ \t]+)"
    rf"(?P<owner>(?:Mc|Mac|O['’])?[A-Z][a-z]+)[ \t]+(?:{_TRADES_7}|{_TRADES})\b"
)


def find_owners_trade_businesses(text: str) -> Iterator[Detail]:
    """A business named after its owner in these forms: an owner's
    "'s" or "s'" before a trade ("Lee's Clearances", "Mags' Café"), a
    surname that is also a word after "runs"/"owner of" ("runs Booth
    Lettings"). NAME spans over the business's name, start and end
    character offsets; a brand, a place or a place's word stays."""
    for match in _OWNERS_TRADE.finditer(text):
        owner = match.group("owner").lower()
        between = match.group("between").lower().split()
        if owner in NOT_PERSONS or any(w in NOT_PERSONS or w in PLACE_WORDS for w in between):
            continue
        if match.group("s") in ("'", "’"):
            # "Mags' Café": a name ending in s, not a plural ("the Farmers' Café")
            stem = owner[:-1]
            named = owner in first_names() or owner in surnames() or stem in first_names()
            if owner in ordinary_words() or owner in places() or not named:
                continue
        elif owner not in first_names() and owner not in surnames():
            continue  # "Sainsbury's Café", "Tesco's Clearance" (brands are NOT_PERSONS)
        elif owner in places() and owner not in first_names():
            continue  # "Ely's Tea Rooms": a town's
        yield Detail(match.start(), match.end(), Category.NAME)
    for match in _RUNS_SURNAME_TRADE.finditer(text):
        owner = match.group("owner").lower()
        if owner in NOT_PERSONS or owner in PLACE_WORDS or owner in places():
            continue
        if owner in surnames() or owner in first_names():
            yield Detail(match.start("owner"), match.end(), Category.NAME)


# Businesses: a given name or surname, then up to two capitalised words, then
# a trade word the older list lacks ("Raza General Store", "Mehmet's Kebab
# House", "Carol's Canine Grooming", "Ahmed Textiles", "Singh's Convenience").
_SHOP_TRADE = (
    r"(?:Stores?|General[ \t]Stores?|Convenience(?:[ \t]Store)?|Groceries|Grooming|Textiles|"
    r"Fabrics|Wholesale(?:rs)?|Cash[ \t](?:and|&)[ \t]Carry|Tailoring|Alterations|Phones|"
    r"Mobiles|Travel|Halal[ \t]Meats?|Meats|Off[ \t]Licen[cs]e|Kebab[ \t]House|Curry[ \t]House|"
    r"Pizza[ \t]House|Tea[ \t]Rooms?|Coffee[ \t]House|Noodle[ \t]House|Steak[ \t]House|"
    r"Pet[ \t]Supplies|Kennels|Cattery|Dog[ \t]Walking|Pets|Upholstery|Printing|Signs|Tattoo|"
    r"Tattoos|Barbershop|Cuts|Spice|Sweet[ \t]Mart|Food[ \t]Store|Superstore|Mart)"
)
_OWNER_AND_TRADE = re.compile(
    r"(?<![\w'’])(?P<lead>(?:Mc|Mac|O['’])?[A-Z][a-z]+)(?P<s>['’]s)?"
    rf"(?P<between>(?:[ \t]+[A-Z][a-z]+){{0,2}}?)[ \t]+{_SHOP_TRADE}\b"
)


def find_shops_named_after_owners(text: str) -> Iterator[Detail]:
    """A small business named after its owner with a trade word
    (``_SHOP_TRADE``): a NAME span over the whole business's name. The lead
    word must be a given name or surname (with an owner's "'s", any word
    that is not a brand, a place or a place's word), or no English word."""
    for match in _OWNER_AND_TRADE.finditer(text):
        lead = match.group("lead").lower()
        between = match.group("between").lower().split()
        if (
            lead in NOT_PERSONS
            or lead in places()
            or lead in PLACE_WORDS
            or any(w in NOT_PERSONS or w in PLACE_WORDS for w in between)
        ):
            continue
        person = lead in first_names() or lead in surnames()
        plain = lead not in ordinary_words() and lead not in proper_nouns()
        if (person and (match.group("s") or lead not in ordinary_words())) or plain:
            yield Detail(match.start(), match.end(), Category.NAME)


# Trades the older lists lack, for a builder's or a fitter's firm:
# "O'Reilly Extensions", "Hughes Loft Conversions".
_BUILDING_TRADES = (
    r"(?:Extensions|Loft[ \t]Conversions|Conversions|Conservatories|Renovations|Refurbishments|"
    r"Home[ \t]Improvements|Kitchens|Bathrooms|Plastering|Brickwork|Groundworks|Bespoke|"
    r"Interiors|Maintenance|Property[ \t]Services|Contractors|Developments)"
)
_TRADER = re.compile(
    r"(?<![\w'’])(?P<given>[A-Z][a-z]+[ \t]+)?(?P<surname>(?:Mc|Mac|O['’])?[A-Z][a-z]+)"
    rf"[ \t]+(?:{_BUILDING_TRADES}|{_TRADES_7}|{_TRADES})\b"
)


def find_named_traders(text: str) -> Iterator[Detail]:
    """A trader's firm that carries a person's name in these forms: a given
    name and a surname before a trade ("Chris Wood Electrical", the surname
    may be a word), an Irish or Scottish surname before a trade ("O'Reilly
    Extensions"), any surname before a builder's trade the older lists
    lack ("Hughes Loft Conversions"). NAME spans, start and end character
    offsets; a brand, a place or a place's word stays."""
    for match in _TRADER.finditer(text):
        given = (match.group("given") or "").strip().lower()
        surname = match.group("surname").lower()
        if surname in NOT_PERSONS:
            continue
        if given and (given in NOT_PERSONS or given in PLACE_WORDS):
            given = ""
        start = match.start("surname")
        named = given in first_names() and given not in ordinary_words()
        # "Chris Wood Electrical": after a given name a place's word is a surname
        if named and (surname in surnames() or surname not in ordinary_words()):
            yield Detail(match.start(), match.end(), Category.NAME)
            continue
        if surname in PLACE_WORDS or surname in places():
            continue
        irish = re.match(r"(?:mc|mac|o['’])[a-z]", surname) is not None
        building = re.search(_BUILDING_TRADES, match.group()) is not None
        if (irish or building) and surname in surnames() and surname not in ordinary_words():
            yield Detail(start, match.end(), Category.NAME)


# Round 13 (issue 15, after the eleventh unseen set): an owner's "'s" before
# "Bar" or "Kebab & Grill", which the trade lists lack or take only after a
# name that is no brand: "Mulligan's Bar", "Costa's Kebab & Grill" (a
# person's name that is also a coffee chain's: no chain sells kebabs).
_OWNERS_BAR_OR_GRILL = re.compile(
    r"(?<![\w'’])(?P<owner>(?:Mc|Mac|O['’])?[A-Z][a-z]+)['’]s[ \t]+"
    r"(?:Bar|(?:Kebabs?|Burger|Pizza|Chicken)(?:[ \t]+(?:&|and)[ \t]+Grill|[ \t]+House)?|Grill)"
    r"(?![\w'’])"
)


def find_owners_bars_and_grills(text: str) -> Iterator[Detail]:
    """Round 13: a bar or a grill named after its owner ("Mulligan's Bar",
    "Costa's Kebab & Grill"): NAME spans over the business's name, start
    and end character offsets. The owner's word must be a given name or a
    surname and neither a place nor an ordinary English word ("the Station's
    Bar", "Sainsbury's Bar" stay; "Costa" is a surname as well as a chain)."""
    for match in _OWNERS_BAR_OR_GRILL.finditer(text):
        owner = match.group("owner").lower()
        if owner not in first_names() and owner not in surnames():
            continue
        if owner in ordinary_words() or owner in places() or owner in PLACE_WORDS:
            continue
        if owner in NOT_PERSONS and not match.group(0).endswith("Grill"):
            continue  # "Costa's Bar" could be the chain's; its kebab and grill cannot
        yield Detail(match.start(), match.end(), Category.NAME)
