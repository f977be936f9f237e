"""`make import` with any export: crafted names, markup, entities, huge and deep input, an
interrupted run and its leftovers. Nothing may escape content/, add a key, run, or crash."""

import io
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

import pytest
from conftest import FIXTURES, ROOT, front_matter, refused_quietly, run_casebook

from casebook.cli import wpimport

WXR = FIXTURES / "wxr"
HOSTILE = WXR / "hostile.xml"


def shown(path):
    return os.path.relpath(path, ROOT)


@pytest.fixture
def hostile(tmp_path):
    content = tmp_path / "site" / "content"
    code, out = run_casebook("wpimport", "--content", content, HOSTILE)
    assert code == 0, out
    return content, out


def test_crafted_names_become_plain_slugs_inside_content(hostile, tmp_path):
    content, _out = hostile
    assert sorted(
        p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()
    ) == [
        "site/content/pages/the-sites-own-address.md",
        "site/content/posts/a-status-published-case-x.md",
        "site/content/posts/alert1.md",
        "site/content/posts/cafe.md",
        "site/content/posts/entities.md",
        "site/content/posts/same-2.md",
        "site/content/posts/same.md",
        "site/content/posts/tmpx.md",
    ]


def test_a_new_line_in_a_name_or_title_adds_no_key(hostile):
    content, _out = hostile
    assert front_matter(content / "posts/a-status-published-case-x.md") == {
        "title": "New line attempt",
        "date": "2009-01-02 10:00",
        "slug": "a-status-published-case-x",
        "redirect_from": ["/?p=2"],
    }
    meta = front_matter(content / "posts/alert1.md")
    assert meta == {
        "title": '<script>alert(1)</script> "quoted": title --- status: published '
        "#hash `$(touch /tmp/casebook-pwned)`",
        "date": "2009-01-03 10:00",
        "slug": "alert1",
        "redirect_from": ["/?p=3"],
    }
    assert not os.path.exists("/tmp/casebook-pwned")


def test_markup_and_script_never_survive_as_html(hostile):
    content, _out = hostile
    body = (content / "posts/alert1.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body == (
        "\nClick\n\n"
        "&lt;script>alert(3)&lt;/script> and &amp;lt;b&amp;gt; as text.  \n"
        "a script link inline  \n"
        "[a placeholder](/etc/passwd) [parens](/a%20b%29%28c)\n"
    )


def test_check_finds_no_raw_html_in_what_was_imported(hostile):
    content, _out = hostile
    code, lines = run_casebook("check", content)
    assert lines == [f"checked 8 files in {shown(content)}: no problems"]
    assert code == 0


def test_entities_are_never_expanded_or_fetched(hostile):
    content, _out = hostile
    meta = front_matter(content / "posts/entities.md")
    assert meta["title"] == "Entities and"
    text = (content / "posts/entities.md").read_text(encoding="utf-8")
    assert text.endswith("---\n\nBody\n")
    assert "root:" not in text


def test_two_items_with_one_name_and_one_id_get_two_files_and_one_claim(hostile):
    content, out = hostile
    assert (
        front_matter(content / "posts/same.md")["title"] == "First of two with one name and one id"
    )
    assert (content / "posts/same.md").read_text(encoding="utf-8").endswith("The first body.\n")
    assert (content / "posts/same-2.md").read_text(encoding="utf-8").endswith("The second body.\n")
    c = shown(content)
    assert (
        f"{c}/posts/same-2.md: the old address /?p=5 is also claimed by {c}/posts/same.md; "
        "it leads there, not here"
    ) in out
    assert (
        f"{c}/pages/the-sites-own-address.md: the old address /conditions/ is where this site "
        "puts the conditions index; it is not kept"
    ) in out
    assert (
        "  posts: 8: 7 imported; 1 not imported: its WordPress status '$(reboot)' is unknown" in out
    )


def test_the_billion_laughs_are_refused_with_advice(tmp_path):
    content = tmp_path / "content"
    code, out = run_casebook("wpimport", "--content", content, WXR / "billion-laughs.xml")
    assert code == 1
    assert len(out) == 1
    assert out[0].startswith(f"{shown(WXR / 'billion-laughs.xml')}:")
    assert "not a readable XML file" in out[0]
    assert out[0].endswith("nothing was written. Export it again from WordPress's Tools > Export")
    assert not content.exists()


def item(post_id, name, title, body, status="publish"):
    return (
        f"<item><title><![CDATA[{title}]]></title><link>https://x.example/?p={post_id}</link>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>2009-01-01 10:00:00</wp:post_date>"
        f"<wp:post_name><![CDATA[{name}]]></wp:post_name><wp:status>{status}</wp:status>"
        "<wp:post_type>post</wp:post_type></item>"
    )


def export(path, *items):
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>x</title>'
        "<link>https://x.example</link><wp:base_site_url>https://x.example</wp:base_site_url>"
        + "".join(items)
        + "</channel></rss>",
        encoding="utf-8",
    )
    return path


