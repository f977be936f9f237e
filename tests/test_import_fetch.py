"""The importer's downloads stay home: the named host only, public addresses, total time limits."""

import shutil
import socket
import threading
import time

import pytest
from conftest import FIXTURES, run_casebook
from test_import_download import export_at

from casebook.wordpress.fetch import Fetcher, UnavailableError, public_addresses


class Trickle:
    """A server on 127.0.0.1 that answers one byte at a time, and counts what it sent."""

    def __init__(self, headers_slowly=False, gap=0.2, size=2000):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.headers_slowly, self.gap, self.size = headers_slowly, gap, size
        self.connections, self.sent = 0, 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._answer, args=(client,), daemon=True).start()

    def _answer(self, client):
        client.recv(65536)
        head = f"HTTP/1.1 200 OK\r\nContent-Length: {self.size}\r\n\r\n".encode()
        try:
            if self.headers_slowly:
                for i in range(len(head)):
                    client.sendall(head[i : i + 1])
                    time.sleep(self.gap)
            else:
                client.sendall(head)
            for _ in range(self.size):
                client.sendall(b"x")
                self.sent += 1
                time.sleep(self.gap)
        except OSError:
            pass  # cut off by the importer
        finally:
            client.close()

    def close(self):
        self.sock.close()


@pytest.mark.parametrize("headers_slowly", [False, True])
def test_a_server_that_trickles_is_cut_off_at_the_files_time(headers_slowly):
    server = Trickle(headers_slowly=headers_slowly)
    try:
        fetcher = Fetcher(f"http://127.0.0.1:{server.port}", file_seconds=1.5, allow_private=True)
        with pytest.raises(UnavailableError, match="took longer than 2 s; cut off"):
            fetcher.get(f"http://127.0.0.1:{server.port}/wp-content/uploads/a.jpg")
        # It stopped reading long before the 2000 bytes (400 s at this pace) were sent.
        assert server.sent < 100
    finally:
        server.close()


def test_the_imports_time_for_downloads_is_shared_by_every_file():
    server = Trickle()
    try:
        fetcher = Fetcher(
            f"http://127.0.0.1:{server.port}", file_seconds=1.0, run_seconds=1.0,
            allow_private=True,
        )  # fmt: skip
        for name in ("a", "b", "c"):
            with pytest.raises(UnavailableError):
                fetcher.get(f"http://127.0.0.1:{server.port}/{name}.jpg")
        assert server.connections == 1  # the other two never asked: the time was spent
    finally:
        server.close()


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "10.1.2.3", "192.168.1.1", "169.254.169.254", "::1", "0.0.0.0"],  # noqa: S104
)
def test_loopback_private_and_link_local_addresses_are_refused(host):
    with pytest.raises(UnavailableError, match="public hosts only"):
        public_addresses(host, 80)


def test_the_named_host_only_never_the_exports(tmp_path):
    """An export that says the old site is 127.0.0.1 makes no request at all."""
    server = Trickle(gap=0.0, size=10)
    try:
        content = tmp_path / "content"
        shutil.copytree(FIXTURES / "wxr" / "content", content)
        export = export_at(tmp_path, f"127.0.0.1:{server.port}")
        code, out = run_casebook("wpimport", "--content", content, export)
        assert code == 0, out
        assert server.connections == 0
        assert any("give the old site's address (OLD_SITE=https://…)" in line for line in out)
        # Named, but on this computer: refused before connecting.
        code, out = run_casebook(
            "wpimport", "--content", tmp_path / "again", "--old-site",
            f"http://127.0.0.1:{server.port}", export,
        )  # fmt: skip
        assert code == 0, out
        assert server.connections == 0
        assert any("public hosts only" in line for line in out)
    finally:
        server.close()


def test_old_site_must_be_a_web_address(tmp_path):
    export = export_at(tmp_path, "www.old.example")
    for bad in ("ftp://old.example", "old.example", "file:///etc/passwd"):
        code, out = run_casebook("wpimport", "--content", tmp_path / "c", "--old-site", bad, export)
        assert code == 2 and "is not an http(s) address" in out[0], out
