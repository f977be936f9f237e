"""ICD-10-CM codes and their official titles: from the shipped table, else simple_icd_10_cm."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from . import icd10_table


def normalise(code: str) -> str:
    """A code as looked up: no surrounding space, upper case ('g25.81 ' -> 'G25.81')."""
    return code.strip().upper()


def unknown_code(code: str) -> str:
    """The advice for a code the tables do not hold (build and check alike)."""
    return f"codes: '{code}' is not an ICD-10-CM code (2026 tabular list); correct it or remove it"


class CodeBook:
    """ICD-10-CM lookups from the table (icd10_table), or the package where the table cannot be."""

    def __init__(self, table_file: str | os.PathLike[str] | None = None):
        self._icd = None  # the simple_icd_10_cm module, once a lookup needs it (~3 s, 185 MiB)
        self._table_file = Path(table_file) if table_file else icd10_table.table_path()
        self._table: icd10_table.Table | None = None
        self._table_read = False
        self._titles: dict[str, str | None] = {}  # codes looked up: a file names the same again

    def _codes(self):
        if self._icd is None:
            # The package reads its tables with importlib APIs Python deprecates;
            # that is its business, not something to show the practitioner.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                import simple_icd_10_cm  # noqa: PLC0415 - slow import, only if the table cannot be

            self._icd = simple_icd_10_cm
        return self._icd

    def _look_up(self, key: str) -> str | None:
        if not self._table_read:
            self._table_read = True
            # None for a table of another version (or none, or damaged): never half-trusted.
            self._table = icd10_table.load(self._table_file)
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
        if key not in self._titles:
            self._titles[key] = self._look_up(key) if key else None
        return self._titles[key]

    def is_valid(self, code: str) -> bool:
        """Whether the code is an ICD-10-CM category, subcategory or full code."""
        return self.title(code) is not None
