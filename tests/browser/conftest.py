"""The real sample site, published once, searchable, served on 127.0.0.1, and one Chromium."""

import functools
import shutil
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings
from playwright.sync_api import sync_playwright

from casebook import searchindex
from casebook.preview.server import StaticHost  # a static host, as the dev server serves
from casebook.printing import CHROMIUM, CHROMIUM_ARGS  # Debian's, with the flags it needs here

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"

# One address per page kind a client or a doctor sees.
PAGE_KINDS = {
    "home": "/",
    "case": "/restless-leg-syndrome-pain-treatment-of-krystal-s/",
    "conditions": "/conditions/",
    "condition": "/conditions/restless-legs-syndrome/",
    "page": "/for-clinicians/",
    "search": "/search/",
    "404": "/no-such-page/",
}


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """An HTTP server on 127.0.0.1 for the output folder, started before the build."""
    output = tmp_path_factory.mktemp("site") / "output"
    output.mkdir()
    handler = functools.partial(StaticHost, directory=str(output))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield output, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def site_output(served):
    """The sample site as `make publish` builds it, with SITEURL at the local server.

    publishconf.py starts from pelicanconf.py and adds what a visitor gets and
    the preview lacks: a SITEURL (so a printout carries the case's full
    address), the feeds (so their links are checked too) and strict checks.
    """
    output, url = served
    settings = read_settings(
        str(ROOT / "publishconf.py"),
        override={
            "PATH": str(ROOT / "content"),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(output.parent / "cache"),
            "SITEURL": url,
            "FEED_DOMAIN": url,
        },
    )
    Pelican(settings).run()
    assert searchindex.index(output).returncode == 0  # the index make html and make publish make
    return output


@pytest.fixture(scope="session")
def base_url(served, site_output):
    """http://127.0.0.1:PORT serving the built site."""
    return served[1]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright; never a downloaded browser."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `apt-get install -y chromium` (.ci/run does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh contexts; every context is closed after the test."""
    contexts = []

    def _open(width=1280, height=900, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        return context.new_page()

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def java():
    """The Nu validator runs on Java; fail, never skip, when it is missing."""
    if shutil.which("java") is None:
        pytest.fail(
            "java is missing, so the Nu HTML validator cannot run: "
            "run `apt-get install -y default-jre-headless` (.ci/run does)"
        )


@pytest.fixture(scope="session")
def artifacts():
    """test-artifacts/ for screenshots and PDFs to look at (git-ignored).

    Files are overwritten by name, never cleared: a run of one module must not
    delete what another run left to look at.
    """
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
