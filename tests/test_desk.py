"""The writing desk over HTTP: what it refuses, what it saves, and that it loses nothing."""

import hashlib
import io
import json
import socket
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from bs4 import BeautifulSoup
from desk_server import DeskServer, form_fields, make_project
from PIL import Image

from casebook.cli.check import check_content
from casebook.content.settings import load

CASE = "cases/restless-leg-syndrome-pain-treatment-of-krystal-s.md"
HAND_WRITTEN = """\
---
# Kept by hand: every comment, quote and indent below must survive a save.
title: 'Neck pain at the desk: Ana R.'   # single-quoted on purpose
date: 2011-03-02
slug: neck-pain-at-the-desk-ana-r
status: draft
tags:
    - Neck pain      # four spaces, not two
summary: >-
  Folded, over
  two lines.
case:
  client: Ana R.
  consent: false     # not yet
  presenting_complaint: "Neck pain at work"
  sessions: 6        # six
---
## What brought her in

Neck pain, every afternoon.
"""


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("desk"))
    (project / "content" / "cases" / "neck-pain-at-the-desk-ana-r.md").write_text(
        HAND_WRITTEN, encoding="utf-8"
    )
    server = DeskServer(project)
    yield server
    server.stop()


# What the preview and the caches write as they go: not the practitioner's files.
GENERATED = ("output", "output-publish", "cache")


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under a folder with the digest of its bytes (the generated folders left out)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] not in GENERATED
    }


def replaced(pairs, **values):
    """A form's pairs with some fields' values replaced (names with dots given as __)."""
    values = {k.replace("__", "."): v for k, v in values.items()}
    return [(k, values.get(k, v)) for k, v in pairs]


def content_of(desk):
    return desk.project / "content"


def edit_page(desk, relpath):
    status, _headers, html = desk.get(f"/edit/{quote(relpath)}")
    assert status == 200, html
    return html


# What is refused, and changes nothing.


def test_the_desk_listens_on_127_0_0_1_only(desk):
    with socket.create_connection(("127.0.0.1", desk.port), timeout=5):
        pass
    other = socket.gethostbyname(socket.gethostname())
    if other.startswith("127."):
        print("this machine has no address but loopback; the bind is checked on 127.0.0.1 only")
        return
    with pytest.raises(OSError), socket.create_connection((other, desk.port), timeout=5):
        pass


@pytest.mark.parametrize("host", ["evil.example:80", "127.0.0.1", "localhost.evil.example", ""])
def test_a_forged_host_is_refused(desk, host):
    before = snapshot(content_of(desk))
    status, _headers, text = desk.get("/", host=host or "x")
    assert status == 421 and "own address" in text
    fields = form_fields(edit_page(desk, CASE))
    status, _h, _t = desk.post(f"/edit/{CASE}", [*fields, ("title", "Forged")], host=host or "x")
    assert status == 421
    assert snapshot(content_of(desk)) == before


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1:1", None])
def test_a_write_from_another_origin_is_refused(desk, origin):
    before = snapshot(content_of(desk))
    fields = [(k, v) for k, v in form_fields(edit_page(desk, CASE)) if k != "title"]
    headers = {"Origin": origin} if origin else {}
    status, _h, text = desk.post(
        f"/edit/{CASE}", [*fields, ("title", "From elsewhere")], origin=False, headers=headers
    )
    assert status == 403 and "own page" in text
    for path in ("/new/case", "/publish", "/target"):
        status, _h, _t = desk.post(
            path, {"title": "x", "rsync": "/tmp"}, origin=False, headers=headers
        )
        assert status == 403
    assert snapshot(content_of(desk)) == before
    assert not (desk.project / "deploy.json").exists()


