"""The desk as one web app: its routes, its own static files, behind the Guard."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import making, pages, publish_pages
from .guard import App, Guard
from .state import HERE, Desk
from .web import page

ROUTES = [
    Route("/", pages.index),
    Route("/edit/{path:path}", pages.edit, methods=["GET"]),
    Route("/edit/{path:path}", pages.save, methods=["POST"]),
    Route("/check/{path:path}", pages.check, methods=["POST"]),
    Route("/new/{kind}", making.start_form, methods=["GET"]),
    Route("/new/{kind}", making.start, methods=["POST"]),
    Route("/follow-up/{path:path}", making.follow_up, methods=["POST"]),
    Route("/pictures/{path:path}", making.picture, methods=["POST"]),
    Route("/consent/{path:path}", making.approval_copy, methods=["POST"]),
    Route("/publish", publish_pages.publish_page, methods=["GET"]),
    Route("/publish", publish_pages.publish, methods=["POST"]),
    Route("/publish/ship", publish_pages.ship, methods=["POST"]),
    Route("/publish/progress", publish_pages.progress, methods=["GET"]),
    Route("/target", publish_pages.target_page, methods=["GET"]),
    Route("/target", publish_pages.set_target, methods=["POST"]),
    Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
]


async def refused(request: Request, error: Exception) -> Response:
    """Every refusal as a desk page in plain words (never a traceback)."""
    status = error.status_code if isinstance(error, HTTPException) else 500
    words = error.detail if isinstance(error, HTTPException) else "Something went wrong."
    return page(request, "refused.html", status=status, words=words)


def make_app(desk: Desk, port: int) -> App:
    """The desk's app for one server on 127.0.0.1:`port`."""
    app = Starlette(routes=ROUTES, exception_handlers={HTTPException: refused})
    app.state.desk = desk
    return Guard(app, port, desk.preview_url.rstrip("/"))
