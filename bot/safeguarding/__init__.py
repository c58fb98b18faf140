"""Safeguarding: emergency triage (999 guidance at once) and the redaction
that suggests a publishable text without personal details."""
