"""The findings cache can never answer for inputs it was not made from.

Each test runs the rule book's privacy check twice over one cache folder, with one input
changed in between (the file's text, the allow list, the condition terms, the settings,
the lint's version), and shows the second run's findings follow the change.
"""

from casebook.content.source import parse
from casebook.privacy import cache as lintcache
from casebook.privacy.cache import LintCache, settings_key
from casebook.rules.privacy import Privacy, check_privacy

PLAIN = Privacy()


def run(folder, text, context=PLAIN):
    """The privacy problems of one post, through a cache kept in `folder`, as messages."""
    cache = LintCache(folder)
    problems = check_privacy(parse("posts/a.md", text), context, cache)
    cache.save()
    return sorted(p.message for p in problems if p.category)


POST = "---\ntitle: A case\n---\nReferred by Restless Legs Agony in Natick.\n"


def test_the_text(tmp_path):
    assert any("Natick" in m for m in run(tmp_path, POST))
    assert not any("Natick" in m for m in run(tmp_path, POST.replace("Natick", "the clinic")))


def test_the_allow_list(tmp_path):
    assert any("Natick" in m for m in run(tmp_path, POST))
    assert not any("Natick" in m for m in run(tmp_path, POST, Privacy(allowed=("Natick",))))
    assert any("Natick" in m for m in run(tmp_path, POST))


def test_the_condition_terms(tmp_path):
    named = [m for m in run(tmp_path, POST) if "full name" in m]
    assert named and "Legs Agony" in named[0]
    terms = Privacy(terms=("Restless legs agony",))
    assert not any("full name" in m for m in run(tmp_path, POST, terms))
    # Deleting the term brings the finding back: no stale "no problems" survives.
    assert any("full name" in m for m in run(tmp_path, POST))


def test_an_alias_that_is_a_name_silences_nothing_then_or_after(tmp_path):
    text = "---\ntitle: A case\ntags: [Bus driver's hip]\n---\nDoreen Castellano drives a bus.\n"
    alias = Privacy(terms=("Piriformis syndrome", "Doreen Castellano"))
    assert any("Doreen Castellano" in m for m in run(tmp_path, text, alias))
    assert any("Doreen Castellano" in m for m in run(tmp_path, text, Privacy()))


def test_the_settings(tmp_path):
    text = "---\ntitle: Our site\n---\nSee https://denise-bakes.example.com/ for more.\n"
    plain = Privacy(settings=settings_key({"SITEURL": ""}))
    assert any("URL" in m for m in run(tmp_path, text, plain))
    own = Privacy(
        sites=("denise-bakes.example.com",),
        settings=settings_key({"SITEURL": "https://denise-bakes.example.com"}),
    )
    assert not any("URL" in m for m in run(tmp_path, text, own))
    assert any("URL" in m for m in run(tmp_path, text, plain))


def test_the_lint_s_own_version(tmp_path, monkeypatch):
    calls = []

    def lint():
        calls.append(1)
        return []

    first = LintCache(tmp_path)
    first.findings("text", (), lint)
    first.save()
    LintCache(tmp_path).findings("text", (), lint)
    assert len(calls) == 1  # remembered
    monkeypatch.setattr(lintcache, "rules_version", lambda: "another lint")
    LintCache(tmp_path).findings("text", (), lint)
    assert len(calls) == 2  # a new version of the lint forgets every finding


def test_the_version_covers_the_code_the_data_the_reader_and_the_libraries():
    assert lintcache.READER_MODULES == ("content/source.py", "content/yamlscan.py")
    assert {"phonenumbers", "zipcodes", "confusable-homoglyphs", "pypdf"} <= set(
        lintcache.LIBRARIES
    )
    assert len(lintcache.rules_version()) == 16


def test_a_damaged_cache_is_ignored(tmp_path):
    (tmp_path / lintcache.CACHE_FILE).write_text("{not json", encoding="utf-8")
    assert any("Natick" in m for m in run(tmp_path, POST))
