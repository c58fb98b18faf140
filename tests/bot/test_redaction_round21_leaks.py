"""Issue 15, redaction round 21 (r21-leaks): the misses of the eighteenth
unseen set that left something identifying in the suggested text, read as
classes on wordings written for this round (not the set's lines): a bank
account's number after its sort code or "ending" in figures, an officer's
collar number after a hedge, words quoted before "engraved", a couple who
share a surname as one replacement, given names in capitals as a subject or
a sign-off, a lower-case given name after a cue that names, a family in
lower case, a given name after a kin word typed wrong. Near-misses that
must stay: sort codes and accounts in general advice, capitals used for
shouting, towns. Counts in docs/decisions.md ("Round 21 (redaction,
r21-leaks)"), figures in docs/redaction-figures.md."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

GOES = [
    # a bank account's number after its sort code, with a short join
    (
        "i paid the deposit to sort code 30-96-26 acct 55120934 n now hes blocked me",
        "i paid the deposit to [ID number] n now hes blocked me",
    ),
    (
        "Payment went to sort code 09 01 28, number 44718290, on Friday.",
        "Payment went to [ID number], on Friday.",
    ),
    (
        "He gave me his bank details, 60-83-71 88123456, and I sent £400.",
        "He gave me his bank details, [ID number], and I sent £400.",
    ),
    # an account or a card "ending" in figures, words between
    (
        "My dad's account ending 55013387 was emptied overnight.",
        "My dad's account ending [ID number] was emptied overnight.",
    ),
    (
        "they asked for my card number, which ends 8812, and I gave it",
        "they asked for my card number, which ends [ID number], and I gave it",
    ),
    # an officer's collar number after a hedge
    (
        "The officer, collar number I think was 2931, was very rude to my son.",
        "The officer, collar number I think was [ID number], was very rude to my son.",
    ),
    (
        "her collar number, I'm fairly sure, was 6613, and she was brilliant",
        "her collar number, I'm fairly sure, was [ID number], and she was brilliant",
    ),
    (
        "his shoulder number if I remember rightly 5520 and he was lovely",
        "his shoulder number if I remember rightly [ID number] and he was lovely",
    ),
    # words quoted before the engraving cue
    (
        "The locket has 'R & J 2004' engraved on the back.",
        "The locket has [ID number] engraved on the back.",
    ),
    (
        "a silver bangle with 'Mia 18' etched inside went missing",
        "a silver bangle with [ID number] etched inside went missing",
    ),
    # a couple who share a surname, one replacement
    (
        "I'm fed up with Trevor and Angela Hargreaves parking across the dropped kerb.",
        "I'm fed up with [name] parking across the dropped kerb.",
    ),
    (
        "Many thanks for your help. Máire and Seán Ó Briain",
        "Many thanks for your help. [name]",
    ),
    (
        "Our neighbours Gordon and Lesley McAllister have had their car keyed.",
        "Our neighbours [name] have had their car keyed.",
    ),
    # a given name in capitals opening a sentence or signing off
    (
        "WAYNE from the flats keeps letting his dog foul the path.",
        "[name] from the flats keeps letting his dog foul the path.",
    ),
    (
        "can u tell me if i need a licence for a scrambler. ta LITTLE JONNO",
        "can u tell me if i need a licence for a scrambler. ta [name]",
    ),
    # a lower-case given name that is also a word, after a cue that names
    (
        "some bloke came round sellin tarmac, his name was rob n he had a van",
        "some bloke came round sellin tarmac, his name was [name] n he had a van",
    ),
    (
        "a lad called mark keeps nickin from the shop",
        "a lad called [name] keeps nickin from the shop",
    ),
    # a family in lower case before where it lives
    (
        "the mcguinness's are fine but the o'donnells next door r always fightin",
        "the mcguinness's are fine but the [name] next door r always fightin",
    ),
    # a given name after a kin word typed wrong
    (
        "my nieghbour Hope (shes 80) had her purse nicked",
        "my nieghbour [name] ([age]) had her purse nicked",
    ),
]

STAYS = [
    # sort codes and accounts in advice and general questions
    "The bank told me never to give my sort code and account number to anyone.",
    "Which account should I report it to, the joint one or mine?",
    "My sort code changed when the branch moved in 2019.",
    # a collar number with no figures, a date after "ends"
    "I didn't get his collar number, he was on his shoulder radio the whole time.",
    "His shoulder number I didn't catch but he was tall, about 6 ft, 3 of them came.",
    "The offer ends 31 March, is that a scam?",
    # capitals for shouting, towns in capitals
    "NOBODY came. SORT IT OUT. I am SICK of waiting.",
    "LEEDS city centre is a mess on Saturday nights.",
    "WHY does nobody answer the phone?",
    "Hi ALL, does anyone know if the tip is open on bank holidays?",
    "sorted now, cheers BIG MAN",
    # places joined by "and"
    "The lights between Victoria Road and Albert Street are out.",
    # a word after "name" that is no name
    "his name was on the list but nobody called him",
    # a shop nickname after "the" (the writer's own shift post there is a
    # job, round 21's posts: test_redaction_round21_posts_homes.py)
    "we queued at the maccies on the high street for ages",
    # "precious" as a word
    "my precious daughter is being bullied at school",
]


@pytest.mark.parametrize(("text", "expected"), GOES)
def test_identifying_details_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", STAYS)
def test_ordinary_words_stay(text: str) -> None:
    assert suggest_publishable(text) == text
