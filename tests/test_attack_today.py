"""An attacker's pass on the day's changes: names, sizes and stored copies that broke a claim."""

import contextlib
import hashlib
import io
import logging
import marshal
import os
import pickle
import shutil
import stat
import subprocess
import sys
import tempfile

import jinja2.bccache
import pytest
from conftest import ROOT, build, differences
from searchsites import page_count, pagefinds_own, write_site

from casebook import searchindex
from casebook.desk.state import Desk
from casebook.pelican import incremental, pagestore, poolwriter

MARKED = "<main data-pagefind-body><p>Jaw pain at night</p></main>"


def same_index_as_pagefinds_own(tmp_path, pages):
    """Index a site of `pages` both ways; the pages Casebook's index holds, once it is checked
    to be Pagefind's own byte for byte."""
    site = write_site(tmp_path / "site", pages)
    own = tmp_path / "own"
    pagefinds_own(site, own)
    done = searchindex.index(site, capture=True)
    assert done.returncode == 0, done.stderr
    assert differences(own, site / "pagefind") == []
    return page_count(site / "pagefind")


# Search index: a name, a size or a spelling that made the index differ, or made Pagefind fail.


@pytest.mark.parametrize(
    "name",
    [
        "line\nbreak",  # Pagefind's own glob reads no page whose path holds a newline
        "cost-$$",  # `$` is wax's lazy wildcard: two side by side are no glob at all
        "$(touch pwned)$HOME",
    ],
)
def test_a_name_pagefinds_glob_reads_otherwise_gives_pagefinds_own_index(tmp_path, name):
    pages = {f"{name}/index.html": MARKED, "ok/index.html": MARKED, "list/index.html": "<p>a</p>"}
    assert same_index_as_pagefinds_own(tmp_path, pages) >= 1
    assert not list(tmp_path.rglob("pwned*"))


def test_a_name_that_is_no_utf8_is_indexed_not_a_failed_build(tmp_path):
    # A picture folder copied from another computer: the name's bytes are no UTF-8, and the
    # JSON emitter writes them as lone surrogates, which Pagefind refuses to load as config.
    pages = {b"scan-\xff/index.html": MARKED, "ok/index.html": MARKED}
    assert same_index_as_pagefinds_own(tmp_path, pages) == 2


@pytest.mark.parametrize("spelling", ["DATA-PAGEFIND-BODY", "Data-Pagefind-Body"])
def test_a_mark_in_capitals_is_a_mark(tmp_path, spelling):
    # HTML attribute names are read without case: Pagefind indexes such a page.
    pages = {"a/index.html": MARKED, "b/index.html": f"<div {spelling}><p>Shoulder</p></div>"}
    assert same_index_as_pagefinds_own(tmp_path, pages) == 2


def test_a_site_of_5000_posts_gets_its_index(tmp_path):
    # The glob of 5000 slugs of ordinary length is more than Pagefind compiles.
    slug = "neck-and-shoulder-pain-after-a-fall-{}"
    pages = {f"{slug.format(n)}/index.html": MARKED for n in range(5000)}
    site = write_site(tmp_path / "site", {**pages, "index.html": "<p>the list</p>"})
    done = searchindex.index(site, capture=True)
    assert done.returncode == 0, done.stderr[-500:]
    assert page_count(site / "pagefind") == 5000


def test_a_page_that_is_no_file_is_never_read_whole(tmp_path):
    # A link in the output folder to a device that never ends: Pagefind is left to it, and
    # Casebook neither reads it into memory nor fails with a traceback.
    site = write_site(tmp_path / "site", {"index.html": MARKED})
    (site / "endless.html").symlink_to("/dev/zero")
    assert searchindex.marked_pages(site) is None


def test_a_glob_pagefind_cannot_compile_gives_every_page(tmp_path):
    # 1300 names of 60 CJK letters: under the length at which every page is given at once,
    # but three bytes a letter, more than Pagefind compiles; it is asked again without one.
    pages = {f"{'頸' * 60}-{n}/index.html": MARKED for n in range(1300)}
    site = write_site(tmp_path / "site", {**pages, "index.html": "<p>the list</p>"})
    assert searchindex.marked_pages(site) is not None
    done = searchindex.index(site, capture=True)
    assert done.returncode == 0, done.stderr[-500:]
    assert page_count(site / "pagefind") == 1300


# Build cache: a link planted where the store writes a file aside before renaming it.


