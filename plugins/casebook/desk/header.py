"""Change one value of a file's front matter in place: every other byte stays as written.

A YAML header is parsed by PyYAML's own parser, whose events give the exact span of every
value; a changed value is written over its span by the emitter (content.newfiles.scalar),
so comments, key order, quoting and indentation elsewhere never move. (A round-trip YAML
library re-emits the whole header in one style: ruamel.yaml re-indented the block lists of
15 of the project's own files, unchanged.) Pelican's `Key: value` header is edited line by
line, each value on one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..content.newfiles import scalar
from ..content.source import META, META_MORE

Path = tuple[str, ...]


@dataclass
class _Frame:
    """A mapping or list being read: where its keys are, and where its last value ends."""

    path: Path | None  # the key path of a mapping whose keys are tracked, else None
    flow: bool
    awaits_key: bool = True
    key: Path | None = None
    key_end: int = 0
    value_start: int = 0
    last_end: int = 0
    indent: int = 0
    keys: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class Span:
    """Where one value of a YAML header is: after `key:`, from start to end."""

    colon: int  # just after the key's colon
    start: int
    end: int
    block: bool  # a block list or mapping, starting on a later line


@dataclass(frozen=True)
class Mapping:
    """Where a block mapping's keys are indented, and where its last value ends."""

    indent: int
    end: int
    flow: bool


def yaml_spans(header: str) -> tuple[dict[Path, Span], dict[Path, Mapping]]:
    """The span of every value under a key (top level and nested mappings), and each mapping."""
    spans: dict[Path, Span] = {}
    mappings: dict[Path, Mapping] = {}
    frames: list[_Frame] = []
    for event in yaml.parse(header, Loader=yaml.SafeLoader):
        start, end = event.start_mark.index, event.end_mark.index
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            parent = frames[-1] if frames else None
            path: Path | None = ()
            if parent is not None:
                path = parent.key if isinstance(event, yaml.MappingStartEvent) else None
                if parent.path is None or parent.awaits_key:
                    path = None
                _value_begins(parent, start)
            frame = _Frame(path, bool(event.flow_style), indent=event.start_mark.column)
            frame.last_end = end
            frames.append(frame)
            continue
        if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            done = frames.pop()
            finish = end if done.flow else done.last_end
            if done.path is not None and isinstance(event, yaml.MappingEndEvent):
                mappings[done.path] = Mapping(done.indent, finish, done.flow)
            if frames:
                _value_ends(frames[-1], finish, header, spans)
            continue
        if not isinstance(event, yaml.ScalarEvent | yaml.AliasEvent) or not frames:
            continue
        frame = frames[-1]
        if frame.path is not None and frame.awaits_key and isinstance(event, yaml.ScalarEvent):
            frame.key = (*frame.path, event.value if frame.path else event.value.lower())
            frame.key_end = end
            frame.awaits_key = False
            frame.last_end = end
            continue
        _value_begins(frame, start)
        _value_ends(frame, end, header, spans)
    return spans, mappings


def _value_begins(frame: _Frame, start: int) -> None:
    if frame.path is not None and not frame.awaits_key:
        frame.value_start = start


def _value_ends(frame: _Frame, end: int, header: str, spans: dict[Path, Span]) -> None:
    frame.last_end = max(frame.last_end, end)
    if frame.path is None or frame.awaits_key:
        return
    key = frame.key
    frame.awaits_key = True
    if key is None:
        return
    colon = header.index(":", frame.key_end) + 1
    block = "\n" in header[colon : frame.value_start]
    spans[key] = Span(colon, frame.value_start, end, block)


def _line_end(text: str, index: int) -> int:
    found = text.find("\n", index)
    return len(text) if found < 0 else found


def set_yaml(header: str, path: Path, value: Any) -> str:
    """The header with the value at `path` (up to three keys deep) written as `value`.

    `header` is the text between the `---` lines, ending in a newline. A key that is not
    there is added at the end of its mapping, with the mapping's indentation.
    """
    spans, mappings = yaml_spans(header)
    emitted = scalar(value) if value is not None else ""
    span = spans.get(path)
    if span is not None:
        if span.block or span.start == span.end:
            text = f" {emitted}" if emitted else ""
            return header[: span.colon] + text + header[span.end :]
        return header[: span.start] + emitted + header[span.end :]
    parent = path[:-1]
    line = f"{path[-1]}:{' ' + emitted if emitted else ''}"
    mapping = mappings.get(parent)
    if mapping is not None and not mapping.flow:
        at = _line_end(header, mapping.end)
        return header[:at] + "\n" + " " * mapping.indent + line + header[at:]
    if parent and parent in spans:
        # `case: {client: Ana R.}` on one line, or not a mapping: the whole value, made again.
        old: Any = yaml.safe_load(header)
        for key in parent:
            old = old.get(key) if isinstance(old, dict) else None
        whole = dict(old) if isinstance(old, dict) else {}
        whole[path[-1]] = value
        return set_yaml(header, parent, whole)
    if parent:
        nested = "\n" + "  " + line
        return _append(header, f"{parent[0]}:{nested}\n")
    return _append(header, line + "\n")


def _append(header: str, lines: str) -> str:
    body = header if header.endswith("\n") or not header else header + "\n"
    return body + lines


# A `Key: value` header: one line per key (continuation lines indented four spaces).
@dataclass(frozen=True)
class HeaderLine:
    """Where one key of a `Key: value` header is: its lines, and its key as spelled."""

    first: int  # 0-based line index
    last: int
    spelled: str


def header_lines(rows: list[str], begin: int, end: int) -> dict[str, HeaderLine]:
    """Each key of a `Key: value` header (lower-cased) and its lines, rows[begin:end]."""
    found: dict[str, HeaderLine] = {}
    key: str | None = None
    for index in range(begin, end):
        match = META.match(rows[index])
        if match:
            key = match.group("key").lower()
            if key not in found:
                found[key] = HeaderLine(index, index, match.group("key"))
            continue
        if key is not None and META_MORE.match(rows[index]) and key in found:
            line = found[key]
            if line.last == index - 1:
                found[key] = HeaderLine(line.first, index, line.spelled)
    return found


ONE_LINE = re.compile(r"\s+")


def plain_value(value: Any) -> str:
    """A value as a `Key: value` header holds it: one line; a list joined by commas."""
    if isinstance(value, list | tuple):
        return ", ".join(plain_value(v) for v in value)
    if value is None:
        return ""
    return ONE_LINE.sub(" ", str(value)).strip()


def set_plain(rows: list[str], begin: int, end: int, key: str, value: Any) -> list[str]:
    """The rows with `key` of the `Key: value` header rows[begin:end] set to `value`."""
    lines = header_lines(rows, begin, end)
    found = lines.get(key)
    if found is not None:
        new = f"{found.spelled}: {plain_value(value)}".rstrip()
        return [*rows[: found.first], new, *rows[found.last + 1 :]]
    new = f"{key.capitalize()}: {plain_value(value)}".rstrip()
    return [*rows[:end], new, *rows[end:]]
