"""Writing new content files: YAML values by an emitter, files whole or not at all."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml


def scalar(value: object) -> str:
    """One YAML value on one line, written by PyYAML's emitter: quotes and colons stay safe."""
    # A plain string is always double-quoted, so `#`, `: `, `[` and the like stay text.
    style = '"' if isinstance(value, str) else None
    text = yaml.safe_dump(
        value, default_style=style, default_flow_style=True, allow_unicode=True, width=1 << 30
    )
    return str(text).removesuffix("\n...\n").rstrip("\n")


def front_matter(meta: Mapping[str, Any], tail: str = "") -> str:
    """A whole YAML front matter between `---` lines, keys in the given order.

    Written by PyYAML's emitter (lists in flow style, one line each), so no value can end
    the block, start a key or become anything but itself; `tail` is text the caller already
    made by the emitter (a commented `case:` block).
    """
    text = yaml.dump(
        dict(meta),
        Dumper=_FrontMatterDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1 << 30,
    )
    return f"---\n{text}{tail}---\n"


# libyaml's emitter when PyYAML has it (the wheels do): the same text, ten times faster.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _FrontMatterDumper(_SafeDumper):  # type: ignore[misc, valid-type]
    """PyYAML's safe emitter, with lists on one line (`tags: [Neck pain, Sciatica]`)."""


def _flow_list(dumper: Any, data: list[Any]) -> Any:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_FrontMatterDumper.add_representer(list, _flow_list)


def _temporary(path: Path, data: str | bytes, durable: bool = True) -> str:
    """A hidden temporary file beside `path` holding `data` (flushed to disk if `durable`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data.encode("utf-8") if isinstance(data, str) else data)
            if durable:
                file.flush()
                os.fsync(file.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)  # a full disk or an interrupt leaves no half file
        raise
    return temporary


def write_new(path: Path, data: str | bytes, durable: bool = True) -> bool:
    """Write a file that must not exist yet, whole or not at all; False if it exists.

    `durable=False` skips waiting for the disk: the file is still whole or absent for any
    reader and after any interrupt, and only a power cut can leave it empty (`fill_empty`).
    """
    temporary = _temporary(path, data, durable)
    try:
        # A hard link fails if the name is taken, so an existing file is never replaced,
        # and a reader sees either no file or the whole of it.
        os.link(temporary, path)
    except FileExistsError:
        return False
    finally:
        with contextlib.suppress(OSError):
            os.remove(temporary)
    return True


def fill_empty(path: Path, data: str | bytes, durable: bool = True) -> bool:
    """Write over `path` only if it is an empty regular file (an interrupted write's)."""
    temporary = _temporary(path, data, durable)
    try:
        found = os.lstat(path)
        if not (found.st_size == 0 and os.path.isfile(path) and not os.path.islink(path)):
            return False
        os.replace(temporary, path)  # atomic: the empty file or the whole new one
    except FileNotFoundError:
        return write_new(path, data, durable)
    finally:
        with contextlib.suppress(OSError):
            os.remove(temporary)
    return True


def replace_whole(path: Path, data: str | bytes) -> None:
    """Write over `path` whole: any reader sees the old file or the new one, never half.

    The new file keeps the old one's permissions; a file new here is its owner's alone.
    """
    temporary = _temporary(path, data)
    try:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.remove(temporary)
