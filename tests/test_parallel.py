"""Both cores: a build in several processes writes every file byte for byte as one process does.

Each scenario builds the same content twice, with CASEBOOK_WORKERS = 1 (everything in one
process) and with three processes (the files read, judged and linted, and the pages
rendered, in forked workers), and compares every output file and every problem logged.
"""

import logging
import os
import shutil
import sys

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, ROOT, besides_unbound, build, copy_fixture, differences, files
from pelican.log import FatalLogger, LimitFilter

sys.path.insert(0, str(ROOT / "scripts"))
import bench_corpus  # noqa: E402

WORKERS = 3  # more processes than this machine has cores: every path through the pool runs


class Forks:
    """Counts the processes forked while it is on (os.fork itself does the forking)."""

    def __init__(self, monkeypatch):
        self.count = 0
        real = os.fork

        def fork():
            pid = real()
            if pid:
                self.count += 1
            return pid

        monkeypatch.setattr(os, "fork", fork)


def both(content, tmp_path, caplog, config="pelicanconf.py", **overrides):
    """The site built in one process and in WORKERS: (one, many), each a conftest Site."""
    sites = []
    for workers in (1, WORKERS):
        folder = tmp_path / f"workers-{workers}"
        folder.mkdir()
        # Pelican logs a message once per process: each build starts as a new `pelican` does.
        LimitFilter._raised_messages.clear()
        LimitFilter._group_count.clear()
        sites.append(
            build(content, folder, caplog, config=config, CASEBOOK_WORKERS=workers, **overrides)
        )
    return sites


def problems(site):
    """What the build logged, its output folder's path taken out (the two builds differ there)."""
    return [m.replace(str(site.output), "<output>") for m in site.messages(logging.INFO)]


@pytest.mark.parametrize("config", ["pelicanconf.py", "publishconf.py"])
def test_the_sample_site_is_the_same_from_one_process_and_from_three(
    tmp_path, caplog, monkeypatch, config
):
    forks = Forks(monkeypatch)
    one, many = both(ROOT / "content", tmp_path, caplog, config=config)
    assert forks.count >= 2 * (WORKERS - 1)  # reading, and writing at least one generator
    assert len(files(one.output)) > 50
    assert differences(one.output, many.output) == []
    assert problems(one) == problems(many)


@pytest.mark.parametrize("corpus", bench_corpus.CORPORA)
def test_a_generated_200_post_site_is_the_same_from_one_process_and_from_three(
    tmp_path, caplog, corpus
):
    content = bench_corpus.write_corpus(tmp_path / "corpus", 200, corpus)["casebook"]
    one, many = both(content, tmp_path, caplog)
    assert len(files(one.output)) > 200
    assert differences(one.output, many.output) == []
    assert problems(one) == problems(many)
    # The generated cases are at `consent: true`, each warned that it names no approved text.
    assert besides_unbound(one.messages(logging.WARNING)) == []


def test_problems_are_logged_once_each_in_the_order_one_process_logs_them(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("broken", content)  # follow-ups that lead nowhere or in a loop
    for name in ("unknown", "check_privacy", "check_yaml_error"):
        for folder in ("cases", "posts"):
            if (FIXTURES / name / folder).is_dir():
                shutil.copytree(FIXTURES / name / folder, content / folder, dirs_exist_ok=True)
    one, many = both(content, tmp_path, caplog)
    logged = one.messages(logging.WARNING)
    assert any("is not a known condition" in m for m in logged)
    assert any("not valid YAML" in m for m in logged)
    assert len(logged) == len(set(logged))
    assert many.messages(logging.WARNING) == logged
    assert problems(many) == problems(one)
    assert differences(one.output, many.output) == []


def test_one_worker_builds_in_this_process_alone(tmp_path, caplog, monkeypatch):
    forks = Forks(monkeypatch)
    build(ROOT / "content", tmp_path, caplog, CASEBOOK_WORKERS=1)
    assert forks.count == 0


def test_by_default_a_build_uses_every_core(tmp_path, caplog, monkeypatch):
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one core here: the default build forks nothing (nothing to compare)")
    forks = Forks(monkeypatch)
    build(ROOT / "content", tmp_path, caplog)
    assert forks.count >= 2


def test_a_fatal_warning_in_a_worker_stops_the_build_as_in_one_process(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("unknown", content)
    bench_corpus.write_corpus(tmp_path / "corpus", 40, "plain")
    shutil.copytree(tmp_path / "corpus" / "casebook" / "content" / "posts", content / "posts")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(FatalLogger, "fatal_lvl", logging.WARNING)  # --fatal warnings
    try:
        for workers in (1, WORKERS):
            with pytest.raises(RuntimeError, match="Warning or error encountered"):
                build(content, tmp_path / f"w{workers}", caplog, CASEBOOK_WORKERS=workers)
    finally:
        monkeypatch.undo()
    # The sitemap plugin stays bound to a build until it finishes, and these never did: the
    # next build in this process (as in the preview, after a save that failed) must still
    # write its sitemap, listing its posts.
    copy_fixture("basic", tmp_path / "good")
    good = build(tmp_path / "good", tmp_path / "good-build", caplog)
    sitemap = BeautifulSoup((good.output / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    assert len(sitemap.find_all("loc")) >= 2
