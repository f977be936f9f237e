"""`make devserver`: the real server process, its event stream, and what it does on a save."""

import os
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from preview_server import DevServer, copy_content

POST = "jaw-pain-and-clenching-nora-j"
POST_FILE = f"cases/{POST}.md"


@pytest.fixture
def server(tmp_path):
    started = DevServer(copy_content(ROOT / "content", tmp_path), tmp_path)
    yield started
    started.stop()


def page(server, path):
    response = server.get(path)
    assert response.status == 200
    return response, BeautifulSoup(response.read().decode("utf-8"), "lxml")


def test_a_save_rebuilds_the_post_and_announces_a_new_build(server):
    response, html = page(server, f"/{POST}/")
    assert [s["src"] for s in html.select("script[src]")] == ["/.casebook/live.js"]
    assert response.getheader("Cache-Control") == "no-store"
    events = server.events()
    first = events.next_build()
    assert response.getheader("Server-Timing") == f'casebook-build;desc="{first}"'

    post = server.content / POST_FILE
    post.write_text(post.read_text(encoding="utf-8") + "\nWritten after the save.\n")
    second = events.next_build()
    assert second != first
    # The post, and the preview's approval copy of it for the client (it shows the text too).
    assert server.wait_for(r"^Build 2: ").startswith("Build 2: 2 pages written in ")
    _response, html = page(server, f"/{POST}/")
    assert "Written after the save." in html.get_text()


def test_the_script_names_the_build_it_was_served_in(server):
    response = server.get("/.casebook/live.js")
    script = response.read().decode("utf-8")
    build = server.events().next_build()
    assert response.getheader("Content-Type") == "text/javascript; charset=utf-8"
    assert '"__CASEBOOK_BUILD__"' not in script
    assert f'const built = named ? named.description : "{build}";' in script
    assert 'new EventSource("/.casebook/events")' in script


def test_a_missing_page_gets_the_sites_own_404_page(server):
    response = server.get("/no-such-page/")
    assert response.status == 404
    assert BeautifulSoup(response.read(), "lxml").find("h1") is not None


def test_a_broken_template_is_one_line_and_the_server_keeps_serving(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    server = DevServer(copy_content(ROOT / "content", tmp_path), tmp_path, theme=theme)
    try:
        events = server.events()
        events.next_build()
        template = theme / "templates" / "article.html"
        good = template.read_text(encoding="utf-8")
        template.write_text(good.replace("{% endblock content %}", "{% endblok content %}"))
        failed = server.wait_for(r"the preview was not rebuilt")
        assert "article.html" in failed
        assert not any("Traceback" in line for line in server.lines)
        page(server, f"/{POST}/")  # the last good build is still served
        template.write_text(good.replace("<article class=", "<!-- fixed -->\n<article class="))
        events.next_build()
        _response, html = page(server, f"/{POST}/")
        assert "<!-- fixed -->" in str(html)
    finally:
        server.stop()


@pytest.mark.parametrize("port", ["$(touch {m})", "`touch {m}`", "8000; touch {m}", "99999"])
def test_make_devserver_refuses_a_port_that_is_no_port_and_runs_nothing(tmp_path, port):
    marker = tmp_path / "injected"
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "devserver", f"PORT={port.format(m=marker)}"],
        cwd=ROOT,
        env={**os.environ, "OUTPUTDIR": str(tmp_path / "output")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "--port" in result.stderr
    assert "Traceback" not in result.stderr
    assert not marker.exists()


def test_a_port_in_use_is_one_line_of_advice(server, tmp_path):
    port = server.url.rsplit(":", 1)[1].strip("/")
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "devserver", f"PORT={port}"],
        cwd=ROOT,
        env={**os.environ, "OUTPUTDIR": str(tmp_path / "second")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert result.stderr.startswith(
        f"devserver: port {port} is in use (another preview?); stop it, or give another port, "
        f"e.g. make devserver PORT={int(port) + 1}\n"
    )
