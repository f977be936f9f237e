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
    assert not (target / "stale.html").exists()  # --delete: the target mirrors the build
    assert (project / "output-publish" / "index.html").is_file()  # built in the copy
    assert not (project / "output").exists()  # the preview's folder is never written


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
    assert not (copy / "output").exists() and not (copy / "output-publish").exists()


def test_make_html_builds_the_site_and_its_search_index(project):
    make(project, "html")
    assert (project / "output" / "conditions" / "index.html").is_file()
    assert (project / "output" / "pagefind" / "pagefind.js").is_file()


def run_make(project, *args, **env):
    """make in the copy, with its result whatever it is."""
    return subprocess.run(
        ["make", "-C", str(project), "-o", ".venv/.installed", *args],
        env={**os.environ, **GIT_ENV, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_deploy_checks_its_target_before_building_anything(project, tmp_path):
    shutil.rmtree(project / "output-publish.builds", ignore_errors=True)
    (project / "output-publish").unlink(missing_ok=True)
    for target in ("", "-e sh -c id", "--rsync-path=touch x"):
        result = run_make(project, "rsync_upload", f"SSH_TARGET={target}")
        assert result.returncode == 2, result.stdout + result.stderr
        assert "nothing was built" in result.stdout + result.stderr
    result = run_make(project, "github", f"GITHUB_REMOTE={tmp_path / 'no-such-remote'}")
    assert result.returncode == 2 and "cannot be reached" in result.stdout + result.stderr
    assert not (project / "output-publish.builds").exists()


def test_rsync_target_on_the_command_line(project, tmp_path):
    target = tmp_path / "www"
    target.mkdir()
    make(project, "rsync_upload", f"RSYNC_TARGET={target}/")
    assert (target / "index.html").is_file()


def test_a_second_writer_is_refused_and_an_upload_never_sees_a_swap(project, tmp_path):
    make(project, "publish")
    lock = project / "output-publish.lock"
    holder = subprocess.Popen(
        ["python3", "-c", LOCK_AND_WAIT, str(lock)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        for target in ("publish", "clean"):
            result = run_make(project, target)
            assert result.returncode != 0
            assert "is being written or uploaded by" in result.stdout, result.stdout
        assert (project / "output-publish" / "index.html").is_file()  # clean removed nothing
    finally:
        holder.kill()
        holder.wait()


LOCK_AND_WAIT = """
import fcntl, sys, time
f = open(sys.argv[1], "a+")
fcntl.flock(f, fcntl.LOCK_EX)
f.write("a test holding the lock"); f.flush()
print("locked", flush=True)
time.sleep(120)
"""


def test_kill_9_during_publish_leaves_the_last_good_site(project):
    make(project, "publish")
    before = (project / "output-publish").resolve()
    pages = sorted(p.relative_to(before) for p in before.rglob("*.html"))
    # The build step itself, killed once its fresh folder holds some of the new site.
    process = subprocess.Popen(
        [str(project / ".venv" / "bin" / "python"), "-m", "casebook.cli.publish", "build",
         "--folder=output-publish", "--settings=publishconf.py", "--", "content"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": "plugins"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    builds = project / "output-publish.builds"
    try:
        for _ in range(6000):
            fresh = [b for b in builds.iterdir() if b != before.parent]
            if fresh and any((fresh[0] / "site").rglob("*.html")):
                break
            if process.poll() is not None:
                break
            subprocess.run(["sleep", "0.01"], check=True)
        os.killpg(process.pid, 9)
    finally:
        process.wait()
    after = (project / "output-publish").resolve()
    assert after == before  # still the last good build, whole
    assert sorted(p.relative_to(after) for p in after.rglob("*.html")) == pages
    # The next publish clears what the killed one left, and swaps in a new build.
    make(project, "publish")
    assert (project / "output-publish").resolve() != before
    assert [b.name for b in builds.iterdir()] == [
        (project / "output-publish").resolve().parent.name
    ]
