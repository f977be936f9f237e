"""Sharing a case with a clinician: summary box, permanent links, previews, structured data."""

import json
import logging
from urllib.parse import parse_qs, urlsplit

from conftest import build, copy_fixture, summary_field

TRICKY_SUMMARY = 'Pain went from "8" to <3 & stayed there.'


def json_ld(page):
    """Every JSON-LD node on the page, flattened out of @graph."""
    nodes = []
    for script in page.select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        nodes.extend(data.get("@graph", [data]))
    return {node["@type"]: node for node in nodes}


def test_summary_box_shows_present_fields_in_fixed_order(build_fixture):
    site = build_fixture("sharing")
    box = site.page("tricky-case/").select_one(".case-summary")
    labels = [dt.get_text(strip=True) for dt in box.select("dt")]
    assert labels == [
        "Client",
        "Presenting complaint",
        "Findings",
        "Treatment",
        "Sessions",
        "Outcome",
        "Outcome status",
    ]
    assert all(dd.get_text(strip=True) for dd in box.select("dd"))
    # The status as a reader sees it, written `resolved` in the front matter.
    page = site.page("tricky-case/")
    assert summary_field(page, "Outcome status").get_text(strip=True) == "Resolved"
    other = site.page("scoliosis-heel-lift/").select_one(".case-summary")
    assert [dt.get_text(strip=True) for dt in other.select("dt")] == [
        "Client",
        "Sessions",
        "Follow-up",
        "In the client's words",
    ]


def test_summary_survives_attributes_intact(build_fixture):
    site = build_fixture("sharing")
    page = site.page("tricky-case/")
    assert page.select_one('meta[name="description"]')["content"] == TRICKY_SUMMARY
    assert page.select_one('meta[property="og:description"]')["content"] == TRICKY_SUMMARY
    # X (Twitter) falls back to og:description; the page repeats nothing it need not.
    assert page.select_one('meta[name="twitter:card"]')["content"] == "summary"
    assert page.select_one('meta[name="twitter:description"]') is None
    assert (
        page.select_one('meta[property="og:title"]')["content"] == 'Piriformis & RLS: "Ann" <case>'
    )
    # One description each: nothing leaked out of an attribute into new tags.
    assert len(page.select('meta[name="description"]')) == 1


def test_publish_links_are_absolute_and_canonical(build_fixture):
    site = build_fixture("sharing", SITEURL="https://example.test")
    page = site.page("tricky-case/")
    assert page.select_one('link[rel="canonical"]')["href"] == "https://example.test/tricky-case/"
    assert (
        page.select_one('meta[property="og:url"]')["content"] == "https://example.test/tricky-case/"
    )
    condition = site.page("conditions/scoliosis/")
    assert (
        condition.select_one('link[rel="canonical"]')["href"]
        == "https://example.test/conditions/scoliosis/"
    )
    assert condition.select_one('meta[name="description"]')["content"]


def test_post_structured_data(build_fixture):
    site = build_fixture("sharing", SITEURL="https://example.test")
    nodes = json_ld(site.page("tricky-case/"))
    post = nodes["BlogPosting"]
    assert post["headline"] == 'Piriformis & RLS: "Ann" <case>'
    assert post["datePublished"].startswith("2011-05-06")
    assert post["author"]["name"]
    about = {c["name"]: c for c in post["about"]}
    assert set(about) == {"Restless legs syndrome", "Piriformis syndrome"}
    assert about["Restless legs syndrome"]["@type"] == "MedicalCondition"
    assert about["Restless legs syndrome"]["code"] == [
        {"@type": "MedicalCode", "codeValue": "G25.81", "codingSystem": "ICD-10-CM"}
    ]
    crumbs = nodes["BreadcrumbList"]["itemListElement"]
    assert crumbs[-1]["item"] == "https://example.test/tricky-case/"


def test_condition_structured_data(build_fixture):
    site = build_fixture("sharing", SITEURL="https://example.test")
    nodes = json_ld(site.page("conditions/restless-legs-syndrome/"))
    page = nodes["MedicalWebPage"]
    assert page["lastReviewed"] == "2026-11-01"
    condition = page["about"]
    assert condition["@type"] == "MedicalCondition"
    assert "RLS" in condition["alternateName"]
    assert condition["code"][0]["codingSystem"] == "ICD-10-CM"
    names = [c["name"] for c in nodes["BreadcrumbList"]["itemListElement"]]
    assert names == ["Home", "Conditions", "Restless legs syndrome"]


def test_condition_page_shows_official_code_titles(build_fixture):
    site = build_fixture("sharing")
    codes = (
        site.page("conditions/piriformis-syndrome/").select_one(".codes").get_text(" ", strip=True)
    )
    assert "G57.00" in codes and "Lesion of sciatic nerve" in codes


def test_unknown_icd_code_is_a_problem_naming_the_file(build_fixture):
    site = build_fixture("badcode")
    warnings = site.messages(logging.WARNING)
    assert len(warnings) == 1
    assert "scoliosis.md" in warnings[0] and "Q99.999" in warnings[0]


def test_share_area_has_an_email_link_and_the_url(build_fixture):
    site = build_fixture("sharing", SITEURL="https://example.test")
    share = site.page("tricky-case/").select_one(".share")
    mail = urlsplit(share.select_one('a[href^="mailto:"]')["href"])
    query = parse_qs(mail.query)
    assert query["subject"] == ['Piriformis & RLS: "Ann" <case>']
    assert "https://example.test/tricky-case/" in query["body"][0]
    field = share.select_one("input[readonly]")
    assert field["value"] == "https://example.test/tricky-case/"
    assert share.find("label", attrs={"for": field["id"]})
    assert not share.select("script, iframe")


def test_clinicians_page_lists_cases_by_condition(build_fixture):
    site = build_fixture("sharing")
    page = site.page("for-clinicians/")
    headings = [h.get_text(strip=True) for h in page.select("main h3")]
    assert headings == ["Piriformis syndrome", "Restless legs syndrome", "Scoliosis"]
    scoliosis = page.find("h3", string="Scoliosis").find_next("li").get_text(" ", strip=True)
    assert "Scoliosis and a heel lift" in scoliosis
    assert "A heel lift and stretches." in scoliosis and "3 sessions" in scoliosis


def test_a_post_without_a_slug_is_warned_about(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("aliases", content)
    (content / "cases" / "no-slug.md").write_text(
        "---\ntitle: No slug here\ndate: 2011-01-01\ntags: [Scoliosis]\n---\nText.\n"
    )
    site = build(content, tmp_path, caplog)
    warnings = site.messages(logging.WARNING)
    assert len(warnings) == 1 and "no-slug.md" in warnings[0] and "slug" in warnings[0]


def test_a_changed_title_and_date_keep_the_url(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("sharing", content)
    first = build(content, tmp_path / "a", caplog)
    assert first.page("tricky-case/").find("h1").get_text(strip=True).startswith("Piriformis")
    post = content / "cases" / "tricky.md"
    post.write_text(
        post.read_text()
        .replace('title: "Piriformis', 'title: "Renamed: Piriformis')
        .replace("date: 2011-05-06", "date: 2012-01-02")
    )
    second = build(content, tmp_path / "b", caplog)
    assert second.page("tricky-case/").find("h1").get_text(strip=True).startswith("Renamed")
