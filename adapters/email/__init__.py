"""E-mail: alerts, reminders, summaries and consultations to residents who
subscribed on the web site, sent through the force's SMTP server; and questions
by e-mail, taken by an SMTP listener the force's relay delivers to (docs/email.md)."""
