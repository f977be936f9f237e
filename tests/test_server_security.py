"""The preview server answers only its own page: forged hosts, hostile paths, no listings."""

import socket

import pytest

from casebook.preview.server import Builds, LiveServer


@pytest.fixture
def server(tmp_path):
    output = tmp_path / "output"
    (output / "post").mkdir(parents=True)
    (output / "post" / "index.html").write_text("<!DOCTYPE html><title>Post</title>")
    (output / "images").mkdir()
    (output / "images" / "a.png").write_bytes(b"\x89PNG\r\n")
    (output / "404.html").write_text("<!DOCTYPE html><title>Not found</title><h1>Missing</h1>")
    (tmp_path / "secret.txt").write_text("outside the output folder")
    started = LiveServer(str(output), 0, Builds())
    started.start()
    yield started
    started.stop()


def raw(server, request: bytes) -> tuple[int, bytes]:
    """Send bytes as they are; (status, whole answer). The connection must be answered."""
    with socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=10) as s:
        s.sendall(request)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    answer = b"".join(chunks)
    assert answer.startswith(b"HTTP/1."), answer[:200]
    return int(answer.split(b" ", 2)[1]), answer


def get(server, path: str, host: str | None = "own") -> tuple[int, bytes]:
    port = server.server_address[1]
    host_line = (
        f"Host: 127.0.0.1:{port}\r\n" if host == "own" else (f"Host: {host}\r\n" if host else "")
    )
    request = f"GET {path} HTTP/1.1\r\n{host_line}Connection: close\r\n\r\n"
    return raw(server, request.encode("latin-1"))


def test_its_own_names_are_answered(server):
    port = server.server_address[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
        status, body = get(server, "/post/", host)
        assert status == 200 and b"<title>Post</title>" in body, host


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:{port}",
        "127.0.0.1.evil.example:{port}",
        "localhost.evil.example:{port}",
        "127.0.0.1:{other}",
        "127.0.0.1",
        "[::1]:{port}",
        "0.0.0.0:{port}",
        None,
    ],
)
def test_a_forged_host_is_refused(server, host):
    port = server.server_address[1]
    forged = host and host.format(port=port, other=port + 1)
    status, body = get(server, "/post/", forged)
    assert status == 421, (forged, body[:200])
    assert b"<title>Post</title>" not in body


@pytest.mark.parametrize(
    "path",
    [
        "/post/%00",
        "/%00/../secret.txt",
        "/post%00.html",
        "/../secret.txt",
        "/post/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/images/..%2f..%2fsecret.txt",
        "/%c0%ae%c0%ae/secret.txt",  # overlong UTF-8 for '.'
        "/%c0%af",  # overlong '/'
        "/%e0%80%ae",  # three-byte overlong '.'
        "/%ff%fe",  # no UTF-8 at all
        "/post/%252e%252e/",  # encoded twice
        "/post\\..\\secret.txt",
        "/post/%5c..%5csecret.txt",
        "/" + "a" * 5000,
        "/post/\x7f",
        "/post/%0d%0aSet-Cookie:x=1",
    ],
)
def test_a_malformed_path_gets_400_and_the_server_lives_on(server, path):
    status, body = get(server, path)
    assert status == 400, (path, body[:200])
    assert b"Traceback" not in body and b"outside the output folder" not in body
    assert get(server, "/post/")[0] == 200  # still serving


def test_a_folder_without_index_is_never_listed(server):
    status, body = get(server, "/images/")
    assert status == 404
    assert b"a.png" not in body and b"Missing" in body  # the site's own 404 page


def test_plain_paths_and_queries_still_work(server):
    assert get(server, "/images/a.png")[0] == 200
    assert get(server, "/post/?q=%ZZ&x=..")[0] == 200  # the query is not a path
    assert get(server, "/no-such-page/")[0] == 404
