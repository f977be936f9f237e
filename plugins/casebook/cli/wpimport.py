"""`make import WXR=export.xml`: a WordPress export brought into content/, as new files only."""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree
from pelican.utils import slugify

from .. import corpus, rules, source
from .. import vocabulary as vocab
from ..cases import case_block
from ..problems import shown
from ..settings import load as load_settings
from . import guarded

# What pelican-import converts; other statuses (private, pending, trash) are left behind.
IMPORTED_STATUSES = ("publish", "draft")
POST_TYPES = ("post", "page")
# A WordPress category or tag with one of these names marks a post as a case write-up.
CASE_TERMS = frozenset(
    vocab.term_key(t)
    for t in (
        "case study",
        "case studies",
        "case report",
        "case reports",
        "cases",
    )
)
# WordPress files every post without a category here: it says nothing about the post.
DEFAULT_CATEGORY = "uncategorized"
FOLDERS = {"case": "cases", "post": "posts", "page": "pages"}


@dataclass(frozen=True)
class Item:
    """One post or page of the export, as WordPress describes it."""

    line: int
    post_id: str
    post_name: str
    title: str
    post_type: str
    status: str
    date: str | None  # "YYYY-MM-DD HH:MM"
    link: str
    excerpt: str
    menu_order: int
    terms: tuple[str, ...]  # category and tag names, each whole: commas stay inside

    @property
    def importer_key(self) -> tuple[str, str]:
        """How pelican-import names its file for this item: folder kind, then Slug."""
        return (self.post_type, self.post_name or self.post_id)


@dataclass(frozen=True)
class Planned:
    """What will be written for one item."""

    item: Item
    kind: str  # "case", "post" or "page"
    slug: str
    tags: tuple[str, ...]
    unmapped: tuple[str, ...]
    redirect_from: tuple[str, ...]

    @property
    def relpath(self) -> str:
        """Where the file goes, relative to the content folder."""
        return f"{FOLDERS[self.kind]}/{self.slug}.md"


def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _text(item, name: str) -> str:
    """The text of the item's first child called `name`, whatever its namespace."""
    for child in item:
        if _local(child) == name:
            return (child.text or "").strip()
    return ""


def read_items(wxr: Path) -> tuple[list[Item], Counter]:
    """Posts and pages pelican-import converts, and a count of those it leaves behind."""
    # No entities, no network: an export file must not make us fetch or expand anything.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    root = etree.parse(str(wxr), parser).getroot()
    items, left = [], Counter()
    for element in root.iter("item"):
        post_type, status = _text(element, "post_type"), _text(element, "status")
        if post_type not in POST_TYPES:
            continue  # attachments, menu items, revisions
        if status not in IMPORTED_STATUSES:
            left[status or "no status"] += 1
            continue
        date, order = _text(element, "post_date"), _text(element, "menu_order")
        terms = [
            (child.text or "").strip()
            for child in element
            if _local(child) == "category"
            and child.get("domain") in ("category", "post_tag")
            and child.get("nicename") != DEFAULT_CATEGORY
        ]
        items.append(
            Item(
                line=element.sourceline or 0,
                post_id=_text(element, "post_id"),
                post_name=_text(element, "post_name"),
                title=html.unescape(_text(element, "title")),
                post_type=post_type,
                status=status,
                date=None if date.startswith("0000") or not date else date[:16],
                link=_text(element, "link"),
                excerpt=_excerpt(element),
                menu_order=int(order) if order.isdigit() else 0,
                terms=tuple(t for t in terms if t),
            )
        )
    return items, left


def _excerpt(element) -> str:
    """The hand-written excerpt, if any: `excerpt:encoded`, not the post's `content:encoded`."""
    for child in element:
        if _local(child) == "encoded" and "excerpt" in (etree.QName(child).namespace or ""):
            return " ".join((child.text or "").split())
    return ""


def map_terms(
    terms: Iterable[str], vocabulary: vocab.Vocabulary
) -> tuple[bool, list[str], list[str]]:
    """Whether the terms mark a case; tags as condition names; the terms no condition knows."""
    is_case, tags, unmapped = False, [], []
    for term in terms:
        if vocab.term_key(term) in CASE_TERMS:
            is_case = True
            continue
        entry = vocabulary.lookup(term)
        tag = entry.name if entry else " ".join(term.split())
        if vocab.term_key(tag) not in map(vocab.term_key, tags):
            tags.append(tag)
            if entry is None:
                unmapped.append(tag)
    return is_case, tags, unmapped


