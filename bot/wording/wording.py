"""What the bot says, in the configured language: templates plus the facts
every message needs (contacts, command prefixes, local times)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from bot.edge.rich import Rich, join
from bot.forum.directory import Actor
from bot.forum.schedule import format_clock, format_local
from bot.wording.template import Templates
from config.model import Contacts

PLATFORM_NAMES: Mapping[str, str] = {
    "telegram": "platform_telegram",
    "discord": "platform_discord",
    "web": "platform_web",
    "facebook": "platform_facebook",
    "email": "platform_email",
}
"""The template that names each platform in officers' notices (``Telegram``,
``the web``); a platform without one is named by its name."""


_DURATION_UNITS = (
    ("period_day", "period_days", 86400),
    ("period_hour", "period_hours", 3600),
    ("period_minute", "period_minutes", 60),
)


_LANGUAGE_NOTICES = {
    "cy": "other_language_cy",
    "pl": "other_language_pl",
    "ro": "other_language_ro",
    "pa": "other_language_pa",
    "ur": "other_language_ur",
    "pt": "other_language_pt",
    "ar": "other_language_ar",
    "bn": "other_language_bn",
    "gu": "other_language_gu",
    # issue 15d
    "es": "other_language_es",
    "fr": "other_language_fr",
    "it": "other_language_it",
    "tr": "other_language_tr",
    "zh": "other_language_zh",
    # round 5 (issue 15): not checked by a qualified translator
    "lt": "other_language_lt",
    "so": "other_language_so",
    # round 12 (issue 15, 29-lang2): machine-written, not checked by a
    # qualified translator.
    "fa": "other_language_fa",
    "ta": "other_language_ta",
    "bg": "other_language_bg",
    "ru": "other_language_ru",
    "uk": "other_language_uk",
    "sq": "other_language_sq",
    "hu": "other_language_hu",
    "el": "other_language_el",
    "cs": "other_language_cs",
    "sk": "other_language_sk",
    "vi": "other_language_vi",
    "lv": "other_language_lv",
    "tl": "other_language_tl",
    "ne": "other_language_ne",
    "de": "other_language_de",
    "hi": "other_language_hi",
    # round 14 (issue 15, r14-tlang): machine-written, not checked by a
    # qualified translator; Kurdish's gives Kurmanji and Sorani, each with
    # its bold sentence
    "ku": "other_language_ku",
    "ps": "other_language_ps",
    "ti": "other_language_ti",
    "am": "other_language_am",
    # round 15 (issue 15, r15-tlang): machine-written, not checked by a
    # qualified translator
    "id": "other_language_id",
    "ml": "other_language_ml",
    "si": "other_language_si",
    "sw": "other_language_sw",
    "th": "other_language_th",
}
_LANGUAGE_NAMES = {
    "cy": "language_name_cy",
    "pl": "language_name_pl",
    "ro": "language_name_ro",
    "pa": "language_name_pa",
    "ur": "language_name_ur",
    "pt": "language_name_pt",
    "ar": "language_name_ar",
    "bn": "language_name_bn",
    "gu": "language_name_gu",
    # named on the card when identified or when a danger phrase of theirs
    # fired; those without a text in ``_LANGUAGE_NOTICES`` get the English
    # guidance
    # (bot/safeguarding/triage/data/other_languages.yaml); issue 15d
    "es": "language_name_es",
    "de": "language_name_de",
    "so": "language_name_so",
    "lt": "language_name_lt",
    "tr": "language_name_tr",
    "fa": "language_name_fa",
    "ta": "language_name_ta",
    "zh": "language_name_zh",
    "sk": "language_name_sk",
    "it": "language_name_it",
    "fr": "language_name_fr",
    # issue 15e: Hindi written in Devanagari (danger phrases only; lingua
    # identification is not asked for it)
    "hi": "language_name_hi",
    # round 12 (issue 15): danger phrases; the first nine are also identified
    # by lingua (bot/safeguarding/language.py)
    "bg": "language_name_bg",
    "uk": "language_name_uk",
    "ru": "language_name_ru",
    "sq": "language_name_sq",
    "vi": "language_name_vi",
    "hu": "language_name_hu",
    "lv": "language_name_lv",
    "el": "language_name_el",
    "cs": "language_name_cs",
    "tl": "language_name_tl",
    "ku": "language_name_ku",
    "ps": "language_name_ps",
    "ti": "language_name_ti",
    "am": "language_name_am",
    "ne": "language_name_ne",
    # round 15 (issue 15, r15-tlang): danger phrases only (held by an
    # employer, a beating, a weapon), each with its guidance text
    "id": "language_name_id",
    "ml": "language_name_ml",
    "si": "language_name_si",
    "sw": "language_name_sw",
    "th": "language_name_th",
}


class Wording:
    def __init__(
        self, templates: Templates, contacts: Contacts, prefixes: Mapping[str, str]
    ) -> None:
        self.templates = templates
        self.contacts = contacts
        self._prefixes = dict(prefixes)

    def render(self, key: str, **values: object) -> Rich:
        return self.templates.render(key, **values)

    def text(self, key: str, **values: object) -> str:
        return self.templates.text(key, **values)

    def render_for(self, platform: str, key: str, **values: object) -> Rich:
        """``key`` as a resident on ``platform`` reads it: its variant for
        that platform when there is one (``Templates.for_platform``)."""
        return self.templates.render(self.templates.for_platform(key, platform), **values)

    def text_for(self, platform: str, key: str, **values: object) -> str:
        """``render_for`` as plain text."""
        return self.templates.text(self.templates.for_platform(key, platform), **values)

    def prefix(self, platform: str) -> str:
        return self._prefixes.get(platform, "/")

    def platform_name(self, platform: str) -> str:
        """How officers' notices name ``platform`` (``PLATFORM_NAMES``)."""
        key = PLATFORM_NAMES.get(platform)
        return self.text(key) if key is not None else platform

    def officer(self, actor: Actor) -> str:
        """How confirmations in staff rooms name the officer who acted
        (``officer telegram:42``): by platform id, so colleagues see who."""
        return self.text("officer_label", platform=actor.platform, user_id=actor.user_id)

    def notice(self) -> Rich:
        c = self.contacts
        return self.render(
            "notice",
            emergency=c.emergency,
            non_emergency=c.non_emergency,
            online_report_url=c.online_report_url,
            crimestoppers=c.crimestoppers,
        )

    def emergency(self, self_harm: bool = False) -> Rich:
        """999 guidance; with the self-harm helpline when the message suggests it."""
        guidance = self.render("emergency", emergency=self.contacts.emergency)
        if not self_harm:
            return guidance
        helpline = self.render(
            "emergency_self_harm",
            helpline=self.contacts.self_harm_helpline,
            emergency=self.contacts.emergency,
        )
        return join([guidance, helpline], "\n\n")

    def in_language(self, code: str) -> Rich | None:
        """The emergency guidance, and that the forum answers in English, in
        the language ``code`` (ISO 639-1, ``bot.safeguarding.language``);
        None for a language without a text."""
        key = _LANGUAGE_NOTICES.get(code)
        if key is None:
            return None
        return self.render(
            key, emergency=self.contacts.emergency, non_emergency=self.contacts.non_emergency
        )

    def language_name(self, code: str) -> str:
        """The English name of the language ``code``, for officers; the code
        itself for one without a name."""
        key = _LANGUAGE_NAMES.get(code)
        return self.text(key) if key is not None else code

    def card_language(self, name: str) -> Rich:
        """The card's line for a question written in the language named
        ``name`` (as ``language_name`` gives it): that the resident was sent
        the guidance in it, or, for a language without a text of its own
        (none of those named since round 14), in English only."""
        translated = {self.text(_LANGUAGE_NAMES[code]) for code in _LANGUAGE_NOTICES}
        key = "card_language" if name in translated else "card_language_english"
        return self.render(key, language=name)

    @staticmethod
    def when(at: datetime, zone: str) -> str:
        return format_local(at, zone)

    @staticmethod
    def clock(at: datetime, zone: str) -> str:
        return format_clock(at, zone)

    def duration(self, value: timedelta) -> str:
        """A period in words for residents: ``timedelta(days=90)`` -> "90
        days", ``timedelta(hours=36)`` -> "1 day and 12 hours" (days, hours
        and minutes; seconds are left out, and less than a minute reads as
        "1 minute")."""
        seconds = max(int(value.total_seconds()), 60)
        parts: list[str] = []
        for one, many, size in _DURATION_UNITS:
            amount, seconds = divmod(seconds, size)
            if amount:
                parts.append(self.text(one) if amount == 1 else self.text(many, count=amount))
        if len(parts) == 1:
            return parts[0]
        return self.text("period_and", first=", ".join(parts[:-1]), last=parts[-1])
