"""forumbot's entry point: the command line and the composition root."""
