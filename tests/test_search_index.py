"""The search index (searchindex.py): Pagefind given the marked pages alone makes the same index."""

import pytest
from conftest import ROOT, build, differences
from searchsites import page_count, pagefinds_own, write_site

from casebook import searchindex


@pytest.mark.parametrize("config", ["pelicanconf.py", "publishconf.py"])
def test_the_index_of_the_marked_pages_is_pagefinds_own_byte_for_byte(tmp_path, config):
    site = build(ROOT / "content", tmp_path, config=config).output
    marked = searchindex.marked_pages(site)
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    assert marked and len(marked) < len(pages)  # referral summaries, lists and tags left out
    assert any(m.startswith("conditions/") for m in marked)
    assert not any("/referral/" in m for m in marked)
    own = tmp_path / "own-index"
    pagefinds_own(site, own)
    assert searchindex.index(site).returncode == 0
    assert sorted(p.name for p in own.iterdir())  # Pagefind wrote something to compare
    assert differences(own, site / "pagefind") == []


def fake_site(tmp_path, pages):
    return write_site(tmp_path / "site", pages)


def test_without_a_marked_page_pagefind_reads_every_page(tmp_path):
    site = fake_site(
        tmp_path,
        {"index.html": "<p>Piriformis stretches</p>", "a/index.html": "<p>Scoliosis care</p>"},
    )
    assert searchindex.marked_pages(site) is None
    assert searchindex.index(site).returncode == 0
    assert page_count(site / "pagefind") == 2


@pytest.mark.parametrize("folder", ["a{b}", "st*r", "x,y", "back\\slash", "q?"])
def test_a_path_pagefind_would_read_as_a_glob_gives_every_page(tmp_path, folder):
    body = "<main data-pagefind-body><p>Restless legs at night</p></main>"
    site = fake_site(
        tmp_path,
        {f"{folder}/index.html": body, "b/index.html": body, "c/index.html": "<p>a list</p>"},
    )
    assert searchindex.marked_pages(site) is None
    assert searchindex.index(site).returncode == 0
    assert page_count(site / "pagefind") == 2  # both marked pages, the odd name too


def test_a_hostile_name_never_reaches_a_command_line(tmp_path):
    body = "<main data-pagefind-body><p>Jaw pain</p></main>"
    # (`$` is a wildcard to Pagefind's glob: a name with one gives every page, test_attack_today)
    name = "`touch pwned`-'q'-\"dq\"-;touch pwned2 &|x"
    site = fake_site(tmp_path, {f"{name}/index.html": body, "ok/index.html": body})
    assert searchindex.marked_pages(site) == [f"{name}/index.html", "ok/index.html"]
    assert searchindex.index(site).returncode == 0
    assert page_count(site / "pagefind") == 2  # the name went to Pagefind as data, and matched
    assert not list(tmp_path.rglob("pwned*")) and not list(ROOT.glob("pwned*"))
