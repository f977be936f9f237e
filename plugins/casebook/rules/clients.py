"""One client, one case: a series of posts about one client holds one `case:` block.

A follow-up is a post that `follows:` its case; it names the client in a key of its own,
`client:`, and carries no `case:` block, so the figures, the case table and the lists count
the client once. A second `case:` block for the same client in the same series is refused at
its line.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from ..content.corpus import Kind
from ..content.problems import Level, Problem
from ..content.values import PUBLIC, cut, short
from ..followups import series_roots
from ..vocabulary import term_key
from .posts import Post

CLIENT_KEY = "client"  # on a follow-up: whose follow-up it is, as the case's `client:` reads


def case_client(post: Post) -> str | None:
    """The pseudonym in a post's `case:` block, if it gives one as text."""
    case = post.source.meta.get("case")
    client = case.get("client") if isinstance(case, dict) else None
    return client.strip() if isinstance(client, str) and client.strip() else None


def _follows(post: Post) -> str | None:
    follows = post.source.meta.get("follows")
    return follows.strip() if isinstance(follows, str) and follows.strip() else None


def _client_key(post: Post) -> list[Problem]:
    """`client:` on a post: text, and only where there is no `case:` block to say it."""
    source = post.source
    if CLIENT_KEY not in source.meta:
        return []
    client = source.meta[CLIENT_KEY]
    if not isinstance(client, str) or not client.strip():
        return [
            source.problem(
                f"client: {short(client)} is not a pseudonym; write the client as the case it "
                "follows names them, e.g. `client: Ana R.`",
                CLIENT_KEY,
            )
        ]
    if isinstance(source.meta.get("case"), dict):
        return [
            source.problem(
                "client: this post has a `case:` block, whose `client:` names the client; "
                "remove this line",
                CLIENT_KEY,
                level=Level.WARNING,
            )
        ]
    return []


def check_clients(posts: Sequence[Post]) -> tuple[list[Problem], set[str]]:
    """A second `case:` block for one client in one series; `client:` keys that say nothing.

    Also the paths of the posts whose `case:` block is refused: what the rule book says about
    that block's fields follows from it, and is left out.
    """
    articles = [p for p in posts if p.kind == Kind.ARTICLE and p.slug]
    problems: list[Problem] = []
    refused: set[str] = set()
    by_slug: dict[str, Post] = {}
    for post in sorted(articles, key=lambda p: p.source.path):
        by_slug.setdefault(post.slug or "", post)
    roots = series_roots({slug: _follows(post) for slug, post in by_slug.items()})
    # The series' own case is its earliest post about the client (then the first by path).
    earliest = datetime.datetime.min
    owners: dict[tuple[str, str], Post] = {}
    for post in sorted(by_slug.values(), key=lambda p: (p.date or earliest, p.source.path)):
        client = case_client(post)
        if client is None:
            continue
        key = (roots.get(post.slug or "", post.slug or ""), term_key(client))
        owner = owners.setdefault(key, post)
        if owner is post:
            continue
        level = Level.ERROR if post.status in PUBLIC else Level.WARNING
        refused.add(post.source.path)
        problems.append(
            post.source.problem(
                f"case: {cut(client, 40)} already has a case in this series, in "
                f"{owner.source.label}; a follow-up adds no second case, or the client would "
                f"count twice in the figures and the case table: remove this `case:` block, "
                f"write `client: {cut(client, 40)}` instead, and say in the text what changed "
                "(the case's own box can take a new outcome)",
                "case",
                level=level,
            )
        )
    for post in articles:
        if post.source.path not in refused:  # its advice already says to keep `client:`
            problems += _client_key(post)
    return problems, refused
