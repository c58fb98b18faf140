"""Other-language emergencies, round 14, group B (issue 15): the European
languages, Vietnamese, Tagalog, Chinese and Welsh, each through the whole
triage (``assess``) for the core emergencies (the matrix in
``tests/bot/round14_b_matrix.py``), with look-alikes that must stay not
urgent; and the carer's or patient's "took all the tablets the doctor
prescribed" in Spanish, Portuguese, French and German, which the overdose
phrases took for one.

Every sentence was written for these tests (none is from a corpus),
without a qualified translator or a native speaker."""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import assess
from bot.safeguarding.triage.concern import Concern
from bot.safeguarding.triage.other_languages import assess_other
from tests.bot.round14_b_matrix import CONCEPTS, EXTRA, LOOK_ALIKES, MATRIX
from tests.support import triage_labelled as labelled

KIN = {"cs": {"sk"}, "sk": {"cs"}, "es": {"pt"}}

CELLS = [
    pytest.param(code, text, id=f"{label}-{concept}")
    for label, (code, texts) in MATRIX.items()
    for concept, text in zip(CONCEPTS, texts, strict=True)
]


def test_the_matrix_has_every_concept_in_every_language() -> None:
    assert len(MATRIX) >= 22
    assert all(len(texts) == len(CONCEPTS) for _, texts in MATRIX.values())
    languages = {code for code, _ in MATRIX.values()}
    assert {code for code, _ in EXTRA} <= languages
    assert {code for code, _ in LOOK_ALIKES} <= languages


@pytest.mark.parametrize(("code", "text"), CELLS)
def test_each_core_emergency_is_urgent_in_each_language(code: str, text: str) -> None:
    said = assess(text)
    assert said.urgent, (code, text, said)
    # None: an English rule found it (the language is then identified). A
    # phrase Czech and Slovak (or Spanish and Portuguese: "socorro") write
    # alike names the first of the two; the identifier then weighs in
    # (bot.safeguarding.language.choose).
    assert said.language in {code, None, *KIN.get(code, ())}, (code, text, said)


@pytest.mark.parametrize(("code", "text"), EXTRA)
def test_other_voices_without_accents_or_mixed_with_english_are_urgent(
    code: str, text: str
) -> None:
    said = assess(text)
    assert said.urgent, (code, text, said)


@pytest.mark.parametrize(("code", "text"), LOOK_ALIKES)
def test_a_past_event_a_procedure_question_or_an_idiom_is_not_urgent(code: str, text: str) -> None:
    said = assess(text)
    assert not said.urgent, (code, text, said)


# Family 2: "took all the tablets the doctor prescribed" is a carer's or a
# patient's ordinary sentence (a course finished, a question about driving);
# "swallowed all of them", all of them at once, or the taking with a sign of
# collapse stays urgent.
PRESCRIBED_ORDINARY: list[tuple[str, str]] = [
    (
        "es",
        "Mi madre ya se ha tomado todas las pastillas que le recetó el médico, ¿puede conducir?",
    ),
    (
        "es",
        "Mi padre se ha tomado todas las pastillas del antibiótico, ¿tiene que volver al médico?",
    ),
    ("es", "la abuela se a tomado todas las pastillas q le receto el medico, esta mejor gracias"),
    ("pt", "A minha avó tomou todos os comprimidos que o médico receitou e já está melhor"),
    ("pt", "minha mãe tomou todos os comprimidos que o médico passou, ela pode dirigir?"),
    (
        "pt",
        "O meu pai tomou todos os comprimidos do antibiótico, tem de voltar ao centro de saúde?",
    ),
    (
        "fr",
        "Ma mère a pris tous les comprimés que le médecin lui a prescrits, peut-elle conduire ?",
    ),
    (
        "fr",
        "Mon père a pris tous ses médicaments comme prescrit par le médecin, je suis son aidant",
    ),
    (
        "fr",
        "Ma fille a pris tous les cachets de l'antibiotique, faut-il un certificat pour l'école ?",
    ),
    (
        "de",
        "Meine Mutter hat alle Tabletten genommen, die der Arzt verschrieben hat, darf sie fahren?",
    ),
    ("de", "Mein Vater hat alle vom Arzt verschriebenen Tabletten genommen, wie vorgesehen"),
    ("de", "Oma hat alle ihre Tabletten genommen wie verordnet, ich pflege sie zu Hause"),
]

