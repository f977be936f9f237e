"""Unit tests import the plugin's pure modules under their short names; no site is built."""

import importlib
import sys
from pathlib import Path

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"

# Only the package name `casebook` is added to the import path; its pure
# modules are also registered under their own names for the tests.
sys.path.insert(0, str(PLUGINS))
for name in ("vocabulary", "followups", "icd10"):
    sys.modules.setdefault(name, importlib.import_module(f"casebook.{name}"))
