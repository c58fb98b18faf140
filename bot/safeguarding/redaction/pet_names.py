"""Round 17: a pet's name stays ("the neighbour's dog, a big cross called
Tyson"; "Tabby called Mabel, microchipped").

:func:`keep_pets_called` takes the details found and returns those that are
not a pet's name: a one-word ``Category.NAME`` right after "called" or
"named", when earlier in the same sentence an animal is named ("dog", "cat",
"tabby", "cross", a breed) and no person word ("man", "lad", "son",
"owner", ...) stands between the animal and "called". "My dog was chased by
a lad called Dean" keeps "Dean" a name: the lad is called Dean, not the dog.
"""

from __future__ import annotations

import re

from bot.safeguarding.redaction.detail import Category, Detail, word_set

_LOOK_BACK = 90
_CALLED = re.compile(r"(?i:\b(?:called|named|answers[ \t]+to)[ \t]+)$")
_ANIMALS = word_set(
    """
    dog cat puppy pup kitten tom tomcat tabby moggy mog cross mongrel staffy staffie
    spaniel labrador lab collie terrier greyhound lurcher whippet husky poodle bulldog
    frenchie retriever alsatian cockapoo cavapoo rottweiler chihuahua pony horse mare
    stallion gelding foal parrot tortoise rabbit bunny ferret budgie hamster guinea pig
    springer beagle dachshund westie pug boxer mastiff shepherd bitch tabby ginger tortie
    """
)
_PEOPLE = word_set(
    """
    man men lad lads boy boys girl girls woman women bloke guy fella chap kid kids person
    son daughter brother sister mum mam dad husband wife partner friend mate owner owners
    neighbour neighbours lady gentleman he she him her his who youth teenager teen
    """
)
_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"[.!?\n]")


def _a_pets_name(text: str, detail: Detail) -> bool:
    if detail.category is not Category.NAME:
        return False
    if not re.fullmatch(r"[A-Z][a-z'’-]+", text[detail.start : detail.end]):
        return False
    back = max(0, detail.start - _LOOK_BACK)
    called = _CALLED.search(text, back, detail.start)
    if called is None:
        return False
    before = text[back : called.start()]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    words = [w.lower() for w in _WORD.findall(before)]
    for word in reversed(words):
        if word in _PEOPLE:
            return False
        if word in _ANIMALS:
            return True
    return False


def keep_pets_called(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` without the names of pets (module docstring)."""
    return [d for d in details if not _a_pets_name(text, d)]
