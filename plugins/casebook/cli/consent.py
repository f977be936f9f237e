"""`make consent OF=<slug>`: print the approval copy a client signs, and bind consent to it.

The copy is the case as the published site shows it (built with the publish settings, from
the same templates and data), with where it appears, what is never published, how to
withdraw, and lines to sign. It is kept, with the exact text it shows, in consents/ (beside
content/, private, never built or uploaded); the text's fingerprint goes into the case's
`case.consent.text`, the one value of the file this command changes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import rules
from ..consent import copy, frontmatter, state, store, visible
from ..content import corpus
from ..content.corpus import File, Kind
from ..content.newfiles import replace_whole
from ..content.problems import Problem, shown
from ..content.settings import Settings, load, today
from ..content.source import Source
from ..icd10 import CodeBook
from ..printing import CHROMIUM, CHROMIUM_ARGS
from ..privacy.cache import LintCache
from . import guarded

LETTER_COUNTRIES = ("US", "CA", "MX")  # where paper is Letter; A4 everywhere else
PUBLISH_SETTINGS = "publishconf.py"


class RefusedError(Exception):
    """What stops the command, in words for the practitioner."""


def find_case(found: Sequence[File], slug: str) -> tuple[File, Source]:
    """The case file whose slug is `slug`, with its Source."""
    posts = [(f, s) for f, s in corpus.sources(found) if f.kind == Kind.ARTICLE]
    for file, source in posts:
        if str(source.meta.get("slug") or "").strip() == slug:
            if not isinstance(source.meta.get("case"), dict):
                raise RefusedError(f"{file.shown}: has no `case:` block; only a case needs consent")
            return file, source
    slugs = [str(s.meta.get("slug")) for _f, s in posts if isinstance(s.meta.get("case"), dict)]
    import difflib  # noqa: PLC0415 - only for a slug that is not there

    close = difflib.get_close_matches(slug, slugs, n=1)
    hint = f"; did you mean {close[0]}?" if close else "; give the slug of a case"
    raise RefusedError(f"consent: no case has the slug {slug!r}{hint}")


def blocking(problems: Sequence[Problem], path: str) -> list[Problem]:
    """The file's errors, but for its consent's: fixed, the text is what will be published."""
    return [
        p
        for p in problems
        if p.path == path and p.is_error and not (p.key or "").startswith("case.consent")
    ]


def paper(settings: Settings, asked: str) -> str:
    """A4 or Letter: as asked, else the practice's country's."""
    if asked:
        return asked
    practice = settings.get("PRACTICE") or {}
    country = str(practice.get("country") or "US").upper() if isinstance(practice, dict) else "US"
    return "Letter" if country in LETTER_COUNTRIES else "A4"


def print_pdf(page: Path, size: str, chromium: str) -> bytes:
    """The page printed to PDF by headless Chromium, with nothing fetched from any network."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - slow to import

    def local_only(route: Any) -> None:
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page()
            tab.route("**/*", local_only)
            tab.goto(page.as_uri())
            tab.emulate_media(media="print")
            pdf: bytes = tab.pdf(format=size, print_background=False)
            return pdf
        finally:
            browser.close()


