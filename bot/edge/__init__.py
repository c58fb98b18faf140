"""The edge of the core: the only core names adapters import. Inbound events
and chat references, styled text, the sending port and its errors, the
clock, text cleaning, start-up failures and platform connections."""
