"""The condition vocabulary: metadata checks, alias lookup, suggestions, conflicts, indexes."""

import datetime

import pytest
from vocabulary import (
    ConditionEntry,
    Vocabulary,
    alphabet_index,
    by_body_area,
    co_occurring,
    entry_from_metadata,
)

RLS_PATH = "content/conditions/restless-legs-syndrome.md"
PIRIFORMIS_PATH = "content/conditions/piriformis-syndrome.md"


def entry(slug, name, **metadata):
    """An entry read from metadata that must be valid."""
    found, problems = entry_from_metadata(
        slug, {"name": name, **metadata}, f"content/conditions/{slug}.md"
    )
    assert problems == []
    return found


@pytest.fixture
def rls():
    return entry(
        "restless-legs-syndrome",
        "Restless legs syndrome",
        aliases=["Restless leg syndrome (RLS)", "RLS", "Restless leg syndrome"],
        codes=["G25.81"],
        body_areas=["Legs"],
    )


@pytest.fixture
def piriformis():
    return entry(
        "piriformis-syndrome",
        "Piriformis syndrome",
        codes=["G57.0"],
        body_areas=["Buttock", "Hip"],
    )


@pytest.fixture
def scoliosis():
    return entry("scoliosis", "Scoliosis", body_areas=["Back"])


@pytest.fixture
def chronic_pain():
    return entry("chronic-pain", "Chronic pain")


@pytest.fixture
def vocabulary(rls, piriformis, scoliosis, chronic_pain):
    return Vocabulary([scoliosis, rls, chronic_pain, piriformis])


# --- lookup ---------------------------------------------------------------


@pytest.mark.parametrize(
    "term",
    [
        "RLS",
        "rls",
        "Restless leg syndrome (RLS)",
        "restless legs syndrome",
        "  Restless   Legs Syndrome ",
        "RESTLESS LEG SYNDROME",
    ],
)
def test_every_spelling_of_rls_is_one_condition(vocabulary, term):
    assert vocabulary.lookup(term).slug == "restless-legs-syndrome"


@pytest.mark.parametrize("term", ["Piriformis Syndrome", "piriformis syndrome"])
def test_lookup_ignores_case(vocabulary, term):
    assert vocabulary.lookup(term).name == "Piriformis syndrome"


def test_lookup_of_an_unknown_term_is_none(vocabulary):
    assert vocabulary.lookup("Plantar fasciitis") is None
    assert vocabulary.lookup("") is None


def test_lookup_does_not_match_parts_of_a_term(vocabulary):
    assert vocabulary.lookup("Restless") is None
    assert vocabulary.lookup("RLS pain") is None


# --- suggestions ----------------------------------------------------------


def test_suggest_offers_the_closest_name_first(vocabulary):
    assert vocabulary.suggest("Piriformis syndrom")[0] == "Piriformis syndrome"


def test_suggest_gives_each_condition_once_under_its_name(vocabulary):
    # The name and three aliases are all close; one canonical name comes back.
    suggestions = vocabulary.suggest("Restless leg syndrom")
    assert suggestions[0] == "Restless legs syndrome"
    assert len(suggestions) == len(set(suggestions))


def test_suggest_maps_an_alias_hit_to_the_name(vocabulary):
    assert vocabulary.suggest("RLSS") == ["Restless legs syndrome"]


def test_suggest_respects_n(vocabulary):
    assert len(vocabulary.suggest("syndrome", n=1)) <= 1


def test_suggest_nothing_when_nothing_is_close(vocabulary):
    assert vocabulary.suggest("Tennis elbow") == []


def test_suggest_on_an_empty_vocabulary():
    assert Vocabulary([]).suggest("Sciatica") == []


# --- the collection -------------------------------------------------------


def test_iterates_sorted_by_name_whatever_the_case(vocabulary):
    lower = entry("lumbago", "lumbago")
    names = [e.name for e in Vocabulary([*vocabulary, lower])]
    assert names == [
        "Chronic pain",
        "lumbago",
        "Piriformis syndrome",
        "Restless legs syndrome",
        "Scoliosis",
    ]


def test_len_and_by_slug(vocabulary, scoliosis):
    assert len(vocabulary) == 4
    assert vocabulary.by_slug("scoliosis") == scoliosis
    assert vocabulary.by_slug("Scoliosis") is None


def test_a_clean_vocabulary_has_no_problems(vocabulary):
    assert vocabulary.problems == []


# --- conflicts ------------------------------------------------------------


def test_an_alias_on_two_conditions_names_both_files(rls):
    other = entry("rheumatoid-lung", "Rheumatoid lung disease", aliases=["rls "])
    vocabulary = Vocabulary([rls, other])
    [problem] = vocabulary.problems
    assert problem.path == "content/conditions/rheumatoid-lung.md"
    assert RLS_PATH in problem.message
    assert "'rls'" in problem.message
    assert "keep it on one condition" in problem.message
    # The first file keeps the term; the second still exists under its name.
    assert vocabulary.lookup("RLS") == rls
    assert vocabulary.lookup("Rheumatoid lung disease") == other


