"""E-mail: alerts, reminders, summaries and consultations to residents who
subscribed on the web site, sent through the force's SMTP server
(docs/email.md)."""
