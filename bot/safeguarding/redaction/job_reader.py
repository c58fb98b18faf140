"""Jobs that single one person out, read from the shape of the phrase
(round 16, issue 15's thirteenth set): a definite role with a word that
makes it one person's ("the only night senior", "the night supervisor",
"the head greenkeeper", "the sole warden"), a definite role the writer
says is theirs ("I'm the receptionist at the vet's"), a retired office said
of oneself ("I am a retired magistrate"), and a Welsh teacher's post ("Fi
yw'r athrawes Blwyddyn 6").

One reader, not one phrase per wording: the role is any word of
:data:`ROLE_NOUNS` (or a two-word role such as "dinner lady") at the end of
a short noun phrase after "the", "our" or "a retired"; the words before it
say whether it singles someone out. A small named workplace straight after
"at" or "of" goes with the role ("at the vet's", "at Lakeside Vets"); a
town, a chain, or a big public place stays ("in Kendal", "at Cowes Yacht
Haven", "at the hospital"). An indefinite role ("a nurse at the hospital",
"a chef in Barrow") is never read here.

:func:`find_roles_that_single_out` yields ``Detail(start, end,
Category.JOB)``, start and end character offsets into the text given.
Wordings: tests/bot/test_redaction_round16_details.py and
tests/data/personal_details/details_probe_round16.jsonl.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import brand_spans, places

# Roles a person holds. Police ranks are left out: officers' roles stay.
ROLE_NOUNS = word_set(
    """
    pharmacist manager manageress caretaker headteacher teacher vicar priest imam rabbi minister
    curate rector gp doctor nurse midwife receptionist landlord landlady barman barmaid bartender
    chef cook cleaner bouncer doorman postman postwoman postie warden porter janitor proprietor
    shopkeeper cashier dentist vet optician butcher baker hairdresser barber mechanic coach
    instructor lifeguard librarian secretary supervisor concierge keyholder steward stewardess
    attendant clerk chairman chairwoman chairperson treasurer groundsman greenkeeper gardener
    handyman plumber electrician nanny childminder carer coordinator organiser director foreman
    technician presenter volunteer waiter waitress verger churchwarden paramedic translator
    interpreter farrier apprentice magistrate judge coroner councillor mayor postmistress
    postmaster sub-postmistress sub-postmaster headmaster headmistress principal senior
    administrator organist sexton gamekeeper ranger stockman shepherd chaplain matron registrar
    surgeon consultant physio physiotherapist optometrist pastor deacon elder choirmaster
    harbourmaster lockkeeper lock-keeper ferryman boatman skipper housekeeper cook-in-charge
    """
)
# Two-word roles whose last word alone is no role ("lady", "man").
_TWO_WORD_ROLES = word_set(
    """
    dinner_lady lollipop_lady lollipop_man tea_lady school_nurse district_nurse practice_nurse
    security_guard support_worker youth_worker social_worker care_assistant team_leader
    shift_leader duty_manager night_manager store_manager practice_manager crossing_patrol
    deputy_head assistant_head scout_leader lock_keeper
    """
)
# Words that make a role one person's: "the only ...", "the night ...".
_SINGLING = word_set(
    """
    only sole head chief night overnight weekend deputy retired resident live-in
    """
)
# Words between "the" and the role that end the phrase (no role follows them).
_STOP = word_set(
    """
    and or of in at on to for from by with who that which is was are were has have had
    the a an my our your his her their this these those one ones
    """
)
# A vehicle's or a trip's driver or guard is whoever was on that day: "the night bus driver".
_VEHICLE = word_set("bus taxi cab train delivery van lorry uber tram coach minicab ambulance")
# Roles too common to be read on "I'm the X" alone (the driver of a car, the owner of a dog).
_NOT_ON_COPULA_ALONE = word_set("driver owner keeper cook coach elder senior")

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# "Our lollipop lady ..., she's the only one on that crossing": "only" later in
# the same sentence singles the role out.
_ONLY_ONE_AFTER = re.compile(
    r"[^.!?\n]{0,60}?\b(?i:(?:the[ \t]+)?only[ \t]+(?:one|me|him|her|person)|"
    r"there['’]s[ \t]+only[ \t]+(?:me|him|her|one))\b"
)
_DEFINITE = re.compile(r"(?i)\b(?:the|our|their)[ \t]+")
# "I'm the ...", "writing as the ...": the writer's own post.
_OWN_COPULA = re.compile(
    r"(?i:\b(?:i['’]?m|i[ \t]+am|i[ \t]+was|as|i[ \t]+work[ \t]+as|i['’]ve[ \t]+been)[ \t]+)$"
)
# "I am a retired magistrate", "as a retired headmistress", "I'm retired GP".
_RETIRED = re.compile(
    r"(?i:\b(?:i['’]?m|i[ \t]+am|i[ \t]+was|as|i['’]ve[ \t]+been)[ \t]+)"
    r"((?i:an?[ \t]+|the[ \t]+)?(?i:retired)[ \t]+)"
)
# Welsh: "Fi yw'r athrawes Blwyddyn 6", "Rwy'n athro Blwyddyn 4".
_WELSH_ROLE = (
    r"(?:athro|athrawes|prifathro|prifathrawes|pennaeth|dirprwy[ \t]+bennaeth|gofalwr|"
    r"gofalwraig|ficer|nyrs|meddyg|rheolwr|rheolwraig|glanhawr|glanhawraig|cogydd|cogyddes|"
    r"postmon|gweinidog|fferyllydd|milfeddyg|derbynnydd)"
)
_WELSH_YEAR = r"(?:[ \t]+(?:[Bb]lwyddyn|[Dd]osbarth)[ \t]+\d{1,2})"
_WELSH_POST = re.compile(
    rf"(?i:\byw['’]r[ \t]+)({_WELSH_ROLE}{_WELSH_YEAR}?)\b"
    rf"|(?i:\b(?:rwy['’]n|dw[ \t]+i['’]n|rydw[ \t]+i['’]n|ydw[ \t]+i['’]n|wyf[ \t]+i['’]n)[ \t]+)"
    rf"({_WELSH_ROLE}{_WELSH_YEAR})\b"
)

# A kind of small workplace, one of its kind where it is: goes with the role.
_SMALL_PLACE = (
    r"(?:vet['’]?s|vets|cafe|café|caff|shop|garage|pub|surgery|chemist['’]?s|pharmacy|salon|"
    r"chippy|takeaway|bakery|newsagents?|post[ \t]+office|library|school|primary|nursery|club|"
    r"practice|care[ \t]+home|nursing[ \t]+home|church|chapel|hotel|b&b|guest[ \t]?house|farm|"
    r"yard|depot|dentist['’]?s|dentists|barbers?|hairdressers?|butchers?|bakers|inn|hostel|"
    r"campsite|caravan[ \t]+(?:site|park)|golf[ \t]+club|cricket[ \t]+club|marina|kennels|"
    r"cattery|stables|garden[ \t]+cent(?:re|er)|village[ \t]+hall|community[ \t]+cent(?:re|er)|"
    r"launderette|off[ \t]+licen[cs]e|corner[ \t]+shop|kebab[ \t]+shop|car[ \t]+wash|unit|ward)"
)
_AT_SMALL_PLACE = re.compile(
    rf"[ \t]+(?i:at|of)[ \t]+(?i:the[ \t]+)(?:(?!(?i:in|at|on|of|and|by)\b)[\w'’&-]+[ \t]+){{0,2}}"
    rf"(?i:{_SMALL_PLACE})(?![\w'’-])"
)
# "at Lakeside Vets", "of The Crown": a capitalised name of its own.
_AT_NAMED_PLACE = re.compile(
    r"[ \t]+(?i:at|of)[ \t]+((?:The[ \t]+)?[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|&)){0,3})"
)
# A big public place or a town's institution: stays.
_BIG_PLACE_END = re.compile(
    r"(?i:\b(?:hospital|infirmary|university|college|council|airport|station|haven|harbour|"
    r"port|docks|prison|stadium|cathedral|police|nhs|trust|tesco|asda|aldi|lidl|morrisons|"
    r"sainsbury['’]?s|co-?op|boots|mcdonald['’]?s|amazon))$"
)


def _role_end(words: list[re.Match[str]], text: str) -> tuple[int, bool] | None:
    """The index of the role's last word among ``words`` (the words after
    "the"), and whether a singling word is before it; None if the phrase
    ends in no role."""
    singled = False
    for index, word in enumerate(words[:4]):
        key = word.group().lower().replace("’", "'")
        if key in _STOP or key in _VEHICLE:
            return None
        if index > 0 and text[words[index - 1].end() : word.start()].strip(" \t"):
            return None  # punctuation between: the phrase ended
        two = f"{words[index - 1].group().lower()}_{key}" if index else ""
        is_role = key in ROLE_NOUNS or two in _TWO_WORD_ROLES
        after = words[index + 1].group().lower() if index + 1 < len(words) else ""
        joined = index + 1 < len(words) and not text[word.end() : words[index + 1].start()].strip(
            " \t"
        )
        continues = joined and (after in ROLE_NOUNS or f"{key}_{after}" in _TWO_WORD_ROLES)
        if is_role and not continues and not (key == "senior" and index == 0 and not singled):
            return index, singled
        if key in _SINGLING:
            singled = True
        elif not word.group()[0].islower() and index == 0:
            return None  # "the Royal Mail postman": a company's, read elsewhere
    return None


def _place_after(text: str, end: int) -> int:
    """``end`` moved over a small workplace straight after the role."""
    small = _AT_SMALL_PLACE.match(text, end)
    if small is not None and not _BIG_PLACE_END.search(small.group()):
        return small.end()
    named = _AT_NAMED_PLACE.match(text, end)
    if named is None:
        return end
    name = named.group(1)
    first = name.split()[0].lower()
    key = name.lower().removeprefix("the ")
    if key in places() or first in places() or _BIG_PLACE_END.search(name):
        return end  # "at Cowes Yacht Haven", "in Kendal": a town's or a big place stays
    if any(a <= named.start(1) < b for a, b in brand_spans(text)):
        return end  # a chain's branch stays
    return named.end(1)


def find_roles_that_single_out(text: str) -> Iterator[Detail]:
    """Definite roles that single someone out, a retired office said of
    oneself, and a Welsh teacher's post (module docstring)."""
    for article in _DEFINITE.finditer(text):
        words = list(_WORD.finditer(text, article.end(), min(len(text), article.end() + 80)))
        if not words or words[0].start() != article.end():
            continue
        found = _role_end(words, text)
        if found is None:
            continue
        index, singled = found
        last = words[index].group().lower()
        own = _OWN_COPULA.search(text, max(0, article.start() - 30), article.start()) is not None
        only_after = _ONLY_ONE_AFTER.match(text, words[index].end()) is not None
        end = _place_after(text, words[index].end())
        # "I'm the receptionist at the vet's": one's own post at a small place;
        # "I'm the secretary", "I am the carer for my wife" alone are left
        at_a_place = own and last not in _NOT_ON_COPULA_ALONE and end > words[index].end()
        if not singled and not only_after and not at_a_place:
            continue
        yield Detail(article.start(), end, Category.JOB)
    for retired in _RETIRED.finditer(text):
        words = list(_WORD.finditer(text, retired.end(), min(len(text), retired.end() + 60)))
        if not words or words[0].start() != retired.end():
            continue
        found = _role_end(words, text)
        if found is not None:
            end = _place_after(text, words[found[0]].end())
            yield Detail(retired.start(1), end, Category.JOB)
    for match in _WELSH_POST.finditer(text):
        group = 1 if match.group(1) else 2
        yield Detail(match.start(group), match.end(group), Category.JOB)


