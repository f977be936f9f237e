"""Where each problem of a file goes on its form: beside a field, at a line of the body, above."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..content.problems import Level, Problem
from ..content.source import Source
from ..vocabulary import Vocabulary
from .forms import Field


@dataclass(frozen=True)
class Shown:
    """One problem as the desk shows it: `make check`'s words, and how much it matters."""

    message: str
    level: str
    line: int | None = None  # the body's own line (1 = its first), for problems in the text

    @property
    def words(self) -> str:
        """The message as `make check` prints it after the path and line."""
        return self.message if self.level == Level.ERROR else f"{self.level}: {self.message}"


@dataclass
class Placed:
    """A file's problems, placed: by field name, in the body, and the rest."""

    fields: dict[str, list[Shown]] = field(default_factory=dict)
    body: list[Shown] = field(default_factory=list)
    general: list[Shown] = field(default_factory=list)
    new_conditions: list[str] = field(default_factory=list)  # unknown tags to start a condition for
    errors: int = 0
    count: int = 0

    def as_json(self) -> dict[str, object]:
        def rows(found: Iterable[Shown]) -> list[dict[str, object]]:
            return [{"words": s.words, "level": s.level, "line": s.line} for s in found]

        return {
            "fields": {name: rows(found) for name, found in self.fields.items()},
            "body": rows(self.body),
            "general": rows(self.general),
            "new_conditions": self.new_conditions,
            "errors": self.errors,
            "count": self.count,
        }


def _key_at(source: Source, line: int) -> tuple[str, ...] | None:
    """The front-matter key whose value is on `line` (the last key starting at or before it)."""
    best: tuple[int, tuple[str, ...]] | None = None
    for keys, at in source.lines.items():
        if at <= line and (best is None or (at, len(keys)) > (best[0], len(best[1]))):
            best = (at, keys)
    return best[1] if best else None


def place(
    problems: Sequence[Problem],
    source: Source,
    fields: Sequence[Field],
    vocabulary: Vocabulary | None = None,
    slots: Sequence[tuple[str, ...]] = (),
) -> Placed:
    """Every problem of one file, each beside the field it is about, or at its line of the body.

    `slots` are keys shown on the form that no field writes (a case's consent).
    """
    names = {f.path: f.name for f in fields} | {keys: ".".join(keys) for keys in slots}
    placed = Placed()
    for problem in problems:
        if problem.level == Level.NOTE:
            continue
        placed.count += 1
        placed.errors += problem.is_error
        shown = Shown(problem.message, problem.level)
        keys: tuple[str, ...] | None = tuple(problem.key.split(".")) if problem.key else None
        in_header = problem.line is not None and problem.line < source.body_start
        if keys is None and in_header and problem.line is not None:
            keys = _key_at(source, problem.line)
        while keys and keys not in names:
            keys = keys[:-1]
        if keys:
            placed.fields.setdefault(names[keys], []).append(shown)
        elif problem.line is not None and not in_header:
            line = problem.line - source.body_start + 1
            placed.body.append(Shown(problem.message, problem.level, line))
        else:
            placed.general.append(shown)
    if vocabulary is not None:
        placed.new_conditions = unknown_tags(source, vocabulary)
    return placed


def unknown_tags(source: Source, vocabulary: Vocabulary) -> list[str]:
    """The tags that are no condition's name, alias or lay term: each could start a condition."""
    tags = source.meta.get("tags")
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    if not isinstance(tags, list):
        return []
    lay = {t.casefold() for entry in vocabulary for t in entry.lay_terms}
    return [
        t
        for t in tags
        if isinstance(t, str)
        and t.strip()
        and vocabulary.lookup(t) is None
        and t.casefold() not in lay
    ]
