"""Round 15 (issue 15, keep words, after the twelfth set): public places,
streets, pets, universities and speeds the finders took, given back. Each
keep is by its cue, never by the word alone:

- a place named like a home (a "Farm", "Lodge", "Grange", "Hall" ...) with a
  public place's word right after it ("Hollin Grange shops", "Moor Grange
  car park") or said as where a public place is ("the shops at Moor
  Grange", "the park near Wilton Lodge"); "we live at Broadwater Farm" and
  "my nan lives at Pennywell Farm" still go;
- a Welsh or Gaelic street (Heol, Ffordd, Stryd, Lôn, Sràid, Rhodfa; Maes
  and Cae only after "on", "along", "up" and the like, as they also name
  homes) with no number before it and no living there said just before
  ("fireworks on Maes Glas", "speeding on Ffordd Pentre"); "my mum lives at
  Maes y Coed" and "14 Maes Glas" still go;
- a district after "live", "lives" or "living" with no "in" ("I live Easton, 112 Stapleton
  Road"): a non-native writer's place, not a person;
- a place on a main road ("on the A68 at Carter Bar");
- a pet's name: after a breed's plural and "called" ("2 french bulldogs
  called Peanut"), set off by commas after "my spaniel" ("walking my
  spaniel, Hector."), after a count of pets ("my two cats Milo and Luna"),
  and the second of two pets' names ("called Peanut and Biscuit"); "walking
  the dog, Sarah came over" and "my friend Hector" still go;
- a university's or college's place ("the University of York", "uni of
  Leeds");
- a speed against its limit ("clocked at 50 in a 30", "doing 70 in a 40").

Shapes are (start, end) character offsets in
:class:`~bot.safeguarding.redaction.detail.Detail`; the text is searched as
given, nothing is read from outside the module.
"""

from __future__ import annotations

import re

from bot.safeguarding.redaction.detail import Category, Detail

_LOOK_BACK = 60

_HOME_WORD_END = re.compile(
    r"(?:Farm|Lodge|Grange|Hall|Manor|Forge|Mill|House|Cottage|Court|Barn|Villa|Mews)$"
)
_PUBLIC_AFTER = re.compile(
    r"[ \t]+(?i:estate|shops|shopping[ \t]+(?:centre|center|precinct)|precinct|park|rec|"
    r"leisure[ \t]+centre|sports[ \t]+centre|community[ \t]+centre|car[ \t]?park|flats|"
    r"library|woods|industrial[ \t]+estate|retail[ \t]+park|roundabout|playground|"
    r"play[ \t]+area|playing[ \t]+fields?)\b"
)
_PUBLIC_BEFORE = re.compile(
    r"(?i:\b(?:the|a)[ \t]+(?:shops|park|rec|playground|play[ \t]+area|estate|flats|woods|"
    r"fields|car[ \t]?park)[ \t]+(?:at|on|in|near|by|behind|next[ \t]+to|opposite)[ \t]+)$"
)

_WELSH_STREET = re.compile(r"(?:Heol|Ffordd|Stryd|Lôn|Sràid|Sraid|Rhodfa)[ \t]+\S")
_WELSH_FIELD = re.compile(r"(?:Maes|Cae)[ \t]+\S")
_ALONG_BEFORE = re.compile(
    r"(?i:\b(?:on|along|up|down|off|onto|across|round|around|through)[ \t]+(?:the[ \t]+)?)$"
)
_NEAR_BEFORE = re.compile(r"(?i:\b(?:at|near|by|past|behind|outside)[ \t]+(?:the[ \t]+)?)$")
_LIVING_BEFORE = re.compile(
    r"(?i:\b(?:live|lives|living|lived|reside|resides|residing|address|home|house|moved|"
    r"stay|stays|staying|bungalow|cottage|farmhouse)\b[^.!?\n]{0,25})$"
)

_LIVE_NO_IN = re.compile(r"(?i:\b(?:live|lives|living)[ \t]+(?:now[ \t]+)?)$")
_ON_A_ROAD = re.compile(
    r"(?i:\b(?:on|along|off|up|down)[ \t]+the[ \t]+(?-i:[ABM])\d{1,4}[ \t]+"
    r"(?:at|near|by|past|around|round)[ \t]+)$"
)

_POSSESSIVE = re.compile(r"['’]s\b")

