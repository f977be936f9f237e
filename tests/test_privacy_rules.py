"""The privacy rules as `make check` applies them: photographs and consent, the practice's own
town, and `--format json` with each problem's category."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

FACE = ROOT / "tests" / "privacy_eval" / "tuning" / "content" / "images" / "happy-client-spring.jpg"


def check_json(content):
    """The real command with --format json, from the project root (its pelicanconf.py)."""
    done = subprocess.run(
        [sys.executable, "-m", "casebook.cli.check", "--format", "json", str(content)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": "plugins"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout)


def post(folder, name, body, **meta):
    lines = [f"title: {name}", "date: 2024-01-01", f"slug: {name}"]
    lines += [f"{k}: {v}" for k, v in meta.items()]
    path = Path(folder, "posts", f"{name}.md")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n", encoding="utf-8")


def with_photo(tmp_path, name):
    images = tmp_path / "content" / "images"
    images.mkdir(parents=True)
    # The corpus photo without its metadata: only the face is left to find.
    with __import__("PIL.Image").Image.open(FACE) as image:
        image.convert("RGB").save(images / name)
    return tmp_path / "content"


def photo_problems(rows):
    return [(r["path"], r["level"]) for r in rows if r["category"] == "photos"]


def test_a_face_in_a_public_post_needs_the_post_s_recorded_consent(tmp_path):
    content = with_photo(tmp_path, "portrait.jpg")
    post(content, "a-portrait", "![Our client]({static}/images/portrait.jpg)")
    code, rows = check_json(content)
    assert code == 1 and photo_problems(rows) == [("images/portrait.jpg", "error")]
    (message,) = [r["message"] for r in rows if r["category"] == "photos"]
    assert "photo_consent: [portrait.jpg]" in message and "posts/a-portrait.md" in message

    post(content, "a-portrait", "![Our client]({static}/images/portrait.jpg)",
         photo_consent="[portrait.jpg]")  # fmt: skip
    code, rows = check_json(content)
    assert photo_problems(rows) == []
    assert not [r for r in rows if "photo_consent" in r["message"] and "not a key" in r["message"]]


def test_a_face_no_public_post_shows_is_a_warning(tmp_path):
    content = with_photo(tmp_path, "portrait.jpg")
    post(content, "a-draft", "![Our client]({static}/images/portrait.jpg)", status="draft")
    _code, rows = check_json(content)
    assert photo_problems(rows) == [("images/portrait.jpg", "warning")]


def test_every_problem_in_json_carries_its_fields_and_privacy_ones_their_category(tmp_path):
    content = tmp_path / "content"
    post(content, "a-visit", "Seen by Dana Whitfield; call 617-555-0199 from 198.51.100.7.")
    _code, rows = check_json(content)
    assert all(
        set(r) == {"path", "shown", "line", "key", "level", "category", "message"} for r in rows
    )
    privacy = {r["category"] for r in rows if r["category"]}
    assert privacy == {"names", "phone", "ip"}


def test_the_practice_s_town_alone_is_a_warning_in_its_address_nothing(tmp_path):
    content = tmp_path / "content"
    post(content, "where", "Come to 100 Example Street, Suite 2, Framingham, MA 01702.")
    post(content, "letter", "A letter from a client in Framingham.")
    _code, rows = check_json(content)
    towns = [(r["path"], r["level"]) for r in rows if r["category"] == "geography"]
    assert towns == [("posts/letter.md", "warning")]


def test_an_image_s_text_is_linted_with_the_practice_s_phrases(tmp_path):
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    shutil.copy(
        ROOT / "tests/privacy_eval/tuning/content/images/body-map-blank.svg", content / "images"
    )
    shutil.copy(
        ROOT / "tests/privacy_eval/tuning/content/images/pain-diagram-walter.svg",
        content / "images",
    )
    _code, rows = check_json(content)
    svgs = {r["path"] for r in rows if r["category"]}
    assert svgs == {"images/pain-diagram-walter.svg"}
