from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from bot.forum.schedule import (
    Occurrence,
    SessionSchedule,
    format_clock,
    format_local,
    reminder_times,
)

LONDON = "Europe/London"
HOUR = timedelta(hours=1)


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def fortnightly() -> SessionSchedule:
    return SessionSchedule(datetime(2026, 11, 24, 20, 0), "FREQ=WEEKLY;INTERVAL=2", HOUR, LONDON)


def local(at: datetime, zone: str = LONDON) -> datetime:
    return at.astimezone(ZoneInfo(zone))


# --- wall-clock time across daylight saving --------------------------------


def test_fortnightly_stays_at_20_local_across_both_clock_changes() -> None:
    occs = fortnightly().occurrences_between(utc(2026, 1, 1), utc(2028, 1, 1))
    assert occs[0].starts_at == utc(2026, 11, 24, 20, 0)
    assert len(occs) == 29  # 24 Nov 2026 .. 21 Dec 2027
    for occ in occs:
        start = local(occ.starts_at)
        assert (start.hour, start.minute, start.weekday()) == (20, 0, 1)  # Tuesday
        assert occ.ends_at - occ.starts_at == HOUR
        summer = start.utcoffset() == HOUR
        assert occ.starts_at.hour == (19 if summer else 20)
    for before, after in pairwise(occs):
        assert (local(after.starts_at).date() - local(before.starts_at).date()).days == 14


def test_spring_forward_on_28_march_2027() -> None:
    starts = [
        o.starts_at for o in fortnightly().occurrences_between(utc(2027, 3, 1), utc(2027, 4, 1))
    ]
    assert starts == [utc(2027, 3, 2, 20), utc(2027, 3, 16, 20), utc(2027, 3, 30, 19)]
    assert starts[2] - starts[1] == timedelta(days=14) - HOUR


def test_fall_back_on_31_october_2027() -> None:
    starts = [
        o.starts_at for o in fortnightly().occurrences_between(utc(2027, 10, 1), utc(2027, 11, 10))
    ]
    assert starts == [utc(2027, 10, 12, 19), utc(2027, 10, 26, 19), utc(2027, 11, 9, 20)]
    assert starts[2] - starts[1] == timedelta(days=14) + HOUR


def test_nothing_before_first() -> None:
    assert fortnightly().occurrences_between(utc(2000, 1, 1), utc(2026, 11, 24, 20)) == []
    assert fortnightly().next_after(utc(2000, 1, 1)) == Occurrence(
        utc(2026, 11, 24, 20), utc(2026, 11, 24, 21)
    )


def test_occurrences_between_is_half_open() -> None:
    sched = fortnightly()
    at_start = sched.occurrences_between(utc(2026, 11, 24, 20), utc(2026, 12, 8, 20))
    assert [o.starts_at for o in at_start] == [utc(2026, 11, 24, 20)]
    assert sched.occurrences_between(utc(2026, 12, 8, 20), utc(2026, 12, 8, 20)) == []


# --- current / next_after / upcoming ---------------------------------------


def test_current_inside_and_outside_the_window() -> None:
    sched = fortnightly()
    winter = Occurrence(utc(2026, 11, 24, 20), utc(2026, 11, 24, 21))
    assert sched.current(utc(2026, 11, 24, 20, 0)) == winter
    assert sched.current(utc(2026, 11, 24, 20, 59, 59)) == winter
    assert sched.current(utc(2026, 11, 24, 21, 0)) is None  # end is exclusive
    assert sched.current(utc(2026, 11, 24, 19, 59, 59)) is None
    assert sched.current(utc(2026, 12, 1, 20, 30)) is None  # the off week

    summer = Occurrence(utc(2027, 3, 30, 19), utc(2027, 3, 30, 20))
    assert sched.current(utc(2027, 3, 30, 19, 30)) == summer
    assert sched.current(utc(2027, 3, 30, 20, 0)) is None  # 21:00 BST


def test_next_after_exactly_at_a_start_is_the_following_one() -> None:
    sched = fortnightly()
    nxt = sched.next_after(utc(2026, 11, 24, 20))
    assert nxt is not None
    assert nxt.starts_at == utc(2026, 12, 8, 20)
    just_before = sched.next_after(utc(2026, 11, 24, 19, 59, 59))
    assert just_before is not None
    assert just_before.starts_at == utc(2026, 11, 24, 20)
    over_the_change = sched.next_after(utc(2027, 3, 16, 20))
    assert over_the_change is not None
    assert over_the_change.starts_at == utc(2027, 3, 30, 19)


