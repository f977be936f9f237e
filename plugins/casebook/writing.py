"""Writing new content files: YAML values by an emitter, files whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import yaml


def scalar(value: object) -> str:
    """One YAML value on one line, written by PyYAML's emitter: quotes and colons stay safe."""
    # A plain string is always double-quoted, so `#`, `: `, `[` and the like stay text.
    style = '"' if isinstance(value, str) else None
    text = yaml.safe_dump(
        value, default_style=style, default_flow_style=True, allow_unicode=True, width=1 << 30
    )
    return str(text).removesuffix("\n...\n").rstrip("\n")


def write_new(path: Path, text: str) -> bool:
    """Write a file that must not exist yet, whole or not at all; False if it exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        # A hard link fails if the name is taken, so an existing file is never replaced,
        # and a reader sees either no file or the whole of it.
        os.link(temporary, path)
    except FileExistsError:
        return False
    finally:
        with contextlib.suppress(OSError):
            os.remove(temporary)
    return True
