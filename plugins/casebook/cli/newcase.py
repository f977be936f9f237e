"""`make newcase TITLE=...`: start a case file with the whole front matter to fill in."""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence
from pathlib import Path

from ..cases import case_block, consent_lines
from ..content import corpus
from ..content.corpus import Kind
from ..content.newfiles import scalar, write_new
from ..content.settings import Settings, load, site_today
from ..content.slugs import reserved_names, slug_of
from ..rules.posts import slug_problem
from . import guarded, preview_address, written

CASES_FOLDER = "cases"

TEMPLATE = """\
---
title: {title}
date: {date}
slug: {slug}   # the permanent URL: never change it once the case is published
status: draft   # only the preview shows a draft: delete this line to publish the case
tags: []   # conditions, by name or alias, e.g. [Neck pain, Tension headache]
summary:   # one or two sentences for lists, feeds and link previews
{case}---

## What brought the client in

## The first session

## Later sessions

## Outcome
"""


def render(title: str, slug: str, date: datetime.date) -> str:
    """The new file's text: front matter with every key, then a body skeleton."""
    return TEMPLATE.format(
        title=scalar(title),
        date=date.isoformat(),
        slug=scalar(slug),
        case=case_block(consent=consent_lines(slug)),
    )


def slug_owner(slug: str, content: Path, settings: Settings) -> str | None:
    """The file that already uses `slug` as a post or page, if any."""
    for file, source in corpus.sources(corpus.files(content, settings)):
        if (
            file.kind in (Kind.ARTICLE, Kind.PAGE)
            and str(source.meta.get("slug", "")).strip() == slug
        ):
            return file.shown
    return None


@guarded("newcase")
def main(argv: Sequence[str] | None = None) -> int:
    """Write content/cases/<slug>.md, print its path and preview address; never overwrite."""
    parser = argparse.ArgumentParser(prog="casebook.newcase", description=__doc__)
    parser.add_argument("title", help='the case title, e.g. "Neck pain: treatment of Ana R."')
    parser.add_argument("--content", default="content", help="the content folder")
    parser.add_argument("-s", "--settings", help="settings file (default: ./pelicanconf.py)")
    args = parser.parse_args(argv)

    title = " ".join(args.title.split())
    settings = load(args.settings)
    slug = slug_of(title, settings)
    if not slug:
        print(
            f"newcase: the title {args.title!r} makes no slug; give a title with letters "
            'or digits, e.g. TITLE="Neck pain: treatment of Ana R."'
        )
        return 2
    wrong = slug_problem(slug, settings, reserved_names(settings))
    if wrong:
        print(f"newcase: {wrong}; nothing written; give the new case another title")
        return 1
    content = Path(args.content)
    path = content / CASES_FOLDER / f"{slug}.md"
    owner = slug_owner(slug, content, settings) if content.is_dir() else None
    if owner:
        print(
            f"{owner}: already uses the slug '{slug}'; nothing written; give the new case "
            "another title"
        )
        return 1
    if not write_new(path, render(title, slug, site_today(settings))):
        print(f"{path}: already exists; nothing written; give the new case another title")
        return 1
    print("\n".join(written(path, preview_address(settings, slug, draft=True), draft=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