def old_paths(item: Item, slug: str) -> list[str]:
    """The addresses a published item had on the old site that differ from `/{slug}/`."""
    if item.status != "publish":
        return []  # a draft was never public: nobody has its address
    paths = []
    if item.link:
        parts = urlsplit(item.link)
        paths.append((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
    if item.post_id:
        paths.append(f"/?p={item.post_id}")  # WordPress answers ?p=N for every post and page
    new = f"/{slug}/"
    return list(dict.fromkeys(p for p in paths if p.rstrip("/") + "/" != new))


def plan(item: Item, vocabulary: vocab.Vocabulary, settings: dict) -> Planned:
    """Where an item goes, under which slug, with which tags and old addresses."""
    is_case, tags, unmapped = map_terms(item.terms, vocabulary)
    # WordPress keeps non-ASCII slugs percent-encoded; the readable form is the same URL.
    slug = unquote(item.post_name) or slugify(
        item.title or item.post_id, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"]
    )
    kind = "page" if item.post_type == "page" else "case" if is_case else "post"
    return Planned(item, kind, slug, tuple(tags), tuple(unmapped), tuple(old_paths(item, slug)))


def _yaml(value) -> str:
    # JSON strings and lists are valid YAML flow scalars and sequences: quoting stays safe.
    return json.dumps(value, ensure_ascii=False)


def render(planned: Planned, body: str, order_key: str | None = None) -> str:
    """The new file: YAML front matter in the site's format, then the converted body."""
    item = planned.item
    lines = ["---", f"title: {_yaml(item.title)}"]
    if item.date:
        lines.append(f"date: {item.date}")
    lines.append(f"slug: {planned.slug}")
    if planned.tags:
        lines.append(f"tags: {_yaml(list(planned.tags))}")
    if item.excerpt:
        lines.append(f"summary: {_yaml(item.excerpt)}")
    if planned.kind == "page" and order_key:
        lines.append(f"{order_key}: {item.menu_order}")  # WordPress's own menu order
    if item.status == "draft":
        lines.append("status: draft")
    if planned.redirect_from:
        lines.append(f"redirect_from: {_yaml(list(planned.redirect_from))}")
    front = "\n".join(lines) + "\n"
    if planned.kind == "case":
        front += case_block()
    return f"{front}---\n\n{body.strip()}\n"


def run_importer(wxr: Path, folder: str) -> dict[tuple[str, str], str]:
    """Pelican's own importer into `folder`: converted Markdown bodies by importer key."""
    # The importer installed beside this Python, so the venv's Pelican does the work.
    here = os.path.dirname(sys.executable)
    command = shutil.which("pelican-import", path=here) or "pelican-import"
    # --dir-page, --wp-custpost: pages and other post types (menu items) in folders of
    # their own, so nothing of the same name overwrites a post's converted file.
    subprocess.run(  # noqa: S603 - a list of arguments, no shell
        [
            command,
            "--wpfile",
            "-m",
            "markdown",
            "--dir-page",
            "--wp-custpost",
            "-o",
            folder,
            str(wxr),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    bodies = {}
    for path in [*Path(folder).glob("*.md"), *Path(folder, "pages").glob("*.md")]:
        text = path.read_text(encoding="utf-8")
        read = source.parse(str(path), text)
        slug = read.meta.get("slug", path.stem)
        kind = "page" if path.parent.name == "pages" else "post"
        # The importer's header ends at the first blank line; the Markdown body follows.
        bodies[(kind, str(slug))] = text.split("\n\n", 1)[1] if "\n\n" in text else ""
    return bodies


def _write_new(path: Path, text: str) -> bool:
    """Write a file that must not exist yet; False if it does."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError:
        return False
    return True


def import_items(
    wxr: Path, items: Sequence[Item], bodies: dict, content: Path, settings: dict
) -> tuple[list[str], list[Planned]]:
    """Write each item as a new file; the report lines, and what was written."""
    found = list(corpus.sources(corpus.files(content, settings))) if content.is_dir() else []
    vocabulary, _problems = rules.read_vocabulary(
        [s for f, s in found if f.kind == "condition"], None, settings
    )
    taken = {
        str(s.meta["slug"]).strip(): s.path
        for f, s in found
        if f.kind in ("article", "page") and s.meta.get("slug")
    }
    report, written = [], []
    for item in items:
        planned = plan(item, vocabulary, settings)
        where = f"{shown(wxr)}:{item.line}"
        path = content / planned.relpath
        owner = taken.get(planned.slug)
        body = bodies.get(item.importer_key)
        if owner:
            report.append(
                f"{where}: skipped {item.title!r}: the slug '{planned.slug}' is already used "
                f"by {owner}, which is left as it is; import it by hand under another slug "
                "if both should exist"
            )
        elif body is None:
            report.append(
                f"{where}: skipped {item.title!r}: pelican-import wrote nothing for it; "
                "check the item in WordPress and export again"
            )
        elif not _write_new(path, render(planned, body, rules.page_order_key(settings))):
            report.append(
                f"{where}: skipped {item.title!r}: {shown(path)} already exists and is left "
                "as it is; import it by hand under another slug if both should exist"
            )
        else:
            taken[planned.slug] = shown(path)
            written.append(planned)
            report.append(f"{shown(path)}{' (draft)' if item.status == 'draft' else ''}")
    return report, written


def summary(items: Sequence[Item], written: Sequence[Planned], left: Counter) -> list[str]:
    """The closing lines: counts, what the author must do next, unknown conditions last."""
    kinds = Counter(p.kind for p in written)
    parts = [f"{kinds[k]} {k}{'' if kinds[k] == 1 else 's'}" for k in FOLDERS if kinds[k]]
    lines = [
        f"imported {len(written)} of {len(items)} posts and pages"
        + (f": {', '.join(parts)}" if parts else "")
    ]
    if left:
        lines.append(
            "not imported (WordPress status): "
            + ", ".join(f"{count} {status}" for status, count in sorted(left.items()))
        )
    if kinds["case"]:
        lines.append(
            "each imported case has an empty `case:` block with `consent: false`: fill it "
            "in, and set `consent: true` once written consent is on file; make check lists "
            "what is missing"
        )
    unmapped = list(dict.fromkeys(t for p in written for t in p.unmapped))
    if unmapped:
        lines.append(
            "not a known condition, kept as a tag: "
            + ", ".join(f"'{t}'" for t in unmapped)
            + "; add each as an alias (or a new file) in content/conditions/, or change the tag"
        )
    return lines


@guarded("import")
def main(argv: Sequence[str] | None = None) -> int:
    """Import a WordPress export; print one line per file written or item skipped."""
    parser = argparse.ArgumentParser(prog="casebook.wpimport", description=__doc__)
    parser.add_argument("wxr", help="the WordPress export (Tools > Export), e.g. export.xml")
    parser.add_argument("--content", default="content", help="the content folder")
    parser.add_argument("-s", "--settings", help="settings file (default: ./pelicanconf.py)")
    args = parser.parse_args(argv)
    wxr, content = Path(args.wxr), Path(args.content)
    if not wxr.is_file():
        print(f"{args.wxr}: no such file; give the export from WordPress's Tools > Export")
        return 2
    if shutil.which("pandoc") is None:
        print(
            "pandoc is not installed, and pelican-import needs it to convert posts; "
            "install it (apt-get install -y pandoc) and run make import again"
        )
        return 1
    try:
        items, left = read_items(wxr)
    except etree.XMLSyntaxError as err:
        print(
            f"{shown(wxr)}:{err.lineno}: not a readable WordPress export ({err.msg}); "
            "export it again from WordPress's Tools > Export"
        )
        return 1
    settings = load_settings(args.settings)
    with tempfile.TemporaryDirectory(prefix="casebook-import-") as folder:
        try:
            bodies = run_importer(wxr, folder)
        except subprocess.CalledProcessError as err:
            last = (err.stderr.strip().splitlines() or ["no message"])[-1]
            print(
                f"{shown(wxr)}: pelican-import could not convert the export ({last}); "
                "nothing was written. Run `pelican-import --wpfile -m markdown -o /tmp/wp "
                f"{shown(wxr)}` to see the whole error"
            )
            return 1
    report, written = import_items(wxr, items, bodies, content, settings)
    for line in [*report, *summary(items, written, left)]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
