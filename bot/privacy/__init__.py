"""Residents' data rights (see and erase what is held) and retention (what
is erased once it has been kept long enough)."""
