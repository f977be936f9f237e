"""The desk's consent control runs `make consent`: the approval copy printed, the text bound."""

import re
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from conftest import TODAY
from desk_server import DeskServer, make_project

CASE = "cases/heel-pain-in-a-runner-greg-h.md"
SLUG = "heel-pain-in-a-runner-greg-h"


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    server = DeskServer(make_project(tmp_path_factory.mktemp("consent")))
    yield server
    server.stop()


def test_the_desk_prints_the_approval_copy_and_binds_the_case_to_it(desk):
    project = desk.project
    path = project / "content" / CASE
    before = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert "  consent: true\n" in before

    status, _h, html = desk.get(f"/edit/{quote(CASE)}")
    assert status == 200
    page = BeautifulSoup(html, "lxml")
    button = page.select_one('.consent button[form="consent-form"]')
    assert button is not None and "Print an approval copy" in button.get_text()
    assert page.select_one('input[name="case.consent"]') is None  # no unbound tick box
    assert page.select_one("form#consent-form")["action"] == f"/consent/{quote(CASE)}"

    status, _h, html = desk.post(f"/consent/{quote(CASE)}", {})
    log = BeautifulSoup(html, "lxml").select_one("pre.log").get_text()
    assert status == 200, log
    assert "The approval copy is ready" in html, log

    after = path.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1
    bound = re.fullmatch(r"  consent: \{text: (v1-[0-9a-f]+)\}\n", changed[0][1])
    assert changed[0][0] == "  consent: true\n" and bound, changed
    kept = project / "consents" / SLUG / bound.group(1)
    assert sorted(p.name for p in kept.iterdir()) == [
        "approval.html",
        "approval.pdf",
        "approved.json",
    ]
    assert (kept / "approval.pdf").read_bytes().startswith(b"%PDF-")
    assert f"consents/{SLUG}/{bound.group(1)}/approval.pdf" in log

    # Printed, not yet signed: the desk says consent is not given, and still offers the copy.
    page = BeautifulSoup(desk.get(f"/edit/{quote(CASE)}")[2], "lxml")
    assert "Not given yet" in page.select_one(".consent-words").get_text()
    assert page.select_one('.consent button[form="consent-form"]') is not None

    # Signed (written by hand), then a sentence added: the change is shown beside the consent.
    text = path.read_text(encoding="utf-8")
    text = text.replace("{text: ", f"{{given: {TODAY}, how: signed approval copy, text: ", 1)
    body = text.index("\n---\n", 4) + len("\n---\n")
    path.write_text(text[:body] + "He also ran a marathon.\n\n" + text[body:], encoding="utf-8")
    page = BeautifulSoup(desk.get(f"/edit/{quote(CASE)}")[2], "lxml")
    shown = page.select_one("#field-case-consent-problems").get_text()
    assert 'added: "He also ran a marathon."' in shown, shown
