"""ICD-10-CM codes and their official titles: from the shipped table, else simple_icd_10_cm."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import warnings
from pathlib import Path

from . import icd10_table
from .icd10_table import package_version as _package_version

CACHE_FILE = "casebook-icd10.json"


def normalise(code: str) -> str:
    """A code as looked up: no surrounding space, upper case ('g25.81 ' -> 'G25.81')."""
    return code.strip().upper()


def unknown_code(code: str) -> str:
    """The advice for a code the tables do not hold (build and check alike)."""
    return f"codes: '{code}' is not an ICD-10-CM code (2026 tabular list); correct it or remove it"


class CodeBook:
    """ICD-10-CM lookups from the table (icd10_table), or the package where the table cannot be."""

    def __init__(
        self,
        cache_dir: str | os.PathLike[str] | None = None,
        table_file: str | os.PathLike[str] | None = None,
    ):
        self._icd = None  # the simple_icd_10_cm module, once a lookup needs it (~3 s, 185 MiB)
        self._table_file = Path(table_file) if table_file else icd10_table.table_path()
        self._table: icd10_table.Table | None = None
        self._table_read = False
        self._path = os.path.join(cache_dir, CACHE_FILE) if cache_dir else None
        self._version = _package_version()
        self._titles: dict[str, str | None] = self._read_cache()
        self._changed = False

    def _read_cache(self) -> dict[str, str | None]:
        """Titles remembered by an earlier build with the same code tables, if any."""
        if not self._path or not self._version:
            return {}
        try:
            with open(self._path, encoding="utf-8") as file:
                data = json.load(file)
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != self._version:
            return {}  # other tables: codes may have been added or retired
        titles = data.get("titles")
        return dict(titles) if isinstance(titles, dict) else {}

    def _codes(self):
        if self._icd is None:
            # The package reads its tables with importlib APIs Python deprecates;
            # that is its business, not something to show the practitioner.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                import simple_icd_10_cm  # noqa: PLC0415 - slow import, only when a code is new

            self._icd = simple_icd_10_cm
        return self._icd

    def _look_up(self, key: str) -> str | None:
        if not self._table_read:
            self._table_read = True
            # None for a table of another version (or none, or damaged): never half-trusted.
            self._table = icd10_table.load(self._table_file, self._version)
        if self._table is not None:
            try:
                return self._table.title(key)
            except icd10_table.DamagedTableError:
                self._table = None  # the package has every title the table lost
        icd = self._codes()
        # Chapters ('6') and blocks ('G50-G59') are valid items, but not codes.
        if icd.is_valid_item(key) and icd.is_category_or_subcategory(key):
            return str(icd.get_description(key))
        return None

    def title(self, code: str) -> str | None:
        """The official description of a category or (sub)code; None if it is not one."""
        key = normalise(code)
        if key in self._titles:
            return self._titles[key]
        title = self._look_up(key) if key else None
        self._titles[key] = title
        self._changed = True
        return title

    def is_valid(self, code: str) -> bool:
        """Whether the code is an ICD-10-CM category, subcategory or full code."""
        return self.title(code) is not None

    def save(self) -> None:
        """Remember looked-up titles for the next build, if a cache folder was given."""
        if not self._path or not self._version or not self._changed:
            return
        folder = os.path.dirname(self._path)
        try:
            os.makedirs(folder, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        except OSError:
            return  # only a speed-up: a read-only cache folder must not fail the build
        try:
            # Write aside, then rename: a build stopped half-way leaves the old cache whole.
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                json.dump(
                    {"version": self._version, "titles": self._titles},
                    file,
                    ensure_ascii=False,
                    indent=0,
                    sort_keys=True,
                )
            os.replace(temporary, self._path)
        except OSError:
            with contextlib.suppress(OSError):
                os.remove(temporary)
            return
        self._changed = False
