"""The one edit `make consent` makes to a case file: the fingerprint under `case.consent.text`.

The value is found through the YAML parser's own marks, in the file's text as it is on disk
(byte-order mark and line endings kept), and only those characters change; the result is read
back and must hold the same front matter and body but for that value, or nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from ..content.source import YAML_CLOSE, YAML_OPEN, parse
from ..content.yamlscan import LOADER
from .state import FINGERPRINT


class EditError(Exception):
    """Why the fingerprint cannot be written into this file by the command."""


@dataclass(frozen=True)
class _Node:
    """A YAML node as the parser met it: its events' marks, and its children."""

    kind: str  # "scalar", "map", "seq" or "alias"
    start: int
    end: int  # for a mapping: the end of its start event (after `{` in flow style)
    flow: bool = False
    value: str = ""
    items: tuple[tuple[_Node, _Node], ...] = ()  # (key, value) of a mapping


def _header(text: str) -> tuple[int, int]:
    """Where the YAML between the `---` lines starts and ends in `text`."""
    rows = text.split("\n")  # as source.py reads lines: "\r" stays at the end of a row
    offset = 0
    for number, row in enumerate(rows):
        if not row.strip():
            offset += len(row) + 1
            continue
        if row.rstrip("\r") != YAML_OPEN:
            break
        start = end = offset + len(row) + 1
        for later in rows[number + 1 :]:
            if later.rstrip("\r") in YAML_CLOSE:
                return start, end
            end += len(later) + 1
        break
    raise EditError(
        "has no YAML front matter between `---` lines; a case's `case:` block needs one"
    )


def _tree(events: list[Any]) -> _Node:
    """The document's top node, built from the parser's events (aliases left as they are)."""
    stack: list[tuple[Any, list[_Node]]] = []
    top: _Node | None = None
    for event in events:
        node: _Node | None = None
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            stack.append((event, []))
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            start, children = stack.pop()
            is_map = isinstance(start, yaml.MappingStartEvent)
            pairs = tuple(zip(children[::2], children[1::2], strict=False)) if is_map else ()
            node = _Node(
                "map" if is_map else "seq",
                start.start_mark.index,
                start.end_mark.index,
                bool(start.flow_style),
                items=pairs,
            )
        elif isinstance(event, yaml.ScalarEvent):
            node = _Node("scalar", event.start_mark.index, event.end_mark.index, value=event.value)
        elif isinstance(event, yaml.AliasEvent):
            node = _Node("alias", event.start_mark.index, event.end_mark.index)
        if node is None:
            continue
        if stack:
            stack[-1][1].append(node)
        else:
            top = node
    if top is None:
        raise EditError("has an empty front matter")
    return top


def _get(mapping: _Node, key: str, fold: bool = False) -> tuple[_Node, _Node] | None:
    for k, v in mapping.items:
        name = k.value.lower() if fold else k.value
        if k.kind == "scalar" and name == key:
            return k, v
    return None


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _splice(header: str, fingerprint: str, newline: str) -> str:
    top = _tree(list(yaml.parse(header, Loader=LOADER)))
    case = _get(top, "case", fold=True) if top.kind == "map" else None
    if case is None or case[1].kind != "map":
        raise EditError("has no `case:` block of `key: value` lines; start from `make newcase`")
    block = case[1]
    found = _get(block, "consent")
    if found is None:
        if block.flow or not block.items:
            raise EditError("has a `case:` block written on one line; add `consent:` to it")
        first = block.items[0][0]
        at = _line_start(header, first.start)
        indent = header[at : first.start]
        return f"{header[:at]}{indent}consent: {{text: {fingerprint}}}{newline}{header[at:]}"
    consent = found[1]
    if consent.kind == "scalar":
        # `consent: true` or `consent: false` (or nothing): a mapping that names the text.
        mapping = f"{{text: {fingerprint}}}"
        if consent.start == consent.end:
            mapping = " " + mapping  # `consent:` with no value: after its colon
        return header[: consent.start] + mapping + header[consent.end :]
    if consent.kind != "map":
        raise EditError("case.consent: is neither `true`, `false` nor a block of keys")
    found_text = _get(consent, "text")
    if found_text is not None:
        value = found_text[1]
        if value.kind != "scalar":
            raise EditError("case.consent.text: is not a single value")
        shown = fingerprint if value.start != value.end else " " + fingerprint
        return header[: value.start] + shown + header[value.end :]
    if consent.flow:
        more = ", " if consent.items else ""
        return f"{header[: consent.end]}text: {fingerprint}{more}{header[consent.end :]}"
    first = consent.items[0][0]
    at = _line_start(header, first.start)
    indent = header[at : first.start]
    return f"{header[:at]}{indent}text: {fingerprint}{newline}{header[at:]}"


def _without_text(meta: dict[str, Any]) -> dict[str, Any]:
    """Front matter with the fingerprint taken out, to compare the rest before and after."""
    case = dict(meta.get("case") or {})
    consent = case.get("consent")
    case["consent"] = (
        {k: v for k, v in consent.items() if k != "text"} if isinstance(consent, dict) else None
    )
    if case["consent"] in ({}, None):
        case["consent"] = None
    return {**meta, "case": case}


def with_fingerprint(raw: str, fingerprint: str) -> str:
    """`raw` (a case file's text as on disk) with `case.consent.text` set to `fingerprint`."""
    if not FINGERPRINT.fullmatch(fingerprint):
        raise EditError(f"{fingerprint!r} is not a fingerprint")
    bom = "\ufeff" if raw.startswith("\ufeff") else ""
    text = raw[len(bom) :]
    start, end = _header(text)
    newline = "\r\n" if "\r\n" in text[:end] else "\n"
    try:
        header = _splice(text[start:end], fingerprint, newline)
    except yaml.YAMLError as err:
        raise EditError(f"front matter is not valid YAML ({err}); run `make check`") from err
    edited = bom + text[:start] + header + text[end:]
    _verify(raw, edited, fingerprint)
    return edited


def _verify(raw: str, edited: str, fingerprint: str) -> None:
    """The edit changed the fingerprint and nothing else a reader or the rule book reads."""
    before, after = (
        parse("case", t.removeprefix("\ufeff").replace("\r\n", "\n")) for t in (raw, edited)
    )
    consent = (after.meta.get("case") or {}).get("consent")
    if not (
        after.readable
        and not after.problems
        and isinstance(consent, dict)
        and consent.get("text") == fingerprint
        and _without_text(after.meta) == _without_text(before.meta)
        and after.body == before.body
    ):
        raise EditError(
            "its front matter cannot take the fingerprint without changing something else; "
            f"write `text: {fingerprint}` under `consent:` in its `case:` block yourself"
        )
