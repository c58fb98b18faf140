"""Delivery: the outbox (every message written with the change that caused
it), the dispatcher that sends it through each platform's sender, pacing
within the platforms' limits, and reports to officers when sending fails."""