def test_a_write_without_the_token_is_refused(desk):
    before = snapshot(content_of(desk))
    fields = [(k, v) for k, v in form_fields(edit_page(desk, CASE)) if k not in ("token", "title")]
    for token in (None, "not-the-token"):
        pairs = [*fields, ("title", "No token")] + ([("token", token)] if token else [])
        status, _h, text = desk.post(f"/edit/{CASE}", pairs, token=False)
        assert status == 403 and "own page" in text
    status, _h, _t = desk.post("/new/case", {"title": "Sneaky: Tom T."}, token=False)
    assert status == 403
    status, _h, _t = desk.post(f"/check/{CASE}", fields, token=False)
    assert status == 403
    assert snapshot(content_of(desk)) == before


@pytest.mark.parametrize(
    "path",
    [
        "../pelicanconf.py",
        "..%2fpelicanconf.py",
        "cases/../../Makefile",
        "%2e%2e/%2e%2e/etc/passwd",
        "/etc/passwd",
        "privacy-allow.txt",
        "cases/no-such-case.md",
        "cases/%00.md",
    ],
)
def test_paths_outside_the_content_files_are_not_found(desk, path):
    before = snapshot(desk.project)
    status, _h, _t = desk.get(f"/edit/{path}")
    assert status in (404, 400)
    fields = [("title", "Escaped"), ("body", "written outside")]
    status, _h, _t = desk.post(f"/edit/{path}", fields)
    assert status in (404, 400)
    assert snapshot(desk.project) == before


def test_an_oversized_upload_is_refused_and_nothing_is_written(desk):
    before = snapshot(content_of(desk))
    boundary = "----desk"
    big = b"\xff\xd8" + b"0" * (22 * 1024 * 1024)
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="token"\r\n\r\n{desk.token}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nA neck\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="picture"; filename="a.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        + big
        + f"\r\n--{boundary}--\r\n".encode()
    )
    status, _h, text = desk.request(
        "POST",
        f"/pictures/{CASE}",
        body,
        {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Origin": desk.url.rstrip("/"),
        },
    )
    assert status == 413 and "too large" in text
    big_form = [("body", "x" * (3 * 1024 * 1024))]
    status, _h, _t = desk.post(f"/edit/{CASE}", big_form)
    assert status == 413
    assert snapshot(content_of(desk)) == before


# Saving loses nothing.


def test_one_field_changed_in_the_form_changes_that_value_and_no_other_byte(desk):
    relpath = "cases/neck-pain-at-the-desk-ana-r.md"
    pairs = form_fields(edit_page(desk, relpath))
    assert dict(pairs)["title"] == "Neck pain at the desk: Ana R."
    assert dict(pairs)["case.sessions"] == "6"
    assert [v for k, v in pairs if k == "tags"] == ["Neck pain", ""]
    status, _h, _t = desk.post(f"/edit/{relpath}", replaced(pairs, case__sessions="7"))
    assert status == 303
    saved = (content_of(desk) / relpath).read_text(encoding="utf-8")
    assert saved == HAND_WRITTEN.replace("  sessions: 6        # six", "  sessions: 7        # six")


def test_a_file_changed_on_disk_is_never_overwritten_and_both_versions_are_shown(desk):
    relpath = "posts/perpetuating-factors-krystal-s.md"
    path = content_of(desk) / relpath
    pairs = form_fields(edit_page(desk, relpath))
    elsewhere = path.read_text(encoding="utf-8").replace(
        "## What a perpetuating", "## What, then, a perpetuating"
    )
    path.write_text(elsewhere, encoding="utf-8")
    status, _h, html = desk.post(f"/edit/{relpath}", replaced(pairs, title="Mine: a new title"))
    assert status == 409
    assert path.read_text(encoding="utf-8") == elsewhere
    page = BeautifulSoup(html, "lxml")
    assert "What, then, a perpetuating" in page.find("textarea", id="disk-text").text
    mine = page.find("textarea", id="mine-text").text
    assert 'title: "Mine: a new title"' in mine
    # Keeping mine is a choice made on that page, against the version now on disk.
    form = page.find("textarea", id="mine-text").find_parent("form")
    keep = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
    keep["text"] = mine.lstrip("\n")
    status, _h, _t = desk.post(
        f"/edit/{relpath}", [(k, v) for k, v in keep.items() if k != "token"]
    )
    assert status == 303
    assert 'title: "Mine: a new title"' in path.read_text(encoding="utf-8")


