"""`make import WXR=export.xml`: a WordPress export brought into content/, as new files only."""

from __future__ import annotations

import argparse
import functools
import os
import secrets
import signal
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TextIO
from urllib.parse import unquote, urlsplit

from .. import addresses
from ..cases import case_block
from ..content import corpus
from ..content.corpus import Kind
from ..content.newfiles import fill_empty, front_matter, write_new
from ..content.problems import shown
from ..content.settings import Settings, page_order_key
from ..content.settings import load as load_settings
from ..content.slugs import reserved_names
from ..content.values import MAX_TITLE, text_list
from ..rules.conditions import read_vocabulary
from ..wordpress import convert, gallery, plan, report, wxr
from ..wordpress.fetch import FILE_SECONDS, RUN_SECONDS, Fetcher
from ..wordpress.images import Images
from ..wordpress.links import Links
from . import guarded

# Fewer posts than this convert faster in this process than with workers started.
PARALLEL_FROM = 64


class Progress:
    """One line per item on stderr, or a bar that redraws itself on a terminal."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO = sys.stderr) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.bar = stream.isatty()

    def step(self, what: str) -> None:
        """Count one item done, and show it."""
        self.done += 1
        if self.bar:
            filled = self.WIDTH * self.done // max(self.total, 1)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self.stream.write(f"\rimport [{bar}] {self.done}/{self.total}")
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(f"import: {self.done}/{self.total} {what}\n")
        self.stream.flush()


def read_content(content: Path, settings: Settings) -> tuple[plan.Existing, object]:
    """The slugs and old addresses already used under content/, and the condition vocabulary."""
    found = list(corpus.sources(corpus.files(content, settings))) if content.is_dir() else []
    vocabulary, _problems = read_vocabulary(
        [s for f, s in found if f.kind == Kind.CONDITION], None, settings
    )
    slugs: dict[str, str] = {}
    claims: dict[str, str] = {}
    for file, source in found:
        if file.kind not in (Kind.ARTICLE, Kind.PAGE) or not source.readable:
            continue
        slug = str(source.meta.get("slug") or "").strip()
        if slug:
            slugs.setdefault(slug, file.relpath)
        for old in text_list(source, "redirect_from")[0]:
            target = addresses.target(old)
            if target:
                claims.setdefault(target.save_as, file.relpath)
    return plan.Existing(slugs, claims), vocabulary


def plan_all(export, vocabulary, settings):
    """A plan for every item that is imported, and an outcome for every other one."""
    reserved = reserved_names(settings)
    taken: set[str] = set()
    plans, outcomes = [], []
    for item in export.items:
        why = plan.left_reason(item)
        if why:
            outcomes.append(report.Outcome(item, "left", why=why))
            continue
        title, notes = item.title, []
        if not title:
            title = plan.title_from_text(convert.plain_text(item.html))
            if not title:
                outcomes.append(report.Outcome(item, "skipped", why="it has no title and no text"))
                continue
            notes.append(f"it had no title in WordPress; titled from its text: {title!r}")
        if len(title) > MAX_TITLE:
            title = title[: MAX_TITLE - 1].rsplit(" ", 1)[0] + "…"
            notes.append("its title was cut to 200 characters")
        planned = plan.plan_item(item, title, vocabulary, settings, reserved, taken)
        planned.notes[:0] = notes
        plans.append(planned)
    return plans, outcomes


def render(planned: plan.Planned, body: str, settings: Settings, teaser: str = "") -> str:
    """The new file: YAML front matter written by the emitter, then the Markdown body."""
    item = planned.item
    meta: dict[str, object] = {"title": planned.title}
    if item.date:
        meta["date"] = item.date
    meta["slug"] = planned.slug
    if planned.tags:
        meta["tags"] = list(planned.tags)
    summary = convert.plain_text(item.excerpt) if item.excerpt else teaser
    if summary:
        meta["summary"] = summary
    order_key = page_order_key(settings)
    if planned.kind == Kind.PAGE and order_key:
        meta[order_key] = item.menu_order  # WordPress's own menu order
    if planned.status == "draft":
        meta["status"] = "draft"
    if planned.redirect_from:
        meta["redirect_from"] = list(planned.redirect_from)
    tail = case_block(planned.case) if planned.kind == "case" else ""
    return f"{front_matter(meta, tail)}\n{body.strip()}\n"


def decide(planned: plan.Planned, content: Path, existing: plan.Existing) -> str | None:
    """Why nothing is written for a planned item ('unchanged' if imported before), or None."""
    path = content / planned.relpath
    owner = existing.slugs.get(planned.slug)
    if path.is_file() and path.stat().st_size > 0:
        return "unchanged" if owner in (None, planned.relpath) else "taken"
    if owner and owner != planned.relpath:
        return "taken"
    return None


def _describe(planned: plan.Planned) -> str:
    if planned.kind == "case":
        return " (case: held back as a draft)"
    return " (draft)" if planned.status == "draft" else ""


def _quiet_worker() -> None:
    """A conversion worker leaves Ctrl-C to the import itself, which reports it once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def converted(bodies: list[str], nonce: str) -> Iterator[convert.Converted]:
    """Each body as Markdown, in order; on every core when there are many."""
    work = functools.partial(convert.to_markdown, nonce=nonce)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if len(bodies) < PARALLEL_FROM or cores < 2:
        yield from map(work, bodies)
        return
    pool = ProcessPoolExecutor(max_workers=min(cores, 4), initializer=_quiet_worker)
    try:
        yield from pool.map(work, bodies, chunksize=16)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def write_all(
    plans: list[plan.Planned],
    content: Path,
    settings: Settings,
    existing: plan.Existing,
    links: Links,
    progress: Progress,
    images: dict[str, gallery.Attachment] | None = None,
) -> tuple[list[report.Outcome], list[str]]:
    """Write each planned item that is new; an outcome for each, and the report lines."""
    outcomes: list[report.Outcome] = []
    lines: list[str] = []
    new: list[plan.Planned] = []
    for planned in plans:
        state = decide(planned, content, existing)
        if state is None:
            new.append(planned)
            continue
        if state == "unchanged":
            outcomes.append(report.Outcome(planned.item, "unchanged", planned))
        else:
            owner = existing.slugs.get(planned.slug, planned.relpath)
            why = (
                f"the slug '{planned.slug}' is already used by {shown(content / owner)}, "
                "which is left as it is; import it by hand under another slug if both "
                "should exist"
            )
            outcomes.append(report.Outcome(planned.item, "skipped", planned, why))
        progress.step(planned.relpath)
    expanded = [gallery.expand(p.item.html, p.item.post_id, images or {}) for p in new]
    bodies = converted([html for html, _notes in expanded], secrets.token_hex(6))
    for planned, body, (_html, shown_as) in zip(new, bodies, expanded, strict=True):
        notes = list(planned.notes) + shown_as
        markdown = links.resolve(body, planned.relpath, notes)
        notes += body.notes
        outcome = write_one(planned, render(planned, markdown, settings, body.teaser), content)
        outcomes.append(outcome)
        if outcome.what != "skipped":
            lines.append(f"{shown(content / planned.relpath)}{_describe(planned)}")
            lines += [f"  {note}" for note in dict.fromkeys([*notes, outcome.why]) if note]
        progress.step(planned.relpath)
    return outcomes, lines


