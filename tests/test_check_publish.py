"""`make check` says what `make publish` would: addresses only the publish build writes, and
review dates that cannot be."""

import os
import subprocess
import sys

from conftest import ROOT, build, copy_fixture


def check(content, *options):
    result = subprocess.run(
        [sys.executable, "-m", "casebook.cli.check", *options, "--", str(content)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": "plugins"},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return result.returncode, result.stdout.splitlines()


def test_an_old_address_among_the_feeds_is_refused_by_check_as_by_publish(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("basic", content)
    post = content / "cases" / "moved.md"
    post.write_text(
        "---\ntitle: Moved\ndate: 2020-01-01\nslug: moved\nredirect_from: [/feeds/old/]\n---\n"
        "Text.\n",
        encoding="utf-8",
    )
    code, lines = check(content, "--publish-settings", str(ROOT / "publishconf.py"))
    said = [line for line in lines if "cases/moved.md:5: redirect_from: '/feeds/old/'" in line]
    assert code == 1 and len(said) == 1 and "the feeds (/feeds/)" in said[0], lines
    # The publish build refuses it in the same words.
    site = build(content, tmp_path, caplog, config="publishconf.py")
    assert any(said[0].split(": ", 1)[1] in m for m in site.messages()), site.messages()


def test_a_review_dated_after_today_is_an_error(tmp_path):
    content = tmp_path / "content"
    copy_fixture("basic", content)
    condition = content / "conditions" / "reviewed-later.md"
    condition.write_text(
        "---\nname: Reviewed later\nreviewed: 2099-01-01\nbody_areas: [Back]\n---\n"
        "## What it is\n\nA condition.\n",
        encoding="utf-8",
    )
    code, out = check(content)
    said = [line for line in out if "reviewed: 2099-01-01 is after today" in line]
    assert code == 1 and len(said) == 1 and "reviewed-later.md:3:" in said[0], out
