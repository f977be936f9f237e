"""The casebook plugin in real builds: conditions, aliases, follow-ups, series, problems."""

import logging

from conftest import build, copy_fixture


def titles(page, selector):
    """Link texts under `selector`, in page order."""
    return [a.get_text(strip=True) for a in page.select(f"{selector} a")]


def post_titles(page):
    return [h.get_text(strip=True) for h in page.select("main .post-list h2, main .post-list h3")]


# Conditions and aliases


def test_every_spelling_of_a_condition_lists_the_post_on_one_page(build_fixture):
    site = build_fixture("aliases")
    page = site.page("conditions/restless-legs-syndrome/")
    assert page.find("h1").get_text(strip=True) == "Restless legs syndrome"
    # Newest first, one list for "RLS", "Restless leg syndrome (RLS)" and the rest.
    assert post_titles(page) == ["Post four", "Post three", "Post two", "Post one"]
    assert site.messages(logging.WARNING) == []


def test_posts_link_to_canonical_conditions_once(build_fixture):
    site = build_fixture("aliases")
    page = site.page("one/")
    links = {a.get_text(strip=True): a["href"] for a in page.select("main a[href*='/conditions/']")}
    assert links["Restless legs syndrome"] == "/conditions/restless-legs-syndrome/"
    assert links["Piriformis syndrome"] == "/conditions/piriformis-syndrome/"
    assert "RLS" not in links and "Piriformis Syndrome" not in links


def test_core_tag_pages_are_not_written(build_fixture):
    site = build_fixture("aliases")
    written = {p.relative_to(site.output).as_posix() for p in site.output.rglob("*.html")}
    assert not any(p.startswith(("tag/", "tags")) for p in written)
    assert "conditions/index.html" in written


def test_condition_page_shows_codes_explanation_and_review_date(build_fixture):
    site = build_fixture("aliases")
    page = site.page("conditions/restless-legs-syndrome/")
    codes = page.select_one(".codes").get_text(" ", strip=True)
    assert "G25.81" in codes and "Restless legs syndrome" in codes
    assert "urge to move the legs" in page.select_one(".condition-description").get_text()
    assert page.select_one(".reviewed time")["datetime"] == "2026-11-01"
    assert "RLS" in page.select_one(".aliases").get_text()


def test_condition_page_lists_co_occurring_conditions_with_counts(build_fixture):
    site = build_fixture("aliases")
    page = site.page("conditions/restless-legs-syndrome/")
    items = [li.get_text(" ", strip=True) for li in page.select(".co-occurring li")]
    assert items[0].startswith("Piriformis syndrome") and "2 posts" in items[0]
    assert items[1].startswith("Scoliosis") and "1 post" in items[1]


def test_condition_feed_exists_and_is_announced(build_fixture):
    site = build_fixture(
        "aliases",
        config="publishconf.py",
        SITEURL="https://example.test",
        FEED_DOMAIN="https://example.test",
    )
    page = site.page("conditions/restless-legs-syndrome/")
    feeds = [
        link["href"] for link in page.select('link[rel="alternate"][type="application/atom+xml"]')
    ]
    assert "https://example.test/conditions/restless-legs-syndrome/feed.atom" in feeds
    feed = (site.output / "conditions/restless-legs-syndrome/feed.atom").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 4


def test_condition_pages_paginate(build_fixture):
    site = build_fixture("aliases", DEFAULT_PAGINATION=3)
    first = site.page("conditions/restless-legs-syndrome/")
    second = site.page("conditions/restless-legs-syndrome/page/2/")
    assert post_titles(first) == ["Post four", "Post three", "Post two"]
    assert post_titles(second) == ["Post one"]


def test_index_has_letters_aliases_and_body_areas(build_fixture):
    site = build_fixture("aliases")
    page = site.page("conditions/")
    letters = page.select_one('nav[aria-label="Letters"]')
    linked = [a.get_text(strip=True) for a in letters.select("a")]
    assert linked == ["P", "R", "S"]
    assert len(letters.select("a")) + len(letters.select("[aria-disabled='true']")) == 26
    r_section = page.find(id="letter-r").find_next("ul").get_text(" ", strip=True)
    assert "RLS, see Restless legs syndrome" in " ".join(r_section.split())
    main_entry = page.select_one("#letter-r ~ ul li:not(.alias) a")
    assert main_entry.get_text(strip=True) == "Restless legs syndrome"
    assert main_entry["href"] == "/conditions/restless-legs-syndrome/"
    assert "(4 posts)" in main_entry.parent.get_text(" ", strip=True)
    assert page.find(id="by-body-area").get_text(strip=True) == "By body area"
    area_heads = [h.get_text(strip=True) for h in page.select("h3")]
    assert area_heads == ["Back", "Hips and buttocks", "Legs"]


def test_unknown_tag_warns_with_file_and_suggestion(build_fixture):
    site = build_fixture("unknown")
    warnings = site.messages(logging.WARNING)
    assert len(warnings) == 1
    assert "misspelt.md" in warnings[0]
    assert "'Piriformis syndrom'" in warnings[0]
    assert "did you mean Piriformis syndrome" in warnings[0]


# Follow-ups and series


def test_chain_reads_in_order_whatever_the_file_order(build_fixture):
    site = build_fixture("chain")
    page = site.page("m-second/")
    series = page.select_one("nav.series")
    assert series.select_one(".series-position").get_text(strip=True) == "Part 2 of 3"
    assert [li.get_text(strip=True) for li in series.select("ol li")] == [
        "Post z-first",
        "Post m-second",
        "Post a-third",
    ]
    assert series.select_one('a[rel="prev"]')["href"] == "/z-first/"
    assert series.select_one('a[rel="next"]')["href"] == "/a-third/"
    last = site.page("a-third/").select_one("nav.series")
    assert last.select_one('a[rel="next"]') is None


