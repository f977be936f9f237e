"""Build real sites with Pelican into temporary folders, and read their HTML."""

import filecmp
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# "Today" for condition review dates, in builds and in `make check` subprocesses alike: no
# test may start failing on the day a review falls due. A test that needs another sets its own.
TODAY = "2026-11-25"
os.environ["CASEBOOK_TODAY"] = TODAY
# The plugin's package, as Pelican loads it from PLUGIN_PATHS: tests import it by name.
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))


@dataclass
class Site:
    """A built site: its output folder, its settings and what the build logged."""

    output: Path
    settings: dict
    records: list = field(default_factory=list)

    def page(self, url_path):
        """Parsed HTML of the page at a site-relative URL like 'my-slug/'."""
        path = self.output / url_path
        if url_path.endswith("/") or url_path == "":
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")

    def messages(self, level=logging.WARNING):
        """Messages logged at `level` or above during the build."""
        return [r.getMessage() for r in self.records if r.levelno >= level]


# A file no hostile value given to make may create: in the project (make's and the shell's
# working folder) and in the test's own temporary folder.
MARKER = "casebook-injected"
# What the shell and make would run if a value reached them: each command touches both markers.
HOSTILE = [
    "Neck `touch {m}` pain",
    "Neck $(touch {m}) pain",
    "Neck $$(touch {m}) pain",
    "Neck $(shell touch {m}) pain",
    'Neck "; touch {m}; " pain',
    "Neck '; touch {m}; ' pain",
    "Neck \\\\ pain \\",
]


@pytest.fixture
def marker():
    """The project's marker path, absent before the test and removed after a failure."""
    path = ROOT / MARKER
    path.unlink(missing_ok=True)
    yield path
    path.unlink(missing_ok=True)


# `consent: true` still publishes, with a warning that it names no approved text (held to it by
# tests/test_consent.py). Fixtures older than consent bound to a text keep `consent: true`; a
# test that counts other problems leaves that one warning out.
UNBOUND = ": warning: case.consent: `consent: true` is not bound to any text"


def besides_unbound(lines):
    """The problem lines (as printed or logged) other than `consent: true`'s warning."""
    return [line for line in lines if UNBOUND not in line]


def summary_field(page, label):
    """The <dd> beside the case summary box's <dt> of that label, as a reader finds it."""
    for term in page.select(".case-summary dt"):
        if term.get_text(strip=True) == label:
            return term.find_next_sibling("dd")
    return None


def copy_fixture(name, content):
    """Copy a fixture folder to `content`, adding the shared vocabulary unless it has its own."""
    shutil.copytree(FIXTURES / name, content, dirs_exist_ok=True)
    if not (content / "conditions").exists():
        shutil.copytree(FIXTURES / "vocabulary", content / "conditions")


def build(content, tmp_path, caplog=None, config="pelicanconf.py", **overrides):
    """Run Pelican on `content` with the project's own settings, into tmp_path.

    Without `caplog` (a fixture built once per module) the Site holds no log records.
    """
    output = tmp_path / "output"
    settings = read_settings(
        str(ROOT / config),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(tmp_path / "cache"),
            **overrides,
        },
    )
    # Pelican's loggers drop a warning already logged once in this process (LimitFilter's
    # class-wide sets): each test build stands for a fresh `pelican`, so it logs them all.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    if caplog is None:
        Pelican(settings).run()
        return Site(output, settings, [])
    caplog.clear()
    with caplog.at_level(logging.INFO):
        Pelican(settings).run()
    return Site(output, settings, list(caplog.records))


def write_follow_up(content, case_file, slug, title):
    """Write a post that follows the case at content/case_file, six months on; its path."""
    new = content / "cases" / f"{slug}-follow-up.md"
    text = (content / case_file).read_text(encoding="utf-8")
    new.write_text(
        text.replace(f"slug: {slug}", f"slug: {slug}-follow-up")
        .replace(title, "Jaw pain, six months on")
        .replace("date: 2012-04-12", f"date: 2012-10-12\nfollows: {slug}"),
        encoding="utf-8",
    )
    return new


def files(folder):
    """Every file under `folder`, as paths relative to it."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def differences(one, other):
    """Output files only one build wrote, or that differ between the two, byte for byte."""
    a, b = files(one), files(other)
    different = sorted(a ^ b)
    different += [f for f in sorted(a & b) if not filecmp.cmp(one / f, other / f, shallow=False)]
    return different


@pytest.fixture
def build_fixture(tmp_path, caplog):
    """Build tests/fixtures/<name>/ (with the shared fixture vocabulary) and return the Site."""

    def _build(name, **overrides):
        content = tmp_path / "content"
        copy_fixture(name, content)
        return build(content, tmp_path, caplog, **overrides)

    return _build


def run_casebook(module, *args, env=None):
    """Run `python -m casebook.<module>` from the project root; (exit code, stdout lines).

    `env` adds to the environment; make's PORT is never inherited from the test runner.
    """
    base = {k: v for k, v in os.environ.items() if k != "PORT"}
    result = subprocess.run(
        [sys.executable, "-m", f"casebook.cli.{module}", *map(str, args)],
        cwd=ROOT,
        env={**base, "PYTHONPATH": "plugins", **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stdout.splitlines()


def refused_quietly(result):
    """A `make` run that refused in the command's own words: non-zero, no make error line."""
    return result.returncode != 0 and "make: ***" not in result.stderr + result.stdout


def front_matter(path):
    """The YAML front matter of a content file, parsed."""
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def layer(path):
    """The layer a test file belongs to, by where it lives."""
    parts = Path(path).relative_to(ROOT / "tests").parts
    if parts[0] in ("unit", "browser"):
        return parts[0]
    return "bench" if parts[-1] == "test_bench.py" else "build"


def pytest_collection_modifyitems(items):
    """Mark every test with its layer, so `-m unit` or `-m "not browser"` picks a layer."""
    for item in items:
        item.add_marker(getattr(pytest.mark, layer(item.path)))


def pytest_terminal_summary(terminalreporter):
    """Print the numbers tests measured (record_property), so every run's log keeps them."""
    reports = [r for key in ("passed", "failed") for r in terminalreporter.stats.get(key, [])]
    measured = [
        (r.nodeid, name, value)
        for r in reports
        if r.when == "call"
        for name, value in r.user_properties
    ]
    if measured:
        terminalreporter.section("measured")
        for nodeid, name, value in measured:
            terminalreporter.write_line(f"{name} = {value}  ({nodeid})")