def test_a_name_used_as_another_conditions_alias_is_a_conflict(rls):
    other = entry("restless-leg-syndrome", "Restless leg syndrome")
    [problem] = Vocabulary([rls, other]).problems
    assert problem.path == "content/conditions/restless-leg-syndrome.md"
    assert problem.message.startswith("name 'Restless leg syndrome'")
    assert RLS_PATH in problem.message


def test_two_conditions_with_one_name_conflict(piriformis):
    again = entry("piriformis", "piriformis  syndrome")
    [problem] = Vocabulary([piriformis, again]).problems
    assert "the name of" in problem.message
    assert PIRIFORMIS_PATH in problem.message


def test_a_duplicate_slug_names_both_files_and_keeps_the_first(piriformis):
    again = ConditionEntry(
        "piriformis-syndrome",
        "Piriformis",
        source_path="content/conditions/x/piriformis-syndrome.md",
    )
    vocabulary = Vocabulary([piriformis, again])
    [problem] = vocabulary.problems
    assert problem.path == "content/conditions/x/piriformis-syndrome.md"
    assert PIRIFORMIS_PATH in problem.message
    assert "'piriformis-syndrome'" in problem.message
    assert len(vocabulary) == 1
    assert vocabulary.by_slug("piriformis-syndrome") == piriformis
    assert vocabulary.lookup("Piriformis") is None


def test_an_alias_equal_to_its_own_name_is_harmless():
    found = entry("sciatica", "Sciatica", aliases=["sciatica", "SCIATICA ", "Sciatic pain"])
    assert found.aliases == ("Sciatic pain",)
    assert Vocabulary([found]).problems == []


# --- metadata -------------------------------------------------------------


def read(metadata):
    return entry_from_metadata("sciatica", metadata, "content/conditions/sciatica.md")


def test_full_metadata_becomes_an_entry():
    found, problems = read(
        {
            "name": " Sciatica ",
            "aliases": ["sciatic nerve entrapment"],
            "codes": [" m54.30 ", "M54.31"],
            "body_areas": ["Back", "Legs"],
            "reviewed": datetime.date(2026, 11, 1),
            # Keys Pelican adds or reads itself are none of the vocabulary's business.
            "title": "Sciatica",
            "slug": "sciatica",
            "summary": "<p>Pain along the sciatic nerve.</p>",
            "date": datetime.datetime(2026, 11, 1, 9, 0),
            "colour": "blue",
        }
    )
    assert problems == []
    assert found == ConditionEntry(
        slug="sciatica",
        name="Sciatica",
        aliases=("sciatic nerve entrapment",),
        codes=("M54.30", "M54.31"),
        body_areas=("Back", "Legs"),
        reviewed=datetime.date(2026, 11, 1),
        source_path="content/conditions/sciatica.md",
    )


@pytest.mark.parametrize("metadata", [{}, {"name": ""}, {"name": "   "}, {"aliases": ["x"]}])
def test_a_missing_name_gives_no_entry_and_says_what_to_add(metadata):
    found, problems = read(metadata)
    assert found is None
    assert [p.message for p in problems] == [
        "name: missing; add `name: <display name>` to the front matter"
    ]
    assert problems[0].path == "content/conditions/sciatica.md"


def test_a_name_that_is_not_text_gives_no_entry():
    found, [problem] = read({"name": 1984})
    assert found is None
    assert problem.message.startswith("name: 1984 is not text")


@pytest.mark.parametrize("key", ["aliases", "codes", "body_areas"])
def test_a_single_string_is_a_list_of_one(key):
    found, problems = read({"name": "Sciatica", key: "Back"})
    assert problems == []
    assert getattr(found, key) == (("BACK",) if key == "codes" else ("Back",))


@pytest.mark.parametrize("key", ["aliases", "codes", "body_areas"])
@pytest.mark.parametrize("value", [{"a": 1}, 12, True])
def test_a_list_key_of_the_wrong_type_names_the_key(key, value):
    found, [problem] = read({"name": "Sciatica", key: value})
    assert problem.message.startswith(f"{key}: expected a list of text, got ")
    assert f"`{key}: [first, second]`" in problem.message
    assert getattr(found, key) == ()


def test_a_list_item_that_is_not_text_names_the_key_and_item():
    found, problems = read({"name": "Sciatica", "codes": ["M54.30", 5430, ""]})
    assert [p.message for p in problems] == [
        "codes: item 2 (5430) is not text; put it in quotes or remove it",
        "codes: item 3 is empty; remove it",
    ]
    assert found.codes == ("M54.30",)


def test_codes_are_stripped_upper_cased_and_not_repeated():
    found, _ = read({"name": "Sciatica", "codes": [" m54.30", "M54.30 ", "g57.0"]})
    assert found.codes == ("M54.30", "G57.0")


@pytest.mark.parametrize(
    "value",
    [
        datetime.date(2026, 11, 1),
        datetime.datetime(2026, 11, 1, 14, 30),
        "2026-11-01",
        " 2026-11-01 ",
    ],
)
def test_reviewed_accepts_dates_and_iso_text(value):
    found, problems = read({"name": "Sciatica", "reviewed": value})
    assert problems == []
    assert found.reviewed == datetime.date(2026, 11, 1)
    assert type(found.reviewed) is datetime.date