def test_follow_ups_link_both_ways(build_fixture):
    site = build_fixture("chain")
    later = site.page("m-second/")
    assert later.select_one(".follows a")["href"] == "/z-first/"
    earlier = site.page("z-first/")
    assert titles(earlier, ".follow-ups") == ["Post m-second"]


def test_several_follow_ups_are_ordered_by_date(build_fixture):
    site = build_fixture("chain")
    page = site.page("root/")
    assert titles(page, ".follow-ups") == ["Post early-reply", "Post later-reply"]
    series = page.select_one("nav.series .series-position").get_text(strip=True)
    assert series == "Part 1 of 3"


def test_announcement_shows_only_until_a_follow_up_exists(build_fixture):
    site = build_fixture("chain")
    assert (
        "her perpetuating factors"
        in site.page("pending/").select_one(".followup-pending").get_text()
    )
    assert site.page("z-first/").select_one(".followup-pending") is None


def test_linked_posts_are_not_repeated_as_related(build_fixture):
    site = build_fixture("chain")
    page = site.page("z-first/")
    related = titles(page, ".related")
    assert "Post m-second" not in related and "Post a-third" not in related
    assert "Post root" in related


def test_broken_follows_name_the_files(build_fixture):
    site = build_fixture("broken")
    warnings = "\n".join(site.messages(logging.WARNING))
    assert "dangling.md" in warnings and "no-such-post" in warnings
    assert "selfish.md" in warnings
    assert "loop-a.md" in warnings and "loop-b.md" in warnings
    for slug in ("dangling", "selfish", "loop-a", "loop-b"):
        page = site.page(f"{slug}/")
        assert page.select_one(".follows") is None and page.select_one("nav.series") is None


def test_unpublished_posts_are_never_linked(build_fixture):
    site = build_fixture("drafts")
    page = site.page("published/")
    assert page.select_one(".follow-ups") is None
    # Its only follow-ups are a draft, a hidden and a future post: the note stays.
    assert "the next steps" in page.select_one(".followup-pending").get_text()
    # Hidden posts have a page of their own, reachable only by its address.
    published_html = [
        p
        for p in site.output.rglob("*.html")
        if "drafts" not in p.parts and "hidden-reply" not in p.parts
    ]
    for path in published_html:
        text = path.read_text(encoding="utf-8")
        for slug in ("draft-reply", "hidden-reply", "future-reply", "draft-root"):
            assert f"/{slug}/" not in text, (path, slug)
    warnings = "\n".join(site.messages(logging.WARNING))
    assert "follows-draft.md" in warnings and "draft" in warnings


def test_a_rebuild_in_the_same_process_sees_a_changed_follows(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("chain", content)
    first = build(content, tmp_path / "one", caplog)
    assert titles(first.page("root/"), ".follow-ups") == ["Post early-reply", "Post later-reply"]

    reply = content / "cases" / "later-reply.md"
    reply.write_text(reply.read_text().replace("follows: root", "follows: pending"))
    second = build(content, tmp_path / "one", caplog)
    assert titles(second.page("root/"), ".follow-ups") == ["Post early-reply"]
    assert titles(second.page("pending/"), ".follow-ups") == ["Post later-reply"]
    assert second.page("pending/").select_one(".followup-pending") is None
    assert second.page("later-reply/").select_one(".follows a")["href"] == "/pending/"


def test_a_case_without_consent_is_flagged(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("chain", content)
    (content / "cases" / "no-consent.md").write_text(
        "---\ntitle: No consent\ndate: 2011-01-01\nslug: no-consent\ntags: [Scoliosis]\n"
        "summary: A complete case, but for consent.\n"
        "case:\n  client: Jo P.\n  consent: false\n  presenting_complaint: Back pain.\n"
        "  findings: A curve.\n  interventions: Stretches.\n  sessions: 2\n"
        "  outcome: Better.\n  outcome_status: improved\n  follow_up: None.\n---\nText.\n"
    )
    site = build(content, tmp_path, caplog)
    warnings = site.messages(logging.WARNING)
    assert len(warnings) == 1 and "no-consent.md" in warnings[0] and "consent" in warnings[0]
    banner = site.page("no-consent/").select_one(".banner-unpublishable")
    assert "no consent" in banner.get_text()


def test_a_rebuild_with_the_content_cache_sees_a_renamed_condition(tmp_path, caplog):
    # Posts come back from Pelican's content cache as they were pickled; the
    # tags a post was written with must be matched again, not last build's names.
    content = tmp_path / "content"
    copy_fixture("chain", content)
    (content / "cases" / "legs.md").write_text(
        "---\ntitle: Legs\ndate: 2011-01-01\nslug: legs\ntags: [RLS]\n---\nText.\n"
    )
    first = build(content, tmp_path / "one", caplog)
    assert first.messages(logging.WARNING) == []
    condition = content / "conditions" / "restless-legs-syndrome.md"
    condition.write_text(
        condition.read_text().replace("name: Restless legs syndrome", "name: Willis-Ekbom disease")
    )
    second = build(content, tmp_path / "one", caplog)
    assert second.messages(logging.WARNING) == []
    page = second.page("conditions/restless-legs-syndrome/")
    assert page.select_one("main h1").get_text(strip=True) == "Willis-Ekbom disease"
    assert "/legs/" in [a["href"] for a in page.select("main a")]
