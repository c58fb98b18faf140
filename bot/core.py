"""The core's services, built from configuration and wired together. The
composition root (forumbot.app) adds the platform adapters around this: what
the core knows of each platform comes from there (its sender, pace, command
prefix, and why it is off), never from a list of its own.

Adapters import only ``bot.edge`` and this module (a contract in
pyproject.toml). Besides ``Core``, it gives them what the web side uses of
the store: the ``Database`` handle and its transactions (``Tx``), the read
helpers and how instants are stored (``fetch_all``, ``fetch_one``, ``iso``,
``instant``, ``is_busy``), the published archive's queries (``archive``),
the operators' counts (``metrics``), subscribing on pages
(``Subscribers``, ``Core.subscribers``, and every alert type,
``ALERT_TYPES``), which sent messages carry a consultation a reply
answers (``open_text_consultations``) and how long its answer may be
(``ANSWER_LENGTH``), where each card's question now stands
(``card_states``, ``CardState``, and the buttons that still apply,
``buttons_now``, the heading's state ``heading_now``: the console shows
cards live), how a part keeps data of its own
in the database (``Component``, ``PrivacyHooks``, ``KeepsData``), and the
desks' commands as a platform lists them (``catalogue``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bot.alerts.newsletter import Newsletters
from bot.alerts.service import AlertService
from bot.alerts.subscribers import ALERT_TYPES, Subscribers
from bot.delivery.dispatcher import Dispatcher, RetryPolicy
from bot.delivery.outbox import Outbox
from bot.delivery.pacing import Pacer
from bot.delivery.report import DeliveryReport
from bot.desks.admission import Admission
from bot.desks.asker_tools import AskerTools
from bot.desks.catalogue import Catalogue, CommandEntry, catalogue
from bot.desks.resident import ResidentDesk
from bot.desks.staff import StaffDesk
from bot.desks.subscription import SubscriptionDesk
from bot.desks.survey import SurveyDesk
from bot.edge.clock import Clock
from bot.edge.hook import HookPoster
from bot.edge.inbound import Envelope
from bot.edge.sending import LengthLimit, Sender
from bot.forum.card_state import buttons_now, heading_now
from bot.forum.directory import ForumDirectory
from bot.forum.escalation import Escalation
from bot.forum.hook import EscalationHook
from bot.forum.moderation import Moderation
from bot.forum.scheduler import SessionScheduler
from bot.forum.session import SessionService
from bot.intake.intake import Intake
from bot.privacy.data_rights import DataRights
from bot.privacy.erasure import Erasure
from bot.privacy.retention import Retention
from bot.safeguarding.read_texts import forget_read_texts
from bot.store import archive, metrics
from bot.store.component import Component, KeepsData, PrivacyHooks
from bot.store.database import Database, Tx, fetch_all, fetch_one, instant, is_busy, iso
from bot.store.question import CardState, card_states
from bot.store.survey import ANSWER_LENGTH, open_text_consultations
from bot.wording.template import Templates
from bot.wording.wording import Wording
from config.model import Config

__all__ = [
    "ALERT_TYPES",
    "ANSWER_LENGTH",
    "CardState",
    "Catalogue",
    "CommandEntry",
    "Component",
    "Core",
    "Database",
    "KeepsData",
    "PrivacyHooks",
    "Subscribers",
    "Tx",
    "archive",
    "build_core",
    "buttons_now",
    "card_states",
    "catalogue",
    "fetch_all",
    "fetch_one",
    "heading_now",
    "instant",
    "is_busy",
    "iso",
    "log_rooms_off",
    "metrics",
    "open_text_consultations",
]

log = logging.getLogger("forumbot")


def log_rooms_off(directory: ForumDirectory, wording: Wording, why_off: Mapping[str, str]) -> None:
    """Once at start: each configured room whose platform is off (with
    ``why_off[platform]``, in a few words), and each forum left with no staff
    room at all."""
    for off in directory.rooms_off():
        log.warning(
            "forum %s: %s %s room %s is off (%s); nothing is queued for it",
            off.forum.id,
            wording.platform_name(off.room.platform),
            off.role,
            off.room.address,
            why_off.get(off.room.platform, "not on"),
        )
    fb = directory.config.platforms.facebook
    if fb.page_posts.forums and not directory.is_on("facebook"):
        log.warning(
            "forums %s: the Facebook Page %s is off (%s); nothing is posted on it",
            ", ".join(fb.page_posts.forums),
            fb.page_id or "(no page_id)",
            why_off.get("facebook", "not on"),
        )
    for forum in directory.forums:
        if not directory.staff_rooms(forum):
            log.warning(
                "forum %s has no staff room on: questions are stored, but no officer sees them",
                forum.id,
            )


@dataclass
class Core:
    config: Config
    db: Database
    queue: asyncio.Queue[Envelope]
    directory: ForumDirectory
    wording: Wording
    sessions: SessionService
    moderation: Moderation
    residents: ResidentDesk
    staff: StaffDesk
    intake: Intake
    dispatcher: Dispatcher
    scheduler: SessionScheduler
    retention: Retention
    alerts: AlertService
    escalation: Escalation
    hooks: EscalationHook | None
    newsletters: Newsletters
    subscribers: Subscribers


def build_core(
    config: Config,
    db: Database,
    clock: Clock,
    templates: Templates,
    senders: Mapping[str, Sender],
    pacers: Mapping[str, Pacer],
    queue: asyncio.Queue[Envelope] | None = None,
    limits: Mapping[str, LengthLimit] | None = None,
    *,
    prefixes: Mapping[str, str] | None = None,
    why_off: Mapping[str, str] | None = None,
    scrub: Callable[[str], str] | None = None,
    hook_poster: HookPoster | None = None,
    hook_urls: Mapping[str, str] | None = None,
) -> Core:
    """The core over ``db`` (open), sending through ``senders`` paced by
    ``pacers`` (both by platform name: the platforms on in this run).
    ``limits``: platform name to its sender's length limit for every platform
    messages may be queued for, off ones included (the senders' own count
    where both are given; without it, only the senders'). ``prefixes``: each
    platform's command prefix, by name, also for platforms that are off (``/``
    where none is given); ``why_off``: why each platform that is off is off,
    in a few words, for the warning about its rooms. ``scrub``: applied to a
    failed send's error text before it is stored (the root masks the
    platforms' secrets with it: a library's error can hold a token).
    ``hook_poster``: how escalations reach the forums' webhooks (none: not
    posted); ``hook_urls``: forum id to its webhook URL, as read from the
    environment variable its ``escalation.webhook_url_env`` names."""
    queue = queue if queue is not None else asyncio.Queue()
    if forget_read_texts not in db.on_erased:
        db.on_erased.append(forget_read_texts)
    directory = ForumDirectory(config, senders.keys())
    wording = Wording(templates, config.contacts, prefixes or {})
    log_rooms_off(directory, wording, why_off or {})
    dispatcher = Dispatcher(
        db,
        senders,
        pacers,
        clock,
        wording,
        retry=RetryPolicy(config.delivery),
        rooms=directory.rooms,
        scrub=scrub,
    )
    outbox = Outbox(dispatcher.wake, {**(limits or {}), **senders})
    report = DeliveryReport(directory, wording, outbox)
    dispatcher.report = report.ended
    dispatcher.report_waiting = report.waiting
    dispatcher.report_went = report.went
    directory.rooms.on_change = report.room_changed
    alerts = AlertService(directory, wording, outbox)
    newsletters = Newsletters(directory, wording, alerts)
    sessions = SessionService(directory, wording, outbox, alerts)
    moderation = Moderation(directory, wording, outbox, sessions)
    rights = DataRights(
        directory, wording, outbox, config.retention, db.privacy_hooks, erased=db.erased
    )
    admission = Admission(directory, wording, config.limits)
    subscriptions = SubscriptionDesk(directory, wording)
    survey_desk = SurveyDesk(directory, wording, alerts)
    residents = ResidentDesk(
        directory, wording, outbox, sessions, rights, admission, subscriptions, survey_desk
    )
    staff = StaffDesk(
        directory,
        wording,
        outbox,
        sessions,
        moderation,
        AskerTools(wording),
        alerts,
        survey_desk,
        newsletters,
    )
    escalation = Escalation(directory, wording, outbox)
    hooks = (
        EscalationHook(db, directory, wording, outbox, hook_poster, hook_urls or {})
        if hook_poster is not None
        else None
    )
    scheduler = SessionScheduler(
        db, sessions, alerts, clock, dispatcher.wake, escalation, hooks, newsletters
    )
    intake = Intake(
        db,
        queue,
        directory,
        residents,
        staff,
        clock,
        wording,
        outbox,
        dispatcher.wake,
        on_heard=dispatcher.heard_from,
    )
    return Core(
        config,
        db,
        queue,
        directory,
        wording,
        sessions,
        moderation,
        residents,
        staff,
        intake,
        dispatcher,
        scheduler,
        Retention(
            db,
            clock,
            config.retention,
            Erasure(wording),
            dispatcher.wake,
        ),
        alerts,
        escalation,
        hooks,
        newsletters,
        Subscribers(directory, wording, outbox, rights),
    )
