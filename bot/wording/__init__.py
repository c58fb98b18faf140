"""What residents, officers and the public read: message templates from
config/messages, filled in, with the notice and contacts."""
