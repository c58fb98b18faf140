"""Round 19: an age beside a circumstance, and a person at their workplace,
read in the shapes residents use that the older readers
(``situation.py``, ``job_reader.py``) leave.

- An age of the writer or of one private person stated next to what
  narrows it to one home (widowed, living alone, a condition, a carer,
  housebound, the only one left in the row), in either order of clause and
  in text-speak or non-native English: "86 and a widow, living by myself",
  "my grandads 91 and hes the only one left", "Ahmed, 52 years, he have
  diabetes", "(91, registered blind)", "father age 78 living alone", the
  Welsh "gwraig weddw 83 oed ac yn byw ar fy mhen fy hun". The age, the
  words that say whose it is ("she's", "I am") and the clause of each
  circumstance go; an age with no circumstance beside it is left to the
  older rules ("my son is 15" stays), as are ranges and counts ("over 18s",
  "kids aged 10-14", "the 30 mph limit", "£86", "the 86 bus").
- A person named by their job at a small workplace, with the words that
  make them one person: "the night guy at the kebab house on london rd",
  "the lad from the Spar who works nights", "the young man who delivers
  for the takeaway", "the lad who helps with lambing", "the Avon lady for
  the whole estate", "a teacher at the primary". Staff in the plural, a
  role with no place ("a PCSO") and a big public place ("nurses at the
  hospital", "staff at Tesco") stay.

Both yield ``Detail`` spans (``Category.AGE``, ``Category.JOB``); the
pipeline's later trims (a town or a public place closing the span) apply
to them as to the older readers'. Wordings:
tests/bot/test_redaction_round19_ages_jobs.py; the labelling rule is in
docs/decisions.md ("Round 19 (redaction): ages beside a circumstance, a
person at their workplace").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail

# --- an age beside a circumstance -----------------------------------------

_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_NUMBER = rf"(?:[1-9]\d{{0,2}}|{_TENS}(?:[ \t-]{_UNITS})?|{_TEENS})"
_HEDGE = r"(?:(?:now|nearly|almost|about|around|maybe|over|only|just|aged?)[ \t]+)"
# "years" or "year" with no "old" after it ("52 years, he have diabetes",
# "79 year, living alone"), and the Welsh "oed".
_YEARS = r"(?:[ \t]+(?:years?|yrs?|oed)(?![ \t-]*(?:old|of)\b))?"
# What makes the number a quantity, a time or a place, not an age.
_NOT_AN_AGE = re.compile(
    r"(?i)[ \t]*(?:mph|miles?|minutes?|mins?|hours?|hrs|weeks?|months?|days?|percent|%|"
    r"pounds?|quid|grand|k\b|p\b|bus|times?|s\b|['’]s\b|\+|[-–/:.]\d|to[ \t]+\d|"
    r"or[ \t]+(?:over|\d)|"
    r"plus\b|st\b|nd\b|rd\b|th\b|ft\b|feet|metres?|yards?|stone|kg|am\b|pm\b|o['’]clock)"
)
_NOT_AFTER = re.compile(
    r"(?i)(?:[£$€#]|\bno\.?|\bnumber|\broute|\bbus|\bflat|\broom|\bunit)[ \t]*$"
)
# Who the age is said of, just before it: "I am", "she's", "hes", "he is",
# "my grandads" (of "my grandad's 91"), "who is", "father age 78", or a
# bare "he" of non-native English ("he 91 and live alone").
_KIN = (
    r"(?:mum|mam|mom|mother|dad|father|nan|nana|nanna|gran|granny|grandma|grandad|grandpa|"
    r"granda|taid|nain|husband|wife|partner|neighbour|neighbor|aunt|auntie|uncle|brother|"
    r"sister|son|daughter|friend|lodger|tenant|girlfriend|boyfriend|fianc[eé]e?|"
    r"step[ \t-]?(?:dad|mum|mom|son|daughter)|grandson|granddaughter|nephew|niece|cousin)"
)
_SUBJECT = (
    r"(?:i[ \t]+am|i['’]?m|im|(?:s?he|who)[ \t]+(?:is|was)|(?:s?he|who)['’]s|s?hes|s?he|"
    rf"{_KIN}['’]?s|{_KIN}[ \t]+(?:is|was|age|aged)|am|is|age|aged|have|has)"
)
# Read number first (numbers are few), then who it is said of behind it.
_AGE_NUMBER = re.compile(rf"(?i:\b(?P<age>{_NUMBER}{_YEARS})\b)")
_SUBJECT_BEFORE = re.compile(rf"(?i:\b(?P<subject>{_SUBJECT})[ \t]+{_HEDGE}?)$")
# An age set off by a comma or a bracket: "lovely lady, 79 and on her own",
# "Arthur Booth (91, registered blind)", "very old, maybe 90, she live alone".
_SET_OFF_AGE = re.compile(
    rf"(?i:(?:(?<=[,(])|(?<=[,(][ \t]))[ \t]*{_HEDGE}?)(?P<age>{_NUMBER}{_YEARS})\b"
    r"(?=[ \t]*[,)]|[ \t]+(?:and|n|&|with|living|lives|live|has|have|on|in)\b)"
)
# Welsh: "gwraig weddw 83 oed": the widowhood before the age goes with it.
_WELSH_AGE = re.compile(
    rf"(?i:\b(?:(?:g?wraig|g?ŵr|g?wr|dyn|dynes)[ \t]+(?:g?weddw)[ \t]+)?{_NUMBER}[ \t]+oed)\b"
)
# What narrows an age to one home.
_CIRCUMSTANCE = re.compile(
    r"(?i:\b(?:liv(?:e|es|ing)[ \t]+(?:alone|on[ \t]+(?:my|his|her|their|our)[ \t]+own|"
    r"by[ \t]+(?:my|him|her|them|our)sel(?:f|ves)|with[ \t]+[a-z'’]+)|"
    r"on[ \t]+(?:my|his|her|their|our)[ \t]+own|by[ \t]+(?:my|him|her)self|alone|"
    r"widow(?:ed|er)?|g?weddw|house[ \t-]?bound|bed[ \t-]?(?:bound|ridden)|wheelchair|"
    r"mobility[ \t]+scooter|zimmer|walking[ \t]+(?:frame|stick)s?|"
    r"(?:registered|partially|nearly|almost|quite|very)[ \t]+(?:blind|sighted|deaf)|blind|deaf|"
    r"hard[ \t]+of[ \t]+hearing|dementia|alzheimer\w*|parkinson\w*|diabet\w*|epilep\w*|"
    r"stroke|cancer|frail|confused|forgetful|pacemaker|oxygen|disabled|disability|autis\w*|"
    r"learning[ \t]+(?:difficult|disabilit)\w*|non[ \t-]?verbal|down['’]?s[ \t]+syndrome|"
    r"pregnant|terminally[ \t]+ill|carers?|cares[ \t]+for|sheltered|"
    r"in[ \t]+(?:a|the)[ \t]+(?:care[ \t]+)?home|"
    r"(?:only|last|oldest|youngest)[ \t]+(?:[\w'’-]+[ \t]+){0,2}?(?:one|person|resident|woman|man|"
    r"lady|house|family|pensioner|widow|girl|boy|lad|kid|child|pupil|student)|"
    r"no[ \t]+(?:family|relatives|one[ \t]+else)|"
    r"liv(?:e|es|ing)[ \t]+(?:above|over|behind|beside|opposite|next[ \t]+(?:door[ \t]+)?to)"
    r"[ \t]+(?:the|a|an)|"
    r"(?:mum|mam|mom|mother|dad|father|parent)[ \t]+of[ \t]+(?:[2-9]|two|three|four|five|six|"
    r"seven|eight|nine|ten|twins|triplets)|"
    r"single[ \t]+(?:mum|mother|dad|father|parent)|"
    r"(?:does|do|can|could)(?:n['’]?t|[ \t]+not|not)[ \t]+(?:speak|drive|walk|see|hear|read)|"
    r"not[ \t]+speak|no[ \t]+english|attends?|studying|student[ \t]+at|"
    r"at[ \t]+(?:college|uni|university|sixth[ \t]+form)|retired|former|veteran|"
    r"served[ \t]+in|ar[ \t]+(?:fy|ei|ein)[ \t]+(?:mhen|phen|ben|pen)[ \t]+(?:fy|ei|ein)[ \t]+hun)"
    r"(?![\w'’-]))"
)
# Between the age and its circumstance: a few words of the same clause
# ("and a", ", he have", " and gets"), nothing that starts a new sentence or
# a story ("but", "when", "a man").
_GAP_LIMIT = 28
_CLAUSE_LIMIT = 120  # a clause read no further: no long hostile run is read twice
_GAP_STOP = re.compile(
    r"(?i)[.;:!?\n()]|\b(?:but|because|cos|when|so|which|while|whilst|yesterday|today|"
    r"someone|somebody|man|men|woman|lads?|kids|youths|they|you|we|if|then)\b"
)
# The clause a circumstance is in runs to a stop, a comma, or a conjunction.
_CLAUSE_END = re.compile(
    r"[^,.;:!?()\n]*?(?=[ \t]*[,.;:!?()\n]|[ \t]+(?i:and|n|&|but|so|because|cos|when|which|"
    r"while|whilst|who|whereas|if|yet|was|is|were|are|keeps|kept|got|has|have|had|came|went|"
    r"said|told|rang|called|did|does|can|could|will|would|started)\b|$)"
)
# One more circumstance straight after a clause: ", living by myself", "and deaf".
_NEXT_JOIN = re.compile(r"[ \t]*,?[ \t]*(?:(?i:and|n|&)[ \t]+)?")
# A named street closing the clause stays, as it does after a job: many
# live on it ("living alone in a flat on Ash Road" -> "[age] on Ash Road").
_ON_A_STREET = re.compile(
    r"[ \t]+(?:(?i:in|on|off|along)[ \t]+(?:(?i:a|the)[ \t]+)?(?:[\w'’-]+[ \t]+){0,2}?)?"
    r"(?i:on|off|along)[ \t]+(?:[A-Za-z][\w'’-]*[ \t]+){1,3}"
    r"(?i:road|rd|street|st|lane|ln|avenue|ave|way|close|crescent|drive|terrace|grove|hill)\b"
)
_PERSON_BEFORE = re.compile(
    rf"(?i:\b(?:{_KIN}|he|she|man|woman|lady|gentleman|boy|girl|lad|cousin|nephew|niece|"
    r"grandson|granddaughter)\b)|\b(?:Mr|Mrs|Ms|Miss|[A-Z][a-z]+[ \t]+[A-Z][a-z]+)\b"
)
_BARE_SUBJECT = re.compile(r"(?i)(?:is|am|age|aged|have|has)$")
# Round 20: the non-native "my daughter have 15 years and is the only
# Spanish girl" (only with "years"; "has 3 and a baby" is a count).
_HAVE_SUBJECT = re.compile(r"(?i)ha(?:ve|s)")
# A pronoun's "is" goes with the age ("[age]" for "she's 84"); a kin word or
# a bare "is" stays outside it, as round 11 left them ("Mum is [age]").
_PRONOUN_SUBJECT = re.compile(
    r"(?i)i[ \t]+am|i['’]?m|im|(?:s?he|who)[ \t]+(?:is|was)|(?:s?he|who)['’]s|s?hes|s?he|am|"
    r"age|aged"
)
# "my nan, eighty-three, lives alone": a set-off age before a verb of its own
# clause goes alone, as round 12 left it ("my nan, [age], lives alone").
_OWN_VERB = re.compile(r"[ \t]*,[ \t]*(?i:lives|has|is|was|gets|uses|needs)\b")
# "I am 71 year": an old age with "year" and no "old", as a first language
# says it; at 70 or more it goes by itself, as the older rule takes "I am 71".
_YEAR_WORD = re.compile(r"(?i)[ \t]+(?:years?|yrs?|oed)$")
_OLD = 70
# "he'll be 80 in jan": the month of a birthday with the age it brings.
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december)"
)
_BIRTHDAY_SOON = re.compile(
    rf"(?i:\b(?:s?he|i|who)(?:['’]ll|[ \t]+will)[ \t]+be[ \t]+{_NUMBER}[ \t]+"
    rf"(?:in|on|next)[ \t]+(?:the[ \t]+)?{_MONTH})\b"
)


def _circumstance_end(
    text: str, start: int, stop: int, circumstances: list[re.Match[str]]
) -> int | None:
    """The end of the circumstance clauses after an age ending at ``start``,
    or None if no circumstance (of ``circumstances``, every one in the text)
    comes close enough after it."""
    index = bisect_left(circumstances, start, key=lambda found: found.start())
    if index == len(circumstances):
        return None
    first = circumstances[index]
    if first.start() - start > _GAP_LIMIT or first.end() > stop:
        return None
    if _GAP_STOP.search(text, start, first.start()):
        return None
    if text.count(",", start, first.start()) > 1:
        return None
    end = first.end()
    while True:
        clause = _CLAUSE_END.match(text, end, min(stop, end + _CLAUSE_LIMIT))
        clause_end = clause.end() if clause is not None else end
        street = _ON_A_STREET.search(text, end, clause_end)
        end = street.start() if street is not None else clause_end
        join = _NEXT_JOIN.match(text, end, stop)
        following = _CIRCUMSTANCE.match(text, join.end(), stop) if join else None
        if following is None or join is None or (join.end() == end and end != first.end()):
            break
        end = following.end()
    return end


def find_ages_beside_circumstances(text: str) -> Iterator[Detail]:
    """An age with a circumstance close after it, as one span from whose age
    it is to the end of the circumstance's clause (module docstring)."""
    circumstances: list[re.Match[str]] | None = None  # read once, when an age is found
    lowered = text.lower()
    welsh = "oed" in lowered
    for sentence in re.finditer(r"[^.!?\n]+[.!?]*", text):
        stop = sentence.end()
        for pattern in (_AGE_NUMBER, _SET_OFF_AGE, _WELSH_AGE):
            if pattern is _WELSH_AGE and not welsh:
                continue
            for match in pattern.finditer(text, sentence.start(), stop):
                age_start = match.start("age") if "age" in pattern.groupindex else match.start()
                age_end = match.end("age") if "age" in pattern.groupindex else match.end()
                if _NOT_AN_AGE.match(text, age_end) or _NOT_AFTER.search(
                    text, max(0, age_start - 8), age_start
                ):
                    continue
                subject: str | None = None
                start = match.start()
                if pattern is _AGE_NUMBER:
                    before = _SUBJECT_BEFORE.search(
                        text, max(sentence.start(), age_start - 40), age_start
                    )
                    if before is None:
                        continue
                    subject, start = before.group("subject"), before.start("subject")
                    if _HAVE_SUBJECT.fullmatch(subject) and not _YEAR_WORD.search(
                        text, age_start, age_end
                    ):
                        continue  # "has 3 and a baby": a count
                    if not _PRONOUN_SUBJECT.fullmatch(subject):
                        start = age_start  # "Mum is [age]", "My nan, bless her, is [age]"
                if (
                    subject is not None
                    and _BARE_SUBJECT.fullmatch(subject)
                    and not _PERSON_BEFORE.search(text, max(sentence.start(), start - 40), start)
                ):
                    continue  # "the limit is 30 and the only camera": no one's age
                if circumstances is None:
                    circumstances = list(_CIRCUMSTANCE.finditer(text))
                end = _circumstance_end(text, age_end, stop, circumstances)
                if end is not None and pattern is _SET_OFF_AGE and _OWN_VERB.match(text, age_end):
                    end = age_end
                digits = re.match(r"\d+", text[age_start:age_end])
                if (
                    end is None
                    and subject is not None
                    and _YEAR_WORD.search(text, age_start, age_end)
                    and digits is not None
                    and int(digits.group()) >= _OLD
                ):
                    end = age_end
                if end is None:
                    continue
                while start < age_start and text[start] in " \t":
                    start += 1
                yield Detail(start, end, Category.AGE)
    if "ll be" in lowered or "will be" in lowered:
        for match in _BIRTHDAY_SOON.finditer(text):
            yield Detail(match.start(), match.end(), Category.AGE)


