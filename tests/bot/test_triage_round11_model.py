"""Issue 15, round 11: the ninth unseen set's false alarms from the
statistical MODEL (docs/triage-figures.md, "Round 12: the model": round 11's model work,
brought onto round 12's branch), by family,
taught by training lines (tests/data/triage/model_families_round11.jsonl):

1. a worried older person, or their family, asking for crime-prevention
   help after a TV programme ("thinks someone will break in ... free door
   chains for pensioners?");
2. an idiom of suffering while venting ("this heat is killing me ... just
   venting");
3. everyday questions in other languages (Kurdish, Farsi, Pashto, Tigrinya,
   Vietnamese, Chinese, Spanish, Italian, Bulgarian, Hindi, Gujarati, Tamil,
   Lithuanian);
4. a calm person sleeping rough, and help asked for them.

Each family is checked on the set's own line (read from the spent file by
id, now trained on) and on wordings written for these tests, in no training
file; beside each, emergencies that look like it and must stay urgent."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.safeguarding.triage import assess
from tests.support.core_harness import STAFF_CHAT, CoreHarness
from tests.support.train_triage_model import (
    TUNING_FAMILIES,
    corpus_files,
    load,
)
from tests.support.triage_labelled import spent_line

RESIDENT = "5550011"
_CORPUS = Path(__file__).resolve().parent.parent / "data" / "triage"


def _ninth_set(line_id: str) -> str:
    """The text of line ``line_id`` ("p9-049") of the spent ninth unseen set."""
    return spent_line(line_id, urgent=None)


def _training_texts() -> set[str]:
    """Every text the model is trained on from the triage files."""
    return {example.text for path in corpus_files() for example in load(path)}


@pytest.mark.parametrize("line_id", ["p9-049", "p9-050", "p9-069", "p9-096"])
def test_the_ninth_sets_model_false_alarms_are_not_urgent(line_id: str) -> None:
    text = _ninth_set(line_id)
    said = assess(text)
    assert not said.urgent, (text, said)


NEW_ORDINARY = [
    # 1. worried after a programme, asking for crime-prevention help
    "My grandmother is 94 and since she watched a burglary programme she lies awake "
    "listening for noises. Do you hand out free door chains or window locks to pensioners?",
    "my mum (87) keeps thinking someone will get in after she saw a robbery on the news, "
    "can someone come round and check her locks",
    # 2. an idiom of suffering, venting
    "The heat is killing me in this flat, 30 degrees on the 12th floor and the windows "
    "barely open. I know it's not for the police, just moaning",
    "the drilling next door is killing me lol, who do i complain to about building noise",
    # 3. everyday questions in other languages
    "Silav, cîranên me her şev heta dereng muzîkê bi deng lê didin. Gazinde ji kê re bikim?",
    "سلام، همسایه طبقه بالا هر شب تا دیروقت سروصدا می‌کند. کجا می‌توانم شکایت کنم؟",
    "Xin chào, hàng xóm của tôi mở nhạc rất to mỗi tối. Tôi nên báo cho ai?",
    "你好，楼上的邻居每天晚上都很吵，我可以向谁投诉？",
    "Hola, mis vecinos hacen mucho ruido cada noche. ¿Dónde puedo poner una queja?",
    "Buonasera, il vicino tiene la musica altissima ogni sera. A chi devo segnalarlo?",
    # 4. a calm person sleeping rough, help asked for them
    "There's a woman who sleeps behind the recycling bins at our flats, she's lovely and "
    "causes no trouble, is there someone who can help her before it gets cold?",
    "An old man has been sleeping in the stairwell of our block, not aggressive in any way. "
    "Who can I contact so he gets a bed this winter?",
]


@pytest.mark.parametrize("text", NEW_ORDINARY)
def test_new_wordings_of_the_four_families_are_not_urgent(text: str) -> None:
    assert text not in _training_texts()
    said = assess(text)
    assert not said.urgent, (text, said)


LOOK_ALIKES = [
    # 1. an older person's home broken into now
    "My mum is 92 and she's just phoned me, someone is breaking in through her kitchen "
    "window right now and she's on her own",
    # 2. a collapse in the heat, a threat to kill
    "the heat in this flat, my grandad has collapsed and isn't responding, 15th floor",
    "he says he's going to kill me, he's outside my door right now with a knife",
    # 3. emergencies in other languages
    "Alîkarî! Agir bi mala me ketiye û zarok li hundir in!",
    "Cứu với! Nhà bên cạnh đang cháy và có trẻ em bên trong!",
    "¡Socorro! Hay un hombre dentro de mi casa ahora mismo con un cuchillo",
    # 4. a person sleeping rough hurt or attacked
    "the man who sleeps in our bin store is lying there not breathing, i can't wake him",
    "some lads are beating up the homeless man in the stairwell right now",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_the_same_families_as_emergencies_stay_urgent(text: str) -> None:
    assert text not in _training_texts()
    said = assess(text)
    assert said.urgent, (text, said)


def test_the_family_file_is_trained_on_and_never_chooses_the_threshold() -> None:
    assert "model_families_round11" in TUNING_FAMILIES
    assert {p.name for p in corpus_files()} >= {"model_families_round11.jsonl"}
    rows = load(_CORPUS / "model_families_round11.jsonl")
    assert sum(r.urgent for r in rows) >= 16 and sum(not r.urgent for r in rows) >= 40


# --- What the resident and the officers see ---------------------------------


async def test_a_daughter_asking_for_door_chains_gets_no_999_guidance(h: CoreHarness) -> None:
    replies = await h.resident_says(RESIDENT, f"Bromley Police Online Forum {_ninth_set('p9-049')}")
    assert replies and all("call 999 now" not in reply for reply in replies)
    assert not any(text.startswith("URGENT") for text in h.texts_to(STAFF_CHAT))


async def test_a_rough_sleeper_not_breathing_gets_999(h: CoreHarness) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Bromley Police Online Forum the man who sleeps in our bin store isn't moving and "
        "his lips are blue, I can't wake him",
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")
