"""Consent bound to the text the client approved (issue 22), through the real commands.

`make consent` prints the approval copy (the real command, a real Pelican build with the
publish settings, a real PDF from Debian's Chromium), keeps it in consents/ and writes the
fingerprint; `make check`, the preview and `make publish` then refuse a changed text.
"""

import hashlib
import io
import json
import os
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from conftest import MARKER, ROOT, TODAY, build, copy_fixture, front_matter, run_casebook
from pypdf import PdfReader

from casebook.cli import publish

SLUG = "neck-pain-at-the-desk-ana-r"
SENTENCE = "Ana came in with neck pain after long days at the desk."
SITEURL = "https://www.metrowest-nmt.example"  # publishconf.py's
# The publish settings, pointed at a test's own content and cache (never the project's).
CONF = """\
import sys
sys.path.insert(0, {root!r})
from publishconf import *
PATH = {content!r}
THEME = {root!r} + "/theme"
PLUGIN_PATHS = [{root!r} + "/plugins"]
CACHE_PATH = {cache!r}
"""


class Project:
    """A content folder beside its consents/ folder, and the publish settings for it."""

    def __init__(self, folder):
        self.folder = folder
        self.content = folder / "content"
        self.consents = folder / "consents"
        self.case = self.content / "cases" / "neck.md"
        self.conf = folder / "conf.py"
        self.conf.write_text(
            CONF.format(root=str(ROOT), content=str(self.content), cache=str(folder / "cache")),
            encoding="utf-8",
        )

    def consent(self, slug=SLUG):
        return run_casebook("consent", "--content", self.content, "-s", self.conf, slug)

    def check(self):
        """`make check` of the content: (exit code, problem lines about the case file)."""
        code, lines = run_casebook("check", self.content)
        shown = os.path.relpath(self.case, ROOT)
        return code, [line for line in lines[:-1] if line.startswith(shown)]

    def edit(self, old, new):
        text = self.case.read_text(encoding="utf-8")
        assert old in text
        self.case.write_text(text.replace(old, new, 1), encoding="utf-8")

    def files(self):
        """Every file of the content folder and its digest."""
        return {
            p.relative_to(self.content).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(self.content.rglob("*"))
            if p.is_file()
        }


def new_project(folder, consent="consent: true"):
    project = Project(folder)
    copy_fixture("check_clean", project.content)
    text = project.case.read_text(encoding="utf-8")
    start = text.index("  consent: ")
    end = text.index("\n", start)
    project.case.write_text(text[:start] + "  " + consent + text[end:], encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def approved(tmp_path_factory):
    """A case at `consent: true`, and what one run of `make consent` made of it."""
    project = new_project(tmp_path_factory.mktemp("approved"))
    before_text = project.case.read_text(encoding="utf-8")
    before = project.files()
    code, out = project.consent()
    assert code == 0, out
    return project, before, before_text, out


def copy_folder(project):
    """The one folder of copies `make consent` made."""
    (slug,) = list(project.consents.iterdir())
    (folder,) = list(slug.iterdir())
    return folder


def test_make_consent_writes_the_fingerprint_and_nothing_else(approved):
    project, before, before_text, out = approved
    after = project.files()
    assert {k for k in after if after[k] != before[k]} == {"cases/neck.md"}
    fingerprint = copy_folder(project).name
    lines_before = before_text.splitlines(keepends=True)
    lines_after = project.case.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(lines_before, lines_after, strict=True) if a != b]
    assert changed == [("  consent: true\n", f"  consent: {{text: {fingerprint}}}\n")]
    assert out[-3].endswith(f":9: case.consent.text is now {fingerprint} (nothing else changed)")
    assert "`given: <the date they signed>` and `how: signed approval copy`" in out[-2]


def test_the_copies_and_the_approved_text_are_kept_in_consents(approved):
    project, _before, _text, out = approved
    folder = copy_folder(project)
    assert folder.parent.name == SLUG
    assert sorted(p.name for p in folder.iterdir()) == [
        "approval.html",
        "approval.pdf",
        "approved.json",
    ]
    record = json.loads((folder / "approved.json").read_text(encoding="utf-8"))
    assert record["fingerprint"] == folder.name and record["printed"] == TODAY
    assert record["lines"][0] == "title: Neck pain at the desk: Ana R."
    assert SENTENCE in record["lines"]
    assert (
        out[0]
        == f"{os.path.relpath(folder / 'approval.pdf', ROOT)}: the approval copy to print (Letter)"
    )
    # The copies are private: the owner's alone, and outside content/ and any build.
    assert all(p.stat().st_mode & 0o077 == 0 for p in folder.iterdir())


