"""The precomputed place index: read only when it was made from what is installed now."""

import pytest

from casebook import placeindex


def sources(changed=None):
    """The gazetteer's sources as the key reads them, one of them changed if asked."""
    files = {name: f"contents of {name}".encode() for name in placeindex.SOURCES}
    if changed:
        files[changed] += b" (edited)"
    return files.__getitem__


def test_an_index_reads_back_the_names_it_was_written_with():
    made_from = placeindex.key(sources(), "3.0.0")
    text = placeindex.render(["framingham", "29 palms", "newton upper falls"], made_from)
    assert text.splitlines()[1:] == ["29 palms", "framingham", "newton upper falls"]
    assert placeindex.parse(text, made_from) == {"framingham", "29 palms", "newton upper falls"}


def test_an_empty_index_is_an_empty_set_not_a_set_of_one_empty_name():
    made_from = placeindex.key(sources(), "3.0.0")
    assert placeindex.parse(placeindex.render([], made_from), made_from) == frozenset()


@pytest.mark.parametrize("changed", placeindex.SOURCES)
def test_a_changed_gazetteer_source_makes_the_index_stale(changed):
    old = placeindex.key(sources(), "3.0.0")
    new = placeindex.key(sources(changed), "3.0.0")
    assert new != old
    assert placeindex.parse(placeindex.render(["framingham"], old), new) is None


def test_another_version_of_the_tables_makes_the_index_stale():
    old = placeindex.key(sources(), "3.0.0")
    new = placeindex.key(sources(), "3.0.1")
    assert placeindex.parse(placeindex.render(["framingham"], old), new) is None


def test_an_index_cut_short_is_never_read():
    made_from = placeindex.key(sources(), "3.0.0")
    text = placeindex.render(["framingham", "natick"], made_from)
    assert placeindex.parse(text[:-3], made_from) is None  # "nati": a name cut in two
    assert placeindex.parse(text.split("\n", 1)[0], made_from) is None  # the key line alone


def test_the_shipped_index_is_for_the_installed_tables_and_code():
    # Stale after an upgrade of zipcodes or an edit of gazetteer.py: `python -m
    # casebook.placeindex` writes it again (tests/test_placeindex.py checks its contents).
    assert placeindex.load() is not None
