from __future__ import annotations

from bot.edge.rich import Span, from_json, headings, join, plain, split, to_json
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


def test_a_heading_template_is_one_heading_span_whatever_its_values_hold() -> None:
    """``# {forum}`` is a level-1 heading, bold for renderers that know no
    headings; a value's ``**`` or ``##`` stays text in it."""
    templates = Templates({"title": "# {forum}: newsletter", "part": "## Answers", "line": "#12 x"})
    assert templates.render("title", forum="**Bromley** ## x") == (
        Span("**Bromley** ## x: newsletter", bold=True, heading=1),
    )
    assert templates.render("part") == (Span("Answers", bold=True, heading=2),)
    assert templates.render("line") == (Span("#12 x"),)  # no space after '#': no heading


def test_headings_survive_json_split_and_join() -> None:
    """A heading span keeps its level through the outbox (JSON), a split at
    the platform's limit and a join; what was stored before headings reads
    as it did."""
    rich = join(
        [(Span("Bromley", True, 1),), (Span("Answers", True, 2),), (Span("a " * 3000),)], "\n"
    )
    assert from_json(to_json(rich)) == rich
    assert from_json('[["old", true]]') == (Span("old", True),)
    parts = split(rich, 4096)
    assert parts[0][:3] == (Span("Bromley", True, 1), Span("\n"), Span("Answers", True, 2))
    assert headings(rich) == [(1, "Bromley"), (2, "Answers")]
    assert join([(Span("A", True, 1),), (Span("B", True, 2),)], "") == (
        Span("A", True, 1),
        Span("B", True, 2),
    )