def test_a_link_at_the_stores_temporary_name_is_never_written_through(tmp_path):

    store = pagestore.Store(str(tmp_path / "cache"))
    feed = "<?xml version='1.0' encoding='utf-8'?>\n<feed>written by the build</feed>"
    stored = store.path(pagestore.digest(feed.encode()))
    os.makedirs(os.path.dirname(stored))
    victim = tmp_path / "notes.txt"
    victim.write_text("the practitioner's own file", encoding="utf-8")
    # The name is the feed's digest (its text is public) and the build's process id.
    os.symlink(victim, f"{stored}.{os.getpid()}.tmp")
    entry = store.put_text(feed)
    assert victim.read_text(encoding="utf-8") == "the practitioner's own file"
    assert entry is not None and store.text(entry) == feed


def test_a_link_in_the_output_folder_at_the_temporary_name_is_never_written_through(tmp_path):
    # Across file systems a stored page is copied, not linked, into the output folder.

    if not os.path.isdir("/dev/shm"):  # noqa: S108 - a second file system, to copy across
        pytest.skip("no /dev/shm here: no second file system to copy a page across")
    store = pagestore.Store(str(tmp_path / "cache"))
    with tempfile.TemporaryDirectory(dir="/dev/shm") as output:  # noqa: S108
        page = os.path.join(output, "index.html")
        pagestore.write_page(page, "<!doctype html><p>the page</p>")
        entry = store.put(page, b"<!doctype html><p>the page</p>")
        assert entry is not None
        os.unlink(page)
        victim = tmp_path / "notes.txt"
        victim.write_text("the practitioner's own file", encoding="utf-8")
        os.symlink(victim, f"{page}.{os.getpid()}.tmp")
        restored = store.restore(entry, page)
        assert victim.read_text(encoding="utf-8") == "the practitioner's own file"
        assert restored and not os.path.islink(f"{page}.{os.getpid()}.tmp")
        with open(page, "rb") as file:
            assert file.read() == b"<!doctype html><p>the page</p>"


# Build cache: a folder another user can write holds the state, which is a pickle.