def approve(args: argparse.Namespace) -> list[str]:
    """Do it all; the lines to print. Refused: nothing in the case file was changed."""
    content, slug = Path(args.content), args.slug
    if not content.is_dir():
        raise RefusedError(f"{args.content}: no such folder; give the content folder, e.g. content")
    settings_file = args.settings or (
        PUBLISH_SETTINGS if os.path.exists(PUBLISH_SETTINGS) else None
    )
    settings = load(settings_file)
    found = corpus.files(content, settings)
    file, source = find_case(found, slug)
    if state.withdrawn(source.meta["case"]):
        raise RefusedError(
            f"{file.shown}:{source.line('case', 'consent')}: case.consent.withdrawn: the client "
            "withdrew consent; if they consent again, remove `withdrawn:` first"
        )
    codes = CodeBook()
    sources = {f.relpath: s for f, s in corpus.sources(found)}
    judged = rules.judge(found, sources, settings, codes, LintCache(settings.get("CACHE_PATH")))
    wrong = blocking(judged.problems, file.relpath)
    if wrong:
        raise RefusedError(
            "\n".join(map(str, wrong))
            + "\nconsent: fix these first: the client approves the text as it will be published"
        )
    raw = file.path.read_bytes()
    lines = visible.case_lines(
        source, visible.Reader(settings), visible.names_from(judged.vocabulary.lookup)
    )
    fingerprint = visible.fingerprint(lines)
    root = store.folder(content, settings)
    try:
        where = store.place(root, slug, fingerprint)
    except ValueError as err:
        raise RefusedError(
            f"{file.shown}: the slug cannot name a folder in consents/ ({err})"
        ) from err
    day = today(settings)[0]
    of = {"slug": slug, "text": fingerprint, "printed": day}
    records: list[Any] = []
    with tempfile.TemporaryDirectory(prefix="casebook-consent-") as work:
        output = Path(work) / "output"
        from ..pelican.approvals import build_copy  # noqa: PLC0415 - Pelican only when building

        try:
            page = build_copy(settings_file, content.resolve(), output, of, records)
        except Exception as err:  # noqa: BLE001 - a build that stops is one line of advice
            why = " ".join(str(err).split())[:200] or type(err).__name__
            raise RefusedError(
                f"consent: the site could not be built ({why}); run `make html`"
            ) from err
        if page is None:
            errors = "; ".join(r.getMessage() for r in records[:3]) or "no page was written"
            raise RefusedError(f"consent: the approval copy could not be built ({errors})")
        if file.path.read_bytes() != raw:
            raise RefusedError(
                f"{file.shown}: changed while the copy was built; run the command again"
            )
        html = copy.self_contained(
            (output / page).read_text(encoding="utf-8"),
            page,
            output,
            str(settings.get("SITEURL") or ""),
        )
    record, kept = store.save(root, store.Approved(slug, fingerprint, day, tuple(lines)))
    html_path = where / store.COPY_HTML
    replace_whole(html_path, html)
    said = [f"{shown(html_path)}: the approval copy, to open in a browser and print"]
    size = paper(settings, args.paper)
    try:
        pdf = print_pdf(html_path, size, args.chromium)
    except Exception as err:  # noqa: BLE001 - any browser failure leaves the HTML copy to print
        why = " ".join(str(err).split())[:200]
        said.append(f"consent: no PDF ({why}); print {html_path.name} from a browser")
    else:
        replace_whole(where / store.COPY_PDF, pdf)
        said.insert(0, f"{shown(where / store.COPY_PDF)}: the approval copy to print ({size})")
    said.append(
        f"{shown(record)}: the text it shows, kept to compare (printed {kept.printed.isoformat()})"
    )
    said += _bind(file, raw, fingerprint, source)
    return said


def _bind(file: File, raw: bytes, fingerprint: str, source: Source) -> list[str]:
    """Write the fingerprint into the case file; nothing else in it changes."""
    line = source.line("case", "consent")
    current = state.of_case(source.meta["case"]).text
    if current == fingerprint:
        told = f"{file.shown}:{line}: case.consent.text already names this text"
    else:
        try:
            edited = frontmatter.with_fingerprint(raw.decode("utf-8"), fingerprint)
        except UnicodeDecodeError as err:
            raise RefusedError(f"{file.shown}: is not UTF-8 text; nothing written") from err
        except frontmatter.EditError as err:
            raise RefusedError(f"{file.shown}:{line}: {err}") from err
        if file.path.read_bytes() != raw:
            raise RefusedError(f"{file.shown}: changed meanwhile; run the command again")
        replace_whole(file.path, edited.encode("utf-8"))
        told = f"{file.shown}:{line}: case.consent.text is now {fingerprint} (nothing else changed)"
    return [
        told,
        "Next: the client reads and signs the copy. Then write under `consent:` in "
        f"{file.shown}: `given: <the date they signed>` and `how: signed approval copy`.",
        "The copies in consents/ are private: keep them with the client's records; they are "
        "never built, published or uploaded.",
    ]


@guarded("consent")
def main(argv: Sequence[str] | None = None) -> int:
    """Print the approval copy of one case and bind its consent to the copy's text."""
    parser = argparse.ArgumentParser(prog="casebook.consent", description=__doc__)
    parser.add_argument("slug", help="the case's slug, e.g. neck-pain-ana-r")
    parser.add_argument("--content", default="content", help="the content folder")
    parser.add_argument("-s", "--settings", help="settings file (default: ./publishconf.py)")
    parser.add_argument("--paper", choices=("A4", "Letter"), default="", help="default: by country")
    parser.add_argument("--chromium", default=CHROMIUM, help="the Chromium to print with")
    args = parser.parse_args(argv)
    try:
        said = approve(args)
    except RefusedError as err:
        print(err)
        return 1
    for line in said:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
