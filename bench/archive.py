"""Archive benchmark: the public archive, feeds, search and /metrics on a
store of 100,000 and 1,000,000 answered and published questions, served by
the real web app over real HTTP, and the acknowledgement time of residents'
questions asked through the web chat meanwhile.

    python bench/archive.py                          # 100,000 then 1,000,000
    python bench/archive.py --sizes 100000 --seconds 5    # about 3 minutes
    python bench/archive.py --sizes 1000000 --old-cap 0   # no old-query timings
    python bench/archive.py --sizes 5000 --modes pool --pages "iCalendar feed" \
        --switch-interval 0.0005                   # the GIL's switch interval, see below

For each size the store is built in a temporary directory (schema by
forumbot's own migrations, rows by bulk SQL inserts: published questions and
answers, 100 to a daily session with every tenth a follow-up, their
publications, and for the last 90 days the residents, deliveries and inbox
keys retention keeps). forumbot then runs in a subprocess (``build_app``,
web on, no platform tokens) and this process is the browsers.

Reported per mode, for each kind of page: p50 / p95 response time while
``--clients`` clients fetch it back to back for ``--seconds`` (pages: archive
index, forum page, a session's page, a question's page, search, the Atom
feed, the iCalendar feed, /metrics); and the acknowledgement time of the web
chat questions asked meanwhile (POST /chat/send -> the reply with the
reference arrives over server-sent events), one after another with a 0.2 s
pause, by residents whose pages are already open.

Baselines in the same run:

* the same acknowledgements on the idle server (no page load) at the start
  of each mode: under load / idle is the figure;
* mode ``single``: the same server with ``Database.READERS = 0``, every read
  on the writer's connection in turn with writes (the old read path, with the
  new indexes and queries); mode ``pool`` is forumbot as shipped;
* ``--old-cap S``: the archive's old SQL (before issue 12: each question's
  publication found by scanning ``publication``, search by ``LIKE``, metrics
  by ``GROUP BY``) run once on the same file in this process, stopped after S
  seconds.

``--switch-interval``: forumbot's ``sys.setswitchinterval``. A page that
keeps the event loop busy without awaiting (the iCalendar feed) makes each of
aiosqlite's threads wait up to the interval (5 ms by default) for the GIL at
every query, and an acknowledgement takes dozens of queries.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).resolve()
ROOT = SCRIPT.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    FORUM_NAME,
    OFFICER_ID,
    STAFF_CHAT,
    Child,
    emit,
    peak_rss_kib,
)

FORUM = "bromley"
PER_SESSION = 100  # answers published per (daily) session
FOLLOW_UP_EVERY = 10  # every tenth answer was given between sessions
KEPT_DAYS = 90  # the retention period: newer questions keep their residents and copies
BATCH = 50_000
ASK_GAP_S = 0.2
RESIDENTS = 8
PAGES = (
    "archive index",
    "forum page",
    "session page",
    "question page",
    "search",
    "Atom feed",
    "iCalendar feed",
    "/metrics",
)


def config_yaml(database: str) -> str:
    return f"""
database: {json.dumps(database)}
limits:
  questions_per_hour: 1000000
web:
  enabled: true
forums:
  - id: {FORUM}
    name: {FORUM_NAME}
    phrases: ["{FORUM_NAME}"]
    schedule:
      first: 2026-11-24T20:00
      rrule: FREQ=WEEKLY;INTERVAL=2
    staff_rooms:
      - {{platform: telegram, chat_id: {STAFF_CHAT}}}
    public_rooms:
      - {{platform: telegram, chat_id: "@bromleyforum"}}
    officers:
      telegram: [{OFFICER_ID}]
