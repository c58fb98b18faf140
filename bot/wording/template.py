"""Resident- and officer-facing wording, rendered from a language's templates.

A template is text with ``{name}`` placeholders and ``**bold**`` marks. Marks
are read only in the template's own text; a value is inserted as plain text in
whatever style surrounds it, so no value can add or end formatting.

A template may have a variant for one platform, ``key@platform`` (``help@web``):
what a resident there is told where the general wording, written for the chat
apps, would ask for something that platform cannot do. It is given the same
values as ``key``.

A number's words agree with it by ``{name|one|many}``: the text before the
bar when the value ``name`` is 1, the text after it otherwise (``{count}
{count|question was|questions were} answered``: "1 question was answered",
"3 questions were answered", "0 questions were answered"). Either side may
be empty (``question{count||s}``); neither holds ``{``, ``}``, ``|`` or
``**``.

A template written ``# Title`` (``##``, ``###``: levels 2 and 3) is a
heading: its whole text, values included, is heading spans of that level
(``bot.edge.rich``), bold, without the marks; a heading template is one
line. The e-mail newsletter's title and sections are such templates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.edge.rich import MAX_HEADING, Rich, Span, merge

_HEADING = re.compile(f"#{{1,{MAX_HEADING}}} ")
_TOKEN = re.compile(r"\*\*|\{([a-z_]+)(?:\|([^{}|*]*)\|([^{}|*]*))?\}")
VARIANT = "@"  # ``key@platform``: a template's wording for one platform


class Templates:
    def __init__(self, messages: Mapping[str, str]) -> None:
        self._messages = dict(messages)

    def keys(self) -> frozenset[str]:
        return frozenset(self._messages)

    def for_platform(self, key: str, platform: str) -> str:
        """The template to use for ``key`` on ``platform``: its variant
        ``key@platform`` when the language has one (say, the web page's
        words where the apps' would tell a resident to reply to a message),
        else ``key`` itself."""
        variant = f"{key}{VARIANT}{platform}"
        return variant if variant in self._messages else key

    def render(self, key: str, **values: object) -> Rich:
        template = self._messages[key]
        heading = _HEADING.match(template)
        if heading is not None:
            level = len(heading.group(0)) - 1
            body = self._spans(template[heading.end() :], values)
            return merge(Span(span.text, True, level) for span in body)
        return self._spans(template, values)

    def _spans(self, template: str, values: dict[str, object]) -> Rich:
        spans: list[Span] = []
        bold = False
        position = 0
        for match in _TOKEN.finditer(template):
            spans.append(Span(template[position : match.start()], bold))
            if match.group(0) == "**":
                bold = not bold
            elif match.group(2) is not None:  # {count|one|many}
                one = values[match.group(1)] == 1
                spans.append(Span(match.group(2) if one else match.group(3), bold))
            else:
                spans.append(Span(str(values[match.group(1)]), bold))
            position = match.end()
        spans.append(Span(template[position:], bold))
        return merge(spans)

    def text(self, key: str, **values: object) -> str:
        return "".join(span.text for span in self.render(key, **values))
