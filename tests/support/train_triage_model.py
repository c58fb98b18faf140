"""Trains the triage's statistical model (bot/safeguarding/triage/model.py)
and writes its weights to bot/safeguarding/triage/data/model.json.

    .venv/bin/python -m tests.support.train_triage_model            # the leave-one-file-out table
    .venv/bin/python -m tests.support.train_triage_model --write    # and write model.json

Training data: every labelled file in tests/data/triage/ except the sealed
unseen sets (``unseen_*``; the spent ones in SPENT, run once and then
released for tuning, are read like the dev files): old schema ``{"text", "concern"}`` (urgent when
the concern is not "none") and new schema ``{"text", "urgent": bool, ...}``;
and, as ordinary messages, the redaction corpora written before issue 15
(ORDINARY below: realistic forum questions full of names, numbers,
addresses and old crimes, by three authors), but for the few of their
messages that ask for help now (NOT_ORDINARY), which are left out; and
CHAT, the commands, pleasantries and everyday questions about messages
("is this message a scam?") a bot is sent.

The model: logistic regression (scikit-learn's lbfgs, L2, C below, classes
balanced) over model.features of the normalised text; features seen in fewer
than two messages are left out, weights rounded to four decimals. The same
corpora give the same file, byte for byte (tests/bot/test_triage_model.py
checks the committed one). scikit-learn is needed here only: the bot reads
the file in plain Python.

The threshold: each file in turn is held out, a model trained on the others
and the held-out file scored (leave one file out: each file was written by
other hands, so this is the honest estimate for a new writer). The threshold
is the lowest probability, in steps of 0.01, at which the model alone raises
no more than MAX_FALSE_ALARMS of the held-out ordinary messages of the
triage files, pooled. It does not depend on the rules, so widening them needs no new
threshold; the rules' own false alarms come on top.
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from bot.safeguarding.language import unread_by_model
from bot.safeguarding.triage.concern import Triage
from bot.safeguarding.triage.engine import by_rules, model_says
from bot.safeguarding.triage.model import Model, features, without_command
from bot.safeguarding.triage.normalise import normalise
from bot.safeguarding.triage.other_languages import assess_other

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "triage"
MODEL_FILE = ROOT / "bot" / "safeguarding" / "triage" / "data" / "model.json"
SEALED_PREFIX = "unseen_"
# Unseen sets run once and spent (tests/data/triage/README.md): development
# data since. Any other unseen_* file is sealed and never read here.
SPENT = frozenset(
    {
        "unseen_2026_11_a.jsonl",
        "unseen_2026_11_b.jsonl",
        "unseen_2026_11_30_a.jsonl",
        "unseen_2026_11_30_b.jsonl",
        # the third unseen set, run once (docs/safeguarding.md) and spent
        # (issue 15e)
        "unseen_2026_11_30_c.jsonl",
        "unseen_2026_11_30_d.jsonl",
        # the fourth unseen set, run once (docs/safeguarding.md) and spent
        # (issue 15, triage round 5)
        "unseen_2026_11_30_e.jsonl",
        "unseen_2026_11_30_f.jsonl",
        # the fifth unseen set, run once (docs/safeguarding.md) and spent
        # (issue 15, triage round 6)
        "unseen_2026_11_30_g.jsonl",
        "unseen_2026_11_30_h.jsonl",
        # the sixth unseen set, run once (docs/safeguarding.md) and spent
        # (issue 15, triage round 7)
        "unseen_2026_11_30_i.jsonl",
        "unseen_2026_11_30_j.jsonl",
        # the seventh unseen set, run once (/work/notes, docs/safeguarding.md)
        # and spent (issue 15, triage round 8)
        "unseen_2026_11_30_k.jsonl",
        "unseen_2026_11_30_l.jsonl",
        # the eighth unseen set, run once (/work/notes, docs/safeguarding.md)
        # and spent (issue 15, round 10)
        "unseen_2026_11_30_m.jsonl",
        "unseen_2026_11_30_n.jsonl",
        # the ninth unseen set, run once (/work/notes, docs/triage-figures.md)
        # and spent (issue 15, round 11)
        "unseen_2026_11_30_o.jsonl",
        "unseen_2026_11_30_p.jsonl",
        # the tenth unseen set, run once (/work/notes, docs/triage-figures.md)
        # and spent (issue 15, round 12)
        "unseen_2026_11_30_q.jsonl",
        "unseen_2026_11_30_r.jsonl",
        # the eleventh unseen set, run once (/work/notes, docs/triage-figures.md)
        # and spent (issue 15, round 13)
        "unseen_2026_11_30_s.jsonl",
        "unseen_2026_11_30_t.jsonl",
        # the twelfth unseen set, run once (docs/triage-figures.md) and spent
        # (issue 15, round 15)
        "unseen_2026_11_30_u.jsonl",
        "unseen_2026_11_30_v.jsonl",
        # the thirteenth unseen set, run once (docs/triage-figures.md) and spent
        # (issue 15, round 16)
        "unseen_2026_12_01_a.jsonl",
        "unseen_2026_12_01_b.jsonl",
        # the fourteenth unseen set, run once (docs/triage-figures.md) and spent
        # (issue 15, round 17)
        "unseen_2026_12_01_c.jsonl",
        "unseen_2026_12_01_d.jsonl",
        # the fifteenth unseen set, run once (docs/triage-figures.md) and spent
        # (issue 15, round 18)
        "unseen_2026_12_01_e.jsonl",
        "unseen_2026_12_01_f.jsonl",
        # the sixteenth unseen set, run once (docs/triage-figures.md) and spent
        # (issue 15, round 19)
        "unseen_2026_12_01_g.jsonl",
        "unseen_2026_12_01_h.jsonl",
        # the seventeenth unseen set, run once (docs/triage-figures.md) and
        # spent (issue 15, round 20)
        "unseen_2026_12_02_a.jsonl",
        "unseen_2026_12_02_b.jsonl",
        # the eighteenth unseen set, run once (docs/triage-figures.md) and
        # spent (issue 15, round 21)
        "unseen_2026_12_02_c.jsonl",
        "unseen_2026_12_02_d.jsonl",
    }
)
# Redaction corpora (tests/data/personal_details/) read as ordinary messages.
# Never the sealed unseen_2026_11.jsonl.
ORDINARY = [
    "dev",
    "own_heldout",
    "independent_dev",
    "independent_heldout",
    "third_author",
    "dev_2026_11_e",
    "dev_2026_11_f",
]
ORDINARY_DIR = ROOT / "tests" / "data" / "personal_details"
# Their messages that are, or may be, urgent by the triage's labelling
# conventions (docs/safeguarding.md), by their first words: left out of training.
NOT_ORDINARY = (
    "Hi, my name is Ravi Sharma. My son Arjun",  # a child not answering for hours
    "Hello, my brother Callum Reid has been missing",
    "My father Ray Dunn was born on 19 May 1940 and has dementia",  # missing this afternoon
    "Hello, my husband Gordon Fraser",  # Alzheimer's, missing since 2pm
    "My niece Precious Adebayo is 15 and has gone missing",
    "Hello, I'm Olga Petrenko",  # forced to work: trafficking
    "Good evening, I am from Romania, my name Ionut Stanciu",  # passport taken
    "Hello, I am Pham Van Duc, I work in nail shop",  # passport kept, cannot leave
    "There is a man in a grey hoodie trying car door handles",  # right now
    "my nan sed a man came 2 her door",  # a stranger upstairs in her house
    "I should explain that I am eighty nine, housebound",  # a stranger at the door
)
# Chosen by leaving one blind set out (tests/support/triage_set_out.py; issue
# 15, round 5): C 3 with 6-grams over C 10 and 5-grams, 0.035 over 0.03.
# Round 8 (seven sets, the seventh and its families in): 0.04 over 0.035,
# the lowest share that keeps every emergency the triage caught held out
# (0.035 lost a Gaelic boat capsized when the sixth set was held out).
# Round 12 (ten sets, the round-11 and round-12 families in): 0.035 over
# 0.04, the same held-out emergencies caught (1596/1600) with fewer false
# alarms (37 against 40 of 2780); 0.03 loses one (docs/triage-figures.md).
# Round 14: 0.032 over 0.035. With the round-14 family file 0.035 chose
# 0.28 (0.30 before), raising three writers' ordinary lines (a sofa in the
# road, a French lost phone, a bridge barrier question) the model left
# alone before; 0.032 chose 0.31 on the final corpora (docs/triage-figures.md,
# "Round 14: false alarms", with the leave-one-set-out figures).
# Round 16: 0.025 over 0.032, chosen by the nested leave-one-set-out sweep
# (tests.support.triage_set_out --sweep) once the model read its
# message-wide cues (model_cues.py): held out, 1918/1920 emergencies and
# 29/3340 false alarms at 0.025 (and 0.028), 1919 and 38 at 0.032 (which
# now chooses 0.26); 0.02 loses two more. Main before the cues: 1917 and 37
# at 0.032 (docs/triage-figures.md, "Round 16: model false alarms").
C = 3.0  # inverse strength of the L2 penalty
MIN_MESSAGES = 3  # a feature must be seen in at least this many training messages
DECIMALS = 4
MAX_FALSE_ALARMS = 0.025  # share of held-out ordinary messages the model alone may flag


@dataclass(frozen=True)
class Labelled:
    text: str
    urgent: bool
    file: str  # the corpus file's stem ("dev", "dev_2026_11_c")


# Files written to test the phrases of other languages
# (bot/safeguarding/triage/data/other_languages.yaml) by their writer, in
# other languages only: not read by the English model. Trained on, the
# round-5 file raised the threshold from 0.42 to 0.54 and lost two English
# emergencies of the fourth unseen set (docs/decisions.md).
PHRASES_ONLY = frozenset({"dev_2026_11_30_k.jsonl"})
# Probes written in a round that tunes the rules only (the shipped model is
# left as it is): not read until the next retrain takes them in, so the
# shipped model stays what training makes of the corpora. Round 20's
# triage probe was taken in by round 21's retrain; none waits now.
NOT_YET_TRAINED: frozenset[str] = frozenset()


def corpus_files() -> list[Path]:
    """The training files, sorted by name: every .jsonl in tests/data/triage/
    but the sealed unseen sets (the spent ones, SPENT, are read), the
    phrase files (PHRASES_ONLY) and the probes not yet trained on
    (NOT_YET_TRAINED)."""
    return sorted(
        p
        for p in CORPUS.glob("*.jsonl")
        if (not p.name.startswith(SEALED_PREFIX) or p.name in SPENT)
        and p.name not in PHRASES_ONLY
        and p.name not in NOT_YET_TRAINED
    )


def load(path: Path) -> list[Labelled]:
    """The labelled messages of one triage file (either schema)."""
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            urgent = row["urgent"] if "urgent" in row else row["concern"] != "none"
            examples.append(Labelled(row["text"], bool(urgent), path.stem))
    return examples


def load_ordinary(name: str) -> list[Labelled]:
    """A redaction corpus's messages as ordinary ones, NOT_ORDINARY left out."""
    path = ORDINARY_DIR / f"{name}.jsonl"
    texts = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line]
    return [
        Labelled(text, False, f"redaction_{name}")
        for text in texts
        if not text.startswith(NOT_ORDINARY)
    ]