def pdf_text(path):
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    return reader, " ".join(pages).replace("ﬁ", "fi").replace("ﬀ", "ff").replace("ﬂ", "fl")


def test_the_printed_copy_is_the_case_as_published_with_the_terms(approved, record_property):
    project, *_ = approved
    folder = copy_folder(project)
    reader, text = pdf_text(folder / "approval.pdf")
    record_property("approval_pdf_pages", f"{SLUG}: {len(reader.pages)} (Letter)")
    assert len(reader.pages) == 1  # a short case fits one page
    assert round(float(reader.pages[0].mediabox.width)) == 612  # Letter, the practice is in MA
    for words in (
        "Metro-West Neuromuscular Therapy",
        "(508) 555-0100",
        "Approval copy",
        "Neck pain at the desk: Ana R.",
        "Neck pain from long hours at a screen.",  # the summary, as lists and feeds show it
        "Presenting complaint",
        "Tight muscles at the base of the skull.",
        SENTENCE,
        "Where it will appear",
        "What is never published",
        "If you change your mind",
        "Client’s signature",
    ):
        assert words in text, words
    assert f"text fingerprint {folder.name}" in text.replace("v1- ", "v1-")  # wrapped at "-"
    assert f"{SITEURL}/{SLUG}/" in text.replace(" ", "")
    assert "in a one-page summary of it for referring clinicians" in text


def test_the_html_copy_opens_and_prints_without_the_site(approved):
    project, *_ = approved
    html = BeautifulSoup(
        (copy_folder(project) / "approval.html").read_text(encoding="utf-8"), "lxml"
    )
    assert html.select("link") == [] and html.select("script") == []
    assert len(html.select("style")) == 2  # the theme's and the approval copy's own
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    assert html.select_one(".preview-problems") is None  # no preview banner on paper
    assert html.find("h1").get_text(strip=True) == "Neck pain at the desk: Ana R."
    assert f"text fingerprint {copy_folder(project).name}" in html.get_text(" ")


def test_consent_waits_for_the_signature_then_holds_until_the_text_changes(approved, tmp_path):
    project = Project(tmp_path)
    shutil.copytree(approved[0].content, project.content)
    shutil.copytree(approved[0].consents, project.consents)
    fingerprint = copy_folder(project).name
    code, problems = project.check()
    assert code == 1
    assert [p.split(": ", 2)[1] for p in problems] == ["case.consent.given"]
    assert "the approval copy is printed but not signed" in problems[0]
    project.edit("{text: ", f"{{given: {TODAY}, how: signed approval copy, text: ")
    assert project.check() == (0, [])
    # What no reader sees never counts: a comment, re-wrapped lines, Windows line endings.
    project.edit(
        SENTENCE, "Ana came in with neck pain after\nlong days at the desk.\n<!-- ask again -->"
    )
    raw = project.case.read_bytes()
    project.case.write_bytes(raw.replace(b"\n", b"\r\n"))
    assert project.check() == (0, [])
    project.case.write_bytes(raw)
    # A new sentence does, and says what it is against the approved copy.
    project.edit("at the desk.\n", "at the desk.\n\nHer sister came along to one session.\n")
    code, problems = project.check()
    assert code == 1 and len(problems) == 1
    assert problems[0].startswith(f"{os.path.relpath(project.case, ROOT)}:9: case.consent.text: ")
    assert 'added: "Her sister came along to one session."' in problems[0]
    assert f"make consent OF={SLUG}" in problems[0] and "restore the approved text" in problems[0]
    assert fingerprint in project.case.read_text(encoding="utf-8")  # nothing was rewritten


