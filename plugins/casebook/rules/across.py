"""Rules across files: one slug per post, redirects claimed once, follow-ups that resolve."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

from .. import followups
from .. import vocabulary as vocab
from ..addresses import target as redirect_target
from ..content.problems import Problem
from ..content.settings import Settings
from ..content.slugs import reserved_names, reserved_owner
from ..content.values import PUBLIC, cut, text_list
from .posts import Post


def check_slugs(posts: Sequence[Post]) -> tuple[dict[str, str], list[Problem]]:
    """Each post's slug unless an earlier file (by path) has it; a problem for each repeat."""
    first: dict[str, Post] = {}
    problems = []
    for post in sorted(posts, key=lambda p: p.source.path):
        if post.slug is None:
            continue
        if post.slug in first:
            other = first[post.slug].source.label
            problems.append(
                post.source.problem(
                    f"slug: '{post.slug}' is also the slug of {other}; give one of them another "
                    f"slug (a slug is the permanent URL, /{post.slug}/)",
                    "slug",
                )
            )
            continue
        first[post.slug] = post
    return {slug: post.source.path for slug, post in first.items()}, problems


def check_redirects(
    posts: Sequence[Post], conditions: vocab.Vocabulary, settings: Settings, built: set[str]
) -> tuple[set[tuple[str, str]], list[Problem]]:
    """Old addresses a static site can answer, and a problem for one it must not.

    Only posts in `built` (paths of posts built at their own address) get redirects.
    """
    taken = {f"{p.slug}/index.html": p.source.label for p in posts if p.slug}
    condition_save_as = settings.get("CONDITION_SAVE_AS") or ""
    for entry in conditions:
        if condition_save_as:
            taken[condition_save_as.format(slug=entry.slug)] = entry.source_path
    reserved = reserved_names(settings)
    claimed: dict[str, Post] = {}
    accepted, problems = set(), []
    for post in sorted(posts, key=lambda p: p.source.path):
        if post.status not in PUBLIC:
            continue
        for old in text_list(post.source, "redirect_from")[0]:
            found = redirect_target(old)
            if found is None:
                continue  # reported by check_post
            owner = taken.get(found.save_as) or reserved_owner(found.save_as, reserved)
            other = claimed.setdefault(found.save_as, post)
            if owner is not None:
                problems.append(
                    post.source.problem(
                        f"redirect_from: '{cut(old)}' is the address of {owner}; "
                        "remove it from redirect_from",
                        "redirect_from",
                    )
                )
            elif other is not post:
                problems.append(
                    post.source.problem(
                        f"redirect_from: '{cut(old)}' is also claimed by "
                        f"{other.source.label}; keep it on one post",
                        "redirect_from",
                    )
                )
            elif post.source.path in built:
                accepted.add((post.source.path, old))
    return accepted, problems


def check_followups(
    articles: Sequence[Post], unread: Mapping[str, str] | None = None
) -> list[Problem]:
    """`follows:` must name an earlier published post, and never come round in a circle.

    `unread` maps the slug of each post whose front matter YAML cannot read whole to its
    file: a post that follows one says so, as following from that file's own message.
    """
    # The graph names files as messages do (their labels); its problems come back to them.
    published, unpublished, by_label = [], {}, {}
    knock_on = []
    for post in articles:
        by_label[post.source.label] = post.source
        if post.slug is None:
            continue
        follows = post.source.meta.get("follows")
        target = follows.strip() if isinstance(follows, str) else None
        if target and unread and target in unread and target != post.slug:
            knock_on.append(
                post.source.problem(
                    f"follows: '{cut(target)}' is the slug of {unread[target]}, which cannot be "
                    "read: this follows from that file's own message, listed first; fix it and "
                    "this goes too",
                    "follows",
                )
            )
            follows = None
        if post.status != "published":
            unpublished[post.slug] = (post.status, post.source.label)
            continue
        published.append(
            followups.PostRef(
                slug=post.slug,
                source_path=post.source.label,
                date=post.date or datetime.datetime.min,
                follows=follows.strip() if isinstance(follows, str) and follows.strip() else None,
            )
        )
    graph = followups.build_followups(published, unpublished)
    return knock_on + [
        by_label[p.path].problem(p.message, *(p.key.split(".") if p.key else ()))
        for p in graph.problems
        if p.key != "slug"  # a repeated slug is check_slugs' to report
    ]