# What residents send besides questions: the bot's commands, greetings,
# thanks and sign-offs, all ordinary (the corpora above have few of them).
CHAT = """/start
/ask
/help
/status
/next
/withdraw 3
/mydata
/forget
/stop
/unsubscribe
hi
hello
hello?
hi there
good morning
good evening
ok
ok thanks
yes
no
yes please
no thank you
thanks
thank you
thank you very much
cheers
ta
great, thanks for letting me know
that's fine
sorry, wrong chat
test
testing testing
is this working?
how does this work?
when is the next forum?
can i ask a question here?
I'll ask again next time
bye
see you next time
kind regards
many thanks for your help
Sent from my iPhone
is this message a scam?
is this text message a scam?
is this text a scam
is this email a scam or real?
got this message, is it legit?
is this a real police message?
can you check this message for me please
what does this message mean?
did you get my message?
I sent a message last week, any reply yet?
sorry for the long message
this message is for PC Evans
who do I report a scam text to?
I had a text saying my parcel is held, is it genuine?"""


# Messages written by the tuner for the model's false-alarm families (issue
# 15, round 7: a row in the night with both fine in the morning, a past
# property crime and a crime number, a store broken into, survey answers that
# look like formulas, a wedding abroad), with urgent contrasts: trained on,
# but like the redaction corpora and the chat they never choose the
# threshold (written to be hard for the model, they would raise it by their
# number alone; the threshold is chosen on files written by other hands).
# Round 8: car and shop alarms with nobody about, metal and boat thefts
# found afterwards, with thefts and break-ins happening now. Round 10 (the
# eighth set): a small fire put out with everyone fine, someone not there now
# but back another day, "is this a known scam?", everyday questions in other
# languages, "if he did, would police ...?" with the person in view, and short
# everyday messages ("on her way", "5 mins away", "open tonight?"), each
# with urgent look-alikes. Round 11 (the ninth set): a worried older person
# asking for crime-prevention help after a TV programme, "this heat is killing
# me ... just venting", everyday questions in other languages (Kurdish, Farsi,
# Pashto, Tigrinya, Vietnamese, Chinese, ...), a calm person sleeping rough
# and help asked for them; each with urgent look-alikes. Round 12 (the tenth
# set): see tests/data/triage/README.md ("Round 12 model families"). Round 13
# (the eleventh set): a car left for weeks "not urgent at all", a talk asked
# for in Welsh, "me muero de ganas", "drop dead gorgeous", with urgent
# look-alikes (tests/data/triage/README.md, "Round 13 model families").
# Round 14 (false alarms over every readable file): a vehicle in a car park
# named after the water, small thefts over weeks, a van left "not urgent in
# the slightest", everyday questions in romanised Urdu and Turkish,
# "está me matando kkkk", an old trauma, a past incident heard of, a leak
# from the flat above, a neighbour away, short chat; each with urgent
# look-alikes (tests/data/triage/README.md, "Round 14 model families").
# Round 15 (the twelfth set's model false alarms, by concept): TV, books and
# drama; things found or left (a knife in a hedge, a needle, a bag); events
# long past and records requests; licences and how-to questions naming a
# weapon; everyday complaints and short questions; "will kill me" idioms in
# Polish and Lithuanian; each with live emergencies in the same words
# (tests/data/triage/README.md, "Round 15 model families"). Round 16 (the
# thirteenth set's part a): questions and complaints about policy, rumour
# and news, and incidents told as over, naming a danger word; with urgent
# look-alikes in the same words (tests/data/triage/README.md, "Round 16
# model families"), beside the model's message-wide cues (model_cues.py).
TUNING_FAMILIES = frozenset(
    {
        "model_families_round7",
        "model_families_round8",
        "model_families_round10",
        "model_families_round11",
        "model_families_round12",
        "model_families_round13",
        "model_families_round14",
        "model_families_round15",
        "model_families_round16",
    }
)
# The files whose messages never choose the threshold.
EXTRA_ORDINARY = {*(f"redaction_{name}" for name in ORDINARY), "chat", *TUNING_FAMILIES}