def test_session_started_while_bot_was_down_is_still_current() -> None:
    sched = fortnightly()
    back_at = utc(2027, 3, 30, 19, 40)  # came back 40 minutes into the session
    live = sched.current(back_at)
    assert live == Occurrence(utc(2027, 3, 30, 19), utc(2027, 3, 30, 20))
    assert sched.next_after(back_at) == Occurrence(utc(2027, 4, 13, 19), utc(2027, 4, 13, 20))
    assert [o.starts_at for o in sched.upcoming(back_at, 3)] == [
        utc(2027, 3, 30, 19),
        utc(2027, 4, 13, 19),
        utc(2027, 4, 27, 19),
    ]
    assert sched.current(utc(2027, 3, 30, 20, 1)) is None  # back too late: missed


def test_upcoming_without_a_live_session() -> None:
    sched = fortnightly()
    assert [o.starts_at for o in sched.upcoming(utc(2026, 12, 1), 2)] == [
        utc(2026, 12, 8, 20),
        utc(2026, 12, 22, 20),
    ]
    assert sched.upcoming(utc(2026, 12, 1), 0) == []
    assert len(sched.upcoming(utc(2026, 11, 24, 20, 30), 1)) == 1


def test_far_future_queries() -> None:
    sched = fortnightly()
    nxt = sched.next_after(utc(2076, 6, 1))
    assert nxt is not None
    assert local(nxt.starts_at).hour == 20
    assert (local(nxt.starts_at).date() - datetime(2026, 11, 24).date()).days % 14 == 0
    assert sched.next_after(utc(2076, 6, 1)) == nxt  # cached rule gives the same answer


# --- single session, rule limits --------------------------------------------


def test_no_rule_is_a_single_session() -> None:
    sched = SessionSchedule(datetime(2027, 7, 1, 18, 30), None, timedelta(minutes=45), LONDON)
    only = Occurrence(utc(2027, 7, 1, 17, 30), utc(2027, 7, 1, 18, 15))
    assert sched.next_after(utc(2027, 1, 1)) == only
    assert sched.next_after(utc(2027, 7, 1, 17, 30)) is None
    assert sched.current(utc(2027, 7, 1, 18, 0)) == only
    assert sched.current(utc(2027, 7, 1, 18, 15)) is None
    assert sched.upcoming(utc(2027, 7, 1, 18, 0), 5) == [only]
    assert sched.occurrences_between(utc(2027, 1, 1), utc(2028, 1, 1)) == [only]


def test_count_and_utc_until_end_the_rule() -> None:
    counted = SessionSchedule(datetime(2026, 11, 24, 20), "FREQ=WEEKLY;COUNT=3", HOUR, LONDON)
    assert len(counted.occurrences_between(utc(2026, 1, 1), utc(2030, 1, 1))) == 3
    assert counted.next_after(utc(2026, 12, 8, 20)) is None

    # 19:00 UTC on 30 March 2027 is 20:00 BST: that session is the last one.
    until = SessionSchedule(
        datetime(2026, 11, 24, 20), "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270330T190000Z", HOUR, LONDON
    )
    occs = until.occurrences_between(utc(2026, 1, 1), utc(2030, 1, 1))
    assert occs[-1].starts_at == utc(2027, 3, 30, 19)
    assert until.next_after(utc(2027, 3, 30, 19)) is None


def test_first_is_a_session_even_off_rule() -> None:
    # first is a Monday, the rule says Tuesdays.
    sched = SessionSchedule(datetime(2026, 11, 23, 20), "FREQ=WEEKLY;BYDAY=TU", HOUR, LONDON)
    starts = [o.starts_at for o in sched.upcoming(utc(2026, 1, 1), 3)]
    assert starts == [utc(2026, 11, 23, 20), utc(2026, 11, 24, 20), utc(2026, 12, 1, 20)]


@pytest.mark.parametrize(
    ("first", "rule", "duration", "zone"),
    [
        (datetime(2026, 11, 24, 20), "FREQ=SOMETIMES", HOUR, LONDON),
        (datetime(2026, 11, 24, 20), "WEEKLY", HOUR, LONDON),
        (datetime(2026, 11, 24, 20), "", HOUR, LONDON),
        (datetime(2026, 11, 24, 20), "FREQ=WEEKLY\nRRULE:FREQ=DAILY", HOUR, LONDON),
        (datetime(2026, 11, 24, 20), "FREQ=WEEKLY", HOUR, "Europe/Nowhere"),
        (datetime(2026, 11, 24, 20), "FREQ=WEEKLY", timedelta(0), LONDON),
        (datetime(2026, 11, 24, 20, tzinfo=UTC), "FREQ=WEEKLY", HOUR, LONDON),
    ],
)
def test_bad_schedules_are_refused(
    first: datetime, rule: str, duration: timedelta, zone: str
) -> None:
    with pytest.raises(ValueError):
        SessionSchedule(first, rule, duration, zone)


