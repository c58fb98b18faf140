"""A forum's ``newsletter`` keys (issue 17): read as written, YAML's
surprises (an unquoted ``off``, ``10:00``) taken as meant, and every
mistake reported on its line with the fix."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from config.newsletter import AFTER_SESSIONS
from tests.config.test_load import find, load, problems

FORUM = """\
forums:
  - id: bromley
    name: Bromley Police Online Forum
    phrases: ["Bromley Police Online Forum"]
"""


def test_the_default_is_the_day_after_each_session_at_ten(tmp_path: Path) -> None:
    newsletter = load(tmp_path, FORUM).forums[0].newsletter
    assert (newsletter.schedule, newsletter.at, newsletter.first) == (
        AFTER_SESSIONS,
        time(10, 0),
        None,
    )


def test_off_a_time_and_a_rule_read_as_written(tmp_path: Path) -> None:
    off = load(tmp_path, FORUM + "    newsletter: {schedule: off, at: 9:30}\n")
    assert off.forums[0].newsletter.schedule == "off"  # YAML's false
    assert off.forums[0].newsletter.at == time(9, 30)  # YAML's 570
    quoted = load(tmp_path, FORUM + '    newsletter: {at: "18:05"}\n')
    assert quoted.forums[0].newsletter.at == time(18, 5)
    rule = load(
        tmp_path,
        FORUM + "    newsletter: {schedule: FREQ=WEEKLY;INTERVAL=2, first: 2026-12-01T10:00}\n",
    )
    assert rule.forums[0].newsletter.schedule == "FREQ=WEEKLY;INTERVAL=2"
    assert rule.forums[0].newsletter.first == datetime(2026, 12, 1, 10, 0)


def test_mistakes_are_reported_on_their_lines(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        FORUM
        + "    newsletter:\n"
        + "      schedule: fortnightly\n"
        + '      at: "25:00"\n'
        + "  - id: lewisham\n"
        + "    name: Lewisham\n"
        + "    phrases: [Lewisham Police]\n"
        + "    newsletter: {schedule: FREQ=WEEKLY}\n"
        + "  - id: bexley\n"
        + "    name: Bexley\n"
        + "    phrases: [Bexley Police]\n"
        + "    newsletter:\n"
        + "      schedule: FREQ=WEEKY\n"
        + "      first: 2026-12-01T10:00\n"
        + "  - id: sutton\n"
        + "    name: Sutton\n"
        + "    phrases: [Sutton Police]\n"
        + "    newsletter: {schedule: after_sessions, first: 2026-12-01T10:00}\n"
        + "  - id: merton\n"
        + "    name: Merton\n"
        + "    phrases: [Merton Police]\n"
        + "    newsletter: {first: 2026-12-01T10:00}\n",
    )
    assert len(found) == 6, "\n".join(found)
    find(found, "forums[0].newsletter.schedule", 6, "'fortnightly' is not a newsletter schedule")
    find(found, "forums[0].newsletter.at", 7, "'25:00' is not a time of day", '"10:00"')
    find(found, "forums[1].newsletter", 11, "needs first", "first: 2026-12-01T10:00")
    find(found, "forums[2].newsletter.schedule", 16, "invalid recurrence rule 'FREQ=WEEKY'")
    find(found, "forums[3].newsletter.first", 21, "first is for a newsletter schedule given as")
    find(found, "forums[4].newsletter.first", 25, "with after_sessions it is not used")