def corpora() -> dict[str, list[Labelled]]:
    """Every training file's messages, by file."""
    files = {path.stem: load(path) for path in corpus_files()}
    for name in ORDINARY:
        files[f"redaction_{name}"] = load_ordinary(name)
    files["chat"] = [Labelled(text, False, "chat") for text in CHAT.splitlines()]
    return files


class Features:
    """Every message's features, counted once: a sparse matrix (a row a
    message, a column a feature) and the features' names, sorted."""

    def __init__(self, examples: list[Labelled]) -> None:
        rows = [features(normalise(without_command(e.text))) for e in examples]
        self.names = sorted({name for row in rows for name in row})
        index = {name: i for i, name in enumerate(self.names)}
        cells = [(r, index[n], v) for r, row in enumerate(rows) for n, v in row.items()]
        self.matrix = csr_matrix(
            ([v for _, _, v in cells], ([r for r, _, _ in cells], [c for _, c, _ in cells])),
            shape=(len(rows), len(self.names)),
            dtype=np.float64,
        )
        self.labels = np.array([e.urgent for e in examples])


def fit(table: Features, rows: list[int]) -> Model:
    """A model trained on these rows of the table (threshold 0.5, to be
    chosen), on the features seen in at least MIN_MESSAGES of them."""
    matrix = table.matrix[rows]
    columns = np.flatnonzero(np.asarray((matrix > 0).sum(axis=0)).ravel() >= MIN_MESSAGES)
    classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=10_000)
    # One thread: ten times faster on this small problem than BLAS's threads
    # fighting over two cores, and the same sums in the same order every run.
    with threadpool_limits(1):
        classifier.fit(matrix[:, columns], table.labels[rows])
    weights = {
        table.names[column]: round(float(w), DECIMALS)
        for column, w in zip(columns, classifier.coef_[0], strict=True)
        if round(float(w), DECIMALS) != 0.0
    }
    return Model(round(float(classifier.intercept_[0]), DECIMALS), 0.5, weights)


