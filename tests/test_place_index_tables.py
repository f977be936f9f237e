"""The shipped place index holds exactly what the gazetteer makes from the ZIP-code tables."""

import subprocess
import sys

from conftest import ROOT

from casebook import placeindex
from casebook.privacy import gazetteer


def test_the_index_holds_the_names_the_tables_give():
    indexed = placeindex.load()
    assert indexed is not None, "stale: run python -m casebook.placeindex"
    assert indexed == gazetteer.places_from_tables()
    assert len(indexed) > 20_000  # every US postal place and county, not a sample


def test_the_gazetteer_answers_from_the_index():
    assert gazetteer.places() is placeindex.load()


def test_the_builder_writes_what_it_would_read(tmp_path, monkeypatch):
    monkeypatch.setattr(placeindex, "index_path", lambda: tmp_path / "places.txt")
    placeindex.load.cache_clear()
    try:
        assert placeindex.main([]) == 0
        assert placeindex.load() == gazetteer.places_from_tables()
        (tmp_path / "places.txt").write_text("# casebook place index 0\nframingham\n")
        placeindex.load.cache_clear()
        assert placeindex.load() is None  # another key: stale, never read
    finally:
        placeindex.load.cache_clear()


def test_check_says_whether_the_shipped_index_is_fresh():
    done = subprocess.run(
        [sys.executable, "-m", "casebook.placeindex", "--check"],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "plugins")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.endswith(": fresh\n")