def test_unpublishing_sets_the_status_back_to_draft_and_the_slug_stays_fixed(desk):
    relpath = "cases/heel-pain-in-a-runner-greg-h.md"
    path = content_of(desk) / relpath
    before = path.read_text(encoding="utf-8")
    pairs = form_fields(edit_page(desk, relpath))
    assert "slug" not in dict(pairs)  # shown, read-only: it is published
    pairs += [("slug", "a-new-address"), ("action", "unpublish")]
    status, headers, _t = desk.post(f"/edit/{relpath}", pairs)
    assert status == 303 and "fixed" in headers["location"].replace("%20", " ")
    after = path.read_text(encoding="utf-8")
    assert after.replace('status: "draft"\n', "") == before
    assert "slug: heel-pain-in-a-runner-greg-h" in after


# Checking while typing: the rule book's words, at the field or the body's line.


def test_the_unsaved_text_is_judged_in_make_checks_words(desk):
    relpath = "cases/restless-legs-at-night-louise-t.md"
    path = content_of(desk) / relpath
    before = path.read_bytes()
    pairs = form_fields(edit_page(desk, relpath))
    body = dict(pairs)["body"] + "\nCall her on 617-555-0199 after six.\n"
    pairs = replaced(pairs, body=body, case__sessions="ten")
    status, _h, text = desk.post(f"/check/{relpath}", pairs)
    assert status == 200
    found = json.loads(text)
    assert path.read_bytes() == before  # checked, not saved
    # Saved as it is (a draft may be saved with problems), make check says the same.
    status, _h, _t = desk.post(f"/edit/{relpath}", pairs)
    assert status == 303
    settings = load(str(desk.project / "pelicanconf.py"))
    problems, _count = check_content(content_of(desk), settings)
    path.write_bytes(before)
    mine = [p for p in problems if p.path == relpath]
    phone = [p for p in mine if "617-555-0199" in p.message]
    assert phone and [b["words"] for b in found["body"]] == [p.message for p in phone]
    body_start = before.decode().split("\n").index("---", 1) + 2
    assert [b["line"] for b in found["body"]] == [phone[0].line - body_start + 1]
    sessions = [p.message for p in mine if p.key == "case.sessions"]
    assert sessions and [f["words"] for f in found["fields"]["case.sessions"]] == sessions
    assert found["errors"] == sum(p.is_error for p in mine) >= 2


def test_an_unknown_condition_gets_the_did_you_mean_and_a_way_to_start_it(desk):
    relpath = "cases/jaw-pain-and-clenching-nora-j.md"
    pairs = [(k, v) for k, v in form_fields(edit_page(desk, relpath)) if k != "tags"]
    pairs += [("tags", "Tension headach"), ("tags", "Frozen shoulder")]
    status, _h, text = desk.post(f"/check/{relpath}", pairs)
    found = json.loads(text)
    words = [f["words"] for f in found["fields"]["tags"]]
    assert any("did you mean Tension headache?" in w for w in words)
    assert found["new_conditions"] == ["Tension headach", "Frozen shoulder"]
    status, _h, html = desk.get("/new/condition?name=Frozen%20shoulder")
    assert (
        status == 200
        and BeautifulSoup(html, "lxml").find(id="new-title")["value"] == "Frozen shoulder"
    )
    status, headers, _t = desk.post("/new/condition", {"title": "Frozen shoulder"})
    assert status == 303
    made = content_of(desk) / "conditions" / "frozen-shoulder.md"
    assert made.read_text(encoding="utf-8").startswith('---\nname: "Frozen shoulder"\n')