@dataclass(frozen=True)
class Scored:
    example: Labelled
    probability: float  # the model's, trained without this example's file
    said: Triage  # what the rules alone say of it
    normal: str  # the text the model read
    # what the phrases of other languages say of it (None: no phrase), as
    # the bot asks them after the English rules and model (issue 15e: the
    # table counts them, as the bot does)
    other: Triage | None = None
    # round 14: whether it is written in a language the model has read
    # nothing of (language.unread_by_model), where the bot's model gives
    # way to the phrases (triage._engine)
    unread: bool = False

    @property
    def rules(self) -> bool:
        """Whether the rules alone find it urgent."""
        return self.said.urgent

    @property
    def model_heard(self) -> bool:
        """Whether the bot hears the model on this message (triage._engine):
        not when a phrase of another language is found (the phrase's
        verdict stands) nor, with none found, in a language the model has
        read nothing of (round 14: the threshold is chosen on what the bot
        does)."""
        return self.other is None and not self.unread

    def urgent(self, threshold: float, phrases: bool = False) -> bool:
        """What the English triage says: the rules, or else the model
        (engine.model_says); with ``phrases``, what the bot says: then the
        phrases of other languages too (triage._engine: a phrase decides,
        urgent or "not now"; with none, the model gives way in a language
        it has not read)."""
        if self.rules:
            return True
        english = model_says(self.said, self.example.text, self.normal, self.probability, threshold)
        if not phrases:
            return english
        if self.other is not None:
            return self.other.urgent
        return english and not self.unread


