"""Descriptions that single one person out, though no one detail names them:

- a child's school with their year group or class ("my son in Year 9 at
  Hayes School"): the year group and the school go together, since either
  alone is shared by hundreds ("Year 9", "Hayes School" stay by themselves);
- a job that only one person does at a place ("the only pharmacist at the
  chemist on the High St", "the night manager at the hotel"): the job and
  the place go together, where the place is, not how to find it ("[job] on
  the High St");
- an age with something that narrows it to one household ("my 87 year old
  mum who lives alone", "she's 92, housebound"): the age goes. An age alone
  ("my son is 15") stays;
- a car described with its plate ("her silver Honda Jazz AB12 CDE", "a
  white Transit (LN15 OPA)"): the description goes with the plate, since
  together they are one car and its keeper; a description without a plate
  stays ("a white van keeps speeding").

What is replaced, and why, is in docs/decisions.md ("Descriptions that
single someone out").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from bot.safeguarding.redaction.code import find_vehicle_regs
from bot.safeguarding.redaction.detail import Category, Detail
from bot.safeguarding.redaction.lexicon import NOT_PERSONS, first_names, places, surnames
from bot.safeguarding.redaction.places import ONLY_ONE_IN_TOWN
from bot.safeguarding.redaction.spoken import (
    find_cued_plates,
    find_partial_plates,
    find_read_out_plates,
    find_spoken_regs,
)

_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?)"
)

# --- a child's school and year group -------------------------------------

_YEAR_GROUP = (
    # a class letter after it ("Year 4 B"), not the word "I" or "A" ("year 10 I think")
    rf"(?:year|yr|y)[ \t]?(?:\d{{1,2}}|{_NUMBER_WORDS})\b"
    r"(?:[ \t]?(?-i:(?![AI][ \t]+[a-z])[A-Z])\b)?"
    # two children's years together: "years 7 and 9"
    r"|(?:years|yrs)[ \t]?\d{1,2}(?:[ \t]*(?:,|and|&)[ \t]*\d{1,2}\b)+"
    r"|reception(?:[ \t]+class)?|nursery|sixth[ \t-]form|lower[ \t]+sixth|upper[ \t]+sixth"
    r"|(?:class|form|tutor[ \t]+group)[ \t]+\d{1,2}[A-Za-z]{0,2}\b"
    r"|(?:my|his|her|their|our|the[ \t]+same)[ \t]+year(?![ \t]+of[ \t]+birth)"
    # Scotland's and Northern Ireland's: "primary 4", "2nd year", "first year"
    r"|primary[ \t]?(?:[1-7]|one|two|three|four|five|six|seven)\b"
    r"|(?:1st|2nd|3rd|4th|5th|6th|first|second|third|fourth|fifth|sixth)"
    r"[ \t]+year\b"
    # a form code ("9B", "10X") or a Scottish year ("P5", "S2"), in capitals
    r"|(?-i:(?<=in )\d{1,2}(?!AM|PM)[A-Z]{1,2}\b|\b[PS][1-7]\b)"
)
_SCHOOL_WORD = (
    r"(?:school|academy|college|primary|secondary|high|grammar|juniors?|infants?|"
    r"nursery|prep|comp|comprehensive|c\.?of\.?e\.?|rc|free[ \t]+school)"
)
# A school's name: capitalised words ("Hayes School", "St Mary's C of E
# Primary", "Holy Trinity", "Stepney All Saints"), or after "at" one or two
# lower-case words that are not ordinary ("at st aidans", "at kingsmead").
_CAPITAL_NAME_WORD = r"(?:[A-Z][\w'’-]*|of|the|&)"
_SCHOOL_NAME = (
    rf"(?:St\.?[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+{_CAPITAL_NAME_WORD}){{0,5}}"
    # round 10: two school words in lower case ("Avenue junior school")
    rf"(?:[ \t]+(?i:{_SCHOOL_WORD})){{0,2}}"
)
_LOWER_SCHOOL_NAME = (
    rf"(?:st\.?[ \t]+)?[a-z][\w'’-]+(?:[ \t]+[a-z][\w'’-]+)?(?:[ \t]+(?i:{_SCHOOL_WORD}))?"
)
# "Mrs Patel's class", "Mr Okafor's class": a teacher's class between them.
_TEACHERS_CLASS = r"(?:[ \t]*,?[ \t]*(?:Mrs|Mr|Ms|Miss|Dr)\.?[ \t]+[A-Z][\w-]*['’]s[ \t]+class)?"
# "15 and in year 11 at Hollins High": the child's age goes with them.
_AGE_BEFORE_YEAR = (
    rf"(?:(?i:\d{{1,2}}|{_NUMBER_WORDS})(?:[ \t]+(?i:years?[ \t]+old|yo))?[ \t]*,?[ \t]*"
    r"(?i:and[ \t]+)?(?i:(?:in|at)[ \t]+))?"
)
_NOT_A_LINK_WORD = (
    r"(?!(?:the|a|an|to|at|in|of|go|goes|went|and|my|his|her|their|our|is|was|i|he|she)\b)"
)
_YEAR_THEN_SCHOOL = re.compile(
    rf"{_AGE_BEFORE_YEAR}(?i:\b(?:{_YEAR_GROUP}))"
    rf"(?:[ \t]+(?i:class|group|pupil|student|kid|girl|boy))?{_TEACHERS_CLASS}"
    rf"(?:[ \t]*,?[ \t]*(?i:at|in|of|from|@)[ \t]+(?:(?P<lower>{_LOWER_SCHOOL_NAME})|"
    rf"(?P<after_at>{_SCHOOL_NAME}))|[ \t]*,?[ \t]+(?P<plain>{_SCHOOL_NAME}))"
)
# A school then the year ("Northfield Academy, she's in Year 9", "harris
# academy yr 10"), with the child's age first if it comes ("16 and at
# Mulberry Academy year 11").
_LOWER_SCHOOL_WITH_WORD = (
    rf"(?:{_NOT_A_LINK_WORD}[a-z][\w'’-]+[ \t]+){{1,3}}"
    r"(?:school|academy|college|primary|high|grammar)"
)
_SCHOOL_THEN_YEAR = re.compile(
    r"(?:(?i:\d{1,2}|" + _NUMBER_WORDS + r")[ \t]+(?i:and[ \t]+)?(?i:at|in)[ \t]+)?"
    rf"(?P<school>{_SCHOOL_NAME}|{_LOWER_SCHOOL_WITH_WORD})(?:[ \t]*[,(][ \t]*|[ \t]+)"
    r"(?:(?i:(?:and[ \t]+)?(?:she['’]?s|he['’]?s|they['’]?re|she is|he is|they are|who['’]?s|"
    r"who is|is|are|now)"
    r"[ \t]+))?(?:(?i:in)[ \t]+)?"
    rf"(?i:\b(?:{_YEAR_GROUP}))(?:[ \t]+(?i:there))?\)?"
)
_NOT_A_SCHOOL = re.compile(
    r"(?i)^(?:the|a|an|his|her|their|my|our|local|same|new|other|different|that|this|"
    # "all" but not "All Saints", a school's name (round 10)
    r"secondary|primary|school|home|lunch|break|night|weekend|work|church|college|uni|"
    r"all(?![ \t]+saints)|"
    r"high|grammar|comp|junior|juniors|infant|infants|middle|boys|girls|big|catholic|"
    r"least|last|first|and|or|but|so|when|since|now|because|it|they|he|she|i|we|you|class|"
    r"year|form|set|group|there|here|total|general|maths|english|science|pe|art|music|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"may|june|july|august|september|october|november|december|term|half|summer|winter)\b"
)
# "my daughter, 14, at Castle View School", "my son (12) goes to St Bede's
# Academy": a child's age with a named school.
_AGE_AT_SCHOOL = re.compile(
    r"(?i:\b(?:son|daughter|boy|girl|lad|kid|child|grandson|granddaughter|nephew|niece|"
    r"stepson|stepdaughter)\b[^.,;\n]{0,20}?[ \t]*[,(][ \t]*)"
    r"(\d{1,2}\)?[ \t]*,?[ \t]*(?i:(?:and[ \t]+)?(?:at|goes[ \t]+to|attends)[ \t]+)"
    rf"(?:St\.?[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){{0,4}}[ \t]+(?i:{_SCHOOL_WORD}))\b"
)
_SCHOOL_WORD_AT_END = re.compile(rf"(?i:{_SCHOOL_WORD})$")
# Round 14: a school whose own name starts with "The", in capitals, with its
# school word: "year 12 at The Abbey School Faversham", "yr 8 at The Kings
# Academy". ("at the Crown", "at the high school" stay as they were.)
_THE_NAMED_SCHOOL = re.compile(
    rf"The[ \t]+(?!(?i:{_SCHOOL_WORD})\b)[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){{0,2}}"
    rf"[ \t]+(?-i:School|Academy|College|Grammar|High|Primary|Prep)\b"
)
# A class's code at a named school: "4M at Kingsthorpe Village Primary", "P5
# at Holy Cross", "10X at Castle View Academy".
_CLASS_CODE_AT_SCHOOL = re.compile(
    r"\b(?:\d{1,2}(?!AM\b|PM\b)[A-Z]{1,2}|[PS][1-7])[ \t]+(?i:at|in|of)[ \t]+"
    rf"(?:St\.?[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+{_CAPITAL_NAME_WORD}){{0,4}}[ \t]+"
    rf"(?i:{_SCHOOL_WORD})\b"
)
# Scotland's and Northern Ireland's years typed in any case at a named school,
# with the town after it if it is one: "s4 at braeview academy", "P5 at St
# Patrick's Primary, Armagh", "s2 at hazlehead academy".
_SCOTTISH_YEAR_AT_SCHOOL = re.compile(
    r"\b(?i:[ps][1-7])[ \t]+(?i:at|in|of)[ \t]+"
    rf"(?:(?:St\.?[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+{_CAPITAL_NAME_WORD}){{0,4}}[ \t]+"
    rf"(?i:{_SCHOOL_WORD})|{_LOWER_SCHOOL_WITH_WORD})\b"
    r"(?P<town>[ \t]*,[ \t]*[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?\b)?"
)

# --- a job only one person does at a place -------------------------------

_ROLE = (
    r"(?:pharmacist|manager|caretaker|head[ \t]?teacher|head(?:[ \t]of[ \t]year)?|"
    r"head(?:master|mistress)|principal|teacher|teaching[ \t]assistant|ta|senco|vicar|priest|"
    r"imam|rabbi|minister|curate|gp|doctor|nurse|midwife|receptionist|landlord|landlady|"
    r"barman|barmaid|bartender|chef|cook|cleaner|security[ \t]guard|guard|bouncer|doorman|"
    r"driver|postman|postwoman|postie|lollipop[ \t](?:lady|man)|crossing[ \t]patrol|warden|"
    r"porter|janitor|owner|proprietor|shopkeeper|cashier|dentist|vet|optician|butcher|"
    r"baker|hairdresser|barber|mechanic|coach|instructor|lifeguard|librarian|secretary|"
    r"supervisor|concierge|keyholder|key[ \t]holder|steward|attendant|clerk|assistant|"
    r"chair|chairman|chairwoman|treasurer|groundsman|"
    r"gardener|handyman|plumber|electrician|builder|nanny|childminder|carer|support[ \t]worker|"
    r"social[ \t]worker|youth[ \t]worker|scout[ \t]leader|akela|leader|coordinator|organiser|"
    r"director|boss|foreman|operator|technician|presenter|staff[ \t]member|member[ \t]of[ \t]staff|"
    r"worker|employee|volunteer|waiter|waitress|porter|verger|churchwarden|warden|paramedic|"
    r"groundsman|translator|interpreter|farrier|apprentice|teacher)"
)
_ROLE_MARK = (
    r"(?:only|one|sole|main|head|night|day|weekend|evening|morning|late|early|duty|deputy|"
    r"assistant|shift|senior|new|regular|usual|store|shop|bar|site|school|practice|church|"
    r"parish|pub|hotel|club|centre|library|surgery|station|resident|live-in|female|male|"
    r"lady|woman|man|young|older|old|general|area|branch|overnight|saturday|sunday)"
)
_PLACE_NOUN = (
    r"(?:sub[ \t]post[ \t]office|post[ \t]office|surgery|pharmacy|chemist|school|church|hotel|"
    r"pub|shop|store|branch|library|cent(?:re|er)|station|garage|cafe|café|restaurant|salon|"
    r"club|bank|takeaway|chippy|launderette|care[ \t]home|nursing[ \t]home|nursery|gym|office|"
    r"practice|hospital|ward|depot|warehouse|factory|site|hall|bar|supermarket|newsagents?|"
    r"off[ \t]licen[cs]e|offy|bakery|butchers?|mosque|temple|synagogue|gurdwara|academy|"
    r"college|clinic|dentists?|vets?|kebab[ \t]shop|corner[ \t]shop|petrol[ \t]station|market|"
    r"stall|farm|yard|workshop|village|estate|precinct|parade|arcade|mall|cinema|theatre|"
    r"leisure[ \t]cent(?:re|er)|pool|sports[ \t]cent(?:re|er)|job[ \t]?cent(?:re|er)|council|"
    r"flats|block|building|tower|estate|co-?op|association|society|committee|group|trust|charity|"
    r"board|partnership|watch|federation|league|"
    # round 5: "the youth hostel", "the car wash", "the chinese" (a takeaway)
    r"hostel|inn|campsite|caravan[ \t]park|marina|harbour|lido|museum|car[ \t]wash|"
    r"garden[ \t]cent(?:re|er)|brewery|distillery|quarry|airport|prison|sorting[ \t]office|"
    r"chinese|indian|tip|chapel)"
)
_NOT_A_LINK = r"(?!(?i:on|in|at|of|by|near|off|the|and|or|for|to|from)\b)"
# Where the job is: a name ("Greenway Dental", "The Crown", "St Barnabas",
# "the Upper Stoke sub post office") or "the" and a kind of place ("the hotel").
_PLACE = (
    rf"(?:(?i:the)[ \t]+(?:(?:{_NOT_A_LINK}[\w'’-]+|and)[ \t]+){{0,3}}(?i:{_PLACE_NOUN})\b"
    rf"|(?:[Tt]he[ \t]+)?(?:St\.?[ \t]+)?[A-Z][\w'’&-]*"
    rf"(?:[ \t]+(?:(?!I\b)[A-Z][\w'’&-]*|\d+[A-Za-z]?\b|of|&|and(?=[ \t]+[A-Z]))){{0,6}}"
    rf"(?:[ \t]+(?i:{_PLACE_NOUN}))?)"
)
_NOT_A_PLACE_AFTER = (
    r"(?!an?[ \t]|[A-Z]{1,3}\d|I\b|(?:the[ \t]+)?(?:car(?![ \t]+wash)|vehicle|van|dog|cat|phone|"
    r"bike|property|"
    r"house|flat|land|account|case|investigation|charge|question|area|street|road|country|"
    r"world|team|day|week|month|year|night|morning|evening|time|moment|end|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b)"
)
_AT = r"[ \t]*,?[ \t]+(?:at|in|of|for|outside|opposite|by)[ \t]+"
# "the night manager at the hotel", "the landlady at The Crown".
_ROLE_PHRASE = re.compile(
    rf"(?i:\b(?:the|their|our|your|its)[ \t]+(?:{_ROLE_MARK}[ \t]+){{0,2}}{_ROLE}s?\b"
    rf"(?:[ \t]+(?:who|that)[ \t]+works?)?){_AT}{_NOT_A_PLACE_AFTER}{_PLACE}"
)
# "I'm the churchwarden at St Barnabas", "writing as the headteacher's PA at
# Woodside Junior": whatever the job is called, said of someone, at a place.
_SOMEONES_JOB = re.compile(
    r"(?i:\b(?:i'm|im|i am|i work as|working as|writing as|as|he's|he is|she's|she is|"
    r"they're|they are|who is|who's|works as)[ \t]+)"
    r"((?i:the)[ \t]+(?:[\w'’-]+[ \t]+){0,2}?[\w'’-]+"
    rf"|(?<=(?i:as)[ \t])(?i:(?:{_ROLE_MARK}[ \t]+){{0,2}}{_ROLE}))"
    rf"{_AT}{_NOT_A_PLACE_AFTER}({_PLACE})"
)
# "the only recepshonist at Greenway Dental", "the only postmistress at the
# Upper Stoke sub post office": "only" singles out whatever the job is.
_ONLY_ONE = re.compile(
    r"(?i:\b(?:the[ \t]+)?(?:only|sole|one[ \t]+and[ \t]+only)[ \t]+)"
    rf"(?:{_NOT_A_LINK}[\w'’-]+[ \t]+){{0,3}}{_NOT_A_LINK}[\w'’-]+"
    r"[ \t]*,?[ \t]+(?:(?i:on)[ \t]+(?=(?i:at)\b))?(?:(?i:working|employed|used|based)[ \t]+)?"
    r"(?i:at|in|of|for|from|on|with|by)[ \t]+"
    r"(?!(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b)"
    rf"(?:{_PLACE}|(?i:the|my|our)[ \t]+(?:[\w'’-]+[ \t]+){{0,2}}?[\w'’-]+\b|[A-Z][\w'’-]+)"
)
# What may follow the place and still be part of the one person's job: where
# the place is ("on King Street", "in Ashford", "on Ward 6 at the General"),
# when ("on nights", "on a Friday"), for whom ("for Royal Mail"), and "only
# one on site" after a comma. The writers of issue 15's files mostly label
# all of it with the job.
_NOT_TAIL = (
    r"(?:and|but|so|who|which|because|since|when|if|he|she|they|i|we|you|it|has|have|had|is|"
    r"was|are|were|am|keeps?|said|says|can|could|would|will|do|does|did|got|get|gets|been|"
    r"im|i'm|i’m|he's|she's|its|it's|there|this|that|then|than|me|him|her|them|us|my|your|"
    r"his|their|someone|people|everyone|nobody|what|how|why|where|please|not|no|to|about|"
    r"regarding|concerning|re|as|after|before|while|during|until|asking|wanting|hoping)"
)
_TAIL_WORD = rf"(?:(?!(?i:{_NOT_TAIL})\b)[\w'’&-]+|(?i:the|a|an|my|our|his|her|their)(?=[ \t]))"
_TAIL_END = (
    r"(?=[ \t]*(?:[,.;:!?()\n]|$)|[ \t]+(?i:and|but|so|who|which|because|since|when|if|he|she|"
    r"they|i|we|has|have|had|is|was|are|were|keeps?|said|says|on|in|at|for|with|by|near|off|"
    r"from|to|there|here|out[ \t]+of|asked|told|grabbed|punched|hit|attacked|assaulted|"
    r"shouted|swore|spat|pushed|threatened|followed)\b)"
)
# A street or a named public place after the job stays ("on Church Rd", "on
# Park Lane", "near Brockwell Park"): the writers keep them.
_STREET_WORD = (
    r"(?:road|rd|street|st|avenue|ave|lane|ln|close|drive|way|crescent|gardens|grove|terrace|"
    r"place|court|hill|park|parade|green|common|square|rise|mews|row|walk|broadway|estate)"
)
_JOB_TAIL = re.compile(
    r"(?:[ \t]*,?[ \t]+(?i:on|in|at|for|with|by|near|off|who[ \t]+does|from|opposite|outside|"
    r"behind|beside|above|inside|next[ \t]+to|based[ \t]+at|used[ \t]+by|out[ \t]+of)[ \t]+"
    rf"(?:{_TAIL_WORD}[ \t]+){{0,4}}?{_TAIL_WORD}{_TAIL_END}"
    # what the place is, when, straight after it: "... St Mark's almshouses", "overnight"
    rf"|(?:[ \t]+(?!{_NOT_TAIL}\b)(?-i:[a-z][\w'’-]*)){{1,2}}(?<!\bthe)(?<!\ba)(?<!\ban)"
    rf"{_TAIL_END}"
    # a town after a comma: "at Holy Trinity, Lower Bourne"
    r"|[ \t]*,[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?(?=[ \t]*[,.;:!?\n]|$)"
    # who it is: "... who gets the 7am bus from the village", "who wears a turban"
    r"|[ \t]+who[ \t]+(?!(?i:is|was|are|were|has|had|keeps?|said|says)\b)[^,.;:!?()\n]{1,60}?"
    r"(?=[ \t]*[,.;:!?()\n]|[ \t]+(?:and|but|so)\b|$)"
    r"|[ \t]*\([^()\n]{0,30}\bonly\b[^()\n]{0,30}\)"
    r"|[ \t]*,[ \t]+(?i:(?:the[ \t]+)?only[ \t]+(?:one|[\w'’-]+))[^,.;:!?\n]{0,40}"
    # what the person looks like: ", the tall lady with red hair"
    r"|[ \t]*,[ \t]+(?i:the[ \t]+(?:[\w'’-]+[ \t]+){0,3}?(?:lady|man|woman|bloke|guy|girl|lad|"
    r"fella|one)[ \t]+with)[ \t]+[^,.;:!?()\n]{1,40}?(?=[ \t]*[,.;:!?()\n]|$))+"
)
# "the only pharmacist", "the sole caretaker" with no place after it.
_ONLY_ROLE = re.compile(
    rf"(?i:\b(?:the|our|their|its)[ \t]+(?:only|sole)[ \t]+(?:{_NOT_A_LINK}[\w'’-]+[ \t]+){{0,2}}"
    rf"{_ROLE}s?\b)"
)
# "I am only Latvian supervisor", "I work only waiter": "only" with no "the",
# as written; the job is the first group.
_AM_ONLY_ROLE = re.compile(
    r"(?i:\b(?:am|is|im|i'm|i’m|work|works)[ \t]+"
    rf"(only[ \t]+(?:{_NOT_A_LINK}[\w'’-]+[ \t]+){{0,2}}{_ROLE}s?\b))"
)
# "the only one who works Sunday mornings at the Shell garage", "the only one
# who locks up", "the only woman driving the post van on the Mallerstang
# round", "the only one on nights at the Texaco"
_ONLY_ONE_WHO = re.compile(
    r"(?i:\bthe[ \t]+only[ \t]+(?:(?:female|male|black|white|young|older|other)[ \t]+)?"
    r"(?:one|person|woman|man|lady|girl|boy|guy|bloke|female|male|fella|lad|lass)[ \t]+"
    r"(?:who[ \t]+(?:works?|locks?|opens?|closes?|runs?|does|drives?|cleans?|manages?|"
    r"is[ \t]+on)\b|(?:working|driving|serving|running|doing|cleaning|managing|staffing|"
    r"teaching|covering|opening|closing|locking|manning)\b|on[ \t]+(?:nights|days|lates|earlies|"
    r"weekends|shift|duty|site|reception|the[ \t]+(?:tills?|desk|counter|door|gate|bar|"
    r"night[ \t]+shift|late[ \t]+shift))\b)[^,.;:!?()\n]{0,60}?"
    r"(?=[ \t]*[,.;:!?()\n]|[ \t]+(?:and|but|so)\b|$))"
)
# "I run the corner shop", "she owns the chippy on Elm Road": the one who
# runs a place.
_RUNS_THE_PLACE = re.compile(
    r"(?i:\b(?:i|he|she|they|we)[ \t]+(?:run|runs|own|owns|manage|manages|ran|owned|"
    r"managed)[ \t]+)"
    rf"({_PLACE})"
)
# Offices one person holds in a village or a parish, said of someone with no
# "only" and no place: "I'm the churchwarden", "as the parish clerk".
_SOLE_OFFICE_WORD = (
    r"(?:churchwarden|church[ \t]warden|verger|vicar|rector|curate|parish[ \t]clerk|"
    r"lollipop[ \t](?:lady|man)|postman|postwoman|postie|lock[ \t]?keeper|gamekeeper|"
    r"head[ \t]?teacher|headmaster|headmistress|milkman|publican)"
)
_SOLE_OFFICE = re.compile(
    r"(?i:\b(?:i'm|im|i[ \t]+am|as|he's|he[ \t]+is|she's|she[ \t]+is|writing[ \t]+as)[ \t]+)"
    rf"((?i:the|our)[ \t]+(?i:{_SOLE_OFFICE_WORD}))\b"
)
# "clerk to Llangorse Community Council", "chair of the Ashby Village Hall
# Committee": a body's one clerk, chair, secretary or treasurer.
_OFFICE_OF_A_BODY = re.compile(
    r"\b((?i:clerk|chair|chairman|chairwoman|chairperson|secretary|treasurer)[ \t]+(?:to|of)"
    r"[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+){1,4}"
    r"(?:Council|Committee|Association|Society|Club|Trust|Institute|WI))\b"
)
# "The Upper Coquetdale postman", "the Thornby lollipop lady": a place's own
# postman, vicar, lollipop lady.
_A_PLACES_OWN = re.compile(
    r"\b((?:[Tt]he|[Oo]ur)[ \t]+(?:(?!I\b)[A-Z][\w'’-]*[ \t]+){1,3}"
    r"(?:postman|postwoman|postie|vicar|rector|lollipop[ \t](?:lady|man)|milkman|binman|"
    r"paperboy|papergirl|churchwarden|gamekeeper|bobby))\b"
)
# A company's, not a place's: "the Royal Mail postman", "the Amazon driver".
_A_COMPANYS = re.compile(r"(?i)\b(?:royal[ \t]+mail|parcelforce|amazon|evri|dpd|ups|dhl|yodel)\b")
_NOT_A_JOB = re.compile(
    r"(?i)the[ \t]+(?:only[ \t]+|sole[ \t]+)?(?:shops?|stores?|places?|cctv|cameras?|bus|buses|"
    r"trains?|paths?|roads?|streets?|lights?|"
    r"one|ones|thing|things|way|ways|time|times|reason|"
    r"problem|person|people|option|issue|place|victim|case|same|first|last|best|worst|other|end|"
    r"kind|sort|type|rest|lot|police|cops|council|owner[ \t]+of[ \t]+the[ \t]+car|car|cars|"
    r"house|road|street|drive|light|lights|camera|cctv|entrance|exit|door|access|difference|"
    r"answer|advice|help|evidence|witness|officers?|pcsos?|police|coppers?|cops?|detectives?|"
    r"sergeants?|inspectors?|constables?|response)\b"
)

# --- an age with what narrows it -----------------------------------------

_AGE_NUMBER = rf"(?:[1-9]\d{{0,2}}|{_NUMBER_WORDS})"  # never "077..."
# What may follow a number and make it a quantity, not an age: "5 minutes",
# "90 mph", "12 stone", "60 quid". One list for every age rule; each adds its
# own ("years" where "87 years old" is read apart, a time, a street).
_QUANTITY_WORDS = (
    r"hundred|thousand|million|mph|miles|minutes|mins|hours|weeks|months|days|hrs|percent|"
    r"yards|metres|meters|km|cm|inches|degrees|times|%|pounds|quid|grand|k\b|m\b|st\b|nd\b|"
    r"rd\b|th\b|ft|feet|stone|kg"
)


def _not_a_quantity(more: str = "") -> str:
    """A negative lookahead: no quantity word (``_QUANTITY_WORDS``, then
    ``more``, a regex alternation) after the number."""
    extra = f"|{more}" if more else ""
    return rf"(?![ \t]*(?:{_QUANTITY_WORDS}{extra}))"


_YEARS_OR_A_TIME = r"years|yrs|[:.]\d|am\b|pm\b"
_NOT_YEARS_OR_A_TIME = _not_a_quantity(_YEARS_OR_A_TIME)
_NOT_YEARS_OR_A_TIME_OR_O_CLOCK = _not_a_quantity(_YEARS_OR_A_TIME + r"|o['’]clock")
_AGES = (
    re.compile(
        rf"(?i:\b({_AGE_NUMBER}[ \t-]?(?:years?|yrs?)[ \t-]?(?:old|of[ \t]+age)"
        rf"|{_AGE_NUMBER}[ \t-]?(?:yo|y/o|y\.o\.)"
        # "old Gurkha veteran, 79 age": the word order of some first languages
        rf"|(?<=,[ \t]){_AGE_NUMBER}[ \t]+age(?=[ \t]*,)"
        rf"|aged[ \t]+{_AGE_NUMBER}"
        r"|in (?:my|our|his|her|their) (?:late |early |mid[- ])?(?:seventies|eighties|nineties|"
        r"70s|80s|90s)"
        r"|in (?:my|his|her|their) (?:seventieth|eightieth|ninetieth|hundredth|"
        r"(?:seventy|eighty|ninety)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
        r"ninth)) year)\b)"
    ),
    # "a widow of eighty seven", "a retired magistrate of seventy seven years"
    re.compile(
        r"(?i:\b(an?[ \t]+(?:[\w'’-]+[ \t]+){0,3}?(?:of|aged)[ \t]+"
        rf"{_AGE_NUMBER}(?:[ \t]+years?(?:[ \t]+of[ \t]+age)?)?)\b)"
    ),
    # "my elderly neighbour, 83, who lives alone"
    re.compile(
        r"(?i:\b(?:mum|mom|mother|dad|father|nan|gran|grandma|grandad|neighbour|neighbor|lady|"
        r"man|gentleman|woman|widow|widower|pensioner|aunt|uncle|husband|wife)\b[^.,\n]{0,20},"
        r"[ \t]*)(\d{2,3})(?=[ \t]*,)"
    ),
    # "my mum (87) lives alone"
    re.compile(r"(\(\d{2,3}\))"),
    # "my grandson is 16 and works at the Co-op", "our youngest is 9 and autistic"
    re.compile(
        r"(?i:\b(?:my|our|his|her|their)[ \t]+(?:[\w'’-]+[ \t]+){0,2}?[\w'’-]+[ \t]+"
        r"(?:is|was|turned|turns)[ \t]+"
        r"(?:now[ \t]+|nearly[ \t]+|almost[ \t]+|only[ \t]+|just[ \t]+)?)"
        rf"({_AGE_NUMBER})\b{_NOT_YEARS_OR_A_TIME}"
    ),
    # "at 92 she still lives alone", "she'll be 90 next month", "Reg, is 94"
    re.compile(
        r"(?i:(?:\bat[ \t]+(?=\d{2,3}[ \t]*,?[ \t]+(?:she|he|i|my|our)\b)|"
        r"\b(?:she|he|i|they|who)['’]ll[ \t]+be[ \t]+|\b(?:will[ \t]+be|turns|turned)[ \t]+|"
        r",[ \t]*(?:is|was)[ \t]+(?:now[ \t]+)?))"
        rf"({_AGE_NUMBER})\b{_NOT_YEARS_OR_A_TIME_OR_O_CLOCK}"
    ),
    # "I am a retired police sergeant, seventy one, and served ..."
    re.compile(
        r"(?i:\b(?:i am|i'm|i’m|im|he is|she is|he's|she's)[ \t]+an?[ \t]+[^,.;:!?()\n]{1,40},"
        rf"[ \t]*)({_AGE_NUMBER})(?=[ \t]*[,.;]|[ \t]+and\b)"
    ),
    re.compile(
        r"(?i:\b(?:he's|she's|he’s|she’s|hes|shes|he is|she is|i'm|i’m|im|i am|mum's|dad's|"
        r"who's|who is|"
        r"(?:mum|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandad|grandpa|grandmother|"
        r"grandfather|husband|wife|partner|neighbour|neighbor|son|daughter|brother|sister|aunt|"
        r"auntie|uncle|friend|lodger|tenant|he|she|who)[ \t]+"
        r"(?:is|was|turned|turns|has[ \t]+turned))[ \t]+"
        r"(?:now[ \t]+|nearly[ \t]+|almost[ \t]+|over[ \t]+|about[ \t]+|around[ \t]+|"
        r"at[ \t]+least[ \t]+)?"
        rf"({_AGE_NUMBER})\b{_not_a_quantity()})"
    ),
)
_NARROWS = re.compile(
    r"(?i:\blives?\s+(?:alone|on (?:his|her|their) own|by (?:him|her|them)sel(?:f|ves))|"
    r"\bliving\s+(?:alone|on (?:his|her) own)|\bon (?:his|her) own\b|\balone\b|"
    r"\bhousebound|\bbed[- ]?bound|\bwheelchair|\bmobility scooter|\bregistered blind|"
    r"\bpartially sighted|\bblind\b|\bdeaf\b|\bdementia|\balzheimer|\bdisabled|\bdisability|"
    r"\bwidow(?:ed|er)?\b|\boxygen|\bzimmer|\bwalking (?:frame|stick)|\bcarers?\b|"
    r"\bonly (?:child|boy|girl|one|person|house|family|resident)|\bautis(?:m|tic)|"
    r"\bdown'?s syndrome|\bcerebral palsy|\bpregnant|\btwins\b|\bon the corner\b|"
    r"\bat number\b|\bnext door\b|\bacross the road\b|\bopposite\b|\bfoster|\bin care\b|"
    r"\bpacemaker|\bfrail|\bbed-?ridden|\bterminally ill|\bhard of hearing|\bpartially deaf|"
    r"\b(?:don't|doesn't|do not|does not|can't|cannot|can not)\s+(?:drive|walk|see|hear|get out)\b|"
    r"\bno (?:family|one else|relatives)\b|\bsingle (?:mum|mother|dad|father|parent)|"
    r"\bnon[- ]?verbal|\blearning (?:difficult|disabilit)\w*|"
    # what else singles one person out: where they work or study, what they
    # were, their health, being the only or the oldest one
    r"\bworks?\b[^.,;\n]{0,30}\b(?:at|in|for|on)\b|\bworking\b|\bthe only\b|\boldest\b|"
    r"\byoungest\b|\bformer\b|\bretired\b|\bex-\w|\bveteran\b|\bserved\b|"
    r"\bat (?:college|uni|university|sixth form)\b|\bpassed (?:his|her|my) (?:driving )?test|"
    r"\bplays for\b|\bstroke\b|\bdiabet\w*|\bschizophreni\w*|\bbipolar\b|\bepilep\w*|\bcancer\b|"
    r"\bnew hip\b|\bwalking frames?\b|\bspeak (?:any |much |no )?english|\bonly speaks?\b|"
    r"\bcarers?\b|\bin (?:a|the) home\b|\bsheltered\b)"
)
# Where the narrowing detail puts them: "lives alone above the old butchers
# on Church Street", up to the end of the clause.
_WHERE = re.compile(
    r"[ \t]+(?:at|above|below|over|in|on|near|opposite|next[ \t]+to|behind)[ \t]+"
    r"[^,.;:!?()\n]*?(?=[,.;:!?()\n]|[ \t]+(?:and|but|so|who|which|since|because|with)\b|$)"
)
# An age this old narrows a street's residents to a few by itself.
_OLD_AGE = 70
_AGE_WORDS = {
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")

# --- a date of birth in other words ----------------------------------------

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORDINAL_WORDS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|"
    r"thirty[- ]first)"
)
_YEAR_WORDS = (
    rf"(?:nineteen|twenty)[- ]?(?:hundred[- ]?(?:and[- ])?)?(?:oh[- ])?{_NUMBER_WORDS}"
    r"|(?:two thousand(?: and)?(?: " + _NUMBER_WORDS + r")?)"
)
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ORDINAL_WORDS})"
_YEAR = rf"(?:\d{{2,4}}|{_YEAR_WORDS})"
_SPOKEN_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}"
    rf"|(?:19|20)\d\d[/.\-]\d{{1,2}}[/.\-]\d{{1,2}}"  # "1995-08-22"
    rf"|{_DAY}[ \t]+(?:of[ \t]+)?{_MONTHS}\.?,?[ \t]+(?:in[ \t]+)?{_YEAR}"
    rf"|{_MONTHS}\.?[ \t]+(?:the[ \t]+)?{_DAY},?[ \t]+{_YEAR}"
    # the month as an ordinal too: "nineteenth of the eleventh, eighty four"
    rf"|{_DAY}[ \t]+of[ \t]+the[ \t]+{_DAY}"
    rf"(?:,?[ \t]+(?:{_YEAR}|{_NUMBER_WORDS})|(?=[ \t]*[,.;!?]|$)))"
)
# "her birthday 12/11/1949", "born on the third of March nineteen fifty",
# "DOB 3rd March 85": the date after a word that says it is a birth date.
_BIRTH_DATE = re.compile(
    r"(?i:\b(?:birthday|b'?day|born(?:[ \t]+on)?|d\.?o\.?b\.?|date[ \t]+of[ \t]+birth|"
    r"birth[ \t]?date)[ \t]*(?:is|was|of|:|-|=|\()?[ \t]*(?:on[ \t]+)?"
    rf"((?:the[ \t]+)?{_SPOKEN_DATE}))\b"
)
# An age and the day it was reached: "turned 18 on 3 March" gives the date
# of birth, and the whole is taken. A birthday alone ("my birthday is on the
# 5th of May") stays: a day shared by one in 365.
_DAY_AND_MONTH = (
    rf"(?:(?:the[ \t]+)?{_DAY}[ \t]+(?:of[ \t]+)?{_MONTHS}\b\.?"
    rf"|{_MONTHS}\.?[ \t]+(?:the[ \t]+)?{_DAY}\b)"
)
_BIRTHDAY_NO_YEAR = re.compile(
    rf"(?i:\b(turned[ \t]+(?:\d{{1,3}}|{_NUMBER_WORDS})[ \t]+on[ \t]+{_DAY_AND_MONTH}))"
)
# A year written as a record's field after "born": "(born 1949)", "b.
# 1949". Told as a story ("my son was born in 2010") it stays: writers keep
# it, as they keep an age without more.
# Round 20: the field's other names ("year of birth: 1948", "YOB 1948") and
# a year cut to two figures after its apostrophe ("(born '56)").
_BIRTH_YEAR = re.compile(
    r"(?i:(?:\bborn|\bb\.|\byear[ \t]+of[ \t]+birth|\byob)[ \t]*(?::|-|is)?[ \t]*"
    r"((?:19|20)\d\d|['’]\d\d))\b(?![/.\-]\d)"
)
# A whole date with no keyword, of a year people are born in, beside a name
# or in brackets: "ryan mcguire 30/01/99", "Name: Peter Odell, 12/08/1957",
# "Kai (07/12/2006)". Not after a word that makes it an event's date ("on",
# "since", "dated"...), and not a recent year.
_BARE_DATE = re.compile(r"(?<![\w/.\-])(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?![\w/\-]|\.\w)")
_EVENT_BEFORE = re.compile(
    r"(?i:\b(?:on|since|from|until|till|til|by|dated|before|after|in|at|of|between|and|to|"
    r"ref|reference|crime|incident|log|date|week|w/c|expires?|expiry|valid|due|paid|"
    r"happened|occurred|sent|received|letter|issued)[ \t]*[:,(]?[ \t]*)$"
)
# What stands just before a date of birth given with no keyword: a name
# ("ryan mcguire 30/01/99", "Peter Odell, 12/08/1957") or a bracket ("Kai
# (07/12/2006)").
_BESIDE_A_NAME = re.compile(r"(?:(?P<word>[A-Za-z][\w'’-]*)[ \t]*[,:]?[ \t]*|\([ \t]*)$")
# A word for a date of birth a little before a whole date of a birth year,
# with words between: the date is that date of birth.
_BIRTH_WORD_NEAR = re.compile(
    r"(?i:\b(?:d\.?o\.?b|date[ \t]+of[ \t]+birth|birth[ \t]*date|born)\b)"
)
_LATEST_BIRTH_YEAR = 2012  # a child old enough to be written about with a date of birth


def _birth_year(day: str, month: str, year: str) -> bool:
    """Whether day, month and year (either order of day and month) make a
    date whose year people now living were born in, up to 2012."""
    first, second = int(day), int(month)
    if not (1 <= first <= 31 and 1 <= second <= 31 and min(first, second) <= 12):
        return False
    if len(year) == 2:
        number = int(year)
        full = 1900 + number if number > 26 else 2000 + number
    else:
        full = int(year)
    return 1900 <= full <= _LATEST_BIRTH_YEAR


def _named(text: str, start: int) -> bool:
    """Whether the date at ``start`` is in a bracket or follows a name."""
    before = _BESIDE_A_NAME.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group("word")
    if word is None:
        return True  # "(07/12/2006)"
    lowered = word.lower()
    return lowered in first_names() or lowered in surnames() or lowered in ("me", "dob")


def find_birth_dates(text: str) -> Iterator[Detail]:
    """A date of birth after "birthday", "born", "DOB", in figures or words
    (the "the" of "the 3rd of May 1961" with it); an age and the day it was
    reached ("turned 18 on 3 March"); a whole date of a birth year with no
    keyword, where nothing makes it an event's date."""
    for match in _BIRTH_DATE.finditer(text):
        yield Detail(match.start(1), match.end(1), Category.DATE_OF_BIRTH)
    for pattern in (_BIRTHDAY_NO_YEAR, _BIRTH_YEAR):
        for match in pattern.finditer(text):
            yield Detail(match.start(1), match.end(1), Category.DATE_OF_BIRTH)
    for match in _BARE_DATE.finditer(text):
        if not _birth_year(*match.groups()):
            continue
        if _EVENT_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "on 12/03/2009", "since 01/01/2005"
        if _BIRTH_WORD_NEAR.search(text, max(0, match.start() - 60), match.start()):
            # "her DOB is on it 03.05.61", "my DOB for Friday? its 12/09/1999"
            yield Detail(match.start(), match.end(), Category.DATE_OF_BIRTH)
            continue
        if not _BESIDE_A_NAME.search(text, max(0, match.start() - 40), match.start()):
            continue  # "He was released 12/12/2010": no one's date of birth
        if not _named(text, match.start()):
            continue
        yield Detail(match.start(), match.end(), Category.DATE_OF_BIRTH)


