"""The corpus scorer (tests/privacy_eval/score.py): how it reads `make check`, and how it scores."""

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

EVAL = Path(__file__).resolve().parent / "privacy_eval"
spec = importlib.util.spec_from_file_location("privacy_score_under_test", EVAL / "score.py")
score = importlib.util.module_from_spec(spec)
sys.modules["privacy_score_under_test"] = score
spec.loader.exec_module(score)


def row(path="posts/a.md", line=3, level="error", category=None, message="x"):
    return {
        "path": path, "shown": path, "line": line, "key": None, "level": level,
        "category": category, "message": message,
    }  # fmt: skip


def test_a_problem_s_own_category_wins_over_the_message_table():
    reported, other = score.read_problems(
        [
            row(category="licence", message="looks like a phone or fax number '7D-11420'"),
            row(message="looks like a phone or fax number '508-555-0100'"),
            row(message="slug: missing; add one"),
            row(level="note", category="names", message="privacy_ok silences 'Jo Smith'"),
        ]
    )
    assert [r.categories for r in reported] == [("licence",), ("phone", "fax")]
    assert len(other) == 2 and "note" in other[1]


def test_text_is_compared_as_a_reader_reads_it():
    assert score.normal("Ro\u200bbert&#39;s ＠ ５") == "roberts5"
    assert score.points_at("Ro\u200bbert Qu&#105;nlan", "robert quinlan")
    assert score.points_at("０１７４９", "01749", "geography")


def test_a_code_s_core_is_its_words_with_digits_a_name_s_all_of_it():
    assert score.core("SSN ending 3346", "ssn") == "3346"
    assert score.core("Member 4NX-22817-03", "health-plan") == "4nx2281703"
    assert score.core("zero two nine, four four", "ssn") == "zerotwoninefourfour"
    assert score.core("Route 9 and Speen Street", "geography") == "route9andspeenstreet"
    assert score.core("Tuesday the 9th", "dates") == "tuesdaythe9th"


@pytest.mark.parametrize(
    "quote, plant, category",
    [
        # The quote holds the core: the digits of a labelled code, with or without the label.
        ("3346", "SSN ending 3346", "ssn"),
        ("SSN ending in 3346", "3346", "ssn"),
        ("transmitter ID 8GM7QK", "8GM7QK", "device"),
        ("MRN 0048823917", "0048823917", "medical-record"),
        ("0009 1172 4", "medical record number 0009 1172 4", "medical-record"),
        ("Lena Marsh's", "Lena Marsh", "names"),
        ("ninety-four-year-old", "ninety-four", "ages"),
        # A part of the plant, a third of its core or more.
        ("22817-03", "Member 4NX-22817-03", "health-plan"),
        ("Corwin", "Corwin feed store", "geography"),
        ("Whitfield", "Dana Whitfield", "names"),
        ("March 3", "March 3, 2021", "dates"),
        ("Friday, 2 May", "on Friday, 2 May", "dates"),
    ],
)
def test_a_quote_points_at_a_plant(quote, plant, category):
    assert score.points_at(quote, plant, category)


@pytest.mark.parametrize(
    "quote, plant, category",
    [
        # The label without the code, or the weekday without the day.
        ("SSN ending", "SSN ending 3346", "ssn"),
        ("Visa card ending", "Visa card ending 0427", "account"),
        ("Friday", "on Friday, 2 May", "dates"),
        # Another person, number or place on the same line.
        ("gary pelletier", "normand pelletier", "names"),
        ("044 18 6627", "0-4-4-1-8-6-6-2-8", "ssn"),
        ("Boston", "Westborough", "geography"),
        ("1994", "94", "ages"),
        # Too little of it, or far more than it and a label.
        ("Dana", "Dana Whitfield", "names"),
        ("Elm", "Elm Street", "geography"),
        ("Road", "Old Connecticut Path Road", "geography"),
        ("her sister Lena Marsh drove her in from the farm", "Lena Marsh", "names"),
        ("", "Lena Marsh", "names"),
    ],
)
def test_a_quote_does_not_point_at_a_plant(quote, plant, category):
    assert not score.points_at(quote, plant, category)


@pytest.mark.parametrize(
    "plant, line, expected",
    [
        ({"file": "posts/a.md", "line": 3, "category": "phone", "text": "508-555-0100"}, 3, True),
        ({"file": "posts/a.md", "line": 4, "category": "phone", "text": "508-555-0100"}, 3, True),
        ({"file": "posts/a.md", "line": 9, "category": "phone", "text": "508-555-0100"}, 3, False),
        ({"file": "posts/a.md", "line": 3, "category": "geography", "text": "Natick"}, 3, False),
        ({"file": "images/a.jpg", "category": "phone"}, None, True),
        ({"file": "images/a.jpg", "category": "photos"}, None, False),
    ],
)
def test_a_plant_is_caught_on_its_line_by_a_quote_or_in_a_file_by_its_category(
    plant, line, expected
):
    path = plant["file"]
    message = "looks like a phone number '508-555-0100'; remove it"
    (reported,), _ = score.read_problems([row(path, line, category="phone", message=message)])
    assert score.catches(reported, plant) is expected


def test_a_half_is_scored_by_the_real_command(tmp_path):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "planted.md").write_text(
        "---\ntitle: A call\ndate: 2024-01-01\nslug: a-call\n---\n\nCall her on 617-555-0199.\n",
        encoding="utf-8",
    )
    (content / "posts" / "clean.md").write_text(
        "---\ntitle: Stretches\ndate: 2024-01-01\nslug: stretches\n---\n\nTen slow calf "
        "stretches, twice a day.\n",
        encoding="utf-8",
    )
    answers = {
        "planted": [
            {"file": "posts/planted.md", "line": 7, "category": "phone", "text": "617-555-0199"}
        ],
        "clean": ["posts/clean.md"],
    }
    (tmp_path / "answers.yaml").write_text(yaml.safe_dump(answers), encoding="utf-8")
    result = score.score(tmp_path)
    assert (result["caught"], result["right_category"], result["false_alarms"]) == (1, 1, 0)
    assert result["by_category"]["phone"] == {"planted": 1, "caught": 1, "right": 1}
    assert "recall 1/1 (100.0%)" in score.table(result)


@pytest.mark.parametrize("flag", ["--show", "--json"])
def test_a_sealed_half_prints_its_table_alone(flag, capsys):
    # Refused before anything is read or scored: nothing of the half can be printed.
    assert score.main([str(EVAL / "sealed4"), flag]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "a sealed half prints its table alone" in err


@pytest.mark.parametrize("name", ["Sealed9", "SEALED9"])
def test_a_sealed_half_named_in_capitals_is_sealed_too(tmp_path, name, capsys):
    # On macOS and Windows `SEALED4` opens sealed4 itself (the file system ignores case).
    half = tmp_path / name
    (half / "content").mkdir(parents=True)
    (half / "answers.yaml").write_text("planted: []\nclean: []\n", encoding="utf-8")
    assert score.main([str(half), "--show"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "a sealed half prints its table alone" in err


def test_other_alone_lists_the_other_problems_and_not_the_score(capsys):
    # What mends a corpus before its score (the sealed5 writer saw its table through it).
    assert score.main([str(EVAL / "round2"), "--other"]) == 0
    out, _err = capsys.readouterr()
    assert "recall" not in out and "caught / planted" not in out
    assert all(line.startswith("other: ") for line in out.splitlines())
