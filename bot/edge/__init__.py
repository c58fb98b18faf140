"""The edge of the core: the only core names adapters import. Inbound events
and chat references, styled text, the sending port and its errors, pacing
limits, the clock, text cleaning, start-up failures, platform connections,
the back-off, and the adapter contract itself (``adapter.py``)."""