# --- a car described with its plate --------------------------------------

_COLOUR = (
    r"(?:black|white|silver|grey|gray|red|blue|green|yellow|orange|purple|brown|gold|beige|"
    r"maroon|navy|dark|light|pale|bright|metallic|matt|matte|cream|bronze|burgundy)"
)
_VEHICLE = (
    r"(?:car|van|motorbike|bike|moped|scooter|4x4|suv|jeep|lorry|truck|pickup|hatchback|"
    r"estate|saloon|convertible|taxi|cab|camper|campervan|motorhome)"
)
_MAKE = (
    r"(?:ford|vauxhall|toyota|vw|volkswagen|bmw|audi|mercedes|merc|nissan|honda|kia|hyundai|"
    r"peugeot|renault|citroen|citroën|fiat|mini|skoda|seat|volvo|land[ \t]rover|range[ \t]rover|"
    r"jaguar|tesla|mazda|suzuki|lexus|porsche|dacia|mitsubishi|subaru|transit|astra|corsa|"
    r"fiesta|focus|golf|polo|qashqai|yaris|juke|clio|octavia|jazz|civic|prius|sprinter|escort|"
    r"passat|insignia|zafira|mondeo|kuga|puma)"
)
_DESCRIPTION_WORD = (
    rf"(?:(?i:{_COLOUR}|{_VEHICLE}|{_MAKE})|[A-Z][\w-]*|\d{{1,3}}(?:\.\d)?|[a-z]+\d[\w-]*|\d[a-z][\w-]*|old|new|"
    r"battered|little|a|an|(?i:series|class|sport|diesel|petrol|electric|hybrid|coupe|automatic|"
    r"auto|manual|door|seater|with|private))"
)
_PLATE_WORDS = (
    r"(?:[ \t]*[,(-])?[ \t]*(?:(?i:(?:with[ \t]+(?:the[ \t]+|a[ \t]+)?"
    r"|i[ \t]+think[ \t]+(?:the[ \t]+)?)?"
    r"(?:reg(?:istration)?(?:[ \t]+mark)?|(?:private[ \t]+|personali[sz]ed[ \t]+)?plates?|"
    r"number[ \t]+plates?|index)(?:[ \t]+(?i:number|no\.?))?[ \t]*(?:is|was|:|-)?[ \t]*"
    # part of a plate: "reg ending in 'XJT'", "plate started with"
    r"(?:(?:start|end|begin|began)\w*(?:[ \t]+(?:with|in))?[ \t]*)?(?:something[ \t]+)?"
    r"(?:like[ \t]+)?['\"“‘]?))?"
)
# A car's description just before its plate (a comma, a bracket, "reg" or
# "plate" between): "her silver Honda Jazz AB12 CDE", "a white Transit (LN15
# OPA)", "Red Mini, EF21 OPA". After "my", "her", "Dave's", an article or
# nothing; what is taken must name a colour or a make, or follow an owner's
# word.
_DESCRIBED = re.compile(
    r"(?:(?P<owner>\b(?i:my|our|his|her|their|[a-z]+['’]s))[ \t]+"
    r"|\b(?i:a|an|the|that|this|same)[ \t]+)?"
    rf"(?P<description>(?:{_DESCRIPTION_WORD}[ \t]+){{0,5}}{_DESCRIPTION_WORD}"
    rf"{_PLATE_WORDS}[ \t]*)$"
)
# What makes a description tell one car from others: a colour or a make. "A
# van" alone does not, and stays ("a van [vehicle reg]").
_NAMES_A_CAR = re.compile(rf"(?i:\b(?:{_COLOUR}|{_MAKE})\b)")
# A colour or a make, then up to three words of any kind that are not
# doings or links: "blue vauxhall combo van DY70 HBN", "grey kia sportage
# gt line, reg ...".
_LINK_WORDS = (
    r"(?:and|or|but|the|a|an|with|who|that|which|is|was|were|are|has|had|to|at|in|on|by|"
    r"from|said|says|parked|parks|drove|drives|driving|keeps|outside|near|for|of|it|he|she|"
    r"they|i|we|you|his|her|their|my|our|every|each|again|too|then|when|while)"
)
_LOOSE_DESCRIBED = re.compile(
    rf"\b(?i:{_COLOUR}|{_MAKE})(?:[ \t]+(?!(?i:{_LINK_WORDS})\b)[A-Za-z0-9][\w-]*){{1,3}}"
    rf"{_PLATE_WORDS}[ \t]*$"
)


