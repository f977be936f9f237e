"""The precomputed ICD-10-CM table: what it holds, and the tables it refuses to read."""

import re

import pytest

from casebook import icd10_table

TITLES = {
    "G25": "Other extrapyramidal and movement disorders",
    "G25.8": "Other specified extrapyramidal and movement disorders",
    "G25.81": "Restless legs syndrome",
    "G57": "Mononeuropathies of lower limb",
    "G57.0": "Lesion of sciatic nerve",
    "H35.3113": "Nonexudative age-related macular degeneration, right eye, /\tadvanced dry stage",
    "M79.18": "Myalgia, other site",
    "Z3A.01": "Less than 8 weeks gestation of pregnancy",
}


@pytest.fixture
def small_members(monkeypatch):
    """Members of two lines, so that a handful of codes spans several of them."""
    monkeypatch.setattr(icd10_table, "CHUNK", 2)


def table(titles=TITLES, version="1.5.0"):
    found = icd10_table.parse(icd10_table.render(titles, version), version)
    assert found is not None
    return found


@pytest.mark.usefixtures("small_members")
def test_every_code_is_found_with_its_title_in_whichever_member_it_is():
    made = table()
    assert {code: made.title(code) for code in TITLES} == TITLES
    assert dict(made.items()) == TITLES


@pytest.mark.usefixtures("small_members")
@pytest.mark.parametrize(("code", "dotted"), [("G2581", "G25.81"), ("G570", "G57.0")])
def test_a_code_without_its_dot_is_found_as_the_package_finds_it(code, dotted):
    assert table().title(code) == TITLES[dotted]


@pytest.mark.usefixtures("small_members")
@pytest.mark.parametrize(
    "code",
    ["A00", "Z99.999", "G25.810", "G25.8 ", "G25.81 Restless", "G2", "", "Z3A.0", "ZZZ"],
)
def test_a_code_the_table_does_not_hold_has_no_title(code):
    # "G25.81 Restless" would be found inside G25.81's own line, were a space let in.
    assert table().title(code) is None


def test_the_file_is_one_gzip_stream_of_its_version_index_and_sorted_lines():
    import gzip  # noqa: PLC0415 - only to read the file as any gzip reader does

    lines = gzip.decompress(icd10_table.render(TITLES, "1.5.0")).decode().splitlines()
    assert lines[0] == "# casebook ICD-10-CM table 1, from simple-icd-10-cm 1.5.0"
    assert re.fullmatch(r"# G25 [0-9]+", lines[1])  # one member: its first code, its size
    assert lines[2:] == [f"{code} {TITLES[code]}" for code in sorted(TITLES)]


def test_a_table_from_another_version_is_not_read():
    data = icd10_table.render({**TITLES, "Z99.999": "Invented"}, "1.4.0")
    assert icd10_table.parse(data, "1.5.0") is None


def test_a_table_of_another_format_is_not_read(monkeypatch):
    monkeypatch.setattr(icd10_table, "HEADER", icd10_table.HEADER.replace("table 1", "table 2"))
    data = icd10_table.render(TITLES, "1.5.0")
    monkeypatch.undo()
    assert icd10_table.parse(data, "1.5.0") is None


@pytest.mark.usefixtures("small_members")
@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1],  # the last member cut short
        lambda data: data[:40],  # the index cut short
        lambda data: data + data[-30:],  # a member too many
        lambda data: data[:20] + bytes([data[20] ^ 1]) + data[21:],  # a bit of the index flipped
        lambda data: b"",
        lambda data: b"G25.81 Restless legs syndrome\n",  # text, not the table's gzip
    ],
    ids=["member-cut", "index-cut", "grown", "index-flipped", "empty", "plain-text"],
)
def test_a_cut_short_grown_or_garbled_table_is_not_read(damage):
    assert icd10_table.parse(damage(icd10_table.render(TITLES, "1.5.0")), "1.5.0") is None


@pytest.mark.usefixtures("small_members")
def test_a_garbled_member_is_damage_not_a_wrong_title():
    data = bytearray(icd10_table.render(TITLES, "1.5.0"))
    data[-12] ^= 0xFF  # inside the last member's compressed lines: its sizes still add up
    damaged = icd10_table.parse(bytes(data), "1.5.0")
    assert damaged is not None
    assert damaged.title("G25.81") == "Restless legs syndrome"  # its member is whole
    with pytest.raises(icd10_table.DamagedTableError):
        damaged.title("Z3A.01")


def test_a_title_of_two_lines_is_refused_when_the_table_is_made():
    with pytest.raises(ValueError, match="two lines"):
        icd10_table.render({"G25.81": "Restless\nlegs"}, "1.5.0")


def test_the_shipped_table_is_for_the_installed_package():
    # Stale after an upgrade of simple-icd-10-cm: `python -m casebook.icd10_table` writes it
    # again (tests/test_icd10_table_against_package.py checks it holds what the package holds).
    assert icd10_table.load() is not None