@pytest.mark.parametrize("value", ["November 2026", "2026-13-01", 2026, ["2026-11-01"]])
def test_reviewed_that_is_not_a_date_names_the_key(value):
    found, [problem] = read({"name": "Sciatica", "reviewed": value})
    assert problem.message.startswith(f"reviewed: {value!r} is not a date")
    assert "YYYY-MM-DD" in problem.message
    assert found.reviewed is None


def test_problems_are_reported_even_when_the_name_is_missing():
    found, problems = read({"aliases": 3, "reviewed": "soon"})
    assert found is None
    assert sorted(p.message.split(":")[0] for p in problems) == ["aliases", "name", "reviewed"]


# --- A–Z index ------------------------------------------------------------


def labels(group):
    return [(i.label, i.is_alias) for i in group]


def test_alphabet_index_has_every_letter_even_empty_ones(vocabulary):
    index = alphabet_index(vocabulary)
    assert [letter for letter, _ in index] == list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    groups = dict(index)
    assert groups["A"] == []
    assert groups["Z"] == []
    assert labels(groups["C"]) == [("Chronic pain", False)]


def test_alphabet_index_lists_aliases_flagged_and_sorted(vocabulary, rls):
    groups = dict(alphabet_index(vocabulary))
    assert labels(groups["R"]) == [
        ("Restless leg syndrome", True),
        ("Restless leg syndrome (RLS)", True),
        ("Restless legs syndrome", False),
        ("RLS", True),
    ]
    assert all(i.condition == rls for i in groups["R"])


def test_alphabet_index_sorts_without_regard_to_case():
    entries = [entry("b", "beta"), entry("a", "Alpha", aliases=["apex", "Azure"])]
    groups = dict(alphabet_index(entries))
    assert labels(groups["A"]) == [("Alpha", False), ("apex", True), ("Azure", True)]
    assert labels(groups["B"]) == [("beta", False)]


def test_alphabet_index_files_accented_letters_under_the_plain_one():
    groups = dict(alphabet_index([entry("oedema", "Ödema", aliases=["Élan"])]))
    assert labels(groups["O"]) == [("Ödema", False)]
    assert labels(groups["E"]) == [("Élan", True)]


def test_alphabet_index_adds_a_hash_group_only_for_non_letters(vocabulary):
    fracture = entry("fifth-metatarsal", "5th metatarsal fracture", aliases=["Jones fracture"])
    index = alphabet_index([*vocabulary, fracture])
    assert [letter for letter, _ in index][-2:] == ["Z", "#"]
    assert len(index) == 27
    assert labels(dict(index)["#"]) == [("5th metatarsal fracture", False)]
    assert labels(dict(index)["J"]) == [("Jones fracture", True)]


# --- by body area ---------------------------------------------------------


def test_by_body_area_sorts_areas_and_names_with_other_last(vocabulary):
    sciatica = entry("sciatica", "Sciatica", body_areas=["back", "Legs"])
    lumbago = entry("lumbago", "Lumbago", body_areas=["Back"])
    frozen = entry("frozen-shoulder", "Frozen shoulder", body_areas=["Shoulder"])
    grouped = [
        (area, [e.name for e in entries])
        for area, entries in by_body_area([*vocabulary, sciatica, frozen, lumbago])
    ]
    assert grouped == [
        ("Back", ["Lumbago", "Sciatica", "Scoliosis"]),
        ("Buttock", ["Piriformis syndrome"]),
        ("Hip", ["Piriformis syndrome"]),
        ("Legs", ["Restless legs syndrome", "Sciatica"]),
        ("Shoulder", ["Frozen shoulder"]),
        ("Other", ["Chronic pain"]),
    ]


def test_by_body_area_of_nothing_is_empty():
    assert by_body_area([]) == []


# --- co-occurrence --------------------------------------------------------


def test_co_occurring_counts_pairs_most_shared_first():
    together = co_occurring(
        [
            ["rls", "piriformis", "scoliosis"],
            ["rls", "piriformis"],
            ["rls", "scoliosis", "rls"],  # a repeated tag counts once
            ["piriformis", "asymmetry"],
            ["sciatica"],
            [],
        ]
    )
    assert together["rls"] == [("piriformis", 2), ("scoliosis", 2)]
    assert together["piriformis"] == [("rls", 2), ("asymmetry", 1), ("scoliosis", 1)]
    assert together["scoliosis"] == [("rls", 2), ("piriformis", 1)]
    assert together["asymmetry"] == [("piriformis", 1)]
    assert together["sciatica"] == []
    assert set(together) == {"rls", "piriformis", "scoliosis", "asymmetry", "sciatica"}


def test_co_occurring_accepts_any_iterable_of_sequences():
    together = co_occurring(tags for tags in [("a", "b"), ("b", "a")])
    assert together == {"a": [("b", 2)], "b": [("a", 2)]}