def _key_place(town: str) -> str:
    return re.sub(r"[ \t]+", " ", town.strip(" \t,").replace("’", "'")).lower()


_BRACKET_CLOSES = re.compile(r"[^()\n]{0,60}\)")
_TOWN_BEFORE_CLOSE = re.compile(
    r"(?:[ \t]*,|[ \t]+in)[ \t]+([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)\)"
)


# Round 12, keep words 6 (helper 29-keep2): a year group an officer is asked
# to visit or speak to is the whole class, not a child ("visit Year 1 and
# Year 2 at Kirkby Thore Primary", "speak to Year 6 at St Joseph's"); so is
# the second of a list of year groups.
_GENERAL_YEAR_BEFORE = re.compile(
    r"(?i:\b(?:visit|visiting|speak(?:ing)?[ \t]+to|talk(?:ing)?[ \t]+(?:to|with)"
    r"|present(?:ing)?[ \t]+to|assembly[ \t]+for|(?:a[ \t]+)?talk[ \t]+for)"
    r"[ \t]+(?:all[ \t]+(?:of[ \t]+)?)?(?:the[ \t]+)?"
    r"(?:(?:year|yr|years)[ \t]*\d{1,2}[ \t]*(?:,|and|&|or)[ \t]*)*)$"
)


def find_school_years(text: str) -> Iterator[Detail]:
    """A year group or class with a named school, either way round: "yr 8 at
    st aidans", "Year 10, Beacon Academy", "Year 3, Mrs Patel's class at Holy
    Trinity", "Northfield Academy, she's in Year 9"."""
    for match in _YEAR_THEN_SCHOOL.finditer(text):
        name = match.group("lower") or match.group("after_at") or match.group("plain")
        if _NOT_A_SCHOOL.match(name) and not _THE_NAMED_SCHOOL.match(name):
            continue
        if _GENERAL_YEAR_BEFORE.search(text, max(0, match.start() - 80), match.start()):
            continue  # "visit Year 1 and Year 2 at Kirkby Thore Primary": the class
        if match.group("plain") and not _SCHOOL_WORD_AT_END.search(name):
            continue  # "Year 9 Maths" needs "at"; "yr 7 Highgate Wood school" has its word
        end = match.end()
        if match.group("lower"):
            words = list(re.finditer(r"\S+", name))
            while words and _NOT_A_SCHOOL.match(words[-1].group(0)):
                if len(words) > 1 and _SCHOOL_WORD_AT_END.search(words[-1].group(0)):
                    break  # "at st andrews secondary": the school's own word
                words.pop()  # "at kingsmead and" -> "at kingsmead"
            if not words:
                continue
            end = match.start("lower") + words[-1].end()
        yield Detail(match.start(), end, Category.SCHOOL)
    for match in _AGE_AT_SCHOOL.finditer(text):
        yield Detail(match.start(1), match.end(1), Category.SCHOOL)
    for match in _CLASS_CODE_AT_SCHOOL.finditer(text):
        yield Detail(match.start(), match.end(), Category.SCHOOL)
    for match in _SCOTTISH_YEAR_AT_SCHOOL.finditer(text):
        town = match.group("town")
        known = town is not None and _key_place(town) in places()
        yield Detail(
            match.start(),
            match.end() if known else match.start("town") if town else match.end(),
            Category.SCHOOL,
        )
    for match in _SCHOOL_THEN_YEAR.finditer(text):
        if _NOT_A_SCHOOL.match(match.group("school")):
            continue
        if _key_place(match.group("school")) in places() and re.search(
            r"(?i)\b(?:from|to|in|near)[ \t]+$", text[max(0, match.start() - 12) : match.start()]
        ):
            continue  # round 10: "the bus from Ystrad Mynach, he is in year 7": a town
        if "(" in match.group(0) and not match.group(0).endswith(")"):
            # "Jake (year 6 at St Mary's Primary)": the bracket opened goes
            # with its close, or neither goes ("amy ross (s4 at ..." lost its "(")
            close = _BRACKET_CLOSES.match(text, match.end())
            opened = text.index("(", match.end("school"))
            town = _TOWN_BEFORE_CLOSE.search(text, opened, close.end()) if close else None
            if close is not None and (town is None or _key_place(town.group(1)) not in places()):
                yield Detail(match.start(), close.end(), Category.SCHOOL)
                continue
            school = match.group("school")
            named = Category.SCHOOL if _SCHOOL_WORD_AT_END.search(school) else Category.NAME
            yield Detail(match.start(), match.end("school"), named)
            # "Amara (she's in P6 at St Ninian's Primary in Kirkintilloch)":
            # the town stays, and both brackets
            yield Detail(opened + 1, town.start() if town else match.end(), Category.SCHOOL)
            continue
        yield Detail(match.start(), match.end(), Category.SCHOOL)