def test_a_changed_text_is_in_the_preview_banner_and_make_publish_refuses_it(
    approved, tmp_path, caplog
):
    project = Project(tmp_path)
    shutil.copytree(approved[0].content, project.content)
    shutil.copytree(approved[0].consents, project.consents)
    project.edit("{text: ", f"{{given: {TODAY}, how: signed approval copy, text: ")
    project.edit("long days", "long nights")
    site = build(project.content, tmp_path, caplog)
    banner = [li.get_text() for li in site.page(f"{SLUG}/").select(".preview-problems li")]
    assert len(banner) == 1 and 'removed: "days"; added: "nights"' in banner[0]
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "publish", f"INPUTDIR={project.content}",
         f"PUBLISHCONF={project.conf}", f"PUBLISHDIR={tmp_path / 'published'}"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert 'removed: "days"; added: "nights"' in result.stdout
    # make publish stops at its check: no build of it, nothing that rsync_upload or github ship
    assert not list(tmp_path.glob("published*"))


def test_a_signature_dated_before_the_copy_was_printed_is_refused(approved, tmp_path):
    project = Project(tmp_path)
    shutil.copytree(approved[0].content, project.content)
    shutil.copytree(approved[0].consents, project.consents)
    project.edit("{text: ", "{given: 2026-11-01, how: signed approval copy, text: ")
    code, problems = project.check()
    assert code == 1 and len(problems) == 1
    assert (
        f"case.consent.given: 2026-11-01 is before this approval copy was printed ({TODAY})"
        in problems[0]
    )


def test_a_changed_text_is_reported_even_without_the_approved_copy(approved, tmp_path):
    project = Project(tmp_path)
    shutil.copytree(approved[0].content, project.content)  # consents/ not copied
    project.edit("{text: ", f"{{given: {TODAY}, how: signed approval copy, text: ")
    assert project.check() == (0, [])  # the fingerprint alone says the text is the same
    project.edit("long days", "long nights")
    code, problems = project.check()
    assert code == 1
    assert "is not in this project, so what changed cannot be shown" in problems[0]


def test_the_preview_links_each_case_to_its_approval_copy_and_publish_writes_none(
    approved, tmp_path, caplog
):
    content = approved[0].content
    preview = build(content, tmp_path / "preview", caplog)
    link = preview.page(f"{SLUG}/").select_one(".preview-approval a")
    assert link["href"] == f"/{SLUG}/approval/"
    copy = preview.page(f"{SLUG}/approval/")
    assert copy.select_one('meta[name="robots"]')["content"] == "noindex"
    assert copy.select_one("link[rel='canonical']") is None
    assert "make consent OF=" in copy.select_one(".approval-record").get_text()
    assert f"/{SLUG}/approval/" not in (preview.output / "sitemap.xml").read_text(encoding="utf-8")
    published = build(
        content, tmp_path / "publish", caplog, config="publishconf.py", SITEURL=SITEURL
    )
    assert not list(published.output.rglob("approval"))
    assert published.page(f"{SLUG}/").select(".preview-approval") == []


# --- what make consent refuses -------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "change", "words"),
    [
        ("neck-pain-at-the-desk-ana", None, ["no case has the slug", f"did you mean {SLUG}?"]),
        ("$(touch casebook-injected)", None, ["no case has the slug '$(touch casebook-injected)'"]),
        ("../../etc", None, ["no case has the slug '../../etc'"]),
        (SLUG, ("consent: true", "consent: {withdrawn: 2026-11-20}"), ["withdrew consent"]),
        (
            SLUG,
            (SENTENCE, SENTENCE + " Her sister Mary Gonzalez came too."),
            ["looks like a full name 'Mary Gonzalez'", "fix these first"],
        ),
    ],
    ids=["unknown", "shell", "path", "withdrawn", "own errors"],
)
def test_make_consent_refuses_and_writes_nothing(tmp_path, marker, slug, change, words):
    project = new_project(tmp_path)
    if change:
        project.edit(*change)
    before = project.files()
    code, out = project.consent(slug)
    assert code == 1
    for word in words:
        assert word in "\n".join(out), out
    assert project.files() == before
    assert not project.consents.exists()
    assert not marker.exists()


