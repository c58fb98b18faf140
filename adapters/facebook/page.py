"""Posting on the Facebook Page: what the public sees (docs/facebook.md,
"On the Page").

A public room on Facebook is the Page itself (``ChatRef("facebook",
PAGE_ID, "channel")``). A message goes as a post on the Page's feed
(``POST /{page-id}/feed`` with ``message``; Graph answers ``{"id":
"PAGEID_POSTID"}``), or, when the administrator chose ``answers:
comments`` and the session's opening post is known (``Outgoing.under``), as
a comment on that post (``POST /{post-id}/comments``; ``{"id": ...}``). The
second and later parts of an answer split at the limit go beneath its first
part when there is no session's post to go under (``Outgoing.continues``).

Only plain text goes: the body's plain text, with Graph's one piece of
markup in a post's message, the mention tag ``@[id]``, broken by a word
joiner so it shows as typed and tags no one. At most 2000 characters (the
outbox splits longer ones at the sender's limit). Meta documents no length
limit for a post's or a comment's ``message`` (the Pages API "Posts"
guide, the Graph API reference "Page Feed" and "/{object-id}/comments");
2000, Messenger's, is kept as the conservative value (docs/facebook.md,
"Meta's limits").

Graph's errors, as for the other platforms' public rooms: a permission
missing (code 200 and its range, 10: ``pages_manage_posts`` not granted,
the Page's task taken away) or a Page blocked from posting for a while
(368) is ``NoAccess``: the Page's posts wait and are tried again, and
officers are told; rate limits (4, 17, 32, 613) ``RetryLater``; the
session's post gone (100 with subcode 33) makes the comment a post of its
own; anything else as the Send API's."""

from __future__ import annotations

import logging
from collections.abc import Callable

from adapters.facebook.graph import Graph, GraphError, NotReached, Unanswered
from bot.edge.rich import plain
from bot.edge.sending import NoAccess, NotSent, OutcomeUnknown, Outgoing, Rejected

log = logging.getLogger("forumbot.facebook")


PERMISSION_CODES = frozenset({10, *range(200, 300)})  # "(#200) ... permission(s) ..."
BLOCKED = 368  # "temporarily blocked for policies violations"
NO_SUCH_OBJECT = (100, 33)  # "Unsupported post request. Object ... does not exist"

# Graph reads "@[12345]" (and "@[12345:name]") in a post's message as a
# mention of that Page or person: a word joiner after "@" keeps it text.
WORD_JOINER = "\u2060"


def plain_post(text: str) -> str:
    """``text`` as it may go in a post or comment: Graph's mention tags
    made plain text."""
    return text.replace("@[", f"@{WORD_JOINER}[")


class PagePoster:
    """Posts on the Page ``page_id`` with its token (``graph``). ``comments``:
    published answers and closings go as comments on the session's post."""

    def __init__(self, graph: Graph, page_id: str, comments: bool) -> None:
        self.graph = graph
        self.page_id = page_id
        self.comments = comments

    async def post(self, message: Outgoing, mapped: Callable[[GraphError], Exception]) -> str:
        """Post ``message`` on the Page; the post's (or comment's) id.
        ``mapped`` turns a GraphError this module does not handle into the
        core's error (the Send API's mapping). Raises the core's delivery
        errors."""
        if message.chat.chat_id != self.page_id:
            raise Rejected(f"forumbot posts only on its Page {self.page_id}")
        if message.edit_of is not None or message.copy_from is not None:
            raise Rejected("forumbot does not edit or copy posts on the Page")
        text = plain_post(plain(message.body))
        # Beneath the session's post (comments), else beneath the earlier part
        # of the same answer (an answer split at the limit), else on the feed.
        targets = [message.under] if self.comments else []
        targets.append(message.continues)
        for target in targets:
            if not target:
                continue
            try:
                return await self._call(f"/{target}/comments", text, mapped)
            except _Gone:
                log.warning("a post on the Page is gone: posting beneath another, or on its own")
        try:
            return await self._call(f"/{self.page_id}/feed", text, mapped)
        except _Gone as error:
            raise Rejected(str(error)) from None

    async def _call(self, path: str, text: str, mapped: Callable[[GraphError], Exception]) -> str:
        try:
            answer = await self.graph.call("POST", path, {"message": text})
        except NotReached as error:
            raise NotSent(f"Graph API not reached ({error})") from None
        except Unanswered as error:
            raise OutcomeUnknown(f"no answer from the Graph API ({error})") from None
        except GraphError as error:
            if (error.code, error.subcode) == NO_SUCH_OBJECT:
                raise _Gone(str(error)) from None
            if error.code in PERMISSION_CODES or error.code == BLOCKED:
                log.warning(
                    "Facebook refused a post on the Page (%s): the app needs pages_manage_posts "
                    "and the Page's CREATE_CONTENT task (docs/facebook.md, step 3)",
                    error,
                )
                raise NoAccess(str(error)) from None
            raise mapped(error) from None
        post_id = answer.get("id") if isinstance(answer, dict) else None
        if not isinstance(post_id, str) or not post_id:
            raise OutcomeUnknown("Graph answered a post without its id")
        return post_id


class _Gone(Exception):
    """The post a comment was for no longer exists."""