def write_one(planned: plan.Planned, text: str, content: Path) -> report.Outcome:
    """Write one new file, or fill an empty one an interrupted import left."""
    path = content / planned.relpath
    # Thousands of files: no wait for the disk after each (see write_new).
    if write_new(path, text, durable=False):
        return report.Outcome(planned.item, "written", planned)
    if fill_empty(path, text, durable=False):
        return report.Outcome(
            planned.item,
            "filled",
            planned,
            "an empty file (an interrupted import's) was there; filled it",
        )
    why = f"{shown(path)} appeared while the import ran; it is left as it is"
    return report.Outcome(planned.item, "skipped", planned, why)


def attachment_paths(export: wxr.Export) -> dict[str, str]:
    """The old path of each attachment's file, by attachment id."""
    found = {}
    for item in export.items:
        if item.post_type == "attachment" and item.attachment_url:
            try:
                found[item.post_id] = unquote(urlsplit(item.attachment_url).path)
            except ValueError:
                continue
    return found


def run(
    wxr_path: Path,
    content: Path,
    settings: Settings,
    uploads: Path | None,
    fetcher: Fetcher | None = None,
) -> list[str]:
    """Import the export into content/; the lines to print."""
    export = wxr.read(wxr_path)
    existing, vocabulary = read_content(content, settings)
    plans, outcomes = plan_all(export, vocabulary, settings)
    claims = plan.claim_addresses(
        plans,
        export.hosts,
        existing,
        reserved_names(settings),
        lambda relpath: shown(content / relpath),
    )
    images = Images(content, settings, fetcher, uploads)
    links = Links(export.base_url, export.hosts, images)
    for planned in plans:
        links.add_post(planned.relpath, plan.old_paths(planned.item, export.hosts))
    progress = Progress(len(plans))
    written, lines = write_all(
        plans, content, settings, existing, links, progress, gallery.attachments(export.items)
    )
    outcomes += written
    where = shown(wxr_path)
    skipped = [
        f"{where}:{o.item.line}: skipped {o.item.title or 'an untitled item'!r}: {o.why}"
        for o in sorted(outcomes, key=lambda o: o.item.line)
        if o.what == "skipped"
    ]
    new = [o for o in written if o.what in report.WRITTEN]
    cases = [o.planned for o in new if o.planned and o.planned.kind == "case"]
    unmapped = list(dict.fromkeys(t for o in new if o.planned for t in o.planned.unmapped))
    if not new:
        head = [
            f"nothing new to import from {where}: no file was written"
            + (
                " (every file it would write is there already)"
                if any(o.what == "unchanged" for o in written)
                else ""
            )
        ]
    else:
        images_new = sum(1 for b in images.found.values() if b.how in ("copied", "downloaded"))
        head = [
            f"imported {len(new)} new files" + (f" and {images_new} images" if images_new else "")
        ]
    return [
        *lines,
        *skipped,
        *claims,
        *report.missing_lines(links.missing, shown(content)),
        *[
            f"{shown(content / post)}: an image from another site stays linked ({url[:100]}): "
            "every page view would ask that site for it; save it in content/images/ and "
            "link it there"
            for post, url in links.elsewhere
        ],
        *head,
        *report.accounting(export.items, outcomes, images.found, attachment_paths(export)),
        *(report.next_steps(shown(content), cases, unmapped) if new else []),
    ]


