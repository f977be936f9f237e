"""What every desk page shares: the desk itself, rendering a template, and the token check."""

from __future__ import annotations

import functools
import hmac
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from .guard import MAX_UPLOAD
from .state import Desk

Handler = Callable[[Request, FormData], Response]
MAX_FIELDS = 400


def desk_of(request: Request) -> Desk:
    desk: Desk = request.app.state.desk
    return desk


def page(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    """A desk page from its template, with what every page needs."""
    desk = desk_of(request)
    text = desk.pages.get_template(template).render(
        token=desk.token, preview_url=desk.preview_url, path=request.url.path, **values
    )
    return HTMLResponse(text, status_code=status)


def see_other(url: str) -> RedirectResponse:
    """After a write, the page to show (303: the browser asks for it with GET)."""
    return RedirectResponse(url, status_code=303)


def edit_url(relpath: str, **query: str) -> str:
    tail = "&".join(f"{k}={quote(v)}" for k, v in query.items())
    return f"/edit/{quote(relpath)}" + (f"?{tail}" if tail else "")


def writes(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """A route that writes: its form is read within limits and must carry the desk's token.

    The Guard has already refused other origins, other hosts and large bodies; the token
    proves the request was sent by a page this desk served in this session.
    """

    @functools.wraps(handler)
    async def endpoint(request: Request) -> Response:
        form = await request.form(max_files=1, max_fields=MAX_FIELDS, max_part_size=MAX_UPLOAD)
        sent = request.headers.get("x-desk-token") or str(form.get("token") or "")
        if not hmac.compare_digest(sent.encode(), desk_of(request).token.encode()):
            await form.close()
            raise HTTPException(403, "Refused: this request did not come from the desk's own page.")
        try:
            return await run_in_threadpool(handler, request, form)
        finally:
            await form.close()

    return endpoint


def texts(form: FormData) -> tuple[dict[str, str], dict[str, list[str]]]:
    """A form's text values: each name's last value, and every value of each name."""
    single: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    for key, value in form.multi_items():
        if isinstance(value, str):
            single[key] = value
            lists.setdefault(key, []).append(value)
    return single, lists