# "I'm a dinner lady at Oakwood Primary, the only one on the late shift": a
# job anyone might do, made one person's by "the only" after it.
_A_JOB_ONLY_ONE = re.compile(
    r"(?i:\b(?:i'm|i’m|im|i am|i work as|he's|he is|she's|she is|who is)[ \t]+)"
    rf"((?i:an?[ \t]+(?:[\w'’-]+[ \t]+){{0,2}}?(?:{_ROLE}|lady|man|woman))"
    rf"{_AT}{_NOT_A_PLACE_AFTER}{_PLACE})(?=[ \t]*,[ \t]*(?i:the[ \t]+)?(?i:only|sole)\b)"
)


# Jobs there is one of at a place, with or without "the": "I'm head of year 9
# at Oakfield Academy", "as chair of the Friends of Bolton Park".
_ONE_A_PLACE = (
    r"(?:head[ \t]+of[ \t]+(?:year[ \t]?\d{1,2}|[\w-]+)|deputy[ \t]+head(?:teacher)?|"
    r"head[ \t]?teacher|headmaster|headmistress|principal|chair(?:man|woman|person)?|secretary|"
    r"treasurer|practice[ \t]+manager|store[ \t]+manager|branch[ \t]+manager|landlord|landlady|"
    r"vicar|rector|imam|rabbi|caretaker|warden)"
)
_UNIQUE_ROLE = re.compile(
    r"(?i:\b(?:i'm|i’m|im|i am|he's|he is|she's|she is|as|who is|who's)[ \t]+)"
    rf"((?i:(?:the[ \t]+)?{_ONE_A_PLACE})(?:{_AT}{_NOT_A_PLACE_AFTER}{_PLACE}|"
    # "I'm the caretaker there": the place said before
    r"(?<=[a-z])[ \t]+(?i:there)\b(?![ \t]+(?i:is|are|was|were)\b)))"
)
# "I was the assistant manager there, the only one"
_THERE_THE_ONLY_ONE = re.compile(
    rf"(?i:\bthe[ \t]+(?:{_ROLE_MARK}[ \t]+){{0,2}}{_ROLE}[ \t]+there)"
    r"(?=[ \t]*,[ \t]*(?i:the[ \t]+)?(?i:only|sole)\b)"
)


# "I'm a delivery driver for the chinese on Smithdown Road, the only one on a
# red moped", "my brother work at the car wash in Brecon, only black worker
# there": a job anyone might do, or where someone works, made one person's by
# "only" in what follows.
_A_JOB_THEN_ONLY = re.compile(
    r"(?i:\b(?:i'm|i’m|im|i[ \t]+am|i[ \t]+work[ \t]+as|he's|he[ \t]+is|she's|she[ \t]+is|"
    r"who[ \t]+is|works?[ \t]+as|working[ \t]+as)[ \t]+)"
    rf"((?i:an?[ \t]+(?:[\w'’-]+[ \t]+){{0,2}}?(?:{_ROLE}|lady|man|woman))s?\b)"
    r"|(?i:\b(?:work|works|working|worked)[ \t]+(?:at|in|for)[ \t]+)"
    rf"({_NOT_A_PLACE_AFTER}{_PLACE})"
    # "I teach Urdu Saturday class at the Islamic Centre, only teacher"
    r"|\b((?i:i|he|she)[ \t]+(?i:teach|teaches|coach|coaches|clean|cleans|drive|drives|cook|"
    r"cooks|run|runs)[ \t]+[^,.;:!?\n]{0,40}?[ \t]+(?i:at|in|for)[ \t]+"
    rf"{_NOT_A_PLACE_AFTER}{_PLACE})"
)
# "Reverend Adeyemi at the church on Lozells Road": a minister by title and
# name, at their church.
_CLERGY_AT = re.compile(
    r"\b((?:Reverend|Rev\.?|Revd\.?|Father|Fr\.?|Pastor|Imam|Rabbi|Canon|Vicar)[ \t]+"
    rf"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?){_AT}{_NOT_A_PLACE_AFTER}{_PLACE}"
)
# "the post office worker who does the counter on a Saturday": a place's
# worker, and what singles them out.
_PLACES_WORKER_WHO = re.compile(
    rf"(?i:\bthe[ \t]+(?:{_ROLE_MARK}[ \t]+|[\w'’-]+[ \t]+)?(?:{_PLACE_NOUN})[ \t]+{_ROLE})"
    r"(?=[ \t]+(?i:who)\b)"
)


def _only_in(text: str, start: int, end: int) -> bool:
    return re.search(r"(?i)\bonly\b", text[start:end]) is not None


def _jobs_then_only(text: str) -> Iterator[Detail]:
    for pattern in (_A_JOB_THEN_ONLY, _PLACES_WORKER_WHO):
        for match in pattern.finditer(text):
            group = match.lastindex or 0
            start, end = match.span(group)
            tail = _JOB_TAIL.match(text, end)
            if tail is None:
                continue
            if pattern is _A_JOB_THEN_ONLY and not _only_in(text, tail.start(), tail.end()):
                continue
            yield Detail(start, tail.end(), Category.JOB)


# Each job pattern, and whether the job is its first group (what is before
# it, "I'm", "as", is not the job) or the whole match.
_JOB_PATTERNS: tuple[tuple[re.Pattern[str], bool], ...] = (
    (_ROLE_PHRASE, False),
    (_SOMEONES_JOB, True),
    (_ONLY_ONE, False),
    (_ONLY_ROLE, False),
    (_AM_ONLY_ROLE, True),
    (_RUNS_THE_PLACE, False),
    (_ONLY_ONE_WHO, False),
    (_A_JOB_ONLY_ONE, True),
    (_UNIQUE_ROLE, True),
    (_THERE_THE_ONLY_ONE, False),
    (_SOLE_OFFICE, True),
    (_OFFICE_OF_A_BODY, True),
    (_A_PLACES_OWN, True),
    (_CLERGY_AT, True),
)


# Round 14: a business run in a town, then "the only one in town" set off
# after the town: "I run the post office in Chipping Norton - the only one in
# town". The town then says which business, and goes with the job; "the
# only one for miles" after a village stays as round 12 left it.
_RUN_THE_ONLY_ONE_IN_TOWN = re.compile(
    r"(?i:\b(?:(?P<pronoun>i|he|she|they|we)|husband|wife|partner|family|mum|dad|mam|parents)"
    r"[ \t]+(?P<verb>(?:run|runs|own|owns|keep|keeps|manage|manages)[ \t]+"
    r"the[ \t]+(?:[\w'’-]+[ \t]+){0,3}?(?:in|at)[ \t]+))"
    r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}"
    rf"(?={ONLY_ONE_IN_TOWN.pattern})"
)


def find_singular_roles(text: str) -> Iterator[Detail]:
    """The job of the one person who does it, with the place: "the only
    pharmacist at the chemist", "the landlady at The Crown"."""
    yield from _jobs_then_only(text)
    for match in _RUN_THE_ONLY_ONE_IN_TOWN.finditer(text):
        # "I run the ..." as round 12's jobs; "my husband owns the ...": from the verb
        start = match.start() if match.group("pronoun") else match.start("verb")
        yield Detail(start, match.end(), Category.JOB)
    for pattern, grouped in _JOB_PATTERNS:
        for match in pattern.finditer(text):
            start = match.start(1) if grouped else match.start()
            if pattern is _A_PLACES_OWN and _A_COMPANYS.search(match.group(1)):
                continue
            if pattern is not _ONLY_ONE_WHO and _NOT_A_JOB.match(text, start):
                continue
            tail = _JOB_TAIL.match(text, match.end())
            end = tail.end() if tail else match.end()
            there = re.match(r"[ \t]+(?i:there|here)\b", text[end:])
            if there is not None and not tail:
                end += there.end()  # "I'm the lollipop lady there": the place said before
            street = _STREET_IN_TAIL.search(text, match.end(), end) if tail else None
            if street is not None and _named_uniquely(text[start : street.start()]):
                end = street.start()
            # round 11: a named business's market stays, and its day
            market = _MARKET_IN_JOB.search(text, start, end)
            if market is not None and _OWNERS_BUSINESS.search(text, start, market.start()):
                end = market.start()
            yield Detail(start, end, Category.JOB)