@guarded("import")
def main(argv: Sequence[str] | None = None) -> int:
    """Import a WordPress export; print what became of every item."""
    parser = argparse.ArgumentParser(prog="casebook.wpimport", description=__doc__)
    parser.add_argument("wxr", help="the WordPress export (Tools > Export), e.g. export.xml")
    parser.add_argument("--content", default="content", help="the content folder")
    parser.add_argument("-s", "--settings", help="settings file (default: ./pelicanconf.py)")
    parser.add_argument(
        "--uploads",
        default="",
        help="a copy of the old site's wp-content/uploads; without it images are downloaded",
    )
    parser.add_argument(
        "--old-site",
        default="",
        help="the old site's address (https://old.example): the only host images come from",
    )
    parser.add_argument("--file-seconds", type=float, default=FILE_SECONDS, help=argparse.SUPPRESS)
    parser.add_argument("--run-seconds", type=float, default=RUN_SECONDS, help=argparse.SUPPRESS)
    # Tests only: a stand-in old site on this computer. The Makefile never passes it.
    parser.add_argument("--allow-private-hosts", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    wxr_path, content = Path(args.wxr), Path(args.content)
    if not wxr_path.is_file():
        print(f"{args.wxr}: no such file; give the export from WordPress's Tools > Export")
        return 2
    uploads = Path(args.uploads) if args.uploads else None
    if uploads is not None and not uploads.is_dir():
        print(
            f"{args.uploads}: no such folder; give the copy of the old site's "
            "wp-content/uploads, e.g. UPLOADS=backup/wp-content/uploads"
        )
        return 2
    fetcher = None
    if args.old_site and uploads is None:
        try:
            fetcher = Fetcher(
                args.old_site, args.file_seconds, args.run_seconds, args.allow_private_hosts
            )
        except ValueError as err:
            print(f"{err}; give it as OLD_SITE=https://www.old-site.example")
            return 2
    settings = load_settings(args.settings)
    try:
        lines = run(wxr_path, content, settings, uploads, fetcher)
    except wxr.ExportError as err:
        line = f":{err.line}" if err.line else ""
        print(
            f"{shown(wxr_path)}{line}: {err}; nothing was written. Export it again from "
            "WordPress's Tools > Export"
        )
        return 1
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