# --- a person at their workplace ------------------------------------------

# A small workplace, one of its kind where it is.
_WORKPLACE = (
    r"(?:kebab[ \t]+(?:house|shop)|takeaway|chippy|chip[ \t]+shop|cafe|café|caff|pub|shop|"
    r"garage|surgery|chemist['’]?s?|pharmacy|vet['’]?s|salon|bakery|bakers|butchers?|"
    r"newsagents?|post[ \t]+office|library|primary|nursery|village[ \t]+school|farm|yard|"
    r"care[ \t]+home|nursing[ \t]+home|hotel|b&b|inn|kiosk|chapel|church|mosque|"
    r"car[ \t]+wash|corner[ \t]+shop|off[ \t]+licen[cs]e|estate|spar|londis|costcutter|"
    r"nisa|greggs|pizza[ \t]+place|chinese|indian|barbers?|hairdressers?|launderette)"
)
# A chain's big store, a hospital, a town's institution: its staff stay.
_BIG_PLACE = re.compile(
    r"(?i)\b(?:hospital|infirmary|university|college|council|airport|station|prison|"
    r"tesco|asda|aldi|lidl|morrisons|sainsbury['’]?s|co-?op|boots|amazon|police)\b"
)
_PLACE = (
    r"(?:(?:the|a|our|that)[ \t]+(?:whole[ \t]+of[ \t]+the[ \t]+)?)?"
    rf"(?:(?!(?i:in|at|on|of|and|by|who|that)\b)[\w'’&-]+[ \t]+){{0,2}}(?i:{_WORKPLACE})"
    r"(?![\w'’-])"
)
# The street a small workplace is on says which one: "on london rd".
_STREET_TAIL = re.compile(
    r"[ \t]+(?i:on|in|off)[ \t]+(?:(?:[A-Za-z][\w'’-]*[ \t]+){1,3}"
    r"(?i:road|rd|street|st|lane|ln|avenue|ave|way|parade|terrace|hill)\b\.?"
    r"|(?i:ffordd|heol|stryd|lôn|lon)[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)"
)
_WHO = r"(?:[A-Za-z]+[ \t]+){0,2}"
_PEOPLE_WORD = r"(?:guy|lad|man|woman|girl|bloke|fella|fellow|lady|gent|gentleman|chap|boy|one)"
_SHIFT = r"(?:night|day|morning|weekend|evening|late|early|saturday|sunday)"
# "the night guy at the kebab house", "the lad from the Spar who works nights".
_PERSON_FROM_PLACE = re.compile(
    rf"(?i:\b(?:the|a|our)[ \t]+(?P<shift>{_SHIFT}[ \t]+)?(?:(?:young|old|older|new|tall|"
    rf"little|nice)[ \t]+)?{_PEOPLE_WORD}[ \t]+(?:at|from|in)[ \t]+)(?P<place>{_PLACE})"
    r"(?P<works>[ \t]+(?i:who|that)[ \t]+(?i:works?|does|do)[ \t]+(?i:the[ \t]+)?"
    r"(?i:nights|days|weekends|lates|earlies|mornings|evenings|(?:night|late|early)[ \t]+"
    r"shifts?))?"
)
# "the young man who delivers for the Chinese takeaway", "the woman who does
# the school dinners at Ysgol Llanhari", "the lad who helps with lambing".
_PERSON_WHO_WORKS = re.compile(
    rf"(?i:\b(?:the|a|our)[ \t]+{_WHO}{_PEOPLE_WORD}[ \t]+(?:who|that)[ \t]+"
    r"(?:delivers?|drives?|cleans?|serves?|cooks?|"
    r"covers?|does[ \t]+the[ \t]+[a-z]+(?:[ \t]+[a-z]+)?)[ \t]+(?:at|for|in|on)[ \t]+)"
    rf"(?P<place>{_PLACE}|[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){{0,3}})"
    rf"|(?i:\b(?:the|a|our)[ \t]+{_WHO}{_PEOPLE_WORD}[ \t]+(?:who|that)[ \t]+helps?"
    r"(?:[ \t]+out)?[ \t]+with[ \t]+(?:the[ \t]+)?(?:lambing|milking|calving|harvest|"
    r"shearing|horses|hens|cows|sheep))\b"
)
# Who works away from the workplace: the street it is on stays, since they
# are seen on every street of the round ("the lad who delivers for the
# Chinese takeaway [job] on Stanhope Road").
_AWAY_FROM_IT = re.compile(r"(?i)\b(?:delivers?|drives?)\b")
# A round only one person walks: "the Avon lady for the whole of the
# Woodhouse estate", "the postie for the top farms", "the lollipop man outside".
_ROUND_ROLE = re.compile(
    r"(?i:\b(?:the|our)[ \t]+(?:avon[ \t]+lady|postie|postman|postwoman|milkman|milkwoman|"
    r"paper[ \t]?boy|paper[ \t]?girl|lollipop[ \t]+(?:man|lady)|window[ \t]+cleaner|"
    r"dinner[ \t]+lady)[ \t]+(?:for|on|at|outside)[ \t]+)"
    r"(?P<place>(?:the[ \t]+)?(?:whole[ \t]+of[ \t]+the[ \t]+)?(?:[\w'’&-]+[ \t]+){0,3}?"
    r"(?i:estate|round|school|primary|village|farms|street|road|close|crescent|"
    r"[A-Z][\w'’-]+['’]s))(?![\w'’-])"
)
# "a teacher at the primary", "she's a nurse at the surgery": one of few at a
# small place that is the village's only one.
_ROLE_AT_THE_ONE = re.compile(
    r"(?i:\b(?:a|an|the)[ \t]+(?:(?:deputy|assistant|head|new|supply)[ \t]+)?"
    r"(?:teacher|teaching[ \t]+assistant|head|nurse|receptionist|pharmacist|cleaner|cook|"
    r"chef|barmaid|barman|caretaker|manager|gp|doctor|vet|dentist|postmistress|postmaster|"
    r"dinner[ \t]+lady|lollipop[ \t]+(?:man|lady)|PA)[ \t]+at[ \t]+(?:the|a[ \t]+small)[ \t]+"
    r"(?:village[ \t]+)?(?:primary|village[ \t]+school|surgery|chemist['’]?s?|post[ \t]+office|"
    r"vet['’]?s|nursery))(?![\w'’-])"
)


