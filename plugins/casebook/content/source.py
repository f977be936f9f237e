"""Read one content file: its text, front matter with the line of every key, and its body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from .problems import Level, Problem
from .yamlscan import LOADER, ValueAt, ValuePath, _scan, _too_deep, _TooBigError

# Python-Markdown's meta extension, which reads Pelican's plain `Key: value` header.
META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
META_BEGIN = re.compile(r"^-{3}(\s.*)?")
META_END = re.compile(r"^(-{3}|\.{3})(\s.*)?")
YAML_OPEN = "---"
YAML_CLOSE = ("---", "...")


@dataclass(frozen=True)
class Source:
    """One content file as written: text, front matter, the line of every key, the body."""

    path: str  # relative to the content folder: the file's key everywhere
    text: str  # decoded, without a byte-order mark, line endings as "\n"
    # Top-level keys lower-cased, empty values dropped.
    meta: dict[str, Any] = field(default_factory=dict)
    lines: dict[tuple[str, ...], int] = field(default_factory=dict)  # (key, subkey, …) -> line
    is_yaml: bool = False
    start: int = 1  # the line the front matter starts on
    body_start: int = 1  # the line the body starts on
    problems: tuple[Problem, ...] = ()  # what stopped or troubled the reading
    readable: bool = True  # False: the front matter could not be read whole
    # False with readable False: the keys on the lines YAML could read, read one by one, are
    # in `meta`, and the rule book judges what it can of the file; `unread` are the keys it
    # could not read (their own problem says why).
    partial: bool = False
    unread: tuple[str, ...] = ()
    shown: str = ""  # the file as people read it where problems are printed
    label: str = ""  # the file as another file's message names it ("content/cases/a.md")
    # Where every scalar value stands, list items included (a YAML alias: where the alias is).
    values: dict[ValuePath, ValueAt] = field(default_factory=dict)

    @property
    def body(self) -> str:
        """The text after the front matter."""
        return "\n".join(self.text.split("\n")[self.body_start - 1 :])

    def line(self, *keys: str) -> int:
        """The line of a key, else of its nearest parent, else where the front matter starts."""
        while keys:
            if keys in self.lines:
                return self.lines[keys]
            keys = keys[:-1]
        return self.start

    def problem(self, message: str, *keys: str, level: Level = Level.ERROR) -> Problem:
        """A problem reported at the line of `keys` (see `line`)."""
        return self.at(message, self.line(*keys), ".".join(keys) or None, level)

    def at(
        self, message: str, line: int | None, key: str | None = None, level: Level = Level.ERROR
    ) -> Problem:
        """A problem reported at a line of the file (None: the file as a whole)."""
        return Problem(self.path, message, line, key, level, self.shown)


def decode(path: str, raw: bytes, shown: str = "") -> tuple[str | None, Problem | None]:
    """The text of a file with "\\n" line endings, or a problem saying where it is not UTF-8."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        return None, Problem(
            path,
            f"not UTF-8 text (byte 0x{raw[err.start]:02x}); re-save the file as UTF-8 "
            "in your editor",
            line,
            shown=shown,
        )
    # Windows and old Mac line endings read like Unix ones, as Pelican's own reader does.
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), None


def read(path: str, raw: bytes, shown: str = "", label: str = "") -> Source:
    """A content file's Source: front matter as the site's readers see it, and every problem.

    `path` is the file's path relative to the content folder; `shown` and `label` how
    problems and other files' messages name it (both `path` when not given).
    """
    text, problem = decode(path, raw, shown)
    if problem or text is None:
        return Source(
            path, "", problems=(problem,) if problem else (), readable=False, shown=shown,
            label=label or path,
        )  # fmt: skip
    return parse(path, text, shown, label)


def parse(path: str, text: str, shown: str = "", label: str = "") -> Source:
    """Front matter of decoded text: YAML between `---` lines, else Pelican's `Key: value`."""
    found = _parse(path, text)
    problems = tuple(replace(p, shown=shown) for p in found.problems)
    return _with(found, shown=shown, label=label or path, problems=problems)


def _parse(path: str, text: str) -> Source:
    rows = text.split("\n")
    first = next((i for i, row in enumerate(rows) if row.strip()), len(rows))
    if first < len(rows) and rows[first] == YAML_OPEN:
        close = next((i for i in range(first + 1, len(rows)) if rows[i] in YAML_CLOSE), None)
        if close is not None:
            return _yaml_source(path, text, rows, first, close)
        unclosed = Problem(
            path,
            "front matter starts with `---` but has no closing `---` line; add one after "
            "the last key",
            first + 1,
        )
        source = _header_source(path, text, rows)
        return _with(source, problems=(unclosed, *source.problems))
    return _header_source(path, text, rows)


def _with(source: Source, **changes: Any) -> Source:
    return Source(**{**source.__dict__, **changes})


