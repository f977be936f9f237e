"""What each page of a preview read while it was rendered, so a rebuild renders only what changed.

No hand-kept map from posts to pages: while a page renders, every field the theme reads
from a post, a page or a condition (`article.title`, `condition.articles`, …) and every
name it looks up in the context (`articles`, `pages`, `SITENAME`, …) is recorded. On the
next build a page is rendered again only if one of those values is no longer the same;
everything else keeps the file the last build wrote, which is byte for byte what a full
build would write.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import itertools
import marshal
import os
import types
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from jinja2 import Undefined
from jinja2.runtime import Context
from pelican.contents import Content

from ..pelican.conditions import Condition
from ..structured import JsonLd


class _Missing:
    """What a page reads of a name or field that is not there."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"

    def __reduce__(self) -> str:
        return "MISSING"  # unpickled (a build cache kept on disk) as the one MISSING


MISSING = _Missing()
# Values that are their own canonical form (Markup is not: it prints unescaped).
SIMPLE = frozenset({str, int, float, bool, bytes, type(None), _Missing})
MAX_DEPTH = 12  # deeper values are never the same twice: their pages are always rendered
# Never the same twice, in this process or in the next one that reads a build cache kept on
# disk (pelican/incremental.py): the count starts at a random number in every process.
_volatile = itertools.count(int.from_bytes(os.urandom(8)) << 32)

# The recorder of the page being rendered; None outside a preview session's writes.
_recording: Recorder | None = None


# What each type is, once per type: most values a template reads from are not posts.
_KINDS: dict[type, str | None] = {}


def _kind(kind: type) -> str | None:
    if issubclass(kind, Content):
        return "content"
    return "condition" if issubclass(kind, Condition) else None


def key_of(value: object) -> tuple | None:
    """The identity of a post, page or condition across builds; None for any other value."""
    kind = type(value)
    found = _KINDS.get(kind, "")
    if found == "":
        found = _KINDS[kind] = _kind(kind)
    if found is None:
        return None
    if found == "content":
        return ("content", kind.__name__, value.source_path)  # type: ignore[attr-defined]
    return ("condition", value.slug)  # type: ignore[attr-defined]


class Canon:
    """Values in a form that compares equal across builds when a page would show the same.

    A post, page or condition is reduced to its identity: the fields a page reads from it
    are recorded one by one. Made afresh for every build (it remembers values by id).
    """

    def __init__(self) -> None:
        self._memo: dict[int, tuple[object, object]] = {}
        self._constants: dict[int, tuple[object, object]] = {}

    def constant(self, value: object, name: str) -> None:
        """Take `value` as the same in every build of the session (its settings)."""
        self._memo[id(value)] = self._constants[id(value)] = (value, ("constant", name))

    def forget(self) -> None:
        """Let go of every value met so far but the constants (their pages are written)."""
        # The memo holds each value, so that its id is not reused, and its form before
        # compact() (a case block's marshalled bytes, where a digest is kept): 4 MiB at 1000
        # posts. A value met again is made again, the same.
        self._memo = dict(self._constants)

    def __call__(self, value: object, depth: int = 0) -> object:
        if type(value) in SIMPLE:
            return value
        key = key_of(value)
        if key is not None:
            return ("ref", key)
        hit = self._memo.get(id(value))
        if hit is not None and hit[0] is value:
            return hit[1]
        if depth > MAX_DEPTH:
            return ("volatile", next(_volatile))
        self._memo[id(value)] = (value, ("volatile", next(_volatile)))  # a cycle: never equal
        made = self._make(value, depth + 1)
        self._memo[id(value)] = (value, made)
        return made

    def _make(self, value: object, depth: int) -> object:
        if isinstance(value, list | tuple | dict | set | frozenset):
            try:
                # Plain data (JSON-LD, a case block) in one call in C. Version 0 writes
                # values alone: no references, no mark on interned text, no subclasses.
                return ("data", marshal.dumps(value, 0))
            except ValueError:
                pass  # a post, a date or Markup inside: item by item
        if isinstance(value, list | tuple):
            keys = tuple(map(key_of, value))
            if None not in keys:
                return ("refs", type(value).__name__, keys)  # posts, in order: a list page
            return (type(value).__name__, tuple(self(v, depth) for v in value))
        if isinstance(value, dict):
            return ("dict", tuple((self(k, depth), self(v, depth)) for k, v in value.items()))
        if isinstance(value, set | frozenset):
            return ("set", frozenset(self(v, depth) for v in value))
        if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
            return (type(value).__name__, str(value), str(getattr(value, "tzinfo", None)))
        if isinstance(value, Undefined):
            return MISSING
        if isinstance(value, str | int | float | bytes):
            return (type(value).__qualname__, value)  # Markup, an enum, a subclass
        if isinstance(value, JsonLd):
            return ("json-ld", self(value.data(), depth))  # its HTML is its data, dumped
        if hasattr(value, "__html__"):
            return ("html", str(value.__html__()))
        if isinstance(value, types.MethodType) and key_of(value.__self__) is not None:
            # What a method of a post returns is not known without calling it.
            return ("volatile", next(_volatile))
        if isinstance(value, type | types.FunctionType | types.BuiltinFunctionType):
            return ("code", getattr(value, "__module__", ""), getattr(value, "__qualname__", ""))
        if isinstance(value, types.ModuleType):
            return ("module", value.__name__)
        if dataclasses.is_dataclass(value) or hasattr(value, "__dict__"):
            # Private attributes are caches filled in as a page renders (a paginator's
            # page count): they are not what the page shows.
            shown = tuple(
                (k, self(v, depth)) for k, v in vars(value).items() if not k.startswith("_")
            )
            return ("object", type(value).__qualname__, shown)
        return ("repr", repr(value))  # an address in it makes it differ: always rendered