# One person's post at a named place: "Dr Ann Shaw, GP at the Riverside
# Surgery", "the postmistress at the Cromwell Street post office", "head of
# PE at Hillside High", "I'm a nurse on Alaw ward", "the headteacher's PA at
# the primary". A post one person holds goes with any such place; a common
# one ("nurse", "teacher") only with a small one (a surgery, a ward).
_ONE_HOLDER = (
    r"(?:postmistress|postmaster|head[ \t]+of[ \t]+\w+|gp|practice[ \t]+manager|"
    r"(?:deputy[ \t]+|assistant[ \t]+)?head(?:[ \t]?teacher)?|manager|landlord|landlady|"
    r"caretaker|warden|vicar|organist|churchwarden|(?:head[ \t]?teacher|manager|vicar)['’]s[ \t]+"
    r"(?:pa|secretary|assistant))"
)
_COMMON_HOLDER = r"(?:nurse|receptionist|pharmacist|teacher|cleaner|cook|chef|midwife|dentist)"
_NAMED = r"(?:[A-Z][\w'’-]*[ \t]+){1,3}"
_POST_AT_NAMED = re.compile(
    rf"(?:(?<=,[ \t])|(?<=\()|(?i:\b(?:the|a|an)[ \t]+))"
    rf"(?:(?i:{_ONE_HOLDER})[ \t]+(?i:at|of)[ \t]+(?i:the[ \t]+)?(?:{_NAMED}"
    r"(?i:surgery|post[ \t]+office|high|primary|junior|juniors|infants|academy|school|practice|"
    r"pharmacy|nursery)"
    r"|(?i:the[ \t]+)(?i:primary|surgery|post[ \t]+office|village[ \t]+school))"
    rf"|(?i:{_COMMON_HOLDER})[ \t]+(?i:at|on|in)[ \t]+(?:(?i:the[ \t]+)?{_NAMED}"
    r"(?i:surgery|ward|post[ \t]+office|pharmacy)|(?i:ward)[ \t]+\d{1,2}))(?![\w'’-])"
)