def test_make_consent_reads_of_verbatim_and_asks_for_it(tmp_path, marker):
    project = new_project(tmp_path)
    hostile = f"a`touch {MARKER}`$(touch {MARKER})$$(touch {MARKER});'\"b"

    def make(*args):
        return subprocess.run(
            ["make", "-s", "-o", ".venv/.installed", "consent", *args],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip

    result = make(f"OF={hostile}", f"INPUTDIR={project.content}", f"PUBLISHCONF={project.conf}")
    assert result.returncode != 0
    assert f"no case has the slug {hostile!r}" in result.stdout
    assert not marker.exists()
    result = make(f"INPUTDIR={project.content}")
    assert result.returncode == 2
    assert "make consent: give the case, e.g. make consent OF=<slug>" in result.stdout


def upload(project, folder, *values):
    """`make rsync_upload` of a project to a local folder: (exit code, what it printed)."""
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "rsync_upload", f"INPUTDIR={project.content}",
         f"PUBLISHCONF={project.conf}", f"PUBLISHDIR={folder / 'published'}",
         f"SSH_TARGET={folder / 'www'}/", *values],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return result.returncode, result.stdout + result.stderr


def test_an_upload_carries_the_approved_case_and_none_of_its_consent_records(approved, tmp_path):
    project = Project(tmp_path)
    shutil.copytree(approved[0].content, project.content)
    shutil.copytree(approved[0].consents, project.consents)
    project.edit("{text: ", f"{{given: {TODAY}, how: signed approval copy, text: ")
    fingerprint = copy_folder(project).name
    (tmp_path / "www").mkdir()
    code, out = upload(project, tmp_path)
    assert code == 0, out[-3000:]
    online = tmp_path / "www"
    assert (online / SLUG / "index.html").is_file()
    shipped = [p for p in online.rglob("*") if p.is_file()]
    names = {p.name for p in shipped} | {d.name for p in shipped for d in p.parents}
    assert not names & {"consents", "approved.json", "approval.html", "approval.pdf", "approval"}
    for path in shipped:
        assert fingerprint.encode() not in path.read_bytes(), path


@pytest.mark.parametrize(
    ("kept", "refusal"),
    [
        (
            ("approval.html", "approval.pdf", "approved.json"),
            "approval.html: a .html file in a static folder is published as it is",
        ),
        (
            ("approved.json",),
            "is there, a client's private consent record); ",  # the finished build's own check
        ),
    ],
    ids=["by make check", "by the finished build's check"],
)
def test_consent_records_inside_the_content_are_refused_before_anything_is_uploaded(
    approved, tmp_path, kept, refusal
):
    project = Project(tmp_path)
    shutil.copytree(approved[0].content, project.content)
    # Copies moved where the build takes files from (the site's images): never shipped.
    into = project.content / "images" / "consents" / SLUG
    into.mkdir(parents=True)
    for name in kept:
        shutil.copy(copy_folder(approved[0]) / name, into / name)
    project.edit("{text: ", f"{{given: {TODAY}, how: signed approval copy, text: ")
    (tmp_path / "www").mkdir()
    code, out = upload(project, tmp_path)
    assert code != 0
    assert refusal in out, out[-3000:]
    assert not list((tmp_path / "www").iterdir())
    assert not (tmp_path / "published").exists()


def test_a_finished_build_holding_a_consent_record_is_not_a_site_to_publish(tmp_path):
    site = tmp_path / "site"
    for needed in ("index.html", "404.html", "sitemap.xml", "pagefind/pagefind.js"):
        (site / needed).parent.mkdir(parents=True, exist_ok=True)
        (site / needed).write_text("x", encoding="utf-8")
    assert publish.problems_of(site) == []
    (site / "images" / "consents" / SLUG).mkdir(parents=True)
    (site / "images" / "consents" / SLUG / "approved.json").write_text("{}", encoding="utf-8")
    assert publish.problems_of(site) == [
        "images/consents is there, a client's private consent record",
        f"images/consents/{SLUG}/approved.json is there, a client's private consent record",
    ]


def test_consents_are_never_in_the_repository():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/consents/" in ignored
    result = subprocess.run(
        ["git", "check-ignore", "-q", "consents/a-case/v1-x/approval.pdf"], cwd=ROOT, check=False
    )
    assert result.returncode == 0


# --- the rule book's consent --------------------------------------------------------------


def test_consent_true_still_publishes_with_a_warning_at_its_line(tmp_path, caplog):
    project = new_project(tmp_path)
    code, problems = project.check()
    assert code == 0
    assert len(problems) == 1
    assert problems[0].startswith(f"{os.path.relpath(project.case, ROOT)}:9: warning: ")
    assert "`consent: true` is not bound to any text" in problems[0]
    assert f"make consent OF={SLUG}" in problems[0]
    site = build(project.content, tmp_path, caplog, config="publishconf.py", SITEURL=SITEURL)
    assert site.page(f"{SLUG}/").find("h1").get_text(strip=True) == "Neck pain at the desk: Ana R."


