"""New files, pictures and approval copies from the desk."""

from __future__ import annotations

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..content.corpus import Kind
from ..content.values import status_of
from . import pictures, shipping, starting
from .state import Desk
from .web import desk_of, edit_url, page, see_other, texts, writes

KINDS = {"case": "case", "post": "post", "page": "page", "condition": "condition"}


def _taken(desk: Desk) -> set[str]:
    judged = desk.checker.judge()
    slugs = set(judged.slugs.values())
    for file in desk.checker.files:
        if file.kind in (Kind.ARTICLE, Kind.PAGE):
            slug = desk.checker.source_of(file).meta.get("slug")
            if isinstance(slug, str):
                slugs.add(slug.strip())
    return slugs


def start_form(request: Request) -> Response:
    """The one question a new file needs: its title (or a condition's name)."""
    kind = KINDS.get(request.path_params["kind"])
    if kind is None:
        raise HTTPException(404, "The desk starts cases, posts, pages and conditions.")
    return page(request, "new.html", kind=kind, name=request.query_params.get("name", ""), why=None)


@writes
def start(request: Request, form: FormData) -> Response:
    """Write the new file as a draft, then open its form."""
    desk = desk_of(request)
    kind = KINDS.get(request.path_params["kind"])
    if kind is None:
        raise HTTPException(404, "The desk starts cases, posts, pages and conditions.")
    single, _lists = texts(form)
    title = single.get("title", "")
    try:
        if kind == "condition":
            judged = desk.checker.judge()
            made = starting.new_condition(desk.content, title, desk.settings, judged.vocabulary)
        else:
            pages = sum(f.kind == Kind.PAGE for f in desk.checker.files)
            made = starting.new_post(desk.content, kind, title, desk.settings, _taken(desk), pages)
    except starting.CannotStartError as why:
        return page(request, "new.html", status=422, kind=kind, name=title, why=str(why))
    return see_other(edit_url(made.relpath))


@writes
def follow_up(request: Request, form: FormData) -> Response:
    """A follow-up of a published post: an ordinary post that follows it."""
    desk = desk_of(request)
    file = desk.file(request.path_params["path"])
    if file is None or file.kind != Kind.ARTICLE:
        raise HTTPException(404, "A follow-up follows a post or case.")
    original = desk.checker.source_of(file)
    if status_of(original) != "published":
        raise HTTPException(409, "A follow-up can only follow a published post: publish it first.")
    try:
        made = starting.new_followup(desk.content, original, desk.settings, _taken(desk))
    except starting.CannotStartError as why:
        raise HTTPException(409, str(why)) from why
    return see_other(edit_url(made.relpath))


@writes
def picture(request: Request, form: FormData) -> Response:
    """A picture for a post: cleaned, saved under content/images/, its Markdown line returned."""
    desk = desk_of(request)
    file = desk.file(request.path_params["path"])
    if file is None:
        raise HTTPException(404, "Pictures go with a case, post, page or condition.")
    upload = form.get("picture")
    alt = " ".join(str(form.get("alt") or "").split())
    wants_json = "application/json" in request.headers.get("accept", "")
    problem = None
    if not alt:
        problem = "Describe the picture for readers who cannot see it (alt text): it is required."
    elif not isinstance(upload, UploadFile) or not upload.size:
        problem = "Choose a picture to add."
    elif upload.size > pictures.MAX_BYTES:
        problem = "The picture is larger than 20 MB; make it smaller first."
    made = None
    if problem is None and isinstance(upload, UploadFile):
        slug = str(desk.checker.source_of(file).meta.get("slug") or file.path.stem)
        try:
            made = pictures.save(desk.content, slug, upload.file.read(pictures.MAX_BYTES + 1))
        except pictures.NotAPictureError as why:
            problem = f"{why}."
    if made is None:
        if wants_json:
            return JSONResponse({"problem": problem}, status_code=422)
        return page(request, "picture.html", status=422, file=file, problem=problem, line=None)
    judged = desk.checker.judge()
    found = [p.message for p in judged.problems if p.path == made.relpath]
    line = made.markdown(alt)
    if wants_json:
        return JSONResponse({"markdown": line, "problems": found, "path": made.relpath})
    return page(request, "picture.html", file=file, problem=None, line=line, found=found)


@writes
def approval_copy(request: Request, form: FormData) -> Response:
    """`make consent OF=<slug>`: the approval copy for the client, and what it printed."""
    desk = desk_of(request)
    file = desk.file(request.path_params["path"])
    if file is None or not shipping.has_target(desk.root, "consent"):
        raise HTTPException(404, "Approval copies need `make consent`, which this project lacks.")
    slug = str(desk.checker.source_of(file).meta.get("slug") or "")
    lines: list[str] = []
    code = shipping.run(
        desk.root, "consent", {"OF": slug, "INPUTDIR": desk.content_given}, lines.append
    )
    return page(request, "consent.html", file=file, lines=lines, ok=code == 0)
