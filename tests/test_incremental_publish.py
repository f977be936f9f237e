"""Publishing after one edit: `make html` and `make publish` with cache/ present re-read only the
changed files and render only the pages whose inputs changed, and write what a full build does.

Each scenario edits a copy of the sample site, builds with the build cache (as the next
`make html` or `make publish` does) and compares every output file with a full build of the
same content, without any cache, into an empty folder: byte for byte. A damaged or stale cache
is noticed and never trusted.
"""

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build, differences, files, write_follow_up
from lxml import etree
from pelican.log import LimitFilter

from casebook.pelican import incremental, reader

POST = "jaw-pain-and-clenching-nora-j"
# The pages a case's text is shown on: its own, and in a preview its approval copy as well.
CASE_PAGES = {"pelicanconf.py": 2, "publishconf.py": 1}
POST_FILE = f"cases/{POST}.md"
TITLE = "Jaw pain and clenching: Treatment of Nora J."
PELICAN = str(Path(sys.executable).with_name("pelican"))


class Site:
    """A copy of the sample content, builds with its build cache, and full builds to compare."""

    def __init__(self, tmp_path, caplog, config):
        self.tmp, self.caplog, self.config = tmp_path, caplog, config
        self.content = tmp_path / "content"
        shutil.copytree(ROOT / "content", self.content)
        self.out = tmp_path / "cached"  # make html writes over its last output
        self.fulls = 0
        self.reads = 0

    def rebuild(self, workers=1, **overrides):
        """One build with the cache: the output files it wrote anew (a new file, a new inode)."""
        before = (
            {f: (self.out / f).stat().st_ino for f in files(self.out)} if self.out.exists() else {}
        )
        LimitFilter._raised_messages.clear()
        self.site = build(
            self.content, self.tmp, self.caplog, config=self.config, OUTPUT_PATH=str(self.out),
            CASEBOOK_WORKERS=workers, **overrides,
        )  # fmt: skip
        after = {f: (self.out / f).stat().st_ino for f in files(self.out)}
        return sorted(f for f in after if f.endswith(".html") and before.get(f) != after[f])

    def counts(self):
        """(pages rendered, pages put back) as the last build logged them."""
        for message in self.site.messages(logging.INFO):
            if message.startswith("build cache: "):
                words = message.split()
                return int(words[2]), int(words[5])
        raise AssertionError("the build wrote no build cache")

    def differences(self):
        """Files that differ between the cached build's output and a full build's."""
        self.fulls += 1
        full = self.tmp / f"full-{self.fulls}"
        full.mkdir()
        LimitFilter._raised_messages.clear()
        done = build(
            self.content, full, self.caplog, config=self.config, CASEBOOK_BUILD_CACHE=False
        )
        return differences(self.out, done.output)

    def edit(self, relpath, old, new):
        path = self.content / relpath
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def feeds(self):
        """(feeds written, of them as the last build wrote them) as the last build logged it."""
        for message in self.site.messages(logging.INFO):
            if message.startswith("build cache: "):
                words = message.split("; ")[1].split()
                return int(words[0]), int(words[2])
        raise AssertionError("the build wrote no build cache")

    def cache_files(self):
        return sorted((self.tmp / "cache" / incremental.FOLDER).glob("state-*.pickle"))


@pytest.fixture(params=["pelicanconf.py", "publishconf.py"], ids=["html", "publish"])
def site(request, tmp_path, caplog, monkeypatch):
    made = Site(tmp_path, caplog, request.param)
    real = reader.CasebookReader._read_bytes

    def counted(self, *args):
        made.reads += 1
        return real(self, *args)

    monkeypatch.setattr(reader.CasebookReader, "_read_bytes", counted)
    made.rebuild()
    assert made.counts()[1] == 0  # the first build renders every page
    made.reads = 0
    return made


def test_a_build_without_changes_reads_and_renders_nothing(site):
    rewritten = site.rebuild()
    rendered, kept = site.counts()
    assert (rendered, site.reads) == (0, 0)
    assert kept > 30
    if site.config == "pelicanconf.py":
        assert rewritten == []  # every page is the very file the last build wrote
    assert site.differences() == []


