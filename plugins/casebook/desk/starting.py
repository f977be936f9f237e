"""New files from the desk: a case, a post, a page, a condition or a follow-up, as drafts.

Each is the text the matching command writes (`make newcase`, `make followup`, `make condition`)
so a file started at the desk and one started at a terminal are the same, then marked
`status: draft`; each is written whole and never over another file.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..cli import condition as condition_command
from ..cli import followup as followup_command
from ..cli import newcase as newcase_command
from ..content.newfiles import scalar, write_new
from ..content.settings import Settings, casebook_settings, site_today
from ..content.slugs import reserved_names, slug_of
from ..content.source import Source
from ..rules.posts import slug_problem
from ..vocabulary import Vocabulary
from . import documents

POST_TEMPLATE = """\
---
title: {title}
date: {date}
slug: {slug}   # the permanent URL: never change it once the post is published
status: draft
tags: []   # conditions, by name or alias, e.g. [Neck pain, Tension headache]
summary:   # one or two sentences for lists, feeds and link previews
---

"""
PAGE_TEMPLATE = """\
---
title: {title}
slug: {slug}   # the permanent URL: never change it once the page is published
status: draft
page_order: {order}   # its place in the menu
summary:   # one or two sentences for link previews
---

"""
FOLDERS = {"case": "cases", "post": "posts", "page": "pages"}


class CannotStartError(Exception):
    """Why the new file was not written, in plain words."""


@dataclass(frozen=True)
class Started:
    relpath: str


def _draft(text: str) -> str:
    document = documents.Document("new.md", text, "")
    if document.source().meta.get("status") == "draft":
        return text
    return documents.compose(document, {("status",): "draft"}, None)


def _write(content: Path, relpath: str, text: str) -> Started:
    if not write_new(content / relpath, text):
        raise CannotStartError(
            f"{relpath} already exists; nothing was written; choose another title"
        )
    return Started(relpath)


def _slug(title: str, settings: Settings, taken: set[str]) -> str:
    slug = slug_of(title, settings)
    if not slug:
        raise CannotStartError("the title makes no address; give a title with letters or digits")
    wrong = slug_problem(slug, settings, reserved_names(settings))
    if wrong:
        raise CannotStartError(f"{wrong}; give it another title")
    if slug in taken:
        raise CannotStartError(
            f"another post already has the address '{slug}'; give it another title"
        )
    return slug


def new_post(
    content: Path, kind: str, title: str, settings: Settings, taken: set[str], pages: int = 0
) -> Started:
    """A new case, post or page named `title`, as a draft."""
    title = " ".join(title.split())
    if not title:
        raise CannotStartError("give it a title")
    slug = _slug(title, settings, taken)
    today = site_today(settings)
    if kind == "case":
        text = newcase_command.render(title, slug, today)
    elif kind == "page":
        text = PAGE_TEMPLATE.format(title=scalar(title), slug=scalar(slug), order=pages + 1)
    else:
        text = POST_TEMPLATE.format(title=scalar(title), date=today.isoformat(), slug=scalar(slug))
    return _write(content, f"{FOLDERS[kind]}/{slug}.md", _draft(text))


def new_condition(content: Path, name: str, settings: Settings, vocabulary: Vocabulary) -> Started:
    """A new condition file, with the placeholder explanation `make check` asks to replace."""
    name = " ".join(name.split())
    if not name:
        raise CannotStartError("give the condition's name")
    owner = vocabulary.lookup(name)
    if owner is not None:
        raise CannotStartError(f"'{name}' is already a name or other name of {owner.name}")
    slug = slug_of(name, settings)
    if not slug:
        raise CannotStartError("the name makes no address; give a name with letters or digits")
    folder = casebook_settings(settings)["CONDITIONS_PATH"]
    return _write(content, f"{folder}/{slug}.md", condition_command.render(name))


def new_followup(
    content: Path,
    original: Source,
    settings: Settings,
    taken: set[str],
    day: datetime.date | None = None,
) -> Started:
    """A post that follows a published one: its conditions and client, `follows:` its slug."""
    follows = str(original.meta.get("slug") or "").strip()
    if not follows:
        raise CannotStartError("the post has no address yet; give it a slug and publish it first")
    slug = followup_command.free_slug(follows, taken)
    text = followup_command.render(original, slug, follows, day or site_today(settings))
    folder = PurePosixPath(original.path).parent
    return _write(content, f"{folder}/{slug}.md", _draft(text))
