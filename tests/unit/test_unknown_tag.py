"""The advice for an unknown tag offers `make condition`, quoted so a shell runs nothing."""

import shlex
import subprocess

import pytest
from vocabulary import ConditionEntry, Vocabulary, new_condition

VOCABULARY = Vocabulary(
    [
        ConditionEntry("neck-pain", "Neck pain", ("Cervicalgia",)),
        ConditionEntry("sciatica", "Sciatica"),
    ]
)


def test_a_misspelt_tag_gets_the_close_name_and_the_command():
    assert VOCABULARY.unknown_tag("Neck pian") == (
        "tags: 'Neck pian' is not a known condition; did you mean Neck pain? fix the tag, "
        "add it as an alias in content/conditions/, or start a new condition: "
        "make condition NAME='Neck pian'"
    )


def test_a_tag_like_no_condition_gets_only_the_command():
    assert VOCABULARY.unknown_tag("Frozen shoulder") == (
        "tags: 'Frozen shoulder' is not a known condition; fix the tag, add it as an alias "
        "in content/conditions/, or start a new condition: make condition NAME='Frozen shoulder'"
    )


def test_a_one_word_name_needs_no_quotes():
    assert new_condition("Whiplash") == "make condition NAME=Whiplash"


def test_whitespace_and_newlines_become_one_space():
    assert new_condition("  Frozen\n\tshoulder ") == "make condition NAME='Frozen shoulder'"


def test_a_long_tag_is_left_out_of_the_command():
    assert new_condition("x" * 61) == "make condition NAME='<its name>'"
    assert new_condition("x" * 100_000) == "make condition NAME='<its name>'"
    assert new_condition("x" * 60) == f"make condition NAME={'x' * 60}"


HOSTILE = [
    "Neck `touch {m}` pain",
    "Neck $(touch {m}) pain",
    "Neck '; touch {m}; ' pain",
    'Neck "; touch {m}; " pain',
    "Neck \\ pain; touch {m}",
    "Neck <b>pain</b> | touch {m} &",
]


@pytest.mark.parametrize("form", HOSTILE)
def test_a_hostile_tag_pasted_into_a_shell_runs_nothing_and_arrives_verbatim(tmp_path, form):
    marker = tmp_path / "injected"
    tag = form.format(m="injected")  # relative to where the shell runs: a short tag
    command = new_condition(tag)
    # As the practitioner would paste it, with `make` replaced by a command that prints
    # the argument the shell handed it.
    pasted = command.replace("make condition ", "printf '%s' ", 1)
    done = subprocess.run(
        ["sh", "-c", pasted], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert not marker.exists()
    assert done.stdout == f"NAME={tag}"
    assert shlex.split(command) == ["make", "condition", f"NAME={tag}"]