def test_a_new_paragraph_reads_one_file_and_renders_its_post_alone(site):
    site.edit(POST_FILE, "\n## ", "\nA new paragraph, written just now.\n\n## ")
    site.rebuild()
    assert site.reads == 1
    assert site.counts()[0] == CASE_PAGES[site.config]
    assert "A new paragraph, written just now." in (site.out / POST / "index.html").read_text()
    assert site.differences() == []


def test_a_series_of_edits_always_gives_a_full_build(site):
    site.edit(POST_FILE, TITLE, "Jaw pain at night: Nora J.")
    site.rebuild()
    rendered, _kept = site.counts()
    assert 5 < rendered < 30  # the post, the lists showing its title, the posts linking it
    assert site.differences() == []
    site.edit(POST_FILE, "tags: [TMJ disorder", "tags: [TMJ disordr")
    site.rebuild()
    assert site.differences() == []
    site.edit(POST_FILE, "date: 2012-04-12", "date: 2012-14-45")  # a post that cannot be built
    site.rebuild()
    assert site.differences() == []
    site.edit(POST_FILE, "date: 2012-14-45", "date: 2012-04-12")
    site.edit(POST_FILE, "tags: [TMJ disordr", "tags: [TMJ disorder")
    site.rebuild()
    assert site.differences() == []
    site.edit(POST_FILE, f"slug: {POST}\n", f"slug: {POST}\nredirect_from: [/2012/04/jaw/]\n")
    site.rebuild()
    assert site.differences() == []
    site.edit(POST_FILE, "redirect_from: [/2012/04/jaw/]\n", "")
    site.edit(POST_FILE, f"slug: {POST}", "slug: jaw-pain-nora-j")
    site.rebuild()
    assert not (site.out / POST).exists()
    assert site.differences() == []


