"""What the rule book reports: a problem in a file, at a line and key, and how paths are shown."""

import os
from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """How much a problem matters: an error fails `make check` and a publish build."""

    ERROR = "error"
    WARNING = "warning"  # shown everywhere, never fails anything
    NOTE = "note"  # what a `privacy_ok` silenced, a hidden file: for the record


@dataclass(frozen=True)
class Problem:
    """Something about a file: what is wrong, which key, and what to do."""

    # The file, relative to the content folder ("cases/a.md"); for a settings problem, the
    # settings file's name. The same whatever folder a command runs in.
    path: str
    message: str
    line: int | None = None
    key: str | None = None  # the front-matter key it is about, dotted for nested keys
    level: Level = Level.ERROR
    shown: str = ""  # the file as people read it where problems are printed (see shown())
    # What kind of identifier a privacy problem is about (a Safe Harbor category such as
    # "names" or "ip", privacy.categories); None for every other problem.
    category: str | None = None

    @property
    def is_error(self) -> bool:
        """Whether it fails `make check` and a publish build."""
        return self.level == Level.ERROR

    def __str__(self) -> str:
        path = self.shown or self.path
        where = f"{path}:{self.line}" if self.line else path
        label = "" if self.level == Level.ERROR else f"{self.level}: "
        return f"{where}: {label}{self.message}"


def sort_key(problem: Problem) -> tuple[str, int, str, str]:
    """Problems in reading order: by file as shown, then line, then message."""
    return (problem.shown or problem.path, problem.line or 0, problem.message, problem.level)


def shown(path: str | os.PathLike[str] | None) -> str:
    """A path as messages show it: relative to where the command runs."""
    if not path:
        return "?"
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
