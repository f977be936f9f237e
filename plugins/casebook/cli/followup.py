"""`make followup OF=<slug>`: start a post that follows a published one, never over a file."""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence
from pathlib import Path

from ..content import corpus
from ..content.corpus import Kind
from ..content.newfiles import scalar, write_new
from ..content.settings import Settings, load, site_today
from ..content.slugs import MAX_SLUG
from ..content.source import Source
from ..content.values import text_list
from ..rules.posts import Post, check_post
from . import guarded, preview_address, written

SUFFIX = "-follow-up"
FOLLOWUPS_FOLDER = "posts"  # a follow-up is a post: its case, and its one case box, stay put
TEMPLATE = """\
---
title: {title}   # edit it: the follow-up's own title
date: {date}
slug: {slug}   # the permanent URL: never change it once the post is published
status: draft   # only the preview shows a draft: delete this line to publish the post
follows: {follows}   # the post this one continues
{client}tags: {tags}   # the conditions of the post it follows
summary:   # one or two sentences for lists, feeds and link previews
---

## Since the last post

## What was done

## Outcome
"""


def client_line(original: Source) -> str:
    """`client:`, the same person as the case's, in a key of its own: no second case box."""
    case = original.meta.get("case")
    client = case.get("client") if isinstance(case, dict) else original.meta.get("client")
    if not isinstance(client, str) or not client.strip():
        return ""
    return (
        f"client: {scalar(client.strip())}   # as the case names them; the case's own box "
        "stays the one the figures count\n"
    )


def render(original: Source, slug: str, follows: str, date: datetime.date) -> str:
    """The follow-up's text: its own title to edit, the same conditions and client, `follows:`."""
    title = str(original.meta.get("title") or follows).strip()
    tags = text_list(original, "tags")[0]
    return TEMPLATE.format(
        title=scalar(f"Follow-up: {title}"),
        date=date.isoformat(),
        slug=scalar(slug),
        follows=scalar(follows),
        tags=scalar(tags),
        client=client_line(original),
    )


def posts(content: Path, settings: Settings) -> list[tuple[corpus.File, Post]]:
    """Every post and page with what the rule book makes of it (its slug and status)."""
    found = []
    for file, source in corpus.sources(corpus.files(content, settings)):
        if file.kind in (Kind.ARTICLE, Kind.PAGE) and source.readable:
            found.append((file, check_post(source, file.kind, settings)[0]))
    return found


def free_slug(base: str, taken: set[str]) -> str:
    """`<base>-follow-up`, or `-2`, `-3`…, under the longest slug allowed."""
    stem = base[: MAX_SLUG - len(SUFFIX) - 4].strip("-") + SUFFIX
    slug, number = stem, 1
    while slug in taken:
        number += 1
        slug = f"{stem}-{number}"
    return slug


def _shown(text: str) -> str:
    """A value the user gave, as a message quotes it: one line, cut short."""
    line = " ".join(text.split())
    return repr(line if len(line) <= 80 else line[:79] + "…")


@guarded("followup")
def main(argv: Sequence[str] | None = None) -> int:
    """Write the follow-up into content/posts/; print its path and its preview address."""
    parser = argparse.ArgumentParser(prog="casebook.followup", description=__doc__)
    parser.add_argument("of", help="the slug of the published post it follows")
    parser.add_argument("--content", default="content", help="the content folder")
    parser.add_argument("-s", "--settings", help="settings file (default: ./pelicanconf.py)")
    args = parser.parse_args(argv)

    settings = load(args.settings)
    content = Path(args.content)
    found = posts(content, settings) if content.is_dir() else []
    of = args.of.strip()
    match = [(file, post) for file, post in found if post.slug == of and post.kind == Kind.ARTICLE]
    if not match:
        print(
            f"followup: no post has the slug {_shown(args.of)}; give the slug of a published "
            "post, e.g. make followup OF=neck-pain-treatment-of-ana-r (it is the post's "
            "address, and its `slug:`)"
        )
        return 1
    file, post = match[0]
    if post.status != "published":
        print(
            f"{file.shown}: is not published (status {post.status}); a follow-up can only "
            "follow a published post; publish it first"
        )
        return 1
    slug = free_slug(of, {p.slug for _f, p in found if p.slug})
    path = content / FOLLOWUPS_FOLDER / f"{slug}.md"
    today = site_today(settings)
    if not write_new(path, render(post.source, slug, of, today)):
        print(f"{path}: already exists; nothing written")
        return 1
    print("\n".join(written(path, preview_address(settings, slug, draft=True), draft=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
