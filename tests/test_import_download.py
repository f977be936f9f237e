"""Without UPLOADS, `make import` downloads a post's images from the old site itself: tested
against a real HTTP server on 127.0.0.1 that stands in for the old WordPress host."""

import http.server
import os
import shutil
import socket
import threading
from functools import partial

import pytest
from conftest import FIXTURES, ROOT, front_matter, run_casebook

WXR = FIXTURES / "wxr"
OLD = "http://www.calfandback.example"


class OldSite(http.server.SimpleHTTPRequestHandler):
    """The old host: wp-content/uploads as files; one image redirects to another host."""

    requests: list = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.requests.append((self.headers.get("Host"), self.path))
        if self.path.endswith("/2009/07/chair.jpg"):
            port = self.server.server_address[1]
            self.send_response(302)
            self.send_header("Location", f"http://localhost:{port}/elsewhere/chair.jpg")
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def old_site(tmp_path):
    """A server on 127.0.0.1 with the fixture's uploads under /wp-content/uploads/."""
    root = tmp_path / "www"
    shutil.copytree(WXR / "uploads", root / "wp-content" / "uploads")
    OldSite.requests = []
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(OldSite, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def named(host):
    """The old site named on the command line: a stand-in on this computer, which only a
    test may allow (the Makefile never passes --allow-private-hosts)."""
    return ("--old-site", f"http://{host}", "--allow-private-hosts")


def export_at(tmp_path, host):
    """The practice blog, as exported from a WordPress at `host`."""
    text = (WXR / "practice-blog.xml").read_text(encoding="utf-8")
    path = tmp_path / "export.xml"
    path.write_text(text.replace(OLD, f"http://{host}"), encoding="utf-8")
    return path


def test_images_are_downloaded_from_the_old_host_only(tmp_path, old_site):
    content = tmp_path / "content"
    shutil.copytree(WXR / "content", content)
    code, out = run_casebook(
        "wpimport", "--content", content, *named(old_site), export_at(tmp_path, old_site)
    )
    assert code == 0, out
    images = content / "images"
    assert sorted(p.name for p in images.iterdir()) == [
        "calf-stretch-300x225.jpg",
        "calf-stretch.jpg",
        "desk-setup.png",
    ]
    assert (images / "calf-stretch.jpg").read_bytes() == (
        WXR / "uploads/2009/06/calf-stretch.jpg"
    ).read_bytes()
    # The redirect to another host is refused, not followed, and the image is listed.
    assert {h for h, _path in OldSite.requests} == {old_site}
    assert [p for _h, p in OldSite.requests if "elsewhere" in p] == []
    shown = os.path.relpath(content, ROOT)
    assert (
        f"  {shown}/posts/five-stretches-for-the-desk.md: http://{old_site}/wp-content/uploads/"
        f"2009/07/chair.jpg -> {shown}/images/chair.jpg (the old site sends it to another site "
        f"(localhost:{old_site.split(':')[1]}))"
    ) in out
    assert "imported 10 new files and 3 images" in out
    assert "  images and files the posts show: 4: 3 downloaded, 1 missing" in out
    for path in content.rglob("*.md"):
        assert old_site not in path.read_text(encoding="utf-8"), path


def test_an_old_host_that_does_not_answer_leaves_every_image_listed_by_post(tmp_path):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        host = f"127.0.0.1:{probe.getsockname()[1]}"
    content = tmp_path / "content"
    code, out = run_casebook(
        "wpimport", "--content", content, *named(host), export_at(tmp_path, host)
    )
    assert code == 0, out
    missing = [line for line in out if line.startswith("  ") and " -> " in line]
    assert [line.split(": ", 1)[1].split(" -> ")[0] for line in missing] == [
        f"http://{host}/wp-content/uploads/2009/06/calf-stretch-300x225.jpg",
        f"http://{host}/wp-content/uploads/2009/06/calf-stretch.jpg",
        f"http://{host}/wp-content/uploads/2009/07/desk_setup.PNG",
        f"http://{host}/wp-content/uploads/2009/07/chair.jpg",
    ]
    assert all("(the old site did not answer (" in line for line in missing)
    assert not (content / "images").exists()
    # The posts link to where each image belongs, so saving it there is all it takes.
    case = (content / "cases/calf-cramps-at-night.md").read_text(encoding="utf-8")
    assert "({static}/images/calf-stretch-300x225.jpg)" in case
    assert front_matter(content / "cases/calf-cramps-at-night.md")["status"] == "draft"