# Cheap first looks: most messages hold no such phrase.
_WHO_WORKS_CUE = re.compile(
    r"(?i)\b(?:who|that)[ \t]+(?:works?|delivers?|drives?|cleans?|serves?|cooks?|covers?|"
    r"does|helps?)\b"
)
_HOLDER_CUE = re.compile(
    r"(?i)\b(?:post(?:mistress|master)|head|gp|manager|landlord|landlady|caretaker|warden|"
    r"vicar|organist|churchwarden|head[ \t]?teacher|nurse|receptionist|pharmacist|teacher|"
    r"cleaner|cook|chef|midwife|dentist)"
)


def find_people_at_their_workplace(text: str) -> Iterator[Detail]:
    """A person named by their job at a small workplace (module docstring)."""
    for match in _PERSON_FROM_PLACE.finditer(text):
        place = match.group("place")
        if _BIG_PLACE.search(place):
            continue
        if not match.group("shift") and not match.group("works"):
            continue  # "the man at the garage said": anyone on shift
        end = match.end()
        if not match.group("works"):
            street = _STREET_TAIL.match(text, end)
            end = street.end() if street is not None else end
        yield Detail(match.start(), end, Category.JOB)
    who_works = _WHO_WORKS_CUE.search(text) is not None
    for match in _PERSON_WHO_WORKS.finditer(text) if who_works else ():
        place = match.group("place") or ""
        if _BIG_PLACE.search(place):
            continue
        away = _AWAY_FROM_IT.search(match.group()) is not None
        if away and place[:1].isupper():
            continue  # "the lad who drives for Robson's Skip Hire": the firm's own reading
        end = match.end()
        street = _STREET_TAIL.match(text, end)
        if street is not None and not away:
            end = street.end()
        yield Detail(match.start(), end, Category.JOB)
    for match in _ROUND_ROLE.finditer(text):
        yield Detail(match.start(), match.end(), Category.JOB)
    for match in _ROLE_AT_THE_ONE.finditer(text):
        yield Detail(match.start(), match.end(), Category.JOB)
    holder = _HOLDER_CUE.search(text) is not None
    for match in _POST_AT_NAMED.finditer(text) if holder else ():
        yield Detail(match.start(), match.end(), Category.JOB)


