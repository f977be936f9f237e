"""What a build's output depends on besides its content: settings, theme, plugins, packages.

A build cache (incremental.py) is used only by a build with the same key: any change to a
setting, a template or stylesheet, the plugin's code or data, an installed package or Python
itself makes another key, and the next build starts afresh.
"""

from __future__ import annotations

import hashlib
import os
import sys
import sysconfig
from collections.abc import Iterable
from typing import Any

# Where the output goes is no part of what it holds (a publish build may write into a new
# folder each time and swap it in), nor where the cache lives, nor how many processes build
# it (the output is the same), nor whether the phases are timed.
IGNORED_SETTINGS = frozenset(
    {"OUTPUT_PATH", "CACHE_PATH", "CASEBOOK_WORKERS", "CASEBOOK_TIMINGS", "CASEBOOK_BUILD_CACHE"}
)
SKIPPED_NAMES = ("__pycache__", ".git")
# Read from the environment by the plugin, besides the settings.
ENVIRONMENT = ("CASEBOOK_TODAY", "SOURCE_DATE_EPOCH")


class UncomparableError(Exception):
    """A setting whose value cannot be compared between runs (an object shown by address)."""


def canonical(value: Any, depth: int = 0) -> str:
    """A text that is the same in every run exactly when the value is."""
    if depth > 20:
        raise UncomparableError("nested too deep")
    if value is None or isinstance(value, bool | int | float | str | bytes):
        return f"{type(value).__name__}:{value!r}"
    if isinstance(value, dict):
        items = sorted((canonical(k, depth + 1), canonical(v, depth + 1)) for k, v in value.items())
        return "{" + ",".join(f"{k}={v}" for k, v in items) + "}"
    if isinstance(value, list | tuple):
        return f"{type(value).__name__}[" + ",".join(canonical(v, depth + 1) for v in value) + "]"
    if isinstance(value, set | frozenset):
        return "set[" + ",".join(sorted(canonical(v, depth + 1) for v in value)) + "]"
    name = getattr(value, "__qualname__", None)
    module = getattr(value, "__module__", None)
    if name and module and callable(value):
        return f"code:{module}.{name}"  # a function or class: its code is in the plugin key
    text = repr(value)
    if " at 0x" in text:
        raise UncomparableError(text)
    return f"{type(value).__qualname__}:{text}"


def _files(folder: str) -> Iterable[str]:
    """Every file under `folder`, in a fixed order, leaving out compiled Python."""
    for root, dirs, names in os.walk(folder, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_NAMES)
        for name in sorted(names):
            if not name.endswith((".pyc", ".pyo")):
                yield os.path.join(root, name)


def folder_digest(digest: Any, folder: str) -> None:
    """Add the names and bytes of every file under `folder` to `digest`."""
    if not folder or not os.path.isdir(folder):
        digest.update(b"\0no folder\0" + str(folder).encode())
        return
    for path in _files(folder):
        digest.update(b"\0" + os.path.relpath(path, folder).encode() + b"\0")
        try:
            with open(path, "rb") as file:
                digest.update(file.read())
        except OSError:
            digest.update(b"\0unreadable\0")


def packages() -> list[str]:
    """The installed distributions, by name and version (their folders' names say both)."""
    found = [sys.version]
    for key in ("purelib", "platlib"):
        folder = sysconfig.get_paths().get(key)
        if folder and os.path.isdir(folder):
            found += sorted(
                f"{key}:{name}"
                for name in os.listdir(folder)
                if name.endswith((".dist-info", ".egg-info", ".egg-link", ".pth"))
            )
    return found


def build_key(settings: dict[str, Any]) -> str | None:
    """The key of everything but the content; None when a setting cannot be compared."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        kept = {k: v for k, v in settings.items() if k not in IGNORED_SETTINGS}
        digest.update(canonical(kept).encode("utf-8", "surrogatepass"))
    except UncomparableError:
        return None
    digest.update(canonical([os.environ.get(name) for name in ENVIRONMENT]).encode())
    folder_digest(digest, str(settings.get("THEME") or ""))
    for extra in settings.get("THEME_TEMPLATES_OVERRIDES") or ():
        folder_digest(digest, str(extra))
    for folder in settings.get("PLUGIN_PATHS") or ():
        folder_digest(digest, str(folder))
    digest.update("\n".join(packages()).encode())
    return digest.hexdigest()