@pytest.mark.parametrize(
    ("lang", "status", "address"),
    [
        ("es", "published", "es/cuello-ana-r/"),
        ("pt-BR", "draft", "drafts/pt-BR/cuello-ana-r/"),
        ("en", "published", "cuello-ana-r/"),  # the site's own language: no prefix
        ("../../etc", "published", "cuello-ana-r/"),  # no tag: the rule book's error, no path
        ("$(touch x)", "draft", "drafts/cuello-ana-r/"),
    ],
)
def test_the_preview_of_a_post_in_another_language_is_where_pelican_puts_it(
    desk, lang, status, address
):
    relpath = "posts/cuello-ana-r.md"
    text = HAND_WRITTEN.replace("slug: neck-pain-at-the-desk-ana-r", "slug: cuello-ana-r")
    text = text.replace("status: draft\n", f"status: {status}\nlang: {json.dumps(lang)}\n")
    (content_of(desk) / relpath).write_text(text, encoding="utf-8")
    try:
        frame = BeautifulSoup(edit_page(desk, relpath), "lxml").find(
            "iframe", {"data-preview": True}
        )
        assert frame["src"].split("/", 3)[3] == address
    finally:
        (content_of(desk) / relpath).unlink()


# New files, follow-ups, pictures.


def front_matter_of(text):
    """The YAML front matter of a file's text, parsed."""
    return yaml.safe_load(text.split("---\n")[1])


def test_a_new_case_starts_as_a_draft_with_the_whole_summary_box(desk):
    status, headers, _t = desk.post("/new/case", {"title": "Hip pain on the stairs: Meg L."})
    assert status == 303 and headers["location"] == "/edit/cases/hip-pain-on-the-stairs-meg-l.md"
    text = (content_of(desk) / "cases" / "hip-pain-on-the-stairs-meg-l.md").read_text(
        encoding="utf-8"
    )
    assert front_matter_of(text)["status"] == "draft" and "  presenting_complaint:" in text
    status, _h, html = desk.post("/new/case", {"title": "Hip pain on the stairs: Meg L."})
    assert status == 422 and "already" in html
    labels = [
        t.text
        for t in BeautifulSoup(
            edit_page(desk, "cases/hip-pain-on-the-stairs-meg-l.md"), "lxml"
        ).find_all("label")
    ]
    for label in ("Presenting complaint", "Findings", "Treatment", "Sessions", "Outcome status"):
        assert label in labels


def test_a_follow_up_is_an_ordinary_post_that_follows_its_case(desk):
    status, headers, _t = desk.post(f"/follow-up/{CASE}", {})
    assert status == 303
    relpath = headers["location"].removeprefix("/edit/")
    assert relpath == "posts/restless-leg-syndrome-pain-treatment-of-krystal-s-follow-up.md"
    text = (content_of(desk) / relpath).read_text(encoding="utf-8")
    meta = front_matter_of(text)
    assert meta["follows"] == "restless-leg-syndrome-pain-treatment-of-krystal-s"
    assert meta["status"] == "draft" and "case" not in meta  # one client, one case


def gps_photo() -> bytes:
    image = Image.new("RGB", (2400, 1200), (180, 120, 90))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x9286] = "Ana at home"  # user comment
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (42.0, 21.0, 10.0), "W", (71.0, 3.0, 30.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=b"taken at 12 Elm Street")
    return out.getvalue()


def upload(desk, relpath, data, alt="A stretch for the calf", accept="application/json"):
    boundary = "----desk"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="token"\r\n\r\n{desk.token}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\n{alt}\r\n'
            f"--{boundary}\r\nContent-Disposition: form-data; "
            'name="picture"; filename="Ana Ruiz.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    headers = {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Origin": desk.url.rstrip("/"),
        "Accept": accept,
    }
    return desk.request("POST", f"/pictures/{quote(relpath)}", body, headers)


def test_a_picture_keeps_its_pixels_only(desk):
    status, _h, text = upload(desk, CASE, gps_photo())
    assert status == 200, text
    found = json.loads(text)
    assert found["path"] == "images/restless-leg-syndrome-pain-treatment-of-krystal-s-1.jpg"
    assert found["markdown"] == f"![A stretch for the calf]({{static}}/{found['path']})"
    assert found["problems"] == []
    saved = (content_of(desk) / found["path"]).read_bytes()
    for needle in (b"PhoneMaker", b"Elm Street", b"Ana", b"Exif", b"GPS"):
        assert needle not in saved
    with Image.open(io.BytesIO(saved)) as image:
        assert image.size == (1600, 800)
        assert not image.getexif() and "exif" not in image.info and "comment" not in image.info