# "I work as chef in Stonehaven", "work as cleaner at the Royal Liverpool
# hospital": an everyday role with no article, in a town or at a big place.
_WORKS_AS = re.compile(r"(?i:\bwork(?:s|ed|ing)?[ \t]+as[ \t]+)$")
_EVERYDAY_JOB = re.compile(
    r"(?i:(?:an?[ \t]+)?(?P<role>[a-z][\w'’-]*)[ \t]+(?:in|at)[ \t]+(?:the[ \t]+)?)"
    r"(?P<place>[A-Za-z][\w'’-]*(?:[ \t]+[A-Za-z][\w'’-]*){0,3})"
)


def keep_everyday_jobs(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` without a JOB span that is an everyday role said with
    "work as" and no article, in a known town or at a big public place
    ("I work as chef in Stonehaven": many chefs work there). A role that
    singles out ("as the only chef") is no such span."""
    kept: list[Detail] = []
    for detail in details:
        if detail.category is Category.JOB and _WORKS_AS.search(
            text, max(0, detail.start - 20), detail.start
        ):
            every = _EVERYDAY_JOB.fullmatch(text, detail.start, detail.end)
            if every is not None and every.group("role").lower() in ROLE_NOUNS:
                place = every.group("place")
                if place.lower() in places() or _BIG_PLACE_END.search(place):
                    continue
        kept.append(detail)
    return kept
