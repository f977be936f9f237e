"""What the pure modules report: a problem in a file, shown as the reporter shows paths."""

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file: what, which key, and what to do."""

    source_path: str
    message: str
    line: int | None = None


def shown(path: str | os.PathLike[str] | None) -> str:
    """A path as messages show it: relative to where the build runs, like the reporter."""
    try:
        return os.path.relpath(path) if path else "?"
    except ValueError:  # another drive on Windows
        return str(path)
