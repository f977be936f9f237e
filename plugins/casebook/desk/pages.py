"""The list of everything written, and the form of one file: read, check while typing, save."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..content.corpus import File, Kind
from ..content.source import Source
from ..content.values import PUBLIC, status_of
from . import documents, library, placing, publishing, shipping
from .consent import consent_of, signed_changes, signed_fields
from .forms import FORMS, Field, Form, Widget, changes, current, form_of, shown
from .state import Desk
from .web import desk_of, edit_url, page, see_other, texts, writes

SPARE_CONDITIONS = 1  # empty condition boxes under the filled ones


def index(request: Request) -> Response:
    """Every case, post, page and condition: status, problems, conditions, last change."""
    desk = desk_of(request)
    judged = desk.checker.judge()
    sources = {f.relpath: desk.checker.source_of(f) for f in desk.checker.files}
    found = library.entries(desk.checker.files, sources, judged)
    query = request.query_params
    chosen = library.chosen(
        found, query.get("condition", ""), query.get("status", ""), query.get("kind", "")
    )
    return page(
        request,
        "index.html",
        entries=chosen,
        total=len(found),
        conditions=[e.name for e in judged.vocabulary],
        query=query,
        problems=sum(e.errors for e in found),
    )


@dataclass
class Editing:
    """Everything the form of one file shows."""

    file: File
    document: documents.Document
    source: Source
    form: Form | None  # None: the front matter cannot be read, so the whole text is edited
    values: dict[str, Any]
    body: str
    placed: placing.Placed
    frozen: bool


def _file(desk: Desk, relpath: str) -> File:
    file = desk.file(relpath)
    if file is None:
        raise HTTPException(404, "No such case, post, page or condition here.")
    return file


def _open(desk: Desk, file: File) -> documents.Document:
    try:
        return documents.open_document(file.path, file.relpath, file.shown, file.label)
    except documents.NotTextError as err:
        raise HTTPException(422, f"{file.shown}: {err}") from err
    except OSError as err:
        raise HTTPException(404, f"{file.shown}: {err.strerror or err}") from err


def frozen(desk: Desk, source: Source, kind: Kind) -> bool:
    """Whether the slug is fixed: the file is published, or its page went online from the desk."""
    if kind == Kind.CONDITION:
        return True  # the file name is the address
    if status_of(source) in PUBLIC:
        return True
    which = "page" if kind == Kind.PAGE else "post"
    slug = str(source.meta.get("slug") or "")
    address = desk.preview_address(source.path, slug, "published", which, source.meta.get("lang"))
    if address is None:
        return False
    online = publishing.published_addresses(desk.publisher.cache)
    return "/" + address.removeprefix(desk.preview_url) in online


def _values(fields: tuple[Field, ...], source: Source) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in fields:
        value = shown(current(source, field.path), field.widget)
        if field.path == ("status",) and not value:
            value = "published"
        values[field.name] = value
    return values


def editing(
    desk: Desk, file: File, document: documents.Document, text: str | None = None
) -> Editing:
    """The form of a file (as on disk, or as `text` would make it) and its problems now."""
    source = document.source(text)
    form = form_of(file.kind, source, file.relpath) if source.readable else None
    judged = desk.checker.judge(source if text is not None else None)
    problems = [p for p in judged.problems if p.path == file.relpath]
    fields = FORMS[form] if form else ()
    slots = [("case", "consent")] if form == Form.CASE else []
    placed = placing.place(problems, source, fields, judged.vocabulary, slots)
    values = _values(fields, source)
    return Editing(
        file,
        document,
        source,
        form,
        values,
        source.body,
        placed,
        frozen(desk, document.source(), file.kind),
    )


def show(request: Request, editing: Editing, status: int = 200, **more: Any) -> Response:
    desk = desk_of(request)
    source = editing.source
    case = source.meta.get("case")
    kind = (
        "condition"
        if editing.file.kind == Kind.CONDITION
        else "page"
        if editing.file.kind == Kind.PAGE
        else "post"
    )
    slug = str(source.meta.get("slug") or "").strip() or None
    spare = more.pop("spare", SPARE_CONDITIONS)
    return page(
        request,
        "edit.html",
        status=status,
        e=editing,
        fields=FORMS[editing.form] if editing.form else (),
        Widget=Widget,
        spare=spare,
        vocabulary=desk.checker.last.vocabulary if desk.checker.last else None,
        consent=consent_of(case) if editing.form == Form.CASE else None,
        consent_signed=signed_fields(case),
        consent_command=shipping.has_target(desk.root, "consent"),
        legacy_consent=isinstance(case, dict) and not isinstance(case.get("consent"), dict),
        preview=desk.preview_address(
            editing.file.relpath, slug, status_of(source), kind, source.meta.get("lang")
        ),
        followable=editing.file.kind == Kind.ARTICLE and status_of(source) == "published",
        **more,
    )


def edit(request: Request) -> Response:
    """The form of one file, filled from the file as it is on disk."""
    desk = desk_of(request)
    file = _file(desk, request.path_params["path"])
    found = editing(desk, file, _open(desk, file))
    return show(request, found, saved=request.query_params.get("saved"))


def _compose(
    desk: Desk, file: File, document: documents.Document, form: FormData
) -> tuple[str, list[str]]:
    """The text the form would save, and notes on what it would not change."""
    single, lists = texts(form)
    if "text" in single:  # the whole file, edited as text
        return single["text"].replace("\r\n", "\n").replace("\r", "\n"), []
    source = document.source()
    if not source.readable:
        return document.text, []
    which = form_of(file.kind, source, file.relpath)
    fields = [f for f in FORMS[which] if source.is_yaml or len(f.path) == 1]
    found = changes(fields, source, single, lists)
    notes = []
    if ("slug",) in found and frozen(desk, source, file.kind):
        del found[("slug",)]
        notes.append("The address (slug) stays as it is: it is fixed once a post is published.")
    action = single.get("action", "save")
    if action == "unpublish":
        found[("status",)] = "draft"
    if "case.consent.given" in single and which == Form.CASE and source.is_yaml:
        # The day the client signed the printed copy, and how: keys under `consent:`.
        day, how = single["case.consent.given"], single.get("case.consent.how", "")
        signed, refused = signed_changes(source.meta.get("case"), day, how)
        found.update({("case", "consent", key): value for key, value in signed.items()})
        notes += refused
    if "case.consent" in single and which == Form.CASE and source.is_yaml:
        given = single.get("case.consent") == "yes"
        if given != (current(source, ("case", "consent")) is True):
            found[("case", "consent")] = given
    body = single.get("body")
    return documents.compose(document, found, body), notes


@writes
def save(request: Request, form: FormData) -> Response:
    """Save the form: atomically, and never over a file changed on disk since it was opened."""
    desk = desk_of(request)
    file = _file(desk, request.path_params["path"])
    document = _open(desk, file)
    single, lists = texts(form)
    if single.get("action") == "add-condition":
        return _again(request, desk, file, document, form)
    text, notes = _compose(desk, file, document, form)
    base = single.get("base", "")
    opened = documents.Document(document.relpath, document.text, base, document.bom, document.crlf)
    try:
        documents.save(file.path, opened, text)
    except documents.ChangedOnDiskError:
        return page(
            request, "conflict.html", status=409, file=file, disk=document.text, mine=text,
            base=document.base,
        )  # fmt: skip
    return see_other(edit_url(file.relpath, saved=" ".join(["yes", *notes])))


def _again(
    request: Request, desk: Desk, file: File, document: documents.Document, form: FormData
) -> Response:
    """The form shown again as it was sent (nothing saved), with one more condition box."""
    text, _notes = _compose(desk, file, document, form)
    found = editing(desk, file, document, text)
    found.values = {**found.values, "tags": texts(form)[1].get("tags", [])}
    return show(request, found, spare=1)


@writes
def check(request: Request, form: FormData) -> Response:
    """The problems of the unsaved form, placed by field and body line (for live checking)."""
    desk = desk_of(request)
    file = _file(desk, request.path_params["path"])
    document = _open(desk, file)
    text, _notes = _compose(desk, file, document, form)
    return JSONResponse(editing(desk, file, document, text).placed.as_json())