COMPACT_OVER = 256  # bytes: a longer value is kept as its digest (a post's HTML, its JSON-LD)


def compact(value: object) -> object:
    """A canonical value as kept between builds: itself, or the digest of a long one."""
    kind = type(value)
    if kind is str:
        text = cast(str, value)
        if len(text) <= COMPACT_OVER:
            return value
        data = text.encode("utf-8", "surrogatepass")
    elif kind is tuple or kind is bytes:
        try:
            data = marshal.dumps(cast(tuple, value), 4)
        except ValueError:
            return value  # holds MISSING or another object: small, kept as it is
        if len(data) <= COMPACT_OVER:
            return value
    else:
        return value
    # The same value gives the same digest; a set may be dumped in another order, and then
    # only renders a page once more than needed.
    return ("digest", hashlib.blake2b(data, digest_size=20).digest())


def field_value(obj: object, attribute: object) -> object:
    """What `obj.attribute` gives in a template (Jinja's own order: attribute, then item)."""
    if isinstance(attribute, str):
        try:
            return getattr(obj, attribute)
        except AttributeError:
            pass
    try:
        return obj[attribute]  # type: ignore[index]
    except (TypeError, LookupError, AttributeError):
        return MISSING


class Recorder:
    """The context names and the fields of posts, pages and conditions one page read."""

    __slots__ = ("fields", "names")

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.fields: set[tuple[tuple, object]] = set()


class recording:  # noqa: N801 (used like a function, as contextlib.suppress is)
    """Record what the templates read inside the block."""

    __slots__ = ("recorder", "saved")

    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder
        self.saved: Recorder | None = None

    def __enter__(self) -> Recorder:
        global _recording
        self.saved, _recording = _recording, self.recorder
        return self.recorder

    def __exit__(self, *exc: object) -> None:
        global _recording
        _recording = self.saved


class TrackingContext(Context):
    """A template context that records every name a template looks up."""

    def resolve_or_missing(self, key: str) -> object:
        recorder = _recording
        if recorder is not None:
            recorder.names.add(key)
        return super().resolve_or_missing(key)


def _tracked(lookup):
    """Jinja's getattr or getitem, recording reads from posts, pages and conditions."""

    def read(obj, attribute):
        recorder = _recording
        # Most reads are of neither a post nor a condition (a dict, a string, a date): known
        # by their type at once, without a call, as the theme reads half a million a build.
        if recorder is not None and _KINDS.get(type(obj), "") is not None:
            key = key_of(obj)
            if key is not None:
                try:
                    recorder.fields.add((key, attribute))
                except TypeError:  # an unhashable subscript: never the same twice
                    recorder.fields.add((key, ("volatile", next(_volatile))))
        return lookup(obj, attribute)

    return read


def track(environment) -> None:
    """Make a Jinja environment record what its templates read (while a recorder is on)."""
    if getattr(environment, "_casebook_tracked", False):
        return
    environment.getattr = _tracked(environment.getattr)
    environment.getitem = _tracked(environment.getitem)
    environment.context_class = TrackingContext
    environment._casebook_tracked = True


@dataclass(frozen=True)
class Reads:
    """What one output file's last render read: its template, names and fields."""

    template: str
    local: dict[str, object]  # names given to this page alone (`article`) -> value, canonical
    absent: tuple[str, ...]  # names looked up but given to none (a template's own variables)
    shared: frozenset[str]  # names of the site's context (`articles`, `SITENAME`)
    fields: tuple[tuple[tuple, object], ...]  # (post, page or condition, field), each once


def index(objects: Iterable[object]) -> dict[tuple, object]:
    """Posts, pages and conditions of one build by their identity."""
    found = {}
    for obj in objects:
        key = key_of(obj)
        if key is not None:
            found[key] = obj
    return found
