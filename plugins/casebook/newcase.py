"""`make newcase TITLE=...`: start a case file with the whole front matter to fill in."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.utils import slugify

from .check import load_settings, read_content

CASES_FOLDER = "cases"
DEFAULT_TIMEZONE = "America/New_York"  # the practice's own day, whatever the machine's clock

# The summary box, every field empty; `make import` gives imported cases the same block.
CASE_BLOCK = """\
case:   # the summary box a referring clinician reads
  client:   # a pseudonym: first name and initial, e.g. Ana R.
  consent: false   # true once written consent is on file; until then it never publishes
  presenting_complaint:   # what brought the client in
  findings:   # what the assessment found
  interventions:   # what was done, and the home care given
  sessions:   # how many sessions, a whole number
  outcome:   # how it turned out
  follow_up:   # what happens next: maintenance, referral, nothing
  patient_perspective:   # optional: the client's own words, with their consent
"""

TEMPLATE = """\
---
title: {title}
date: {date}
slug: {slug}   # the permanent URL: never change it once the case is published
tags: []   # conditions, by name or alias, e.g. [Neck pain, Tension headache]
summary:   # one or two sentences for lists, feeds and link previews
{case}---

## What brought the client in

## The first session

## Later sessions

## Outcome
"""


def case_slug(title: str, settings: dict) -> str:
    """The slug Pelican would make of a title, with the site's substitutions."""
    return slugify(title, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])


def today(settings: dict) -> datetime.date:
    """Today in the practice's time zone."""
    return datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE") or DEFAULT_TIMEZONE)).date()


def render(title: str, slug: str, date: datetime.date) -> str:
    """The new file's text: front matter with every key, then a body skeleton."""
    # A JSON string is a valid YAML double-quoted scalar: colons and quotes stay safe.
    return TEMPLATE.format(
        title=json.dumps(title, ensure_ascii=False),
        date=date.isoformat(),
        slug=slug,
        case=CASE_BLOCK,
    )


def slug_owner(slug: str, content: Path, settings: dict) -> str | None:
    """The file that already uses `slug` as a post or page, if any."""
    read = read_content(content, settings)
    for source in (*read.sources["article"], *read.sources["page"]):
        if str(source.meta.get("slug", "")).strip() == slug:
            return source.path
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Write content/cases/<slug>.md and print its path; never overwrite anything."""
    parser = argparse.ArgumentParser(prog="casebook.newcase", description=__doc__)
    parser.add_argument("title", help='the case title, e.g. "Neck pain: treatment of Ana R."')
    parser.add_argument("--content", default="content", help="the content folder")
    parser.add_argument("-s", "--settings", help="settings file (default: ./pelicanconf.py)")
    args = parser.parse_args(argv)

    title = " ".join(args.title.split())
    settings = load_settings(args.settings)
    slug = case_slug(title, settings)
    if not slug:
        print(
            f"newcase: the title {args.title!r} makes no slug; give a title with letters "
            'or digits, e.g. TITLE="Neck pain: treatment of Ana R."'
        )
        return 2
    content = Path(args.content)
    path = content / CASES_FOLDER / f"{slug}.md"
    owner = slug_owner(slug, content, settings) if content.is_dir() else None
    if owner:
        print(
            f"{owner}: already uses the slug '{slug}'; nothing written; give the new case "
            "another title"
        )
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x": the check above and the write are not one step; never clobber a file.
        with path.open("x", encoding="utf-8") as file:
            file.write(render(title, slug, today(settings)))
    except FileExistsError:
        print(f"{path}: already exists; nothing written; give the new case another title")
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
