"""The privacy lint measured on the corpus of issue 19, through the real `make check`.

Every corpus is scored by tests/privacy_eval/score.py and its table printed (the `measured`
section at the end of the run). The targets are asserted on the corpora the lint was tuned
on (the tuning half, rounds 2 and 3): at least 95 % recall in every category and at most one
false alarm per ten clean files. Round 4's open half is scored and shown, and only its
shape asserted, until the lint is tuned on it. The sealed corpora (sealed, sealed2, sealed3)
are scored and shown, nothing more: they are never tuned against, so nothing of them but their
tables is printed.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent / "privacy_eval"
spec = importlib.util.spec_from_file_location("privacy_score", EVAL / "score.py")
score = importlib.util.module_from_spec(spec)
sys.modules["privacy_score"] = score  # its dataclasses look their module up by name
spec.loader.exec_module(score)

RECALL = 0.95  # in every category
ALARMS_PER_CLEAN_FILE = 0.1


# The corpora the lint was tuned on: the first tuning half, and rounds 2 and 3 (corpora by
# other authors, each scored before it was tuned on: tests/privacy_eval/round*/SCORE.md).
TUNED_ON = ("tuning", "round2", "round3")
_scores: dict[str, dict] = {}


def scored(name):
    """The score of one tuned-on corpus, computed once per run."""
    if name not in _scores:
        _scores[name] = score.score(EVAL / name)
    return _scores[name]


@pytest.fixture(scope="module")
def tuning():
    return scored("tuning")


@pytest.mark.parametrize("name", TUNED_ON)
def test_each_tuned_on_corpus_meets_the_targets(name, record_property):
    result = scored(name)
    print(f"\n{name}\n" + score.table(result))
    record_property(f"privacy_eval_{name}", "\n" + score.table(result))
    short = {
        category: f"{row['caught']}/{row['planted']}"
        for category, row in result["by_category"].items()
        if row["planted"] and row["caught"] < RECALL * row["planted"]
    }
    assert short == {}, [(p["file"], p.get("line"), p["category"]) for p in result["missed"]]
    assert result["false_alarms"] <= ALARMS_PER_CLEAN_FILE * result["clean_files"], result["alarms"]


def well_made(result) -> bool:
    """A half of the issue's shape: 8 plants in every category, 150 in all, 20 clean files."""
    rich = {c for c, row in result["by_category"].items() if row["planted"] >= 8}
    return rich == set(score.CATEGORIES) and (
        result["planted"] >= 150 and result["clean_files"] >= 20
    )


def test_every_category_is_planted_in_the_tuning_half(tuning):
    assert well_made(tuning), tuning["by_category"]


# The open halves of rounds 4 and 5: scored and shown, their shape asserted; not held to
# the targets yet (a half joins TUNED_ON once the lint has been tuned on it to them).
NOT_YET_TUNED_ON = ("round4", "round5", "round6", "round7", "round8")


@pytest.mark.parametrize("name", NOT_YET_TUNED_ON)
def test_each_open_corpus_not_yet_tuned_on_is_scored_and_shown(name, record_property):
    result = scored(name)
    print(f"\n{name} (not yet tuned on)\n" + score.table(result))
    record_property(f"privacy_eval_{name}", "\n" + score.table(result))
    assert well_made(result), result["by_category"]


# Clean text only, written to show the false alarms of text never seen (clean5/SCORE.md):
# scored and shown, its false alarms counted, until it is tuned on.
CLEAN_ONLY = ("clean5",)


@pytest.mark.parametrize("name", CLEAN_ONLY)
def test_each_clean_only_corpus_is_scored_and_shown(name, record_property):
    result = scored(name)
    summary = score.table(result).splitlines()[-1]
    print(f"\n{name} (clean files only, not yet tuned on)\n{summary}")
    record_property(f"privacy_eval_{name}", summary)
    assert result["planted"] == 0 and result["clean_files"] >= 40


# The sealed halves: never tuned against, so nothing of them but their tables is printed.
SEALED = (
    "sealed",
    "sealed2",
    "sealed3",
    "sealed4",
    "sealed5",
    "sealed6",
    "sealed7",
    "sealed8",
    "sealed9",
)


@pytest.mark.parametrize("name", SEALED)
def test_each_sealed_half_is_scored_and_only_its_table_shown(name, record_property):
    sealed = EVAL / name
    if not (sealed / "answers.yaml").is_file():
        pytest.skip(f"the sealed half is not in this checkout (tests/privacy_eval/{name})")
    result = score.score(sealed)
    table = score.table(result)
    print(f"\n{name} half (table only: never tuned against)\n" + table)
    record_property(f"privacy_eval_{name}", "\n" + table)
    assert result["planted"] > 0 and set(result["by_category"]) == set(score.CATEGORIES)
