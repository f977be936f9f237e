"""Each content file as a build read it, pickled, appended to pack files in the cache folder.

One small file per content file would cost a file's creation for each (on a cold build, a
thousand); a pack is one file per process and build, written straight on. A reading is found
again by (pack, offset, length) and used only if its digest is the same: a pack cut short or
changed is never read as a file. Packs no kept build refers to are removed (Packs.forget).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import secrets
from typing import IO, NamedTuple

PACKS = "packs"
SUFFIX = ".pack"
COMPACT_OVER = 8  # packs a build refers to; beyond that its readings are packed anew


class Where(NamedTuple):
    """Where one reading is kept, and the digest of its bytes."""

    pack: str
    offset: int
    length: int
    digest: bytes


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


class Packs:
    """The packs under `folder/packs/`: this process appends to its own."""

    def __init__(self, folder: str) -> None:
        self.folder = os.path.join(folder, PACKS)
        self._file: io.FileIO | None = None
        self._name = ""
        self._pid = 0
        self._open: dict[str, IO[bytes]] = {}

    def add(self, data: bytes) -> Where | None:
        """Append a reading to this process's pack; None if the cache folder will not take it."""
        try:
            if self._file is None or self._pid != os.getpid():  # a forked worker opens its own
                os.makedirs(self.folder, exist_ok=True)
                self._name = f"{os.getpid()}-{secrets.token_hex(6)}{SUFFIX}"
                # Unbuffered: a worker ends with os._exit, which flushes nothing.
                self._file = io.FileIO(os.path.join(self.folder, self._name), "ab")
                self._pid = os.getpid()
            offset = self._file.tell()
            self._file.write(data)
        except OSError:
            return None
        return Where(self._name, offset, len(data), _digest(data))

    def get(self, where: Where) -> bytes | None:
        """A reading as it was added, or None if its pack is gone, cut short or changed."""
        if os.sep in where.pack or not where.pack.endswith(SUFFIX):
            return None
        try:
            file = self._open.get(where.pack)
            if file is None:
                path = os.path.join(self.folder, where.pack)
                file = self._open[where.pack] = open(path, "rb")  # noqa: SIM115 - closed in close()
            file.seek(where.offset)
            data = file.read(where.length)
        except OSError:
            return None
        return data if len(data) == where.length and _digest(data) == where.digest else None

    def close(self) -> None:
        for file in [*([self._file] if self._file else []), *self._open.values()]:
            with contextlib.suppress(OSError):
                file.close()
        self._file, self._open = None, {}

    def forget(self, kept: set[str]) -> None:
        """Remove every pack no kept build refers to (and what a failed build left)."""
        self.close()
        with contextlib.suppress(OSError):
            for name in os.listdir(self.folder):
                if name.endswith(SUFFIX) and name not in kept:
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(self.folder, name))
