"""Numbers said a few words from their cue (issue 15, round 21).

The ID reader (``code.py``) takes a number right after its word ("account
12345678", "card ending 4417", "collar number was 2174"). Writers also put
the number where that reader does not look, and each class here is read by
the number's shape and the words around it:

- a bank account's number after its sort code, with a short join ("sort
  code 40-47-84 acc 71234568", "sort code 12-34-56 number 93857201",
  "20-45-77 63019284"): the sort code, the join and the account as one;
- an account or a card "ending" in figures, with words between ("account
  ending 40317722", "my account number, which ends 2290"): the figures;
- an officer's collar or shoulder number with a hedge before it ("whose
  collar number I believe was 4471"): the number, as every labelled
  issue-15 file has it (docs/decisions.md, round 21).

Each reader yields ``Detail(start, end, Category.ID_NUMBER)``; a sort code
or "account" with no figures ("never give your sort code to anyone") is
left alone. Wordings: tests/bot/test_redaction_round21_leaks.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail

# A sort code by its shape: three pairs of figures, dashed or spaced.
_SORT_CODE = r"\d{2}(?P<sep>[- ])\d{2}(?P=sep)\d{2}(?!\d)"
# "sort code 40-47-84 acc 71234568", "sort code 12-34-56 number 93857201",
# "sort code 40-12-77 and account 31926845", "20-45-77 63019284": the sort
# code (after its cue, or by its dashes), a join of account words, the account.
_ACCOUNT_AFTER_SORT_CODE = re.compile(
    rf"(?:(?i:\bsort(?:[ \t]?code)?)[ \t]*(?:(?:is|was|:)[ \t]*)?,?[ \t]*(?P<cued>{_SORT_CODE})"
    r"|(?<![\w/.-])(?P<dashed>\d{2}-\d{2}-\d{2}(?![\d-])))"
    r"(?P<join>[ \t]*,?[ \t]*(?:(?:and|&)[ \t]+)?(?:(?i:(?:the|my|her|his|their)[ \t]+)?"
    r"(?i:account|acct|acc|accnt|a/c)(?:[ \t]+(?i:number|no\.?|num))?"
    r"|(?i:number|no\.?|num))?[ \t]*(?:(?i:is|was)|:)?[ \t]*,?[ \t]*)"
    r"(?P<account>\d{6,10})(?![\w/-])"
)
# "account ending 40317722", "card ending in 4417", "my account number,
# which ends 2290", "acc no. ends with 0093": the figures after "ends".
_ACCOUNT_ENDING = re.compile(
    r"(?i:\b(?:account|acct|acc|accnt|card|debit[ \t]+card|credit[ \t]+card)"
    r"(?:[ \t]+(?:number|no\.?|num))?[ \t]*,?[ \t]*(?:(?:which|that|it)[ \t]+)?"
    r"(?:ends|ending|ended|finishes|finishing)(?:[ \t]+(?:in|with))?[ \t]*:?[ \t]*)"
    r"(?P<figures>\d{3,10})(?![\w/-])"
)
# "whose collar number I believe was 4471", "shoulder number, if I remember
# rightly, 2291": a hedge of a few words between the cue and the number.
_COLLAR_HEDGED = re.compile(
    r"(?i:\b(?:collar|shoulder|warrant)[ \t]+(?:number|no\.?|num)\b)"
    r"(?P<hedge>[^.?!\n\d]{1,40}?)"
    r"(?P<number>(?<![\w-])(?-i:[A-Z]{0,2}\d{2,5}[A-Z]{0,2}))(?![\w/-])"
)
_HEDGE_WORDS = re.compile(
    r"(?i:\b(?:i|i['’]m|im|i['’]d|we|think|thought|believe|believed|reckon|remember|recall|am|was|is|it|"
    r"pretty|fairly|quite|sure|rightly|correctly|if|he|she|his|her|said|says|gave|as|"
    r"which|that|probably|maybe|possibly|something|like|started|with|ended|of)\b)"
)


def find_accounts_after_sort_codes(text: str) -> Iterator[Detail]:
    """A bank account's number after its sort code and a short join: the
    sort code, the join and the account as one ID number."""
    for match in _ACCOUNT_AFTER_SORT_CODE.finditer(text):
        start = match.start("cued") if match.group("cued") else match.start("dashed")
        yield Detail(start, match.end("account"), Category.ID_NUMBER)


def find_account_endings(text: str) -> Iterator[Detail]:
    """The figures an account or a card "ends" in: the figures only, as most
    labelled lines have them."""
    for match in _ACCOUNT_ENDING.finditer(text):
        yield Detail(match.start("figures"), match.end("figures"), Category.ID_NUMBER)


def find_hedged_collar_numbers(text: str) -> Iterator[Detail]:
    """An officer's collar or shoulder number a hedge away from its cue
    ("collar number I believe was 4471"): the number."""
    for match in _COLLAR_HEDGED.finditer(text):
        hedge = match.group("hedge").strip(" \t,:-")
        words = re.findall(r"[\w'’]+", hedge)
        if all(_HEDGE_WORDS.fullmatch(word) for word in words):
            yield Detail(match.start("number"), match.end("number"), Category.ID_NUMBER)
