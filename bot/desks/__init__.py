"""The desks: one entry point per kind of actor (residents in private chats,
officers in staff rooms) and what they ask for (subscriptions,
consultations), each turning an inbound event into state changes and
outbox rows in one transaction."""
