from __future__ import annotations

from bot.edge.rich import Span, from_json, plain, split, to_json
from bot.wording.template import Templates


def test_split_respects_limit_and_prefers_line_then_word_boundaries() -> None:
    text = ("word " * 300 + "\n") * 4  # 6,004 characters
    parts = split((Span(text),), 4096)
    assert len(parts) == 2
    assert all(len(plain(p)) <= 4096 for p in parts)
    assert plain(parts[0]).endswith("word")  # cut at a line end, not mid-word
    assert " ".join(plain(p) for p in parts).split() == text.split()


def test_split_without_spaces_cuts_hard() -> None:
    parts = split((Span("x" * 5000),), 2000)
    assert [len(plain(p)) for p in parts] == [2000, 2000, 1000]


def test_split_keeps_styles() -> None:
    rich = (Span("Title", bold=True), Span("\n" + "a " * 3000))
    parts = split(rich, 4096)
    assert parts[0][0] == Span("Title", bold=True)
    assert all(not s.bold for p in parts[1:] for s in p)


def test_json_round_trip() -> None:
    rich = (Span("<b>x</b>", bold=True), Span(" & y"))
    assert from_json(to_json(rich)) == rich


def test_template_values_cannot_add_or_end_formatting() -> None:
    templates = Templates({"t": "**Q{ref}** said: {text}"})
    rich = templates.render("t", ref="**1", text="**loud** {ref}")
    assert rich == (Span("Q**1", bold=True), Span(" said: **loud** {ref}"))


def test_split_for_a_platform_that_escapes_keeps_every_part_within_its_limit() -> None:
    from bot.delivery.outbox import split_for

    def measure(rich: tuple[Span, ...]) -> int:  # every "*" is escaped to "\*"
        text = plain(rich)
        return len(text) + text.count("*")

    body = (Span("**word** " * 400),)  # 3,600 plain, 5,200 escaped
    parts = split_for(body, 2000, measure)
    assert all(measure(p) <= 2000 for p in parts)
    assert " ".join(plain(p) for p in parts).split() == plain(body).split()


def test_a_numbers_words_agree_with_it() -> None:
    templates = Templates({"t": "**{count} {count|question was|questions were}** answered{n||s}"})
    assert templates.text("t", count=1, n=1) == "1 question was answered"
    assert templates.text("t", count=0, n=1) == "0 questions were answered"
    assert templates.text("t", count=1, n=2) == "1 question was answereds"
    assert templates.render("t", count=3, n=1)[0] == Span("3 questions were", bold=True)
