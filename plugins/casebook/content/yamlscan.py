"""The front matter's YAML events in one pass: the line of every key, where every scalar
value stands, keys given twice, and the depth and alias limits, before anything is built."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

import yaml

from .problems import Problem

# libyaml parses several times faster than PyYAML's pure-Python loader.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Front matter is a handful of keys two or three levels deep. Deeper nesting, or
# aliases that expand to more values than this, is an attack, not a case write-up:
# a 400-byte "billion laughs" header otherwise takes minutes and gigabytes.
MAX_DEPTH = 10
MAX_VALUES = 10_000


@dataclass(frozen=True)
class ValueAt:
    """Where one scalar value of the front matter stands: first and last line (1-based),
    and the columns (0-based) it starts and ends at on them."""

    line: int
    column: int
    end_line: int
    end_column: int


# A value's place in the front matter: keys, and list indexes (("aliases", 0), ("case", "client")).
ValuePath = tuple[str | int, ...]


class _TooBigError(Exception):
    """Front matter nested or aliased beyond what any post needs."""

    def __init__(self, message, line):
        super().__init__(message)
        self.line = line


class _Marks:
    """A YAML mark's (line, column) as the file's own lines count them.

    YAML also breaks lines at U+0085, U+2028, U+2029 and a lone CR; an editor, Markdown and
    every `path:line` here count only LF, so a mark's own line and column are not used.
    """

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def __call__(self, mark: Any) -> tuple[int, int]:
        line = bisect_right(self.starts, mark.index) - 1
        return line, mark.index - self.starts[line]


def _scan(path, header, opening):
    """The line of every key (None if the top is not a mapping), where every scalar value
    stands, and keys given twice.

    One pass over libyaml's events, which also enforces MAX_DEPTH and MAX_VALUES
    before anything is built from them.
    """
    lines: dict[tuple[str, ...], int] = {}
    values: dict[ValuePath, ValueAt] = {}
    problems: list[Problem] = []
    frames: list[dict[str, Any]] = []  # open collections, innermost last
    anchors: dict[str, int] = {}  # anchor -> how many values it stands for
    total = 0
    marked = _Marks(header)
    for event in yaml.parse(header, Loader=LOADER):
        if isinstance(event, _FRAMING):
            continue
        line = marked(event.start_mark)[0]
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            done = frames.pop()
            if done["anchor"]:
                anchors[done["anchor"]] = done["size"]
            if frames:
                frames[-1]["size"] += done["size"]
                if not done["is_key"]:
                    _after_value(frames[-1])
            continue
        if not frames and not isinstance(event, yaml.MappingStartEvent):
            return None, values, problems  # a list or a bare value, not `key: value` lines
        if isinstance(event, yaml.AliasEvent):
            size = anchors.get(event.anchor, 1)
        elif isinstance(event, yaml.ScalarEvent):
            size = 1
            if event.anchor:
                anchors[event.anchor] = 1
        else:
            size = 0  # a collection counts when it closes
        total += size
        if total > MAX_VALUES:
            raise _TooBigError(
                f"front matter expands to more than {MAX_VALUES} values (YAML aliases `*`); "
                "write the values out, without `&` anchors and `*` aliases",
                line,
            )
        parent: dict[str, Any] | None = frames[-1] if frames else None
        is_key = parent is not None and parent["kind"] == "map" and parent["awaits_key"]
        if is_key and parent is not None:
            parent["current"] = _record_key(path, event, parent, lines, problems, opening + line)
            parent["awaits_key"] = False
            parent["value_key"] = _value_key(event, parent)
        place = _value_path(parent) if parent is not None and not is_key else None
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            # Keys are tracked down mappings under keys (case.sessions), not inside lists.
            if parent is None:
                where = ()
            elif parent["kind"] == "map" and not is_key:
                where = parent["current"]
            else:
                where = None
            frames.append(_frame(event, where, is_key, len(frames) + 1, line))
            frames[-1]["place"] = place if place is not None else ()
            continue
        if place is not None:
            (start, column), (end, end_column) = marked(event.start_mark), marked(event.end_mark)
            values[place] = ValueAt(opening + start, column, opening + end, end_column)
        if parent is not None:
            parent["size"] += size
            if not is_key:
                _after_value(parent)
    return lines, values, problems


_FRAMING = (
    yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent, yaml.DocumentEndEvent,
)  # fmt: skip


def _record_key(path, event, parent, lines, problems, line):
    """Note the line of a key; a key given twice is a problem. The key path, or None."""
    if parent["path"] is None or not isinstance(event, yaml.ScalarEvent):
        return None
    key = event.value if parent["path"] else event.value.lower()
    keys = (*parent["path"], key)
    if keys in lines:
        dotted = ".".join(keys)
        problems.append(
            Problem(
                path, f"{dotted}: given twice (also on line {lines[keys]}); keep one", line, dotted
            )
        )
        return None
    lines[keys] = line
    return keys


def _value_key(event, parent):
    """The key a value stands under, as the front matter's dict has it (top level lower-cased)."""
    if not isinstance(event, yaml.ScalarEvent):
        return None
    return event.value.lower() if not parent.get("place") else event.value


def _value_path(parent):
    """The ValuePath of the value that comes next in `parent` (None: under no text key)."""
    if parent["kind"] == "seq":
        return (*parent["place"], parent["items"])
    key = parent.get("value_key")
    return None if key is None else (*parent["place"], key)


def _frame(event, path, is_key, depth, line):
    if depth > MAX_DEPTH:
        raise _TooBigError(_too_deep(), line)
    kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
    return {
        "kind": kind, "path": path, "is_key": is_key, "awaits_key": True, "current": None,
        "size": 1, "anchor": event.anchor, "items": 0, "place": (),
    }  # fmt: skip


def _too_deep() -> str:
    return (
        f"front matter is nested more than {MAX_DEPTH} levels deep; a post needs two or "
        "three: flatten it"
    )


def _after_value(frame):
    if frame["kind"] == "map":
        frame["awaits_key"] = True
    else:
        frame["items"] += 1