_BREEDS = (
    r"(?:dogs|cats|puppies|pups|kittens|staffies|staffys|spaniels|labradors|labs|collies|"
    r"terriers|greyhounds|lurchers|whippets|huskies|poodles|bulldogs|frenchies|retrievers|"
    r"ponies|horses|parrots|tortoises|rabbits|ferrets|cockapoos|chickens|hens|goats|budgies)"
)
_BREED_ONE = (
    r"(?:dog|cat|puppy|pup|kitten|staffy|staffie|spaniel|labrador|lab|collie|terrier|"
    r"greyhound|lurcher|whippet|husky|poodle|bulldog|frenchie|retriever|alsatian|cockapoo|"
    r"cavapoo|rottweiler|chihuahua|pony|horse|parrot|tortoise|rabbit|ferret|tomcat|jack[ \t]+"
    r"russell|springer|beagle|dachshund|sausage[ \t]+dog|westie|pug|boxer|mastiff)"
)
_PLURAL_CALLED = re.compile(rf"(?i:\b{_BREEDS}[ \t]+(?:called|named)[ \t]+)$")
_MY_PET_COMMA = re.compile(rf"(?i:\b(?:my|our|me|his|her|their)[ \t]+{_BREED_ONE}[ \t]*,[ \t]*)$")
_CLAUSE_END = re.compile(r"[ \t]*(?:[.!?;)\n]|,|$)")
_COUNT_OF_PETS = re.compile(
    rf"(?i:\b(?:my|our|me|his|her|their)[ \t]+(?:two|three|four|2|3|4)[ \t]+{_BREEDS}[ \t]+)$"
)
_AND_BEFORE = re.compile(r"[ \t]+(?:and|&|n)[ \t]+$")

_UNIVERSITY_OF = re.compile(
    r"(?i:\b(?:university|uni|college|polytechnic)[ \t]+of[ \t]+(?:the[ \t]+)?)$"
)

_SPEED = re.compile(
    r"(?i:\b\d{2,3}[ \t]*(?:mph)?[ \t]+in[ \t]+an?[ \t]+\d0\b"
    r"(?![ \t]*(?:min|sec|hour|hr|day|week|month|year|yr|mile|percent|%|foot|feet|ft)))"
)


def _pets(text: str, d: Detail) -> bool:
    back = max(0, d.start - _LOOK_BACK)
    if _PLURAL_CALLED.search(text, back, d.start) or _COUNT_OF_PETS.search(text, back, d.start):
        return True
    return bool(_MY_PET_COMMA.search(text, back, d.start) and _CLAUSE_END.match(text, d.end))


def _a_pet_named_before(text: str, d: Detail, names: list[Detail]) -> bool:
    """A name joined by "and" to a pet's name before it ("called Peanut and
    Biscuit", "Rex n Bruno n Sky")."""
    for other in names:
        if other.end <= d.start and _AND_BEFORE.fullmatch(text, other.end, d.start):
            return _pets(text, other) or _a_pet_named_before(text, other, names)
    return False


def _a_public_place(text: str, d: Detail) -> bool:
    span = text[d.start : d.end]
    back = max(0, d.start - _LOOK_BACK)
    if any(c.isdigit() for c in span):
        return False
    if _HOME_WORD_END.search(span) and (
        _PUBLIC_AFTER.match(text, d.end) or _PUBLIC_BEFORE.search(text, back, d.start)
    ):
        return True
    living = _LIVING_BEFORE.search(text, back, d.start)
    if _WELSH_STREET.match(span) and not living:
        return bool(
            _ALONG_BEFORE.search(text, back, d.start) or _NEAR_BEFORE.search(text, back, d.start)
        )
    if _WELSH_FIELD.match(span) and not living:
        return bool(_ALONG_BEFORE.search(text, back, d.start))
    return False


def _a_place_said_as_a_name(text: str, d: Detail) -> bool:
    span = text[d.start : d.end]
    back = max(0, d.start - _LOOK_BACK)
    if _UNIVERSITY_OF.search(text, back, d.start):
        return True
    if _ON_A_ROAD.search(text, back, d.start) and not _POSSESSIVE.search(text[d.start : d.end + 3]):
        return True
    return " " not in span.strip() and bool(_LIVE_NO_IN.search(text, back, d.start))


def keep_places_pets_universities_and_speeds(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` less the homes and names that are a public place, a Welsh
    or Gaelic street, a district, a pet's name, a university's place or a
    speed (the module's docstring)."""
    speeds = [m.span() for m in _SPEED.finditer(text)]
    names = [d for d in details if d.category is Category.NAME]
    kept = []
    for d in details:
        if d.category is Category.ADDRESS and any(s <= d.start and d.end <= e for s, e in speeds):
            continue
        if d.category is Category.ADDRESS and _a_public_place(text, d):
            continue
        if d.category is Category.NAME and (
            _pets(text, d)
            or _a_pet_named_before(text, d, names)
            or _a_place_said_as_a_name(text, d)
        ):
            continue
        kept.append(d)
    return kept
