"""Publishing from the desk, and where the site goes: set once, checked before every build."""

from __future__ import annotations

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from . import deploy
from .web import desk_of, page, see_other, texts, writes


def _problems(request: Request) -> list[str]:
    judged = desk_of(request).checker.judge()
    return [str(p) for p in judged.problems if p.is_error]


def publish_page(request: Request) -> Response:
    """Where the site goes, what stops it, and the publish under way (if any)."""
    desk = desk_of(request)
    job = desk.publisher.job
    return page(
        request,
        "publish.html",
        job=job,
        target=deploy.load(desk.root),
        problems=_problems(request) if not job.running else [],
    )


@writes
def publish(request: Request, form: FormData) -> Response:
    """Refuse (target, problems) or start the build; the page shows how it goes."""
    desk = desk_of(request)
    desk.publisher.start(_problems(request), deploy.load(desk.root))
    return see_other("/publish")


@writes
def ship(request: Request, form: FormData) -> Response:
    """Ship the build whose changes the practitioner has seen."""
    desk_of(request).publisher.ship()
    return see_other("/publish")


def progress(request: Request) -> Response:
    """The publish under way, for the page's script."""
    job = desk_of(request).publisher.job
    return JSONResponse(
        {"step": job.step, "lines": job.lines[-200:], "result": job.result, "running": job.running}
    )


def target_page(request: Request) -> Response:
    desk = desk_of(request)
    return page(request, "target.html", target=deploy.load(desk.root) or deploy.Target(), why=None)


@writes
def set_target(request: Request, form: FormData) -> Response:
    """Check the target, then keep it in deploy.json; a target that cannot be used is not kept."""
    desk = desk_of(request)
    single, _lists = texts(form)
    target = deploy.Target(
        how="github" if single.get("how") == "github" else "rsync",
        rsync=" ".join(single.get("rsync", "").split()),
        remote=single.get("remote", "origin").strip() or "origin",
        branch=single.get("branch", "gh-pages").strip() or "gh-pages",
    )
    why = deploy.unreachable(target, desk.root)
    if why:
        return page(request, "target.html", status=422, target=target, why=why)
    deploy.save(desk.root, target)
    return see_other("/publish")
