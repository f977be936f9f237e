"""ICD-10-CM lookups against the real code tables, loaded lazily and cached."""

import json

import pytest
from icd10 import CACHE_FILE, CodeBook


@pytest.fixture(scope="module")
def book():
    return CodeBook()


def test_a_full_code_is_valid_with_its_official_title(book):
    assert book.is_valid("G25.81")
    assert "Restless legs" in book.title("G25.81")


@pytest.mark.parametrize("code", ["g25.81", " G25.81 ", "G2581"])
def test_codes_are_found_whatever_the_case_spacing_or_dot(book, code):
    assert book.title(code) == book.title("G25.81")


def test_a_subcategory_that_is_not_billable_is_still_a_code(book):
    # G57.0 has children (G57.00-G57.03), but the tables list it with its own title.
    assert book.is_valid("G57.0")
    assert book.title("G57.0") == "Lesion of sciatic nerve"


def test_a_three_character_category_is_a_code(book):
    assert book.title("G57") == "Mononeuropathies of lower limb"


@pytest.mark.parametrize("code", ["Z99.999", "G25.8100", "X", "", "   "])
def test_made_up_codes_are_invalid(book, code):
    assert not book.is_valid(code)
    assert book.title(code) is None


@pytest.mark.parametrize("code", ["6", "G50-G59"])
def test_chapters_and_blocks_are_not_codes(book, code):
    assert book.title(code) is None


def test_the_tables_load_only_on_the_first_lookup():
    fresh = CodeBook()
    assert fresh._icd is None
    fresh.is_valid("G25.81")
    assert fresh._icd is not None


def test_saved_titles_spare_the_next_build_the_load(tmp_path):
    first = CodeBook(cache_dir=tmp_path)
    assert first.is_valid("G25.81")
    assert not first.is_valid("Z99.999")
    first.save()

    second = CodeBook(cache_dir=tmp_path)
    assert "Restless legs" in second.title("g25.81")
    assert not second.is_valid("Z99.999")
    assert second._icd is None


def test_a_cache_from_other_tables_is_ignored(tmp_path):
    (tmp_path / CACHE_FILE).write_text(
        json.dumps({"version": "0.0.0", "titles": {"Z99.999": "Invented"}}), encoding="utf-8"
    )
    assert CodeBook(cache_dir=tmp_path).title("Z99.999") is None


def test_a_broken_cache_is_ignored(tmp_path):
    (tmp_path / CACHE_FILE).write_text("{not json", encoding="utf-8")
    assert CodeBook(cache_dir=tmp_path).is_valid("G25.81")


def test_saving_where_nothing_can_be_written_does_not_fail(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    book = CodeBook(cache_dir=blocker / "cache")
    book.is_valid("G25.81")
    book.save()
    assert list(tmp_path.iterdir()) == [blocker]


def test_save_without_a_cache_folder_does_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where a cache with no folder would land, if anywhere
    book = CodeBook()
    assert book.is_valid("G25.81")
    book.save()  # no folder given: nothing to write, nothing raised
    assert list(tmp_path.iterdir()) == []
