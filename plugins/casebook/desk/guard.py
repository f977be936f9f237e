"""What keeps the desk a local tool: its own Host, writes from its own pages only, small bodies.

A web page open in another tab can send requests to 127.0.0.1, and a DNS name can be made
to point there (DNS rebinding). So every request must name the desk's own host and port;
every request that writes must come from the desk's own origin and carry the token the
desk put in its pages (checked in pages.writes); a body larger than the limit is refused
before it is read. Every answer forbids framing and caching.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

SAFE_METHODS = frozenset({"GET", "HEAD"})
MAX_BODY = 2 * 1024 * 1024  # a form: far more than any case
MAX_UPLOAD = 21 * 1024 * 1024  # a picture (pictures.MAX_BYTES) and its form
UPLOAD_PREFIX = "/pictures/"


class TooLargeError(Exception):
    """The body went past its limit while it was read."""


def _policy(preview: str) -> str:
    return (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        f"frame-src {preview}; connect-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    )


class Guard:
    """ASGI middleware in front of the desk (see the module's docstring)."""

    def __init__(self, app: App, port: int, preview: str) -> None:
        self.app = app
        self.hosts = {f"127.0.0.1:{port}".encode(), f"localhost:{port}".encode()}
        self.origins = {b"http://" + host for host in self.hosts}
        self.headers = [
            (b"content-security-policy", _policy(preview).encode()),
            (b"x-frame-options", b"DENY"),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),  # no-referrer would make Origin "null"
            (b"cross-origin-resource-policy", b"same-origin"),
            (b"cache-control", b"no-store"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if headers.get(b"host") not in self.hosts:
            await _refuse(send, 421, "This desk answers only at its own address on 127.0.0.1.")
            return
        limit = MAX_UPLOAD if scope["path"].startswith(UPLOAD_PREFIX) else MAX_BODY
        if scope["method"] not in SAFE_METHODS:
            if headers.get(b"origin") not in self.origins:
                await _refuse(
                    send, 403, "Refused: this request did not come from the desk's own page."
                )
                return
            length = headers.get(b"content-length", b"0")
            if not length.isdigit() or int(length) > limit:
                await _refuse(
                    send, 413, "Refused: too large for the desk (a picture may be 20 MB)."
                )
                return

        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise TooLargeError
            return message

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        try:
            await self.app(scope, counted, secured)
        except TooLargeError:
            await _refuse(send, 413, "Refused: too large for the desk.")


async def _refuse(send: Send, status: int, words: str) -> None:
    body = words.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
