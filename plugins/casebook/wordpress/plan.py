"""Where each item of an export goes: its kind, title, slug, tags, case fields and old addresses.

Pure: the export, the condition vocabulary, the site's settings and what content/ already holds
go in; a decision for every item comes out, the same for the same export on every run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from .. import addresses
from .. import vocabulary as vocab
from ..content.settings import Settings
from ..content.slugs import MAX_SLUG, make_slug, slug_flaw
from .wxr import Item

# A WordPress category or tag with one of these names marks a post as a case write-up.
CASE_TERMS = frozenset(
    vocab.term_key(t)
    for t in ("case study", "case studies", "case report", "case reports", "cases", "case")
)
# "Calf cramps at night: Treatment of Joan K." or "Neck pain at the desk: Ana R.": a
# complaint, a colon, then a pseudonym (a first name and an initial).
CASE_TITLE = re.compile(
    r"^(?P<complaint>[^:]{3,}?)\s*:\s*(?:(?:the\s+)?treatment\s+of\s+)?"
    r"(?P<name>[A-Z][a-z'’-]+)\s+(?P<initial>[A-Z])\.?\s*$",
    re.IGNORECASE,
)
FOLDERS = {"case": "cases", "post": "posts", "page": "pages"}
# WordPress's own records, never content: menus, revisions, editor templates, caches.
INTERNAL_TYPES = frozenset(
    """
    revision custom_css customize_changeset oembed_cache user_request wp_block wp_template
    wp_template_part wp_global_styles wp_navigation wp_font_family wp_font_face
    """.split()
)
NOT_IMPORTED = {
    "trash": "in WordPress's trash",
    "auto-draft": "an empty draft WordPress saved by itself",
    "inherit": "a revision WordPress kept",
}
# Statuses that were never public on the old site; the item comes in as a draft.
HELD_STATUSES = {
    "draft": "a draft in WordPress",
    "pending": "waiting for review in WordPress",
    "future": "scheduled in WordPress, never published",
    "private": "private in WordPress",
}
TITLE_WORDS = 8
MAX_DERIVED_TITLE = 70


def group(item: Item) -> str:
    """What an item is, for the summary: post, page, other, attachment, menu, internal."""
    if item.post_type == "attachment":
        return "attachment"
    if item.post_type == "nav_menu_item":
        return "menu"
    if item.post_type in INTERNAL_TYPES:
        return "internal"
    if item.post_type in ("post", "page"):
        return item.post_type
    return "other"


@dataclass
class Planned:
    """What will be written for one item, and what the summary says about it."""

    item: Item
    kind: str  # "case", "post" or "page"
    title: str
    status: str  # "published" or "draft"
    slug: str
    tags: tuple[str, ...]
    unmapped: tuple[str, ...]
    case: dict[str, str] | None
    redirect_from: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the practitioner should know

    @property
    def relpath(self) -> str:
        """Where the file goes, relative to the content folder."""
        return f"{FOLDERS[self.kind]}/{self.slug}.md"


@dataclass(frozen=True)
class Left:
    """An item that is not imported, and why."""

    item: Item
    reason: str


@dataclass(frozen=True)
class Existing:
    """What content/ already holds: slugs and old addresses, by the file that has them."""

    slugs: dict[str, str]  # slug -> relpath of the post or page using it
    claims: dict[str, str]  # save_as of an old address -> relpath of the post claiming it


def map_terms(
    terms: Iterable[str], vocabulary: vocab.Vocabulary
) -> tuple[bool, list[str], list[str]]:
    """Whether the terms mark a case; tags as condition names; the terms no condition knows."""
    is_case, tags, unmapped = False, list[str](), list[str]()
    for term in terms:
        if vocab.term_key(term) in CASE_TERMS:
            is_case = True
            continue
        entry = vocabulary.lookup(term)
        tag = entry.name if entry else term
        if vocab.term_key(tag) not in map(vocab.term_key, tags):
            tags.append(tag)
            if entry is None:
                unmapped.append(tag)
    return is_case, tags, unmapped


def case_from_title(title: str) -> dict[str, str] | None:
    """The complaint and the client's pseudonym of a title that reads like a case, or None."""
    found = CASE_TITLE.match(title)
    if not found:
        return None
    name = found["name"][0].upper() + found["name"][1:]
    return {
        "client": f"{name} {found['initial'].upper()}.",
        "presenting_complaint": found["complaint"].strip(),
    }


def title_from_text(text: str) -> str:
    """A title made of the first words of a post's text ('' if it has none)."""
    words = text.split()
    title = " ".join(words[:TITLE_WORDS])
    if len(title) > MAX_DERIVED_TITLE:
        title = title[:MAX_DERIVED_TITLE].rsplit(" ", 1)[0][:MAX_DERIVED_TITLE]
    whole = title == " ".join(words)
    title = title.rstrip(".,;:!?-–— ")
    return title + ("" if whole or not title else "…")


def _sound(slug: str, settings: Settings, reserved: dict[str, str]) -> str:
    """The slug cut to size, or '' if the rule book would refuse it."""
    slug = slug[:MAX_SLUG].strip("-")
    return slug if slug and slug_flaw(slug, settings, reserved) is None else ""


