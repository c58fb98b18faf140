"""Issue 15, numbers and homes: the forms a writer who never saw the engine
uses for postcodes, plates, house numbers, house names and dates of birth,
and the numbers around them that must stay. Figures over the corpora are in
test_redaction_corpus.py; the probe these forms came from is
tests/data/personal_details/numbers_probe.jsonl."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "new address, Brook Lane, GU 27 3 RP. Regards",
            "new address, Brook Lane, [postcode]. Regards",
        ),
        ("postcode is b 23 7hl, they took tools", "postcode is [postcode], they took tools"),
        ("our postcode is N W 1 0 4 R T", "our postcode is [postcode]"),
        ("its ls6 3 hb by the uni", "its [postcode] by the uni"),
        ("delivery to L 8 7 NQ went missing", "delivery to [postcode] went missing"),
    ],
)
def test_postcodes_spaced_anyhow(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "Lorries are leaving the M25 at junction 4 and using the A224",
        "take the m 1 2nd exit then the A5",
        "the number 36 bus at 11.30pm on Friday",
        "The M4 between J10 and J11 is closed till 6am",
        "call 101 or 999, or 111 for health, or 0300 123 4567 for the council",
        "about 40 kids on 20 bikes came down the A3 at half ten",
        "Is the B1234 still shut? Bus 12A is using Station Road",
        "Speed cameras on the A406 near junction 4, 40mph limit",
        "I paid £250 on 14/10/2026 for a car that never arrived",
    ],
)
def test_numbers_that_are_not_personal_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary
