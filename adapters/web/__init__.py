"""The web side: a resident chat (a third platform for the same core), an
officer console, and the public archive with its feeds."""