def test_a_picture_needs_alt_text_and_must_be_a_picture(desk):
    before = snapshot(content_of(desk))
    status, _h, text = upload(desk, CASE, gps_photo(), alt="  ")
    assert status == 422 and "alt text" in json.loads(text)["problem"]
    status, _h, text = upload(desk, CASE, b"<svg onload=alert(1)>", alt="x")
    assert status == 422 and "not a picture" in json.loads(text)["problem"]
    status, _h, html = upload(desk, CASE, b"GIF89a junk", alt="x", accept="text/html")
    assert status == 422 and "not a picture" in html
    assert snapshot(content_of(desk)) == before


def test_every_desk_page_answers_and_nothing_of_the_desk_is_in_the_content_folder(desk):
    for path in (
        "/",
        "/?status=draft",
        "/?condition=Sciatica&kind=case",
        "/new/case",
        "/new/page",
        "/publish",
        "/target",
        f"/edit/{CASE}",
        "/edit/pages/about.md",
        "/edit/conditions/neck-pain.md",
    ):
        status, headers, html = desk.get(path)
        assert status == 200, (path, html)
        headers = {k.lower(): v for k, v in headers.items()}
        assert headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
    names = {p.name for p in content_of(desk).rglob("*")}
    assert not names & {"desk.css", "desk.js", "base.html"}


# Hostile values stay values, and odd files still open.

HOSTILE_TITLES = [
    'Neck "pain": `touch x` $(touch y)',
    "<script>alert(1)</script> pain: Ana R.",
    "Pain\n---\nstatus: published\nx: y",
    "../../etc/passwd: Ana R.",
    "Neck pain # not a comment: Ana R.",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_hostile_title_is_written_as_a_value_and_shown_as_text(desk, title):
    status, headers, html = desk.post("/new/post", {"title": title})
    assert status == 303, html
    relpath = headers["location"].removeprefix("/edit/")
    assert relpath.startswith("posts/") and ".." not in relpath and "/" not in relpath[6:]
    path = content_of(desk) / relpath
    from casebook.content.source import parse

    meta = parse(relpath, path.read_text(encoding="utf-8")).meta
    assert meta["title"] == " ".join(title.split()) and meta["status"] == "draft"
    page = BeautifulSoup(edit_page(desk, relpath), "lxml")
    assert page.find("input", id="field-title")["value"] == " ".join(title.split())
    assert not [s for s in page.find_all("script") if not s.get("src")]
    assert not (desk.project / "x").exists() and not (desk.project / "y").exists()


def test_a_huge_value_is_judged_not_crashed_on(desk):
    relpath = "posts/perpetuating-factors-krystal-s.md"
    pairs = replaced(form_fields(edit_page(desk, relpath)), title="Neck " * 200_000)
    status, _h, text = desk.post(f"/check/{relpath}", pairs)
    assert status == 200
    assert any("characters" in f["words"] for f in json.loads(text)["fields"]["title"])


def test_a_file_whose_front_matter_cannot_be_read_opens_as_text_and_saves(desk):
    relpath = "posts/broken-front-matter.md"
    path = content_of(desk) / relpath
    nested = "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 40)) + "  " * 40 + "v: 1\n"
    path.write_text(f"---\ntitle: Broken: yes\n{nested}---\nBody\n", encoding="utf-8")
    html = edit_page(desk, relpath)
    page = BeautifulSoup(html, "lxml")
    assert page.find("textarea", id="field-text") is not None
    assert "not valid YAML" in page.get_text() or "nested" in page.get_text()
    pairs = form_fields(html)
    fixed = '---\ntitle: "Broken: no more"\nstatus: draft\n---\nBody\n'
    status, _h, _t = desk.post(f"/edit/{relpath}", replaced(pairs, text=fixed))
    assert status == 303
    assert path.read_text(encoding="utf-8") == fixed
