"""The ICD-10-CM codes and titles of simple_icd_10_cm, precomputed into one small file.

Importing simple_icd_10_cm parses its XML tabular list: about 3 s and 185 MiB, held for as long
as the process lives (the preview and the writing desk live long). `codes.txt.gz` holds what
CodeBook asks of it, every category, subcategory and code with its official title, as sorted
text lines ("G25.81 Restless legs syndrome") in gzip members of CHUNK lines each. The first
member names the package version it was made from and the first code and size of every other
member: a lookup bisects that index and inflates one member (at most 130 KB of text). The
file is one gzip stream, so `zcat codes.txt.gz` shows the whole table. A table for another
version, or a damaged one, is never read: CodeBook looks codes up in the package instead.

    python -m casebook.icd10_table          # write codes.txt.gz again from the installed package
    python -m casebook.icd10_table --check  # exit 1 if it is not for the installed package
"""

from __future__ import annotations

import argparse
import warnings
import zlib
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from importlib import metadata
from pathlib import Path

PACKAGE = "simple-icd-10-cm"
TABLE_FILE = "codes.txt.gz"
# The format's own name and number: a table of another format is stale like one of another version.
HEADER = "# casebook ICD-10-CM table 1, from " + PACKAGE + " "
CHUNK = 1024  # lines a member: 96 members, each inflated in about 0.1 ms
HEAD_LIMIT = 64 * 1024  # the index member is about 1 KiB; more than this is no table of ours


class DamagedTableError(ValueError):
    """A member of the table that does not inflate to the lines its index promises."""


def package_version() -> str | None:
    """The installed package's version, read from its metadata (its tables are not loaded)."""
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return None


def dotted(code: str) -> str:
    """A normalised code as the package resolves it: 'G2581' -> 'G25.81'."""
    # Codes of four characters or more have their dot after the third; the package accepts
    # them without it, and every such form is a code's (chapters and blocks have no dot).
    if len(code) >= 4 and code[3] != ".":
        return code[:3] + "." + code[3:]
    return code


class Table:
    """A read table: the index of its members, and the members themselves, still compressed."""

    def __init__(self, version: str, firsts: list[str], ends: list[int], data: bytes) -> None:
        self.version = version
        self._firsts = firsts  # the first code of each member, sorted
        self._ends = ends  # where each member ends in data
        self._data = data
        self._last: tuple[int, str] = (-1, "")  # the member inflated last: lookups come in runs

    def _member(self, i: int) -> str:
        if self._last[0] != i:
            start = self._ends[i - 1] if i else 0
            try:
                text = zlib.decompress(self._data[start : self._ends[i]], wbits=31).decode()
            except (zlib.error, UnicodeDecodeError) as error:
                raise DamagedTableError(f"member {i}: {error}") from error
            if not text.startswith(self._firsts[i] + " ") or not text.endswith("\n"):
                raise DamagedTableError(f"member {i} does not hold the lines its index says")
            self._last = (i, text)
        return self._last[1]

    def title(self, code: str) -> str | None:
        """The title of a normalised code, or None if the package holds no such code."""
        key = dotted(code)
        if not key or not key.isascii() or not key.replace(".", "").isalnum():
            return None  # codes are letters, digits and a dot; a space would match inside a line
        i = bisect_right(self._firsts, key) - 1
        if i < 0:
            return None
        text = self._member(i)
        if text.startswith(key + " "):
            start = 0
        else:
            start = text.find("\n" + key + " ") + 1
            if not start:
                return None
        start += len(key) + 1
        return text[start : text.index("\n", start)]

    def items(self) -> Iterator[tuple[str, str]]:
        """Every code and its title, in order."""
        for i in range(len(self._firsts)):
            for line in self._member(i).splitlines():
                code, _, title = line.partition(" ")
                yield code, title


def _gzip(text: str) -> bytes:
    # zlib's own gzip wrapper: no file name, no time, so the same titles make the same bytes.
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return packer.compress(text.encode()) + packer.flush()


