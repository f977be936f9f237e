"""ICD-10-CM lookups against the real code tables: the shipped table, else the package."""

import warnings

import pytest
from icd10 import CodeBook

from casebook import icd10_table


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


def test_lookups_from_the_shipped_table_never_load_the_package():
    fresh = CodeBook()
    assert fresh.title("g2581 ") == "Restless legs syndrome"
    assert not fresh.is_valid("Z99.999")
    assert not fresh.is_valid("G50-G59")
    assert fresh._icd is None


@pytest.fixture(scope="module")
def icd():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm  # noqa: PLC0415 - the titles a fallback must give

    return simple_icd_10_cm


def test_without_the_table_the_package_answers(tmp_path, icd):
    book = CodeBook(table_file=tmp_path / "absent.txt.gz")
    assert book.title("G2581") == icd.get_description("G25.81")
    assert not book.is_valid("G50-G59")
    assert book._icd is not None


def test_a_table_from_another_version_is_not_trusted(tmp_path, icd):
    stale = tmp_path / "codes.txt.gz"
    invented = {"G25.81": "Invented title", "Z99.999": "Invented code"}
    stale.write_bytes(icd10_table.render(invented, "1.0.0"))
    book = CodeBook(table_file=stale)
    assert book.title("Z99.999") is None
    assert book.title("G25.81") == icd.get_description("G25.81")


def shipped_bytes():
    return icd10_table.table_path().read_bytes()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short: sizes that do not add up
        lambda data: data[:-12] + bytes([data[-12] ^ 0xFF]) + data[-11:],  # Z's member garbled
        lambda data: b"\x1f\x8b" + data[2:40],  # a gzip header, then nothing whole
        lambda data: b"",
    ],
    ids=["cut-short", "member-garbled", "torn", "empty"],
)
def test_a_damaged_table_gives_the_package_s_titles_not_a_traceback(tmp_path, icd, damage):
    damaged = tmp_path / "codes.txt.gz"
    damaged.write_bytes(damage(shipped_bytes()))
    book = CodeBook(table_file=damaged)
    for code in ("Z99.89", "G25.81", "A00"):
        assert book.title(code) == icd.get_description(code)
    assert not book.is_valid("Z99.999")
    assert book._icd is not None  # the package answered where the table could not
