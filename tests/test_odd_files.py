"""Odd files under content/: pipes and devices never opened, loops never followed, a file gone
mid-build fails the build, control characters an error at their line."""

import logging
import os
import subprocess
import sys
import weakref

import pytest
from conftest import ROOT, build, copy_fixture
from pelican import signals

from casebook.content import corpus
from casebook.content.settings import load
from casebook.pelican.judging import ContentChangedError

TIMEOUT = 120  # far beyond a build of the fixture; a command that waits on a pipe hits it


def run(*command):
    """A command on the content, ended (and failed) if it hangs."""
    return subprocess.run(
        # COLUMNS: one log record a line, so a message is never cut where the path's length falls.
        [sys.executable, *command], cwd=ROOT,
        env={**os.environ, "PYTHONPATH": "plugins", "COLUMNS": "1000"},
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )  # fmt: skip


@pytest.fixture
def odd(tmp_path):
    content = tmp_path / "content"
    copy_fixture("basic", content)
    (content / "images").mkdir(exist_ok=True)
    os.mkfifo(content / "cases" / "pipe.md")
    os.mkfifo(content / "images" / "pipe.jpg")
    (content / "images" / "zero.jpg").symlink_to("/dev/zero")
    (content / "images" / "loop").symlink_to("..")
    (content / "posts").mkdir(exist_ok=True)
    (content / "posts" / "self.md").symlink_to("self.md")
    (content / "posts" / "gone.md").symlink_to("nothing-here.md")
    return content


def test_check_names_each_odd_file_without_opening_it(odd):
    result = run("-m", "casebook.cli.check", str(odd))
    out = result.stdout
    assert result.returncode == 1, out
    expected = {
        "cases/pipe.md": "a named pipe (FIFO), not a file",
        "images/pipe.jpg": "a named pipe (FIFO), not a file",
        "images/zero.jpg": "a device, not a file",
        "images/loop": "a link to a folder that holds it (a loop)",
        "posts/self.md": "a link that leads back to itself (a loop)",
        "posts/gone.md": "a link to nothing",
    }
    for path, words in expected.items():
        lines = [line for line in out.splitlines() if f"content/{path}:" in line]
        assert len(lines) == 1 and words in lines[0], (path, lines)
    assert "images/loop/" not in out  # never followed: nothing under it is listed
    assert "not in a folder" not in out


def test_the_build_never_opens_or_follows_them(odd, tmp_path):
    output = tmp_path / "output"
    result = run(
        "-m", "pelican", "--settings", str(ROOT / "pelicanconf.py"), "--output", str(output),
        "--", str(odd),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    images = output / "images"
    assert not (images / "loop").exists()
    assert not (images / "pipe.jpg").exists() and not (images / "zero.jpg").exists()
    assert "a named pipe (FIFO), not a file" in result.stdout + result.stderr


def test_the_corpus_walk_lists_a_loop_once(odd):
    found = {f.relpath: f for f in corpus.files(odd, load(str(ROOT / "pelicanconf.py")))}
    assert found["images/loop"].kind == corpus.Kind.ODD
    assert not [path for path in found if path.startswith("images/loop/")]


def test_a_file_deleted_mid_build_fails_the_build(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("basic", content)
    gone = content / "posts" / "vanishes.md"
    gone.parent.mkdir(exist_ok=True)
    gone.write_text("---\ntitle: Soon gone\ndate: 2020-01-01\nslug: soon-gone\n---\nText.\n")

    def delete(_generator):
        gone.unlink(missing_ok=True)  # listed already, not read yet

    signals.article_generator_preread.connect(delete)
    try:
        with pytest.raises(ContentChangedError, match="posts/vanishes.md"):
            build(content, tmp_path, caplog)
    finally:
        signals.article_generator_preread.disconnect(delete)
        forget_the_failed_build()
    assert any(
        "posts/vanishes.md" in r.getMessage() and "gone when it was read" in r.getMessage()
        for r in caplog.records
        if r.levelno >= logging.WARNING
    )


def forget_the_failed_build():
    """pelican-sitemap keeps the build it started with (one object per process) until that
    build finishes: after one that failed, later builds in this process would write no
    sitemap. A new process (each `make html`) starts clean; these tests share one."""
    for ref in list(signals.get_generators.receivers.values()):
        receiver = ref() if isinstance(ref, weakref.ref) else ref
        owner = getattr(receiver, "__self__", None)
        if type(owner).__name__ == "SitemapGenerator":
            owner._main_pelican = None
            owner.page_queue = []


def test_control_characters_are_an_error_at_their_line(tmp_path):
    content = tmp_path / "nul"
    copy_fixture("basic", content)
    post = content / "posts" / "nul.md"
    post.parent.mkdir(exist_ok=True)
    post.write_text(
        "---\ntitle: A NUL\ndate: 2020-01-01\nslug: a-nul\n---\nFine.\n\nHere\x00 and \x1b[31m.\n"
    )
    result = run("-m", "casebook.cli.check", str(content))
    lines = [line for line in result.stdout.splitlines() if "posts/nul.md" in line]
    assert len(lines) == 1 and ":8: a control character (U+0000, NUL)" in lines[0], lines
    output = tmp_path / "nul-out"
    built = run(
        "-m", "pelican", "--settings", str(ROOT / "pelicanconf.py"), "--output", str(output),
        "--", str(content),
    )  # fmt: skip
    assert built.returncode == 0
    for page in output.rglob("*.html"):
        assert "\x00" not in page.read_text(encoding="utf-8"), page
    assert "This post is not built" in (output / "a-nul" / "index.html").read_text()
