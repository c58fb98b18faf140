"""Guards: why a rule's match may not be about now. Their cues are the lists
of ``data/guards.yaml``, read once when this module is first imported (by
``triage.load``); what each list is searched in (the words before the match,
the clause, ...) is fixed here.

An explicit "right now" in the clause beats every guard except negation.
Self-harm is guarded least: only negation, hypotheticals, general questions,
hearsay, a *distant* past, a joke and a game, film, sport or drill (``not_real``)
in the clause stop it. A severe rule
(``Rule.severe``) is stopped by clear evidence only: the weak cues
(``hearsay_weak``, ``past_weak``, ``habitual_weak``) do not stop it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.safeguarding.read_texts import hold
from bot.safeguarding.triage.concern import Concern
from bot.safeguarding.triage.data import (
    TriageDataError,
    compiled,
    mapping,
    one_of,
    read,
)
from bot.safeguarding.triage.rules import ANY_RULE, VOCABULARY, Rule

_FILE = "guards.yaml"
_LISTS = (
    "clause_break", "right_now", "now", "now_after", "negation", "hypothetical",
    "general_question", "hearsay", "hearsay_weak", "distant_past", "past", "past_weak",
    "habitual", "habitual_weak", "habitual_crime_only",
    "joke", "joke_taken_back", "distress_after", "not_real", "reassured", "all_clear", "laughing",
    "idiom_verb", "idiom_subject", "inverted_question",
    "resolved", "present", "plea", "away", "lawful_shooting", "person_harmed", "idiom_phrase",
    "idiom_family", "mishap", "now_asked", "past_day", "sport_report", "make_believe",
    "game_speech", "study", "story_year", "joking_after", "long_running", "discounted",
    "just_asking", "animal",
    "laugh_after", "pivot", "correction", "dramatic", "hedge", "hedge_object", "joking_before",
    "worried", "fireworks", "not_fireworks", "leaving_not_life", "settled",
    "believed", "numbing", "confused", "denied", "captor_thing", "again", "wishful", "once_more",
    "outcome", "earlier", "pet", "nuisance_agent", "serious_pivot", "rumour_source", "rumour",
    "fake", "asks_what_to_do", "unsecured", "whose_job", "group_in", "outcome_cared", "unsure",
    "live_after", "still_missing", "found", "known_poster", "known_sender",
    "asked_if_scam", "outburst", "laughed_off_after",
    "dealt_with", "child_game", "kin_captor", "leisure_stay", "dispute", "protocol",
    "family_mishap", "score", "aftermath", "blood_on_thing", "found_object",
    "live_echo", "live_event", "beaten_word", "sport_word", "person_beaten", "brawl",
    "still_a_thing", "alarm_battery", "fire_or_trouble", "thought_following",
    "found_out", "writer_deed", "help_sought", "harm_denied", "harm_more", "writer_subject",
    "vent_nuisance", "vent_asked", "found_safe", "not_found", "visit", "named_place",
)  # fmt: skip
_DATA = mapping(read(_FILE), _FILE)
if set(_DATA) != set(_LISTS):
    raise TriageDataError(f"{_FILE}: the lists are {', '.join(_LISTS)}")


def _cues(name: str) -> list[str]:
    return VOCABULARY.entries(_DATA[name], f"{_FILE}: {name}")


def _words(name: str) -> str:
    """Any one of the cues, as a whole word or phrase: ``\\b(?:a|b)\\b``."""
    return r"\b" + one_of(_cues(name)) + r"\b"


def _each(name: str) -> str:
    """Each cue as a whole word or phrase of its own: ``\\ba\\b|\\bb\\b``."""
    return "|".join(rf"\b{cue}\b" for cue in _cues(name))


def _compiled(pattern: str, name: str) -> re.Pattern[str]:
    return compiled(pattern, f"{_FILE}: {name}")


# Clause boundaries: sentence punctuation, commas and "but"/"however".
CLAUSE_BREAK = _compiled(r"[.!?;:,\n]|" + _words("clause_break"), "clause_break")
# "right now" and friends: beats every guard except negation.
RIGHT_NOW = _compiled(_words("right_now"), "right_now")
# Any word for now: enough for a rule that needs one.
NOW = _compiled(_words("now") + "|" + RIGHT_NOW.pattern, "now")
# "now" or "still" straight after a match: "he is back in our garden now".
_NOW_AFTER = _compiled(r"^(?:\s+[\w']+){0,2}?\s+" + one_of(_cues("now_after")) + r"\b", "now_after")
# Negation in the last three words before the match, with no new subject
# between and no "and" ("he can't swim, he's going under", "she's not
# talking and there's blood": the negation is another verb's; the words
# are normalised, so the comma is gone).
_NEW_SUBJECT = r"(?:he's|she's|they're|i'm|it's|we're|you're|hes|shes|theyre|im|its|there's|theres)"
_NEGATED = _compiled(
    r"(?:\b"
    + one_of(_cues("negation"))
    + r"\b|n't)"
    # round 19 (the sixteenth set's h16-075, "my english not good please send
    # help fast"): a negation that judges ("not good", "not sure") is over
    # with its adjective; the plea after it stands
    + r"(?!\s+(?:very |so |too )?(?:good|great|well|sure|fluent|perfect|ok|okay)\b)"
    + r"(?:\s+(?!"
    + _NEW_SUBJECT
    + r"\b|and\b)[\w']+){0,2}\s*$",
    "negation",
)
# A hypothetical: "what should I do if ...", "when there's a fire ..."
_HYPOTHETICAL = _compiled(_words("hypothetical"), "hypothetical")
# A question asked by inverting the verb: "is someone trying to steal it?"
_INVERTED_QUESTION = _compiled(
    r"^\s*" + one_of(_cues("inverted_question")) + r"\b", "inverted_question"
)
# A general question or a topic: "what is being done about ...", "how do I report ..."
_GENERAL = _compiled(_words("general_question"), "general_question")
# Hearsay: news, rumour and social media, not something the writer is seeing.
# A severe rule is stopped by clear hearsay only (not "I heard ...").
_HEARSAY_CLEAR = _compiled(_words("hearsay"), "hearsay")
_HEARSAY = _compiled(_HEARSAY_CLEAR.pattern + "|" + _words("hearsay_weak"), "hearsay_weak")
# Past time. Self-harm is stopped only by the distant past: pills taken last
# night are still an emergency; a crime last night is a 101 report.
_DISTANT_PAST = _compiled(_each("distant_past"), "distant_past")
_PAST_CLEAR = _compiled(_DISTANT_PAST.pattern + "|" + _each("past"), "past")
_PAST = _compiled(_PAST_CLEAR.pattern + "|" + _each("past_weak"), "past_weak")
# Habit, not an event. "keeps" only stops a crime rule: "he keeps hitting me" is
# still shown the 999 guidance.
_HABITUAL_CLEAR = _compiled(_words("habitual"), "habitual")
_HABITUAL = _compiled(_HABITUAL_CLEAR.pattern + "|" + _words("habitual_weak"), "habitual_weak")
_KEEPS = _compiled(_each("habitual_crime_only"), "habitual_crime_only")
# The writer says they are safe, anywhere in the message: "... but I'm not
# going to do anything". Stops a self-harm rule that is not severe.
_REASSURED = _compiled(_words("reassured"), "reassured")
# The self-harm rules of thoughts, not acts, that reassurance may stop (rule
# names of self_harm.yaml): pills taken or "kill myself tonight" stay urgent.
# Reassurance is the writer's ("I'm safe") or, of someone else, "he's safe",
# "she's at home with us".
REASSURED_STOPS = frozenset(
    {
        "want_to_die",
        "not_want_to_live",
        "no_reason_to_live",
        "cant_go_on",
        "burden",
        "suicidal",
        # issue 15e: self-harm that has been going on, told of a person now
        # safe ("he's safe, he's at home with us tonight")
        "self_harm",
    }
)
# Nobody in danger, or over: "nobody was hurt", "all quiet now". Stops no
# rule by itself (only in a message told as over: _told_as_over); a
# model-only alarm is silenced by it (engine.model_says).
ALL_CLEAR = _compiled(_words("all_clear"), "all_clear")
# Help came or the person recovered ("he pulled through", "the ambulance
# came", "she's fine now"): see ``resolved``.
_RESOLVED = _compiled(_words("resolved"), "resolved")
# The writer laughing anywhere ("lol", "lmao", "😂"): the model must be sure
# (engine.model_says). The word cues (starting with \b) are searched in the
# normalised message, under one \b; the others (emoji, which normalising
# drops and which have no word boundaries) in the message as sent.
_LAUGHS = _cues("laughing")
LAUGHING_WORDS = _compiled(
    r"\b(?:" + "|".join(c.removeprefix(r"\b") for c in _LAUGHS if c.startswith(r"\b")) + ")",
    "laughing",
)
LAUGHING_SIGNS = _compiled("|".join(c for c in _LAUGHS if not c.startswith(r"\b")), "laughing")
# Jokes and idioms: "lol", "this traffic is going to kill me".
_JOKE = _compiled(_words("joke"), "joke")
_JOKE_TAKEN_BACK = _compiled(_words("joke_taken_back"), "joke_taken_back")
_DISTRESS_AFTER = _compiled(_words("distress_after"), "distress_after")


def _laughed_off(clause: str, after: str, message: str, opening: str) -> bool:
    """Whether a laugh in the clause stops a severe or self-harm rule: the
    joke taken back ("jk", "only joking"), or a laugh followed by at least
    two more words, none of them distress (``distress_after``): "I will
    jump off a bridge if the roadworks aren't finished haha. When do they
    end?" is laughed off, "my mate just got stabbed lol what do i do" and a
    laugh that ends the message are not."""
    if _JOKE_TAKEN_BACK.search(clause):
        return True
    if not _JOKE.search(clause):
        return False
    tail = _after_the_laugh(after, message, opening)
    return len(re.findall(r"[a-z']{2,}", tail)) >= 2 and not _DISTRESS_AFTER.search(tail)


def _after_the_laugh(after: str, message: str, opening: str) -> str:
    """The message after the laugh in the match's clause (after the match
    when the laugh came before it)."""
    rest = message[len(opening) :] if opening else after
    laugh = _JOKE.search(rest)
    return rest[laugh.end() :] if laugh is not None and laugh.start() <= len(after) else rest


def _laughing(clause: str, after: str, message: str, opening: str) -> bool:
    """Whether a laugh in the clause stops an ordinary danger or crime rule:
    a laugh with no distress after it ("a guy with a knife at the bus stop
    lol wtf" stands), or the joke taken back."""
    if _JOKE_TAKEN_BACK.search(clause):
        return True
    return bool(_JOKE.search(clause)) and not _DISTRESS_AFTER.search(
        _after_the_laugh(after, message, opening)
    )


# Not a real event: a game, a film or a book, a sport, a drill, a toy.
_NOT_REAL = _compiled(_words("not_real"), "not_real")
_IDIOM_VERB = _compiled(one_of(_cues("idiom_verb")), "idiom_verb")
# What may stand between an idiom's subject and its verb: a short phrase of
# place ("that new speed camera on queens drive is killing me"), the verb
# "to be" or a future, and words of emphasis ("my mum is actually going to
# kill me").
_IDIOM_PLACE = (
    r"(?:\s+(?:on|in|at|near|by|of|outside|opposite|round|down|up|next door|for|from)"
    r"(?:\s+[\w']+){1,3}?){0,2}"
)
_IDIOM_LINK = (
    r"(?:'s|'re|'ll|\s+(?:is|are|will|was|were|has been|have been|has|have|going to|actually|"
    r"literally|honestly|seriously|defo|definitely|totally|so|gonna|be|"
    # round 15: "the humidity is positively killing me"
    r"positively|absolutely|really|properly|proper))*\s*$"
)
# An activity as the subject, straight before the verb: "my husband's
# snoring is killing me", "the waiting is killing me" (not "something",
# nor a person: "king", "darling", "sibling").
_IDIOM_ACTIVITY = (
    r"|\b(?!(?:some|any|no|every)thing\b|king\b|darling\b|sibling\b|viking\b)\w+ing" + _IDIOM_LINK
)
_IDIOM_SUBJECT = _compiled(
    r"\b" + one_of(_cues("idiom_subject")) + _IDIOM_PLACE + _IDIOM_LINK + _IDIOM_ACTIVITY,
    "idiom_subject",
)
# A family member or flatmate as the idiom's subject ("wife is going to kill
# me"): an idiom only in a message with a mishap ("left my wallet on the
# train", "lost my bus pass").
_IDIOM_FAMILY = _compiled(r"\b" + one_of(_cues("idiom_family")) + _IDIOM_LINK, "idiom_family")
_MISHAP = _compiled(_words("mishap"), "mishap")
# The same idiom as the model sees it, anywhere in a message with a mishap
# (round 5: "nan's going to murder me, I've lost her bus pass", which no
# rule matches: idiom_in).
_FAMILY_IDIOM = _compiled(
    r"\b"
    + one_of(_cues("idiom_family"))
    + r"(?:'s|'ll|\s+(?:is|will))?"
    + r"(?:\s+(?:going to|gonna|actually|literally|so|defo|definitely))*\s+"
    + one_of(_cues("idiom_verb"))
    + r"\w*\s+me\b",
    "idiom_family",
)


# A verb in the present tense (or a future): the clause is not told as past.
_PRESENT = _compiled(_words("present"), "present")
# A plea for help ("please help", "send someone"): a word for now.
_PLEA = _compiled(_words("plea"), "plea")
# Lawful shooting or a weapon's licence, anywhere in the message ("pheasant
# shoot", "an SGC", "shooting pigeons with the farmer's permission"): the
# gunfire and weapon rules of LAWFUL_STOPS are stopped, unless someone is
# shot at, threatened or hurt (person_harmed).
_LAWFUL = _compiled(_words("lawful_shooting"), "lawful_shooting")
_PERSON_HARMED = _compiled(_words("person_harmed"), "person_harmed")
LAWFUL_STOPS = frozenset(
    {
        "gunfire",
        "weapon_held",
        "weapon_shown",
        "weapon_out",
        "panic",
        "weapon_point",
        # round 5: "the chap with the shotgun at the end of our lane is the keeper"
        "weapon_at_person",
    }
)
# The welfare rules stopped when the person is away and nothing says now:
# the neighbour whose post piles up "mentioned going to Pakistan for a
# wedding".
_AWAY = _compiled(_words("away"), "away")
ACCOUNTED_STOPS = frozenset({"welfare"})
# Idioms that contain a rule's words: "I'm on fire this week", "got shot
# down at the parish council". Stops a match that overlaps one.
_IDIOM_PHRASE = _compiled(_words("idiom_phrase"), "idiom_phrase")


# "What should I do now?": a word for now that asks what next (now_asked).
_NOW_ASKED = _compiled(_words("now_asked"), "now_asked")
# A day named bare, a time in the past to _told_as_over only.
_PAST_DAY = _compiled(_words("past_day"), "past_day")
# A sports match told, anywhere in the message (guard: not_real).
_SPORT_REPORT = _compiled(_words("sport_report"), "sport_report")
# Computer games, films and make-believe shooting, anywhere in the message:
# the model must be sure (not_real_in).
_MAKE_BELIEVE = _compiled(_words("make_believe"), "make_believe")


# Round 5: message-wide signs that a danger or crime match is not about now,
# heeded only when nothing in the message says now (``_not_now_by_message``).
# A game's shouting: a game named (make_believe) and shouting or typing in
# it (game_speech) stops the rules a game's commentary sets off.
_GAME_SPEECH = _compiled(_words("game_speech"), "game_speech")
GAME_SPEECH_STOPS = frozenset(
    {
        "threat_to_kill",
        "gunfire",
        "injured_by_attack",
        "attack_in_progress",
        "being_hurt",
        "has_attacked",
        "weapon_shown",
        "weapon_held",
        "armed_threat",
        "stabbed_slang",
        "attacking",
        "panic",
    }
)
# A study question ("for my A-level project: ...?"), in a message with a
# question mark.
_STUDY = _compiled(_words("study"), "study")
# A story set in a past year, told in the present ("So it's 2019, I'm ...").
_STORY_YEAR = _compiled(_words("story_year"), "story_year")
# "... joking", "jk" after the match (not "I'm not joking").
_JOKING_AFTER = _compiled(_words("joking_after"), "joking_after")
# Going on for years ("been like that for years mind"): stops the rules of
# LONG_RUNNING_STOPS only (weapons, threats, gunfire, crimes seen), never a
# person missing, collapsed or in the water.
_LONG_RUNNING = _compiled(_words("long_running"), "long_running")
# A threat the writer discounts ("he's all talk"): stops threat_to_kill.
_DISCOUNTED = _compiled(_words("discounted"), "discounted")
# Round 6: a question asked in passing ("purely asking"), anywhere.
_JUST_ASKING = _compiled(_words("just_asking"), "just_asking")
# Round 6: an animal "attacking": one of animal within the last five words
# before an attack match ("the gulls on harbour street are attacking people").
_ANIMAL_BEFORE = _compiled(_words("animal") + r"(?:\s+[\w']+){0,4}\s*$", "animal")
ANIMAL_STOPS = frozenset({"attack_in_progress"})
# Round 6: threats said every day (habitual, anywhere in a message that says
# nothing of now: "shoplifters ... say 'I'll stab you' ... every day").
HABIT_BY_MESSAGE_STOPS = frozenset({"threat_to_kill"})
# Round 11: a child's outburst when something was taken away ("I'm going to
# kill myself" when the phone was taken), laughed off after: a joke for the
# writer's-words self-harm rule (_meant_otherwise).
_OUTBURST = _compiled(_words("outburst"), "outburst")
_LAUGHED_OFF_AFTER = _compiled(_words("laughed_off_after"), "laughed_off_after")
OUTBURST_STOPS = frozenset({"harm_myself"})
# Round 11: a partner strangling the writer is urgent even told as a habit
# ("he chokes me every night"): no habitual guard stops these rules.
HABIT_KEEPS = frozenset({"partner_strangling"})
LONG_RUNNING_STOPS = frozenset(
    {
        "weapon_held",
        "weapon_shown",
        "gunfire",
        "threat_to_kill",
        "missiles_at_traffic",
        "fight",
        "fight_now",
        "crime_happening",
        "damage_now",
        "theft_or_damage",
        "watching_crime",
        "trying_doors",
        "followed",
        "intruder",
        "outside_now",
        "panic",
    }
)


# Round 7: the sixth unseen set's false alarms, by family (_meant_otherwise).
# A joke marked after the event, with a pivot to the real question or an
# animal named (danger and crime only).
_LAUGH_AFTER = _compiled(_words("laugh_after"), "laugh_after")
_PIVOT = _compiled(_words("pivot"), "pivot")
# Not "bird(s)" here: in British slang a bird is a woman ("two birds
# fighting outside the pub, one's got a knife lol").
_ANIMAL = _compiled(r"\b(?!birds?\b)" + _words("animal"), "animal")
# An animal as the one who did it, just after the match: "violently mugged
# by a seagull" (the rules of ANIMAL_AFTER_STOPS).
_ANIMAL_AFTER = _compiled(
    r"^(?:\s+[\w']+){0,3}?\s+by\s+(?:a |an |the |some |this |that )?" + _words("animal"), "animal"
)
ANIMAL_AFTER_STOPS = frozenset(
    {"attack_in_progress", "injured_by_attack", "has_attacked", "being_hurt", "attacking"}
)
# A correction or anticlimax after the match ("Oh wait, it's the new 'art
# installation'"), nothing said of now after it (danger and crime).
_CORRECTION = _compiled(_words("correction"), "correction")
# Hyperbole owned after the match ("I'm being dramatic").
_DRAMATIC = _compiled(_words("dramatic"), "dramatic")
# A self-harm match whose clause, before it, speaks of the writer: the
# writer's own words are never read as hyperbole.
_FIRST_PERSON = _compiled(r"\b(?:i|i'm|im|i've|i'd|i'll|me|my|myself)\b", "dramatic")
# A weapon or threat as a figure: a hedge in the last three words before
# the match and what it is "with" or "over" after it ("basically got a
# knife to my throat with this rent rise").
_HEDGE = _compiled(_words("hedge") + r"(?:\s+[\w']+){0,3}\s*$", "hedge")
_HEDGE_OBJECT = _compiled(_words("hedge_object"), "hedge_object")
# A self-harm threat joked about as a habit, unless worry is said.
_JOKING_BEFORE = _compiled(r"(?<!not )(?<!never )" + _words("joking_before"), "joking_before")
_WORRIED = _compiled(_words("worried"), "worried")
# Fireworks compared with gunshots ("they sound just like gunshots").
# The fireworks themselves the subject ("they sound just like gunshots"),
# not a new noise ("now what sounds like gunshots", "bangs that sound like").
_LIKE_BEFORE = _compiled(
    r"\b(?:they|they're|it|it's|these|those|which|" + one_of(_cues("fireworks")) + r")"
    r"(?:\s+[\w']+){0,2}?\s+(?:sound|sounds|sounded|sounding|are|is|were|was)"
    r"(?:\s+(?:just|exactly|a bit|a lot|bit|really|so|very much))?\s+like\s+"
    r"(?:a\s+|the\s+|real\s+|proper\s+)*$",
    "fireworks",
)
_FIREWORKS = _compiled(_words("fireworks"), "fireworks")
_NOT_FIREWORKS = _compiled(_words("not_fireworks"), "not_fireworks")
COMPARED_STOPS = frozenset({"gunfire"})
# Round 8: a noise once taken for gunshots ("for the first week I honestly
# thought it was gunshots"), in a message naming its source (fireworks).
_BELIEVED_BEFORE = _compiled(
    _words("believed") + r"\s*(?:a\s+|the\s+|real\s+|proper\s+)*$", "believed"
)
# Round 8: "sounds like gunshots" with the subject left out, opening the
# clause, in a message telling a habit ("fireworks going off every night
# since Diwali, sounds like gunshots"; not "loud bangs on the estate,
# sounds like gunshots, could be fireworks").
_LIKE_OPENING = _compiled(
    r"^\s*(?:and\s+)?(?:sound|sounds|sounded|sounding)"
    r"(?:\s+(?:just|exactly|a bit|a lot|really|so))?\s+like\s+(?:a\s+|the\s+|real\s+|proper\s+)*$",
    "fireworks",
)
# Round 8: numbness with its numbing treatment named ("my face is numb"
# after the dentist): the medical rule's numb or drooping face only.
_NUMBING = _compiled(_words("numbing"), "numbing")
_NUMB_MATCH = _compiled(r"\b(?:numb|drooping|droopy|dropped)\b", "numbing")
NUMBING_STOPS = frozenset({"medical"})
# Round 8: a confused person's claim the writer denies ("she has dementia
# and nobody is").
_CONFUSED = _compiled(_words("confused"), "confused")
_DENIED = _compiled(_words("denied"), "denied")
# Round 8: captivity by a pastime, as a habit ("held hostage by the golf
# club again, third Saturday running").
_CAPTOR_THING = _compiled(r"^(?:\s+[\w']+){0,3}?\s+by\s+" + _words("captor_thing"), "captor_thing")
_AGAIN = _compiled(_words("again"), "again")
CAPTIVITY_STOPS = frozenset(
    {"being_hurt", "held_captive", "trapped_by_someone", "abduction", "snatched", "other_danger"}
)
# Round 8: the writer's own threat as a passing mood ("some days I honestly
# think I'll murder him").
_WISHFUL = _compiled(_words("wishful") + r"\s*$", "wishful")
WISHFUL_STOPS = frozenset({"threat_to_kill"})
# Round 8: a conditional hyperbole after a self-harm match ("going to die
# if the ice cream van plays greensleeves one more time").
# Only a wish to die ("going to die if ..."), never an act ("kill myself
# if ..."), and never a condition done to the writer ("if he does that to
# me one more time": once_more).
_ONCE_MORE = _compiled(r"^\s*" + _words("once_more"), "once_more")
ONCE_MORE_STOPS = frozenset({"want_to_die"})
# A shop closing, a retirement, a move: not a farewell to life.
_LEAVING = _compiled(_words("leaving_not_life"), "leaving_not_life")
FAREWELL_STOPS = frozenset({"farewell", "goodbye", "farewell_no_means"})


# Round 10 (the eighth set's rule false alarms, by family).
# A pet as the one taken ("my cat has been kidnapped by the neighbours"):
# the words just before a captivity match end with a pet and a verb of
# being, and the match is a word of taking.
_PET_TAKEN = _compiled(
    r"\b"
    + one_of(_cues("pet"))
    + r"(?:\s+(?:has|have|had|is|are|was|were|got|'s|'ve|been|being|just|now|"
    r"actually|literally|basically|officially|apparently|appears to|seems to|appear to|"
    r"seem to|to))*\s*$",
    "pet",
)
_TAKEN = _compiled(
    r"\b(?:kidnap\w*|abduct\w*|hostage|captive|snatched|stolen|nicked|taken|held|catnapped|dognapped)\b",
    "pet",
)
PET_STOPS = frozenset(
    {"injured_by_attack", "abduction", "snatched", "held_captive", "being_hurt", "other_danger",
     "trapped_by_someone", "children_taken"}
)  # fmt: skip
# A nuisance or an animal "killing" the writer or "trying to murder" them,
# in a message that tells it as a habit ("my neighbour's cockerel is trying
# to murder me. 4am every single day"): its subject within a few words
# before the verb, the writer its object.
_NUISANCE_AGENT = _compiled(
    r"\b(?:"
    + one_of(_cues("nuisance_agent"))
    + "|"
    + one_of(_cues("pet"))
    + r")(?:'s)?(?:\s+[\w']+){0,3}?\s+(?:is|are|'s|'re|keeps?|has been|have been|will|"
    r"going to|gonna|literally|actually|honestly|seriously|trying to|tries to|wants to|"
    r"out to|\s)*\s*"
    r"(?:kill\w*|murder\w*|finish\w* me off|do\w* me in|slowly killing)\s+(?:me|us)\b",
    "nuisance_agent",
)
NUISANCE_STOPS = frozenset({"threat_to_kill", "attack_in_progress", "being_hurt", "fear_for_life"})
# A joke taken back with a pivot to a serious question (danger and crime,
# not severe).
_SERIOUS_PIVOT = _compiled(_words("serious_pivot"), "serious_pivot")
# A rumour doubted, anywhere in a message that says nothing of now.
_RUMOUR_SOURCE = _compiled(_words("rumour_source"), "rumour_source")
_RUMOUR = _compiled(_words("rumour"), "rumour")
# Make-believe gore in the clause before a blood match ("fake bodies and
# blood all over his front garden for Halloween").
_FAKE = _compiled(_words("fake"), "fake")
DECOR_STOPS = frozenset({"blood", "medical", "found_still", "body_failing"})
# An unsecured building with a group getting in, asked about as whose job
# it is (crime rules only).
_UNSECURED = _compiled(_words("unsecured"), "unsecured")
_WHOSE_JOB = _compiled(_words("whose_job"), "whose_job")
_GROUP_IN = _compiled(_words("group_in"), "group_in")
UNSECURED_STOPS = frozenset(
    {"theft_or_damage", "break_in", "intruder", "damage_now", "crime_happening", "trying_doors"}
)
_ASKS_WHAT_TO_DO = _compiled(_words("asks_what_to_do"), "asks_what_to_do")
_WEAPON = _compiled(r"\b" + VOCABULARY.expand("{weapon}", "guards.py: weapon"), "weapon")


def _sentence_before(message: str, opening: str) -> str:
    """The sentence of a match up to the match's end: ``opening`` (the
    message up to the match's end) from its last sentence mark."""
    return opening[max(opening.rfind(mark) for mark in ".!?\n") + 1 :]


# An outcome said after a match, for engine.by_rules (``outcome_after``).
_OUTCOME = _compiled(_words("outcome"), "outcome")
_EARLIER = _compiled(_words("earlier"), "earlier")


_OUTCOME_CARED = _compiled(_words("outcome_cared"), "outcome_cared")
_UNSURE = _compiled(_words("unsure"), "unsure")
_LIVE_AFTER = _compiled(_words("live_after"), "live_after")
# Acts of self-harm: told as over only by medical care (outcome_cared).
ACT_RULES = frozenset(
    {"overdose", "pills_taken", "hanging", "cut_too_deep", "cut_wrists", "self_harm", "method"}
)


def _in_a_question(message: str, at: int) -> bool:
    """Whether the sentence around ``message[at]`` ends with "?"."""
    stops = [message.find(mark, at) for mark in ".!?\n"]
    found = min([stop for stop in stops if stop != -1], default=-1)
    return found != -1 and message[found] == "?"


def outcome_after(rule: Rule, message: str, start: int, end: int) -> int | None:
    """Round 10: where an outcome said after a match ends, when the match
    (``message[start:end]``, the whole normalised ``message``) is told as
    over by it, else None. Told as over: a time in the past in the match's
    sentence (``past``, ``past_day`` or ``earlier``: "last night", "three
    hours ago", "earlier", "I thought"), an outcome after the match
    (``outcome_cared``: "she's in hospital", "the paramedics came"; save
    for an act of self-harm (ACT_RULES) also ``outcome``: "is safe now",
    "the police talked him down", "he's staying with her and getting help";
    for a danger or crime match also an all-clear or help come:
    ``all_clear``, ``resolved``) in a sentence that is not a question, no
    doubt anywhere (``unsure``: "I don't know", "she isn't answering"), no
    one doing something after the outcome (``live_after``: "but he is
    banging on my door"), and
    no word for now in the message outside those phrases ("earlier
    tonight" is not one). The caller (engine.by_rules)
    still lets the match stand when the words after the outcome are urgent
    on their own ("he's safe now but his brother is still in the water")."""
    sentence_start = max(message.rfind(mark, 0, start) for mark in ".!?\n") + 1
    stops = [message.find(mark, end) for mark in ".!?\n"]
    sentence_end = min([found for found in stops if found != -1], default=len(message))
    sentence = message[sentence_start:sentence_end]
    if not (
        _PAST_CLEAR.search(sentence)
        or _PAST_DAY.search(sentence)
        or _EARLIER.search(sentence)
        # round 12: someone in authority dealt with it, itself told as past
        or (rule.concern is not Concern.SELF_HARM and _DEALT_WITH.search(message, end))
    ):
        return None
    if _UNSURE.search(message):
        return None
    signs = [_OUTCOME_CARED]
    if rule.name.partition(".")[2] not in ACT_RULES:
        signs.append(_OUTCOME)
    if rule.concern is not Concern.SELF_HARM:
        # round 12: "the police already came and sorted it" (dealt_with)
        signs += [ALL_CLEAR, _RESOLVED, _DEALT_WITH]
    told = [
        found
        for sign in signs
        for found in sign.finditer(message, end)
        if not _in_a_question(message, found.end())
    ]
    if not told:
        return None
    if _LIVE_AFTER.search(message, min(found.end() for found in told)):
        return None
    rest = _EARLIER.sub(" ", message)
    for sign in signs:
        rest = sign.sub(" ", rest)
    if _says_now(_SETTLED.sub(" ", rest)):
        return None
    return min(sign.end() for sign in told)


def _nothing_after(rest: str, start: int) -> bool:
    """Whether ``rest[start:]`` (what follows a laugh, a correction or owned
    hyperbole) says nothing of now and has no word any rule starts with
    ("oh wait, it's the guy from upstairs, he's got a knife": not over)."""
    tail = rest[start:]
    return not _says_now(tail) and ANY_RULE.search(tail) is None


def _meant_otherwise(rule: Rule, before: str, after: str, message: str, opening: str) -> str | None:
    """Round 7: the guard, if any, that says a match is not meant as it
    reads, from the whole normalised ``message`` (``opening``: the message
    up to the end of the match; ``before`` and ``after``: the clause on
    either side of it):

    - "joke": a danger or crime match, not severe, with a laugh after it
      (``laugh_after``: "lol", "ha!", "😂") and a pivot to the real
      question after it too (``pivot``: "actual question:", "serious q")
      or an animal named anywhere ("do police deal with seagulls");
    - "animal": an attack "by a seagull" (ANIMAL_AFTER_STOPS);
    - "corrected": a danger or crime match corrected after it
      (``correction``: "Oh wait, it's the new art installation", "then I
      remembered she's at her daughter's", "silly me") with nothing said
      of now after the correction;
    - "figurative": hyperbole owned after the match (``dramatic``: "I'm
      being dramatic"; for self-harm only when the clause before the match
      does not speak of the writer), or a weapon hedged before the match
      and tied after it to money or pressure (``hedge``, ``hedge_object``:
      "basically got a knife to my throat with this rent rise") in a
      message that says nothing of now;
    - "joke": a self-harm match after "keeps joking" in its clause
      (``joking_before``) in a message that says no worry (``worried``);
    - "compared": gunfire "like" gunshots in a message naming fireworks
      (``fireworks``), none doubted (``not_fireworks``) and no one harmed;
    - "leaving": a farewell in a message of a shop closing, a retirement
      or a move (``leaving_not_life``).
    A laugh, a correction or owned hyperbole counts only when nothing after
    it says now or has a rule's words (``_nothing_after``). None when
    nothing of these is said."""
    name = rule.name.partition(".")[2]
    rest = message[len(opening) :]
    if rule.concern is Concern.SELF_HARM:
        dramatic = _DRAMATIC.search(rest)
        if dramatic and _nothing_after(rest, dramatic.end()) and not _FIRST_PERSON.search(before):
            return "figurative"
        if _JOKING_BEFORE.search(before) and not _WORRIED.search(message):
            return "joke"
        if name in FAREWELL_STOPS and _LEAVING.search(message):
            return "leaving"
        if (
            name in OUTBURST_STOPS
            and _OUTBURST.search(message)
            and _LAUGHED_OFF_AFTER.search(message, len(opening))
            and not _DISTRESS_AFTER.search(_LAUGHED_OFF_AFTER.sub(" ", rest).replace(" now", " "))
        ):
            return "joke"  # round 11: a child's outburst, laughed off after
        if (
            name in ONCE_MORE_STOPS
            and _ONCE_MORE.search(after)
            and not _PERSON_HARMED.search(message)
        ):
            return "figurative"  # round 8
        return None
    laugh = _LAUGH_AFTER.search(rest)
    if (
        laugh
        and not rule.severe
        and _nothing_after(rest, laugh.end())
        and (_PIVOT.search(rest) or _ANIMAL.search(message))
        # round 10: not when someone is hurt or threatened after it
        and not _PERSON_HARMED.search(rest)
    ):
        return "joke"
    if name in ANIMAL_AFTER_STOPS and _ANIMAL_AFTER.search(after):
        return "animal"
    corrected = _CORRECTION.search(rest)
    if corrected and _nothing_after(rest, corrected.end()):
        return "corrected"
    dramatic = _DRAMATIC.search(rest)
    if dramatic and _nothing_after(rest, dramatic.end()):
        return "figurative"
    if _HEDGE.search(before) and _HEDGE_OBJECT.search(after) and not _says_now(message):
        return "figurative"
    pivot = _SERIOUS_PIVOT.search(rest)
    if (
        pivot
        and not rule.severe
        and _nothing_after(rest, pivot.end())
        and not _ASKS_WHAT_TO_DO.search(rest, pivot.end())
        and not _WEAPON.search(message)
        and not _PERSON_HARMED.search(message)
    ):
        return "joke"  # round 10: "... send backup. Seriously though, ...?"
    if (
        name in COMPARED_STOPS
        and (
            _LIKE_BEFORE.search(before)
            or (_LIKE_OPENING.search(before) and _HABITUAL_CLEAR.search(message))
            or _BELIEVED_BEFORE.search(before)
        )
        and _FIREWORKS.search(message)
        and not _NOT_FIREWORKS.search(message)
        and not _PERSON_HARMED.search(message)
    ):
        return "compared"
    return None


def _said_otherwise(
    rule: Rule, before: str, match: str, after: str, message: str, opening: str = ""
) -> str | None:
    """Round 8: the seventh unseen set's rule false alarms, by family: the
    guard, if any, that says a danger or crime match (``match``, the words
    matched; ``before`` and ``after``: the clause on either side of it; in
    the whole normalised ``message``) is not meant as it reads:

    - "explained": a numb or drooping face (the medical rule) in a message
      naming a numbing treatment (``numbing``: "the dentist ... my face is
      numb");
    - "corrected": a claim made by someone confused (``confused``:
      "dementia") that the writer denies (``denied``: "nobody is."), the
      rule not severe;
    - "joke": captivity by a pastime or an institution just after the
      match (``captor_thing``: "held hostage by the golf club") in a
      message that tells it as a habit (``again``: "third Saturday
      running");
    - "idiom": the writer's own threat as a passing mood, in the words just
      before the match (``wishful``: "some days I honestly think I'll
      murder him").
    None when nothing of these is said."""
    name = rule.name.partition(".")[2]
    if name in NUMBING_STOPS and _NUMB_MATCH.search(match) and _NUMBING.search(message):
        return "explained"
    if not rule.severe and _CONFUSED.search(message) and _DENIED.search(message):
        return "corrected"
    if name in CAPTIVITY_STOPS and _CAPTOR_THING.search(after) and _AGAIN.search(message):
        return "joke"
    if name in WISHFUL_STOPS and _WISHFUL.search(before):
        return "idiom"
    if (
        name in PET_STOPS
        and _PET_TAKEN.search(before)
        and _TAKEN.search(match)
        and ANY_RULE.search(message, len(opening)) is None
        and not _PERSON_HARMED.search(message)
    ):
        return "pet"  # round 10: nothing after it has a rule's words, no one hurt
    if (
        name in NUISANCE_STOPS
        and _NUISANCE_AGENT.search(before + match)
        and (_AGAIN.search(message) or _HABITUAL_CLEAR.search(message))
        and not _says_now(message)
        and not _PERSON_HARMED.search(message)
    ):
        return "idiom"  # round 10
    if (
        name in DECOR_STOPS
        and _FAKE.search(_sentence_before(message, opening))
        and not _says_now(message)
        and not _PERSON_HARMED.search(message)
    ):
        return "not_real"  # round 10
    return None


# Round 12 (the tenth set's rule false alarms, by family; _round12).
_DEALT_WITH = _compiled(_words("dealt_with"), "dealt_with")
_CHILD_GAME = _compiled(_words("child_game"), "child_game")
# The game-speech rules, and the cries and captivity a chasing game shouts.
CHILD_GAME_STOPS = GAME_SPEECH_STOPS | {"cry_for_help", "other_danger", "held_captive", "abduction"}
_KIN_CAPTOR = _compiled(_words("kin_captor"), "kin_captor")
_BY_KIN = _compiled(
    r"^(?:\s+[\w']+){0,3}?\s+by\s+(?:" + _KIN_CAPTOR.pattern + "|" + _words("captor_thing") + ")",
    "kin_captor",
)
_KIN_BEFORE = _compiled(
    _KIN_CAPTOR.pattern + r"(?:\s+(?:has|have|had|'s|'ve|just|only|gone and|went and))*\s*$",
    "kin_captor",
)
_LEISURE_STAY = _compiled(_words("leisure_stay"), "leisure_stay")
_DISPUTE = _compiled(_words("dispute"), "dispute")
_PROTOCOL = _compiled(_words("protocol"), "protocol")
_FAMILY_MISHAP = _compiled(_words("family_mishap"), "family_mishap")
_SCORE = _compiled(_words("score"), "score")
_KILLING_US = _compiled(r"\b(?:kill\w*|murder\w*|slaughter\w*) (?:me|us)\b", "score")
_AFTERMATH = _compiled(_words("aftermath"), "aftermath")
_BLOOD_ON_THING = _compiled(_words("blood_on_thing"), "blood_on_thing")
_FOUND_OBJECT = _compiled(_words("found_object"), "found_object")
_SOMEONE = _compiled(
    r"\b(?:man|woman|men|women|lad|lads|girl|boy|child|kid|kids|person|people|someone|somebody|"
    r"bloke|guy|he|she|him|her|they|them|baby|toddler|lady|gentleman|neighbour|body)\b",
    "found_object",
)
FOUND_STOPS = frozenset({"fallen", "medical"})
# A found firearm or explosive stays urgent, whatever it was found in.
_FIREARM = _compiled(
    r"\b(?:guns?|pistols?|revolvers?|rifles?|shotguns?|firearms?|ammo|ammunition|bullets|"
    r"grenades?|explosives?|bombs?)\b",
    "found_object",
)
AFTERMATH_STOPS = frozenset(
    {
        "blood", "other_danger", "injured_by_attack", "has_attacked", "stabbed_slang", "fight_now",
        "weapon_injury",
    }
)  # fmt: skip


def _round12(
    rule: Rule, before: str, match: str, after: str, message: str, opening: str
) -> str | None:
    """Round 12: the tenth unseen set's rule false alarms, by family: the
    guard, if any, that says a danger or crime match (``match``, the words
    matched; ``before`` and ``after``: the clause on either side of it; in
    the whole normalised ``message``, ``opening`` the message up to the
    match's end) is not about now:

    - "joke": taken "by" family or a pastime for a stay of leisure
      (``kin_captor``, ``captor_thing``, ``leisure_stay``: "the wean's been
      kidnapped by her granny for the weekend. peace at last"), or by
      family named as the taker before it, with no dispute (``dispute``:
      "not allowed", "court", "police"), nobody hurt and nothing of now;
    - "general_question": a job's protocol asked about in the clause up to
      the match (``protocol``: "what's the protocol for handing over a
      lost child"), with no word for now in the message;
    - "idiom": a team or a match "killing" the writer, with a score or a
      loss in the message (``score``, ``sport_report``: "United are killing
      me, 3-0 down"), no weapon and nobody hurt;
    - "aftermath": blood on a thing, not a person (``blood_on_thing``: "blood on
      the door"), or an incident told "earlier" (``earlier``), in a message
      of its aftermath (``aftermath``: "who cleans this up?", "police tape
      everywhere now") or (blood) of a time in the past or an all-clear,
      with no word for now outside the aftermath's phrases, nobody hurt
      and no doubt (``unsure``: "she isn't answering");
    - "object": something found lying that is a thing, not a person
      (``found_object``: "Found a kitchen knife lying in the hedge"), with
      no one named after it in the clause, no firearm or explosive named in
      the message, nobody hurt and nothing of now.
    None when nothing of these is said."""
    name = rule.name.partition(".")[2]
    harmed = _PERSON_HARMED.search(message) is not None
    if (
        name in PET_STOPS
        and _TAKEN.search(match)
        and (_BY_KIN.search(after) or _KIN_BEFORE.search(before))
        and _LEISURE_STAY.search(message)
        and not _DISPUTE.search(message)
        and not harmed
        and not _says_now(message)
    ):
        return "joke"
    if (
        _PROTOCOL.search(before + match)
        and not _says_now(message)
        and not _live_attached(message, opening)  # 29-fa2: "..., my husband just did"
    ):
        return "general_question"
    if (
        _KILLING_US.search(match + after)
        and (_SCORE.search(message) or _SPORT_REPORT.search(message))
        and not _WEAPON.search(message)
        and not harmed
    ):
        return "idiom"
    if (
        name in AFTERMATH_STOPS
        and not harmed
        and not _UNSURE.search(message)
        and not _says_now(_AFTERMATH.sub(" ", message))
    ):
        sentence = _sentence_before(message, opening) + after
        on_thing = name == "blood" and _BLOOD_ON_THING.search(match + after) is not None
        told_past = bool(
            _PAST_CLEAR.search(message)
            or _PAST_DAY.search(message)
            or ALL_CLEAR.search(message)
            or _AFTERMATH.search(message)
        )
        if on_thing and told_past:
            return "aftermath"
        if _EARLIER.search(sentence) and _AFTERMATH.search(message):
            return "aftermath"
    if (
        name in FOUND_STOPS
        and _FOUND_OBJECT.search(_sentence_before(message, opening))
        and not _SOMEONE.search(after)
        and not _FIREARM.search(message)
        and not harmed
        and not _says_now(message)
    ):
        return "object"
    return None


_BEATEN_WORD = _compiled(_words("beaten_word"), "beaten_word")
_SPORT_WORD = _compiled(_words("sport_word"), "sport_word")
_PERSON_BEATEN = _compiled(_words("person_beaten"), "person_beaten")
_BRAWL = _compiled(_words("brawl"), "brawl")


def _round13(rule: Rule, before: str, match: str, message: str) -> str | None:
    """Round 13: the eleventh unseen set's rule false alarm of a team
    beaten: "idiom" when a danger match (``match``, the words matched;
    ``before``: the clause before it; in the whole normalised ``message``)
    is a beating (``beaten_word``: "got battered") with sport named in the
    message (``sport_word``: "match", "the league", "3-0"), no person named
    before it in the clause (``person_beaten``: "a fan", "my son", "he"),
    no fight (``brawl``), weapon or hurt and nothing of now ("Wolves got
    battered again. Anyway is the road by Molineux closed for Saturday's
    match?"). None otherwise."""
    if (
        rule.concern is Concern.DANGER
        and _BEATEN_WORD.search(match)
        and _SPORT_WORD.search(message)
        and not _PERSON_BEATEN.search(before)
        and not _BRAWL.search(message)
        and not _WEAPON.search(message)
        and not _PERSON_HARMED.search(message)
        and not _says_now(message)
    ):
        return "idiom"
    return None


_STILL_A_THING = _compiled(_words("still_a_thing"), "still_a_thing")
_ALARM_BATTERY = _compiled(_words("alarm_battery"), "alarm_battery")
_FIRE_OR_TROUBLE = _compiled(_words("fire_or_trouble"), "fire_or_trouble")
_THOUGHT_FOLLOWING = _compiled(r"\b" + one_of(_cues("thought_following")), "thought_following")
_SMOKE_ALARM = _compiled(r"\b(?:smoke|fire|co|carbon monoxide) alarms?\b", "smoke_alarm")


def _round14(rule: Rule, before: str, clause: str, message: str) -> str | None:
    """Round 14: false alarms over every readable file, for a danger or
    crime match (``before``: its clause up to the match; ``clause``: the
    whole clause; ``message``: the whole normalised message), with nothing
    said of now in the message:

    - "general_question" when the clause asks whether a kind of crime is
      "still a thing" (``still_a_thing``: "is acid attack still a big thing
      or was that just like 2017");
    - "explained" when a smoke or CO alarm is named and the message gives
      its battery (``alarm_battery``: "beeping for three days, low battery
      i think") and no sign of a fire or of anyone in trouble
      (``fire_or_trouble``: smoke coming, a smell of burning, not
      answering, inside);
    - "corrected" when the writer is the one others think is following
      them (``thought_following`` just before a following match: "people
      think I am following them because I look at house numbers").

    None otherwise."""
    if rule.concern is Concern.SELF_HARM or _says_now(_STILL_A_THING.sub(" ", message)):
        return None
    if _STILL_A_THING.search(clause):
        return "general_question"
    if _says_now(message):
        return None
    if (
        _SMOKE_ALARM.search(message)
        and _ALARM_BATTERY.search(message)
        and not _FIRE_OR_TROUBLE.search(message)
    ):
        return "explained"
    if rule.name == "crime_in_progress.followed" and _THOUGHT_FOLLOWING.search(before):
        return "corrected"
    return None


_FOUND_OUT = _compiled(r"\W*" + _words("found_out"), "found_out")
_WRITER_DEED = _compiled(_words("writer_deed"), "writer_deed")
_HELP_SOUGHT = _compiled(_words("help_sought"), "help_sought")
_HARM_DENIED = _compiled(_words("harm_denied"), "harm_denied")
_HARM_MORE = _compiled(_words("harm_more"), "harm_more")
_WRITER_SUBJECT = _compiled(r"\b" + one_of(_cues("writer_subject")), "writer_subject")
_VENT_NUISANCE = _compiled(_words("vent_nuisance"), "vent_nuisance")
_VENT_ASKED = _compiled(_words("vent_asked"), "vent_asked")
_FOUND_SAFE = _compiled(_words("found_safe"), "found_safe")
_NOT_FOUND = _compiled(_words("not_found"), "not_found")
# The threat's object: the writer ("kill me", "murder us").
_AT_WRITER = _compiled(r"\b(?:me|us)\s*$", "at_writer")


def _harmed(message: str) -> bool:
    """Round 15: whether the normalised ``message`` tells of a weapon or of
    a person hurt (``person_harmed``, ``harm_more``: "he's already broken
    my arm"), once the harm it denies is taken out (``harm_denied``: "no
    one else hurt")."""
    rest = _HARM_DENIED.sub(" ", message)
    return bool(_WEAPON.search(rest) or _PERSON_HARMED.search(rest) or _HARM_MORE.search(rest))


def _round15(rule: Rule, before: str, match: str, message: str, opening: str) -> str | None:
    """Round 15: the twelfth set's rule false alarms, by concept, for a
    danger or crime match (``before``: its clause up to the match;
    ``match``: the words matched; ``message``: the whole normalised message;
    ``opening``: the message up to the match's end), never when the message
    tells of a weapon or a person hurt (``_harmed``) or says now:

    - "mishap": a threat to kill the writer ("me", "us") made conditional,
      straight after it, on someone finding out (``found_out``: "when he
      sees", "wen she finds oot") in a message telling the writer's own
      deed or the damage (``writer_deed``: "I backed it into the wall",
      "the phone bill") and no help sought nor an abuser's signs
      (``help_sought``: "when he finds out I told the police", "I've
      moved", "he hits me"): "my da will kill me when he sees the car";
    - "idiom": the writer as the one who will "kill" (``writer_subject``
      just before the match: "I'm going to murder them mun") in a message
      of a nuisance (``vent_nuisance``: parked across the drive, bins,
      music) asked about as whose job it is (``vent_asked``: "who do I
      ring, the council or yous?");
    - "outcome": a missing person's match (STILL_MISSING_RULES) in a message
      saying they were found or are home (``found_safe``: "my cousin found
      her in the Co-op", "brought him back safe n sound", once its denials,
      ``not_found``, are taken out) and not that they are still missing.

    None otherwise."""
    name = rule.name.partition(".")[2]
    if rule.concern is Concern.SELF_HARM or _harmed(message):
        return None
    if name in STILL_MISSING_RULES:
        rest = _NOT_FOUND.sub(" ", message)
        if (
            _FOUND_SAFE.search(rest)
            and not _STILL_MISSING.search(message)
            and not _says_now(_FOUND_SAFE.sub(" ", rest))
        ):
            return "outcome"
        return None
    if name != "threat_to_kill" or _says_now(message):
        return None
    if (
        _AT_WRITER.search(match)
        and _FOUND_OUT.match(message, len(opening))
        and _WRITER_DEED.search(message)
        and not _HELP_SOUGHT.search(message)
    ):
        return "mishap"
    if (
        _WRITER_SUBJECT.search(before)
        and not _AT_WRITER.search(match)
        and _VENT_NUISANCE.search(message)
        and _VENT_ASKED.search(message)
        and not _HELP_SOUGHT.search(message)
    ):
        return "idiom"
    return None


# "she's still here", "he won't leave" (vocabulary.yaml's still_here): with a
# severe match asked about, the message is not a question in general.
_STILL_HERE = _compiled(
    r"\b" + VOCABULARY.expand("{still_here}", "guards.py: still_here"), "still_here"
)


def _not_now_by_message(rule: Rule, message: str, opening: str) -> str | None:
    """Round 5: the guard, if any, that the whole normalised ``message``
    gives a danger or crime match that ends where ``opening`` ends, when
    nothing in it says now: a game's shouting ("not_real", for
    GAME_SPEECH_STOPS), a study question ("general_question"), a story set
    in a past year ("past"), "joking" after the match ("joke"), going on for
    years ("habitual", for LONG_RUNNING_STOPS); and, even when the message
    says now, a threat to kill the writer discounts ("he's all talk":
    "joke")."""
    name = rule.name.partition(".")[2]
    if name == "threat_to_kill" and _DISCOUNTED.search(message):
        return "joke"
    if _says_now(_LONG_RUNNING.sub(" ", message)):
        return None
    if name in GAME_SPEECH_STOPS and _MAKE_BELIEVE.search(message) and _GAME_SPEECH.search(message):
        return "not_real"
    if (
        name in CHILD_GAME_STOPS
        and _CHILD_GAME.search(message)
        and _GAME_SPEECH.search(message)
        and not _PERSON_HARMED.search(message)
    ):
        return (
            "not_real"  # round 12: "playing cops and robbers ... screamed help im being kidnapped"
        )
    if _STUDY.search(message) and "?" in message:
        return "general_question"
    if _JUST_ASKING.search(message) and "?" in message:
        return "general_question"  # round 6: "Purely asking, ... came up in the pub"
    if name in HABIT_BY_MESSAGE_STOPS and _HABITUAL_CLEAR.search(message):
        return "habitual"  # round 6: a threat said "every day"
    if _STORY_YEAR.search(message):
        return "past"
    if (
        name in UNSECURED_STOPS
        and _GROUP_IN.search(_sentence_before(message, opening))
        and _UNSECURED.search(message)
        and _WHOSE_JOB.search(message)
        and not _PERSON_HARMED.search(message)
    ):
        return "unsecured"  # round 10: "... Kids are climbing in. Who deals with that?"
    if (
        _RUMOUR_SOURCE.search(message)
        and _RUMOUR.search(message)
        and not _KNOWN_SENDER.search(message)
        and not _UNSURE.search(message)
        and not _PERSON_HARMED.search(message)
    ):
        return "rumour"  # round 10: "People on the Facebook group are saying ... is it true?"
    if _JOKING_AFTER.search(message, len(opening)):
        return "joke"
    if name in LONG_RUNNING_STOPS and _LONG_RUNNING.search(message):
        return "habitual"
    return None


# Round 14 (speed): the guards ask this of the same message again and again
# (a match's every guard, every match); the last few answers are kept.
@hold
@lru_cache(maxsize=16)
def _says_now(message: str) -> bool:
    """Whether the message has a word for now ("now", "tonight", "right
    now", ...) outside its all-clear and resolved phrases ("it's all calm
    now", "she's fine now") and its questions of what to do next ("what
    should I do now?", ``now_asked``)."""
    rest = _NOW_ASKED.sub(" ", _RESOLVED.sub(" ", ALL_CLEAR.sub(" ", message)))
    return NOW.search(rest) is not None or _PLEA.search(rest) is not None


def says_now(message: str) -> bool:
    """Round 16: ``_says_now`` for the framing reader (``framing.py``)."""
    return _says_now(message)


# Round 8: an outcome said, no danger now, a warning to others, "one day",
# a chain message (``settled``): the model must be sure.
_SETTLED = _compiled(_words("settled"), "settled")
# Round 19: someone known on the way over, the message's last words
# (``visit``): the model must be sure.
_VISIT = _compiled(_words("visit"), "visit")
# Round 19: a water word naming a place (``named_place``).
_NAMED_PLACE = _compiled(_words("named_place"), "named_place")
# Round 10: asked whether it is a scam (``asked_if_scam``), with no word for now.
_ASKED_IF_SCAM = _compiled(_words("asked_if_scam"), "asked_if_scam")


def resolved(message: str) -> bool:
    """Whether the normalised message says help came or the person
    recovered (``resolved``: "he pulled through", "the ambulance came") and
    has no other word for now (round 8: the "now" of a ``settled`` phrase,
    "he's gone now", "not in any danger right now", is not one): a
    model-only alarm is then silenced (engine.model_says), as by ALL_CLEAR."""
    return _RESOLVED.search(message) is not None and not _says_now(_SETTLED.sub(" ", message))


# A sentence and the mark that ends it; contiguous matches, so one pass.
_SENTENCE = re.compile(r"[^.!?\n]*[.!?\n]?")


def asks_in_general(message: str) -> bool:
    """Whether the normalised message asks a question that supposes or asks
    in general (a hypothetical or general_question cue in a sentence ending
    with "?": "what's the right thing to do if a customer's leaving to
    drive ...?", "who do I talk to about ...?"; not "he does not answer
    when I call") and has no word for now: the model must then be sure
    (engine.model_says)."""
    asked = any(
        _HYPOTHETICAL.search(question) or _GENERAL.search(question)
        for question in (found.group() for found in _SENTENCE.finditer(message))
        if question.endswith("?")
    )
    return asked and not _says_now(message)


def not_real_in(message: str) -> bool:
    """Whether the normalised message speaks anywhere of a computer game, a
    film or a make-believe shoot-out (``make_believe``: "my daughter assures
    me it is a computer game") or reports a sports match (``sport_report``);
    not merely of a sport ("I run the youth football ... a group are waiting
    for him at the gates with blades"): the model must then be sure
    (engine.model_says)."""
    return bool(_MAKE_BELIEVE.search(message) or _SPORT_REPORT.search(message))


def settled_in(message: str) -> bool:
    """Whether the normalised message says how it ended ("it was kids
    playing", "it is just a fox", "he's gone now", "all good"), that the
    writer is in no danger now, warns others ("just warning everyone", "I
    hung up"), fears what will happen "one day", or passes on a chain
    message or hoax (``settled``); round 10: a fire put out, someone not
    there now but back another day, the person asked about in view doing
    something everyday, "if he did, would ...?", or asks whether something
    is a scam with no word for now (``asked_if_scam``): the model must then
    be sure (engine.model_says). Stops no rule."""
    if _SETTLED.search(message) is not None or _VISIT.search(message) is not None:
        return True
    return _ASKED_IF_SCAM.search(message) is not None and not _says_now(message)


def names_a_place(message: str) -> bool:
    """Round 19: whether the normalised message has a water word naming a
    place (``named_place``: "the harbour car park", "the reservoir car
    park") and no word for now: a car left there is no one in the water, and
    the model must then be sure (engine.model_says). Stops no rule."""
    return _NAMED_PLACE.search(message) is not None and not _says_now(message)


def idiom_in(message: str) -> bool:
    """Whether the normalised message has an idiom made of a rule's words
    anywhere (``idiom_phrase``: "i'll end up killing my brother", "on fire
    this week"), or a family member "going to murder me" in a message with
    a mishap (round 5: "nan's going to murder me, I've lost her bus pass"):
    the model must then be sure (engine.model_says)."""
    if _IDIOM_PHRASE.search(message) is not None:
        return True
    return bool(_FAMILY_IDIOM.search(message) and _MISHAP.search(message))


def told_long_ago(message: str) -> bool:
    """Whether the normalised message tells of the distant past ("years
    back", "in 91", "last year") or sets its story in a past year (round 5,
    ``story_year``: "So it's 2019, I'm walking home ...") and says nothing
    of now: the model must then be sure (engine.model_says)."""
    told = _DISTANT_PAST.search(message) or _STORY_YEAR.search(message)
    return told is not None and not _says_now(message)


# Round 10: someone close to the writer posting of their own self-harm:
# social media in the clause is then no hearsay for a self-harm rule, but a
# farewell's (FAREWELL_STOPS: "posted on Facebook this is the end, but it was
# about his football team").
_KNOWN_POSTER = _compiled(_words("known_poster"), "known_poster")
# Round 16: self-harm rules whose match is itself someone's post or message
# (``farewell_unsaid``: "posted on Facebook a photo of the bridge with 'look
# after my boys' ... turned his location off"): social media in the clause
# is the medium, not hearsay.
TOLD_AS_WORDS = frozenset({"farewell_unsaid"})
# ... and someone close as the source of a message: no rumour (round 10).
_KNOWN_SENDER = _compiled(_words("known_sender"), "known_sender")
# Round 10: a person missing since a past time and still missing.
_STILL_MISSING = _compiled(_words("still_missing"), "still_missing")
_FOUND = _compiled(_words("found"), "found")
STILL_MISSING_RULES = frozenset({"child_missing_or_alone", "vulnerable_missing", "child_gone"})


def _still_missing(rule: Rule, message: str) -> bool:
    """Round 10: whether a missing rule's match is still about now though
    told in the past: the normalised ``message`` says the person is still
    missing (``still_missing``: "still no sign of him", "has not been seen
    since", "police are still searching"), not that they were found
    (``found``), and tells of no distant past ("last year")."""
    return (
        rule.name.partition(".")[2] in STILL_MISSING_RULES
        and _STILL_MISSING.search(message) is not None
        # round 15: "hasn't been found" is no finding
        and _FOUND.search(_NOT_FOUND.sub(" ", message)) is None
        and _DISTANT_PAST.search(message) is None
    )


def _told_as_over(rule: Rule, clause: str, opening: str, message: str) -> bool:
    """Whether the whole message tells the match as over: its clause has no
    verb in the present, the message says nothing of now ("now", "tonight",
    "right now", once the resolved phrases are taken out), and either a time
    in the past comes before the match (``opening``: the message up to the
    end of the match; for a severe rule a clear past only, not "there was")
    or the message says it is over or help came (``all_clear``,
    ``resolved``). A day named bare before the match counts as a time in
    the past here (``past_day``: "at 4am sunday and a lad pulled a knife on
    me"), never elsewhere."""
    if _PRESENT.search(clause) or _says_now(message):
        return False
    return bool(
        (_PAST_CLEAR if rule.severe else _PAST).search(opening)
        or _PAST_DAY.search(opening)
        or ALL_CLEAR.search(message)
        or _RESOLVED.search(message)
    )


def _supposed_in_sentence(message: str, opening: str) -> bool:
    """Round 6: whether the sentence of the match (the message up to its
    end is ``opening``) is a question (ends with "?") that supposes before
    the match ends (``hypothetical``: "If my dad, who has dementia, went
    missing, how quickly would you start looking?": the commas cut the
    clause) and the message says nothing of now."""
    start = max(opening.rfind(mark) for mark in ".!?\n") + 1
    end = len(message)
    for mark in ".!?\n":
        found = message.find(mark, len(opening))
        if found != -1:
            end = min(end, found)
    return (
        message[end : end + 1] == "?"
        and _HYPOTHETICAL.search(opening[start:]) is not None
        and not _says_now(message)
        and not _live_attached(message, opening)  # 29-fa2: "...?? my son has just come in bleeding"
    )


# Round 12 (29-fa2): a live event attached after a question asked in
# general: an echo of its event cut short at the end of its clause
# (``live_echo``: "my husband just did") or a live event told of a person
# (``live_event``: "mine's been gone 2 hours", "she's doing it now").
_LIVE_ECHO = _compiled(
    _words("live_echo") + r"(?=\s*(?:[.,!?;:]|$)|\s+(?:and|but|so|please|help|what|how)\b)",
    "live_echo",
)
_LIVE_EVENT = _compiled(_words("live_event"), "live_event")


def _live_attached(message: str, opening: str) -> bool:
    """Round 12 (29-fa2): whether the normalised ``message``, after the
    match (``opening`` is the message up to its end), attaches a live event
    to a question asked in general or a hypothetical: "what is the
    procedure when someone collapses and isn't breathing, my husband just
    did", "how long should you wait when a kid goes missing, mine's been
    gone 2 hours and it's dark", "she's doing it now" (not "he's in his bed
    now" nor "not happening right now"). The phrases of an all-clear, help
    come or "what now?" are taken out first ("my wife is fine now"). When
    True, the hypothetical does not stop the match. "my husband just
    asked" or "it happened to my brother last year" attach nothing, nor
    an echo after a second question ("who is responsible? my husband
    is")."""
    tail = _NOW_ASKED.sub(" ", _RESOLVED.sub(" ", ALL_CLEAR.sub(" ", message[len(opening) :])))
    if _LIVE_EVENT.search(tail):
        return True
    return any(_echoes_the_match(tail[: echo.start()]) for echo in _LIVE_ECHO.finditer(tail))


def _echoes_the_match(between: str) -> bool:
    """Whether an echo after ``between`` (the normalised words from the
    match's end to the echo) answers the match's own question: no question
    mark between, or only the marks that end the match's own clause ("...
    is choking? my baby is"), not a second question ("..., who is
    responsible? my husband is")."""
    asked = between.find("?")
    if asked == -1:
        return True
    return CLAUSE_BREAK.search(between, 0, asked) is None and "?" not in between[asked:].lstrip("?")


# Round 11: a family member as the one "killed" ("im gonna kill our kid,
# he's eaten the last stottie"): right after the verb, in a message with a
# mishap (idiom_family, mishap).
_FAMILY_OBJECT = re.compile(
    r"\w*\s+(?:our|me|my) (?:little |big |younger |older |kid )?"
    r"(?:kid|bro|sis|lass|son|daughter|" + one_of(_cues("idiom_family")) + r")\b"
)


def _idiom(upto: str, start: int, message: str, after: str = "") -> str | None:
    """The idiom guard, if the match at ``upto[start:]`` is an idiom: one of
    idiom_verb in it, the words before that verb ending with one of
    idiom_subject (the subject may be inside the match: "my neighbour's
    extension is killing me" matches from "'s"): "idiom"; or with a family
    member, before the verb or (round 11) just after it, in a message with
    a mishap ("wife is going to kill me, left my wallet on the train", "im
    gonna kill our kid, he's eaten the last stottie"; round 12, ``family_mishap``:
    "he's left the gate open again") and no weapon or anyone hurt:
    "mishap", which the model never overrules (engine.MODEL_DEFERS_TO)."""
    verb = _IDIOM_VERB.search(upto, start)
    if verb is None:
        return None
    lead = upto[: verb.start()]
    if _IDIOM_SUBJECT.search(lead):
        return "idiom"
    if (
        (_IDIOM_FAMILY.search(lead) or _FAMILY_OBJECT.match(upto + after, verb.end()))
        and (_MISHAP.search(message) or _FAMILY_MISHAP.search(message))
        # round 12: a weapon or someone hurt is no mishap's joke; round 15:
        # nor "he's already broken my arm" (harm_more), while "no one else
        # hurt" is none (harm_denied)
        and not _harmed(message)
    ):
        return "mishap"
    return None


def guard(
    rule: Rule,
    before: str,
    upto: str,
    clause: str,
    after: str,
    asked: bool,
    message: str = "",
    opening: str = "",
) -> str | None:
    """The name of the guard that stops this match, or None if it stands.

    ``before`` is the clause up to the match, ``upto`` up to its end (a match
    may start with "is" and carry the question: "is it worth reporting someone
    trying car doors"), ``clause`` the whole clause, ``after`` the rest of the
    clause after the match; ``asked`` if the clause ends with a question mark.

    A severe rule (``Rule.severe``: a weapon injury, not breathing, people
    in a fire, ...) is stopped only by clear evidence: not by "I heard",
    "there was" or "a lot of", which stop the others.

    ``message`` is the whole normalised message: a self-harm rule of
    thoughts (``REASSURED_STOPS``) is stopped when the writer says anywhere
    in it that they are safe (``reassured``: "I'm not going to do
    anything"). ``opening`` is the message up to the end of the match: a
    danger or crime rule is stopped as ``past`` when the message tells it
    as over (``_told_as_over``: a past time before it or help come, and
    nothing said of now, its clause not in the present)."""
    if _NEGATED.search(before):
        return "negated"
    if RIGHT_NOW.search(clause):
        return None
    # round 14: the "still" of "is acid attack still a big thing" is no now
    if _NOW_AFTER.search(after) and not _STILL_A_THING.search(clause):
        return None
    supposed = _HYPOTHETICAL.search(upto) is not None
    if (supposed or _GENERAL.search(upto)) and not (message and _live_attached(message, opening)):
        return "hypothetical" if supposed else "general_question"
    if (_HEARSAY_CLEAR if rule.severe else _HEARSAY).search(upto) and not (
        rule.concern is Concern.SELF_HARM
        and (
            rule.name.partition(".")[2] in TOLD_AS_WORDS
            or (rule.name.partition(".")[2] not in FAREWELL_STOPS and _KNOWN_POSTER.search(before))
        )
    ):
        return "hearsay"
    meant = _meant_otherwise(rule, before, after, message, opening) if message else None
    if meant is not None:
        return meant
    if message and rule.concern is not Concern.SELF_HARM:
        said = _said_otherwise(rule, before, upto[len(before) :], after, message, opening)
        if said is not None:
            return said
        told = _round12(rule, before, upto[len(before) :], after, message, opening)
        if told is not None:
            return told
        beaten = _round13(rule, before, upto[len(before) :], message)
        if beaten is not None:
            return beaten
        told = _round14(rule, before, clause, message)
        if told is not None:
            return told
        told = _round15(rule, before, upto[len(before) :], message, opening)
        if told is not None:
            return told
    if rule.concern is Concern.SELF_HARM:
        thought = rule.name.partition(".")[2] in REASSURED_STOPS
        if thought and not rule.severe and _REASSURED.search(message):
            return "reassured"
        if _DISTANT_PAST.search(clause):
            return "past"
        if _NOT_REAL.search(clause):
            return "not_real"
        return "joke" if _laughed_off(clause, after, message, opening) else None
    still_missing = message != "" and _still_missing(rule, message)
    if not still_missing and (_PAST_CLEAR if rule.severe else _PAST).search(clause):
        return "past"
    by_message = _not_now_by_message(rule, message, opening) if message else None
    if by_message is not None:
        return by_message
    if rule.name.partition(".")[2] not in HABIT_KEEPS and (
        (_HABITUAL_CLEAR if rule.severe else _HABITUAL).search(clause)
        or (rule.concern is Concern.CRIME_IN_PROGRESS and _KEEPS.search(clause))
    ):
        return "habitual"
    if (_laughed_off if rule.severe else _laughing)(clause, after, message, opening):
        return "joke"
    if _NOT_REAL.search(clause):
        return "not_real"
    idiom = _idiom(upto, len(before), message, after)
    if idiom is not None:
        return idiom
    if rule.name.partition(".")[2] in ANIMAL_STOPS and _ANIMAL_BEFORE.search(before):
        return "animal"
    if message and _supposed_in_sentence(message, opening):
        return "hypothetical"
    if any(
        idiom.start() < len(upto) and idiom.end() > len(before)
        for idiom in _IDIOM_PHRASE.finditer(clause)
    ):
        return "idiom"
    if (
        rule.name.partition(".")[2] in LAWFUL_STOPS
        and _LAWFUL.search(message)
        and not _PERSON_HARMED.search(message)
    ):
        return "lawful"
    if (
        rule.name.partition(".")[2] in ACCOUNTED_STOPS
        and _AWAY.search(message)
        and not _says_now(message)
    ):
        return "away"
    # A threat is told in the future ("shouting he will kill me"): its own
    # words are no sign of the present (round 6).
    told = before + " " + after if rule.name.partition(".")[2] == "threat_to_kill" else clause
    if message and not still_missing and _told_as_over(rule, told, opening, message):
        return "past"
    if (
        message
        and _SPORT_REPORT.search(message)
        and not _PRESENT.search(clause)
        and not _says_now(message)
    ):
        return "not_real"
    # Round 5: a severe match asked about ("is it normal for a carer to leave
    # my dad tied to a chair?") in a message that says now ("she's still
    # here") is not a question in general.
    if (
        asked
        and _INVERTED_QUESTION.search(upto)
        and not (rule.severe and (_says_now(message) or _STILL_HERE.search(message)))
    ):
        return "question"
    return None