"""


# --------------------------------------------------------------------------- child


async def child(args: argparse.Namespace) -> None:
    from dataclasses import replace

    from bot.store.database import Database
    from config.load import parse_config
    from forumbot.app import build_app

    Database.READERS = args.readers
    if args.switch_interval:
        sys.setswitchinterval(args.switch_interval)
    config = parse_config(config_yaml(args.database), "bench")
    config = replace(config, web=replace(config.web, port=0))
    started = time.monotonic()
    app = await build_app(config, environ={})
    await app.start()
    assert app.web is not None
    emit(
        "ready",
        {"port": app.web.port, "start_s": time.monotonic() - started, "rss_kib": peak_rss_kib()},
    )
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)  # "stop"
    await app.stop()
    emit("result", {"max_rss_kib": peak_rss_kib()})


# --------------------------------------------------------------------------- the store


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split("|"))


OPENERS = _words(
    "What is being done about | Is anyone looking into | Can you tell me about"
    " | Why is nothing done about | How do I report | Are there more patrols for"
    " | Has anyone else complained about | Who deals with"
)
TOPICS = _words(
    "speeding | parking on the pavement | anti-social behaviour | bike theft | drug dealing"
    " | fly-tipping | graffiti | burglaries | car break-ins | noise at night"
    " | broken street lights | shoplifting | e-scooters on the pavement"
    " | catalytic converter theft | youths gathering | phone snatching | fireworks"
    " | nuisance motorbikes | cold callers | parcel theft | abandoned cars | dangerous dogs"
    " | begging | vandalism"
)
PREPOSITIONS = _words("on | near | around | by | behind | outside")
STREET_NAMES = _words(
    "Elm | Oak | Ash | Beech | Birch | Cedar | Church | Station | High | Mill | Park | Queens"
    " | Kings | Victoria | Albert | Bromley | Hayes | Widmore | Masons | Tweedy | London"
    " | Westmoreland | Ravensbourne | Sundridge | Plaistow | Chislehurst | Bickley"
    " | Southborough | Mead | Orchard | Garden | Manor | Grange | Meadow | Valley | Hill | Green"
    " | Common | Pond | Lake | Forest | Heath | Copse | Warren | Crescent | Holly | Laurel | Rowan"
)
STREET_TYPES = _words("Road | Lane | Street | Avenue | Close | Way | Grove | Hill | Gardens")
PLACES = _words(
    "the library | the station | the park gates | the leisure centre | the primary school"
    " | the shops | the bus stop | the car park | the church | the recreation ground"
)
TAILS = _words(
    "It has been going on for weeks. | It happens most evenings. | Residents are worried."
    " | My neighbours have noticed it too. | |"
)
ANSWER_OPENERS = _words(
    "Thank you for raising this. | We are aware of this. | Good question."
    " | This has been reported to us before."
)
ACTIONS = _words(
    "Officers will patrol | The safer neighbourhoods team is visiting"
    " | We have asked the council to look at | Speed checks are planned on"
    " | We are working with the landlord on | Extra patrols are in place around"
)
WHENS = _words("this week | next week | at weekends | in the evenings | over the summer | daily")
ADVICE = _words(
    "Please report anything you see on 101 or online. | In an emergency always call 999."
    " | You can report anonymously to Crimestoppers on 0800 555 111."
    " | Lock bikes to a fixed stand with two locks. | Keep valuables out of sight in cars. |"
)
SYLLABLES = _words("ka|lo|mi|ru|ten|vas|bel|dor|fin|gar|hul|jen|kir|lum|nob|pel|quo|ris|sul|tor")


def _rare_word(rng: random.Random) -> str:
    """A made-up word (a shop's or a business's name): the long tail of the vocabulary."""
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def _texts(rng: random.Random) -> tuple[str, str, str]:
    """A published question, its answer, and the made-up name in it (or '')."""
    street = f"{rng.choice(STREET_NAMES)} {rng.choice(STREET_TYPES)}"
    name = _rare_word(rng) if rng.random() < 0.5 else ""
    place = f"{name}'s" if name else rng.choice(PLACES)
    question = (
        f"{rng.choice(OPENERS)} {rng.choice(TOPICS)} {rng.choice(PREPOSITIONS)} {street}"
        f" near {place}? {rng.choice(TAILS)}"
    ).strip()
    answer = (
        f"{rng.choice(ANSWER_OPENERS)} {rng.choice(ACTIONS)} {street} {rng.choice(WHENS)}."
        f" {rng.choice(ADVICE)}"
    ).strip()
    return question, answer, name


def _iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass
class Store:
    path: str
    questions: int
    sessions: int
    build_s: float
    size_mib: float
    rare_words: list[str]


async def _migrate(path: str) -> None:
    from bot.store.database import Database

    async with Database(path):
        pass


def build_store(path: str, n: int, seed: int = 12) -> Store:
    """``n`` answered, published questions through forumbot's schema, by bulk
    inserts (the store's triggers fill the search index and the counts)."""
    started = time.monotonic()
    asyncio.run(_migrate(path))
    rng = random.Random(seed)
    sessions = math.ceil(n / PER_SESSION)
    now = datetime.now(UTC).replace(hour=19, minute=0, second=0, microsecond=0)
    last_start = now - timedelta(days=1)
    kept_from = now - timedelta(days=KEPT_DAYS)
    rare: list[str] = []
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")  # bulk load; WAL again at the end
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")
        conn.execute("BEGIN")
        starts = [last_start - timedelta(days=sessions - k) for k in range(1, sessions + 1)]
        conn.executemany(
            "INSERT INTO session (id, forum_id, starts_at, ends_at, scheduled, state,"
            " opened_at, closed_at) VALUES (?, ?, ?, ?, 0, 'closed', ?, ?)",
            (
                (
                    k,
                    FORUM,
                    _iso(s),
                    _iso(s + timedelta(hours=1)),
                    _iso(s),
                    _iso(s + timedelta(hours=1)),
                )
                for k, s in enumerate(starts, start=1)
            ),
        )
        residents = 0
        for first in range(1, n + 1, BATCH):
            questions: list[tuple[Any, ...]] = []
            publications: list[tuple[Any, ...]] = []
            outbox: list[tuple[Any, ...]] = []
            inbox: list[tuple[Any, ...]] = []
            people: list[tuple[Any, ...]] = []
            for ref in range(first, min(first + BATCH, n + 1)):
                k = (ref - 1) // PER_SESSION + 1
                start = starts[k - 1]
                follow_up = ref % FOLLOW_UP_EVERY == 0
                asked = start - timedelta(hours=30 if follow_up else 2, seconds=ref % 3600)
                answered = (
                    start - timedelta(hours=6) if follow_up else start + timedelta(minutes=ref % 60)
                )
                published = start if follow_up else answered
                publishable, answer, name = _texts(rng)
                if name and len(rare) < 20 and rng.random() < 0.01:
                    rare.append(name)
                kept = answered >= kept_from
                resident_id = None
                if kept:
                    if ref % 3 == 0 or residents == 0:
                        residents += 1
                        user = str(7_000_000 + residents)
                        people.append(
                            (
                                residents,
                                "telegram",
                                user,
                                user,
                                f"R-{residents:05X}",
                                _iso(asked),
                                _iso(answered),
                            )
                        )
                    resident_id = residents
                text = f"Hello, it's Sam from number 4. {publishable}" if kept else "[erased]"
                questions.append(
                    (
                        ref, FORUM, resident_id, text, publishable, answer, _iso(answered),
                        None if follow_up else k, _iso(asked), _iso(answered),
                        None if kept else _iso(answered + timedelta(days=KEPT_DAYS)),
                        _iso(published), k,
                    )
                )  # fmt: skip
                publications.append(
                    (ref, FORUM, int(follow_up), _iso(answered), _iso(published), k)
                )
                if kept:
                    chat = str(7_000_000 + residents)
                    for chat_id, kind, purpose in (
                        (chat, "private", "reply"),
                        (str(STAFF_CHAT), "group", "card"),
                        ("@bromleyforum", "channel", "publication"),
                    ):
                        outbox.append(
                            (
                                "telegram", chat_id, kind, '[["bench", false]]', 20, purpose, ref,
                                resident_id if kind == "private" else None, _iso(asked),
                                _iso(asked), "1",
                            )
                        )  # fmt: skip
                    inbox.append(("telegram", f"bench-{ref}", _iso(asked), _iso(asked)))
            conn.executemany(
                "INSERT INTO resident (id, platform, user_id, chat_id, pseudonym, first_seen_at,"
                " last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                people,
            )
            conn.executemany(
                "INSERT INTO question (id, forum_id, resident_id, state, text, publishable,"
                " answer, answered_at, answered_session_id, created_at, updated_at, purged_at,"
                " published_at, published_session_id)"
                " VALUES (?, ?, ?, 'answered', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                questions,
            )
            conn.executemany(
                "INSERT INTO publication (question_id, forum_id, follow_up, created_at,"
                " published_at, session_id) VALUES (?, ?, ?, ?, ?, ?)",
                publications,
            )
            conn.executemany(
                "INSERT INTO outbox (platform, chat_id, chat_kind, body, priority, purpose,"
                " question_id, resident_id, state, created_at, sent_at, platform_message_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'sent', ?, ?, ?)",
                outbox,
            )
            conn.executemany(
                "INSERT INTO inbox (platform, event_key, received_at, processed_at)"
                " VALUES (?, ?, ?, ?)",
                inbox,
            )
            print(f"  {min(first + BATCH - 1, n):,} questions", file=sys.stderr, flush=True)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    size = sum(os.path.getsize(p) for p in Path(path).parent.glob(Path(path).name + "*"))
    return Store(path, n, sessions, time.monotonic() - started, size / 2**20, rare)


# --------------------------------------------------------------------------- the old SQL

_OLD_FROM = (
    " FROM question q JOIN publication p ON p.question_id = q.id"
    " WHERE q.forum_id = ? AND q.state = 'answered' AND q.answer IS NOT NULL"
    " AND p.published_at IS NOT NULL"
    " AND p.id = (SELECT MAX(p2.id) FROM publication p2"
    " WHERE p2.question_id = q.id AND p2.published_at IS NOT NULL)"
)
_OLD_PUBLISHED = (
    "SELECT q.id AS ref, q.publishable, q.answer, q.answered_at, p.published_at,"
    " p.session_id, q.answered_session_id IS NULL AS follow_up" + _OLD_FROM
)
_OLD_SESSIONS = (
    "SELECT s.id, s.starts_at, s.ends_at, s.state,"
    " (SELECT COUNT(*)" + _OLD_FROM + " AND p.session_id = s.id) AS answers"
    " FROM session s WHERE s.forum_id = ? AND s.opened_at IS NOT NULL"
)


def old_queries(store: Store) -> dict[str, tuple[str, tuple[Any, ...]]]:
    middle = store.sessions // 2
    like = "%speeding%"
    return {
        "question page": (_OLD_PUBLISHED + " AND q.id = ?", (FORUM, store.questions // 2)),
        "session page": (
            _OLD_PUBLISHED + " AND p.session_id = ? ORDER BY q.id",
            (FORUM, middle),
        ),
        "Atom feed": (
            _OLD_PUBLISHED + " ORDER BY p.published_at DESC, q.id DESC LIMIT 50",
            (FORUM,),
        ),
        "search": (
            _OLD_PUBLISHED
            + " AND (q.publishable LIKE ? ESCAPE '\\' OR q.answer LIKE ? ESCAPE '\\')"
            " ORDER BY p.published_at DESC, q.id DESC LIMIT 50",
            (FORUM, like, like),
        ),
        "forum page": (_OLD_SESSIONS + " ORDER BY s.starts_at DESC, s.id DESC", (FORUM, FORUM)),
        "/metrics": (
            "SELECT (SELECT COUNT(*) FROM (SELECT forum_id, state, COUNT(*) FROM question"
            " GROUP BY forum_id, state)), (SELECT COUNT(*) FROM (SELECT platform, state, COUNT(*)"
            " FROM outbox GROUP BY platform, state))",
            (),
        ),
    }


def time_old_queries(store: Store, cap_s: float) -> dict[str, float | None]:
    """Each old query once, in seconds; None where it was stopped at ``cap_s``."""
    timings: dict[str, float | None] = {}
    with contextlib.closing(sqlite3.connect(store.path)) as conn:
        for name, (sql, params) in old_queries(store).items():
            deadline = time.monotonic() + cap_s
            conn.set_progress_handler(lambda end=deadline: time.monotonic() > end, 100_000)
            started = time.monotonic()
            try:
                conn.execute(sql, params).fetchall()
                timings[name] = time.monotonic() - started
            except sqlite3.OperationalError:
                timings[name] = None
            shown = f"{timings[name]:.3f}s" if timings[name] is not None else f">{cap_s:.0f}s"
            print(f"  old SQL, {name}: {shown}", file=sys.stderr, flush=True)
    return timings


# --------------------------------------------------------------------------- browsers


class Resident:
    """A browser on the chat page, its server-sent events read into a queue."""

    def __init__(self, base: str) -> None:
        import aiohttp

        self.base = base
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.csrf = ""
        self.replies: asyncio.Queue[str] = asyncio.Queue()
        self.reader: asyncio.Task[None] | None = None
        self.asked = 0

    async def open(self) -> None:
        async with self.http.get(self.base + "/") as response:
            found = re.search(r'name="csrf" value="([^"]+)"', await response.text())
            assert found, "the chat page has no CSRF token"
            self.csrf = found.group(1)
        ready = asyncio.Event()
        self.reader = asyncio.create_task(self._read(ready))
        await asyncio.wait_for(ready.wait(), 60)

    async def _read(self, ready: asyncio.Event) -> None:
        async with self.http.get(self.base + "/chat/events", timeout=None) as response:
            ready.set()
            buffer = ""
            async for chunk in response.content.iter_any():
                buffer += chunk.decode()
                while "\n\n" in buffer:
                    block, buffer = buffer.split("\n\n", 1)
                    data = [line[6:] for line in block.splitlines() if line.startswith("data: ")]
                    if data:
                        event = json.loads("\n".join(data))
                        self.replies.put_nowait("".join(span[0] for span in event["spans"]))

    async def ask(self) -> float:
        """Ask a question; ms until its acknowledgement (with the reference) arrives."""
        self.asked += 1
        started = time.perf_counter()
        async with self.http.post(
            self.base + "/chat/send",
            json={"text": f"{FORUM_NAME} is anyone checking the bus shelter? ({self.asked})"},
            headers={"X-CSRF-Token": self.csrf, "Accept": "application/json"},
        ) as response:
            assert response.status == 200, await response.text()
        while True:
            reply = await asyncio.wait_for(self.replies.get(), 600)
            if re.search(r"#\d+", reply):
                return (time.perf_counter() - started) * 1000

    async def close(self) -> None:
        if self.reader is not None:
            self.reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.reader
        await self.http.close()


def _paths(kind: str, store: Store, rng: random.Random) -> Iterator[str]:
    searches = [
        "speeding",
        "bike theft",
        "street lights station",
        "fly-tipping Elm",
        "patrols evenings",
        "the road",
        "nosuchword",
        '"NEAR* -road',
        *store.rare_words[:20],
    ]
    n = 0
    while True:
        n += 1
        if kind == "archive index":
            yield "/archive"
        elif kind == "forum page":
            yield f"/archive/{FORUM}"
        elif kind == "session page":
            yield f"/archive/{FORUM}/sessions/{rng.randint(1, store.sessions)}"
        elif kind == "question page":
            yield f"/archive/{FORUM}/questions/{rng.randint(1, store.questions)}"
        elif kind == "search":
            from urllib.parse import quote_plus

            yield f"/archive/{FORUM}?q={quote_plus(searches[n % len(searches)])}"
        elif kind == "Atom feed":
            yield f"/archive/{FORUM}/answers.atom"
        elif kind == "iCalendar feed":
            yield f"/archive/{FORUM}/sessions.ics"
        else:
            yield "/metrics"


async def load(base: str, paths: Iterator[str], clients: int, seconds: float) -> list[float]:
    """``clients`` clients fetching back to back for ``seconds``: each response's ms."""
    import aiohttp

    times: list[float] = []
    deadline = time.monotonic() + seconds
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(connector=connector) as http:

        async def client() -> None:
            while time.monotonic() < deadline:
                path = next(paths)
                started = time.perf_counter()
                async with http.get(base + path) as response:
                    await response.read()
                    assert response.status == 200, (path, response.status)
                times.append((time.perf_counter() - started) * 1000)

        await asyncio.gather(*(client() for _ in range(clients)))
    return times


async def ask_until(residents: list[Resident], done: Callable[[], bool]) -> list[float]:
    """Acknowledgement times of questions asked one after another until ``done``."""
    acks: list[float] = []
    turn = 0
    while not done():
        acks.append(await residents[turn % len(residents)].ask())
        turn += 1
        await asyncio.sleep(ASK_GAP_S)
    return acks


# --------------------------------------------------------------------------- runs


@dataclass
class Phase:
    kind: str
    pages_ms: list[float] = field(default_factory=list)
    acks_ms: list[float] = field(default_factory=list)


@dataclass
class ModeRun:
    mode: str
    start_s: float = float("nan")
    rss_mib: float = float("nan")
    phases: list[Phase] = field(default_factory=list)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


async def run_mode(store: Store, mode: str, args: argparse.Namespace) -> ModeRun:
    from bot.store.database import Database

    readers = Database.READERS if mode == "pool" else 0
    run = ModeRun(mode)
    bot = Child(
        SCRIPT,
        [
            "--database",
            store.path,
            "--readers",
            str(readers),
            "--switch-interval",
            str(args.switch_interval),
        ],
        ready_within_s=300,
    )
    residents: list[Resident] = []
    try:
        ready = await bot.start()
        run.start_s = ready["start_s"]
        base = f"http://127.0.0.1:{ready['port']}"
        for _ in range(RESIDENTS):
            resident = Resident(base)
            await resident.open()
            residents.append(resident)
        rng = random.Random(7)
        for kind in PAGES:  # warm up: each kind a few times
            await load(base, _paths(kind, store, rng), 1, 0.3)
        for resident in residents:  # and the chat
            await resident.ask()

        idle = Phase("idle (no page load)")
        deadline = time.monotonic() + args.seconds
        idle.acks_ms = await ask_until(residents, lambda: time.monotonic() > deadline)
        run.phases.append(idle)
        for kind in args.pages:
            phase = Phase(kind)
            pages = asyncio.create_task(
                load(base, _paths(kind, store, rng), args.clients, args.seconds)
            )
            phase.acks_ms = await ask_until(residents, pages.done)
            phase.pages_ms = await pages
            run.phases.append(phase)
            print(
                f"  {mode} {kind}: {len(phase.pages_ms)} pages p50 {pct(phase.pages_ms, 0.5):.1f}"
                f" p95 {pct(phase.pages_ms, 0.95):.1f} ms; {len(phase.acks_ms)} acks p50"
                f" {pct(phase.acks_ms, 0.5):.0f} p95 {pct(phase.acks_ms, 0.95):.0f} ms",
                file=sys.stderr,
                flush=True,
            )
        for resident in residents:
            await resident.close()
        residents = []
        result = await bot.stop()
        run.rss_mib = result["max_rss_kib"] / 1024
    finally:
        for resident in residents:
            await resident.close()
        await bot.kill()
    return run


def report(store: Store, old: dict[str, float | None], runs: list[ModeRun], cap_s: float) -> None:
    print(
        f"\n## {store.questions:,} published questions, {store.sessions:,} sessions"
        f" (store built in {store.build_s:.0f} s, {store.size_mib:.0f} MiB)\n"
    )
    by_mode = {r.mode: r for r in runs}
    modes = [r.mode for r in runs]
    head = "| page |" + "".join(
        f" {m}: pages p50 / p95 ms | {m}: acks meanwhile p50 / p95 ms |" for m in modes
    )
    print(head)
    print("|---|" + "---|---|" * len(modes))
    kinds = [p.kind for p in runs[0].phases]
    for i, kind in enumerate(kinds):
        cells = []
        for m in modes:
            phase = by_mode[m].phases[i]
            pages = (
                f"{pct(phase.pages_ms, 0.5):.1f} / {pct(phase.pages_ms, 0.95):.1f}"
                f" ({len(phase.pages_ms)})"
                if phase.pages_ms
                else "-"
            )
            acks = (
                f"{pct(phase.acks_ms, 0.5):.0f} / {pct(phase.acks_ms, 0.95):.0f}"
                f" ({len(phase.acks_ms)})"
            )
            cells.append(f" {pages} | {acks} |")
        print(f"| {kind} |" + "".join(cells))
    print()
    for run in runs:
        idle = run.phases[0].acks_ms
        loaded = [a for p in run.phases[1:] for a in p.acks_ms]
        print(
            f"- {run.mode}: acknowledgements under page load p50 {pct(loaded, 0.5):.0f} ms,"
            f" p95 {pct(loaded, 0.95):.0f} ms, max {max(loaded, default=float('nan')):.0f} ms;"
            f" idle p50 {pct(idle, 0.5):.0f} ms, p95 {pct(idle, 0.95):.0f} ms:"
            f" **under load / idle (p95) {pct(loaded, 0.95) / pct(idle, 0.95):.2f}**."
            f" Start-up {run.start_s:.1f} s, peak RSS {run.rss_mib:.0f} MiB."
        )
    if "pool" in by_mode and "single" in by_mode:
        pool = [a for p in by_mode["pool"].phases[1:] for a in p.acks_ms]
        single = [a for p in by_mode["single"].phases[1:] for a in p.acks_ms]
        p50 = pct(pool, 0.5) / pct(single, 0.5)
        p95 = pct(pool, 0.95) / pct(single, 0.95)
        print(
            f"- acknowledgements under load, pool / single connection: p50 {p50:.2f}, p95 {p95:.2f}"
        )
    if old:
        shown = ", ".join(
            f"{name} {'>' + format(cap_s, '.0f') + ' s' if t is None else format(t, '.3f') + ' s'}"
            for name, t in old.items()
        )
        print(f"- the old SQL once on this store: {shown}.")
    sys.stdout.flush()


async def run_size(n: int, args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="forumbot-archive-", dir=args.tmp) as tmp:
        path = os.path.join(tmp, "bench.sqlite3")
        print(f"run: building {n:,} questions", file=sys.stderr, flush=True)
        store = await asyncio.get_running_loop().run_in_executor(None, build_store, path, n)
        print(
            f"  built in {store.build_s:.1f}s, {store.size_mib:.0f} MiB",
            file=sys.stderr,
            flush=True,
        )
        old = time_old_queries(store, args.old_cap) if args.old_cap > 0 else {}
        runs = [await run_mode(store, mode, args) for mode in args.modes]
        report(store, old, runs, args.old_cap)
        return {
            "questions": n,
            "sessions": store.sessions,
            "build_s": store.build_s,
            "size_mib": store.size_mib,
            "old_s": old,
            "runs": [
                {
                    "mode": r.mode,
                    "start_s": r.start_s,
                    "rss_mib": r.rss_mib,
                    "phases": [p.__dict__ for p in r.phases],
                }
                for r in runs
            ],
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join((__doc__ or "").split("\n\n")[1:]),
    )
    parser.add_argument("--sizes", nargs="*", type=int, default=[100_000, 1_000_000])
    parser.add_argument("--seconds", type=float, default=10.0, help="per kind of page")
    parser.add_argument("--clients", type=int, default=4, help="concurrent page clients")
    parser.add_argument("--modes", nargs="*", default=["pool", "single"])
    parser.add_argument("--pages", nargs="*", default=list(PAGES), choices=PAGES)
    parser.add_argument(
        "--switch-interval",
        type=float,
        default=0.0,
        help="forumbot's sys.setswitchinterval in seconds (default: Python's 0.005)",
    )
    parser.add_argument("--old-cap", type=float, default=20.0, help="0: skip the old SQL")
    parser.add_argument("--tmp", default=None, help="where the store is built (a temp dir)")
    parser.add_argument("--json", help="write every figure to this file")
    # Internal: forumbot in its own process (started by the parent).
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--readers", type=int, default=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        import logging

        logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
        asyncio.run(child(args))
        return 0

    async def everything() -> list[dict[str, Any]]:
        return [await run_size(n, args) for n in args.sizes]

    figures = asyncio.run(everything())
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
