"""`make rsync_upload` and `make github` against local targets: never the network."""

import os
import shutil
import subprocess

import pytest
from conftest import ROOT

# What a copy of the project leaves behind: built output, caches, the venv (linked instead).
LEFT_BEHIND = shutil.ignore_patterns(
    ".venv",
    ".git",
    "output",
    "cache",
    ".pytest_cache",
    "__pycache__",
    "test-artifacts",
    "bench-work",
    "node_modules",
)
# A fixed committer, so ghp-import needs no git configuration on the machine.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Casebook tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "Casebook tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project in its own git repository, sharing the real venv."""
    copy = tmp_path_factory.mktemp("deploy") / "project"
    shutil.copytree(ROOT, copy, ignore=LEFT_BEHIND)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    subprocess.run(["git", "init", "-q", str(copy)], check=True)
    return copy


def make(project, *args):
    """Run make in the copy; -o: the venv set-up step must not run pip on the real venv."""
    result = subprocess.run(
        ["make", "-C", str(project), "-o", ".venv/.installed", *args],
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


def test_rsync_upload_copies_the_published_site_and_removes_stale_files(project, tmp_path):
    target = tmp_path / "www"
    target.mkdir()
    (target / "stale.html").write_text("from an older upload", encoding="utf-8")
    make(project, "rsync_upload", f"SSH_TARGET={target}/")
    assert (target / "index.html").is_file()
    assert (target / "restless-leg-syndrome-pain-treatment-of-krystal-s" / "index.html").is_file()
    assert (target / "pagefind" / "pagefind.js").is_file()  # publish builds the search index
    assert (target / "conditions" / "restless-legs-syndrome" / "feed.atom").is_file()
    assert not (target / "stale.html").exists()  # --delete: the target mirrors output/
    assert (project / "output" / "index.html").is_file()  # built in the copy, not in ROOT


def test_github_pushes_the_published_site_to_gh_pages(project, tmp_path):
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    make(project, "github", f"GITHUB_REMOTE={remote}")
    files = subprocess.run(
        ["git", "--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert "index.html" in files
    assert "restless-leg-syndrome-pain-treatment-of-krystal-s/index.html" in files


def test_publish_refuses_when_check_finds_an_error(tmp_path):
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=LEFT_BEHIND)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    (copy / "content" / "cases" / "unsafe.md").write_text(
        "---\ntitle: Neck pain\ndate: 2012-01-05\nslug: unsafe\ntags: [Neck pain]\n"
        "case:\n  client: Ana R.\n  consent: true\n---\nCall her on 508-555-1212.\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        ["make", "-C", str(copy), "-o", ".venv/.installed", "publish"],
        env={**os.environ},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "content/cases/unsafe.md:10:" in result.stdout and "508-555-1212" in result.stdout
    assert not (copy / "output").exists()


def test_make_html_builds_the_site_and_its_search_index(project):
    make(project, "html")
    assert (project / "output" / "conditions" / "index.html").is_file()
    assert (project / "output" / "pagefind" / "pagefind.js").is_file()
