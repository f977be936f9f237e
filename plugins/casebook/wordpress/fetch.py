"""Downloads from the old site: only the host the practitioner names, only public addresses,
within a time limit per file and for the whole import.

The export says where the old site was (`base_site_url`), but an export can say anything:
images are fetched only from the host given on the command line (`make import OLD_SITE=…`).
That host's every address is resolved and must be public (no loopback, private, link-local,
multicast or reserved address); the connection goes to the address that was checked, so a
second lookup cannot change it; a redirect is followed only to the same host, and checked
again. A server that answers a byte at a time is cut off when the file's time is up (the
socket is shut from a timer, so no single slow read can outlast it), and so is the import
once its own time for downloads is spent.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

MAX_BYTES = 25 * 1024 * 1024
FILE_SECONDS = 30.0  # for one file, from connecting to the last byte
RUN_SECONDS = 600.0  # for every download of one import
MAX_REDIRECTS = 5
CHUNK = 65536


class UnavailableError(Exception):
    """An image that could not be had, and why (in plain words)."""


def public_addresses(host: str, port: int) -> list[str]:
    """Every address `host` resolves to; UnavailableError if one of them is not public."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise UnavailableError(f"the old site's name {host!r} does not resolve ({err})") from err
    addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not ip.is_global or ip.is_multicast:
            raise UnavailableError(
                f"{host} is at {address}, an address on this computer or a private network; "
                "downloads go to public hosts only"
            )
    return addresses


@dataclass
class Fetcher:
    """Downloads from one named host, with a clock for the whole import."""

    site: str  # the old site's address as the practitioner gave it: https://old.example
    file_seconds: float = FILE_SECONDS
    run_seconds: float = RUN_SECONDS
    allow_private: bool = False  # for tests against a server on this computer only
    spent: float = 0.0
    _host: str = field(init=False, default="")

    def __post_init__(self) -> None:
        parts = urlsplit(self.site.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"OLD_SITE={self.site!r} is not an http(s) address of a site")
        self._scheme, self._host, self._port = parts.scheme, parts.hostname, parts.port

    @property
    def netloc(self) -> str:
        return f"{self._host}:{self._port}" if self._port else self._host

    def url_for(self, path: str) -> str:
        """The address of an old path on the named site."""
        return f"{self._scheme}://{self.netloc}{path}"

    def get(self, url: str) -> bytes:
        """The file at `url` (on the named host); UnavailableError with the reason if not."""
        left = self.run_seconds - self.spent
        if left <= 0:
            raise UnavailableError(
                f"not downloaded: the import's {self.run_seconds:.0f} s for downloads are used up"
            )
        started = time.monotonic()
        try:
            return self._get(url, min(self.file_seconds, left), MAX_REDIRECTS, False)
        finally:
            self.spent += time.monotonic() - started

    def _get(self, url: str, seconds: float, redirects: int, redirected: bool) -> bytes:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.hostname != self._host:
            if redirected:
                raise UnavailableError(
                    f"the old site sends it to another site ({parts.netloc[:60]})"
                )
            raise UnavailableError(f"not on the old site {self.netloc} ({parts.netloc[:60]})")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = (
            [str(i[4][0]) for i in socket.getaddrinfo(self._host, port, type=socket.SOCK_STREAM)]
            if self.allow_private
            else public_addresses(self._host, port)
        )
        deadline = time.monotonic() + seconds
        connection = _Connection(parts.scheme, self._host, port, addresses[0], deadline)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request("GET", path, headers={"User-Agent": "casebook-import"})
            answer = connection.getresponse()
            if answer.status in (301, 302, 303, 307, 308) and answer.getheader("Location"):
                if redirects == 0:
                    raise UnavailableError("the old site sends it round too many redirects")
                target = urljoin(url, answer.getheader("Location") or "")
                return self._get(target, deadline - time.monotonic(), redirects - 1, True)
            if answer.status != 200:
                raise UnavailableError(f"the old site answered {answer.status} {answer.reason}")
            length = answer.getheader("Content-Length") or ""
            if length.isdigit() and int(length) > MAX_BYTES:
                raise UnavailableError(f"larger than {MAX_BYTES // 2**20} MB")
            return _read(answer, deadline, seconds)
        except (OSError, http.client.HTTPException) as err:
            if time.monotonic() >= deadline:
                raise UnavailableError(f"took longer than {seconds:.0f} s; cut off") from err
            raise UnavailableError(f"the old site did not answer ({str(err)[:60]})") from err
        finally:
            connection.close()


def _read(answer: http.client.HTTPResponse, deadline: float, seconds: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() >= deadline:
            raise UnavailableError(f"took longer than {seconds:.0f} s; cut off")
        chunk = answer.read1(CHUNK)
        if not chunk:
            if time.monotonic() >= deadline:  # the timer shut the socket
                raise UnavailableError(f"took longer than {seconds:.0f} s; cut off")
            if answer.length:  # fewer bytes than the old site said it would send
                raise UnavailableError("the old site stopped in the middle of the file")
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_BYTES:
            raise UnavailableError(f"larger than {MAX_BYTES // 2**20} MB")
        chunks.append(chunk)


class _Connection(http.client.HTTPSConnection):
    """A connection to the address that was checked (with the host's own name for TLS and
    Host), shut from a timer once its deadline passes."""

    def __init__(self, scheme: str, host: str, port: int, address: str, deadline: float):
        context = ssl.create_default_context() if scheme == "https" else None
        super().__init__(host, port, timeout=max(0.1, deadline - time.monotonic()), context=context)
        self._tls = context
        self._address = address
        self._deadline = deadline
        self._timer: threading.Timer | None = None

    def connect(self) -> None:
        left = max(0.1, self._deadline - time.monotonic())
        self.sock = socket.create_connection((self._address, self.port), timeout=left)
        self._timer = threading.Timer(left, self._expire)
        self._timer.daemon = True
        self._timer.start()
        if self._tls is not None:
            self.sock = self._tls.wrap_socket(self.sock, server_hostname=self.host)

    def _expire(self) -> None:
        sock = self.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        super().close()
