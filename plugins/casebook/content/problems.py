"""What the rule book reports: a problem in a file, at a line and key, and how paths are shown."""

import os
from dataclasses import dataclass

# An error fails `make check` and a publish build; a warning and a note never do.
LEVELS = ("error", "warning", "note")


@dataclass(frozen=True)
class Problem:
    """Something about a file: what is wrong, which key, and what to do."""

    path: str  # as messages show it: see shown()
    message: str
    line: int | None = None
    key: str | None = None  # the front-matter key it is about, dotted for nested keys
    level: str = "error"

    @property
    def is_error(self) -> bool:
        """Whether it fails `make check` and a publish build."""
        return self.level == "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        label = "" if self.level == "error" else f"{self.level}: "
        return f"{where}: {label}{self.message}"


def sort_key(problem: Problem) -> tuple[str, int, str, str]:
    """Problems in reading order: by file, then line, then message."""
    return (problem.path, problem.line or 0, problem.message, problem.level)


def shown(path: str | os.PathLike[str] | None) -> str:
    """A path as messages show it: relative to where the command runs."""
    if not path:
        return "?"
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
