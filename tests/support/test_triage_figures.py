"""The triage figures for issue 15's schema, as printed: run on a small file
whose right answers are known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import triage_figures

ROWS = [
    {"id": "t1", "text": "help he has got a knife", "urgent": True, "category": "weapon"},
    {"id": "t2", "text": "my house is on fire", "urgent": True, "category": "fire"},
    {"id": "t3", "text": "the weather is lovely today", "urgent": True, "category": "fire"},
    {"id": "t4", "text": "when is the next meeting?", "urgent": False, "category": "question"},
    {"id": "t5", "text": "there's someone in my house right now", "urgent": False},
]


def _write(tmp_path: Path, rows: list[dict[str, object]], name: str) -> Path:
    path = tmp_path / name
    lines = [json.dumps({"voice": "plain", "note": "", **row}) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_figures_of_a_file_in_the_issue_15_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows: list[dict[str, object]] = [dict(row) for row in ROWS]
    rows[4]["category"] = "question"
    rows[1]["voice"] = "text-speak"
    path = _write(tmp_path, rows, "tiny.jsonl")
    triage_figures.main(["--file", str(path), "--timing"])
    out = capsys.readouterr().out
    assert "== tiny.jsonl: 3 urgent, 2 not urgent ==" in out
    assert "urgent recall      0.667 (2/3)" in out
    assert "false-alarm rate   0.500 (1/2)" in out
    assert "  fire      0.500 (1/2)   |     -" in out
    assert "  question      -         | 0.500 (1/2)" in out
    assert "  text-speak  1.000 (1/1)   |     -" in out
    assert "  plain       0.500 (1/2)   | 0.500 (1/2)" in out
    assert "misses (1):\n  t3 [fire/plain] 'the weather is lovely today'  (none)" in out
    assert "false alarms (1):\n  t5 [question/plain] -> crime_in_progress:" in out
    assert "mean per message" in out and "µs  (5 messages, 20 rounds)" in out


def test_every_file_is_reported_and_the_old_schema_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = _write(tmp_path, ROWS[:2], "new.jsonl")
    old = tmp_path / "old.jsonl"
    old.write_text(
        '{"text": "help he has got a knife", "concern": "danger"}\n'
        '{"text": "is the station open on Sundays?", "concern": "none"}\n',
        encoding="utf-8",
    )
    triage_figures.main(["--file", str(new), "--file", str(old)])
    out = capsys.readouterr().out
    assert "== new.jsonl: 2 urgent, 0 not urgent ==" in out
    assert "== old.jsonl: 1 urgent, 1 not urgent ==" in out
    assert "  danger  1.000 (1/1)   |     -" in out
    assert "  none        -         | 0.000 (0/1)" in out
    assert "mean per message" not in out