# Round 11: "I run Tadhg's Coffee Cart at the Lisburn Road market on
# Saturdays", "Femi's Kitchen food van at the Sunday market": the business
# named for its owner goes; the market, its street and its day stay, as a
# street does after a name of its own.
_MARKET_IN_JOB = re.compile(r"[ \t]+(?i:at|in|on)[ \t]+the[ \t]+(?:[\w'’-]+[ \t]+){0,3}market\b")
_OWNERS_BUSINESS = re.compile(r"\b[A-Z][\w-]*['’]s[ \t]+[A-Z]")


# A street or an area in what follows the place: "on Park Lane", "near
# Brockwell Park", "on the industrial estate".
_STREET_IN_TAIL = re.compile(
    r"[ \t]*,?[ \t]+(?i:on|in|near|off|by)[ \t]+(?:(?i:the)[ \t]+)?"
    r"(?:(?!(?i:on|in|at|near|off|by)\b)[\w'’-]+[ \t]+){0,3}"
    rf"(?i:{_STREET_WORD}|industrial[ \t]+estate|retail[ \t]+park)\b"
)


# A saint's name alone is shared by many churches and schools, and a chain's
# by many branches: the street or town after it says which.
_SAINT_OR_CHAIN = re.compile(
    r"(?:\bSt\.?[ \t]+[A-Z][\w’'-]*(?:[ \t]+(?:Primary|School|Church|Academy|Infants|Juniors|RC|"
    r"C[ \t]of[ \t]E|CE))*|\b(?i:premier[ \t]+inn|holiday[ \t]+inn|travelodge|"
    r"kwik[ \t]+fit|pizza[ \t]+hut|burger[ \t]+king|costa|texaco|shell|esso|bp))$"
)


# Round 11: a business's own name, then its trade in lower case, owned:
# "I own Golden Dragon takeaway", "we run Sunrise cafe".
_OWN_NAMED_TRADE = re.compile(
    r"(?i:\b(?:own|owns|run|runs|have|has)[ \t]+)(?:[A-Z][\w'’-]*[ \t]+){1,3}"
    r"(?:takeaway|cafe|café|chippy|salon|stall|cart|van|shop|bakery|deli)$"
)


# Round 14: a practice or a firm named by its town and its trade ("Newbury
# Vets", "Harrogate Dental", "Leeds Tyres") names no place of its own: the
# street after it says which branch, and goes with the job.
_TOWN_AND_TRADE = re.compile(
    r"(?:\bat|\bthe|\bfor|\bin)[ \t]+(?P<town>[A-Z][\w'’-]*)[ \t]+"
    r"(?:Vets?|Veterinary(?:[ \t]+(?:Surgery|Practice|Centre|Clinic|Hospital))?|Dental(?:[ \t]+"
    r"(?:Practice|Care|Surgery|Centre|Clinic))?|Dentists?|Opticians?|Physio(?:therapy)?|"
    r"Tyres|Motors|Taxis|Cars|Autos|Pharmacy|Chemists?|Podiatry|Osteopaths?|Chiropractic)$"
)


def _named_uniquely(job: str) -> bool:
    """The place the job is at has a name of its own ("The Crown", "Greenway
    Dental", "the Bowls Club"), not a chain's or a kind's ("the Boots", "the
    vets", "the Shell garage"). After such a name the street stays: the name
    already says which place; after a chain's or a kind's, the street says
    which one and goes with the job."""
    last = re.findall(r"[\w'’&-]+", job)[-1]
    key = re.sub(r"['’]s$", "", last.lower())
    if _SAINT_OR_CHAIN.search(job):
        return False  # "St Anne's": many schools and churches; "the Premier Inn": a chain's
    if _OWN_NAMED_TRADE.search(job):
        return True  # round 11: "I own Golden Dragon takeaway": its name says which
    town_trade = _TOWN_AND_TRADE.search(job)
    if town_trade is not None and _key_place(town_trade.group("town")) in places():
        return False  # round 14: "Newbury Vets": a town's practice may have branches
    return last[:1].isupper() and key not in NOT_PERSONS


def _years(age: str) -> int:
    """The number of years an age phrase says: "87 year old" 87, "eighty
    four" 84, "in her eighties" 80; 0 if it says none."""
    lowered = age.lower()
    figures = re.search(r"\d+", lowered)
    if figures:
        return int(figures.group(0))
    for word, value in _AGE_WORDS.items():
        if word in lowered:
            return value
    tens = {"seventy": 70, "eighty": 80, "ninety": 90, "sixty": 60, "fifty": 50}
    units = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
    units |= {"eight": 8, "nine": 9}
    words = re.findall(r"[a-z]+", lowered)
    total = sum(tens.get(w, 0) for w in words)
    return total + sum(units.get(w, 0) for w in words) if total else 0


def find_ages_with_detail(text: str) -> Iterator[Detail]:
    """An age that, with what the sentence says, narrows to one home: an age
    of 70 or more by itself ("I am ninety one"), a younger one with a detail
    such as "lives alone", "dementia", "works Saturdays at the bakery". The
    whole description is one span: who it is said of ("I am", "my nan is",
    "who is", "my 13 yr old"), the age, and what is said of them after it in
    the same clause ("91, blind, and lives on her own in the last bungalow
    on Cedar Close"), up to a clause with a subject of its own (", and she's
    getting calls", ", a man keeps coming in")."""
    for sentence in _SENTENCE.finditer(text):
        narrows = list(_NARROWS.finditer(text, sentence.start(), sentence.end()))
        for pattern in (*_AGES, _IS_AGE, _KIN_S_AGE):
            for match in pattern.finditer(text, sentence.start(), sentence.end()):
                if not narrows and pattern is _KIN_S_AGE:
                    continue  # "my son's 15 and ...": an age alone stays
                if not narrows and (_years(match.group(1)) < _OLD_AGE or pattern is _IS_AGE):
                    continue
                if pattern is _IS_AGE and not _PERSON_BEFORE.search(
                    text, max(sentence.start(), match.start() - 40), match.start()
                ):
                    continue  # "the limit is 30 and the only camera": no one's age
                if not narrows and _DECADE.search(match.group(1)):
                    continue  # "she's in her 80s": a decade alone stays
                if _THING_BEFORE.search(text, max(0, match.start(1) - 40), match.start(1)):
                    continue  # "the house is 100 years old"
                if _SERVICE_IN_BRACKETS.fullmatch(match.group(1)):
                    continue  # "the police (101) said": the number rung, not an age
                start = _subject_start(text, match.start(1), sentence.start())
                after_who = re.match(r"(?i)who", text[start : match.start(1)]) is not None
                end = _description_end(text, match.end(1), sentence.end(), after_who)
                for narrow in narrows:
                    if end <= narrow.start() <= end + 25:
                        end = max(end, narrow.end())
                if end > match.end(1):
                    where = _WHERE.match(text, end, sentence.end())
                    end = where.end() if where else end
                yield Detail(start, end, Category.AGE)
        # "shes got dementia, shes 86": what narrows it just before the age
        for narrow in narrows:
            before = _NARROW_THEN_AGE.match(text, narrow.end(), sentence.end())
            if before is not None:
                subject = _SUBJECT_BEFORE_NARROW.search(
                    text, max(sentence.start(), narrow.start() - 30), narrow.start()
                )
                start = subject.start() if subject is not None else narrow.start()
                yield Detail(start, before.end(), Category.AGE)


# Who the age is said of, just before it: "I am", "she's", "my nan is", "who
# is", "Mr Patel is", "my" (of "my 13 yr old"), "I'm a" (of "a 72 year old
# widower"), "I am a retired GP," (of "aged seventy five").
_SUBJECT_BEFORE_AGE = re.compile(
    r"(?:(?i:\b(?:i[ \t]+am|i['’]m|im|she['’]s|shes|she[ \t]+is|he['’]s|hes|he[ \t]+is|"
    r"they['’]re|they[ \t]+are|we['’]re|we[ \t]+are|who['’]s|who[ \t]+is|who[ \t]+are|"
    r"(?:she|he|i|they|who)['’]ll[ \t]+be|at|"
    r"(?:my|our|his|her|their)[ \t]+(?:[\w'’-]+[ \t]+){0,2}?(?:is|was)|"
    r"(?:my|our|his|her|their)[ \t]+[\w-]+['’]s)[ \t]+)"
    r"|\b(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+[A-Z][\w'’-]+[ \t]+(?i:is|was)[ \t]+)"
    r"(?i:(?:an?[ \t]+[^,.;:!?()\n]{1,40},[ \t]*)?(?:now|nearly|almost|over|about|around|only|"
    r"just)?[ \t]*(?:an?[ \t]+)?)$"
    r"|(?i:\b(?:my|our|his|her|their)[ \t]+)$"
)


def _subject_start(text: str, start: int, floor: int) -> int:
    """Where the age's subject starts, or ``start`` if none is before it."""
    window = max(floor, start - 70)
    match = _SUBJECT_BEFORE_AGE.search(text, window, start)
    return match.start() if match is not None else start


# Parts of the description after the age: ", blind", " and lives on her
# own", " n pregnant", " who's the only girl", " widower" (after "year old").
_DESCRIPTION_JOIN = re.compile(
    r"(?:[ \t]*,[ \t]*(?:(?i:and|n|&)[ \t]+)?|[ \t]+(?i:and|n|&|with|who['’]s|who[ \t]+is|"
    r"who|that)[ \t]+|[ \t]+(?=[a-z]))"
)
_DESCRIPTION_PART = re.compile(
    r"[^,.;:!?()\n]+?(?=[ \t]*[,.;:!?()\n]|[ \t]+(?:and|n|&)[ \t]+|$"
    r"|[ \t]+(?i:because|cos|coz|when|whenever|while|whilst|until|but|so|which|whereas|though)\b"
    r"|[ \t]+(?i:since|after|before|as)[ \t]+(?i:the|a|an|he|she|they|i|we|someone|people|it)\b)"
)
# A part that starts a clause of its own: a subject, or a conjunction.
_NEW_CLAUSE = re.compile(
    r"(?i)(?:i|i'm|im|i’m|i've|he|she|they|we|it|it's|its|you|there|this|these|those|so|but|"
    r"because|cos|coz|which|when|while|whilst|if|then|though|although|as|since|until|now|"
    r"he's|she's|hes|shes|they're|we're|my|our|your|his|their|yesterday|today|last|"
    r"please|someone|somebody|sum1|some1|any1|anyone|everyone|nobody|people|kids|youths|men|"
    # a question after the description: "my mum is 82 and lives alone, how do I ..."
    r"how|what|whats|what's|where|why|anybody|thanks|thank|cheers|regards)\b"
)
# After a comma, a question of its own: "she's 82, is there a scheme ...",
# "I am 79, do you do home visits?" (after "and" these go on describing:
# "72 and does the night shift alone").
_QUESTION_AFTER_COMMA = re.compile(
    r"(?i)(?:can|could|should|would|do|does|did|is|are|am|will|was|were|has|have)[ \t]+"
    r"(?:i|you|we|they|there|it|anyone|anybody|someone|somebody|the|a|an|this|that|she|he)\b"
)
# A verb that makes a part a clause of its own when it is not the part's
# first word: "the other guy was", "a supervisor keeps touching me".
_FINITE_VERB = re.compile(
    r"(?i)[ \t]+(?:is|was|are|were|keeps|kept|came|comes|said|says|told|got|gets|went|goes|"
    r"has[ \t]+been|have[ \t]+been|had[ \t]+been|did|does|will|would|can|could|"
    r"started|starts|rang|rings|called|calls|tried|tries|wants|wanted|asked|asks|took|"
    r"takes|knocked|followed|threatened|moved|stole|broke)\b"
)
_DESCRIPTION_LIMIT = 120
# After a comma, a verb that goes back to the sentence's own subject.
_MAIN_VERB = re.compile(
    r"(?i)(?:was|is|were|are|got|gets|keeps|kept|went|came|said|told|(?:has|have|had)[ \t]+"
    r"(?:been|had|got|gone|told|said))\b"
)
_SINGLES_OUT = re.compile(
    r"(?i)(?:the|a|an)[ \t]+(?:only|sole|oldest|youngest|eldest|last|first|former|retired)\b"
)
_DETERMINER = re.compile(r"(?i)(?:a|an|the|some|this|that|these|those|one|two|three)\b")
_PLACE_FIRST = re.compile(r"(?i)(?:off|on|in|at|near|by|opposite|behind|outside)\b")


def _description_end(text: str, end: int, stop: int, after_who: bool = False) -> int:
    """How far what is said of the person runs after their age (see
    ``find_ages_with_detail``); ``end`` if nothing is. ``after_who``: the age
    is in a clause of its own ("my mother, who is 94 and ..., has had")."""
    position = end
    old = re.match(r"(?i:.*\b(?:old|yo|y/o))$", text[max(0, end - 6) : end]) is not None
    while position < stop and position - end < _DESCRIPTION_LIMIT:
        join = _DESCRIPTION_JOIN.match(text, position, stop)
        if join is None:
            break
        now = re.match(r"[ \t]+now(?=[ \t]*,)", text[position:stop])
        if now is not None and position == end:
            position += now.end()  # "she's 96 now, the oldest person in the town"
            continue
        if join.group(0).strip() == "" and not old:
            break  # "he is 25 quid": only "a 72 year old widower" runs on with no word between
        part = _DESCRIPTION_PART.match(text, join.end(), stop)
        if part is None or not part.group(0).strip():
            break
        words = part.group(0)
        relative = re.search(r"(?i)who|that", join.group(0)) is not None
        if not relative and _NEW_CLAUSE.match(words):
            break
        if "," in join.group(0) and _QUESTION_AFTER_COMMA.match(words):
            break
        if "," in join.group(0) and (words[:1].isupper() or _PLACE_FIRST.match(words)):
            break  # ", Holloway Road", ", off Mill Hill": where, not who
        if (
            _DETERMINER.match(words)
            and not _SINGLES_OUT.match(words)
            and (re.search(r"(?i)\b(?:and|n)\b|&", join.group(0)) or len(words.split()) > 8)
        ):
            break  # ", and a cowboy builder charged him": someone else
        if _MAIN_VERB.match(words):
            break  # "Jayden, 16, was stopped", "who is 94 and ..., has had items go missing"
        verb = _FINITE_VERB.search(words)
        if verb is not None:
            if not relative and _DETERMINER.match(words):
                break  # ", a man in his 40s keeps coming in"
            # "who's the only girl ... is getting", "works the till on Sundays was threatened"
            if verb.start() > 0:
                position = join.end() + verb.start()
            break
        position = part.end()
        old = False
    return position