PRESCRIBED_OVERDOSE: list[tuple[str, str]] = [
    ("es", "Mi hermano se ha tragado todas las pastillas que le recetó el médico y no reacciona"),
    ("es", "Mi madre se ha tomado todas las pastillas que le recetó el médico de golpe"),
    ("es", "Mi hija se ha tomado todas las pastillas y no se despierta"),
    ("pt", "O meu irmão engoliu todos os comprimidos que o médico lhe receitou e não acorda"),
    ("pt", "A minha mãe tomou todos os comprimidos que o médico receitou de uma vez"),
    ("pt", "minha irma tomou todos os comprimidos e nao acorda"),
    (
        "fr",
        "Mon frère a avalé tous les comprimés que le médecin lui a prescrits, il ne répond plus",
    ),
    ("fr", "Ma mère a pris tous les comprimés que le médecin lui a prescrits d'un coup"),
    ("fr", "Ma copine a pris tous les comprimés de la boîte, elle ne se réveille pas"),
    ("de", "Mein Bruder hat alle Tabletten geschluckt, die der Arzt ihm verschrieben hat"),
    ("de", "Meine Mutter hat alle Tabletten, die der Arzt verschrieben hat, auf einmal genommen"),
    ("de", "Meine Freundin hat alle Tabletten genommen und wacht nicht auf"),
    # The local phrases' own words with a live emergency.
    ("es", "Mi madre se ha tomado todas las pastillas que le recetó el médico y no se despierta"),
    ("es", "me he tomado todas las pastillas que me recetaron para acabar con todo"),
    ("pt", "A minha avó tomou todos os comprimidos que o médico receitou e não respira"),
    ("pt", "minha mae tomou todos os remedios que o medico passou de uma vez so"),
    (
        "fr",
        "Ma mère a pris tous les comprimés que le médecin lui a prescrits, elle ne respire plus",
    ),
    ("fr", "J'ai pris tous les médicaments de mon traitement d'un coup, je veux mourir"),
    (
        "de",
        "Meine Mutter hat alle Tabletten genommen, die der Arzt verschrieben hat, und atmet nicht",
    ),
    ("de", "Mein Vater hat alle vom Arzt verschriebenen Tabletten auf einmal geschluckt"),
]

# The same family found in Polish and Vietnamese while checking: ordinary,
# and with a sign of collapse or "at once" urgent.
PRESCRIBED_ORDINARY += [
    ("pl", "Mama wzięła wszystkie tabletki, które lekarz przepisał, czy może prowadzić?"),
    ("pl", "Babcia wzięła wszystkie leki z recepty i już jej lepiej"),
    ("vi", "Mẹ tôi uống hết thuốc kháng sinh rồi, có cần tái khám không?"),
]
PRESCRIBED_OVERDOSE += [
    ("pl", "Mama wzięła wszystkie tabletki, które lekarz przepisał, naraz i nie mogę jej obudzić"),
    ("pl", "Mama połknęła wszystkie tabletki, które lekarz przepisał, i nie oddycha"),
    ("pl", "Tata wziął wszystkie tabletki od lekarza na raz"),
    ("vi", "Mẹ tôi uống hết thuốc bác sĩ kê và không tỉnh dậy"),
]

# Look-alikes of the new phrases' own words: a French "hier" (yesterday) in
# the past stays not urgent; a German "hier" (here) with danger is urgent; a
# parachute or bungee jump, a lost wallet, a house heated, going for a run.
NEW_WORDS_ORDINARY: list[str] = [
    "Hier soir on m'a volé mon vélo devant la gare, comment porter plainte ?",
    "Hier, un homme m'a frappé dans le bus, je veux porter plainte",
    "Moja córka chce skoczyć ze spadochronem, czy potrzebna zgoda?",
    "Chce skočit bungee jumping z mostu, je to legální?",
    "Skočím do obchodu, je stanice otevřená v neděli?",
    "V domě se topí plynem, kdo kontroluje kotel?",
    "Con trai tôi đang chạy bộ trong công viên, có an toàn không?",
    "Сын потерял телефон в школе, куда обращаться?",
    "我的钱包不见了，怎么报警？",
    "Il mio cane si butta sempre in piscina, è vietato nel parco?",
    "Εξαφανίστηκε το κινητό μου, πώς το δηλώνω;",
    "Ztratila se mi peněženka, kde to nahlásit?",
    "Tavaly betörő volt a házban, most kamerát szerelnék",
]
NEW_WORDS_URGENT: list[str] = [
    "Hier ist ein Mann mit einem Messer in der Hand, er bedroht uns",
    "Hier fallen Schüsse vor dem Haus",
    "Hier brennt es, meine Kinder sind noch drin",
    "Kolega chce skoczyć z mostu, stoi na barierce",
    "Kamarád chce skočit z mostu, stojí za zábradlím",
]


@pytest.mark.parametrize("text", NEW_WORDS_ORDINARY)
def test_the_new_phrases_own_words_in_an_ordinary_sentence_are_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


@pytest.mark.parametrize("text", NEW_WORDS_URGENT)
def test_here_in_german_and_a_jump_from_a_bridge_are_urgent(text: str) -> None:
    said = assess(text)
    assert said.urgent, (text, said)


@pytest.mark.parametrize(("code", "text"), PRESCRIBED_ORDINARY)
def test_all_the_tablets_the_doctor_prescribed_is_not_urgent(code: str, text: str) -> None:
    said = assess(text)
    assert not said.urgent, (code, text, said)


@pytest.mark.parametrize(("code", "text"), PRESCRIBED_OVERDOSE)
def test_all_the_tablets_swallowed_or_at_once_or_with_collapse_stays_urgent(
    code: str, text: str
) -> None:
    said = assess(text)
    assert said.urgent, (code, text, said)
    assert said.concern in (Concern.SELF_HARM, Concern.DANGER), (code, text, said)


# Every readable triage file: no phrase fires on a not-urgent line, and each
# urgent line another language's phrase caught before is still caught. Sealed
# sets (every unseen_* file not in triage_labelled.SPENT_FILES) are never
# opened.
READABLE = labelled.readable_files()


def test_no_phrase_fires_on_a_not_urgent_line_of_any_readable_file() -> None:
    assert len(READABLE) >= 30
    fired = [
        (path.name, item.id)
        for path in READABLE
        for item in labelled.read(path)
        if not item.urgent and (said := assess_other(item.text)) is not None and said.urgent
    ]
    assert fired == []
