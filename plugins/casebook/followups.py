"""The follow-up graph: which post continues which, and each post's place in its series; pure."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from .content.problems import Problem

_NONE: Mapping[str, tuple[str, str]] = MappingProxyType({})
# Colours of the cycle walk: not yet seen, on the path being walked, done.
_WHITE, _GREY, _BLACK = 0, 1, 2


class PostRef(NamedTuple):
    """What the graph needs to know of one published post."""

    # A tuple: one is made for every post of the site, and a tuple is the cheapest to make.
    slug: str
    source_path: str
    date: datetime.datetime
    follows: str | None = None
    announced: str | None = None


@dataclass(frozen=True)
class Series:
    """One post's place in the reading order of its series."""

    parts: tuple[str, ...]
    index: int
    total: int
    previous: str | None
    next: str | None


@dataclass(frozen=True)
class FollowupGraph:
    """Follow-up links between published posts, their series, and what is still announced."""

    follows: dict[str, str]
    followed_by: dict[str, tuple[str, ...]]
    series: dict[str, Series]
    pending: dict[str, str]
    problems: tuple[Problem, ...]


def _status(status: str) -> str:
    return {"draft": "a draft", "hidden": "hidden"}.get(status, f"not published ({status})")


def _index(published, problems):
    """Posts by slug, the first by source path kept when two share a slug."""
    posts: dict[str, PostRef] = {}
    for post in sorted(published, key=lambda p: (p.source_path, p.slug)):
        first = posts.get(post.slug)
        if first is None:
            posts[post.slug] = post
        else:
            problems.append(
                Problem(
                    post.source_path,
                    f"slug: '{post.slug}' is also the slug of {first.source_path}; "
                    "give one of them another slug",
                    key="slug",
                )
            )
    return posts


def _candidate_edges(posts, unpublished, problems):
    """follower -> followed for every `follows:` naming another published post."""
    edges: dict[str, str] = {}
    for slug, post in posts.items():
        target = post.follows
        if not target:
            continue
        if target == slug:
            problems.append(
                Problem(
                    post.source_path,
                    "follows: the post follows itself; set it to the slug of the earlier "
                    "post, or remove it",
                    key="follows",
                )
            )
        elif target in posts:
            edges[slug] = target
        elif target in unpublished:
            status, path = unpublished[target]
            problems.append(
                Problem(
                    post.source_path,
                    f"follows: '{target}' ({path}), which is {_status(status)}; "
                    "publish it first or remove `follows:`",
                    key="follows",
                )
            )
        else:
            # Only reached for a broken link, so the scan over slugs stays rare.
            # Never the post itself: "did you mean" its own slug is no help.
            others = [s for s in posts if s != slug]
            close = difflib.get_close_matches(target, others, n=1)
            hint = ""
            if close:
                hint = f"did you mean '{close[0]}' ({posts[close[0]].source_path})? "
            problems.append(
                Problem(
                    post.source_path,
                    f"follows: no published post has the slug '{target}'; {hint}"
                    "set it to the slug of the earlier post, or remove it",
                    key="follows",
                )
            )
    return edges


def _cycles(edges: Mapping[str, str]) -> list[list[str]]:
    """Every cycle of follower -> followed links, each in link order; one walk, no recursion."""
    colour: dict[str, int] = {}
    cycles = []
    for start in edges:
        if colour.get(start, _WHITE) != _WHITE:
            continue
        path: list[str] = []
        node: str | None = start
        # Each post has at most one outgoing link, so the walk is a single path.
        while node is not None and colour.get(node, _WHITE) == _WHITE:
            colour[node] = _GREY
            path.append(node)
            node = edges.get(node)
        if node is not None and colour[node] == _GREY:
            cycles.append(path[path.index(node) :])
        for seen in path:
            colour[seen] = _BLACK
    return cycles


def _cycle_problem(cycle: list[str], posts: Mapping[str, PostRef]) -> Problem:
    # Start at the first file by path, so the message is the same whatever the input order.
    first = min(range(len(cycle)), key=lambda i: posts[cycle[i]].source_path)
    ordered = cycle[first:] + cycle[:first]
    files = [posts[slug].source_path for slug in (*ordered, ordered[0])]
    return Problem(
        posts[ordered[0]].source_path,
        f"follows: these posts follow each other in a circle: {' -> '.join(files)} "
        "(each follows the next); remove `follows:` from the first post of the series",
        key="follows",
    )


def _series(roots: Iterable[str], children: Mapping[str, tuple[str, ...]]) -> dict[str, Series]:
    """Series of every tree of 2+ posts, read depth first, earlier follow-ups first."""
    series: dict[str, Series] = {}
    for root in roots:
        if root not in children:
            continue
        order, stack = [], [root]
        while stack:
            slug = stack.pop()
            order.append(slug)
            stack.extend(reversed(children.get(slug, ())))
        parts, total = tuple(order), len(order)
        for i, slug in enumerate(parts):
            series[slug] = Series(
                parts=parts,
                index=i + 1,
                total=total,
                previous=parts[i - 1] if i > 0 else None,
                next=parts[i + 1] if i + 1 < total else None,
            )
    return series


def series_roots(follows: Mapping[str, str | None]) -> dict[str, str]:
    """The first post of each post's series: `follows:` walked back to a post that follows none.

    `follows` maps every post's slug to the slug it follows (None: it starts a series). A link
    to no known post ends the walk there; a circle has no start, so each post on the way into
    it or in it is its own first post. Each post is walked once.
    """
    roots: dict[str, str] = {}
    for start in follows:
        path: list[str] = []
        on_path: set[str] = set()
        node = start
        while True:
            if node in roots:
                root: str | None = roots[node]
                break
            if node in on_path:
                root = None  # a circle: the rule book reports it
                break
            on_path.add(node)
            path.append(node)
            target = follows.get(node)
            if not target or target not in follows:
                root = node
                break
            node = target
        for slug in path:
            roots[slug] = root if root is not None else slug
    return roots


def build_followups(
    published: Iterable[PostRef],
    unpublished: Mapping[str, tuple[str, str]] = _NONE,
) -> FollowupGraph:
    """Link published posts through `follows:`; unpublished maps slug -> (status, source_path)."""
    problems: list[Problem] = []
    posts = _index(published, problems)
    edges = _candidate_edges(posts, unpublished, problems)

    in_cycle = set()
    for cycle in _cycles(edges):
        problems.append(_cycle_problem(cycle, posts))
        in_cycle.update(cycle)
    # A post in a circle has no start to read from: it gets no links at all.
    follows = {
        slug: target
        for slug, target in edges.items()
        if slug not in in_cycle and target not in in_cycle
    }

    grouped: dict[str, list[PostRef]] = {}
    for slug, target in follows.items():
        grouped.setdefault(target, []).append(posts[slug])
    followed_by = {
        target: tuple(p.slug for p in sorted(group, key=lambda p: (p.date, p.slug)))
        for target, group in grouped.items()
    }

    roots = sorted(slug for slug in posts if slug not in follows and slug not in in_cycle)
    pending = {
        slug: post.announced
        for slug, post in posts.items()
        if post.announced and post.announced.strip() and slug not in followed_by
    }
    return FollowupGraph(
        follows=follows,
        followed_by=followed_by,
        series=_series(roots, followed_by),
        pending=pending,
        problems=tuple(problems),
    )
