"""Emergency triage: does a message look like danger to life, a crime in
progress, or a risk of self-harm or suicide?

Rules, not a model. A message is normalised (lowercase, text-speak and common
typos spelled out), then every rule's pattern is searched. A match fires
unless a *guard* in the same clause says it is not about now:

- negation just before it ("no one is hurt", "he didn't have a knife");
- a hypothetical or a general question ("what should I do if ...",
  "how do I report ...", "what is being done about ...");
- hearsay ("I heard ...", "apparently ...", "people are saying on Facebook");
- a time in the past ("last year", "in March", "two weeks ago");
- a habit rather than an event ("every night", "most weekends");
- a joke or an idiom ("this traffic is going to kill me", "lol").

An explicit "right now" (or "as we speak", "rn", ...) in the clause beats every
guard except negation. Self-harm is guarded least: only negation,
hypotheticals, general questions, hearsay and a *distant* past stop it.

When several concerns fire, self-harm wins (the resident also gets the
helpline), then danger, then crime in progress.

Measured on the corpus in tests/data/triage/ (docs/safeguarding.md). The
design errs towards giving 999 guidance: a false alarm costs a resident a line
of advice; a miss could cost a life.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Concern(StrEnum):
    NONE = "none"
    DANGER = "danger"
    CRIME_IN_PROGRESS = "crime_in_progress"
    SELF_HARM = "self_harm"


@dataclass(frozen=True)
class Triage:
    concern: Concern
    reason: str  # the rule that fired, or the guard that stopped one; never resident text

    @property
    def urgent(self) -> bool:
        return self.concern is not Concern.NONE


# ==========================================================================
# Normalisation: lowercase, straight apostrophes, text-speak and typos
# ==========================================================================

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "-": " ", "_": " "})
# Anything that is not a letter, digit, apostrophe, space or clause punctuation.
_OTHER_CHARS = re.compile(r"[^a-z0-9'\s.,!?;:]")

# fmt: off
_WORDS: dict[str, str] = {
    # people
    "some1": "someone", "sum1": "someone", "som1": "someone", "somone": "someone",
    "someome": "someone", "smeone": "someone", "sombody": "somebody",
    "somebdy": "somebody", "any1": "anyone", "no1": "no one", "noone": "no one",
    "every1": "everyone", "ppl": "people", "bf": "boyfriend", "gf": "girlfriend",
    "m8": "mate", "u": "you", "ur": "your", "r": "are", "y": "why",
    # time
    "rn": "right now", "atm": "at the moment", "nw": "now", "2nite": "tonight",
    "2night": "tonight", "tonite": "tonight", "nite": "night", "2day": "today",
    "2moro": "tomorrow", "b4": "before", "wk": "week", "mins": "minutes",
    # contractions typed without the apostrophe
    "im": "i'm", "ive": "i've", "hes": "he's", "shes": "she's", "theres": "there's",
    "thats": "that's", "whats": "what's", "its": "it's", "cant": "can't",
    "dont": "don't", "wont": "won't", "isnt": "isn't", "aint": "isn't",
    "wasnt": "wasn't", "didnt": "didn't", "doesnt": "doesn't", "havent": "haven't",
    "hasnt": "hasn't", "wouldnt": "wouldn't", "couldnt": "couldn't",
    "shouldnt": "shouldn't", "theyre": "they're", "youre": "you're",
    "wanna": "want to", "gonna": "going to", "gona": "going to", "gotta": "got to",
    "tryna": "trying to",
    # words with the g dropped
    "tryin": "trying", "breakin": "breaking", "brekin": "breaking", "followin": "following",
    "folowing": "following", "bein": "being", "goin": "going", "gettin": "getting",
    "hittin": "hitting", "stabbin": "stabbing", "fightin": "fighting", "movin": "moving",
    "breathin": "breathing", "nickin": "nicking", "comin": "coming", "killin": "killing",
    "smashin": "smashing", "stealin": "stealing", "bleedin": "bleeding",
    # typos and shorthand
    "nife": "knife", "knif": "knife", "kinfe": "knife", "wepon": "weapon",
    "weapn": "weapon", "theif": "thief", "neighbor": "neighbour", "neighbors": "neighbours",
    "rite": "right", "thru": "through", "wot": "what", "wat": "what", "in2": "into",
    "wiv": "with", "pls": "please", "plz": "please", "hlp": "help", "kms": "kill myself",
    "stabed": "stabbed", "atacked": "attacked", "attaked": "attacked",
    "folowed": "followed", "sucidal": "suicidal", "suicidle": "suicidal",
    "unconcious": "unconscious", "unconsious": "unconscious", "threatning": "threatening",
}
# fmt: on
# Splits a message into words (letters, digits, apostrophes) and what is between.
_WORD_SPLIT = re.compile(r"([a-z0-9']+)")
# "2" is "to" after these words: "tryin 2 get in", "want 2 die".
_TWO_AS_TO = re.compile(
    r"\b(trying|try|tried|want|wants|going|got|need|needs|have|has|had|about|able|came|"
    r"come|go|went|back|up|in|over|me|him|her|them|talk|speak|reply) 2\b"
)
_PHRASES = [
    (re.compile(r"\bbrake in"), "break in"),  # "tryin to brake in"
    (re.compile(r"\bbreak in to\b"), "break into"),
    (re.compile(r"\s+"), " "),
]


def _normalise(text: str) -> str:
    lowered = _OTHER_CHARS.sub(" ", text.lower().translate(_APOSTROPHES))
    parts = _WORD_SPLIT.split(lowered)
    parts[1::2] = [_WORDS.get(word, word) for word in parts[1::2]]
    spelled = "".join(parts)
    spelled = _TWO_AS_TO.sub(r"\1 to", spelled)
    for pattern, replacement in _PHRASES:
        spelled = pattern.sub(replacement, spelled)
    return f" {spelled.strip()} "


# ==========================================================================
# Pattern building blocks
# ==========================================================================

# Present tense: "is", "are", "'s", "'re", "'m", "been", "being".
_AUX = r"\b(?:is|are|am|been|being|'s|'re|'m)\b"
# Up to four words between the auxiliary and the verb ("there's a man trying",
# "he's still breaking"), never across a word that starts a new idea.
_GAP = (
    r"(?:\s+(?!(?:about|if|when|that|who|which|what|whether|because|so|not|never|no)\b)"
    r"[\w']+){0,4}?"
)
# One word in an optional slot, never a negation: "i'm [really] suicidal" but
# not "i'm not suicidal" (negation after the start of a match is not seen by
# the negation guard).
_W = r"(?!(?:not|never|no)\b)\w+"
_PERSON_NOUN = (
    r"(?:man|men|woman|women|lad|lads|guy|guys|bloke|girl|boy|child|children|kid|kids|"
    r"baby|toddler|person|mum|mother|dad|father|son|daughter|brother|sister|wife|husband|"
    r"partner|friend|mate|neighbour|nan|gran|grandad|grandmother|grandfather|cousin|"
    r"uncle|aunt|boyfriend|girlfriend|ex|stepdad|stepmum|driver|cyclist|pedestrian|"
    r"pupil|teenager|lady|youth|family|pensioner)"
)
_PERSON = (
    r"(?:me|us|him|her|them|you|someone|somebody|some one|people|"
    r"(?:a|an|my|his|her|our|their|the|this|that|some|another|two)\s+(?:\w+\s+)?"
    + _PERSON_NOUN
    + r")\b"
)
_CHILD = r"(?:child|kid|toddler|baby|little (?:boy|girl|one)|son|daughter|boy|girl)"
_WEAPON = (
    r"(?:knife|knives|blade|machete|machetes|gun|guns|pistol|rifle|shotgun|firearm|weapon|"
    r"axe|hammer|crowbar|baseball bats?|bats?|cleaver|sword|screwdriver|acid)\b"
    # not a speed gun, a water pistol or the knife amnesty (checked after the
    # word: a lookbehind before it would run at every position of the message)
    r"(?<!speed gun)(?<!water gun)(?<!water pistol)(?<!nail gun)(?<!glue gun)(?<!toy gun)"
    r"(?<!cap gun)(?<!paintball gun)(?<!bb gun)"
    r"(?!\s+(?:amnesty|amnesties|crime|crimes|arch|bins?|sweeps?|licen[cs]e|club|shop))"
)
_DWELLING = (
    r"(?:house|home|flat|garden|back garden|front garden|yard|shed|garage|kitchen|car|van|"
    r"bedroom|loft|attic|hallway|building|property|shop|office|school|drive|driveway|roof)"
)
_DRUNK = r"(?:drunk|hammered|pissed|wasted)"


def _progressive(verbs: str) -> str:
    """Present progressive: "<aux> [up to four words] <verb>"."""
    return _AUX + _GAP + r"\s+(?:still\s+|now\s+|currently\s+)?" + verbs


@dataclass(frozen=True)
class _Rule:
    name: str
    concern: Concern
    pattern: re.Pattern[str]
    needs_now: bool  # fires only when the message also says it is happening now


def _rule(concern: Concern, name: str, *alternatives: str, needs_now: bool = False) -> _Rule:
    """Every alternative starts at a word boundary ("'s" included: it follows a
    word). One leading \\b for all of them keeps the search fast: a single
    alternative without it makes the regex engine try every branch at every
    position, five to ten times slower."""
    branches = "|".join(f"(?:{alternative.removeprefix(_B)})" for alternative in alternatives)
    return _Rule(f"{concern}.{name}", concern, re.compile(rf"\b(?:{branches})"), needs_now)


_B = r"\b"
_S, _D, _C = Concern.SELF_HARM, Concern.DANGER, Concern.CRIME_IN_PROGRESS

# ==========================================================================
# Self-harm and suicide: the writer, or someone they are telling us about now
# ==========================================================================
_SELF_HARM_RULES = [
    # "I'm going to kill myself", "I've cut myself", "thinking about killing myself"
    _rule(
        _S,
        "harm_myself",
        r"\b(?:kill|hurt|harm|cut|hang|drown|poison|starv|end)\w* (?:my ?self)\b",
    ),
    # "my son is going to kill himself", "she's threatening to kill herself"
    _rule(
        _S,
        "harm_themselves",
        r"\b(?:going to|about to|threaten\w* to|wants? to|will|'ll|"
        r"(?:has|'s|have|'ve) (?:just )?tried to|trying to) (?:" + _W + r" )?"
        r"(?:kill|hurt|harm|hang|cut|drown|shoot|stab) "
        r"(?:himself|herself|themselves|themself)\b",
    ),
    # "I want to end it all", "im gonna end it tonight", "thinking of ending it"
    _rule(
        _S,
        "end_it",
        r"\b(?:want|going|about|ready|plan\w*|decided|need|try\w*|thinking (?:of|about)|"
        r"feel like|i'll|i will|i'm|i am)(?: to)? end(?:ing)? (?:it|my life|things|everything)\b",
        r"\bend(?:ing)? (?:it all|my (?:own )?life)\b",
    ),
    _rule(_S, "take_my_life", r"\btak(?:e|ing) my (?:own )?life\b"),
    # "I just want to die", "wish I was dead", "better off dead"
    _rule(
        _S,
        "want_to_die",
        r"\b(?:want|wants|wanting|ready|going) to die\b",
        r"\bwish (?:i|i'd) (?:was|were|had) (?:dead|died|never been born)\b",
        r"\bwish i (?:wasn't|weren't) (?:here|alive|born)\b",
        r"\bbetter off (?:dead|without me)\b",
    ),
    # "I don't want to live anymore", "I don't want to be here anymore"
    _rule(
        _S,
        "not_want_to_live",
        r"\b(?:don't|do not|no longer|dont) (?:want|wish) to "
        r"(?:live|be alive|be here|exist|wake up)\b",
    ),
    # "there's no reason to live", "nothing to live for", "life isn't worth living"
    _rule(
        _S,
        "no_reason_to_live",
        r"\bno (?:reason|point) (?:to|in|for)? ?(?:live|living|go on|going on|carry on|"
        r"carrying on|be alive|being alive|be here|being here|life)\b",
        r"\b(?:life )?(?:isn't|is not|not) worth living\b",
        r"\bwant (?:it|everything) (?:all )?to (?:stop|end|be over)\b",
        r"\bnothing (?:left )?to live for\b",
        r"\bdon't see the point (?:in|of) (?:living|life|going on|anything)\b",
    ),
    # "I can't go on" (but not "can't go on like this with the noise")
    _rule(
        _S,
        "cant_go_on",
        r"\bcan't (?:go on|carry on|keep going)\b"
        r"(?! (?:with|until|having|like this with|putting up))",
        r"\bcan't (?:do this|take (?:it|this)|cope) any ?more\b",
    ),
    # "I'm suicidal", "feeling suicidal", "thinking about suicide"
    _rule(
        _S,
        "suicidal",
        r"\b(?:i'm|i am|feel|feeling|felt|is|'s|are|'re)\b(?: " + _W + r")? suicidal\b",
        r"\b(?:thinking|thoughts|thought) (?:of|about) suicide\b",
        r"\b(?:going to|want to|will) commit suicide\b",
        r"\bsuicide note\b",
    ),
    # "I've taken pills", "she's taken an overdose", "going to take all my pills"
    _rule(
        _S,
        "overdose",
        r"\b(?:have|has|'ve|'s|i|just|she|he)\b (?:" + _W + r" )?"
        r"(?:taken|took|swallowed|downed|necked|had) (?:[\w']+ ){0,4}?"
        r"(?:pills|tablets|paracetamol|overdose|painkillers|co codamol|sleeping pills|meds|"
        r"medication)\b",
        r"\boverdosed\b",
        r"\b(?:going to|about to|will|'ll|want to) (?:take|swallow) (?:[\w']+ ){0,3}?"
        r"(?:pills|tablets|paracetamol|overdose)\b",
    ),
    # "I've got the tablets ready", "going to take them all"
    _rule(
        _S,
        "pills_ready",
        r"\b(?:pills|tablets|paracetamol) (?:\w+ )?ready\b",
        r"\b(?:going to|about to|will|'ll) take them all\b",
    ),
    # "I'm standing at the edge of the roof", "going to drive into a wall", "I've got a rope"
    _rule(
        _S,
        "means",
        r"\b(?:i'm|i am)\b (?:\w+ ){0,2}?(?:on|at) (?:the )?(?:edge|ledge|railings?|top of)\b",
        r"\b(?:going to|about to|want to|will|'ll) (?:drive|crash|walk|step|jump) (?:\w+ )?"
        r"(?:into|in front of|off|under) (?:a|the) "
        r"(?:wall|tree|train|lorry|bus|traffic|river|bridge|cliff)\b",
        r"\b(?:got|have|bought|found) a (?:rope|noose)\b",
        r"\bnoose\b",
    ),
    # "I'm on the bridge and I'm going to jump", "throw myself in front of a train"
    _rule(
        _S,
        "jump",
        r"\b(?:i'm|i am|i'll|i will|i)\b(?: " + _W + r")? (?:going to|about to|ready to|"
        r"thinking (?:of|about)|want to) (?:jump|jumping|throw myself|step in front)\b",
        r"\bthrow myself (?:off|in front|under)\b",
    ),
    # Someone else: "she says she's going to jump off the multi storey"
    _rule(
        _S,
        "jump_off",
        r"\b(?:going to|about to|threatening to|ready to) "
        r"(?:jump|throw (?:him|her|them)sel(?:f|ves)) (?:off|from|in front)\b",
    ),
    # "I want to go to sleep and not wake up", "disappear forever"
    _rule(
        _S,
        "not_wake_up",
        r"\b(?:want|wanna|wish|hope|ready)\b(?: [\w']+){0,6}? (?:not|never) wake up\b",
        r"\bdisappear (?:forever|for good)\b",
    ),
    # "I want to self harm", "I've been self harming"
    _rule(_S, "self_harm", r"\b(?:want to|going to|i'm|i am|i've been|been) self harm"),
    # "goodbye. I won't be around tomorrow", "I've written letters to my family"
    _rule(
        _S,
        "goodbye",
        r"\bthis is my last message\b",
        r"\bgoodbye (?:everyone|all|world|forever)\b",
        r"\bwon't be (?:around|here|alive) (?:tomorrow|much longer|any ?more)\b",
        r"\b(?:written|wrote|writing|left) (?:a |my )?(?:\w+ )?(?:notes?|letters?) (?:to|for) "
        r"(?:my )?(?:family|kids|children|mum|wife|husband|parents)\b",
    ),
    # "everyone would be better off without me", "nobody would notice if I was gone"
    _rule(
        _S,
        "burden",
        r"\b(?:everyone|everybody|they|you all|my family|the world)(?:'d| would) be better off\b",
        r"\b(?:no one|nobody) would (?:even )?(?:notice|care|miss me)\b",
    ),
]

# ==========================================================================
# Danger to life
# ==========================================================================
_DANGER_RULES = [
    # "he has got a knife", "they've got guns"
    _rule(
        _D,
        "weapon_held",
        r"\b(?:has|have|had|'s|'ve|got)\s+(?:got\s+)?(?:a |an |his |her |their |some )?"
        r"(?:\w+ )?" + _WEAPON,
    ),
    # "a man waving a knife", "pulled a gun on me", "man with a machete"
    _rule(
        _D,
        "weapon_shown",
        r"\b(?:with|waving|wielding|holding|brandishing|carrying|pulled|pulling|pointing|"
        r"swinging|firing|aiming|shooting|threatening \w+ with)\s+"
        r"(?:a |an |his |her |their |some )?(?:\w+ )?" + _WEAPON,
    ),
    _rule(_D, "weapon_point", r"\bat (?:knife|gun) ?point\b"),
    # "he's got a knife to my brother", "a knife to a girl's throat"
    _rule(
        _D,
        "weapon_at_person",
        _WEAPON + r"\s+(?:to|at|against) (?:my|his|her|their|a|an|the|your|our)\b",
    ),
    # "my husband is beating me", "a dog is attacking a child"
    _rule(
        _D,
        "attack_in_progress",
        _progressive(
            r"(?:attacking|beating|hitting|punching|kicking|stabbing|strangling|choking|"
            r"assaulting|hurting|battering|throttling|killing|shooting|slapping|stamping on|"
            r"dragging)(?: up)? " + _PERSON
        ),
    ),
    # "I've been stabbed", "I'm being attacked", "someone has been shot"
    _rule(
        _D,
        "injured_by_attack",
        r"\b(?:been|being|getting|got)\s+(?:" + _W + r"\s+)?(?:attacked|assaulted|stabbed|knifed|"
        r"slashed|shanked|bottled|shot|glassed|beaten(?: up)?|battered|strangled|kidnapped|"
        r"abducted|raped|run over|knocked (?:down|over|off|out)|"
        r"hit by (?:a|the) (?:car|van|bus|lorry|train|vehicle|motorbike))\b",
    ),
    _rule(
        _D,
        "being_hurt",
        r"\bbeing (?:threatened|hit|punched|kicked|chased|hurt|held|choked|dragged|slapped)\b",
    ),
    # "my partner has strangled me", "some guy just punched my mate"
    _rule(
        _D,
        "has_attacked",
        r"\b(?:has|have|'s|'ve|just)\s+(?:just\s+)?(?:stabbed|shot|strangled|glassed|attacked|"
        r"assaulted|hit|punched|kicked|beaten|beat|hurt|injured|raped|knocked out|run over) "
        + _PERSON,
    ),
    # "he's going to kill me", "says he'll burn the house down" (not "will kill me if I'm late")
    _rule(
        _D,
        "threat_to_kill",
        r"\b(?:going to|will|'ll|wants? to|threaten\w* to|about to|trying to|try to)\s+"
        r"(?:" + _W + r"\s+)?(?:kill|murder|stab|shoot|hurt|strangle|burn|attack|beat|batter|crash|"
        r"torch|set fire to)\s+(?:me|us|him|her|them|you|it|(?:my|his|her|their|our) \w+|"
        r"the (?:house|flat|place|kids|children)|everyone|\w+ down)\b(?! if\b)",
    ),
    # "I'm scared for my life", "my life is in danger"
    _rule(
        _D,
        "fear_for_life",
        r"\b(?:scared|afraid|fear\w*|frightened|terrified) for (?:my|our|her|his|their) "
        r"(?:life|lives|safety)\b",
        r"\b(?:my|our|her|his|their) (?:life|lives) (?:is|are) in danger\b",
        r"\b(?:i'm|i am|we're|we are|he's|she's|they're) in (?:immediate |real )?danger\b",
    ),
    # "he won't let me leave", "held against her will", "I'm hiding in the bathroom"
    _rule(
        _D,
        "trapped_by_someone",
        r"\bwon't let (?:me|us|her|him|them) (?:leave|go|out)\b",
        r"\bheld against (?:my|her|his|their) will\b",
        r"\blocked (?:me|us|her|him) in\b",
        r"\b(?:locked|barricaded) (?:myself|ourselves) in\b",
        r"\bhiding (?:from (?:him|her|them)|in (?:the|my|a) "
        r"(?:bathroom|bedroom|cupboard|wardrobe|loft)|upstairs)\b",
    ),
    # "a girl just got pulled into a car", "trying to drag a woman into a van"
    _rule(
        _D,
        "abduction",
        r"\b(?:dragg\w*|drag|pull\w*|bundl\w*|forc\w*|snatch\w*|grabb\w*) (?:\w+ ){0,3}?"
        r"(?:into|in) (?:a|the|his|their|an) (?:\w+ )?(?:car|van|vehicle)\b",
    ),
    # "not breathing", "she's unconscious", "he has collapsed", "lying in the road"
    _rule(
        _D,
        "medical",
        r"\b(?:not|isn't|stopped|can't|cannot) breath(?:e|ing)\b",
        r"\b(?:has|have|'s|'ve|just|is|are)\s+(?:"
        + _W
        + r"\s+)?(?:collapsed|fainted|passed out)\b",
        r"\b(?:unconscious|unresponsive|turning blue)\b",
        r"\b(?:is|are|'s|'re) (?:not responding|fitting)\b",
        r"\bhaving (?:a )?(?:heart attack|seizure|fit|stroke)\b",
        r"\b(?:he|she|they|him|her)(?:'s| is| are|'re)? (?:not|isn't|aren't) "
        r"(?:moving|responding|conscious)\b",
        r"\bwon't wake up\b",
        r"\bcan't wake (?:him|her|them)\b",
        r"\bknocked out\b",
        r"\bblood everywhere\b",
        r"\b(?:is|'s|'m|am|are|'re) bleeding\b",
        r"\bbleeding (?:badly|heavily|a lot|everywhere|from (?:his|her|my|their|the)|out|"
        r"to death)\b",
        r"\btrapped (?:under|underneath|in the (?:car|wreck|fire))\b",
        r"\blying (?:in the road|on the (?:floor|ground|pavement|road)|unconscious|motionless|"
        r"injured)\b",
        r"\b(?:need|call|send|get) an ambulance\b",
    ),
    # "my house is on fire", "there's a fire in the flat next door", "flames everywhere"
    _rule(
        _D,
        "fire",
        _AUX + r"(?:\s+" + _W + r")?\s+on fire\b",
        r"\bthere's (?:a )?fire (?:in|at|on|next door|upstairs|downstairs)\b",
        r"\b(?:flames|smoke) (?:is |are )?(?:coming|pouring|billowing) (?:out|from)\b",
        r"\b(?:flames|smoke) (?:everywhere|in the (?:stairwell|hallway|corridor|house|flat))\b",
        r"\b(?:has|have|'s|'ve|is|are|'re) (?:just )?(?:set fire to|setting fire to)\b",
        r"\b(?:pouring|throwing) (?:petrol|fuel|lighter fluid)\b",
        r"\b(?:it's|fire is|flames are) spreading\b",
    ),
    # A child alone by a road or water, left in a car, on a ledge, in the water, missing now
    _rule(
        _D,
        "child_in_danger",
        r"\b" + _CHILD + r"s?\b(?: [\w']+){0,4}? (?:alone|left|locked|on (?:his|her|their) own|"
        r"by (?:him|her)self|wandering)\b(?: [\w']+){0,6}? "
        r"(?:car|road|railway|line|river|canal|pond|lake|water|ledge|roof|balcony|window)\b",
        r"\b" + _CHILD + r"s?\b(?: [\w']+){0,8}? (?:road|carriageway|motorway|railway|river|"
        r"canal)\b(?: [\w']+){0,4}? (?:alone|on (?:his|her|their) own|by (?:him|her)self)\b",
        r"\b" + _CHILD + r"\b(?: [\w']+){0,4}? (?:on|at|out of) (?:the |a )?"
        r"(?:window ?ledge|ledge|roof|balcony)\b",
        r"\b" + _CHILD + r"\b(?: [\w']+){0,4}? (?:has |'s |is )?(?:fallen|fell|gone) "
        r"(?:in|into|under|through)\b",
        r"\b(?:fallen|fell) (?:in|into|through) (?:the )?(?:ice|river|canal|lake|pond|water|sea)\b",
        r"\b(?:is|'s|are|someone|somebody) drowning\b",
        r"\b" + _CHILD + r"\b(?: [\w']+){0,6}?(?: has gone|'s gone| is| has|'s) "
        r"(?:missing|disappeared|run off|wandered off)\b",
        r"\b" + _CHILD + r"\b.{0,60}?can't find (?:him|her|them)\b",
        r"\b(?:lost|can't find) my (?:little )?(?:child|kid|son|daughter|boy|girl|toddler|baby)\b",
    ),
    # "a woman is screaming for help", "it's an emergency", "send help now"
    _rule(
        _D,
        "cry_for_help",
        r"\b(?:screaming|shouting|crying|calling) (?:out )?for help\b",
        r"\b(?:this|it)(?:'s| is) an emergency\b",
        r"\bsend (?:help|someone|police|officers) (?:now|quick|quickly|asap|urgently|"
        r"immediately)\b",
        r"\bplease (?:come|hurry) (?:now|quick|quickly|asap)\b",
    ),
]

# ==========================================================================
# Crime in progress
# ==========================================================================
_CRIME_RULES = [
    # "someone is breaking in", "two men are breaking into the shop"
    _rule(
        _C,
        "break_in",
        _progressive(
            r"(?:breaking (?:in|into|through|down)|trying to (?:break|get|force|climb|open|"
            r"prise|jemmy|kick)\b|forcing|attempting to break)"
        ),
    ),
    # "some1 tryin 2 get in my house rn": no auxiliary, so "now" is required
    _rule(
        _C,
        "break_in_now",
        r"\b(?:breaking|trying to (?:get|break|force)) (?:in|into|through|open)\b",
        needs_now=True,
    ),
    # "smashing the bus stop now": no auxiliary near the verb, so "now" is required
    _rule(
        _C,
        "damage_now",
        r"\b(?:smashing|stealing|nicking|vandali[sz]ing|looting|breaking into|robbing)\b",
        needs_now=True,
    ),
    # "someone is stealing my car", "kids are smashing the bus shelter"
    _rule(
        _C,
        "theft_or_damage",
        _progressive(
            r"(?:stealing(?! from)|nicking|pinching|robbing|burgling|smashing|vandali[sz]ing|"
            r"looting|tampering|rummaging|siphoning|"
            r"trying to (?:nick|steal|take|snatch|rob|pinch)|"
            r"going through (?:my|the|our|people's)|"
            r"cutting (?:the |a |off )?(?:\w+ )?(?:lock|chain|padlock|catalytic)|"
            r"kicking (?:in |down )?(?:my|the|our|a) (?:\w+ )?(?:door|window|gate)|"
            r"climbing (?:over|through|into|in))"
        ),
    ),
    # "my shop is being robbed", "my car is getting broken into"
    _rule(
        _C,
        "being_robbed",
        r"\b(?:being|getting)(?<!from being)(?<!of being)(?<!from getting)(?<!of getting) "
        r"(?:robbed|burgled|broken into|mugged|stolen|"
        r"vandali[sz]ed|smashed|nicked|ransacked|raided|looted)\b",
    ),
    # "there's a burglary happening at number 23", "a break in going on next door"
    _rule(
        _C,
        "crime_happening",
        r"\b(?:burglary|robbery|break in|break-in|mugging|raid) (?:is )?"
        r"(?:happening|going on|in progress|taking place)\b",
    ),
    # "somebody just smashed my car window", "just seen a bloke climb over the fence"
    _rule(
        _C,
        "just_happened",
        r"\bjust (?:snatched|stole|nicked|robbed|mugged|smashed|broke into|broken into|"
        r"mounted the pavement)\b",
        r"\bjust (?:seen|saw|watched) (?:\w+ ){1,3}(?:climb|break|go in|get in|smash|steal|nick)\b",
    ),
    # "there's someone in my house", "I can hear someone downstairs", "he's still inside"
    _rule(
        _C,
        "intruder",
        r"\b(?:there's|there is|there are|(?:someone|somebody|some one|people|a man|men|kids|"
        r"a stranger)(?:'s| is| are|'re))\s+(?:[\w']+\s+){0,2}?(?:still\s+)?(?:in|inside|on) "
        r"(?:my|our|the|next door's|my neighbour's|my neighbours|the neighbours)\s+"
        r"(?:[\w']+\s+){0,2}?" + _DWELLING + r"\b",
        r"\bintruders?\b",
        r"\b(?:hear|see|hearing|seeing) (?:someone|somebody|some one|people|a man|men|"
        r"footsteps|noises?|them|him) (?:[\w']+ ){0,2}?(?:downstairs|upstairs|in|inside|trying|"
        r"breaking|climbing|walking|moving|rummaging|going through)\b",
        r"\b(?:'s|has|have|'ve) (?:got|climbed) (?:in|into) (?:my|our|the)\b",
        r"\b(?:is|are|'s|'re) (?:still|back) (?:in|inside|on) (?:the|my|our)\b",
    ),
    # "men in balaclavas", "masked men": only with "now"
    _rule(
        _C,
        "masked_now",
        r"\bbalaclavas?\b",
        r"\bmasked (?:men|man|gang|people)\b",
        needs_now=True,
    ),
    # "they're outside my house now": someone at the door, and it is now
    _rule(
        _C,
        "outside_now",
        r"\b(?:he|she|they|someone|somebody|a man|men|people)(?:'s| is| are|'re) (?:" + _W + r" )?"
        r"outside (?:my|mine|our)\b",
        needs_now=True,
    ),
    # "I'm watching someone steal a bike"
    _rule(
        _C,
        "watching_crime",
        r"\bwatching (?:someone|somebody|people|a man|men|kids|\w+ \w+) "
        r"(?:steal|break|try|smash|nick|fight|rob)\w*\b",
    ),
    # "someone is trying car doors", "a bloke is going along the cars trying the handles"
    _rule(
        _C,
        "trying_doors",
        r"\b(?:is|are|'s|'re)\b[^.,!?]{0,40}?\b(?:trying|checking|testing|pulling) "
        r"(?:\w+ ){0,2}(?:doors?|door handles|handles)\b",
    ),
    # "I'm being followed", "a man has been following me"
    _rule(
        _C,
        "followed",
        r"\bbeing followed\b",
        _AUX + _GAP + r"\s+following (?:me|us|her|him|them|my \w+)\b",
    ),
    # "lads are fighting outside", "a fight has broken out"
    _rule(
        _C,
        "fight",
        _progressive(r"(?:fighting|brawling|scrapping|kicking off)\b"),
        r"\b(?:fight|brawl|punch up)s? (?:is |has )?(?:kicking off|broken out|breaking out|"
        r"going on|happening)\b",
        r"\bfighting (?:\w+ ){0,4}outside (?:my|our) (?:house|flat|door|window)\b",
    ),
    # "there's a fight outside my house now"
    _rule(_C, "fight_now", r"\b(?:fight|fighting|brawl|brawling|punch up)\b", needs_now=True),
    # "there's a drunk driver on the A21 right now", "swerving all over the road now"
    _rule(
        _C,
        "drunk_driver",
        r"\b(?:drunk|drink|drunken) driv\w*",
        r"\bdriv\w* (?:\w+ ){0,2}" + _DRUNK + r"\b",
        r"\b(?:all over|swerving|weaving)(?: all over)? (?:the )?road\b",
        r"\bswerving\b",
        r"\bweaving\b",
        needs_now=True,
    ),
    # "just drove off from the pub hammered", "getting back in to drive off, he's drunk"
    _rule(
        _C,
        "drunk_driving_off",
        r"\bjust (?:drove|driven|got in (?:his|her|their|a) car|pulled away)\b[^.!?]{0,40}"
        r"\b(?:drunk|hammered|pissed|wasted|smashed)\b",
        r"\b(?:about to|going to|getting (?:back )?in to|trying to) drive\b[^.!?]{0,40}\b"
        + _DRUNK
        + r"\b",
        r"\b(?:drunk|hammered|driving like a (?:maniac|lunatic))\b[^.!?]{0,60}"
        r"\bjust (?:hit|crashed|mounted|swerved)\b",
    ),
]

_RULES = _SELF_HARM_RULES + _DANGER_RULES + _CRIME_RULES
# Any rule at all. One pass of this finds every position where some rule
# matches; each rule is then tried only there, anchored. That is several times
# faster than searching the whole message once per rule.
_ANY_RULE = re.compile("|".join(f"(?:{rule.pattern.pattern})" for rule in _RULES))
_PRIORITY = (Concern.SELF_HARM, Concern.DANGER, Concern.CRIME_IN_PROGRESS)

# ==========================================================================
# Guards: why a match may not be about now
# ==========================================================================

# Clause boundaries: sentence punctuation, commas and "but"/"however".
_CLAUSE_BREAK = re.compile(r"[.!?;:,\n]|\b(?:but|however|although|though)\b")

# "right now" and friends: beats every guard except negation.
_RIGHT_NOW = re.compile(
    r"\b(?:right now|as we speak|as i (?:type|write|speak)|at (?:this|the) moment|"
    r"this (?:minute|second)|happening now|in progress|just now|at the minute|currently)\b"
)
# Any word for now: enough for a rule that needs one.
_NOW = re.compile(r"\b(?:now|tonight)\b|" + _RIGHT_NOW.pattern)
# "now" or "still" straight after a match: "he is back in our garden now".
_NOW_AFTER = re.compile(r"^(?:\s+[\w']+){0,2}?\s+(?:now|still)\b")

# Negation in the last three words before the match.
_NEGATED = re.compile(
    r"(?:\b(?:not|no|never|nobody|no one|none|nothing|without)\b|n't)(?:\s+[\w']+){0,2}\s*$"
)
# A hypothetical: "what should I do if ...", "when there's a fire ..."
_HYPOTHETICAL = re.compile(
    r"\b(?:if|when|whenever|in case|suppose|supposing|imagine|hypothetically|what happens|"
    r"what would|what to do|would you)\b"
)
# A question asked by inverting the verb: "is someone trying to steal it?"
_INVERTED_QUESTION = re.compile(r"^\s*(?:is|are|was|were|do|does|did|has|have|could|would|can)\b")
# A general question or a topic: "what is being done about ...", "how do I report ..."
_GENERAL = re.compile(
    r"\b(?:"
    r"(?<!thinking )(?<!thought )(?<!thoughts )(?<!think )about(?! to\b)|regarding|"
    r"advice|advise|tips|guidance|policy|statistics|figures|how many|how common|"
    r"how (?:do|can|should|would) (?:i|we|you|one|people) "
    r"(?:report|deal|stop|prevent|spot|handle|help|tell)|(?:where|best way) to report|"
    r"being done|worth reporting|is it (?:true|safe|legal|illegal|ok|normal|an offence)|"
    r"law on|rules on|rights if|penalty|prevent\w*|awareness|support (?:for|is|available)|"
    r"training|leaflets?|campaign|rise in|increase in|spate of|problem with|reports? of|"
    r"incidents? of|remind|teach|aware (?:of|that)|"
    r"why (?:do|does|are|is|would|did) (?:people|they|drivers|kids|youths|so many)"
    r")\b"
)
# Hearsay: news, rumour and social media, not something the writer is seeing.
_HEARSAY = re.compile(
    r"\b(?:heard|apparently|rumou?rs?|people (?:are |were )?saying|saying on|"
    r"on (?:facebook|nextdoor|twitter|whatsapp|the news|social media|tiktok|instagram)|"
    r"i read|read (?:that|on|in)|the news|is it true|"
    r"(?:someone|somebody|people|a friend|friends|neighbours) (?:told me|said|say|says|"
    r"are saying)|told me (?:that )?there (?:was|were|is|are|has been))\b"
)
# Past time. Self-harm is stopped only by the distant past: pills taken last
# night are still an emergency; a crime last night is a 101 report.
_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)"
)
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DISTANT_PAST_TEXT = (
    r"\blast (?:year|month|summer|winter|spring|autumn|term|christmas)\b|"
    r"\b(?:\d+|a|one|two|three|four|five|six|few|couple of|several|some|many) "
    r"(?:weeks?|months?|years?) ago\b|\byears ago\b|\bin (?:" + _MONTHS + r"|(?:19|20)\d\d)\b|"
    r"\bused to\b|\bback in\b|\bonce\b|\bin the past\b|\bwhen i was (?:younger|a|at|little)\b"
)
_DISTANT_PAST = re.compile(_DISTANT_PAST_TEXT)
_PAST = re.compile(
    _DISTANT_PAST_TEXT + r"|\blast (?:week|night|weekend|" + _DAYS + r")\b|\byesterday\b|"
    r"\b(?:\d+|a|one|two|three|few|couple of) days ago\b|\b(?:at|on|over) the weekend\b|"
    r"\bthe other (?:day|night|week)\b|\bearlier this (?:year|month|week)\b|\bon "
    + _DAYS
    + r"\b|\b"
    + _DAYS
    + r" night\b|\bovernight\b|\bin the night\b|\ba while (?:ago|back)\b|"
    r"\bthere (?:was|were|had been)\b"
)
# Habit, not an event. "keeps" only stops a crime rule: "he keeps hitting me" is
# still shown the 999 guidance.
_HABITUAL = re.compile(
    r"\b(?:every (?:night|day|week|weekend|morning|evening|" + _DAYS + r")|each (?:night|"
    r"week)|most (?:nights|days|weekends|evenings)|all the time|always|constantly|regularly|"
    r"often|lately|recently|for (?:weeks|months|years)|again and again|a lot of|lots of|"
    r"so many|daily|nightly|usually|sometimes)\b"
)
_KEEPS = re.compile(r"\bkeeps?\b")
# Jokes and idioms: "lol", "this traffic is going to kill me".
_JOKE = re.compile(r"\b(?:lol|lmao|haha\w*|jk)\b")
_IDIOM_SUBJECT = re.compile(
    r"\b(?:traffic|noise|heat|stress|boss|manager|teacher|job|work|commute|queue|this|that|"
    r"it|smell|roadworks|wait|bills|exams?|hangover|sensor)(?:\s+(?:is|are|will))?\s*$"
)


def _guard(rule: _Rule, before: str, upto: str, clause: str, after: str, asked: bool) -> str | None:
    """The name of the guard that stops this match, or None if it stands.

    ``before`` is the clause up to the match, ``upto`` up to its end (a match
    may start with "is" and carry the question: "is it worth reporting someone
    trying car doors"), ``clause`` the whole clause, ``after`` the rest of the
    clause after the match; ``asked`` if the clause ends with a question mark."""
    if _NEGATED.search(before):
        return "negated"
    if _RIGHT_NOW.search(clause) or _NOW_AFTER.search(after):
        return None
    if _HYPOTHETICAL.search(upto):
        return "hypothetical"
    if _GENERAL.search(upto):
        return "general_question"
    if _HEARSAY.search(upto):
        return "hearsay"
    if rule.concern is Concern.SELF_HARM:
        return "past" if _DISTANT_PAST.search(clause) else None
    if _PAST.search(clause):
        return "past"
    if _HABITUAL.search(clause) or (
        rule.concern is Concern.CRIME_IN_PROGRESS and _KEEPS.search(clause)
    ):
        return "habitual"
    if _JOKE.search(clause):
        return "joke"
    if "kill" in upto[len(before) :] and _IDIOM_SUBJECT.search(before):
        return "idiom"
    if asked and _INVERTED_QUESTION.search(upto):
        return "question"
    return None


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: from the last break before it to the
    first break after it."""
    left = 0
    for found in _CLAUSE_BREAK.finditer(text, 0, start):
        left = found.end()
    after = _CLAUSE_BREAK.search(text, end)
    return left, after.start() if after else len(text)


def assess(text: str) -> Triage:
    """Whether a message looks like danger to life, a crime in progress or a
    risk of self-harm; self-harm wins over the others (the resident then also
    gets the helpline), then danger."""
    normal = _normalise(text)
    starts = []
    found = _ANY_RULE.search(normal)
    while found is not None:
        starts.append(found.start())
        found = _ANY_RULE.search(normal, found.start() + 1)
    if not starts:
        return Triage(Concern.NONE, "none")
    says_now = _NOW.search(normal) is not None
    fired: dict[Concern, str] = {}
    stopped: str | None = None
    for rule in _RULES:
        if rule.concern in fired or (rule.needs_now and not says_now):
            continue
        for start in starts:
            match = rule.pattern.match(normal, start)
            if match is None:
                continue
            left, right = _clause_bounds(normal, match.start(), match.end())
            guard = _guard(
                rule,
                normal[left : match.start()],
                normal[left : match.end()],
                normal[left:right],
                normal[match.end() : right],
                normal[right : right + 1] == "?",
            )
            if guard is None:
                fired[rule.concern] = rule.name
                break
            stopped = stopped or f"{guard}:{rule.name}"
    for concern in _PRIORITY:
        if concern in fired:
            return Triage(concern, fired[concern])
    return Triage(Concern.NONE, f"none:{stopped}" if stopped else "none")


def looks_urgent(text: str) -> bool:
    return assess(text).urgent
