"""E-mail: questions by e-mail (inbound.py, listener.py), alerts and answers by e-mail."""
