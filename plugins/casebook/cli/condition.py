"""`make condition NAME=...`: start a condition file with every key, never over an existing one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..content import corpus
from ..content.corpus import Kind
from ..content.newfiles import scalar, write_new
from ..content.settings import Settings, casebook_settings, load
from ..content.slugs import slug_of
from ..content.values import MAX_TITLE
from ..rules.conditions import CONDITION_PLACEHOLDER, read_vocabulary
from . import guarded

TEMPLATE = """\
---
name: {name}
aliases: []   # other names a tag may use, e.g. [RLS, Restless leg syndrome]
lay_terms: []   # where it hurts, in a client's words, e.g. [hip pain]: "see" entries in the A-Z
codes: []   # ICD-10-CM codes, e.g. [G25.81]; make check looks each one up
body_areas: []   # where in the body, e.g. [Legs]: groups the conditions page
reviewed:   # the day you last reviewed the explanation below, YYYY-MM-DD
reviewed_by:   # who reviewed it, if not you (the page names the practitioner)
symptoms: []   # what it feels like, one sign an item: listed on the page, matched by search
red_flags: []   # signs to see a doctor straight away, e.g. [weakness in a leg]
see_a_doctor: []   # when to book a doctor's appointment, e.g. [the pain lasts a few weeks]
sources: []   # where the facts come from, each: `- title: …`, `publisher: …`, `url: https://…`
---
## What it is

{placeholder}: how it feels and what usually causes it. `make check` refuses to
publish this file until this paragraph is yours.

## Causes

What usually brings it on, and what keeps it going.

## How neuromuscular therapy helps

What you work on, and what a client does at home.

## What you can do yourself

What helps between visits.
"""


def render(name: str) -> str:
    """The new file's text: every key of a condition, and the placeholder explanation."""
    return TEMPLATE.format(name=scalar(name), placeholder=CONDITION_PLACEHOLDER)


def known_as(name: str, content: Path, settings: Settings) -> str | None:
    """The condition file that already has this name or alias, if any."""
    found = corpus.files(content, settings)
    sources = [source for file, source in corpus.sources(found) if file.kind == Kind.CONDITION]
    vocabulary, _problems = read_vocabulary(sources, None, settings)
    entry = vocabulary.lookup(name)
    shown = {source.label: source.shown for source in sources}
    return shown.get(entry.source_path, entry.source_path) if entry is not None else None


@guarded("condition")
def main(argv: Sequence[str] | None = None) -> int:
    """Write content/conditions/<slug>.md and print its path; never overwrite anything."""
    parser = argparse.ArgumentParser(prog="casebook.condition", description=__doc__)
    parser.add_argument("name", help='the condition\'s name, e.g. "Piriformis syndrome"')
    parser.add_argument("--content", default="content", help="the content folder")
    parser.add_argument("-s", "--settings", help="settings file (default: ./pelicanconf.py)")
    args = parser.parse_args(argv)

    name = " ".join(args.name.split())
    if len(name) > MAX_TITLE:
        print(
            f"condition: the name has {len(name)} characters; give the name a reader sees, "
            f"under {MAX_TITLE}, and put other spellings in `aliases:`"
        )
        return 2
    settings = load(args.settings)
    slug = slug_of(name, settings)
    if not slug:
        print(
            f"condition: the name {args.name!r} makes no file name; give a name with letters "
            'or digits, e.g. NAME="Piriformis syndrome"'
        )
        return 2
    content = Path(args.content)
    owner = known_as(name, content, settings) if content.is_dir() else None
    if owner:
        print(f"{owner}: already has the name or alias '{name}'; nothing written")
        return 1
    path = content / casebook_settings(settings)["CONDITIONS_PATH"] / f"{slug}.md"
    if not write_new(path, render(name)):
        print(f"{path}: already exists; nothing written; give the condition another name")
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
