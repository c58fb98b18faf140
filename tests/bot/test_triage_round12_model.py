"""Issue 15, round 12: the statistical MODEL (docs/triage-figures.md,
"Round 12: the model"), by family, taught by training lines
(tests/data/triage/model_families_round12.jsonl):

1. an ordinary question about a teenager out late, a curfew or what is
   legal at an age, in many languages (the round-11 model raised the Somali
   question of tests/bot/test_other_languages_concepts.py);
2. the model's ten false alarms of the tenth unseen set: a helpline asked
   for a friend who is fine now, carrying a fishing knife (Portuguese), a
   shooting licence, "could murder a fish supper", pigeons "killing me", a
   stair flooded from the flat above, children screaming at play, a car
   across a drive, a laughter idiom in Irish, "if I see ..., who do I
   tell?" in Vietnamese.

Each family is checked on the set's own lines (read from the spent files by
id, now trained on) and on wordings written for these tests, in no training
file; beside each, emergencies that look like it and must stay urgent. The
tenth set's one missed emergency (q10-065, Bulgarian) is out of the model's
reach: it reads Latin letters only."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.safeguarding.triage import assess
from bot.safeguarding.triage.model import model, without_command
from bot.safeguarding.triage.normalise import normalise
from tests.support.core_harness import STAFF_CHAT, CoreHarness
from tests.support.train_triage_model import TUNING_FAMILIES, corpus_files, load
from tests.support.triage_labelled import spent_line

RESIDENT = "5550012"
_CORPUS = Path(__file__).resolve().parent.parent / "data" / "triage"


def _tenth_set(line_id: str) -> str:
    """The text of line ``line_id`` ("q10-030", "r10-117") of the spent
    tenth unseen set."""
    return spent_line(line_id, urgent=None)


def _probability(text: str) -> float:
    return model().probability(normalise(without_command(text)))


def _training_texts() -> set[str]:
    """Every text the model is trained on from the triage files."""
    return {example.text for path in corpus_files() for example in load(path)}


# --- 1. A teenager out late, in many languages -------------------------------

SOMALI_CONCEPT_QUESTION = "Wiilkayga oo 15 jir ah habeenkii ayuu dibadda joogaa, ma sharci baa?"


def test_the_somali_question_about_a_son_out_at_night_is_not_urgent() -> None:
    # tests/bot/test_other_languages_concepts.py asks it too; the round-11
    # model gave it 0.74.
    assert SOMALI_CONCEPT_QUESTION not in _training_texts()
    assert _probability(SOMALI_CONCEPT_QUESTION) < model().threshold
    assert not assess(SOMALI_CONCEPT_QUESTION).urgent


TEEN_QUESTIONS = [
    "Wiilkayga 14 jir ah wuxuu rabaa inuu fiidkii saaxiibadiis la ciyaaro ilaa saacadda 10, "
    "ma sharci baa?",
    "Gabadhayda 16 jir ah ma habeenkii ayay shaqo ka qaban kartaa makhaayad?",
    "Mój syn ma 16 lat, czy może sam wracać autobusem nocnym? Jakie są przepisy?",
    "Fiica mea are 14 ani, până la ce oră are voie să stea afară singură?",
    "Meu filho de 15 anos quer ir a uma festa até à meia-noite, há alguma lei sobre isso?",
    "Kızım 15 yaşında, akşam arkadaşlarıyla sinemaya gidebilir mi, yasal saat sınırı var mı?",
    "Kurê min 14 salî ye, dixwaze bi hevalên xwe re heta saet 11 derkeve. Ma qanûn destûr dide?",
    "بنتي عمرها ١٤ سنة وتريد أن تبقى عند صديقتها حتى العاشرة مساءً، هل هناك قانون لذلك؟",
    "Синът ми е на 16, може ли да работи вечер в ресторант според закона?",
    "Моєму сину 16, чи може він сам їздити нічним автобусом?",
    "my lad's 14 and wants to go to the cinema with mates till 10, is there any law on that",
]


@pytest.mark.parametrize("text", TEEN_QUESTIONS)
def test_new_questions_about_a_teenager_out_late_are_not_urgent(text: str) -> None:
    assert text not in _training_texts()
    said = assess(text)
    assert not said.urgent, (text, said)


TEEN_EMERGENCIES = [
    "Wiilkayga 14 jir ah xalay ma soo hoyan, taleefankiisuna ma shaqaynayo, caawimaad",
    "Mój 14-letni syn nie wrócił na noc i nie odbiera telefonu, pomocy",
    "two men have just dragged a girl into a white van and driven off, she was screaming",
]


@pytest.mark.parametrize("text", TEEN_EMERGENCIES)
def test_a_teenager_missing_overnight_or_taken_stays_urgent(text: str) -> None:
    assert text not in _training_texts()
    said = assess(text)
    assert said.urgent, (text, said)


# --- 2. The tenth set's model false alarms -----------------------------------

TENTH_SET_MODEL_FALSE_ALARMS = [
    "q10-030",  # Samaritans, "she's okay right now, we're having coffee"
    "q10-099",  # Portuguese: a fishing knife in a rucksack on the pier
    "q10-158",  # a licence to shoot rabbits, "I've got a .22"
    "r10-064",  # the stair flooded from the flat above AGAIN
    "r10-076",  # the kids next door screaming, "just playing"
    "r10-090",  # someone parked across my drive AGAIN
    "r10-117",  # could murder a fish supper
    "r10-139",  # the pigeons on the roof are killing me at 5am
    "r10-162",  # Irish: killed with laughter
    "r10-209",  # Vietnamese: if I see drugs sold near a school, who do I tell?
]


@pytest.mark.parametrize("line_id", TENTH_SET_MODEL_FALSE_ALARMS)
def test_the_tenth_sets_model_false_alarms_are_not_urgent(line_id: str) -> None:
    text = _tenth_set(line_id)
    said = assess(text)
    assert not said.urgent, (line_id, text, said)


NEW_ORDINARY = [
    "Is Samaritans free from a mobile? Asking for my brother, he's been low but he's with us "
    "tonight and doing alright.",
    "Can I carry a small fishing knife in my car boot for when I go to the canal? Don't want to "
    "break the law.",
    "Posso andar com um canivete no porta-luvas do carro? É para a pesca.",
    "Do I need a certificate for an air rifle to shoot rats in the barn? It's a .177.",
    "could murder a kebab right now",
    "the crows on the chimney are killing me every morning at 5",
    "The children two doors down scream on their trampoline most evenings. Just playing, I'm "
    "sure. Probably nothing.",
    "a car is parked across my drive again and i can't get out for work",
    "Bhí oíche mhór againn, bhíomar ag fáil bháis le gáire! Cá bhfuil an chéad chruinniú eile?",
    "Xin chào, nếu tôi thấy có người trộm xe đạp thì nên gọi số nào?",
]


@pytest.mark.parametrize("text", NEW_ORDINARY)
def test_new_wordings_of_the_tenth_sets_families_are_not_urgent(text: str) -> None:
    assert text not in _training_texts()
    said = assess(text)
    assert not said.urgent, (text, said)


LOOK_ALIKES = [
    "my friend just texted me goodbye and says she's taken all her tablets, she won't answer",
    "there's a man with a knife on the canal towpath threatening people right now",
    "someone's shooting an air rifle at kids in the park right now",
    "the kids next door are screaming for help, a man is hitting them, I can hear it now",
    "water pouring onto the electrics upstairs and my dad's trapped in the flat, it's rising",
    "a car has just crashed across my drive and the driver isn't moving",
    "Cabhair! Tá fear ag bualadh bean le scian ar an tsráid anois",
    "Cứu với! Có người đang cầm dao đe dọa con tôi ngay bây giờ",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_the_same_families_as_emergencies_stay_urgent(text: str) -> None:
    assert text not in _training_texts()
    said = assess(text)
    assert said.urgent, (text, said)


def test_the_model_reads_no_cyrillic_so_the_bulgarian_van_is_the_phrases_matter() -> None:
    # q10-065, the tenth set's one missed emergency: normalise keeps Latin
    # letters only, so the model has no word of it to read (probability 0)
    # and no training line can teach it; the phrases of other languages
    # (bot/safeguarding/triage/data/other_languages.yaml) must catch it.
    text = _tenth_set("q10-065")
    assert _probability(text) == 0.0
    said = assess(text)  # round 12's Bulgarian phrases do
    assert said.urgent and said.reason.startswith("danger.other_language.bg"), said


def test_the_family_file_is_trained_on_and_never_chooses_the_threshold() -> None:
    assert "model_families_round12" in TUNING_FAMILIES
    assert {p.name for p in corpus_files()} >= {"model_families_round12.jsonl"}
    rows = load(_CORPUS / "model_families_round12.jsonl")
    assert sum(r.urgent for r in rows) >= 50 and sum(not r.urgent for r in rows) >= 200


# --- What the resident and the officers see ---------------------------------


async def test_a_helpline_question_for_a_friend_fine_now_gets_no_999(h: CoreHarness) -> None:
    replies = await h.resident_says(
        RESIDENT, f"Bromley Police Online Forum {_tenth_set('q10-030')}"
    )
    assert replies and all("call 999 now" not in reply for reply in replies)
    assert not any(text.startswith("URGENT") for text in h.texts_to(STAFF_CHAT))


async def test_a_friend_who_has_taken_her_tablets_gets_999(h: CoreHarness) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Bromley Police Online Forum my friend just texted me goodbye and says she's taken all "
        "her tablets, she won't answer",
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


async def test_a_somali_parent_asking_about_a_curfew_gets_no_999(h: CoreHarness) -> None:
    replies = await h.resident_says(
        RESIDENT, f"Bromley Police Online Forum {SOMALI_CONCEPT_QUESTION}"
    )
    assert replies and all("call 999 now" not in reply for reply in replies)
    assert not any(text.startswith("URGENT") for text in h.texts_to(STAFF_CHAT))
