"""The preview's web server: the output folder on 127.0.0.1, and a build event stream (SSE).

A page built for the preview loads /.casebook/live.js (partials/preview.html). The script
listens to /.casebook/events and reloads the page when a newer build is announced,
keeping its scroll position. Both addresses start with a dot, which no slug can: they
can never be a page of the site.
"""

from __future__ import annotations

import functools
import json
import logging
import secrets
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import unquote

logger = logging.getLogger(__name__)

EVENTS = "/.casebook/events"
SCRIPT = "/.casebook/live.js"
KEEP_ALIVE = 15.0  # seconds between comments on an idle stream, to notice closed tabs


class Builds:
    """The latest build's name, and a way to wait for the next one."""

    def __init__(self) -> None:
        # A new name per server: a page open before a restart reloads once it reconnects.
        self._prefix = secrets.token_hex(4)
        self._number = 0
        self._changed = threading.Condition()
        self.closed = False

    @property
    def current(self) -> str:
        return f"{self._prefix}-{self._number}"

    def announce(self) -> str:
        """A build has finished: wake every open page."""
        with self._changed:
            self._number += 1
            self._changed.notify_all()
            return self.current

    def wait(self, seen: str | None, timeout: float) -> str:
        """The current build's name, once it is not `seen` or `timeout` seconds have passed."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self.current != seen, timeout)
            return self.current

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()


@functools.cache
def script_text() -> str:
    """The reload script (preview/live.js), read once."""
    return resources.files(__package__).joinpath("live.js").read_text(encoding="utf-8")


# Longer than any address the site makes (a slug is at most 100 characters).
MAX_PATH = 2048
LOCAL_NAMES = ("127.0.0.1", "localhost")


def path_problem(raw: str) -> str | None:
    """Why a request's path is refused (400), or None: only plain paths into the folder pass.

    The path is decoded once, as strict UTF-8 (an overlong or otherwise invalid sequence is
    refused, not guessed), and may then hold no control character or NUL, no backslash and
    no `.` or `..` segment: nothing that could mean a file outside the output folder.
    """
    path = raw.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/") or len(raw) > MAX_PATH:
        return "not a path of this site"
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return "not UTF-8 once decoded"
    if any(ord(c) < 32 or ord(c) == 127 for c in decoded) or "\\" in decoded:
        return "a control character or a backslash in the path"
    if any(part in (".", "..") for part in decoded.split("/")):
        return "a . or .. segment in the path"
    if "%" in decoded and unquote(decoded) != decoded:
        return "encoded twice"
    return None


def host_problem(host: str | None, port: int) -> str | None:
    """Why a request's Host header is refused (421), or None for this server's own names.

    A page on another site can point a name of its own at 127.0.0.1 (DNS rebinding) and so
    read what the preview shows, drafts and problems included: its requests carry that name.
    """
    if not host:
        return "no Host header"
    name, _, given = host.strip().lower().rpartition(":")
    if not name or given.startswith("["):
        name, given = host.strip().lower(), ""
    if name not in LOCAL_NAMES:
        return f"the host {host[:60]!r} is not this computer's preview"
    if given and given != str(port):
        return f"the port {given[:10]!r} is not this server's"
    if not given and port != 80:
        return "no port in the Host header"
    return None


class StaticHost(SimpleHTTPRequestHandler):
    """Serves a folder as a static host does: a missing path gets the site's 404.html.

    Only for its own host and port, only plain paths, and never a folder's listing.
    """

    def parse_request(self) -> bool:
        """http.server's parsing, then this server's own host and path rules."""
        if not super().parse_request():
            return False
        address: tuple[str, int] = self.server.server_address  # type: ignore[assignment]
        host = host_problem(self.headers.get("Host"), address[1])
        if host:
            self.send_error(HTTPStatus.MISDIRECTED_REQUEST, host)
            return False
        refused = path_problem(self.path)
        if refused:
            self.send_error(HTTPStatus.BAD_REQUEST, refused)
            return False
        return True

    def list_directory(self, path):
        """No listings: a folder without index.html is a missing page, as on a static host."""
        self.send_error(HTTPStatus.NOT_FOUND)

    def send_error(self, code, message=None, explain=None):
        """A missing page gets the site's own 404 page, as a static host would give it."""
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def log_message(self, format, *args):  # noqa: A002 (http.server's own name)
        logger.debug(format, *args)


class PreviewHandler(StaticHost):
    """Serves the output folder as a static host would, never cached, plus the two addresses."""

    builds: Builds  # set on the subclass made for each server

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        path = self.path.split("?", 1)[0]
        if path == EVENTS:
            self._events()
        elif path == SCRIPT:
            self._script()
        else:
            super().do_GET()

    def end_headers(self) -> None:
        # An edited page must never come from the browser's cache; live.js reads which
        # build served the page.
        self.send_header("Cache-Control", "no-store")
        self.send_header("Server-Timing", f'casebook-build;desc="{self.builds.current}"')
        super().end_headers()

    def _script(self) -> None:
        # The build this page was served from, so a build finished in between still counts.
        body = script_text().replace('"__CASEBOOK_BUILD__"', json.dumps(self.builds.current))
        data = body.encode("utf-8")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/javascript; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.end_headers()
        seen = None
        try:
            self.wfile.write(b"retry: 1000\n\n")
            while not self.builds.closed:
                current = self.builds.wait(seen, KEEP_ALIVE)
                if current != seen:
                    self.wfile.write(f"event: build\ndata: {current}\n\n".encode())
                    seen = current
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return  # the tab was closed or reloaded


class LiveServer(ThreadingHTTPServer):
    """The preview's server; every request, event streams included, in its own thread."""

    daemon_threads = True

    def __init__(self, output: str, port: int, builds: Builds) -> None:
        handler = type("Handler", (PreviewHandler,), {"builds": builds})
        # 127.0.0.1 only: the preview shows drafts and problems no one else should see.
        super().__init__(("127.0.0.1", port), functools.partial(handler, directory=output))
        self.builds = builds

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="preview-server", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self.builds.close()
        self.shutdown()
        self.server_close()