def render(titles: Mapping[str, str], version: str) -> bytes:
    """The bytes of a table file: the index member, then the sorted lines in members."""
    lines = []
    for code in sorted(titles):
        title = titles[code]
        if not code or " " in code or "\n" in code or "\n" in title:
            raise ValueError(f"{code!r}: a code with a space or a title of two lines")
        lines.append(f"{code} {title}\n")
    chunks = [lines[i : i + CHUNK] for i in range(0, len(lines), CHUNK)]
    members = [_gzip("".join(chunk)) for chunk in chunks]
    index = "".join(
        f"# {c[0].partition(' ')[0]} {len(m)}\n" for c, m in zip(chunks, members, strict=True)
    )
    head = _gzip(HEADER + version + "\n" + index)
    if len(head) > HEAD_LIMIT:
        raise ValueError("the index has outgrown HEAD_LIMIT")
    return head + b"".join(members)


def parse(data: bytes, version: str) -> Table | None:
    """The table in a file's bytes, or None if it is not a whole table made from `version`."""
    inflate = zlib.decompressobj(wbits=31)
    try:
        lines = inflate.decompress(data[:HEAD_LIMIT]).decode().split("\n")
    except (zlib.error, UnicodeDecodeError):
        return None
    if not inflate.eof or lines[0] != HEADER + version or lines[-1] != "":
        return None  # cut short, or stale
    start = min(len(data), HEAD_LIMIT) - len(inflate.unused_data)
    firsts: list[str] = []
    ends: list[int] = []
    end = 0
    for line in lines[1:-1]:
        mark, first, size = (line.split(" ") + ["", ""])[:3]
        if mark != "#" or not size.isdigit() or (firsts and first <= firsts[-1]):
            return None
        end += int(size)
        firsts.append(first)
        ends.append(end)
    if not firsts or end != len(data) - start:
        return None  # a member missing, cut short or grown
    return Table(version, firsts, ends, data[start:])


def table_path() -> Path:
    """Where the table ships: beside this module."""
    return Path(__file__).with_name(TABLE_FILE)


def load(path: Path | None = None, version: str | None = None) -> Table | None:
    """The table at `path` if it was made from the installed package (or `version`), else None."""
    version = version or package_version()
    if not version:
        return None  # no package to vouch for it
    try:
        data = (path or table_path()).read_bytes()
    except OSError:
        return None
    return parse(data, version)


def titles_from_package() -> dict[str, str]:
    """Every category, subcategory and code the installed package holds, with its title."""
    with warnings.catch_warnings():
        # Its importlib calls Python deprecates are the package's business.
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm as icd  # noqa: PLC0415 - the slow path the table spares

    return {
        code: icd.get_description(code)
        for code in icd.get_all_codes()
        # Chapters ('6') and blocks ('G50-G59') are items, but not codes.
        if icd.is_valid_item(code) and icd.is_category_or_subcategory(code)
    }


def write(titles: Mapping[str, str], path: Path, version: str) -> None:
    """Write a table atomically: a half-written file is never read as one."""
    # Imported here: only the maker writes, and a lookup never needs the YAML emitter.
    from ..content.newfiles import replace_whole  # noqa: PLC0415

    replace_whole(path, render(titles, version))


def main(argv: Sequence[str] | None = None) -> int:
    """Write the table from the installed package, or check that the shipped one is for it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if the table is stale")
    args = parser.parse_args(argv)
    version = package_version()
    if args.check:
        fresh = load() is not None
        print(f"{table_path()}: {'fresh' if fresh else f'stale: run python -m {__name__}'}")
        return 0 if fresh else 1
    if not version:
        print(f"{PACKAGE} is not installed: there is nothing to make the table from")
        return 1
    titles = titles_from_package()
    write(titles, table_path(), version)
    print(f"{table_path()}: {len(titles)} codes from {PACKAGE} {version}")
    return 0