# A thing's age, not a person's: "the house is 100 years old", "it's 80 years old".
# A service's number in brackets: "the police (101) said talk to the DVLA"
_SERVICE_IN_BRACKETS = re.compile(r"\((?:101|111|999|105|112)\)")
# Round 18: in the plural ("our flats are 60 years old", "the windows were
# 40 years old"), and a building without "the" where a clause starts
# ("house is 120 years old"; not "my mother-in-law is ...").
_THING = (
    r"(?:house|home|building|car|van|tree|flat|bungalow|church|school|bridge|wall|fence|"
    r"shed|bike|boiler|roof|property|road|pub|shop|estate|block|clock|bus|lorry|scheme|club|"
    r"business|company|firm|tradition|law|rule|window|door|lock|camera|street[ \t]?light|"
    r"lamp[ \t]?post)s?"
)
_BARE_BUILDING = r"(?:house|building|flat|bungalow|church|property|block|roof|window|door)s?"
_THING_BEFORE = re.compile(
    r"(?i:(?:\b(?:(?:the|this|that|these|those|our|my|his|her|their|its)[ \t]+"
    rf"(?:[\w-]+[ \t]+)?{_THING}|it)"
    rf"|(?:^|(?<=[.!?,;:\n])[ \t]*|\b(?:and|but|so)[ \t]+){_BARE_BUILDING})"
    r"(?:['’]s|[ \t]+(?:is|are|was|were|must[ \t]+be|will[ \t]+be))[ \t]+"
    r"(?:about[ \t]+|over[ \t]+|nearly[ \t]+|around[ \t]+|almost[ \t]+)?)$"
)
# "My nan, bless her, is 96 and the oldest resident": "is" and an age with
# no subject next to it, taken only where the sentence says what narrows it.
_IS_AGE = re.compile(
    rf"(?i:\b(?:is|was)[ \t]+(?:now[ \t]+|nearly[ \t]+|almost[ \t]+)?)({_AGE_NUMBER})\b"
    r"(?=[ \t]*,|[ \t]+(?:and|n|&|with|who)\b|[ \t]*[.!?]|$)"
)
# Round 20: the same after a kin word's "'s" ("my daughter's sixteen and
# works Saturdays at the bakery", "our lad's 17 and the only one on the
# farm"): the kin word says whose age it is.
_KIN_S_AGE = re.compile(
    r"(?i:\b(?:nan|nana|mum|mom|mam|dad|gran|granny|grandad|grandma|grandpa|mother|father|son|"
    r"daughter|wife|husband|partner|brother|sister|sis|bro|lad|lass|boy|girl|grandson|"
    r"granddaughter|nephew|niece|uncle|aunt|auntie)['’]s[ \t]+(?:now[ \t]+|nearly[ \t]+|"
    rf"almost[ \t]+|only[ \t]+|just[ \t]+)?)({_AGE_NUMBER})\b"
    r"(?=[ \t]+(?:and|n|&|with|who)\b)"
)
_PERSON_BEFORE = re.compile(
    r"(?i)\b(?:nan|nana|mum|mom|mam|dad|gran|granny|grandad|grandma|grandpa|mother|father|son|"
    r"daughter|wife|husband|partner|neighbour|neighbor|aunt|auntie|uncle|brother|sister|he|she|"
    r"man|woman|lady|gentleman|boy|girl|lad|friend|cousin|nephew|niece|grandson|granddaughter)\b"
)
_DECADE = re.compile(r"(?i)\d0s\b")
_SUBJECT_BEFORE_NARROW = re.compile(
    r"(?i:\b(?:i['’]?m|im|i|she['’]?s|shes|he['’]?s|hes|she|he|they|they['’]re)[ \t]+"
    r"(?:(?:has|have|is|was|are)[ \t]+)?(?:got[ \t]+)?)$"
)
_NARROW_THEN_AGE = re.compile(
    r"[ \t]*,[ \t]*(?i:(?:and[ \t]+)?(?:she['’]s|shes|he['’]s|hes|she[ \t]+is|he[ \t]+is|"
    r"i['’]m|im|i[ \t]+am))[ \t]+\d{1,3}\b"
)


# Round 11: the make said as what the vehicle is, then its plate as a fact
# of its own: "Van is Ford Transit white, reg number SJ17 HBX", "car is
# Skoda Octavia, reg number ...". The make and model stay (thousands are
# alike); the plate goes.
_VEHICLE_IS = re.compile(
    r"(?i:\b(?:car|van|vehicle|motor|bike|lorry)[ \t]+is[ \t]+(?:(?:a|an|the)[ \t]+)?)$"
)
_REG_SAID = re.compile(r"(?i:,[ \t]*reg(?:istration)?[ \t]+(?:number|no\.?)\b)")


# Round 14 (keep words): the make and model in capitals right after "my
# car" or "our van", then "reg" and the plate: "from my car Honda Jazz reg
# DE14 WRT". A colour or any lower-case word in between ("my car silver
# Honda Jazz reg ...") is a description, as the older sets label it, and
# goes with the plate.
_MY_VEHICLE_MAKE_REG = re.compile(
    r"(?i:\b(?:my|our)[ \t]+(?:car|van|motor|motorbike|bike)[ \t]+)"
    r"[A-Z][\w-]*(?:[ \t]+(?:[A-Z0-9][\w-]*))*[ \t]*,?[ \t]*"
    r"(?i:reg(?:istration)?(?:[ \t]+(?:number|no\.?))?)[ \t]*:?[ \t]*$"
)


# Round 19 (cars): the readable files label a description before a full
# plate with it, except in two forms the writers keep the description in
# (docs/decisions.md): the plate given as a clause of its own after a comma
# ("a white pickup, reg was ...", "big green John Deere, reg was papa kilo
# ...", "red Volvo, plate is SA09 something"), and a bare make and model in
# capitals with no colour and no lower-case word ("Honda Civic registration
# number ...", "Kia Picanto, registration ...", "VW Golf, ...").
_PLATE_OWN_CLAUSE = re.compile(
    r"(?i:,[ \t]*(?:the[ \t]+|its[ \t]+)?(?:reg(?:istration)?(?:[ \t]+(?:mark|number|no\.?))?"
    r"|(?:number[ \t]+)?plates?)[ \t]+(?:was|is|were|wos|woz|wz)\b)[^,.!?;\n]{0,24}$"
)
_BARE_MAKE = re.compile(
    r"(?:[A-Z][\w-]*|\d[\w-]*)(?:[ \t]+(?:[A-Z][\w-]*|\d[\w-]*|[a-z]{0,2}\d[\w-]*))*"
    r"(?:[ \t]*,)?(?:[ \t]*(?i:reg(?:istration)?(?:[ \t]+(?:mark|number|no\.?))?))?[ \t]*:?[ \t]*$"
)
_COLOUR_WORD = re.compile(rf"(?i:\b{_COLOUR}\b)")
_DESCRIBED_BEFORE = re.compile(
    rf"(?i:\b(?:{_COLOUR}|old|new|battered|little|big|small|wrapped|tinted|lowered|rusty)[ \t]+)$"
)


def _description_kept(text: str, start: int, plate_start: int) -> bool:
    """The two forms in which the description stays beside its plate
    (``_PLATE_OWN_CLAUSE``, ``_BARE_MAKE``)."""
    between = text[start:plate_start]
    if _PLATE_OWN_CLAUSE.search(between) is not None:
        return True
    if _DESCRIBED_BEFORE.search(text, max(0, start - 24), start) is not None:
        return False  # "an old Escort reg ...", "a red Ford Ka reg ...": a description
    return _BARE_MAKE.fullmatch(between) is not None and _COLOUR_WORD.search(between) is None


def _said_apart(text: str, start: int, plate_start: int) -> bool:
    if _MY_VEHICLE_MAKE_REG.search(text, max(0, plate_start - 80), plate_start) is not None:
        return True
    if _description_kept(text, start, plate_start):
        return True
    return (
        _VEHICLE_IS.search(text, max(0, start - 20), start) is not None
        and _REG_SAID.search(text, start, plate_start) is not None
    )


# Round 19: how a car looks, before its colour or make, is part of the
# description the writers label ("a little red Fiat Panda, ...", "a wrapped
# matte purple BMW M4, private plate ..."); a colour and a make right after
# the plate are too ("I got the plate, CN 67 FLE blue mini").
_LOOKS_BEFORE = re.compile(
    r"(?i:\b(?:(?:little|big|small|battered|wrapped|tinted|lowered|modified|rusty|"
    r"shiny|clapped[ -]out|beaten[ -]up|souped[ -]up|massive|huge|tiny)[ \t]+)+)$"
)
_COLOUR_AND_MAKE_AFTER = re.compile(
    rf"[ \t]+(?i:{_COLOUR})(?:[ \t]+(?i:{_COLOUR}))?[ \t]+(?i:{_MAKE}|{_VEHICLE})\b"
)


def _with_looks(text: str, start: int, floor: int) -> int:
    looks = _LOOKS_BEFORE.search(text, floor, start)
    return looks.start() if looks is not None else start


def find_described_plates(text: str) -> Iterator[Detail]:
    """A plate with the car's description before it, as one span."""
    plates = chain(
        find_vehicle_regs(text),
        find_spoken_regs(text),
        find_cued_plates(text),
        find_partial_plates(text),
        find_read_out_plates(text),
    )
    for plate in plates:
        # a description is a few words: look back 100 characters at most
        line_start = max(text.rfind("\n", 0, plate.start) + 1, plate.start - 100)
        after = _COLOUR_AND_MAKE_AFTER.match(text, plate.end)
        if after is not None:
            yield Detail(plate.start, after.end(), Category.VEHICLE_REG)
        loose = _LOOSE_DESCRIBED.search(text, line_start, plate.start)
        if loose is not None and _said_apart(text, loose.start(), plate.start):
            continue
        if loose is not None:
            yield Detail(
                _with_looks(text, loose.start(), line_start), plate.end, Category.VEHICLE_REG
            )
        match = _DESCRIBED.search(text, line_start, plate.start)
        if match is None or not match.group("description").strip():
            continue
        if _said_apart(text, match.start("description"), plate.start):
            continue
        description = match.group("description")
        if not (match.group("owner") or _NAMES_A_CAR.search(description)):
            continue
        first_car_word = _NAMES_A_CAR.search(description)
        start = match.start("description")
        if not match.group("owner") and first_car_word is not None:
            start += first_car_word.start()  # "Yesterday silver Astra" -> "silver Astra"
        start = _with_looks(text, start, line_start)
        end = plate.end
        if "(" in description and text[end : end + 1] == ")":
            end += 1  # "my blue Ford Fiesta (AB12 CDE)"
        yield Detail(start, end, Category.VEHICLE_REG)


# An age right after a person's name: "Nadia is 14", "Connor Walsh 14 is",
# "Mrs Patricia Ogunleye, 72,", "Jean Abernethy, aged 81", "jim is 89 and the
# only one left". Not "Tom is 5 minutes away".
_AGE_AFTER_NAME = re.compile(
    r"(?i:(?:[ \t]*,[ \t]*|[ \t]+(?:is|was|who[ \t]+is|who['’]s|turned|turns)[ \t]+|[ \t]+)"
    r"(?:now[ \t]+|nearly[ \t]+|almost[ \t]+|about[ \t]+|just[ \t]+)?(?:aged[ \t]+)?"
    rf"({_AGE_NUMBER}|\(\d{{1,3}}\))(?:[ \t-]?(?:years?|yrs?)(?:[ \t-]?old)?)?)\b"
    + _not_a_quantity(r"[a-z]+[ \t]+(?:road|street|lane|close|avenue|way)\b|[:./-]\d")
)


def ages_after_names(text: str, names: list[Detail]) -> Iterator[Detail]:
    """The age said right after a name the engine found, with what is said of
    the person after it ("Mr Patel is 72 and does the night shift alone",
    "Kai, 19, plays for the uni rugby team"): as ``find_ages_with_detail``,
    70 or more, or younger in a sentence that says what narrows it."""
    for name in names:
        match = _AGE_AFTER_NAME.match(text, name.end)
        if match is None or match.group(1)[:1] == "0":
            continue
        digits = re.sub(r"\D", "", match.group(1))
        if digits and not 0 < int(digits) < 120:
            continue
        sentence = next(s for s in _SENTENCE.finditer(text) if s.end() >= match.end())
        narrows = _NARROWS.search(text, sentence.start(), sentence.end()) is not None
        if not narrows and _years(match.group(1)) < _OLD_AGE:
            continue
        sentence_end = re.search(r"[.!?\n]", text[match.end() :])
        stop = match.end() + sentence_end.start() if sentence_end else len(text)
        start = name.end + len(match.group(0)) - len(match.group(0).lstrip(" \t,"))
        yield Detail(start, _description_end(text, match.end(), stop), Category.AGE)


# Round 7 (issue 15, after the sixth unseen set): jobs that single one out
# in forms the earlier patterns stopped short of.
# A saint's church or school, then its town: "the verger at St Mary's,
# Saffron Walden" (the town says which St Mary's).
_TOWN_AFTER_SAINT = re.compile(r"[ \t]*,[ \t]+(?P<town>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)\b")
# An institution then "of <town>": "the headmaster of the High School of Stirling".
_INSTITUTION_END = re.compile(
    r"(?i:\b(?:school|academy|college|church|hospital|infirmary|library|museum))$"
)
_OF_A_TOWN = re.compile(r"[ \t]+of[ \t]+(?P<town>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)\b")
# A nurse in charge of a named ward: "the ward sister on Rochford ward".
_WARD_ROLE = re.compile(
    r"(?i:\b(?:the[ \t]+)?(?:ward[ \t]+sister|sister|charge[ \t]+nurse|ward[ \t]+manager|matron|"
    r"senior[ \t]+nurse)[ \t]+(?:on|of|at|in[ \t]+charge[ \t]+of)[ \t]+(?:the[ \t]+)?)"
    r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?[ \t]+(?i:ward|unit)\b"
)
# Working in one small shop beside a landmark: "works in the chippy beside
# the leisure centre", "works at the barbers opposite the Co-op".
_SMALL_SHOP = (
    r"(?:chippy|chip[ \t]+shop|chinese|indian|takeaway|caf[eé]|bakery|bakers|newsagents?|"
    r"paper[ \t]+shop|corner[ \t]+shop|offie|off[ \t]+licen[cs]e|butchers?|barbers?|"
    r"hairdressers?|salon|nail[ \t]+bar|launderette|laundrette|pharmacy|chemists?|"
    r"post[ \t]+office|garage|car[ \t]+wash|pub|bookies|florists?|vape[ \t]+shop|shop)"
)
_WORKS_IN_SHOP_BESIDE = re.compile(
    r"(?i:\b(?:works|worked|working|work)[ \t]+(?:in|at)[ \t]+the[ \t]+"
    rf"{_SMALL_SHOP}[ \t]+(?:beside|next[ \t]+to|opposite|across[ \t]+from|by|near|behind|"
    r"above|below|under|at[ \t]+the[ \t]+(?:end|top|bottom)[ \t]+of|on[ \t]+the[ \t]+corner"
    r"(?:[ \t]+of)?)[ \t]+(?:the[ \t]+)?(?:[\w'’-]+[ \t]+){0,3}?[\w'’-]+)"
    r"(?=[ \t]*(?:[,.;:!?()\n]|$)|[ \t]+(?:and|but|so|who|he|she)\b)"
)