def base_slug(item: Item, title: str, settings: Settings, reserved: dict[str, str]) -> str:
    """A plain slug for the item: its WordPress name, else its title, else its id."""
    # WordPress keeps non-ASCII names percent-encoded; decoded, `..%2F` is only "..", "/"
    # and the rule book's slugify keeps letters, digits and hyphens of it.
    candidates = (unquote(item.post_name), title, f"wordpress-{item.post_id}")
    for text in candidates:
        slug = _sound(make_slug(text, settings), settings, reserved)
        if slug:
            return slug
    return "wordpress-item"


def unique(slug: str, taken: set[str], settings: Settings, reserved: dict[str, str]) -> str:
    """The slug, or slug-2, slug-3 … if an earlier item of the export has it."""
    number, found = 1, slug
    while found in taken or not _sound(found, settings, reserved):
        number += 1
        suffix = f"-{number}"
        found = slug[: MAX_SLUG - len(suffix)].strip("-") + suffix
    return found


def old_paths(item: Item, hosts: frozenset[str]) -> list[str]:
    """The addresses a public item had on the old site."""
    paths = []
    try:
        parts = urlsplit(item.link)
    except ValueError:
        parts = None
    if parts and parts.netloc.lower() in hosts and parts.path.startswith("/"):
        paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    if item.post_id.isdigit():
        paths.append(f"/?p={item.post_id}")  # WordPress answers ?p=N for every post and page
    return list(dict.fromkeys(paths))


def _kind(item: Item, is_case: bool) -> str:
    if item.post_type == "page":
        return "page"
    return "case" if is_case else "post"


def plan_item(
    item: Item,
    title: str,
    vocabulary: vocab.Vocabulary,
    settings: Settings,
    reserved: dict[str, str],
    taken: set[str],
) -> Planned:
    """The plan of one item that is imported (its title already decided)."""
    is_case, tags, unmapped = map_terms(item.terms, vocabulary)
    case = case_from_title(title) if item.post_type != "page" else None
    kind = _kind(item, is_case or case is not None)
    slug = unique(base_slug(item, title, settings, reserved), taken, settings, reserved)
    taken.add(slug)
    notes = []
    if item.post_name and slug != make_slug(unquote(item.post_name), settings):
        notes.append(f"its WordPress name {item.post_name[:60]!r} became the slug '{slug}'")
    status = "published" if item.status == "publish" and not item.password else "draft"
    if item.password:
        notes.append(
            "password-protected in WordPress: kept as a draft; publish it only if everyone "
            "may read it"
        )
    if kind == "case":
        status = "draft"  # held back until the practitioner confirms consent
    elif item.status in HELD_STATUSES:
        notes.append(f"{HELD_STATUSES[item.status]}: kept as a draft")
    if group(item) == "other":
        status = "draft"
        notes.append(f"a WordPress '{item.post_type[:40]}' item: kept as a draft post")
    return Planned(
        item=item,
        kind=kind,
        title=title,
        status=status,
        slug=slug,
        tags=tuple(tags),
        unmapped=tuple(unmapped),
        case=(case or {}) if kind == "case" else None,
        notes=notes,
    )


def left_reason(item: Item) -> str | None:
    """Why an item is not imported as a post or page, or None if it is."""
    kind = group(item)
    if kind == "attachment":
        return "an attachment: its file is copied where a post shows it"
    if kind == "menu":
        return "a menu item: the site makes its menu from its pages"
    if kind == "internal":
        return "WordPress keeps them for itself"
    if item.status in NOT_IMPORTED:
        return NOT_IMPORTED[item.status]
    if item.status not in ("publish", *HELD_STATUSES):
        return f"its WordPress status {item.status[:40]!r} is unknown"
    return None


def claim_addresses(
    plans: Sequence[Planned],
    hosts: frozenset[str],
    existing: Existing,
    reserved: dict[str, str],
    shown_in: Callable[[str], str] = str,
) -> list[str]:
    """Give each public item its old addresses, each to one item only; the report lines."""
    report: list[str] = []
    owners: dict[str, Planned] = {}
    new_pages = {f"{p.slug}/index.html" for p in plans} | {
        f"{slug}/index.html" for slug in existing.slugs
    }
    for planned in plans:
        if planned.item.status != "publish" or planned.item.password:
            continue  # never public: nobody has its address
        for old in old_paths(planned.item, hosts):
            found = addresses.target(old)
            if found is None or found.save_as in new_pages:
                continue  # the home page, an unusable address, or the post's own new one
            owner = owners.get(found.save_as)
            elsewhere = existing.claims.get(found.save_as)
            first = found.save_as.split("/")[0].lower()
            if first in reserved and not found.save_as.startswith("p/"):
                report.append(
                    f"{shown_in(planned.relpath)}: the old address {old} is where this site "
                    f"puts {reserved[first]}; it is not kept"
                )
            elif owner is not None:
                report.append(
                    f"{shown_in(planned.relpath)}: the old address {old} is also claimed by "
                    f"{shown_in(owner.relpath)}; it leads there, not here"
                )
            elif elsewhere is not None and elsewhere != planned.relpath:
                report.append(
                    f"{shown_in(planned.relpath)}: the old address {old} is already claimed "
                    f"by {shown_in(elsewhere)}; it leads there, not here"
                )
            else:
                owners[found.save_as] = planned
                planned.redirect_from.append(old)
    return report