def test_naive_query_instants_are_refused() -> None:
    with pytest.raises(ValueError):
        fortnightly().next_after(datetime(2027, 1, 1))


# --- gaps and folds -----------------------------------------------------------


def test_time_in_spring_forward_gap_moves_forward_by_the_gap() -> None:
    # London skips 01:00-02:00 on 28 March 2027: 01:30 is read with the GMT
    # offset (fold=0), i.e. 01:30 UTC = 02:30 BST; the next day is 01:30 BST.
    sched = SessionSchedule(datetime(2027, 3, 27, 1, 30), "FREQ=DAILY", HOUR, LONDON)
    starts = [o.starts_at for o in sched.upcoming(utc(2027, 3, 26), 3)]
    assert starts == [utc(2027, 3, 27, 1, 30), utc(2027, 3, 28, 1, 30), utc(2027, 3, 29, 0, 30)]
    assert format_clock(starts[1], LONDON) == "02:30"


def test_0230_in_the_berlin_gap_becomes_0330_summer_time() -> None:
    berlin = "Europe/Berlin"
    sched = SessionSchedule(datetime(2027, 3, 27, 2, 30), "FREQ=DAILY", HOUR, berlin)
    starts = [o.starts_at for o in sched.upcoming(utc(2027, 3, 26), 3)]
    assert starts == [utc(2027, 3, 27, 1, 30), utc(2027, 3, 28, 1, 30), utc(2027, 3, 29, 0, 30)]
    assert [format_clock(s, berlin) for s in starts] == ["02:30", "03:30", "02:30"]


def test_ambiguous_time_is_the_first_of_the_two() -> None:
    # 01:30 happens twice in London on 31 October 2027; fold=0 is BST.
    sched = SessionSchedule(datetime(2027, 10, 31, 1, 30), None, HOUR, LONDON)
    assert sched.next_after(utc(2027, 10, 30)) == Occurrence(
        utc(2027, 10, 31, 0, 30), utc(2027, 10, 31, 1, 30)
    )


def test_sub_hourly_rule_over_the_gap_is_ordered_without_duplicates() -> None:
    # 01:00 and 01:30 (in the gap) land on the same instants as 02:00 and 02:30.
    sched = SessionSchedule(
        datetime(2027, 3, 28, 0, 0), "FREQ=MINUTELY;INTERVAL=30", timedelta(minutes=30), LONDON
    )
    expected = [
        utc(2027, 3, 28, 0, 0),
        utc(2027, 3, 28, 0, 30),
        utc(2027, 3, 28, 1, 0),
        utc(2027, 3, 28, 1, 30),
        utc(2027, 3, 28, 2, 0),
    ]
    assert [o.starts_at for o in sched.upcoming(utc(2027, 3, 27), 5)] == expected
    between = sched.occurrences_between(utc(2027, 3, 27), utc(2027, 3, 28, 2, 1))
    assert [o.starts_at for o in between] == expected


# --- reminders and formatting -------------------------------------------------


def test_reminder_times_sorted_earliest_first() -> None:
    occ = Occurrence(utc(2027, 3, 30, 19), utc(2027, 3, 30, 20))
    assert reminder_times(occ, [HOUR, timedelta(hours=24)]) == [
        (timedelta(hours=24), utc(2027, 3, 29, 19)),
        (HOUR, utc(2027, 3, 30, 18)),
    ]
    assert reminder_times(occ, []) == []


def test_format_local_in_the_forums_zone() -> None:
    assert format_local(utc(2026, 11, 24, 20), LONDON) == "Tuesday 24 November at 20:00"
    assert format_local(utc(2027, 3, 30, 19), LONDON) == "Tuesday 30 March at 20:00"
    assert format_local(utc(2027, 1, 3, 9, 5), LONDON) == "Sunday 3 January at 09:05"
    assert format_local(utc(2027, 1, 3, 9, 5), "America/New_York") == "Sunday 3 January at 04:05"


def test_format_clock() -> None:
    assert format_clock(utc(2026, 11, 24, 21), LONDON) == "21:00"
    assert format_clock(utc(2027, 3, 30, 20), LONDON) == "21:00"
    with pytest.raises(ValueError):
        format_clock(datetime(2027, 3, 30, 20), LONDON)