class _Planted:
    """What another user writes into the cache: unpickled, it makes a file (or runs anything)."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_build_cache_other_users_can_write_is_never_unpickled(tmp_path, caplog):

    build(ROOT / "content", tmp_path, caplog, config="publishconf.py")
    folder = tmp_path / "cache" / incremental.FOLDER
    (state,) = folder.glob("state-*.pickle")
    marker = tmp_path / "planted-by-another-user"
    payload = pickle.dumps(_Planted(marker), protocol=pickle.HIGHEST_PROTOCOL)
    digest = hashlib.blake2b(payload, digest_size=incremental.DIGEST).digest()
    state.write_bytes(incremental.MAGIC + payload + digest)  # a digest is no signature
    folder.chmod(folder.stat().st_mode | stat.S_IWOTH)  # as `chmod -R a+w cache` leaves it
    site = build(ROOT / "content", tmp_path, caplog, config="publishconf.py")
    assert not marker.exists()
    assert any(str(folder) in m and "other users" in m for m in site.messages(logging.INFO))


def test_a_stored_feed_swapped_keeping_its_size_and_time_is_made_again(tmp_path, caplog):
    # Size and time are what a page is trusted by; a feed's text is checked by its digest too.

    build(ROOT / "content", tmp_path, caplog, config="publishconf.py")
    pages = tmp_path / "cache" / incremental.FOLDER / "pages"
    stored = [p for p in pages.rglob("*") if p.is_file() and p.read_bytes().startswith(b"<?xml")]
    assert stored
    for feed in stored:
        before = feed.stat()
        data = feed.read_bytes()
        feed.write_bytes(data.replace(b"<title>", b"<title>X", 1)[: len(data)])
        os.utime(feed, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert feed.stat().st_size == before.st_size and feed.read_bytes() != data
    cached = build(ROOT / "content", tmp_path, caplog, config="publishconf.py")
    full = tmp_path / "full"
    full.mkdir()
    whole = build(
        ROOT / "content", full, caplog, config="publishconf.py", CASEBOOK_BUILD_CACHE=False
    )
    assert differences(cached.output, whole.output) == []


@pytest.mark.parametrize("where", ["pagefind", "pagefind/pagefind.js", "pagefind/fragment"])
def test_a_link_in_the_last_index_is_never_written_through(tmp_path, where):
    # Pagefind writes its index into <site>/pagefind/ through any link it finds there.
    site = write_site(tmp_path / "site", {"index.html": MARKED})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("the practitioner's", encoding="utf-8")
    link = site / where
    link.parent.mkdir(parents=True, exist_ok=True)
    target = elsewhere if link.name != "pagefind.js" else elsewhere / "precious.txt"
    link.symlink_to(target)
    done = searchindex.index(site, capture=True)
    assert done.returncode != 0 and str(link) in done.stderr
    assert sorted(p.name for p in elsewhere.iterdir()) == ["precious.txt"]
    assert (elsewhere / "precious.txt").read_text(encoding="utf-8") == "the practitioner's"


def test_a_last_index_that_is_a_file_is_a_message_not_a_panic(tmp_path):
    site = write_site(tmp_path / "site", {"index.html": MARKED})
    (site / "pagefind").write_text("not a folder", encoding="utf-8")
    done = searchindex.index(site, capture=True)
    assert done.returncode != 0 and "panicked" not in done.stderr
    assert str(site / "pagefind") in done.stderr


# Desk: the preview address of a post in another language.


@pytest.mark.parametrize(("lang", "slug"), [("en-us", "in-the-site-s-own"), ("en-US", "other")])
def test_the_desk_previews_a_post_where_pelican_puts_it_whatever_the_case(tmp_path, lang, slug):
    # Pelican compares a post's lang with DEFAULT_LANG in lower case (contents.py).

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    post = content / "posts" / "home-care-for-heel-pain-greg-h.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(
        text.replace("date: 2010-08-19\n", f"date: 2010-08-19\nlang: {lang}\n"), "utf-8"
    )
    site = build(content, tmp_path, DEFAULT_LANG="en-US")
    desk = Desk(
        root=ROOT, content=content, content_given="content",
        settings=site.settings, checker=None, publisher=None,
        preview_url="http://127.0.0.1:8000/",
    )  # fmt: skip
    address = desk.preview_address(
        "posts/home-care-for-heel-pain-greg-h.md", "home-care-for-heel-pain-greg-h",
        "published", "post", lang,
    )  # fmt: skip
    assert address is not None
    page = site.output / address.removeprefix("http://127.0.0.1:8000/") / "index.html"
    assert page.is_file(), f"the desk previews {address}; Pelican wrote no page there ({slug})"


def test_a_pipe_named_like_a_page_is_left_to_pagefind_not_waited_on(tmp_path):
    # Opening a pipe waits for a writer that never comes: `make html` hung before Pagefind ran.
    site = write_site(tmp_path / "site", {"index.html": MARKED})
    os.mkfifo(site / "pipe.html")
    code = (
        "import sys, pathlib; from casebook import searchindex as s; "
        "print(s.marked_pages(pathlib.Path(sys.argv[1])))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, str(site)], capture_output=True, text=True, env=env,
            timeout=60, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail("reading the site waited on the pipe for a minute")
    assert done.stdout.strip() == "None", done.stderr


def _plant_code(cache_file, marker):
    """Replace a compiled template's code with code that writes `marker` when it is loaded."""
    data = cache_file.read_bytes()
    magic = jinja2.bccache.bc_magic
    stream = io.BytesIO(data[len(magic) :])
    checksum = pickle.load(stream)  # noqa: S301 - the test's own file, just written by Jinja
    code = compile(f"open({str(marker)!r}, 'w').close()", "<planted>", "exec")
    cache_file.write_bytes(magic + pickle.dumps(checksum, 2) + marshal.dumps(code))


@pytest.mark.parametrize("writable", [True, False], ids=["others-can-write", "own"])
def test_compiled_templates_others_can_write_are_never_run(tmp_path, caplog, writable):
    build(ROOT / "content", tmp_path, caplog)
    folder = tmp_path / "cache" / poolwriter.TEMPLATES
    compiled = sorted(folder.iterdir())
    assert compiled  # kept beside the build cache, for the next build
    marker = tmp_path / "planted-template-ran"
    for cache_file in compiled:
        _plant_code(cache_file, marker)
    if writable:
        folder.chmod(folder.stat().st_mode | stat.S_IWOTH)  # as `chmod -R a+w cache` leaves it
    shutil.rmtree(tmp_path / "output")
    if writable:  # never loaded: the templates are compiled again, and the build is whole
        site = build(ROOT / "content", tmp_path, caplog)
        assert not marker.exists() and (site.output / "index.html").is_file()
    else:  # our own folder's compiled code is trusted: the planted code runs (the test can fail)
        with contextlib.suppress(Exception):  # it renders nothing: a failed build
            build(ROOT / "content", tmp_path, caplog)
        assert marker.exists()
