"""The redaction figures tool on a corpus in the issue-15 schema
(tests/support/redaction_kinds.py): what it prints for a small file whose
every figure is known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.redaction_figures import main

ROWS: list[dict[str, object]] = [
    {
        "id": "t-1",
        "text": "Ring me on 07700 900123 please, or 999 if it kicks off.",
        "details": [{"text": "07700 900123", "kind": "phone"}],
        "keep": ["999"],
        "voice": "plain",
        "note": "a phone caught, a service number kept",
    },
    {
        "id": "t-2",
        "text": "The man with the green parrot tattoo keeps shouting at night on the High Street.",
        "details": [{"text": "green parrot tattoo", "kind": "other"}],
        "keep": ["the High Street"],
        "voice": "plain",
        "note": "a description the engine does not take",
    },
    {
        "id": "t-3",
        "text": "Is 07700 900456 the number for the safer neighbourhood team?",
        "details": [],
        "keep": ["07700 900456"],
        "voice": "plain",
        "note": "a keep string the engine replaces",
    },
]


def _run(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    main(["--file", str(path)])
    return capsys.readouterr().out


def test_a_file_in_the_new_schema_gives_share_per_kind_keep_and_every_miss(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    out = _run(path, capsys)
    lines = out.splitlines()
    assert lines[0] == "== tiny.jsonl: 3 messages, 2 details, 1 with none =="
    assert "details gone: 0.500 (1/2)" in lines
    assert any(
        line.startswith("0.99 group (phone, email, postcode, registration, number_words, ")
        and line.endswith(": 1.000 (1/1)")
        for line in lines
    )
    assert "  other                        0.000 (0/1)" in lines
    assert "  phone                        1.000 (1/1)" in lines
    assert "keep strings intact: 0.667 (2/3)" in lines
    assert "messages with no details changed: 1/1" in lines
    assert "misses (1):" in lines
    assert any(line.startswith("  [t-2] other: 'green parrot tattoo' in ") for line in lines)
    assert "lost keep strings (1):" in lines
    assert any(line.startswith("  [t-3] '07700 900456' in ") for line in lines)
    assert "replaced outside details (1):" in lines
    assert "  [t-3] -> phone: '07700 900456'" in lines


def test_several_files_are_reported_one_by_one_then_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    second.write_text(json.dumps(ROWS[1]) + "\n", encoding="utf-8")
    main(["--file", str(first), "--file", str(second)])
    out = capsys.readouterr().out
    assert "== a.jsonl: 1 messages, 1 details, 0 with none ==" in out
    assert "== b.jsonl: 1 messages, 1 details, 0 with none ==" in out
    assert "== all files: 2 messages, 2 details, 0 with none ==" in out
    assert out.count("details gone: ") == 3


def test_a_label_not_in_its_text_is_left_out_and_listed_with_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "slip.jsonl"
    row = dict(ROWS[0])
    row["details"] = [{"text": "07700 900999", "kind": "phone"}]
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    lines = _run(path, capsys).splitlines()
    assert lines[0] == "== slip.jsonl: 1 messages, 0 details, 1 with none =="
    assert "labels not in their text, left out (1):" in lines
    assert "  [t-1] '07700 900999'" in lines


def test_a_miss_partly_replaced_is_counted_and_listed_apart_from_one_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the writer's label holds words around the number: the number goes, "me on" stays
    partly = dict(ROWS[0], id="t-4", details=[{"text": "me on 07700 900123", "kind": "phone"}])
    path = tmp_path / "partly.jsonl"
    path.write_text(json.dumps(partly) + "\n" + json.dumps(ROWS[1]) + "\n", encoding="utf-8")
    lines = _run(path, capsys).splitlines()
    assert "misses: 2 (1 partly replaced, 1 untouched)" in lines
    assert "partly replaced misses (1):" in lines
    assert (
        "  [t-4] phone: 'me on 07700 900123' -> "
        "'Ring me on [phone] please, or 999 if it kicks off.'"
    ) in lines
    assert not any(line.startswith("  [t-2] other: 'green parrot tattoo' ->") for line in lines)


def test_a_file_with_no_misses_says_none_was_partly_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clean.jsonl"
    path.write_text(json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    lines = _run(path, capsys).splitlines()
    assert "misses: 0 (0 partly replaced, 0 untouched)" in lines
    assert "partly replaced misses (0):" in lines
