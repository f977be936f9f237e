"""The privacy lint measured on the corpus of issue 19, through the real `make check`.

Both halves are scored by tests/privacy_eval/score.py and their tables printed (the
`measured` section at the end of the run). The targets are asserted on the corpora the
lint was tuned on (the tuning half, and round 2): at least 95 % recall in every category and at most
one false alarm per ten clean files. The sealed half is scored and shown, nothing more:
it is never tuned against, so nothing of it but its table is printed.
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


def test_every_category_is_planted_in_the_tuning_half(tuning):
    assert {c for c, row in tuning["by_category"].items() if row["planted"] >= 8} == set(
        score.CATEGORIES
    )
    assert tuning["planted"] >= 150 and tuning["clean_files"] >= 20


def test_the_sealed_half_is_scored_and_only_its_table_shown(record_property):
    sealed = EVAL / "sealed"
    if not (sealed / "answers.yaml").is_file():
        pytest.skip("the sealed half is not in this checkout (tests/privacy_eval/sealed)")
    result = score.score(sealed)
    table = score.table(result)
    print("\nsealed half (table only: never tuned against)\n" + table)
    record_property("privacy_eval_sealed", "\n" + table)
    assert result["planted"] > 0 and set(result["by_category"]) == set(score.CATEGORIES)
