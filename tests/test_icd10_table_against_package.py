"""The shipped ICD-10-CM table holds exactly what simple_icd_10_cm holds, and answers as it does."""

import subprocess
import sys
import warnings

import pytest
from conftest import ROOT

from casebook import icd10_table


@pytest.fixture(scope="module")
def icd():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm  # noqa: PLC0415 - the source the table is checked against

    return simple_icd_10_cm


@pytest.fixture(scope="module")
def shipped():
    table = icd10_table.load()
    assert table is not None, "stale: run python -m casebook.icd10_table"
    return table


def test_the_table_holds_every_code_of_the_package_with_its_title(shipped):
    held = dict(shipped.items())
    assert held == icd10_table.titles_from_package()
    assert len(held) > 90_000  # every category, subcategory and code, not a sample


def test_every_item_of_the_package_with_or_without_its_dot_is_answered_as_the_package_does(
    icd, shipped
):
    # Chapters and blocks too: the package knows them, and the table must say they are no codes.
    wrong = {}
    for item in icd.get_all_codes():
        for code in {item, item.replace(".", "")}:
            if icd.is_valid_item(code) and icd.is_category_or_subcategory(code):
                expected = icd.get_description(code)
            else:
                expected = None
            if shipped.title(code) != expected:
                wrong[code] = (shipped.title(code), expected)
    assert wrong == {}


def test_the_builder_writes_what_it_would_read(tmp_path, monkeypatch):
    monkeypatch.setattr(icd10_table, "table_path", lambda: tmp_path / "codes.txt.gz")
    assert icd10_table.main([]) == 0
    made = icd10_table.load(tmp_path / "codes.txt.gz")
    assert made is not None
    assert dict(made.items()) == icd10_table.titles_from_package()


def test_check_says_whether_the_shipped_table_is_fresh():
    done = subprocess.run(
        [sys.executable, "-m", "casebook.icd10_table", "--check"],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "plugins")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.endswith(": fresh\n")