# A post one person holds, said of oneself, with the place it is at: "I was
# the sub-postmistress at Much Wenlock", "I'm the district nurse covering
# Ness", "I am a retired minister of Kilmorack Parish", "I am owner of Golden
# Dragon takeaway in Colwyn Bay".
_ONE_PERSON_POST = (
    r"(?:sub-?postmistress|sub-?postmaster|postmistress|postmaster|district[ \t]+nurse|"
    r"community[ \t]+nurse|practice[ \t]+nurse|minister|vicar|rector|curate|priest|imam|rabbi|"
    r"head[ \t]?teacher|headmaster|headmistress|owner|proprietor|landlord|landlady|licensee|"
    r"manager|chief[ \t]+steward|steward|warden|caretaker|janitor|verger|churchwarden|"
    r"lollipop[ \t]+(?:lady|man)|crossing[ \t]+patrol|pharmacist|publican|(?:pta[ \t]+)?chair|"
    r"treasurer|secretary|postie|postman|postwoman)"
)
_I_HOLD_A_POST = re.compile(
    r"(?i:\b(?:i[ \t]+am|i['’]m|im|i[ \t]+was|i['’]ve[ \t]+been|i[ \t]+have[ \t]+been)"
    r"(?:[ \t]+(?:until[ \t]+recently|still|now))?[ \t]+)"
    r"(?P<job>(?i:(?:the|a|an)[ \t]+)?(?i:(?:retired|former|only|new|head|senior|local)[ \t]+)?"
    rf"(?i:{_ONE_PERSON_POST})[ \t]+(?i:at|of|for|covering|on)[ \t]+(?i:the[ \t]+)?"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter)\b)"
    r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3}"
    r"(?:[ \t]+(?i:takeaway|route|parish|ward|surgery|practice|church|chapel|school|shop|stores?|"
    r"pub|inn|cafe|café|restaurant|garage|post[ \t]+office))?)\b"
)


def find_posts_at_named_places(text: str) -> Iterator[Detail]:
    """Jobs in these forms: a job at a saint's church or school with
    its town after a comma ("the verger at St Mary's, Saffron Walden"), at
    an institution "of <town>" ("the headmaster of the High School of
    Stirling"), a nurse in charge of a named ward, and working in a small
    shop beside a landmark. JOB spans, start and end character offsets."""
    for job in find_singular_roles(text):
        said = text[job.start : job.end]
        if _SAINT_OR_CHAIN.search(said) and re.search(r"\bSt\.?[ \t]", said):
            after = _TOWN_AFTER_SAINT.match(text, job.end)
            if after is not None and after.group("town").lower() in places():
                yield Detail(job.start, after.end(), Category.JOB)
        if _INSTITUTION_END.search(said):
            after = _OF_A_TOWN.match(text, job.end)
            if after is not None and after.group("town").lower() in places():
                yield Detail(job.start, after.end(), Category.JOB)
    for pattern in (_WARD_ROLE, _WORKS_IN_SHOP_BESIDE):
        for match in pattern.finditer(text):
            yield Detail(match.start(), match.end(), Category.JOB)
    for match in _I_HOLD_A_POST.finditer(text):
        yield Detail(match.start("job"), match.end("job"), Category.JOB)


# Round 7: ages told in forms the earlier patterns stop short of.
# "I am old man 74 years, live on my own": an old person's word, then the
# years with no "old", and living alone after it.
_OLD_PERSON_YEARS = re.compile(
    r"(?i:\b(?:old|elderly|retired|disabled)[ \t]+(?:man|woman|lady|gentleman|widow|widower|"
    r"pensioner|person)[ \t]*,?[ \t]+(?:aged[ \t]+)?(?P<years>\d{2,3})[ \t]*(?:years?|yrs?)\b"
    r"(?:[ \t]+old)?(?![ \t]+(?:ago|back|before|later|since|earlier)\b)"
    r"(?P<alone>[ \t]*,?[ \t]*(?:and[ \t]+)?(?:i[ \t]+)?(?:live|living|lives|stay|staying)[ \t]+"
    r"(?:on[ \t]+my[ \t]+own|alone|by[ \t]+myself|on[ \t]+(?:his|her)[ \t]+own))?)"
)
# What an age's description stopped before, when it says where the person
# has just started: "(he's 17, autistic, just started at MK College doing IT)".
_STARTED_AT = re.compile(
    r"[ \t]*(?:just[ \t]+)?(?:started|starting|joined|began)[ \t]+(?:at|in|with)[ \t]+"
    r"[^,.;:!?()\n]{1,50}?(?=[ \t]*[,.;:!?()\n]|$)"
)


def find_described_ages(text: str) -> Iterator[Detail]:
    """Ages in these forms: "old man 74 years, live on my own" (70 or
    more, or living alone), and an age's description widened over "just
    started at <a college>" where the older reading stopped before the
    verb. AGE spans, start and end character offsets."""
    for match in _OLD_PERSON_YEARS.finditer(text):
        if int(match.group("years")) >= _OLD_AGE or match.group("alone"):
            yield Detail(match.start(), match.end(), Category.AGE)
    for age in find_ages_with_detail(text):
        started = _STARTED_AT.match(text, age.end)
        if started is not None:
            yield Detail(age.start, started.end(), Category.AGE)


# A post at a place, then what makes its holder the only one: "the lollipop
# lady outside Fairfield Primary on Mill Road, the only one they've got",
# "the caretaker at St Luke's Church and the only keyholder", "(I work night
# shift at) the Amazon warehouse at Magna Park, the only Romanian forklift
# driver there". A speaker's cue before it ("I'm", "she's", "works at")
# says it is someone's post, not a place they went to.
_POST_CUE = (
    r"(?:\b(?:I['’]?m|I[ \t]+am|he['’]s|she['’]s|he[ \t]+is|she[ \t]+is|works?|working|worked)"
    r"\b[^.,!?\n]{0,25}?)"
)
_STREET_END = r"(?:Road|Rd|Street|St|Lane|Avenue|Way|Drive|Close|Crescent|Parade|Hill)"
_POST_AND_ONLY = re.compile(
    rf"{_POST_CUE}(?P<post>(?i:the)[ \t]+(?:[A-Za-z'’-]+[ \t]+){{1,3}}?"
    r"(?:(?:at|outside|in|for|of)[ \t]+(?:the[ \t]+)?[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*){0,3}"
    rf"(?:[ \t]+on[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+{_STREET_END})?|there))"
    # how long it has been held may come between: "the verger there, and have
    # been for forty years, the only one the parish has"
    r"[ \t]*(?:,|and)[ \t]*(?:(?:and[ \t]+)?(?:have|has)[ \t]+been[ \t]+(?:for[ \t]+)?"
    r"[^,.;:!?()\n]{1,25},[ \t]*)?(?:,[ \t]*)?"
    r"(?P<only>the[ \t]+only[ \t]+[^,.;:!?()\n]{1,50}?)(?=[ \t]*(?:[,.;:!?()\n]|and\b|$))"
)
# A post one person holds at a named place, then the street: "The lollipop
# lady at St Joseph's on Hawthorn Road", "the only bouncer wi a neck tattoo
# at the Garage on Sauchiehall St" (a place's name alone may be shared; with
# its street it is one place, and the post one person).
_ONE_PERSONS_POST = (
    r"(?:lollipop[ \t]+(?:lady|man|woman)|crossing[ \t]+patrol(?:[ \t]+(?:lady|man|officer))?|"
    r"school[ \t]+crossing[ \t]+patrol|caretaker|verger|janitor|head[ \t]?teacher|"
    r"headmaster|headmistress|head[ \t]+bouncer|bouncer|doorman|PTA[ \t]+chair|landlord|"
    r"landlady|sub-?postmaster|sub-?postmistress|postmaster|postmistress)"
)
_POST_AT_PLACE_ON_STREET = re.compile(
    rf"(?i:\b(?:the|our|their)[ \t]+(?:only[ \t]+)?){_ONE_PERSONS_POST}\b"
    r"(?:[ \t]+[^,.;:!?()\n]{1,30}?)??[ \t]+(?:at|outside|of)[ \t]+(?:the[ \t]+)?"
    r"(?:St\.?[ \t]+)?[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*){0,3}?"
    rf"[ \t]+on[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+{_STREET_END}\b"
)
_PUB_POST = re.compile(r"(?i:\b(?:bouncer|doorman|landlord|landlady)\b)")
# Working a door: "does the door at Pryzm on weekends".
_ON_THE_DOOR = re.compile(
    r"\b(?:does|did|doing|do|works?|working|on)[ \t]+the[ \t]+doors?[ \t]+(?:at|for)[ \t]+"
    r"(?:the[ \t]+)?[A-Z][\w'’&]*(?:[ \t]+[A-Z][\w'’]*){0,2}"
    r"(?:[ \t]+(?i:on|at)[ \t]+(?i:weekends?|the[ \t]+weekends?|(?:fri|satur|sun)days?|"
    r"nights?|fridays?[ \t]+and[ \t]+saturdays?))?"
)
_SCHOOL_NAME = (
    r"(?:Our[ \t]+Lady['’]s|St\.?[ \t]+[A-Z][\w'’]*|[A-Z][\w'’]*)(?:[ \t]+[A-Z][\w'’]*){0,3}?"
    r"[ \t]+(?:High|Academy|Primary|School|College|Grammar|Secondary|Comprehensive|Infants|"
    r"Juniors)(?:[ \t]+School)?"
)
# A Scottish or Irish school year in words at a named school, after "in":
# "(she's in) second year at Our Lady's High"; "it was the second year at
# Bishop Park Primary that ..." is not a pupil's year.
_WORDED_YEAR_AT = re.compile(
    r"(?i:\b(?:in|into|starting|started|doing)[ \t]+(?:(?:her|his|their|my|the)[ \t]+)?)"
    r"(?P<year>(?i:(?:first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)[ \t]+year"
    r"[ \t]+(?:at|in)[ \t]+)"
    rf"{_SCHOOL_NAME})"
)
# A named school, then its year and form in brackets: "Hillcrest School
# (year 11, form 11R)".
_SCHOOL_YEAR_FORM = re.compile(
    rf"(?<![\w'’]){_SCHOOL_NAME}[ \t]*\((?i:year|yr|y)[ \t]*\d{{1,2}}[ \t]*[,;][ \t]*"
    r"(?i:form|class|tutor[ \t]+group|reg(?:istration)?(?:[ \t]+group)?)[ \t]+[\w-]{1,6}\)"
)
# Widowhood with an age: "a widow and 81", "81 and a widower".
_WIDOWED_AGE = re.compile(
    r"(?i:\b(?:an?[ \t]+)?(?:widow|widower|widowed)[ \t]*(?:,|and)[ \t]*(?:aged[ \t]+)?"
    r"\d{2,3}\b|\b\d{2,3}[ \t]+and[ \t]+(?:an?[ \t]+)?(?:widow|widower|widowed)\b)"
)


def find_posts_schools_and_widowhood(text: str) -> Iterator[Detail]:
    """Descriptions that single someone out in these forms: a post at a
    place with "the only ..." after it (one JOB span over both), working a
    door ("does the door at Pryzm on weekends", JOB), a school year in
    words at a named school ("second year at Our Lady's High", SCHOOL), a
    school with its year and form in brackets (SCHOOL), widowhood with an
    age ("a widow and 81", AGE). Start and end character offsets."""
    for match in _POST_AND_ONLY.finditer(text):
        yield Detail(match.start("post"), match.end("only"), Category.JOB)
    for match in _POST_AT_PLACE_ON_STREET.finditer(text):
        # a pub's or a club's post with its street ("the landlady at The Crown
        # on Bridge Street") leaves the street, as the writers do, unless
        # "only" makes it one person's
        pub = _PUB_POST.search(match.group()) is not None
        if not pub or re.search(r"(?i:\bonly\b)", match.group()) is not None:
            yield Detail(match.start(), match.end(), Category.JOB)
    for match in _ON_THE_DOOR.finditer(text):
        yield Detail(match.start(), match.end(), Category.JOB)
    for match in _WORDED_YEAR_AT.finditer(text):
        yield Detail(match.start("year"), match.end(), Category.SCHOOL)
    for match in _SCHOOL_YEAR_FORM.finditer(text):
        yield Detail(match.start(), match.end(), Category.SCHOOL)
    for match in _WIDOWED_AGE.finditer(text):
        yield Detail(match.start(), match.end(), Category.AGE)


# Round 10 (issue 15, after the eighth unseen set): an age, then one thing
# said of the person that singles them out, in forms the description reading
# above stops short of: a health condition ("Hes 13 and has ADHD", "I am 62
# years old and I have heart problem", "he's 64 and has a heart condition"),
# being alone ("aged 88, and I have no family nearby"), what they are ("79
# years old and a blue badge holder", "19 and a student at Aston
# University"), a record or an injury ("Hes 17, no record", "is 11 and broke
# his arm"). The clause after the age runs to the next comma or full stop,
# or to "so"/"but"/"because".
_SINGLING_OUT = (
    r"adhd|add\b|autis\w*|asperger\w*|copd|asthma\w*|epilep\w*|dementia|alzheimer\w*|ms\b|"
    r"parkinson\w*|heart|diabet\w*|cancer|pacemaker|arthritis|kidney|dialysis|stroke|"
    r"learning[ \t]+(?:difficult|disabilit)\w*|mental[ \t]+health|disab\w*|wheelchair|blind|deaf|"
    r"no[ \t]+(?:family|relatives|one)|family[ \t]+nearby|blue[ \t]+badge|student|pupil|"
    r"apprentice|evacuee|veteran|widow\w*|carer|pregnant|no[ \t]+(?:record|previous|convictions?)|"
    r"criminal[ \t]+record|broke|broken|fractured"
)
_AGE_THEN_WHAT = re.compile(
    r"(?i:\b(?:i[ \t]+am|i['’]m|im|he[ \t]+is|he['’]s|hes|she[ \t]+is|she['’]s|shes|"
    r"(?P<someone>son|daughter|lad|boy|girl|husband|wife|partner|mum|dad|nan|grandad|brother|"
    r"sister|nephew|niece|grandson|granddaughter|neighbour)[ \t]+(?:is|was)|aged)"
    r"[ \t]+(?:now[ \t]+|only[ \t]+|just[ \t]+)?)"
    rf"(?P<age>{_AGE_NUMBER})(?:[ \t-]*(?:years?|yrs?)(?:[ \t-]*old)?)?\b"
    r"(?P<what>(?:[ \t]*,[ \t]*(?:(?i:and)[ \t]+)?|[ \t]+(?i:and|with|n)[ \t]+)"
    r"(?P<clause>[^,.;:!?()\n]{1,60}?))"
    r"(?=[ \t]*[,.;:!?()\n]|[ \t]+(?i:so|but|because|cos|(?:and|n|&)[ \t]+(?:i|we|they|he|she|my|"
    r"our|his|her|their|the|a|an|someone|somebody|people))\b|$)"
)
_SINGLES_OUT_WORD = re.compile(rf"(?i)\b(?:{_SINGLING_OUT})")
# "an 87-year-old Second World War evacuee", "a 91-year-old former miner":
# the words after an age in the hyphened form, to "and", "who" or a stop.
_HYPHENED_AGE_THEN_WHO = re.compile(
    r"(?i:\ban?[ \t]+)(?P<age>\d{1,3})-(?i:year)-(?i:old)"
    r"(?P<what>(?:[ \t]+(?!(?i:and|who|with|from|in|at|on|living|that)\b)[\w'’-]+){1,6})"
    r"(?=[ \t]*[,.;:!?()\n]|[ \t]+(?i:and|who|with|from|in|at|on|living|that)\b|$)"
)