def test_every_case_of_the_site_warns_until_its_client_signs_a_copy():
    code, lines = run_casebook("check", "content")
    cases = sorted(p.name for p in (ROOT / "content" / "cases").glob("*.md"))
    warned = sorted(
        line.split(":")[0].split("/")[-1] for line in lines if "is not bound to any text" in line
    )
    assert code == 0 and warned == cases and cases


@pytest.mark.parametrize(
    ("consent", "key", "words"),
    [
        ("consent: {given: last June, text: v1-" + "a" * 32 + "}", "case.consent.given",
         "'last June' is not a date"),
        ("consent: {given: 2026-11-20, signed: yes}", "case.consent.signed", "not a consent key"),
        ('consent: {given: 2026-11-20, text: "$(touch x)"}', "case.consent.text",
         "is not a fingerprint `make consent` wrote"),
        ("consent: {given: 2026-11-20, how: [1, 2]}", "case.consent.how", "is not text"),
        ("consent: 'yes'", "case.consent", "is neither true, false nor a block"),
        ("consent: {withdrawn: sometime}", "case.consent.withdrawn", "is not a date"),
    ],
    ids=["given", "key", "text", "how", "yes", "withdrawn"],
)  # fmt: skip
def test_a_consent_written_wrong_is_an_error_at_its_key(tmp_path, consent, key, words):
    project = new_project(tmp_path, consent)
    code, problems = project.check()
    assert code == 1
    found = [p for p in problems if p.split(": ", 2)[1] == key]
    assert len(found) == 1 and words in found[0], problems


def test_newcase_then_make_consent_fills_in_the_text_line(tmp_path):
    project = Project(tmp_path)
    copy_fixture("check_clean", project.content)
    project.case.unlink()
    code, out = run_casebook("newcase", "--content", project.content, "Neck pain: Ana R.")
    path = project.content / "cases" / "neck-pain-ana-r.md"
    assert code == 0 and out[0] == str(path)  # then where the preview shows the draft
    text = path.read_text(encoding="utf-8")
    filled = (
        text.replace("tags: []", "tags: [Neck pain]")
        .replace("summary:   #", 'summary: "Neck pain at a screen."   #')
        .replace("  client:   #", "  client: Ana R.   #")
    )
    for key in ("presenting_complaint", "findings", "interventions", "outcome", "follow_up"):
        filled = filled.replace(f"  {key}:   #", f'  {key}: "Written."   #')
    filled = filled.replace("  sessions:   #", "  sessions: 4   #")
    filled = filled.replace("  outcome_status:   #", "  outcome_status: resolved   #")
    filled = filled.split("## What brought")[0] + "Ana came in with neck pain.\n"
    path.write_text(filled, encoding="utf-8")
    code, out = run_casebook(
        "consent", "--content", project.content, "-s", project.conf, "neck-pain-ana-r"
    )
    assert code == 0, out
    after = path.read_text(encoding="utf-8")
    assert after.count("\n") == filled.count("\n")  # only the text: line changed
    assert front_matter(path)["case"]["consent"]["text"] == copy_folder(project).name
    assert "    text: v1-" in after and "# written by `make consent`" in after


def test_a_drafts_copy_waits_beside_its_draft_page_and_prints_with_its_future_address(
    tmp_path, caplog
):
    project = new_project(tmp_path, "consent: false")
    project.edit("date: 2010-03-02\n", "date: 2010-03-02\nstatus: draft\n")
    preview = build(project.content, tmp_path / "preview", caplog)
    page = preview.page(f"drafts/{SLUG}/")
    assert page.select_one(".preview-approval a")["href"] == f"/drafts/{SLUG}/approval/"
    assert preview.page(f"drafts/{SLUG}/approval/").find("h1").get_text() == (
        "Neck pain at the desk: Ana R."
    )
    assert not (preview.output / SLUG).exists()  # nothing at its own address while it waits
    code, out = project.consent()
    assert code == 0, out
    _reader, text = pdf_text(copy_folder(project) / "approval.pdf")
    assert f"{SITEURL}/{SLUG}/" in text.replace(" ", "")
    assert front_matter(project.case)["case"]["consent"] == {"text": copy_folder(project).name}
