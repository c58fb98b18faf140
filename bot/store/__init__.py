"""Durable state in SQLite: one module per kind of row, typed functions over a
transaction from ``Database``."""