def find_ages_with_a_condition(text: str) -> Iterator[Detail]:
    """An age with one thing said after it that singles the person out (a
    condition, being alone, a student's or badge holder's status, a record,
    an injury), from the subject to the end of that clause; and a hyphened
    age ("an 87-year-old Second World War evacuee") with the words after it,
    where the age is 70 or more or those words single the person out. AGE
    spans, start and end character offsets."""
    for match in _AGE_THEN_WHAT.finditer(text):
        if _NEW_CLAUSE.match(match.group("clause")) and not re.match(
            r"(?i)(?:i|i've|we)[ \t]+(?:have|has|got|'ve)\b", match.group("clause")
        ):
            continue  # "he's 14 and they won't say": a clause of its own
        if _SINGLES_OUT_WORD.search(match.group("clause")):
            # "Mum is [age]": who it is said of stays, as the other age rules leave it
            start = match.start("age") if match.group("someone") else match.start()
            yield Detail(start, match.end("what"), Category.AGE)
    for match in _HYPHENED_AGE_THEN_WHO.finditer(text):
        what = match.group("what")
        if int(match.group("age")) >= _OLD_AGE or _SINGLES_OUT_WORD.search(what):
            yield Detail(match.start(), match.end("what"), Category.AGE)


# Round 10: the writer's own post that singles them out, in forms the rules
# above miss.
# "I teach Year 6 at Flora Gardens Primary", "I teach reception at St Mary's".
_I_TEACH = re.compile(
    r"(?i:\b(?:i|she|he)[ \t]+(?:teach|teaches|taught)[ \t]+"
    r"(?P<what>(?:year|yr|y)[ \t]?\d{1,2}|p[ \t]?\d|s[ \t]?\d|reception|nursery|maths|english|"
    r"science|music|pe|art|history|french)?[ \t]*(?:at|in)[ \t]+)"
    r"(?P<school>(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,4})"
)
_A_SCHOOLS_WORD = re.compile(r"(?i)\b(?:primary|school|academy|college|high|juniors|infants)\b")
# A post in a parish, a school, a club or a garden that one person holds.
_OWN_POST = (
    r"(?:organist|choirmaster|caretaker|churchwarden|church[ \t]?warden|verger|sexton|"
    r"keeper|key[ \t]?holder|groundsman|groundskeeper|janitor|warden|bell[ \t]?ringer|"
    r"head[ \t]?teacher|headteacher|teacher|teaching[ \t]+assistant|dinner[ \t]+lady|"
    r"lollipop[ \t]+(?:lady|man)|treasurer|secretary|clerk|chair|chairman|chairwoman|"
    r"curator|custodian|lock[ \t]?keeper|harbour[ \t]?master|stationmaster|postmaster|"
    r"postmistress|landlord|landlady|manager|owner|minister|vicar|rector|curate|priest)"
)
# "I am the church organist", "I'm the Year 2 teacher there", "the
# churchwarden at St Kea church and the sole key-holder", "the keeper of
# the Oban war memorial garden", "the caretaker there and the only key
# holder": "the", up to three words, the post, then where ("there", "at"
# or "of" a place) or who else is not ("and the only/sole ...").
_ONLY_HOLDER = (
    r"[ \t]*,?[ \t]+(?i:and[ \t]+)?(?i:the[ \t]+)?(?i:only|sole)[ \t]+[\w-]+"
    r"(?:[ \t]+(?!(?i:and|but|so|who|since)\b)[\w'’-]+){0,4}"
    r"(?=[ \t]*[,.;:!?()\n]|[ \t]+(?i:and|but|so|who)\b|$)"
)
_I_AM_THE_POST = re.compile(
    r"(?i:\b(?:i[ \t]+am|i['’]m|im|i[ \t]+was)[ \t]+(?:also[ \t]+|still[ \t]+)?)"
    r"(?P<job>(?i:the[ \t]+(?:[\w'’-]+[ \t]+){0,3}?)"
    rf"(?i:{_OWN_POST})\b"
    r"(?i:[ \t]+(?:there|here)\b)?"
    r"(?P<named>[ \t]+(?i:at|of|for)[ \t]+(?i:the[ \t]+)?"
    r"(?:[A-Z][\w'’-]*|(?i:st\.?))"
    r"(?:[ \t]+(?!(?i:and|but|so|who|since|for|on|in)\b)[\w'’-]+){0,5})?"
    rf"(?P<only>{_ONLY_HOLDER})?)"
)
_SET_OFF_POST = re.compile(
    r"(?i:,[ \t]+)(?P<job>(?i:the[ \t]+(?:[\w'’-]+[ \t]+){0,2}?)"
    rf"(?i:{_OWN_POST})(?:[ \t]+(?i:there|here))?{_ONLY_HOLDER})"
)
# "I recently retired as vicar of St Oswald's, Guiseley", "I served as
# verger at Holy Trinity for 30 years".
_RETIRED_AS = re.compile(
    r"(?i:\b(?:recently[ \t]+|just[ \t]+)?(?:retired|served|worked|stood[ \t]+down)[ \t]+as[ \t]+"
    r"(?:the[ \t]+)?(?:[\w'’-]+[ \t]+){0,2}?)"
    rf"(?i:{_OWN_POST})[ \t]+(?i:of|at|for)[ \t]+(?i:the[ \t]+)?(?:[A-Z][\w'’-]*|(?i:st\.?))"
    r"(?:[ \t]+[A-Z][\w'’-]*){0,4}(?:[ \t]*,[ \t]*[A-Z][\w'’-]*(?=[ \t]*[.;!?\n]|$))?"
)
# "the last surviving crew member of the 1953 flood rescue", "the last
# surviving resident of the original coastguard cottages": one person.
_LAST_SURVIVING = re.compile(
    r"(?i:\bthe[ \t]+(?:last|only)[ \t]+(?:surviving|living|remaining)[ \t]+"
    r"(?:[\w'’-]+[ \t]+){0,3}?(?:of|from)[ \t]+[^,.;:!?()\n]{1,60}?)"
    r"(?=[ \t]*[,.;:!?()\n]|[ \t]+(?i:and|but|so|who)\b|$)"
)


# "He's the only driver there with a ponytail": what makes the only one
# there that one goes with the post.
_ONLY_ONE_THERE_WITH = re.compile(
    r"(?i:\b(?:he['’]?s|she['’]?s|he[ \t]+is|she[ \t]+is|i['’]?m|i[ \t]+am|they['’]re)[ \t]+)"
    r"(?P<job>(?i:the[ \t]+only[ \t]+[\w-]+(?:[ \t]+[\w-]+)?[ \t]+(?:there|here)[ \t]+with[ \t]+)"
    r"[^,.;:!?()\n]{1,40}?)(?=[ \t]*[,.;:!?()\n]|[ \t]+(?i:and|but|so|who)\b|$)"
)


def find_own_posts(text: str) -> Iterator[Detail]:
    """The writer's own post or standing that singles them out: teaching a
    year at a named school, "I am the church organist" (a post one person
    holds, with where it is or who else is not), a post set off after a
    name with "the only/sole ...", a post retired from at a named place,
    "the last surviving ... of ...", "the only driver there with a
    ponytail". JOB
    spans, start and end character offsets."""
    for match in _I_TEACH.finditer(text):
        # "I teach in London" says too little; a year, a subject or a school's word
        if match.group("what") or _A_SCHOOLS_WORD.search(match.group("school")):
            yield Detail(match.start(), match.end(), Category.JOB)
    for pattern in (_I_AM_THE_POST, _SET_OFF_POST):
        for match in pattern.finditer(text):
            if pattern is _I_AM_THE_POST and not (
                match.group("named") or match.group("only") or _LONE_POST.search(match.group("job"))
            ):
                continue  # "I'm the teacher here": a post many hold, no place named
            yield Detail(match.start("job"), match.end("job"), Category.JOB)
    for pattern in (_RETIRED_AS, _LAST_SURVIVING):
        for match in pattern.finditer(text):
            yield Detail(match.start(), match.end(), Category.JOB)
    for match in _ONLY_ONE_THERE_WITH.finditer(text):
        yield Detail(match.start("job"), match.end("job"), Category.JOB)


# A post that names its one holder with nothing after it: "the church
# organist", "the school caretaker", "the Year 2 teacher".
_LONE_POST = re.compile(
    r"(?i)\b(?:church|chapel|parish|school|village|club|(?:year|yr)[ \t]?\d{1,2}|reception)[ \t]+"
    r"(?:organist|caretaker|warden|verger|teacher|keeper|janitor)\b"
    r"|\b(?:organist|churchwarden|verger|sexton|choirmaster|lock[ \t]?keeper|harbour[ \t]?master)\b"
)


# --- round 11 (issue 15, after the ninth unseen set): school years the local way

# A Scottish year in lower case at a saint's school with no school word: "p2 at
# st ninians", "P5 at St Mary's", "s2 at holy rood", "p7 at our lady's"
_SCOTTISH_YEAR_AT_A_SAINTS = re.compile(
    r"\b(?i:[ps][1-7])[ \t]+(?i:at|in)[ \t]+"
    r"(?i:(?:st\.?|saint|holy|sacred|our[ \t]+lady['’]?s?)[ \t]+[a-z][a-z'’-]+)\b"
    r"(?![ \t]+(?i:road|rd|street|st|lane|church|chapel|hospital|hall|park|square|"
    r"cathedral|centre|station)\b)"
)
# A Welsh year at a Welsh school: "blwyddyn 8 at Ysgol Glan Clwyd", "ym
# mlwyddyn 10 yn Ysgol Bro Myrddin", "Year 3 at Ysgol y Wern"
_WELSH_YEAR_AT_YSGOL = re.compile(
    r"\b(?i:(?:blwyddyn|mlwyddyn|flwyddyn|year|yr|bl\.?)[ \t]*\d{1,2})[ \t]+(?i:at|in|yn)[ \t]+"
    r"(?i:ysgol)(?:[ \t]+(?:(?:y|yr)[ \t]+)?[A-ZŴŶ][\w'’-]+){1,3}"
)
# An age, then "and at" a named school, from the pronoun: "She's 16 and at
# Leeds City Academy", "He is 15 and at Park View School, Year 11"
_AGE_AND_AT_SCHOOL = re.compile(
    r"\b(?i:(?:he|she|they|i)(?:['’]s|['’]m|['’]re|[ \t]+is|[ \t]+was|[ \t]+am|[ \t]+are)|im)"
    r"[ \t]+(?P<age>\d{1,2})(?:[ \t]*(?i:years?[ \t]+old|yrs?(?:[ \t]+old)?|yo))?[ \t]*,?[ \t]+"
    r"(?i:and|&)[ \t]+(?i:at|goes[ \t]+to|attends|in[ \t]+year[ \t]+\d{1,2}[ \t]+at)[ \t]+"
    rf"(?:St\.?[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+{_CAPITAL_NAME_WORD}){{0,4}}[ \t]+"
    rf"(?i:{_SCHOOL_WORD})\b"
    r"(?:[ \t]*,?[ \t]*(?i:year|yr|y)[ \t]*\d{1,2}\b)?"
)


def find_local_school_years(text: str) -> Iterator[Detail]:
    """Round 11: school years said the local way: a Scottish year in lower
    case at a saint's school ("p2 at st ninians"), a Welsh year at a Welsh
    school ("blwyddyn 8 at Ysgol Glan Clwyd") and an age then "and at" a
    named school, from the pronoun ("She's 16 and at Leeds City Academy"):
    SCHOOL spans, start and end character offsets."""
    for pattern in (_SCOTTISH_YEAR_AT_A_SAINTS, _WELSH_YEAR_AT_YSGOL):
        for match in pattern.finditer(text):
            yield Detail(match.start(), match.end(), Category.SCHOOL)
    for match in _AGE_AND_AT_SCHOOL.finditer(text):
        # a sentence that is only the age and the school goes whole ("He is 15
        # and at Park View School, Year 11."); inside a sentence the pronoun
        # stays ("my son Abdi he is [school and year]")
        start = match.start()
        sentence_start = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?\n"
        if not (sentence_start and text[start].isupper()):
            start = match.start("age")
        yield Detail(start, match.end(), Category.SCHOOL)


# Round 13 (issue 15, after the eleventh unseen set): a post one person holds,
# said right after the named place the writer works at: "I work at the
# Barclays there, I'm the assistant manager" (the post; the place is said
# apart and stays as it was).
_WORK_AT_THEN_POST = re.compile(
    r"(?i:\bI[ \t]+work[ \t]+(?:at|in|for)[ \t]+)(?P<place>[^.,;!?\n]{2,40}?)[ \t]*[,;][ \t]*"
    r"(?i:I['’]?m|I[ \t]+am)[ \t]+"
    r"(?P<post>(?i:the[ \t]+(?:(?:assistant|deputy|branch|store|shop|duty|general|night|head|"
    r"area|practice|office)[ \t]+)?(?:manager|manageress|supervisor|owner|landlord|landlady|"
    r"caretaker|receptionist|chef|pharmacist|headteacher|head|vicar|warden)))\b"
)


def find_posts_after_a_named_workplace(text: str) -> Iterator[Detail]:
    """Round 13: "I work at the Barclays there, I'm the assistant manager":
    a JOB span over the post ("the assistant manager"), start and end
    character offsets, only where the workplace has a capitalised name
    ("I work at a bank, I'm the manager" stays)."""
    for match in _WORK_AT_THEN_POST.finditer(text):
        if re.search(r"(?<![\w'’])[A-Z]", match.group("place")):
            yield Detail(match.start("post"), match.end("post"), Category.JOB)