def leave_one_file_out(examples: list[Labelled], table: Features) -> list[Scored]:
    """Every message scored by a model trained on the other files."""
    scored = []
    for held in sorted({e.file for e in examples}):
        model = fit(table, [i for i, e in enumerate(examples) if e.file != held])
        for example in examples:
            if example.file == held:
                said = by_rules(normalise(example.text))
                normal = normalise(without_command(example.text))
                other = assess_other(example.text)
                unread = unread_by_model(example.text) is not None
                scored.append(
                    Scored(example, model.probability(normal), said, normal, other, unread)
                )
    return scored


def choose_threshold(scored: list[Scored], share: float = MAX_FALSE_ALARMS) -> float:
    """The lowest threshold (steps of 0.01) at which the model alone flags
    no more than ``share`` (MAX_FALSE_ALARMS unless a sweep asks another,
    tests/support/triage_set_out.py ``--sweep``) of the ordinary messages of the triage
    files (their hard negatives are what a new writer's ordinary messages
    are measured on; the redaction corpora and the chat, easier, would
    lower the threshold by their number alone). Round 14: as the bot runs
    it, the model flags only the messages it is heard on
    (``Scored.model_heard``: none where a phrase of another language
    decides or the language is one it has not read); the others count as
    ordinary messages it does not flag."""
    ordinary = [
        s.probability if s.model_heard else 0.0
        for s in scored
        if not s.example.urgent and s.example.file not in EXTRA_ORDINARY
    ]
    for step in range(1, 100):
        threshold = step / 100
        if sum(p >= threshold for p in ordinary) <= share * len(ordinary):
            return threshold
    return 0.99


