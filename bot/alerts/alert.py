"""What residents can subscribe to, and when an alert may go out."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from config.model import QuietHours


class AlertType(StrEnum):
    REMINDERS = "reminders"  # before each session (announce_before)
    SUMMARIES = "summaries"  # after each session
    ADVICE = "advice"  # crime-prevention advice
    APPEALS = "appeals"  # appeals for information
    OUTCOMES = "outcomes"  # results: arrests, charges, what was done
    CONSULTATIONS = "consultations"  # surveys
    NEWSLETTER = "newsletter"  # the forum's digest (bot.alerts.newsletter)

    @classmethod
    def parse(cls, text: str) -> AlertType | None:
        word = text.strip().lower()
        for alert_type in cls:
            if word in (alert_type.value, alert_type.value.rstrip("s"), alert_type.value + "s"):
                return alert_type
        return None


def send_time(now: datetime, quiet: QuietHours | None, zone: str, urgent: bool) -> datetime:
    """When an alert requested at ``now`` may go: at once, or, inside the
    forum's quiet hours and not urgent, when they end (local time)."""
    if quiet is None or urgent:
        return now
    local = now.astimezone(ZoneInfo(zone))
    clock = local.time().replace(tzinfo=None)
    if quiet.start < quiet.end:
        inside = quiet.start <= clock < quiet.end
    else:  # spans midnight, e.g. 21:00-08:00
        inside = clock >= quiet.start or clock < quiet.end
    if not inside:
        return now
    day = local.date() if clock < quiet.end else local.date() + timedelta(days=1)
    # The wall-clock time: 08:00 stays 08:00 across a clock change overnight.
    return datetime.combine(day, quiet.end, ZoneInfo(zone)).astimezone(now.tzinfo)