def yaml_problem(err: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """Where in the header YAML failed (0-based line) and the advice."""
    mark = err.problem_mark or err.context_mark
    what = " ".join(filter(None, (err.context, err.problem)))
    if "nesting depth" in what:
        # libyaml's own limit, met before ours: say the same as ours.
        return (mark.line if mark else None), _too_deep()
    advice = (
        "check this line: a value with `: ` or `#` in it, or starting with a "
        'quote, `[` or `*`, needs "double quotes"'
    )
    if err.context_mark and err.context and ("flow" in err.context or "quoted" in err.context):
        # YAML read on past a `[`, `{` or quote that was never closed and failed
        # further down: the line to fix is the one that opened it.
        mark = err.context_mark
        advice = "a `[` list, `{` or quote opened on this line is not closed; close it"
    return (mark.line if mark else None), f"front matter is not valid YAML ({what}); {advice}"


def _yaml_source(path: str, text: str, rows: list[str], first: int, close: int) -> Source:
    # The header as yaml_metadata reads it: from the end of the opening `---`, so that
    # YAML's line 1 is the file's line after it.
    header = "\n" + "\n".join(rows[first + 1 : close]) + "\n"
    opening = first + 1  # 1-based line of the opening `---`
    body_start = close + 2

    def failed(message: str, line: int | None = None, fallback: bool = False) -> Source:
        problem = Problem(path, message, opening + line if line is not None else opening)
        # Read with this module's scanner and limits, one key at a time (content/fallback.py).
        from .fallback import key_by_key  # noqa: PLC0415 - it imports this module

        found = key_by_key(path, header, opening) if fallback else None
        if found is None:
            return Source(
                path, text, is_yaml=True, start=opening, body_start=body_start,
                problems=(problem,), readable=False,
            )  # fmt: skip
        meta, lines, values, problems, unread = found
        return Source(
            path, text, meta, lines, True, opening, body_start, tuple(problems or [problem]),
            readable=False, partial=True, unread=tuple(unread), values=values,
        )  # fmt: skip

    try:
        lines, values, problems = _scan(path, header, opening)
    except _TooBigError as err:
        return failed(str(err), err.line)
    except yaml.MarkedYAMLError as err:
        line, message = yaml_problem(err)
        # Nesting past libyaml's own limit is an attack, not a typo: nothing of it is read.
        return failed(message, line, fallback=message != _too_deep())
    except yaml.YAMLError as err:
        return failed(f"front matter is not valid YAML ({err}); fix it")
    if lines is None:
        return failed(
            "front matter is not a list of `key: value` lines; write one key per line, "
            "e.g. `title: Neck pain at the desk`"
        )
    try:
        data = yaml.load(header, Loader=LOADER)  # noqa: S506 - a safe loader
    except ValueError as err:
        # YAML read `2012-13-01` as a date and Python refused it.
        return failed(_not_a_date(err), _bad_scalar_line(header), fallback=True)
    except yaml.YAMLError as err:
        return failed(f"front matter is not valid YAML ({err}); fix it")
    meta = {str(k).lower(): v for k, v in (data or {}).items() if v is not None}
    source = Source(path, text, meta, lines, True, opening, body_start, tuple(problems))
    return _with(source, values=values)


def _not_a_date(err: ValueError) -> str:
    return (
        f"front matter holds a value that is not a real date ({err}); write dates as "
        "YYYY-MM-DD with a real month and day"
    )


def _bad_scalar_line(header: str) -> int | None:
    """Line (0-based, in the header) of the first scalar YAML cannot construct, if any."""
    try:
        node = yaml.compose(header, Loader=LOADER)
    except yaml.YAMLError:
        return None
    constructor = yaml.SafeLoader("")
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            try:
                constructor.construct_object(current)
            except ValueError:
                return int(current.start_mark.line)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(v for pair in reversed(current.value) for v in reversed(pair))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
    return None


def _header_source(path: str, text: str, rows: list[str]) -> Source:
    """Pelican's plain Markdown header: `Key: value` lines up to the first blank line."""
    meta: dict[str, list[str]] = {}
    lines: dict[tuple[str, ...], int] = {}
    places: dict[str, list[ValueAt]] = {}
    key: str | None = None
    begin = 1 if rows and META_BEGIN.match(rows[0]) else 0
    end = len(rows)
    for number, row in enumerate(rows[begin:], start=begin + 1):
        if not row.strip() or META_END.match(row):
            end = number - 1
            break
        found = META.match(row)
        more = None if found else (META_MORE.match(row) if key else None)
        if found:
            key = found.group("key").lower()
            meta.setdefault(key, []).append(found.group("value").strip())
            lines.setdefault((key,), number)
        elif more and key is not None:
            meta[key].append(more.group("value").strip())
        else:
            end = number - 1
            break
        value = (found or more).group("value")  # type: ignore[union-attr]
        column = len(row) - len(value) + (len(value) - len(value.lstrip()))
        places.setdefault(key, []).append(ValueAt(number, column, number, len(row.rstrip())))
    if not meta:
        return Source(path, text, start=1, body_start=1)
    flat = {k: v[0] if len(v) == 1 else v for k, v in meta.items()}
    values: dict[ValuePath, ValueAt] = {}
    for name, found_at in places.items():
        if len(found_at) == 1:
            values[(name,)] = found_at[0]
        else:
            values.update({(name, i): at for i, at in enumerate(found_at)})
    source = Source(path, text, flat, lines, False, begin + 1, end + 1)
    return _with(source, values=values)


GUESSED_SLUG = re.compile(r"^slug:[ \t]*['\"]?([^'\"#\s]+)", re.IGNORECASE | re.MULTILINE)


def guess_slug(text: str) -> str | None:
    """The `slug:` of a file whose front matter cannot be read, if a line still says it."""
    found = GUESSED_SLUG.search(text[:20_000])
    return found.group(1) if found else None