def train() -> tuple[str, list[Scored], float]:
    """The text of model.json, the leave-one-file-out scores and the threshold."""
    files = corpora()
    examples = [e for rows in files.values() for e in rows]
    table = Features(examples)
    scored = leave_one_file_out(examples, table)
    threshold = choose_threshold(scored)
    model = fit(table, list(range(len(examples))))
    document = {
        "about": "bot/safeguarding/triage/model.py; written by tests/support/train_triage_model.py",
        "trained_on": sorted(files),
        "threshold": threshold,
        "bias": model.bias,
        "weights": dict(sorted(model.weights.items())),
    }
    return json.dumps(document, ensure_ascii=False, indent=0) + "\n", scored, threshold


def table(scored: list[Scored], threshold: float) -> str:
    """Per held-out file and pooled: recall and false alarms, the English
    rules alone, rules + model, and the whole triage as the bot runs it
    (with the phrases of other languages, which were written reading
    these files: the model's share alone is left one file out)."""
    lines = [
        f"threshold {threshold:.2f} (leave one file out)",
        f"{'held out':<16}{'urgent':>7}{'ordinary':>9}  {'rules: recall':>13} {'false':>6}"
        f"  {'rules+model: recall':>19} {'false':>6}  {'+phrases: recall':>16} {'false':>6}",
    ]
    names = sorted({s.example.file for s in scored})
    for name in [*names, "all"]:
        part = [s for s in scored if name in ("all", s.example.file)]
        urgent = [s for s in part if s.example.urgent]
        ordinary = [s for s in part if not s.example.urgent]

        def share(rows: list[Scored], model: bool, phrases: bool = False) -> float:
            flagged = sum(s.urgent(threshold, phrases) if model else s.rules for s in rows)
            return flagged / len(rows) if rows else math.nan

        lines.append(
            f"{name:<16}{len(urgent):>7}{len(ordinary):>9}  {share(urgent, False):>13.3f}"
            f" {share(ordinary, False):>6.3f}  {share(urgent, True):>19.3f}"
            f" {share(ordinary, True):>6.3f}  {share(urgent, True, True):>16.3f}"
            f" {share(ordinary, True, True):>6.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    text, scored, threshold = train()
    print(table(scored, threshold))
    print(f"{len(json.loads(text)['weights'])} weights, {len(text.encode()) / 1024:.0f} KiB")
    if "--write" in argv:
        MODEL_FILE.write_text(text, encoding="utf-8")
        print(f"written: {MODEL_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
