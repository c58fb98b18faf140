"""The forum itself: which forums there are (phrases, rooms, officers),
questions and their moderation, live sessions and their schedule, cards."""