def _feeds_showing(out, text):
    """The output's feeds (parsed as XML, entities off) in which `text` appears."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    found = set()
    for name in files(out):
        if name.endswith((".atom", ".xml")) and "feed" in name:
            tree = etree.parse(str(out / name), parser)
            if any(text in (node.text or "") for node in tree.iter()):
                found.add(name)
    return found


def test_only_the_feeds_showing_an_edited_post_are_made_again(site):
    if site.config == "pelicanconf.py":
        site.rebuild()
        assert site.feeds() == (0, 0)  # the preview's settings write no feeds
        return
    written, kept = site.feeds()
    assert written > 3 and kept == 0  # the first build makes every feed
    site.rebuild()
    assert site.feeds() == (written, written)  # nothing changed: every feed as it was
    site.edit(POST_FILE, "\n## ", "\nA sentence for the feeds, written just now.\n\n## ")
    site.rebuild()
    showing = _feeds_showing(site.out, "A sentence for the feeds, written just now.")
    assert len(showing) >= 2  # the site's feed and the feed of each of the post's conditions
    assert site.feeds() == (written, written - len(showing))
    assert site.differences() == []


@pytest.mark.parametrize("site", ["publishconf.py"], indirect=True)  # the preview writes none
def test_a_stored_feed_changed_is_made_again(site):
    stored = [
        p for p in (site.tmp / "cache" / incremental.FOLDER / "pages").rglob("*")
        if p.is_file() and p.read_bytes().startswith(b"<?xml")
    ]  # fmt: skip
    assert stored
    for feed in stored:
        feed.write_bytes(feed.read_bytes().replace(b"</feed>", b"<!-- changed --></feed>"))
    site.rebuild()
    written, kept = site.feeds()
    assert kept == 0 and written == len(stored)
    assert site.differences() == []


def test_a_new_post_then_its_deletion(site):
    new = write_follow_up(site.content, POST_FILE, POST, TITLE)
    site.rebuild()
    assert site.reads == 1
    assert site.differences() == []
    new.unlink()
    site.rebuild()
    assert not (site.out / f"{POST}-follow-up").exists()
    assert site.differences() == []


def test_a_condition_edit_renders_what_shows_the_condition(site):
    site.edit("conditions/tmj-disorder.md", "name: TMJ disorder", "name: Jaw joint disorder")
    site.rebuild()
    rendered, kept = site.counts()
    assert rendered > 1 and kept > 1
    assert site.differences() == []


def test_in_several_processes_too(site):
    site.edit(POST_FILE, "\n## ", "\nAnother paragraph.\n\n## ")
    site.rebuild(workers=3)
    assert site.counts()[0] == CASE_PAGES[site.config]
    assert site.differences() == []


def test_a_changed_template_renders_every_page_again(site, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    site.rebuild(THEME=str(theme))  # another theme folder: another key, everything again
    assert site.counts()[1] == 0
    site.rebuild(THEME=str(theme))
    assert site.counts()[0] == 0
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "<!-- the theme, changed -->\n")
    site.rebuild(THEME=str(theme))
    assert site.counts()[1] == 0
    assert "<!-- the theme, changed -->" in (site.out / POST / "index.html").read_text()


def test_a_changed_setting_renders_every_page_again(site):
    site.rebuild(SITESUBTITLE="Another subtitle")
    assert site.counts()[1] == 0


@pytest.mark.parametrize("damage", ["truncate", "corrupt", "garbage", "empty"])
def test_a_damaged_cache_is_noticed_and_built_anew(site, damage):
    (state,) = site.cache_files()
    data = state.read_bytes()
    if damage == "truncate":
        state.write_bytes(data[: len(data) // 2])
    elif damage == "corrupt":
        middle = len(data) // 2
        state.write_bytes(data[:middle] + bytes([data[middle] ^ 0x20]) + data[middle + 1 :])
    elif damage == "garbage":
        state.write_bytes(b"casebook build cache 1\n" + os.urandom(4000))
    else:
        state.write_bytes(b"")
    site.edit(POST_FILE, "\n## ", "\nA paragraph after the damage.\n\n## ")
    site.rebuild()
    rendered, kept = site.counts()
    assert kept == 0 and rendered > 30
    assert site.differences() == []
    site.rebuild()
    assert site.counts()[0] == 0  # written anew, and trusted again


def test_a_damaged_pack_reads_the_file_again(site):
    packs = list((site.tmp / "cache" / incremental.FOLDER / "packs").iterdir())
    assert packs
    for pack in packs:
        data = bytearray(pack.read_bytes())
        data[len(data) // 3] ^= 0x41
        pack.write_bytes(bytes(data))
    site.rebuild()
    assert site.reads >= 1  # what no longer has its digest is read from the content itself
    assert site.differences() == []


def test_a_stored_page_changed_or_gone_is_rendered_again(site):
    pages = sorted((site.tmp / "cache" / incremental.FOLDER / "pages").rglob("*"))
    stored = [p for p in pages if p.is_file()]
    stored[0].unlink()
    with open(stored[1], "a", encoding="utf-8") as file:
        file.write("<!-- changed since -->")
    site.rebuild()
    rendered, _kept = site.counts()
    assert rendered >= 1
    assert site.differences() == []


def test_one_edit_between_two_pelican_processes(tmp_path):
    """The real command line, twice: the second process takes the first one's cache."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    out, cache = tmp_path / "out", tmp_path / "cache"

    def pelican(output, *extra):
        command = [PELICAN, str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py")]
        done = subprocess.run(
            [*command, "-e", f'CACHE_PATH="{cache}"', *extra, "--verbose"],
            capture_output=True, text=True, check=False,
            env={**os.environ, "COLUMNS": "1000"},  # one log record a line
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout + done.stderr

    pelican(out)
    post = content / POST_FILE
    post.write_text(post.read_text(encoding="utf-8").replace(TITLE, "Jaw pain at night: Nora J."))
    logged = " ".join(pelican(out).split())
    assert "build cache: " in logged and " put back as the last build wrote them" in logged
    rendered = int(logged.split("build cache: ")[1].split()[0])
    assert 0 < rendered < 30
    full = tmp_path / "full"
    pelican(full, "-e", "CASEBOOK_BUILD_CACHE=false")

    def without_dates(path):
        return [line for line in path.read_text().splitlines() if "<lastmod>" not in line]

    different = differences(out, full)
    assert [f for f in different if f != "sitemap.xml"] == []
    # Pages without a date of their own are listed with the time each process started.
    assert without_dates(out / "sitemap.xml") == without_dates(full / "sitemap.xml")
