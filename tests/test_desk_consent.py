"""The desk's consent control runs `make consent`: the approval copy printed, the text bound."""

import datetime
import re
from urllib.parse import quote, unquote

from bs4 import BeautifulSoup
from conftest import TODAY, front_matter
from desk_server import desk_fixture, form_fields

CASE = "cases/heel-pain-in-a-runner-greg-h.md"
SLUG = "heel-pain-in-a-runner-greg-h"


desk = desk_fixture("consent")


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

    # Signed: the day and how, entered on the form; a day that is no day writes nothing.
    fields = [(k, v) for k, v in form_fields(desk.get(f"/edit/{quote(CASE)}")[2]) if k != "token"]
    assert dict(fields)["case.consent.how"] == "signed approval copy"
    unsigned = path.read_bytes()
    sent = [(k, v) for k, v in fields if k != "case.consent.given"]
    not_a_day = [*sent, ("case.consent.given", "30/11")]
    status, headers, _t = desk.post(f"/edit/{quote(CASE)}", not_a_day)
    assert status == 303 and "is not a day" in unquote(headers["location"])
    assert path.read_bytes() == unsigned
    hostile = 'signed "copy" at `date` $(touch x)\n  given: 1999-01-01'
    sent = [(k, v) for k, v in sent if k != "case.consent.how"]
    status, _h, _t = desk.post(
        f"/edit/{quote(CASE)}",
        [*sent, ("case.consent.given", TODAY), ("case.consent.how", hostile)],
    )
    assert status == 303
    signed = path.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(after, signed, strict=True) if a != b]
    assert len(changed) == 1, changed  # the consent line alone
    consent = front_matter(path)["case"]["consent"]
    assert consent == {
        "given": datetime.date.fromisoformat(TODAY),
        "how": " ".join(hostile.split()),
        "text": bound.group(1),
    }
    page = BeautifulSoup(desk.get(f"/edit/{quote(CASE)}")[2], "lxml")
    assert page.select_one(".consent-words").get_text().startswith("Given on 25 November 2026")
    assert not (project / "x").exists()

    # Then a sentence added: the change is shown beside the consent.
    text = path.read_text(encoding="utf-8")
    body = text.index("\n---\n", 4) + len("\n---\n")
    path.write_text(text[:body] + "He also ran a marathon.\n\n" + text[body:], encoding="utf-8")
    page = BeautifulSoup(desk.get(f"/edit/{quote(CASE)}")[2], "lxml")
    shown = page.select_one("#field-case-consent-problems").get_text()
    assert 'added: "He also ran a marathon."' in shown, shown