# --- round 20: a post at a named (often large or public) workplace ----------

_CAP = r"[A-Z][\w'’&-]*"
_NAMED_RUN = rf"(?:(?i:the)[ \t]+)?{_CAP}(?:[ \t]+(?:(?:of|upon|de)[ \t]+)?{_CAP})*"
# A common post narrowed to a few people by its specialism or its ward:
# "a theatre nurse at the Royal Derby", "a nurse at the Royal Sussex on the
# cardiac ward". A bare "a nurse at the Whittington" stays (the writers
# keep it).
_SPECIALISM = (
    r"(?:theatre|scrub|ward|charge|sister|icu|itu|a&e|a[ \t]+and[ \t]+e|cardiac|neonatal|"
    r"paediatric|pediatric|maternity|mental[ \t]+health|specialist|"
    r"stroke|renal|oncology|cancer|dialysis|triage)"
)
_HOSPITAL_POST = r"(?:nurse|doctor|midwife|sister|consultant|registrar|surgeon|porter|hca|physio)"
_NARROWED_POST = re.compile(
    rf"(?i:\b(?:a|an|the)[ \t]+(?:senior[ \t]+|junior[ \t]+|staff[ \t]+)?{_SPECIALISM}[ \t]+"
    rf"{_HOSPITAL_POST}[ \t]+(?:at|in|for)[ \t]+)(?P<place>{_NAMED_RUN})(?![\w'’-])"
)
_ON_A_WARD = re.compile(
    r"(?i:[ \t]*,?[ \t]+(?:on|in)[ \t]+(?:the[ \t]+)?(?:[\w'’&-]+[ \t]+){0,2}"
    r"(?:ward|unit|department|theatres?)\b|[ \t]+on[ \t]+ward[ \t]+\d{1,2}\b)"
)
_POST_AT_PLACE = re.compile(
    rf"(?i:\b(?:a|an|the)[ \t]+(?:(?:staff|senior|junior|student|agency|bank)[ \t]+)?"
    rf"{_HOSPITAL_POST}[ \t]+(?:at|in)[ \t]+)(?P<place>{_NAMED_RUN})"
    r"(?![\w'’-])"
)
# A post one person (or a handful) holds in a body that is named or is the
# only one of its kind there: "session clerk of Airdrie Old Parish Church",
# "a warden for the harbour trust", "a minister of Kilmorack Parish".
_BODY_POST = (
    r"(?:session[ \t]+clerk|clerk|warden|ranger|keeper|minister|elder|deacon|treasurer|"
    r"secretary|chair|chairman|chairwoman|chairperson|president|captain|steward|verger|"
    r"sacristan|precentor|harbour[ \t]?master|bailiff|coach|manager|trustee)"
)
_BODY = (
    r"(?:church|kirk|chapel|parish|cathedral|abbey|mosque|gurdwara|temple|synagogue|trust|"
    r"society|association|club|fc|afc|rfc|cc|guild|lodge|league|harbour|estate)"
)
_POST_OF_BODY = re.compile(
    rf"(?:(?i:\b(?:a|an|the)[ \t]+)|(?<=\b[Aa]s[ \t])|(?<=\b[Aa]m[ \t])|(?<=\bI['’]m[ \t]))"
    rf"(?i:(?:(?:retired|former|honorary|hon\.?|"
    rf"assistant|deputy|senior|head|club|church|volunteer)[ \t]+)?{_BODY_POST}[ \t]+"
    r"(?:of|for|at|with)[ \t]+)"
    rf"(?P<place>{_CAP}(?:[ \t]+(?:(?:on|upon)[ \t]+)?{_CAP})*[ \t]+(?i:{_BODY})"
    rf"|(?i:the)[ \t]+(?:[a-z]+[ \t]+){{0,2}}(?i:{_BODY}))(?![\w'’-])"
    # a public body's office holder stays: "chairman of Eardisland Parish Council"
    r"(?![ \t]+(?i:council|board|committee|authority)\b)"
)
# A post under one named post holder: "the harbour master's assistant", "the
# headteacher's PA", "the vicar's warden".
_UNDER_ONE_HOLDER = re.compile(
    r"(?i:\b(?:the|a|an)[ \t]+(?:harbour[ \t]?master|head[ \t]?teacher|headmaster|"
    r"headmistress|vicar|minister|rector|mayor|lord[ \t]+mayor|provost|laird|"
    r"station[ \t]?master|dock[ \t]?master|lock[ \t]?keeper|chief[ \t]+executive|mp)['’]s[ \t]+"
    r"(?:assistant|deputy|secretary|pa|clerk|driver|warden|chauffeur|housekeeper))\b"
)
# What the writer alone does at a named club, school or church: "I run the
# Brownies at St Paul's church", "I teach Punjabi at the Ramgarhia Centre".
# Coaching a team or helping run it stays ("I coach the under 12s at Penarth
# Athletic", "I help run the food bank at St Aidan's": the writers keep both).
_CLUB = (
    r"(?:fc|afc|rfc|cc|club|united|rovers|athletic|town|juniors|school|academy|high|primary|"
    r"church|chapel|hall|centre|center|scouts|guides|brownies|cubs|beavers|rangers)"
)
_I_DO_AT = re.compile(
    r"(?i:\bI[ \t]+(?:manage|run|lead|teach)"
    r"[ \t]+(?:the[ \t]+)?[\w'’-]+(?:[ \t]+[\w'’-]+)?[ \t]+(?:at|for)[ \t]+)"
    rf"(?P<place>{_CAP}(?:[ \t]+(?:(?:on|upon)[ \t]+)?{_CAP})*[ \t]+(?i:{_CLUB}))(?![\w'’-])"
)
# A town's one fire, ambulance or lifeboat station: "a fireman at the
# Lerwick station", "a retained firefighter with Brora fire station".
_STATION_POST = re.compile(
    r"(?i:\b(?:a|an|the)[ \t]+(?:retained[ \t]+|on-call[ \t]+|volunteer[ \t]+)?"
    r"(?:fireman|firemen|firefighter|firewoman|paramedic|lifeboat(?:[ \t]?(?:man|woman))?|"
    r"crewman|coxswain|coastguard|ambulance[ \t]+(?:driver|technician))[ \t]+"
    r"(?:at|for|with|on|based[ \t]+at)[ \t]+(?:the[ \t]+)?)"
    r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?[ \t]+(?i:(?:fire|ambulance|lifeboat|coastguard)"
    r"[ \t]+)?(?i:station|lifeboat|crew|watch)\b"
)
# A shift's one post at a named hotel or building, with the street it is on:
# "the night concierge at the Radisson on Argyle Street".
_SHIFT_POST = re.compile(
    rf"(?i:\b(?:the|a|an)[ \t]+(?:only[ \t]+)?{_SHIFT}[ \t]+(?:concierge|porter|receptionist|"
    r"manager|security|guard|doorman|cleaner|warden|supervisor)[ \t]+(?:at|of)[ \t]+)"
    rf"(?P<place>{_NAMED_RUN})(?![\w'’-])"
)
_POST_CUE = re.compile(
    r"(?i)\b(?:nurse|doctor|midwife|sister|consultant|registrar|surgeon|porter|hca|physio|"
    r"clerk|warden|ranger|keeper|minister|elder|deacon|treasurer|secretary|chair|president|"
    r"captain|steward|verger|harbour|coach|manager|trustee|['’]s|i[ \t]+(?:manage|run|"
    r"lead|teach)|fire|paramedic|lifeboat|crewman|coxswain|coastguard|ambulance|"
    r"concierge|receptionist|guard|doorman|cleaner|supervisor)"
)


def find_posts_at_named_workplaces(text: str) -> Iterator[Detail]:
    """Round 20: one person's post at a named, often large, workplace: a
    specialised or warded post, a post of a named body, a post under one
    post holder, what the writer does at a named club, a town's station."""
    if _POST_CUE.search(text) is None:
        return
    for match in _NARROWED_POST.finditer(text):
        end = match.end()
        ward = _ON_A_WARD.match(text, end)
        yield Detail(match.start(), ward.end() if ward is not None else end, Category.JOB)
    for match in _POST_AT_PLACE.finditer(text):
        ward = _ON_A_WARD.match(text, match.end())
        if ward is not None:  # "a nurse at the Royal Sussex on the cardiac ward"
            yield Detail(match.start(), ward.end(), Category.JOB)
    for pattern in (_POST_OF_BODY, _I_DO_AT, _UNDER_ONE_HOLDER, _STATION_POST):
        for match in pattern.finditer(text):
            yield Detail(match.start(), match.end(), Category.JOB)
    for match in _SHIFT_POST.finditer(text):
        street = _STREET_TAIL.match(text, match.end())
        end = street.end() if street is not None else match.end()
        yield Detail(match.start(), end, Category.JOB)