def test_huge_and_deeply_nested_input_imports_without_a_traceback(tmp_path):
    wxr = export(
        tmp_path / "huge.xml",
        item(1, "a%2F" * 25_000, "Long " * 20_000, "<p>" + "word " * 20_000 + "</p>"),
        item(2, "deep", "Deep", "<div>" * 5_000 + "deep text" + "</div>" * 5_000),
        item(3, "captions", "Captions", "[caption " * 10_000 + "<img src=x>"),
        item(4, "tags", "Tags", "<b " + 'a="' * 10_000 + ">"),
    )
    content = tmp_path / "content"
    result = subprocess.run(
        [sys.executable, "-m", "casebook.cli.wpimport", "--content", str(content), str(wxr)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": "plugins"},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    long = front_matter(content / "posts" / ("a" * 100 + ".md"))
    assert len(long["slug"]) == 100 and len(long["title"]) <= 200
    assert "deep text" in (content / "posts/deep.md").read_text(encoding="utf-8")
    assert (content / "posts/captions.md").is_file() and (content / "posts/tags.md").is_file()


# Interrupted runs and their leftovers


def test_an_empty_file_left_by_an_interrupted_import_is_filled(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(WXR / "content", content)
    leftover = content / "posts" / "desk-setup-for-your-neck.md"
    leftover.parent.mkdir()
    leftover.touch()
    code, out = run_casebook("wpimport", "--content", content, WXR / "export.xml")
    assert code == 0
    assert f"{shown(leftover)}" in out
    assert "  an empty file (an interrupted import's) was there; filled it" in out
    assert front_matter(leftover)["slug"] == "desk-setup-for-your-neck"


def test_an_authors_file_where_the_import_would_write_is_left_as_it_is(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(WXR / "content", content)
    mine = content / "posts" / "desk-setup-for-your-neck.md"
    mine.parent.mkdir()
    mine.write_text("my own notes\n", encoding="utf-8")
    code, out = run_casebook("wpimport", "--content", content, WXR / "export.xml")
    assert code == 0
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    assert (
        "  posts: 4: 2 imported (1 case, held back); 2 already in content/ (left as they are)"
        in out
    )


def test_an_interrupt_leaves_whole_files_and_no_temporary_ones(tmp_path, monkeypatch):
    content = tmp_path / "content"
    written = []
    real = wpimport.write_one

    def interrupted(planned, text, where):
        if len(written) == 2:
            raise KeyboardInterrupt
        written.append(planned.relpath)
        return real(planned, text, where)

    monkeypatch.setattr(wpimport, "write_one", interrupted)
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        code = wpimport.main(["--content", str(content), str(WXR / "practice-blog.xml")])
    assert code == 130
    assert err.getvalue().endswith("import: stopped; nothing half-written was left behind\n")
    files = sorted(p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file())
    assert (
        files
        == sorted(written)
        == ["cases/calf-cramps-at-night.md", "cases/restless-legs-keeping-her-awake.md"]
    )
    assert all(front_matter(content / f)["status"] == "draft" for f in files)


def test_progress_goes_to_stderr_one_line_per_item(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(WXR / "content", content)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "casebook.cli.wpimport",
            "--content",
            str(content),
            str(WXR / "export.xml"),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": "plugins"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stderr.splitlines() == [
        "import: 1/5 cases/neck-pain-at-the-desk-ana-r.md",
        "import: 2/5 cases/restless-legs-at-night-louise-t.md",
        "import: 3/5 posts/desk-setup-for-your-neck.md",
        "import: 4/5 posts/calf-cramps-in-swimmers.md",
        "import: 5/5 pages/about-the-practice.md",
    ]


def test_make_import_never_runs_a_hostile_uploads_value(tmp_path):
    marker = tmp_path / "injected"
    uploads = f"up`touch {marker}`$(shell touch {marker})$$(touch {marker}) \"';"
    result = subprocess.run(
        [
            "make",
            "-s",
            "-o",
            ".venv/.installed",
            "import",
            f"WXR={WXR / 'export.xml'}",
            f"UPLOADS={uploads}",
            f"INPUTDIR={tmp_path / 'content'}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused_quietly(result), result.stderr
    assert result.stdout == (
        f"{uploads}: no such folder; give the copy of the old site's wp-content/uploads, "
        "e.g. UPLOADS=backup/wp-content/uploads\n"
    )
    assert not marker.exists() and not (tmp_path / "content").exists()


def test_progress_on_a_terminal_is_one_bar_drawn_again_in_place():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    stream = Terminal()
    progress = wpimport.Progress(4, stream)
    for _ in range(4):
        progress.step("posts/x.md")
    assert stream.getvalue() == (
        "\rimport [#######-----------------------] 1/4"
        "\rimport [###############---------------] 2/4"
        "\rimport [######################--------] 3/4"
        "\rimport [##############################] 4/4\n"
    )
