"""Intake: events from the shared queue into the inbox (stored before their
platform is told), then each routed, once, to the desk for its chat."""
